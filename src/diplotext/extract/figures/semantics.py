"""What a figure means, from the words around it in its sentence: one function per concern.

``qualifier`` ("exceeded", "over", "более", "около"), ``change`` ("grew by 34.9 percent",
"вырос на 12,5%"), ``target`` ("to reach $100 billion by 2030"), ``measure`` from the nearest
trigger of the measure lexicon (Russian words are compared by their normal form too), and
``year`` from the nearest resolved date. A count (a number and a scale whose noun is left out)
takes the currency or unit of a figure beside it, or is no figure.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from itertools import accumulate

from spacy.tokens import Doc

from ...models import DateMention
from ...token_view import token_view
from .grammar import RawFigure
from .lexicon import FigureLexicon

Words = list[tuple[int, str, str, str | None, str | None]]
"""(token index, lower form, normal form, measure it names, measure it names with the next word)"""
_SPACES = re.compile(r"\s+")
_LAST_WORD = re.compile(r"(\w[\w.'’-]*)[ ]*[(\[]?$")
_QUALIFIER_WINDOW = 60  # characters before a figure searched for its qualifier
_CARRY_WINDOW = 400  # characters across which a measure carries to the next figure
_NEAR_DATES = 8  # dates looked at on each side of a figure


class Sentences:
    """The sentences and tokens of a Doc, found once: a figure's sentence and token span by
    bisection (``Token.sent`` and ``Doc.char_span`` walk the Doc each time: quadratic over a
    long sentence full of figures)."""

    def __init__(self, doc: Doc, work: str) -> None:
        self.doc = doc
        self.work = work
        self.view = token_view(doc)
        self._starts: list[int] = []
        self._last: tuple[int, int, tuple[int, int, int, int] | None] = (0, -1, None)  # the sentence asked for last

    def of_token(self, i: int) -> tuple[int, int, int, int]:
        """(token start, token end, char start, char end) of the sentence holding token `i`."""
        s_tok, e_tok, answer = self._last
        if s_tok <= i < e_tok:
            return answer  # type: ignore[return-value]  # figures come in text order: mostly the same sentence
        view = self.view
        if not self._starts:
            flags = self.doc.to_array("SENT_START")  # one call: no Token objects
            self._starts.extend(i for i in (flags == 1).nonzero()[0].tolist() if i > 0)
            self._starts.insert(0, 0)
        k = bisect_right(self._starts, i) - 1
        s_tok, e_tok = self._starts[k], self._starts[k + 1] if k + 1 < len(self._starts) else view.n
        last = e_tok - 1
        answer = (s_tok, e_tok, view.idx[s_tok], view.idx[last] + len(view.texts[last]))
        self._last = (s_tok, e_tok, answer)
        return answer

    def of_span(self, start: int, end: int) -> tuple[tuple[int, int, int, int], int, int]:
        """The sentence of [start, end) and its token span (the tokens that overlap it, as
        ``doc.char_span(..., "expand")`` finds them)."""
        tokens = self.view.idx
        ts = bisect_right(tokens, start) - 1
        te = bisect_left(tokens, end)
        if ts < 0 or te <= ts:
            return (0, len(self.doc), 0, len(self.work)), 0, 0
        return self.of_token(ts), ts, te


class WordIndex:
    """The word tokens of a Doc (no spaces, no punctuation) with their lower and normal forms and
    the measure each names alone and with the word after it: a figure's context windows are
    slices of it. A word is read when a window first holds it, and kept (a dense text has a
    figure every few tokens, and the windows of neighbours overlap; most of an ordinary text is
    in no window). tests/reference/figure_words.py reads every word at once: the same words."""

    def __init__(self, doc: Doc, lex: FigureLexicon) -> None:
        view = token_view(doc)
        self.view, self.lex, self.n = view, lex, len(doc)
        keep = (view.is_space_array == 0) & (view.is_punct_array == 0)
        self.ks: list[int] = keep.nonzero()[0].tolist()  # the token index of each word
        self.lows = view.lowers
        self.norms = view.norms if lex.normal_forms else self.lows
        self._read: dict[int, tuple[int, str, str, str | None, str | None]] = {}
        self.firsts = _first_words(lex.measures)

    def between(self, i: int, j: int) -> Words:
        """The words of doc[i:j]."""
        ks, n = self.ks, self.n
        a, b = bisect_left(ks, max(0, min(n, i))), bisect_left(ks, max(0, min(n, j)))
        read, word = self._read.get, self._word
        return [read(g) or word(g) for g in range(a, b)]

    def _word(self, g: int) -> tuple[int, str, str, str | None, str | None]:
        k, ks, lows, norms, m = self.ks[g], self.ks, self.lows, self.norms, self.lex.measures
        single = self._single(g)
        if single and g >= 1 and self._blocked(ks[g - 1], k):
            single = None
        pair = None
        if g + 1 < len(ks) and (lows[k] in self.firsts or norms[k] in self.firsts):
            k1 = ks[g + 1]
            pair = m.get(f"{lows[k]} {lows[k1]}") or m.get(f"{norms[k]} {norms[k1]}")
            if pair and self._single(g + 1) and self._blocked(k, k1):
                pair = None
        word = self._read[g] = (k, lows[k], norms[k], single, pair)
        return word

    def _single(self, g: int) -> str | None:
        """The measure word g names alone ("e-commerce", "duty-free": a compound names what its
        head alone does not)."""
        k, lows, m = self.ks[g], self.lows, self.lex.measures
        single = m.get(lows[k]) or m.get(self.norms[k])
        if single and k >= 2:
            view = self.view
            if view.texts[k - 1] == "-" and not view.spaced[k - 2] and not view.spaced[k - 1]:
                single = m.get(f"{lows[k - 2]}-{lows[k]}")
        return single

    def _blocked(self, k0: int, k1: int) -> bool:
        """"electronic commerce", "электронной торговли": a kind of trade that is no trade volume."""
        blockers, lows, norms = self.lex.measure_blockers, self.lows, self.norms
        return f"{lows[k0]} {lows[k1]}" in blockers or f"{norms[k0]} {norms[k1]}" in blockers


_FIRSTS: dict[int, tuple[dict[str, str], frozenset[str]]] = {}


def _first_words(measures: dict[str, str]) -> frozenset[str]:
    """The first words of the measures named by several words: no other word starts a pair
    (found once per lexicon, by identity: the lexicons are built once)."""
    hit = _FIRSTS.get(id(measures))
    if hit is None or hit[0] is not measures:
        if len(_FIRSTS) > 8:
            _FIRSTS.clear()
        hit = _FIRSTS[id(measures)] = (measures, frozenset(k.split(" ")[0] for k in measures if " " in k))
    return hit[1]


def _any_in(ws: Words, vocab: frozenset[str]) -> bool:
    return any(w in vocab or n in vocab for _, w, n, _m, _p in ws)


def _next_not_count(side: Sequence[RawFigure]) -> RawFigure | None:
    """The first figure on one side that is not itself a count: a count never borrows across a
    figure of another kind ("$ 46.8 million, ... by 25 % to 34,500 tonnes")."""
    return next((o for o in side if o.kind != "count"), None)


def borrow_kind(raws: Sequence[RawFigure], i: int, sent: tuple[int, int]) -> RawFigure | None:
    """A count ("65 billion [rubles], or 47 billion") with the currency or unit of a figure
    beside it in the same sentence, or None when there is none."""
    r = raws[i]
    near = [o for o in (_next_not_count(raws[max(0, i - 3):i][::-1]), _next_not_count(raws[i + 1:i + 3]))
            if o is not None and o.kind in ("money", "quantity") and sent[0] <= o.start < sent[1]]
    if not near:
        return None
    return RawFigure(r.start, r.end, r.value, near[0].kind, near[0].currency, near[0].unit, rule=r.rule, shared=near[0].shared)


def _may_end_in_word(head: str) -> bool:
    """Whether `_LAST_WORD` can match `head`: a word character, or one of ".'’-", before the
    closing spaces and bracket (and the line break ``$`` lets it stand before). A figure after a
    sign or a number ("5% 5%") is decided without the search."""
    h = head[:-1] if head.endswith("\n") else head
    h = h[:-1] if h.endswith(("(", "[")) else h
    h = h.rstrip(" ")
    c = h[-1:]
    return bool(c) and (c.isalnum() or c in "_.'’-")


def qualifier(r: RawFigure, work: str, s_char: int, before: Words, lex: FigureLexicon) -> tuple[str | None, str | None]:
    """"exceeded", "over", "about": the qualifier right before the figure (not before a range's
    end), as its label and as written."""
    if r.range_end:
        return None, None
    ls = max(s_char, work.rfind("\n\n", max(0, r.start - _QUALIFIER_WINDOW - 1), r.start) + 1, r.start - _QUALIFIER_WINDOW)
    head = work[ls:r.start]
    if not _may_end_in_word(head):
        return None, None
    last = _LAST_WORD.search(head)
    if last is None or last.group(1).lower() not in lex.qualifier_ends:
        return None, None  # the qualifier must end right before the figure: its last word says whether one can
    qm = lex.qualifier_rx.search(head)
    if not qm:
        return None, None
    if qm.group(1).lower() in lex.ambiguous_qualifiers and (
            _any_in(before[-5:-1], lex.change_words) or _any_in(before[-5:-1], lex.target_words)):
        return None, None  # "довести товарооборот до 50 млрд": "до" is "to", not "up to"
    written = _SPACES.sub(" ", qm.group(1).lower())
    return lex.qualifiers[written], written


def is_change(before: Words, after: Words, lex: FigureLexicon, qualifier_words: int = 0) -> bool:
    """"grew by 34.9 percent", "up 5%", "a 3% increase"; not "up to 500 euros" (the words of the
    figure's qualifier, `qualifier_words`, are no change cue)."""
    near = [w[1] for w in before[-3:]]
    if any(w in lex.change_prepositions for w in near) and _any_in(before[-8:], lex.change_words):
        return True
    if before and not qualifier_words and (before[-1][1] in lex.change_words or before[-1][2] in lex.change_words):
        return True  # "rose 4%", "вырос 5%"
    adverbs = near[-2:][:max(0, 2 - qualifier_words)]
    if any(w in lex.change_adverbs for w in adverbs):
        return True
    return bool(after and (after[0][1] in lex.change_after or after[0][2] in lex.change_after
                           or (len(after) > 1 and f"{after[0][1]} {after[1][1]}" in lex.change_after)))


def is_target(r: RawFigure, work: str, e_char: int, before: Words, lex: FigureLexicon) -> bool:
    """"to reach $100 billion", "$100 billion by 2030": a goal, unless a word of what was
    reached stands closer ("reached", "составил")."""
    for k in range(len(before) - 1, max(-1, len(before) - 9), -1):
        w, n = before[k][1], before[k][2]
        if w in lex.target_blockers or n in lex.target_blockers:
            break
        if w in lex.target_words or n in lex.target_words:
            return True
    if before and before[-1][1] in lex.target_prepositions and _any_in(before[-8:-1], lex.target_verbs):
        return True  # "agreed to increase trade to $5 billion"
    return bool(lex.target_year.match(work[r.end:min(e_char, r.end + 20)]))


def measure(before: Words, after: Words, lex: FigureLexicon) -> str | None:
    """What the nearest trigger says is measured: the word right after the figure ("7.1 percent
    economic growth"), else the nearest before it, else one further after it. A word's measure
    with the word after it (w[4]) counts when that word is in the same window."""
    if after and (found := (after[0][4] if len(after) > 1 else None) or after[0][3]):
        return found
    last = len(before) - 1
    for idx in range(last, -1, -1):
        w = before[idx]
        if found := (w[4] if idx < last else None) or w[3]:
            return found
    last = len(after) - 1
    for idx in range(1, last + 1):
        w = after[idx]
        if found := (w[4] if idx < last else None) or w[3]:
            return found
    return None


def carried_measure(prev_end: int | None, prev_measure: str | None, r: RawFigure, work: str) -> str | None:
    """The measure of the figure before, in the same paragraph and close by ("trade reached
    $61.6 billion ... it will reach $66 billion")."""
    if prev_measure is None or prev_end is None or r.start - prev_end >= _CARRY_WINDOW or "\n\n" in work[prev_end:r.start]:
        return None
    return prev_measure


class DateIndex:
    """The dates with a value, by position, and the paragraph breaks of the text: the nearest
    date to a figure without scanning every date (which is quadratic in figures x dates)."""

    def __init__(self, dates: Sequence[DateMention], work: str) -> None:
        self.dates = sorted((d for d in dates if d.value is not None), key=lambda d: (d.start, d.end))
        self.starts = [d.start for d in self.dates]
        self.work = work
        self._breaks: list[int] | None = None  # found when a figure first has a date beside it

    def has_break(self, a: int, b: int) -> bool:
        """Whether a paragraph break ('\\n\\n') lies in work[a:b]."""
        if self._breaks is None:
            self._breaks = _breaks(self.work)
        i = bisect_left(self._breaks, a)
        return i < len(self._breaks) and self._breaks[i] + 2 <= b

    def near(self, s: int, e: int) -> list[DateMention]:
        """The dates that can be nearest to a figure at [s, e): a few on each side, in text order
        (mentions do not overlap, so a farther one is farther and behind the same breaks)."""
        mid = bisect_left(self.starts, s)
        return self.dates[max(0, mid - _NEAR_DATES):mid + _NEAR_DATES]


class DateSpans:
    """The dates' extents, sorted by start, with the farthest end reached so far: whether a
    figure overlaps a date by bisection (a scan of every date for each count is quadratic in a
    text of counts and dates)."""

    def __init__(self, dates: Sequence[DateMention]) -> None:
        spans = sorted((d.start, d.end) for d in dates)
        self.starts = [s for s, _ in spans]
        self.reach = list(accumulate((e for _, e in spans), max))

    def overlaps(self, s: int, e: int) -> bool:
        """Whether a date overlaps [s, e)."""
        k = bisect_left(self.starts, e)  # the dates that start before e
        return k > 0 and self.reach[k - 1] > s


def _breaks(work: str) -> list[int]:
    """Where a paragraph break ('\\n\\n') starts, every one (in '\\n\\n\\n' two), in order:
    found by `str.find` (a zero-width regex is tried at every position of the text)."""
    out, p = [], work.find("\n\n")
    while p != -1:
        out.append(p)
        p = work.find("\n\n", p + 1)
    return out


def nearest_date(dates: DateIndex, s: int, e: int, sent: tuple[int, int], next_figure: int | None = None) -> str | None:
    """The value of the date nearest the figure in its sentence and paragraph (one before it
    counts three times closer: the governing date usually comes first). A date after the next
    figure is that figure's ("$30 billion, and trade should reach $200 billion by 2024")."""
    best: tuple[int, str] | None = None
    for d in dates.near(s, e):
        if d.value is None or d.end <= sent[0] or d.start >= sent[1]:
            continue
        if next_figure is not None and d.start >= next_figure:
            continue
        if dates.has_break(d.end, s) if d.end <= s else dates.has_break(e, d.start):
            continue  # another paragraph (a header date line): not the date the figure refers to
        dist = s - d.end if d.end <= s else 3 * (d.start - e)
        if dist < 0:
            continue
        if best is None or dist < best[0]:
            best = (dist, d.value if d.role == "point" else d.value[:4])  # a range's end: its year
    return best[1] if best else None


def year_and_period(value: str | None) -> tuple[str | None, str | None]:
    """A governing date as the figure's `year` (always four digits) and `period` (the month or
    day, when the date is finer than a year)."""
    if value is None or not value[:4].isdigit():
        return None, None
    return value[:4], value if len(value) > 4 else None
