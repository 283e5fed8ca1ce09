"""The decision record after the award (walk 2026-12-07): exported once bids are in,
it says the award decision in words, with real values (the bidder, its business number,
the amount in the Town's format, the dates), and no launch-time sentence the award makes
false; the launch record keeps its recommendation as it was."""

from __future__ import annotations

import contextlib
import dataclasses
from decimal import Decimal
from pathlib import Path

import bids_record_sample as sample
import pytest
from test_document_texts import docx_text, example_bids

from wizard.core.bids.record import Award
from wizard.core.documents.blocks import Heading, Paragraph, Table
from wizard.core.documents.record import record_blocks
from wizard.core.examples import load_example
from wizard.core.export import record_bytes
from wizard.core.publishing.record import Baseline, Record
from wizard.core.textclean import clean_project

AWARDED = {
    "fr": [
        "Adjudication du contrat",
        "Par la résolution 2027-05-118 du 10 mai 2027, le conseil a adjugé le contrat à Apprentissage "
        "Fundy inc., numéro d’entreprise 845123679RC0001, pour 95 502,70 $ avant taxes.",
        "Le comité de sélection a classé cette soumission au premier rang, avec un total de 93,00.",
        "Délai d’attente",
        "10 jours suivant la décision d’adjudication, jusqu’au 20 mai 2027",
        "Contrat signé le",
        "25 mai 2027",
        "4 soumissions ont été reçues, dont 1 après la clôture fixée au 16 avril 2027, 11 h 00 "
        "(heure de l’Atlantique).",
        "Formation Atlantique ltée",
        "Ne satisfait pas à un critère obligatoire",
        "119 100,00 $",
        "Recommandation au lancement",
        "Pour lancer l’appel d’offres, il a été recommandé au conseil d’adopter la résolution suivante :",
        "Ce qui a été lancé : ",
        "Calendrier de l’appel d’offres : ",
    ],
    "en": [
        "Award of the contract",
        "The notes quoted in this record (the reasons for setting a bid aside, for departing from the "
        "ranking or for not awarding, the signatory's title) are reproduced in their original language, "
        "French, as they were recorded during the evaluation.",
        "By resolution 2027-05-118 of May 10, 2027, Council awarded the contract to Apprentissage Fundy "
        "inc., business number 845123679RC0001, for $95,502.70 before taxes.",
        "The selection committee ranked this bid first, with a total of 93.00.",
        "10 days after the award decision, until May 20, 2027",
        "May 25, 2027",
        "4 bids were received, 1 of them after the closing set for April 16, 2027, 11:00 a.m. Atlantic Time.",
        "Late: not opened",
        "$105,000.00",
        "Recommendation at launch",
        "To launch the call for tenders, it was recommended that Council adopt the following resolution:",
        "What was launched: ",
        "Schedule of the call for tenders: ",
    ],
}
CONTRACT = {
    "fr": [
        "Le contrat adjugé dure 3 ans à compter du 1er juin 2027.",
        "Sa valeur à l’adjudication est de 95 502,70 $ avant taxes; l’estimation de la section sur le "
        "financement était de 172 502,43 $ avant taxes sur 5 ans.",
        "Selon la valeur adjugée, le plafond est de 191 005,40 $.",
    ],
    "en": [
        "The contract awarded runs for 3 years from June 1, 2027.",
        "Its value as awarded is $95,502.70 before taxes; the estimate of the funding section was "
        "$172,502.43 before taxes over 5 years.",
        "On the value awarded, the cap is $191,005.40.",
    ],
}
"""The section "The contract" once awarded: the contract awarded, its value, the cap on it."""
LAUNCH = {
    "fr": ["Il est recommandé au conseil d’adopter la résolution suivante :", "Ce qui est proposé : "],
    "en": ["It is recommended that Council adopt the following resolution:", "What is proposed: "],
}
LAUNCH_CONTRACT = {
    "fr": [
        "Le contrat durerait 3 ans à compter du 1er juin 2027.",
        "Selon l’estimation, le plafond serait de 345 004,86 $.",
    ],
    "en": [
        "The contract would run for 3 years from June 1, 2027.",
        "On the estimate, the cap would be $345,004.86.",
    ],
}


