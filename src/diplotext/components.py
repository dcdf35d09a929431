"""spaCy components of diplotext, registered as factories.

They are exposed through the ``spacy_factories`` entry point, so that after ``pip install
diplotext`` a user's own pipeline can say ``nlp.add_pipe("diplotext_entities")``.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span

from .extract.entities import CANDIDATES_KEY, ENTITIES_KEY, EntityMatcher, EntityResolver, packaged_phrase_tokens
from .extract.gazetteer import load_gazetteer
from .extract.patterns import own_tokenizer
from .tokenizer import TEXT_KEY

for _ext in ("evidence", "office"):
    if not Span.has_extension(_ext):
        Span.set_extension(_ext, default=None)

_SURNAME_ENDINGS = ("ов", "ев", "ёв", "ин", "ын")
_NAME_TAGS = frozenset({"Name", "Surn", "Patr", "Geox", "Orgn", "Abbr", "gent", "datv", "ablt", "loct"})


@lru_cache(maxsize=1)
def _morph_analyzer():  # type: ignore[no-untyped-def]
    import pymorphy3  # imported on first Russian text only: its dictionaries take a moment to load
    import pymorphy3.shapes

    pymorphy3.shapes.is_latin_char = _is_latin_char  # its own raises ValueError on Tangut letters (found by fuzzing)
    return pymorphy3.MorphAnalyzer(lang="ru")


@lru_cache(maxsize=4096)
def _is_latin_char(ch: str) -> bool:
    """pymorphy3's test, for letters without a name in `unicodedata` too (U+17000, ...)."""
    import unicodedata

    return "LATIN" in unicodedata.name(ch, "")


@lru_cache(maxsize=200_000)
def normal_form(word: str) -> str:
    """The dictionary form of a Russian word ('Беларуси' -> 'беларусь'), lower-cased."""
    if not word[:1].isalpha():
        return word.lower()
    analyzer = _morph_analyzer()
    parses = analyzer.parse(word)
    best = parses[0]
    if word[:1].isupper() and not {"Geox", "Orgn", "Abbr"} & best.tag.grammemes:
        # A capitalized word is read as a name where it can be one: 'Токаеву' is Tokayev's
        # dative, not the woman's name 'Токаева'; 'Ниязов' and 'Токаев' are surnames, not the
        # genitive plurals of 'Нияз' and 'токай'; the guess 'пашинянин' for an unknown
        # 'Пашинян' is longer than the word, which stays as it is.
        surnames = [p for p in parses if "Surn" in p.tag and "sing" in p.tag]
        names = surnames or [p for p in parses if {"Name", "Patr"} & p.tag.grammemes and "sing" in p.tag]
        if names:
            return names[0].normal_form.replace("ё", "е")
        lower = word.lower().replace("ё", "е")
        if any({"Name", "Surn", "Patr"} & p.tag.grammemes for p in parses):
            return lower
        if {"plur", "gent"} <= best.tag.grammemes and lower.endswith(_SURNAME_ENDINGS):
            return lower
        if len(best.normal_form) > len(word) and not analyzer.word_is_known(word):
            return lower
    return best.normal_form.replace("ё", "е")


@lru_cache(maxsize=100_000)
def name_tags(word: str) -> frozenset[str]:
    """The proper-name and case grammemes of a Russian word's likely readings ('Ниязовым' ->
    {'Surn', 'ablt', ...}); 'UNKN' for a word the dictionary does not know; the part of speech of
    its likeliest reading when it is 'VERB', 'ADJF', 'PRTF' or 'NOUN'."""
    analyzer = _morph_analyzer()
    parses = analyzer.parse(word)
    tags = {g for p in parses[:3] if p.score >= 0.1 for g in p.tag.grammemes & _NAME_TAGS}
    if parses and parses[0].tag.POS in ("VERB", "PRTS"):
        tags.add("VERB")
    if parses and parses[0].tag.POS in ("ADJF", "PRTF", "NOUN"):
        tags.add(parses[0].tag.POS)
    if not analyzer.word_is_known(word):
        tags.add("UNKN")
    return frozenset(tags)


class RussianNormalizer:
    """Writes each token's dictionary form to ``token.norm_`` so matchers see past inflection."""

    def __call__(self, doc: Doc) -> Doc:
        for token in doc:
            token.norm_ = normal_form(token.text)
        return doc


@Language.factory("diplotext_morph")
def make_russian_normalizer(nlp: Language, name: str) -> RussianNormalizer:
    return RussianNormalizer()


# A line break inside running prose: a long line that does not end a sentence, then a word.
# (The pattern starts with the line break, so that the regex engine looks for it as a literal:
# a lookbehind first is tried at every character, 3% of the component's time.)
_BREAK = re.compile(r"\n(?<=[^\W_,]\n)(?=[^\W_])")
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
        lang = nlp.lang if nlp.lang in ("en", "ru") else "en"
        self.gazetteer = load_gazetteer(Path(gazetteer) if gazetteer else None)
        # diplotext's own tokenizer splits the packaged phrases as the packaged tokens say
        known = packaged_phrase_tokens(lang) if own_tokenizer(nlp.vocab, lang) is nlp.tokenizer else None
        self.matcher = EntityMatcher(nlp, self.gazetteer, lang, analyze=name_tags if lang == "ru" else None, known_tokens=known)
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
            doc.user_data.update({k: v for k, v in shadow.user_data.items() if isinstance(k, str) and k != TEXT_KEY})
            candidates, entities = _transfer(doc, candidates), _transfer(doc, entities)
        doc.spans[CANDIDATES_KEY] = candidates
        doc.spans[ENTITIES_KEY] = entities
        return doc


@Language.factory("diplotext_entities", default_config={"gazetteer": None})
def make_entity_recognizer(nlp: Language, name: str, gazetteer: str | None) -> EntityRecognizer:
    return EntityRecognizer(nlp, gazetteer)
