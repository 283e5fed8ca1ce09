"""The evaluation report and the letters after the award state the record (walk
2026-12-07, wf-b): a recorded signature is said as a fact, never promised against; the
report's findings are facts for council, without the advice meant for the clerk."""

from __future__ import annotations

import tempfile
from dataclasses import replace
from pathlib import Path

import pytest
from test_document_texts import example_bids

from wizard.core.documents.blocks import Paragraph
from wizard.core.documents.debriefing import letter_document
from wizard.core.documents.evaluation_report import report_document
from wizard.core.documents.letters import signed_standstill, standstill
from wizard.core.examples import load_example


@pytest.fixture(scope="module")
def training():
    with tempfile.TemporaryDirectory() as tmp:
        bids = example_bids("training", Path(tmp))
    assert bids is not None and bids.award is not None
    return load_example("training"), bids


def _signed(bids, day: str):
    award = replace(bids.award, awarded_on="2027-05-10", standstill_days=10, contract_signed_on=day)
    return replace(bids, award=award)


def _texts(document) -> list[str]:
    """The paragraphs, French no-break spaces read as spaces."""
    return [b.text.replace("\u00a0", " ") for b in document.blocks if isinstance(b, Paragraph)]


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "en",
            "The Town signed the contract on May 12, 2027, before the end of the standstill period of 10 days, on May 20, 2027.",
        ),
        (
            "fr",
            "La Ville a signé le contrat le 12 mai 2027, avant la fin du délai d’attente de 10 jours, soit le 20 mai 2027.",
        ),
    ],
)
def test_signed_inside_the_standstill_is_said_as_a_fact(training, lang: str, expected: str) -> None:
    project, bids = training
    record = _signed(bids, "2027-05-12")
    assert signed_standstill(record, lang).replace("\u00a0", " ") == expected
    report = _texts(report_document(project, record, lang))
    assert expected in report
    assert not [t for t in report if "not signed before" in t or "pas signé avant" in t]
    # the finding says it too, as a fact
    assert any("BD-SIGNED-IN-STANDSTILL" in t and "inside the standstill" in t for t in report) == (
        lang == "en"
    )
    # the letters are dated the day of the decision (May 10): a signature of May 12 is
    # after their date, so they keep the promise, true on the day they are dated
    loser = next(b for b in record.bids if b.id != record.award.bid_id)
    letter = _texts(letter_document(project, record, loser, lang))
    assert expected not in letter
    assert standstill(record, lang).replace("\u00a0", " ") in letter
    assert "will not sign" in standstill(record, "en")


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_a_letter_says_a_signature_of_its_own_day_as_a_fact(training, lang: str) -> None:
    """Signed on the day of the decision, the day the letters are dated: the letters
    say it as done, and never promise what already happened."""
    project, bids = training
    record = _signed(bids, "2027-05-10")
    assert standstill(record, lang) == signed_standstill(record, lang)
    loser = next(b for b in record.bids if b.id != record.award.bid_id)
    letter = _texts(letter_document(project, record, loser, lang))
    assert signed_standstill(record, lang).replace("\u00a0", " ") in letter
    assert not [t for t in letter if "will not sign" in t or "ne signera pas" in t]


def test_a_letter_never_reports_a_signature_after_its_date(training) -> None:
    """The training example's contract is signed on May 25, after the letters' date
    (May 10): they promise, they do not report the future (review 2026-12-07)."""
    project, bids = training
    record = _signed(bids, "2027-05-25")
    loser = next(b for b in record.bids if b.id != record.award.bid_id)
    letter = " ".join(_texts(letter_document(project, record, loser, "en")))
    assert "May 25" not in letter
    assert "The Town will not sign the contract before the end of the standstill period of 10 days" in letter


def test_signed_after_the_standstill(training) -> None:
    project, bids = training
    record = _signed(bids, "2027-05-25")
    assert signed_standstill(record, "en") == (
        "The Town signed the contract on May 25, 2027, after the end of the standstill period of 10 days, "
        "on May 20, 2027."
    )
    assert not any("BD-SIGNED-IN-STANDSTILL" in t for t in _texts(report_document(project, record, "en")))


