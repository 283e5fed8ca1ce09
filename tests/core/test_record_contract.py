"""The decision record's section on the contract: term, estimated value, liability and
insurance, in French and English, with the project's own figures."""

from __future__ import annotations

import copy
from decimal import Decimal

from wizard.core.documents.blocks import Heading
from wizard.core.documents.record import record_blocks
from wizard.core.documents.record_contract import contract_blocks, number
from wizard.core.examples import load_example


def texts(project, lang: str) -> list[str]:
    return [block.text for block in contract_blocks(project, lang)]


def test_the_training_example_in_both_languages():
    p = load_example("training")  # 3 years from 2027-06-01, 2 renewals of 1 year, cap ×2
    heading, term, value, liability, insurance = texts(p, "en")
    assert heading == "The contract"
    assert term == (
        "The contract would run for 3 years from June\u00a01, 2027. The Town may then renew it up to "
        "2 times, for 1 year each time: 5 years at most."
    )
    assert value.startswith("Its estimated value is the estimate of the funding section: $172,502.43")
    assert value.endswith("The estimate covers every year the contract may run, renewals included.")
    assert liability.startswith("The vendor's liability is capped at 2 times the value of the contract")
    assert liability.endswith("On the estimate, the cap would be $345,004.86.")
    assert insurance == (
        "The vendor must carry commercial general liability insurance of $2,000,000.00 per occurrence, "
        "professional liability insurance of $1,000,000.00 and cyber and privacy liability insurance "
        "of $1,000,000.00."
    )
    heading, term, value, liability, insurance = (t.replace("\u00a0", " ") for t in texts(p, "fr"))
    assert heading == "Le contrat"
    assert term.startswith("Le contrat durerait 3 ans à compter du 1er juin 2027. La Ville pourrait")
    assert "172 502,43 $" in value and "plafonnée à 2 fois" in liability
    assert "345 004,86 $" in liability
    assert insurance.startswith("Le fournisseur doit souscrire une assurance responsabilité civile générale")


def test_no_renewal_no_insurance_and_an_unlimited_liability():
    p = copy.deepcopy(load_example("office-suite"))
    work = p.statement_of_work
    work.renewals, work.term_years, work.liability_cap = 0, 4, "cap_unlimited"
    work.insurance_general_cad = work.insurance_professional_cad = work.insurance_cyber_cad = Decimal(0)
    _heading, term, _value, liability, insurance = texts(p, "en")
    assert term == "The contract would run for 4 years from April\u00a05, 2027. It provides for no renewal."
    assert (
        liability == "The contract does not cap the vendor's liability at a multiple of the contract value."
    )
    assert insurance == "The vendor is not required to carry any insurance."


def test_one_renewal_and_a_fractional_multiple():
    p = copy.deepcopy(load_example("office-suite"))
    p.statement_of_work.renewals, p.statement_of_work.renewal_years = 1, 2
    p.statement_of_work.liability_cap_multiple = Decimal("1.5")
    _heading, term, _value, liability, _insurance = texts(p, "en")
    assert term.endswith("The Town may then renew it once, for 2 years: 5 years at most.")
    assert "capped at 1.5 times" in liability
    assert "plafonnée à 1,5 fois" in texts(p, "fr")[3]
    assert (number(Decimal("2.00"), "en"), number(Decimal("0.75"), "fr")) == ("2", "0,75")


def test_the_section_follows_the_funding_in_the_record():
    headings = [b.text for b in record_blocks(load_example("training"), "en") if isinstance(b, Heading)]
    assert headings.index("The contract") == headings.index("Funding") + 1
