"""Stances: who supports, welcomes, condemns, opposes, calls for, reaffirms, commits to, is
concerned about, agrees on or rejects what.

Rules over tokens and sentences, no parser. Triggers come from ``resources/<lang>/stances.json``
(phrases in the language of `trigger_lexicon`), each with a class and a *form*:

- ``verb`` triggers are stances by themselves ("condemned", "supports", "called for");
- ``noun`` triggers are stances only when a verb of expression governs them ("expressed their
  full support for", "reaffirmed their commitment to", "выразили озабоченность"): the class is
  the noun's, the trigger runs from the verb to the noun, and the verb is not a second stance.
  A noun alone is a thing, not a position: "financial support for the project", "при
  поддержке", "the warm welcome" are no stances;
- ``ambiguous`` base forms ("support", "welcome") are verbs after a subject, a modal, "to" or
  an adverb, nouns otherwise;
- ``predicate`` triggers ("is unacceptable", "недопустимо") take their target before them.

Negated triggers ("do not support", "не поддерживаем") give no stance; "do not recognize" is
its own trigger of class ``reject``. "welcomed the guests" and "welcome to Minsk" are greetings,
not stances.

The actor is, in order: the agent of a passive ("sanctions were condemned by Russia" -> RUS,
and the condemned party stays in the target); the subject after an opening participial clause
("Welcoming X, the presidents agreed ..."); the organizations, countries and persons of the
subject before the trigger (a country that only qualifies a person named next to it is left
out); a word for the signatories ("the parties", "the presidents", "we", "стороны") or for the
statement itself ("The joint statement condemns", "В заявлении осуждается") -> ``parties``; a
pronoun ("they") -> the previous stance's actor. The target is the phrase after the trigger up
to a clause boundary; ``target_ids`` are the entities and instruments inside it. A trigger inside
another stance's target is part of that target ("called on other countries to support the
initiative" is one call, not also a support by "other countries"); two coordinated triggers
share the target ("supports and shares the priorities of ...").
"""

from __future__ import annotations

import heapq
from bisect import bisect_left
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import Any

from spacy.tokens import Doc
from spacy.vocab import Vocab

from ..models import Stance
from ..resources import load_json
from .actors import actor_refs
from .sentence_units import Sentences, Unit
from .stance_subjects import Subjects
from .trigger_lexicon import Match, lexicon_matcher, matches_by_unit

_MAX_TARGET = 45
_NOUN_WINDOW = 5
"""How far before a stance noun its expressing verb may stand."""
_SPEECH_REACH = 25
"""How far into a sentence its speech verb may stand ('In the statement, X and Y noted')."""
_AGENT_REACH = 8
_OPENER_SUBJECT_REACH = 12


@lru_cache(maxsize=2)
def stance_lexicon(lang: str) -> dict[str, Any]:
    return load_json(f"{lang}/stances.json")


_matcher_for = lexicon_matcher("stances", "triggers")


@lru_cache(maxsize=2)
def _word_sets(lang: str) -> tuple[dict[str, frozenset[str]], dict[str, frozenset[str]]]:
    """The lexicon's word lists as sets, and its subject words by kind (made once per language)."""
    lex = stance_lexicon(lang)
    sets = {k: frozenset(v) for k, v in lex.items() if isinstance(v, list) and all(isinstance(x, str) for x in v)}
    return sets, {k: frozenset(v) for k, v in lex["subjects"].items()}


def lexicon_words(vocab: Vocab, lang: str) -> frozenset[str]:
    """Every word the stance rules look up with `Sentences.where` (see `Sentences.lexicon`)."""
    sets, subjects = _word_sets(lang)
    return sets["clause_openers"] | subjects["document"] | sets["speech_verbs"] | _matcher_for(vocab, lang).anchors


@dataclass
class _Trigger:
    start: int
    end: int
    cls: str
    form: str
    span_start: int  # where the reported trigger starts (the expressing verb for nouns)
    object_in_target: bool = False  # "shares the priorities of X": the trigger is the verb, the target its object


