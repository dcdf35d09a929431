"""Organizations, countries and persons, resolved to canonical ids.

Two passes, as in spaCy's SpanRuler. First every reading goes into
``doc.spans["diplotext_candidates"]`` (overlaps allowed): gazetteer names, acronyms, capitals and
short names (`gazetteer.py`), and the open-world readings found by patterns: persons introduced
by an office or a title ("Foreign Minister Maksim Ryzhenkov", "Mr Smith"), by a given name or by
initials ("A.S. Pushkin"); organizations named by a head noun ("International Syria Support
Group", "Ministry of Commerce"). Then the resolver keeps the longest, most specific reading in
``doc.spans["diplotext_entities"]`` ("Parliamentary Assembly of the Union of Belarus and Russia"
is one organization, not an assembly plus two countries), checks the readings that need the
document's support (a surname, a capital, "Security Council"), reports the countries named
inside an organization's name, links acronyms defined in the text ("... Organization (SCO)") and
later surname-only mentions of a person. Each span's ``label_`` is the entity type and
``kb_id_`` the canonical id; open-world entities get a generated id (``ORG:...``,
``PERSON:...``) and are described in ``doc.user_data["diplotext_open_entities"]``.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

from spacy.attrs import LOWER
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from ..lang.ru import morphology
from ..models import Entity, Mention
from ..resources import load_json
from .gazetteer import Gazetteer, GazetteerEntry, load_gazetteer, slug

CANDIDATES_KEY = "diplotext_candidates"
ENTITIES_KEY = "diplotext_entities"
OPEN_KEY = "diplotext_open_entities"
OFFICES_KEY = "diplotext_offices"

# Evidence, from the strongest reading to the weakest: on equal length the stronger one wins.
_PRIORITY = {"gazetteer": 0, "acronym": 1, "pattern": 2, "short": 3, "capital": 4}
_CONFIDENCE = {"gazetteer": 1.0, "acronym": 0.9, "short": 0.85, "capital": 0.8, "pattern": 0.7}

_INITIALS = re.compile(r"^(?:[A-ZА-ЯЁ]\.){1,2}$")
_ACRONYM = re.compile(r"^[A-ZА-ЯЁ][A-Za-zА-Яа-яЁё&+.\-]*[A-ZА-ЯЁ+]$")
_POSSESSIVE = {"'s", "’s", "'", "’"}
_PREPOSITIONS = {
    "en": {"in", "to", "from", "at", "into", "via", "near", "visit", "visited", "visiting", "towards", "toward", "around", "outside", "inside", "across", "through", "reached", "arrived", "returned", "left", "between", "and", "of"},
    "ru": {"в", "во", "из", "до", "к", "ко", "на", "под", "через", "по", "у", "около", "вблизи", "посетить", "прибыть", "между", "и", "за", "над", "перед", "от"},
}
_VERBS = set(
    "has have had is was were are will would can could should must may might did does do says said believes believed "
    "insists insisted wants wanted intends intended continues continued refuses refused supports supported considers "
    "sees saw views shares share agree agrees agreed stands remains expects hopes demands rejects accepts accused "
    "accuses denies claims announced announces responded responds proposes proposed sent sends plans seeks tries tried "
    "knows understands recognises recognizes welcomes condemns warns stresses notes reiterated confirms decided "
    "declares calls urges threatens hosts hosted believe insist want see view support remain stand consider".split()
)
_CURRENCY = {"dollar", "dollars", "cent", "cents", "доллар", "цент"}
_QUOTES = "«»\"“”„'"
_TAIL_STOP = {"President", "Prime", "Minister", "Premier", "Chancellor", "Chairman", "Chairwoman", "Secretary", "Director", "Head", "Deputy", "Governor", "Mayor", "Ambassador", "Speaker", "Mr", "Mrs", "Ms", "Dr", "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December", "The", "This", "In", "On"}
_DECORATIONS = {"Order", "Medal", "Prize", "Award", "Cross", "Star", "Title", "Badge"}
_TOPICAL = {"Committee", "Commission", "Council", "Conference", "Group", "Forum", "Board"}
_ROMAN = re.compile(r"^[IVXLC]+$")
_RU_TOPICAL = {"комитет", "комиссия", "совет", "агентство", "служба", "министерство", "управление", "центр", "фонд", "группа"}
_RU_QUOTED = re.compile(r"(?i:компани[яиюейе]|корпораци[яиюейе]|госкорпораци[яиюейе]|концерн[аеуомы]*|холдинг[аеуомы]*|групп[аыеуой]|ПАО|ОАО|АО|ЗАО|ООО|НК|банк[аеуомы]*|фонд[аеуомы]*|агентств[оаеуом]|газет[аыеуой]|телеканал[аеуомы]*|парти[яиюейе]|движени[еяюем])\s+«(?P<name>[^«»\n]{2,60})»")
_MODIFIER_STOP = _TAIL_STOP | set(
    "A An These Those His Her Its Their Our My Your We I He She They It You And Of At For To From With By As But Or If "
    "When While After Before Since During Also Both Each All Every Other Some Any Many Several Dear Today Yesterday "
    "Tomorrow Monday Tuesday Wednesday Thursday Friday Saturday Sunday Meeting Meetings Talks Visit Session Summit".split()
)
_SMALL_WORDS = {"at", "in", "on", "with", "to", "for", "and", "of", "the", "a", "an", "by", "from", "as", "into", "over"}
_CONNECTORS = {"of", "for", "on", "and", "the", "&", "-", "–", "’s", "'s", "'", "’"}


@dataclass(frozen=True)
class Lexicon:
    """Per-language word lists for the open-world patterns (resources/<lang>/*.json)."""

    offices: tuple[str, ...]
    honorifics: tuple[str, ...]
    not_names: frozenset[str]
    particles: frozenset[str]
    heads: frozenset[str]
    weak_heads: frozenset[str]
    generic: frozenset[str]
    given: tuple[str, ...]


@lru_cache(maxsize=4)
def lexicon(lang: str) -> Lexicon:
    titles = load_json(f"{lang}/titles.json")
    heads = load_json(f"{lang}/org_heads.json")
    given = load_json("en/given_names.json")["names"] if lang == "en" else []
    return Lexicon(
        offices=tuple(titles["offices"]),
        honorifics=tuple(titles["honorifics"]),
        not_names=frozenset(titles.get("not_names", ())),
        particles=frozenset(titles.get("name_particles", ())),
        heads=frozenset(heads["heads"]),
        weak_heads=frozenset(heads.get("weak_heads", ())),
        generic=frozenset(g.casefold() for g in heads["generic"]),
        given=tuple(given),
    )


def _span(doc: Doc, start: int, end: int, label: str, kb_id: str = "", evidence: str = "gazetteer") -> Span:
    """A reading; its evidence is kept in the span's id ('gazetteer', 'acronym', 'pattern',
    'short', 'capital'), since span extensions are keyed by offsets and readings share them."""
    return Span(doc, start, end, label=label, kb_id=kb_id, span_id=evidence)


_GLUED_WORDS = re.compile(r"(?<!^Mc)(?<!^Mac)(?<!^O')[a-zа-яё][A-ZА-ЯЁ]")


@lru_cache(maxsize=65536)  # a pure test of one word, asked of the same words again and again
def _acronym(text: str) -> bool:
    """'CSTO', 'SCO', 'OJSC': two or more capitals, not 'I' or a roman numeral."""
    return len(text) >= 2 and text.isupper() and text.isalpha() and not _ROMAN.match(text)


@lru_cache(maxsize=65536)  # a pure test of one word, asked of the same words again and again
def _cap(text: str) -> bool:
    """A capitalized word with lower-case letters: 'Putin', 'McCain', not 'CSTO', 'the' or
    words glued together by a web page ('JinpingPresident')."""
    return (
        text[:1].isupper()
        and any(c.islower() for c in text)
        and text.replace("-", "").replace("’", "").replace("'", "").isalpha()
        and not _GLUED_WORDS.search(text)
    )


@dataclass
class Scan:
    """What the matchers found in one Doc, in one pass each."""

    names: list[tuple[str, GazetteerEntry, int, int]]
    titles: list[tuple[str, int, int]]
    given: list[int]
    heads: list[int]
    acronym_defs: list[tuple[int, int]]
    initials: list[tuple[int, int]]
    quoted: list[tuple[int, int]]
    text: str = ""


_ACRONYM_DEF = re.compile(r"\((?P<a>[A-ZА-ЯЁ][A-Za-zА-Яа-яЁё&+.\-]*[A-ZА-ЯЁ+])\)")
# '(?<![\w.])(?:[A-ZА-ЯЁ]\.\s?){1,2}[A-ZА-ЯЁ][a-zа-яё]+...' with the test for the word's start after
# the first capital, so that the regex engine looks only where a capital is (5x faster)
_INITIALS_NAME = re.compile(r"[A-ZА-ЯЁ](?<![\w.][A-ZА-ЯЁ])\.\s?(?:[A-ZА-ЯЁ]\.\s?)?[A-ZА-ЯЁ][a-zа-яё]+(?:-[A-ZА-ЯЁ]?[a-zа-яё]+)?")


@dataclass(frozen=True)
class PatternRule:
    """One key of the entity matchers: what its matches are (kind, entry) and its phrases, matched
    folded (LOWER, or NORM in Russian) or as written (ORTH)."""

    key: str
    kind: str
    entry: GazetteerEntry | None
    folded: bool
    phrases: tuple[str, ...]


def pattern_rules(gazetteer: Gazetteer, lang: str) -> list[PatternRule]:
    """The keys of the entity matchers, in the order they are added: per gazetteer entry its names
    (capitalized, lower-case), acronyms, capitals and short names; then the lexicon's offices,
    honorifics, given names and organization heads."""
    lex = lexicon(lang)
    rules: list[PatternRule] = []

    def add(folded: bool, kind: str, entry: GazetteerEntry | None, phrases: Iterable[str], tag: str = "") -> None:
        phrases = tuple(phrases)
        if phrases:
            rules.append(PatternRule(f"{kind}|{entry.id if entry else tag}", kind, entry, folded, phrases))

    for entry in gazetteer.entries.values():
        names = [n for n in entry.names.get(lang, ()) if n not in entry.acronyms]
        add(True, "N", entry, [n for n in names if n[:1].isupper() or not n[:1].isalpha()])
        add(True, "L", entry, [n for n in names if n[:1].islower()])
        add(False, "A", entry, entry.acronyms)
        add(True, "C", entry, entry.metonyms.get(lang, ()))
        add(True, "S", entry, entry.short.get(lang, ()))
    add(True, "T", None, lex.offices, "office")
    add(True, "H", None, lex.honorifics, "honorific")
    add(False, "G", None, lex.given, "given")
    add(lang != "en", "O", None, lex.heads, "head")
    return rules


PHRASE_TOKENS = "{lang}/entity_tokens.json"
"""The packaged gazetteer's and lexicon's phrases as diplotext's tokenizer splits them (written by
tools/make_entity_tokens.py; a test fails when it is stale)."""


def phrase_tokens(tokenizer: Callable[[str], Doc], lang: str) -> dict[str, list[str]]:
    """Every phrase of the entity matchers' rules for the packaged gazetteer, split by `tokenizer`:
    the data of `PHRASE_TOKENS`."""
    phrases = sorted({p for rule in pattern_rules(load_gazetteer(), lang) for p in rule.phrases})
    return {p: [t.text for t in tokenizer(p)] for p in phrases}


def packaged_phrase_tokens(lang: str) -> dict[str, list[str]]:
    """`PHRASE_TOKENS` for `lang`, read once."""
    return load_json(PHRASE_TOKENS.format(lang=lang))["phrases"]


class EntityMatcher:
    """Every reading of a Doc: gazetteer names (names case-insensitively, acronyms as written,
    capitals, short names) and the open-world patterns. Two PhraseMatchers do the work (one on
    LOWER or NORM, one on ORTH); the open-world patterns look only around what they found.

    `known_tokens` gives phrases as `nlp`'s tokenizer splits them (`packaged_phrase_tokens` for
    diplotext's own tokenizer), so that they need not be tokenized again."""

    def __init__(
        self, nlp: Language, gazetteer: Gazetteer, lang: str, analyze: Callable[[str], frozenset[str]] | None = None,
        known_tokens: Mapping[str, Sequence[str]] | None = None,
    ) -> None:
        self.lang = lang
        self.gazetteer = gazetteer
        self.lex = lexicon(lang)
        self._given_set = frozenset(self.lex.given)
        self._office_set = frozenset(self.lex.offices)
        self.analyze = analyze
        # Russian names inflect: match on the normal forms the morphology component writes to NORM.
        self.attr = "NORM" if lang == "ru" and nlp.has_pipe("diplotext_morph") else "LOWER"
        vocab = nlp.vocab
        self._folded = PhraseMatcher(vocab, attr=self.attr)
        self._exact = PhraseMatcher(vocab, attr="ORTH")
        rules = pattern_rules(gazetteer, lang)
        self._keys: dict[int, tuple[str, GazetteerEntry | None]] = {vocab.strings.add(r.key): (r.kind, r.entry) for r in rules}
        # Each distinct phrase is tokenized once (or not at all when its tokens are known), all of
        # a matcher's in one pass, and is given to the matcher as the attribute values it reads
        # from a pattern Doc: tokenizing 5,600 phrases into a Doc per phrase and key was a third
        # of the start-up of the pipeline.
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
        reads from a pattern Doc, and takes as a pattern in its place. A token's ORTH and LOWER
        come from its text alone (as its lexeme's do), so phrases in `known_tokens` need no Doc."""
        distinct = list(dict.fromkeys(phrases))
        values: dict[str, tuple[int, ...]] = {}
        intern = nlp.vocab.strings.add
        lower = nlp.vocab.lex_attr_getters.get(LOWER)
        if known_tokens and (attr == "ORTH" or (attr == "LOWER" and lower is not None)):
            for p in distinct:
                tokens = known_tokens.get(p)
                if tokens is not None:
                    values[p] = tuple(intern(t) for t in tokens) if attr == "ORTH" else tuple(intern(lower(t)) for t in tokens)
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

    def scan(self, doc: Doc, text: str) -> Scan:
        scan = Scan([], [], [], [], [], [], [], text)
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
        for m in _ACRONYM_DEF.finditer(text):
            acr = doc.char_span(m.start("a"), m.end("a"))
            if acr is not None and len(acr) == 1 and acr.start > 0 and doc[acr.start - 1].text == "(":
                scan.acronym_defs.append((acr.start - 1, acr.end + 1))
        if self.lang == "ru":  # 'компания «Ромашка»'
            for m in _RU_QUOTED.finditer(text):
                span = doc.char_span(m.start("name") - 1, m.end("name") + 1)
                if span is not None:
                    scan.quoted.append((span.start, span.end))
        for m in _INITIALS_NAME.finditer(text):
            span = doc.char_span(m.start(), m.end())
            if span is not None:
                scan.initials.append((span.start, span.end))
        return scan

    # -- gazetteer readings -------------------------------------------------------------------

    def candidates(self, doc: Doc, scan: Scan) -> list[Span]:
        spans: list[Span] = []
        evidence = {"N": "gazetteer", "L": "gazetteer", "A": "gazetteer", "C": "capital", "S": "short"}
        for kind, entry, start, end in scan.names:
            if kind in "NCS" and not doc[start].text[:1].isupper():
                continue  # 'Turkey' the state, not 'turkey' the bird; 'Того' the state, not 'того'
            if end - start == 1 and self.lang == "ru" and kind == "N" and self._common_word_first(doc, start):
                continue  # 'Того же мнения ...'
            spans.append(_span(doc, start, end, label=entry.type, kb_id=entry.id, evidence=evidence[kind]))
        return spans

    def _common_word_first(self, doc: Doc, i: int) -> bool:
        """A sentence-initial word that is most likely a common word, not a name."""
        first = i == 0 or doc[i - 1].text in (".", "!", "?", "…") or "\n" in doc[i - 1].text_with_ws
        return first and self.analyze is not None and not self.analyze(doc[i].text) & {"Geox", "Name", "Surn", "Orgn", "Abbr", "UNKN"}

    # -- open world: persons ------------------------------------------------------------------

    def _nameable(self, doc: Doc, i: int, blocked: dict[int, str]) -> bool:
        if i >= len(doc) or i in blocked:
            return False
        text = doc[i].text
        if _INITIALS.match(text):
            return True
        return _cap(text) and text not in self.lex.not_names

    def _name_at(self, doc: Doc, i: int, blocked: dict[int, str], limit: int = 4) -> int:
        """End of the name that starts at token i (i itself when there is none)."""
        j = i
        seen: set[str] = set()
        while j < len(doc) and j - i < limit:
            t = doc[j]
            if self._nameable(doc, j, blocked) and t.text not in seen:
                seen.add(t.text)
                j += 1
            elif t.text in self.lex.particles and j > i and self._nameable(doc, j + 1, blocked):
                j += 1
            elif t.text == "-" and j > i and self._nameable(doc, j + 1, blocked) and not t.whitespace_ and not doc[j - 1].whitespace_:
                j += 1
            else:
                break
        while j > i and (doc[j - 1].text in self.lex.particles or doc[j - 1].text == "-" or _INITIALS.match(doc[j - 1].text)):
            j -= 1
        return j

    def _person_flags(self, doc: Doc, i: int) -> frozenset[str]:
        return self.analyze(doc[i].text) if self.analyze is not None and self.lang == "ru" else frozenset()

    def persons(self, doc: Doc, scan: Scan, blocked: dict[int, str]) -> list[Span]:
        """Persons introduced by an office, a title, a given name or initials."""
        out: list[Span] = []
        blocked = {i: t for i, t in blocked.items() if t != "PERSON"}  # 'Dmitry Patrushev' is not Nikolai
        titles = sorted(scan.titles, key=lambda m: (m[1], -(m[2] - m[1])))
        last_end = -1
        title_starts = {s for _, s, _ in titles}
        for kind, start, end in titles:
            if start < last_end:
                continue
            last_end = end
            office = doc[start:end]
            if self.lang == "en" and kind == "T" and not doc[start].text[:1].isupper() and not self._nameable(doc, end, blocked):
                continue
            j = end
            # the office's complement: "of Kazakhstan", "of the Eurasian Economic Commission’s Board"
            if self.lang == "en" and j < len(doc) and doc[j].lower_ in ("of", "for"):
                k = j + 1
                while k < len(doc) and k not in title_starts and (
                    k in blocked or doc[k].lower_ in ("the", "of", "and", "for", "-") or doc[k].text in _POSSESSIVE or doc[k].text[:1].isupper()
                ):
                    k += 1
                while k > j + 1 and doc[k - 1].lower_ in ("the", "of", "and", "for", "-"):
                    k -= 1
                # the name is the last run of name words before k ('... of Belarus Alexander Lukashenko')
                m = k
                while m > j and (
                    self._nameable(doc, m - 1, blocked)
                    or doc[m - 1].text == "-" and m - 2 > j and not doc[m - 2].whitespace_ and self._nameable(doc, m - 2, blocked)
                ):
                    m -= 1
                if m < k and doc[m - 1].lower_ in ("of", "and", "for", "the", "'s", "’s", "'", "’", ","):
                    m += 1  # '... of Industry and Trade Oleg Ryazantsev': 'Trade' ends the office
                given = [i for i in range(m, k - 1) if doc[i].text in self._given_set]
                if given and given[0] > m:
                    m = given[0]
                j = m
                while j < k and doc[j].text in self.lex.heads:
                    j += 1
                office = doc[start:j]
            elif self.lang == "ru":
                while j < len(doc) and (j in blocked and blocked[j] != "PERSON" or doc[j].norm_ in ("и",)):
                    j += 1
            if j in title_starts:
                continue  # 'Deputy Defence Minister ...': the next title carries the name
            name_end = self._name_at(doc, j, blocked)
            n = name_end - j
            if n == 0:
                continue
            if n == 1 and not (kind == "H" or self.lang == "ru" and "Surn" in self._person_flags(doc, j)):
                continue  # 'President Putin' is the gazetteer's; 'Mr Smith' is a person
            if n == 1 and _INITIALS.match(doc[j].text):
                continue
            span = _span(doc, j, name_end, label="PERSON", evidence="pattern")
            if kind == "T":
                doc.user_data.setdefault(OFFICES_KEY, {})[(j, name_end)] = " ".join(office.text.split())
            out.append(span)
        if self.lang == "en":
            for start in scan.given:
                end = self._name_at(doc, start, blocked, limit=4)
                if end - start >= 2 and not _INITIALS.match(doc[end - 1].text):
                    span = _span(doc, start, end, label="PERSON", evidence="pattern")
                    out.append(span)
        else:
            out += self._russian_names(doc, blocked)
        for start, end in scan.initials:
            if start in blocked or end - 1 in blocked or doc[end - 1].text in self.lex.not_names:
                continue
            if self.lang == "ru" and not (self._person_flags(doc, end - 1) & {"Surn", "UNKN"} or not self._person_flags(doc, end - 1) & {"Geox", "Orgn"}):
                continue
            span = _span(doc, start, end, label="PERSON", evidence="pattern")
            out.append(span)
        return out

    def _russian_names(self, doc: Doc, blocked: dict[int, str]) -> list[Span]:
        """'Сапармурат Ниязов', 'Максим Владимирович Рыженков', 'Путин Владимир Владимирович'."""
        out = []
        i, n = 0, len(doc)
        while i < n:
            t = doc[i]
            if i in blocked or not _cap(t.text):
                i += 1
                continue
            flags = self._person_flags(doc, i)
            if "Name" in flags:
                j = i + 1
                if j < n and _cap(doc[j].text) and "Patr" in self._person_flags(doc, j):
                    j += 1
                if j < n and j not in blocked and _cap(doc[j].text) and not self._person_flags(doc, j) & {"Geox", "Orgn", "Name"}:
                    span = _span(doc, i, j + 1, label="PERSON", evidence="pattern")
                    out.append(span)
                    i = j + 1
                    continue
            elif "Surn" in flags and i + 1 < n and _cap(doc[i + 1].text) and "Name" in self._person_flags(doc, i + 1):
                j = i + 2
                if j < n and _cap(doc[j].text) and "Patr" in self._person_flags(doc, j):
                    j += 1
                span = _span(doc, i, j, label="PERSON", evidence="pattern")
                out.append(span)
                i = j
                continue
            i += 1
        return out

    # -- open world: organizations ------------------------------------------------------------

    def organizations(self, doc: Doc, scan: Scan, blocked: dict[int, str], persons: Sequence[Span]) -> list[Span]:
        """Capitalized names with an organizational head noun that the gazetteer does not know."""
        if self.lang == "ru":
            return self._russian_organizations(doc, scan, blocked)
        if not scan.heads:
            return []
        lex = self.lex
        person_start = {s.start for s in persons} | {i for i, t in blocked.items() if t == "PERSON"}
        n = len(doc)

        def word(i: int) -> bool:  # a word that may stand inside a name
            t = doc[i].text
            return t[:1].isupper() and not _GLUED_WORDS.search(t) or doc[i].lower_ in _CONNECTORS

        out = []
        done: set[int] = set()
        for h in scan.heads:
            if h in done or self._title_case_line(scan.text, doc[h].idx):
                continue
            cstart = h
            while cstart > 0 and word(cstart - 1) and "\n" not in doc[cstart - 1].whitespace_:
                cstart -= 1
            cend = h + 1
            while cend < n and word(cend) and "\n" not in doc[cend - 1].whitespace_:
                cend += 1
            heads = [i for i in range(cstart, cend) if doc[i].text in lex.heads]
            done.update(heads)
            taken: set[int] = set()
            for s, e in sorted(self._org_readings(doc, heads, cstart, cend, blocked, person_start), key=lambda r: r[0] - r[1]):
                if taken.intersection(range(s, e)):
                    continue
                text = " ".join(doc[s:e].text.split())
                if text.casefold() in lex.generic or all(i in blocked and blocked[i] == "COUNTRY" for i in range(s, e) if doc[i].text not in lex.heads):
                    continue
                if doc[e - 1].text in lex.weak_heads and e - s == 2 and doc[s].text in lex.not_names:
                    continue
                taken.update(range(s, e))
                out.append(_span(doc, s, e, label="ORG", evidence="pattern"))
        return out

    def _org_readings(self, doc: Doc, heads: list[int], cstart: int, cend: int, blocked: dict[int, str], person_start: set[int]) -> list[tuple[int, int]]:
        """For each head noun, the name around it: modifiers before, 'of ...' after."""
        lex = self.lex
        readings: list[tuple[int, int]] = []
        for h in heads:
            s = h
            lo = max(cstart, h - _MAX_NAME_TOKENS)  # bounded: a scan to the chunk's start per head is
            # quadratic on a long run of capitalized words
            while s - 1 >= lo and (
                (_cap(doc[s - 1].text) or _acronym(doc[s - 1].text) or doc[s - 1].text == "-" or self._possessive_modifier(doc, s - 1, cstart, blocked))
                and doc[s - 1].text not in _MODIFIER_STOP
                and (s - 1 not in person_start or s == h)  # 'Nazarbayev University', not 'Putin Discuss Union'
                or (s - 1 in blocked and blocked[s - 1] in ("ORG", "COUNTRY"))
            ):
                s -= 1
            while s < h and doc[s].text == "-":
                s += 1
            e = h + 1
            while e < cend and doc[e].text in lex.heads:
                e += 1
            if e + 1 < cend and (doc[e].lower_ in ("of", "for") or doc[e].lower_ == "on" and doc[e - 1].text in _TOPICAL):
                k = e + 1
                if k < cend and doc[k].lower_ == "the":
                    k += 1
                t = k
                t_end = min(cend, k + _MAX_NAME_TOKENS)
                while t < t_end and t not in person_start and (
                    (t in blocked and blocked[t] in ("ORG", "COUNTRY"))
                    or _cap(doc[t].text) and doc[t].text not in _TAIL_STOP
                    or _acronym(doc[t].text)
                    or (doc[t].lower_ in ("of", "the", "-") and t + 1 < cend and (doc[t + 1].text[:1].isupper() or doc[t + 1].lower_ == "the"))
                    or (doc[t].lower_ == "and" and self._same_name_after_and(doc, t, cend, blocked))
                ):
                    if t in blocked and t > k and blocked.get(t - 1) != blocked[t] and blocked[t] == "COUNTRY" and doc[t - 1].lower_ not in ("of", "the", "and"):
                        break
                    t += 1
                while t > k and doc[t - 1].lower_ in ("of", "and", "the", "-"):
                    t -= 1
                if t > k:
                    e = t
            if s == h and e == h + 1:
                continue  # a head noun alone: 'the Council'
            if any(doc[i].text in _DECORATIONS for i in range(max(cstart, s - _MAX_NAME_TOKENS), s)):
                continue  # 'Order for Meritorious Service' is an award
            readings.append((s, e))
        return readings


    def _russian_organizations(self, doc: Doc, scan: Scan, blocked: dict[int, str]) -> list[Span]:
        """'Министерство экономического развития Российской Федерации', 'Евразийский банк
        развития', 'компания «Ромашка»': a name starts with a capital letter, has a head noun, and
        goes on with words in the genitive (or 'по' and its object)."""
        out = []
        n = len(doc)
        flags = self._person_flags
        for h in scan.heads:
            if h in blocked:
                continue  # 'Российской Федерации' is a state
            s = h
            # lower-case adjectives before the head, back to a capitalized one: 'Евразийский банк'
            while s > 0 and "ADJF" in flags(doc, s - 1) and s - 1 not in blocked and not doc[s].text[:1].isupper():
                s -= 1
            if not doc[s].text[:1].isupper() or s > 0 and doc[s - 1].text in (".", "!", "?") and s == h:
                continue
            e = h + 1
            while e < n and doc[e].is_alpha and e not in blocked and doc[e].is_lower and "gent" in flags(doc, e):
                e += 1
            if e < n and doc[e].norm_ == "по" and doc[h].norm_ in _RU_TOPICAL and e + 1 < n and doc[e + 1].is_lower:
                k = e + 1
                while k < n and k - e <= 3 and doc[k].is_alpha and doc[k].is_lower and k not in blocked:
                    k += 1
                e = k
            while e < n and blocked.get(e) in ("COUNTRY", "ORG"):
                e += 1
            if e - s < 2:
                continue
            text = " ".join(t.norm_ for t in doc[s:e])
            if text in self.lex.generic:
                continue
            out.append(_span(doc, s, e, label="ORG", evidence="pattern"))
        for start, end in scan.quoted:
            out.append(_span(doc, start, end, label="ORG", evidence="pattern"))
        return out

    @staticmethod
    def _title_case_line(text: str, start: int) -> bool:
        """A headline in Title Case ('Lukashenko, Putin Discuss Union State Integration At ...'),
        where capitals do not mark names."""
        # bounded searches, same answer (a whole-line search per call is quadratic on a one-line text)
        a = text.rfind("\n", max(0, start - 201), start) + 1
        b = text.find("\n", start, start + 201)
        if (a == 0 and start > 201) or (b < 0 and len(text) > start + 201):
            return False  # a paragraph, not a headline
        b = len(text) if b < 0 else b
        if b - a > 200:
            return False  # a paragraph, not a headline
        words = [w for w in text[a:b].split() if w[:1].isalpha()]
        return len(words) >= 4 and all(w[:1].isupper() for w in words) and any(w.lower() in _SMALL_WORDS for w in words)

    def _possessive_modifier(self, doc: Doc, i: int, cstart: int, blocked: dict[int, str]) -> bool:
        """'People's Liberation Army', 'Artists' Union': not 'Russia's Security Council'."""
        return doc[i].text in _POSSESSIVE and i - 1 >= cstart and _cap(doc[i - 1].text) and i - 1 not in blocked and doc[i - 1].text not in self.lex.not_names

    def _same_name_after_and(self, doc: Doc, t: int, cend: int, blocked: dict[int, str]) -> bool:
        """'Ministry of Industry and Trade' goes on; '... Foundation and NOVATEK Board',
        '... and the Shanghai Cooperation Organisation' and '... Troops and Commander' (an
        office: the person's second post) do not."""
        j = t + 1
        if j >= cend or not doc[j].text[:1].isupper():
            return False
        if any(" ".join(w.text for w in doc[j : j + k]) in self._office_set for k in (1, 2, 3)):
            return False
        while j < cend and doc[j].text[:1].isupper():
            if doc[j].text in self.lex.heads or blocked.get(j) == "ORG":
                return False
            j += 1
        return True


# --- the resolver --------------------------------------------------------------------------


_MAX_NAME_TOKENS = 24
"""The longest stretch of modifiers before, or of 'of ...' tail after, an organization's head noun."""


class EntityResolver:
    """Picks one reading where candidates overlap and links what the text links."""

    def __init__(self, matcher: EntityMatcher) -> None:
        self.m = matcher
        self.g = matcher.gazetteer
        self.lang = matcher.lang

    def __call__(self, doc: Doc, text: str | None = None) -> tuple[list[Span], list[Span]]:
        text = doc.text if text is None else text
        scan = self.m.scan(doc, text)
        gaz = self.m.candidates(doc, scan)
        blocked: dict[int, str] = {}
        for s in gaz:
            if s.id_ in ("gazetteer",):
                for i in range(s.start, s.end):
                    if blocked.get(i) != "ORG":
                        blocked[i] = s.label_
        persons = self.m.persons(doc, scan, blocked)
        orgs = self.m.organizations(doc, scan, blocked, persons)
        candidates = gaz + persons + orgs
        chosen = self._select(candidates)
        chosen = self._validate(doc, chosen, candidates)
        chosen, foreign = self._known_extended(doc, chosen, candidates)
        chosen += self._inner(chosen, [c for c in candidates if (c.start, c.end) not in foreign])
        chosen = self._acronyms(doc, chosen, scan.acronym_defs, text)
        chosen = self._link_persons(doc, chosen, text)
        open_entities = doc.user_data.setdefault(OPEN_KEY, {})
        final = []
        for s in chosen:
            if not s.kb_id_:
                id_ = self._open_id(s, text)
                s = self._relabel(s, id_, s.label_)
            if s.kb_id_ not in self.g.entries:
                meta = open_entities.get(s.kb_id_)
                if meta is None:  # the name only for a new entity (Span.text makes a Token per word)
                    meta = open_entities[s.kb_id_] = {"type": s.label_, "name": self._canonical(s, text), "attributes": {}, "evidence": s.id_}
                office = doc.user_data.get(OFFICES_KEY, {}).get((s.start, s.end))
                if office and "office" not in meta["attributes"]:
                    meta["attributes"]["office"] = office
            final.append(s)
        final.sort(key=lambda s: (s.start, -s.end))
        for s in final:
            s._.evidence = s.id_
        return candidates, final

    # -- selection ----------------------------------------------------------------------------

    @staticmethod
    def _select(candidates: list[Span]) -> list[Span]:
        # each span's offsets and evidence read once: a Span's properties are calls into spaCy,
        # and the sort and the overlap test read them again and again
        ranked = sorted(((s.start, s.end, _PRIORITY.get(s.id_, 5), s) for s in candidates), key=lambda r: (r[0] - r[1], r[2], r[0]))
        taken: set[int] = set()
        kept = []
        for start, end, _, s in ranked:
            if not taken.isdisjoint(range(start, end)):
                continue
            kept.append(s)
            taken.update(range(start, end))
        return kept

    def _validate(self, doc: Doc, chosen: list[Span], candidates: list[Span]) -> list[Span]:
        strong: dict[str, list[int]] = {}
        for s in chosen:
            if s.id_ not in ("short", "capital") and s.kb_id_:
                strong.setdefault(s.kb_id_, []).append(s.start)
        alternatives: dict[tuple[int, int], list[Span]] = {}
        for c in candidates:
            if c.id_ == "short":
                alternatives.setdefault((c.start, c.end), []).append(c)
        out = []
        for s in chosen:
            ev = s.id_
            if ev == "short":
                pick = self._supported(doc, s, alternatives.get((s.start, s.end), [s]), strong)
                if pick is not None:
                    out.append(pick)
            elif ev == "capital":
                if self._metonym(doc, s):
                    out.append(s)
            elif s.label_ == "COUNTRY" and s.kb_id_ == "USA" and self._currency(doc, s):
                continue
            elif s.label_ == "LOCATION" and not (s.kb_id_ in self.g.entries and self.g.entries[s.kb_id_].reported):
                continue
            else:
                out.append(s)
        return out

    def _known_extended(self, doc: Doc, chosen: list[Span], candidates: list[Span]) -> tuple[list[Span], set[tuple[int, int]]]:
        """A pattern that extends a known organization's full name ('Supreme State Council of the
        Union State of Russia and Belarus', 'United Russia Party') is that organization, unless
        the extension names another state: then the known name inside it is no mention of that
        organization either (returned second, to be left out of the inner names)."""
        known = {}
        for c in candidates:
            if c.label_ == "ORG" and c.id_ == "gazetteer" and len(c) >= 2:
                if c.start not in known or len(c) > len(known[c.start]):
                    known[c.start] = c
        countries = [(c.start, c.end, c.kb_id_) for c in candidates if c.label_ == "COUNTRY"]
        out = []
        foreign: set[tuple[int, int]] = set()
        for s in chosen:
            k = known.get(s.start)
            if s.id_ == "pattern" and s.label_ == "ORG" and k is not None and k.end < s.end:
                nxt = doc[k.end]
                if nxt.lower_ in ("of", "for") or (s.end - k.end == 1 and nxt.text in self.m.lex.heads):
                    if self._other_state(k.kb_id_, k.end, s.end, countries):
                        foreign.add((k.start, k.end))
                    else:
                        s = self._relabel(s, k.kb_id_, "ORG", "gazetteer")
            out.append(s)
        return out, foreign

    def _other_state(self, id_: str, start: int, end: int, countries: list[tuple[int, int, str]]) -> bool:
        """Whether tokens start..end name a country other than the one whose body `id_` is:
        'Presidential Executive Office' is Russia's, but '... of the Kyrgyz Republic' is not."""
        entry = self.g.get(id_)
        state = next((p for p in entry.support if p != id_), None) if entry is not None else None
        if state is None or (self.g.get(state) is None or self.g.get(state).type != "COUNTRY"):
            return False
        return any(start <= cs and ce <= end and cid != state for cs, ce, cid in countries)

    def _titled(self, doc: Doc, i: int) -> bool:
        """Whether a title or an office stands right before token i ('Mr Putin', 'President Xi')."""
        if i == 0:
            return False
        prev = doc[i - 1]
        key = prev.norm_ if self.lang == "ru" else prev.lower_
        lex = self.m.lex
        return key in {t.casefold() for t in lex.honorifics} or prev.text in lex.offices or key in {o.casefold() for o in lex.offices if " " not in o}

    def _supported(self, doc: Doc, span: Span, options: list[Span], strong: dict[str, list[int]]) -> Span | None:
        """A short name stands for the option whose support the document mentions nearest before
        it (else nearest after); a person's surname alone also stands after a title."""
        best, best_key = None, None
        for o in options:
            entry = self.g.get(o.kb_id_)
            if entry is None:
                continue
            positions = [p for sid in entry.support for p in strong.get(sid, [])]
            if not positions:
                continue
            before = [span.start - p for p in positions if p < span.start]
            key = (0, min(before)) if before else (1, min(p - span.start for p in positions))
            if best_key is None or key < best_key:
                best, best_key = o, key
        if best is not None:
            if span.start > 0 and doc[span.start - 1].text in _POSSESSIVE and best.label_ == "ORG":
                owner = span.start - 2
                entry = self.g.get(best.kb_id_)
                if owner >= 0 and entry is not None and not any(p <= owner < p + 8 for sid in entry.support for p in strong.get(sid, [])):
                    return None  # "the company's Security Council"
            return best
        persons = [o for o in options if o.label_ == "PERSON"]
        if len(persons) == 1 and self._titled(doc, span.start):
            return persons[0]
        if persons and self._titled(doc, span.start):
            s = _span(doc, span.start, span.end, label="PERSON", evidence="pattern")
            return s
        return None

    def _metonym(self, doc: Doc, s: Span) -> bool:
        """'Minsk and Moscow share views' names the states; 'talks in Moscow' is a venue."""
        prev = s.start - 1
        while prev >= 0 and doc[prev].lower_ == "the":
            prev -= 1
        if prev >= 0:
            word = doc[prev].norm_ if self.lang == "ru" else doc[prev].lower_
            if word in _PREPOSITIONS[self.lang] and not (word in ("and", "и") and self._capital_before(doc, prev)):
                return False
            if doc[prev].text in (",", "(") or "\n" in doc[prev].text_with_ws:
                return self._followed_by_word(doc, s)
        else:
            return self._followed_by_word(doc, s)
        return self._followed_by_word(doc, s)

    def _capital_before(self, doc: Doc, i: int) -> bool:
        return i > 0 and doc[i - 1].text[:1].isupper()

    def _followed_by_word(self, doc: Doc, s: Span) -> bool:
        """A capital stands for its government when a verb follows ('Moscow believes', 'Minsk
        and Moscow share') or it owns something ('Kiev's course'), not in 'the Minsk agreements'."""
        if s.end >= len(doc) or "\n" in doc[s.end - 1].whitespace_:
            return False
        nxt = doc[s.end]
        if nxt.text in _POSSESSIVE:
            return True
        if nxt.lower_ in ("and", "и") and s.end + 2 < len(doc) and doc[s.end + 1].text[:1].isupper():
            nxt = doc[s.end + 2]  # 'Minsk and Moscow share views': the verb after the pair
        if not (nxt.is_alpha and nxt.is_lower):
            return False
        if self.lang == "ru":
            return self.m.analyze is not None and "VERB" in self.m.analyze(nxt.text)
        return nxt.lower_ in _VERBS or nxt.lower_.endswith("ed")

    def _currency(self, doc: Doc, s: Span) -> bool:
        """'US dollars', 'долларов США': a currency, not the state."""
        before = doc[s.start - 1] if s.start > 0 else None
        after = doc[s.end] if s.end < len(doc) else None
        words = {t.lower_ if self.lang == "en" else t.norm_ for t in (before, after) if t is not None}
        return bool(words & _CURRENCY)

    def _inner(self, chosen: list[Span], candidates: list[Span]) -> list[Span]:
        """Countries and organizations named inside an organization's name ('Ministry of Commerce
        of China', 'CSTO Collective Security Council'), unless the entry says otherwise."""
        orgs = [s for s in chosen if s.label_ == "ORG"]
        if not orgs:
            return []
        chosen_keys = {(s.start, s.end) for s in chosen}
        # candidates by start, so that each organization looks only at those inside it (a scan of
        # every candidate per organization is quadratic); the original order is kept
        order = sorted(range(len(candidates)), key=lambda i: candidates[i].start)
        starts = [candidates[i].start for i in order]
        out = []
        for org in orgs:
            entry = self.g.get(org.kb_id_)
            allowed = entry.attributes.get("countries") if entry else None
            within = sorted(order[bisect_left(starts, org.start):bisect_left(starts, org.end)])
            inner = [c for c in (candidates[i] for i in within) if c.end <= org.end and (c.start, c.end) != (org.start, org.end)]
            inner = [c for c in inner if c.id_ == "gazetteer" and c.label_ in ("COUNTRY", "ORG") and c.kb_id_ != org.kb_id_ and (c.start, c.end) not in chosen_keys]
            for c in self._select(inner):
                if c.label_ == "COUNTRY" and allowed is not None and c.kb_id_ not in allowed.split():
                    continue
                out.append(c)
        return out

    # -- linking ------------------------------------------------------------------------------

    def _acronyms(self, doc: Doc, chosen: list[Span], defs: list[tuple[int, int]], text: str) -> list[Span]:
        """'the Shanghai Cooperation Organization (SCO)': both forms are one entity, and so is
        every other 'SCO' in the document."""
        if not defs:
            return chosen
        by_end = {s.end: s for s in chosen if s.label_ in ("ORG",)}
        by_start = {s.start: s for s in chosen}
        out = list(chosen)
        for start, end in defs:
            acr_i = start + 1
            acr = doc[acr_i].text
            long = by_end.get(start)
            inside = by_start.get(acr_i)
            if long is None:
                long = self._initials_match(doc, start, acr)
                if long is None:
                    continue
                out.append(long)
            if inside is not None and inside.kb_id_ and long.kb_id_ != inside.kb_id_:
                if long.id_ == "pattern":  # a known acronym names the long form
                    out.remove(long) if long in out else None
                    out.append(self._relabel(long, inside.kb_id_, inside.label_, "acronym"))
                continue
            id_ = long.kb_id_ or self._open_id(long)
            if not long.kb_id_:
                out = [self._relabel(s, id_, s.label_) if s is long else s for s in out]
            taken = {i for s in out for i in range(s.start, s.end)}
            for m in re.finditer(rf"(?<![\w.]){re.escape(acr)}(?![\w])", text):
                span = doc.char_span(m.start(), m.end())
                if span is None or any(i in taken for i in range(span.start, span.end)):
                    continue
                new = _span(doc, span.start, span.end, label=long.label_, kb_id=id_, evidence="acronym")
                out.append(new)
                taken.update(range(span.start, span.end))
        return out

    def _initials_match(self, doc: Doc, paren: int, acr: str) -> Span | None:
        """The capitalized words before '(' whose initials spell the acronym: 'International
        Syria Support Group (ISSG)'. Reported as an organization only with a head noun."""
        letters = [c for c in acr if c.isupper()]
        i, want = paren - 1, list(reversed(letters))
        words = 0
        while i >= 0 and want:
            t = doc[i].text
            if t.lower() in ("of", "the", "and", "for", "on", "-", "&", "in"):
                i -= 1
                continue
            if not t[:1].isupper() or t[0] != want[0]:
                return None
            want.pop(0)
            words += 1
            i -= 1
        if want or words < 2:
            return None
        span = doc[i + 1 : paren]
        if not any(t.text in self.m.lex.heads for t in span):
            return None
        org = _span(doc, span.start, span.end, label="ORG", evidence="pattern")
        return org

    def _link_persons(self, doc: Doc, chosen: list[Span], text: str) -> list[Span]:
        """Later surname-only mentions ('Pashinyan', 'Mr Li') go to the person named in full;
        an open-world surname alone ('Mr Smith') joins the full name with that surname."""
        persons = [s for s in chosen if s.label_ == "PERSON"]
        if not persons:
            return chosen

        def span_text(s: Span) -> str:  # Span.text, without a Token per word (text is the Doc's text)
            return text[s.start_char : s.end_char]

        surnames: dict[str, set[str]] = {}
        full: dict[str, Span] = {}
        for s in persons:
            id_ = s.kb_id_ or self._open_id(s, text)
            entry = self.g.get(id_)
            sn = entry.surname.get(self.lang) if entry else None
            if not sn:
                words = span_text(s).split()
                if len(words) < 2:
                    continue
                sn = words[-1]  # 'Maria Lvova-Belova' -> 'Lvova-Belova'
            surnames.setdefault(self._norm(sn), set()).add(id_)
            full.setdefault(id_, s)
        unique = {k: next(iter(v)) for k, v in surnames.items() if len(v) == 1}
        out = []
        for s in chosen:
            if s.label_ == "PERSON" and not s.kb_id_ and " " not in span_text(s) and self._norm(span_text(s)) in unique:
                id_ = unique[self._norm(span_text(s))]
                s = self._relabel(s, id_, "PERSON", "pattern")
            out.append(s)
        if not unique:
            return out
        taken = {i for s in out for i in range(s.start, s.end)}
        stems = sorted({self._stem(k, full[v]) for k, v in unique.items()}, key=len, reverse=True)
        rx = _surname_regex(tuple(stems), self.lang == "ru")
        for m in rx.finditer(text):
            span = doc.char_span(m.start(), m.end())
            if span is None or len(span) != 1 or span.start in taken or not text[m.start()].isupper():
                continue  # (a one-token span: its text is the match)
            id_ = unique.get(self._norm(m.group()))
            if id_ is None:
                continue
            new = _span(doc, span.start, span.end, label="PERSON", kb_id=id_, evidence="pattern")
            out.append(new)
            taken.add(span.start)
        return out

    def _norm(self, word: str) -> str:
        """A surname's key: its normal form in Russian; elsewhere case and accents folded, since
        gazetteers and texts spell the same name with and without them ('Niinisto', 'Niinistö')."""
        if self.lang == "ru" and " " not in word:
            return morphology.normal_form(word)
        return _fold_accents(word.casefold())

    def _stem(self, norm: str, span: Span) -> str:
        if self.lang != "ru":
            return next((t.text for t in span if self._norm(t.text) == norm), norm)
        return norm[:-1] if len(norm) > 4 and norm[-1] in "аяоеиыйь" else norm

    # -- ids ----------------------------------------------------------------------------------

    @staticmethod
    def _clean(text: str) -> str:
        text = " ".join(text.split()).strip(_QUOTES + " ")
        return re.sub(r"^(?:the|The)\s+", "", text)

    def _canonical(self, s: Span, text: str | None = None) -> str:
        """The name as a heading would give it: a Russian person's name in the nominative
        ('Иваном Петровичем Сидоровым' -> 'Иван Петрович Сидоров')."""
        if self.lang == "ru" and s.label_ == "PERSON":
            return " ".join(t.text if _INITIALS.match(t.text) or not t.is_alpha else t.norm_.capitalize() for t in s)
        return self._clean(s.text if text is None else text[s.start_char : s.end_char])

    def _open_id(self, s: Span, text: str | None = None) -> str:
        if s.kb_id_:
            return s.kb_id_
        if self.lang == "ru":  # one id whatever the case: 'Комитетом ...' and 'Комитет ...'
            return f"{s.label_}:{slug(' '.join(t.norm_ for t in s if t.text not in _QUOTES))}"
        return f"{s.label_}:{slug(self._canonical(s, text))}"

    @staticmethod
    def _relabel(s: Span, id_: str, label: str, evidence: str | None = None) -> Span:
        return _span(s.doc, s.start, s.end, label=label, kb_id=id_, evidence=evidence or s.id_)


@lru_cache(maxsize=4096)
def _fold_accents(word: str) -> str:
    """'niinistö' -> 'niinisto', 'erdoğan' -> 'erdogan': combining marks dropped after NFKD."""
    if word.isascii():
        return word
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


@lru_cache(maxsize=1024)
def _surname_regex(stems: tuple[str, ...], ignore_case: bool) -> re.Pattern[str]:
    """Any of the stems with a word's ending, not after a word character or a dot.
    The test for the word's start stands after each stem's first letter, so that the regex engine
    looks only at the places where a stem's first letter is (a lookbehind first is tried at every
    character of the text); the stems of one document are often those of the next."""
    if all(stems):
        branches = (f"{re.escape(x[0])}(?<![\\w.]{re.escape(x[0])}){re.escape(x[1:])}" for x in stems)
        return re.compile("(?:" + "|".join(branches) + r")\w*", re.IGNORECASE if ignore_case else 0)
    return re.compile(r"(?<![\w.])(?:" + "|".join(re.escape(x) for x in stems) + r")\w*", re.IGNORECASE if ignore_case else 0)


def resolve(candidates: Iterable[Span]) -> list[Span]:
    """Keep the longest reading where candidates overlap (stronger evidence first on a tie)."""
    return sorted(EntityResolver._select(list(candidates)), key=lambda s: s.start)


def in_ranges(ranges: Sequence[tuple[int, int]]) -> Callable[[int], bool]:
    """A test for 'this character offset lies inside one of these sorted, disjoint ranges'."""
    starts = [r[0] for r in ranges]

    def inside(offset: int) -> bool:
        i = bisect_right(starts, offset) - 1
        return i >= 0 and offset < ranges[i][1]

    return inside


def entities_from_spans(
    spans: Iterable[Span], gazetteer: Gazetteer, text: str, keep: Callable[[int], bool] = lambda _: True
) -> list[Entity]:
    """Group resolved spans by id into `Entity` objects, in order of first mention.

    Only mentions in content (`keep`) count. `text` is the original input: mention texts are
    sliced from it, so that they match the input exactly even where the working text unified
    spaces or apostrophes.
    """
    grouped: dict[str, list[Span]] = {}
    open_entities: dict[str, dict] = {}
    for span in spans:
        open_entities = span.doc.user_data.get(OPEN_KEY, {})
        if keep(span.start_char):
            grouped.setdefault(span.kb_id_, []).append(span)
    entities = []
    for id_, group in grouped.items():
        entry = gazetteer.get(id_)
        meta = open_entities.get(id_)
        if entry is not None and not entry.reported:
            continue
        mentions = [Mention(text=text[s.start_char:s.end_char], start=s.start_char, end=s.end_char) for s in group]
        forms = dict.fromkeys(" ".join(m.text.split()) for m in mentions)
        if entry is not None:
            name, type_, attributes = entry.name, entry.type, dict(entry.attributes)
            acronyms = list(entry.acronyms)
        else:
            meta = meta or {}
            type_ = meta.get("type") or group[0].label_
            name = meta.get("name") or _longest(forms)
            attributes = dict(meta.get("attributes") or {})
            acronyms = []
        evidence = sorted({s.id_ or "gazetteer" for s in group})
        confidence = max(_CONFIDENCE.get(e, 0.6) for e in evidence) if entry is not None else min(0.7, max(_CONFIDENCE.get(e, 0.6) for e in evidence))
        aliases = list(dict.fromkeys([*acronyms, *(f for f in forms if f != name)]))
        entities.append(
            Entity(
                id=id_,
                type=type_,
                name=name,
                aliases=aliases,
                attributes=attributes,
                confidence=confidence,
                evidence=evidence,
                mentions=mentions,
            )
        )
    return entities


def _longest(forms: dict[str, None]) -> str:
    return max(forms, key=len)
