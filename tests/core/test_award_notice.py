"""The notice of award to the successful bidder (``award-notice-<bid>-<lang>.docx``,
docs/documents.md "Evaluation outputs"): read from the exported DOCX as the bidder reads
it, in French and in English; no notice without an award decision to a bid; a missing
fact prints the placeholder; what the tender does not require (insurance, bid
security) is never asked."""

from __future__ import annotations

import io
from dataclasses import replace
from decimal import Decimal

import bids_record_sample as sample
import pytest
from docx import Document
from test_evaluation_outputs import awarded, project

from wizard.core.archive import readme
from wizard.core.documents.award_notice import awarded_bid, notice_document
from wizard.core.documents.docx.writer import docx_bytes
from wizard.core.documents.gate import IN_HEADER, _document_field, other_document_items
from wizard.core.export import export_all, output_files, planned_outputs
from wizard.core.i18n.formats import PLACEHOLDER
from wizard.core.model.entities import ClauseChoice

EN = [
    "Ville de Rivière-aux-Pins",
    "Notice of award",
    "May\u00a010, 2027",
    "Delta Numérique",
    "4 rue Principale",
    "Subject: call for tenders RAP-2027-TI-07, Online training platform for municipal staff",
    "Madam, Sir,",
    "The Town is pleased to inform you that your bid is successful. By resolution 2027-05-112 of May\u00a09, "
    "2027, council awarded you the contract in accordance with your bid received on April\u00a015, 2027, "
    "9:00\u00a0a.m. Atlantic Time, for $123,456.78 before taxes.",
    "As the call for tenders states under “Award and signature of the Contract”, please provide the Town, "
    "within 10 days of this notice, that is by May\u00a020, 2027, with:",
    "the contract, signed by the person authorized to bind your business;",
    "a certificate of each insurance policy the contract requires: commercial general liability insurance "
    "of at least $2,000,000 per occurrence, professional liability (errors and omissions) insurance of at "
    "least $1,000,000 per claim and cyber and privacy liability insurance of at least $1,000,000 per claim;",
    "any other proof the contract requires before it starts.",
    "If you do not provide them in time, the Town may cancel the award and award the contract to the "
    "bidder ranked next, or cancel the call for tenders. The Town will not sign the contract before the end "
    "of the standstill period of 10 days, on May\u00a020, 2027. The contract binds the Town only once both "
    "parties have signed it; this notice does not allow work to begin. The call for tenders sets the "
    "start of the contract on June\u00a01, 2027.",
    "For any question about this notice, write to the single point of contact named in the call for "
    "tenders, quoting its reference.",
    "Yours truly,",
    "Martin Thériault",
    "Director of Information Technology",
    "Ville de Rivière-aux-Pins",
    "Rivière-aux-Pins Town Hall",  # the postal address's English version
    "40, rue du Moulin",
    "Rivière-aux-Pins NB E4A 1B2",
    "approvisionnement@riviere-aux-pins.example.ca",
    "506 555-0123",
]

FR_BODY = [
    "La Ville a le plaisir de vous informer que votre soumission est retenue. Par sa résolution 2027-05-112 "
    "du 9\u00a0mai\u00a02027, le conseil vous a adjugé le contrat conformément à votre soumission reçue le "
    "15\u00a0avril\u00a02027, 9\u00a0h\u00a000 (heure de l’Atlantique), pour 123\u00a0456,78\u00a0$ avant taxes.",
    "Comme le prévoit l’appel d’offres sous «\u00a0Adjudication et signature du Contrat\u00a0», veuillez "
    "remettre à la Ville, dans les 10\u00a0jours du présent avis, soit au plus tard le 20\u00a0mai\u00a02027\u00a0:",
    "le contrat, signé par la personne autorisée à engager votre entreprise;",
]


def _paragraphs(data: bytes) -> list[str]:
    """The body's paragraphs as Word reads them, blank ones left out."""
    return [p.text for p in Document(io.BytesIO(data)).paragraphs if p.text.strip()]


