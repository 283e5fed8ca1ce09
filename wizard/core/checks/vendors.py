"""Checks of vendor relations and transparency.

Codes (on the register row): ``V-UNDESIGNATED`` (warning: staff not in the designated
list; names compared without case or accents), ``V-DEMO`` (warning: a demo outside the
tender), ``V-NDA`` (error), ``V-DRAFTING`` (warning: the vendor helped draft the tender
or supplied a template or specification that it used, so it is excluded and the tender
says so; :func:`clauses.excluded_for_drafting` decides), ``V-MATERIAL-UNUSED`` (info: a
template or specification received and not used is recorded, is not an exclusion, and
the tender says nothing of it), ``V-RFI`` (info: an RFI instead of a neutral market
scan), ``V-NOT-ROUTED`` (info: not routed to the CIO); ``V-NO-STAFF`` (info: exchanges
but no designated staff).
"""

from __future__ import annotations

from wizard.core.checks import principles
from wizard.core.checks.base import Finding, Severity, finding
from wizard.core.checks.evaluation import person_key
from wizard.core.clauses import library as clauses
from wizard.core.i18n import N_
from wizard.core.model import Project, VendorExchange

_FLAGS = (
    (
        "demo",
        "V-DEMO",
        Severity.WARNING,
        N_("{vendor}: a demo outside the tender. Use test scenarios within the tender instead."),
        principles.SCENARIOS,
    ),
    (
        "nda_signed",
        "V-NDA",
        Severity.ERROR,
        N_("{vendor}: a non-disclosure agreement was signed. Public procurement must stay public."),
        principles.NO_NDA,
    ),
    (
        "rfi",
        "V-RFI",
        Severity.INFO,
        N_(
            "{vendor}: a request for information. A neutral market scan of public sources tells "
            "you more without favouring anyone."
        ),
        principles.NEUTRAL_SCAN,
    ),
)


def excluded_vendors(project: Project) -> list[str]:
    """Vendors excluded as drafting contributors (V-DRAFTING), in register order: the
    names the tender's appendix lists (:func:`clauses.excluded_vendor_names`)."""
    return clauses.excluded_vendor_names(project)


def _drafting(e: VendorExchange) -> list[Finding]:
    """What the register says the vendor did towards the tender: V-DRAFTING for an
    exclusion (:func:`clauses.excluded_for_drafting` decides, the message says why),
    V-MATERIAL-UNUSED for a template or specification received and not used."""
    field = f"vendor_exchanges:{e.id}.drafting"
    vendor = e.vendor or "?"
    if clauses.excluded_for_drafting(e):
        excluded = (
            N_("{vendor} helped draft the tender: it is excluded from this tender, and the tender says so.")
            if e.drafting == "helped_draft"
            else N_(
                "{vendor} supplied a template or specification that the tender used: it is excluded "
                "from this tender, and the tender says so."
            )
        )
        return [finding("V-DRAFTING", Severity.WARNING, excluded, field, principles.DRAFTING, vendor=vendor)]
    if e.drafting == "material_not_used":
        return [
            finding(
                "V-MATERIAL-UNUSED",
                Severity.INFO,
                N_(
                    "{vendor} supplied a template or specification that was received and not used: the "
                    "register records it, but it gave no advantage, so it is not an exclusion and the "
                    "tender says nothing about it."
                ),
                field,
                principles.EARNED_EXCLUSION,
                vendor=vendor,
            )
        ]
    return []


def _row(e: VendorExchange, designated: set[str]) -> list[Finding]:
    found: list[Finding] = []
    if e.staff_name.strip() and person_key(e.staff_name) not in designated:
        found.append(
            finding(
                "V-UNDESIGNATED",
                Severity.WARNING,
                N_("{name} is not designated to speak with vendors."),
                f"vendor_exchanges:{e.id}.staff_name",
                principles.TRANSPARENCY,
                name=e.staff_name,
            )
        )
    for attribute, code, severity, text, principle in _FLAGS:
        if getattr(e, attribute):
            found.append(
                finding(
                    code,
                    severity,
                    text,
                    f"vendor_exchanges:{e.id}.{attribute}",
                    principle,
                    vendor=e.vendor or "?",
                )
            )
    found += _drafting(e)
    if not e.routed_to_cio:
        found.append(
            finding(
                "V-NOT-ROUTED",
                Severity.INFO,
                N_("Route this exchange to the CIO."),
                f"vendor_exchanges:{e.id}.routed_to_cio",
                principles.TRANSPARENCY,
            )
        )
    return found


def check_vendors(project: Project) -> list[Finding]:
    """Findings of the vendors step; see the module docstring for the codes."""
    designated = {person_key(s.name) for s in project.designated_staff if s.name.strip()}
    found: list[Finding] = []
    for exchange in project.vendor_exchanges:
        found.extend(_row(exchange, designated))
    if project.vendor_exchanges and not designated:
        found.append(
            finding(
                "V-NO-STAFF",
                Severity.INFO,
                N_("Designate the staff allowed to speak with vendors (IT and procurement)."),
                "designated_staff",
                principles.TRANSPARENCY,
            )
        )
    return found
