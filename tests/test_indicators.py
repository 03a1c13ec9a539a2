"""Indicators in the shapes UK minutes print them (fictional councils and figures)."""

from councilgraph.loaders.extract.indicators import find_indicators
from councilgraph.loaders.extract.segment import blocks, sentences


def _read(text):
    sents = [s for b in blocks(text) for s in sentences(text, b)]
    out = find_indicators(text, sents)
    for i in out:
        assert text[i.span.start:i.span.end] == i.text  # the evidence is the printed words
    return {i.name: (i.values, i.direction) for i in out}


def test_counts_and_amounts_keep_values_as_printed():
    got = _read("Officers reported that 412 EHC plans were finalised in the year. "
                "The forecast overspend of £4.7m was discussed.\n")
    assert got["EHC plans"] == (["412"], None)
    assert got["forecast overspend"] == (["£4.7m"], None)


def test_item_numbers_years_and_spans_of_years_are_not_counts():
    got = _read("57 Quarterly Performance Report\n\nThe 2019- 22 savings plan was noted in 2021 by members.\n")
    assert got == {}


def test_negation_gives_no_direction():
    got = _read("The vacancy rate had not increased from 8% to 9% as feared.\n")
    assert all(d != "up" for _, d in got.values())


def test_named_scorecard():
    got = _read("Members considered the Performance Scorecard for Adult Social Care and Housing.\n")
    assert any(n.startswith("Performance Scorecard for Adult Social Care") for n in got)


def test_a_denominator_beside_a_share_is_not_a_second_indicator():
    got = _read("Of the 40 service measures (SMs), 10 were for this panel. 70% (7) of SMs were on track.\n")
    assert "service measures" not in got
