"""Legal instruments as entities: treaties, agreements, charters, declarations, programmes, ...

Three passes over the Doc, linear in its length:

1. Known instruments (``resources/instruments.json``: English and Russian names) are matched as
   phrases, on lower case in English and on dictionary forms in Russian, so that "the UN
   Charter", "Устава ООН" and "Charter of the United Nations" are one entity, ``UN_CHARTER``.
2. Named instruments are read around a head word of a known kind ("Treaty", "Agreement",
   "Charter", "договор", "соглашение", ...): capitalized modifiers before it ("Eurasian
   Charter"), and a complement after it ("on Security Guarantees within the Union State", "о
   создании Союзного государства"). In English a capitalized head takes capitalized words
   joined by function words; a lower-case head ("an agreement on mutual measures to protect
   ...") takes words up to a clause boundary, and only for the kinds that name a document by
   themselves, or in a sentence that signs, ratifies or brings something into force. A head
   inside a resolved organization name is not an instrument ("Collective Security Treaty
   Organization").
3. Definite anaphors ("the treaty", "this agreement", "этим договором") point to the last
   instrument of a compatible kind in the last three sentences; they are used by the event
   rules, never reported as mentions.

Ids: the gazetteer id where the normalized name is a known one (in either language), otherwise
``TYPE:normalized_name`` (articles dropped, lower case; Russian words in dictionary form), so the
same instrument gets the same id across documents however it is inflected.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from spacy.tokens import Doc
from spacy.vocab import Vocab

from ..models import Entity, Mention
from .instrument_lexicon import InstrumentLexicon, KnownInstrument, known_instruments, lexicon_for, make_id, normalize_words
from .instrument_names import NameReader
from .sentence_units import ACTOR_TYPES, InstrumentRef, Sentences, Unit, positions

__all__ = ["Found", "find_instruments", "instrument_entities", "known_instruments", "lexicon_words", "make_id", "normalize_words"]

_ANAPHOR_WINDOW = 3
"""How many sentences back an anaphor ('the treaty') looks for its instrument."""


@dataclass(frozen=True)
class Found:
    """An instrument mention with its resolution."""

    start: int
    end: int
    id: str
    type: str
    kind: str
    name: str
    evidence: str  # 'gazetteer' | 'pattern'
    confidence: float
    parties: tuple[str, ...] = ()

    @classmethod
    def known(cls, start: int, end: int, k: KnownInstrument) -> Found:
        return cls(start, end, k.id, k.type, k.kind, k.name, "gazetteer", 1.0, k.parties)


class _DocInstruments:
    """The instruments of one Doc: the lexicon (shared) and what this Doc's passes note."""

    def __init__(self, lex: InstrumentLexicon, doc: Doc, sents: Sentences) -> None:
        self.lex, self.doc, self.sents = lex, doc, sents
        self.words = sents.words()
        self.heads = _by_unit(sents, self._head_positions())
        units = [unit for unit in sents.units if unit.entities or unit.dates]
        self.entities = [ent for unit in units for ent in unit.entities]  # unit by unit
        # what the head rules ask about: dates, and the tokens inside organizations, countries, persons
        self.date_tokens = {t for unit in units for (a, b, _) in unit.dates for t in range(a, b)}
        self.blocked = {t for ent in self.entities if ent.label in ACTOR_TYPES for t in range(ent.start, ent.end)}
        self.names = NameReader(lex, doc, self.words, self.date_tokens, self.blocked)
        self.found: list[Found] = []
        self.taken: set[int] = set()

    def _head_positions(self) -> list[int]:
        """The positions of the tokens that are head words of a kind, in order (`InstrumentLexicon.head`)."""
        heads, sents = self.lex.head_words, self.sents
        hits = sents.where(heads)
        if not sents.rules.reads_norm:
            return hits  # the lexicon form is the lower case
        folded = sents.rules.folding_to(sents.lowers, heads)  # each distinct word folded once
        return sorted(set(hits).union(positions(sents.lowers, folded))) if folded else hits

    def _add(self, f: Found) -> None:
        self.found.append(f)
        self.taken.update(range(f.start, f.end))

    def run(self) -> tuple[list[Found], list[InstrumentRef]]:
        doc, sents = self.doc, self.sents
        # pass 0: instruments that the entity gazetteer already resolved (a user's own entries)
        for ent in self.entities:
            if ent.label in ("TREATY", "DOCUMENT"):
                self._add(Found(ent.start, ent.end, ent.id, ent.label, "instrument", sents.surface(ent.start, ent.end), "gazetteer", 1.0))
        # pass 1: known names
        for match_id, s, e in sorted(self.lex.matcher(doc), key=lambda m: (m[1], -(m[2] - m[1]))):
            if any(t in self.taken for t in range(s, e)) or sents.unit_at(s) is None or self._inside_actor(s, e):
                continue
            self._add(Found.known(s, e, self.lex.known[doc.vocab.strings[match_id]]))
        # pass 2: heads and their names
        legal_at = sents.where(self.lex.words["legal_triggers"])
        for unit, unit_heads in self.heads:
            if not _headline(sents, unit):
                legal = sents.first_in(legal_at, unit.start, unit.end) is not None
                for h in unit_heads:
                    self._named(unit, h, legal)
        self.found.sort(key=lambda f: f.start)
        refs = [
            InstrumentRef(f.id, f.kind, f.start, f.end, doc[f.start].idx, doc[f.end - 1].idx + len(doc[f.end - 1]))
            for f in self.found
        ]
        return self.found, refs + self._anaphors(refs)

    def _named(self, unit: Unit, h: int, legal: bool) -> None:
        """The instrument named around head h, if any (a known one by its key, else a new id)."""
        doc = self.doc
        kind = self.lex.head(self.words[h], doc[h].lower_)
        if kind is None or h in self.taken or h in self.blocked:
            return
        span = self.names.around(unit, h, kind, legal)
        if span is None or any(t in self.taken for t in range(span[0], span[1])):
            return
        s, e = span
        key = self.lex.key_of(doc[s:e])
        known_id = self.lex.key_to_id.get(key)
        if known_id:
            self._add(Found.known(s, e, self.lex.known[known_id]))
            return
        type_ = self.lex.kinds[kind]["type"]
        confidence = 0.8 if doc[h].text[:1].isupper() else 0.6
        self._add(Found(s, e, make_id(type_, key), type_, kind, doc[s:e].text, "pattern", confidence, self._parties(unit, h, e)))

    def _inside_actor(self, s: int, e: int) -> bool:
        unit = self.sents.unit_at(s)
        if unit is None:
            return False
        return unit.in_longer_actor(s, e)

    def _parties(self, unit: Unit, h: int, e: int) -> tuple[str, ...]:
        """States named after 'between' inside the name ('agreement between Belarus and Russia')."""
        between = next((i for i in range(h + 1, e) if self.words[i] in self.lex.words["between"]), None)
        if between is None:
            return ()
        return tuple(dict.fromkeys(ent.id for ent in unit.entities_in(between + 1, e) if ent.label == "COUNTRY"))

    def _anaphors(self, refs: list[InstrumentRef]) -> list[InstrumentRef]:
        """'the treaty', 'этим договором': a reference to the last compatible instrument before it."""
        by_unit: dict[int, tuple[list[InstrumentRef], list[int]]] = {}
        for r in refs:  # in order of start
            u = self.sents.unit_at(r.start)
            if u is not None:
                unit_refs, starts = by_unit.setdefault(u.index, ([], []))
                unit_refs.append(r)
                starts.append(r.start)
        out = []
        for unit, unit_heads in self.heads:
            for h in unit_heads:
                ref = self._anaphor(unit, h, by_unit)
                if ref is not None:
                    out.append(ref)
        return out

    def _anaphor(self, unit: Unit, h: int, by_unit: dict[int, tuple[list[InstrumentRef], list[int]]]) -> InstrumentRef | None:
        doc, words = self.doc, self.words
        if h in self.taken or h in self.blocked:
            return None
        kind = self.lex.head(words[h], doc[h].lower_)
        if kind is None:
            return None
        definite = h - 1 >= unit.start and words[h - 1] in self.lex.words["determiners"]
        following = doc[h + 1].lower_ if h + 1 < unit.end else None
        if not definite and not self.sents.rules.anaphor_without_determiner(following):
            return None
        group = self.lex.compatible.get(kind, frozenset({kind}))
        for ui in range(unit.index, max(-1, unit.index - _ANAPHOR_WINDOW - 1), -1):
            unit_refs, starts = by_unit.get(ui, ([], []))
            # the references are in order of start: those before h, from the last one back
            for k in range(bisect_left(starts, h) - 1, -1, -1):
                r = unit_refs[k]
                if r.kind in group or r.kind == "instrument":
                    s = h - 1 if definite else h
                    return InstrumentRef(r.id, r.kind, s, h + 1, doc[s].idx, doc[h].idx + len(doc[h]), anaphor=True)
        return None


