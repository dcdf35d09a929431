"""Sections as the document has them: datelines, lead, headings, numbered points, quotes,
speaker turns, long lines split only at real boundaries, and topics from the lexicon."""

from __future__ import annotations

import pytest

import diplotext
from diplotext.segment import score_topics, speaker_turns

STATEMENT = """Joint Statement of the Republic of Belarus and the Russian Federation

I. Political cooperation

1. The Parties will hold regular consultations between their foreign ministries on all
issues of the international agenda.

2)
The Parties reaffirm their commitment to building the Union State.

Article 3
The Parties shall cooperate in the fight against international terrorism and organised crime.

II. ECONOMIC COOPERATION

The Parties will increase mutual trade and investment and will develop cooperation in the oil and gas sector.

“The Parties condemn unilateral sanctions.”
"""


@pytest.fixture(scope="module")
def statement() -> diplotext.Statement:
    return diplotext.parse(STATEMENT)


def test_sections_have_index_offsets_and_folded_text(statement: diplotext.Statement) -> None:
    assert [s.index for s in statement.sections] == list(range(len(statement.sections)))
    for s in statement.sections:
        assert " ".join(STATEMENT[s.start:s.end].split()) == s.text


def test_numbered_points(statement: diplotext.Statement) -> None:
    points = [(s.number, s.text[:30]) for s in statement.sections if s.kind == "point"]
    assert points == [
        ("1", "1. The Parties will hold regul"),
        ("2", "2) The Parties reaffirm their "),
        ("Article 3", "Article 3 The Parties shall co"),
    ]


def test_hard_wrapped_point_is_one_section(statement: diplotext.Statement) -> None:
    first = next(s for s in statement.sections if s.number == "1")
    assert first.text.endswith("on all issues of the international agenda.")


def test_headings_and_what_falls_under_them(statement: diplotext.Statement) -> None:
    headings = [s for s in statement.sections if s.kind == "heading"]
    assert [(h.number, h.text) for h in headings] == [("I", "I. Political cooperation"), ("II", "II. ECONOMIC COOPERATION")]
    trade = next(s for s in statement.sections if "mutual trade" in s.text)
    assert trade.heading == "II. ECONOMIC COOPERATION"
    assert next(s for s in statement.sections if s.number == "1").heading == "I. Political cooperation"


def test_quoted_statement(statement: diplotext.Statement) -> None:
    assert statement.sections[-1].kind == "quote"
    assert statement.sections[-1].text == "“The Parties condemn unilateral sanctions.”"


def test_topics_are_scored_per_section(statement: diplotext.Statement) -> None:
    by_text = {s.text[:20]: s.topics for s in statement.sections}
    assert "security_defense" in by_text["Article 3 The Partie"]
    trade = next(s for s in statement.sections if "mutual trade" in s.text)
    assert trade.topics[:2] == ["economy_trade", "energy"] or set(trade.topics[:2]) == {"economy_trade", "energy"}
    assert "sanctions" in statement.sections[-1].topics


PRESS_RELEASE = """Russian-Mongolian talks

June 2, 2024
11:30

State Palace, Ulaanbaatar

The President of Russia held talks with the President of Mongolia in Ulaanbaatar.

The leaders discussed trade, energy and transport projects.
"""


def test_dateline_and_lead_of_a_press_release() -> None:
    st = diplotext.parse(PRESS_RELEASE)
    kinds = [(s.kind, s.text) for s in st.sections]
    assert kinds[:4] == [
        ("dateline", "June 2, 2024"),
        ("dateline", "11:30"),
        ("dateline", "State Palace, Ulaanbaatar"),
        ("lead", "The President of Russia held talks with the President of Mongolia in Ulaanbaatar."),
    ]
    assert kinds[4][0] == "paragraph"


def test_news_dateline_is_split_off_the_lead() -> None:
    st = diplotext.parse(
        "Presidents Agree to Expand Trade\n\nASTANA, 10 May (Kazinform) – The presidents agreed on Friday to expand mutual trade and investment.\n"
    )
    assert [s.kind for s in st.sections] == ["dateline", "lead"]
    assert st.sections[0].text == "ASTANA, 10 May (Kazinform)"
    assert st.sections[1].text.startswith("The presidents agreed")


TRANSCRIPT_ONE_LINE = (
    "Meeting with the President of Mongolia\n\nJune 2, 2024\n11:30\n\nUlaanbaatar\n\n"
    "The two presidents met in Ulaanbaatar and discussed bilateral cooperation in trade and energy. * * * "
    "President of Russia Vladimir Putin: Mr President, friends, I am glad to see you. Our trade grew by 20 percent last year. "
    "President of Mongolia Ukhnaagiin Khurelsukh (retranslated): Thank you, Mr President. We value our partnership. "
    "Vladimir Putin: Thank you. <…>\n"
)


def test_one_long_line_is_split_at_speaker_turns_only() -> None:
    st = diplotext.parse(TRANSCRIPT_ONE_LINE)
    turns = [(s.kind, s.speaker, s.text[:25]) for s in st.sections if s.speaker]
    assert turns == [
        ("quote", "President of Russia Vladimir Putin", "President of Russia Vladi"),
        ("quote", "President of Mongolia Ukhnaagiin Khurelsukh", "President of Mongolia Ukh"),
        ("quote", "Vladimir Putin", "Vladimir Putin: Thank you"),
    ]
    lead = next(s for s in st.sections if s.kind == "lead")
    assert lead.text.endswith("in trade and energy.")
    for s in st.sections:
        assert " ".join(TRANSCRIPT_ONE_LINE[s.start:s.end].split()) == s.text


