"""The title of a page, the place line of its header and the closing tail of its content.

The title stands above the first sentence paragraph, among date, time and place lines and site
furniture; it may be wrapped over two blocks ("JOINT STATEMENT" / "of the Republic of ...").
The words a document names itself by ("Declaration", "Совместное заявление") are data
(``resources/*/layout.json``).
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..resources import load_json
from .blocks import _Raw
from .lines import (
    _LETTER, _SEPARATOR, _WORD, LANGS, _is_all_caps, _is_title_case, _key, _vocab, _words_of, ends_sentence,
    is_date_line,
)

MERGED = "merged-into-title"
"""The reason of a block whose lines were joined to the title block."""

_NAME_WITH_INITIALS = re.compile(
    r"^(?:(?:[A-ZА-ЯЁ]\.\s?){1,2}[A-ZА-ЯЁ][\w’'-]+|[A-ZА-ЯЁ][\w’'-]+\s(?:[A-ZА-ЯЁ]\.\s?){1,2})$"
)



def _doc_noun_pattern(end: str) -> re.Pattern[str]:
    """A document's name at the start of a line ("Joint Statement", "Декларация"), then `end`."""
    def alt(words: list[str]) -> str:
        return "|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w)))

    branches = []
    for lang in LANGS:
        data = load_json(f"{lang}/layout.json")
        article = rf"(?:(?:{alt(data['title_articles'])})\s+)?" if data["title_articles"] else ""
        modifier = rf"(?:(?:{alt(data['title_noun_modifiers'])})\s+)?" if data["title_noun_modifiers"] else ""
        branches.append(rf"^{article}{modifier}(?:{alt(data['title_nouns'])}){end}")
    return re.compile("|".join(branches), re.I)


@lru_cache(maxsize=None)
def _doc_noun_line() -> re.Pattern[str]:
    """A line that is a document's name and nothing else: "COMMUNIQUE", "Joint Statement", "Декларация"."""
    return _doc_noun_pattern("$")


@lru_cache(maxsize=None)
def _doc_noun_start() -> re.Pattern[str]:
    return _doc_noun_pattern(r"(?!\w)")


def names_a_document(stripped: str) -> bool:
    """Does the line open with a document's name ("Joint Statement of ...", "Декларация о ...")?"""
    return bool(_doc_noun_start().match(stripped))


@lru_cache(maxsize=None)
def _byline() -> re.Pattern[str]:
    """A byline: its opener, then a capitalized name ("By Anna Berg", "Автор: Анна Берг"); never a title."""
    words = sorted(_words_of("byline_openers"), key=lambda w: (-len(w), w))
    return re.compile(rf"^(?i:{'|'.join(map(re.escape, words))})[ ]*:?[ ]+(?=[A-ZА-ЯЁ])" if words else "(?!)")


@lru_cache(maxsize=None)
def _title_goes_on() -> re.Pattern[str]:
    """The first words of a title's second line: "of the Presidents of ...", "adopted at ..."."""
    words = _words_of("title_continuations")
    return re.compile(rf"^(?:{'|'.join(map(re.escape, words))})\b" if words else "(?!)", re.I)


def _is_place(stripped: str, lang: str) -> bool:
    """The place line of a header: 'The Kremlin, Moscow', 'Kuala Lumpur, Malaysia', 'Москва, Кремль'."""
    words = _WORD.findall(stripped)
    if not 1 <= len(words) <= 7 or ends_sentence(stripped) and not stripped.endswith("."):
        return False
    if any(ch.isdigit() for ch in stripped) or ":" in stripped or stripped.endswith(","):
        return False
    return _is_title_case(words, lang) or stripped[:1].isupper() and len(words) <= 3




def _title_like(stripped: str, lang: str) -> bool:
    words = _WORD.findall(stripped)
    if len(words) == 1 and _doc_noun_line().match(stripped.strip()):
        return True  # "COMMUNIQUE", "Декларация"
    if not 2 <= len(words) <= 60 or not _LETTER.search(stripped):
        return False
    if stripped.rstrip().endswith((".", ":", ";", ",")) and not stripped.rstrip().endswith("..."):
        return False
    return not stripped.startswith(("(", "[", "<", "http"))


