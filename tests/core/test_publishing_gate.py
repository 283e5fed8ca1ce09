"""The publishing gate (docs/documents.md, "The publishing gate"): the open errors and
every placeholder the exported documents would print, each with the field that fills it.

The table of printed fields (``documents/printed_fields.py``) is kept honest here: for
each bundled example, blanking each field it lists makes the gate name that field, and
every placeholder of every document is exactly one item."""

from __future__ import annotations

import dataclasses
from collections import Counter
from decimal import Decimal

import pytest

from wizard.core.documents import printed_fields
from wizard.core.documents.gate import (
    DOCUMENTS,
    MISSING_TRANSLATION,
    PLACEHOLDER_CODE,
    error_items,
    gate_counts,
    placeholder_items,
    publishing_gate,
)
from wizard.core.documents.printed_fields import DAYS, PRINTED, Rows, Text, Value
from wizard.core.documents.record import record_document
from wizard.core.documents.tender import tender_document
from wizard.core.documents.tender_publication import publication_blocks
from wizard.core.examples import example_names, load_example
from wizard.core.i18n.formats import PLACEHOLDER
from wizard.core.model import (
    ClauseChoice,
    JuryMember,
    Justification,
    Project,
    PublicationItem,
    QualityGridItem,
)
from wizard.core.model.defaults import PUBLICATION_ITEMS, new_project
from wizard.core.model.project import SECTIONS
from wizard.core.steps import Step
from wizard.core.textclean import clean_project

EXAMPLES = example_names()
LANG_SETS = (["fr"], ["en"], ["fr", "en"])


def _all_text(value: object) -> list[str]:
    """Every string inside ``value`` (a block, a list of rows …), by reflection: a count
    that does not depend on how the gate walks blocks."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, (list, tuple)):
        return [t for v in value for t in _all_text(v)]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return [t for f in dataclasses.fields(value) for t in _all_text(getattr(value, f.name))]
    return []


def _occurrences(project: Project, langs: list[str]) -> Counter[tuple[str, str]]:
    """(document, lang) → placeholders printed in its page header and blocks."""
    project = clean_project(project)
    found: Counter[tuple[str, str]] = Counter()
    for lang in langs:
        for kind, doc in (
            ("tender", tender_document(project, lang, langs)),
            ("record", record_document(project, lang)),
        ):
            found[(kind, lang)] = sum(t.count(PLACEHOLDER) for t in [doc.header, *_all_text(doc.blocks)])
    return found


def _placeholders(project: Project, langs: list[str]) -> list:
    """The placeholders of the documents: the open data's own item and a missing
    translation's marker are counted apart (tests/core/test_bilingual_gate.py)."""
    return [
        i
        for i in publishing_gate(project, langs)
        if i.code == PLACEHOLDER_CODE and i.document and i.text != MISSING_TRANSLATION
    ]


# -- the bundled examples -----------------------------------------------------------------


@pytest.mark.parametrize("name", EXAMPLES)
@pytest.mark.parametrize("langs", LANG_SETS, ids="+".join)
def test_every_example_passes_the_gate(name, langs):
    """No open error, no placeholder in any document, in every language (K36: the
    training example's optional criterion verified by a scenario has its scenario)."""
    project = load_example(name)
    assert publishing_gate(project, langs) == []
    assert sum(_occurrences(project, langs).values()) == 0


def test_the_training_example_verifies_every_scenario_criterion():
    project = load_example("training")
    covered = {cid for s in project.scenarios for cid in s.criterion_ids}
    assert [c.id for c in project.criteria if c.verification == "scenario" and c.id not in covered] == []


# -- every placeholder is one item, with its field ------------------------------------------


PRINTED_TOGETHER = {
    ("tco_options", "name"): ("description",),
    ("vendor_exchanges", "staff_name"): ("staff_role",),
}
"""Values printed joined with the listed field: the placeholder shows when all are blank."""