def _by_unit(sents: Sentences, positions: list[int]) -> list[tuple[Unit, list[int]]]:
    """Sorted token positions grouped by their unit, in order (those outside every unit left out)."""
    out: list[tuple[Unit, list[int]]] = []
    for i in positions:
        unit = sents.unit_at(i)
        if unit is None:
            continue
        if out and out[-1][0] is unit:
            out[-1][1].append(i)
        else:
            out.append((unit, [i]))
    return out


def _headline(sents: Sentences, unit: Unit) -> bool:
    """A title-case line ("Presidents Sign Joint Statement: Key Points"): capitals say nothing there.
    The words: those of letters longer than three outside the names (the flag read from the
    token only for those the text leaves)."""
    texts = sents.texts
    if texts[unit.end - 1] in (".", "!", "?", ";"):
        return False
    named = {t for e in unit.entities for t in range(e.start, e.end)}
    doc = sents.doc
    words = [texts[i] for i in range(unit.start, unit.end) if len(texts[i]) > 3 and i not in named and doc[i].is_alpha]
    return len(words) >= 4 and sum(w[0].isupper() for w in words) >= 0.7 * len(words)


def lexicon_words(vocab: Vocab, lang: str) -> frozenset[str]:
    """Every word the instrument rules look up with `Sentences.where` (see `Sentences.lexicon`)."""
    lex = lexicon_for(vocab, lang)
    return lex.head_words | lex.words["legal_triggers"]


