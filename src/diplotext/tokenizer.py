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
from typing import Any

from spacy.tokens import Doc

from .text.alternation import alternation

TEXT_KEY = "diplotext_text"
"""``doc.user_data`` key of the text the Doc was made from: ``Doc.text`` rebuilds it from every
token (a Python object each)."""
WORDS_KEY = "diplotext_words"
"""``doc.user_data`` key of the token texts the Doc was made from, as a list (`token_view` reads
it instead of looking each token's string up again)."""
OWN_KEYS = frozenset({TEXT_KEY, WORDS_KEY})
"""The ``doc.user_data`` keys that describe one Doc's own text and tokens: never copied to
another Doc."""

MAX_CHUNK = 32
"""Longest whitespace-free run tokenized in one go. Longer ones are URLs, rules of dashes,
base64 blobs or junk; no word of a statement is this long."""

MAX_CACHED = 40_000
"""Chunks kept in the cache, in two generations of half this size each: when the young one is
full it becomes the old one, and a chunk found in the old one moves back to the young one, so
frequent chunks stay and a stream of one-off chunks (numbers, names) cannot grow memory. The 816
texts of the Kremlin corpus hold 33,000 distinct chunks; 40,000 take about 10 MB."""

_RUNS = re.compile(r"\S+|\s+")

_Chunk = tuple[tuple[str, ...], tuple[tuple[int, str], ...]]
"""A chunk's tokens: their texts, and (index, norm) for tokens whose norm a special case set."""

