"""A long input's JSON written as its pieces are parsed (`diplotext.batch.streamed`): the same
bytes as `statement_json(parse(text))`, atomic, a full disk a clean error, memory that does not
hold the whole statement."""

from __future__ import annotations

import errno
import io
import json
import sys
from pathlib import Path

import pytest

import diplotext
from diplotext import batch, pipeline
from diplotext.batch import convert, serial, statement_json, streamed
from diplotext.batch.serial import count_words
from diplotext.cli import main
from peak_memory import CORPUS, growth_kb

_PARAGRAPH = (
    "On 5 May 2011 Foreign Minister Maksim Ryzhenkov of Belarus met the Secretary General of the "
    "Shanghai Cooperation Organization (SCO) in Minsk. Trade between Belarus and Russia exceeded "
    "US$ 38 billion, up 12.5 percent. Both sides condemned terrorism in all its forms.\n\n"
    "Relations\n\n"
    "1. Ryzhenkov said the SCO welcomed the Union State's initiative and supported closer ties.\n\n"
    "The President of Russia visited Minsk on 8 December 1999 and signed the Treaty on the Creation of a Union State.\n\n"
    "Share\nTweet\n\n"
)


def _long(paragraphs: int) -> str:
    return "Joint Statement of Belarus and Russia\n\nMinsk, 6 May 2011\n\n" + _PARAGRAPH * paragraphs


@pytest.fixture
def small_pieces(monkeypatch: pytest.MonkeyPatch) -> int:
    """Pieces of 3,000 characters, so that a text of a few pages is cut many times."""
    monkeypatch.setattr(pipeline, "PIECE_CHARS", 3000)
    return 3000


def _streamed(text: str, **kwargs: object) -> bytes:
    out = io.BytesIO()
    streamed.write_json(pipeline.prepare(text, max_chars=None), out, **kwargs)  # type: ignore[arg-type]
    return out.getvalue()


def test_the_streamed_json_is_the_bytes_of_the_whole_statement(small_pieces: int) -> None:
    text = _long(30) + "Kazakhstan and China welcomed the talks.\n"
    st = diplotext.parse(text)
    assert sum("pieces" in w for w in st.warnings) == 1
    assert st.entities and st.sections and st.dates and st.figures and st.events and st.stances and st.removed
    assert len({len(e.mentions) > 1 for e in st.entities}) == 2  # entities with one mention and with many
    assert _streamed(text) == statement_json(st).encode("utf-8")


@pytest.mark.parametrize("text", [
    _long(12) + "Россия и Беларусь «договорились» — 5 мая.\n\n" * 40,  # non-ASCII, escapes none
    "Joint Statement\n\n" + "Belarus and Russia agreed.\n" * 400,  # no blank line: other cuts
    "Trade grew by " + ", ".join(f"{k}%" for k in range(1, 900)) + ".\n\n",  # one list, few entities
    "x " * 4000,  # no values at all: every list empty
])
def test_the_streamed_json_is_the_whole_statement_whatever_the_text(small_pieces: int, text: str) -> None:
    assert _streamed(text) == statement_json(diplotext.parse(text, max_chars=None)).encode("utf-8")


def test_the_streamed_json_keeps_a_callers_date(small_pieces: int) -> None:
    text = _long(10).replace("6 May 2011", "this week") + "Last year trade grew.\n\n"
    expected = statement_json(diplotext.parse(text, date="2012-06-25")).encode("utf-8")
    assert _streamed(text, date="2012-06-25") == expected


