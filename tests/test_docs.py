"""The design notes (docs/) stay true and are the only documents the code cites: every
test, module, note and case they name exists, every note is in the index, and no code,
test or tool points at a document outside the repository."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
NOTES = sorted(DOCS.glob("*.md"))
CASES = {int(n) for n in re.findall(r"^\| K(\d+) \|", (DOCS / "cases.md").read_text(encoding="utf-8"), re.M)}


def _sources(*folders: str) -> list[Path]:
    return [p for folder in folders for p in sorted((ROOT / folder).rglob("*.py")) if p != Path(__file__)]


@pytest.mark.parametrize("note", NOTES, ids=lambda p: p.name)
def test_every_test_a_note_cites_exists(note):
    text = note.read_text(encoding="utf-8")
    for path, name in re.findall(r"(tests/[\w/]+\.py)(?:::(\w+\*?))?", text):
        assert (ROOT / path).is_file(), path
        if name:
            pattern = "^def " + name.rstrip("*") + ("" if name.endswith("*") else r"\b")
            assert re.search(pattern, (ROOT / path).read_text(encoding="utf-8"), re.M), f"{path}::{name}"


@pytest.mark.parametrize("note", [*NOTES, ROOT / "README.md"], ids=lambda p: p.name)
def test_every_module_a_note_names_exists(note):
    text = note.read_text(encoding="utf-8")
    for path in re.findall(r"\b((?:wizard|tools)/[\w/]+\.py)\b", text):
        assert (ROOT / path).is_file(), path
    for link in re.findall(r"\]\(([\w./-]+\.md)\)", text):
        assert (note.parent / link).is_file(), link


def test_the_index_lists_every_note():
    index = (DOCS / "README.md").read_text(encoding="utf-8")
    assert [n.name for n in NOTES if n.name != "README.md" and f"]({n.name})" not in index] == []


def test_notes_cited_by_the_code_exist():
    for path in _sources("wizard", "tests", "tools"):
        for note in re.findall(r"\bdocs/([\w-]+\.md)", path.read_text(encoding="utf-8")):
            assert (DOCS / note).is_file(), f"{path.relative_to(ROOT)}: docs/{note}"


def test_cases_cited_by_the_code_exist():
    cited = set()
    for path in _sources("wizard", "tests", "tools"):
        for ids in re.findall(r"docs/cases\.md (K\d+(?:(?:, |–)K\d+)*)", path.read_text(encoding="utf-8")):
            numbers = [int(n) for n in re.findall(r"K(\d+)", ids)]
            cited.update(range(numbers[0], numbers[-1] + 1) if "–" in ids else numbers)
    assert cited and cited <= CASES, sorted(cited - CASES)


def test_nothing_cites_a_document_outside_the_repository():
    """The product spec, the field cases, the style guide and review reports live outside
    the repository; the code cites the notes of docs/ instead."""
    outside = re.compile(
        "|".join(["SPEC" + " §", "§" + r"\d", "CASES" + r" K\d", "STYLE" + r"\.md", "fresh" + r"[- ]eyes"])
    )
    files = [*_sources("wizard", "tests", "tools"), ROOT / "README.md", *NOTES]
    found = [
        f"{p.relative_to(ROOT)}:{n}"
        for p in files
        for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1)
        if outside.search(line)
    ]
    assert found == []
