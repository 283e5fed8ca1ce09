"""The procurement project: every entity of SPEC §2.0–§2.9 as plain dataclasses.

The model is the single source of truth. The project file (``store.py``), the JSON
dump (``jsonio.py``), the checks and every export read it; the UI edits it through the
store, which commits each edit at once.

Shapes
------
* *Sections* are dataclasses with one instance per project (``Project.info``,
  ``Project.problem`` …). Each attribute is one autosaved field, addressed as
  ``"<section>.<attribute>"`` (e.g. ``"problem.statement"``).
* *Entities* are dataclasses kept in lists (``Project.criteria`` …). Each has an
  integer ``id`` unique within its list and is saved as one whole row (CASES K3),
  addressed as ``"<list>:<id>.<attribute>"`` (e.g. ``"criteria:3.text"``).
* Field types are limited to ``str``, ``int``, ``bool``, ``Decimal`` (money in CAD and
  percentages) and ``list[int]`` (links to other entities' ids); the store and the JSON
  dump derive their columns from these annotations.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from decimal import Decimal
from typing import Any, ClassVar

# --- Sections (one per project) -------------------------------------------------


@dataclass
class ProjectInfo:
    """§2.0 Project. Dates are ISO ``YYYY-MM-DD`` strings ('' when not set)."""

    organization: str = ""
    province: str = ""  # two-letter code, see provinces.PROVINCES
    title: str = ""
    reference: str = ""
    tender_languages: str = "fr"  # "fr" | "en" | "both"
    binding_language: str = "fr"  # "fr" | "en"
    officer_name: str = ""
    officer_title: str = ""
    contact_email: str = ""  # the officer is the bidders' single point of contact
    contact_phone: str = ""
    contact_address: str = ""  # postal address, one line per address line
    publication_date: str = ""
    questions_deadline: str = ""
    closing_date: str = ""
    closing_time: str = ""  # "HH:MM", 24 h, local time in time_zone
    time_zone: str = ""  # IANA zone ("America/Toronto"); '' = the province's (timezones.py)
    submission_method: str = ""  # how and where bids are submitted
    award_date: str = ""
    contract_start: str = ""


@dataclass
class Problem:
    """§2.1 Problem definition: the request as received and the need as defined."""

    request_as_received: str = ""
    requesting_unit: str = ""
    statement: str = ""
    context: str = ""
    urgent: bool = False
    urgency_justification: str = ""


@dataclass
class Scope:
    """§2.2 Scope flags that later steps and clauses use."""

    mission_critical: bool = False
    mission_critical_notes: str = ""
    personal_information: bool = False
    personal_information_notes: str = ""
    vendor_hosting: bool = False  # the vendor hosts the town's data (SaaS / cloud)
    custom_code: bool = False  # custom development or APIs are delivered


@dataclass
class MarketSettings:
    """§2.3 thresholds, in % of scanned solutions / of common features."""

    common_threshold_pct: int = 75
    underperforming_pct: int = 50


@dataclass
class CriteriaSettings:
    """§2.4: pass threshold for optional criteria, in % (the guide: at least 70 %)."""

    pass_threshold_pct: int = 70


@dataclass
class Evaluation:
    """§2.6 Evaluation and award. Weights are points out of 100."""

    quality_weight: int = 70
    price_weight: int = 30
    tie_break: str = ""
    quebec_weighted: bool = False
    pilot_enabled: bool = False
    pilot_description: str = ""
    pilot_scenario_ids: list[int] = field(default_factory=list)


@dataclass
class TcoSettings:
    """§2.7 horizon in years (1–15) and real discount rate in % per year."""

    horizon_years: int = 5
    discount_rate_pct: Decimal = Decimal("7")
    include_taxes: bool = True


@dataclass
class Publication:
    """§2.9 diffusion of the tender."""

    provincial_platform: str = ""
    free_platforms: str = ""
    notify_scanned_vendors: bool = True
    translation_notes: str = ""
    open_data_url: str = ""
    ocid_prefix: str = ""  # the town's OCDS prefix ("ocds-a1b2c3"); '' = placeholder


@dataclass
class ExportSettings:
    """§4 export options. Personal names stay out of open data unless opted in."""

    include_personal_names: bool = False


# --- Entities (lists) ------------------------------------------------------------


@dataclass
class Author:
    """A person who wrote the tender (§2.0); may not sit on the jury (E-JURY-AUTHOR)."""

    id: int = 0
    name: str = ""
    role: str = ""


@dataclass
class BusinessUnit:
    """§2.2 A unit of the town and its role in this need."""

    ROLES: ClassVar[tuple[str, ...]] = (
        "affected",
        "beneficiary",
        "consulted",
        "not_concerned",
    )
    id: int = 0
    name: str = ""
    role: str = "not_concerned"
    notes: str = ""


@dataclass
class Partner:
    """§2.2 An external partner (paramedics, regional police, a neighbouring town…)."""

    id: int = 0
    name: str = ""
    notes: str = ""


@dataclass
class GovernanceAnswer:
    """§2.2 One item of the governance checklist; ``key`` is a governance.ITEMS key."""

    ANSWERS: ClassVar[tuple[str, ...]] = ("", "yes", "no")
    id: int = 0
    key: str = ""
    answer: str = ""
    notes: str = ""


@dataclass
class Solution:
    """§2.3 A solution found by the neutral market scan."""

    LICENCES: ClassVar[tuple[str, ...]] = ("proprietary", "open_source")
    DELIVERIES: ClassVar[tuple[str, ...]] = ("on_premises", "cloud", "hybrid")
    SOURCES: ClassVar[tuple[str, ...]] = (
        "public_documentation",
        "source_repository",
        "public_tender",
        "peer_town",
        "demo",
        "vendor_meeting",
    )
    id: int = 0
    name: str = ""
    vendor: str = ""
    licence: str = "proprietary"
    delivery: str = "on_premises"
    hosting_in_canada: bool = False
    source: str = "public_documentation"
    notes: str = ""


@dataclass
class Feature:
    """§2.3 A functional capability or a standard (ISO/IEC, OGC, W3C/WCAG, IETF…)."""

    KINDS: ClassVar[tuple[str, ...]] = ("feature", "standard")
    id: int = 0
    name: str = ""
    kind: str = "feature"
    description: str = ""


@dataclass
class Support:
    """§2.3 One cell of the matrix solution × feature."""

    LEVELS: ClassVar[tuple[str, ...]] = ("yes", "partial", "no", "unknown")
    id: int = 0
    solution_id: int = 0
    feature_id: int = 0
    level: str = "unknown"


@dataclass
class Criterion:
    """§2.4 A mandatory (pass/fail) or optional (exactly 1 point) criterion."""

    CATEGORIES: ClassVar[tuple[str, ...]] = (
        "functional",
        "technical",
        "security",
        "privacy",
        "accessibility",
        "interoperability",
        "service",
    )
    KINDS: ClassVar[tuple[str, ...]] = ("mandatory", "optional")
    VERIFICATIONS: ClassVar[tuple[str, ...]] = ("document", "scenario", "software_access")
    id: int = 0
    text: str = ""
    category: str = "functional"
    kind: str = "mandatory"
    feature_ids: list[int] = field(default_factory=list)
    verification: str = "scenario"


@dataclass
class Scenario:
    """§2.5 A test scenario, verified by the technical committee instead of a demo."""

    id: int = 0
    title: str = ""
    context: str = ""
    steps: str = ""
    expected_result: str = ""
    criterion_ids: list[int] = field(default_factory=list)
    evidence: str = ""


@dataclass
class CommitteeMember:
    """§2.5 A member of the technical committee."""

    id: int = 0
    name: str = ""
    role: str = ""


@dataclass
class JuryMember:
    """§2.6 A member of the selection jury, with their conflict-of-interest declaration."""

    id: int = 0
    name: str = ""
    role: str = ""
    declaration_signed: bool = False
    conflict_notes: str = ""


@dataclass
class QualityGridItem:
    """§2.6 Québec weighted system: one quality criterion and its points out of 100."""

    id: int = 0
    label: str = ""
    points: int = 0


@dataclass
class TcoOption:
    """§2.7 An option compared by total cost of ownership (e.g. on premises vs cloud)."""

    id: int = 0
    name: str = ""
    description: str = ""


@dataclass
class CostLine:
    """§2.7 A cost line of an option, in CAD before taxes.

    ``year`` is the first year it is paid (0 = at acquisition). When ``recurring``, it
    is paid every year from ``year`` to ``end_year`` (0 = to the horizon), growing by
    ``escalation_pct`` % per year.
    """

    CATEGORIES: ClassVar[tuple[str, ...]] = (
        "licences",
        "implementation",
        "migration_in",
        "training",
        "hosting",
        "support",
        "subscriptions",
        "staff_time",
        "security_privacy",
        "exit_extraction",
        "exit_migration",
        "exit_dual_running",
    )
    id: int = 0
    option_id: int = 0
    category: str = "licences"
    label: str = ""
    year: int = 0
    amount: Decimal = Decimal("0")
    recurring: bool = False
    end_year: int = 0
    escalation_pct: Decimal = Decimal("0")
    payer: str = ""


@dataclass
class ClauseChoice:
    """§2.8 A project's decision about one library clause: toggled or edited."""

    id: int = 0
    clause_id: str = ""
    included: bool = True
    custom_fr: str = ""  # '' = the library text
    custom_en: str = ""


