"""What a debriefing letter holds as a Canadian municipal letter does (walk of the bids
phase, 2026-12-07): the bidder's address, a salutation, the recourse open to the bidder
(Québec: the Autorité des marchés publics, ``resources/legal/quebec.json``
``complaints.after_award``; elsewhere the Town's own complaint procedure in the tender),
a closing and the signatory's name and title; a missing fact prints the placeholder,
never an invented one; and a sealed price envelope said once."""

from __future__ import annotations

from dataclasses import replace

import pytest
from quebec_bids_sample import LOCKED, OPENED, create, record_bid
from test_evaluation_outputs import awarded, project, text

from wizard.core.bids import evaluation_entry, opening
from wizard.core.bids.record import read
from wizard.core.documents.award_notice import notice_document
from wizard.core.documents.debriefing import ENVELOPE_NOT_OPENED, letter_document
from wizard.core.i18n import tr
from wizard.core.i18n.formats import PLACEHOLDER


def _lines(project_, record, bid_id: int, lang: str) -> list[str]:
    return text(letter_document(project_, record, record.bid(bid_id), lang)).split("\n")


def _after(lines: list[str], first: str, count: int) -> list[str]:
    at = lines.index(first)
    return lines[at + 1 : at + 1 + count]


@pytest.mark.parametrize(
    ("lang", "closing", "title", "hall", "town"),
    [
        (
            "en",
            "Yours truly,",
            "Director of Information Technology",
            "Rivière-aux-Pins Town Hall",
            "Rivière-aux-Pins NB E4A 1B2",
        ),
        (
            "fr",
            "Veuillez agréer, Madame, Monsieur, nos salutations distinguées.",
            "Directeur des technologies de l’information",  # typed l'information (walk 2026-12-07)
            "Hôtel de ville de Rivière-aux-Pins",
            "Rivière-aux-Pins (Nouveau-Brunswick) E4A 1B2",
        ),
    ],
)
def test_the_officer_named_in_the_tender_signs(lang, closing, title, hall, town):
    lines = _lines(project(), awarded(), 5, lang)
    assert _after(lines, closing, 8) == [
        "Martin Thériault",
        title,
        "Ville de Rivière-aux-Pins",
        hall,  # the Town's postal address in the letter's language, line by line
        "40, rue du Moulin",
        town,
        "approvisionnement@riviere-aux-pins.example.ca",
        "506 555-0123",
    ]
    assert ("Madame, Monsieur," if lang == "fr" else "Madam, Sir,") in lines


def test_a_signatory_not_recorded_prints_the_placeholder():
    p = project()
    p.info = replace(
        p.info, officer_name=" ", officer_title="", contact_email="", contact_phone="", contact_address=""
    )
    lines = _lines(p, awarded(), 5, "fr")  # the French text binds: its title is the one cleared
    closing = "Veuillez agréer, Madame, Monsieur, nos salutations distinguées."
    assert _after(lines, closing, 4) == [PLACEHOLDER, PLACEHOLDER, "Ville de Rivière-aux-Pins", "Critère"]
    assert "approvisionnement" not in "\n".join(lines)  # no contact line invented


def test_the_bidders_address_or_the_placeholder():
    record = awarded()
    lines = _lines(project(), record, 5, "en")
    assert _after(lines, "Epsilon Inc.", 1) == ["5 rue Principale"]
    bids = tuple(replace(b, bidder=replace(b.bidder, address="")) if b.id == 5 else b for b in record.bids)
    lines = _lines(project(), replace(record, bids=bids), 5, "en")
    assert _after(lines, "Epsilon Inc.", 2) == [
        PLACEHOLDER,
        "Subject: call for tenders RAP-2027-TI-07, Online training platform for municipal staff",
    ]


