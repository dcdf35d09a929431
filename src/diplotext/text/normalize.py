"""A working copy of the input with the same length, for matching.

Matchers want one kind of space and one kind of apostrophe; provenance wants offsets into the
input as it is. Replacing characters one for one gives both: every offset found in the working
text is an offset into the input.
"""

from __future__ import annotations

import re

_ONE_FOR_ONE = str.maketrans({
    "\u00a0": " ",  # no-break space
    "\u2007": " ",  # figure space
    "\u2009": " ",  # thin space
    "\u202f": " ",  # narrow no-break space
    "\u200a": " ",  # hair space
    "\u2002": " ",
    "\u2003": " ",
    "\u3000": " ",
    "\t": " ",
    "\ufeff": " ",  # a BOM kept at offset 0
    "\u2019": "'",  # right single quotation mark used as apostrophe
    "\u02bc": "'",
    "\u2018": "'",
    "\u00ad": " ",  # soft hyphen
    "\x00": " ",
    "\u2028": "\n",
    "\u2029": "\n",
    "\x0b": "\n",
    "\x0c": "\n",
    "\x85": "\n",
})
_CR = re.compile(r"\r(?!\n)")
# str.translate looks up every character in the table; a class of the few characters that change
# finds them in C and leaves the rest alone (several times faster on ordinary text).
_REPLACE = {chr(k): v for k, v in _ONE_FOR_ONE.items()}
_SPECIAL = re.compile("[" + "".join(re.escape(ch) for ch in _REPLACE) + "]")
_CHANGING = (*_REPLACE, "\r")
"""Every character that changes: one `in` test each (a memchr-like scan in C) tells a text that has
none of them three times faster than a search for the class, and most texts have none."""


def working_text(text: str) -> str:
    """The input with spaces, apostrophes and line breaks unified, character for character."""
    if not any(ch in text for ch in _CHANGING):
        return text  # nothing to unify
    out = _SPECIAL.sub(lambda m: _REPLACE[m.group()], text)
    if "\r" in out:
        # A CR before LF becomes a space (trailing, harmless); a lone CR (old Mac files) a newline.
        out = _CR.sub("\n", out).replace("\r", " ")
    return out
