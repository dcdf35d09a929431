"""A long text parsed piece by piece, so that memory stays bounded whatever its length.

A spaCy Doc costs about a hundred bytes per character of its text, and every extractor's working
data grows with it: a 20 MB text held whole peaks at gigabytes. A text longer than
`PIECE_CHARS` is therefore cut at paragraph ends (a blank line; else the end of a line that ends
a sentence, any line end, a sentence end, a space; a hard cut only where 125,000 characters hold
no space at all) into pieces, each parsed on its own and merged into one `Statement`, with every
offset pointing into the whole input (``text[start:end] == value.text`` holds as for a short text).

What each piece's parse sees, in its own working text (`PieceFrame`):

* the head of the document (its first lines: title, date line, letterhead, dateline), so that
  what is read from the start of a text (the publisher's currency, the document's date for
  relative dates, the header judged as header) is read as in the whole;
* the sentences that introduced, in earlier pieces, the persons and organizations named so far
  (a full name, an acronym's definition), up to `CONTEXT_CHARS`, so that a surname alone or an
  acronym later in the text links as it does in one Doc;
* the piece itself, then the first lines after it (so that its last heading is not judged a
  footer).

Only what starts inside the piece itself is kept; what the head and the introductions give again
was reported by the piece it belongs to. Document-level fields (title, kind, date, venue,
parties, language) are those of the first piece, which begins at the start of the text.
Entities are merged by id (mentions in text order, aliases and evidence united, the strongest
confidence), sections numbered again in reading order.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date as Date
from typing import Any, Protocol, TypeVar

from pydantic import BaseModel

from .models import Entity, Event, Mention, Section, Span, Stance, Statement
from .text.normalize import working_text

PIECE_CHARS = 250_000
"""A working text longer than this is parsed in pieces of at most this many characters (a
piece's own Doc then stays near 30 MB; every document of the shared corpus is shorter)."""
HEAD_CHARS = 2_000
"""The head of the document every later piece sees first (cut at a line end, else a space)."""
TAIL_CHARS = 2_000
"""The text after a piece that its parse sees (and reports nothing from)."""
CONTEXT_CHARS = 12_000
"""Room for the sentences that introduced earlier names, in every later piece."""
SNIPPET_REACH = 300
"""How far an introduction's sentence reaches on each side of its name."""
_SEPARATOR = "\n\n"
_RESET = "* * *\n\n"
"""The last line of a piece's prefix: a separator, which ends a speaker's turn begun before it."""

# the cut of a piece, from the best to the worst: the last match in the second half of its window
_CUTS = (
    re.compile(r"\n[ \t\u00a0\u3000]*\n"),  # a blank line: the end of a paragraph
    re.compile(r"[.!?;:)\]\"'»”…]\n"),       # the end of a line that ends a sentence
    re.compile(r"\n"),                        # the end of a line
    re.compile(r"[.!?…][\"'»”)]?\s"),         # the end of a sentence
    re.compile(r"\s"),                        # a space: never inside a word
)
_SENTENCE_END = re.compile(r"[.!?…]\s|\n")


class WorkingText:
    """The working text of a long input made window by window, never whole (20 MB of text is
    40 MB of str in memory, and its working text as much again). `text.normalize.working_text`
    turns each character by itself, a carriage return by the character after it too: a window's
    working text is that of the window and one character more, cut to the window. Only slices
    and the length are asked of it, here and in `pipeline` (the pieces' own texts are strs)."""

    __slots__ = ("text",)

    def __init__(self, text: str) -> None:
        self.text = text

    def __len__(self) -> int:
        return len(self.text)

    def __getitem__(self, window: slice) -> str:
        start, stop, step = window.indices(len(self.text))
        if step != 1:
            raise ValueError("a working text is read in windows, step 1")
        return working_text(self.text[start:stop + 1])[:max(0, stop - start)]


def piece_bounds(work: str | WorkingText, size: int = PIECE_CHARS) -> list[tuple[int, int]]:
    """The [start, end) of the pieces that cover `work`, in order: one piece when it is not
    longer than `size`; else each piece at most `size` long and cut after the last paragraph end
    (or weaker cut, see `_CUTS`) of its second half."""
    bounds, a, n = [], 0, len(work)
    while n - a > size:
        b = _cut(work, a + size // 2, a + size)
        bounds.append((a, b))
        a = b
    bounds.append((a, n))
    return bounds


def _cut(work: str | WorkingText, lo: int, hi: int) -> int:
    """The offset after the best cut in work[lo:hi], or `hi` when it holds no space at all."""
    window = work[lo:hi]
    for pattern in _CUTS:  # none looks behind or anchors: a slice reads as the whole would
        last = None
        for last in pattern.finditer(window):
            pass
        if last is not None:
            return lo + last.end()
    return hi


def _line_end_before(work: str | WorkingText, limit: int) -> int:
    """The end of the last whole line (else the last space) before `limit`, `limit` if none."""
    if limit >= len(work):
        return len(work)
    window = work[0:limit]
    for sep in ("\n", " "):
        at = window.rfind(sep)
        if at > 0:
            return at + 1
    return limit


def _line_end_after(work: str | WorkingText, start: int, reach: int) -> int:
    """The end of the last whole line within `reach` characters after `start` (else a space)."""
    limit = min(len(work), start + reach)
    if limit == len(work):
        return limit
    window = work[start:limit]
    for sep in ("\n", " "):
        at = window.rfind(sep)
        if at >= 0:
            return start + at + 1
    return start


def sentence_around(work: str | WorkingText, start: int, end: int, reach: int = SNIPPET_REACH) -> tuple[int, int]:
    """The [start, end) of the sentence holding work[start:end], cut to `reach` characters on
    each side (at a space, never inside a word)."""
    lo, hi = max(0, start - reach), min(len(work), end + reach)
    window = work[lo:hi]
    left = lo
    for m in _SENTENCE_END.finditer(window, 0, start - lo):
        left = lo + m.end()
    if left == lo and lo > 0:
        space = window.find(" ", 0, start - lo)
        left = lo + space + 1 if space >= 0 else start
    m = _SENTENCE_END.search(window, end - lo, hi - lo)
    if m is not None:
        right = lo + m.start() + 1
    else:
        space = window.rfind(" ", end - lo, hi - lo)
        right = lo + space if space >= 0 else end
    return left, right


@dataclass(frozen=True)
class PieceFrame:
    """Where a piece stands in its parse's working text: `prefix` characters of head and
    introductions, then the input's `start:stop` (the piece up to `end`, then its tail)."""

    prefix: int
    start: int
    end: int
    stop: int

    @property
    def delta(self) -> int:
        """What turns an offset of the piece's parse into one of the input."""
        return self.start - self.prefix

    def owns(self, offset: int) -> bool:
        """Whether an offset of the piece's parse lies in the piece itself."""
        return self.prefix <= offset < self.prefix + self.end - self.start


def frame_texts(text: str, work: str | WorkingText, ranges: Iterable[tuple[int, int]], start: int, end: int) -> tuple[PieceFrame, str, str]:
    """The frame of the piece work[start:end] and its parse's input and working texts: the
    `ranges` of the input (head, introductions) each followed by a blank line, then the piece
    and its tail."""
    ranges = list(ranges)
    stop = _line_end_after(work, end, TAIL_CHARS)
    reset = _RESET if ranges else ""
    head_text = "".join(text[a:b] + _SEPARATOR for a, b in ranges) + reset
    head_work = "".join(work[a:b] + _SEPARATOR for a, b in ranges) + reset
    frame = PieceFrame(len(head_work), start, end, stop)
    return frame, head_text + text[start:stop], head_work + work[start:stop]


_Spanned = TypeVar("_Spanned", Span, Section)


def shifted(value: _Spanned, delta: int, **update: Any) -> _Spanned:
    """`value` (a Span or a Section) moved by `delta` characters, with `update` (as `model_copy`);
    `value` itself when that changes nothing (the models are frozen: it can be shared)."""
    if not delta and not update:
        return value
    return rebuilt(value, start=value.start + delta, end=value.end + delta, **update)


_Model = TypeVar("_Model", bound=BaseModel)


_set_slot = object.__setattr__


def rebuilt(value: _Model, **update: Any) -> _Model:
    """`value.model_copy(update=update)`, sharing its fields set with every value of the same
    fields (see `_shared_fields_set`). Built as pydantic's own `__copy__` builds a copy (its
    `__dict__`, fields set, extra and private slots), unvalidated as `model_copy` is: 1.4 µs a
    Figure against 4.9 for `model_construct`, which a long text calls for every value of every piece."""
    new = object.__new__(type(value))
    _set_slot(new, "__dict__", {**value.__dict__, **update})
    _set_slot(new, "__pydantic_fields_set__", _shared_fields_set(value.__pydantic_fields_set__, update))
    _set_slot(new, "__pydantic_extra__", value.__pydantic_extra__)
    _set_slot(new, "__pydantic_private__", value.__pydantic_private__)
    return new


_FIELD_SETS: dict[frozenset[str], set[str]] = {}
_SHARED: set[int] = set()
"""The ids of the sets in `_FIELD_SETS`, which keeps them alive: an id here is never reused."""


def _shared_fields_set(fields: set[str], update: dict[str, Any]) -> set[str]:
    """One set object for every value of the same fields set: a long text's hundreds of
    thousands of values would each hold a copy (216 bytes, as much as the value's own fields).
    Pydantic only reads it (the models are frozen; `model_copy` copies it before adding to it).
    A value that holds a shared set already, moved without setting a new field, keeps it."""
    if id(fields) in _SHARED and update.keys() <= fields:
        return fields
    key = frozenset(fields.union(update)) if update else frozenset(fields)
    shared = _FIELD_SETS.get(key)
    if shared is None:
        shared = _FIELD_SETS[key] = set(key)
        _SHARED.add(id(shared))
    return shared


def _clipped(span: Span, frame: PieceFrame, text: str) -> Span:
    """A span of the piece's parse as a span of the input, its start kept inside the piece."""
    if span.start >= frame.prefix:
        return shifted(span, frame.delta)
    start = frame.start
    return Span.model_construct(text=text[start:span.end + frame.delta], start=start, end=span.end + frame.delta)


def _anchor(value: Event | Stance) -> int:
    return value.trigger.start if value.trigger is not None else value.evidence.start


def _relation_in_input(value: Any, frame: PieceFrame, text: str) -> Any:
    trigger = shifted(value.trigger, frame.delta) if value.trigger is not None else None
    return rebuilt(value, trigger=trigger, evidence=_clipped(value.evidence, frame, text))


LISTS = ("sections", "dates", "figures", "events", "stances", "removed")
"""The lists of a statement that the pieces give value by value, each in reading order (the
entities, merged by id, are the `Merged` state's own)."""


class PieceSink(Protocol):
    """Where the values of each piece go once they are in the input's offsets: into lists
    (`Collected`, for `parse`), or serialized as they come (`batch.streamed`, for a writer)."""

    def take(self, name: str, values: list[Any]) -> None:
        """The values of one piece for the list `name` (one of `LISTS`), in reading order."""

    def take_mentions(self, entity_id: str, mentions: list[Mention]) -> None:
        """The mentions of one piece for the entity `entity_id`, in reading order."""


@dataclass
class Collected:
    """Every piece's values kept in lists: the parts of one `Statement`."""

    lists: dict[str, list[Any]] = field(default_factory=lambda: {name: [] for name in LISTS})
    mentions: dict[str, list[Mention]] = field(default_factory=dict)

    def take(self, name: str, values: list[Any]) -> None:
        self.lists[name] += values

    def take_mentions(self, entity_id: str, mentions: list[Mention]) -> None:
        self.mentions.setdefault(entity_id, []).extend(mentions)


@dataclass
class Merged:
    """What the pieces have given so far that a later piece or the whole document needs: the
    entities by id (their mentions went to the sink), the sections' count and the last one,
    the introductions."""

    entities: dict[str, Entity] = field(default_factory=dict)
    """Each entity as merged so far, with no mentions: they go to the sink piece by piece."""
    sections: int = 0
    last_section: Section | None = None
    introduced: set[str] = field(default_factory=set)
    intros: list[tuple[int, int]] = field(default_factory=list)
    intro_chars: int = 0
    words: dict[str, str] = field(default_factory=dict)
    """One string for every mention of the same text ('Russia' is named thousands of times)."""
    warnings: list[str] = field(default_factory=list)
    """What the pieces after the first said of themselves (a figure limit reached), once each."""

    def add(self, st: Statement, frame: PieceFrame, text: str, work: str | WorkingText, sink: PieceSink) -> None:
        """The values of one piece's statement that start in the piece itself, into `sink`."""
        own, d = frame.owns, frame.delta
        for e in st.entities:
            mentions = [shifted(m, d, text=self.words.setdefault(m.text, m.text)) for m in e.mentions if own(m.start)]
            if mentions:
                self._add_entity(e, mentions, work)
                sink.take_mentions(e.id, mentions)
        sink.take("dates", [shifted(v, d) for v in st.dates if own(v.start)])
        sink.take("figures", [shifted(v, d) for v in st.figures if own(v.start)])
        sink.take("events", [_relation_in_input(v, frame, text) for v in st.events if own(_anchor(v))])
        sink.take("stances", [_relation_in_input(v, frame, text) for v in st.stances if own(_anchor(v))])
        sections = self._own_sections(st.sections, frame)
        if sections:
            self.sections += len(sections)
            self.last_section = sections[-1]
        sink.take("sections", sections)
        sink.take("removed", [shifted(v, d) for v in st.removed if own(v.start)])

    def _own_sections(self, sections: list[Section], frame: PieceFrame) -> list[Section]:
        """The sections of the piece itself; after the first piece, those before its first heading
        fall under the heading the earlier pieces left open, and no paragraph is the lead."""
        own = [s for s in sections if frame.owns(s.start)]
        if frame.prefix == 0:
            base = self.sections
            return [s if s.index == base + i else shifted(s, 0, index=base + i) for i, s in enumerate(own)]
        last = self.last_section
        heading = None if last is None else (last.text if last.kind == "heading" else last.heading)
        out = []
        for s in own:
            update: dict[str, Any] = {"index": self.sections + len(out)}
            if heading is not False:
                update["heading"] = heading
                heading = False if s.kind == "heading" else heading
            if s.kind == "lead":
                update["kind"] = "paragraph"
            out.append(shifted(s, frame.delta, **update))
        return out

    def _add_entity(self, e: Entity, mentions: list[Mention], work: str | WorkingText) -> None:
        old = self.entities.get(e.id)
        if old is None:
            self.entities[e.id] = rebuilt(e, mentions=[])
        else:
            self.entities[e.id] = old.model_copy(update={
                "aliases": list(dict.fromkeys(old.aliases + e.aliases)),
                "attributes": {**e.attributes, **old.attributes},
                "evidence": sorted(set(old.evidence) | set(e.evidence)),
                "confidence": max(old.confidence, e.confidence),
            })
        if e.type != "COUNTRY" and e.id not in self.introduced:
            self._introduce(e.id, max(mentions, key=lambda m: (len(m.text.split()), len(m.text))), work)

    def _introduce(self, id_: str, mention: Span, work: str | WorkingText) -> None:
        """The sentence of an entity's fullest mention, for the pieces after this one."""
        a, b = sentence_around(work, mention.start, mention.end)
        if self.intro_chars + b - a + len(_SEPARATOR) > CONTEXT_CHARS:
            return
        self.introduced.add(id_)
        self.intros.append((a, b))
        self.intro_chars += b - a + len(_SEPARATOR)


PieceParser = Callable[[Any, "str | Date | None"], Statement]
"""Parses one piece (a `Prepared` with the piece's texts) with a caller's date (or None)."""


def parse_in_pieces(prep: Any, parse_piece: PieceParser, *, date: str | Date | None = None, size: int = PIECE_CHARS) -> Statement:
    """The statement of a long prepared input (`pipeline.Prepared`), parsed piece by piece by
    `parse_piece`; see the module's docstring."""
    collected = Collected()
    shell, entities = merge_pieces(prep, parse_piece, collected, date=date, size=size)
    return shell.model_copy(update={
        **collected.lists,
        "entities": [rebuilt(e, mentions=collected.mentions[id_]) for id_, e in entities.items()],
    })


def merge_pieces(prep: Any, parse_piece: PieceParser, sink: PieceSink, *, date: str | Date | None = None,
                 size: int = PIECE_CHARS) -> tuple[Statement, dict[str, Entity]]:
    """Parse a long prepared input piece by piece, each piece's values into `sink` as it is done.

    Returns the statement's shell (its document fields, parties and warnings, every list of
    `LISTS` and the entities empty) and the entities merged by id, in the order they were first
    met, each without its mentions (which went to `sink`)."""
    text, work = prep.text, prep.work
    bounds = piece_bounds(work, size)
    head = (0, _line_end_before(work, min(HEAD_CHARS, bounds[0][1])))
    merged, first = Merged(), None
    for start, end in bounds:
        ranges = [] if first is None else [head, *merged.intros]
        frame, ptext, pwork = frame_texts(text, work, ranges, start, end)
        piece = dataclasses.replace(prep, text=ptext, work=pwork, warnings=prep.warnings if first is None else ())
        piece_date = date if first is None or date is not None else (first.date.value if first.date else None)
        st = parse_piece(piece, piece_date)
        if first is not None:
            merged.warnings += [w for w in st.warnings if w not in merged.warnings and w not in first.warnings]
        merged.add(st, frame, text, work, sink)
        # the first piece's document fields stay; its values are in the sink
        first = first or rebuilt(st, entities=[], **{name: [] for name in LISTS})
        del st
    return _shell(first, merged, prep, len(bounds), size), merged.entities  # type: ignore[arg-type]


def _shell(first: Statement, merged: Merged, prep: Any, pieces: int, size: int) -> Statement:
    note = (f"the text ({len(prep.work):,} characters) was parsed in {pieces} pieces of at most {size:,} characters, "
            "cut at paragraph ends; each piece read the document's head and the sentences that introduced earlier names")
    parties = [p for p in first.parties if p in merged.entities]
    return first.model_copy(update={
        "source": prep.source,
        "parties": parties,
        "warnings": [*first.warnings, *merged.warnings, note],
    })
