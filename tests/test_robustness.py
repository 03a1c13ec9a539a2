from pathlib import Path

from councilgraph.loaders.extract import extract_document
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from .conftest import doc

WORDS = st.sampled_from(["Councillor", "Cllr", "Cllr.", "Mrs", "The", "Head", "of", "Chair", "asked", "said",
                         "He", "she", "Resolved:", "Q4", "2022-23", "Smith", "J.", "da", "•", "\n", "\n\n", ",",
                         ".", "(i)", "5.1", "In response to a question from", "Members", "left the meeting",
                         "from", "19.8", "to", "18.8", "Meeting:", "Minutes:", "Period 7", "explained that"])


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.text(max_size=400), st.lists(WORDS, max_size=80).map(" ".join)))
def test_extraction_never_raises_and_spans_are_valid(text):
    x = extract_document(doc(text), check_minutes=False)
    n = len(x.text)
    spans = [m.span for p in x.people for m in p.mentions] + [q.span for q in x.questions] + \
            [a.span for a in x.answers] + [i.span for i in x.indicators] + [s.span for s in x.actions]
    for s in spans:
        assert 0 <= s.start <= s.end <= n
    for q in x.questions:
        assert x.text[q.span.start:q.span.end] == q.text


def test_extraction_leaves_no_reference_cycles():
    """`api.extract` pauses the cyclic garbage collector for speed; that is only safe while
    extraction creates no cycles, so anything it leaves for the collector is a regression."""
    import gc

    from councilgraph.api import extract, sample_corpus

    fixtures = Path(__file__).parent / "fixtures" / "varied"
    extract([fixtures])  # loads the topic scheme (rdflib's parser leaves cycles, once)
    gc.collect()
    gc.disable()
    try:
        results = extract([sample_corpus(), fixtures])  # the sample's non-minutes file takes the skip path
        garbage = gc.collect()
    finally:
        gc.enable()
    assert len(results) == 54
    assert garbage == 0
    assert extract([fixtures]) and gc.isenabled()  # the collector's state is restored


def test_paused_collector_still_frees_what_pdf_loading_leaves(tmp_path, monkeypatch):
    """pypdf leaves reference cycles; with the collector paused they are freed every
    `_YOUNG_EVERY` documents, not kept until the whole batch ends."""
    import gc

    from councilgraph import api

    from .test_loaders import _write_pdf

    for i in range(4):
        _write_pdf(tmp_path / f"m{i}.pdf", ["Agenda item", "", f"Item {i}", "", "Minutes:", "",
                                            "Councillor Ada Lyle asked why the report was late.", "",
                                            "Resolved: That the report be noted."])
    api.extract([tmp_path])  # warm up: imports, topic scheme

    def left_over(every: int) -> int:
        monkeypatch.setattr(api, "_YOUNG_EVERY", every)
        gc.collect()
        gc.disable()
        try:
            assert len(api.extract([tmp_path])) == 4
            return gc.collect()
        finally:
            gc.enable()

    kept_to_the_end, collected_as_we_go = left_over(1000), left_over(1)
    assert kept_to_the_end > 0
    assert collected_as_we_go < kept_to_the_end / 2
