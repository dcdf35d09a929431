"""From decoded text to a `Statement`: the one place where the extractors are put together.

The spaCy Doc is made from the *working text* (same length as the input, spaces and
apostrophes unified), so every character offset that an extractor finds is an offset into the
input. Extractors only report what lies in content lines: boilerplate is tokenized like the
rest but never yields a value.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date as Date
from pathlib import Path
from typing import Any, TypeVar

from spacy.tokens import Doc

from . import __about__
from .extract.dates import find_date_candidates, resolve_dates
from .extract.docdate import find_document_date
from .extract.entities import ENTITIES_KEY, entities_from_spans, in_ranges
from .extract.figures import find_figures
from .extract.gazetteer import load_gazetteer
from .extract.meta import describe_document
from .extract.relations import find_relations
from .gc_pacing import paced_collector
from .kept_words import KeptWords
from .lang import detect_language
from .models import DateMention, DocumentDate, Figure, Removed, Source, Span, Statement
from .nlp import LANGUAGES, get_nlp
from .pieces import PIECE_CHARS, PieceParser, WorkingText, parse_in_pieces, rebuilt
from .segment import find_sections
from .text.clean import Line, find_layout
from .errors import CallerDateError, InputTooLargeError, LanguageError
from .text.decode import DEFAULT_MAX_BYTES, DEFAULT_MAX_CHARS, decode_bytes, scrub_surrogates
from .text.html import html_to_text, looks_like_html
from .text.normalize import working_text
from .token_view import forget_transient_strings


@dataclass(frozen=True)
class Prepared:
    """A decoded input, ready for the pipeline."""

    text: str
    work: str | WorkingText
    """The working text: a `pieces.WorkingText` (made window by window) for a long text prepared
    with ``whole_work=False``, which only `parse_prepared`, `parse_stream` and the batch take."""
    lang: str
    source: Source
    warnings: tuple[str, ...] = ()
    """What the reader of the output should know about the input (goes to `Statement.warnings`)."""
    furniture: frozenset[bytes] = frozenset()
    """Keys of the lines its batch repeats across many documents (`text.repeats`): site furniture."""


def prepare(
    text: str, *, lang: str | None = None, path: str | None = None, encoding: str = "utf-8", sha256: str | None = None,
    max_chars: int | None = DEFAULT_MAX_CHARS, whole_work: bool = True,
) -> Prepared:
    """Fix the language and the working text, and describe the source.

    `whole_work` False: a text parsed in pieces (over `PIECE_CHARS`) keeps no whole working
    text, each piece's is made from its part of the input (`pieces.WorkingText`): a 20 MB text's
    would be 40 MB more to hold while it is parsed.

    An HTML page (sniffed from its content) is read as the text `html_to_text` extracts from it,
    and `source.offsets` says that offsets index that text.

    Input guards: a text over `max_chars` characters raises `InputTooLargeError` (before any
    work, so a huge string cannot exhaust memory); a `lang` other than 'en'/'ru' raises
    `LanguageError`; lone surrogates (U+D800..U+DFFF, which no decoder yields but a Python
    string can hold) are replaced one for one by U+FFFD, with a warning, because they cannot be
    written as UTF-8 JSON: offsets stay valid and the result is not lost for one bad character.
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, not {type(text).__name__} (decode bytes with parse_file or decode_bytes)")
    if max_chars is not None and len(text) > max_chars:
        raise InputTooLargeError(
            f"text is {len(text):,} characters, over the limit of {max_chars:,} (raise it with max_chars=)"
        )
    if lang is not None and lang != "" and (not isinstance(lang, str) or lang not in LANGUAGES):  # "": detect
        raise LanguageError(f"language {lang!r} is not supported; use one of {', '.join(LANGUAGES)}")
    digest = sha256 or hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
    text, surrogates = scrub_surrogates(text)
    warnings: tuple[str, ...] = ()
    if surrogates:
        shown = ", ".join(map(str, surrogates[:10])) + (", ..." if len(surrogates) > 10 else "")
        warnings = (f"replaced {len(surrogates)} lone surrogate character(s) with U+FFFD at offset(s) {shown}: "
                    "they are not valid Unicode and cannot be written as UTF-8",)
    offsets = "input"
    if looks_like_html(text):
        text, offsets = html_to_text(text), "html_text"
    if lang:
        mismatch = _language_warning(text, lang)
        warnings += (mismatch,) if mismatch else ()
    lang = lang or detect_language(text)
    get_nlp(lang)  # fail early and clearly on an unsupported language
    source = Source(
        path=path, sha256=digest, encoding=encoding, chars=len(text), offsets=offsets, diplotext_version=__about__.__version__
    )  # type: ignore[arg-type]
    work = working_text(text) if whole_work or len(text) <= PIECE_CHARS else WorkingText(text)
    return Prepared(text=text, work=work, lang=lang, source=source, warnings=warnings)


