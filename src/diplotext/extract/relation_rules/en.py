"""English: the defaults of `RelationRules` (lower-case lexicons, suffixes for participles)."""

from __future__ import annotations

from .base import RelationRules


class EnglishRules(RelationRules):
    lang = "en"
