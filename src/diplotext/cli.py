"""The `diplotext` command: thin, it parses arguments and calls the library. The only module that prints.

Exit codes: 0 when everything succeeded, 1 when an input failed, 2 for usage errors (a bad
option, a missing input, an unusable output folder or gazetteer), 130 when interrupted.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path
from typing import Any

from . import __version__
from .errors import DiplotextError, GazetteerError, LanguageError, counted
from .text.decode import DEFAULT_MAX_BYTES

_SIZE = re.compile(r"^\s*(\d+)\s*([kmg]i?b?|b)?\s*$", re.I)


def parse_size(value: str) -> int | None:
    """'20MB', '500k', '1048576' -> bytes (K, M, G are powers of 1024); '0' or 'none' -> no limit."""
    if value.strip().lower() in ("0", "none", "unlimited"):
        return None
    m = _SIZE.match(value)
    if not m:
        raise argparse.ArgumentTypeError(f"{value!r} is not a size: use bytes or a number with K, M or G (e.g. 20M)")
    unit = (m.group(2) or "b")[0].lower()
    return int(m.group(1)) * {"b": 1, "k": 1024, "m": 1024**2, "g": 1024**3}[unit]


def iso_date(value: str) -> str:
    """`--date`: an ISO year, month or day that exists, else a usage error (exit 2)."""
    from .errors import CallerDateError
    from .pipeline import check_caller_date

    try:
        return check_caller_date(value)[0]
    except CallerDateError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _usage(command: str, message: str) -> int:
    print(f"diplotext {command}: {message}", file=sys.stderr)
    return 2


def _convert_stdin(args: argparse.Namespace) -> int:
    """`convert -`: one text from standard input, its JSON to standard output."""
    from .pipeline import prepare
    from .text.decode import decode_bytes

    limit = args.max_bytes
    data = sys.stdin.buffer.read(limit + 1 if limit is not None else -1)
    decoded = decode_bytes(data, max_bytes=limit)
    del data
    _write_json(prepare(decoded.text, lang=args.lang, encoding=decoded.encoding, max_chars=limit, whole_work=False), args)
    return 0


def _write_json(prep: Any, args: argparse.Namespace) -> None:
    """The statement of one prepared input to standard output, its warnings to standard error
    first; a long input's JSON is written as its pieces are parsed (`batch.streamed`)."""
    import io

    from .batch.streamed import write_json

    sys.stdout.flush()
    binary = getattr(sys.stdout, "buffer", None)
    out = binary if binary is not None else io.BytesIO()  # a standard output of text alone (a caller's)
    write_json(prep, out, date=args.date, gazetteer=args.gazetteer, before_writing=_print_warnings)
    if binary is None:
        sys.stdout.write(out.getvalue().decode("utf-8"))  # type: ignore[attr-defined]
    out.flush()


def _print_warnings(statement: Any) -> None:
    for warning in statement.warnings:
        print(f"warning: {warning}", file=sys.stderr)


def _workers(args: argparse.Namespace) -> int:
    """The number of worker processes `--workers` asks for (0: one per core)."""
    if args.workers == 0:
        import os

        return os.cpu_count() or 1
    return int(args.workers)


def _build_before_batch(args: argparse.Namespace) -> None:
    """In a one-process batch, build the pipeline now, so that its objects are frozen with the rest."""
    from .batch import settle_heap
    from .nlp import get_nlp

    try:
        get_nlp(args.lang or "en", args.gazetteer)
    except (LanguageError, GazetteerError):
        pass  # reported by convert() with the usage error
    settle_heap()


class _Progress:
    """A progress bar on a terminal (none in a pipe or a log), and one line per failed input."""

    def __init__(self) -> None:
        self.bar: Any = None

    def __call__(self, result: Any, total: int) -> None:
        if self.bar is None and sys.stderr.isatty():
            import os

            from tqdm import tqdm

            # a terminal that reports no size (a bare pseudo-terminal) gets 80x24, not a hidden bar
            try:
                cols, rows = os.get_terminal_size(sys.stderr.fileno())
            except (OSError, ValueError):
                cols, rows = 0, 0
            self.bar = tqdm(total=total, unit="file", file=sys.stderr, ncols=cols or 80, nrows=rows or 24)
        if result.status == "failed":
            line = f"failed: {result.file}: {result.error}: {result.message}"
            if self.bar is not None:
                self.bar.write(line, file=sys.stderr)
            else:
                print(line, file=sys.stderr)
        if self.bar is not None:
            self.bar.update(1)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


