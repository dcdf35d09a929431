"""Fuzz target: `diplotext convert IN_DIR --out OUT_DIR` on one fuzzed file, in process.

The fuzzer's bytes are the file `IN_DIR/doc.txt`. Every run must exit 0 with `OUT_DIR/doc.json`
written (a Statement whose offsets slice back to the file as decoded) or exit 1 with the file's
error in `OUT_DIR/_errors.jsonl` (a `DiplotextError` class and a message); never a traceback
(exit code of "a bug in diplotext"), never both, never neither.

    python fuzz/fuzz_convert.py -max_total_time=600 fuzz/corpus/convert
"""

from __future__ import annotations

import contextlib
import io
import json
import shutil
import sys
import tempfile
from pathlib import Path

import atheris

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

with atheris.instrument_imports(include=["diplotext"]):
    import diplotext.pipeline  # noqa: F401 - imported lazily by convert: instrumented here
    from diplotext import errors
    from diplotext.cli import main as cli_main
    from diplotext.models import Statement
    from diplotext.text.decode import decode_bytes

from offsets import offset_problems  # noqa: E402

_ROOT = Path(tempfile.mkdtemp(prefix="fuzz-convert-"))
_IN, _OUT = _ROOT / "in", _ROOT / "out"
_ERROR_CLASSES = {name for name in dir(errors) if isinstance(getattr(errors, name), type)}


def test_one_input(data: bytes) -> None:
    shutil.rmtree(_OUT, ignore_errors=True)
    _IN.mkdir(parents=True, exist_ok=True)
    (_IN / "doc.txt").write_bytes(data)
    quiet = io.StringIO()
    with contextlib.redirect_stderr(quiet), contextlib.redirect_stdout(quiet):
        rc = cli_main(["convert", str(_IN), "--out", str(_OUT), "--workers", "1"])
    out, errs = _OUT / "doc.json", _OUT / "_errors.jsonl"
    records = [json.loads(line) for line in errs.read_text(encoding="utf-8").splitlines()] if errs.exists() else []
    if rc == 0:
        assert out.exists() and not records, (rc, records, quiet.getvalue()[-500:])
        statement = Statement.model_validate_json(out.read_text(encoding="utf-8"))
        text = decode_bytes(data, max_bytes=None).text
        problems = offset_problems(statement, text)
        assert not problems, problems[:5]
    else:
        assert rc == 1, (rc, quiet.getvalue()[-2000:])
        assert not out.exists() and len(records) == 1, (records, quiet.getvalue()[-500:])
        record = records[0]
        assert record.get("error") in _ERROR_CLASSES, record
        assert record.get("message"), record


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
