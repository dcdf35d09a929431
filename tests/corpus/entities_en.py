"""Entities in English: sentences written in the genre, with the entities they must (POSITIVE)
and must not (NEGATIVE) yield.

POSITIVE: (text, [(type, id_or_name), ...]) — exactly the organizations, countries and persons
found, none missing and none extra (checked with tests/tables.py); an id is matched exactly, a name (for open-world entities, whose id is generated) against the
entity's name. NEGATIVE: (text, [(type, id_or_name), ...]) — none of these may be found;
(type, None) means no entity of that type at all.
"""

POSITIVE = [
    # organizations: full names, acronyms, British spelling, possessives, all caps
    ("Belarus and Russia actively participate in the Collective Security Treaty Organization.", [("ORG", "CSTO"), ("COUNTRY", "BLR"), ("COUNTRY", "RUS")]),
    ("The CSTO and the Collective Security Treaty Organisation are one body.", [("ORG", "CSTO")]),
    ("Russia supports the priorities of Belarus's chairmanship in EAEU bodies.", [("ORG", "EAEU"), ("COUNTRY", "BLR"), ("COUNTRY", "RUS")]),
    ("The parties condemned the European Union's policy.", [("ORG", "EU")]),
    ("BELARUS AND RUSSIA SIGN A JOINT STATEMENT ON THE UNION STATE", [("COUNTRY", "BLR"), ("COUNTRY", "RUS"), ("ORG", "UNION_STATE")]),
    ("They discussed cooperation within the SCO, BRICS and the New Development Bank.", [("ORG", "SCO"), ("ORG", "BRICS"), ("ORG", "NDB")]),
    ("The meeting of the Supreme Eurasian Economic Council was held in Minsk.", [("ORG", "SEEC")]),
    ("A statement followed the CSTO Collective Security Council and EurAsEC Interstate Council meetings.", [("ORG", "CSTO_CSC"), ("ORG", "EURASEC_IC"), ("ORG", "CSTO"), ("ORG", "EURASEC")]),
    ("The President cited the establishment of a CIS Counter-Terrorism Centre.", [("ORG", "CIS_ATC"), ("ORG", "CIS")]),
    ("Russia's entry into the World Trade Organisation would not interfere with the Eurasian Economic Cooperation (EurAsEC) organisation.", [("ORG", "WTO"), ("ORG", "EURASEC"), ("COUNTRY", "RUS")]),
    ("We have accomplished a great deal in this sphere as well, especially within the framework of the Eurasian\n"
     "Economic Union, but also in bilateral relations with our partners.", [("ORG", "EAEU")]),
    ("The Parliamentary Assembly of the Union of Belarus and Russia plays a significant role.", [("ORG", "UNION_STATE_PA"), ("COUNTRY", "BLR"), ("COUNTRY", "RUS")]),
    ("Premier of the State Council of China Li Keqiang arrived in Moscow.", [("ORG", "CN_STATE_COUNCIL"), ("COUNTRY", "CHN"), ("PERSON", "PERSON:li-keqiang")]),
    ("A memorandum was signed between Rosneft and China National Petroleum Corporation(CNPC).", [("ORG", "ROSNEFT"), ("ORG", "CNPC"), ("COUNTRY", "CHN")]),
    ("Gazprom, Rosatom and Sberbank signed the agreements with the IAEA and UNESCO.", [("ORG", "GAZPROM"), ("ORG", "ROSATOM"), ("ORG", "SBERBANK"), ("ORG", "IAEA"), ("ORG", "UNESCO")]),
    ("The bill was passed by the State Duma and approved by the Federation Council.", [("ORG", "RF_DUMA"), ("ORG", "RF_FC")]),
    ("Opec and OPEC+ countries, the G20 and the G7 discussed energy.", [("ORG", "OPEC_PLUS"), ("ORG", "G20"), ("ORG", "G7")]),
    # organs named by their short name, resolved by the document's context
    ("Russia and Turkmenistan believe that the UN and its Security Council must play a central role.", [("ORG", "UN"), ("ORG", "UNSC"), ("COUNTRY", "RUS"), ("COUNTRY", "TKM")]),
    ("President Putin stressed that the CIS and the Commonwealth countries had faced terrorism.", [("ORG", "CIS"), ("PERSON", "PERSON:vladimir-putin")]),
    # open world: a defined acronym links both forms
    ("The Shanghai Cooperation Organization (SCO) is viewed as a foundation. The SCO will meet in June.", [("ORG", "SCO")]),
    ("Co-chairs of the International Syria Support Group (ISSG) met. The ISSG agreed on a ceasefire.", [("ORG", "ISSG"), ("COUNTRY", "SYR")]),
    ("The Interstate Foundation for Humanitarian Cooperation (IFHC) held a forum. The IFHC grants were awarded.", [("ORG", "Interstate Foundation for Humanitarian Cooperation")]),
    # open world: organizations named by a head noun
    ("The Russian Academy of Sciences and the Ministry of Science and Higher Education signed a plan.", [("ORG", "Russian Academy of Sciences"), ("ORG", "Ministry of Science and Higher Education"), ("COUNTRY", "RUS")]),
    ("Chairman of the Artists' Union of Russia Andrei Kovalchuk designed the monument.", [("ORG", "Artists' Union of Russia"), ("PERSON", "Andrei Kovalchuk"), ("COUNTRY", "RUS")]),
    ("Strikes will be carried out by the Armed Forces of the Syrian Arab Republic.", [("ORG", "Armed Forces of the Syrian Arab Republic"), ("COUNTRY", "SYR")]),
    # countries: long and short forms, adjectives, demonyms, capitals as metonyms, hyphenated pairs
    ("The Republic of Belarus and the Russian Federation established diplomatic relations.", [("COUNTRY", "BLR"), ("COUNTRY", "RUS")]),
    ("Minsk and Moscow share views on fundamental changes.", [("COUNTRY", "BLR"), ("COUNTRY", "RUS")]),
    ("Belarus-Russia cooperation is developing.", [("COUNTRY", "BLR"), ("COUNTRY", "RUS")]),
    ("Russian-Chinese talks took place.", [("COUNTRY", "RUS"), ("COUNTRY", "CHN")]),
    ("No other peoples have closer relations than Belarusians and Russians.", [("COUNTRY", "BLR"), ("COUNTRY", "RUS")]),
    ("Plans to deploy American missiles and the U.S. global missile defence system.", [("COUNTRY", "USA")]),
    ("Russia and the US, as co-chairs, are prepared to launch mechanisms.", [("COUNTRY", "USA"), ("COUNTRY", "RUS")]),
    ("The People's Republic of China, the French Republic and the United Kingdom of Great Britain and Northern Ireland agreed.", [("COUNTRY", "CHN"), ("COUNTRY", "FRA"), ("COUNTRY", "GBR")]),
    ("Kazakhstani and Uzbek delegations, the Kyrgyz Republic and Tajikistan's government attended.", [("ORG", "Government of Tajikistan"), ("COUNTRY", "KAZ"), ("COUNTRY", "UZB"), ("COUNTRY", "KGZ"), ("COUNTRY", "TJK")]),
    ("Turkey and Türkiye are the same state.", [("COUNTRY", "TUR")]),
    ("Washington insists on sanctions.", [("COUNTRY", "USA")]),
    ("The Customs Union and Common Economic Space of Belarus, Kazakhstan and Russia were launched.", [("ORG", "CUSTOMS_UNION"), ("ORG", "CES"), ("COUNTRY", "KAZ"), ("COUNTRY", "BLR"), ("COUNTRY", "RUS")]),
    # persons: gazetteer names and their variants
    ("Official visit of the President of the Russian Federation, V.V. Putin to the Republic of Belarus.", [("PERSON", "PERSON:vladimir-putin"), ("COUNTRY", "RUS"), ("COUNTRY", "BLR")]),
    ("Belarusian President Alexander Lukashenko and Russian President Vladimir Putin signed a joint statement.", [("PERSON", "PERSON:alexander-lukashenko"), ("PERSON", "PERSON:vladimir-putin"), ("COUNTRY", "BLR"), ("COUNTRY", "RUS")]),
    ("Aleksandr Lukashenko met Alyaksandr Lukashenka's guests.", [("PERSON", "PERSON:alexander-lukashenko")]),
    ("President Emomali Rakhmonov of Tajikistan and President Heidar Aliyev of Azerbaijan spoke.", [("PERSON", "PERSON:emomali-rahmon"), ("PERSON", "PERSON:heydar-aliyev"), ("COUNTRY", "TJK"), ("COUNTRY", "AZE")]),
    ("US President George W. Bush arrived. Mr Putin and Mr Bush believe that cooperation is key. Later Bush said so.", [("PERSON", "PERSON:vladimir-putin"), ("PERSON", "PERSON:george-w-bush"), ("COUNTRY", "USA")]),
    ("President of the People's Republic of China Xi Jinping met Mr Xi's guests.", [("PERSON", "PERSON:xi-jinping"), ("COUNTRY", "CHN")]),
    # persons: open world, introduced by an office, a title, a given name or initials
    ("Foreign Minister Maksim Ryzhenkov held talks.", [("PERSON", "PERSON:maxim-ryzhenkov")]),
    ("Foreign Minister Ivan Zhukovsky held talks. Zhukovsky said the talks went well.", [("PERSON", "Ivan Zhukovsky")]),
    ("Deputy Minister of Industry and Trade Oleg Ryazantsev reported on the plan.", [("PERSON", "Oleg Ryazantsev")]),
    ("Chairman of the Eurasian Economic Commission’s Board Viktor Khristenko attended.", [("PERSON", "PERSON:viktor-khristenko"), ("ORG", "EEC_BOARD"), ("ORG", "EEC")]),
    ("Governor of the Primorye Territory Oleg Kozhemyako reported to Mr Kozhemyako's staff.", [("PERSON", "Oleg Kozhemyako")]),
    ("Mr Smith, the Ambassador, spoke first.", [("PERSON", "Smith")]),
    ("Deputy Foreign Minister of China Le Yucheng and Ambassador of Belarus to China Yuri Senko attended.", [("PERSON", "Le Yucheng"), ("PERSON", "Yuri Senko"), ("COUNTRY", "CHN"), ("COUNTRY", "BLR")]),
    ("According to the National Statistics Committee, trade grew by 20 percent.", [("ORG", "National Statistics Committee")]),
    ("Lukashenko, Putin Discuss Union State Integration At Supreme State Council Meeting", [("PERSON", "PERSON:vladimir-putin"), ("ORG", "UNION_STATE"), ("ORG", "UNION_STATE_SSC"), ("PERSON", "PERSON:alexander-lukashenko")]),
    ("The Armed Forces of the Syrian Arab Republic, Russian Armed Forces and the People's Liberation Army were mentioned.", [("ORG", "SYR_AF"), ("ORG", "RF_AF"), ("ORG", "PLA"), ("COUNTRY", "SYR"), ("COUNTRY", "RUS")]),
    ("The school is named after A.S. Pushkin.", [("PERSON", "PERSON:alexander-pushkin")]),
    ("Ambassador Extraordinary and Plenipotentiary Boris Gryzlov presented his credentials.", [("PERSON", "Boris Gryzlov")]),
    ("The meeting was attended by Chairman of the Board Viktor Khristenko Khristenko Viktor and other officials.", [("PERSON", "PERSON:viktor-khristenko")]),
    ("The meeting was attended by Chairman of the Board Ivan Zhukovsky Zhukovsky Ivan and other officials.", [("PERSON", "Ivan Zhukovsky")]),
    # open world, issue 16. Media outlets and companies named in the body
    ("The agreement was welcomed, said the Financial Times on Monday.", [("ORG", "FT")]),
    ("Voice of America and Reuters reported the talks; Bloomberg quoted an official.", [("ORG", "VOA"), ("COUNTRY", "USA"), ("ORG", "REUTERS"), ("ORG", "BLOOMBERG")]),
    ("Gazprom and Lukoil signed contracts with the Belarusian Railway.", [("ORG", "GAZPROM"), ("ORG", "LUKOIL"), ("ORG", "BELARUSIAN_RAILWAY"), ("COUNTRY", "BLR")]),
    # short names of state bodies; bodies of a state the gazetteer has no entry for
    ("The U.S. Senate ratified the treaty after the State Department asked it to.", [("ORG", "US_SENATE"), ("COUNTRY", "USA"), ("ORG", "US_STATE_DEPT")]),
    ("The Ministry of Foreign Affairs of Eswatini sent a note to Japan's Foreign Ministry.", [("ORG", "ORG:mfa-swz"), ("COUNTRY", "SWZ"), ("ORG", "ORG:mfa-jpn"), ("COUNTRY", "JPN")]),
    ("Foreign Minister Maria Lindqvist thanked the Syrian Government for its help.", [("PERSON", "Maria Lindqvist"), ("ORG", "Government of Syria"), ("COUNTRY", "SYR")]),
    # ad-hoc bodies, parties, and the acronyms the text gives them
    ("The Joint Task Force on Border Security (JTFBS) met in Astana. The JTFBS agreed on a plan.", [("ORG", "Joint Task Force on Border Security")]),
    ("The Socialist International held its congress, and the Observer Mission of the Kalmar Parliament arrived.", [("ORG", "SOCINTERN"), ("ORG", "Observer Mission of the Kalmar Parliament")]),
    # extent: long names, a body's own body, dashes, 'in <state>'
    ("The Commerce Department's Bureau of Industry and Security published new export rules.", [("ORG", "US_COMMERCE"), ("ORG", "Bureau of Industry and Security")]),
    ("The North–South Transport Corridor Association met in Baku.", [("ORG", "North–South Transport Corridor Association")]),
    ("A soldier of the UN Interim Force in Lebanon was wounded.", [("ORG", "UN Interim Force in Lebanon"), ("ORG", "UN"), ("COUNTRY", "LBN")]),
    ("The talks were held at the Pushkin Museum.", [("ORG", "Pushkin Museum")]),
    # persons: full extent, offices, bylines, a surname linked to the name given in full
    ("President Donald J. Trump spoke with the leaders.", [("PERSON", "PERSON:donald-trump")]),
    ("Commissioner Helena Dalli opened the conference.", [("PERSON", "Helena Dalli")]),
    ("The Prime Minister, Tomas Varga, arrived in Vienna.", [("PERSON", "Tomas Varga")]),
    ("Deputy Foreign Minister of Belarus Ivan Kovalchuk met the delegation.", [("COUNTRY", "BLR"), ("PERSON", "Ivan Kovalchuk")]),
    ("The leaders met. Reporting by Jane Holloway; Editing by Mark Potter", [("PERSON", "Jane Holloway"), ("PERSON", "Mark Potter")]),
    ("Foreign Minister Ivan Zhukovsky arrived in Minsk. Later Zhukovsky met the press, and Mr Zhukovsky left.", [("PERSON", "Ivan Zhukovsky")]),
]

