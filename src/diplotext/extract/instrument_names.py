"""The name of an instrument around its head word: capitalized modifiers before it, and the
complement after it ('Treaty on Security Guarantees within the Union State', 'an agreement on
mutual measures to protect ...', 'договор о создании Союзного государства').
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from .instrument_lexicon import InstrumentLexicon
from .sentence_units import Unit

_MAX_NAME = 20
"""The longest complement, in tokens."""
_MAX_MODIFIERS = 4
_HYPHENS = ("-", "–")


class NameReader:
    """Reads names in one Doc (`taken` dates and actors bound them)."""

    def __init__(self, lex: InstrumentLexicon, doc: Doc, words: list[str], date_tokens: set[int], blocked: set[int]) -> None:
        self.lex, self.rules, self.doc, self.words = lex, lex.rules, doc, words
        self.date_tokens, self.blocked = date_tokens, blocked
        self.connectors = lex.words["connectors"]

    def _is_cap(self, t: Token) -> bool:
        s = t.text
        return bool(s) and (s[0].isupper() or (s[0].isdigit() and self.rules.digit_starts_name))

    def around(self, unit: Unit, h: int, kind: str, legal_sentence: bool) -> tuple[int, int] | None:
        """[start, end) of the name whose head is token h, else None (a bare head: an anaphor at most)."""
        spec = self.lex.kinds[kind]
        head_cap = self.doc[h].text[:1].isupper()
        if spec.get("capitalized_only") and not head_cap:
            return None
        s = self._modifiers(unit, h) if head_cap or self.rules.modifiers_before_lowercase_head else h
        e = self._complement(unit, h, spec, head_cap, legal_sentence)
        if e is None:
            return None
        e = self._trim(h + 1, e)
        if e == h + 1 and (s == h or "openers" in spec):
            return None
        return s, e

    def _modifiers(self, unit: Unit, h: int) -> int:
        """Where the capitalized modifiers before the head start ('Eurasian Charter', 'UN Charter')."""
        doc, s, i = self.doc, h, h - 1
        stops = self.lex.words["modifier_stops"]
        while i >= unit.start and h - i <= _MAX_MODIFIERS:
            t = doc[i]
            if t.text in _HYPHENS and i - 1 >= unit.start and self._is_cap(doc[i - 1]) and not t.whitespace_ and not doc[i - 1].whitespace_:
                i -= 1
                continue
            if (
                not self._is_cap(t)
                or t.lower_ in stops
                or i in self.blocked
                or i in self.date_tokens
                or (i == unit.start and not self.rules.initial_capital_is_name and not t.text.isupper())
            ):
                break
            s = i
            i -= 1
        return s

    def _complement(self, unit: Unit, h: int, spec: dict, head_cap: bool, legal_sentence: bool) -> int | None:
        """Where the complement after the head ends (h + 1: none), or None: no name at all."""
        doc, e = self.doc, h + 1
        lim = min(unit.end, h + 1 + _MAX_NAME)
        nxt = doc[e] if e < unit.end else None
        if nxt is not None and spec.get("numbered") and (nxt.like_num or nxt.lower_ in ("no", "no.", "№")):
            e += 1
            while e < lim and (doc[e].like_num or doc[e].text in ("/", "(", ")")):
                e += 1
            return e if e > h + 1 and doc[e - 1].like_num else None
        openers = frozenset(spec["openers"]) if "openers" in spec else self.lex.words["openers"]
        if nxt is not None and self.words[e] in openers:
            if self.rules.capitalized_complement and head_cap:
                return self._capitalized_run(e, lim)
            strong = spec.get("strong_by_lang", {}).get(self.lex.lang, spec.get("strong", False))
            if not (strong or legal_sentence) and not head_cap:
                return None
            return self._descriptive_run(e, lim)
        if self.rules.capitalized_run_after_head and nxt is not None and self._is_cap(nxt) and not spec.get("numbered"):
            return self._capitalized_run(e, lim, need_connector=False)
        return e

    def _capitalized_run(self, i: int, lim: int, need_connector: bool = True) -> int:
        """Capitalized words joined by connectors ('on Friendship, Cooperation and Partnership')."""
        doc, words, end = self.doc, self.words, i
        possessives = self.lex.words["possessives"]
        while i < lim:
            t = doc[i]
            if i in self.date_tokens:
                break
            if self._is_cap(t) or (t.lower_ in possessives and end == i):
                i += 1
                end = i
                continue
            if t.text in _HYPHENS and end == i and i + 1 < lim and not t.whitespace_ and not doc[i - 1].whitespace_ and (
                self._is_cap(doc[i + 1]) or doc[i + 1].is_alpha
            ):
                i += 2  # "Visa-Free", "Visa-free": one word (not "the Sea – as with", a dash between clauses)
                end = i
                continue
            if words[i] in self.connectors or t.text == ",":
                j = i
                while j < lim and (words[j] in self.connectors or doc[j].text == ","):
                    j += 1
                if j < lim and self._is_cap(doc[j]) and j not in self.date_tokens and doc[i].text != ",":
                    i = j
                    continue
            break
        return end

    def _descriptive_run(self, i: int, lim: int) -> int:
        """Words up to a clause boundary ('on mutual measures to protect investments')."""
        doc, end = self.doc, i
        stops = self.lex.words["description_stops"]
        while i < lim:
            t = doc[i]
            if t.is_punct or t.is_space or i in self.date_tokens:
                if t.text == "-" and i + 1 < lim and not doc[i + 1].is_punct:
                    i += 1
                    continue
                break
            is_head = i > end and self.lex.head(self.words[i], t.lower_) is not None
            if self.rules.ends_description(doc, i, lim, self.words[i], stops, is_head):
                break
            i += 1
            end = i
        return end

    def _trim(self, lo: int, e: int) -> int:
        """The name less trailing function words and punctuation."""
        trail = self.lex.words["trail"]
        while e > lo and (self.words[e - 1] in trail or self.doc[e - 1].is_punct):
            e -= 1
        return e
