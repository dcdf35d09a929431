"""Entities: the table-driven corpora (tests/corpus/entities_*.py), the spaCy components, the
resolver's rules, and the shape of every reported entity."""

from __future__ import annotations

import pytest
import spacy
from corpus import entities_en, entities_ru
from tables import assert_exact

import diplotext
from diplotext.extract.entities import CANDIDATES_KEY, ENTITIES_KEY, OPEN_KEY
from diplotext.models import Entity

CORPORA = {"en": entities_en, "ru": entities_ru}


KINDS = ("ORG", "COUNTRY", "PERSON")
"""The kinds the tables cover (treaties and documents have their own tables)."""


def entities(text: str, lang: str) -> list[Entity]:
    return diplotext.parse(text, lang=lang).entities


def matches(e: Entity, want: tuple[str, str | None]) -> bool:
    """An expected (type, id or name): an id is matched exactly, a name (for open-world
    entities, whose id is generated) against the entity's name; None: any entity of the type."""
    type_, key = want
    return e.type == type_ and (key is None or key in (e.id, e.name))


def show(e: Entity) -> tuple[str, str, str]:
    return (e.type, e.id, e.name)


def _cases(kind: str) -> list[tuple]:
    return [(lang, *case) for lang, mod in CORPORA.items() for case in getattr(mod, kind)]


@pytest.mark.parametrize("lang,text,expected", _cases("POSITIVE"))
def test_positive(lang: str, text: str, expected: list[tuple[str, str]]) -> None:
    """Exactly the entities listed: none missing, none extra."""
    found = [e for e in entities(text, lang) if e.type in KINDS]
    assert_exact(found, expected, matches, show=show)


@pytest.mark.parametrize("lang,text,unexpected", _cases("NEGATIVE"))
def test_negative(lang: str, text: str, unexpected: list[tuple[str, str | None]]) -> None:
    """None of the entities listed (the sentence may name others)."""
    ents = entities(text, lang)
    wrong = [w for w in unexpected if any(matches(e, w) for e in ents)]
    assert not wrong, f"unexpected {wrong}; got {[show(e) for e in ents]}"


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_corpus_has_both_polarities(lang: str) -> None:
    assert len(CORPORA[lang].POSITIVE) >= 20 and len(CORPORA[lang].NEGATIVE) >= 5


def test_every_entity_has_id_type_name_evidence_and_offsets() -> None:
    text = "Foreign Minister Ivan Zhukovsky and the Shanghai Cooperation Organization (SCO) met in Minsk. Belarus and the SCO agreed."
    st = diplotext.parse(text)
    assert st.entities
    for e in st.entities:
        assert e.id and e.type in ("ORG", "COUNTRY", "PERSON") and e.name and e.evidence
        assert 0 < e.confidence <= 1
        for m in e.mentions:
            assert text[m.start:m.end] == m.text


def test_gazetteer_entities_carry_their_attributes() -> None:
    by_id = {e.id: e for e in entities("Belarus, the EEC and President Vladimir Putin.", "en")}
    assert by_id["BLR"].attributes["iso2"] == "BY" and by_id["BLR"].confidence == 1.0
    assert by_id["EEC"].attributes["parent"] == "EAEU"
    putin = by_id["PERSON:vladimir-putin"]
    assert putin.attributes["country"] == "RUS" and "President" in putin.attributes["office"]


def test_open_world_entities_have_lower_confidence_and_the_office() -> None:
    by_name = {e.name: e for e in entities("Foreign Minister Ivan Zhukovsky opened the Interstate Forum of Scientists.", "en")}
    person = by_name["Ivan Zhukovsky"]
    assert person.id == "PERSON:ivan-zhukovsky" and person.confidence < 1 and person.evidence == ["pattern"]
    assert person.attributes["office"] == "Foreign Minister"
    assert by_name["Interstate Forum of Scientists"].id.startswith("ORG:")


def test_acronym_definition_links_every_mention() -> None:
    text = "The Interstate Foundation for Humanitarian Cooperation (IFHC) met. Later the IFHC agreed."
    ents = entities(text, "en")
    ifhc = next(e for e in ents if e.name == "Interstate Foundation for Humanitarian Cooperation")
    assert [m.text for m in ifhc.mentions] == ["Interstate Foundation for Humanitarian Cooperation", "IFHC", "IFHC"]
    assert "IFHC" in ifhc.aliases


def test_surname_mentions_link_to_the_full_name() -> None:
    ents = entities("Prime Minister Nikol Pashinyan arrived. Pashinyan said that Mr Pashinyan's visit was useful.", "en")
    (p,) = [e for e in ents if e.type == "PERSON"]
    assert p.id == "PERSON:nikol-pashinyan" and len(p.mentions) == 3


def test_inflected_russian_forms_are_one_entity_with_the_english_id() -> None:
    text = "Путин встретился с Лукашенко. Путина поддержали. В.В. Путиным подписан указ."
    (putin,) = [e for e in entities(text, "ru") if e.id == "PERSON:vladimir-putin"]
    assert putin.name == "Vladimir Putin"
    assert [m.text for m in putin.mentions] == ["Путин", "Путина", "В.В. Путиным"]


