"""Instruments, events and stances on one long sentence: a text of half a megabyte on one line,
without a sentence break, dense with treaties, triggers, actors and dates, completes and every
offset is sound (every event and stance carries the whole sentence as evidence: not written as
JSON here, that is half a megabyte times some thousands). Nothing is timed: a rule that rescans the sentence per trigger (quadratic: the
first versions took 2 s on 80 KB) shows up as a suite that does not finish.
"""

from __future__ import annotations

import pytest

import diplotext
from offsets import assert_sound

pytestmark = pytest.mark.slow

SIZE = 500_000
UNITS = {
    "en": (
        "Belarus and Russia signed the Treaty on Security Guarantees, welcomed the agreement and supported "
        "the initiative of Kazakhstan, the presidents held talks in Moscow on 5 May 2011 with Vladimir Putin "
        "and the treaty entered into force and they condemned sanctions by the European Union "
    ),
    "ru": (
        "Беларусь и Россия подписали Договор о гарантиях безопасности, приветствовали соглашение и поддержали "
        "инициативу Казахстана, президенты провели переговоры в Москве 5 мая 2011 года с Владимиром Путиным "
        "и договор вступил в силу и они осудили санкции Европейского союза "
    ),
}


@pytest.mark.parametrize("lang", sorted(UNITS))
def test_one_long_sentence_of_relations_completes_with_sound_offsets(lang):
    unit = UNITS[lang]
    text = (unit * (SIZE // len(unit) + 1))[:SIZE]
    st = diplotext.parse(text, lang=lang, max_chars=None)
    assert_sound(st, text, json=False)  # as JSON, every event repeats its sentence: 2 GB here
    assert len(st.events) > 1000 and len(st.stances) > 1000
    for ev in st.events:
        assert text[ev.trigger.start:ev.trigger.end] == ev.trigger.text
    for s in st.stances:
        assert text[s.trigger.start:s.trigger.end] == s.trigger.text
