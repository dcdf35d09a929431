"""The entity stage's walks over every token read the Doc's token view, not spaCy's Tokens, and
its scans of the text look where a match can be: the readings are those of their plain twins
(tests/reference/entity_walks.py), which read Tokens one by one and the whole text, as first
written."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from reference import entity_walks as plain

from diplotext.extract.entities import CANDIDATES_KEY, ENTITIES_KEY, lexicon, linking
from diplotext.extract.entities.lexicon import quoted_names
from diplotext.extract.entities.tokens import not_lower
from diplotext.nlp import get_nlp
from diplotext.resources import load_json

_SHARED = Path(__file__).resolve().parents[2] / "shared"
_TEXTS = {
    "en": [
        "The Shanghai Cooperation Organization (SCO) met in Minsk. President Alexander Lukashenko said the SCO "
        "and the CSTO agree; Lukashenko added that Mr Smith, John Smith of the UN, and Smith-Jones left. SCO.",
        "The International Syria Support Group (ISSG) met. The ISSG, the ISSG-led talks, xISSG and ISSG_x.",
        "The Joint Monitoring Group (JMG) of the ministry met. Later the JMG said: JMG. JMG_x, JMG.x and (JMG).",
    ],
    "ru": [
        "Президент Казахстана Нурсултан Назарбаев встретился с Сапармуратом Ниязовым. Назарбаев заявил, что "
        "Ниязов согласен. Максим Владимирович Рыженков и Трюгве Ли приехали в Минск; Рыженкову ответил Ли.",
        "Организация Договора о коллективной безопасности (ОДКБ) провела учения. ОДКБ и ОДКБ-шные планы. "
        "Путин Владимир Владимирович, Владимир Путин и Путину.",
        "На встрече в Минске были\nСергей\nЛавров, Трюгве\nЛи и Максим Владимирович\nРыженков; гостей встретил Саеб\nЭрекат.",
    ],
}


def _corpus_texts(lang: str, n: int) -> list[str]:
    folder = _SHARED / "corpus" / ("ru-wikinews" if lang == "ru" else "kremlin-2021-2022")
    return [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))[:n]] if folder.is_dir() else []


def _readings(nlp, text: str) -> tuple[list, list]:  # type: ignore[no-untyped-def]
    doc = nlp(text)
    spans = [[(s.start, s.end, s.label_, s.kb_id_, s.id_) for s in doc.spans[key]] for key in (CANDIDATES_KEY, ENTITIES_KEY)]
    return spans[0], spans[1]


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_the_readings_are_those_of_the_token_walks(lang: str, monkeypatch: pytest.MonkeyPatch) -> None:
    nlp = get_nlp(lang)
    texts = _TEXTS[lang] + _corpus_texts(lang, 40)
    fast = [_readings(nlp, t) for t in texts]
    matcher = nlp.get_pipe("diplotext_entities").matcher
    if lang == "ru":
        monkeypatch.setattr(matcher, "rules", dataclasses.replace(matcher.rules, names=plain.morphological_persons))
    monkeypatch.setattr(linking, "acronym_mentions", plain.acronym_mentions)
    monkeypatch.setattr(linking, "surname_mentions", plain.surname_mentions)
    _plain_linking(nlp, monkeypatch)
    assert [_readings(nlp, t) for t in texts] == fast
    assert any(entities for _, entities in fast)


def _plain_linking(nlp, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    """The resolver of `nlp` with the plain `link_acronyms` in the place of the package's."""
    resolver = nlp.get_pipe("diplotext_entities").resolver
    steps = tuple((name, plain.link_acronyms if name == "link_acronyms" else step) for name, step in resolver.filters)
    assert steps != resolver.filters
    monkeypatch.setattr(resolver, "filters", steps)


_ACRONYM_TEXTS = [
    # spelled out by initials (patterns inside give way), known acronyms naming a pattern, the same
    # acronym defined twice, a definition with no long form, and later mentions of each
    "The Joint Task Force (JTF) met. The Eurasian Economic Union (EAEU) and the Collective Security Treaty "
    "Organization (CSTO) agreed. The International Syria Support Group (ISSG) met; the Joint Task Force (JTF) again. "
    "The (ABC) said. Later the JTF, the ISSG, the EAEU and the CSTO.",
    "\n".join(f"The {a}ovan {b}ovan Monitoring Group ({a}{b}MG) met. Later the {a}{b}MG said so, and the {a}{b}MG left."
              for a in "ABCDEFGH" for b in "KLMNOPRS"),
]


