"""Cues of the document kind in the form of the text: who speaks and how, what the page around
it shows. Each cue is a small named function of one `Page`; `CUES` lists them in the order the
evidence is reported."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from itertools import islice

from ...models import Section
from ...text.clean import mentions_date
from .lexicon import KindWords, kind_words
from .title import mentioned_kind, nominal_headline, own_kind, release_title, single_party_statement, speech_title

_CLOCK = re.compile(r"\b\d{1,2}:\d{2}\b")
_WORD = re.compile(r"\w+(?:[-'’]\w+)*")
_QUOTED = re.compile(r"“[^”]{0,2000}”|«[^»]{0,2000}»|\"[^\"]{0,2000}\"|„[^“”]{0,2000}[“”]")
TICKER = re.compile(r"^(?=\D*\d)[\s\d.,+\-−–%]*(?:[A-Z]{3}|руб\.?)\s*$|^[A-Z]{3}[\d.,+\-−–%\s]+$")
"""A currency ticker line: '3.78 BYN', 'USD 92.50'. One run of number characters before the
code, so that a long run of digits is read once (linear), not split two ways."""
_BYLINE_NAME = re.compile(r"^[A-ZА-ЯЁ][\w'’.-]+(?:\s+[A-ZА-ЯЁ][\w'’.-]+){1,3}(?:\s*[,|/].{0,40})?$")
_SUMMARY_SECTIONS = 3
"""Body sections a transcript's summary takes before the first turn, at most."""
_BODY_CHARS = 20_000
"""Characters of the body the text-wide cues read: the form shows in the opening."""


@dataclass(frozen=True)
class Page:
    """What the kind is decided from: the title, the sections, and the page around them."""

    title: str | None
    sections: Sequence[Section]
    lang: str
    page_lines: Sequence[str] = ()
    """Lines removed as boilerplate (the site's furniture tells an outlet from an official site)."""
    header_lines: Sequence[str] = ()
    """Kept lines above the body (the header: a byline, a label)."""
    header_time: bool = False
    has_dateline: bool = False
    captions: int = 0
    words: KindWords = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "words", kind_words(self.lang))

    @cached_property
    def body(self) -> list[Section]:
        return [s for s in self.sections if s.kind not in ("dateline", "heading")]

    @cached_property
    def narration(self) -> str:
        """The body's opening as the publisher narrates it: quotes and speakers' turns left out."""
        parts, size = [], 0
        for s in self.body:
            if s.kind == "quote" or size > _BODY_CHARS:
                continue
            parts.append(_QUOTED.sub(" ", s.text[:_BODY_CHARS]))
            size += len(parts[-1])
        return " ".join(parts).casefold()

    @cached_property
    def sources_credited(self) -> int:
        """How many times the narration credits a source (`_sources_credited`): two cues read it."""
        return _sources_credited(self)

    @cached_property
    def opening(self) -> str:
        """The first two body sections, folded: where a document declares and a release introduces."""
        return " ".join(s.text[:2000] for s in self.body[:2]).casefold()


def speech_share(sections: Sequence[Section]) -> float:
    """The share of the body's characters that are speakers' turns."""
    body = [s for s in sections if s.kind not in ("dateline", "heading")]
    total = sum(len(s.text) for s in body)
    spoken = sum(len(s.text) for s in body if s.kind == "quote" and getattr(s, "speaker", None))
    return spoken / total if total else 0.0


def _first_person_rate(p: Page) -> float:
    words = [w.casefold() for s in p.sections if s.kind != "dateline" for w in _WORD.findall(s.text[:_BODY_CHARS])]
    return sum(map(p.words.first_person.__contains__, words)) / len(words) if words else 0.0


def _count(pattern: re.Pattern[str] | None, text: str) -> int:
    return len(pattern.findall(text)) if pattern else 0


def _is_byline(line: str, p: Page) -> bool:
    """'By John Smith', 'By Jane Doe, Reuters', 'Автор: Иван Петров'."""
    s = line.strip()
    head, _, rest = s.partition(" ")
    return head.rstrip(":").casefold() in p.words.byline_openers and bool(_BYLINE_NAME.match(rest.strip()))


# --- the cues: each returns how many times it fires (0: not at all) --------------------------