@dataclass
class VendorExchange:
    """§2.9 One exchange with a vendor, as recorded in the register."""

    CHANNELS: ClassVar[tuple[str, ...]] = (
        "email",
        "phone",
        "meeting",
        "video",
        "event",
        "letter",
        "other",
    )
    id: int = 0
    date: str = ""
    vendor: str = ""
    staff_name: str = ""
    staff_role: str = ""
    channel: str = "email"
    initiated_by_vendor: bool = False
    subject: str = ""
    documents: str = ""
    routed_to_cio: bool = False
    publishable: bool = True
    demo: bool = False
    nda_signed: bool = False
    helped_drafting: bool = False
    rfi: bool = False


@dataclass
class DesignatedStaff:
    """§2.9 Staff allowed to speak with vendors (IT and procurement only)."""

    id: int = 0
    name: str = ""
    role: str = ""


@dataclass
class PublicationItem:
    """§2.9 One item of the publication plan; ``key`` is a publication.ITEMS key."""

    id: int = 0
    key: str = ""
    planned: bool = True
    planned_date: str = ""
    place: str = ""


@dataclass
class Justification:
    """A finding marked justified, with the written reason (listed in the record)."""

    id: int = 0
    code: str = ""
    field: str = ""
    reason: str = ""


@dataclass
class ExtraBrand:
    """A brand, product or vendor name added by the user to the detector (§3.1)."""

    id: int = 0
    name: str = ""


