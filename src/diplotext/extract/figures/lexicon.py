"""The figure lexicon of one language, read once from ``resources/<lang>/figures.json`` and
``numbers.json``: currency signs, codes and names, percent words, units, qualifiers, the cues of
changes and targets, and the measure triggers."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from ...resources import load_json
from ..numbers import NumberLexicon, alternation, number_lexicon


@dataclass(frozen=True)
class FigureLexicon:
    """One language's figure vocabulary, in the shapes the rules look things up in."""

    lang: str
    data: dict[str, Any]
    numbers: NumberLexicon
    prefixes: dict[str, str]
    codes_after: dict[str, str]
    currency_words: dict[str, str]
    units: dict[str, tuple[str, int]]
    percent: frozenset[str]
    points: frozenset[str]
    qualifiers: dict[str, str]
    change_words: frozenset[str]
    change_after: frozenset[str]
    change_prepositions: frozenset[str]
    change_adverbs: frozenset[str]  # "up 5%", "down 3%"
    target_words: frozenset[str]
    target_blockers: frozenset[str]
    measures: dict[str, str]
    ambiguous_qualifiers: frozenset[str]
    starters: frozenset[str]
    case_sensitive_units: dict[str, str]
    normal_forms: bool  # compare cue words by their normal form too (Russian inflects them)
    window_before: int
    window_after: int
    target_year: re.Pattern[str]
    qualifier_rx: re.Pattern[str]


def _unit(value: str) -> tuple[str, int]:
    name, _, mult = value.partition("@")
    return name, int(mult) if mult else 1


def _lower(words: object) -> frozenset[str]:
    return frozenset(str(w).lower() for w in words)  # type: ignore[attr-defined]


def _lower_keys(table: dict[str, str]) -> dict[str, str]:
    return {k.lower(): v for k, v in table.items()}


@lru_cache(maxsize=None)
def figure_lexicon(lang: str) -> FigureLexicon:
    """The figure lexicon of `lang`, built once."""
    data = load_json(f"{lang}/figures.json")
    nums = number_lexicon(lang)
    prefixes = _lower_keys(data["currency_prefixes"])
    quals = _lower_keys(data["qualifiers"])
    return FigureLexicon(
        lang=lang, data=data, numbers=nums, prefixes=prefixes,
        codes_after=_lower_keys(data["currency_codes_after"]),
        currency_words=_lower_keys(data["currency_words"]),
        units={k.lower(): _unit(v) for k, v in data["units"].items()},
        percent=_lower(data["percent"]),
        points=_lower(data["percentage_points"]),
        qualifiers=quals,
        change_words=_lower(data["change_words"]),
        change_after=_lower(data["change_after"]),
        change_prepositions=_lower(data["change_prepositions"]),
        change_adverbs=_lower(data["change_adverbs"]),
        target_words=_lower(data["target_words"]),
        target_blockers=_lower(data["target_blockers"]),
        measures=_lower_keys(data["measures"]),
        ambiguous_qualifiers=_lower(data["ambiguous_qualifiers"]),
        case_sensitive_units={u.lower(): u for u in data["case_sensitive_units"]},
        normal_forms=bool(data["match_normal_forms"]),
        window_before=int(data["figure_window_before"]),
        window_after=int(data["figure_window_after"]),
        # "... $100 billion by 2030": a figure for a year ahead is a target
        target_year=re.compile(r"[ ]*" + alternation(data["target_year_prepositions"]) + r"[ ]+(?:1[89]|20|21)\d\d", re.I),
        starters=frozenset(prefixes) | frozenset(nums.words) | frozenset(w.split(" ")[0] for w in nums.words),
        qualifier_rx=re.compile(r"(?<![\w])(" + alternation(quals)[3:-1] + r")[ ]*(?:\(|\[)?$", re.I),
    )
