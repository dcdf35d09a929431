"""Stances: table-driven corpora per language (tests/corpus/stances_*.py), the PLOVER mapping, the seeds."""

from __future__ import annotations

import pytest

import diplotext
from corpus import stances_en, stances_ru
from tables import assert_exact
from diplotext.extract.stances import stance_lexicon
from diplotext.models import Stance, Statement

from test_events import _refers

CLASSES = {"support", "welcome", "condemn", "oppose", "call_for", "reaffirm", "commit", "concern", "agree", "reject"}


def _matches(st: Statement, s: Stance, want: dict) -> bool:
    if s.stance != want["stance"]:
        return False
    if any(not _refers(st, a, s.actor) for a in want.get("actor", ())):
        return False
    if any(a in s.actor for a in want.get("not_actor", ())):
        return False
    if "target" in want and want["target"] not in s.target:
        return False
    if any(i not in s.target_ids for i in want.get("target_ids", ())):
        return False
    return True


CASES = [(lang, case) for lang, mod in (("en", stances_en), ("ru", stances_ru)) for case in mod.POSITIVE]
NEGATIVES = [(lang, text, cls) for lang, mod in (("en", stances_en), ("ru", stances_ru)) for text, cls in mod.NEGATIVE]


def _show(st: Statement) -> list[dict]:
    return [_one(s) for s in st.stances]


def _one(s: Stance) -> dict:
    return s.model_dump(include={"actor", "stance", "target", "target_ids"})


@pytest.mark.parametrize("lang,case", CASES, ids=[f"{c[0]}-{c[1][1][0]['stance'] if c[1][1] else 'none'}-{i}" for i, c in enumerate(CASES)])
def test_stances_are_read_exactly(lang: str, case: tuple) -> None:
    """Every expected stance is read, and no other (``may``: a third element, stances allowed either way)."""
    text, wants, *rest = case
    st = diplotext.parse(text, lang=lang)
    assert_exact(st.stances, wants, lambda s, want: _matches(st, s, want), may=rest[0] if rest else (), show=_one)


@pytest.mark.parametrize("lang,text,cls", NEGATIVES, ids=[f"{c[0]}-no-{c[2]}-{i}" for i, c in enumerate(NEGATIVES)])
def test_stance_is_not_read(lang: str, text: str, cls: str) -> None:
    st = diplotext.parse(text, lang=lang)
    assert not [s for s in st.stances if s.stance == cls], _show(st)


def test_trigger_target_and_evidence_slice_back_to_the_input() -> None:
    text = "Title\n\nThe parties condemned the destabilizing actions of NATO countries in Europe."
    st = diplotext.parse(text, lang="en")
    (s,) = st.stances
    assert s.trigger is not None and text[s.trigger.start:s.trigger.end] == s.trigger.text == "condemned"
    assert text[s.evidence.start:s.evidence.end] == s.evidence.text and s.evidence.text.startswith("The parties")
    assert s.target in text and s.target_ids == ["NATO"]
    assert s.plover == "DISAPPROVE"


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_lexicon_maps_every_class_to_a_plover_root(lang: str) -> None:
    lex = stance_lexicon(lang)
    assert set(lex["classes"]) == CLASSES
    plover = {"SUPPORT", "DISAPPROVE", "DEMAND", "AGREE", "REJECT", None}
    for cls, spec in lex["classes"].items():
        assert spec["plover"] in plover, cls
    for t in lex["triggers"]:
        assert t["class"] in CLASSES and t["form"] in ("verb", "noun", "ambiguous", "predicate")
        assert t["phrases"]
    assert stance_lexicon("en")["classes"] == stance_lexicon("ru")["classes"]


def test_the_news_seed_reads_its_key_positions(seed_news: Statement) -> None:
    got = {(s.stance, tuple(s.actor)) for s in seed_news.stances}
    assert ("support", ("RUS",)) in got and ("agree", ("RUS",)) in got
    assert ("condemn", ("parties",)) in got
    condemn_eu = [s for s in seed_news.stances if s.stance == "condemn" and "EU" in s.target_ids]
    assert condemn_eu and "EU" not in condemn_eu[0].actor
    assert not [s for s in seed_news.stances if s.stance == "welcome" and "warm welcome" in s.evidence.text]


def test_every_span_of_events_and_stances_slices_back_to_the_seed(seed_statement: Statement, seed_news: Statement) -> None:
    from conftest import SEED_NEWS, SEED_STATEMENT

    for st, path in ((seed_statement, SEED_STATEMENT), (seed_news, SEED_NEWS)):
        text = path.read_text(encoding="utf-8")
        spans = [x for ev in st.events for x in (ev.trigger, ev.evidence) if x is not None]
        spans += [x for s in st.stances for x in (s.trigger, s.evidence) if x is not None]
        assert spans
        for sp in spans:
            assert text[sp.start:sp.end] == sp.text
        for s in st.stances:
            assert s.target in " ".join(s.evidence.text.split())


def test_they_is_the_speaker_noted_before():
    """'They' after a sentence whose speakers are named (with no stance of its own) is them; a
    speaker named only after the stance is not."""
    st = diplotext.parse(
        "In the joint statement, Vladimir Putin and Alexander Lukashenko noted the progress.\n"
        "They welcomed the agreement on gas supplies.", lang="en"
    )
    assert [s.actor for s in st.stances] == [["PERSON:vladimir-putin", "PERSON:alexander-lukashenko"]]
    st = diplotext.parse(
        "They welcomed the agreement on gas supplies.\n"
        "In the joint statement, Vladimir Putin and Alexander Lukashenko noted the progress.", lang="en"
    )
    assert [s.actor for s in st.stances] == [["parties"]]