def title_names_document(p: Page) -> int:
    return int(own_kind(p.title, p.lang) in ("joint_statement", "declaration", "communique"))


def title_names_agreement(p: Page) -> int:
    return int(own_kind(p.title, p.lang) == "other")


def title_mentions_document(p: Page) -> int:
    return int(own_kind(p.title, p.lang) is None and mentioned_kind(p.title, p.lang) is not None)


def single_party(p: Page) -> int:
    return int(single_party_statement(p.title, p.lang))


def release_title_cue(p: Page) -> int:
    return int(release_title(p.title, p.lang))


def official_headline(p: Page) -> int:
    """'Meeting with ...', 'Telephone conversation with ...', 'Russian-Chinese talks'."""
    return int(bool(p.title) and not p.has_dateline and bool(p.words.nominal.match(" ".join((p.title or "").casefold().split()))))


def verbless_headline(p: Page) -> int:
    """A headline without a finite verb (official sites title their items so; news sites less)."""
    return int(bool(p.title) and not p.has_dateline and not official_headline(p) and nominal_headline(p.title or "", p.lang))


def _first_turn(p: Page) -> int | None:
    """The index among the body's sections of the first speaker's turn."""
    return next((i for i, s in enumerate(p.body) if s.kind == "quote" and getattr(s, "speaker", None)), None)


def speaker_turns_dominate(p: Page) -> int:
    """Most of the body is speakers' turns, and they start at once (after a summary of two or three paragraphs)."""
    first = _first_turn(p)
    return int(speech_share(p.sections) >= 0.4 and first is not None and first <= _SUMMARY_SECTIONS)


def report_before_turns(p: Page) -> int:
    """A report of several paragraphs before any turn: an interview or a transcript below an item."""
    first = _first_turn(p)
    return int(first is not None and first > _SUMMARY_SECTIONS and speech_share(p.sections) >= 0.2)


def speaker_turns_many(p: Page) -> int:
    return int(0.2 <= speech_share(p.sections) < 0.4 and speech_title(p.title, p.lang))


def speech_title_cue(p: Page) -> int:
    return int(speech_title(p.title, p.lang))


def speech_in_first_person(p: Page) -> int:
    return int(speech_title(p.title, p.lang) and _first_person_rate(p) >= 0.03)


def opens_as_we(p: Page) -> int:
    """'We, the Presidents of ...', 'Мы, главы государств ...': the parties speak."""
    words = _WORD.findall(p.opening[:40])
    return int(len(words) >= 2 and words[0] in p.words.first_person_plural and p.opening.lstrip("«“\"(")[len(words[0]):][:1] == ",")


def narrates_as_we(p: Page) -> int:
    """The narration itself (quotes left out) in the first person plural."""
    words = _WORD.findall(p.narration)
    return int(bool(words) and sum(map(p.words.first_person_plural.__contains__, words)) / len(words) >= 0.02)


def parties_named(p: Page) -> int:
    """'The Parties', 'Стороны', 'государства-члены' as the document names its parties, twice or more."""
    text = " ".join(s.text[:_BODY_CHARS] for s in p.body if s.kind != "quote")
    return int(_count(p.words.party_nouns, text) >= 2)


def declares(p: Page) -> int:
    return int(_count(p.words.declaring, p.opening) > 0)


def carries_document_text(p: Page) -> int:
    return int(_count(p.words.intros, p.opening) > 0)


def numbered_points(p: Page) -> int:
    return int(sum(1 for s in p.sections if s.kind == "point") >= 3)


def closing_formula(p: Page) -> int:
    """A closing line that opens with "Done at ...", "Совершено в ..."."""
    closing = p.words.closing
    return int(closing is not None and any(closing.match(s.text[:100].casefold()) for s in p.sections[-3:]))


def official_header_time(p: Page) -> int:
    """A time line under the header's date (an official site's: "December 19, 2012" / "20:00")."""
    return int(p.header_time)


def header_date_time(p: Page) -> int:
    """A header date line with its time: "11 February 2022 - 22:16"."""
    return int(not p.header_time and any(mentions_date(ln) and _CLOCK.search(ln) for ln in p.header_lines))


def _count_upto(cap: int, lines: Iterable[str]) -> int:
    """How many of `lines` there are, counted up to `cap` (the rest is not read)."""
    return sum(1 for _ in islice(lines, cap))


