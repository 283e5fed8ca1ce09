"""TCO field cases (docs/tco.md): docs/cases.md K20 and a handmade case with escalation and
discounting, with figures computed here independently (exact fractions, not Decimal),
and the tables the record and the TCO page show."""

from __future__ import annotations

from decimal import Decimal as D  # noqa: N817
from fractions import Fraction as F  # noqa: N817

from wizard.core.checks.tco import check_tco
from wizard.core.documents.record_tco import breakdown_table, money, totals_table, years_table
from wizard.core.domain import tco
from wizard.core.model import CostLine, Project, TcoOption


def _cents(value: F) -> D:
    """A fraction rounded half up to the cent, as the record shows it."""
    cents = (value * 100 + F(1, 2)) // 1
    return D(cents) / 100


def k20() -> Project:
    """docs/cases.md K20: 120,000 $ in year 0, a yearly 20,000 $ licence for years 1–5, no exit."""
    p = Project()
    p.info.province = "ON"
    p.tco.discount_rate_pct = D("7")
    p.tco_options = [TcoOption(id=1, name="Proprietary suite"), TcoOption(id=2, name="Open source")]
    p.cost_lines = [
        CostLine(id=1, option_id=1, category="licences", year=0, amount=D("120000"), payer="IT"),
        CostLine(
            id=2, option_id=1, category="licences", year=1, amount=D("20000"), recurring=True, payer="IT"
        ),
        CostLine(id=3, option_id=2, category="implementation", year=0, amount=D("80000"), payer="IT"),
        CostLine(id=4, option_id=2, category="exit_migration", year=5, amount=D("10000"), payer="IT"),
    ]
    return p


def test_k20_nominal_npv_no_exit():
    p = k20()
    result = tco.option_tco(p, 1)
    assert result.nominal == D("220000")
    npv = F(120000) + sum(F(20000) / F(107, 100) ** y for y in range(1, 6))
    assert _cents(F(result.npv)) == _cents(npv) == D("202003.95")
    codes = {(f.code, f.field) for f in check_tco(p)}
    assert ("T-NO-EXIT", "tco_options:1.name") in codes and ("T-LICENCE-ONLY", "tco_options:1.name") in codes
    assert not any(field == "tco_options:2.name" for _c, field in codes)


def test_k20_tables_show_taxes_apart():
    p = k20()
    table = totals_table(p, tco.compute_tco(p), "en")
    assert table.header == [
        [
            "Option",
            "Nominal total before taxes",
            "Net present value",
            "Sales taxes (HST 13%)",
            "Total with taxes",
        ]
    ]
    assert table.rows[0] == ["Proprietary suite", "$220,000.00", "$202,003.95", "$28,600.00", "$248,600.00"]
    p.tco.include_taxes = False
    assert totals_table(p, tco.compute_tco(p), "en").header[0][-1] == "Net present value"


def handmade() -> Project:
    """10 % escalation, a line ending early, one starting after the horizon, 4 % rate."""
    p = Project()
    p.info.province = "QC"
    p.tco.horizon_years = 6
    p.tco.discount_rate_pct = D("4")
    p.tco_options = [TcoOption(id=7, name="On premises")]
    p.cost_lines = [
        CostLine(id=1, option_id=7, category="licences", year=0, amount=D("50000"), payer="IT"),
        CostLine(
            id=2,
            option_id=7,
            category="support",
            year=1,
            amount=D("8000"),
            recurring=True,
            escalation_pct=D("10"),
            payer="IT",
        ),
        CostLine(
            id=3,
            option_id=7,
            category="staff_time",
            year=2,
            amount=D("3000.50"),
            recurring=True,
            end_year=4,
            escalation_pct=D("2.5"),
            payer="Finance",
        ),
        CostLine(id=4, option_id=7, category="exit_dual_running", year=6, amount=D("12000"), payer=""),
        CostLine(id=5, option_id=7, category="training", year=8, amount=D("999")),
    ]
    return p


def _expected_years() -> list[F]:
    years = [F(0)] * 7
    years[0] += 50000
    for y in range(1, 7):
        years[y] += F(8000) * F(11, 10) ** (y - 1)
    for y in range(2, 5):
        years[y] += F(300050, 100) * F(1025, 1000) ** (y - 2)
    years[6] += 12000
    return years


def test_handmade_escalation_and_discounting():
    p = handmade()
    result = tco.option_tco(p, 7)
    expected = _expected_years()
    assert [F(v) for v in result.years] == expected
    assert F(result.nominal) == sum(expected)
    npv = sum(cost / F(104, 100) ** y for y, cost in enumerate(expected))
    assert _cents(F(result.npv)) == _cents(npv)
    assert abs(F(result.npv) - npv) < F(1, 10**12)
    assert result.cumulative[0] == D(50000) and F(result.cumulative[-1]) == sum(expected)
    assert F(result.by_category["staff_time"]) == sum(F(300050, 100) * F(1025, 1000) ** k for k in range(3))
    assert {k: F(v) for k, v in result.by_payer.items() if v} == {
        "IT": 50000 + sum(F(8000) * F(11, 10) ** k for k in range(6)),
        "Finance": sum(F(300050, 100) * F(1025, 1000) ** k for k in range(3)),
        "": F(12000),
    }


def test_handmade_figures_in_the_tables():
    p = handmade()
    results = tco.compute_tco(p)
    expected = _expected_years()
    years = years_table(results, "fr")
    assert [row[0] for row in years.rows] == [str(y) for y in range(7)]
    assert years.rows[3][1] == money(_cents(expected[3]), "fr")
    assert years.rows[3][1] == "12\u00a0755,51\u00a0$"  # 8000 × 1.1² + 3000.50 × 1.025 = 9680 + 3075.5125
    cumulative = years_table(results, "en", cumulative=True)
    assert cumulative.rows[-1][1] == money(_cents(sum(expected)), "en")
    totals = totals_table(p, results, "fr")
    assert totals.header[0][3] == "Taxes de vente (TPS 5\u00a0% + TVQ 9,975\u00a0%)"
    tax = sum(expected) * F(14975, 100000)
    assert totals.rows[0][3] == money(_cents(tax), "fr")
    by_payer = breakdown_table(results, "en", "payer")
    assert [row[0] for row in by_payer.rows] == ["Finance", "IT", "(payer not stated)"]
    by_category = breakdown_table(results, "en", "category")
    assert "Training" not in [row[0] for row in by_category.rows]  # only after the horizon: zero


def test_money_rounds_half_up_to_the_cent():
    assert money(D("0.005"), "en") == "$0.01"
    assert money(D("1234567.894"), "fr") == "1\u00a0234\u00a0567,89\u00a0$"
    assert money(D("-1500"), "en", cents=False) == "-$1,500"
