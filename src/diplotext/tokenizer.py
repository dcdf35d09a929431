"""spaCy's tokenizer, kept linear in its input and given a cache that works.

Two things are wrong with calling spaCy's `Tokenizer` on scraped statements:

* **It is quadratic on some input.** It splits text on whitespace and strips prefixes and
  suffixes from each chunk one at a time, searching the whole rest of the chunk for every one: a
  chunk of `n` brackets, quotes or currency signs with no space in it ("((((...",
  "US$US$US$...") costs O(n²). Ten thousand ')' take seconds; a megabyte of them, which a
  scraped page can hold, would take hours.
* **Its cache is off for most of every document.** The tokenizer caches the tokens of each
  whitespace-delimited chunk, but a flag saying "a special case was used" is kept for the whole
  call (spaCy issue #1250), and once any special case has matched, nothing more is cached until
  the call ends. Every newline is a special case, so after a document's first line every chunk
  is split again by the affix regexes: about 40% of chunks miss the cache even when the same
  text is tokenized twice.

`BoundedTokenizer` tokenizes each whitespace-delimited chunk on its own, which gives the same
tokens (spaCy's rules never look past the whitespace around a chunk, except for special cases
that contain a space, such as Russian "в т.ч.": a text holding one of those goes to spaCy whole)
and keeps the chunk's tokens in its own bounded cache. New chunks of a text are tokenized by
spaCy in one call. Chunks longer than `max_chunk` characters are cut into pieces of at most
`max_chunk` characters, where a word meets punctuation if such a place exists, and the pieces
are cached instead. The Doc's text is the input, character for character.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from itertools import accumulate, chain, compress
from operator import itemgetter
from typing import Any

from spacy.tokens import Doc

from .text.alternation import alternation

TEXT_KEY = "diplotext_text"
"""``doc.user_data`` key of the text the Doc was made from: ``Doc.text`` rebuilds it from every
token (a Python object each), which cost the entity component 3% of the pipeline's time."""

MAX_CHUNK = 32
"""Longest whitespace-free run tokenized in one go. Longer ones are URLs, rules of dashes,
base64 blobs or junk; no word of a statement is this long."""

MAX_CACHED = 40_000
"""Units kept in the cache, in two generations of half this size each: when the young one is
full it becomes the old one, and a unit found in the old one moves back to the young one, so
frequent units stay and a stream of one-off ones (numbers, names) cannot grow memory. The 816
texts of the Kremlin corpus hold 33,600 distinct units; 40,000 take about 9 MB."""

_UNITS = re.compile(r"\S+ ?|\s+")
"""A text's units: a whitespace-free chunk with the one space after it, if any (the chunk's
whitespace, as spaCy gives it), or a run of whitespace (tokens of its own)."""

_Chunk = tuple[tuple[str, ...], tuple[tuple[int, str], ...]]
"""A chunk's tokens: their texts, and (index, norm) for tokens whose norm a special case set."""

_Entry = tuple[tuple[str, ...], tuple[bool, ...], tuple[tuple[int, str], ...]]
"""A unit's tokens: their texts, whether a space follows each, and (index, norm) for tokens
whose norm a special case set. A Doc's words and spaces are its units' entries joined, which
`itertools.chain` does without a Python step per token."""

_TEXTS, _SPACES, _NORMS = itemgetter(0), itemgetter(1), itemgetter(2)
_NO_SPACE, _SPACE = (False,), (True,)


