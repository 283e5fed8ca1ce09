"""The award, as a town clerk's walk of the bids phase found it (walk 2026-12-07):

1. the contract value is the awarded bid's price unless stated, reset when the bid
   changes, and a value other than the price is a finding (BD-VALUE-NOT-BID);
2. under Québec's statutory weighted system, an award to a bid without the best final
   score is an error whatever the reason (BD-NOT-BEST-SCORE);
3. a contract signed before the award or inside the standstill period
   (BD-SIGNED-BEFORE-AWARD, BD-SIGNED-IN-STANDSTILL);
4. a payment before the contract's start (CT-PAID-BEFORE-START);
6. a date and time whose day does not exist is told so;
7. two bids from the same bidder (BD-SAME-BIDDER).

Each input that broke something is kept with its right value, beside a clean twin.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from contract_sample import award as contract_award
from contract_sample import published
from quebec_bids_sample import LOCKED, OPENED, create
from quebec_bids_sample import record_bid as quebec_bid

from wizard.core.bids import BidsError, evaluation_entry, intake, opening
from wizard.core.bids.record import Bidder, read
from wizard.core.checks.bids import check_bids
from wizard.core.checks.contract import check_contract
from wizard.core.contract import operations
from wizard.core.contract import record as contract_record
from wizard.core.documents.record_findings import SENTENCES
from wizard.core.i18n import tr


@pytest.fixture
def opened(tmp_path):
    """Québec's statutory grid: A (80, 100 000 $, final 13) and B (72, 90 000 $, final
    13.56, ranked first), both opened; C (65) below the threshold."""
    with create(tmp_path / "qc.tender") as pf:
        a, b = quebec_bid(pf, "A"), quebec_bid(pf, "B")
        quebec_bid(pf, "C")
        evaluation_entry.lock_quality(pf, locked_by="Greffière", at=LOCKED)
        opening.open_envelope(pf, opened_by="Greffière", at=OPENED)
        yield pf, a, b


def _codes(pf) -> list[str]:
    return [f.code for f in check_bids(pf.project, read(pf))]


def _finding(pf, code: str):
    (found,) = [f for f in check_bids(pf.project, read(pf)) if f.code == code]
    return found


# 1. the contract value


def test_the_contract_value_defaults_to_the_awarded_bids_price(opened):
    pf, _a, b = opened
    evaluation_entry.set_award(pf, b, awarded_on="2027-04-26")
    assert read(pf).award.contract_value == Decimal("90000")
    assert "BD-VALUE-NOT-BID" not in _codes(pf)


def test_a_value_stated_for_one_bid_is_not_kept_for_another(opened):
    pf, a, b = opened
    evaluation_entry.set_award(pf, a, contract_value="20000", reason_if_not_top="Erreur")
    assert read(pf).award.contract_value == Decimal("20000")
    evaluation_entry.set_award(pf, b)  # the award switched: the new bid's own price
    assert read(pf).award.contract_value == Decimal("90000")
    evaluation_entry.set_award(pf, b, resolution_number="2027-04-12")  # same bid: kept
    assert read(pf).award.contract_value == Decimal("90000")
    evaluation_entry.set_award(pf, b, contract_value="")  # cleared: back to the price
    assert read(pf).award.contract_value == Decimal("90000")
    evaluation_entry.set_award(pf, None)
    assert read(pf).award.contract_value is None


def test_a_value_other_than_the_bids_price_is_a_finding(opened):
    pf, _a, b = opened
    evaluation_entry.set_award(pf, b, contract_value="30120.45")
    found = _finding(pf, "BD-VALUE-NOT-BID")
    assert found.severity.value == "warning"
    assert found.message("en") == (
        "The contract value, $30,120.45, is not the evaluated price of the bid of Bêta Formation ltée, "
        "$90,000.00: the resolution and the letters would state a price nobody bid. Record the bid's "
        "price, or write in the council's file why the contract is for another amount."
    )
    assert found.message("fr").startswith(
        "La valeur du contrat, 30\u00a0120,45\u00a0$, n’est pas le prix évalué de la soumission de Bêta "
        "Formation ltée, 90\u00a0000,00\u00a0$"
    )
    # the twin: the same amount written otherwise is the bid's price
    evaluation_entry.set_award(pf, b, contract_value="90000.00")
    assert "BD-VALUE-NOT-BID" not in _codes(pf)


# 2. Québec's statutory method


def test_quebec_award_to_a_bid_without_the_best_final_score_is_an_error_even_with_a_reason(opened):
    pf, a, b = opened
    evaluation_entry.set_award(pf, a, reason_if_not_top="Meilleure qualité")
    found = _finding(pf, "BD-NOT-BEST-SCORE")
    assert found.severity.value == "error" and found.field == "bids.award"
    assert "to be confirmed by counsel" in found.message("en")
    assert "à faire confirmer par un conseiller juridique" in found.message("fr")
    assert "BD-NOT-TOP" not in _codes(pf)  # one finding, not two
    evaluation_entry.set_award(pf, b)  # the twin: the best final score
    assert "BD-NOT-BEST-SCORE" not in _codes(pf)


def test_the_award_rule_is_a_sourced_fact_left_to_counsel():
    from wizard.core.domain import quebec

    fact = quebec.fact("evaluation", "award_best_score")
    assert fact.confirmed is False and "legisquebec.gouv.qc.ca" in fact.source
    assert "To be confirmed by counsel" in fact.source


def test_outside_quebec_a_written_reason_still_suffices(tmp_path):
    with published(tmp_path) as pf:
        contract_award(pf)  # the only bid, with a reason
        assert "BD-NOT-BEST-SCORE" not in _codes(pf)


# 3. the signature


def test_a_contract_signed_before_the_award_is_an_error(opened):
    pf, _a, b = opened
    evaluation_entry.set_award(
        pf, b, awarded_on="2027-04-19", standstill_days=10, contract_signed_on="2027-04-17"
    )
    found = _finding(pf, "BD-SIGNED-BEFORE-AWARD")
    assert found.severity.value == "error"
    assert found.message("en").startswith(
        "The contract with Bêta Formation ltée is signed on 2027-04-17, before the award decided on 2027-04-19"
    )
    assert "BD-SIGNED-IN-STANDSTILL" not in _codes(pf)


@pytest.mark.parametrize(
    ("signed", "inside"),
    [("2027-04-19", True), ("2027-04-29", True), ("2027-04-30", False)],
)
def test_a_contract_signed_inside_the_standstill_period(opened, signed, inside):
    pf, _a, b = opened
    evaluation_entry.set_award(pf, b, awarded_on="2027-04-19", standstill_days=10, contract_signed_on=signed)
    assert ("BD-SIGNED-IN-STANDSTILL" in _codes(pf)) is inside
    assert "BD-SIGNED-BEFORE-AWARD" not in _codes(pf)
    if inside:
        assert (
            _finding(pf, "BD-SIGNED-IN-STANDSTILL")
            .message("en")
            .startswith(
                f"The contract with Bêta Formation ltée is signed on {signed}, inside the standstill period "
                "of 10 days that ends on 2027-04-29"
            )
        )


def test_a_standstill_of_one_day_is_said_in_the_singular(opened):
    """Review 2026-12-07: « délai d'attente de 1 jours » / "of 1 days"."""
    pf, _a, b = opened
    evaluation_entry.set_award(
        pf, b, awarded_on="2027-04-19", standstill_days=1, contract_signed_on="2027-04-20"
    )
    found = _finding(pf, "BD-SIGNED-IN-STANDSTILL")
    assert "inside the standstill period of 1 day that ends on 2027-04-20" in found.message("en")
    assert "pendant le délai d’attente de 1\u00a0jour qui prend fin le 2027-04-20" in found.message("fr")


