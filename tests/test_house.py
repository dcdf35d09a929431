"""The shape of the house: one-way layers, no cycle, small functions and modules, no vocabulary in code.

The figures come from tools/house_figures.py (the same script prints them with --list); this test
fails on the first offender of each kind, naming it.
"""

from __future__ import annotations

import importlib.util
import sys

import pytest
from conftest import REPO

spec = importlib.util.spec_from_file_location("house_figures", REPO / "tools" / "house_figures.py")
house = importlib.util.module_from_spec(spec)
sys.modules["house_figures"] = house
spec.loader.exec_module(house)
FIGURES = house.measure()


@pytest.mark.parametrize("kind", ["cycles", "upward", "long_functions", "big_modules", "vocab"])
def test_no_offender(kind: str) -> None:
    assert getattr(FIGURES, kind) == []


def test_layers_are_read_from_the_longest_prefix() -> None:
    assert house.layer_of("diplotext.models") == 0
    assert house.layer_of("diplotext.extract.entities.resolver") == 3
    assert house.layer_of("diplotext.cli") == len(house.LAYERS) - 1
    assert house.layer_of("diplotext.lang.ru.morphology") < house.layer_of("diplotext.extract.events")


def test_an_upward_import_inside_a_function_is_found(tmp_path) -> None:  # type: ignore[no-untyped-def]
    pkg = tmp_path / "diplotext"
    (pkg / "extract").mkdir(parents=True)
    (pkg / "__init__.py").write_text("")
    (pkg / "extract" / "__init__.py").write_text("")
    (pkg / "components.py").write_text("from .extract import dates\n")
    (pkg / "extract" / "dates.py").write_text("def f():\n    from ..components import x\n    return x\n")
    fig = house.measure(pkg)
    assert fig.upward == ["diplotext.extract.dates:2 imports diplotext.components"]
    assert fig.cycles == [["diplotext.components", "diplotext.extract.dates"]]
