"""Document metadata: kind from title and form, the parties that make the statement, the venue."""

from __future__ import annotations

import pytest

import diplotext
from diplotext.extract.meta import own_kind


@pytest.mark.parametrize(
    "title,kind",
    [
        ("Joint Statement of the Republic of Belarus and the Russian Federation", "joint_statement"),
        ("JOINT STATEMENT OF THE LEADERS OF RUSSIA AND CHINA", "joint_statement"),
        ("Joint Declaration on Strategic Partnership", "declaration"),
        ("Tashkent Declaration of the Heads of State of the SCO", "declaration"),
        ("Joint Communiqué on the Visit of the President of Mongolia", "communique"),
        ("Совместное заявление Республики Беларусь и Российской Федерации", "joint_statement"),
        ("Декларация Совета коллективной безопасности ОДКБ", "declaration"),
        ("Совместное коммюнике по итогам визита", "communique"),
        # Headlines about a document are not the document.
        ("A joint declaration on combating terrorism was adopted at the summit", None),
        ("Presidents Sign Joint Statement: Key Points", None),
        ("Президенты подписали совместное заявление", None),
        ("Statement by the Ministry of Foreign Affairs", None),
    ],
)
def test_own_kind_from_the_title(title: str, kind: str | None) -> None:
    lang = "ru" if any("а" <= c <= "я" for c in title.casefold()) else "en"
    assert own_kind(title, lang) == kind


def test_joint_statement_parties_from_the_title() -> None:
    st = diplotext.parse(
        "Joint Statement of the Republic of Belarus and the Russian Federation on Cooperation with China\n\n"
        "The Parties reaffirm their commitment to strategic partnership and alliance.\n\nDone at Minsk on 25 June 2012.\n"
    )
    assert st.kind == "joint_statement"
    assert st.parties == ["BLR", "RUS"]  # China is the topic, not a party
    assert st.venue == "Minsk"


def test_joint_statement_parties_from_the_first_sentence_when_the_title_names_none() -> None:
    st = diplotext.parse(
        "Joint Statement of the Leaders of the Nuclear-Weapon States\n\n"
        "China, France and the Russian Federation consider the avoidance of war their foremost responsibility. We affirm it.\n"
    )
    assert st.kind == "joint_statement"
    assert st.parties == ["CHN", "FRA", "RUS"]


def test_press_release_of_an_official_site() -> None:
    st = diplotext.parse(
        "Meeting with President of Kazakhstan\n\nMarch 3, 2024\n16:00\n\nThe Kremlin, Moscow\n\n"
        "Vladimir Putin met with President of Kazakhstan Kassym-Jomart Tokayev, who is in Russia on a working visit.\n\n"
        "The leaders discussed trade and economic cooperation and the agenda of the Eurasian Economic Union.\n"
    )
    assert st.kind == "press_release"
    assert st.venue == "The Kremlin, Moscow"
    assert "KAZ" in st.parties


def test_news_report_with_a_dateline() -> None:
    st = diplotext.parse(
        "Lukashenko, Putin discuss trade\n\nMINSK, 6 December (BelTA) – Belarusian President Alexander Lukashenko and "
        "Russian President Vladimir Putin discussed trade and energy cooperation by phone.\n"
    )
    assert st.kind == "news_report"
    assert st.venue == "Minsk"


def test_news_report_of_a_site_with_a_currency_ticker() -> None:
    st = diplotext.parse(
        "3.21 BYN\n3.47 BYN\nPresidents of Belarus and Russia Sign Joint Statement\n"
        "Following negotiations in Moscow, the presidents of Belarus and Russia signed a joint statement on security.\n"
        "The leaders discussed a wide range of issues on the bilateral agenda.\n"
    )
    assert st.kind == "news_report"
    assert st.parties == ["BLR", "RUS"]
    assert st.venue == "Moscow"


