"""The command line: parses arguments, calls the library, turns errors into messages."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from sitrep.settings import Settings

app = typer.Typer(
    help="sitrep: conflict news in, attributed events and casualty claims out.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)
console = Console(stderr=True)

DbOpt = Annotated[
    str | None,
    typer.Option("--db", help="Database URL (default: $SITREP_DB or sqlite:///sitrep.db)"),
]
PublishedOpt = Annotated[
    str | None,
    typer.Option("--published", help="Publication date (YYYY-MM-DD) for documents that carry none"),
]


def _published(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise typer.BadParameter(f"--published must be YYYY-MM-DD, got {value!r}") from exc


def _settings(db: str | None = None, **kw: object) -> Settings:
    return Settings.from_env(db_url=db, **kw)


def _summary(stats: object, title: str) -> None:
    from sitrep.pipeline import RunStats

    assert isinstance(stats, RunStats)
    table = Table(title=title)
    table.add_column("outcome")
    table.add_column("documents", justify="right")
    for name, n in sorted(stats.counters.items()):
        table.add_row(name, str(n))
    console.print(table)
    for who, why in stats.failures[:50]:
        console.print(f"failed {who}: {why}", markup=False, highlight=False)
    if len(stats.failures) > 50:
        console.print(f"… and {len(stats.failures) - 50} more failures")


def _outcomes(paths: list[Path], settings: Settings, published: date | None) -> Iterator[object]:
    from sitrep.extract.pipeline import Extractor
    from sitrep.pipeline import extract_stream, read_articles

    with console.status("loading models…"):
        extractor = Extractor(settings)
    items = read_articles(paths, published=published, max_bytes=settings.max_bytes)
    yield from extract_stream(items, extractor, batch_size=settings.batch_size)


@app.command()
def extract(
    inputs: Annotated[
        list[Path], typer.Argument(help="Files or folders (JSONL, text, HTML, WARC, RSS)")
    ],
    output: Annotated[
        Path, typer.Option("-o", "--output", help="JSON Lines out ('-' = stdout)")
    ] = Path("-"),
    published: PublishedOpt = None,
) -> None:
    """Per-document extraction (FORMAT.md §2): one output line per input document, same order."""
    from sitrep.export.extraction import extraction_dict
    from sitrep.pipeline import Outcome, RunStats

    settings = _settings()
    stats = RunStats()
    out = sys.stdout if str(output) == "-" else output.open("w", encoding="utf-8")
    try:
        for outcome in _outcomes(inputs, settings, _published(published)):
            assert isinstance(outcome, Outcome)
            stats.count(outcome)
            if outcome.extraction is not None:
                line = extraction_dict(outcome.extraction)
            else:
                line = {"doc_id": outcome.doc_id, "error": outcome.error}
            out.write(json.dumps(line, ensure_ascii=False) + "\n")
    finally:
        if out is not sys.stdout:
            out.close()
    _summary(stats, "extract")


def _ingest(inputs: list[Path], settings: Settings, published: date | None) -> object:
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    from sitrep.extract.pipeline import Extractor
    from sitrep.runners.local import ingest as run_ingest
    from sitrep.store import open_store

    with console.status("loading models…"):
        extractor = Extractor(settings)
    with (
        open_store(settings.db_url) as store,
        Progress(
            SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn(), console=console
        ) as progress,
    ):
        task = progress.add_task("documents: 0", total=None)
        done = 0

        def tick(_: object) -> None:
            nonlocal done
            done += 1
            progress.update(task, description=f"documents: {done}")

        stats = run_ingest(
            inputs,
            store,
            extractor,
            published=published,
            max_bytes=settings.max_bytes,
            batch_size=settings.batch_size,
            on_outcome=tick,
        )
    return stats


WorkersOpt = Annotated[int, typer.Option("--workers", min=1, help="Local extraction processes")]
SchedulerOpt = Annotated[
    str | None,
    typer.Option(help="Dask scheduler (tcp://HOST:8786), or 'local' for a LocalCluster"),
]


def _ingest_any(
    inputs: list[Path],
    settings: Settings,
    published: date | None,
    workers: int,
    scheduler: str | None,
) -> object:
    """One process by default; local worker processes or a Dask cluster when asked."""
    if scheduler:
        from sitrep.runners.dask import run_on_dask

        with console.status(f"extracting on {scheduler}…"):
            return run_on_dask(
                inputs,
                settings.db_url,
                scheduler,
                settings=settings,
                workers=workers,
                published=published,
                fuse=False,
            )
    if workers > 1:
        from sitrep.runners.local import ingest_parallel
        from sitrep.store import open_store

        with (
            open_store(settings.db_url) as store,
            console.status(f"extracting with {workers} processes…"),
        ):
            return ingest_parallel(inputs, store, settings, workers=workers, published=published)
    return _ingest(inputs, settings, published)


@app.command()
def ingest(
    inputs: Annotated[
        list[Path], typer.Argument(help="Files or folders (JSONL, text, HTML, WARC, RSS)")
    ],
    db: DbOpt = None,
    published: PublishedOpt = None,
    workers: WorkersOpt = 1,
    scheduler: SchedulerOpt = None,
) -> None:
    """Read, clean and extract articles, storing each with its extraction (re-ingest is a no-op)."""
    stats = _ingest_any(inputs, _settings(db), _published(published), workers, scheduler)
    _summary(stats, "ingest")


@app.command()
def run(
    inputs: Annotated[
        list[Path], typer.Argument(help="Files or folders (JSONL, text, HTML, WARC, RSS)")
    ],
    db: DbOpt = None,
    published: PublishedOpt = None,
    report_html: Annotated[
        Path | None, typer.Option("--report-html", help="Also write the HTML situation report here")
    ] = None,
    workers: WorkersOpt = 1,
    scheduler: SchedulerOpt = None,
) -> None:
    """ingest + fuse + report: the main job, end to end, on an embedded database by default."""
    settings = _settings(db)
    stats = _ingest_any(inputs, settings, _published(published), workers, scheduler)
    _summary(stats, "ingest")
    _fuse(settings)
    _report(settings, markdown_out=None, html_out=report_html)


@app.command()
def bench(
    docs: Annotated[int, typer.Option(min=1, help="How many ~600-word documents")] = 200,
    json_out: Annotated[
        Path | None, typer.Option("--json", help="Also write the figures here")
    ] = None,
    workers: WorkersOpt = 1,
    scheduler: SchedulerOpt = None,
    shared: Annotated[Path, typer.Option(help="The shared folder with eval/external")] = Path(
        "../shared"
    ),
) -> None:
    """Benchmark on realistic articles built from the real external sentences (see README)."""
    from sitrep.bench import run_bench

    run_bench(
        docs,
        json_out=json_out,
        workers=workers,
        scheduler=scheduler,
        shared=shared,
        settings=_settings(),
    )


def _fuse(settings: Settings) -> None:
    try:
        from sitrep.fuse import fuse_store
    except ImportError:  # fusion not available in this build
        return
    from sitrep.store import open_store

    with open_store(settings.db_url) as store, console.status("fusing events across sources…"):
        fuse_store(store)


def _changed_since(value: str) -> object:
    """A previous report file (its embedded marker) or an ISO date-time."""
    from datetime import datetime

    from sitrep.export.report import read_marker

    path = Path(value)
    if path.is_file():
        marker = read_marker(path.read_text(encoding="utf-8", errors="replace"))
        if marker is None:
            raise typer.BadParameter(f"{value} is not a sitrep report (no marker found)")
        return marker
    try:
        return datetime.fromisoformat(value)
    except ValueError as exc:
        raise typer.BadParameter(
            "--changes-since takes a previous report or YYYY-MM-DD[THH:MM]"
        ) from exc


def _report(
    settings: Settings,
    *,
    markdown_out: Path | None,
    html_out: Path | None,
    since: date | None = None,
    until: date | None = None,
    country: str | None = None,
    changes_since: str | None = None,
) -> None:
    from sitrep.export.report import render_html, render_markdown
    from sitrep.store import open_store

    options: dict[str, object] = {"since": since, "until": until, "country": country}
    if changes_since:
        options["changed_since"] = _changed_since(changes_since)
    with open_store(settings.db_url) as store:
        md = render_markdown(store, **options)
        if html_out is not None:
            html_out.parent.mkdir(parents=True, exist_ok=True)
            html_out.write_text(render_html(store, **options), encoding="utf-8")
            console.print(f"HTML report written to {html_out}")
    if markdown_out is None:
        typer.echo(md)
    else:
        markdown_out.write_text(md, encoding="utf-8")


DateOpt = Annotated[str | None, typer.Option(help="YYYY-MM-DD")]


def _filters(
    date_from: str | None,
    date_to: str | None,
    country: str | None = None,
    event_type: str | None = None,
    actor: str | None = None,
) -> object:
    from sitrep.store import EventFilter

    return EventFilter(
        date_from=_published(date_from),
        date_to=_published(date_to),
        country=country,
        event_type=event_type,
        actor=actor,
    )


@app.command()
def report(
    db: DbOpt = None,
    md: Annotated[
        Path | None, typer.Option("--md", help="Write Markdown here (default: print)")
    ] = None,
    html: Annotated[
        Path | None, typer.Option("--html", help="Write the self-contained HTML here")
    ] = None,
    since: DateOpt = None,
    until: DateOpt = None,
    country: Annotated[str | None, typer.Option(help="Only events in this country")] = None,
    changes_since: Annotated[
        str | None,
        typer.Option(help="A previous report (file) or a date-time: list what changed since"),
    ] = None,
) -> None:
    """The situation report: events by date with their claims, ranges, contradictions, sources."""
    _report(
        _settings(db),
        markdown_out=md,
        html_out=html,
        since=_published(since),
        until=_published(until),
        country=country,
        changes_since=changes_since,
    )


@app.command()
def export(
    fmt: Annotated[
        str, typer.Option("--format", help="jsonl (FORMAT.md §6) | csv (ACLED) | geojson | parquet")
    ] = "jsonl",
    output: Annotated[
        Path | None, typer.Option("-o", "--output", help="File (default: stdout)")
    ] = None,
    db: DbOpt = None,
    date_from: DateOpt = None,
    date_to: DateOpt = None,
    country: Annotated[str | None, typer.Option()] = None,
    event_type: Annotated[str | None, typer.Option()] = None,
    actor: Annotated[str | None, typer.Option()] = None,
) -> None:
    """Fused events out: JSON Lines, ACLED-compatible CSV, GeoJSON or Parquet."""
    from sitrep.export.csv import sources_from_store
    from sitrep.export.formats import FORMATS, export_events
    from sitrep.store import open_store

    if fmt not in FORMATS:
        raise typer.BadParameter(f"--format must be one of {', '.join(FORMATS)}")
    flt = _filters(date_from, date_to, country, event_type, actor)
    with open_store(_settings(db).db_url) as store:
        n = export_events(
            store.iter_fused(flt),  # type: ignore[arg-type]
            fmt,
            output,
            source_of=sources_from_store(store),
        )
    console.print(f"{n} events exported")


@app.command()
def events(
    db: DbOpt = None,
    date_from: DateOpt = None,
    date_to: DateOpt = None,
    country: Annotated[str | None, typer.Option()] = None,
    event_type: Annotated[str | None, typer.Option()] = None,
    actor: Annotated[str | None, typer.Option()] = None,
    limit: Annotated[int, typer.Option(min=1)] = 100,
) -> None:
    """List fused events (filter by date, country, type, actor)."""
    from rich.text import Text

    from sitrep.store import open_store

    table = Table(title="events")
    for col in ("event_id", "date", "sub_event_type", "location", "country", "fatalities", "docs"):
        table.add_column(col)
    flt = _filters(date_from, date_to, country, event_type, actor)
    with open_store(_settings(db).db_url) as store:
        for fe in store.iter_fused(flt, limit=limit):  # type: ignore[arg-type]
            e = fe.event
            f = fe.fatalities
            fat = "" if f is None else f"{f.low}/{f.best}/{f.high}"
            cells = (
                fe.event_id,
                e.date.isoformat() if e.date else "",
                e.sub_event_type,
                e.place.name if e.place else "",
                ", ".join(e.countries),
                fat,
                str(len(fe.documents)),
            )
            table.add_row(*(Text(x) for x in cells))
    Console().print(table)


@app.command()
def event(
    event_id: Annotated[str, typer.Argument(help="A fused event id (see `sitrep events`)")],
    db: DbOpt = None,
) -> None:
    """One fused event: its claim ledger, reconciled range and contradictions."""
    from rich.text import Text

    from sitrep.store import open_store

    out = Console()
    with open_store(_settings(db).db_url) as store:
        fe = store.get_fused(event_id)
        if fe is None:
            console.print(f"no event {event_id!r}")
            raise typer.Exit(1)
        e = fe.event
        # article text is untrusted: never let it be read as Rich markup
        place = e.place.name if e.place else ""
        out.print(Text(f"{e.sub_event_type} {e.date or ''} {place} ({', '.join(e.countries)})"))
        if fe.fatalities:
            f = fe.fatalities
            out.print(Text(f"fatalities low {f.low} / best {f.best} / high {f.high} — {f.rule}"))
        table = Table(title="claims")
        for col in (
            "claimant",
            "type",
            "status",
            "figure",
            "victims",
            "document",
            "published",
            "superseded",
            "evidence",
        ):
            table.add_column(col)
        for c in fe.claims:
            fig = c.figure
            lo, hi = fig.count.low, fig.count.high
            figure = f"{lo}" if lo == hi else f"{lo or ''}–{hi or ''}"
            cells = (
                fig.claimant.name or "(article)",
                str(fig.claimant.type),
                str(fig.status),
                ("~" if fig.count.approx else "") + figure,
                fig.victim or "",
                c.doc_id,
                c.published.isoformat() if c.published else "",
                "yes" if c.superseded else "",
                fig.evidence.text[:160],
            )
            table.add_row(*(Text(x) for x in cells))
        out.print(table)
        for k in fe.contradictions:
            out.print(Text(f"contradiction {k.kind}: {' vs '.join(k.between)} — {k.detail}"))


@app.command()
def serve(
    db: DbOpt = None,
    host: Annotated[
        str, typer.Option(help="Interface to bind (loopback by default)")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535)] = 8000,
) -> None:
    """The dashboard and JSON API. Writes need SITREP_API_TOKEN (Bearer); without it, read-only."""
    from sitrep.api import serve as run_server

    settings = _settings(db)
    run_server(settings.db_url, host=host, port=port, token=settings.api_token)


@app.command()
def fuse(db: DbOpt = None) -> None:
    """Re-fuse every stored document's events (honours manual merges and splits)."""
    _fuse(_settings(db))
    console.print("fused")


