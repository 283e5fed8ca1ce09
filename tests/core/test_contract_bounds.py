"""Walk defect 2: every value the follow-up cannot compute is refused before anything is
saved (a bilingual ``ContractError``), and a file that already holds one (written before
the refusal, or by hand) never makes ``contract show``, ``check`` or ``export`` fail: the
entry is set aside and ``CT-ENTRY-INVALID`` names it."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest
from contract_sample import award, published

from wizard.cli import main as cli_main
from wizard.core.checks.contract import check_contract
from wizard.core.contract import ContractError, operations, record
from wizard.core.project_file.store import ProjectFile


@pytest.fixture
def signed(tmp_path):
    with published(tmp_path) as f:
        award(f)
        yield f


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (
            lambda f: operations.add_amendment(
                f, amended_on="2027-12-01", reason="x", term_change_months=99999
            ),
            "1 to 780 months",
        ),
        (
            lambda f: operations.add_amendment(
                f, amended_on="2027-12-01", reason="x", term_change_months=-36
            ),
            "would last 0 months",
        ),
        (lambda f: operations.set_terms(f, term_years=8000), "from 1 to 15"),
        (lambda f: operations.set_terms(f, renewals_exercised=11), "from 0 to 10"),
        (lambda f: operations.set_terms(f, report_days=400), "from 0 to 365"),
        (lambda f: operations.set_terms(f, start_on="9999-01-01"), "outside the follow-up's range"),
        (lambda f: operations.set_terms(f, monthly_fee="1e400"), "from 0 to 1,000,000,000"),
        (
            lambda f: operations.add_payment(f, paid_on="2027-10-01", amount="1e400", invoice_number="N3"),
            "from 0 to 1,000,000,000",
        ),
        (
            lambda f: operations.add_payment(
                f, invoice_number="T-1", paid_on="2027-10-01", amount="10", credit="2e9"
            ),
            "from 0 to 1,000,000,000",
        ),
        (
            lambda f: operations.add_payment(f, invoice_number="T-2", paid_on="2207-10-01", amount="10"),
            "outside the follow-up's range",
        ),
        (
            lambda f: operations.add_amendment(f, amended_on="2027-12-01", reason="x", value_change="-1e12"),
            "between −1,000,000,000 and 1,000,000,000",
        ),
        (
            lambda f: operations.add_report(f, period="2227-06", received_on="2227-07-10"),
            "outside the follow-up's range",
        ),
        (
            lambda f: operations.add_report(
                f, period="2027-06", received_on="2027-07-10", availability_pct="nan"
            ),
            "not a percentage from 0 to 100",
        ),
        (
            lambda f: operations.add_incident(f, started_at="2299-07-01T10:00:00-03:00"),
            "outside the follow-up's range",
        ),
    ],
)
def test_a_value_the_follow_up_cannot_compute_is_refused_and_nothing_saved(signed, call, message):
    with pytest.raises(ContractError, match=message) as caught:
        call(signed)
    assert " / " in str(caught.value)  # bilingual: French / English
    contract = record.read(signed)
    assert (contract.amendments, contract.payments, contract.reports, contract.incidents) == ((), (), (), ())
    assert (contract.term_years, contract.renewals_exercised, contract.end_on) == (3, 0, "2030-05-31")
    assert contract.set_aside == ()


def test_the_clean_twins_are_taken(signed):
    operations.add_amendment(
        signed, amended_on="2027-12-01", reason="x", term_change_months=12, value_change="1"
    )
    operations.set_terms(signed, term_years=15, renewals_exercised=10, report_days=365, monthly_fee="1000")
    operations.add_payment(signed, paid_on="2027-10-01", amount="999999999", invoice_number="N3")
    contract = record.read(signed)
    assert contract.term_months == 12 * (15 + 10) + 12 and contract.end_on == "2053-05-31"
    assert contract.paid == Decimal(999999999) and contract.set_aside == ()
    assert "CT-ENTRY-INVALID" not in {f.code for f in check_contract(signed.project, contract)}


def test_a_stored_value_out_of_bounds_is_set_aside_as_a_finding(tmp_path, capsys):
    """The JSON ``load`` path keeps what it is given (a file written before the
    refusals): ``contract show``, ``check`` and ``export`` still work, the entry is left
    out of the totals and named by ``CT-ENTRY-INVALID``."""
    source = tmp_path / "t.tender"
    assert cli_main(["new", "--example", "training", str(source)]) == 0
    dumped = tmp_path / "t.json"
    assert cli_main(["dump", str(source), "--out", str(dumped)]) == 0
    data = json.loads(dumped.read_text(encoding="utf-8"))
    follow = data["contract"]
    follow["amendments"].append(
        {"id": 9, "amended_on": "2027-12-01", "reason": "x", "value_change": "1", "term_change_months": 99999}
    )
    follow["payments"].append({**follow["payments"][0], "id": 20, "invoice_number": "N3", "amount": "1E+400"})
    follow["terms"]["term_years"] = 8000
    dumped.write_text(json.dumps(data), encoding="utf-8")
    loaded = tmp_path / "l.tender"
    assert cli_main(["load", str(dumped), str(loaded)]) == 0
    with ProjectFile.open(loaded, read_only=True) as f:
        contract = record.read(f)
        project = f.project
    assert [(s.entry, s.field, s.value) for s in contract.set_aside] == [
        ("terms", "term_years", "8000"),
        ("A9", "term_change_months", "99999"),
        ("P20", "amount", "1E+400"),
    ]
    # the valid entries stand: 41 000.75 $ paid, 97 302.70 $ as amended, the default term
    assert contract.paid == Decimal("41000.75") and contract.current_value == Decimal("97302.70")
    assert contract.end_on == "2030-05-31"
    codes = [f.code for f in check_contract(project, contract)]
    assert codes.count("CT-ENTRY-INVALID") == 3
    capsys.readouterr()
    assert cli_main(["check", str(loaded), "--lang", "en"]) == 1
    out = capsys.readouterr().out
    assert (
        "Entry P20 of the contract's follow-up holds a value the follow-up cannot use (Amount: “1E+400”)"
        in out
    )
    assert "The contract's terms hold a value the follow-up cannot use (Initial term (years): “8000”)" in out
    assert cli_main(["check", str(loaded), "--lang", "fr"]) == 1
    out = capsys.readouterr().out
    assert "(Durée initiale (années)\u00a0: «\u00a08000\u00a0»)" in out and "term_years" not in out
    assert cli_main(["contract", str(loaded), "show", "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "CT-ENTRY-INVALID" in out
    # each entry set aside is listed in its section by its number, to be taken out
    assert (
        "A9\tset aside: the follow-up cannot use its Term change (months) “99999”; take it out with “remove”"
        in out
    )
    assert "P20\tset aside: the follow-up cannot use its Amount “1E+400”" in out
    assert out.index("P20\tset aside") > out.index("Payments")
    assert cli_main(["contract", str(loaded), "remove", "payment", "P20"]) == 0
    assert "P20\t" not in capsys.readouterr().out
    assert cli_main(["export", str(loaded), "--out", str(tmp_path / "out"), "--lang", "fr"]) in (0, 1)
    assert (tmp_path / "out" / "contract.csv").read_text(encoding="utf-8").splitlines()[1].split(",")[
        7
    ] == "41000.75"


# Walk defect 7: a report before the start, a payment after the term's end


def test_a_report_for_a_month_before_the_start_is_refused(signed):
    """Signed 2027-05-25, the contract starts 2027-06-01: May 2027 is no month of it."""
    with pytest.raises(
        ContractError, match=r"2027-05 precedes the contract's start \(2027-06-01\)"
    ) as caught:
        operations.add_report(signed, period="2027-05", received_on="2027-06-01", availability_pct="80")
    assert "Le rapport de 2027-05 précède le début du contrat (2027-06-01)" in str(caught.value)
    assert record.read(signed).reports == ()
    # the clean twin: the first month of the contract
    operations.add_report(signed, period="2027-06", received_on="2027-07-01", availability_pct="99.9")
    assert [r.period for r in record.read(signed).reports] == ["2027-06"]


def test_a_payment_after_the_terms_end_is_a_finding(signed):
    """The term ends 2030-05-31 (3 years from 2027-06-01); with one renewal of a year,
    2031-05-31."""
    operations.add_payment(signed, paid_on="2030-05-31", amount="5", invoice_number="LAST")
    contract = record.read(signed)
    assert "CT-PAID-AFTER-END" not in {f.code for f in check_contract(signed.project, contract)}
    operations.add_payment(signed, paid_on="2035-01-01", amount="5", invoice_number="LATE-1")
    found = {f.code: f for f in check_contract(signed.project, record.read(signed))}
    assert found["CT-PAID-AFTER-END"].message("en") == (
        "Invoice LATE-1 was paid on 2035-01-01, after the end of the contract's term (2030-05-31, renewals "
        "and amendments included): record the renewal or the amendment that extends the term, or correct "
        "the date; the follow-up and its documents stand at the latest entry, 2035-01-01."
    )
    operations.set_terms(signed, renewals_exercised=1)
    operations.add_amendment(signed, amended_on="2030-01-01", reason="r", term_change_months=44)
    assert record.read(signed).end_on == "2035-01-31"
    assert "CT-PAID-AFTER-END" not in {f.code for f in check_contract(signed.project, record.read(signed))}


def test_a_stored_report_before_the_start_is_set_aside(signed):
    signed.db.table("performance_reports").insert(
        {"period": "2027-03", "received_on": "2027-06-01", "availability_pct": "80", "credits_due": "300"}
    )
    contract = record.read(signed)
    assert contract.reports == () and contract.credits_due == 0
    assert [(s.entry[:1], s.field, s.value) for s in contract.set_aside] == [("R", "period", "2027-03")]


# Walk defect 3: a wrong entry taken out from the command line


def test_the_command_line_removes_an_entry(tmp_path, capsys):
    path = tmp_path / "t.tender"
    assert cli_main(["new", "--example", "training", str(path)]) == 0
    capsys.readouterr()
    assert cli_main(["contract", str(path), "remove", "payment", "P7", "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Removed: payment P7.\n")  # one line confirming it, before the contract
    assert "F-2028-007" not in out and "P6\t2027-11-15\tF-2027-041" in out
    assert cli_main(["contract", str(path), "remove", "amendment", "1"]) == 0
    with ProjectFile.open(path, read_only=True) as f:
        contract = record.read(f)
    assert contract.paid == Decimal("40620.75") and contract.amendments == ()
    assert contract.current_value == Decimal("95502.70")
    capsys.readouterr()
    # refusals: one bilingual line, nothing removed
    assert cli_main(["contract", str(path), "remove", "payment", "P7"]) == 2
    assert "Il n’y a pas de paiement P7. / There is no payment P7." in capsys.readouterr().err
    assert cli_main(["contract", str(path), "remove", "amendment", "99"]) == 2
    assert "There is no amendment A99." in capsys.readouterr().err
    assert cli_main(["contract", str(path), "remove"]) == 2
    err = capsys.readouterr().err
    assert "“remove” needs the kind of entry, amendment, report, incident or payment, then its number." in err
    assert ": ." not in err and ":\u00a0»" not in err
    assert cli_main(["contract", str(path), "remove", "payment"]) == 2
    err = capsys.readouterr().err
    assert "“remove payment” needs the entry's number as “contract show” lists it (P3 or 3)." in err
    assert ": ." not in err
    assert cli_main(["contract", str(path), "remove", "payment", "R2"]) == 2
    assert "«\u00a0remove payment\u00a0» exige le numéro de l’inscription" in capsys.readouterr().err
    with ProjectFile.open(path, read_only=True) as f:
        assert len(record.read(f).payments) == 6


# Walk defects 9 and 10: contract show reads as a listing; messages name what is missing


def test_contract_show_has_headers_labels_and_the_languages_numbers(tmp_path, capsys):
    path = tmp_path / "t.tender"
    assert cli_main(["new", "--example", "training", str(path)]) == 0
    capsys.readouterr()
    assert cli_main(["contract", str(path), "show", "--lang", "fr"]) == 0
    out = capsys.readouterr().out
    assert "Fournisseur\tSigné le\tDurée\tValeur modifiée\n" in out
    assert "Apprentissage Fundy inc.\t2027-05-25\t2027-06-01 → 2030-05-31\t97\u00a0302,70\u00a0$" in out
    assert "Rapports de rendement\nN°\tMois\tReçu le\tDisponibilité\tCrédits dus\n" in out
    assert "R2\t2027-07\t2027-08-13\t98,4\u00a0%\t50,00\u00a0$" in out  # never "98.4"
    assert "I1\t2027-07-19 07:40 -03:00\tCritique\t—\t2027-07-19 13:10 -03:00\tR2\t" in out
    assert "P1\t2027-06-15\tF-2027-000\tAbonnements\t12\u00a0000,00\u00a0$" in out
    assert "recurring.subscriptions" not in out and "unit.hour" not in out
    assert "\nCT-REPORT-MISSING" in out
    # the clean twin in English
    assert cli_main(["contract", str(path), "show", "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "R2\t2027-07\t2027-08-13\t98.4%\t$50.00" in out
    assert (
        "P5\t2027-09-15\tF-2027-030\tAdditional services ordered by the Town (per hour)\t$520.00\t$50.00"
        in out
    )


def test_contract_show_says_when_there_is_no_finding(tmp_path, capsys):
    path = tmp_path / "t.tender"
    assert cli_main(["new", "--example", "training", str(path)]) == 0
    capsys.readouterr()
    assert cli_main(["contract", str(path), "show", "--as-of", "2027-06-14", "--lang", "fr"]) == 0
    assert capsys.readouterr().out.endswith("Constats en date du 2027-06-14\u00a0:\nAucun constat.\n")
    assert cli_main(["contract", str(path), "show", "--as-of", "2027-06-14", "--lang", "en"]) == 0
    assert capsys.readouterr().out.endswith("Findings as of 2027-06-14:\nNo finding.\n")
    # the clean twin: a day with findings lists them, without "No finding."
    assert cli_main(["contract", str(path), "show", "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "\nCT-REPORT-MISSING" in out and "No finding." not in out


@pytest.mark.parametrize(
    ("args", "option"),
    [
        (["report", "--date", "2027-10-01", "--availability", "99"], "--period"),
        (["report", "--period", "2027-09", "--date", "2027-10-01"], "--availability"),
        (["pay", "--date", "2027-10-01"], "--amount"),
        (["incident", "--started", "2027-07-20T08:00:00-03:00"], "--severity"),
    ],
)
def test_a_missing_option_is_named_and_nothing_saved(tmp_path, capsys, args, option):
    path = tmp_path / "t.tender"
    assert cli_main(["new", "--example", "training", str(path)]) == 0
    capsys.readouterr()
    assert cli_main(["contract", str(path), *args]) == 2
    assert f"“{args[0]}” needs {option}." in capsys.readouterr().err
    with ProjectFile.open(path, read_only=True) as f:
        contract = record.read(f)
    assert (len(contract.reports), len(contract.payments), len(contract.incidents)) == (2, 7, 1)


def test_a_wrong_as_of_is_refused_before_anything_is_printed(tmp_path, capsys):
    path = tmp_path / "t.tender"
    assert cli_main(["new", "--example", "training", str(path)]) == 0
    capsys.readouterr()
    assert cli_main(["contract", str(path), "show", "--as-of", "2027-13-45"]) == 2
    printed = capsys.readouterr()
    assert printed.out == "" and "“2027-13-45” does not exist: the months go from 01 to 12" in printed.err
    assert cli_main(["contract", str(path), "show", "--as-of", "20270513"]) == 2  # 3.11 reads it, 3.10 not
    assert "“20270513” is not a date (YYYY-MM-DD)." in capsys.readouterr().err


# Walk defect 14: the red flags' numbers are data; no note to ourselves in a message


def test_a_red_flag_is_named_from_its_data(monkeypatch):
    from wizard.core.checks import contract as checks

    assert checks.red_flag("R064").text("en") == (
        "red flag R064 of the Open Contracting Partnership, to be confirmed by counsel"
    )
    monkeypatch.setitem(checks.RED_FLAGS, "R064", ("Contract amended", "https://example.org/R064", True))
    assert checks.red_flag("R064").text("fr") == "signal d’alerte R064 de l’Open Contracting Partnership"


def test_a_whole_number_option_is_refused_in_both_languages(tmp_path, capsys):
    path = tmp_path / "t.tender"
    assert cli_main(["new", "--example", "training", str(path)]) == 0
    capsys.readouterr()
    assert (
        cli_main(["contract", str(path), "amend", "--date", "2027-12-01", "--reason", "x", "--months", "1.5"])
        == 2
    )
    err = capsys.readouterr().err
    assert (
        "--months prend un nombre entier\u00a0: «\u00a01.5\u00a0». / --months takes a whole number: “1.5”."
        in err
    )
    assert "invalid int" not in err
    assert cli_main(["contract", str(path), "terms", "--term-years", "abc"]) == 2
    assert "--term-years takes a whole number: “abc”." in capsys.readouterr().err
    # the clean twin: a negative month count shortens the term
    assert (
        cli_main(["contract", str(path), "amend", "--date", "2027-12-01", "--reason", "x", "--months=-2"])
        == 0
    )
    with ProjectFile.open(path, read_only=True) as f:
        assert record.read(f).end_on == "2030-03-31"


def test_a_stored_incident_out_of_range_is_set_aside_naming_its_field(signed):
    signed.db.table("incidents").insert(
        {
            "severity": "major",
            "security": 0,
            "started_at": "2027-07-19T07:40:00-03:00",
            "notified_at": "9999-07-19T08:00:00-03:00",
            "responded_at": "",
            "resolved_at": "",
            "description": "",
        }
    )
    contract = record.read(signed)
    assert contract.incidents == ()
    assert [(s.field, s.value) for s in contract.set_aside] == [("notified_at", "9999-07-19T08:00:00-03:00")]


def test_an_award_value_beyond_a_billion_is_set_aside(tmp_path):
    """The award's value comes from the bids' record, which a file of an earlier version
    may hold as any finite amount (the award itself now refuses "1e400", as every amount
    typed: walk 2026-12-07): the follow-up shows none rather than fail its documents,
    and says why."""
    from wizard.core.bids import BidsError, evaluation_entry
    from wizard.core.export import output_files
    from wizard.core.publishing.record import read as read_publishing

    with published(tmp_path) as f:
        bid_id = award(f, value="1000")
        with pytest.raises(BidsError):
            evaluation_entry.set_award(f, bid_id, contract_value="1e400")
        with f.transaction():  # as an earlier version stored it
            f.db.execute("UPDATE award SET contract_value = '1e400'")
        contract = record.read(f)
        assert contract.value is None and contract.current_value is None
        found = {x.code: x for x in check_contract(f.project, contract)}
        assert found["CT-ENTRY-INVALID"].message("en").startswith("The award's contract value (“1E+400”)")
        files = output_files(
            f.project, changed=f.last_change(), record=read_publishing(f), follow=record.follow_up(f)
        )
        assert files["contract.csv"].decode("utf-8-sig").splitlines()[1].split(",")[2:4] == ["", ""]
    # the clean twin: a billion is a value
    with published(tmp_path, "b.tender") as f:
        award(f, value="1000000000")
        contract = record.read(f)
        assert contract.value == Decimal(1000000000) and contract.set_aside == ()


def test_terms_confirm_what_they_set(tmp_path, capsys):
    path = tmp_path / "t.tender"
    assert cli_main(["new", "--example", "training", str(path)]) == 0
    capsys.readouterr()
    argv = ["contract", str(path), "terms", "--monthly-fee", "1000", "--report-days", "20"]
    assert cli_main([*argv, "--lang", "en"]) == 0
    assert capsys.readouterr().out.startswith(
        "Terms set: Monthly fee, Days a report is due after its month.\nSupplier\t"
    )
    assert cli_main([*argv, "--lang", "fr"]) == 0
    assert capsys.readouterr().out.startswith(
        "Conditions inscrites\u00a0: Frais mensuels, Délai de remise d’un rapport après son mois (jours).\n"
    )
    # show confirms nothing
    assert cli_main(["contract", str(path), "show", "--lang", "en"]) == 0
    assert capsys.readouterr().out.startswith("Supplier\t")


# A free text of the follow-up holds at most codec.MAX_TEXT characters, as every other one

_LONG = "x" * 100_001
_LONGEST = "x" * 100_000


@pytest.mark.parametrize(
    ("call", "french", "english"),
    [
        (
            lambda f, text: operations.add_incident(
                f, started_at="2027-07-19T07:40:00-03:00", severity="minor", description=text
            ),
            "La description de l’incident est trop longue",
            "The incident's description is too long",
        ),
        (
            lambda f, text: operations.add_amendment(
                f, amended_on="2027-12-01", reason=text, value_change="5"
            ),
            "Le motif de la modification est trop long",
            "The amendment's reason is too long",
        ),
        (
            lambda f, text: operations.add_report(f, period="2027-06", received_on="2027-07-10", notes=text),
            "Les notes du rapport sont trop longues",
            "The report's notes are too long",
        ),
        (
            lambda f, text: operations.add_payment(
                f, paid_on="2027-10-01", amount="10", invoice_number="N-1", notes=text
            ),
            "Les notes du paiement sont trop longues",
            "The payment's notes are too long",
        ),
        (
            lambda f, text: operations.add_payment(f, paid_on="2027-10-01", amount="10", invoice_number=text),
            "Le numéro de facture est trop long",
            "The invoice number is too long",
        ),
        (
            lambda f, text: operations.set_terms(f, notes=text),
            "Les notes du contrat sont trop longues",
            "The contract's notes are too long",
        ),
    ],
)
def test_a_free_text_over_the_project_limit_is_refused_and_its_twin_taken(signed, call, french, english):
    with pytest.raises(ContractError) as caught:
        call(signed, _LONG)
    assert str(caught.value) == (
        f"{french}\u00a0: 100\u00a0001 caractères, au plus 100\u00a0000. / "
        f"{english}: 100,001 characters, at most 100,000."
    )
    contract = record.read(signed)
    assert (contract.amendments, contract.payments, contract.reports, contract.incidents) == ((), (), (), ())
    call(signed, _LONGEST)  # the longest text the file takes is taken whole
    contract = record.read(signed)
    texts = [a.reason for a in contract.amendments] + [i.description for i in contract.incidents]
    texts += [r.notes for r in contract.reports] + [p.notes for p in contract.payments]
    texts += [p.invoice_number for p in contract.payments] + [contract.notes]
    assert _LONGEST in texts


def test_the_command_line_refuses_a_long_description_in_one_bilingual_line(tmp_path, capsys):
    path = tmp_path / "t.tender"
    assert cli_main(["new", "--example", "training", str(path)]) == 0
    incident = ["contract", str(path), "incident", "--started", "2027-07-20T08:00:00-03:00", "--severity"]
    capsys.readouterr()
    assert cli_main([*incident, "minor", "--description", _LONG]) == 2
    (line,) = capsys.readouterr().err.splitlines()
    assert line.startswith(
        "La description de l’incident est trop longue\u00a0: 100\u00a0001 caractères, au plus"
    )
    assert f"/ The incident's description is too long: 100,001 characters, at most 100,000. ({path})" in line
    assert cli_main([*incident, "minor", "--description", "Lenteur du portail"]) == 0
    with ProjectFile.open(path, read_only=True) as f:
        assert [i.description for i in record.read(f).incidents][-1] == "Lenteur du portail"
        assert len(record.read(f).incidents) == 2
