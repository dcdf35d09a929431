"""spaCy components of diplotext, registered as factories.

They are exposed through the ``spacy_factories`` entry point, so that after ``pip install
diplotext`` a user's own pipeline can say ``nlp.add_pipe("diplotext_entities")``.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span

from .extract.entities import CANDIDATES_KEY, ENTITIES_KEY, EntityMatcher, resolve
from .extract.gazetteer import load_gazetteer

if not Span.has_extension("evidence"):
    Span.set_extension("evidence", default=None)


@lru_cache(maxsize=1)
def _morph_analyzer():  # type: ignore[no-untyped-def]
    import pymorphy3  # imported on first Russian text only: its dictionaries take a moment to load

    return pymorphy3.MorphAnalyzer(lang="ru")


@lru_cache(maxsize=200_000)
def normal_form(word: str) -> str:
    """The dictionary form of a Russian word ('Беларуси' -> 'беларусь'), lower-cased."""
    if not word[:1].isalpha():
        return word.lower()
    return _morph_analyzer().parse(word)[0].normal_form.replace("ё", "е")


class RussianNormalizer:
    """Writes each token's dictionary form to ``token.norm_`` so matchers see past inflection."""

    def __call__(self, doc: Doc) -> Doc:
        for token in doc:
            token.norm_ = normal_form(token.text)
        return doc


@Language.factory("diplotext_morph")
def make_russian_normalizer(nlp: Language, name: str) -> RussianNormalizer:
    return RussianNormalizer()


class EntityRecognizer:
    """Gazetteer candidates into ``doc.spans['diplotext_candidates']``, resolved ones into
    ``doc.spans['diplotext_entities']`` (label: entity type, kb_id: canonical id)."""

    def __init__(self, nlp: Language, gazetteer: str | None) -> None:
        lang = nlp.lang if nlp.lang in ("en", "ru") else "en"
        self.gazetteer = load_gazetteer(Path(gazetteer) if gazetteer else None)
        self.matcher = EntityMatcher(nlp, self.gazetteer, lang)

    def __call__(self, doc: Doc) -> Doc:
        candidates = self.matcher(doc)
        doc.spans[CANDIDATES_KEY] = candidates
        doc.spans[ENTITIES_KEY] = resolve(candidates)
        return doc


@Language.factory("diplotext_entities", default_config={"gazetteer": None})
def make_entity_recognizer(nlp: Language, name: str, gazetteer: str | None) -> EntityRecognizer:
    return EntityRecognizer(nlp, gazetteer)
