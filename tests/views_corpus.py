"""A small corpus for the views, built from the models so that every value is known exactly.

Four statements of 2019, 2020 and 2021 (three of Belarus and Russia, one of China and
Russia): trade figures, some reported again by a later document, stances, events, sections.
"""

from __future__ import annotations

import hashlib
from decimal import Decimal
from typing import Any

from diplotext.models import (DocumentDate, Entity, Event, Figure, Mention, Section, Source, Span, Stance,
                              Statement)

NAMES = {"BLR": ("COUNTRY", "Belarus"), "RUS": ("COUNTRY", "Russia"), "CHN": ("COUNTRY", "China"),
         "CSTO": ("ORG", "Collective Security Treaty Organization"), "EAEU": ("ORG", "Eurasian Economic Union")}


def span(text: str = "x") -> Span:
    return Span(text=text, start=0, end=len(text))


def figure(value: str, *, measure: str = "trade_volume", currency: str | None = "USD", year: str | None = None,
           kind: str = "money", change: bool = False) -> Figure:
    unit = "percent" if kind == "percent" else None
    return Figure(text=value, start=0, end=len(value), value=Decimal(value), kind=kind, currency=currency,
                  unit=unit, measure=measure, year=year, change=change)


def entity(id: str, mentions: int) -> Entity:
    type_, name = NAMES[id]
    return Entity(id=id, type=type_, name=name, mentions=[Mention(text=name, start=0, end=1)] * mentions)


def stance(actor: list[str], kind: str, target: str, ids: list[str] = []) -> Stance:  # noqa: B006
    return Stance(actor=actor, stance=kind, target=target, target_ids=ids, evidence=span(target))


def event(type_: str, actors: list[str], date: str | None = None, place: str | None = None) -> Event:
    return Event(type=type_, actors=actors, date=date, place=place, evidence=span(type_))


def sections(*texts: str) -> list[Section]:
    out, at = [], 0
    for i, t in enumerate(texts):
        out.append(Section(index=i, kind="paragraph", start=at, end=at + len(t), text=t))
        at += len(t) + 2
    return out


def statement(path: str, date: str | None, parties: list[str], **fields: Any) -> Statement:
    source = Source(path=path, sha256=hashlib.sha256(path.encode()).hexdigest(), encoding="utf-8", chars=1000,
                    diplotext_version="test")
    doc_date = DocumentDate(value=date, granularity="day", source="dateline") if date else None
    fields.setdefault("kind", "joint_statement")
    return Statement(source=source, language="en", date=doc_date, parties=parties, **fields)


def corpus() -> list[Statement]:
    a = statement(
        "2019/a.txt", "2019-06-01", ["BLR", "RUS"],
        figures=[figure("35000000000", year="2018"), figure("36000000000"),
                 figure("5", kind="percent", currency=None, change=True),
                 figure("1000000000", measure="investment", year="2019")],
        entities=[entity("BLR", 3), entity("RUS", 2), entity("CSTO", 1)],
        stances=[stance(["parties"], "support", "the work of the CSTO", ["CSTO"]),
                 stance(["parties"], "condemn", "terrorism")],
        events=[event("meeting", ["RUS", "BLR"], "2019-05-30")],
    )
    b = statement(
        "2020/b.txt", "2020-03-10", ["BLR", "RUS"], kind="news_report",
        figures=[figure("35000000000", year="2018"), figure("30000000000", year="2020"),
                 figure("100000000000", currency="RUB", year="2020")],
        entities=[entity("BLR", 1), entity("RUS", 1), entity("EAEU", 2)],
        stances=[stance(["BLR"], "support", "the EAEU", ["EAEU"])],
        events=[event("visit", ["RUS"], place="Minsk")],
    )
    c = statement(
        "2021/c.txt", "2021-09-09", ["BLR", "RUS"],
        figures=[figure("30000000000", year="2020"), figure("38000000000", year="2021"),
                 figure("5", kind="percent", currency=None, change=True)],
        entities=[entity("BLR", 2), entity("CSTO", 2)],
        stances=[stance(["parties"], "support", "the CSTO", ["CSTO"])],
    )
    d = statement(
        "2020/d.txt", "2020-01-15", ["CHN", "RUS"],
        figures=[figure("100000000000", year="2019")],
        entities=[entity("CHN", 1), entity("RUS", 1)],
    )
    undated = statement("x/undated.txt", None, ["BLR", "RUS"], figures=[figure("1")])
    return [a, b, c, d, undated]
