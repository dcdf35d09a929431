"""Evidence stays bounded: a page with no sentence break must not be repeated once per event."""

from __future__ import annotations

import diplotext
from diplotext.extract.sentence_units import MAX_EVIDENCE_CHARS

CLAUSE = "Belarus and Russia condemned the sanctions policy of the European Union, and the presidents held talks in Moscow "


def test_short_sentences_keep_their_whole_sentence_as_evidence() -> None:
    text = "The presidents held talks in Moscow. Russia supports the priorities of Belarus."
    st = diplotext.parse(text)
    assert st.events and st.stances
    for r in [*st.events, *st.stances]:
        assert r.evidence.text in ("The presidents held talks in Moscow.", "Russia supports the priorities of Belarus.")


def test_evidence_of_a_huge_sentence_is_a_window_around_its_trigger() -> None:
    text = CLAUSE * 200  # about 22,000 characters, one sentence
    st = diplotext.parse(text)
    assert len(st.events) + len(st.stances) > 200
    for r in [*st.events, *st.stances]:
        ev = r.evidence
        assert ev.end - ev.start <= MAX_EVIDENCE_CHARS
        assert text[ev.start:ev.end] == ev.text
        assert ev.start <= r.trigger.start and r.trigger.end <= ev.end