def _docx_lines(tmp_path: Path, lang: str, with_bids: bool) -> list[str]:
    bids = example_bids("training", tmp_path) if with_bids else None
    path = tmp_path / f"record-{lang}.docx"
    path.write_bytes(record_bytes(clean_project(load_example("training")), lang, None, bids))
    # no-break spaces (French colons, amounts, clock times) compared as spaces
    return docx_text(path).replace("\u00a0", " ").splitlines()


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_exported_record_of_an_awarded_tender_says_the_award(tmp_path, lang):
    lines = _docx_lines(tmp_path, lang, with_bids=True)
    text = "\n".join(lines)
    for expected in AWARDED[lang] + CONTRACT[lang]:
        assert expected in text, expected
    for launch_time in LAUNCH[lang] + LAUNCH_CONTRACT[lang]:
        assert launch_time not in text
    # the award comes before the launch's recommendation, which keeps its resolution
    assert lines.index(AWARDED[lang][0]) < lines.index(AWARDED[lang][-4])
    assert "RAP-2027-TI-07" in lines[lines.index(AWARDED[lang][-4]) + 3]


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_launch_record_has_no_award_and_recommends_the_launch(tmp_path, lang):
    text = "\n".join(_docx_lines(tmp_path, lang, with_bids=False))
    for launch_time in LAUNCH[lang] + LAUNCH_CONTRACT[lang]:
        assert launch_time in text
    assert AWARDED[lang][0] not in text and AWARDED[lang][-4] not in text
    assert not any(sentence in text for sentence in CONTRACT[lang])


def _texts(record, lang: str = "en", publication: Record | None = None) -> list[str]:
    out: list[str] = []
    for block in record_blocks(sample.project(), lang, publication=publication, bids=record):
        if isinstance(block, Heading | Paragraph):
            out.append(block.text)
        elif isinstance(block, Table):
            out += [cell for row in block.header + block.rows for cell in row]
    return out


def _award(**changes) -> object:
    return dataclasses.replace(sample.clean(), award=Award(**{"bid_id": 4, **changes}))


def test_a_departure_from_the_ranking_is_said_with_its_reason():
    texts = _texts(_award(bid_id=5, reason_if_not_top="Delivery two months earlier."))
    assert (
        "The award departs from the ranking: the selection committee ranked Delta Numérique first and "
        "this bid in rank 2."
    ) in texts
    assert "Reason recorded for the departure: Delivery two months earlier." in texts
    assert (
        "The contract was awarded to Epsilon Inc., business number 123456785, for $100,000.00 before "
        "taxes; the day of the decision is not recorded."
    ) in texts


def test_an_award_to_the_first_ranked_says_no_departure():
    texts = _texts(_award(awarded_on="2027-05-10"))
    assert "The selection committee ranked this bid first, with a total of 87.30." in texts
    assert not any("departs from the ranking" in t for t in texts)
    assert (
        "On May\u00a010, 2027, the contract was awarded to Delta Numérique, business number 123456784, for "
        "$123,456.78 before taxes."
    ) in texts


def test_a_departure_without_a_reason_says_none_is_recorded_in_french():
    texts = _texts(_award(bid_id=5), "fr")
    assert "Aucun motif n’est consigné pour cet écart." in texts


def test_a_value_other_than_the_bid_and_what_is_not_recorded():
    texts = _texts(_award(contract_value=Decimal("120000"), standstill_days=0))
    assert "This amount is not the evaluated price of its bid, $123,456.78." in texts
    assert any("for $120,000.00 before taxes" in t for t in texts)
    row = texts.index("Resolution number")
    assert texts[row + 1] == "not recorded"
    assert texts[texts.index("Standstill period") + 1] == "no standstill period"
    assert texts[texts.index("Contract signed on") + 1] == "not signed yet"


def test_bids_without_an_award_say_none_is_awarded():
    texts = _texts(dataclasses.replace(sample.clean(), award=None))
    assert "Bids received" in texts and "Award of the contract" not in texts
    assert (
        "No contract is awarded. The evaluation report gives each bid's evaluation and the award "
        "recommendation."
    ) in texts
    assert "Recommendation at launch" in texts


def test_a_published_tender_without_bids_speaks_of_the_launch_as_done():
    baseline = Baseline(
        published_on="2027-03-01", recorded_at="2027-03-01T12:00:00Z", model="{}", release="{}"
    )
    texts = _texts(None, publication=Record(baseline=baseline))
    assert "Recommendation at launch" in texts and "Recommendation" not in texts
    assert not any(t in texts for t in ("Bids received", "Award of the contract"))
    unpublished = _texts(None, publication=Record())
    assert "Recommendation" in unpublished and "Recommendation at launch" not in unpublished


