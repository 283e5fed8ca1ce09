"""Total cost of ownership (docs/tco.md; docs/cases.md K20)."""

from __future__ import annotations

from decimal import Decimal as D  # noqa: N817

import pytest

from wizard.core.checks.tco import check_tco
from wizard.core.domain import tco
from wizard.core.model import CostLine, Project, TcoOption


def k20() -> Project:
    p = Project()
    p.info.province = "ON"
    p.tco.horizon_years = 5
    p.tco.discount_rate_pct = D("7")
    p.tco_options = [TcoOption(id=1, name="Cloud")]
    p.cost_lines = [
        CostLine(id=1, option_id=1, category="implementation", year=0, amount=D("120000"), payer="IT"),
        CostLine(
            id=2, option_id=1, category="subscriptions", year=1, amount=D("20000"), recurring=True, payer="IT"
        ),
    ]
    return p


def test_k20_nominal_npv_and_no_exit_warning():
    p = k20()
    (result,) = tco.compute_tco(p)
    assert result.years == [D(120000)] + [D(20000)] * 5
    assert result.nominal == D("220000")
    assert result.cumulative[-1] == D("220000") and result.cumulative[0] == D("120000")
    expected = D(120000) + sum(D(20000) / D("1.07") ** y for y in range(1, 6))
    assert result.npv == expected
    assert round(result.npv, 2) == D("202003.95")
    assert [f.code for f in check_tco(p)] == ["T-OPTIONS", "T-NO-EXIT"]
    (no_exit,) = [f for f in check_tco(p) if f.code == "T-NO-EXIT"]
    assert no_exit.severity.value == "warning" and no_exit.field == "tco_options:1.name"


def test_escalation_end_year_and_discounting():
    p = Project()
    p.tco.horizon_years = 4
    p.tco.discount_rate_pct = D("5")
    p.tco_options = [TcoOption(id=1, name="On premises"), TcoOption(id=2, name="Cloud")]
    p.cost_lines = [
        CostLine(
            id=1,
            option_id=1,
            category="support",
            year=1,
            amount=D("1000"),
            recurring=True,
            end_year=3,
            escalation_pct=D("10"),
            payer="Finance",
        ),
        CostLine(id=2, option_id=1, category="exit_migration", year=4, amount=D("500"), payer="IT"),
        CostLine(id=3, option_id=1, category="training", year=9, amount=D("999")),  # after the horizon
        CostLine(id=4, option_id=2, category="licences", year=0, amount=D("10")),
    ]
    result = tco.option_tco(p, 1)
    assert result.years == [D(0), D("1000"), D("1100"), D("1210"), D("500")]
    assert result.nominal == D("3810")
    npv = D(1000) / D("1.05") + D(1100) / D("1.05") ** 2 + D(1210) / D("1.05") ** 3 + D(500) / D("1.05") ** 4
    assert result.npv == npv
    assert result.by_category == {"support": D("3310"), "exit_migration": D("500"), "training": D(0)}
    assert result.by_payer == {"Finance": D("3310"), "IT": D("500"), "": D(0)}
    found = {(f.code, f.field) for f in check_tco(p)}
    assert found == {
        ("T-LINE-YEAR", "cost_lines:3.year"),
        ("T-NO-EXIT", "tco_options:2.name"),
        ("T-LICENCE-ONLY", "tco_options:2.name"),
    }


def test_money_stays_decimal():
    (result,) = tco.compute_tco(k20())
    assert all(isinstance(v, D) for v in result.years + result.cumulative + [result.npv, result.nominal])


@pytest.mark.parametrize(
    ("province", "expected"),
    [
        ("ON", [("HST", D("13"), D("28600"))]),
        ("QC", [("GST", D("5"), D("11000")), ("QST", D("9.975"), D("21945"))]),
        ("", []),
    ],
)
def test_taxes_are_shown_apart_by_province(province, expected):
    assert tco.taxes(D("220000"), province) == expected


def test_settings_checks():
    p = k20()
    p.tco.horizon_years = 20
    p.tco.discount_rate_pct = D("-1")
    p.cost_lines.append(CostLine(id=3, option_id=9, category="exit_extraction", amount=D("-5")))
    codes = {f.code for f in check_tco(p)}
    assert {"T-HORIZON", "T-RATE", "T-LINE-OPTION", "T-NEGATIVE"} <= codes
    assert len(tco.option_tco(p, 1).years) == 16  # clamped to 15 years


def test_empty_option():
    p = Project()
    p.tco_options = [TcoOption(id=1, name="A"), TcoOption(id=2, name="B")]
    assert [(f.code, f.message("fr")) for f in check_tco(p)] == [
        ("T-EMPTY", "A\u00a0: aucune ligne de coût pour l’instant."),
        ("T-EMPTY", "B\u00a0: aucune ligne de coût pour l’instant."),
    ]
