"""The criteria and evaluation sections of the tender (docs/cases.md K12).

Mandatory criteria are pass/fail; each optional criterion is worth exactly one point
(guide: simple scoring, no complex grids). The pass threshold is a whole percentage and
the points needed are computed in integers: ``ceil(threshold × optional / 100)``, so 42
of 60 at 70 % passes.

Every builder here is called through ``render.tender_document``, which cleans the
project once (``textclean.clean_project``, by the export or the preview): user text
needs no ``clean_text`` here.
"""

from __future__ import annotations

from wizard.core.claims import statement
from wizard.core.documents.blocks import Block, Heading, Paragraph, Table
from wizard.core.documents.table_layout import TEXT_WIDTH_CM
from wizard.core.documents.tender_price_form import TITLE as PRICE_FORM_TITLE
from wizard.core.documents.tender_submission import SubmissionMeans, submission_means
from wizard.core.domain import evaluation as rules
from wizard.core.domain import price_form, quebec
from wizard.core.domain.evaluation import points_needed_clamped
from wizard.core.domain.numbering import criterion_numbers, scenario_label
from wizard.core.i18n import N_, ntr, tr
from wizard.core.i18n.formats import PLACEHOLDER
from wizard.core.i18n.labels import labels_of
from wizard.core.model import Criterion, Project
from wizard.core.textclean import one_line

CATEGORY_LABELS = labels_of(Criterion.CATEGORIES)
VERIFICATION_LABELS = labels_of(Criterion.VERIFICATIONS)


MATRIX_MAX_SCENARIOS = 6
"""Up to this many scenarios the traceability table has one column per scenario; past
it, one column lists the scenarios of each criterion (the page is too narrow)."""


def _criteria_table(items: list[Criterion], numbers: dict[int, str], lang: str) -> Table:
    header = [[tr("No.", lang), tr("Criterion", lang), tr("Category", lang), tr("Verification", lang)]]
    rows = [
        [
            numbers[c.id],
            c.text.strip() or PLACEHOLDER,
            tr(CATEGORY_LABELS.get(c.category, c.category), lang),
            tr(VERIFICATION_LABELS.get(c.verification, c.verification), lang),
        ]
        for c in items
    ]
    return Table(header, rows, [1.8, 8.0, 3.2, 3.0])  # = TEXT_WIDTH_CM


def criteria_blocks(project: Project, lang: str) -> list[Block]:
    """Heading, rules, mandatory and optional tables, and the pass threshold."""
    numbers = criterion_numbers(project, lang)
    mandatory = [c for c in project.criteria if c.kind != "optional"]
    optional = [c for c in project.criteria if c.kind == "optional"]
    blocks: list[Block] = [
        Heading(1, tr("Evaluation criteria", lang)),
        Paragraph(
            tr(
                "Mandatory criteria are eliminatory: a bid that does not meet every one of them is rejected. Each optional criterion met is worth exactly one point.",
                lang,
            )
        ),
    ]
    equivalent = statement(project, "tender.trade-names-or-equivalent", lang)
    if equivalent:
        blocks.append(Paragraph(equivalent))
    blocks += [
        Heading(2, tr("Mandatory criteria", lang)),
    ]
    if mandatory:
        blocks.append(_criteria_table(mandatory, numbers, lang))
    else:
        blocks.append(Paragraph(tr("This tender has no mandatory criteria.", lang)))
    blocks.append(Heading(2, tr("Optional criteria", lang)))
    if optional:
        blocks.append(_criteria_table(optional, numbers, lang))
    else:
        blocks.append(Paragraph(tr("This tender has no optional criteria.", lang)))
    blocks.append(Heading(2, tr("Pass threshold", lang)))
    pct = project.criteria_settings.pass_threshold_pct
    needed = points_needed_clamped(pct, len(optional))
    blocks.append(
        Paragraph(
            ntr(
                "To be retained, a bid must meet every mandatory criterion and at least {pct}% of the optional criteria, that is {needed} point out of {total}.",
                "To be retained, a bid must meet every mandatory criterion and at least {pct}% of the optional criteria, that is {needed} points out of {total}.",
                needed,
                lang,
                pct=pct,
                needed=needed,
                total=len(optional),
            )
        )
    )
    return blocks