NEGATIVE = [
    ("The Union was discussed at length.", [("ORG", None)]),
    ("The Government and the Council will consider the parties' proposals.", [("ORG", None)]),
    ("The company's Security Council met on Monday.", [("ORG", "UNSC")]),
    ("We had roast turkey for dinner.", [("COUNTRY", "TUR")]),
    ("Talks were held in Moscow.", [("COUNTRY", "RUS")]),
    ("Kiev continues to sabotage the Minsk agreements.", [("COUNTRY", "BLR")]),
    ("They fought outside Moscow and Leningrad, Kiev and Minsk, Stalingrad and Kursk.", [("COUNTRY", None)]),
    ("Trade exceeded 38 billion US dollars.", [("COUNTRY", "USA")]),
    ("The Organization of American States met in Latin America.", [("COUNTRY", "USA")]),
    ("Ships crossed the Indian Ocean and the South China Sea.", [("COUNTRY", "IND"), ("COUNTRY", "CHN")]),
    ("Nazarbayev University and the Gorchakov Public Diplomacy Fund signed an agreement.", [("PERSON", None)]),
    ("The Minister of Defence visited the Presidential Commissioner for Children's Rights.", [("PERSON", None)]),
    ("First Deputy Defence Minister Valery Gerasimov spoke.", [("PERSON", "Defence")]),
    ("He was awarded the Order for Meritorious Service.", [("ORG", None)]),
    ("Today's meeting with you is a good sign.", [("PERSON", None)]),
    ("Lukashenko, Putin Discuss Union State Integration At Supreme State Council Meeting", [("ORG", "Putin Discuss Union")]),
    ("The Poles and the North Pole; Lao Tzu wrote.", [("COUNTRY", "LAO")]),
    ("The Russian Federation and the Free Trade Zone Agreement.", [("ORG", None)]),
    ("Europe, Eurasia, Central Asia and the Middle East are regions.", [("COUNTRY", None)]),
    # open world, issue 16: false hits
    ("The talks were held in the Spanish language.", [("COUNTRY", "ESP")]),
    ("Atlanta is the capital of the state of Georgia.", [("COUNTRY", "GEO")]),
    ("The talks were held at the Pushkin Museum.", [("PERSON", None)]),
    ("Peter I founded the city. I think that it was a good decision.", [("PERSON", "I")]),
]
