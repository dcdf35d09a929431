"""Pieces of two texts paired by what they say, not by where they stand.

Sections are paired in two passes: the same text (whitespace folded) first, then the most
similar pairs by the Dice coefficient of their word sets, each section at most once. Candidate
pairs come from an index of the words (the commonest words, found in many sections, are left
out of it), so the cost grows with the sections' words, not with the product of their counts.
Sentences of two paired sections are compared in order with difflib.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher

WORD = re.compile(r"\w+")
SENTENCE_END = re.compile(r"(?<=[.!?…;])\s+(?=[\"'«“(\[]?[A-ZА-ЯЁ0-9])")
SPACE = re.compile(r"\s+")
SAME_SECTION = 0.5
"""Two sections this similar or more are one section that changed."""
SAME_SENTENCE = 0.5
COMMON_WORD = 0.25
"""A word in more than this share of the sections (and in more than 8) pairs nothing by itself."""


@dataclass(frozen=True)
class Pair:
    """Section `a` of the first text and `b` of the second (None where one has no counterpart)."""

    a: int | None
    b: int | None
    similarity: float


def fold(text: str) -> str:
    return SPACE.sub(" ", text).strip()


def words(text: str) -> set[str]:
    return set(WORD.findall(text.casefold()))


def dice(x: set[str], y: set[str]) -> float:
    if not x and not y:
        return 1.0
    return 2 * len(x & y) / (len(x) + len(y))


def sentences(text: str) -> list[str]:
    """The sentences of a section's text (its own punctuation ends them)."""
    return [s for s in SENTENCE_END.split(fold(text)) if s]


def _exact(a: Sequence[str], b: Sequence[str]) -> dict[int, int]:
    waiting: dict[str, list[int]] = {}
    for j, t in enumerate(b):
        waiting.setdefault(fold(t), []).append(j)
    pairs: dict[int, int] = {}
    for i, t in enumerate(a):
        queue = waiting.get(fold(t))
        if queue:
            pairs[i] = queue.pop(0)
    return pairs


def _similar(a: Sequence[str], b: Sequence[str], taken_a: set[int], taken_b: set[int]) -> dict[int, tuple[int, float]]:
    bag_a = {i: words(t) for i, t in enumerate(a) if i not in taken_a}
    bag_b = {j: words(t) for j, t in enumerate(b) if j not in taken_b}
    index: dict[str, list[int]] = {}
    for j, ws in bag_b.items():
        for w in ws:
            index.setdefault(w, []).append(j)
    common = max(8, int(COMMON_WORD * len(bag_b)))
    scored: list[tuple[float, int, int]] = []
    for i, ws in bag_a.items():
        shared: dict[int, int] = {}
        for w in ws:
            postings = index.get(w, ())
            if len(postings) <= common:
                for j in postings:
                    shared[j] = shared.get(j, 0) + 1
        for j in shared:
            score = dice(ws, bag_b[j])
            if score >= SAME_SECTION:
                scored.append((score, i, j))
    pairs: dict[int, tuple[int, float]] = {}
    used: set[int] = set()
    for score, i, j in sorted(scored, key=lambda s: (-s[0], s[1], s[2])):
        if i not in pairs and j not in used:
            pairs[i] = (j, score)
            used.add(j)
    return pairs


def align_sections(a: Sequence[str], b: Sequence[str]) -> list[Pair]:
    """Every section of `a` and of `b` once, in the order of `b`; a section of `a` with no
    counterpart stands after the section of `a` before it."""
    matched = {i: (j, 1.0) for i, j in _exact(a, b).items()}
    matched.update(_similar(a, b, set(matched), {j for j, _ in matched.values()}))
    by_b = {j: (i, s) for i, (j, s) in matched.items()}
    out: list[Pair] = []
    next_a = 0

    def removed_until(limit: int) -> None:
        nonlocal next_a
        while next_a < limit:
            if next_a not in matched:
                out.append(Pair(next_a, None, 0.0))
            next_a += 1

    for j in range(len(b)):
        if j in by_b:
            i, score = by_b[j]
            removed_until(i)
            out.append(Pair(i, j, score))
        else:
            out.append(Pair(None, j, 0.0))
    removed_until(len(a))
    return out


def sentence_changes(a: str, b: str) -> list[tuple[str, str | None, str | None]]:
    """('changed' | 'removed' | 'added', sentence of a, sentence of b) for each difference."""
    sa, sb = sentences(a), sentences(b)
    out: list[tuple[str, str | None, str | None]] = []
    for op, i1, i2, j1, j2 in SequenceMatcher(None, sa, sb, autojunk=False).get_opcodes():
        if op == "equal":
            continue
        olds, news = sa[i1:i2], sb[j1:j2]
        for k in range(max(len(olds), len(news))):
            old = olds[k] if k < len(olds) else None
            new = news[k] if k < len(news) else None
            if old is not None and new is not None and dice(words(old), words(new)) >= SAME_SENTENCE:
                out.append(("changed", old, new))
                continue
            if old is not None:
                out.append(("removed", old, None))
            if new is not None:
                out.append(("added", None, new))
    return out