def _cmd_convert(args: argparse.Namespace) -> int:
    from .batch import BatchSetupError, convert

    if str(args.input) == "-":
        return _convert_stdin(args)
    if args.out is None:
        return _usage("convert", "--out is required unless the input is '-'")
    if not args.input.exists() and not args.input.is_symlink():
        return _usage("convert", f"{args.input}: no such file or folder")
    workers = _workers(args)
    if workers == 1:
        _build_before_batch(args)
    progress = _Progress()
    try:
        report = convert(
            args.input, args.out, pattern=args.glob, fmt=args.format, lang=args.lang, date=args.date,
            gazetteer=args.gazetteer, max_bytes=args.max_bytes, force=args.force, workers=workers, progress=progress,
            furniture=not args.no_furniture,
        )
    except (BatchSetupError, GazetteerError) as exc:
        return _usage("convert", str(exc))
    finally:
        progress.close()
    if report.redo_reason:
        print(f"converting all inputs: {report.redo_reason}", file=sys.stderr)
    print(report.summary(), file=sys.stderr)
    if report.failed:
        print(f"errors: {args.out / '_errors.jsonl'}", file=sys.stderr)
    return 0 if report.ok else 1


def _cmd_parse(args: argparse.Namespace) -> int:
    from .pipeline import prepare, read_path

    text, encoding, digest = read_path(args.file, max_bytes=args.max_bytes)
    # bytes decode to at most as many characters: the one limit governs both
    _write_json(prepare(text, lang=args.lang, path=str(args.file), encoding=encoding, sha256=digest,
                        max_chars=args.max_bytes, whole_work=False), args)
    return 0


def _cmd_schema(args: argparse.Namespace) -> int:
    from .models import json_schema

    print(json.dumps(json_schema(), indent=2, ensure_ascii=False))
    return 0


def _cmd_export(args: argparse.Namespace) -> int:
    from .export import NothingToExportError, export

    if not args.parsed.exists():
        return _usage("export", f"{args.parsed}: no such file or folder")
    try:
        report = export(args.parsed, args.to, parquet=args.parquet)
    except (ImportError, NothingToExportError) as exc:  # --parquet without pyarrow; no outputs in the folder
        return _usage("export", str(exc))
    for name, rows in report.rows.items():
        print(f"{name}: {counted(rows, 'row')}", file=sys.stderr)
    print(f"{counted(report.documents, 'document')} -> {args.to} ({', '.join(report.formats)})", file=sys.stderr)
    for problem in report.problems:
        print(f"skipped: {problem}", file=sys.stderr)
    if args.parquet is None and "parquet" not in report.formats:
        print("Parquet not written: install pyarrow (pip install 'diplotext[parquet]')", file=sys.stderr)
    return 0 if not report.problems else 1


def _cmd_show(args: argparse.Namespace) -> int:
    from .show import show_file

    statement = show_file(args.file, args.html, lang=args.lang, date=args.date, gazetteer=args.gazetteer, max_bytes=args.max_bytes)
    from .show import highlights

    spans = len(highlights(statement))
    print(f"{args.html}: {counted(spans, 'span')} in {counted(len(statement.sections), 'section')}", file=sys.stderr)
    return 0


_SINGULAR = {"figures": "figure", "entities": "entity", "stances": "stance", "events": "event"}


def _cmd_timeline(args: argparse.Namespace) -> int:
    from .views import Filters, build_timeline, plot_timeline
    from .views.tabular import format_table, to_csv, to_json

    if not args.parsed.exists():
        return _usage("timeline", f"{args.parsed}: no such file or folder")
    filters = Filters(
        measure=args.measure, entity=args.entity, actor=args.actor, stance=args.stance, since=args.since,
        until=args.until, parties=tuple(p.strip() for p in (args.parties or "").split(",") if p.strip()),
    )
    problems: list[str] = []
    from .views import iter_documents

    tl = build_timeline(iter_documents(args.parsed, problems), args.of, by=args.by, filters=filters)
    writer = {"table": format_table, "csv": to_csv, "json": to_json}[args.format]
    sys.stdout.write(writer(tl.columns, tl.rows))
    if args.plot:
        plot_timeline(tl, args.plot)
        print(f"chart: {args.plot}", file=sys.stderr)
    if tl.undated:
        print(f"{counted(tl.undated, _SINGULAR[args.of], args.of)} left out: neither they nor their document have a date", file=sys.stderr)
    for problem in problems:
        print(f"skipped: {problem}", file=sys.stderr)
    return 0 if not problems else 1


