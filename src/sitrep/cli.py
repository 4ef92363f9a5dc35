"""The ``sitrep`` command: thin commands over the library, each with an example."""

from __future__ import annotations

import datetime as dt
import json
import math
import re
import sys
from collections.abc import Iterator
from contextlib import closing, contextmanager, nullcontext
from enum import StrEnum
from itertools import islice
from pathlib import Path
from typing import Annotated, NoReturn, TextIO

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn
from rich.text import Text

from sitrep.config import Settings
from sitrep.errors import InputError, SitrepError
from sitrep.ingest import iter_pages
from sitrep.link.timeline import format_date
from sitrep.models import IngestOutcome, IngestStatus, RawPage, StoredClaim
from sitrep.report import document_record, write_json, write_markdown
from sitrep.report.dossier import (
    claim_group_record,
    claim_record,
    claim_summary,
    expression_record,
    extracted_claim_records,
    extracted_quote_records,
    mention_records,
    quote_record,
    story_record,
    storyline_record,
    timeline_record,
)
from sitrep.report.markdown import published_label, report_notes
from sitrep.store import Store, open_store

app = typer.Typer(
    help="Turn a pile of news reports into a sourced situation report (dossier).",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
# Markup off: paths, titles and error messages are the user's text, and a "[draft]"
# or "[/b]" in them must print as written (rich took them for style tags).
_errors = Console(stderr=True, highlight=False, soft_wrap=True, markup=False)

DbOption = Annotated[
    str | None,
    typer.Option("--db", help="The store: a SQLite path (default sitrep.db, or $SITREP_DB)."),
]


class ExportFormat(StrEnum):
    JSON = "json"
    MD = "md"


class ExtractKind(StrEnum):
    METADATA = "metadata"
    TIMES = "times"
    ENTITIES = "entities"
    QUOTES = "quotes"
    CLAIMS = "claims"


class OutputFormat(StrEnum):
    JSON = "json"


class ListFormat(StrEnum):
    TEXT = "text"
    JSON = "json"


_TIMEX_DAY = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")
# Quote texts longer than this are cut in `sitrep quotes` lists (the JSON has them whole).
_QUOTE_CHARS = 80


@app.command()
def ingest(
    paths: Annotated[list[str], typer.Argument(help="Files, folders, globs or http(s) URLs.")],
    db: DbOption = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print failures only.")] = False,
    max_input_mb: Annotated[
        float | None, typer.Option(help="Refuse inputs larger than this (default 20).")
    ] = None,
) -> None:
    """Ingest reports into the store.

    Example: sitrep ingest examples/ https://example.org/news/1.html --db cases.db
    """
    settings = _settings(db, max_input_bytes=_megabytes(max_input_mb))
    from sitrep.pipeline import Pipeline  # loads spaCy: only for the commands that need it

    with _store(settings) as store:
        pipeline = Pipeline(settings)
        pipeline.settle_models()
        with _progress(quiet) as progress:
            task = progress.add_task("Ingesting", total=None) if progress else None

            def report_outcome(outcome: IngestOutcome) -> None:
                if progress is not None and task is not None:
                    progress.advance(task)
                _print_outcome(outcome, quiet)

            summary = pipeline.ingest(iter_pages(paths, settings), store, report_outcome)
        counts = store.counts()
    copies = f" ({summary.near_duplicates} marked as copies)" if summary.near_duplicates else ""
    line = (
        f"Ingested {summary.ingested}{copies}, {summary.duplicates} already stored, "
        f"{summary.failed} failed. The store {settings.db} holds {counts.reports} reports."
    )
    if not quiet or summary.failed:
        _errors.print(line)
    raise typer.Exit(1 if summary.failed else 0)


@app.command()
def export(
    output_format: Annotated[ExportFormat, typer.Option("--format", "-f")] = ExportFormat.JSON,
    output: Annotated[Path | None, typer.Option("-o", "--output", help="Default: stdout.")] = None,
    db: DbOption = None,
) -> None:
    """Write the dossier of everything in the store.

    Example: sitrep export --format md -o out/dossier.md
    """
    settings = _settings(db)
    with _store(settings, must_exist=True) as store, _open_output(output) as out:
        now = dt.datetime.now(dt.UTC)
        if output_format is ExportFormat.JSON:
            entities = (
                (entity, store.mentions(entity_id=entity.id)) for entity in store.entities()
            )
            count = write_json(
                store.reports(), out, now, times=store.times(), entities=entities,
                quotes=store.quotes(), quote_families=store.quote_families(),
                claims=store.claims(), claim_groups=store.claim_groups,
                stories=store.stories(), storylines=store.storylines(), timeline=store.timeline(),
            )  # fmt: skip
        else:
            speakers = {entity.id: entity.name for entity in store.entities()}
            count = write_markdown(
                store.reports(), out, now, quotes=store.quotes(), speakers=speakers,
                claims=store.claims(), claim_groups=store.claim_groups(),
                timeline=store.timeline(),
            )  # fmt: skip
    if output is not None:
        _errors.print(f"Wrote {count} reports to {output}.")


@app.command()
def status(
    db: DbOption = None,
    limit: Annotated[int, typer.Option(help="List at most this many reports.")] = 20,
) -> None:
    """Summarise the store: reports, copies, languages, and the latest reports.

    Example: sitrep status --db cases.db --limit 50
    """
    settings = _settings(db)
    with _store(settings, must_exist=True) as store:
        counts = store.counts()
        reports = list(islice(store.reports(), limit))
    languages = ", ".join(f"{code} {n}" for code, n in counts.languages.items()) or "none"
    copies = counts.duplicates
    typer.echo(
        f"{_plural(counts.reports, 'report')} ({counts.reports - copies} independent, "
        f"{_plural(copies, 'copy', 'copies')}) in {settings.db}; languages: {languages}"
    )
    if not reports:
        return
    for report in reports:
        notes = "; ".join(report_notes(report))
        typer.echo(
            f"  {report.id:>5}  {published_label(report):<38} {report.source or 'unknown':<26} "
            f"{report.title or '(untitled)'}" + (f"  [{notes}]" if notes else "")
        )
    if counts.reports > len(reports):
        typer.echo(f"... and {counts.reports - len(reports)} more (--limit to see them)")


@app.command()
def entities(
    db: DbOption = None,
    limit: Annotated[int, typer.Option(help="List at most this many actors.")] = 50,
) -> None:
    """List the actors across all reports, most reported first, with their aliases.

    Example: sitrep entities --db cases.db --limit 100
    """
    settings = _settings(db)
    with _store(settings, must_exist=True) as store:
        actors = list(islice(store.entities(), limit + 1))
    if not actors:
        typer.echo(f"No actors in {settings.db} yet.")
        return
    typer.echo(f"{'id':>6}  {'type':<6} {'reports':>7} {'mentions':>8}  name (aliases)")
    for actor in actors[:limit]:
        others = [alias for alias in actor.aliases if alias != actor.name]
        aliases = f"  ({', '.join(others)})" if others else ""
        typer.echo(
            f"{actor.id:>6}  {actor.type.value:<6} {actor.report_count:>7} "
            f"{actor.mention_count:>8}  {actor.name}{aliases}"
        )
    if len(actors) > limit:
        typer.echo("... and more (--limit to see them)")


@app.command()
def quotes(
    speaker: Annotated[
        str | None, typer.Option(help="Only this actor's quotes: a name or alias, any case.")
    ] = None,
    db: DbOption = None,
    limit: Annotated[int, typer.Option(help="List at most this many quotes.")] = 50,
    output_format: Annotated[ListFormat, typer.Option("--format", "-f")] = ListFormat.TEXT,
) -> None:
    """List who said what across all reports, in report order, with quote families.

    Example: sitrep quotes --speaker "Emomali Rakhmon" --db cases.db
    """
    settings = _settings(db)
    with _store(settings, must_exist=True) as store:
        found = list(islice(store.quotes(speaker=speaker), limit + 1))
        names = {entity.id: entity.name for entity in store.entities()} if found else {}
    if output_format is ListFormat.JSON:
        records = [
            {**quote_record(item), "speaker_name": names.get(item.speaker_entity_id or 0)}
            for item in found[:limit]
        ]
        json.dump(records, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return
    if not found:
        who = f" by {speaker}" if speaker else ""
        typer.echo(f"No quotes{who} in {settings.db}.")
        return
    typer.echo(f"{'id':>6}  {'speaker':<24} {'kind':<8} {'report':>6} {'family':>6}  text")
    for item in found[:limit]:
        name = names.get(item.speaker_entity_id or 0) or f"({item.quote.speaker_text or '?'})"
        family = "" if item.family_id is None else str(item.family_id)
        typer.echo(
            f"{item.id:>6}  {_shorten(name, 24):<24} {item.quote.kind.value:<8} "
            f"{item.report_id:>6} {family:>6}  “{_shorten(item.quote.text, _QUOTE_CHARS)}”"
        )
    if len(found) > limit:
        typer.echo("... and more (--limit to see them)")


@app.command()
def claims(
    contested: Annotated[
        bool, typer.Option("--contested", help="Only claims the sources disagree on.")
    ] = False,
    all_groups: Annotated[
        bool, typer.Option("--all", help="Single-source claims too (default: groups of two+).")
    ] = False,
    db: DbOption = None,
    limit: Annotated[int, typer.Option(help="List at most this many groups.")] = 50,
    output_format: Annotated[ListFormat, typer.Option("--format", "-f")] = ListFormat.TEXT,
) -> None:
    """List claims across reports: corroborated, contested, and (with --all) single-source,
    each group with its sources side by side.

    Example: sitrep claims --contested --db cases.db
    """
    settings = _settings(db)
    with _store(settings, must_exist=True) as store:
        groups = (
            group
            for group in store.claim_groups(contested_only=contested)
            if all_groups or contested or len(group.sources) > 1
        )
        shown = list(islice(groups, limit + 1))
        members = {group.id: list(store.claims(group_id=group.id)) for group in shown[:limit]}
        sentences = {
            item.id: _sentence_of(store, item) for items in members.values() for item in items
        }
        names = {entity.id: entity.name for entity in store.entities()} if shown else {}
    if output_format is ListFormat.JSON:
        records = [
            {**claim_group_record(group), "explanation": group.explanation,
             "claims": [claim_record(claim) for claim in members[group.id]]}
            for group in shown[:limit]
        ]  # fmt: skip
        json.dump(records, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return
    if not shown:
        what = "contested claims" if contested else "claims made by two or more sources"
        typer.echo(f"No {what} in {settings.db}" + ("." if contested or all_groups else
                   " (--all lists single-source ones)."))  # fmt: skip
        return
    for group in shown[:limit]:
        sources = _plural(len(group.sources), "source")
        typer.echo(f"group {group.id}  {group.status.value}, {sources}")
        first = members[group.id][0].claim
        subject = names.get(members[group.id][0].subject_entity_id or 0)
        typer.echo(f"  {group.explanation or claim_summary(first, subject)}")
        for item in members[group.id]:
            mark = "!" if item.id in group.conflicting else " "
            said = item.claim
            where = (
                f"{said.text}: “{_shorten(sentences[item.id], 90)}”"
                if said.figure
                else (f"“{_shorten(said.text, 110)}”")
            )
            typer.echo(f"  {mark} report {item.report_id:>4}  {where}")
    if len(shown) > limit:
        typer.echo("... and more (--limit to see them)")


@app.command()
def serve(
    db: DbOption = None,
    host: Annotated[str, typer.Option(help="The address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="The port to listen on.")] = 8000,
    write_token: Annotated[
        str | None,
        typer.Option(
            envvar="SITREP_WRITE_TOKEN",
            help="Allow adding reports from the app with this token (off without one).",
        ),
    ] = None,
    allow_private_urls: Annotated[
        bool, typer.Option(help="Let URL ingestion fetch loopback and private addresses.")
    ] = False,
    max_upload_mb: Annotated[
        float | None, typer.Option(help="The largest upload, all files together (default 20).")
    ] = None,
) -> None:
    """Browse the dossier in a web browser: overview, timeline, stories, actors, quotes,
    claims and reports, each with its JSON twin under /api (docs at /api/docs).

    Example: sitrep serve --db cases.db --port 8000
    """
    import uvicorn

    from sitrep.serve.app import create_app
    from sitrep.serve.config import DEFAULT_MAX_UPLOAD_BYTES, ServeConfig
    from sitrep.serve.security import is_loopback_host

    settings = _settings(db)
    with _store(settings, must_exist=True):
        pass  # a typo in --db fails here, before the server starts
    loopback = is_loopback_host(host)
    if not loopback and not write_token:
        _fail(
            f"{host} is reachable from other machines: give --write-token TOKEN (or "
            "SITREP_WRITE_TOKEN), and every request will need it; or listen on 127.0.0.1"
        )
    config = ServeConfig(
        settings=settings,
        write_token=write_token or None,
        token_for_reads=not loopback,
        allow_private_urls=allow_private_urls,
        max_upload_bytes=_megabytes(max_upload_mb) or DEFAULT_MAX_UPLOAD_BYTES,
    )
    shown = f"[{host}]" if ":" in host else host
    _errors.print(f"sitrep: serving {settings.db} on http://{shown}:{port}/ (API docs: /api/docs)")
    if not loopback:
        _errors.print(
            f"sitrep: listening beyond loopback ({host}): every request needs the token. "
            f"Open http://{shown}:{port}/?token=TOKEN once in a browser, or send "
            "Authorization: Bearer TOKEN."
        )
    elif write_token:
        _errors.print("sitrep: adding reports is on (Add reports page; the write token needed)")
    uvicorn.run(create_app(config), host=host, port=port, log_level="warning")


@app.command()
def report(
    output: Annotated[Path, typer.Option("-o", "--output", help="The HTML file to write.")],
    db: DbOption = None,
) -> None:
    """Write the dossier as one self-contained HTML file (styles and script inline, nothing
    fetched) to send to a colleague; every source link opens its highlighted sentence.

    Example: sitrep report --db cases.db -o dossier.html
    """
    from sitrep.report.dossier_html import write_html_dossier

    settings = _settings(db)
    with _store(settings, must_exist=True) as store, _open_output(output) as out:
        write_html_dossier(store, out, dt.datetime.now(dt.UTC))
    _errors.print(f"Wrote {output}")


@app.command()
def stories(
    db: DbOption = None,
    limit: Annotated[int, typer.Option(help="List at most this many storylines.")] = 50,
    output_format: Annotated[ListFormat, typer.Option("--format", "-f")] = ListFormat.TEXT,
) -> None:
    """List the stories (reports about one real-world event), grouped by storyline.

    Example: sitrep stories --db cases.db
    """
    settings = _settings(db)
    with _store(settings, must_exist=True) as store:
        by_id = {story.id: story for story in store.stories()}
        lines = list(islice(store.storylines(), limit + 1))
    if output_format is ListFormat.JSON:
        records = [
            {**storyline_record(line),
             "stories": [story_record(by_id[s]) for s in line.story_ids if s in by_id]}
            for line in lines[:limit]
        ]  # fmt: skip
        json.dump(records, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return
    if not lines:
        typer.echo(f"No stories in {settings.db}.")
        return
    for line in lines[:limit]:
        typer.echo(f"storyline {line.id}: {line.title}")
        for story_id in line.story_ids:
            story = by_id[story_id]
            reports = ", ".join(f"#{report}" for report in story.report_ids)
            typer.echo(f"  story {story.id:>4}  {_plural(story.sources, 'source'):<10} "
                       f"{story.title}  ({reports})")  # fmt: skip
    if len(lines) > limit:
        typer.echo("... and more (--limit to see them)")


@app.command()
def timeline(
    date_from: Annotated[
        str | None, typer.Option("--from", help="From this date (YYYY, YYYY-MM or YYYY-MM-DD).")
    ] = None,
    date_to: Annotated[
        str | None, typer.Option("--to", help="Up to this date (YYYY, YYYY-MM or YYYY-MM-DD).")
    ] = None,
    actor: Annotated[
        str | None, typer.Option(help="Only events of this actor or place: a name or alias.")
    ] = None,
    db: DbOption = None,
    output_format: Annotated[ListFormat, typer.Option("--format", "-f")] = ListFormat.TEXT,
) -> None:
    """The dated events of all reports, one line per real-world event, in date order.

    Example: sitrep timeline --from 2013 --to 2021-12 --actor CSTO --db cases.db
    """
    for bound in (date_from, date_to):
        if bound is not None and not _TIMEX_DAY.match(bound):
            _fail(f"not a date: {bound!r} (use YYYY, YYYY-MM or YYYY-MM-DD)")
    settings = _settings(db)
    with _store(settings, must_exist=True) as store:
        entries = list(store.timeline(date_from, date_to, actor))
    if output_format is ListFormat.JSON:
        json.dump([timeline_record(e) for e in entries], sys.stdout, ensure_ascii=False,
                  indent=2)  # fmt: skip
        sys.stdout.write("\n")
        return
    if not entries:
        typer.echo(f"No dated events in {settings.db}" + (" for that filter." if
                   date_from or date_to or actor else "."))  # fmt: skip
        return
    for entry in entries:
        when = format_date(entry.date, entry.date_end)
        reports = ", ".join(f"#{report}" for report in entry.report_ids)
        typer.echo(f"{when:<22} {entry.status.value:<9} {entry.title}  "
                   f"[{_plural(entry.sources, 'source')}: {reports}]")  # fmt: skip


def _sentence_of(store: Store, item: StoredClaim) -> str:
    report = store.report(item.report_id)
    span = item.claim.sentence
    return report.text[span.start : span.end] if report is not None else item.claim.text


def _shorten(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def _plural(count: int, singular: str, plural: str | None = None) -> str:
    return f"{count} {singular if count == 1 else plural or singular + 's'}"


@app.command()
def extract(
    kind: Annotated[ExtractKind, typer.Argument(help="What to extract.")],
    file: Annotated[
        Path, typer.Argument(help="One report (text, Markdown, HTML or JSON).", dir_okay=False)
    ],
    published: Annotated[
        str | None, typer.Option(help="The report's date, YYYY-MM-DD, if the file lacks it.")
    ] = None,
    clean: Annotated[
        bool, typer.Option("--clean", help="Index the clean text instead of the file's text.")
    ] = False,
    output_format: Annotated[OutputFormat, typer.Option("--format", "-f")] = OutputFormat.JSON,
) -> None:
    """Print what one report yields, as a JSON array, without touching the store.

    Offsets index the file's decoded text as given (an HTML page's markup included)
    unless --clean is given, which indexes the clean text instead.
    Example: sitrep extract times report.txt --published 2013-09-28
    """
    settings = _settings(None)
    published_on = _parse_day(published) if published else None
    from sitrep.pipeline import Pipeline, unstored_report

    pipeline = Pipeline(settings)
    records: list[dict[str, object]] = []
    for page in iter_pages([str(file)], settings):
        if isinstance(page, InputError):
            _fail(f"{page.origin}: {page.reason}")
        assert isinstance(page, RawPage)
        try:
            processed = pipeline.examine(page, published_on, clean=clean)
        except InputError as error:
            _fail(f"{error.origin}: {error.reason}")
        if kind is ExtractKind.METADATA:
            records.append(document_record(unstored_report(processed)))
        elif kind is ExtractKind.ENTITIES:
            records.extend(mention_records(processed))
        elif kind is ExtractKind.QUOTES:
            records.extend(extracted_quote_records(processed))
        elif kind is ExtractKind.CLAIMS:
            records.extend(extracted_claim_records(processed))
        else:
            records.extend(expression_record(expression) for expression in processed.times)
    del output_format  # JSON is the only format so far; the option keeps scripts stable
    json.dump(records, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def _settings(db: str | None, **overrides: object) -> Settings:
    try:
        return Settings.from_env(None, db=db, **overrides)
    except SitrepError as error:
        _fail(str(error))


def _store(settings: Settings, *, must_exist: bool = False) -> closing[Store]:
    """The store; commands that only read it refuse to create an empty one by mistake."""
    path = settings.db_path
    if must_exist and path is not None and not path.exists():
        _fail(f"{settings.db}: no store here; ingest reports first, or give --db / $SITREP_DB")
    try:
        return closing(open_store(settings.db))
    except SitrepError as error:
        _fail(str(error))


def _megabytes(value: float | None) -> int | None:
    if value is None:
        return None
    if not math.isfinite(value):
        _fail(f"--max-input-mb must be a number of megabytes, got {value}")
    return int(value * 1024 * 1024)


def _parse_day(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        _fail(f"--published must be a date like 2013-09-28, got {text!r}")


def _progress(quiet: bool) -> Progress | nullcontext[None]:
    if quiet or not _errors.is_terminal:
        return nullcontext()
    return Progress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        console=_errors,
        transient=True,
    )


def _print_outcome(outcome: IngestOutcome, quiet: bool) -> None:
    if outcome.status is IngestStatus.FAILED:
        _errors.print(_labelled("error", "red", f"{outcome.origin}: {outcome.message}"))
        return
    if quiet:
        return
    for warning in outcome.warnings:
        _errors.print(_labelled("note", "yellow", f"{outcome.origin}: {warning}"))
    if outcome.status is IngestStatus.DUPLICATE:
        _errors.print(f"skipped: {outcome.origin}: {outcome.message}")
    elif outcome.near_duplicate_of is not None:
        _errors.print(
            f"copy: {outcome.origin}: stored as report {outcome.report_id}, "
            f"a near-duplicate of report {outcome.near_duplicate_of}"
        )


@contextmanager
def _open_output(output: Path | None) -> Iterator[TextIO]:
    """stdout, or a file that appears whole or not at all (written aside, then renamed)."""
    if output is None:
        yield sys.stdout
        return
    output.parent.mkdir(parents=True, exist_ok=True)
    partial = output.with_name(f".{output.name}.partial")
    try:
        with partial.open("w", encoding="utf-8") as out:
            yield out
        partial.replace(output)
    finally:
        partial.unlink(missing_ok=True)


def _labelled(label: str, style: str, text: str) -> Text:
    return Text.assemble((label, style), f": {text}")


def _fail(message: str) -> NoReturn:
    _errors.print(_labelled("error", "red", message))
    raise typer.Exit(2)
