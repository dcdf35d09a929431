"""Russian morphology: the one cached pymorphy3 analyser of the package and the helpers every
extractor reads it through.

Each word form is analysed once: its `readings` (tag, normal form and score of every reading,
likeliest first) are kept per form as plain tuples of strings and numbers, so that the many
extractors that ask about the same word ('заявил', 'России') pay for one dictionary look-up
between them, and so that the garbage collector, which stops tracking such tuples, does not
walk a growing cache of pymorphy3 objects (about 9 tracked objects per form kept, as many
microseconds of collection per form as the analysis itself). Only inflecting a word needs
pymorphy3's own `Parse` objects (`parse`, a small cache). The plain twins, which read `Parse`
objects directly, are in tests/reference/morphology.py.

The normal forms of the words of the package's own entity patterns (some 3,000 forms of names,
offices and heads, which building the Russian pipeline normalizes before its first text) ship
in ``resources/ru/normal_forms.json``, made by this module with the dictionary named there
(tools/make_entity_tokens.py). They are read instead of analysed only when pymorphy3 and its
dictionary are the ones they were made with; tests/test_startup.py fails when the file is stale.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from ...resources import load_json

_SURNAME_ENDINGS = ("ов", "ев", "ёв", "ин", "ын")
_PROPER = frozenset({"Name", "Surn", "Patr", "Geox", "Orgn", "Abbr"})
_OBLIQUE = frozenset({"gent", "datv", "ablt", "loct"})
_NAME_TAGS = _PROPER | _OBLIQUE
_NOT_A_NAME = frozenset({"Geox", "Orgn", "Abbr"})
_GIVEN = frozenset({"Name", "Patr"})
_PERSONAL = frozenset({"Name", "Surn", "Patr"})
_PLURAL_GENITIVE = frozenset({"plur", "gent"})

Reading = tuple[str, str, float]
"""One reading of a word form: its tag (pymorphy3's tag string), normal form and score."""

_TAGS: dict[str, Any] = {}
"""pymorphy3's tag object for each tag string met: one per tag of its tag set, so bounded."""

_SHARED: dict[frozenset[Any], frozenset[Any]] = {}
"""One frozenset object for each distinct answer of `name_tags` and `forms` (few distinct ones)."""


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


@lru_cache(maxsize=1024)
def parse(word: str) -> tuple[Any, ...]:
    """Every reading of a word form as pymorphy3's `Parse` objects, likeliest first: for
    inflecting it. Everything else reads `readings`, which holds the same readings as data."""
    return tuple(analyzer().parse(word))


@lru_cache(maxsize=200_000)
def readings(word: str) -> tuple[Reading, ...]:
    """Every reading of a word form, likeliest first: (tag string, normal form, score)."""
    out = []
    for p in analyzer().parse(word):
        key = str(p.tag)
        if key not in _TAGS:
            _TAGS[key] = p.tag
        out.append((key, p.normal_form, p.score))
    return tuple(out)


def _shared(value: frozenset[Any]) -> frozenset[Any]:
    return _SHARED.setdefault(value, value)


@lru_cache(maxsize=200_000)
def is_known(word: str) -> bool:
    """Whether the dictionary knows the word form (else pymorphy3 guessed its readings)."""
    return bool(analyzer().word_is_known(word))


def pos(word: str) -> str | None:
    """The part of speech of the word's likeliest reading ('VERB', 'NOUN', 'GRND', ...)."""
    return _TAGS[readings(word)[0][0]].POS


def case(word: str) -> str | None:
    """The grammatical case of the word's likeliest reading ('nomn', 'gent', ...)."""
    return _TAGS[readings(word)[0][0]].case


def number(word: str) -> str | None:
    """The grammatical number of the word's likeliest reading ('sing', 'plur')."""
    return _TAGS[readings(word)[0][0]].number


def can_be_plural(word: str) -> bool:
    """Whether any reading of the word is plural."""
    return any(_TAGS[tag].number == "plur" for tag, _, _ in readings(word))


def is_lemma(word: str) -> bool:
    """Whether some reading of the (lower-cased) word is its own dictionary form."""
    return any(normal.replace("ё", "е") == word for _, normal, _ in readings(word))


NORMAL_FORMS = "ru/normal_forms.json"
"""The packaged normal forms of the entity patterns' words (see the module docstring)."""


def morphology_id() -> str:
    """What the normal forms depend on besides this module: pymorphy3's version and its dictionary's."""
    import pymorphy3

    meta = analyzer().dictionary.meta
    return f"pymorphy3 {pymorphy3.__version__}; {meta.get('source')} {meta.get('source_version')} r{meta.get('source_revision')}, compiled {meta.get('compiled_at')}"


@lru_cache(maxsize=1)
def packaged_normal_forms() -> dict[str, str]:
    """`NORMAL_FORMS`, when made with the morphology installed here; else none (each is analysed)."""
    data = load_json(NORMAL_FORMS)
    return data["norms"] if data["morphology"] == morphology_id() else {}


@lru_cache(maxsize=200_000)
def normal_form(word: str) -> str:
    """The dictionary form of a Russian word ('Беларуси' -> 'беларусь'), lower-cased."""
    packaged = packaged_normal_forms().get(word)
    return packaged if packaged is not None else analysed_normal_form(word)


def analysed_normal_form(word: str) -> str:
    """`normal_form` from the word's readings."""
    if not word[:1].isalpha():
        return word.lower()
    found = readings(word)
    best_tag, best_normal, _ = found[0]
    best = _TAGS[best_tag].grammemes
    if word[:1].isupper() and not _NOT_A_NAME & best:
        # A capitalized word is read as a name where it can be one: 'Токаеву' is Tokayev's
        # dative, not the woman's name 'Токаева'; 'Ниязов' and 'Токаев' are surnames, not the
        # genitive plurals of 'Нияз' and 'токай'; the guess 'пашинянин' for an unknown
        # 'Пашинян' is longer than the word, which stays as it is.
        grammemes = [(_TAGS[tag].grammemes, normal) for tag, normal, _ in found]
        surnames = [normal for g, normal in grammemes if "Surn" in g and "sing" in g]
        # a guessed given name for a word the dictionary lacks is no evidence ('Социнтерна')
        guessed = not is_known(word) and "Name" not in best
        names = surnames or [normal for g, normal in grammemes if _GIVEN & g and "sing" in g and not guessed]
        if names:
            return names[0].replace("ё", "е")
        lower = word.lower().replace("ё", "е")
        if any(_PERSONAL & g for g, _ in grammemes):
            return lower
        if _PLURAL_GENITIVE <= best and lower.endswith(_SURNAME_ENDINGS):
            return lower
        if len(best_normal) > len(word) and not is_known(word):
            return lower
    return best_normal.replace("ё", "е")


@lru_cache(maxsize=100_000)
def name_tags(word: str) -> frozenset[str]:
    """The proper-name and case grammemes of a Russian word's likely readings ('Ниязовым' ->
    {'Surn', 'ablt', ...}); 'UNKN' for a word the dictionary does not know; the part of speech of
    its likeliest reading when it is 'VERB', 'ADJF', 'PRTF' or 'NOUN'."""
    found = readings(word)
    tags = {g for tag, _, score in found[:3] if score >= 0.1 for g in _TAGS[tag].grammemes & _NAME_TAGS}
    if word[:1].isupper() and is_known(word) and any("Name" in _TAGS[tag].grammemes for tag, _, _ in found):
        tags.add("Name")  # 'Романа' is Roman's too, not only a novel's
    first = _TAGS[found[0][0]].POS if found else None
    if first in ("VERB", "PRTS"):
        tags.add("VERB")
    if first in ("ADJF", "PRTF", "NOUN"):
        tags.add(first)
    if not is_known(word):
        tags.add("UNKN")
    return _shared(frozenset(tags))


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
    return _shared(frozenset((_TAGS[tag].case, _TAGS[tag].number) for tag, _, _ in readings(word)))


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
