"""Typed access to the entity lists: ``Project.rows_of`` and ``Project.find_row``."""

from __future__ import annotations

import pytest

from wizard.core.model import ENTITIES, Criterion, Project, ProjectInfo, kind_of


def test_every_entity_type_names_its_list():
    for kind, cls in ENTITIES.items():
        assert kind_of(cls) == kind
        project = Project()
        assert project.rows_of(cls) is getattr(project, kind)


def test_rows_of_and_find_row_are_the_lists_of_the_project():
    project = Project(criteria=[Criterion(id=3, text="A"), Criterion(id=5, text="B")])
    assert project.rows_of(Criterion) is project.criteria is project.rows("criteria")
    assert project.find_row(Criterion, 5) is project.criteria[1] is project.find("criteria", 5)
    assert project.find_row(Criterion, 4) is None


def test_a_type_that_is_not_an_entity_is_refused():
    with pytest.raises(TypeError, match="ProjectInfo"):
        Project().rows_of(ProjectInfo)
    with pytest.raises(TypeError, match="ProjectInfo"):
        Project().find_row(ProjectInfo, 1)
