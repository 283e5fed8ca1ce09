"""The same project gives the same DOCX bytes (``documents/docx/writer.py: docx_bytes``).

python-docx's save wrote the clock time into ``docProps/core.xml`` (created, modified)
and its zip stamped every entry with it, so two exports of one tender differed and a
checksum could not tell whether a published tender changed. The writer now sets the
properties from the document and a fixed date, and repacks the package once through
``core/fixed_zip.FixedDateZip``."""

from __future__ import annotations

import datetime as dt
import io
import time
import types
import zipfile

import docx
import pytest
from tender_sample import tender_project

from wizard.core.documents import price_workbook
from wizard.core.documents.blocks import Document, Paragraph
from wizard.core.documents.docx import writer
from wizard.core.examples import load_example
from wizard.core.export import record_files, tender_bytes
from wizard.core.textclean import clean_project

LATER = dt.timedelta(days=400, hours=5, minutes=7, seconds=11)
"""How far the clock is moved for the second export: another day, hour, minute, second."""
EXAMPLE = "office-suite"  # options: the record has its TCO chart (a PNG part)


def _move_clock(monkeypatch: pytest.MonkeyPatch, by: dt.timedelta) -> None:
    """Every clock the DOCX path reads, ``by`` later: the zip's ``time.time`` and the
    ``datetime.now`` of the writer and of python-docx's core properties (no sleep)."""

    class Later(dt.datetime):
        @classmethod
        def now(cls, tz=None):  # type: ignore[override]
            return dt.datetime.now(tz) + by

    clock = types.SimpleNamespace(**{**vars(time), "time": lambda: time.time() + by.total_seconds()})
    monkeypatch.setattr(zipfile, "time", clock)
    later = types.SimpleNamespace(**{**vars(dt), "datetime": Later})
    monkeypatch.setattr(writer, "dt", later)
    from docx.opc.parts import coreprops

    monkeypatch.setattr(coreprops, "dt", later)


def _small() -> Document:
    """A document with no table (no rows spliced into the saved text)."""
    return Document(
        lang="en",
        title="Fleet telematics",
        organization="Town of Example",
        reference="EX-2027-01",
        header="Call for tenders EX-2027-01",
        footer_page="Page {page} of {pages}",
        blocks=[Paragraph("Fleet telematics", "Title"), Paragraph("One paragraph.")],
    )


def test_the_clock_moved_gives_the_same_bytes(monkeypatch):
    project = clean_project(tender_project())
    record_project = clean_project(load_example(EXAMPLE))
    before = (
        tender_bytes(project, "fr"),
        writer.docx_bytes(_small()),
        record_files(record_project, ["en"])["decision-record-en.docx"],
    )
    _move_clock(monkeypatch, LATER)
    assert zipfile.time.time() - time.time() > 400 * 86400  # the clock did move
    after = (
        tender_bytes(project, "fr"),
        writer.docx_bytes(_small()),
        record_files(record_project, ["en"])["decision-record-en.docx"],
    )
    assert [a == b for a, b in zip(before, after, strict=True)] == [True, True, True]


def _dates_and_properties(data: bytes) -> tuple[set, set, str]:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        infos = package.infolist()
        core = package.read("docProps/core.xml").decode("utf-8")
    return {i.date_time for i in infos}, {(i.compress_type, i.external_attr >> 16) for i in infos}, core


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_no_clock_time_in_the_package(lang):
    """Every entry dated 2026-01-01 00:00:00, deflated, 0o644; created and modified that
    date in the core properties, whatever the time of the export."""
    data = tender_bytes(clean_project(tender_project(lang=lang)), lang)
    dates, kinds, core = _dates_and_properties(data)
    assert dates == {(2026, 1, 1, 0, 0, 0)}
    assert kinds == {(zipfile.ZIP_DEFLATED, 0o644)}
    assert '<dcterms:created xsi:type="dcterms:W3CDTF">2026-01-01T00:00:00Z</dcterms:created>' in core
    assert '<dcterms:modified xsi:type="dcterms:W3CDTF">2026-01-01T00:00:00Z</dcterms:modified>' in core
    assert "<cp:revision>1</cp:revision>" in core
    assert "<cp:lastPrinted" not in core
    small_dates, _kinds, small_core = _dates_and_properties(writer.docx_bytes(_small()))
    assert small_dates == {(2026, 1, 1, 0, 0, 0)}
    assert "2026-01-01T00:00:00Z</dcterms:modified>" in small_core


def test_what_file_properties_show_is_kept():
    """File ▸ Properties still names the tender, the town and the reference."""
    document = docx.Document(io.BytesIO(tender_bytes(clean_project(tender_project()), "fr")))
    props = document.core_properties
    assert props.title == "Gestion des périmètres d’urgence"
    assert props.author == props.last_modified_by == "Ville de Saint-Exemple"
    assert props.subject == "Appel d’offres SE-TI-2027-004"
    assert props.keywords == "SE-TI-2027-004"
    assert props.language == "fr-CA"
    assert props.created == props.modified == dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc)
    assert props.revision == 1


def test_same_order_of_parts_as_python_docx_saves_them():
    """The repack keeps python-docx's order: ``[Content_Types].xml`` first, as Office
    and the OPC readers expect, then the package relationships."""
    data = writer.docx_bytes(_small())
    saved = io.BytesIO()
    writer.build_docx(_small()).save(saved)
    with zipfile.ZipFile(io.BytesIO(data)) as ours, zipfile.ZipFile(saved) as theirs:
        assert ours.namelist() == theirs.namelist()
        assert ours.namelist()[:2] == ["[Content_Types].xml", "_rels/.rels"]
        assert all(ours.read(n) == theirs.read(n) for n in ours.namelist())


def test_one_date_with_the_price_workbook():
    assert writer.FIXED_DATE == price_workbook.FIXED_DATE
