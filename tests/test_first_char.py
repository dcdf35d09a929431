"""A grammar's rules behind first-character guards (`extract.first_char.guarded`) match what
their plain alternation (tests/reference/rule_source.py) matches: the same span, rule and groups
at every position, for the date and figure grammars of both languages and for Hypothesis's
patterns; and `begins_with` reads what a pattern's match can begin with, erring on the safe side."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from reference.rule_source import plain_source

from diplotext.extract.dates.grammar import SPACE, date_grammar
from diplotext.extract.figures.grammar import figure_grammar
from diplotext.extract.first_char import begins_with, guarded


@pytest.mark.parametrize(("pattern", "expected"), [
    ("[0-9]+", (True, False)), (r"(?<![\w.])(?:1\d|20)\d\d", (True, False)), ("May|June", (False, True)),
    ("x?5", (True, True)), ("(?:a|)", (True, True)), ("(?P<a>1)(?P=a)", (True, False)), ("[^a]", (True, True)),
    (r"\W", (False, True)), (r"\d", (True, True)), (r"\b", (True, True)), ("(?=5)a", (False, True)),
    ("[0-z]", (True, True)), ("[a-z]", (False, True)), ("(?:5|x)+", (True, True)), ("(?P<a>5)?(?(a)x|y)", (True, True)),
    (".", (True, True)), (r"\s*9", (True, True)), (r"(?>12)", (True, False)),
])
def test_what_a_pattern_may_begin_with(pattern: str, expected: tuple[bool, bool]) -> None:
    assert begins_with(pattern, re.IGNORECASE) == expected


def _samples() -> list[str]:
    root = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"
    out = []
    for folder in ("kremlin-2021-2022", "ru-wikinews"):
        for path in sorted((root / folder).glob("*.txt"))[::40][:6]:
            out.append(path.read_text(encoding="utf-8", errors="replace")[:4000])
    return out + ["".join(f"Line {i}\n" for i in range(990, 2100, 7)), "5 May 2011, 2011-05-05, 05.05.2011, mid-2021, "
                  "from 1 to 3 December, US$ 38 billion, 12.5%, 1990-х годов, 8 декабря 1999 года, $5-7 mln"]


@pytest.mark.parametrize("lang", ["en", "ru"])
@pytest.mark.parametrize("grammar", ["dates", "figures"])
def test_the_guarded_grammars_match_as_their_plain_alternations(lang: str, grammar: str) -> None:
    table = date_grammar(lang) if grammar == "dates" else figure_grammar(lang)
    plain = re.compile(plain_source(table, SPACE if grammar == "dates" else None), table.flags)
    assert plain.pattern != table.regex.pattern  # the guards are there
    for text in _samples():
        for pos in range(len(text)):
            a, b = plain.match(text, pos), table.regex.match(text, pos)
            assert (a and (a.span(), a.lastgroup, a.groups())) == (b and (b.span(), b.lastgroup, b.groups())), (text[pos:pos + 40])


_PIECES = [r"\d", "[0-9]", "[1-3]", "5", "a", "A", "[a-z]", r"\w", r"\W", r"\s", ".", "[^5]", r"\b", r"(?<!\d)", r"(?<![\w.])",
           r"(?=\d)", "(?!a)", "^", "$"]


@st.composite
def _patterns(draw: st.DrawFn, depth: int = 0) -> str:
    n = draw(st.integers(1, 4))
    out = []
    for _ in range(n):
        if depth < 2 and draw(st.integers(0, 4)) == 0:
            alts = draw(st.lists(_patterns(depth + 1), min_size=1, max_size=3))
            piece = "(?:" + "|".join(alts) + ")"
        else:
            piece = draw(st.sampled_from(_PIECES))
        out.append(piece + draw(st.sampled_from(["", "", "?", "*", "+", "{0,2}"])))
    return "".join(out)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_patterns(), min_size=1, max_size=6), st.lists(st.text(alphabet="05a A.x\n9", max_size=10), min_size=1, max_size=5),
       st.sampled_from([0, re.IGNORECASE]))
def test_guarded_alternations_match_as_plain_ones(parts: list[str], texts: list[str], flags: int) -> None:
    named = [f"(?P<R{i}>{p})" for i, p in enumerate(parts)]
    try:
        plain = re.compile("|".join(named), flags)
    except re.error:
        return  # a repeat of a zero-width piece Python refuses: not a pattern
    fast = re.compile(guarded(named, flags), flags)
    for text in texts:
        for pos in range(len(text) + 1):
            a, b = plain.match(text, pos), fast.match(text, pos)
            assert (a and (a.span(), a.lastgroup)) == (b and (b.span(), b.lastgroup)), (parts, text, pos)