def test_a_batch_writes_a_long_input_as_the_statement_would_be(tmp_path: Path, small_pieces: int,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    calls = []
    real = streamed.convert_long
    monkeypatch.setattr(serial, "convert_long", lambda *a, **k: calls.append(a[1]) or real(*a, **k))
    root = tmp_path / "in"
    root.mkdir()
    texts = {"short.txt": "Belarus and Russia signed the treaty on 8 December 1999.", "long.txt": _long(20),
             "long2.txt": _long(15)}
    for name, text in texts.items():
        (root / name).write_text(text, encoding="utf-8")
    report = convert(root, tmp_path / "out", furniture=False)
    assert report.converted == 3 and report.words == sum(len(t.split()) for t in texts.values())
    assert sorted(p.name for p in calls) == ["long.json", "long2.json"]
    for name in texts:
        expected = statement_json(diplotext.parse_file(root / name)).replace('"path": "' + str(root / name), '"path": "' + name)
        assert (tmp_path / "out" / name.replace(".txt", ".json")).read_text(encoding="utf-8") == expected
    assert not list((tmp_path / "out").glob(".*.tmp"))


def test_a_disk_full_while_spooling_is_a_clean_error_with_nothing_left(tmp_path: Path, small_pieces: int,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    root = tmp_path / "in"
    root.mkdir()
    (root / "a.txt").write_text(_long(20), encoding="utf-8")
    (root / "b.txt").write_text(_long(20), encoding="utf-8")
    writes = []

    class FullSpool(streamed.Spool):
        def take(self, name: str, values: list) -> None:  # type: ignore[type-arg]
            writes.append(name)
            if len(writes) > 20:
                self.fh.write = _full  # type: ignore[method-assign]
            super().take(name, values)

    monkeypatch.setattr(streamed, "Spool", FullSpool)
    report = convert(root, tmp_path / "out", furniture=False)
    assert report.converted == 0 and [f["error"] for f in report.failed] == ["OutputError", "OutputError"]
    assert "the disk is full" in report.failed[0]["message"] and "not converted" in report.failed[1]["message"]
    assert not list((tmp_path / "out").glob("*.json")) and not list((tmp_path / "out").glob(".*.tmp"))


def _full(*args: object) -> None:
    raise OSError(errno.ENOSPC, "No space left on device")


def test_a_disk_full_while_writing_the_output_leaves_the_old_output(tmp_path: Path, small_pieces: int,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    root = tmp_path / "in"
    root.mkdir()
    (root / "a.txt").write_text(_long(20), encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    (out / "a.json").write_text("old", encoding="utf-8")
    real = streamed.Spool.write

    def write(self: streamed.Spool, fh: io.BufferedWriter, *args: object) -> None:
        real(self, fh, *args)  # type: ignore[arg-type]
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(streamed.Spool, "write", write)
    report = convert(root, out, force=True, furniture=False)
    assert report.failed[0]["error"] == "OutputError" and "the disk is full" in report.failed[0]["message"]
    assert (out / "a.json").read_text(encoding="utf-8") == "old"
    assert not list(out.glob(".*.tmp"))


def test_a_failed_parse_of_a_long_input_is_its_own_error_and_the_batch_goes_on(tmp_path: Path, small_pieces: int,
                                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    root = tmp_path / "in"
    root.mkdir()
    (root / "a.txt").write_text(_long(20), encoding="utf-8")
    (root / "b.txt").write_text("Belarus and Russia signed the treaty.", encoding="utf-8")

    def broken(lang: str, gazetteer: object) -> object:
        raise ValueError("broken piece")

    monkeypatch.setattr(streamed, "piece_parser", broken)
    report = convert(root, tmp_path / "out", furniture=False)
    assert report.converted == 1 and report.failed[0]["file"] == "a.txt" and "ValueError" in report.failed[0]["message"]
    assert [p.name for p in (tmp_path / "out").glob("*.json")] == ["b.json"]
    assert not list((tmp_path / "out").glob(".*.tmp"))


def test_the_jsonl_of_a_long_input_is_its_statement(tmp_path: Path, small_pieces: int) -> None:
    root = tmp_path / "in"
    root.mkdir()
    (root / "a.txt").write_text(_long(10), encoding="utf-8")
    convert(root, tmp_path / "out", fmt="jsonl", furniture=False)
    line = (tmp_path / "out" / batch.JSONL_FILE).read_text(encoding="utf-8")
    assert json.loads(line) == json.loads(diplotext.parse_file(root / "a.txt", ).model_dump_json()) | {
        "source": json.loads(line)["source"]}


def test_convert_from_stdin_and_parse_write_the_statement(tmp_path: Path, small_pieces: int, capsysbinary,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    text = _long(10)
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    assert main(["parse", str(tmp_path / "a.txt")]) == 0
    captured = capsysbinary.readouterr()
    assert captured.out == statement_json(diplotext.parse_file(tmp_path / "a.txt")).encode("utf-8")
    assert b"warning: the text" in captured.err
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text.encode("utf-8"))))
    assert main(["convert", "-"]) == 0
    assert capsysbinary.readouterr().out == statement_json(diplotext.parse(text)).encode("utf-8")


@pytest.mark.parametrize("text", ["", " ", "a", " a b ", "word " * 100, "a\u00a0b\u2003c\u3000d " * 50, "x" * 300 + " y"])
def test_words_are_counted_as_split_counts_them(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    for chunk in (1, 2, 3, 7, 64):
        monkeypatch.setattr(serial, "_WORD_CHUNK", chunk)
        assert count_words(text) == len(text.split()), chunk


_CONVERT_PEAK = """
from diplotext.cli import main
from peak_memory import CORPUS, growth_kb
with tempfile.TemporaryDirectory() as tmp:
    (Path(tmp) / "in").mkdir()
    (Path(tmp) / "in" / "long.txt").write_text("\\n\\n".join(out), encoding="utf-8")
    del out
    gc.collect()
    before = int(open("/proc/self/statm").read().split()[1]) * resource.getpagesize() // 1024
    main(["convert", str(Path(tmp) / "in"), "--out", str(Path(tmp) / "out"), "--lang", "en", "--max-bytes", "0"])
    print(json.dumps({"growth_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before}))
"""


@pytest.mark.slow
@pytest.mark.skipif(not CORPUS.is_dir() or not Path("/proc/self/statm").exists(), reason="needs the shared corpus and /proc")
def test_the_peak_memory_of_converting_a_long_text_hardly_grows_with_it() -> None:
    """Peak resident memory of `diplotext convert` over the resident size of a warm process, for
    0.75 and 3.75 MB of real news texts as one file, each in a fresh process: five times the text
    must cost under 1.6 times the memory, since only one piece's working memory and the merged
    entities live at once; the whole statement and its JSON never do."""
    small, large = growth_kb(_CONVERT_PEAK, 750_000), growth_kb(_CONVERT_PEAK, 3_750_000)
    assert large <= 1.6 * small, (small, large)
