"""The design notes (docs/) stay true: every test, module and note they name exists,
and every note is in the index."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
NOTES = sorted(DOCS.glob("*.md"))


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
