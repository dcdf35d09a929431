"""The `diplotext` command: thin, it parses arguments and calls the library. The only module that prints."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from . import __version__
from .errors import DiplotextError


def _cmd_convert(args: argparse.Namespace) -> int:
    from .batch import convert, statement_json
    from .pipeline import parse_text

    if str(args.input) == "-":
        text = sys.stdin.read()
        statement = parse_text(text, lang=args.lang, date=args.date, gazetteer=args.gazetteer)
        sys.stdout.write(statement_json(statement))
        return 0
    if args.out is None:
        print("diplotext convert: --out is required unless the input is '-'", file=sys.stderr)
        return 2
    if not args.input.exists():
        print(f"diplotext convert: {args.input}: no such file or folder", file=sys.stderr)
        return 2
    report = convert(args.input, args.out, pattern=args.glob, lang=args.lang, gazetteer=args.gazetteer)
    for failure in report.failed:
        print(f"failed: {failure['file']}: {failure['error']}: {failure['message']}", file=sys.stderr)
    print(f"converted {report.converted}, failed {len(report.failed)}", file=sys.stderr)
    return 0 if report.ok else 1


def _cmd_parse(args: argparse.Namespace) -> int:
    from .batch import statement_json
    from .pipeline import parse_path

    statement = parse_path(args.file, lang=args.lang, date=args.date, gazetteer=args.gazetteer)
    sys.stdout.write(statement_json(statement))
    return 0


def _cmd_schema(args: argparse.Namespace) -> int:
    from .models import json_schema

    print(json.dumps(json_schema(), indent=2, ensure_ascii=False))
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="diplotext", description="Diplomatic texts into structured data.")
    parser.add_argument("--version", action="version", version=f"diplotext {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    def common(p: argparse.ArgumentParser) -> None:
        p.add_argument("--lang", choices=["en", "ru"], help="force the language (default: detected)")
        p.add_argument("--gazetteer", type=Path, help="JSON list of entities that add to or override the packaged ones")

    p = sub.add_parser("convert", help="convert a file or a folder of *.txt into JSON files")
    p.add_argument("input", type=Path, help="a file, a folder, or '-' for stdin (JSON to stdout)")
    p.add_argument("--out", type=Path, help="output folder")
    p.add_argument("--glob", default="*.txt", help="which files of a folder to convert (default: *.txt, recursive)")
    p.add_argument("--date", help="the documents' date (ISO), overriding what the text says")
    common(p)
    p.set_defaults(func=_cmd_convert)

    p = sub.add_parser("parse", help="parse one file and print its JSON")
    p.add_argument("file", type=Path)
    p.add_argument("--date", help="the document's date (ISO), overriding what the text says")
    common(p)
    p.set_defaults(func=_cmd_parse)

    p = sub.add_parser("schema", help="print the JSON Schema of the output")
    p.set_defaults(func=_cmd_schema)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.func(args))
    except DiplotextError as exc:
        print(f"diplotext: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
