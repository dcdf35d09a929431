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
from os import PathLike, cpu_count
from pathlib import Path
from typing import Any, Literal

from . import deferred_spacy_cli
from .__about__ import __version__
from .errors import DiplotextError
from .gc_pacing import paced_collector
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

# The API: functions; the error every failure derives from, the schema.
__all__ = ["__version__", "parse", "parse_file", "parse_many", "to_frames", "timeline", "diff"]
__all__ += ["DiplotextError", "SCHEMA_VERSION", "json_schema"]
# The document and its parts.
__all__ += ["Statement", "Source", "Section", "Removed"]
# The facts found in it.
__all__ += ["Entity", "Mention", "DateMention", "DocumentDate", "Figure", "Event", "Stance"]

deferred_spacy_cli.install()  # spaCy's command line is a quarter of `import spacy`, and diplotext needs none of it

_MAX_SIZE = 20 * 1024 * 1024
"""The default limit on an input: 20 MiB of a file, 20 Mi characters of a string."""


def parse(
    text: str, *, date: str | Date | None = None, lang: str | None = None, gazetteer: str | PathLike[str] | None = None,
    max_chars: int | None = _MAX_SIZE,
) -> Statement:
    """Parse one text. `date` (ISO string or date) is the document's date and wins over the text's;
    `lang` ('en' or 'ru') forces the language; `gazetteer` adds or overrides entities (JSON list);
    a text longer than `max_chars` (default 20 Mi characters; None for no limit) raises
    `InputTooLargeError`."""
    with paced_collector():  # the first call imports the pipeline: fewer full collections of a growing heap
        from .pipeline import parse_text

    return parse_text(text, date=date, lang=lang, gazetteer=Path(gazetteer) if gazetteer else None, max_chars=max_chars)


def parse_file(
    path: str | PathLike[str], *, date: str | Date | None = None, lang: str | None = None,
    gazetteer: str | PathLike[str] | None = None, max_bytes: int | None = _MAX_SIZE,
) -> Statement:
    """Read, decode (UTF-8, UTF-16, cp1251, KOI8-R, ...) and parse one file. A file over
    `max_bytes` (default 20 MiB; None for no limit) raises `InputTooLargeError` unread."""
    with paced_collector():
        from .pipeline import parse_path

    return parse_path(Path(path), date=date, lang=lang, gazetteer=Path(gazetteer) if gazetteer else None,
                      max_bytes=max_bytes)


def parse_many(
    items: Iterable[str | PathLike[str]],
    *,
    date: str | Date | None = None,
    lang: str | None = None,
    gazetteer: str | PathLike[str] | None = None,
    errors: Literal["raise", "return"] = "raise",
    max_bytes: int | None = _MAX_SIZE,
    workers: int = 1,
) -> Iterator[Statement]:
    """Parse texts or paths (a `Path` is read as a file, a `str` is taken as text), in order.

    Streams: inputs are read lazily and parsed in small batches with spaCy's `nlp.pipe`, so a
    generator of a million paths runs in flat memory. With ``errors="raise"`` (the default) the
    first bad input raises its `DiplotextError`; with ``errors="return"`` the exception is
    yielded in that input's place and the rest is parsed. `max_bytes` limits a file's bytes and
    a text's characters alike (None: no limit). `workers` > 1 parses in that many processes
    (0: one per core), with the same results in the same order (forked on Linux after the
    pipeline is built; elsewhere a script needs the usual ``if __name__ == "__main__":`` guard).
    """
    from .batch.streams import ParseOptions, parse_in_workers, parse_items

    if errors not in ("raise", "return"):
        raise ValueError(f"errors must be 'raise' or 'return', not {errors!r}")
    if not isinstance(workers, int) or workers < 0:
        raise ValueError(f"workers must be 0 (one per core) or more, not {workers!r}")
    if date is not None:
        from .pipeline import check_caller_date

        check_caller_date(date)  # before any work, in this process
    workers = workers or cpu_count() or 1
    options = ParseOptions(date=date, lang=lang, gazetteer=str(gazetteer) if gazetteer else None, max_bytes=max_bytes)
    results = parse_items(items, options) if workers == 1 else parse_in_workers(items, options, workers)
    for result in results:
        if isinstance(result, Exception) and errors == "raise":
            raise result
        yield result


def to_frames(source: Any) -> dict[str, Any]:
    """Flat, joinable pandas DataFrames (documents, sections, entities, mentions, dates, figures,
    events, stances) from a folder or file of `diplotext convert` output, or from Statements
    (``to_frames(parse_many(paths))``). Needs pandas: ``pip install 'diplotext[pandas]'``.
    See `diplotext.export` for the columns and keys."""
    from .export import to_frames as _to_frames

    return _to_frames(source)


def timeline(
    source: Any, of: str = "figures", *, by: str = "year", measure: str | None = None, entity: str | None = None,
    parties: str | Iterable[str] | None = None, actor: str | None = None, stance: str | None = None,
    since: str | int | None = None, until: str | int | None = None,
) -> Any:
    """Figures, entities, stances or events per year (or month) across documents, from a folder
    or file of `diplotext convert` output or from Statements: a pandas DataFrame when pandas is
    installed, else a list of plain rows (dicts). Each figure is counted once however many
    documents report it. See `diplotext.views.timeline` for the columns."""
    from .views import Filters, build_timeline, to_frame

    wanted = parties.split(",") if isinstance(parties, str) else list(parties or ())
    filters = Filters(measure=measure, entity=entity, parties=tuple(p.strip() for p in wanted if p.strip()), actor=actor,
                      stance=stance, since=None if since is None else str(since), until=None if until is None else str(until))
    return to_frame(build_timeline(source, of, by=by, filters=filters))  # type: ignore[arg-type]


def diff(a: Any, b: Any) -> Any:
    """What changed from statement `a` to `b` (Statements, JSON outputs of `convert`, or text
    files): a Pydantic `StatementDiff` with the sections paired by content (same / changed /
    added / removed, with the sentences that changed) and the entities, figures, stances and
    events added and dropped. ``diff(x, x).empty`` is True."""
    from .views.diff import diff_statements

    return diff_statements(a, b)
