"""The tokens a walk over the Doc needs to look at, read from its arrays in one call.

A name's word, a surname, an acronym is never a lower-case word (`str.islower`: a word whose
first letter is a capital is not), so the walks that look for them skip those, which are most
of a text, without making a spaCy Token or a string for them."""

from __future__ import annotations

import numpy
from spacy.attrs import IS_ALPHA, IS_LOWER, ORTH
from spacy.tokens import Doc


def not_lower(doc: Doc) -> list[tuple[int, str, bool]]:
    """(position, text, is_alpha) of each token that is not a lower-case word, in order."""
    if not len(doc):
        return []
    arr = doc.to_array([ORTH, IS_LOWER, IS_ALPHA])
    at = numpy.flatnonzero(arr[:, 1] == 0)
    orths = arr[at, 0].tolist()
    strings = doc.vocab.strings
    texts = {h: strings[h] for h in set(orths)}
    return list(zip(at.tolist(), map(texts.__getitem__, orths), (arr[at, 2] != 0).tolist()))
