"""The sections of a project: one instance of each per project (``Project.info`` …).

Each attribute is one autosaved field, addressed as ``"<section>.<attribute>"``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from wizard.core.model.choices import (
    BidLanguages,
    BidSecurity,
    Language,
    LiabilityCap,
    PaymentPeriod,
    PaymentTerms,
    PilotFailure,
    PriceAdjustment,
    Province,
    SecurityAudit,
    SupportHours,
    TenderLanguages,
)


@dataclass
class ProjectInfo:
    """The Project step. Dates are ISO ``YYYY-MM-DD`` strings ('' when not set)."""

    organization: str = ""
    province: Province = ""  # two-letter code, see domain/provinces.py
    title: str = ""
    reference: str = ""
    tender_languages: TenderLanguages = "fr"  # read it with i18n.languages.tender_languages
    binding_language: Language = "fr"  # read it with i18n.languages.binding_language
    text_language: Language = (
        "fr"  # the language the texts are typed in; read it with i18n.languages.text_language
    )
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
    min_submission_days: int = 0  # the Town's minimum from publication to closing; 0 = the default (15)
    award_date: str = ""
    contract_start: str = ""


@dataclass
class Problem:
    """Problem definition: the request as received and the need as defined."""

    request_as_received: str = ""
    requesting_unit: str = ""
    statement: str = ""
    context: str = ""
    urgent: bool = False
    urgency_justification: str = ""


@dataclass
class Scope:
    """Scope flags that later steps and clauses use."""

    mission_critical: bool = False
    mission_critical_notes: str = ""
    personal_information: bool = False
    personal_information_notes: str = ""
    employee_locations: bool = False  # the solution records where the Town's employees are
    vendor_hosting: bool = False  # the vendor hosts the town's data (SaaS / cloud)
    custom_code: bool = False  # custom development or APIs are delivered


@dataclass
class MarketSettings:
    """Market scan thresholds, in % of scanned solutions / of common features."""

    common_threshold_pct: int = 75
    underperforming_pct: int = 50


@dataclass
class CriteriaSettings:
    """Criteria: the pass threshold for optional criteria, in % (the guide: at least 70 %)."""

    pass_threshold_pct: int = 70


@dataclass
class Evaluation:
    """Evaluation and award. Weights are points out of 100.

    ``professional_services``: the contract is one for professional services (Québec: the
    statutory two-step weighted system is then mandatory, ``domain.evaluation.quebec_statute``);
    ``committee_secretary``: the name of the selection committee's secretary, who runs
    the committee without scoring (Québec's weighted system); ``pilot_weeks``: how long
    the paid pilot runs, in weeks after its award (0 = not stated), which the bids'
    validity must cover (check ``PR-PILOT-VALIDITY``).
    """

    quality_weight: int = 70
    price_weight: int = 30
    tie_break: str = ""
    quebec_weighted: bool = False
    professional_services: bool = False
    committee_secretary: str = ""
    pilot_enabled: bool = False
    pilot_description: str = ""
    pilot_scenario_ids: list[int] = field(default_factory=list)
    pilot_weeks: int = 0


@dataclass
class ContractData:
    """The rules of the call for tenders, the contract data: what the
    instructions to bidders, the forms and the pilot's logistics print
    (``documents/tender_instructions.py``). Every default is a sensible one for a small
    town, and the Project page says it is a default.

    ``bid_validity_days``: days after closing during which a bid is irrevocable (90);
    ``bid_security``: none, a fixed amount (``bid_security_value`` in CAD) or a % of the
    bid's total price (``bid_security_value`` in %); ``last_addendum_days``: no addendum
    is issued later than this many days before closing (7); ``opening_place``: where bids
    are opened in public ('' = the contact's postal address; printed in Québec only, for now
    read from ``info.province``); ``scenario_sessions_days``: scenario sessions take place
    within this many days after closing (20); ``bid_languages``: the language(s) bids may
    be written in; ``debriefing``: an unsuccessful bidder may ask for a debriefing;
    ``pilot_failure``: what follows a failed pilot; ``award_documents_days``: the
    successful bidder provides the documents the award requires (the signed Contract, the
    proofs the Contract asks for) within this many days of the notice of award (10);
    ``debriefing_days``: an unsuccessful bidder asks for its debriefing within this many
    days of the notice of award (30).
    """

    bid_validity_days: int = 90
    bid_security: BidSecurity = "security_none"
    bid_security_value: Decimal = Decimal(0)
    last_addendum_days: int = 7
    opening_place: str = ""
    scenario_sessions_days: int = 20
    bid_languages: BidLanguages = "as_tender"
    debriefing: bool = True
    pilot_failure: PilotFailure = "next_ranked"
    award_documents_days: int = 10
    debriefing_days: int = 30


@dataclass
class StatementOfWork:
    """The statement of work and the contract terms (the step after the TCO,
    docs/statement-of-work.md): what the tender's statement of work, its service-level and
    security schedule, its commercial clauses and its form of agreement print. Every
    default is sized for a small town and the page says it is a default; 0 in a count or
    an objective means "not stated" unless said otherwise.

    Object and quantities: ``object`` is the contract's object in the third person ("a
    hosted learning management system for the Town's employees"), not the need;
    ``users``, ``sites``, ``devices``, ``records``: the quantities bidders price (0 = not
    applicable); ``quantities_notes``: anything else to size the bid.

    Term: ``term_years`` (initial term, years, from ``info.contract_start``), then up to
    ``renewals`` renewals of ``renewal_years`` each at the Town's option.

    Deliverables (``deliver_*``: implementation, data migration, integrations, training,
    documentation; ``other_deliverables``), ``go_live_weeks`` (in production within this
    many weeks of the start), ``acceptance_days`` (the Town's acceptance testing period
    after each deliverable; 0 = no acceptance testing), ``warranty_months`` (after final
    acceptance).

    Service levels: ``availability_pct`` (monthly, % of the time; 0 = none stated),
    ``support_hours``, response and resolution times in hours by severity (critical:
    the service is down or data is at risk; major: a function is unusable without a
    workaround; minor: the rest), ``rto_hours`` / ``rpo_hours`` (recovery time and point
    objectives; 0 = not stated), ``service_credit_pct`` (% of the month's recurring fee
    credited per full point of availability missed), ``service_credit_cap_pct`` (the
    month's credits at most this % of its fee), ``sla_termination_months`` (the Town may
    terminate for default when the availability is missed this many months in any 12).

    Security: ``security_audit``, ``penetration_test`` (an independent test every year,
    its summary shared), ``encryption`` (in transit and at rest), ``log_retention_days``,
    ``background_checks`` (for the vendor's people who can reach the Town's data).

    Insurance (CAD, 0 = not required): ``insurance_general_cad`` (commercial general
    liability per occurrence), ``insurance_professional_cad`` (professional liability /
    errors and omissions), ``insurance_cyber_cad`` (cyber and privacy liability).

    Liability: ``liability_cap`` and ``liability_cap_multiple`` (times the contract's total
    value; data, privacy, intellectual property and gross or intentional fault are never
    capped).

    Payment: ``payment_terms``, ``payment_period``, ``holdback_pct`` (held on one-off
    payments until final acceptance), ``payment_days`` (an invoice is paid within this
    many days); ``price_adjustment`` and ``price_adjustment_cap_pct`` (% per year);
    ``termination_notice_days`` (termination for convenience); ``key_personnel`` (named
    key people replaced only with the Town's consent).
    """

    object: str = ""
    users: int = 0
    sites: int = 0
    devices: int = 0
    records: int = 0
    quantities_notes: str = ""
    term_years: int = 3
    renewals: int = 2
    renewal_years: int = 1
    deliver_implementation: bool = True
    deliver_migration: bool = True
    deliver_integrations: bool = False
    deliver_training: bool = True
    deliver_documentation: bool = True
    other_deliverables: str = ""
    go_live_weeks: int = 16
    acceptance_days: int = 30
    warranty_months: int = 12
    availability_pct: Decimal = Decimal("99.5")
    support_hours: SupportHours = "business_hours"
    response_critical_hours: int = 1
    resolution_critical_hours: int = 8
    response_major_hours: int = 4
    resolution_major_hours: int = 24
    response_minor_hours: int = 8
    resolution_minor_hours: int = 80
    rto_hours: int = 8
    rpo_hours: int = 24
    service_credit_pct: Decimal = Decimal("5")
    service_credit_cap_pct: Decimal = Decimal("25")
    sla_termination_months: int = 3
    security_audit: SecurityAudit = "audit_independent"
    penetration_test: bool = True
    encryption: bool = True
    log_retention_days: int = 365
    background_checks: bool = False
    insurance_general_cad: Decimal = Decimal("2000000")
    insurance_professional_cad: Decimal = Decimal("1000000")
    insurance_cyber_cad: Decimal = Decimal("1000000")
    liability_cap: LiabilityCap = "cap_multiple"
    liability_cap_multiple: Decimal = Decimal("2")
    payment_terms: PaymentTerms = "pay_milestones"
    payment_period: PaymentPeriod = "yearly"
    holdback_pct: Decimal = Decimal("10")
    payment_days: int = 30
    price_adjustment: PriceAdjustment = "price_indexed"
    price_adjustment_cap_pct: Decimal = Decimal("3")
    termination_notice_days: int = 30
    key_personnel: bool = False


@dataclass
class TcoSettings:
    """TCO horizon in years (1–15) and real discount rate in % per year (docs/tco.md),
    and the funding the decision record states (docs/documents.md).

    ``funding_source``: where the money comes from, as council would name it ("the 2027
    capital budget, IT renewal reserve"); ``budget_cad``: the budget available, in CAD
    (0 = not stated); ``estimate_cad``: the estimated cost council is asked to fund, in
    CAD before taxes (0 = the TCO's: the nominal total over the horizon of the option with
    the lowest net present value, ``documents/record_funding.py``).
    """

    horizon_years: int = 5
    discount_rate_pct: Decimal = Decimal("7")
    include_taxes: bool = True
    funding_source: str = ""
    budget_cad: Decimal = Decimal(0)
    estimate_cad: Decimal = Decimal(0)


DEFAULT_LICENSE = "https://creativecommons.org/licenses/by/4.0/"
"""The open-data licence a new project starts with: Creative Commons Attribution 4.0, an
attribution-only open licence that the OCDS publishing guidance accepts; the town
chooses its own (docs/open-data.md, "Licence")."""


@dataclass
class Publication:
    """Diffusion of the tender and its open data (vendor relations step).

    The open-data fields feed the OCDS package (docs/open-data.md): the town's OCDS
    prefix, where the package will be published, its licence and publication policy
    (web addresses), the town's organization identifier (an org-id scheme such as
    ``CA-CRA_ACR`` and the town's number in it), how bids may be submitted, the item
    classification (a scheme of the ``itemClassificationScheme`` codelist, a code and
    its description, typed by the town) and whether the estimated cost and the budget of
    the funding section (``tco.estimate_cad``, ``tco.budget_cad``) are published.
    """

    provincial_platform: str = ""
    free_platforms: str = ""
    notify_scanned_vendors: bool = True
    translation_notes: str = ""
    open_data_url: str = ""  # the town's open data portal (a page, for people)
    ocid_prefix: str = ""  # the town's OCDS prefix ("ocds-a1b2c3"); '' = placeholder
    package_url: str = ""  # where the OCDS package file will be published
    license_url: str = DEFAULT_LICENSE
    publication_policy_url: str = ""
    publisher_scheme: str = "CA-CRA_ACR"  # org-id list: Canada Revenue Agency business number
    publisher_id: str = ""  # the town's number in that list ('' = none published)
    bids_electronic: bool = True  # bids may be submitted electronically (a platform)
    bids_on_paper: bool = False  # bids may be submitted on paper (mail, courier, by hand)
    item_scheme: str = "UNSPSC"
    item_code: str = ""
    item_description: str = ""
    publish_estimate: bool = False  # publish the estimate and budget (tender.value, planning.budget)


@dataclass
class ExportSettings:
    """Export options. Personal names stay out of open data unless opted in.

    ``name_compliant_products``: the decision record names the scanned products that meet
    every mandatory criterion. Off by default: before the tender closes, naming them would
    look like targeting; meaningful only after award.
    """

    include_personal_names: bool = False
    name_compliant_products: bool = False