def find_instruments(doc: Doc, lang: str, sents: Sentences) -> tuple[list[Found], list[InstrumentRef]]:
    """Instrument mentions (named) and references (named and anaphoric), in text order."""
    return _DocInstruments(lexicon_for(doc.vocab, lang), doc, sents).run()


def instrument_entities(found: Iterable[Found], text: str, doc: Doc, keep: Callable[[int], bool] = lambda _: True) -> list[Entity]:
    """One `Entity` per instrument id, in order of first mention (mentions sliced from `text`)."""
    grouped: dict[str, list[Found]] = {}
    for f in found:
        if keep(doc[f.start].idx):
            grouped.setdefault(f.id, []).append(f)
    known = known_instruments()
    return [_entity(id_, group, known.get(id_), text, doc) for id_, group in grouped.items()]


def _entity(id_: str, group: list[Found], k: KnownInstrument | None, text: str, doc: Doc) -> Entity:
    mentions = []
    for f in group:
        s, e = doc[f.start].idx, doc[f.end - 1].idx + len(doc[f.end - 1])
        mentions.append(Mention(text=text[s:e], start=s, end=e))
    first = group[0]
    name = k.name if k else re.sub(r"\s+", " ", mentions[0].text)
    forms = dict.fromkeys(re.sub(r"\s+", " ", m.text) for m in mentions)
    attributes = {"kind": k.kind if k else first.kind}
    parties = k.parties if k else tuple(dict.fromkeys(p for f in group for p in f.parties))
    if parties:
        attributes["parties"] = ",".join(parties)
    if k and k.signed:
        attributes["signed"] = k.signed
    return Entity(
        id=id_,
        type=first.type,  # type: ignore[arg-type]
        name=name,
        aliases=[f for f in forms if f != name],
        attributes=attributes,
        confidence=max(f.confidence for f in group),
        evidence=sorted({f.evidence for f in group}),
        mentions=mentions,
    )
