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


# -- the package's answers are those of pymorphy3's own objects (tests/reference/morphology.py) --

import re  # noqa: E402
from pathlib import Path  # noqa: E402

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402
from reference import morphology as plain  # noqa: E402

from diplotext.components import RussianNormalizer  # noqa: E402
from diplotext.nlp import get_nlp  # noqa: E402

_REPO = Path(__file__).resolve().parent.parent
_SOURCES = [*sorted((_REPO / "tests" / "corpus").glob("*_ru.py")), *sorted((_REPO / "src" / "diplotext" / "resources").rglob("*.json"))]
_REAL = sorted({w for f in _SOURCES for w in re.findall(r"[А-ЯЁа-яё][А-ЯЁа-яё-]*", f.read_text(encoding="utf-8"))})
_LETTERS = st.sampled_from("аеёиклмнопрстуовыяАЕЁКМНПСТЮЯ-zQ7.")
_WORDS = st.one_of(st.sampled_from(_REAL), st.lists(_LETTERS, min_size=1, max_size=9).map("".join),
                   st.sampled_from(_REAL).map(str.capitalize), st.sampled_from(_REAL).map(str.lower))
_QUERIES = ("normal_form", "name_tags", "forms", "pos", "case", "number", "can_be_plural", "is_lemma", "is_known")


def test_the_real_words_are_many() -> None:
    assert len(_REAL) > 2000


@settings(max_examples=1500, deadline=None)
@given(_WORDS)
def test_every_query_is_its_plain_twin(word: str) -> None:
    for name in _QUERIES:
        if name != "normal_form" and not word[:1].isalpha():
            continue
        assert getattr(morphology, name)(word) == getattr(plain, name)(word), (name, word)


@settings(max_examples=300, deadline=None)
@given(st.lists(_WORDS, min_size=1, max_size=6))
def test_agree_is_its_plain_twin(words: list[str]) -> None:
    words = [w for w in words if w[:1].isalpha()]
    assert morphology.agree(words) == plain.agree(words)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(_WORDS, st.sampled_from([" ", "\n", ", ", ".", "«", "2024", "т.е.", "\u00a0"])), max_size=30).map(" ".join))
def test_the_normalizer_writes_the_plain_norms(text: str) -> None:
    nlp = get_nlp("ru")
    fast, slow = RussianNormalizer()(nlp.make_doc(text)), plain.normalize(nlp.make_doc(text))
    assert [t.norm_ for t in fast] == [t.norm_ for t in slow]
    assert [t.lex.norm_ for t in fast] == [t.lex.norm_ for t in slow]


def test_one_normalizer_over_many_docs_and_memory_zones_writes_the_plain_norms() -> None:
    # the norms it keeps from one Doc serve the next, also after a memory zone dropped their strings
    nlp = get_nlp("ru")
    texts = ["Президент Казахстана встретился с Путиным.", "Путину и Назарбаеву доложили; Путиным довольны.",
             "Министерства иностранных дел России и Казахстана", "Путиным Путину Путин"]
    normalizer = RussianNormalizer()
    for text in texts:
        with nlp.memory_zone():
            fast = [t.norm_ for t in normalizer(nlp.make_doc(text))]
            assert fast == [t.norm_ for t in plain.normalize(nlp.make_doc(text))]
    for text in texts:  # outside a zone: the norms read before the plain twin adds them again
        fast = [t.norm_ for t in normalizer(nlp.make_doc(text))]
        assert fast == [t.norm_ for t in plain.normalize(nlp.make_doc(text))]
    assert normalizer._norms