def _blank(project: Project, entry) -> list[str]:
    """Blank what ``entry`` lists in ``project`` (setting up what makes it print) and
    return the addresses the gate must name."""
    info, ev = project.info, project.evaluation
    if isinstance(entry, Text):
        if entry.kind in SECTIONS:
            section = getattr(project, entry.kind)
            setattr(section, entry.attribute, "")
            project.problem.urgent = project.problem.urgent or entry.attribute == "urgency_justification"
            ev.pilot_enabled = ev.pilot_enabled or entry.attribute == "pilot_description"
            return [f"{entry.kind}.{entry.attribute}"]
        if entry.kind == "quality_grid":  # printed in Québec's weighted system only
            ev.quebec_weighted = True
            project.quality_grid = project.quality_grid or [QualityGridItem(id=1, points=30)]
        rows = project.rows(entry.kind)
        for row in rows:
            for attribute in (entry.attribute, *PRINTED_TOGETHER.get((entry.kind, entry.attribute), ())):
                setattr(row, attribute, "")
        if entry.kind == "business_units":
            rows = [u for u in rows if u.role != "not_concerned"]
        return [f"{entry.kind}:{row.id}.{entry.attribute}" for row in rows]
    if isinstance(entry, Value):
        if (entry.kind, entry.attribute) in DAYS:  # a date prints only when it is a real day
            if entry.kind in SECTIONS:
                setattr(getattr(project, entry.kind), entry.attribute, "")
                return [f"{entry.kind}.{entry.attribute}"]
            for row in project.rows(entry.kind):
                setattr(row, entry.attribute, "")
            return [f"{entry.kind}:{row.id}.{entry.attribute}" for row in project.rows(entry.kind)]
        if entry.attribute == "closing_time":
            info.closing_time = ""
            return ["info.closing_time"]
        if entry.attribute == "province":
            info.province = ""
            return ["info.province"]
        if entry.attribute == "verification":
            criterion = project.criteria[-1]
            criterion.verification = "scenario"
            for scenario in project.scenarios:
                scenario.criterion_ids = [i for i in scenario.criterion_ids if i != criterion.id]
            return [f"criteria:{criterion.id}"]
        if entry.attribute == "criterion_ids":
            project.scenarios[0].criterion_ids = []
            return [f"scenarios:{project.scenarios[0].id}.criterion_ids"]
        if entry.attribute == "bid_security_value":  # asked, with no amount
            project.contract_data.bid_security = "security_amount"
            project.contract_data.bid_security_value = Decimal(0)
            return ["contract_data.bid_security_value"]
        if entry.attribute == "pilot_scenario_ids":
            ev.pilot_enabled, ev.pilot_scenario_ids = True, []
            ev.pilot_description = ev.pilot_description or "A pilot."
            return ["evaluation.pilot_scenario_ids"]
    if isinstance(entry, Rows):
        if entry.kind == "business_units":
            for unit in project.business_units:
                unit.role = "not_concerned"
        elif entry.kind == "criteria":
            for criterion in project.criteria:
                criterion.kind = "optional"
        else:
            project.rows(entry.kind).clear()
        return [entry.kind]
    raise AssertionError(f"no test set-up for {entry}")


def _entry_id(entry) -> str:
    return f"{type(entry).__name__}-{entry.kind}-{getattr(entry, 'attribute', '')}"


@pytest.mark.parametrize("name", EXAMPLES)
@pytest.mark.parametrize("entry", PRINTED, ids=_entry_id)
def test_blanking_a_listed_field_names_it(name, entry):
    project = load_example(name)
    listed_rows = entry.kind in SECTIONS or entry.kind == "quality_grid" or project.rows(entry.kind)
    if (isinstance(entry, Text) or (entry.kind, getattr(entry, "attribute", "")) in DAYS) and not listed_rows:
        pytest.skip(f"{name} has no {entry.kind}")
    expected = _blank(project, entry)
    langs = ["fr", "en"]
    items = _placeholders(project, langs)
    named = {i.field for i in items}
    assert expected and set(expected) <= named, (expected, named)
    assert all(i.field for i in items), [i for i in items if not i.field]
    assert Counter((i.document, i.lang) for i in items) == _occurrences(project, langs)


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("langs", LANG_SETS, ids="+".join)
def test_a_new_project_has_one_item_per_placeholder_each_with_its_field(lang, langs):
    project = new_project(lang)
    items = _placeholders(project, langs)
    assert Counter((i.document, i.lang) for i in items) == _occurrences(project, langs)
    assert [i for i in items if not i.field] == []
    fields = Counter(i.field for i in items)
    for field in ("info.reference", "info.province", "problem.statement", "authors", "scenarios"):
        assert fields[field] > 0, field
    assert [i for i in items if i.field.startswith("publication_items")] == []  # nothing ticked


