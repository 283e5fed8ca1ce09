"""*Bids and evaluation* ▸ Selection committee: one sheet per member, then the
consensus, then the lock.

Sheets are independent: choosing a member shows that member's points and reasons only,
never another's. The consensus view lists the divergences between the sheets first
(``bid_scoring.divergences``: any disagreement on a one-point criterion), then takes the
agreed points with their reasons; *Take the points the sheets agree on* fills, for the
bid shown, each criterion the sheets score alike and the consensus leaves empty.
*Lock quality scores* makes the sheets, the consensus and the verification final
(``evaluation_entry.lock_quality``) at the date and time given in the town's zone (not
before the closing): only then may the price envelope be opened.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from wizard.core.bids import evaluation_entry
from wizard.core.bids.evaluation_entry import MAX_POINTS
from wizard.core.bids.record import BidsRecord, read
from wizard.core.bids.scoring_input import evaluation_input
from wizard.core.domain import bid_scoring
from wizard.core.domain.numbering import criterion_numbers
from wizard.core.i18n import _, ui_language
from wizard.core.project_file.store import ProjectFile
from wizard.ui import dialogs
from wizard.ui.bids_common import NONE, clear_cells, moment_text, now_parts, short_field, shown_moment, table
from wizard.ui.bids_verification import bid_combo, line, on_edit, text_item

if TYPE_CHECKING:
    from wizard.ui.context import ProjectContext

CONSENSUS = -1
"""The sheet choice that shows the consensus."""


def take_agreed(pf: ProjectFile, bid_id: int, reason: str) -> int:
    """For bid ``bid_id``, the consensus of each optional criterion that has none yet and
    that every member's sheet scores alike (two sheets at least), with ``reason``;
    returns how many were taken. Runs ``evaluation_entry.set_consensus`` (raises its
    ``BidsError``)."""
    record = read(pf)
    agreed = {c.criterion_id for c in record.consensus if c.bid_id == bid_id and c.points is not None}
    by_criterion: dict[int, list[int | None]] = {}
    for s in record.sheets:
        if s.bid_id == bid_id:
            by_criterion.setdefault(s.criterion_id, []).append(s.points)
    taken = 0
    for criterion_id, points in sorted(by_criterion.items()):
        if criterion_id in agreed or len(points) < 2 or None in points or len(set(points)) != 1:
            continue
        evaluation_entry.set_consensus(pf, bid_id, criterion_id, points[0], reason)
        taken += 1
    return taken


class JuryTab(QWidget):
    """The members' sheets, the consensus and the lock (module docstring)."""

    def __init__(self, ctx: ProjectContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        row.addWidget(QLabel(_("Sheet")))
        self.sheet = QComboBox()
        self.sheet.setObjectName("jury-sheet")
        row.addWidget(self.sheet, 1)
        row.addWidget(QLabel(_("Bid")))
        self.bid = QComboBox()
        self.bid.setObjectName("jury-bid")
        row.addWidget(self.bid, 1)
        layout.addLayout(row)
        self.note = QLabel()
        self.note.setWordWrap(True)
        layout.addWidget(self.note)
        self.divergences = QListWidget()
        self.divergences.setObjectName("divergences")
        self.divergences.setMaximumHeight(self.fontMetrics().lineSpacing() * 5)
        layout.addWidget(self.divergences)
        self.points = table([_("Optional criterion"), _("Points"), _("Reason")], 0, {2: 50})
        self.points.setObjectName("points-table")
        layout.addWidget(self.points, 1)
        self.agree_button = QPushButton(_("Take the points the sheets agree on"))
        self.agree_button.clicked.connect(self.take_agreed)
        layout.addWidget(self.agree_button)

        lock = QGroupBox(_("Lock"))
        box = QHBoxLayout(lock)
        self.lock_status = QLabel()
        self.lock_status.setObjectName("lock-status")
        self.lock_status.setWordWrap(True)
        box.addWidget(self.lock_status, 2)
        self.locked_by = QLineEdit()
        self.locked_by.setPlaceholderText(_("Who locks (name, role)"))
        box.addWidget(self.locked_by, 1)
        day, time = now_parts(ctx.project.info)
        self.lock_day = short_field(QLineEdit(day), 12)
        self.lock_day.setObjectName("lock-day")
        self.lock_day.setPlaceholderText(_("YYYY-MM-DD"))
        self.lock_time = short_field(QLineEdit(time), 7)
        self.lock_time.setObjectName("lock-time")
        self.lock_time.setPlaceholderText(_("HH:MM"))
        box.addWidget(self.lock_day)
        box.addWidget(self.lock_time)
        self.lock_button = QPushButton(_("Lock quality scores"))
        self.lock_button.clicked.connect(self.lock)
        box.addWidget(self.lock_button)
        layout.addWidget(lock)
        self.sheet.currentIndexChanged.connect(lambda _i: self.refresh())
        self.bid.currentIndexChanged.connect(lambda _i: self.refresh())
        self.refresh()

    # -- showing ------------------------------------------------------------------

    def member_id(self) -> int:
        value = self.sheet.currentData()
        return CONSENSUS if value is None else int(value)

    def bid_id(self) -> int | None:
        value = self.bid.currentData()
        return int(value) if value is not None else None

    def _sheets(self) -> None:
        current = self.sheet.currentData()
        self.sheet.blockSignals(True)
        self.sheet.clear()
        for member in self.ctx.project.jury:
            if member.name.strip():
                self.sheet.addItem(_("Sheet of {name}", name=member.name), member.id)
        self.sheet.addItem(_("Consensus"), CONSENSUS)
        self.sheet.setCurrentIndex(max(self.sheet.findData(current), 0))
        self.sheet.blockSignals(False)

    def refresh(self) -> None:
        record = read(self.ctx.pf)
        self._sheets()
        bid_combo(record, self.bid)
        member = self.member_id()
        consensus = member == CONSENSUS
        if consensus:
            self.note.setText(
                _("Settle the divergences below, then enter the agreed points with their reasons.")
            )
        else:
            self.note.setText(
                _("This sheet is the member's own: the other members' sheets are not shown here.")
            )
        self.divergences.setVisible(consensus)
        self.agree_button.setVisible(consensus)
        if consensus:
            self._divergences(record)
        self._fill(record, member)
        info = self.ctx.project.info
        if record.locked:
            by = f" — {record.quality_locked_by}" if record.quality_locked_by else ""
            self.lock_status.setText(
                _("Locked on {moment}.", moment=shown_moment(info, record.quality_locked_at)) + by
            )
        else:
            self.lock_status.setText(_("Not locked: the sheets and the consensus can still change."))
        self.lock_button.setEnabled(not record.locked and bool(record.bids) and not self.ctx.read_only)
        for widget in (self.locked_by, self.lock_day, self.lock_time):
            widget.setEnabled(not record.locked and not self.ctx.read_only)
        self.agree_button.setEnabled(not record.locked and self.bid_id() is not None)

    def _divergences(self, record: BidsRecord) -> None:
        numbers = criterion_numbers(self.ctx.project, ui_language())
        names = {m.id: m.name for m in self.ctx.project.jury}
        bids = {b.id: b.bidder.legal_name for b in record.bids}
        settled = {(c.bid_id, c.criterion_id) for c in record.consensus if c.points is not None and c.reason}
        self.divergences.clear()
        for d in bid_scoring.divergences(evaluation_input(self.ctx.project, record)):
            points = ", ".join(f"{names.get(m, m)} {p}" for m, p in d.points)
            line_text = _(
                "{bid} — {criterion}: {points}",
                bid=bids.get(d.key, d.key),
                criterion=numbers.get(d.criterion_id, d.criterion_id),
                points=points,
            )
            if (d.key, d.criterion_id) in settled:
                line_text += " — " + _("settled by the consensus")
            self.divergences.addItem(line_text)
        if not self.divergences.count():
            self.divergences.addItem(_("No divergence between the sheets."))

    def _fill(self, record: BidsRecord, member: int) -> None:
        numbers = criterion_numbers(self.ctx.project, ui_language())
        criteria = [c for c in self.ctx.project.criteria if c.kind == "optional" and c.id in numbers]
        bid_id = self.bid_id()
        if member == CONSENSUS:
            given = {c.criterion_id: (c.points, c.reason) for c in record.consensus if c.bid_id == bid_id}
        else:
            given = {
                s.criterion_id: (s.points, s.reason)
                for s in record.sheets
                if s.bid_id == bid_id and s.jury_member_id == member
            }
        editable = bid_id is not None and not record.locked and not self.ctx.read_only
        clear_cells(self.points)
        self.points.setRowCount(len(criteria))
        for r, criterion in enumerate(criteria):
            self.points.setItem(r, 0, text_item(f"{numbers[criterion.id]}  {criterion.text}"))
            points, reason_text = given.get(criterion.id, (None, ""))
            combo = QComboBox()
            combo.setObjectName(f"points-{criterion.id}")
            combo.addItem(NONE, None)
            for value in range(MAX_POINTS + 1):
                combo.addItem(str(value), value)
            combo.setCurrentIndex(max(combo.findData(points), 0))
            reason = line(reason_text)
            reason.setObjectName(f"reason-{criterion.id}")
            reason.setPlaceholderText(_("Why (the part of the bid that shows it)"))
            for widget in (combo, reason):
                widget.setEnabled(editable)
            combo.currentIndexChanged.connect(
                lambda _i, c=criterion.id, b=combo, e=reason: self.save(c, b, e)
            )
            on_edit(reason, partial(self.save, criterion.id, combo, reason))
            self.points.setCellWidget(r, 1, combo)
            self.points.setCellWidget(r, 2, reason)

    # -- editing ------------------------------------------------------------------

    def save(self, criterion_id: int, combo: QComboBox, reason: QLineEdit) -> None:
        bid_id, member = self.bid_id(), self.member_id()
        if bid_id is None:
            return
        points = combo.currentData()
        if member == CONSENSUS:
            self.ctx.do(evaluation_entry.set_consensus, bid_id, criterion_id, points, reason.text())
            self._divergences(read(self.ctx.pf))  # a divergence settled says so
        else:
            self.ctx.do(evaluation_entry.set_sheet_score, bid_id, member, criterion_id, points, reason.text())

    def take_agreed(self) -> None:
        bid_id = self.bid_id()
        if (
            bid_id is not None
            and self.ctx.do(take_agreed, bid_id, _("The members' sheets agree.")) is not None
        ):
            self.refresh()

    def lock(self) -> None:
        """*Lock quality scores*, after a confirmation."""
        if not dialogs.ask_yes_no(
            self,
            _(
                "Lock the quality scores? The sheets, the consensus and the verification can no "
                "longer change, and the price envelope may then be opened."
            ),
        ):
            return
        when = moment_text(self.ctx.project.info, self.lock_day.text(), self.lock_time.text())
        if self.ctx.do(evaluation_entry.lock_quality, locked_by=self.locked_by.text(), at=when):
            self.refresh()
