"""The date grammar: an ordered table of named rules, compiled once per language.

Each rule is a pattern built from the lexicon and a reader (``readers.py``). Order matters as in
an alternation: the first rule that matches at a position wins, so the longer forms ("June 25,
2012") come before their parts ("June", "2012"). A rule whose vocabulary the language does not
have (English has no year words, Russian no decade modifiers) gets no pattern part for it, and a
rule the language does not write at all ("90-х годов") is not in its table.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from ..numbers import alternation
from ..rules import Parts, Rule, RuleTable
from . import day_readers as dr
from . import readers as rd
from .candidate import DateCandidate
from .lexicon import DateLexicon, date_lexicon

SPACE = r"(?:\x20|\x20?\n\x20?)"
"""What a ``[ ]`` of a date pattern matches: a space, or one line break of hard-wrapped text."""

_YEAR_END = r"(?![\w%$€]|[.,:]\d)"
YEAR = r"(?<![\w.,:/$€£₽¥#№])(?<!\d[-–])(?:1\d|20|21)\d\d" + _YEAR_END
"""A year of four digits, not inside a number, a code or an amount."""

YEAR_AFTER = r"(?<!\d)(?:1\d|20|21)\d\d" + _YEAR_END
"""A year right after the parts it completes ("Sep-23-2020", "23/Sep/2020", "july 4th of 1995")."""


@dataclass(frozen=True)
class _Pieces:
    """The pattern parts that several rules share."""

    mon: str
    mon_names: str  # the month names alone, with no boundary after them
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
    year_in: str  # "of", "in" between a day and month and their year
    weekday: str  # a weekday's name or abbreviation ("Friday", "Tue.")
    day_word: str  # a day of the month in words ("twenty-first", "fifteen")
    day_ordinal: str  # ... as an ordinal ("twenty-first", "second")


def _pieces(lex: DateLexicon) -> _Pieces:
    data = lex.data
    names = alternation([*lex.months, *(w + "." for w in lex.abbreviations)])
    mon = names + r"(?:(?<=\.)|(?!\w))"
    day_suffix = alternation(data["day_suffixes"]) + "?" if data["day_suffixes"] else ""
    yw = alternation(data["year_words"]) if data["year_words"] else ""
    ywp = alternation([*data["year_words"], *data["year_words_plural"]]) if data["year_words"] else ""
    return _Pieces(
        mon=mon,
        mon_names=names,
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
        year_in=alternation(data["year_after_months"]),
        weekday=alternation([*data["weekdays"], *(a + "." for a in data["weekday_abbreviations"]), *data["weekday_abbreviations"]]),
        day_word=_hyphen_or_space(alternation([*data["day_number_words"], *data["day_ordinal_words"]])),
        day_ordinal=_hyphen_or_space(alternation(data["day_ordinal_words"])),
    )


def _hyphen_or_space(pattern: str) -> str:
    """"twenty-first" written "twenty first" too."""
    return pattern.replace(r"\-", "[ -]")


def _yword(p: _Pieces, name: str) -> str:
    return p.year_word.replace("{n}", name)


def _numeric_rules(lex: DateLexicon, p: _Pieces) -> list[Rule[DateLexicon, DateCandidate]]:
    art = alternation(lex.data["period_articles"]) + "[ ]" if lex.data["period_articles"] else ""
    return [
        # 25.06.2012
        Rule("numeric_dmy", r"(?P<d>(?<![\w.\-/])(?:[12]\d|3[01]|0?[1-9]))\.(?P<m>0?[1-9]|1[0-2])\."
             r"(?P<y>(?:1\d|20|21)\d\d)(?![\w/]|\.\d)", rd.read_numeric),
        # 2012-06-25
        Rule("iso_ymd", r"(?P<y>(?<![\w.\-/])(?:1\d|20|21)\d\d)-(?P<m>0?[1-9]|1[0-2])-(?P<d>0?[1-9]|[12]\d|3[01])(?![\w/])",
             rd.read_numeric),
        # 2015.5.13
        Rule("iso_dot", r"(?P<y>(?<![\w.\-/])(?:1\d|20|21)\d\d)\.(?P<m>0?[1-9]|1[0-2])\.(?P<d>0?[1-9]|[12]\d|3[01])(?![\w/]|\.\d)",
             rd.read_numeric),
        # 08/12/1999, 11-06-2024: the language's order of day and month ("mdy", "dmy")
        Rule("numeric_slash", r"(?P<a>(?<![\w.\-/])(?:0?[1-9]|[12]\d|3[01]))(?P<sep>[/-])(?P<b>0?[1-9]|[12]\d|3[01])(?P=sep)"
             r"(?P<y>(?:1\d|20|21)\d\d)(?![\w/]|[.,:]\d)", rd.read_numeric_ordered),
        # 08/12,2015, 08/12,15: the year after a comma
        Rule("numeric_comma_year", r"(?P<a>(?<![\w.\-/])(?:0?[1-9]|[12]\d|3[01]))/(?P<b>0?[1-9]|[12]\d|3[01]),[ ]?"
             r"(?P<y>(?:1\d|20|21)\d\d|\d\d)(?![\w/]|[.,:]\d)", rd.read_numeric_ordered),
        # 21/04/16, 9-18-15: a year of two digits
        Rule("numeric_short_year", r"(?P<a>(?<![\w.\-/])(?:0?[1-9]|[12]\d|3[01]))(?P<sep>[/-])(?P<b>0?[1-9]|[12]\d|3[01])(?P=sep)"
             r"(?P<y>\d\d)(?![\w/\-]|[.,:]\d)", rd.read_numeric_ordered),
        # 11/2016, 3/2015; 2015/3
        Rule("numeric_month_year", r"(?P<m>(?<![\w.\-/,])(?:0?[1-9]|1[0-2]))(?:/|\x20?-\x20?)(?P<y>(?:1\d|20|21)\d\d)(?![\w/]|[.,:]\d)",
             rd.read_numeric_month),
        Rule("numeric_year_month", rf"(?P<y>{YEAR})[/-](?P<m>[1-9])(?![\w/]|[.,:]\d)", rd.read_numeric_month),
        # 2015/08/12
        Rule("iso_slash", r"(?P<y>(?<![\w.\-/])(?:1\d|20|21)\d\d)/(?P<m>0?[1-9]|1[0-2])/(?P<d>0?[1-9]|[12]\d|3[01])(?![\w/])",
             rd.read_numeric),
        *_stamp_rules(lex, p),
        # "the first half of 2024", "II квартал 2024 г.", "Q1 2024", "the fourth quarter of this year"
        # "the first half of 2024", "Q1-2019", "the fourth quarter of this year"
        Rule("period", rf"(?:{art})?(?P<per>{alternation(lex.periods)})(?![\w])(?:[ ](?:{p.of}[ ])?|(?<=[1-4])-(?=\d))"
             rf"(?:(?P<y>{YEAR_AFTER}){_yword(p, 'yw')}|(?P<rel>{p.rel_after}|{p.rel_year}))",
             rd.read_period),
        # "2016 Q3", "2016 the third quarter", "2019-Q1"
        Rule("year_period", rf"(?P<y>{YEAR[:-len(_YEAR_END)]}){_yword(p, 'yw')}(?:[ ](?:{art})?|-?(?=[qh][1-4](?!\w)))"
             rf"(?P<per>{alternation(lex.periods)})(?![\w])", rd.read_year_period),
        # "the fourth quarter" (of the document's year); not "the first half of the match", nor a bare "H2"
        Rule("period_alone", rf"(?![qh][1-4](?!\w))(?:{art})?(?P<per>{alternation(lex.periods)})(?![\w])(?![ ]{p.of}[ ])",
             rd.read_period_alone),
    ]


def _stamp_rules(lex: DateLexicon, p: _Pieces) -> list[Rule[DateLexicon, DateCandidate]]:
    """"22 04 2018 г": day, month and year apart, with a year word after (only where the
    language writes one: without it such a run of numbers is too often a code)."""
    if not lex.data["year_words"]:
        return []
    yw = alternation(lex.data["year_words"])
    return [Rule("numeric_spaced", r"(?P<d>(?<![\d.,:/])(?:0[1-9]|[12]\d|3[01]))[ ](?P<m>0[1-9]|1[0-2])[ ]"
                 rf"(?P<y>{YEAR})[ ]?(?:{yw})(?![\w])", rd.read_numeric)]


def _range_rules(lex: DateLexicon, p: _Pieces) -> list[Rule[DateLexicon, DateCandidate]]:
    rules = []
    for pre, conns in lex.data["range_prefixes"].items():
        # "from 2012 to 2015", "между 2016 и 2018 годами"
        rules.append(Rule(f"year_range_{pre}", rf"(?:{re.escape(pre)}[ ](?P<a>{YEAR}){p.year_word_pl}[ ](?:{alternation(conns)})[ ]"
                          rf"(?P<b>{YEAR}){p.year_word_pl})", rd.read_year_range_words))
    # "2021–2025", "2011/12"
    rules.append(Rule("year_range", rf"(?P<a>{YEAR}){_yword(p, 'aw')}(?:{p.dash}|\x20?/\x20?)(?P<b>(?:1\d|20|21)\d\d|\d\d)"
                      rf"(?![\w%$€]|[.,:]\d){p.year_word_pl}", rd.read_year_range))
    return rules


def _day_word_end(lex: DateLexicon) -> str:
    """What may follow a day written in words: the end of the phrase, a time, a little word
    ("May twenty-first at noon"), not a noun ("March first steps")."""
    return rf"(?=[ ]*(?:[.,;:!?)\"”\n]|$|\d|{alternation(lex.data['day_word_followers'])}(?!\w)))"


_SUFFIX = "(?:st|nd|rd|th)"  # "October, 1st": a day after a comma only with its suffix


def _day_rules(lex: DateLexicon, p: _Pieces) -> list[Rule[DateLexicon, DateCandidate]]:
    art = alternation(lex.data["period_articles"]) if lex.data["period_articles"] else "(?!)"
    # what may stand between a day and month and their year: ", ", " of ", " in ", or the "-" or "/" of "Sep-23-2020"
    year_sep = rf"(?:[ ]?,?[ ](?:{p.year_in}[ ])?|(?<=[^\W\d])[-/]|(?<=\d)[-/])"
    return [
        # "December 13 − 14, 2005", "June 25, 2012", "November 27–28", "Dec31 , 1994", "Oct-2", "October. 2"
        Rule("month_day", rf"(?P<m>{p.mon_names})(?:(?<=\.)|[ ]|[-/]|(?<=[^\W\d])\.[ ]|(?=\d)|,[ ](?=\d{{1,2}}{_SUFFIX}))(?P<d>{p.day_bare})"
             rf"(?:{p.dash}(?P<d2>{p.day_bare}))?(?:{year_sep}(?P<y>{YEAR_AFTER}){_yword(p, 'yw')}|[ ](?P<rel>{p.rel_after})(?![\w]))?",
             rd.read_day),
        # "May twenty-first", "June the fifth, 2020", "Jan first", "August the 15th"
        Rule("month_day_words", rf"(?P<m>{p.mon})[ ](?:(?:{art}[ ])?(?P<dw>{p.day_word})|{art}[ ](?P<dd>{p.day_bare}))(?:,?[ ](?P<y>{YEAR}){_yword(p, 'yw')}|{_day_word_end(lex)})",
             dr.read_day_words),
        # "the twenty-second of June", "fourth of May 2020", "the 15th day of June"
        Rule("day_words_month", rf"(?:{art}[ ])?(?P<dw>{p.day_ordinal})[ ](?:{p.of}[ ])(?P<m>{p.mon})(?:,?[ ](?P<y>{YEAR}){_yword(p, 'yw')})?",
             dr.read_day_words),
        # "from 1 to 3 December 2005", "с 1 по 3 декабря 2005 года"
        Rule("day_to_day_month", rf"(?P<d>{p.day})[ ](?:{p.day_conns})[ ](?P<d2>{p.day_bare})[ ](?:{p.of}[ ])?(?P<m>{p.mon})"
             rf"(?:,?[ ](?P<y>{YEAR}){_yword(p, 'yw')})?", rd.read_day_to_day_month),
        # "16. Nov. 2016": a day with a dot, only with its year
        Rule("day_dot_month", rf"(?P<d>{p.day})\.[ ](?P<m>{p.mon})[ ]?,?[ ](?P<y>{YEAR}){_yword(p, 'yw')}", rd.read_day),
        # "6 December", "25 июня 2012 года", "13–14 декабря 2005 года", "4th of July of 1995", "05-Aug-2016"
        Rule("day_month", rf"(?:[«“](?=\d{{1,2}}[»”]))?(?P<d>{p.day})[»”]?(?:{p.dash}(?P<d2>{p.day_bare}))?(?:[ ](?:{p.of}[ ])?|[-/])"
             rf"(?P<m>{p.mon})(?:{year_sep}(?P<y>{YEAR_AFTER}){_yword(p, 'yw')}|[ ](?P<rel>{p.rel_after})(?![\w]))?", rd.read_day),
        # "2017 April", "2019-Aug-1", "2020/Sep/23"
        # (on one line: "Act of 2021⏎March 30, 2021" is a year and a date)
        Rule("year_month", rf"(?P<y>{YEAR})(?:\x20|(?P<sep>[-/]))(?P<m>{p.mon})(?(sep)(?:(?P=sep)(?P<d>{p.day_bare}))?)",
             rd.read_year_month),
        # "May 2012", "мае 2012 года", "January of 2017", "Dec-2018"
        Rule("month_year", rf"(?P<m>{p.mon})(?:(?:[ ]{p.of})?,?[ ]|(?<=[^\W\d])[-/])(?P<y>{YEAR_AFTER}){_yword(p, 'yw')}",
             rd.read_month_year),
    ]


def _decade(lex: DateLexicon, group: str) -> str:
    """A decade as the language writes it ("1990s", "1990-е годы"), its year in `group`."""
    data = lex.data
    sep = re.escape(data["decade_separator"]) + "?"
    plural_opt = rf"(?:[ ]{alternation(data['year_words_plural'])})?" if data["year_words_plural"] else ""
    return rf"(?P<{group}>(?:1[5-9]|20)\d0){sep}{alternation(data['decade_suffixes'])}{plural_opt}(?!\w)"


def _decade_rules(lex: DateLexicon, p: _Pieces) -> list[Rule[DateLexicon, DateCandidate]]:
    data = lex.data
    mods = rf"(?:(?P<q>{alternation(data['decade_modifiers'])})[ -]?)?" if data["decade_modifiers"] else ""
    sep = re.escape(data["decade_separator"]) + "?"
    suffix = alternation(data["decade_suffixes"])
    plural = alternation(data["year_words_plural"])
    plural_opt = rf"(?:[ ]{plural})?" if data["year_words_plural"] else ""
    # "the 1990s", "the mid-1990s", "1990-е годы"
    rules = [Rule("decade", mods + _decade(lex, "y"), rd.read_decade)]
    if data["two_digit_decades"]:  # "90-х годов"
        rules.append(Rule("decade_two_digits", rf"(?P<y2>[2-9]0){sep}{suffix}[ ]{plural}", rd.read_decade))
    return rules


def _qualified_rules(lex: DateLexicon, p: _Pieces) -> list[Rule[DateLexicon, DateCandidate]]:
    """"mid-2020", "early June", "by the end of 2025", "the end of the year", "в конце 2025 года"."""
    quals = alternation(lex.qualifiers)
    this_year = alternation(lex.data["current_year_words"])
    return [Rule("qualified", rf"(?<![\w-])(?P<q>{quals})(?:[ ]|-)(?:(?:{alternation(lex.data['period_articles'])}[ ])?{_decade(lex, 'dec')}"
                 rf"|(?P<m>{p.mon})(?:,?[ ](?P<y2>{YEAR}){_yword(p, 'yw2')})?"
                 rf"|(?P<y>{YEAR}){_yword(p, 'yw')}|(?P<rel>{p.rel_year}|{this_year})(?![\w]))", rd.read_qualified)]


def _parser_rules(lex: DateLexicon, p: _Pieces) -> list[Rule[DateLexicon, DateCandidate]]:
    """Expressions whose extent the grammar finds and whose value dateparser reads against the
    document's date: "last Friday", "on Monday", "next week", "two years ago"."""
    data = lex.data
    weekday = p.weekday
    return [
        *_weekday_rules(lex, p),
        Rule("weekday", rf"(?:(?P<prep>{alternation(data['weekday_prepositions'])})[ ])?(?P<x>(?:(?P<det>"
             rf"{alternation(data['weekday_determiners'])})[ ])?(?P<wd>{weekday}))(?![\w])", dr.read_weekday),
        Rule("week", rf"(?P<x>(?P<det>{alternation(data['week_determiners'])})[ ](?P<wk>{alternation(data['weeks'])}))(?![\w])",
             rd.read_week),
        Rule("ago", rf"(?<![\w-])(?P<x>(?P<n>\d{{1,2}}|{alternation(data['ago_counts'])})[ ](?P<u>{alternation(lex.ago_units)})[ ]"
             rf"(?:{alternation(data['ago_words'])}))(?![\w])", rd.read_ago),
        # "in two weeks", read only after a future marker in its sentence ("will meet in two weeks"):
        # "trade doubled in five years" is a duration
        Rule("in_units", rf"(?<![\w-])(?P<x>(?:{alternation(data['in_words'])})[ ](?P<n>\d{{1,2}}|{alternation(data['ago_counts'])})[ ]"
             rf"(?P<u>{alternation(lex.ago_units)}))(?![\w'’-])(?![ ](?:{p.of}|{alternation(data['ago_words'])})(?!\w))", rd.read_in_units),
    ]


