"""Figures: money, percentages and quantities with units, as `Decimal` with the scale applied,
and what each one measures.

Like dates, in steps:

1. *Candidates* (`spans.py`): a spaCy ``PhraseMatcher`` over the lexicon's anchors (currency
   signs, codes and names in every case, percent words, units, scale words).
2. The *grammar* (`grammar.py`): an ordered table of named rules, anchored at each anchor or a
   few tokens before it: a currency before the number ("US$ 38 billion"), a scale and a
   currency, unit or percent after it ("38 млрд долларов США", "12,5%"), a range ("5–7%"), a
   number and a scale whose noun is left out. Each figure knows the rule that read it.
3. *Semantics* (`semantics.py`): qualifier, change, target, measure and year, one function each.

Not figures: dates, ordinals, numbered points and phone numbers never match the grammar;
currency-rate tickers ("3.78 BYN" alone on a line) are dropped.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from spacy.tokens import Doc

from ...models import DateMention, Figure
from . import semantics as sem
from .currency import CurrencyContext
from .grammar import RawFigure, figure_grammar, figure_rules, tail_kind
from .lexicon import FigureLexicon, figure_lexicon
from .spans import FigureMatcher, build_figure_matcher, figure_matcher, find_figure_spans, read_figure_spans


def _previous_sentence_measure(ws: sem.WordIndex, sents: sem.Sentences, s_tok: int, s_char: int, lex: FigureLexicon) -> str | None:
    """"Trade is going up. It already reached $61.6 billion.": the measure named in the
    sentence before, in the same paragraph."""
    if s_tok <= 0:
        return None
    p_start, p_end, _, p_end_char = sents.of_token(s_tok - 1)
    if "\n\n" in sents.work[p_end_char:s_char]:
        return None
    return sem.measure(ws.between(max(p_start, p_end - lex.window_before), p_end), [], lex)


def _currency(r: RawFigure, ctx: CurrencyContext, sent: tuple[int, int]) -> tuple[str | None, list[str]]:
    """The figure's currency, and what decided it when the sign is shared ("$", "¥")."""
    if r.shared is None:
        return r.currency, []
    code, how = ctx.resolve(r.shared, r.start, r.end, sent)
    return code, [how] if how else []


MIN_FIGURES = 10_000
"""Figures read in any text, however short (the most in a document of the corpus: 90)."""
CHARS_PER_FIGURE = 50
"""In a longer text, one figure per this many characters on average is read (the densest
document of the corpus has one per 105; lines of '5% ' have one per 4)."""


def figure_limit(chars: int) -> int:
    """The most figures read in a text of `chars` characters: a table or a hostile run of numbers
    costs time and memory bounded by its length, and what is not read is said in a warning."""
    return max(MIN_FIGURES, chars // CHARS_PER_FIGURE)


def find_figures(
    doc: Doc,
    lang: str = "en",
    keep: Callable[[int], bool] = lambda _: True,
    dates: Sequence[DateMention] = (),
    work: str | None = None,
    warnings: list[str] | None = None,
) -> list[Figure]:
    """Every money amount, percentage and quantity in the Doc, with what it measures, up to
    `figure_limit` of them (the first ones; a warning then goes to `warnings`). `work` is the
    Doc's text if at hand (``Doc.text`` rebuilds it token by token)."""
    work = doc.text if work is None else work
    limit = figure_limit(len(work))
    raws, more = read_figure_spans(doc, lang, keep, work, limit)
    if more and warnings is not None:
        warnings.append(f"figures: the text holds more than {limit} (one per {CHARS_PER_FIGURE} characters on average, at least "
                        f"{MIN_FIGURES}); only the first {limit} were read")
    if not raws:
        return []
    lex = figure_lexicon(lang)
    date_spans = sem.DateSpans(dates)
    dated = sem.DateIndex(dates, work)
    sents = sem.Sentences(doc, work)
    ws = sem.WordIndex(doc, lex)
    ctx = CurrencyContext(work, lex.currencies)
    out: list[Figure] = []
    for i, raw in enumerate(raws):
        (s_tok, e_tok, s_char, e_char), ts, te = sents.of_span(raw.start, raw.end)
        r: RawFigure | None = raw
        if raw.kind == "count":
            r = None if date_spans.overlaps(raw.start, raw.end) else sem.borrow_kind(raws, i, (s_char, e_char))
        if r is None:
            continue
        before = ws.between(max(s_tok, ts - lex.window_before), ts)
        after = ws.between(te, min(e_tok, te + lex.window_after))
        measure = (sem.measure(before, after, lex)
                   or sem.carried_measure(out[-1].end if out else None, out[-1].measure if out else None, r, work)
                   or _previous_sentence_measure(ws, sents, s_tok, s_char, lex))
        qualifier, qualifier_raw = sem.qualifier(r, work, s_char, before, lex)
        next_start = raws[i + 1].start if i + 1 < len(raws) and not raws[i + 1].range_end else None
        year, period = sem.year_and_period(sem.nearest_date(dated, r.start, r.end, (s_char, e_char), next_start))
        currency, decided = _currency(r, ctx, (s_char, e_char))
        out.append(Figure(
            text=work[r.start:r.end], start=r.start, end=r.end, value=r.value, kind=r.kind,  # type: ignore[arg-type]
            currency=currency, currency_inferred=bool(decided), unit=r.unit, measure=measure, year=year, period=period,
            qualifier=qualifier,
            change=sem.is_change(before, after, lex, len(qualifier_raw.split()) if qualifier_raw else 0),
            target=sem.is_target(r, work, e_char, before, lex),
            confidence=(1.0 if r is raw else 0.8) * (0.9 if decided else 1.0),
            evidence=([r.rule] if r is raw else [r.rule, "unit_from_neighbour"]) + decided,
        ))
    return out
