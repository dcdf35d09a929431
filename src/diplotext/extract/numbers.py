"""Numbers as written in statements, read into `Decimal`: digits with group and decimal
separators, number words, scale words ("38 billion", "1,5 трлн").

The language's conventions come from ``resources/<lang>/numbers.json``: its
``decimal_separator``, its ``group_separators`` (in English "," and a space group thousands:
"1,000", "1 000"; in Russian a space: "1 000 000") and the ``other_decimal_separators`` it also
reads ("3.78" in Russian; "12,5" in English). A separator that is both a group and a decimal
separator (the English comma) is decimal unless exactly three digits follow it. The working
text has no-break and thin spaces already turned into plain spaces, so "1 000" is the same
everywhere.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from typing import Any

from ..resources import load_json
from ..text.alternation import alternation


@dataclass(frozen=True)
class NumberLexicon:
    lang: str
    data: dict[str, Any]
    scales: dict[str, int]
    attached_scales: dict[str, int]
    words: dict[str, Decimal]
    words_need_scale: frozenset[str]
    hundred: frozenset[str]
    decimal: str
    groups: tuple[str, ...]  # separators that only group digits
    ambiguous: tuple[str, ...]  # separators that group digits or mark the decimals
    decimals: tuple[str, ...]  # separators that only mark the decimals
    pattern: str  # a regex (no groups) for one written number, digits or words
    word_pattern: str  # a regex (no groups) for a number in words, with no guard after it ("six" of "six-mile")


def _literal(sep: str) -> str:
    return "[ ]" if sep == " " else re.escape(sep)


def _digits_pattern(decimal: str, groups: list[str], others: list[str]) -> str:
    """Digits with their group separators ("1,000,000", "1 000") and a decimal part."""
    grouped = [rf"\d{{1,3}}(?:{_literal(g)}\d{{3}})+(?![\d])" for g in groups]
    fractions = [rf"{_literal(decimal)}\d+"]
    for sep in others:
        esc = _literal(sep)
        fractions += [rf"{esc}\d{{1,2}}(?!\d)", rf"{esc}\d{{4,}}"] if sep in groups else [rf"{esc}\d+"]
    whole = "|".join([*grouped, r"\d+"])
    common = r"(?:\d{1,3}[ ])?\d{1,2}/\d{1,2}(?![\d/])"  # "1/4", "10 1/2": a common fraction
    return rf"(?<![\d.,])(?:(?<!/){common}|(?:{whole})(?:{'|'.join(fractions)})?(?![\d]))"


@lru_cache(maxsize=None)
def number_lexicon(lang: str) -> NumberLexicon:
    data = load_json(f"{lang}/numbers.json")
    words = {k.lower(): Decimal(str(v)) for k, v in data["words"].items()}
    decimal, groups, others = data["decimal_separator"], list(data["group_separators"]), list(data["other_decimal_separators"])
    need_scale = {w.lower() for w in data["words_need_scale"]}
    heads = [w for w in data["words"] if w.lower() not in need_scale]  # "a six" is no compound
    word_rx = "(?:" + alternation(heads) + r"(?:[ -]" + alternation(data["words"]) + ")?|" + alternation(need_scale) + ")"
    if data["hundred"]:
        word_rx += r"(?:[ ]" + alternation(data["hundred"]) + ")?"
    pattern = rf"(?:{_digits_pattern(decimal, groups, others)}|(?<![\w-]){word_rx}(?![\w-]))"
    word_pattern = rf"(?<![\w-]){word_rx}"
    return NumberLexicon(
        lang=lang,
        data=data,
        scales={k.lower(): int(v) for k, v in data["scales"].items()},
        attached_scales={k.lower(): int(v) for k, v in data["attached_scales"].items()},
        words=words,
        words_need_scale=frozenset(w.lower() for w in data["words_need_scale"]),
        hundred=frozenset(w.lower() for w in data["hundred"]),
        decimal=decimal,
        groups=tuple(g for g in groups if g not in others),
        ambiguous=tuple(g for g in groups if g in others),
        decimals=tuple([decimal, *(o for o in others if o not in groups)]),
        pattern=pattern,
        word_pattern=word_pattern,
    )


def parse_number(raw: str, lang: str = "en") -> Decimal | None:
    """'1,000' -> 1000, '12,5' -> 12.5, '1 000 000' -> 1000000, 'two' -> 2, 'twenty-five' -> 25."""
    return _parse_number(raw.strip(), lang)


def _plain_digits(raw: str, lex: NumberLexicon) -> str:
    """The digits of a written number with its separators read: '1,000.5' -> '1000.5'."""
    s = raw
    for g in lex.groups:
        s = s.replace(g, "")
    for sep in lex.ambiguous:
        if any(d in s for d in lex.decimals):
            s = s.replace(sep, "")
        elif sep in s:
            head, _, tail = s.rpartition(sep)
            # exactly three digits after it: it groups thousands; otherwise it is decimal
            s = s.replace(sep, "") if len(tail) == 3 else head.replace(sep, "") + lex.decimal + tail
    for d in lex.decimals:
        s = s.replace(d, ".")
    return s


@lru_cache(maxsize=20_000)
def _parse_number(raw: str, lang: str) -> Decimal | None:
    if not raw:
        return None
    lex = number_lexicon(lang)
    if "/" in raw:
        return _fraction(raw)
    if raw[0].isdigit():
        try:
            return Decimal(_plain_digits(raw, lex))
        except InvalidOperation:
            return None
    low = raw.lower()
    if low in lex.words:
        return lex.words[low]
    total = Decimal(0)
    for part in re.split(r"[ -]+", low):
        if part in lex.hundred:
            total = (total or Decimal(1)) * 100
        elif part in lex.words:
            total += lex.words[part]
        else:
            return None
    return total or None


def _fraction(raw: str) -> Decimal | None:
    """'1/4' -> 0.25, '10 1/2' -> 10.5 (a denominator of 0 is no number)."""
    whole, _, frac = raw.rpartition(" ")
    num, _, den = frac.partition("/")
    if not (num.isdigit() and den.isdigit()) or int(den) == 0:
        return None
    return Decimal(int(whole) if whole.isdigit() else 0) + Decimal(int(num)) / Decimal(int(den))


def scale_of(word: str | None, lang: str) -> int:
    """The multiplier of a scale word ('billion', 'млрд', 'миллиарда'), 1 when none."""
    if not word:
        return 1
    return number_lexicon(lang).scales.get(word.lower().strip(), 1)
