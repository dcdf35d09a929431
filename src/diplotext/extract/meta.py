"""Document metadata: what kind of document it is, who makes the statement, and where.

Kind, from the title and the form of the text (cues kept as data in ``resources/<lang>/kinds.json``):

1. the document itself (``joint_statement``, ``declaration``, ``communique``): the title *is*
   the document's name ("Joint Statement of the Republic of Belarus and the Russian Federation",
   "Совместное заявление ..."), with no reporting verb ("A joint declaration ... was adopted" is
   a headline about one);
2. ``transcript``: most of the body is speakers' turns ("President of Russia Vladimir Putin: ..."),
   or the title names a speech ("Address ...", "Press statements ...") and the body speaks in the
   first person;
3. ``news_report`` (a news outlet's item) or ``press_release`` (an official body's own item):
   a news dateline ("MINSK, 6 December (BelTA) –"), currency tickers and news-site furniture
   point to an outlet; an official site's header (a date line followed by a time line), its
   furniture ("Publication status", "Font size") and a headline without a verb ("Meeting with
   ...", "Russian-Chinese talks") point to an official body; a tie goes to ``news_report``;
4. ``other`` when there is no title and no body to judge.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from ..lang.ru import morphology
from ..models import DocumentKind, Entity, Section
from ..resources import load_json
from ..segment import is_news_dateline
from ..text.clean import Layout

_WORD = re.compile(r"\w+(?:[-'’]\w+)*")
_LANGS = ("en", "ru")
_TICKER = re.compile(r"^[\s\d.,+\-−–%]*\d[\s\d.,+\-−–%]*\s*(?:[A-Z]{3}|руб\.?)\s*$|^(?:[A-Z]{3})\s*[\d.,+\-−–%\s]+$")


@dataclass(frozen=True)
class _Cues:
    nouns: tuple[tuple[str, str], ...]
    prefixes: tuple[str, ...]
    reporting: frozenset[str]
    reporting_phrases: tuple[str, ...]
    speech: tuple[str, ...]
    news: tuple[str, ...]
    official: tuple[str, ...]
    venue: tuple[str, ...]
    first_person: frozenset[str]
    ed_adjectives: frozenset[str]
    nominal: re.Pattern[str]
    """A headline that opens as an official body's own item without a verb ('Meeting with ...')."""
    verb: re.Pattern[str]
    """A finite verb of a headline."""
    not_verbs: re.Pattern[str] | None
    """Nouns that `verb` would take for verbs, as whole words."""


def _alt(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in words)


def _every(key: str) -> list[str]:
    """A list kept under `key` in every language's ``kinds.json``, all languages together."""
    return [w for lang in _LANGS for w in load_json(f"{lang}/kinds.json")[key]]


@lru_cache(maxsize=None)
def _cues(lang: str) -> _Cues:
    data = load_json(f"{lang if lang in _LANGS else _LANGS[0]}/kinds.json")
    nouns = sorted(((k.casefold(), v) for k, v in data["document_nouns"].items()), key=lambda kv: -len(kv[0]))
    rep = [w.casefold() for w in data["reporting_words"]]
    return _Cues(
        nouns=tuple(nouns),
        prefixes=tuple(sorted((p.casefold() for p in data["title_prefixes"]), key=len, reverse=True)),
        reporting=frozenset(w for w in rep if " " not in w),
        reporting_phrases=tuple(w for w in rep if " " in w),
        speech=tuple(w.casefold() for w in data["speech_titles"]),
        news=tuple(w.casefold() for w in data["news_cues"]),
        official=tuple(w.casefold() for w in data["official_cues"]),
        venue=tuple(w.casefold() for w in data["venue_cues"]),
        first_person=frozenset(data["first_person"]),
        ed_adjectives=frozenset(data["ed_adjectives"]),
        nominal=_nominal_pattern(data["nominal_openers"], data["nominal_heads"]),
        verb=re.compile("|".join(rf"\b(?:{p})\b" for p in ([_alt(data["headline_verbs"])] if data["headline_verbs"] else [])
                                 + data["headline_verb_patterns"]) or "(?!)"),
        not_verbs=re.compile(rf"\b(?:{_alt(data['not_verbs'])})\b") if data["not_verbs"] else None,
    )


