"""Document structure: the sections of the content, in reading order, with their topics.

The content blocks come from `text.clean.find_layout` (hard-wrapped lines already joined into
paragraphs). Each block becomes a section of one of these kinds:

* ``dateline``: the header's date, time and place lines ("December 19, 2012", "20:00", "The
  Kremlin, Moscow"), and a news dateline opening the first paragraph ("MINSK, 6 December (BelTA) –");
* ``lead``: the first paragraph of a news report or press release;
* ``heading``: a short title-like line inside the body ("I. General provisions", an all-caps
  line); the sections below it carry it in ``heading``;
* ``point``: a numbered point ("1.", "2)", "IV.", "Article 1", "Статья 1"; a number alone on its
  line is joined with the paragraph below it);
* ``quote``: a quoted statement (a paragraph that opens with a quotation mark) or a speaker's
  turn in a transcript ("President of Russia Vladimir Putin: ..."), with ``speaker`` set;
* ``paragraph``: everything else.

A very long line (pages saved with every paragraph run together) is split only where the text
itself shows a boundary: at a speaker's turn or at a "* * *" divider.

Topics are scored from a lexicon kept as data (``resources/<lang>/topics.json``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache
from operator import itemgetter

from .models import Section
from .resources import load_json
from .text.clean import Block, Layout, Line, mentions_date

_SPACES = re.compile(r"\s+")
_POINT = re.compile(
    r"^\s*((?:Article|Section|Chapter|Part|Статья|Раздел|Глава|Часть)\s+[\dIVXLC]{1,6}(?:\.\d+)?|"
    r"\d{1,3}(?:\.\d{1,3}){0,3}(?=[.)]\s)|\(\d{1,3}\)|[IVXLC]{1,6}(?=[.)]\s)|[a-zа-я](?=\)\s))[.)]?\s*",
)
_QUOTE_OPEN = "“\"«„‘'"
_SENT_END = re.compile(r"[.!?…;:]['\"”»’)\]]*$")
_SEPARATOR_INLINE = re.compile(r"(?:\*\s*){3,}")
# A news dateline at the start of the first paragraph: "MINSK, 6 December (BelTA) – ", "MOSCOW, June 25. /TASS/."
_NEWS_DATELINE = re.compile(
    r"^((?:[A-ZА-ЯЁ][A-ZА-ЯЁ'’.-]+(?:\s[A-ZА-ЯЁ][A-ZА-ЯЁ'’.-]+){0,2}|[A-ZА-ЯЁ][\w'’.-]+(?:\s[A-ZА-ЯЁ][\w'’.-]+){0,2}(?=,[^()\n]{0,40}[(/]))"
    r",\s[^\n–—()/]{0,40}?(?:\s*\([^)\n]{2,30}\)|\s*/[^/\n]{2,30}/\.?)?)(?:\s*[–—-]+\s+|(?<=[/.])\s+(?=[A-ZА-ЯЁ«\"“]))"
)
_NEWS_DATELINE_CAPS = re.compile(r"^[A-ZА-ЯЁ][A-ZА-ЯЁ'’. -]{2,40},")
_WORD = re.compile(r"\w+(?:[-'’]\w+)*")
_WORD_CHAR = re.compile(r"\w")


_OTHER_SPACES = (
    "\t", "\n", "\x0b", "\x0c", "\r", "\x1c", "\x1d", "\x1e", "\x1f", "\x85", "\xa0", "\u1680", "\u2000", "\u2001",
    "\u2002", "\u2003", "\u2004", "\u2005", "\u2006", "\u2007", "\u2008", "\u2009", "\u200a", "\u2028", "\u2029",
    "\u202f", "\u205f", "\u3000",
)
"""Every character but the space that `str.isspace` (and so `str.split`) takes for a space."""


def fold_spaces(s: str) -> str:
    """``" ".join(s.split())``: whitespace runs as one space, none at the ends.

    A text with single spaces only (most sections: a paragraph is one line) is returned as it is,
    found so by one `in` test per space character (each a memchr-like scan in C) instead of
    being split into its words and joined again. Under 160 characters splitting is the cheaper.
    """
    if len(s) < 160 or s[0].isspace() or s[-1].isspace() or "  " in s or any(ch in s for ch in _OTHER_SPACES):
        return " ".join(s.split())
    return s


_AGENCY_END = re.compile(r"\([^)]{2,30}\)$|/[^/]{2,30}/\.?$")  # "(BelTA)", "/TASS/." at the end


def is_news_dateline(text: str) -> bool:
    """A news agency's dateline: 'MINSK, 6 December (BelTA)', 'MOSCOW, June 25. /TASS/'."""
    s = text.strip()
    return bool(_NEWS_DATELINE_CAPS.match(s)) or bool(_AGENCY_END.search(s)) and "," in s


