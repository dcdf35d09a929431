"""Resolved spans into the `Entity` objects of a Statement, one per id, in order of first mention."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterable, Sequence

from spacy.tokens import Span

from ...models import Entity, Mention
from ..gazetteer import Gazetteer
from .spans import CONFIDENCE, OPEN_KEY


def in_ranges(ranges: Sequence[tuple[int, int]]) -> Callable[[int], bool]:
    """A test for 'this character offset lies inside one of these sorted, disjoint ranges'."""
    starts = [r[0] for r in ranges]

    def inside(offset: int) -> bool:
        i = bisect_right(starts, offset) - 1
        return i >= 0 and offset < ranges[i][1]

    return inside


def entities_from_spans(
    spans: Iterable[Span], gazetteer: Gazetteer, text: str, keep: Callable[[int], bool] = lambda _: True
) -> list[Entity]:
    """Group resolved spans by id into `Entity` objects, in order of first mention.

    Only mentions in content (`keep`) count. `text` is the original input: mention texts are
    sliced from it, so that they match the input exactly even where the working text unified
    spaces or apostrophes.
    """
    grouped: dict[str, list[Span]] = {}
    open_entities: dict[str, dict] = {}
    for span in spans:
        open_entities = span.doc.user_data.get(OPEN_KEY, {})
        if keep(span.start_char):
            grouped.setdefault(span.kb_id_, []).append(span)
    entities = []
    for id_, group in grouped.items():
        entry = gazetteer.get(id_)
        meta = open_entities.get(id_)
        if entry is not None and not entry.reported:
            continue
        mentions = [Mention(text=text[s.start_char:s.end_char], start=s.start_char, end=s.end_char) for s in group]
        forms = dict.fromkeys(" ".join(m.text.split()) for m in mentions)
        if entry is not None:
            name, type_, attributes = entry.name, entry.type, dict(entry.attributes)
            acronyms = list(entry.acronyms)
        else:
            meta = meta or {}
            type_ = meta.get("type") or group[0].label_
            name = meta.get("name") or _longest(forms)
            attributes = dict(meta.get("attributes") or {})
            acronyms = []
        evidence = sorted({s.id_ or "gazetteer" for s in group})
        confidence = max(CONFIDENCE.get(e, 0.6) for e in evidence) if entry is not None else min(0.7, max(CONFIDENCE.get(e, 0.6) for e in evidence))
        aliases = list(dict.fromkeys([*acronyms, *(f for f in forms if f != name)]))
        entities.append(
            Entity(
                id=id_,
                type=type_,
                name=name,
                aliases=aliases,
                attributes=attributes,
                confidence=confidence,
                evidence=evidence,
                mentions=mentions,
            )
        )
    return entities


def _longest(forms: dict[str, None]) -> str:
    return max(forms, key=len)
