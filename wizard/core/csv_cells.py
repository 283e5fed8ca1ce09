"""The CSV files the app writes (open data, the market matrix): UTF-8 with a byte order
mark so that spreadsheet programs read the accents, comma separators, CRLF line ends,
minimal quoting, and a guard against formula injection (docs/open-data.md, "Formula
guard").

The guard: a spreadsheet runs a cell that starts with ``=``, ``+``, ``-``, ``@``, a tab
or a carriage return as a formula, and a project file from another town is untrusted
input (OWASP "CSV injection"). Such a cell gets one leading apostrophe, which makes it
text in a spreadsheet. Nothing else is touched, so a data user gets every other value
exactly as typed:

* a plain number (``-2``, ``+15``, ``-3,5``, ``12.5%``) is no formula and is not guarded;
* a value that already starts with apostrophes followed by a formula start
  (``'=A1``) gets one more, so that :func:`unguard_cell` gives back exactly what was
  typed: remove one leading apostrophe when what follows it, after any further
  apostrophes, starts with a formula start and is not a plain number.
"""

from __future__ import annotations

import csv
import io
import re

BOM = "\ufeff"
GUARD = "'"
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"[+-]?(?:\d+(?:[.,]\d+)?|[.,]\d+)%?")


def needs_guard(value: str) -> bool:
    """Whether a spreadsheet could run ``value`` as a formula (module doc)."""
    rest = value.lstrip(GUARD)
    return rest[:1] in FORMULA_START and rest[:1] != "" and not _PLAIN_NUMBER.fullmatch(rest)


def safe_cell(value: str) -> str:
    """``value`` with line breaks as LF and a leading apostrophe when it needs the guard."""
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    return GUARD + value if needs_guard(value) else value


def unguard_cell(cell: str) -> str:
    """The value :func:`safe_cell` guarded: ``unguard_cell(safe_cell(v)) == v`` for any
    ``v`` without a carriage return (line breaks are written as LF)."""
    return cell[1:] if cell.startswith(GUARD) and needs_guard(cell[1:]) else cell


def to_csv(rows: list[list[str]]) -> bytes:
    """Rows as CSV bytes: UTF-8 with BOM, comma, CRLF, minimal quoting (see module doc)."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerows([safe_cell(cell) for cell in row] for row in rows)
    return (BOM + buffer.getvalue()).encode("utf-8")
