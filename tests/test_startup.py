"""What start-up builds more cheaply must be what the slower, obvious way builds.

The pipeline's tokenizer is built once with diplotext's infixes (not built by `spacy.blank` and
then changed); the date and figure matchers tokenize their lexicons with the pipeline's tokenizer
(not a `spacy.blank` each); the entity
matchers get attribute values, not Docs. These tests compare each with the obvious construction.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.util import compile_infix_regex

from diplotext.extract.patterns import pattern_tokenizer, stock_tokenizer
from diplotext.nlp import _GLUED, get_nlp

REPO = Path(__file__).resolve().parent.parent
SAMPLES = {
    "en": "Corporation(CNPC) met Xi Jinping(retranslated) and A.S.Pushkin's U.S. envoy on Jan. 5, 2021 -- "
    "US$38bn (+3.5%), e-mail: info@mid.ru; http://www.kremlin.ru/events/123 don't can't 5km 10:30 a.m.",
    "ru": "В.Путин и А.С.Пушкина (ООН) 25 июня 2012 г. в т.ч. 1,5 трлн руб. — «Газпром» т.е. 12,5% т.д.",
}


def _texts(lang: str) -> list[str]:
    texts = [SAMPLES[lang]]
    for path in sorted((REPO / "data" / "raw").glob("*.txt")):
        texts.append(path.read_text(encoding="utf-8"))
    return texts


def _tokens(doc: spacy.tokens.Doc) -> list[tuple[str, str, bool]]:
    return [(t.text, t.norm_, bool(t.whitespace_)) for t in doc]


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_pipeline_tokenizer_is_blank_with_glued_infixes(lang: str) -> None:
    """The tokenizer built with the glued-word infixes tokenizes as spaCy's blank tokenizer with
    those infixes set afterwards (what the pipeline did before)."""
    reference = spacy.blank(lang)
    reference.tokenizer.infix_finditer = compile_infix_regex([*reference.Defaults.infixes, *_GLUED]).finditer
    ours = get_nlp(lang).tokenizer
    for text in _texts(lang):
        assert _tokens(ours(text)) == _tokens(reference.tokenizer(text))
    assert ours.tokenizer.rules == reference.tokenizer.rules


def _patterns(matcher: spacy.matcher.PhraseMatcher) -> dict[str, set[tuple[int, ...]]]:
    """A PhraseMatcher's patterns: key -> the attribute values of each pattern's tokens."""
    return matcher.__reduce__()[1][1]


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_date_and_figure_patterns_are_those_of_spacys_tokenizer(lang: str) -> None:
    """The date and figure lexicons, tokenized by the pipeline's tokenizer, give the matchers
    that `spacy.blank(lang)`'s tokenizer gives: the glued-word infixes split no lexicon term."""
    from diplotext.extract.dates import build_date_matchers, date_matchers
    from diplotext.extract.figures import build_figure_matcher, figure_matcher

    nlp = get_nlp(lang)
    assert pattern_tokenizer(nlp.vocab, lang) is nlp.tokenizer.tokenizer
    blank = spacy.blank(lang, vocab=nlp.vocab).tokenizer
    ours, reference = date_matchers(nlp.vocab, lang), build_date_matchers(nlp.vocab, lang, blank)
    assert _patterns(ours.words) == _patterns(reference.words)
    assert _patterns(ours.shapes) == _patterns(reference.shapes)
    assert _patterns(figure_matcher(nlp.vocab, lang).anchors) == _patterns(build_figure_matcher(nlp.vocab, lang, blank).anchors)


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_stock_tokenizer_is_spacy_blank(lang: str) -> None:
    """The stock tokenizer (for a Vocab that is not a diplotext pipeline's) is `spacy.blank(lang)`'s."""
    nlp = get_nlp(lang)
    reference = spacy.blank(lang, vocab=nlp.vocab).tokenizer
    ours = stock_tokenizer(nlp.vocab, lang)
    assert ours is stock_tokenizer(nlp.vocab, lang)
    for text in _texts(lang):
        assert _tokens(ours(text)) == _tokens(reference(text))


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_entity_patterns_as_values_are_what_their_docs_give(lang: str) -> None:
    """The entity matchers get each gazetteer phrase as its tokens' attribute values, not as a Doc:
    a PhraseMatcher holds the same patterns either way."""
    from spacy.matcher import PhraseMatcher

    from diplotext.extract.entities import EntityMatcher

    nlp = get_nlp(lang)
    matcher = nlp.get_pipe("diplotext_entities").matcher
    phrases = sorted({n for e in matcher.gazetteer.entries.values() for ns in (e.names, e.metonyms, e.short) for n in ns.get(lang, ())})
    phrases += sorted({a for e in matcher.gazetteer.entries.values() for a in e.acronyms})
    make_docs = EntityMatcher._pattern_maker(nlp)
    for attr in (matcher.attr, "ORTH"):
        from_docs, from_values = PhraseMatcher(nlp.vocab, attr=attr), PhraseMatcher(nlp.vocab, attr=attr)
        from_docs.add("K", list(make_docs(phrases)))
        values = EntityMatcher._pattern_values(nlp, make_docs, phrases, attr)
        from_values.add("K", [values[p] for p in phrases])
        assert from_values.__reduce__()[1][1] == from_docs.__reduce__()[1][1]
        doc = nlp(" ".join(phrases[::7]))
        assert from_values(doc) == from_docs(doc)


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_packaged_phrase_tokens_are_current(lang: str) -> None:
    """resources/<lang>/entity_tokens.json holds every entity phrase as diplotext's tokenizer
    splits it now; when this fails, run tools/make_entity_tokens.py."""
    from diplotext.extract.entities import packaged_phrase_tokens, phrase_tokens
    from diplotext.nlp import blank

    assert packaged_phrase_tokens(lang) == phrase_tokens(blank(lang).tokenizer, lang)