def _cmd_diff(args: argparse.Namespace) -> int:
    from .batch import write_atomic
    from .views.diff import diff_statements
    from .views.diff_views import format_terminal, render_diff_html

    for path in (args.a, args.b):
        if not path.is_file():
            return _usage("diff", f"{path}: no such file")
    d = diff_statements(args.a, args.b)
    if args.html:
        write_atomic(args.html, render_diff_html(d))
        print(f"{args.html}: {', '.join(f'{n} {k}' for k, n in d.counts().items())} sections", file=sys.stderr)
    sys.stdout.write(d.model_dump_json(indent=1) + "\n" if args.json else format_terminal(d))
    return 0


def _cmd_report(args: argparse.Namespace) -> int:
    import time

    from .views.report import build_report

    if not args.parsed.exists():
        return _usage("report", f"{args.parsed}: no such file or folder")
    for folder in args.texts or []:
        if not folder.is_dir():
            return _usage("report", f"--texts {folder}: no such folder")
    started = time.perf_counter()
    result = build_report(args.parsed, args.html, texts=args.texts, title=args.title)
    seconds = time.perf_counter() - started
    print(f"{result.html}: {result.documents} documents, {result.pages} show pages in "
          f"{result.html.parent / (result.html.stem + '_show')} ({seconds:.1f} s)", file=sys.stderr)
    if result.rebuilt:
        print(f"{result.rebuilt} show pages drawn on texts rebuilt from the JSON (originals not found; see --texts)",
              file=sys.stderr)
    for problem in result.problems:
        print(f"skipped: {problem}", file=sys.stderr)
    return 0 if not result.problems else 1


def _stance_kinds() -> list[str]:
    from typing import get_args

    from .models import Stance

    return list(get_args(Stance.model_fields["stance"].annotation))


def _add_view_commands(sub: Any) -> None:
    """The views across documents: timeline, diff, report."""
    p = sub.add_parser("timeline", help="figures, entities, stances or events over time, from converted JSON/JSONL")
    p.add_argument("parsed", type=Path, help="a folder of outputs of 'convert' (NAME.json or *.jsonl), or one file")
    p.add_argument("--of", choices=["figures", "entities", "stances", "events"], default="figures")
    p.add_argument("--by", choices=["year", "month"], default="year", help="the period of a row (default: year)")
    p.add_argument("--measure", help="figures of this measure only (trade_volume, investment, ...)")
    p.add_argument("--entity", help="an entity id, name or alias (CSTO): named, in the target, or among the actors")
    p.add_argument("--parties", help="comma-separated ids that must all be among the document's parties (BLR,RUS)")
    p.add_argument("--actor", help="stances and events with this actor id")
    p.add_argument("--stance", choices=_stance_kinds(), help="stances of this kind only")
    p.add_argument("--since", help="ISO year, month or day: leave out earlier periods")
    p.add_argument("--until", help="ISO year, month or day: leave out later periods")
    p.add_argument("--format", choices=["table", "csv", "json"], default="table", help="what to print (default: table)")
    p.add_argument("--plot", type=Path, metavar="FILE", help="also draw the timeline to FILE.svg or FILE.png")
    p.set_defaults(func=_cmd_timeline)

    p = sub.add_parser("diff", help="what changed between two statements (texts or JSON outputs of 'convert')")
    p.add_argument("a", type=Path, help="the earlier statement: a text file, or NAME.json written by 'convert'")
    p.add_argument("b", type=Path, help="the later statement")
    p.add_argument("--json", action="store_true", help="print the diff as JSON instead of text")
    p.add_argument("--html", type=Path, metavar="FILE", help="also write the diff as an HTML page")
    p.set_defaults(func=_cmd_diff)

    p = sub.add_parser("report", help="one offline HTML page about a converted corpus, with each document's show page")
    p.add_argument("parsed", type=Path, help="a folder of outputs of 'convert' (NAME.json or *.jsonl), or one file")
    p.add_argument("--html", type=Path, required=True, help="the report page; show pages go to NAME_show/ beside it")
    p.add_argument("--texts", type=Path, action="append", metavar="IN_DIR",
                   help="the folder that was converted, to draw show pages on the original texts (repeatable)")
    p.add_argument("--title", help="the report's title")
    p.set_defaults(func=_cmd_report)


