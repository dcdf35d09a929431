"""Tell content from web boilerplate, line by line, without rewriting anything.

Saved web pages wrap a statement in menus, tickers, share buttons and footers. Following
jusText, each line is classified by its own features (length, sentence punctuation, stopword
density, digits, site-furniture vocabulary) and then by its context: the content is the stretch
between the first and the last good paragraph, plus a title just above it; short lines inside
that stretch (headings, datelines) stay, furniture lines inside it and everything outside it go.
What goes is reported with its offsets and a reason, so nothing is lost silently.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from ..resources import load_json

LineClass = Literal["good", "short", "bad", "blank"]


@dataclass(frozen=True)
class Line:
    """One line of the input: offsets exclude the line break."""

    start: int
    end: int
    text: str
    cls: LineClass = "blank"
    reason: str = ""


@dataclass(frozen=True)
class Layout:
    """The input's lines, each judged content or boilerplate."""

    lines: tuple[Line, ...]
    content: tuple[Line, ...]
    removed: tuple[Line, ...]
    title: Line | None


_LINE = re.compile(r"[^\n]*")
_WORD = re.compile(r"\w+(?:[-'’]\w+)*")
_TICKER = re.compile(r"^[\s\d.,:+\-−–%$€₽]*(?:[A-Z]{3}|руб\.?|BYN|USD|EUR|RUB)?[\s\d.,:+\-−–%$€₽]*$")
_SENTENCE_END = re.compile(r"[.!?…:;»\"”)]\s*$")


@lru_cache(maxsize=None)
def _furniture(lang: str) -> tuple[frozenset[str], tuple[str, ...]]:
    data = load_json(f"{lang}/boilerplate.json")
    return frozenset(data["lines"]), tuple(data["prefixes"])


@lru_cache(maxsize=None)
def _stopwords(lang: str) -> frozenset[str]:
    if lang == "ru":
        from spacy.lang.ru.stop_words import STOP_WORDS
    else:
        from spacy.lang.en.stop_words import STOP_WORDS
    return frozenset(STOP_WORDS)


def split_lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of every line, line breaks excluded."""
    spans = []
    pos = 0
    n = len(text)
    while pos <= n:
        nl = text.find("\n", pos)
        if nl == -1:
            spans.append((pos, n))
            break
        spans.append((pos, nl))
        pos = nl + 1
    return spans


def classify_line(text: str, lang: str) -> tuple[LineClass, str]:
    """A line's class from its own features, and the reason when it is bad."""
    stripped = text.strip()
    if not stripped:
        return "blank", ""
    low = stripped.casefold()
    lines, prefixes = _furniture(lang)
    if low in lines or low.rstrip(":") in lines:
        return "bad", "site-furniture"
    if low.startswith(prefixes):
        return "bad", "site-furniture"
    if _TICKER.match(stripped) and any(ch.isdigit() for ch in stripped) and len(stripped) < 40:
        return "bad", "number-only"
    words = _WORD.findall(stripped)
    if not words:
        return "bad", "no-words"
    stops = _stopwords(lang)
    stop_density = sum(1 for w in words if w.casefold() in stops) / len(words)
    if len(words) >= 10 and stop_density >= 0.2:
        return "good", ""
    if len(words) >= 6 and _SENTENCE_END.search(stripped) and stop_density >= 0.15:
        return "good", ""
    return "short", ""


def _looks_like_title(line: Line) -> bool:
    words = _WORD.findall(line.text)
    return 2 <= len(words) <= 60 and not line.text.rstrip().endswith((".", ":", ";", ","))


def find_layout(text: str, lang: str) -> Layout:
    """Judge every line of `text` (the working text) as content or boilerplate."""
    lines: list[Line] = []
    for start, end in split_lines(text):
        raw = text[start:end]
        cls, reason = classify_line(raw, lang)
        lines.append(Line(start, end, raw, cls, reason))
    good = [i for i, ln in enumerate(lines) if ln.cls == "good"]
    if not good:
        keep = [ln for ln in lines if ln.cls == "short"]
        title = keep[0] if keep else None
        removed = tuple(ln for ln in lines if ln.cls == "bad")
        return Layout(tuple(lines), tuple(keep), removed, title)
    first, last = good[0], good[-1]
    # A title stands just above the first good paragraph: the nearest short lines above it,
    # within a few non-blank lines, the farthest title-like one first (a heading over a dateline).
    title_idx = None
    seen = 0
    i = first - 1
    while i >= 0 and seen < 4:
        ln = lines[i]
        if ln.cls == "short":
            seen += 1
            if _looks_like_title(ln):
                title_idx = i
        elif ln.cls == "bad":
            break
        i -= 1
    if title_idx is None and _looks_like_title(lines[first]) and not _SENTENCE_END.search(lines[first].text):
        title_idx = first  # a long headline with no closing period
    begin = title_idx if title_idx is not None else first
    content, removed = [], []
    for i, ln in enumerate(lines):
        if ln.cls == "blank":
            continue
        inside = begin <= i <= last
        if inside and ln.cls != "bad":
            content.append(ln)
        else:
            reason = ln.reason or ("before-content" if i < begin else "after-content")
            removed.append(Line(ln.start, ln.end, ln.text, "bad", reason))
    title = lines[title_idx] if title_idx is not None else None
    return Layout(tuple(lines), tuple(content), tuple(removed), title)
