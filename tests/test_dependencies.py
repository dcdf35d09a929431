"""Each declared dependency is there and does its work."""

from __future__ import annotations


def test_russian_morphology_reads_its_dictionaries_with_the_c_extension() -> None:
    """pymorphy3 falls back to a pure-Python DAWG reader, 8x slower per word, when dawg2 is absent."""
    import pymorphy3.dawg

    assert pymorphy3.dawg.EXTENSION_AVAILABLE
