"""What is language-specific and below every extractor: detecting a text's language, and
per-language helpers such as Russian morphology (``diplotext.lang.ru.morphology``)."""

from __future__ import annotations

from .detect import detect_language

__all__ = ["detect_language"]
