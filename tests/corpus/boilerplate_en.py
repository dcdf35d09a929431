"""Saved English web pages, written for these tests: what must go (`noise`, whole lines) and what
must stay (`keep`, substrings of the title or the sections), with the expected title.

Each page mixes real content with the furniture of one kind of site: a foreign ministry's page
(view settings, a menu of missions), a news site (currency ticker, breadcrumbs, share row,
copyright), an official site's news item (menus, "See also", tags, publication status).
"""

MINISTRY_STATEMENT = {
    "name": "ministry statement page",
    "text": """View settings
Font size:
Site colours:
Images
Settings
Home / Press service / Statements /

Joint Statement of the Ministers of Foreign Affairs of the Kyrgyz Republic and the Republic of Tajikistan on Border Cooperation

The Ministers of Foreign Affairs of the Kyrgyz Republic and the Republic of Tajikistan met in Bishkek on 14 March 2023 and reviewed the state of bilateral relations.

The Ministers noted with satisfaction that the delimitation of the state border has advanced and agreed to complete it within the agreed time frame.

Trade between the two countries grew by 12 percent last year, and the Ministers instructed their governments to remove remaining barriers.

“Good neighbourliness is our common choice.”

The Ministers agreed to hold the next round of consultations in Dushanbe.

Done at Bishkek on 14 March 2023.

For the Kyrgyz Republic
For the Republic of Tajikistan

Last updated: 15.03.2023 10:12
• № 145
Diplomatic Missions abroad
Consular questions
Go to
Official Internet Resources
© 2023 Ministry of Foreign Affairs. All rights reserved.
""",
    "title": "Joint Statement of the Ministers of Foreign Affairs of the Kyrgyz Republic and the Republic of Tajikistan on Border Cooperation",
    "noise": ["View settings", "Font size:", "Site colours:", "Home / Press service / Statements /", "Last updated: 15.03.2023 10:12",
              "• № 145", "Go to", "Official Internet Resources", "© 2023 Ministry of Foreign Affairs. All rights reserved."],
    "keep": ["met in Bishkek on 14 March 2023", "Good neighbourliness is our common choice.", "next round of consultations in Dushanbe",
             "Done at Bishkek on 14 March 2023.", "For the Republic of Tajikistan"],
}

NEWS_SITE = {
    "name": "news site item, no blank lines",
    "text": """USD 3.21
EUR 3.47
RUB 100 3.52
News /
Politics
Kazakhstan and Uzbekistan Agree to Double Trade by 2030
ASTANA, 10 May (Kazinform) – The presidents of Kazakhstan and Uzbekistan agreed on Friday to double mutual trade to 10 billion US dollars by 2030, the presidential press office said.
The leaders also discussed water management in Central Asia and joint projects in energy and transport.
"We are brothers," the Kazakh president said.
Share
Print
VK Telegram WhatsApp
Read also:
Uzbekistan Opens New Border Crossing
Kazakhstan Hosts Regional Water Forum
""",
    "title": "Kazakhstan and Uzbekistan Agree to Double Trade by 2030",
    "noise": ["USD 3.21", "EUR 3.47", "RUB 100 3.52", "News /", "Share", "Print", "VK Telegram WhatsApp",
              "Uzbekistan Opens New Border Crossing", "Kazakhstan Hosts Regional Water Forum"],
    "keep": ["The presidents of Kazakhstan and Uzbekistan agreed", "water management in Central Asia", "\"We are brothers,\""],
}

OFFICIAL_NEWS_ITEM = {
    "name": "official site news item with site menus",
    "text": """President of Mongolia
News
Events
Documents
Contacts
Search this website
Version for People with Disabilities

News
Meeting with the Prime Minister of Japan

The President of Mongolia met with the Prime Minister of Japan, who is in Ulaanbaatar on an
official visit. The two leaders discussed economic cooperation
and cultural exchanges.

June 2, 2024
11:30

State Palace, Ulaanbaatar

The sides noted that the strategic partnership between Mongolia and Japan
is developing steadily, and agreed to expand cooperation in mining and renewable energy.

Economic partnership

The leaders welcomed the entry into force of the Economic Partnership Agreement and
instructed their ministers to prepare a new programme of investment.

See also
Talks with the President of the Republic of Korea
May 30, 2024

Topics
Foreign policy
Persons
Publication status
Published in section: News
Direct link: example.mn/d/1234
Send by email
Print
Last updated at June 2, 2024, 14:05
""",
    "title": "Meeting with the Prime Minister of Japan",
    "noise": ["Search this website", "Version for People with Disabilities", "See also", "Talks with the President of the Republic of Korea",
              "May 30, 2024", "Topics", "Foreign policy", "Publication status", "Published in section: News", "Direct link: example.mn/d/1234",
              "Send by email", "Last updated at June 2, 2024, 14:05"],
    "keep": ["who is in Ulaanbaatar on an official visit", "June 2, 2024", "State Palace, Ulaanbaatar", "Economic partnership",
             "prepare a new programme of investment"],
}

