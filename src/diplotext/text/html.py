"""Text out of a saved HTML page, with a real HTML parser.

The page is read with the standard library's `html.parser` (tolerant of broken markup, no
native dependency, and fast enough for a page: a statement's page is well under a megabyte).
What a browser would not show as the page's text is dropped: scripts, styles, templates, SVG,
form controls (not ``<form>`` itself: some sites wrap the whole page in one) and, as site furniture, navigation bars, ``<aside>`` sidebars and ``<footer>``s, as well as
anything ``hidden``. Block elements (paragraphs, headings, list items, table rows, ``<br>``)
become line breaks, a blank line between paragraphs; whitespace inside a block is folded as a
browser folds it (kept inside ``<pre>``). Character references are decoded.

The result is deterministic, so a `Statement` whose ``source.offsets`` is ``"html_text"`` can be
checked against ``html_to_text(page)``: every offset indexes that text.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from ..resources import load_json

_ELEMENTS = load_json("html.json")
_SKIP = frozenset(_ELEMENTS["skip"])
_SKIP_ROLES = frozenset(_ELEMENTS["skip_roles"])
_BLOCK = frozenset(_ELEMENTS["block"])
_PARAGRAPH = frozenset(_ELEMENTS["paragraph"])
_VOID = frozenset(_ELEMENTS["void"])
_CELL = frozenset(_ELEMENTS["cell"])
_WS = re.compile(r"[ \t\r\n\f\v]+")

_SNIFF_START = re.compile(r"^\ufeff?\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title)\b", re.I | re.S)
_TAG = re.compile(rf"</?(?:{'|'.join(_ELEMENTS['sniff_tags'])})\b[^<>]{{0,500}}>", re.I)
"""A tag of a common element (the names are regex atoms: "h[1-6]")."""


def looks_like_html(text: str, sample: int = 8192) -> bool:
    """Is this text an HTML page (or fragment) rather than plain text? Sniffed from its content.

    True when it opens like a page (``<!DOCTYPE html>``, ``<html>``, ``<head>``) or when markup is
    dense in its first characters (at least 5 tags of common HTML elements, and tags are not a
    rare accident in a long text).
    """
    head = text[:sample]
    if _SNIFF_START.match(head):
        return True
    tags = _TAG.findall(head)
    return len(tags) >= 5 and sum(len(t) for t in tags) >= 0.02 * len(head)


class _Extractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip_depth = 0
        self.skip_stack: list[str] = []
        self.pre_depth = 0
        self.pending = ""  # the strongest break asked for since the last text: "", " ", "\n", "\n\n"

    # Breaks are collected and written once, before the next text, so that nested blocks give one
    # break and the text never ends or begins with stray line breaks.
    def _break(self, kind: str) -> None:
        order = {"": 0, " ": 1, "\n": 2, "\n\n": 3}
        if order[kind] > order[self.pending]:
            self.pending = kind

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _VOID:
            if tag == "br" and not self.skip_depth:
                self._break("\n")
            elif tag == "hr" and not self.skip_depth:
                self._break("\n\n")
            elif tag == "img" and not self.skip_depth:
                self._break(" ")
            return
        hidden = any(k == "hidden" or (k == "aria-hidden" and v == "true") or (k == "style" and v and re.search(r"display\s*:\s*none", v)) for k, v in attrs)
        role = next((v for k, v in attrs if k == "role"), None)
        if self.skip_depth or tag in _SKIP or hidden or role in _SKIP_ROLES:
            self.skip_stack.append(tag)
            self.skip_depth += 1
            return
        if tag == "pre":
            self.pre_depth += 1
        self._break_for(tag)

    def _break_for(self, tag: str) -> None:
        """The break an element's start or end puts in the text: a blank line, a line, a space."""
        if tag in _PARAGRAPH:
            self._break("\n\n")
        elif tag in _BLOCK:
            self._break("\n")
        elif tag in _CELL:
            self._break(" ")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _VOID:
            self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag in _VOID:
            return
        if self.skip_depth:
            # Close up to the matching skipped element (tolerating unclosed children).
            if tag in self.skip_stack:
                while self.skip_stack:
                    self.skip_depth -= 1
                    if self.skip_stack.pop() == tag:
                        break
            return
        if tag == "pre" and self.pre_depth:
            self.pre_depth -= 1
        self._break_for(tag)

    def handle_data(self, data: str) -> None:
        if self.skip_depth or not data:
            return
        if self.pre_depth:
            chunk = data.replace("\r\n", "\n").replace("\r", "\n")
        else:
            chunk = _WS.sub(" ", data)
            if not chunk.strip():
                if self.parts and not self.parts[-1].endswith((" ", "\n")):
                    self._break(" ")
                return
            if chunk.startswith(" "):
                self._break(" ")
                chunk = chunk.lstrip(" ")
            trailing = chunk.endswith(" ")
            chunk = chunk.rstrip(" ")
        if self.parts:
            sep = self.pending
            if sep and not (sep == " " and self.parts[-1].endswith((" ", "\n"))):
                if sep.startswith("\n"):
                    self.parts[-1] = self.parts[-1].rstrip(" ")
                self.parts.append(sep)
        self.pending = ""
        self.parts.append(chunk)
        if not self.pre_depth and trailing:
            self.pending = " "


def html_to_text(page: str) -> str:
    """The visible text of an HTML page: blocks on their own lines, paragraphs apart, furniture
    elements (scripts, styles, nav, aside, footer, forms, hidden elements) dropped."""
    parser = _Extractor()
    parser.feed(page.lstrip("\ufeff"))
    parser.close()
    text = "".join(parser.parts)
    return "\n".join(line.rstrip() for line in text.split("\n")).strip("\n") + "\n"
