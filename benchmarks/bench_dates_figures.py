"""Benchmark of date and figure extraction over a corpus (run on demand, never in the tests).

    .venv/bin/python benchmarks/bench_dates_figures.py [CORPUS_DIR] [--limit N] [--lang en]

Default corpus: ../shared/corpus/kremlin-2021-2022 (816 texts). Everything is measured in the
same run, so ratios hold on any machine:

- baseline: the bare spaCy tokenizer (``spacy.blank(lang).tokenizer``) over the same texts;
- the whole diplotext pipeline (``diplotext.parse``), as words/s and as a ratio to the baseline;
- date and figure extraction alone (candidates, the document's date, resolution, figures) on
  Docs made beforehand, as time and as a share of the tokenizer's time;
- dateparser: calls made, lookups answered by the cache, hit rate, and how often dateparser
  disagreed with the parts read from the text (its traps), from a cold cache; apart, its reading
  of relative expressions ("last Friday", "in two weeks") against the document's date, cached
  by (text, date, language).
"""

from __future__ import annotations

import argparse
import gc
import statistics
import sys
import time
from pathlib import Path

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "kremlin-2021-2022"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", nargs="?", type=Path, default=DEFAULT)
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--lang", default=None, help="force a language (default: detected per text)")
    ap.add_argument("--repeat", type=int, default=3, help="timed repetitions; the best is reported")
    args = ap.parse_args()

    import spacy

    import diplotext
    from diplotext.extract import dates as dates_mod
    from diplotext.extract.dates import find_date_candidates, resolve_dates
    from diplotext.extract.docdate import find_document_date
    from diplotext.extract.entities import in_ranges
    from diplotext.extract.figures import find_figures
    from diplotext.lang import detect_language
    from diplotext.nlp import get_nlp
    from diplotext.text.clean import find_layout
    from diplotext.text.normalize import working_text

    files = sorted(args.corpus.glob("*.txt"))
    if args.limit:
        files = files[: args.limit]
    if not files:
        print(f"no *.txt in {args.corpus}", file=sys.stderr)
        return 2
    texts = [f.read_text(encoding="utf-8") for f in files]
    words = sum(len(t.split()) for t in texts)
    langs = [args.lang or detect_language(t) for t in texts]
    works = [working_text(t) for t in texts]
    print(f"corpus {args.corpus} : {len(texts)} texts, {words} words, languages {sorted(set(langs))}")

    # warm up: models, lexicons, matchers, dateparser's locale data
    for lang in set(langs):
        get_nlp(lang)
        diplotext.parse(texts[langs.index(lang)], lang=lang)

    def best(fn) -> float:  # type: ignore[no-untyped-def]
        times = []
        for _ in range(args.repeat):
            gc.collect()
            gc.disable()  # as timeit does: the collector's pauses depend on what else is alive
            try:
                t0 = time.perf_counter()
                fn()
                times.append(time.perf_counter() - t0)
            finally:
                gc.enable()
        return min(times)

    tokenizers = {lang: spacy.blank(lang).tokenizer for lang in set(langs)}
    t_tok = best(lambda: [tokenizers[lg](w) for lg, w in zip(langs, works)])

    t_full = best(lambda: [diplotext.parse(t, lang=lg) for t, lg in zip(texts, langs)])

    docs = [get_nlp(lg)(w) for lg, w in zip(langs, works)]
    layouts = [find_layout(w, lg) for w, lg in zip(works, langs)]

    counts = {"dates": 0, "resolved": 0, "figures": 0, "doc_dates": 0}

    def extract() -> None:
        for k in counts:
            counts[k] = 0
        for doc, lg, w, layout in zip(docs, langs, works, layouts):
            keep = in_ranges([(ln.start, ln.end) for ln in layout.content])
            cands = find_date_candidates(doc, lg, keep, w)
            dd = find_document_date(cands, layout, w, lg)
            dates = resolve_dates(cands, lg, dd.value if dd else None)
            figs = find_figures(doc, lg, keep, dates, w)
            counts["dates"] += len(dates)
            counts["resolved"] += sum(d.value is not None for d in dates)
            counts["figures"] += len(figs)
            counts["doc_dates"] += dd is not None

    # cold cache: the first pass counts dateparser calls and cache hits
    dates_mod.clear_cache()
    gc.collect()
    gc.disable()
    t0 = time.perf_counter()
    extract()
    t_cold = time.perf_counter() - t0
    gc.enable()
    parsed = dates_mod.ParserStats(dates_mod.PARSED.calls, dates_mod.PARSED.hits)
    t_warm = best(extract)

    per_doc = [len(w.split()) for w in works]
    print(f"words per text: median {statistics.median(per_doc):.0f}, max {max(per_doc)}")
    print()
    print(f"{'step':<44} {'seconds':>8} {'words/s':>10} {'vs tokenizer':>13}")
    print(f"{'baseline: bare spaCy tokenizer':<44} {t_tok:8.3f} {words / t_tok:10.0f} {1.0:13.2f}")
    print(f"{'whole diplotext pipeline (parse)':<44} {t_full:8.3f} {words / t_full:10.0f} {t_tok / t_full:13.2f}  (speed ratio, >= 0.5 wanted)")
    print(f"{'dates + doc date + figures, cold cache':<44} {t_cold:8.3f} {words / t_cold:10.0f} {t_cold / t_tok:13.2f}  (share of tokenizer time)")
    print(f"{'dates + doc date + figures, warm cache':<44} {t_warm:8.3f} {words / t_warm:10.0f} {t_warm / t_tok:13.2f}  (share of tokenizer time)")
    print()
    print(f"dateparser (relative expressions, weekdays, against the document's date; absolute dates are the "
          f"grammar's): calls {parsed.calls}, cache hits {parsed.hits} of {parsed.lookups} lookups (hit rate {parsed.hit_rate:.1%})")
    print(f"found: {counts['dates']} date mentions ({counts['resolved']} resolved), {counts['figures']} figures, "
          f"document date for {counts['doc_dates']} of {len(texts)} texts")
    return 0


if __name__ == "__main__":
    sys.exit(main())