AGENCY_ITEM = {
    "name": "news agency item with a footer",
    "text": """Belarus, Russia to deepen cooperation in industry
MINSK, 6 December (BelTA) – Belarus and Russia will deepen cooperation in industry and energy, the Belarusian leader said at the talks.
The sides also discussed the Union State programmes and joint projects in microelectronics.
If you notice a mistake, select it and press Ctrl+Enter
Subscribe to our Telegram channel!
We use cookies to improve the website.
""",
    "title": "Belarus, Russia to deepen cooperation in industry",
    "noise": ["If you notice a mistake, select it and press Ctrl+Enter", "Subscribe to our Telegram channel!", "We use cookies to improve the website."],
    "keep": ["MINSK, 6 December (BelTA)", "will deepen cooperation in industry and energy", "joint projects in microelectronics."],
}

NEWS_SITE_CHROME = {
    "name": "news site chrome: banner, newsletter, related feed with timestamps, standards footer",
    "text": """English Русский
USD 92.50 EUR 99.10
Sign up for our daily newsletter
Advertisement

Ministers of Chile and Norway agree to expand fisheries research

Oslo harbour at dawn

Chile and Norway will double the number of joint research cruises in the South Pacific, their fisheries ministers said on Tuesday after talks in Oslo.

The two ministers told reporters the programme would also train twenty young scientists from both countries each year.

Reporting by Anna Berg; Editing by Tom Hale
Our Standards: The Example Trust Principles.

More from Example News
Farmers protest new water rules in Valencia
2 hours ago
Rail strike ends after three days
Updated 5 min ago
""",
    "title": "Ministers of Chile and Norway agree to expand fisheries research",
    "noise": ["English Русский", "USD 92.50 EUR 99.10", "Sign up for our daily newsletter", "Advertisement", "Oslo harbour at dawn",
              "Reporting by Anna Berg; Editing by Tom Hale", "Our Standards: The Example Trust Principles.", "More from Example News",
              "2 hours ago", "Updated 5 min ago", "Rail strike ends after three days"],
    "keep": ["double the number of joint research cruises", "train twenty young scientists"],
}

PRESS_RELEASE_LETTERHEAD = {
    "name": "ministry media release: letterhead, end mark, media contacts",
    "text": """MEDIA RELEASE
For immediate release

Minister welcomes new trade office in Santiago

The Minister for Trade today opened the new trade office in Santiago, which will help exporters of wine and machinery reach buyers across South America.

"This office brings our companies closer to a fast-growing market," the Minister said.

###

Media contact: Jane Roe, press office, +61 2 5550 1234
""",
    "title": "Minister welcomes new trade office in Santiago",
    "noise": ["MEDIA RELEASE", "For immediate release", "###", "Media contact: Jane Roe, press office, +61 2 5550 1234"],
    "keep": ["opened the new trade office in Santiago", "closer to a fast-growing market"],
}

MEDIA_NOTE = {
    "name": "foreign ministry media note: spokesperson header, label, Begin/End Text",
    "text": """Office of the Spokesperson

Joint Statement on the Peru-Portugal Consultations

Media Note

March 3, 2026

The following is the text of a joint statement by Peru and Portugal.

Begin Text

We, the delegations of Peru and Portugal, met in Lisbon and agreed to deepen cooperation in ports and renewable energy.

We will meet again in Lima next year.

End Text
""",
    "title": "Joint Statement on the Peru-Portugal Consultations",
    "noise": ["Office of the Spokesperson", "Media Note", "Begin Text", "End Text"],
    "keep": ["deepen cooperation in ports and renewable energy", "We will meet again in Lima next year."],
}

SHORT_PARAGRAPH_AFTER_MENU = {
    "name": "a short real paragraph after a ticker and a menu in mid-text stays",
    "text": """Talks on river transport between Laos and Thailand

Laos and Thailand agreed on Monday to open two new river ports on the Mekong and to share the cost of dredging the channel.

EUR 1.08 USD
Share
Print

The ports open in May.

Officials said the dredging would start after the rainy season and last about two years.
""",
    "title": "Talks on river transport between Laos and Thailand",
    "noise": ["EUR 1.08 USD", "Share", "Print"],
    "keep": ["The ports open in May.", "dredging would start after the rainy season"],
}

PAGES = [MINISTRY_STATEMENT, NEWS_SITE, OFFICIAL_NEWS_ITEM, AGENCY_ITEM, NEWS_SITE_CHROME, PRESS_RELEASE_LETTERHEAD, MEDIA_NOTE,
         SHORT_PARAGRAPH_AFTER_MENU]
