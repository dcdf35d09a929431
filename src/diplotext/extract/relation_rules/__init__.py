"""The language rules of the relations layer, one module per language, chosen by `rules_for`."""

from __future__ import annotations

from functools import lru_cache

from .base import RelationRules
from .en import EnglishRules
from .ru import RussianRules

RULES: dict[str, type[RelationRules]] = {"en": EnglishRules, "ru": RussianRules}
"""The languages the relation rules speak; any other language is read with the English rules."""


@lru_cache(maxsize=None)
def rules_for(lang: str) -> RelationRules:
    """The rules of a language (built once: they read their word lists on construction)."""
    return RULES.get(lang, EnglishRules)()


__all__ = ["RULES", "RelationRules", "rules_for"]