def _is_closing(stripped: str, lang: str) -> bool:
    """A line of a signature block or a closing marker, which may follow the last paragraph."""
    if _SEPARATOR.match(stripped) or is_date_line(stripped):
        return True
    low = stripped.casefold()
    if low.startswith(_vocab(lang).closing):
        return True
    if _NAME_WITH_INITIALS.match(stripped):
        return True
    if ends_sentence(stripped) and not stripped.endswith(":") and len(_WORD.findall(stripped)) >= 2:
        return True  # a short closing sentence: "Thank you.", "«Мы братья», — сказал президент."
    words = _WORD.findall(stripped)
    return 1 <= len(words) <= 4 and _is_all_caps(stripped) and not _vocab(lang).lines.__contains__(_key(stripped))



def _merge_title_down(blocks: list[_Raw], stripped: list[str], title: int, lang: str) -> None:
    """A title that goes on in the block below it: "JOINT DECLARATION" / "BY THE PRESIDENTS OF ...",
    "... adopted the Joint" / "Declaration on the Development of ...", a lower-case continuation."""
    down = title + 1
    if down < len(blocks) and blocks[down].cls != "bad" and blocks[down].kind == "text" and blocks[down].first - blocks[title].last <= 3 \
            and _title_like(stripped[down], lang) and not ends_sentence(stripped[down]) and (
                (_doc_noun_line().match(" ".join(stripped[title].split())) and (
                    _is_all_caps(stripped[down]) or _is_title_case(_WORD.findall(stripped[down]), lang)
                    or _title_goes_on().match(stripped[down])))
                or (_is_all_caps(stripped[title]) and _is_all_caps(stripped[down]))
                or stripped[down][:1].islower()
                # "... adopted the Joint" / "Declaration on the Development of ...": a name over two lines
                or (blocks[down].first == blocks[title].last + 1 and len(_WORD.findall(stripped[down])) <= 12
                    and (_WORD.findall(stripped[title]) or [""])[-1][:1].isupper() and not _is_title_case(_WORD.findall(stripped[title]), lang))
            ):
        blocks[title].end = blocks[down].end
        blocks[title].last = blocks[down].last
        blocks[down].cls, blocks[down].reason = "bad", MERGED


CAPTION = "caption"
"""The reason of a photo caption between a headline and its first paragraph."""
_CAPTION_WORDS = 6
_POINT_OPENING = re.compile(r"^(?:\d{1,3}|[IVXLC]{1,6})[.)]\s")
_MOST_CAPTIONS = 3


def _headline_over_captions(blocks: list[_Raw], stripped: list[str], title: int, first: int, lang: str) -> int:
    """A headline followed by photo captions keeps the headline: when the text blocks right above
    the first paragraph are a longer title-like block over a few short ones (names, "The court's
    seat in The Hague"), the long one is the title and the short ones are captions (removed as such)."""
    run: list[int] = []
    k = first - 1
    while k >= 0 and len(run) <= _MOST_CAPTIONS:
        b = blocks[k]
        if b.cls != "bad":
            if b.kind != "text" or ends_sentence(stripped[k]) or stripped[k].endswith(":") or not _title_like(stripped[k], lang) \
                    or (run and not _caption_like(blocks[run[0]], stripped[run[0]], lang)):
                break
            run.insert(0, k)
        k -= 1
    if len(run) < 2 or title not in run:
        return title
    head, captions = run[0], run[1:]
    longest = max(blocks[j].words for j in captions)
    if blocks[captions[0]].first - blocks[head].last < 2:
        return title  # a headline stands apart from its captions by a blank line (a list of headlines does not)
    if any(not _caption_like(blocks[j], stripped[j], lang) for j in captions) or blocks[head].words < _CAPTION_WORDS - 1 or blocks[head].words <= longest:
        return title
    for j in captions:
        blocks[j].cls, blocks[j].reason = "bad", CAPTION
    return head