def test_longest_reading_wins_and_countries_inside_are_reported() -> None:
    ents = entities("The Parliamentary Assembly of the Union of Belarus and Russia met.", "en")
    ids = [e.id for e in ents]
    assert "UNION_STATE_PA" in ids and "BLR" in ids and "RUS" in ids
    pa = next(e for e in ents if e.id == "UNION_STATE_PA")
    assert pa.mentions[0].text == "Parliamentary Assembly of the Union of Belarus and Russia"


def test_entities_only_from_content_lines() -> None:
    text = "Meeting with the CSTO Secretary General\n\nThe CSTO met in Minsk on Monday and the leaders agreed on many things.\n\nShare\n\nTwitter\n\nNATO"
    ids = {e.id for e in entities(text, "en")}
    assert "CSTO" in ids


def test_components_work_in_a_users_own_pipeline() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("diplotext_entities")
    doc = nlp("The CSTO and the Union State met. Foreign Minister Ivan Zhukovsky spoke.")
    got = {(s.text, s.label_, s.kb_id_) for s in doc.spans[ENTITIES_KEY]}
    assert ("CSTO", "ORG", "CSTO") in got and ("Union State", "ORG", "UNION_STATE") in got
    assert any(s.label_ == "PERSON" and s.kb_id_ == "PERSON:ivan-zhukovsky" for s in doc.spans[ENTITIES_KEY])
    assert len(doc.spans[CANDIDATES_KEY]) >= len(doc.spans[ENTITIES_KEY])
    assert "PERSON:ivan-zhukovsky" in doc.user_data[OPEN_KEY]
    assert all(s._.evidence for s in doc.spans[ENTITIES_KEY])


def test_russian_component_in_a_users_own_pipeline() -> None:
    nlp = spacy.blank("ru")
    nlp.add_pipe("diplotext_morph")
    nlp.add_pipe("diplotext_entities")
    doc = nlp("Заседание Высшего Государственного Совета Союзного государства.")
    assert {s.kb_id_ for s in doc.spans[ENTITIES_KEY]} == {"UNION_STATE_SSC", "UNION_STATE"}


def test_a_surname_written_with_or_without_its_accents_links_to_the_person_named_before() -> None:
    st = diplotext.parse(
        "President of Finland Sauli Niinistö met President Recep Tayyip Erdoğan in Helsinki. "
        "Mr Niinistö thanked his guest. Erdogan agreed.", lang="en")
    persons = {e.id: [m.text for m in e.mentions] for e in st.entities if e.type == "PERSON"}
    assert persons["PERSON:sauli-niinisto"] == ["Sauli Niinistö", "Niinistö"]
    assert persons["PERSON:recep-tayyip-erdogan"] == ["Recep Tayyip Erdoğan", "Erdogan"]
    assert len(persons) == 2


def test_a_state_body_named_for_another_state_is_not_that_body() -> None:
    st = diplotext.parse("The Head of the Presidential Executive Office of the Kyrgyz Republic met the Federal "
                         "Security Service of Kazakhstan and the Presidential Executive Office of Russia.", lang="en")
    orgs = {e.id: [m.text for m in e.mentions] for e in st.entities if e.type == "ORG"}
    assert orgs["RF_PA"] == ["Presidential Executive Office of Russia"]
    assert "ORG:presidential-executive-office-of-the-kyrgyz-republic" in orgs
    assert "ORG:federal-security-service-of-kazakhstan" in orgs
    assert "RF_FSB" not in orgs


def test_an_organization_name_stops_before_and_an_office() -> None:
    st = diplotext.parse("Viktor Zolotov, Director of the Federal Service of National Guard Troops and Commander "
                         "of the National Guard Troops, reported to the President.", lang="en")
    names = [e.name for e in st.entities if e.type == "ORG"]
    assert "Federal Service of National Guard Troops" in names
    assert not any("Commander" in n for n in names)


def test_a_name_given_in_full_once_links_its_later_surnames_in_any_case() -> None:
    text = "Министр Иван Жуковский прибыл в Минск. Позже Жуковскому показали завод, и Жуковский уехал."
    (p,) = [e for e in entities(text, "ru") if e.type == "PERSON"]
    assert p.name == "Иван Жуковский"
    assert [m.text for m in p.mentions] == ["Иван Жуковский", "Жуковскому", "Жуковский"]


def test_an_open_world_russian_organization_has_one_id_and_its_nominative_whatever_the_case() -> None:
    a = entities("Членов Социалистической партии Португалии приняли.", "ru")
    b = entities("Социалистическая партия Португалии победила.", "ru")
    (org_a,) = [e for e in a if e.type == "ORG"]
    (org_b,) = [e for e in b if e.type == "ORG"]
    assert org_a.id == org_b.id and org_a.name == org_b.name == "Социалистическая партия Португалии"


def test_a_body_of_a_state_without_an_entry_gets_an_id_from_the_state() -> None:
    en = entities("The Ministry of Foreign Affairs of Eswatini sent a note.", "en")
    ru = entities("МИД Эсватини направил ноту.", "ru")
    ids = {e.id: e.name for e in en + ru if e.type == "ORG"}
    assert ids == {"ORG:mfa-swz": "Ministry of Foreign Affairs of Eswatini"}