# ---------------------------------------------------------------------------------------------
# Speaker turns
# ---------------------------------------------------------------------------------------------

_LABEL_WORDS_EN = frozenset({"of", "the", "and", "for", "de", "da", "von", "van", "al", "bin", "el", "on", "to", "in"})
_QA_LABELS = frozenset({"question", "answer", "reply", "remark", "вопрос", "ответ", "реплика"})
_OFFICE_WORDS = frozenset({
    "president", "minister", "premier", "chancellor", "king", "queen", "emir", "sultan", "prince", "chairman",
    "chairwoman", "chair", "secretary", "governor", "mayor", "head", "director", "moderator", "ambassador", "speaker",
    "президент", "министр", "премьер-министр", "председатель", "канцлер", "король", "эмир", "султан", "губернатор",
    "мэр", "глава", "директор", "модератор", "посол", "секретарь",
})
_OFFICE_MODIFIERS = frozenset({
    "prime", "foreign", "federal", "deputy", "vice", "acting", "first", "crown", "general", "executive", "chief",
    "state", "defence", "defense", "первый", "заместитель", "вице", "федеральный", "генеральный",
})
_LABEL_NOTE = re.compile(r"\s*\((?:[^()]{1,40})\)\s*$")
_LABEL_TOKEN = re.compile(r"[\w'’-]+\.?")


_LABEL_WINDOW = 48
_WHOLE_HEAD = -1


def _label_first_token(body: str, tokens: list[re.Match[str]], lang: str, *, cut: bool) -> int | None:
    """The index of the label's first token among `tokens` (the tokens at the end of `body`),
    walking back from the last one; None when `body` ends in no label; `_WHOLE_HEAD` when `cut`
    (the tokens start inside `body`, the first may be part of a word) and the walk would read the first."""
    if not tokens or tokens[-1].end() != len(body):
        return None
    caps = 0
    first: int | None = None
    for i in range(len(tokens) - 1, -1, -1):
        if cut and i == 0:
            return _WHOLE_HEAD
        tok = tokens[i]
        word = tok.group().strip(".")
        if not word:
            return None
        if tok.group().endswith(".") and len(word) > 2 and word not in ("Mr", "Mrs", "Ms", "Dr", "St", "Jr"):
            break  # the end of the sentence before the label
        gap = body[tok.end():(tokens[first].start() if first is not None else len(body))]
        if gap.strip():
            break  # punctuation between words: the label cannot reach further back
        if word[0].isupper():
            caps += 1
        elif word.casefold() in _LABEL_WORDS_EN or (lang == "ru" and word.isalpha() and word[0].islower()):
            pass
        else:
            break
        first = i
        if caps >= 14:
            break
    return first


