"""OCDS 1.1.5 release package (docs/documents.md, "Open data"): valid offline against
the shipped schemas and codelists, the document types, dates, privacy by default."""

from __future__ import annotations

import json
import socket
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from opendata_sample import OFFICER, PEOPLE, rich_project

from wizard.core.examples import example_names, load_example
from wizard.core.export import open_data_files, write_files
from wizard.core.model import Project
from wizard.core.model.defaults import new_project
from wizard.core.opendata import schema as ocds_schema
from wizard.core.opendata.milestones import FALLBACK_DAY, release_datetime
from wizard.core.opendata.outputs import OpenDataError
from wizard.core.opendata.release import PLACEHOLDER_PREFIX, build_package, ocid, package_json
from wizard.core.opendata.schema import codelist, codelist_errors, schema_errors, validation_errors
from wizard.core.textclean import clean_project

SAMPLES = Path(__file__).resolve().parents[3] / "shared" / "reference" / "ocds-samples"


def release_of(project: Project) -> dict:
    return build_package(project)["releases"][0]


def documents_of(release: dict) -> dict[str, dict]:
    """documentType → the document in the release's language (a bilingual tender lists
    its tender document once per language)."""
    docs = release.get("planning", {}).get("documents", []) + release["tender"].get("documents", [])
    return {
        doc["documentType"]: doc
        for doc in docs
        if doc.get("language", release["language"]) == release["language"]
    }


def test_a_bilingual_tender_has_language_variants_and_a_document_per_language():
    """Issue 16 point 7: the binding language in ``language``, the other version as
    OCDS language variants, the tender document listed once per language."""
    from wizard.core.model import Translation

    project = rich_project()
    project.info.tender_languages, project.info.binding_language = "both", "en"
    project.info.text_language = "fr"
    project.info.title = "Répartition assistée par ordinateur"
    project.problem.statement = "Les pompiers doivent voir la position de chaque véhicule."
    project.translations = [
        Translation(1, "info.title", "en", "Computer-aided dispatch"),
        Translation(2, "problem.statement", "en", "Firefighters must see where each vehicle is."),
    ]
    release = release_of(project)
    tender = release["tender"]
    assert release["language"] == "en"
    assert (
        tender["title"] == "Computer-aided dispatch"
        and tender["title_fr"] == "Répartition assistée par ordinateur"
    )
    assert tender["description"] == "Firefighters must see where each vehicle is."
    assert tender["description_fr"] == "Les pompiers doivent voir la position de chaque véhicule."
    bidding = [
        (d["id"], d["language"]) for d in tender["documents"] if d["documentType"] == "biddingDocuments"
    ]
    assert bidding == [("biddingDocuments", "en"), ("biddingDocuments-fr", "fr")]
    assert validation_errors(build_package(project)) == []


# --- validity -----------------------------------------------------------------------


def test_rich_project_is_valid_with_zero_errors():
    package = build_package(rich_project())
    assert schema_errors(package) == []
    assert codelist_errors(package) == []


@pytest.mark.parametrize(
    "project", [Project(), new_project("fr"), new_project("en")], ids=["empty", "fr", "en"]
)
def test_empty_projects_are_valid(project):
    assert validation_errors(build_package(project)) == []


def test_every_bundled_example_is_valid():
    names = example_names()
    assert len(names) >= 3, names  # the guide's three worked cases
    for name in names:
        package = build_package(load_example(name))
        assert schema_errors(package) == [], name
        assert codelist_errors(package) == [], name
        release = package["releases"][0]
        assert release["tender"]["title"] == load_example(name).info.title
        assert "biddingDocuments" in documents_of(release)