def _weekday_rules(lex: DateLexicon, p: _Pieces) -> list[Rule[DateLexicon, DateCandidate]]:
    """Weekdays the grammar places itself: "Friday next week", "this week Monday", "the first
    Friday of July", "Friday the 13th" (of the document's month, or the one next to it where the
    13th is a Friday), and a bare "on the 18th"."""
    data = lex.data
    wd, week = p.weekday, alternation(data["weeks"])
    offs = alternation(data["week_offsets"])
    month_rel = alternation(r for r in lex.relative if lex.relative[r][0] == "month")
    ordinal = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)"
    no_month_after = rf"(?![ ]*(?:{p.of}[ ])?{p.mon}|\w)"
    return [
        Rule("weekday_of_week", rf"(?:(?:{alternation(data['weekday_prepositions'])})[ ])?(?P<wd>{wd})[ ](?:{p.of}[ ])?(?P<det>{offs})[ ]{week}(?![\w])"
             rf"|(?P<det2>{offs})[ ]{week}[ ](?:(?:{alternation(data['weekday_prepositions'])})[ ])?(?P<wd2>{wd})(?![\w])",
             rd.read_weekday_of_week),
        Rule("nth_weekday", rf"(?:{alternation(data['period_articles'])}[ ])?(?P<nth>{alternation(data['weekday_ordinals'])})[ ]"
             rf"(?P<wd>{wd})[ ](?:{alternation(data['year_after_months'])})[ ](?:(?P<m>{p.mon})(?:,?[ ](?P<y>{YEAR}))?"
             rf"|(?P<rel>{month_rel}))(?![\w])", rd.read_nth_weekday),
        Rule("weekday_day", rf"(?:(?:{alternation(data['weekday_prepositions'])})[ ])?(?P<wd>{wd}),?[ ](?:(?P<art>{alternation(data['period_articles'])})[ ])?"
             rf"(?:(?P<d>{ordinal}){no_month_after}|(?P<dw>{p.day_word}){_day_word_end(lex)})", dr.read_weekday_day),
        # "on the 16th"; at the end of a sentence also "on the second!", "for the 27", "on 15"
        Rule("ordinal_day", rf"(?:{alternation(data['ordinal_day_prepositions'])})[ ](?P<x>(?:(?P<art>{alternation(data['period_articles'])})[ ])?"
             rf"(?:(?P<d>{ordinal})(?=[ ]*(?:[.,;:!?)]|$))|(?P<dw>{p.day_word})(?=[ ]*(?:[.!?](?!\w)|$))|(?P<dn>[12]\d|3[01]|0?[1-9])(?=\x20?(?:[.!?](?:\s|$)|$))(?!\.\s*{p.mon})))",
             dr.read_weekday_day),
    ]


