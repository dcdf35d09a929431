"""Plain twin of `BoundedTokenizer._tokenize`: one loop over every run, chunk and whitespace
alike, each looked up in the cache and appended."""

from __future__ import annotations

import re

from spacy.tokens import Doc

from diplotext.tokenizer import BoundedTokenizer

_RUNS = re.compile(r"\S+|\s+")


def tokenize(self: BoundedTokenizer, text: str) -> Doc:
    runs = _RUNS.findall(text)
    cache = self._cached(runs)
    words: list[str] = []
    spaces: list[bool] = []
    norms: list[tuple[int, str]] = []  # token-level norms of special cases ("n't" -> "not")
    after_word = False
    for run in runs:
        if run[0].isspace():
            if after_word and run[0] == " ":  # one space after a word is that word's whitespace
                spaces[-1] = True
                run = run[1:]
                if not run:
                    after_word = False
                    continue
            after_word = False
        else:
            after_word = True
        chunk = cache.get(run)
        if chunk is None:  # a long run, or the whitespace left after a word took its space
            chunk = self._chunk(run, cache)
        if chunk == ():
            words.append(run)
            spaces.append(False)
            continue
        texts, special = chunk  # type: ignore[misc]
        if special:
            n = len(words)
            norms.extend((n + i, norm) for i, norm in special)
        words.extend(texts)
        spaces.extend([False] * len(texts))
    doc = Doc(self.tokenizer.vocab, words=words, spaces=spaces)
    for i, norm in norms:
        doc[i].norm_ = norm
    return doc
