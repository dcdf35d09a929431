"""A unit's indexes answer as a scan of its entities does: `Unit.in_longer_actor` (bisected over
the actors sorted by start) against the test of every entity that instruments first made."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from diplotext.extract.sentence_units import ACTOR_TYPES, EntityRef, Unit

refs = st.lists(
    st.tuples(st.sampled_from(["ORG", "COUNTRY", "PERSON", "DATE", "TREATY"]), st.integers(0, 30), st.integers(1, 6)).map(
        lambda t: EntityRef(f"{t[0]}:{t[1]}", t[0], t[1], t[1] + t[2])),
    max_size=12,
)


def _plain(entities: list[EntityRef], s: int, e: int) -> bool:
    return any(ent.label in ACTOR_TYPES and ent.start <= s and e <= ent.end and (ent.end - ent.start) > (e - s) for ent in entities)


@settings(max_examples=500, deadline=None)
@given(refs, st.integers(0, 34), st.integers(1, 5), st.booleans())
def test_inside_a_longer_actor_is_what_a_scan_of_every_entity_says(entities: list[EntityRef], s: int, n: int, ordered: bool) -> None:
    unit = Unit(0, 0, 40, 0)
    for ref in sorted(entities, key=lambda r: r.start) if ordered else entities:
        unit.add_entity(ref)
    assert unit.in_longer_actor(s, s + n) == _plain(list(unit.entities), s, s + n)
    unit.add_entity(EntityRef("ORG:x", "ORG", max(0, s - 1), s + n + 1))  # grown: the index is made again
    assert unit.in_longer_actor(s, s + n) == _plain(list(unit.entities), s, s + n) is True
