"""Write the open data of a project (SPEC §4 "Open data"; §2.10 export).

:func:`write_open_data` writes, into one folder:

* ``ocds-release-package.json`` — OCDS 1.1.5 release package (``ocds_export``),
  checked against the shipped schemas and codelists before anything is written;
* ``vendor-register.csv`` — the publishable entries of the vendor register;
* ``criteria.csv`` — the evaluation criteria (``csv_export`` for the CSV format).

Each file is written atomically (temporary file, then rename: ``atomic.py``), and all
three are built before the first one is written, so a failure leaves the folder as it
was. Personal names are left out unless ``project.export.include_personal_names``.
Guide principle: transparency — publish the process in open, reusable formats.
"""

from __future__ import annotations

import json
from pathlib import Path

from wizard.core.model import Project
from wizard.core.opendata.csv_export import criteria_csv, vendor_register_csv
from wizard.core.opendata.release import build_package
from wizard.core.opendata.schema import validation_errors
from wizard.core.project_file.atomic import write_bytes_atomic

OCDS_FILE = "ocds-release-package.json"
REGISTER_FILE = "vendor-register.csv"
CRITERIA_FILE = "criteria.csv"


class OpenDataError(ValueError):
    """The OCDS package failed validation (a defect of the app); nothing was written.

    ``errors`` lists the problems as ``"<json path>: <message>"``.
    """

    def __init__(self, errors: list[str]) -> None:
        super().__init__("OCDS package invalid: " + "; ".join(errors[:5]))
        self.errors = errors


def open_data_files(project: Project) -> dict[str, bytes]:
    """File name → content of every open-data file. Raises :class:`OpenDataError`."""
    package = build_package(project)
    errors = validation_errors(package)
    if errors:
        raise OpenDataError(errors)
    return {
        OCDS_FILE: (json.dumps(package, ensure_ascii=False, indent=2) + "\n").encode("utf-8"),
        REGISTER_FILE: vendor_register_csv(project),
        CRITERIA_FILE: criteria_csv(project),
    }


def write_open_data(project: Project, out_dir: Path) -> list[Path]:
    """Write the three open-data files into ``out_dir`` (created if missing).

    Returns their paths in the order OCDS, register, criteria. Raises
    :class:`OpenDataError` (nothing written) or ``OSError`` (folder not writable).
    """
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    files = open_data_files(project)
    return [write_bytes_atomic(out_dir / name, data) for name, data in files.items()]
