"""The resolver's linking filters: an acronym defined in the text ('... Organization (SCO)') is
the long name wherever it recurs, and a surname alone is the person named in full before."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span

from .ids import open_id
from .resolution import Resolution
from .spans import make_span, relabel
from .tokens import not_lower
from .words import is_roman

if TYPE_CHECKING:
    from .matcher import EntityMatcher

_ACRONYM_GLUE = frozenset({"of", "the", "and", "for", "on", "-", "&", "in"})
"""Words of a long name that give its acronym no letter ('Organization of the ...')."""


def link_acronyms(m: EntityMatcher, r: Resolution) -> list[Span]:
    """Filter: 'the Shanghai Cooperation Organization (SCO)': both forms are one entity, and so is
    every other 'SCO' in the document (found in one pass over the tokens, whatever the number of
    definitions; the first definition of an acronym names it). Each definition changes a reading
    or two, found by identity (`_Readings`): time stays linear in the number of definitions."""
    doc, chosen = r.doc, r.chosen
    if not r.scan.acronym_defs:
        return chosen
    by_end = {s.end: s for s in chosen if s.label_ == "ORG"}
    by_start = {s.start: s for s in chosen}
    out = _Readings(chosen)
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
            for s in out.starting_in(long.start, long.end):
                if s.id_ == "pattern" and s.end <= long.end:
                    out.remove(s)
            out.append(long)
        if inside is not None and inside.kb_id_ and long.kb_id_ != inside.kb_id_:
            if long.id_ == "pattern":  # a known acronym names the long form
                if long in out:
                    out.remove(long)
                out.append(relabel(long, inside.kb_id_, inside.label_, "acronym"))
            continue
        id_ = long.kb_id_ or open_id(m.rules, long)
        if not long.kb_id_ and long in out:
            out.replace(long, relabel(long, id_, long.label_))
        defined.setdefault(acr, (long.label_, id_))
    kept = out.spans()
    return kept + _mentions(r, kept, defined)


class _Readings:
    """The readings of one document in their order, each found by identity at once (a list
    searched for each of thousands of definitions made linking quadratic). A reading taken out
    leaves a hole that `spans` skips; one replaced keeps its place. A reading held twice is held
    at both places, as a list holds it: `remove` takes the first, `replace` both."""

    def __init__(self, spans: list[Span]) -> None:
        self._items: list[Span | None] = []
        self._at: dict[int, list[int]] = {}  # id of a reading held -> its places (a held object's id is its own)
        self._starting: dict[int, list[int]] = {}  # first token -> places
        for s in spans:
            self.append(s)

    def __contains__(self, s: Span) -> bool:
        return id(s) in self._at

    def append(self, s: Span) -> None:
        self._at.setdefault(id(s), []).append(len(self._items))
        self._starting.setdefault(s.start, []).append(len(self._items))
        self._items.append(s)

    def remove(self, s: Span) -> None:
        places = self._at[id(s)]
        self._items[places.pop(0)] = None
        if not places:
            del self._at[id(s)]

    def replace(self, old: Span, new: Span) -> None:
        """`new` in every place of `old` (the same tokens: it starts where `old` did)."""
        places = self._at.pop(id(old))
        for place in places:
            self._items[place] = new
        self._at.setdefault(id(new), []).extend(places)

    def starting_in(self, start: int, end: int) -> list[Span]:
        """The readings held that begin at a token of [start, end), once for each place."""
        found = []
        for k in range(start, end):
            for place in self._starting.get(k, ()):
                s = self._items[place]
                if s is not None:
                    found.append(s)
        return found

    def spans(self) -> list[Span]:
        return [s for s in self._items if s is not None]


def _mentions(r: Resolution, out: list[Span], defined: dict[str, tuple[str, str]]) -> list[Span]:
    """Every one-token mention of a defined acronym that no reading covers yet."""
    if not defined:
        return []
    taken = {i for s in out for i in range(s.start, s.end)}
    return acronym_mentions(r.doc, r.text, taken, defined)


def acronym_mentions(doc: Doc, text: str, taken: set[int], defined: dict[str, tuple[str, str]]) -> list[Span]:
    """The tokens not `taken` that are a `defined` acronym (label, id) and no part of a longer
    word. An acronym begins with a capital, so only the tokens that are not lower-case words are
    read (the plain twin reads every Token: tests/reference/entity_walks.py)."""
    found = []
    for i, word, _ in not_lower(doc):
        hit = defined.get(word)
        if hit is None or i in taken:
            continue
        start = doc[i].idx
        end = start + len(word)
        before = text[start - 1] if start > 0 else " "
        after = text[end] if end < len(text) else " "
        if before.isalnum() or before in "._" or after.isalnum() or after == "_":
            continue  # part of a longer word
        found.append(make_span(doc, i, i + 1, label=hit[0], kb_id=hit[1], evidence="acronym"))
    return found


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
    for s in persons:
        id_ = s.kb_id_ or open_id(rules, s, text)
        entry = m.gazetteer.get(id_)
        sn = entry.surname.get(m.lang) if entry else None
        if not sn:
            words = span_text(s).split()
            if len(words) < 2:
                continue
            sn = words[-1]  # 'Maria Lvova-Belova' -> 'Lvova-Belova'
            if len(sn) < 2 or is_roman(sn):
                continue  # 'Peter I': a regnal number, no surname
        surnames.setdefault(rules.surname_key(sn), set()).add(id_)
    unique = {k: next(iter(v)) for k, v in surnames.items() if len(v) == 1}
    out = []
    for s in chosen:
        if s.label_ == "PERSON" and not s.kb_id_ and " " not in span_text(s) and rules.surname_key(span_text(s)) in unique:
            s = relabel(s, unique[rules.surname_key(span_text(s))], "PERSON", "pattern")
        out.append(s)
    if not unique:
        return out
    taken = {i for s in out for i in range(s.start, s.end)}
    return out + surname_mentions(doc, taken, unique, rules.surname_key)


def surname_mentions(doc: Doc, taken: set[int], unique: dict[str, str], surname_key: Callable[[str], str]) -> list[Span]:
    """The capitalized words not `taken` whose surname key is one person's (`unique`: key -> id),
    in one pass over the tokens that are not lower-case words (the plain twin reads every Token:
    tests/reference/entity_walks.py); each word's key is cached per word form."""
    out = []
    for i, word, alpha in not_lower(doc):
        if not word[:1].isupper() or i in taken or not (alpha or "-" in word):
            continue
        id_ = unique.get(surname_key(word))
        if id_ is not None:
            out.append(make_span(doc, i, i + 1, label="PERSON", kb_id=id_, evidence="pattern"))
    return out
