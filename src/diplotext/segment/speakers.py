"""Speakers' turns in a transcript: "President of Russia Vladimir Putin: ...", "Question: ...".

A label is a run of capitalized words (with "of", "the", initials and, in Russian, lower-case
words of an office title between them) that ends in a capitalized word, optionally followed by
a note in brackets ("(retranslated)"), that starts the text or follows the end of a sentence,
and that ends in a colon before the speech. The words are data (``resources/*/speakers.json``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..resources import load_json

_LANGS = ("en", "ru")
_SPACES = re.compile(r"\s+")
_WORD = re.compile(r"\w+(?:[-'’]\w+)*")
_SENT_END = re.compile(r"[.!?…;:]['\"”»’)\]]*$")
_LABEL_NOTE = re.compile(r"\s*\((?:[^()]{1,40})\)\s*$")
_LABEL_TOKEN = re.compile(r"[\w'’-]+\.?")
_TURN_COLON = re.compile(r":\s+(?=[A-ZА-ЯЁ“\"«„‘'(\[<])")  # a colon that may end a speaker's label
_DIVIDER_HEADING = re.compile(r"(?:\*\s*){3,}([^*.!?:;]*)$")
_HEAD = 160
"""Characters before a colon that its label is looked for in."""
_MOST_CAPS = 14


@dataclass(frozen=True)
class _LabelWords:
    label_words: frozenset[str]
    lowercase: bool
    qa_labels: frozenset[str]
    offices: frozenset[str]
    modifiers: frozenset[str]
    abbreviations: frozenset[str]


@lru_cache(maxsize=None)
def _words(lang: str) -> _LabelWords:
    """The label words of every language (a transcript quotes speakers of both), and whether
    the text's own language lets any lower-case word stand inside a label."""
    files = [load_json(f"{code}/speakers.json") for code in _LANGS]

    def every(key: str) -> frozenset[str]:
        return frozenset(w for f in files for w in f[key])

    own = load_json(f"{lang if lang in _LANGS else _LANGS[0]}/speakers.json")
    return _LabelWords(every("label_words"), bool(own["lowercase_label_words"]), every("qa_labels"),
                       every("office_words"), every("office_modifiers"), every("abbreviations"))


def _label_first_token(body: str, tokens: list[re.Match[str]], lang: str) -> int | None:
    """The index of the label's first token among the tokens of `body`, walking back from the
    last one; None when `body` ends in no label."""
    if not tokens or tokens[-1].end() != len(body):
        return None
    words = _words(lang)
    caps = 0
    first: int | None = None
    for i in range(len(tokens) - 1, -1, -1):
        tok = tokens[i]
        word = tok.group().strip(".")
        if not word:
            return None
        if tok.group().endswith(".") and len(word) > 2 and word not in words.abbreviations:
            break  # the end of the sentence before the label
        gap = body[tok.end():(tokens[first].start() if first is not None else len(body))]
        if gap.strip():
            break  # punctuation between words: the label cannot reach further back
        if word[0].isupper():
            caps += 1
        elif not (word.casefold() in words.label_words or (words.lowercase and word.isalpha() and word[0].islower())):
            break
        first = i
        if caps >= _MOST_CAPS:
            break
    return first


def _office_start(toks: list[re.Match[str]], lang: str) -> int | None:
    """Where a label that runs on from a heading starts: at its last office word ("President",
    "Prime Minister"), with the modifiers before it; None without one."""
    words = _words(lang)

    def low(i: int) -> str:
        return toks[i].group().strip(".").casefold()

    office = [i for i in range(len(toks)) if low(i) in words.offices and not (i and low(i - 1) in words.modifiers)]
    if not office:
        return None
    i = office[-1]
    while i and low(i - 1) in words.modifiers:
        i -= 1
    return toks[i].start()


def _label_before(text: str, colon: int, lang: str) -> int | None:
    """Where a speaker label ending at `colon` starts, or None when the colon ends no label."""
    head = text[max(0, colon - _HEAD):colon]
    offset = colon - len(head)
    m = _LABEL_NOTE.search(head) if head.rstrip().endswith(")") else None  # "... (retranslated)"
    body = head[: m.start()] if m else head.rstrip()
    tokens = list(_LABEL_TOKEN.finditer(body))
    first = _label_first_token(body, tokens, lang)
    if first is None:
        return None
    toks = tokens[first:]
    while toks and not toks[0].group()[0].isupper():
        toks.pop(0)  # a label starts with a capital
    if not toks:
        return None
    last = toks[-1].group().strip(".")
    if not last or not last[0].isupper():
        return None
    n_caps = sum(1 for t in toks if t.group()[0].isupper())
    begin = toks[0].start()
    before = body[:begin].rstrip()
    # One word is a label only as "Question:" / "Answer:" or at the very start of a paragraph ("Governor:").
    if n_caps < 2 and toks[0].group().casefold() not in _words(lang).qa_labels and (before or len(toks) > 1):
        return None
    if before and not (_SENT_END.search(before) or before.endswith(("*", ">", "]"))):
        # After a divider, a short heading may stand before the first label:
        # "*** Beginning of Russian-Chinese talks President of ... Xi Jinping (retranslated): ..."
        div = _DIVIDER_HEADING.search(before)
        if not div or not 1 <= len(_WORD.findall(div.group(1))) <= 12:
            return None
        office = _office_start(toks, lang)
        begin = office if office is not None else begin
    return offset + begin


def speaker_turns(text: str, lang: str = "en") -> list[tuple[int, int, str]]:
    """(label start, speech start, speaker) of every speaker's turn in `text`.

    ``text[label_start:speech_start]`` is "President of Russia Vladimir Putin: "; the speech
    runs to the next turn's label start.
    """
    turns = []
    for m in _TURN_COLON.finditer(text):
        start = _label_before(text, m.start(), lang)
        if start is None:
            continue
        label = _SPACES.sub(" ", text[start:m.start()])
        speaker = (_LABEL_NOTE.sub("", label) if ")" in label else label).strip()  # a note ends in a bracket
        turns.append((start, m.end(), speaker))
    return turns
