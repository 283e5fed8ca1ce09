"""The closed sets of values the model stores, as ``Literal`` types.

Each set is a ``Literal`` alias of the stored strings, so a value in a file, in the
JSON dump and in memory is the same plain string, and mypy rejects a misspelt one where
the code writes it (``criterion.kind = "mandatry"``). The tuple beside each alias lists
its values in display order (``typing.get_args``); the model's ``ClassVar`` tuples
(``Criterion.KINDS`` …) are these tuples.

A value outside its set given by a user is refused: by ``load`` (a hand-edited JSON
file) and by the operations (``codec.check_choices``). One already in a project file
(written by an earlier app) is kept as stored: nothing is lost and a round trip gives the
same file;
the checks report each one (PR-PROVINCE, PR-LANGUAGES, PR-BINDING-LANGUAGE, and
``checks/stored.py`` for every other choice: C-CHOICE …), labels show the raw value, and the tender languages are read
through :mod:`wizard.core.i18n.languages` with one fallback (docs/file-format.md,
"Choice values").

:func:`choices_of` gives the set of a model field from its annotation; the UI builds
its combo boxes from it and the tests check every bundled example against it.
"""

from __future__ import annotations

from dataclasses import fields
from typing import Any, Literal, TypeVar, get_args, get_origin, get_type_hints

# --- Project step -----------------------------------------------------------------

Language = Literal["fr", "en"]
"""A language a document is written in; also the legally binding version."""
LANGUAGES: tuple[Language, ...] = get_args(Language)

TenderLanguages = Literal["fr", "en", "both"]
"""The language(s) a tender is published in ("both": French and English)."""
TENDER_LANGUAGES: tuple[TenderLanguages, ...] = get_args(TenderLanguages)

ProvinceCode = Literal["AB", "BC", "MB", "NB", "NL", "NS", "NT", "NU", "ON", "PE", "QC", "SK", "YT"]
"""The 13 provinces and territories (``domain/provinces.py`` holds their names and laws)."""
PROVINCE_CODES: tuple[ProvinceCode, ...] = get_args(ProvinceCode)

Province = Literal["", ProvinceCode]
"""A province or territory code, or '' (not set yet)."""
PROVINCES: tuple[Province, ...] = get_args(Province)

# --- Scope --------------------------------------------------------------------------

Role = Literal["affected", "beneficiary", "consulted", "not_concerned"]
"""The role of a business unit in the need."""
ROLES: tuple[Role, ...] = get_args(Role)

Answer = Literal["", "yes", "no"]
"""An answer of the governance checklist ('' = not answered)."""
ANSWERS: tuple[Answer, ...] = get_args(Answer)

# --- Market scan --------------------------------------------------------------------

Licence = Literal["proprietary", "open_source"]
LICENCES: tuple[Licence, ...] = get_args(Licence)

Delivery = Literal["on_premises", "cloud", "hybrid"]
DELIVERIES: tuple[Delivery, ...] = get_args(Delivery)

SolutionSource = Literal[
    "public_documentation",
    "source_repository",
    "public_tender",
    "peer_town",
    "demo",
    "vendor_meeting",
]
"""Where the market scan found a solution."""
SOLUTION_SOURCES: tuple[SolutionSource, ...] = get_args(SolutionSource)

FeatureKind = Literal["feature", "standard"]
FEATURE_KINDS: tuple[FeatureKind, ...] = get_args(FeatureKind)

SupportLevel = Literal["yes", "partial", "no", "unknown"]
"""One cell of the market matrix."""
SUPPORT_LEVELS: tuple[SupportLevel, ...] = get_args(SupportLevel)

# --- Criteria -----------------------------------------------------------------------

CriterionCategory = Literal[
    "functional",
    "technical",
    "security",
    "privacy",
    "accessibility",
    "interoperability",
    "service",
]
CRITERION_CATEGORIES: tuple[CriterionCategory, ...] = get_args(CriterionCategory)

CriterionKind = Literal["mandatory", "optional"]
"""Mandatory (pass/fail) or optional (exactly 1 point)."""
CRITERION_KINDS: tuple[CriterionKind, ...] = get_args(CriterionKind)

Verification = Literal["document", "scenario", "software_access"]
"""How the committee verifies a criterion."""
VERIFICATIONS: tuple[Verification, ...] = get_args(Verification)

# --- Total cost of ownership ---------------------------------------------------------

CostCategory = Literal[
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
]
COST_CATEGORIES: tuple[CostCategory, ...] = get_args(CostCategory)

# --- Vendor relations ---------------------------------------------------------------

Channel = Literal["email", "phone", "meeting", "video", "event", "letter", "other"]
"""How an exchange with a vendor took place."""
CHANNELS: tuple[Channel, ...] = get_args(Channel)

