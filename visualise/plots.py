"""Plots people would rather look at than read: concerns x years, one topic over time, who asks.

matplotlib with the Agg backend (no screen needed); each plot writes PNG and SVG. Data comes from
the same named queries the CLI runs, so a plot and a table never disagree.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from pathlib import Path

from councilgraph.queries.run import run_query


def _plt():
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    plt.rcParams.update({"font.size": 10, "svg.hashsalt": "councilgraph", "figure.dpi": 110})
    return plt


def _save(fig, out: Path) -> list[Path]:
    out.parent.mkdir(parents=True, exist_ok=True)
    paths = []
    for ext in ("png", "svg"):
        p = out.with_suffix("." + ext)
        fig.savefig(p, bbox_inches="tight", metadata={"Date": None} if ext == "svg" else None)
        paths.append(p)
    return paths


def heatmap_data(store, *, council: str = "", committee: str = "",
                 limit: int = 15) -> tuple[list[str], list[int], list[list[int]]]:
    """(topic labels, years, counts[topic][year]) for the most recurrent concerns, per council or committee."""
    rows = run_query("recurring_concerns", {"min_committees": 1, "min_years": 1, "council": council},
                     store=store).records()[:limit]
    counts: dict[str, Counter] = defaultdict(Counter)
    years: set[int] = set()
    for r in rows:
        for t in run_query("topic_timeline", {"topic": r["topic"]}, store=store).records():
            if t["year"] is None:
                continue
            if council and not (t["council"] and council.lower() in t["council"].lower()):
                continue
            if committee and not (t["committee"] and committee.lower() in t["committee"].lower()):
                continue
            counts[r["label"]][t["year"]] += 1
            years.add(t["year"])
    labels = [r["label"] for r in rows if counts[r["label"]]]
    ys = sorted(years)
    return labels, ys, [[counts[label][y] for y in ys] for label in labels]


def heatmap(store, out: str | Path, *, council: str = "", committee: str = "", limit: int = 15) -> list[Path]:
    plt = _plt()
    labels, years, grid = heatmap_data(store, council=council, committee=committee, limit=limit)
    fig, ax = plt.subplots(figsize=(max(5, 1.1 * len(years) + 3), max(3, 0.42 * len(labels) + 1.5)))
    im = ax.imshow(grid or [[0]], cmap="OrRd", aspect="auto")
    ax.set_xticks(range(len(years)), [f"{y}/{(y + 1) % 100:02d}" for y in years])
    ax.set_yticks(range(len(labels)), labels)
    for i, row in enumerate(grid):
        for j, v in enumerate(row):
            if v:
                ax.text(j, i, str(v), ha="center", va="center", fontsize=9,
                        color="white" if v > max(max(r) for r in grid) * 0.6 else "black")
    scope = " — ".join(x for x in (council, committee) if x)
    ax.set_title(f"Questions on recurring concerns by municipal year{' — ' + scope if scope else ''}")
    fig.colorbar(im, ax=ax, label="questions")
    paths = _save(fig, Path(out))
    plt.close(fig)
    return paths


def timeline(store, topic: str, out: str | Path) -> list[Path]:
    plt = _plt()
    rows = run_query("topic_timeline", {"topic": topic}, store=store).records()
    by: dict[str, Counter] = defaultdict(Counter)
    for r in rows:
        if r["year"] is not None:
            by[r["council"] or "unknown council"][r["year"]] += 1
    years = sorted({y for c in by.values() for y in c})
    fig, ax = plt.subplots(figsize=(7, 3.6))
    width = 0.8 / max(1, len(by))
    for k, (council, c) in enumerate(sorted(by.items())):
        ax.bar([i + k * width for i in range(len(years))], [c[y] for y in years], width, label=council)
    ax.set_xticks([i + width * (len(by) - 1) / 2 for i in range(len(years))],
                  [f"{y}/{(y + 1) % 100:02d}" for y in years])
    ax.set_ylabel("questions")
    ax.set_title(f"Questions on {topic.removeprefix('topic/').replace('-', ' ')} by year")
    if by:
        ax.legend(fontsize=8)
    paths = _save(fig, Path(out))
    plt.close(fig)
    return paths


def askers(store, topic: str, out: str | Path, *, limit: int = 12) -> list[Path]:
    plt = _plt()
    rows = run_query("topic_askers", {"topic": topic}, store=store).records()[:limit]
    fig, ax = plt.subplots(figsize=(6.5, max(2.5, 0.35 * len(rows) + 1.2)))
    ax.barh([r["name"] for r in rows][::-1], [r["questions"] for r in rows][::-1], color="#1f77b4")
    ax.set_xlabel("questions")
    ax.set_title(f"Who raises {topic.removeprefix('topic/').replace('-', ' ')} most")
    paths = _save(fig, Path(out))
    plt.close(fig)
    return paths
