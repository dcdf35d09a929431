"""Legal instruments as entities: names, kinds, ids stable across documents and languages."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as hst

import diplotext
from diplotext.extract.instruments import known_instruments, make_id, normalize_words
from diplotext.models import Statement
from diplotext.resources import load_json


def instruments(st: Statement) -> dict[str, object]:
    return {e.id: e for e in st.entities if e.type in ("TREATY", "DOCUMENT")}


@pytest.mark.parametrize(
    "lang,text,id_",
    [
        ("en", "Signing of the Agreement on Establishment of the Union State on December 8, 1999, became a key element.", "TREATY_UNION_STATE"),
        ("ru", "Ключевым элементом стало подписание 8 декабря 1999 г. Договора о создании Союзного государства.", "TREATY_UNION_STATE"),
        ("en", "The measures violate the UN Charter.", "UN_CHARTER"),
        ("en", "The measures violate the Charter of the United Nations.", "UN_CHARTER"),
        ("ru", "Эти меры нарушают Устав ООН.", "UN_CHARTER"),
        ("ru", "Эти меры противоречат Уставу Организации Объединенных Наций.", "UN_CHARTER"),
        ("en", "The Treaty on Security Guarantees within the Union State came into effect.", "TREATY_UNION_STATE_SECURITY"),
        ("ru", "Договор о гарантиях безопасности в рамках Союзного государства вступил в силу.", "TREATY_UNION_STATE_SECURITY"),
    ],
)
def test_known_instruments_get_one_id_in_both_languages(lang: str, text: str, id_: str) -> None:
    st = diplotext.parse(text, lang=lang)
    found = instruments(st)
    assert id_ in found, list(found)
    ent = found[id_]
    assert ent.name == known_instruments()[id_].name and ent.attributes["kind"]
    for m in ent.mentions:
        assert text[m.start:m.end] == m.text


def test_an_unknown_named_instrument_gets_an_id_from_its_normalized_name() -> None:
    a = diplotext.parse("Belarus and Serbia signed the Agreement on Visa-Free Travel between Belarus and Serbia.", lang="en")
    b = diplotext.parse("The Agreement on Visa-free Travel between Belarus and Serbia entered into force in 2021.", lang="en")
    (ia,) = instruments(a).values()
    (ib,) = instruments(b).values()
    assert ia.id == ib.id and ia.id.startswith("TREATY:agreement_on_visa")
    assert ia.attributes["kind"] == "agreement" and ia.attributes["parties"] == "BLR,SRB"
    assert ia.type == "TREATY"


def test_russian_inflection_does_not_change_the_id() -> None:
    a = diplotext.parse("Стороны подписали договор о дружбе и сотрудничестве между двумя странами.", lang="ru")
    b = diplotext.parse("Договор о дружбе и сотрудничестве между двумя странами вступил в силу.", lang="ru")
    assert list(instruments(a)) == list(instruments(b)) and len(instruments(a)) == 1


def test_a_descriptive_agreement_is_an_instrument_when_it_is_signed() -> None:
    st = diplotext.parse(
        "The presidents signed an agreement on mutual measures to protect citizens from unjust persecution.", lang="en"
    )
    (ent,) = instruments(st).values()
    assert ent.name == "agreement on mutual measures to protect citizens from unjust persecution"
    assert ent.confidence < 1.0 and ent.evidence == ["pattern"]
    (ev,) = [e for e in st.events if e.type == "signing"]
    assert ev.instrument == ent.id


@pytest.mark.parametrize(
    "lang,text",
    [
        ("en", "Belarus and Russia actively participate in the Collective Security Treaty Organization."),
        ("ru", "Беларусь и Россия участвуют в деятельности Организации Договора о коллективной безопасности."),
        ("en", "The leaders reached agreement on the need to continue the dialogue."),
        ("en", "The parties signed the treaty."),  # a bare head: nothing to name
        ("en", "Presidents of Belarus and Russia Sign Joint Statement: Key Points"),
    ],
)
def test_no_instrument_is_read(lang: str, text: str) -> None:
    st = diplotext.parse(text, lang=lang)
    assert not instruments(st), list(instruments(st))


def test_instruments_are_never_organizations(seed_news: Statement) -> None:
    orgs = {e.id for e in seed_news.entities if e.type == "ORG"}
    assert not any(i in orgs for i in instruments(seed_news))
    assert {"TREATY_UNION_STATE_SECURITY", "UN_CHARTER", "EURASIAN_CHARTER_DIVERSITY"} <= set(instruments(seed_news))


def test_anaphor_links_the_event_not_a_mention() -> None:
    st = diplotext.parse(
        "An exchange of letters on the ratification of the Treaty on Security Guarantees within the Union State "
        "took place, after which the treaty came into effect.",
        lang="en",
    )
    (force,) = [e for e in st.events if e.type == "entry_into_force"]
    assert force.instrument == "TREATY_UNION_STATE_SECURITY"
    (ent,) = instruments(st).values()
    assert len(ent.mentions) == 1


def test_event_dates_are_written_onto_the_instrument() -> None:
    st = diplotext.parse("The Treaty on Friendship between Belarus and Serbia was signed on 3 March 2021.", lang="en")
    (ent,) = instruments(st).values()
    assert ent.attributes.get("signed") == "2021-03-03"


def test_data_file_is_well_formed() -> None:
    data = load_json("instruments.json")
    ids = [i["id"] for i in data["instruments"]]
    assert len(ids) == len(set(ids))
    for raw in data["instruments"]:
        assert raw["type"] in ("TREATY", "DOCUMENT") and raw["name"] and raw["kind"]
        assert raw["aliases"].get("ru"), f"{raw['id']} has no Russian name"
    for kind, spec in data["kinds"].items():
        assert spec["heads"]["en"], kind


def test_ids_are_made_from_normalized_names() -> None:
    assert normalize_words(["the", "Agreement", "on", "the", "Programme"], "en") == "agreement on program"
    assert make_id("TREATY", "agreement on program") == "TREATY:agreement_on_program"
    long = make_id("TREATY", "word " * 40)
    assert len(long) < 90 and long == make_id("TREATY", "word " * 40)


def test_a_dash_between_clauses_ends_an_instruments_title() -> None:
    import diplotext

    st = diplotext.parse("Both sides respect the UN Convention on the Law of the Sea– as with other disputes. "
                         "The Visa-Free Travel Agreement was signed.", lang="en")
    names = [m.text for e in st.entities if e.type in ("TREATY", "DOCUMENT") for m in e.mentions]
    assert any(n.endswith("Convention on the Law of the Sea") for n in names)
    assert not any("as" in n.split() for n in names)
    assert any("Visa-Free Travel Agreement" in n for n in names)


@given(hst.lists(hst.tuples(hst.sampled_from(["", "ёлка", "елка", "договор", "Договор", "ёж", "заём", "x"]),
                          hst.sampled_from(["", "ёлка", "договор", "заём", "ежи"])), max_size=12),
       hst.sampled_from(["en", "ru"]))
def test_the_lexicon_forms_of_a_doc_are_each_tokens_lexicon_form(pairs: list[tuple[str, str]], lang: str) -> None:
    from diplotext.extract.relation_rules import rules_for

    rules = rules_for(lang)
    lowers, norms = [p[0] for p in pairs], [p[1] for p in pairs]
    assert rules.lexicon_forms(lowers, norms) == [rules.lexicon_form(lw, nm) for lw, nm in zip(lowers, norms)]
