"""Flat tables for analytics: stable columns and keys, CSV and Parquet, pandas, and the README's DuckDB query."""

from __future__ import annotations

import csv
import json
import re
from decimal import Decimal
from pathlib import Path

import duckdb
import pandas as pd
import pyarrow.parquet as pq
import pytest

import diplotext
from diplotext.cli import main
from diplotext.export import TABLES, columns, export, to_frames
from diplotext.models import DateMention, DocumentDate, Entity, Event, Figure, Mention, Section, Source, Span, Stance, Statement

README = Path(__file__).resolve().parent.parent / "README.md"
TEXT = (
    "Joint Statement of Belarus and Russia\n"
    "In 2011 the trade between Belarus and Russia exceeded US$ 38 billion.\n"
    "The Parties condemn terrorism.\n"
)


def statement(path: str, year: str, amount: str, *, doc_date: str = "2012-06-25") -> Statement:
    """A statement built by hand, so that the tables are tested apart from the extractors."""
    s1 = TEXT.index("In 2011")
    s2 = TEXT.index("The Parties")
    fig = TEXT.index("US$ 38 billion")
    return Statement(
        source=Source(path=path, sha256="ab" * 32, encoding="utf-8", chars=len(TEXT), diplotext_version="test"),
        language="en",
        title="Joint Statement of Belarus and Russia",
        title_span=Span(text=TEXT[:37], start=0, end=37),
        kind="joint_statement",
        date=DocumentDate(value=doc_date, granularity="day", source="caller"),
        parties=["BLR", "RUS"],
        sections=[
            Section(index=0, kind="paragraph", start=s1, end=s2 - 1, text=TEXT[s1:s2 - 1], topics=["trade", "economy"]),
            Section(index=1, kind="paragraph", start=s2, end=len(TEXT) - 1, text=TEXT[s2:-1]),
        ],
        entities=[
            Entity(id="BLR", type="COUNTRY", name="Belarus", attributes={"iso2": "BY", "iso3": "BLR"},
                   mentions=[Mention(text="Belarus", start=27, end=34), Mention(text="Belarus", start=TEXT.index("Belarus and Russia exc"), end=TEXT.index("Belarus and Russia exc") + 7)]),
        ],
        dates=[DateMention(text="2011", start=s1 + 3, end=s1 + 7, value="2011", granularity="year")],
        figures=[Figure(text="US$ 38 billion", start=fig, end=fig + 14, value=Decimal(amount), kind="money", currency="USD",
                        measure="trade_volume", year=year, qualifier="exceeded")],
        events=[Event(type="meeting", actors=["BLR", "RUS"], evidence=Span(text=TEXT[s1:s2 - 1], start=s1, end=s2 - 1))],
        stances=[Stance(actor=["parties"], stance="condemn", target="terrorism",
                        trigger=Span(text="condemn", start=s2 + 12, end=s2 + 19),
                        evidence=Span(text=TEXT[s2:-1], start=s2, end=len(TEXT) - 1))],
    )


@pytest.fixture
def corpus() -> list[Statement]:
    return [statement("a.txt", "2011", "38000000000"), statement("b.txt", "2012", "12345678901.25", doc_date="2013-01-01")]


