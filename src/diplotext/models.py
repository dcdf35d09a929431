"""The public data contract of diplotext.

This module is the bottom of the import graph: it imports nothing of ours, so every layer can
depend on it. The models are the documentation: every field says what it means, enumerations
are ``Literal`` types, and value objects are frozen.

Offsets everywhere are half-open ``[start, end)`` Python string indices into the *decoded
input* (``Statement.source.offsets`` says what that text is: the decoded file, or the text
extracted from an HTML page). ``input[start:end] == text`` holds for every span.

Money and other amounts are ``Decimal``. In JSON they are written as numbers (integers when
integral), and read back as ``Decimal`` without loss for up to 15 significant digits, which
covers every amount a statement can state.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, PlainSerializer

SCHEMA_VERSION = "1.0"


def _decimal_to_json(value: Decimal) -> int | float:
    """Integral amounts stay integers (38000000000), others become the shortest float."""
    if value == value.to_integral_value():
        return int(value)
    return float(value)


JsonDecimal = Annotated[Decimal, PlainSerializer(_decimal_to_json, return_type=int | float, when_used="json")]

Language = Literal["en", "ru"]
DocumentKind = Literal[
    "joint_statement", "declaration", "communique", "news_report", "press_release", "transcript", "other"
]
EntityType = Literal["ORG", "COUNTRY", "PERSON", "TREATY", "DOCUMENT", "LOCATION", "EVENT"]
# How precise a date is: a calendar unit, or a longer or looser stretch of time.
CalendarGranularity = Literal["day", "week", "month", "quarter", "half", "year"]
Granularity = Literal[CalendarGranularity, "decade", "century", "period"]
TopOfTextSource = Literal["dateline", "header", "byline", "letterhead"]
DateSource = Literal["caller", TopOfTextSource, "issued", "title", "publication", "opening", "body"]
FigureKind = Literal["money", "percent", "quantity", "count"]
SectionKind = Literal["title", "dateline", "lead", "heading", "paragraph", "point", "quote"]
# The stance classes, grouped by how the actor leans (their PLOVER and CAMEO codes are in
# resources/<lang>/stances.json "classes"): for, against, and asking something of others.
StanceFor = Literal["support", "welcome", "reaffirm", "commit", "agree"]
StanceAgainst = Literal["condemn", "oppose", "concern", "reject"]
StanceClass = Literal[StanceFor, StanceAgainst, "call_for"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Span(_Model):
    """A piece of the input, with its provenance."""

    text: str = Field(description="The characters of the input that this value was read from.")
    start: int = Field(ge=0, description="Start offset, inclusive, into the decoded input.")
    end: int = Field(ge=0, description="End offset, exclusive, into the decoded input.")


class Source(_Model):
    """Where the statement came from and how it was read."""

    path: str | None = Field(None, description="The input path as given (relative to the batch root in a batch).")
    sha256: str = Field(description="SHA-256 of the input bytes (of the UTF-8 text when given a string).")
    encoding: str = Field(description="The encoding the input was decoded from, e.g. 'utf-8', 'cp1251', 'utf-16'.")
    chars: int = Field(ge=0, description="Length of the decoded input in characters.")
    offsets: Literal["input", "html_text"] = Field(
        "input",
        description="What offsets index: 'input' is the decoded file itself; 'html_text' is the text "
        "extracted from an HTML page by `diplotext.text.html.html_to_text` (deterministic, so it can be re-made).",
    )
    diplotext_version: str = Field(description="The diplotext version that produced this output.")


class Removed(Span):
    """A stretch of the input judged not to be content (web boilerplate), kept so nothing is lost."""

    reason: str = Field(description="Why it was removed, e.g. 'menu', 'ticker', 'footer', 'short-line-run'.")


class Section(_Model):
    """One unit of the document's structure, in reading order."""

    index: int = Field(ge=0, description="Position in reading order, from 0.")
    kind: SectionKind = Field(description="What this section is in the document's structure.")
    heading: str | None = Field(None, description="The heading this section falls under, if any.")
    number: str | None = Field(None, description="The point's own number as written ('1', 'IV', 'Article 3').")
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str = Field(description="The section's cleaned text (whitespace runs folded, no boilerplate).")
    topics: list[str] = Field(default_factory=list, description="Topic labels scored from the topic lexicon, best first.")
    speaker: str | None = Field(
        None, description="For a speaker's turn in a transcript: the speaker as the text labels them ('President of Russia Vladimir Putin')."
    )


class Mention(Span):
    """One occurrence of an entity in the input."""


class Entity(_Model):
    """One distinct entity: all mentions that resolve to the same canonical id."""

    id: str = Field(description="Canonical id: ISO 3166-1 alpha-3 for countries, gazetteer id otherwise.")
    type: EntityType
    name: str = Field(description="Canonical name in English.")
    aliases: list[str] = Field(default_factory=list, description="Other names: acronyms, forms the text uses.")
    attributes: dict[str, str] = Field(default_factory=dict, description="ISO codes, office, country, parent, kind.")
    confidence: float = Field(1.0, ge=0.0, le=1.0, description="1.0 for gazetteer hits; lower for open-world finds.")
    evidence: list[str] = Field(default_factory=list, description="What produced it: 'gazetteer', 'acronym', 'pattern', ...")
    mentions: list[Mention] = Field(default_factory=list)