def test_everything_blank_at_once_in_an_example():
    """Every listed field blank together: still one item per placeholder, each named."""
    project = load_example("office-suite")
    project.translations = []  # blank in both versions: a French version would print instead
    for entry in PRINTED:
        if not isinstance(entry, Rows):  # rows emptied would hide the fields of their rows
            _blank(project, entry)
    items = _placeholders(project, ["fr", "en"])
    assert Counter((i.document, i.lang) for i in items) == _occurrences(project, ["fr", "en"])
    assert [i for i in items if not i.field] == []


@pytest.mark.parametrize("typed", ["2027-02-30", "8 avril 2027", "2027-13-01", "20270308"])
def test_a_closing_date_that_is_no_day_prints_the_placeholders_of_a_blank_one(typed):
    """Every sentence worked out from an impossible closing date (the bid validity, the last
    addendum, the scenario sessions, the public opening) shows the placeholder of a
    missing date, as with no date at all, and each is named ``info.closing_date``."""
    blank, bad = load_example("emergency-perimeter"), load_example("emergency-perimeter")
    blank.info.closing_date, bad.info.closing_date = "", typed
    langs = ["fr", "en"]
    items = [(i.document, i.lang, i.field, i.section_text("en")) for i in _placeholders(bad, langs)]
    assert items == [(i.document, i.lang, i.field, i.section_text("en")) for i in _placeholders(blank, langs)]
    assert {field for _d, _l, field, _s in items} == {"info.closing_date"}
    assert len(items) == 22
    assert _occurrences(bad, langs) == _occurrences(blank, langs)
    for lang in langs:
        assert not [t for t in _all_text(tender_document(bad, lang, langs).blocks) if typed in t]
        quoted = (f"\u201c{typed}\u201d", f"\u00ab\u00a0{typed}\u00a0\u00bb", f"\u00ab {typed} \u00bb")
        said = [t for t in _all_text(record_document(bad, lang).blocks) if typed in t]
        assert said and all(any(q in t for q in quoted) for t in said), said  # PR-DATE quotes it, alone


@pytest.mark.parametrize("typed", ["25:00", "2 pm", "14:60"])
def test_a_closing_time_that_is_no_time_prints_the_placeholder_of_a_blank_one(typed):
    blank, bad = load_example("emergency-perimeter"), load_example("emergency-perimeter")
    blank.info.closing_time, bad.info.closing_time = "", typed
    items = [(i.document, i.lang, i.field) for i in _placeholders(bad, ["fr", "en"])]
    assert items == [(i.document, i.lang, i.field) for i in _placeholders(blank, ["fr", "en"])]
    assert items and {field for _d, _l, field in items} == {"info.closing_time"}
    for lang in ("fr", "en"):
        assert not [t for t in _all_text(tender_document(bad, lang, ["fr", "en"]).blocks) if typed in t]
    twin = load_example("emergency-perimeter")  # its real time prints
    assert twin.info.closing_time == "14:00"
    assert "8\u00a0mars\u00a02027, 14\u00a0h\u00a000 (heure de l’Est)" in _all_text(
        tender_document(twin, "fr", ["fr"]).blocks
    )


def test_a_real_closing_date_prints_no_placeholder():
    """The twin: the same example with its real closing date prints every derived date."""
    project = load_example("emergency-perimeter")
    assert project.info.closing_date == "2027-03-08"
    assert [i for i in _placeholders(project, ["fr", "en"]) if i.field == "info.closing_date"] == []
    text = "\n".join(_all_text(tender_document(project, "en", ["fr", "en"]).blocks))
    assert "until July\u00a06, 2027 inclusive" in text  # 120 days after March 8, 2027


def test_an_empty_reference_names_its_place_in_each_document():
    project = load_example("office-suite")
    project.info.reference = ""
    items = publishing_gate(project, ["en"])
    assert [(i.code, i.field, i.document, i.section_text("en")) for i in items] == [
        (PLACEHOLDER_CODE, "info.reference", "tender", "Page header"),
        (PLACEHOLDER_CODE, "info.reference", "tender", "Cover page"),
        (PLACEHOLDER_CODE, "info.reference", "tender", "Contract clauses › Payment and invoicing"),
        (PLACEHOLDER_CODE, "info.reference", "tender", "Appendix: form of agreement"),
        (PLACEHOLDER_CODE, "info.reference", "tender", "Appendix: forms to sign › Form 1 – Form of offer"),
        (PLACEHOLDER_CODE, "info.reference", "record", "Page header"),
        (PLACEHOLDER_CODE, "info.reference", "record", "Cover page"),
        (PLACEHOLDER_CODE, "info.reference", "record", "Executive summary"),
        (PLACEHOLDER_CODE, "info.reference", "record", "Recommendation"),
    ]
    assert items[1].step == Step.PROJECT and items[1].address == "info.reference"
    assert items[0].message("en") == (
        "The tender in English, section “Page header”: the document prints "
        "[À COMPLÉTER / TO BE COMPLETED] where this value goes."
    )
    assert items[6].message("fr") == (
        "Le dossier de décision en anglais, section «\u00a0Page couverture\u00a0»\u00a0: le document affiche "
        "[À COMPLÉTER / TO BE COMPLETED] à la place de cette valeur."
    )


