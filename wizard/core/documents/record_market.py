"""The market scan and the criteria in the decision record, and the annex that holds
the matrix of features and standards (docs/documents.md).

Before the tender closes the record names no product as meeting the mandatory criteria:
it gives counts (claim ``record.compliant-count``). After award, the option
``project.export.name_compliant_products`` adds their names. A mandatory criterion not
linked to the scan is said to be so, never counted as met by no solution.
"""

from __future__ import annotations

from wizard.core.claims import record as claims
from wizard.core.claims import statement
from wizard.core.documents.blocks import Block, Heading, Paragraph, Table
from wizard.core.documents.record_context import label
from wizard.core.documents.record_summary import compliant_statement
from wizard.core.documents.table_layout import TABLE_FONT_PT, TEXT_WIDTH_CM, min_widths
from wizard.core.documents.tender import user_text
from wizard.core.documents.tender_criteria import CATEGORY_LABELS
from wizard.core.domain import market
from wizard.core.domain.evaluation import points_needed_clamped
from wizard.core.domain.numbering import criterion_numbers
from wizard.core.i18n import counts, tr
from wizard.core.i18n.formats import PLACEHOLDER
from wizard.core.model import Project, Solution

LEVEL_MARKS = {"yes": "✓", "partial": "½", "no": "✗", "unknown": "?"}
MATRIX_COLUMNS = 8  # at most this many solutions per matrix table, so a wide scan stays readable on paper


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


def market_blocks(project: Project, lang: str) -> list[Block]:
    """The scanned solutions, the common features and the differentiators (the matrix is
    in the annex)."""
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
    return [
        Heading(1, tr("Market scan", lang)),
        Paragraph(
            " ".join(
                x
                for x in (
                    tr("Solutions scanned: {count}.", lang, count=summary.solutions),
                    statement(
                        project,
                        claims.PUBLIC_SOURCES.id,
                        lang,
                        names=", ".join(claims.vendor_sourced_solutions(project)),
                    ),
                    tr(
                        "A feature that at least {threshold}% of them support is common and can become a mandatory criterion. The matrix of features and standards is in the annex.",
                        lang,
                        threshold=project.market.common_threshold_pct,
                    ),
                )
                if x
            )
        ),
        Table([header], rows, [TEXT_WIDTH_CM]) if rows else Paragraph(PLACEHOLDER),
        Paragraph(", ".join(names[i] for i in summary.common) or "—", label=tr("Common features:", lang)),
        Paragraph(
            ", ".join(names[i] for i in summary.differentiators) or "—", label=tr("Differentiators:", lang)
        ),
        Paragraph(
            market.solution_names(project, summary.underperforming) or "—",
            label=tr("Under-performing solutions:", lang),
        ),
    ]


def criteria_blocks(project: Project, lang: str) -> list[Block]:
    """Criteria by category, the threshold and weights, and how many scanned solutions
    meet each mandatory criterion (counts; names only after award, by option)."""
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
    numbers = criterion_numbers(project, lang)  # the tender's ids: OBL-1 / M-1 …
    linked = {c.id for c in market.linked_mandatory(project)}
    met = [
        [
            numbers[c.id],
            user_text(c.text),
            str(len(market.criterion_solutions(c, index)))
            if c.id in linked
            else tr("not linked to the scan", lang),
        ]
        for c in mandatory
    ]
    ev = project.evaluation
    blocks: list[Block] = [
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
        Paragraph(compliant_statement(project, lang)),
    ]
    if project.export.name_compliant_products:
        blocks.append(
            Paragraph(
                market.solution_names(project, market.compliant_solutions(project, index)) or "—",
                label=tr("Scanned solutions meeting every mandatory criterion linked to the scan:", lang),
            )
        )
    blocks += [
        Heading(2, tr("Mandatory criteria and how many scanned solutions meet them", lang)),
        Table(
            [[tr("No.", lang), tr("Criterion", lang), tr("Solutions", lang)]],
            met,
            [TEXT_WIDTH_CM],
            right=(2,),
        )
        if met
        else Paragraph(PLACEHOLDER),
    ]
    return blocks


def annex_blocks(project: Project, lang: str) -> list[Block]:
    """The annex: the matrix of features and standards of the market scan."""
    return [
        Heading(1, tr("Annex: matrix of features and standards", lang)),
        Paragraph(tr("✓ supported, ½ partly, ✗ not supported, ? unknown.", lang), "Normal"),
        *(_matrix_tables(project, lang) or [Paragraph(PLACEHOLDER)]),
    ]
