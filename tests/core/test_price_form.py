"""The price form and the evaluated price (wizard/core/domain/price_form.py; docs/documents.md,
"The price form"): lines from the TCO, totals computed by hand, the price-score formula,
the version, and the tender's appendix in both languages.

The hand-computed bid (``BID``, project ``hand_project()``: Québec, horizon 3 years):

* A, one-time: licences 12,345.67 + implementation 20,000.10 = 32,345.77
* B, recurring: year 1 = 5,000.00 + 1,000.01 = 6,000.01; year 2 = 5,150.00 + blank
  (0) = 5,150.00; year 3 = 5,304.50 + 1,000.01 = 6,304.51; B = 17,454.52
* C, exit: extraction 2,500.55 + migration blank (0) = 2,500.55
* evaluated price = 32,345.77 + 17,454.52 + 2,500.55 = 52,300.84 (unit rates 150.00
  and 99.99 not counted)
* GST 5 % = 2,615.042, billed 2,615.04; QST 9.975 % = 5,217.00879, billed 5,217.01;
  with taxes 52,300.84 + 2,615.04 + 5,217.01 = 60,132.89
"""

from __future__ import annotations

import io
from decimal import Decimal as D  # noqa: N817

import docx
import pytest
from openpyxl import load_workbook

from wizard.core.documents.blocks import Paragraph, Table
from wizard.core.documents.price_workbook import price_workbook_bytes
from wizard.core.documents.tender import tender_blocks
from wizard.core.documents.tender_criteria import evaluation_blocks
from wizard.core.documents.tender_price_form import price_form_blocks
from wizard.core.domain import price_form as pf
from wizard.core.examples import load_example
from wizard.core.export import tender_bytes
from wizard.core.model import ClauseChoice, CostLine, Criterion, Project, TcoOption
from wizard.core.model.translatable import localized


def hand_project() -> Project:
    p = Project()
    p.info.province = "QC"
    p.info.reference = "AO-2027-01"
    p.tco.horizon_years = 3
    p.tco_options = [TcoOption(1, "Cloud"), TcoOption(2, "On premises")]
    p.cost_lines = [
        CostLine(1, 2, "licences", "Perpetual licences", 0, D(50000)),
        CostLine(2, 1, "implementation", "Set-up", 0, D(20000)),
        CostLine(3, 1, "subscriptions", "Subscription", 1, D(5000), recurring=True, escalation_pct=D(3)),
        CostLine(4, 2, "support", "Support", 1, D(1000), recurring=True),
        CostLine(5, 1, "staff_time", "Our own staff", 1, D(9000), recurring=True),
        CostLine(6, 1, "security_privacy", "Our privacy assessment", 0, D(5000)),
        CostLine(7, 1, "exit_extraction", "Extraction", 3, D(2000)),
        CostLine(8, 2, "exit_migration", "Migration out", 3, D(9000)),
    ]
    return p


BID: dict[str, list[D | None]] = {
    "one_off.licences": [D("12345.67")],
    "one_off.implementation": [D("20000.10")],
    "recurring.subscriptions": [D("5000.00"), D("5150.00"), D("5304.50")],
    "recurring.support": [D("1000.01"), None, D("1000.01")],
    "exit.exit_documentation": [D("2500.55")],
    "unit.hour": [D("150.00")],
    "unit.user": [D("99.99")],
}
"""A bid as a vendor fills it; ``exit.exit_migration`` is left blank."""


def test_lines_come_from_the_tco_categories_of_every_option():
    form = pf.price_form(hand_project())
    assert [x.key for x in form.lines] == [
        "one_off.licences",
        "one_off.implementation",
        "recurring.subscriptions",
        "recurring.support",
        "exit.exit_documentation",
        "exit.exit_migration",
        "unit.hour",
        "unit.user",
    ]  # the Town's own staff time and privacy assessment are not priced by bidders
    assert form.horizon == 3
    assert [x.cells for x in form.lines] == [1, 1, 3, 3, 1, 1, 1, 1]
    assert [x.evaluated for x in form.lines] == [True] * 6 + [False] * 2


