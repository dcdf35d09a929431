"""The figure grammar: an ordered table of named rules, compiled once per language, and their
readers.

Numbers are read by `numbers.parse_number` (decimal commas, spaces inside numbers, number
words); a scale word multiplies ("38 billion"); what follows the number says what it is
(``tail_kind``: a currency, a unit, a percent).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from ..numbers import alternation, parse_number
from ..rules import Parts, Rule, RuleTable
from .lexicon import FigureLexicon, figure_lexicon

SPACE = r"(?:[ ]{1,3}|[ ]?\n[ ]?)"  # a space, or a single line break of hard-wrapped text
SPACE_OPT = r"(?:[ ]{0,3}|[ ]?\n[ ]?)"
DASH = r"(?:[-–—−‒]|[ ][-–—−‒][ ])"  # "5-7", "5 – 7"; not "75 -300mm"
_YEAR_LIKE = re.compile(r"(?:1[89]|20)\d\d")
_SPACES = re.compile(r"\s+")


@dataclass
class RawFigure:
    """A figure's extent and value, before its semantics; `rule` names the rule that read it."""

    start: int
    end: int
    value: Decimal
    kind: str
    currency: str | None
    unit: str | None
    code_tail: bool = False
    range_end: bool = False
    rule: str = ""
    shared: str | None = None  # the key of a sign several currencies share ("$", "¥"), read later by the context


Found = list[RawFigure]


def tail_kind(tail: str, lex: FigureLexicon) -> tuple[str, str | None, str | None, int | Decimal]:
    """(kind, currency, unit, multiplier) of what follows a number ("cents": 0.01 of the dollar)."""
    memo = _memo(lex)
    hit = memo.get(("tail", tail))
    if hit is None:
        hit = memo[("tail", tail)] = _tail_kind(tail, lex)
    return hit  # type: ignore[no-any-return]


def _tail_kind(tail: str, lex: FigureLexicon) -> tuple[str, str | None, str | None, int | Decimal]:
    t = _SPACES.sub(" ", tail.lower())
    if t in lex.percent:
        return "percent", None, "percent", 1
    if t in lex.points:
        return "percent", None, "percentage_point", 1
    if t in lex.currency_words:
        return "money", lex.currency_words[t], None, lex.minor.get(t, 1)
    if t in lex.codes_after:
        return "money", lex.codes_after[t], None, 1
    if t in lex.units:
        name, mult = lex.units[t]
        return "quantity", None, name, mult
    return "count", None, None, 1


_MEMOS: dict[int, tuple[FigureLexicon, dict[tuple[str, str], object]]] = {}
_MEMO_SIZE = 20_000  # entries kept per lexicon before its memory is emptied (distinct numbers are unbounded)


def _memo(lex: FigureLexicon) -> dict[tuple[str, str], object]:
    """What the readers worked out for one lexicon, by what they read (a tail, a number as
    written): a dense text reads the same few strings again for every figure."""
    hit = _MEMOS.get(id(lex))
    if hit is None or hit[0] is not lex:
        if len(_MEMOS) >= 8:
            _MEMOS.clear()
        hit = _MEMOS[id(lex)] = (lex, {})
    if len(hit[1]) > _MEMO_SIZE:
        hit[1].clear()
    return hit[1]


def _shared(form: str | None, lex: FigureLexicon) -> str | None:
    """The key of the shared sign `form` is ("$" -> "dollar"), if it is one."""
    memo = _memo(lex)
    key = ("shared", form or "")
    if key not in memo:
        memo[key] = lex.currencies.shared_forms.get(_SPACES.sub(" ", (form or "").lower()).strip())
    return memo[key]  # type: ignore[return-value]


def _scale(word: str | None, table: dict[str, int]) -> int:
    return table.get((word or "").lower(), 1)


MAX_DIGITS = 18
"""Integer digits beyond which a number is absurd for a figure (a quintillion): no figure."""


def _sane(value: Decimal) -> bool:
    return value.is_finite() and value.adjusted() < MAX_DIGITS


def _number(raw: str | None, lex: FigureLexicon) -> Decimal | None:
    """The number, or None when it is not one or absurdly large (a run of a million digits)."""
    if raw is None or len(raw) > 4 * MAX_DIGITS:
        return None
    memo = _memo(lex)
    key = ("number", raw)
    if key not in memo:
        n = parse_number(raw, lex.lang)
        memo[key] = n if n is not None and _sane(n) else None
    return memo[key]  # type: ignore[return-value]


