"""The tokens a walk over the Doc needs to look at, read from its arrays in one call.

A name's word, a surname, an acronym is never a lower-case word (`str.islower`: a word whose
first letter is a capital is not), so the walks that look for them skip those, which are most
of a text, without making a spaCy Token or a string for them."""

from __future__ import annotations

import numpy
from spacy.attrs import IS_ALPHA, IS_LOWER
from spacy.tokens import Doc

from ...token_view import token_view


def not_lower(doc: Doc) -> list[tuple[int, str, bool]]:
    """(position, text, is_alpha) of each token that is not a lower-case word, in order (the
    texts from the Doc's token view)."""
    if not len(doc):
        return []
    arr = doc.to_array([IS_LOWER, IS_ALPHA])
    at = numpy.flatnonzero(arr[:, 0] == 0)
    positions = at.tolist()
    return list(zip(positions, map(token_view(doc).texts.__getitem__, positions), (arr[at, 1] != 0).tolist()))
