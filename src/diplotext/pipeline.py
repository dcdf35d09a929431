"""From decoded text to a `Statement`: the one place where the extractors are put together.

The spaCy Doc is made from the *working text* (same length as the input, spaces and
apostrophes unified), so every character offset that an extractor finds is an offset into the
input. Extractors only report what lies in content lines: boilerplate is tokenized like the
rest but never yields a value.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date as Date
from pathlib import Path

from spacy.tokens import Doc

from . import __about__
from .extract.dates import find_dates
from .extract.docdate import find_document_date
from .extract.entities import ENTITIES_KEY, entities_from_spans, in_ranges
from .extract.figures import find_figures
from .extract.gazetteer import load_gazetteer
from .extract.meta import describe_document
from .lang import detect_language
from .models import DocumentDate, Removed, Source, Span, Statement
from .nlp import get_nlp
from .segment import find_sections
from .text.clean import find_layout
from .text.decode import DEFAULT_MAX_BYTES, decode_bytes
from .text.html import html_to_text, looks_like_html
from .text.normalize import working_text


@dataclass(frozen=True)
class Prepared:
    """A decoded input, ready for the pipeline."""

    text: str
    work: str
    lang: str
    source: Source


def prepare(
    text: str, *, lang: str | None = None, path: str | None = None, encoding: str = "utf-8", sha256: str | None = None
) -> Prepared:
    """Fix the language and the working text, and describe the source.

    An HTML page (sniffed from its content) is read as the text `html_to_text` extracts from it,
    and `source.offsets` says that offsets index that text.
    """
    digest = sha256 or hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
    offsets = "input"
    if looks_like_html(text):
        text, offsets = html_to_text(text), "html_text"
    lang = lang or detect_language(text)
    get_nlp(lang)  # fail early and clearly on an unsupported language
    source = Source(
        path=path, sha256=digest, encoding=encoding, chars=len(text), offsets=offsets, diplotext_version=__about__.__version__
    )  # type: ignore[arg-type]
    return Prepared(text=text, work=working_text(text), lang=lang, source=source)


def _caller_date(value: str | Date | None) -> DocumentDate | None:
    if value is None:
        return None
    iso = value.isoformat() if isinstance(value, Date) else str(value)
    granularity = {10: "day", 7: "month", 4: "year"}.get(len(iso), "day")
    return DocumentDate(value=iso, granularity=granularity, source="caller")  # type: ignore[arg-type]


def build_statement(prep: Prepared, doc: Doc, *, date: str | Date | None = None, gazetteer: Path | None = None) -> Statement:
    """Run every extractor over one prepared input and its Doc."""
    text, work, lang = prep.text, prep.work, prep.lang
    layout = find_layout(work, lang)
    content_ranges = [(ln.start, ln.end) for ln in layout.content]
    keep = in_ranges(content_ranges)

    entities = entities_from_spans(doc.spans[ENTITIES_KEY], load_gazetteer(gazetteer), text, keep)
    dates = find_dates(work, lang, keep)
    doc_date = _caller_date(date) or find_document_date(dates, layout.content)
    figures = find_figures(work, lang, keep)
    title = layout.title
    title_text = " ".join(text[title.start:title.end].split()) if title else None
    meta = describe_document(layout, find_sections(text, layout, lang=lang, work=work), entities, title_text, lang)

    def slice_(s: int, e: int) -> str:
        return text[s:e]

    return Statement(
        source=prep.source,
        language=lang,  # type: ignore[arg-type]
        title=title_text,
        title_span=Span(text=slice_(title.start, title.end), start=title.start, end=title.end) if title else None,
        kind=meta.kind,
        date=doc_date,
        venue=meta.venue,
        parties=meta.parties,
        sections=meta.sections,
        entities=entities,
        dates=[d.model_copy(update={"text": slice_(d.start, d.end)}) for d in dates],
        figures=[f.model_copy(update={"text": slice_(f.start, f.end)}) for f in figures],
        removed=[Removed(text=slice_(ln.start, ln.end), start=ln.start, end=ln.end, reason=ln.reason) for ln in layout.removed],
    )


def parse_text(
    text: str,
    *,
    date: str | Date | None = None,
    lang: str | None = None,
    path: str | None = None,
    encoding: str = "utf-8",
    sha256: str | None = None,
    gazetteer: Path | None = None,
) -> Statement:
    prep = prepare(text, lang=lang, path=path, encoding=encoding, sha256=sha256)
    doc = get_nlp(prep.lang, gazetteer)(prep.work)
    return build_statement(prep, doc, date=date, gazetteer=gazetteer)


def read_path(path: Path, *, max_bytes: int | None = DEFAULT_MAX_BYTES) -> tuple[str, str, str]:
    """Read and decode a file: (text, encoding, sha256 of the bytes)."""
    from .text.files import read_bytes

    data = read_bytes(path, max_bytes=max_bytes)
    decoded = decode_bytes(data, max_bytes=max_bytes)
    return decoded.text, decoded.encoding, hashlib.sha256(data).hexdigest()


def parse_path(
    path: Path,
    *,
    date: str | Date | None = None,
    lang: str | None = None,
    display_path: str | None = None,
    gazetteer: Path | None = None,
    max_bytes: int | None = DEFAULT_MAX_BYTES,
) -> Statement:
    text, encoding, digest = read_path(path, max_bytes=max_bytes)
    return parse_text(text, date=date, lang=lang, path=display_path or str(path), encoding=encoding, sha256=digest, gazetteer=gazetteer)
