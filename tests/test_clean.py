"""Boilerplate out, content kept: line and block features, on pages and layouts written for these tests."""

from __future__ import annotations

import pytest

import diplotext
from corpus import boilerplate_en, boilerplate_ru
from diplotext.text.clean import classify_line, find_layout, is_date_line
from diplotext.text.normalize import working_text

PAGES = [(p, "en") for p in boilerplate_en.PAGES] + [(p, "ru") for p in boilerplate_ru.PAGES]


def _body(st: diplotext.Statement) -> str:
    return "\n".join([st.title or ""] + [s.text for s in st.sections])


@pytest.mark.parametrize("page,lang", PAGES, ids=[p["name"] for p, _ in PAGES])
def test_page_noise_goes_content_stays(page: dict, lang: str) -> None:
    st = diplotext.parse(page["text"], lang=lang)
    body = _body(st)
    assert st.title == page["title"]
    for line in page["noise"]:
        assert line not in body, f"noise kept: {line!r}"
    for piece in page["keep"]:
        assert piece in body, f"content lost: {piece!r}"


@pytest.mark.parametrize("page,lang", PAGES, ids=[p["name"] for p, _ in PAGES])
def test_removed_lines_keep_offsets_and_reasons(page: dict, lang: str) -> None:
    text = page["text"]
    st = diplotext.parse(text, lang=lang)
    assert st.removed
    for r in st.removed:
        assert text[r.start:r.end] == r.text
        assert r.reason
    removed_lines = {r.text.strip() for r in st.removed}
    for line in page["noise"]:
        assert line in removed_lines


@pytest.mark.parametrize(
    "line,reason",
    [
        ("3.78 BYN", "number-only"),
        ("USD 2.9512 +0.0031", "number-only"),
        ("Font size:", "site-furniture"),
        ("Publication status", "site-furniture"),
        ("Last updated at December 19, 2012, 22:51", "site-furniture"),
        ("News /", "breadcrumb"),
        ("Home › Press centre › Statements", "breadcrumb"),
        ("Share: VK Facebook Twitter", "site-furniture"),
        ("VK Facebook Telegram", "share-row"),
        ("• № 312", "bullet-number"),
        ("https://example.org/news/123", "site-furniture"),
        ("Версия для печати", "site-furniture"),
        ("Поделиться", "site-furniture"),
        ("Документ /", "breadcrumb"),
        ("Readout", "site-furniture"),
        ("Media Note", "site-furniture"),
        ("Сообщение для СМИ", "site-furniture"),
        ("Sign up for our daily newsletter", "site-furniture"),
        ("Подпишитесь на нашу рассылку", "site-furniture"),
        ("Подписывайтесь на наш канал в Telegram и читайте новости первыми каждый день без рекламы.", "site-furniture"),
        ("More from Example News", "site-furniture"),
        ("Контакты для СМИ: Анна Петрова, пресс-служба", "site-furniture"),
        ("Media contact: Jane Roe, +61 2 5550 1234", "site-furniture"),
        ("###", "end-mark"),
        ("2 hours ago", "timestamp"),
        ("Обновлено 5 минут назад", "site-furniture"),
    ],
)
def test_furniture_lines_are_bad_with_a_reason(line: str, reason: str) -> None:
    cls, why = classify_line(line, "ru" if any("а" <= c <= "я" for c in line.casefold()) else "en")
    assert cls == "bad"
    assert why == reason


@pytest.mark.parametrize(
    "line",
    [
        "1.",
        "Article 5",
        "Статья 12",
        "* * *",
        "<…>",
        "December 19, 2012",
        "20:00",
        "The Parties reaffirmed their commitment to the principles of the UN Charter.",
        "“We are brothers.”",
        "II. Economic cooperation",
    ],
)
def test_content_lines_are_not_bad(line: str) -> None:
    assert classify_line(line, "en")[0] != "bad"


@pytest.mark.parametrize(
    "line,lang",
    [
        ("Реклама алкоголя на телевидении запрещена законом с 2012 года, напомнили в министерстве.", "ru"),
        ("Обновлено расписание поездов между Москвой и Минском, сообщили в пресс-службе железной дороги.", "ru"),
        ("Advertisement of tobacco products was banned by both parliaments under the new agreement.", "en"),
    ],
)
def test_a_sentence_opening_with_a_furniture_word_is_content(line: str, lang: str) -> None:
    assert classify_line(line, lang) == ("good", "")


