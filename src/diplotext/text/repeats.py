"""Lines that repeat across the documents of a batch: site furniture, known to the layout by key.

A page's own features find most furniture; a batch gives one more for free: a short line that
stands in many documents of the same folder ("Sign up for our newsletter", a site's slogan, its
footer) belongs to the site, not to any one document. `furniture_key` is how the batch counts
lines (`diplotext.batch.furniture`) and how the layout then knows them (`text.clean`): an
8-byte hash of the line as the vocabulary sees it (case folded, spaces unified; digits are kept,
so that "Talks, round 1" and "Talks, round 2" stay two titles), so memory stays small.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator

from .lines import _LETTER, _key, split_lines

FURNITURE_CHARS = 100
"""Only lines up to so many characters (stripped) are counted: furniture is short, and a long
line repeated across documents is a sentence, which stays."""

REPEATED_IN_BATCH = "repeated_in_batch"
"""The reason of a line removed because it repeats across the documents of a batch."""

def furniture_key(line: str) -> bytes | None:
    """The key a line is counted by, or None for a line that is not counted (blank, long, no letter)."""
    s = line.strip()
    if not s or len(s) > FURNITURE_CHARS or not _LETTER.search(s):
        return None
    return hashlib.blake2b(_key(s).encode("utf-8", "surrogatepass"), digest_size=8).digest()


def line_keys(text: str) -> Iterator[bytes]:
    """The key of every counted line of `text`, each once."""
    seen: set[bytes] = set()
    for start, end in split_lines(text):
        key = furniture_key(text[start:end])
        if key is not None and key not in seen:
            seen.add(key)
            yield key