class StanceFinder:
    def __init__(self, doc: Doc, lang: str, sents: Sentences, text: str) -> None:
        self.doc, self.lang, self.sents, self.text = doc, lang, sents, text
        self.rules = sents.rules
        self.words = sents.words()
        self.lowers = sents.lowers  # punctuation has no case: its lower case is its text
        lex = stance_lexicon(lang)
        self.lex = lex
        self.triggers = lex["triggers"]
        self.classes = lex["classes"]
        self.sets, self.subjects = _word_sets(lang)
        self.negation_window: int = lex["negation_window"]
        self.last_actor: list[str] = []
        self._starts: dict[int, _Trigger] | None = None
        self._subjects = Subjects()
        self._actor_ends: tuple[int, set[int]] = (-1, set())

    # where clause openers, commas, words for the statement and speech verbs stand: found on
    # first use (a Doc without a stance trigger never asks)

    @cached_property
    def _openers(self) -> list[int]:
        return self.sents.where(self.sets["clause_openers"], frozenset({";", ":"}))

    @cached_property
    def _commas(self) -> list[int]:
        return self.sents.where(frozenset(), frozenset({","}))

    @cached_property
    def _documents(self) -> list[int]:
        return self.sents.where(self.subjects["document"])

    @cached_property
    def _speech(self) -> list[int]:
        return self.sents.where(self.sets["speech_verbs"])

    def w(self, i: int) -> str:
        return self.words[i]

    # -- triggers ------------------------------------------------------------------------------

    def _triggers(self, unit: Unit, matches: list[Match]) -> list[_Trigger]:
        out: list[_Trigger] = []
        used_as_expresser: set[int] = set()
        cand = []
        for match_id, s, e in matches:
            spec = self.triggers[match_id]
            obj = bool(spec.get("object_in_target"))
            cand.append(_Trigger(s, s + 1 if obj else e, spec["class"], spec["form"], s, obj))
        by_end: dict[int, list[_Trigger]] = {}
        for t in cand:
            by_end.setdefault(t.end, []).append(t)
        for t in cand:
            if t.start > unit.start and t.form != "predicate" and self._attributive(t.start):
                continue
            form = t.form
            if form == "ambiguous":
                form = "verb" if self._verb_position(unit, t.start, by_end) else "noun"
                if t.cls == "welcome" and form == "noun":
                    continue  # "the warm welcome", "welcome to Minsk": hospitality, not a position
            if form == "noun":
                ex = self._expresser(unit, t.start)
                if ex is None:
                    continue
                t.span_start = ex
                used_as_expresser.update(range(ex, t.start))
            t.form = form
            out.append(t)
        # a verb that governs a stance noun ("reaffirmed their commitment to") is not a stance itself
        out = [t for t in out if not (t.form == "verb" and any(j in used_as_expresser for j in range(t.start, t.end)))]
        return [t for t in out if not self._negated(unit, t) and not self._greeting(unit, t)]

    def _attributive(self, i: int) -> bool:
        """'the agreed volumes', 'a committed partner': adjectives; 'mechanisms for supporting
        housing': a gerund, nobody's position."""
        prev = self.w(i - 1)
        if prev in self.rules.articles:
            return True
        return prev in self.sets["prepositions"] and self.rules.is_gerund(self.lowers[i])

    def _verb_position(self, unit: Unit, i: int, by_end: dict[int, list[_Trigger]]) -> bool:
        """Is the ambiguous trigger at i a verb? (`by_end`: the unit's candidates by their end, as
        their forms stand now)."""
        if i == unit.start:
            return True  # "Support for ..." as a heading is rare; a sentence-initial base form is imperative
        prev = self.w(i - 1)
        if prev in self.sets["verb_preceders"]:
            return True
        if prev in ("and", "or", ",") and any(c.form != "noun" for j in (i - 1, i - 2) for c in by_end.get(j, ())):
            return True
        if self._actor_ends[0] != unit.index:  # where the unit's actors end, once per unit
            self._actor_ends = (unit.index, {e.end for e in unit.entities if e.label in ("ORG", "COUNTRY", "PERSON")})
        return i in self._actor_ends[1]

    def _expresser(self, unit: Unit, i: int) -> int | None:
        j = i - 1
        while j >= unit.start and i - j <= _NOUN_WINDOW:
            w = self.w(j)
            if w in self.sets["expressers"]:
                return j
            if w not in self.sets["expresser_gap"]:
                return None
            j -= 1
        return None

    def _negated(self, unit: Unit, t: _Trigger) -> bool:
        lo = max(unit.start, t.span_start - self.negation_window)
        return any(self.w(j) in self.sets["negators"] for j in range(lo, t.span_start))

    def _greeting(self, unit: Unit, t: _Trigger) -> bool:
        if t.cls != "welcome":
            return False
        j = t.end
        while j < unit.end and self.w(j) in self.sets["greeting_skip"]:
            j += 1
        if j >= unit.end:
            return False
        if self.w(j) in self.sets["greeting_objects"]:
            return True
        return any(e.label == "PERSON" for e in unit.entities_from(j, j + 1))

    # -- actor and target ----------------------------------------------------------------------

    def _clause_start(self, unit: Unit, i: int) -> int:
        """After the last clause opener (or ';', ':') before token i in the unit."""
        j = self.sents.last_in(self._openers, unit.start, i)
        return unit.start if j is None else j + 1

    def _after_preposition(self, i: int, lo: int) -> bool:
        """Is token i inside a prepositional phrase ('the outcome of the Supreme State Council')?"""
        j = i - 1
        while j >= lo and (self.w(j) in self.rules.articles or self.sents.is_punct(j) and self.lowers[j] not in (",", ";")):
            j -= 1
        if j < lo:
            return False
        return self.w(j) in self.sets["prepositions"] or self.rules.is_preposition(self.lowers[j])

    def _is_subject_word(self, j: int) -> bool:
        """Does `_subject_word(j)` name someone (whatever the last actor)?"""
        w = self.w(j)
        return (w in self.subjects["parties"] and self.rules.may_be_plural(self.lowers[j])) or (
            w in self.subjects["document"] or w in self.subjects["previous"])

    def _subject_word(self, j: int) -> list[str] | None:
        w = self.w(j)
        if w in self.subjects["parties"] and self.rules.may_be_plural(self.lowers[j]):
            return ["parties"]
        if w in self.subjects["document"]:
            return ["parties"]
        if w in self.subjects["previous"]:
            if w in self.sets["impersonal_subjects"] and j + 1 < len(self.doc) and self.w(j + 1) in self.sets["passive_aux"]:
                return ["parties"]  # "It was agreed to ...": the sides
            return list(self.last_actor) or ["parties"]
        return None

    def _actor_in(self, unit: Unit, lo: int, hi: int) -> list[str] | None:
        """Who is named as acting in [lo, hi): the first subject-like thing (an entity outside a
        prepositional phrase, a word for the parties, a pronoun), else any entity there."""
        if hi <= lo:
            return None
        got = self._subjects.actor_in(self, unit, lo, hi)  # a long stretch: from a reading of its prefix
        return self._actor_in_plain(unit, lo, hi) if got is False else got  # type: ignore[return-value]

    def _actor_in_plain(self, unit: Unit, lo: int, hi: int) -> list[str] | None:
        """`_actor_in` read from [lo, hi) itself."""
        if hi <= lo:
            return None
        refs = actor_refs(unit, lo, hi, unit.instrument_tokens(), self.sents)
        free = {r.start: r for r in refs if not self._after_preposition(r.start, lo)}
        for j in range(lo, hi):
            if j in free:
                first = free[j]
                group = [r for r in refs if r.start >= first.start and r.start in free]
                return list(dict.fromkeys(r.id for r in group))
            got = self._subject_word(j)
            if got is not None and not self._after_preposition(j, lo):
                return got
        if refs:
            return list(dict.fromkeys(r.id for r in refs))
        for j in range(hi - 1, lo - 1, -1):
            got = self._subject_word(j)
            if got is not None:
                return got
        return None

    def _agent(self, unit: Unit, t: _Trigger) -> int | None:
        """Where the agent of a passive trigger starts ('X was condemned by Y', 'X были осуждены
        Y-ом'), else None."""
        return self.rules.passive_agent(
            self.words, self.lowers, unit, t.span_start, t.end, self.sets["passive_aux"], self.sets["agent_markers"]
        )

    def _actor(self, unit: Unit, t: _Trigger, target_lo: int) -> list[str]:
        # 1. passive with an agent: "X was condemned by Russia"
        a = self._agent(unit, t)
        if a is not None:
            hi = a
            while hi < unit.end and hi - a < _AGENT_REACH and not self.sents.is_punct(hi):
                hi += 1
            got = self._actor_in(unit, a, hi)
            if got:
                return got
        # 2. an opening participial clause: "Welcoming X, the presidents agreed ..."
        if t.span_start == unit.start and self.rules.is_gerund(self.lowers[unit.start]):
            comma = self.sents.first_in(self._commas, t.end, unit.end)
            if comma is not None:
                got = self._actor_in(unit, comma + 1, min(unit.end, comma + _OPENER_SUBJECT_REACH))
                if got:
                    return got
        # 3. the subject before the trigger, nearest comma-separated segment first
        lo = self._clause_start(unit, t.span_start)
        if t.form == "predicate":
            lo = self._clause_start(unit, max(unit.start, lo - 1)) if lo > unit.start else unit.start
            hi = max(lo, target_lo - 1)
        else:
            hi = t.span_start
        commas = self._commas  # the comma-separated segments of [lo, hi), from the last one back
        first, k, b = bisect_left(commas, lo), bisect_left(commas, hi), hi
        while True:
            k -= 1
            a = commas[k] + 1 if k >= first else lo
            got = self._actor_in(unit, a, b)
            if got:
                return got
            if k < first:
                break
            b = a
            if k > first:  # on to the nearest segment before that names someone, or to the first
                k = max(self._subjects.segment_holding(self, commas, k - 1), first - 1) + 1
                b = commas[k] + 1
        # 4. the whole clause before, then the statement as speaker
        got = self._actor_in(unit, unit.start, t.span_start)
        if got:
            return got
        if self.sents.first_in(self._documents, unit.start, unit.end) is not None:
            return ["parties"]
        return []

    def _target(self, unit: Unit, t: _Trigger, triggers: list[_Trigger]) -> tuple[int, int, bool]:
        """[start, end) of the target, and whether it stopped at a coordinated trigger."""
        if t.form == "predicate":
            hi = t.span_start
            while hi > unit.start and self.w(hi - 1) in self.sets["copulas"]:
                hi -= 1
            lo = hi
            while lo > unit.start and not (
                self.w(lo - 1) in self.sets["clause_openers"] or self.w(lo - 1) in self.sets["clause_conjunctions"]
                or self.lowers[lo - 1] in (",", ";", ":")
            ):
                lo -= 1
            return lo, hi, False
        if self._agent(unit, t) is not None:
            hi = t.span_start
            while hi > unit.start and self.w(hi - 1) in self.sets["passive_aux"]:
                hi -= 1
            lo = self._clause_start(unit, hi)
            return lo, hi, False
        i = t.start + 1 if t.object_in_target else t.end
        while i < unit.end and (self.w(i) in self.sets["target_strip"] or self.lowers[i] == ","):
            i += 1
        lo = i
        opener_end = None
        if t.span_start == unit.start and self.rules.is_gerund(self.lowers[unit.start]):
            opener_end = self.sents.first_in(self._commas, lo, unit.end)
        starts = self._starts if self._starts is not None else {x.start: x for x in triggers if x is not t}
        while i < unit.end and i - lo < _MAX_TARGET:
            low, w = self.lowers[i], self.w(i)
            if low == ";" or (low == ":" and i > lo):
                break
            if w in self.sets["clause_stops"] and i > lo:
                break
            if w in self.sets["coordinators"]:
                j = i
                while j < unit.end and self.w(j) in self.sets["coordinators"]:
                    j += 1
                if j in starts and starts[j].form == "verb":
                    return lo, i, i == lo
                if w in self.sets["clause_conjunctions"] and j < unit.end and i > lo and self._clause_verb(j):
                    break  # "... and emphasize the focus on ...": a new predicate
            if low == "," and (i == opener_end or (i + 1 < unit.end and self._participle(i + 1))):
                break
            i += 1
        while i > lo and (self.sents.is_punct(i - 1) or self.w(i - 1) in self.sets["trailing_conjunctions"]):
            i -= 1
        return lo, i, False

    def _clause_verb(self, i: int) -> bool:
        return self.w(i) in self.sets["clause_verbs"] or self.rules.is_finite_verb(self.lowers[i])

    def _participle(self, i: int) -> bool:
        w = self.w(i)
        if w in self.sets["participle_exempt"]:
            return False
        # an adverbial participle or a new verb opens a new clause; a participle of the object
        # ("санкции, введенные Европейским союзом", "measures, taken bypassing ...") stays in the target
        return self.rules.opens_clause_after_comma(self.lowers[i])

    # -- the Doc -------------------------------------------------------------------------------

    def run(self) -> list[Stance]:
        doc = self.doc
        by_unit = matches_by_unit(self.sents, _matcher_for(doc.vocab, self.lang))
        out: list[Stance] = []
        if not by_unit:
            return out
        # the units with a trigger, and before the last of them those that may name a speaker
        # (a later 'they'): the others change nothing
        last = max(by_unit)
        for index in sorted(by_unit.keys() | {k for k in self._speech_units() if k < last}):
            unit = self.sents.units[index]
            if index not in by_unit:
                self._note_speaker(unit)
                continue
            triggers = self._triggers(unit, by_unit[unit.index])
            # the triggers by start, once per unit (`_target` looks up the trigger after a
            # coordinator; in order and apart, none starts where another one's target does)
            self._starts = {x.start: x for x in triggers}
            spans = _Spans()
            pending: list[tuple[_Trigger, list[str]]] = []  # coordinated triggers waiting for a target
            for t in triggers:
                if spans.covers(t.start):
                    continue  # inside another stance's target
                lo, hi, coordinated = self._target(unit, t, triggers)
                actor = self._actor(unit, t, lo)
                if coordinated:
                    pending.append((t, actor))
                    continue
                if hi <= lo:
                    continue
                for p, p_actor in [*pending, (t, actor)]:
                    out.append(self._stance(unit, p, p_actor or actor, lo, hi))
                pending = []
                if t.form != "predicate":
                    spans.add(lo, hi)
                if actor:
                    self.last_actor = actor
        return out

    def _speech_units(self) -> set[int]:
        """The units with a speech verb among their first 25 tokens (where `_note_speaker` looks)."""
        out: set[int] = set()
        for i in self._speech:
            unit = self.sents.unit_at(i)
            if unit is not None and i < unit.start + _SPEECH_REACH:
                out.add(unit.index)
        return out

    def _note_speaker(self, unit: Unit) -> None:
        """'In the joint statement, Lukashenko and Putin noted that ...': who a later 'they' is."""
        i = self.sents.first_in(self._speech, unit.start, min(unit.end, unit.start + _SPEECH_REACH))  # the first speech verb
        if i is None:
            return
        lo = self._clause_start(unit, i)
        k = bisect_left(self._commas, i) - 1
        cut = self._commas[k] + 1 if k >= 0 and self._commas[k] >= lo else lo
        refs = actor_refs(unit, cut, i, unit.instrument_tokens(), self.sents)
        if refs:
            self.last_actor = list(dict.fromkeys(r.id for r in refs))

    def _stance(self, unit: Unit, t: _Trigger, actor: list[str], lo: int, hi: int) -> Stance:
        target = self.sents.span(lo, hi, self.text)
        ids = [e.id for e in unit.entities_in(lo, hi)]
        starts = unit.instrument_starts()
        ids += [r.id for r in unit.instruments[bisect_left(starts, lo):bisect_left(starts, hi)] if r.end <= hi]
        return Stance(
            actor=actor,
            stance=t.cls,  # type: ignore[arg-type]
            target=" ".join(target.text.split()),
            target_ids=list(dict.fromkeys(ids)),
            plover=self.classes.get(t.cls, {}).get("plover"),
            trigger=(trigger := self.sents.span(t.span_start, t.end, self.text)),
            evidence=self.sents.evidence(unit, self.text, around=trigger.start),
        )


class _Spans:
    """The targets taken so far in a unit, asked about tokens in increasing order (the triggers
    come in text order): a span whose start has been passed only matters by its end, so the
    answer is the largest such end, kept as the spans come in (no scan of every span per trigger)."""

    def __init__(self) -> None:
        self.pending: list[tuple[int, int]] = []  # a heap by start
        self.reach = -1

    def add(self, lo: int, hi: int) -> None:
        heapq.heappush(self.pending, (lo, hi))

    def covers(self, i: int) -> bool:
        while self.pending and self.pending[0][0] <= i:
            self.reach = max(self.reach, heapq.heappop(self.pending)[1])
        return i < self.reach


def find_stances(doc: Doc, lang: str, sents: Sentences, text: str) -> list[Stance]:
    """Every stance the Doc states, in text order (`sents` carries entities and instruments)."""
    return StanceFinder(doc, lang, sents, text).run()
