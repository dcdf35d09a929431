"""Batch conversion as a library: folder trees, incremental runs, atomic writes, bad files, safe outputs."""

from __future__ import annotations

import hashlib
import json
import os
import sys
from pathlib import Path

import pytest

import diplotext
from diplotext import batch
from diplotext.batch import ERRORS_FILE, JSONL_FILE, BatchSetupError, convert

STATEMENT = (
    "Joint Statement of the Presidents of the Republic of Belarus and the Russian Federation\n\n"
    "On June 19, 2018 the Presidents welcomed the growth of mutual trade, which in 2017 reached US$ 32 billion.\n"
)
NEWS = (
    "Lukashenko and Putin discuss trade\n\n"
    "MINSK, 6 December 2024 - The leaders of Belarus and Russia met in Minsk and agreed to expand cooperation "
    "in industry and energy, the press service said.\n"
)
RUSSIAN = "Совместное заявление\n\nПрезиденты Беларуси и России обсудили торговлю, которая в 2017 году превысила 32 млрд долларов.\n"


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding=encoding)
    return path


def digest_tree(root: Path) -> dict[str, str]:
    return {str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(root.rglob("*")) if p.is_file()}


def errors_of(out: Path) -> dict[str, dict[str, str]]:
    lines = (out / ERRORS_FILE).read_text(encoding="utf-8").splitlines()
    return {e["file"]: e for e in map(json.loads, lines)}


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    root = tmp_path / "in"
    write(root / "2018" / "statement.txt", STATEMENT)
    write(root / "2024" / "dec" / "news.txt", NEWS)
    write(root / "ru.txt", RUSSIAN, encoding="cp1251")
    write(root / "notes.md", "not a text to convert")
    return root


# --------------------------------------------------------------------------- the tree