def test_validation_needs_no_network(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("network access attempted")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    ocds_schema.package_validator.cache_clear()
    bad = build_package(rich_project())
    del bad["releases"][0]["ocid"]  # an error only the $ref'd release schema can see
    assert schema_errors(bad) == ["/releases/0: 'ocid' is a required property"]


# --- the validator really validates -------------------------------------------------


needs_samples = pytest.mark.skipif(not SAMPLES.is_dir(), reason="reference samples not beside the checkout")


@needs_samples
def test_legacy_pre_1_0_canadian_release_is_rejected():
    legacy = json.loads((SAMPLES / "ocds-legacy-pre1.0-canada-buyandsell-release.json").read_text())
    assert validation_errors(legacy) != []


@needs_samples
def test_official_municipal_example_is_accepted():
    sample = json.loads((SAMPLES / "ocds-example-municipal-tender-package.json").read_text())
    assert validation_errors(sample) == []


@pytest.mark.parametrize(
    ("where", "value", "expected"),
    [
        ("date", "2025-03-03", "/releases/0/date: '2025-03-03' is not a 'date-time'"),
        ("date", "2025-02-30T00:00:00Z", "/releases/0/date: '2025-02-30T00:00:00Z' is not a 'date-time'"),
        ("language", 12, "/releases/0/language: 12 is not of type 'string', 'null'"),
    ],
)
def test_schema_errors_name_the_field(where, value, expected):
    package = build_package(rich_project())
    package["releases"][0][where] = value
    assert schema_errors(package) == [expected]


@pytest.mark.parametrize(
    ("value", "valid"),
    [
        # K27: a trailing Z, which datetime.fromisoformat refuses before Python 3.11
        ("2027-01-18T00:00:00Z", True),
        ("2027-01-18t00:00:00z", True),
        ("2027-01-18T23:59:59.123456-05:00", True),
        ("2028-02-29T12:00:00+00:00", True),  # a leap year
        ("2027-02-29T12:00:00Z", False),
        ("2027-01-18T00:00:00", False),  # no offset
        ("2027-01-18 00:00:00Z", False),
        ("2027-01-18T24:00:00Z", False),
        ("2027-01-18T00:00:00Z\n", False),
        ("0000-01-01T00:00:00Z", False),
        ("", False),
    ],
)
def test_date_time_is_rfc_3339_on_every_python(value, valid):
    package = build_package(rich_project())
    package["releases"][0]["date"] = value
    assert (schema_errors(package) == []) is valid
    assert ocds_schema.is_datetime(value) is valid


def test_open_codelist_values_are_checked_against_the_csv():
    package = build_package(rich_project())
    tender = package["releases"][0]["tender"]
    tender["documents"][0]["documentType"] = "tenderBrochure"  # not in documentType.csv
    tender["awardCriteria"] = "bestProposal"  # deprecated code
    assert schema_errors(package) == []  # open codelists: the schema alone accepts them
    assert codelist_errors(package) == [
        "/releases/0/tender/awardCriteria: 'bestProposal' is not a code of awardCriteria.csv",
        "/releases/0/tender/documents/0/documentType: 'tenderBrochure' is not a code of documentType.csv",
    ]


def test_package_uri_must_be_a_uri():
    package = build_package(rich_project())
    package["uri"] = "pas une adresse"
    assert schema_errors(package) == ["/uri: 'pas une adresse' is not a 'uri'"]


# --- content ------------------------------------------------------------------------


def test_documents_map_to_the_spec_types():
    release = release_of(rich_project())
    planning = [d["documentType"] for d in release["planning"]["documents"]]
    tender = [d["documentType"] for d in release["tender"]["documents"]]
    assert planning == ["needsAssessment", "marketStudies", "feasibilityStudy", "riskProvisions"]
    assert tender == ["biddingDocuments", "evaluationCriteria", "conflictOfInterest", "contractArrangements"]
    assert set(planning + tender) <= codelist("documentType.csv")
    docs = documents_of(release)
    assert docs["conflictOfInterest"]["description"].endswith(": شركة المثال.")
    assert "3 solutions (dont 1 à code source ouvert)" in docs["marketStudies"]["description"]
    assert "2 options (Infonuagique, Sur place) sur 5\u00a0ans" in docs["feasibilityStudy"]["description"]
    assert "et 1 ligne de coûts de sortie prévue au budget." in docs["contractArrangements"]["description"]


def test_documents_only_when_the_project_holds_them():
    docs = documents_of(release_of(Project()))
    assert list(docs) == ["biddingDocuments", "contractArrangements"]


def test_tender_fields():
    release = release_of(rich_project())
    tender = release["tender"]
    assert release["ocid"] == f"{PLACEHOLDER_PREFIX}-AO-2025-014"
    assert release["tag"] == ["tender"] and release["language"] == "fr"
    assert tender["title"] == "Système de gestion des permis"
    assert tender["description"].startswith("Nous devons pouvoir traiter")
    assert (tender["status"], tender["procurementMethod"]) == ("active", "open")
    assert tender["mainProcurementCategory"] == "services"
    assert tender["awardCriteria"] == "ratedCriteria"
    assert tender["submissionMethod"] == ["electronicSubmission"]
    # no closing time: the end of the closing day in Québec (daylight time on 1 April);
    # a start at 00:00:00 and an end at 23:59:59, local time with that day's offset
    assert tender["tenderPeriod"] == {
        "startDate": "2025-03-03T00:00:00-05:00",
        "endDate": "2025-04-01T23:59:59-04:00",
    }
    assert tender["enquiryPeriod"] == {"endDate": "2025-03-17T23:59:59-04:00"}
    assert tender["awardPeriod"] == {"endDate": "2025-05-05T23:59:59-04:00"}
    assert tender["contractPeriod"] == {"startDate": "2025-06-02T00:00:00-04:00"}
    assert tender["awardCriteriaDetails"].startswith("1 critère obligatoire (conforme ou non conforme) et 2 ")
    assert "au moins 2 points sur 2 (70\u00a0%)" in tender["awardCriteriaDetails"]


def test_buyer_party_and_roles():
    release = release_of(rich_project())
    (party,) = release["parties"]
    assert party["name"] == "Ville de Sainte-Émilie"
    assert party["roles"] == ["buyer", "procuringEntity"]
    assert party["address"] == {"countryName": "Canada", "region": "Québec"}
    assert release["buyer"] == {"id": party["id"], "name": "Ville de Sainte-Émilie"}
    assert set(party["roles"]) <= codelist("partyRole.csv")


def test_milestones_from_key_dates():
    milestones = release_of(rich_project())["tender"]["milestones"]
    assert [(m["code"], m["dueDate"], m["type"]) for m in milestones] == [
        ("publication", "2025-03-03T23:59:59-05:00", "engagement"),
        ("questions", "2025-03-17T23:59:59-04:00", "engagement"),
        ("closing", "2025-04-01T23:59:59-04:00", "assessment"),
        ("award", "2025-05-05T23:59:59-04:00", "approval"),
        ("contractStart", "2025-06-02T23:59:59-04:00", "delivery"),
    ]
    assert milestones[2]["title"] == "Date de clôture des soumissions"


def test_invalid_dates_are_left_out_not_guessed():
    project = rich_project()
    project.info.closing_date = "1er avril"
    project.info.award_date = "2025-02-30"
    release = release_of(project)
    assert "endDate" not in release["tender"]["tenderPeriod"]
    assert [m["code"] for m in release["tender"]["milestones"]] == [
        "publication",
        "questions",
        "contractStart",
    ]
    assert validation_errors(build_package(project)) == []


def test_planned_tender_without_publication_date():
    project = rich_project()
    project.info.publication_date = ""
    release = release_of(project)
    assert (release["tag"], release["tender"]["status"]) == (["planning"], "planned")
    assert release["date"] == "2025-06-02T00:00:00-04:00"  # the newest day in the project


def test_release_date_is_deterministic():
    assert release_datetime(Project()) == f"{FALLBACK_DAY}T00:00:00Z"  # no zone known: UTC
    project = rich_project()
    assert package_json(project) == package_json(rich_project())
    assert build_package(project)["publishedDate"] == "2025-03-03T00:00:00-05:00"


def test_release_date_is_the_latest_change_in_local_time():
    project = rich_project()
    package = build_package(project, changed="2025-02-20T15:04:05+00:00")
    assert package["publishedDate"] == "2025-02-20T10:04:05-05:00"
    assert package["releases"][0]["date"] == "2025-02-20T10:04:05-05:00"
    assert release_datetime(project, "not a moment") == "2025-03-03T00:00:00-05:00"


def test_no_date_at_midnight_utc_once_the_province_is_known():
    project = rich_project()
    text = package_json(project, "2025-02-20T15:04:05+00:00")
    assert "T00:00:00Z" not in text and "T23:59:59Z" not in text
    project.info.province = ""  # no zone at all: the same clock times, in UTC
    assert build_package(project)["releases"][0]["tender"]["enquiryPeriod"] == {
        "endDate": "2025-03-17T23:59:59Z"
    }


def test_ocid_prefix_from_the_project():
    project = rich_project()
    project.publication.ocid_prefix = "ocds-a1b2c3-"
    project.info.reference = "AO 2025/14 é"
    assert ocid(project) == "ocds-a1b2c3-AO-2025-14-e"
    project.publication.ocid_prefix = " OCDS-A1B2C3 "  # the registered form is lowercase
    assert ocid(project) == "ocds-a1b2c3-AO-2025-14-e"


@pytest.mark.parametrize("typed", ["OCDS-AB12", "ocds-abc", "ocds_a1b2c3", "a1b2c3", "ocds-a1b2c3d"])
def test_a_malformed_prefix_gives_the_placeholder(typed):
    project = rich_project()
    project.publication.ocid_prefix = typed
    assert ocid(project) == f"{PLACEHOLDER_PREFIX}-AO-2025-014"


def test_package_uri_is_where_the_file_is_published_never_the_portal_page():
    project = rich_project()
    project.publication.open_data_url = "https://donnees.example.ca/dataset?id=12&format=csv"
    assert build_package(project)["uri"] == "https://open-data.invalid/ocds/ocds-xxxxxx-AO-2025-014.json"
    project.publication.package_url = "https://donnees.example.ca/ocds/AO-2025-014.json"
    assert build_package(project)["uri"] == "https://donnees.example.ca/ocds/AO-2025-014.json"
    project.publication.package_url = "données ici"
    assert build_package(project)["uri"].startswith("https://open-data.invalid/ocds/")


def test_english_tender_texts_in_english():
    project = rich_project()
    project.info.tender_languages, project.info.binding_language = "both", "en"
    release = release_of(project)
    assert release["language"] == "en"
    assert documents_of(release)["biddingDocuments"]["description"] == (
        "Tender document AO-2025-014, in French, English; the English version is legally binding."
    )


def test_quality_only_award():
    project = rich_project()
    project.evaluation.quality_weight, project.evaluation.price_weight = 100, 0
    assert release_of(project)["tender"]["awardCriteria"] == "qualityOnly"


def write_open_data(project: Project, folder: Path) -> list[Path]:
    """The open-data files written as ``export_all`` writes them (text cleaned once)."""
    return write_files(open_data_files(clean_project(project), []), folder)


# --- privacy ------------------------------------------------------------------------


def _all_text(folder: Path) -> str:
    return "\n".join(path.read_text(encoding="utf-8-sig") for path in sorted(folder.iterdir())).casefold()


def test_default_exports_hold_no_personal_name(tmp_path):
    paths = write_open_data(rich_project(), tmp_path)
    text = _all_text(tmp_path)
    assert len(paths) == 3
    for name in PEOPLE:
        assert name.casefold() not in text, name
    assert "rencontre avec [nom retiré] et [nom retiré]" in text
    assert "directrice des ti" in text  # the officer's title, not their name


def test_every_bundled_example_default_export_holds_no_personal_name(tmp_path):
    for name in example_names():
        project = load_example(name)
        folder = tmp_path / name
        write_open_data(project, folder)
        text = _all_text(folder)
        people = [project.info.officer_name] + [
            r.name for k in ("authors", "jury", "committee") for r in project.rows(k)
        ]
        people += [r.name for r in project.designated_staff] + [
            r.staff_name for r in project.vendor_exchanges
        ]
        assert [p for p in people if p.strip() and p.casefold() in text] == [], name


@pytest.mark.parametrize("name", ["open", "Canada", "services", "Tender", "fr", "https"])
def test_a_name_that_is_also_a_code_keeps_the_package_valid(name):
    project = rich_project()
    project.jury[0].name = name
    project.publication.package_url = "https://donnees.example.ca/open/tender"
    project.publication.ocid_prefix = "ocds-open12"
    project.publication.publisher_id = "123456789"
    package = build_package(project)
    assert validation_errors(package) == []
    assert package["uri"] == "https://donnees.example.ca/open/tender"
    assert package["license"] == "https://creativecommons.org/licenses/by/4.0/"
    assert package["releases"][0]["ocid"] == "ocds-open12-AO-2025-014"
    assert package["releases"][0]["parties"][0]["id"] == "CA-CRA_ACR-123456789"


def test_names_published_when_opted_in():
    project = rich_project()
    project.export.include_personal_names = True
    release = release_of(project)
    assert release["parties"][0]["contactPoint"] == {"name": OFFICER}
    assert (
        "Auteurs\u00a0: François Lévesque (Analyste); Zoë Côté (Conseillère juridique)."
        in (documents_of(release)["biddingDocuments"]["description"])
    )
    assert validation_errors(build_package(project)) == []


# --- writing ------------------------------------------------------------------------


def test_write_open_data_files(tmp_path):
    out = tmp_path / "export «é»"
    paths = write_open_data(rich_project(), out)
    assert [p.name for p in paths] == ["ocds-release-package.json", "vendor-register.csv", "criteria.csv"]
    assert sorted(p.name for p in out.iterdir()) == sorted(p.name for p in paths)  # no temp file left
    package = json.loads(paths[0].read_text(encoding="utf-8"))
    assert package["releases"][0]["tender"]["title"] == "Système de gestion des permis"
    assert "\x0b" not in paths[0].read_text(encoding="utf-8")  # K1: control characters removed


def test_invalid_package_writes_nothing(tmp_path, monkeypatch):
    import wizard.core.opendata.outputs as opendata

    monkeypatch.setattr(opendata, "build_package", lambda project, changed=None: {"releases": []})
    with pytest.raises(OpenDataError) as caught:
        write_open_data(rich_project(), tmp_path)
    assert "'uri' is a required property" in str(caught.value)
    assert list(tmp_path.iterdir()) == []


text = st.text(
    st.characters(codec="utf-8", exclude_categories=("Cs",)) | st.sampled_from("\x00\x0b\ud800\ufffe")
)


@pytest.mark.slow
@settings(max_examples=40, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
@given(title=text, org=text, statement=text, vendor=text, reference=text, name=text)
def test_any_unicode_gives_a_valid_package(title, org, statement, vendor, reference, name):
    project = rich_project()
    project.info.title, project.info.organization, project.info.reference = title, org, reference
    project.problem.statement, project.vendor_exchanges[1].vendor = statement, vendor
    project.authors[0].name = name
    package = build_package(project)
    assert validation_errors(package) == []
    json.dumps(package, ensure_ascii=False).encode("utf-8")  # no lone surrogate left


@pytest.mark.parametrize("typed", ["2025-02-30", "20250530", "2025-13-01"])
def test_an_impossible_closing_day_never_reaches_the_tender_period(typed):
    project = rich_project()
    assert "endDate" in release_of(project)["tender"]["tenderPeriod"]  # the twin: a real day
    project.info.closing_date = typed
    release = release_of(project)
    assert "endDate" not in release["tender"]["tenderPeriod"]
    assert typed not in json.dumps(build_package(project))
    assert validation_errors(build_package(project)) == []