def test_transcript_by_speaker_turns() -> None:
    st = diplotext.parse(
        "Russian-Mongolian talks\n\nJune 2, 2024\n11:30\n\nThe presidents held talks in Ulaanbaatar.\n\n"
        "President of Russia Vladimir Putin: Mr President, friends, I am glad to see you here again in Ulaanbaatar. "
        "Our trade grew last year, and we have good plans.\n\n"
        "President of Mongolia Ukhnaagiin Khurelsukh: Thank you, Mr President. We value our partnership very much.\n"
    )
    assert st.kind == "transcript"
    assert st.venue == "Ulaanbaatar"


def test_reported_speech_is_not_a_transcript() -> None:
    st = diplotext.parse(
        "CIS leaders held a news conference after their summit\n\nNovember 30, 2001\n16:50\n\n"
        "President Putin said international terrorism would remain the focus of attention of the heads of state.\n\n"
        "In turn, the President of Armenia noted that every conflict had its background and needed a careful approach.\n"
    )
    assert st.kind == "press_release"


def test_speech_title_with_first_person_body_is_a_transcript() -> None:
    st = diplotext.parse(
        "Address to the participants of the forum\n\nFriends, I am glad to greet you. We have much to discuss, and I hope that "
        "our meeting will be useful. I wish you success in your work.\n"
    )
    assert st.kind == "transcript"


def test_russian_press_release_and_news() -> None:
    press = diplotext.parse(
        "По итогам переговоров подписано коммюнике\n\n21 января 2002 года\n13:25\n\nМосква, Кремль\n\n"
        "Владимир Путин провел переговоры с Президентом Туркменистана и обсудил вопросы сотрудничества.\n"
    )
    assert press.kind == "press_release"
    assert press.venue == "Москва, Кремль"
    news = diplotext.parse(
        "3.78 BYN\n2.98 BYN\nПрезиденты Беларуси и России подписали совместное заявление\n"
        "По итогам переговоров в Москве президенты Беларуси и России подписали совместное заявление о безопасности.\n"
    )
    assert news.kind == "news_report"
    assert news.venue == "Москва"
    assert news.parties == ["BLR", "RUS"]


def test_no_title_no_body_is_other() -> None:
    assert diplotext.parse("3.78 BYN\n2.98 BYN\n").kind == "other"


def test_one_bodys_statement_is_other() -> None:
    st = diplotext.parse(
        "Statement by the Ministry of Foreign Affairs of the Republic of Belarus\n\n"
        "The Ministry of Foreign Affairs of the Republic of Belarus strongly condemns the new sanctions imposed on the country.\n"
    )
    assert st.kind == "other"


def test_plural_statements_are_not_the_document() -> None:
    assert own_kind("Statements by leaders of Russia, Azerbaijan and Armenia following trilateral talks") is None


@pytest.mark.parametrize(
    "title,kind",
    [
        ("Treaty on the Establishment of the Union State", "other"),
        ("Agreement between the Government of Belarus and the Government of Russia on Trade", "other"),
        ("Договор о создании Союзного государства", "other"),
        ("Agreement reached on gas prices", None),
        ("Treaty on Security Guarantees signed", None),
        ("Подписано соглашение о торговле", None),
    ],
)
def test_a_treaty_or_agreement_text_is_other(title: str, kind: str | None) -> None:
    lang = "ru" if any("а" <= c <= "я" for c in title.casefold()) else "en"
    assert own_kind(title, lang) == kind


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_kind_cues_have_their_shape(lang: str) -> None:
    from diplotext.resources import load_json

    data = load_json(f"{lang}/kinds.json")
    kinds = {"joint_statement", "declaration", "communique", "other"}
    assert data["document_nouns"] and set(data["document_nouns"].values()) <= kinds
    for key in ("title_prefixes", "reporting_words", "speech_titles", "news_cues", "official_cues", "venue_cues"):
        assert data[key] and all(isinstance(s, str) and s.strip() for s in data[key]), key
