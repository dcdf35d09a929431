"""The sentence units of a Doc, and what the relation rules find in each, indexed by token.

`Sentences` cuts the Doc into units for the rules: spaCy's sentences, cut again at line breaks
(a title without a full stop is not one sentence with the text under it), and indexes in each
unit the resolved entity spans (``doc.spans["diplotext_entities"]``), the instruments and the
dates, by token. The token attributes the rules read (lower case, lexicon form, text, offset)
are read once per Doc into lists: a spaCy ``Token`` object per access costs more than the rules.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Collection, Iterable, Sequence
from itertools import compress, count
from dataclasses import dataclass, field
from typing import Any, NamedTuple, cast

import numpy
from spacy.tokens import Doc

from ..models import DateMention, Span as SpanModel
from ..token_view import token_view
from .entities import ENTITIES_KEY
from .relation_rules import RelationRules, rules_for

ACTOR_TYPES = ("ORG", "COUNTRY", "PERSON")
MAX_EVIDENCE_CHARS = 1000
"""The longest evidence an event or stance carries: a sentence, or a window of a longer one."""
_QUOTES = frozenset({'"', "“", "«", "„", "'"})
_SENTENCE_ENDS = frozenset({".", "!", "?"})


class EntityRef(NamedTuple):
    """A resolved entity span, by tokens (its text: `Sentences.surface`, made where a rule reads it)."""

    id: str
    label: str
    start: int
    end: int


@dataclass(frozen=True)
class InstrumentRef:
    """An instrument mention (named, or a definite anaphor such as 'the treaty')."""

    id: str
    kind: str
    start: int
    end: int
    start_char: int
    end_char: int
    anaphor: bool = False


def positions(words: Sequence[str], wanted: Collection[str]) -> list[int]:
    """The positions, in order, of the `words` that are in `wanted` (``[i for i, w in
    enumerate(words) if w in wanted]``, with the loop over the words left to C)."""
    return list(compress(count(), map(wanted.__contains__, words)))


def _ordered_starts(starts: list[int]) -> list[int] | None:
    """The starts if they are in order (as spaCy's span groups are written), else None: a list
    out of order is scanned, not bisected."""
    return starts if all(a <= b for a, b in zip(starts, starts[1:])) else None


@dataclass(slots=True)
class Unit:
    """One sentence (cut at line breaks), with the entities, instruments and dates in it.

    Most units of a Doc hold nothing: the lists stay an empty tuple until the first item is
    added, and the indexes over them (``memo``: starts, instrument tokens) are made for the
    units a rule asks about, each remade when its list has grown since."""

    index: int
    start: int
    end: int
    start_char: int
    entities: Sequence[EntityRef] = ()
    instruments: Sequence[InstrumentRef] = ()
    dates: Sequence[tuple[int, int, DateMention]] = ()
    memo: dict[str, Any] | None = field(default=None, repr=False, compare=False)

    def add_entity(self, ref: EntityRef) -> None:
        if self.entities:
            cast("list[EntityRef]", self.entities).append(ref)
        else:
            self.entities = [ref]

    def add_instrument(self, ref: InstrumentRef) -> None:
        if self.instruments:
            cast("list[InstrumentRef]", self.instruments).append(ref)
        else:
            self.instruments = [ref]

    def add_date(self, date: tuple[int, int, DateMention]) -> None:
        if self.dates:
            cast("list[tuple[int, int, DateMention]]", self.dates).append(date)
        else:
            self.dates = [date]

    def _index(self, name: str, items: Sequence[Any], make: Callable[[], Any]) -> Any:
        """The index `name` over `items`, made on first use and again after `items` grew."""
        if self.memo is None:
            self.memo = {}
        cached = self.memo.get(name)
        if cached is None or cached[0] != len(items):
            cached = self.memo[name] = (len(items), make())
        return cached[1]

    def contains(self, i: int) -> bool:
        return self.start <= i < self.end

    def _entity_starts(self) -> list[int] | None:
        return cast("list[int] | None", self._index("entity_starts", self.entities, lambda: _ordered_starts([x.start for x in self.entities])))

    def entities_in(self, lo: int, hi: int) -> list[EntityRef]:
        """The entities inside [lo, hi), in list order."""
        starts = self._entity_starts()
        if starts is None:
            return [x for x in self.entities if lo <= x.start and x.end <= hi]
        return [x for x in self.entities[bisect_left(starts, lo):bisect_left(starts, hi)] if x.end <= hi]

    def in_longer_actor(self, s: int, e: int) -> bool:
        """Do tokens [s, e) lie inside an organization, country or person of the unit that is
        longer than they are? Read from the actors sorted by start, with the furthest end
        reached by those before each (bisected: an instrument name in a page-long sentence is
        not compared with every name of it)."""
        starts, ends, reach = self._index("actor_reach", self.entities, self._actor_reach)
        k = bisect_left(starts, s)
        if k and reach[k - 1] >= e:
            return True  # one starts before s and ends at or after e
        while k < len(starts) and starts[k] == s:
            if ends[k] > e:
                return True
            k += 1
        return False

    def _actor_reach(self) -> tuple[list[int], list[int], list[int]]:
        actors = sorted((x.start, x.end) for x in self.entities if x.label in ACTOR_TYPES)
        reach, furthest = [], -1
        for _, end in actors:
            furthest = max(furthest, end)
            reach.append(furthest)
        return [a for a, _ in actors], [b for _, b in actors], reach

    def entities_from(self, lo: int, hi: int) -> Sequence[EntityRef]:
        """The entities that start in [lo, hi), in list order (wherever they end)."""
        starts = self._entity_starts()
        if starts is None:
            return [x for x in self.entities if lo <= x.start < hi]
        return self.entities[bisect_left(starts, lo):bisect_left(starts, hi)]

    def dates_from(self, lo: int, hi: int) -> Sequence[tuple[int, int, DateMention]]:
        """The date mentions that start in [lo, hi), in list order."""
        starts = self._index("date_starts", self.dates, lambda: _ordered_starts([x[0] for x in self.dates]))
        if starts is None:
            return [x for x in self.dates if lo <= x[0] < hi]
        return self.dates[bisect_left(starts, lo):bisect_left(starts, hi)]

    def instrument_starts(self) -> list[int]:
        """The starts of the instrument references (kept in order of start)."""
        return cast("list[int]", self._index("instrument_starts", self.instruments, lambda: [r.start for r in self.instruments]))

    def instrument_tokens(self) -> set[int]:
        """The tokens inside the instrument references of the unit."""
        return cast("set[int]", self._index(
            "instrument_tokens", self.instruments, lambda: {t for r in self.instruments for t in range(r.start, r.end)}
        ))


class Sentences:
    """The units of a Doc and the index from token to unit.

    `lexicon`: every word the rules look up with `where`; one scan finds them all (a few in a
    hundred tokens), and each lookup filters those hits instead of scanning every token again."""

    def __init__(self, doc: Doc, keep: Callable[[int], bool] = lambda _: True, lexicon: frozenset[str] = frozenset()) -> None:
        self.doc = doc
        self.rules: RelationRules = rules_for(doc.lang_)
        self.lang = self.rules.lang
        self.lexicon = lexicon
        self.view = view = token_view(doc)
        n = view.n
        self._hits: list[int] | None = None
        self._vocabulary: set[str] | None = None
        self._where: dict[tuple[frozenset[str], frozenset[str]], list[int]] = {}
        self._evidence: dict[tuple[int, int], tuple[str, str]] = {}
        self.units: list[Unit] = []
        self._unit_starts: list[int] = []  # the first token of each unit, in order (`unit_at` bisects them)
        self.lowers: list[str] = view.lowers
        self.texts: list[str] = view.texts
        self.idx: list[int] = view.idx
        if self.rules.reads_norm:
            self._words: list[str] = self.rules.lexicon_forms(self.lowers, view.norms)
        else:
            self._words = self.lowers
        if n:
            self._cut(view.is_space_array, view.sent_starts, view.sent_ends, keep)
            self._add_entities()

    def _add_entities(self) -> None:
        """Index the resolved actors and instruments of the entity stage by their unit."""
        doc = self.doc
        if ENTITIES_KEY not in doc.spans:
            return
        strings = doc.vocab.strings
        wanted = {strings[label]: label for label in ACTOR_TYPES + ("TREATY", "DOCUMENT")}
        ids: dict[int, str] = {}  # each id's string made once (``span.kb_id_`` makes it per span)
        for span in doc.spans[ENTITIES_KEY]:
            label = wanted.get(span.label)
            if label is None:
                continue
            start = span.start
            unit = self.unit_at(start)
            if unit is not None:
                kb = span.kb_id
                name = ids.get(kb)
                if name is None:
                    name = ids[kb] = strings[kb]
                unit.add_entity(EntityRef(name, label, start, span.end))

    def _cut(self, is_space: numpy.ndarray, sent_starts: list[int], sent_ends: list[int], keep: Callable[[int], bool]) -> None:
        """The units: each sentence (in order) cut at its line-break tokens, the pieces stripped of
        space tokens and of an opening quote left at the end, those that `keep` wants."""
        texts, idx = self.texts, self.idx
        space_at = numpy.flatnonzero(is_space).tolist()
        spaces = set(space_at)
        breaks = [i for i in space_at if "\n" in texts[i]]
        units, unit_starts = self.units, self._unit_starts

        def piece(s: int, e: int) -> None:
            while s < e and s in spaces:
                s += 1
            while e > s and e - 1 in spaces:
                e -= 1
            # an opening quote that the sentencizer left at the end belongs to the next sentence
            while e - s > 1 and texts[e - 1] in _QUOTES and texts[e - 2] in _SENTENCE_ENDS:
                e -= 1
            if e > s and keep(idx[s]):
                unit_starts.append(s)
                units.append(Unit(len(units), s, e, idx[s]))

        nb, bi = len(breaks), 0
        for start, end in zip(sent_starts, sent_ends):
            while bi < nb and breaks[bi] < start:
                bi += 1
            while bi < nb and breaks[bi] < end:
                piece(start, breaks[bi])
                start = breaks[bi] + 1
                bi += 1
            piece(start, end)

    def words(self) -> list[str]:
        """Each token's lexicon form (`RelationRules.lexicon_form`)."""
        return self._words

    def where(self, words: frozenset[str], texts: frozenset[str] = frozenset()) -> list[int]:
        """The positions, in order, of the tokens whose lexicon form is in `words` or whose text
        is in `texts` (computed once per Doc and pair of sets): what a rule that looks for the
        nearest such word bisects instead of scanning the sentence. Words of the `lexicon` the
        Sentences were made with are found among its hits, not by a scan of every token."""
        key = (words, texts)
        hit = self._where.get(key)
        if hit is None:
            ws = self._words
            if not words:
                hit = []
            elif words <= self.lexicon:
                hit = [i for i in self._lexicon_hits() if ws[i] in words]
            else:
                hit = self._scan(words)
            if texts:
                hit = sorted(set(hit).union(self.view.where_text(texts)))
            self._where[key] = hit
        return hit

    def vocabulary(self) -> set[str]:
        """The lexicon forms the Doc has (made on first use)."""
        if self._vocabulary is None:
            self._vocabulary = set(self._words)
        return self._vocabulary

    def _lexicon_hits(self) -> list[int]:
        """The positions of the tokens whose lexicon form is in `lexicon` (one scan, on first use)."""
        if self._hits is None:
            self._hits = self._scan(self.lexicon)
        return self._hits

    def _scan(self, words: frozenset[str]) -> list[int]:
        """The positions of the tokens whose lexicon form is in `words`, by one scan (`positions`)."""
        return positions(self._words, words)

    def surface(self, start: int, end: int) -> str:
        """The text of the tokens [start, end) as the Doc has it (what ``doc[start:end].text`` is)."""
        return self.view.surface(start, end)

    def is_punct(self, i: int) -> bool:
        """Is token i punctuation? (Read from the token: the rules ask it of a few tokens around
        their triggers, and a list of the flag for every token would cost more.)"""
        return bool(self.doc[i].is_punct)

    def end_of(self, i: int) -> int:
        """Where token i ends in the text."""
        return self.idx[i] + len(self.texts[i])

    def text_at(self, i: int) -> str:
        """The text of token i."""
        return self.texts[i]

    def first_in(self, positions: list[int], lo: int, hi: int) -> int | None:
        """The first of `positions` (sorted) in [lo, hi), else None."""
        k = bisect_left(positions, lo)
        return positions[k] if k < len(positions) and positions[k] < hi else None

    def last_in(self, positions: list[int], lo: int, hi: int) -> int | None:
        """The last of `positions` (sorted) in [lo, hi), else None."""
        k = bisect_left(positions, hi) - 1
        return positions[k] if k >= 0 and positions[k] >= lo else None

    def unit_at(self, token_index: int) -> Unit | None:
        """The unit token i belongs to (None outside the Doc or the units)."""
        k = bisect_right(self._unit_starts, token_index) - 1
        if k >= 0:
            unit = self.units[k]
            if token_index < unit.end:
                return unit
        return None

    def add_dates(self, dates: Iterable[DateMention]) -> None:
        """Index date mentions by token (a date belongs to the unit of its first character)."""
        starts = self.idx
        for d in dates:
            i = bisect_right(starts, d.start) - 1
            if i < 0:
                continue
            unit = self.unit_at(i)
            if unit is None:
                continue
            j = max(i + 1, bisect_left(starts, d.end))
            unit.add_date((i, j, d))

    def add_instruments(self, refs: Iterable[InstrumentRef]) -> None:
        """Index instrument references by the unit they start in, kept in order of start."""
        touched: dict[int, Unit] = {}
        for ref in refs:
            unit = self.unit_at(ref.start)
            if unit is not None:
                unit.add_instrument(ref)
                touched[unit.index] = unit
        for unit in touched.values():
            unit.instruments = sorted(unit.instruments, key=lambda r: r.start)

    def evidence(self, unit: Unit, text: str, around: int | None = None) -> SpanModel:
        """The unit as a span; its text sliced once per unit, so that the events and stances of
        one long sentence share one string rather than a copy each.

        A unit longer than `MAX_EVIDENCE_CHARS` (a page with no sentence break) is cut to a
        window of that size around `around` (the trigger's offset): otherwise the JSON would
        repeat the whole page once per event and grow with the square of its length.
        """
        start, end = self._evidence_chars(unit, around)
        key = (unit.index, start)
        hit = self._evidence.get(key)
        if hit is None or hit[0] is not text:
            hit = (text, text[start:end])
            self._evidence[key] = hit
        return SpanModel(text=hit[1], start=start, end=end)

    def _evidence_chars(self, unit: Unit, around: int | None) -> tuple[int, int]:
        start, end = unit.start_char, self.end_of(unit.end - 1)
        if around is not None and end - start > MAX_EVIDENCE_CHARS:
            start = min(max(start, around - MAX_EVIDENCE_CHARS // 2), end - MAX_EVIDENCE_CHARS)
            end = start + MAX_EVIDENCE_CHARS
        return start, end

    def evidence_tokens(self, unit: Unit, around: int) -> tuple[int, int]:
        """The tokens [lo, hi) of the evidence around character `around` (`evidence`): the whole
        unit, or in a unit longer than `MAX_EVIDENCE_CHARS` those that start inside the window
        (what a rule may read when it looks over the whole sentence: nothing its evidence does
        not show, and a page-long 'sentence' is not read again for each of its triggers)."""
        if self.end_of(unit.end - 1) - unit.start_char <= MAX_EVIDENCE_CHARS:
            return unit.start, unit.end
        start, end = self._evidence_chars(unit, around)
        lo = bisect_left(self.idx, start, unit.start, unit.end)
        return lo, bisect_left(self.idx, end, lo, unit.end)

    def span(self, start: int, end: int, text: str) -> SpanModel:
        """Tokens [start, end) as a span of `text`."""
        s, e = self.idx[start], self.end_of(end - 1)
        return SpanModel(text=text[s:e], start=s, end=e)