def _notice(record=None, p=None, lang: str = "en") -> list[str]:
    return _paragraphs(docx_bytes(notice_document(p or project(), record or awarded(), lang)))


def test_the_exported_notices_read_whole_in_each_language(tmp_path):
    written = export_all(sample.project(), tmp_path, "both", bids=awarded())
    names = [path.name for path in written]
    assert written == planned_outputs(sample.project(), tmp_path, "both", bids=awarded())
    assert [n for n in names if n.startswith("award-notice-")] == [
        "award-notice-4-fr.docx",
        "award-notice-4-en.docx",
    ]
    assert "debriefing-4-fr.docx" not in names  # the winner gets the notice, not a debriefing
    assert _paragraphs((tmp_path / "award-notice-4-en.docx").read_bytes()) == EN
    fr = _paragraphs((tmp_path / "award-notice-4-fr.docx").read_bytes())
    assert fr[:3] == ["Ville de Rivière-aux-Pins", "Avis d’adjudication", "10\u00a0mai\u00a02027"]
    assert fr[7:10] == FR_BODY
    assert fr[-9:-7] == [
        "Veuillez agréer, Madame, Monsieur, nos salutations distinguées.",
        "Martin Thériault",
    ]
    assert not [line for line in fr if any(w in line for w in ("Notice", "bid ", "contract", "Yours"))]


@pytest.mark.parametrize(
    "record",
    [
        replace(awarded(), award=None),  # no award recorded
        awarded(bid_id=None),  # council decided to award no contract
        awarded(resolution_date="", awarded_on=""),  # a bid chosen, no day of decision yet
        awarded(resolution_date="2027-02-30", awarded_on=""),  # no real day is no day
    ],
    ids=["no-award", "award-to-nobody", "not-decided", "no-real-day"],
)
def test_no_notice_without_an_award_decision_to_a_bid(record):
    assert awarded_bid(record) is None
    names = output_files(sample.project(), "both", bids=record)
    assert not [n for n in names if n.startswith("award-notice-")]
    assert "evaluation-report-fr.docx" in names
    with pytest.raises(ValueError):
        notice_document(project(), record, "en")
    said = "- No notice of award: no award names a bid, or the date of the award decision is not recorded or falls before the closing."
    assert said in readme("documents", sorted(names), published=True).decode("utf-8")


def test_the_clean_twin_a_decision_by_its_award_day_alone_gets_its_notice():
    record = awarded(resolution_number="", resolution_date="")
    assert awarded_bid(record) is not None and awarded_bid(record).id == 4
    names = sorted(output_files(sample.project(), "en", bids=record))
    assert "award-notice-4-en.docx" in names
    assert "No notice of award" not in readme("documents", names, published=True).decode("utf-8")
    lines = _notice(record)
    assert lines[7].endswith(
        "successful. On May\u00a010, 2027, the Town awarded you the contract in accordance with your bid received "
        "on April\u00a015, 2027, 9:00\u00a0a.m. Atlantic Time, for $123,456.78 before taxes."
    )
    assert not [line for line in lines if "resolution" in line or PLACEHOLDER in line]


@pytest.mark.parametrize(
    ("changes", "said"),
    [
        (
            {"resolution_date": ""},
            f"By resolution 2027-05-112 of {PLACEHOLDER}, council awarded you the contract",
        ),
        ({"resolution_number": " "}, f"By resolution {PLACEHOLDER} of May\u00a09, 2027, council awarded you"),
    ],
)
def test_a_resolution_half_recorded_prints_the_placeholder(changes, said):
    record = awarded(**changes)
    lines = _notice(record)
    assert lines[2] == "May\u00a010, 2027"  # the day of the award, recorded
    assert said in lines[7]
    assert [line for line in lines if PLACEHOLDER in line] == [lines[7]]
    items = [
        i
        for i in other_document_items(sample.project(), ["en"], bids=record)
        if i.document.startswith("award")
    ]
    # the award's field, not the bidder's (review of 2026-12-07)
    assert [(i.document, i.field) for i in items] == [("award-notice-4-en.docx", "bids.award")]