def _label_before(text: str, colon: int, lang: str) -> int | None:
    """Where a speaker label ending at `colon` starts, or None when the colon ends no label.

    A label is a run of capitalized words (with "of", "the", initials and, in Russian, lower-case
    words of an office title between them) that ends in a capitalized word, optionally followed by
    a note in brackets ("(retranslated)"), and that starts the text or follows the end of a sentence.
    """
    head = text[max(0, colon - 160):colon]
    offset = colon - len(head)
    # The note ends the head ("... (retranslated)"): only then is it looked for (the pattern has no
    # prefix to skip by, and would be tried at each of the 160 places).
    m = _LABEL_NOTE.search(head) if head.rstrip().endswith(")") else None
    body = head[: m.start()] if m else head.rstrip()
    # Most colons end no label, and the walk back stops within a word or two: the tokens are read
    # from the head's last characters first, and from the whole head only when the walk reaches
    # the first of them (which the window's edge may have cut).
    window = max(0, len(body) - _LABEL_WINDOW)
    tokens = list(_LABEL_TOKEN.finditer(body, window))
    first = _label_first_token(body, tokens, lang, cut=window > 0)
    if first == _WHOLE_HEAD:
        tokens = list(_LABEL_TOKEN.finditer(body))
        first = _label_first_token(body, tokens, lang, cut=False)
    if first is None:
        return None
    # Trim lower-case words at the front: a label starts with a capital.
    toks = tokens[first:]  # the tokens from the label's first on (they are in order)
    while toks and not toks[0].group()[0].isupper():
        toks.pop(0)
    if not toks:
        return None
    last = toks[-1].group().strip(".")
    if not last or not last[0].isupper():
        return None
    n_caps = sum(1 for t in toks if t.group()[0].isupper())
    begin = toks[0].start()
    before = body[:begin].rstrip()
    # One word is a label only as "Question:" / "Answer:" or at the very start of a paragraph ("Governor:").
    if n_caps < 2 and toks[0].group().casefold() not in _QA_LABELS and (before or len(toks) > 1):
        return None
    if before and not (_SENT_END.search(before) or before.endswith(("*", ">", "]"))):
        # After a divider, a short heading may stand before the first label:
        # "*** Beginning of Russian-Chinese talks President of ... Xi Jinping (retranslated): ..."
        div = re.search(r"(?:\*\s*){3,}([^*.!?:;]*)$", before)
        if not div or not 1 <= len(_WORD.findall(div.group(1))) <= 12:
            return None
        # Heading and label run together ("Speech at the G20 Summit President of Russia Vladimir
        # Putin:"): the label starts at its last office word ("President", "Prime Minister").
        office = [i for i, t in enumerate(toks) if t.group().strip(".").casefold() in _OFFICE_WORDS
                  and not (i and toks[i - 1].group().strip(".").casefold() in _OFFICE_MODIFIERS)]
        if office:
            i = office[-1]
            while i and toks[i - 1].group().strip(".").casefold() in _OFFICE_MODIFIERS:
                i -= 1
            begin = toks[i].start()
    return offset + begin


_TURN_COLON = re.compile(r":\s+(?=[A-ZА-ЯЁ“\"«„‘'(\[<])")  # a colon that may end a speaker's label


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


# ---------------------------------------------------------------------------------------------
# Topics
# ---------------------------------------------------------------------------------------------


def _atoms(term: str) -> list[str]:
    """A lexicon term as regex atoms: one per character, a run of spaces, an ending wildcard."""
    atoms: list[str] = []
    for i, word in enumerate(term.split()):
        if i:
            atoms.append(r"\s+")
        stem = word.endswith("*")
        atoms.extend(re.escape(ch) for ch in word.rstrip("*"))
        if stem:
            atoms.append(r"\w*")
    return atoms


def _trie_regex(terms: Sequence[str]) -> str:
    """One regex for many terms, factored by shared prefixes (a trie), so that at each position of
    the text only the branch of the next character is tried: linear in the text, whatever the
    size of the lexicon."""
    trie: dict = {}
    for term in terms:
        node = trie
        for atom in _atoms(term):
            node = node.setdefault(atom, {})
        node[""] = {}

    def build(node: dict) -> str:
        alts = [atom + build(child) for atom, child in sorted(node.items()) if atom]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return build(trie)


