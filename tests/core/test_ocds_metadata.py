"""The OCDS package a data user can use (docs/open-data.md; issue 20): package and release
metadata, identifiers, the estimate, items, documents and submission methods, and the
release identity: the same project exports the same id, a changed one a new id, and the
export reads the project file without changing it."""

from __future__ import annotations

import hashlib
import json
from decimal import Decimal

import pytest
from opendata_sample import rich_project

from wizard.core.examples import example_names, load_example
from wizard.core.export import export_all
from wizard.core.model import CostLine, Project, PublicationItem
from wizard.core.opendata.identity import (
    DIGEST_CHARS,
    EXAMPLE_PREFIXES,
    PLACEHOLDER_PREFIX,
    prefix_state,
    release_digest,
    tender_update,
)
from wizard.core.opendata.release import build_package, estimate
from wizard.core.opendata.schema import validation_errors
from wizard.core.project_file import store
from wizard.core.project_file.store import ProjectFile

CHANGED = "2025-02-20T15:04:05+00:00"


def release_of(project: Project, changed: str | None = CHANGED) -> dict:
    return build_package(project, changed)["releases"][0]


# --- package metadata -------------------------------------------------------------------


def test_license_and_policy_from_the_project():
    project = rich_project()
    package = build_package(project)
    assert package["license"] == "https://creativecommons.org/licenses/by/4.0/"  # the default
    assert "publicationPolicy" not in package  # none until the town gives one
    project.publication.license_url = "https://opendatacommons.org/licenses/pddl/1-0/"
    project.publication.publication_policy_url = "https://donnees.example.ca/politique"
    package = build_package(project)
    assert package["license"] == "https://opendatacommons.org/licenses/pddl/1-0/"
    assert package["publicationPolicy"] == "https://donnees.example.ca/politique"
    project.publication.license_url = "CC BY"  # not an address: left out, V-LICENSE says so
    assert "license" not in build_package(project)


def test_publisher_and_buyer_identifier():
    project = rich_project()
    assert build_package(project)["publisher"] == {"name": "Ville de Sainte-Émilie"}
    project.publication.publisher_id = "123 456 789"
    package = build_package(project)
    assert package["publisher"] == {
        "name": "Ville de Sainte-Émilie",
        "scheme": "CA-CRA_ACR",
        "uid": "123456789",
    }
    (party,) = package["releases"][0]["parties"]
    assert party["id"] == "CA-CRA_ACR-123456789"
    assert party["identifier"] == {
        "scheme": "CA-CRA_ACR",
        "id": "123456789",
        "legalName": "Ville de Sainte-Émilie",
    }
    assert package["releases"][0]["buyer"]["id"] == party["id"]
    assert package["releases"][0]["tender"]["procuringEntity"]["id"] == party["id"]
    assert validation_errors(package) == []


@pytest.mark.parametrize("name", example_names())
def test_every_bundled_example_has_a_prefix_a_license_and_a_policy(name):
    package = build_package(load_example(name))
    release = package["releases"][0]
    assert release["ocid"].split("-")[0:2] != PLACEHOLDER_PREFIX.split("-")
    assert prefix_state(load_example(name).publication.ocid_prefix) == "example"
    assert release["ocid"][:11] in EXAMPLE_PREFIXES
    assert package["license"].startswith("https://") and package["publicationPolicy"].startswith("https://")
    assert package["uri"].endswith(".json") and ".invalid" not in package["uri"]
    assert validation_errors(package) == []
    text = json.dumps(package)
    assert "T00:00:00Z" not in text and 'Z"' not in text  # every date in the town's offset
    tender = release["tender"]
    ends = [tender[p]["endDate"] for p in ("tenderPeriod", "enquiryPeriod", "awardPeriod") if p in tender]
    assert ends and all(not end.endswith(("T00:00:00Z", "T00:00:00+00:00")) for end in ends)


# --- submission, items, estimate, documents -------------------------------------------------


@pytest.mark.parametrize(
    ("electronic", "paper", "methods"),
    [
        (True, False, ["electronicSubmission"]),
        (False, True, ["written"]),
        (True, True, ["electronicSubmission", "written"]),
        (False, False, None),
    ],
)
def test_submission_method_from_the_project(electronic, paper, methods):
    project = rich_project()
    project.publication.bids_electronic, project.publication.bids_on_paper = electronic, paper
    tender = release_of(project)["tender"]
    assert tender.get("submissionMethod") == methods