def test_no_standstill_no_finding_on_the_day_of_the_award(opened):
    pf, _a, b = opened
    evaluation_entry.set_award(pf, b, awarded_on="2027-04-19", contract_signed_on="2027-04-19")
    assert not {"BD-SIGNED-IN-STANDSTILL", "BD-SIGNED-BEFORE-AWARD"} & set(_codes(pf))


# 4. a payment before the start


def test_a_payment_before_the_contracts_start_is_a_finding(tmp_path):
    with published(tmp_path) as pf:
        contract_award(pf)
        operations.add_payment(pf, paid_on="2027-05-30", amount="500", invoice_number="F-000")
        operations.add_payment(pf, paid_on="2027-06-01", amount="500", invoice_number="F-001")  # the twin
        contract = contract_record.read(pf)
        assert contract.start_on == "2027-06-01"
        found = [f for f in check_contract(pf.project, contract) if f.code == "CT-PAID-BEFORE-START"]
        assert [f.message("en") for f in found] == [
            "Invoice F-000 was paid on 2027-05-30, before the contract's start (2027-06-01): nothing is "
            "owed for services not yet begun. Correct the date, or record the advance the contract "
            "provides for in the contract's notes."
        ]
        assert found[0].message("fr").startswith("La facture F-000 a été payée le 2027-05-30, avant le début")


