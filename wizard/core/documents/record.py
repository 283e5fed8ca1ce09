"""The decision record for council, as document blocks (docs/documents.md).

``record_document(project, lang, chart_png=b"") -> Document`` ("fr" or "en"):
cover, summary, the problem as received and as defined, scope and governance, the
market scan and its matrix, a criteria summary, the total cost of ownership (tables and
the chart ``chart_png``), risks (mission-critical, personal information), the findings
(those marked justified with their reasons, and those still open), the scorecard of the
guide's practices and the vendor exchange register. The same blocks feed the DOCX
(``export.record_bytes``). Raises ``ValueError`` for another ``lang``.

Guide principle: decisions rest on a correct problem definition, a neutral market scan,
a TCO and a risk analysis, and they are documented so they can be published.
"""

from __future__ import annotations

from wizard.core.checks import run_checks
from wizard.core.documents.blocks import Block, Document, Heading, PageBreak, Paragraph, Table
from wizard.core.documents.record_sections import (
    findings_blocks,
    register_blocks,
    risks_blocks,
    scorecard_blocks,
    tco_blocks,
)
from wizard.core.documents.table_layout import TABLE_FONT_PT, TEXT_WIDTH_CM, min_widths
from wizard.core.documents.tender import contents_blocks, user_paragraphs, user_text
from wizard.core.documents.tender_criteria import CATEGORY_LABELS
from wizard.core.domain import market
from wizard.core.domain.evaluation import points_needed_clamped
from wizard.core.domain.numbering import criterion_numbers
from wizard.core.domain.provinces import PROVINCES
from wizard.core.i18n import N_, counts, tr
from wizard.core.i18n.formats import PLACEHOLDER
from wizard.core.i18n.labels import value_label
from wizard.core.model import Project, Solution
from wizard.core.model.defaults import GOVERNANCE_ITEMS
from wizard.core.textclean import one_line

LEVEL_MARKS = {"yes": "✓", "partial": "½", "no": "✗", "unknown": "?"}
PROPERTY_LIMIT = 200  # Word's document properties hold at most 255 characters
MATRIX_COLUMNS = 8  # at most this many solutions per matrix table, so a wide scan stays readable on paper


def label(value: str, lang: str) -> str:
    """A stored choice value in words in ``lang`` (the value itself when unknown)."""
    return tr(N_("(not answered)"), lang) if value == "" else value_label(value, lang)


def _cover(project: Project, lang: str) -> list[Block]:
    info = project.info
    prov = PROVINCES.get(info.province.strip().upper())
    officer = ", ".join(x for x in (one_line(info.officer_name), one_line(info.officer_title)) if x)
    rows = [
        [tr("Reference number", lang), user_text(info.reference)],
        [tr("Province or territory", lang), prov.name(lang) if prov else PLACEHOLDER],
        [tr("Responsible officer", lang), officer or PLACEHOLDER],
        [
            tr("Authors", lang),
            "; ".join(
                ", ".join(x for x in (one_line(a.name), one_line(a.role)) if x) for a in project.authors
            )
            or PLACEHOLDER,
        ],
    ]
    return [
        Paragraph(user_text(info.organization), "Subtitle"),
        Paragraph(user_text(info.title), "Title"),
        Paragraph(tr("Decision record for council", lang), "Subtitle"),
        Table([], rows, [6.0, 10.0]),
        Paragraph(
            tr(
                "This record explains how the need was defined, which solutions the market offers, what each option costs over its life, which risks were weighed and which of the guide's practices the project follows. Every figure comes from the project file.",
                lang,
            )
        ),
        PageBreak(),
        *contents_blocks(lang),
    ]


def _problem(project: Project, lang: str) -> list[Block]:
    problem = project.problem
    blocks: list[Block] = [
        Heading(1, tr("Problem definition", lang)),
        Paragraph(
            tr(
                "A tender starts from a need the town must meet, not from a product to buy. The request as received is kept beside the problem as defined, so council sees how it was restated.",
                lang,
            )
        ),
        Heading(2, tr("The request as received", lang)),
        *user_paragraphs(problem.request_as_received, "Quote"),
        Paragraph(user_text(problem.requesting_unit), label=tr("Requesting unit:", lang)),
        Heading(2, tr("The problem as defined", lang)),
        *user_paragraphs(problem.statement, "Quote"),
    ]
    if problem.context.strip():
        blocks += [Heading(2, tr("Context", lang)), *user_paragraphs(problem.context)]
    if problem.urgent:
        blocks += [Heading(2, tr("Urgency", lang)), *user_paragraphs(problem.urgency_justification)]
    return blocks


