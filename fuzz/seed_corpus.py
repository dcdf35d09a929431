"""Write the seed inputs of the fuzz targets into fuzz/corpus/ (texts written for this, in
every encoding the decoder knows, plus binary headers; gazetteer files as the README shows them)."""

from __future__ import annotations

import codecs
import json
from pathlib import Path

HERE = Path(__file__).resolve().parent
TEXTS = [
    "Joint Statement of the Ministers of Foreign Affairs of the Republic of Belarus and the Russian Federation\n\n"
    "In 2011 the trade between Belarus and Russia exceeded US$ 38 billion.",
    "Совместное заявление министров иностранных дел Республики Беларусь и Российской Федерации.\n"
    "Товарооборот в 2011 году превысил 38 млрд долларов США.",
    "Сумесная заява міністраў замежных спраў Рэспублікі Беларусь і Расійскай Федэрацыі.",
    "Café crème, Größe, Sánchez met Lavrov in Paris on 5 May 2024.",
    "<html><body><h1>Joint Statement</h1><p>Belarus and China agreed.</p></body></html>",
]


def main() -> None:
    decode = HERE / "corpus" / "decode"
    parse = HERE / "corpus" / "parse"
    decode.mkdir(parents=True, exist_ok=True)
    parse.mkdir(parents=True, exist_ok=True)
    n = 0
    for text in TEXTS:
        for enc in ("utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "cp1251", "koi8-r", "cp1252"):
            try:
                data = text.encode(enc)
            except UnicodeEncodeError:
                continue
            (decode / f"seed-{n:03d}").write_bytes(data)
            n += 1
        (parse / f"seed-{n:03d}").write_bytes(text.encode("utf-8"))
        n += 1
    for data in (b"%PDF-1.7\n", b"\x89PNG\r\n\x1a\n\x00\x00", b"PK\x03\x04\x14\x00", codecs.BOM_UTF8 + b"\xff\xfe",
                 b"text\x00with nul", "почти UTF-8 ".encode() + b"\xff"):
        (decode / f"seed-{n:03d}").write_bytes(data)
        n += 1
    convert = HERE / "corpus" / "convert"
    convert.mkdir(parents=True, exist_ok=True)
    for seed in decode.glob("seed-*"):
        (convert / seed.name).write_bytes(seed.read_bytes())
    gazetteer = HERE / "corpus" / "gazetteer"
    gazetteer.mkdir(parents=True, exist_ok=True)
    for i, entries in enumerate(GAZETTEERS):
        # an odd first byte: fuzz_gazetteer.py takes the rest as the file itself
        (gazetteer / f"seed-{i:03d}").write_bytes(b"\x01" + json.dumps(entries, ensure_ascii=i % 2 == 0).encode())


GAZETTEERS = [
    [{"id": "EAEU", "type": "ORG", "name": "Eurasian Economic Union",
      "aliases": {"en": ["Eurasian Economic Union"], "ru": ["Евразийский экономический союз"]}, "acronyms": ["EAEU", "ЕАЭС"]}],
    [{"id": "PERSON:ivanov", "type": "PERSON", "name": "Ivan Ivanov", "aliases": ["Ivan Ivanov"], "surname": "Ivanov",
      "country": "RUS"}],
    [{"id": "RUS", "type": "COUNTRY", "name": "Russia", "aliases": ["Rossiya"], "context_aliases": ["RF"]}],
]


if __name__ == "__main__":
    main()
