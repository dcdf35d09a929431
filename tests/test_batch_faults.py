"""A batch under attack from outside: the parent killed, an output folder that cannot be used, a
disk that fills, folders that cannot be read, names at the file system's limit. Each ends in one
clear message and a known exit code, never a traceback, never a worker left behind."""

from __future__ import annotations

import errno
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from diplotext import batch
from diplotext.batch import ERRORS_FILE, convert
from diplotext.cli import main

STATEMENT = (
    "Joint Statement of the Presidents of the Republic of Belarus and the Russian Federation\n\n"
    "On June 19, 2018 the Presidents welcomed the growth of mutual trade, which in 2017 reached US$ 32 billion.\n"
)
SRC = str(Path(__file__).resolve().parent.parent / "src")


def _corpus(root: Path, n: int) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        (root / f"s{i:03d}.txt").write_text(STATEMENT.replace("2017", str(1900 + i)) * 20, encoding="utf-8")
    return root


# --------------------------------------------------------------------------- orphans


def _children(pid: int) -> list[int]:
    kids: list[int] = []
    try:
        tasks = list(Path(f"/proc/{pid}/task").iterdir())
    except OSError:
        return []
    for task in tasks:
        try:
            kids += [int(x) for x in (task / "children").read_text().split()]
        except OSError:
            pass
    return kids + [d for k in kids for d in _children(k)]


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state not in ("Z", "X")


