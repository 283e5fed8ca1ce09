"""The checks' caches (issue 25): the incremental near-duplicate index gives what a full
search gives, after any edit; values kept for one pass (``core/memo.py``) never outlive it."""

from __future__ import annotations

import random
from dataclasses import replace

from wizard.core.checks.criteria_text import _similar, _token_set, near_duplicates
from wizard.core.memo import forget, one_pass, per_pass
from wizard.core.model import Criterion

_WORDS = [
    "export",
    "archive",
    "council",
    "minutes",
    "permits",
    "water",
    "meter",
    "readings",
    "budget",
    "reports",
    "GIS",
    "layers",
]


def _reference(criteria: list[Criterion]) -> list[tuple[int, int]]:
    """Every pair tested: each criterion with its first similar criterion before it."""
    pairs = []
    for i, c in enumerate(criteria):
        a = _token_set(c.text)
        for earlier in criteria[:i]:
            b = _token_set(earlier.text)
            if a and b and _similar(a, b):
                pairs.append((c.id, earlier.id))
                break
    return pairs


def _text(rng: random.Random) -> str:
    return " ".join(rng.sample(_WORDS, rng.randint(3, 7))) + f" {rng.choice(['in CSV', 'in JSON', ''])}"


def test_near_duplicates_follow_every_edit() -> None:
    rng = random.Random(25)
    criteria = [Criterion(id=i, text=_text(rng)) for i in range(1, 61)]
    for _ in range(40):
        found = [(a.id, b.id) for a, b in near_duplicates(criteria)]
        assert found == _reference(criteria)
        move = rng.random()
        if move < 0.6:  # an edit
            k = rng.randrange(len(criteria))
            criteria[k] = replace(criteria[k], text=_text(rng))
        elif move < 0.8:  # a new criterion
            criteria.append(Criterion(id=max(c.id for c in criteria) + 1, text=_text(rng)))
        else:  # a deletion, then a move
            criteria.pop(rng.randrange(len(criteria)))
            criteria.insert(0, criteria.pop())
    assert any(_reference(criteria))  # the texts do make duplicates


def test_near_duplicates_of_two_projects_in_turn() -> None:
    one = [Criterion(1, "Export council minutes in CSV"), Criterion(2, "Export the council minutes in CSV")]
    other = [Criterion(1, "Archive water meter readings"), Criterion(2, "Publish budget reports")]
    for _ in range(2):
        assert [(a.id, b.id) for a, b in near_duplicates(one)] == [(2, 1)]
        assert near_duplicates(other) == []


def test_per_pass_values_live_one_pass() -> None:
    calls: list[int] = []

    def count(project: list[int]) -> int:
        calls.append(1)
        return len(project)

    project = [1, 2]
    assert per_pass(project, count) == per_pass(project, count) == 2
    assert len(calls) == 2  # outside a pass: computed every time
    with one_pass():
        assert per_pass(project, count) == 2
        project.append(3)  # (a project never changes inside a pass; this shows the cache)
        assert per_pass(project, count) == 2
        with one_pass():
            assert per_pass(project, count) == 2
        forget()  # the app saved an edit meanwhile
        assert per_pass(project, count) == 3
    assert len(calls) == 4
    assert per_pass(project, count) == 3


def test_translation_lookup_same_in_and_out_of_a_pass() -> None:
    from wizard.core.examples import load_example
    from wizard.core.model import Translation
    from wizard.core.model.translatable import translation

    project = load_example("office-suite")
    first = Translation(id=901, address="problem.statement", lang="en", text="First")
    project.translations = [*project.translations, first, replace(first, id=902, text="Second")]
    outside = translation(project, "problem.statement", "en")
    with one_pass():
        inside = translation(project, "problem.statement", "en")
        assert translation(project, "problem.context", "de") is None
    assert outside is inside is first  # the first row, as a scan finds it
