"""One read-only view of a Doc's tokens, made once per Doc and shared by every extractor.

Reading a spaCy ``Token`` attribute makes a ``Token`` object each time, and each extractor that
walked the Doc again paid for that again. `token_view(doc)` reads each attribute once, for all
tokens, into a plain list (texts, lower and normal forms, offsets, the space after each token,
flags), each made on first use; the extractors read those lists and
keep their own rules as they were. What each list must equal is written plainly in
``tests/reference/token_view.py``, and a property test checks it.

The view is of the Doc as the pipeline left it: a Doc changed afterwards (retokenized, its
sentences reset) needs a new one (`token_view` makes a new one when the length differs, and
nothing else is checked).
"""

from __future__ import annotations

import weakref
from bisect import bisect_right
from collections.abc import Collection
from functools import cached_property

import numpy
from spacy.attrs import IDX, IS_ALPHA, IS_PUNCT, IS_SPACE, LIKE_NUM, LOWER, NORM, ORTH, SENT_START, SPACY
from spacy.strings import StringStore, hash_string
from spacy.tokens import Doc

from .tokenizer import WORDS_KEY

_MAX_CACHED_STRINGS = 500_000
"""Strings kept per vocabulary before its cache is emptied (memory stays bounded on any stream)."""


class _Strings:
    """The strings of one StringStore by hash, as Python strings made once (a StringStore lookup
    decodes a new string each time)."""

    def __init__(self, store: StringStore) -> None:
        self.store = store
        self.by_hash: dict[int, str] = {}
        self.since: list[int] = []
        """The hashes cached since `forget` was last called: only those can be of strings that
        a memory zone open since then added to the store."""

    def of(self, hashes: list[int]) -> list[str]:
        known = self.by_hash
        try:
            return list(map(known.__getitem__, hashes))
        except KeyError:
            if len(known) > _MAX_CACHED_STRINGS:
                known.clear()
                self.since.clear()
            store = self.store
            missing = set(hashes).difference(known)
            for h in missing:
                known[h] = store[h]
            self.since.extend(missing)
            return list(map(known.__getitem__, hashes))

    def forget(self) -> None:
        """Drop the cached strings that the store no longer holds."""
        known, store = self.by_hash, self.store
        for h in self.since:
            if h not in store:
                known.pop(h, None)
        self.since.clear()


_STRINGS: dict[int, _Strings] = {}
_MAX_STORES = 8
"""Vocabularies whose strings are cached (the pipelines are built once: a few in a process)."""


def _strings_of(store: StringStore) -> _Strings:
    """The cache of `store` (a StringStore takes no weak reference: the cache holds it, and is
    emptied when more than `_MAX_STORES` vocabularies have been seen)."""
    hit = _STRINGS.get(id(store))
    if hit is None or hit.store is not store:
        if len(_STRINGS) >= _MAX_STORES:
            _STRINGS.clear()
        hit = _STRINGS[id(store)] = _Strings(store)
    return hit


def forget_transient_strings(store: StringStore) -> None:
    """Drop the cached strings that `store` no longer holds: those a memory zone added
    (``nlp.memory_zone()``) are gone from it when the zone ends, and go from here too."""
    hit = _STRINGS.get(id(store))
    if hit is not None and hit.store is store:
        hit.forget()


