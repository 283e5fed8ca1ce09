"""The model fields that the documents print, each with how a blank one is filled
(docs/documents.md, "The publishing gate").

The tender and the decision record print ``[À COMPLÉTER / TO BE COMPLETED]`` where a
value is missing. The gate finds which field fills each placeholder by filling fields
on a copy of the project and rebuilding the documents (:mod:`wizard.core.documents.gate`);
this table lists the fields to try, in the order they are tried (the first one that
removes a placeholder is named): a row's own value before the list it belongs to.

:data:`PRINTED` rows:

* :class:`Text` — a text the documents print as typed when set (a unique mark put in
  it shows where it prints, so every text field is tried in one rebuild);
* :class:`Value` — a value whose blank prints a placeholder but which is printed
  transformed (a province, a date, ids of other rows): filled with a real value, one at
  a time. A date that is no real day (``2027-02-30``) counts as blank: the documents
  print the placeholder for it, never the text nor a date worked out from it;
* :class:`Rows` — a list with no row (or no row that counts) where one is printed.

``tests/core/test_publishing_gate.py`` keeps the table honest: for each bundled example,
blanking each listed field makes the gate name its address.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from wizard.core.domain.days import parse_day
from wizard.core.domain.provinces import PROVINCES
from wizard.core.domain.timezones import parse_time
from wizard.core.model import (
    Author,
    Criterion,
    Project,
    Scenario,
    Solution,
    TcoOption,
)
from wizard.core.model.project import SECTIONS

FILLED_DAY = "2027-03-15"
"""The real day a date's fill writes (a date prints only when it is one, ``domain.days``)."""

FILLED = "Filled"
"""The text a :class:`Value` or :class:`Rows` fill writes where a name is needed."""


def is_blank(value: object) -> bool:
    """A text that prints nothing once folded on one line (``"  \\n"``, ``""``)."""
    return not " ".join(str(value).split())


@dataclass(frozen=True)
class Candidate:
    """One blank field of one project: its ``address``, the lists and sections its
    ``fill`` changes (``kinds``, copied before filling) and whether ``fill`` takes a
    unique mark (``token``) or writes a value of its own."""

    address: str
    kinds: tuple[str, ...]
    fill: Callable[[Project, str], None]
    token: bool


def _target(project: Project, kind: str, row_id: int | None) -> Any:
    return getattr(project, kind) if row_id is None else project.find(kind, row_id)


@dataclass(frozen=True)
class Text:
    """``kind.attribute`` (a section) or ``kind:id.attribute`` (each row), printed as typed."""

    kind: str
    attribute: str

    def candidates(self, project: Project) -> Iterator[Candidate]:
        targets = (
            [(None, getattr(project, self.kind))]
            if self.kind in SECTIONS
            else [(row.id, row) for row in project.rows(self.kind)]
        )
        for row_id, target in targets:
            if not is_blank(getattr(target, self.attribute)):
                continue
            address = (
                f"{self.kind}.{self.attribute}"
                if row_id is None
                else f"{self.kind}:{row_id}.{self.attribute}"
            )

            def fill(p: Project, token: str, row_id: int | None = row_id) -> None:
                setattr(_target(p, self.kind, row_id), self.attribute, token)

            yield Candidate(address, (self.kind,), fill, True)


@dataclass(frozen=True)
class Value:
    """A value whose blank prints a placeholder, filled by ``fill(project copy, row)``.
    ``blank(project, row)`` says whether it needs it; ``whole_row`` names the row
    (``criteria:7``) rather than the attribute; ``kinds`` are the lists the fill changes."""

    kind: str
    attribute: str
    blank: Callable[[Project, Any], bool]
    fill: Callable[[Project, Any], None]
    kinds: tuple[str, ...] = ()
    whole_row: bool = False

    def candidates(self, project: Project) -> Iterator[Candidate]:
        if self.kind in SECTIONS:
            targets = [(None, getattr(project, self.kind))]
        else:
            targets = [(row.id, row) for row in project.rows(self.kind)]
        for row_id, target in targets:
            if not self.blank(project, target):
                continue
            if row_id is None:
                address = f"{self.kind}.{self.attribute}"
            else:
                address = f"{self.kind}:{row_id}" + ("" if self.whole_row else f".{self.attribute}")

            def fill(p: Project, _token: str, row_id: int | None = row_id) -> None:
                self.fill(p, _target(p, self.kind, row_id))

            yield Candidate(address, (self.kind, *self.kinds), fill, False)