def test_a_scenario_without_steps_is_named_under_its_heading():
    project = load_example("emergency-perimeter")
    scenario = project.scenarios[1]
    scenario.steps = "  \n"
    [item] = publishing_gate(project, ["fr"])
    assert item.field == f"scenarios:{scenario.id}.steps"
    assert item.step == Step.SCENARIOS
    assert item.section[0] == "Scénarios d’essai"
    assert item.section[1].startswith("Scénario S-2") and item.section[1].endswith(scenario.title)


def test_an_uncovered_scenario_criterion_points_at_the_criterion():
    """K36: a criterion verified "by scenario" that no scenario covers prints a
    placeholder in the traceability matrix; the gate names the criterion."""
    project = load_example("training")
    project.scenarios = [s for s in project.scenarios if s.criterion_ids != [6]]
    items = publishing_gate(project, ["fr"])
    assert [(i.code, i.field) for i in items] == [(PLACEHOLDER_CODE, "criteria:6")]
    assert items[0].section[-1] == "Traçabilité des critères vers les scénarios"


# -- clauses that fail to render ------------------------------------------------------------


def test_a_required_clause_with_a_typo_is_an_error_and_a_placeholder_at_the_clause():
    project = load_example("emergency-perimeter")
    choice = ClauseChoice(
        id=project.next_id("clause_choices"),
        clause_id="governing-law",
        custom_fr="Le Contrat est régi par les lois {{ provnce_of }}.",
    )
    project.clause_choices.append(choice)
    items = publishing_gate(project, ["fr"])
    errors = [i for i in items if not i.is_placeholder]
    placeholders = [i for i in items if i.is_placeholder]
    assert [(i.code, i.field) for i in errors] == [("K-RENDER", f"clause_choices:{choice.id}.custom_fr")]
    assert [(i.field, i.step) for i in placeholders] == [
        (f"clause_choices:{choice.id}.custom_fr", Step.CLAUSES)
    ]
    assert placeholders[0].section[-1] == "Droit applicable et tribunaux compétents"
    assert gate_counts(items) == (1, 1)
    # the English tender renders the library's text: no placeholder in English
    english = publishing_gate(project, ["en"])
    assert [i.code for i in english if i.text != MISSING_TRANSLATION] == ["K-RENDER"]


def test_a_new_clause_choice_row_without_edit_is_not_reported():
    project = load_example("office-suite")
    project.clause_choices.append(
        ClauseChoice(id=project.next_id("clause_choices"), clause_id="governing-law")
    )
    assert publishing_gate(project, ["en"]) == []


# -- errors ---------------------------------------------------------------------------------


def _jury_author(name: str = "office-suite") -> tuple[Project, JuryMember]:
    project = load_example(name)
    member = JuryMember(id=project.next_id("jury"), name=project.authors[0].name, declaration_signed=True)
    project.jury.append(member)
    return project, member


def test_an_author_on_the_jury_is_an_open_error():
    project, member = _jury_author()
    [item] = publishing_gate(project, ["en"])
    assert (item.code, item.field, item.step) == ("E-JURY-AUTHOR", f"jury:{member.id}.name", Step.EVALUATION)
    assert item.message("en") == "Priya Raman wrote the tender and may not sit on the selection committee."
    assert not item.is_placeholder and item.address == item.field


def test_a_justified_error_no_longer_counts():
    project, member = _jury_author()
    project.justifications.append(
        Justification(id=1, code="E-JURY-AUTHOR", field=f"jury:{member.id}.name", reason="Council waived it.")
    )
    assert error_items(project) == []
    blank_reason = load_example("office-suite")
    blank_reason.jury.append(dataclasses.replace(member))
    blank_reason.justifications.append(
        Justification(id=1, code="E-JURY-AUTHOR", field=f"jury:{member.id}.name", reason="  ")
    )
    assert [i.code for i in error_items(blank_reason)] == ["E-JURY-AUTHOR"]  # a reason is needed


