"""Dates in English: sentences written in the genre, parsed against one fixed reference date.

REFERENCE is the document's date every example is resolved against (as Duckling fixes "now").
POSITIVE: (text, [(span text, ISO value or None, granularity), ...]) — every date the sentence
holds, in order, and nothing else. NEGATIVE: texts in which no date may be found.
"""

REFERENCE = "2019-12-20"

POSITIVE = [
    # full dates, as precise as the text
    ("June 25, 2012 marks the 20th anniversary of diplomatic relations.", [("June 25, 2012", "2012-06-25", "day")]),
    ("The Agreement was signed on December 8, 1999, in Moscow.", [("December 8, 1999", "1999-12-08", "day")]),
    ("The summit opened on 6 December 2019 in Minsk.", [("6 December 2019", "2019-12-06", "day")]),
    ("Issued on 03 Dec. 2008 by the Ministry.", [("03 Dec. 2008", "2008-12-03", "day")]),
    ("The ceasefire commences on the 27th of February, 2016.", [("27th of February, 2016", "2016-02-27", "day")]),
    ("The decree of 25.06.2012 is in force.", [("25.06.2012", "2012-06-25", "day")]),
    ("The register was updated on 2012-06-25.", [("2012-06-25", "2012-06-25", "day")]),
    ("The talks were held on\nDecember 8, 1999 in Minsk.", [("December 8, 1999", "1999-12-08", "day")]),
    # month and year, year
    ("The President visited Minsk in May 2012.", [("May 2012", "2012-05", "month")]),
    ("Consultations were held in January of 2017.", [("January of 2017", "2017-01", "month")]),
    ("In 2011 the trade between Belarus and Russia exceeded US$ 38 billion.", [("2011", "2011", "year")]),
    ("Cooperation has grown steadily since 1999.", [("1999", "1999", "year")]),
    ("The Commission adopted its 2013 budget.", [("2013", "2013", "year")]),
    ("We are meeting just a few days before 2019.", [("2019", "2019", "year")]),
    # ranges: both ends
    ("The programme covers 2021–2025.", [("2021", "2021", "year"), ("2025", "2025", "year")]),
    ("The plan runs from 2012 to 2015.", [("2012", "2012", "year"), ("2015", "2015", "year")]),
    ("It was agreed for the years between 2016 and 2018.", [("2016", "2016", "year"), ("2018", "2018", "year")]),
    ("The summit took place on December 13 − 14, 2005.", [("December 13", "2005-12-13", "day"), ("14, 2005", "2005-12-14", "day")]),
    ("The forum is held on 27–28 November 2001.", [("27", "2001-11-27", "day"), ("28 November 2001", "2001-11-28", "day")]),
    ("The forum will be held from 1 to 3 December 2005.", [("1", "2005-12-01", "day"), ("3 December 2005", "2005-12-03", "day")]),
    ("The visit lasted from May 31 – June 2, 2012.", [("May 31", "2012-05-31", "day"), ("June 2, 2012", "2012-06-02", "day")]),
    # decades and periods
    ("The economy shrank in the 1990s.", [("1990s", "1990", "decade")]),
    ("Relations were idyllic in the mid-1990s.", [("mid-1990s", "1990", "decade")]),
    ("Output will recover in the first half of 2024.", [("first half of 2024", "2024", "half")]),
    ("Growth resumed in the second quarter of 2021.", [("second quarter of 2021", "2021", "quarter")]),
    ("Exports rose in Q3 2022.", [("Q3 2022", "2022", "quarter")]),
    ("Output rose in 2019-Q1 and in Q3-2018.", [("2019-Q1", "2019", "quarter"), ("Q3-2018", "2018", "quarter")]),
    # parts the text leaves out come from the document's date (REFERENCE)
    ("On December 8, we marked the anniversary of the Union State.", [("December 8", "2019-12-08", "day")]),
    ("In April, the economic activity indicator was 9.2 percent.", [("April", "2019-04", "month")]),
    ("Trade reached $61.6 billion from January to September of this year.",
     [("January", "2019-01", "month"), ("September of this year", "2019-09", "month")]),
    ("Trade grew this year, more than last year, and will grow next year.",
     [("this year", "2019", "year"), ("last year", "2018", "year"), ("next year", "2020", "year")]),
    ("Your meeting in Sochi scheduled for tomorrow will be a success.", [("tomorrow", "2019-12-21", "day")]),
    ("Yesterday, I attended the military exercises.", [("Yesterday", "2019-12-19", "day")]),
    ("Figures for next month are expected.", [("next month", "2020-01", "month")]),
    ("I hope that next February, we will meet again.", [("February", "2020-02", "month")]),
    ("Russia's upcoming CSTO chairmanship in 2026 was welcomed.", [("2026", "2026", "year")]),
    ("In January-September 2021, GDP grew.", [("January", "2021-01", "month"), ("September 2021", "2021-09", "month")]),
    ("Prices jumped from mid-2021 through February 2022.", [("mid-2021", "2021", "year"), ("February 2022", "2022-02", "month")]),
    ("The 2011/12 season was a success.", [("2011", "2011", "year"), ("12", "2012", "year")]),
    ("The plan for 2022‒2023 was adopted.", [("2022", "2022", "year"), ("2023", "2023", "year")]),
    ("We reviewed the September payments.", [("September", "2019-09", "month")]),
    # US and agency styles
    ("The treaty was signed on Dec. 8, 1999, in Minsk.", [("Dec. 8, 1999", "1999-12-08", "day")]),
    ("The talks resumed on Sept. 5, 2021 and ended on Jan. 9, 2024.",
     [("Sept. 5, 2021", "2021-09-05", "day"), ("Jan. 9, 2024", "2024-01-09", "day")]),
    ("The delegation arrived on Oct. 3.", [("Oct. 3", "2019-10-03", "day")]),
    ("The ministry released the figures on Nov.14 2018.", [("Nov.14 2018", "2018-11-14", "day")]),
    ("The archive lists the meeting on Dec. 31 , 1994.", [("Dec. 31 , 1994", "1994-12-31", "day")]),
    ("The summit took place on 16. Nov. 2016 in Lima.", [("16. Nov. 2016", "2016-11-16", "day")]),
    ("The memorandum dated 08/12/1999 was filed.", [("08/12/1999", "1999-08-12", "day")]),
    ("The memorandum dated 23/04/2003 was filed.", [("23/04/2003", "2003-04-23", "day")]),
    ("The register dates from 2015/08/12.", [("2015/08/12", "2015-08-12", "day")]),
    ("The festival runs from 4 to 6 July.", [("4", "2019-07-04", "day"), ("6 July", "2019-07-06", "day")]),
    ("Agreements were signed on 12 April and on 9 June 2021.", [("12 April", "2021-04-12", "day"), ("9 June 2021", "2021-06-09", "day")]),
    ("Prices climbed from April to June in 2017.", [("April", "2017-04", "month"), ("June", "2017-06", "month"), ("2017", "2017", "year")]),
    ("On Wednesday, 4 December 2019, the leaders met.", [("4 December 2019", "2019-12-04", "day")]),
    ("The talks opened on June\n25, 2012 in Astana.", [("June\n25, 2012", "2012-06-25", "day")]),
    # quarters, halves and parts of a period
    ("Exports slowed in the fourth quarter.", [("fourth quarter", "2019", "quarter")]),
    ("Output rose in 2016 Q3 and fell in 2017 H2.", [("2016 Q3", "2016", "quarter"), ("2017 H2", "2017", "half")]),
    ("The plant opened in mid-2020 and expands in early 2022.", [("mid-2020", "2020", "year"), ("early 2022", "2022", "year")]),
    ("The works will be completed by the end of 2025.", [("the end of 2025", "2025", "year")]),
    ("A decision is due by the end of the year.", [("the end of the year", "2019", "year")]),
    ("The reforms began in late November.", [("late November", "2019-11", "month")]),
    # hyphens, slashes and glued forms; lower-case month names bound to a day or year
    ("The accord was initialled on Oct-2 and published on 05-Aug-2016.",
     [("Oct-2", "2019-10-02", "day"), ("05-Aug-2016", "2016-08-05", "day")]),
    ("The register shows the visit on 2018-Jun-14 and the reply on Sep-3-2018.",
     [("2018-Jun-14", "2018-06-14", "day"), ("Sep-3-2018", "2018-09-03", "day")]),
    ("The fund was set up on Dec31 , 1998 in Geneva.", [("Dec31 , 1998", "1998-12-31", "day")]),
    ("Minutes of the session held on jan 14, 2019 were approved.", [("jan 14, 2019", "2019-01-14", "day")]),
    ("The republic declared independence on the 4th of July of 1991 and adopted its constitution on 12 June in 1993.",
     [("4th of July of 1991", "1991-07-04", "day"), ("12 June in 1993", "1993-06-12", "day")]),
    # numeric months and two-digit years
    ("The note is dated 14/03/19 and the reply 27-11-07.", [("14/03/19", "2019-03-14", "day"), ("27-11-07", "2007-11-27", "day")]),
    ("Exports for 11/2018 and 2019-05 were revised.", [("11/2018", "2018-11", "month"), ("2019-05", "2019-05", "month")]),
    ("The 2017 April report was published.", [("2017 April", "2017-04", "month")]),
    ("The series for 2018- 11 and 12-2018 was revised.", [("2018- 11", "2018-11", "month"), ("12-2018", "2018-12", "month")]),
    ("Reforms in 2020 may be delayed.", [("2020", "2020", "year")]),
    ("Growth slowed in 2018H2.", [("2018H2", "2018", "half")]),
    # a month abbreviation alone, after a preposition and before no word; "the month of"
    ("The envoy returns in Jan, after the holidays.", [("Jan", "2019-01", "month")]),
    ("The works took the whole month of March.", [("month of March", "2019-03", "month")]),
    # relative days and weeks, read by dateparser against the document's date
    ("Both sides met two years ago in Geneva.", [("two years ago", "2017", "year")]),
    ("The ministers spoke on Monday and again last Friday.", [("Monday", "2019-12-16", "day"), ("last Friday", "2019-12-13", "day")]),
    ("The envoy visited Kabul last week.", [("last week", "2019-12-09", "week")]),
    ("the delegation left on tuesday and returned last sunday.", [("tuesday", "2019-12-17", "day"), ("last sunday", "2019-12-15", "day")]),
    # a weekday of a given week, the nth weekday of a month, a weekday with its day (REFERENCE is a Friday)
    ("The talks resume on Tuesday next week and end this week Friday.",
     [("Tuesday next week", "2019-12-24", "day"), ("this week Friday", "2019-12-20", "day")]),
    ("The envoy arrived on Monday of last week.", [("Monday of last week", "2019-12-09", "day")]),
    ("Elections are held on the first Sunday of March and the second Monday of next month.",
     [("the first Sunday of March", "2019-03-03", "day"), ("the second Monday of next month", "2020-01-13", "day")]),
    ("The council meets on the last Thursday in November 2020.", [("the last Thursday in November 2020", "2020-11-26", "day")]),
    ("The vote took place on Friday the 13th, as planned.", [("Friday the 13th", "2019-12-13", "day")]),
    ("The decree took effect on the 16th.", [("the 16th", "2019-12-16", "day")]),
    # offsets read by dateparser; "in N weeks" only where the sentence speaks of the future
    ("The ministers will meet again in two weeks.", [("in two weeks", "2020-01-03", "day")]),
    ("The next round opens three days from now.", [("three days from now", "2019-12-23", "day")]),
    ("The pact was signed two weeks ago.", [("two weeks ago", "2019-12-06", "day")]),
    # a weekday with no preposition: after a lower-case word, in a list of weekdays, with its day
    ("The ministers met Tuesday in Geneva.", [("Tuesday", "2019-12-17", "day")]),
    ("Talks are possible on Wednesday, Thursday or Friday.",
     [("Wednesday", "2019-12-18", "day"), ("Thursday", "2019-12-19", "day"), ("Friday", "2019-12-13", "day")]),
    ("The envoy arrived Mon 16th, as planned.", [("Mon 16th", "2019-12-16", "day")]),
    ("The summit opens on Thursday the twenty-sixth.", [("Thursday the twenty-sixth", "2019-12-26", "day")]),
    # a day of the month in words
    ("The accord was signed on the twenty-second of June 2020.", [("twenty-second of June 2020", "2020-06-22", "day")]),
    ("The delegation returned May twenty-first.", [("May twenty-first", "2019-05-21", "day")]),
    ("Registration stays open through August the 15th.", [("August the 15th", "2019-08-15", "day")]),
    # a day and month in digits with no year, after a preposition or a weekday
    ("The vote was held on 12/3, 12/10 or 12/17.", [("12/3", "2019-12-03", "day"), ("12/10", "2019-12-10", "day"), ("12/17", "2019-12-17", "day")]),
    ("The envoy left on Friday 12/13.", [("Friday 12/13", "2019-12-13", "day")]),
    ("The delegation arrived on 12/3 and left 12/19.", [("12/3", "2019-12-03", "day"), ("12/19", "2019-12-19", "day")]),
    ("The memo of 08/12,2015 was filed; the register was updated on 2019.5.13.",
     [("08/12,2015", "2015-08-12", "day"), ("2019.5.13", "2019-05-13", "day")]),
    ("Exports fell in 2015-3 and the talks are set for October, 1st.", [("2015-3", "2015-03", "month"), ("October, 1st", "2019-10-01", "day")]),
    # a day of the document's month alone, at the end of a sentence
    ("The shelling began on the eighth.", [("the eighth", "2019-12-08", "day")]),
    ("The envoy comes back for the 27.", [("the 27", "2019-12-27", "day")]),
    # counted from a date of the story, not from the document's: found, left without a value
    ("The next day, the ministers met again; two weeks later they signed.", [("The next day", None, "day"), ("two weeks later", None, "day")]),
    # parts of the day of the document
    ("The leaders spoke by phone last night and again this morning.", [("last night", "2019-12-19", "day"), ("this morning", "2019-12-20", "day")]),
]

