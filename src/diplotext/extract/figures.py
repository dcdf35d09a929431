"""Figures: money, percentages and quantities with units, as `Decimal` with the scale applied,
and what each one measures.

Like dates, in steps:

1. *Candidates* come from a spaCy ``PhraseMatcher`` (on ``LOWER``, built once per vocabulary and
   language) over the lexicon's anchors: currency signs, codes and names in every case, percent
   words, units, scale words (``resources/<lang>/figures.json`` and ``numbers.json``).
2. At each anchor, one compiled grammar is anchored at the anchor or a few tokens before it: a
   currency before the number ("US$ 38 billion", "$38bn", "€200 million"), or a scale and a
   currency, unit or percent after it ("38 billion US dollars", "38 млрд долларов США", "12,5%",
   "ten billion cubic metres"), or a range of percentages ("5–7%"). Numbers are read by
   `numbers.parse_number` (decimal commas, thin and no-break spaces inside numbers, number words).
3. Semantics from the words around it, in the same sentence: ``qualifier`` ("exceeded", "over",
   "более", "около"), ``change`` ("grew by 34.9 percent", "вырос на 12,5%"), ``target`` ("to
   reach $100 billion by 2030"), ``measure`` from the nearest trigger of the measure lexicon
   (Russian words are compared by their normal form), and ``year`` from the nearest resolved date.

Not figures: dates, ordinals, numbered points and phone numbers never match the grammar;
currency-rate tickers ("3.78 BYN" alone on a line) are dropped.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from typing import Any

from spacy.matcher import PhraseMatcher
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc
from spacy.vocab import Vocab

from ..models import DateMention, Figure
from ..resources import load_json
from .numbers import alternation, number_lexicon, parse_number
from .patterns import pattern_tokenizer
from .vocab_cache import cached_per_vocab

_SP = r"(?:[ ]{1,3}|[ ]?\n[ ]?)"  # a space, or a single line break of hard-wrapped text
_SPO = r"(?:[ ]{0,3}|[ ]?\n[ ]?)"
_DASH = r"(?:[ ]?[-–—−‒][ ]?)"
_TICKER = re.compile(r"^[^\W\d_]{0,3}[$€£₽¥]?[ ]?\d[\d.,]*[ ]?(?:[A-Z]{3}|[$€£₽¥]|руб\.?)?(?:[ ]+[+\-−–]?[\d.,]+%?)*[ ]*[▲▼↑↓]?$")


@dataclass(frozen=True)
class FigureLexicon:
    lang: str
    data: dict[str, Any]
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
    target_words: frozenset[str]
    target_blockers: frozenset[str]
    measures: dict[str, str]
    ambiguous_qualifiers: frozenset[str]
    starters: frozenset[str]
    case_sensitive_units: dict[str, str]
    target_year: re.Pattern[str]
    grammar: re.Pattern[str]
    qualifier_rx: re.Pattern[str]


def _unit(value: str) -> tuple[str, int]:
    name, _, mult = value.partition("@")
    return name, int(mult) if mult else 1


@lru_cache(maxsize=None)
def figure_lexicon(lang: str) -> FigureLexicon:
    data = load_json(f"{lang}/figures.json")
    nums = number_lexicon(lang)
    num_data = load_json(f"{lang}/numbers.json")
    NUM = nums.pattern
    scale = alternation(num_data["scales"], dot_optional=False) + r"(?![\w])"
    attached = alternation(num_data["attached_scales"]) + r"(?![\w])" if num_data["attached_scales"] else "(?!)"
    prefixes = {k.lower(): v for k, v in data["currency_prefixes"].items()}
    sym = [p for p in prefixes if not p[-1].isalpha()]
    wordy = [p for p in prefixes if p[-1].isalpha()]
    prefix_rx = "(?:" + "|".join(filter(None, [
        alternation(sym)[3:-1] if sym else "",
        r"(?<![\w])" + alternation(wordy) + r"(?![^\W\d_])" if wordy else "",
    ])) + ")"
    tails = list(data["currency_words"]) + list(data["currency_codes_after"]) + list(data["units"]) + list(data["percent"]) + list(data["percentage_points"])
    tail_rx = alternation(tails).replace("[ ]", _SP) + r"(?![^\W\d_])"
    pct_rx = alternation(data["percent"]) + r"(?![^\W\d_])"
    range_conn = alternation(data["range_connectors"])
    elided = alternation(data["elided_noun_followers"])
    grammar = "|".join([
        # a range: "5–7%", "from 2 to 3 percent", "250–260 km", "1.5–1.7 trillion rubles"
        rf"(?P<pa>{NUM})(?:[ ]?%)?(?:{_DASH}|[ ](?P<pw>{range_conn})[ ])(?P<pb>{NUM})(?:{_SP}(?P<ps>{scale}))?{_SPO}(?P<ob2>[\[(])?(?P<pt>{tail_rx})(?(ob2)[\])])",
        # currency first: "US$ 38 billion", "$38bn", "USD 1.5 trillion", "€200 million"
        rf"(?P<cp>{prefix_rx}){_SPO}(?P<n1>{NUM})(?:{_SPO}(?P<s1>{scale})|(?P<as1>{attached}))?",
        # number (scale) then currency, unit or percent: "38 billion US dollars", "12,5%", "two billion [dollars]"
        rf"(?P<n2>{NUM})(?:{_SP}(?P<s2>{scale})(?:[ ]of)?)?{_SPO}(?P<ob>[\[(])?(?P<tail>{tail_rx})(?(ob)[\])])",
        # a number and a scale alone, its noun left out: "1,5 трлн.", "reached 38 billion in 2011"
        rf"(?P<n4>{NUM}){_SP}(?P<s4>{scale})(?=[ ]?[.,;:!?)]|[ ]?$|[ ]{elided}(?![\w]))",
    ])
    quals = {k.lower(): v for k, v in data["qualifiers"].items()}
    qualifier_rx = re.compile(r"(?<![\w])(" + alternation(quals)[3:-1] + r")[ ]*(?:\(|\[)?$", re.I)
    return FigureLexicon(
        lang=lang,
        data=data,
        prefixes=prefixes,
        codes_after={k.lower(): v for k, v in data["currency_codes_after"].items()},
        currency_words={k.lower(): v for k, v in data["currency_words"].items()},
        units={k.lower(): _unit(v) for k, v in data["units"].items()},
        percent=frozenset(p.lower() for p in data["percent"]),
        points=frozenset(p.lower() for p in data["percentage_points"]),
        qualifiers=quals,
        change_words=frozenset(w.lower() for w in data["change_words"]),
        change_after=frozenset(w.lower() for w in data["change_after"]),
        change_prepositions=frozenset(w.lower() for w in data["change_prepositions"]),
        target_words=frozenset(w.lower() for w in data["target_words"]),
        target_blockers=frozenset(w.lower() for w in data["target_blockers"]),
        measures={k.lower(): v for k, v in data["measures"].items()},
        ambiguous_qualifiers=frozenset(w.lower() for w in data.get("ambiguous_qualifiers", [])),
        case_sensitive_units={u.lower(): u for u in data["case_sensitive_units"]},
        # "... $100 billion by 2030": a figure for a year ahead is a target
        target_year=re.compile(r"[ ]*" + alternation(data["target_year_prepositions"]) + r"[ ]+(?:1[89]|20|21)\d\d", re.I),
        starters=frozenset(prefixes) | frozenset(nums.words) | frozenset(w.split(" ")[0] for w in nums.words),
        grammar=re.compile(grammar, re.IGNORECASE),
        qualifier_rx=qualifier_rx,
    )


@dataclass
class FigureMatcher:
    vocab: Vocab
    anchors: PhraseMatcher


@cached_per_vocab
def figure_matcher(vocab: Vocab, lang: str) -> FigureMatcher:
    """The figure anchors of one pipeline and language."""
    return build_figure_matcher(vocab, lang, pattern_tokenizer(vocab, lang))


def build_figure_matcher(vocab: Vocab, lang: str, tokenizer: Tokenizer) -> FigureMatcher:
    """The figure anchors, tokenized by `tokenizer`."""
    lex = figure_lexicon(lang)
    num_data = load_json(f"{lang}/numbers.json")
    terms = set(lex.prefixes) | set(lex.codes_after) | set(lex.currency_words) | set(lex.units) | set(lex.percent) | set(lex.points) | set(num_data["scales"])
    anchors = PhraseMatcher(vocab, attr="LOWER")
    anchors.add("FIGURE_ANCHOR", list(tokenizer.pipe(sorted(terms))))
    return FigureMatcher(vocab=vocab, anchors=anchors)


def _tail_kind(tail: str, lex: FigureLexicon) -> tuple[str, str | None, str | None, int]:
    """(kind, currency, unit, multiplier) of what follows a number."""
    t = re.sub(r"\s+", " ", tail.lower())
    if t in lex.percent:
        return "percent", None, "percent", 1
    if t in lex.points:
        return "percent", None, "percentage_point", 1
    if t in lex.currency_words:
        return "money", lex.currency_words[t], None, 1
    if t in lex.codes_after:
        return "money", lex.codes_after[t], None, 1
    if t in lex.units:
        name, mult = lex.units[t]
        return "quantity", None, name, mult
    return "count", None, None, 1


@dataclass
class _Raw:
    start: int
    end: int
    value: Decimal
    kind: str
    currency: str | None
    unit: str | None
    code_tail: bool = False
    range_end: bool = False


def _read(m: re.Match[str], lex: FigureLexicon) -> list[_Raw]:
    g = m.groupdict()
    lang = lex.lang
    nums = number_lexicon(lang)
    if g["pa"]:
        a, b = parse_number(g["pa"], lang), parse_number(g["pb"], lang)
        kind, cur, unit, umult = _tail_kind(g["pt"], lex)
        if a is None or b is None or kind == "count":
            return []
        if g["pw"] and re.fullmatch(r"(?:1[89]|20)\d\d", g["pa"]):
            return []  # "in 2011 and 38 percent": a year, then one figure
        if not g["pw"] and a >= b:
            return []
        mult = nums.scales.get((g["ps"] or "").lower(), 1) * umult
        return [_Raw(m.start("pa"), m.end("pa"), a * mult, kind, cur, unit), _Raw(m.start("pb"), m.end(), b * mult, kind, cur, unit, range_end=True)]
    if g["cp"]:
        n = parse_number(g["n1"], lang)
        if n is None:
            return []
        mult = nums.scales.get((g["s1"] or "").lower(), 1) if g["s1"] else nums.attached_scales.get((g["as1"] or "").lower(), 1)
        if g["n1"].lower() in nums.words_need_scale and mult == 1:
            return []
        cur = lex.prefixes[re.sub(r"\s+", "", g["cp"].lower())]
        return [_Raw(m.start(), m.end(), n * mult, "money", cur, None)]
    if g["n2"]:
        n = parse_number(g["n2"], lang)
        if n is None:
            return []
        mult = nums.scales.get((g["s2"] or "").lower(), 1)
        if g["n2"].lower() in nums.words_need_scale and mult == 1:
            return []
        kind, cur, unit, umult = _tail_kind(g["tail"], lex)
        if kind == "count":
            return []
        exact = lex.case_sensitive_units
        if g["tail"].lower() in exact and g["tail"] != exact[g["tail"].lower()]:
            return []  # "5 Mw" is not megawatts; case-sensitive abbreviations must match exactly
        code = g["tail"].lower() in lex.codes_after
        return [_Raw(m.start(), m.end(), n * mult * umult, kind, cur, unit, code_tail=code)]
    if g["n4"]:
        n = parse_number(g["n4"], lang)
        if n is None:
            return []
        return [_Raw(m.start(), m.end(), n * nums.scales.get(g["s4"].lower(), 1), "count", None, None)]
    return []


def find_figure_spans(doc: Doc, lang: str = "en", keep: Callable[[int], bool] = lambda _: True, work: str | None = None) -> list[_Raw]:
    """The figures' extents and values, before semantics."""
    lex = figure_lexicon(lang)
    matcher = figure_matcher(doc.vocab, lang)
    work = doc.text if work is None else work
    starters = lex.starters
    found: list[_Raw] = []
    covered_to = -1
    idx = doc.to_array("IDX")  # token offsets in one call: no Token objects in the loop
    n = len(idx)
    for _, ts, te in sorted(matcher.anchors(doc), key=lambda x: (x[1], -x[2])):
        a_start = int(idx[ts])
        if a_start < covered_to or not keep(a_start):
            continue
        line_start = work.rfind("\n", int(idx[max(0, ts - 4)]), a_start) + 1  # only compared with pos in this window
        for k in range(max(0, ts - 4), ts + 1):
            pos = int(idx[k])
            t = work[pos: idx[k + 1] if k + 1 < n else len(work)].rstrip()
            if not t or (k < ts and not (t[:1].isdigit() or t.lower() in starters)):
                continue  # a figure starts with a number, a currency sign or code, or a number word
            if pos < covered_to or (pos < line_start and "\n\n" in work[pos:a_start]):
                continue
            m = lex.grammar.match(work, pos)
            if m and m.start() <= a_start < m.end():
                raws = _read(m, lex)
                if raws:
                    found.extend(raws)
                    covered_to = m.end()
                break
    out = []
    for r in found:
        if r.kind == "money":
            # bounded searches (a whole-line search per figure is quadratic on a one-line text)
            ls = work.rfind("\n", max(0, r.start - 200), r.start) + 1
            le = work.find("\n", r.end, r.end + 200)
            if (ls == 0 and r.start > 200 and work[r.start - 200:r.start].strip()) or (
                le == -1 and len(work) > r.end + 200 and work[r.end:r.end + 200].strip()):
                out.append(r)  # the line is longer than 200 characters: not a ticker
                continue
            if ls == 0:
                ls = work.rfind("\n", 0, r.start) + 1
            if le == -1:
                le = work.find("\n", r.end)
            line = work[ls: le if le != -1 else len(work)].strip()
            if len(line) <= 40 and _TICKER.match(line):
                continue  # a currency-rate ticker: "3.78 BYN", "USD 3.2112 +0.0031" alone on a line
        out.append(r)
    return out


