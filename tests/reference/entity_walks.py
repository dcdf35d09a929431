"""Plain twins of the entity stage's walks over every token, as first written: each reads
spaCy's Tokens one by one. The package reads the Doc's token view instead (its texts, offsets
and flags as lists); tests/test_entity_walks.py checks that the readings are the same."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from diplotext.extract.entities.languages import ru
from diplotext.extract.entities.spans import make_span
from diplotext.extract.entities.words import INITIALS, is_capitalized
from diplotext.lang.ru import morphology


def morphological_persons(m, doc: Doc, scan, blocked) -> list[Span]:  # type: ignore[no-untyped-def]
    """`languages/ru.py`: a name tried at every token, each word read from its spaCy Token."""
    out = []
    i, n = 0, len(doc)
    while i < n:
        end = _person_at(m, doc, i, blocked)
        if end > i:
            out.append(make_span(doc, i, end, label="PERSON", evidence="pattern"))
            i = end
        else:
            i += 1
    return out


def _word(m, doc: Doc, j: int, blocked) -> bool:  # type: ignore[no-untyped-def]
    return j < len(doc) and j not in blocked and is_capitalized(doc[j].text) and (j == 0 or "\n" not in doc[j - 1].whitespace_)


def _person_at(m, doc: Doc, i: int, blocked) -> int:  # type: ignore[no-untyped-def]
    if not _word(m, doc, i, blocked):
        return i
    flags = m.flags
    here = flags(doc, i)
    if "Name" in here and "UNKN" not in here:
        j = i + 1
        if _word(m, doc, j, blocked) and "Patr" in flags(doc, j):
            j += 1
        if _word(m, doc, j, blocked) and not flags(doc, j) & ru._NOT_SURNAME and morphology.agree([t.text for t in doc[i : j + 1]]):
            return j + 1
        if j == i + 2 and morphology.agree([doc[i].text, doc[i + 1].text]):
            return j
        return i
    if "Surn" in here and _word(m, doc, i + 1, blocked) and "Name" in flags(doc, i + 1) and morphology.agree([doc[i].text, doc[i + 1].text]):
        j = i + 2
        if _word(m, doc, j, blocked) and "Patr" in flags(doc, j):
            j += 1
        return j
    if _foreign_pair(m, doc, i, blocked):
        return i + 2
    return i


def _foreign_pair(m, doc: Doc, i: int, blocked) -> bool:  # type: ignore[no-untyped-def]
    if i == 0 or doc[i - 1].text in (".", "!", "?") or not doc[i - 1].is_lower or doc[i - 1].norm_ in m.lex.heads:
        return False
    if doc[i - 1].norm_ in m.lex.venue_words:
        return False
    if not re.match(r"[А-ЯЁ]", doc[i].text):
        return False
    first, second = m.flags(doc, i), m.flags(doc, i + 1) if i + 1 < len(doc) else frozenset()
    if "UNKN" not in first or "Geox" in first or not _word(m, doc, i + 1, blocked) or _word(m, doc, i + 2, blocked):
        return False
    return "Geox" not in second and ("UNKN" in second or "Surn" in second or not second & {"NOUN", "ADJF", "VERB", "PRTF"})


def acronym_mentions(doc: Doc, text: str, taken: set[int], defined: dict[str, tuple[str, str]]) -> list[Span]:
    """`linking._mentions`: every token that is a defined acronym and no part of a longer word."""
    found = []
    for t in doc:
        hit = defined.get(t.text)
        if hit is None or t.i in taken:
            continue
        before = text[t.idx - 1] if t.idx > 0 else " "
        after = text[t.idx + len(t)] if t.idx + len(t) < len(text) else " "
        if before.isalnum() or before in "._" or after.isalnum() or after == "_":
            continue
        found.append(make_span(doc, t.i, t.i + 1, label=hit[0], kb_id=hit[1], evidence="acronym"))
    return found


def surname_mentions(doc: Doc, taken: set[int], unique: dict[str, str], surname_key) -> list[Span]:  # type: ignore[no-untyped-def]
    """`linking.link_surnames`' last pass: every capitalized word whose surname key is one person's."""
    out = []
    for t in doc:
        if t.i in taken or not t.text[:1].isupper() or not (t.is_alpha or "-" in t.text):
            continue
        id_ = unique.get(surname_key(t.text))
        if id_ is not None:
            out.append(make_span(doc, t.i, t.i + 1, label="PERSON", kb_id=id_, evidence="pattern"))
    return out


def quoted_names(pattern, text: str) -> list[tuple[int, int]]:  # type: ignore[no-untyped-def]
    """`lexicon.quoted_names`: the pattern over the whole text, its quotes' offsets."""
    return [(m.start("name") - 1, m.end("name") + 1) for m in pattern.finditer(text)]


