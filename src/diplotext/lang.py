"""Which language a text is in: Russian or English, by the share of Cyrillic letters.

A first cut that is right for this genre, where a text is one or the other; `lang=` forces it.
"""

from __future__ import annotations


def detect_language(text: str, sample: int = 20_000) -> str:
    """'ru' when Cyrillic letters outnumber Latin ones in the first `sample` characters, else 'en'."""
    head = text[:sample]
    cyr = lat = 0
    for ch in head:
        if "\u0400" <= ch <= "\u04ff":
            cyr += 1
        elif "a" <= ch <= "z" or "A" <= ch <= "Z":
            lat += 1
    return "ru" if cyr > lat else "en"