def test_a_sentence_opening_with_a_furniture_word_stays_in_mid_text() -> None:
    line = "Реклама алкоголя на телевидении запрещена законом с 2012 года, напомнили в министерстве."
    text = ("Переговоры о транзите\n\nМинистры двух стран провели переговоры в Минске и договорились расширить транзит "
            f"грузов по железной дороге.\n\n{line}\n\nСтороны договорились встретиться вновь в следующем году в Москве.\n")
    st = diplotext.parse(text)
    assert line in "\n".join(s.text for s in st.sections) and not st.removed


@pytest.mark.parametrize("line", ["December 19, 2012", "19.12.2012", "22 04 2018 г", "11-06-2024 22:47:49", "21 января 2002 года", "Wednesday, 5 June 2024", "December 13 − 14, 2005"])
def test_date_lines(line: str) -> None:
    assert is_date_line(line)


@pytest.mark.parametrize("line", ["In 2012 the trade grew.", "25 June 2012 marks the 20th anniversary", "3.78 BYN",
                                  "2018 10 19 30 2018 10 19 06", "Room 12 04 2018"])
def test_not_date_lines(line: str) -> None:
    assert not is_date_line(line)


STATEMENT = """JOINT STATEMENT
OF THE REPUBLIC OF BELARUS AND THE RUSSIAN FEDERATION
ON STRATEGIC PARTNERSHIP

The Republic of Belarus and the Russian Federation, hereinafter referred to as the Parties,
guided by the principles of sovereign equality, have agreed on the following.

I. Political cooperation

1. The Parties will hold regular consultations between their foreign ministries on all
issues of the international agenda.

2. The Parties reaffirm their commitment to the Union State.

Done at Minsk on 25 June 2012 in two copies.

For the Republic of Belarus
A. LUKASHENKO

For the Russian Federation
V. PUTIN
"""
TITLE = "JOINT STATEMENT OF THE REPUBLIC OF BELARUS AND THE RUSSIAN FEDERATION ON STRATEGIC PARTNERSHIP"


def _layout_texts(text: str, lang: str = "en") -> tuple[str | None, list[str], list[str]]:
    work = working_text(text)
    layout = find_layout(work, lang)
    title = " ".join(text[layout.title.start:layout.title.end].split()) if layout.title else None
    blocks = [" ".join(text[b.start:b.end].split()) for b in layout.blocks]
    return title, blocks, [r.text.strip() for r in layout.removed]


def test_all_caps_title_wrapped_over_three_lines() -> None:
    title, blocks, removed = _layout_texts(STATEMENT)
    assert title == TITLE
    assert not removed


def test_hard_wrapped_lines_are_one_paragraph() -> None:
    _, blocks, _ = _layout_texts(STATEMENT)
    assert "1. The Parties will hold regular consultations between their foreign ministries on all issues of the international agenda." in blocks
    assert blocks[0].startswith("The Republic of Belarus") and blocks[0].endswith("have agreed on the following.")


def test_signature_block_after_the_last_paragraph_stays() -> None:
    _, blocks, _ = _layout_texts(STATEMENT)
    assert blocks[-4:] == ["For the Republic of Belarus", "A. LUKASHENKO", "For the Russian Federation", "V. PUTIN"]


def test_windows_line_endings_give_the_same_layout() -> None:
    crlf = STATEMENT.replace("\n", "\r\n")
    assert _layout_texts(crlf) == _layout_texts(STATEMENT)
    st = diplotext.parse(crlf)
    assert st.title == TITLE
    for s in st.sections:
        assert "\r" not in s.text
        assert not crlf[s.start:s.end].endswith(("\r", "\n", " "))


def test_leading_bom_changes_nothing_but_offsets() -> None:
    title, blocks, removed = _layout_texts("\ufeff" + STATEMENT)
    assert (title, blocks, removed) == _layout_texts(STATEMENT)
    st = diplotext.parse("\ufeff" + STATEMENT)
    assert st.title == TITLE
    assert st.title_span is not None and st.title_span.start == 1


