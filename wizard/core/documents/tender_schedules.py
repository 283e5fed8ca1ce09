"""The tender's contract appendices (docs/documents.md; docs/statement-of-work.md).

``schedule_blocks(project, lang) -> list[Block]`` ("fr" or "en"), after the contract
clauses:

* **Appendix: service levels and security**, with the numbers of
  ``project.statement_of_work``: availability, support hours, response and resolution
  times by severity, recovery time and point objectives, service credits and their cap,
  the termination trigger; the independent audit, penetration test, encryption, log
  retention and background checks. The clauses refer to it by its name
  (``performance-reporting``, ``critical-systems``, ``privacy``, ``termination``,
  ``acceptance-warranty``), never "as specified in the Contract".
* **Appendix: form of agreement**: what the Town and the successful bidder sign (the
  parties, the documents forming the Contract in the order of the precedence clause, the
  term, the price reference, the representatives for notices, the signatures), so that
  bidders price what they will sign. What the award fills is a neutral blank line
  (``tender_forms.BLANK``), never the app's placeholder.

An objective of 0 means "not stated" and prints so (a check of the statement-of-work
step says what is missing). The sentences echo the project's own values, so none is a
claim (docs/claims.md). Raises nothing.
"""

from __future__ import annotations

from typing import Any

from wizard.core.clauses.terms import bounded, contract_terms, days, hours, pct
from wizard.core.documents.blocks import Block, Heading, PageBreak, Paragraph, Table
from wizard.core.documents.tender_forms import BLANK, LINE
from wizard.core.i18n import N_, tr
from wizard.core.i18n.formats import PLACEHOLDER, format_date
from wizard.core.model import Project
from wizard.core.textclean import one_line

SERVICE_LEVELS = N_("Appendix: service levels and security")
"""The title of the service-level and security appendix (the clauses name it)."""
FORM_OF_AGREEMENT = N_("Appendix: form of agreement")
"""The title of the form of agreement (the precedence and notices clauses name it)."""

_SEVERITIES = (
    (
        N_("Critical"),
        N_("The service is down or the Town's data is at risk."),
        "response_critical_hours",
        "resolution_critical_hours",
    ),
    (
        N_("Major"),
        N_("A function is unusable and no workaround exists."),
        "response_major_hours",
        "resolution_major_hours",
    ),
    (N_("Minor"), N_("Any other incident or request."), "response_minor_hours", "resolution_minor_hours"),
)
"""The severity levels: name, definition, and the model's response and resolution fields."""


_AUDIT = {
    "audit_independent": N_(
        "An independent security audit of the service and its hosting, current and renewed every year: a SOC 2 Type II report, an ISO/IEC 27001 certification or an equivalent independent audit, given to the Town with the bid and at each renewal."
    ),
    "audit_none": N_(
        "No independent security audit is required; the Contractor answers the Town's security questionnaire and demonstrates its measures on request."
    ),
}
"""The audit requirement (``StatementOfWork.security_audit``) as the appendix states it."""


def _hours_or_unstated(n: int, lang: str) -> str:
    return hours(n, lang) if n > 0 else tr("not stated", lang)


def schedule_blocks(project: Project, lang: str) -> list[Block]:
    """The two appendices in ``lang`` (see the module doc)."""
    terms = contract_terms(project, lang)
    return _service_levels(project, lang, terms) + _security(project, lang) + _agreement(project, lang, terms)


def _service_levels(project: Project, lang: str, terms: dict[str, Any]) -> list[Block]:
    sow = bounded(project)
    availability = (
        tr("{pct} of the time each month, outside maintenance windows agreed with the Town in advance", lang, pct=terms["availability"])
        if terms["sla"]
        else tr("not stated", lang)
    )  # fmt: skip
    rows = [
        [tr("Availability of the service", lang), availability],
        [tr("Support hours", lang), terms["support"]],
        [tr("Recovery time objective (RTO)", lang), _hours_or_unstated(sow.rto_hours, lang)],
        [tr("Recovery point objective (RPO)", lang), _hours_or_unstated(sow.rpo_hours, lang)],
    ]
    blocks: list[Block] = [
        PageBreak(),
        Heading(1, tr(SERVICE_LEVELS, lang)),
        Paragraph(
            tr(
                "This appendix forms part of the Contract. The Contractor meets the levels below from the start of production; they are measured each month and reported to the Town.",
                lang,
            )
        ),
        Heading(2, tr("Service levels", lang)),
        Table([[tr("Level", lang), tr("Value", lang)]], rows, [6.0, 10.0]),
        Paragraph(
            tr(
                "Response and resolution times run from the Town's report, within the support hours; a resolution may be a workaround the Town accepts, followed by the correction.",
                lang,
            )
        ),
    ]
    if project.scope.mission_critical:
        blocks.append(
            Paragraph(
                tr(
                    "The system is mission-critical: the times of a critical incident run at all hours, whatever the support hours.",
                    lang,
                )
            )
        )
    severity_rows = [
        [
            tr(name, lang),
            tr(meaning, lang),
            _hours_or_unstated(getattr(sow, response), lang),
            _hours_or_unstated(getattr(sow, resolution), lang),
        ]
        for name, meaning, response, resolution in _SEVERITIES
    ]
    header = [
        tr("Severity", lang),
        tr("Definition", lang),
        tr("Response time", lang),
        tr("Resolution time", lang),
    ]
    blocks.append(Table([header], severity_rows, [3.0, 7.0, 3.0, 3.0]))
    if terms["sla"]:
        blocks.append(Heading(2, tr("Service credits", lang)))
        if sow.service_credit_pct > 0:
            blocks.append(
                Paragraph(
                    tr(
                        "For each full percentage point by which the availability of a month falls below the level above, the Contractor credits the Town {credit} of that month's recurring fees, up to {cap} of those fees. Credits are deducted from the next invoice and do not deprive the Town of its other remedies.",
                        lang,
                        credit=pct(sow.service_credit_pct, lang),
                        cap=pct(sow.service_credit_cap_pct, lang),
                    )
                )
            )
        else:
            blocks.append(Paragraph(tr("The Contract provides no service credits.", lang)))
        if sow.sla_termination_months > 0:
            blocks.append(
                Paragraph(
                    tr(
                        "An availability below the level above in {months} of any twelve consecutive months is a default for which the Town may terminate the Contract without a period to remedy.",
                        lang,
                        months=terms["sla_months_text"],
                    )
                )
            )
    return blocks