def test_quebec_award_says_the_final_score_and_sealed_envelopes_before(tmp_path):
    from quebec_bids_sample import LOCKED, OPENED, create, record_bid

    from wizard.core.bids import evaluation_entry, opening
    from wizard.core.bids.record import read

    def texts(pf, lang):
        return [
            t
            for block in record_blocks(pf.project, lang, bids=read(pf))
            for t in (
                [block.text]
                if isinstance(block, Heading | Paragraph)
                else [" | ".join(r) for r in block.header + block.rows]
                if isinstance(block, Table)
                else []
            )
        ]

    with create(tmp_path / "qc.tender") as pf:
        record_bid(pf, "A")
        beta = record_bid(pf, "B")
        record_bid(pf, "C")
        before = texts(pf, "en")
        assert "1 | Alpha Conseil inc. | Price envelope still sealed | — | —" in before
        assert (
            "No contract is awarded. The evaluation report gives each bid's evaluation and the award recommendation."
            in before
        )
        evaluation_entry.lock_quality(pf, locked_by="Greffière", at=LOCKED)
        opening.open_envelope(pf, opened_by="Greffière", at=OPENED)
        evaluation_entry.set_award(
            pf, beta, resolution_number="CM-2027-88", resolution_date="2027-05-03", standstill_days=1
        )
        after = texts(pf, "fr")
    assert (
        "Par la résolution CM-2027-88 du 3 mai 2027, le conseil a adjugé le contrat à Bêta Formation ltée, "
        "numéro d’entreprise à confirmer, pour 90 000,00 $ avant taxes."
    ) in [t.replace("\u00a0", " ") for t in after]
    # two decimals, as the evaluation report and bids.csv give it (walk 2026-12-07, item 6)
    assert (
        "Le comité de sélection a classé cette soumission au premier rang, avec un pointage final de 13,56."
        in after
    )
    assert "N° | Soumissionnaire | Statut | Prix évalué | Pointage final" in after
    assert (
        "Délai d’attente | 1\u00a0jour suivant la décision d’adjudication, jusqu’au 4\u00a0mai\u00a02027"
        in after
    )
    assert "Contrat signé le | pas encore signé" in after


# -- the review of the record after the award (2026-12-07) ------------------------------


@contextlib.contextmanager
def _training(tmp_path: Path, follow_up: bool = True):
    """A project file of the training example, as ``new --example training`` makes it
    (without its contract's follow-up entries when not ``follow_up``)."""
    from wizard.core.contract.jsonform import all_tables
    from wizard.core.examples import load_example_with_contract
    from wizard.core.project_file.store import ProjectFile

    project, publishing, bids, contract = load_example_with_contract("training")
    tables = all_tables(publishing, bids, contract if follow_up else None)
    with ProjectFile.create(tmp_path / "training.tender", project, origin="example", tables=tables) as pf:
        yield pf


def _exported(tmp_path: Path, pf, lang: str, published: bool = True, bids=None) -> dict[str, str]:
    """The texts of the decision record and the contract summary ``export_all`` writes
    from ``pf`` as the CLI's export reads it (no-break spaces as spaces)."""
    from wizard.core.bids.record import read as read_bids
    from wizard.core.contract.record import follow_up
    from wizard.core.export import export_all
    from wizard.core.publishing.record import read as read_publication

    out = tmp_path / f"out-{lang}-{published}"
    paths = export_all(
        pf.project,
        out,
        lang,
        record=read_publication(pf) if published else None,
        bids=bids or read_bids(pf),
        follow=follow_up(pf),
    )
    names = {p.name: p for p in paths}
    return {
        kind: docx_text(names[f"{kind}-{lang}.docx"]).replace("\u00a0", " ")
        for kind in ("decision-record", "contract-summary")
        if f"{kind}-{lang}.docx" in names
    }


