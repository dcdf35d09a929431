"""The date grammar: an ordered table of named rules, compiled once per language.

Each rule is a pattern built from the lexicon and a reader (``readers.py``). Order matters as in
an alternation: the first rule that matches at a position wins, so the longer forms ("June 25,
2012") come before their parts ("June", "2012"). A rule whose vocabulary the language does not
have (English has no year words, Russian no decade modifiers) gets no pattern part for it, and a
rule the language does not write at all ("90-х годов") is not in its table.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..numbers import alternation
from ..rules import Parts, Rule, RuleTable
from . import readers as rd
from .candidate import DateCandidate
from .lexicon import DateLexicon, date_lexicon

SPACE = r"(?:\x20|\x20?\n\x20?)"
"""What a ``[ ]`` of a date pattern matches: a space, or one line break of hard-wrapped text."""

YEAR = r"(?<![\w.,:/$€£₽¥#№])(?<!\d[-–])(?:1\d|20|21)\d\d(?![\w%$€]|[.,:]\d)"
"""A year of four digits, not inside a number, a code or an amount."""


@dataclass(frozen=True)
class _Pieces:
    """The pattern parts that several rules share."""

    mon: str
    day: str
    day_bare: str
    dash: str
    year_word: str  # with a "{n}" for the group name, or ""
    year_word_pl: str
    of: str
    day_conns: str
    rel: str
    rel_after: str
    rel_year: str


def _pieces(lex: DateLexicon) -> _Pieces:
    data = lex.data
    mon = "(?:" + "|".join(
        re.escape(w) + (r"\.?" if w in lex.abbreviations else "") for w in sorted(lex.months, key=lambda w: (-len(w), w))
    ) + r")(?!\w)"
    day_suffix = alternation(data["day_suffixes"]) + "?" if data["day_suffixes"] else ""
    yw = alternation(data["year_words"]) if data["year_words"] else ""
    ywp = alternation([*data["year_words"], *data["year_words_plural"]]) if data["year_words"] else ""
    return _Pieces(
        mon=mon,
        day=rf"(?<![\d.,:/])(?:[12]\d|3[01]|0?[1-9]){day_suffix}(?![\d:])",
        day_bare=r"(?:[12]\d|3[01]|0?[1-9])" + day_suffix + r"(?![\d:])",
        dash=r"(?:\x20?[" + "".join(re.escape(d) for d in data["range_dashes"]) + r"]\x20?)",
        year_word=rf"(?:[ ]?(?P<{{n}}>{yw})(?![\w]))?" if yw else "",
        year_word_pl=rf"(?:[ ]?{ywp}(?![\w]))?" if ywp else "",
        of=alternation(data["of"]),
        day_conns=alternation({c for conns in data["range_prefixes"].values() for c in conns}),
        rel=alternation(lex.relative),
        rel_after=alternation(lex.relative_after_month),
        rel_year=alternation(r for r in lex.relative if lex.relative[r][0] == "year"),
    )


def _yword(p: _Pieces, name: str) -> str:
    return p.year_word.replace("{n}", name)


def _numeric_rules(lex: DateLexicon, p: _Pieces) -> list[Rule[DateLexicon, DateCandidate]]:
    art = alternation(lex.data["period_articles"]) + "[ ]" if lex.data["period_articles"] else ""
    return [
        # 25.06.2012
        Rule("numeric_dmy", r"(?P<d>(?<![\w.\-/])(?:[12]\d|3[01]|0?[1-9]))\.(?P<m>0?[1-9]|1[0-2])\."
             r"(?P<y>(?:1\d|20|21)\d\d)(?![\w/]|\.\d)", rd.read_numeric),
        # 2012-06-25
        Rule("iso_ymd", r"(?P<y>(?<![\w.\-/])(?:1\d|20|21)\d\d)-(?P<m>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12]\d|3[01])(?![\w/])",
             rd.read_numeric),
        # "the first half of 2024", "II квартал 2024 г.", "Q1 2024", "the fourth quarter of this year"
        Rule("period", rf"(?:{art})?(?P<per>{alternation(lex.periods)})(?![\w])[ ](?:{p.of}[ ])?"
             rf"(?:(?P<y>{YEAR}){_yword(p, 'yw')}|(?P<rel>{p.rel_after}|{p.rel_year}))", rd.read_period),
    ]


def _range_rules(lex: DateLexicon, p: _Pieces) -> list[Rule[DateLexicon, DateCandidate]]:
    rules = []
    for pre, conns in lex.data["range_prefixes"].items():
        # "from 2012 to 2015", "между 2016 и 2018 годами"
        rules.append(Rule(f"year_range_{pre}", rf"(?:{re.escape(pre)}[ ](?P<a>{YEAR}){p.year_word_pl}[ ](?:{alternation(conns)})[ ]"
                          rf"(?P<b>{YEAR}){p.year_word_pl})", rd.read_year_range_words))
    # "2021–2025", "2011/12"
    rules.append(Rule("year_range", rf"(?P<a>{YEAR}){_yword(p, 'aw')}(?:{p.dash}|/)(?P<b>(?:1\d|20|21)\d\d|\d\d)"
                      rf"(?![\w%$€]|[.,:]\d){p.year_word_pl}", rd.read_year_range))
    return rules


def _day_rules(lex: DateLexicon, p: _Pieces) -> list[Rule[DateLexicon, DateCandidate]]:
    return [
        # "December 13 − 14, 2005", "June 25, 2012", "November 27–28"
        Rule("month_day", rf"(?P<m>{p.mon})[ ](?P<d>{p.day_bare})(?:{p.dash}(?P<d2>{p.day_bare}))?"
             rf"(?:,?[ ](?P<y>{YEAR}){_yword(p, 'yw')})?", rd.read_day),
        # "from 1 to 3 December 2005", "с 1 по 3 декабря 2005 года"
        Rule("day_to_day_month", rf"(?P<d>{p.day})[ ](?:{p.day_conns})[ ](?P<d2>{p.day_bare})[ ](?:{p.of}[ ])?(?P<m>{p.mon})"
             rf"(?:,?[ ](?P<y>{YEAR}){_yword(p, 'yw')})?", rd.read_day_to_day_month),
        # "6 December", "25 июня 2012 года", "13–14 декабря 2005 года"
        Rule("day_month", rf"(?:[«“](?=\d{{1,2}}[»”]))?(?P<d>{p.day})[»”]?(?:{p.dash}(?P<d2>{p.day_bare}))?[ ](?:{p.of}[ ])?"
             rf"(?P<m>{p.mon})(?:,?[ ](?P<y>{YEAR}){_yword(p, 'yw')})?", rd.read_day),
        # "May 2012", "мае 2012 года", "January of 2017"
        Rule("month_year", rf"(?P<m>{p.mon})(?:[ ]{p.of})?,?[ ](?P<y>{YEAR}){_yword(p, 'yw')}", rd.read_month_year),
    ]


def _decade_rules(lex: DateLexicon, p: _Pieces) -> list[Rule[DateLexicon, DateCandidate]]:
    data = lex.data
    mods = rf"(?:{alternation(data['decade_modifiers'])}[ -]?)?" if data["decade_modifiers"] else ""
    sep = re.escape(data["decade_separator"]) + "?"
    suffix = alternation(data["decade_suffixes"])
    plural = alternation(data["year_words_plural"])
    plural_opt = rf"(?:[ ]{plural})?" if data["year_words_plural"] else ""
    # "the 1990s", "the mid-1990s", "1990-е годы"
    rules = [Rule("decade", rf"{mods}(?P<y>(?:1[5-9]|20)\d0){sep}{suffix}{plural_opt}(?!\w)", rd.read_decade)]
    if data["two_digit_decades"]:  # "90-х годов"
        rules.append(Rule("decade_two_digits", rf"(?P<y2>[2-9]0){sep}{suffix}[ ]{plural}", rd.read_decade))
    return rules


def _word_rules(lex: DateLexicon, p: _Pieces) -> list[Rule[DateLexicon, DateCandidate]]:
    return [
        # "this year", "yesterday", "в прошлом году"
        Rule("relative", rf"(?<![\w-])(?P<rel>{p.rel})(?![\w-])", rd.read_relative),
        # "in April", "September of this year"
        Rule("month", rf"(?P<m>{p.mon})(?:[ ](?P<rel>{p.rel_after})(?![\w]))?", rd.read_month),
        # "in 2011", "в 2011 году", "the 2013 budget"
        Rule("year", rf"(?P<y>{YEAR}){_yword(p, 'yw')}", rd.read_year),
    ]


def _stamped(rule: Rule[DateLexicon, DateCandidate]) -> Rule[DateLexicon, DateCandidate]:
    """The rule with a reader that writes the rule's name into every candidate it reads."""
    name, read = rule.name, rule.reader

    def reader(p: Parts, work: str, lex: DateLexicon) -> list[DateCandidate]:
        found = read(p, work, lex)
        for c in found:
            c.rule = name
        return found

    return Rule(name, rule.pattern, reader)


def date_rules(lex: DateLexicon) -> list[Rule[DateLexicon, DateCandidate]]:
    """The rules of one language, in the order they are tried."""
    p = _pieces(lex)
    rules = [*_numeric_rules(lex, p), *_range_rules(lex, p), *_day_rules(lex, p), *_decade_rules(lex, p), *_word_rules(lex, p)]
    return [_stamped(r) for r in rules]


@lru_cache(maxsize=None)
def date_grammar(lang: str) -> RuleTable[DateLexicon, DateCandidate]:
    """The compiled date grammar of `lang`."""
    return RuleTable(date_rules(date_lexicon(lang)), re.IGNORECASE, space=SPACE)