def read_range(p: Parts, work: str, lex: FigureLexicon) -> Found:
    """"5–7%", "5% to 7%", "from 2 to 3 percent", "250–260 km": both ends, of one kind."""
    a, b = _number(p["a"], lex), _number(p["b"], lex)
    kind, cur, unit, umult = tail_kind(p["tail"] or p["pct"], lex)  # type: ignore[arg-type]
    if a is None or b is None or kind == "count":
        return []
    if p["conn"] and _YEAR_LIKE.fullmatch(p["a"]):  # type: ignore[arg-type]
        return []  # "in 2011 and 38 percent": a year, then one figure
    if not p["conn"] and a >= b:
        return []
    mult = _scale(p["scale"], lex.numbers.scales) * umult
    shared = _shared(p["tail"], lex) if kind == "money" else None
    return [RawFigure(p.start("a"), p.end("pa") if p["pa"] else p.end("a"), a * mult, kind, cur, unit, shared=shared),
            RawFigure(p.start("b"), p.end(), b * mult, kind, cur, unit, range_end=True, shared=shared)]


def read_currency_first(p: Parts, work: str, lex: FigureLexicon) -> Found:
    """"US$ 38 billion", "$38bn", "USD 1.5 trillion", "HK$10 billion"."""
    n = _number(p["n"], lex)
    if n is None:
        return []
    nums = lex.numbers
    mult = _scale(p["scale"], nums.scales) if p["scale"] else _scale(p["attached"], nums.attached_scales)
    if p["n"].lower() in nums.words_need_scale and mult == 1:  # type: ignore[union-attr]
        return []
    form = _SPACES.sub("", p["cur"].lower())  # type: ignore[union-attr]
    cur = lex.prefixes.get(form) or lex.codes_after[form]
    return [RawFigure(p.start(), p.end(), n * mult, "money", cur, None, shared=_shared(form, lex))]


def read_number_tail(p: Parts, work: str, lex: FigureLexicon) -> Found:
    """"38 billion US dollars", "12,5%", "ten billion cubic metres", "a 450-km border", "361
    million pounds" (money; "25 pounds" is a weight)."""
    raw = p["n"]
    n = _number(raw, lex)
    if n is None:
        return []
    scale = p["scale"]
    mult = _scale(scale, lex.numbers.scales)
    if mult == 1 and raw.lower() in lex.numbers.words_need_scale:  # type: ignore[union-attr]
        return []
    tail: str = p["tail"]  # type: ignore[assignment]
    low = tail.lower()
    if low in lex.digit_units and not raw[:1].isdigit():  # type: ignore[index]
        return []  # "not one bit": a unit read only after digits
    if p["neg"]:
        n = -n
    kind, cur, unit, umult = tail_kind(tail, lex)
    if kind == "count":
        return []
    exact = lex.case_sensitive_units
    if low in exact and tail != exact[low]:
        return []  # "5 Mw" is not megawatts; case-sensitive abbreviations must match exactly
    if scale and low in lex.scaled_money_units:
        kind, cur, unit, umult = "money", lex.scaled_money_units[low], None, 1
    shared = _shared(tail, lex) if kind == "money" else None
    return [RawFigure(p.start(), p.end(), n * mult * umult, kind, cur, unit, code_tail=low in lex.codes_after, shared=shared)]


_NUMBER_BEFORE = re.compile(r"(?:^|[\s(])(?P<w>[^\s(]+)[ ]?$")


def read_reversed_percent(p: Parts, work: str, lex: FigureLexicon) -> Found:
    """"percent of 10", "per cent of twenty-two": a percentage written word first, read only
    when no number stands before the percent word ("5 percent of 10" is five percent) and the
    number ends the phrase (the rule's pattern: not "percent of 10-year-olds", "of 10 countries")."""
    n = _number(p["n"], lex)
    if n is None:
        return []
    before = _NUMBER_BEFORE.search(work, max(0, p.start() - 40), p.start())
    if before and (before["w"][-1:].isdigit() or _number(before["w"], lex) is not None):
        return []
    return [RawFigure(p.start(), p.end(), n, "percent", None, "percent")]


def read_number_scale(p: Parts, work: str, lex: FigureLexicon) -> Found:
    """"1,5 трлн.", "reached 38 billion in 2011": a count whose noun is left out (it takes the
    currency or unit of a figure beside it, or is dropped)."""
    n = _number(p["n"], lex)
    if n is None:
        return []
    return [RawFigure(p.start(), p.end(), n * _scale(p["scale"], lex.numbers.scales), "count", None, None)]


def _exact_codes_rx(lex: FigureLexicon) -> str:
    """The ISO codes read in upper case only, as a case-sensitive group."""
    return r"(?-i:(?<![\w])" + alternation(sorted(lex.exact_codes)) + r"(?![^\W\d_]))" if lex.exact_codes else "(?!)"


