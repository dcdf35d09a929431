"""In a worker process a stream's memory zone spans the chunks it is handed (`span_memory_zones`):
the statements are those of one zone per call, and a zone still ends once it has held a batch's
worth of documents, so that the words it added leave the shared Vocab."""

from __future__ import annotations

import pytest

import diplotext
import diplotext.pipeline as pipeline
from diplotext.nlp import get_nlp


def _texts(n: int, tag: str) -> list[str]:
    return [f"The Presidents of Russia and Belarus met in Minsk on 12 May 2021 ({tag}{i}wordq)." for i in range(n)]


@pytest.fixture
def spanning(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pipeline, "_SPANNING", None)
    list(diplotext.parse_many(_texts(1, "warm")))  # the pipeline's first batch is outside any zone
    pipeline.span_memory_zones()


def test_spanned_zones_give_the_same_statements(spanning: None) -> None:
    calls = [_texts(3, f"c{k}x") for k in range(4)]
    spanned = [st.model_dump_json() for texts in calls for st in diplotext.parse_many(texts)]
    pipeline._SPANNING = None
    plain = [st.model_dump_json() for texts in calls for st in diplotext.parse_many(texts)]
    assert spanned == plain


def test_a_spanned_zone_ends_after_a_batch_of_documents(spanning: None) -> None:
    strings = get_nlp("en").vocab.strings
    list(diplotext.parse_many(_texts(2, "early")))
    assert "early0wordq" in strings  # the zone is still open: the word is there
    for k in range(pipeline.STREAM_BATCH_DOCS // 8 + 1):
        list(diplotext.parse_many(_texts(8, f"later{k}x")))
    assert "early0wordq" not in strings  # the zone that held it has ended