def test_acronym_linking_is_that_of_its_plain_twin_on_dense_definitions(monkeypatch: pytest.MonkeyPatch) -> None:
    nlp = get_nlp("en")
    fast = [_readings(nlp, t) for t in _ACRONYM_TEXTS]
    assert sum(1 for _, entities in fast for e in entities if e[4] == "acronym") >= 64  # the later mentions are linked
    _plain_linking(nlp, monkeypatch)
    assert [_readings(nlp, t) for t in _ACRONYM_TEXTS] == fast


_QUOTED_PIECES = ["компания", "Компании", "КОМПАНИЯ", "подкомпании", "госкорпорация", "банк", "банкам", "банкаа", "ПАО",
                  "пао", "партии", "газета", " ", "  ", "\n", "\u00a0", "\t", "«", "»", "Ромашка", "Газпром нефть", "x" * 61,
                  ",", ".", "2024", "и", "Россия", "-"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_QUOTED_PIECES), max_size=30).map("".join))
def test_quoted_names_are_the_patterns_own_matches(text: str) -> None:
    pattern = lexicon("ru").quoted
    assert quoted_names(pattern, text) == plain.quoted_names(pattern, text)


def test_the_quoted_heads_are_letters() -> None:
    # quoted_names looks for a head word only among the letters just before the quotes
    heads = load_json("ru/org_heads.json")["quoted_heads"]
    assert all(re.sub(r"[\[\]*]", "", h).isalpha() for h in heads)
    assert quoted_names(lexicon("ru").quoted, "Глава компании «Ромашка» и банк «БМ», а «ВГ» нет.") == [(15, 24), (32, 36)]


_WORD_PIECES = ["Putin", "putin", "PUTIN", "McCain", "Путин", "путину", "ОДКБ", "𝐀bc", "ǅemal", "ß", "1990", ",", "-", " ", "\n",
                "Lvova-Belova", "iPhone", "'s", "«", "x"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_WORD_PIECES), max_size=30).map(" ".join), st.sampled_from(["en", "ru"]))
def test_the_tokens_not_lower_are_those_spacy_says(text: str, lang: str) -> None:
    doc = get_nlp(lang).make_doc(text)
    assert not_lower(doc) == [(t.i, t.text, t.is_alpha) for t in doc if not t.is_lower]
    assert all(not (t.text[:1].isupper() and t.is_lower) for t in doc)  # why the walks may skip lower-case words


@pytest.mark.parametrize("text", [
    "The Joint Task Force (JTF) met. The Interstate Foundation for Humanitarian Cooperation (IFHC) met. The IFHC and the JTF agreed.",
    "The Eurasian Economic Union (EAEU) met the Collective Security Treaty Organization (CSTO). The CSTO and the EAEU.",
])
def test_acronym_linking_keeps_a_reading_held_twice_as_a_list_does(text: str) -> None:
    """A reading the steps before hand on twice (the same object) is dropped, relabelled and kept
    at each place as the plain list does it."""
    from test_entity_resolver import before

    m, r = before("link_acronyms", text)
    for doubled in ([*r.chosen, *r.chosen], [s for s in r.chosen for _ in (0, 1)]):
        r.chosen = doubled
        fast, slow = linking.link_acronyms(m, r), plain.link_acronyms(m, r)
        assert [(s.start, s.end, s.label_, s.kb_id_, s.id_) for s in fast] == [(s.start, s.end, s.label_, s.kb_id_, s.id_) for s in slow]
        assert len(fast) > len(doubled) // 2


_NAME_PIECES = ["Putin", "Vladimir", "V.", "J.", "de", "van", "-", "Smith-Jones", "Ministry", "the", "met", ",", "\n", "CSTO",
                "Путин", "Владимир", "В.", "фон", "Министерство", "Лукашенко", "ОДКБ", "и"]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(_NAME_PIECES), max_size=25), st.lists(st.booleans(), max_size=25), st.sampled_from(["en", "ru"]),
       st.sets(st.integers(0, 24), max_size=4))
def test_names_read_from_the_token_view_end_where_the_token_walk_ends(pieces, glued, lang, blocked) -> None:  # type: ignore[no-untyped-def]
    """`name_at` and `nameable` read the Doc's token view; at every position they answer as the
    walk over spaCy's Tokens does (pieces glued or spaced, lines broken, words blocked)."""
    text = "".join(p + ("" if g else " ") for p, g in zip(pieces, glued + [False] * len(pieces)))
    nlp = get_nlp(lang)
    doc = nlp(text)
    m = nlp.get_pipe("diplotext_entities").matcher
    held = {i: "ORG" for i in blocked}
    for i in range(len(doc) + 1):
        assert m.nameable(doc, i, held) == plain.nameable(m, doc, i, held)
        assert m.name_at(doc, i, held) == plain.name_at(m, doc, i, held)
