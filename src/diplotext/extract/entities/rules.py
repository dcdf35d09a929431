"""The keys of the entity matchers: which phrases each matches, how, and what a match is."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from spacy.tokens import Doc

from ...resources import load_json
from ..gazetteer import Gazetteer, GazetteerEntry, load_gazetteer
from .languages import rules_for
from .lexicon import lexicon


@dataclass(frozen=True)
class PatternRule:
    """One key of the entity matchers: what its matches are (kind, entry) and its phrases, matched
    folded (LOWER, or NORM in Russian) or as written (ORTH)."""

    key: str
    kind: str
    entry: GazetteerEntry | None
    folded: bool
    phrases: tuple[str, ...]


def pattern_rules(gazetteer: Gazetteer, lang: str) -> list[PatternRule]:
    """The keys of the entity matchers, in the order they are added: per gazetteer entry its names
    (capitalized, lower-case), acronyms, capitals and short names; then the lexicon's offices,
    honorifics, given names and organization heads (folded where names inflect)."""
    lex = lexicon(lang)
    rules: list[PatternRule] = []

    def add(folded: bool, kind: str, entry: GazetteerEntry | None, phrases: Iterable[str], tag: str = "") -> None:
        phrases = tuple(phrases)
        if phrases:
            rules.append(PatternRule(f"{kind}|{entry.id if entry else tag}", kind, entry, folded, phrases))

    for entry in gazetteer.entries.values():
        names = [n for n in entry.names.get(lang, ()) if n not in entry.acronyms]
        add(True, "N", entry, [n for n in names if n[:1].isupper() or not n[:1].isalpha()])
        add(True, "L", entry, [n for n in names if n[:1].islower()])
        add(False, "A", entry, entry.acronyms)
        add(True, "C", entry, entry.metonyms.get(lang, ()))
        add(True, "S", entry, entry.short.get(lang, ()))
    add(True, "T", None, lex.offices, "office")
    add(True, "H", None, lex.honorifics, "honorific")
    add(False, "G", None, lex.given, "given")
    add(rules_for(lang).inflected, "O", None, lex.heads, "head")
    for body in lex.bodies:
        add(True, "B", None, body.forms, body.key)
    return rules


PHRASE_TOKENS = "{lang}/entity_tokens.json"
"""The packaged gazetteer's and lexicon's phrases as diplotext's tokenizer splits them (written by
tools/make_entity_tokens.py; a test fails when it is stale)."""


def phrase_tokens(tokenizer: Callable[[str], Doc], lang: str) -> dict[str, list[str]]:
    """Every phrase of the entity matchers' rules for the packaged gazetteer, split by `tokenizer`:
    the data of `PHRASE_TOKENS`."""
    phrases = sorted({p for rule in pattern_rules(load_gazetteer(), lang) for p in rule.phrases})
    return {p: [t.text for t in tokenizer(p)] for p in phrases}


def packaged_phrase_tokens(lang: str) -> dict[str, list[str]]:
    """`PHRASE_TOKENS` for `lang`, read once."""
    return load_json(PHRASE_TOKENS.format(lang=lang))["phrases"]
