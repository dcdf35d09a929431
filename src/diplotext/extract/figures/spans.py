"""Finding figures' extents and values in a Doc: a spaCy matcher gives the anchors (currency
signs, codes and names, percent words, units, scale words), the grammar reads them; then
currency-rate tickers ("3.78 BYN" alone on a line) are dropped."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

import numpy
from spacy.matcher import PhraseMatcher
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc
from spacy.vocab import Vocab

from ...token_view import token_view
from ..patterns import pattern_tokenizer
from ..rules import scan_anchors
from ..vocab_cache import cached_per_vocab
from .grammar import RawFigure, figure_grammar
from .lexicon import FigureLexicon, figure_lexicon

_LOOKBACK = 4  # tokens before an anchor where a figure may start ("US$ 38 billion")
_LINE_WINDOW = 200  # characters searched either side for a money figure's line
_DASHES = "-–—"
_TICKER_MAX = 40  # a ticker line is at most this long
_TICKER = re.compile(r"^[^\W\d_]{0,3}[$€£₽¥]?[ ]?\d[\d.,]*[ ]?(?:[A-Z]{3}|[$€£₽¥]|руб\.?)?(?:[ ]+[+\-−–]?[\d.,]+%?)*[ ]*[▲▼↑↓]?$")


@dataclass
class FigureMatcher:
    vocab: Vocab
    anchors: PhraseMatcher
    exact: PhraseMatcher  # ISO codes as written ("ALL", "TRY" in upper case only)
    tails: frozenset[str]  # what may follow a number in the same token ("75ml", "100元")


@cached_per_vocab
def figure_matcher(vocab: Vocab, lang: str) -> FigureMatcher:
    """The figure anchors of one pipeline and language."""
    return build_figure_matcher(vocab, lang, pattern_tokenizer(vocab, lang))


def build_figure_matcher(vocab: Vocab, lang: str, tokenizer: Tokenizer) -> FigureMatcher:
    """The figure anchors, tokenized by `tokenizer`."""
    lex = figure_lexicon(lang)
    terms = (set(lex.prefixes) | set(lex.codes_after) | set(lex.currency_words) | set(lex.units) | set(lex.percent)
             | set(lex.points) | set(lex.numbers.data["scales"]))
    anchors = PhraseMatcher(vocab, attr="LOWER")
    anchors.add("FIGURE_ANCHOR", list(tokenizer.pipe(sorted(terms))))
    exact = PhraseMatcher(vocab, attr="ORTH")
    exact.add("FIGURE_CODE", list(tokenizer.pipe(sorted(lex.exact_codes))))
    tails = frozenset(set(lex.codes_after) | set(lex.currency_words) | set(lex.units) | set(lex.percent) | set(lex.points))
    return FigureMatcher(vocab=vocab, anchors=anchors, exact=exact, tails=tails)


_ATTACHED = re.compile(r"\d[\d.,/]*([^\d.,/][^.,]*)")


def _attached_anchors(doc: Doc, m: FigureMatcher) -> list[int]:
    """Tokens that are a number and what it counts written together ("75ml", "24703m2",
    "100元"), which no phrase of the lexicon matches: found by their shape (a digit first, then a
    letter or sign), so that only those few tokens are read."""
    shapes = doc.to_array("SHAPE")
    strings = doc.vocab.strings
    known = _ATTACHED_SHAPES
    if len(known) > _MAX_SHAPES:
        known.clear()
    wanted = []
    for h in numpy.unique(shapes).tolist():
        hit = known.get(h)
        if hit is None:
            hit = known[h] = _attached_shape(strings[h])
        if hit:
            wanted.append(h)
    if not wanted:
        return []
    texts = token_view(doc).texts
    out = []
    mask = shapes == wanted[0]
    for h in wanted[1:]:
        mask |= shapes == h
    for i in mask.nonzero()[0].tolist():
        hit = _ATTACHED.fullmatch(texts[i])
        if hit and hit.group(1).lower() in m.tails:
            out.append(i)
    return out


_ATTACHED_SHAPES: dict[int, bool] = {}
"""Whether a shape (by its hash, the hash of its text) is that of a number with something attached."""
_MAX_SHAPES = 100_000


def _attached_shape(shape: str) -> bool:
    return shape[:1] == "d" and any(not (c == "d" or c in ".,/") for c in shape)


def _start_positions(work: str, idx: list[int], lex: FigureLexicon) -> Callable[[int], tuple[list[int], int]]:
    """Where a figure holding anchor token `ts` may start: the anchor, or an earlier token that
    is a number, a currency sign or code, or a number word, not across a paragraph break."""
    n = len(idx)
    read: dict[int, tuple[int, bool]] = {}  # token -> (where a figure would start, -1 for none; whether before an anchor)

    def token(k: int) -> tuple[int, bool]:
        pos = idx[k]
        t = work[pos: idx[k + 1] if k + 1 < n else len(work)].rstrip()
        if t[:1] in _DASHES and t[1:2].isdigit():
            pos, t = pos + 1, t[1:]  # "75 -300mm": the number after a loose dash
        hit = read[k] = (pos, bool(t[:1].isdigit() or t.lower() in lex.starters or lex.prefix_start.match(t))) if t else (-1, False)
        return hit

    def positions(ts: int) -> tuple[list[int], int]:
        a_start = idx[ts]
        first = max(0, ts - _LOOKBACK)
        line_start = work.rfind("\n", idx[first], a_start) + 1  # only compared with pos in this window
        out = []
        for k in range(first, ts + 1):
            pos, starts = read[k] if k in read else token(k)  # each token read once: the windows of anchors overlap
            if pos < 0 or (k < ts and not starts):
                continue
            if pos < line_start and "\n\n" in work[pos:a_start]:
                continue
            out.append(pos)
        return out, a_start

    return positions


def _is_ticker(r: RawFigure, work: str) -> bool:
    """A currency-rate ticker: "3.78 BYN", "USD 3.2112 +0.0031" alone on a short line."""
    # bounded searches (a whole-line search per figure is quadratic on a one-line text)
    ls = work.rfind("\n", max(0, r.start - _LINE_WINDOW), r.start) + 1
    le = work.find("\n", r.end, r.end + _LINE_WINDOW)
    if (ls == 0 and r.start > _LINE_WINDOW and work[r.start - _LINE_WINDOW:r.start].strip()) or (
            le == -1 and len(work) > r.end + _LINE_WINDOW and work[r.end:r.end + _LINE_WINDOW].strip()):
        return False  # the line is longer than the window: not a ticker
    if ls == 0:
        ls = work.rfind("\n", 0, r.start) + 1
    if le == -1:
        le = work.find("\n", r.end)
    line = work[ls: le if le != -1 else len(work)].strip()
    return len(line) <= _TICKER_MAX and bool(_TICKER.match(line))


def find_figure_spans(doc: Doc, lang: str = "en", keep: Callable[[int], bool] = lambda _: True, work: str | None = None) -> list[RawFigure]:
    """The figures' extents and values, before semantics."""
    return read_figure_spans(doc, lang, keep, work)[0]


