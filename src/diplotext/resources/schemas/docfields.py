"""Contracts of the resource files of the document-level fields: layout and boilerplate, HTML
elements, speakers' labels, topics, and the cues of the document kind."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from . import ResourceModel

Words = list[str]


class Boilerplate(ResourceModel):
    """``<lang>/boilerplate.json``: generic site furniture (text/lines.py, text/title.py)."""

    doc: str = Field(alias="_doc")
    lines: Words
    prefixes: Words
    contains: Words
    ui_words: Words
    related_headers: Words
    taxonomy_headers: Words
    closing: Words
    language_names: Words
    relative_time_units: Words
    relative_time_words: Words


class LayoutWords(ResourceModel):
    """``<lang>/layout.json``: words lines are judged by (text/lines.py, text/title.py, segment/points.py)."""

    doc: str = Field(alias="_doc")
    weekdays: Words
    date_fillers: Words
    ticker_units: Words
    point_words: Words
    title_nouns: Words
    title_articles: Words
    title_noun_modifiers: Words
    title_continuations: Words
    byline_openers: Words


class SpeakerWords(ResourceModel):
    """``<lang>/speakers.json``: words of speakers' labels (segment/speakers.py)."""

    doc: str = Field(alias="_doc")
    label_words: Words
    qa_labels: Words
    office_words: Words
    office_modifiers: Words
    abbreviations: Words
    lowercase_label_words: bool


class Topics(ResourceModel):
    """``<lang>/topics.json``: topic -> terms; a term's word may end in '*' (a stem)."""

    doc: str = Field(alias="_doc")
    topics: dict[str, Words]


class KindCues(ResourceModel):
    """``<lang>/kinds.json``: cues of the document kind, parties and venue (extract/meta.py)."""

    doc: str = Field(alias="_doc")
    document_nouns: dict[str, str]
    title_prefixes: Words
    reporting_words: Words
    speech_titles: Words
    news_cues: Words
    official_cues: Words
    venue_cues: Words
    first_person: Words
    ed_adjectives: Words
    topic_words: Words
    topic_phrases: Words
    conjunctions: Words
    party_words: Words
    nominal_openers: Words
    nominal_heads: Words
    headline_verbs: Words
    headline_verb_patterns: Words
    not_verbs: Words
    city_first_words: Words
    release_titles: Words
    release_labels: Words
    party_nouns: Words
    declaring_phrases: Words
    statement_intros: Words
    closing_formulas: Words
    attributions: Words
    own_state_phrases: Words
    byline_openers: Words
    noun_markers: Words
    first_person_plural: Words
    attribution_exclusions: Words
    official_honorifics: Words


DocumentKindName = Literal["document", "joint_statement", "declaration", "communique", "press_release", "news_report",
                           "transcript", "other"]


class KindCueWeights(ResourceModel):
    """``kind_cues.json``: each cue's weight per kind (extract/kind/); every cue of `form.CUES` is named."""

    doc: str = Field(alias="_doc")
    default: dict[DocumentKindName, float]
    weights: dict[str, dict[DocumentKindName, float]]


class DocDateWords(ResourceModel):
    """``<lang>/docdate.json``: words the document's own date is found by (extract/docdate.py)."""

    doc: str = Field(alias="_doc")
    release_number_marks: Words
    meeting_words: Words


class HtmlElements(ResourceModel):
    """``html.json``: how html_to_text reads elements (text/html.py)."""

    doc: str = Field(alias="_doc")
    skip: Words
    skip_roles: Words
    block: Words
    paragraph: Words
    void: Words
    cell: Words
    sniff_tags: Words


SCHEMAS = {
    **{f"{lang}/{name}": model for lang in ("en", "ru") for name, model in (
        ("boilerplate.json", Boilerplate), ("layout.json", LayoutWords), ("speakers.json", SpeakerWords),
        ("topics.json", Topics), ("kinds.json", KindCues), ("docdate.json", DocDateWords),
    )},
    "html.json": HtmlElements,
    "kind_cues.json": KindCueWeights,
}
