"""The figure lexicon of one language, read once from ``resources/<lang>/figures.json`` and
``numbers.json``: currency signs, codes and names, percent words, units, qualifiers, the cues of
changes and targets, and the measure triggers."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from typing import Any

from ...resources import load_json
from ..numbers import NumberLexicon, alternation, number_lexicon
from .currency import CurrencyLexicon, currency_lexicon


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
    scaled_money_units: dict[str, str]  # "361 million pounds": money with a scale, a weight without
    unit_hyphen: bool  # "450-km border", "a 3-inch pipe"
    target_prepositions: frozenset[str]  # "increase trade to $5 billion"
    target_verbs: frozenset[str]
    restatement_brackets: frozenset[str]  # "450 km (280 miles)": the bracketed figure restates the first
    target_year: re.Pattern[str]
    qualifier_rx: re.Pattern[str]
    qualifier_ends: frozenset[str]  # the last word of every qualifier ("than" of "more than")
    prefix_start: re.Pattern[str]  # a token that starts with a currency sign or code ("HK$10")
    currencies: CurrencyLexicon
    exact_codes: frozenset[str]  # ISO codes read in upper case only ("ALL", "TRY" are words too)
    minor: dict[str, Decimal]  # "cents": 0.01 of the currency
    negative: frozenset[str]  # "minus 5 percent"
    digit_units: frozenset[str]  # units read only after digits
    minor_joiners: frozenset[str]  # "" and "and" of "3 dollars (and) 50 cents"
    measure_blockers: frozenset[str]  # "electronic commerce": word pairs whose head names no measure


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
    clex = currency_lexicon(lang)
    prefixes = {**clex.prefixes, **_lower_keys(data["currency_prefixes"])}  # the language's own tables win
    codes_after = {**clex.after, **_lower_keys(data["currency_codes_after"])}
    exact = frozenset(c for c in clex.codes if c.lower() not in prefixes and c.lower() not in codes_after)
    quals = _lower_keys(data["qualifiers"])
    return FigureLexicon(
        lang=lang, data=data, numbers=nums, prefixes=prefixes,
        codes_after={**codes_after, **{c.lower(): c for c in exact}},
        currency_words={**clex.words, **{w: code for w, (code, _) in clex.minor.items()}, **_lower_keys(data["currency_words"])},
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
        starters=(frozenset(prefixes) | frozenset(nums.words) | frozenset(w.split(" ")[0] for w in nums.words)
                  | _lower(data["negative_words"]) | frozenset(c.lower() for c in exact)),
        scaled_money_units=_lower_keys(data["scaled_money_units"]),
        unit_hyphen=bool(data["unit_hyphen"]),
        target_prepositions=_lower(data["target_prepositions"]),
        target_verbs=_lower(data["target_verbs"]),
        restatement_brackets=frozenset(data["restatement_brackets"]),
        prefix_start=re.compile(alternation([p for p in prefixes if not p[-1].isalpha()]) + r"[ ]?\d", re.I),
        qualifier_ends=frozenset(q.split()[-1] for q in quals),
        currencies=clex, exact_codes=exact, minor={w: ratio for w, (_, ratio) in clex.minor.items()},
        negative=_lower(data["negative_words"]), digit_units=_lower(data["digit_only_units"]),
        minor_joiners=_lower(["", *data["minor_unit_joiners"]]), measure_blockers=_lower(data["measure_blockers"]),
        qualifier_rx=re.compile(r"(?<![\w])(" + alternation(quals)[3:-1] + r")[ ]*(?:\(|\[)?$", re.I),
    )
