"""The counts a corpus report draws: documents by kind and year, the most named entities per
year, figure timelines per measure, and who took which stance on whom."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from .corpus import Corpus
from .timeline import Timeline, build_timeline

TOP_ENTITIES = 8
TOP_MEASURES = 6
TOP_STANCES = 4
MATRIX_SIDE = 10
OUTLIERS = 0.01
"""The share of dated documents at each end of the time axis that charts leave out (stray dates)."""


@dataclass
class StanceMatrix:
    """Stances of one kind: actors (rows) x targets (columns), counted."""

    stance: str
    actors: list[str]
    targets: list[str]
    counts: list[list[int]]
    total: int


@dataclass
class CorpusStats:
    documents: int
    undated: int
    kinds_by_year: dict[str, dict[str, int]]
    """kind -> year -> documents."""
    years: tuple[int, int] | None = None
    """The years the charts cover; documents outside are counted in `outside`."""
    outside: int = 0
    entities: dict[str, Timeline] = field(default_factory=dict)
    """'ORG' / 'COUNTRY' -> the timeline of the most named of that type."""
    measures: dict[str, Timeline] = field(default_factory=dict)
    stances: list[StanceMatrix] = field(default_factory=list)


def year_window(corpus: Corpus) -> tuple[tuple[int, int] | None, int]:
    """The years of the dated documents without the rarest 1% at either end, and how many
    documents fall outside them."""
    years = sorted(int(d.year) for d in corpus.documents if d.year)
    if not years:
        return None, 0
    cut = int(len(years) * OUTLIERS)
    low, high = years[cut], years[len(years) - 1 - cut]
    return (low, high), sum(1 for y in years if not low <= y <= high)


def _in_window(rows: list[dict[str, Any]], window: tuple[int, int] | None) -> list[dict[str, Any]]:
    return [r for r in rows if window is None or window[0] <= r["year"] <= window[1]]


def kinds_by_year(corpus: Corpus) -> tuple[dict[str, dict[str, int]], int]:
    out: dict[str, dict[str, int]] = {}
    undated = 0
    for d in corpus.documents:
        if d.year is None:
            undated += 1
            continue
        years = out.setdefault(d.statement.kind, {})
        years[d.year] = years.get(d.year, 0) + 1
    ordered = sorted(out, key=lambda k: -sum(out[k].values()))
    return {k: out[k] for k in ordered}, undated


def _subset(tl: Timeline, rows: list[dict[str, Any]]) -> Timeline:
    return Timeline(tl.of, tl.by, tl.columns, rows, 0)


def top_entities(corpus: Corpus, window: tuple[int, int] | None = None) -> dict[str, Timeline]:
    """The organizations and the countries named by the most documents, per year."""
    tl = build_timeline(corpus, "entities")
    tl.rows = _in_window(tl.rows, window)
    out = {}
    for type_ in ("ORG", "COUNTRY"):
        docs: Counter[str] = Counter()
        for r in tl.rows:
            if r["type"] == type_:
                docs[r["entity"]] += r["documents"]
        top = {e for e, _ in docs.most_common(TOP_ENTITIES)}
        out[type_] = _subset(tl, [r for r in tl.rows if r["entity"] in top])
    return out


def measure_timelines(corpus: Corpus, window: tuple[int, int] | None = None) -> dict[str, Timeline]:
    """One figures timeline for each of the measures reported by the most documents: levels
    (not changes, not targets) of money and quantities (percentages are not added up)."""
    tl = build_timeline(corpus, "figures")
    tl.rows = [r for r in _in_window(tl.rows, window) if r["basis"] == "level" and r["kind"] != "percent"]
    docs: Counter[str] = Counter()
    for r in tl.rows:
        docs[r["measure"]] += r["documents"]
    return {m: _subset(tl, [r for r in tl.rows if r["measure"] == m]) for m, _ in docs.most_common(TOP_MEASURES)}


def stance_matrices(corpus: Corpus) -> list[StanceMatrix]:
    """For the commonest kinds of stance: the most frequent actors x targets (entity ids)."""
    cells: dict[str, Counter[tuple[str, str]]] = {}
    for d in corpus.documents:
        parties = d.statement.parties
        for s in d.statement.stances:
            actors = sorted({p for a in s.actor for p in (parties if a == "parties" and parties else [a])})
            for target in sorted(set(s.target_ids)):
                cells.setdefault(s.stance, Counter())[(",".join(actors) or "?", target)] += 1
    ranked = sorted(cells, key=lambda k: -sum(cells[k].values()))[:TOP_STANCES]
    out = []
    for kind in ranked:
        c = cells[kind]
        by_actor: Counter[str] = Counter()
        by_target: Counter[str] = Counter()
        for (a, t), n in c.items():
            by_actor[a] += n
            by_target[t] += n
        actors = [a for a, _ in by_actor.most_common(MATRIX_SIDE)]
        targets = [t for t, _ in by_target.most_common(MATRIX_SIDE)]
        counts = [[c.get((a, t), 0) for t in targets] for a in actors]
        out.append(StanceMatrix(kind, actors, targets, counts, sum(c.values())))
    return out


def corpus_stats(corpus: Corpus) -> CorpusStats:
    kinds, undated = kinds_by_year(corpus)
    window, outside = year_window(corpus)
    if window is not None:
        kinds = {k: {y: n for y, n in years.items() if window[0] <= int(y) <= window[1]} for k, years in kinds.items()}
    return CorpusStats(documents=len(corpus.documents), undated=undated, kinds_by_year=kinds, years=window,
                       outside=outside, entities=top_entities(corpus, window), measures=measure_timelines(corpus, window),
                       stances=stance_matrices(corpus))
