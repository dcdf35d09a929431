"""A guard around spaCy's tokenizer that keeps it linear in its input.

spaCy's tokenizer splits text on whitespace and then strips prefixes and suffixes from each
chunk one at a time, searching the whole rest of the chunk for every one: a chunk of `n`
brackets, quotes or currency signs with no space in it ("((((...", "US$US$US$...") costs
O(n²). Ten thousand ')' take seconds; a megabyte of them, which a scraped page can hold, would
take hours.

`BoundedTokenizer` hands whitespace-free runs longer than `max_chunk` characters to the
tokenizer in pieces of at most `max_chunk` characters, cut where a word meets punctuation when
such a place exists, and joins the tokens into one Doc whose text is the input, character for
character. Text without such runs (every real statement) goes to the tokenizer unchanged.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any

from spacy.tokens import Doc

TEXT_KEY = "diplotext_text"
"""``doc.user_data`` key of the text the Doc was made from: ``Doc.text`` rebuilds it from every
token (a Python object each), which cost the entity component 3% of the pipeline's time."""

MAX_CHUNK = 32
"""Longest whitespace-free run tokenized in one go. Longer ones are URLs, rules of dashes,
base64 blobs or junk; no word of a statement is this long."""


class BoundedTokenizer:
    """Wraps a spaCy `Tokenizer`; see the module docstring. Other attributes pass through."""

    def __init__(self, tokenizer: Any, max_chunk: int = MAX_CHUNK) -> None:
        object.__setattr__(self, "tokenizer", tokenizer)
        object.__setattr__(self, "max_chunk", max_chunk)
        object.__setattr__(self, "_long_run", re.compile(r"\S{%d,}" % (max_chunk + 1)))

    def __call__(self, text: str) -> Doc:
        doc = self._tokenize(text)
        doc.user_data[TEXT_KEY] = text
        return doc

    def _tokenize(self, text: str) -> Doc:
        if self._long_run.search(text) is None:
            return self.tokenizer(text)
        words: list[str] = []
        spaces: list[bool] = []
        norms: list[tuple[int, str]] = []  # token-level norms of special cases ("n't" -> "not")

        def add(doc: Doc) -> None:
            for token in doc:
                if token.norm != token.lex.norm:
                    norms.append((len(words), token.norm_))
                words.append(token.text)
                spaces.append(bool(token.whitespace_))

        pos = 0
        for m in self._long_run.finditer(text):
            if m.start() > pos:
                add(self.tokenizer(text[pos:m.start()]))
            for piece in self._pieces(m.group()):
                add(self.tokenizer(piece))
            pos = m.end()
        if pos < len(text):
            add(self.tokenizer(text[pos:]))
        doc = Doc(self.tokenizer.vocab, words=words, spaces=spaces)
        for i, norm in norms:
            doc[i].norm_ = norm
        if doc.text != text:  # pragma: no cover - the join neither adds nor drops a character
            raise AssertionError("BoundedTokenizer changed the text")
        return doc

    def _pieces(self, run: str) -> Iterator[str]:
        """`run` cut into pieces of at most `max_chunk` characters, at a word/non-word boundary
        where one lies in the second half of the piece."""
        n, size = len(run), self.max_chunk
        i = 0
        while i < n:
            end = min(i + size, n)
            if end < n:
                for j in range(end, i + size // 2, -1):
                    if run[j - 1].isalnum() != run[j].isalnum():
                        end = j
                        break
            yield run[i:end]
            i = end

    def pipe(self, texts: Iterable[str], batch_size: int = 1000) -> Iterator[Doc]:
        for text in texts:
            yield self(text)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.tokenizer, name)

    def __setattr__(self, name: str, value: Any) -> None:
        setattr(self.tokenizer, name, value)
