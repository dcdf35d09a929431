"""Contracts of the relations layer's files: instruments, event and stance lexicons, and the words
the relation rules share, per language."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from . import ResourceModel

Words = list[str]


class _Documented(ResourceModel):
    doc: str = Field(alias="_doc", description="What the file holds and how its keys are read.")


class SharedWords(_Documented):
    """``<lang>/relations.json``: words the event, stance and instrument rules all read."""

    person_titles: Words
    articles: Words
    org_joints: Words
    function_words: Words


class EventSpec(ResourceModel):
    type: str
    phrases: Words = Field(min_length=1)
    place_after: Words = []
    needs: Literal["instrument", "document"] | None = None
    needs_owner: bool = False
    window: bool = False
    unless_prev: Words = []
    unless_next: Words = []
    unless_next_only: Words = []


class EventLexicon(_Documented):
    """``<lang>/events.json``."""

    group_words: dict[str, Literal["PERSON", "COUNTRY"]]
    definite: Words
    anniversary_words: Words
    anniversary_endings: Words
    window_stops_before: Words
    window_stops_after: Words
    directional: Words
    document_words: Words
    negators: Words
    events: list[EventSpec] = Field(min_length=1)


class StanceClass(ResourceModel):
    plover: Literal["SUPPORT", "DISAPPROVE", "DEMAND", "AGREE", "REJECT"] | None


class StanceTrigger(ResourceModel):
    phrases: Words = Field(alias="phrases", min_length=1)
    form: Literal["verb", "noun", "ambiguous", "predicate"]
    object_in_target: bool = False
    class_: str = Field(alias="class")


class StanceSubjects(ResourceModel):
    parties: Words
    document: Words
    previous: Words


class StanceLexicon(_Documented):
    """``<lang>/stances.json``."""

    prepositions: Words
    greeting_skip: Words
    impersonal_subjects: Words
    agent_markers: Words
    clause_conjunctions: Words
    trailing_conjunctions: Words
    negation_window: int = Field(ge=1)
    classes: dict[str, StanceClass]
    triggers: list[StanceTrigger] = Field(min_length=1)
    expressers: Words
    expresser_gap: Words
    negators: Words
    verb_preceders: Words
    subjects: StanceSubjects
    greeting_objects: Words
    passive_aux: Words
    copulas: Words
    clause_openers: Words
    clause_stops: Words
    participle_exempt: Words
    target_strip: Words
    clause_verbs: Words
    speech_verbs: Words
    coordinators: Words


class InstrumentWords(_Documented):
    """``<lang>/instruments.json``: how a language names instruments."""

    connectors: Words
    openers: Words
    modifier_stops: Words
    description_stops: Words
    determiners: Words
    legal_triggers: Words
    trail: Words
    between: Words
    possessives: Words
    key_drop: Words
    key_spellings: dict[str, str]
    key_strip: str


class InstrumentKind(ResourceModel):
    type: Literal["TREATY", "DOCUMENT"]
    heads: dict[str, Words]
    strong: bool = False
    strong_by_lang: dict[str, bool] = {}
    capitalized_only: bool = False
    numbered: bool = False
    openers: Words | None = None


class KnownInstrumentEntry(ResourceModel):
    id: str
    type: Literal["TREATY", "DOCUMENT"]
    kind: str
    name: str
    parties: Words = []
    signed: str | None = Field(None, pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$")
    aliases: dict[str, Words] = {}


class Instruments(_Documented):
    """``instruments.json``: kinds of instrument and the well-known instruments."""

    kinds: dict[str, InstrumentKind]
    name_lang: str
    compatible: list[Words]
    instruments: list[KnownInstrumentEntry]


SCHEMAS = {
    "instruments.json": Instruments,
    **{f"{lang}/{name}.json": model for lang in ("en", "ru") for name, model in (
        ("relations", SharedWords), ("events", EventLexicon), ("stances", StanceLexicon), ("instruments", InstrumentWords)
    )},
}
