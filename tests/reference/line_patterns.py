"""Plain twin of `diplotext.text.lines._alternation`: the words as one alternation, longest first."""

from __future__ import annotations

import re


def alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))
