"""Checks of vendor relations and transparency.

Codes (on the register row): ``V-UNDESIGNATED`` (warning: staff not in the designated
list; names compared without case or accents), ``V-DEMO`` (warning: a demo outside the
tender), ``V-NDA`` (error), ``V-DRAFTING`` (warning: the vendor helped draft and is
excluded; the tender's excluded-vendors addendum names it), ``V-RFI`` (info: an RFI
instead of a neutral market scan), ``V-NOT-ROUTED`` (info: not routed to the CIO);
``V-NO-STAFF`` (info: exchanges but no designated staff).
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
        "helped_drafting",
        "V-DRAFTING",
        Severity.WARNING,
        N_(
            "{vendor} helped draft the tender or supplied a template: it is excluded from this tender, "
            "and the tender says so."
        ),
        principles.DRAFTING,
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
    """Vendors excluded for helping draft the tender (V-DRAFTING), in register order:
    the names the tender's appendix lists (:func:`clauses.excluded_vendor_names`)."""
    return clauses.excluded_vendor_names(project)


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
