"""The names and ids of open-world entities: the same id whatever form the text uses."""

from __future__ import annotations

import re

from spacy.tokens import Span

from ..gazetteer import slug
from .languages.base import LanguageRules
from .words import QUOTES

_ARTICLE = re.compile(r"^(?:the|The)\s+")


def clean_name(text: str) -> str:
    """A name as written, without quotes, a leading article or odd spaces."""
    text = " ".join(text.split()).strip(QUOTES + " ")
    return _ARTICLE.sub("", text)


def canonical_name(rules: LanguageRules, s: Span, text: str | None = None) -> str:
    """The name as a heading would give it: a person's name in the nominative where names inflect
    ('Иваном Петровичем Сидоровым' -> 'Иван Петрович Сидоров'), else as written. `text` is the
    Doc's text (slicing it costs no Token per word)."""
    if rules.person_name is not None and s.label_ == "PERSON":
        return rules.person_name(s)
    if rules.org_name is not None and s.label_ == "ORG":
        return clean_name(rules.org_name(s))
    return clean_name(s.text if text is None else text[s.start_char : s.end_char])


def open_id(rules: LanguageRules, s: Span, text: str | None = None) -> str:
    """The span's id: its own when it has one, else one made from its type and name."""
    if s.kb_id_:
        return s.kb_id_
    if rules.id_words is not None:
        return f"{s.label_}:{slug(rules.id_words(s))}"
    return f"{s.label_}:{slug(canonical_name(rules, s, text))}"