# Which path reads each date: the grammar rule that matched, and "dateparser" where dateparser
# gives the value (against the document's date).
EVIDENCE = [
    ("The treaty was signed on Dec. 8, 1999, and ratified in May 2000.", [("Dec. 8, 1999", ["month_day"]), ("May 2000", ["month_year"])]),
    ("The memorandum dated 08/12/1999 was filed in 2001.", [("08/12/1999", ["numeric_slash"]), ("2001", ["year"])]),
    ("The envoy left last week and returned on Monday, three days ago.",
     [("last week", ["week", "dateparser"]), ("Monday", ["weekday", "dateparser"]), ("three days ago", ["ago", "dateparser"])]),
    ("Growth slowed in the first half of 2024 and by the end of the year.",
     [("first half of 2024", ["period"]), ("the end of the year", ["qualified"])]),
    ("The accord was initialled on Oct-2 and filed for 11/2018 and 2015/3.",
     [("Oct-2", ["month_day"]), ("11/2018", ["numeric_month_year"]), ("2015/3", ["numeric_year_month"])]),
    ("Output fell in 2018H2, in 2017 April and on 05-Aug-2016; the note of 14/03/19.",
     [("2018H2", ["year_period"]), ("2017 April", ["year_month"]), ("05-Aug-2016", ["day_month"]), ("14/03/19", ["numeric_short_year"])]),
    ("They meet on Tuesday next week, on the first Sunday of March, on Friday the 13th and on the 16th.",
     [("Tuesday next week", ["weekday_of_week"]), ("the first Sunday of March", ["nth_weekday"]), ("Friday the 13th", ["weekday_day"]),
      ("the 16th", ["ordinal_day"])]),
    ("The envoy met them Tuesday, on 12/17 and Friday 12/13, and on the twenty-second of June and May twenty-first.",
     [("Tuesday", ["weekday", "dateparser"]), ("12/17", ["numeric_day_month"]), ("Friday 12/13", ["numeric_day_month"]),
      ("twenty-second of June", ["day_words_month"]), ("May twenty-first", ["month_day_words"])]),
    ("The ministers will meet in two weeks, three days from now, and spoke last night.",
     [("in two weeks", ["in_units", "dateparser"]), ("three days from now", ["ago", "dateparser"]), ("last night", ["relative"])]),
]

