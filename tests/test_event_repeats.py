"""Which event mentions repeat an earlier event: the filed lookup (`events._Earlier`) answers as
its plain twin (tests/reference/events.py), which compares each mention with every earlier
event, over any sequence of mentions; and a long report of re-mentions stays linear. What an
event reads of a page-long sentence is what its evidence shows."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from reference import events as plain
from timing import least_cpu_seconds

import diplotext
from diplotext.extract.events import _Earlier
from diplotext.models import Event, Span

_EVIDENCE = Span(text="x", start=0, end=1)
_OPTIONAL = [None, "", "a", "b"]
mentions = st.lists(
    st.tuples(
        st.builds(
            lambda type_, actors, place, date, instrument: Event(
                type=type_, actors=actors, place=place, date=date, instrument=instrument, evidence=_EVIDENCE),
            st.sampled_from(["talks", "visit"]), st.lists(st.sampled_from(["RUS", "BLR", "CHN"]), max_size=3),
            st.sampled_from(_OPTIONAL), st.sampled_from(_OPTIONAL), st.sampled_from(_OPTIONAL),
        ),
        st.booleans(),
    ),
    max_size=40,
)


@settings(max_examples=300, deadline=None)
@given(mentions)
def test_the_filed_lookup_answers_as_the_comparison_with_every_earlier_event(seq: list[tuple[Event, bool]]) -> None:
    kept: list[Event] = []
    earlier = _Earlier()
    for ev, definite in seq:
        answer = earlier.repeats(ev, definite)
        assert answer == plain.repeats(ev, kept, definite)
        if not answer:
            kept.append(ev)
            earlier.add(ev)


def _talks(n: int) -> str:
    # each talks of another year: every mention is a new event, to be compared with those before
    return "".join(f"Russia welcomed the talks of the CSTO in {1000 + i}. " + ("\n\n" if i % 5 == 4 else "") for i in range(n))


@pytest.mark.slow
def test_a_report_of_thousands_of_talks_is_parsed_in_linear_time() -> None:
    assert len(diplotext.parse(_talks(300), lang="en").events) >= 150  # the talks are read (the test measures real work)
    small, large = least_cpu_seconds(lambda text: diplotext.parse(text, lang="en"), [_talks(300), _talks(1200)])
    assert large / small < 4 * 1.6, (small, large)


def test_the_evidence_tokens_are_those_inside_the_evidence_window() -> None:
    from diplotext.extract.sentence_units import MAX_EVIDENCE_CHARS, Sentences
    from diplotext.nlp import get_nlp

    filler = " ".join(["and then some more words follow here"] * 40)
    text = "Russia and Belarus said " + filler + " and the talks were held " + filler + " today. Short one."
    doc = get_nlp("en")(text)
    sents = Sentences(doc)
    long, short = sents.units[0], sents.units[-1]
    long_end = sents.end_of(long.end - 1)
    assert long_end - long.start_char > MAX_EVIDENCE_CHARS
    for around in (0, text.index("talks"), len(text) // 2, long_end - 1):
        ev = sents.evidence(long, text, around=around)
        lo, hi = sents.evidence_tokens(long, around)
        inside = [i for i in range(long.start, long.end) if ev.start <= sents.idx[i] < ev.end]
        assert list(range(lo, hi)) == inside and len(inside) > 100
    assert sents.evidence_tokens(short, sents.idx[short.start]) == (short.start, short.end)