def read_figure_spans(doc: Doc, lang: str = "en", keep: Callable[[int], bool] = lambda _: True, work: str | None = None,
                      limit: int | None = None) -> tuple[list[RawFigure], bool]:
    """The figures' extents and values, before semantics, and whether the text holds more than
    `limit` of them (the grammar then stops reading, and the first `limit` are kept)."""
    lex = figure_lexicon(lang)
    matcher = figure_matcher(doc.vocab, lang)
    work = doc.text if work is None else work
    idx = token_view(doc).idx  # token offsets read once per Doc: no Token objects in the loop
    matches = [*matcher.anchors(doc), *matcher.exact(doc), *((0, i, i + 1) for i in _attached_anchors(doc, matcher))]
    anchors = [ts for _, ts, _ in sorted(matches, key=lambda x: (x[1], -x[2]))]
    grammar = figure_grammar(lang)
    found = scan_anchors(anchors, idx, _start_positions(work, idx, lex), grammar, work, lex, keep, None if limit is None else limit + 1)
    more = limit is not None and len(found) > limit
    if more:
        found = found[:limit]
    found = [r for r in found if r.kind != "money" or not _is_ticker(r, work)]
    return _with_minor_parts(_without_restatements(found, work, lex), work, lex), more


def _with_minor_parts(found: list[RawFigure], work: str, lex: FigureLexicon) -> list[RawFigure]:
    """"3 dollars 50 cents", "thirteen dollars and forty-five cents": an amount and the hundredths
    of its currency right after it are one amount."""
    out: list[RawFigure] = []
    for r in found:
        prev = out[-1] if out else None
        if (prev is not None and r.kind == prev.kind == "money" and _same_currency(prev, r, lex) and r.value < 1 <= prev.value
                and work[prev.end:r.start].strip().lower() in lex.minor_joiners and _is_minor(r, work, lex)
                and not _is_minor(prev, work, lex)):
            out[-1] = RawFigure(prev.start, r.end, prev.value + r.value, "money", prev.currency, None, rule=prev.rule,
                                shared=prev.shared if prev.shared == r.shared else None)
            continue
        out.append(r)
    return out


def _same_currency(major: RawFigure, minor: RawFigure, lex: FigureLexicon) -> bool:
    """Whether the hundredths are of the amount's currency ("1 hryvnia 44 kopecks": kopecks are
    the hryvnia's too)."""
    if major.currency == minor.currency:
        return True
    sign = lex.currencies.shared.get(minor.shared or "")
    return sign is not None and major.currency in sign.by_country.values()


def _is_minor(r: RawFigure, work: str, lex: FigureLexicon) -> bool:
    """Whether the figure is written in hundredths ("50 cents")."""
    text = work[r.start:r.end].lower()
    return any(text.endswith(w) for w in lex.minor)


def _without_restatements(found: list[RawFigure], work: str, lex: FigureLexicon) -> list[RawFigure]:
    """"a 450-km (280-mile) border": the bracketed quantity right after another restates it."""
    out: list[RawFigure] = []
    for r in found:
        prev = out[-1] if out else None
        if (prev is not None and r.kind == prev.kind == "quantity" and work[prev.end:r.start].strip() in lex.restatement_brackets
                and work[r.end:r.end + 2].strip()[:1] in (")", "]")):
            continue
        out.append(r)
    return out
