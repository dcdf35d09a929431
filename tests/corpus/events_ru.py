"""Events in Russian: sentences written in the genre (same format as events_en.py)."""

POSITIVE = [
    (
        "Официальный визит Президента Российской Федерации Владимира Путина в Республику Беларусь состоялся "
        "31 мая 2012 года.",
        [{"type": "visit", "actors": ["Putin"], "place": "BLR", "date": "2012-05-31"}],
    ),
    (
        "Договор о создании Союзного государства был подписан 8 декабря 1999 года.",
        [{"type": "signing", "instrument": "TREATY_UNION_STATE", "date": "1999-12-08"}],
    ),
    (
        "Состоялся обмен нотами о ратификации Договора о гарантиях безопасности в рамках Союзного государства, "
        "после чего договор вступил в силу.",
        [
            {"type": "exchange_of_letters", "instrument": "TREATY_UNION_STATE_SECURITY"},
            {"type": "ratification", "instrument": "TREATY_UNION_STATE_SECURITY"},
            {"type": "entry_into_force", "instrument": "TREATY_UNION_STATE_SECURITY"},
        ],
    ),
    (
        "По итогам переговоров в Москве Президент Беларуси Александр Лукашенко и Президент России Владимир Путин "
        "подписали совместное заявление.",
        [{"type": "talks", "place": "Москва"}, {"type": "signing", "actors": ["Lukashenko", "Putin"]}],
    ),
    (
        "Россия поддерживает приоритеты председательства Беларуси в органах ЕАЭС.",
        [{"type": "chairmanship", "actors": ["BLR", "EAEU"]}],
    ),
    (
        "Заседание Высшего Государственного Совета Союзного государства прошло 25 ноября 2011 года.",
        [{"type": "meeting", "actors": ["UNION_STATE_SSC"], "date": "2011-11-25"}],
    ),
    (
        "Стороны договорились продлить Договор о Евразийском экономическом союзе.",
        [{"type": "extension", "instrument": "EAEU_TREATY"}],
    ),
]

NEGATIVE = [
    ("Стороны не подписали никаких документов.", "signing"),
    ("Россия продлила поддержку инициативы Казахстана.", "extension"),
    ("Владимир Путин пригласил Александра Лукашенко посетить Россию.", "visit"),
]