def _security(project: Project, lang: str) -> list[Block]:
    sow = bounded(project)
    items = [tr(_AUDIT.get(sow.security_audit, _AUDIT["audit_independent"]), lang)]
    if sow.penetration_test:
        items.append(
            tr(
                "An independent penetration test of the service every year; the Contractor gives the Town its summary and corrects its serious findings without delay.",
                lang,
            )
        )
    if sow.encryption:
        items.append(
            tr(
                "The Town's data encrypted in transit and at rest, with current, recognized algorithms and protocols.",
                lang,
            )
        )
    if sow.log_retention_days > 0:
        items.append(
            tr(
                "Security and access logs kept for {days} and given to the Town on request.",
                lang,
                days=days(sow.log_retention_days, lang),
            )
        )
    if sow.background_checks:
        items.append(
            tr(
                "Verification of identity and criminal record, with the person's consent and as the law permits, of every person of the Contractor or of a subcontractor before that person can reach the Town's data or systems.",
                lang,
            )
        )
    items.append(
        tr(
            "Every security incident affecting the Town's data notified to the Town as the Contract provides.",
            lang,
        )
    )
    return [
        Heading(2, tr("Security requirements", lang)),
        Paragraph(tr("Throughout the Contract, the Contractor provides:", lang)),
        *[Paragraph(item, "List Bullet") for item in items],
    ]


def _agreement(project: Project, lang: str, terms: dict[str, Any]) -> list[Block]:
    info = project.info
    organization = one_line(info.organization) or PLACEHOLDER
    reference = one_line(info.reference) or PLACEHOLDER
    title = one_line(info.title) or PLACEHOLDER
    renewals = (
        tr("renewable at the Town's option {times} at most, for {length} each time", lang, times=terms["renewal_times"], length=terms["renewal"])
        if bounded(project).renewals > 0
        else tr("not renewable", lang)
    )  # fmt: skip
    officer = ", ".join(
        x
        for x in (
            one_line(info.officer_name),
            one_line(info.officer_title),
            one_line(info.contact_email),
            one_line(info.contact_address),
        )
        if x
    )
    rows = [
        [tr("The Town", lang), organization],
        [tr("The Contractor", lang), tr("Name: {blank}; address: {blank}", lang, blank=BLANK)],
        [
            tr("Term", lang),
            tr(
                "From {start}, for {term}, {renewals}",
                lang,
                start=format_date(info.contract_start, lang),
                term=terms["term"],
                renewals=renewals,
            ),
        ],
        [
            tr("Price", lang),
            tr(
                "The prices of the price form of the Contractor's bid; value of the Contract over the initial term, taxes excluded: {blank}",
                lang,
                blank=BLANK,
            ),
        ],
        [tr("Representative of the Town for notices", lang), officer or PLACEHOLDER],
        [tr("Representative of the Contractor for notices", lang), BLANK],
    ]
    blocks: list[Block] = [
        PageBreak(),
        Heading(1, tr(FORM_OF_AGREEMENT, lang)),
        Paragraph(
            tr(
                "The Town and the successful bidder sign this agreement after the award. It is attached so that bidders know what they will sign: the Town completes only the blanks below, from the award and the successful bid.",
                lang,
            )
        ),
        Table([], rows, [6.0, 10.0]),
        Paragraph(
            tr(
                "The Contractor undertakes to perform the Contract, and the Town to pay the prices of the Contractor's bid, on the terms of the following documents, which form the Contract in descending order of precedence:",
                lang,
            )
        ),
        Paragraph(tr("this agreement;", lang), "List Number", number=1),
        Paragraph(
            tr(
                "the call for tenders {reference}, “{title}”, with its appendices and addenda no. {blank};",
                lang,
                reference=reference,
                title=title,
                blank=BLANK,
            ),
            "List Number",
            number=2,
        ),
        Paragraph(tr("the Contractor's bid dated {blank}.", lang, blank=BLANK), "List Number", number=3),
    ]
    for party in (N_("For the Town"), N_("For the Contractor")):
        blocks.append(Heading(3, tr(party, lang)))
        for label in (N_("Name:"), N_("Position:"), N_("Signature:"), N_("Date:")):
            blocks.append(Paragraph(LINE, label=tr(label, lang)))
    return blocks
