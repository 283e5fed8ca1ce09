"""Sections of the decision record after the criteria: total cost of
ownership, risks, findings, the guide's practices and the vendor exchange register.

Each function returns document blocks in ``lang`` ("fr" or "en"); ``record.py`` puts
them in order. Money is CAD; the TCO tables come from :mod:`wizard.core.documents.record_tco`.
"""

from __future__ import annotations

from wizard.core.checks.base import Finding
from wizard.core.clauses import library as clauses
from wizard.core.documents.blocks import Block, Heading, Image, Paragraph, Table
from wizard.core.documents.record_tco import (
    DISCOUNT_RATE_SOURCE,
    breakdown_table,
    money,
    settings_rows,
    totals_table,
    years_table,
)
from wizard.core.domain import scorecard, tco
from wizard.core.domain.provinces import PROVINCES
from wizard.core.i18n import N_, ntr, tr
from wizard.core.i18n.formats import PLACEHOLDER, format_date
from wizard.core.i18n.labels import SEVERITY_LABELS, severity_label, value_label
from wizard.core.model import Project, VendorExchange
from wizard.core.steps import STEPS
from wizard.core.textclean import one_line


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
        Paragraph(tr(DISCOUNT_RATE_SOURCE, lang), "Quote"),
    ]
    if not results:
        return [*blocks, Paragraph(PLACEHOLDER)]
    blocks += [
        Paragraph(
            " — ".join(x for x in (one_line(o.name), one_line(o.description)) if x) or PLACEHOLDER,
            "List Bullet",
        )
        for o in project.tco_options
    ]
    best = min(results, key=lambda r: r.npv)
    blocks += [
        Heading(2, tr("Totals by option", lang)),
        totals_table(project, results, lang),
        Paragraph(
            ntr(
                "Over {count} year, the lowest net present value is that of “{option}”: {npv}.",
                "Over {count} years, the lowest net present value is that of “{option}”: {npv}.",
                tco.horizon_of(project),
                lang,
                option=one_line(best.name),
                npv=money(best.npv, lang),
            )
        ),
    ]
    prov = PROVINCES.get(project.info.province.strip().upper())
    if project.tco.include_taxes and prov and prov.taxes:
        blocks.append(
            Paragraph(
                tr(
                    "Sales taxes are computed on the nominal total at the rates in force {where} and shown apart from the pre-tax figures; the town may recover part of them through the rebates public bodies are entitled to.",
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
        Heading(2, tr("Cost by budget that pays", lang)),
        breakdown_table(results, lang, "payer"),
    ]
    return blocks


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


def _finding_row(f: Finding, lang: str) -> list[str]:
    return [f.code, tr(STEPS[f.step].title, lang), f.message(lang)]


def findings_blocks(project: Project, lang: str, found: list[Finding]) -> list[Block]:
    """Findings marked justified with their reasons, then those still open, by severity."""
    justified = [f for f in found if f.is_justified(project)]
    open_ = [f for f in found if not f.is_justified(project)]
    count = {s: sum(1 for f in open_ if f.severity.value == s) for s in SEVERITY_LABELS}
    blocks: list[Block] = [
        Heading(1, tr("Findings", lang)),
        Paragraph(
            tr(
                "The wizard checks the project against the guide. A finding never blocks the project; it is either corrected, or marked justified with a written reason, listed below.",
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
            rows.append([*_finding_row(f, lang), " ".join(reasons)])
        header = [tr("Code", lang), tr("Step", lang), tr("Finding", lang), tr("Reason", lang)]
        blocks.append(Table([header], rows, [3.4, 2.6, 5.0, 5.0]))
    else:
        blocks.append(Paragraph(tr("No finding is marked justified.", lang)))
    blocks.append(Heading(2, tr("Findings still open", lang)))
    if open_:
        rows = [[severity_label(f.severity.value, lang), *_finding_row(f, lang)] for f in open_]
        header = [tr("Severity", lang), tr("Code", lang), tr("Step", lang), tr("Finding", lang)]
        blocks.append(Table([header], rows, [3.1, 3.3, 2.8, 6.8]))
    else:
        blocks.append(Paragraph(tr("No open finding.", lang)))
    return blocks


def scorecard_blocks(project: Project, lang: str, found: list[Finding]) -> list[Block]:
    """The guide's practices by family, each with its status and what the project does."""
    practices = scorecard.scorecard(project, found)
    totals = scorecard.counts(practices)
    blocks: list[Block] = [
        Heading(1, tr("The guide's practices", lang)),
        Paragraph(
            tr(
                "Practices in place: {ok}; to watch: {attention}; to fix: {problem}; not applicable: {na}.",
                lang,
                ok=totals["ok"],
                attention=totals["attention"],
                problem=totals["problem"],
                na=totals["not_applicable"],
            )
        ),
    ]
    for family, title in scorecard.FAMILIES.items():
        rows = [
            [tr(p.title, lang), p.status_text(lang), p.action_text(lang)]
            for p in practices
            if p.family == family
        ]
        header = [tr("Practice", lang), tr("Status", lang), tr("What the project does", lang)]
        blocks += [Heading(2, tr(title, lang)), Table([header], rows, [5.2, 2.3, 8.5])]
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
    excluded = clauses.excluded_vendor_names(project)
    blocks.append(
        Paragraph(
            ", ".join(excluded) or "—", label=tr("Vendors excluded for helping draft the tender:", lang)
        )
    )
    return blocks