def test_outside_quebec_the_recourse_is_the_towns_own_procedure():
    body = "\n".join(_lines(project(), awarded(), 5, "en"))
    assert (
        "Recourse: As the call for tenders states under “Complaints and debriefing”, a bidder that "
        "considers this call for tenders or its conduct unfair may complain in writing to the single "
        "point of contact" in body
    )
    assert "Autorité des marchés publics" not in body and "to be confirmed by counsel" not in body
    fr = "\n".join(_lines(project(), awarded(), 5, "fr"))
    assert (
        "Recours\u00a0: Comme l’indique l’appel d’offres sous «\u00a0Plaintes et rencontre de compte rendu\u00a0»"
        in fr
    )


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        (
            "en",
            "Recourse: Under the law, once the contract is awarded, a bidder that believes the Town did not "
            "follow the applicable rules in the call for tenders or the award may communicate that "
            "information to the Autorité des marchés publics (amp.quebec)",
        ),
        (
            "fr",
            "Recours\u00a0: En vertu de la loi, une fois le contrat adjugé, le soumissionnaire qui estime que "
            "la Ville n’a pas respecté les règles applicables",
        ),
    ],
)
def test_in_quebec_the_recourse_is_the_amp_to_be_confirmed_by_counsel(lang, said):
    p = project()
    p.info = replace(p.info, province="QC")
    body = "\n".join(_lines(p, awarded(), 5, lang))
    assert said in body
    mark = (
        "[à faire confirmer par les conseillers juridiques]"
        if lang == "fr"
        else "[to be confirmed by counsel]"
    )
    assert mark in body
    assert "single point of contact, stating the facts" not in body


@pytest.fixture
def quebec_record(tmp_path):
    """The Québec sample awarded to A; B fails OBL-4, C stays under the interim 70:
    both envelopes sealed at the opening."""
    pf = create(tmp_path / "qc.tender")
    a, b, c = (record_bid(pf, key) for key in "ABC")
    evaluation_entry.set_mandatory(pf, b, 4, False, evidence="Hébergement hors Canada")
    evaluation_entry.lock_quality(pf, locked_by="M", at=LOCKED)
    opening.open_envelope(pf, opened_by="M", at=OPENED)
    evaluation_entry.set_award(pf, a, awarded_on="2027-05-01", contract_value="100000")
    yield pf.project, read(pf)
    pf.close()


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_under_the_interim_score_the_sealed_envelope_is_said_once(quebec_record, lang):
    p, record = quebec_record
    body = "\n".join(_lines(p, record, 3, lang))
    envelope = "enveloppe de prix" if lang == "fr" else "price envelope"
    assert body.count(envelope) == 1
    assert tr(ENVELOPE_NOT_OPENED, lang) not in body


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_failed_mandatory_criterion_still_says_the_envelope_stayed_sealed(quebec_record, lang):
    p, record = quebec_record
    body = "\n".join(_lines(p, record, 2, lang))
    assert tr(ENVELOPE_NOT_OPENED, lang) in body
    assert body.count(tr(ENVELOPE_NOT_OPENED, lang)) == 1


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        (
            "en",
            "The award departs from the ranking: the contract goes to a bid ranked below yours. "
            "Reason recorded for this choice: Local supplier with better support",
        ),
        (
            "fr",
            "L’adjudication s’écarte du classement\xa0: le contrat va à une soumission classée après "
            "la vôtre. Motif consigné pour ce choix\xa0: Local supplier with better support",
        ),
    ],
)
def test_the_bid_ranked_first_learns_the_award_departs_and_why(lang, said):
    record = awarded(bid_id=5, reason_if_not_top="Local supplier with better support")
    assert said in _lines(project(), record, 4, lang)
    # the clean twin: the award follows the ranking, the bid ranked second reads no departure
    body = "\n".join(_lines(project(), awarded(), 5, lang))
    assert "ranking:" not in body and "classement\xa0:" not in body


def test_a_departure_without_a_reason_says_none_is_recorded():
    lines = _lines(project(), awarded(bid_id=5), 4, "en")
    assert (
        "The award departs from the ranking: the contract goes to a bid ranked below yours. "
        "No reason for this choice is recorded yet." in lines
    )