# ----------------------------------------------------------------------------------------------
# Semantics


def _words(doc: Doc, lang: str, i: int, j: int) -> list[tuple[int, str, str]]:
    """(index, lower form, normal form) of the non-space tokens doc[i:j]."""
    out = []
    for k in range(max(0, i), min(len(doc), j)):
        t = doc[k]
        if t.is_space or t.is_punct:
            continue
        out.append((k, t.lower_, t.norm_ if lang == "ru" else t.lower_))
    return out


def _measure(before: list[tuple[int, str, str]], after: list[tuple[int, str, str]], lex: FigureLexicon) -> str | None:
    def hit(words: list[tuple[int, str, str]], idx: int) -> str | None:
        _, low, nrm = words[idx]
        if idx + 1 < len(words):
            for two in (f"{low} {words[idx + 1][1]}", f"{nrm} {words[idx + 1][2]}"):
                if two in lex.measures:
                    return lex.measures[two]
        return lex.measures.get(low) or lex.measures.get(nrm)

    if after:  # "7.1 percent economic growth", "$2 billion investment": the word right after names it
        found = hit(after, 0)
        if found:
            return found
    for idx in range(len(before) - 1, -1, -1):
        found = hit(before, idx)
        if found:
            return found
    for idx in range(1, len(after)):
        found = hit(after, idx)
        if found:
            return found
    return None


