"""*Bids and evaluation* ▸ Opening: the price envelope is opened, then the evaluated
prices show.

*Open the price envelope* asks who opens it, the witnesses and when (date and time in
the town's zone), and runs ``opening.open_envelope``: the core refuses before the
quality scores are locked where the tender keeps quality and price in two envelopes, a
workbook altered since intake, or one of another version or structure, with its own
message. Where the tender allows opening before the lock, the window asks first: the
guide's principle is that the price must not colour the quality scores. Before the
opening, the table shows each bid's fingerprint and never a price; it shows when each
bid was received, as the town's clock reads it (``bids_common.shown_moment``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from wizard.core.bids import opening
from wizard.core.bids.record import Bid, BidsRecord, read
from wizard.core.bids.scoring_input import evaluation_input
from wizard.core.domain import bid_scoring
from wizard.core.domain.evaluation import QUEBEC_MIN_INTERIM
from wizard.core.domain.numbering import criterion_numbers
from wizard.core.i18n import N_, _, ui_language
from wizard.core.model import Project
from wizard.ui import dialogs
from wizard.ui.bids_common import (
    amount,
    fill,
    fingerprint,
    moment_text,
    now_parts,
    short_field,
    shown_moment,
    table,
    with_recorded,
)

if TYPE_CHECKING:
    from wizard.ui.context import ProjectContext

RECEIVED_COLUMN = 1
"""The prices table's column of when each bid was received, in the town's time."""


def envelope_state(bid: Bid, kept_sealed: str = "") -> str:
    """What became of a bid's price envelope; ``kept_sealed``: why the opening left it
    sealed (:func:`sealed_reasons`), said after "Sealed"."""
    if bid.late:
        return _("Late: never opened")
    if bid.withdrawn:
        return _("Withdrawn")
    if bid.rejected:
        return _("Rejected: {reason}", reason=bid.rejected)
    if bid.opened:
        return _("Opened")
    if bid.workbook_sha256:
        return _("Sealed: {reason}", reason=kept_sealed) if kept_sealed else _("Sealed")
    return _("No price workbook")


def sealed_reasons(project: Project, record: BidsRecord) -> dict[int, str]:
    """Bid id → why the opening left its workbook sealed, for each bid it could have
    opened and did not: a mandatory criterion failed (its numbers, as the tender prints
    them), the interim score under Québec's minimum or the pass threshold, or the Town's
    choice at the opening (``opening.open_envelope(unopened=...)``). Empty before the
    opening."""
    if not record.opened:
        return {}
    results = {r.key: r for r in bid_scoring.evaluate(evaluation_input(project, record)).results}
    numbers = criterion_numbers(project, ui_language())
    reasons: dict[int, str] = {}
    for bid in record.bids:
        if bid.opened or not bid.openable:
            continue
        result = results.get(bid.id)
        if result is not None and result.status == "non_compliant":
            failed = ", ".join(numbers.get(c, str(c)) for c in result.failed)
            reasons[bid.id] = _("mandatory criterion not met: {numbers}", numbers=failed)
        elif result is not None and result.status == "below_threshold":
            reasons[bid.id] = (
                _("interim score under {minimum}", minimum=QUEBEC_MIN_INTERIM)
                if project.evaluation.quebec_weighted
                else _("below the pass threshold")
            )
        else:
            reasons[bid.id] = _("left unopened at the opening")
    return reasons


class OpeningTab(QWidget):
    """The opening of the price envelope (module docstring)."""

    def __init__(self, ctx: ProjectContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        layout = QVBoxLayout(self)
        self.status = QLabel()
        self.status.setObjectName("opening-status")
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        group = QGroupBox(_("Opening"))
        form = QFormLayout(group)
        self.opened_by = QLineEdit()
        self.opened_by.setObjectName("opened-by")
        self.opened_by.setPlaceholderText(_("Name and role"))
        form.addRow(_("Opened by"), self.opened_by)
        self.witnesses = QLineEdit()
        self.witnesses.setObjectName("witnesses")
        self.witnesses.setPlaceholderText(_("Names, separated by commas"))
        form.addRow(_("Witnesses"), self.witnesses)
        row = QHBoxLayout()
        self.day = short_field(QLineEdit(), 12)
        self.day.setObjectName("opened-day")
        self.day.setPlaceholderText(_("YYYY-MM-DD"))
        self.time = short_field(QLineEdit(), 7)
        self.time.setObjectName("opened-time")
        self.time.setPlaceholderText(_("HH:MM"))
        self.day.setText(now_parts(ctx.project.info)[0])
        self.time.setText(now_parts(ctx.project.info)[1])
        row.addWidget(self.day, 2)
        row.addWidget(self.time, 1)
        row.addStretch(2)
        form.addRow(_("Date and time"), row)
        self.open_button = QPushButton(_("Open the price envelope"))
        self.open_button.setObjectName("open-envelope")
        self.open_button.clicked.connect(self.open_envelope)
        form.addRow(self.open_button)
        layout.addWidget(group)
        self.prices = table(
            [_("Bid"), _("Received"), _("Price envelope"), _("Fingerprint (SHA-256)"), _("Evaluated price")],
            0,
        )
        self.prices.setObjectName("price-table")
        layout.addWidget(self.prices, 1)
        self.refresh()

    def refresh(self) -> None:
        record = read(self.ctx.pf)
        info = self.ctx.project.info
        if record.opening is not None:
            o = record.opening
            why = opening.none_opened(self.ctx.project, record)
            text = _(
                N_("Opened on {moment} by {who}; witnesses: {witnesses}.")
                if why is None
                else N_("Opening held on {moment} by {who}; witnesses: {witnesses}."),
                moment=shown_moment(info, o.opened_at),
                who=o.opened_by,
                witnesses=o.witnesses or "—",
            )
            text += f" {_(why)}" if why is not None else ""
            text = with_recorded(text, info, o.opened_at)
        elif record.locked:
            text = with_recorded(
                _(
                    "Quality scores locked on {moment}: the price envelope may be opened.",
                    moment=shown_moment(info, record.quality_locked_at),
                ),
                info,
                record.quality_locked_at,
            )
        else:
            text = _("The quality scores are not locked yet (Selection committee tab).")
        self.status.setText(text)
        opened = record.opened
        for widget in (self.opened_by, self.witnesses, self.day, self.time, self.open_button):
            widget.setEnabled(not opened and not self.ctx.read_only)
        reasons = sealed_reasons(self.ctx.project, record)
        fill(
            self.prices,
            [
                [
                    f"{bid.id}. {bid.bidder.legal_name}",
                    shown_moment(info, bid.received_at),
                    envelope_state(bid, reasons.get(bid.id, "")),
                    fingerprint(bid.workbook_sha256),
                    amount(bid.evaluated_price),
                ]
                for bid in record.bids
            ],
        )
        for row, bid in enumerate(record.bids):  # the moment as stored, when typed at another offset
            cell = self.prices.item(row, RECEIVED_COLUMN)
            if cell is not None:
                cell.setToolTip(with_recorded(cell.text(), info, bid.received_at))

    def open_envelope(self) -> None:
        """*Open the price envelope* (module docstring)."""
        record = read(self.ctx.pf)
        if (
            not record.locked
            and not self.ctx.project.evaluation.quebec_weighted
            and not dialogs.ask_yes_no(
                self,
                _(
                    "The quality scores are not locked. Opening the prices now lets them colour the "
                    "scores still to be given, and the check BD-OPENED-EARLY will say so. Open anyway?"
                ),
            )
        ):
            return
        when = moment_text(self.ctx.project.info, self.day.text(), self.time.text())
        result = self.ctx.do(
            opening.open_envelope, opened_by=self.opened_by.text(), witnesses=self.witnesses.text(), at=when
        )
        if result is not None:
            self.refresh()