@app.command()
def merge(
    event_a: Annotated[str, typer.Argument(help="A fused event id")],
    event_b: Annotated[str, typer.Argument(help="Another fused event id, merged into the first")],
    db: DbOpt = None,
) -> None:
    """Merge two fused events by hand; the decision is logged and survives re-fusion."""
    from sitrep.fuse import EventNotFound, merge_in_store
    from sitrep.store import open_store

    with open_store(_settings(db).db_url) as store:
        try:
            event_id = merge_in_store(store, event_a, event_b)
        except EventNotFound as exc:
            raise typer.BadParameter(str(exc)) from exc
    console.print(f"merged into {event_id}", markup=False)


@app.command()
def split(
    event_id: Annotated[str, typer.Argument(help="The fused event to take a report out of")],
    doc_id: Annotated[str, typer.Argument(help="The document of the report")],
    index: Annotated[int, typer.Argument(help="The event's index in that document")],
    db: DbOpt = None,
) -> None:
    """Split one document's report out of a fused event; logged, survives re-fusion."""
    from sitrep.fuse import EventNotFound, split_in_store
    from sitrep.store import open_store

    with open_store(_settings(db).db_url) as store:
        try:
            new_id = split_in_store(store, event_id, doc_id, index)
        except (EventNotFound, ValueError) as exc:
            raise typer.BadParameter(str(exc)) from exc
    console.print(f"split out as {new_id}", markup=False)


