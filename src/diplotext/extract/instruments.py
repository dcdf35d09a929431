"""Legal instruments as entities: treaties, agreements, charters, declarations, programmes, ...

Three passes over the Doc, linear in its length:

1. Known instruments (``resources/instruments.json``: English and Russian names) are matched as
   phrases, on lower case in English and on dictionary forms in Russian, so that "the UN
   Charter", "Устава ООН" and "Charter of the United Nations" are one entity, ``UN_CHARTER``.
2. Named instruments are read around a head word of a known kind ("Treaty", "Agreement",
   "Charter", "договор", "соглашение", ...): capitalized modifiers before it ("Eurasian
   Charter"), and a complement after it ("on Security Guarantees within the Union State", "о
   создании Союзного государства"). In English a capitalized head takes capitalized words
   joined by function words; a lower-case head ("an agreement on mutual measures to protect
   ...") takes words up to a clause boundary, and only for the kinds that name a document by
   themselves, or in a sentence that signs, ratifies or brings something into force. A head
   inside a resolved organization name is not an instrument ("Collective Security Treaty
   Organization").
3. Definite anaphors ("the treaty", "this agreement", "этим договором") point to the last
   instrument of a compatible kind in the last three sentences; they are used by the event
   rules, never reported as mentions.

Ids: the gazetteer id where the normalized name is a known one (in either language), otherwise
``TYPE:normalized_name`` (articles dropped, lower case; Russian words in dictionary form), so the
same instrument gets the same id across documents however it is inflected.
"""

from __future__ import annotations

import hashlib
from bisect import bisect_left
import itertools
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Token
from spacy.vocab import Vocab

from ..lang.ru import morphology
from ..models import Entity, Mention
from ..resources import load_json
from .patterns import pattern_tokenizer
from .triggers import ACTOR_TYPES, InstrumentRef, Sentences, Unit, word
from .vocab_cache import cached_per_vocab

# Words that may start a sentence capitalized without being part of a name.
_FUNCTION_WORDS_EN = frozenset(
    "the a an this that these those its their our his her under in on by of to for with within "
    "following after before during according pursuant and or as at from".split()
)
_STOP_EN = frozenset(
    "that which who whom whose where when while whereas as because since until after before once if "
    "was were is are be been being has have had will would shall should can could may might must do does did "
    "signed signing sign signs ratified ratifying ratify ratifies entered enters entering enter came comes come coming "
    "took takes take taking concluded concluding conclude extended extending extend prolonged expires expired "
    "provides provided stipulates stipulated says stated noted".split()
)
_STOP_RU = frozenset("который что после когда чтобы а но как если пока это также".split())
_STOP_POS_RU = frozenset({"VERB", "INFN", "PRTS", "GRND"})
_DETERMINERS_EN = frozenset("the this that these such said".split())
_DETERMINERS_RU = frozenset("этот данный указанный такой настоящий тот".split())
_LEGAL_TRIGGERS_EN = frozenset(
    "sign signs signed signing signature ratify ratified ratifies ratification ratifying conclude concluded "
    "concluding conclusion force effect extend extended extension prolong prolonged prolongation adopt adopted "
    "adoption denounce denounced withdrew withdraw".split()
)
_LEGAL_TRIGGERS_RU = frozenset(
    "подписать подписывать подписание ратифицировать ратификация заключить заключать заключение сила "
    "продлить продление пролонгация принять принятие денонсировать денонсация".split()
)
_TRAIL_EN = frozenset("and or the a an of on in to for with by between within at &".split())
_TRAIL_RU = frozenset("и или в во о об по с со на для от к за из между".split())
_MAX_NAME = 20
_ANAPHOR_WINDOW = 3


@dataclass(frozen=True)
class KnownInstrument:
    id: str
    type: str
    kind: str
    name: str
    parties: tuple[str, ...]
    signed: str | None


@dataclass(frozen=True)
class Found:
    """An instrument mention with its resolution."""

    start: int
    end: int
    id: str
    type: str
    kind: str
    name: str
    evidence: str  # 'gazetteer' | 'pattern'
    confidence: float
    parties: tuple[str, ...] = ()


