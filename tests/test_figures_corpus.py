"""The figure contract on the whole shared corpus: every `year` is a four-digit year or null,
and the README's DuckDB query over the exported tables returns only four-digit years (or null,
for figures of an undated document with no year of their own)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
_SHARED = [p / "shared" / "corpus" for p in (ROOT.parent, ROOT.parent.parent) if (p / "shared" / "corpus").is_dir()]
CORPUS = _SHARED[0] if _SHARED else None
README_QUERY = re.search(r"```sql\n(.*?)```", (ROOT / "README.md").read_text(encoding="utf-8"), re.S)

pytestmark = [pytest.mark.slow, pytest.mark.skipif(CORPUS is None, reason="the shared corpus is not beside the project")]


@pytest.fixture(scope="module")
def converted(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from diplotext.batch import convert

    out = tmp_path_factory.mktemp("corpus-json")
    report = convert(CORPUS, out, workers=2)  # type: ignore[arg-type]
    assert report.converted > 1000, report.summary()
    return out


def test_no_figure_of_the_corpus_has_a_year_that_is_not_four_digits(converted: Path) -> None:
    bad, figures = [], 0
    for path in converted.rglob("*.json"):
        if path.name.startswith("_"):
            continue
        for f in json.loads(path.read_text(encoding="utf-8")).get("figures", []):
            figures += 1
            if f["year"] is not None and not re.fullmatch(r"\d{4}", f["year"]):
                bad.append((path.name, f["text"], f["year"]))
    assert figures > 1000 and bad == []


def test_the_readme_duckdb_query_returns_only_four_digit_years(converted: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    duckdb = pytest.importorskip("duckdb")
    pytest.importorskip("pyarrow")
    from diplotext.export import export

    export(converted, tmp_path / "tables", parquet=True)
    monkeypatch.chdir(tmp_path)
    assert README_QUERY is not None
    rows = duckdb.sql(README_QUERY.group(1)).fetchall()
    bad = [row for row in rows if row[0] is not None and not re.fullmatch(r"\d{4}", row[0])]  # null: no year known
    assert rows and bad == []
