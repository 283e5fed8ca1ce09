"""The follow-up's outputs (issue 23): the documents in the published languages, the
CSVs with the right sums, the OCDS implementation release valid with libcoveocds, names
and trade secrets respected, and what export writes."""

from __future__ import annotations

import csv
import io
import json
from decimal import Decimal

import pytest
from contract_sample import award, follow, published
from docx import Document as Docx
from test_cove import _tools_imported as _tools_imported  # autouse: the IPv6 probe forgiven
from test_cove import cove, needs_cove, needs_zip, problems

from wizard.core.bids import intake
from wizard.core.contract import record
from wizard.core.export import export_all, output_files, planned_outputs
from wizard.core.publishing.record import read as read_publishing


@pytest.fixture
def pf(tmp_path):
    with published(tmp_path) as f:
        award(f)
        follow(f)
        yield f


def _outputs(pf):
    return output_files(
        pf.project, changed=pf.last_change(), record=read_publishing(pf), follow=record.follow_up(pf)
    )


def _rows(data: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))


def _text(data: bytes) -> str:
    doc = Docx(io.BytesIO(data))
    parts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        for row in table.rows:
            parts.append(" | ".join(cell.text for cell in row.cells))
    return "\n".join(parts)


def test_the_sums(pf):
    contract = record.read(pf)
    assert contract.paid == Decimal("41000.75")
    assert contract.current_value == Decimal("97302.70")
    assert contract.credits_due == Decimal("50.00") and contract.credits_taken == Decimal(50)
    assert [p.year for p in contract.payments] == [1] * 7


def test_csvs_carry_the_contract_its_reports_and_payments(pf):
    files = _outputs(pf)
    (row,) = _rows(files["contract.csv"])
    assert row == {
        "supplier": "Formation Acadie inc.",
        "signed_on": "2027-05-25",
        "value": "95502.70",
        "amended_value": "97302.70",
        "start_on": "2027-06-01",
        "end_on": "2030-05-31",
        "renewals_exercised": "0",
        "paid": "41000.75",
        "credits_due": "50.00",
        "credits_taken": "50.00",
        "as_of": "2028-03-15",  # the latest entry: the files say the day they stand at
    }
    (amendment,) = _rows(files["contract-amendments.csv"])
    assert amendment["value_change"] == "1800.00" and amendment["amendment"] == "1"
    performance = _rows(files["performance.csv"])
    assert [(r["period"], r["received_on"], r["credits_due"]) for r in performance[:3]] == [
        ("2027-06", "2027-07-09", "0.00"),
        ("2027-07", "2027-08-13", "50.00"),
        ("2027-08", "", ""),
    ]
    assert performance[1]["incidents"] == "1" and performance[1]["availability_target_pct"] == "99.5"
    assert len(performance) == 9  # June 2027 to February 2028, the months ended by March 15
    payments = _rows(files["payments.csv"])
    assert sum(Decimal(p["amount"]) for p in payments) == Decimal("41000.75")
    units = {r["line"]: r for r in _rows(files["unit-prices.csv"])}
    assert units["unit.hour"] == {
        "line": "unit.hour",
        "bid_rate": "95.00",
        "withheld": "",
        "quantity_billed": "10",
        "amount_billed": "950.00",  # 10 × 95 $: billed; the 50 $ credit apart, 900 $ paid
        "credit_deducted": "50.00",
        "amount_paid": "900.00",
    }
    assert units["unit.user"]["bid_rate"] == "42.50"


def test_a_trade_secret_withholds_the_bids_rates_not_what_was_paid(pf):
    contract = record.read(pf)
    intake.set_bid(pf, contract.bid_id, trade_secret="Unit rates of section D")
    files = _outputs(pf)
    units = {r["line"]: r for r in _rows(files["unit-prices.csv"])}
    assert units["unit.hour"]["bid_rate"] == ""
    assert "Unit rates of section D" in units["unit.hour"]["withheld"]
    assert units["unit.hour"]["amount_billed"] == "950.00"
    text = _text(files["spending-en.docx"])
    assert "Unit rates of section D" in text and "$95.00" not in text
    intake.set_bid(pf, contract.bid_id, trade_secret="Annexe C\u00a0: architecture technique et sécurité")
    units = {r["line"]: r for r in _rows(_outputs(pf)["unit-prices.csv"])}
    assert units["unit.hour"]["bid_rate"] == "95.00" and units["unit.hour"]["withheld"] == ""