@lru_cache(maxsize=1)
def _data() -> dict[str, Any]:
    return load_json("instruments.json")


@lru_cache(maxsize=1)
def known_instruments() -> dict[str, KnownInstrument]:
    out = {}
    for raw in _data()["instruments"]:
        out[raw["id"]] = KnownInstrument(
            raw["id"], raw["type"], raw["kind"], raw["name"], tuple(raw.get("parties", ())), raw.get("signed")
        )
    return out


def _ru_normal(word_: str) -> str:
    return morphology.normal_form(word_)  # the same dictionary forms as the pipeline's NORM


def _ru_readings(word_: str) -> list[str]:
    """The pipeline's NORM of this word, and the word itself where it is a dictionary form too."""
    first = _ru_normal(word_)
    lower = word_.lower().replace("ё", "е")
    if lower != first and _ru_is_lemma(lower):
        return [first, lower]
    return [first]


@lru_cache(maxsize=4096)
def _ru_is_lemma(lower: str) -> bool:
    return morphology.is_lemma(lower)


@lru_cache(maxsize=50_000)
def _ru_case(text: str) -> str | None:
    return morphology.case(text)


@lru_cache(maxsize=50_000)
def _ru_pos(text: str) -> str | None:
    return morphology.pos(text)


def normalize_words(words: Iterable[str], lang: str) -> str:
    """The key of a name: lower case, articles and punctuation out (Russian: dictionary forms)."""
    out = []
    for w in words:
        w = w.lower().replace("ё", "е")
        if not any(c.isalnum() for c in w):
            continue
        if lang == "en":
            if w in ("the", "a", "an"):
                continue
            w = {"programme": "program", "programmes": "programs", "organisation": "organization"}.get(w, w)
            w = w.replace(".", "")
        out.append(w)
    return " ".join(out)


def make_id(type_: str, key: str) -> str:
    slug = re.sub(r"[^\w]+", "_", key, flags=re.UNICODE).strip("_")
    if len(slug) > 80:
        slug = slug[:64].rstrip("_") + "_" + hashlib.sha1(slug.encode("utf-8")).hexdigest()[:8]
    return f"{type_}:{slug}"