def _holds_cue(line: str, cues: tuple[str, ...]) -> bool:
    """Does the line (case folded) contain one of `cues`? One search of them all, not one per cue."""
    return _cue_pattern(cues).search(line.casefold()) is not None


@lru_cache(maxsize=16)
def _cue_pattern(cues: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile("|".join(map(re.escape, cues)) if cues else "(?!)")


def official_furniture(p: Page) -> int:
    return _count_upto(3, (ln for ln in p.page_lines if _holds_cue(ln, p.words.official)))


def _is_label(line: str, labels: frozenset[str]) -> bool:
    """The line is a label ('Media Note', 'Press contacts:') or opens with one and a colon."""
    low = " ".join(line.casefold().split())
    return low.strip(" :") in labels or (":" in low[:60] and low.split(":", 1)[0].strip() in labels)


def release_label(p: Page) -> int:
    return int(any(_is_label(ln, p.words.release_labels) for ln in [*p.page_lines, *p.header_lines]))


def narrates_own_state(p: Page) -> int:
    return int(_count(p.words.own_state, p.narration) > 0)


def agency_dateline(p: Page) -> int:
    return int(p.has_dateline)


def tickers(p: Page) -> int:
    return int(_count_upto(2, (ln for ln in p.page_lines if TICKER.match(ln.strip()))) >= 2)


def news_furniture(p: Page) -> int:
    return _count_upto(3, (ln for ln in p.page_lines if not TICKER.match(ln.strip()) and _holds_cue(ln, p.words.news)))


def _sources_credited(p: Page) -> int:
    """Attributions to a source ('according to officials', 'сообщает агентство'), not those to the
    publisher's own principal ('according to him', 'according to the President')."""
    pattern = p.words.attributions
    if pattern is None:
        return 0
    text = p.narration
    return sum(1 for m in pattern.finditer(text) if not text[m.end():m.end() + 40].lstrip().startswith(p.words.attribution_exclusions))


def source_attributions(p: Page) -> int:
    return int(p.sources_credited >= 1)


def many_source_attributions(p: Page) -> int:
    return int(p.sources_credited >= 3)


def official_honorific(p: Page) -> int:
    """The principal named as an official body names it, mid-sentence: 'the Head of State'."""
    text = " ".join(s.text[:_BODY_CHARS] for s in p.body if s.kind != "quote")
    return int(_count(p.words.honorifics, _QUOTED.sub(" ", text)) > 0)


def byline(p: Page) -> int:
    return int(any(_is_byline(ln, p) for ln in [*p.header_lines, *p.page_lines[:20]]))


def photo_captions(p: Page) -> int:
    return int(p.captions > 0)


CUES: tuple[tuple[str, Callable[[Page], int]], ...] = (
    ("title_names_document", title_names_document),
    ("title_names_agreement", title_names_agreement),
    ("title_mentions_document", title_mentions_document),
    ("single_party_statement", single_party),
    ("release_title", release_title_cue),
    ("official_headline", official_headline),
    ("verbless_headline", verbless_headline),
    ("speaker_turns_dominate", speaker_turns_dominate),
    ("speaker_turns_many", speaker_turns_many),
    ("report_before_turns", report_before_turns),
    ("speech_title", speech_title_cue),
    ("speech_in_first_person", speech_in_first_person),
    ("opens_as_we", opens_as_we),
    ("narrates_as_we", narrates_as_we),
    ("parties_named", parties_named),
    ("declares", declares),
    ("carries_document_text", carries_document_text),
    ("numbered_points", numbered_points),
    ("closing_formula", closing_formula),
    ("official_header_time", official_header_time),
    ("header_date_time", header_date_time),
    ("official_honorific", official_honorific),
    ("official_furniture", official_furniture),
    ("release_label", release_label),
    ("narrates_own_state", narrates_own_state),
    ("agency_dateline", agency_dateline),
    ("tickers", tickers),
    ("news_furniture", news_furniture),
    ("source_attributions", source_attributions),
    ("many_source_attributions", many_source_attributions),
    ("byline", byline),
    ("photo_captions", photo_captions),
)
"""Every cue by name (the names of ``resources/kind_cues.json``), in the order evidence is listed."""
