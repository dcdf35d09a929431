"""The Dask path: a bag over files mapped through diplotext on a local cluster, written as JSONL partitions."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from dask.distributed import Client, LocalCluster

from diplotext.batch import ERRORS_FILE, dask_bag, dask_convert
from diplotext.export import export

pytestmark = pytest.mark.slow

TEXTS = {
    "a.txt": "Joint Statement of Belarus and Russia\n\nIn 2011 the trade between Belarus and Russia exceeded US$ 38 billion.\n",
    "sub/b.txt": "Belarus and Kazakhstan\n\nOn June 19, 2018 the Presidents of Belarus and Kazakhstan met in Minsk.\n",
    "sub/c.txt": "Совместное заявление\n\nПрезиденты Беларуси и России встретились в Минске 8 декабря 1999 года.\n",
}


@pytest.fixture(scope="module")
def client():
    # Two worker processes, as on a real cluster: the tasks and diplotext's settings are pickled
    # and each worker imports diplotext and builds its pipeline itself.
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, Client(cluster) as c:
        yield c


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    root = tmp_path / "corpus"
    for name, text in TEXTS.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    (root / "empty.txt").write_bytes(b"")
    return root


def test_dask_convert_writes_jsonl_partitions(client, corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "parsed"
    report = dask_convert(corpus, str(out), npartitions=2)
    parts = sorted(out.glob("part-*.jsonl"))
    assert [p.name for p in parts] == ["part-00000.jsonl", "part-00001.jsonl"]
    statements = [json.loads(line) for p in parts for line in p.read_text(encoding="utf-8").splitlines()]
    assert sorted(s["source"]["path"] for s in statements) == sorted(TEXTS)
    by_path = {s["source"]["path"]: s for s in statements}
    assert by_path["sub/c.txt"]["language"] == "ru"
    assert {"BLR", "KAZ"} <= {e["id"] for e in by_path["sub/b.txt"]["entities"]}
    assert report.words == sum(len(t.split()) for t in TEXTS.values()) and f"{report.words} words in" in report.summary()
    assert report.converted == 3 and report.failed == [
        {"file": "empty.txt", "error": "EmptyInputError", "message": "input is empty (0 bytes)"}]
    assert json.loads((out / ERRORS_FILE).read_text(encoding="utf-8"))["file"] == "empty.txt"
    tables = export(out, tmp_path / "tables")  # the partitions are what `diplotext export` reads
    assert tables.documents == 3 and not tables.problems


def test_dask_bag_records(client, corpus: Path) -> None:
    paths = sorted(corpus.rglob("*.txt"))
    records = dask_bag(paths, root=corpus, npartitions=3).compute()
    assert [r["file"] for r in records] == ["a.txt", "empty.txt", "sub/b.txt", "sub/c.txt"]
    assert records[1]["error"] == "EmptyInputError"
    assert json.loads(records[0]["statement"])["figures"][0]["value"] == 38000000000
