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


@pytest.mark.parametrize("bad", ["2012-13-45", "yesterday", "2012-02-30", "12-06-2012", "2012-6-1"])
def test_a_bad_date_is_a_usage_error_with_a_clear_message(tmp_path: Path, bad: str, capsys) -> None:
    f = tmp_path / "s.txt"
    f.write_text(STATEMENT, encoding="utf-8")
    for argv in (["parse", str(f), "--date", bad], ["convert", str(f), "--out", str(tmp_path / "o"), "--date", bad]):
        assert main(argv) == 2
        err = capsys.readouterr().err
        assert f"date {bad!r}" in err and "usage: diplotext " + argv[0] in err and "Traceback" not in err
    assert not (tmp_path / "o").exists()


@pytest.mark.parametrize(("given", "value", "granularity"), [("2012", "2012", "year"), ("2012-06", "2012-06", "month"),
                                                             ("2012-02-29", "2012-02-29", "day")])
def test_a_good_date_of_any_granularity_is_taken(tmp_path: Path, given: str, value: str, granularity: str, capsys) -> None:
    f = tmp_path / "s.txt"
    f.write_text(STATEMENT, encoding="utf-8")
    assert main(["parse", str(f), "--date", given]) == 0
    assert json.loads(capsys.readouterr().out)["date"] | {} == {
        "value": value, "granularity": granularity, "source": "caller", "text": None, "start": None, "end": None}


def test_a_bad_date_in_python_is_a_value_error() -> None:
    from diplotext.batch import BatchSetupError, convert

    with pytest.raises(ValueError, match="no such date"):
        diplotext.parse(STATEMENT, date="2012-13-45")
    with pytest.raises(diplotext.DiplotextError, match="ISO year, month or day"):
        diplotext.parse(STATEMENT, date="yesterday")
    with pytest.raises(ValueError):
        list(diplotext.parse_many([STATEMENT], date="2012-13"))
    with pytest.raises(BatchSetupError):
        convert(Path("."), Path("/nonexistent/out"), date="soon")


def test_a_typo_in_an_option_prints_the_subcommands_usage(tmp_path: Path, capsys) -> None:
    assert main(["convert", str(tmp_path), "--out", str(tmp_path / "o"), "--wrokers", "2"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("usage: diplotext convert ") and "unrecognized arguments: --wrokers 2" in err


def test_export_of_a_folder_without_outputs_says_so_and_writes_nothing(tmp_path: Path, capsys) -> None:
    (tmp_path / "empty").mkdir()
    assert main(["export", str(tmp_path / "empty"), "--to", str(tmp_path / "t")]) == 2
    err = capsys.readouterr().err
    assert "nothing to export" in err and "diplotext convert" in err
    assert not list((tmp_path / "t").glob("*.csv"))


def test_export_of_a_text_file_says_to_convert_it_first(tmp_path: Path, capsys) -> None:
    f = tmp_path / "s.txt"
    f.write_text(STATEMENT, encoding="utf-8")
    assert main(["export", str(f), "--to", str(tmp_path / "t")]) == 2
    err = capsys.readouterr().err
    assert f"{f}: not an output of 'diplotext convert'" in err and "diplotext convert " + str(f) in err
    assert ": :" not in err


def test_a_forced_language_that_disagrees_with_the_text_warns(tmp_path: Path, capsys) -> None:
    f = tmp_path / "s.txt"
    f.write_text(STATEMENT * 3, encoding="utf-8")
    assert main(["parse", str(f), "--lang", "ru"]) == 0
    captured = capsys.readouterr()
    assert "warning: the language was forced to 'ru', but the text is written in Latin letters" in captured.err
    assert any("forced to 'ru'" in w for w in json.loads(captured.out)["warnings"])
    assert main(["parse", str(f), "--lang", "en"]) == 0
    assert "warning" not in capsys.readouterr().err
    assert not diplotext.parse("Президенты встретились в Минске. " * 20, lang="ru").warnings
    assert diplotext.parse("Президенты встретились в Минске. " * 20, lang="en").warnings


def test_counts_are_singular_for_one(tmp_path: Path, capsys) -> None:
    f = tmp_path / "in" / "s.txt"
    f.parent.mkdir()
    f.write_text(STATEMENT, encoding="utf-8")
    assert main(["convert", str(f.parent), "--out", str(tmp_path / "o")]) == 0
    assert "1 file: 1 converted" in capsys.readouterr().err
    assert main(["export", str(tmp_path / "o"), "--to", str(tmp_path / "t")]) == 0
    err = capsys.readouterr().err
    assert "1 document ->" in err and "documents: 1 row\n" in err
