"""The claims of the tender and its clauses (docs/claims.md).

Each statement of fact the tender makes about the project, with the function of the
project that decides it. The builders (``documents/tender*.py``) print them through
:func:`~wizard.core.claims.base.statement`; the clause templates read
``claims["<id>"]`` (:func:`~wizard.core.claims.base.verdicts`, in the clause context).

Detection is the checks' own, never a second copy: brand and possible product names
are the findings of ``checks.criteria_text.brand_findings`` (C-BRAND,
C-POSSIBLE-BRAND) and "or equivalent" is ``checks.criteria_text.EQUIVALENT``, as
C-EQUIVALENT finds it; people are
compared by ``checks.evaluation.person_key``, as E-JURY-AUTHOR compares them; a
required clause family is kept exactly when K-REQUIRED is silent.
"""

from __future__ import annotations

from wizard.core.checks.criteria_text import EQUIVALENT, brand_findings
from wizard.core.checks.evaluation import person_key
from wizard.core.checks.wording import fold
from wizard.core.claims.base import Claim, claim
from wizard.core.clauses import library as clauses
from wizard.core.domain import evaluation as rules
from wizard.core.i18n import N_
from wizard.core.memo import per_pass
from wizard.core.model import Project

PUBLISHED_BY_TRANSPARENCY = (
    "tender",
    "bids_and_bidders",
    "contract",
    "unit_prices",
    "spending",
    "contract_performance",
)
"""The publication plan items the transparency clause says the Town publishes (the call
for tenders, the bidders and their prices, the Contract, the unit prices, the spending,
the Contractor's evaluation): keys of ``model.defaults.PUBLICATION_ITEMS``."""


def _named(project: Project) -> list[tuple[bool, bool, bool]]:
    """For each criterion naming a product: (a listed brand, C-BRAND; a possible product
    name the user has not cleared, an unjustified C-POSSIBLE-BRAND; "or equivalent"
    follows), from the criteria checks' own findings. Once per check run or export
    (``core/memo.py``): several claims ask it."""
    return per_pass(project, _named_criteria)


def _named_criteria(project: Project) -> list[tuple[bool, bool, bool]]:
    found = []
    for criterion in project.criteria:
        codes = brand_findings(criterion, project)
        brand = any(f.code == "C-BRAND" for f in codes)
        possible = any(f.code == "C-POSSIBLE-BRAND" and not f.is_justified(project) for f in codes)
        if brand or possible:
            found.append((brand, possible, bool(EQUIVALENT.search(fold(criterion.text)))))
    return found


def no_product_named(project: Project) -> bool | None:
    """No criterion names a brand or product (C-BRAND); `None` while a possible product
    name is neither rewritten nor justified (C-POSSIBLE-BRAND)."""
    named = _named(project)
    if any(brand for brand, _possible, _eq in named):
        return False
    return None if named else True


def brands_have_equivalent(project: Project) -> bool | None:
    """Every criterion that names a brand says "or equivalent" (C-BRAND, C-EQUIVALENT);
    `None` while a possible product name without it is neither rewritten nor justified
    (C-POSSIBLE-BRAND)."""
    named = _named(project)
    if any(brand and not eq for brand, _possible, eq in named):
        return False
    return None if any(possible and not eq for _brand, possible, eq in named) else True


def _family_kept(project: Project, family: str) -> bool:
    return any(c.family == family for c in clauses.included_clauses(project))


def mission_critical_reinforced(project: Project) -> bool:
    """The system is mission-critical and the continuity clause is in the tender."""
    return project.scope.mission_critical and _family_kept(project, "continuity")


def privacy_applies(project: Project) -> bool:
    """The system processes personal information and the privacy clause is in the tender."""
    return project.scope.personal_information and _family_kept(project, "privacy")


def weights_make_100(project: Project) -> bool:
    """Quality and price add up to 100 points (E-WEIGHTS)."""
    return project.evaluation.quality_weight + project.evaluation.price_weight == 100


def no_author_on_committee(project: Project) -> bool | None:
    """No named jury member is a named author (E-JURY-AUTHOR); ``None`` while the jury or
    the authors are not named (E-NO-JURY, PR-AUTHORS)."""
    jury = {person_key(m.name) for m in project.jury if m.name.strip()}
    authors = {person_key(a.name) for a in project.authors if a.name.strip()}
    if jury & authors:
        return False
    if not jury or not authors:
        return None
    return True


