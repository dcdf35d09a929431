"""The word lists of the open-world recognizers and of the resolver, per language, from
``resources/<lang>/titles.json``, ``org_heads.json``, ``entity_context.json`` and
``given_names.json`` (where a language has one)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ...resources import load_json


@dataclass(frozen=True)
class Lexicon:
    """Per-language word lists (see each resource file's ``_doc`` for what a list means)."""

    offices: tuple[str, ...]
    honorifics: tuple[str, ...]
    not_names: frozenset[str]
    particles: frozenset[str]
    heads: frozenset[str]
    weak_heads: frozenset[str]
    generic: frozenset[str]
    given: tuple[str, ...]
    connectors: frozenset[str]
    tail_stop: frozenset[str]
    modifier_stop: frozenset[str]
    topical: frozenset[str]
    decorations: frozenset[str]
    headline_small_words: frozenset[str]
    territory_words: frozenset[str]
    located_heads: frozenset[str]
    """'республика': a proper name after it goes on with the name ('Автономной Республики Крым')."""
    quoted: re.Pattern[str] | None
    """'компания «Ромашка»': a head word, then a name in quotes (group 'name')."""
    venue_words: frozenset[str]
    conjunction: str
    verbs: frozenset[str]
    verb_endings: tuple[str, ...]
    currency_words: frozenset[str]
    currency_states: frozenset[str]
    of_words: frozenset[str]
    not_state_after: frozenset[str]
    not_state_before: frozenset[str]
    articles: frozenset[str]
    title_keys: frozenset[str]
    """Honorifics and one-word offices, case-folded: a word that titles the name after it."""
    bodies: tuple[StateBody, ...] = ()
    """Bodies every state has ('Ministry of Foreign Affairs'), with this language's forms."""


@dataclass(frozen=True)
class StateBody:
    """One kind of state body of ``state_bodies.json``: its key, English name and forms."""

    key: str
    name: str
    forms: tuple[str, ...]


def _given_names(lang: str) -> tuple[str, ...]:
    try:
        return tuple(load_json(f"{lang}/given_names.json")["names"])
    except FileNotFoundError:
        return ()  # a language whose names are found by morphology instead


def _quoted(heads: list[str]) -> re.Pattern[str] | None:
    if not heads:
        return None
    return re.compile(r"(?i:" + "|".join(heads) + r")\s+«(?P<name>[^«»\n]{2,60})»")


_QUOTE = re.compile(r"«[^«»\n]{2,60}»")
"""The quoted part of a `Lexicon.quoted` name: it starts with a literal, which the regex engine
finds fast."""


def quoted_names(pattern: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    """Where `pattern` (a `Lexicon.quoted`) finds a name, as (start, end) of its quotes: what
    ``[(m.start("name") - 1, m.end("name") + 1) for m in pattern.finditer(text)]`` gives.

    The pattern begins with its head words, so the engine tries it at every character. Here the
    quotes come first, and the pattern is tried only on the run of letters and whitespace just
    before them: a head word is letters (``resources/ru/org_heads.json``; a test checks it),
    whitespace separates it from the quotes, and quotes hold no quote, so no match starts
    elsewhere or spans two of them. The plain twin is in tests/reference/entity_walks.py."""
    out = []
    for q in _QUOTE.finditer(text):
        start = j = q.start()
        while j > 0 and text[j - 1].isspace():  # `\s` is `str.isspace` for a str pattern
            j -= 1
        k = j
        while k > 0 and text[k - 1].isalpha():
            k -= 1
        if k < j < start and pattern.search(text, k, q.end()) is not None:
            out.append((start, q.end()))
    return out


@lru_cache(maxsize=4)
def lexicon(lang: str) -> Lexicon:
    """The lexicon of `lang`, read once."""
    titles = load_json(f"{lang}/titles.json")
    heads = load_json(f"{lang}/org_heads.json")
    context = load_json(f"{lang}/entity_context.json")
    tail_stop = frozenset(heads.get("tail_stop", ()))
    return Lexicon(
        offices=tuple(titles["offices"]),
        honorifics=tuple(titles["honorifics"]),
        not_names=frozenset(titles.get("not_names", ())),
        particles=frozenset(titles.get("name_particles", ())),
        heads=frozenset(heads["heads"]),
        weak_heads=frozenset(heads.get("weak_heads", ())),
        generic=frozenset(g.casefold() for g in heads["generic"]),
        given=_given_names(lang),
        connectors=frozenset(heads.get("connectors", ())),
        tail_stop=tail_stop,
        modifier_stop=tail_stop | frozenset(heads.get("modifier_stop", ())),
        topical=frozenset(heads.get("topical", ())),
        decorations=frozenset(heads.get("decorations", ())),
        headline_small_words=frozenset(heads.get("headline_small_words", ())),
        territory_words=frozenset(heads.get("territory_words", ())),
        located_heads=frozenset(heads.get("located_heads", ())),
        quoted=_quoted(heads.get("quoted_heads", [])),
        venue_words=frozenset(context["venue_words"]),
        conjunction=context["conjunction"],
        verbs=frozenset(context["verbs"]),
        verb_endings=tuple(context["verb_endings"]),
        currency_words=frozenset(context["currency_words"]),
        currency_states=frozenset(context["currency_states"]),
        of_words=frozenset(context["of_words"]),
        not_state_after=frozenset(context["not_state_after"]),
        not_state_before=frozenset(context["not_state_before"]),
        articles=frozenset(context["articles"]),
        title_keys=frozenset(t.casefold() for t in titles["honorifics"])
        | frozenset(o.casefold() for o in titles["offices"] if " " not in o),
        bodies=tuple(StateBody(b["key"], b["name"], tuple(b.get(lang, ()))) for b in load_json("state_bodies.json")["bodies"]),
    )
