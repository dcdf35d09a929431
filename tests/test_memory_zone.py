"""A stream is parsed in spaCy memory zones (the strings a batch adds to the shared Vocab are
dropped after it): the statements are those of the plain twin, the same stream parsed with no
zone at all, whatever the texts and their order."""

from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import diplotext.pipeline as pipeline
from diplotext.pipeline import parse_stream, prepare

pytestmark = pytest.mark.slow

_SHARED = Path(__file__).resolve().parents[2] / "shared" / "corpus"
_TEXTS = [p.read_text(encoding="utf-8") for d in ("kremlin-2021-2022", "ru-wikinews") for p in sorted((_SHARED / d).glob("*.txt"))[:30]]


@contextmanager
def _no_zone(nlp, *size):  # type: ignore[no-untyped-def]
    yield


def _dumps(texts: list[str]) -> list[str]:
    return [st.model_dump_json() for st in parse_stream((prepare(t) for t in texts), batch_docs=3)]


@pytest.mark.skipif(not _TEXTS, reason="needs the shared corpus")
@settings(max_examples=6, deadline=None)
@given(st.lists(st.sampled_from(range(len(_TEXTS)) if _TEXTS else [0]), min_size=1, max_size=12))
def test_memory_zones_change_no_statement(picks: list[int]) -> None:
    texts = [_TEXTS[i] for i in picks]
    zoned = _dumps(texts)
    plain = pipeline._transient_strings
    pipeline._transient_strings = _no_zone
    try:
        assert zoned == _dumps(texts)
    finally:
        pipeline._transient_strings = plain
