"""The JSON Lines form scored by ../shared/eval/score.py (see CONTRACT.md), one object per document.

Objects carry their evidence spans (`start`/`end` into the document text) beside the fields the
contract names, so a reader of the JSON can always go back to the words.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import IO, Any

from .records import Extraction


def _pid(x: Extraction, key: str | None) -> str | None:
    p = x.person(key)
    return (p.id or p.key) if p else None


def to_contract(x: Extraction) -> dict[str, Any]:
    items = []
    for it in x.items:
        d: dict[str, Any] = {"number": it.number, "title": it.title, "start": it.span.start, "end": it.span.end}
        if it.report:
            d["report_author"] = it.report.author
            per = it.report.period
            d["report_period"] = None if per is None else {
                "fiscal_year": per.fiscal_year, "quarter": per.quarter,
                "start": per.start.isoformat() if per.start else None,
                "end": per.end.isoformat() if per.end else None, "text": per.text,
            }
        items.append(d)
    return {
        "source": x.source,
        "url": x.url,
        "council": x.council,
        "committee": x.committee,
        "meeting_date": x.meeting_date.isoformat() if x.meeting_date else None,
        "items": items,
        "people": [{"id": p.id or p.key, "name": p.name, "kind": p.kind, "role": p.role,
                    "mentions": [{"text": m.text, "start": m.span.start, "end": m.span.end} for m in p.mentions]}
                   for p in x.people],
        "questions": [{"asker": _pid(x, q.asker), "responders": [_pid(x, r) for r in q.responders],
                       "topics": q.topics, "text": q.text, "start": q.span.start, "end": q.span.end,
                       "answers": [{"responder": _pid(x, x.answers[i].responder), "text": x.answers[i].text,
                                    "start": x.answers[i].span.start, "end": x.answers[i].span.end}
                                   for i in q.answers]}
                      for q in x.questions],
        "indicators": [{"name": i.name, "values": i.values, "direction": i.direction, "text": i.text,
                        "start": i.span.start, "end": i.span.end} for i in x.indicators],
        "resolutions": [r.text for r in x.resolutions],
        "actions": [a.text for a in x.actions],
        "attendance": [{"person": _pid(x, a.person), "event": a.event, "start": a.span.start, "end": a.span.end}
                       for a in x.attendance],
    }


def write_jsonl(extractions: Iterable[Extraction], fp: IO[str]) -> int:
    n = 0
    for x in extractions:
        fp.write(json.dumps(to_contract(x), ensure_ascii=False, sort_keys=False) + "\n")
        n += 1
    return n
