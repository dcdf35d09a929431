"""The words of a stream that outlive its memory zones.

A memory zone (``nlp.memory_zone()``) drops every lexeme the batch added to the shared Vocab, so
that an endless stream of new names and numbers cannot grow memory. It drops the common words
too: "the", "President", "cooperation" would be made again, lexical attributes and all, in
every zone, though every zone needs them. A word that an earlier zone had to make too is no
one-off: `KeptWords` gives it a lexeme of its own outside any zone, so that later zones find it. At most `MAX_KEPT` words are kept per pipeline and at most
`MAX_SEEN` words of earlier zones remembered, so memory stays bounded whatever the stream (a
stream of random numbers keeps the first `MAX_KEPT` of those that recur and nothing after).
"""

from __future__ import annotations

import numpy
from spacy.attrs import ORTH
from spacy.tokens import Doc
from spacy.vocab import Vocab

MAX_KEPT = 12_000
"""Words kept per pipeline. A lexeme with its string and its place in the Vocab's tables costs
about 470 bytes: 12,000 take 6 MB; the most frequent words of a corpus come first."""

MAX_SEEN = 500_000
"""Words of earlier zones remembered (8 bytes each), after which the memory starts again."""

_EMPTY = numpy.zeros(0, dtype="uint64")


class KeptWords:
    """The words (their orth hashes) of the zone open now and of the zones before it."""

    def __init__(self, limit: int = MAX_KEPT, seen: int = MAX_SEEN) -> None:
        self.limit = limit
        self.max_seen = seen
        self.kept = 0
        self._before = _EMPTY  # sorted, distinct
        self._now: list[numpy.ndarray] = []

    def note(self, doc: Doc) -> None:
        """Remember the words of `doc`, parsed in the zone open now."""
        if self.kept < self.limit and len(doc):
            self._now.append(doc.to_array(ORTH))  # made distinct once for the zone, in `recurring`

    def recurring(self, vocab: Vocab) -> list[str]:
        """The words of the zone open now that a zone before it held too. Call it before the
        zone ends, while the strings of its words are still in `vocab`."""
        if not self._now:
            return []
        now = numpy.unique(numpy.concatenate(self._now))
        self._now = []
        again, seen = merged(self._before, now)
        self._before = seen if len(seen) <= self.max_seen else now
        strings = vocab.strings
        return [strings[h] for h in again.tolist()]

    def keep(self, vocab: Vocab, words: list[str]) -> None:
        """Give each of `words` that has no lexeme now one that stays. Call it after the zone
        ended, outside any zone."""
        for word in words:
            if self.kept >= self.limit:
                return
            if word not in vocab:
                vocab[word]  # noqa: B018 - made outside a zone, the lexeme stays
                self.kept += 1


def merged(before: numpy.ndarray, now: numpy.ndarray) -> tuple[numpy.ndarray, numpy.ndarray]:
    """Of two sorted arrays of distinct hashes: those of `now` that `before` holds, and the
    sorted union. Each of `now` is looked up by bisection and the new ones are inserted: linear
    in `before`, which holds up to `MAX_SEEN` hashes, where numpy's set operations would sort it
    again at the end of every zone (they are the plain twin: tests/reference/kept_words.py)."""
    at = numpy.searchsorted(before, now)
    found = before[numpy.minimum(at, len(before) - 1)] == now if len(before) else numpy.zeros(len(now), dtype=bool)
    return now[found], numpy.insert(before, at[~found], now[~found])
