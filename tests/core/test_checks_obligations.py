"""C-CLAUSE-OBLIGATION: an optional criterion that gives a point for what a clause of the
tender already requires of every bidder (issue 17)."""

from __future__ import annotations

import pytest

from wizard.core.checks import run_checks
from wizard.core.checks.obligations import check_obligations
from wizard.core.documents.record_findings import SENTENCES
from wizard.core.examples import load_example
from wizard.core.model import ClauseChoice, Criterion, Project


def _project(text: str, kind: str = "optional", *, hosting: bool = True, binding: str = "fr") -> Project:
    """The office-suite example with one criterion of ``kind`` reading ``text``."""
    project = load_example("office-suite")
    project.translations = []
    project.criteria = [Criterion(id=1, text=text, kind=kind, category="technical", verification="document")]
    for scenario in project.scenarios:
        scenario.criterion_ids = []
    project.scope.vendor_hosting = hosting
    project.info.tender_languages = "both"
    project.info.binding_language = binding
    return project


def _fields(project: Project) -> list[str]:
    return [f.field for f in check_obligations(project)]


@pytest.mark.parametrize(
    "text",
    [
        "The user interface conforms to WCAG 2.1 level AA.",
        "Les interfaces Web sont conformes aux WCAG 2.1, niveau AA.",
        "The software can be used with a screen reader.",
        "La solution est utilisable par les personnes en situation de handicap.",
        "All of the Town's data is hosted in Canada.",
        "Les données de la Ville sont hébergées au Canada, sauvegardes comprises.",
        "At the end of the contract, the Town's data is returned in an open, documented format.",
        "Les données sont remises dans des formats ouverts à la fin du contrat.",
        "Technical support is provided in French.",
        "Le soutien technique et la formation sont offerts en français.",
        "French-language documentation is provided for every module.",
    ],
)
def test_an_optional_criterion_repeating_a_clause_obligation_is_flagged(text):
    project = _project(text)
    assert _fields(project) == ["criteria:1.text"]


@pytest.mark.parametrize(
    "text",
    [
        "The interface supports French and English.",  # the interface is not the clause's
        "The software exports incident reports to PDF.",  # a feature, not the exit obligation
        "The supplier has an office in Canada.",
        "Les cours sont accessibles sur une tablette sans connexion.",  # "accessible": not accessibility
        "Toutes les données de la Ville peuvent être exportées en GeoJSON et en CSV, sans frais.",
        "Support is available 24 hours a day, 7 days a week.",
    ],
)
def test_a_criterion_sharing_only_a_word_with_a_clause_is_not_flagged(text):
    assert _fields(_project(text)) == []


def test_the_clean_twins_a_mandatory_criterion_or_a_clause_left_out():
    text = "The user interface conforms to WCAG 2.1 level AA."
    assert _fields(_project(text, kind="mandatory")) == []
    project = _project(text)
    project.clause_choices.append(ClauseChoice(id=99, clause_id="accessibility", included=False))
    assert _fields(project) == []
    # no hosting by the vendor: the data-hosting clause does not apply, so nothing repeats it
    assert _fields(_project("All of the Town's data is hosted in Canada.", hosting=False)) == []


def test_the_language_clause_requires_the_binding_version_language_only():
    assert _fields(_project("Technical support is provided in French.", binding="en")) == []
    assert _fields(_project("Technical support is provided in English.", binding="en")) == ["criteria:1.text"]
    assert _fields(_project("Technical support is provided in English.", binding="fr")) == []


def test_the_message_names_the_criterion_the_obligation_and_the_clause_in_both_languages():
    project = _project("The user interface conforms to WCAG 2.1 level AA.")
    (found,) = [f for f in run_checks(project) if f.code == "C-CLAUSE-OBLIGATION"]
    assert found.severity.value == "warning"
    en, fr = found.message("en"), found.message("fr")
    assert en.startswith(
        "Optional criterion OPT-1 gives a point for accessibility to WCAG 2.1 level AA, which the clause “"
    )
    assert "Accessibility” already requires of every bidder" in en
    assert fr.startswith(
        "Le critère facultatif OPT-1 accorde un point pour l’accessibilité selon le niveau AA"
    )
    assert "Accessibilité\u00a0» exige déjà de tout soumissionnaire" in fr
    assert "C-CLAUSE-OBLIGATION" in SENTENCES


def test_one_finding_per_criterion_and_clause():
    project = _project("Support, training and documentation are provided in French.")
    assert len(check_obligations(project)) == 1


@pytest.mark.parametrize("name", ["office-suite", "emergency-perimeter", "training"])
def test_the_bundled_examples_score_nothing_a_clause_requires(name):
    assert [f for f in run_checks(load_example(name)) if f.code == "C-CLAUSE-OBLIGATION"] == []


@pytest.mark.parametrize(
    "text",
    [
        "An accessibility audit by an independent third party shows that the interface conforms to WCAG 2.1 level AA.",
        "The user interface conforms to WCAG 2.2 level AA.",
        "The Town's data is hosted in Nova Scotia.",
        "Les données de la Ville sont hébergées au Québec.",
        "The Town's administrators can export all data in an open format at any time, without the supplier's help.",
        "Technical support is provided in French and in English.",
    ],
)
def test_a_criterion_asking_more_than_the_clause_may_earn_its_point(text):
    assert _fields(_project(text)) == []