def _scope(project: Project, lang: str) -> list[Block]:
    units = [u for u in project.business_units if u.role in ("affected", "beneficiary", "consulted")]
    blocks: list[Block] = [Heading(1, tr("Scope", lang)), Heading(2, tr("Units of the town", lang))]
    if units:
        rows = [[user_text(u.name), label(u.role, lang), one_line(u.notes)] for u in units]
        blocks.append(Table([[tr("Unit", lang), tr("Role", lang), tr("Notes", lang)]], rows, [5.0, 3.0, 8.0]))
    else:
        blocks.append(Paragraph(PLACEHOLDER))
    if project.partners:
        blocks.append(Heading(2, tr("External partners", lang)))
        blocks += [
            Paragraph(" — ".join(x for x in (user_text(p.name), one_line(p.notes)) if x), "List Bullet")
            for p in project.partners
        ]
    rows = [
        [tr(GOVERNANCE_ITEMS.get(g.key, g.key), lang), label(g.answer, lang), one_line(g.notes)]
        for g in project.governance
    ]
    if rows:
        blocks += [
            Heading(2, tr("Governance", lang)),
            Table([[tr("Statement", lang), tr("Answer", lang), tr("Notes", lang)]], rows, [8.0, 2.5, 5.5]),
        ]
    return blocks