def test_hand_computed_totals():
    totals = pf.price_totals(pf.price_form(hand_project()), BID)
    assert totals.one_off == D("32345.77")
    assert totals.recurring_years == (D("6000.01"), D("5150.00"), D("6304.51"))
    assert totals.recurring == D("17454.52")
    assert totals.exit == D("2500.55")
    assert totals.evaluated == D("52300.84")
    # each tax rounded to the cent: 2,615.042 → 2,615.04; 5,217.00879 → 5,217.01
    assert totals.taxes == (("GST", D(5), D("2615.04")), ("QST", D("9.975"), D("5217.01")))
    assert totals.with_taxes == D("60132.89")


def test_blank_and_unknown_cells_count_as_zero():
    form = pf.price_form(hand_project())
    assert pf.price_totals(form, {}).evaluated == 0
    totals = pf.price_totals(form, {"recurring.support": [D(7)], "no.such.line": [D(1000)]})
    assert totals.recurring_years == (D(7), D(0), D(0))
    assert totals.evaluated == D(7)


def test_price_score_formula():
    assert pf.price_score(30, D("52300.84"), D("65376.05")) == D(24)  # 52,300.84 / 65,376.05 = 0.8
    assert pf.price_score(30, D("52300.84"), D("52300.84")) == D(30)
    with pytest.raises(ValueError):
        pf.price_score(30, D(100), D(99))
    with pytest.raises(ValueError):
        pf.price_score(30, D(0), D(99))


def test_a_pilot_is_a_one_time_line_and_a_project_without_costs_gets_the_default_form():
    p = Project()
    p.evaluation.pilot_enabled = True
    form = pf.price_form(p)
    assert [x.key for x in form.lines] == [
        "one_off.implementation",
        "one_off.migration_in",
        "one_off.training",
        "one_off.pilot",
        "recurring.subscriptions",
        "recurring.support",
        "exit.exit_documentation",
        "exit.exit_migration",
        "unit.hour",
        "unit.user",
    ]
    assert form.horizon == 5


def test_version_follows_what_the_bidder_fills_not_the_wording():
    p = hand_project()
    version = pf.price_form(p).version
    assert version.startswith("PF1-") and len(version) == 14
    p.cost_lines[0].label = "Another label"
    p.cost_lines[0].amount = D(1)
    assert pf.price_form(p).version == version
    p.tco.horizon_years = 4
    assert pf.price_form(p).version != version
    p.tco.horizon_years = 3
    p.cost_lines.append(CostLine(9, 1, "training", "Training", 0, D(100)))
    assert pf.price_form(p).version != version


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "en",
            [
                "Appendix: price form",
                "The evaluated price of a bid is the sum, in Canadian dollars before taxes, of its one-time costs (A), its recurring costs for years 1 to 3 (B)",
                "A blank cell is read as 0, that is, at no charge.",
                "(the file price-form-en.xlsx), version PF1-",
                "A. One-time costs",
                "B. Recurring costs, per year of the Contract",
                "C. Committed exit costs",
                "D. Unit rates (not part of the evaluated price)",
                "(GST 5% + QST 9.975%)",
            ],
        ),
        (
            "fr",
            [
                "Annexe\u00a0: bordereau de prix",
                "Le prix évalué d’une soumission est la somme, en dollars canadiens avant taxes, de ses coûts non récurrents (A), de ses coûts récurrents des années 1 à 3 (B)",
                "Une case laissée vide est lue comme 0, c’est-à-dire sans frais.",
                "(le fichier price-form-fr.xlsx), version PF1-",
                "A. Coûts non récurrents",
                "C. Frais de sortie fermes",
                "(TPS 5\u00a0% + TVQ 9,975\u00a0%)",
            ],
        ),
    ],
)
def test_the_tender_prints_the_form_and_defines_the_evaluated_price_once(lang, expected):
    p = hand_project()
    p.info.text_language = lang
    document = docx.Document(io.BytesIO(tender_bytes(p, lang)))
    text = "\n".join(par.text for par in document.paragraphs)
    for part in expected:
        assert part in text, part
    assert text.count(pf.EVALUATED_PRICE[:40] if lang == "en" else "Le prix évalué d’une soumission est") == 1
    (recurring,) = [t for t in document.tables if len(t.rows) == 3 + 2 and len(t.columns) == 4]
    header = [c.text for c in recurring.rows[0].cells]
    assert header[0] == {"en": "Year", "fr": "Année"}[lang]
    assert [r.cells[0].text for r in recurring.rows[1:]] == [
        "1",
        "2",
        "3",
        "Total B" if lang == "en" else "Total B",
    ]
    assert {c.text for r in recurring.rows[1:] for c in r.cells[1:]} == {"________"}


