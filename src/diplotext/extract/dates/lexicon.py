"""The date lexicon of one language, read once from ``resources/<lang>/dates.json``.

Everything language-specific about dates is data here: month names in every case and their
abbreviations, the words that make a number a year ("в 2011 году", "in 2011"), relative
expressions with their offsets, quarters and halves, which decade forms the language writes,
and whether a bare year needs a word before it. The grammar (`grammar.py`) and the readers of
its rules take every choice from this object.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from ...resources import load_json
from ...resources.regexes import compile_regex
from ..numbers import alternation


@dataclass(frozen=True)
class DateLexicon:
    """One language's date vocabulary, in the shapes the rules look things up in."""

    lang: str
    data: dict[str, Any]
    months: dict[str, int]
    abbreviations: frozenset[str]
    month_names: tuple[str, ...]  # what dateparser is given for a month alone ("December", "декабрь")
    month_names_day: tuple[str, ...]  # ... and after a day number ("8 December", "8 декабря")
    relative: dict[str, tuple[str, int]]
    relative_after_month: dict[str, int]
    periods: dict[str, tuple[str, int]]  # "first half" -> ("half", 1)
    month_prepositions: frozenset[str]
    strong_month_prepositions: frozenset[str]
    month_relative_words: dict[str, int]
    year_prepositions: frozenset[str]
    year_not_after: frozenset[str]
    count_nouns: frozenset[str]
    plural_verbs_after_year: frozenset[str]
    year_words: frozenset[str]
    bare_years: tuple[int, int] | None  # years taken with no word before them; None: never
    round_year_count_suffix: str  # "2000 participants": a round number before such a plural is a count
    qualifiers: dict[str, str]  # "the end of" -> "end"
    numeric_order: str  # "mdy" (08/12/1999 is August 12) or "dmy"
    ago_units: dict[str, str]  # "years" -> "year"
    connector: re.Pattern[str]
    list_connector: re.Pattern[str]  # "18 March and on 3 May 2021": the year is shared, it is no range
    year_after: re.Pattern[str]  # "from April to June in 2017": a year right after months gives them theirs
    starters: frozenset[str]
    parser_terms: frozenset[str]  # anchors of the expressions dateparser reads ("Friday", "week", "ago")
    year_followers: re.Pattern[str]
    weekdays: dict[str, int]  # "friday" -> 4, "tue" -> 1
    weekday_names: tuple[str, ...]  # the full names, Monday first: what dateparser is given
    weekday_abbreviations: frozenset[str]
    day_words: dict[str, int]  # "twenty-first" -> 21, "twenty first" -> 21, "fifteen" -> 15
    future_markers: frozenset[str]


def _lower(words: object) -> frozenset[str]:
    return frozenset(str(w).lower() for w in words)  # type: ignore[attr-defined]


def _months(data: dict[str, Any]) -> tuple[dict[str, int], frozenset[str], tuple[str, ...], tuple[str, ...]]:
    months: dict[str, int] = {}
    abbrevs: set[str] = set()
    names, names_day = [], []
    for n, entry in enumerate(data["months"], start=1):
        for form in [*entry["forms"], *entry["abbreviations"]]:
            months[form.lower()] = n
        abbrevs.update(entry["abbreviations"])
        name = entry["forms"][0]
        name = name.capitalize() if data["months_capitalized"] else name
        names.append(name)
        names_day.append(entry.get("day_form") or name)
    return months, frozenset(abbrevs), tuple(names), tuple(names_day)


def _relative(data: dict[str, Any]) -> tuple[dict[str, tuple[str, int]], dict[str, int]]:
    relative = {r["text"].lower(): (r["unit"], int(r["offset"])) for r in data["relative"]}
    after: dict[str, int] = {}  # "of this year" after a month: the year's offset
    for t in data["relative_after_month"]:
        core = t.lower().removeprefix("of ")
        after[t.lower()] = relative[core][1] if core in relative else 0
    return relative, after


def _year_followers(lang: str) -> re.Pattern[str]:
    """What after a number makes it a figure rather than a year ("2000 tonnes", "2019 dollars")."""
    fig = load_json(f"{lang}/figures.json")
    num = load_json(f"{lang}/numbers.json")
    followers = [*fig["currency_words"], *fig["currency_codes_after"], *fig["units"], *num["scales"],
                 *fig["percent"], *fig["percentage_points"]]
    return compile_regex(r"[ ]?(?:" + alternation(followers)[3:-1] + r")(?![\w])", re.I)  # compiled ahead of time


def _connector(connectors: list[str], fillers: list[str]) -> re.Pattern[str]:
    return re.compile(r"[ ]*" + alternation(connectors) + r"[ ]*"
                      + (r"(?:" + alternation(fillers) + r"[ ])?" if fillers else "") + "$", re.I)


def _first_words(phrases: object) -> frozenset[str]:
    return frozenset(str(p).lower().split(" ")[0] for p in phrases)  # type: ignore[attr-defined]


