"""Organizations, countries and persons, resolved to canonical ids.

Two passes, as in spaCy's SpanRuler. First every reading goes into
``doc.spans["diplotext_candidates"]`` (overlaps allowed): gazetteer names, acronyms, capitals and
short names (`gazetteer.py`), and the open-world readings found by patterns (`matcher.py`,
`persons.py` and each language's rules in `languages/`): persons introduced by an office or a
title ("Foreign Minister Maksim Ryzhenkov", "Mr Smith"), by a given name or by initials
("A.S. Pushkin"); organizations named by a head noun ("International Syria Support Group",
"Ministry of Commerce"). Then the resolver (`resolver.py`) runs its ordered filters: it keeps the
longest, most specific reading in ``doc.spans["diplotext_entities"]`` ("Parliamentary Assembly
of the Union of Belarus and Russia" is one organization, not an assembly plus two countries),
checks the readings that need the document's support (a surname, a capital, "Security
Council"), reports the countries named inside an organization's name, links acronyms defined in
the text ("... Organization (SCO)") and later surname-only mentions of a person. Each span's
``label_`` is the entity type and ``kb_id_`` the canonical id; open-world entities get a
generated id (``ORG:...``, ``PERSON:...``) and are described in
``doc.user_data["diplotext_open_entities"]``.
"""

from __future__ import annotations

from .grouping import entities_from_spans, in_ranges  # noqa: F401
from .lexicon import Lexicon, lexicon  # noqa: F401
from .matcher import EntityMatcher  # noqa: F401
from .resolution import Resolution, SpansFilter  # noqa: F401
from .resolver import FILTERS, EntityResolver  # noqa: F401
from .rules import PHRASE_TOKENS, PatternRule, packaged_phrase_tokens, pattern_rules, phrase_tokens  # noqa: F401
from .scan import Scan  # noqa: F401
from .spans import CANDIDATES_KEY, ENTITIES_KEY, OFFICES_KEY, OPEN_KEY  # noqa: F401
