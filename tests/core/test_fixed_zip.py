"""One ZIP writer with no clock time in it (``core/fixed_zip.py``), used by the municipal
file and the price workbook: every entry has the given date, deflated, ``0o644``, added by
name or from a file on disk."""

from __future__ import annotations

import datetime as dt
import io
import os
import zipfile

from wizard.core import archive
from wizard.core.fixed_zip import FixedDateZip

WHEN = dt.datetime(2026, 1, 1)


def test_every_entry_has_the_date_whichever_way_it_is_added(tmp_path):
    on_disk = tmp_path / "sheet1.xml"
    on_disk.write_bytes(b"<sheet/>")
    os.chmod(on_disk, 0o600)  # as openpyxl's temporary sheets: their mode must not reach the ZIP
    dated = zipfile.ZipInfo("dated.txt", (1999, 12, 31, 23, 59, 58))
    out = io.BytesIO()
    with FixedDateZip(out, WHEN) as package:
        package.writestr("by-name.txt", "text")
        package.writestr(dated, b"bytes")
        package.write(on_disk, "xl/worksheets/sheet1.xml")
    with zipfile.ZipFile(out) as package:
        found = {
            i.filename: (i.date_time, i.compress_type, i.external_attr >> 16) for i in package.infolist()
        }
        assert package.read("xl/worksheets/sheet1.xml") == b"<sheet/>"
        assert package.read("dated.txt") == b"bytes"
    assert found == {
        name: ((2026, 1, 1, 0, 0, 0), zipfile.ZIP_DEFLATED, 0o644)
        for name in ("by-name.txt", "dated.txt", "xl/worksheets/sheet1.xml")
    }


def test_the_same_files_give_the_same_bytes(tmp_path):
    files = {"a/README.txt": b"a", "b.json": b"{}"}
    first = archive.write_archive(files, tmp_path / "first.zip").read_bytes()
    second = archive.write_archive(files, tmp_path / "second.zip").read_bytes()
    assert first == second
    with zipfile.ZipFile(tmp_path / "first.zip") as package:
        assert {i.date_time for i in package.infolist()} == {(2000, 1, 1, 0, 0, 0)}
        assert {i.external_attr >> 16 for i in package.infolist()} == {0o644}
