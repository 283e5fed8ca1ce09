"""*Bids and evaluation* ▸ Selection committee: one sheet per member, then the
consensus, then the lock.

Sheets are independent: choosing a member shows that member's points and reasons only,
never another's. The consensus view lists the divergences between the sheets first
(``bid_scoring.divergences``: any disagreement on a one-point criterion), then takes the
agreed points with their reasons; *Take the points the sheets agree on* fills, for the
bid shown, each criterion the sheets score alike and the consensus leaves empty.
Under Québec's statutory weighted system (``evaluation.quebec_weighted``) the table lists
the items of the quality grid first, each scored from 0 to its points
(``evaluation_entry.set_grid_sheet_score`` / ``set_grid_consensus``), then the optional
criteria the tender's pass threshold still counts, if it has any; the divergences
include the grid's (``bid_scoring.grid_divergences``).
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
from wizard.core.bids.scoring_input import evaluation_input, missing_scores, missing_text
from wizard.core.checks.bids import pending_verifications
from wizard.core.domain import bid_scoring
from wizard.core.domain.numbering import criterion_numbers, grid_numbers
from wizard.core.i18n import _, ui_language
from wizard.core.project_file.store import ProjectFile
from wizard.ui import dialogs
from wizard.ui.bids_common import (
    NONE,
    clear_cells,
    moment_text,
    now_parts,
    short_field,
    shown_moment,
    table,
    with_recorded,
)
from wizard.ui.bids_verification import bid_combo, line, lock_line, on_edit, text_item, wrapped

if TYPE_CHECKING:
    from wizard.ui.context import ProjectContext

CONSENSUS = -1
"""The sheet choice that shows the consensus."""

GRID = "grid"
CRITERION = "criterion"
"""What a row of the points table scores: an item of Québec's quality grid, or an
optional criterion."""


def _alike(pairs: list[tuple[int, int | None]], agreed: set[int]) -> dict[int, int]:
    """Id → the points every sheet gives it (two sheets at least), for ids with no
    consensus yet."""
    by_id: dict[int, list[int | None]] = {}
    for key, points in pairs:
        by_id.setdefault(key, []).append(points)
    return {
        key: points[0]  # type: ignore[misc]
        for key, points in sorted(by_id.items())
        if key not in agreed and len(points) >= 2 and None not in points and len(set(points)) == 1
    }


def take_agreed(pf: ProjectFile, bid_id: int, reason: str) -> int:
    """For bid ``bid_id``, the consensus of each optional criterion (and, under Québec's
    statutory system, each item of the quality grid) that has none yet and that every
    member's sheet scores alike (two sheets at least), with ``reason``; returns how many
    were taken. Runs ``evaluation_entry.set_consensus`` / ``set_grid_consensus`` (raises
    their ``BidsError``)."""
    record = read(pf)
    taken = 0
    agreed = {c.criterion_id for c in record.consensus if c.bid_id == bid_id and c.points is not None}
    sheets = [(s.criterion_id, s.points) for s in record.sheets if s.bid_id == bid_id]
    for criterion_id, points in _alike(sheets, agreed).items():
        evaluation_entry.set_consensus(pf, bid_id, criterion_id, points, reason)
        taken += 1
    if pf.project.evaluation.quebec_weighted:
        grid = {i.id for i in pf.project.quality_grid}
        done = {g.item_id for g in record.grid_consensus if g.bid_id == bid_id and g.points is not None}
        marks = [
            (g.item_id, g.points) for g in record.grid_sheets if g.bid_id == bid_id and g.item_id in grid
        ]
        for item_id, points in _alike(marks, done).items():
            evaluation_entry.set_grid_consensus(pf, bid_id, item_id, points, reason)
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
        # the reason takes the free width, the criterion wraps in 60 characters (walk
        # 2026-12-07: a reason showed 50 characters beside a half-empty column)
        self.points = wrapped(table([_("Optional criterion"), _("Points"), _("Reason")], 2, {0: 60}))
        self.rows: list[tuple[str, int]] = []
        """What each row of :attr:`points` scores: (:data:`GRID` or :data:`CRITERION`, id)."""
        self.points.setObjectName("points-table")
        layout.addWidget(self.points, 1)
        self.agree_button = QPushButton(_("Take the points the sheets agree on"))
        self.agree_button.clicked.connect(self.take_agreed)
        layout.addWidget(self.agree_button)

        lock = QGroupBox(_("Lock"))
        box = QHBoxLayout(lock)
        self.lock_status = QLabel()
        self.lock_status.setWordWrap(True)
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
        self._lock_state(record)
        self.agree_button.setEnabled(not record.locked and self.bid_id() is not None)

    def _lock_state(self, record: BidsRecord) -> None:
        """The lock's line and button: locked (when, by whom), or what the lock still waits
        for, said again after each score saved so that it never lags behind the table."""
        info = self.ctx.project.info
        if record.locked:
            by = f" — {record.quality_locked_by}" if record.quality_locked_by else ""
            locked = _("Locked on {moment}.", moment=shown_moment(info, record.quality_locked_at)) + by
            self.lock_status.setText(with_recorded(locked, info, record.quality_locked_at))
        else:
            self.lock_status.setText(_("Not locked: the sheets and the consensus can still change."))
        missing = () if record.locked else missing_scores(self.ctx.project, record)
        if missing:  # the core refuses the lock then (lock_quality): say what it waits for
            what = missing_text(self.ctx.project, missing).text(ui_language())
            self.lock_status.setText(_("Not locked. Still missing before the lock: {missing}.", missing=what))
        self.lock_button.setEnabled(not record.locked and bool(record.bids) and not self.ctx.read_only)
        for widget in (self.locked_by, self.lock_day, self.lock_time):
            widget.setEnabled(not record.locked and not self.ctx.read_only)

    def _divergences(self, record: BidsRecord) -> None:
        numbers = criterion_numbers(self.ctx.project, ui_language())
        names = {m.id: m.name for m in self.ctx.project.jury}
        bids = {b.id: b.bidder.legal_name for b in record.bids}
        grid = grid_numbers(self.ctx.project)
        items = {
            i.id: f"{grid.get(i.id, '')} {' '.join(i.label.split()) or f'#{i.id}'}".strip()
            for i in self.ctx.project.quality_grid
        }
        settled = {(c.bid_id, c.criterion_id) for c in record.consensus if c.points is not None and c.reason}
        grid_settled = {
            (g.bid_id, g.item_id) for g in record.grid_consensus if g.points is not None and g.reason
        }
        self.divergences.clear()
        inp = evaluation_input(self.ctx.project, record)
        for d in bid_scoring.grid_divergences(inp) + bid_scoring.divergences(inp):
            points = ", ".join(f"{names.get(m, m)} {p}" for m, p in d.points)
            if d.on_grid:
                line_text = _(
                    "{bid} — {item} (out of {most}): {points}",
                    bid=bids.get(d.key, d.key),
                    item=items.get(d.criterion_id, d.criterion_id),
                    most=d.scale,
                    points=points,
                )
            else:
                line_text = _(
                    "{bid} — {criterion}: {points}",
                    bid=bids.get(d.key, d.key),
                    criterion=numbers.get(d.criterion_id, d.criterion_id),
                    points=points,
                )
            if (d.key, d.criterion_id) in (grid_settled if d.on_grid else settled):
                line_text += " — " + _("settled by the consensus")
            self.divergences.addItem(line_text)
        if not self.divergences.count():
            self.divergences.addItem(_("No divergence between the sheets."))

    def _scored(self) -> list[tuple[str, int, str, int]]:
        """The rows to score: (kind, id, label, most points): under Québec's statutory
        system the grid's items first, then the optional criteria in the tender's order."""
        project = self.ctx.project
        numbers = criterion_numbers(project, ui_language())
        rows: list[tuple[str, int, str, int]] = []
        if project.evaluation.quebec_weighted:
            grid = grid_numbers(project)  # G-1 …, as `bid show` and `--grid` name them
            for item in project.quality_grid:  # as typed, like the criteria's texts
                label = " ".join(item.label.split()) or f"#{item.id}"
                label = f"{grid[item.id]}  {label}" if item.id in grid else label
                rows.append(
                    (GRID, item.id, _("{item} (out of {most})", item=label, most=item.points), item.points)
                )
        rows += [
            (CRITERION, c.id, f"{numbers[c.id]}  {c.text}", MAX_POINTS)
            for c in project.criteria
            if c.kind == "optional" and c.id in numbers
        ]
        return rows

    def _fill(self, record: BidsRecord, member: int) -> None:
        bid_id = self.bid_id()
        quebec = self.ctx.project.evaluation.quebec_weighted
        self.points.setHorizontalHeaderItem(
            0, text_item(_("Criterion") if quebec else _("Optional criterion"))
        )
        if member == CONSENSUS:
            given = {
                (CRITERION, c.criterion_id): (c.points, c.reason)
                for c in record.consensus
                if c.bid_id == bid_id
            }
            given |= {
                (GRID, g.item_id): (g.points, g.reason) for g in record.grid_consensus if g.bid_id == bid_id
            }
        else:
            given = {
                (CRITERION, s.criterion_id): (s.points, s.reason)
                for s in record.sheets
                if s.bid_id == bid_id and s.jury_member_id == member
            }
            given |= {
                (GRID, g.item_id): (g.points, g.reason)
                for g in record.grid_sheets
                if g.bid_id == bid_id and g.jury_member_id == member
            }
        editable = bid_id is not None and not record.locked and not self.ctx.read_only
        scored = self._scored()
        self.rows = [(kind, key) for kind, key, _label, _most in scored]
        clear_cells(self.points)
        self.points.setRowCount(len(scored))
        for r, (kind, key, label, most) in enumerate(scored):
            self.points.setItem(r, 0, text_item(label))
            points, reason_text = given.get((kind, key), (None, ""))
            prefix = "grid-" if kind == GRID else ""
            combo = QComboBox()
            combo.setObjectName(f"{prefix}points-{key}")
            combo.addItem(NONE, None)
            for value in range(max(most, 0) + 1):
                combo.addItem(str(value), value)
            combo.setCurrentIndex(max(combo.findData(points), 0))
            reason = line(reason_text)
            reason.setObjectName(f"{prefix}reason-{key}")
            reason.setPlaceholderText(_("Why (the part of the bid that shows it)"))
            combo.setEnabled(editable)
            lock_line(reason, editable)
            combo.currentIndexChanged.connect(
                lambda _i, k=kind, c=key, b=combo, e=reason: self.save(c, b, e, k)
            )
            on_edit(reason, partial(self.save, key, combo, reason, kind))
            self.points.setCellWidget(r, 1, combo)
            self.points.setCellWidget(r, 2, reason)
        self.points.resizeRowsToContents()

    # -- editing ------------------------------------------------------------------

    def save(self, criterion_id: int, combo: QComboBox, reason: QLineEdit, kind: str = CRITERION) -> None:
        """Save one row: ``criterion_id`` is an optional criterion, or an item of Québec's
        quality grid when ``kind`` is :data:`GRID`."""
        bid_id, member = self.bid_id(), self.member_id()
        if bid_id is None:
            return
        points = combo.currentData()
        grid = kind == GRID
        if member == CONSENSUS:
            agreed = evaluation_entry.set_grid_consensus if grid else evaluation_entry.set_consensus
            self.ctx.do(agreed, bid_id, criterion_id, points, reason.text())
            record = read(self.ctx.pf)
            self._divergences(record)  # a divergence settled says so
            self._lock_state(record)  # and what the lock waits for
        else:
            sheet = evaluation_entry.set_grid_sheet_score if grid else evaluation_entry.set_sheet_score
            self.ctx.do(sheet, bid_id, member, criterion_id, points, reason.text())

    def take_agreed(self) -> None:
        bid_id = self.bid_id()
        if (
            bid_id is not None
            and self.ctx.do(take_agreed, bid_id, _("The members' sheets agree.")) is not None
        ):
            self.refresh()

    def lock(self) -> None:
        """*Lock quality scores*, after a confirmation; while scores are missing, the
        core's refusal (``evaluation_entry.LOCK_MISSING``) without asking first."""
        missing = missing_scores(self.ctx.project, read(self.ctx.pf))
        if missing:
            what = missing_text(self.ctx.project, missing).text(ui_language())
            dialogs.show_error(self, _(evaluation_entry.LOCK_MISSING, missing=what))
            self.refresh()
            return
        question = _(
            "Lock the quality scores? The sheets, the consensus and the verification can no "
            "longer change, and the price envelope may then be opened."
        )
        pending = pending_verifications(self.ctx.project, read(self.ctx.pf))
        if pending:  # walk 2026-12-07: locked with no scenario verified, without a word (BD-UNVERIFIED)
            question = (
                _(
                    "The technical committee's verification is not recorded for {scenarios}: once the "
                    "scores are locked, it can no longer be recorded.",
                    scenarios="; ".join(
                        _("bid {number} ({labels})", number=bid_id, labels=", ".join(labels))
                        for bid_id, labels in pending.items()
                    ),
                )
                + "\n\n"
                + question
            )
        if not dialogs.ask_yes_no(self, question):
            return
        when = moment_text(self.ctx.project.info, self.lock_day.text(), self.lock_time.text())
        if self.ctx.do(evaluation_entry.lock_quality, locked_by=self.locked_by.text(), at=when):
            self.refresh()
