"""The exact-match harness itself: a missing item and an extra item each fail a case."""

import pytest
from tables import assert_exact, pair_off


def eq(a: object, b: object) -> bool:
    return a == b


def test_pairs_one_to_one() -> None:
    assert pair_off([1, 1, 2], [1, 2], eq) == ([], [1])


def test_an_extra_hit_fails() -> None:
    with pytest.raises(AssertionError, match="unexpected \\[3\\]"):
        assert_exact([1, 3], [1], eq)


def test_a_missing_item_fails() -> None:
    with pytest.raises(AssertionError, match="missing \\[2\\]"):
        assert_exact([1], [1, 2], eq)


def test_optional_items_may_be_there_or_not() -> None:
    assert_exact([1, 4], [1], eq, may=[4])
    assert_exact([1], [1], eq, may=[4])
