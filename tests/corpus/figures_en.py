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
     [{"text": "250", "value": "250", "unit": "kilometre per hour"}, {"text": "260 km an hour", "value": "260", "unit": "kilometre per hour"}]),
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
    # money in words, spaced signs, hundredths, compounds
    ("Each visa costs five dollars.", [{"text": "five dollars", "value": "5", "currency": "USD"}]),
    ("The filing fee is $ 5 per page.", [{"text": "$ 5", "value": "5", "currency": "USD"}]),
    ("Petrol fell 40 cents a litre.", [{"text": "40 cents", "value": "0.40", "currency": "USD", "change": True}]),
    ("A stamp costs 2 dollars and 30 cents.", [{"text": "2 dollars and 30 cents", "value": "2.30", "currency": "USD"}]),
    ("The shares closed at 310 pence.", [{"text": "310 pence", "value": "3.10", "currency": "GBP"}]),
    ("Kyiv kept the tariff at 1 hryvnia 44 kopecks; in Ukraine a ticket is 30 kopecks dearer.",
     [{"text": "1 hryvnia 44 kopecks", "value": "1.44", "currency": "UAH", "currency_inferred": False},
      {"text": "30 kopecks", "value": "0.30", "currency": "UAH", "currency_inferred": True}]),
    # prefixed dollars, codes, signs after the number, scales of South Asia
    ("Canberra pledged A$1.5 billion and Mexico Mex$ 40 million.",
     [{"text": "A$1.5 billion", "value": "1500000000", "currency": "AUD"}, {"text": "Mex$ 40 million", "value": "40000000", "currency": "MXN"}]),
    ("The grant is 300 000 € and the fee 20 ₾.", [{"text": "300 000 €", "value": "300000", "currency": "EUR"}, {"text": "20 ₾", "value": "20", "currency": "GEL"}]),
    ("The road will cost Rs 500 crore, and the school Rs 25 lakh.",
     [{"text": "Rs 500 crore", "value": "5000000000", "currency": "INR"}, {"text": "Rs 25 lakh", "value": "2500000", "currency": "INR"}]),
    ("Denmark gave DKK 600,000 and GBP 20 million.", [{"text": "DKK 600,000", "value": "600000", "currency": "DKK"}, {"text": "GBP 20 million", "value": "20000000", "currency": "GBP"}]),
    # currency names of the world
    ("Cairo borrowed 2 billion Egyptian pounds and 420 million Swiss francs.",
     [{"text": "2 billion Egyptian pounds", "value": "2000000000", "currency": "EGP"}, {"text": "420 million Swiss francs", "value": "420000000", "currency": "CHF"}]),
    ("Kazakhstan spent 12 billion tenge and Serbia 5,000 Serbian dinars.",
     [{"text": "12 billion tenge", "value": "12000000000", "currency": "KZT"}, {"text": "5,000 Serbian dinars", "value": "5000", "currency": "RSD"}]),
    # "$" of the publisher's country, "¥" and "francs" of the sentence's
    ("Global Affairs Canada\nNews release\n\nOttawa, Ontario, May 4, 2024\n\nThe Minister announced $20 million for schools.",
     [{"text": "$20 million", "value": "20000000", "currency": "CAD", "currency_inferred": True}]),
    ("Australian Government\n\nThe Government will provide $50 million to Pacific partners.",
     [{"text": "$50 million", "value": "50000000", "currency": "AUD", "currency_inferred": True}]),
    ("The White House\n\nThe United States will provide $50 million to Canada.",
     [{"text": "$50 million", "value": "50000000", "currency": "USD", "currency_inferred": True}]),
    ("The White House\nGlobal Affairs Canada\n\nThe two countries pledged $5 million.",  # two publishers: no inference
     [{"text": "$5 million", "value": "5000000", "currency": "USD", "currency_inferred": False}]),
    ("Readout of the President's call with the Prime Minister of Canada\n\nThey discussed $50 million for Canada.",
     [{"text": "$50 million", "value": "50000000", "currency": "USD", "currency_inferred": False}]),
    ("Japan will lend ¥30 billion to Viet Nam, while China gave ¥5 billion.",
     [{"text": "¥30 billion", "value": "30000000000", "currency": "JPY", "currency_inferred": True},
      {"text": "¥5 billion", "value": "5000000000", "currency": "CNY", "currency_inferred": True}]),
    ("Senegal received 5 billion francs.", [{"text": "5 billion francs", "value": "5000000000", "currency": "XOF", "currency_inferred": True}]),
    # percentages in words, per cent, points, negative, pct, the second of two in a sentence
    ("Tariffs rose twenty five percent and fees thirty per cent.",
     [{"text": "twenty five percent", "value": "25", "unit": "percent"}, {"text": "thirty per cent", "value": "30", "unit": "percent"}]),
    ("Growth was minus 3 percent, and the deficit narrowed 1.5 percentage points.",
     [{"text": "minus 3 percent", "value": "-3", "unit": "percent", "measure": "growth"},
      {"text": "1.5 percentage points", "value": "1.5", "unit": "percentage_point"}]),
    ("Exports grew 12 per cent in value and 3 pct in volume.",
     [{"text": "12 per cent", "value": "12", "unit": "percent", "measure": "exports"}, {"text": "3 pct", "value": "3", "unit": "percent"}]),
    ("The mortgage is offered at a seven percent rate, and a two-percent rate in the east.",
     [{"text": "seven percent", "value": "7", "unit": "percent"}, {"text": "two-percent", "value": "2", "unit": "percent"}]),
    # a reversed percentage, "percent of N" ending the phrase; not where the number counts a noun,
    # takes a hyphen or a unit, and not after a number ("3 per cent of 500" is three per cent)
    ("Backing for the accord in the poll stood at percent of 64.", [{"text": "percent of 64", "value": "64", "unit": "percent"}]),
    ("The ceiling they named was per cent of thirty-five, no more.",
     [{"text": "per cent of thirty-five", "value": "35", "unit": "percent"}]),
    ("The quota was raised to percents of forty", [{"text": "percents of forty", "value": "40", "unit": "percent"}]),
    ("The levy is 3 per cent of 500.", [{"text": "3 per cent", "value": "3", "unit": "percent"}]),
    ("Only a small percent of 200 km of the border is demarcated.", [{"text": "200 km", "value": "200", "unit": "kilometre"}]),
    # units: written together, fractions, number words before a hyphen, speeds, temperatures, weights
    ("The pavilion covers 1200m2 and each parcel may weigh 20kg.",
     [{"text": "1200m2", "value": "1200", "unit": "square metre"}, {"text": "20kg", "value": "20", "unit": "kilogram"}]),
    ("The route is 10 1/2 miles long, the bridge 1/4 mile.",
     [{"text": "10 1/2 miles", "value": "10.5", "unit": "mile"}, {"text": "1/4 mile", "value": "0.25", "unit": "mile"}]),
    ("A six-mile corridor and a three-ton truck.",
     [{"text": "six-mile", "value": "6", "unit": "mile"}, {"text": "three-ton", "value": "3", "unit": "tonne"}]),
    ("Trains run at 160 kilometres an hour, cars at 80 kph.",
     [{"text": "160 kilometres an hour", "value": "160", "unit": "kilometre per hour"}, {"text": "80 kph", "value": "80", "unit": "kilometre per hour"}]),
    ("The night fell to minus 17 degrees Celsius.", [{"text": "minus 17 degrees Celsius", "value": "-17", "unit": "degree Celsius"}]),
    ("The dose is 150 micrograms, and 25 lakh tonnes of rice were shipped.",
     [{"text": "150 micrograms", "value": "150", "unit": "microgram"}, {"text": "25 lakh tonnes", "value": "2500000", "unit": "tonne"}]),
    ("Goods bought through electronic commerce are duty-free up to 800 euros.",
     [{"text": "800 euros", "value": "800", "currency": "EUR", "measure": None, "qualifier": "up to"}]),
    # what read it
    ("Mutual trade reached $38bn, up 5%.", [{"text": "$38bn", "value": "38000000000", "evidence": ["currency_first"]},
                                             {"text": "5%", "value": "5", "evidence": ["number_tail"], "change": True}]),
]

NEGATIVE = [
    "The percent of 12-year-olds in school has risen.",  # "percent of N" before a hyphen
    "Only a small per cent of 30 member states ratified the protocol.",  # before a noun
    "The percentage of 10 is not given here.",  # only "percent(s)" and "per cent" are read reversed
    "3.78 BYN",  # a currency-rate ticker on a line of its own
    "The 20th anniversary of diplomatic relations was marked in 2012.",  # ordinal, date
    "1. The parties agree on the following.",  # a numbered point
    "Call +375 17 222 22 22 for details.",  # a phone number
    "We have updated these 28 programmes.",  # a bare count: optional in the gold, not reported
    "Security in the 21st century, on December 8, 1999.",
    "Over 1,000 companies took part.",
    "ALL 5 delegations signed the text.",  # an ISO code that is a word is read in no case
    "COP 28 opened in Dubai.",  # nor a conference
    "He did not move one bit.",  # a unit read only after digits
    "Models 75 -300 are sold out.",  # a loose dash is no range
]