DraftingRole = Literal["none", "helped_draft", "material_used", "material_not_used"]
"""What a vendor did towards the tender, as the register records it: no part
(``none``), helped draft it (``helped_draft``), supplied a template or specification
that was used (``material_used``), or supplied one that was received and not used
(``material_not_used``). Only ``helped_draft`` and ``material_used`` exclude the vendor
from the tender (:func:`wizard.core.clauses.library.excluded_vendor_names` decides)."""
DRAFTING_ROLES: tuple[DraftingRole, ...] = get_args(DraftingRole)

# --- Contract data ---------------------------------------------------------------------

BidSecurity = Literal["security_none", "security_amount", "security_percent"]
"""The bid security the tender asks for: none, a fixed amount in CAD, or a % of the bid price."""
BID_SECURITIES: tuple[BidSecurity, ...] = get_args(BidSecurity)

BidLanguages = Literal["as_tender", "fr", "en", "both"]
"""The language(s) bids may be written in ("as_tender": the tender's own languages)."""
BID_LANGUAGES: tuple[BidLanguages, ...] = get_args(BidLanguages)

PilotFailure = Literal["next_ranked", "cancel_award"]
"""What follows a failed pilot: the next-ranked bidder is offered the pilot, or the call ends."""
PILOT_FAILURES: tuple[PilotFailure, ...] = get_args(PilotFailure)

# --- Statement of work and contract terms (docs/statement-of-work.md) -----------------

SupportHours = Literal["business_hours", "extended_hours", "always"]
"""When the vendor's support answers: business hours (Monday to Friday, 8:00–17:00 in the
Town's time zone, holidays excepted), extended hours (7:00–19:00 every day) or around
the clock (24 hours a day, 7 days a week)."""
SUPPORT_HOURS: tuple[SupportHours, ...] = get_args(SupportHours)

SecurityAudit = Literal["audit_none", "audit_independent"]
"""Whether the vendor must show an independent security audit (a current SOC 2 Type II
report, an ISO/IEC 27001 certification or an equivalent independent audit)."""
SECURITY_AUDITS: tuple[SecurityAudit, ...] = get_args(SecurityAudit)

LiabilityCap = Literal["cap_multiple", "cap_unlimited", "cap_unstated"]
"""The contract's limitation of liability: capped at a multiple of the contract value
(with carve-outs), unlimited, or not stated (the vendor's own terms would then fill it)."""
LIABILITY_CAPS: tuple[LiabilityCap, ...] = get_args(LiabilityCap)

PaymentTerms = Literal["pay_milestones", "pay_periodic"]
"""How one-off work is paid: on accepted milestones, or periodically as it progresses."""
PAYMENT_TERMS: tuple[PaymentTerms, ...] = get_args(PaymentTerms)

PaymentPeriod = Literal["monthly", "quarterly", "yearly"]
"""How often recurring fees (subscription, support, hosting) are invoiced."""
PAYMENT_PERIODS: tuple[PaymentPeriod, ...] = get_args(PaymentPeriod)

PriceAdjustment = Literal["price_firm", "price_indexed"]
"""Prices firm for the whole term, or adjusted once a year by at most the change of the
consumer price index, within a cap."""
PRICE_ADJUSTMENTS: tuple[PriceAdjustment, ...] = get_args(PriceAdjustment)


# --- Reading the sets from the model's annotations ------------------------------------


def literal_values(kind: Any) -> tuple[str, ...] | None:
    """The values of a ``Literal`` annotation of strings, ``None`` for any other type."""
    if get_origin(kind) is not Literal:
        return None
    values = get_args(kind)
    return values if all(isinstance(v, str) for v in values) else None


def choices_of(cls: type, name: str) -> tuple[str, ...] | None:
    """The values of field ``name`` of a model dataclass when it is a choice, else
    ``None`` (``choices_of(Criterion, "kind") == ("mandatory", "optional")``)."""
    return choice_fields(cls).get(name)


_CHOICE_FIELDS: dict[type, dict[str, tuple[str, ...]]] = {}


def choice_fields(cls: type) -> dict[str, tuple[str, ...]]:
    """Field name → its values, for every choice field of a model dataclass."""
    known = _CHOICE_FIELDS.get(cls)
    if known is None:
        hints = get_type_hints(cls)
        known = _CHOICE_FIELDS[cls] = {
            f.name: values for f in fields(cls) if (values := literal_values(hints[f.name])) is not None
        }
    return known


Choice = TypeVar("Choice", bound=str)


def parse_choice(value: str, values: tuple[Choice, ...], default: Choice) -> Choice:
    """``value`` as a member of ``values`` (an exact match), else ``default``:
    ``parse_choice(lang, LANGUAGES, "fr")`` is a :data:`Language`."""
    for known in values:
        if known == value:
            return known
    return default
