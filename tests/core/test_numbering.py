"""One numbering (issue 15 point 5; docs/cases.md K32): findings, the app and every
document name criteria, scenarios and clauses as the tender numbers them."""

from __future__ import annotations

from wizard.core.checks import run_checks
from wizard.core.clauses import library
from wizard.core.domain import numbering
from wizard.core.examples import load_example
from wizard.core.i18n import Localized, tr
from wizard.core.model import ClauseChoice, Criterion


def test_localized_parameters_are_said_in_the_language_of_the_message():
    value = Localized(fr="OBL-2", en="M-2")
    assert tr("Criterion {criterion}", "en", criterion=value) == "Criterion M-2"
    assert tr(
        "Criterion {criterion} nearly repeats criterion {other}: merge them or make the difference clear.",
        "fr",
        criterion=value,
        other=Localized("OBL-1", "M-1"),
    ) == ("Le critère OBL-2 répète presque le critère OBL-1\u00a0: fusionnez-les ou précisez la différence.")
    assert str(value) == "M-2"


def test_criterion_numbers_count_each_kind_and_follow_the_binding_language():
    p = load_example("office-suite")  # English only: M- / O- in both languages of the app
    p.criteria.insert(0, Criterion(id=40, text="Works offline", kind="optional"))
    numbers = numbering.criterion_numbers(p, "fr")  # the binding version's numbers in every copy
    assert numbers[40] == "O-1" and numbers[1] == "M-1" and numbers[5] == "O-2"
    assert numbering.criterion_numbers(p, "en") == numbers
    p.info.tender_languages, p.info.binding_language = "both", "fr"
    assert numbering.criterion_numbers(p, "en")[5] == "OPT-2"  # a bilingual tender: the binding prefixes


def test_label_of_every_kind_of_address():
    p = load_example("training")
    assert numbering.label_of(p, "criteria:8.text", "fr") == "OPT-3"
    assert numbering.label_of(p, "criteria:8", "en") == "OPT-3"  # a French tender's number
    assert numbering.label_of(p, "scenarios:2.steps", "fr") == "S-2"
    assert numbering.label_of(p, "criteria:999.text", "en") == ""
    assert numbering.label_of(p, "criteria", "en") == "" and numbering.label_of(p, "info.title", "en") == ""
    included = [c.id for c in library.included_clauses(p)]
    third = included[2]
    p.clause_choices.append(ClauseChoice(id=77, clause_id=third))
    assert (
        numbering.label_of(p, "clause_choices:77.custom_fr", "fr")
        == f"3. {library.clause(third).title('fr')}"
    )
    assert (
        numbering.label_of(p, "clause_choices:77.custom_en", "en")
        == f"3. {library.clause(third).title('en')}"
    )
    assert numbering.localized_label(p, "criteria:8.text") == Localized(fr="OPT-3", en="OPT-3")


def test_a_clause_left_out_has_its_title_alone():
    p = load_example("training")
    left_out = next(c for c in library.applicable(p) if not library.is_included(p, c))
    assert numbering.clause_label(p, left_out.id, "en") == left_out.title("en")
    assert numbering.clause_numbers(p).get(left_out.id) is None
    assert numbering.clause_label(p, "no-such-clause", "en") == "no-such-clause"


def test_k_render_names_the_clause_as_the_tender_numbers_it():
    p = load_example("office-suite")
    first = library.included_clauses(p)[0]
    p.clause_choices.append(ClauseChoice(id=50, clause_id=first.id, custom_en="{{ nowhere }}"))
    (f,) = [f for f in run_checks(p) if f.code == "K-RENDER"]
    assert f.message("en") == (
        f"The clause “1. {first.title('en')}” cannot be produced: it uses “nowhere”, which is unknown "
        "or forbidden. Check its edited text."
    )
    assert f"«\u00a01. {first.title('fr')}\u00a0»" in f.message("fr")