@lru_cache(maxsize=None)
def _topic_matcher(lang: str) -> tuple[re.Pattern[str], dict[str, str]]:
    data = load_json(f"{'ru' if lang == 'ru' else 'en'}/topics.json")["topics"]
    by_term: dict[str, str] = {}
    for topic, terms in data.items():
        for term in terms:
            key = " ".join(term.casefold().split())
            by_term.setdefault(key, topic)
    # Terms are case-folded and so is the text it is run on: a case-insensitive regex of this
    # size is 2.5x slower than a plain one over folded text.
    # A term starts at a word boundary. Every term starts and ends with a word character, so that
    # is a non-word character before it, which the pattern takes (group 1 is the term): it begins
    # with a class of characters then, which the regex engine skips to, instead of trying the
    # whole trie at every character; the text is run with a space in front.
    if any(not _WORD_CHAR.match(term) or not _WORD_CHAR.match(term.rstrip("*")[-1:] or " ") for term in by_term):
        raise ValueError(f"resources/{lang}/topics.json: a term must start and end with a letter or digit")
    # The class is written as "not an ASCII word character" (a bitmap the engine reads fast) and
    # the lookbehind then asks that it is no word character at all: together, exactly `\W`.
    pattern = re.compile(r"[^0-9A-Za-z_](?<=\W)(" + _trie_regex(list(by_term)) + r")(?!\w)")
    return pattern, by_term


def _term_topic(match: str, by_term: dict[str, str]) -> str | None:
    """The topic of the longest lexicon term that a matched phrase is an instance of."""
    words = match.casefold().split()
    key = " ".join(words)
    if key in by_term:
        return by_term[key]
    best: tuple[int, str] | None = None
    for term, topic in by_term.items():
        tw = term.split()
        if len(tw) != len(words):
            continue
        if all(w == t or (t.endswith("*") and w.startswith(t[:-1])) for w, t in zip(words, tw)):
            score = len(term) - term.count("*") * 100  # exact words beat stems
            if best is None or score > best[0]:
                best = (score, topic)
    return best[1] if best else None


_TERM_CACHE: dict[str, dict[str, str | None]] = {}
"""Per language, the topic of each matched phrase met so far (at most `_TERM_CACHE_SIZE` each)."""
_TERM_CACHE_SIZE = 50_000


