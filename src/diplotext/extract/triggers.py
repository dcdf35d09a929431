"""What events, stances and instruments share: trigger lexicons as data, and the sentence context.

Trigger lexicons (``resources/<lang>/events.json``, ``stances.json``) write each trigger as a
phrase in a small pattern language, compiled once per language into a `TriggerMatcher` (spaCy's
``Matcher`` with ``IN`` sets spends a Python call per token and pattern: three times slower here):

- tokens are separated by spaces; ``a|b|c`` is one token that is any of these words;
- a trailing ``?`` makes a token optional (``official|state|working? visit``);
- ``*`` is any one token (``*?`` any one token or none).

English phrases match the lower-cased text, so the lexicons list the inflected forms; Russian
phrases match the dictionary form that the morphology component writes to ``token.norm_``
(``подписали`` -> ``подписать``), so they list lemmas.

`Sentences` cuts the Doc into units for the rules: spaCy's sentences, cut again at line breaks
(a title without a full stop is not one sentence with the text under it), and indexes in each
unit the resolved entity spans (``doc.spans["diplotext_entities"]``), the instruments and the
dates, by token.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, NamedTuple, cast

import numpy
from spacy.attrs import IDX, IS_SPACE, LOWER, NORM, ORTH, SENT_START
from spacy.tokens import Doc, Token
from spacy.vocab import Vocab

from ..models import DateMention, Span as SpanModel
from ..resources import load_json
from .entities import ENTITIES_KEY
from .vocab_cache import cached_per_vocab

ACTOR_TYPES = ("ORG", "COUNTRY", "PERSON")
MAX_EVIDENCE_CHARS = 1000
"""The longest evidence an event or stance carries: a sentence, or a window of a longer one."""
_QUOTES = frozenset({'"', "“", "«", "„", "'"})


Part = tuple[frozenset[str] | None, bool]
"""One token of a phrase: the words it may be (None: any word), and whether it is optional."""


def compile_phrase(phrase: str) -> list[Part]:
    """One phrase of the lexicon pattern language as a list of parts."""
    parts: list[Part] = []
    for part in phrase.split():
        optional = part.endswith("?") and len(part) > 1
        if optional:
            part = part[:-1]
        words = None if part == "*" else frozenset(w for w in part.split("|") if w)
        parts.append((words, optional))
    return parts


_GENERIC = frozenset("the a an of to in on for with by and their its our his her в во на с о и к".split())


def anchor_index(parts: list[Part]) -> int:
    """The part every match of the phrase contains and that says most: the first required part
    that is not a function word (else the first required part)."""
    required = [i for i, (words, optional) in enumerate(parts) if words is not None and not optional]
    if not required:
        raise ValueError("a phrase needs at least one required word")
    return next((i for i in required if not (parts[i][0] or frozenset()) & _GENERIC), required[0])


def _match(parts: list[Part], k: int, words: list[str], pos: int, limit: int) -> Iterable[int]:
    """End positions of the matches of parts[k:] starting at `pos` (all of them, as spaCy's Matcher)."""
    if k == len(parts):
        yield pos
        return
    allowed, optional = parts[k]
    if optional:
        yield from _match(parts, k + 1, words, pos, limit)
    if pos < limit and (allowed is None or words[pos] in allowed):
        yield from _match(parts, k + 1, words, pos + 1, limit)


@dataclass(frozen=True)
class _Entry:
    """A phrase of a lexicon under one of its anchor words.

    ``least``/``most``: how many parts may stand before the anchor. ``needs``: the word sets of
    the required parts other than the anchor (a Doc without a word of each has no match of the
    phrase). When no part before the anchor is optional (``least == most``: one start per
    anchor), ``checks`` are the required words before the first optional part, at their offsets
    from the start, and ``probe`` the next required word after it, at one of a range of offsets
    (each optional part between takes a token or none): tests every match passes, cheaper than
    the search (`_match`). ``fixed``: no optional part at all, the tests are the match."""

    key: int
    parts: list[Part]
    least: int
    most: int
    fixed: bool
    needs: tuple[frozenset[str], ...]
    checks: tuple[tuple[int, frozenset[str]], ...]
    probe: tuple[int, int, frozenset[str]] | None


def _entry(key: int, parts: list[Part], anchor: int) -> _Entry:
    before = parts[:anchor]
    most = len(before)
    least = sum(1 for _, optional in before if not optional)
    needs = tuple(dict.fromkeys(w for k, (w, optional) in enumerate(parts) if w is not None and not optional and k != anchor))
    checks: list[tuple[int, frozenset[str]]] = []
    probe = None
    if least == most:
        k = 0
        while k < len(parts) and not parts[k][1]:
            allowed = parts[k][0]
            if allowed is not None and k != anchor:
                checks.append((k, allowed))
            k += 1
        gap = k
        while k < len(parts) and parts[k][1]:
            k += 1
        if k < len(parts) and parts[k][0] is not None and k > gap:
            probe = (gap, k, parts[k][0])  # the word of part k lies at an offset in [gap, k]
    fixed = least == most and not any(optional for _, optional in parts)
    return _Entry(key, parts, least, most, fixed, needs, tuple(checks), probe)


class TriggerMatcher:
    """Finds the phrases of a lexicon in a Doc, linear in its length: each phrase is indexed by
    one anchor word, and only tokens that are anchor words start a (tiny) match around them."""

    def __init__(self, entries: Iterable[tuple[int, Sequence[str]]]) -> None:
        self.by_anchor: dict[str, list[_Entry]] = {}
        for key, phrases in entries:
            for phrase in phrases:
                if not phrase.strip():
                    continue
                parts = compile_phrase(phrase)
                a = anchor_index(parts)
                entry = _entry(key, parts, a)
                for w in parts[a][0] or ():
                    self.by_anchor.setdefault(w, []).append(entry)
        self.anchors = frozenset(self.by_anchor)

    def __call__(self, sents: Sentences) -> list[tuple[int, int, int]]:
        words = sents.words()
        by_anchor = self.by_anchor
        found: set[tuple[int, int, int]] = set()
        live: dict[str, list[_Entry]] = {}  # per anchor word, its phrases the Doc has every required word of
        # the anchors the Doc has, by position (among the hits of the Sentences' lexicon)
        for i in sents.where(self.anchors):
            entries = live.get(words[i])
            if entries is None:
                vocab = sents.vocabulary()
                entries = live[words[i]] = [
                    x for x in by_anchor[words[i]] if all(not need.isdisjoint(vocab) for need in x.needs)
                ]
            if not entries:
                continue  # "is" in a Doc without "against", "committed", "concerned", ...
            unit = sents.unit_at(i)
            if unit is None:
                continue
            lo, hi = unit.start, unit.end
            for entry in entries:
                key, parts, least = entry.key, entry.parts, entry.least
                if least == entry.most:
                    # one start: the quick tests first (the anchor is in place), then the match
                    start = i - least
                    if start < lo or (entry.fixed and start + len(parts) > hi):
                        continue
                    for off, allowed in entry.checks:
                        if start + off >= hi or words[start + off] not in allowed:
                            break
                    else:
                        if entry.fixed:
                            found.add((key, start, start + len(parts)))  # what `_match` would yield
                            continue
                        if entry.probe is not None:
                            a, b, allowed = entry.probe
                            for j in range(start + a, min(start + b + 1, hi)):
                                if words[j] in allowed:
                                    break
                            else:
                                continue
                        for end in _match(parts, 0, words, start, hi):
                            if start <= i < end:
                                found.add((key, start, end))
                    continue
                for start in range(max(lo, i - entry.most), i - least + 1):
                    for end in _match(parts, 0, words, start, hi):
                        if start <= i < end:
                            found.add((key, start, end))
        return sorted(found, key=lambda m: (m[1], m[2]))


def build_matcher(lang: str, entries: Iterable[tuple[int, Sequence[str]]]) -> TriggerMatcher:
    """A trigger matcher with one rule per (key, phrases) entry; the key comes back as the match id."""
    return TriggerMatcher(entries)


def lexicon_matcher(name: str, key: str) -> Callable[[Vocab, str], TriggerMatcher]:
    """Per pipeline and language, the trigger matcher of the ``key`` list of
    ``resources/{lang}/{name}.json``: one rule per entry, its index as the match id."""

    def build(vocab: Vocab, lang: str) -> TriggerMatcher:
        entries = load_json(f"{lang}/{name}.json")[key]
        return build_matcher(lang, ((i, e["phrases"]) for i, e in enumerate(entries)))

    return cached_per_vocab(build)


def word(token: Token, lang: str) -> str:
    """The form the lexicons speak of: lower case in English, the dictionary form in Russian."""
    if lang == "ru":
        return (token.norm_ or token.lower_).replace("ё", "е")
    return token.lower_


class EntityRef(NamedTuple):
    """A resolved entity span, by tokens (its text: `Sentences.surface`, made only where a rule
    reads it). A named tuple: a Doc has thousands, made three times faster than a dataclass."""

    id: str
    label: str
    start: int
    end: int


@dataclass(frozen=True)
class InstrumentRef:
    """An instrument mention (named, or a definite anaphor such as 'the treaty')."""

    id: str
    kind: str
    start: int
    end: int
    start_char: int
    end_char: int
    anaphor: bool = False


@dataclass(slots=True)
class Unit:
    """One sentence (cut at line breaks), with what lies in it (where it ends in the text:
    `Sentences.end_of` its last token, asked only of the units that give evidence).

    A Doc has thousands of units and most hold nothing: the entities, instruments and dates are
    an empty tuple until the first is added (`add_entity`, ...), and the indexes computed once
    over them live in a dict made for the units a rule asks (``memo``); so a unit is one object,
    not five for the garbage collector to follow."""

    index: int
    start: int
    end: int
    start_char: int
    entities: Sequence[EntityRef] = ()
    instruments: Sequence[InstrumentRef] = ()
    dates: Sequence[tuple[int, int, DateMention]] = ()
    memo: dict[str, Any] | None = field(default=None, repr=False, compare=False)

    def add_entity(self, ref: EntityRef) -> None:
        if self.entities:
            cast("list[EntityRef]", self.entities).append(ref)
        else:
            self.entities = [ref]

    def add_instrument(self, ref: InstrumentRef) -> None:
        if self.instruments:
            cast("list[InstrumentRef]", self.instruments).append(ref)
        else:
            self.instruments = [ref]

    def add_date(self, date: tuple[int, int, DateMention]) -> None:
        if self.dates:
            cast("list[tuple[int, int, DateMention]]", self.dates).append(date)
        else:
            self.dates = [date]

    def _memo(self) -> dict[str, Any]:
        if self.memo is None:
            self.memo = {}
        return self.memo

    def contains(self, i: int) -> bool:
        return self.start <= i < self.end

    def entities_in(self, lo: int, hi: int) -> list[EntityRef]:
        """The entities inside [lo, hi), in list order: by bisection over their starts when
        the list is in text order (it is, as spaCy's span groups are written), else a scan."""
        starts = self._entity_starts()
        if starts is None:
            return [x for x in self.entities if lo <= x.start and x.end <= hi]
        return [x for x in self.entities[bisect_left(starts, lo):bisect_left(starts, hi)] if x.end <= hi]

    def entities_from(self, lo: int, hi: int) -> Sequence[EntityRef]:
        """The entities that start in [lo, hi), in list order (wherever they end)."""
        starts = self._entity_starts()
        if starts is None:
            return [x for x in self.entities if lo <= x.start < hi]
        return self.entities[bisect_left(starts, lo):bisect_left(starts, hi)]

    def dates_from(self, lo: int, hi: int) -> Sequence[tuple[int, int, DateMention]]:
        """The date mentions that start in [lo, hi), in list order."""
        memo = self._memo()
        cached = memo.get("date_starts")
        if cached is None or cached[0] != len(self.dates):
            starts = [x[0] for x in self.dates]
            cached = (len(self.dates), starts if all(a <= b for a, b in zip(starts, starts[1:])) else None)
            memo["date_starts"] = cached
        starts = cached[1]
        if starts is None:
            return [x for x in self.dates if lo <= x[0] < hi]
        return self.dates[bisect_left(starts, lo):bisect_left(starts, hi)]

    def instrument_starts(self) -> list[int]:
        """The starts of the instrument references (kept in order of start), computed once."""
        memo = self._memo()
        cached = memo.get("instrument_starts")
        if cached is None or cached[0] != len(self.instruments):
            cached = (len(self.instruments), [r.start for r in self.instruments])
            memo["instrument_starts"] = cached
        return cached[1]

    def _entity_starts(self) -> list[int] | None:
        memo = self._memo()
        cached = memo.get("starts")
        if cached is None or cached[0] != len(self.entities):
            starts = [x.start for x in self.entities]
            ordered = all(a <= b for a, b in zip(starts, starts[1:]))
            cached = (len(self.entities), starts if ordered else None)
            memo["starts"] = cached
        return cached[1]

    def instrument_tokens(self) -> set[int]:
        """The tokens inside the instrument references of the unit (computed once)."""
        memo = self._memo()
        cached = memo.get("instrument_tokens")
        if cached is None or cached[0] != len(self.instruments):
            cached = (len(self.instruments), {t for r in self.instruments for t in range(r.start, r.end)})
            memo["instrument_tokens"] = cached
        return cached[1]


_STRINGS: dict[int, tuple[Vocab, dict[int, str]]] = {}
_MAX_STRINGS = 500_000  # a bound on the per-vocab cache (a long run meets ever new words)


def _string_cache(vocab: Vocab) -> dict[int, str]:
    """Per Vocab: string id -> string (a dict lookup is cheaper than the StringStore's)."""
    hit = _STRINGS.get(id(vocab))
    if hit is None or hit[0] is not vocab:
        hit = (vocab, {})
        _STRINGS[id(vocab)] = hit
    if len(hit[1]) > _MAX_STRINGS:
        hit[1].clear()
    return hit[1]


def _strings(hashes: list[int], cache: dict[int, str], vocab: Vocab) -> list[str]:
    """The strings of these ids, through the cache; the ids it lacks (a new text brings a few)
    found by set difference, not by a test per token."""
    try:
        return list(map(cache.__getitem__, hashes))
    except KeyError:
        store = vocab.strings
        for h in set(hashes).difference(cache):
            cache[h] = store[h]
        return list(map(cache.__getitem__, hashes))


@lru_cache(maxsize=256)
def _within(words: frozenset[str], lexicon: frozenset[str]) -> bool:
    """Is `words` a subset of `lexicon` (asked per Doc of the same few sets: answered once)?"""
    return words <= lexicon


class Sentences:
    """The units of a Doc and the index from token to unit.

    The token attributes the hot loops read are read once per Doc into plain lists (``lowers``,
    ``idx``, ``words()``; ``texts`` on first use): a spaCy ``Token`` object per access
    (``doc[i]``) costs more than the rules. `lexicon`: every word the rules look up with
    `where`; one scan finds them all (a few in a hundred tokens), and each lookup filters those
    hits instead of scanning every token again."""

    def __init__(self, doc: Doc, keep: Callable[[int], bool] = lambda _: True, lexicon: frozenset[str] = frozenset()) -> None:
        self.doc = doc
        self.lang = "ru" if doc.lang_ == "ru" else "en"
        self.lexicon = lexicon
        n = len(doc)
        self._cache = cache = _string_cache(doc.vocab)
        self._texts: list[str] | None = None
        self._orths: list[int] | None = None
        self._hits: list[int] | None = None
        self._vocabulary: set[str] | None = None
        self._where: dict[tuple[frozenset[str], frozenset[str]], list[int]] = {}
        self._evidence: dict[tuple[int, int], tuple[str, str]] = {}
        self.units: list[Unit] = []
        self._unit_of: list[int] = [-1] * n  # the index of each token's unit, -1 outside any
        if not n:
            self._lower_ids = numpy.zeros(0, dtype="uint64")
            self.idx, self.lowers, self._words = [], [], []
            for _ in doc.sents:  # none; as spaCy says of a Doc without tokens
                pass
            return
        # no ORTH column: the texts the rules compare with (line breaks, quotes, punctuation)
        # have no case, so their lower case is their text; `texts` reads ORTH on first use
        arr = doc.to_array([LOWER, IDX, SENT_START, IS_SPACE] + ([NORM] if self.lang == "ru" else []))
        self._lower_ids = arr[:, 0]
        self.lowers: list[str] = _strings(arr[:, 0].tolist(), cache, doc.vocab)
        self.idx: list[int] = arr[:, 1].tolist()
        if self.lang == "ru":
            norms = _strings(arr[:, 4].tolist(), cache, doc.vocab)
            self._words: list[str] = [(ns or lw).replace("ё", "е") for ns, lw in zip(norms, self.lowers)]
        else:
            self._words = self.lowers
        if "sents" in doc.user_hooks or not doc.has_annotation("SENT_START"):
            bounds = [(sent.start, sent.end) for sent in doc.sents]
            sent_starts, sent_ends = [b[0] for b in bounds], [b[1] for b in bounds]
        else:
            sent_starts = [0] + (numpy.flatnonzero(arr[1:, 2] == 1) + 1).tolist()
            sent_ends = sent_starts[1:] + [n]
        self._cut(arr[:, 3], sent_starts, sent_ends, keep)
        units, unit_of = self.units, self._unit_of
        if ENTITIES_KEY in doc.spans:
            strings = doc.vocab.strings
            wanted = {strings[label]: label for label in ACTOR_TYPES + ("TREATY", "DOCUMENT")}
            for span in doc.spans[ENTITIES_KEY]:
                k = unit_of[span.start] if span.start < n else -1
                label = wanted.get(span.label)
                if k >= 0 and label is not None:
                    units[k].add_entity(EntityRef(span.kb_id_, label, span.start, span.end))

    def _cut(self, is_space: numpy.ndarray, sent_starts: list[int], sent_ends: list[int], keep: Callable[[int], bool]) -> None:
        """The units: each sentence (in order) cut at its line-break tokens, the pieces stripped of
        space tokens and of an opening quote left at the end, those that `keep` wants."""
        lowers, idx = self.lowers, self.idx
        space_at = numpy.flatnonzero(is_space).tolist()
        spaces = set(space_at)
        breaks = [i for i in space_at if "\n" in lowers[i]]
        units, unit_of = self.units, self._unit_of

        def piece(s: int, e: int) -> None:
            while s < e and s in spaces:
                s += 1
            while e > s and e - 1 in spaces:
                e -= 1
            # an opening quote that the sentencizer left at the end belongs to the next sentence
            while e - s > 1 and lowers[e - 1] in _QUOTES and lowers[e - 2] in (".", "!", "?"):
                e -= 1
            if e > s and keep(idx[s]):
                unit_of[s:e] = [len(units)] * (e - s)
                units.append(Unit(len(units), s, e, idx[s]))

        nb, bi = len(breaks), 0
        for start, end in zip(sent_starts, sent_ends):
            while bi < nb and breaks[bi] < start:
                bi += 1
            while bi < nb and breaks[bi] < end:
                piece(start, breaks[bi])
                start = breaks[bi] + 1
                bi += 1
            piece(start, end)

    def words(self) -> list[str]:
        """Each token's lexicon form (see `word`), computed once per Doc."""
        return self._words

    def where(self, words: frozenset[str], texts: frozenset[str] = frozenset()) -> list[int]:
        """The positions, in order, of the tokens whose lexicon form is in `words` or whose text
        is in `texts` (computed once per Doc and pair of sets): what a rule that looks for the
        nearest such word bisects instead of scanning the sentence. Words of the `lexicon` the
        Sentences were made with are found among its hits, not by a scan of every token."""
        key = (words, texts)
        hit = self._where.get(key)
        if hit is None:
            ws = self._words
            if not words:
                hit = []
            elif _within(words, self.lexicon):
                hit = [i for i in self._lexicon_hits() if ws[i] in words]
            else:
                hit = [i for i, w in enumerate(ws) if w in words]
            if texts:
                hit = sorted(set(hit).union(self._texts_at(texts)))
            self._where[key] = hit
        return hit

    def vocabulary(self) -> set[str]:
        """The lexicon forms the Doc has (made on first use)."""
        if self._vocabulary is None:
            self._vocabulary = set(self._words)
        return self._vocabulary

    def _texts_at(self, texts: frozenset[str]) -> list[int]:
        """The positions of the tokens whose text is in `texts`: by their lower case where a
        text has no case (punctuation: its lower case is itself, and no other text's), an
        array comparison, not a loop over the tokens."""
        store = self.doc.vocab.strings
        out: list[int] = []
        for t in texts:
            if t.lower() == t == t.upper():
                out += (self._lower_ids == store[t]).nonzero()[0].tolist()
            else:
                out += [i for i, h in enumerate(self._orth_ids()) if h == store[t]]
        return out

    def _lexicon_hits(self) -> list[int]:
        """The positions of the tokens whose lexicon form is in `lexicon` (one scan, on first use)."""
        if self._hits is None:
            lexicon = self.lexicon
            self._hits = [i for i, w in enumerate(self._words) if w in lexicon]
        return self._hits

    def surface(self, start: int, end: int) -> str:
        """The text of the tokens [start, end) as the Doc has it (what ``doc[start:end].text`` is)."""
        return self.doc[start:end].text

    @property
    def texts(self) -> list[str]:
        """Each token's text (made on first use)."""
        if self._texts is None:
            self._texts = _strings(self._orth_ids(), self._cache, self.doc.vocab)
        return self._texts

    def _orth_ids(self) -> list[int]:
        if self._orths is None:
            self._orths = self.doc.to_array(ORTH).tolist() if len(self.doc) else []
        return self._orths

    def is_punct(self, i: int) -> bool:
        """Is token i punctuation (the rules ask about a few tokens: no column of them)?"""
        return self.doc[i].is_punct

    def end_of(self, i: int) -> int:
        """Where token i ends in the text (asked of a few tokens: no LENGTH column)."""
        return self.idx[i] + len(self.text_at(i))

    def text_at(self, i: int) -> str:
        """The text of token i: from `texts` once made, else from the Token (the rules read a
        few texts per Doc, fewer than a column of them would cost)."""
        if self._texts is not None:
            return self._texts[i]
        return self.doc[i].text

    def first_in(self, positions: list[int], lo: int, hi: int) -> int | None:
        """The first of `positions` (sorted) in [lo, hi), else None."""
        k = bisect_left(positions, lo)
        return positions[k] if k < len(positions) and positions[k] < hi else None

    def last_in(self, positions: list[int], lo: int, hi: int) -> int | None:
        """The last of `positions` (sorted) in [lo, hi), else None."""
        k = bisect_left(positions, hi) - 1
        return positions[k] if k >= 0 and positions[k] >= lo else None

    def unit_at(self, token_index: int) -> Unit | None:
        """The unit token i belongs to (None outside the Doc or the units)."""
        if 0 <= token_index < len(self._unit_of):
            k = self._unit_of[token_index]
            if k >= 0:
                return self.units[k]
        return None

    def matches_by_unit(self, matcher: TriggerMatcher) -> dict[int, list[tuple[int, int, int]]]:
        """The matcher's longest, non-overlapping matches, grouped by the unit they start in."""
        by_unit: dict[int, list[tuple[int, int, int]]] = {}
        for m in longest_matches(matcher(self)):
            unit = self.unit_at(m[1])
            if unit is not None:
                by_unit.setdefault(unit.index, []).append(m)
        return by_unit

    def add_dates(self, dates: Iterable[DateMention]) -> None:
        """Index date mentions by token (a date belongs to the unit of its first character)."""
        starts = self.idx
        for d in dates:
            i = bisect_right(starts, d.start) - 1
            if i < 0:
                continue
            unit = self.unit_at(i)
            if unit is None:
                continue
            j = max(i + 1, bisect_left(starts, d.end))
            unit.add_date((i, j, d))

    def add_instruments(self, refs: Iterable[InstrumentRef]) -> None:
        """Index instrument references by the unit they start in, kept in order of start."""
        touched: dict[int, Unit] = {}
        for ref in refs:
            unit = self.unit_at(ref.start)
            if unit is not None:
                unit.add_instrument(ref)
                touched[unit.index] = unit
        for unit in touched.values():
            unit.instruments = sorted(unit.instruments, key=lambda r: r.start)

    def evidence(self, unit: Unit, text: str, around: int | None = None) -> SpanModel:
        """The unit as a span; its text sliced once per unit, so that the events and stances of
        one long sentence share one string rather than a copy each.

        A unit longer than `MAX_EVIDENCE_CHARS` (a page with no sentence break) is cut to a
        window of that size around `around` (the trigger's offset): otherwise the JSON would
        repeat the whole page once per event and grow with the square of its length.
        """
        start, end = unit.start_char, self.end_of(unit.end - 1)
        if around is not None and end - start > MAX_EVIDENCE_CHARS:
            start = min(max(start, around - MAX_EVIDENCE_CHARS // 2), end - MAX_EVIDENCE_CHARS)
            end = start + MAX_EVIDENCE_CHARS
        key = (unit.index, start)
        hit = self._evidence.get(key)
        if hit is None or hit[0] is not text:
            hit = (text, text[start:end])
            self._evidence[key] = hit
        return SpanModel(text=hit[1], start=start, end=end)

    def span(self, start: int, end: int, text: str) -> SpanModel:
        s, e = self.idx[start], self.end_of(end - 1)
        return SpanModel(text=text[s:e], start=s, end=e)


def longest_matches(matches: Iterable[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """Non-overlapping matches, longest first, in text order (like spacy.util.filter_spans)."""
    taken: set[int] = set()
    kept = []
    for m in sorted(matches, key=lambda m: (-(m[2] - m[1]), m[1])):
        if any(t in taken for t in range(m[1], m[2])):
            continue
        kept.append(m)
        taken.update(range(m[1], m[2]))
    return sorted(kept, key=lambda m: m[1])
