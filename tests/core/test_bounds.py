"""docs/cases.md K26: numbers outside their bounds (wizard/core/model/bounds.py).

Each numeric field a user types has a documented range; a value outside it is a finding
that names the field and the range (in French and English), and no computation raises:
the TCO, the decision record's tables, the chart, the open data and the CSVs read the
value within its bounds. The table below is the K26 inputs, field by field.
"""

from __future__ import annotations

import copy
import io
import json
from dataclasses import replace
from decimal import Decimal

import docx
import pytest
from openpyxl import load_workbook

from wizard import cli
from wizard.core import ops
from wizard.core.checks import run_checks
from wizard.core.documents import record_tco
from wizard.core.domain import tco
from wizard.core.examples import example_names, load_example
from wizard.core.export import export_all, output_files
from wizard.core.model import ENTITIES, SECTIONS, CostLine, Project, QualityGridItem, bounds
from wizard.core.project_file import codec
from wizard.core.project_file.store import ProjectFile

SECTION_FIELDS = {
    "tco.horizon_years": "T-HORIZON",
    "tco.discount_rate_pct": "T-RATE",
    "evaluation.quality_weight": "E-RANGE",
    "evaluation.price_weight": "E-RANGE",
    "evaluation.pilot_weeks": "E-RANGE",
    "criteria_settings.pass_threshold_pct": "C-THRESHOLD",
    "market.common_threshold_pct": "M-SETTINGS",
    "market.underperforming_pct": "M-SETTINGS",
    "tco.budget_cad": "T-RANGE",
    "tco.estimate_cad": "T-RANGE",
    "info.min_submission_days": "PR-RANGE",
    "contract_data.bid_validity_days": "PR-CONTRACT-RANGE",
    "contract_data.bid_security_value": "PR-CONTRACT-RANGE",
    "contract_data.last_addendum_days": "PR-CONTRACT-RANGE",
    "contract_data.scenario_sessions_days": "PR-CONTRACT-RANGE",
    "statement_of_work.users": "SW-RANGE",
    "statement_of_work.sites": "SW-RANGE",
    "statement_of_work.devices": "SW-RANGE",
    "statement_of_work.records": "SW-RANGE",
    "statement_of_work.term_years": "SW-RANGE",
    "statement_of_work.renewals": "SW-RANGE",
    "statement_of_work.renewal_years": "SW-RANGE",
    "statement_of_work.go_live_weeks": "SW-RANGE",
    "statement_of_work.acceptance_days": "SW-RANGE",
    "statement_of_work.warranty_months": "SW-RANGE",
    "statement_of_work.availability_pct": "SW-RANGE",
    "statement_of_work.response_critical_hours": "SW-RANGE",
    "statement_of_work.resolution_critical_hours": "SW-RANGE",
    "statement_of_work.response_major_hours": "SW-RANGE",
    "statement_of_work.resolution_major_hours": "SW-RANGE",
    "statement_of_work.response_minor_hours": "SW-RANGE",
    "statement_of_work.resolution_minor_hours": "SW-RANGE",
    "statement_of_work.rto_hours": "SW-RANGE",
    "statement_of_work.rpo_hours": "SW-RANGE",
    "statement_of_work.service_credit_pct": "SW-RANGE",
    "statement_of_work.service_credit_cap_pct": "SW-RANGE",
    "statement_of_work.sla_termination_months": "SW-RANGE",
    "statement_of_work.log_retention_days": "SW-RANGE",
    "statement_of_work.insurance_general_cad": "SW-RANGE",
    "statement_of_work.insurance_professional_cad": "SW-RANGE",
    "statement_of_work.insurance_cyber_cad": "SW-RANGE",
    "statement_of_work.liability_cap_multiple": "SW-RANGE",
    "statement_of_work.holdback_pct": "SW-RANGE",
    "statement_of_work.payment_days": "SW-RANGE",
    "statement_of_work.price_adjustment_cap_pct": "SW-RANGE",
    "statement_of_work.termination_notice_days": "SW-RANGE",
    "contract_data.award_documents_days": "PR-CONTRACT-RANGE",
    "contract_data.debriefing_days": "PR-CONTRACT-RANGE",
}
ROW_FIELDS = {
    "cost_lines.amount": "T-RANGE",
    "cost_lines.escalation_pct": "T-RANGE",
    "cost_lines.year": "T-RANGE",
    "cost_lines.end_year": "T-RANGE",
    "quality_grid.points": "E-RANGE",
}
CODES = {**SECTION_FIELDS, **ROW_FIELDS}
ABSURD = ["-100", "-1000", "999999999999", "1E+999999", "-1E+999999", "-0", "9223372036854775807"]
"""The K26 inputs, as typed or received; a Decimal field takes each as it is, an integer
field each that is an integer (``1E+999999`` is not: the codec refuses it there)."""


