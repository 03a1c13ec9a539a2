"""The `councilgraph` command. Each command parses options, calls one API function, and turns
councilgraph's own errors into a one-line `Error: ...` with a non-zero exit, never a traceback."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console

from councilgraph import api
from councilgraph.errors import CouncilGraphError, InputError, UsageError

if TYPE_CHECKING:  # imported when used: `councilgraph --help` loads neither progress bars nor the extractor
    from rich.progress import Progress

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
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    return Progress(TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(),
                    TimeElapsedColumn(), console=err, transient=True, disable=not err.is_terminal)


def shown(text: object) -> str:
    """Text from files and file names made safe to print: control characters (a newline in a file
    name) escaped so it stays one line, bytes that are not UTF-8 shown as \\xNN, and rich markup
    (`[bold]`, `[/]`) escaped so it is printed, never interpreted."""
    from rich.markup import escape

    text = str(text).encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    text = "".join(c if c.isprintable() or c == " " else repr(c)[1:-1] for c in text)
    return escape(text)


def say(message: str) -> None:
    """One line on stderr, with nothing in it read as markup."""
    err.print(shown(message), highlight=False, soft_wrap=True)


class _Skips:
    def __init__(self) -> None:
        self.items: list[Skip] = []

    def __call__(self, s: Skip) -> None:
        self.items.append(s)
        err.print(f"[yellow]skipped[/yellow] {shown(s)}", highlight=False, soft_wrap=True)


def _usage_stop(exc: UsageError) -> None:
    """Nothing to read at all (a mistyped folder) is a usage error: exit 2, nothing written."""
    err.print(f"[red]Error:[/red] {shown(exc)}", highlight=False, soft_wrap=True)
    raise typer.Exit(2)


def _strict_stop(exc: InputError) -> None:
    """`--strict` stopped at the first file that could not be read: exit status 1, like a skip."""
    err.print(f"[red]Error:[/red] {shown(exc)} (--strict: stopped at the first file that could not be read)",
              highlight=False, soft_wrap=True)
    raise typer.Exit(1)


def _run_extract(paths, manifest, fmt, strict, topics):
    skips = _Skips()
    with _progress() as progress:
        task = progress.add_task("extracting", total=None)
        result = api.extract(paths, manifest=manifest, fmt=fmt, strict=strict, topics=topics, on_skip=skips,
                             on_document=lambda d: progress.advance(task),
                             on_inputs=lambda n: progress.update(task, total=n))
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

    try:
        result, skips = _run_extract(paths, manifest, fmt, strict, topics)
    except UsageError as exc:
        _usage_stop(exc)
    except InputError as exc:
        if not strict:
            raise
        _strict_stop(exc)
    if out:
        _write_atomic(out, lambda fp: write_jsonl(result, fp))
    else:
        write_jsonl(result, sys.stdout)
    err.print(f"{len(result)} documents extracted, {len(skips.items)} skipped", highlight=False)
    if skips.items:
        raise typer.Exit(1)


def _write_atomic(out: Path, write) -> None:
    """Write through OUT.tmp, renamed over OUT only when complete; removed if writing fails."""
    tmp = out.with_suffix(out.suffix + ".tmp")
    try:
        with tmp.open("w", encoding="utf-8") as fp:
            write(fp)
        tmp.replace(out)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


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


StoreOpt = Annotated[Path, typer.Option("--store", help="The embedded store file (LadybugDB).")]
Neo4jOpt = Annotated[str | None, typer.Option("--neo4j", help="Run on this Neo4j instead (bolt://host:7687). "
                                              "User/password from --user/--password or NEO4J_USER/NEO4J_PASSWORD.")]
UserOpt = Annotated[str | None, typer.Option("--user", help="Neo4j user (default: $NEO4J_USER or neo4j).")]
PasswordOpt = Annotated[str | None, typer.Option("--password", help="Neo4j password (default: $NEO4J_PASSWORD).",
                                                 hide_input=True)]
OutFmt = Annotated[str, typer.Option("--format", "-f", help="table, json or csv.")]
ParamOpt = Annotated[list[str] | None, typer.Option("--param", "-p", help="key=value; repeat for more.")]


@app.command()
def build(sources: PathsArg, store: StoreOpt = Path("councilgraph.lbdb"), manifest: ManifestOpt = None,
          strict: StrictOpt = False, fmt: FormatOpt = None, topics: TopicsOpt = None,
          prune: Annotated[bool, typer.Option("--prune", help="Remove documents in the store that are not "
                                              "among these sources.")] = False,
          dry_run: Annotated[bool, typer.Option("--dry-run", help="Write nothing; list what would be added "
                                                "and removed.")] = False,
          wait: Annotated[float, typer.Option(help="Seconds to wait for another build of this store.")] = 0
          ) -> None:
    """Build or update the embedded graph store from minutes.

    Unchanged documents (same content hash) are not extracted again and changed ones are replaced.
    Documents already in the store that are not among these sources are kept (so building one
    folder never drops another's) unless --prune is given; a file deleted from a folder given here
    is removed. The new store replaces the old one only when it is complete. Exit status: 0 all
    read, 1 something skipped, 2 nothing readable or a usage error (store unchanged).
    """
    skips = _Skips()
    try:
        with _progress() as progress:
            task = progress.add_task("building", total=None)
            report = api.build(sources, store, manifest=manifest, fmt=fmt, strict=strict, topics=topics,
                               prune=prune, dry_run=dry_run, wait=wait,
                               on_skip=skips, on_document=lambda d: progress.advance(task),
                               on_inputs=lambda n: progress.update(task, total=n))
    except UsageError as exc:
        _usage_stop(exc)
    except InputError as exc:
        if not strict:
            raise
        _strict_stop(exc)
    for path, first in report.duplicates:
        err.print(f"[cyan]same document[/cyan] {shown(path)}: same text as {shown(first)}, read once",
                  highlight=False, soft_wrap=True)
    if report.dry_run:
        for src in report.added_sources:
            err.print(f"would add {shown(src)}", highlight=False, soft_wrap=True)
        for src in report.removed_sources:
            err.print(f"would remove {shown(src)}", highlight=False, soft_wrap=True)
    else:
        for src in report.removed_sources:
            err.print(f"removed {shown(src)}", highlight=False, soft_wrap=True)
    say(report.summary())
    if report.skipped:
        raise typer.Exit(1)


def _run_and_print(run, pairs: list[str] | None, store: Path, uri: str | None, user: str | None,
                   password: str | None, fmt: str) -> None:
    """Run a query function on the embedded store, or on Neo4j when a URI is given, and print it."""
    from councilgraph.queries.run import parse_params

    target = None
    if uri:
        from councilgraph.queries.neo4j import Neo4jTarget

        target = Neo4jTarget(_neo4j_uri(uri), user, password)
    try:
        _print(run(parse_params(pairs or []), store=store, neo4j=target), fmt)
    finally:
        if target:
            target.close()


def _print(res, fmt: str) -> None:
    from councilgraph.queries.run import format_result

    if fmt != "table":
        sys.stdout.write(format_result(res, fmt))
        return
    from rich.markup import escape
    from rich.table import Table
    from rich.text import Text

    table = Table(*[escape(str(c)) for c in res.columns], show_lines=False)
    for row in res.rows:  # cells as Text: "[bold]" in minutes is printed, not read as markup
        table.add_row(*[Text("; ".join(str(x) for x in v) if isinstance(v, list) else "" if v is None else str(v))
                        for v in row])
    Console(width=None if sys.stdout.isatty() else 200).print(table)
    err.print(f"{len(res.rows)} rows", highlight=False)


@app.command()
def query(name: Annotated[str, typer.Argument(help="A query name; `councilgraph queries` lists them.")],
          param: ParamOpt = None, store: StoreOpt = Path("councilgraph.lbdb"), neo4j: Neo4jOpt = None,
          user: UserOpt = None, password: PasswordOpt = None, fmt: OutFmt = "table") -> None:
    """Run a named query from the library, e.g. recurring_concerns, person_questions, topic_timeline."""
    if not neo4j:
        from councilgraph.queries.run import parse_params

        given = parse_params(param or [])
        _check_names(store, topic=given.get("topic"), person=given.get("person"))
    _run_and_print(lambda params, **kw: api.query(name, params, **kw), param, store, neo4j, user, password, fmt)


@app.command()
def cypher(text: Annotated[str, typer.Argument(help="A Cypher query; values as $parameters.")],
           param: ParamOpt = None, store: StoreOpt = Path("councilgraph.lbdb"), neo4j: Neo4jOpt = None,
           user: UserOpt = None, password: PasswordOpt = None, fmt: OutFmt = "table") -> None:
    """Run your own Cypher on the embedded store or Neo4j. A $parameter without --param is an error."""
    _run_and_print(lambda params, **kw: api.cypher(text, params, **kw), param, store, neo4j, user, password, fmt)


@app.command()
def queries() -> None:
    """List the named queries with their parameters and an example."""
    from councilgraph.queries.library import QUERIES

    for q in QUERIES.values():
        params = ", ".join(f"{k}" + ("" if d is None else f"={d!r}") for k, d in q.params.items())
        Console().print(f"[bold]{q.name}[/bold]({params})\n  {q.doc}\n  e.g. {q.example}\n", highlight=False)


@app.command("candidate-topics")
def candidate_topics(store: StoreOpt = Path("councilgraph.lbdb"),
                     min_docs: Annotated[int, typer.Option(help="Seen in at least this many documents.")] = 3,
                     limit: Annotated[int, typer.Option(help="How many to list.")] = 40,
                     topics: TopicsOpt = None) -> None:
    """List phrases that recur in questions across documents but match no concept in the scheme."""
    found = api.candidate_topics(store, min_docs=min_docs, limit=limit, topics=topics)
    for phrase, n in found:
        Console().print(f"{n:5d}  {shown(phrase)}", highlight=False)
    if not found:
        err.print(f"no candidate topics: no phrase outside the scheme recurs in {min_docs}+ documents "
                  "(try a lower --min-docs)", highlight=False)


@app.command()
def export(store: StoreOpt = Path("councilgraph.lbdb"),
           fmt: Annotated[str, typer.Option("--format", "-f", help="json (node-link), turtle, nt, xml or json-ld.")]
           = "json",
           out: Annotated[Path | None, typer.Option("--out", "-o", help="File to write (default stdout).")] = None
           ) -> None:
    """Export the graph: node-link JSON (byte-identical for the same input) or RDF linked data."""
    from councilgraph.graph.export import check_format

    check_format(fmt)
    if out is None:
        api.export(store, fmt, sys.stdout)
        return
    _write_atomic(out, lambda fp: api.export(store, fmt, fp))
    say(f"wrote {out}")


@app.command()
def push(neo4j: Annotated[str, typer.Option("--neo4j", help="bolt://host:7687 or neo4j://...")],
         store: StoreOpt = Path("councilgraph.lbdb"), user: UserOpt = None, password: PasswordOpt = None,
         database: Annotated[str | None, typer.Option(help="Neo4j database name.")] = None) -> None:
    """Load the graph into your Neo4j (constraints, then batched UNWIND ... MERGE; running twice changes nothing)."""
    with _progress() as progress:
        task = progress.add_task("pushing", total=None)
        nodes, edges = api.push(store, _neo4j_uri(neo4j), user=user, password=password, database=database,
                                on_progress=lambda done, total: progress.update(task, completed=done, total=total))
    err.print(f"pushed {nodes} nodes and {edges} edges to {neo4j}", highlight=False)


@app.command()
def visualise(store: StoreOpt = Path("councilgraph.lbdb"),
              out: Annotated[Path, typer.Option("--out", "-o", help="HTML file to write.")] = Path("graph.html"),
              topic: Annotated[str | None, typer.Option(help="One concern's recurrence, e.g. potholes.")] = None,
              person: Annotated[str | None, typer.Option(help="One person's ego network (id or name).")] = None,
              committee: Annotated[str | None, typer.Option(help="One committee (with --from/--to: its year).")]
              = None,
              council: Annotated[str | None, typer.Option(help="One council.")] = None,
              year_from: Annotated[int | None, typer.Option("--from", help="First municipal year.")] = None,
              year_to: Annotated[int | None, typer.Option("--to", help="Last municipal year.")] = None,
              max_nodes: Annotated[int, typer.Option(help="Aggregate questions above this many nodes.")] = 3000
              ) -> None:
    """Write a self-contained interactive graph page (opens offline in any browser)."""
    years = (year_from or 0, year_to or 9999) if (year_from or year_to) else None
    _check_names(store, topic=topic, person=person)
    view = api.visualise(store, out, topic=topic, person=person, committee=committee, council=council, years=years,
                         max_nodes=max_nodes)
    err.print(f"wrote {out}: {len(view.nodes)} nodes, {len(view.edges)} links"
              + (f" ({view.note})" if view.note else ""), highlight=False)


@app.command()
def report(store: StoreOpt = Path("councilgraph.lbdb"),
           out: Annotated[Path, typer.Option("--out", "-o", help="HTML file to write.")] = Path("report.html")) -> None:
    """Write one self-contained HTML report: recurring concerns, heatmap, timelines and the graph."""
    api.report(store, out)
    err.print(f"wrote {out}", highlight=False)


@app.command()
def plot(kind: Annotated[str, typer.Argument(help="heatmap, timeline or askers.")],
         store: StoreOpt = Path("councilgraph.lbdb"),
         out: Annotated[Path, typer.Option("--out", "-o", help="File name without extension (PNG and SVG).")]
         = Path("plot"),
         topic: Annotated[str | None, typer.Option(help="The topic (timeline, askers).")] = None,
         council: Annotated[str, typer.Option(help="Limit the heatmap to one council.")] = "",
         committee: Annotated[str, typer.Option(help="Limit the heatmap to one committee.")] = "") -> None:
    """Plots as PNG and SVG: concerns x years heatmap, one topic's timeline, who raises a topic most."""
    if kind not in ("heatmap", "timeline", "askers"):
        raise UsageError(f"unknown plot kind {kind!r}: heatmap, timeline or askers")
    if kind != "heatmap" and not topic:
        raise UsageError(f"a {kind} plot needs --topic")
    _check_names(store, topic=topic)
    for p in api.plot(store, kind, out, topic=topic, council=council, committee=committee):
        err.print(f"wrote {p}", highlight=False)


@app.command()
def demo(out: Annotated[Path, typer.Option("--out", "-o", help="Folder for the store and pages.")]
         = Path("councilgraph-demo")) -> None:
    """Build the bundled fictional sample corpus into an embedded store and show recurring concerns."""
    out.mkdir(parents=True, exist_ok=True)
    store = out / "sample.lbdb"
    skips = _Skips()
    report = api.build([api.sample_corpus()], store, on_skip=skips)
    err.print(report.summary(), highlight=False)
    res = api.query("recurring_concerns", {"min_committees": 2, "min_years": 3}, store=store)
    keep = ["label", "questions", "n_committees", "n_years", "n_councils", "first_year", "last_year", "askers"]
    idx = [res.columns.index(c) for c in keep]
    res.columns = ["concern", "questions", "committees", "years", "councils", "first", "last", "asked by"]
    res.rows = [[r[i] for i in idx] for r in res.rows]
    for row in res.rows:
        row[-1] = row[-1][:4] + ([f"+{len(row[-1]) - 4} more"] if len(row[-1]) > 4 else [])
    Console().print("\n[bold]Recurring concerns in the sample corpus[/bold] (raised in 2+ committees or 3+ years)")
    _print(res, "table")
    page, rep = out / "graph.html", out / "report.html"
    api.visualise(store, page, title="councilgraph: sample corpus")
    api.report(store, rep, title="Recurring concerns in the sample corpus")
    err.print(f"\nStore:  {store}\nReport: {rep}  (open in a browser)\nGraph:  {page}\n"
              f"Try:    councilgraph query person_profile --store {store} --param person=Whitlock", highlight=False)


@app.command()
def fetch(url: Annotated[str, typer.Argument(help="The council's ModernGov site, e.g. https://democracy.example.gov.uk")],
          out: Annotated[Path, typer.Option("--out", "-o", help="Folder to write the minutes and manifest.csv into.")],
          committee: Annotated[list[str] | None, typer.Option("--committee", "-c", help="Committee name or id; "
                                                              "repeat for more (default: all current ones).")] = None,
          date_from: Annotated[str | None, typer.Option("--from", help="First meeting date (YYYY-MM-DD or "
                                                        "DD/MM/YYYY; default 12 weeks before --to).")] = None,
          date_to: Annotated[str | None, typer.Option("--to", help="Last meeting date (default today).")] = None,
          council: Annotated[str | None, typer.Option(help="The council's name for the manifest "
                                                      "(default: read from the web address).")] = None,
          delay: Annotated[float, typer.Option(help="Seconds between requests to the site.")] = 1.0,
          contact: Annotated[str | None, typer.Option(help="Your e-mail, sent in the User-Agent.")] = None,
          timeout: Annotated[float, typer.Option(help="Seconds to wait for an answer.")] = 30.0,
          retries: Annotated[int, typer.Option(help="Retries on 5xx, 429 and timeouts.")] = 3,
          backoff: Annotated[float, typer.Option(help="First retry wait in seconds (doubling each time) when "
                                                 "the site gives no Retry-After.")] = 2.0,
          list_committees: Annotated[bool, typer.Option("--list-committees", help="Only list the site's "
                                                         "committees (id, name) and stop.")] = False) -> None:
    """Fetch committee minutes from a ModernGov site (web service, else its HTML pages) into a folder
    that `councilgraph build` reads; a second run downloads only what changed."""
    from councilgraph.fetch import parse_cli_date

    with _progress() as progress:
        task = progress.add_task("fetching", total=None)
        report = api.fetch(url, out, committees=committee, date_from=parse_cli_date(date_from),
                     date_to=parse_cli_date(date_to), council=council, delay=delay, contact=contact, timeout=timeout,
                     retries=retries, backoff=backoff, on_total=lambda n: progress.update(task, total=n),
                     on_meeting=lambda m: progress.advance(task),
                     on_retry=lambda u, why, wait: err.print(
                         f"[dim]retrying {shown(u)} ({shown(why)}) in {wait:.0f}s[/dim]", highlight=False,
                         soft_wrap=True),
                     list_only=list_committees)
    if list_committees:
        for c in report.committees:
            flag = " (expired)" if c.expired else " (deleted)" if c.deleted else ""
            sys.stdout.write(f"{c.committee_id}\t{c.title}{flag}\n")
        for line in report.failed:
            err.print(f"[red]failed[/red] {shown(line)}", highlight=False, soft_wrap=True)
        if report.failed or not report.committees:
            raise typer.Exit(1)
        return
    for line in report.failed:
        err.print(f"[red]failed[/red] {shown(line)}", highlight=False, soft_wrap=True)
    for line in report.awaiting:
        err.print(f"[yellow]waiting[/yellow] {shown(line)}", highlight=False, soft_wrap=True)
    err.print(shown(report.summary()), highlight=False, soft_wrap=True)
    if report.failed:
        raise typer.Exit(1)


_NEO4J_SCHEMES = ("bolt://", "bolt+s://", "bolt+ssc://", "neo4j://", "neo4j+s://", "neo4j+ssc://")


def _neo4j_uri(uri: str) -> str:
    if not uri.startswith(_NEO4J_SCHEMES):
        raise UsageError(f"--neo4j takes a bolt:// or neo4j:// address (Neo4j's own protocol), not {uri!r}")
    return uri


def _check_names(store: Path, *, topic: str | None = None, person: str | None = None) -> None:
    """An unknown topic or person says nothing matched and suggests near names, not an empty page."""
    import difflib

    from councilgraph.graph.store import LadybugStore

    asks = [(kind, value, q) for kind, value, q in (
        ("topic", topic, "MATCH (t:Topic) RETURN t.id, t.name"),
        ("person", person, "MATCH (p:Person) RETURN p.id, p.name")) if value]
    if not asks:
        return
    with LadybugStore(store) as st:
        for kind, value, q in asks:
            _, rows = st.query(q)
            names = sorted({str(x) for r in rows for x in r if x})
            v = value.lower()
            if any(v == n.lower() or n.lower().endswith("/" + v) or v in n.lower() for n in names):
                continue
            short = sorted({n.split("/")[-1] for n in names} | set(names))
            near = difflib.get_close_matches(value, short, n=5, cutoff=0.5)
            hint = f"; did you mean {', '.join(near)}?" if near else ""
            raise UsageError(f"no {kind} in the store matches {value!r}{hint}")


def main() -> None:
    try:
        app()
    except CouncilGraphError as exc:
        err.print(f"[red]Error:[/red] {shown(exc)}", highlight=False, soft_wrap=True)
        sys.exit(2)


if __name__ == "__main__":
    main()
