"""The scorecard of the guide's practices, computed from the model and
its findings, shown on the review page and in the decision record.

Open North's guide sorts practices in four families: *recommended* (fairness, compliant
bids, central IT governance, public code, quality first, test scenarios, pilots, and the
contract clauses: local law, disputes, data location, data ownership, intellectual
property, integrity, exit costs), *forbidden or unethical* (naming or indirectly
targeting a vendor, NDAs, vendor templates, vendor help in drafting), *high-risk*
(mission-critical systems or personal information entrusted to vendors) and
*transparency* (publishing the tender, bids, winner, contract, performance, unit
prices, risk analyses, spending and vendor meetings; designated staff; routing to the
CIO). Each practice says what the project does about it.

* ``scorecard(project, found=None) -> list[Practice]`` (``found``: the findings of
  ``run_checks``, computed when omitted). A justified finding counts as handled.
* ``Practice.status``: ``"ok"`` (followed, or for a forbidden practice avoided),
  ``"attention"``, ``"problem"``, ``"not_applicable"``.
"""

from __future__ import annotations

from dataclasses import dataclass

from wizard.core.checks import open_findings, run_checks
from wizard.core.checks.base import Finding
from wizard.core.clauses import library as clauses
from wizard.core.domain import market
from wizard.core.domain.publication_plan import planned_date
from wizard.core.i18n import N_, Plural, tr
from wizard.core.i18n.counts import points
from wizard.core.i18n.formats import format_date
from wizard.core.model import Project

FAMILIES: dict[str, str] = {
    "recommended": N_("Recommended practices"),
    "forbidden": N_("Forbidden or unethical practices"),
    "high_risk": N_("High-risk practices"),
    "transparency": N_("Transparency practices"),
}
STATUSES: dict[str, str] = {
    "ok": N_("In place"),
    "attention": N_("To watch"),
    "problem": N_("To fix"),
    "not_applicable": N_("Not applicable"),
}
AVOIDED = N_("Avoided")


@dataclass(frozen=True)
class Practice:
    """One practice of the guide and what the project does about it.

    ``title`` and ``action`` are English msgids (``action`` formatted with ``params``);
    ``field`` is the model address where to act ('' when none).
    """

    key: str
    family: str
    title: str
    status: str
    action: str
    params: tuple[tuple[str, str | Plural], ...] = ()
    field: str = ""

    def action_text(self, lang: str) -> str:
        """What the project does, in ``lang`` (a ``date`` parameter as a long date)."""
        params = dict(self.params)
        date = params.get("date")
        if isinstance(date, str):
            params["date"] = format_date(date, lang)
        return tr(self.action, lang, **params)

    def status_text(self, lang: str) -> str:
        """The status label in ``lang`` ("Avoided" for a forbidden practice kept out)."""
        if self.family == "forbidden" and self.status == "ok":
            return tr(AVOIDED, lang)
        return tr(STATUSES[self.status], lang)


class _Context:
    """What the rules read: the project, its open (unjustified) findings, its clauses."""

    def __init__(self, project: Project, found: list[Finding]) -> None:
        self.project = project
        self.open = open_findings(project, found)
        self.families = {c.family for c in clauses.included_clauses(project)}

    def count(self, *codes: str) -> int:
        return sum(1 for f in self.open if f.code in codes)


def _p(
    key: str, family: str, title: str, status: str, action: str, field: str = "", **params: object
) -> Practice:
    kept = tuple((k, v if isinstance(v, Plural) else str(v)) for k, v in params.items())
    return Practice(key, family, title, status, action, kept, field)


def _fairness(c: _Context) -> Practice:
    title = N_("Fairness among vendors")
    count = c.count("V-DEMO", "V-UNDESIGNATED", "V-NOT-ROUTED", "M-SOURCE", "V-RFI")
    if count:
        return _p(
            "fairness",
            "recommended",
            title,
            "attention",
            N_(
                "Exchanges or sources to review: {count} (demos, undesignated staff, not routed to the CIO, or information from vendors)."
            ),
            "vendor_exchanges",
            count=count,
        )
    return _p(
        "fairness",
        "recommended",
        title,
        "ok",
        N_(
            "The market scan relies on public sources and every vendor exchange goes through designated staff."
        ),
    )


def _compliant(c: _Context) -> Practice:
    title = N_("Maximize compliant bids")
    if not market.linked_mandatory(c.project):
        return _p(
            "compliant",
            "recommended",
            title,
            "attention",
            N_("No mandatory criterion is linked to the market scan yet."),
            "criteria",
        )
    count = len(market.compliant_solutions(c.project))
    status = "ok" if count >= 3 else "attention" if count == 2 else "problem"
    return _p(
        "compliant",
        "recommended",
        title,
        status,
        N_("Scanned solutions that meet every mandatory criterion: {count}."),
        "criteria",
        count=count,
    )


