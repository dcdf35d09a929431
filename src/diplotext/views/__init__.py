"""Views across documents: timelines, the difference of two statements, a corpus report.

They read what `diplotext convert` writes (a folder of JSON, a JSONL file) or Statements.
"""

from __future__ import annotations

from .corpus import CorpusError, Document, iter_documents, read_corpus
from .timeline import Filters, Timeline, build_timeline, plot_timeline, to_frame

__all__ = ["CorpusError", "Document", "iter_documents", "read_corpus"]
__all__ += ["Filters", "Timeline", "build_timeline", "plot_timeline", "to_frame"]