def test_the_documents_in_each_published_language(pf):
    files = _outputs(pf)
    names = sorted(n for n in files if n.startswith(("contract-summary", "performance-", "spending-")))
    assert names == [
        f"{k}-{lang}.docx" for k in ("contract-summary", "performance", "spending") for lang in ("en", "fr")
    ]
    summary = _text(files["contract-summary-fr.docx"])
    assert "Formation Acadie inc." in summary
    assert "97\u00a0302,70\u00a0$" in summary and "95\u00a0502,70\u00a0$" in summary
    assert "Valeur modifiée (avant taxes)" in summary
    assert "Value as amended (before taxes) | $97,302.70" in _text(files["contract-summary-en.docx"])
    performance = _text(files["performance-fr.docx"])
    assert "98,4\u00a0%" in performance and "50,00\u00a0$" in performance
    spending = _text(files["spending-fr.docx"])
    assert "41\u00a0000,75\u00a0$" in spending
    doc = Docx(io.BytesIO(files["spending-fr.docx"]))
    assert len(doc.inline_shapes) == 1  # the chart


def test_the_french_documents_read_as_french(pf):
    """Issue 23 follow-up: agreement (« 5 % des frais du mois sont crédités »), the
    typographic apostrophe in headings, and price-form lines by their labels, never
    their machine keys."""
    files = _outputs(pf)
    performance = _text(files["performance-fr.docx"])
    assert "5\u00a0% des frais du mois sont crédités à la Ville" in performance
    assert "L’exécution du contrat" in performance and "L'" not in performance
    spending = _text(files["spending-fr.docx"])
    assert "15\u00a0juin\u00a02027 | F-2027-000 | Abonnements | 12\u00a0000,00\u00a0$" in spending
    assert "Services supplémentaires commandés par la Ville (par heure) | 95,00\u00a0$ | 10 |" in spending
    for text in (spending, _text(files["spending-en.docx"]), performance):
        assert "unit.hour" not in text and "recurring.subscriptions" not in text and "one_off." not in text
    assert (
        "Additional services ordered by the Town (per hour) | $95.00 | 10 | $950.00 | $50.00 | $900.00"
        in _text(files["spending-en.docx"])
    )


def test_personal_names_are_withheld_from_free_texts(pf):
    from wizard.core.contract import operations
    from wizard.core.opendata.common import personal_names

    name = personal_names(pf.project)[0]
    operations.add_amendment(pf, amended_on="2027-12-01", reason=f"Asked by {name}", value_change="10")
    files = _outputs(pf)
    assert name not in files["contract-amendments.csv"].decode("utf-8-sig")
    assert name not in _text(files["contract-summary-fr.docx"])
    assert "Julie Leblanc" not in json.dumps(json.loads(files["ocds-release-package.json"]))


def test_the_implementation_release(pf):
    package = json.loads(_outputs(pf)["ocds-release-package.json"])
    release = package["releases"][-1]
    assert release["tag"] == ["implementation", "contractAmendment"]
    assert release["date"] > package["releases"][-2]["date"]
    (contract,) = release["contracts"]
    assert contract["value"] == {"amount": 97302.7, "currency": "CAD"}
    transactions = contract["implementation"]["transactions"]
    assert len(transactions) == 7
    assert sum(Decimal(str(t["value"]["amount"])) for t in transactions) == Decimal("41000.75")
    milestones = contract["implementation"]["milestones"]
    assert [m["status"] for m in milestones[:3]] == ["met", "met", "notMet"]
    assert contract["amendments"][0]["rationale"].startswith("Deux séances de formation supplémentaires")
    assert contract["amendments"][0]["description"] == "Valeur augmentée de 1\u00a0800,00\u00a0$."
    supplier = next(p for p in release["parties"] if "supplier" in p["roles"])
    assert supplier["name"] == "Formation Acadie inc."


@needs_cove
@needs_zip
def test_the_package_with_the_implementation_is_clean_for_cove(pf, tmp_path):
    package = json.loads(_outputs(pf)["ocds-release-package.json"])
    assert problems(cove(package, tmp_path)) == {}


