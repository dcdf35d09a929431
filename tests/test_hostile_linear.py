"""The hostile families of issue 18 take time linear in their length, and the shortcut that made
the stances linear answers as the plain reading does.

Each family is parsed at two sizes in one run; the larger is four times the smaller, so linear
time gives a ratio of about 4 and quadratic time about 16. The bound (8) leaves room for a noisy
shared machine; no wall-clock limit. The families are those of benchmarks/bench_adversarial.py
(`hostile_families`), which prints their seconds per megabyte.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

import pytest

import diplotext
from diplotext.extract import relations, stance_subjects
from diplotext.extract.sentence_units import Sentences
from diplotext.extract.stances import StanceFinder
from diplotext.nlp import get_nlp

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

from bench_adversarial import hostile_families, parse_seconds  # noqa: E402

FAMILIES = hostile_families()
SMALL = 12_000


def _seconds(lang: str, text: str) -> float:
    return parse_seconds(lang, text, runs=2)


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(FAMILIES))
def test_a_hostile_family_takes_time_linear_in_its_length(name: str) -> None:
    lang, make = FAMILIES[name]
    diplotext.parse(make(1_000), lang=lang)  # warm: pipelines, lexicons, caches
    small, large = _seconds(lang, make(SMALL)), _seconds(lang, make(4 * SMALL))
    assert large / max(small, 1e-3) < 8, (name, small, large)


_FRAGMENTS = [
    "Russia", "Belarus", "China", "the President of Russia Vladimir Putin", "Belarusian President Alexander Lukashenko",
    "the Supreme State Council of the Union State", "the CSTO", "the Eurasian Economic Union", "Kazakhstan", "of", "in",
    "for", "with", "the", "a", "(", ")", "-", "they", "the parties", "the statement", "we", "and", "and", "condemned",
    "welcomed", "supported", "support", "called for", "the initiative", "sanctions", "cooperation", "President",
]


def _long_sentence(rng: random.Random, words: int) -> str:
    parts = [rng.choice(_FRAGMENTS) for _ in range(words)]
    for _ in range(words // 60):  # a few commas: segments before a trigger
        parts.insert(rng.randrange(len(parts)), ",")
    return " ".join(parts) + "."


@pytest.mark.parametrize("seed", range(6))
def test_the_prefix_reading_of_a_long_stretch_answers_as_the_plain_reading(seed: int, monkeypatch) -> None:
    monkeypatch.setattr(stance_subjects, "PLAIN_REACH", 0)  # the shortcut wherever the margin allows it
    rng = random.Random(seed)
    text = _long_sentence(rng, 700)
    doc = get_nlp("en")(text)
    sents = Sentences(doc, lexicon=relations._lexicon_for(doc.vocab, "en"))
    finder = StanceFinder(doc, "en", sents, text)
    finder.last_actor = ["KAZ"]
    compared = 0
    for unit in sents.units:
        for lo in sorted({unit.start, *rng.sample(range(unit.start, unit.end), min(8, unit.end - unit.start))}):
            for hi in sorted(rng.sample(range(lo + 1, unit.end + 1), min(60, unit.end - lo))):
                got = finder._subjects.actor_in(finder, unit, lo, hi)
                if got is not False:
                    compared += 1
                    assert got == finder._actor_in_plain(unit, lo, hi), (lo, hi, text)
    assert compared > 100


def test_the_actor_of_a_long_clause_of_stances_is_read_once_per_stretch():
    text = "Russia condemned and welcomed and supported " * 300
    st = diplotext.parse(text, lang="en")
    assert len(st.stances) > 300
    assert {tuple(s.actor) for s in st.stances} == {("RUS",)}