# 6. a date and time whose day does not exist


@pytest.mark.parametrize(
    ("value", "en"),
    [
        (
            "2027-02-30T10:00:00-04:00",
            "“2027-02-30” does not exist: the days of February 2027 go from 1 to 28.",
        ),
        (
            "2027-13-01T10:00:00-04:00",
            "“2027-13-01” does not exist: the months go from 01 to 12 (YYYY-MM-DD).",
        ),
        (
            "2027-02-28T10:00:00",
            "“2027-02-28T10:00:00” is not a date and time with its offset from UTC "
            "(for example 2027-02-28T10:12:00-04:00).",  # New Brunswick's offset that day (AST)
        ),
    ],
)
def test_a_moment_whose_day_does_not_exist_is_told_so(tmp_path, value, en):
    with published(tmp_path) as pf:
        with pytest.raises(BidsError) as caught:
            intake.add_bid(pf, bidder=Bidder("Sécuri-Zone inc."), received_at=value)
        assert tr(caught.value.text, "en", **caught.value.params) == en
        assert read(pf).bids == ()


def test_the_lock_and_the_opening_tell_a_day_that_does_not_exist(tmp_path):
    with create(tmp_path / "qc.tender") as pf:
        quebec_bid(pf, "A")
        with pytest.raises(BidsError) as caught:
            evaluation_entry.lock_quality(pf, locked_by="X", at="2027-04-31T09:00:00-03:00")
        error = caught.value
        assert tr(error.text, "en", **error.params) == (
            "“2027-04-31” does not exist: the days of April 2027 go from 1 to 30."
        )
        assert "les jours d’avril\u00a02027 vont de 1 à 30" in tr(error.text, "fr", **error.params)
        assert not read(pf).locked
        evaluation_entry.lock_quality(pf, locked_by="X", at=LOCKED)
        with pytest.raises(BidsError) as caught:
            opening.open_envelope(pf, opened_by="X", at="2027-04-31T14:00:00-03:00")
        assert caught.value.params["value"] == "2027-04-31" and not read(pf).opened


# 7. the same bidder twice


def test_two_bids_under_the_same_legal_name_are_a_warning(tmp_path):
    with published(tmp_path) as pf:
        at = "2027-04-16T10:12:00-03:00"
        one = intake.add_bid(pf, bidder=Bidder("Sécuri-Zone inc."), received_at=at)
        intake.add_bid(pf, bidder=Bidder("Alerte Atlantique ltée"), received_at=at)  # the twin
        assert "BD-SAME-BIDDER" not in _codes(pf)
        two = intake.add_bid(pf, bidder=Bidder("SÉCURI-ZONE  Inc."), received_at=at)
        found = _finding(pf, "BD-SAME-BIDDER")
        assert found.severity.value == "warning" and found.field == f"bids:{two}.bidder"
        assert found.message("en").startswith(
            f"Bids {one}, {two} come from the same bidder, Sécuri-Zone inc.: a bidder submits one bid."
        )
        intake.set_bid(pf, one, withdrawn=True)  # the first withdrawn: replaced, no finding
        assert "BD-SAME-BIDDER" not in _codes(pf)


