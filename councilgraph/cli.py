"""The `councilgraph` command. Each command parses options, calls one API function, and turns
councilgraph's own errors into a one-line `Error: ...` with a non-zero exit, never a traceback."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from councilgraph import api
from councilgraph.errors import CouncilGraphError
from councilgraph.loaders import Skip

app = typer.Typer(help="Turn UK council committee minutes into a knowledge graph of who asked what, "
                       "who answered, and which concerns keep coming back.",
                  no_args_is_help=True, add_completion=False)
err = Console(stderr=True)


@app.callback()
def _root() -> None:
    """councilgraph: minutes in, knowledge graph out. Run `councilgraph COMMAND --help` for each command."""

PathsArg = Annotated[list[Path], typer.Argument(help="Minutes files or folders (text, HTML, PDF).")]
ManifestOpt = Annotated[Path | None, typer.Option(help="CSV with file,url,council,committee,meeting_date. "
                                                   "A manifest.csv inside an input folder is used anyway.")]
StrictOpt = Annotated[bool, typer.Option("--strict", help="Fail on the first file that cannot be read.")]
FormatOpt = Annotated[str | None, typer.Option("--format", help="Force an input format: text, html or pdf.")]
TopicsOpt = Annotated[Path | None, typer.Option(help="Your own SKOS concept scheme (Turtle) for topics.")]


def _progress() -> Progress:
    return Progress(TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(),
                    TimeElapsedColumn(), console=err, transient=True, disable=not err.is_terminal)


class _Skips:
    def __init__(self) -> None:
        self.items: list[Skip] = []

    def __call__(self, s: Skip) -> None:
        self.items.append(s)
        err.print(f"[yellow]skipped[/yellow] {s}", highlight=False, soft_wrap=True)


def _run_extract(paths, manifest, fmt, strict, topics):
    skips = _Skips()
    with _progress() as progress:
        task = progress.add_task("extracting", total=api.count_inputs(paths))
        result = api.extract(paths, manifest=manifest, fmt=fmt, strict=strict, topics=topics, on_skip=skips,
                             on_document=lambda d: progress.advance(task))
    return result, skips


@app.command()
def extract(paths: PathsArg, manifest: ManifestOpt = None, jsonl: Annotated[bool, typer.Option(
        "--jsonl", help="Write one JSON object per document (the extraction contract) to stdout.")] = True,
        out: Annotated[Path | None, typer.Option("--out", "-o", help="Write to this file instead of stdout.")] = None,
        strict: StrictOpt = False, fmt: FormatOpt = None, topics: TopicsOpt = None) -> None:
    """Extract people, questions, answers, reports, indicators, resolutions, actions and attendance.

    Writes JSON Lines: one object per document with every fact's character span. Files that cannot
    be read are named on stderr and skipped; the exit status is 1 if any were skipped.
    """
    from councilgraph.loaders.extract.contract import write_jsonl

    result, skips = _run_extract(paths, manifest, fmt, strict, topics)
    if out:
        tmp = out.with_suffix(out.suffix + ".tmp")
        with tmp.open("w", encoding="utf-8") as fp:
            write_jsonl(result, fp)
        tmp.replace(out)
    else:
        write_jsonl(result, sys.stdout)
    err.print(f"{len(result)} documents extracted, {len(skips.items)} skipped", highlight=False)
    if skips.items:
        raise typer.Exit(1)


@app.command()
def generate(n: Annotated[int, typer.Argument(help="How many agenda items to write.")],
             out: Annotated[Path, typer.Option("--out", "-o", help="Folder to write into.")] = Path("generated"),
             seed: Annotated[int, typer.Option(help="Same seed, same files.")] = 7) -> None:
    """Write N realistic fictional agenda items (with manifest.csv and gold answers) for benchmarks."""
    from councilgraph.corpus.generate import generate as write

    with _progress() as progress:
        task = progress.add_task("writing", total=n)
        write(out, n, seed=seed, progress=lambda: progress.advance(task))
    err.print(f"wrote {n} items to {out}", highlight=False)


def main() -> None:
    try:
        app()
    except CouncilGraphError as exc:
        err.print(f"[red]Error:[/red] {exc}", highlight=False, soft_wrap=True)
        sys.exit(2)


if __name__ == "__main__":
    main()
