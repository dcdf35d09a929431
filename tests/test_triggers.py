"""The shared machinery of the relations layer: the trigger matcher and the Sentences index give
the same answers on their shortcuts (lexicon hits, the readings of phrases) as the plain
definitions they stand for."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as hst

from diplotext.extract.relation_rules import rules_for
from diplotext.extract.sentence_units import EntityRef, Sentences, positions
from diplotext.extract.trigger_lexicon import TriggerMatcher, compile_phrase
from diplotext.nlp import get_nlp
from reference.triggers import match_ends

TEXT = (
    "The presidents signed the Treaty on Friendship in Moscow; they welcomed the agreement, which the "
    "parties concluded, and held official talks.\n\nThe document was noted by both sides: talks, talks and talks."
)


@pytest.fixture(scope="module")
def doc():
    return get_nlp("en")(TEXT)


def _plain_where(sents: Sentences, words: frozenset[str], texts: frozenset[str] = frozenset()) -> list[int]:
    return [i for i, w in enumerate(sents.words()) if w in words or sents.text_at(i) in texts]


@pytest.mark.parametrize(
    ("words", "texts"),
    [
        (frozenset({"talks", "the"}), frozenset()),
        (frozenset({"signed", "nowhere"}), frozenset({";", ":"})),
        (frozenset(), frozenset({","})),
        (frozenset({"document"}), frozenset()),
    ],
)
@pytest.mark.parametrize("lexicon", [frozenset(), frozenset({"talks", "the", "signed", "document"}), frozenset({"talks"})])
def test_where_is_the_same_with_any_lexicon(doc, words, texts, lexicon):
    sents = Sentences(doc, lexicon=lexicon)
    assert sents.where(words, texts) == _plain_where(sents, words, texts)


def _plain_matches(phrases: list[str], sents: Sentences) -> set[tuple[int, int, int]]:
    """Every match of every phrase at every start, within a unit (the definition)."""
    words, out = sents.words(), set()
    for key, phrase in enumerate(phrases):
        parts = compile_phrase(phrase)
        for unit in sents.units:
            for start in range(unit.start, unit.end):
                for end in match_ends(parts, 0, words, start, unit.end):
                    if end > start:
                        out.add((key, start, end))
    return out


def test_matcher_finds_what_the_definition_does(doc):
    phrases = ["held official? talks", "talks", "the parties concluded", "signed * treaty", "talks and talks", "by both? sides"]
    sents = Sentences(doc, lexicon=frozenset({"talks", "held", "concluded", "treaty", "sides", "signed"}))
    got = TriggerMatcher((k, [p]) for k, p in enumerate(phrases))(sents)
    assert set(got) == _plain_matches(phrases, sents)
    assert got == sorted(got, key=lambda m: (m[1], m[2]))
    assert {(k, e - s) for k, s, e in got} >= {(0, 3), (2, 3), (3, 3), (4, 3), (5, 3)}


_PATTERN_PARTS = ["a", "b|c", "a?", "c|d?", "*", "*?", "d"]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    hst.lists(hst.lists(hst.sampled_from(_PATTERN_PARTS), min_size=1, max_size=5), min_size=1, max_size=4),
    hst.lists(hst.sampled_from(["a", "b", "c", "d", ".", "\n"]), max_size=30),
)
def test_the_readings_of_phrases_match_what_their_parts_do(patterns: list[list[str]], tokens: list[str]) -> None:
    phrases = [" ".join(p) for p in patterns if any(not x.endswith("?") and x != "*" for x in p)]
    doc = get_nlp("en")(" ".join(tokens))
    sents = Sentences(doc, lexicon=frozenset("abcd"))
    got = TriggerMatcher((k, [p]) for k, p in enumerate(phrases))(sents)
    assert set(got) == _plain_matches(phrases, sents)
    assert got == sorted(got, key=lambda m: (m[1], m[2]))


@given(hst.lists(hst.sampled_from(["", "a", "b", "ёж", "еж", "x"]), max_size=20), hst.sets(hst.sampled_from(["a", "ёж", "еж", "y"])))
def test_positions_and_folding_are_their_definitions(words: list[str], wanted: set[str]) -> None:
    assert positions(words, wanted) == [i for i, w in enumerate(words) if w in wanted]
    for lang in ("en", "ru"):
        rules = rules_for(lang)
        assert rules.folding_to(words, frozenset(wanted)) == {w for w in set(words) if rules.fold(w) in wanted}


def test_no_unit_outside_the_doc(doc):
    sents = Sentences(doc)
    assert sents.unit_at(-1) is None and sents.unit_at(len(doc)) is None and sents.unit_at(10**6) is None


def _plain_units(doc, keep=lambda _: True) -> list[tuple[int, int]]:
    """The units by their definition: each sentence cut at every token holding a line break,
    pieces stripped of space tokens and of an opening quote left after a full stop."""
    out = []
    for sent in doc.sents:
        start = sent.start
        cuts = [t.i for t in sent if t.is_space and "\n" in t.text] + [sent.end]
        for i in cuts:
            s, e = start, i
            while s < e and doc[s].is_space:
                s += 1
            while e > s and doc[e - 1].is_space:
                e -= 1
            while e - s > 1 and doc[e - 1].text in {'"', "“", "«", "„", "'"} and doc[e - 2].text in (".", "!", "?"):
                e -= 1
            if e > s and keep(doc[s].idx):
                out.append((s, e))
            start = i + 1
    return out


@pytest.mark.parametrize(
    "text",
    [
        TEXT,
        "  \n\nA title without a stop\n  The first sentence. “The second one.” And a third\n\n\n",
        'He said: "We agree." "Then sign." \n \n Done',
        "\n \n",
        "One line only",
    ],
)
def test_units_are_the_sentences_cut_at_line_breaks(text):
    doc = get_nlp("en")(text)

    def keep(offset: int) -> bool:  # some pieces left out, as boilerplate is
        return offset % 7 != 3

    for sents, kept in ((Sentences(doc), lambda _: True), (Sentences(doc, keep), keep)):
        assert [(u.start, u.end) for u in sents.units] == _plain_units(doc, kept)
        for u in sents.units:
            assert u.start_char == doc[u.start].idx and sents.end_of(u.end - 1) == doc[u.end - 1].idx + len(doc[u.end - 1])
            assert all(sents.unit_at(i) is u for i in range(u.start, u.end))
        inside = {i for u in sents.units for i in range(u.start, u.end)}
        assert all(sents.unit_at(i) is None for i in range(len(doc)) if i not in inside)


def test_a_unit_holds_nothing_until_something_is_added(doc):
    sents = Sentences(doc)
    unit = sents.units[0]
    assert unit.entities == () and unit.instruments == () and unit.dates == ()
    assert unit.entities_in(unit.start, unit.end) == [] and list(unit.dates_from(0, len(doc))) == []
    ref = EntityRef("RUS", "COUNTRY", unit.start, unit.start + 1)
    unit.add_entity(ref)
    unit.add_entity(ref._replace(start=unit.start + 2, end=unit.start + 3))
    assert [e.start for e in unit.entities] == [unit.start, unit.start + 2]
    assert unit.entities_in(unit.start + 1, unit.end) == [unit.entities[1]]
    assert sents.units[1].entities == ()  # the empty tuple is shared, never appended to