class InstrumentFinder:
    """Built once per pipeline: the phrase matcher of known names and the head-word tables."""

    def __init__(self, vocab: Vocab, lang: str) -> None:
        tokenizer = pattern_tokenizer(vocab, lang)  # to cut names into tokens exactly as documents are cut
        self.lang = lang
        data = _data()
        self.kinds: dict[str, dict[str, Any]] = data["kinds"]
        self.head_kind: dict[str, str] = {}
        for kind, spec in self.kinds.items():
            for w in spec.get(lang, ()):
                self.head_kind[w.lower()] = kind
        self.head_words = frozenset(self.head_kind)
        self.compatible: dict[str, frozenset[str]] = {}
        for group in data["compatible"]:
            for k in group:
                self.compatible[k] = frozenset(group)
        self.connectors = frozenset(data["connectors"][lang])
        self.openers = frozenset(data["openers"][lang])
        self.known = known_instruments()
        attr = "NORM" if lang == "ru" else "LOWER"
        self.matcher = PhraseMatcher(vocab, attr=attr)
        self.key_to_id: dict[str, str] = {}
        for raw in data["instruments"]:
            names = [raw["name"], *raw.get("aliases", {}).get("en", ())] if lang == "en" else list(raw.get("aliases", {}).get("ru", ()))
            docs = []
            for name in names:
                for d in self._pattern_docs(vocab, tokenizer, name):
                    docs.append(d)
                    self.key_to_id[self._key_of(d)] = raw["id"]
            if docs:
                self.matcher.add(raw["id"], docs)

    def _pattern_docs(self, vocab: Vocab, tokenizer: Any, name: str) -> list[Doc]:
        """The name as pattern Docs. A Russian word written in its dictionary form may be read
        otherwise by the first analysis ('Устав' as a form of 'устать'): both readings go in."""
        cut = tokenizer(name)
        words, spaces = [t.text for t in cut], [bool(t.whitespace_) for t in cut]
        base = Doc(vocab, words=words, spaces=spaces)
        if self.lang != "ru":
            return [base]
        options = [_ru_readings(t.text) for t in base]
        docs = []
        for combo in itertools.islice(itertools.product(*options), 8):
            d = Doc(vocab, words=words, spaces=spaces)
            for t, norm in zip(d, combo):
                t.norm_ = norm
            docs.append(d)
        return docs

    def _head(self, t: Token) -> str | None:
        if self.lang == "ru":
            return self.head_kind.get(word(t, "ru")) or self.head_kind.get(t.lower_.replace("ё", "е"))
        return self.head_kind.get(t.lower_)

    def _heads(self, sents: Sentences) -> list[int]:
        """The positions of the tokens that are head words of a kind, in order (see `_head`)."""
        kinds = self.head_kind
        if self.lang == "ru":
            return [i for i, (w, low) in enumerate(zip(sents.words(), sents.lowers)) if w in kinds or low.replace("ё", "е") in kinds]
        return sents.where(self.head_words)  # the lexicon form in English is the lower case

    def _key_of(self, tokens: Iterable[Token]) -> str:
        if self.lang == "ru":
            return normalize_words((word(t, "ru") for t in tokens), "ru")
        return normalize_words((t.text for t in tokens), "en")

    # -- pass 2: heads and their names -------------------------------------------------------

    def _is_cap(self, t: Token) -> bool:
        s = t.text
        return bool(s) and (s[0].isupper() or (s[0].isdigit() and self.lang == "en"))

    def _name_around(self, doc: Doc, unit: Unit, h: int, kind: str, legal_sentence: bool) -> tuple[int, int] | None:
        spec = self.kinds[kind]
        head = doc[h]
        head_cap = head.text[:1].isupper()
        if spec.get("capitalized_only") and not head_cap:
            return None
        # left: capitalized modifiers ("Eurasian Charter", "UN Charter", "Minsk Agreements")
        s = h
        if head_cap or self.lang == "ru":
            i = h - 1
            while i >= unit.start and h - i <= 4:
                t = doc[i]
                if t.text in ("-", "–") and i - 1 >= unit.start and self._is_cap(doc[i - 1]) and not t.whitespace_ and not doc[i - 1].whitespace_:
                    i -= 1
                    continue
                if (
                    not self._is_cap(t)
                    or t.lower_ in _FUNCTION_WORDS_EN
                    or i in self._blocked
                    or self._date_at(i)
                    or (i == unit.start and self.lang == "ru" and not t.text.isupper())
                ):
                    break
                s = i
                i -= 1
        # right: the complement
        e = h + 1
        lim = min(unit.end, h + 1 + _MAX_NAME)
        nxt = doc[e] if e < unit.end else None
        if nxt is not None and spec.get("numbered") and (nxt.like_num or nxt.lower_ in ("no", "no.", "№")):
            e += 1
            while e < lim and (doc[e].like_num or doc[e].text in ("/", "(", ")")):
                e += 1
            return (s, e) if e > h + 1 and doc[e - 1].like_num else None
        capital_style = self.lang == "en" and head_cap
        openers = frozenset(spec["openers"]) if "openers" in spec else self.openers
        if nxt is not None and word(nxt, self.lang) in openers:
            if capital_style:
                e = self._capitalized_run(doc, unit, e, lim)
            else:
                strong = spec.get("strong_ru" if self.lang == "ru" else "strong", spec.get("strong", False))
                if not (strong or legal_sentence) and not head_cap:
                    return None
                e = self._descriptive_run(doc, unit, e, lim)
        elif self.lang == "ru" and nxt is not None and self._is_cap(nxt) and not spec.get("numbered"):
            e = self._capitalized_run(doc, unit, e, lim, need_connector=False)
        e = self._trim(doc, h + 1, e)
        if e == h + 1 and (s == h or "openers" in spec):
            return None  # a bare head ("the treaty"): an anaphor at most
        return s, e

    def _capitalized_run(self, doc: Doc, unit: Unit, i: int, lim: int, need_connector: bool = True) -> int:
        end = i
        while i < lim:
            t = doc[i]
            if self._date_at(i):
                break
            if self._is_cap(t) or (self.lang == "en" and t.lower_ in ("'s",) and end == i):
                i += 1
                end = i
                continue
            if t.text in ("-", "–") and end == i and i + 1 < lim and not t.whitespace_ and not doc[i - 1].whitespace_ and (
                self._is_cap(doc[i + 1]) or doc[i + 1].is_alpha
            ):
                i += 2  # "Visa-Free", "Visa-free": one word (not "the Sea – as with", a dash between clauses)
                end = i
                continue
            if word(t, self.lang) in self.connectors or t.text == ",":
                j = i
                while j < lim and (word(doc[j], self.lang) in self.connectors or doc[j].text == ","):
                    j += 1
                if j < lim and self._is_cap(doc[j]) and not self._date_at(j) and doc[i].text != ",":
                    i = j
                    continue
                break
            break
        return end

    def _descriptive_run(self, doc: Doc, unit: Unit, i: int, lim: int) -> int:
        end = i
        while i < lim:
            t = doc[i]
            if t.is_punct or t.is_space or self._date_at(i):
                if t.text in ("-",) and i + 1 < lim and not doc[i + 1].is_punct:
                    i += 1
                    continue
                break
            if self.lang == "en":
                if t.lower_ in _STOP_EN or (self._head(t) and i > end):
                    break
                if t.lower_ == "and" and i + 1 < lim and doc[i + 1].lower_.endswith("ed"):
                    break  # "signed an agreement on X and acted as guarantors": a new predicate
            else:
                n = word(t, "ru")
                if n in _STOP_RU or (t.text[:1].islower() and _ru_pos(t.lower_) in _STOP_POS_RU):
                    break
                if n == "и" and i + 1 < lim and _ru_case(doc[i + 1].lower_) == "nomn":
                    break  # "соглашение о поставках газа и реализация проектов": the list goes on outside
            i += 1
            end = i
        return end

    def _trim(self, doc: Doc, lo: int, e: int) -> int:
        trail = _TRAIL_EN if self.lang == "en" else _TRAIL_RU
        while e > lo and (word(doc[e - 1], self.lang) in trail or doc[e - 1].is_punct):
            e -= 1
        return e

    def _date_at(self, i: int) -> bool:
        return i in self._date_tokens

    # -- the whole Doc --------------------------------------------------------------------------

    def __call__(self, doc: Doc, sents: Sentences) -> tuple[list[Found], list[InstrumentRef]]:
        units = [unit for unit in sents.units if unit.entities or unit.dates]
        entities = [ent for unit in units for ent in unit.entities]  # unit by unit
        heads = _by_unit(sents, self._heads(sents))
        # what the head rules ask about (none without a head word): dates, and the tokens inside
        # organizations, countries, persons
        self._date_tokens = {t for unit in units for (a, b, _) in unit.dates for t in range(a, b)} if heads else set()
        blocked: set[int] = set()
        for ent in entities if heads else ():
            if ent.label in ACTOR_TYPES:
                blocked.update(range(ent.start, ent.end))
        self._blocked = blocked
        found: list[Found] = []
        taken: set[int] = set()
        # pass 0: instruments that the entity gazetteer already resolved (a user's own entries)
        for ent in entities:
            if ent.label in ("TREATY", "DOCUMENT"):
                found.append(Found(ent.start, ent.end, ent.id, ent.label, "instrument", sents.surface(ent.start, ent.end), "gazetteer", 1.0))
                taken.update(range(ent.start, ent.end))
        # pass 1: known names
        for match_id, s, e in sorted(self.matcher(doc), key=lambda m: (m[1], -(m[2] - m[1]))):
            if any(t in taken for t in range(s, e)) or sents.unit_at(s) is None:
                continue
            if self._inside_actor(s, e, sents):
                continue
            k = self.known[doc.vocab.strings[match_id]]
            found.append(Found(s, e, k.id, k.type, k.kind, k.name, "gazetteer", 1.0, k.parties))
            taken.update(range(s, e))
        # pass 2: heads (their positions and those of legal verbs found once, then taken by unit)
        legal_words = _LEGAL_TRIGGERS_RU if self.lang == "ru" else _LEGAL_TRIGGERS_EN
        legal_at = sents.where(legal_words)
        for unit, unit_heads in heads:
            if _headline(doc, unit):
                continue
            k = bisect_left(legal_at, unit.start)
            legal = k < len(legal_at) and legal_at[k] < unit.end
            for h in unit_heads:
                kind = self._head(doc[h])
                if kind is None or h in taken or h in blocked:
                    continue
                span = self._name_around(doc, unit, h, kind, legal)
                if span is None:
                    continue
                s, e = span
                if any(t in taken for t in range(s, e)):
                    continue
                key = self._key_of(doc[s:e])
                known_id = self.key_to_id.get(key)
                if known_id:
                    k = self.known[known_id]
                    found.append(Found(s, e, k.id, k.type, k.kind, k.name, "gazetteer", 1.0, k.parties))
                else:
                    type_ = self.kinds[kind]["type"]
                    cap = doc[h].text[:1].isupper()
                    parties = self._parties(doc, unit, h, e)
                    name = doc[s:e].text
                    found.append(Found(s, e, make_id(type_, key), type_, kind, name, "pattern", 0.8 if cap else 0.6, parties))
                taken.update(range(s, e))
        found.sort(key=lambda f: f.start)
        refs = [
            InstrumentRef(f.id, f.kind, f.start, f.end, doc[f.start].idx, doc[f.end - 1].idx + len(doc[f.end - 1]))
            for f in found
        ]
        return found, refs + self._anaphors(doc, sents, heads, refs, taken, blocked)

    def _inside_actor(self, s: int, e: int, sents: Sentences) -> bool:
        unit = sents.unit_at(s)
        if unit is None:
            return False
        return any(ent.label in ACTOR_TYPES and ent.start <= s and e <= ent.end and (ent.end - ent.start) > (e - s) for ent in unit.entities)

    def _parties(self, doc: Doc, unit: Unit, h: int, e: int) -> tuple[str, ...]:
        """States named after 'between' inside the name ('agreement between Belarus and Russia')."""
        between = next((i for i in range(h + 1, e) if word(doc[i], self.lang) in ("between", "между")), None)
        if between is None:
            return ()
        return tuple(dict.fromkeys(ent.id for ent in unit.entities if ent.label == "COUNTRY" and between < ent.start and ent.end <= e))

    def _anaphors(
        self, doc: Doc, sents: Sentences, heads: list[tuple[Unit, list[int]]], refs: list[InstrumentRef], taken: set[int], blocked: set[int]
    ) -> list[InstrumentRef]:
        out: list[InstrumentRef] = []
        dets = _DETERMINERS_RU if self.lang == "ru" else _DETERMINERS_EN
        by_unit: dict[int, list[InstrumentRef]] = {}
        for r in refs:
            u = sents.unit_at(r.start)
            if u is not None:
                by_unit.setdefault(u.index, []).append(r)
        starts: dict[int, list[int]] = {}
        for ui, unit_refs in by_unit.items():
            keys = [r.start for r in unit_refs]
            if all(a <= b for a, b in zip(keys, keys[1:])):
                starts[ui] = keys
        for unit, unit_heads in heads:
            for h in unit_heads:
                if h in taken or h in blocked:
                    continue
                kind = self._head(doc[h])
                if kind is None:
                    continue
                prev = doc[h - 1] if h - 1 >= unit.start else None
                definite = prev is not None and word(prev, self.lang) in dets
                if self.lang == "en" and not definite:
                    continue
                if self.lang == "ru" and not definite and not (h + 1 < unit.end and _ru_pos(doc[h + 1].lower_) in _STOP_POS_RU):
                    continue
                group = self.compatible.get(kind, frozenset({kind}))
                antecedent = None
                for ui in range(unit.index, max(-1, unit.index - _ANAPHOR_WINDOW - 1), -1):
                    unit_refs = by_unit.get(ui, [])
                    # the references are in order of start: those before h, from the last one back
                    upto = bisect_left(starts[ui], h) if ui in starts else len(unit_refs)
                    for k in range(upto - 1, -1, -1):
                        r = unit_refs[k]
                        if r.start < h and (r.kind in group or r.kind == "instrument"):
                            antecedent = r
                            break
                    if antecedent:
                        break
                if antecedent is not None:
                    s = h - 1 if definite else h
                    out.append(InstrumentRef(antecedent.id, antecedent.kind, s, h + 1, doc[s].idx, doc[h].idx + len(doc[h]), anaphor=True))
        return out


