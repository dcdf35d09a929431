"""Document metadata: what kind of document it is (`extract.kind`), who makes the statement, and where."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from ..lang.ru import morphology
from ..models import DocumentKind, Entity, Section
from ..segment import is_news_dateline
from ..text.clean import Layout
from ..text.title import CAPTION
from .kind import DOCUMENT_KINDS, Page, classify_kind, decide_kind, own_kind, speech_share
from .kind.lexicon import alternation as _alt
from .kind.lexicon import every as _every
from .kind.lexicon import kind_words

__all__ = ["DocumentMeta", "classify_kind", "describe_document", "find_parties", "find_venue", "own_kind", "speech_share"]


# ---------------------------------------------------------------------------------------------
# Parties and venue
# ---------------------------------------------------------------------------------------------



@lru_cache(maxsize=None)
def _topic_cut() -> re.Pattern[str]:
    """Where a title's topic starts: "... on ...", "... in connection with ...", "... по итогам ..."."""
    return re.compile(rf"\s(?:{_alt(_every('topic_words') + _every('topic_phrases'))})\s", re.I)


def find_parties(
    entities: Sequence[Entity], title_span: tuple[int, int] | None, title: str | None,
    first_sentence: tuple[int, int] | None = None, *, document: bool = False,
) -> list[str]:
    """Ids of those who make the statement: the states and organizations the title names before
    its topic ("Joint Statement of Belarus and Russia on ..."); for a document whose title names
    none ("Joint Statement of the Leaders of the Five Nuclear-Weapon States"), those its first
    sentence names."""
    ids: list[str] = []
    if title_span is not None and title:
        t_start, t_end = title_span
        m = _topic_cut().search(title)  # `title` is the input's slice at `title_span`, as it stands
        cut = t_end if m is None else t_start + m.start()
        ids = _ids_in(entities, t_start, cut)
    if not ids and document and first_sentence is not None:
        ids = _ids_in(entities, *first_sentence)
    return ids


def _ids_in(entities: Sequence[Entity], start: int, end: int) -> list[str]:
    found: list[tuple[int, str]] = []
    for e in entities:
        if e.type not in ("COUNTRY", "ORG"):
            continue
        hits = [m.start for m in e.mentions if start <= m.start and m.end <= end]
        if hits:
            found.append((min(hits), e.id))
    return [i for _, i in sorted(found)]


_VENUE_AFTER = re.compile(r"(?:the\s+)?([A-ZА-ЯЁ][\w'’.-]*)(?:\s+([A-ZА-ЯЁ][\w'’-]+))?")


@lru_cache(maxsize=None)
def _city_first_words() -> frozenset[str]:
    """First words of two-word city names ('New York', 'Нижний Новгород'), of every language."""
    return frozenset(_every("city_first_words"))


def _nominative(word: str, lang: str) -> str:
    """'Москве' -> 'Москва': a Russian place name in the case a venue is given in."""
    if lang != "ru" or not re.search(r"[а-яё]", word, re.I):
        return word
    form = morphology.nominative(word)
    if form is None:
        return word
    return form.capitalize() if word[:1].isupper() else form


@lru_cache(maxsize=None)
def _venue_cues(lang: str) -> tuple[str, ...]:
    """The venue cues followed by a space, as `find_venue` looks for them (made once, not per text)."""
    return tuple(cue + " " for cue in kind_words(lang).venue)


def find_venue(sections: Sequence[Section], title: str | None, lang: str = "en") -> str | None:
    """Where the statement was made: the header's place line ("The Kremlin, Moscow"), a news
    dateline's city ("MINSK, ..." -> "Minsk"), or a place after "Done at", "talks in", "переговоров в"."""
    for s in sections[:8]:
        if s.kind != "dateline" or not s.text:
            continue
        if is_news_dateline(s.text):
            city = s.text.split(",")[0].strip()
            return city.title() if city.isupper() else city
        if not any(ch.isdigit() for ch in s.text):
            return s.text.strip(" ,–—-")
    cues = _venue_cues(lang)
    texts = [title or ""] + [s.text for s in sections[:3]] + [s.text for s in sections[3:][-8:]]
    for text in texts:
        low = text.casefold()
        for cue in cues:
            pos = low.find(cue)
            while pos >= 0:
                if pos == 0 or not low[pos - 1].isalnum():
                    m = _VENUE_AFTER.match(text, pos + len(cue))
                    if m:
                        first, second = m.group(1).rstrip("."), m.group(2)
                        if second and (first.casefold() in _city_first_words() or first.casefold().endswith("-")):
                            return f"{_nominative(first, lang)} {_nominative(second, lang)}"
                        return _nominative(first, lang)
                pos = low.find(cue, pos + 1)
    return None


# ---------------------------------------------------------------------------------------------
# All of it at once, for the pipeline
# ---------------------------------------------------------------------------------------------

_SENTENCE = re.compile(r"[^.!?…]*[.!?…]")


@dataclass(frozen=True)
class DocumentMeta:
    """What the pipeline writes into `Statement.kind`, `kind_evidence`, `parties`, `venue` (and
    the sections with the lead marked only where the kind has one)."""

    kind: DocumentKind
    parties: list[str]
    venue: str | None
    sections: list[Section]
    kind_evidence: list[str] = field(default_factory=list)


def _page(layout: Layout, sections: Sequence[Section], title: str | None, lang: str) -> Page:
    """The page the kind is judged on: the header's lines and time, the removed lines, captions."""
    lead = next((s for s in sections if s.kind == "lead"), None)
    has_dateline = bool(lead) and any(s.kind == "dateline" and is_news_dateline(s.text) for s in sections)
    header = [b for b in layout.blocks if b.start < layout.header_end or b.kind in ("date", "time", "place")][:6]
    header_time = any(b.kind == "time" for b in header) and any(b.kind == "date" for b in header)
    header_lines = [ln.text for ln in layout.content if ln.end <= layout.header_end][:8]
    captions = sum(1 for ln in layout.removed if ln.reason == CAPTION)
    return Page(title, sections, lang, tuple(ln.text for ln in layout.removed), tuple(header_lines), header_time,
                has_dateline, captions)


def describe_document(
    layout: Layout, sections: Sequence[Section], entities: Sequence[Entity], title: str | None, lang: str = "en",
) -> DocumentMeta:
    """Kind, parties and venue of a document from its layout, sections and entities."""
    decision = decide_kind(_page(layout, sections, title, lang))
    kind = decision.kind
    out = list(sections)
    if kind in DOCUMENT_KINDS:
        out = [s.model_copy(update={"kind": "paragraph"}) if s.kind == "lead" else s for s in out]
    first_body = next((s for s in out if s.kind in ("paragraph", "point", "lead")), None)
    first_sentence = None
    if first_body is not None:
        m = _SENTENCE.match(first_body.text)
        first_sentence = (first_body.start, first_body.start + (len(m.group()) if m else len(first_body.text)))
    title_span = (layout.title.start, layout.title.end) if layout.title is not None else None
    raw_title = layout.title.text if layout.title is not None else None
    parties = find_parties(entities, title_span, raw_title, first_sentence, document=kind in DOCUMENT_KINDS)
    venue = find_venue(out, title, lang)
    return DocumentMeta(kind=kind, parties=parties, venue=venue, sections=out, kind_evidence=decision.evidence)
