"""Closing time and zone, submission of bids and the single point of contact: the
tender states them, the OCDS deadline carries the zone's real
offset, the open data follows the privacy rule, and the checks report gaps."""

from __future__ import annotations

import datetime as dt
import io
import zoneinfo

import docx
import pytest

from wizard.core.checks import run_checks
from wizard.core.checks.logistics import check_logistics, pilot_end
from wizard.core.documents.tender_submission import format_deadline
from wizard.core.domain import timezones
from wizard.core.domain.provinces import PROVINCES
from wizard.core.examples import load_example
from wizard.core.export import tender_bytes
from wizard.core.i18n.formats import PLACEHOLDER
from wizard.core.model import Project, ProjectInfo
from wizard.core.opendata.contact import is_role_email
from wizard.core.opendata.release import build_package
from wizard.core.opendata.schema import validation_errors


def _release(project: Project) -> dict:
    return build_package(project)["releases"][0]


def _docx_text(project: Project, lang: str) -> str:
    document = docx.Document(io.BytesIO(tender_bytes(project, lang)))
    cells = [c.text for t in document.tables for r in t.rows for c in r.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


def _expected(day: str, time: str, zone: str) -> str:
    """The RFC 3339 deadline computed here with zoneinfo, independently of the app."""
    moment = dt.datetime.combine(dt.date.fromisoformat(day), dt.time.fromisoformat(time))
    return moment.replace(tzinfo=zoneinfo.ZoneInfo(zone)).isoformat()


def test_every_province_has_a_default_zone_known_to_zoneinfo():
    assert set(timezones.DEFAULT_ZONES) == set(PROVINCES)
    for zone in timezones.ZONES:
        assert isinstance(timezones.tzinfo(zone), zoneinfo.ZoneInfo)
    assert timezones.zone_of(ProjectInfo(province="qc")) == "America/Toronto"
    assert timezones.zone_of(ProjectInfo(province="QC", time_zone="America/Halifax")) == "America/Halifax"
    assert timezones.zone_of(ProjectInfo()) == ""


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("14:00", dt.time(14)),
        ("9:30", dt.time(9, 30)),
        (" 23:59 ", dt.time(23, 59)),
        ("00:00", dt.time(0)),
        ("25:00", None),
        ("24:00", None),
        ("14:60", None),
        ("2 pm", None),
        ("14h00", None),
        ("", None),
    ],
)
def test_parse_time(text, expected):
    assert timezones.parse_time(text) == expected


@pytest.mark.parametrize(
    ("province", "zone", "day", "time", "offset"),
    [
        ("QC", "", "2027-03-08", "14:00", "-05:00"),  # winter: EST
        ("QC", "", "2027-07-08", "14:00", "-04:00"),  # summer: EDT
        ("NS", "", "2027-03-08", "14:00", "-04:00"),  # Halifax winter: AST
        ("NL", "", "2027-03-08", "14:00", "-03:30"),
        ("SK", "", "2027-07-08", "14:00", "-06:00"),  # no daylight saving time
        ("ON", "America/Winnipeg", "2027-03-08", "11:00", "-06:00"),  # north-western Ontario
    ],
)
def test_closing_datetime_has_the_zones_real_offset(province, zone, day, time, offset):
    info = ProjectInfo(province=province, time_zone=zone, closing_date=day, closing_time=time)
    moment = timezones.closing_datetime(info)
    assert moment is not None
    assert moment.isoformat() == f"{day}T{time}:00{offset}"
    assert moment.isoformat() == _expected(day, time, zone or timezones.DEFAULT_ZONES[province])


def test_no_time_means_the_end_of_the_local_day_and_no_zone_means_none():
    info = ProjectInfo(province="QC", closing_date="2027-03-08")
    assert timezones.closing_datetime(info).isoformat() == "2027-03-08T23:59:59-05:00"
    assert timezones.closing_datetime(ProjectInfo(closing_date="2027-03-08", closing_time="14:00")) is None
    assert timezones.closing_datetime(ProjectInfo(province="QC", closing_date="8 mars")) is None


def test_without_the_iana_database_a_standard_offset_is_used(monkeypatch):
    def missing(key):
        raise zoneinfo.ZoneInfoNotFoundError(key)

    timezones.tzinfo.cache_clear()
    monkeypatch.setattr(timezones.zoneinfo, "ZoneInfo", missing)
    try:
        info = ProjectInfo(province="NL", closing_date="2027-07-08", closing_time="14:00")
        assert timezones.closing_datetime(info).isoformat() == "2027-07-08T14:00:00-03:30"  # standard time
        assert timezones.tzinfo("Europe/Paris") is None
    finally:
        timezones.tzinfo.cache_clear()


