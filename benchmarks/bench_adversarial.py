"""Adversarial input, stage by stage: is every regular expression and matcher linear?

Feeds about 1 MB of hostile text (long runs of digits, spaces, punctuation, 'US$ 1,1,1,...',
repeated parentheses, one very long word, no newlines, ...) to the full parse and reports the
seconds spent in each stage: decoding, spaCy's tokenizer as diplotext wraps it, each pipeline
component, and each extractor that `pipeline.build_statement` calls (found by name in the
pipeline module, so a new extractor is timed without editing this file). The target is under
1 s per MB for every stage.

The baseline, measured in the same run on the same input, is the bare spaCy tokenizer
(``spacy.blank(lang).tokenizer``). It is quadratic on runs of brackets or currency signs
without a space, so it is first timed on 8 KB and 16 KB prefixes; when doubling the input
more than doubles the time, it is reported as quadratic (the two times and the whole input's
time extrapolated) instead of being run on the whole megabyte, which would take hours.

    .venv/bin/python benchmarks/bench_adversarial.py [--size 1000000] [--only NAME ...] [--out FILE]
    .venv/bin/python benchmarks/bench_adversarial.py --families [--ratio [2.6]] [--size 1000000] [--only NAME ...]
    .venv/bin/python benchmarks/bench_adversarial.py --memory [1 5 20] [--via parse|convert|both]
    .venv/bin/python benchmarks/bench_adversarial.py --linearity [5] [--rounds 2]

`--families` runs the hostile families of issue 18 (a sentence then a megabyte of digits or of
numbers, a clause of thousands of stances, lines of '5% ', short lines, '<p>' tags, a huge
number, thousands of acronym definitions, thousands of talks each of another year, a page of
diplomatic words in a random order with no sentence end) through the whole parse and prints seconds per MB (CPU time); `--ratio` also runs each
at half the size and flags those whose time grows more than RATIO-fold when the size doubles.

`--memory` parses real English text of 1, 5 and 20 MB (the shared corpus's English documents
joined by blank lines, read at run time), each in a fresh process, and prints its peak resident
memory (`ru_maxrss`), the growth over the resident size after a small warm-up parse, and CPU
seconds per MB, both through `diplotext.parse` (the whole Statement in memory) and through the
command line's `convert` of the text as one file (which writes a long input's JSON as its pieces
are parsed); `--via parse` or `--via convert` runs one of them. Issue 18 asks for well under
300 MB at 20 MB through the command line.

`--linearity [5]` parses 5 MB of the same text whole and as its five 1 MB parts, in interleaved
rounds in one process, and prints CPU s/MB of each: the corpus's documents differ in cost per MB,
so 5 MB against 1 MB of `--memory` compares different texts too; whole against its own parts
compares lengths alone (issue 19 asks for 5 MB within 1.2x of 1 MB).

Run on demand, never in the test suite (tests/test_linear.py feeds the same inputs without
timing them).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))


def adversarial_inputs(size: int = 1_000_000) -> dict[str, tuple[str, str]]:
    """name -> (lang, text of about `size` characters); shared with tests/test_linear.py."""

    def rep(unit: str) -> str:
        return (unit * (size // len(unit) + 1))[:size]

    return {
        "digits": ("en", rep("7")),
        "digits-spaced": ("en", rep("1 ")),
        "spaces": ("en", "In " + " " * size + "2011"),
        "punctuation": ("en", rep(".,;:!?-")),
        "dots": ("en", rep(".")),
        "dashes": ("en", rep("—-")),
        "usd-commas": ("en", "US$ 1" + rep(",1")),
        "usd-glued": ("en", rep("US$")),
        "usd-figures": ("en", rep("US$ 38 billion, ")),
        "percent": ("en", rep("12.5% ")),
        "parens": ("en", rep("(") [: size // 2] + rep(")")[: size // 2]),
        "parens-alternating": ("en", rep("()")),
        "parens-words": ("en", rep("(Belarus) ")),
        "quotes": ("en", rep('"«»\'')),
        "long-word": ("en", rep("a")),
        "long-capword": ("en", "B" + rep("e")),
        "years": ("en", rep("in 2011 ")),
        "dates": ("en", rep("On 5 May 2011, ")),
        "months": ("en", rep("May ")),
        "countries": ("en", rep("Belarus and Russia ")),
        "capitalized": ("en", rep("The Union State Council Of ")),
        "numbers-words": ("en", rep("one hundred and twenty ")),
        "ru-figures": ("ru", rep("в 2011 году 38 млрд долларов ")),
        "ru-dates": ("ru", rep("8 декабря 1999 года ")),
        "ru-long-word": ("ru", rep("д")),
        "newlines": ("en", rep("\n")),
        "short-lines": ("en", rep("Share\n")),
        "numbered-lines": ("en", rep("1. \n")),
        "html-tags": ("en", "<html><body>" + rep("<p>")),
        "html-lt": ("en", "<html>" + rep("<")),
        "mixed": ("en", rep("Belarus (CSTO) signed, on 8 December 1999, US$ 1,5 bn; 34.9% «the Treaty» — ")),
        "one-sentence": ("en", rep("Belarus and Russia agreed on 5 May 2011 to trade US$ 38 billion, up 12.5%; ")),
        "ru-one-sentence": ("ru", rep("Беларусь и Россия 5 мая 2011 года договорились о торговле на 38 млрд долларов, рост 12,5%; ")),
    }


SENTENCE = "They met in Moscow and in Minsk and in Kazan.\n"


DIPLOMATIC_WORDS = ("Russia Belarus China the of and in talks welcomed condemned supported President Putin Lukashenko "
                    "CSTO EAEU treaty signed on May 2011 trade grew by 5% to US$ 38 billion")
"""Words that each name an entity, a trigger, a date or a figure: drawn at random, dense input for every stage."""


def made_up_word(i: int, first: str, letters: int = 4) -> str:
    """A made-up capitalized word, distinct for each i below 20**letters ('Qabodov')."""
    return first + "".join("abcdefghiklmnoprstuv"[(i // 20**k) % 20] for k in range(letters)) + "ov"


def random_words(words: str, seed: int, per_line: int = 0) -> Callable[[int], str]:
    """make(n): about n characters of `words` drawn at random, `per_line` to a line (0: all on one)."""
    import random

    vocabulary = words.split()

    def make(n: int) -> str:
        rng = random.Random(seed)
        drawn = [rng.choice(vocabulary) for _ in range(n // 5 + 1)]
        if per_line:
            return "\n".join(" ".join(drawn[k:k + per_line]) for k in range(0, len(drawn), per_line))[:n]
        return " ".join(drawn)[:n]
    return make


def hostile_families() -> dict[str, tuple[str, Callable[[int], str]]]:
    """name -> (lang, make): the hostile inputs of issue 18, `make(n)` about n characters long;
    shared with tests/test_hostile_linear.py, which compares two sizes of each."""

    def rep(unit: str) -> Callable[[int], str]:
        return lambda n: (unit * (n // len(unit) + 1))[:n]

    def numbers(n: int) -> str:
        out, k, size = [], 0, len(SENTENCE)
        while size < n:
            out.append(str(k))
            size += len(out[-1]) + 1
            k += 1
        return SENTENCE + " ".join(out)

    def lines(n: int) -> str:
        return "".join(f"Line {i}\n" for i in range(n // 7 + 1))[:n]

    def paragraphs(n: int) -> str:
        return "<html><body>" + rep("<p>Belarus and Russia agreed.</p>\n")(n)

    def acronyms(n: int) -> str:
        out, size, i = [], 0, 0
        while size < n:
            a, b, c = (chr(65 + (i // 26**k) % 26) for k in range(3))
            out.append(f"The {made_up_word(i, a)} {made_up_word(i + 1, b)} {made_up_word(i + 2, c)} Council ({a}{b}{c}C) met. Later the {a}{b}{c}C agreed.\n")
            size += len(out[-1])
            i += 1
        return "".join(out)[:n]

    def talks(n: int) -> str:  # each the talks of another year: every mention a new event
        return "".join(f"Russia welcomed the talks of the CSTO in {1000 + i % 1200}.\n" for i in range(n // 50 + 1))[:n]

    return {
        "sentence-then-digits": ("en", lambda n: SENTENCE + "1" * n),
        "sentence-then-numbers": ("en", numbers),
        "stances": ("en", rep("Russia condemned and welcomed and supported ")),
        "percent-lines": ("en", rep("5% \n")),
        "percent-long-lines": ("en", rep("5% " * 20 + "\n")),
        "short-lines": ("en", rep("Share\n")),
        "numbered-short-lines": ("en", lines),
        "html-p": ("en", lambda n: "<html><body>" + rep("<p>")(n)),
        "html-paragraphs": ("en", paragraphs),
        "huge-number": ("en", lambda n: "$" + "9" * n),
        "acronym-definitions": ("en", acronyms),
        "distinct-talks": ("en", talks),
        "run-on-sentence": ("en", random_words(DIPLOMATIC_WORDS, 3)),  # one page-long sentence
    }


def families(size: int, ratio: float | None, only: list[str] | None) -> int:
    """Seconds per MB of each hostile family at `size` characters (its first parse); with `ratio`,
    also at half the size and the full size again, flagging a family whose time grows by more
    than `ratio` when its size doubles."""
    import diplotext

    rows, flagged = [], []
    table = hostile_families()
    table = {"real-text (baseline)": ("en", real_text), **{k: v for k, v in table.items() if not only or k in only}}
    real = None
    for name, (lang, make) in table.items():
        diplotext.parse(make(1000), lang=lang)  # warm
        text = make(size)
        big = parse_seconds(lang, text)
        mb = len(text.encode("utf-8")) / 1e6
        real = big / mb if real is None else real
        cells = [name, f"{mb:.2f}", f"{big:.2f}", f"{big / mb:.1f}", f"{big / mb / real:.1f}"]
        if ratio is not None:
            # both sizes again once the first parse has made the vocabulary's entries for the
            # input's new words (a spaCy Vocab keeps them): a family of distinct numbers or lines
            # pays for them once, in the first parse, which would otherwise look superlinear
            half, again = parse_seconds(lang, make(size // 2)), parse_seconds(lang, text)
            r = again / max(half, 1e-3)
            cells += [f"{r:.2f}", "SUPERLINEAR" if r > ratio else ""]
            if r > ratio:
                flagged.append(name)
        rows.append(cells)
        print(" ".join(cells), file=sys.stderr, flush=True)
    head = ["family", "MB", "CPU s", "s/MB", "x real text"] + (["ratio (size / half, warm)", ""] if ratio is not None else [])
    print("| " + " | ".join(head) + " |\n|" + "---|" * len(head))
    for cells in rows:
        print("| " + " | ".join(cells) + " |")
    if ratio is not None:
        print(f"\nSuperlinear (time x more than {ratio:g} when the size doubles): {', '.join(flagged) or 'none'}.")
    return 1 if flagged else 0


def real_text(n: int) -> str:
    """About n characters of real English statements (the shared White House corpus, else the
    seeds), documents joined by blank lines: the baseline of the families."""
    root = Path(__file__).resolve().parent.parent
    files = sorted((root.parent / "shared" / "corpus" / "whitehouse").glob("*.txt"))[:2000]
    return _joined(files or sorted((root / "data" / "raw").glob("*.txt")), n)


def corpus_text(n: int) -> str:
    """About n characters of real English text: every English document of the shared corpus
    (read at run time, never copied), in name order, joined by blank lines, repeated as needed."""
    root = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"
    files = [f for d in ("kremlin-2021-2022", "whitehouse", "president-gov-ua") for f in sorted((root / d).glob("*.txt"))]
    return _joined(files or sorted((Path(__file__).resolve().parent.parent / "data" / "raw").glob("*.txt")), n)


def _joined(files: list[Path], n: int) -> str:
    """The first n characters of `files` read in order, joined by blank lines, repeated as needed."""
    parts, size = [], 0
    while size < n:
        for f in files:
            parts.append(f.read_text(encoding="utf-8", errors="replace"))
            size += len(parts[-1]) + 2
            if size >= n:
                break
    return "\n\n".join(parts)[:n]


def memory_one(mb: float, via: str = "parse") -> dict[str, Any]:
    """One parse of `mb` MB of corpus text in this process: peak RSS (MB) before and after it, CPU s.

    `via` "parse": `diplotext.parse` (the library's Statement); "convert": the command line's
    `diplotext convert IN --out OUT` of the text as one file (its JSON written, then read back
    for the counts, after the peak was taken)."""
    import gc
    import json
    import resource
    import tempfile

    import diplotext

    text = corpus_text(int(mb * 1_000_000))
    size = len(text.encode("utf-8")) / 1e6
    diplotext.parse(text[:20_000], lang="en")  # warm: pipelines built, matchers made
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        if via == "convert":
            from diplotext.cli import main

            (folder / "in").mkdir()
            (folder / "in" / "long.txt").write_text(text, encoding="utf-8")
            del text
            gc.collect()
        before = _resident_mb()
        t = time.process_time()
        if via == "convert":
            main(["convert", str(folder / "in"), "--out", str(folder / "out"), "--lang", "en", "--max-bytes", "0"])
        else:
            st = diplotext.parse(text, lang="en", max_chars=None)
        cpu = time.process_time() - t
        after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        if via == "convert":
            st = json.loads((folder / "out" / "long.json").read_text(encoding="utf-8"))
            counts = {k: len(st[k]) for k in ("entities", "dates", "figures")}
        else:
            counts = {k: len(getattr(st, k)) for k in ("entities", "dates", "figures")}
    return {"via": via, "mb": size, "cpu": cpu, "before": before, "peak": after, **counts}


def _resident_mb() -> float:
    """The resident size now (the high-water mark of making the text may stand above it)."""
    import resource

    try:
        return int(open("/proc/self/statm").read().split()[1]) * resource.getpagesize() / 2**20
    except OSError:
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def memory(sizes: list[float], vias: list[str]) -> int:
    """Peak RSS and CPU s/MB of one parse of real text per size and way, each in its own process."""
    import json
    import subprocess

    rows = []
    for mb in sizes:
        for via in vias:
            out = subprocess.run([sys.executable, __file__, "--memory-one", str(mb), "--via", via], capture_output=True,
                                 text=True, check=True)
            r = json.loads(out.stdout.strip().splitlines()[-1])
            rows.append(r)
            print(json.dumps(r), file=sys.stderr, flush=True)
    print("| via | MB | peak RSS MB | RSS before the parse MB | growth MB | CPU s | s/MB | entities | dates | figures |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for r in rows:
        print(f"| {r['via']} | {r['mb']:.2f} | {r['peak']:.0f} | {r['before']:.0f} | {r['peak'] - r['before']:.0f} | "
              f"{r['cpu']:.1f} | {r['cpu'] / r['mb']:.2f} | {r['entities']} | {r['dates']} | {r['figures']} |")
    return 0


def linearity(mb: float, rounds: int) -> int:
    """CPU s/MB of `mb` MB of corpus text parsed whole against the same text parsed as 1 MB
    parts, one after the other, in interleaved rounds in this process: the corpus's documents
    differ in cost per MB (the 1 MB at its start is the kremlin's; the White House's, after it,
    cost more per MB), so the s/MB of 5 MB against 1 MB of `--memory` also compares different
    texts; whole against its own parts compares lengths alone."""
    import diplotext

    text = corpus_text(int(mb * 1_000_000))
    diplotext.parse(text[:20_000], lang="en")  # warm
    step = 1_000_000
    parts = [text[at:at + step] for at in range(0, len(text), step)]
    print("| round | parts s/MB | parts, all | whole s/MB | whole / parts |\n|---|---|---|---|---|")
    ratios = []
    for r in range(rounds):
        part_secs = [parse_seconds("en", part) for part in parts]
        whole = parse_seconds("en", text)
        mbs = [len(part.encode("utf-8")) / 1e6 for part in parts]
        per_part = " ".join(f"{t / m:.2f}" for t, m in zip(part_secs, mbs))
        all_parts, all_whole = sum(part_secs) / sum(mbs), whole / sum(mbs)
        ratios.append(all_whole / all_parts)
        print(f"| {r} | {per_part} | {all_parts:.2f} | {all_whole:.2f} | {ratios[-1]:.3f} |", flush=True)
    print(f"\nwhole / parts, median of {rounds} rounds: {sorted(ratios)[len(ratios) // 2]:.3f}")
    return 0


def parse_seconds(lang: str, text: str, runs: int = 1) -> float:
    """CPU seconds of the fastest of `runs` parses (the machine is shared: CPU time, not wall
    time); shared with bench_shapes.py and tests/test_hostile_linear.py."""
    import diplotext

    best = float("inf")
    for _ in range(runs):
        t = time.process_time()
        diplotext.parse(text, lang=lang, max_chars=None)
        best = min(best, time.process_time() - t)
    return best


class Timer:
    """Accumulates the seconds spent in named callables."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = defaultdict(float)

    def wrap(self, name: str, fn: Callable[..., Any]) -> Callable[..., Any]:
        def timed(*args: Any, **kwargs: Any) -> Any:
            t = time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                self.seconds[name] += time.perf_counter() - t

        return timed


def _stage_functions() -> dict[str, Callable[..., Any]]:
    """The extractors `build_statement` calls: diplotext functions imported into the pipeline."""
    import inspect

    from diplotext import pipeline

    skip = {"get_nlp", "load_gazetteer", "in_ranges", "decode_bytes", "scrub_surrogates", "detect_language",
            "looks_like_html", "html_to_text", "working_text"}
    out = {}
    for name, obj in vars(pipeline).items():
        if (inspect.isfunction(obj) and name not in skip and obj.__module__.startswith("diplotext.")
                and obj.__module__ != "diplotext.pipeline"):
            out[name] = obj
    return out


def measure(lang: str, text: str, timer: Timer, check: bool = True) -> None:
    """One full parse of `text`, stage by stage, into `timer`."""
    from diplotext import pipeline
    from diplotext.nlp import get_nlp
    from diplotext.text.decode import decode_bytes

    data = text.encode("utf-8")
    t = time.perf_counter()
    try:
        decode_bytes(data, max_bytes=None)
    except Exception:  # noqa: BLE001 - whitespace-only inputs are refused: still timed
        pass
    timer.seconds["decode"] += time.perf_counter() - t

    originals = _stage_functions()
    for name, fn in originals.items():
        setattr(pipeline, name, timer.wrap(name, fn))
    try:
        started = time.perf_counter()
        t = time.perf_counter()
        prep = pipeline.prepare(text, lang=lang, max_chars=None)
        timer.seconds["prepare"] += time.perf_counter() - t
        nlp = get_nlp(prep.lang)
        t = time.perf_counter()
        doc = nlp.make_doc(prep.work)
        timer.seconds["tokenizer"] += time.perf_counter() - t
        for name, proc in nlp.pipeline:
            t = time.perf_counter()
            doc = proc(doc)
            timer.seconds[name] += time.perf_counter() - t
        statement = pipeline.build_statement(prep, doc)
        timer.seconds["TOTAL parse"] += time.perf_counter() - started
    finally:
        for name, fn in originals.items():
            setattr(pipeline, name, fn)
    if check:
        from offsets import assert_sound

        assert_sound(statement, text)


def baseline(lang: str, text: str) -> str:
    """Seconds of the bare spaCy tokenizer on `text`, or its quadratic growth on prefixes."""
    import spacy

    tokenizer = spacy.blank(lang).tokenizer

    def timed(n: int) -> float:
        t = time.perf_counter()
        tokenizer(text[:n])
        return time.perf_counter() - t

    t8, t16 = timed(8_000), timed(16_000)
    # doubling the input more than doubles the time, or even linear growth would take minutes
    if (t16 > 0.01 and t16 > 2.5 * t8) or t16 * len(text) / 16_000 > 20:
        whole = t16 * (len(text) / 16_000) ** 2
        return f"quadratic: 8 KB {t8:.2f}, 16 KB {t16:.2f}, whole ~{whole:,.0f} s"
    return f"{timed(len(text)):.2f}"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--size", type=int, default=1_000_000)
    ap.add_argument("--only", nargs="*")
    ap.add_argument("--out", type=Path)
    ap.add_argument("--families", action="store_true", help="the hostile families of issue 18: seconds per MB")
    ap.add_argument("--ratio", type=float, nargs="?", const=2.6, default=None,
                    help="with --families: time at half the size too; flag (exit 1) growth over RATIO per doubling (2.6)")
    ap.add_argument("--memory", type=float, nargs="*", help="peak RSS and s/MB of real text of these sizes in MB (1 5 20)")
    ap.add_argument("--via", choices=["parse", "convert", "both"], default="both",
                    help="with --memory: diplotext.parse, the command line's convert (its JSON written), or both")
    ap.add_argument("--memory-one", type=float, help=argparse.SUPPRESS)
    ap.add_argument("--linearity", type=float, nargs="?", const=5.0, default=None,
                    help="CPU s/MB of MB (5) of real text parsed whole against its 1 MB parts, in this process")
    ap.add_argument("--rounds", type=int, default=2, help="with --linearity: interleaved rounds (2)")
    args = ap.parse_args(argv)
    if args.memory_one is not None:
        import json

        print(json.dumps(memory_one(args.memory_one, args.via)))
        return 0
    if args.linearity is not None:
        return linearity(args.linearity, args.rounds)
    if args.memory is not None:
        return memory(args.memory or [1.0, 5.0, 20.0], ["parse", "convert"] if args.via == "both" else [args.via])
    if args.families or args.ratio is not None:
        return families(args.size, args.ratio, args.only)

    import diplotext

    diplotext.parse("warm up: Belarus and Russia, US$ 1 billion, 5 May 2011.", lang="en")
    diplotext.parse("Разогрев: Беларусь и Россия, 5 мая 2011 года, 1 млрд долларов.", lang="ru")
    rows = []
    stages: list[str] = []
    for name, (lang, text) in adversarial_inputs(args.size).items():
        if args.only and name not in args.only:
            continue
        timer = Timer()
        measure(lang, text, timer)
        base = baseline(lang, text)
        rows.append((name, len(text.encode("utf-8")), base, dict(timer.seconds)))
        for stage in timer.seconds:
            if stage not in stages:
                stages.append(stage)
        worst = max((s for k, s in timer.seconds.items() if k != "TOTAL parse"), default=0.0)
        print(f"{name:20s} {timer.seconds['TOTAL parse']:7.2f} s total, slowest stage {worst:.2f} s, bare tokenizer {base}",
              file=sys.stderr, flush=True)
        report = _table(args.size, rows, stages)
        if args.out:  # rewritten after every input: a run cut short keeps what it measured
            args.out.write_text(report + "\n", encoding="utf-8")
    print(_table(args.size, rows, stages))
    return 0


def _table(size_arg: int, rows: list[tuple[str, int, str, dict[str, float]]], stages: list[str]) -> str:
    stages = [s for s in stages if s != "TOTAL parse"] + ["TOTAL parse"]
    lines = [
        f"Seconds per input of ~{size_arg / 1e6:g} MB (Python {sys.version.split()[0]}); target: every stage < 1 s per MB.",
        "",
        "| input | MB | bare spaCy tokenizer | " + " | ".join(stages) + " |",
        "|---|---|---|" + "---|" * len(stages),
    ]
    for name, size, base, secs in rows:
        cells = [f"{secs.get(s, 0.0):.2f}" if secs.get(s, 0.0) < 1.0 * size / 1e6 or s == "TOTAL parse"
                 else f"**{secs.get(s, 0.0):.2f}**" for s in stages]
        lines.append(f"| {name} | {size / 1e6:.2f} | {base} | " + " | ".join(cells) + " |")
    over = sorted({s for _, size, _, secs in rows for s in stages if s != "TOTAL parse" and secs.get(s, 0) >= size / 1e6})
    lines += ["", f"Stages over 1 s per MB: {', '.join(over) if over else 'none'}."]
    return "\n".join(lines)


if __name__ == "__main__":
    raise SystemExit(main())
