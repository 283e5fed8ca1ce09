"""The first page of the decision record: the executive summary and the recommendation
(docs/documents.md).

* ``summary_blocks(project, lang)``: the need in one paragraph, what is proposed, the
  estimated cost and horizon, the funding, the market in counts, the schedule.
* ``recommendation_blocks(project, lang)``: the resolution council is asked to adopt
  to launch the call for tenders, written as Canadian councils write them ("Moved by …,
  seconded by …, THAT Council authorize …"; « Il est proposé par …, appuyé par …, et
  résolu d'autoriser le lancement de l'appel d'offres … »). Once the call is out
  (``launched``), the same resolution is said as the one recommended at launch, and the
  summary's proposal, schedule and open errors speak of the call as launched; the award
  comes with the evaluation of the bids (:mod:`.record_award`).

Every statement of fact goes through a claim (:mod:`wizard.core.claims.record`).
"""

from __future__ import annotations

from wizard.core.checks.base import Finding
from wizard.core.claims import record as claims
from wizard.core.claims import statement
from wizard.core.documents.blocks import Block, Heading, Paragraph
from wizard.core.documents.record_findings import sentence
from wizard.core.documents.record_funding import estimate_text, funding_statements
from wizard.core.domain import market
from wizard.core.domain.days import parse_day
from wizard.core.i18n import N_, counts, ntr, tr
from wizard.core.i18n.formats import PLACEHOLDER, format_date
from wizard.core.model import Project
from wizard.core.textclean import one_line

BLANK = "____________"
"""Where the clerk writes the names of the mover and the seconder."""

_SCHEDULE = (
    ("publication_date", N_("publication on {date}")),
    ("closing_date", N_("closing of bids on {date}")),
    ("award_date", N_("award on {date}")),
    ("contract_start", N_("start of the contract on {date}")),
)


def _need(project: Project) -> str:
    return " ".join(project.problem.statement.split()) or PLACEHOLDER


def compliant_statement(project: Project, lang: str) -> str:
    """How many scanned solutions meet the mandatory criteria, counts only (claim
    ``record.compliant-count``): never their names, which would look like targeting before
    the tender closes."""
    mandatory = [c for c in project.criteria if c.kind == "mandatory"]
    linked = {c.id for c in market.linked_mandatory(project)}
    return statement(
        project,
        claims.EVERY_MANDATORY_LINKED.id,
        lang,
        count=len(market.compliant_solutions(project)),
        total=len(project.solutions),
        unlinked=len([c for c in mandatory if c.id not in linked]),
    )


def _proposed(project: Project, lang: str) -> str:
    mandatory = sum(1 for c in project.criteria if c.kind != "optional")
    optional = sum(1 for c in project.criteria if c.kind == "optional")
    ev = project.evaluation
    text = tr(
        "A call for tenders open to every vendor, {reference} “{title}”: {mandatory}, pass/fail, and {optional}.",
        lang,
        reference=one_line(project.info.reference) or PLACEHOLDER,
        title=one_line(project.info.title) or PLACEHOLDER,
        mandatory=counts.mandatory_criteria(mandatory),
        optional=counts.optional_criteria(optional),
    )
    if ev.quebec_weighted:
        return text + " " + tr("Qualified bids are ranked under Québec's weighted system.", lang)
    return (
        text
        + " "
        + tr(
            "Qualified bids are scored on quality ({quality}) and price ({price}).",
            lang,
            quality=counts.points(ev.quality_weight),
            price=counts.points(ev.price_weight),
        )
    )


def _schedule(project: Project, lang: str) -> str:
    steps = [
        tr(text, lang, date=format_date(getattr(project.info, name), lang))
        for name, text in _SCHEDULE
        if parse_day(getattr(project.info, name)) is not None  # a bad date: PR-DATE, just below
    ]
    if not steps:
        return tr("The calendar is not set.", lang)
    text = "; ".join(steps) + "."
    return text[0].upper() + text[1:]


