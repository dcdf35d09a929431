"""Every reading of a Doc: gazetteer names and the open-world patterns, in one pass per matcher.

Two PhraseMatchers do the work (one on LOWER or NORM, one on ORTH); the open-world recognizers
of the Doc's language (``languages/``) look only around what they found.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence

from spacy.attrs import LOWER
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from ...token_view import token_view
from ..gazetteer import Gazetteer, GazetteerEntry
from .body_index import known_bodies
from .languages import rules_for
from .lexicon import lexicon, quoted_names
from .persons import initialled_persons, titled_persons
from .rules import pattern_rules
from .scan import Scan
from .spans import make_span
from .words import INITIALS, is_capitalized

_ACRONYM_DEF = re.compile(r"\((?P<a>[A-ZА-ЯЁ][A-Za-zА-Яа-яЁё&+.\-]*[A-ZА-ЯЁ+])\)")
# '(?<![\w.])(?:[A-ZА-ЯЁ]\.\s?){1,2}[A-ZА-ЯЁ][a-zа-яё]+...' with the test for the word's start after
# the first capital, so that the regex engine looks only where a capital is
_INITIALS_NAME = re.compile(r"[A-ZА-ЯЁ](?<![\w.][A-ZА-ЯЁ])\.\s?(?:[A-ZА-ЯЁ]\.\s?)?[A-ZА-ЯЁ][a-zа-яё]+(?:-[A-ZА-ЯЁ]?[a-zа-яё]+)?")
_EVIDENCE = {"N": "gazetteer", "L": "gazetteer", "A": "gazetteer", "C": "capital", "S": "short"}
_NAME_FLAGS = frozenset({"Geox", "Name", "Surn", "Orgn", "Abbr", "UNKN"})
_SENTENCE_ENDS = (".", "!", "?", "…")
_BODY_FLAGS = frozenset({"Orgn", "Abbr"})
"""Morphology's tags of a word that names a body ('Минобрнауки'), never a person's."""


def _text_value(nlp: Language, attr: str) -> Callable[[str], str] | None:
    """How a pattern token's `attr` follows from its text, when it does: ORTH is the text, LOWER
    its lexeme's lower form, NORM (on a pipeline with the morphology component, which writes
    every token's) the component's normal form of it. None otherwise: a Doc is made."""
    if attr == "ORTH":
        return str
    if attr == "LOWER":
        return nlp.vocab.lex_attr_getters.get(LOWER)
    if attr == "NORM" and nlp.has_pipe("diplotext_morph"):
        return getattr(nlp.get_pipe("diplotext_morph"), "norm_of", None)
    return None


class EntityMatcher:
    """Every reading of a Doc: gazetteer names (names case-insensitively, acronyms as written,
    capitals, short names) and the open-world patterns of its language.

    `known_tokens` gives phrases as `nlp`'s tokenizer splits them (`packaged_phrase_tokens` for
    diplotext's own tokenizer), so that they need not be tokenized again. `analyze` gives a word's
    morphological name tags (the language's own by default)."""

    def __init__(
        self, nlp: Language, gazetteer: Gazetteer, lang: str, analyze: Callable[[str], frozenset[str]] | None = None,
        known_tokens: Mapping[str, Sequence[str]] | None = None,
    ) -> None:
        self.lang = lang
        self.rules = rules_for(lang)
        self.gazetteer = gazetteer
        self.lex = lexicon(lang)
        self.given_set = frozenset(self.lex.given)
        self.office_set = frozenset(self.lex.offices)
        self.analyze = analyze if analyze is not None else self.rules.analyze
        self.known_bodies = known_bodies(gazetteer, self.lex.bodies)
        # Inflected names: match on the normal forms the morphology component writes to NORM.
        self.attr = "NORM" if self.rules.inflected and nlp.has_pipe("diplotext_morph") else "LOWER"
        vocab = nlp.vocab
        self._folded = PhraseMatcher(vocab, attr=self.attr)
        self._exact = PhraseMatcher(vocab, attr="ORTH")
        rules = pattern_rules(gazetteer, lang)
        self._keys: dict[int, tuple[str, GazetteerEntry | None]] = {vocab.strings.add(r.key): (r.kind, r.entry) for r in rules}
        self._tags = {vocab.strings.add(r.key): r.key.partition("|")[2] for r in rules if r.entry is None}
        # Each distinct phrase is tokenized once (or not at all when its tokens are known), all of
        # a matcher's in one pass, and is given to the matcher as the attribute values it reads
        # from a pattern Doc.
        folded = self._pattern_values(nlp, self._pattern_maker(nlp), [p for r in rules if r.folded for p in r.phrases], self.attr, known_tokens)
        exact = self._pattern_values(nlp, nlp.tokenizer.pipe, [p for r in rules if not r.folded for p in r.phrases], "ORTH", known_tokens)
        for rule in rules:
            if rule.folded:
                self._folded.add(rule.key, [folded[p] for p in rule.phrases])
            else:
                self._exact.add(rule.key, [exact[p] for p in rule.phrases])

    @staticmethod
    def _pattern_values(
        nlp: Language, make_docs: Callable[[Sequence[str]], Iterable[Doc]], phrases: list[str], attr: str,
        known_tokens: Mapping[str, Sequence[str]] | None = None,
    ) -> dict[str, tuple[int, ...]]:
        """Each distinct phrase's tokens as the values of `attr` (hashes): what `PhraseMatcher.add`
        reads from a pattern Doc, and takes as a pattern in its place. Where a token's value of
        `attr` comes from its text alone (`_text_value`), phrases in `known_tokens` need no Doc."""
        distinct = list(dict.fromkeys(phrases))
        values: dict[str, tuple[int, ...]] = {}
        intern = nlp.vocab.strings.add
        text_value = _text_value(nlp, attr)
        if known_tokens and text_value is not None:
            for p in distinct:
                tokens = known_tokens.get(p)
                if tokens is not None:
                    values[p] = tuple(intern(text_value(t)) for t in tokens)
        rest = [p for p in distinct if p not in values]
        values.update({p: tuple(doc.to_array(attr).tolist()) for p, doc in zip(rest, make_docs(rest), strict=True)})
        return values

    @staticmethod
    def _pattern_maker(nlp: Language) -> Callable[[Sequence[str]], Iterable[Doc]]:
        morph = nlp.get_pipe("diplotext_morph") if nlp.has_pipe("diplotext_morph") else None

        def prepare(names: Sequence[str]) -> Iterable[Doc]:
            for doc in nlp.tokenizer.pipe(names):
                yield morph(doc) if morph is not None else doc

        return prepare

    # -- one pass per matcher -----------------------------------------------------------------

    def scan(self, doc: Doc, text: str) -> Scan:
        """What both phrase matchers and the text's patterns find, sorted by kind."""
        scan = Scan([], [], [], [], [], [], [], text=text)
        for matcher in (self._folded, self._exact):
            for match_id, start, end in matcher(doc):
                kind, entry = self._keys[match_id]
                if entry is not None:
                    scan.names.append((kind, entry, start, end))
                elif kind in "TH":
                    scan.titles.append((kind, start, end))
                elif kind == "G":
                    scan.given.append(start)
                elif kind == "O" and end - start == 1:
                    scan.heads.append(start)
                elif kind == "B":
                    scan.bodies.append((self._tags[match_id], start, end))
        for m in _ACRONYM_DEF.finditer(text):
            acr = doc.char_span(m.start("a"), m.end("a"))
            if acr is not None and len(acr) == 1 and acr.start > 0 and doc[acr.start - 1].text == "(":
                scan.acronym_defs.append((acr.start - 1, acr.end + 1))
        if self.lex.quoted is not None:  # 'компания «Ромашка»'
            for start, end in quoted_names(self.lex.quoted, text):
                span = doc.char_span(start, end)
                if span is not None:
                    scan.quoted.append((span.start, span.end))
        for m in _INITIALS_NAME.finditer(text):
            span = doc.char_span(m.start(), m.end())
            if span is not None:
                scan.initials.append((span.start, span.end))
        return scan

    # -- gazetteer readings -------------------------------------------------------------------

    def candidates(self, doc: Doc, scan: Scan) -> list[Span]:
        """The gazetteer's readings, each with its evidence."""
        spans: list[Span] = []
        for kind, entry, start, end in scan.names:
            if kind in "NCS" and not doc[start].text[:1].isupper():
                continue  # 'Turkey' the state, not 'turkey' the bird; 'Того' the state, not 'того'
            if end - start == 1 and kind == "N" and self._common_word_first(doc, start):
                continue  # 'Того же мнения ...'
            spans.append(make_span(doc, start, end, label=entry.type, kb_id=entry.id, evidence=_EVIDENCE[kind]))
        return spans

    def _common_word_first(self, doc: Doc, i: int) -> bool:
        """A sentence-initial word that is most likely a common word, not a name (known only
        where the language has morphology)."""
        if self.analyze is None:
            return False
        first = i == 0 or doc[i - 1].text in _SENTENCE_ENDS or "\n" in doc[i - 1].text_with_ws
        return first and not self.analyze(doc[i].text) & _NAME_FLAGS

    # -- the words of a name ------------------------------------------------------------------

    def nameable(self, doc: Doc, i: int, blocked: dict[int, str]) -> bool:
        """Whether token i may be a word of a person's name."""
        return self._nameable_at(token_view(doc).texts, i, blocked)

    def _nameable_at(self, words: list[str], i: int, blocked: dict[int, str]) -> bool:
        """`nameable`, on the Doc's words."""
        if i >= len(words) or i in blocked:
            return False
        text = words[i]
        if INITIALS.match(text):
            return True
        return is_capitalized(text) and text not in self.lex.not_names and not self.flags_of(text) & _BODY_FLAGS

    def name_at(self, doc: Doc, i: int, blocked: dict[int, str], limit: int = 4) -> int:
        """End of the name that starts at token i (i itself when there is none). A name ends with
        its line: a line break is a token of its own, which no rule below takes. The words are
        read from the Doc's token view (the plain twin reads Tokens: tests/reference/entity_walks.py)."""
        view = token_view(doc)
        words = view.texts
        n = len(words)
        nameable = self._nameable_at
        j = i
        seen: set[str] = set()
        particles = self.lex.particles
        while j < n and j - i < limit:
            text = words[j]
            if nameable(words, j, blocked) and text not in seen:
                seen.add(text)
                j += 1
            elif text in particles and j > i and nameable(words, j + 1, blocked):
                j += 1
            elif text == "-" and j > i and nameable(words, j + 1, blocked) and not view.spaced[j] and not view.spaced[j - 1]:
                j += 1
            else:
                break
        while j > i and (words[j - 1] in particles or words[j - 1] == "-" or INITIALS.match(words[j - 1])):
            j -= 1
        return j

    def flags(self, doc: Doc, i: int) -> frozenset[str]:
        """Token i's morphological name tags (none where the language has no morphology)."""
        return self.flags_of(doc[i].text)

    def flags_of(self, word: str) -> frozenset[str]:
        """A word's morphological name tags (none where the language has no morphology)."""
        return self.analyze(word) if self.analyze is not None else frozenset()

    # -- open world ---------------------------------------------------------------------------

    def persons(self, doc: Doc, scan: Scan, blocked: dict[int, str]) -> list[Span]:
        """Persons introduced by an office, a title, a given name or initials."""
        known = [i for i, t in blocked.items() if t == "PERSON" and blocked.get(i - 1) != "PERSON" and blocked.get(i + 1) == "PERSON"]
        blocked = {i: t for i, t in blocked.items() if t != "PERSON"}  # 'Dmitry Patrushev' is not Nikolai
        out = titled_persons(self, doc, scan, blocked, frozenset(known))
        out += self.rules.names(self, doc, scan, blocked)
        out += initialled_persons(self, doc, scan, blocked)
        return out

    def organizations(self, doc: Doc, scan: Scan, blocked: dict[int, str], persons: Sequence[Span]) -> list[Span]:
        """Names with an organizational head noun that the gazetteer does not know."""
        return self.rules.organizations(self, doc, scan, blocked, persons)
