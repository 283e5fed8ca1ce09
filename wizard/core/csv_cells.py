"""The CSV files the app writes (open data, the market matrix): UTF-8 with a byte order
mark so that spreadsheet programs read the accents, comma separators, CRLF line ends,
minimal quoting, and a leading apostrophe before a cell that would start a formula
(``=``, ``+``, ``-``, ``@``, tab, carriage return), so a received file cannot run one."""

from __future__ import annotations

import csv
import io

BOM = "\ufeff"
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: str) -> str:
    """``value`` with line breaks as LF and a leading apostrophe before a formula start."""
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    return "'" + value if value.startswith(FORMULA_START) else value


def to_csv(rows: list[list[str]]) -> bytes:
    """Rows as CSV bytes: UTF-8 with BOM, comma, CRLF, minimal quoting (see module doc)."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerows([safe_cell(cell) for cell in row] for row in rows)
    return (BOM + buffer.getvalue()).encode("utf-8")
