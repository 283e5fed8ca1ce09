"""The app's findings include those on the bids of a published tender (checks/bids.py),
and a bids record that cannot be read hides none of the others."""

from __future__ import annotations

from wizard.core.bids import intake
from wizard.core.bids.record import Bidder
from wizard.core.checks import run_checks
from wizard.core.examples import load_example_with_publishing
from wizard.core.project_file.store import ProjectFile
from wizard.core.publishing.jsonform import table_rows
from wizard.ui.context import ProjectContext


def _published(tmp_path) -> ProjectFile:
    project, publishing = load_example_with_publishing("training")
    assert publishing is not None
    return ProjectFile.create(tmp_path / "t.tender", project, origin="example", tables=table_rows(publishing))


def test_the_findings_of_a_published_tender_include_its_bids(tmp_path):
    pf = _published(tmp_path)
    # the bid acknowledges the example's addendum 1, else BD-UNACKNOWLEDGED joins in
    intake.add_bid(
        pf, bidder=Bidder("Formation Acadie inc."), received_at="2027-04-16T10:12:00-03:00", acknowledged=[1]
    )
    ctx = ProjectContext(pf)
    try:
        # aside: the bid's missing scores (BD-LOCK-MISSING, before the lock) and addendum 1,
        # which it does not acknowledge (BD-UNACKNOWLEDGED)
        aside = {"BD-LOCK-MISSING", "BD-UNACKNOWLEDGED"}
        [single] = [f for f in ctx.findings() if f.code.startswith("BD-") and f.code not in aside]
        assert single.code == "BD-SINGLE-BID"
        assert "Formation Acadie inc." in single.message("fr") and "R018" in single.message("fr")
    finally:
        ctx.close()


def test_a_bids_record_that_cannot_be_read_hides_no_other_finding(tmp_path, monkeypatch):
    import wizard.core.bids.record as record_module

    pf = _published(tmp_path)
    expected = [f.code for f in run_checks(pf.project)]

    def broken(_pf):
        raise RuntimeError("no such table: bids")

    monkeypatch.setattr(record_module, "read", broken)
    ctx = ProjectContext(pf)
    try:
        codes = [f.code for f in ctx.findings()]
        assert [c for c in codes if not c.startswith("PR-ADDENDUM")] == [
            c for c in expected if not c.startswith("PR-ADDENDUM")
        ]
    finally:
        ctx.close()