@dataclass(frozen=True)
class Rows:
    """The list ``kind`` as a whole: ``add(project copy)`` gives it a row that prints."""

    kind: str
    add: Callable[[Project], None]
    kinds: tuple[str, ...] = ()

    def candidates(self, project: Project) -> Iterator[Candidate]:
        yield Candidate(self.kind, (self.kind, *self.kinds), lambda p, _token: self.add(p), False)


def _no_day(attribute: str) -> Callable[[Project, Any], bool]:
    """A date is missing for the documents when it is no real day: they print the
    placeholder for a blank and for a text such as ``2027-02-30`` alike."""
    return lambda _project, target: parse_day(getattr(target, attribute)) is None


def _a_day(attribute: str) -> Callable[[Project, Any], None]:
    def fill(_project: Project, target: Any) -> None:
        setattr(target, attribute, FILLED_DAY)

    return fill


def _closing_time(_project: Project, info: Any) -> None:
    info.closing_time = "14:00"


DAYS: set[tuple[str, str]] = set()
"""``(kind, attribute)`` of every date of :data:`PRINTED` (each made by :func:`_day`)."""


def _day(kind: str, attribute: str) -> Value:
    """A date the documents print (:func:`_no_day`), filled with :data:`FILLED_DAY`."""
    DAYS.add((kind, attribute))
    return Value(kind, attribute, _no_day(attribute), _a_day(attribute))


# -- fills -------------------------------------------------------------------------------


def _province(_project: Project, info: Any) -> None:
    info.province = next(iter(PROVINCES))


def _first_id(project: Project, kind: str) -> int:
    """The id of the first row of ``kind`` (a criterion, a scenario), added if none."""
    rows = project.rows(kind)
    if not rows:
        rows.append(Criterion(id=1, text=FILLED) if kind == "criteria" else Scenario(id=1, title=FILLED))
    first: int = rows[0].id
    return first


def _links(kind: str) -> Callable[[Project, Any], bool]:
    def blank(project: Project, ids: Any) -> bool:
        known = {row.id for row in project.rows(kind)}
        return not any(i in known for i in ids)

    return blank


def _uncovered(project: Project, criterion: Criterion) -> bool:
    covered = {cid for s in project.scenarios for cid in s.criterion_ids}
    return criterion.verification == "scenario" and criterion.id not in covered


def _verified_by_document(_project: Project, criterion: Criterion) -> None:
    criterion.verification = "document"


def _link_criterion(project: Project, scenario: Scenario) -> None:
    scenario.criterion_ids = [_first_id(project, "criteria")]


def _link_pilot(project: Project, evaluation: Any) -> None:
    evaluation.pilot_scenario_ids = [_first_id(project, "scenarios")]


def _add_author(project: Project) -> None:
    project.authors.append(Author(id=project.next_id("authors"), name=FILLED))


def _concern_a_unit(project: Project) -> None:
    if project.business_units:
        project.business_units[0].role = "affected"


def _add_solution(project: Project) -> None:
    project.solutions.append(Solution(id=project.next_id("solutions"), name=FILLED, vendor=FILLED))


def _add_mandatory_criterion(project: Project) -> None:
    project.criteria.append(Criterion(id=project.next_id("criteria"), text=FILLED, kind="mandatory"))


def _add_scenario(project: Project) -> None:
    project.scenarios.append(Scenario(id=project.next_id("scenarios"), title=FILLED))


