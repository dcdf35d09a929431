"""The corpus report: its counts on a small corpus, a page that needs no network, one show
page per document linked from the table, and show pages drawn on rebuilt texts."""

from __future__ import annotations

import html
import re
import shutil
from pathlib import Path

import pytest

from conftest import PARSED, RAW, SEED_NEWS
from diplotext.cli import main
from diplotext.models import Statement
from diplotext.views import read_corpus
from diplotext.views.corpus_stats import corpus_stats
from diplotext.views.report import build_report, page_names
from diplotext.views.texts import REBUILT, rebuild_text
from views_corpus import corpus


def write_corpus(folder: Path) -> Path:
    """The small corpus and the two seeds' outputs, as `convert` writes them."""
    folder.mkdir(parents=True, exist_ok=True)
    for i, st in enumerate(corpus()):
        (folder / f"small_{i}.json").write_text(st.model_dump_json(), encoding="utf-8")
    for p in PARSED.glob("*.json"):
        shutil.copy(p, folder / p.name)
    return folder


def test_counts_of_the_small_corpus() -> None:
    stats = corpus_stats(read_corpus(corpus()))
    assert stats.documents == 5 and stats.undated == 1
    assert stats.kinds_by_year == {"joint_statement": {"2019": 1, "2021": 1, "2020": 1}, "news_report": {"2020": 1}}
    support = next(m for m in stats.stances if m.stance == "support")
    assert (support.actors, support.targets, support.counts) == (["BLR,RUS", "BLR"], ["CSTO", "EAEU"], [[2, 0], [0, 1]])
    assert list(stats.measures) == ["trade_volume", "investment"]
    assert {r["entity"] for r in stats.entities["ORG"].rows} == {"CSTO", "EAEU"}
    assert {r["entity"] for r in stats.entities["COUNTRY"].rows} == {"BLR", "RUS", "CHN"}


def test_report_page_and_its_show_pages(tmp_path: Path) -> None:
    parsed = write_corpus(tmp_path / "parsed")
    out = tmp_path / "site" / "report.html"
    result = build_report(parsed, out, texts=[RAW])
    assert (result.documents, result.pages, result.problems) == (7, 7, [])
    assert result.rebuilt == 5  # the small corpus has no texts; the seeds are found under data/raw
    page = out.read_text(encoding="utf-8")
    links = re.findall(r'<a class="doc" href="([^"]+)"', page)
    assert len(links) == 7 and all((out.parent / link).is_file() for link in links)
    # offline: no script, style, image or font from anywhere else (SVG namespaces are names, not loads)
    assert not re.search(r'(src|href)="(https?:)?//', page) and "@import" not in page
    assert not re.search(r"url\((?!#)", page)  # only references inside the page
    assert page.count("<svg") == page.count('<figure class="chart">') >= 6
    news = (out.parent / "report_show" / page_names(read_corpus(parsed).documents)["002_03691b205a052196.txt"])
    assert html.escape(REBUILT) not in news.read_text(encoding="utf-8")
    small = (out.parent / "report_show" / "2019_a.txt.html").read_text(encoding="utf-8")
    assert html.escape(REBUILT) in small


def test_a_rebuilt_text_holds_every_piece_at_its_offsets(seed_news: Statement) -> None:
    original = SEED_NEWS.read_text(encoding="utf-8")
    rebuilt = rebuild_text(seed_news)
    assert len(rebuilt) == len(original)
    for e in seed_news.entities:
        for m in e.mentions:
            assert rebuilt[m.start:m.end] == m.text
    for s in seed_news.stances:
        assert rebuilt[s.evidence.start:s.evidence.end] == s.evidence.text
    assert " ".join(rebuilt.split()) == " ".join(original.split())


def test_page_names_are_safe_and_unique() -> None:
    docs = read_corpus([*corpus(), *corpus()[:1]]).documents
    names = page_names(docs)
    assert names["2019/a.txt"] == "2019_a.txt.html" and names["2019/a.txt#2"] == "2019_a.txt_2.html"
    assert len(set(names.values())) == len(docs)


def test_cli(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    parsed = write_corpus(tmp_path / "parsed")
    assert main(["report", str(parsed), "--html", str(tmp_path / "r.html"), "--title", "Small corpus"]) == 0
    err = capsys.readouterr().err
    assert "7 documents, 7 show pages" in err and "7 show pages drawn on texts rebuilt" in err
    assert "<h1>Small corpus</h1>" in (tmp_path / "r.html").read_text(encoding="utf-8")
    assert main(["report", str(tmp_path / "missing"), "--html", str(tmp_path / "r.html")]) == 2
    assert main(["report", str(parsed), "--html", str(tmp_path / "r.html"), "--texts", str(tmp_path / "nope")]) == 2
