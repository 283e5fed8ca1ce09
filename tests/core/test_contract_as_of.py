"""Walk defect 5: ``--as-of`` cuts the entries dated later. The training example's
follow-up as of 2027-09-20 has the value as signed (the amendment is of 4 October
2027), five payments (38 820.75 $; those of 15 November 2027 and 15 March 2028 come
later), and every output (summary, spending, payments.csv, contract.csv, OCDS
transactions, the findings) stands at that day; its clean twin, without --as-of, stands
at the latest entry with everything."""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io
import json
from decimal import Decimal

import pytest
from docx import Document as Docx

from wizard.cli import main as cli_main
from wizard.core.checks.contract import check_contract
from wizard.core.contract import follow_up, record
from wizard.core.project_file.store import ProjectFile


def _text(path) -> str:
    doc = Docx(str(path))
    parts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        for row in table.rows:
            parts.append(" | ".join(cell.text for cell in row.cells))
    return "\n".join(parts)


def _rows(path) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig"))))


@pytest.fixture(scope="module")
def training(tmp_path_factory):
    path = tmp_path_factory.mktemp("asof") / "t.tender"
    assert cli_main(["new", "--example", "training", str(path)]) == 0
    return path


def test_standing_cuts_the_later_entries(training):
    with ProjectFile.open(training, read_only=True) as f:
        contract = record.read(f)
    cut = follow_up.standing(contract, dt.date(2027, 9, 20))
    assert (cut.current_value, cut.paid) == (Decimal("95502.70"), Decimal("38820.75"))
    assert [p.paid_on for p in cut.payments][-1] == "2027-09-15" and cut.amendments == ()
    # the clean twin: as of its latest entry, nothing is cut
    whole = follow_up.standing(contract)
    assert (whole.current_value, whole.paid) == (Decimal("97302.70"), Decimal("41000.75"))
    assert whole == contract
    # an incident started later is not yet one; its resolution after the day not yet recorded
    incident = contract.incidents[0]
    assert incident.started_at.startswith("2027-07-19")
    assert follow_up.standing(contract, dt.date(2027, 7, 18)).incidents == ()
    assert follow_up.standing(contract, dt.date(2027, 7, 19)).incidents[0].resolved_at == incident.resolved_at


def test_the_findings_stand_at_the_day(training):
    with ProjectFile.open(training, read_only=True) as f:
        contract, project = record.read(f), f.project
    # 1 800 $ of amendments on 95 502.70 $ is 1.9 %: below 10 %; a share of 1 % flags it once amended
    low = dataclasses.replace(contract, amendment_share_pct=Decimal(1))
    assert "CT-AMENDMENT-SHARE" in {f.code for f in check_contract(project, low, "2027-10-04")}
    assert "CT-AMENDMENT-SHARE" not in {f.code for f in check_contract(project, low, "2027-10-03")}


def test_export_as_of_stands_at_the_day(training, tmp_path):
    out = tmp_path / "asof"
    assert (
        cli_main(["export", str(training), "--out", str(out), "--lang", "fr", "--as-of", "2027-09-20"]) == 0
    )
    summary = _text(out / "contract-summary-fr.docx")
    assert "À jour au | 20\u00a0septembre\u00a02027" in summary
    assert "Valeur modifiée (avant taxes) | 95\u00a0502,70\u00a0$" in summary
    assert "Payé à ce jour (avant taxes) | 38\u00a0820,75\u00a0$" in summary
    assert "Le contrat n’a pas été modifié." in summary
    spending = _text(out / "spending-fr.docx")
    assert "F-2027-030" in spending and "F-2027-041" not in spending and "F-2028-007" not in spending
    assert [r["paid"] for r in _rows(out / "contract.csv")] == ["38820.75"]
    assert [r["amended_value"] for r in _rows(out / "contract.csv")] == ["95502.70"]
    assert [r["invoice"] for r in _rows(out / "payments.csv")][-1] == "F-2027-030"
    assert _rows(out / "contract-amendments.csv") == []
    release = json.loads((out / "ocds-release-package.json").read_text(encoding="utf-8"))["releases"][-1]
    contract = release["contracts"][0]
    assert contract["value"]["amount"] == 95502.7 and "amendments" not in contract
    assert len(contract["implementation"]["transactions"]) == 5
    # the clean twin: without --as-of, the latest entry (15 March 2028) and everything
    whole = tmp_path / "whole"
    assert cli_main(["export", str(training), "--out", str(whole), "--lang", "fr"]) == 0
    assert [r["paid"] for r in _rows(whole / "contract.csv")] == ["41000.75"]
    assert "Payé à ce jour (avant taxes) | 41\u00a0000,75\u00a0$" in _text(whole / "contract-summary-fr.docx")


def test_billed_is_quantity_times_unit_price_credits_apart(training, tmp_path):
    """Walk defect 6: 10 hours at 95 $ are 950 $ billed; the 50 $ credit is deducted
    apart; 900 $ paid (520 $ + 380 $). Its clean twin: a line with no credit bills what
    is paid."""
    out = tmp_path / "out"
    assert cli_main(["export", str(training), "--out", str(out), "--lang", "fr"]) == 0
    spending = _text(out / "spending-fr.docx")
    assert (
        "Services supplémentaires commandés par la Ville (par heure) | 95,00\u00a0$ | 10 | 950,00\u00a0$ | "
        "50,00\u00a0$ | 900,00\u00a0$" in spending
    )
    assert "Poste | Taux de la soumission | Quantité facturée | Facturé | Crédits déduits | Payé" in spending
    units = {r["line"]: r for r in _rows(out / "unit-prices.csv")}
    hour = units["unit.hour"]
    assert (hour["quantity_billed"], hour["amount_billed"], hour["credit_deducted"], hour["amount_paid"]) == (
        "10",
        "950.00",
        "50.00",
        "900.00",
    )
    assert Decimal(hour["amount_billed"]) == 10 * Decimal(hour["bid_rate"])
    assert (units["unit.user"]["amount_billed"], units["unit.user"]["amount_paid"]) == ("0.00", "0.00")
