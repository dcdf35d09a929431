"""Dates and figures as spaCy components in a user's own pipeline (``spacy.blank``), found
through the package's ``spacy_factories`` entry points."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from decimal import Decimal
from importlib import import_module
from pathlib import Path

import pytest
import spacy

import diplotext.extract.dates.component  # noqa: F401  (registers the factories, as the entry points do)
import diplotext.extract.figures.component  # noqa: F401
from diplotext.errors import LanguageError

ROOT = Path(__file__).resolve().parent.parent


def _pipeline(lang: str, **date_config: object) -> spacy.Language:
    nlp = spacy.blank(lang)
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("diplotext_dates", config=date_config)
    nlp.add_pipe("diplotext_figures")
    return nlp


def test_dates_and_figures_in_a_blank_english_pipeline() -> None:
    doc = _pipeline("en", document_date="2019-12-20")("Last year, trade reached $4 billion. The talks ended on March 3.")
    dates = [(s.text, s.label_, s._.diplotext.value) for s in doc.spans["diplotext_dates"]]
    assert dates == [("Last year", "year", "2018"), ("March 3", "day", "2019-03-03")]
    (fig,) = doc.spans["diplotext_figures"]
    assert (fig.text, fig.label_, fig._.diplotext.value, fig._.diplotext.currency) == ("$4 billion", "money", Decimal("4000000000"), "USD")
    assert fig._.diplotext.year == "2018"  # the year from the dates component's resolved date


def test_the_document_date_can_come_with_the_doc() -> None:
    nlp = _pipeline("en")
    doc = nlp.make_doc("We met yesterday.")
    doc._.diplotext_date = "2020-05-02"
    doc = nlp(doc)
    assert [s._.diplotext.value for s in doc.spans["diplotext_dates"]] == ["2020-05-01"]


def test_dates_and_figures_in_a_blank_russian_pipeline() -> None:
    doc = _pipeline("ru")("25 июня 2012 года товарооборот превысил 38 млрд долларов США.")
    assert [(s.text, s._.diplotext.value) for s in doc.spans["diplotext_dates"]] == [("25 июня 2012 года", "2012-06-25")]
    (fig,) = doc.spans["diplotext_figures"]
    assert (fig._.diplotext.value, fig._.diplotext.currency, fig._.diplotext.qualifier) == (Decimal("38000000000"), "USD", "exceeded")


def test_figures_alone_read_their_own_dates() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("diplotext_figures")
    doc = nlp("In 2011 exports grew by 5 percent.")
    (fig,) = doc.spans["diplotext_figures"]
    assert (fig.text, fig._.diplotext.year, fig._.diplotext.change) == ("5 percent", "2011", True)


def test_a_language_without_lexicons_is_a_language_error() -> None:
    with pytest.raises(LanguageError):
        spacy.blank("de").add_pipe("diplotext_dates")


def test_the_factories_are_declared_as_entry_points() -> None:
    declared = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["entry-points"]["spacy_factories"]
    for name in ("diplotext_dates", "diplotext_figures"):
        module, _, attr = declared[name].partition(":")
        assert callable(getattr(import_module(module), attr))


def test_a_fresh_interpreter_finds_the_components_by_name() -> None:
    code = ("import spacy; nlp = spacy.blank('en'); nlp.add_pipe('diplotext_dates'); nlp.add_pipe('diplotext_figures'); "
            "d = nlp('In 2011 trade exceeded US$ 38 billion.'); "
            "print(len(d.spans['diplotext_dates']), len(d.spans['diplotext_figures']))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["1", "1"]
