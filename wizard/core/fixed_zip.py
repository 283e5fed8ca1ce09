"""A ZIP written with no clock time in it: the same files give the same bytes any day.

``zipfile`` stamps each entry with the moment it is written (``writestr`` with a name)
or with the file's modification time (``write``), and with the file's permissions.
:class:`FixedDateZip` stamps every entry with one given date, deflated, readable by
all (``0o644``), whichever way a writer adds it: the municipal file (``archive.py``),
the price workbook, whose writer (openpyxl's ``ExcelWriter``) adds its parts both
ways (``documents/price_workbook.py``), and the Word documents, repacked once after
python-docx's save (``documents/docx/writer.py: docx_bytes``), write through it.
"""

from __future__ import annotations

import datetime as dt
import os
import zipfile
from pathlib import Path
from typing import IO, TYPE_CHECKING

if TYPE_CHECKING:
    from _typeshed import SizedBuffer


class FixedDateZip(zipfile.ZipFile):
    """A ZIP opened for writing whose every entry is dated ``when`` (to the second, no
    time zone: ZIP dates have none), deflated and ``0o644``. ``file``: a path or a
    binary file object, as for ``zipfile.ZipFile``."""

    def __init__(self, file: str | os.PathLike[str] | IO[bytes], when: dt.datetime) -> None:
        super().__init__(file, "w", compression=zipfile.ZIP_DEFLATED)
        self.date_time = (when.year, when.month, when.day, when.hour, when.minute, when.second)

    def writestr(
        self,
        zinfo_or_arcname: str | zipfile.ZipInfo,
        data: SizedBuffer | str,
        compress_type: int | None = None,
        compresslevel: int | None = None,
    ) -> None:
        """Add ``data`` as the entry ``zinfo_or_arcname`` (its name only: the date, the
        compression and the permissions are this archive's)."""
        name = (
            zinfo_or_arcname.filename if isinstance(zinfo_or_arcname, zipfile.ZipInfo) else zinfo_or_arcname
        )
        info = zipfile.ZipInfo(name, self.date_time)
        info.compress_type = zipfile.ZIP_DEFLATED
        info.external_attr = 0o644 << 16
        super().writestr(info, data, compresslevel=compresslevel)

    def write(
        self,
        filename: str | os.PathLike[str],
        arcname: str | os.PathLike[str] | None = None,
        compress_type: int | None = None,
        compresslevel: int | None = None,
    ) -> None:
        """Add the file ``filename``'s bytes as the entry ``arcname`` (its own name when
        not given), dated as the others."""
        self.writestr(
            str(filename if arcname is None else arcname),
            Path(filename).read_bytes(),
            compresslevel=compresslevel,
        )
