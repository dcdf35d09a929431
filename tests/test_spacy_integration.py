"""A diplotext pipeline saved with `nlp.to_disk` loads with plain `spacy.load` in a fresh
interpreter: the tokenizer and every component are found through the package's entry points
(`spacy_tokenizers`, `spacy_factories`), with no diplotext import in the user's code."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from diplotext.nlp import get_nlp

LOAD = """
import sys, spacy
nlp = spacy.load(sys.argv[1])
doc = nlp("President Vladimir Putin met Alexander Lukashenko at the CSTO summit.")
print(" ".join(nlp.pipe_names))
print("|".join(f"{s.text}:{s.label_}" for s in doc.spans["diplotext_entities"]))
"""


def test_a_saved_pipeline_loads_with_spacy_load_alone(tmp_path: Path) -> None:
    get_nlp("en").to_disk(tmp_path / "pipeline")
    out = subprocess.run([sys.executable, "-c", LOAD, str(tmp_path / "pipeline")], capture_output=True, text=True, check=True)
    names, spans = out.stdout.splitlines()
    assert names.split() == ["sentencizer", "diplotext_entities"]
    assert "Alexander Lukashenko:PERSON" in spans.split("|")
    assert any(s.startswith("CSTO:") for s in spans.split("|"))
