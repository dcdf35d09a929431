"""The document kind from many weak cues, per kind and language (tables in tests/corpus/kinds_*.py),
and the evidence that decided it."""

from __future__ import annotations

import pytest
from corpus import kinds_en, kinds_ru

import diplotext
from diplotext.extract.kind.form import CUES
from diplotext.extract.kind.lexicon import cue_weights

CASES = [(t, k, c, "en") for t, k, c in kinds_en.CASES] + [(t, k, c, "ru") for t, k, c in kinds_ru.CASES]


@pytest.mark.parametrize("text,kind,cue,lang", CASES, ids=[f"{lang}-{k}-{c}" for _, k, c, lang in CASES])
def test_kind_and_its_evidence(text: str, kind: str, cue: str, lang: str) -> None:
    st = diplotext.parse(text, lang=lang)
    assert st.kind == kind, st.kind_evidence
    assert cue in st.kind_evidence


def test_every_kind_has_a_case_in_both_languages() -> None:
    wanted = {"joint_statement", "declaration", "communique", "press_release", "news_report", "transcript", "other"}
    assert {k for _, k, _ in kinds_en.CASES} == wanted
    assert {k for _, k, _ in kinds_ru.CASES} == wanted


def test_every_cue_has_weights_and_every_weight_a_cue() -> None:
    weights, default = cue_weights()
    assert sorted(weights) == sorted(name for name, _ in CUES)
    assert default


def test_a_headline_about_a_document_is_not_the_document() -> None:
    st = diplotext.parse("Presidents of Chile and Peru sign joint statement on fisheries\n\nBy Anna Berg\n\n"
                         "The presidents of Chile and Peru signed a joint statement on Monday, according to officials.\n")
    assert st.kind == "news_report"


def test_a_phone_call_named_in_a_joint_statement_title_is_a_noun() -> None:
    st = diplotext.parse("Joint Statement on the Phone Call between the Presidents of Chile and Peru\n\nJune 1, 2024\n\n"
                         "The two presidents spoke on June 1 and agreed to deepen cooperation.\n")
    assert st.kind == "joint_statement"
    assert st.kind_evidence == ["title_names_document"]


def test_no_title_no_body_is_other() -> None:
    from diplotext.extract.kind import Page, decide_kind

    assert decide_kind(Page(None, (), "en")).kind == "other"
