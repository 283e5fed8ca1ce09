"""A town's own brand names as a CSV file, to share a list with its neighbours.

The project's extra names (Criteria step, "Extra brand names"; ``project.extra_brands``)
are added to the bundled list by the brand detector. A town that found names the list
does not know (a local reseller, a regional ERP) can pass them on:

* ``export_brands(project) -> bytes``: a CSV with a ``name`` header and one name a row,
  written like every CSV of the app (:mod:`wizard.core.csv_cells`: UTF-8 with BOM, a
  leading apostrophe before a formula start).
* ``parse_brands(data: bytes) -> list[str]``: the names of such a file, or of any file
  of one name a line: the first column, comma or semicolon separated (a French
  spreadsheet writes semicolons), UTF-8 or Windows-1252; a ``name`` / ``nom`` header,
  blank lines and ``#`` comments skipped; duplicates (case and accents aside) once.
  Raises :class:`BrandCsvError` for a file that is not text, too large, or holds a name
  longer than :data:`MAX_NAME` characters.
* ``import_brands(pf, data) -> list[str]``: the names not already in the project,
  added all or none (the ``ops.import_brands`` operation); returns them.
"""

from __future__ import annotations

import csv
import io
from typing import Any

from wizard.core.csv_cells import to_csv
from wizard.core.domain.brands import fold
from wizard.core.i18n import N_, tr
from wizard.core.model import Project
from wizard.core.project_file.batch import batch
from wizard.core.project_file.store import ProjectFile

MAX_BYTES = 1024 * 1024
MAX_NAME = 120
HEADERS = frozenset({"name", "nom", "names", "noms", "brand", "marque"})


class BrandCsvError(ValueError):
    """A file that is not a list of names; :meth:`message` says why, in FR or EN."""

    def __init__(self, msgid: str, **params: Any) -> None:
        super().__init__(tr(msgid, "en", **params))
        self.msgid, self.params = msgid, params

    def message(self, lang: str) -> str:
        return tr(self.msgid, lang, **self.params)


def export_brands(project: Project) -> bytes:
    """The project's extra names as CSV bytes: a ``name`` header, one name a row, in
    the project's order."""
    return to_csv([["name"], *([b.name] for b in project.extra_brands if b.name.strip())])


def parse_brands(data: bytes) -> list[str]:
    """The distinct names of a brand-list file, in order (see the module docstring).
    Raises :class:`BrandCsvError`."""
    if len(data) > MAX_BYTES:
        raise BrandCsvError(N_("This brand list is too large (over 1 MB)."))
    if b"\x00" in data:
        raise BrandCsvError(N_("This file is not a text file of brand names."))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", "replace")
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") > first.count(",") else ","
    names: list[str] = []
    seen: set[str] = set()
    for number, row in enumerate(csv.reader(io.StringIO(text), delimiter=delimiter), 1):
        if not row:
            continue
        name = " ".join(row[0].split())
        if name.startswith("'") and name[1:2] in ("=", "+", "-", "@"):
            name = name[1:]  # the apostrophe our own CSV writes before a formula start
        if not name or name.startswith("#") or (number == 1 and fold(name) in HEADERS):
            continue
        if len(name) > MAX_NAME:
            raise BrandCsvError(
                N_("Line {line} holds a name longer than {max} characters: is it a list of names?"),
                line=number,
                max=MAX_NAME,
            )
        key = fold(name)
        if key not in seen:
            seen.add(key)
            names.append(name)
    return names


def import_brands(pf: ProjectFile, data: bytes) -> list[str]:
    """Add the names of ``data`` that the project does not hold yet (case and accents
    aside), all or none; returns the names added. Raises :class:`BrandCsvError`
    (nothing changed), or the store's ``ReadOnlyFile`` / ``WriteFailed``."""
    names = parse_brands(data)
    held = {fold(b.name.strip()) for b in pf.project.extra_brands}
    new = [n for n in names if fold(n) not in held]
    with batch(pf, ("extra_brands",)):
        for name in new:
            pf.add_row("extra_brands", name=name)
    return new


__all__ = ["BrandCsvError", "export_brands", "import_brands", "parse_brands"]