def link_acronyms(m, r) -> list[Span]:  # type: ignore[no-untyped-def]
    """`linking.link_acronyms` as first written: the readings a list, searched and rebuilt for
    each definition (quadratic in the number of definitions)."""
    from diplotext.extract.entities.ids import open_id
    from diplotext.extract.entities.linking import _mentions, initials_match
    from diplotext.extract.entities.spans import relabel

    doc, chosen = r.doc, r.chosen
    if not r.scan.acronym_defs:
        return chosen
    by_end = {s.end: s for s in chosen if s.label_ == "ORG"}
    by_start = {s.start: s for s in chosen}
    out = list(chosen)
    defined: dict[str, tuple[str, str]] = {}
    for start, _ in r.scan.acronym_defs:
        acr = doc[start + 1].text
        long = by_end.get(start)
        inside = by_start.get(start + 1)
        if long is None:
            long = initials_match(m, doc, start, acr)
            if long is None:
                continue
            # the spelled-out name replaces the shorter patterns inside it ('Joint Task Force')
            out = [s for s in out if not (s.id_ == "pattern" and long.start <= s.start and s.end <= long.end)]
            out.append(long)
        if inside is not None and inside.kb_id_ and long.kb_id_ != inside.kb_id_:
            if long.id_ == "pattern":  # a known acronym names the long form
                if long in out:
                    out.remove(long)
                out.append(relabel(long, inside.kb_id_, inside.label_, "acronym"))
            continue
        id_ = long.kb_id_ or open_id(m.rules, long)
        if not long.kb_id_:
            out = [relabel(s, id_, s.label_) if s is long else s for s in out]
        defined.setdefault(acr, (long.label_, id_))
    return out + _mentions(r, out, defined)


def nameable(m, doc: Doc, i: int, blocked) -> bool:  # type: ignore[no-untyped-def]
    """`EntityMatcher.nameable`, each word read from its spaCy Token."""
    if i >= len(doc) or i in blocked:
        return False
    text = doc[i].text
    if INITIALS.match(text):
        return True
    return is_capitalized(text) and text not in m.lex.not_names and not m.flags(doc, i) & {"Orgn", "Abbr"}


def name_at(m, doc: Doc, i: int, blocked, limit: int = 4) -> int:  # type: ignore[no-untyped-def]
    """`EntityMatcher.name_at`, as first written: Tokens one by one."""
    j = i
    seen: set[str] = set()
    particles = m.lex.particles
    while j < len(doc) and j - i < limit:
        t = doc[j]
        if j > i and "\n" in doc[j - 1].whitespace_:
            break
        if nameable(m, doc, j, blocked) and t.text not in seen:
            seen.add(t.text)
            j += 1
        elif t.text in particles and j > i and nameable(m, doc, j + 1, blocked):
            j += 1
        elif t.text == "-" and j > i and nameable(m, doc, j + 1, blocked) and not t.whitespace_ and not doc[j - 1].whitespace_:
            j += 1
        else:
            break
    while j > i and (doc[j - 1].text in particles or doc[j - 1].text == "-" or INITIALS.match(doc[j - 1].text)):
        j -= 1
    return j
