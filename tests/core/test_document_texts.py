"""The text of every bundled example's exported documents, pinned.

Each bundled example is exported in French, in English and in both languages; the text
of every output (the evaluation outputs of an example with bids included: each DOCX
paragraph in document order, headers and footers included,
each XLSX cell with its formula, the CSV files and the OCDS package as written) is compared with the copy stored under
``tests/data/documents/<example>/<lang>/``. A refactoring must leave them identical; a
change that means to alter a document rewrites the stored copy with::

    python tests/core/test_document_texts.py --write

and the diff of ``tests/data/documents`` shows, in the commit, exactly what changed.
"""

from __future__ import annotations

import sys
import tempfile
import zipfile
from pathlib import Path

import pytest
from lxml import etree

ROOT = Path(__file__).resolve().parents[2]
STORED = ROOT / "tests" / "data" / "documents"
LANGS = ("fr", "en", "both")
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def docx_text(path: Path) -> str:
    """One line per paragraph of the body, then of each header and footer part."""
    lines: list[str] = []
    with zipfile.ZipFile(path) as docx:
        names = sorted(n for n in docx.namelist() if n.startswith("word/") and n.endswith(".xml"))
        parts = ["word/document.xml"] + [n for n in names if n.startswith(("word/header", "word/footer"))]
        for name in parts:
            lines.append(f"=== {name}")
            root = etree.fromstring(docx.read(name))
            for para in root.iter(f"{W}p"):
                lines.append("".join(_run_text(node) for node in para.iter(f"{W}t", f"{W}tab", f"{W}br")))
    return "\n".join(lines) + "\n"


def _run_text(node: etree._Element) -> str:
    if node.tag == f"{W}t":
        return node.text or ""
    return "\t" if node.tag == f"{W}tab" else "\n"


def xlsx_text(path: Path) -> str:
    """One line per non-empty cell of each sheet ("B7\t=SUM(B3:B6)": formulas as written),
    then the defined names and the version property."""
    from openpyxl import load_workbook

    book = load_workbook(path)
    lines: list[str] = []
    for sheet in book.worksheets:
        lines.append(f"=== {sheet.title}")
        lines += [
            f"{c.coordinate}\t{c.value}" for row in sheet.iter_rows() for c in row if c.value is not None
        ]
    lines.append("=== defined names")
    lines += [f"{name}\t{book.defined_names[name].attr_text}" for name in book.defined_names]
    lines.append(f"=== version\t{book.properties.version}")
    return "\n".join(lines) + "\n"


def output_text(path: Path) -> str:
    """The text of one exported file."""
    if path.suffix == ".docx":
        return docx_text(path)
    if path.suffix == ".xlsx":
        return xlsx_text(path)
    return path.read_text(encoding="utf-8")


def example_bids(name: str, folder: Path):
    """The bids record of one example (``bids.record.BidsRecord``), read from a project
    file made from it in ``folder`` as ``new --example`` makes it; ``None`` without bids."""
    from wizard.core.bids.jsonform import record_tables
    from wizard.core.bids.record import read
    from wizard.core.examples import load_example_with_records
    from wizard.core.project_file.store import ProjectFile

    project, publishing, bids = load_example_with_records(name)
    if bids is None:
        return None
    tables = record_tables(publishing, bids)
    with ProjectFile.create(folder / f"{name}.tender", project, origin="example", tables=tables) as pf:
        return read(pf)


def example_texts(name: str, lang: str) -> dict[str, str]:
    """``{file name: text}`` of everything ``export_all`` writes for one example, with its
    bids (the evaluation outputs) when it has some."""
    from wizard.core.examples import load_example
    from wizard.core.export import export_all

    with tempfile.TemporaryDirectory() as tmp:
        bids = example_bids(name, Path(tmp))
        paths = export_all(load_example(name), Path(tmp) / "out", lang, bids=bids)
        return {p.name + ".txt": output_text(p) for p in paths}


def cases() -> list[tuple[str, str]]:
    from wizard.core.examples import example_names

    return [(name, lang) for name in example_names() for lang in LANGS]


@pytest.mark.slow
@pytest.mark.parametrize(("name", "lang"), cases())
def test_documents_match_stored_text(name: str, lang: str) -> None:
    texts = example_texts(name, lang)
    folder = STORED / name / lang
    stored = sorted(p.name for p in folder.iterdir())
    assert sorted(texts) == stored
    for file_name, text in texts.items():
        assert text == (folder / file_name).read_text(encoding="utf-8"), f"{name}/{lang}/{file_name}"


def write_all() -> None:
    """Rewrite the stored texts from the current code."""
    for name, lang in cases():
        folder = STORED / name / lang
        folder.mkdir(parents=True, exist_ok=True)
        for old in folder.iterdir():
            old.unlink()
        for file_name, text in example_texts(name, lang).items():
            (folder / file_name).write_text(text, encoding="utf-8")
        print(folder)


if __name__ == "__main__":
    if sys.argv[1:] != ["--write"]:
        sys.exit("usage: python tests/core/test_document_texts.py --write")
    sys.path.insert(0, str(ROOT))
    write_all()