def test_export_writes_the_follow_up_and_plans_it(pf, tmp_path):
    out = tmp_path / "out"
    follow_up = record.follow_up(pf)
    publishing = read_publishing(pf)
    written = export_all(pf.project, out, changed=pf.last_change(), record=publishing, follow=follow_up)
    names = {p.name for p in written}
    assert {
        "contract.csv",
        "payments.csv",
        "unit-prices.csv",
        "performance-fr.docx",
        "spending-fr.docx",
    } <= names
    assert {p.name for p in planned_outputs(pf.project, out, record=publishing, follow=follow_up)} == names


def test_the_spending_chart_is_a_stable_png_in_each_language(pf):
    from wizard.core.contract.follow_up import spending_by_year
    from wizard.core.documents.spending_chart import spending_chart_png

    found = record.follow_up(pf)
    years = spending_by_year(pf.project, found.contract, found.yearly)
    assert [y.paid for y in years] == [Decimal("41000.75"), 0, 0, 0, 0]
    fr = spending_chart_png(years, "fr", width_cm=8, dpi=60)
    assert fr.startswith(b"\x89PNG") and fr == spending_chart_png(years, "fr", width_cm=8, dpi=60)
    assert fr != spending_chart_png(years, "en", width_cm=8, dpi=60)


@needs_cove
@needs_zip
def test_the_training_example_follows_its_contract(tmp_path, capsys):
    """Issue 23 point 6 and its acceptance: the bundled example carries a signed contract,
    one amendment, two reports and a year of payments; ``export`` writes the follow-up's
    documents and CSVs, and its OCDS package carries the implementation, clean for CoVE."""
    from wizard.cli import main as cli_main
    from wizard.core.project_file.store import ProjectFile

    path = tmp_path / "training.tender"
    assert cli_main(["new", "--example", "training", str(path)]) == 0
    with ProjectFile.open(path, read_only=True) as f:
        contract = record.read(f)
    assert contract.supplier == "Apprentissage Fundy inc."
    assert (len(contract.amendments), len(contract.reports), len(contract.payments)) == (1, 2, 7)
    assert contract.paid == Decimal("41000.75") and contract.current_value == Decimal("97302.70")
    out = tmp_path / "out"
    assert cli_main(["export", str(path), "--out", str(out)]) == 0
    names = {p.name for p in out.iterdir()}
    assert {
        "contract-summary-fr.docx",
        "performance-en.docx",
        "spending-fr.docx",
        "contract.csv",
        "contract-amendments.csv",
        "performance.csv",
        "payments.csv",
        "unit-prices.csv",
    } <= names
    package = json.loads((out / "ocds-release-package.json").read_text(encoding="utf-8"))
    implementation = package["releases"][-1]["contracts"][0]["implementation"]
    assert len(implementation["transactions"]) == 7
    assert problems(cove(package, tmp_path)) == {}
    units = {r["line"]: r for r in _rows((out / "unit-prices.csv").read_bytes())}
    assert units["unit.hour"]["bid_rate"] == "95.00"  # its designation is the technical annex, not prices


def test_the_implementation_follows_the_awards_contract_release_with_its_ids(pf):
    """Once the award's ``contract`` release precedes (issue 22's outputs), the
    implementation amends that very contract: same award, contract and supplier ids."""
    from wizard.core.opendata.follow_up import implementation_release

    package = json.loads(_outputs(pf)["ocds-release-package.json"])
    previous = dict(package["releases"][-2])
    previous["parties"] = [
        *previous["parties"],
        {"id": "CA-CRA_ACR-123456789", "name": "X", "roles": ["supplier"]},
    ]
    previous["awards"] = [
        {"id": "7", "status": "active", "suppliers": [{"id": "CA-CRA_ACR-123456789", "name": "X"}]}
    ]
    previous["contracts"] = [{"id": "9", "awardID": "7", "status": "active"}]
    release = implementation_release(pf.project, record.follow_up(pf), previous, "fr")
    (contract,) = release["contracts"]
    assert (contract["id"], contract["awardID"]) == ("9", "7")
    assert release["awards"] == previous["awards"]
    assert contract["implementation"]["transactions"][0]["payee"] == {
        "id": "CA-CRA_ACR-123456789",
        "name": "X",
    }
    supplier = next(p for p in release["parties"] if p["id"] == "CA-CRA_ACR-123456789")
    assert supplier["roles"] == ["supplier", "payee"]