def _nominal_pattern(openers: list[str], heads: list[str]) -> re.Pattern[str]:
    """'Meeting with ...', 'Telephone conversation with ...', 'Russian-Chinese talks': the
    openers, or one word and a head."""
    branches = [_alt(openers)] + ([rf"[\w-]+ (?:{_alt(heads)})"] if heads else [])
    return re.compile(rf"^(?:{'|'.join(branches)})\b")


@lru_cache(maxsize=None)
def _speech_title_re(lang: str) -> re.Pattern[str] | None:
    """Any of the speech-title words, as a whole word: one search instead of one per word."""
    words = _cues(lang).speech
    return re.compile(rf"(?<!\w)(?:{'|'.join(map(re.escape, words))})(?!\w)") if words else None


def own_kind(title: str | None, lang: str = "en") -> DocumentKind | None:
    """The kind a title gives its document when the title is the document's own name, else None.

    "Joint Statement of the Leaders of ..." -> joint_statement; "Tashkent Declaration of ..." ->
    declaration; "A joint declaration ... was adopted" (a headline about it) -> None.
    """
    if not title:
        return None
    low = " ".join(title.casefold().split())
    cues = _cues(lang)
    words = _WORD.findall(low)
    if any(w in cues.reporting for w in words) or any(p in low for p in cues.reporting_phrases):
        return None
    for noun, kind in cues.nouns:
        pos = low.find(noun)
        if pos < 0:
            continue
        if pos > 0 and not low[pos - 1].isspace():
            continue
        after = low[pos + len(noun):pos + len(noun) + 1]
        if after and (after.isalnum() or after == "-"):
            continue  # "statements", "declarations": not the noun itself
        before = low[:pos].strip()
        # The noun opens the title, after at most a prefix ("The", "Final") or a place or a body
        # in front ("Tashkent Declaration", "Moscow Declaration of the CSTO Collective Security Council").
        for p in cues.prefixes:
            if before == p or before.endswith(" " + p):
                before = before[: -len(p)].strip()
                break
        if before and (len(_WORD.findall(before)) > 3 or not title.strip()[:1].isupper()):
            continue
        if kind == "joint_statement" and noun in ("statement", "заявление") and not _several_parties(low[pos + len(noun):]):
            return None  # one body's statement: not a joint one
        if kind == "other" and any(w.endswith("ed") and len(w) > 4 and w not in cues.ed_adjectives for w in words):
            return None  # "Agreement reached on gas prices": a headline
        return kind  # type: ignore[return-value]
    return None


def _single_party_statement(title: str | None, lang: str) -> bool:
    """'Statement by the Ministry of Foreign Affairs on ...', 'Заявление МИД России': one body's statement."""
    if not title:
        return False
    low = " ".join(title.casefold().split())
    m = re.match(r"^(?:the\s+)?(?:official\s+)?(statement|заявление)\b(?!s)", low)
    if not m or any(w in _cues(lang).reporting for w in _WORD.findall(low)):
        return False
    return not _several_parties(low[m.end():])


@lru_cache(maxsize=None)
def _party_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Where a title's topic starts ('on', 'по'), and a word that makes its parties several."""
    topic = re.compile(rf"\s(?:{_alt(_every('topic_words'))})\s")
    several = re.compile(rf"\b(?:{_alt(_every('conjunctions'))})\b|\b(?:{_alt(_every('party_words'))})\b")
    return topic, several


def _several_parties(rest: str) -> bool:
    """'of the Presidents of Russia and China', 'by the Leaders', 'министров ... и ...': more than one party."""
    topic, several = _party_patterns()
    return bool(several.search(topic.split(rest, maxsplit=1)[0]))


def speech_share(sections: Sequence[Section]) -> float:
    """The share of the body's characters that are speakers' turns."""
    body = [s for s in sections if s.kind not in ("dateline", "heading")]
    total = sum(len(s.text) for s in body)
    spoken = sum(len(s.text) for s in body if s.kind == "quote" and getattr(s, "speaker", None))
    return spoken / total if total else 0.0


def _first_person_rate(sections: Sequence[Section], lang: str) -> float:
    fp = _cues(lang).first_person
    words = [w.casefold() for s in sections if s.kind != "dateline" for w in _WORD.findall(s.text)]
    return sum(1 for w in words if w in fp) / len(words) if words else 0.0


