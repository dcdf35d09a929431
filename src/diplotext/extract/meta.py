"""Document metadata: what kind of document it is.

First cut: the title's words decide (a title that *is* "Joint Statement of ..." is the
statement itself; a headline that reports one is news).
"""

from __future__ import annotations

import re

from ..models import DocumentKind

_OWN_KIND = [
    (re.compile(r"^\s*(?:the\s+)?joint\s+statement\b|^\s*совместное\s+заявление", re.I), "joint_statement"),
    (re.compile(r"^\s*(?:the\s+)?(?:\w+\s+){0,3}declaration\b|^\s*декларация", re.I), "declaration"),
    (re.compile(r"^\s*(?:the\s+)?(?:joint\s+)?communiqu[eé]\b|^\s*(?:совместное\s+)?коммюнике", re.I), "communique"),
]


def classify_kind(title: str | None, has_dateline: bool = False) -> DocumentKind:
    """The document's kind from its title and form."""
    if title:
        for rx, kind in _OWN_KIND:
            if rx.search(title):
                return kind  # type: ignore[return-value]
    return "news_report" if has_dateline or title else "other"