def test_unsigned_keeps_the_standstill_promise(training) -> None:
    """The clean twin: no signature recorded, the period's end is what the letters say."""
    project, bids = training
    record = _signed(bids, "")
    assert (
        "will not sign the contract before the end of the standstill period of 10 days, on May 20, 2027"
        in (standstill(record, "en"))
    )
    assert signed_standstill(record, "en") == ""
    report = _texts(report_document(project, record, "en"))
    assert not [t for t in report if "signed the contract on" in t]


def test_report_findings_state_facts_without_advice(training) -> None:
    project, bids = training
    record = _signed(bids, "2027-05-12")
    for lang in ("en", "fr"):
        report = _texts(report_document(project, record, lang))
        findings = [t for t in report if "BD-" in t]
        assert findings and not [t for t in findings if "BD-ALL-BUT-WINNER" in t]
        assert not [t for t in findings if "Sign after" in t or "Signez après" in t]
    en = _texts(report_document(project, record, "en"))
    assert "WARNING BD-SIGNED-IN-STANDSTILL: The contract was signed inside the standstill period." in en


def test_report_without_finding_says_so(training) -> None:
    """BD-ALL-BUT-WINNER, which the report satisfies, alone: nothing else to report."""
    project, bids = training
    report = _texts(report_document(project, _signed(bids, "2027-05-25"), "en"))
    assert "The checks of the evaluation find nothing to report." in report


# --- the signatory and the authority, typed in the project's language -------------------


def _en(project):
    from wizard.core.model.translatable import localized

    return localized(project, "en")


@pytest.mark.parametrize(
    ("typed", "shown", "quoted"),
    [
        # the tender's contact with the title typed: the English title the project has
        (
            "Martin Thériault, directeur des technologies de l’information",
            "Martin Thériault, Director of Information Technology",
            False,
        ),
        ("Martin Thériault", "Martin Thériault", False),  # a name has no language
        ("2027-05-118", "2027-05-118", False),  # nor a number
        # another title than the contact's, another person: quoted as typed
        ("Martin Thériault, directeur général", "\u201cMartin Thériault, directeur général\u201d", True),
        ("la directrice générale", "\u201cla directrice générale\u201d", True),
        (
            "Résolution 2027-05-118 du conseil municipal",
            "\u201cRésolution 2027-05-118 du conseil municipal\u201d",
            True,
        ),
    ],
)
def test_award_typed_in_english(training, typed: str, shown: str, quoted: bool) -> None:
    from wizard.core.documents.evaluation_report.award import award_typed

    project, _ = training
    assert award_typed(_en(project), typed, "fr", "en") == (shown, quoted)
    # the clean twin: the report in the language it was typed in prints it as typed
    assert award_typed(project, typed, "fr", "fr") == (typed, False)


def test_english_report_of_a_french_project_has_no_half_french_sentence(training) -> None:
    project, bids = training
    en = _texts(report_document(project, bids, "en"))
    assert (
        "THAT Martin Thériault, Director of Information Technology, be authorized to sign the contract for the Town."
        in en
    )
    assert any(t.startswith("The evaluators' notes quoted in this document") and "French" in t for t in en)
    fr = _texts(report_document(project, bids, "fr"))
    assert any(
        t.startswith("QUE le conseil autorise Martin Thériault, directeur des technologies") for t in fr
    )


def test_a_title_without_its_english_version_is_quoted(training) -> None:
    project, bids = training
    bare = replace(
        project, translations=[t for t in project.translations if t.address != "info.officer_title"]
    )
    en = _texts(report_document(bare, bids, "en"))
    assert (
        "THAT \u201cMartin Thériault, directeur des technologies de l'information\u201d be authorized to sign "
        "the contract for the Town." in en
    )


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "en",
            "The Town signed the contract on May 20, 2027, the last day of the standstill period of 10 days.",
        ),
        ("fr", "La Ville a signé le contrat le 20 mai 2027, dernier jour du délai d’attente de 10 jours."),
    ],
)
def test_signed_on_the_last_day_of_the_standstill(training, lang: str, expected: str) -> None:
    """The period's end is its last day: a signature that day is neither "before the end
    …, on May 20" of May 20 nor after it (review 2026-12-07); the day before is before."""
    _project, bids = training
    assert signed_standstill(_signed(bids, "2027-05-20"), lang).replace("\u00a0", " ") == expected
    assert "before the end" in signed_standstill(_signed(bids, "2027-05-19"), "en")
    assert "after the end" in signed_standstill(_signed(bids, "2027-05-21"), "en")
