"""A regex alternation of literal words, written as a trie.

The grammars hold alternations of thousands of words (every currency's names, every unit), and
Python's regex engine tries the branches of an alternation one by one: "5%" was matched against
every longer tail word before "%" (13 µs of the 20 µs the figure grammar took at "5% "). Written
as a trie ("dollar(?:s)?" for "dollars" and "dollar"), each position tries only the branches
that begin with its character.

The trie tries the words in the order the flat alternation does, longest first, so that a
pattern made with it matches what the flat one matches, with the same groups: at each node, the
branches begin with characters no one input character matches together (also ignoring case:
'k' and the Kelvin sign 'K' share a branch), so only the order inside a branch matters, and it is
the words' order. tests/reference/alternation.py holds the flat form, and
tests/test_alternation.py checks that both match alike.
"""

from __future__ import annotations

import os
import re
from functools import lru_cache

from ..resources.regexes import alternation_key, stored_alternation

try:  # the regex engine under `re` and its case table: CPython's, read as `re` compiles a pattern
    import _sre
except ImportError:  # pragma: no cover
    _sre = None
try:
    from re._casefix import _EXTRA_CASES  # Python >= 3.11
except ImportError:  # pragma: no cover
    try:
        from sre_compile import _ignorecase_fixes as _EXTRA_CASES  # type: ignore[no-redef]
    except ImportError:
        _EXTRA_CASES = None


def alternation(words: object, *, dot_optional: bool = False) -> str:
    """A regex alternation of literal words, longest first (so that 'US dollars' beats 'dollars');
    a space in a word is written ``[ ]`` (a grammar may put a line break there); with
    `dot_optional`, a word not ending in '.' may take one. The package's own alternations are
    read from ``resources/compiled`` where it holds them (`trie_alternation` made them)."""
    items = sorted({str(w) for w in words}, key=lambda w: (-len(w), w))  # type: ignore[attr-defined]
    if not items:
        return "(?!)"
    stored = stored_alternation(alternation_key(items, dot_optional))
    return stored if stored is not None else trie_alternation(items, dot_optional)


def trie_alternation(items: list[str], dot_optional: bool) -> str:
    """`alternation` of distinct words sorted longest first, written as its trie."""
    ordered: list[str] = []
    for w in items:
        ordered += [w + ".", w] if dot_optional and not w.endswith(".") else [w]  # "w\.?": "w." first
    return "(?:" + _branches(ordered) + ")"


def _branches(words: list[str]) -> str:
    """The alternation of `words` (suffixes at one node of the trie, in the order to try them;
    "" is a word that ends here)."""
    out: list[str] = []
    run: list[str] = []
    for w in words:
        if w:
            run.append(w)
            continue
        out.extend(_groups(run))  # a word ends here: what came before is tried first, the rest after
        out.append("")
        run = []
    out.extend(_groups(run))
    return "|".join(out)


def _groups(words: list[str]) -> list[str]:
    """One branch per first character, in the order of the words that begin with it; characters
    that differ but match alike ignoring case ('M', 'm') share a branch, and inside it the words
    stay in their order: each run of one first character is a trie of its own."""
    keys: dict[str, list[str]] = {}  # first character, folded -> suffixes, in order
    for w in words:
        keys.setdefault(_fold(w[0]), []).append(w)
    branches = []
    for suffixes in keys.values():
        if suffixes[0][0] == " ":  # never shared: see `_branch`
            branches.extend(_literal(" ") + _branches([s[1:]]) for s in suffixes)
            continue
        run = [suffixes[0]]
        for s in suffixes[1:]:
            if s[0] != run[0][0]:
                branches.append(_branch(run))
                run = []
            run.append(s)
        branches.append(_branch(run))
    return branches


def _branch(words: list[str]) -> str:
    """The words, which all begin with one character, as what they all begin with and a trie of
    the rest."""
    common = os.path.commonprefix(words)  # at least the first character
    # A space is not shared either: a grammar may write it as a run of spaces or a line break,
    # and a trie that shares one tries the shorter word after the shared space took the longest
    # run, where the flat alternation backtracks into that run for the longer word first.
    common = common.partition(" ")[0]
    head = "".join(_literal(c) for c in common)
    tail = _branches(_dedup([w[len(common):] for w in words]))
    if tail == "":
        return head
    return f"{head}(?:{tail})" if "|" in tail or "(" in tail else head + tail  # plain literals need no group


def _dedup(words: list[str]) -> list[str]:
    """`words` without repeats, each where it first stands (a repeat is tried again only after
    its first try failed: it fails again)."""
    return list(dict.fromkeys(words))


@lru_cache(maxsize=None)
def _fold(c: str) -> str:
    """What two characters share whenever one input character can match both ignoring case: the
    regex engine's own rule, the simple lower case and its table of extra equivalents ('s', 'ſ');
    one key for all where the engine's tables are not at hand (one branch: slower, never wrong)."""
    if _sre is None or _EXTRA_CASES is None:
        return ""
    lo = _sre.unicode_tolower(ord(c))
    return chr(min((lo, *_EXTRA_CASES.get(lo, ()))))


def _literal(c: str) -> str:
    return "[ ]" if c == " " else re.escape(c)
