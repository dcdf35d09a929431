"""Organizations, countries and persons, resolved to canonical ids.

Two passes, as in spaCy's SpanRuler: every gazetteer name that matches goes into
``doc.spans["diplotext_candidates"]`` (overlaps allowed), then the resolver keeps the longest,
most specific reading in ``doc.spans["diplotext_entities"]`` ("Parliamentary Assembly of the
Union of Belarus and Russia" is one organization, not an assembly plus two countries). Each
span's ``label_`` is the entity type and ``kb_id_`` the canonical id.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterable, Sequence

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from ..models import Entity, Mention
from .gazetteer import Gazetteer, GazetteerEntry

CANDIDATES_KEY = "diplotext_candidates"
ENTITIES_KEY = "diplotext_entities"


class EntityMatcher:
    """Finds every gazetteer name in a Doc: names case-insensitively, acronyms as written."""

    def __init__(self, nlp: Language, gazetteer: Gazetteer, lang: str) -> None:
        self.lang = lang
        self.gazetteer = gazetteer
        # Russian names inflect: match on the normal forms the morphology component writes to NORM.
        self.attr = "NORM" if lang == "ru" and nlp.has_pipe("diplotext_morph") else "LOWER"
        self._names = PhraseMatcher(nlp.vocab, attr=self.attr)
        self._exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        self._capitals = PhraseMatcher(nlp.vocab, attr=self.attr)
        self._key_to_entry: dict[int, GazetteerEntry] = {}
        prepare = self._pattern_maker(nlp)
        for entry in gazetteer.entries.values():
            key = nlp.vocab.strings.add(entry.id)
            self._key_to_entry[key] = entry
            names = [n for n in entry.names.get(lang, ()) if n not in entry.acronyms]
            if names:
                self._names.add(entry.id, list(prepare(names)))
            if entry.acronyms:
                self._exact.add(entry.id, list(nlp.tokenizer.pipe(entry.acronyms)))
            capitals = entry.metonyms.get(lang, ())
            if capitals:
                self._capitals.add(entry.id, list(prepare(capitals)))

    @staticmethod
    def _pattern_maker(nlp: Language) -> Callable[[Sequence[str]], Iterable[Doc]]:
        morph = nlp.get_pipe("diplotext_morph") if nlp.has_pipe("diplotext_morph") else None

        def prepare(names: Sequence[str]) -> Iterable[Doc]:
            for doc in nlp.tokenizer.pipe(names):
                yield morph(doc) if morph is not None else doc

        return prepare

    def __call__(self, doc: Doc) -> list[Span]:
        spans: list[Span] = []
        for matcher, evidence in ((self._names, "gazetteer"), (self._exact, "gazetteer"), (self._capitals, "capital")):
            for match_id, start, end in matcher(doc):
                entry = self._key_to_entry[match_id]
                span = Span(doc, start, end, label=entry.type, kb_id=entry.id)
                if matcher is not self._exact and not self._cased_like_a_name(span):
                    continue
                span._.evidence = evidence
                spans.append(span)
        return spans

    def _cased_like_a_name(self, span: Span) -> bool:
        """English proper names are capitalized: 'Turkey' the state, not 'turkey' the bird."""
        if self.lang != "en":
            return True
        first = span.text.lstrip("'\"(")
        return bool(first) and (first[0].isupper() or first[0].isdigit())


def resolve(candidates: Iterable[Span]) -> list[Span]:
    """Keep the longest reading where candidates overlap (gazetteer names before metonyms)."""
    ranked = sorted(candidates, key=lambda s: (s._.evidence != "gazetteer",))
    return sorted(filter_spans(ranked), key=lambda s: s.start)


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

    `text` is the original input: mention texts are sliced from it, so that they match the
    input exactly even where the working text unified spaces or apostrophes.
    """
    grouped: dict[str, list[Span]] = {}
    for span in spans:
        if keep(span.start_char):
            grouped.setdefault(span.kb_id_, []).append(span)
    entities = []
    for id_, group in grouped.items():
        entry = gazetteer.get(id_)
        mentions = [Mention(text=text[s.start_char:s.end_char], start=s.start_char, end=s.end_char) for s in group]
        forms = dict.fromkeys(m.text for m in mentions)
        name = entry.name if entry else group[0].text
        aliases = list(dict.fromkeys([*(entry.acronyms if entry else ()), *(f for f in forms if f != name)]))
        evidence = sorted({s._.evidence or "gazetteer" for s in group})
        entities.append(
            Entity(
                id=id_,
                type=entry.type if entry else group[0].label_,
                name=name,
                aliases=aliases,
                attributes=dict(entry.attributes) if entry else {},
                confidence=1.0 if entry else 0.6,
                evidence=evidence,
                mentions=mentions,
            )
        )
    return entities
