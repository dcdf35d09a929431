"""Who acts in a long stretch before a stance trigger, without reading the stretch again per trigger.

`StanceFinder._actor_in(unit, lo, hi)` reads the actors of [lo, hi) (`actors.actor_refs`) and the
subject words there; for the triggers of one long clause lo stays and hi grows, so reading [lo, hi)
anew for each is quadratic in the clause ("Russia condemned and welcomed and supported ..." a few
thousand times). `Subjects` reads [lo, H) once for a larger H (doubled when a trigger lies beyond
it) and answers for any hi <= H from that reading and a short reading of the last tokens before hi:

- which actors of [lo, hi) act depends, for those far enough from hi, only on what stands before
  them and close after them: a name nested in a longer one that ends by hi, the organization just
  before an organization, a person within a few tokens of a state. Those that start before
  `hi - 2 L - 12` (L: the longest name of the unit, in tokens) are decided as in [lo, H); the rest
  are walked again from the state the walk of [lo, H) had there (`actors.kept_actors`);
- the answer needs only the first actor outside a prepositional phrase, the first subject word,
  and the ids of the actors in order of first mention: kept per prefix as [lo, H) is read.

The answers are those of the plain reading (`StanceFinder._actor_in_plain`), which short
stretches still use; tests/test_hostile_linear.py checks that both agree.
"""

from __future__ import annotations

from bisect import bisect_left
from typing import Protocol

from .actors import actor_candidates, kept_actors
from .sentence_units import ACTOR_TYPES, EntityRef, Sentences, Unit

PLAIN_REACH = 256
"""A stretch of up to this many tokens is read as it is (the prefix reading pays off beyond)."""


class _Finder(Protocol):
    sents: Sentences

    def _after_preposition(self, i: int, lo: int) -> bool: ...

    def _is_subject_word(self, j: int) -> bool: ...

    def _subject_word(self, j: int) -> list[str] | None: ...


class _Prefix:
    """The actors and subject words of [lo, hi) of one unit, for one lo and every hi up to `hi`."""

    def __init__(self, finder: _Finder, unit: Unit, lo: int, hi: int) -> None:
        self.lo, self.hi = lo, hi
        exclude = unit.instrument_tokens()
        self.outer = actor_candidates(unit, lo, hi, exclude)
        self.starts = [r.start for r in self.outer]
        self.keep, self.states = kept_actors(self.outer, finder.sents)
        self.first_free: int | None = None  # the index in `outer` of the first acting ref outside a prepositional phrase
        self.free_firsts: list[tuple[int, str]] = []  # (index in `outer`, id): each id's first acting free ref
        self.all_firsts: list[tuple[int, str]] = []  # the same over every acting ref
        seen_free: set[str] = set()
        seen: set[str] = set()
        for k, (r, keep) in enumerate(zip(self.outer, self.keep)):
            if not keep:
                continue
            if r.id not in seen:
                seen.add(r.id)
                self.all_firsts.append((k, r.id))
            if not finder._after_preposition(r.start, lo):
                if self.first_free is None:
                    self.first_free = k
                if r.id not in seen_free:
                    seen_free.add(r.id)
                    self.free_firsts.append((k, r.id))
        self.subjects = [j for j in range(lo, hi) if finder._is_subject_word(j)]
        self.first_subject = next((j for j in self.subjects if not finder._after_preposition(j, lo)), None)