def test_deadline_in_the_tender_in_both_languages():
    info = ProjectInfo(province="QC", closing_date="2027-03-08", closing_time="14:00")
    assert format_deadline(info, "fr") == "8\u00a0mars\u00a02027, 14\u00a0h\u00a000 (heure de l’Est)"
    assert format_deadline(info, "en") == "March\u00a08, 2027, 2:00\u00a0p.m. Eastern Time"
    info.province, info.closing_time = "YT", "09:30"
    assert format_deadline(info, "en") == "March\u00a08, 2027, 9:30\u00a0a.m. Yukon Time"
    assert (
        format_deadline(info, "fr") == "8\u00a0mars\u00a02027, 9\u00a0h\u00a030 (heure du Yukon)"
    )  # CLDR fr_CA: two-digit hour


def test_k10_missing_time_zone_or_date_shows_the_placeholder():
    info = ProjectInfo(province="NS", closing_date="2027-03-08")
    assert format_deadline(info, "en") == f"March\u00a08, 2027, {PLACEHOLDER} Atlantic Time"
    info.province, info.closing_time = "", "14:00"
    assert format_deadline(info, "fr") == f"8\u00a0mars\u00a02027, 14\u00a0h\u00a000 ({PLACEHOLDER})"
    info.closing_date = ""
    assert format_deadline(info, "fr") == PLACEHOLDER


def test_french_tender_docx_states_deadline_submission_and_contact():
    project = load_example("emergency-perimeter")
    text = _docx_text(project, "fr")
    assert (
        text.count("8\u00a0mars\u00a02027, 14\u00a0h\u00a000 (heure de l’Est)") >= 3
    )  # cover, calendar, submission
    assert "Dépôt des soumissions" in text and "Personne-ressource unique" in text
    assert "Par voie électronique sur le SEAO (www.seao.gouv.qc.ca) seulement." in text
    assert "Les soumissions en retard sont refusées" in text
    assert "appels-offres@saint-aurele.example.ca" in text and "418 555-0142, poste 2210" in text
    assert (
        "Hôtel de ville de Saint-Aurèle, Direction des technologies de l’information, 250, rue Principale"
        in text
    )
    assert "jusqu’au 22\u00a0février\u00a02027" in text


def test_english_tender_docx_states_deadline_submission_and_contact():
    text = _docx_text(load_example("office-suite"), "en")
    assert "February\u00a019, 2027, 2:00\u00a0p.m. Atlantic Time" in text
    assert "Submission of bids" in text and "Single point of contact" in text
    assert (
        "Late bids are refused" in text
        and "Nova Scotia Procurement Portal (procurement.novascotia.ca)" in text
    )
    assert "daniel.macisaac@cobequidharbour.example.ca" in text and "902 555-0187" in text
    assert "Submission of bids" not in _docx_text(load_example("office-suite"), "fr")


@pytest.mark.parametrize(
    ("name", "day", "time", "zone", "offset"),
    [
        ("emergency-perimeter", "2027-03-08", "14:00", "America/Toronto", "-05:00"),
        ("office-suite", "2027-02-19", "14:00", "America/Halifax", "-04:00"),
        ("training", "2027-04-16", "11:00", "America/Moncton", "-03:00"),  # daylight time by April
    ],
)
def test_ocds_deadline_has_the_local_offset(name, day, time, zone, offset):
    package = build_package(load_example(name))
    tender = package["releases"][0]["tender"]
    expected = _expected(day, time, zone)
    assert expected.endswith(offset)
    assert tender["tenderPeriod"]["endDate"] == expected
    closing = next(m for m in tender["milestones"] if m["code"] == "closing")
    assert closing["dueDate"] == expected
    assert validation_errors(package) == []


def test_ocds_contact_point_publishes_a_role_mailbox():
    release = _release(load_example("emergency-perimeter"))
    assert release["parties"][0]["contactPoint"] == {
        "name": "Directrice des technologies de l'information",
        "email": "appels-offres@saint-aurele.example.ca",
        "telephone": "418 555-0142, poste 2210",
    }
    assert release["tender"]["submissionMethodDetails"].startswith("Par voie électronique sur le SEAO")


def test_ocds_contact_point_withholds_a_persons_address_unless_opted_in():
    project = load_example("office-suite")
    assert _release(project)["parties"][0]["contactPoint"] == {"name": "Director of Information Technology"}
    project.export.include_personal_names = True
    package = build_package(project)
    assert package["releases"][0]["parties"][0]["contactPoint"] == {
        "name": "Daniel MacIsaac",
        "email": "daniel.macisaac@cobequidharbour.example.ca",
        "telephone": "902 555-0187",
    }
    assert validation_errors(package) == []


