"""``resources/legal/provinces.json``: complete, well-formed, every fact sourced and dated
(issue #13, "legal and tax facts as data"); the loader's errors name the fact at fault."""

from __future__ import annotations

import copy
import datetime as dt
import json
import re
from decimal import Decimal
from typing import Any

import pytest

from wizard.core.domain import provinces
from wizard.core.domain.provinces import (
    EXPECTED_CODES,
    FORMAT,
    LegalDataError,
    data_path,
    load,
    parse,
    province,
)
from wizard.core.paths import resource_path

ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
REQUIRED = ("name", "name_of", "name_in", "territory", "court", "privacy_law", "procurement_law", "taxes")


def raw() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(data_path().read_text(encoding="utf-8"))
    return data


def facts(data: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    """(path, fact) for every fact of the file: the objects that hold a value."""
    found: list[tuple[str, dict[str, Any]]] = []
    for code, entry in data["provinces"].items():
        for key, fact in entry.items():
            if key == "taxes":
                found += [(f"{code}.taxes.{name}", rate) for name, rate in fact.items()]
            else:
                found.append((f"{code}.{key}", fact))
    return found


def test_the_data_file_ships_as_a_resource():
    assert data_path() == resource_path("legal", "provinces.json")
    assert data_path().is_file()
    assert (data_path().parent / "README.md").is_file()


def test_the_data_file_is_complete_and_well_formed():
    data = raw()
    assert data["format"] == FORMAT == 1
    assert tuple(data["provinces"]) == EXPECTED_CODES
    for code, entry in data["provinces"].items():
        assert set(REQUIRED) <= set(entry), code
        assert entry["taxes"], code
        for name, rate in entry["taxes"].items():
            assert name in provinces.TAX_NAMES
            assert isinstance(rate["value"], str)
            assert Decimal(rate["value"]) > 0
    assert parse(data) == provinces.PROVINCES


def test_every_fact_has_an_iso_checked_date_and_a_source():
    found = facts(raw())
    assert len(found) == sum(len(p.sources) for p in provinces.PROVINCES.values())
    for path, fact in found:
        assert isinstance(fact["source"], str) and fact["source"].strip(), path
        assert ISO_DATE.match(fact["checked"]), path
        assert dt.date.fromisoformat(fact["checked"]) <= dt.date.today(), path
        assert isinstance(fact.get("confirmed", True), bool), path
        assert ("fr" in fact and "en" in fact) != ("value" in fact), path


def test_unconfirmed_facts_say_what_counsel_must_confirm():
    unconfirmed = [(path, fact) for path, fact in facts(raw()) if fact.get("confirmed") is False]
    assert [path for path, _fact in unconfirmed] == [
        "AB.procurement_law",
        "BC.procurement_law",
        "MB.procurement_law",
        "NT.privacy_law",
        "NT.procurement_law",
        "NU.privacy_law",
        "NU.procurement_law",
        "PE.privacy_law",
        "PE.procurement_law",
        "SK.procurement_law",
        "YT.privacy_law",
        "YT.procurement_law",
    ]
    for path, fact in unconfirmed:
        assert fact["source"].startswith("To be confirmed by counsel: "), path
        if path.endswith("procurement_law"):  # the record prints the text as it is
            assert fact["en"].endswith("[to be confirmed by counsel]"), path
            assert fact["fr"].endswith("[à faire confirmer par les conseillers juridiques]"), path


def test_the_procurement_framework_of_the_bundled_examples_provinces_is_confirmed():
    """The decision record's legal framework (issue 15): the statutes that bind a town's
    calls for tenders in Québec, Nova Scotia and New Brunswick, with their provisions."""
    qc, ns, nb = province("QC"), province("NS"), province("NB")
    assert "s. 573 ff." in qc.procurement_law("en") and "art. 935 et suivants" in qc.procurement_law("fr")
    assert "573.3.1.2" in qc.procurement_law("en") and "938.1.2" in qc.procurement_law("fr")
    assert ns.procurement_law("en").startswith("the Public Procurement Act (S.N.S. 2011, c. 12)")
    assert "N.B. Reg. 2014-93" in nb.procurement_law("en")
    assert "s. 270(1), para. 3" in province("ON").procurement_law("en")
    for code in ("QC", "NS", "NB", "ON", "NL"):
        source = province(code).sources["procurement_law"]
        assert source.confirmed and source.checked == dt.date(2026, 12, 6), code


def test_each_province_exposes_its_sources():
    qst = province("QC").sources["taxes.QST"]
    assert (qst.value, qst.confirmed) == ("9.975", True)
    assert "T-0.1" in qst.source and isinstance(qst.checked, dt.date)
    court = province("ON").sources["court"]
    assert court.text("en") == "Ontario Superior Court of Justice"
    assert "C.43, s. 11" in court.source
    assert province("NT").sources["territory"].value == "true"
    assert [s.key for s in province("NU").unconfirmed()] == ["privacy_law", "procurement_law"]
    assert province("QC").unconfirmed() == []
    assert "privacy_note" not in province("ON").sources


def test_rates_are_exact_decimals():
    assert province("QC").taxes["QST"] == Decimal("9.975")
    assert str(province("QC").taxes["QST"]) == "9.975"


# --- the loader's errors -----------------------------------------------------------


def errors(data: object) -> str:
    with pytest.raises(LegalDataError) as caught:
        parse(data)
    return str(caught.value)


def test_a_missing_or_unknown_province_is_named():
    data = raw()
    del data["provinces"]["QC"]
    data["provinces"]["XX"] = data["provinces"]["ON"]
    message = errors(data)
    assert "'QC' is missing" in message
    assert "'XX' is not a Canadian province or territory code" in message


def test_a_fact_without_source_or_checked_date_is_named():
    data = raw()
    del data["provinces"]["ON"]["court"]["source"]
    data["provinces"]["BC"]["taxes"]["PST"]["checked"] = "2026-13-40"
    data["provinces"]["NS"]["privacy_note"]["checked"] = "6 Dec. 2026"
    message = errors(data)
    assert "provinces.ON.court: 'source' must name the provision" in message
    assert "provinces.BC.taxes.PST: 'checked' must be the date it was checked, YYYY-MM-DD" in message
    assert "provinces.NS.privacy_note: 'checked'" in message


def test_rates_must_be_decimal_strings():
    data = raw()
    data["provinces"]["ON"]["taxes"]["HST"]["value"] = 13.0
    data["provinces"]["QC"]["taxes"]["QST"]["value"] = "9,975"
    data["provinces"]["AB"]["taxes"]["VAT"] = copy.deepcopy(data["provinces"]["AB"]["taxes"]["GST"])
    message = errors(data)
    assert "provinces.ON.taxes.HST: 'value' must be the rate in % as a string" in message
    assert "provinces.QC.taxes.QST: 'value' must be a decimal rate in %" in message
    assert "provinces.AB.taxes: unknown tax 'VAT'" in message


def test_missing_texts_unknown_keys_and_bad_flags_are_named():
    data = raw()
    del data["provinces"]["MB"]["privacy_law"]
    del data["provinces"]["NB"]["court"]["fr"]
    data["provinces"]["SK"]["privacy_lwa"] = data["provinces"]["SK"]["privacy_law"]
    data["provinces"]["YT"]["privacy_law"]["confirmed"] = "no"
    data["provinces"]["NT"]["territory"]["value"] = "yes"
    data["provinces"]["NT"]["name_in"]["en"] = "in Northwest Territories"
    message = errors(data)
    assert "provinces.MB: the fact 'privacy_law' is missing" in message
    assert "provinces.NB.court: 'fr' must be the text in French" in message
    assert "provinces.SK: unknown fact 'privacy_lwa'" in message
    assert "provinces.YT.privacy_law: 'confirmed' must be true or false" in message
    assert "provinces.NT.territory: 'value' must be true or false" in message
    assert "provinces.NT: 'name_of' and 'name_in' must use the same English name" in message


def test_the_format_version_is_checked():
    data = raw()
    data["format"] = 2
    data["thresholds"] = {}
    assert "format: must be 1 (got 2)" in errors(data)
    assert "(top): unknown key 'thresholds'" in errors(data)
    assert "must be an object with 'format' and 'provinces'" in errors([])


def test_a_missing_or_broken_file_raises_a_clear_error(tmp_path):
    with pytest.raises(LegalDataError, match="cannot be read"):
        load(tmp_path / "provinces.json")
    broken = tmp_path / "broken.json"
    broken.write_text("{", encoding="utf-8")
    with pytest.raises(LegalDataError, match="is not valid JSON"):
        load(broken)
    good = tmp_path / "good.json"
    good.write_text(json.dumps(raw()), encoding="utf-8")
    assert load(good) == provinces.PROVINCES


def _all_facts(node: object, path: str = "") -> list[tuple[str, dict[str, Any]]]:
    """Every fact of any file of ``resources/legal/``: each object with a 'source'."""
    if isinstance(node, dict):
        if "source" in node:
            return [(path, node)]
        return [f for key, value in node.items() for f in _all_facts(value, f"{path}.{key}")]
    return []


@pytest.mark.parametrize("name", ["provinces.json", "framework.json", "submission_periods.json"])
def test_every_fact_of_every_legal_file_has_a_source_and_a_date(name):
    """Issue 17: each fact in resources/legal/ names its source and the day it was checked;
    an unconfirmed one says what counsel must confirm."""
    data = json.loads(resource_path("legal", name).read_text(encoding="utf-8"))
    found = _all_facts(data)
    assert len(found) >= 7, name
    for path, fact in found:
        assert isinstance(fact["source"], str) and len(fact["source"].strip()) > 20, (name, path)
        assert ISO_DATE.match(fact["checked"]), (name, path)
        assert dt.date.fromisoformat(fact["checked"]) <= dt.date(2026, 12, 7), (name, path)
        if fact.get("confirmed") is False:
            assert fact["source"].startswith("To be confirmed by counsel"), (name, path)