class BoundedTokenizer:
    """Wraps a spaCy `Tokenizer`; see the module docstring. Other attributes pass through, and
    changing the wrapped tokenizer's rules through this object empties the cache."""

    def __init__(self, tokenizer: Any, max_chunk: int = MAX_CHUNK, max_cached: int = MAX_CACHED) -> None:
        object.__setattr__(self, "tokenizer", tokenizer)
        object.__setattr__(self, "max_chunk", max_chunk)
        object.__setattr__(self, "max_cached", max_cached)
        object.__setattr__(self, "_young", {})
        object.__setattr__(self, "_old", {})
        object.__setattr__(self, "_spaced", _spaced_specials(tokenizer))
        object.__setattr__(self, "_specials", frozenset(tokenizer.rules))

    def __call__(self, text: str) -> Doc:
        if self._spaced is not None and self._spaced.search(text) is not None:
            doc = self.tokenizer(text)  # a special case across chunks: spaCy's own pass is right
        else:
            doc = self._tokenize(text)
        doc.user_data[TEXT_KEY] = text
        return doc

    def _tokenize(self, text: str) -> Doc:
        units = _UNITS.findall(text)
        entries = self._entries(units)
        doc = Doc(self.tokenizer.vocab, words=list(chain.from_iterable(map(_TEXTS, entries))),
                  spaces=list(chain.from_iterable(map(_SPACES, entries))))
        if any(map(_NORMS, entries)):  # token-level norms of special cases ("n't" -> "not")
            firsts = list(accumulate(map(len, map(_TEXTS, entries)), initial=0))
            for k in compress(range(len(entries)), map(_NORMS, entries)):
                for i, norm in entries[k][2]:
                    doc[firsts[k] + i].norm_ = norm
        return doc

    def _entries(self, units: list[str]) -> list[_Entry]:
        """The entry of each unit, from the young generation, which is given every unit of
        `units` that is not too long first; a long one is cut in pieces (see `_chunk`)."""
        young = self._young
        try:
            return list(map(young.__getitem__, units))
        except KeyError:
            pass
        missing = [u for u in units if u not in young]
        if len(young) + len(missing) > self.max_cached // 2:
            object.__setattr__(self, "_old", young)
            young = {}
            object.__setattr__(self, "_young", young)
            missing = units
        old = self._old
        new: list[tuple[str, str]] = []
        long: dict[str, _Entry] = {}
        for unit in dict.fromkeys(missing):
            entry = old.get(unit)
            if entry is not None:
                young[unit] = entry
                continue
            run = _chunk_of(unit)
            if len(run) <= self.max_chunk:
                new.append((unit, run))
            else:
                long[unit] = _entry(unit, self._chunk(run, young))
        if new:
            self._fill(new, young)
        if not long:
            return list(map(young.__getitem__, units))
        return [young[u] if u in young else long[u] for u in units]

    def _fill(self, new: list[tuple[str, str]], cache: dict[str, _Entry]) -> None:
        """Tokenize a text's new units (each with its chunk) in one spaCy call and cache their
        entries.

        Chunks are joined by newlines, whose tokens mark where a chunk ends: a chunk holds no
        whitespace, and no special case's tokens include a newline, so nothing is matched across
        the join. Whitespace runs are tokenized one by one (there are few distinct ones).

        A word of letters only, or one with a comma after it, is no special case and holds nothing
        spaCy's prefix, suffix or infix rules split (those all need a character other than a
        letter), so its tokens are known without spaCy: itself, or the letters and the comma
        (about 70 % of a cold Russian text's new chunks; tests/test_tokenizer.py checks these
        against spaCy's own tokens). So is a run of ASCII digits only: one token (every rule that
        splits a number needs a sign, a unit or a point beside it); a text of numbered lines has
        a new one on every line."""
        words: dict[str, None] = {}
        known: dict[str, _Chunk] = {}
        specials = self._specials
        for unit, run in new:
            if unit[0].isspace():
                cache[unit] = _entry(unit, _tokens(self.tokenizer(unit)))
                continue
            if run in known or run in words:
                continue
            if run not in specials and (run.isalpha() or run.isascii() and run.isdigit()):
                known[run] = ((run,), ())
            elif run[-1] == "," and run not in specials and run[:-1] not in specials and run[:-1].isalpha():
                known[run] = ((run[:-1], ","), ())
            else:
                words[run] = None
        if words:
            doc = self.tokenizer("\n".join(words))
            texts: list[str] = []
            special: list[tuple[int, str]] = []
            it = iter(words)
            for token in doc:
                text = token.text
                if text == "\n":
                    known[next(it)] = (tuple(texts), tuple(special))
                    texts, special = [], []
                    continue
                if token.norm != token.lex.norm:
                    special.append((len(texts), token.norm_))
                texts.append(text)
            known[next(it)] = (tuple(texts), tuple(special))
        for unit, run in new:
            if run in known:
                cache[unit] = _entry(unit, known[run])

    def _chunk(self, run: str, cache: dict[str, _Entry]) -> _Chunk:
        """Tokens of a chunk longer than `max_chunk`, cut in pieces.

        A piece is tokenized on its own, so it is cached like a unit while the cache has room:
        a page-long run of one pattern ('((((...', 'US$US$...') costs one spaCy call per
        distinct piece, and a long run of junk cannot grow the cache past its bound."""
        texts: list[str] = []
        special: list[tuple[int, str]] = []
        room = self.max_cached // 2 - len(cache)
        for piece in self._pieces(run):
            entry = cache.get(piece)
            if entry is None:
                entry = _entry(piece, _tokens(self.tokenizer(piece)))
                if room > 0:
                    cache[piece] = entry
                    room -= 1
            special.extend((len(texts) + i, norm) for i, norm in entry[2])
            texts.extend(entry[0])
        return tuple(texts), tuple(special)

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

    def clear_cache(self) -> None:
        """Forget every cached chunk: needed after the wrapped tokenizer's rules change."""
        self._young.clear()
        self._old.clear()
        object.__setattr__(self, "_spaced", _spaced_specials(self.tokenizer))
        object.__setattr__(self, "_specials", frozenset(self.tokenizer.rules))

    def add_special_case(self, string: str, substrings: Any) -> None:
        self.tokenizer.add_special_case(string, substrings)
        self.clear_cache()

    def from_bytes(self, *args: Any, **kwargs: Any) -> BoundedTokenizer:
        self.tokenizer.from_bytes(*args, **kwargs)
        self.clear_cache()
        return self

    def from_disk(self, *args: Any, **kwargs: Any) -> BoundedTokenizer:
        self.tokenizer.from_disk(*args, **kwargs)
        self.clear_cache()
        return self

    def pipe(self, texts: Iterable[str], batch_size: int = 1000) -> Iterator[Doc]:
        for text in texts:
            yield self(text)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.tokenizer, name)

    def __setattr__(self, name: str, value: Any) -> None:
        setattr(self.tokenizer, name, value)
        self.clear_cache()


