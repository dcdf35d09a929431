"""Stances in English: sentences written in the genre, with what must and must not be read.

POSITIVE: (text, [expected stances]). Each expected stance is a dict of what must hold: `stance`
(the class); `actor` (each an entity id, 'parties', or a piece of an entity's name, that must be
among the actors); `not_actor` (ids that must not be among them: the condemned party is no
condemner); `target` (a piece of the target text); `target_ids` (ids that must be in it).
NEGATIVE: (text, stance class that must not be read).
"""

POSITIVE = [
    (
        "Russia supports and shares the priorities of Belarus's chairmanship in EAEU bodies this year.",
        [
            {"stance": "support", "actor": ["RUS"], "target": "priorities of Belarus", "target_ids": ["BLR", "EAEU"], "not_actor": ["BLR"]},
            {"stance": "agree", "actor": ["RUS"], "target_ids": ["BLR", "EAEU"]},
        ],
    ),
    (
        "The joint statement also condemns the sanctions policy in various forms.",
        [{"stance": "condemn", "actor": ["parties"], "target": "the sanctions policy in various forms"}],
    ),
    (
        "Belarus and Russia condemned the unilateral sanctions imposed by the European Union.",
        [{"stance": "condemn", "actor": ["BLR", "RUS"], "not_actor": ["EU"], "target_ids": ["EU"]}],
    ),
    (
        "The sanctions of the European Union against Belarus were condemned by Russia.",
        [{"stance": "condemn", "actor": ["RUS"], "not_actor": ["EU", "BLR"], "target_ids": ["EU", "BLR"]}],
    ),
    (
        "The presidents called for further development of inter-parliamentary ties, emphasizing the role of the "
        "Parliamentary Assembly.",
        [{"stance": "call_for", "actor": ["parties"], "target": "further development of inter-parliamentary ties"}],
    ),
    (
        "Welcoming Kazakhstan's upcoming chairmanship in the CIS, the ministers agreed to hold regular consultations.",
        [
            {"stance": "welcome", "actor": ["parties"], "target_ids": ["KAZ", "CIS"]},
            {"stance": "agree", "actor": ["parties"], "target": "hold regular consultations"},
        ],
    ),
    (
        "The leaders reaffirmed their commitment to the principles of the UN Charter.",
        [{"stance": "commit", "actor": ["parties"], "target_ids": ["UN_CHARTER"]}],
    ),
    (
        "Kazakhstan and Uzbekistan reaffirmed the strategic nature of their partnership.",
        [{"stance": "reaffirm", "actor": ["KAZ", "UZB"], "target": "strategic nature"}],
    ),
    (
        "The ministers expressed their full support for the initiative of China on global security.",
        [{"stance": "support", "actor": ["parties"], "target_ids": ["CHN"]}],
    ),
    (
        "Armenia expressed concern over the growing tension along the border.",
        [{"stance": "concern", "actor": ["ARM"], "target": "the growing tension along the border"}],
    ),
    (
        "The parties oppose the deployment of intermediate-range missiles in Europe.",
        [{"stance": "oppose", "actor": ["parties"], "target": "deployment of intermediate-range missiles"}],
    ),
    (
        "Belarus rejects the attempts to interfere in its internal affairs.",
        [{"stance": "reject", "actor": ["BLR"], "target": "attempts to interfere"}],
    ),
    (
        "They also called on other countries to support the initiative.",
        [{"stance": "call_for", "target": "other countries to support the initiative"}],
    ),
    (
        "In the joint statement, Kazakhstan and Uzbekistan noted that water security matters. They also called on "
        "other states to join the initiative.",
        [{"stance": "call_for", "actor": ["KAZ", "UZB"], "target": "other states to join the initiative"}],
    ),
    (
        "The leaders stressed that political pressure on third countries is unacceptable.",
        [{"stance": "condemn", "actor": ["parties"], "target": "political pressure on third countries"}],
    ),
    (
        "Minsk and Moscow share views on the changes in the contemporary world.",
        [{"stance": "agree", "actor": ["BLR", "RUS"], "target": "the changes in the contemporary world"}],
    ),
    (
        "The parties intend to jointly combat international terrorism.",
        [{"stance": "commit", "actor": ["parties"], "target": "jointly combat international terrorism"}],
    ),
]

NEGATIVE = [
    # support as a noun of material: nobody expresses it
    ("The Union State budget provides financial support for the project.", "support"),
    ("The programme was implemented with the support of the Government of Belarus.", "support"),
    # welcome in a greeting
    ("Lukashenko expressed gratitude to President Putin for the warm welcome.", "welcome"),
    ("President Putin welcomed the guests in the Kremlin.", "welcome"),
    ("Welcome to Minsk!", "welcome"),
    # negation
    ("Belarus and Russia do not support the unilateral sanctions.", "support"),
    ("Russia never welcomed the expansion of NATO.", "welcome"),
    # 'concerns' as a verb of subject matter, 'concerning' as a preposition
    ("The second agreement concerns cooperation in tax matters.", "concern"),
    # gerunds after a preposition, adjectives after an article, nouns of the market
    ("The government discussed mechanisms for supporting housing construction.", "support"),
    ("Russia will continue to supply gas in the agreed volumes.", "agree"),
    ("The demand for medications has grown.", "call_for"),
    # one call, not also a support by "other countries"
    ("They also called on other countries to support the initiative.", "support"),
]
