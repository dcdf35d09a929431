"""diplotext against the physical limit: words/s, start-up time, memory over a long run, workers.

    python benchmarks/bench_throughput.py                  # everything (about 5 minutes on 2 cores)
    python benchmarks/bench_throughput.py --only speed     # or: startup, memory, workers
    python benchmarks/bench_throughput.py --memory-docs 100000 --memory-words 0   # full-length documents

Figures, all printed with their ratios to the goals of issue 5:

- **speed**: words/s of the full pipeline (``diplotext.parse_many``, streaming through
  ``nlp.pipe``) over at least ``--words`` (default 1,000,000) words of real news texts (the
  corpus, repeated), and in the same run the bare ``spacy.blank("en")`` tokenizer over the same
  texts: the limit. Each is timed ``--repeat`` times, alternating, and the best time is kept
  (other processes on the machine only ever slow a run down). Goals: pipeline >= 0.5x tokenizer
  (issue 14), >= 0.8x (issue 19). The share of the pipeline's time spent in garbage collection
  is printed too (measured with ``gc.callbacks``).
  Also printed: diplotext's own tokenizer alone (spaCy's rules with a chunk cache that stays on,
  see ``diplotext.tokenizer``), and a **cold** pass: each distinct text once in a fresh
  interpreter for both sides, since a repeated corpus lets every cache warm up.
- **startup**: a fresh interpreter's ``import diplotext`` plus the first ``parse()``. Goal <= 0.6 s (issue 19;
  1.0 s in issue 5). Where ``PYTHONDONTWRITEBYTECODE`` is set, also with the bytecode cached, as
  an installed package has it.
- **memory**: resident memory over ``--memory-docs`` documents (default 100,000) parsed in one
  process, sampled as it goes. Every document is made unique (its numbers are replaced by random
  ones) so that nothing is served from a cache that a real corpus would miss; ``--memory-words``
  cuts each to its first N words (default 150, a news lead) so that 100,000 documents finish in
  a few minutes; 0 keeps them whole. Goal: flat, <= 300 MB.
- **workers**: ``diplotext.batch.convert`` of the corpus (816 kremlin texts) and of the whole
  English corpus (kremlin, whitehouse, president-gov-ua), each text once, written as files, with
  1 and with 2 worker processes in interleaved rounds, start-up of the pool included, the load
  average printed with each round. Goal: 2 workers >= 1.8x one, with not much more CPU time.

Words are whitespace-separated words (what ``wc -w`` counts), the same count for every figure.
Run on demand; this is not a test. Other processes on the machine slow it down: the load average
is printed with the figures.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "kremlin-2021-2022"
FIRST_TEXT = "Joint Statement of the Presidents of Belarus and Russia\n\nIn 2011 the trade between Belarus and Russia exceeded US$ 38 billion."


def load_corpus(corpus: Path, min_words: int) -> tuple[list[str], int, int]:
    """The corpus texts, repeated until they hold `min_words` words: (texts, words, distinct texts)."""
    base = [p.read_text(encoding="utf-8") for p in sorted(corpus.glob("*.txt"))]
    if not base:
        sys.exit(f"no *.txt in {corpus}: pass --corpus DIR")
    texts: list[str] = []
    words = 0
    while words < min_words:
        for t in base:
            texts.append(t)
            words += len(t.split())
            if words >= min_words:
                break
    return texts, words, len(base)


def rss_mb() -> float:
    """Resident memory of this process in MB (Linux /proc; else the peak from getrusage)."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    import resource

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def load_average() -> str:
    try:
        one, five, _ = os.getloadavg()
        return f"load average {one:.2f} (1 min), {five:.2f} (5 min) on {os.cpu_count()} cores"
    except OSError:
        return f"{os.cpu_count()} cores"


def goal(ok: bool) -> str:
    return "meets the goal" if ok else "MISSES the goal"


# --------------------------------------------------------------------------- sections


_STARTUP = (
    "import time; t0 = time.perf_counter(); c0 = time.process_time()\n"
    "import diplotext\n"
    "t1 = time.perf_counter()\n"
    f"diplotext.parse({FIRST_TEXT!r})\n"
    "t2 = time.perf_counter()\n"
    "print(t1 - t0, t2 - t1, t2 - t0, time.process_time() - c0)\n"
)