def _prefix_rx(lex: FigureLexicon) -> str:
    sym = [p for p in lex.prefixes if not p[-1].isalpha()]
    wordy = [p for p in lex.prefixes if p[-1].isalpha()]
    return "(?:" + "|".join(filter(None, [
        alternation(sym)[3:-1] if sym else "",
        r"(?<![\w])" + alternation(wordy) + r"(?![^\W\d_])" if wordy else "",
        _exact_codes_rx(lex),
    ])) + ")"


def figure_rules(lex: FigureLexicon) -> list[Rule[FigureLexicon, RawFigure]]:
    """The rules of one language, in the order they are tried."""
    data, num_data = lex.data, lex.numbers.data
    NUM = lex.numbers.pattern
    scale = alternation(num_data["scales"], dot_optional=False) + r"(?![\w])"
    attached = alternation(num_data["attached_scales"]) + r"(?![\w])" if num_data["attached_scales"] else "(?!)"
    tails = [*lex.currency_words, *(c for c in lex.codes_after if c.upper() not in lex.exact_codes), *data["units"],
             *data["percent"], *data["percentage_points"]]
    tail = "(?:" + alternation(tails).replace("[ ]", SPACE) + r"(?![^\W\d_])|" + _exact_codes_rx(lex) + ")"
    neg = alternation(data["negative_words"])
    hyphen_num = lex.numbers.word_pattern + "(?=-)" if lex.unit_hyphen else "(?!)"
    conn = alternation(data["range_connectors"])
    elided = alternation(data["elided_noun_followers"])
    before_tail = rf"(?:{SPACE_OPT}|-)" if lex.unit_hyphen else SPACE_OPT
    rev_words, rev_of = alternation(data["reversed_percent_words"]), alternation(data["reversed_percent_of"])
    rules = [
        # "5–7%", "250–260 km"; after "5%" the second number is a percentage too ("5% to 7%"; not
        # "20% to 34,500 tonnes")
        Rule("range", rf"(?P<a>{NUM})(?P<pa>[ ]?%)?(?:{DASH}|[ ](?P<conn>{conn})[ ])(?P<b>{NUM})(?(pa)[ ]?(?P<pct>%)|"
             rf"(?:{SPACE}(?P<scale>{scale}))?{SPACE_OPT}(?P<ob>[\[(])?(?P<tail>{tail})(?(ob)[\])]))", read_range),
        Rule("currency_first", rf"(?P<cur>{_prefix_rx(lex)}){SPACE_OPT}(?P<n>{NUM})(?:{SPACE_OPT}(?P<scale>{scale})"
             rf"|(?P<attached>{attached}))?", read_currency_first),
        Rule("number_tail", rf"(?:(?P<neg>{neg})[ ]?)?(?P<n>{NUM}|{hyphen_num})(?:{SPACE}(?P<scale>{scale})(?:[ ]of)?)?{before_tail}(?P<ob>[\[(])?(?P<tail>{tail})(?(ob)[\])])",
             read_number_tail),
        # "percent of 10", "per cent of twenty-two" as the whole phrase: the number followed by
        # nothing but punctuation or the end (not a noun, a hyphen or a unit: "of 10 countries")
        Rule("reversed_percent", rf"(?<![\w])(?P<pw>{rev_words})[ ](?:{rev_of})[ ](?P<n>{NUM})(?=[ ]?[.,;:!?)]|[ ]*\n[ ]*\n|\s*\Z)",
             read_reversed_percent),
        Rule("number_scale", rf"(?P<n>{NUM}){SPACE}(?P<scale>{scale})(?=[ ]?[.,;:!?)]|[ ]?$|[ ]{elided}(?![\w]))",
             read_number_scale),
    ]
    return [_stamped(r) for r in rules]


def _stamped(rule: Rule[FigureLexicon, RawFigure]) -> Rule[FigureLexicon, RawFigure]:
    """The rule with a reader that writes the rule's name into every figure it reads."""
    name, read = rule.name, rule.reader

    def reader(p: Parts, work: str, lex: FigureLexicon) -> Found:
        found = read(p, work, lex)
        for f in found:
            f.rule = name
        return found

    return Rule(name, rule.pattern, reader)


@lru_cache(maxsize=None)
def figure_grammar(lang: str) -> RuleTable[FigureLexicon, RawFigure]:
    """The compiled figure grammar of `lang`."""
    return RuleTable(figure_rules(figure_lexicon(lang)), re.IGNORECASE)
