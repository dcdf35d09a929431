"""Plain twin of `diplotext.extract.figures.semantics.WordIndex`: every word of the Doc read at
once, token by token, in the order the rules say.

The property test in tests/test_figure_words.py checks that the index, which reads a word only
when a figure's window first holds it, gives the same words.
"""

from __future__ import annotations

from spacy.tokens import Doc

from diplotext.extract.figures.lexicon import FigureLexicon


def words(doc: Doc, lex: FigureLexicon) -> list[tuple[int, str, str, str | None, str | None]]:
    """(token index, lower form, normal form, measure it names, measure it names with the next
    word) of every word token (no space, no punctuation)."""
    toks = [t for t in doc if not t.is_space and not t.is_punct]
    lows = [t.lower_ for t in toks]
    norms = [t.norm_ for t in toks] if lex.normal_forms else lows
    m = lex.measures
    single = [m.get(lo) or m.get(no) for lo, no in zip(lows, norms)]
    for g, t in enumerate(toks):  # "e-commerce": the compound names the measure, not its head
        k = t.i
        if single[g] and k >= 2 and doc[k - 1].text == "-" and not doc[k - 2].whitespace_ and not doc[k - 1].whitespace_:
            single[g] = m.get(f"{doc[k - 2].lower_}-{lows[g]}")
    pairs = [m.get(f"{lows[g]} {lows[g + 1]}") or m.get(f"{norms[g]} {norms[g + 1]}") for g in range(len(toks) - 1)] + [None]
    for g in range(1, len(toks)):  # "electronic commerce": no trade volume
        if single[g] and (f"{lows[g - 1]} {lows[g]}" in lex.measure_blockers or f"{norms[g - 1]} {norms[g]}" in lex.measure_blockers):
            single[g] = pairs[g - 1] = None
    return [(t.i, lows[g], norms[g], single[g], pairs[g]) for g, t in enumerate(toks)]


def between(doc: Doc, lex: FigureLexicon, i: int, j: int) -> list[tuple[int, str, str, str | None, str | None]]:
    """The words of doc[i:j]."""
    return [w for w in words(doc, lex) if max(0, i) <= w[0] < min(len(doc), j)]