def test_two_bids_under_the_same_business_number_are_a_warning(tmp_path):
    with published(tmp_path) as pf:
        at = "2027-04-16T10:12:00-03:00"
        intake.add_bid(pf, bidder=Bidder("Sécuri-Zone inc.", "123456789RC0001"), received_at=at)
        intake.add_bid(pf, bidder=Bidder("SZ Sécurité", "123 456 789 RC0001"), received_at=at)
        assert _codes(pf).count("BD-SAME-BIDDER") == 1


def test_every_new_code_has_its_sentence_in_the_record():
    for code in (
        "BD-NOT-BEST-SCORE",
        "BD-VALUE-NOT-BID",
        "BD-SIGNED-BEFORE-AWARD",
        "BD-SIGNED-IN-STANDSTILL",
        "BD-SAME-BIDDER",
        "CT-PAID-BEFORE-START",
    ):
        assert code in SENTENCES


# 5. the OCDS releases of the award, the contract and its implementation


def test_the_releases_after_the_award_say_the_tender_is_complete_and_one_signature_moment(tmp_path):
    import json

    from contract_sample import follow

    from wizard.core.contract import record as follow_record
    from wizard.core.export import output_files
    from wizard.core.opendata.schema import validation_errors
    from wizard.core.publishing.record import read as read_publishing

    with published(tmp_path) as pf:
        contract_award(pf)  # awarded on 2027-05-18, signed on 2027-05-25
        follow(pf)
        files = output_files(
            pf.project,
            changed=pf.last_change(),
            record=read_publishing(pf),
            bids=read(pf),
            follow=follow_record.follow_up(pf),
        )
    package = json.loads(files["ocds-release-package.json"])
    assert validation_errors(package) == []
    releases = package["releases"]
    tags = [r["tag"] for r in releases]
    assert tags[-3:] == [["award"], ["contract"], ["implementation", "contractAmendment"]]
    award, contract, implementation = releases[-3:]
    # the tender as published is active; once the award is made, the tender process is complete
    assert releases[0]["tender"]["status"] == "active"
    assert [r["tender"]["status"] for r in (award, contract, implementation)] == ["complete"] * 3
    # a day on which something happened: its end, in every release, the release's date too
    assert award["date"] == award["awards"][0]["date"] == "2027-05-18T23:59:59-03:00"
    signed = [r["contracts"][0]["dateSigned"] for r in (contract, implementation)]
    assert signed == ["2027-05-25T23:59:59-03:00"] * 2
    assert contract["date"] == "2027-05-25T23:59:59-03:00"
    # starts stay at the start of their day
    assert contract["contracts"][0]["period"]["startDate"] == "2027-06-01T00:00:00-03:00"


# the command line says what the award gets wrong when it is typed


def test_the_award_command_says_a_value_nobody_bid_and_an_early_signature(tmp_path, capsys):
    from wizard.cli import main as cli_main

    path = tmp_path / "training.tender"
    assert cli_main(["new", "--example", "training", str(path)]) == 0
    run = ["bid", str(path), "award", "1"]
    capsys.readouterr()
    assert cli_main([*run, "--value", "30120.45", "--lang", "en"]) == 0
    err = capsys.readouterr().err
    assert err.startswith("WARNING BD-VALUE-NOT-BID bids.award: The contract value, $30,120.45, is not")
    assert cli_main([*run, "--value", "", "--lang", "en"]) == 0  # the twin: back to the bid's price
    assert capsys.readouterr().err == ""
    assert cli_main([*run, "--awarded-on", "2027-05-26", "--lang", "fr"]) == 0  # signed on 2027-05-25
    err = capsys.readouterr().err
    assert err.startswith("ERREUR BD-SIGNED-BEFORE-AWARD bids.award\u00a0: Le contrat avec Apprentissage")