def test_warnings_are_not_gate_items():
    project = load_example("emergency-perimeter")  # V-DRAFTING, V-UNDESIGNATED … are warnings
    assert publishing_gate(project, ["fr"]) == []


# -- the fallback: a placeholder that no listed field explains ------------------------------


def test_a_placeholder_no_field_explains_names_its_step(monkeypatch):
    monkeypatch.setattr(
        printed_fields, "PRINTED", [e for e in PRINTED if getattr(e, "attribute", "") != "tie_break"]
    )
    project = load_example("office-suite")
    project.evaluation.tie_break = ""
    [item] = placeholder_items(project, ["en"])
    assert (item.field, item.step, item.address) == ("", Step.EVALUATION, "evaluation")
    assert item.message("en") == (
        "The tender in English, section “Evaluation method”: the document prints "
        "[À COMPLÉTER / TO BE COMPLETED]; complete the step “Evaluation and award”."
    )


def test_every_document_has_a_name_in_both_languages():
    assert set(DOCUMENTS) == {(d, lang) for d in ("tender", "record") for lang in ("fr", "en")}


# -- the publication plan -------------------------------------------------------------------


def _plan_rows(project: Project, lang: str) -> list[list[str]]:
    tables = [b for b in publication_blocks(project, lang) if type(b).__name__ == "Table"]
    return tables[0].rows if tables else []


def test_a_new_project_plans_nothing_and_prints_no_plan():
    project = new_project("fr")
    assert [i.key for i in project.publication_items] == list(PUBLICATION_ITEMS)
    assert not any(i.planned for i in project.publication_items)
    assert _plan_rows(project, "fr") == []
    texts = _all_text(publication_blocks(project, "fr"))
    assert not any("publiera" in t for t in texts)


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("fr", [["À déterminer", "À déterminer"], ["1er\u00a0juin\u00a02027", "Site Web"]]),
        ("en", [["To be determined", "To be determined"], ["June\u00a01, 2027", "Site Web"]]),
    ],
)
def test_a_planned_item_without_date_or_place_says_to_be_determined(lang, expected):
    project = new_project("fr")
    project.publication_items = [
        PublicationItem(id=1, key="winner", planned=True),
        PublicationItem(id=2, key="contract", planned=True, planned_date="2027-06-01", place="Site Web"),
        PublicationItem(id=3, key="spending", planned=False, planned_date="2027-09-30", place="Portail"),
    ]
    rows = _plan_rows(project, lang)
    assert [row[1:] for row in rows] == expected  # the item not planned never prints
    assert not any(PLACEHOLDER in cell for row in rows for cell in row)


@pytest.mark.parametrize("prefix", ["", "ocds-xxxxxx", "OCDS-AB12"])
def test_the_placeholder_ocds_prefix_is_a_placeholder_of_the_open_data(prefix):
    """The package would publish ocds-xxxxxx identifiers: --strict refuses it too."""
    project = load_example("office-suite")
    project.publication.ocid_prefix = prefix
    [item] = [i for i in publishing_gate(project, ["en"]) if i.code == PLACEHOLDER_CODE]
    assert (item.field, item.document, item.step) == ("publication.ocid_prefix", "", Step.VENDORS)
    assert item.message("fr").startswith("Les données ouvertes\u00a0: chaque identifiant utiliserait")
    assert publishing_gate(load_example("office-suite"), ["en"]) == []


def _award_items(tmp_path, **award_changes) -> list:
    from test_document_texts import example_bids

    bids = example_bids("training", tmp_path)
    bids = dataclasses.replace(bids, award=dataclasses.replace(bids.award, **award_changes))
    return placeholder_items(load_example("training"), ["en"], None, bids)


def test_a_placeholder_in_the_award_section_is_a_gate_item(tmp_path):
    # the record the export writes with the bids record: a signatory left as a copied
    # template's placeholder prints it in the award's table, and the gate reads that
    # record (an invalid date now reads "not recorded" there, record_award._award_table)
    from wizard.core.i18n.formats import PLACEHOLDER

    [item] = _award_items(tmp_path, signatory=PLACEHOLDER)
    assert (item.document, item.lang, item.section[0]) == ("record", "en", "Award of the contract")


def test_a_real_signatory_prints_no_placeholder_in_the_award_section(tmp_path):
    assert _award_items(tmp_path, signatory="Martin Thériault", resolution_date="2027-02-30") == []
