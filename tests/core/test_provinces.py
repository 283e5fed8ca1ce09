"""Provinces and territories: names, courts, privacy statutes, sales taxes."""

from __future__ import annotations

from decimal import Decimal

import pytest

from wizard.core.domain.provinces import CODES, PROVINCES, province, sales_taxes, total_tax_pct


def test_thirteen_provinces_and_territories():
    assert CODES == ("AB", "BC", "MB", "NB", "NL", "NS", "NT", "NU", "ON", "PE", "QC", "SK", "YT")
    assert [p.code for p in PROVINCES.values() if p.territory] == ["NT", "NU", "YT"]


@pytest.mark.parametrize(
    ("code", "court_fr", "court_en"),
    [
        ("QC", "Cour supérieure du Québec", "Superior Court of Quebec"),
        ("ON", "Cour supérieure de justice de l’Ontario", "Ontario Superior Court of Justice"),
        ("BC", "Cour suprême de la Colombie-Britannique", "Supreme Court of British Columbia"),
        ("NU", "Cour de justice du Nunavut", "Nunavut Court of Justice"),
    ],
)
def test_superior_courts(code, court_fr, court_en):
    assert province(code).court("fr") == court_fr
    assert province(code).court("en") == court_en


def test_privacy_statutes():
    assert "Loi sur l’accès aux documents des organismes publics" in province("QC").privacy_law("fr")
    assert "Municipal Freedom of Information and Protection of Privacy Act" in province("ON").privacy_law(
        "en"
    )
    assert "stored and accessed only in Canada" in province("NS").privacy_note("en")
    # Nova Scotia: the municipal access regime is Part XX of the Municipal Government Act;
    # PIIDPA is data residency, the privacy note (issue 17)
    assert "Part XX" in province("NS").privacy_law("en")
    assert "Municipal Government Act" in province("NS").privacy_law("en")
    assert "Personal Information International Disclosure Protection Act" not in province("NS").privacy_law(
        "en"
    )
    assert "Personal Information International Disclosure Protection Act" in province("NS").privacy_note("en")
    assert province("ON").privacy_note("fr") == ""


@pytest.mark.parametrize(
    ("code", "taxes", "total"),
    [
        ("QC", {"GST": Decimal("5"), "QST": Decimal("9.975")}, Decimal("14.975")),
        ("ON", {"HST": Decimal("13")}, Decimal("13")),
        ("NS", {"HST": Decimal("14")}, Decimal("14")),
        ("BC", {"GST": Decimal("5"), "PST": Decimal("7")}, Decimal("12")),
        ("SK", {"GST": Decimal("5"), "PST": Decimal("6")}, Decimal("11")),
        ("AB", {"GST": Decimal("5")}, Decimal("5")),
    ],
)
def test_sales_taxes(code, taxes, total):
    assert sales_taxes(code) == taxes
    assert total_tax_pct(code) == total


def test_names_with_prepositions():
    assert province("qc").name_of("fr") == "du Québec"
    assert province("NT").name_in("fr") == "aux Territoires du Nord-Ouest"
    assert province("NT").name_of("en") == "of the Northwest Territories"
    assert province("PE").name_in("fr") == "à l’Île-du-Prince-Édouard"


def test_unknown_code_raises():
    with pytest.raises(KeyError):
        province("XX")
