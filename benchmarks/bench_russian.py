"""Russian against the physical limit, and how fast diplotext starts: ratios in one run.

    python benchmarks/bench_russian.py                    # everything (about 2 minutes on 2 cores)
    python benchmarks/bench_russian.py --only cold --rounds 3
    python benchmarks/bench_russian.py --only cold --stages   # and where the pipeline's time goes

Figures, each with its baseline measured in the same run (goals of issue 19):

- **cold**: the full pipeline (``diplotext.parse_many``) over ``--corpus`` (default
  shared/corpus/ru-wikinews), each text once, against the bare ``spacy.blank("ru")`` tokenizer
  over the same texts. Each side runs in its own fresh interpreter (so neither warms a cache or
  grows a heap for the other), CPU time of the loop only (the pipeline is built on a one-word
  text first, as ``convert`` builds it before the first file). ``--rounds`` alternating pairs,
  the median ratio is the figure. Goal: >= 0.5x.
- **first Russian parse**: a fresh interpreter's ``import diplotext`` then ``parse()`` of a short
  Russian text, wall clock; the baseline is ``import spacy`` plus ``spacy.blank("ru")`` and
  its first Doc. Goal: the parse <= 1.0 s.
- **start-up**: a fresh interpreter's ``import diplotext`` plus the first (English) ``parse()``,
  wall clock; the baseline is ``import spacy`` plus ``spacy.blank("en")`` and its first Doc.
  Goal: <= 0.6 s on a quiet machine (the load average is printed).

``--stages`` adds one more cold run of the pipeline with its parts timed (tokenizer, each
component, ``build_statement``). Run on demand; this is not a test.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from bench_throughput import goal, load_average  # this folder is on sys.path when a benchmark runs

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "ru-wikinews"
FIRST_EN = "Joint Statement of the Presidents of Belarus and Russia\n\nIn 2011 the trade between Belarus and Russia exceeded US$ 38 billion."
FIRST_RU = ("Совместное заявление президентов Беларуси и России\n\n"
            "В 2011 году товарооборот между Беларусью и Россией превысил 38 млрд долларов США.")

_READ = "import sys, time; from pathlib import Path\ntexts = [p.read_text(encoding='utf-8') for p in sorted(Path(sys.argv[1]).glob('*.txt'))]\n"
_COLD_BLANK = _READ + (
    "import spacy\nblank = spacy.blank('ru')\n"
    "s = time.process_time()\nfor _ in blank.pipe(texts): pass\n"
    "print(sum(len(x.split()) for x in texts), time.process_time() - s)\n"
)
_COLD_PIPELINE = _READ + (
    "import diplotext\ndiplotext.parse('x', lang='ru')\n"
    "s = time.process_time()\nfor _ in diplotext.parse_many(texts): pass\n"
    "print(sum(len(x.split()) for x in texts), time.process_time() - s)\n"
)
_STAGES = _READ + '''
import time
from collections import defaultdict
import diplotext
import diplotext.pipeline as pl
from diplotext.nlp import get_nlp
diplotext.parse("x", lang="ru")
nlp = get_nlp("ru")
spent = defaultdict(float)
def timed(name, fn):
    def run(*a, **k):
        s = time.process_time()
        try:
            return fn(*a, **k)
        finally:
            spent[name] += time.process_time() - s
    return run
tokenizer = nlp.tokenizer
nlp.tokenizer = timed("tokenizer", tokenizer)
for i, (name, proc) in enumerate(nlp._components):
    nlp._components[i] = (name, timed("component " + name, proc))
pl.build_statement = timed("build_statement", pl.build_statement)
s = time.process_time()
for _ in diplotext.parse_many(texts): pass
total = time.process_time() - s
print(total)
for name, sec in sorted(spent.items(), key=lambda kv: -kv[1]):
    print(name + "\\t" + str(sec))
'''
_TIMED = ("import time; t0, c0 = time.perf_counter(), time.process_time()\n{body}\n"
          "print(time.perf_counter() - t0, t1 - t0, time.process_time() - c0, c1 - c0)\n")
_START_PIPELINE = "import diplotext\nt1, c1 = time.perf_counter(), time.process_time()\ndiplotext.parse({text!r})"
_START_BLANK = "import spacy\nt1, c1 = time.perf_counter(), time.process_time()\nspacy.blank({lang!r})({text!r})"


def _run(code: str, *args: str, env: dict[str, str] | None = None) -> str:
    return subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, check=True, env=env).stdout


def bench_cold(corpus: Path, rounds: int) -> dict[str, float]:
    blank, pipeline = [], []
    words = 0.0
    for _ in range(rounds):  # alternating, so that both sides see the same machine
        words, secs = map(float, _run(_COLD_BLANK, str(corpus)).split())
        blank.append(secs)
        _, secs = map(float, _run(_COLD_PIPELINE, str(corpus)).split())
        pipeline.append(secs)
    ratios = [b / p for b, p in zip(blank, pipeline)]
    ratio = statistics.median(ratios)
    print(f"\n== cold: {corpus.name}, each text once, a fresh interpreter per side, CPU time ({words:,.0f} words, {rounds} rounds)")
    print(f"bare spacy.blank('ru') tokenizer  {words / min(blank):10,.0f} words/s   (runs {', '.join(f'{t:.2f}' for t in blank)} s)")
    print(f"diplotext full pipeline           {words / min(pipeline):10,.0f} words/s   (runs {', '.join(f'{t:.2f}' for t in pipeline)} s)")
    print(f"ratio pipeline / tokenizer        {ratio:10.3f} x (median; {', '.join(f'{r:.3f}' for r in ratios)})   goal >= 0.5x: {goal(ratio >= 0.5)}")
    return {"ru_cold_ratio": ratio, "ru_cold_pipeline_s": statistics.median(pipeline), "ru_cold_blank_s": statistics.median(blank)}


def bench_stages(corpus: Path) -> dict[str, float]:
    lines = _run(_STAGES, str(corpus)).splitlines()
    total = float(lines[0])
    print(f"\n== where the cold pipeline's time goes (CPU time, one run, {total:.2f} s in all)")
    for line in lines[1:]:
        name, sec = line.split("\t")
        print(f"  {name:32s} {float(sec):7.2f} s  {100 * float(sec) / total:5.1f} %")
    return {}


def _starts(body: str, runs: int, env: dict[str, str] | None = None) -> dict[str, float]:
    """Medians over fresh interpreters: wall and CPU time of the whole snippet, and of its part
    after the import."""
    rows = [tuple(map(float, _run(_TIMED.format(body=body), env=env).split())) for _ in range(runs)]
    med = statistics.median
    return {"wall": med(r[0] for r in rows), "wall_after_import": med(r[0] - r[1] for r in rows),
            "cpu": med(r[2] for r in rows), "cpu_after_import": med(r[2] - r[3] for r in rows)}


def bench_first(runs: int) -> dict[str, float]:
    ru = _starts(_START_PIPELINE.format(text=FIRST_RU), runs)
    ru_blank = _starts(_START_BLANK.format(lang="ru", text=FIRST_RU), runs)
    en = _starts(_START_PIPELINE.format(text=FIRST_EN), runs)
    en_blank = _starts(_START_BLANK.format(lang="en", text=FIRST_EN), runs)
    print(f"\n== start-up: fresh interpreters, median of {runs}, wall clock (CPU time in brackets: what other processes inflate less)")
    print(f"first Russian parse()             {ru['wall_after_import']:6.3f} s ({ru['cpu_after_import']:.3f})   goal <= 1.0 s: "
          f"{goal(ru['wall_after_import'] <= 1.0)}   (spacy.blank('ru') and its first Doc: {ru_blank['wall_after_import']:.3f} s)")
    print(f"import diplotext + Russian parse  {ru['wall']:6.3f} s ({ru['cpu']:.3f})   "
          f"{ru['wall'] / ru_blank['wall']:.2f} x import spacy + blank('ru') ({ru_blank['wall']:.3f} s)")
    print(f"import diplotext + first parse    {en['wall']:6.3f} s ({en['cpu']:.3f})   goal <= 0.6 s: {goal(en['wall'] <= 0.6)}   "
          f"{en['wall'] / en_blank['wall']:.2f} x import spacy + blank('en') ({en_blank['wall']:.3f} s)")
    print(f"  of which the first parse()      {en['wall_after_import']:6.3f} s ({en['cpu_after_import']:.3f})")
    if os.environ.get("PYTHONDONTWRITEBYTECODE"):  # the runs above compile diplotext from source each time
        with tempfile.TemporaryDirectory() as cache:
            env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"} | {"PYTHONPYCACHEPREFIX": cache}
            _starts(_START_PIPELINE.format(text=FIRST_RU), 1, env)  # writes the cache
            ru_c, en_c = (_starts(_START_PIPELINE.format(text=t), runs, env) for t in (FIRST_RU, FIRST_EN))
        print(f"with bytecode cached (as an installed package has it; PYTHONDONTWRITEBYTECODE is set here):\n"
              f"  first Russian parse()           {ru_c['wall_after_import']:6.3f} s ({ru_c['cpu_after_import']:.3f})\n"
              f"  import diplotext + first parse  {en_c['wall']:6.3f} s ({en_c['cpu']:.3f})")
    return {"first_ru_parse_s": ru["wall_after_import"], "first_ru_parse_cpu_s": ru["cpu_after_import"],
            "import_and_first_ru_parse_s": ru["wall"], "import_and_first_parse_s": en["wall"],
            "import_and_first_parse_cpu_s": en["cpu"], "startup_over_spacy": en["wall"] / en_blank["wall"]}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="a folder of Russian *.txt (default: shared/corpus/ru-wikinews)")
    ap.add_argument("--rounds", type=int, default=3, help="alternating cold runs of each side")
    ap.add_argument("--runs", type=int, default=5, help="fresh interpreters per start-up figure")
    ap.add_argument("--only", choices=["cold", "first"], action="append")
    ap.add_argument("--stages", action="store_true", help="also time the pipeline's parts in one cold run")
    args = ap.parse_args()
    only = set(args.only or ["cold", "first"])
    if not sorted(args.corpus.glob("*.txt")):
        sys.exit(f"no *.txt in {args.corpus}: pass --corpus DIR")
    print(f"diplotext Russian benchmark: Python {sys.version.split()[0]}, {load_average()}")
    figures: dict[str, float] = {}
    if "cold" in only:
        figures |= bench_cold(args.corpus, args.rounds)
        if args.stages:
            figures |= bench_stages(args.corpus)
    if "first" in only:
        figures |= bench_first(args.runs)
    print(f"\n== summary ({load_average()})")
    for k, v in figures.items():
        print(f"{k:28s} {v:10.3f}")


if __name__ == "__main__":
    main()
