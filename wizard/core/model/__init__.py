"""The procurement project: every entity of the wizard's steps as plain dataclasses.

The model is the single source of truth. The project file (``project_file/store.py``),
the JSON dump (``project_file/jsonio.py``), the checks and every export read it; the UI
edits it through the store, which commits each edit at once. The sections are in
``sections.py``, the entities in ``entities.py``, the :class:`Project` that holds them
and the tables that name them in ``project.py``; ``defaults.py`` fills a new project.

Shapes
------
* *Sections* are dataclasses with one instance per project (``Project.info``,
  ``Project.problem`` …). Each attribute is one autosaved field, addressed as
  ``"<section>.<attribute>"`` (e.g. ``"problem.statement"``).
* *Entities* are dataclasses kept in lists (``Project.criteria`` …). Each has an
  integer ``id`` unique within its list and is saved as one whole row (docs/cases.md K3),
  addressed as ``"<list>:<id>.<attribute>"`` (e.g. ``"criteria:3.text"``). Code that
  knows the entity reads it typed, by its class (``project.find_row(Criterion, 3)``,
  ``project.rows_of(Criterion)``); ``rows(kind)`` and ``find(kind, id)`` take the
  list's name as a ``str`` and return ``Any``, for code that walks every list.
* Field types are limited to ``str``, ``int``, ``bool``, ``Decimal`` (money in CAD and
  percentages) and ``list[int]`` (links to other entities' ids); the store and the JSON
  dump derive their columns from these annotations. A closed set of values is a
  ``Literal`` of strings (``choices.py``: ``CriterionKind`` …), stored as a ``str``.
"""

from wizard.core.model import choices
from wizard.core.model.entities import (
    Author,
    BusinessUnit,
    ClauseChoice,
    CommitteeMember,
    CostLine,
    Criterion,
    DesignatedStaff,
    ExtraBrand,
    Feature,
    GovernanceAnswer,
    JuryMember,
    Justification,
    Partner,
    PublicationItem,
    QualityGridItem,
    Scenario,
    Solution,
    Support,
    TcoOption,
    Translation,
    VendorExchange,
)
from wizard.core.model.project import ENTITIES, KIND_OF, SECTIONS, Project, field_names, kind_of
from wizard.core.model.sections import (
    ContractData,
    CriteriaSettings,
    Evaluation,
    ExportSettings,
    MarketSettings,
    Problem,
    ProjectInfo,
    Publication,
    Scope,
    StatementOfWork,
    TcoSettings,
)

__all__ = [
    "Author",
    "BusinessUnit",
    "ClauseChoice",
    "CommitteeMember",
    "ContractData",
    "CostLine",
    "CriteriaSettings",
    "Criterion",
    "DesignatedStaff",
    "ENTITIES",
    "KIND_OF",
    "Evaluation",
    "ExportSettings",
    "ExtraBrand",
    "Feature",
    "GovernanceAnswer",
    "JuryMember",
    "Justification",
    "MarketSettings",
    "Partner",
    "Problem",
    "Project",
    "ProjectInfo",
    "Publication",
    "PublicationItem",
    "QualityGridItem",
    "SECTIONS",
    "Scenario",
    "Scope",
    "Solution",
    "StatementOfWork",
    "Support",
    "TcoOption",
    "TcoSettings",
    "Translation",
    "VendorExchange",
    "choices",
    "field_names",
    "kind_of",
]
