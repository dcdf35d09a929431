"""Figures as a spaCy component, for a user's own pipeline: ``nlp.add_pipe("diplotext_figures")``.

It writes every figure into ``doc.spans["diplotext_figures"]`` (label: the kind) with the
`Figure` in ``span._.diplotext`` (value, currency, unit, measure, year, ...). The dates that give
figures their year are those ``diplotext_dates`` wrote, when it runs before; otherwise they
are read here (with no document date).
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ...models import DateMention
from ...tokenizer import TEXT_KEY
from ..dates import find_dates
from ..dates.component import DATES_KEY, check_language
from . import find_figures

FIGURES_KEY = "diplotext_figures"


class FigureRecognizer:
    """Every figure of the Doc into ``doc.spans["diplotext_figures"]``."""

    def __init__(self, lang: str) -> None:
        self.lang = check_language(lang, "figures")

    def __call__(self, doc: Doc) -> Doc:
        text = doc.user_data.get(TEXT_KEY) or doc.text
        if DATES_KEY in doc.spans:
            dates = [s._.diplotext for s in doc.spans[DATES_KEY] if isinstance(s._.diplotext, DateMention)]
        else:
            dates = find_dates(doc, self.lang, doc_date=doc._.diplotext_date, work=text)
        spans = []
        for f in find_figures(doc, self.lang, dates=dates, work=text):
            span = doc.char_span(f.start, f.end, label=f.kind, alignment_mode="expand")
            if span is None:
                continue
            span._.diplotext = f
            spans.append(span)
        doc.spans[FIGURES_KEY] = spans
        return doc


@Language.factory("diplotext_figures")
def make_figure_recognizer(nlp: Language, name: str) -> FigureRecognizer:
    return FigureRecognizer(nlp.lang)
