"""English: offices with an 'of ...' complement, persons by their given names, organizations by
head nouns written with capitals, surnames folded for case and accents."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc, Span

from ..scan import Scan
from ..spans import make_span
from ..words import INITIALS, POSSESSIVE, fold_accents
from .base import Blocked, LanguageRules, Reader
from .en_organizations import organizations

_COMPLEMENT = ("the", "of", "and", "for", "-")
_OFFICE_ENDS = frozenset({"of", "and", "for", "the", ","}) | POSSESSIVE


def office_complement(m: Reader, doc: Doc, end: int, blocked: Blocked, title_starts: set[int]) -> tuple[int, int]:
    """'President of Kazakhstan Nursultan Nazarbayev', 'Minister of Industry and Trade Oleg
    Ryazantsev': the complement runs over capitalized words and known names; the person's name
    is the last run of name words before it ends."""
    j = end
    if j + 1 < len(doc) and doc[j].text == ",":
        name_end = m.name_at(doc, j + 1, blocked)
        if name_end > j + 1 and (name_end == len(doc) or doc[name_end].text in (",", ".")):
            return j + 1, end  # 'the Prime Minister, Tomas Varga, arrived'
    if not (j < len(doc) and doc[j].lower_ in ("of", "for")):
        return end, end
    k = j + 1
    while k < len(doc) and k not in title_starts and (
        k in blocked or doc[k].lower_ in _COMPLEMENT or doc[k].text in POSSESSIVE or doc[k].text[:1].isupper()
    ):
        k += 1
    while k > j + 1 and doc[k - 1].lower_ in _COMPLEMENT:
        k -= 1
    # the name is the last run of name words before k ('... of Belarus Alexander Lukashenko')
    n = k
    while n > j and (
        m.nameable(doc, n - 1, blocked)
        or doc[n - 1].text == "-" and n - 2 > j and not doc[n - 2].whitespace_ and m.nameable(doc, n - 2, blocked)
    ):
        n -= 1
    if n < k and doc[n - 1].lower_ in _OFFICE_ENDS:
        n += 1  # '... of Industry and Trade Oleg Ryazantsev': 'Trade' ends the office
        if k - n >= 3 and not any(INITIALS.match(doc[i].text) or doc[i].text in m.lex.particles for i in range(n, k)):
            n = k - 2  # '... of Foreign Affairs Enrique Manalo': the office's words run on
    given = [i for i in range(n, k - 1) if doc[i].text in m.given_set]
    if given and given[0] > n:
        n = given[0]
    while n < k and doc[n].text in m.lex.heads:
        n += 1
    return n, n


def given_name_persons(m: Reader, doc: Doc, scan: Scan, blocked: Blocked) -> list[Span]:
    """'Maksim Ryzhenkov': a known given name and the name words after it."""
    out = []
    for start in scan.given:
        end = m.name_at(doc, start, blocked, limit=4)
        if end - start >= 2 and not INITIALS.match(doc[end - 1].text):
            out.append(make_span(doc, start, end, label="PERSON", evidence="pattern"))
    return out


def surname_key(word: str) -> str:
    """Case and accents folded: gazetteers and texts spell the same name with and without them
    ('Niinisto', 'Niinistö')."""
    return fold_accents(word.casefold())


RULES = LanguageRules(
    analyze=None,
    inflected=False,
    word_key=lambda t: t.lower_,
    lowercase_office_needs_name=True,
    office_complement=office_complement,
    names=given_name_persons,
    organizations=organizations,
    surname_key=surname_key,
    person_name=None,
    name_agrees=None,
    org_name=None,
    id_words=None,
)