class _DateIndex:
    """The dates with a value, by position, and the paragraph breaks of the text: the nearest
    date to a figure without scanning every date (which is quadratic in figures x dates)."""

    def __init__(self, dates: Sequence[DateMention], work: str) -> None:
        self.dates = sorted((d for d in dates if d.value is not None), key=lambda d: (d.start, d.end))
        self.starts = [d.start for d in self.dates]
        self.breaks = [m.start() for m in re.finditer(r"(?=\n\n)", work)]

    def has_break(self, a: int, b: int) -> bool:
        """Whether a paragraph break ('\\n\\n') lies in work[a:b]."""
        i = bisect_left(self.breaks, a)
        return i < len(self.breaks) and self.breaks[i] + 2 <= b

    def near(self, s: int, e: int) -> list[DateMention]:
        """The dates that can be nearest to a figure at [s, e): a few on each side, in text order
        (mentions do not overlap, so a farther one is farther and behind the same breaks)."""
        mid = bisect_left(self.starts, s)
        return self.dates[max(0, mid - 8):mid + 8]


def _nearest_date(dates: _DateIndex, s: int, e: int, sent: tuple[int, int], work: str) -> str | None:
    best: tuple[int, str] | None = None
    for d in dates.near(s, e):
        if d.value is None or d.end <= sent[0] or d.start >= sent[1]:
            continue
        if dates.has_break(d.end, s) if d.end <= s else dates.has_break(e, d.start):
            continue  # another paragraph (a header date line): not the date the figure refers to
        dist = s - d.end if d.end <= s else 3 * (d.start - e)  # the governing date usually comes first
        if dist < 0:
            continue
        if best is None or dist < best[0]:
            best = (dist, d.value if d.role == "point" else d.value[:4])  # a range's end: its year
    return best[1] if best else None


