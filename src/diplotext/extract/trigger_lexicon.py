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
from itertools import product

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
    """The part every match of the phrase contains and that says most: the last required part
    that is not a function word (else the first required part). The lexicons end a phrase on
    its head ('are firmly committed to', 'official visit', 'do not accept'), and the words
    before it are the commoner ones: the tokens the matcher looks around are fewer."""
    required = [i for i, (words, optional) in enumerate(parts) if words is not None and not optional]
    if not required:
        raise ValueError("a phrase needs at least one required word")
    return next((i for i in reversed(required) if not (parts[i][0] or frozenset()) & function_words), required[0])


@dataclass(frozen=True)
class _Entry:
    """One reading of a phrase of a lexicon (each of its optional parts taken or left out) under
    its anchor word: a run of `length` tokens whose anchor stands `before` tokens after its
    start. ``checks``: the offset from the start and the word set of each of its parts other
    than the anchor and the wildcards. ``needs``: those word sets (a Doc without a word of each
    has no match of this reading)."""

    key: int
    before: int
    length: int
    checks: tuple[tuple[int, frozenset[str]], ...]
    needs: tuple[frozenset[str], ...]


def readings(parts: list[Part], anchor: int) -> list[tuple[list[frozenset[str] | None], int]]:
    """Every way to read a phrase, each optional part taken or left out: the parts read (all
    required then) and where the anchor stands among them. The matches of a phrase are those
    of its readings."""
    choices = [(True, False) if optional else (True,) for _, optional in parts]
    out = []
    for taken in product(*choices):
        kept = [k for k, take in enumerate(taken) if take]
        out.append(([parts[k][0] for k in kept], kept.index(anchor)))
    return out


def _entries(key: int, parts: list[Part], anchor: int) -> list[_Entry]:
    """The readings of a phrase as entries (those that read alike once)."""
    entries = []
    for words, before in readings(parts, anchor):
        checks = tuple((k, w) for k, w in enumerate(words) if w is not None and k != before)
        entries.append(_Entry(key, before, len(words), checks, tuple(dict.fromkeys(w for _, w in checks))))
    return list(dict.fromkeys(entries))


class TriggerMatcher:
    """Finds the phrases of a lexicon in a Doc, linear in its length: each reading of a phrase
    is indexed by its anchor words, and only tokens that are anchor words are looked around
    (at the one place each reading puts its start)."""

    def __init__(self, entries: Iterable[tuple[int, Sequence[str]]], function_words: frozenset[str] = frozenset()) -> None:
        self.by_anchor: dict[str, list[_Entry]] = {}
        for key, phrases in entries:
            for phrase in phrases:
                if not phrase.strip():
                    continue
                parts = compile_phrase(phrase)
                a = anchor_index(parts, function_words)
                readings_of = _entries(key, parts, a)
                for w in parts[a][0] or ():
                    self.by_anchor.setdefault(w, []).extend(readings_of)
        self.anchors = frozenset(self.by_anchor)

    def _live(self, anchor: str, sents: Sentences, live: dict[str, list[_Entry]]) -> list[_Entry]:
        """The readings under an anchor word whose other words the Doc has (once per word)."""
        vocabulary = sents.vocabulary()
        entries = live[anchor] = []
        for x in self.by_anchor[anchor]:
            for need in x.needs:
                if need.isdisjoint(vocabulary):
                    break
            else:
                entries.append(x)
        return entries

    def __call__(self, sents: Sentences) -> list[Match]:
        """Every match of every phrase inside a unit (a match's anchor is one of the Doc's
        anchor words, each looked around once)."""
        words = sents.words()
        found: set[Match] = set()
        live: dict[str, list[_Entry]] = {}
        for i in sents.where(self.anchors):
            w = words[i]
            entries = live.get(w)
            if entries is None:
                entries = self._live(w, sents, live)
            unit = sents.unit_at(i) if entries else None
            if unit is None:
                continue
            for entry in entries:
                start = i - entry.before
                end = start + entry.length
                if start < unit.start or end > unit.end:
                    continue
                for k, allowed in entry.checks:
                    if words[start + k] not in allowed:
                        break
                else:
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
