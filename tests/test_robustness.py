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