def _governance(c: _Context) -> Practice:
    title = N_("Central governance of IT acquisitions")
    answer = next((g.answer for g in c.project.governance if g.key == "it_sole_authority"), "")
    if answer == "yes":
        return _p(
            "governance",
            "recommended",
            title,
            "ok",
            N_("The IT directorate alone authorizes IT acquisitions."),
            "governance",
        )
    if answer == "no":
        return _p(
            "governance",
            "recommended",
            title,
            "problem",
            N_("The IT directorate is not the sole authority for IT acquisitions."),
            "governance",
        )
    return _p(
        "governance",
        "recommended",
        title,
        "attention",
        N_("The governance checklist is not answered yet."),
        "governance",
    )


def _public_code(c: _Context) -> Practice:
    title = N_("Public money, public code")
    if "public_code" in c.families:
        return _p(
            "public_code",
            "recommended",
            title,
            "ok",
            N_("The tender keeps the code paid for by the town publishable under a free licence."),
        )
    if c.project.scope.custom_code:
        return _p(
            "public_code",
            "recommended",
            title,
            "problem",
            N_("Custom code is delivered, but the public code clause is not in the tender."),
            "clause_choices",
        )
    return _p(
        "public_code", "recommended", title, "not_applicable", N_("No custom code or API is delivered.")
    )


def _quality(c: _Context) -> Practice:
    ev = c.project.evaluation
    status = "ok" if ev.quality_weight >= ev.price_weight else "problem"
    if status == "ok" and c.count("C-ALL-POINTS", "C-FEW-OPTIONAL"):
        return _p(
            "quality",
            "recommended",
            N_("Evaluation on quality"),
            "attention",
            N_(
                "Quality weighs {quality} and price {price}, but the optional criteria cannot "
                "separate the qualified bids: price alone would decide."
            ),
            "criteria_settings.pass_threshold_pct",
            quality=points(ev.quality_weight),
            price=points(ev.price_weight),
        )
    return _p(
        "quality",
        "recommended",
        N_("Evaluation on quality"),
        status,
        N_("Quality weighs {quality} and price {price}."),
        "evaluation.quality_weight",
        quality=points(ev.quality_weight),
        price=points(ev.price_weight),
    )


def _scenarios(c: _Context) -> Practice:
    title = N_("Technical test scenarios")
    count = len(c.project.scenarios)
    if not count:
        return _p(
            "scenarios",
            "recommended",
            title,
            "problem",
            N_("No test scenario: bidders' claims cannot be verified."),
            "scenarios",
        )
    status = "attention" if c.count("S-COVER", "S-ORPHAN") else "ok"
    return _p(
        "scenarios",
        "recommended",
        title,
        status,
        N_("Scenarios with which the technical committee verifies the bidders' claims: {count}."),
        "scenarios",
        count=count,
    )


def _pilot(c: _Context) -> Practice:
    title = N_("Pilot deployment (conditional award)")
    if c.project.evaluation.pilot_enabled:
        return _p(
            "pilot",
            "recommended",
            title,
            "ok",
            N_("The full contract is conditional on a paid pilot."),
            "evaluation.pilot_enabled",
        )
    if c.project.scope.mission_critical:
        return _p(
            "pilot",
            "recommended",
            title,
            "attention",
            N_("No pilot, although the system is mission-critical."),
            "evaluation.pilot_enabled",
        )
    return _p(
        "pilot",
        "recommended",
        title,
        "not_applicable",
        N_("No pilot; one is advised for large, high-risk projects."),
        "evaluation.pilot_enabled",
    )


_CLAUSE_PRACTICES = (
    ("governing_law", N_("Primacy of local law")),
    ("disputes", N_("Dispute resolution")),
    ("hosting", N_("Where the data is hosted")),
    ("data_ownership", N_("Exclusive ownership of the data")),
    ("intellectual_property", N_("Intellectual property")),
    ("integrity", N_("Anti-corruption and conflicts of interest")),
    ("exit", N_("Exit costs")),
)