_ISO_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
_GRANULARITY = {1: "year", 2: "month", 3: "day"}


def check_caller_date(value: str | Date) -> tuple[str, str]:
    """(ISO value, granularity) of the date a caller gives, or `CallerDateError` (a `ValueError`):
    a date, or an ISO year, month or day that exists ('2012', '2012-06', '2012-06-19')."""
    if isinstance(value, Date):  # a datetime too: its day
        return Date(value.year, value.month, value.day).isoformat(), "day"
    m = _ISO_DATE.fullmatch(value) if isinstance(value, str) else None
    if m is None:
        raise CallerDateError(f"date {value!r}: give an ISO year, month or day (2012, 2012-06 or 2012-06-19)")
    parts = [int(g) for g in m.groups() if g is not None]
    try:
        Date(parts[0], *(parts[1:] + [1, 1])[:2])
    except ValueError as exc:
        raise CallerDateError(f"date {value!r}: no such date ({exc})") from None
    return value, _GRANULARITY[len(parts)]


def _caller_date(value: str | Date | None) -> DocumentDate | None:
    if value is None:
        return None
    iso, granularity = check_caller_date(value)
    return DocumentDate(value=iso, granularity=granularity, source="caller")  # type: ignore[arg-type]


_LATIN_LETTER = re.compile(r"[A-Za-z]")
_CYRILLIC_LETTER = re.compile(r"[\u0400-\u04ff]")
_MISMATCH_SAMPLE, _MISMATCH_LETTERS = 20_000, 200


def _language_warning(text: str, lang: str) -> str | None:
    """A warning when `lang` was forced on a text clearly in the other script: at least 200
    letters, and fewer than one in ten of them in the script of `lang`."""
    head = text[:_MISMATCH_SAMPLE]
    latin, cyrillic = len(_LATIN_LETTER.findall(head)), len(_CYRILLIC_LETTER.findall(head))
    own, other = (cyrillic, latin) if lang == "ru" else (latin, cyrillic)
    if own + other < _MISMATCH_LETTERS or own * 9 >= other:
        return None
    script = "Latin" if lang == "ru" else "Cyrillic"
    return (f"the language was forced to {lang!r}, but the text is written in {script} letters "
            f"({other:,} of {own + other:,} letters): the results will be poor; leave the language to be detected")


_Sliced = TypeVar("_Sliced", DocumentDate, DateMention, Figure)


_REMOVED = Removed(text="", start=0, end=0, reason="")
"""What every removed line is built from (`rebuilt`: a copy with every field set anew)."""


def _removed(ln: Line, text: str) -> Removed:
    """A removed line as output: its values come checked from the layout (offsets into `text`,
    a reason string), so the model is built without validating them again, one per removed
    line, as a copy of `_REMOVED` with its four fields set (what `model_construct` makes, in
    two thirds of its time: a text of short lines removes hundreds of thousands)."""
    return rebuilt(_REMOVED, text=text[ln.start:ln.end], start=ln.start, end=ln.end, reason=ln.reason)


