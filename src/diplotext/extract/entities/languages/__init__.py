"""The entity stage's rules per language, in one registry keyed by language.

A new language is its data in ``resources/<xx>/`` plus one rules module here that fills in a
`LanguageRules`; the core of the entity stage never asks which language it is in.
"""

from __future__ import annotations

from ....errors import LanguageError
from . import en, ru
from .base import LanguageRules

REGISTRY: dict[str, LanguageRules] = {"en": en.RULES, "ru": ru.RULES}
"""Every language of `diplotext.lang.LANGUAGES` (a test checks that the keys are those)."""


def rules_for(lang: str) -> LanguageRules:
    """The entity rules of `lang`."""
    try:
        return REGISTRY[lang]
    except KeyError:
        raise LanguageError(f"language {lang!r} has no entity rules; use one of {', '.join(REGISTRY)}") from None
