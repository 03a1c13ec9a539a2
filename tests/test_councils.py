"""The councils list: one canonical name per body, from its address or from how the text names it."""

from collections import Counter

import pytest
from councilgraph.loaders.extract import councils
from councilgraph.loaders.extract.header import council_from_text, council_from_url


def test_stems_are_unique():
    stems = Counter(s for c in councils.councils() for s in c.stems)
    assert [s for s, n in stems.items() if n > 1] == []


def test_names_are_unique_and_every_nation_is_listed():
    names = Counter(c.name for c in councils.councils())
    assert [n for n, k in names.items() if k > 1] == []
    nations = Counter(c.nation for c in councils.councils() if c.kind not in ("former",))
    assert nations["wales"] >= 22 and nations["scotland"] >= 32 and nations["northern-ireland"] >= 11
    assert len(councils.councils()) >= 390


def test_short_forms_point_at_one_body():
    seen: dict[str, str] = {}
    for c in councils.councils():
        for form in (c.name, *c.short_forms):
            key = councils.normalise(form)
            assert seen.setdefault(key, c.name) == c.name, form


@pytest.mark.parametrize("url, name", [
    ("https://democracy.kent.gov.uk/mgAi.aspx?ID=1", "Kent County Council"),
    ("https://kent.moderngov.co.uk/ieListDocuments.aspx?CId=1", "Kent County Council"),
    ("https://democracy.rbwm.gov.uk:443/ieListDocuments.aspx", "Royal Borough of Windsor and Maidenhead"),
    ("http://moderngov.npt.gov.uk/mgAi.aspx?ID=2", "Neath Port Talbot County Borough Council"),
    ("https://democracy.carmarthenshire.gov.wales/mgAi.aspx", "Carmarthenshire County Council"),
    ("https://democratiaeth.sirgar.llyw.cymru/mgAi.aspx", "Carmarthenshire County Council"),
    ("https://www.rutland.gov.uk/moderngov/mgAi.aspx", "Rutland County Council"),
    ("https://mycouncil.surreycc.gov.uk/mgAi.aspx", "Surrey County Council"),
    ("https://democracy.leics.gov.uk/mgAi.aspx", "Leicestershire County Council"),
    ("https://committeemeetings.belfastcity.gov.uk/x", "Belfast City Council"),
])
def test_address_gives_the_listed_council(url, name):
    assert council_from_url(url) == name


@pytest.mark.parametrize("text, url", [
    ("The RBWM Cabinet noted the report.", "https://democracy.rbwm.gov.uk/mgAi.aspx"),
    ("Officers of the Royal Borough of Windsor and Maidenhead attended.", "https://democracy.rbwm.gov.uk/"),
    ("NPT officers reported on the school places review.", "https://moderngov.npt.gov.uk/"),
    ("the work of Neath Port Talbot Council on housing", "https://moderngov.npt.gov.uk/"),
    ("Kent Council and its partners", "https://democracy.kent.gov.uk/"),
    ("Durham County Council had agreed the plan.", "https://democracy.durham.gov.uk/"),
])
def test_text_and_address_give_the_same_council(text, url):
    assert council_from_text(text) == council_from_url(url)


def test_unlisted_host_still_gives_a_readable_name():
    assert council_from_url("https://democracy.newtownshire.gov.uk/mgAi.aspx") == "Newtownshire Council"
    assert council_from_url("https://minutes.brackenfordcounty.gov.uk/") == "Brackenford Council"
    assert council_from_url(None) is None


def test_unlisted_name_is_kept_as_written():
    assert councils.canonical("Brackenford Borough Council") == "Brackenford Borough Council"