@pytest.mark.parametrize(
    ("email", "role"),
    [
        ("appels-offres@ville.ca", True),
        ("approvisionnement@ville.ca", True),
        ("procurement@town.ca", True),
        ("info.ti@ville.ca", True),
        ("daniel.macisaac@town.ca", False),
        ("dmacisaac@town.ca", False),
        ("achats.macisaac@town.ca", False),
        ("jdoe@town.ca", False),
        ("appels-offres", False),
        ("", False),
    ],
)
def test_role_mailbox_rule(email, role):
    project = load_example("office-suite")  # officer: Daniel MacIsaac
    assert is_role_email(project, email) is role


def _codes(project: Project) -> dict[str, str]:
    return {f.code: f.severity.value for f in run_checks(project) if f.field.startswith("info.")}


def test_examples_have_no_logistics_findings():
    for name in ("emergency-perimeter", "office-suite", "training"):
        codes = _codes(load_example(name))
        assert not {"PR-CLOSING-TIME", "PR-SUBMISSION", "PR-CONTACT-EMAIL", "PR-TIME", "PR-EMAIL"} & set(
            codes
        )


def test_missing_logistics_are_warnings():
    project = load_example("training")
    info = project.info
    info.closing_time = info.submission_method = info.contact_email = ""
    codes = _codes(project)
    assert {k: codes[k] for k in ("PR-CLOSING-TIME", "PR-SUBMISSION", "PR-CONTACT-EMAIL")} == dict.fromkeys(
        ("PR-CLOSING-TIME", "PR-SUBMISSION", "PR-CONTACT-EMAIL"), "warning"
    )


def test_invalid_time_zone_and_email_are_errors():
    project = load_example("training")
    project.info.closing_time, project.info.contact_email = "25:00", "approvisionnement@"
    project.info.time_zone = "Mars/Olympus_Mons"
    found = {f.code: f for f in run_checks(project)}
    assert found["PR-TIME"].severity.value == "error" and found["PR-TIME"].field == "info.closing_time"
    assert found["PR-EMAIL"].severity.value == "error" and found["PR-EMAIL"].field == "info.contact_email"
    assert found["PR-TIME-ZONE"].severity.value == "error"
    assert (
        found["PR-TIME"].message("fr")
        == "«\u00a025:00\u00a0» n’est pas une heure (format attendu\u00a0: HH:MM sur 24\u00a0heures, p. ex. 14:00)."
    )
    assert "PR-CLOSING-TIME" not in found


def test_a_file_without_the_new_keys_opens_and_saves_them_without_migration(tmp_path):
    """Section fields live in the key/value ``fields`` table: a file written before these
    fields existed lacks their keys, reads them as defaults and stores them on edit."""
    import sqlite3

    from wizard.core.project_file.migrations import SCHEMA_VERSION
    from wizard.core.project_file.store import ProjectFile

    path = tmp_path / "old.tender"
    ProjectFile.create(path, load_example("training")).close()
    with sqlite3.connect(path) as db:
        db.execute(
            "DELETE FROM fields WHERE key IN ('info.closing_time', 'info.time_zone', 'info.contact_email')"
        )
    db.close()
    with ProjectFile.open(path) as pf:
        assert (pf.project.info.closing_time, pf.project.info.contact_email) == ("", "")
        assert pf.project.info.closing_date == "2027-04-16"  # the example's addendum 1 moved it
        pf.set_field("info", "closing_time", "10:30")
    with ProjectFile.open(path) as pf:
        assert pf.project.info.closing_time == "10:30"
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    db.close()


def _pilot_project(validity_days: int):
    project = load_example("emergency-perimeter")  # closes 2027-03-08, award planned 2027-04-12
    project.evaluation.pilot_weeks = 8  # ends 2027-06-07
    project.contract_data.bid_validity_days = validity_days
    return project


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "en",
            "The bids bind their bidders only until June\u00a06, 2027, but the paid pilot, from April\u00a012, 2027, cannot end before June\u00a07, 2027: the full Contract would be awarded on bids that have lapsed. Raise the bid validity to at least 91 days after closing.",
        ),
        (
            "fr",
            "Les soumissions ne lient leurs soumissionnaires que jusqu’au 6\u00a0juin\u00a02027, mais le projet pilote rémunéré, qui commence le 12\u00a0avril\u00a02027, ne peut se terminer avant le 7\u00a0juin\u00a02027\u00a0: le Contrat complet serait adjugé sur la foi de soumissions échues. Portez le délai de validité des soumissions à au moins 91\u00a0jours après la date limite de dépôt.",
        ),
    ],
)
def test_a_pilot_longer_than_the_bid_validity_is_flagged(lang, expected):
    (found,) = [f for f in check_logistics(_pilot_project(90)) if f.code == "PR-PILOT-VALIDITY"]
    assert found.field == "contract_data.bid_validity_days"
    assert found.message(lang) == expected


