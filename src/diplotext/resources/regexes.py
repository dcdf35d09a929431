"""The grammars' regexes, compiled ahead of time.

The date and figure grammars are each one alternation of tens of thousands of characters, and
Python's `re` parses and compiles a pattern in Python code: the four grammars took 0.33 s of
the first Russian parse and 0.05 s of the first English one. `compile_regex` returns the same
`re.Pattern` from the compiled form of the pattern kept in ``compiled/`` (the code `re` would
make, handed to the regex engine directly), found by the SHA-256 of the pattern and its flags.

The file is written by ``tools/make_compiled_regexes.py`` for the Python that runs it (the
compiled form differs between Python versions); tests/test_startup.py checks that it holds
every grammar as the grammars are now and that each pattern loaded equals ``re.compile``'s. A
pattern it does not hold (a grammar changed and the file not rebuilt, another Python) is
compiled by ``re.compile``: slower, never different.
"""

from __future__ import annotations

import hashlib
import pickle
import re
import sys
import zlib
from array import array
from collections.abc import Sequence
from functools import lru_cache
from importlib import resources
from typing import Any

try:  # the regex engine under `re`: present in CPython, not in every Python
    import _sre
except ImportError:  # pragma: no cover
    _sre = None

Compiled = tuple[int, bytes, int, dict[str, int], tuple[str | None, ...]]
"""One pattern's compiled form: the flags `re` gives the engine, its code (zlib of the 32-bit
words), the number of groups less one, group names to numbers and numbers to names."""


def engine_tag() -> str:
    """What the compiled form depends on: the interpreter and the engine's version and word size."""
    magic = getattr(_sre, "MAGIC", None)
    return f"{sys.implementation.cache_tag}-sre{magic}-{getattr(_sre, 'CODESIZE', None)}"


def store_name() -> str:
    return f"regexes-{engine_tag()}.pickle"


def pattern_key(source: str, flags: int) -> str:
    return hashlib.sha256(f"{int(flags)}\0{source}".encode("utf-8", "surrogatepass")).hexdigest()


Beginning = tuple[bool, bool]
"""What a pattern's match may begin with: (an ASCII digit, anything else) (`extract.first_char`)."""


Alternation = tuple[str, tuple[str, ...], bool]
"""One word alternation (`text.alternation`): the regex, and the words and option it was made from."""

_LAYOUT = {"patterns", "beginnings", "alternations"}


@lru_cache(maxsize=1)
def _store() -> tuple[dict[str, Compiled], dict[str, Beginning], dict[str, Alternation]]:
    """(compiled form by pattern key, beginning by pattern key, alternation by its words' key) of
    the packaged file, or empty."""
    if _sre is None:
        return {}, {}, {}
    try:
        data = resources.files(__name__.rpartition(".")[0]).joinpath("compiled", store_name()).read_bytes()
    except (FileNotFoundError, OSError):
        return {}, {}, {}
    store = pickle.loads(data)
    if not isinstance(store, dict) or set(store) != _LAYOUT:
        return {}, {}, {}  # a file of another layout: everything is compiled and read as it comes
    return store["patterns"], store["beginnings"], store["alternations"]


def compile_regex(source: str, flags: int = 0) -> re.Pattern[str]:
    """`re.compile(source, flags)`, from the compiled form kept for it when there is one."""
    hit = _store()[0].get(pattern_key(source, flags))
    if hit is None:
        return re.compile(source, flags)
    engine_flags, code, groups, groupindex, indexgroup = hit
    words = array("I")
    words.frombytes(zlib.decompress(code))
    return _sre.compile(source, engine_flags, words.tolist(), groups, dict(groupindex), indexgroup)  # type: ignore[no-any-return]


def compiled_form(source: str, flags: int = 0) -> Compiled:
    """What `re` compiles `source` into (its own steps, `re._compiler.compile`), for the store."""
    from re import _compiler, _parser  # type: ignore[attr-defined]

    parsed = _parser.parse(source, int(flags))
    code = _compiler._code(parsed, int(flags))
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, i in groupindex.items():
        indexgroup[i] = name
    words = array("I", code)
    assert words.itemsize == _sre.CODESIZE
    return int(flags) | parsed.state.flags, zlib.compress(words.tobytes(), 9), parsed.state.groups - 1, groupindex, tuple(indexgroup)


def stored_beginning(source: str, flags: int = 0) -> Beginning | None:
    """What a match of `source` may begin with, as read ahead of time, or None when not stored.

    Reading it parses the pattern with ``re._parser``, in Python: for the 46 rules of the Russian
    grammars, 0.3 s of the first Russian parse."""
    return _store()[1].get(pattern_key(source, flags))


def alternation_key(words: Sequence[str], dot_optional: bool) -> str:
    """The key of a word alternation: its words, in the order given, and its option."""
    digest = hashlib.sha256(b"1" if dot_optional else b"0")
    digest.update("\0".join(words).encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


def stored_alternation(key: str) -> str | None:
    """The alternation regex stored under `key` (`alternation_key`), or None.

    The trie of a large word list is written in Python (`text.alternation`), and the grammars
    and lexicons build many at their first use. What the regex is depends on the Python too
    (the regex engine's case table), so it is kept with the compiled forms."""
    hit = _store()[2].get(key)
    return None if hit is None else hit[0]


def stored_alternations() -> dict[str, Alternation]:
    """Every stored alternation by its key."""
    return dict(_store()[2])


def stored_keys() -> set[str]:
    """The keys of the patterns the store holds for this Python."""
    return set(_store()[0])


def stored_beginning_keys() -> set[str]:
    """The keys of the patterns whose beginning the store holds."""
    return set(_store()[1])


def write_store(patterns: list[tuple[str, int]], beginnings: dict[tuple[str, int], Beginning], folder: Any,
                alternations: Sequence[Alternation] = ()) -> str:
    """Write the compiled form of every (source, flags) of `patterns`, `beginnings` by their
    (source, flags), and `alternations` (regex, words, option) by their words' key, into
    `folder`; returns the file's name."""
    compiled = {pattern_key(s, f): compiled_form(s, f) for s, f in patterns}
    begins = {pattern_key(s, f): (bool(d), bool(o)) for (s, f), (d, o) in beginnings.items()}
    alts = {alternation_key(words, dot): (regex, tuple(words), bool(dot)) for regex, words, dot in alternations}
    store = {"patterns": dict(sorted(compiled.items())), "beginnings": dict(sorted(begins.items())),
             "alternations": dict(sorted(alts.items()))}
    name = store_name()
    (folder / name).write_bytes(pickle.dumps(store, protocol=4))
    return name

