"""Calendar references, normalized to ISO values as precise as the text.

Three steps, each cheap:

1. *Candidates* (`candidates.py`): spaCy matchers give anchors (month names, relative
   expressions, tokens shaped like years and dates); nothing is done per token in Python.
2. The *grammar* (`grammar.py`): an ordered table of named rules compiled from the lexicon
   (``resources/<lang>/dates.json``, `lexicon.py`), anchored at each candidate; the rule that
   matched reads the parts (`readers.py`) and names itself in the candidate. Context rules
   drop what is not a date ("May" the verb, "Resolution 2254", "2000 tonnes", times).
3. *Normalization* (`normalization.py`): the parts' ISO value, checked against the calendar;
   dateparser reads the relative expressions the grammar delimits, against the document's date,
   cached; *resolution* (`resolve.py`) fills from the document's date the parts the text leaves
   out.
"""

from __future__ import annotations

from .candidate import DateCandidate
from .candidates import DateMatchers, build_date_matchers, date_matchers, find_date_candidates, link_ranges, parse_date_text
from .grammar import date_grammar, date_rules
from .lexicon import DateLexicon, date_lexicon
from .normalization import PARSED, ParserStats, clear_cache, normalize, read_relative
from .resolve import base_date, find_dates, resolve, resolve_dates