@pytest.mark.parametrize(
    ("lang", "said", "false"),
    [
        (
            "en",
            "The award departs from the ranking: the contract goes to a bid that was not ranked. "
            "Reason recorded for this choice: Local supplier",
            "ranked below yours",
        ),
        (
            "fr",
            "L’adjudication s’écarte du classement\xa0: le contrat va à une soumission qui n’a pas été "
            "classée. Motif consigné pour ce choix\xa0: Local supplier",
            "classée après la vôtre",
        ),
    ],
)
def test_an_award_to_a_bid_not_ranked_does_not_say_it_ranks_below(lang, said, false):
    """Review 2026-12-07: bid 2 fails a mandatory criterion, so it has no rank; the letter
    to the bid ranked first said the contract went to a bid ranked below it."""
    lines = _lines(project(), awarded(bid_id=2, reason_if_not_top="Local supplier"), 4, lang)
    assert said in lines
    assert false not in "\n".join(lines)
    # the clean twin: an award to a ranked bid below still says so
    twin = "\n".join(_lines(project(), awarded(bid_id=5, reason_if_not_top="Local supplier"), 4, lang))
    assert false in twin and said not in twin


@pytest.mark.parametrize(
    ("lang", "said", "not_said"),
    [
        ("fr", "au rang 1 avec un pointage final de ", "au rang 1 avec un total de"),
        ("en", "in rank 1 with a final score of ", "in rank 1 with a total of"),
    ],
)
def test_a_quebec_recommendation_gives_the_final_score(quebec_record, lang, said, not_said):
    from wizard.core.documents.evaluation_report import report_document

    p, record = quebec_record
    body = text(report_document(p, record, lang))
    assert said in body and not_said not in body
    # the clean twin: outside Québec the recommendation gives the total out of 100
    outside = text(report_document(project(), awarded(), lang))
    assert not_said in outside and said not in outside


def test_the_addenda_column_agrees_in_french():
    from wizard.core.documents.evaluation_report import report_document

    record = awarded()
    bids = tuple(replace(b, acknowledged_addenda=()) if b.id == 5 else b for b in record.bids)
    body = text(report_document(project(), replace(record, bids=bids), "fr")).split("\n")
    assert (
        "Addenda dont la réception est accusée" in body
        and "Addendas dont la réception est accusée" not in body
    )
    assert "aucun" in body and "aucune" not in body
    # one word for one thing, as Québec's texts say it: « pointages de qualité »
    assert "Les pointages de qualité ont été verrouillés le" in "\n".join(body)
    assert "notes de qualité" not in "\n".join(body)


# Fix s10 (2026-12-07): the letter took its resolution date without checking it is a
# real day, and left the resolution out when one of its number and date was missing,
# where the notice of award prints the placeholder; both letters now cite it through
# letters.resolution.
@pytest.mark.parametrize(
    ("changes", "en", "fr"),
    [
        (
            {"resolution_date": "2027-02-30"},
            f"By resolution 2027-05-112 of {PLACEHOLDER}, council awarded the contract to Delta Numérique",
            f"Par sa résolution 2027-05-112 du {PLACEHOLDER}, le conseil a adjugé le contrat à Delta Numérique",
        ),
        (
            {"resolution_number": "", "resolution_date": "2027-02-30"},
            f"By resolution {PLACEHOLDER} of {PLACEHOLDER}, council awarded",
            f"Par sa résolution {PLACEHOLDER} du {PLACEHOLDER}, le conseil",
        ),
        (
            {"resolution_date": " "},
            f"By resolution 2027-05-112 of {PLACEHOLDER}, council awarded",
            f"Par sa résolution 2027-05-112 du {PLACEHOLDER}, le conseil",
        ),
        (
            {"resolution_number": ""},
            f"By resolution {PLACEHOLDER} of May\u00a09, 2027, council awarded",
            f"Par sa résolution {PLACEHOLDER} du 9\u00a0mai\u00a02027, le conseil",
        ),
    ],
    ids=["no-real-day", "no-number-no-real-day", "no-date", "no-number"],
)
def test_a_resolution_date_that_is_no_day_prints_the_placeholder_as_the_notice(changes, en, fr):
    from test_award_notice import _notice

    record = awarded(**changes)
    assert en in "\n".join(_lines(project(), record, 1, "en"))
    assert fr in "\n".join(_lines(project(), record, 1, "fr"))
    start = en.split(PLACEHOLDER)[0]  # the notice cites the resolution the same way
    assert any(line.startswith("The Town is pleased") and start in line for line in _notice(record))


