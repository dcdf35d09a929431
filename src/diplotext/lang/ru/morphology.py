"""Russian morphology: the one cached pymorphy3 analyser of the package and the helpers every
extractor reads it through.

Each word form is analysed once (``parse`` is cached per form), so that the many extractors that
ask about the same word ('заявил', 'России') pay for one dictionary look-up between them.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

_SURNAME_ENDINGS = ("ов", "ев", "ёв", "ин", "ын")
_PROPER = frozenset({"Name", "Surn", "Patr", "Geox", "Orgn", "Abbr"})
_OBLIQUE = frozenset({"gent", "datv", "ablt", "loct"})
_NAME_TAGS = _PROPER | _OBLIQUE


@lru_cache(maxsize=1)
def analyzer() -> Any:
    """The pymorphy3 analyser, built on the first Russian word: its dictionaries take a moment
    to load, and an English-only run never needs them."""
    import pymorphy3
    import pymorphy3.shapes

    pymorphy3.shapes.is_latin_char = _is_latin_char  # its own raises ValueError on Tangut letters (found by fuzzing)
    return pymorphy3.MorphAnalyzer(lang="ru")


@lru_cache(maxsize=4096)
def _is_latin_char(ch: str) -> bool:
    """pymorphy3's test, for letters without a name in `unicodedata` too (U+17000, ...)."""
    import unicodedata

    return "LATIN" in unicodedata.name(ch, "")


@lru_cache(maxsize=200_000)
def parse(word: str) -> tuple[Any, ...]:
    """Every reading of a word form, likeliest first (pymorphy3's ``parse``), cached per form."""
    return tuple(analyzer().parse(word))


@lru_cache(maxsize=200_000)
def is_known(word: str) -> bool:
    """Whether the dictionary knows the word form (else pymorphy3 guessed its readings)."""
    return bool(analyzer().word_is_known(word))


def pos(word: str) -> str | None:
    """The part of speech of the word's likeliest reading ('VERB', 'NOUN', 'GRND', ...)."""
    return parse(word)[0].tag.POS


def case(word: str) -> str | None:
    """The grammatical case of the word's likeliest reading ('nomn', 'gent', ...)."""
    return parse(word)[0].tag.case


def number(word: str) -> str | None:
    """The grammatical number of the word's likeliest reading ('sing', 'plur')."""
    return parse(word)[0].tag.number


def can_be_plural(word: str) -> bool:
    """Whether any reading of the word is plural."""
    return any(p.tag.number == "plur" for p in parse(word))


def is_lemma(word: str) -> bool:
    """Whether some reading of the (lower-cased) word is its own dictionary form."""
    return any(p.normal_form.replace("ё", "е") == word for p in parse(word))


@lru_cache(maxsize=200_000)
def normal_form(word: str) -> str:
    """The dictionary form of a Russian word ('Беларуси' -> 'беларусь'), lower-cased."""
    if not word[:1].isalpha():
        return word.lower()
    parses = parse(word)
    best = parses[0]
    if word[:1].isupper() and not {"Geox", "Orgn", "Abbr"} & best.tag.grammemes:
        # A capitalized word is read as a name where it can be one: 'Токаеву' is Tokayev's
        # dative, not the woman's name 'Токаева'; 'Ниязов' and 'Токаев' are surnames, not the
        # genitive plurals of 'Нияз' and 'токай'; the guess 'пашинянин' for an unknown
        # 'Пашинян' is longer than the word, which stays as it is.
        surnames = [p for p in parses if "Surn" in p.tag and "sing" in p.tag]
        # a guessed given name for a word the dictionary lacks is no evidence ('Социнтерна')
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


@lru_cache(maxsize=100_000)
def name_tags(word: str) -> frozenset[str]:
    """The proper-name and case grammemes of a Russian word's likely readings ('Ниязовым' ->
    {'Surn', 'ablt', ...}); 'UNKN' for a word the dictionary does not know; the part of speech of
    its likeliest reading when it is 'VERB', 'ADJF', 'PRTF' or 'NOUN'."""
    parses = parse(word)
    tags = {g for p in parses[:3] if p.score >= 0.1 for g in p.tag.grammemes & _NAME_TAGS}
    if word[:1].isupper() and is_known(word) and any("Name" in p.tag for p in parses):
        tags.add("Name")  # 'Романа' is Roman's too, not only a novel's
    if parses and parses[0].tag.POS in ("VERB", "PRTS"):
        tags.add("VERB")
    if parses and parses[0].tag.POS in ("ADJF", "PRTF", "NOUN"):
        tags.add(parses[0].tag.POS)
    if not is_known(word):
        tags.add("UNKN")
    return frozenset(tags)