_ONE_TOKEN: tuple[()] = ()
"""Cached for a chunk that is one token, itself, with its lexeme's norm: most chunks are."""


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
        """The Doc of `text` from its chunks' cached tokens.

        Chunks and whitespace runs alternate, and in running text nearly every chunk is one
        token followed by one space: those are copied over by the slice, and only the others
        (a chunk of several tokens, a run of other whitespace, the last chunk) are taken one by
        one. The plain loop over every run is the twin in tests/reference/tokenizer.py."""
        runs = _RUNS.findall(text)
        cache = self._cached(runs)
        words: list[str] = []
        spaces: list[bool] = []
        norms: list[tuple[int, str]] = []  # token-level norms of special cases ("n't" -> "not")
        first = 1 if runs and runs[0][0].isspace() else 0
        if first:  # whitespace opening the text is a token of its own
            self._add(runs[0], cache, words, spaces, norms)
        chunks, gaps = runs[first::2], runs[first + 1::2]
        entries = list(map(cache.get, chunks))
        plain = [e is _ONE_TOKEN and g == " " for e, g in zip(entries, gaps)]
        plain += [False] * (len(chunks) - len(plain))  # the last chunk, with no whitespace after it
        done = 0
        for i in [i for i, p in enumerate(plain) if not p]:
            words += chunks[done:i]
            spaces += [True] * (i - done)
            self._add(chunks[i], cache, words, spaces, norms, entries[i])
            if i < len(gaps):
                gap = gaps[i]
                if gap[0] == " ":  # one space after a chunk is its last token's whitespace
                    spaces[-1] = True
                    gap = gap[1:]
                if gap:
                    self._add(gap, cache, words, spaces, norms)
            done = i + 1
        words += chunks[done:]
        spaces += [True] * (len(chunks) - done)
        doc = Doc(self.tokenizer.vocab, words=words, spaces=spaces)
        for i, norm in norms:
            doc[i].norm_ = norm
        doc.user_data[WORDS_KEY] = words
        return doc

    def _add(self, run: str, cache: dict[str, _Chunk | tuple[()]], words: list[str], spaces: list[bool],
             norms: list[tuple[int, str]], chunk: _Chunk | tuple[()] | None = None) -> None:
        """Append the tokens of one run (`chunk`: its cached tokens, when looked up already)."""
        if chunk is None:
            chunk = cache.get(run)
            if chunk is None:  # a long run, or the whitespace left after a chunk took its space
                chunk = self._chunk(run, cache)
        if chunk is _ONE_TOKEN:
            words.append(run)
            spaces.append(False)
            return
        texts, special = chunk  # type: ignore[misc]
        if special:
            n = len(words)
            norms.extend((n + i, norm) for i, norm in special)
        words.extend(texts)
        spaces.extend([False] * len(texts))

    def _cached(self, runs: list[str]) -> dict[str, _Chunk | tuple[()]]:
        """The young generation, holding every chunk of `runs` that is not too long."""
        young = self._young
        missing = [r for r in runs if r not in young]
        if not missing:
            return young
        if len(young) + len(missing) > self.max_cached // 2:
            object.__setattr__(self, "_old", young)
            young = {}
            object.__setattr__(self, "_young", young)
            missing = runs
        old = self._old
        new: list[str] = []
        for run in dict.fromkeys(missing):
            chunk = old.get(run)
            if chunk is not None:
                young[run] = chunk
            elif len(run) <= self.max_chunk:
                new.append(run)
        if new:
            self._fill(new, young)
        return young

    def _fill(self, new: list[str], cache: dict[str, _Chunk | tuple[()]]) -> None:
        """Tokenize a text's new chunks in one spaCy call and cache their tokens.

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
        words = []
        specials = self._specials
        for run in new:
            if run[0].isspace():
                cache[run] = _compact(run, _tokens(self.tokenizer(run)))
            elif run not in specials and (run.isalpha() or run.isascii() and run.isdigit()):
                cache[run] = _ONE_TOKEN
            elif run[-1] == "," and run not in specials and run[:-1] not in specials and run[:-1].isalpha():
                cache[run] = ((run[:-1], ","), ())
            else:
                words.append(run)
        if not words:
            return
        doc = self.tokenizer("\n".join(words))
        texts: list[str] = []
        special: list[tuple[int, str]] = []
        it = iter(words)
        for token in doc:
            text = token.text
            if text == "\n":
                run = next(it)
                cache[run] = _compact(run, (tuple(texts), tuple(special)))
                texts, special = [], []
                continue
            if token.norm != token.lex.norm:
                special.append((len(texts), token.norm_))
            texts.append(text)
        run = next(it)
        cache[run] = _compact(run, (tuple(texts), tuple(special)))

    def _chunk(self, run: str, cache: dict[str, _Chunk | tuple[()]]) -> _Chunk | tuple[()]:
        """Tokens of a chunk not in the cache (kept there), cut in pieces when it is long.

        A piece is tokenized on its own, so it is cached like a chunk while the cache has room:
        a page-long run of one pattern ('((((...', 'US$US$...') costs one spaCy call per
        distinct piece, and a long run of junk cannot grow the cache past its bound."""
        if len(run) <= self.max_chunk:
            chunk = cache[run] = _compact(run, _tokens(self.tokenizer(run)))
            return chunk
        texts: list[str] = []
        special: list[tuple[int, str]] = []
        room = self.max_cached // 2 - len(cache)
        for piece in self._pieces(run):
            chunk = cache.get(piece)
            if chunk is None:
                chunk = _compact(piece, _tokens(self.tokenizer(piece)))
                if room > 0:
                    cache[piece] = chunk
                    room -= 1
            if chunk is _ONE_TOKEN:
                texts.append(piece)
                continue
            piece_texts, piece_special = chunk  # type: ignore[misc]
            special.extend((len(texts) + i, norm) for i, norm in piece_special)
            texts.extend(piece_texts)
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


def _compact(run: str, chunk: _Chunk) -> _Chunk | tuple[()]:
    return _ONE_TOKEN if chunk == ((run,), ()) else chunk


def _spaced_specials(tokenizer: Any) -> re.Pattern[str] | None:
    """A pattern finding the tokenizer's special cases that hold whitespace but are not only
    whitespace (Russian "в т.ч."): spaCy matches those across chunks, so a text with one is
    tokenized whole. None when there are none (English)."""
    spaced = [s for s in tokenizer.rules if s.strip() and any(c.isspace() for c in s)]
    if not spaced:
        return None
    return re.compile(alternation(spaced))  # a trie: at each character only the branches that begin with it