AWARD_DATED = {
    "fr": (
        "Par la résolution 2027-05-118 du 10 mai 2027, le conseil a adjugé le contrat à Apprentissage Fundy "
        "inc., numéro d’entreprise 845123679RC0001, pour 95 502,70 $ avant taxes. L’adjudication est datée "
        "du 12 mai 2027."
    ),
    "en": (
        "By resolution 2027-05-118 of May 10, 2027, Council awarded the contract to Apprentissage Fundy inc., "
        "business number 845123679RC0001, for $95,502.70 before taxes. The award is dated May 12, 2027."
    ),
}


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_resolution_keeps_its_date_when_the_award_is_dated_later(tmp_path, lang):
    from wizard.core.bids.evaluation_entry import set_award

    with _training(tmp_path) as pf:
        set_award(pf, 1, awarded_on="2027-05-12")
        lines = _exported(tmp_path, pf, lang)["decision-record"].splitlines()
        assert AWARD_DATED[lang] in lines
        assert not any("2027-05-118 of May 12" in x or "2027-05-118 du 12 mai" in x for x in lines)
        # the clean twin: awarded the day the resolution was adopted, one date
        set_award(pf, 1, awarded_on="2027-05-10")
        lines = _exported(tmp_path / "same", pf, lang)["decision-record"].splitlines()
    assert AWARD_DATED[lang].rsplit(". ", 1)[0] + "." in lines
    assert not any("May 12, 2027" in x or "12 mai 2027" in x for x in lines)


LAUNCH_ESTIMATE = {
    "fr": ("De financer cette dépense, estimée à 172 502,43 $", "Coût estimé : 345 004,85 $"),
    "en": ("THAT the expenditure, estimated at $172,502.43", "Estimated cost: $345,004.85"),
}


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_recommendation_at_launch_keeps_the_published_estimate(tmp_path, lang):
    from wizard.core import ops
    from wizard.core.model.entities import CostLine

    launch, today = LAUNCH_ESTIMATE[lang]
    with _training(tmp_path) as pf:
        for line in pf.project.cost_lines:  # the cost study stays editable after publication
            ops.update(pf, CostLine, line.id, amount=line.amount * 2)
        text = _exported(tmp_path, pf, lang)["decision-record"]
        assert launch in text  # the published model's estimate
        assert today in text  # the summary says today's
        # the clean twin: bids recorded without a publication record: today's estimate
        unpublished = _exported(tmp_path, pf, lang, published=False)["decision-record"]
    assert launch not in unpublished
    assert launch.replace("172 502,43", "345 004,85").replace("172,502.43", "345,004.85") in unpublished


CONTRACT_TERMS = {
    "fr": ("Le contrat adjugé dure 2 ans à compter du 26 mai 2027.", "26 mai 2027", "2 ans"),
    "en": ("The contract awarded runs for 2 years from May 26, 2027.", "May 26, 2027", "2 years"),
}


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_record_says_the_contracts_terms_as_the_contract_summary(tmp_path, lang):
    from wizard.core.contract.operations import set_terms

    sentence, start, term = CONTRACT_TERMS[lang]
    with _training(tmp_path) as pf:
        before = _exported(tmp_path, pf, lang)
        set_terms(pf, start_on="2027-05-26", term_years=2)
        after = _exported(tmp_path / "terms", pf, lang)
    # the clean twin: before the follow-up sets its terms, the tender's plan
    assert any(x.startswith(CONTRACT[lang][0] + " ") for x in before["decision-record"].splitlines())
    assert sentence not in before["decision-record"]
    summary = after["contract-summary"].splitlines()
    assert summary[summary.index(start) - 1] in ("Début", "Start")
    assert summary[summary.index(term) - 1] in ("Durée initiale", "Initial term")
    record = after["decision-record"].splitlines()
    assert any(x.startswith(sentence + " ") for x in record)
    assert not any(x.startswith(CONTRACT[lang][0]) for x in record)