def _fewer_words(text: str, n: int, within: int) -> bool:
    """Fewer than `n` words in text[:within]? Counted in the first half first: with more than `n`
    words there (all whole but the last), the answer is no without reading the rest."""
    head = _WORD.findall(text, 0, within // 2)
    if len(head) > n or len(text) <= within // 2:
        return len(head) < n
    return len(_WORD.findall(text, 0, within)) < n


def score_topics(text: str, lang: str = "en", limit: int = 3) -> list[tuple[str, int]]:
    """(topic, hits) for the topics of the lexicon that `text` speaks of, best first."""
    pattern, by_term = _topic_matcher(lang)
    counts: dict[str, int] = {}  # in order of first mention, as a Counter keeps them for most_common
    cache = _TERM_CACHE.get(lang)
    if cache is None:
        cache = _TERM_CACHE[lang] = {}
    for word in pattern.findall(" " + text.casefold()):
        topic = cache.get(word, "")
        if topic == "":
            topic = _term_topic(word, by_term)
            if len(cache) < _TERM_CACHE_SIZE:
                cache[word] = topic
        if topic:
            counts[topic] = counts.get(topic, 0) + 1
    if not counts:
        return []
    # Best first, ties in order of first mention: Counter.most_common's own sort.
    ranked = sorted(counts.items(), key=itemgetter(1), reverse=True)
    # A topic counts when it is named twice, or once in a short section (words counted only then,
    # and only when it could make the first `limit`: below `limit` topics named twice).
    if ranked[-1][1] < 2 and not (0 < limit <= len(ranked) and ranked[limit - 1][1] >= 2):
        short = _fewer_words(text, 60, 1000)
        ranked = [(t, c) for t, c in ranked if c >= 2 or short]
    return ranked[:limit]


# ---------------------------------------------------------------------------------------------
# Sections
# ---------------------------------------------------------------------------------------------


def _strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


_INLINE_POINT = re.compile(r"(?:(?<=[.;:!?…»”\"]\s)|(?<=[.;:!?…»”\"]))\s*\b(\d{1,2}|[IVXL]{1,5})[.)]\s+(?=[A-ZА-ЯЁ«“\"])")
_POINT_TAIL = re.compile(r"[^\x00-\x2f\x3a-\x48\x4a\x4b\x4d-\x55\x57\x59-\x7f](?<=[\dIVXL])[.)]\s+(?=[A-ZА-ЯЁ«“\"])")
"""The end of every _INLINE_POINT match: ``[\\dIVXL][.)]\\s+(?=...)``, with its first character
matched as "not an ASCII character but a digit, I, V, X or L" (a bitmap the regex engine reads
fast; `\\d` alone is a Unicode category asked of every character) and then checked by the lookbehind."""
_POINT_AFTER = ".;:!?…»”\""  # what _INLINE_POINT's lookbehinds want before the numeral (and its spaces)
_ROMAN = {r: i for i, r in enumerate(
    ["", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV", "XVI", "XVII", "XVIII", "XIX", "XX"]
) if r}


def _inline_numerals(body: str, tails: Iterable[re.Match[str]] | None = None) -> list[tuple[int, str]]:
    """(start, numeral) of every `_INLINE_POINT` match in `body`, found from the places where
    `_POINT_TAIL` matches (a scan that skips to the next digit or I, V, X, L) instead of trying
    `_INLINE_POINT` and its lookbehinds at every character.

    At a tail, the numeral is the run of word characters that ends there (`\\b` before it) and
    must be `_INLINE_POINT`'s group 1: one or two digits, or one to five of I, V, X, L, as the
    tail's own character is; the lookbehinds hold when the character before the numeral and the spaces in
    front of it is one of `_POINT_AFTER`. `tails` are the `_POINT_TAIL` matches if the caller has them.
    """
    found: list[tuple[int, str]] = []
    for m in _POINT_TAIL.finditer(body) if tails is None else tails:
        end = m.start() + 1
        roman = body[end - 1] in "IVXL"
        most = 5 if roman else 2
        start = end - 1
        while start and end - start < most and (body[start - 1] in "IVXL" if roman else body[start - 1].isdecimal()):
            start -= 1
        if start and _WORD_CHAR.match(body, start - 1):
            continue  # the run of word characters is longer than the numeral, or mixed
        before = start
        while before and body[before - 1].isspace():
            before -= 1
        if before and body[before - 1] in _POINT_AFTER:
            found.append((start, body[start:end]))
    return found


def _inline_points(body: str) -> list[int]:
    """Where numbered points start inside one long line: "... as follows: 1. The Parties ... 2. The
    Parties ...". Only a run of at least three numbers that go up one by one counts (a lone "2."
    after a sentence is no structure)."""
    # Each point shows as a numeral's last character, "." or ")", spaces and a capital: with
    # fewer than three such places there is no run of three (a cheap scan, most bodies stop here).
    tails = list(_POINT_TAIL.finditer(body))  # read once: a body with three goes on to be read whole
    if len(tails) < 3:
        return []
    chains: dict[str, list[tuple[int, int]]] = {"arabic": [], "roman": []}
    for start, tok in _inline_numerals(body, tails):
        kind, value = ("arabic", int(tok)) if tok.isdigit() else ("roman", _ROMAN.get(tok, 0))
        if value:
            chains[kind].append((value, start))
    cuts: list[int] = []
    for found in chains.values():
        run: list[int] = []
        expected = None
        for value, pos in found:
            if expected is not None and value == expected:
                run.append(pos)
                expected += 1
            elif value == 1:
                if len(run) >= 3:
                    cuts.extend(run)
                run, expected = [pos], 2
        if len(run) >= 3:
            cuts.extend(run)
    return sorted(cuts)


def _dividers(body: str) -> Iterator[re.Match[str]]:
    """`_SEPARATOR_INLINE.finditer(body)`, tried only where a star stands (the pattern is a
    repeat, which the regex engine cannot skip to: it would be tried at every character)."""
    pos = body.find("*")
    while pos >= 0:
        m = _SEPARATOR_INLINE.match(body, pos)
        if m:
            yield m
        pos = body.find("*", m.end() if m else pos + 1)


def _pieces(work: str, block: Block, lang: str) -> list[tuple[int, int, str | None]]:
    """A block cut where the text shows a boundary: speaker turns and '* * *' dividers.

    Returns (start, end, speaker) pieces; speaker is None for a piece that is not a turn.
    """
    start, end = block.start, block.end
    body = work[start:end]
    cuts: list[tuple[int, int, str | None]] = []  # (piece start, speech start, speaker)
    for m in _dividers(body):
        if m.start() == 0 and m.end() == len(body):
            return []
        cuts.append((start + m.start(), start + m.end(), "\x00"))  # a divider: dropped
    for label_start, speech_start, speaker in speaker_turns(body, lang):
        cuts.append((start + label_start, start + speech_start, speaker))
    if len(body) > 1000:
        for pos in _inline_points(body):
            cuts.append((start + pos, start + pos, None))
    if not cuts:
        return [(start, end, None)]
    cuts.sort()
    pieces: list[tuple[int, int, str | None]] = []
    pos, cur_speaker = start, None
    for cut_start, cut_end, speaker in cuts:
        if cut_start < pos:
            continue
        s, e = _strip_span(work, pos, cut_start)
        if e > s:
            pieces.append((s, e, cur_speaker))
        if speaker == "\x00":
            pos, cur_speaker = cut_end, None
        elif speaker is None:
            pos = cut_start  # a numbered point inside a turn stays that speaker's
        else:
            pos, cur_speaker = cut_start, speaker
    s, e = _strip_span(work, pos, end)
    if e > s:
        pieces.append((s, e, cur_speaker))
    return pieces


def _point(raw: str) -> re.Match[str] | None:
    """The number that opens a numbered point ("1.", "IV.", "Article 3"), if any."""
    m = _POINT.match(raw)
    if m and len(m.group(1)) == 1 and m.group(1) in "IVXLC" and len(_WORD.findall(raw[m.end():])) < 2:
        return None  # "V. PUTIN": an initial, not a point
    return m


def _is_heading(piece: str, next_is_text: bool) -> bool:
    """A short title-like line followed by running text (not a signature line in a closing block)."""
    words = _WORD.findall(piece, 0, 200)  # more than 16 words there: more than 15 in all
    if len(words) <= 16 and len(piece) > 200:
        words = _WORD.findall(piece)
    if not words or len(words) > 15 or _SENT_END.search(piece) or piece.endswith(","):
        return False
    if piece[:1] in _QUOTE_OPEN or piece[:1].islower() or piece.startswith(("(", "[", "<")):
        return False
    return next_is_text


def find_sections(
    text: str,
    layout: Layout | Sequence[Line],
    title: Line | None = None,
    *,
    lang: str = "en",
    work: str | None = None,
    lead: bool = True,
) -> list[Section]:
    """The sections of the content, in reading order (the title is not a section).

    `text` is the input (section texts are sliced from it), `work` the working text that
    `layout` was found on (same length; defaults to `text`); `lead` marks the first paragraph as
    the lead (for news reports and press releases, not for the documents themselves).
    """
    work = text if work is None else work
    if not isinstance(layout, Layout):  # a plain sequence of content lines (first-cut API)
        blocks = tuple(Block(ln.start, ln.end, "text", ln.cls) for ln in layout if ln.text.strip()
                       and not (title is not None and ln.start == title.start))
        layout = Layout((), tuple(layout), (), title, blocks, 0)
    sections: list[Section] = []
    heading: str | None = None
    seen_paragraph = False
    units: list[tuple[int, int, str, str | None]] = []  # (start, end, block kind, speaker)
    # A speaker's turn goes on over the paragraphs below its label, up to the next label, a
    # dateline or a divider ("* * *", "<…>"). A heading inside a turn does not end it (a short
    # line with no full stop is as often a spoken "Thank you" as a heading): a known gap.
    current: str | None = None
    for block in layout.blocks:
        if block.kind in ("date", "time", "place"):
            units.append((block.start, block.end, block.kind, None))
            current = None
        elif block.kind == "separator":
            current = None
        else:
            for s, e, speaker in _pieces(work, block, lang):
                # A piece without a label goes on the current turn. (This asked `not _is_heading(piece,
                # False)` too, which holds for every piece: `_is_heading` with no text after it is
                # False. So a heading inside a turn does not end it; the call is left out, same output.)
                if speaker is None and current is not None:
                    speaker = current
                elif speaker is None:
                    current = None
                units.append((s, e, "text", speaker))
                current = speaker if speaker is not None else current
    for n, (start, end, bkind, speaker) in enumerate(units):
        raw = work[start:end]
        folded = fold_spaces(text[start:end])
        number = None
        kind: str
        if bkind in ("date", "time", "place"):
            kind = "dateline"
        elif speaker is not None:
            kind = "quote"
        else:
            nxt = units[n + 1] if n + 1 < len(units) else None
            # A heading stands over running text: the next unit is a sentence paragraph or a point.
            next_is_text = nxt is not None and nxt[2] == "text" and (
                len(_WORD.findall(work[nxt[0]:min(nxt[1], nxt[0] + 200)])) >= 8 or _point(work[nxt[0]:min(nxt[1], nxt[0] + 200)]) is not None
            )
            m = _point(raw)
            if m and m.end() < len(raw) or m and raw.strip().casefold().startswith(("article", "статья", "section", "раздел", "chapter", "глава")):
                number = m.group(1).strip() if m else None
                rest = raw[m.end():] if m else raw
                kind = "heading" if _is_heading(raw, next_is_text) and not _SENT_END.search(rest) else "point"
            elif _is_heading(raw, next_is_text) and (seen_paragraph or _all_caps(raw)):
                kind = "heading"
            elif not seen_paragraph and len(_WORD.findall(raw[:200])) <= 8 and mentions_date(raw) and not _SENT_END.search(raw):
                kind = "dateline"  # "Minsk, 25 June 2012" under the title
            elif raw[:1] in _QUOTE_OPEN:
                kind = "quote"
            elif lead and not seen_paragraph:
                kind = "lead"
            else:
                kind = "paragraph"
            if kind == "lead":
                dl = _NEWS_DATELINE.match(raw)
                if dl and (_NEWS_DATELINE_CAPS.match(raw) or "(" in dl.group(1) or "/" in dl.group(1)):
                    d_end = start + len(dl.group(1))
                    sections.append(_section(len(sections), "dateline", None, None, start, d_end, text, lang))
                    start = start + dl.end()
                    folded = fold_spaces(text[start:end])
        if kind == "heading":
            sections.append(_section(len(sections), "heading", heading, number, start, end, text, lang, folded))
            heading = folded
            continue
        if kind in ("paragraph", "lead", "point", "quote"):
            seen_paragraph = True
        sections.append(_section(len(sections), kind, heading, number, start, end, text, lang, folded, speaker))
    return sections


def _all_caps(s: str) -> bool:
    letters = [c for c in s if c.isalpha()]
    return len(letters) >= 4 and all(c.isupper() for c in letters)


_SECTION_HAS_SPEAKER = "speaker" in Section.model_fields


def _section(
    index: int, kind: str, heading: str | None, number: str | None, start: int, end: int, text: str, lang: str,
    folded: str | None = None, speaker: str | None = None,
) -> Section:
    body = folded if folded is not None else fold_spaces(text[start:end])
    topics = [t for t, _ in score_topics(body, lang)] if kind not in ("dateline",) else []
    extra = {"speaker": speaker} if speaker is not None and _SECTION_HAS_SPEAKER else {}
    return Section(index=index, kind=kind, heading=heading, number=number, start=start, end=end, text=body, topics=topics, **extra)  # type: ignore[arg-type]
