#!/usr/bin/env python3
"""The shape of ``src/diplotext`` read from its AST: layers, cycles, sizes, vocabularies in code.

    python tools/house_figures.py            # the figures, one line
    python tools/house_figures.py --list     # and every offender, one a line

Limits: no import cycle, no import of a higher layer (imports inside functions count too), no
function over 60 lines, no module over 500 lines, no list/set/tuple literal of more than 8 strings
and no regex alternation of more than 8 plain words in a ``.py`` file. Exit 1 when any is over.
``tests/test_house.py`` runs the same checks.
"""
from __future__ import annotations

import argparse
import ast
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

SRC = Path(__file__).resolve().parent.parent / "src" / "diplotext"

LAYERS: tuple[tuple[str, ...], ...] = (
    # 0: the data contract and the data, importing nothing of ours above them
    ("diplotext.__about__", "diplotext.errors", "diplotext.models", "diplotext.resources"),
    # 1: text before it is a Doc; languages (detection, morphology, per-language rules); the tokenizer; the read-only view of a Doc's tokens
    ("diplotext.text", "diplotext.lang", "diplotext.tokenizer", "diplotext.token_view"),
    # 2: the document's structure from its layout
    ("diplotext.segment",),
    # 3: one package or module per fact type
    ("diplotext.extract",),
    # 4: spaCy components and the pipeline that holds them
    ("diplotext.components", "diplotext.nlp"),
    # 5: one text in, one Statement out
    ("diplotext.pipeline", "diplotext.pieces", "diplotext.gc_pacing", "diplotext.kept_words"),
    # 6: many documents: folders, tables, pages, views across documents
    ("diplotext.batch", "diplotext.export", "diplotext.show", "diplotext.views"),
    # 7: the command line and the public API
    ("diplotext.cli", "diplotext.__main__", "diplotext"),
)
MAX_FUNCTION, MAX_MODULE, MAX_VOCAB = 60, 500, 8


def layer_of(module: str) -> int:
    """The layer of a module: that of the longest prefix named in LAYERS."""
    best, depth = len(LAYERS) - 1, -1
    for n, prefixes in enumerate(LAYERS):
        for p in prefixes:
            if (module == p or module.startswith(p + ".")) and p.count(".") > depth:
                best, depth = n, p.count(".")
    return best


@dataclass
class Figures:
    cycles: list[list[str]] = field(default_factory=list)
    upward: list[str] = field(default_factory=list)
    long_functions: list[str] = field(default_factory=list)
    big_modules: list[str] = field(default_factory=list)
    vocab: list[str] = field(default_factory=list)

    def ok(self) -> bool:
        return not (self.cycles or self.upward or self.long_functions or self.big_modules or self.vocab)

    def line(self) -> str:
        return (f"cycles {len(self.cycles)}, upward {len(self.upward)}, long functions {len(self.long_functions)}, "
                f"big modules {len(self.big_modules)}, vocab lists {len(self.vocab)}")


def _modules(root: Path) -> dict[str, Path]:
    out = {}
    for p in root.rglob("*.py"):
        out[".".join(("diplotext",) + p.relative_to(root).with_suffix("").parts).removesuffix(".__init__")] = p
    return out


def _targets(cur: str, is_pkg: bool, node: ast.Import | ast.ImportFrom, mods: dict[str, Path]) -> list[str]:
    if isinstance(node, ast.Import):
        return [a.name for a in node.names]
    base = cur.split(".") if is_pkg else cur.split(".")[:-1]
    if node.level:
        base = base[: len(base) - (node.level - 1)]
        stem = ".".join(base + ([node.module] if node.module else []))
    else:
        stem = node.module or ""
    return [f"{stem}.{a.name}" if f"{stem}.{a.name}" in mods else stem for a in node.names]


def _sccs(graph: dict[str, set[str]]) -> list[list[str]]:
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on: set[str] = set()
    out: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on.add(v)
        for w in graph[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                out.append(sorted(comp))

    sys.setrecursionlimit(10_000)
    for v in graph:
        if v not in index:
            visit(v)
    return out


def _plain_words(s: str) -> int:
    return sum(1 for w in s.split("|") if re.fullmatch(r"[\w\- ]+", w))


def measure(root: Path = SRC) -> Figures:
    mods = _modules(root)
    graph: dict[str, set[str]] = {m: set() for m in mods}
    fig = Figures()
    for m, p in sorted(mods.items()):
        src = p.read_text(encoding="utf-8")
        if (n := len(src.splitlines())) > MAX_MODULE:
            fig.big_modules.append(f"{m} ({n} lines)")
        for node in ast.walk(ast.parse(src)):
            if isinstance(node, (ast.Import, ast.ImportFrom)):
                for t in _targets(m, p.name == "__init__.py", node, mods):
                    while t not in mods and "." in t:
                        t = t.rsplit(".", 1)[0]
                    if t in mods and t != m:
                        graph[m].add(t)
                        # a package may import its own modules; a module may import its package's siblings
                        if layer_of(t) > layer_of(m) and not t.startswith(m + "."):
                            fig.upward.append(f"{m}:{node.lineno} imports {t}")
            elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                if (n := node.end_lineno - node.lineno + 1) > MAX_FUNCTION:
                    fig.long_functions.append(f"{m}:{node.lineno} {node.name} ({n} lines)")
            elif isinstance(node, (ast.List, ast.Set, ast.Tuple)):
                strs = [e for e in node.elts if isinstance(e, ast.Constant) and isinstance(e.value, str)]
                if len(strs) > MAX_VOCAB:
                    fig.vocab.append(f"{m}:{node.lineno} ({len(strs)} strings)")
            elif isinstance(node, ast.Constant) and isinstance(node.value, str) and _plain_words(node.value) > MAX_VOCAB:
                fig.vocab.append(f"{m}:{node.lineno} (alternation of {_plain_words(node.value)} words)")
    # a package's __init__ importing its own submodules is no cycle
    fig.cycles = [c for c in _sccs(graph) if not all(x.startswith(min(c, key=len)) for x in c)]
    return fig


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("root", nargs="?", type=Path, default=SRC)
    ap.add_argument("--list", action="store_true", help="print every offender")
    args = ap.parse_args()
    fig = measure(args.root)
    print(fig.line())
    if args.list:
        for name in ("cycles", "upward", "long_functions", "big_modules", "vocab"):
            for item in getattr(fig, name):
                print(f"  {name}: {' <-> '.join(item) if isinstance(item, list) else item}")
    return 0 if fig.ok() else 1


if __name__ == "__main__":
    sys.exit(main())
