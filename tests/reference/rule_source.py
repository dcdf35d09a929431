"""Plain twin of `RuleTable`'s source: its rules' patterns in one bare alternation, in order
(what `extract.first_char.guarded` puts behind guards)."""

from __future__ import annotations

from diplotext.extract.rules import RuleTable, _prefixed


def plain_source(table: RuleTable, space: str | None = None) -> str:  # type: ignore[type-arg]
    parts = [f"(?P<R{i}>{_prefixed(rule.pattern, f'R{i}_')})" for i, rule in enumerate(table.rules)]
    source = "|".join(parts)
    return source if space is None else source.replace("[ ]", space)
