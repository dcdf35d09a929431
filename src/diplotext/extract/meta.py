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
_FIRST_PERSON = {
    "en": frozenset({"i", "we", "my", "our", "me", "us", "myself", "ourselves"}),
    "ru": frozenset({"я", "мы", "мой", "моя", "мое", "моё", "мои", "наш", "наша", "наше", "наши", "нас", "нам", "нами", "меня", "мне", "мною"}),
}
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


@lru_cache(maxsize=None)
def _cues(lang: str) -> _Cues:
    data = load_json(f"{'ru' if lang == 'ru' else 'en'}/kinds.json")
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
    )


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
        if kind == "other" and any(w.endswith("ed") and len(w) > 4 and w not in _ED_ADJECTIVES for w in words):
            return None  # "Agreement reached on gas prices": a headline
        return kind  # type: ignore[return-value]
    return None


_ED_ADJECTIVES = frozenset({
    "united", "armed", "related", "based", "limited", "advanced", "detailed", "extended", "enlarged", "unified", "coordinated",
    "integrated", "specialized", "specialised", "concerned", "interested", "combined", "associated", "expanded",
})


def _single_party_statement(title: str | None, lang: str) -> bool:
    """'Statement by the Ministry of Foreign Affairs on ...', 'Заявление МИД России': one body's statement."""
    if not title:
        return False
    low = " ".join(title.casefold().split())
    m = re.match(r"^(?:the\s+)?(?:official\s+)?(statement|заявление)\b(?!s)", low)
    if not m or any(w in _cues(lang).reporting for w in _WORD.findall(low)):
        return False
    return not _several_parties(low[m.end():])


def _several_parties(rest: str) -> bool:
    """'of the Presidents of Russia and China', 'by the Leaders', 'министров ... и ...': more than one party."""
    head = re.split(r"\s(?:on|regarding|concerning|about|по|о|об)\s", rest, maxsplit=1)[0]
    return bool(re.search(
        r"\b(?:and|и)\b|\b(?:leaders|heads|presidents|ministers|parties|states|countries|members|council|organization|organisation|"
        r"summit|group|union|лидеров|глав|президентов|министров|сторон|государств|совета|организации|саммита|группы|союза)\b",
        head,
    ))


def speech_share(sections: Sequence[Section]) -> float:
    """The share of the body's characters that are speakers' turns."""
    body = [s for s in sections if s.kind not in ("dateline", "heading")]
    total = sum(len(s.text) for s in body)
    spoken = sum(len(s.text) for s in body if s.kind == "quote" and getattr(s, "speaker", None))
    return spoken / total if total else 0.0


def _first_person_rate(sections: Sequence[Section], lang: str) -> float:
    fp = _FIRST_PERSON.get(lang, _FIRST_PERSON["en"])
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


_NOMINAL_EN = re.compile(
    r"^(?:meeting|telephone conversation|conversation|talks|visit|working visit|state visit|official visit|session|"
    r"ceremony|videoconference|greetings|congratulations|condolences|message|[\w-]+ talks|[\w-]+ summit|[\w-]+ meeting)\b"
)
_VERB_EN = re.compile(
    r"\b(?:was|were|is|are|has|have|had|will|would|to be|held|met|took|made|sent|said|gave|spoke|began|became|came|"
    r"won|paid|led|told|set|put|saw|brought|sign|discuss|hold|meet|call|urge|agree|adopt|welcome|condemn|support|"
    r"reaffirm|stress|note|back|slam|vow|seek|plan|expect|say|ask|want|see|tell)\b|\b\w{3,}ed\b|\b\w{3,}(?<![su])s\b")
_NOMINAL_RU = re.compile(r"^(?:встреча|переговоры|телефонный разговор|совещание|заседание|визит|церемония|поздравление|приветствие|соболезнования)\b")
_VERB_RU = re.compile(r"\b\w{3,}(?:ли|ла|ло|ет|ут|ют|ит|ят|ется|ются|ано|ено|ана|ена|ан|ен)\b")
_NOUNS_LOOKING_LIKE_VERBS = ("talks", "relations", "affairs", "states", "nations", "news", "arms", "forces", "rights", "issues",
                             "results", "leaders", "members", "heads", "countries", "parties", "ministers", "presidents")


_NOUNS_LOOKING_LIKE_VERBS_RE = re.compile(rf"\b(?:{'|'.join(_NOUNS_LOOKING_LIKE_VERBS)})\b")
"""The nouns above as whole words, taken out in one pass: taking out a whole word leaves a space,
so it makes or unmakes no word boundary for the others, and one pass equals one sub per noun."""


def _nominal_headline(title: str, lang: str) -> bool:
    """A headline without a finite verb, as official sites title their items: 'Meeting with ...',
    'Telephone conversation with ...', 'Russian-Chinese talks', 'Переговоры с ...'."""
    low = " ".join(title.casefold().split())
    if lang == "ru":
        return bool(_NOMINAL_RU.match(low)) or not _VERB_RU.search(low)
    if _NOMINAL_EN.match(low):
        return True
    return not _VERB_EN.search(_NOUNS_LOOKING_LIKE_VERBS_RE.sub(" ", low))


# ---------------------------------------------------------------------------------------------
# Parties and venue
# ---------------------------------------------------------------------------------------------

_TOPIC_CUT = re.compile(r"\s(?:on|regarding|concerning|about|in connection with|following|after|по|о|об|в связи с|по итогам)\s", re.I)


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
        m = _TOPIC_CUT.search(title)  # `title` is the input's slice at `title_span`, as it stands
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
_CITY_FIRST_WORDS = frozenset({
    "st", "st.", "saint", "new", "san", "santa", "los", "las", "kuala", "nizhny", "buenos", "rio", "sao", "são", "hong",
    "tel", "abu", "addis", "port", "cape", "mexico", "panama", "guatemala", "kuwait", "santo", "ho",
    "санкт", "нижний", "нью", "сан", "абу", "буэнос", "рио", "аддис", "тель", "гонконг", "куала",
})


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
                        if second and (first.casefold() in _CITY_FIRST_WORDS or first.casefold().endswith("-")):
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
