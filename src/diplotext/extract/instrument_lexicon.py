"""What the instrument rules know before reading a text: the kinds of instrument and their head
words, the well-known instruments with their names in every language (``resources/
instruments.json``), and how a name becomes the key its id is made from.

An `InstrumentLexicon` is built once per pipeline (its Vocab) and language, and holds nothing
of any one Doc.
"""

from __future__ import annotations

import hashlib
import itertools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc
from spacy.vocab import Vocab

from ..resources import load_json
from .patterns import pattern_tokenizer
from .relation_rules import rules_for
from .vocab_cache import cached_per_vocab

_MAX_READINGS = 8
"""At most this many pattern Docs per name (one per combination of its words' readings)."""
_MAX_SLUG = 80


@dataclass(frozen=True)
class KnownInstrument:
    id: str
    type: str
    kind: str
    name: str
    parties: tuple[str, ...]
    signed: str | None


@lru_cache(maxsize=1)
def instrument_data() -> dict[str, Any]:
    """``resources/instruments.json``: kinds, compatible kinds, known instruments (their ``name``
    in the language ``name_lang``, ``aliases`` per language)."""
    return load_json("instruments.json")


@lru_cache(maxsize=1)
def known_instruments() -> dict[str, KnownInstrument]:
    out = {}
    for raw in instrument_data()["instruments"]:
        out[raw["id"]] = KnownInstrument(
            raw["id"], raw["type"], raw["kind"], raw["name"], tuple(raw.get("parties", ())), raw.get("signed")
        )
    return out


def normalize_words(words: Iterable[str], lang: str) -> str:
    """The key of a name: lower case, punctuation and the language's articles out, spellings merged
    (``resources/<lang>/instruments.json``: ``key_drop``, ``key_spellings``, ``key_strip``)."""
    rules = rules_for(lang)
    drop, spellings, strip = rules.instrument_words["key_drop"], rules.key_spellings, rules.key_strip
    out = []
    for w in words:
        w = rules.fold(w.lower())
        if not any(c.isalnum() for c in w) or w in drop:
            continue
        w = spellings.get(w, w)
        for c in strip:
            w = w.replace(c, "")
        out.append(w)
    return " ".join(out)


def make_id(type_: str, key: str) -> str:
    """``TYPE:slug`` of a key; a long slug is cut and made unique by a hash of the whole."""
    slug = re.sub(r"[^\w]+", "_", key, flags=re.UNICODE).strip("_")
    if len(slug) > _MAX_SLUG:
        slug = slug[:64].rstrip("_") + "_" + hashlib.sha1(slug.encode("utf-8")).hexdigest()[:8]
    return f"{type_}:{slug}"


class InstrumentLexicon:
    """Per pipeline and language: the phrase matcher of known names and the head-word tables."""

    def __init__(self, vocab: Vocab, lang: str) -> None:
        self.lang = lang
        self.rules = rules = rules_for(lang)
        data = instrument_data()
        self.kinds: dict[str, dict[str, Any]] = data["kinds"]
        self.head_kind = {w.lower(): kind for kind, spec in self.kinds.items() for w in spec["heads"].get(lang, ())}
        self.head_words = frozenset(self.head_kind)
        self.compatible = {k: frozenset(group) for group in data["compatible"] for k in group}
        self.words = rules.instrument_words
        self.known = known_instruments()
        self.matcher = PhraseMatcher(vocab, attr="NORM" if rules.reads_norm else "LOWER")
        self.key_to_id: dict[str, str] = {}
        tokenizer = pattern_tokenizer(vocab, lang)  # names cut into tokens exactly as documents are cut
        for raw in data["instruments"]:
            names = list(raw.get("aliases", {}).get(lang, ()))
            if lang == data["name_lang"]:
                names.insert(0, raw["name"])
            docs = [d for name in names for d in self._pattern_docs(vocab, tokenizer, name)]
            for d in docs:
                self.key_to_id[self.key_of(d)] = raw["id"]
            if docs:
                self.matcher.add(raw["id"], docs)

    def _pattern_docs(self, vocab: Vocab, tokenizer: Any, name: str) -> list[Doc]:
        """The name as pattern Docs, one per combination of the readings of its words."""
        cut = tokenizer(name)
        words, spaces = [t.text for t in cut], [bool(t.whitespace_) for t in cut]
        if not self.rules.reads_norm:
            return [Doc(vocab, words=words, spaces=spaces)]
        options = [self.rules.readings(w) for w in words]
        docs = []
        for combo in itertools.islice(itertools.product(*options), _MAX_READINGS):
            d = Doc(vocab, words=words, spaces=spaces)
            for t, norm in zip(d, combo):
                t.norm_ = norm
            docs.append(d)
        return docs

    def head(self, word: str, lower: str) -> str | None:
        """The kind whose head word this token is (its lexicon form, or its lower case), else None."""
        return self.head_kind.get(word) or self.head_kind.get(self.rules.fold(lower))

    def key_of(self, tokens: Iterable[Any]) -> str:
        """The id key of a name from its tokens' lexicon forms."""
        rules = self.rules
        return normalize_words((rules.lexicon_form(t.lower_, t.norm_) for t in tokens), self.lang)


lexicon_for = cached_per_vocab(InstrumentLexicon)
"""The instrument lexicon of a pipeline (its Vocab) and language, built on first use."""
