"""The entities of a project, kept in lists (``Project.criteria`` …).

Each has an integer ``id`` unique within its list and is saved as one whole row,
addressed as ``"<list>:<id>.<attribute>"``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import ClassVar

from wizard.core.model import choices
from wizard.core.model.choices import (
    Answer,
    Channel,
    CostCategory,
    CriterionCategory,
    CriterionKind,
    Delivery,
    DraftingRole,
    FeatureKind,
    Language,
    Licence,
    Role,
    SolutionSource,
    SupportLevel,
    Verification,
)


@dataclass
class Author:
    """A person who wrote the tender; may not sit on the jury (E-JURY-AUTHOR)."""

    id: int = 0
    name: str = ""
    role: str = ""


@dataclass
class BusinessUnit:
    """A unit of the town and its role in this need."""

    ROLES: ClassVar[tuple[Role, ...]] = choices.ROLES
    id: int = 0
    name: str = ""
    role: Role = "not_concerned"
    notes: str = ""


@dataclass
class Partner:
    """An external partner (paramedics, regional police, a neighbouring town…)."""

    id: int = 0
    name: str = ""
    notes: str = ""


@dataclass
class GovernanceAnswer:
    """One item of the governance checklist; ``key`` is a governance.ITEMS key."""

    ANSWERS: ClassVar[tuple[Answer, ...]] = choices.ANSWERS
    id: int = 0
    key: str = ""
    answer: Answer = ""
    notes: str = ""


@dataclass
class Solution:
    """A solution found by the neutral market scan."""

    LICENCES: ClassVar[tuple[Licence, ...]] = choices.LICENCES
    DELIVERIES: ClassVar[tuple[Delivery, ...]] = choices.DELIVERIES
    SOURCES: ClassVar[tuple[SolutionSource, ...]] = choices.SOLUTION_SOURCES
    id: int = 0
    name: str = ""
    vendor: str = ""
    licence: Licence = "proprietary"
    delivery: Delivery = "on_premises"
    hosting_in_canada: bool = False
    source: SolutionSource = "public_documentation"
    notes: str = ""


@dataclass
class Feature:
    """A functional capability or a standard (ISO/IEC, OGC, W3C/WCAG, IETF…)."""

    KINDS: ClassVar[tuple[FeatureKind, ...]] = choices.FEATURE_KINDS
    id: int = 0
    name: str = ""
    kind: FeatureKind = "feature"
    description: str = ""


@dataclass
class Support:
    """One cell of the matrix solution × feature."""

    LEVELS: ClassVar[tuple[SupportLevel, ...]] = choices.SUPPORT_LEVELS
    id: int = 0
    solution_id: int = 0
    feature_id: int = 0
    level: SupportLevel = "unknown"


@dataclass
class Criterion:
    """A mandatory (pass/fail) or optional (exactly 1 point) criterion."""

    CATEGORIES: ClassVar[tuple[CriterionCategory, ...]] = choices.CRITERION_CATEGORIES
    KINDS: ClassVar[tuple[CriterionKind, ...]] = choices.CRITERION_KINDS
    VERIFICATIONS: ClassVar[tuple[Verification, ...]] = choices.VERIFICATIONS
    id: int = 0
    text: str = ""
    category: CriterionCategory = "functional"
    kind: CriterionKind = "mandatory"
    feature_ids: list[int] = field(default_factory=list)
    verification: Verification = "scenario"


@dataclass
class Scenario:
    """A test scenario, verified by the technical committee instead of a demo."""

    id: int = 0
    title: str = ""
    context: str = ""
    steps: str = ""
    expected_result: str = ""
    criterion_ids: list[int] = field(default_factory=list)
    evidence: str = ""


@dataclass
class CommitteeMember:
    """A member of the technical committee (test scenarios step)."""

    id: int = 0
    name: str = ""
    role: str = ""


@dataclass
class JuryMember:
    """A member of the selection jury, with their conflict-of-interest declaration."""

    id: int = 0
    name: str = ""
    role: str = ""
    declaration_signed: bool = False
    conflict_notes: str = ""


@dataclass
class QualityGridItem:
    """Québec weighted system: one quality criterion and its points out of 100."""

    id: int = 0
    label: str = ""
    points: int = 0


@dataclass
class TcoOption:
    """An option compared by total cost of ownership (e.g. on premises vs cloud)."""

    id: int = 0
    name: str = ""
    description: str = ""


@dataclass
class CostLine:
    """A cost line of an option, in CAD before taxes.

    ``year`` is the first year it is paid (0 = at acquisition). When ``recurring``, it
    is paid every year from ``year`` to ``end_year`` (0 = to the horizon), growing by
    ``escalation_pct`` % per year.
    """

    CATEGORIES: ClassVar[tuple[CostCategory, ...]] = choices.COST_CATEGORIES
    id: int = 0
    option_id: int = 0
    category: CostCategory = "licences"
    label: str = ""
    year: int = 0
    amount: Decimal = Decimal("0")
    recurring: bool = False
    end_year: int = 0
    escalation_pct: Decimal = Decimal("0")
    payer: str = ""


@dataclass
class ClauseChoice:
    """A project's decision about one library clause: toggled or edited."""

    id: int = 0
    clause_id: str = ""
    included: bool = True
    custom_fr: str = ""  # '' = the library text
    custom_en: str = ""


@dataclass
class VendorExchange:
    """One exchange with a vendor, as recorded in the register.

    ``drafting`` says what the vendor did towards the tender (``choices.DraftingRole``):
    a vendor is excluded as a drafting contributor only for ``helped_draft`` or
    ``material_used``; ``material_not_used`` is recorded and excludes no one."""

    CHANNELS: ClassVar[tuple[Channel, ...]] = choices.CHANNELS
    DRAFTING_ROLES: ClassVar[tuple[DraftingRole, ...]] = choices.DRAFTING_ROLES
    id: int = 0
    date: str = ""
    vendor: str = ""
    staff_name: str = ""
    staff_role: str = ""
    channel: Channel = "email"
    initiated_by_vendor: bool = False
    subject: str = ""
    documents: str = ""
    routed_to_cio: bool = False
    publishable: bool = True
    demo: bool = False
    nda_signed: bool = False
    drafting: DraftingRole = "none"
    rfi: bool = False


@dataclass
class DesignatedStaff:
    """Staff allowed to speak with vendors (IT and procurement only)."""

    id: int = 0
    name: str = ""
    role: str = ""


@dataclass
class PublicationItem:
    """One item of the publication plan; ``key`` is a publication.ITEMS key."""

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
    """A brand, product or vendor name added by the user to the detector."""

    id: int = 0
    name: str = ""


@dataclass
class Translation:
    """The other language's version of one user text (docs/bilingual.md).

    ``address`` is the model address of the text (``problem.statement``,
    ``criteria:3.text``: a field of ``model.translatable.TRANSLATABLE``), ``lang`` the
    language of this version ("fr" | "en", never the project's text language), ``text``
    the version itself. One row per (address, lang); the field itself holds the text in
    ``info.text_language``."""

    LANGS: ClassVar[tuple[Language, ...]] = choices.LANGUAGES
    id: int = 0
    address: str = ""
    lang: Language = "en"
    text: str = ""