# --- The project -----------------------------------------------------------------

SECTIONS: dict[str, type] = {
    "info": ProjectInfo,
    "problem": Problem,
    "scope": Scope,
    "market": MarketSettings,
    "criteria_settings": CriteriaSettings,
    "evaluation": Evaluation,
    "tco": TcoSettings,
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
}
"""List attribute of :class:`Project` → its entity dataclass (also the table name)."""


@dataclass
class Project:
    """A whole procurement project, as held in one ``.tender`` file."""

    info: ProjectInfo = field(default_factory=ProjectInfo)
    problem: Problem = field(default_factory=Problem)
    scope: Scope = field(default_factory=Scope)
    market: MarketSettings = field(default_factory=MarketSettings)
    criteria_settings: CriteriaSettings = field(default_factory=CriteriaSettings)
    evaluation: Evaluation = field(default_factory=Evaluation)
    tco: TcoSettings = field(default_factory=TcoSettings)
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

    # -- helpers ---------------------------------------------------------------

    def rows(self, kind: str) -> list[Any]:
        """The list of entities of ``kind`` (a key of :data:`ENTITIES`).

        Raises ``KeyError`` for an unknown kind.
        """
        if kind not in ENTITIES:
            raise KeyError(kind)
        rows: list[Any] = getattr(self, kind)
        return rows

    def find(self, kind: str, row_id: int) -> Any | None:
        """The entity of ``kind`` with ``id == row_id``, or ``None``."""
        for row in self.rows(kind):
            if row.id == row_id:
                return row
        return None

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