def test_check_and_the_documents_judge_reports_on_the_same_day(tmp_path, capsys, monkeypatch):
    """Issue 23 follow-up: the training example's latest entry is the payment of
    2028-03-15 (``contract.follow_up.as_of``); with the clock before it (here 2027-01-01:
    a follow-up is never judged before what it records) ``check`` stands there too. Its
    reports of June and July 2027 are recorded; August 2027 to January 2028 are past
    due: ``check`` calls them missing and the performance document says "not received";
    February 2028, due 2028-03-15, is "not yet due" and not missing. ``--as-of`` moves
    both to another day."""
    from wizard.cli import commands
    from wizard.cli import main as cli_main

    monkeypatch.setattr(commands, "_today", lambda: "2027-01-01")

    path = tmp_path / "training.tender"
    assert cli_main(["new", "--example", "training", str(path)]) == 0
    capsys.readouterr()
    missing = "2027-08, 2027-09, 2027-10, 2027-11, 2027-12, 2028-01"
    cli_main(["check", str(path), "--lang", "en"])
    assert f"The performance reports for {missing} are past due" in capsys.readouterr().out
    assert cli_main(["contract", str(path), "show", "--lang", "en"]) == 0
    assert f"CT-REPORT-MISSING The performance reports for {missing} are past due" in capsys.readouterr().out
    out = tmp_path / "out"
    assert cli_main(["export", str(path), "--out", str(out), "--lang", "en"]) == 0
    rows = {
        row.cells[0].text: row.cells[2].text
        for table in Docx(str(out / "performance-en.docx")).tables
        for row in table.rows
        if row.cells[0].text.startswith("202")
    }
    assert [p for p, text in rows.items() if text == "not received"] == missing.split(", ")
    assert rows["2028-02"] == "not yet due"
    capsys.readouterr()
    cli_main(["check", str(path), "--lang", "en", "--as-of", "2028-04-16"])
    assert f"The performance reports for {missing}, 2028-02, 2028-03 are past due" in capsys.readouterr().out
    out = tmp_path / "later"
    assert cli_main(["export", str(path), "--out", str(out), "--lang", "en", "--as-of", "2028-04-16"]) == 0
    rows = {
        row.cells[0].text: row.cells[2].text
        for table in Docx(str(out / "performance-en.docx")).tables
        for row in table.rows
        if row.cells[0].text.startswith("202")
    }
    assert (rows["2028-02"], rows["2028-03"]) == ("not received", "not received")  # March due 2028-04-15
    assert cli_main(["check", str(path), "--as-of", "2028-13-01"]) == 2
    assert "2028-13-01" in capsys.readouterr().err


def _performance_rows(path) -> dict[str, str]:
    return {
        row.cells[0].text: row.cells[2].text
        for table in Docx(str(path)).tables
        for row in table.rows
        if row.cells[0].text.startswith("202")
    }


def test_check_and_show_stand_at_today_an_export_at_the_latest_entry(tmp_path, capsys, monkeypatch):
    """Issue 23 follow-up, "as of": on 2028-04-20 the training example's reports of
    February 2028 (due 2028-03-15) and March 2028 (due 2028-04-15) are past due today
    but not at its latest entry (2028-03-15). ``check`` and ``contract show`` judge as
    of today and call them missing; ``export`` stands at the latest entry, whatever the
    clock says, so the same file exports the same documents any day."""
    from wizard.cli import commands
    from wizard.cli import main as cli_main

    path = tmp_path / "training.tender"
    assert cli_main(["new", "--example", "training", str(path)]) == 0
    monkeypatch.setattr(commands, "_today", lambda: "2028-04-20")
    capsys.readouterr()
    missing = "2027-08, 2027-09, 2027-10, 2027-11, 2027-12, 2028-01, 2028-02, 2028-03"
    cli_main(["check", str(path), "--lang", "en"])
    assert f"The performance reports for {missing} are past due" in capsys.readouterr().out
    assert cli_main(["contract", str(path), "show", "--lang", "fr"]) == 0
    out = capsys.readouterr().out
    assert (
        "Constats en date du 2028-04-20\u00a0:" in out
        and f"Les rapports de rendement de {missing} sont" in out
    )
    assert cli_main(["export", str(path), "--out", str(tmp_path / "a"), "--lang", "en"]) == 0
    monkeypatch.setattr(commands, "_today", lambda: "2029-01-01")
    assert cli_main(["export", str(path), "--out", str(tmp_path / "b"), "--lang", "en"]) == 0
    rows = _performance_rows(tmp_path / "a" / "performance-en.docx")
    assert rows["2028-02"] == "not yet due" and "2028-03" not in rows
    assert rows == _performance_rows(tmp_path / "b" / "performance-en.docx")
    assert _rows((tmp_path / "b" / "contract.csv").read_bytes())[0]["as_of"] == "2028-03-15"
    for name in ("performance.csv", "payments.csv", "contract.csv"):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()


