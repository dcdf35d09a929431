"""The collector paced during a batch: the same output as at Python's default pacing, and the
caller's thresholds back as they were after every call, also after a failure."""

from __future__ import annotations

import gc

import pytest

import diplotext
from diplotext.gc_pacing import YOUNG_THRESHOLD, paced_collector

TEXTS = [
    "Joint Statement of the Presidents of Belarus and Russia\n\nIn 2011 the trade between Belarus and Russia exceeded US$ 38 billion.",
    "Совместное заявление\n\n8 декабря 1999 года в Москве подписан Договор о создании Союзного государства.",
]


@pytest.fixture
def thresholds():  # type: ignore[no-untyped-def]
    old = gc.get_threshold()
    yield old
    gc.set_threshold(*old)


def test_raised_inside_and_put_back(thresholds) -> None:  # type: ignore[no-untyped-def]
    gc.set_threshold(700, 10, 10)
    with paced_collector():
        assert gc.get_threshold() == (YOUNG_THRESHOLD, 10, 10)
    assert gc.get_threshold() == (700, 10, 10)
    with pytest.raises(RuntimeError), paced_collector():
        raise RuntimeError
    assert gc.get_threshold() == (700, 10, 10)


def test_never_lowered_nor_turned_on(thresholds) -> None:  # type: ignore[no-untyped-def]
    for given in [(0, 10, 10), (YOUNG_THRESHOLD * 2, 5, 5)]:
        gc.set_threshold(*given)
        with paced_collector():
            assert gc.get_threshold() == given


def test_the_output_is_that_of_the_default_pacing(thresholds) -> None:  # type: ignore[no-untyped-def]
    paced = [st.model_dump_json() for st in diplotext.parse_many(TEXTS)]
    assert gc.get_threshold() == thresholds
    gc.set_threshold(0)  # the plain twin: the collector as the caller set it (here off, so no pacing applies)
    plain = [diplotext.parse(t).model_dump_json() for t in TEXTS]
    assert paced == plain
    assert gc.get_threshold()[0] == 0


def test_the_caller_runs_at_its_own_pacing_between_results(thresholds) -> None:  # type: ignore[no-untyped-def]
    gc.set_threshold(700, 10, 10)
    for _ in diplotext.parse_many(TEXTS):
        assert gc.get_threshold() == (700, 10, 10)


def test_a_parse_leaves_no_cyclic_garbage() -> None:
    """What a parse makes is freed by reference counting when it ends (no reference cycle keeps a
    Doc and its indexes alive until the collector's next pass, which would cost that pass)."""
    from pathlib import Path

    raw = Path(__file__).resolve().parents[1] / "data" / "raw"
    texts = TEXTS + [p.read_text(encoding="utf-8") for p in sorted(raw.glob("*.txt"))]
    list(diplotext.parse_many(texts))  # the pipelines and their lexicons are built to stay
    gc.collect()
    enabled, flags = gc.isenabled(), gc.get_debug()
    gc.disable()
    gc.set_debug(gc.DEBUG_SAVEALL)
    try:
        for text in texts:
            diplotext.parse(text)
        list(diplotext.parse_many(texts))
        gc.collect()
        left = [type(o).__name__ for o in gc.garbage]
    finally:
        gc.garbage.clear()
        gc.set_debug(flags)
        if enabled:
            gc.enable()
    assert left == []


def test_what_a_block_keeps_goes_to_the_oldest_generation(thresholds) -> None:  # type: ignore[no-untyped-def]
    gc.unfreeze()  # a heap an earlier test froze (the CLI freezes its own) is thawed: nothing is frozen here
    gc.collect()
    with paced_collector():
        kept = [[i] for i in range(1_000)]
    assert gc.get_freeze_count() == 0
    oldest = {id(o) for o in gc.get_objects(2)}
    assert id(kept) in oldest and all(id(x) in oldest for x in kept)


def test_a_frozen_heap_stays_frozen(thresholds) -> None:  # type: ignore[no-untyped-def]
    held = [[1], [2]]  # the caller's objects, frozen with its heap
    gc.collect()
    gc.freeze()  # as a worker freezes its heap after building the pipelines
    try:
        with paced_collector():
            kept = [[i] for i in range(1_000)]
        diplotext.parse(TEXTS[0])
        tracked = {id(o) for o in gc.get_objects()}  # every generation; the frozen are in none
        assert id(held) not in tracked and id(held[0]) not in tracked
        assert id(kept) not in {id(o) for o in gc.get_objects(2)}
    finally:
        gc.unfreeze()


def test_the_callers_cyclic_garbage_is_collected_as_before(thresholds) -> None:  # type: ignore[no-untyped-def]
    """What the caller made before the block is not aged with the block's own objects: garbage
    in a reference cycle, young when the block starts, is collected (not moved out of reach of
    every collection but the rare full one)."""
    import weakref

    gc.unfreeze()  # nothing frozen (see above)
    gc.collect()

    class Node:
        pass

    a, b = Node(), Node()
    a.other, b.other = b, a  # type: ignore[attr-defined]
    probe = weakref.ref(a)
    del a, b  # a cycle: only a collection frees it
    with paced_collector():
        pass
    assert probe() is None
