"""Plain twin of `diplotext.token_view`: each list of the view as spaCy's Tokens give it.

The property test in tests/test_token_view.py checks that the view agrees with these.
"""

from __future__ import annotations

from spacy.tokens import Doc


def columns(doc: Doc) -> dict[str, list]:  # type: ignore[type-arg]
    """What `TokenView` holds, read token by token."""
    return {
        "texts": [t.text for t in doc],
        "lowers": [t.lower_ for t in doc],
        "norms": [t.norm_ for t in doc],
        "idx": [t.idx for t in doc],
        "ends": [t.idx + len(t) for t in doc],
        "spaced": [bool(t.whitespace_) for t in doc],
        "is_space": [t.is_space for t in doc],
        "is_punct": [t.is_punct for t in doc],
        "is_alpha": [t.is_alpha for t in doc],
        "like_num": [t.like_num for t in doc],
        "sent_starts": [s.start for s in doc.sents] if len(doc) else [],
        "sent_ends": [s.end for s in doc.sents] if len(doc) else [],
    }


def surface(doc: Doc, start: int, end: int) -> str:
    return doc[start:end].text


def where_text(doc: Doc, texts: set[str]) -> list[int]:
    return [t.i for t in doc if t.text in texts]


def where_lower(doc: Doc, lowers: set[str]) -> list[int]:
    return [t.i for t in doc if t.lower_ in lowers]
