"""Can a pattern's match begin with an ASCII digit, or with anything else? Read from its parse.

A grammar is one alternation of its rules, and the regex engine enters every rule at every
position it is tried: at the digits of a number (a date anchor on "12345") the rules that begin
with a month name or "the" are each entered and fail there, one after the other. `guarded`
puts each run of consecutive rules that cannot begin with a digit behind ``(?![0-9])``, and each
run of rules that can begin with nothing else behind ``(?=[0-9])``: one test skips the run. The
rules stay in their order and no rule that could match at a position is skipped, so the
alternation matches what it matched, with the same groups (tests/test_first_char.py).

The answer is read from Python's own parse of the pattern (``re._parser``) and errs on the safe
side: a construct not understood here, a backreference, a negated set, a pattern that can match
the empty string, all count as "may begin with either". Parsing is slow (Python code), so the
answers for the packaged grammars' rules are read ahead of time and kept with their compiled
forms (``resources.regexes.stored_beginning``; tools/make_compiled_regexes.py).
"""

from __future__ import annotations

from collections.abc import Sequence
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser  # type: ignore[attr-defined]

from ..resources.regexes import stored_beginning

_DIGIT_LO, _DIGIT_HI = ord("0"), ord("9")
_EITHER = (True, True)
_CATEGORIES = {  # (may be an ASCII digit, may be anything else)
    sre.CATEGORY_NOT_DIGIT: (False, True),
    sre.CATEGORY_SPACE: (False, True),
    sre.CATEGORY_NOT_WORD: (False, True),
    sre.CATEGORY_LINEBREAK: (False, True),
}
_ZERO_WIDTH = (sre.AT, sre.ASSERT, sre.ASSERT_NOT)
_REPEATS = (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT)


def _literal(code: int) -> tuple[bool, bool]:
    # no character's case variant is an ASCII digit, nor is a digit's: ignoring case changes nothing
    digit = _DIGIT_LO <= code <= _DIGIT_HI
    return digit, not digit


def _in(items: list[tuple[object, object]]) -> tuple[bool, bool]:
    digit = other = False
    for op, av in items:
        if op is sre.NEGATE:
            return _EITHER
        if op is sre.LITERAL:
            d, o = _literal(av)  # type: ignore[arg-type]
        elif op is sre.RANGE:
            lo, hi = av  # type: ignore[misc]
            d, o = lo <= _DIGIT_HI and hi >= _DIGIT_LO, lo < _DIGIT_LO or hi > _DIGIT_HI
        elif op is sre.CATEGORY:
            d, o = _CATEGORIES.get(av, _EITHER)
        else:
            return _EITHER
        digit, other = digit or d, other or o
    return digit, other


def _item(op: object, av: object) -> tuple[bool, bool, bool]:
    """(may begin with a digit, with anything else, may match nothing) of one parsed item."""
    if op is sre.LITERAL:
        return (*_literal(av), False)  # type: ignore[arg-type]
    if op is sre.IN:
        return (*_in(av), False)  # type: ignore[arg-type]
    if op in _ZERO_WIDTH:
        return False, False, True
    if op is sre.SUBPATTERN:
        return _sequence(av[3])  # type: ignore[index]
    if op is sre.ATOMIC_GROUP:
        return _sequence(av)  # type: ignore[arg-type]
    if op in _REPEATS:
        lo, _, sub = av  # type: ignore[misc]
        d, o, empty = _sequence(sub)
        return d, o, empty or lo == 0
    if op is sre.BRANCH:
        digit = other = empty = False
        for alt in av[1]:  # type: ignore[index]
            d, o, e = _sequence(alt)
            digit, other, empty = digit or d, other or o, empty or e
        return digit, other, empty
    return True, True, True  # a backreference, a conditional group, anything else: either


def _sequence(items: object) -> tuple[bool, bool, bool]:
    digit = other = False
    for op, av in items:  # type: ignore[attr-defined]
        d, o, empty = _item(op, av)
        digit, other = digit or d, other or o
        if not empty:
            return digit, other, False
    return digit, other, True


def begins_with(pattern: str, flags: int = 0) -> tuple[bool, bool]:
    """(may a match begin with an ASCII digit, may it begin with anything else); a pattern that
    can match the empty string may begin with either."""
    digit, other, empty = _sequence(_parser.parse(pattern, flags))
    return (True, True) if empty else (digit, other)


def guarded(parts: Sequence[str], flags: int = 0) -> str:
    """The alternation of `parts`, in their order, each run of parts that cannot begin with an
    ASCII digit behind ``(?![0-9])``, each run that can begin with nothing else behind ``(?=[0-9])``."""
    kinds = []
    for part in parts:
        digit, other = stored_beginning(part, flags) or begins_with(part, flags)
        kinds.append("digit" if not other else "other" if not digit else "")
    out: list[str] = []
    i = 0
    while i < len(parts):
        j = i + 1
        while j < len(parts) and kinds[j] == kinds[i]:
            j += 1
        run = "|".join(parts[i:j])
        out.append({"digit": f"(?=[0-9])(?:{run})", "other": f"(?![0-9])(?:{run})"}.get(kinds[i], run))
        i = j
    return "|".join(out)


__all__ = ["begins_with", "guarded"]
