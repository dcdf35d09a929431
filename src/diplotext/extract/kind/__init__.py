"""The kind of a document, from many weak cues together (see `form.CUES`), each weighted per
kind in ``resources/kind_cues.json``:

* the document itself (``joint_statement``, ``declaration``, ``communique``): the title is the
  document's name, the parties speak as "we" or "the Parties", it declares, carries numbered
  commitments, closes with "Done at ..."; which of the three is the one the title names, else
  ``declaration`` when the text declares, else ``joint_statement``;
* ``transcript``: most of the body is speakers' turns, or a speech's title over first-person text;
* ``press_release`` (an official body's own item): a release label or title ("Media Note",
  "Readout of ..."), an official site's header and furniture, a verbless headline, narration
  about "our country";
* ``news_report`` (a news outlet's item): an agency dateline, a byline, tickers and news-site
  furniture, sources credited ("according to", "told reporters"), photo captions;
* ``other``: an agreement's own text, one body's statement, or nothing to judge.

The cues that decided are returned with the kind (the output's ``kind_evidence``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ...models import DocumentKind, Section
from .form import CUES, TICKER, Page, speech_share  # noqa: F401 - Page, speech_share re-exported
from .lexicon import cue_weights, kind_words  # noqa: F401 - kind_words re-exported
from .title import DOCUMENT_KINDS, mentioned_kind, own_kind  # noqa: F401 - DOCUMENT_KINDS re-exported

_WORDY = re.compile(r"[^\W\d_]{2,}")

_ORDER = ("document", "transcript", "other", "press_release", "news_report")
"""Ties go to the earlier kind."""


@dataclass(frozen=True)
class KindDecision:
    kind: DocumentKind
    evidence: list[str]


def _document_kind(page: Page, fired: dict[str, int]) -> DocumentKind:
    """Which document: the one the title names, else a declaration when the text declares."""
    named = own_kind(page.title, page.lang) or mentioned_kind(page.title, page.lang)
    if named in DOCUMENT_KINDS:
        return named  # type: ignore[return-value]
    return "declaration" if fired.get("declares") else "joint_statement"


def decide_kind(page: Page) -> KindDecision:
    """The kind with the highest sum of its cues' weights, and those cues."""
    weights, default = cue_weights()
    if not page.title and all(TICKER.match(s.text.strip()) or not _WORDY.search(s.text) for s in page.sections):
        # no title and no words: nothing, or the figures and tickers cleaning keeps when it would keep nothing
        return KindDecision("other", ["nothing_to_judge"])
    scores = {k: float(default.get(k, 0.0)) for k in _ORDER}
    fired: dict[str, int] = {}
    for name, cue in CUES:
        n = cue(page)
        if n:
            fired[name] = n
            for kind, w in weights.get(name, {}).items():
                scores[kind] += w * n
    best = max(_ORDER, key=lambda k: (scores[k], -_ORDER.index(k)))
    evidence = [name for name in fired if weights.get(name, {}).get(best, 0) > 0] or ["default"]
    kind: DocumentKind = _document_kind(page, fired) if best == "document" else best  # type: ignore[assignment]
    return KindDecision(kind, evidence)


def classify_kind(
    title: str | None,
    has_dateline: bool = False,
    *,
    sections: Sequence[Section] = (),
    lang: str = "en",
    page_lines: Iterable[str] = (),
    header_time: bool = False,
) -> DocumentKind:
    """The document's kind from its title and its form (see `decide_kind` for the evidence)."""
    page = Page(title, sections, lang, tuple(page_lines), (), header_time, has_dateline)
    return decide_kind(page).kind
