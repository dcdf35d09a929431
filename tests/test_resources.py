"""Every packaged resource file has one Pydantic contract and satisfies it."""

from __future__ import annotations

import json
from importlib import resources

import pytest

from diplotext.resources.schemas import all_schemas

ROOT = resources.files("diplotext.resources")
GENERATED = {"statement.schema.json"}  # written from the models by `diplotext schema`, checked in test_models


def _resource_files() -> list[str]:
    out = []
    for entry in ROOT.iterdir():
        if entry.name.endswith(".json"):
            out.append(entry.name)
        elif entry.is_dir() and entry.name not in ("schemas", "__pycache__"):
            out += [f"{entry.name}/{f.name}" for f in entry.iterdir() if f.name.endswith(".json")]
    return sorted(set(out) - GENERATED)


SCHEMAS = all_schemas()


@pytest.mark.parametrize("name", _resource_files())
def test_resource_file_validates_against_its_schema(name: str) -> None:
    assert name in SCHEMAS, f"{name} has no schema in diplotext.resources.schemas"
    SCHEMAS[name].model_validate(json.loads(ROOT.joinpath(name).read_text(encoding="utf-8")))


def test_every_schema_names_an_existing_file() -> None:
    assert sorted(set(SCHEMAS) - set(_resource_files())) == []