def test_packaged_normal_forms_are_current() -> None:
    """resources/ru/normal_forms.json holds the normal form, as the morphology analyses it now,
    of every word of the Russian entity phrases, made with the morphology installed here; when
    this fails, run tools/make_entity_tokens.py."""
    from diplotext.extract.entities import packaged_phrase_tokens
    from diplotext.lang.ru import morphology
    from diplotext.resources import load_json

    data = load_json(morphology.NORMAL_FORMS)
    assert data["morphology"] == morphology.morphology_id()
    words = sorted({t for tokens in packaged_phrase_tokens("ru").values() for t in tokens})
    assert data["norms"] == {w: morphology.analysed_normal_form(w) for w in words}
    assert morphology.packaged_normal_forms() == data["norms"]


def test_normal_forms_made_with_another_morphology_are_not_read(monkeypatch: pytest.MonkeyPatch) -> None:
    """Under another pymorphy3 or dictionary the packaged normal forms are left unread and every
    word is analysed: a pattern's norm and a text's are always made the same way."""
    from diplotext.lang.ru import morphology

    word = next(iter(morphology.packaged_normal_forms()))
    monkeypatch.setattr(morphology, "morphology_id", lambda: "pymorphy3 0.0; another dictionary")
    morphology.packaged_normal_forms.cache_clear()
    morphology.normal_form.cache_clear()
    calls: list[str] = []
    analysed = morphology.analysed_normal_form
    monkeypatch.setattr(morphology, "analysed_normal_form", lambda w: calls.append(w) or analysed(w))
    try:
        assert morphology.packaged_normal_forms() == {}
        assert morphology.normal_form(word) == analysed(word) and calls == [word]
    finally:
        morphology.packaged_normal_forms.cache_clear()
        morphology.normal_form.cache_clear()


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_entity_matchers_from_known_tokens_are_those_from_tokenizing(lang: str) -> None:
    """The pipeline's entity matchers, built from the packaged tokens, hold the patterns that
    tokenizing every phrase gives, key for key and in the same order."""
    from diplotext.extract.entities import EntityMatcher

    nlp = get_nlp(lang)
    ours = nlp.get_pipe("diplotext_entities").matcher
    reference_nlp = spacy.blank(lang, vocab=nlp.vocab)
    reference_nlp.tokenizer = nlp.tokenizer.tokenizer
    if lang == "ru":
        reference_nlp.add_pipe("diplotext_morph")
    reference = EntityMatcher(reference_nlp, ours.gazetteer, lang, analyze=ours.analyze)
    for mine, theirs in ((ours._folded, reference._folded), (ours._exact, reference._exact)):
        assert list(_patterns(mine).items()) == list(_patterns(theirs).items())
    assert ours._keys == reference._keys


