"""The command line: parse arguments, call the library, print, choose the exit code.

    summitry extract ARTICLE.txt              one article -> indented JSON on stdout
    summitry extract CORPUS.jsonl -o OUT.jsonl  a corpus -> one JSON line per document
    summitry serve [--db URL] [--port 8000]     the web calendar, JSON API and iCal feed

Each command is one `_add_<name>_command(subparsers)` function that declares
its options and points `handler` at one `run_<name>(args) -> exit code`
function; `_COMMANDS` lists them. The library never prints: everything the
user sees is written here.

Exit codes: 0 success (a corpus run with failed documents too, unless
--strict), 1 failed documents under --strict, a failed single article, or a
library error (model, store), 2 usage errors (bad option, missing input),
130 interrupted.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TextIO

from summitry.errors import InputError, SummitryError

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130
# seconds for one article's own stages; far above any real article (about 0.1 s), so only
# a pathological input reaches it
DEFAULT_TIMEOUT = 120.0

_CORPUS_SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")


class UsageError(Exception):
    """A problem with the command line itself (exit code 2)."""


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code (the console script exits with it)."""
    parser = build_parser()
    args = parser.parse_args(argv)
    handler: Callable[[argparse.Namespace], int] | None = getattr(args, "handler", None)
    if handler is None:
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    try:
        return handler(args)
    except UsageError as error:
        _error(str(error))
        return EXIT_USAGE
    except SummitryError as error:
        _error(str(error))
        return EXIT_FAILED
    except KeyboardInterrupt:
        _error("interrupted")
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # The reader went away (`summitry extract ... | head`): not an error of ours.
        _silence_stdout()
        return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every subcommand in `_COMMANDS`."""
    from summitry import __version__

    parser = argparse.ArgumentParser(
        prog="summitry",
        description="A calendar of diplomatic engagements (visits, meetings, calls), "
        "read from the news.",
    )
    parser.add_argument("--version", action="version", version=f"summitry {__version__}")
    subparsers = parser.add_subparsers(title="commands", metavar="COMMAND")
    for add_command in _COMMANDS:
        add_command(subparsers)
    return parser


# -- extract ------------------------------------------------------------------------------


def _add_extract_command(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "extract",
        help="read articles and print the diplomatic engagements they report",
        description=(
            "Read one article (.txt, .html, or - for stdin) or a corpus (.jsonl with one\n"
            '{"id", "text", "dct"} object per line, or a directory of articles) and print\n'
            "each document's record: its metadata (reference day, dateline, publisher)\n"
            "and its events. One article prints indented JSON; a corpus, or any run with\n"
            "-o, prints JSON Lines. A document that cannot be read is reported on stderr\n"
            '(\'error: ID: REASON\') and, in JSON Lines, gets a line {"id", "error"};\n'
            "the run goes on. A summary line ends a corpus run."
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog=(
            "examples:\n"
            "  summitry extract examples/wire_visit.txt\n"
            "  summitry extract page.html --dct 2024-11-20\n"
            "  cat article.txt | summitry extract -\n"
            "  summitry extract corpus.jsonl -o events.jsonl --strict"
        ),
    )
    parser.add_argument(
        "input",
        metavar="INPUT",
        help="an article (.txt/.text, .html/.htm), a corpus (.jsonl, .jsonl.gz), "
        "a directory of them, or - to read one article from stdin",
    )
    parser.add_argument(
        "--dct",
        metavar="YYYY-MM-DD",
        type=_dct_argument,
        help="publication date of the input (document creation time), used when the text "
        "has no dateline or page date; JSON Lines records with their own 'dct' keep it",
    )
    parser.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help="write JSON Lines (one record per document) to FILE instead of stdout",
    )
    parser.add_argument(
        "--format",
        choices=("json", "plover"),
        default="json",
        help="record format: summitry's JSON (default), or PLOVER event records",
    )
    parser.add_argument(
        "--batch-size",
        metavar="N",
        type=_positive_int,
        default=16,
        help="documents processed together by the NLP pipeline (default: 16)",
    )
    _add_timeout_option(parser)
    parser.add_argument(
        "--max-size",
        metavar="MB",
        type=_positive_float,
        default=50.0,
        help="refuse documents larger than this many megabytes (default: 50)",
    )
    parser.add_argument(
        "--any-language",
        action="store_true",
        help="do not refuse documents that do not look English",
    )
    parser.add_argument(
        "--strict",
        action="store_true",
        help="exit with status 1 if any document of a corpus failed (default: exit 0, "
        "failures are reported); a single article that fails always exits 1",
    )
    parser.add_argument(
        "-q",
        "--quiet",
        action="store_true",
        help="no summary line on stderr; failed documents are still reported",
    )
    parser.set_defaults(handler=run_extract)


def run_extract(args: argparse.Namespace) -> int:
    """`summitry extract`: load, extract, print one record per document."""
    from summitry import pipeline
    from summitry.ingest import iter_path

    source = str(args.input)
    if source != "-" and not Path(source).exists():
        raise UsageError(f"{source}: no such file or directory")
    corpus = _is_corpus(source)
    to_record = _record_format(args.format)

    articles = iter_path(
        source,
        dct=args.dct,
        max_bytes=int(args.max_size * 1024 * 1024),
        check_language=not args.any_language,
    )
    results = pipeline.extract_many(
        articles, batch_size=args.batch_size, timeout=args.article_timeout
    )

    json_lines = corpus or args.output is not None
    counts = {"documents": 0, "events": 0, "failures": 0}
    started = time.perf_counter()
    show_progress = corpus and not args.quiet and sys.stderr.isatty()
    with _open_output(args.output) as out, _progress(show_progress) as advance:
        ascii_only = not _speaks_utf8(out)
        for result in results:
            counts["documents"] += 1
            advance()
            if isinstance(result, InputError):
                counts["failures"] += 1
                _error(f"{result.doc_id}: {result.reason}")
                if json_lines:
                    _write_line(out, {"id": result.doc_id, "error": result.reason}, ascii_only)
                continue
            counts["events"] += len(result.events)
            records = to_record(result)
            if json_lines:
                for record in records:
                    _write_line(out, record, ascii_only)
            else:
                # JSON: the document record; PLOVER: the list of its event records, even of one.
                single = records[0] if args.format == "json" else records
                out.write(json.dumps(single, ensure_ascii=ascii_only, indent=2) + "\n")
    elapsed = time.perf_counter() - started

    if corpus and not args.quiet:
        rate = counts["documents"] / elapsed if elapsed > 0 else 0.0
        print(
            f"summitry: {counts['documents']} documents, {counts['events']} events, "
            f"{counts['failures']} failures, {rate:.1f} articles/s",
            file=sys.stderr,
        )
    if counts["failures"] and (args.strict or not corpus):
        return EXIT_FAILED
    return EXIT_OK


def _is_corpus(source: str) -> bool:
    """A directory or a JSON Lines file holds many documents; anything else is one article."""
    if source == "-":
        return False
    path = Path(source)
    return path.is_dir() or path.name.lower().endswith(_CORPUS_SUFFIXES)


def _record_format(name: str) -> Callable[[Any], list[Any]]:
    """A function from a `Document` to the records to print for it."""
    if name == "json":
        return lambda document: [document.to_dict()]
    try:
        from summitry.events.plover import to_plover
    except ImportError:
        raise UsageError(
            "--format plover: PLOVER export is not available in this version"
        ) from None

    def plover_records(document: Any) -> list[Any]:
        records = to_plover(document)
        return list(records) if isinstance(records, list | tuple) else [records]

    return plover_records


# -- shared helpers -----------------------------------------------------------------------


@contextmanager
def _progress(enabled: bool) -> Iterator[Callable[[], None]]:
    """A live document counter on stderr (a terminal only); yields the function that counts one."""
    if not enabled:
        yield lambda: None
        return
    from rich.console import Console
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    columns = (SpinnerColumn(), TextColumn("{task.completed} documents"), TimeElapsedColumn())
    # stdout is not redirected: it may be the JSON Lines output itself.
    with Progress(
        *columns, console=Console(stderr=True), transient=True, redirect_stdout=False
    ) as progress:
        task = progress.add_task("extract", total=None)
        yield lambda: progress.advance(task)


@contextmanager
def _open_output(path: str | None) -> Iterator[TextIO]:
    if path is None or path == "-":
        yield sys.stdout
        sys.stdout.flush()
        return
    try:
        handle = open(path, "w", encoding="utf-8")  # noqa: SIM115 - closed below, after the loop
    except OSError as exc:
        raise UsageError(f"{path}: cannot write ({exc.strerror or exc})") from None
    with handle:
        yield handle


def _write_line(out: TextIO, record: Any, ascii_only: bool) -> None:
    out.write(json.dumps(record, ensure_ascii=ascii_only, separators=(",", ":")) + "\n")


def _speaks_utf8(stream: TextIO) -> bool:
    encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "")
    return encoding in ("utf8", "utf8sig")


def _error(message: str) -> None:
    print(f"error: {message}", file=sys.stderr)


def _silence_stdout() -> None:
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def _dct_argument(value: str) -> Any:
    from summitry.ingest import parse_dct

    try:
        return parse_dct(value, "--dct")
    except InputError as error:
        raise argparse.ArgumentTypeError(error.reason) from None


def _positive_int(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number") from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"{value!r} is not a positive number")
    return number


def _positive_float(value: str) -> float:
    try:
        number = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a number") from None
    if not number > 0:
        raise argparse.ArgumentTypeError(f"{value!r} is not a positive number")
    return number


# -- ingest (store) -----------------------------------------------------------------------


def _add_ingest_command(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "ingest",
        help="extract articles and store their events in the calendar",
        description="Read articles (files, folders, .jsonl corpora), extract their events and\n"
        "store "
        "them in the calendar database, merging reports of the same engagement. Storing\n"
        "the same article again changes nothing; a new version (same id or URL) replaces\n"
        "the old one. Documents that fail are recorded (see the store's errors).",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "paths",
        metavar="PATH",
        nargs="*",
        help="an article, a directory, a .jsonl corpus or a .warc file (.gz too)",
    )
    _add_db_option(parser)
    parser.add_argument(
        "--retry-errors",
        action="store_true",
        help="also try again the documents in the errors table (see summitry errors), "
        "read again from where they came from",
    )
    parser.add_argument(
        "--dct",
        metavar="YYYY-MM-DD",
        type=_dct_argument,
        help="publication date of inputs without one",
    )
    parser.add_argument(
        "--batch-size", metavar="N", type=_positive_int, default=16, help="documents per NLP batch"
    )
    parser.add_argument(
        "--strict", action="store_true", help="exit with status 1 if any document failed"
    )
    parser.add_argument("-q", "--quiet", action="store_true", help="no summary line on stderr")
    parser.add_argument(
        "--skip-stored",
        action="store_true",
        help="do not extract again articles already stored with the same text: resumes an "
        "interrupted run quickly (without it, they are extracted and found unchanged)",
    )
    _add_engine_options(parser)
    parser.set_defaults(handler=run_ingest)


def _add_timeout_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--article-timeout",
        metavar="SECONDS",
        type=_positive_float,
        default=DEFAULT_TIMEOUT,
        help="time an article's time and event stages may take before it is recorded as a "
        f"failure ('timed out') and the run goes on (default: {DEFAULT_TIMEOUT:g})",
    )


def _add_db_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--db",
        metavar="URL",
        help="database: a SQLite path or postgresql:// URL "
        "(default: $SUMMITRY_DB, else summitry.db)",
    )


def _add_engine_options(parser: argparse.ArgumentParser) -> None:
    engine = parser.add_mutually_exclusive_group()
    engine.add_argument(
        "--workers",
        metavar="N",
        type=_positive_int,
        help="extract on a local Dask cluster of N worker processes (needs summitry[dask])",
    )
    engine.add_argument(
        "--scheduler",
        metavar="URL",
        help="extract on an existing Dask cluster, e.g. tcp://10.0.0.5:8786 (its workers "
        "need summitry installed)",
    )
    parser.add_argument(
        "--prefilter",
        action="store_true",
        help="skip articles and sentences without a trigger word before parsing (faster)",
    )
    _add_timeout_option(parser)


def run_ingest(args: argparse.Namespace) -> int:
    """`summitry ingest`: load, extract, store; one summary line."""
    from summitry.batch import iter_inputs, unstored
    from summitry.batch.retry import failed_documents
    from summitry.store import ingest_results, open_store

    if not args.paths and not args.retry_errors:
        raise UsageError("ingest: give a PATH, or --retry-errors")
    for path in args.paths:
        if path != "-" and not Path(path).exists():
            raise UsageError(f"{path}: no such file or directory")
    with open_store(args.db) as store, _engine(args) as extract:
        totals = [0, 0, 0, 0, 0]  # added, updated, unchanged, failures, mentions
        sources = [(path, iter_inputs([path], dct=args.dct)) for path in args.paths]
        if args.retry_errors:
            sources.extend(failed_documents(store, dct=args.dct))
        for path, articles in sources:
            skipped: list[Any] = []
            if args.skip_stored:
                articles = unstored(articles, store, on_skip=skipped.append)
            results = _with_progress(extract(articles), args.quiet)
            summary = ingest_results(store, results, source=path)
            totals[2] += len(skipped)  # stored before with the same text: unchanged
            for doc_id, reason in summary.failures:
                _error(f"{doc_id}: {reason}")
            for i, count in enumerate(
                (
                    summary.added,
                    summary.updated,
                    summary.unchanged,
                    len(summary.failures),
                    summary.mentions,
                )
            ):
                totals[i] += count
        if not args.quiet:
            print(
                f"summitry: {totals[0]} added, {totals[1]} updated, {totals[2]} unchanged, "
                f"{totals[3]} failed, {totals[4]} mentions stored in {store.url}",
                file=sys.stderr,
            )
    return EXIT_FAILED if totals[3] and args.strict else EXIT_OK


def _engine(args: argparse.Namespace) -> Any:
    """The extraction engine the options ask for (a context manager: a cluster lives in it)."""
    from summitry.batch import extraction_engine

    return extraction_engine(
        workers=args.workers,
        scheduler=args.scheduler,
        batch_size=args.batch_size,
        prefilter=args.prefilter,
        timeout=args.article_timeout,
    )


def _with_progress(results: Any, quiet: bool) -> Iterator[Any]:
    """`results` unchanged; on a terminal, a live bar: articles, articles/s, events, failures."""
    from summitry.batch import RunCounts
    from summitry.batch.progress import counted

    counts = RunCounts()
    if quiet or not sys.stderr.isatty():
        yield from counted(results, counts)
        return
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    columns = (
        SpinnerColumn(),
        TextColumn("{task.completed} articles"),
        TextColumn("{task.fields[rate]:.1f} articles/s"),
        TextColumn("{task.fields[events]} events"),
        TextColumn("{task.fields[failures]} failures"),
        TimeElapsedColumn(),
    )
    with Progress(*columns, transient=True) as progress:
        task = progress.add_task("ingest", total=None, rate=0.0, events=0, failures=0)
        for result in counted(results, counts):
            yield result
            progress.update(
                task,
                completed=counts.articles,
                rate=counts.articles_per_second,
                events=counts.events,
                failures=counts.failures,
            )


# -- errors (store) -----------------------------------------------------------------------


def _add_errors_command(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "errors",
        help="list the documents that could not be ingested, and why",
        description="List the store's errors table, newest first: when, the document id,\n"
        "where it came from, and the reason. `summitry ingest --retry-errors` tries\n"
        "them again.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    _add_db_option(parser)
    parser.add_argument(
        "--limit", metavar="N", type=_positive_int, default=100, help="at most N (default: 100)"
    )
    parser.add_argument("--json", action="store_true", help="JSON Lines instead of a table")
    parser.set_defaults(handler=run_errors)


def run_errors(args: argparse.Namespace) -> int:
    """`summitry errors`: print the recorded failures."""
    from summitry.store import open_store

    with open_store(args.db) as store:
        records = store.list_errors(limit=args.limit)
    for record in records:
        when = record.recorded_at.isoformat(timespec="seconds")
        if args.json:
            row = {
                "recorded_at": when,
                "id": record.document_id,
                "source": record.source,
                "reason": record.reason,
            }
            _write_line(sys.stdout, row, ascii_only=False)
        else:
            print(f"{when}\t{record.document_id}\t{record.source or '-'}\t{record.reason}")
    if not records and not args.json:
        print("summitry: no errors recorded", file=sys.stderr)
    return EXIT_OK


# -- watch (feeds -> store) ---------------------------------------------------------------


def _add_watch_command(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "watch",
        help="poll RSS/Atom feeds and store the events of new articles",
        description="Poll feeds every --interval seconds (conditional GET: an unchanged feed\n"
        "costs one 304), fetch the articles of new entries, extract and store them.\n"
        "Network errors are reported and the next round tries again; stop with Ctrl-C.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("feeds", metavar="FEED_URL", nargs="+", help="an RSS or Atom feed URL")
    _add_db_option(parser)
    parser.add_argument(
        "--interval",
        metavar="SECONDS",
        type=_positive_float,
        default=300.0,
        help="seconds between polls of each feed (default: 300)",
    )
    parser.add_argument(
        "--timeout",
        metavar="SECONDS",
        type=_positive_float,
        default=30.0,
        help="timeout of each HTTP request (default: 30)",
    )
    parser.add_argument(
        "--rounds", metavar="N", type=_positive_int, help="stop after N polls (default: never)"
    )
    parser.add_argument(
        "--batch-size", metavar="N", type=_positive_int, default=16, help="documents per NLP batch"
    )
    parser.add_argument("-q", "--quiet", action="store_true", help="no line per round on stderr")
    _add_engine_options(parser)
    parser.set_defaults(handler=run_watch)


def run_watch(args: argparse.Namespace) -> int:
    """`summitry watch`: poll, fetch, extract, store; one line per round with news."""
    from summitry.ingest.feeds import watch
    from summitry.store import ingest_results, open_store

    def report(feed_url: str, reason: str) -> None:
        _error(f"{feed_url}: {reason}")

    with open_store(args.db) as store, _engine(args) as extract:
        rounds = watch(
            args.feeds,
            interval=args.interval,
            rounds=args.rounds,
            timeout=args.timeout,
            known=lambda link: store.get_document(link) is not None,
            on_problem=report,
        )
        for found in rounds:
            if not found:
                continue
            summary = ingest_results(store, extract(found), source="watch")
            for doc_id, reason in summary.failures:
                _error(f"{doc_id}: {reason}")
            if not args.quiet:
                print(
                    f"summitry: {summary.added} added, {summary.updated} updated, "
                    f"{len(summary.failures)} failed, {summary.mentions} mentions",
                    file=sys.stderr,
                )
    return EXIT_OK


# -- export (store) -----------------------------------------------------------------------


def _add_export_command(subparsers: Any) -> None:
    from summitry.export import FORMATS
    from summitry.model import EventStatus, Mode

    parser = subparsers.add_parser(
        "export",
        help="write the stored calendar as CSV, JSON Lines, Parquet, iCal or PLOVER",
        description="Write the calendar's events, filtered, sorted by start day. jsonl writes one\n"
        "event per line in the GOLD_FORMAT record shape; ics leaves out events with no time.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--format", choices=FORMATS, default="jsonl", help="output format (default: jsonl)"
    )
    parser.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of stdout")
    _add_db_option(parser)
    parser.add_argument(
        "--from",
        dest="date_from",
        metavar="YYYY-MM-DD",
        type=_dct_argument,
        help="events on or after",
    )
    parser.add_argument(
        "--to", dest="date_to", metavar="YYYY-MM-DD", type=_dct_argument, help="events on or before"
    )
    parser.add_argument(
        "--country", metavar="ISO3", help="a participant's or the location's country code"
    )
    parser.add_argument(
        "--actor", metavar="NAME", help="part of a participant's name, or a canonical key"
    )
    parser.add_argument("--mode", choices=[m.value for m in Mode])
    parser.add_argument("--status", choices=[s.value for s in EventStatus])
    parser.add_argument(
        "--text", metavar="WORDS", help="words in the title, names, place or evidence"
    )
    parser.add_argument("--limit", metavar="N", type=_positive_int, help="at most N events")
    parser.set_defaults(handler=run_export)


def run_export(args: argparse.Namespace) -> int:
    """`summitry export`: filter the store's events, write them in one format."""
    from summitry.export import write_export
    from summitry.model import EventStatus, Mode
    from summitry.store import EventQuery, open_store

    query = EventQuery(
        date_from=args.date_from,
        date_to=args.date_to,
        country=args.country,
        actor=args.actor,
        mode=Mode(args.mode) if args.mode else None,
        status=EventStatus(args.status) if args.status else None,
        text=args.text,
        limit=None,
    )
    with open_store(args.db) as store:
        events = store.iter_events(query)
        if args.limit:
            events = (e for _, e in zip(range(args.limit), events, strict=False))
        if args.output in (None, "-"):
            count = write_export(events, args.format, sys.stdout.buffer)
            sys.stdout.flush()
        else:
            try:
                handle = open(args.output, "wb")  # noqa: SIM115 - closed below
            except OSError as exc:
                raise UsageError(f"{args.output}: cannot write ({exc.strerror or exc})") from None
            with handle:
                count = write_export(events, args.format, handle)
    print(f"summitry: {count} events exported ({args.format})", file=sys.stderr)
    return EXIT_OK


