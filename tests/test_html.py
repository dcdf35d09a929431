"""HTML input: the page's visible text by a real parser, furniture elements dropped, and offsets
that index the extracted text (`source.offsets == "html_text"`)."""

from __future__ import annotations

import pytest

import diplotext
from diplotext.text.html import html_to_text, looks_like_html

PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Joint Statement | Ministry</title>
<style>.menu { color: red }</style><script>var x = 1 < 2 && "</p>";</script></head>
<body>
<nav class="menu"><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li></ul></nav>
<div class="crumbs"><a href="/">Home</a> / <a href="/docs">Documents</a> /</div>
<main><article>
<h1>Joint Statement of the Republic of Belarus and the Russian Federation</h1>
<p class="date">June 25, 2012</p>
<p>The Republic of Belarus and the Russian Federation reaffirm their
   commitment to <b>strategic partnership</b>&nbsp;and alliance.</p>
<p>In 2011 the trade between Belarus and Russia exceeded US$&nbsp;38&nbsp;billion.<br>
The Parties will continue to deepen integration within the Union&nbsp;State.</p>
<ol><li>The Parties condemn unilateral sanctions.</li><li>The Parties support the role of the UN.</li></ol>
<table><tr><td>For the Republic of Belarus</td><td>For the Russian Federation</td></tr></table>
</article></main>
<aside><h3>Most read</h3><p>Another story</p></aside>
<footer><p>&copy; 2012 Ministry of Foreign Affairs. All rights reserved.</p></footer>
<div style="display:none">hidden text</div>
</body></html>
"""


def test_sniffing_html_pages_and_fragments() -> None:
    assert looks_like_html(PAGE)
    assert looks_like_html("<p>One.</p><p>Two.</p><p>Three <b>bold</b> <a href='x'>link</a></p><div>x</div>")
    assert not looks_like_html("President of Russia Vladimir Putin: Thank you. <…>\nTrade grew by 5% (a < b, c > d).")
    assert not looks_like_html("Joint Statement\n\nThe Parties agreed on the following.")


def test_text_of_the_page() -> None:
    text = html_to_text(PAGE)
    assert text.startswith("Home / Documents /\n\nJoint Statement of the Republic of Belarus and the Russian Federation\n\nJune 25, 2012\n\n")
    assert "reaffirm their commitment to strategic partnership\u00a0and alliance." in text
    assert "US$\u00a038\u00a0billion.\nThe Parties will continue" in text
    assert "The Parties condemn unilateral sanctions.\nThe Parties support the role of the UN." in text
    assert "For the Republic of Belarus For the Russian Federation" in text


@pytest.mark.parametrize("gone", ["var x", ".menu", "Joint Statement | Ministry", "Most read", "Another story", "All rights reserved", "hidden text", "News\n"])
def test_scripts_styles_nav_aside_footer_hidden_are_dropped(gone: str) -> None:
    assert gone not in html_to_text(PAGE)


def test_extraction_is_deterministic_and_well_formed() -> None:
    text = html_to_text(PAGE)
    assert text == html_to_text(PAGE)
    assert "\n\n\n" not in text and text.endswith("\n") and not text.startswith("\n")
    assert all(line == line.rstrip() for line in text.split("\n"))


def test_pre_keeps_its_whitespace() -> None:
    assert html_to_text("<div>a</div><pre>  x\n    y</pre><p>b   c</p>") == "a\n\n  x\n    y\n\nb c\n"


def test_broken_markup_is_read_too() -> None:
    text = html_to_text("<html><body><p>First paragraph<p>Second <b>bold <i>text</p><div>Third</body>")
    assert text == "First paragraph\n\nSecond bold text\n\nThird\n"


def test_parse_an_html_page_offsets_index_the_extracted_text() -> None:
    st = diplotext.parse(PAGE)
    text = html_to_text(PAGE)
    assert st.source.offsets == "html_text"
    assert st.source.chars == len(text)
    assert st.title == "Joint Statement of the Republic of Belarus and the Russian Federation"
    assert st.kind == "joint_statement"
    assert st.parties == ["BLR", "RUS"]
    body = "\n".join(s.text for s in st.sections)
    assert "exceeded US$ 38 billion." in body and "Home / Documents /" not in body
    for s in st.sections:
        assert " ".join(text[s.start:s.end].split()) == s.text
    for e in st.entities:
        for m in e.mentions:
            assert text[m.start:m.end] == m.text
    for f in st.figures:
        assert text[f.start:f.end] == f.text
    assert any(f.value == 38_000_000_000 for f in st.figures)


def test_plain_text_offsets_index_the_input() -> None:
    assert diplotext.parse("Joint Statement\n\nThe Parties agreed to cooperate in trade and energy.").source.offsets == "input"


def test_html_file_in_any_encoding(tmp_path) -> None:
    path = tmp_path / "page.html"
    path.write_bytes(PAGE.replace('charset="utf-8"', 'charset="windows-1251"').encode("utf-8"))
    st = diplotext.parse_file(path)
    assert st.source.offsets == "html_text" and st.kind == "joint_statement"


def test_russian_html_page() -> None:
    page = (
        "<html><body><div class='crumbs'>Главная / Новости /</div><h1>Переговоры с Президентом Казахстана</h1>"
        "<p>Президенты обсудили вопросы двустороннего сотрудничества и взаимодействия в рамках ЕАЭС.</p>"
        "<p>Версия для печати</p><p>Поделиться</p></body></html>"
    )
    st = diplotext.parse(page)
    assert st.language == "ru" and st.source.offsets == "html_text"
    assert st.title == "Переговоры с Президентом Казахстана"
    assert [s.text for s in st.sections] == ["Президенты обсудили вопросы двустороннего сотрудничества и взаимодействия в рамках ЕАЭС."]
    assert {r.text for r in st.removed} >= {"Главная / Новости /", "Версия для печати", "Поделиться"}


def test_a_page_wrapped_in_a_form_keeps_its_text() -> None:
    page = (
        "<html><body><form id='aspnetForm' action='/'><input type='hidden' value='x'>"
        "<h1>Joint Communique</h1><p>The ministers agreed to deepen cooperation in trade and energy.</p>"
        "<select><option>English</option><option>Русский</option></select><button>Search</button></form></body></html>"
    )
    assert html_to_text(page) == "Joint Communique\n\nThe ministers agreed to deepen cooperation in trade and energy.\n"
