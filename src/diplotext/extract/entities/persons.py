"""Open-world persons that every language introduces the same way: after an office or a title
('Foreign Minister Maksim Ryzhenkov', 'Mr Smith') and by initials ('A.S. Pushkin'). What differs
by language (the office's complement, given names, morphology) comes from the language's rules."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from .languages.base import Blocked, Reader
from .scan import Scan
from .spans import OFFICES_KEY, make_span
from .words import INITIALS


def titled_persons(m: Reader, doc: Doc, scan: Scan, blocked: dict[int, str], known: frozenset[int] = frozenset()) -> list[Span]:
    """A name after an office or an honorific; the office is kept for the person's attributes.
    `known`: where a full name of the gazetteer starts, which is the gazetteer's to read."""
    out: list[Span] = []
    titles = sorted(scan.titles, key=lambda t: (t[1], -(t[2] - t[1])))
    last_end = -1
    title_starts = {s for _, s, _ in titles}
    for kind, start, end in titles:
        if start < last_end:
            continue
        last_end = end
        if m.rules.lowercase_office_needs_name and kind == "T" and not doc[start].text[:1].isupper() and not m.nameable(doc, end, blocked):
            continue
        j, office_end = m.rules.office_complement(m, doc, end, blocked, title_starts)
        if j in title_starts or j in known:
            continue  # 'Deputy Defence Minister ...': the next title carries the name
        name_end = m.name_at(doc, j, blocked)
        agrees = m.rules.name_agrees
        while agrees is not None and name_end - j > 1 and not agrees(doc[j:name_end]):
            name_end -= 1
        n = name_end - j
        if n == 0:
            continue
        if n == 1 and not (kind == "H" or "Surn" in m.flags(doc, j)):
            continue  # 'President Putin' is the gazetteer's; 'Mr Smith' is a person
        if n == 1 and INITIALS.match(doc[j].text):
            continue
        if kind == "T":
            doc.user_data.setdefault(OFFICES_KEY, {})[(j, name_end)] = " ".join(doc[start:office_end].text.split())
        out.append(make_span(doc, j, name_end, label="PERSON", evidence="pattern"))
    return out


def initialled_persons(m: Reader, doc: Doc, scan: Scan, blocked: dict[int, str]) -> list[Span]:
    """'A.S. Pushkin', 'В.В. Путин': initials and a surname (in Russian, a word that can be one)."""
    out = []
    for start, end in scan.initials:
        if start in blocked or end - 1 in blocked or doc[end - 1].text in m.lex.not_names:
            continue
        flags = m.flags(doc, end - 1)
        if flags and not (flags & {"Surn", "UNKN"} or not flags & {"Geox", "Orgn"}):
            continue
        out.append(make_span(doc, start, end, label="PERSON", evidence="pattern"))
    return out