def find_figures(
    doc: Doc,
    lang: str = "en",
    keep: Callable[[int], bool] = lambda _: True,
    dates: Sequence[DateMention] = (),
    work: str | None = None,
) -> list[Figure]:
    """Every money amount, percentage and quantity in the Doc, with what it measures. `work`
    is the Doc's text if at hand (``Doc.text`` rebuilds it token by token)."""
    work = doc.text if work is None else work
    raws = find_figure_spans(doc, lang, keep, work)
    if not raws:
        return []
    lex = figure_lexicon(lang)
    date_spans = [(d.start, d.end) for d in dates]
    before_n = int(lex.data.get("figure_window_before", 14))
    after_n = int(lex.data.get("figure_window_after", 5))
    out: list[Figure] = []
    dated = _DateIndex(dates, work)
    sent_starts: list[int] = []  # token index of every sentence start, found once (Token.sent walks the
    # sentence each time it is asked: quadratic in a long sentence full of figures)

    def sent_of(i: int) -> tuple[int, int, int, int]:
        if not sent_starts:
            flags = doc.to_array("SENT_START")  # one call: no Token objects
            sent_starts.extend(i for i in (flags == 1).nonzero()[0].tolist() if i > 0)
            sent_starts.insert(0, 0)
        k = bisect_right(sent_starts, i) - 1
        s_tok, e_tok = sent_starts[k], sent_starts[k + 1] if k + 1 < len(sent_starts) else len(doc)
        last = doc[e_tok - 1]  # Span.end_char, without making a Span (costly in a long sentence)
        return s_tok, e_tok, doc[s_tok].idx, last.idx + len(last.text)

    tok_starts: list[int] = []

    def sentence(start: int, end: int) -> tuple[tuple[int, int, int, int], int, int]:
        """(sentence token start, end, char start, end) and the figure's token span."""
        if not tok_starts:
            tok_starts.extend(doc.to_array("IDX").tolist())
        # the tokens that overlap [start, end), as doc.char_span(..., "expand") finds them, by
        # bisection (char_span walks the Doc: quadratic over many figures)
        ts = bisect_right(tok_starts, start) - 1
        te = bisect_left(tok_starts, end)
        if ts < 0 or te <= ts:
            return (0, len(doc), 0, len(work)), 0, 0
        return sent_of(ts), ts, te

    for i, r in enumerate(raws):
        (s_tok, e_tok, s_char, e_char), ts, te = sentence(r.start, r.end)
        if r.kind == "count":
            # "65 billion [rubles], or 47 billion": a number and a scale whose noun is left out
            # takes the currency or unit of a figure beside it in the same sentence, else is dropped
            if any(ds < r.end and r.start < de for ds, de in date_spans):
                continue
            near = [o for o in raws[max(0, i - 3):i][::-1] + raws[i + 1:i + 3] if o.kind in ("money", "quantity") and s_char <= o.start < e_char]
            if not near:
                continue
            r = _Raw(r.start, r.end, r.value, near[0].kind, near[0].currency, near[0].unit)
        before = _words(doc, lang, max(s_tok, ts - before_n), ts)
        after = _words(doc, lang, te, min(e_tok, te + after_n))
        ls = max(s_char, work.rfind("\n\n", max(0, r.start - 61), r.start) + 1, r.start - 60)  # bounded: same result
        head = work[ls:r.start]
        qm = None if r.range_end else lex.qualifier_rx.search(head)
        qualifier = lex.qualifiers[re.sub(r"\s+", " ", qm.group(1).lower())] if qm else None
        if qm and qm.group(1).lower() in lex.ambiguous_qualifiers and any(
            w in lex.change_words or n in lex.change_words or w in lex.target_words or n in lex.target_words for _, w, n in before[-5:-1]
        ):
            qualifier = None  # "довести товарооборот до 50 млрд": "до" is "to", not "up to"
        prev_words = [w[1] for w in before]
        near = prev_words[-3:]
        change = (
            (any(p in near for p in lex.change_prepositions) and any(w in lex.change_words or n in lex.change_words for _, w, n in before[-8:]))
            or any(w in ("up", "down") for w in near[-2:])
            or bool(after and (after[0][1] in lex.change_after or after[0][2] in lex.change_after or
                               (len(after) > 1 and f"{after[0][1]} {after[1][1]}" in lex.change_after)))
        )
        target = False
        for k in range(len(before) - 1, max(-1, len(before) - 9), -1):
            w, n = before[k][1], before[k][2]
            if w in lex.target_blockers or n in lex.target_blockers:
                break
            if w in lex.target_words or n in lex.target_words:
                target = True
                break
        after_text = work[r.end:min(e_char, r.end + 20)]
        if lex.target_year.match(after_text):
            target = True
        measure = _measure(before, after, lex)
        if measure is None and out and "\n\n" not in work[out[-1].end:r.start] and r.start - out[-1].end < 400:
            measure = out[-1].measure  # "trade reached $61.6 billion ... it will reach $66 billion"
        if measure is None and s_tok > 0:  # "Trade is going up. It already reached $61.6 billion."
            p_start, p_end, _, p_end_char = sent_of(s_tok - 1)
            if "\n\n" not in work[p_end_char:s_char]:
                measure = _measure(_words(doc, lang, max(p_start, p_end - before_n), p_end), [], lex)
        out.append(Figure(
            text=work[r.start:r.end], start=r.start, end=r.end, value=r.value, kind=r.kind,  # type: ignore[arg-type]
            currency=r.currency, unit=r.unit,
            measure=measure,
            year=_nearest_date(dated, r.start, r.end, (s_char, e_char), work),
            qualifier=qualifier, change=change, target=target,
        ))
    return out
