"""Benchmark of ``lint --file`` on a long tender (target: a 60-page tender in under 5 s).

A plain script, not a test: ``python tests/benchmark_audit.py [--pages 60] [--keep DIR]``
writes a DOCX tender of about that many pages (about 220 words a page, as LibreOffice lays out
its headings, requirement paragraphs and criteria tables built from the labelled corpus's
real sentences, tests/corpus), then prints the wall and CPU time of reading it and
checking every paragraph (:func:`wizard.core.audit.audit_document`), and of the whole
``python main.py lint --file`` process.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

WORDS_PER_PAGE = 220

SECTIONS = [
    ("Background and current environment", "problem"),
    ("Technical requirements", "neutral"),
    ("Mandatory criteria", "brand"),
    ("Test scenarios", "neutral"),
    ("Contract clauses", "neutral"),
]


def corpus_sentences() -> dict[str, list[str]]:
    by_kind: dict[str, list[str]] = {"brand": [], "neutral": [], "problem": []}
    for path in sorted((ROOT / "tests" / "corpus").glob("*.tsv")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line and not line.startswith("#"):
                kind, _lang, _label, text, _source = line.split("\t")
                by_kind[kind].append(text)
    return by_kind


def write_tender(path: Path, pages: int) -> int:
    """A DOCX of about ``pages`` pages; returns its word count."""
    import docx

    sentences = corpus_sentences()
    document = docx.Document()
    document.add_heading("Request for proposals: municipal information systems", 0)
    words = 0
    n = 0
    part = 0
    while words < pages * WORDS_PER_PAGE:
        title, kind = SECTIONS[part % len(SECTIONS)]
        part += 1
        document.add_heading(f"{part} {title}", 1)
        pool = sentences[kind] + sentences["neutral"]
        if kind == "brand":
            table = document.add_table(rows=1, cols=3)
            table.rows[0].cells[0].text, table.rows[0].cells[1].text, table.rows[0].cells[2].text = (
                "No.",
                "Criterion",
                "Verification",
            )
            for k in range(25):
                text = f"{pool[(n + k * 7) % len(pool)]} (item {n + k})"  # no two alike: no cache hit
                row = table.add_row().cells
                row[0].text, row[1].text, row[2].text = f"M-{n + k}", text, "Document"
                words += len(text.split()) + 2
            n += 25
            continue
        for k in range(30):
            text = f"{pool[(n + k * 11) % len(pool)]} (item {n + k})"
            document.add_paragraph(text)
            words += len(text.split())
        n += 30
    document.save(str(path))
    return words


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=60)
    parser.add_argument("--keep", help="a folder to keep the generated DOCX in")
    args = parser.parse_args(argv)
    from wizard.core.audit import audit_document

    folder = Path(args.keep) if args.keep else Path(tempfile.mkdtemp())
    path = folder / f"tender-{args.pages}-pages.docx"
    words = write_tender(path, args.pages)
    wall, cpu = time.perf_counter(), time.process_time()
    audited = audit_document(path, "en")
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    flagged = sum(1 for a in audited if a.findings)
    print(
        f"{path.name}: {words} words (about {words // WORDS_PER_PAGE} pages), {len(audited)} paragraphs "
        f"and cells, {flagged} with findings; read and checked in {wall:.2f} s wall, {cpu:.2f} s CPU"
    )
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "lint", "--file", str(path), "--lang", "en"],
        capture_output=True,
        check=False,
    )
    print(f"python main.py lint --file: {time.perf_counter() - start:.2f} s wall (target < 5 s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