def _word_rules(lex: DateLexicon, p: _Pieces) -> list[Rule[DateLexicon, DateCandidate]]:
    month_of = alternation(lex.data["month_of"]) if lex.data["month_of"] else "(?!)"
    return [
        # "on 4/22", "Friday 7.6", "from 10/1 to 11/7": a day and month in digits, in the language's order
        Rule("numeric_day_month", rf"(?:(?:{alternation(lex.data['weekday_prepositions'])})[ ](?={p.weekday}))?(?:(?P<wd>{p.weekday}),?[ ])?(?P<a>(?<![\w.,/-])(?:0?[1-9]|[12]\d|3[01]))(?P<sep>[/.-])"
             r"(?P<b>0?[1-9]|[12]\d|3[01])(?![\w/%-]|[.,:]\d)", dr.read_numeric_day_month),
        *_qualified_rules(lex, p),
        *_parser_rules(lex, p),
        # "this year", "yesterday", "в прошлом году"
        Rule("relative", rf"(?<![\w-])(?P<rel>{p.rel})(?![\w-])", rd.read_relative),
        # "the next day", "two weeks later": from a date of the story (after "relative": "the day before yesterday")
        Rule("narrative", rf"(?<![\w-])(?:(?P<rel>{alternation(lex.data['narrative_relatives'])})|(?P<n>\d{{1,2}}|{alternation(lex.data['ago_counts'])})[ ]"
             rf"(?P<u>{alternation(lex.ago_units)})[ ](?:{alternation(lex.data['narrative_ago_words'])}))(?![\w-])", dr.read_narrative),
        # "in April", "September of this year"
        Rule("month", rf"(?:(?P<mof>{month_of})[ ])?(?P<m>{p.mon})(?:[ ](?P<rel>{p.rel_after})(?![\w]))?", rd.read_month),
        # "in 2011", "в 2011 году", "the 2013 budget"
        Rule("year", rf"(?P<y>{YEAR}){_yword(p, 'yw')}", rd.read_year),
    ]