class Subjects:
    """`StanceFinder._actor_in` for long stretches (see the module's docstring).

    The finder is passed to each call rather than kept: a finder holds its `Subjects`, and a
    reference back would make a cycle that keeps the finder, its sentences and their Doc alive
    until the garbage collector's next pass instead of freeing them when the stage ends."""

    def __init__(self) -> None:
        self._prefixes: dict[tuple[int, int], _Prefix] = {}
        self._longest: dict[int, int] = {}
        self._holds: dict[int, int] = {}

    def _prefix(self, finder: _Finder, unit: Unit, lo: int, hi: int) -> _Prefix:
        key = (unit.index, lo)
        p = self._prefixes.get(key)
        if p is None or p.hi < hi:
            p = self._prefixes[key] = _Prefix(finder, unit, lo, min(unit.end, lo + 2 * (hi - lo)))
        return p

    def _margin(self, unit: Unit) -> int:
        """Tokens before hi whose actors are walked again: 2 L + 12 for the longest name L."""
        m = self._longest.get(unit.index)
        if m is None:
            m = self._longest[unit.index] = 2 * max((e.end - e.start for e in unit.entities), default=1) + 12
        return m

    def actor_in(self, finder: _Finder, unit: Unit, lo: int, hi: int) -> list[str] | None | bool:
        """Who acts in [lo, hi), or False when the stretch is to be read as it is."""
        margin = self._margin(unit)
        cut = hi - margin
        if hi - lo <= PLAIN_REACH or cut <= lo or unit._entity_starts() is None:  # out of order: read as it is
            return False
        p = self._prefix(finder, unit, lo, hi)
        kc = bisect_left(p.starts, cut)
        tail = self._tail(finder, unit, p, lo, hi, cut, kc, margin)
        after_prep = finder._after_preposition
        tail_free = [r for r in tail if not after_prep(r.start, lo)]
        if p.first_free is not None and p.first_free < kc:
            first_free: int | None = p.outer[p.first_free].start
        else:
            first_free = tail_free[0].start if tail_free else None
        subject = p.first_subject if p.first_subject is not None and p.first_subject < hi else None
        if first_free is not None and (subject is None or first_free <= subject):
            return _ids([i for k, i in p.free_firsts if k < kc], tail_free)
        if subject is not None:
            return finder._subject_word(subject)
        if (p.all_firsts and p.all_firsts[0][0] < kc) or tail:
            return _ids([i for k, i in p.all_firsts if k < kc], tail)
        k = bisect_left(p.subjects, hi) - 1
        return finder._subject_word(p.subjects[k]) if k >= 0 else None

    def segment_holding(self, finder: _Finder, commas: list[int], k: int) -> int:
        """The last comma segment [commas[k'] + 1, commas[k' + 1] + 1) with k' <= k that holds an
        actor or a subject word (or crosses a unit's end), else -1: what the search back over the
        segments before a trigger may skip to (each segment read once per Doc)."""
        path = []
        while k >= 0 and k not in self._holds:
            if self._segment_holds(finder, commas[k] + 1, commas[k + 1] + 1):
                self._holds[k] = k
                break
            path.append(k)
            k -= 1
        found = self._holds.get(k, -1) if k >= 0 else -1
        for j in path:
            self._holds[j] = found
        return found

    def _segment_holds(self, finder: _Finder, a: int, b: int) -> bool:
        unit = finder.sents.unit_at(a)
        if unit is None or b > unit.end:
            return True
        exclude = unit.instrument_tokens()
        return any(e.label in ACTOR_TYPES and e.start not in exclude for e in unit.entities_in(a, b)) or any(
            finder._is_subject_word(j) for j in range(a, b))

    def _tail(self, finder: _Finder, unit: Unit, p: _Prefix, lo: int, hi: int, cut: int, kc: int, margin: int) -> list[EntityRef]:
        """The acting refs of [lo, hi) that start at or after `cut`, walked from the prefix's state there."""
        back = cut - margin // 2 - 8  # a name nested in one that starts up to L before; a person 5 tokens before
        window = actor_candidates(unit, max(lo, back), hi, unit.instrument_tokens())
        refs = [r for r in window if r.start >= cut]
        context = [r for r in p.outer[bisect_left(p.starts, back):kc] if r.label == "PERSON"]
        keep, _ = kept_actors(refs, finder.sents, p.states[kc], context)
        return [r for r, k in zip(refs, keep) if k]


def _ids(first: list[str], more: list[EntityRef]) -> list[str]:
    return list(dict.fromkeys([*first, *(r.id for r in more)]))
