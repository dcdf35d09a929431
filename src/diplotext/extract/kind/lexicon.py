"""The words and weights the document kind is decided by, loaded once from resources.

Words per language live in ``resources/<lang>/kinds.json``; how much each cue counts for each
kind lives in ``resources/kind_cues.json`` (the same for every language).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from ...resources import load_json

LANGS = ("en", "ru")


def alternation(words: Iterable[str]) -> str:
    """Words as one regex alternation of literals."""
    return "|".join(re.escape(w) for w in words)


_NO_WORD_BEFORE = r"(?<!\w[\s\S])"
"""After a word's first character: no word character before it ('the' in 'bathe' is no word)."""
_WORD_AND_SPACE_BEFORE = r"(?<=\w [\s\S])"
"""After a word's first character: a word and a space before it ('... Head of State')."""


def word_start_alternation(words: Iterable[str], before: str = _NO_WORD_BEFORE) -> str:
    """Words as one alternation of literals that each start where `before`, a lookbehind over
    the character before the word and its first one, holds. The words are grouped by their first
    character, in their order within each group (at any one place only the words of one group
    can match, so the first of them that matches there is the same one), and the test stands
    after that character: the pattern opens with the words' first characters, so the regex
    engine skips straight to where one stands instead of trying a lookbehind at every
    character of the text."""
    groups: dict[str, list[str]] = {}
    for w in words:
        if not w:
            raise ValueError("an empty word in a list of cue phrases")
        groups.setdefault(w[0], []).append(re.escape(w[1:]))
    return "(?:" + "|".join(f"{re.escape(first)}{before}(?:{'|'.join(rests)})" for first, rests in groups.items()) + ")"


def every(key: str) -> list[str]:
    """A list kept under `key` in every language's ``kinds.json``, all languages together."""
    return [w for lang in LANGS for w in load_json(f"{lang}/kinds.json")[key]]


def _phrases(words: Iterable[str]) -> re.Pattern[str] | None:
    """Any of the phrases, starting at a word boundary (case-folded text is searched)."""
    words = [w.casefold() for w in words]
    return re.compile(word_start_alternation(sorted(words, key=len, reverse=True))) if words else None


@dataclass(frozen=True)
class KindWords:
    """The cues' words of one language."""

    nouns: tuple[tuple[str, str], ...]
    """Document nouns, longest first, with the kind each names."""
    prefixes: tuple[str, ...]
    reporting: frozenset[str]
    reporting_phrases: tuple[str, ...]
    speech: re.Pattern[str] | None
    news: tuple[str, ...]
    official: tuple[str, ...]
    venue: tuple[str, ...]
    first_person: frozenset[str]
    first_person_plural: frozenset[str]
    ed_adjectives: frozenset[str]
    nominal: re.Pattern[str]
    """A headline that opens as an official body's own item without a verb ('Meeting with ...')."""
    verb: re.Pattern[str]
    """A finite verb of a headline."""
    not_verbs: re.Pattern[str] | None
    """Nouns that `verb` would take for verbs, as whole words."""
    release_titles: tuple[str, ...]
    release_labels: frozenset[str]
    party_nouns: re.Pattern[str] | None
    declaring: re.Pattern[str] | None
    intros: re.Pattern[str] | None
    closing: re.Pattern[str] | None
    attributions: re.Pattern[str] | None
    own_state: re.Pattern[str] | None
    byline_openers: frozenset[str]
    noun_markers: frozenset[str]
    attribution_exclusions: tuple[str, ...]
    honorifics: re.Pattern[str] | None


def _nominal_pattern(openers: list[str], heads: list[str]) -> re.Pattern[str]:
    """'Meeting with ...', 'Telephone conversation with ...', 'Russian-Chinese talks': the
    openers, or one word and a head."""
    branches = [alternation(openers)] + ([rf"[\w-]+ (?:{alternation(heads)})"] if heads else [])
    return re.compile(rf"^(?:{'|'.join(branches)})\b")


def _verb_pattern(verbs: list[str], patterns: list[str]) -> re.Pattern[str]:
    branches = ([alternation(verbs)] if verbs else []) + patterns
    return re.compile("|".join(rf"\b(?:{p})\b" for p in branches) or "(?!)")


@lru_cache(maxsize=None)
def kind_words(lang: str) -> KindWords:
    data = load_json(f"{lang if lang in LANGS else LANGS[0]}/kinds.json")
    rep = [w.casefold() for w in data["reporting_words"]]
    speech = [w.casefold() for w in data["speech_titles"]]
    return KindWords(
        nouns=tuple(sorted(((k.casefold(), v) for k, v in data["document_nouns"].items()), key=lambda kv: -len(kv[0]))),
        prefixes=tuple(sorted((p.casefold() for p in data["title_prefixes"]), key=len, reverse=True)),
        reporting=frozenset(w for w in rep if " " not in w),
        reporting_phrases=tuple(w for w in rep if " " in w),
        speech=re.compile(rf"{word_start_alternation(speech)}(?!\w)") if speech else None,
        news=tuple(w.casefold() for w in data["news_cues"]),
        official=tuple(w.casefold() for w in data["official_cues"]),
        venue=tuple(w.casefold() for w in data["venue_cues"]),
        first_person=frozenset(data["first_person"]),
        first_person_plural=frozenset(data["first_person_plural"]),
        ed_adjectives=frozenset(data["ed_adjectives"]),
        nominal=_nominal_pattern(data["nominal_openers"], data["nominal_heads"]),
        verb=_verb_pattern(data["headline_verbs"], data["headline_verb_patterns"]),
        not_verbs=re.compile(rf"\b(?:{alternation(data['not_verbs'])})\b") if data["not_verbs"] else None,
        release_titles=tuple(w.casefold() for w in data["release_titles"]),
        release_labels=frozenset(w.casefold() for w in every("release_labels")),
        party_nouns=re.compile(rf"{word_start_alternation(data['party_nouns'])}(?!\w)") if data["party_nouns"] else None,
        declaring=_phrases(data["declaring_phrases"]),
        intros=_phrases(data["statement_intros"]),
        closing=_phrases(data["closing_formulas"]),
        attributions=_phrases(data["attributions"]),
        own_state=_phrases(data["own_state_phrases"]),
        byline_openers=frozenset(w.casefold() for w in data["byline_openers"]),
        noun_markers=frozenset(data["noun_markers"]),
        attribution_exclusions=tuple(w.casefold() for w in data["attribution_exclusions"]),
        honorifics=(re.compile(rf"{word_start_alternation(data['official_honorifics'], _WORD_AND_SPACE_BEFORE)}(?!\w)")
                    if data["official_honorifics"] else None),
    )


@lru_cache(maxsize=None)
def cue_weights() -> tuple[dict[str, dict[str, float]], dict[str, float]]:
    """(cue -> {kind: weight}, kind -> default score)."""
    data = load_json("kind_cues.json")
    return data["weights"], data["default"]
