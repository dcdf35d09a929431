"""Dates as a spaCy component, for a user's own pipeline: ``nlp.add_pipe("diplotext_dates")``.

It writes every date into ``doc.spans["diplotext_dates"]`` (label: the granularity) with the
`DateMention` in ``span._.diplotext`` (ISO value, role, rule that read it). Parts the text leaves
out come from ``document_date`` (ISO), when the pipeline is configured with one, or from
``doc._.diplotext_date`` set on the Doc before the component runs.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from ...errors import LanguageError
from ...resources import load_json
from ...tokenizer import TEXT_KEY
from .resolve import find_dates

DATES_KEY = "diplotext_dates"

for _obj, _ext in ((Span, "diplotext"), (Doc, "diplotext_date")):
    if not _obj.has_extension(_ext):
        _obj.set_extension(_ext, default=None)


def check_language(lang: str, what: str) -> str:
    try:
        load_json(f"{lang}/{what}.json")
    except FileNotFoundError:
        raise LanguageError(f"diplotext has no {what} lexicon for language {lang!r}") from None
    return lang


class DateRecognizer:
    """Every date of the Doc into ``doc.spans["diplotext_dates"]``."""

    def __init__(self, lang: str, document_date: str | None) -> None:
        self.lang = check_language(lang, "dates")
        self.document_date = document_date

    def __call__(self, doc: Doc) -> Doc:
        text = doc.user_data.get(TEXT_KEY) or doc.text
        base = doc._.diplotext_date or self.document_date
        spans = []
        for d in find_dates(doc, self.lang, doc_date=base, work=text):
            span = doc.char_span(d.start, d.end, label=d.granularity, alignment_mode="expand")
            if span is None:
                continue
            span._.diplotext = d.model_copy(update={"text": text[d.start:d.end]})
            spans.append(span)
        doc.spans[DATES_KEY] = spans
        return doc


@Language.factory("diplotext_dates", default_config={"document_date": None})
def make_date_recognizer(nlp: Language, name: str, document_date: str | None) -> DateRecognizer:
    return DateRecognizer(nlp.lang, document_date)
