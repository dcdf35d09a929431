"""Contracts of the entity stage's data: the gazetteers, the lexicons of the open-world
recognizers, the packaged phrase tokens, and the Cyrillic bigram model of the decoder's
language check."""

from __future__ import annotations

from pydantic import Field, RootModel

from . import ResourceModel

Names = list[str]


class PerLanguage(ResourceModel):
    en: Names = []
    ru: Names = []


class Organization(ResourceModel):
    """One entry of orgs.json (`gazetteer.entry_from_dict` reads it)."""

    id: str
    name: str
    kind: str
    acronyms: Names
    aliases: PerLanguage
    parent: str | None = None
    context_aliases: PerLanguage | None = None
    metonyms: PerLanguage | None = Field(default=None, description="names that stand for the body where it acts ('the Kremlin said')")
    countries: Names | None = None


class Person(ResourceModel):
    """One entry of persons.json."""

    id: str
    name: str
    office: str
    aliases: PerLanguage
    standalone: bool
    country: str | None = None
    patronymic: str | None = None
    surname: str | None = Field(default=None, description="null: no derived forms; absent: the last word")


class CountryAdditions(ResourceModel):
    """Additions to pycountry's names for one alpha-3 code (or a non-ISO id)."""

    en: Names = []
    ru: Names = []
    capital_en: Names = []
    capital_ru: Names = []
    acronyms: Names = []
    name: str | None = None
    former: bool = False
    partially_recognized: bool = False


class Countries(ResourceModel):
    doc: str = Field(alias="_doc")
    exclude: Names = Field(alias="_exclude")
    model_config = {"extra": "allow", "frozen": True, "populate_by_name": True}

    def model_post_init(self, __context: object) -> None:
        """Every key besides '_doc' and '_exclude' is a code with its additions."""
        for value in (self.model_extra or {}).values():
            CountryAdditions.model_validate(value)


class Places(ResourceModel):
    doc: str = Field(alias="_doc")
    en: Names
    ru: Names


class GivenNames(ResourceModel):
    doc: str = Field(alias="_doc")
    names: Names


class EntityTokens(ResourceModel):
    about: str
    phrases: dict[str, Names]


class NormalForms(ResourceModel):
    about: str
    morphology: str
    norms: dict[str, str]


class Titles(ResourceModel):
    doc: str = Field(alias="_doc")
    honorifics: Names
    offices: Names
    not_names: Names = []
    name_particles: Names = []


class OrgHeads(ResourceModel):
    doc: str = Field(alias="_doc")
    heads: Names
    generic: Names
    weak_heads: Names = []
    connectors: Names = []
    tail_stop: Names = []
    modifier_stop: Names = []
    topical: Names = []
    decorations: Names = []
    headline_small_words: Names = []
    territory_words: Names = []
    located_heads: Names = []
    quoted_heads: Names = Field(default=[], description="regular expressions of head words before a quoted name")


class EntityContext(ResourceModel):
    doc: str = Field(alias="_doc")
    venue_words: Names
    conjunction: str
    verbs: Names
    verb_endings: Names
    currency_words: Names
    currency_states: Names
    of_words: Names
    articles: Names
    not_state_after: Names
    not_state_before: Names


class StateBodyKind(ResourceModel):
    key: str
    name: str
    en: Names
    ru: Names


class StateBodies(ResourceModel):
    doc: str = Field(alias="_doc")
    bodies: list[StateBodyKind]


class CyrillicBigrams(ResourceModel):
    about: str
    alphabet: str
    frequent_words: Names
    logp: dict[str, float]


def _list_model(item: type[ResourceModel], name: str) -> type:
    """A JSON list of entries, each validated by `item`."""
    return type(name, (RootModel[list[item]],), {})  # type: ignore[valid-type]


SCHEMAS = {
    "orgs.json": _list_model(Organization, "Organizations"),
    "persons.json": _list_model(Person, "Persons"),
    "countries.json": Countries,
    "places.json": Places,
    "en/given_names.json": GivenNames,
    "en/entity_tokens.json": EntityTokens,
    "ru/entity_tokens.json": EntityTokens,
    "ru/normal_forms.json": NormalForms,
    "en/titles.json": Titles,
    "ru/titles.json": Titles,
    "en/org_heads.json": OrgHeads,
    "ru/org_heads.json": OrgHeads,
    "en/entity_context.json": EntityContext,
    "ru/entity_context.json": EntityContext,
    "cyrillic_bigrams.json": CyrillicBigrams,
    "state_bodies.json": StateBodies,
}
