"""Invariants every `Statement` must satisfy, whatever its input: shared by the property tests
(tests/test_properties.py, tests/test_hostile.py, tests/test_linear.py) and the fuzz targets (fuzz/).

Every span's offsets slice its own text out of the text that offsets index (the input, with
lone surrogates replaced one for one; or, for an HTML page, the text extracted from it), every
other offset lies inside it, and the statement can be written as JSON.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from diplotext.models import DocumentDate, Section, Span, Statement
from diplotext.text.decode import scrub_surrogates


def indexed_text(statement: Statement, text: str) -> str:
    """The text that `statement`'s offsets index, re-made from the input as the docs say."""
    base, _ = scrub_surrogates(text)
    if statement.source.offsets == "html_text":
        from diplotext.text.html import html_to_text

        base = html_to_text(base)
    return base


def _walk(value: Any, path: str):  # type: ignore[no-untyped-def]
    if isinstance(value, BaseModel):
        yield path, value
        for name in type(value).model_fields:
            yield from _walk(getattr(value, name), f"{path}.{name}")
    elif isinstance(value, (list, tuple)):
        for i, item in enumerate(value):
            yield from _walk(item, f"{path}[{i}]")


def offset_problems(statement: Statement, text: str, *, json: bool = True) -> list[str]:
    """Every broken invariant, described; [] when the statement is sound."""
    base = indexed_text(statement, text)
    n = len(base)
    problems = []
    if statement.source.chars != n:
        problems.append(f"source.chars {statement.source.chars} != {n}")
    for path, obj in _walk(statement, "statement"):
        if isinstance(obj, Span):
            if not 0 <= obj.start <= obj.end <= n:
                problems.append(f"{path}: [{obj.start}, {obj.end}) outside [0, {n}]")
            elif base[obj.start:obj.end] != obj.text:
                problems.append(f"{path}: text {obj.text[:60]!r} != input[{obj.start}:{obj.end}] {base[obj.start:obj.end][:60]!r}")
        elif isinstance(obj, Section):
            if not 0 <= obj.start <= obj.end <= n:
                problems.append(f"{path}: [{obj.start}, {obj.end}) outside [0, {n}]")
        elif isinstance(obj, DocumentDate) and obj.start is not None:
            if obj.end is None or not 0 <= obj.start <= obj.end <= n:
                problems.append(f"{path}: [{obj.start}, {obj.end}) outside [0, {n}]")
            elif obj.text is not None and base[obj.start:obj.end] != obj.text:
                problems.append(f"{path}: text {obj.text!r} != input[{obj.start}:{obj.end}]")
    if json:
        try:
            data = statement.model_dump_json()
            data.encode("utf-8")
        except Exception as exc:  # noqa: BLE001 - reported as a problem
            problems.append(f"model_dump_json: {type(exc).__name__}: {exc}")
    return problems


def assert_sound(statement: Statement, text: str, *, json: bool = True) -> None:
    problems = offset_problems(statement, text, json=json)
    assert not problems, "\n".join(problems[:20])
