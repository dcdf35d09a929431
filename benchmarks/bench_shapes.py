"""Does the parse stay linear whatever the text is made of? About fifty shapes of text, each at two sizes.

    .venv/bin/python benchmarks/bench_shapes.py [--small 50000] [--factor 4] [--flag 5.2] [--only NAME ...]

Each shape is a text made of one construct, repeated: persons named in full, acronym definitions,
speaker turns, headings, dates, figures, HTML tables and comments, a page of words with no
sentence end, and their Russian counterparts. Each is parsed at SMALL characters and at FACTOR
times that, both within one piece of a long text (so that the piece cut does not hide what
grows inside a piece), best of two runs each, CPU time. A linear stage gives a ratio near
FACTOR; a shape whose ratio passes FLAG (quadratic gives FACTOR squared) is flagged and the exit
status is 1, unless its larger text parses in under 0.2 s (then it is only marked: too fast
to tell growth from fixed costs).

Where `bench_adversarial --families` measures the hostile inputs of issue 18 at a megabyte, this
looks for the ones nobody listed: the acronym linking, the event repeats and the actor search
in page-long sentences were each quadratic, and each showed here first. Run on demand, never
in the test suite (the quadratic cases found have their own ratio tests).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_adversarial import DIPLOMATIC_WORDS, made_up_word, parse_seconds, random_words  # noqa: E402

Make = Callable[[int], str]


def _units(unit: Callable[[int], str], paragraph: int = 5) -> Make:
    """`unit(i)` for i = 0, 1, ... up to n characters, a blank line after every `paragraph` units."""
    def make(n: int) -> str:
        out, size, i = [], 0, 0
        while size < n:
            out.append(unit(i))
            size += len(out[-1])
            i += 1
            if i % paragraph == 0:
                out.append("\n\n")
                size += 2
        return "".join(out)[:n]
    return make


_RU_WORDS = ("Россия Белоруссия Путин Лукашенко ОДКБ переговоры визит осудила поддержала договор о дружбе между "
             "Россией и Белоруссией 5 мая 2011 года")


def shapes() -> dict[str, tuple[str, Make]]:
    """name -> (language, make(n): about n characters of the shape)."""
    def z(i: int, first: str) -> str:
        return made_up_word(i, first, 3)

    html = "<html><body>{}</body></html>".format
    return {
        # entities
        "countries": ("en", _units(lambda i: f"Russia, Belarus, China, India and Brazil met Kazakhstan on {1 + i % 28} May. ")),
        "persons-in-full": ("en", _units(lambda i: f"President Ivan {z(i, 'Z')} met Minister Petr {z(i + 7, 'Y')}. Later {z(i, 'Z')} left. ")),
        "titled-persons": ("en", _units(lambda i: f"Foreign Minister {z(i, 'K')} and Deputy Prime Minister {z(i, 'L')} spoke. ")),
        "organizations": ("en", _units(lambda i: f"The Ministry of Foreign Affairs of the Republic of Q{i}land met the Q{i}land National Bank. ")),
        "acronyms": ("en", _units(lambda i: f"The {z(i, 'A')} {z(i, 'B')} Council ({chr(65 + i % 26)}{chr(65 + i // 26 % 26)}C) met the "
                                            f"{chr(65 + i % 26)}{chr(65 + i // 26 % 26)}C. ")),
        "instruments": ("en", _units(lambda i: f"The Agreement on {z(i, 'C')} Cooperation was signed; the Agreement entered into force. ")),
        "treaties-between": ("en", random_words("the Agreement between Russia and Belarus on trade signed Treaty Kazakhstan China and", 7)),
        # relations
        "stances": ("en", _units(lambda i: f"Russia condemned the attack on {z(i, 'T')} and welcomed the talks of the CSTO. ")),
        "talks-of-years": ("en", _units(lambda i: f"Russia welcomed the talks of the CSTO in {1000 + i % 1200}. ")),
        "run-on-words": ("en", random_words(DIPLOMATIC_WORDS, 3)),
        "lines-of-words": ("en", random_words(DIPLOMATIC_WORDS, 3, per_line=12)),
        # structure
        "one-paragraph": ("en", lambda n: " ".join(f"Russia and Belarus signed treaty {i}." for i in range(n // 36 + 1))[:n]),
        "one-sentence": ("en", lambda n: ("Russia welcomed " + " and ".join(f"the plan of Belarus {i}" for i in range(n // 24 + 1)))[:n]),
        "speaker-turns": ("en", _units(lambda i: f"\nVladimir Putin: Thank you, {z(i, 'M')}.\n\nAlexander Lukashenko: Thank you too.\n", 1)),
        "headings": ("en", _units(lambda i: f"\n\nSection {z(i, 'H')}\n\nRussia and Belarus agreed on the {z(i, 'P')} plan today.\n", 1)),
        "points": ("en", _units(lambda i: f"\n{i % 300 + 1}. The Parties shall cooperate in {z(i, 'F')} matters.\n", 1)),
        "dividers": ("en", _units(lambda i: f"\n* * *\nRussia met Belarus {i}.\n", 1)),
        "caps-lines": ("en", _units(lambda i: f"JOINT STATEMENT {i} OF THE PRESIDENTS\n", 1)),
        "pipes": ("en", _units(lambda i: f"Home | News | Events {i} | Russia | Belarus\n", 1)),
        "urls": ("en", _units(lambda i: f"https://example.org/news/{i} Russia met Belarus.\n", 1)),
        "parentheses": ("en", _units(lambda i: f"The Council (C{i}) met (in Minsk) (on {1 + i % 28} May). ")),
        "quotes": ("en", _units(lambda i: f'He said: "We agree {i}." She said: "No." ')),
        "blank-lines": ("en", lambda n: "Russia met Belarus.\n" + "\n" * n),
        # dates and figures
        "date-ranges": ("en", _units(lambda i: f"From {1 + i % 27} to {2 + i % 27} May 20{10 + i % 15} they met in Minsk. ")),
        "relative-dates": ("en", _units(lambda i: f"Last week and {i % 9 + 2} years ago they met; next month they meet. ")),
        "date-lines": ("en", _units(lambda i: f"{1 + i % 28} May 20{10 + i % 15}\n", 1)),
        "header-lines": ("en", _units(lambda i: f"Moscow, {1 + i % 28} May 2011\n\nRussia and Belarus met.\n\n", 1)),
        "figures": ("en", _units(lambda i: f"Trade grew by {i % 90}.{i % 10}% to US$ {i % 500} billion in 20{10 + i % 10}. ")),
        "tab-table": ("en", _units(lambda i: f"{i}\t{i * 3}\t{i % 97}%\tUS$ {i % 500} million\n", 1)),
        # HTML
        "html-nested": ("en", lambda n: html("<div>" * (n // 10) + "Russia met Belarus." + "</div>" * (n // 10))),
        "html-scripts": ("en", lambda n: html("<script>var a = 1;</script><p>Russia met Belarus.</p>" * (n // 55))),
        "html-attributes": ("en", lambda n: html("".join(f'<a href="/n/{i}" class="x y" data-id="{i}">News {i}</a>\n' for i in range(n // 60)))),
        "html-table": ("en", lambda n: html("<table>" + "".join(f"<tr><td>{i}</td><td>Russia</td><td>{i % 97}%</td></tr>" for i in range(n // 50)) + "</table>")),
        "html-comments": ("en", lambda n: html("<!-- c -->Russia met Belarus. " * (n // 30))),
        "html-entities": ("en", lambda n: html("<p>" + "Russia &amp; Belarus &#8212; &laquo;CSTO&raquo; " * (n // 45) + "</p>")),
        # Russian
        "ru-organizations": ("ru", _units(lambda i: f"Министерство иностранных дел Республики {z(i, 'К')}ия и ОДКБ провели встречу. ")),
        "ru-persons": ("ru", _units(lambda i: f"Президент {z(i, 'Н')} встретился с {z(i, 'Н')}ым. Позже {z(i, 'Н')} заявил. ")),
        "ru-acronyms": ("ru", _units(lambda i: f"Организация {i} сотрудничества (О{chr(1040 + i % 32)}{chr(1040 + i // 32 % 32)}С) провела встречу. "
                                               f"Позже О{chr(1040 + i % 32)}{chr(1040 + i // 32 % 32)}С заявила.\n")),
        "ru-quoted-names": ("ru", _units(lambda i: f"Компания «Ромашка{i}» и банк «Б{i}» подписали договор с ОДКБ. ")),
        "ru-dates": ("ru", _units(lambda i: f"{1 + i % 28} мая 20{10 + i % 15} года стороны подписали договор. ")),
        "ru-stances": ("ru", _units(lambda i: f"Россия осудила нападение {i} и приветствовала переговоры ОДКБ в {1000 + i % 1100} году. ")),
        "ru-events": ("ru", _units(lambda i: f"Переговоры {z(i, 'П')} прошли в Минске {1 + i % 28} мая. ")),
        "ru-run-on-words": ("ru", random_words(_RU_WORDS, 5)),
        "ru-one-paragraph": ("ru", lambda n: " ".join(f"Россия и Белоруссия подписали договор {i} в Минске." for i in range(n // 50 + 1))[:n]),
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--small", type=int, default=50_000, help="characters of the smaller text (default 50,000)")
    ap.add_argument("--factor", type=int, default=4, help="the larger is this many times the smaller (default 4)")
    ap.add_argument("--flag", type=float, default=5.2, help="flag a ratio above this (default 5.2 for a factor of 4)")
    ap.add_argument("--only", nargs="*", help="these shapes only")
    args = ap.parse_args(argv)

    import diplotext
    from diplotext.pieces import PIECE_CHARS

    if args.small * args.factor > PIECE_CHARS:
        ap.error(f"the larger text must fit in one piece ({PIECE_CHARS:,} characters)")
    flagged = []
    print(f"| shape | lang | {args.small // 1000} KB s | {args.small * args.factor // 1000} KB s | ratio | s/MB |\n|---|---|---|---|---|---|")
    for name, (lang, make) in shapes().items():
        if args.only and name not in args.only:
            continue
        small, large = make(args.small), make(args.small * args.factor)
        diplotext.parse(small[:3000], lang=lang)  # warm: pipelines, lexicons, caches
        a, b = parse_seconds(lang, small, runs=2), parse_seconds(lang, large, runs=2)
        ratio = b / max(a, 1e-3)
        # under 0.2 s the fixed costs of a parse and the steps of its caches outweigh growth
        mark = "" if ratio <= args.flag else " **superlinear?**" if b >= 0.2 else " (too fast to tell)"
        if "superlinear" in mark:
            flagged.append(name)
        print(f"| {name} | {lang} | {a:.2f} | {b:.2f} | {ratio:.2f}{mark} | {b / (len(large.encode('utf-8')) / 1e6):.1f} |", flush=True)
    print(f"\nAbove {args.flag:g}x for {args.factor}x the size: {', '.join(flagged) or 'none'}.")
    return 1 if flagged else 0


if __name__ == "__main__":
    sys.exit(main())