NO_AWARD = {
    "fr": [
        "Par la résolution 2027-05-120 du 10 mai 2027, le conseil a décidé de ne pas adjuger le contrat.",
        "Motif consigné de cette décision : Les prix dépassent le budget disponible.",
        "Le rapport d’évaluation présente l’évaluation de chaque soumission et la recommandation "
        "d’adjudication.",
    ],
    "en": [
        "The notes quoted in this record (the reasons for setting a bid aside, for departing from the ranking "
        "or for not awarding, the signatory's title) are reproduced in their original language, French, as "
        "they were recorded during the evaluation.",
        "By resolution 2027-05-120 of May 10, 2027, Council decided not to award the contract.",
        "Reason recorded for this decision: Les prix dépassent le budget disponible.",
        "The evaluation report gives each bid's evaluation and the award recommendation.",
    ],
}


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_decision_not_to_award_says_the_resolution_and_its_reason(tmp_path, lang):
    from wizard.core.bids.evaluation_entry import set_award

    with _training(tmp_path, follow_up=False) as pf:
        set_award(
            pf,
            None,
            resolution_number="2027-05-120",
            resolution_date="2027-05-10",
            reason_if_not_top="Les prix dépassent le budget disponible.",
        )
        lines = _exported(tmp_path, pf, lang)["decision-record"].splitlines()
        for expected in NO_AWARD[lang]:
            assert expected in lines, expected
        assert not any(x.startswith(("No contract is awarded", "Aucun contrat n’est adjugé")) for x in lines)
        # the clean twin: bids and no decision yet
        set_award(pf, None, resolution_number="", resolution_date="", reason_if_not_top="")
        from wizard.core.bids.record import read as read_bids

        undecided = read_bids(pf)
        twin = _exported(tmp_path / "twin", pf, lang, bids=dataclasses.replace(undecided, award=None))
    lines = twin["decision-record"].splitlines()
    assert not any("not to award" in x or "ne pas adjuger" in x for x in lines)
    assert any(x.startswith(("No contract is awarded.", "Aucun contrat n’est adjugé.")) for x in lines)


def test_a_decision_not_to_award_without_its_resolution_says_what_is_not_recorded():
    texts = _texts(_award(bid_id=None, awarded_on="2027-05-10"))
    assert (
        "On May\u00a010, 2027, it was decided not to award the contract; the number of the resolution is not "
        "recorded."
    ) in texts
    assert not any(t.startswith("Reason recorded") for t in texts)
    texts = _texts(_award(bid_id=None, resolution_number="R-9"), "fr")
    assert (
        "Par la résolution R-9, le conseil a décidé de ne pas adjuger le contrat; la date de la résolution "
        "n’est pas consignée."
    ) in texts
    assert (
        "Il a été décidé de ne pas adjuger le contrat; la résolution et sa date ne sont pas consignées."
        in (_texts(_award(bid_id=None), "fr"))
    )


RECEIVED = {
    # bids kept: what the record says of them
    (1, 2, 3): (
        "3 bids were received, all before the closing set for April 16, 2027, 11:00 a.m. Atlantic Time.",
        "3 soumissions ont été reçues, toutes avant la clôture fixée au 16 avril 2027, 11 h 00 (heure de "
        "l’Atlantique).",
    ),
    (1,): (
        "1 bid was received, before the closing set for April 16, 2027, 11:00 a.m. Atlantic Time.",
        "1 soumission a été reçue, avant la clôture fixée au 16 avril 2027, 11 h 00 (heure de l’Atlantique).",
    ),
    (4,): (
        "1 bid was received, after the closing set for April 16, 2027, 11:00 a.m. Atlantic Time.",
        "1 soumission a été reçue, après la clôture fixée au 16 avril 2027, 11 h 00 (heure de l’Atlantique).",
    ),
    # the clean twin: one late among four
    (1, 2, 3, 4): (
        "4 bids were received, 1 of them after the closing set for April 16, 2027, 11:00 a.m. Atlantic Time.",
        "4 soumissions ont été reçues, dont 1 après la clôture fixée au 16 avril 2027, 11 h 00 (heure de "
        "l’Atlantique).",
    ),
}


@pytest.mark.parametrize("kept", list(RECEIVED))
def test_the_bids_received_are_counted_in_words_when_none_or_all_are_late(tmp_path, kept):
    bids = example_bids("training", tmp_path)
    bids = dataclasses.replace(bids, bids=tuple(b for b in bids.bids if b.id in kept))
    project = clean_project(load_example("training"))
    for lang, expected in zip(("en", "fr"), RECEIVED[kept], strict=True):
        path = tmp_path / f"record-{lang}.docx"
        path.write_bytes(record_bytes(project, lang, None, bids))
        lines = docx_text(path).replace("\u00a0", " ").splitlines()
        assert expected in lines
        assert not any(" 0 of them" in x or "dont 0" in x for x in lines)


