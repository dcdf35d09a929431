#!/usr/bin/env python3
"""Dump diplotext's JSON for the whole shared corpus, the dev set and the seeds, and compare dumps.

A refactor must not change what users get. This script proves it: run ``dump`` before the change
and after it, then ``compare`` the two files; any document whose JSON differs is listed with the
first differing key path.

    python tools/dump_outputs.py dump /tmp/before.jsonl            # all of ../shared/corpus + dev + seeds
    python tools/dump_outputs.py dump /tmp/after.jsonl --only ru-wikinews,dev
    python tools/dump_outputs.py dump /tmp/long.jsonl --only long   # long texts, parsed in pieces
    python tools/dump_outputs.py compare /tmp/before.jsonl /tmp/after.jsonl

The corpus holds no text long enough to be parsed in pieces: ``long`` (named with ``--only``, not
part of the default) adds a megabyte of White House statements, 1.5 MB of the English corpus
and 400 KB of each hostile family of ``benchmarks/bench_adversarial.py``, made at run time.

Each line is ``{"file": REL_PATH, "json": <Statement JSON or error>}``; ``source.diplotext_version``
is dropped so that a version bump is not a difference. Two worker processes split the files.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = (ROOT.parent / "shared").resolve()  # one path whichever checkout (or worktree beside a link) runs it
SETS = {
    "kremlin": SHARED / "corpus" / "kremlin-2021-2022",
    "whitehouse": SHARED / "corpus" / "whitehouse",
    "president-gov-ua": SHARED / "corpus" / "president-gov-ua",
    "ru-wikinews": SHARED / "corpus" / "ru-wikinews",
    "dev": SHARED / "eval" / "dev",
    "seeds": ROOT / "data" / "raw",
}


def _files(only: list[str]) -> list[tuple[str, Path]]:
    out = []
    for name, folder in SETS.items():
        if only and name not in only:
            continue
        out += [(f"{name}/{p.name}", p) for p in sorted(folder.glob("*.txt"))]
    return out


LONG_SIZES = {"real": 1_000_000, "corpus": 1_500_000, "family": 400_000}


def _long_inputs() -> dict[str, tuple[str, Callable[[], str]]]:
    """name -> (language, make()) of the long inputs: real text and every hostile family (each
    text made only when its name is dumped)."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import bench_adversarial as ba

    out: dict[str, tuple[str, Callable[[], str]]] = {
        "long/real-1MB": ("en", lambda: ba.real_text(LONG_SIZES["real"])),
        "long/corpus-1.5MB": ("en", lambda: ba.corpus_text(LONG_SIZES["corpus"])),
    }
    for name, (lang, make) in ba.hostile_families().items():
        out[f"long/{name}"] = (lang, lambda make=make: make(LONG_SIZES["family"]))
    return out


def _dump_long(names: list[str]) -> list[str]:
    import diplotext

    lines = []
    inputs = _long_inputs()
    for name in names:
        lang, make = inputs[name]
        body = json.loads(diplotext.parse(make(), lang=lang, max_chars=None).model_dump_json())
        body.get("source", {}).pop("diplotext_version", None)
        lines.append(json.dumps({"file": name, "json": body}, ensure_ascii=False, sort_keys=True))
    return lines


def _dump_chunk(chunk: list[tuple[str, str]]) -> list[str]:
    import diplotext

    lines = []
    paths = [Path(p) for _, p in chunk]
    for (rel, _), result in zip(chunk, diplotext.parse_many(paths, errors="return")):
        if isinstance(result, Exception):
            body: object = {"error": type(result).__name__, "message": str(result)}
        else:
            body = json.loads(result.model_dump_json())
            source = body.get("source", {})
            source.pop("diplotext_version", None)
            if str(source.get("path", "")).startswith(str(ROOT)):  # the seeds: the same from any checkout
                source["path"] = "." + source["path"][len(str(ROOT)):]
        lines.append(json.dumps({"file": rel, "json": body}, ensure_ascii=False, sort_keys=True))
    return lines


def dump(out: Path, only: list[str], workers: int) -> None:
    sets = [s for s in only if s != "long"]
    files = [] if only and not sets else [(rel, str(p)) for rel, p in _files(sets)]
    chunks = [files[i::workers] for i in range(workers)]
    longs = list(_long_inputs()) if "long" in only else []
    with ProcessPoolExecutor(workers) as pool:
        results = list(pool.map(_dump_chunk, chunks)) + list(pool.map(_dump_long, [longs[i::workers] for i in range(workers)]))
    lines = sorted(line for chunk in results for line in chunk)
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(lines)} documents -> {out}")


def _first_diff(a: object, b: object, path: str = "") -> str:
    if type(a) is not type(b):
        return f"{path}: {a!r:.80} != {b!r:.80}"
    if isinstance(a, dict):
        for k in sorted(set(a) | set(b)):
            if a.get(k) != b.get(k):
                return _first_diff(a.get(k), b.get(k), f"{path}.{k}")
    if isinstance(a, list):
        if len(a) != len(b):
            return f"{path}: {len(a)} items != {len(b)} items"
        for i, (x, y) in enumerate(zip(a, b)):
            if x != y:
                return _first_diff(x, y, f"{path}[{i}]")
    return f"{path}: {a!r:.80} != {b!r:.80}"


def compare(before: Path, after: Path, show: int) -> int:
    def load(p: Path) -> dict[str, object]:
        rows = (json.loads(line) for line in p.read_text(encoding="utf-8").splitlines() if line)
        return {r["file"]: r["json"] for r in rows}

    a, b = load(before), load(after)
    common = sorted(set(a) & set(b))
    changed = [f for f in common if a[f] != b[f]]
    for f in changed[:show]:
        print(f"{f}: {_first_diff(a[f], b[f])}")
    only_a, only_b = sorted(set(a) - set(b)), sorted(set(b) - set(a))
    print(f"{len(common)} compared, {len(changed)} differ, {len(only_a)} only before, {len(only_b)} only after")
    return 1 if changed else 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    d = sub.add_parser("dump")
    d.add_argument("out", type=Path)
    d.add_argument("--only", default="", help=f"comma-separated subset of {','.join(SETS)},long (long: not in the default)")
    d.add_argument("--workers", type=int, default=2)
    c = sub.add_parser("compare")
    c.add_argument("before", type=Path)
    c.add_argument("after", type=Path)
    c.add_argument("--show", type=int, default=20)
    args = ap.parse_args()
    if args.cmd == "dump":
        dump(args.out, [s for s in args.only.split(",") if s], args.workers)
        return 0
    return compare(args.before, args.after, args.show)


if __name__ == "__main__":
    sys.exit(main())
