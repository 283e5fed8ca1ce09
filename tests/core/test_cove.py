"""The Open Contracting Partnership's own tools, offline (docs/open-data.md, "Validation"):
``libcoveocds`` (CoVE, the validator behind the OCP's Data Review Tool) finds no schema
error, no closed-codelist problem, no additional open-codelist value, no empty field and
no bad ocid prefix in the package of every bundled example, and ``ocdskit compile``
gives the latest values whatever the order of the files.

Both tools fetch the standard from the network unless told otherwise: CoVE reads the
standard's zip (``/work/shared/reference/ocds-1.1.5/standard-1__1__5.zip``, or the copy
named by ``OCDS_STANDARD_ZIP``) and ocdskit the release schema shipped in
``resources/ocds-1.1.5/``; the session's network guard (``conftest.py``) fails the test
on any attempt. Both are test dependencies (``pyproject.toml``, extra ``test``); without
them the tests are skipped, except in CI (``CI`` set), where they fail.
"""

from __future__ import annotations

import copy
import importlib.util
import json
import os
import re
from decimal import Decimal
from pathlib import Path

import pytest
from opendata_sample import rich_project

from wizard.core.examples import example_names, load_example
from wizard.core.model import Project, PublicationItem
from wizard.core.opendata.identity import tender_update
from wizard.core.opendata.release import build_package
from wizard.core.paths import resource_path

ROOT = Path(__file__).resolve().parents[2]
STANDARD_ZIP = Path(
    os.environ.get("OCDS_STANDARD_ZIP")
    or ROOT.parent / "shared" / "reference" / "ocds-1.1.5" / "standard-1__1__5.zip"
)


def _needs(module: str) -> pytest.MarkDecorator:
    missing = importlib.util.find_spec(module) is None
    if missing and os.environ.get("CI"):
        raise RuntimeError(f"{module} is a test dependency (pip install '.[test]')")
    return pytest.mark.skipif(missing, reason=f"{module} is not installed (pip install '.[test]')")


needs_cove = _needs("libcoveocds")
needs_ocdskit = _needs("ocdskit")
needs_zip = pytest.mark.skipif(
    not STANDARD_ZIP.is_file() and not os.environ.get("CI"),
    reason="the OCDS 1.1.5 standard zip is not beside the checkout",
)


@pytest.fixture(autouse=True)
def _tools_imported(no_network):
    """Import the tools once, forgiving only urllib3's import-time probe of IPv6 support
    (a socket bound to ``::1``, no traffic); any other attempt still fails the test."""
    start = len(no_network)
    for module in ("libcoveocds.api", "ocdskit.combine"):
        if importlib.util.find_spec(module.split(".")[0]) is not None:
            importlib.import_module(module)
    made = no_network[start:]
    del no_network[start:]
    assert set(made) <= {"socket AF_INET6"}, made


def cove(package: dict, tmp_path: Path) -> dict:
    """CoVE's report on ``package``, offline (the standard from :data:`STANDARD_ZIP`)."""
    from libcoveocds.api import ocds_json_output
    from libcoveocds.config import LibCoveOCDSConfig

    config = LibCoveOCDSConfig()
    config.config["standard_zip"] = STANDARD_ZIP.resolve().as_uri()
    config.config["context"] = "api"
    return ocds_json_output(
        str(tmp_path), json_data=package, lib_cove_ocds_config=config, schema_version="1.1"
    )


def _language_patterns() -> list[re.Pattern[str]]:
    """The release schema's ``patternProperties``: OCDS 1.1's language variants of a
    text field (``title_en``, ``description_fr``, ``rationale_en``)."""
    schema = json.loads(resource_path("ocds-1.1.5", "release-schema.json").read_text(encoding="utf-8"))
    found: list[str] = []

    def walk(node: object) -> None:
        if isinstance(node, dict):
            found.extend(node.get("patternProperties", {}))
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(schema)
    return [re.compile(p) for p in sorted(set(found))]


def _is_language_variant(field: str) -> bool:
    """A French or English variant the schema declares. CoVE lists them among the
    additional fields although the schema allows them (libcove's
    ``get_counts_additional_fields`` passes ``fields_regex=False`` whatever it is given)."""
    return field.endswith(("_fr", "_en")) and any(p.match(field) for p in _language_patterns())


def problems(report: dict) -> dict:
    """Everything CoVE reports that a data user would have to work around (a language
    variant the schema declares is not one)."""
    additional = [f for f in report.get("additional_fields") or [] if not _is_language_variant(f["field"])]
    found = {
        "validation_errors": report.get("validation_errors"),
        "additional_closed_codelist_values": report.get("additional_closed_codelist_values"),
        "additional_open_codelist_values": report.get("additional_open_codelist_values"),
        "additional_checks": dict(report.get("additional_checks") or {}),
        "additional_fields": additional,
        "deprecated_fields": report.get("deprecated_fields"),
        "conformance_errors": report.get("conformance_errors"),
        "json_deref_error": report.get("json_deref_error"),
    }
    return {key: value for key, value in found.items() if value}


