"""`diplotext convert` on folders: options, summary, progress bar, exit codes 0 / 1 / 2."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from diplotext.cli import main, parse_size

STATEMENT = (
    "Joint Statement of the Presidents of the Republic of Belarus and the Russian Federation\n\n"
    "On June 19, 2018 the Presidents welcomed the growth of mutual trade, which in 2017 reached US$ 32 billion.\n"
)


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    root = tmp_path / "in"
    for i in range(5):
        d = root / f"y{2010 + i}"
        d.mkdir(parents=True)
        (d / f"s{i}.txt").write_text(STATEMENT.replace("2017", str(2010 + i)), encoding="utf-8")
    return root


def test_convert_tree_with_summary_and_exit_0(corpus: Path, tmp_path: Path, capsys) -> None:
    out = tmp_path / "out"
    assert main(["convert", str(corpus), "--out", str(out)]) == 0
    err = capsys.readouterr().err
    assert "5 files: 5 converted, 0 skipped, 0 failed;" in err and "words in" in err
    assert len(list(out.rglob("*.json"))) == 5
    assert "\r" not in err and "it/s" not in err and "file/s" not in err  # no progress bar off a terminal
    assert main(["convert", str(corpus), "--out", str(out)]) == 0
    assert "5 files: 0 converted, 5 skipped, 0 failed" in capsys.readouterr().err
    assert main(["convert", str(corpus), "--out", str(out), "--force"]) == 0
    err = capsys.readouterr().err
    assert "5 converted" in err and "--force" in err


def test_convert_exit_1_lists_each_failure(corpus: Path, tmp_path: Path, capsys) -> None:
    (corpus / "bad.txt").write_bytes(b"%PDF-1.4\n")
    (corpus / "big.txt").write_text(STATEMENT * 10, encoding="utf-8")
    out = tmp_path / "out"
    assert main(["convert", str(corpus), "--out", str(out), "--max-bytes", "1K"]) == 1
    err = capsys.readouterr().err
    assert "failed: bad.txt: BinaryInputError" in err and "failed: big.txt: InputTooLargeError" in err
    assert "5 converted" in err and "2 failed" in err and str(out / "_errors.jsonl") in err
    assert {json.loads(x)["file"] for x in (out / "_errors.jsonl").read_text(encoding="utf-8").splitlines()} == {"bad.txt", "big.txt"}


def test_convert_jsonl_with_two_workers(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert main(["convert", str(corpus), "--out", str(out), "--format", "jsonl", "--workers", "2"]) == 0
    lines = (out / "statements.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(x)["source"]["path"] for x in lines] == [f"y{2010 + i}/s{i}.txt" for i in range(5)]


def test_convert_glob(corpus: Path, tmp_path: Path) -> None:
    (corpus / "extra.md").write_text(STATEMENT, encoding="utf-8")
    assert main(["convert", str(corpus), "--out", str(tmp_path / "out"), "--glob", "*.md"]) == 0
    assert [p.name for p in (tmp_path / "out").rglob("*.json")] == ["extra.json"]


@pytest.mark.parametrize("argv", [
    ["--out", "{out}", "--glob", "../*.txt"],
    ["--out", "{out}", "--workers", "-1"],
    ["--out", "{out}", "--format", "xml"],
    ["--out", "{out}", "--max-bytes", "lots"],
    ["--out", "{file}"],
    [],
    ["--out", "{out}", "--gazetteer", "{bad_gazetteer}"],
])
def test_usage_errors_exit_2_and_convert_nothing(corpus: Path, tmp_path: Path, argv: list[str], capsys) -> None:
    bad = tmp_path / "gaz.json"
    bad.write_text('[{"id": "X"}]', encoding="utf-8")
    a_file = tmp_path / "a-file"
    a_file.write_text("x")
    args = [a.format(out=tmp_path / "out", file=a_file, bad_gazetteer=bad) for a in argv]
    assert main(["convert", str(corpus), *args]) == 2
    assert capsys.readouterr().err
    assert not list((tmp_path / "out").rglob("*.json")) if (tmp_path / "out").exists() else True


def test_missing_input_is_a_usage_error(tmp_path: Path) -> None:
    assert main(["convert", str(tmp_path / "nowhere"), "--out", str(tmp_path / "o")]) == 2


def test_stdin_is_decoded_like_a_file() -> None:
    proc = subprocess.run([sys.executable, "-m", "diplotext", "convert", "-"], input=STATEMENT.encode("cp1251"),
                          capture_output=True, check=True)
    assert json.loads(proc.stdout)["source"]["encoding"] == "utf-8"
    proc = subprocess.run([sys.executable, "-m", "diplotext", "convert", "-"], input=STATEMENT.encode("utf-16"),
                          capture_output=True, check=True)
    assert json.loads(proc.stdout)["source"]["encoding"].startswith("utf-16")
    proc = subprocess.run([sys.executable, "-m", "diplotext", "convert", "-", "--max-bytes", "100"],
                          input=STATEMENT.encode(), capture_output=True)
    assert proc.returncode == 1 and b"InputTooLargeError" in proc.stderr


def test_sizes() -> None:
    assert parse_size("20M") == 20 * 1024 * 1024 and parse_size("500k") == 512_000 and parse_size("1GiB") == 1024**3
    assert parse_size("123") == 123 and parse_size("0") is None and parse_size("none") is None


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")
def test_progress_bar_on_a_terminal(corpus: Path, tmp_path: Path) -> None:
    import pty

    try:
        primary, secondary = pty.openpty()
    except OSError:
        pytest.skip("no pseudo-terminal on this machine")
    proc = subprocess.Popen([sys.executable, "-m", "diplotext", "convert", str(corpus), "--out", str(tmp_path / "out")],
                            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=secondary)
    os.close(secondary)
    chunks = []
    while True:
        try:
            data = os.read(primary, 4096)
        except OSError:
            break
        if not data:
            break
        chunks.append(data)
    assert proc.wait(timeout=120) == 0
    os.close(primary)
    screen = b"".join(chunks).decode("utf-8", "replace")
    assert "5/5" in screen and "file" in screen  # tqdm's bar
    assert "5 files: 5 converted" in screen


def test_workers_from_python_dash_m_and_from_a_script_on_stdin(corpus: Path, tmp_path: Path) -> None:
    # worker processes must not run the main module again (python -m diplotext, a script on stdin)
    proc = subprocess.run([sys.executable, "-m", "diplotext", "convert", str(corpus), "--out", str(tmp_path / "a"),
                           "--workers", "2"], capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0 and "5 files: 5 converted" in proc.stderr and "Traceback" not in proc.stderr
    script = (f"from pathlib import Path\nfrom diplotext.batch import convert\n"
              f"print(convert(Path({str(corpus)!r}), Path({str(tmp_path / 'b')!r}), workers=2).summary())\n")
    proc = subprocess.run([sys.executable, "-"], input=script, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0 and "5 files: 5 converted" in proc.stdout, proc.stderr


def test_max_bytes_governs_the_characters_too(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    """With a character limit of its own below the file's size, `--max-bytes` above it still lets
    the file through: the one limit the user sets governs bytes and characters alike."""
    import diplotext.pipeline

    monkeypatch.setattr(diplotext.pipeline.prepare, "__kwdefaults__",
                        {**diplotext.pipeline.prepare.__kwdefaults__, "max_chars": 1000})
    f = tmp_path / "in" / "big.txt"
    f.parent.mkdir()
    f.write_text(STATEMENT * 40, encoding="utf-8")  # about 8,000 characters
    assert main(["convert", str(f.parent), "--out", str(tmp_path / "o"), "--max-bytes", "10K"]) == 0
    assert main(["parse", str(f), "--max-bytes", "10K"]) == 0
    assert main(["convert", str(f.parent), "--out", str(tmp_path / "p"), "--max-bytes", "4K"]) == 1
    assert "over the limit of 4,096 bytes" in capsys.readouterr().err
