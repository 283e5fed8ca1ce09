"""The claims of the decision record (docs/claims.md).

Each sentence of the council report that states a fact about the project is one of these
claims: the record asks :func:`wizard.core.claims.statement` for it, with the parameters
the sentence names, and prints what comes back (the sentence, its true alternative, or
nothing). The record never prints a sentence that the register, the committee or the
figures contradict: "only designated staff spoke with vendors" is not said while the
register shows an exchange with someone else (``V-UNDESIGNATED``).

A predicate returns ``None`` when the project does not tell (no committee named yet, no
budget stated): the record then prints the claim that says what is missing instead, so
an ``otherwise`` sentence is never printed for a fact the project does not give.

Predicates import the checks and the domain lazily: the checks import the clauses, whose
templates read the claims.
"""

from __future__ import annotations

from wizard.core.claims.base import Claim, claim
from wizard.core.i18n import N_
from wizard.core.model import Project

_REGISTER = "decision record, vendor exchange register"
_COMMITTEE = "decision record, evaluation method and selection committee"
_FUNDING = "decision record, executive summary and funding"
_CONTRACT = "decision record, the contract"


def _key(name: str) -> str:
    from wizard.core.checks.evaluation import person_key

    return person_key(name)


def undesignated_staff(project: Project) -> list[str]:
    """Names of the town staff in the register who are not designated (register order,
    each once): those ``V-UNDESIGNATED`` reports."""
    designated = {_key(s.name) for s in project.designated_staff if s.name.strip()}
    names: list[str] = []
    for exchange in project.vendor_exchanges:
        name = " ".join(exchange.staff_name.split())
        if name and _key(name) not in designated and name not in names:
            names.append(name)
    return names


def _designated_only(project: Project) -> bool | None:
    if undesignated_staff(project):
        return False
    if any(not e.staff_name.strip() for e in project.vendor_exchanges):
        return None  # an exchange without a name: the register does not tell
    return True


def _routed(project: Project) -> bool:
    return all(e.routed_to_cio for e in project.vendor_exchanges)


def authors_on_committee(project: Project) -> list[str]:
    """Names of the selection committee's members who are authors of the tender (those
    ``E-JURY-AUTHOR`` reports), in committee order."""
    authors = {_key(a.name) for a in project.authors if a.name.strip()}
    return [" ".join(m.name.split()) for m in project.jury if m.name.strip() and _key(m.name) in authors]


def _no_author_on_committee(project: Project) -> bool | None:
    if authors_on_committee(project):
        return False
    named = [m for m in project.jury if m.name.strip()]
    if not named or not any(a.name.strip() for a in project.authors):
        return None  # no committee, or no author listed: nobody can tell
    return True


def unsigned_declarations(project: Project) -> list[str]:
    """Names of the committee's members without a signed conflict-of-interest declaration."""
    return [" ".join(m.name.split()) for m in project.jury if m.name.strip() and not m.declaration_signed]


def _declarations(project: Project) -> bool | None:
    if not any(m.name.strip() for m in project.jury):
        return None
    return not unsigned_declarations(project)


def _committee_named(project: Project) -> bool:
    return any(m.name.strip() for m in project.jury)


def _authors_listed(project: Project) -> bool:
    return any(a.name.strip() for a in project.authors)


def vendor_sourced_solutions(project: Project) -> list[str]:
    """Names of the scanned solutions known only from a demo or a vendor meeting (``M-SOURCE``)."""
    return [
        " ".join(s.name.split()) or f"#{s.id}"
        for s in project.solutions
        if s.source in ("demo", "vendor_meeting")
    ]


def _public_sources(project: Project) -> bool | None:
    if not project.solutions:
        return None
    return not vendor_sourced_solutions(project)


def _every_mandatory_linked(project: Project) -> bool | None:
    from wizard.core.domain import market

    mandatory = [c for c in project.criteria if c.kind == "mandatory"]
    if not mandatory or not project.solutions:
        return None
    return len(market.linked_mandatory(project)) == len(mandatory)


def _province_known(project: Project) -> bool:
    from wizard.core.domain.provinces import PROVINCES

    return project.info.province.strip().upper() in PROVINCES


def _source_stated(project: Project) -> bool:
    return bool(project.tco.funding_source.strip())


def _budget_stated(project: Project) -> bool:
    from wizard.core.domain import funding

    return funding.budget(project) is not None


def _budget_covers(project: Project) -> bool | None:
    from wizard.core.domain import funding

    return funding.covers(project)