def test_the_appendix_comes_after_the_forms_and_its_version_is_the_forms():
    p = hand_project()
    blocks = tender_blocks(p, "en")
    headings = [getattr(b, "text", "") for b in blocks if type(b).__name__ == "Heading"]
    forms = headings.index("Appendix: forms to sign")
    assert headings.index("Appendix: price form") == forms + 6  # after the five forms
    text = " ".join(getattr(b, "text", "") for b in price_form_blocks(p, "en"))
    assert pf.price_form(p).version in text


def test_the_exit_clause_points_at_the_price_form():
    text = "\n".join(
        par.text for par in docx.Document(io.BytesIO(tender_bytes(hand_project(), "en"))).paragraphs
    )
    assert "declared in the bid" not in text
    assert "at the amounts of section C of the price form of its bid (committed exit costs)" in text


@pytest.mark.parametrize(
    ("horizon", "term", "renewals", "expected"),
    [
        (3, 3, 2, None),  # every year priced is in the initial term
        (5, 3, 2, (4, 5)),
        (5, 4, 2, (5, 5)),
        (5, 2, 1, (3, 3)),  # years 4 and 5 are past the term and its renewals (SW check)
        (5, 3, 0, None),
    ],
)
def test_years_priced_in_the_renewals(horizon, term, renewals, expected):
    p = hand_project()
    p.tco.horizon_years = horizon
    p.statement_of_work.term_years, p.statement_of_work.renewals = term, renewals
    p.statement_of_work.renewal_years = 1
    form = pf.price_form(p)
    assert form.renewal_years == expected
    text = " ".join(getattr(b, "text", "") for b in price_form_blocks(p, "en"))
    sentence = {
        None: "",
        (4, 5): "The initial term of the Contract covers years 1 to 3 of the price form. Years 4 and 5 fall "
        "in the renewals at the Town's option: their prices bind if the Town renews the Contract, and count "
        "in the evaluated price.",
        (5, 5): "Year 5 falls in a renewal at the Town's option",
        (3, 3): "Year 3 falls in a renewal at the Town's option",
    }[expected]
    assert (sentence in text) if sentence else ("renewal" not in text)
    french = pf.renewal_text(form, "fr")
    if expected == (4, 5):
        assert "Les années 4 et 5 correspondent aux renouvellements" in french
        assert french.startswith("La durée initiale du Contrat couvre les années 1 à 3 du bordereau de prix.")
    elif expected is None:
        assert french.startswith(f"La durée initiale du Contrat est de {term}\u00a0an")
    else:
        assert f"L’année {expected[0]} correspond à un renouvellement" in french


