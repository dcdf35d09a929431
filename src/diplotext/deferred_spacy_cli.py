"""spaCy's command line, imported when something uses it rather than with spaCy.

``import spacy`` runs ``from .cli.info import info``, and ``spacy.cli`` imports every command
of spaCy's command line and what they need (typer, click, weasel, httpx, requests, rich: 360
modules, a quarter of ``import spacy``), none of which diplotext uses. `install`, called when
diplotext is imported and spaCy is not yet, puts a finder first on ``sys.meta_path`` that,
while ``spacy/__init__.py`` runs (and only then), gives it stand-ins for ``spacy.cli`` and
``spacy.cli.info``; the finder then removes itself.

The stand-ins are spaCy's own the moment they are used: ``spacy.info(...)`` imports and calls
the real ``info``; any other attribute of ``spacy.cli`` (``spacy.cli.download``, ``from spacy.cli
import ...``) runs the real ``spacy/cli/__init__.py`` in the stand-in module, which becomes the
real one; submodules (``import spacy.cli.download``) import from spaCy's files as ever.
tests/test_startup.py checks both the imports saved and that each way in gets spaCy's objects.
"""

from __future__ import annotations

import sys
import types
from importlib.machinery import ModuleSpec, PathFinder
from typing import Any

_PACKAGE, _INFO = "spacy.cli", "spacy.cli.info"


class _StandIn(types.ModuleType):
    """A module whose first use of a missing attribute loads the real one in its place."""

    def __getattr__(self, attr: str) -> Any:
        # The import system's questions (`__path__` of a module, while it sets one up) are not a
        # use; a submodule imported from the package, which reads its `__path__`, is.
        used = self.__name__ == _PACKAGE and attr == "__path__" or attr == "__all__" or not attr.startswith("__")
        if not used or "_diplotext_spec" not in self.__dict__:
            raise AttributeError(attr)
        _realize(self)
        return getattr(self, attr)

    def __setattr__(self, attr: str, value: Any) -> None:
        if self.__name__ == _PACKAGE and attr == "info" and type(value) is _StandIn:
            return  # as in spaCy, the package's `info` is the function (a use, which loads the package)
        super().__setattr__(attr, value)


def _real_info(*args: Any, **kwargs: Any) -> Any:
    package = sys.modules[_PACKAGE]
    _realize(package)
    return package.info(*args, **kwargs)


_real_info.__name__ = _real_info.__qualname__ = "info"
_real_info.__module__ = _INFO
_real_info.__doc__ = "spaCy's `spacy.cli.info.info`, imported on its first call."


def _realize(module: types.ModuleType) -> None:
    """Run spaCy's code for `module` (a stand-in) in it, so that it is spaCy's module."""
    if type(module) is not _StandIn:
        return
    uninstall()
    if module.__name__ == _INFO:
        package = sys.modules[_PACKAGE]
        _realize(package)
        real = sys.modules[_INFO]  # imported by the package's __init__
        module.__class__ = types.ModuleType
        module.__dict__.pop("_diplotext_spec", None)
        module.__dict__.update(real.__dict__)
        return
    if isinstance(sys.modules.get(_INFO), _StandIn):
        del sys.modules[_INFO]  # the package's __init__ imports the real one
    spec = module.__dict__.pop("_diplotext_spec")
    module.__class__ = types.ModuleType
    module.__spec__, module.__loader__, module.__path__ = spec, spec.loader, list(spec.submodule_search_locations)
    spec.loader.exec_module(module)


class _Loader:
    def __init__(self, spec: ModuleSpec) -> None:
        self.spec = spec

    def create_module(self, spec: ModuleSpec) -> types.ModuleType:
        return _StandIn(spec.name)

    def exec_module(self, module: types.ModuleType) -> None:
        module.__dict__["_diplotext_spec"] = self.spec
        if module.__name__ == _INFO:
            module.__dict__["info"] = _real_info
            # spaCy's __init__ has what it imports from its command line; from now on, importing
            # a submodule (which reads the package's __path__) loads the real package first
            sys.modules[_PACKAGE].__dict__.pop("__path__", None)
            uninstall()


class _Finder:
    """Stand-ins for ``spacy.cli`` and ``spacy.cli.info`` while ``spacy/__init__.py`` runs."""

    def find_spec(self, name: str, path: Any = None, target: Any = None) -> ModuleSpec | None:
        if name not in (_PACKAGE, _INFO):
            return None
        spacy = sys.modules.get("spacy")
        if spacy is None or not getattr(getattr(spacy, "__spec__", None), "_initializing", False):
            uninstall()  # spaCy is imported already, or someone imports its command line first
            return None
        real = PathFinder.find_spec(name, path)
        if real is None:
            return None
        spec = ModuleSpec(name, _Loader(real), origin=real.origin, is_package=real.submodule_search_locations is not None)
        spec.has_location = real.has_location  # __file__ as spaCy's
        if real.submodule_search_locations is not None:
            spec.submodule_search_locations = list(real.submodule_search_locations)
        return spec


_FINDER = _Finder()


def install() -> None:
    """Defer spaCy's command line, if spaCy is not imported yet."""
    if "spacy" not in sys.modules and _FINDER not in sys.meta_path:
        sys.meta_path.insert(0, _FINDER)


def uninstall() -> None:
    if _FINDER in sys.meta_path:
        sys.meta_path.remove(_FINDER)


__all__ = ["install", "uninstall"]