def _with_input_text(value: _Sliced, text: str) -> _Sliced:
    """`value` with its `text` read from the input.

    Figures and the document date come with the working text's slice, which is the input's
    unless a space or an apostrophe was unified there (rare): such a value is kept as it is (a
    copy would be equal) instead of copied. Dates come with no text, and are copied.
    """
    piece = text[value.start:value.end]  # type: ignore[index]
    return value if value.text == piece else value.model_copy(update={"text": piece})


def build_statement(prep: Prepared, doc: Doc, *, date: str | Date | None = None, gazetteer: Path | None = None) -> Statement:
    """Run every extractor over one prepared input and its Doc."""
    text, work, lang = prep.text, prep.work, prep.lang
    if not isinstance(work, str):  # a long input's: parsed in pieces, each with its own working text
        raise TypeError("build_statement takes an input of one piece (see parse_prepared)")
    layout = find_layout(work, lang, prep.furniture)
    content_ranges = [(ln.start, ln.end) for ln in layout.content]
    keep = in_ranges(content_ranges)

    entities = entities_from_spans(doc.spans[ENTITIES_KEY], load_gazetteer(gazetteer), text, keep)
    date_candidates = find_date_candidates(doc, lang, keep, work)
    doc_date = _caller_date(date) or find_document_date(date_candidates, layout, work, lang)
    if doc_date is not None and doc_date.start is not None and doc_date.end is not None:
        doc_date = _with_input_text(doc_date, text)
    dates = resolve_dates(date_candidates, lang, doc_date.value if doc_date else None)
    figure_warnings: list[str] = []
    figures = find_figures(doc, lang, keep, dates, work, warnings=figure_warnings)
    title = layout.title
    title_text = " ".join(text[title.start:title.end].split()) if title else None
    meta = describe_document(layout, find_sections(text, layout, lang=lang, work=work), entities, title_text, lang)
    relations = find_relations(doc, lang, text, keep, dates, gazetteer)  # instruments, events, stances
    known_ids = {e.id for e in entities}

    return Statement(
        source=prep.source,
        language=lang,  # type: ignore[arg-type]
        title=title_text,
        title_span=Span(text=text[title.start:title.end], start=title.start, end=title.end) if title else None,
        kind=meta.kind,
        kind_evidence=meta.kind_evidence,
        date=doc_date,
        venue=meta.venue,
        parties=meta.parties,
        sections=meta.sections,
        entities=entities + [e for e in relations.instruments if e.id not in known_ids],
        dates=[_with_input_text(d, text) for d in dates],
        figures=[_with_input_text(f, text) for f in figures],
        events=relations.events,
        stances=relations.stances,
        removed=[_removed(ln, text) for ln in layout.removed],
        warnings=[*prep.warnings, *figure_warnings],
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
    max_chars: int | None = DEFAULT_MAX_CHARS,
) -> Statement:
    if date is not None:
        check_caller_date(date)  # before any work
    prep = prepare(text, lang=lang, path=path, encoding=encoding, sha256=sha256, max_chars=max_chars, whole_work=False)
    return parse_prepared(prep, date=date, gazetteer=gazetteer)


def parse_prepared(prep: Prepared, *, date: str | Date | None = None, gazetteer: Path | None = None) -> Statement:
    """The statement of one prepared input (`prepare`), in pieces when it is long."""
    with paced_collector():
        if len(prep.work) > PIECE_CHARS:
            return parse_long(prep, date, gazetteer)
        doc = get_nlp(prep.lang, gazetteer)(prep.work)
        return build_statement(prep, doc, date=date, gazetteer=gazetteer)


def parse_long(prep: Prepared, date: str | Date | None, gazetteer: Path | None) -> Statement:
    """A long input piece by piece (`pieces`), each piece's Doc in a memory zone of its own."""
    return parse_in_pieces(prep, piece_parser(prep.lang, gazetteer), date=date, size=PIECE_CHARS)


