"""The gazetteer: packaged data files, derived name forms, and a user's own file."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

import diplotext
from diplotext.errors import GazetteerError
from diplotext.extract.gazetteer import load_gazetteer
from diplotext.resources import load_json


def test_packaged_files_load_and_ids_are_unique() -> None:
    g = load_gazetteer()
    orgs = load_json("orgs.json")
    persons = load_json("persons.json")
    assert len({o["id"] for o in orgs}) == len(orgs) >= 200
    assert len({p["id"] for p in persons}) == len(persons) >= 200
    assert len([e for e in g.entries.values() if e.type == "COUNTRY"]) >= 240


@pytest.mark.parametrize("org", ["UN", "UNGA", "UNSC", "UNESCO", "WHO", "IAEA", "CSTO", "CSTO_CSC", "EAEU", "SEEC", "EEC", "SCO", "BRICS", "NDB",
                                 "CIS", "CIS_CHS", "UNION_STATE", "UNION_STATE_SSC", "UNION_STATE_PA", "UNION_STATE_COM", "UNION_STATE_SC",
                                 "EURASEC", "EURASEC_IC", "CUSTOMS_UNION", "CUC", "CES", "NATO", "EU", "EC", "EP", "OSCE", "COE", "G7", "G20", "ASEAN",
                                 "APEC", "AU", "LAS", "GCC", "WTO", "IMF", "WB", "OPEC", "OPEC_PLUS", "EDB", "RF_DUMA", "RF_FC", "RF_SC",
                                 "RF_GOV", "RF_MFA", "BY_MFA", "GAZPROM", "ROSATOM", "ROSNEFT", "SBERBANK", "VTB"])
def test_every_organization_the_issue_names_has_english_and_russian_names(org: str) -> None:
    e = load_gazetteer().get(org)
    assert e is not None and e.type == "ORG"
    assert e.names.get("en") and (e.names.get("ru") or any(not a.isascii() for a in e.acronyms)), org


def test_organs_name_their_parent() -> None:
    g = load_gazetteer()
    for e in g.entries.values():
        if e.attributes.get("kind") == "organ":
            assert e.attributes.get("parent") in g.entries, e.id


def test_every_un_member_has_a_demonym_and_a_russian_name() -> None:
    data = load_json("countries.json")
    g = load_gazetteer()
    members = [k for k in data if not k.startswith("_") and k not in ("SUN", "ABKHAZIA", "SOUTH_OSSETIA", "XKX", "HKG", "TWN", "PSE", "VAT")]
    assert len(members) >= 193
    for code in members:
        e = g.get(code)
        assert e.names["ru"], code
        assert len(e.names["en"]) >= 2, code


def test_person_name_forms_are_derived() -> None:
    putin = load_gazetteer().get("PERSON:vladimir-putin")
    assert {"Vladimir Putin", "V.V. Putin", "V. Putin", "Vladimir Vladimirovich Putin", "Putin"} <= set(putin.names["en"])
    assert {"Владимир Путин", "В.В. Путин", "Путин"} <= set(putin.names["ru"])
    rice = load_gazetteer().get("PERSON:condoleezza-rice")
    assert "Rice" in rice.short["en"] and "Rice" not in rice.names["en"]  # 'rice' alone needs support


def _write(tmp_path: Path, data: object) -> Path:
    path = tmp_path / "gaz.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def test_user_gazetteer_adds_and_overrides(tmp_path: Path) -> None:
    path = _write(tmp_path, [
        {"id": "ACME", "type": "ORG", "name": "Acme Widgets Consortium", "acronyms": ["AWC"], "aliases": {"ru": ["Консорциум Акме"]}},
        {"id": "CSTO", "type": "ORG", "name": "Collective Security Treaty Organization (overridden)", "acronyms": ["CSTO"]},
        {"id": "PERSON:jan-kowalski", "type": "PERSON", "name": "Jan Kowalski", "office": "Envoy", "standalone": True},
    ])
    st = diplotext.parse("The AWC and the CSTO met. Jan Kowalski and later Kowalski spoke.", gazetteer=path)
    by_id = {e.id: e for e in st.entities}
    assert by_id["ACME"].name == "Acme Widgets Consortium"
    assert by_id["CSTO"].name.endswith("(overridden)")
    assert len(by_id["PERSON:jan-kowalski"].mentions) == 2
    assert by_id["PERSON:jan-kowalski"].attributes["office"] == "Envoy"


@pytest.mark.parametrize("data,message", [
    ({"id": "X"}, "must hold a JSON list"),
    ([{"name": "No id"}], "entry 0: missing field 'id'"),
    ([{"id": "X", "type": "ORG"}], "entry 0 (id 'X'): missing field 'name'"),
    ([{"id": "X", "type": "CITY", "name": "X"}], "entry 0 (id 'X'): field 'type' must be one of"),
    ([{"id": "X", "type": "ORG", "name": "X", "aliases": {"en": "X"}}], "entry 0 (id 'X'): field 'aliases.en' must be a list of non-empty strings"),
    ([{"id": "OK", "type": "ORG", "name": "OK"}, {"id": "Y", "type": "ORG", "name": "Y", "acronyms": [""]}], "entry 1 (id 'Y'): field 'acronyms'"),
    ([{"id": "P", "type": "PERSON", "name": "P Q", "standalone": "yes"}], "entry 0 (id 'P'): field 'standalone' must be true or false"),
    ("not json", "not valid JSON"),
])
def test_malformed_user_gazetteer_names_the_entry_and_field(tmp_path: Path, data: object, message: str) -> None:
    path = tmp_path / "gaz.json"
    path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    with pytest.raises(GazetteerError) as err:
        load_gazetteer(path)
    assert message in str(err.value)


def test_missing_user_gazetteer_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(GazetteerError, match="cannot read gazetteer"):
        load_gazetteer(tmp_path / "nope.json")


@pytest.mark.parametrize("text,message", [
    ("[" * 100_000 + "]" * 100_000, "nested too deeply"),
    ('[{"id": "X", "type": "ORG", "name": "Foo\\ud800 Bar"}]', "lone surrogate (U+D800)"),
    ('[{"id": "X", "type": "ORG", "name": "X", "aliases": {"en": [{"deep": ["\\udfff"]}]}}]', "lone surrogate (U+DFFF)"),
])
def test_a_hostile_user_gazetteer_is_a_gazetteer_error(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "gaz.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(GazetteerError, match=re.escape(message)):
        load_gazetteer(path)


def test_a_hostile_user_gazetteer_exits_2_on_the_command_line(tmp_path: Path) -> None:
    from diplotext.cli import main

    path = tmp_path / "gaz.json"
    path.write_text('[{"id": "X", "type": "ORG", "name": "Foo\\ud800"}]', encoding="utf-8")
    text = tmp_path / "in.txt"
    text.write_text("Foo met.", encoding="utf-8")
    assert main(["parse", str(text), "--gazetteer", str(path)]) == 2


def test_a_user_gazetteer_with_a_byte_order_mark_is_read(tmp_path: Path) -> None:
    path = tmp_path / "gaz.json"
    path.write_text(json.dumps([{"id": "ACME", "type": "ORG", "name": "Acme Widgets Consortium"}]), encoding="utf-8-sig")
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    st = diplotext.parse("The Acme Widgets Consortium met.", gazetteer=path)
    assert [e.id for e in st.entities] == ["ACME"]
