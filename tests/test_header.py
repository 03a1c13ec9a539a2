"""Meeting headers, agenda items and classification on fictional pages in the shapes real minutes take."""

from pathlib import Path

from councilgraph.loaders.extract.classify import looks_like_minutes

FIX = Path(__file__).parent / "fixtures" / "meta"


def test_full_council_debate_is_minutes():
    # a full council meeting: no committee, no titled members, no resolution
    assert looks_like_minutes((FIX / "full_council_debate.txt").read_text())


def test_press_release_is_not_minutes():
    text = ("Residents are invited to a summer fair in the park on Saturday. Stalls, music and food will be "
            "available from 10am. Entry is free and everyone is welcome.")
    assert not looks_like_minutes(text)
