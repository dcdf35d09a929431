"""Build src/diplotext/resources/cyrillic_bigrams.json, the letter-bigram model that
`diplotext.text.decode` uses to tell cp1251 from KOI8-R (and the other code pages) on short texts.

Counts come from every 4th word form of the pymorphy3 Russian dictionary (a lexicon: each form
once), plus spaCy's Russian stop words and a few Belarusian and Ukrainian sentences written for
this purpose, weighted up because function words dominate running text. The model is
P(next letter | letter) with word boundaries '^' and '$', ё folded into е, add-0.5 smoothing.

    .venv/bin/python tools/make_cyrillic_bigrams.py
"""

from __future__ import annotations

import json
import math
from collections import Counter
from pathlib import Path

import pymorphy3
from spacy.lang.ru.stop_words import STOP_WORDS

OUT = Path(__file__).resolve().parent.parent / "src" / "diplotext" / "resources" / "cyrillic_bigrams.json"
ALPHABET = "абвгдежзийклмнопрстуфхцчшщъыьэюяіўєїґ"

BELARUSIAN = """
Сумесная заява міністраў замежных спраў Рэспублікі Беларусь і Расійскай Федэрацыі з нагоды
дваццатай гадавіны ўстанаўлення дыпламатычных адносін. Бакі адзначылі, што двухбаковае
супрацоўніцтва развіваецца ў гандлі, энергетыцы, прамысловасці і гуманітарнай сферы. Прэзідэнт
правёў перамовы ў Мінску, былі падпісаны пагадненні аб супрацоўніцтве і праграма дзеянняў.
Міністэрства замежных спраў паведамляе пра візіт дэлегацыі і сустрэчу з кіраўніцтвам краіны.
Беларусь і Расія будуць і надалей узмацняць Саюзную дзяржаву, эканамічную інтэграцыю і
бяспеку ў рэгіёне. Урад, парламент, дзяржаўны сакратар, міжнародная супольнасць, Еўразійскі
эканамічны саюз, Арганізацыя Дагавора аб калектыўнай бяспецы.
"""
UKRAINIAN = """
Спільна заява міністрів закордонних справ. Сторони підтвердили готовність розвивати співпрацю
у сфері економіки, енергетики та культури. Президент провів переговори у Києві, підписано
угоду про торгівлю і її виконання. Україна, Європейський союз, ґрунтовний діалог, їхня позиція.
"""


# The most frequent short words of running Russian, Belarusian and Ukrainian text (from frequency
# dictionaries), and of the genre. Single letters only where they are words.
FREQUENT = """
и в не на я что он с как а то все она так его но да ты к у же вы за бы по только ее мне было
вот от меня еще нет о из ему когда даже ну ли если уже или ни быть был него до вас опять уж
вам ведь там потом себя ей может они тут где есть надо ней для мы тебя их чем была сам без
будет тогда кто этот того потому этого какой ним здесь этом один мой тем чтобы нее были всех
можно при два об другой хоть после над больше тот через эти нас про всего них много три эту
моя этой перед лучше том им более всю между года году также мая июня июля марта рф сша оон снг
россии россия беларуси беларусь минск москва мира
і ў з у на не па да ад аб пра што як гэта ці але для пры без над пад праз таксама быў была былі
гады года мінск расія расіі беларусі
що та як не на до за від по про але або її їх україни
"""


def words_of(text: str) -> list[str]:
    import re

    return re.findall(r"[а-яёіўєїґ]+", text.lower())


def main() -> None:
    counts: Counter[str] = Counter()

    def add(word: str, weight: int = 1) -> None:
        s = "^" + word.replace("ё", "е") + "$"
        for a, b in zip(s, s[1:]):
            counts[a + b] += weight

    analyzer = pymorphy3.MorphAnalyzer(lang="ru")
    for i, item in enumerate(analyzer.dictionary.iter_known_words("")):
        if i % 4 == 0 and all(ch in ALPHABET or ch == "ё" for ch in item[0]):
            add(item[0])
    lexicon_total = sum(counts.values())
    stop = sorted(w for w in STOP_WORDS if all(ch in ALPHABET or ch == "ё" for ch in w))
    weight = max(1, lexicon_total // (20 * sum(len(w) + 1 for w in stop)))  # stop words: ~5% of the mass
    for w in stop:
        add(w, weight)
    for text, share in ((BELARUSIAN, 15), (UKRAINIAN, 50)):
        ws = words_of(text)
        add_weight = max(1, lexicon_total // (share * sum(len(w) + 1 for w in ws)))
        for w in ws:
            add(w, add_weight)

    left = "^" + ALPHABET.replace("ё", "")
    right = ALPHABET.replace("ё", "") + "$"
    logp: dict[str, float] = {}
    for a in left:
        row = {b: counts.get(a + b, 0) + 0.5 for b in right}
        total = sum(row.values())
        for b, n in row.items():
            logp[a + b] = round(math.log(n / total), 2)
    # Short, frequent words: on a text of one or two words the bigrams alone cannot decide
    # ('и' in cp1251 is 'Х' in KOI8-R), the words can.
    frequent = sorted(set(words_of(FREQUENT)))
    OUT.write_text(json.dumps({"about": __doc__.split("\n\n")[0].replace("\n", " "), "alphabet": ALPHABET,
                               "frequent_words": frequent, "logp": logp}, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    print(f"wrote {OUT}: {len(logp)} bigrams from {lexicon_total:,} lexicon bigrams, stop-word weight {weight}")


if __name__ == "__main__":
    main()
