"""Events in English: sentences written in the genre, with what must and must not be read.

POSITIVE: (text, [expected events]). Each expected event is a dict of fields that must hold:
`type`; `actors` (each an entity id, or a piece of an entity's name, that must be among the
actors); `place`, `date`, `instrument` (exact id, or a piece of the instrument's name).
NEGATIVE: (text, event type that must not be read).
"""

POSITIVE = [
    (
        "The official visit of the President of the Russian Federation Vladimir Putin to the Republic of Belarus "
        "took place on May 31, 2012.",
        [{"type": "visit", "actors": ["Putin"], "place": "BLR", "date": "2012-05-31"}],
    ),
    (
        "The Agreement on Establishment of the Union State was signed on December 8, 1999.",
        [{"type": "signing", "instrument": "TREATY_UNION_STATE", "date": "1999-12-08"}],
    ),
    (
        "Belarus and Russia ratified the Treaty on Security Guarantees within the Union State.",
        [{"type": "ratification", "actors": ["BLR", "RUS"], "instrument": "TREATY_UNION_STATE_SECURITY"}],
    ),
    (
        "The sides exchanged letters on the ratification of the Treaty on Friendship and Cooperation between "
        "Kazakhstan and Uzbekistan, after which the treaty entered into force.",
        [
            {"type": "exchange_of_letters", "instrument": "Friendship and Cooperation"},
            {"type": "ratification", "instrument": "Friendship and Cooperation"},
            {"type": "entry_into_force", "instrument": "Friendship and Cooperation"},
        ],
    ),
    (
        "Following talks in Moscow, the President of Belarus Alexander Lukashenko and the President of Russia "
        "Vladimir Putin signed a joint statement.",
        [
            {"type": "talks", "place": "Moscow"},
            {"type": "signing", "actors": ["Lukashenko", "Putin"]},
        ],
    ),
    (
        "The meeting of the Supreme State Council of the Union State on November 25, 2011 approved the budget.",
        [{"type": "meeting", "actors": ["UNION_STATE_SSC"], "date": "2011-11-25"}],
    ),
    (
        "Russia's upcoming chairmanship in the CSTO in 2026 will focus on collective security.",
        [{"type": "chairmanship", "actors": ["RUS", "CSTO"], "date": "2026"}],
    ),
    (
        "The SCO summit in Astana discussed regional security.",
        [{"type": "summit", "actors": ["SCO"], "place": "Astana"}],
    ),
    (
        "The parties agreed to extend the Treaty on the Eurasian Economic Union for another ten years.",
        [{"type": "extension", "instrument": "EAEU_TREATY"}],
    ),
    (
        "Vladimir Putin invited Alexander Lukashenko to visit Russia.",
        [{"type": "invitation", "actors": ["Putin", "Lukashenko"], "place": "RUS"}],
    ),
    (
        "June 25, 1992 saw the establishment of diplomatic relations between Belarus and Russia.",
        [{"type": "establishment_of_relations", "actors": ["BLR", "RUS"], "date": "1992-06-25"}],
    ),
]

NEGATIVE = [
    ("Both economies must meet the needs of their citizens.", "meeting"),
    ("The growth of trade is a clear sign of trust between Belarus and Russia.", "signing"),
    ("The parties did not sign any document.", "signing"),
    ("Russia extended its support to the initiative of Kazakhstan.", "extension"),
    ("Vladimir Putin invited Alexander Lukashenko to visit Russia.", "visit"),
    ("The statement welcomes the entry of new members into the organization.", "entry_into_force"),
]
