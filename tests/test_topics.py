"""A question's first topic, which recurrence counts, follows a specific agenda item."""

from councilgraph.graph.topics import annotate, default_scheme


def _first_topics(extract, text):
    x = extract(text)
    annotate(x, default_scheme())
    return [q.topics[0] if q.topics else None for q in x.questions]


def test_points_under_a_specific_item_lead_with_its_topic(extract):
    text = ("Agenda item\n\nPothole Repairs - Update\n\nMinutes:\n\n"
            "Councillor Ames asked whether the highways contract covered safety critical work.\n\n"
            "Councillor Bryn asked how many pot holes had been filled.\n")
    assert _first_topics(extract, text) == ["potholes", "potholes"]


def test_a_broad_report_does_not_lead(extract):
    text = ("Agenda item\n\nQuarter 2 Performance Report\n\nMinutes:\n\n"
            "Councillor Ames asked why gritting routes had been cut.\n")
    assert _first_topics(extract, text) == ["winter-maintenance"]
