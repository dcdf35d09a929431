"""Where the time goes: each stage of the pipeline timed alone over the same texts.

    python benchmarks/profile_stages.py [--corpus DIR] [--docs N]

Prints CPU seconds (other processes on the machine do not skew them) and the share of the
total per stage (tokenizer and spaCy components, language detection, layout, entities, dates,
figures, sections, the model), so that a hot spot shows up
with a number. Run on demand; nothing here is a test. For a call tree, run pyinstrument:
``pyinstrument -m diplotext convert CORPUS --out /tmp/out --force``.
"""

from __future__ import annotations

import argparse
import time
from collections import defaultdict
from pathlib import Path

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "kremlin-2021-2022"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--docs", type=int, default=0, help="use the first N texts (default: all)")
    args = ap.parse_args()

    import diplotext.pipeline as pl
    from diplotext.extract.entities import ENTITIES_KEY, entities_from_spans, in_ranges
    from diplotext.extract.gazetteer import load_gazetteer
    from diplotext.lang import detect_language
    from diplotext.nlp import get_nlp
    from diplotext.text.clean import find_layout
    from diplotext.text.normalize import working_text

    files = sorted(args.corpus.glob("*.txt"))
    texts = [f.read_text(encoding="utf-8") for f in files][: args.docs or None]
    words = sum(len(t.split()) for t in texts)
    diplotext_parse = pl.parse_text
    diplotext_parse(texts[0])  # warm up: build the pipeline, load the data

    t: dict[str, float] = defaultdict(float)

    def timed(name, fn, *a, **kw):  # type: ignore[no-untyped-def]
        s = time.process_time()
        r = fn(*a, **kw)
        t[name] += time.process_time() - s
        return r

    import spacy

    blank = spacy.blank("en")
    s = time.process_time()
    for _ in blank.pipe(texts):
        pass
    bare = time.process_time() - s

    gaz = load_gazetteer(None)
    for text in texts:
        lang = timed("detect_language", detect_language, text)
        work = timed("working_text", working_text, text)
        nlp = get_nlp(lang)
        doc = timed("tokenizer", nlp.make_doc, work)
        for name, proc in nlp.pipeline:
            doc = timed(f"component {name}", proc, doc)
        layout = timed("find_layout (clean)", find_layout, work, lang)
        keep = in_ranges([(ln.start, ln.end) for ln in layout.content])
        timed("entities_from_spans", entities_from_spans, doc.spans[ENTITIES_KEY], gaz, text, keep)
        prep = pl.prepare(text, lang=lang)
        timed("build_statement (all extractors + model)", pl.build_statement, prep, doc)
    s = time.process_time()
    for text in texts:
        diplotext_parse(text)
    total = time.process_time() - s

    print(f"{len(texts)} texts, {words:,} words")
    print(f"{'bare spacy.blank(en) tokenizer (pipe)':45s} {bare:7.2f} s  {words / bare:10,.0f} words/s")
    print(f"{'parse_text, end to end':45s} {total:7.2f} s  {words / total:10,.0f} words/s")
    for name, sec in sorted(t.items(), key=lambda kv: -kv[1]):
        print(f"  {name:43s} {sec:7.2f} s  {100 * sec / total:5.1f} %")

    # build_statement broken down: time each extractor it calls
    _breakdown(texts)


def _breakdown(texts: list[str]) -> None:
    import diplotext.pipeline as pl
    from diplotext.nlp import get_nlp

    # every extractor that build_statement calls: the functions pipeline.py imports from diplotext
    names = [n for n, f in vars(pl).items()
             if callable(f) and getattr(f, "__module__", "").startswith("diplotext.")
             and f.__module__ != "diplotext.pipeline" and not isinstance(f, type) and n not in ("get_nlp", "load_gazetteer")]
    spent: dict[str, float] = defaultdict(float)
    originals = {n: getattr(pl, n) for n in names}

    def wrap(name, fn):  # type: ignore[no-untyped-def]
        def inner(*a, **kw):  # type: ignore[no-untyped-def]
            s = time.process_time()
            try:
                return fn(*a, **kw)
            finally:
                spent[name] += time.process_time() - s
        return inner

    preps = [pl.prepare(t) for t in texts]
    docs = [get_nlp(p.lang)(p.work) for p in preps]
    for n, fn in originals.items():
        setattr(pl, n, wrap(n, fn))
    try:
        s = time.process_time()
        for p, d in zip(preps, docs):
            pl.build_statement(p, d)
        total = time.process_time() - s
    finally:
        for n, fn in originals.items():
            setattr(pl, n, fn)
    print(f"build_statement: {total:.2f} s, of which")
    for name, sec in sorted(spent.items(), key=lambda kv: -kv[1]):
        print(f"  {name:43s} {sec:7.2f} s  {100 * sec / total:5.1f} %")
    print(f"  {'(models, slicing, the rest)':43s} {total - sum(spent.values()):7.2f} s")


if __name__ == "__main__":
    main()