def _kind(field: str) -> type:
    head, attribute = field.split(".")
    cls = SECTIONS.get(head) or ENTITIES[head]
    return codec.field_types(cls)[attribute]


def _value(field: str, text: str) -> int | Decimal | None:
    if _kind(field) is Decimal:
        return Decimal(text)
    number = Decimal(text)
    return int(number) if number == number.to_integral_value() and number.adjusted() < 30 else None


CASES = [(f, t) for f in CODES for t in ABSURD if _value(f, t) is not None]


def _rows(project: Project) -> dict[str, object]:
    """The row each cost line field is injected into: a different recurring line per
    field (a first year outside its bounds leaves its line out, so the others stay
    counted), and a quality criterion added when the example has none."""
    if not project.quality_grid:
        project.quality_grid.append(QualityGridItem(id=1, label="Usability", points=20))
    lines = [line for line in project.cost_lines if line.option_id == project.tco_options[0].id]
    recurring = [line for line in lines if line.recurring] or lines
    return {
        "cost_lines.amount": lines[0],
        "cost_lines.escalation_pct": recurring[-1],
        "cost_lines.year": lines[1 % len(lines)],
        "cost_lines.end_year": recurring[0],
        "quality_grid.points": project.quality_grid[0],
    }


def inject(project: Project, field: str, value: int | Decimal) -> str:
    """Set ``field`` to ``value`` in ``project``; returns the finding's field address."""
    head, attribute = field.split(".")
    if field in SECTION_FIELDS:
        setattr(getattr(project, head), attribute, value)
        return field
    row = _rows(project)[field]
    setattr(row, attribute, value)
    if field == "cost_lines.escalation_pct":
        row.recurring = True  # type: ignore[attr-defined]
    return f"{head}:{row.id}.{attribute}"  # type: ignore[attr-defined]


def _texts(files: dict[str, bytes]) -> dict[str, str]:
    texts = {}
    for name, data in files.items():
        if name.endswith(".docx"):
            document = docx.Document(io.BytesIO(data))
            parts = [p.text for p in document.paragraphs]
            parts += [c.text for t in document.tables for r in t.rows for c in r.cells]
            texts[name] = "\n".join(parts)
        elif name.endswith(".xlsx"):
            book = load_workbook(io.BytesIO(data))
            texts[name] = "\n".join(str(c.value) for s in book for r in s.iter_rows() for c in r if c.value)
        else:
            texts[name] = data.decode("utf-8")
    return texts


def assert_clean(files: dict[str, bytes]) -> None:
    for name, text in _texts(files).items():
        for word in ("NaN", "Infinity", "Traceback", "-0,00\u00a0$", "\u22120,00\u00a0$", "-$0.00"):
            assert word not in text, (name, word)


# -- the table ------------------------------------------------------------------------------


def test_every_numeric_field_a_user_types_has_bounds():
    numeric = set()
    for name, cls in [*SECTIONS.items(), *ENTITIES.items()]:
        for attribute, kind in codec.field_types(cls).items():
            if kind in (int, Decimal) and attribute != "id" and not attribute.endswith("_id"):
                numeric.add(f"{name}.{attribute}")
    assert numeric == set(bounds.BOUNDS) == set(CODES)
    for field, limit in bounds.BOUNDS.items():
        assert limit.low < limit.high and limit.unit and len(limit.why) > 20, field
        assert type(limit.low) is _kind(field) and type(limit.high) is _kind(field), field


