"""The contracts of the date, figure and number lexicons (``<lang>/dates.json``,
``figures.json``, ``numbers.json``), one model per file kind, the same for every language."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, conint, constr

from . import ResourceModel

Words = list[constr(min_length=1)]  # type: ignore[valid-type]
Currency = constr(pattern=r"^[A-Z]{3}$")  # ISO 4217


class Month(ResourceModel):
    """One month: its forms (the first is what dateparser is given for the month alone),
    abbreviations (which may take a dot), and the form after a day number when it differs."""

    forms: Words = Field(min_length=1)
    abbreviations: Words
    day_form: str | None = None


class Relative(ResourceModel):
    text: str
    unit: Literal["year", "month", "day"]
    offset: int


class DatesLexicon(ResourceModel):
    doc: str = Field(alias="_doc")
    months: list[Month] = Field(min_length=12, max_length=12)
    months_capitalized: bool
    ambiguous_months: Words
    day_suffixes: Words
    of: Words
    year_words: Words
    year_words_plural: Words
    range_prefixes: dict[str, Words]
    range_dashes: Words = Field(min_length=1)
    month_prepositions: Words
    strong_month_prepositions: Words | None = None
    year_not_after: Words
    count_nouns_after_year: Words
    relative: list[Relative]
    relative_after_month: Words
    quarters: dict[str, conint(ge=1, le=4)]  # type: ignore[valid-type]
    halves: dict[str, conint(ge=1, le=2)]  # type: ignore[valid-type]
    period_articles: Words
    decade_modifiers: Words
    decade_suffixes: Words = Field(min_length=1)
    decade_separator: str
    two_digit_decades: bool
    issued_prefixes: Words
    publication_prefixes: Words
    month_relative_words: dict[str, int]
    see_also: Words
    plural_verbs_after_year: Words
    future_year_prepositions: Words
    year_prepositions: Words
    ambiguous_month_blockers: Words
    range_connectors: Words
    range_connector_fillers: Words
    date_starters: Words
    numeric_shapes: Words
    bare_years: tuple[int, int] | None
    round_year_count_suffix: str
    numeric_order: Literal["mdy", "dmy"]
    date_qualifiers: dict[str, Literal["early", "mid", "late", "beginning", "end"]]
    current_year_words: Words
    list_connectors: Words
    list_connector_fillers: Words
    year_after_months: Words
    weekdays: Words
    weekday_prepositions: Words
    weekday_determiners: Words
    week_determiners: Words
    weeks: Words
    ago_units: dict[str, Literal["day", "week", "month", "year"]]
    ago_words: Words
    ago_counts: Words
    month_of: Words  # "the month of" before a month name: the month alone
    week_offsets: dict[str, int]  # "next" week: +1 ("Friday next week", "this week Monday")
    weekday_ordinals: dict[str, conint(ge=-1, le=5)]  # type: ignore[valid-type]  # "the first Friday of July"
    ordinal_day_prepositions: Words  # "on the 18th": a day of the document's month
    in_words: Words  # "in two weeks" (with a future marker before it in the sentence)
    future_markers: Words
    year_from_sentence_before: bool  # "23 февраля" takes the year named in its sentence or the one before
    duration_cues: Words  # "the first mill in 40 years": "in N years" after these is a duration
    day_ordinal_words: dict[str, conint(ge=1, le=31)]  # type: ignore[valid-type]  # "the twenty-first of June"
    day_number_words: dict[str, conint(ge=1, le=31)]  # type: ignore[valid-type]  # "June twenty-three", "Friday the fifteen"
    weekday_abbreviations: dict[str, conint(ge=0, le=6)]  # type: ignore[valid-type]  # "Tue" -> 1 (0 = Monday)
    day_word_followers: Words  # what may follow a day in words ("May twenty-first at noon"; not "March first steps")
    numeric_day_prepositions: Words  # "on 4/22", "from 10/1 to 11/7": a day and month in digits only after these (or a weekday)
    narrative_relatives: dict[str, Literal["day", "week", "month"]]  # "the next day": a date the text names elsewhere
    narrative_blockers: Words  # "every next day": no date
    narrative_ago_words: Words  # "two days later": after another date of the text, not the document's
    bare_weekdays: bool  # a weekday with no preposition ("met Tuesday"): not in Russian, where "среду" is also "environment"
    bare_weekday_blockers: Words  # "Good Friday", "every Tuesday", "a Monday": before a weekday alone, no date


class FiguresLexicon(ResourceModel):
    doc: str = Field(alias="_doc")
    currency_prefixes: dict[str, Currency]  # type: ignore[valid-type]
    currency_codes_after: dict[str, Currency]  # type: ignore[valid-type]
    currency_words: dict[str, Currency]  # type: ignore[valid-type]
    percent: Words
    percentage_points: Words
    units: dict[str, constr(pattern=r"^[^@]+(@\d+)?$")]  # type: ignore[valid-type]  # "tonne", "tonne@1000"
    case_sensitive_units: Words
    qualifiers: dict[str, str]
    change_prepositions: Words
    change_adverbs: Words
    change_words: Words
    change_after: Words
    target_words: Words
    target_blockers: Words
    measures: dict[str, str]
    figure_window_before: conint(ge=0)  # type: ignore[valid-type]
    figure_window_after: conint(ge=0)  # type: ignore[valid-type]
    ambiguous_qualifiers: Words
    range_connectors: Words
    elided_noun_followers: Words
    reversed_percent_words: Words  # "percent of 10": the percent words read before their number
    reversed_percent_of: Words  # the word between them ("of")
    target_year_prepositions: Words
    match_normal_forms: bool
    scaled_money_units: dict[str, Currency]  # type: ignore[valid-type]
    unit_hyphen: bool
    target_prepositions: Words
    target_verbs: Words
    restatement_brackets: Words
    negative_words: Words  # "minus 5 percent"
    digit_only_units: Words  # read only after digits ("16-bit", not "not one bit")
    minor_unit_joiners: Words  # "3 dollars and 50 cents"
    measure_blockers: Words  # "electronic commerce": the pair names no measure its head would


class NumbersLexicon(ResourceModel):
    doc: str = Field(alias="_doc")
    scales: dict[str, conint(ge=1000)]  # type: ignore[valid-type]
    attached_scales: dict[str, conint(ge=1000)]  # type: ignore[valid-type]
    words: dict[str, float]
    words_need_scale: Words
    hundred: Words
    decimal_separator: constr(min_length=1, max_length=1)  # type: ignore[valid-type]
    group_separators: list[constr(min_length=1, max_length=1)]  # type: ignore[valid-type]
    other_decimal_separators: list[constr(min_length=1, max_length=1)]  # type: ignore[valid-type]


SCHEMAS = {f"{lang}/{name}.json": model for lang in ("en", "ru")
           for name, model in (("dates", DatesLexicon), ("figures", FiguresLexicon), ("numbers", NumbersLexicon))}
