"""Numbers as written in statements, read into `Decimal`: digits with group and decimal
separators, number words, scale words ("38 billion", "1,5 трлн").

The language's conventions come from ``resources/<lang>/numbers.json``: in English a comma
followed by exactly three digits groups thousands ("1,000") and a dot is decimal; in Russian
the comma is decimal ("12,5") and spaces group thousands ("1 000 000"). The working text has
no-break and thin spaces already turned into plain spaces, so "1 000" is the same everywhere.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from ..resources import load_json


def alternation(words: object, *, dot_optional: bool = False) -> str:
    """A regex alternation of literal words, longest first (so that 'US dollars' beats 'dollars')."""
    items = sorted({str(w) for w in words}, key=lambda w: (-len(w), w))  # type: ignore[attr-defined]
    parts = []
    for w in items:
        esc = re.escape(w).replace(r"\ ", "[ ]")
        if dot_optional and not w.endswith("."):
            esc += r"\.?"
        parts.append(esc)
    return "(?:" + "|".join(parts) + ")" if parts else "(?!)"


@dataclass(frozen=True)
class NumberLexicon:
    lang: str
    scales: dict[str, int]
    attached_scales: dict[str, int]
    words: dict[str, Decimal]
    words_need_scale: frozenset[str]
    decimal: str
    pattern: str  # a regex (no groups) for one written number, digits or words


@lru_cache(maxsize=None)
def number_lexicon(lang: str) -> NumberLexicon:
    data = load_json(f"{lang}/numbers.json")
    words = {k.lower(): Decimal(str(v)) for k, v in data["words"].items()}
    if lang == "ru":
        # Decimal comma; dot accepted too ("3.78"); groups of three digits split by spaces.
        digits = r"(?<![\d.,])(?:\d{1,3}(?:[ ]\d{3})+(?![\d])|\d+)(?:[,.]\d+)?(?![\d])"
    else:
        # "1,000,000.5" or "1 000 000" or "12.5" or a decimal comma "12,5" (not followed by 3 digits).
        digits = r"(?<![\d.,])(?:\d{1,3}(?:,\d{3})+(?![\d])|\d{1,3}(?:[ ]\d{3})+(?![\d])|\d+)(?:\.\d+|,\d{1,2}(?!\d)|,\d{4,})?(?![\d])"
    word_rx = alternation(words) + r"(?:[ -]" + alternation(data["words"]) + ")?"
    if data.get("hundred"):
        word_rx += r"(?:[ ]" + alternation(data["hundred"]) + ")?"
    pattern = rf"(?:{digits}|(?<![\w-]){word_rx}(?![\w-]))"
    return NumberLexicon(
        lang=lang,
        scales={k.lower(): int(v) for k, v in data["scales"].items()},
        attached_scales={k.lower(): int(v) for k, v in data["attached_scales"].items()},
        words=words,
        words_need_scale=frozenset(w.lower() for w in data["words_need_scale"]),
        decimal=data["decimal_separator"],
        pattern=pattern,
    )


def parse_number(raw: str, lang: str = "en") -> Decimal | None:
    """'1,000' -> 1000, '12,5' -> 12.5, '1 000 000' -> 1000000, 'two' -> 2, 'twenty-five' -> 25."""
    return _parse_number(raw.strip(), lang)


@lru_cache(maxsize=20_000)
def _parse_number(raw: str, lang: str) -> Decimal | None:
    if not raw:
        return None
    if raw[0].isdigit():
        s = raw.replace(" ", "")
        if lang == "ru":
            s = s.replace(",", ".")
        elif "," in s and "." in s:
            s = s.replace(",", "")
        elif "," in s:
            head, _, tail = s.rpartition(",")
            # A comma before exactly three digits groups thousands; otherwise it is decimal.
            s = s.replace(",", "") if len(tail) == 3 and "." not in tail else head.replace(",", "") + "." + tail
        try:
            return Decimal(s)
        except InvalidOperation:
            return None
    lex = number_lexicon(lang)
    low = raw.lower()
    if low in lex.words:
        return lex.words[low]
    total = Decimal(0)
    for part in re.split(r"[ -]+", low):
        if part in ("hundred",):
            total = (total or Decimal(1)) * 100
        elif part in lex.words:
            total += lex.words[part]
        else:
            return None
    return total or None


def scale_of(word: str | None, lang: str) -> int:
    """The multiplier of a scale word ('billion', 'млрд', 'миллиарда'), 1 when none."""
    if not word:
        return 1
    return number_lexicon(lang).scales.get(word.lower().strip(), 1)
