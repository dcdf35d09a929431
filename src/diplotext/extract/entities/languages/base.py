"""What the entity stage does differently in one language: the record each language's rules
module fills in, so that the core asks the record and never which language it is in."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol

from spacy.tokens import Doc, Span, Token

from ..lexicon import Lexicon
from ..scan import Scan

Blocked = dict[int, str]
"""Token index -> the type of the gazetteer reading that covers it."""


class Reader(Protocol):
    """What a recognizer reads of the matcher that runs it (`matcher.Reader`)."""

    lang: str
    lex: Lexicon
    rules: LanguageRules
    given_set: frozenset[str]
    office_set: frozenset[str]
    analyze: Callable[[str], frozenset[str]] | None

    def nameable(self, doc: Doc, i: int, blocked: Blocked) -> bool: ...

    def name_at(self, doc: Doc, i: int, blocked: Blocked, limit: int = 4) -> int: ...

    def flags(self, doc: Doc, i: int) -> frozenset[str]: ...

    def flags_of(self, word: str) -> frozenset[str]: ...


@dataclass(frozen=True)
class LanguageRules:
    """One language's part of the entity stage (see `en.py`, `ru.py`)."""

    analyze: Callable[[str], frozenset[str]] | None
    """A word's morphological name tags ('Surn', 'Name', 'gent', ...), where the language has
    morphology; None elsewhere."""
    inflected: bool
    """Names inflect: phrases and head nouns are matched on dictionary forms (NORM)."""
    word_key: Callable[[Token], str]
    """The form a context word is looked up by in the lexicon (lower case, or dictionary form)."""
    lowercase_office_needs_name: bool
    """An office in lower case introduces a person only when a name follows it at once."""
    office_complement: Callable[[Reader, Doc, int, Blocked, set[int]], tuple[int, int]]
    """After an office ending at token i: where the person's name starts, and where the office
    (with its complement: 'of Kazakhstan') ends."""
    names: Callable[[Reader, Doc, Scan, Blocked], list[Span]]
    """Persons named without a title: by a given name, or by morphology."""
    organizations: Callable[[Reader, Doc, Scan, Blocked, Sequence[Span]], list[Span]]
    """Organizations named by a head noun that the gazetteer does not know."""
    surname_key: Callable[[str], str]
    """The key under which a surname's mentions are one ('Путину' and 'Путин'; 'Niinistö' and 'Niinisto')."""
    person_name: Callable[[Span], str] | None
    """An open-world person's name as a heading gives it (the nominative), or None: as written."""
    name_agrees: Callable[[Span], bool] | None
    """Whether a person's name found after a title is one name (its words agree), or None."""
    org_name: Callable[[Span], str] | None
    """An open-world organization's name as a heading gives it (the head in the nominative), or
    None: as written."""
    id_words: Callable[[Span], str] | None
    """The words an open-world entity's id is made of (one id whatever the case), or None: its name."""

