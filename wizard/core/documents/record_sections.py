"""Sections of the decision record after the evaluation method: total cost of
ownership (its conclusion in words first), risks, findings in words, the guide's
practices and the vendor exchange register.

Each function returns document blocks in ``lang`` ("fr" or "en"); ``record.py`` puts
them in order. Money is CAD; the TCO tables come from :mod:`wizard.core.documents.record_tco`.

No finding code and no wizard instruction reaches the record: findings are stated by
:func:`wizard.core.documents.record_findings.sentence`. A practice of the guide is said
to be in place only when no finding contradicts it, justified or not: one whose findings
are all justified is shown as a justified exception, with the facts.
"""

from __future__ import annotations

import dataclasses
from decimal import Decimal

from wizard.core.checks.base import Finding
from wizard.core.claims import record as claims
from wizard.core.claims import statement
from wizard.core.clauses import library as clauses
from wizard.core.documents.blocks import Block, Heading, Image, Paragraph, Table
from wizard.core.documents.record_conclusion import conclusion
from wizard.core.documents.record_findings import sentence, subject
from wizard.core.documents.record_tco import (
    breakdown_table,
    percent,
    settings_rows,
    totals_table,
    years_table,
)
from wizard.core.domain import scorecard, tco
from wizard.core.domain.provinces import PROVINCES
from wizard.core.i18n import N_, tr
from wizard.core.i18n.formats import PLACEHOLDER, format_date
from wizard.core.i18n.labels import SEVERITY_LABELS, severity_label, value_label
from wizard.core.model import Project, VendorExchange
from wizard.core.steps import STEPS
from wizard.core.textclean import one_line

DEFAULT_RATE = Decimal(7)
"""The Treasury Board's recommended real discount rate, in % a year (docs/tco.md)."""


def _yes_no(value: bool, lang: str) -> str:
    return tr("Yes", lang) if value else tr("No", lang)


def tco_blocks(project: Project, lang: str, chart_png: bytes = b"") -> list[Block]:
    """Settings, totals (taxes apart), the chart, per-year, cumulative, by category, by payer."""
    results = tco.compute_tco(project)
    blocks: list[Block] = [
        Heading(1, tr("Total cost of ownership", lang)),
        Paragraph(
            tr(
                "Each option is costed over its whole life: acquisition, implementation, operation, staff time and the cost of leaving. Amounts are in Canadian dollars before taxes.",
                lang,
            )
        ),
        Table([], settings_rows(project, lang), [5.0, 11.0]),
        Paragraph(_rate_source(project, lang), "Quote"),
    ]
    if not results:
        return [*blocks, Paragraph(PLACEHOLDER)]
    blocks[1:1] = [
        Heading(2, tr("Conclusion", lang)),
        *(Paragraph(x) for x in conclusion(project, results, lang)),
    ]
    blocks += [
        Paragraph(
            " — ".join(x for x in (one_line(o.name), one_line(o.description)) if x) or PLACEHOLDER,
            "List Bullet",
        )
        for o in project.tco_options
    ]
    blocks += [
        Heading(2, tr("Totals by option", lang)),
        totals_table(project, results, lang),
    ]
    prov = PROVINCES.get(project.info.province.strip().upper())
    if project.tco.include_taxes and prov and prov.taxes:
        blocks.append(
            Paragraph(
                tr(
                    "Sales taxes are computed on the nominal total at the rates in force {where} and shown apart from the pre-tax figures; the Town may recover part of them through the rebates public bodies are entitled to.",
                    lang,
                    where=prov.name_in(lang),
                )
            )
        )
    if chart_png:
        blocks.append(
            Image(
                chart_png,
                16.0,
                tr(
                    "Each point adds up an option's costs from year 0 to that year; the last point is its nominal total.",
                    lang,
                ),
            )
        )
    blocks += [
        Heading(2, tr("Cost per year", lang)),
        years_table(results, lang),
        Heading(2, tr("Cumulative cost", lang)),
        years_table(results, lang, cumulative=True),
        Heading(2, tr("Cost by category", lang)),
        breakdown_table(results, lang, "category"),
        Heading(2, tr("Cost by the budget that pays", lang)),
        breakdown_table(results, lang, "payer"),
    ]
    return blocks


def _rate_source(project: Project, lang: str) -> str:
    """Where the discount rate comes from, stated as a fact (never the app's advice)."""
    rate = tco.rate_of(project)
    if rate == DEFAULT_RATE:
        return tr(
            "The discount rate, 7% a year, is the real rate the Treasury Board of Canada Secretariat's Canadian Cost-Benefit Analysis Guide recommends.",
            lang,
        )
    return tr(
        "The discount rate, {rate} a year, is the Town's; the Treasury Board of Canada Secretariat's Canadian Cost-Benefit Analysis Guide recommends 7% a year.",
        lang,
        rate=percent(rate, lang),
    )