def test_each_placeholder_of_a_letter_points_at_its_own_field():
    """The gate sent every placeholder of the notice of award to the bidder (review of
    2026-12-07): the signatory, the subject and the address each name their field."""
    p = sample.project()
    p.info = replace(p.info, officer_name="", reference="")
    record = awarded(resolution_date="2027-02-30")  # no real day: the placeholder
    record = replace(
        record, bids=tuple(replace(b, bidder=replace(b.bidder, address="")) for b in record.bids)
    )
    items = [
        i for i in other_document_items(p, ["en"], bids=record) if i.document == "award-notice-4-en.docx"
    ]
    assert [(i.field, i.section) for i in items] == [
        ("info.reference", IN_HEADER),  # "Call for tenders [TO BE COMPLETED]"
        ("bids:4.bidder", ()),  # the address
        ("info.reference", ()),  # the subject
        ("bids.award", ()),  # "By resolution 2027-05-112 of [TO BE COMPLETED]"
        ("info.officer_name", ()),  # who signs
    ]
    letters = [
        i for i in other_document_items(p, ["en"], bids=record) if i.document.startswith("debriefing-")
    ]
    assert {i.field for i in letters if i.document == "debriefing-1-en.docx"} >= {
        "bids:1.bidder",
        "info.reference",
        "info.officer_name",
    }


def test_the_gate_finds_nothing_in_a_complete_notice():
    items = other_document_items(sample.project(), ["fr", "en"], bids=awarded())
    assert not [i for i in items if i.document.startswith("award-notice-")]
    assert _document_field("award-notice-12-fr.docx") == "bids:12.bidder"
    assert _document_field("debriefing-3-en.docx") == "bids:3.bidder"


def _insurance_lines(p, lang: str = "en") -> list[str]:
    words = ("insurance", "assurance")
    return [line for line in _notice(p=p, lang=lang) if any(w in line for w in words)]


def test_a_tender_without_its_insurance_clause_asks_no_certificate():
    p = project()
    p.clause_choices = [*p.clause_choices, ClauseChoice(id=99, clause_id="insurance", included=False)]
    assert _insurance_lines(p) == [] and _insurance_lines(p, "fr") == []
    lines = _notice(p=p)
    assert lines[8:11] == [
        "As the call for tenders states under “Award and signature of the Contract”, please provide the Town, "
        "within 10 days of this notice, that is by May\u00a020, 2027, with:",
        "the contract, signed by the person authorized to bind your business;",
        "the proofs the contract requires before it starts.",
    ]
    assert lines[11].startswith("If you do not provide them in time")


def test_a_tender_requiring_no_insurance_amount_asks_no_certificate():
    p = project()
    p.statement_of_work = replace(
        p.statement_of_work,
        insurance_general_cad=Decimal(0),
        insurance_professional_cad=Decimal(0),
        insurance_cyber_cad=Decimal(0),
    )
    assert _insurance_lines(p) == []


def test_the_clean_twin_one_amount_asks_its_certificate_only():
    p = project()
    p.statement_of_work = replace(
        p.statement_of_work, insurance_professional_cad=Decimal(0), insurance_cyber_cad=Decimal(0)
    )
    assert _insurance_lines(p) == [
        "a certificate of each insurance policy the contract requires: commercial general liability insurance "
        "of at least $2,000,000 per occurrence;"
    ]
    assert _insurance_lines(p, "fr") == [
        "une attestation de chaque police d’assurance qu’exige le contrat\u00a0: une assurance responsabilité "
        "civile générale d’au moins 2\u00a0000\u00a0000\u00a0$ par sinistre;"
    ]