def _clause_practice(c: _Context, family: str, title: str) -> Practice:
    key = f"clause_{family}"
    if family == "hosting" and not c.project.scope.vendor_hosting and family not in c.families:
        return _p(
            key,
            "recommended",
            title,
            "not_applicable",
            N_("The town hosts its own data."),
            "scope.vendor_hosting",
        )
    if family not in c.families:
        return _p(
            key, "recommended", title, "problem", N_("This clause is not in the tender."), "clause_choices"
        )
    if family == "exit" and c.count("T-NO-EXIT"):
        return _p(
            key,
            "recommended",
            title,
            "attention",
            N_("The exit clause is in the tender, but TCO options without exit costs remain: {count}."),
            "tco_options",
            count=c.count("T-NO-EXIT"),
        )
    return _p(key, "recommended", title, "ok", N_("The tender holds this clause."))


def recommended(c: _Context) -> list[Practice]:
    """The guide's recommended practices, strategy first, then contract clauses."""
    found = [
        rule(c) for rule in (_fairness, _compliant, _governance, _public_code, _quality, _scenarios, _pilot)
    ]
    return found + [_clause_practice(c, family, title) for family, title in _CLAUSE_PRACTICES]


def forbidden(c: _Context) -> list[Practice]:
    """The practices the guide forbids; ``ok`` means the project avoids them."""
    brands = c.count("C-BRAND", "S-BRAND", "C-EQUIVALENT")
    possible = c.count("C-POSSIBLE-BRAND", "S-POSSIBLE-BRAND")
    targets = [f for f in c.open if f.code in ("C-TARGET", "C-COMPLIANT")]
    nda = c.count("V-NDA")
    drafting = clauses.excluded_vendor_names(c.project)
    excluded = "excluded_vendors" in c.families
    found = [
        _p(
            "direct_targeting",
            "forbidden",
            N_("Naming a vendor or product (direct targeting)"),
            "problem" if brands else "attention" if possible else "ok",
            N_("Brand or vendor names left in the criteria or scenarios: {count}.")
            if brands
            else N_("Possible product or vendor names left in the criteria or scenarios: {count}.")
            if possible
            else N_("No brand or vendor name left in the criteria or scenarios."),
            "criteria",
            count=brands or possible,
        ),
        _p(
            "indirect_targeting",
            "forbidden",
            N_("Indirect targeting through the criteria"),
            "problem"
            if any(f.severity.value == "error" for f in targets)
            else "attention"
            if targets
            else "ok",
            N_("Findings on mandatory criteria that leave too few solutions in the race: {count}.")
            if targets
            else N_("The mandatory criteria leave several scanned solutions in the race."),
            "criteria",
            count=len(targets),
        ),
        _p(
            "nda",
            "forbidden",
            N_("Non-disclosure agreements"),
            "problem" if nda else "ok",
            N_("Non-disclosure agreements signed with a vendor: {count}.")
            if nda
            else N_("No NDA signed with a vendor."),
            "vendor_exchanges",
            count=nda,
        ),
    ]
    for key, title in (
        ("vendor_template", N_("Tender templates supplied by a vendor")),
        ("vendor_drafting", N_("Vendor help in drafting the tender")),
    ):
        if not drafting:
            found.append(_p(key, "forbidden", title, "ok", N_("No vendor took part in drafting the tender.")))
        else:
            found.append(
                _p(
                    key,
                    "forbidden",
                    title,
                    "attention" if excluded else "problem",
                    N_("Excluded from the tender, as it states: {names}")
                    if excluded
                    else N_("Took part in drafting but not excluded yet: {names}"),
                    "vendor_exchanges",
                    names=", ".join(drafting),
                )
            )
    return found


def high_risk(c: _Context) -> list[Practice]:
    """Mission-critical systems and personal information entrusted to vendors."""
    scope = c.project.scope
    found = []
    title = N_("Entrusting a mission-critical system to a vendor")
    if not scope.mission_critical:
        found.append(
            _p(
                "mission_critical",
                "high_risk",
                title,
                "not_applicable",
                N_("The system is not mission-critical."),
                "scope.mission_critical",
            )
        )
    elif "continuity" not in c.families:
        found.append(
            _p(
                "mission_critical",
                "high_risk",
                title,
                "problem",
                N_("Mission-critical, but the continuity clause is not in the tender."),
                "clause_choices",
            )
        )
    else:
        pilot = c.project.evaluation.pilot_enabled
        found.append(
            _p(
                "mission_critical",
                "high_risk",
                title,
                "ok" if pilot else "attention",
                N_("Mission-critical: the continuity clause is in the tender and a pilot is planned.")
                if pilot
                else N_("Mission-critical: the continuity clause is in the tender, but no pilot is planned."),
                "scope.mission_critical",
            )
        )
    title = N_("Entrusting personal information to a third-party host")
    if not scope.personal_information:
        found.append(
            _p(
                "personal_information",
                "high_risk",
                title,
                "not_applicable",
                N_("The system processes no personal information."),
                "scope.personal_information",
            )
        )
    elif "privacy" not in c.families or (scope.vendor_hosting and "hosting" not in c.families):
        found.append(
            _p(
                "personal_information",
                "high_risk",
                title,
                "problem",
                N_(
                    "Personal information is processed, but the privacy or Canadian hosting clause is missing."
                ),
                "clause_choices",
            )
        )
    elif scope.vendor_hosting:
        found.append(
            _p(
                "personal_information",
                "high_risk",
                title,
                "attention",
                N_(
                    "The vendor hosts personal information, in Canada and under the privacy clause; the guide advises keeping it in-house."
                ),
                "scope.vendor_hosting",
            )
        )
    else:
        found.append(
            _p(
                "personal_information",
                "high_risk",
                title,
                "ok",
                N_("Personal information stays in the town's systems, under the privacy clause."),
                "scope.personal_information",
            )
        )
    return found


