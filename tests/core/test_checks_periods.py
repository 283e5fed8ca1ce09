"""The submission period (issue 15 point 7, red flag R003): the legal minima of
resources/legal/submission_periods.json, the Town's own minimum, and the data file."""

from __future__ import annotations

import json

import pytest

from wizard.core.checks import run_checks
from wizard.core.checks.periods import check_periods
from wizard.core.domain import submission_periods as periods
from wizard.core.domain.provinces import LegalDataError
from wizard.core.examples import example_names, load_example
from wizard.core.model.defaults import new_project
from wizard.core.paths import resource_path


def project(province: str, publication: str, closing: str, town_days: int = 0):
    p = new_project("fr")
    p.info.province, p.info.publication_date, p.info.closing_date = province, publication, closing
    p.info.min_submission_days = town_days
    return p


def found(p) -> dict[str, object]:
    return {f.code: f for f in check_periods(p)}


# -- the data ------------------------------------------------------------------------------


def test_the_data_file_reads_with_sources_and_dates():
    assert periods.TOWN_DEFAULT_DAYS == 15
    qc = periods.RULES["QC-municipal"]
    assert (qc.kind, qc.days, qc.confirmed, qc.provinces) == ("law", 15, True, ("QC",))
    assert "s. 573" in qc.sources["days"].source and "art. 935" in qc.sources["days"].source
    ceta = periods.RULES["CETA"]
    assert (ceta.kind, ceta.days, ceta.confirmed) == ("agreement", 40, False)
    assert ceta.sources["days"].source.startswith("To be confirmed by counsel:")
    cfta = periods.RULES["CFTA"]
    assert (cfta.days, cfta.confirmed) == (None, False)
    for rule in periods.RULES.values():
        for source in rule.sources.values():
            assert source.checked.isoformat() == "2026-12-06" and source.source
    assert [r.id for r in periods.rules_for(" qc ")] == ["QC-municipal", "CETA", "CFTA"]
    assert [r.id for r in periods.rules_for("NS")] == ["CETA", "CFTA"]
    assert periods.rules_for("XX") == []


def _data() -> dict:
    return json.loads(resource_path("legal", "submission_periods.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        (lambda d: d["rules"]["QC-municipal"]["days"].update(value="fifteen"), "rules.QC-municipal.days"),
        (lambda d: d["rules"]["QC-municipal"].update(provinces=["QQ"]), "rules.QC-municipal.provinces"),
        (lambda d: d["rules"]["CFTA"]["days"].update(confirmed=True), "must be 'confirmed': false"),
        (lambda d: d["rules"]["CETA"].update(kind="treaty"), "rules.CETA.kind"),
        (lambda d: d["rules"]["CETA"]["name"].pop("fr"), "rules.CETA.name"),
        (lambda d: d.update(minimum=3), "unknown key 'minimum'"),
        (lambda d: d["town_default"].pop("source"), "town_default"),
    ],
)
def test_a_broken_file_is_refused_naming_the_problem(change, problem):
    data = _data()
    change(data)
    with pytest.raises(LegalDataError, match=problem.replace(".", r"\.")):
        periods.parse(data)


def test_period_days_in_whole_days():
    assert periods.period_days("2027-03-01", "2027-03-16") == 15
    assert periods.period_days("2027-02-20", "2027-03-01") == 9  # across the end of February
    assert (
        periods.period_days("", "2027-03-16") is None and periods.period_days("2027-03-01", "16/03") is None
    )


# -- the findings ---------------------------------------------------------------------------


def test_quebec_law_15_days_is_an_error_with_the_numbers_and_the_statute():
    p = project("QC", "2027-03-01", "2027-03-11")  # 10 days
    f = found(p)["PR-PERIOD-LAW"]
    assert (f.severity.value, f.field) == ("error", "info.closing_date")
    assert f.message("en") == (
        "Bids are open for 10 days only (published March\u00a01, 2027, closing March\u00a011, 2027): fewer than "
        "the minimum of 15 days set by the Cities and Towns Act (s. 573) and the Municipal Code of "
        "Québec (art. 935) (red flag R003, Open Contracting Partnership)."
    )
    assert f.message("fr") == (
        "Les soumissions ne restent ouvertes que 10\u00a0jours (publication le 1er\u00a0mars\u00a02027, clôture le "
        "11\u00a0mars\u00a02027)\u00a0: moins que le minimum de 15\u00a0jours prévu par la Loi sur les cités et villes "
        "(art. 573) et le Code municipal du Québec (art. 935) (signal d’alerte R003, Open Contracting "
        "Partnership)."
    )
    assert "PR-PERIOD-LAW" not in found(project("QC", "2027-03-01", "2027-03-16"))  # 15 days: enough