def test_the_clean_twin_a_real_day_or_no_resolution_at_all():
    lines = _lines(project(), awarded(), 1, "en")
    said = (
        "By resolution 2027-05-112 of May\u00a09, 2027, council awarded the contract to Delta Numérique, for"
    )
    assert any(line.startswith(said) for line in lines) and PLACEHOLDER not in "\n".join(lines)
    lines = _lines(project(), awarded(resolution_number=" ", resolution_date=""), 1, "fr")
    assert any(line.startswith("Le contrat est adjugé à Delta Numérique, pour") for line in lines)
    assert not [line for line in lines if "résolution" in line or PLACEHOLDER in line]


def test_the_gate_names_each_debriefing_letter_of_a_resolution_date_that_is_no_day():
    """The French letter wrote the placeholder with no-break spaces (``long_date`` of no
    day), which the gate did not read as the placeholder: it let the letter through."""
    import bids_record_sample as sample

    from wizard.core.documents.gate import other_document_items

    def named(record) -> list[str]:
        items = other_document_items(sample.project(), ["fr", "en"], bids=record)
        return sorted(i.document for i in items if i.document.startswith("debriefing-"))

    letters = [f"debriefing-{n}-{lang}.docx" for n in (1, 2, 3, 5) for lang in ("en", "fr")]
    assert named(awarded(resolution_date="2027-02-30")) == sorted(letters)
    assert named(awarded()) == []  # the clean twin: a real day


def test_the_french_letter_names_the_contact_as_the_tender_does():
    """The tender and the notice of award say « personne-ressource unique »; the letter
    said « responsable unique », a role the tender never names (walk, 2026-12-07)."""
    fr = "\n".join(_lines(project(), awarded(), 5, "fr"))
    assert (
        "Pour toute question sur ce résultat, ou pour demander une rencontre, écrivez à la "
        "personne-ressource unique désignée dans l’appel d’offres en indiquant son numéro de référence."
    ) in fr.split("\n")
    assert "responsable unique" not in fr
    en = "\n".join(_lines(project(), awarded(), 5, "en"))  # the English source keeps its words
    assert "write to the single point of contact named in the call for tenders" in en


ADDRESS = "Case postale 7\n\n  12,  rue de l’Église \nRivière-aux-Pins (N.-B.)  E4A 1B2\n"


def _addressed(address: str):
    """The sample project with ``address`` as its postal address in both languages."""
    p = project()
    p.info = replace(p.info, contact_address=address)
    p.translations = [
        replace(t, text=address) if t.address == "info.contact_address" else t for t in p.translations
    ]
    return p


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_towns_postal_address_signs_both_letters(lang):
    """The letters gave the Town's e-mail and telephone but no postal address though the
    project holds one (walk, 2026-12-07): its lines, as recorded (blank lines and runs
    of spaces dropped), follow the Town's name."""
    p = _addressed(ADDRESS)
    record = awarded()
    closing = (
        "Yours truly," if lang == "en" else "Veuillez agréer, Madame, Monsieur, nos salutations distinguées."
    )
    block = [
        "Ville de Rivière-aux-Pins",
        "Case postale 7",
        "12, rue de l’Église",
        "Rivière-aux-Pins (N.-B.) E4A 1B2",
        "approvisionnement@riviere-aux-pins.example.ca",
        "506 555-0123",
    ]
    assert _after(_lines(p, record, 5, lang), closing, 8)[2:] == block
    notice = text(notice_document(p, record, lang)).split("\n")
    assert _after(notice, closing, 8)[2:] == block


@pytest.mark.parametrize("blank", ["", " \n\t\n"])
def test_the_clean_twin_no_address_recorded_prints_no_line(blank):
    p = _addressed(blank)
    assert _after(_lines(p, awarded(), 5, "en"), "Yours truly,", 5)[2:] == [
        "Ville de Rivière-aux-Pins",
        "approvisionnement@riviere-aux-pins.example.ca",
        "506 555-0123",
    ]
