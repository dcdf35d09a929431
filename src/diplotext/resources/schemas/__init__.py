"""Pydantic models that are the contract of every packaged resource file.

Each module of this package holds the models of one area's files and a ``SCHEMAS`` mapping from
the file's path under ``resources/`` (``"en/dates.json"``) to the model that validates it. Models
forbid unknown keys, so a key that no loader reads cannot sit in a file unnoticed. The models are
checked by the test suite (``tests/test_resources.py``), not at import time: loading stays a plain
``json.loads`` on the hot path of start-up.
"""

from __future__ import annotations

import importlib
import pkgutil

from pydantic import BaseModel, ConfigDict


class ResourceModel(BaseModel):
    """Base of every resource model: unknown keys are an error, values are immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True)


def all_schemas() -> dict[str, type[BaseModel]]:
    """Every registered ``{resource path: model}``, gathered from this package's modules.

    A path named by two modules is an error: each file has exactly one contract.
    """
    found: dict[str, type[BaseModel]] = {}
    for info in pkgutil.iter_modules(__path__):
        module = importlib.import_module(f"{__name__}.{info.name}")
        for path, model in getattr(module, "SCHEMAS", {}).items():
            if path in found:
                raise ValueError(f"resource {path} has two schemas: {found[path].__name__} and {model.__name__}")
            found[path] = model
    return found