def test_the_ranges_keep_every_computation_defined():
    """The limits that make the arithmetic safe: 1 + r/100 > 0, growth > 0, and the largest
    total (every bound at its worst) rounds to the cent with room."""
    rate, escalation, amount = (
        bounds.bound(f) for f in ("tco.discount_rate_pct", "cost_lines.escalation_pct", "cost_lines.amount")
    )
    assert 1 + rate.low / 100 > 0 and 1 + escalation.low / 100 > 0
    worst = Decimal(amount.high) * (1 + Decimal(escalation.high) / 100) ** bounds.MAX_HORIZON
    assert worst * 10**6 < record_tco.MONEY_LIMIT  # a million such lines still format
    assert bounds.bound("tco.horizon_years").high == tco.MAX_HORIZON


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (Decimal("-100"), Decimal("-20")),
        (Decimal("1E+999999"), Decimal("50")),
        (Decimal("-0"), Decimal("0")),
        (Decimal("Infinity"), Decimal("50")),
        (Decimal("-Infinity"), Decimal("-20")),
        (Decimal("NaN"), Decimal("0")),
        (Decimal("7.25"), Decimal("7.25")),
    ],
)
def test_clamp_brings_any_decimal_within_the_rate_bounds(value, expected):
    used = bounds.clamp("tco.discount_rate_pct", value)
    assert used == expected and not used.is_signed() or used < 0


def test_show_writes_numbers_for_either_language():
    assert bounds.show(Decimal("-1000000000")) == "-1\u00a0000\u00a0000\u00a0000"
    assert bounds.show(999_999_999_999) == "999\u00a0999\u00a0999\u00a0999"
    assert bounds.show(Decimal("1E+999999")) == "1E+999999"
    assert bounds.show(Decimal("-0")) == "0"
    assert bounds.show(Decimal("12.50")) == "12.50"
    assert bounds.show(Decimal("NaN")) == "?"
    assert bounds.bound("cost_lines:12.amount") is bounds.BOUNDS["cost_lines.amount"]


# -- K26, field by field --------------------------------------------------------------------


@pytest.mark.parametrize(("field", "text"), CASES)
def test_k26_finding_names_the_field_and_the_range(field, text):
    for name in example_names():
        project = load_example(name)
        value = _value(field, text)
        assert value is not None
        address = inject(project, field, value)
        found = [f for f in run_checks(project) if f.field == address and f.code == CODES[field]]
        if bounds.in_range(field, value):
            assert not [f for f in found if f.severity == "error"], (name, field, text)
            continue
        assert len(found) == 1, (name, field, text, found)
        limit = bounds.bound(field)
        for lang in ("en", "fr"):
            message = found[0].message(lang)
            assert bounds.show(limit.low) in message and bounds.show(limit.high) in message, message
            assert "NaN" not in message and "Infinity" not in message
        if field in CODES and CODES[field] in ("T-RANGE", "T-RATE", "T-HORIZON"):
            said = found[0].message("en")
            assert "so the computation uses" in said or "not counted" in said, said


@pytest.mark.parametrize(("field", "text"), CASES)
def test_k26_check_says_so(field, text, tmp_path, capsys):
    """``main.py check`` on the file as received: the finding, at the field, and exit 1."""
    name = example_names()[CASES.index((field, text)) % len(example_names())]
    project = load_example(name)
    value = _value(field, text)
    assert value is not None
    address = inject(project, field, value)
    path = tmp_path / "k26.tender"
    ProjectFile.create(path, project).close()
    capsys.readouterr()
    status = cli.main(["check", str(path), "--lang", "fr"])
    out = capsys.readouterr().out
    lines = [x for x in out.splitlines() if x.split()[1:4] == [CODES[field], address, ":"]]  # « adresse : »
    if bounds.in_range(field, value):
        assert not [x for x in lines if x.startswith("ERR")], out
    else:
        assert status == 1 and len(lines) == 1, out
        assert bounds.show(bounds.bound(field).high) in lines[0]
    assert "Traceback" not in out