# -- serve (store) ------------------------------------------------------------------------


def _add_serve_command(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "serve",
        help="serve the calendar: web pages, JSON API, iCal feed",
        description="Serve the stored calendar over HTTP: the web calendar at /, the JSON API\n"
        "under /api (docs at /api/docs) and the iCal feed at /calendar.ics. Writes\n"
        "(POST /api/documents) need the bearer token in $SUMMITRY_TOKEN; without it\n"
        "the server is read-only.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    _add_db_option(parser)
    parser.add_argument(
        "--host", default="127.0.0.1", help="address to bind (default: 127.0.0.1: this machine)"
    )
    parser.add_argument("--port", type=int, default=8000, help="port (default: 8000)")
    parser.add_argument(
        "--workers", type=int, default=1, help="server processes (default: 1; try the CPU count)"
    )
    parser.set_defaults(handler=run_serve)


def run_serve(args: argparse.Namespace) -> int:
    """`summitry serve`: run the web app until interrupted."""
    from summitry.api import ApiSettings, serve

    settings = ApiSettings.from_env()
    writes = "enabled" if settings.writes_enabled else "disabled (set SUMMITRY_TOKEN to enable)"
    print(f"summitry: serving http://{args.host}:{args.port}/ ; writes {writes}", file=sys.stderr)
    serve(args.db, host=args.host, port=args.port, settings=settings, workers=args.workers)
    return EXIT_OK


# -- timex --------------------------------------------------------------------------------


def _add_timex_command(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "timex",
        help="find and normalise the time expressions (TIMEX3) of a text or of TimeML files",
        description=(
            "Print the time expressions of a text file, one per line: start and end offsets,\n"
            "TIMEX3 type, value and modifier, and the text, resolved against --dct. With\n"
            "--timeml, tag every .tml file of a folder instead (each file's own DCT and raw\n"
            "TEXT are read) and write TimeML with our TIMEX3 tags to -o, the text unchanged."
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog=(
            "examples:\n"
            "  summitry timex article.txt --dct 2025-01-03\n"
            "  summitry timex --timeml IN_DIR -o OUT_DIR"
        ),
    )
    parser.add_argument(
        "input", metavar="TEXT_FILE", nargs="?", help="a UTF-8 text file, or - for stdin"
    )
    parser.add_argument(
        "--dct",
        metavar="YYYY-MM-DD",
        type=_dct_argument,
        help="the reference day (document creation time); without it relative expressions "
        "get no value. With --timeml, used only for files that have no DCT",
    )
    parser.add_argument("--timeml", metavar="IN_DIR", help="a folder of TimeML (.tml) files")
    parser.add_argument("-o", "--output", metavar="OUT_DIR", help="with --timeml: where to write")
    parser.add_argument(
        "--locale",
        default="en-US",
        help="how 1/2/25 reads: en-US month first (default); any other locale day first",
    )
    parser.set_defaults(handler=run_timex)


def run_timex(args: argparse.Namespace) -> int:
    """`summitry timex`: print a text's time expressions, or tag a folder of TimeML files."""
    from summitry.timex import annotate
    from summitry.timex.timeml import read_timeml, write_timeml

    if args.timeml is not None:
        source = Path(args.timeml)
        if not source.is_dir():
            raise UsageError(f"{source}: not a directory")
        if args.output is None:
            raise UsageError("--timeml needs -o OUT_DIR")
        target = Path(args.output)
        target.mkdir(parents=True, exist_ok=True)
        paths = sorted(source.glob("*.tml"))
        for path in paths:
            document = read_timeml(path.read_text(encoding="utf-8"), path.name)
            found = annotate(document.text, document.dct or args.dct, locale=args.locale)
            (target / path.name).write_text(write_timeml(document, found), encoding="utf-8")
        print(f"summitry: {len(paths)} TimeML files tagged into {target}", file=sys.stderr)
        return EXIT_OK
    if args.input is None:
        raise UsageError("give a TEXT_FILE (or - for stdin), or --timeml IN_DIR -o OUT_DIR")
    if args.input == "-":
        text = sys.stdin.read()
    else:
        path = Path(args.input)
        if not path.is_file():
            raise UsageError(f"{path}: no such file")
        text = path.read_text(encoding="utf-8")
    for timex in annotate(text, args.dct, locale=args.locale):
        fields = (timex.start, timex.end, timex.type, timex.value or "-", timex.mod or "-")
        print("\t".join(map(str, fields)) + "\t" + timex.text.replace("\n", " "))
    return EXIT_OK


_COMMANDS: Sequence[Callable[[Any], None]] = (
    _add_extract_command,
    _add_ingest_command,
    _add_export_command,
    _add_serve_command,
    _add_watch_command,
    _add_errors_command,
    _add_timex_command,
)