def piece_parser(lang: str, gazetteer: Path | None) -> PieceParser:
    """What parses each piece of a long input (`pieces.PieceParser`): its Doc in a memory zone of its own."""
    nlp = get_nlp(lang, gazetteer)

    def parse_piece(piece: Prepared, piece_date: str | Date | None) -> Statement:
        with _transient_strings(nlp, 1, len(piece.work)):
            return build_statement(piece, nlp(piece.work), date=piece_date, gazetteer=gazetteer)

    return parse_piece


STREAM_BATCH_DOCS = 64
"""Documents per `nlp.pipe` batch in `parse_stream`; a batch is also cut at `STREAM_BATCH_CHARS`."""
STREAM_BATCH_CHARS = 2_000_000


def parse_stream(
    prepared: Iterable[Prepared | Any],
    *,
    date: str | Date | None = None,
    gazetteer: Path | None = None,
    batch_docs: int = STREAM_BATCH_DOCS,
    batch_chars: int = STREAM_BATCH_CHARS,
) -> Iterator[Statement | Exception | Any]:
    """Parse many prepared inputs with `nlp.pipe`, yielding one result per input, in input order.

    Inputs are taken in small batches (at most `batch_docs` documents or `batch_chars`
    characters, so memory stays flat however long the stream); within a batch they are grouped
    by language and each group goes through its pipeline's `nlp.pipe`. A failure never ends the
    stream: the input that failed yields its exception (a `DiplotextError` for a bad input,
    anything else is a bug) in its place and the next input is parsed. An item that is not a
    `Prepared` (an exception for a file that could not be read, a caller's marker for an input
    it skips) is passed through unchanged in its place.
    """
    if date is not None:
        check_caller_date(date)
    chunk: list[Prepared | Any] = []
    chars = 0
    for prep in prepared:
        chunk.append(prep)
        chars += len(prep.work) if isinstance(prep, Prepared) else 0
        if len(chunk) >= batch_docs or chars >= batch_chars:
            yield from _parse_chunk(chunk, date, gazetteer)
            chunk, chars = [], 0
    if chunk:
        yield from _parse_chunk(chunk, date, gazetteer)


def _parse_chunk(chunk: list[Prepared | Any], date: str | Date | None, gazetteer: Path | None) -> list[Statement | Exception | Any]:
    with paced_collector():  # not across the yields of `parse_stream`: the caller's code runs there
        return _parse_grouped(chunk, date, gazetteer)


def _parse_grouped(chunk: list[Prepared | Any], date: str | Date | None, gazetteer: Path | None) -> list[Statement | Exception | Any]:
    results: list[Any] = [None] * len(chunk)
    by_lang: dict[str, list[int]] = {}
    for i, prep in enumerate(chunk):
        if isinstance(prep, Prepared) and len(prep.work) > PIECE_CHARS:
            results[i] = _parse_long_or_error(prep, date, gazetteer)
        elif isinstance(prep, Prepared):
            by_lang.setdefault(prep.lang, []).append(i)
        else:
            results[i] = prep
    for lang, idx in by_lang.items():
        try:
            nlp = get_nlp(lang, gazetteer)
        except Exception as exc:  # noqa: BLE001 - reported per input
            for i in idx:
                results[i] = exc
            continue
        with _transient_strings(nlp, len(idx), sum(len(chunk[i].work) for i in idx)) as kept:
            _parse_group(nlp, chunk, idx, results, date, gazetteer, kept)
    return results


def _parse_long_or_error(prep: Prepared, date: str | Date | None, gazetteer: Path | None) -> Statement | Exception:
    try:
        return parse_long(prep, date, gazetteer)
    except Exception as exc:  # noqa: BLE001 - reported in its place
        return exc


_WARMED: set[int] = set()
"""The pipelines (by id) that have parsed a batch outside a memory zone."""


@dataclass
class _OpenZone:
    """A memory zone left open after its batch, in a process that spans zones across calls."""

    exit: Any  # the zone's ``__exit__``
    docs: int = 0
    chars: int = 0


_SPANNING: dict[int, _OpenZone | None] | None = None
"""The zone open now of each pipeline (by id), once `span_memory_zones` was called (in a worker
process); None before."""


