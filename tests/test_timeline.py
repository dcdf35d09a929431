"""Timelines across documents: exact rows on a small corpus, each figure counted once, filters,
periods, the CLI's table / CSV / JSON / chart, and the DataFrame of `diplotext.timeline`."""

from __future__ import annotations

import csv
import io
import json
import sys
from decimal import Decimal
from pathlib import Path

import pytest

import diplotext
from diplotext.cli import main
from diplotext.views import Filters, build_timeline
from views_corpus import corpus

B = 1_000_000_000


def _rows(of: str = "figures", **kw: object) -> list[tuple]:
    by = kw.pop("by", "year")
    tl = build_timeline(corpus(), of, by=by, filters=Filters(**kw))  # type: ignore[arg-type]
    return [tuple(r.values()) for r in tl.rows]


def _write(tmp_path: Path, jsonl: bool = False) -> Path:
    out = tmp_path / "parsed"
    out.mkdir()
    if jsonl:
        (out / "statements.jsonl").write_text("".join(s.model_dump_json() + "\n" for s in corpus()), encoding="utf-8")
    for i, s in enumerate(corpus() if not jsonl else []):
        (out / f"{i}.json").write_text(s.model_dump_json(), encoding="utf-8")
    return out


def test_figure_rows_exactly() -> None:
    assert _rows(measure="trade_volume") == [
        (2018, "trade_volume", "money", "USD", None, "level", "BLR,RUS", Decimal(35 * B), 1, 2, 2),
        (2019, "trade_volume", "money", "USD", None, "level", "BLR,RUS", Decimal(36 * B), 1, 1, 1),
        (2019, "trade_volume", "money", "USD", None, "level", "CHN,RUS", Decimal(100 * B), 1, 1, 1),
        (2019, "trade_volume", "percent", None, "percent", "change", "BLR,RUS", Decimal(5), 1, 1, 1),
        (2020, "trade_volume", "money", "RUB", None, "level", "BLR,RUS", Decimal(100 * B), 1, 1, 1),
        (2020, "trade_volume", "money", "USD", None, "level", "BLR,RUS", Decimal(30 * B), 1, 2, 2),
        (2021, "trade_volume", "money", "USD", None, "level", "BLR,RUS", Decimal(38 * B), 1, 1, 1),
        (2021, "trade_volume", "percent", None, "percent", "change", "BLR,RUS", Decimal(5), 1, 1, 1),
    ]


def test_a_figure_reported_by_two_documents_is_added_once() -> None:
    tl = build_timeline(corpus(), "figures", filters=Filters(measure="trade_volume", parties=("BLR", "RUS")))
    row_2018 = next(r for r in tl.rows if r["year"] == 2018)
    assert row_2018["value"] == Decimal(35 * B) and row_2018["documents"] == 2
    usd = sum(r["value"] for r in tl.rows if r["currency"] == "USD")
    assert usd == Decimal((35 + 36 + 30 + 38) * B)  # not 35 * 2 nor 30 * 2
    assert tl.undated == 1


def test_distinct_values_of_one_period_add_up_and_percentages_do_not() -> None:
    extra = corpus()[0].model_copy(update={"figures": [diplotext.Figure(
        text="4", start=0, end=1, value=Decimal(4 * B), kind="money", currency="USD", measure="trade_volume",
        year="2018")]})
    tl = build_timeline([*corpus(), extra], "figures", filters=Filters(measure="trade_volume", until="2018"))
    assert [(r["value"], r["values"], r["documents"]) for r in tl.rows] == [(Decimal(39 * B), 2, 3)]
    pct = [c.model_copy(update={"figures": [f.model_copy(update={"value": Decimal(i + 1)}) for f in c.figures
                                            if f.kind == "percent"]}) for i, c in enumerate(corpus()[:1] * 2)]
    tl = build_timeline(pct, "figures")
    assert [(r["value"], r["documents"]) for r in tl.rows] == [(Decimal(1), 1), (Decimal(2), 1)]


def test_entity_rows_and_filter_by_name() -> None:
    assert _rows("entities", entity="Collective Security Treaty Organization") == [
        (2019, "CSTO", "Collective Security Treaty Organization", "ORG", 1, 1),
        (2021, "CSTO", "Collective Security Treaty Organization", "ORG", 1, 2),
    ]
    assert [r[:2] for r in _rows("entities", entity="rus", since="2020")] == [(2020, "RUS")]


