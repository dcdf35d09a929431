"""The HTML page of `diplotext show`: produced, holding every entity, date, figure, event and
stance, with parties and venue; marks nest and cut where they cross, each label once."""

from __future__ import annotations

import re
from decimal import Decimal
from html.parser import HTMLParser
from pathlib import Path

import diplotext
from diplotext.cli import main
from diplotext.models import DateMention, Entity, Figure, Mention, Section, Source, Statement
from conftest import SEED_NEWS
from diplotext.show import highlights, render_html

TEXT = (
    "Joint Statement of the Presidents of Belarus and Russia\n\n"
    "1. On December 8, 1999 Belarus and Russia signed the Treaty on the Union State.\n"
    "2. In 2011 the trade between Belarus and Russia exceeded US$ 38 billion, up 34.9 percent.\n"
)


class _Page(HTMLParser):
    """Collects the label links of the highlights and the ids of the table rows."""

    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.ids: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "a" and (a.get("href") or "").startswith("#v"):
            self.links.append(a["href"][1:])  # type: ignore[index]
        if a.get("id"):
            self.ids.append(a["id"])  # type: ignore[arg-type]

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def page_of(html: str) -> _Page:
    p = _Page()
    p.feed(html)
    return p


def test_show_writes_a_page_with_every_span(tmp_path: Path) -> None:
    src = tmp_path / "statement.txt"
    src.write_text(TEXT, encoding="utf-8")
    out = tmp_path / "page.html"
    assert main(["show", str(src), "--html", str(out)]) == 0
    html = out.read_text(encoding="utf-8")
    st = diplotext.parse_file(src)
    marks = highlights(st)
    expected = sum(len(e.mentions) for e in st.entities) + len(st.dates) + len(st.figures)
    expected += sum(1 for e in st.events if e.trigger) + sum(1 for s in st.stances if s.trigger)
    assert len(marks) == expected and expected >= 9
    page = page_of(html)
    # every span is drawn once in the text (its label links to the table) and has its row
    assert sorted(page.links) == sorted(f"v{h.n}" for h in marks)
    assert {f"v{h.n}" for h in marks} <= set(page.ids) and {f"t{h.n}" for h in marks} <= set(page.ids)
    for e in st.entities:
        assert e.id in html
    for d in st.dates:
        assert d.value in html
    assert "38000000000 USD" in html and "34.9%" in html
    assert html.count('<section class="block') == len(st.sections) + (1 if st.title_span else 0)


class _Marks(HTMLParser):
    """The text inside each highlight's marks (labels left out), and the labels drawn per highlight."""

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str | None] = []
        self.text: dict[str, str] = {}
        self.labels: dict[str, int] = {}
        self.in_label = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "mark":
            self.stack.append(a.get("data-n"))
        if tag == "a" and "lab" in (a.get("class") or ""):
            self.in_label += 1
            n = (a.get("href") or "")[2:]
            self.labels[n] = self.labels.get(n, 0) + 1

    def handle_endtag(self, tag: str) -> None:
        if tag == "mark":
            self.stack.pop()
        if tag == "a" and self.in_label:
            self.in_label -= 1

    def handle_data(self, data: str) -> None:
        if self.in_label:
            return
        for n in set(self.stack):
            if n is not None:
                self.text[n] = self.text.get(n, "") + data


def marks_of(html: str) -> _Marks:
    m = _Marks()
    m.feed(html)
    return m


def test_each_highlight_covers_exactly_its_text() -> None:
    st = diplotext.parse(TEXT)
    m = marks_of(render_html(st, TEXT))
    marks = highlights(st)
    for h in marks:
        assert m.text[str(h.n)] == TEXT[h.start:h.end]
        assert m.labels[str(h.n)] == 1
    assert {h.group for h in marks} >= {"entity", "date", "figure"}


