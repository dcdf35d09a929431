"""The entity resolver's filters, each alone: given the readings the steps before it chose, what
it keeps. And the per-language registry the entity stage selects its rules from."""

from __future__ import annotations

import pytest
from spacy.tokens import Span

from diplotext.extract.entities import FILTERS, Resolution
from diplotext.extract.entities.filters import inner_names, known_extended, longest
from diplotext.extract.entities.languages import REGISTRY, rules_for
from diplotext.extract.entities.linking import link_acronyms, link_surnames
from diplotext.extract.entities.support import supported_readings
from diplotext.errors import LanguageError
from diplotext.lang import LANGUAGES
from diplotext.nlp import get_nlp


def before(step: str, text: str, lang: str = "en") -> tuple[object, Resolution]:
    """The matcher and the resolution as they reach the filter named `step`."""
    nlp = get_nlp(lang)
    component = nlp.get_pipe("diplotext_entities")
    doc = nlp(text)
    r = component.resolver.candidates(doc, text)
    for name, f in FILTERS:
        if name == step:
            return component.matcher, r
        r.chosen = f(component.matcher, r)
    raise AssertionError(f"no filter {step}")


def readings(spans: list[Span]) -> set[tuple[str, str, str]]:
    return {(s.text, s.label_, s.kb_id_) for s in spans}


def test_the_filters_run_in_their_order() -> None:
    assert [name for name, _ in FILTERS] == [
        "longest_readings", "supported_readings", "known_extended", "state_bodies", "inner_names", "link_acronyms", "link_surnames",
    ]


def test_longest_keeps_the_longest_reading_and_on_a_tie_the_strongest_evidence() -> None:
    _, r = before("longest_readings", "The Parliamentary Assembly of the Union of Belarus and Russia met.")
    kept = readings(longest(r.candidates))
    assert ("Parliamentary Assembly of the Union of Belarus and Russia", "ORG", "UNION_STATE_PA") in kept
    assert not any(label == "COUNTRY" for _, label, _ in kept)
    doc = r.doc
    weak = Span(doc, 7, 8, label="COUNTRY", kb_id="BLR", span_id="capital")
    strong = Span(doc, 7, 8, label="COUNTRY", kb_id="BLR", span_id="gazetteer")
    assert [s.id_ for s in longest([weak, strong])] == ["gazetteer"]


@pytest.mark.parametrize("text,kept", [
    ("Minsk and Moscow share views.", {"BLR", "RUS"}),
    ("The talks were held in Moscow.", set()),
    ("It cost ten US dollars.", set()),
    ("The US and Russia agreed.", {"USA", "RUS"}),
])
def test_supported_readings_keep_capitals_that_act_and_states_that_are_no_currency(text: str, kept: set[str]) -> None:
    m, r = before("supported_readings", text)
    assert {s.kb_id_ for s in supported_readings(m, r) if s.label_ == "COUNTRY"} == kept


def test_supported_readings_keep_a_short_name_whose_parent_the_document_names() -> None:
    m, r = before("supported_readings", "The UN and its Security Council met.")
    assert "UNSC" in {s.kb_id_ for s in supported_readings(m, r)}
    m, r = before("supported_readings", "The company's Security Council met.")
    assert "UNSC" not in {s.kb_id_ for s in supported_readings(m, r)}


def test_known_extended_gives_a_known_body_its_id_unless_another_state_is_named() -> None:
    m, r = before("known_extended", "The Presidential Executive Office of the Kyrgyz Republic met.")
    out = known_extended(m, r)
    assert not any(s.kb_id_ == "RF_PA" for s in out) and r.foreign


def test_inner_names_report_the_states_inside_an_organization() -> None:
    m, r = before("inner_names", "The Parliamentary Assembly of the Union of Belarus and Russia met.")
    assert {s.kb_id_ for s in inner_names(m, r)} >= {"UNION_STATE_PA", "BLR", "RUS"}
    assert {s.kb_id_ for s in r.chosen} == {"UNION_STATE_PA"}  # the filter returns, it does not change


def test_link_acronyms_gives_every_later_acronym_the_long_names_id() -> None:
    m, r = before("link_acronyms", "The Interstate Foundation for Humanitarian Cooperation (IFHC) met. The IFHC agreed.")
    out = link_acronyms(m, r)
    ids = {s.text: s.kb_id_ for s in out}
    assert ids["IFHC"] == ids["Interstate Foundation for Humanitarian Cooperation"] == "ORG:interstate-foundation-for-humanitarian-cooperation"
    assert sum(s.text == "IFHC" for s in out) == 2


def test_link_surnames_gives_a_later_surname_the_full_names_id() -> None:
    m, r = before("link_surnames", "Foreign Minister Ivan Zhukovsky arrived. Zhukovsky said so.")
    assert not any(s.text == "Zhukovsky" for s in r.chosen)
    out = link_surnames(m, r)
    assert [(s.text, s.kb_id_) for s in out if s.label_ == "PERSON"] == [
        ("Ivan Zhukovsky", ""), ("Zhukovsky", "PERSON:ivan-zhukovsky")]


def test_link_surnames_in_russian_finds_every_case_of_the_surname() -> None:
    m, r = before("link_surnames", "Министр Иван Петров прибыл. Петрову показали город.", "ru")
    out = link_surnames(m, r)
    assert ("Петрову", "PERSON:иван-петров") in {(s.text, s.kb_id_) for s in out}


def test_every_language_has_entity_rules() -> None:
    assert tuple(REGISTRY) == LANGUAGES
    with pytest.raises(LanguageError):
        rules_for("de")
