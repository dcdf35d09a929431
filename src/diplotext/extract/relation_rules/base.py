"""What the event, stance and instrument rules need to know about a language, in one object.

The rules themselves are language-independent. What differs is of two sorts: words, which
live in ``resources/<lang>/relations.json``, ``events.json``, ``stances.json`` and
``instruments.json`` (read here once per language), and tests that need more than a word
list (Russian morphology, English suffixes), which are the methods a language's module
overrides. A new language is those four files plus one subclass registered in `rules_for`.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from ...resources import load_json


def _words(data: dict[str, Any], key: str) -> frozenset[str]:
    return frozenset(data.get(key, ()))


class RelationRules:
    """The English-like defaults; a language's module overrides what its grammar does otherwise."""

    lang = "en"
    reads_norm = False
    """The lexicons speak of dictionary forms (the morphology's ``NORM``), not of lower case."""
    digit_starts_name = True
    """'2030 Agenda': a word starting with a digit counts as capitalized in a name."""
    initial_capital_is_name = True
    """A capitalized first word of a sentence may be a modifier of a head ('Eurasian Charter ...')."""
    modifiers_before_lowercase_head = False
    """Capitalized modifiers are read before a lower-case head too ('Союзный договор')."""
    capitalized_complement = True
    """A capitalized head takes a complement of capitalized words joined by connectors."""
    capitalized_run_after_head = False
    """A head directly followed by a capitalized word takes that run as its complement."""

    def __init__(self) -> None:
        shared = load_json(f"{self.lang}/relations.json")
        self.person_titles = _words(shared, "person_titles")
        self.articles = _words(shared, "articles")
        self.org_joints = _words(shared, "org_joints")
        events = load_json(f"{self.lang}/events.json")
        self.group_words: dict[str, str] = dict(events["group_words"])
        self.definite = _words(events, "definite")
        self.anniversary_words = _words(events, "anniversary_words")
        self.anniversary_endings = tuple(events["anniversary_endings"])
        self.window_stops_before = _words(events, "window_stops_before")
        self.window_stops_after = _words(events, "window_stops_after")
        self.directional = _words(events, "directional")
        instruments = load_json(f"{self.lang}/instruments.json")
        self.instrument_words = {k: _words(instruments, k) for k, v in instruments.items() if isinstance(v, list)}
        self.key_spellings: dict[str, str] = dict(instruments["key_spellings"])
        self.key_strip: str = instruments["key_strip"]

    # -- word forms ---------------------------------------------------------------------------

    def lexicon_form(self, lower: str, norm: str) -> str:
        """The form the lexicons list a token under (lower case unless `reads_norm`)."""
        return lower

    def lexicon_forms(self, lowers: list[str], norms: list[str]) -> list[str]:
        """`lexicon_form` of each token, from the lists of their lower and normal forms."""
        return [self.lexicon_form(lower, norm) for lower, norm in zip(lowers, norms)]

    def fold(self, lower: str) -> str:
        """A lower-case word with the letters the lexicons do not tell apart merged."""
        return lower

    def folding_to(self, words: Iterable[str], wanted: frozenset[str]) -> set[str]:
        """The distinct `words` whose `fold` is one of `wanted`."""
        return {w for w in set(words) if self.fold(w) in wanted}

    def readings(self, word: str) -> list[str]:
        """The lexicon forms a word of a pattern (a known instrument's name) may take."""
        return [word.lower()]

    # -- clauses ------------------------------------------------------------------------------

    def is_gerund(self, lower: str) -> bool:
        """An adverbial participle or gerund ('Welcoming ..., the presidents'; 'for supporting')."""
        return lower.endswith("ing")

    def opens_clause_after_comma(self, lower: str) -> bool:
        """After a comma in a target, does this word open a new clause ('..., stressing that')?"""
        return lower.endswith("ing")

    def is_finite_verb(self, lower: str) -> bool:
        """A verb by its form alone (no list needed); English lists its clause verbs instead."""
        return False

    def breaks_noun_phrase(self, lower: str) -> bool:
        """Does the word end the noun phrase around a trigger (a verb)?"""
        return False

    def is_preposition(self, lower: str) -> bool:
        """A preposition by its form alone; English lists them in stances.json instead."""
        return False

    # -- actors -------------------------------------------------------------------------------

    def is_plural(self, lower: str) -> bool:
        """Is a group word ('presidents', 'стороны') plural here (English lists plural forms)?"""
        return True

    def may_be_plural(self, lower: str) -> bool:
        """Can a word for the parties be plural ('стороны', not 'сторона')?"""
        return True

    def passive_agent(self, words: list[str], lowers: list[str], unit: Any, span_start: int, end: int,
                      passive_aux: frozenset[str], agent_markers: frozenset[str]) -> int | None:
        """Where the agent of a passive trigger starts ('was condemned by Russia'), else None."""
        if end < unit.end and words[end] in agent_markers and span_start > unit.start and words[span_start - 1] in passive_aux:
            return end + 1
        return None

    # -- places -------------------------------------------------------------------------------

    def place_name(self, span: Any) -> str:
        """A place named after a preposition (a spaCy Span), as the output spells it."""
        return str(span.text)

    def metonym(self, surface: str, entry: Any) -> str | None:
        """A capital standing for its state ('talks in Moscow'): its name, else None."""
        metonyms = {m.lower() for ms in entry.metonyms.values() for m in ms}
        return surface if surface.lower() in metonyms else None

    # -- instruments --------------------------------------------------------------------------

    def ends_description(self, doc: Any, i: int, lim: int, word: str, stops: frozenset[str], is_head: bool) -> bool:
        """Does token i end a lower-case head's description ('an agreement on X which ...')?"""
        t = doc[i]
        if t.lower_ in stops or is_head:
            return True
        return t.lower_ == "and" and i + 1 < lim and doc[i + 1].lower_.endswith("ed")

    def anaphor_without_determiner(self, next_lower: str | None) -> bool:
        """May a bare head refer back without a determiner ('договор вступил в силу')?"""
        return False
