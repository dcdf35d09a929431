"""Builds the spaCy pipeline once per process and language.

The default pipeline needs no model download: ``spacy.blank(lang)`` for the tokenizer, the
rule-based sentencizer, and diplotext's own components with data shipped in the package.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable, Sequence
from functools import lru_cache
from pathlib import Path

import numpy as np
import spacy
from spacy.attrs import IS_PUNCT, ORTH
from spacy.language import BaseDefaults, Language
from spacy.pipeline import Sentencizer
from spacy.strings import hash_string
from spacy.tokenizer import Tokenizer
from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex, get_lang_class
from spacy.vocab import Vocab

from . import components  # noqa: F401  (registers the factories)
from .errors import LanguageError
from .extract.vocab_cache import cached_per_vocab
from .tokenizer import BoundedTokenizer

LANGUAGES = ("en", "ru")

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


def _stock_tokenizer(vocab: Vocab, defaults: type[BaseDefaults], extra_infixes: Sequence[str] = ()) -> Tokenizer:
    """spaCy's tokenizer for a language, as its "spacy.Tokenizer.v1" factory builds it, with
    `extra_infixes` after the language's own.

    Built here rather than changed after `spacy.blank`: setting a tokenizer's infixes reloads all
    its special cases (2,700 in English), which cost as much as building it.
    """
    prefixes, suffixes, infixes = defaults.prefixes, defaults.suffixes, [*(defaults.infixes or ()), *extra_infixes]
    return Tokenizer(
        vocab,
        rules=defaults.tokenizer_exceptions,
        prefix_search=compile_prefix_regex(prefixes).search if prefixes else None,
        suffix_search=compile_suffix_regex(suffixes).search if suffixes else None,
        infix_finditer=compile_infix_regex(infixes).finditer if infixes else None,
        token_match=defaults.token_match,
        url_match=defaults.url_match,
    )


@spacy.registry.tokenizers("diplotext.GluedTokenizer.v1")
def create_glued_tokenizer() -> Callable[[Language], Tokenizer]:
    """The language's stock tokenizer that also splits glued words (`_GLUED`)."""

    def make(nlp: Language) -> Tokenizer:
        return _stock_tokenizer(nlp.vocab, nlp.Defaults, _GLUED)

    return make


@cached_per_vocab
def stock_tokenizer(vocab: Vocab, lang: str) -> Tokenizer:
    """spaCy's own tokenizer for `lang` on `vocab`, without diplotext's changes."""
    return _stock_tokenizer(vocab, get_lang_class(lang).Defaults)


_PIPELINE_TOKENIZERS: dict[tuple[int, str], tuple[Vocab, Tokenizer]] = {}
"""The spaCy tokenizer of each live pipeline `_build_nlp` built, by its Vocab and language (an
entry goes when its pipeline is collected)."""


def _register_tokenizer(nlp: Language) -> None:
    key = (id(nlp.vocab), nlp.lang)
    _PIPELINE_TOKENIZERS[key] = (nlp.vocab, nlp.tokenizer)
    weakref.finalize(nlp, _PIPELINE_TOKENIZERS.pop, key, None)


def has_own_tokenizer(nlp: Language) -> bool:
    """Whether `nlp.tokenizer` is the spaCy tokenizer `_build_nlp` made for it: true while
    `_build_nlp` adds the components (it wraps the tokenizer in a `BoundedTokenizer` after)."""
    hit = _PIPELINE_TOKENIZERS.get((id(nlp.vocab), nlp.lang))
    return hit is not None and hit[0] is nlp.vocab and hit[1] is nlp.tokenizer


def blank(lang: str) -> Language:
    """`spacy.blank(lang)` with diplotext's tokenizer (glued words split) and no components."""
    return spacy.blank(lang, config={"nlp": {"tokenizer": {"@tokenizers": "diplotext.GluedTokenizer.v1"}}})


def pattern_tokenizer(vocab: Vocab, lang: str) -> Tokenizer:
    """What the date and figure lexicons are tokenized with into matcher patterns: the pipeline's
    own tokenizer when `vocab` is a diplotext pipeline's (the glued-word infixes never split a
    lexicon term, so the patterns are those of spaCy's stock tokenizer: tests/test_startup.py),
    else spaCy's stock tokenizer, built once per Vocab. Building one more tokenizer for the
    patterns cost 0.04 s of the first parse."""
    hit = _PIPELINE_TOKENIZERS.get((id(vocab), lang))
    if hit is not None and hit[0] is vocab:
        return hit[1]
    return stock_tokenizer(vocab, lang)


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
    _register_tokenizer(nlp)
    if lang == "ru":
        nlp.add_pipe("diplotext_morph")
    nlp.add_pipe("diplotext_sentencizer", name="sentencizer")
    nlp.add_pipe("diplotext_entities", config={"gazetteer": str(gazetteer) if gazetteer else None})
    # Linear on hostile input ('((((...' is quadratic in spaCy's own tokenizer), and no spaCy
    # length cap: the caller's limit is `max_chars` in `pipeline.prepare`.
    nlp.tokenizer = BoundedTokenizer(nlp.tokenizer)
    nlp.max_length = 2**31 - 1
    return nlp