@pytest.mark.parametrize(
    ("lang", "zero", "blank"),
    [
        (
            "en",
            "A bid whose evaluated price is 0 is non-compliant and rejected: the price score divides by the "
            "evaluated price, which must be greater than 0.",
            "A blank cell is read as 0, that is, at no charge.",
        ),
        (
            "fr",
            "Une soumission dont le prix évalué est de 0 est non conforme et rejetée\u00a0: la note du prix "
            "divise par le prix évalué, qui doit être supérieur à 0.",
            "Une case laissée vide est lue comme 0, c’est-à-dire sans frais.",
        ),
    ],
)
def test_zero_has_one_meaning_and_a_price_of_zero_is_non_compliant(lang, zero, blank):
    """An all-blank bid is priced 0, which the score formula cannot divide by: the rule
    is said once, in the same words, in the appendix, the workbook's instructions and
    after the price score formula (outside Québec's system and in it)."""
    project = hand_project()
    form = pf.price_form(project)
    assert pf.price_totals(form, {}).evaluated == 0
    with pytest.raises(ValueError):
        pf.price_score(30, D(0), D(0))
    appendix = [b.text for b in price_form_blocks(project, lang) if isinstance(b, Paragraph)]
    assert appendix.count(zero) == 1
    assert sum(blank in text for text in appendix) == 1
    assert not any("blank cell counts as zero" in text for text in appendix)
    formula = [b.text for b in evaluation_blocks(project, lang) if isinstance(b, Paragraph)]
    after = formula.index(pf.price_points_text(project.evaluation.price_weight, lang)) + 1
    assert formula[after] == zero
    book = load_workbook(io.BytesIO(price_workbook_bytes(project, lang)))
    instructions = [c.value for c in book.worksheets[0]["A"] if isinstance(c.value, str)]
    assert instructions.count(zero) == 1
    assert sum(blank in text for text in instructions) == 1
    project.info.province = "QC"
    project.evaluation.quebec_weighted = True
    tender = [b.text for b in evaluation_blocks(project, lang) if isinstance(b, Paragraph)]
    assert sum(text.endswith(zero) for text in tender) == 1


def test_each_tax_is_rounded_to_the_cent():
    """The bid manager saw 32,466.636 of tax: each tax is now rounded to the cent,
    half up, in the core and (ROUND) in the workbook."""
    form = pf.price_form(hand_project())
    totals = pf.price_totals(form, {"one_off.licences": [D("216444.24")]})
    # GST 5 % of 216,444.24 = 10,822.212 → 10,822.21; QST 9.975 % = 21,590.31294 → 21,590.31
    assert totals.taxes == (("GST", D(5), D("10822.21")), ("QST", D("9.975"), D("21590.31")))
    assert totals.with_taxes == D("248856.76")
    assert pf.cents(D("0.005")) == D("0.01")
    book = load_workbook(io.BytesIO(price_workbook_bytes(hand_project(), "en")))
    sheet = book.worksheets[1]
    formulas = [c.value for c in sheet["B"] if isinstance(c.value, str) and "/100" in c.value]
    assert len(formulas) == 2
    assert formulas[0].startswith("=ROUND(") and formulas[0].endswith("*5/100,2)")
    assert formulas[1].startswith("=ROUND(") and formulas[1].endswith("*9.975/100,2)")


@pytest.mark.parametrize(
    ("first", "last", "en", "fr"),
    [
        (4, 4, "year 4", "l’année 4"),
        (4, 5, "years 4 and 5", "les années 4 et 5"),
        (4, 6, "years 4 to 6", "les années 4 à 6"),
    ],
)
def test_two_years_are_named_and_three_are_a_range(first, last, en, fr):
    assert pf.years_text(first, last, "en") == en
    assert pf.years_text(first, last, "fr") == fr


def test_the_workbook_marks_renewal_years_and_writes_numbers_as_numbers():
    p = hand_project()
    p.tco.horizon_years = 5
    p.statement_of_work.term_years, p.statement_of_work.renewals = 3, 2
    p.statement_of_work.renewal_years = 1
    form = pf.price_form(p)
    assert (form.term, form.renewal_years) == (3, (4, 5))
    for lang, marked in [
        ("en", "Year 4 (renewal at the Town's option)"),
        ("fr", "Année 4 (renouvellement à l’option de la Ville)"),
    ]:
        book = load_workbook(io.BytesIO(price_workbook_bytes(p, lang)))
        instructions, sheet = book.worksheets
        assert instructions["B7"].value == 5 and instructions["B7"].data_type == "n"
        labels = [c.value for c in sheet["A"] if isinstance(c.value, str)]
        assert marked in labels
        years = [x for x in labels if x.startswith(("Year ", "Année "))]
        assert len(years) == 5 and sum("(" in x for x in years) == 2
        assert pf.renewal_text(form, lang) in [c.value for c in instructions["A"]]


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_unit_rates_have_the_same_columns_in_the_tender_and_the_workbook(lang):
    p = hand_project()
    table = [b for b in price_form_blocks(p, lang) if isinstance(b, Table)][-1]
    book = load_workbook(io.BytesIO(price_workbook_bytes(p, lang)))
    sheet = book.worksheets[1]
    header_row = max(c.row for c in sheet["A"] if c.value == table.header[0][0])
    assert [sheet.cell(header_row, col).value for col in (1, 2, 3)] == table.header[0]
    hour = [c for c in sheet["A"] if c.value == table.rows[0][0]][0].row
    assert sheet.cell(hour, 2).value == {"en": "per hour", "fr": "par heure"}[lang]