DESIGNATED_STAFF_ONLY = claim(
    Claim(
        "record.designated-staff-only",
        N_("Only designated staff spoke with vendors: every exchange in the register is with them."),
        _designated_only,
        "V-UNDESIGNATED",
        N_("Town staff who are not designated to speak with vendors appear in the register: {names}."),
        _REGISTER,
    )
)
ROUTED_TO_CIO = claim(
    Claim(
        "record.routed-to-cio",
        N_("Every exchange in the register was routed to the chief information officer."),
        _routed,
        "V-NOT-ROUTED",
        N_("Exchanges in the register not routed to the chief information officer: {count}."),
        _REGISTER,
    )
)
PUBLIC_SOURCES = claim(
    Claim(
        "record.scan-public-sources",
        N_("Every scanned solution is documented from public sources: documentation or source code."),
        _public_sources,
        "M-SOURCE",
        N_("Scanned solutions known only from a demo or a vendor meeting: {names}."),
        "decision record, market scan",
    )
)
EVERY_MANDATORY_LINKED = claim(
    Claim(
        "record.compliant-count",
        N_("Scanned solutions that meet every mandatory criterion: {count} of {total}."),
        _every_mandatory_linked,
        "C-UNLINKED",
        N_(
            "Scanned solutions that meet the mandatory criteria linked to the scan: {count} of {total}. "
            "Mandatory criteria not linked to the scan, which it cannot check: {unlinked}."
        ),
        "decision record, executive summary and criteria",
    )
)
COMMITTEE_NAMED = claim(
    Claim(
        "record.committee-named",
        N_("Members of the selection committee: {names}."),
        _committee_named,
        "E-NO-JURY",
        N_("The members of the selection committee are not named yet."),
        _COMMITTEE,
    )
)
DECLARATIONS_SIGNED = claim(
    Claim(
        "record.declarations-signed",
        N_("Every member of the selection committee has signed a conflict-of-interest declaration."),
        _declarations,
        "E-DECLARATION",
        N_(
            "Members of the selection committee who have not signed a conflict-of-interest declaration: {names}."
        ),
        _COMMITTEE,
    )
)
AUTHORS_LISTED = claim(
    Claim(
        "record.authors-listed",
        N_("Authors of the tender: {names}."),
        _authors_listed,
        "PR-AUTHORS",
        N_(
            "The authors of the tender are not listed, so this report cannot say whether one of "
            "them sits on the selection committee."
        ),
        _COMMITTEE,
    )
)
NO_AUTHOR_ON_COMMITTEE = claim(
    Claim(
        "record.no-author-on-committee",
        N_("No author of the tender sits on the selection committee."),
        _no_author_on_committee,
        "E-JURY-AUTHOR",
        N_("Authors of the tender sit on the selection committee: {names}."),
        _COMMITTEE,
    )
)
LEGAL_FRAMEWORK = claim(
    Claim(
        "record.legal-framework",
        N_("The call for tenders is governed by {law}."),
        _province_known,
        "PR-PROVINCE",
        N_("The province or territory is not set, so the legal framework cannot be stated."),
        "decision record, legal framework",
    )
)
FUNDING_SOURCE = claim(
    Claim(
        "record.funding-source",
        N_("Source of funds: {source}."),
        _source_stated,
        "T-FUNDING",
        N_("The source of funds is not stated."),
        _FUNDING,
    )
)
BUDGET_STATED = claim(
    Claim(
        "record.budget-stated",
        N_("Budget available: {budget}."),
        _budget_stated,
        "T-BUDGET",
        N_("The budget available is not stated, so this report cannot say whether it covers the estimate."),
        _FUNDING,
    )
)
BUDGET_COVERS = claim(
    Claim(
        "record.budget-covers",
        N_("The budget available covers the estimate, with {margin} to spare."),
        _budget_covers,
        "T-BUDGET",
        N_("The budget available falls short of the estimate by {gap}."),
        _FUNDING,
    )
)


def _liability_capped(project: Project) -> bool:
    work = project.statement_of_work
    return work.liability_cap == "cap_multiple" and work.liability_cap_multiple > 0


def _term_within_horizon(project: Project) -> bool:
    from wizard.core.checks.statement_of_work import term_years
    from wizard.core.domain import tco

    return term_years(project) <= tco.horizon_of(project)


LIABILITY_CAPPED = claim(
    Claim(
        "record.liability-capped",
        N_(
            "The vendor's liability is capped at {multiple} times the value of the contract; the "
            "cap never covers the loss or misuse of the Town's data, breaches of privacy, "
            "infringements of intellectual property, or gross or intentional fault."
        ),
        _liability_capped,
        "SW-LIABILITY",
        N_("The contract does not cap the vendor's liability at a multiple of the contract value."),
        _CONTRACT,
    )
)
TERM_WITHIN_HORIZON = claim(
    Claim(
        "record.term-within-horizon",
        N_("The estimate covers every year the contract may run, renewals included."),
        _term_within_horizon,
        "SW-TERM-HORIZON",
        N_(
            "With every renewal, the contract may run longer than the horizon of the total cost of ownership."
        ),
        _CONTRACT,
    )
)