def _caption_like(b: _Raw, stripped: str, lang: str) -> bool:
    """A photo caption: a short title-like line of two to six words, no heading (no point number,
    not all capitals)."""
    return (b.kind == "text" and 2 <= b.words <= _CAPTION_WORDS and not ends_sentence(stripped) and not stripped.endswith(":")
            and _title_like(stripped, lang) and not _is_all_caps(stripped) and not _POINT_OPENING.match(stripped))


def mark_captions_below(blocks: list[_Raw], stripped: list[str], title: int, lang: str) -> None:
    """Photo captions right below the title: a few short title-like lines before the next
    paragraph, each shorter than the title (removed as captions)."""
    run: list[int] = []
    k = title + 1
    while k < len(blocks) and blocks[k].cls != "good" and len(run) <= _MOST_CAPTIONS:
        b = blocks[k]
        if b.cls != "bad":
            if not _caption_like(b, stripped[k], lang):
                return
            run.append(k)
        k += 1
    if not run or len(run) > _MOST_CAPTIONS or k >= len(blocks) or blocks[title].words < _CAPTION_WORDS - 1:
        return
    if blocks[run[0]].first - blocks[title].last < 2:
        return  # a headline stands apart from its captions by a blank line
    if blocks[title].words <= max(blocks[j].words for j in run):
        return
    for j in run:
        blocks[j].cls, blocks[j].reason = "bad", CAPTION


def _nearest_title(blocks: list[_Raw], stripped: list[str], first: int, lang: str) -> int | None:
    """Walking up from the first good block over at most eight blocks: dates and times are header
    lines, a short capitalized line just below a date or time is the place line, furniture is
    skipped; the nearest other title-like block is the title."""
    seen = 0
    k = first - 1
    while k >= 0 and seen < 8:
        b = blocks[k]
        seen += 1
        if b.cls == "bad" or b.kind in ("date", "time", "separator", "marker"):
            k -= 1
            continue
        below = next((j for j in range(k + 1, first) if blocks[j].cls != "bad"), None)
        above = next((j for j in range(k - 1, -1, -1) if blocks[j].cls != "bad"), None)
        after_date = above is not None and blocks[above].kind in ("date", "time") and above >= k - 2
        if after_date and _is_place(stripped[k], lang) and (below is None or blocks[below].kind != "date"):
            b.kind = "place"
            k -= 1
            continue
        if _title_like(stripped[k], lang) and not _byline().match(stripped[k]):
            return k
        k -= 1
    return None


def _wrapped_start(blocks: list[_Raw], stripped: list[str], title: int, lang: str) -> int:
    """Where the header starts above the title: a title wrapped over two blocks ("JOINT
    STATEMENT" / "of the Republic of ..."), whose upper part is merged into the title block,
    and date lines above it (a news site's)."""
    start = title
    up = title - 1
    while up >= 0 and blocks[up].cls != "bad":
        s = stripped[up]
        if blocks[up].kind in ("date", "time"):
            start = up
            up -= 1
            continue
        if up == start - 1 and _title_like(s, lang) and (
            stripped[title][:1].islower()  # "JOINT STATEMENT" / "of the Republic of ..."
            or _doc_noun_line().match(" ".join(s.split()))  # "Joint Statement" / "BY THE PRESIDENTS OF ..."
            or (_is_all_caps(s) and _is_all_caps(stripped[title]) and len(_WORD.findall(s)) <= 12)
        ):
            start = up
        break
    if start != title and blocks[start].kind == "text":
        blocks[title].start = blocks[start].start
        blocks[title].first = blocks[start].first
        for j in range(start, title):
            blocks[j].cls, blocks[j].reason = "bad", MERGED
        start = title
    return start


def _find_title(blocks: list[_Raw], stripped: list[str], first: int, lang: str) -> tuple[int | None, int | None]:
    """The title above the first sentence paragraph, and where the kept header starts."""
    title = _nearest_title(blocks, stripped, first, lang)
    if title is None:
        return None, None
    title = _headline_over_captions(blocks, stripped, title, first, lang)
    return title, _wrapped_start(blocks, stripped, title, lang)