def read_csv(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def test_every_table_is_written_as_csv_and_parquet_with_its_columns(corpus, tmp_path: Path) -> None:
    report = export(corpus, tmp_path)
    assert report.documents == 2 and report.formats == ["csv", "parquet"]
    for t in TABLES:
        with open(tmp_path / f"{t}.csv", encoding="utf-8", newline="") as fh:
            assert next(csv.reader(fh)) == columns(t)
        assert pq.read_schema(tmp_path / f"{t}.parquet").names == columns(t)
    assert report.rows == {"documents": 2, "sections": 4, "entities": 2, "mentions": 4, "dates": 2, "figures": 2,
                           "events": 2, "stances": 2}
    assert not list(tmp_path.glob(".*tmp"))


def test_columns_are_stable_and_keyed(tmp_path: Path) -> None:
    assert columns("documents")[:3] == ["doc_id", "schema_version", "source_path"]
    assert {"date_value", "n_sections", "n_figures", "parties"} <= set(columns("documents"))
    assert columns("mentions")[:3] == ["doc_id", "entity_id", "mention_index"]
    assert columns("figures")[:2] == ["doc_id", "figure_index"] and columns("figures")[-1] == "section_index"
    assert {"value", "value_decimal", "currency", "measure", "year"} <= set(columns("figures"))
    assert {"evidence_start", "evidence_end", "actors"} <= set(columns("events"))
    export([], tmp_path)  # an empty corpus still gets every header
    assert (tmp_path / "stances.csv").read_text(encoding="utf-8").strip() == ",".join(columns("stances"))


def test_values_keys_and_joins(corpus, tmp_path: Path) -> None:
    export(corpus, tmp_path)
    figures = read_csv(tmp_path / "figures.csv")
    assert [(f["doc_id"], f["value_decimal"], f["section_index"]) for f in figures] == [
        ("a.txt", "38000000000", "0"), ("b.txt", "12345678901.25", "0")]
    docs = {d["doc_id"]: d for d in read_csv(tmp_path / "documents.csv")}
    assert docs["a.txt"]["parties"] == "BLR;RUS" and docs["a.txt"]["n_figures"] == "1"
    assert docs["b.txt"]["date_value"] == "2013-01-01" and docs["a.txt"]["source_sha256"] == "ab" * 32
    entity = read_csv(tmp_path / "entities.csv")[0]
    assert entity["entity_id"] == "BLR" and json.loads(entity["attributes"]) == {"iso2": "BY", "iso3": "BLR"}
    assert entity["n_mentions"] == "2"
    mentions = read_csv(tmp_path / "mentions.csv")
    assert [m["section_index"] for m in mentions if m["doc_id"] == "a.txt"] == ["", "0"]  # the title is no section
    stance = read_csv(tmp_path / "stances.csv")[0]
    assert (stance["actor"], stance["stance"], stance["trigger_text"], stance["section_index"]) == ("parties", "condemn", "condemn", "1")
    section = read_csv(tmp_path / "sections.csv")[0]
    assert section["topics"] == "trade;economy" and section["section_index"] == "0"


def test_parquet_types(corpus, tmp_path: Path) -> None:
    export(corpus, tmp_path)
    figures = pq.read_table(tmp_path / "figures.parquet")
    assert str(figures.schema.field("value").type) == "double"
    assert str(figures.schema.field("start").type) == "int64"
    assert str(figures.schema.field("change").type) == "bool"
    assert figures.column("value_decimal").to_pylist() == ["38000000000", "12345678901.25"]


def test_the_readme_duckdb_query_gives_trade_volume_by_year(corpus, tmp_path: Path) -> None:
    export(corpus, tmp_path / "tables")
    sql = re.search(r"```sql\n(.*?)```", README.read_text(encoding="utf-8"), re.S)
    assert sql, "the README shows a DuckDB query"
    query = sql.group(1).replace("'tables/", f"'{tmp_path / 'tables'}/")
    rows = duckdb.sql(query).fetchall()
    assert [(r[0], r[1], r[2]) for r in rows] == [("2011", "USD", 38000000000.0), ("2012", "USD", 12345678901.25)]


def test_to_frames_gives_typed_dataframes(corpus) -> None:
    frames = diplotext.to_frames(corpus)
    assert set(frames) == set(TABLES)
    fig = frames["figures"]
    assert list(fig.columns) == columns("figures")
    assert str(fig["start"].dtype) == "Int64" and str(fig["change"].dtype) == "boolean"
    assert fig["value"].sum() == pytest.approx(50345678901.25)
    joined = fig.merge(frames["documents"], on="doc_id")
    assert list(joined["date_value"]) == ["2012-06-25", "2013-01-01"]
    assert frames["events"].shape[0] == 2 and frames["stances"].shape[0] == 2


def test_reads_convert_output_json_and_jsonl_and_skips_bookkeeping(corpus, tmp_path: Path) -> None:
    parsed = tmp_path / "parsed"
    (parsed / "sub").mkdir(parents=True)
    (parsed / "sub" / "a.json").write_text(corpus[0].model_dump_json(indent=1), encoding="utf-8")
    (parsed / "part-00000.jsonl").write_text(corpus[1].model_dump_json() + "\n\n", encoding="utf-8")
    (parsed / "_errors.jsonl").write_text('{"file": "x.txt", "error": "EmptyInputError", "message": "empty"}\n')
    (parsed / "_run.jsonl").write_text("{}\n")
    frames = to_frames(parsed)
    assert sorted(frames["documents"]["doc_id"]) == ["a.txt", "b.txt"]
    assert isinstance(frames["documents"], pd.DataFrame)


def test_duplicate_paths_get_distinct_doc_ids(corpus) -> None:
    frames = to_frames([corpus[0], corpus[0]])
    assert list(frames["documents"]["doc_id"]) == ["a.txt", "a.txt#2"]


def test_export_command(corpus, tmp_path: Path, capsys) -> None:
    parsed = tmp_path / "parsed"
    parsed.mkdir()
    for st in corpus:
        (parsed / Path(st.source.path or "x").with_suffix(".json")).write_text(st.model_dump_json(), encoding="utf-8")
    assert main(["export", str(parsed), "--to", str(tmp_path / "t")]) == 0
    assert (tmp_path / "t" / "figures.parquet").exists() and (tmp_path / "t" / "figures.csv").exists()
    assert "2 documents" in capsys.readouterr().err
    assert main(["export", str(parsed), "--to", str(tmp_path / "c"), "--no-parquet"]) == 0
    assert not (tmp_path / "c" / "figures.parquet").exists()
    (parsed / "junk.json").write_text('{"not": "a statement"}', encoding="utf-8")
    assert main(["export", str(parsed), "--to", str(tmp_path / "t")]) == 1
    assert "junk.json: not a diplotext statement" in capsys.readouterr().err
    assert main(["export", str(tmp_path / "missing"), "--to", str(tmp_path / "t")]) == 2


def test_export_of_real_conversions(tmp_path: Path) -> None:
    inp = tmp_path / "in"
    inp.mkdir()
    (inp / "a.txt").write_text(TEXT, encoding="utf-8")
    assert main(["convert", str(inp), "--out", str(tmp_path / "out"), "--format", "jsonl"]) == 0
    report = export(tmp_path / "out", tmp_path / "t")
    assert report.documents == 1 and not report.problems
    st = diplotext.parse(TEXT)
    assert report.rows["mentions"] == sum(len(e.mentions) for e in st.entities)
    assert report.rows["figures"] == len(st.figures)
