"""What changed between two statements: sections, entities, figures, stances and events.

Sections are paired by content (`align`), so a point moved or renumbered is the same point.
Facts are compared as values, not as offsets: an entity by its id, a figure by what it
measures and its value, an event by its type, actors, instrument, place and date. A stance
is one change when only its target (or only its kind) changed: the same actor supporting a
reworded target is not a removal and an addition.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Hashable, Sequence
from os import PathLike
from pathlib import Path
from typing import Any, Generic, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, ValidationError, computed_field

from ..errors import DiplotextError
from ..models import Event, Figure, JsonDecimal, Stance, Statement
from .align import align_sections, dice, fold, sentence_changes, words

SIMILAR_TARGET = 0.3
"""Two targets of one actor's stance this similar (by words) or sharing an entity are one target reworded."""

T = TypeVar("T")


class DiffInputError(DiplotextError):
    """An input of a diff is neither a text nor a diplotext JSON output."""


class _Frozen(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class DocumentRef(_Frozen):
    """Which statement a side of the diff is."""

    path: str | None
    title: str | None
    date: str | None
    kind: str


class SentenceChange(_Frozen):
    op: Literal["changed", "added", "removed"]
    a: str | None = None
    b: str | None = None


class SectionChange(_Frozen):
    """One section of either side: its counterpart on the other, and how it changed."""

    status: Literal["same", "changed", "added", "removed"]
    a: int | None = None
    """The section's index in the first statement."""
    b: int | None = None
    similarity: float = 0.0
    a_text: str | None = None
    b_text: str | None = None
    sentences: list[SentenceChange] = []


class EntityRef(_Frozen):
    id: str
    type: str
    name: str


class FigureRef(_Frozen):
    text: str
    value: JsonDecimal
    kind: str
    currency: str | None = None
    unit: str | None = None
    measure: str | None = None
    year: str | None = None


class StanceRef(_Frozen):
    actor: list[str]
    stance: str
    target: str
    target_ids: list[str] = []


class StanceChange(_Frozen):
    a: StanceRef
    b: StanceRef
    fields: list[str]
    """What differs: 'target', 'target_ids', 'stance'."""


class EventRef(_Frozen):
    type: str
    actors: list[str] = []
    instrument: str | None = None
    place: str | None = None
    date: str | None = None


class Changes(_Frozen, Generic[T]):
    added: list[T] = []
    removed: list[T] = []


class StanceChanges(Changes[StanceRef]):
    changed: list[StanceChange] = []


class StatementDiff(_Frozen):
    """The difference of statement `a` (before) and `b` (after)."""

    a: DocumentRef
    b: DocumentRef
    sections: list[SectionChange]
    entities: Changes[EntityRef]
    figures: Changes[FigureRef]
    stances: StanceChanges
    events: Changes[EventRef]

    @computed_field  # type: ignore[prop-decorator]
    @property
    def empty(self) -> bool:
        """True when nothing differs: every section the same, no fact added, dropped or changed."""
        facts = (self.entities, self.figures, self.stances, self.events)
        return all(s.status == "same" for s in self.sections) and not any(c.added or c.removed for c in facts) \
            and not self.stances.changed

    def counts(self) -> dict[str, int]:
        """How many sections are same / changed / added / removed."""
        out = dict.fromkeys(("same", "changed", "added", "removed"), 0)
        for s in self.sections:
            out[s.status] += 1
        return out


def load_statement(item: Statement | str | PathLike[str]) -> Statement:
    """A Statement as given, read from a JSON output of `convert`, or parsed from a text file."""
    if isinstance(item, Statement):
        return item
    path = Path(item)
    if not path.is_file():
        raise DiffInputError(f"{path}: no such file")
    if path.suffix == ".jsonl":
        raise DiffInputError(f"{path}: a JSONL file holds many statements; diff two NAME.json outputs or two texts")
    if path.suffix == ".json":
        try:
            return Statement.model_validate_json(path.read_bytes())
        except ValidationError as exc:
            raise DiffInputError(f"{path}: not a diplotext JSON output ({exc.error_count()} errors)") from exc
    from ..pipeline import parse_path

    return parse_path(path)


def _ref(st: Statement) -> DocumentRef:
    return DocumentRef(path=st.source.path, title=st.title, date=st.date.value if st.date else None, kind=st.kind)


def _sections(a: Statement, b: Statement) -> list[SectionChange]:
    ta, tb = [s.text for s in a.sections], [s.text for s in b.sections]
    out = []
    for p in align_sections(ta, tb):
        if p.b is None:
            out.append(SectionChange(status="removed", a=p.a, a_text=ta[p.a]))  # type: ignore[index]
        elif p.a is None:
            out.append(SectionChange(status="added", b=p.b, b_text=tb[p.b]))
        elif fold(ta[p.a]) == fold(tb[p.b]):
            out.append(SectionChange(status="same", a=p.a, b=p.b, similarity=1.0))
        else:
            changes = [SentenceChange(op=op, a=x, b=y) for op, x, y in sentence_changes(ta[p.a], tb[p.b])]  # type: ignore[arg-type]
            out.append(SectionChange(status="changed", a=p.a, b=p.b, similarity=round(p.similarity, 3),
                                     a_text=ta[p.a], b_text=tb[p.b], sentences=changes))
    return out


def _multiset(a: Sequence[Any], b: Sequence[Any], key: Callable[[Any], Hashable]) -> tuple[list[Any], list[Any]]:
    """Items of `a` not in `b` and of `b` not in `a`, counting repeats, in their order."""

    def rest(xs: Sequence[Any], ys: Sequence[Any]) -> list[Any]:
        left = Counter(key(y) for y in ys)
        out = []
        for x in xs:
            k = key(x)
            if left[k]:
                left[k] -= 1
            else:
                out.append(x)
        return out

    return rest(a, b), rest(b, a)


def _figure(f: Figure) -> FigureRef:
    return FigureRef(text=f.text, value=f.value, kind=f.kind, currency=f.currency, unit=f.unit, measure=f.measure,
                     year=f.year)


def _figure_key(f: Figure) -> Hashable:
    return f.measure, f.kind, f.currency, f.unit, f.year, f.value, f.change, f.target


def _event(e: Event) -> EventRef:
    return EventRef(type=e.type, actors=sorted(set(e.actors)), instrument=e.instrument, place=e.place, date=e.date)


def _stance(s: Stance) -> StanceRef:
    return StanceRef(actor=sorted(set(s.actor)), stance=s.stance, target=fold(s.target), target_ids=sorted(set(s.target_ids)))


def _pair_stances(removed: list[StanceRef], added: list[StanceRef], same: Callable[[StanceRef, StanceRef], bool],
                  fields: Callable[[StanceRef, StanceRef], list[str]]) -> list[StanceChange]:
    changed = []
    for r in list(removed):
        best = max((x for x in added if same(r, x)), default=None,
                   key=lambda x: dice(words(r.target), words(x.target)))
        if best is not None:
            changed.append(StanceChange(a=r, b=best, fields=fields(r, best)))
            removed.remove(r)
            added.remove(best)
    return changed


def _target_fields(r: StanceRef, x: StanceRef) -> list[str]:
    return ["target", *(["target_ids"] if r.target_ids != x.target_ids else [])]


def _stances(a: Statement, b: Statement) -> StanceChanges:
    sa, sb = [_stance(s) for s in a.stances], [_stance(s) for s in b.stances]
    removed, added = _multiset(sa, sb, key=lambda s: (tuple(s.actor), s.stance, s.target.casefold()))

    def reworded(r: StanceRef, x: StanceRef) -> bool:
        return r.actor == x.actor and r.stance == x.stance and (
            bool(set(r.target_ids) & set(x.target_ids)) or dice(words(r.target), words(x.target)) >= SIMILAR_TARGET)

    def restated(r: StanceRef, x: StanceRef) -> bool:
        return r.actor == x.actor and r.target.casefold() == x.target.casefold()

    changed = _pair_stances(removed, added, reworded, _target_fields)
    changed += _pair_stances(removed, added, restated, lambda r, x: ["stance"])
    return StanceChanges(added=added, removed=removed, changed=changed)


def diff_statements(a: Statement | str | PathLike[str], b: Statement | str | PathLike[str]) -> StatementDiff:
    """The difference of two statements (Statements, JSON outputs or text files)."""
    sa, sb = load_statement(a), load_statement(b)
    ents_a = {e.id: EntityRef(id=e.id, type=e.type, name=e.name) for e in sa.entities}
    ents_b = {e.id: EntityRef(id=e.id, type=e.type, name=e.name) for e in sb.entities}
    fig_removed, fig_added = _multiset(sa.figures, sb.figures, _figure_key)
    ev_removed, ev_added = _multiset([_event(e) for e in sa.events], [_event(e) for e in sb.events],
                                    key=lambda e: (e.type, tuple(e.actors), e.instrument, e.place, e.date))
    return StatementDiff(
        a=_ref(sa), b=_ref(sb), sections=_sections(sa, sb),
        entities=Changes[EntityRef](added=[v for k, v in ents_b.items() if k not in ents_a],
                                    removed=[v for k, v in ents_a.items() if k not in ents_b]),
        figures=Changes[FigureRef](added=[_figure(f) for f in fig_added], removed=[_figure(f) for f in fig_removed]),
        stances=_stances(sa, sb),
        events=Changes[EventRef](added=ev_added, removed=ev_removed),
    )
