"""Which gazetteer entry is which state's body ('Ministry of Foreign Affairs' of RUS: RF_MFA)."""

from __future__ import annotations

from ..gazetteer import Gazetteer
from .lexicon import StateBody


def known_bodies(gazetteer: Gazetteer, bodies: tuple[StateBody, ...]) -> dict[tuple[str, str], str]:
    """(body key, state id) -> the gazetteer's entry for that body of that state: an
    organization whose parent is the state and whose English name starts with the body's name."""
    out: dict[tuple[str, str], str] = {}
    for entry in gazetteer.entries.values():
        parent = entry.attributes.get("parent")
        state = gazetteer.get(parent) if parent else None
        if entry.type != "ORG" or state is None or state.type != "COUNTRY":
            continue
        names = [n.casefold() for n in (entry.name, *entry.names.get("en", ()))]
        for body in bodies:
            if any(n.startswith(body.name.casefold() + " ") for n in names):
                out.setdefault((body.key, parent), entry.id)
    return out
