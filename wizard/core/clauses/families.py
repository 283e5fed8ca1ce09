"""Clause families (docs/clauses.md), with the reason each one matters (guide: contracts).

``FAMILIES``: family key → :class:`Family`. ``required_when`` names the condition
(see :data:`CONDITIONS`) under which the tender must keep a clause of that family
(finding K-REQUIRED), or is ``None`` for a family that is only recommended (a removed
recommended clause gives K-REMOVED with ``removed``, the rationale). Texts are English
msgids; translate with ``i18n.tr``.
"""

from __future__ import annotations

from dataclasses import dataclass

from wizard.core.i18n import N_

STATUSES: tuple[str, ...] = ("required", "recommended", "optional")

CONDITIONS: tuple[str, ...] = (
    "always",
    "personal_information",
    "mission_critical",
    "vendor_hosting",
    "custom_code",
    "excluded_vendors",
    "key_personnel",
)
"""Inclusion conditions a clause may declare: project flags of the scope step, the
presence of vendors who helped draft the tender (vendor register), and ``key_personnel``
(the statement of work names key people or asks for background checks)."""


@dataclass(frozen=True)
class Family:
    """A clause family: its title, the rationale shown when removed, when it is required."""

    title: str
    removed: str
    required_when: str | None = None


FAMILIES: dict[str, Family] = {
    "governing_law": Family(
        N_("Governing law and courts"),
        N_(
            "The governing law clause is missing: vendors' licences often send disputes to the "
            "courts of the vendor's country. Keep the laws and courts of the town's province."
        ),
        "always",
    ),
    "precedence": Family(
        N_("Precedence of the contract"),
        N_(
            "The precedence clause is missing: without it, the vendor's licence terms could "
            "override the contract in a dispute."
        ),
        "always",
    ),
    "disputes": Family(
        N_("Dispute resolution"),
        N_(
            "The dispute resolution clause was removed: say how disputes on deployment, "
            "resources and performance are settled before they reach the courts."
        ),
    ),
    "privacy": Family(
        N_("Personal information"),
        N_(
            "The project processes personal information, but the privacy clause is missing. "
            "Keep it, and prefer keeping personal information in the town's own systems."
        ),
        "personal_information",
    ),
    "hosting": Family(
        N_("Data hosted in Canada"),
        N_(
            "The vendor hosts the town's data, but the clause keeping the data, backups and "
            "redundancy in Canada is missing."
        ),
        "vendor_hosting",
    ),
    "data_ownership": Family(
        N_("Data ownership"),
        N_(
            "The data ownership clause is missing: the town's data must remain its exclusive "
            "property, never accessed, sold or shared without the IT directorate's written consent."
        ),
        "always",
    ),
    "intellectual_property": Family(
        N_("Intellectual property"),
        N_(
            "The intellectual property clause is missing: the vendor must warrant its rights, "
            "and the deliverables must belong to the town."
        ),
        "always",
    ),
    "public_code": Family(
        N_("Public money, public code"),
        N_(
            "The public code clause was removed: code paid for by the town should belong to it "
            "and be publishable under a free licence, which fosters interoperability and local "
            "suppliers and avoids lock-in."
        ),
    ),
    "integrity": Family(
        N_("Integrity and conflicts of interest"),
        N_(
            "The anti-corruption and conflict of interest clause was removed: the guide "
            "recommends basic integrity clauses in every tender."
        ),
    ),
    "exit": Family(
        N_("Exit and reversibility"),
        N_(
            "The exit clause was removed: without open-format data return, transition help and "
            "declared exit costs, the town may be locked in."
        ),
    ),
    "excluded_vendors": Family(
        N_("Excluded vendors"),
        N_(
            "A vendor helped draft the tender, but the clause excluding it is missing: the "
            "tender must say so explicitly."
        ),
        "excluded_vendors",
    ),
    "transparency": Family(
        N_("No non-disclosure agreements; publication"),
        N_(
            "The transparency clause was removed: publishing the contract, its prices and its "
            "performance is the first safeguard against corruption, and NDAs prevent it."
        ),
    ),
    "performance": Family(
        N_("Performance reporting"),
        N_(
            "The performance reporting clause was removed: without regular reports the town "
            "cannot evaluate or publish the vendor's performance."
        ),
    ),
    "security_incidents": Family(
        N_("Security incidents"),
        N_(
            "The security incident clause was removed: the town must learn of an incident "
            "quickly to protect its citizens and meet its legal duties."
        ),
    ),
    "continuity": Family(
        N_("Mission-critical continuity"),
        N_(
            "The system is mission-critical, but the continuity clause (round-the-clock support, "
            "tested recovery plan, no remote shutdown) is missing."
        ),
        "mission_critical",
    ),
    "subcontractors": Family(
        N_("Subcontractors"),
        N_(
            "The subcontracting clause was removed: subcontractors and cloud providers must be "
            "bound by the same obligations as the vendor."
        ),
    ),
    "accessibility": Family(
        N_("Accessibility"),
        N_(
            "The accessibility clause was removed: services to the public and staff should meet "
            "WCAG 2.1 level AA."
        ),
    ),
    "language": Family(
        N_("Language and binding version"),
        N_("The language clause is missing: the tender must say which language version is legally binding."),
        "always",
    ),
    "term": Family(
        N_("Term and renewal"),
        N_(
            "The term clause is missing: bidders cannot price a contract whose length and "
            "renewals are not stated."
        ),
        "always",
    ),
    "payment": Family(
        N_("Payment and prices"),
        N_(
            "The payment clause is missing: say when the Town pays, what it holds back and "
            "whether prices are firm, or bidders will price the risk."
        ),
        "always",
    ),
    "acceptance": Family(
        N_("Acceptance and warranty"),
        N_(
            "The acceptance clause was removed: without acceptance testing and a warranty, "
            "the Town pays for deliverables it has not verified."
        ),
    ),
    "liability": Family(
        N_("Liability and indemnity"),
        N_(
            "The liability clause is missing: the vendor's own terms would then limit its "
            "liability, often to a few months of fees."
        ),
        "always",
    ),
    "insurance": Family(
        N_("Insurance"),
        N_("The insurance clause was removed: a liability the vendor cannot pay protects no one."),
    ),
    "termination": Family(
        N_("Termination"),
        N_(
            "The termination clause is missing: the Town could not leave a failing contract, "
            "nor end one it no longer needs."
        ),
        "always",
    ),
    "force_majeure": Family(
        N_("Force majeure"),
        N_(
            "The force majeure clause was removed: say what happens when an event neither "
            "party controls stops the service."
        ),
    ),
    "assignment": Family(
        N_("Assignment and change of control"),
        N_(
            "The assignment clause was removed: the contract could pass to a buyer of the "
            "vendor that the Town never evaluated."
        ),
    ),
    "notices": Family(
        N_("Notices"),
        N_("The notices clause was removed: say how and to whom the parties give formal notice."),
    ),
    "confidentiality": Family(
        N_("Confidentiality"),
        N_(
            "The confidentiality clause was removed: the Town's non-personal information "
            "(security plans, network diagrams) would be unprotected."
        ),
    ),
    "personnel": Family(
        N_("Key personnel and background checks"),
        N_(
            "The statement of work names key personnel or asks for background checks, but "
            "the clause that imposes them is missing."
        ),
        "key_personnel",
    ),
    "compliance": Family(
        N_("Compliance with laws"),
        N_(
            "The compliance clause was removed: say that the vendor complies with the laws "
            "that apply to its work, workers' compensation included."
        ),
    ),
}