def rich() -> Project:
    project = rich_project()
    publication = project.publication
    publication.ocid_prefix = "ocds-a1b2c3"
    publication.package_url = "https://donnees.example.ca/ocds/AO-2025-014.json"
    publication.publication_policy_url = "https://donnees.example.ca/politique"
    publication.publisher_id = "123456789"
    publication.item_code, publication.item_description = "43232300", "Logiciels de gestion des permis"
    publication.bids_on_paper = True
    publication.publish_estimate = True
    project.tco.budget_cad, project.tco.funding_source = Decimal("150000"), "Budget 2025, réserve TI."
    project.publication_items = [
        PublicationItem(1, "tender", True, "2025-03-03", "https://donnees.example.ca/ao/AO-2025-014.pdf"),
        PublicationItem(2, "risk_analyses", True, "", "https://donnees.example.ca/ao/risques"),
    ]
    return project


@needs_cove
@needs_zip
@pytest.mark.parametrize("name", example_names())
def test_every_bundled_example_is_clean_for_cove(name, tmp_path):
    package = build_package(load_example(name), changed="2027-01-10T14:03:22+00:00")
    report = cove(package, tmp_path)
    assert problems(report) == {}
    assert (report["version_used"], report["count"], report["unique_ocids_count"]) == ("1.1", 1, 1)
    assert not package["releases"][0]["ocid"].startswith("ocds-xxxxxx")
    assert package["license"] and package["publicationPolicy"]


@needs_cove
@needs_zip
def test_a_package_with_every_open_data_field_is_clean_for_cove(tmp_path):
    package = build_package(rich(), changed="2025-02-20T15:04:05+00:00")
    tender = package["releases"][0]["tender"]
    assert tender["items"][0]["classification"]["scheme"] == "UNSPSC"
    assert tender["submissionMethod"] == ["electronicSubmission", "written"]
    assert "value" in tender and "budget" in package["releases"][0]["planning"]
    assert problems(cove(package, tmp_path)) == {}


@needs_cove
@needs_zip
def test_cove_sees_a_bad_prefix_and_unknown_codes(tmp_path):
    """The checks above can fail: CoVE reports what the app avoids."""
    bad = copy.deepcopy(build_package(rich()))
    bad["releases"][0]["ocid"] = "OCDS-AB12-AO-2025-014"
    bad["releases"][0]["tender"]["status"] = "ongoing"  # closed codelist tenderStatus
    bad["releases"][0]["tender"]["documents"][0]["documentType"] = "brochure"  # open codelist
    bad["releases"][0]["tender"]["title_en"] = "Permits"  # a language variant: allowed
    bad["releases"][0]["tender"]["titel_en"] = "Permits"  # no such field: additional
    found = json.loads(json.dumps(problems(cove(bad, tmp_path)), default=list))
    assert [(f["path"], f["field"]) for f in found["additional_fields"]] == [("/releases/tender", "titel_en")]
    assert found["conformance_errors"]["ocds_prefixes_bad_format"] == [
        ["OCDS-AB12-AO-2025-014", "releases/0/ocid"]
    ]
    assert "ongoing" in json.dumps(found.get("validation_errors", "")) + json.dumps(
        found.get("additional_closed_codelist_values", "")
    )
    assert found["additional_open_codelist_values"]["releases/tender/documents/documentType"]["values"] == [
        "brochure"
    ]


# --- ocdskit compile -------------------------------------------------------------------


def compile_releases(*packages: dict) -> dict:
    """``ocdskit compile`` of ``packages`` with the shipped release schema (offline)."""
    from ocdskit.combine import merge

    schema = json.loads(resource_path("ocds-1.1.5", "release-schema.json").read_text(encoding="utf-8"))
    (compiled,) = list(merge(packages, schema=schema))
    return compiled


@needs_ocdskit
def test_compile_gives_the_latest_export_whatever_the_file_order():
    project = rich()
    first = build_package(project, changed="2025-02-20T15:04:05+00:00")
    project.info.title = "Système de gestion des permis en ligne"
    project.info.closing_date = "2025-04-08"
    second = build_package(project, changed="2025-02-24T09:00:00+00:00")
    assert first["releases"][0]["id"] != second["releases"][0]["id"]
    for order in ((first, second), (second, first)):
        compiled = compile_releases(*order)
        assert compiled["tender"]["title"] == "Système de gestion des permis en ligne"
        assert compiled["tender"]["tenderPeriod"]["endDate"] == "2025-04-08T23:59:59-04:00"
        assert compiled["date"] == "2025-02-24T04:00:00-05:00"


@needs_ocdskit
def test_compile_of_a_baseline_and_its_addendum():
    """The designed extension: a published baseline, then an addendum (tenderUpdate)."""
    project = rich()
    baseline = build_package(project, changed="2025-03-03T12:00:00+00:00")
    project.info.closing_date = "2025-04-15"
    current = build_package(project, changed="2025-03-10T12:00:00+00:00")
    update = tender_update(baseline["releases"][0], current["releases"][0], "Closing date postponed.")
    addendum = {**current, "releases": [update]}
    assert update["tag"] == ["tenderUpdate"]
    assert update["tender"]["amendments"] == [
        {
            "id": "1",
            "date": "2025-03-10T08:00:00-04:00",
            "rationale": "Closing date postponed.",
            "amendsReleaseID": baseline["releases"][0]["id"],
            "releaseID": update["id"],
        }
    ]
    for order in ((baseline, addendum), (addendum, baseline)):
        compiled = compile_releases(*order)
        assert compiled["tender"]["tenderPeriod"]["endDate"] == "2025-04-15T23:59:59-04:00"
        assert compiled["tag"] == ["compiled"]
        assert compiled["tender"]["amendments"][0]["amendsReleaseID"] == baseline["releases"][0]["id"]