def test_an_edited_insurance_clause_is_cited_as_the_tenders_award_section_does():
    p = project()
    text = "The contractor carries the insurance the Town names in its purchase order."
    p.clause_choices = [*p.clause_choices, ClauseChoice(id=99, clause_id="insurance", custom_en=text)]
    assert _insurance_lines(p) == [
        "the proofs the contract requires before it starts, such as certificates of insurance."
    ]
    assert "par sinistre" in " ".join(_insurance_lines(p, "fr"))  # the French text is the library's


def test_a_bid_security_is_said_only_when_the_tender_asks_for_one():
    p = project()
    assert not [line for line in _notice(p=p) if "security" in line]
    p.contract_data = replace(
        p.contract_data, bid_security="security_amount", bid_security_value=Decimal(5000)
    )
    lines = [line for line in _notice(p=p) if "security" in line]
    assert len(lines) == 1 and lines[0].startswith(
        "The Town returns your bid security once you have signed the contract and provided these documents. "
        "If you do not provide them in time, the Town may cancel the award, keep your bid security and award "
        "the contract to the bidder ranked next, or cancel the call for tenders. The Town will not sign the "
        "contract before"
    )


def test_no_standstill_sentence_without_a_period_nor_a_start_already_past():
    lines = _notice(awarded(standstill_days=0))
    assert lines[12] == (
        "If you do not provide them in time, the Town may cancel the award and award the contract to the "
        "bidder ranked next, or cancel the call for tenders. The contract binds the Town only once both "
        "parties have signed it; this notice does not allow work to begin. The call for tenders sets the "
        "start of the contract on June\u00a01, 2027."
    )
    p = project()
    p.info = replace(p.info, contract_start="2027-05-15")  # before the standstill period ends
    lines = _notice(p=p)
    assert lines[12].endswith(
        "on May\u00a020, 2027. The contract binds the Town only once both parties have "
        "signed it; this notice does not allow work to begin."
    )


def test_the_signature_block_is_kept_together():
    doc = Document(io.BytesIO(docx_bytes(notice_document(project(), awarded(), "fr"))))
    kept = [(p.text, bool(p.paragraph_format.keep_with_next)) for p in doc.paragraphs if p.text.strip()]
    start = [t for t, _n in kept].index("Veuillez agréer, Madame, Monsieur, nos salutations distinguées.")
    assert [n for _t, n in kept[start:]] == [True] * 8 + [False]  # with 3 address lines
    # the last paragraph goes with them: a page never holds the signature alone
    assert kept[start - 1] == (
        "Pour toute question sur le présent avis, écrivez à la personne-ressource unique désignée dans "
        "l’appel d’offres en indiquant son numéro de référence.",
        True,
    )
    assert kept[start - 2][1] is False  # the clean twin: the paragraph before it flows


# review of 2026-12-07


@pytest.mark.parametrize(
    ("changes", "notice"),
    [
        ({"awarded_on": "2027-01-01", "resolution_date": "2027-01-01"}, False),  # the review's input
        ({"awarded_on": "2027-04-15", "resolution_date": ""}, False),  # the day before the closing
        ({"awarded_on": "", "resolution_date": "2027-04-15"}, False),  # by the resolution's date
        ({"awarded_on": "2027-04-16", "resolution_date": ""}, True),  # the closing's day: the clean twin
    ],
)
def test_no_notice_of_award_dated_before_the_closing(changes, notice):
    from wizard.core.checks.bids import check_bids

    record = awarded(**changes)
    names = output_files(sample.project(), "both", bids=record)
    assert bool([n for n in names if n.startswith("award-notice-")]) is notice
    assert (awarded_bid(record, project()) is not None) is notice
    said = (
        "No notice of award: no award names a bid, or the date of the award decision is not recorded or falls"
    )
    assert (said in readme("documents", sorted(names), published=True).decode("utf-8")) is not notice
    found = [f for f in check_bids(project(), record) if f.code == "BD-DECIDED-BEFORE-CLOSING"]
    assert bool(found) is not notice
    if found:
        assert found[0].severity.value == "error" and found[0].field == "bids.award"
        assert (
            found[0]
            .message("en")
            .startswith(
                f"The award is decided on {changes['awarded_on'] or changes['resolution_date']}, before the "
                "closing of the call for tenders on 2027-04-16"
            )
        )
        assert "avant la clôture de l’appel d’offres le 2027-04-16" in found[0].message("fr")


