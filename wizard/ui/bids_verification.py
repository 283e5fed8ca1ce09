"""*Bids and evaluation* ▸ Verification: for the bid chosen, each mandatory criterion
passed or failed with its evidence, and the technical committee's verification of each
test scenario (confirmed, refuted or pending, notes, date, who reports it).

A choice saves at once, a text when its field is left (``evaluation_entry.set_mandatory``,
``set_verification`` through ``ctx.do``). Late bids are not listed: they are never
evaluated. Once the quality scores are locked, everything here is read-only.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from wizard.core.bids import evaluation_entry
from wizard.core.bids.record import BidsRecord, read
from wizard.core.domain.numbering import criterion_numbers, scenario_numbers
from wizard.core.i18n import N_, _, ui_language
from wizard.ui.bids_common import bid_name, clear_cells, table
from wizard.ui.widgets.line_start import keep_start
from wizard.ui.widgets.read_only import show_read_only

PASSED = [(None, N_("Not assessed")), (True, N_("Passes")), (False, N_("Fails"))]
RESULTS = ["pending", "confirmed", "refuted"]


def bid_combo(record: BidsRecord, combo: QComboBox) -> None:
    """Fill ``combo`` with the bids that are evaluated (not late, withdrawn or
    rejected), keeping the one chosen."""
    current = combo.currentData()
    combo.blockSignals(True)
    combo.clear()
    for bid in record.bids:
        if not (bid.late or bid.withdrawn or bid.rejected):
            combo.addItem(bid_name(bid), bid.id)
    index = combo.findData(current)
    combo.setCurrentIndex(max(index, 0))
    combo.blockSignals(False)


def edited(edit: QLineEdit) -> bool:
    """Whether ``edit`` changed since it was filled or last saved (a field left
    unchanged writes nothing); remembers its text."""
    if edit.property("saved") == edit.text():
        return False
    edit.setProperty("saved", edit.text())
    return True


def on_edit(edit: QLineEdit, save: Callable[[], object]) -> None:
    """Run ``save`` when ``edit`` is left changed (:func:`edited`)."""

    def finished() -> None:
        if edited(edit):
            save()

    edit.editingFinished.connect(finished)


def line(text: str) -> QLineEdit:
    """A line edit showing ``text`` from its start, whole in its tooltip (a long evidence
    or reason in a narrow cell showed its end: ``line_start``), remembered as saved
    (:func:`edited`)."""
    edit = QLineEdit(text)
    edit.setProperty("saved", text)
    return keep_start(edit)


def lock_line(edit: QLineEdit, editable: bool) -> None:
    """``edit`` read-only (not disabled) when it cannot change: its text can still be
    scrolled, selected and copied, and its tooltip shows it whole."""
    edit.setReadOnly(not editable)
    show_read_only(edit, not editable)


def wrapped(view: QTableWidget) -> QTableWidget:
    """``view``'s texts wrapped, each row as tall as its text whenever a column is
    resized."""
    view.setWordWrap(True)
    view.horizontalHeader().sectionResized.connect(lambda *_a: view.resizeRowsToContents())
    return view


def text_item(text: str) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setToolTip(text)
    return item


class VerificationTab(QWidget):
    """Mandatory criteria and scenario verifications per bid (module docstring)."""

    def __init__(self, ctx: ProjectContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        row.addWidget(QLabel(_("Bid")))
        self.bid = QComboBox()
        self.bid.setObjectName("verification-bid")
        self.bid.currentIndexChanged.connect(lambda _i: self.refresh())
        row.addWidget(self.bid, 1)
        layout.addLayout(row)
        self.locked = QLabel()
        self.locked.setWordWrap(True)
        layout.addWidget(self.locked)

        mandatory = QGroupBox(_("Mandatory criteria"))
        box = QVBoxLayout(mandatory)
        # the evidence takes the free width, the criterion wraps in 60 characters: at
        # 1366×768 a long evidence showed 50 characters beside a half-empty column (walk
        # 2026-12-07)
        self.mandatory = table(
            [_("Criterion"), _("Result"), _("Evidence (where the bid shows it)")], 2, {0: 60}
        )
        wrapped(self.mandatory)
        self.mandatory.setObjectName("mandatory-table")
        box.addWidget(self.mandatory)
        layout.addWidget(mandatory, 3)

        scenarios = QGroupBox(_("Scenarios verified by the technical committee"))
        box = QVBoxLayout(scenarios)
        # the scenario's title takes the free width and wraps, the notes a line of their
        # own width: at 1366×768 the titles were cut after 25 characters beside an empty
        # Notes column (walk 2026-12-07)
        self.scenarios = table(
            [_("Scenario"), _("Result"), _("Notes"), _("Date"), _("Reported by")], 0, {2: 24, 3: 14}
        )
        wrapped(self.scenarios)
        self.scenarios.setObjectName("scenario-table")
        box.addWidget(self.scenarios)
        layout.addWidget(scenarios, 2)
        self.refresh()

    def bid_id(self) -> int | None:
        value = self.bid.currentData()
        return int(value) if value is not None else None

    def refresh(self) -> None:
        record = read(self.ctx.pf)
        bid_combo(record, self.bid)
        bid_id = self.bid_id()
        editable = bid_id is not None and not record.locked and not self.ctx.read_only
        self.locked.setText(
            _("The quality scores are locked: these results can no longer change.") if record.locked else ""
        )
        self.locked.setVisible(record.locked)
        self._fill_mandatory(record, bid_id, editable)
        self._fill_scenarios(record, bid_id, editable)

    def _fill_mandatory(self, record: BidsRecord, bid_id: int | None, editable: bool) -> None:
        numbers = criterion_numbers(self.ctx.project, ui_language())
        criteria = [c for c in self.ctx.project.criteria if c.kind == "mandatory" and c.id in numbers]
        results = {m.criterion_id: m for m in record.mandatory if m.bid_id == bid_id}
        clear_cells(self.mandatory)
        self.mandatory.setRowCount(len(criteria))
        for r, criterion in enumerate(criteria):
            self.mandatory.setItem(r, 0, text_item(f"{numbers[criterion.id]}  {criterion.text}"))
            found = results.get(criterion.id)
            combo = QComboBox()
            for value, label in PASSED:
                combo.addItem(_(label), value)
            combo.setCurrentIndex([v for v, _l in PASSED].index(found.passed if found else None))
            evidence = line(found.evidence if found else "")
            combo.setEnabled(editable)
            lock_line(evidence, editable)
            combo.currentIndexChanged.connect(
                lambda _i, c=criterion.id, b=combo, e=evidence: self.save_mandatory(c, b, e)
            )
            on_edit(evidence, partial(self.save_mandatory, criterion.id, combo, evidence))
            self.mandatory.setCellWidget(r, 1, combo)
            self.mandatory.setCellWidget(r, 2, evidence)
        self.mandatory.resizeRowsToContents()  # a long criterion on two lines, whole

    def _fill_scenarios(self, record: BidsRecord, bid_id: int | None, editable: bool) -> None:
        numbers = scenario_numbers(self.ctx.project)
        scenarios = [s for s in self.ctx.project.scenarios if s.id in numbers]
        found = {v.scenario_id: v for v in record.verifications if v.bid_id == bid_id}
        clear_cells(self.scenarios)
        self.scenarios.setRowCount(len(scenarios))
        labels = {"pending": _("Pending"), "confirmed": _("Confirmed"), "refuted": _("Refuted")}
        for r, scenario in enumerate(scenarios):
            self.scenarios.setItem(r, 0, text_item(f"{numbers[scenario.id]}  {scenario.title}"))
            done = found.get(scenario.id)
            result = QComboBox()
            for key in RESULTS:
                result.addItem(labels[key], key)
            result.setCurrentIndex(RESULTS.index(done.result) if done else 0)
            notes = line(done.notes if done else "")
            day = line(done.verified_on if done else "")
            day.setPlaceholderText(_("YYYY-MM-DD"))
            member = QComboBox()
            member.addItem(_("The committee"), None)
            for m in self.ctx.project.committee:
                member.addItem(m.name, m.id)
            member.setCurrentIndex(max(member.findData(done.committee_member_id) if done else 0, 0))
            widgets = (result, notes, day, member)
            for c, widget in enumerate(widgets, 1):
                if isinstance(widget, QLineEdit):
                    lock_line(widget, editable)
                else:
                    widget.setEnabled(editable)
                self.scenarios.setCellWidget(r, c, widget)
            save = lambda *_a, s=scenario.id, w=widgets: self.save_verification(s, *w)  # noqa: E731
            result.currentIndexChanged.connect(save)
            member.currentIndexChanged.connect(save)
            on_edit(notes, save)
            on_edit(day, save)
        self.scenarios.resizeRowsToContents()  # a long title on two lines, whole

    def save_mandatory(self, criterion_id: int, combo: QComboBox, evidence: QLineEdit) -> None:
        bid_id = self.bid_id()
        if bid_id is not None:
            self.ctx.do(
                evaluation_entry.set_mandatory, bid_id, criterion_id, combo.currentData(), evidence.text()
            )

    def save_verification(
        self, scenario_id: int, result: QComboBox, notes: QLineEdit, day: QLineEdit, member: QComboBox
    ) -> None:
        bid_id = self.bid_id()
        if bid_id is not None:
            self.ctx.do(
                evaluation_entry.set_verification,
                bid_id,
                scenario_id,
                result.currentData(),
                notes.text(),
                day.text(),
                member.currentData(),
            )


if TYPE_CHECKING:
    from wizard.ui.context import ProjectContext
