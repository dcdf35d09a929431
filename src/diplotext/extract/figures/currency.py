"""The currencies of the world (``resources/currencies.json``) in the shapes the figure grammar
reads them, and the reading of a sign several currencies share.

"$" is the US dollar unless the document's publisher is of another dollar country: a Canadian
ministry's "$" is CAD (the publisher is known from the letterhead and dateline phrases of its
first lines, never from what a figure's sentence says of other states). "¥" and "francs" are
read by the countries the figure's sentence names (the nearest before it, else after it), then
by the country the document names most, then by the publisher. A currency read so is
`currency_inferred`; one read by the sign's default reading is not.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from ...resources import load_json

_NEAR_CHARS = 300  # characters either side of a figure searched for the country it belongs to


@dataclass(frozen=True)
class SharedSign:
    """A sign or name several currencies share, and what decides between them."""

    default: str
    scope: str  # "publisher" or "context"
    by_country: dict[str, str]
    mentions: re.Pattern[str] | None  # the names of its countries (context scope), group name = country


@dataclass(frozen=True)
class CurrencyLexicon:
    words: dict[str, str]  # names, lower case -> code
    prefixes: dict[str, str]  # signs before a number, lower case -> code
    after: dict[str, str]  # signs after a number, lower case -> code
    codes: frozenset[str]  # ISO codes, read in upper case only, before or after the number
    minor: dict[str, tuple[str, Decimal]]  # "cents" -> (code, 0.01)
    shared_forms: dict[str, str]  # a form of a shared sign, lower case -> its key
    shared: dict[str, SharedSign]
    publisher: dict[str, re.Pattern[str]]
    head_chars: int


def _forms_rx(forms: list[str], stems: bool) -> str:
    """One alternation of country names: exact words in English, word stems in Russian (its
    names are dictionary forms; the text inflects them)."""
    out = []
    for f in sorted(set(forms), key=lambda w: (-len(w), w)):
        out.append(re.escape(_stem(f)) + r"\w*" if stems and len(f) >= 4 else re.escape(f))
    return "|".join(out)


def _stem(form: str) -> str:
    """A Russian name without its ending: 'Япония' -> 'Япони', 'японский' -> 'японск', 'Минск' as it is."""
    if form[-2:] in ("ий", "ый", "ой"):
        return form[:-2]
    return form[:-1] if form[-1] in "аеиоуыэюяйь" else form


def _mentions(by_country: dict[str, str], lang: str) -> re.Pattern[str]:
    names = load_json("countries.json")
    parts = []
    for country in sorted(by_country):
        entry = names.get(country) or {}
        forms = [*entry.get(lang, []), *entry.get(f"capital_{lang}", [])]
        if forms:
            parts.append(f"(?P<{country}>{_forms_rx(forms, lang == 'ru')})")
    flags = re.IGNORECASE if lang == "ru" else 0
    return re.compile(r"(?<![\w])(?:" + "|".join(parts) + r")(?![\w])" if parts else "(?!)", flags)


def _cue_rx(cues: list[str]) -> re.Pattern[str]:
    return re.compile(r"(?<![\w])(?:" + "|".join(re.escape(c) for c in sorted(cues, key=len, reverse=True)) + r")(?![\w])")


@lru_cache(maxsize=None)
def currency_lexicon(lang: str) -> CurrencyLexicon:
    """The currencies of the world as one language writes them, built once."""
    data = load_json("currencies.json")
    words: dict[str, str] = {}
    prefixes: dict[str, str] = {}
    after: dict[str, str] = {}
    for cur in data["currencies"]:
        code = cur["code"]
        words.update({w.lower(): code for w in cur["names"].get(lang, [])})
        prefixes.update({s.lower(): code for s in [*cur["symbols"], *cur["prefixes"]]})
        after.update({s.lower(): code for s in cur["symbols"]})
    shared = {}
    shared_forms = {}
    for key, amb in data["ambiguous"].items():
        shared[key] = SharedSign(amb["default"], amb["scope"], dict(amb["by_country"]),
                                 _mentions(amb["by_country"], lang) if amb["scope"] == "context" else None)
        shared_forms.update({f.lower(): key for f in amb["forms"].get(lang, [])})
        words.update({f.lower(): amb["default"] for f in amb["forms"].get(lang, []) if f.isalpha() and f.lower() not in words})
    ratio = Decimal(1) / Decimal(int(data["minor_ratio"]))
    minor = {w.lower(): (shared[of].default if of in shared else of, ratio) for w, of in data["minor_units"].get(lang, {}).items()}
    return CurrencyLexicon(
        words=words, prefixes=prefixes, after=after, codes=frozenset(c["code"] for c in data["currencies"]) - frozenset(data["codes_that_are_words"]),
        minor=minor, shared_forms=shared_forms, shared=shared,
        publisher={c: _cue_rx(cues) for c, cues in data["publisher_cues"].items()},
        head_chars=int(data["publisher_head_chars"]),
    )


def publisher_country(work: str, clex: CurrencyLexicon) -> str | None:
    """The publisher's country, when the letterhead and dateline phrases of the document's first
    lines name one country only."""
    head = work[:clex.head_chars]
    found = [c for c, rx in clex.publisher.items() if rx.search(head)]
    return found[0] if len(found) == 1 else None


class CurrencyContext:
    """What decides a shared sign in one document: its publisher, and the countries it names
    (counted once per document, only when a figure needs them)."""

    def __init__(self, work: str, clex: CurrencyLexicon) -> None:
        self.work = work
        self.clex = clex
        self._publisher: list[str | None] = []
        self._counts: dict[str, Counter[str]] = {}

    def publisher(self) -> str | None:
        if not self._publisher:
            self._publisher.append(publisher_country(self.work, self.clex))
        return self._publisher[0]

    def _most_named(self, key: str, sign: SharedSign) -> str | None:
        if key not in self._counts:
            assert sign.mentions is not None
            self._counts[key] = Counter(m.lastgroup for m in sign.mentions.finditer(self.work) if m.lastgroup)
        common = self._counts[key].most_common(2)
        if not common or (len(common) == 2 and common[0][1] == common[1][1]):
            return None
        return common[0][0]

    def _named_near(self, sign: SharedSign, start: int, end: int, sent: tuple[int, int]) -> str | None:
        assert sign.mentions is not None  # a bounded window: a sentence of a thousand "¥5" stays linear
        before = [m.lastgroup for m in sign.mentions.finditer(self.work, max(sent[0], start - _NEAR_CHARS), start)]
        if before:
            return before[-1]
        m = sign.mentions.search(self.work, end, min(sent[1], end + _NEAR_CHARS))
        return m.lastgroup if m else None

    def resolve(self, key: str, start: int, end: int, sent: tuple[int, int]) -> tuple[str, str | None]:
        """(currency, what decided it: "currency_from_publisher", "currency_from_context", or
        None for the sign's default reading)."""
        sign = self.clex.shared[key]
        if sign.scope == "context":
            country = self._named_near(sign, start, end, sent) or self._most_named(key, sign)
            if country in sign.by_country:
                return sign.by_country[country], "currency_from_context"
        country = self.publisher()
        if country in sign.by_country:
            return sign.by_country[country], "currency_from_publisher"  # type: ignore[index]
        return sign.default, None