def test_no_blank_lines_between_paragraphs() -> None:
    text = (
        "Presidents of Two Countries Sign Joint Statement\n"
        "The presidents of the two countries signed a joint statement on strategic partnership in Moscow on Friday.\n"
        "The document highlights that the negotiations were held in an atmosphere of friendship and trust.\n"
        "The leaders agreed to expand trade, and to coordinate their positions in the United Nations.\n"
    )
    title, blocks, removed = _layout_texts(text)
    assert title == "Presidents of Two Countries Sign Joint Statement"
    assert len(blocks) == 3 and not removed


def test_one_very_long_line_is_kept_whole() -> None:
    sentence = "The Parties agreed to deepen cooperation in trade, energy and culture, and to meet regularly. "
    text = "Joint Communique\n\n" + sentence * 60 + "\n"
    title, blocks, removed = _layout_texts(text)
    assert title == "Joint Communique"
    assert len(blocks) == 1 and len(blocks[0]) > 5000 and not removed


def test_short_lines_inside_the_content_stay() -> None:
    text = (
        "Talks with the President of Finland\n\n"
        "The two presidents discussed bilateral relations and the situation in the Baltic region in detail.\n\n"
        "Trade\n\n"
        "“Thank you.”\n\n"
        "The sides agreed to continue the dialogue at the level of foreign ministers in the autumn.\n"
    )
    _, blocks, removed = _layout_texts(text)
    assert "Trade" in blocks and "“Thank you.”" in blocks
    assert not removed


def test_see_also_inside_the_text_takes_its_links_only() -> None:
    text = (
        "Address on the ceasefire\n\n"
        "The President made an address following the adoption of the joint statement on the ceasefire in the region.\n\n"
        "See also\n\n"
        "Joint Statement on the Cessation of Hostilities\n\n"
        "During our conversation, we approved the joint statement and agreed on the\n"
        "procedure for monitoring the ceasefire.\n"
    )
    _, blocks, removed = _layout_texts(text)
    assert removed == ["See also", "Joint Statement on the Cessation of Hostilities"]
    assert blocks[-1].startswith("During our conversation")


def test_repeated_menu_items_are_removed_even_with_unknown_words() -> None:
    menu = "Quarterly Bulletin\nHarbour Works\nLibrary\n"
    text = menu * 3 + "\nAgreement on Port Cooperation\n\nThe two port authorities agreed to exchange information on shipping and safety every month.\n"
    _, blocks, removed = _layout_texts(text)
    assert blocks == ["The two port authorities agreed to exchange information on shipping and safety every month."]
    assert "Quarterly Bulletin" in removed


def test_wrapped_sentence_ending_in_a_number_line() -> None:
    text = (
        "Meeting with the Prime Minister\n\n"
        "We are delighted to welcome you to Moscow ahead of the New Year. As agreed, we are meeting a few days before\n"
        "2019.\n"
    )
    _, blocks, removed = _layout_texts(text)
    assert blocks[-1].endswith("before 2019.")
    assert not removed


def test_russian_page_with_print_and_share_rows() -> None:
    text = (
        "Главная / Новости /\n"
        "Переговоры с Президентом Казахстана\n\n"
        "Президенты обсудили актуальные вопросы двустороннего сотрудничества и взаимодействия в рамках ЕАЭС.\n\n"
        "Стороны договорились продолжить консультации на уровне министров иностранных дел.\n\n"
        "Версия для печати\n"
        "Поделиться\n"
    )
    title, blocks, removed = _layout_texts(text, "ru")
    assert title == "Переговоры с Президентом Казахстана"
    assert removed == ["Главная / Новости /", "Версия для печати", "Поделиться"]
    assert len(blocks) == 2


def test_all_caps_title_split_by_a_blank_line_stays_whole() -> None:
    text = (
        "JOINT DECLARATION\n\nBY THE PRESIDENTS OF THE REPUBLIC OF ARMENIA AND THE RUSSIAN FEDERATION\n\n"
        "The Presidents of the Republic of Armenia and the Russian Federation declare their commitment to alliance.\n"
    )
    title, blocks, removed = _layout_texts(text)
    assert title == "JOINT DECLARATION BY THE PRESIDENTS OF THE REPUBLIC OF ARMENIA AND THE RUSSIAN FEDERATION"
    assert not removed and len(blocks) == 1