def _compiled_regexes_tool():  # type: ignore[no-untyped-def]
    import importlib.util

    spec = importlib.util.spec_from_file_location("make_compiled_regexes", REPO / "tools" / "make_compiled_regexes.py")
    tool = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tool)
    return tool


def test_packaged_compiled_regexes_are_current() -> None:
    """resources/compiled/ holds every grammar as the grammars are now, and nothing else; when this
    fails, run tools/make_compiled_regexes.py."""
    from diplotext.resources.regexes import pattern_key, store_name, stored_keys

    if not (REPO / "src" / "diplotext" / "resources" / "compiled" / store_name()).exists():
        pytest.skip(f"no compiled grammars for this Python ({store_name()}): they compile with re.compile")
    assert stored_keys() == {pattern_key(s, f) for s, f in _compiled_regexes_tool().grammar_patterns()}


def test_packaged_rule_beginnings_are_current_and_what_parsing_reads() -> None:
    """resources/compiled/ holds what every rule of the grammars may begin with, as
    `first_char.begins_with` reads it from the rule's parse (its plain twin), and nothing else."""
    from diplotext.extract.first_char import begins_with
    from diplotext.resources.regexes import pattern_key, store_name, stored_beginning, stored_beginning_keys

    if not (REPO / "src" / "diplotext" / "resources" / "compiled" / store_name()).exists():
        pytest.skip(f"no compiled grammars for this Python ({store_name()}): rules are parsed as they come")
    rules = _compiled_regexes_tool().grammar_rules()
    assert stored_beginning_keys() == {pattern_key(s, f) for s, f in rules}
    assert all(stored_beginning(s, f) == begins_with(s, f) for s, f in rules)


def test_compiled_regexes_are_what_re_compile_gives() -> None:
    """Each grammar loaded from its compiled form is the pattern ``re.compile`` makes of its source:
    the same code, flags and groups."""
    import re

    from diplotext.resources.regexes import compile_regex

    for source, flags in _compiled_regexes_tool().grammar_patterns():
        ours, reference = compile_regex(source, flags), re.compile(source, flags)
        assert ours == reference  # CPython compares the pattern, the flags and the compiled code
        assert (ours.groups, dict(ours.groupindex)) == (reference.groups, dict(reference.groupindex))


def test_packaged_alternations_are_what_the_trie_writes() -> None:
    """Each word alternation kept in resources/compiled/ is what `trie_alternation` writes for
    the words it is kept with, under the key of those words."""
    from diplotext.resources.regexes import alternation_key, store_name, stored_alternations
    from diplotext.text.alternation import trie_alternation

    if not (REPO / "src" / "diplotext" / "resources" / "compiled" / store_name()).exists():
        pytest.skip(f"no compiled grammars for this Python ({store_name()})")
    stored = stored_alternations()
    assert len(stored) > 50
    for key, (regex, words, dot_optional) in stored.items():
        assert alternation_key(words, dot_optional) == key
        assert trie_alternation(list(words), dot_optional) == regex


