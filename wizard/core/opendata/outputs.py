"""The open data of a project, as files (docs/documents.md, "Open data").

:func:`open_data_files` builds, in memory (``export.py`` writes them):

* ``ocds-release-package.json`` — OCDS 1.1.5 release package (``release``),
  checked against the shipped schemas and codelists before anything is written;
* ``vendor-register.csv`` — the publishable entries of the vendor register;
* ``criteria.csv`` — the evaluation criteria (``csv_export`` for the CSV format);
* once the tender is published (``publishing.record.Record``): the package holds the
  published release and each addendum's ``tenderUpdate`` release, and ``addenda.csv``
  lists the addenda's changes (``amendments``);
* once bids are recorded (``bids.record.BidsRecord``): ``bids.csv`` (``bids_csv``), and
  with an award the package's ``award`` and ``contract`` releases (``awards``).

All three are built before any file is written, so a failure leaves the folder as it
was. Personal names are left out unless ``project.export.include_personal_names``.
Guide principle: transparency — publish the process in open, reusable formats.
"""

from __future__ import annotations

import json
from typing import Any

from wizard.core.bids.record import BidsRecord
from wizard.core.model import Project
from wizard.core.model.translatable import localized
from wizard.core.opendata.amendments import ADDENDA_FILE, addenda_csv, published_package
from wizard.core.opendata.common import export_language
from wizard.core.opendata.csv_export import criteria_csv, vendor_register_csv
from wizard.core.opendata.release import build_package
from wizard.core.opendata.schema import validation_errors
from wizard.core.publishing.record import Record

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


def open_data_files(
    project: Project,
    changed: str | None = None,
    record: Record | None = None,
    bids: BidsRecord | None = None,
    follow: Any = None,
) -> dict[str, bytes]:
    """File name → content of every open-data file. ``changed``: the moment of the
    project's latest change (``ProjectFile.last_change``), which dates the release and
    so its id (``identity``); ``None`` when unknown. ``record``: the publication record
    (``publishing.record.read``), if published. ``bids``: the bids record
    (``bids.record.read``): ``bids.csv`` when it holds a bid, the award releases when it
    holds an award. ``follow``: the contract's follow-up (``contract.record.FollowUp``)
    once a contract is signed: the package then ends with its implementation release
    and the follow-up's CSVs are added (``opendata/follow_up.py``). Raises
    :class:`OpenDataError`."""
    published = record is not None and record.published
    package = (
        published_package(project, record, changed)
        if record is not None and published
        else build_package(project, changed)
    )
    if bids is not None and bids.award is not None:
        from wizard.core.opendata.awards import award_releases

        package["releases"] = package["releases"] + award_releases(project, bids, package["releases"][-1])
        package["publishedDate"] = max(r["date"] for r in package["releases"])
    if follow is not None and published:
        from wizard.core.opendata.follow_up import implementation_release

        release = implementation_release(project, follow, package["releases"][-1], export_language(project))
        package["releases"] = [*package["releases"], release]
        package["publishedDate"] = max(package["publishedDate"], release["date"])
    errors = validation_errors(package)
    if errors:
        raise OpenDataError(errors)
    texts = localized(project, export_language(project))  # the CSVs' texts: the binding version
    files = {
        OCDS_FILE: (json.dumps(package, ensure_ascii=False, indent=2) + "\n").encode("utf-8"),
        REGISTER_FILE: vendor_register_csv(texts),
        CRITERIA_FILE: criteria_csv(texts),
    }
    if record is not None and published:
        files[ADDENDA_FILE] = addenda_csv(record, export_language(project))
    if bids is not None and bids.bids:
        from wizard.core.opendata.bids_csv import BIDS_FILE, bids_csv

        files[BIDS_FILE] = bids_csv(project, bids)
    if follow is not None and published:
        from wizard.core.opendata.follow_up import follow_up_csvs

        files.update(follow_up_csvs(project, follow, export_language(project)))
    return files