def test_an_award_when_no_bid_is_ranked_says_so():
    record = _award(bid_id=3)  # below the pass threshold; bids 4 and 5, the ranked ones, taken out
    texts = _texts(dataclasses.replace(record, bids=tuple(b for b in record.bids if b.id < 4)))
    assert (
        "The award departs from the evaluation: the selection committee ranked no bid, this one included "
        "(below the pass threshold)."
    ) in texts
    assert not any("ranked — first" in t for t in texts)
    # the clean twin: bid 5 ranked first, named
    texts = _texts(dataclasses.replace(record, bids=tuple(b for b in record.bids if b.id != 4)), "fr")
    assert any(
        t.replace("\u00a0", " ").startswith(
            "L’adjudication s’écarte du classement : le comité de sélection a classé Epsilon Inc. au premier"
        )
        for t in texts
    )


NOTES_EN = (
    "The notes quoted in this record (the reasons for setting a bid aside, for departing from the ranking "
    "or for not awarding, the signatory's title) are reproduced in their original language, French, as "
    "they were recorded during the evaluation."
)


@pytest.mark.parametrize(("lang", "said"), [("en", NOTES_EN)])
def test_the_notes_sentence_only_when_a_typed_note_is_quoted(lang, said):
    """Review 2026-12-07: an award with its signatory, delegated authority and every reason
    blank quotes nothing typed, yet said the notes quoted were in French."""
    blank = _texts(_award(signatory=" ", delegated_authority="", reason_if_not_top="  "), lang)
    assert said not in blank
    # the clean twins: a signatory's title, or a reason for setting a bid aside, is quoted
    assert said in _texts(_award(signatory="la directrice générale"), lang)
    record = sample.clean()
    rejected = dataclasses.replace(record.bids[1], rejected="Hors délai de validité")
    bids = (record.bids[0], rejected, *record.bids[2:])
    assert said in _texts(dataclasses.replace(record, bids=bids, award=Award(bid_id=4)), lang)


@pytest.mark.parametrize(
    ("lang", "head", "adopted", "signed"),
    [
        ("en", "Adopted on", "not recorded", "not signed yet"),
        ("fr", "Adoptée le", "non consigné", "pas encore signé"),
    ],
)
def test_an_invalid_stored_date_reads_as_not_recorded_in_the_award_table(lang, head, adopted, signed):
    """Review 2026-12-07: the decision's sentence read an invalid date as not recorded, the
    award table printed the placeholder for it."""
    texts = _texts(_award(resolution_date="2027-02-30", contract_signed_on="25/05/2027"), lang)
    assert texts[texts.index(head) + 1] == adopted
    sign = "Contract signed on" if lang == "en" else "Contrat signé le"
    assert texts[texts.index(sign) + 1] == signed
    # the clean twin: valid dates are printed
    valid = _texts(_award(resolution_date="2027-05-09", contract_signed_on="2027-05-25"), lang)
    assert valid[valid.index(sign) + 1] == ("May\u00a025, 2027" if lang == "en" else "25\u00a0mai\u00a02027")
    assert valid[valid.index(head) + 1] == ("May\u00a09, 2027" if lang == "en" else "9\u00a0mai\u00a02027")


SIGNED_LONGER = {
    "fr": (
        "Le contrat adjugé dure 4 ans à compter du 26 mai 2027.",
        "6 ans au plus",
        "L’estimation couvre toutes les années que peut durer le contrat, renouvellements compris.",
    ),
    "en": (
        "The contract awarded runs for 4 years from May 26, 2027.",
        "6 years at most",
        "The estimate covers every year the contract may run, renewals included.",
    ),
}


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_signed_term_other_than_the_plan_is_not_judged_on_the_plans_horizon(tmp_path, lang):
    """Review 2026-12-07: the signed contract's term (4 years, 2 renewals of 1: 6 years)
    went past the 5-year horizon, yet the record kept the claim judged on the plan's 3
    years (5 with renewals) that the estimate covers every year."""
    from wizard.core.contract.operations import set_terms

    sentence, total, horizon = SIGNED_LONGER[lang]
    with _training(tmp_path) as pf:
        before = _exported(tmp_path, pf, lang)["decision-record"]
        set_terms(pf, start_on="2027-05-26", term_years=4)
        after = _exported(tmp_path / "terms", pf, lang)["decision-record"]
    term = next(x for x in after.splitlines() if x.startswith(sentence + " "))
    assert total in term
    assert horizon not in after
    # the clean twin: on the plan's terms the claim holds and is said
    assert horizon in before