def classify_kind(
    title: str | None,
    has_dateline: bool = False,
    *,
    sections: Sequence[Section] = (),
    lang: str = "en",
    page_lines: Iterable[str] = (),
    header_time: bool = False,
) -> DocumentKind:
    """The document's kind from its title and its form.

    `sections` are the content's sections, `page_lines` the texts of the lines removed as
    boilerplate (the site's furniture tells an outlet from an official site), `header_time`
    whether the header has a time line under its date (an official site's item),
    `has_dateline` whether the lead opens with a news dateline.
    """
    kind = own_kind(title, lang)
    if kind is not None:
        return kind
    if not title and not sections:
        return "other"
    cues = _cues(lang)
    share = speech_share(sections)
    low_title = (title or "").casefold()
    speech_re = _speech_title_re(lang)
    speech_title = bool(speech_re and speech_re.search(low_title))
    if share >= 0.4 or (share >= 0.2 and speech_title):
        return "transcript"
    if speech_title and _first_person_rate(sections, lang) >= 0.03:
        return "transcript"
    if _single_party_statement(title, lang):
        return "other"  # one body's own statement: neither joint nor a report about it
    news = 2 if has_dateline else 0
    official = 1 if header_time else 0
    tickers = 0
    for line in page_lines:
        s = line.strip()
        if _TICKER.match(s):
            tickers += 1
            continue
        low = s.casefold()
        if any(c in low for c in cues.news):
            news += 1
        if any(c in low for c in cues.official):
            official += 1
    if tickers >= 2:
        news += 2
    if title and not has_dateline and _nominal_headline(title, lang):
        official += 1
    if official > news:
        return "press_release"
    return "news_report"


def _nominal_headline(title: str, lang: str) -> bool:
    """A headline without a finite verb, as official sites title their items: 'Meeting with ...',
    'Telephone conversation with ...', 'Russian-Chinese talks', 'Переговоры с ...'."""
    low = " ".join(title.casefold().split())
    cues = _cues(lang)
    if cues.nominal.match(low):
        return True
    return not cues.verb.search(cues.not_verbs.sub(" ", low) if cues.not_verbs else low)


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
    return tuple(cue + " " for cue in _cues(lang).venue)


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

_DOCUMENT_KINDS = ("joint_statement", "declaration", "communique")
_SENTENCE = re.compile(r"[^.!?…]*[.!?…]")


@dataclass(frozen=True)
class DocumentMeta:
    """What the pipeline writes into `Statement.kind`, `parties`, `venue` (and the sections with
    the lead marked only where the kind has one)."""

    kind: DocumentKind
    parties: list[str]
    venue: str | None
    sections: list[Section]


def describe_document(
    layout: Layout, sections: Sequence[Section], entities: Sequence[Entity], title: str | None, lang: str = "en",
) -> DocumentMeta:
    """Kind, parties and venue of a document from its layout, sections and entities."""
    lead = next((s for s in sections if s.kind == "lead"), None)
    has_dateline = bool(lead) and any(s.kind == "dateline" and is_news_dateline(s.text) for s in sections)
    header = [b for b in layout.blocks if b.start < layout.header_end or b.kind in ("date", "time", "place")][:6]
    header_time = any(b.kind == "time" for b in header) and any(b.kind == "date" for b in header)
    kind = classify_kind(
        title, has_dateline, sections=sections, lang=lang, page_lines=(ln.text for ln in layout.removed), header_time=header_time
    )
    out = list(sections)
    if kind in _DOCUMENT_KINDS:
        out = [s.model_copy(update={"kind": "paragraph"}) if s.kind == "lead" else s for s in out]
    first_body = next((s for s in out if s.kind in ("paragraph", "point", "lead")), None)
    first_sentence = None
    if first_body is not None:
        m = _SENTENCE.match(first_body.text)
        first_sentence = (first_body.start, first_body.start + (len(m.group()) if m else len(first_body.text)))
    title_span = (layout.title.start, layout.title.end) if layout.title is not None else None
    raw_title = layout.title.text if layout.title is not None else None
    parties = find_parties(entities, title_span, raw_title, first_sentence, document=kind in _DOCUMENT_KINDS)
    venue = find_venue(out, title, lang)
    return DocumentMeta(kind=kind, parties=parties, venue=venue, sections=out)
