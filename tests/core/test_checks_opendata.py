"""Checks of the open-data settings (wizard/core/checks/opendata.py): each code on a
minimal project that triggers exactly it, and a complete project with none."""

from __future__ import annotations

import pytest

from wizard.core.checks import Severity, findings_for
from wizard.core.checks.opendata import check_opendata
from wizard.core.examples import example_names, load_example
from wizard.core.model import Project, PublicationItem
from wizard.core.steps import Step


def complete() -> Project:
    """Every open-data setting given: no finding."""
    project = Project()
    publication = project.publication
    publication.ocid_prefix = "ocds-a1b2c3"
    publication.package_url = "https://donnees.example.ca/ocds/AO-1.json"
    publication.publication_policy_url = "https://donnees.example.ca/politique"
    publication.publisher_id = "123456789"
    publication.item_code = "43232300"
    project.publication_items = [PublicationItem(1, "tender", True, "", "https://seao.example.ca/ao/1")]
    return project


def codes(project: Project) -> list[tuple[str, Severity, str]]:
    return [(f.code, f.severity, f.field) for f in check_opendata(project)]


def test_a_complete_project_has_no_finding():
    assert codes(complete()) == []


@pytest.mark.parametrize(
    ("field", "value", "expected"),
    [
        ("ocid_prefix", "", ("V-OCID-PREFIX", Severity.WARNING, "publication.ocid_prefix")),
        ("ocid_prefix", "ocds-xxxxxx", ("V-OCID-PREFIX", Severity.WARNING, "publication.ocid_prefix")),
        ("ocid_prefix", "OCDS-AB12", ("V-OCID-FORMAT", Severity.ERROR, "publication.ocid_prefix")),
        ("ocid_prefix", "ocds-213czf", ("V-OCID-EXAMPLE", Severity.WARNING, "publication.ocid_prefix")),
        ("license_url", "", ("V-LICENSE", Severity.WARNING, "publication.license_url")),
        ("license_url", "CC BY 4.0", ("V-LICENSE", Severity.WARNING, "publication.license_url")),
        ("publication_policy_url", "", ("V-POLICY", Severity.WARNING, "publication.publication_policy_url")),
        (
            "package_url",
            "ftp://x.example.ca/a.json",
            ("V-PACKAGE-URL", Severity.INFO, "publication.package_url"),
        ),
        ("publisher_id", "", ("V-PUBLISHER-ID", Severity.INFO, "publication.publisher_id")),
        ("publisher_id", "12345", ("V-PUBLISHER-ID-FORMAT", Severity.WARNING, "publication.publisher_id")),
        ("publisher_scheme", "cra", ("V-PUBLISHER-SCHEME", Severity.WARNING, "publication.publisher_scheme")),
        ("bids_electronic", False, ("V-SUBMISSION-METHOD", Severity.WARNING, "publication.bids_electronic")),
        ("item_code", "", ("V-ITEM-CODE", Severity.INFO, "publication.item_code")),
        ("item_code", "4323-23", ("V-ITEM-CODE-FORMAT", Severity.WARNING, "publication.item_code")),
        ("item_scheme", "UNSPCS", ("V-ITEM-SCHEME", Severity.ERROR, "publication.item_scheme")),
    ],
)
def test_each_code_alone(field, value, expected):
    project = complete()
    setattr(project.publication, field, value)
    assert codes(project) == [expected]


def test_well_formed_values_pass():
    project = complete()
    project.publication.ocid_prefix = " OCDS-A1B2C3- "  # case and a trailing dash are forgiven
    project.publication.publisher_id = "123 456 789"
    project.publication.item_scheme, project.publication.item_code = "CPV", "72000000-5"
    project.publication.publisher_scheme, project.publication.bids_electronic = "GB-COH", False
    project.publication.bids_on_paper = True
    assert codes(project) == []


def test_the_tender_published_elsewhere_than_a_web_address():
    project = complete()
    project.publication_items[0].place = "SEAO et site Web de la Ville"
    assert codes(project) == [("V-DOC-URL", Severity.INFO, "publication_items:1.place")]
    project.publication_items[0].planned = False
    assert codes(project) == []


def test_the_findings_show_on_the_vendors_step():
    project = complete()
    project.publication.ocid_prefix = "OCDS-AB12"
    found = findings_for(project, Step.VENDORS)
    assert "V-OCID-FORMAT" in [f.code for f in found]


@pytest.mark.parametrize("name", example_names())
def test_the_bundled_examples(name):
    found = {code for code, _severity, _field in codes(load_example(name))}
    assert "V-OCID-EXAMPLE" in found  # a documentation example's prefix, said so
    assert not found & {"V-OCID-PREFIX", "V-OCID-FORMAT", "V-LICENSE", "V-POLICY", "V-PACKAGE-URL"}