def test_the_first_parse_writes_no_alternation() -> None:
    """A fresh interpreter's first English and first Russian parse read every word alternation
    they need from resources/compiled/; when this fails, run tools/make_compiled_regexes.py."""
    from diplotext.resources.regexes import store_name

    if not (REPO / "src" / "diplotext" / "resources" / "compiled" / store_name()).exists():
        pytest.skip(f"no compiled grammars for this Python ({store_name()})")
    out = _fresh(
        "from diplotext.text import alternation as a\n"
        "written = []\nwrite = a.trie_alternation\n"
        "a.trie_alternation = lambda words, dot: written.append(words[:3]) or write(words, dot)\n"
        "import diplotext\n"
        "diplotext.parse('In 2011 the trade between Belarus and Russia exceeded US$ 38 billion.', lang='en')\n"
        "diplotext.parse('В 2011 году товарооборот между Беларусью и Россией превысил 38 млрд долларов США.', lang='ru')\n"
        "print(written)\n"
    )
    assert out.split() == ["[]"]


_FIRST_PARSE = "import sys, diplotext\ndiplotext.parse('Belarus and Russia signed the Treaty on December 8, 1999, worth $4 billion.')\n"


def _fresh(code: str) -> str:
    import subprocess
    import sys

    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout


def test_the_first_parse_imports_no_command_line_of_spacy() -> None:
    """`import spacy` (when diplotext imports it) leaves spaCy's command line and what it needs
    (typer, click, weasel, requests) unimported."""
    out = _fresh(_FIRST_PARSE + "print(sorted(m for m in ('spacy.cli.download', 'typer', 'click', 'weasel', 'requests') if m in sys.modules))")
    assert out.split() == ["[]"]


@pytest.mark.parametrize("way", [
    "from spacy.cli import download; assert download.__module__ == 'spacy.cli.download'",
    "import spacy.cli.download as d; assert d.download is sys.modules['spacy.cli.download'].download",
    "assert isinstance(spacy.info(silent=True)['spacy_version'], str)",
    "ns = {}; exec('from spacy.cli import *', ns); assert 'download' in ns and 'info' in ns",
    "assert type(spacy.cli.app).__name__ == 'Typer' and spacy.cli.info is sys.modules['spacy.cli.info'].info",
    "import spacy.cli.info as m; assert m is spacy.cli.info and m is sys.modules['spacy.cli.info'].info",
])
def test_spacys_command_line_is_spacys_own_when_used(way: str) -> None:
    """After the first parse, every way into spaCy's command line gets spaCy's own modules and
    functions, as in a process where diplotext was never imported."""
    out = _fresh(_FIRST_PARSE + "import spacy, types\n" + way + "\nspacy.cli.download\n"
                 "print(type(sys.modules['spacy.cli']) is types.ModuleType, type(sys.modules['spacy.cli.info']) is types.ModuleType)")
    assert out.split() == ["True", "True"]


def test_spacy_imported_first_is_left_as_it_is() -> None:
    out = _fresh("import sys, spacy, diplotext\nprint('typer' in sys.modules, sys.meta_path[0].__class__.__module__)")
    assert out.split()[0] == "True" and "diplotext" not in out


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_tokenizer_affix_regexes_are_those_spacy_compiles(lang: str) -> None:
    """The tokenizer's prefix, suffix and infix regexes, joined by `affix_sources` and compiled
    ahead of time, are the patterns of spaCy's `compile_*_regex` of the same rules."""
    from spacy.util import compile_prefix_regex, compile_suffix_regex, get_lang_class

    from diplotext.extract.patterns import affix_sources
    from diplotext.resources.regexes import compile_regex

    defaults = get_lang_class(lang).Defaults
    prefix, suffix, infix = affix_sources(defaults, _GLUED)
    assert compile_regex(prefix) == compile_prefix_regex(defaults.prefixes)
    assert compile_regex(suffix) == compile_suffix_regex(defaults.suffixes)
    assert compile_regex(infix) == compile_infix_regex([*defaults.infixes, *_GLUED])


def test_importing_diplotext_builds_no_pipeline() -> None:
    """`import diplotext` imports neither spaCy nor dateparser nor pymorphy3: the first parse does."""
    out = _fresh("import sys, diplotext\nprint([m for m in ('spacy', 'dateparser', 'pymorphy3', 'numpy') if m in sys.modules])")
    assert out.split() == ["[]"]
