"""Plain twins of `diplotext.lang.ru.morphology` and of the Russian normalizer: each reads
pymorphy3's own `Parse` objects, word by word, token by token, with no cache. The property
tests in tests/test_morphology.py check that the package's answers are these."""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc

from diplotext.lang.ru.morphology import analyzer

_SURNAME_ENDINGS = ("ов", "ев", "ёв", "ин", "ын")
_PROPER = frozenset({"Name", "Surn", "Patr", "Geox", "Orgn", "Abbr"})
_OBLIQUE = frozenset({"gent", "datv", "ablt", "loct"})
_NAME_TAGS = _PROPER | _OBLIQUE


def parse(word: str) -> list[Any]:
    return analyzer().parse(word)


def is_known(word: str) -> bool:
    return bool(analyzer().word_is_known(word))


def pos(word: str) -> str | None:
    return parse(word)[0].tag.POS


def case(word: str) -> str | None:
    return parse(word)[0].tag.case


def number(word: str) -> str | None:
    return parse(word)[0].tag.number


def can_be_plural(word: str) -> bool:
    return any(p.tag.number == "plur" for p in parse(word))


def is_lemma(word: str) -> bool:
    return any(p.normal_form.replace("ё", "е") == word for p in parse(word))


def normal_form(word: str) -> str:
    if not word[:1].isalpha():
        return word.lower()
    parses = parse(word)
    best = parses[0]
    if word[:1].isupper() and not {"Geox", "Orgn", "Abbr"} & best.tag.grammemes:
        surnames = [p for p in parses if "Surn" in p.tag and "sing" in p.tag]
        guessed = not is_known(word) and "Name" not in best.tag
        names = surnames or [p for p in parses if {"Name", "Patr"} & p.tag.grammemes and "sing" in p.tag and not guessed]
        if names:
            return names[0].normal_form.replace("ё", "е")
        lower = word.lower().replace("ё", "е")
        if any({"Name", "Surn", "Patr"} & p.tag.grammemes for p in parses):
            return lower
        if {"plur", "gent"} <= best.tag.grammemes and lower.endswith(_SURNAME_ENDINGS):
            return lower
        if len(best.normal_form) > len(word) and not is_known(word):
            return lower
    return best.normal_form.replace("ё", "е")


def name_tags(word: str) -> frozenset[str]:
    parses = parse(word)
    tags = {g for p in parses[:3] if p.score >= 0.1 for g in p.tag.grammemes & _NAME_TAGS}
    if word[:1].isupper() and is_known(word) and any("Name" in p.tag for p in parses):
        tags.add("Name")
    if parses and parses[0].tag.POS in ("VERB", "PRTS"):
        tags.add("VERB")
    if parses and parses[0].tag.POS in ("ADJF", "PRTF", "NOUN"):
        tags.add(parses[0].tag.POS)
    if not is_known(word):
        tags.add("UNKN")
    return frozenset(tags)


def forms(word: str) -> frozenset[tuple[str | None, str | None]]:
    if not is_known(word):
        return frozenset()
    return frozenset((p.tag.case, p.tag.number) for p in parse(word))


def agree(words: list[str]) -> bool:
    common: frozenset[tuple[str | None, str | None]] | None = None
    for w in words:
        f = forms(w)
        if not f:
            continue
        common = f if common is None else common & f
        if not common:
            return False
    return True


def normalize(doc: Doc) -> Doc:
    """The Russian normalizer: each token's normal form written to ``token.norm_``."""
    for token in doc:
        token.norm_ = normal_form(token.text)
    return doc
