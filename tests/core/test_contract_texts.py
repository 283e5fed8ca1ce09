"""The tender's contract texts from the statement of work (issue 18; docs/clauses.md,
docs/documents.md): the commercial clauses for every province and territory in both
languages, Québec civil-law wording, the precedence clause, the statement of work and
the two appendices, with the values the project holds."""

from __future__ import annotations

from decimal import Decimal

import pytest
from tender_sample import tender_project

from wizard.core.clauses import library as clauses
from wizard.core.clauses.terms import contract_terms
from wizard.core.documents.blocks import Heading, Paragraph, Table
from wizard.core.documents.tender import tender_blocks
from wizard.core.documents.tender_schedules import schedule_blocks
from wizard.core.documents.tender_statement_of_work import statement_of_work_blocks
from wizard.core.domain.provinces import CODES
from wizard.core.i18n.formats import PLACEHOLDER

COMMERCIAL = (
    "term-renewal",
    "payment-invoicing",
    "price-adjustment",
    "acceptance-warranty",
    "limitation-of-liability",
    "indemnity",
    "insurance",
    "termination",
    "force-majeure",
    "assignment",
    "notices",
    "confidentiality",
    "key-personnel",
    "compliance-laws",
)

VARIANTS = {
    "defaults": {},
    "all-off": {
        "renewals": 0,
        "acceptance_days": 0,
        "warranty_months": 0,
        "payment_terms": "pay_periodic",
        "holdback_pct": Decimal(0),
        "price_adjustment": "price_firm",
        "liability_cap": "cap_unlimited",
        "insurance_general_cad": Decimal(0),
        "insurance_professional_cad": Decimal(0),
        "insurance_cyber_cad": Decimal(0),
        "availability_pct": Decimal(0),
        "key_personnel": True,
    },
    "unstated-cap": {"liability_cap": "cap_unstated", "background_checks": True, "sla_termination_months": 0},
}


def _project(province: str = "QC", **sow: object):
    p = tender_project(lang="both", province=province)
    p.info.contract_start = "2027-05-03"
    for key, value in sow.items():
        setattr(p.statement_of_work, key, value)
    return p


def _text(p, clause_id: str, lang: str) -> list[tuple[int, str]]:
    return clauses.render_clause(p, clauses.clause(clause_id), lang).paragraphs


@pytest.mark.parametrize("code", CODES)
@pytest.mark.parametrize("variant", sorted(VARIANTS))
def test_every_commercial_clause_renders_in_every_province_in_both_languages(code, variant):
    p = _project(code, **VARIANTS[variant])
    for clause_id in COMMERCIAL:
        item = clauses.clause(clause_id)
        assert clauses.required_variables(item.bodies["fr"]) == clauses.required_variables(item.bodies["en"])
        fr, en = _text(p, clause_id, "fr"), _text(p, clause_id, "en")
        assert [level for level, _t in fr] == [level for level, _t in en], clause_id
        for _level, text in fr + en:
            assert text.strip() and PLACEHOLDER not in text and "{" not in text, (clause_id, text)
        if clause_id != "key-personnel" or variant != "defaults":
            assert fr and en, clause_id


def test_terms_are_written_in_each_language():
    p = _project(availability_pct=Decimal("99.5"), renewals=1)
    fr, en = contract_terms(p, "fr"), contract_terms(p, "en")
    assert (en["term"], en["renewal_times"], en["availability"], en["holdback_pct"]) == (
        "3 years",
        "1 time",
        "99.5%",
        "10%",
    )
    assert (fr["term"], fr["renewal_times"], fr["availability"], fr["holdback_pct"]) == (
        "3\u00a0ans",
        "1 fois",
        "99,5\u00a0%",
        "10\u00a0%",
    )
    assert en["insurance"] == [
        "commercial general liability insurance of at least $2,000,000 per occurrence",
        "professional liability (errors and omissions) insurance of at least $1,000,000 per claim",
        "cyber and privacy liability insurance of at least $1,000,000 per claim",
    ]
    p.statement_of_work.insurance_professional_cad = Decimal(0)
    assert len(contract_terms(p, "fr")["insurance"]) == 2


def test_golden_liability_quebec_civil_law_and_common_law():
    qc, on = _project("QC"), _project("ON")
    assert _text(qc, "limitation-of-liability", "fr")[4] == (
        3,
        "au préjudice causé par une faute lourde ou intentionnelle, ni au préjudice corporel ou moral, dont "
        "l’article 1474 du Code civil du Québec interdit d’exclure ou de limiter la responsabilité.",
    )
    assert _text(on, "limitation-of-liability", "en")[4] == (
        3,
        "an injury caused by gross negligence or wilful misconduct, nor death or bodily injury.",
    )
    assert _text(on, "limitation-of-liability", "en")[0][1].startswith(
        "The total liability of each party to the other for all claims arising from the Contract is limited to 2 times"
    )
    unlimited = _text(_project("ON", liability_cap="cap_unlimited"), "limitation-of-liability", "en")
    assert unlimited[0][1] == (
        "The Contract does not limit the liability of either party: each is liable, under the law of Ontario, "
        "for the injury it causes to the other."
    )
    assert len(unlimited) == 2