def _stamped(rule: Rule[DateLexicon, DateCandidate], later: Callable[[], RuleTable[DateLexicon, DateCandidate] | None]
             ) -> Rule[DateLexicon, DateCandidate]:
    """The rule with a reader that writes the rule's name into every candidate it reads; when the
    reader finds no date in its match ("2020 may be"), the rules after it are tried at the same
    place, so that a longer form the context rejects does not hide a shorter one ("2020")."""
    name, read = rule.name, rule.reader

    def reader(p: Parts, work: str, lex: DateLexicon) -> list[DateCandidate]:
        found = read(p, work, lex)
        for c in found:
            c.rule = name
        if not found and (table := later()) is not None:
            m = table.match(work, p.start())
            return m.read(work, lex) if m is not None else []
        return found

    return Rule(name, rule.pattern, reader)


def date_rules(lex: DateLexicon) -> list[Rule[DateLexicon, DateCandidate]]:
    """The rules of one language, in the order they are tried."""
    p = _pieces(lex)
    rules = [*_numeric_rules(lex, p), *_range_rules(lex, p), *_day_rules(lex, p), *_decade_rules(lex, p), *_word_rules(lex, p)]
    stamped: list[Rule[DateLexicon, DateCandidate]] = []
    for i in range(len(rules) - 1, -1, -1):
        stamped.insert(0, _stamped(rules[i], _later(tuple(stamped))))
    return stamped


def _later(rules: tuple[Rule[DateLexicon, DateCandidate], ...]) -> Callable[[], RuleTable[DateLexicon, DateCandidate] | None]:
    """The table of `rules`, compiled on first use (only a rejected match needs it)."""

    @lru_cache(maxsize=1)
    def table() -> RuleTable[DateLexicon, DateCandidate] | None:
        return RuleTable(rules, re.IGNORECASE, space=SPACE) if rules else None

    return table


@lru_cache(maxsize=None)
def date_grammar(lang: str) -> RuleTable[DateLexicon, DateCandidate]:
    """The compiled date grammar of `lang`."""
    return RuleTable(date_rules(date_lexicon(lang)), re.IGNORECASE, space=SPACE)