def test_section_c_never_prices_what_the_clauses_make_free():
    """The data-ownership clause gives the Town a copy of its data "at no additional
    cost": section C then prices only what that copy does not cover (the documentation
    of the structures, configurations and interfaces), and says when the exit is
    assumed. Without the clause and without a criterion saying so, the extraction is
    priced."""
    p = hand_project()
    assert pf.free_data_export(p)
    exits = [(x.key, x.label) for x in pf.price_form(p).section("exit")]
    assert exits == [
        ("exit.exit_documentation", pf.EXIT_DOCUMENTATION),
        ("exit.exit_migration", pf.EXIT["exit_migration"]),
    ]
    text = "\n".join(getattr(b, "text", "") for b in price_form_blocks(p, "en"))
    assert "Extraction and delivery of the Town's data" not in text
    assert "the exit is assumed at the end of year 3, the last year priced" in text
    p.clause_choices = [ClauseChoice(1, "data-ownership", included=False)]
    assert not pf.free_data_export(p)
    assert [x.key for x in pf.price_form(p).section("exit")] == [
        "exit.exit_extraction",
        "exit.exit_migration",
    ]
    p.criteria = [
        Criterion(1, "The administrators export every record in CSV, at no charge.", kind="optional")
    ]
    assert pf.free_data_export(p)
    p.criteria = [
        Criterion(1, "Les administrateurs exportent les dossiers en CSV, sans frais.", kind="optional")
    ]
    assert pf.free_data_export(p)
    p.criteria = [Criterion(1, "The administrators export every record in CSV.", kind="optional")]
    assert not pf.free_data_export(p)


@pytest.mark.parametrize(
    ("name", "lang", "tie_break", "says_tie_break"),
    [
        ("training", "en", "to the bidder with the lowest evaluated price;", True),
        ("training", "fr", "au soumissionnaire dont le prix évalué est le plus bas;", True),
        ("office-suite", "en", "to the bid with the lowest evaluated price.", True),
        ("office-suite", "fr", "à celle dont le prix évalué est le plus bas.", True),
        ("emergency-perimeter", "en", "the greatest number of optional criteria", False),
        ("emergency-perimeter", "fr", "le plus grand nombre de critères facultatifs", False),
    ],
)
def test_the_tie_break_speaks_of_the_evaluated_price(name, lang, tie_break, says_tie_break):
    """The examples' tie-breaks said "lowest five-year total cost": they now use the
    evaluated price, and the evaluation method says "and in the tie-break rule" only
    when the tie-break uses a price."""
    project = localized(load_example(name), lang)
    assert tie_break in project.evaluation.tie_break
    assert "five-year" not in project.evaluation.tie_break and "cinq ans" not in project.evaluation.tie_break
    text = "\n".join(getattr(b, "text", "") for b in evaluation_blocks(project, lang))
    both = {"en": "here and in the tie-break rule", "fr": "ici et dans la règle de départage"}[lang]
    alone = {
        "en": "In this evaluation method, the price of a bid",
        "fr": "Dans la présente méthode d’évaluation",
    }[lang]
    assert (both in text) is says_tie_break
    assert (alone in text) is not says_tie_break