def risks_blocks(project: Project, lang: str, found: list[Finding] | None = None) -> list[Block]:
    """The scope's risk flags with their notes, and what the tender does about them."""
    scope = project.scope
    rows = [
        [
            tr("Mission-critical system", lang),
            _yes_no(scope.mission_critical, lang),
            one_line(scope.mission_critical_notes),
        ],
        [
            tr("Personal information processed", lang),
            _yes_no(scope.personal_information, lang),
            one_line(scope.personal_information_notes),
        ],
        [tr("Data hosted by the vendor", lang), _yes_no(scope.vendor_hosting, lang), ""],
        [tr("Custom code or APIs delivered", lang), _yes_no(scope.custom_code, lang), ""],
    ]
    practices = [p for p in scorecard.scorecard(project, found) if p.family == "high_risk"]
    return [
        Heading(1, tr("Risks", lang)),
        Table([[tr("Risk", lang), tr("Applies", lang), tr("Notes", lang)]], rows, [5.5, 2.0, 8.5]),
        *[
            Paragraph(p.action_text(lang), "List Bullet", label=tr("{title}:", lang, title=tr(p.title, lang)))
            for p in practices
        ],
    ]


def _finding_row(project: Project, f: Finding, lang: str) -> list[str]:
    concerns = subject(project, f.field, lang)
    step = tr(STEPS[f.step].title, lang)
    return [f"{step}\n{concerns}" if concerns else step, sentence(project, f, lang)]


def findings_blocks(project: Project, lang: str, found: list[Finding]) -> list[Block]:
    """Findings marked justified with their reasons, then those still open, by severity."""
    justified = [f for f in found if f.is_justified(project)]
    open_ = [f for f in found if not f.is_justified(project)]
    count = {s: sum(1 for f in open_ if f.severity.value == s) for s in SEVERITY_LABELS}
    blocks: list[Block] = [
        Heading(1, tr("Findings", lang)),
        Paragraph(
            tr(
                "The project was checked against the guide's practices. Each finding below is either marked justified, with the written reason, or still open.",
                lang,
            )
        ),
        Paragraph(
            tr(
                "Findings still open: errors {errors}, warnings {warnings}, for information {infos}. Marked justified: {justified}.",
                lang,
                errors=count["error"],
                warnings=count["warning"],
                infos=count["info"],
                justified=len(justified),
            )
        ),
        Heading(2, tr("Findings marked justified", lang)),
    ]
    if justified:
        rows = []
        for f in justified:
            reasons = [
                one_line(j.reason)
                for j in project.justifications
                if j.code == f.code and j.field == f.field and j.reason.strip()
            ]
            rows.append([*_finding_row(project, f, lang), " ".join(reasons)])
        header = [tr("Step", lang), tr("Finding", lang), tr("Reason", lang)]
        blocks.append(Table([header], rows, [3.6, 6.2, 6.2]))
    else:
        blocks.append(Paragraph(tr("No finding is marked justified.", lang)))
    blocks.append(Heading(2, tr("Findings still open", lang)))
    if open_:
        rows = [[severity_label(f.severity.value, lang), *_finding_row(project, f, lang)] for f in open_]
        header = [tr("Severity", lang), tr("Step", lang), tr("Finding", lang)]
        blocks.append(Table([header], rows, [2.8, 3.6, 9.6]))
    else:
        blocks.append(Paragraph(tr("No open finding.", lang)))
    return blocks


JUSTIFIED_EXCEPTION = N_("Justified exception")
"""The status of a practice the project follows but for findings all marked justified."""

PRACTICE_CLAIMS = {
    "designated_staff": claims.DESIGNATED_STAFF_ONLY,
    "routed_to_cio": claims.ROUTED_TO_CIO,
}
"""Practice key → the claim that says it is followed: the practice is "in place" only
when the claim holds, and what the project does is the claim's statement."""


def _claim_params(project: Project) -> dict[str, object]:
    return {
        "names": ", ".join(claims.undesignated_staff(project)),
        "count": sum(1 for e in project.vendor_exchanges if not e.routed_to_cio),
    }


def record_practices(project: Project, found: list[Finding], lang: str) -> list[tuple[str, str, str, str]]:
    """``(family, title, status, what the project does)`` for every practice, in ``lang``.

    The scorecard counts a justified finding as handled; the record does not say a
    practice is in place while a finding, justified or not, shows otherwise: it computes
    the scorecard again as if nothing were justified, and a practice whose status
    changes is a "justified exception" described by the facts."""
    from wizard.core.documents.record_summary import compliant_statement

    shown = scorecard.scorecard(project, found)
    facts = scorecard.scorecard(dataclasses.replace(project, justifications=[]), found)
    params = _claim_params(project)
    rows = []
    for practice, fact in zip(shown, facts, strict=True):
        status, action = practice.status_text(lang), practice.action_text(lang)
        if fact.status != practice.status:
            status, action = tr(JUSTIFIED_EXCEPTION, lang), fact.action_text(lang)
        held = PRACTICE_CLAIMS.get(practice.key)
        if held is not None and project.vendor_exchanges:
            action = statement(project, held.id, lang, **params) or action
        if practice.key == "compliant" and project.criteria:
            action = compliant_statement(project, lang) or action
        rows.append((practice.family, tr(practice.title, lang), status, action))
    return rows