def committee_of_three(project: Project) -> bool:
    """Québec's weighted system: the selection committee has at least three named members
    (E-QC-COMMITTEE)."""
    return sum(1 for m in project.jury if m.name.strip()) >= rules.QUEBEC_MIN_COMMITTEE


def quality_points_capped(project: Project) -> bool | None:
    """Québec's weighted system: no quality criterion is worth more than 30 points
    (E-QC-MAX); ``None`` without a quality grid (E-QC-CRITERIA)."""
    if not project.quality_grid:
        return None
    return all(item.points <= rules.QUEBEC_MAX_POINTS for item in project.quality_grid)


def secretary_named(project: Project) -> bool:
    """Québec's weighted system: the selection committee's secretary is named
    (E-QC-SECRETARY)."""
    return bool(project.evaluation.committee_secretary.strip())


def no_demonstration(project: Project) -> bool:
    """No exchange of the vendor register is a product demonstration (V-DEMO)."""
    return not any(e.demo for e in project.vendor_exchanges)


def no_nda(project: Project) -> bool:
    """No exchange of the vendor register led to a non-disclosure agreement (V-NDA)."""
    return not any(e.nda_signed for e in project.vendor_exchanges)


def publication_planned(project: Project) -> bool:
    """The publication plan plans every item the transparency clause names
    (:data:`PUBLISHED_BY_TRANSPARENCY`; V-PUBLISH-UNPLANNED)."""
    planned = {i.key for i in project.publication_items if i.planned}
    return set(PUBLISHED_BY_TRANSPARENCY) <= planned


def no_supplier_excluded(project: Project) -> bool:
    """No supplier of the vendor register is excluded for having taken part in the
    preparation of the tender (V-DRAFTING is silent)."""
    return not clauses.excluded_vendor_names(project)


def pilot_measured(project: Project) -> bool:
    """The pilot names the scenarios it must meet, its objective success measure (E-PILOT)."""
    return bool(project.evaluation.pilot_scenario_ids)


def excluded_clause_kept(project: Project) -> bool:
    """The clause excluding the vendors that took part in the preparation is in the
    tender (K-REQUIRED while a vendor is excluded)."""
    return _family_kept(project, "excluded_vendors")