# The same relative expressions without a document date: found, but unresolved.
UNRESOLVED = [
    ("Russia supports Belarus's chairmanship in EAEU bodies this year.", [("this year", None, "year")]),
    ("On December 8, we marked the anniversary.", [("December 8", None, "day")]),
]

NEGATIVE = [
    "The Joint Statement on the occasion of the 20th Anniversary was adopted.",  # ordinal
    "Security and prosperity of our states in the 21st century.",  # century
    "May I ask you a question, Mr President?",  # the verb "may"
    "We may well agree on this, and the parties may sign it.",
    "March on, the soldiers were told.",  # "March" the verb
    "Prime Minister Theresa May met the delegation.",  # a name
    "UN Security Council Resolution 2254 remains the basis for a settlement.",  # a number, not a year
    "The harvest reached 2000 tonnes of grain.",  # a quantity
    "The cessation of hostilities commences at 00:00 and ends by 12:00 pm.",  # times of day
    "The treaty has been in force for 20 years.",  # a duration
    "1. The parties agree on the following points.",  # a numbered point
    "Call +7 495 2011 2012 for details.",  # a phone number
    "See http://en.kremlin.ru/events/2012-06-25/17167 and version 1.25.06.2012.",  # a URL, a version number
    "Some 1500 participants attended the forum.",  # a count
    "The veteran, aged 95, met the President.",  # an age
    "There have been some 2000 recommendations over the past years.",  # a count
    "The city was founded over 2000 years ago.",  # a duration
    "The May executive orders were implemented.",  # "May" without a preposition: a name of a set of decrees
    "The office is at Entrance 9. May Street is closed.",  # a dotted day needs its year
    "Monday Night Football aired again.",  # a weekday alone: a name
    "She has worked here for two years.",  # a duration
    "They played the first half of the match.",  # a half of something else
    "The talks at Mar-a-Lago ended.",  # a place
    "The UN envoy Jan Kubis met the delegation in Jan Smuts House.",  # names, not months
    "The hotline works 24/7 during the session.",  # no date
    "The troops march 5 km a day and may 2 times a week rest.",  # lower-case verbs before numbers
    "They voted in H2 of the building.",  # a bare code
    "Trade between the two countries doubled in five years.",  # a duration, not a point
    "It will be the first plant of its kind in 40 years.",  # a duration after "first"
    "The 20th anniversary was marked on the 20th anniversary of the treaty.",  # ordinals of things
    "He spoke for the 21st time.",
    "They celebrate Good Friday and meet every Tuesday.",  # a name, a set
    "Meeting point: 6 Ninth of January Street.",  # a street named for a date
    "Prices rose to 4.22 dollars on average.",  # a number with a dot
    "The hotline works on a 24/7 basis.",  # a number before a noun
    "Savings reach $800 a year for 13\nmillion Americans.",  # a number broken from its noun by a line break
    "Every next day of the war brings new losses.",  # no day in particular
    "About 1/3 of the 3/4 majority and 1/2 or 2/3.",  # fractions
    "We may first consider it, and may the best win.",  # "may" the verb
    "The session is on the second floor.",  # an ordinal of a thing
]
