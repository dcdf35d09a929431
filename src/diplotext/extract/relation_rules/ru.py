"""Russian: dictionary forms for the lexicons, and morphology where English reads suffixes or lists."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from ...lang.ru import morphology
from .base import RelationRules

_NOT_NAME_POS = frozenset({"VERB", "INFN", "PRTS", "GRND"})
"""Parts of speech that end an instrument's description and follow a bare anaphoric head."""


def _cyrillic(lower: str) -> bool:
    return any("а" <= c <= "я" for c in lower)


def pos(lower: str) -> str | None:
    """The part of speech of the likeliest reading (None for a word without Cyrillic letters)."""
    return morphology.pos(lower) if _cyrillic(lower) else None


class RussianRules(RelationRules):
    lang = "ru"
    reads_norm = True
    digit_starts_name = False
    initial_capital_is_name = False
    modifiers_before_lowercase_head = True
    capitalized_complement = False
    capitalized_run_after_head = True

    def lexicon_form(self, lower: str, norm: str) -> str:
        return self.fold(norm or lower)

    def lexicon_forms(self, lowers: list[str], norms: list[str]) -> list[str]:
        """`lexicon_form` of each token: with every normal form given (as the morphology gives
        them), each distinct one that has a 'ё' folded once and the others kept as they are."""
        if not all(norms):
            return [(norm or lower).replace("ё", "е") for lower, norm in zip(lowers, norms)]
        folded = {norm: norm.replace("ё", "е") for norm in set(norms) if "ё" in norm}
        return list(map(folded.get, norms, norms)) if folded else list(norms)

    def folding_to(self, words: Iterable[str], wanted: frozenset[str]) -> set[str]:
        """`RelationRules.folding_to`: a word without 'ё' folds to itself."""
        distinct = set(words)
        found = {w for w in wanted.intersection(distinct) if "ё" not in w}
        found.update(w for w in distinct if "ё" in w and self.fold(w) in wanted)
        return found

    def fold(self, lower: str) -> str:
        return lower.replace("ё", "е")

    def readings(self, word: str) -> list[str]:
        """The pipeline's NORM of the word, and the word itself where it is a dictionary form too
        (the first analysis may read 'Устав' as a form of 'устать')."""
        first = morphology.normal_form(word)
        lower = self.fold(word.lower())
        if lower != first and morphology.is_lemma(lower):
            return [first, lower]
        return [first]

    def is_gerund(self, lower: str) -> bool:
        return pos(lower) == "GRND"

    def opens_clause_after_comma(self, lower: str) -> bool:
        # a participle of the object ('санкции, введенные ...') stays in the target
        return pos(lower) in ("GRND", "VERB")

    def is_finite_verb(self, lower: str) -> bool:
        return pos(lower) == "VERB"

    def breaks_noun_phrase(self, lower: str) -> bool:
        return _verb(lower)

    def is_preposition(self, lower: str) -> bool:
        return pos(lower) == "PREP"

    def is_plural(self, lower: str) -> bool:
        return morphology.number(lower) == "plur"

    def may_be_plural(self, lower: str) -> bool:
        return pos(lower) != "NOUN" or morphology.can_be_plural(lower)

    def passive_agent(self, words: list[str], lowers: list[str], unit: Any, span_start: int, end: int,
                      passive_aux: frozenset[str], agent_markers: frozenset[str]) -> int | None:
        """'X были осуждены Y-ом': a short participle followed by an actor in the instrumental."""
        if end >= unit.end or pos(lowers[end - 1]) != "PRTS":
            return None
        if any(e.label in ("ORG", "COUNTRY", "PERSON") and morphology.case(lowers[e.start]) == "ablt" for e in unit.entities_from(end, end + 1)):
            return end
        return None

    def place_name(self, span: Any) -> str:
        return " ".join(t.norm_.capitalize() for t in span)

    def metonym(self, surface: str, entry: Any) -> str | None:
        """A capital in any case ('в Москве'): matched on its first four letters, and given as
        the gazetteer spells it."""
        metonyms = {m.lower() for ms in entry.metonyms.values() for m in ms}
        low = surface.lower()
        names = {n.lower() for ns in entry.names.values() for n in ns}
        if low in metonyms or (any(low[:4] == m[:4] for m in metonyms) and low not in names):
            return next((m for m in entry.metonyms.get("ru", ()) if m.lower()[:4] == low[:4]), surface)
        return None

    def ends_description(self, doc: Any, i: int, lim: int, word: str, stops: frozenset[str], is_head: bool) -> bool:
        t = doc[i]
        if word in stops or (t.text[:1].islower() and morphology.pos(t.lower_) in _NOT_NAME_POS):
            return True
        # 'соглашение о поставках газа и реализация проектов': the list goes on outside the name
        return word == "и" and i + 1 < lim and morphology.case(doc[i + 1].lower_) == "nomn"

    def anaphor_without_determiner(self, next_lower: str | None) -> bool:
        return next_lower is not None and morphology.pos(next_lower) in _NOT_NAME_POS


def _verb(lower: str) -> bool:
    return morphology.pos(lower) in ("VERB", "INFN", "GRND")