def _tokens(doc: Doc) -> _Chunk:
    texts = tuple(t.text for t in doc)
    special = tuple((i, t.norm_) for i, t in enumerate(doc) if t.norm != t.lex.norm)
    return texts, special


def _chunk_of(unit: str) -> str:
    """The chunk of a unit (without the space after it), or the whitespace run it is."""
    return unit[:-1] if unit[-1] == " " and not unit[0].isspace() else unit


def _entry(unit: str, chunk: _Chunk) -> _Entry:
    """The entry of `unit` whose chunk has the tokens `chunk`: a space after the last token when
    the unit ends with the chunk's space."""
    texts, special = chunk
    if unit[-1] == " " and not unit[0].isspace():
        return texts, _NO_SPACE * (len(texts) - 1) + _SPACE, special
    return texts, _NO_SPACE * len(texts), special


def _spaced_specials(tokenizer: Any) -> re.Pattern[str] | None:
    """A pattern finding the tokenizer's special cases that hold whitespace but are not only
    whitespace (Russian "в т.ч."): spaCy matches those across chunks, so a text with one is
    tokenized whole. None when there are none (English)."""
    spaced = [s for s in tokenizer.rules if s.strip() and any(c.isspace() for c in s)]
    if not spaced:
        return None
    return re.compile(alternation(spaced))  # a trie: Russian has 91 such cases
