"""The DOCX writer's lxml paths (issue 25) write the same Word documents as the
python-docx calls they replace: every part of the tender and the decision record of
each bundled example, and of a generated project with large tables, compared
XML-normalised (C14N), the document properties' timestamps apart."""

from __future__ import annotations

import io
import zipfile

import pytest
from largegen import large_project
from lxml import etree

from wizard.core.documents.docx import writer
from wizard.core.examples import example_names, load_example
from wizard.core.export import record_files, tender_files
from wizard.core.model import Project
from wizard.core.textclean import clean_project


def _parts(project: Project) -> dict[str, bytes]:
    """``file/part`` → its canonical XML (or bytes), for every document in both languages."""
    clean = clean_project(project)
    found: dict[str, bytes] = {}
    for name, data in {**tender_files(clean, ["fr", "en"]), **record_files(clean, ["fr", "en"])}.items():
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            for part in package.namelist():
                raw = package.read(part)
                if part.endswith((".xml", ".rels")):
                    raw = etree.tostring(etree.fromstring(raw), method="c14n")
                found[f"{name}/{part}"] = raw
    return found


def _same_with_and_without_lxml(project: Project, monkeypatch: pytest.MonkeyPatch) -> int:
    fast = _parts(project)
    monkeypatch.setattr(writer, "FAST", False)
    reference = _parts(project)
    assert fast.keys() == reference.keys()
    assert [name for name in fast if fast[name] != reference[name]] == []
    return len(fast)


@pytest.mark.parametrize("name", example_names())
def test_examples_same_documents(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    assert _same_with_and_without_lxml(load_example(name), monkeypatch) > 20


@pytest.mark.slow
def test_large_tables_same_documents(monkeypatch: pytest.MonkeyPatch) -> None:
    project = large_project(scale=0.25)
    project.criteria[3].text = "  Leading and trailing spaces  "  # xml:space="preserve"
    project.criteria[4].text = "Tab\tand\nline break; <angle> & ampersand"  # w:tab, w:br, escaping
    assert _same_with_and_without_lxml(project, monkeypatch) > 20