def open_errors(project: Project, found: list[Finding]) -> list[Finding]:
    """The errors of ``found`` not marked justified: what council must know before it
    launches the call for tenders."""
    return [f for f in found if f.severity.value == "error" and not f.is_justified(project)]


def summary_blocks(
    project: Project, lang: str, found: list[Finding] | None = None, *, launched: bool = False
) -> list[Block]:
    """The executive summary: need, proposal, cost, funding, market, schedule, and the
    errors still open in ``found`` (the project's findings), stated in words; once the
    call is ``launched``, what was launched and the call's schedule."""
    estimate = estimate_text(project, lang)
    market_text = " ".join(
        x
        for x in (
            tr("Solutions scanned: {count}.", lang, count=len(project.solutions)),
            compliant_statement(project, lang),
        )
        if x
    )
    return [
        Heading(1, tr("Executive summary", lang)),
        Paragraph(_need(project), label=tr("The need:", lang)),
        Paragraph(
            _proposed(project, lang),
            label=tr("What was launched:", lang) if launched else tr("What is proposed:", lang),
        ),
        Paragraph(
            f"{estimate}." if estimate else PLACEHOLDER,
            label=tr("Estimated cost:", lang),
        ),
        Paragraph(" ".join(funding_statements(project, lang)), label=tr("Funding:", lang)),
        Paragraph(market_text, label=tr("Market:", lang)),
        Paragraph(
            _schedule(project, lang),
            label=tr("Schedule of the call for tenders:", lang) if launched else tr("Schedule:", lang),
        ),
        *_errors_blocks(project, lang, open_errors(project, found or []), launched),
    ]


def _errors_blocks(project: Project, lang: str, errors: list[Finding], launched: bool) -> list[Block]:
    if not errors:
        return []
    return [
        Paragraph(
            ntr(
                "{count} error found by the checks is still open:",
                "{count} errors found by the checks are still open:",
                len(errors),
                lang,
            )
            if launched
            else ntr(
                "{count} error found by the checks is still open and must be corrected before the call for tenders is launched:",
                "{count} errors found by the checks are still open and must be corrected before the call for tenders is launched:",
                len(errors),
                lang,
            ),
            label=tr("Open errors:", lang),
        ),
        *(Paragraph(sentence(project, f, lang), "List Bullet") for f in errors),
    ]


def recommendation_blocks(
    project: Project, lang: str, found: list[Finding] | None = None, *, launched: bool = False
) -> list[Block]:
    """The recommendation: the resolution that launches the call for tenders; while
    errors of ``found`` are open, it is recommended only once they are corrected. Once
    the call is ``launched``, the same resolution as the one recommended at launch."""
    reference = one_line(project.info.reference) or PLACEHOLDER
    title = one_line(project.info.title) or PLACEHOLDER
    source = one_line(project.tco.funding_source) or PLACEHOLDER
    estimate = estimate_text(project, lang)
    funded = (
        tr(
            "THAT the expenditure, estimated at {estimate}, be funded from {source}.",
            lang,
            estimate=estimate,
            source=source,
        )
        if estimate
        else tr("THAT the expenditure be funded from {source}.", lang, source=source)
    )
    if launched:
        heading = tr("Recommendation at launch", lang)
        lead = tr(
            "To launch the call for tenders, it was recommended that Council adopt the following resolution:",
            lang,
        )
    else:
        heading = tr("Recommendation", lang)
        lead = (
            tr(
                "It is recommended that Council adopt the following resolution once the open errors listed above are corrected:",
                lang,
            )
            if open_errors(project, found or [])
            else tr("It is recommended that Council adopt the following resolution:", lang)
        )
    return [
        Heading(1, heading),
        Paragraph(lead),
        Paragraph(
            tr("Moved by {mover}, seconded by {seconder}:", lang, mover=BLANK, seconder=BLANK), "Quote"
        ),
        Paragraph(
            tr(
                "THAT Council authorize the launch of call for tenders {reference}, “{title}”, as described in this report;",
                lang,
                reference=reference,
                title=title,
            ),
            "Quote",
        ),
        Paragraph(funded, "Quote"),
    ]
