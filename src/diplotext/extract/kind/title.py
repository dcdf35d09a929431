"""What a title says of its document's kind: its own name ("Joint Statement of ..."), a release
("Readout of ..."), one body's statement, a speech, or an official body's verbless headline."""

from __future__ import annotations

import re
from functools import lru_cache

from ...models import DocumentKind
from .lexicon import KindWords, alternation, every, kind_words

_WORD = re.compile(r"\w+(?:[-'’]\w+)*")
_TOKEN = re.compile(r"[\w.'’-]+")
_SINGLE_STATEMENT = re.compile(r"^(?:the\s+)?(?:official\s+)?(statement|заявление)\b(?!s)")
DOCUMENT_KINDS = ("joint_statement", "declaration", "communique")


@lru_cache(maxsize=None)
def _party_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Where a title's topic starts ('on', 'по'), and a word that makes its parties several."""
    topic = re.compile(rf"\s(?:{alternation(every('topic_words'))})\s")
    several = re.compile(rf"\b(?:{alternation(every('conjunctions'))})\b|\b(?:{alternation(every('party_words'))})\b")
    return topic, several


def several_parties(rest: str) -> bool:
    """'of the Presidents of Russia and China', 'by the Leaders', 'министров ... и ...': more than one party."""
    topic, several = _party_patterns()
    return bool(several.search(topic.split(rest, maxsplit=1)[0]))


def _reports(words: list[str], low: str, cues: KindWords) -> bool:
    """Does the title report on something ('... was adopted', 'Presidents sign ...')? A reporting
    word right after an article or a noun ('the Phone Call') is a noun and reports nothing."""
    for i, w in enumerate(words):
        if w in cues.reporting and not (i and (words[i - 1] in cues.noun_markers or words[i - 1].endswith(("'s", "’s")))):
            return True
    return any(p in low for p in cues.reporting_phrases)


def _noun_opens(low: str, title: str, pos: int, cues: KindWords) -> bool:
    """The noun at `pos` opens the title, after at most a prefix ("The", "Final") and a place or a
    body of up to three words in front ("Tashkent Declaration", "U.S.-Russia Presidential Joint Statement")."""
    before = low[:pos].strip()
    for p in cues.prefixes:
        if before == p or before.endswith(" " + p):
            before = before[: -len(p)].strip()
            break
    return not before or (len(_TOKEN.findall(before)) <= 3 and title.strip()[:1].isupper())


def _nouns_in(low: str, cues: KindWords) -> list[tuple[int, str, str]]:
    """(position, noun, kind) of every document noun standing as a word in the folded title."""
    found = []
    for noun, kind in cues.nouns:
        pos = low.find(noun)
        if pos < 0 or (pos > 0 and not low[pos - 1].isspace()):
            continue
        after = low[pos + len(noun):pos + len(noun) + 1]
        if after and (after.isalnum() or after == "-"):
            continue  # "statements", "declarations": not the noun itself
        found.append((pos, noun, kind))
    return found


def own_kind(title: str | None, lang: str = "en") -> DocumentKind | None:
    """The kind a title gives its document when the title is the document's own name, else None.

    "Joint Statement of the Leaders of ..." -> joint_statement; "Tashkent Declaration of ..." ->
    declaration; "A joint declaration ... was adopted" (a headline about it) -> None.
    """
    if not title:
        return None
    low = " ".join(title.casefold().split())
    cues = kind_words(lang)
    words = _WORD.findall(low)
    if _reports(words, low, cues):
        return None
    for pos, noun, kind in _nouns_in(low, cues):
        if not _noun_opens(low, title, pos, cues):
            continue
        if kind == "joint_statement" and noun in ("statement", "заявление") and not several_parties(low[pos + len(noun):]):
            return None  # one body's statement: not a joint one
        if kind == "other" and any(w.endswith("ed") and len(w) > 4 and w not in cues.ed_adjectives for w in words):
            return None  # "Agreement reached on gas prices": a headline
        return kind  # type: ignore[return-value]
    return None


def mentioned_kind(title: str | None, lang: str) -> DocumentKind | None:
    """The joint document a title names anywhere ("Presidential Joint Statement on ...",
    "Joint Statement on the Phone Call ..."), when it names one of more than one party."""
    if not title:
        return None
    low = " ".join(title.casefold().split())
    cues = kind_words(lang)
    if _reports(_WORD.findall(low), low, cues):
        return None  # "Presidents Sign Joint Statement": a headline about it
    for pos, noun, kind in _nouns_in(low, cues):
        if kind in DOCUMENT_KINDS and (" " in noun or several_parties(low[pos + len(noun):])):
            return kind  # type: ignore[return-value]
    return None


def single_party_statement(title: str | None, lang: str) -> bool:
    """'Statement by the Ministry of Foreign Affairs on ...', 'Заявление МИД России': one body's statement."""
    if not title:
        return False
    low = " ".join(title.casefold().split())
    m = _SINGLE_STATEMENT.match(low)
    if not m or _reports(_WORD.findall(low), low, kind_words(lang)):
        return False
    return not several_parties(low[m.end():])


def release_title(title: str | None, lang: str) -> bool:
    """A title that opens as an official release: 'Readout of ...', 'FACT SHEET: ...'."""
    low = " ".join((title or "").casefold().split())
    return bool(low) and low.startswith(kind_words(lang).release_titles)


def speech_title(title: str | None, lang: str) -> bool:
    """A title that names a speech: 'Address ...', 'Remarks by ...', 'Press statements ...'."""
    pattern = kind_words(lang).speech
    return bool(title and pattern and pattern.search(title.casefold()))


def nominal_headline(title: str, lang: str) -> bool:
    """A headline without a finite verb, as official sites title their items: 'Meeting with ...',
    'Telephone conversation with ...', 'Russian-Chinese talks', 'Переговоры с ...'."""
    low = " ".join(title.casefold().split())
    cues = kind_words(lang)
    if cues.nominal.match(low):
        return True
    return not cues.verb.search(cues.not_verbs.sub(" ", low) if cues.not_verbs else low)
