"""Builds the spaCy pipeline once per process and language.

The default pipeline needs no model download: ``spacy.blank(lang)`` for the tokenizer, the
rule-based sentencizer, and diplotext's own components with data shipped in the package.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from importlib import import_module
from pathlib import Path

import numpy as np
import spacy
from spacy.attrs import IS_PUNCT, ORTH
from spacy.language import Language
from spacy.pipeline import Sentencizer
from spacy.strings import hash_string
from spacy.tokenizer import Tokenizer

from . import components  # noqa: F401  (registers the factories)
from .errors import LanguageError
from .extract.patterns import make_tokenizer, use_tokenizer
from .lang import LANGUAGES
from .tokenizer import BoundedTokenizer

# Web text glues words together: 'Corporation(CNPC)', 'Xi Jinping(retranslated)', 'В.Путин',
# 'А.С.Пушкина', 'part:"December 17', 'said:«Belarus', 'Minsk,8 December'. Split them so that
# names and dates match as they do with the space.
_GLUED = [
    r"(?<=[^\W\d_])[(\[](?=[^\W_])",
    r"(?<=[^\W_])\)(?=[^\W_])",
    r"(?<=\b[A-ZА-ЯЁ]\.)(?=[A-ZА-ЯЁ][a-zа-яё])",
    r"(?<=[^\W\d_])[:;,](?=[\"«“„])",
    r"(?<=[^\W\d_][:;,])[\"«“„](?=[^\W_])",
    r"(?<=[^\W\d_]),(?=\d)",
]


@spacy.registry.tokenizers("diplotext.GluedTokenizer.v1")
def create_glued_tokenizer() -> Callable[[Language], Tokenizer]:
    """The language's stock tokenizer that also splits glued words (`_GLUED`)."""

    def make(nlp: Language) -> Tokenizer:
        return make_tokenizer(nlp.vocab, nlp.Defaults, _GLUED)

    return make


def blank(lang: str) -> Language:
    """`spacy.blank(lang)` with diplotext's tokenizer (glued words split) and no components;
    lexeme attributes that spaCy computes slowly are computed by diplotext's equivalents."""
    nlp = spacy.blank(lang, config={"nlp": {"tokenizer": {"@tokenizers": "diplotext.GluedTokenizer.v1"}}})
    if lang in LANGUAGES:  # each language's own getters module, imported when its pipeline is built
        nlp.vocab.lex_attr_getters.update(import_module(f"{__package__}.lang.{lang}.lexemes").LEX_ATTRS)
    return nlp


class _Sentencizer(Sentencizer):
    """spaCy's rule-based Sentencizer with the same boundaries, found over arrays.

    A sentence starts at the first token, and at every token that is neither punctuation nor a
    sentence-final character when a sentence-final character came after the last such token:
    that is the stock `predict` loop, which reads `token.text` and `token.is_punct` one token at
    a time. Here the marks come from `doc.to_array` (a hash match is confirmed on the text) and
    `set_annotations` is spaCy's own.
    """

    _hashes: dict[frozenset[str], np.ndarray] = {}

    def predict(self, docs):  # type: ignore[no-untyped-def]
        punct_chars = self.punct_chars
        hashes = self._hashes.get(frozenset(punct_chars))
        if hashes is None:
            hashes = self._hashes[frozenset(punct_chars)] = np.array(sorted({hash_string(c) for c in punct_chars}), dtype=np.uint64)
        guesses = []
        for doc in docs:
            n = len(doc)
            if not n:
                guesses.append([])
                continue
            arr = doc.to_array([ORTH, IS_PUNCT])
            orth = arr[:, 0]
            at = np.searchsorted(hashes, orth)
            at[at == len(hashes)] = 0
            final = hashes[at] == orth
            # token.text is the string the vocab holds for the hash: confirm each one found
            for h in set(orth[final].tolist()):
                if doc.vocab.strings[h] not in punct_chars:
                    final &= orth != h
            plain = ~(final | (arr[:, 1] != 0))
            idx = np.arange(n)
            last_final = np.maximum.accumulate(np.where(final, idx, -1))
            last_plain = np.maximum.accumulate(np.where(plain, idx, -1))
            plain_before = np.concatenate(([-1], last_plain[:-1]))
            starts = plain & (last_final > plain_before)
            starts[0] = True
            guesses.append(starts.tolist())
        return guesses


@Language.factory("diplotext_sentencizer")
def make_sentencizer(nlp: Language, name: str) -> _Sentencizer:
    return _Sentencizer(name)


def get_nlp(lang: str = "en", gazetteer: Path | None = None) -> Language:
    """The pipeline for `lang`, built on first use and reused afterwards."""
    # One cache key however it is called: lru_cache keys get_nlp("en") and get_nlp("en", None)
    # apart, and each miss built a whole pipeline again (0.3-0.4 s of the first parse each).
    if not isinstance(lang, str) or lang not in LANGUAGES:
        raise LanguageError(f"language {lang!r} is not supported; use one of {', '.join(LANGUAGES)}")
    return _build_nlp(lang, Path(gazetteer) if gazetteer else None)


@lru_cache(maxsize=8)
def _build_nlp(lang: str, gazetteer: Path | None) -> Language:
    if not isinstance(lang, str) or lang not in LANGUAGES:
        raise LanguageError(f"language {lang!r} is not supported; use one of {', '.join(LANGUAGES)}")
    nlp = blank(lang)
    use_tokenizer(nlp, nlp.vocab, lang, nlp.tokenizer)  # the entity, date and figure patterns are split by it
    if lang == "ru":
        nlp.add_pipe("diplotext_morph")
    nlp.add_pipe("diplotext_sentencizer", name="sentencizer")
    nlp.add_pipe("diplotext_entities", config={"gazetteer": str(gazetteer) if gazetteer else None})
    # Linear on hostile input ('((((...' is quadratic in spaCy's own tokenizer), and no spaCy
    # length cap: the caller's limit is `max_chars` in `pipeline.prepare`.
    nlp.tokenizer = BoundedTokenizer(nlp.tokenizer)
    nlp.max_length = 2**31 - 1
    return nlp
