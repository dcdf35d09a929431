"""Data shipped with diplotext: gazetteers, lexicons and patterns, per language.

Everything here is data, not code. Files are loaded once per process and cached; a test
validates every file against the shape its loader expects.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any


@lru_cache(maxsize=None)
def load_json(name: str) -> Any:
    """Load a packaged JSON resource by relative path, e.g. ``"orgs.json"`` or ``"en/boilerplate.json"``."""
    return json.loads(resources.files(__name__).joinpath(name).read_text(encoding="utf-8"))


def resource_text(name: str) -> str:
    """The raw text of a packaged resource (for the JSON Schema file, for instance)."""
    return resources.files(__name__).joinpath(name).read_text(encoding="utf-8")
