"""One cache for everything built per spaCy pipeline: matchers hold hashes of their Vocab.

A matcher is only valid with the Vocab it was built on, so the cache is keyed by the Vocab
(and the language) and checks identity on every hit: a new pipeline gets new matchers. What is
built inside a memory zone (``nlp.memory_zone()``, where the strings it adds to the Vocab are
dropped when the zone ends) is used there and not kept.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from spacy.vocab import Vocab

T = TypeVar("T")


def cached_per_vocab(builder: Callable[[Vocab, str], T]) -> Callable[[Vocab, str], T]:
    """Build once per pipeline (its Vocab) and language, then reuse."""
    cache: dict[tuple[int, str], tuple[Vocab, T]] = {}

    def get(vocab: Vocab, lang: str) -> T:
        key = (id(vocab), lang)
        hit = cache.get(key)
        if hit is None or hit[0] is not vocab:
            hit = (vocab, builder(vocab, lang))
            if not vocab.in_memory_zone:
                cache[key] = hit
        return hit[1]

    get.__doc__ = builder.__doc__
    get.__name__ = builder.__name__
    return get
