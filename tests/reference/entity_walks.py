"""Plain twins of the entity stage's walks over every token, as first written: each reads
spaCy's Tokens one by one. The package reads the Doc's token view instead (its texts, offsets
and flags as lists); tests/test_entity_walks.py checks that the readings are the same."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from diplotext.extract.entities.languages import ru
from diplotext.extract.entities.spans import make_span


def morphological_persons(m, doc: Doc, scan, blocked) -> list[Span]:  # type: ignore[no-untyped-def]
    """`languages/ru.py`: a name tried at every token."""
    out = []
    i, n = 0, len(doc)
    while i < n:
        end = ru._person_at(m, doc, i, blocked)
        if end > i:
            out.append(make_span(doc, i, end, label="PERSON", evidence="pattern"))
            i = end
        else:
            i += 1
    return out


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