def test_one_day_is_said_in_the_singular():
    f = found(project("QC", "2027-03-01", "2027-03-02"))["PR-PERIOD-LAW"]
    assert f.message("en").startswith("Bids are open for 1 day only")
    assert f.message("fr").startswith("Les soumissions ne restent ouvertes que 1\u00a0jour ")


def test_a_trade_agreement_is_information_to_be_confirmed_by_counsel():
    f = found(project("NS", "2027-01-18", "2027-02-19"))["PR-PERIOD-AGREEMENT"]  # 32 days
    assert (f.severity.value, f.field) == ("info", "info.closing_date")
    assert f.message("en") == (
        "Bids are open for 32 days only: fewer than the 40 days of the Canada–European Union "
        "Comprehensive Economic and Trade Agreement (CETA, Article 19.10), which binds a contract "
        "above its thresholds; this minimum is to be confirmed by counsel (red flag R003, Open "
        "Contracting Partnership)."
    )
    assert "à faire confirmer par les conseillers juridiques" in f.message("fr")
    assert "PR-PERIOD-AGREEMENT" not in found(project("NS", "2027-01-18", "2027-02-27"))  # 40 days


def test_the_towns_own_minimum_and_the_default():
    p = project("NS", "2027-01-18", "2027-01-28")  # 10 days, the default is 15
    f = found(p)["PR-PERIOD-TOWN"]
    assert (f.severity.value, f.field) == ("warning", "info.closing_date")
    assert f.message("en") == (
        "Bids are open for 10 days only (published January\u00a018, 2027, closing January\u00a028, 2027): fewer "
        "than the default minimum of 15 days (red flag R003, Open Contracting Partnership)."
    )
    assert "moins que le minimum par défaut de 15\u00a0jours (signal d’alerte R003" in f.message("fr")
    p = project("NS", "2027-01-18", "2027-02-12", town_days=30)  # 25 days
    f = found(p)["PR-PERIOD-TOWN"]
    assert "fewer than the 30 days the Town set as its minimum" in f.message("en")
    assert "moins que les 30\u00a0jours que la Ville s’est fixés comme minimum" in f.message("fr")
    assert "PR-PERIOD-TOWN" not in found(project("NS", "2027-01-18", "2027-02-17", town_days=30))


@pytest.mark.parametrize("value", [-1, 366, 9223372036854775807])
def test_the_towns_minimum_out_of_its_bounds(value):
    p = project("NS", "2027-01-18", "2027-01-20", town_days=value)
    f = found(p)["PR-RANGE"]
    assert (f.severity.value, f.field) == ("error", "info.min_submission_days")
    assert "between 0 and 365 days" in f.message("en") and "entre 0 et 365\u00a0jours" in f.message("fr")
    assert "PR-PERIOD-TOWN" not in found(p)
    p.info.closing_date = ""
    assert [f.code for f in check_periods(p)] == ["PR-RANGE"]


@pytest.mark.parametrize(
    ("publication", "closing"),
    [("", "2027-03-16"), ("2027-03-01", ""), ("2027-03-20", "2027-03-01"), ("1/3/27", "2027-03-16")],
)
def test_no_period_without_two_dates_in_order(publication, closing):
    assert check_periods(project("QC", publication, closing)) == []


def test_justifying_the_agreement_never_hides_the_law():
    from wizard.core.model import Justification

    p = project("QC", "2027-03-01", "2027-03-11")
    p.justifications = [
        Justification(1, "PR-PERIOD-AGREEMENT", "info.closing_date", "Below CETA's thresholds")
    ]
    by_code = {f.code: f for f in run_checks(p) if f.field == "info.closing_date"}
    assert by_code["PR-PERIOD-AGREEMENT"].is_justified(p)
    assert not by_code["PR-PERIOD-LAW"].is_justified(p)


@pytest.mark.parametrize("name", example_names())
def test_the_examples_respect_the_law_and_the_default(name):
    codes = {f.code for f in run_checks(load_example(name))}
    assert codes.isdisjoint({"PR-PERIOD-LAW", "PR-PERIOD-TOWN", "PR-RANGE"})
