"""Russian: names inflect, so phrases match on dictionary forms and persons are found by
morphology (pymorphy3's name tags); organizations are a head noun with its genitive complement."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from spacy.tokens import Doc, Span

from ....lang.ru import morphology
from ..scan import Scan
from ..spans import make_span
from ..words import INITIALS, QUOTES, fold_accents, is_capitalized
from .base import Blocked, LanguageRules, Reader

_SOFT_ENDINGS = "аяоеиыйь"
_SENTENCE_ENDS = (".", "!", "?")


def office_complement(m: Reader, doc: Doc, end: int, blocked: Blocked, title_starts: set[int]) -> tuple[int, int]:
    """'Президент Казахстана Нурсултан Назарбаев': the name comes after the known names that
    complement the office (and 'и' between them); the office itself is as matched."""
    j = end
    while j < len(doc) and (j in blocked and blocked[j] != "PERSON" or doc[j].norm_ in ("и",)):
        j += 1
    return j, end


def morphological_persons(m: Reader, doc: Doc, scan: Scan, blocked: Blocked) -> list[Span]:
    """'Сапармурат Ниязов', 'Максим Владимирович Рыженков', 'Путин Владимир Владимирович'."""
    out = []
    i, n = 0, len(doc)
    flags = m.flags
    while i < n:
        if i in blocked or not is_capitalized(doc[i].text):
            i += 1
            continue
        here = flags(doc, i)
        if "Name" in here:
            j = i + 1
            if j < n and is_capitalized(doc[j].text) and "Patr" in flags(doc, j):
                j += 1
            if j < n and j not in blocked and is_capitalized(doc[j].text) and not flags(doc, j) & {"Geox", "Orgn", "Name"}:
                out.append(make_span(doc, i, j + 1, label="PERSON", evidence="pattern"))
                i = j + 1
                continue
        elif "Surn" in here and i + 1 < n and is_capitalized(doc[i + 1].text) and "Name" in flags(doc, i + 1):
            j = i + 2
            if j < n and is_capitalized(doc[j].text) and "Patr" in flags(doc, j):
                j += 1
            out.append(make_span(doc, i, j, label="PERSON", evidence="pattern"))
            i = j
            continue
        i += 1
    return out


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


def _head_name(m: Reader, doc: Doc, h: int, blocked: Blocked) -> Span | None:
    n = len(doc)
    flags = m.flags
    s = h
    # lower-case adjectives before the head, back to a capitalized one: 'Евразийский банк'
    while s > 0 and "ADJF" in flags(doc, s - 1) and s - 1 not in blocked and not doc[s].text[:1].isupper():
        s -= 1
    if not doc[s].text[:1].isupper() or s > 0 and doc[s - 1].text in _SENTENCE_ENDS and s == h:
        return None
    e = h + 1
    while e < n and doc[e].is_alpha and e not in blocked and doc[e].is_lower and "gent" in flags(doc, e):
        e += 1
    if e < n and doc[e].norm_ == "по" and doc[h].norm_ in m.lex.topical and e + 1 < n and doc[e + 1].is_lower:
        k = e + 1
        while k < n and k - e <= 3 and doc[k].is_alpha and doc[k].is_lower and k not in blocked:
            k += 1
        e = k
    while e < n and blocked.get(e) in ("COUNTRY", "ORG"):
        e += 1
    if e - s < 2:
        return None
    if " ".join(t.norm_ for t in doc[s:e]) in m.lex.generic:
        return None
    return make_span(doc, s, e, label="ORG", evidence="pattern")


def surname_key(word: str) -> str:
    """A surname's dictionary form ('Путину' -> 'путин'); a phrase folded as in English."""
    if " " not in word:
        return morphology.normal_form(word)
    return fold_accents(word.casefold())


def surname_stem(key: Callable[[str], str], norm: str, span: Span) -> str:
    """The surname without an ending that inflects ('путин' -> 'пути'), so that every case of it
    starts with the stem."""
    return norm[:-1] if len(norm) > 4 and norm[-1] in _SOFT_ENDINGS else norm


def person_name(s: Span) -> str:
    """The name in the nominative: 'Иваном Петровичем Сидоровым' -> 'Иван Петрович Сидоров'."""
    return " ".join(t.text if INITIALS.match(t.text) or not t.is_alpha else t.norm_.capitalize() for t in s)


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
    surname_stem=surname_stem,
    surname_ignore_case=True,
    person_name=person_name,
    id_words=id_words,
)