def _add_tco_option(project: Project) -> None:
    project.tco_options.append(TcoOption(id=project.next_id("tco_options"), name=FILLED))


Printed = Text | Value | Rows

PRINTED: list[Printed] = [
    # the project step
    Text("info", "organization"),
    Text("info", "title"),
    Text("info", "reference"),
    Value("info", "province", lambda _p, info: not PROVINCES.get(info.province.strip().upper()), _province),
    _day("info", "closing_date"),
    Value("info", "closing_time", lambda _p, info: parse_time(info.closing_time) is None, _closing_time),
    _day("info", "publication_date"),
    _day("info", "questions_deadline"),
    _day("info", "award_date"),
    _day("info", "contract_start"),
    Text("info", "submission_method"),
    Text("info", "officer_name"),
    Text("info", "officer_title"),
    Text("info", "contact_email"),
    # the problem
    Text("problem", "request_as_received"),
    Text("problem", "requesting_unit"),
    Text("problem", "statement"),
    Text("problem", "urgency_justification"),
    # the scope
    Text("business_units", "name"),
    Text("partners", "name"),
    # the market scan
    Text("solutions", "name"),
    Text("solutions", "vendor"),
    Text("features", "name"),
    # criteria and scenarios
    Value("criteria", "verification", _uncovered, _verified_by_document, whole_row=True),
    Text("scenarios", "title"),
    Text("scenarios", "context"),
    Text("scenarios", "steps"),
    Text("scenarios", "expected_result"),
    Text("scenarios", "evidence"),
    # evaluation
    Text("evaluation", "tie_break"),
    Text("evaluation", "pilot_description"),
    Text("quality_grid", "label"),
    # TCO and funding
    Text("tco_options", "name"),
    Text("tco", "funding_source"),
    # the statement of work
    Text("statement_of_work", "object"),
    # vendors and publication
    _day("vendor_exchanges", "date"),
    Text("vendor_exchanges", "vendor"),
    Text("vendor_exchanges", "staff_name"),
    Text("vendor_exchanges", "subject"),
    Text("publication", "provincial_platform"),
    # contract data: an amount or percentage asked, but 0
    Value(
        "contract_data",
        "bid_security_value",
        lambda _p, d: d.bid_security != "security_none" and not d.bid_security_value > 0,
        lambda _p, d: setattr(d, "bid_security_value", Decimal(5)),
    ),
    # lists with no row that prints
    Rows("authors", _add_author),
    Rows("business_units", _concern_a_unit),
    Rows("solutions", _add_solution),
    Rows("criteria", _add_mandatory_criterion),
    Rows("scenarios", _add_scenario),
    Rows("tco_options", _add_tco_option),
    # links to rows of another list, which the fill adds when there is none: after the
    # lists themselves, so a list with no row is named before a link to it
    Value(
        "scenarios",
        "criterion_ids",
        lambda p, s: _links("criteria")(p, s.criterion_ids),
        _link_criterion,
        ("criteria",),
    ),
    Value(
        "evaluation",
        "pilot_scenario_ids",
        lambda p, ev: ev.pilot_enabled and _links("scenarios")(p, ev.pilot_scenario_ids),
        _link_pilot,
        ("scenarios",),
    ),
]
"""Every field the documents print with a placeholder when blank, in the order tried."""


def candidates(project: Project) -> list[Candidate]:
    """The blank fields of ``project`` that :data:`PRINTED` lists, in its order."""
    return [c for entry in PRINTED for c in entry.candidates(project)]


def filled_copy(project: Project, chosen: list[Candidate], tokens: list[str]) -> Project:
    """A copy of ``project`` with each of ``chosen`` filled (with its token from
    ``tokens``, same order). Only the lists and sections they change are copied."""
    result = copy.copy(project)
    for kind in {k for c in chosen for k in c.kinds}:
        setattr(result, kind, copy.deepcopy(getattr(project, kind)))
    for candidate, token in zip(chosen, tokens, strict=True):
        candidate.fill(result, token)
    return result
