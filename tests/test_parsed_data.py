"""data/parsed/ holds exactly what the README's first command makes of data/raw/."""

from __future__ import annotations

from pathlib import Path

from conftest import PARSED, RAW

from diplotext.batch import statement_json
from diplotext.pipeline import parse_path


def test_every_raw_text_has_fresh_parsed_json() -> None:
    raws = sorted(RAW.glob("*.txt"))
    assert len(raws) >= 2
    for raw in raws:
        parsed = PARSED / (raw.stem + ".json")
        assert parsed.exists(), f"{parsed} is missing: run the README's first command"
        fresh = statement_json(parse_path(raw, display_path=raw.name))
        assert parsed.read_text(encoding="utf-8") == fresh, (
            f"{parsed} is stale: run `diplotext convert data/raw --out data/parsed` and commit the result"
        )


def test_no_orphan_parsed_json() -> None:
    stems = {p.stem for p in RAW.glob("*.txt")}
    assert {p.stem for p in Path(PARSED).glob("*.json")} <= stems
