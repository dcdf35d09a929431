"""The tokenizer that splits lexicon and gazetteer phrases into matcher patterns, per pipeline.

A PhraseMatcher's patterns must be tokenized as the pipeline tokenizes text. A diplotext pipeline
names its own tokenizer here when it is built (`use_tokenizer`), so that no second tokenizer is
built for the patterns (0.04 s of the first parse); any other Vocab gets spaCy's stock tokenizer
for its language, built once. This module sits below the pipeline (`nlp.py` calls into it), so
the extractors that build matchers need not import the pipeline.
"""

from __future__ import annotations

import weakref
from collections.abc import Sequence

from spacy.language import BaseDefaults
from spacy.tokenizer import Tokenizer
from spacy.util import get_lang_class
from spacy.vocab import Vocab

from ..resources.regexes import compile_regex
from .vocab_cache import cached_per_vocab

_OWN: dict[tuple[int, str], tuple[Vocab, Tokenizer]] = {}
"""The tokenizer of each live diplotext pipeline, by its Vocab and language (an entry goes when
its pipeline is collected)."""


def make_tokenizer(vocab: Vocab, defaults: type[BaseDefaults], extra_infixes: Sequence[str] = ()) -> Tokenizer:
    """spaCy's tokenizer for a language, as its "spacy.Tokenizer.v1" factory builds it, with
    `extra_infixes` after the language's own.

    Built here rather than changed after `spacy.blank`: setting a tokenizer's infixes reloads all
    its special cases (2,700 in English), which cost as much as building it.
    """
    prefix, suffix, infix = (None if source is None else compile_regex(source) for source in affix_sources(defaults, extra_infixes))
    return Tokenizer(
        vocab,
        rules=defaults.tokenizer_exceptions,
        prefix_search=prefix.search if prefix else None,
        suffix_search=suffix.search if suffix else None,
        infix_finditer=infix.finditer if infix else None,
        token_match=defaults.token_match,
        url_match=defaults.url_match,
    )


def affix_sources(defaults: type[BaseDefaults], extra_infixes: Sequence[str] = ()) -> tuple[str | None, str | None, str | None]:
    """The patterns of the tokenizer's prefix, suffix and infix regexes, joined as spaCy's
    `compile_prefix_regex`, `compile_suffix_regex` and `compile_infix_regex` join them (None
    for a language without such rules); compiled ahead of time with the grammars."""
    prefixes, suffixes, infixes = defaults.prefixes, defaults.suffixes, [*(defaults.infixes or ()), *extra_infixes]
    return (
        "|".join("^" + piece for piece in prefixes if piece.strip()) if prefixes else None,
        "|".join(piece + "$" for piece in suffixes if piece.strip()) if suffixes else None,
        "|".join(piece for piece in infixes if piece.strip()) if infixes else None,
    )


def use_tokenizer(owner: object, vocab: Vocab, lang: str, tokenizer: Tokenizer) -> None:
    """Say that `owner` (a pipeline) tokenizes with `tokenizer`, whose splits of lexicon terms are
    those of the stock tokenizer (tests/test_startup.py checks it for the packaged lexicons)."""
    key = (id(vocab), lang)
    _OWN[key] = (vocab, tokenizer)
    weakref.finalize(owner, _OWN.pop, key, None)


def own_tokenizer(vocab: Vocab, lang: str) -> Tokenizer | None:
    """The tokenizer a diplotext pipeline named for `vocab`, if any."""
    hit = _OWN.get((id(vocab), lang))
    return hit[1] if hit is not None and hit[0] is vocab else None


@cached_per_vocab
def stock_tokenizer(vocab: Vocab, lang: str) -> Tokenizer:
    """spaCy's own tokenizer for `lang` on `vocab`, without diplotext's changes."""
    return make_tokenizer(vocab, get_lang_class(lang).Defaults)


def pattern_tokenizer(vocab: Vocab, lang: str) -> Tokenizer:
    """What lexicon terms are tokenized with into matcher patterns for `vocab`: its pipeline's
    own tokenizer when a diplotext pipeline named one, else spaCy's stock tokenizer."""
    return own_tokenizer(vocab, lang) or stock_tokenizer(vocab, lang)