def _starters(data: dict[str, Any]) -> frozenset[str]:
    """Words where a date may start a few tokens before its anchor."""
    return (_lower(data["date_starters"]) | _lower(data["range_prefixes"]) | _lower(data["period_articles"])
            | _lower(data["decade_modifiers"]) | _first_words(data["date_qualifiers"]) | _first_words(data["weekday_prepositions"])
            | _first_words(data["weekday_determiners"]) | _first_words(data["week_determiners"]) | _lower(data["ago_counts"])
            | _first_words(data["month_of"]) | _first_words(data["ago_counts"]) | _lower(data["in_words"])
            | _lower(data["weekday_ordinals"]) | _lower(data["ordinal_day_prepositions"]) | _lower(data["week_offsets"])
            | _first_words(w.replace("-", " ") for w in data["day_ordinal_words"]) | _first_words(data["day_number_words"]))


def _weekdays(data: dict[str, Any]) -> dict[str, int]:
    """Each weekday's name and abbreviation (with and without its dot) -> 0..6 (Monday 0)."""
    days = {w.lower(): i % 7 for i, w in enumerate(data["weekdays"])}
    for abbr, n in data["weekday_abbreviations"].items():
        days[abbr.lower()] = days[abbr.lower() + "."] = int(n)
    return days


def _bare_day_terms(data: dict[str, Any]) -> frozenset[str]:
    """Anchors of a day of the month alone ("for the 27", "on the second", "on 15"): the
    preposition (and article) with the day, so that a number or "the second" alone anchors nothing."""
    if not data["ordinal_day_prepositions"]:
        return frozenset()
    days = [*_day_words(data), *(str(n) for n in range(1, 32))]
    heads = [f"{p} {a}" for p in data["ordinal_day_prepositions"] for a in ["", *data["period_articles"]]]
    return frozenset(" ".join(f"{h} {d}".lower().split()) for h in heads for d in days)


def _day_words(data: dict[str, Any]) -> dict[str, int]:
    """A day of the month in words ("twenty-first", "fifteen"), hyphenated or not -> its number."""
    words = {**data["day_number_words"], **data["day_ordinal_words"]}
    return {form: int(n) for w, n in words.items() for form in (w.lower(), w.lower().replace("-", " "))}


@lru_cache(maxsize=None)
def date_lexicon(lang: str) -> DateLexicon:
    """The date lexicon of `lang`, built once."""
    data = load_json(f"{lang}/dates.json")
    months, abbrevs, names, names_day = _months(data)
    relative, rel_after = _relative(data)
    periods = {k.lower(): ("quarter", int(v)) for k, v in data["quarters"].items()}
    periods.update({k.lower(): ("half", int(v)) for k, v in data["halves"].items()})
    prepositions = _lower(data["month_prepositions"])
    bare = data["bare_years"]
    return DateLexicon(
        lang=lang, data=data, months=months, abbreviations=abbrevs, month_names=names, month_names_day=names_day,
        relative=relative, relative_after_month=rel_after, periods=periods,
        month_prepositions=prepositions,
        strong_month_prepositions=_lower(data.get("strong_month_prepositions", prepositions)),
        month_relative_words={k.lower(): int(v) for k, v in data["month_relative_words"].items()},
        year_prepositions=prepositions | _lower(data["year_prepositions"]),
        year_not_after=_lower(data["year_not_after"]),
        count_nouns=_lower(data["count_nouns_after_year"]),
        plural_verbs_after_year=frozenset(data["plural_verbs_after_year"]),
        year_words=_lower([*data["year_words"], *data["year_words_plural"]]),
        bare_years=(int(bare[0]), int(bare[1])) if bare else None,
        round_year_count_suffix=data["round_year_count_suffix"],
        qualifiers={k.lower(): v for k, v in data["date_qualifiers"].items()},
        numeric_order=data["numeric_order"],
        ago_units={k.lower(): v for k, v in data["ago_units"].items()},
        connector=_connector(data["range_connectors"], data["range_connector_fillers"]),
        list_connector=_connector(data["list_connectors"], data["list_connector_fillers"]),
        year_after=re.compile(r"[ ,]*" + alternation(data["year_after_months"]) + r"[ ]+$", re.I),
        starters=_starters(data),
        parser_terms=(_lower(data["weekdays"]) | _lower(data["weekday_abbreviations"]) | _lower(data["weeks"])
                      | _lower(data["ago_words"]) | _lower(data["ago_units"]) | _bare_day_terms(data)
                      | _lower(data["narrative_ago_words"])),
        year_followers=_year_followers(lang),
        weekdays=_weekdays(data),
        weekday_names=tuple(data["weekdays"][:7]),
        weekday_abbreviations=_lower(data["weekday_abbreviations"]),
        day_words=_day_words(data),
        future_markers=_lower(data["future_markers"]),
    )
