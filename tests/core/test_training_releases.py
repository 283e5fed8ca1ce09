"""The OCDS releases the bundled example ``training`` keeps are dated by its own days,
not by the clock of the run that made them (walk 2026-12-07): the ``tender`` release by
its publication day and the addendum's ``tenderUpdate`` by its issue day, each at the end
of the day in the Town's zone, as ``publish`` and ``addenda.issue`` date them now; so
their ids, derived from their content, no longer depend on when the example was made
(``tools/training_releases.py``)."""

from __future__ import annotations

import copy
import importlib.util
import json
from pathlib import Path

from wizard.core.opendata.identity import release_digest
from wizard.core.paths import resource_path

TOOL = Path(__file__).resolve().parents[2] / "tools" / "training_releases.py"
TENDER_ID = "ocds-213czf-RAP-2027-TI-07-tender-13177529a8b4"
UPDATE_ID = "ocds-213czf-RAP-2027-TI-07-tenderUpdate-925ab27aca7c"


def _tool():
    spec = importlib.util.spec_from_file_location("training_releases", TOOL)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _publishing() -> dict:
    return json.loads(resource_path("examples", "training.json").read_text(encoding="utf-8"))["publishing"]


def test_the_stored_releases_are_dated_by_the_example_days():
    record = _publishing()
    tender = record["release"]
    (addendum,) = record["addenda"]
    update = addendum["release"]
    assert (record["published_on"], tender["date"]) == ("2027-03-01", "2027-03-01T23:59:59-04:00")
    assert (addendum["issued_on"], update["date"]) == ("2027-03-12", "2027-03-12T23:59:59-04:00")
    assert (tender["id"], update["id"]) == (TENDER_ID, UPDATE_ID)
    (amendment,) = update["tender"]["amendments"]
    assert amendment == {
        "id": "1",
        "date": "2027-03-12T23:59:59-04:00",
        "rationale": "Addendum 1",
        "amendsReleaseID": TENDER_ID,
        "releaseID": UPDATE_ID,
    }
    assert tender["id"].endswith(release_digest(tender))


def test_dating_them_again_changes_nothing():
    record = _publishing()
    assert _tool().redated(record) == record


def test_a_release_left_at_a_clock_time_is_dated_by_its_day_again():
    record = _publishing()
    clocked = copy.deepcopy(record)
    clocked["release"]["date"] = "2027-03-01T10:00:00-04:00"
    clocked["addenda"][0]["release"]["date"] = "2027-03-12T11:00:00-04:00"
    clocked["addenda"][0]["release"]["tender"]["amendments"][0]["date"] = "2027-03-12T11:00:00-04:00"
    assert clocked != record
    assert _tool().redated(clocked) == record
