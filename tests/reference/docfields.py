"""Plain twins of the shortcuts kept in the layout, the topics and the kind's headline test.

Each function here is the definition the faster code in src/ must agree with; the property
tests in tests/test_structure_equivalence.py check that it does.
"""

from __future__ import annotations

import re
from collections import Counter

from diplotext.extract.kind.lexicon import kind_words
from diplotext.resources import load_json
from diplotext.segment import topics
from diplotext.text import lines

SENTENCE_END = re.compile(r"[.!?…:;]['\"”»’)\]]*\s*$")


def ends_sentence(s: str) -> bool:
    """`lines.ends_sentence`: the sentence-end pattern searched in the whole string."""
    return bool(SENTENCE_END.search(s))


def term_topic(match: str, by_term: dict[str, str]) -> str | None:
    """`topics._term_topic`: every term of the lexicon tried against the phrase, no index."""
    words = match.casefold().split()
    key = " ".join(words)
    if key in by_term:
        return by_term[key]
    best: tuple[int, str] | None = None
    for term, topic in by_term.items():
        tw = term.split()
        if len(tw) != len(words):
            continue
        if all(w == t or (t.endswith("*") and w.startswith(t[:-1])) for w, t in zip(words, tw)):
            score = len(term) - term.count("*") * 100  # exact words beat stems
            if best is None or score > best[0]:
                best = (score, topic)
    return best[1] if best else None


def score_topics(text: str, lang: str, limit: int = 3) -> list[tuple[str, int]]:
    """`topics.score_topics`: the trie after a word boundary, tried at every character, no cache."""
    _, by_term = topics._topic_matcher(lang)
    pattern = re.compile(r"\b(?:" + topics._trie_regex(list(by_term)) + r")(?!\w)")
    counts: Counter[str] = Counter()
    for m in pattern.finditer(text.casefold()):
        topic = term_topic(m.group(), by_term)
        if topic:
            counts[topic] += 1
    if not counts:
        return []
    ranked = counts.most_common()
    if ranked[-1][1] < 2:
        short = len(topics._WORD.findall(text[:1000])) < 60
        ranked = [(t, c) for t, c in ranked if c >= 2 or short]
    return ranked[:limit]


def nominal_headline(title: str, lang: str) -> bool:
    """`kind.title.nominal_headline`: the nouns that look like verbs taken out one sub per noun."""
    cues = kind_words(lang)
    low = " ".join(title.casefold().split())
    if cues.nominal.match(low):
        return True
    for w in load_json(f"{lang}/kinds.json")["not_verbs"]:
        low = re.sub(rf"\b{re.escape(w)}\b", " ", low)
    return not cues.verb.search(low)


def line_kind(stripped: str) -> str:
    """What `blocks._line_kinds` says of a line whose words `lines._classify` read: its full kind."""
    from diplotext.text import blocks

    return blocks._line_kind(stripped)


__all__ = ["ends_sentence", "line_kind", "lines", "nominal_headline", "score_topics"]
