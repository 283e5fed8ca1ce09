"""The core operations: one transaction each, with journal entries, rules in one place."""

from __future__ import annotations

from dataclasses import replace

import pytest

from wizard.core import ops
from wizard.core.clauses import library
from wizard.core.model import Criterion, Feature, Project, Solution, Support, TcoOption
from wizard.core.project_file.store import ProjectFile, ReadOnlyFile


@pytest.fixture
def pf(tmp_path):
    project = Project()
    project.solutions = [Solution(id=1, name="A"), Solution(id=2, name="B")]
    project.features = [Feature(id=1, name="Offline use")]
    with ProjectFile.create(tmp_path / "p.tender", project) as opened:
        yield opened


def _journal(pf: ProjectFile) -> list[str]:
    return [entry["field"] for entry in reversed(pf.history())]


def test_edit_section_saves_only_what_changed_in_one_go(pf):
    before = len(pf.history())
    ops.edit_section(pf, replace(pf.project.problem, statement="Know where responders are", context="x"))
    assert pf.project.problem.statement == "Know where responders are"
    assert _journal(pf)[before:] == ["problem.statement", "problem.context"]
    ops.edit_section(pf, replace(pf.project.problem))  # nothing changed: nothing written
    assert len(pf.history()) == before + 2


def test_edit_section_refuses_what_is_not_a_section(pf):
    with pytest.raises(TypeError):
        ops.edit_section(pf, Criterion())


def test_add_save_delete_with_dependants(pf):
    criterion = ops.add(pf, Criterion(text="Works offline", feature_ids=[1]))
    assert criterion.id == 1 and pf.project.criteria == [criterion]
    ops.save(pf, replace(criterion, kind="optional"))
    assert pf.project.criteria[0].kind == "optional"
    ops.set_support(pf, solution_id=1, feature_id=1, level="yes")
    ops.delete(pf, pf.project.solutions[0])
    assert pf.project.support == [] and [s.id for s in pf.project.solutions] == [2]
    with pytest.raises(TypeError):
        ops.add(pf, "not an entity")


def test_set_support_creates_then_updates_one_cell(pf):
    first = ops.set_support(pf, solution_id=2, feature_id=1, level="partial")
    second = ops.set_support(pf, solution_id=2, feature_id=1, level="no")
    assert first.id == second.id and pf.project.support == [
        Support(id=first.id, solution_id=2, feature_id=1, level="no")
    ]
    with pytest.raises(ValueError):
        ops.set_support(pf, solution_id=2, feature_id=1, level="maybe")
    with pytest.raises(ValueError):
        ops.set_support(pf, solution_id=9, feature_id=1, level="yes")


def test_clause_inclusion_text_and_revert(pf):
    optional = next(c for c in library.catalogue().values() if c.status == "optional")
    required = next(c for c in library.catalogue().values() if c.status != "optional")
    assert (
        ops.set_clause_text(pf, clause_id=required.id, lang="fr", text=required.bodies["fr"] + "  ") is None
    )
    assert pf.project.clause_choices == []  # the library's text: nothing to save
    choice = ops.set_clause_text(pf, clause_id=required.id, lang="en", text="Our own text.")
    assert choice is not None and choice.included and choice.custom_en == "Our own text."
    ops.revert_clause(pf, clause_id=required.id)
    assert library.choice_for(pf.project, required.id).custom_en == ""
    kept = ops.set_clause_included(pf, clause_id=optional.id, included=True)
    assert kept.included and library.is_included(pf.project, optional)
    with pytest.raises(KeyError):
        ops.set_clause_included(pf, clause_id="no-such-clause", included=True)


def test_justify_a_finding_once_with_a_reason(pf):
    first = ops.justify_finding(pf, code="T-NO-EXIT", field="tco_options:1.name", reason="Reversible")
    again = ops.justify_finding(pf, code="T-NO-EXIT", field="tco_options:1.name", reason="Better reason")
    assert first.id == again.id and [j.reason for j in pf.project.justifications] == ["Better reason"]
    with pytest.raises(ValueError):
        ops.justify_finding(pf, code="T-NO-EXIT", field="x", reason="   ")


def test_a_read_only_view_refuses_every_operation(pf, tmp_path):
    pf.close()
    with ProjectFile.open(tmp_path / "p.tender", read_only=True) as view:
        with pytest.raises(ReadOnlyFile):
            ops.add(view, TcoOption(name="Status quo"))
        with pytest.raises(ReadOnlyFile):
            ops.edit_section(view, replace(view.project.info, title="T"))
        assert view.project.tco_options == [] and view.project.info.title == ""


def _new_with_request(tmp_path, requesting_unit: str, lang: str = "fr") -> ProjectFile:
    from wizard.core.model.defaults import new_project

    project = new_project(lang)
    project.problem.requesting_unit = requesting_unit
    return ProjectFile.create(tmp_path / f"{lang}.tender", project)


@pytest.mark.parametrize(
    ("requested", "lang", "unit"),
    [
        ("Police", "en", "Police"),
        ("  public WORKS ", "en", "Public works"),
        ("Travaux publics", "en", "Public works"),  # the name's translation
        ("travaux publics", "fr", "Travaux publics"),
        ("Securite civile", "fr", "Sécurité civile"),  # without accents
    ],
)
def test_the_requesting_unit_is_marked_affected_once(tmp_path, requested, lang, unit):
    with _new_with_request(tmp_path, requested, lang) as pf:
        assert ops.requesting_unit_to_mark(pf) is not None
        marked = ops.mark_requesting_unit(pf)
        assert marked is not None and marked.name == unit
        roles = {u.name: u.role for u in pf.project.business_units}
        assert [name for name, role in roles.items() if role != "not_concerned"] == [marked.name]
        assert roles[marked.name] == "affected"
        assert _journal(pf)[-1] == f"business_units:{marked.id}.role"
        assert ops.mark_requesting_unit(pf) is None  # once


def test_the_mark_never_overrides_a_choice(tmp_path):
    with _new_with_request(tmp_path, "Police", "en") as pf:
        fire = next(u for u in pf.project.business_units if u.name == "Fire")
        police = next(u for u in pf.project.business_units if u.name == "Police")
        ops.update(pf, type(fire), fire.id, role="consulted")
        assert ops.mark_requesting_unit(pf) is None  # the user chose a role already
        ops.update(pf, type(fire), fire.id, role="not_concerned")
        assert ops.mark_requesting_unit(pf) is None  # the user touched the roles
        assert pf.project.find("business_units", police.id).role == "not_concerned"


def test_the_mark_undone_stays_undone(tmp_path):
    with _new_with_request(tmp_path, "Fire", "en") as pf:
        with pf.action():
            marked = ops.mark_requesting_unit(pf)
        assert marked is not None
        ops.undo(pf)
        assert pf.project.find("business_units", marked.id).role == "not_concerned"
        assert ops.requesting_unit_to_mark(pf) is None


@pytest.mark.parametrize("requested", ["", "Library", "Police department"])
def test_no_mark_without_a_matching_unit(tmp_path, requested):
    with _new_with_request(tmp_path, requested, "en") as pf:
        assert ops.requesting_unit_to_mark(pf) is None
        assert ops.mark_requesting_unit(pf) is None
        assert {u.role for u in pf.project.business_units} == {"not_concerned"}
