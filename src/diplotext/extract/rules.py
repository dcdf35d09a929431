"""Rule tables in the manner of Duckling, and the anchored matching that dates and figures share.

A grammar is a list of named `Rule` objects, each a regex pattern and a reader that turns a
match into values. `RuleTable` compiles the list into one alternation (one regex call per
position tried, whatever the number of rules), each rule inside a group of its own; the group
that matched names the rule, and its reader is called. A rule's pattern names its parts with
plain group names (``(?P<day>...)``); the table gives them names unique in the whole grammar, so
that two rules can both have a ``day``, and the reader reads them through `Parts` by the plain
name again.

`scan_anchors` is the matching loop: the spaCy matchers find *anchors* (a month name, a currency
sign, a unit), and the grammar is anchored at the anchor or a few tokens before it, where a value
can start; the first match that covers the anchor is read, and the text it covers is not looked
at again.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from ..resources.regexes import compile_regex
from .first_char import guarded

T = TypeVar("T")
L = TypeVar("L")

_GROUP = re.compile(r"\(\?P<(\w+)>|\(\?\((\w+)\)|\(\?P=(\w+)\)")


class Parts:
    """The groups of one rule's match, by the names the rule's pattern gave them."""

    __slots__ = ("m", "prefix", "names")

    def __init__(self, m: re.Match[str], prefix: str, names: dict[str, str] | None = None) -> None:
        """`names`: the rule's group names to their names in the whole grammar (read from the
        match when not given)."""
        self.m = m
        self.prefix = prefix
        self.names = names if names is not None else {g[len(prefix):]: g for g in m.re.groupindex if g.startswith(prefix)}

    def __getitem__(self, name: str) -> str | None:
        """The group's text, or None when the rule has no such group or it did not take part."""
        full = self.names.get(name)
        return None if full is None else self.m.group(full)

    get = __getitem__

    def start(self, name: str | None = None) -> int:
        return self.m.start() if name is None else self.m.start(self.prefix + name)

    def end(self, name: str | None = None) -> int:
        return self.m.end() if name is None else self.m.end(self.prefix + name)

    def span(self) -> tuple[int, int]:
        return self.m.span()


@dataclass(frozen=True)
class Rule(Generic[L, T]):
    """One named rule: what it matches (`pattern`) and how a match becomes values (`reader`).

    The reader gets the match's parts, the whole text and the lexicon, and returns the values
    read (none when the context says the match is not one)."""

    name: str
    pattern: str
    reader: Callable[[Parts, str, L], list[T]]


class RuleMatch(Generic[L, T]):
    """A match of the grammar and the rule that made it (one per value read: a plain class)."""

    __slots__ = ("rule", "parts")

    def __init__(self, rule: Rule[L, T], parts: Parts) -> None:
        self.rule = rule
        self.parts = parts

    def start(self) -> int:
        return self.parts.start()

    def end(self) -> int:
        return self.parts.end()

    def read(self, work: str, lex: L) -> list[T]:
        return self.rule.reader(self.parts, work, lex)


def _group_names(pattern: str) -> list[str]:
    """The names of the groups `pattern` defines."""
    return [m.group(1) for m in _GROUP.finditer(pattern) if m.group(1)]


def _prefixed(pattern: str, prefix: str) -> str:
    """`pattern` with every group name (and every reference to one) prefixed."""

    def sub(m: re.Match[str]) -> str:
        if m.group(1):
            return f"(?P<{prefix}{m.group(1)}>"
        if m.group(2):
            return f"(?({prefix}{m.group(2)})"
        return f"(?P={prefix}{m.group(3)})"

    return _GROUP.sub(sub, pattern)


class RuleTable(Generic[L, T]):
    """An ordered list of rules compiled into one regex: the first rule that matches at a
    position wins, as in an alternation."""

    def __init__(self, rules: Sequence[Rule[L, T]], flags: int = 0, space: str | None = None) -> None:
        """`space`, when given, replaces every ``[ ]`` of the patterns (a space, or a line break
        of hard-wrapped text)."""
        self.rules = tuple(rules)
        names = [r.name for r in self.rules]
        if len(set(names)) != len(names):
            raise ValueError(f"rule names must be unique: {names}")
        parts = []
        self._by_group: dict[str, tuple[Rule[L, T], str, dict[str, str]]] = {}
        for i, rule in enumerate(self.rules):
            group, prefix = f"R{i}", f"R{i}_"
            names = {n: prefix + n for n in _group_names(rule.pattern)}
            self._by_group[group] = (rule, prefix, names)
            parts.append(f"(?P<{group}>{_prefixed(rule.pattern, prefix)})")
        if space is not None:
            parts = [p.replace("[ ]", space) for p in parts]
        self.parts = tuple(parts)
        """Each rule's pattern as it is put in the alternation (its group names prefixed)."""
        self.source, self.flags = guarded(parts, flags), int(flags)
        self.regex = compile_regex(self.source, flags)  # ahead of time when the grammar is packaged compiled

    @property
    def pattern(self) -> str:
        return self.regex.pattern

    def rule_match(self, m: re.Match[str] | None) -> RuleMatch[L, T] | None:
        if m is None:
            return None
        rule, prefix, names = self._by_group[m.lastgroup]  # type: ignore[index]
        return RuleMatch(rule, Parts(m, prefix, names))

    def match(self, text: str, pos: int) -> RuleMatch[L, T] | None:
        """The rule match starting at `pos`, if any."""
        return self.rule_match(self.regex.match(text, pos))

    def search(self, text: str, pos: int) -> RuleMatch[L, T] | None:
        """The first rule match at or after `pos`, if any."""
        return self.rule_match(self.regex.search(text, pos))


Positions = Callable[[int], tuple[list[int], int]]
"""For an anchor token: the character positions where a match may start, in the order to try
them, and the character the match must cover."""


def scan_anchors(
    anchors: Iterable[int],
    token_starts: Sequence[int],
    positions: Positions,
    table: RuleTable[L, T],
    work: str,
    lex: L,
    keep: Callable[[int], bool],
    limit: int | None = None,
) -> list[T]:
    """Read the grammar at every anchor token (in the order given): at each position
    `positions` offers, the first match that covers the anchor is read; an anchor inside text
    already read, or not kept, is passed over. With `limit`, reading stops once that many values
    are found."""
    found: list[T] = []
    covered_to = -1
    match = table.regex.match
    for ts in anchors:
        a_start = int(token_starts[ts])
        if a_start < covered_to or not keep(a_start):
            continue
        tried, anchor = positions(ts)
        for pos in tried:
            if pos < covered_to:
                continue
            hit = match(work, pos)
            if hit is not None and hit.start() <= anchor < hit.end():
                m = table.rule_match(hit)
                values = m.read(work, lex)
                if values:
                    found.extend(values)
                    covered_to = max(covered_to, m.end())
                break
        if limit is not None and len(found) >= limit:
            break
    return found


__all__ = ["Parts", "Positions", "Rule", "RuleMatch", "RuleTable", "scan_anchors"]
