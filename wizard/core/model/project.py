"""The whole project: its sections, its entity lists, and the tables that name them."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any, TypeVar

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

# --- The project -----------------------------------------------------------------

SECTIONS: dict[str, type] = {
    "info": ProjectInfo,
    "problem": Problem,
    "scope": Scope,
    "market": MarketSettings,
    "criteria_settings": CriteriaSettings,
    "evaluation": Evaluation,
    "contract_data": ContractData,
    "tco": TcoSettings,
    "statement_of_work": StatementOfWork,
    "publication": Publication,
    "export": ExportSettings,
}
"""Section attribute of :class:`Project` → its dataclass."""

ENTITIES: dict[str, type] = {
    "authors": Author,
    "business_units": BusinessUnit,
    "partners": Partner,
    "governance": GovernanceAnswer,
    "solutions": Solution,
    "features": Feature,
    "support": Support,
    "criteria": Criterion,
    "scenarios": Scenario,
    "committee": CommitteeMember,
    "jury": JuryMember,
    "quality_grid": QualityGridItem,
    "tco_options": TcoOption,
    "cost_lines": CostLine,
    "clause_choices": ClauseChoice,
    "vendor_exchanges": VendorExchange,
    "designated_staff": DesignatedStaff,
    "publication_items": PublicationItem,
    "justifications": Justification,
    "extra_brands": ExtraBrand,
    "translations": Translation,
}
"""List attribute of :class:`Project` → its entity dataclass (also the table name)."""

KIND_OF: dict[type, str] = {cls: kind for kind, cls in ENTITIES.items()}
"""Entity dataclass → its list attribute of :class:`Project` (``Criterion`` → ``"criteria"``)."""

Row = TypeVar("Row")


def kind_of(row_type: type) -> str:
    """The entity list of a row type (``Criterion`` → ``"criteria"``). Raises
    ``TypeError`` for a type that is not an entity of the model."""
    try:
        return KIND_OF[row_type]
    except KeyError:
        raise TypeError(f"{row_type.__name__} is not an entity of the project") from None


@dataclass
class Project:
    """A whole procurement project, as held in one ``.tender`` file."""

    info: ProjectInfo = field(default_factory=ProjectInfo)
    problem: Problem = field(default_factory=Problem)
    scope: Scope = field(default_factory=Scope)
    market: MarketSettings = field(default_factory=MarketSettings)
    criteria_settings: CriteriaSettings = field(default_factory=CriteriaSettings)
    evaluation: Evaluation = field(default_factory=Evaluation)
    contract_data: ContractData = field(default_factory=ContractData)
    tco: TcoSettings = field(default_factory=TcoSettings)
    statement_of_work: StatementOfWork = field(default_factory=StatementOfWork)
    publication: Publication = field(default_factory=Publication)
    export: ExportSettings = field(default_factory=ExportSettings)
    authors: list[Author] = field(default_factory=list)
    business_units: list[BusinessUnit] = field(default_factory=list)
    partners: list[Partner] = field(default_factory=list)
    governance: list[GovernanceAnswer] = field(default_factory=list)
    solutions: list[Solution] = field(default_factory=list)
    features: list[Feature] = field(default_factory=list)
    support: list[Support] = field(default_factory=list)
    criteria: list[Criterion] = field(default_factory=list)
    scenarios: list[Scenario] = field(default_factory=list)
    committee: list[CommitteeMember] = field(default_factory=list)
    jury: list[JuryMember] = field(default_factory=list)
    quality_grid: list[QualityGridItem] = field(default_factory=list)
    tco_options: list[TcoOption] = field(default_factory=list)
    cost_lines: list[CostLine] = field(default_factory=list)
    clause_choices: list[ClauseChoice] = field(default_factory=list)
    vendor_exchanges: list[VendorExchange] = field(default_factory=list)
    designated_staff: list[DesignatedStaff] = field(default_factory=list)
    publication_items: list[PublicationItem] = field(default_factory=list)
    justifications: list[Justification] = field(default_factory=list)
    extra_brands: list[ExtraBrand] = field(default_factory=list)
    translations: list[Translation] = field(default_factory=list)

    # -- helpers ---------------------------------------------------------------

    # ``rows`` and ``find`` take the list's name, for code that walks every list (the
    # store, the JSON form, the tables of the UI) and so holds it as a ``str``: they
    # return ``Any``. Code that knows the entity asks by its class, typed:
    # ``project.find_row(Criterion, 3)`` is a ``Criterion | None``.

    def rows(self, kind: str) -> list[Any]:
        """The list of entities of ``kind`` (a key of :data:`ENTITIES`).

        Raises ``KeyError`` for an unknown kind.
        """
        if kind not in ENTITIES:
            raise KeyError(kind)
        rows: list[Any] = getattr(self, kind)
        return rows

    def find(self, kind: str, row_id: int) -> Any | None:
        """The entity of ``kind`` with ``id == row_id``, or ``None``.

        A dict lookup: the position of each id in the list is kept (outside the
        dataclass fields) and checked on every call (the row at that position still
        has that id), so an edit that replaces, adds, removes or moves rows never
        gives a wrong answer; the positions are read again only when the check fails
        (issue 25: the app looked up every row of a 1,200-row table after each edit).
        """
        rows = self.rows(kind)
        # Keyed by the list itself: a shallow copy of the project (copy.copy) shares
        # this dict, and each of its lists has an entry of its own.
        kept: dict[int, tuple[list[Any], dict[int, int]]] = self.__dict__.setdefault("_positions", {})
        entry = kept.get(id(rows))
        if entry is not None and entry[0] is rows:
            position = entry[1].get(row_id)
            if position is not None and position < len(rows) and rows[position].id == row_id:
                return rows[position]
        positions: dict[int, int] = {}
        for position, row in enumerate(rows):
            positions.setdefault(row.id, position)
        if len(kept) > 64:  # lists replaced long ago
            kept.clear()
        kept[id(rows)] = (rows, positions)
        position = positions.get(row_id)
        return None if position is None else rows[position]

    def rows_of(self, row_type: type[Row]) -> list[Row]:
        """The list of entities of ``row_type`` (``rows_of(Criterion)`` is
        ``criteria``). Raises ``TypeError`` for a type that is not an entity."""
        rows: list[Row] = getattr(self, kind_of(row_type))
        return rows

    def find_row(self, row_type: type[Row], row_id: int) -> Row | None:
        """The entity of ``row_type`` with ``id == row_id``, or ``None``. Raises
        ``TypeError`` for a type that is not an entity."""
        found: Row | None = self.find(kind_of(row_type), row_id)
        return found

    def next_id(self, kind: str) -> int:
        """The next free id in the list ``kind`` (1 for an empty list)."""
        return max((row.id for row in self.rows(kind)), default=0) + 1

    def support_level(self, solution_id: int, feature_id: int) -> str:
        """The matrix cell for a solution and a feature ('unknown' when not set)."""
        for cell in self.support:
            if cell.solution_id == solution_id and cell.feature_id == feature_id:
                return cell.level
        return "unknown"


def field_names(cls: type) -> list[str]:
    """The attribute names of a section or entity dataclass, in declaration order."""
    return [f.name for f in fields(cls)]