def span_memory_zones() -> None:
    """From now on, in this process, a stream's memory zone lasts until it has held
    `STREAM_BATCH_DOCS` documents or `STREAM_BATCH_CHARS` characters, across calls of
    `parse_stream`, instead of ending with each call.

    A worker process is handed a batch in many small chunks (so that the cores stay evenly
    busy), each a call of its own; a zone per chunk would drop and build again the words every
    chunk shares, several times as often as one process reading the same stream does. A zone
    ends at the start of a call, when no Doc of the calls before it is alive."""
    global _SPANNING
    if _SPANNING is None:
        _SPANNING = {}


_KEPT: dict[int, KeptWords] = {}
"""The words each pipeline (by id) keeps across its memory zones."""


@contextmanager
def _transient_strings(nlp: Any, docs: int = 1, chars: int = 0) -> Iterator[KeptWords | None]:
    """A memory zone for one batch of a stream (spaCy's ``nlp.memory_zone()``): the words and
    names the batch adds to the pipeline's shared Vocab are dropped when it ends (and from the
    token views' cache of strings), so that memory stays flat over an endless stream, except
    the words that recur from zone to zone (`KeptWords`, which the batch's Docs are given to).
    A pipeline's first batch runs outside one, so that what the extractors build once per Vocab
    on first use (their matchers) is built to stay. (`docs`, `chars`: the batch's size, which
    decides when a zone that spans calls ends; see `span_memory_zones`.)"""
    if id(nlp) not in _WARMED:
        _WARMED.add(id(nlp))
        yield None
        return
    kept = _KEPT.setdefault(id(nlp), KeptWords())
    if _SPANNING is None:
        with nlp.memory_zone():
            yield kept
            words = kept.recurring(nlp.vocab)
        _end_zone(nlp, kept, words)
        return
    zone = _SPANNING.get(id(nlp))
    if zone is not None and (zone.docs >= STREAM_BATCH_DOCS or zone.chars >= STREAM_BATCH_CHARS):
        _SPANNING[id(nlp)] = None
        words = kept.recurring(nlp.vocab)
        zone.exit(None, None, None)
        _end_zone(nlp, kept, words)
        zone = None
    if zone is None:
        manager = nlp.memory_zone()
        manager.__enter__()
        zone = _SPANNING[id(nlp)] = _OpenZone(manager.__exit__)
    yield kept
    zone.docs += docs
    zone.chars += chars


def _end_zone(nlp: Any, kept: KeptWords, words: list[str]) -> None:
    """After a zone: its strings forgotten by the token views, its recurring words kept."""
    forget_transient_strings(nlp.vocab.strings)
    kept.keep(nlp.vocab, words)


def _parse_group(nlp: Any, chunk: list[Prepared | Any], idx: list[int], results: list[Any], date: str | Date | None,
                 gazetteer: Path | None, kept: KeptWords | None) -> None:
    """The statements of the inputs `idx` of `chunk`, all of one language, into `results`
    (their Docs' words noted in `kept`, unless the batch runs outside a memory zone)."""
    try:
        docs: list[Doc | Exception] = list(nlp.pipe([chunk[i].work for i in idx]))  # type: ignore[union-attr]
    except Exception:  # noqa: BLE001 - one bad document: find it by parsing one at a time
        docs = []
        for i in idx:
            try:
                docs.append(nlp(chunk[i].work))  # type: ignore[union-attr]
            except Exception as exc:  # noqa: BLE001
                docs.append(exc)
    for i, doc in zip(idx, docs):
        if isinstance(doc, Exception):
            results[i] = doc
            continue
        if kept is not None:
            kept.note(doc)
        try:
            results[i] = build_statement(chunk[i], doc, date=date, gazetteer=gazetteer)  # type: ignore[arg-type]
        except Exception as exc:  # noqa: BLE001
            results[i] = exc


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
    # bytes decode to at most as many characters: the one limit governs both
    return parse_text(text, date=date, lang=lang, path=display_path or str(path), encoding=encoding, sha256=digest,
                      gazetteer=gazetteer, max_chars=max_bytes)
