"""The tender's appendix "Response form" (docs/documents.md).

``response_form_blocks(project, lang) -> list[Block]`` ("fr" or "en"): the compliance
matrix the bidder fills and returns with its bid: every criterion of the tender, by the
number the documents give it (M-1 / OBL-1, ``domain.numbering.criterion_numbers``), with
its text, a box "meets" and a box "does not meet", and where in the bid it is shown.
The bidder's cells are the neutral blank line of the forms (``tender_forms.BLANK``) and
empty boxes, never the app's placeholder. Nothing is printed without criteria.
"""

from __future__ import annotations

from wizard.core.documents.blocks import Block, Heading, PageBreak, Paragraph, Table
from wizard.core.documents.tender_forms import BLANK
from wizard.core.domain.numbering import criterion_numbers
from wizard.core.i18n import tr
from wizard.core.i18n.formats import PLACEHOLDER
from wizard.core.model import Project
from wizard.core.textclean import one_line

BOX = "\u2610"
"""An empty box the bidder ticks."""


def response_form_blocks(project: Project, lang: str) -> list[Block]:
    """The appendix "Response form (compliance with the criteria)" of the tender in
    ``lang``. Its heading names the criteria so that ``lint --file`` reads its rows as
    criteria, like the traceability matrix (``wizard.core.audit``)."""
    if not project.criteria:
        return []
    numbers = criterion_numbers(project, lang)
    rows = [[numbers[c.id], one_line(c.text) or PLACEHOLDER, BOX, BOX, BLANK] for c in project.criteria]
    header = [
        tr("No.", lang),
        tr("Criterion", lang),
        tr("Meets", lang),
        tr("Does not meet", lang),
        tr("Where in the bid (section, page)", lang),
    ]
    return [
        PageBreak(),
        Heading(1, tr("Appendix: response form (compliance with the criteria)", lang)),
        Paragraph(
            tr(
                "For every criterion, the bidder ticks whether its bid meets it and says where in the bid this is shown. A mandatory criterion ticked “does not meet”, or left without an answer, makes the bid non-compliant. The technical committee verifies each answer by the means of verification of the criterion.",
                lang,
            )
        ),
        Table([header], rows, [1.8, 7.2, 1.6, 1.9, 3.5]),
    ]