COUNSEL_MARK = N_("[to be confirmed by counsel]")
"""Printed after a provision that counsel must still confirm (resources/legal/quebec.json)."""


def _statute_sentence(project: Project, lang: str) -> str:
    """The provision the Town applies: the professional-services article, or the one for
    other contracts; marked "to be confirmed by counsel" while it is unconfirmed."""
    key = "professional_services" if project.evaluation.professional_services else "other_contracts"
    source = quebec.fact("evaluation", key)
    law = quebec.text("evaluation", key, lang)
    if not source.confirmed:
        law = f"{law} {tr(COUNSEL_MARK, lang)}"
    if project.evaluation.professional_services:
        return tr(
            "This contract is one for professional services: the Town evaluates the bids with the two-step weighting and evaluation system that {law} requires.",
            lang,
            law=law,
        )
    return tr(
        "The Town evaluates the bids with the weighting and evaluation system provided for in {law}, in two steps: quality, then price.",
        lang,
        law=law,
    )


_ENVELOPES: dict[SubmissionMeans, str] = {
    "electronic": N_(
        "Each bid is submitted in two separate files (or sections), quality and price, as the electronic platform provides; this call for tenders calls them envelope 1 and envelope 2."
    ),
    "paper": N_(
        "Each bid is presented in two separate sealed envelopes, each bearing the reference of this call for tenders: envelope 1 (quality) and envelope 2 (price)."
    ),
    "both": N_(
        "A bid on paper is presented in two separate sealed envelopes, each bearing the reference of this call for tenders; a bid submitted electronically, in two separate files (or sections), as the electronic platform provides. This call for tenders calls them envelope 1 (quality) and envelope 2 (price)."
    ),
}
"""The two-envelope rule, worded for the way bids are submitted
(``tender_submission.submission_means``): never sealed envelopes for an electronic bid."""

_CONTENTS = N_(
    "Envelope 1 holds the quality bid and must not contain any price or information from which the price can be inferred. Envelope 2 holds the form of offer, signed, and the price form."
)

_UNOPENED: dict[SubmissionMeans, str] = {
    "electronic": N_(
        "The committee opens envelope 2 only for bids whose interim score is at least {minimum} out of 100; the envelopes 2 of the other bids are never opened. The final score of each of these bids is (interim score + 50) × 10,000 ÷ evaluated price; the Contract goes to the bid with the highest final score."
    ),
    "paper": N_(
        "The committee opens envelope 2 only for bids whose interim score is at least {minimum} out of 100; the other envelopes 2 are returned unopened to their senders. The final score of each of these bids is (interim score + 50) × 10,000 ÷ evaluated price; the Contract goes to the bid with the highest final score."
    ),
    "both": N_(
        "The committee opens envelope 2 only for bids whose interim score is at least {minimum} out of 100; the envelopes 2 of the other bids are never opened (on paper, they are returned unopened to their senders). The final score of each of these bids is (interim score + 50) × 10,000 ÷ evaluated price; the Contract goes to the bid with the highest final score."
    ),
}
"""What becomes of the price envelopes of the bids below the interim score: an
electronic envelope 2 is never opened, a sealed one is also returned."""


