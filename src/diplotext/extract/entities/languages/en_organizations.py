"""English organizations no list holds: a run of capitalized words around a head noun
('International Syria Support Group', 'Ministry of Science and Higher Education')."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Span

from ....token_view import token_view
from ..scan import Scan
from ..spans import make_span
from ..words import GLUED_WORDS, POSSESSIVE, is_acronym, is_capitalized
from .base import Blocked, Reader

MAX_NAME_TOKENS = 24
"""The longest stretch of modifiers before, or of 'of ...' tail after, an organization's head noun."""
_DASHES = ("-", "–")
"""Dashes inside a name ('North–South Transport Corridor Association')."""
_HEADLINE_REACH = 200
"""A line longer than this is a paragraph, not a headline."""


def organizations(m: Reader, doc: Doc, scan: Scan, blocked: Blocked, persons: Sequence[Span]) -> list[Span]:
    """Capitalized names with an organizational head noun that the gazetteer does not know."""
    if not scan.heads:
        return []
    lex = m.lex
    person_start = {s.start for s in persons} | {i for i, t in blocked.items() if t == "PERSON"}
    n = len(doc)
    words = token_view(doc).texts

    def word(i: int) -> bool:  # a word that may stand inside a name (a line break, a token of its own, is none)
        t = words[i]
        return t[:1].isupper() and not GLUED_WORDS.search(t) or doc[i].lower_ in lex.connectors

    out = []
    done: set[int] = set()
    for h in scan.heads:
        if h in done or title_case_line(m, scan.text, doc[h].idx):
            continue
        cstart = h
        while cstart > 0 and word(cstart - 1):
            cstart -= 1
        cend = h + 1
        while cend < n and word(cend):
            cend += 1
        heads = [i for i in range(cstart, cend) if words[i] in lex.heads]
        done.update(heads)
        out += _chunk_names(m, doc, heads, cstart, cend, blocked, person_start)
    return out


def _chunk_names(m: Reader, doc: Doc, heads: list[int], cstart: int, cend: int, blocked: Blocked, person_start: set[int]) -> list[Span]:
    """The longest readings of one run of name words that do not overlap, and are not generic."""
    lex = m.lex
    out = []
    taken: set[int] = set()
    for s, e in sorted(_readings(m, doc, heads, cstart, cend, blocked, person_start), key=lambda r: r[0] - r[1]):
        if taken.intersection(range(s, e)):
            continue
        text = " ".join(doc[s:e].text.split())
        if text.casefold() in lex.generic or all(i in blocked and blocked[i] == "COUNTRY" for i in range(s, e) if doc[i].text not in lex.heads):
            continue
        if doc[e - 1].text in lex.weak_heads and e - s == 2 and doc[s].text in lex.not_names:
            continue
        taken.update(range(s, e))
        out.append(make_span(doc, s, e, label="ORG", evidence="pattern"))
    return out


def _readings(m: Reader, doc: Doc, heads: list[int], cstart: int, cend: int, blocked: Blocked, person_start: set[int]) -> list[tuple[int, int]]:
    """For each head noun, the name around it: modifiers before, 'of ...' after."""
    readings: list[tuple[int, int]] = []
    for h in heads:
        s = _modifiers_start(m, doc, h, cstart, blocked, person_start)
        e = h + 1
        while e < cend and doc[e].text in m.lex.heads:
            e += 1
        e = _tail_end(m, doc, e, cend, blocked, person_start)
        if s == h and e == h + 1:
            continue  # a head noun alone: 'the Council'
        if any(doc[i].text in m.lex.decorations for i in range(max(cstart, s - MAX_NAME_TOKENS), s)):
            continue  # 'Order for Meritorious Service' is an award
        readings.append((s, e))
    return readings


def _modifiers_start(m: Reader, doc: Doc, h: int, cstart: int, blocked: Blocked, person_start: set[int]) -> int:
    """Where the modifiers before head noun h start: capitalized words, acronyms, known bodies and
    states ('Russian Academy', 'CSTO Secretariat'); bounded, since a scan to the run's start per
    head is quadratic on a long run of capitalized words."""
    s = h
    lo = max(cstart, h - MAX_NAME_TOKENS)
    while s - 1 >= lo and (
        (is_capitalized(doc[s - 1].text) or is_acronym(doc[s - 1].text) or doc[s - 1].text in _DASHES or _possessive_modifier(m, doc, s - 1, cstart, blocked))
        and doc[s - 1].text not in m.lex.modifier_stop
        and (s - 1 not in person_start or s == h)  # 'Nazarbayev University', not 'Putin Discuss Union'
        or (s - 1 in blocked and blocked[s - 1] in ("ORG", "COUNTRY"))
    ):
        s -= 1
    while s < h and doc[s].text in _DASHES:
        s += 1
    return s