def test_golden_termination_quebec_resiliation_and_sla_trigger():
    qc = _text(_project("QC"), "termination", "fr")
    assert qc[0][1].startswith(
        "La Ville peut résilier unilatéralement le Contrat en tout temps, même si son exécution est commencée, "
        "par un avis écrit à l’Adjudicataire qui prend effet 30\u00a0jours après sa réception, comme le permettent "
        "les articles 2125 et 2129 du Code civil du Québec."
    )
    assert "pendant 3\u00a0mois au cours d’une période de douze (12) mois consécutifs" in qc[2][1]
    on = _text(_project("NS", termination_notice_days=60), "termination", "en")
    assert on[0][1].startswith("The Town may terminate the Contract for convenience at any time")
    assert "takes effect 60 days after it is received" in on[0][1]
    no_sla = _text(_project("NS", availability_pct=Decimal(0)), "termination", "en")
    assert len(no_sla) == len(on) - 1


def test_golden_payment_renewal_and_insurance():
    p = _project("NB", payment_days=45, payment_period="quarterly", holdback_pct=Decimal("7.5"))
    pay = [t for _l, t in _text(p, "payment-invoicing", "en")]
    assert "The Town holds back 7.5% of each payment for one-off work until final acceptance" in pay[2]
    assert "invoiced each quarter" in pay[3] and "within 45 days of receiving it" in pay[4]
    assert "facturés chaque trimestre" in _text(p, "payment-invoicing", "fr")[3][1]
    term = _text(p, "term-renewal", "fr")
    assert term[0][1] == "Le Contrat débute le 3\u00a0mai\u00a02027 et sa durée initiale est de 3\u00a0ans."
    assert "renouveler le Contrat au plus 2 fois, pour 1\u00a0an chaque fois" in term[1][1]
    none = _project(
        "NB",
        insurance_general_cad=Decimal(0),
        insurance_professional_cad=Decimal(0),
        insurance_cyber_cad=Decimal(0),
    )
    assert _text(none, "insurance", "en")[0][1].startswith(
        "This call for tenders requires no particular insurance."
    )


def test_key_personnel_clause_only_when_the_statement_of_work_asks():
    assert "key-personnel" not in [c.id for c in clauses.included_clauses(_project())]
    p = _project(background_checks=True)
    assert "key-personnel" in [c.id for c in clauses.included_clauses(p)]
    [(level, text)] = _text(p, "key-personnel", "en")
    assert level == 2 and text.startswith(
        "Before a person of the Contractor or of a subcontractor obtains access"
    )


def test_precedence_ranks_only_documents_that_exist():
    p = _project("ON")
    en = _text(p, "precedence", "en")[0][1]
    assert en == (
        "The Contract consists of, in descending order of precedence, the form of agreement appended to this call "
        "for tenders, once signed by the parties; this call for tenders, with its appendices and addenda, an "
        "addendum prevailing over the text it amends; and the Contractor's bid."
    )
    assert "entente signée" not in _text(p, "precedence", "fr")[0][1]
    headings = [b.text for b in tender_blocks(p, "en") if isinstance(b, Heading) and b.level == 1]
    assert "Appendix: form of agreement" in headings and "Appendix: service levels and security" in headings


def test_statement_of_work_in_the_third_person_with_the_values():
    p = _project("ON", users=120, records=2500, go_live_weeks=12, deliver_integrations=True)
    p.statement_of_work.object = "a hosted learning management system for the Town's employees."
    blocks = statement_of_work_blocks(p, "en")
    texts = [b.text for b in blocks if isinstance(b, Paragraph)]
    assert texts[0] == "The Town seeks a hosted learning management system for the Town's employees."
    [table] = [b for b in blocks if isinstance(b, Table)]
    assert table.rows == [["Users", "120"], ["Records", "2,500"]]
    assert (
        "The Contract begins on May\u00a03, 2027 for an initial term of 3 years. The Town may renew it, at its option, "
        "2 times at most, for 1 year each time." in texts
    )
    assert any(t.startswith("Integrations:") for t in texts)
    assert any("within 12 weeks of the start of the Contract" in t for t in texts)
    french = statement_of_work_blocks(p, "fr")
    assert [b for b in french if isinstance(b, Table)][0].rows[1] == ["Dossiers", "2\u00a0500"]
    p.statement_of_work.object = ""
    assert statement_of_work_blocks(p, "fr")[2].text == f"La Ville requiert {PLACEHOLDER}."
    p.statement_of_work.object = "Une plateforme de formation en ligne."
    assert (
        statement_of_work_blocks(p, "fr")[2].text == "La Ville requiert une plateforme de formation en ligne."
    )
    p.statement_of_work.object = "SaaS hosting of the Town's records"
    assert statement_of_work_blocks(p, "en")[2].text == "The Town seeks SaaS hosting of the Town's records."


