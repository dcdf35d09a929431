"""What is language-specific and below every extractor: detecting a text's language, and
per-language helpers such as Russian morphology (``diplotext.lang.ru.morphology``)."""

from __future__ import annotations

from .detect import detect_language

LANGUAGES = ("en", "ru")
"""The languages diplotext reads: each has its data in resources/<xx>/ and its rules in the
extractors' per-language registries."""

__all__ = ["LANGUAGES", "detect_language"]