def _quebec_blocks(project: Project, lang: str) -> list[Block]:
    """Québec's statutory weighted system: its basis, the committee's rules, the grid,
    the two envelopes and the formula (the same constants as the checks and the
    calculator: :mod:`wizard.core.domain.evaluation`)."""
    grid = [[i.label.strip() or PLACEHOLDER, str(i.points)] for i in project.quality_grid]
    blocks: list[Block] = [
        Heading(2, tr("Weighted evaluation system (Quebec)", lang)),
        Paragraph(_statute_sentence(project, lang)),
        Paragraph(
            " ".join(
                x
                for x in (
                    statement(project, "tender.committee-of-three", lang),
                    tr(
                        "Members of council may not sit on the selection committee. Each member evaluates each bid individually and gives it a number of points for each criterion; the interim score of a bid is the total of its points.",
                        lang,
                    ),
                    statement(project, "tender.committee-secretary", lang),
                    statement(project, "tender.quality-points-capped", lang),
                )
                if x
            )
        ),
    ]
    if grid:
        total = sum(i.points for i in project.quality_grid)
        blocks.append(
            Table(
                [[tr("Quality criterion", lang), tr("Points", lang)]],
                grid + [[tr("Total", lang), str(total)]],
                [12.0, 4.0],
                right=(1,),
            )
        )
    blocks.append(Heading(3, tr("Two envelopes", lang)))
    means = submission_means(project)
    blocks.append(Paragraph(f"{tr(_ENVELOPES[means], lang)} {tr(_CONTENTS, lang)}"))
    blocks.append(
        Paragraph(
            tr(
                _UNOPENED[means],
                lang,
                minimum=str(rules.QUEBEC_MIN_INTERIM),
            )
        )
    )
    blocks.append(
        Paragraph(
            tr(
                "The price in this formula is the evaluated price that the appendix “{appendix}” defines, its exit costs and any renewal years priced included {mark}.",
                lang,
                appendix=tr(PRICE_FORM_TITLE, lang),
                mark=tr(COUNSEL_MARK, lang),
            )
            + " "
            + tr(price_form.ZERO_PRICE, lang)
        )
    )
    blocks.append(
        Paragraph(
            tr(
                "For example, an interim score of 80 with an evaluated price of $100,000 gives (80 + 50) × 10,000 ÷ 100,000 = 13.0; an interim score of 70 with an evaluated price of $120,000 gives 10.0.",
                lang,
            )
        )
    )
    return blocks


def _weights_blocks(project: Project, lang: str) -> list[Block]:
    """The pass/fail rule, the threshold and, outside Québec's system, the two weights."""
    ev = project.evaluation
    optional = sum(1 for c in project.criteria if c.kind == "optional")
    pct = project.criteria_settings.pass_threshold_pct
    threshold = Paragraph(
        ntr(
            "Pass threshold: at least {needed} of the {total} optional criterion ({pct}%).",
            "Pass threshold: at least {needed} of the {total} optional criteria ({pct}%).",
            optional,
            lang,
            needed=points_needed_clamped(pct, optional),
            total=optional,
            pct=pct,
        ),
        "List Bullet",
    )
    if ev.quebec_weighted:
        return [
            Paragraph(
                tr(
                    "Each bid is first checked against the mandatory criteria, on a pass/fail basis. Bids that meet them all and reach the pass threshold are then evaluated with the weighted system described below.",
                    lang,
                )
            ),
            threshold,
        ]
    return [
        Paragraph(
            " ".join(
                (
                    tr(
                        "Each bid is first checked against the mandatory criteria, on a pass/fail basis.",
                        lang,
                    ),
                    statement(project, "tender.scored-out-of-100", lang),
                )
            )
        ),
        threshold,
        Paragraph(
            ntr(
                "Quality: {count} point, in proportion to the optional criteria met;",
                "Quality: {count} points, in proportion to the optional criteria met;",
                ev.quality_weight,
                lang,
            ),
            "List Bullet",
        ),
        Paragraph(price_form.price_points_text(ev.price_weight, lang), "List Bullet"),
        Paragraph(tr(price_form.ZERO_PRICE, lang)),
    ]