def test_a_turn_goes_on_over_the_paragraphs_below_its_label() -> None:
    text = (
        "Meeting with the Governor\n\nThe President met with the Governor of the region to discuss the regional economy.\n\n"
        "President of Russia\nVladimir Putin: Good afternoon.\n\nLet us start with the economy of the region and its budget.\n\n"
        "Governor: Thank you, Mr President.\n\nThe budget has grown by ten percent this year.\n"
    )
    st = diplotext.parse(text)
    speakers = [(s.speaker, s.text[:12]) for s in st.sections if s.kind == "quote"]
    assert speakers == [
        ("President of Russia Vladimir Putin", "President of"),
        ("President of Russia Vladimir Putin", "Let us start"),
        ("Governor", "Governor: Th"),
        ("Governor", "The budget h"),
    ]
    assert st.kind == "transcript"


@pytest.mark.parametrize(
    "text,speakers",
    [
        ("Vladimir Putin: Thank you. Xi Jinping: Thank you too.", ["Vladimir Putin", "Xi Jinping"]),
        ("Question: Will you meet again? Answer: Yes, in May.", ["Question", "Answer"]),
        ("Президент России Владимир Путин: Добрый день. А.Лукашенко: Спасибо.", ["Президент России Владимир Путин", "А.Лукашенко"]),
        ("The leaders agreed on the following: Trade will grow.", []),
        ("Trade between Russia and China: Growth continued.", []),
        ("As Vladimir Putin put it: We are friends.", []),
    ],
)
def test_speaker_turns(text: str, speakers: list[str]) -> None:
    lang = "ru" if any("а" <= c <= "я" for c in text.casefold()) else "en"
    assert [t[2] for t in speaker_turns(text, lang)] == speakers


def test_russian_points_and_topics() -> None:
    st = diplotext.parse(
        "Совместное заявление Республики Беларусь и Российской Федерации\n\n"
        "Статья 1\nСтороны развивают торгово-экономическое сотрудничество и наращивают взаимный товарооборот.\n\n"
        "Статья 2\nСтороны укрепляют коллективную безопасность в рамках ОДКБ и противодействуют терроризму.\n"
    )
    points = [(s.number, s.topics[:1]) for s in st.sections if s.kind == "point"]
    assert points == [("Статья 1", ["economy_trade"]), ("Статья 2", ["security_defense"])]


def test_topic_lexicon_scores_stems_and_phrases() -> None:
    topics = dict(score_topics("Sanctions and unilateral coercive measures hurt trade; the sanctions policy is illegal.", "en"))
    assert topics["sanctions"] >= 3
    assert score_topics("The weather was fine.", "en") == []


def test_place_and_date_line_under_the_title_is_a_dateline() -> None:
    st = diplotext.parse(
        "Joint Communique\n\nMinsk, 25 June 2012\n\nThe Parties agreed to deepen cooperation in trade, energy and culture.\n"
    )
    assert [(s.kind, s.text) for s in st.sections][0] == ("dateline", "Minsk, 25 June 2012")
    assert st.sections[1].kind == "paragraph"


def test_heading_and_label_run_together_after_a_divider() -> None:
    text = (
        "Summit of the Group of Twenty\n\nThe President took part in the summit via videoconference and spoke on climate. * * * "
        "Speech at the first session of the G20 Summit President of Russia Vladimir Putin: Colleagues, I shall speak on health.\n"
    )
    st = diplotext.parse(text)
    heading = next(s for s in st.sections if s.kind == "heading")
    assert heading.text == "Speech at the first session of the G20 Summit"
    assert st.sections[-1].speaker == "President of Russia Vladimir Putin"


def test_one_long_line_is_split_at_a_run_of_numbered_points() -> None:
    point = "The Parties will deepen their cooperation in trade, energy, transport and culture for the benefit of their peoples. "
    line = (
        "The Parties have agreed as follows: 1. " + point * 3 + "2. " + point * 3 + "3. " + point * 3
        + "In 2. half of the year they will meet again. " + point
    )
    st = diplotext.parse("Joint Statement of Russia and Mongolia\n\n" + line + "\n")
    assert [(s.kind, s.number) for s in st.sections] == [("paragraph", None), ("point", "1"), ("point", "2"), ("point", "3")]
    assert st.sections[0].text == "The Parties have agreed as follows:"


def test_a_lone_number_after_a_sentence_is_no_point() -> None:
    line = "The Parties met in Moscow. 2. The second meeting was held in Ulaanbaatar in May. " * 20
    st = diplotext.parse("Joint Statement of Russia and Mongolia\n\n" + line + "\n")
    assert len(st.sections) == 1


def test_topic_lexicons_have_the_same_topics_in_every_language() -> None:
    from diplotext.resources import load_json

    en, ru = load_json("en/topics.json")["topics"], load_json("ru/topics.json")["topics"]
    assert set(en) == set(ru)
    for lexicon in (en, ru):
        for topic, terms in lexicon.items():
            assert terms and all(isinstance(t, str) and t.strip() and "*" not in t.rstrip("*").replace("* ", "") for t in terms), topic
