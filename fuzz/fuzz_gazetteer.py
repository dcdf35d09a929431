"""Fuzz target: loading a user's gazetteer file (`--gazetteer FILE`, `gazetteer=` in Python).

The fuzzer's bytes are either the file as is (raw bytes: not UTF-8, not JSON, a BOM, deep
nesting) or, when the first byte is even, a JSON list of entries built from them (known keys with
values of every JSON type, strings with lone surrogates, control characters, Cyrillic, very long
or empty). Every file must be read into entries (what `load_gazetteer` adds to the packaged
ones) or raise a `GazetteerError` with a message; the entries must give the entity matchers'
rules of both languages (`pattern_rules`), whose phrases must go through each language's
tokenizer (where a string that is no text used to fail inside spaCy). Anything else is a finding.

    PY=... fuzz/run.sh, or: python fuzz/fuzz_gazetteer.py -max_total_time=600 fuzz/corpus/gazetteer
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path
from typing import Any

import atheris

with atheris.instrument_imports(include=["diplotext"]):
    from diplotext.errors import GazetteerError
    from diplotext.extract.entities.rules import pattern_rules
    from diplotext.extract.gazetteer import Gazetteer, _read_user_file, entry_from_dict
    from diplotext.nlp import get_nlp

KEYS = ["id", "type", "name", "aliases", "acronyms", "context_aliases", "surname", "country", "en", "ru", "x"]
STRINGS = ["EAEU", "ORG", "COUNTRY", "PERSON", "TREATY", "DOCUMENT", "LOCATION", "EVENT", "RUS", "BLR",
           "Eurasian Economic Union", "Евразийский экономический союз", "ЕАЭС", "Ivanov", "", " ", "\ud800",
           "\x00", "\ufeff", "(", "US$", "a" * 300, "PERSON:ivanov"]
_DIR = Path(tempfile.mkdtemp(prefix="fuzz-gazetteer-"))


def _value(fdp: atheris.FuzzedDataProvider, depth: int) -> Any:
    choice = fdp.ConsumeIntInRange(0, 8 if depth < 4 else 4)
    if choice == 0:
        return fdp.ConsumeUnicode(fdp.ConsumeIntInRange(0, 24))
    if choice in (1, 2):
        return STRINGS[fdp.ConsumeIntInRange(0, len(STRINGS) - 1)]
    if choice == 3:
        return (None, True, 0, -1, 1.5)[fdp.ConsumeIntInRange(0, 4)]
    if choice == 4:
        return fdp.ConsumeIntInRange(-(2**40), 2**40)
    if choice in (5, 6):
        return [_value(fdp, depth + 1) for _ in range(fdp.ConsumeIntInRange(0, 4))]
    return _entry(fdp, depth + 1)


def _entry(fdp: atheris.FuzzedDataProvider, depth: int) -> dict[str, Any]:
    return {KEYS[fdp.ConsumeIntInRange(0, len(KEYS) - 1)]: _value(fdp, depth) for _ in range(fdp.ConsumeIntInRange(0, 7))}


def file_bytes(data: bytes) -> bytes:
    if not data or data[0] % 2:
        return data[1:]
    fdp = atheris.FuzzedDataProvider(data[1:])
    entries = [_entry(fdp, 0) for _ in range(fdp.ConsumeIntInRange(0, 6))]
    return json.dumps(entries, ensure_ascii=fdp.ConsumeBool()).encode("utf-8", "surrogatepass")


def test_one_input(data: bytes) -> None:
    path = _DIR / "gazetteer.json"
    path.write_bytes(file_bytes(data))
    try:
        # what load_gazetteer(path) does with the file, without the packaged entries each time
        entries = [entry_from_dict(raw, f"{path} entry {i}") for i, raw in enumerate(_read_user_file(path))]
    except GazetteerError as exc:
        assert str(exc), "an error without a message"
        return
    gazetteer = Gazetteer({e.id: e for e in entries})
    for lang in ("en", "ru"):
        make_doc = get_nlp(lang).make_doc
        for rule in pattern_rules(gazetteer, lang):
            if rule.entry is not None:  # from the file
                for phrase in rule.phrases:
                    assert make_doc(phrase).text == phrase


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
