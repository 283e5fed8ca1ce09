"""A project file that already holds what ``load`` refuses (written by an earlier
version, or by hand) opens, keeps every value, and says each one as a finding on its
row, at open (the findings) and from ``python main.py check`` (checks/stored.py)."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from wizard.cli import main
from wizard.core.checks import run_checks
from wizard.core.checks.stored import check_stored
from wizard.core.examples import load_example
from wizard.core.project_file.store import ProjectFile

DATA = Path(__file__).resolve().parent.parent / "data"


def _hand_edited(tmp_path: Path, version: str = "v8") -> tuple[Path, int, int]:
    """The stored office-suite file of ``version`` with, edited in SQLite as a user with
    a database tool would: its second criterion of kind "required", its first register
    entry dated 2027-02-30. Returns the path, the criterion's id and the entry's id."""
    path = tmp_path / "office-suite.tender"
    shutil.copy(DATA / version / "office-suite.tender", path)
    with sqlite3.connect(path) as db:
        criterion = db.execute("SELECT id FROM criteria ORDER BY rowid LIMIT 1 OFFSET 1").fetchone()[0]
        entry = db.execute("SELECT id FROM vendor_exchanges ORDER BY rowid LIMIT 1").fetchone()[0]
        db.execute("UPDATE criteria SET kind = 'required' WHERE id = ?", (criterion,))
        db.execute("UPDATE vendor_exchanges SET date = '2027-02-30' WHERE id = ?", (entry,))
    db.close()
    return path, criterion, entry


def _said(found, code):
    return {f.field: (f.message("fr"), f.message("en")) for f in found if f.code == code}


@pytest.mark.parametrize("version", ["v1", "v8"])
def test_a_file_holding_what_load_refuses_opens_and_says_it_on_its_rows(tmp_path, version):
    path, criterion, entry = _hand_edited(tmp_path, version)
    with ProjectFile.open(path) as pf:  # opens, migrated if need be: never refused
        project = pf.project
    kinds = {c.id: c.kind for c in project.criteria}
    assert kinds[criterion] == "required"  # kept as stored, not replaced
    assert {e.id: e.date for e in project.vendor_exchanges}[entry] == "2027-02-30"
    found = run_checks(project)
    assert _said(found, "C-CHOICE") == {
        f"criteria:{criterion}.kind": (
            "Ce champ contient «\u00a0required\u00a0», qui n’est pas une de ses valeurs («\u00a0mandatory\u00a0», "
            "«\u00a0optional\u00a0»)\u00a0: le fichier la garde telle qu’elle a été écrite, par une version "
            "antérieure de l’application ou à la main, mais l’application ne sait pas ce qu’elle veut dire. "
            "Choisissez une de ses valeurs.",
            "This field holds “required”, which is not one of its values (“mandatory”, “optional”): the file "
            "keeps it as it was written, by an earlier version of the app or by hand, but the app does not know "
            "what it means. Choose one of its values.",
        )
    }
    assert _said(found, "V-DATE") == {
        f"vendor_exchanges:{entry}.date": (
            "«\u00a02027-02-30\u00a0» n’existe pas\u00a0: les jours de février\u00a02027 vont de 1 à 28.",
            "“2027-02-30” does not exist: the days of February 2027 go from 1 to 28.",
        )
    }


def test_check_names_the_rows_and_fails(tmp_path, capsys):
    path, criterion, entry = _hand_edited(tmp_path)
    assert main(["check", str(path), "--lang", "en"]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert any(
        line.startswith("ERROR   C-CHOICE")
        and f" criteria:{criterion}.kind: This field holds “required”" in line
        for line in lines
    )
    assert any(
        line.startswith("ERROR   V-DATE")
        and f" vendor_exchanges:{entry}.date: “2027-02-30” does not exist" in line
        for line in lines
    )


def test_the_stored_files_of_every_version_say_nothing(tmp_path):
    """The clean twins: the files the app wrote, of each version, hold no such value."""
    for folder in sorted(DATA.glob("v*")):
        for stored in sorted(folder.glob("*.tender")):
            path = tmp_path / folder.name / stored.name
            path.parent.mkdir(exist_ok=True)
            shutil.copy(stored, path)
            with ProjectFile.open(path) as pf:
                assert check_stored(pf.project) == [], path


@pytest.mark.parametrize(
    ("section", "attr", "bad", "code"),
    [
        ("info", "text_language", "de", "PR-CHOICE"),
        ("contract_data", "bid_security", "cheque", "PR-CHOICE"),
        ("statement_of_work", "payment_terms", "cash", "SW-CHOICE"),
    ],
)
def test_a_sections_choice_outside_its_set_is_said_and_its_twin_is_not(section, attr, bad, code):
    project = load_example("training")
    setattr(getattr(project, section), attr, bad)
    assert [(f.code, f.field) for f in check_stored(project)] == [(code, f"{section}.{attr}")]
    assert check_stored(load_example("training")) == []


def test_the_choices_the_project_step_says_are_not_said_twice():
    project = load_example("training")
    project.info.province = "Québec"
    project.info.tender_languages = "bilingual"
    project.info.binding_language = "de"
    assert check_stored(project) == []
    codes = {f.code for f in run_checks(project)}
    assert {"PR-PROVINCE", "PR-LANGUAGES", "PR-BINDING-LANGUAGE"} <= codes and "PR-CHOICE" not in codes


@pytest.mark.parametrize(
    ("typed", "english"),
    [
        ("2027-02-30", "“2027-02-30” does not exist: the days of February 2027 go from 1 to 28."),
        ("2027-13-01", "“2027-13-01” does not exist: the months go from 01 to 12 (YYYY-MM-DD)."),
        ("8 mars 2027", "“8 mars 2027” is not a date (expected YYYY-MM-DD)."),
    ],
)
def test_a_publication_plan_date_that_is_no_day_is_said(typed, english):
    project = load_example("training")
    item = project.publication_items[0]
    item.planned_date = typed
    found = [f for f in check_stored(project) if f.code == "V-DATE"]
    assert [(f.field, f.message("en")) for f in found] == [
        (f"publication_items:{item.id}.planned_date", english)
    ]


@pytest.mark.parametrize("typed", ["2027-02-28", "2028-02-29", "", "  "])
def test_a_real_day_or_a_blank_date_is_not_said(typed):
    project = load_example("training")
    project.vendor_exchanges[0].date = typed
    project.publication_items[0].planned_date = typed
    assert check_stored(project) == []


def test_two_rows_with_one_id_cannot_be_in_a_project_file(tmp_path):
    """The third thing load refuses needs no finding: the file's schema makes it
    impossible (each list's id is its table's primary key)."""
    path, criterion, _entry = _hand_edited(tmp_path)
    with sqlite3.connect(path) as db, pytest.raises(sqlite3.IntegrityError, match="UNIQUE"):
        db.execute("INSERT INTO criteria (id, text) VALUES (?, 'copy')", (criterion,))


def test_the_opening_row_of_the_plan_is_said_once_by_v_bids_date():
    """The documents date "Bids received and the bidders" by the public opening: its
    typed date is said by V-BIDS-DATE (type the opening's day), not twice."""
    project = load_example("emergency-perimeter")
    item = next(i for i in project.publication_items if i.key == "bids_and_bidders")
    item.planned_date = "2027-02-30"
    found = [(f.code, f.field) for f in run_checks(project) if f.field.endswith(f":{item.id}.planned_date")]
    assert found == [("V-BIDS-DATE", f"publication_items:{item.id}.planned_date")]
    project = load_example("office-suite")  # no public opening: the row's own date is said
    item = next(i for i in project.publication_items if i.key == "bids_and_bidders")
    item.planned_date = "2027-02-30"
    found = [(f.code, f.field) for f in run_checks(project) if f.field.endswith(f":{item.id}.planned_date")]
    assert found == [("V-DATE", f"publication_items:{item.id}.planned_date")]


def test_every_choice_of_the_model_has_its_code_on_its_step():
    """A choice added to the model is checked: each section and list holding one has a
    code, whose prefix is the step that owns its fields."""
    from wizard.core.checks.base import finding
    from wizard.core.checks.stored import LIST_CODES, SECTION_CODES
    from wizard.core.model import ENTITIES, SECTIONS
    from wizard.core.model.choices import choice_fields
    from wizard.core.steps import STEPS

    held = {name for name, cls in {**SECTIONS, **ENTITIES}.items() if choice_fields(cls)}
    assert {name for name, _code in SECTION_CODES + LIST_CODES} == held
    prefixes = {"PR": 0, "SC": 2, "M": 3, "C": 4, "T": 7, "SW": 8, "V": 10}
    for name, code in SECTION_CODES:
        step = finding(code, "error", "", f"{name}.x").step
        assert prefixes[code.split("-")[0]] == step, (name, STEPS[step])
    for name, code in LIST_CODES:
        step = finding(code, "error", "", f"{name}:1.x").step
        assert prefixes[code.split("-")[0]] == step, (name, STEPS[step])


def test_a_choice_in_a_blank_row_is_said_too():
    """The check reads the project as saved: a blank row's choice is still in the file."""
    project = load_example("training")
    row = project.vendor_exchanges[0]
    for attr in ("date", "vendor", "staff_name", "staff_role", "subject", "documents"):
        setattr(row, attr, "")
    row.channel = "fax"
    assert [(f.code, f.field) for f in run_checks(project) if f.code == "V-CHOICE"] == [
        ("V-CHOICE", f"vendor_exchanges:{row.id}.channel")
    ]
