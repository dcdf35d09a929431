"""What start-up builds more cheaply must be what the slower, obvious way builds.

The pipeline's tokenizer is built once with diplotext's infixes (not built by `spacy.blank` and
then changed), and the date and figure matchers share one stock tokenizer per pipeline (not a
`spacy.blank` each). These tests compare each with the obvious construction.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.util import compile_infix_regex

from diplotext.nlp import _GLUED, get_nlp, stock_tokenizer

REPO = Path(__file__).resolve().parent.parent
SAMPLES = {
    "en": "Corporation(CNPC) met Xi Jinping(retranslated) and A.S.Pushkin's U.S. envoy on Jan. 5, 2021 -- "
    "US$38bn (+3.5%), e-mail: info@mid.ru; http://www.kremlin.ru/events/123 don't can't 5km 10:30 a.m.",
    "ru": "В.Путин и А.С.Пушкина (ООН) 25 июня 2012 г. в т.ч. 1,5 трлн руб. — «Газпром» т.е. 12,5% т.д.",
}


def _texts(lang: str) -> list[str]:
    texts = [SAMPLES[lang]]
    for path in sorted((REPO / "data" / "raw").glob("*.txt")):
        texts.append(path.read_text(encoding="utf-8"))
    return texts


def _tokens(doc: spacy.tokens.Doc) -> list[tuple[str, str, bool]]:
    return [(t.text, t.norm_, bool(t.whitespace_)) for t in doc]


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_pipeline_tokenizer_is_blank_with_glued_infixes(lang: str) -> None:
    """The tokenizer built with the glued-word infixes tokenizes as spaCy's blank tokenizer with
    those infixes set afterwards (what the pipeline did before)."""
    reference = spacy.blank(lang)
    reference.tokenizer.infix_finditer = compile_infix_regex([*reference.Defaults.infixes, *_GLUED]).finditer
    ours = get_nlp(lang).tokenizer
    for text in _texts(lang):
        assert _tokens(ours(text)) == _tokens(reference.tokenizer(text))
    assert ours.tokenizer.rules == reference.tokenizer.rules


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_stock_tokenizer_is_spacy_blank(lang: str) -> None:
    """The shared stock tokenizer of the date and figure lexicons is `spacy.blank(lang)`'s."""
    nlp = get_nlp(lang)
    reference = spacy.blank(lang, vocab=nlp.vocab).tokenizer
    ours = stock_tokenizer(nlp.vocab, lang)
    assert ours is stock_tokenizer(nlp.vocab, lang)
    for text in _texts(lang):
        assert _tokens(ours(text)) == _tokens(reference(text))
