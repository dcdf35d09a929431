"""The workers' scheduling against its plain twins (tests/reference/scheduling.py): chunks that
hold every input once, results in the inputs' order whatever order the chunks finish in; and
`parse_many(..., workers=2)` giving what one process gives, in the same order."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from reference.scheduling import in_order, plain_chunks

import diplotext
from diplotext.batch.scheduling import MAX_CHUNK_INPUTS, Ordered, chunk_bytes, plan_chunks, stream_chunks

SIZES = st.lists(st.integers(min_value=0, max_value=2_000_000), max_size=300)


@settings(max_examples=300, deadline=None)
@given(SIZES, st.integers(min_value=1, max_value=8))
def test_the_chunks_hold_every_input_once_as_the_plain_chunks_do(sizes: list[int], workers: int) -> None:
    chunks = plan_chunks(sizes, workers)
    assert sorted(i for c in chunks for i in c) == [i for c in plain_chunks(len(sizes), 7) for i in c]
    assert all(c and len(c) <= MAX_CHUNK_INPUTS for c in chunks)


@settings(max_examples=300, deadline=None)
@given(SIZES, st.integers(min_value=1, max_value=8))
def test_the_largest_inputs_go_first_and_the_rest_in_order(sizes: list[int], workers: int) -> None:
    chunks = plan_chunks(sizes, workers)
    limit = chunk_bytes(sum(sizes), workers)
    big = sorted((i for i, n in enumerate(sizes) if n > limit), key=lambda i: (-sizes[i], i))[: workers * 4]
    assert chunks[: len(big)] == [[i] for i in big]
    rest = [i for c in chunks[len(big):] for i in c]
    assert rest == sorted(rest)
    assert all(sizes[i] <= min(sizes[j] for j in big) for i in rest if big)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.integers(), max_size=200), st.randoms())
def test_results_come_back_in_order_whatever_order_they_arrive_in(values: list[int], rnd) -> None:  # type: ignore[no-untyped-def]
    arrivals = list(enumerate(values))
    rnd.shuffle(arrivals)
    ordered: Ordered[int] = Ordered()
    out: list[int] = []
    for index, value in arrivals:
        ordered.add(index, value)
        out += ordered.ready()
    assert out == in_order(arrivals)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(max_size=50), max_size=100))
def test_a_stream_is_chunked_lazily_in_its_order(items: list[str]) -> None:
    chunks = list(stream_chunks(iter(items), len, limit=60, most=5))
    assert [p for c in chunks for p in c] == list(enumerate(items))
    assert all(1 <= len(c) <= 5 for c in chunks)


TEXTS = sorted((Path(__file__).resolve().parents[2] / "shared" / "corpus" / "kremlin-2021-2022").glob("*.txt"))[:40]


def test_parse_many_in_two_workers_gives_what_one_process_gives(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    items: list = [p.read_text(encoding="utf-8") for p in TEXTS[:20]] + [empty] + TEXTS[20:] + [tmp_path / "missing.txt"]
    one = list(diplotext.parse_many(items, errors="return"))
    two = list(diplotext.parse_many(items, errors="return", workers=2))
    assert [type(x).__name__ for x in two] == [type(x).__name__ for x in one]
    assert [x.model_dump() if isinstance(x, diplotext.Statement) else str(x) for x in two] == \
           [x.model_dump() if isinstance(x, diplotext.Statement) else str(x) for x in one]