def test_service_level_appendix_prints_the_numbers():
    p = _project("QC", rto_hours=0, service_credit_pct=Decimal("2"))
    p.scope.mission_critical = True
    blocks = schedule_blocks(p, "en")
    tables = [b for b in blocks if isinstance(b, Table)]
    assert tables[0].rows == [
        [
            "Availability of the service",
            "99.5% of the time each month, outside maintenance windows agreed with the Town in advance",
        ],
        ["Support hours", "from Monday to Friday, 8:00 to 17:00 (the Town's time), holidays excepted"],
        ["Recovery time objective (RTO)", "not stated"],
        ["Recovery point objective (RPO)", "24 hours"],
    ]
    assert tables[1].rows[0] == [
        "Critical",
        "The service is down or the Town's data is at risk.",
        "1 hour",
        "8 hours",
    ]
    texts = [b.text for b in blocks if isinstance(b, Paragraph)]
    assert any(
        "the Contractor credits the Town 2% of that month's recurring fees, up to 25% of those fees" in t
        for t in texts
    )
    assert any(t.startswith("The system is mission-critical") for t in texts)
    assert any("in 3 months of any twelve consecutive months" in t for t in texts)
    assert any(t.startswith("Security and access logs kept for 365 days") for t in texts)
    assert not any(t.startswith("Verification of identity") for t in texts)
    agreement = tables[2].rows
    assert agreement[2] == [
        "Term",
        "From May\u00a03, 2027, for 3 years, renewable at the Town's option 2 times at most, for 1 year each time",
    ]


def test_critical_system_clause_refers_to_the_appendix_only_for_stated_objectives():
    p = _project("QC")
    p.scope.mission_critical = True
    stated = _text(p, "critical-systems", "en")
    assert (
        "at least those of the service-level and security appendix and are approved by the Town"
        in stated[1][1]
    )
    assert "Whatever the support hours of the service-level and security appendix" in stated[0][1]
    p.statement_of_work.rto_hours = 0
    assert "objectives are approved by the Town" in _text(p, "critical-systems", "en")[1][1]
    assert (
        "délais et points de reprise sont approuvés par la Ville" in _text(p, "critical-systems", "fr")[1][1]
    )


def test_numbers_out_of_range_print_the_nearest_limit():
    from wizard.core.model.bounds import bound

    p = _project("ON", term_years=10**9, payment_days=-5)
    high = bound("statement_of_work.term_years").high
    low = bound("statement_of_work.payment_days").low
    terms = contract_terms(p, "en")
    assert terms["term"] == f"{high} years"
    assert terms["payment_days"] == (f"{low} day" if low == 1 else f"{low} days")
    assert f"initial term of {high} years" in _text(p, "term-renewal", "en")[0][1]


def test_zero_days_and_weeks_never_print_zero():
    p = _project("ON", termination_notice_days=0, payment_days=0, go_live_weeks=0)
    assert "that takes effect when it is received." in _text(p, "termination", "en")[0][1]
    assert "qui prend effet dès sa réception." in _text(p, "termination", "fr")[0][1]
    assert "The Town pays an invoice on receiving it." in _text(p, "payment-invoicing", "en")[4][1]
    texts = [b.text for b in statement_of_work_blocks(p, "en") if isinstance(b, Paragraph)]
    assert not any(" 0 " in t for t in texts)
    assert any(t.startswith("The bid gives a schedule of milestones") for t in texts)


def test_key_personnel_are_asked_of_the_bid_and_the_town_has_an_address():
    p = _project("ON", key_personnel=True)
    p.info.contact_address = "40 Main Street\nCobequid Harbour NS"
    texts = [b.text for b in statement_of_work_blocks(p, "en") if isinstance(b, Paragraph)]
    assert (
        "The bid names the key personnel who will perform the Contract and the role of each; the Contract binds the Contractor to them."
        in texts
    )
    agreement = [b for b in schedule_blocks(p, "en") if isinstance(b, Table)][-1]
    assert agreement.rows[0] == ["The Town", "Ville de Saint-Exemple"]
    assert agreement.rows[4][1].endswith(", 40 Main Street Cobequid Harbour NS")
