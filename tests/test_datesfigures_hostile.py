"""Dates and figures under hostile input: an absurd number is no figure (never an exception),
and dense lines of figures take time linear in their length (ratios between sizes measured in
one run, no wall-clock limit)."""

from __future__ import annotations

import pytest
from timing import least_cpu_seconds

import diplotext


def test_a_number_of_a_million_digits_is_no_figure() -> None:
    st = diplotext.parse("$" + "9" * 1000001)
    assert st.figures == []


@pytest.mark.parametrize("text", ["$" + "9" * 40, "Trade reached " + "9" * 25 + " billion dollars.", "1" * 30 + "%"])
def test_absurdly_large_numbers_are_no_figures(text: str) -> None:
    assert diplotext.parse(text).figures == []


def test_a_large_but_possible_amount_is_a_figure() -> None:
    (f,) = diplotext.parse("The debt reached $30 trillion.").figures
    assert f.value == 30 * 10**12


@pytest.mark.slow
@pytest.mark.parametrize("line", ["5% " * 25 + "\n", "$5 million, 7% and 30 tonnes; " * 3 + "\n", "in 2011 and on 8 May 2012, " * 3 + "\n"])
def test_dense_lines_of_figures_and_dates_take_linear_time(line: str) -> None:
    diplotext.parse(line * 10)  # warm up
    small, large = least_cpu_seconds(diplotext.parse, [line * 400, line * 1600])
    assert large / small < 4 * 2.0, (small, large)  # 4x the text: linear is 4x, quadratic 16x
