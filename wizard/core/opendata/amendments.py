"""The open data of a published tender and its addenda (issue 21, docs/open-data.md,
"Release identity").

* :func:`published_package` — the OCDS release package once the tender is published:
  the release published with the baseline (its id kept, ``identity``) and the
  ``tenderUpdate`` release of each issued addendum, in order, each with
  ``tender.amendments`` (kept as issued: a release, once published, never changes).
  The package's own metadata (uri, publisher, licence) is today's.
* :func:`addenda_csv` — ``addenda.csv``: one row per change of an issued addendum (a
  moved date, a changed text), the value before and after, so a date moved by an
  addendum shows in the CSVs too (the CSV format of ``csv_export``).
"""

from __future__ import annotations

import copy
from typing import Any

from wizard.core.csv_cells import to_csv
from wizard.core.i18n import N_
from wizard.core.model import Project
from wizard.core.opendata.csv_export import Column, header
from wizard.core.opendata.release import build_package
from wizard.core.publishing.record import Record

ADDENDA_FILE = "addenda.csv"

ADDENDA_COLUMNS: tuple[Column, ...] = (
    Column("addendum", N_("Number of the addendum (1, 2 … in order of issue).")),
    Column("issued_on", N_("Date the addendum was issued (YYYY-MM-DD).")),
    Column(
        "field",
        N_("What the addendum changes, as its address in the project (info.closing_date, criteria:3.text)."),
    ),
    Column("before", N_("The value before the addendum, in the binding language.")),
    Column("after", N_("The value after the addendum, in the binding language.")),
)
"""The columns of ``addenda.csv``, in order."""


def published_package(project: Project, record: Record, changed: str | None = None) -> dict[str, Any]:
    """The release package of a published project (module docstring); the package of
    ``build_package`` when ``record`` is not published."""
    package = build_package(project, changed)
    if record.baseline is None:
        return package
    releases = [record.baseline.release_data()] + [a.release_data() for a in record.issued]
    package["releases"] = copy.deepcopy(releases)
    package["publishedDate"] = max([package["publishedDate"], *(r["date"] for r in releases)])
    return package


def addenda_rows(record: Record, lang: str) -> list[list[str]]:
    """The rows of ``addenda.csv`` (header first), values in ``lang``."""
    rows = [header(ADDENDA_COLUMNS)]
    for addendum in record.issued:
        for change in addendum.changes:
            rows.append(
                [str(addendum.number), addendum.issued_on, change.field, change.old(lang), change.new(lang)]
            )
    return rows


def addenda_csv(record: Record, lang: str) -> bytes:
    """``addenda.csv`` as bytes."""
    return to_csv(addenda_rows(record, lang))