class DateMention(Span):
    """One calendar reference in the text, normalized."""

    value: str | None = Field(description="ISO value as precise as the text: YYYY-MM-DD, YYYY-MM or YYYY; null if unresolved.")
    granularity: Granularity
    relative: bool = Field(False, description="True for 'this year', 'last month', ... (resolved against the document date).")
    role: Literal["point", "range_start", "range_end"] = Field("point", description="Ends of a range are separate mentions.")
    period_end: str | None = Field(None, description="For periods ('the first half of 2024'): the last day, ISO.")
    qualifier: str | None = Field(None, description="The part of the period meant: 'early', 'mid', 'late', 'beginning', 'end' ('mid-2020').")
    note: str | None = Field(None, description="Why a value is missing or approximate, e.g. 'no document date to resolve against'.")
    confidence: float = Field(1.0, ge=0.0, le=1.0, description="1.0 for a date the grammar reads whole; lower where an order or a part was guessed.")
    evidence: list[str] = Field(default_factory=list, description="What read it: the grammar rule ('month_day', ...) or 'dateparser'.")


class DocumentDate(_Model):
    """The document's own date and where it was read from."""

    value: str = Field(description="ISO YYYY-MM-DD, YYYY-MM or YYYY.")
    granularity: Granularity
    source: DateSource = Field(
        description="Where it was found; 'caller' when given through the API or CLI."
    )
    text: str | None = None
    start: int | None = None
    end: int | None = None


class Figure(Span):
    """A number that measures something: money, a percentage, a quantity with a unit, a count."""

    value: JsonDecimal = Field(description="The number with its scale applied ('US$ 38 billion' is 38000000000).")
    kind: FigureKind
    currency: str | None = Field(None, description="ISO 4217 code for money, else null.")
    unit: str | None = Field(None, description="'percent' for percentages, a unit name ('tonne') for quantities, else null.")
    measure: str | None = Field(None, description="What it measures: 'trade_volume', 'investment', 'gdp', ...")
    year: str | None = Field(None, description="The year the figure refers to, four digits ('2011'), or null.")
    period: str | None = Field(None, description="The month or day of the governing date when it is finer than a year, ISO ('2022-06').")
    qualifier: str | None = Field(None, description="'exceeded', 'over', 'about', 'nearly', 'up to', ...")
    change: bool = Field(False, description="True when the figure is a change ('grew by 34.9 percent').")
    target: bool = Field(False, description="True when the figure is a goal ('to reach $100 billion by 2030').")
    currency_inferred: bool = Field(False, description="True when the currency is not written but taken from the context ('$' of a Canadian ministry).")
    confidence: float = Field(1.0, ge=0.0, le=1.0, description="1.0 for a figure read whole; lower where its unit or currency was inferred.")
    evidence: list[str] = Field(default_factory=list, description="What read it: the grammar rule ('currency_first', ...).")


class Event(_Model):
    """Something that happened or is planned: a visit, a meeting, a signing, a ratification."""

    type: str = Field(description="'visit', 'meeting', 'talks', 'summit', 'signing', 'ratification', 'entry_into_force', ...")
    actors: list[str] = Field(default_factory=list, description="Entity ids of who acts.")
    instrument: str | None = Field(None, description="Entity id of the treaty or document concerned.")
    place: str | None = Field(None, description="Entity id or name of the place.")
    date: str | None = Field(None, description="ISO date of the event when the text gives it.")
    trigger: Span | None = Field(None, description="The word or phrase that signals the event.")
    evidence: Span = Field(description="The sentence the event was read from (a window of 1,000 characters around the trigger when the sentence is longer).")


class Stance(_Model):
    """A position taken: who supports, condemns, welcomes, ... what."""

    actor: list[str] = Field(default_factory=list, description="Entity ids, or 'parties' for the signatories.")
    stance: StanceClass
    target: str = Field(description="What the stance is about, in the text's words.")
    target_ids: list[str] = Field(default_factory=list, description="Entity ids inside the target.")
    plover: str | None = Field(None, description="The PLOVER/CAMEO root it maps to, where one corresponds.")
    trigger: Span | None = None
    evidence: Span = Field(description="The sentence the stance was read from (a window of 1,000 characters around the trigger when the sentence is longer).")


class Statement(_Model):
    """A diplomatic text turned into structured data."""

    schema_version: str = Field(SCHEMA_VERSION, description="Version of this JSON contract.")
    source: Source
    language: Language
    title: str | None = Field(None, description="The document's title.")
    title_span: Span | None = Field(None, description="Where the title stands in the input.")
    kind: DocumentKind = Field(description="What sort of document this is.")
    kind_evidence: list[str] = Field(
        default_factory=list,
        description="The named cues that decided `kind` ('title_names_document', 'release_label', 'agency_dateline', ...).",
    )
    date: DocumentDate | None = Field(None, description="The document's own date; null when the text does not say.")
    venue: str | None = Field(None, description="Where the statement was made or the event took place.")
    parties: list[str] = Field(default_factory=list, description="Entity ids of those making the statement.")
    sections: list[Section] = Field(default_factory=list)
    entities: list[Entity] = Field(default_factory=list)
    dates: list[DateMention] = Field(default_factory=list)
    figures: list[Figure] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    stances: list[Stance] = Field(default_factory=list)
    removed: list[Removed] = Field(default_factory=list, description="Boilerplate taken out, with offsets and a reason.")
    warnings: list[str] = Field(default_factory=list, description="Anything the reader should know about this output.")

    def entity(self, id: str) -> Entity | None:
        """The entity with this id, if the statement names it."""
        return next((e for e in self.entities if e.id == id), None)


def json_schema() -> dict[str, Any]:
    """The JSON Schema of `Statement`, as published with the package."""
    return Statement.model_json_schema(mode="serialization")