def test_items_with_the_classification_the_town_typed():
    project = rich_project()
    assert "items" not in release_of(project)["tender"]
    project.publication.item_code = " 4323 2300 "
    project.publication.item_description = "Logiciels de gestion des permis"
    assert release_of(project)["tender"]["items"] == [
        {
            "id": "1",
            "description": "Logiciels de gestion des permis",
            "classification": {
                "scheme": "UNSPSC",
                "id": "43232300",
                "description": "Logiciels de gestion des permis",
            },
        }
    ]
    project.publication.item_scheme = "UNSPCS"  # not in the codelist: left out (V-ITEM-SCHEME)
    assert "items" not in release_of(project)["tender"]
    project.publication.item_scheme = "GSIN"
    assert release_of(project)["tender"]["items"][0]["classification"]["scheme"] == "GSIN"


def test_estimate_and_budget_only_when_opted_in():
    """The figures of the decision record's funding section, so both documents agree."""
    project = rich_project()
    project.cost_lines.append(CostLine(3, 2, "staff_time", "Temps du personnel", 0, Decimal("50000")))
    release = release_of(project)
    assert "value" not in release["tender"] and "budget" not in release["planning"]
    project.publication.publish_estimate = True
    # the TCO's figure: option 2 (50000 in year 0) has the lowest NPV; no budget stated
    assert estimate(project) == (None, Decimal("50000"))
    release = release_of(project)
    assert release["tender"]["value"] == {"amount": 50000, "currency": "CAD"}
    assert "budget" not in release["planning"]
    project.tco.estimate_cad = Decimal("120000.255")  # the town's own estimate wins
    project.tco.budget_cad = Decimal("150000")
    project.tco.funding_source = "Budget d’immobilisations 2025, réserve TI."
    release = release_of(project)
    assert release["tender"]["value"] == {"amount": 120000.26, "currency": "CAD"}
    assert release["planning"]["budget"] == {
        "id": "budget",
        "description": "Budget disponible pour cet appel d’offres, avant taxes. "
        "Budget d’immobilisations 2025, réserve TI.",
        "amount": {"amount": 150000, "currency": "CAD"},
    }
    assert validation_errors(build_package(project)) == []


def test_documents_carry_url_format_and_date_from_the_publication_plan():
    project = rich_project()
    project.publication_items = [
        PublicationItem(1, "tender", True, "2025-03-03", "https://donnees.example.ca/ao/AO-2025-014.pdf"),
        PublicationItem(2, "risk_analyses", True, "", "Portail de la Ville"),
        PublicationItem(3, "contract", True, "2025-06-02", "https://donnees.example.ca/contrat"),
    ]
    release = release_of(project)
    docs = {d["documentType"]: d for d in release["tender"]["documents"] + release["planning"]["documents"]}
    for kind in ("biddingDocuments", "evaluationCriteria", "conflictOfInterest", "contractArrangements"):
        assert docs[kind]["url"] == "https://donnees.example.ca/ao/AO-2025-014.pdf", kind
        assert docs[kind]["format"] == "application/pdf", kind
        assert docs[kind]["datePublished"] == "2025-03-03T00:00:00-05:00", kind
        assert docs[kind]["language"] == "fr", kind
    risk = docs["riskProvisions"]
    assert "url" not in risk and "format" not in risk  # its place is not a web address
    assert risk["datePublished"] == "2025-03-03T00:00:00-05:00"  # no day: the publication date
    assert "datePublished" not in docs["needsAssessment"]
    project.publication_items[0].planned = False
    release = release_of(project)
    assert "url" not in release["tender"]["documents"][0]
    assert validation_errors(build_package(project)) == []


# --- release identity -------------------------------------------------------------------


def test_release_id_derives_from_its_content():
    project = rich_project()
    release = release_of(project)
    digest = release_digest(release)
    assert release["id"] == f"ocds-xxxxxx-AO-2025-014-tender-{digest}" and len(digest) == DIGEST_CHARS
    assert release_of(rich_project())["id"] == release["id"]  # the same tender, the same id
    project.info.title += " (révisé)"
    assert release_of(project)["id"] != release["id"]  # a changed tender, a new id
    assert release_of(rich_project(), "2025-02-21T15:04:05+00:00")["id"] != release["id"]


