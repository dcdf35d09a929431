"""Plain twin of the events' repeat test, as first written: each mention compared with every
earlier event (`extract.events._Earlier` files them instead; tests/test_event_repeats.py)."""

from __future__ import annotations

from diplotext.models import Event


def repeats(ev: Event, earlier: list[Event], definite: bool) -> bool:
    """A definite re-mention ('the negotiations') that adds nothing to an earlier event."""
    empty = not (ev.actors or ev.place or ev.date or ev.instrument)
    if not definite and not empty:
        return False
    for prev in earlier:
        if (
            prev.type == ev.type
            and set(ev.actors) <= set(prev.actors)
            and ev.place in (None, prev.place)
            and ev.date in (None, prev.date)
            and ev.instrument in (None, prev.instrument)
        ):
            return True
    return False