NEED = claim(
    Claim(
        "tender.need-not-a-product",
        N_("It describes what the Town must be able to do, not a product."),
        no_product_named,
        "C-BRAND",
        where="Tender › The need",
        unknown_explained_by=("C-POSSIBLE-BRAND",),
    )
)
EQUIVALENT_NAMES = claim(
    Claim(
        "tender.trade-names-or-equivalent",
        N_(
            "Criteria describe needs and recognized standards; where a trade name appears, it is followed by the words “or equivalent”."
        ),
        brands_have_equivalent,
        "C-BRAND",
        where="Tender › Evaluation criteria",
        unknown_explained_by=("C-POSSIBLE-BRAND",),
    )
)
MISSION_CRITICAL = claim(
    Claim(
        "tender.mission-critical",
        N_(
            "The system is mission-critical: availability, recovery and security requirements are reinforced accordingly."
        ),
        mission_critical_reinforced,
        "K-REQUIRED",
        where="Tender › Scope (when the system is mission-critical)",
    )
)
PERSONAL_INFORMATION = claim(
    Claim(
        "tender.personal-information",
        N_(
            "The system will process personal information: the privacy obligations of the Contract apply in full."
        ),
        privacy_applies,
        "K-REQUIRED",
        where="Tender › Scope (when the system processes personal information)",
    )
)
OUT_OF_100 = claim(
    Claim(
        "tender.scored-out-of-100",
        N_("Bids that meet them all and reach the pass threshold are then scored out of 100 points:"),
        weights_make_100,
        "E-WEIGHTS",
        otherwise=N_("Bids that meet them all and reach the pass threshold are then scored as follows:"),
        where="Tender › Evaluation method (outside Québec's weighted system)",
    )
)
NO_AUTHOR = claim(
    Claim(
        "tender.no-author-on-committee",
        N_("The selection committee does not include any author of this tender."),
        no_author_on_committee,
        "E-JURY-AUTHOR",
        where="Tender › Evaluation method",
        unknown=N_("No author of this tender will sit on the selection committee."),
        unknown_explained_by=("E-NO-JURY", "PR-AUTHORS"),
    )
)
COMMITTEE_OF_THREE = claim(
    Claim(
        "tender.committee-of-three",
        N_(
            "A selection committee of at least three members scores the quality of each bid without knowing its price, against the criteria below."
        ),
        committee_of_three,
        "E-QC-COMMITTEE",
        otherwise=N_(
            "A selection committee scores the quality of each bid without knowing its price, against the criteria below."
        ),
        where="Tender › Evaluation method › Weighted evaluation system (Québec)",
    )
)
POINTS_CAPPED = claim(
    Claim(
        "tender.quality-points-capped",
        N_("None of these criteria is worth more than 30 points out of 100."),
        quality_points_capped,
        "E-QC-MAX",
        where="Tender › Evaluation method › Weighted evaluation system (Québec)",
        unknown_explained_by=("E-QC-CRITERIA",),
    )
)
COMMITTEE_SECRETARY = claim(
    Claim(
        "tender.committee-secretary",
        N_(
            "The Town has appointed a secretary of the selection committee, who runs the committee's work and does not score the bids."
        ),
        secretary_named,
        "E-QC-SECRETARY",
        otherwise=N_(
            "The Town will appoint a secretary of the selection committee, who will run the committee's work and will not score the bids."
        ),
        where="Tender › Evaluation method › Weighted evaluation system (Québec)",
    )
)
NO_DEMONSTRATION = claim(
    Claim(
        "tender.no-demonstration",
        N_("The Town neither requests nor accepts product demonstrations outside this process."),
        no_demonstration,
        "V-DEMO",
        otherwise=N_(
            "From the publication of this call for tenders until the award, the Town accepts no product demonstration outside this process."
        ),
        where="Tender › Test scenarios",
    )
)
NO_NDA = claim(
    Claim(
        "tender.no-nda",
        N_(
            "The Town signs no non-disclosure or confidentiality agreement with a bidder in connection with this call for tenders"
        ),
        no_nda,
        "V-NDA",
        otherwise=N_("No bid may be made conditional on a non-disclosure or confidentiality agreement."),
        where="Clause “Confidentiality agreements and publication of the Contract”",
    )
)
PUBLICATION = claim(
    Claim(
        "tender.publishes-bids-and-contract",
        N_(
            "The bidder acknowledges that the Town publishes, including as open data, this call for tenders, the names of the bidders and the prices of their bids, the Contract and its amendments, the unit prices, the spending over the life of the Contract and the evaluation of the Contractor's performance"
        ),
        publication_planned,
        "V-PUBLISH-UNPLANNED",
        otherwise=N_(
            "The bidder acknowledges that the Town may publish, including as open data, this call for tenders, the names of the bidders and the prices of their bids, the Contract and its amendments, the unit prices, the spending over the life of the Contract and the evaluation of the Contractor's performance"
        ),
        where="Clause “Confidentiality agreements and publication of the Contract”",
    )
)
EXCLUSION_CLAUSE = claim(
    Claim(
        "tender.excluded-under-the-clause",
        N_(
            "Under the clause “Exclusion of suppliers who took part in the preparation”, the businesses below may not submit a bid:"
        ),
        excluded_clause_kept,
        "K-REQUIRED",
        otherwise=N_(
            "The businesses below took part in the preparation of this call for tenders and may not submit a bid:"
        ),
        where="Tender › Appendix: excluded suppliers",
    )
)


def province_known(project: Project) -> bool:
    """The province or territory is set (PR-PROVINCE otherwise), so the framework block
    states its law."""
    from wizard.core.domain.provinces import PROVINCES

    return project.info.province.strip().upper() in PROVINCES


FRAMEWORK_OF_THE_PROVINCE = claim(
    Claim(
        "tender.framework-of-the-province",
        N_(
            "This call for tenders is subject to the rules below, those of the province or territory named on the cover."
        ),
        province_known,
        "PR-PROVINCE",
        where="Tender › Legal framework",
    )
)
NO_SUPPLIER_EXCLUDED = claim(
    Claim(
        "tender.no-supplier-excluded",
        N_(
            "Any supplier may submit a bid: no supplier is excluded for having taken part in the preparation of this call for tenders."
        ),
        no_supplier_excluded,
        "V-DRAFTING",
        otherwise=N_(
            "Any supplier may submit a bid, except the businesses listed in the appendix “Excluded suppliers”, which took part in the preparation of this call for tenders."
        ),
        where="Tender › Instructions to bidders › Eligibility",
    )
)
PILOT_MEASURED = claim(
    Claim(
        "tender.pilot-measured",
        N_(
            "The pilot succeeds when the technical committee records every scenario named in the section “Paid pilot project” as met, in the way it records the scenario sessions; otherwise it fails."
        ),
        pilot_measured,
        "E-PILOT",
        where="Tender › Scenario sessions and pilot (when a pilot is planned)",
    )
)
