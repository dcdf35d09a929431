"""The trie alternation (`diplotext.text.alternation`) matches what its plain twin, the flat
alternation longest first (tests/reference/alternation.py), matches: the same spans and the same
groups, with or without ignoring case, inside patterns that backtrack into it."""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from reference.alternation import alternation as flat

from diplotext.text.alternation import alternation

# characters that match alike ignoring case though they differ ('k', 'K', the Kelvin sign),
# a space (a grammar may put a line break there), a dot (dot_optional) and signs
_CHARS = "abkKK sſSµμiIİı.ß$%-" + "дДё"
_FEW = "akAKK ."  # few characters: words that are prefixes of one another, ignoring case or not
words = st.one_of(st.lists(st.text(alphabet=_CHARS, min_size=1, max_size=5), max_size=12),
                  st.lists(st.text(alphabet=_FEW, min_size=1, max_size=4), max_size=10))
texts = st.one_of(st.text(alphabet=_CHARS + "x\n", max_size=12), st.text(alphabet=_FEW + "x\n", max_size=8))
_CONTEXTS = [
    "(?P<w>{})",
    "(?P<w>{})(?![a-zäk])",  # a guard after the word: a longer word that fails backtracks to a shorter
    "(?P<w>{})(?P<t>[ ]?x|$)",
    "(?:(?P<w>{})[ ])+x",
    "(?P<w>{})(?P=w)",
]


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(words, st.booleans(), st.sampled_from(_CONTEXTS), st.sampled_from([0, re.IGNORECASE]),
       st.booleans(), st.lists(texts, min_size=1, max_size=6))
def test_the_trie_matches_as_the_flat_alternation(ws: list[str], dot: bool, context: str, flags: int, spaced: bool,
                                                  inputs: list[str]) -> None:
    def compiled(alt: str) -> re.Pattern[str]:
        if spaced:  # as the figure grammar writes a space: a run of spaces or a line break
            alt = alt.replace("[ ]", r"(?:[ ]{1,3}|[ ]?\n[ ]?)")
        return re.compile(context.format(alt), flags)

    a, b = compiled(flat(ws, dot_optional=dot)), compiled(alternation(ws, dot_optional=dot))
    variants = [f(w) for w in ws for f in (str.upper, str.lower, str.swapcase, lambda w: w + ". x")]
    for text in inputs + variants:
        for pos in range(len(text) + 1):
            ma, mb = a.match(text, pos), b.match(text, pos)
            assert (ma and (ma.span(), ma.groupdict())) == (mb and (mb.span(), mb.groupdict())), (ws, text, pos)
        assert [m.span() for m in a.finditer(text)] == [m.span() for m in b.finditer(text)]


def test_words_that_match_alike_ignoring_case_keep_their_order() -> None:
    ws = ["Kaa", "ka", "K"]  # "ka" before "K": on "ka" ignoring case, the longer word wins
    for flags in (0, re.IGNORECASE):
        a, b = re.compile(flat(ws), flags), re.compile(alternation(ws), flags)
        for text in ("ka", "Ka", "KAA", "\u212aa", "k"):
            assert (a.match(text) and a.match(text).span()) == (b.match(text) and b.match(text).span())


def test_a_word_list_becomes_a_trie() -> None:
    assert alternation(["dollars", "dollar", "US dollars", "USD", "%"]) == "(?:US(?:[ ]dollars|D)|dollar(?:s|)|%)"
    assert alternation(["mln", "bn"], dot_optional=True) == r"(?:mln(?:\.|)|bn(?:\.|))"
    assert alternation([]) == "(?!)"


def test_a_space_is_never_shared_where_a_grammar_widens_it() -> None:
    # written as a run of spaces, a shared space would take "  " and leave the shorter word
    # to match, where the flat alternation backtracks into the run for the longer one first
    ws = [" ", "  A"]
    widen = r"(?:[ ]{1,3}|[ ]?\n[ ]?)"
    a, b = (re.compile(alt.replace("[ ]", widen)) for alt in (flat(ws), alternation(ws)))
    for text in ("  A", "   A", " \n A", " A"):
        assert a.match(text).span() == b.match(text).span(), text  # type: ignore[union-attr]
    assert b.match("  A").span() == (0, 3)  # type: ignore[union-attr]
