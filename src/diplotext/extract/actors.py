"""Who acts in a stretch of a sentence: the organizations, countries and persons named there,
less those that only qualify another ('Belarusian President Alexander Lukashenko' acts as the
person, 'the Supreme State Council of the Union State' as the council). Shared by the event and
stance rules.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Container, Sequence

from .sentence_units import ACTOR_TYPES, EntityRef, Sentences, Unit

_INITIALS = re.compile(r"^(?:[A-ZА-ЯЁ]\.){1,2}$")
_TITLE_GAP_AFTER = 4
"""How many title words may stand between a state and the person after it."""
_TITLE_GAP_BEFORE = 5
"""How many may stand between a person and the state after it ('Putin, President of Russia')."""


def outermost(refs: list[EntityRef]) -> list[EntityRef]:
    """`refs` less those inside a longer one, in order: one sweep by start (a test of every pair
    is quadratic in the mentions of a long sentence); none when each starts after the one before
    ends (most often so)."""
    if all(a.end <= b.start for a, b in zip(refs, refs[1:])):
        return refs
    nested: set[int] = set()
    max_end = -1
    order = sorted(range(len(refs)), key=lambda i: (refs[i].start, -refs[i].end))
    k = 0
    while k < len(order):
        span = (refs[order[k]].start, refs[order[k]].end)
        group = [order[k]]
        while k + len(group) < len(order) and (refs[order[k + len(group)]].start, refs[order[k + len(group)]].end) == span:
            group.append(order[k + len(group)])
        if max_end >= span[1]:  # an earlier, different span starts no later and ends no earlier: longer
            nested.update(group)
        max_end = max(max_end, span[1])
        k += len(group)
    return [e for i, e in enumerate(refs) if i not in nested]


def actor_candidates(unit: Unit, lo: int, hi: int, exclude: Container[int]) -> list[EntityRef]:
    """The outermost organizations, countries, persons in [lo, hi), less excluded tokens."""
    # a name nested in a longer one ("Union State" in "Supreme State Council of the Union State") is not an actor
    return outermost([e for e in unit.entities_in(lo, hi) if e.label in ACTOR_TYPES and e.start not in exclude])


def actor_refs(unit: Unit, lo: int, hi: int, exclude: Container[int], sents: Sentences) -> list[EntityRef]:
    """Organizations, countries, persons in [lo, hi), less excluded tokens and person affiliations."""
    refs = actor_candidates(unit, lo, hi, exclude)
    return [e for e, keep in zip(refs, kept_actors(refs, sents)[0]) if keep]


def kept_actors(
    refs: list[EntityRef], sents: Sentences, prev_org: EntityRef | None = None, context: Sequence[EntityRef] = ()
) -> tuple[list[bool], list[EntityRef | None]]:
    """Which of `refs` (candidates, in order) act, and before each of them and after the last the
    organization a next one may only qualify: the state of the walk, so that a walk can go on from
    where another stopped (`prev_org`; `context`: the persons just before `refs`)."""
    persons = [*context, *(e for e in refs if e.label == "PERSON")]
    starts = [p.start for p in persons]
    if any(a > b for a, b in zip(starts, starts[1:])):
        starts = []  # not in text order: scanned, not bisected
    joints = sents.rules.org_joints
    lowers = sents.lowers
    keep: list[bool] = []
    states: list[EntityRef | None] = []
    for e in refs:
        states.append(prev_org)
        if e.label == "ORG" and prev_org is not None and 0 < e.start - prev_org.end <= 2 and all(
            lowers[i] in joints for i in range(prev_org.end, e.start)
        ):
            keep.append(False)  # "Supreme State Council of the Union State": the parent only qualifies
            continue
        prev_org = e if e.label == "ORG" else None
        keep.append(not (e.label == "COUNTRY" and persons and _qualifies_person(e, persons, starts, sents)))
    states.append(prev_org)
    return keep, states


def _qualifies_person(e: EntityRef, persons: list[EntityRef], starts: list[int], sents: Sentences) -> bool:
    """'Belarusian President Alexander Lukashenko', 'President of the Russian Federation, V.V. Putin':
    a state joined to a person by title words only."""
    titles = sents.rules.person_titles
    nxt = _next_person(persons, starts, e.end)
    if nxt is not None and nxt.start - e.end <= _TITLE_GAP_AFTER and all(
        titleish(sents.text_at(i), titles) for i in range(e.end, nxt.start)
    ):
        return True
    prv = _previous_person(persons, starts, e.start)
    return prv is not None and e.start - prv.end <= _TITLE_GAP_BEFORE and all(
        titleish(sents.text_at(i), titles) for i in range(prv.end, e.start)
    )


def _next_person(persons: list[EntityRef], starts: list[int], i: int) -> EntityRef | None:
    """The first person that starts at or after token i (bisected when `starts` is given)."""
    if starts:
        k = bisect_left(starts, i)
        return persons[k] if k < len(persons) else None
    return next((p for p in persons if p.start >= i), None)


def _previous_person(persons: list[EntityRef], starts: list[int], i: int) -> EntityRef | None:
    """The last person that ends at or before token i (one that does starts before it)."""
    upto = bisect_left(starts, i) if starts else len(persons)
    return next((persons[k] for k in range(upto - 1, -1, -1) if persons[k].end <= i), None)


def titleish(text: str, titles: frozenset[str]) -> bool:
    """A word of an office ('President of the'), or initials ('V.V.'), between a state and a person."""
    return text.lower() in titles or bool(_INITIALS.match(text))
