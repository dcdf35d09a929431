"""Plain twins of the cue patterns of `diplotext.extract.kind.lexicon`: each word boundary as a
lookbehind that opens the pattern. tests/test_kind_patterns.py checks that the patterns
`kind_words` compiles match where these do."""

from __future__ import annotations

import re

from diplotext.extract.kind.lexicon import alternation
from diplotext.resources import load_json


def cue_patterns(lang: str) -> dict[str, re.Pattern[str]]:
    """The cue patterns of one language, by their name in `KindWords` (none for an empty list)."""
    data = load_json(f"{lang}/kinds.json")

    def phrases(words: list[str]) -> re.Pattern[str]:
        folded = [w.casefold() for w in words]
        return re.compile(rf"(?<!\w)(?:{alternation(sorted(folded, key=len, reverse=True))})")

    found = {
        "speech": re.compile(rf"(?<!\w)(?:{alternation([w.casefold() for w in data['speech_titles']])})(?!\w)"),
        "party_nouns": re.compile(rf"(?<!\w)(?:{alternation(data['party_nouns'])})(?!\w)"),
        "declaring": phrases(data["declaring_phrases"]),
        "intros": phrases(data["statement_intros"]),
        "closing": phrases(data["closing_formulas"]),
        "attributions": phrases(data["attributions"]),
        "own_state": phrases(data["own_state_phrases"]),
        "honorifics": re.compile(rf"(?<=\w )(?:{alternation(data['official_honorifics'])})(?!\w)"),
    }
    lists = {"speech": "speech_titles", "party_nouns": "party_nouns", "declaring": "declaring_phrases", "intros": "statement_intros",
             "closing": "closing_formulas", "attributions": "attributions", "own_state": "own_state_phrases",
             "honorifics": "official_honorifics"}
    return {name: pattern for name, pattern in found.items() if data[lists[name]]}


__all__ = ["cue_patterns"]
