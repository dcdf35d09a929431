"""Russian: names inflect, so phrases match on dictionary forms and persons are found by
morphology (pymorphy3's name tags); organizations are a head noun with its genitive complement."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from spacy.tokens import Doc, Span

from ....lang.ru import morphology
from ....token_view import token_view
from ..lexicon import lexicon
from ..scan import Scan
from ..spans import make_span
from ..tokens import not_lower
from ..words import INITIALS, QUOTES, fold_accents, is_capitalized
from .base import Blocked, LanguageRules, Reader

_CYRILLIC = re.compile(r"[А-ЯЁ]")
_SENTENCE_ENDS = (".", "!", "?")


def office_complement(m: Reader, doc: Doc, end: int, blocked: Blocked, title_starts: set[int]) -> tuple[int, int]:
    """'Президент Казахстана Нурсултан Назарбаев': the name comes after the known names that
    complement the office (and 'и' between them); the office itself is as matched."""
    j = end
    while j < len(doc) and (j in blocked and blocked[j] != "PERSON" or doc[j].norm_ in ("и",)):
        j += 1
    return j, end


_NOT_SURNAME = frozenset({"Geox", "Orgn", "Name", "VERB"})


def morphological_persons(m: Reader, doc: Doc, scan: Scan, blocked: Blocked) -> list[Span]:
    """'Сапармурат Ниязов', 'Максим Владимирович Рыженков', 'Путин Владимир Владимирович',
    'Трюгве Ли': names the morphology knows, in one case, or two foreign words it does not know.
    The words are read from the Doc's token view (no spaCy Token made for them)."""
    out = []
    end = 0
    words = token_view(doc).texts
    for i, word, _ in not_lower(doc):  # a lower-case word is no capitalized one: no Token made for it
        if i < end or not is_capitalized(word):
            continue  # inside the last name, or no name starts here (`_person_at` would say so)
        end = _person_at(m, doc, words, i, blocked)
        if end > i:
            out.append(make_span(doc, i, end, label="PERSON", evidence="pattern"))
    return out


def _word(words: list[str], j: int, blocked: Blocked) -> bool:
    """A capitalized word that may be part of a name. (A line break is a token of its own,
    and no capitalized word, so a name does not run on to the next line.)"""
    return j < len(words) and j not in blocked and is_capitalized(words[j])


def _person_at(m: Reader, doc: Doc, words: list[str], i: int, blocked: Blocked) -> int:
    """The end of a person's name starting at token i (i itself when none starts there)."""
    if not _word(words, i, blocked):
        return i
    tags = m.flags_of
    here = tags(words[i])
    if "Name" in here and "UNKN" not in here:  # a given name the dictionary knows, not a guess
        j = i + 1
        if _word(words, j, blocked) and "Patr" in tags(words[j]):
            j += 1
        if _word(words, j, blocked) and not tags(words[j]) & _NOT_SURNAME and morphology.agree(words[i : j + 1]):
            return j + 1
        if j == i + 2 and morphology.agree(words[i : i + 2]):
            return j  # 'Александр Лукашевич': a surname that reads as a patronymic
        return i
    if "Surn" in here and _word(words, i + 1, blocked) and "Name" in tags(words[i + 1]) and morphology.agree(words[i : i + 2]):
        j = i + 2
        if _word(words, j, blocked) and "Patr" in tags(words[j]):
            j += 1
        return j
    if _foreign_pair(m, doc, words, i, blocked):
        return i + 2
    return i


def _foreign_pair(m: Reader, doc: Doc, words: list[str], i: int, blocked: Blocked) -> bool:
    """'Саеб Эрекат', 'Трюгве Ли': inside a sentence, a word the dictionary does not know and
    a second capitalized word that is no common word, place or name of a body, and no third."""
    if not _CYRILLIC.match(words[i]):
        return False  # a name in its own script, given beside the Russian one
    first = m.flags_of(words[i])
    if "UNKN" not in first or "Geox" in first:
        return False
    if i == 0 or words[i - 1] in _SENTENCE_ENDS or not words[i - 1].islower():
        return False
    before = doc[i - 1].norm_
    if before in m.lex.heads or before in m.lex.venue_words:
        return False  # 'в Сьюдад Реаль': a place
    if not _word(words, i + 1, blocked) or _word(words, i + 2, blocked):
        return False
    second = m.flags_of(words[i + 1])
    return "Geox" not in second and ("UNKN" in second or "Surn" in second or not second & {"NOUN", "ADJF", "VERB", "PRTF"})


def organizations(m: Reader, doc: Doc, scan: Scan, blocked: Blocked, persons: Sequence[Span]) -> list[Span]:
    """'Министерство экономического развития Российской Федерации', 'Евразийский банк
    развития', 'компания «Ромашка»': a name starts with a capital letter, has a head noun, and
    goes on with words in the genitive (or 'по' and its object)."""
    out = []
    for h in scan.heads:
        if h in blocked:
            continue  # 'Российской Федерации' is a state
        span = _head_name(m, doc, h, blocked)
        if span is not None:
            out.append(span)
    for start, end in scan.quoted:
        out.append(make_span(doc, start, end, label="ORG", evidence="pattern"))
    return out


_MAX_MODIFIERS = 4
"""Adjectives before a head noun that may belong to the name ('Севастопольский городской Совет')."""
_MAX_TAIL = 12
"""Words of the genitive complement after the head noun."""
_PERSON_TAGS = frozenset({"Name", "Surn", "Patr"})