def test_converts_a_folder_tree_recursively_mirroring_it(tree: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    report = convert(tree, out)
    assert report.ok and (report.files, report.converted, report.skipped) == (3, 3, 0)
    assert {p.relative_to(out).as_posix() for p in out.rglob("*.json")} == {
        "2018/statement.json", "2024/dec/news.json", "ru.json"}
    assert (out / batch.RUN_FILE).exists()
    st = json.loads((out / "2024" / "dec" / "news.json").read_text(encoding="utf-8"))
    assert st["source"]["path"] == "2024/dec/news.txt"
    ru = json.loads((out / "ru.json").read_text(encoding="utf-8"))
    assert ru["language"] == "ru" and ru["source"]["encoding"] == "cp1251"
    assert report.words == sum(len(t.split()) for t in (STATEMENT, NEWS, RUSSIAN))
    assert not (out / ERRORS_FILE).exists()


def test_glob_chooses_the_files(tree: Path, tmp_path: Path) -> None:
    report = convert(tree, tmp_path / "out", pattern="*.md")
    assert report.converted == 1 and (tmp_path / "out" / "notes.json").exists()


def test_a_single_file_is_a_batch_of_one(tree: Path, tmp_path: Path) -> None:
    report = convert(tree / "ru.txt", tmp_path / "out")
    assert report.converted == 1 and (tmp_path / "out" / "ru.json").exists()


def test_outputs_match_parse_file(tree: Path, tmp_path: Path) -> None:
    convert(tree, tmp_path / "out")
    fresh = diplotext.parse_file(tree / "2018" / "statement.txt")
    saved = diplotext.Statement.model_validate_json((tmp_path / "out" / "2018" / "statement.json").read_text(encoding="utf-8"))
    assert saved.model_dump(exclude={"source"}) == fresh.model_dump(exclude={"source"})
    assert saved.source.sha256 == fresh.source.sha256


# --------------------------------------------------------------------------- incremental


def test_second_run_skips_what_is_up_to_date(tree: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    convert(tree, out)
    before = {p: p.stat().st_mtime_ns for p in out.rglob("*.json")}
    report = convert(tree, out)
    assert (report.converted, report.skipped) == (0, 3)
    assert all(p.stat().st_mtime_ns == t for p, t in before.items() if p.name != batch.RUN_FILE)


def test_a_changed_input_is_converted_again(tree: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    convert(tree, out)
    write(tree / "ru.txt", RUSSIAN.replace("2017", "2016"), encoding="cp1251")
    report = convert(tree, out)
    assert (report.converted, report.skipped) == (1, 2)
    assert "2016" in (out / "ru.json").read_text(encoding="utf-8")


def test_force_converts_everything(tree: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    convert(tree, out)
    report = convert(tree, out, force=True)
    assert (report.converted, report.skipped) == (3, 0) and report.redo_reason == "--force"


def test_a_new_diplotext_version_converts_again(tree: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "out"
    convert(tree, out)
    monkeypatch.setattr(diplotext.__about__, "__version__", "99.0")
    report = convert(tree, out)
    assert report.converted == 3
    assert json.loads((out / "ru.json").read_text(encoding="utf-8"))["source"]["diplotext_version"] == "99.0"


def test_changed_settings_convert_everything_again(tree: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    convert(tree, out)
    report = convert(tree, out, date="2020-01-01")
    assert report.converted == 3 and "date" in (report.redo_reason or "")
    assert json.loads((out / "ru.json").read_text(encoding="utf-8"))["date"]["value"] == "2020-01-01"
    assert convert(tree, out, date="2020-01-01").skipped == 3


# --------------------------------------------------------------------------- atomic writes


def test_a_kill_while_writing_leaves_the_old_output(tree: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "out"
    convert(tree, out)
    old = (out / "ru.json").read_bytes()
    write(tree / "ru.txt", RUSSIAN.replace("2017", "2016"), encoding="cp1251")

    def killed(src: str, dst: str) -> None:
        raise KeyboardInterrupt  # the moment between writing the temporary file and renaming it

    monkeypatch.setattr(batch.writing.os, "replace", killed)
    with pytest.raises(KeyboardInterrupt):
        convert(tree, out)
    monkeypatch.undo()
    assert (out / "ru.json").read_bytes() == old
    assert not [p for p in out.rglob("*") if p.name.endswith(".tmp")]


def test_a_write_failure_is_recorded_and_the_batch_goes_on(tree: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    (out / "2018").mkdir(parents=True)
    (out / "2018" / "statement.json").mkdir()  # a folder where the output should go
    report = convert(tree, out)
    assert report.converted == 2 and [f["file"] for f in report.failed] == ["2018/statement.txt"]
    assert report.failed[0]["error"] == "OutputError"
    assert report.failed[0]["message"] == f"cannot write {out / '2018' / 'statement.json'}: a folder of that name is in the way"


# --------------------------------------------------------------------------- bad files


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    root = tmp_path / "in"
    write(root / "good.txt", STATEMENT)
    (root / "empty.txt").write_bytes(b"")
    (root / "blank.txt").write_bytes(b" \n\t\n")
    (root / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    (root / "paper.txt").write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n")
    (root / "archive.txt").write_bytes(b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + bytes(200))
    (root / "nul.txt").write_bytes(b"Belarus\x00and\x00Russia\x00" * 3 + b"\xff\xfe\xfd" * 40)
    (root / "utf16.txt").write_bytes(STATEMENT.encode("utf-16-le"))
    (root / "cp1251.txt").write_bytes(RUSSIAN.encode("cp1251"))
    (root / "folder.txt").mkdir()
    (root / "broken.txt").symlink_to(root / "no-such-target.txt")
    write(root / "big.txt", STATEMENT * 200)
    return root


def test_every_bad_file_gets_its_own_error_and_the_rest_converts(hostile: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    report = convert(hostile, out, max_bytes=10_000)
    errors = errors_of(out)
    assert {f["file"] for f in report.failed} == set(errors)
    expected = {
        "empty.txt": ("EmptyInputError", "empty"),
        "blank.txt": ("EmptyInputError", "whitespace"),
        "image.txt": ("BinaryInputError", "PNG"),
        "paper.txt": ("BinaryInputError", "PDF"),
        "archive.txt": ("BinaryInputError", "ZIP"),
        "folder.txt": ("UnreadableInputError", "directory"),
        "broken.txt": ("UnreadableInputError", "broken symbolic link"),
        "big.txt": ("InputTooLargeError", "over the limit of 10,000 bytes"),
    }
    for name, (cls, words) in expected.items():
        assert errors[name]["error"] == cls, errors[name]
        assert words in errors[name]["message"], errors[name]
    assert errors["nul.txt"]["error"] in ("BinaryInputError", "DecodingError")
    assert (out / "good.json").exists() and (out / "utf16.json").exists() and (out / "cp1251.json").exists()
    assert json.loads((out / "utf16.json").read_text(encoding="utf-8"))["source"]["encoding"].startswith("utf-16")
    assert report.converted == 3 and len(report.failed) == len(expected) + 1
    assert not any((out / f"{Path(n).stem}.json").exists() for n in errors)


def test_an_unreadable_file_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = tmp_path / "in"
    write(root / "good.txt", STATEMENT)
    locked = write(root / "locked.txt", STATEMENT)
    locked.chmod(0)
    if os.geteuid() == 0:  # root reads any file: make the read fail as it does for anyone else
        real_open = Path.open

        def deny(self: Path, *a, **kw):  # type: ignore[no-untyped-def]
            if self.name == "locked.txt":
                raise PermissionError(13, "Permission denied", str(self))
            return real_open(self, *a, **kw)

        monkeypatch.setattr(Path, "open", deny)
    report = convert(root, tmp_path / "out")
    locked.chmod(0o644)
    assert report.converted == 1
    assert report.failed == [{"file": "locked.txt", "error": "UnreadableInputError", "message": f"{locked}: permission denied"}]


def test_a_file_that_vanishes_mid_batch_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = tmp_path / "in"
    for name in ("a.txt", "b.txt", "c.txt"):
        write(root / name, STATEMENT)
    real = batch.planning.find_inputs

    def listed_then_deleted(root: Path, pattern: str = "*.txt"):  # type: ignore[no-untyped-def]
        found = list(real(root, pattern))
        (root / "b.txt").unlink()  # gone after the listing, before it is read
        return iter(found)

    monkeypatch.setattr(batch.planning, "find_inputs", listed_then_deleted)
    report = convert(root, tmp_path / "out")
    assert report.converted == 2
    assert report.failed[0]["file"] == "b.txt" and report.failed[0]["error"] == "UnreadableInputError"
    assert "no such file" in report.failed[0]["message"] or "vanished" in report.failed[0]["message"]


def test_a_bug_in_one_document_does_not_stop_the_batch(tree: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from diplotext import pipeline

    real = pipeline.build_statement

    def fragile(prep, doc, **kw):  # type: ignore[no-untyped-def]
        if prep.source.path == "ru.txt":
            raise ValueError("boom")
        return real(prep, doc, **kw)

    monkeypatch.setattr(pipeline, "build_statement", fragile)
    report = convert(tree, tmp_path / "out")
    assert report.converted == 2
    assert report.failed == [{"file": "ru.txt", "error": "ValueError",
                              "message": "unexpected ValueError (a bug in diplotext, please report it): boom"}]


def test_errors_file_is_removed_when_all_succeed(tmp_path: Path) -> None:
    root, out = tmp_path / "in", tmp_path / "out"
    write(root / "a.txt", STATEMENT)
    (root / "b.txt").write_bytes(b"")
    convert(root, out)
    assert (out / ERRORS_FILE).exists()
    (root / "b.txt").unlink()
    assert convert(root, out).ok and not (out / ERRORS_FILE).exists()


def test_undecodable_file_names_are_reported_readably(tmp_path: Path) -> None:
    if sys.platform == "darwin":
        pytest.skip("macOS file systems refuse undecodable names")
    root, out = tmp_path / "in", tmp_path / "out"
    root.mkdir()
    (root / os.fsdecode(b"bad\xff.txt")).write_bytes(b"")
    write(root / os.fsdecode(b"ok\xfe.txt"), STATEMENT)
    report = convert(root, out)
    assert report.failed[0]["file"] == "bad\\xff.txt"
    assert json.loads((out / ERRORS_FILE).read_text(encoding="utf-8"))["file"] == "bad\\xff.txt"
    st = json.loads((out / os.fsdecode(b"ok\xfe.json")).read_text(encoding="utf-8"))
    assert st["source"]["path"] == "ok\\xfe.txt"


# --------------------------------------------------------------------------- output safety


def test_out_can_be_the_input_folder_and_inputs_stay_untouched(tree: Path) -> None:
    before = digest_tree(tree)
    report = convert(tree, tree)
    assert report.converted == 3 and (tree / "2018" / "statement.json").exists()
    after = digest_tree(tree)
    assert all(after[k] == v for k, v in before.items())
    assert convert(tree, tree).skipped == 3  # its own outputs are not taken for inputs


def test_an_output_never_overwrites_an_input(tmp_path: Path) -> None:
    root = tmp_path / "in"
    write(root / "a.txt", STATEMENT)
    write(root / "a.json", '{"precious": "data"}')
    write(root / "b.json", NEWS)
    before = digest_tree(root)
    report = convert(root, root, pattern="*")
    after = digest_tree(root)
    assert {k: after[k] for k in before} == before and set(after) - set(before) == {batch.RUN_FILE, ERRORS_FILE}
    problems = {f["file"]: f for f in report.failed}
    assert problems.keys() == {"a.txt", "a.json", "b.json"}
    assert all(f["error"] == "OutputConflictError" and "would overwrite the input" in f["message"] for f in problems.values())


def test_out_inside_the_input_folder_is_not_searched(tree: Path) -> None:
    out = tree / "parsed"
    convert(tree, out, pattern="*")
    before = digest_tree(tree)
    report = convert(tree, out, pattern="*")
    assert report.files == 4 and report.skipped == 4  # 3 texts and notes.md; never parsed/*.json
    assert digest_tree(tree) == before


def test_two_inputs_with_one_output_are_refused(tmp_path: Path) -> None:
    root = tmp_path / "in"
    write(root / "a.txt", STATEMENT)
    write(root / "a.md", NEWS)
    report = convert(root, tmp_path / "out", pattern="*")
    assert report.converted == 1
    assert report.failed[0]["file"] == "a.txt" and "also the output of a.md" in report.failed[0]["message"]


def test_no_output_escapes_through_a_symlink_in_the_output_folder(tmp_path: Path) -> None:
    root, out, elsewhere = tmp_path / "in", tmp_path / "out", tmp_path / "elsewhere"
    write(root / "sub" / "a.txt", STATEMENT)
    out.mkdir()
    elsewhere.mkdir()
    (out / "sub").symlink_to(elsewhere, target_is_directory=True)
    report = convert(root, out)
    assert report.failed[0]["error"] == "OutputConflictError" and "outside" in report.failed[0]["message"]
    assert list(elsewhere.iterdir()) == []


@pytest.mark.parametrize("pattern", ["../*.txt", "/etc/*", "**/*.txt", ""])
def test_patterns_that_leave_the_input_folder_are_refused(tree: Path, tmp_path: Path, pattern: str) -> None:
    with pytest.raises(BatchSetupError):
        convert(tree, tmp_path / "out", pattern=pattern)
    assert not (tmp_path / "out").exists()


def test_bookkeeping_files_never_overwrite_an_input(tmp_path: Path) -> None:
    root = tmp_path / "in"
    write(root / "a.txt", STATEMENT)
    write(root / ERRORS_FILE, "my own notes")
    with pytest.raises(BatchSetupError, match="would overwrite an input"):
        convert(root, root, pattern="*")
    assert (root / ERRORS_FILE).read_text(encoding="utf-8") == "my own notes"


# --------------------------------------------------------------------------- JSONL


def test_jsonl_is_one_file_for_the_corpus_in_input_order(tree: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    (tree / "broken.txt").write_bytes(b"")
    report = convert(tree, out, fmt="jsonl")
    lines = (out / JSONL_FILE).read_text(encoding="utf-8").splitlines()
    assert [json.loads(x)["source"]["path"] for x in lines] == ["2018/statement.txt", "2024/dec/news.txt", "ru.txt"]
    assert report.failed[0]["file"] == "broken.txt"
    assert sorted(p.name for p in out.iterdir()) == sorted([ERRORS_FILE, batch.RUN_FILE, JSONL_FILE])


def test_jsonl_incremental_keeps_the_lines_of_skipped_inputs(tree: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    convert(tree, out, fmt="jsonl")
    old = (out / JSONL_FILE).read_text(encoding="utf-8").splitlines()
    write(tree / "ru.txt", RUSSIAN.replace("2017", "2016"), encoding="cp1251")
    report = convert(tree, out, fmt="jsonl")
    new = (out / JSONL_FILE).read_text(encoding="utf-8").splitlines()
    assert (report.converted, report.skipped) == (1, 2)
    assert new[:2] == old[:2] and new[2] != old[2] and "2016" in new[2]


# --------------------------------------------------------------------------- workers


def test_two_workers_give_the_same_outputs(tree: Path, tmp_path: Path) -> None:
    for i in range(6):
        write(tree / "more" / f"{i}.txt", STATEMENT.replace("2017", str(2000 + i)))
    one, two = tmp_path / "one", tmp_path / "two"
    r1 = convert(tree, one)
    r2 = convert(tree, two, workers=2)
    assert r1.converted == r2.converted == 9
    assert digest_tree(one) == digest_tree(two)
    assert convert(tree, two, workers=2).skipped == 9


def _descendants(pid: int) -> list[int]:
    kids: list[int] = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        try:
            kids += [int(x) for x in (task / "children").read_text().split()]
        except OSError:
            pass
    return kids + [d for k in kids for d in _descendants(k)]


def _helper(pid: int) -> bool:
    """Whether `pid` is one of multiprocessing's helpers: the resource tracker, or the fork
    server itself (a direct child; the workers it forks carry its command line too)."""
    try:
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes()
        parent = int(Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[1])
    except (OSError, ValueError, IndexError):
        return True
    return b"resource_tracker" in cmdline or (b"forkserver" in cmdline and parent == os.getpid())


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="needs /proc to find the worker processes")
def test_a_worker_that_dies_loses_no_file(tree: Path, tmp_path: Path) -> None:
    import signal

    for i in range(20):
        write(tree / "more" / f"{i:02d}.txt", STATEMENT.replace("2017", str(2000 + i)))
    killed: list[int] = []

    def kill_a_worker(result: batch.FileResult, total: int) -> None:
        if killed:
            return
        # the workers: processes below this one that are not multiprocessing's helpers
        workers = [p for p in _descendants(os.getpid()) if not _helper(p)]
        if workers:
            os.kill(workers[-1], signal.SIGKILL)
            killed.append(workers[-1])

    report = convert(tree, tmp_path / "out", workers=2, progress=kill_a_worker)
    assert killed
    # files in flight when the worker died are run again (or found written already: skipped)
    assert report.ok and report.converted + report.skipped == 23
    assert len(list((tmp_path / "out").rglob("*.json"))) == 23


# --------------------------------------------------------------------------- parse_many streams


def test_parse_many_keeps_order_across_languages_and_paths(tree: Path) -> None:
    items = [STATEMENT, tree / "ru.txt", NEWS, RUSSIAN, tree / "2018" / "statement.txt"]
    out = list(diplotext.parse_many(items))
    assert [st.language for st in out] == ["en", "ru", "en", "ru", "en"]
    assert out[1].source.path == str(tree / "ru.txt") and out[1].source.encoding == "cp1251"
    assert out[0].model_dump(exclude={"source"}) == diplotext.parse(STATEMENT).model_dump(exclude={"source"})


def test_parse_many_errors_raise_or_return(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    with pytest.raises(diplotext.DiplotextError):
        list(diplotext.parse_many([STATEMENT, empty, NEWS]))
    out = list(diplotext.parse_many([STATEMENT, empty, NEWS, tmp_path / "missing.txt"], errors="return"))
    assert [type(x).__name__ for x in out] == ["Statement", "EmptyInputError", "Statement", "UnreadableInputError"]


def test_parse_many_is_lazy(tmp_path: Path) -> None:
    pulled = 0

    def texts():  # type: ignore[no-untyped-def]
        nonlocal pulled
        for _ in range(1000):
            pulled += 1
            yield STATEMENT

    first = next(iter(diplotext.parse_many(texts())))
    assert first.kind == "joint_statement" and pulled <= 64  # one nlp.pipe batch, not the whole stream