def _by_unit(sents: Sentences, positions: list[int]) -> list[tuple[Unit, list[int]]]:
    """Sorted token positions grouped by their unit, in order (those outside every unit left out):
    the units that hold one, without a visit to every unit."""
    out: list[tuple[Unit, list[int]]] = []
    for i in positions:
        unit = sents.unit_at(i)
        if unit is None:
            continue
        if out and out[-1][0] is unit:
            out[-1][1].append(i)
        else:
            out.append((unit, [i]))
    return out


def _headline(doc: Doc, unit: Unit) -> bool:
    """A title-case line ("Presidents Sign Joint Statement: Key Points"): capitals say nothing there."""
    if doc[unit.end - 1].text in (".", "!", "?", ";"):
        return False
    named = {t for e in unit.entities for t in range(e.start, e.end)}
    words = [t for t in doc[unit.start:unit.end] if t.is_alpha and len(t) > 3 and t.i not in named]
    return len(words) >= 4 and sum(t.text[0].isupper() for t in words) >= 0.7 * len(words)


get_finder = cached_per_vocab(InstrumentFinder)
"""The finder for a pipeline (its Vocab) and language, built on first use."""


def lexicon_words(vocab: Vocab, lang: str) -> frozenset[str]:
    """Every word the instrument rules look up with `Sentences.where` (see `Sentences.lexicon`)."""
    return get_finder(vocab, lang).head_words | (_LEGAL_TRIGGERS_RU if lang == "ru" else _LEGAL_TRIGGERS_EN)


