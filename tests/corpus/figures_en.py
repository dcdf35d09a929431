"""Figures in English: sentences written in the genre, with every figure they hold.

REFERENCE is the document's date (relative dates that govern a figure resolve against it).
POSITIVE: (text, [expected figures, in order]). Each expected figure is a dict whose fields must
hold: `text` (the span), `value` (a string read as Decimal), `currency`, `unit`, and any of
`measure`, `year`, `qualifier`, `change`, `target`. NEGATIVE: texts in which no figure may be found.
"""

REFERENCE = "2019-12-20"

POSITIVE = [
    ("A vivid illustration is the achieved volume of trade between Belarus and Russia which in 2011 exceeded "
     "US$ 38 billion and has a steady growth trend.",
     [{"text": "US$ 38 billion", "value": "38000000000", "currency": "USD", "unit": None,
       "measure": "trade_volume", "year": "2011", "qualifier": "exceeded", "change": False, "target": False}]),
    ("Mutual trade reached $38bn.", [{"text": "$38bn", "value": "38000000000", "currency": "USD", "measure": "trade_volume"}]),
    ("The sides traded goods worth 38 billion US dollars.", [{"text": "38 billion US dollars", "value": "38000000000", "currency": "USD"}]),
    ("The fund holds USD 1.5 trillion.", [{"text": "USD 1.5 trillion", "value": "1500000000000", "currency": "USD"}]),
    ("The EU pledged €200 million in aid.", [{"text": "€200 million", "value": "200000000", "currency": "EUR", "measure": "aid"}]),
    ("Investment of 100 billion rubles is planned.", [{"text": "100 billion rubles", "value": "100000000000", "currency": "RUB", "measure": "investment"}]),
    ("The loan of 500 million Belarusian rubles was approved.", [{"text": "500 million Belarusian rubles", "value": "500000000", "currency": "BYN", "measure": "loan"}]),
    ("Direct investment worth two billion [dollars] has been made.",
     [{"text": "two billion [dollars]", "value": "2000000000", "currency": "USD", "measure": "investment"}]),
    ("Russian direct investment has reached some $4\nbillion.",
     [{"text": "$4\nbillion", "value": "4000000000", "currency": "USD", "qualifier": "about", "measure": "investment"}]),
    ("The credit line amounts to 2,500,000 yuan.", [{"text": "2,500,000 yuan", "value": "2500000", "currency": "CNY", "measure": "credit"}]),
    # percentages
    ("Inflation was 12.5% in May.", [{"text": "12.5%", "value": "12.5", "unit": "percent", "measure": "inflation"}]),
    ("Last year, our bilateral trade increased by over 23 percent to exceed $32 billion.",
     [{"text": "23 percent", "value": "23", "unit": "percent", "qualifier": "over", "change": True, "year": "2018", "measure": "trade_volume"},
      {"text": "$32 billion", "value": "32000000000", "currency": "USD", "qualifier": "exceeded", "change": False, "year": "2018"}]),
    ("Trade grew by 34.9 percent in 2011.", [{"text": "34.9 percent", "value": "34.9", "unit": "percent", "change": True, "year": "2011"}]),
    ("Prices rose by 7 per cent.", [{"text": "7 per cent", "value": "7", "unit": "percent", "change": True}]),
    ("The share of national currencies reached 12,5% of settlements.", [{"text": "12,5%", "value": "12.5", "unit": "percent", "measure": "share"}]),
    ("We have rather optimistic indicators: 7.1 percent economic growth at the end of the quarter.",
     [{"text": "7.1 percent", "value": "7.1", "unit": "percent", "measure": "growth", "change": True}]),
    ("About 90–95 percent of the population must be immune.",
     [{"text": "90", "value": "90", "unit": "percent"}, {"text": "95 percent", "value": "95", "unit": "percent"}]),
    ("Exports rose by 3.1 percent, while imports increased by 7 percent.",
     [{"text": "3.1 percent", "value": "3.1", "unit": "percent", "measure": "exports", "change": True},
      {"text": "7 percent", "value": "7", "unit": "percent", "measure": "imports", "change": True}]),
    ("Trade between Russia and China is going up. It already reached $61.6 billion from January to September "
     "of this year. I am sure it will reach $66 billion this year.",
     [{"text": "$61.6 billion", "value": "61600000000", "measure": "trade_volume", "year": "2019", "target": False},
      {"text": "$66 billion", "value": "66000000000", "measure": "trade_volume", "year": "2019", "target": True}]),
    # quantities with units
    ("The new contract is to deliver ten billion cubic metres of gas every year.",
     [{"text": "ten billion cubic metres", "value": "10000000000", "unit": "cubic metre", "currency": None}]),
    ("The country exported 5 million tonnes of grain.", [{"text": "5 million tonnes", "value": "5000000", "unit": "tonne", "measure": "exports"}]),
    ("Output is 1.2 million barrels a day.", [{"text": "1.2 million barrels", "value": "1200000", "unit": "barrel", "measure": "production"}]),
    ("The pipeline is 2,000 kilometres long and the plant has 1,200 MW of capacity.",
     [{"text": "2,000 kilometres", "value": "2000", "unit": "kilometre"}, {"text": "1,200 MW", "value": "1200", "unit": "megawatt", "measure": "capacity"}]),
    ("The train's speed will be 250–260 km an hour.",
     [{"text": "250", "value": "250", "unit": "kilometre"}, {"text": "260 km", "value": "260", "unit": "kilometre"}]),
    ("The share of the dollar in reserves fell from 61 to 59 percent.",
     [{"text": "61", "value": "61", "unit": "percent"}, {"text": "59 percent", "value": "59", "unit": "percent"}]),
    ("Over 92 million square metres of housing were built.", [{"text": "92 million square metres", "value": "92000000", "unit": "square metre", "qualifier": "over"}]),
    # targets
    ("The President of China mentioned the intention to increase bilateral trade to US$250 billion.",
     [{"text": "US$250 billion", "value": "250000000000", "currency": "USD", "target": True, "measure": "trade_volume"}]),
    ("The goal is to reach $100 billion by 2030.",
     [{"text": "$100 billion", "value": "100000000000", "currency": "USD", "target": True, "year": "2030"}]),
    ("Our bilateral trade has reached US$140 billion.", [{"text": "US$140 billion", "value": "140000000000", "target": False}]),
    # a number and a scale whose noun is left out take the currency of the figure beside it
    ("Estimates differ: 65 billion rubles, or 47 billion.",
     [{"text": "65 billion rubles", "value": "65000000000", "currency": "RUB"}, {"text": "47 billion", "value": "47000000000", "currency": "RUB"}]),
    # hyphenated units, restatements, pounds, prefixed dollars
    ("The 450-km (280-mile) border was reopened.", [{"text": "450-km", "value": "450", "unit": "kilometre"}]),
    ("The fund raised 361 million pounds and shipped 25 pounds of seed.",
     [{"text": "361 million pounds", "value": "361000000", "currency": "GBP"}, {"text": "25 pounds", "value": "25", "unit": "pound"}]),
    ("The bank lent HK$12 billion and C$450 million.",
     [{"text": "HK$12 billion", "value": "12000000000", "currency": "HKD"}, {"text": "C$450 million", "value": "450000000", "currency": "CAD"}]),
    # two figures side by side keep their own units
    ("Trade is to grow by 20% to 34,500 tonnes.",
     [{"text": "20%", "value": "20", "unit": "percent"}, {"text": "34,500 tonnes", "value": "34500", "unit": "tonne"}]),
    ("Inflation eased 2.5% and 300 tonnes were shipped.",
     [{"text": "2.5%", "value": "2.5", "unit": "percent"}, {"text": "300 tonnes", "value": "300", "unit": "tonne"}]),
    ("Turnover grew from 5% to 7%.", [{"text": "5%", "value": "5", "unit": "percent"}, {"text": "7%", "value": "7", "unit": "percent"}]),
    # year, period and target
    ("The ministers agreed to increase trade to $7 billion in 2025.",
     [{"text": "$7 billion", "value": "7000000000", "currency": "USD", "target": True, "year": "2025", "period": None}]),
    ("Investment stood at about $20 billion, and trade should reach $150 billion by 2026.",
     [{"text": "$20 billion", "value": "20000000000", "year": None, "qualifier": "about", "measure": "investment", "target": False},
      {"text": "$150 billion", "value": "150000000000", "year": "2026", "target": True, "measure": "trade_volume"}]),
    ("Trade rose 4% in March 2021.", [{"text": "4%", "value": "4", "unit": "percent", "year": "2021", "period": "2021-03", "change": True}]),
    ("Exports reached €4\nmillion last year.", [{"text": "€4\nmillion", "value": "4000000", "currency": "EUR", "year": "2018"}]),
    ("Parcels are duty-free up to 500 euros under the e-commerce rules.",
     [{"text": "500 euros", "value": "500", "currency": "EUR", "measure": None, "qualifier": "up to", "change": False}]),
    # what read it
    ("Mutual trade reached $38bn, up 5%.", [{"text": "$38bn", "value": "38000000000", "evidence": ["currency_first"]},
                                             {"text": "5%", "value": "5", "evidence": ["number_tail"], "change": True}]),
]

NEGATIVE = [
    "3.78 BYN",  # a currency-rate ticker on a line of its own
    "The 20th anniversary of diplomatic relations was marked in 2012.",  # ordinal, date
    "1. The parties agree on the following.",  # a numbered point
    "Call +375 17 222 22 22 for details.",  # a phone number
    "We have updated these 28 programmes.",  # a bare count: optional in the gold, not reported
    "Security in the 21st century, on December 8, 1999.",
    "Over 1,000 companies took part.",
]
