"""Events: table-driven corpora per language (tests/corpus/events_*.py), the lexicons, and the seeds."""

from __future__ import annotations

import pytest

import diplotext
from corpus import events_en, events_ru
from tables import assert_exact
from diplotext.extract.events import event_lexicon
from diplotext.models import Event, Statement


def _refers(st: Statement, value: str, ids: list[str]) -> bool:
    """`value` is one of `ids`, or a piece of the name of one of them."""
    if value in ids:
        return True
    for id_ in ids:
        ent = st.entity(id_)
        if ent is not None and (value.lower() in ent.name.lower() or any(value.lower() in a.lower() for a in ent.aliases)):
            return True
    return False


def _matches(st: Statement, ev: Event, want: dict) -> bool:
    if ev.type != want["type"]:
        return False
    if any(not _refers(st, a, ev.actors) for a in want.get("actors", ())):
        return False
    if "place" in want and ev.place != want["place"]:
        return False
    if "date" in want and ev.date != want["date"]:
        return False
    if "instrument" in want and not (ev.instrument and _refers(st, want["instrument"], [ev.instrument])):
        return False
    return True


CASES = [(lang, case) for lang, mod in (("en", events_en), ("ru", events_ru)) for case in mod.POSITIVE]
NEGATIVES = [(lang, text, type_) for lang, mod in (("en", events_en), ("ru", events_ru)) for text, type_ in mod.NEGATIVE]


def _show(ev: Event) -> dict:
    return ev.model_dump(exclude={"evidence", "trigger"})


@pytest.mark.parametrize("lang,case", CASES, ids=[f"{c[0]}-{c[1][1][0]['type'] if c[1][1] else 'none'}-{i}" for i, c in enumerate(CASES)])
def test_events_are_read_exactly(lang: str, case: tuple) -> None:
    """Every expected event is read, and no other (``may``: a third element, events allowed either way)."""
    text, wants, *rest = case
    st = diplotext.parse(text, lang=lang)
    assert_exact(st.events, wants, lambda ev, want: _matches(st, ev, want), may=rest[0] if rest else (), show=_show)


@pytest.mark.parametrize("lang,text,type_", NEGATIVES, ids=[f"{c[0]}-no-{c[2]}-{i}" for i, c in enumerate(NEGATIVES)])
def test_event_is_not_read(lang: str, text: str, type_: str) -> None:
    st = diplotext.parse(text, lang=lang)
    assert not [ev for ev in st.events if ev.type == type_], [ev.model_dump(exclude={"evidence"}) for ev in st.events]


def test_every_event_has_its_sentence_and_trigger_as_provenance() -> None:
    text = "Intro.\n\nThe Treaty on Friendship between Belarus and Serbia was signed on 3 March 2021 in Minsk."
    st = diplotext.parse(text, lang="en")
    (ev,) = [e for e in st.events if e.type == "signing"]
    assert ev.evidence.text == text[ev.evidence.start:ev.evidence.end]
    assert ev.evidence.text.startswith("The Treaty on Friendship") and ev.evidence.text.endswith("Minsk.")
    assert ev.trigger is not None and text[ev.trigger.start:ev.trigger.end] == "signed"
    assert ev.date == "2021-03-03"


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_lexicon_is_well_formed(lang: str) -> None:
    lex = event_lexicon(lang)
    types = [e["type"] for e in lex["events"]]
    assert len(types) == len(set(types))
    for e in lex["events"]:
        assert e["phrases"] and all(isinstance(p, str) and p.strip() for p in e["phrases"])
        assert e.get("needs") in (None, "instrument", "document")
    assert {e["type"] for e in event_lexicon("en")["events"]} == {e["type"] for e in event_lexicon("ru")["events"]}


def test_the_news_seed_reads_the_treaty_chain(seed_news: Statement) -> None:
    by_type = {ev.type: ev for ev in seed_news.events}
    for type_ in ("exchange_of_letters", "ratification", "entry_into_force"):
        assert by_type[type_].instrument == "TREATY_UNION_STATE_SECURITY"
    chair = [ev for ev in seed_news.events if ev.type == "chairmanship"]
    assert [ev.actors[:2] for ev in chair] == [["BLR", "EAEU"], ["RUS", "CSTO"]]


def test_the_statement_seed_reads_the_signing_and_the_visit(seed_statement: Statement) -> None:
    signing = [ev for ev in seed_statement.events if ev.type == "signing"]
    assert signing and signing[0].instrument == "TREATY_UNION_STATE" and signing[0].date == "1999-12-08"
    visit = [ev for ev in seed_statement.events if ev.type == "visit"]
    assert visit and visit[0].place == "BLR" and visit[0].date == "2012-05-31"


def test_the_presidents_are_the_last_group_named_before():
    """'the presidents' stands for the last two persons named in an earlier sentence, however
    far back (the units are noted only as far as the question needs), never for a later one."""
    st = diplotext.parse(
        "Vladimir Putin and Alexander Lukashenko met in Minsk on 5 May 2021.\nThe weather was fine.\n"
        "The presidents held talks in Moscow.", lang="en"
    )
    talks = next(ev for ev in st.events if ev.type == "talks")
    assert talks.actors == ["PERSON:vladimir-putin", "PERSON:alexander-lukashenko"]
    st = diplotext.parse(
        "The presidents held talks in Moscow.\nVladimir Putin and Alexander Lukashenko met in Minsk on 5 May 2021.", lang="en"
    )
    talks = next(ev for ev in st.events if ev.type == "talks")
    assert talks.actors == []