def test_the_follow_up_documents_read_as_an_auditor_expects(pf):
    """Issue 23 follow-up, a fresh look at the training example's documents: the unit
    prices' "Billed" is each invoice's total (10 hours × 95 $ = 950 $: 520 $ paid + 50 $
    of credit, then 380 $), not only what was paid; English writes "1.9%" without a
    space; an amendment that leaves the term alone says "—", not "0 months"; an
    incident's start is written as the tender writes its moments, in the Town's zone."""
    files = _outputs(pf)
    spending = _text(files["spending-en.docx"])
    assert "Additional services ordered by the Town (per hour) | $95.00 | 10 | $950.00" in spending
    assert "10 | 950,00\u00a0$" in _text(files["spending-fr.docx"])
    summary = _text(files["contract-summary-en.docx"])
    assert "by $1,800.00 (1.9% of the value when signed); the Town's share for amendments is 10%." in summary
    assert "| $1,800.00 | —" in summary and "0 months" not in summary
    assert "1,9\u00a0%" in _text(files["contract-summary-fr.docx"])
    assert "N° | Date | Motif de la modification | Valeur | Durée" in _text(files["contract-summary-fr.docx"])
    performance = _text(files["performance-en.docx"])
    assert "July\u00a019, 2027, 7:40\u00a0a.m. Atlantic Time | Critical" in performance
    assert "at least 99.5% of the time" in performance and "| 99.82% |" in performance
    assert " %" not in performance and " %" not in summary
    french = _text(files["performance-fr.docx"]).replace("\u00a0", " ")
    assert "19 juillet 2027, 7 h 40 (heure de l’Atlantique) | Critique" in french


def test_a_document_in_the_other_language_says_its_quoted_entries_are_as_recorded(pf):
    """The follow-up's entries (an amendment's reason, an incident's description) have
    no translation: a document in the other language than the project's texts says they
    are quoted as recorded, in their language; one in that language does not."""
    files = _outputs(pf)
    note_en = "reproduced in their original language, French, as they were recorded."
    note_fr = "reproduites dans leur langue d’origine"
    for kind in ("contract-summary", "performance", "spending"):
        assert note_en in _text(files[f"{kind}-en.docx"]), kind
        assert note_fr not in _text(files[f"{kind}-fr.docx"]), kind


def test_a_document_quoting_no_entry_says_nothing_of_their_language(tmp_path):
    """Without an amendment, the contract summary quotes no recorded text: it does not
    claim to."""
    with published(tmp_path) as f:
        award(f)
        files = _outputs(f)
    assert "original language" not in _text(files["contract-summary-en.docx"])


def _words(element) -> str:
    from docx.oxml.ns import qn

    return "".join(t.text or "" for t in element.iter(qn("w:t")))


def _closing(data: bytes):
    """The last block of a DOCX's body (its final ``w:sectPr`` apart)."""
    from docx.oxml.ns import qn

    body = Docx(io.BytesIO(data)).element.body
    return [element for element in body if element.tag != qn("w:sectPr")][-2:]