def _tail_end(m: Reader, doc: Doc, e: int, cend: int, blocked: Blocked, person_start: set[int]) -> int:
    """Where the name ends after its head nouns (ending at e): an 'of ...' or 'for ...' tail, or
    'on ...' after a topical head ('Committee on Trade')."""
    if e + 1 < len(doc) and doc[e].lower_ == "in" and doc[e - 1].text in m.lex.located_heads and blocked.get(e + 1) == "COUNTRY":
        k = e + 1
        while k < len(doc) and blocked.get(k) == "COUNTRY":
            k += 1
        return k  # 'UN Interim Force in Lebanon'
    if not (e + 1 < cend and (doc[e].lower_ in ("of", "for") or doc[e].lower_ == "on" and doc[e - 1].text in m.lex.topical)):
        return e
    k = e + 1
    if k < cend and doc[k].lower_ == "the":
        k += 1
    t = k
    t_end = min(cend, k + MAX_NAME_TOKENS)
    while t < t_end and t not in person_start and (
        (t in blocked and blocked[t] in ("ORG", "COUNTRY"))
        or is_capitalized(doc[t].text) and doc[t].text not in m.lex.tail_stop
        or is_acronym(doc[t].text)
        or (doc[t].lower_ in ("of", "the", "-") and t + 1 < cend and (doc[t + 1].text[:1].isupper() or doc[t + 1].lower_ == "the"))
        or (doc[t].lower_ == "and" and _same_name_after_and(m, doc, t, cend, blocked))
    ):
        if t in blocked and t > k and blocked.get(t - 1) != blocked[t] and blocked[t] == "COUNTRY" and doc[t - 1].lower_ not in ("of", "the", "and"):
            break
        t += 1
    while t > k and doc[t - 1].lower_ in ("of", "and", "the", "-"):
        t -= 1
    return t if t > k else e


def title_case_line(m: Reader, text: str, start: int) -> bool:
    """A headline in Title Case ('Lukashenko, Putin Discuss Union State Integration At ...'),
    where capitals do not mark names. The searches are bounded: a whole-line search per call is
    quadratic on a one-line text."""
    reach = _HEADLINE_REACH
    a = text.rfind("\n", max(0, start - reach - 1), start) + 1
    b = text.find("\n", start, start + reach + 1)
    if (a == 0 and start > reach + 1) or (b < 0 and len(text) > start + reach + 1):
        return False  # a paragraph, not a headline
    b = len(text) if b < 0 else b
    if b - a > reach:
        return False  # a paragraph, not a headline
    words = [w for w in text[a:b].split() if w[:1].isalpha()]
    return len(words) >= 4 and all(w[:1].isupper() for w in words) and any(w.lower() in m.lex.headline_small_words for w in words)


def _possessive_modifier(m: Reader, doc: Doc, i: int, cstart: int, blocked: Blocked) -> bool:
    """'People's Liberation Army', 'Artists' Union': not 'Russia's Security Council', nor a body's
    own body ("the Commerce Department's Bureau of Industry and Security")."""
    return (
        doc[i].text in POSSESSIVE and i - 1 >= cstart and is_capitalized(doc[i - 1].text) and i - 1 not in blocked
        and doc[i - 1].text not in m.lex.not_names and doc[i - 1].text not in m.lex.heads  # "the Commerce Department's Bureau": two bodies
    )


def _same_name_after_and(m: Reader, doc: Doc, t: int, cend: int, blocked: Blocked) -> bool:
    """'Ministry of Industry and Trade' goes on; '... Foundation and NOVATEK Board',
    '... and the Shanghai Cooperation Organisation' and '... Troops and Commander' (an
    office: the person's second post) do not."""
    j = t + 1
    if j >= cend or not doc[j].text[:1].isupper():
        return False
    if any(" ".join(w.text for w in doc[j : j + k]) in m.office_set for k in (1, 2, 3)):
        return False
    while j < cend and doc[j].text[:1].isupper():
        if doc[j].text in m.lex.heads or blocked.get(j) == "ORG":
            return False
        j += 1
    return True
