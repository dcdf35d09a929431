"""The difference of two statements: sections paired by content, sentence changes, facts added
and dropped, a stance whose target changed as one change; the CLI's text, JSON and HTML views."""

from __future__ import annotations

import json
from html.parser import HTMLParser
from pathlib import Path

import pytest

import diplotext
from conftest import PARSED, SEED_NEWS, SEED_STATEMENT
from diplotext.cli import main
from diplotext.views.diff import StanceChange, StanceRef, diff_statements
from views_corpus import entity, event, figure, sections, stance, statement

P1 = "The parties reaffirmed their commitment to the Union State."
P2 = "Trade grew in 2019. It exceeded 35 billion dollars. The parties welcomed the result."
P2_NEW = "Trade grew in 2020. It exceeded 35 billion dollars. The parties welcomed the result."
P3 = "The ministers discussed regional security and the work of the CSTO in Central Asia."
P4 = "Belarus and Russia will hold the next meeting of the Supreme State Council in Minsk."
P5 = "The presidents called for a settlement of the conflict by peaceful means alone."


def before():
    return statement(
        "before.txt", "2019-06-01", ["BLR", "RUS"], sections=sections(P1, P2, P3),
        entities=[entity("BLR", 2), entity("RUS", 2), entity("CSTO", 1)],
        figures=[figure("35000000000", year="2019"), figure("5", kind="percent", currency=None, change=True)],
        stances=[stance(["parties"], "support", "the work of the CSTO", ["CSTO"]),
                 stance(["parties"], "condemn", "terrorism in all its forms"),
                 stance(["parties"], "welcome", "the result")],
        events=[event("meeting", ["BLR", "RUS"], "2019-05-30")],
    )


def after():
    return statement(
        "after.txt", "2020-06-01", ["BLR", "RUS"], sections=sections(P4, P2_NEW, P1, P5),
        entities=[entity("BLR", 3), entity("RUS", 1), entity("EAEU", 1)],
        figures=[figure("35000000000", year="2020"), figure("5", kind="percent", currency=None, change=True)],
        stances=[stance(["parties"], "support", "the work of the CSTO and of the EAEU", ["CSTO", "EAEU"]),
                 stance(["parties"], "oppose", "terrorism in all its forms"),
                 stance(["parties"], "welcome", "the result"),
                 stance(["parties"], "call_for", "a settlement of the conflict")],
        events=[event("meeting", ["RUS", "BLR"], "2019-05-30"), event("visit", ["RUS"], place="Minsk")],
    )


def test_sections_are_paired_by_content_not_position() -> None:
    d = diplotext.diff(before(), after())
    got = [(s.status, s.a, s.b) for s in d.sections]
    assert got == [("added", None, 0), ("changed", 1, 1), ("same", 0, 2), ("added", None, 3), ("removed", 2, None)]
    changed = d.sections[1]
    assert [(c.op, c.a, c.b) for c in changed.sentences] == [("changed", "Trade grew in 2019.", "Trade grew in 2020.")]
    assert d.counts() == {"same": 1, "changed": 1, "added": 2, "removed": 1}
    assert d.sections[3].b_text == P5 and d.sections[4].a_text == P3


def test_facts_added_and_dropped() -> None:
    d = diff_statements(before(), after())
    assert [e.id for e in d.entities.added] == ["EAEU"] and [e.id for e in d.entities.removed] == ["CSTO"]
    assert [(f.value, f.year) for f in d.figures.added] == [(35000000000, "2020")]
    assert [(f.value, f.year) for f in d.figures.removed] == [(35000000000, "2019")]
    # the same meeting with its actors in another order is no change
    assert [(e.type, e.place) for e in d.events.added] == [("visit", "Minsk")] and d.events.removed == []


def test_a_stance_whose_target_changed_is_one_change() -> None:
    s = diff_statements(before(), after()).stances
    assert s.changed == [
        StanceChange(a=StanceRef(actor=["parties"], stance="support", target="the work of the CSTO", target_ids=["CSTO"]),
                     b=StanceRef(actor=["parties"], stance="support", target="the work of the CSTO and of the EAEU",
                                 target_ids=["CSTO", "EAEU"]), fields=["target", "target_ids"]),
        StanceChange(a=StanceRef(actor=["parties"], stance="condemn", target="terrorism in all its forms"),
                     b=StanceRef(actor=["parties"], stance="oppose", target="terrorism in all its forms"), fields=["stance"]),
    ]
    assert s.added == [StanceRef(actor=["parties"], stance="call_for", target="a settlement of the conflict")]
    assert s.removed == []


def test_a_statement_diffed_with_itself_is_empty(seed_statement) -> None:
    for st in (before(), seed_statement):
        d = diplotext.diff(st, st)
        assert d.empty and all(s.status == "same" for s in d.sections) and len(d.sections) == len(st.sections)
        assert not (d.entities.added or d.entities.removed or d.figures.added or d.figures.removed)
        assert not (d.stances.added or d.stances.removed or d.stances.changed or d.events.added or d.events.removed)
    assert not diplotext.diff(before(), after()).empty


def test_a_text_and_its_json_output_do_not_differ() -> None:
    d = diplotext.diff(SEED_STATEMENT, PARSED / (SEED_STATEMENT.stem + ".json"))
    assert d.empty, d.counts()


def test_two_texts_through_the_cli(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(f"Joint Statement of Belarus and Russia\n\n{P1}\n\n{P3}\n", encoding="utf-8")
    b.write_text(f"Joint Statement of Belarus and Russia\n\n{P1}\n\n{P4}\n", encoding="utf-8")
    page = tmp_path / "diff.html"
    assert main(["diff", str(a), str(b), "--html", str(page)]) == 0
    out = capsys.readouterr().out
    assert any(line.startswith("  + §") and "Supreme State Council in Minsk" in line for line in out.splitlines())
    assert any(line.startswith("  - §") and "regional security" in line for line in out.splitlines())
    assert "  - CSTO (ORG Collective Security Treaty Organization)" in out.splitlines()
    html = page.read_text(encoding="utf-8")
    HTMLParser().feed(html)
    assert "<script" not in html and "http" not in html.replace("http://www.w3.org", "")
    assert 'class="removed"' in html and 'class="added"' in html and "regional security" in html
    assert main(["diff", str(a), str(a), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["empty"] is True and {s["status"] for s in data["sections"]} == {"same"}
    assert main(["diff", str(a), str(tmp_path / "missing.txt")]) == 2


def test_the_seeds_differ_as_two_documents(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["diff", str(SEED_STATEMENT), str(SEED_NEWS)]) == 0
    out = capsys.readouterr().out
    assert "  - trade_volume 38000000000 USD 2011 “US$ 38 billion”" in out.splitlines()
    assert "  + NATO (ORG North Atlantic Treaty Organization)" in out.splitlines()


def test_a_bad_json_input_is_a_clear_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"title": 1}', encoding="utf-8")
    assert main(["diff", str(bad), str(SEED_STATEMENT)]) == 1
    assert "DiffInputError" in capsys.readouterr().err
    many = tmp_path / "statements.jsonl"
    many.write_text(before().model_dump_json() + "\n" + after().model_dump_json() + "\n", encoding="utf-8")
    assert main(["diff", str(many), str(SEED_STATEMENT)]) == 1
    assert "holds many statements" in capsys.readouterr().err