@app.command(name="eval")
def eval_cmd(
    gold: Annotated[Path, typer.Argument(help="Gold JSON Lines (FORMAT.md §4)")],
    docs: Annotated[
        Path | None, typer.Option("--docs", help="Input documents to extract and score")
    ] = None,
    pred: Annotated[
        Path | None, typer.Option("--pred", help="Existing predictions to score instead")
    ] = None,
    json_out: Annotated[
        Path | None, typer.Option("--json", help="Write the metrics as JSON here")
    ] = None,
) -> None:
    """Score extraction against gold annotations: every metric of FORMAT.md §5."""
    from sitrep.eval import EvalInputError, evaluate, format_table, load_jsonl
    from sitrep.export.extraction import extraction_dict
    from sitrep.pipeline import Outcome

    if (docs is None) == (pred is None):
        raise typer.BadParameter("give exactly one of --docs or --pred")
    if pred is not None:
        try:
            predicted: list[dict[str, object]] = list(load_jsonl(pred, strict=False))
        except OSError as exc:
            console.print(f"cannot read predictions: {exc}", markup=False)
            raise typer.Exit(2) from exc
    else:
        assert docs is not None
        predicted = []
        for outcome in _outcomes([docs], _settings(), None):
            assert isinstance(outcome, Outcome)
            if outcome.extraction is not None:
                predicted.append(extraction_dict(outcome.extraction))
            else:
                predicted.append({"doc_id": outcome.doc_id, "error": outcome.error})
    try:
        metrics = evaluate(load_jsonl(gold), predicted)
    except (EvalInputError, OSError) as exc:  # a bad gold file: say which line, no traceback
        console.print(f"cannot score: {exc}", markup=False)
        raise typer.Exit(2) from exc
    typer.echo(format_table(metrics))
    if json_out is not None:
        json_out.write_text(json.dumps(metrics, indent=2, sort_keys=True), encoding="utf-8")


def main() -> None:  # pragma: no cover - the console-script entry point
    app()