class TokenView:
    """The tokens of one Doc as lists, index i for token i (``doc[i]``). Read only."""

    def __init__(self, doc: Doc) -> None:
        self.n = len(doc)
        self._doc = weakref.ref(doc)  # the view does not keep the Doc alive
        self._strings = _strings_of(doc.vocab.strings)
        self._spacy_sents = "sents" in doc.user_hooks or not doc.has_annotation("SENT_START")

    def doc(self) -> Doc:
        doc = self._doc()
        if doc is None:
            raise ReferenceError("the Doc of this token view is gone")
        return doc

    def _column(self, attr: int) -> numpy.ndarray:
        return self.doc().to_array(attr) if self.n else numpy.zeros(0, dtype="uint64")

    # -- strings ----------------------------------------------------------------------------

    @cached_property
    def orth_array(self) -> numpy.ndarray:
        """``token.orth`` (the hash of ``token.text``)."""
        return self._column(ORTH)

    @cached_property
    def texts(self) -> list[str]:
        """``token.text``: the words diplotext's tokenizer made the Doc from, when it did (and the
        Doc still has as many tokens), else each token's string looked up."""
        if not self.n:
            return []
        words = self.doc().user_data.get(WORDS_KEY)
        if isinstance(words, list) and len(words) == self.n:
            return words
        return self._strings.of(self.orth_array.tolist())

    @cached_property
    def lowers(self) -> list[str]:
        """``token.lower_``"""
        return self._strings.of(self._column(LOWER).tolist())

    @cached_property
    def norms(self) -> list[str]:
        """``token.norm_``"""
        return self._strings.of(self._column(NORM).tolist())

    # -- offsets and spaces -----------------------------------------------------------------

    @cached_property
    def idx(self) -> list[int]:
        """``token.idx``: where each token starts in the text."""
        return self._column(IDX).tolist()  # type: ignore[no-any-return]

    @cached_property
    def ends(self) -> list[int]:
        """Where each token ends in the text (``token.idx + len(token)``)."""
        return [i + len(t) for i, t in zip(self.idx, self.texts)]

    @cached_property
    def spaced(self) -> list[bool]:
        """``bool(token.whitespace_)``: a space follows the token."""
        return [bool(x) for x in self._column(SPACY).tolist()]

    def surface(self, start: int, end: int) -> str:
        """The text of tokens [start, end) (``doc[start:end].text``)."""
        if end <= start:
            return ""
        texts, spaced = self.texts, self.spaced
        return "".join([texts[k] + " " if spaced[k] else texts[k] for k in range(start, end - 1)]) + texts[end - 1]

    # -- flags ------------------------------------------------------------------------------

    @cached_property
    def is_space_array(self) -> numpy.ndarray:
        return self._column(IS_SPACE)

    @cached_property
    def is_space(self) -> list[bool]:
        """``token.is_space``"""
        return [bool(x) for x in self.is_space_array.tolist()]

    @cached_property
    def is_punct_array(self) -> numpy.ndarray:
        return self._column(IS_PUNCT)

    @cached_property
    def is_punct(self) -> list[bool]:
        """``token.is_punct``"""
        return [bool(x) for x in self.is_punct_array.tolist()]

    @cached_property
    def is_alpha(self) -> list[bool]:
        """``token.is_alpha``"""
        return [bool(x) for x in self._column(IS_ALPHA).tolist()]

    @cached_property
    def like_num(self) -> list[bool]:
        """``token.like_num``"""
        return [bool(x) for x in self._column(LIKE_NUM).tolist()]

    # -- sentences --------------------------------------------------------------------------

    @cached_property
    def sent_starts(self) -> list[int]:
        """The first token of each sentence, in order (``[s.start for s in doc.sents]``)."""
        if not self.n:
            return []
        if self._spacy_sents:  # a user's hook, or no sentence marks: spaCy's own answer
            return [s.start for s in self.doc().sents]
        flags = self._column(SENT_START)
        return [0] + (numpy.flatnonzero(flags[1:] == 1) + 1).tolist()

    @cached_property
    def sent_ends(self) -> list[int]:
        """The end (exclusive) of each sentence, in order (``[s.end for s in doc.sents]``)."""
        if not self.n:
            return []
        if self._spacy_sents:
            return [s.end for s in self.doc().sents]
        return self.sent_starts[1:] + [self.n]

    def sentence_of(self, i: int) -> int:
        """The number of the sentence that holds token i."""
        return bisect_right(self.sent_starts, i) - 1

    # -- finding ----------------------------------------------------------------------------

    def where_text(self, texts: Collection[str]) -> list[int]:
        """The positions, in order, of the tokens whose text is one of `texts`: those whose hash
        is one of theirs, each confirmed on its text."""
        if not texts or not self.n:
            return []
        orth = self.orth_array
        hashes = iter(texts)
        match = orth == hash_string(next(hashes))
        for text in hashes:  # a few texts: one comparison each beats numpy.isin's set-up
            match |= orth == hash_string(text)
        found = numpy.flatnonzero(match).tolist()
        words = self.texts
        return [i for i in found if words[i] in texts]

    def where_lower(self, lowers: Collection[str]) -> list[int]:
        """The positions, in order, of the tokens whose lower form is one of `lowers`."""
        return [i for i, t in enumerate(self.lowers) if t in lowers]


_LAST: list[tuple[weakref.ref[Doc], TokenView]] = []


def token_view(doc: Doc) -> TokenView:
    """The view of `doc`, made on the first call for it and shared by the later ones (the last
    Doc's view is kept; a Doc of another length, or another Doc, gets a new one)."""
    if _LAST:
        ref, view = _LAST[0]
        if ref() is doc and view.n == len(doc):
            return view
    view = TokenView(doc)
    _LAST[:] = [(weakref.ref(doc), view)]
    return view