def test_stance_rows_read_parties_as_the_documents_parties() -> None:
    assert _rows("stances") == [
        (2019, "BLR,RUS", "condemn", "", 1, 1),
        (2019, "BLR,RUS", "support", "CSTO", 1, 1),
        (2020, "BLR", "support", "EAEU", 1, 1),
        (2021, "BLR,RUS", "support", "CSTO", 1, 1),
    ]
    assert _rows("stances", stance="support", entity="CSTO", until="2020") == [(2019, "BLR,RUS", "support", "CSTO", 1, 1)]
    assert [r[:2] for r in _rows("stances", actor="blr", stance="support", since="2020")] == [(2020, "BLR"), (2021, "BLR,RUS")]


def test_event_rows_take_their_own_date_first() -> None:
    assert _rows("events", by="month") == [(2019, "2019-05", "meeting", "BLR,RUS", 1, 1), (2020, "2020-03", "visit", "RUS", 1, 1)]
    assert _rows("events", entity="Minsk") == [(2020, "visit", "RUS", 1, 1)]


def test_by_month_uses_the_documents_month_only_within_its_year() -> None:
    tl = build_timeline(corpus(), "figures", by="month", filters=Filters(measure="trade_volume", since="2020-01", until="2020-12"))
    got = [(r["year"], r["month"], r["currency"], r["documents"]) for r in tl.rows]
    # c (2021-09) reports 2020's figure: its month is not known; b (2020-03) is of that year
    assert got == [(2020, None, "USD", 1), (2020, "2020-03", "RUB", 1), (2020, "2020-03", "USD", 1)]


@pytest.mark.parametrize("jsonl", [False, True])
def test_cli_csv_and_json(tmp_path: Path, capsys: pytest.CaptureFixture[str], jsonl: bool) -> None:
    parsed = _write(tmp_path, jsonl)
    assert main(["timeline", str(parsed), "--measure", "trade_volume", "--parties", "CHN,RUS", "--format", "csv"]) == 0
    out = capsys.readouterr().out
    assert list(csv.reader(io.StringIO(out))) == [
        ["year", "measure", "kind", "currency", "unit", "basis", "parties", "value", "values", "documents", "mentions"],
        ["2019", "trade_volume", "money", "USD", "", "level", "CHN,RUS", "100000000000", "1", "1", "1"],
    ]
    assert main(["timeline", str(parsed), "--of", "stances", "--stance", "condemn", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out) == [
        {"year": 2019, "actor": "BLR,RUS", "stance": "condemn", "target": "", "documents": 1, "stances": 1}]


def test_cli_table_and_plot(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    parsed = _write(tmp_path)
    svg, png = tmp_path / "t.svg", tmp_path / "t.png"
    assert main(["timeline", str(parsed), "--measure", "trade_volume", "--plot", str(svg)]) == 0
    out, err = capsys.readouterr()
    assert out.splitlines()[0].split() == ["year", "measure", "kind", "currency", "unit", "basis", "parties", "value",
                                           "values", "documents", "mentions"]
    assert "35000000000" in out and "1 figure left out" in err
    chart = svg.read_text(encoding="utf-8")
    # one line per group, with a legend that names it, and axis labels
    for text in ("trade_volume USD BLR,RUS", "trade_volume USD CHN,RUS", "trade_volume RUB BLR,RUS", ">year<", ">value (USD)<"):
        assert text in chart, text
    assert main(["timeline", str(parsed), "--of", "entities", "--plot", str(png)]) == 0
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and png.stat().st_size > 5000
    assert main(["timeline", str(parsed), "--plot", str(tmp_path / "t.gif")]) == 1
    assert main(["timeline", str(tmp_path / "missing")]) == 2


def test_public_function_returns_a_dataframe_or_plain_rows(monkeypatch: pytest.MonkeyPatch) -> None:
    frame = diplotext.timeline(corpus(), of="figures", measure="trade_volume", parties="BLR,RUS", since=2020)
    assert list(frame.columns)[:2] == ["year", "measure"] and len(frame) == 4
    assert frame[frame["currency"] == "USD"]["value"].sum() == 68e9
    monkeypatch.setitem(sys.modules, "pandas", None)
    rows = diplotext.timeline(corpus(), of="entities", entity="EAEU")
    assert rows == [{"year": 2020, "entity": "EAEU", "name": "Eurasian Economic Union", "type": "ORG",
                     "documents": 1, "mentions": 2}]
