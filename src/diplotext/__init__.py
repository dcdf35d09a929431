"""diplotext: diplomatic texts (joint statements, declarations, communiqués, and news about
them) into clean, validated, structured data with provenance.

    >>> import diplotext
    >>> st = diplotext.parse("Belarus and Russia signed the Treaty on December 8, 1999.")
    >>> [e.id for e in st.entities]
    ['BLR', 'RUS']
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date as Date
from os import PathLike
from pathlib import Path

from .__about__ import __version__
from .errors import DiplotextError
from .models import (
    SCHEMA_VERSION,
    DateMention,
    DocumentDate,
    Entity,
    Event,
    Figure,
    Mention,
    Removed,
    Section,
    Source,
    Stance,
    Statement,
    json_schema,
)

__all__ = [
    "__version__", "parse", "parse_file", "parse_many", "DiplotextError", "SCHEMA_VERSION", "json_schema",
    "Statement", "Source", "Section", "Entity", "Mention", "DateMention", "DocumentDate", "Figure", "Event",
    "Stance", "Removed",
]


def parse(
    text: str, *, date: str | Date | None = None, lang: str | None = None, gazetteer: str | PathLike[str] | None = None
) -> Statement:
    """Parse one text. `date` (ISO string or date) is the document's date and wins over the text's;
    `lang` ('en' or 'ru') forces the language; `gazetteer` adds or overrides entities (JSON list)."""
    from .pipeline import parse_text

    return parse_text(text, date=date, lang=lang, gazetteer=Path(gazetteer) if gazetteer else None)


def parse_file(
    path: str | PathLike[str], *, date: str | Date | None = None, lang: str | None = None,
    gazetteer: str | PathLike[str] | None = None,
) -> Statement:
    """Read, decode (UTF-8, UTF-16, cp1251, KOI8-R, ...) and parse one file."""
    from .pipeline import parse_path

    return parse_path(Path(path), date=date, lang=lang, gazetteer=Path(gazetteer) if gazetteer else None)


def parse_many(
    items: Iterable[str | PathLike[str]], *, lang: str | None = None, gazetteer: str | PathLike[str] | None = None,
) -> Iterator[Statement]:
    """Parse texts or paths (a `Path` is read as a file, a `str` is taken as text), in order."""
    from .pipeline import parse_path, parse_text

    gaz = Path(gazetteer) if gazetteer else None
    for item in items:
        if isinstance(item, PathLike):
            yield parse_path(Path(item), lang=lang, gazetteer=gaz)
        else:
            yield parse_text(item, lang=lang, gazetteer=gaz)
