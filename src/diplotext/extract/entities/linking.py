"""The resolver's linking filters: an acronym defined in the text ('... Organization (SCO)') is
the long name wherever it recurs, and a surname alone is the person named in full before."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span

from .ids import open_id
from .resolution import Resolution
from .spans import make_span, relabel

if TYPE_CHECKING:
    from .matcher import EntityMatcher

_ACRONYM_GLUE = frozenset({"of", "the", "and", "for", "on", "-", "&", "in"})
"""Words of a long name that give its acronym no letter ('Organization of the ...')."""


def link_acronyms(m: EntityMatcher, r: Resolution) -> list[Span]:
    """Filter: 'the Shanghai Cooperation Organization (SCO)': both forms are one entity, and so is
    every other 'SCO' in the document."""
    doc, chosen, text = r.doc, r.chosen, r.text
    if not r.scan.acronym_defs:
        return chosen
    by_end = {s.end: s for s in chosen if s.label_ in ("ORG",)}
    by_start = {s.start: s for s in chosen}
    out = list(chosen)
    for start, end in r.scan.acronym_defs:
        acr_i = start + 1
        acr = doc[acr_i].text
        long = by_end.get(start)
        inside = by_start.get(acr_i)
        if long is None:
            long = initials_match(m, doc, start, acr)
            if long is None:
                continue
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
        taken = {i for s in out for i in range(s.start, s.end)}
        for found in re.finditer(rf"(?<![\w.]){re.escape(acr)}(?![\w])", text):
            span = doc.char_span(found.start(), found.end())
            if span is None or any(i in taken for i in range(span.start, span.end)):
                continue
            out.append(make_span(doc, span.start, span.end, label=long.label_, kb_id=id_, evidence="acronym"))
            taken.update(range(span.start, span.end))
    return out


def initials_match(m: EntityMatcher, doc: Doc, paren: int, acr: str) -> Span | None:
    """The capitalized words before '(' whose initials spell the acronym: 'International
    Syria Support Group (ISSG)'. Reported as an organization only with a head noun."""
    letters = [c for c in acr if c.isupper()]
    i, want = paren - 1, list(reversed(letters))
    words = 0
    while i >= 0 and want:
        t = doc[i].text
        if t.lower() in _ACRONYM_GLUE:
            i -= 1
            continue
        if not t[:1].isupper() or t[0] != want[0]:
            return None
        want.pop(0)
        words += 1
        i -= 1
    if want or words < 2:
        return None
    span = doc[i + 1 : paren]
    if not any(t.text in m.lex.heads for t in span):
        return None
    return make_span(doc, span.start, span.end, label="ORG", evidence="pattern")


def link_surnames(m: EntityMatcher, r: Resolution) -> list[Span]:
    """Filter: later surname-only mentions ('Pashinyan', 'Mr Li') go to the person named in full;
    an open-world surname alone ('Mr Smith') joins the full name with that surname."""
    doc, chosen, text, rules = r.doc, r.chosen, r.text, m.rules
    persons = [s for s in chosen if s.label_ == "PERSON"]
    if not persons:
        return chosen

    def span_text(s: Span) -> str:  # Span.text, without a Token per word (text is the Doc's text)
        return text[s.start_char : s.end_char]

    surnames: dict[str, set[str]] = {}
    full: dict[str, Span] = {}
    for s in persons:
        id_ = s.kb_id_ or open_id(rules, s, text)
        entry = m.gazetteer.get(id_)
        sn = entry.surname.get(m.lang) if entry else None
        if not sn:
            words = span_text(s).split()
            if len(words) < 2:
                continue
            sn = words[-1]  # 'Maria Lvova-Belova' -> 'Lvova-Belova'
        surnames.setdefault(rules.surname_key(sn), set()).add(id_)
        full.setdefault(id_, s)
    unique = {k: next(iter(v)) for k, v in surnames.items() if len(v) == 1}
    out = []
    for s in chosen:
        if s.label_ == "PERSON" and not s.kb_id_ and " " not in span_text(s) and rules.surname_key(span_text(s)) in unique:
            s = relabel(s, unique[rules.surname_key(span_text(s))], "PERSON", "pattern")
        out.append(s)
    if not unique:
        return out
    taken = {i for s in out for i in range(s.start, s.end)}
    stems = sorted({rules.surname_stem(rules.surname_key, k, full[v]) for k, v in unique.items()}, key=len, reverse=True)
    rx = _surname_regex(tuple(stems), rules.surname_ignore_case)
    for found in rx.finditer(text):
        span = doc.char_span(found.start(), found.end())
        if span is None or len(span) != 1 or span.start in taken or not text[found.start()].isupper():
            continue  # (a one-token span: its text is the match)
        id_ = unique.get(rules.surname_key(found.group()))
        if id_ is None:
            continue
        out.append(make_span(doc, span.start, span.end, label="PERSON", kb_id=id_, evidence="pattern"))
        taken.add(span.start)
    return out


@lru_cache(maxsize=1024)
def _surname_regex(stems: tuple[str, ...], ignore_case: bool) -> re.Pattern[str]:
    """Any of the stems with a word's ending, not after a word character or a dot.
    The test for the word's start stands after each stem's first letter, so that the regex engine
    looks only at the places where a stem's first letter is; the stems of one document are often
    those of the next."""
    if all(stems):
        branches = (f"{re.escape(x[0])}(?<![\\w.]{re.escape(x[0])}){re.escape(x[1:])}" for x in stems)
        return re.compile("(?:" + "|".join(branches) + r")\w*", re.IGNORECASE if ignore_case else 0)
    return re.compile(r"(?<![\w.])(?:" + "|".join(re.escape(x) for x in stems) + r")\w*", re.IGNORECASE if ignore_case else 0)