def find_instruments(doc: Doc, lang: str, sents: Sentences) -> tuple[list[Found], list[InstrumentRef]]:
    """Instrument mentions (named) and references (named and anaphoric), in text order."""
    return get_finder(doc.vocab, lang)(doc, sents)


def instrument_entities(found: Iterable[Found], text: str, doc: Doc, keep: Callable[[int], bool] = lambda _: True) -> list[Entity]:
    """One `Entity` per instrument id, in order of first mention (mentions sliced from `text`)."""
    grouped: dict[str, list[Found]] = {}
    for f in found:
        if keep(doc[f.start].idx):
            grouped.setdefault(f.id, []).append(f)
    known = known_instruments()
    entities = []
    for id_, group in grouped.items():
        mentions = []
        for f in group:
            s, e = doc[f.start].idx, doc[f.end - 1].idx + len(doc[f.end - 1])
            mentions.append(Mention(text=text[s:e], start=s, end=e))
        k = known.get(id_)
        first = group[0]
        name = k.name if k else re.sub(r"\s+", " ", mentions[0].text)
        forms = dict.fromkeys(re.sub(r"\s+", " ", m.text) for m in mentions)
        attributes = {"kind": k.kind if k else first.kind}
        parties = k.parties if k else tuple(dict.fromkeys(p for f in group for p in f.parties))
        if parties:
            attributes["parties"] = ",".join(parties)
        if k and k.signed:
            attributes["signed"] = k.signed
        entities.append(
            Entity(
                id=id_,
                type=first.type,  # type: ignore[arg-type]
                name=name,
                aliases=[f for f in forms if f != name],
                attributes=attributes,
                confidence=max(f.confidence for f in group),
                evidence=sorted({f.evidence for f in group}),
                mentions=mentions,
            )
        )
    return entities
