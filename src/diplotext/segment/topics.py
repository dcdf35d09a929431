"""Topics of a section, scored from a lexicon kept as data (``resources/<lang>/topics.json``).

A term is a phrase of words, each optionally a stem ("sanction*"); all terms of a language are
compiled into one regex factored by shared prefixes, so that matching is linear in the text
whatever the size of the lexicon.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from operator import itemgetter

from ..resources import load_json

_WORD = re.compile(r"\w+(?:[-'’]\w+)*")
_WORD_CHAR = re.compile(r"\w")


def _atoms(term: str) -> list[str]:
    """A lexicon term as regex atoms: one per character, a run of spaces, an ending wildcard."""
    atoms: list[str] = []
    for i, word in enumerate(term.split()):
        if i:
            atoms.append(r"\s+")
        stem = word.endswith("*")
        atoms.extend(re.escape(ch) for ch in word.rstrip("*"))
        if stem:
            atoms.append(r"\w*")
    return atoms


def _trie_regex(terms: Sequence[str]) -> str:
    """One regex for many terms, factored by shared prefixes (a trie), so that at each position of
    the text only the branch of the next character is tried: linear in the text, whatever the
    size of the lexicon."""
    trie: dict = {}
    for term in terms:
        node = trie
        for atom in _atoms(term):
            node = node.setdefault(atom, {})
        node[""] = {}

    def build(node: dict) -> str:
        alts = [atom + build(child) for atom, child in sorted(node.items()) if atom]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return build(trie)


@lru_cache(maxsize=None)
def _topic_matcher(lang: str) -> tuple[re.Pattern[str], dict[str, str]]:
    data = load_json(f"{lang if lang in ('en', 'ru') else 'en'}/topics.json")["topics"]
    by_term: dict[str, str] = {}
    for topic, terms in data.items():
        for term in terms:
            key = " ".join(term.casefold().split())
            by_term.setdefault(key, topic)
    # Terms are case-folded, and so is the text the pattern is run on. A term starts at a word
    # boundary: every term starts and ends with a word character, so that is a non-word character
    # before it, which the pattern takes (group 1 is the term); the text is run with a space in
    # front. Opening with a character class lets the regex engine skip to the places where a term
    # can start instead of trying the whole trie at every character.
    if any(not _WORD_CHAR.match(term) or not _WORD_CHAR.match(term.rstrip("*")[-1:] or " ") for term in by_term):
        raise ValueError(f"resources/{lang}/topics.json: a term must start and end with a letter or digit")
    # "Not an ASCII word character", then a lookbehind for no word character at all: exactly `\W`.
    pattern = re.compile(r"[^0-9A-Za-z_](?<=\W)(" + _trie_regex(list(by_term)) + r")(?!\w)")
    return pattern, by_term


@dataclass(frozen=True)
class _Term:
    order: int  # its place in the lexicon: of two equal scores, the earlier term wins
    words: tuple[str, ...]
    score: int
    topic: str


@dataclass(frozen=True)
class _TermIndex:
    """The lexicon's terms by their first word: the whole word for a term that opens with one, its
    stem (without the '*') for a term that opens with a stem. A matched phrase's candidates are
    then the terms under its first word and under each of that word's prefixes, not the whole
    lexicon."""

    by_word: dict[str, list[_Term]]
    by_stem: dict[str, list[_Term]]


@lru_cache(maxsize=None)
def _term_index(lang: str) -> _TermIndex:
    _, by_term = _topic_matcher(lang)
    by_word: dict[str, list[_Term]] = {}
    by_stem: dict[str, list[_Term]] = {}
    for order, (term, topic) in enumerate(by_term.items()):
        words = tuple(term.split())
        entry = _Term(order, words, len(term) - term.count("*") * 100, topic)  # exact words beat stems
        first = words[0]
        if first.endswith("*"):
            by_stem.setdefault(first[:-1], []).append(entry)
        else:
            by_word.setdefault(first, []).append(entry)
    return _TermIndex(by_word, by_stem)


def _term_topic(match: str, lang: str) -> str | None:
    """The topic of the longest lexicon term that a matched phrase is an instance of (a stem
    matches every word it begins; of two equal scores the earlier term wins)."""
    _, by_term = _topic_matcher(lang)
    words = match.casefold().split()
    key = " ".join(words)
    if key in by_term:
        return by_term[key]
    index = _term_index(lang)
    first = words[0]
    candidates = list(index.by_word.get(first, ()))
    for k in range(1, len(first) + 1):
        candidates += index.by_stem.get(first[:k], ())
    best: _Term | None = None
    for term in candidates:
        if len(term.words) != len(words):
            continue
        if all(w == t or (t.endswith("*") and w.startswith(t[:-1])) for w, t in zip(words, term.words)):
            if best is None or (term.score, -term.order) > (best.score, -best.order):
                best = term
    return best.topic if best else None


_TERM_CACHE: dict[str, dict[str, str | None]] = {}
"""Per language, the topic of each matched phrase met so far (at most `_TERM_CACHE_SIZE` each)."""
_TERM_CACHE_SIZE = 50_000


def score_topics(text: str, lang: str = "en", limit: int = 3) -> list[tuple[str, int]]:
    """(topic, hits) for the topics of the lexicon that `text` speaks of, best first."""
    pattern, by_term = _topic_matcher(lang)
    counts: dict[str, int] = {}  # in order of first mention, as a Counter keeps them for most_common
    cache = _TERM_CACHE.get(lang)
    if cache is None:
        cache = _TERM_CACHE[lang] = {}
    for word in pattern.findall(" " + text.casefold()):
        topic = cache.get(word, "")
        if topic == "":
            topic = _term_topic(word, lang)
            if len(cache) < _TERM_CACHE_SIZE:
                cache[word] = topic
        if topic:
            counts[topic] = counts.get(topic, 0) + 1
    if not counts:
        return []
    # Best first, ties in order of first mention: Counter.most_common's own sort.
    ranked = sorted(counts.items(), key=itemgetter(1), reverse=True)
    # A topic counts when it is named twice, or once in a short section.
    if ranked[-1][1] < 2:
        short = len(_WORD.findall(text[:1000])) < 60
        ranked = [(t, c) for t, c in ranked if c >= 2 or short]
    return ranked[:limit]


