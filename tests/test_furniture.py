"""Batch-level furniture: a line that many documents of one folder share is the site's, and goes
only because it repeats; the same document parsed on its own keeps it (its own features find no
fault with it). Texts written for these tests."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import diplotext
from diplotext.batch import convert
from diplotext.batch.furniture import BUCKET, FolderCount, count_furniture, folder_of
from diplotext.batch.planning import Settings, Task
from diplotext.cli import main
from diplotext.text.repeats import REPEATED_IN_BATCH, furniture_key

SLOGAN = "Example Daily — the voice of the southern coast"
SENTENCE = "The ministers said the talks had been held in a warm and constructive atmosphere."


def item(n: int, *, slogan: str = SLOGAN, extra: str = "") -> str:
    return (f"Ministers of Chile and Norway agree on research cruise number {n}\n\n{slogan}\n\nJune {n}, 2024\n\n"
            f"Chile and Norway will double the number of joint research cruises in the South Pacific, their fisheries "
            f"ministers said on Tuesday after talks in Oslo, the {n}th round.\n\n{extra}"
            "The two ministers told reporters the programme would also train twenty young scientists from both "
            "countries each year.\n")


def folder(root: Path, texts: list[str], sub: str = "") -> Path:
    (root / sub).mkdir(parents=True, exist_ok=True)
    for i, text in enumerate(texts, 1):
        (root / sub / f"item{i}.txt").write_text(text, encoding="utf-8")
    return root


def outputs(out: Path, sub: str = "") -> list[dict]:
    paths = sorted((out / sub).glob("item*.json"), key=lambda p: int(p.stem[4:]))
    return [json.loads(p.read_text(encoding="utf-8")) for p in paths]


def body(st: dict) -> str:
    return "\n".join(s["text"] for s in st["sections"])


def test_a_line_repeated_across_the_folder_goes_only_because_it_repeats(tmp_path: Path) -> None:
    root = folder(tmp_path / "in", [item(n) for n in range(1, 5)])
    convert(root, tmp_path / "out")
    for st, path in zip(outputs(tmp_path / "out"), sorted(root.glob("*.txt"), key=lambda p: int(p.stem[4:]))):
        text = path.read_text(encoding="utf-8")
        (gone,) = [r for r in st["removed"] if r["text"] == SLOGAN]
        assert gone["reason"] == REPEATED_IN_BATCH and text[gone["start"]:gone["end"]] == SLOGAN
        assert "double the number of joint research cruises" in body(st)
        assert st["title"].startswith("Ministers of Chile and Norway agree")  # titles differ: none is furniture
        assert st["date"]["source"] == "header"  # a date line is the document's, however often its form repeats
    single = diplotext.parse_file(root / "item1.txt")
    assert SLOGAN in "\n".join(s.text for s in single.sections)
    assert SLOGAN not in {r.text for r in single.removed}


def test_the_opt_out_keeps_each_document_to_its_own_features(tmp_path: Path) -> None:
    root = folder(tmp_path / "in", [item(n) for n in range(1, 5)])
    convert(root, tmp_path / "out", furniture=False)
    for st in outputs(tmp_path / "out"):
        assert SLOGAN in body(st)


def test_the_command_line_opt_out(tmp_path: Path) -> None:
    root = folder(tmp_path / "in", [item(n) for n in range(1, 5)])
    assert main(["convert", str(root), "--out", str(tmp_path / "on")]) == 0
    assert main(["convert", str(root), "--out", str(tmp_path / "off"), "--no-furniture"]) == 0
    assert all(SLOGAN not in body(st) for st in outputs(tmp_path / "on"))
    assert all(SLOGAN in body(st) for st in outputs(tmp_path / "off"))


def test_a_line_in_two_documents_of_ten_stays(tmp_path: Path) -> None:
    texts = [item(n, slogan=SLOGAN if n <= 2 else f"Local edition {n}") for n in range(1, 11)]
    convert(folder(tmp_path / "in", texts), tmp_path / "out")
    assert all(SLOGAN in body(st) for st in outputs(tmp_path / "out")[:2])


def test_a_sentence_of_content_repeated_across_the_folder_stays(tmp_path: Path) -> None:
    convert(folder(tmp_path / "in", [item(n, extra=SENTENCE + "\n\n") for n in range(1, 6)]), tmp_path / "out")
    assert all(SENTENCE in body(st) for st in outputs(tmp_path / "out"))


def test_a_document_name_and_a_place_line_under_the_date_stay(tmp_path: Path) -> None:
    texts = [f"Joint Statement\n\nJune {n}, 2024\n\nThe Kremlin, Moscow\n\nThe Parties agreed to expand trade in grain "
             f"and fertilisers and to meet again in round {n} of the consultations next year.\n" for n in range(1, 5)]
    convert(folder(tmp_path / "in", texts), tmp_path / "out")
    for st in outputs(tmp_path / "out"):
        assert st["title"] == "Joint Statement"
        assert not [r for r in st["removed"] if r["reason"] == REPEATED_IN_BATCH]


def test_furniture_is_counted_per_folder(tmp_path: Path) -> None:
    root = folder(tmp_path / "in", [item(n) for n in range(1, 5)], "a")
    folder(root, [item(n) for n in range(1, 3)], "b")  # two documents: too few to tell furniture
    convert(root, tmp_path / "out")
    assert all(SLOGAN not in body(st) for st in outputs(tmp_path / "out", "a"))
    assert all(SLOGAN in body(st) for st in outputs(tmp_path / "out", "b"))


def test_the_first_pass_finds_the_folders_furniture(tmp_path: Path) -> None:
    root = folder(tmp_path, [item(n) for n in range(1, 4)], "site")
    tasks = [Task(str(p), f"site/{p.name}", None) for p in sorted((root / "site").glob("*.txt"))]
    found = count_furniture(tasks, Settings())
    assert furniture_key(SLOGAN) in found["site"]
    assert furniture_key(item(1).splitlines()[0]) not in found["site"]
    assert folder_of("site/item1.txt") == "site" and folder_of("item1.txt") == ""


def test_a_folder_of_too_few_documents_is_not_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Its inputs cannot hold furniture (a line must be in `MIN_DOCUMENTS` of them): reading them,
    a 20 MB input among them, would find none, as counting every folder does."""
    from diplotext.batch import furniture

    root = folder(tmp_path / "in", [item(n) for n in range(1, 4)], "a")
    folder(root, [item(n) for n in range(1, 3)], "b")
    (root / "alone.txt").write_text(item(9), encoding="utf-8")
    tasks = [Task(str(p), str(p.relative_to(root)), None) for p in sorted(root.rglob("*.txt"))]
    read: list[str] = []
    keys_of = furniture._keys_of
    monkeypatch.setattr(furniture, "_keys_of", lambda task, settings: read.append(task.rel) or keys_of(task, settings))
    found = count_furniture(tasks, Settings())
    assert sorted(read) == ["a/item1.txt", "a/item2.txt", "a/item3.txt"]
    plain = {}
    for name in ("a", "b", ""):
        count = FolderCount()
        for task in tasks:
            if folder_of(task.rel) == name:
                count.add(keys_of(task, Settings()))
        if count.repeated():
            plain[name] = count.repeated()
    assert found == plain and set(found) == {"a"}


def test_lossy_counting_keeps_memory_bounded_and_finds_the_frequent_lines() -> None:
    count = FolderCount()
    common = furniture_key(SLOGAN)
    for n in range(50 * BUCKET):
        keys = [furniture_key(f"unique line {n} {k}") for k in range(30)]
        count.add([k for k in keys if k] + ([common] if n % 2 == 0 else []))  # type: ignore[list-item]
        assert len(count.counts) <= 30 * 2 * BUCKET + 1
    assert count.repeated() == frozenset({common})


@pytest.mark.parametrize("line", ["", "   ", "2024", "x" * 101])
def test_lines_that_are_not_counted(line: str) -> None:
    assert furniture_key(line) is None


def test_workers_remove_the_same_furniture(tmp_path: Path) -> None:
    root = folder(tmp_path / "in", [item(n) for n in range(1, 7)])
    convert(root, tmp_path / "one")
    convert(root, tmp_path / "two", workers=2)
    assert outputs(tmp_path / "one") == outputs(tmp_path / "two")
    assert all(SLOGAN not in body(st) for st in outputs(tmp_path / "two"))