def test_a_bid_validity_covering_the_pilot_is_clean():
    project = _pilot_project(91)  # the twin: validity ends 2027-06-07, the pilot's last day
    assert [str(d) for d in pilot_end(project)] == ["2027-04-12", "2027-06-07"]
    assert "PR-PILOT-VALIDITY" not in [f.code for f in check_logistics(project)]
    project.info.award_date = ""  # the pilot starts when the 20 days of sessions end: 2027-03-28
    project.contract_data.bid_validity_days = 76  # to 2027-05-23 = 2027-03-28 + 8 weeks
    assert [str(d) for d in pilot_end(project)] == ["2027-03-28", "2027-05-23"]
    assert "PR-PILOT-VALIDITY" not in [f.code for f in check_logistics(project)]
    project.contract_data.bid_validity_days = 75
    assert "PR-PILOT-VALIDITY" in [f.code for f in check_logistics(project)]
    project.evaluation.pilot_weeks = 0  # duration not stated: nothing to compare
    assert "PR-PILOT-VALIDITY" not in [f.code for f in check_logistics(project)]


def test_the_record_states_the_pilot_validity_finding():
    from wizard.core.documents.record_findings import sentence

    project = _pilot_project(90)
    (found,) = [f for f in check_logistics(project) if f.code == "PR-PILOT-VALIDITY"]
    assert (
        sentence(project, found, "en")
        == "The bids lapse on June\u00a06, 2027, before the paid pilot can end on June\u00a07, 2027: the bid validity is too short."
    )
    assert (
        sentence(project, found, "fr")
        == "Les soumissions échoient le 6\u00a0juin\u00a02027, avant que le projet pilote rémunéré puisse se terminer le 7\u00a0juin\u00a02027\u00a0: le délai de validité des soumissions est trop court."
    )


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "en",
            "The Contract starts on May\u00a03, 2027, but the paid pilot, from April\u00a012, 2027, ends only on June\u00a07, 2027: the full Contract is awarded after the pilot shows whether the solution works, so it cannot start before then. Move the contract start to June\u00a07, 2027 or later, or shorten the pilot.",
        ),
        (
            "fr",
            "Le Contrat commence le 3\u00a0mai\u00a02027, mais le projet pilote rémunéré, qui commence le 12\u00a0avril\u00a02027, ne se termine que le 7\u00a0juin\u00a02027\u00a0: le Contrat complet est adjugé après que le projet pilote a montré si la solution convient; il ne peut donc pas commencer avant. Reportez le début du Contrat au 7\u00a0juin\u00a02027 ou plus tard, ou raccourcissez le projet pilote.",
        ),
    ],
)
def test_a_contract_starting_before_the_pilot_ends_is_flagged(lang, expected):
    project = _pilot_project(120)
    project.info.contract_start = "2027-05-03"  # the example's date before the fix
    (found,) = [f for f in check_logistics(project) if f.code == "PR-PILOT-CONTRACT-START"]
    assert found.field == "info.contract_start"
    assert found.message(lang) == expected


def test_a_contract_starting_after_the_pilot_is_clean():
    from wizard.core.checks import run_checks
    from wizard.core.documents.record_findings import sentence

    project = _pilot_project(120)
    assert project.info.contract_start == "2027-06-14"  # the example, fixed: after 2027-06-07
    assert "PR-PILOT-CONTRACT-START" not in [f.code for f in run_checks(project)]
    project.info.contract_start = "2027-06-07"  # the pilot's last day: the twin at the limit
    assert "PR-PILOT-CONTRACT-START" not in [f.code for f in check_logistics(project)]
    project.info.contract_start = "2027-06-06"
    (found,) = [f for f in check_logistics(project) if f.code == "PR-PILOT-CONTRACT-START"]
    assert (
        sentence(project, found, "en")
        == "The Contract was planned to start on June\u00a06, 2027, before the paid pilot ends on June\u00a07, 2027."
    )
    assert (
        sentence(project, found, "fr")
        == "Le début du Contrat était prévu le 6\u00a0juin\u00a02027, avant la fin du projet pilote rémunéré, le 7\u00a0juin\u00a02027."
    )
    project.evaluation.pilot_enabled = False  # no pilot: nothing to wait for
    assert "PR-PILOT-CONTRACT-START" not in [f.code for f in check_logistics(project)]
