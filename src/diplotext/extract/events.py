"""Events: visits, meetings, talks, summits, chairmanships, signings, ratifications, entries into
force, exchanges of letters, extensions, with who, what instrument, where and when.

Rules over tokens and sentences, no parser: triggers come from ``resources/<lang>/events.json``
(see `trigger_lexicon` for the phrase language). Each trigger gets a *scope* in its sentence: the
sentence itself, cut between two triggers at the last comma or semicolon that separates them
("Official visit of V.V. Putin to Belarus on May 31, 2012, | as well as the meeting of the
Supreme State Council on November 25, 2011"). In that scope:

- actors are the organizations, countries and persons named, less those inside the
  instrument's name, the place, and a country that only qualifies a person named next to it
  ("Belarusian President Alexander Lukashenko" acts as LUKASHENKO); with none in scope, those of
  the whole sentence; "the presidents", "the parties" stand for the last group of two or more
  persons or states named before;
- the instrument is the one named (or referred back to: "the treaty") nearest after the trigger,
  else before it, else anywhere in the sentence;
- the place follows the trigger after "to/in/at" ("в/на"): a state's id, or the city's name;
- the date is the nearest date mention after the trigger, else before it.

Chairmanships read their actors from the noun phrase around the trigger ("Belarus's
chairmanship in EAEU bodies": BLR, EAEU; the chair first). A repeated definite mention ("the
negotiations were conducted ...") that adds nothing to an earlier event of the same type is not
a new event.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Container, Iterable
from functools import cached_property, lru_cache
from typing import Any

from spacy.tokens import Doc
from spacy.vocab import Vocab

from ..models import Event
from ..resources import load_json
from .gazetteer import load_gazetteer
from .actors import actor_refs
from .sentence_units import EntityRef, Sentences, Unit
from .trigger_lexicon import Match, lexicon_matcher, matches_by_unit

_CLAUSE_PUNCT = frozenset({",", ";", ":", "—", "–"})
_DATE_REACH = 12
"""How many tokens a date may stand before its trigger and still be its date."""


@lru_cache(maxsize=2)
def event_lexicon(lang: str) -> dict[str, Any]:
    return load_json(f"{lang}/events.json")


_matcher_for = lexicon_matcher("events", "events")


@lru_cache(maxsize=2)
def _word_sets(lang: str) -> tuple[frozenset[str], frozenset[str]]:
    """The lexicon's document words and negators as sets (made once per language)."""
    lex = event_lexicon(lang)
    return frozenset(lex["document_words"]), frozenset(lex["negators"])


def lexicon_words(vocab: Vocab, lang: str) -> frozenset[str]:
    """Every word the event rules look up with `Sentences.where` (see `Sentences.lexicon`)."""
    return _word_sets(lang)[0] | _matcher_for(vocab, lang).anchors


class _Memory:
    """The last group of two or more persons, and of states, that acted: what "the presidents",
    "the parties" refer to.

    The units are noted in text order, but only as far as a question needs (`upto`): most texts
    never say "the presidents", and a note costs an `_actor_refs` over the whole unit."""

    def __init__(self, sents: Sentences) -> None:
        self.group: dict[str, list[str]] = {}
        self.sents = sents
        self.noted = 0  # the units before this one are noted

    def upto(self, index: int) -> dict[str, list[str]]:
        """The groups as they stand after the units before unit `index`."""
        units = self.sents.units
        while self.noted < index:
            unit = units[self.noted]
            self.noted += 1
            if _may_hold_group(unit):
                self.note(actor_refs(unit, unit.start, unit.end, set(), self.sents))
        return self.group

    def note(self, actors: list[EntityRef]) -> None:
        for label in ("PERSON", "COUNTRY"):
            ids = list(dict.fromkeys(a.id for a in actors if a.label == label))
            if len(ids) >= 2:
                self.group[label] = ids


