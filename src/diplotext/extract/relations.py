"""Instruments, events and stances read together: one pass over the sentences, shared indexes.

`find_relations` is what the pipeline calls: it indexes the Doc's sentences with the resolved
entities and the date mentions, finds the legal instruments (new entities of type TREATY or
DOCUMENT), then the events and the stances that refer to them, and finally writes onto each
instrument the dates the text gives for its signing, ratification, entry into force or
extension (``attributes``: ``signed``, ``ratified``, ``entered_into_force``, ``extended``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from spacy.tokens import Doc
from spacy.vocab import Vocab

from ..models import DateMention, Entity, Event, Stance
from .events import find_events, lexicon_words as event_words
from .instruments import find_instruments, instrument_entities, lexicon_words as instrument_words
from .stances import find_stances, lexicon_words as stance_words
from .sentence_units import Sentences
from .vocab_cache import cached_per_vocab

_DATED = {"signing": "signed", "ratification": "ratified", "entry_into_force": "entered_into_force", "extension": "extended"}


def _lexicon(vocab: Vocab, lang: str) -> frozenset[str]:
    """Every word the instrument, event and stance rules look up (`Sentences.lexicon`)."""
    return instrument_words(vocab, lang) | event_words(vocab, lang) | stance_words(vocab, lang)


_lexicon_for = cached_per_vocab(_lexicon)


@dataclass(frozen=True)
class Relations:
    instruments: list[Entity]
    events: list[Event]
    stances: list[Stance]


def find_relations(
    doc: Doc,
    lang: str,
    text: str,
    keep: Callable[[int], bool] = lambda _: True,
    dates: Iterable[DateMention] = (),
    gazetteer: Path | None = None,
) -> Relations:
    """Instrument entities, events and stances of one Doc (`text`: the input, for the spans)."""
    sents = Sentences(doc, keep, _lexicon_for(doc.vocab, lang))
    sents.add_dates(dates)
    found, refs = find_instruments(doc, lang, sents)
    sents.add_instruments(refs)
    events = find_events(doc, lang, sents, text, gazetteer)
    stances = find_stances(doc, lang, sents, text)
    instruments = instrument_entities(found, text, doc, keep)
    dated: dict[str, dict[str, str]] = {}
    for ev in events:
        key = _DATED.get(ev.type)
        if key and ev.instrument and ev.date:
            dated.setdefault(ev.instrument, {}).setdefault(key, ev.date)
    instruments = [
        e.model_copy(update={"attributes": {**dated.get(e.id, {}), **e.attributes}}) if e.id in dated else e for e in instruments
    ]
    return Relations(instruments, events, stances)