_PUBLISH = {
    "tender": N_("Publish the tender"),
    "bids_and_bidders": N_("Publish the bids and the bidders"),
    "winner": N_("Publish the winning bidder"),
    "contract": N_("Publish the contract"),
    "contract_performance": N_("Publish contract performance"),
    "unit_prices": N_("Publish unit prices"),
    "risk_analyses": N_("Publish risk analyses"),
    "spending": N_("Publish spending over time"),
    "vendor_meetings": N_("Publish meetings with vendors"),
}


def transparency(c: _Context) -> list[Practice]:
    """The publication plan, then who meets vendors and where their requests go."""
    items = {i.key: i for i in c.project.publication_items}
    found = []
    platforms = ", ".join(
        x
        for x in (
            " ".join(pub.split())
            for pub in (c.project.publication.provincial_platform, c.project.publication.free_platforms)
        )
        if x
    )
    for key, title in _PUBLISH.items():
        item = items.get(key)
        if key == "tender" and (item is None or not item.planned) and platforms:
            # the tender states where it is published: that is its publication plan
            found.append(
                _p(
                    "publish_tender",
                    "transparency",
                    title,
                    "ok",
                    N_("Published on: {place}."),
                    "publication.provincial_platform",
                    place=platforms,
                )
            )
        elif item is None or not item.planned:
            found.append(
                _p(
                    f"publish_{key}",
                    "transparency",
                    title,
                    "problem",
                    N_("Not planned."),
                    "publication_items",
                )
            )
        elif not (planned_date(c.project, item) and item.place.strip()):
            found.append(
                _p(
                    f"publish_{key}",
                    "transparency",
                    title,
                    "attention",
                    N_("Planned, but its date or place is not set."),
                    f"publication_items:{item.id}.planned_date",
                )
            )
        else:
            found.append(
                _p(
                    f"publish_{key}",
                    "transparency",
                    title,
                    "ok",
                    N_("Planned for {date}: {place}."),
                    f"publication_items:{item.id}.planned_date",
                    date=planned_date(c.project, item),
                    place=" ".join(item.place.split()),
                )
            )
    staff = c.count("V-UNDESIGNATED", "V-NO-STAFF")
    routed = c.count("V-NOT-ROUTED")
    found += [
        _p(
            "designated_staff",
            "transparency",
            N_("Only designated IT and procurement staff meet vendors"),
            "attention" if staff else "ok",
            N_("Exchanges with staff who are not designated: {count}.")
            if staff
            else N_("Designated staff members: {count}; every exchange in the register is with them."),
            "designated_staff",
            count=staff or len(c.project.designated_staff),
        ),
        _p(
            "routed_to_cio",
            "transparency",
            N_("Vendor requests are routed to the CIO"),
            "attention" if routed else "ok",
            N_("Exchanges not routed to the CIO: {count}.")
            if routed
            else N_("Every exchange in the register was routed to the CIO."),
            "vendor_exchanges",
            count=routed,
        ),
    ]
    return found


def scorecard(project: Project, found: list[Finding] | None = None) -> list[Practice]:
    """Every practice of the guide, by family, with its status and what the project does."""
    context = _Context(project, run_checks(project) if found is None else found)
    return recommended(context) + forbidden(context) + high_risk(context) + transparency(context)


def counts(practices: list[Practice]) -> dict[str, int]:
    """Status → number of practices, e.g. ``{"ok": 20, "attention": 3, …}``."""
    result = dict.fromkeys(STATUSES, 0)
    for practice in practices:
        result[practice.status] += 1
    return result