def _head_name(m: Reader, doc: Doc, h: int, blocked: Blocked) -> Span | None:
    """The name around head noun h: agreeing adjectives before it (the name starts at the
    first capitalized word), and its genitive complement after it."""
    s = _modifiers_start(m, doc, h, blocked)
    if s is None or s == h and s > 0 and doc[s - 1].text in _SENTENCE_ENDS:
        return None
    e = _genitive_tail(m, doc, h, blocked)
    if e - s < 2:
        return None
    if " ".join(t.norm_ for t in doc[s:e]) in m.lex.generic:
        return None
    return make_span(doc, s, e, label="ORG", evidence="pattern")


def _modifiers_start(m: Reader, doc: Doc, h: int, blocked: Blocked) -> int | None:
    """Where the name starts: back over adjectives ('Верховного', 'городского'), then on to the
    first capitalized word; None when none is ('российские компании')."""
    s = h
    while s > 0 and h - s < _MAX_MODIFIERS and s - 1 not in blocked and "ADJF" in m.flags(doc, s - 1) and doc[s - 1].is_alpha:
        s -= 1
    while s <= h and not doc[s].text[:1].isupper():
        s += 1
    return s if s <= h else None


def _genitive_tail(m: Reader, doc: Doc, h: int, blocked: Blocked) -> int:
    """Where the name ends after head noun h: words in the genitive ('глав государств',
    'Автономной Республики Крым'), coordinated ones ('информации и печати'), 'по' and its object
    after a topical head, and the known states and bodies that close it ('... МИД России')."""
    n = len(doc)
    lex = m.lex
    e = h + 1
    while e < n and e - h <= _MAX_TAIL:
        step = _tail_step(m, doc, e, blocked)
        if step == 0 and doc[e].norm_ == "и" and e > h + 1 and e + 1 < n and doc[e + 1].is_lower:
            step = _tail_step(m, doc, e + 1, blocked)
            step = step + 1 if step else 0  # 'информации и печати'
        if step == 0 and doc[e].norm_ == "по" and doc[h].norm_ in lex.topical and e + 1 < n and doc[e + 1].is_lower:
            k = e + 1
            while k < n and k - e <= 3 and doc[k].is_alpha and doc[k].is_lower and k not in blocked:
                k += 1
            step = k - e
        if step == 0 and e > h + 1 and doc[e - 1].norm_ in lex.territory_words and doc[e].text[:1].isupper() and doc[e].is_alpha:
            step = 0 if m.flags(doc, e) & _PERSON_TAGS else 1  # 'Республики Крым'
        if step == 0:
            break
        e += step
    while e > h + 1 and doc[e - 1].is_lower and m.flags(doc, e - 1) & {"ADJF"} and not m.flags(doc, e - 1) & {"NOUN"}:
        e -= 1  # 'Центра химической ...': an adjective whose noun the name lost
    while e < n and blocked.get(e) in ("COUNTRY", "ORG"):
        e += 1
    if e == h + 2 and doc[h + 1].is_lower and doc[h + 1].norm_ in lex.heads:
        return h + 1  # 'Ассамблеей организации': the organization named before, not a name
    return e


def _tail_step(m: Reader, doc: Doc, e: int, blocked: Blocked) -> int:
    """How many tokens from e continue a genitive complement: a word in the genitive (capitalized
    ones too, but no person's name), or a hyphenated one ('крымско-татарского')."""
    n = len(doc)
    if e in blocked:
        return 0
    t = doc[e]
    flags = m.flags(doc, e)
    if t.is_alpha and "gent" in flags and "VERB" not in flags and (t.is_lower or not flags & _PERSON_TAGS):
        return 1
    if t.is_alpha and t.is_lower and e + 2 < n and doc[e + 1].text == "-" and not t.whitespace_ and not doc[e + 1].whitespace_:
        return 3 if _tail_step(m, doc, e + 2, blocked) == 1 else 0
    return 0


def surname_key(word: str) -> str:
    """A surname's dictionary form ('Путину' -> 'путин'); a phrase folded as in English."""
    if " " not in word:
        return morphology.normal_form(word)
    return fold_accents(word.casefold())


def name_agrees(s: Span) -> bool:
    """The words of a name stand in one case and number ('Нурсултана Назарбаева', not
    'Нурсултана Назарбаева Даригу')."""
    return morphology.agree([t.text for t in s if t.is_alpha and not INITIALS.match(t.text)])


def person_name(s: Span) -> str:
    """The name in the nominative, in the given name's gender: 'Иваном Петровичем Сидоровым' ->
    'Иван Петрович Сидоров', 'Анны Политковской' -> 'Анна Политковская'; initials as written."""
    words = [t.text for t in s if not INITIALS.match(t.text) and t.is_alpha]
    nominative = iter(morphology.name_in_nominative(words))
    return " ".join(t.text if INITIALS.match(t.text) or not t.is_alpha else next(nominative) for t in s)


def org_name(s: Span) -> str:
    """The name with its head noun and the adjectives before it in the nominative:
    'Социалистической партии Португалии' -> 'Социалистическая партия Португалии'."""
    heads = lexicon("ru").heads
    head = next((i for i, t in enumerate(s) if t.norm_ in heads), None)
    words = [t.text for t in s]
    if head is not None and not s[0].text in QUOTES:
        words = morphology.nominative_phrase(words, head)
    return "".join(w + t.whitespace_ for w, t in zip(words, s)).strip()


def id_words(s: Span) -> str:
    """Dictionary forms: one id whatever the case ('Комитетом ...' and 'Комитет ...')."""
    return " ".join(t.norm_ for t in s if t.text not in QUOTES)


RULES = LanguageRules(
    analyze=morphology.name_tags,
    inflected=True,
    word_key=lambda t: t.norm_,
    lowercase_office_needs_name=False,
    office_complement=office_complement,
    names=morphological_persons,
    organizations=organizations,
    surname_key=surname_key,
    person_name=person_name,
    name_agrees=name_agrees,
    org_name=org_name,
    id_words=id_words,
)
