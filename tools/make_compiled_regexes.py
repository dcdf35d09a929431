"""Build src/diplotext/resources/compiled/regexes-<python>.pickle: the big regexes that the pipeline
compiles for its first text in each language (the date and figure grammars, the words after a
number that make it no year, the tokenizer's prefix, suffix and infix rules), compiled, for the
Python that runs this script; and what each rule of the grammars may begin with (a digit or
not), which `diplotext.extract.first_char` reads from a slow parse of the rule.

`diplotext.resources.regexes.compile_regex` hands a pattern's compiled form to the regex engine
instead of compiling the pattern again (0.4 s of the first Russian parse, 0.08 s of the first
English one). A pattern not in the file compiles as before; tests/test_startup.py fails when the
file is stale (a grammar, a lexicon or the tokenizer's rules changed): run this script again then.

It also stores every word alternation (`diplotext.text.alternation`) that the first parse of a
text in each language asks for, each with the words it was made from: the script runs a first
parse per language with the stored ones unread and keeps what `trie_alternation` wrote.

    .venv/bin/python tools/make_compiled_regexes.py
"""

from __future__ import annotations

import re
from pathlib import Path

# Before anything builds an alternation (some modules do as they are imported): record each one
# that is written, with the stored ones unread.
from diplotext.text import alternation as _alternation

_WRITTEN: list[tuple[str, tuple[str, ...], bool]] = []
_trie = _alternation.trie_alternation


def _recorded(items: list[str], dot_optional: bool) -> str:
    regex = _trie(items, dot_optional)
    _WRITTEN.append((regex, tuple(items), dot_optional))
    return regex


_alternation.trie_alternation = _recorded
_alternation.stored_alternation = lambda key: None

from spacy.util import get_lang_class  # noqa: E402

from diplotext.extract.dates import date_grammar, date_lexicon  # noqa: E402
from diplotext.extract.figures.grammar import figure_grammar  # noqa: E402
from diplotext.extract.first_char import begins_with  # noqa: E402
from diplotext.extract.patterns import affix_sources  # noqa: E402
from diplotext.lang import LANGUAGES  # noqa: E402
from diplotext.nlp import _GLUED  # noqa: E402
from diplotext.resources.regexes import write_store  # noqa: E402

COMPILED = Path(__file__).resolve().parent.parent / "src" / "diplotext" / "resources" / "compiled"


def grammar_patterns() -> list[tuple[str, int]]:
    """(source, flags) of every pattern compiled ahead of time, per language."""
    out = []
    for lang in LANGUAGES:
        for table in (date_grammar(lang), figure_grammar(lang)):
            out.append((table.source, table.flags))
        followers = date_lexicon(lang).year_followers
        out.append((followers.pattern, followers.flags & ~re.UNICODE))
        out += [(source, 0) for source in affix_sources(get_lang_class(lang).Defaults, _GLUED) if source is not None]
    return out


def grammar_rules() -> list[tuple[str, int]]:
    """(source, flags) of every rule of the grammars, as its grammar puts it behind a
    first-character guard (`diplotext.extract.first_char.guarded`): what each may begin with is
    read ahead of time."""
    out = []
    for lang in LANGUAGES:
        for table in (date_grammar(lang), figure_grammar(lang)):
            out += [(part, table.flags) for part in table.parts]
    return out


FIRST_TEXTS = {
    "en": "Joint Statement of the Presidents of Belarus and Russia\n\nIn 2011 the trade between Belarus and Russia exceeded US$ 38 billion.",
    "ru": "Совместное заявление президентов Беларуси и России\n\nВ 2011 году товарооборот между Беларусью и Россией превысил 38 млрд долларов США.",
}


def first_parse_alternations() -> list[tuple[str, tuple[str, ...], bool]]:
    """The alternations written so far and by a first parse in each language: call it in a
    process where nothing was parsed before."""
    import diplotext

    for lang in LANGUAGES:
        diplotext.parse(FIRST_TEXTS[lang], lang=lang)
    return list(_WRITTEN)


def main() -> None:
    patterns = grammar_patterns()
    beginnings = {rule: begins_with(*rule) for rule in grammar_rules()}
    alternations = first_parse_alternations()
    name = write_store(patterns, beginnings, COMPILED, alternations)
    print(f"{COMPILED / name}: {len(patterns)} patterns, {len(beginnings)} rules' beginnings, "
          f"{len(alternations)} alternations, {(COMPILED / name).stat().st_size:,} bytes")


if __name__ == "__main__":
    main()