def test_a_document_ending_with_a_table_ends_with_a_one_point_line():
    """A walk's spending document (training example) ended on a page holding only its
    header: the blank spacer after its last table did not fit under it. The spacer after
    a final table is now 1 pt high with no spacing; a document ending with text keeps its
    last paragraph as it is."""
    from docx.oxml.ns import qn

    from wizard.core.documents.blocks import Document, Paragraph, Table
    from wizard.core.documents.docx.writer import docx_bytes

    def doc(*blocks):
        return docx_bytes(
            Document("en", "T", "Town", "R-1", "Header", "Page {page} of {pages}", list(blocks))
        )

    table = Table([["A", "B"]], [["1", "2"]])
    before, last = _closing(doc(Paragraph("Intro"), table))
    assert before.tag == qn("w:tbl") and last.tag == qn("w:p") and _words(last) == ""
    spacing = last.find(f"{qn('w:pPr')}/{qn('w:spacing')}")
    assert (spacing.get(qn("w:line")), spacing.get(qn("w:lineRule")), spacing.get(qn("w:after"))) == (
        "20",
        "exact",
        "0",
    )
    assert last.find(f"{qn('w:pPr')}/{qn('w:rPr')}/{qn('w:sz')}").get(qn("w:val")) == "2"
    # the clean twin: text after the table, the spacer between them left a normal line
    spacer, last = _closing(doc(table, Paragraph("The end.")))
    assert _words(last) == "The end." and last.find(f".//{qn('w:spacing')}") is None
    assert spacer.tag == qn("w:p") and spacer.find(qn("w:pPr")) is None


def test_the_spending_chart_caption_does_not_repeat_its_title(pf):
    """The chart draws its title ("Spending by contract year (CAD, before taxes)"); the
    caption under it said the same words again. It now says how to read the chart; the
    document ends on its unit prices' table with the 1 pt closing line."""
    from docx.oxml.ns import qn

    files = _outputs(pf)
    for lang, title, caption in (
        (
            "en",
            "Spending by contract year (CAD, before taxes)",
            "The bars are what was paid in each contract year",
        ),
        ("fr", "Dépenses par année du contrat ($ CA, avant taxes)", "Les barres indiquent ce qui a été payé"),
    ):
        data = files[f"spending-{lang}.docx"]
        captions = [p.text for p in Docx(io.BytesIO(data)).paragraphs if p.style.name == "Caption"]
        assert len(captions) == 1 and captions[0].startswith(caption) and title not in captions[0], lang
        table, last = _closing(data)
        assert table.tag == qn("w:tbl") and last.find(f".//{qn('w:sz')}").get(qn("w:val")) == "2", lang


def test_a_reduction_has_the_minus_sign_in_french_and_a_hyphen_in_the_data(pf):
    """An amendment reducing the value: the French summary writes "−500,00 $" with the
    minus sign (U+2212, ``formats.MINUS``), the English one "-$500.00"; the CSV keeps the
    machine value "-500.00" and the OCDS release its number. The increase (+1 800 $)
    beside it has no sign."""
    from wizard.core.contract import operations

    operations.add_amendment(pf, amended_on="2027-11-01", reason="Une séance annulée", value_change="-500")
    files = _outputs(pf)
    french = _text(files["contract-summary-fr.docx"])
    assert "| \u2212500,00\u00a0$ |" in french and "| 1\u00a0800,00\u00a0$ |" in french
    assert "-500" not in french
    assert "| -$500.00 |" in _text(files["contract-summary-en.docx"])
    assert [r["value_change"] for r in _rows(files["contract-amendments.csv"])] == ["1800.00", "-500.00"]
    assert "\u2212" not in files["contract-amendments.csv"].decode("utf-8-sig")
    assert "\u2212" not in files["ocds-release-package.json"].decode("utf-8")


def test_the_unit_prices_heading_never_stands_alone(pf):
    """A bid without unit-rate lines and payments billed on its fixed lines only: the
    spending document's "Unit prices" heading says so instead of ending the document on a
    bare heading. The clean twin, the sample's unit rates, shows the table."""
    import dataclasses

    from wizard.core.documents.blocks import Heading, Paragraph, Table
    from wizard.core.documents.follow_up import spending_blocks

    follow = record.follow_up(pf)
    contract = dataclasses.replace(
        follow.contract,
        payments=tuple(dataclasses.replace(p, line_key="") for p in follow.contract.payments),
    )
    bare = dataclasses.replace(follow, rates={}, contract=contract)
    for lang, said in (
        ("en", "No payment was billed at a unit price of the bid."),
        ("fr", "Aucun paiement n’a été facturé à un prix unitaire de la soumission."),
    ):
        blocks = spending_blocks(pf.project, bare, lang)
        assert isinstance(blocks[-2], Heading) and isinstance(blocks[-1], Paragraph), lang
        assert blocks[-1].text == said, lang
        assert isinstance(spending_blocks(pf.project, follow, lang)[-1], Table), lang
