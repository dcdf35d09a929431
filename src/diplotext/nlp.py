"""Builds the spaCy pipeline once per process and language.

The default pipeline needs no model download: ``spacy.blank(lang)`` for the tokenizer, the
rule-based sentencizer, and diplotext's own components with data shipped in the package.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.util import compile_infix_regex

from . import components  # noqa: F401  (registers the factories)
from .errors import LanguageError
from .tokenizer import BoundedTokenizer

LANGUAGES = ("en", "ru")

# Web text glues words together: 'Corporation(CNPC)', 'Xi Jinping(retranslated)', 'В.Путин',
# 'А.С.Пушкина'. Split them so that names match as they do with the space.
_GLUED = [r"(?<=[^\W\d_])[(\[](?=[^\W_])", r"(?<=[^\W_])\)(?=[^\W_])", r"(?<=\b[A-ZА-ЯЁ]\.)(?=[A-ZА-ЯЁ][a-zа-яё])"]


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
    nlp = spacy.blank(lang)
    nlp.tokenizer.infix_finditer = compile_infix_regex([*nlp.Defaults.infixes, *_GLUED]).finditer
    if lang == "ru":
        nlp.add_pipe("diplotext_morph")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("diplotext_entities", config={"gazetteer": str(gazetteer) if gazetteer else None})
    # Linear on hostile input ('((((...' is quadratic in spaCy's own tokenizer), and no spaCy
    # length cap: the caller's limit is `max_chars` in `pipeline.prepare`.
    nlp.tokenizer = BoundedTokenizer(nlp.tokenizer)
    nlp.max_length = 2**31 - 1
    return nlp