def _common(p: argparse.ArgumentParser) -> None:
    """The options every subcommand that parses text takes."""
    p.add_argument("--lang", choices=["en", "ru"], help="force the language (default: detected)")
    p.add_argument("--gazetteer", type=Path, help="JSON list of entities that add to or override the packaged ones")
    p.add_argument("--max-bytes", type=parse_size, default=DEFAULT_MAX_BYTES, metavar="SIZE",
                   help="refuse inputs larger than this (default: 20M; K, M, G suffixes; 0 for no limit)")


def _add_convert(sub: Any) -> None:
    p = sub.add_parser("convert", help="convert a file or a folder tree into JSON (or one JSONL)")
    p.add_argument("input", type=Path, help="a file, a folder (searched recursively), or '-' for stdin (JSON to stdout)")
    p.add_argument("--out", type=Path, help="output folder")
    p.add_argument("--glob", default="*.txt", help="which files of a folder to convert (default: *.txt, recursive)")
    p.add_argument("--format", choices=["json", "jsonl"], default="json",
                   help="json: OUT/NAME.json per input (default); jsonl: OUT/statements.jsonl for the whole corpus")
    p.add_argument("--workers", type=int, default=1, metavar="N", help="processes to convert with (0: one per core; default 1)")
    p.add_argument("--force", action="store_true", help="convert every input again, even when its output is up to date")
    p.add_argument("--no-furniture", action="store_true",
                   help="keep lines that repeat across many documents of a folder (by default they are site furniture and removed)")
    p.add_argument("--date", type=iso_date, help="the documents' date (ISO: 2012, 2012-06 or 2012-06-19), overriding what the text says")
    _common(p)
    p.set_defaults(func=_cmd_convert)


def _add_parse(sub: Any) -> None:
    p = sub.add_parser("parse", help="parse one file and print its JSON")
    p.add_argument("file", type=Path)
    p.add_argument("--date", type=iso_date, help="the document's date (ISO: 2012, 2012-06 or 2012-06-19), overriding what the text says")
    _common(p)
    p.set_defaults(func=_cmd_parse)


def _add_export(sub: Any) -> None:
    p = sub.add_parser("export", help="flat tables (CSV, and Parquet with pyarrow) from converted JSON/JSONL")
    p.add_argument("parsed", type=Path, help="a folder of outputs of 'convert' (NAME.json or *.jsonl), or one file")
    p.add_argument("--to", type=Path, required=True, help="folder for documents.csv, sections.csv, ... (and .parquet)")
    g = p.add_mutually_exclusive_group()
    g.add_argument("--parquet", dest="parquet", action="store_true", default=None, help="require Parquet output")
    g.add_argument("--no-parquet", dest="parquet", action="store_false", help="write CSV only")
    p.set_defaults(func=_cmd_export)


def _add_show(sub: Any) -> None:
    p = sub.add_parser("show", help="an HTML page of one file with every entity, date and figure highlighted")
    p.add_argument("file", type=Path)
    p.add_argument("--html", type=Path, required=True, help="where to write the page")
    p.add_argument("--date", type=iso_date, help="the document's date (ISO: 2012, 2012-06 or 2012-06-19), overriding what the text says")
    _common(p)
    p.set_defaults(func=_cmd_show)


def _add_schema(sub: Any) -> None:
    p = sub.add_parser("schema", help="print the JSON Schema of the output")
    p.set_defaults(func=_cmd_schema)


SUBCOMMANDS = (_add_convert, _add_parse, _add_export, _add_show, _add_schema, _add_view_commands)
"""One function per subcommand, each adding its parser (with `func` to run) to the subparsers,
in the order `--help` lists them. A new subcommand is a `_cmd_X` and an `_add_X` added here."""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="diplotext", description="Diplomatic texts into structured data.")
    parser.add_argument("--version", action="version", version=f"diplotext {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)
    for add in SUBCOMMANDS:
        add(sub)
    for subparser in sub.choices.values():
        subparser.set_defaults(subparser=subparser)  # to report an unknown option with its own usage
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    try:
        args, unknown = parser.parse_known_args(argv)
        if unknown:  # a typo in an option: the subcommand's usage, not the top level's
            (getattr(args, "subparser", None) or parser).error(f"unrecognized arguments: {' '.join(unknown)}")
    except SystemExit as exc:  # argparse: 2 for a usage error, 0 for --help / --version
        return int(exc.code or 0)
    if getattr(args, "workers", 1) < 0:
        return _usage(args.command, "--workers must be 0 (one per core) or more")
    try:
        return int(args.func(args))
    except GazetteerError as exc:
        return _usage(args.command, f"{type(exc).__name__}: {exc}")
    except DiplotextError as exc:
        print(f"diplotext: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("diplotext: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