def _startup_runs(runs: int, env: dict[str, str] | None = None) -> tuple[list[float], ...]:
    """(import, first parse, both, CPU time, whole process) of `runs` fresh interpreters."""
    imports, parses, totals, cpus, walls = [], [], [], [], []
    for _ in range(runs):
        s = time.perf_counter()
        out = subprocess.run([sys.executable, "-c", _STARTUP], capture_output=True, text=True, check=True, env=env).stdout.split()
        walls.append(time.perf_counter() - s)
        i, p, t, c = map(float, out)
        imports.append(i)
        parses.append(p)
        totals.append(t)
        cpus.append(c)
    return imports, parses, totals, cpus, walls


def bench_startup(runs: int = 5) -> dict[str, float]:
    imports, parses, totals, cpus, walls = _startup_runs(runs)
    med = statistics.median
    print(f"\n== start-up: a fresh interpreter, {runs} runs, median (best)")
    print(f"import diplotext              {med(imports):6.3f} s  ({min(imports):.3f})")
    print(f"first parse()                 {med(parses):6.3f} s  ({min(parses):.3f})")
    print(f"import + first parse()        {med(totals):6.3f} s  ({min(totals):.3f})   goal <= 0.6 s: {goal(med(totals) <= 0.6)}")
    print(f"  the same in CPU time          {med(cpus):6.3f} s  ({min(cpus):.3f})   (what other processes do not inflate)")
    print(f"whole process (python -c)     {med(walls):6.3f} s  (interpreter start-up and exit included)")
    figures = {"import_and_first_parse_s": med(totals), "import_and_first_parse_cpu_s": med(cpus)}
    if os.environ.get("PYTHONDONTWRITEBYTECODE"):
        # Each run above compiled diplotext's modules from source (no .pyc may be written); an
        # installed package has its bytecode (pip writes it): measure that too, from a cache
        # made by a first run.
        with tempfile.TemporaryDirectory() as cache:
            env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"} | {"PYTHONPYCACHEPREFIX": cache}
            _startup_runs(1, env)
            _, _, cached, cached_cpus, _ = _startup_runs(runs, env)
        print(f"  with bytecode cached          {med(cached):6.3f} s  ({min(cached):.3f}), CPU {med(cached_cpus):.3f} s   "
              f"(PYTHONDONTWRITEBYTECODE is set here: the lines above compile diplotext from source in every run)")
        figures["import_and_first_parse_cached_s"] = med(cached)
    return figures


