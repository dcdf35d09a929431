"""Peak resident memory of a script in a fresh process, over real news texts: what the memory
tests of long inputs (tests/test_pieces.py, tests/test_streamed.py) share."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "kremlin-2021-2022"

READ_TEXTS = """
import gc, itertools, json, resource, sys, tempfile
from pathlib import Path
import diplotext
chars, out, n = int(sys.argv[1]), [], 0
for path in itertools.cycle(sorted(Path(sys.argv[2]).glob("*.txt"))):
    out.append(path.read_text(encoding="utf-8"))
    n += len(out[-1]) + 2
    if n >= chars:
        break
diplotext.parse(out[0][:20_000], lang="en")  # the pipeline built, its matchers made
"""
"""The opening of every script: `out`, corpus texts of `chars` characters in all, and a warm pipeline."""


def growth_kb(script: str, chars: int) -> int:
    """Run `READ_TEXTS` then `script` (which prints a JSON line with ``growth_kb`` last) on
    `chars` characters of the corpus, in a fresh interpreter."""
    out = subprocess.run([sys.executable, "-c", READ_TEXTS + script, str(chars), str(CORPUS)], capture_output=True,
                         text=True, check=True, env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)})
    return int(json.loads(out.stdout.strip().splitlines()[-1])["growth_kb"])
