"""The entity stage is linear in the text whatever it names: acronym definitions and persons
named in full are linked to their later mentions in one pass each (time ratios between two sizes
in one run; no wall-clock limit)."""

from __future__ import annotations

import itertools
import string
import time

import pytest

from diplotext.nlp import get_nlp

pytestmark = pytest.mark.slow

_LETTERS = string.ascii_uppercase


def _word(i: int, first: str) -> str:
    """A made-up capitalized word, distinct for each i ('Qabod')."""
    rest = "".join(string.ascii_lowercase[(i // 26**k) % 26] for k in range(3))
    return first + rest + "ov"


def english(n: int) -> str:
    """n organizations defined with their acronyms and n persons named in full, each mentioned
    again later: every definition and every surname is one more thing to link."""
    parts = []
    for i, (a, b, c) in zip(range(n), itertools.product(_LETTERS, repeat=3)):
        long = f"{_word(i, a)} {_word(i + 1, b)} {_word(i + 2, c)} Council"
        surname = _word(i, "Z")
        parts.append(f"The {long} ({a}{b}{c}C) met. Foreign Minister Ivan {surname} spoke. "
                     f"Later {surname} said that the {a}{b}{c}C agreed.")
    return "\n".join(parts)


def russian(n: int) -> str:
    parts = []
    for i in range(n):
        surname = "Зар" + "".join("абвгдежзиклмнопрстуф"[(i // 20**k) % 20] for k in range(3)) + "ов"
        parts.append(f"Министр Иван {surname} прибыл в город. Позже {surname}у показали завод, и {surname} уехал.")
    return "\n".join(parts)


def _seconds(lang: str, text: str) -> float:
    nlp = get_nlp(lang)
    best = float("inf")
    for _ in range(3):
        start = time.process_time()
        nlp(text)
        best = min(best, time.process_time() - start)
    return best


@pytest.mark.parametrize("lang,make", [("en", english), ("ru", russian)])
def test_linking_is_linear_in_the_number_of_names(lang: str, make) -> None:
    nlp = get_nlp(lang)
    doc = nlp(make(50))
    linked = [s for s in doc.spans["diplotext_entities"] if s.label_ == "PERSON" and " " not in s.text]
    assert len(linked) >= 50  # the later surnames are linked (the test measures real work)
    small, large = _seconds(lang, make(300)), _seconds(lang, make(1200))
    assert large / small < 4 * 2.0, (small, large)