def nominative(word: str) -> str | None:
    """A place or person name in the nominative ('Москве' -> 'москва'), or None when no reading
    of the word is such a name that inflects."""
    for p in parse(word):
        if "Geox" in p.tag or "Name" in p.tag or "Surn" in p.tag:
            form = p.inflect({"nomn"})
            if form is not None:
                return form.word
    return None


_AGREEING = ("ADJF", "PRTF", "NUMR")


def nominative_phrase(words: list[str], head: int) -> list[str]:
    """A noun phrase's head and the adjectives before it in the nominative, in the number they
    agree in; the words after the head (its genitive complement) stay as they are:
    'Социалистической партии Португалии' -> 'Социалистическая партия Португалии'."""
    noun_parses = [p for p in parse(words[head]) if p.tag.POS == "NOUN"]
    if not noun_parses:
        return words
    modifiers = [i for i in range(head) if any(p.tag.POS in _AGREEING for p in parse(words[i]))]
    forms = {(p.tag.case, p.tag.number) for p in noun_parses}
    for i in modifiers:
        forms &= {(p.tag.case, p.tag.number) for p in parse(words[i]) if p.tag.POS in _AGREEING} | {(c, None) for c, _ in forms}
    number = next((n for _, n in sorted(forms, key=lambda f: f[0] != "gent") if n), None) or noun_parses[0].tag.number
    noun = next((p for p in noun_parses if p.tag.number == number), noun_parses[0])
    out = list(words)
    out[head] = _inflected(noun, words[head], {"nomn", number} if number else {"nomn"})
    gender = noun.tag.gender
    for i in modifiers:
        adj = next((p for p in parse(words[i]) if p.tag.POS in _AGREEING and (number != "sing" or p.tag.gender in (gender, None))), None)
        if adj is not None:
            out[i] = _inflected(adj, words[i], {"nomn", number} if number else {"nomn"})
    return out


def _inflected(p: Any, word: str, grammemes: set[str]) -> str:
    """`word` inflected as `p` to `grammemes`, written in the word's own case (or unchanged)."""
    if word.isupper() and len(word) > 1:
        return word  # an acronym: 'МИД'
    form = p.inflect(grammemes)
    if form is None:
        return word
    return form.word.capitalize() if word[:1].isupper() else form.word


@lru_cache(maxsize=100_000)
def forms(word: str) -> frozenset[tuple[str | None, str | None]]:
    """The (case, number) pairs the word's readings can be in; empty for a word the dictionary
    does not know (its readings are guesses)."""
    if not is_known(word):
        return frozenset()
    return frozenset((p.tag.case, p.tag.number) for p in parse(word))


def agree(words: list[str]) -> bool:
    """Whether the words can stand in one case and number ('Романа Коноплева' yes, 'Абрамовича
    Дарья' no); a word the dictionary does not know agrees with any."""
    common: frozenset[tuple[str | None, str | None]] | None = None
    for w in words:
        f = forms(w)
        if not f:
            continue
        common = f if common is None else common & f
        if not common:
            return False
    return True


def name_in_nominative(words: list[str]) -> list[str]:
    """A person's name in the nominative, each word in the gender of the given name:
    'Ханса Бауэра' -> 'Ханс Бауэр', 'Анны Политковской' -> 'Анна Политковская'. A word the
    dictionary does not know stays as written ('Тиффани')."""
    gender = None
    for w in words:
        p = next((p for p in parse(w) if "Name" in p.tag), None)
        if p is not None:
            gender = p.tag.gender
            break
    out = []
    for w in words:
        if not w[:1].isalpha() or not is_known(w):
            out.append(w)
            continue
        p = _name_reading(w, gender) or parse(w)[0]
        form = p.inflect({"nomn"}) if p.tag.case != "nomn" else None
        word = form.word if form is not None else p.word if p.tag.case == "nomn" else p.normal_form
        out.append(word.replace("ё", "е").capitalize() if not w.isupper() else w)
    return out


def _name_reading(word: str, gender: str | None) -> Any:
    """The word's reading as a given name, patronymic or surname, in the name's gender."""
    readings = [p for p in parse(word) if {"Name", "Surn", "Patr"} & p.tag.grammemes and "sing" in p.tag]
    return next((p for p in readings if gender is None or p.tag.gender in (gender, None)), None)