@pytest.mark.parametrize("name", example_names())
@pytest.mark.parametrize("change", ["title", "closing_date"])
def test_exporting_again_after_a_change_gives_a_new_release_id(name, change, tmp_path, monkeypatch):
    """Through the project file, as the app and ``export`` do: the journal dates the
    release; exporting never writes the file."""
    moments = iter(["2027-01-10T14:03:22+00:00", "2027-01-11T09:30:00+00:00"])
    monkeypatch.setattr(store, "_now", lambda: next(moments))
    path = tmp_path / f"{name}.tender"
    ProjectFile.create(path, load_example(name)).close()
    with ProjectFile.open(path) as pf:
        pf.set_field("publication", "translation_notes", pf.project.publication.translation_notes + ".")
        first = build_package(pf.project, pf.last_change())["releases"][0]
        again = build_package(pf.project, pf.last_change())["releases"][0]
        value = pf.project.info.title + " v2" if change == "title" else "2027-12-30"
        pf.set_field("info", change, value)
        second = build_package(pf.project, pf.last_change())["releases"][0]
    assert again["id"] == first["id"]
    assert second["id"] != first["id"]
    assert second["date"] > first["date"][:10]
    assert second["date"].endswith(("-05:00", "-04:00"))  # local time, not UTC


def test_export_reads_the_project_file_without_writing_it(tmp_path):
    path = tmp_path / "p.tender"
    ProjectFile.create(path, load_example("office-suite")).close()
    with ProjectFile.open(path) as pf:
        pf.set_field("info", "title", "Office suite")
        before = hashlib.sha256(path.read_bytes()).hexdigest()
        history = pf.history()
        changed = pf.last_change()
        export_all(pf.project, tmp_path / "out1", changed=changed)
        export_all(pf.project, tmp_path / "out2", changed=pf.last_change())
        assert pf.history() == history and pf.last_change() == changed
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before
    first = (tmp_path / "out1" / "ocds-release-package.json").read_bytes()
    assert first == (tmp_path / "out2" / "ocds-release-package.json").read_bytes()


def test_last_change_of_a_file_without_journal(tmp_path):
    path = tmp_path / "p.tender"
    ProjectFile.create(path, Project()).close()
    with ProjectFile.open(path, read_only=True) as pf:
        assert pf.last_change() is None


def test_tender_update_refuses_an_earlier_or_foreign_release():
    baseline = release_of(rich_project())
    same = release_of(rich_project())
    with pytest.raises(ValueError, match="after"):
        tender_update(baseline, same, "No change.")
    other = rich_project()
    other.info.reference = "AO-2025-099"
    with pytest.raises(ValueError, match="ocid"):
        tender_update(baseline, release_of(other, "2025-03-20T10:00:00+00:00"), "Wrong process.")


def test_a_project_loaded_from_edited_json_gets_a_later_release_date(tmp_path, monkeypatch):
    """The command-line user edits through dump → edit → load: the new file journals its
    arrival, so the changed tender's release is dated after the first one and
    ``ocdskit compile`` keeps its values whatever the file order (docs/open-data.md)."""
    from wizard import cli
    from wizard.core.project_file import jsonio

    moments = iter(["2027-01-10T14:03:22+00:00", "2027-01-20T09:30:00+00:00"])
    monkeypatch.setattr(store, "_now", lambda: next(moments))
    first_file, second_file = tmp_path / "a.tender", tmp_path / "b.tender"
    assert cli.main(["new", "--example", "office-suite", str(first_file)]) == 0
    project = load_example("office-suite")
    project.info.closing_date = "2027-02-26"
    (tmp_path / "b.json").write_text(jsonio.dumps(project), encoding="utf-8")
    assert cli.main(["load", str(tmp_path / "b.json"), str(second_file)]) == 0
    releases = []
    for path in (first_file, second_file):
        with ProjectFile.open(path, read_only=True) as pf:
            assert [row["new"] for row in pf.history()] == [
                json.dumps("example" if path == first_file else "loaded")
            ]
            releases.append(build_package(pf.project, pf.last_change())["releases"][0])
    assert releases[0]["id"] != releases[1]["id"]
    assert releases[1]["date"] > releases[0]["date"]


def test_new_without_an_example_creates_an_empty_project(tmp_path):
    from wizard import cli

    path = tmp_path / "blank.tender"
    assert cli.main(["new", "--lang", "en", str(path)]) == 0
    with ProjectFile.open(path, read_only=True) as pf:
        assert pf.project.info.tender_languages == "en" and pf.project.criteria == []
        assert pf.last_change() is None  # nothing arrived whole: the first edit dates it