def _may_hold_group(unit: Unit) -> bool:
    """Can the unit name two persons or two states (what `_Memory.note` keeps)? A cheap test
    before `_actor_refs` over the whole unit."""
    persons = countries = 0
    for e in unit.entities:
        if e.label == "PERSON":
            persons += 1
        elif e.label == "COUNTRY":
            countries += 1
        if persons >= 2 or countries >= 2:
            return True
    return False


class _Excluded:
    """Tokens that hold no actor: the unit's instrument tokens (shared, not copied per event)
    and this event's own additions."""

    def __init__(self, base: set[int]) -> None:
        self.base = base
        self.extra: set[int] = set()
        self.shared: Container[int] = ()

    def __contains__(self, i: object) -> bool:
        return i in self.base or i in self.extra or i in self.shared

    def update(self, tokens: Iterable[int]) -> None:
        self.extra.update(tokens)

    def share(self, tokens: Container[int]) -> None:
        """Also exclude `tokens`, read where they are (the places of the unit so far: not copied per event)."""
        self.shared = tokens


def _scopes(sents: Sentences, unit: Unit, triggers: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Cut the sentence between consecutive triggers at the last clause punctuation between them
    (punctuation has no case: its lower case is its text)."""
    cuts = [unit.start]
    lowers = sents.lowers
    opener = _participial_opener(sents, unit)
    if opener is not None and triggers and triggers[0][0] > opener:
        cuts = [opener]
    for (_, e1), (s2, _) in zip(triggers, triggers[1:]):
        cut = s2
        for i in range(s2 - 1, e1 - 1, -1):
            if lowers[i] in _CLAUSE_PUNCT:
                cut = i + 1
                break
        cuts.append(cut)
    cuts.append(unit.end)
    return [(cuts[i], cuts[i + 1]) for i in range(len(triggers))]


def _participial_opener(sents: Sentences, unit: Unit) -> int | None:
    """Where the main clause starts after an opening participial clause ('Welcoming X, the
    presidents agreed ...', 'Приветствуя ..., президенты договорились ...'), else None."""
    lower = sents.lowers[unit.start]
    if not sents.rules.is_gerund(lower) or not sents.text_at(unit.start)[:1].isupper():
        return None
    k = sents.first_in(sents.where(frozenset(), frozenset({","})), unit.start + 1, unit.end)
    return None if k is None else k + 1


class EventFinder:
    def __init__(self, doc: Doc, lang: str, sents: Sentences, text: str, gazetteer_path: Any = None) -> None:
        self.doc, self.lang, self.sents, self.text = doc, lang, sents, text
        self.rules = sents.rules
        self.words = sents.words()
        self.lex = event_lexicon(lang)
        self.specs = self.lex["events"]
        self.document_words, self.negators = _word_sets(lang)
        self.gazetteer = load_gazetteer(gazetteer_path)
        self.memory = _Memory(sents)
        self._places: dict[int, set[int]] = {}
        self._ends_of: tuple[int, set[int]] = (-1, set())
        self._named_of: tuple[int, set[int]] = (-1, set())

    @cached_property
    def _documents(self) -> list[int]:
        """Where the document words stand (found on first use: a rule that needs one asks)."""
        return self.sents.where(self.document_words)

    def w(self, i: int) -> str:
        return self.words[i]

    def run(self) -> list[Event]:
        doc = self.doc
        by_unit = matches_by_unit(self.sents, _matcher_for(doc.vocab, self.lang))
        events: list[Event] = []
        earlier = _Earlier()
        for index in sorted(by_unit):  # the units with a trigger, in order
            unit = self.sents.units[index]
            matches = [m for m in by_unit[index] if self._plausible(unit, m)]
            matches = self._drop_invited_visits(matches)
            if matches:
                triggers = [(s, e) for _, s, e in matches]
                for (match_id, s, e), (lo, hi) in zip(matches, _scopes(self.sents, unit, triggers)):
                    spec = self.specs[match_id]
                    ev = self._event(unit, spec, s, e, lo, hi)
                    if ev is not None and not earlier.repeats(ev, self._definite(unit, s)):
                        events.append(ev)
                        earlier.add(ev)
        return self._drop_title_repeats(events)

    def _type_of(self, match_id: int) -> str:
        return self.specs[match_id]["type"]

    def _drop_invited_visits(self, matches: list[Match]) -> list[Match]:
        """'invited him to visit Belarus' is one invitation (to visit), not also a visit."""
        out = []
        last_invite_end = -100
        for m in matches:
            kind = self._type_of(m[0])
            if kind == "visit" and m[1] - last_invite_end <= 4:
                continue
            if kind == "invitation":
                last_invite_end = m[2]
            out.append(m)
        return out

    def _drop_title_repeats(self, events: list[Event]) -> list[Event]:
        """An event read from the title (the first unit) that the body reports again is dropped."""
        if not self.sents.units:
            return events
        first = self.sents.units[0]
        in_title = [ev for ev in events if ev.evidence.start == first.start_char]
        body = [ev for ev in events if ev.evidence.start != first.start_char]
        kept = [ev for ev in in_title if not any(b.type == ev.type for b in body)]
        return sorted(kept + body, key=lambda ev: ev.trigger.start if ev.trigger else ev.evidence.start)

    def _definite(self, unit: Unit, s: int) -> bool:
        return s > unit.start and self.w(s - 1) in self.rules.definite

    def _plausible(self, unit: Unit, m: Match) -> bool:
        match_id, s, e = m
        spec = self.specs[match_id]
        if any(self.w(i) in self.negators for i in range(max(unit.start, s - 2), s)):
            return False
        if s > unit.start and self.w(s - 1) in spec.get("unless_prev", ()):
            return False
        after = [self.w(i) for i in range(e, min(unit.end, e + 2)) if self.w(i) not in self.rules.articles]
        if after and after[0] in spec.get("unless_next", ()):
            only = spec.get("unless_next_only")
            if not only or self.sents.lowers[e - 1] in only:
                return False
        needs = spec.get("needs")
        if needs:
            has_instrument = bool(unit.instruments)  # a unit holds the references that start in it
            if needs == "instrument" and not has_instrument:
                return False
            if needs == "document" and not has_instrument and self.sents.first_in(self._documents, unit.start, unit.end) is None:
                return False
        return True

    def _event(self, unit: Unit, spec: dict[str, Any], s: int, e: int, lo: int, hi: int) -> Event | None:
        instrument = _nearest_instrument(unit, s, e, lo, hi)
        exclude = _Excluded(unit.instrument_tokens())
        place, place_tokens = self._place(unit, spec, e, hi)
        exclude.update(place_tokens)
        if spec.get("window"):
            lo, hi = self._window(unit, s, e)
        actors = actor_refs(unit, lo, hi, exclude, self.sents)
        if spec.get("needs_owner") and not actors:
            return None
        if spec["type"] == "invitation" and place is None and not any(
            self.w(i) in spec.get("place_after", ()) for i in range(e, min(hi, e + 5))
        ):
            return None  # "invite everyone to participate": no visit, no place
        actor_ids = list(dict.fromkeys(a.id for a in actors))
        if not actor_ids:
            actor_ids = self._group_actors(unit, lo, hi, exclude)
        if not actor_ids and not spec.get("window"):
            exclude.share(self._places.get(unit.index, ()))  # another event's place is no actor here
            wlo, whi = self.sents.evidence_tokens(unit, self.sents.idx[s])  # the sentence, as far as the evidence shows it
            actor_ids = list(dict.fromkeys(a.id for a in actor_refs(unit, wlo, whi, exclude, self.sents)))
        self._places.setdefault(unit.index, set()).update(place_tokens)
        date = self._date(unit, s, e, lo, hi)
        return Event(
            type=spec["type"],
            actors=actor_ids,
            instrument=instrument,
            place=place,
            date=date,
            trigger=(trigger := self.sents.span(s, e, self.text)),
            evidence=self.sents.evidence(unit, self.text, around=trigger.start),
        )

    def _window(self, unit: Unit, s: int, e: int) -> tuple[int, int]:
        """The noun phrase around a trigger: back to a preposition or verb, on over 'in/of X'."""
        doc, rules = self.doc, self.rules
        lo = s
        while lo - 1 >= unit.start and s - lo < 5:
            t = doc[lo - 1]
            if t.is_punct and t.text not in ("'s", "’s") or self.w(lo - 1) in rules.window_stops_before:
                break
            if rules.breaks_noun_phrase(t.lower_):
                break
            lo -= 1
        hi = e
        while hi < unit.end and hi - e < 6:
            t = doc[hi]
            if t.is_punct or rules.breaks_noun_phrase(t.lower_) or (hi > e and self.w(hi) in rules.window_stops_after):
                break
            hi += 1
        return lo, hi

    def _place(self, unit: Unit, spec: dict[str, Any], e: int, hi: int) -> tuple[str | None, set[int]]:
        preps = spec.get("place_after") or ()
        if not preps:
            return None, set()
        doc, lowers = self.doc, self.sents.lowers  # ";", ":" have no case: their lower case is their text
        titles = self.rules.person_titles
        inside = unit.instrument_tokens()
        after_actor = self._actor_ends(unit)
        i = e
        while i < hi and i < e + 16:
            if i in inside:
                i += 1
                continue
            if i - e > 4 and i not in after_actor:
                # far from the trigger, a place must follow its actor ("visit of ... V.V. Putin to Belarus")
                if lowers[i] in (";", ":"):
                    break
                i += 1
                continue
            if self.w(i) in preps:
                j = i + 1
                while j < hi and self.w(j) in self.rules.articles:
                    j += 1
                ent = next((x for x in unit.entities_from(j, j + 1) if x.label == "COUNTRY"), None)
                if ent is not None:
                    return self._place_name(ent), set(range(ent.start, ent.end))
                named = self._named(unit)
                if j < hi and doc[j].text[:1].isupper() and doc[j].is_alpha and doc[j].lower_ not in titles:
                    k = j + 1
                    while (
                        k < hi and k - j < 3 and k not in named and doc[k].lower_ not in titles
                        and (doc[k].text[:1].isupper() and doc[k].is_alpha or (doc[k].text == "-" and k + 1 < hi))
                    ):
                        k += 1
                    return self.rules.place_name(doc[j:k]), set(range(j, k))
                if self.w(i) in self.rules.directional and spec["type"] == "visit":
                    return None, set()
            if lowers[i] in (";", ":"):
                break
            i += 1
        return None, set()

    def _named(self, unit: Unit) -> set[int]:
        """Where the entity mentions of the unit start (computed once per unit)."""
        if self._named_of[0] != unit.index:
            self._named_of = (unit.index, {x.start for x in unit.entities})
        return self._named_of[1]

    def _actor_ends(self, unit: Unit) -> set[int]:
        """Where the actor mentions of the unit end (computed once per unit)."""
        if self._ends_of[0] != unit.index:
            self._ends_of = (unit.index, {x.end for x in unit.entities if x.label in ("PERSON", "COUNTRY", "ORG")})
        return self._ends_of[1]

    def _place_name(self, ent: EntityRef) -> str:
        """A state's id; a capital standing for its state stays a city name ('talks in Moscow')."""
        if ent.label != "COUNTRY":
            return ent.id
        entry = self.gazetteer.get(ent.id)
        if entry is not None:
            city = self.rules.metonym(self.sents.surface(ent.start, ent.end), entry)
            if city is not None:
                return city
        return ent.id

    def _group_actors(self, unit: Unit, lo: int, hi: int, exclude: Container[int]) -> list[str]:
        """'the presidents', 'the parties', 'стороны': the last group of persons or states named
        before the unit."""
        words = self.rules.group_words
        for i in range(lo, hi):
            label = words.get(self.w(i))
            if not label or i in exclude or label not in self.memory.upto(unit.index):
                continue
            if not self.rules.is_plural(self.sents.lowers[i]):
                continue
            unit = self.sents.unit_at(i)
            if unit is not None and any(x.start <= i < x.end for x in unit.entities):
                continue
            return list(self.memory.group[label])
        return []

    def _date(self, unit: Unit, s: int, e: int, lo: int, hi: int) -> str | None:
        in_scope = [(a, b, d) for a, b, d in unit.dates_from(lo, hi) if d.value]
        after = [d for a, b, d in in_scope if a >= e]
        if after:
            return after[0].value
        before = [
            d for a, b, d in in_scope
            if b <= s and s - b <= _DATE_REACH and not any(self._anniversary(i) for i in range(b, s))
        ]
        return before[-1].value if before else None

    def _anniversary(self, i: int) -> bool:
        """'the 30th anniversary of the Treaty signed in 1994': that date is not the event's."""
        return self.w(i) in self.rules.anniversary_words or self.sents.lowers[i].endswith(self.rules.anniversary_endings)


def _nearest_instrument(unit: Unit, s: int, e: int, lo: int, hi: int) -> str | None:
    """The instrument of a trigger [s, e) with scope [lo, hi): the first reference in scope after
    it, else the last before it, else the first in scope; with none in scope, the same over the
    unit. The references are in order of start: bisected, not scanned per trigger."""
    refs, starts = unit.instruments, unit.instrument_starts()
    a, b = bisect_left(starts, lo), bisect_left(starts, hi)
    if a == b:
        a, b = 0, len(refs)
    if a == b:
        return None
    k = bisect_left(starts, e, a, b)
    if k < b:
        return refs[k].id
    for i in range(min(b, bisect_left(starts, s, a, b)) - 1, a - 1, -1):
        if refs[i].end <= s:
            return refs[i].id
    return refs[a].id


_ANY = object()
"""A field of an earlier event as `_Earlier` files it under every value: a mention without it
repeats an event with any."""


class _Earlier:
    """The events kept so far, filed for `repeats`: under their type and each of the eight ways
    to give or leave out their place, date and instrument, the distinct sets of their actors. A
    mention is then looked up under its own fields instead of compared with every earlier event
    (a long report of thousands of 'the talks' compared each with all before it)."""

    def __init__(self) -> None:
        self._actors: dict[tuple[object, ...], set[frozenset[str]]] = {}

    def add(self, ev: Event) -> None:
        actors = frozenset(ev.actors)
        for place in (ev.place, _ANY):
            for date in (ev.date, _ANY):
                for instrument in (ev.instrument, _ANY):
                    self._actors.setdefault((ev.type, place, date, instrument), set()).add(actors)

    def repeats(self, ev: Event, definite: bool) -> bool:
        """A definite re-mention ('the negotiations'), or one that names nothing, that adds
        nothing to an earlier event: of its type, its actors among that one's, and its place,
        date and instrument (those it gives) that one's."""
        empty = not (ev.actors or ev.place or ev.date or ev.instrument)
        if not definite and not empty:
            return False
        key = (ev.type, *(_ANY if v is None else v for v in (ev.place, ev.date, ev.instrument)))
        wanted = frozenset(ev.actors)
        return any(wanted <= actors for actors in self._actors.get(key, ()))


def find_events(doc: Doc, lang: str, sents: Sentences, text: str, gazetteer: Any = None) -> list[Event]:
    """Every event the Doc reports, in text order (`sents` carries entities, instruments, dates)."""
    return EventFinder(doc, lang, sents, text, gazetteer).run()