def test_the_add_command_says_the_same_bidder_twice(tmp_path, capsys):
    from wizard.cli import main as cli_main

    path = tmp_path / "emergency.tender"
    assert cli_main(["new", "--example", "emergency-perimeter", str(path)]) == 0
    assert cli_main(["publish", str(path)]) == 0
    add = [
        "bid",
        str(path),
        "add",
        "--name",
        "Sécuri-Zone inc.",
        "--address",
        "x",
        "--lang",
        "en",
        "--received",
    ]
    capsys.readouterr()
    assert cli_main([*add, "2027-03-01T10:00:00-05:00"]) == 0
    assert capsys.readouterr().err == ""
    assert cli_main([*add, "2027-03-01T11:00:00-05:00"]) == 0
    assert capsys.readouterr().err.startswith("WARNING BD-SAME-BIDDER bids:2.bidder: Bids 1, 2 come from")
    assert cli_main([*add, "2027-02-30T10:00:00-05:00"]) == 2
    err = capsys.readouterr().err
    assert "“2027-02-30” does not exist: the days of February 2027 go from 1 to 28." in err
    assert (
        "«\u00a02027-02-30\u00a0» n’existe pas\u00a0: les jours de février\u00a02027 vont de 1 à 28." in err
    )


# the documents: "its bid" only of the bid's own price; the letters give the price bid


def _paragraphs(document) -> str:
    import io

    from docx import Document

    from wizard.core.documents.docx.writer import docx_bytes

    doc = Document(io.BytesIO(docx_bytes(document)))
    cells = [c.text for t in doc.tables for row in t.rows for c in row.cells]
    return "\n".join([p.text for p in doc.paragraphs] + cells)


def test_the_documents_never_call_a_contract_value_its_bid(opened):
    from wizard.core.documents.debriefing import letter_document
    from wizard.core.documents.evaluation_report import report_document

    pf, a, b = opened
    evaluation_entry.set_award(pf, b, contract_value="30120.45", resolution_number="2027-04-88")
    record = read(pf)
    report = _paragraphs(report_document(pf.project, record, "en"))
    assert (
        "for $30,120.45 before taxes, an amount other than the evaluated price of its bid, $90,000.00, in "
        "accordance with the call for tenders;" in report
    )
    assert "in accordance with its bid" not in report
    assert "recommends awarding the contract to Bêta Formation ltée" in report and "for $90,000.00" in report
    french = _paragraphs(report_document(pf.project, record, "fr"))
    assert "montant autre que le prix évalué de sa soumission, 90\u00a0000,00\u00a0$" in french
    import io

    from docx import Document

    from wizard.core.documents.docx.writer import docx_bytes

    letter = Document(io.BytesIO(docx_bytes(letter_document(pf.project, record, record.bid(a), "en"))))
    rows = [[c.text for c in row.cells] for t in letter.tables for row in t.rows]
    # the scores table: the winner's price as bid, beside its final score computed on it
    assert ["Evaluated price", "$100,000.00", "$90,000.00"] in rows
    assert "for $30,120.45 before taxes" in "\n".join(p.text for p in letter.paragraphs)
    # the twin: the bid's own price is "its bid"
    evaluation_entry.set_award(pf, b, contract_value="")
    report = _paragraphs(report_document(pf.project, read(pf), "en"))
    assert "for $90,000.00 before taxes, in accordance with its bid and the call for tenders;" in report