def scorecard_blocks(project: Project, lang: str, found: list[Finding]) -> list[Block]:
    """The guide's practices by family, each with its status and what the project does."""
    rows = record_practices(project, found, lang)
    justified = tr(JUSTIFIED_EXCEPTION, lang)
    labels = {key: tr(text, lang) for key, text in scorecard.STATUSES.items()}
    number = {key: sum(1 for r in rows if r[2] == text) for key, text in labels.items()}
    number["ok"] += sum(1 for r in rows if r[2] == tr(scorecard.AVOIDED, lang))
    blocks: list[Block] = [
        Heading(1, tr("The guide's practices", lang)),
        Paragraph(
            tr(
                "Practices in place: {ok}; with a justified exception: {justified}; to watch: {attention}; to fix: {problem}; not applicable: {na}.",
                lang,
                ok=number["ok"],
                justified=sum(1 for r in rows if r[2] == justified),
                attention=number["attention"],
                problem=number["problem"],
                na=number["not_applicable"],
            )
        ),
    ]
    header = [tr("Practice", lang), tr("Status", lang), tr("What the project does", lang)]
    for family, title in scorecard.FAMILIES.items():
        table = [[t, status, action] for f, t, status, action in rows if f == family]
        blocks += [Heading(2, tr(title, lang)), Table([header], table, [5.2, 2.6, 8.2])]
    return blocks


def _subject(e: VendorExchange, lang: str) -> str:
    parts = [one_line(e.subject) or PLACEHOLDER]
    if one_line(e.documents):
        parts.append(tr("Documents: {documents}", lang, documents=one_line(e.documents)))
    flags = [
        (e.initiated_by_vendor, N_("initiated by the vendor")),
        (e.demo, N_("demo")),
        (e.nda_signed, N_("non-disclosure agreement signed")),
        (e.drafting == "helped_draft", N_("helped draft the tender")),
        (e.drafting == "material_used", N_("supplied a template or specification that was used")),
        (e.drafting == "material_not_used", N_("template or specification received, not used")),
        (e.rfi, N_("request for information")),
    ]
    marks = [tr(text, lang) for on, text in flags if on]
    return " ".join(parts) + (f" ({', '.join(marks)})" if marks else "")


def register_blocks(project: Project, lang: str) -> list[Block]:
    """The vendor exchange register, the designated staff and the excluded vendors."""
    rows = []
    for e in project.vendor_exchanges:
        staff = ", ".join(x for x in (one_line(e.staff_name), one_line(e.staff_role)) if x)
        channel = (
            value_label(e.channel, lang) if e.channel in VendorExchange.CHANNELS else one_line(e.channel)
        )
        when = format_date(e.date, lang) if e.date.strip() else PLACEHOLDER
        rows.append(
            [
                "\n".join(x for x in (when, channel) if x),
                one_line(e.vendor) or PLACEHOLDER,
                staff or PLACEHOLDER,
                _subject(e, lang),
                f"{_yes_no(e.routed_to_cio, lang)} / {_yes_no(e.publishable, lang)}",
            ]
        )
    header = [
        tr("Date and channel", lang),
        tr("Vendor", lang),
        tr("Town staff", lang),
        tr("Subject", lang),
        tr("CIO / public", lang),
    ]
    blocks: list[Block] = [
        Heading(1, tr("Vendor exchange register", lang)),
        Paragraph(
            tr(
                "Every exchange with a vendor during the project. CIO / public: whether the exchange was routed to the chief information officer, and whether it can be published.",
                lang,
            )
        ),
    ]
    if rows:
        blocks.append(Table([header], rows, [16.0]))
    else:
        blocks.append(Paragraph(tr("No exchange with a vendor was recorded.", lang)))
    staff = ", ".join(
        x
        for x in (
            " ".join(x for x in (one_line(s.name), f"({one_line(s.role)})" if s.role.strip() else "") if x)
            for s in project.designated_staff
        )
        if x
    )
    blocks.append(Paragraph(staff or "—", label=tr("Designated staff:", lang)))
    if project.vendor_exchanges:
        params = _claim_params(project)
        for held in (claims.DESIGNATED_STAFF_ONLY, claims.ROUTED_TO_CIO):
            text = statement(project, held.id, lang, **params)
            if text:
                blocks.append(Paragraph(text))
    excluded = clauses.excluded_vendor_names(project)
    blocks.append(
        Paragraph(
            ", ".join(excluded) or "—", label=tr("Vendors excluded for helping draft the tender:", lang)
        )
    )
    return blocks
