"""spaCy components of diplotext, registered as factories.

They are exposed through the ``spacy_factories`` entry point, so that after ``pip install
diplotext`` a user's own pipeline can say ``nlp.add_pipe("diplotext_entities")``.
"""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
from spacy.attrs import NORM, ORTH
from spacy.language import Language
from spacy.tokens import Doc, Span

from .extract.entities import CANDIDATES_KEY, ENTITIES_KEY, EntityMatcher, EntityResolver, packaged_phrase_tokens
from .extract.gazetteer import load_gazetteer
from .extract.patterns import own_tokenizer
from .lang import LANGUAGES
from .lang.ru.morphology import normal_form
from .tokenizer import OWN_KEYS, TEXT_KEY

for _ext in ("evidence", "office"):
    if not Span.has_extension(_ext):
        Span.set_extension(_ext, default=None)


_MAX_NORMS = 200_000
"""Word forms whose norm a normalizer keeps (emptied when full: memory stays bounded)."""


class RussianNormalizer:
    """Writes each token's dictionary form to ``token.norm_`` so matchers see past inflection.

    Each distinct word form of the Doc is normalized once and the norms are written in one
    `Doc.from_array` (the plain twin, token by token, is in tests/reference/morphology.py). The
    norm of each word form met is kept by its hash, with its own hash, so that a later Doc
    neither decodes the word nor hashes its norm again; a norm that a memory zone dropped from
    the Vocab's strings is put back."""

    norm_of = staticmethod(normal_form)
    """The norm written for a token of a given text (the entity matcher's patterns read it)."""

    def __init__(self) -> None:
        self._norms: dict[int, tuple[str, int]] = {}

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        strings = doc.vocab.strings
        known = self._norms
        orths = doc.to_array(ORTH).tolist()
        norm: dict[int, int] = {}
        for h in dict.fromkeys(orths):
            hit = known.get(h)
            if hit is None:
                text = self.norm_of(strings[h])
                hit = (text, strings.add(text))
                if len(known) >= _MAX_NORMS:
                    known.clear()
                known[h] = hit
            elif hit[1] not in strings:
                strings.add(hit[0])
            norm[h] = hit[1]
        doc.from_array([NORM], np.fromiter(map(norm.__getitem__, orths), dtype=np.uint64, count=len(orths)).reshape(-1, 1))
        return doc


@Language.factory("diplotext_morph")
def make_russian_normalizer(nlp: Language, name: str) -> RussianNormalizer:
    return RussianNormalizer()


# A line break inside running prose: a long line that does not end a sentence (a word or an
# initial ends it: 'President Donald J.'), then a word.
# (The pattern starts with the line break, so that the regex engine looks for it as a literal:
# a lookbehind first is tried at every character, 3% of the component's time.)
_BREAK = re.compile(r"\n(?:(?<=[^\W_,]\n)|(?<=[\s(][A-ZА-ЯЁ]\.\n))(?=[^\W_])")
_ODD_SPACES = {"\u00a0": " ", "\u2009": " ", "\u202f": " ", "\u2007": " "}


def _unwrap(text: str) -> str | None:
    """The text with hard line wraps and no-break spaces as plain spaces, or None when it has
    neither ('В.В.\u00a0Путин', 'Eurasian\nEconomic Union'). Same length, so same offsets."""
    out = text
    for odd, plain in _ODD_SPACES.items():
        if odd in out:
            out = out.replace(odd, plain)
    breaks = []
    for m in _BREAK.finditer(out):
        i = m.start()
        line_start = out.rfind("\n", 0, i) + 1
        next_end = out.find("\n", i + 1)
        next_len = (len(out) if next_end < 0 else next_end) - i - 1
        if i - line_start >= 50 and next_len >= 30:
            breaks.append(i)
    if breaks:
        chars = list(out)
        for i in breaks:
            chars[i] = " "
        out = "".join(chars)
    return None if out is text else out


def _transfer(doc: Doc, spans: list[Span]) -> list[Span]:
    out = []
    for s in spans:
        new = doc.char_span(s.start_char, s.end_char, label=s.label_, kb_id=s.kb_id_, span_id=s.id_, alignment_mode="expand")
        if new is not None:
            new._.evidence = s.id_
            out.append(new)
    return out


class EntityRecognizer:
    """Gazetteer candidates into ``doc.spans['diplotext_candidates']``, resolved ones into
    ``doc.spans['diplotext_entities']`` (label: entity type, kb_id: canonical id)."""

    def __init__(self, nlp: Language, gazetteer: str | None) -> None:
        lang = nlp.lang if nlp.lang in LANGUAGES else "en"
        self.gazetteer = load_gazetteer(Path(gazetteer) if gazetteer else None)
        # diplotext's own tokenizer splits the packaged phrases as the packaged tokens say
        known = packaged_phrase_tokens(lang) if own_tokenizer(nlp.vocab, lang) is nlp.tokenizer else None
        self.matcher = EntityMatcher(nlp, self.gazetteer, lang, known_tokens=known)
        self.resolver = EntityResolver(self.matcher)
        self.make_doc = nlp.make_doc
        self.morph = nlp.get_pipe("diplotext_morph") if nlp.has_pipe("diplotext_morph") else None

    def __call__(self, doc: Doc) -> Doc:
        text = doc.user_data.get(TEXT_KEY) or doc.text  # set by BoundedTokenizer; a user's pipeline may lack it
        unwrapped = _unwrap(text)
        if unwrapped is None:
            candidates, entities = self.resolver(doc, text)
        else:
            # Names broken across a hard-wrapped line ('Eurasian\nEconomic Union') are read on a
            # copy with those line breaks as spaces (same length, so the same offsets).
            shadow = self.make_doc(unwrapped)
            if self.morph is not None:
                shadow = self.morph(shadow)
            candidates, entities = self.resolver(shadow, unwrapped)
            doc.user_data.update({k: v for k, v in shadow.user_data.items() if isinstance(k, str) and k not in OWN_KEYS})
            candidates, entities = _transfer(doc, candidates), _transfer(doc, entities)
        doc.spans[CANDIDATES_KEY] = candidates
        doc.spans[ENTITIES_KEY] = entities
        return doc


@Language.factory("diplotext_entities", default_config={"gazetteer": None})
def make_entity_recognizer(nlp: Language, name: str, gazetteer: str | None) -> EntityRecognizer:
    return EntityRecognizer(nlp, gazetteer)
