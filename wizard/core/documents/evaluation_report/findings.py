"""The evaluation report's "Findings on the evaluation": what ``checks.bids`` finds, as
the decision record states it (facts, never the clerk's advice), each jury member named
by number, but the findings this report itself answers (:data:`REPORT_SATISFIES`) and
those that leave council nothing to decide (``_settled``).
"""

from __future__ import annotations

from wizard.core.bids.record import BidsRecord
from wizard.core.checks.base import Finding, Severity
from wizard.core.checks.bids import check_bids
from wizard.core.documents.blocks import Block, Heading, Paragraph
from wizard.core.documents.record_findings import sentence
from wizard.core.i18n import tr
from wizard.core.i18n.formats import COLON
from wizard.core.i18n.labels import severity_word
from wizard.core.model import Project

REPORT_SATISFIES = frozenset({"BD-ALL-BUT-WINNER"})
"""Findings whose only demand this report meets itself, left out of it: every bid set aside
has its reason in "Each bid" (walk 2026-12-07: the report told council it "must give the
reason for each" while giving them)."""


def _settled(f: Finding) -> bool:
    """Whether ``f`` tells council nothing to decide: a ``BD-OFFSET`` information, a bid
    on time (or late) whichever clock was read, so that only the hour printed may differ
    (walk 2026-12-07, item 4: the report ended with a bare "BD-OFFSET" on such a bid; the
    warning, when lateness depends on the clock, is kept and says what settles it)."""
    return f.code == "BD-OFFSET" and f.severity is Severity.INFO


def finding_blocks(project: Project, record: BidsRecord, lang: str) -> list[Block]:
    """The findings of ``checks.bids`` as the decision record states them
    (:func:`record_findings.sentence`: facts, never the advice meant for the clerk, walk
    2026-12-07), but those of :data:`REPORT_SATISFIES`; each jury member's name replaced by
    their number (the checks run on the names as typed: an author who scored is still
    found)."""
    found = [f for f in check_bids(project, record) if f.code not in REPORT_SATISFIES and not _settled(f)]
    blocks: list[Block] = [Heading(1, tr("Findings on the evaluation", lang))]
    if not found:
        blocks.append(Paragraph(tr("The checks of the evaluation find nothing to report.", lang)))
        return blocks
    members = [(" ".join(m.name.split()), n) for n, m in enumerate(project.jury, start=1) if m.name.strip()]
    members.sort(key=lambda pair: -len(pair[0]))
    for f in found:
        message = sentence(project, f, lang)
        for name, n in members:
            message = message.replace(name, tr("Member {number}", lang, number=n))
        blocks.append(
            # French puts a no-break space before the colon (walk defect 15)
            Paragraph(
                f"{severity_word(f.severity.value, lang)} {f.code}{COLON[lang]}{message}", "List Bullet"
            )
        )
    return blocks