def test_the_award_command_says_an_award_to_a_bid_that_fails(tmp_path, capsys):
    """Review 2026-12-07: an award to a bid that fails a mandatory criterion (the
    training example's bid 2) said nothing on stderr; the winner that passes is the twin."""
    from wizard.cli import main as cli_main

    path = tmp_path / "training.tender"
    assert cli_main(["new", "--example", "training", str(path)]) == 0
    capsys.readouterr()
    # walk 2026-12-07: the example's contract holds its follow-up, which another bid would hide
    assert cli_main(["bid", str(path), "award", "2", "--reason", "Motif", "--lang", "en"]) == 2
    assert "remove them first" in capsys.readouterr().err
    from wizard.core.contract import operations
    from wizard.core.project_file.store import ProjectFile

    kinds = {"A": "amendment", "R": "report", "I": "incident", "P": "payment"}
    with ProjectFile.open(path) as pf:
        for entry in evaluation_entry.follow_up_entries(pf):
            operations.remove(pf, kinds[entry[0]], int(entry[1:]))
    # walk 2026-12-07 (wf-a): such an award is now refused as the late bid's is; the check
    # keeps BD-WINNER-FAILS for a file holding one (test_bids_cli_walk17)
    assert cli_main(["bid", str(path), "award", "2", "--reason", "Motif", "--lang", "en"]) == 2
    assert "Bid 2 fails the mandatory criterion OBL-4" in capsys.readouterr().err
    assert cli_main(["bid", str(path), "award", "1", "--lang", "en"]) == 0
    assert "BD-WINNER-FAILS" not in capsys.readouterr().err


def test_an_award_decided_before_the_closing_is_refused_and_said(tmp_path, capsys):
    """Review of 2026-12-07: ``award 1 --awarded-on 2027-01-01 --resolution-date
    2027-01-01`` on the training example (closing 2027-04-16) was recorded, and ``export``
    wrote a notice of award dated January 1 for a bid received April 16. Refused now, in
    both languages, with the closing's day; a file that already holds one is told by
    ``check`` and gets no notice."""
    from wizard.cli import main as cli_main
    from wizard.core.project_file.store import ProjectFile

    path = tmp_path / "training.tender"
    assert cli_main(["new", "--example", "training", str(path)]) == 0
    run = ["bid", str(path), "award", "1"]
    capsys.readouterr()
    assert (
        cli_main([*run, "--awarded-on", "2027-01-01", "--resolution-date", "2027-01-01", "--lang", "en"]) == 2
    )
    err = capsys.readouterr().err
    assert (
        "The day of the award, 2027-01-01, is before the closing of the call for tenders on 2027-04-16" in err
    )
    assert (
        "Le jour de l’adjudication, 2027-01-01, précède la clôture de l’appel d’offres le 2027-04-16" in err
    )
    assert cli_main([*run, "--resolution-date", "2027-04-15", "--lang", "en"]) == 2
    assert "The resolution's date, 2027-04-15, is before the closing" in capsys.readouterr().err
    with ProjectFile.open(path, read_only=True) as pf:
        assert (read(pf).award.awarded_on, read(pf).award.resolution_date) == ("2027-05-10", "2027-05-10")
    # the clean twin: the closing's day itself
    assert cli_main([*run, "--resolution-date", "2027-04-16", "--lang", "en"]) == 0
    assert "BD-DECIDED-BEFORE-CLOSING" not in capsys.readouterr().err
    # a file that already holds one (recorded before this check): check says it, no notice
    with ProjectFile.open(path) as pf, pf.transaction():
        pf.db.execute("UPDATE award SET awarded_on = '2027-01-01', resolution_date = '2027-01-01'")
    assert cli_main(["check", str(path), "--lang", "en"]) == 1
    out = capsys.readouterr().out
    (line,) = [line for line in out.splitlines() if "BD-DECIDED-BEFORE-CLOSING" in line]
    assert line.startswith("ERROR") and line.split(None, 1)[1].startswith(
        "BD-DECIDED-BEFORE-CLOSING bids.award: The award is decided on 2027-01-01, before the closing of "
        "the call for tenders on 2027-04-16"
    )
    assert cli_main(["export", str(path), "--out", str(tmp_path / "out"), "--lang", "en"]) == 0
    written = sorted(p.name for p in (tmp_path / "out").rglob("*.docx"))
    assert "evaluation-report-en.docx" in written
    assert not [n for n in written if n.startswith("award-notice-")]