def test_k26_headline_cases_compute():
    """The four crashes of the issue: each now computes within the bounds."""
    project = load_example("office-suite")
    project.tco.discount_rate_pct = Decimal(-100)  # was a division by zero
    first = tco.compute_tco(project)[0]
    project.tco.discount_rate_pct = Decimal(-20)
    assert tco.compute_tco(project)[0].npv == first.npv
    line = next(c for c in project.cost_lines if c.recurring)
    line.escalation_pct = Decimal("999999999999")  # overflowed
    line.amount = Decimal("1E+999999")  # could not be rounded to the cent
    result = next(r for r in tco.compute_tco(project) if r.option_id == line.option_id)
    assert result.nominal.is_finite() and record_tco.money(result.nominal, "fr").endswith("$")
    assert record_tco.money(Decimal("1E+999999"), "en") == record_tco.NO_AMOUNT
    assert record_tco.money(Decimal("NaN"), "en") == record_tco.NO_AMOUNT
    assert record_tco.money(Decimal("-0.001"), "fr") == "0,00\u00a0$"


def test_nan_and_infinity_never_reach_a_project():
    for text in ("NaN", "Infinity", "-Infinity", "nan", "inf"):
        with pytest.raises(codec.CodecError):
            codec.python_value(text, Decimal, "tco.discount_rate_pct")
    with pytest.raises(codec.CodecError):
        codec.python_value(float("nan"), Decimal, "cost_lines.amount")


def test_k26_through_the_core_operations(tmp_path):
    """As the app saves them (ops.edit_section / ops.update), the values stay as typed
    (nothing lost), and the computations read them within their bounds."""
    with ProjectFile.create(tmp_path / "ops.tender", load_example("training")) as pf:
        ops.edit_section(pf, replace(pf.project.tco, discount_rate_pct=Decimal("-100"), horizon_years=-1000))
        line = next(c for c in pf.project.cost_lines if c.recurring)
        ops.update(pf, CostLine, line.id, escalation_pct=Decimal("999999999999"), amount=Decimal("1E+999999"))
        project = copy.deepcopy(pf.project)
    assert project.tco.discount_rate_pct == Decimal(-100) and project.tco.horizon_years == -1000
    assert tco.horizon_of(project) == 1 and tco.rate_of(project) == Decimal(-20)
    codes = {f.code for f in run_checks(project)}
    assert {"T-RATE", "T-HORIZON", "T-RANGE"} <= codes
    files = output_files(project, "both")
    assert_clean(files)
    package = json.loads(files["ocds-release-package.json"]) if "ocds-release-package.json" in files else None
    assert package is None or "1E+999999" not in json.dumps(package)


def test_valid_values_render_as_before():
    """In range, nothing moves: the worked example of docs/tco.md (K20)."""
    project = load_example("office-suite")
    before = [(r.nominal, r.npv, r.years) for r in tco.compute_tco(project)]
    for line in project.cost_lines:
        assert bounds.in_range("cost_lines.amount", line.amount)
    assert [(r.nominal, r.npv, r.years) for r in tco.compute_tco(project)] == before


# -- every bundled example, every absurd value at once, through export_all ------------------


@pytest.mark.slow
@pytest.mark.parametrize("name", example_names())
@pytest.mark.parametrize("text", ABSURD)
def test_k26_export_all_completes_for_every_example(name, text, tmp_path):
    project = load_example(name)
    injected = []
    for field in CODES:
        value = _value(field, text)
        if value is not None:
            injected.append((field, inject(project, field, value), value))
    found = {(f.code, f.field) for f in run_checks(project)}
    for field, address, value in injected:
        assert bounds.in_range(field, value) or (CODES[field], address) in found, (field, address)
    written = export_all(project, tmp_path / "out", lang="both")
    assert written and all(p.stat().st_size > 0 for p in written)
    assert_clean({p.name: p.read_bytes() for p in written})
