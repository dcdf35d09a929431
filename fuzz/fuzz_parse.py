"""Fuzz target: `diplotext.parse()` over arbitrary strings.

The fuzzer's bytes become a string made of fragments the extractors react to (dates, amounts,
country and organization names, headings, HTML tags, brackets, Cyrillic) and raw code points
(control characters, NUL, lone surrogates, right-to-left marks, emoji), so that it spends its
time inside the extractors rather than on texts they ignore. Every input must give a Statement
whose offsets slice back to its text and that can be written as JSON, or raise a
`DiplotextError` subclass; anything else is a finding.

    .venv/bin/python fuzz/fuzz_parse.py -runs=100000 fuzz/corpus/parse
"""

from __future__ import annotations

import sys
from pathlib import Path

import atheris

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

with atheris.instrument_imports(include=["diplotext"]):
    import diplotext
    import diplotext.pipeline  # imported lazily by parse(): import it here so that it is instrumented
    from diplotext.errors import DiplotextError

from offsets import offset_problems  # noqa: E402

FRAGMENTS = [
    "Joint Statement of the Presidents of Belarus and Russia", "Совместное заявление", "\n", "\n\n", " ", ". ",
    "On 8 December 1999", "December 8, 1999", "in 2011", "since 2024", "8 декабря 1999 года", "в 2024 году",
    "US$ 38 billion", "$1,5", "€200 million", "12.5%", "34,9 процента", "100 billion rubles", "1,1,1,1",
    "the Republic of Belarus", "the Russian Federation", "CSTO", "ОДКБ", "the Union State", "Минск", "Moscow",
    "Vladimir Putin", "Лукашенко", "1. ", "IV. ", "Article 3", "(", ")", "((", "))", "«", "»", "\"", "'", "—",
    "<p>", "</p>", "<html><body>", "<script>x</script>", "&amp;", "&#1234;", "Share", "Print", "Home | News",
    "signed the Treaty", "welcomed", "condemned", "met with", "visited", "ratified", "the parties agreed",
    "first half of 2024", "Q3 2021", "in the 1990s", "late May", "this year", "MINSK, 6 December 2024 (BelTA) - ",
    "\u202e", "\u200f", "\u0645\u0631\u062d\u0628\u0627", "\U0001F600", "\ufeff", "\x00", "\r", "\r\n", "\t",
    "\u2028", "\x0c", "\x85", "\ud800", "\udfff", "\u0301", "\u00a0", "\u2019", "\u00ad", "x" * 40, "1" * 30,
]


def build_text(data: bytes) -> str:
    fdp = atheris.FuzzedDataProvider(data)
    parts: list[str] = []
    while fdp.remaining_bytes() > 0 and len(parts) < 200:
        choice = fdp.ConsumeIntInRange(0, 3)
        if choice == 0:
            parts.append(fdp.ConsumeUnicode(fdp.ConsumeIntInRange(1, 16)))
        else:
            parts.append(FRAGMENTS[fdp.ConsumeIntInRange(0, len(FRAGMENTS) - 1)])
    return "".join(parts)


def test_one_input(data: bytes) -> None:
    text = build_text(data)
    lang = ("en", "ru", None)[data[0] % 3] if data else None
    try:
        statement = diplotext.parse(text, lang=lang)
    except DiplotextError:
        return
    problems = offset_problems(statement, text)
    if problems:
        raise AssertionError(f"{len(problems)} broken invariant(s) for {text[:200]!r}: " + "; ".join(problems[:5]))


def main() -> None:
    diplotext.parse("warm up", lang="en")
    diplotext.parse("разогрев", lang="ru")
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
