"""The step table: one row per step, every field owned by exactly one step."""

from __future__ import annotations

from collections import Counter

import pytest

from wizard.core.checks import CHECKS
from wizard.core.model import ENTITIES, SECTIONS, Project
from wizard.core.model.defaults import new_project
from wizard.core.steps import STEPS, Step, completion, next_step, step_of_field, title


def test_every_step_has_facts_and_checks_in_wizard_order():
    assert list(STEPS) == list(Step)
    assert list(CHECKS) == list(Step)


def test_every_section_and_entity_list_is_owned_by_exactly_one_step():
    owned = Counter(kind for facts in STEPS.values() for kind in facts.owns)
    assert set(owned) == set(SECTIONS) | set(ENTITIES)
    assert [kind for kind, count in owned.items() if count > 1] == []


@pytest.mark.parametrize(
    ("address", "step"),
    [
        ("problem.statement", Step.PROBLEM),
        ("criteria:3.text", Step.CRITERIA),
        ("support:1.level", Step.MARKET),
        ("publication.open_data_url", Step.VENDORS),
        ("justifications:2.reason", Step.REVIEW),
        ("nowhere.at_all", Step.REVIEW),
    ],
)
def test_step_of_field(address, step):
    assert step_of_field(address) == step


def test_titles_and_order():
    assert title(Step.TCO) == "Total cost of ownership"
    assert next_step(Step.VENDORS) == Step.REVIEW and next_step(Step.REVIEW) is None


def test_completion_of_an_empty_and_a_new_project():
    empty = Project()
    assert [s for s in Step if completion(empty, s)] == []  # issue 24: nothing the user did
    assert [s for s in Step if completion(new_project(), s)] == []
    project = new_project()
    project.info.organization, project.info.province, project.info.title = "Ville", "QC", "T"
    assert completion(project, Step.PROJECT) and not completion(project, Step.REVIEW)
