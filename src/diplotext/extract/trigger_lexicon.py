"""Trigger lexicons as data: a small phrase language, and a matcher for it linear in the Doc.

Trigger lexicons (``resources/<lang>/events.json``, ``stances.json``) write each trigger as a
phrase in a small pattern language, compiled once per language into a `TriggerMatcher`:

- tokens are separated by spaces; ``a|b|c`` is one token that is any of these words;
- a trailing ``?`` makes a token optional (``official|state|working? visit``);
- ``*`` is any one token (``*?`` any one token or none).

Phrases match the lexicon form of each token (`RelationRules.lexicon_form`): the lower case in
English, so the lexicons list the inflected forms; the dictionary form in Russian
(``подписали`` -> ``подписать``), so they list lemmas.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from spacy.vocab import Vocab

from ..resources import load_json
from .sentence_units import Sentences
from .vocab_cache import cached_per_vocab

Part = tuple[frozenset[str] | None, bool]
"""One token of a phrase: the words it may be (None: any word), and whether it is optional."""
Match = tuple[int, int, int]
"""A match: the entry's key, its first token, the token after its last."""


def compile_phrase(phrase: str) -> list[Part]:
    """One phrase of the lexicon pattern language as a list of parts."""
    parts: list[Part] = []
    for part in phrase.split():
        optional = part.endswith("?") and len(part) > 1
        if optional:
            part = part[:-1]
        words = None if part == "*" else frozenset(w for w in part.split("|") if w)
        parts.append((words, optional))
    return parts


def anchor_index(parts: list[Part], function_words: frozenset[str] = frozenset()) -> int:
    """The part every match of the phrase contains and that says most: the first required part
    that is not a function word (else the first required part)."""
    required = [i for i, (words, optional) in enumerate(parts) if words is not None and not optional]
    if not required:
        raise ValueError("a phrase needs at least one required word")
    return next((i for i in required if not (parts[i][0] or frozenset()) & function_words), required[0])


def _match(parts: list[Part], k: int, words: list[str], pos: int, limit: int) -> Iterable[int]:
    """End positions of the matches of parts[k:] starting at `pos` (all of them, as spaCy's Matcher)."""
    if k == len(parts):
        yield pos
        return
    allowed, optional = parts[k]
    if optional:
        yield from _match(parts, k + 1, words, pos, limit)
    if pos < limit and (allowed is None or words[pos] in allowed):
        yield from _match(parts, k + 1, words, pos + 1, limit)


@dataclass(frozen=True)
class _Entry:
    """A phrase of a lexicon under one of its anchor words.

    ``least``/``most``: how many parts may stand before the anchor. ``needs``: the word sets of
    the required parts other than the anchor (a Doc without a word of each has no match of the
    phrase)."""

    key: int
    parts: list[Part]
    least: int
    most: int
    needs: tuple[frozenset[str], ...]


def _entry(key: int, parts: list[Part], anchor: int) -> _Entry:
    before = parts[:anchor]
    least = sum(1 for _, optional in before if not optional)
    needs = tuple(dict.fromkeys(w for k, (w, optional) in enumerate(parts) if w is not None and not optional and k != anchor))
    return _Entry(key, parts, least, len(before), needs)


class TriggerMatcher:
    """Finds the phrases of a lexicon in a Doc, linear in its length: each phrase is indexed by
    one anchor word, and only tokens that are anchor words start a (tiny) match around them."""

    def __init__(self, entries: Iterable[tuple[int, Sequence[str]]], function_words: frozenset[str] = frozenset()) -> None:
        self.by_anchor: dict[str, list[_Entry]] = {}
        for key, phrases in entries:
            for phrase in phrases:
                if not phrase.strip():
                    continue
                parts = compile_phrase(phrase)
                a = anchor_index(parts, function_words)
                entry = _entry(key, parts, a)
                for w in parts[a][0] or ():
                    self.by_anchor.setdefault(w, []).append(entry)
        self.anchors = frozenset(self.by_anchor)

    def _entries(self, anchor: str, sents: Sentences, live: dict[str, list[_Entry]]) -> list[_Entry]:
        """The phrases under an anchor word whose other required words the Doc has (once per word)."""
        entries = live.get(anchor)
        if entries is None:
            vocab = sents.vocabulary()
            entries = live[anchor] = [x for x in self.by_anchor[anchor] if all(not need.isdisjoint(vocab) for need in x.needs)]
        return entries

    def __call__(self, sents: Sentences) -> list[Match]:
        words = sents.words()
        found: set[Match] = set()
        live: dict[str, list[_Entry]] = {}
        for i in sents.where(self.anchors):
            entries = self._entries(words[i], sents, live)
            unit = sents.unit_at(i) if entries else None
            if unit is None:
                continue
            for entry in entries:
                for start in range(max(unit.start, i - entry.most), i - entry.least + 1):
                    for end in _match(entry.parts, 0, words, start, unit.end):
                        if start <= i < end:
                            found.add((entry.key, start, end))
        return sorted(found, key=lambda m: (m[1], m[2]))


def lexicon_matcher(name: str, key: str) -> Callable[[Vocab, str], TriggerMatcher]:
    """Per pipeline and language, the trigger matcher of the ``key`` list of
    ``resources/{lang}/{name}.json``: one rule per entry, its index as the match id."""

    def build(vocab: Vocab, lang: str) -> TriggerMatcher:
        entries = load_json(f"{lang}/{name}.json")[key]
        function_words = frozenset(load_json(f"{lang}/relations.json")["function_words"])
        return TriggerMatcher(((i, e["phrases"]) for i, e in enumerate(entries)), function_words)

    return cached_per_vocab(build)


def longest_matches(matches: Iterable[Match]) -> list[Match]:
    """Non-overlapping matches, longest first, in text order (like spacy.util.filter_spans)."""
    taken: set[int] = set()
    kept = []
    for m in sorted(matches, key=lambda m: (-(m[2] - m[1]), m[1])):
        if any(t in taken for t in range(m[1], m[2])):
            continue
        kept.append(m)
        taken.update(range(m[1], m[2]))
    return sorted(kept, key=lambda m: m[1])


def matches_by_unit(sents: Sentences, matcher: TriggerMatcher) -> dict[int, list[Match]]:
    """The matcher's longest, non-overlapping matches, grouped by the unit they start in."""
    by_unit: dict[int, list[Match]] = {}
    for m in longest_matches(matcher(sents)):
        unit = sents.unit_at(m[1])
        if unit is not None:
            by_unit.setdefault(unit.index, []).append(m)
    return by_unit
