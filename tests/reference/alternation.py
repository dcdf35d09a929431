"""Plain twin of `diplotext.text.alternation.alternation`: the words as one flat alternation,
longest first. tests/test_alternation.py checks that the trie matches what this matches."""

from __future__ import annotations

import re


def alternation(words: object, *, dot_optional: bool = False) -> str:
    items = sorted({str(w) for w in words}, key=lambda w: (-len(w), w))  # type: ignore[attr-defined]
    parts = []
    for w in items:
        esc = re.escape(w).replace(r"\ ", "[ ]")
        if dot_optional and not w.endswith("."):
            esc += r"\.?"
        parts.append(esc)
    return "(?:" + "|".join(parts) + ")" if parts else "(?!)"
