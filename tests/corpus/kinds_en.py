"""Short English texts written for these tests, one or more per document kind: (text, kind, a cue
that must be in the evidence). The texts are of no one publisher: the kind shows in their form."""

CASES = [
    # the document itself
    ("Joint Statement of Chile and Peru on Fisheries\n\nThe Parties agree to share catch data every month.\n\n"
     "The Parties will meet again in Lima.\n", "joint_statement", "title_names_document"),
    ("We, the Foreign Ministers of Chile, Peru and Ecuador, meeting in Quito on 3 May 2024, note with concern the decline "
     "of fish stocks and commit to joint patrols.\n\nWe will report on progress at our next meeting.\n", "joint_statement", "opens_as_we"),
    ("Lisbon Declaration on Ocean Research\n\nThe participating states declare their intention to fund a common research "
     "fleet.\n\nDone at Lisbon on 12 June 2023.\n", "declaration", "title_names_document"),
    ("The Heads of State of the members of the Andean Council, meeting in La Paz on 4 April 2024, declare the following:\n\n"
     "1. The Member States reaffirm their commitment to free trade.\n\n2. The Member States will coordinate customs.\n\n"
     "3. The Member States will meet annually.\n", "declaration", "declares"),
    ("Joint Communiqué on the Visit of the President of Ghana to Norway\n\nThe two sides held talks in Oslo on trade and "
     "energy.\n", "communique", "title_names_document"),
    # an official body's own item
    ("Readout of the Minister's Call with the Foreign Minister of Kenya\n\nMay 2, 2024\n\nThe Minister spoke today with the "
     "Foreign Minister of Kenya about regional security and trade.\n", "press_release", "release_title"),
    ("Office of the Spokesperson\n\nThe Secretary's Meeting with the Foreign Minister of Chile\n\nMedia Note\n\nJune 3, 2025\n\n"
     "The Secretary met today with the Foreign Minister of Chile and discussed lithium supply chains.\n", "press_release",
     "release_label"),
    ("Meeting with the Governor of the Central Bank\n\nMarch 3, 2024\n16:00\n\nThe Kremlin, Moscow\n\nThe President met with "
     "the Governor of the Central Bank to discuss inflation and the key rate.\n", "press_release", "official_header_time"),
    # a news outlet's item
    ("OSLO, May 5 (Example News) - Norway and Chile agreed on Tuesday to double joint research cruises, officials said.\n\n"
     "The deal was reached after two days of talks, according to a statement from the Norwegian ministry.\n", "news_report",
     "agency_dateline"),
    ("Fishing talks end without deal\n\nBy Anna Berg\n\nTalks between Norway and Chile ended without agreement on Friday, "
     "according to officials familiar with the matter, who told reporters that quotas remained the main obstacle.\n",
     "news_report", "byline"),
    # a transcript
    ("Press statements following talks with the President of Chile\n\nPresident of Norway Ola Nordmann: Mr President, "
     "friends, we have had good talks today.\n\nPresident of Chile Juan Perez: Thank you. We agreed on many things.\n\n"
     "President of Norway Ola Nordmann: I hope to see you in Oslo soon.\n", "transcript", "speaker_turns_dominate"),
    # other
    ("Agreement between Chile and Peru on the Avoidance of Double Taxation\n\nArticle 1\n\nThis Agreement shall apply to "
     "persons who are residents of one or both of the Contracting States.\n", "other", "title_names_agreement"),
    ("Statement by the Ministry of Foreign Affairs on the Elections in Freedonia\n\nThe Ministry notes the peaceful conduct "
     "of the elections and calls on all sides to respect the results.\n", "other", "single_party_statement"),
]