def evaluation_blocks(project: Project, lang: str) -> list[Block]:
    """Evaluation method: pass/fail rule, threshold and points needed, every weight (or
    Québec's weighted system and its formula), tie-break rule, paid pilot."""
    ev = project.evaluation
    blocks: list[Block] = [
        Heading(1, tr("Evaluation method", lang)),
        *_weights_blocks(project, lang),
        Paragraph(
            " ".join(
                x
                for x in (
                    tr(
                        "The technical committee verifies each criterion by the means of verification shown for it in the criteria tables.",
                        lang,
                    ),
                    statement(project, "tender.no-author-on-committee", lang),
                )
                if x
            )
        ),
        Paragraph(
            tr(
                "The price of a bid, here and in the tie-break rule, is its evaluated price as the appendix “{appendix}” defines it.",
                lang,
                appendix=tr(PRICE_FORM_TITLE, lang),
            )
            if price_form.tie_break_uses_price(ev.tie_break)
            else tr(
                "In this evaluation method, the price of a bid is its evaluated price as the appendix “{appendix}” defines it.",
                lang,
                appendix=tr(PRICE_FORM_TITLE, lang),
            )
        ),
        Paragraph(ev.tie_break.strip() or PLACEHOLDER, label=tr("Tie-break rule:", lang)),
    ]
    if ev.quebec_weighted:
        blocks.extend(_quebec_blocks(project, lang))
    if ev.pilot_enabled:
        titles = {
            s.id: f"{scenario_label(n)} {one_line(s.title)}".strip()
            for n, s in enumerate(project.scenarios, start=1)
        }  # "S-1 Title", as in the scenarios section
        names = ", ".join(titles[i] for i in ev.pilot_scenario_ids if i in titles) or PLACEHOLDER
        blocks.append(Heading(2, tr("Paid pilot project", lang)))
        blocks.append(Paragraph(ev.pilot_description.strip() or PLACEHOLDER))
        blocks.append(
            Paragraph(
                tr(
                    "The award of the full Contract is conditional on the pilot meeting these scenarios: {names}.",
                    lang,
                    names=names,
                )
            )
        )
    return blocks


def _verification(criterion: Criterion, covered: bool, lang: str) -> str:
    if criterion.verification == "scenario" and not covered:
        return PLACEHOLDER  # S-COVER: a scenario is still to be written
    return tr(VERIFICATION_LABELS.get(criterion.verification, criterion.verification), lang)


def traceability_table(project: Project, lang: str) -> Table:
    """Criteria (rows) × scenarios: an "X" where a scenario verifies a criterion, and
    each criterion's means of verification. Past :data:`MATRIX_MAX_SCENARIOS`
    scenarios, one column lists them ("S-1, S-3"). Widths total ≤ :data:`TEXT_WIDTH_CM`."""
    numbers = criterion_numbers(project, lang)
    scenarios = [(scenario_label(n), set(s.criterion_ids)) for n, s in enumerate(project.scenarios, start=1)]
    matrix = len(scenarios) <= MATRIX_MAX_SCENARIOS
    rows = []
    for c in project.criteria:
        marks = [label for label, ids in scenarios if c.id in ids]
        text = c.text.strip() or PLACEHOLDER
        cells = (
            ["X" if c.id in ids else "" for _label, ids in scenarios]
            if matrix
            else [", ".join(marks) or "\u2014"]
        )
        rows.append([numbers[c.id], text, *cells, _verification(c, bool(marks), lang)])
    head = [tr("No.", lang), tr("Criterion", lang)]
    if matrix:
        header = [[*head, *[label for label, _ids in scenarios], tr("Verification", lang)]]
        widths = [1.8, TEXT_WIDTH_CM - 1.8 - 3.0 - 1.2 * len(scenarios), *[1.2] * len(scenarios), 3.0]
        return Table(header, rows, widths)
    return Table([[*head, tr("Scenarios", lang), tr("Verification", lang)]], rows, [1.8, 7.6, 3.6, 3.0])


def traceability_blocks(project: Project, lang: str) -> list[Block]:
    """The traceability matrix section (nothing when the tender has no criteria)."""
    if not project.criteria:
        return []
    return [
        Heading(2, tr("Traceability of criteria to scenarios", lang)),
        Paragraph(
            tr(
                "For each criterion, the table shows the test scenarios above that verify it (S-1, S-2 …) and its means of verification.",
                lang,
            )
        ),
        traceability_table(project, lang),
    ]