@pytest.mark.parametrize(
    ("days", "en", "fr"),
    [
        (
            1,
            "within 1 day of this notice, that is by May\u00a011, 2027",
            "dans un délai de 1\u00a0jour suivant le présent avis, soit au plus tard le 11\u00a0mai\u00a02027",
        ),
        (
            2,  # the clean twin
            "within 2 days of this notice, that is by May\u00a012, 2027",
            "dans les 2\u00a0jours du présent avis, soit au plus tard le 12\u00a0mai\u00a02027",
        ),
    ],
)
def test_one_day_to_provide_the_documents_is_said_in_the_singular(days, en, fr):
    p = project()
    p.contract_data = replace(p.contract_data, award_documents_days=days)
    assert en in " ".join(_notice(p=p))
    assert fr in " ".join(_notice(p=p, lang="fr"))


@pytest.mark.parametrize(
    ("days", "en", "fr"),
    [
        (
            10,
            "The Town will not sign the contract before the end of the standstill period of 10 days, on "
            "May\u00a020, 2027.",
            "La Ville ne signera pas le contrat avant la fin du délai d’attente de 10\u00a0jours, soit le "
            "20\u00a0mai\u00a02027.",
        ),
        (
            1,
            "The Town will not sign the contract before the end of the standstill period of 1 day, on "
            "May\u00a011, 2027.",
            "La Ville ne signera pas le contrat avant la fin du délai d’attente de 1\u00a0jour, soit le "
            "11\u00a0mai\u00a02027.",
        ),
    ],
)
def test_the_standstill_sentence_says_who_will_not_sign(days, en, fr):
    """The notice asks the winner to return the contract signed: "the contract will not be
    signed before" read as if the winner could not sign it either (review of 2026-12-07)."""
    record = awarded(standstill_days=days)
    assert en in " ".join(_notice(record))
    french = " ".join(_notice(record, lang="fr"))
    assert fr in french and "Le contrat ne sera pas signé" not in french
    assert "The contract will not be signed" not in " ".join(_notice(record))


@pytest.mark.parametrize(
    ("days", "en", "fr"),
    [
        (
            1,
            [
                "Within 1 day of the notice of award, the successful bidder provides the Town with:",
                "“Award and signature of the Contract” within 1 day of the notice of award.",
            ],
            [
                "Dans un délai de 1\u00a0jour suivant l’avis d’adjudication, l’adjudicataire remet à la Ville\u00a0:",
                "dans un délai de 1\u00a0jour suivant l’avis d’adjudication.",
            ],
        ),
        (
            10,  # the clean twin
            [
                "Within 10 days of the notice of award, the successful bidder provides the Town with:",
                "“Award and signature of the Contract” within 10 days of the notice of award.",
            ],
            [
                "Dans les 10\u00a0jours de l’avis d’adjudication, l’adjudicataire remet à la Ville\u00a0:",
                "dans les 10\u00a0jours de l’avis d’adjudication.",
            ],
        ),
    ],
)
def test_the_tender_s_days_to_provide_the_documents_in_the_singular(days, en, fr):
    """ "within 1 days of the notice of award" in the tender's award section and its bid
    form (review of 2026-12-07), as in the notice."""
    from test_evaluation_outputs import text

    from wizard.core.documents.tender import tender_document

    p = project()
    p.contract_data = replace(p.contract_data, award_documents_days=days)
    english, french = text(tender_document(p, "en")), text(tender_document(p, "fr"))
    assert all(line in english for line in en) and "1 days" not in english
    assert all(line in french for line in fr) and "les 1\u00a0jours" not in french
