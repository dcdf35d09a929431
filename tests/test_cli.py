"""The command line on temporary folders: convert, stdin, parse, schema, exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import diplotext
from diplotext.cli import main

STATEMENT = (
    "Joint Statement of the Presidents of the Republic of Belarus and the Russian Federation\n\n"
    "On June 19, 2018 the Presidents welcomed the growth of mutual trade, which in 2017 reached US$ 32 billion.\n"
)


def test_convert_folder(tmp_path: Path) -> None:
    inp, out = tmp_path / "in", tmp_path / "out"
    inp.mkdir()
    (inp / "a.txt").write_text(STATEMENT, encoding="utf-8")
    (inp / "b.txt").write_text(STATEMENT.replace("2017", "2016"), encoding="cp1251")
    assert main(["convert", str(inp), "--out", str(out)]) == 0
    a = json.loads((out / "a.json").read_text(encoding="utf-8"))
    assert a["source"]["path"] == "a.txt" and a["kind"] == "joint_statement"
    assert {"BLR", "RUS"} <= {e["id"] for e in a["entities"]}
    assert a["figures"][0]["value"] == 32000000000
    assert not (out / "_errors.jsonl").exists()


def test_convert_reports_a_bad_file_and_converts_the_rest(tmp_path: Path) -> None:
    inp, out = tmp_path / "in", tmp_path / "out"
    inp.mkdir()
    (inp / "good.txt").write_text(STATEMENT, encoding="utf-8")
    (inp / "empty.txt").write_bytes(b"")
    assert main(["convert", str(inp), "--out", str(out)]) == 1
    assert (out / "good.json").exists() and not (out / "empty.json").exists()
    errors = [json.loads(line) for line in (out / "_errors.jsonl").read_text(encoding="utf-8").splitlines()]
    assert errors == [{"file": "empty.txt", "error": "EmptyInputError", "message": "input is empty (0 bytes)"}]


def test_convert_stdin_to_stdout() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "diplotext", "convert", "-"], input=STATEMENT, capture_output=True, text=True, check=True
    )
    data = json.loads(proc.stdout)
    assert data["title"].startswith("Joint Statement of the Presidents")


def test_parse_prints_one_json(tmp_path: Path, capsys) -> None:
    f = tmp_path / "s.txt"
    f.write_text(STATEMENT, encoding="utf-8")
    assert main(["parse", str(f), "--date", "2018-06-19"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["date"] == {"value": "2018-06-19", "granularity": "day", "source": "caller", "text": None, "start": None, "end": None}


def test_schema_command_prints_a_schema_that_real_output_validates_against(tmp_path: Path, capsys) -> None:
    import jsonschema

    assert main(["schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    jsonschema.Draft202012Validator.check_schema(schema)
    f = tmp_path / "s.txt"
    f.write_text(STATEMENT, encoding="utf-8")
    assert main(["parse", str(f)]) == 0
    output = json.loads(capsys.readouterr().out)
    jsonschema.validate(output, schema)
    assert set(output) == set(schema["properties"])  # every key documented, none in the schema alone
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({**output, "kind": "tweet"}, schema)


def test_version_option_prints_the_package_version(capsys) -> None:
    assert main(["--version"]) == 0
    assert capsys.readouterr().out.strip() == f"diplotext {diplotext.__version__}"


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    assert main(["convert", str(tmp_path / "missing"), "--out", str(tmp_path / "o")]) == 2