class CollectorClock:
    """Wall time spent in garbage collections while it is on (``gc.callbacks``), by generation."""

    def __init__(self) -> None:
        self.spent = [0.0, 0.0, 0.0]
        self.count = [0, 0, 0]
        self._t0 = 0.0

    def __call__(self, phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            self._t0 = time.perf_counter()
        else:
            self.spent[info["generation"]] += time.perf_counter() - self._t0
            self.count[info["generation"]] += 1

    def __enter__(self) -> "CollectorClock":
        import gc

        gc.callbacks.append(self)
        return self

    def __exit__(self, *exc: object) -> None:
        import gc

        gc.callbacks.remove(self)


def bench_speed(texts: list[str], words: int, repeat: int) -> dict[str, float]:
    import spacy

    import diplotext

    from diplotext.nlp import get_nlp

    blank = spacy.blank("en")
    make_doc = get_nlp("en").tokenizer  # diplotext's own tokenizer: spaCy's, with a working chunk cache
    list(diplotext.parse_many(texts[:20]))  # build the pipelines, load the data: not part of the rate
    list(blank.pipe(texts[:20]))
    tok_times, pipe_times, tok_cpu, pipe_cpu, own_times = [], [], [], [], []
    gc_shares: list[tuple[float, list[int]]] = []
    for _ in range(repeat):
        s, c = time.perf_counter(), time.process_time()
        for _doc in blank.pipe(texts):
            pass
        tok_times.append(time.perf_counter() - s)
        tok_cpu.append(time.process_time() - c)
        s, c = time.perf_counter(), time.process_time()
        n = 0
        with CollectorClock() as clock:
            for _st in diplotext.parse_many(texts):
                n += 1
        pipe_times.append(time.perf_counter() - s)
        gc_shares.append((sum(clock.spent) / pipe_times[-1], clock.count))
        pipe_cpu.append(time.process_time() - c)
        assert n == len(texts)
        s = time.perf_counter()
        for _doc in make_doc.pipe(texts):
            pass
        own_times.append(time.perf_counter() - s)
    tok, pipe = words / min(tok_times), words / min(pipe_times)
    own = words / min(own_times)
    tok_c, pipe_c = words / min(tok_cpu), words / min(pipe_cpu)
    print(f"\n== speed: {len(texts):,} texts, {words:,} words, best of {repeat} (each run: tokenizer then pipeline)")
    print(f"bare spacy.blank('en') tokenizer  {tok:10,.0f} words/s   ({min(tok_times):.2f} s; runs {', '.join(f'{t:.2f}' for t in tok_times)})")
    print(f"diplotext full pipeline           {pipe:10,.0f} words/s   ({min(pipe_times):.2f} s; runs {', '.join(f'{t:.2f}' for t in pipe_times)})")
    print(f"ratio pipeline / tokenizer        {pipe / tok:10.2f} x         goal >= 0.5x: {goal(pipe / tok >= 0.5)}; >= 0.8x: {goal(pipe / tok >= 0.8)}")
    print("by CPU time (what other processes on the machine do not inflate):")
    print(f"  tokenizer {tok_c:,.0f} words/s, pipeline {pipe_c:,.0f} words/s, ratio {pipe_c / tok_c:.2f} x")
    gc_share, gc_counts = gc_shares[pipe_times.index(min(pipe_times))]
    print(f"garbage collection in the pipeline's best run: {100 * gc_share:.1f} % of its time "
          f"(collections by generation: {', '.join(map(str, gc_counts))})")
    print("for reference, diplotext's own tokenizer alone (spaCy's rules, chunks cached; timed after the pipeline):")
    print(f"  {own:,.0f} words/s = {own / tok:.2f} x spaCy's; the pipeline runs at {pipe / own:.2f} x its own tokenizer")
    return {"tokenizer_wps": tok, "pipeline_wps": pipe, "ratio": pipe / tok, "ratio_cpu_time": pipe_c / tok_c, "gc_share": gc_share,
            "own_tokenizer_wps": own, "ratio_to_own_tokenizer": pipe / own}


def bench_cold(corpus: Path) -> dict[str, float]:
    """Each distinct text once, in a fresh interpreter, for both: no cache has seen any of them.

    The speed figures above repeat the corpus to reach a million words and keep the best run, so
    caches are warm there; a real corpus is converted once. Here both sides start cold (the
    pipeline is built on a one-word text first, as `convert` builds it before the first file)."""
    code = (
        "import sys, time; from pathlib import Path\n"
        "texts = [p.read_text(encoding='utf-8') for p in sorted(Path(sys.argv[1]).glob('*.txt'))]\n"
        "import spacy, diplotext\n"
        "blank = spacy.blank('en'); diplotext.parse('x')\n"
        "s = time.process_time()\n"
        "for _ in blank.pipe(texts): pass\n"
        "t = time.process_time() - s; s = time.process_time()\n"
        "for _ in diplotext.parse_many(texts): pass\n"
        "print(sum(len(x.split()) for x in texts), t, time.process_time() - s)\n"
    )
    out = subprocess.run([sys.executable, "-c", code, str(corpus)], capture_output=True, text=True, check=True).stdout
    words, tok, pipe = (float(x) for x in out.split())
    print(f"\n== cold: each of the corpus's texts once, fresh interpreter, CPU time ({words:,.0f} words)")
    print(f"bare spacy.blank('en') tokenizer  {words / tok:10,.0f} words/s   ({tok:.2f} s)")
    print(f"diplotext full pipeline           {words / pipe:10,.0f} words/s   ({pipe:.2f} s)")
    print(f"ratio pipeline / tokenizer        {tok / pipe:10.2f} x         goal >= 0.5x: {goal(tok / pipe >= 0.5)}; >= 0.8x: {goal(tok / pipe >= 0.8)}")
    return {"cold_ratio": tok / pipe}


_DIGITS = re.compile(r"\d+")


def unique_documents(base: list[str], count: int, max_words: int, seed: int = 7):  # type: ignore[no-untyped-def]
    """`count` documents cycling through `base`, each made unique by new random numbers."""
    rng = random.Random(seed)
    for i in range(count):
        text = base[i % len(base)]
        if max_words:
            head = text.split(" ")
            text = " ".join(head[:max_words])
        yield _DIGITS.sub(lambda m: str(rng.randrange(10 ** len(m.group()))), text)


def bench_memory(base: list[str], docs: int, max_words: int, every: int) -> dict[str, float]:
    import diplotext

    print(f"\n== memory: {docs:,} unique documents in one process"
          f" ({'first ' + str(max_words) + ' words of each' if max_words else 'whole texts'}), RSS every {every:,}")
    start = rss_mb()
    samples: list[tuple[int, float]] = []
    words = 0
    t0 = time.perf_counter()

    def counted():  # type: ignore[no-untyped-def]
        nonlocal words
        for t in unique_documents(base, docs, max_words):
            words += len(t.split())
            yield t

    for n, _st in enumerate(diplotext.parse_many(counted()), 1):
        if n % every == 0 or n == docs:
            samples.append((n, rss_mb()))
            if len(samples) % 10 == 0 or n == docs:
                print(f"  {n:>9,} documents  {samples[-1][1]:7.1f} MB  ({time.perf_counter() - t0:6.1f} s)", flush=True)
    secs = time.perf_counter() - t0
    peak = max(r for _, r in samples)
    tenth = samples[max(0, len(samples) // 10 - 1)][1]
    last = samples[-1][1]
    growth = last - tenth
    print(f"before the run {start:.1f} MB; after {samples[0][0]:,} documents {samples[0][1]:.1f} MB; "
          f"after 10% {tenth:.1f} MB; at the end {last:.1f} MB; peak {peak:.1f} MB")
    print(f"growth over the last 90% of the run: {growth:+.1f} MB ({growth / max(1, docs * 0.9) * 1e6:.1f} bytes per document)")
    print(f"{words:,} words in {secs:.0f} s ({words / secs:,.0f} words/s)")
    print(f"goal flat and <= 300 MB: {goal(peak <= 300 and growth <= 0.1 * tenth)}")
    return {"rss_peak_mb": peak, "rss_growth_mb": growth}


def _cpu_seconds() -> float:
    """CPU time of this process and of its children that have ended (the workers, once a pool is shut down)."""
    import resource

    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


ENGLISH_CORPORA = ("kremlin-2021-2022", "whitehouse", "president-gov-ua")


def worker_corpora(corpus: Path) -> dict[str, list[Path]]:
    """The corpora the workers are timed on: `corpus` (the 816 kremlin texts by default) and the
    whole English corpus (kremlin, whitehouse, president-gov-ua), each text once."""
    shared = corpus.parent
    english = [shared / name for name in ENGLISH_CORPORA if (shared / name).is_dir()]
    out = {corpus.name: [corpus]}
    if len(english) > 1:
        out["english (" + " + ".join(d.name for d in english) + ")"] = english
    return out


def _copy_corpus(folders: list[Path], root: Path) -> int:
    """The *.txt of `folders` under `root`, one sub-folder each: the words they hold."""
    words = 0
    for folder in folders:
        (root / folder.name).mkdir(parents=True)
        for src in sorted(folder.glob("*.txt")):
            text = src.read_text(encoding="utf-8")
            words += len(text.split())
            (root / folder.name / src.name).write_text(text, encoding="utf-8")
    return words


def _timed_convert(root: Path, out: Path, n: int) -> tuple[float, float]:
    """(wall seconds, CPU seconds of this process and its workers) of one `convert`."""
    from diplotext.batch import convert

    c, s = _cpu_seconds(), time.perf_counter()
    report = convert(root, out, workers=n, force=True)
    wall, cpu = time.perf_counter() - s, _cpu_seconds() - c
    assert report.ok, report.summary()
    return wall, cpu


def bench_workers(corpus: Path, repeat: int) -> dict[str, float]:
    """`convert` with 1 and with 2 workers on real corpora (each text once, pool start-up
    included), in interleaved rounds so that both see the same machine: the order alternates
    (1, 2, then 2, 1, ...), so that a machine growing slower or faster through the run favours
    neither. Each round's ratio pairs two neighbouring runs; the median of the rounds' ratios is
    printed beside the ratio of the best runs. The load average is printed with every round,
    since other processes take cores away."""
    figures: dict[str, float] = {}
    for name, folders in worker_corpora(corpus).items():
        with tempfile.TemporaryDirectory(prefix="diplotext-bench-") as tmp:
            root = Path(tmp) / "in"
            words = _copy_corpus(folders, root)
            files = sum(1 for _ in root.rglob("*.txt"))
            _timed_convert(root, Path(tmp) / "warm", 1)  # build the pipeline, load the data: not timed
            wall: dict[int, list[float]] = {1: [], 2: []}
            cpu: dict[int, list[float]] = {1: [], 2: []}
            print(f"\n== workers: convert {name}: {files:,} files, {words:,} words, to JSON files, {repeat} rounds")
            for r in range(repeat):
                for n in (1, 2) if r % 2 == 0 else (2, 1):
                    w, c = _timed_convert(root, Path(tmp) / f"out{n}", n)
                    wall[n].append(w)
                    cpu[n].append(c)
                print(f"  round {r + 1}: 1 worker {wall[1][-1]:6.2f} s ({cpu[1][-1]:6.2f} s CPU), 2 workers "
                      f"{wall[2][-1]:6.2f} s ({cpu[2][-1]:6.2f} s CPU): {wall[1][-1] / wall[2][-1]:.2f}x; {load_average()}",
                      flush=True)
        best = {n: min(v) for n, v in wall.items()}
        speedup = best[1] / best[2]
        rounds = [a / b for a, b in zip(wall[1], wall[2])]
        c1, c2 = min(cpu[1]), min(cpu[2])
        print(f"speed-up 2 workers / 1 (best of each)  {speedup:5.2f} x  (rounds {', '.join(f'{x:.2f}' for x in rounds)};"
              f" median {statistics.median(rounds):.2f})   goal >= 1.8x: {goal(speedup >= 1.8)}")
        print(f"CPU time, this process and its workers: 1 worker {c1:.2f} s, 2 workers {c2:.2f} s "
              f"(the parallel run does {c2 / c1:.2f}x the work)")
        key = "workers_" + name.split()[0].replace("-", "_")
        figures |= {f"{key}_speedup": speedup, f"{key}_speedup_median": statistics.median(rounds),
                    f"{key}_cpu_ratio": c2 / c1}
    return figures


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="a folder of *.txt (default: shared/corpus/kremlin-2021-2022)")
    ap.add_argument("--words", type=int, default=1_000_000, help="at least this many words for speed and workers")
    ap.add_argument("--repeat", type=int, default=2, help="timed runs of each, the best kept")
    ap.add_argument("--memory-docs", type=int, default=100_000)
    ap.add_argument("--memory-words", type=int, default=150, help="cut each memory-run document to N words (0: whole)")
    ap.add_argument("--memory-every", type=int, default=1000, help="sample RSS every N documents")
    ap.add_argument("--only", choices=["startup", "speed", "memory", "workers"], action="append")
    args = ap.parse_args()
    only = set(args.only or ["startup", "speed", "workers", "memory"])

    print(f"diplotext benchmark: Python {sys.version.split()[0]}, {load_average()}")
    texts, words, distinct = load_corpus(args.corpus, args.words)
    print(f"corpus: {args.corpus} ({distinct} texts, repeated to {len(texts):,} texts, {words:,} words)")
    figures: dict[str, float] = {}
    if "startup" in only:
        figures |= bench_startup()
    if "speed" in only:
        figures |= bench_speed(texts, words, args.repeat)
        figures |= bench_cold(args.corpus)
    if "workers" in only:
        figures |= bench_workers(args.corpus, args.repeat)
    if "memory" in only:
        base = texts[:distinct]
        figures |= bench_memory(base, args.memory_docs, args.memory_words, args.memory_every)
    print(f"\n== summary ({load_average()})")
    for k, v in figures.items():
        print(f"{k:28s} {v:14,.2f}")


if __name__ == "__main__":
    main()
