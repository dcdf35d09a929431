"""Russian morphology below every extractor: one analyser, each word form analysed once."""

from __future__ import annotations

from diplotext.lang.ru import morphology


def test_each_word_form_is_analysed_once() -> None:
    first = morphology.parse("заявил")
    assert morphology.parse("заявил") is first
    assert morphology.pos("заявил") == "VERB"


def test_the_analyser_is_built_once() -> None:
    assert morphology.analyzer() is morphology.analyzer()


def test_normal_form_reads_capitalized_words_as_names() -> None:
    assert morphology.normal_form("Беларуси") == "беларусь"
    assert morphology.normal_form("Токаеву") == "токаев"
    assert morphology.normal_form("2024") == "2024"


def test_name_tags_mark_surnames_and_unknown_words() -> None:
    assert "Surn" in morphology.name_tags("Ниязовым")
    assert "UNKN" in morphology.name_tags("Пашинянщиной")


def test_nominative_of_a_place_in_an_oblique_case() -> None:
    assert morphology.nominative("Москве") == "москва"
    assert morphology.nominative("встретились") is None


def test_grammemes_of_the_likeliest_reading() -> None:
    assert morphology.case("России") == "gent"
    assert morphology.number("стороны") in ("sing", "plur")
    assert morphology.can_be_plural("стороны")
    assert morphology.is_lemma("москва")
    assert not morphology.is_lemma("москве")