RUN = """
import multiprocessing as mp, sys
from pathlib import Path
import diplotext.batch.pool as pool
pool._pool_context = lambda: mp.get_context(sys.argv[3])
from diplotext.batch import convert
convert(Path(sys.argv[1]), Path(sys.argv[2]), workers=2)
"""


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="needs /proc to find the worker processes")
@pytest.mark.parametrize("method", ["fork", "forkserver", "spawn"])
def test_kill_9_of_the_batch_leaves_no_live_worker(tmp_path: Path, method: str) -> None:
    root, out = _corpus(tmp_path / "in", 400), tmp_path / "out"
    env = {**os.environ, "PYTHONPATH": SRC}
    proc = subprocess.Popen([sys.executable, "-c", RUN, str(root), str(out), method], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        while not list(out.glob("*.json")):  # the workers are converting
            assert proc.poll() is None, proc.stderr.read().decode() if proc.stderr else ""
            time.sleep(0.05)
        workers = _children(proc.pid)
        assert workers
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        for _ in range(600):  # a bound on waiting, not a timing: the watch polls every 0.2 s
            if not any(_alive(w) for w in workers):
                break
            time.sleep(0.05)
        assert [w for w in workers if _alive(w)] == []
        done = len(list(out.glob("*.json")))
        time.sleep(0.5)
        assert len(list(out.glob("*.json"))) == done < 400  # nothing written after the end
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


# --------------------------------------------------------------------------- unusable output


def _mount_tmpfs(where: Path, size: str, *options: str) -> bool:
    where.mkdir(parents=True, exist_ok=True)
    opts = ",".join([f"size={size}", *options])
    return subprocess.run(["mount", "-t", "tmpfs", "-o", opts, "tmpfs", str(where)], capture_output=True).returncode == 0


@pytest.fixture
def small_disk(tmp_path: Path):  # type: ignore[no-untyped-def]
    where = tmp_path / "disk"
    if os.geteuid() != 0 or not _mount_tmpfs(where, "96k"):
        pytest.skip("cannot mount a small tmpfs here")
    yield where
    subprocess.run(["umount", "-l", str(where)], check=False)


def test_a_disk_that_fills_mid_batch_keeps_what_was_written_and_reports_the_rest(tmp_path: Path, small_disk: Path, capsys) -> None:
    root = _corpus(tmp_path / "in", 40)
    code = main(["convert", str(root), "--out", str(small_disk / "out")])
    err = capsys.readouterr().err
    assert code == 1 and "Traceback" not in err and "bug" not in err
    written = sorted(p.name for p in (small_disk / "out").glob("*.json"))
    assert 0 < len(written) < 40
    assert "the disk is full" in err
    assert f"{len(written)} converted" in err and f"{40 - len(written)} failed" in err
    for name in written:  # what was written is whole
        assert (small_disk / "out" / name).read_text(encoding="utf-8").rstrip().endswith("}")
    assert not list((small_disk / "out").glob(".*.tmp"))


def test_a_patched_full_disk_stops_the_batch_with_the_done_files_kept(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = _corpus(tmp_path / "in", 6)
    real = batch.writing.os.replace
    calls = []

    def replace(src: str, dst: str) -> None:
        calls.append(str(dst))
        if len(calls) > 2 and not str(dst).endswith((ERRORS_FILE, batch.RUN_FILE)):
            raise OSError(errno.ENOSPC, "No space left on device")
        real(src, dst)

    monkeypatch.setattr(batch.writing.os, "replace", replace)
    report = convert(root, tmp_path / "out")
    assert report.converted == 2 and len(report.failed) == 4
    assert report.failed[0]["error"] == "OutputError" and "the disk is full" in report.failed[0]["message"]
    assert all("not converted: the disk is full" in f["message"] for f in report.failed[1:])
    assert len(calls) == 3 + 2  # the batch stopped at the first full write (then errors and settings)
    assert sorted(p.name for p in (tmp_path / "out").glob("*.json")) == ["s000.json", "s001.json"]


def test_a_read_only_mount_is_one_message_and_exit_2(tmp_path: Path, capsys) -> None:
    where = tmp_path / "ro"
    if os.geteuid() != 0 or not _mount_tmpfs(where, "1m", "ro"):
        pytest.skip("cannot mount a read-only tmpfs here")
    try:
        code = main(["convert", str(_corpus(tmp_path / "in", 3)), "--out", str(where / "out")])
        err = capsys.readouterr().err
        assert code == 2 and "Traceback" not in err
        assert err.strip().splitlines() == [
            f"diplotext convert: --out {where / 'out'}: unusable output folder: cannot write {where / 'out'}: "
            "the file system is read-only"]
    finally:
        subprocess.run(["umount", "-l", str(where)], check=False)


@pytest.mark.parametrize("broken", ["read-only folder", "unwritable parent", "disk full"])
def test_an_unusable_output_folder_is_one_message_and_exit_2(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                             broken: str, capsys) -> None:
    root, out = _corpus(tmp_path / "in", 3), tmp_path / "parent" / "out"
    code = {"read-only folder": errno.EACCES, "unwritable parent": errno.EACCES, "disk full": errno.ENOSPC}[broken]
    if broken == "unwritable parent":
        def mkdir(self: Path, *a: object, **k: object) -> None:
            raise OSError(code, os.strerror(code), str(self))
        monkeypatch.setattr(Path, "mkdir", mkdir)
    else:
        out.mkdir(parents=True)
        real = batch.writing.tempfile.mkstemp

        def mkstemp(*a: object, **k: object):  # type: ignore[no-untyped-def]
            if broken == "read-only folder":
                raise OSError(code, os.strerror(code))
            fd, name = real(*a, **k)  # type: ignore[arg-type]
            os.close(fd)
            return os.open("/dev/full", os.O_WRONLY), name  # refuses every write as a full disk does

        monkeypatch.setattr(batch.writing.tempfile, "mkstemp", mkstemp)
    assert main(["convert", str(root), "--out", str(out)]) == 2
    err = capsys.readouterr().err
    reason = "the disk is full" if broken == "disk full" else "permission denied"
    assert err.startswith(f"diplotext convert: --out {out}: unusable output folder: ") and reason in err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err


# --------------------------------------------------------------------------- what cannot be read or named


def test_an_unreadable_sub_folder_is_reported_like_an_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = _corpus(tmp_path / "in", 2)
    _corpus(root / "locked", 2)
    real = os.scandir

    def scandir(path: object = ".") -> object:
        if Path(os.fsdecode(path)).name == "locked":  # type: ignore[arg-type]
            raise PermissionError(errno.EACCES, "Permission denied", os.fsdecode(path))  # type: ignore[arg-type]
        return real(path)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "scandir", scandir)
    report = convert(root, tmp_path / "out")
    assert report.converted == 2
    assert report.failed == [{"file": "locked/", "error": "UnreadableInputError",
                              "message": "locked/: a folder that cannot be read (permission denied?): the inputs in it were not converted"}]
    assert "locked/" in (tmp_path / "out" / ERRORS_FILE).read_text(encoding="utf-8")


def test_a_name_at_the_limit_converts_and_a_name_over_it_gets_its_own_error(tmp_path: Path) -> None:
    root = tmp_path / "in"
    root.mkdir()
    fits = "ф" * 124 + ".txt"  # 252 bytes; its output 'ф'*124 + '.json' is 253: fits in 255
    over = "a" * 251 + ".txt"  # 255 bytes; its output would be 256
    for name in (fits, over):
        (root / name).write_text(STATEMENT, encoding="utf-8")
    report = convert(root, tmp_path / "out")
    assert report.converted == 1
    assert (tmp_path / "out" / ("ф" * 124 + ".json")).exists()
    [failed] = report.failed
    assert failed["file"] == over and failed["error"] == "OutputError"
    assert "256 bytes, longer than the 255" in failed["message"]
    assert not list((tmp_path / "out").glob(".*.tmp"))


def test_outputs_get_the_permissions_of_the_umask(tmp_path: Path) -> None:
    root = _corpus(tmp_path / "in", 2)
    old = os.umask(0o027)
    try:
        batch.writing._umask.cache_clear()
        convert(root, tmp_path / "out")
        convert(root, tmp_path / "jsonl", fmt="jsonl")
    finally:
        os.umask(old)
        batch.writing._umask.cache_clear()
    for path in [*(tmp_path / "out").glob("*.json"), tmp_path / "out" / batch.RUN_FILE, tmp_path / "jsonl" / batch.JSONL_FILE]:
        assert path.stat().st_mode & 0o777 == 0o640, path