def test_events_stances_parties_and_venue_are_drawn(seed_news) -> None:
    text = SEED_NEWS.read_text(encoding="utf-8")
    st = seed_news
    html = render_html(st, text)
    marks = highlights(st)
    events = [h for h in marks if h.group == "event"]
    stances = [h for h in marks if h.group == "stance"]
    assert len(events) == sum(1 for e in st.events if e.trigger) > 0
    assert len(stances) == sum(1 for s in st.stances if s.trigger) > 0
    m = marks_of(html)
    for h in events + stances:
        assert m.text[str(h.n)] == text[h.start:h.end] and m.labels[str(h.n)] == 1
        assert f'<tr id="v{h.n}" class="{h.group}">' in html
    assert html.count('<tr id="v') + html.count('<tr class="event">') + html.count('<tr class="stance">') == \
        len([h for h in marks if h.group not in ("event", "stance")]) + len(st.events) + len(st.stances)
    assert "<b>Parties</b> BLR (Belarus), RUS (Russia)" in html
    assert f"<b>Venue</b> {st.venue or 'none found'}" in html


def test_crossing_spans_are_cut_and_labelled_once() -> None:
    text = "The Union State Treaty came into force."
    union, treaty = (4, 15), (10, 22)  # 'Union State' and 'State Treaty' cross at 'State'
    st = Statement(
        source=Source(path="x.txt", sha256="0" * 64, encoding="utf-8", chars=len(text), diplotext_version="t"),
        language="en", kind="other", sections=[Section(index=0, kind="paragraph", start=0, end=len(text), text=text)],
        entities=[Entity(id="UNION_STATE", type="ORG", name="Union State", mentions=[Mention(text="Union State", start=4, end=15)]),
                  Entity(id="T" * 90, type="TREATY", name="State Treaty", mentions=[Mention(text="State Treaty", start=10, end=22)])],
    )
    html = render_html(st, text)
    m = marks_of(html)
    assert sorted(m.text.values()) == sorted([text[slice(*union)], text[slice(*treaty)]])
    assert sorted(m.labels.values()) == [1, 1]
    assert html.count('class="hl entity cont"') == 1  # the treaty goes on after the union's mark closes


def test_sections_and_removed_lines_are_marked() -> None:
    st = diplotext.parse(TEXT)
    html = render_html(st, TEXT)
    for s in st.sections:
        assert f"§{s.index} · {s.kind}" in html
    assert "removed as boilerplate" in html


def hand_made(text: str) -> Statement:
    start = text.index("<script>")
    return Statement(
        source=Source(path="x.txt", sha256="0" * 64, encoding="utf-8", chars=len(text), diplotext_version="t"),
        language="en", kind="other",
        sections=[Section(index=0, kind="paragraph", start=0, end=len(text), text=text)],
        entities=[Entity(id="<b>X</b>", type="ORG", name="X", mentions=[Mention(text=text[start:start + 8], start=start, end=start + 8)])],
        dates=[DateMention(text="2011", start=text.index("2011"), end=text.index("2011") + 4, value="2011", granularity="year")],
        figures=[Figure(text="5%", start=text.index("5%"), end=text.index("5%") + 2, value=Decimal(5), kind="percent", unit="percent")],
        title_span=None,
    )


def test_text_and_values_are_escaped() -> None:
    text = "Alert <script>alert(1)</script> in 2011 grew 5% & more"
    html = render_html(hand_made(text), text)
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "<b>X</b>" not in html and "&lt;b&gt;X&lt;/b&gt;" in html
    assert len(page_of(html).links) == 3


def test_a_span_outside_the_sections_is_still_drawn() -> None:
    text = "Alert <script>alert(1)</script> in 2011 grew 5% & more"
    st = hand_made(text).model_copy(update={"sections": []})
    page = page_of(render_html(st, text))
    assert len(page.links) == 3 and "outside the sections" in "".join(page.text)


def test_show_refuses_a_bad_file(tmp_path: Path, capsys) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    assert main(["show", str(empty), "--html", str(tmp_path / "p.html")]) == 1
    assert "EmptyInputError" in capsys.readouterr().err and not (tmp_path / "p.html").exists()


def test_an_html_page_is_shown_on_its_extracted_text(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text("<html><body><h1>Joint Statement of Belarus and Russia</h1><p>On June 19, 2018 the Presidents "
                    "of Belarus and Russia welcomed trade of US$ 32 billion.</p></body></html>", encoding="utf-8")
    out = tmp_path / "show.html"
    assert main(["show", str(page), "--html", str(out)]) == 0
    html = out.read_text(encoding="utf-8")
    st = diplotext.parse_file(page)
    assert st.source.offsets == "html_text"
    assert len(page_of(html).links) == len(highlights(st)) > 0
    assert "&lt;p&gt;" not in html and "32000000000 USD" in html