def test_one_word_document_title() -> None:
    title, blocks, _ = _layout_texts("COMMUNIQUE\n\nThe ministers of the two countries met in Baku and discussed regional transport projects.\n")
    assert title == "COMMUNIQUE"


def test_date_line_above_the_title_belongs_to_the_header() -> None:
    text = "Home / News /\n25.06.2012\nMinisters meet in Minsk\n\nThe foreign ministers of the two countries met in Minsk to discuss the agenda of the Union State.\n"
    title, blocks, removed = _layout_texts(text)
    assert title == "Ministers meet in Minsk"
    assert blocks[0] == "25.06.2012"
    assert removed == ["Home / News /"]


def test_menu_between_paragraphs_goes_but_the_heading_under_it_stays() -> None:
    text = (
        "Agreement on Port Cooperation\n\n"
        "The two port authorities agreed to exchange information on shipping and safety every month.\n\n"
        "Share\nPrint\nRelated documents\nPort statistics\n\n"
        "Safety of navigation\n\n"
        "The authorities will hold a joint exercise on the safety of navigation in the spring of next year.\n"
    )
    _, blocks, removed = _layout_texts(text)
    assert removed == ["Share", "Print", "Related documents", "Port statistics"]
    assert "Safety of navigation" in blocks


def test_wrapped_paragraph_with_a_full_stop_at_a_line_end_stays_one_paragraph() -> None:
    para = (
        "The two ministers discussed the state of bilateral relations and the\n"
        "prospects for their cooperation in the fields of trade and of energy.\n"
        "They agreed to hold the next round of consultations in the autumn of\n"
        "this year in the capital.\n"
    )
    text = "Talks of the Foreign Ministers\n\n" + para + "\n" + para.replace("two", "both") + "\n" + para.replace("ministers", "sides") + "\n" + para
    _, blocks, _ = _layout_texts(text)
    assert len(blocks) == 4
    assert all(b.endswith("in the capital.") for b in blocks)


def test_repeated_pieces_of_wrapped_sentences_are_not_menu_items() -> None:
    para = "The Parties agreed to deepen cooperation in trade, energy and\nculture, and to meet regularly with each other\n"
    text = "Joint Communique\n\n" + para * 4
    title, blocks, removed = _layout_texts(text)
    assert title == "Joint Communique"
    assert not removed and len(blocks) == 1


def test_menu_reason_for_runs_of_short_lines_outside_the_content() -> None:
    text = "Politics\nEconomy\nSociety\n\nTalks in Baku\n\nThe ministers of the two countries met in Baku and discussed regional transport projects.\n"
    st = diplotext.parse(text)
    assert [(r.text, r.reason) for r in st.removed] == [("Politics", "menu"), ("Economy", "menu"), ("Society", "menu")]


def test_lists_of_other_headlines_above_and_below_the_article_go() -> None:
    text = (
        "Lukashenko congratulates the people of Kazakhstan on the national holiday of the country\n"
        "Belarus and China to expand cooperation in the field of education and science next year\n"
        "The Belarusian leader took part in the ceremony of the opening of the new building of the library\n"
        "Talks in Baku\n"
        "The ministers of the two countries met in Baku and discussed regional transport projects.\n"
        "They agreed to meet again in spring.\n"
        "Government of Belarus approves a new programme for the development of the regions of the country\n"
        "12.05.2024\n"
        "Minsk to host an international forum on the security of the Eurasian region in the autumn\n"
    )
    title, blocks, removed = _layout_texts(text)
    assert title == "Talks in Baku"
    assert blocks == [
        "The ministers of the two countries met in Baku and discussed regional transport projects.",
        "They agreed to meet again in spring.",
    ]
    assert len(removed) == 6


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_boilerplate_vocabulary_has_its_shape(lang: str) -> None:
    from diplotext.resources import load_json

    data = load_json(f"{lang}/boilerplate.json")
    for key in ("lines", "prefixes", "contains", "ui_words", "related_headers", "taxonomy_headers", "closing"):
        assert data[key] and all(isinstance(s, str) and s == s.casefold() and s.strip() for s in data[key]), key


@pytest.mark.parametrize("text", ["100%", " 100% ", "$20", "3.78 BYN\n2.98 BYN\n"])
def test_cleaning_never_removes_every_line(text: str) -> None:
    layout = find_layout(working_text(text), "en")
    assert layout.content and not layout.removed