def _matrix_chunks(project: Project, lang: str, first: str) -> list[list[Solution]]:
    """The solutions cut into groups that fit the page beside the feature column: each
    solution column at least as wide as the longest word of its name (never cut)."""
    names = [user_text(f.name) for f in project.features]
    budget = TEXT_WIDTH_CM - max(
        min_widths([first], TABLE_FONT_PT, bold=True), min(min_widths(names, TABLE_FONT_PT), 5.0)
    )
    widths = [max(min_widths([user_text(s.name)], TABLE_FONT_PT, bold=True), 1.2) for s in project.solutions]
    chunks: list[list[int]] = [[]]
    for index, width in enumerate(widths):
        if chunks[-1] and (
            sum(widths[i] for i in chunks[-1]) + width > budget or len(chunks[-1]) >= MATRIX_COLUMNS
        ):
            chunks.append([])
        chunks[-1].append(index)
    size = -(-len(widths) // len(chunks))  # the same groups, evened out when they still fit
    even = [list(range(start, min(start + size, len(widths)))) for start in range(0, len(widths), size or 1)]
    if len(even) == len(chunks) and all(sum(widths[i] for i in c) <= budget for c in even):
        chunks = even
    return [[project.solutions[i] for i in c] for c in chunks if c]


def _matrix_tables(project: Project, lang: str) -> list[Block]:
    levels = {(cell.solution_id, cell.feature_id): cell.level for cell in project.support}
    first = tr("Feature or standard", lang)
    blocks: list[Block] = []
    for chunk in _matrix_chunks(project, lang, first):
        header = [first, *(user_text(s.name) for s in chunk)]
        rows = [
            [user_text(f.name), *(LEVEL_MARKS.get(levels.get((s.id, f.id), "unknown"), "?") for s in chunk)]
            for f in project.features
        ]
        blocks.append(Table([header], rows, [TEXT_WIDTH_CM]))
    return blocks


def _market(project: Project, lang: str) -> list[Block]:
    summary = market.summarize(project)
    rows = [
        [
            user_text(s.name),
            user_text(s.vendor),
            f"{label(s.licence, lang)}\n{label(s.delivery, lang)}",
            label("yes" if s.hosting_in_canada else "no", lang),
            label(s.source, lang),
        ]
        for s in project.solutions
    ]
    header = [
        tr("Solution", lang),
        tr("Vendor", lang),
        tr("Licence and delivery", lang),
        tr("Hosted in Canada", lang),
        tr("Source", lang),
    ]
    names = {f.id: user_text(f.name) for f in project.features}
    blocks: list[Block] = [
        PageBreak(),
        Heading(1, tr("Market scan", lang)),
        Paragraph(
            tr(
                "Solutions scanned from public sources: {count}. A feature that at least {threshold}% of them support is common and can become a mandatory criterion.",
                lang,
                count=summary.solutions,
                threshold=project.market.common_threshold_pct,
            )
        ),
        Table([header], rows, [TEXT_WIDTH_CM]) if rows else Paragraph(PLACEHOLDER),
        Heading(2, tr("Matrix of features and standards", lang)),
        Paragraph(tr("✓ supported, ½ partly, ✗ not supported, ? unknown.", lang), "Normal"),
        *_matrix_tables(project, lang),
        Paragraph(", ".join(names[i] for i in summary.common) or "—", label=tr("Common features:", lang)),
        Paragraph(
            ", ".join(names[i] for i in summary.differentiators) or "—", label=tr("Differentiators:", lang)
        ),
        Paragraph(
            market.solution_names(project, summary.underperforming) or "—",
            label=tr("Under-performing solutions:", lang),
        ),
    ]
    return blocks


def _criteria(project: Project, lang: str) -> list[Block]:
    index = market.SupportIndex(project)
    mandatory = [c for c in project.criteria if c.kind != "optional"]  # as the tender counts them
    optional = [c for c in project.criteria if c.kind == "optional"]
    rows = []
    for key, msgid in CATEGORY_LABELS.items():
        m = sum(1 for c in mandatory if c.category == key)
        o = sum(1 for c in optional if c.category == key)
        if m or o:
            rows.append([tr(msgid, lang), str(m), str(o)])
    threshold = project.criteria_settings.pass_threshold_pct
    compliant = market.compliant_solutions(project, index)
    numbers = criterion_numbers(project, lang)  # the tender's ids: OBL-1 / M-1 …
    met = [
        [numbers[c.id], user_text(c.text), str(len(market.criterion_solutions(c, index)))] for c in mandatory
    ]
    ev = project.evaluation
    return [
        Heading(1, tr("Criteria", lang)),
        Table(
            [[tr("Category", lang), tr("Mandatory", lang), tr("Optional", lang)]],
            rows,
            [8.0, 4.0, 4.0],
            right=(1, 2),
        ),
        Paragraph(
            tr(
                "Pass threshold: {threshold}% of the optional criteria. Optional criteria: {count}; points needed: {points}.",
                lang,
                threshold=threshold,
                count=len(optional),
                points=points_needed_clamped(threshold, len(optional)),
            )
        ),
        Paragraph(
            tr(
                "Weights: quality {quality}, price {price}.",
                lang,
                quality=counts.points(ev.quality_weight),
                price=counts.points(ev.price_weight),
            )
        ),
        Paragraph(
            market.solution_names(project, compliant) or "—",
            label=tr("Scanned solutions meeting every mandatory criterion:", lang),
        ),
        Heading(2, tr("Mandatory criteria and the scanned solutions that meet them", lang)),
        Table(
            [[tr("No.", lang), tr("Criterion", lang), tr("Solutions", lang)]],
            met,
            [TEXT_WIDTH_CM],
            right=(2,),
        )
        if met
        else Paragraph(PLACEHOLDER),
    ]


def record_blocks(project: Project, lang: str, chart_png: bytes = b"") -> list[Block]:
    """Every block of the decision record in ``lang``, in document order."""
    found = run_checks(project)
    blocks: list[Block] = []
    for part in (_cover, _problem, _scope, _market, _criteria):
        blocks.extend(part(project, lang))
    blocks += [PageBreak(), *tco_blocks(project, lang, chart_png), *risks_blocks(project, lang, found)]
    blocks += [PageBreak(), *findings_blocks(project, lang, found)]
    blocks += [PageBreak(), *scorecard_blocks(project, lang, found)]
    blocks += [PageBreak(), *register_blocks(project, lang)]
    return blocks


def record_document(project: Project, lang: str, chart_png: bytes = b"") -> Document:
    """The whole decision record in ``lang``; ``chart_png`` is the TCO chart (none if empty).

    Raises ``ValueError`` for a ``lang`` other than "fr" or "en".
    """
    if lang not in ("fr", "en"):
        raise ValueError(f"unsupported language: {lang!r}")
    reference = user_text(project.info.reference)[:PROPERTY_LIMIT]
    return Document(
        lang=lang,
        title=tr("Decision record: {title}", lang, title=user_text(project.info.title))[:PROPERTY_LIMIT],
        organization=user_text(project.info.organization)[:PROPERTY_LIMIT],
        reference=reference,
        header=tr("Decision record {reference}", lang, reference=reference),
        footer_page=tr("Page {page} of {pages}", lang),
        blocks=record_blocks(project, lang, chart_png),
    )
