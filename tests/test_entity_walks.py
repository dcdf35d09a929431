"""The entity stage's walks over every token read the Doc's token view, not spaCy's Tokens:
the readings are those of their plain twins (tests/reference/entity_walks.py), which read
Tokens one by one as first written."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from reference import entity_walks as plain

from diplotext.extract.entities import CANDIDATES_KEY, ENTITIES_KEY, linking
from diplotext.nlp import get_nlp

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
    assert [_readings(nlp, t) for t in texts] == fast
    assert any(entities for _, entities in fast)
