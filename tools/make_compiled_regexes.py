"""Build src/diplotext/resources/compiled/regexes-<python>.pickle: the date and figure grammars of
every language, compiled, for the Python that runs this script.

`diplotext.resources.regexes.compile_regex` hands a grammar's compiled form to the regex engine
instead of compiling its pattern again (0.33 s of the first Russian parse, 0.05 s of the first
English one). A grammar not in the file compiles as before; tests/test_startup.py fails when the
file is stale (a grammar or its lexicon changed): run this script again then.

    .venv/bin/python tools/make_compiled_regexes.py
"""

from __future__ import annotations

from pathlib import Path

from diplotext.extract.dates import date_grammar
from diplotext.extract.figures.grammar import figure_grammar
from diplotext.lang import LANGUAGES
from diplotext.resources.regexes import write_store

COMPILED = Path(__file__).resolve().parent.parent / "src" / "diplotext" / "resources" / "compiled"


def grammar_patterns() -> list[tuple[str, int]]:
    """(source, flags) of every grammar the pipeline compiles on its first text, per language."""
    out = []
    for lang in LANGUAGES:
        for table in (date_grammar(lang), figure_grammar(lang)):
            out.append((table.source, table.flags))
    return out


def main() -> None:
    patterns = grammar_patterns()
    name = write_store(patterns, COMPILED)
    print(f"{COMPILED / name}: {len(patterns)} patterns, {(COMPILED / name).stat().st_size:,} bytes")


if __name__ == "__main__":
    main()
