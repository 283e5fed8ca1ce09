"""*Bids and evaluation* ▸ Bids: the bids received and their price workbooks.

A list of the bids beside the form of the one chosen: the bidder (legal name, business
number, address, contact), when the bid was received (date and time in the town's
zone; the core decides whether it is late, against the closing in force), the issued
addenda it acknowledges, its trade-secret designation and whether personal names may
be published, and once recorded whether the bidder withdrew it or the Town set it aside
before the opening (the reason; such a bid is never opened); *Remove the bid…* takes back a bid entered by mistake (before the lock).
*Attach the price workbook…* keeps the file sealed
(``intake.attach_workbook``): the window shows its fingerprint, never its prices.
Every change is a core operation run through ``ctx.do``; a refusal is the core's
message.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from wizard.core.bids import intake
from wizard.core.bids.record import Bid, Bidder, read
from wizard.core.domain.timezones import closing_datetime, zone_label, zone_of
from wizard.core.i18n import N_, _, ui_language
from wizard.core.i18n.os_errors import os_reason
from wizard.core.publishing.record import read as read_publishing
from wizard.ui import dialogs
from wizard.ui.bids_common import (
    NONE,
    bid_name,
    done,
    fingerprint,
    local_parts,
    moment_text,
    recorded_note,
    short_field,
    shown_moment,
)
from wizard.ui.bids_opening import sealed_reasons

if TYPE_CHECKING:
    from wizard.ui.context import ProjectContext


NO_NEW_BID = N_("The price envelopes are open: no bid can be added any more.")
"""The core's refusal (``intake.add_bid``), the tooltip of what it disables."""
FIXED_AT_OPENING = N_(
    "The price envelopes are open: when a bid was received, and whether it was withdrawn or rejected, "
    "can no longer change."
)
"""The core's refusal (``intake.set_bid``) for ``intake.FIXED_AT_OPENING``."""


def bid_line(bid: Bid, kept_sealed: str = "") -> str:
    """How the list shows a bid: its name and what stands out (late, withdrawn, the
    workbook sealed or opened; ``kept_sealed``: why the opening left it sealed,
    ``bids_opening.sealed_reasons``)."""
    if bid.late:
        state = _("late: never opened")
    elif bid.withdrawn:
        state = _("withdrawn")
    elif bid.rejected:
        state = _("rejected")
    elif bid.opened:
        state = _("prices opened")
    elif bid.workbook_sha256:
        state = _("prices sealed: {reason}", reason=kept_sealed) if kept_sealed else _("prices sealed")
    else:
        state = _("no price workbook")
    return f"{bid_name(bid)} — {state}"


class BidsTab(QWidget):
    """The bids received (module docstring)."""

    def __init__(self, ctx: ProjectContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.bid_ids: list[int] = []
        self.kept_sealed: dict[int, str] = {}  # bid id → why the opening left it sealed
        layout = QHBoxLayout(self)
        left = QVBoxLayout()
        self.bid_list = QListWidget()
        self.bid_list.setObjectName("bid-list")
        self.bid_list.setWordWrap(True)  # a sealed envelope's reason whole, on more lines
        self.bid_list.setSpacing(2)  # a wrapped line apart from the next bid
        self.bid_list.currentRowChanged.connect(self.show_bid)
        left.addWidget(self.bid_list)
        self.new_button = QPushButton(_("New bid"))
        self.new_button.clicked.connect(self.new_bid)
        left.addWidget(self.new_button)
        self.remove_button = QPushButton(_("Remove the bid…"))
        self.remove_button.setObjectName("bid-remove")
        self.remove_button.setToolTip(
            _("A bid entered by mistake. A bid the bidder withdrew stays on record.")
        )
        self.remove_button.clicked.connect(self.remove)
        left.addWidget(self.remove_button)
        layout.addLayout(left, 2)

        right = QVBoxLayout()
        bidder = QGroupBox(_("Bidder"))
        form = QFormLayout(bidder)
        self.fields: dict[str, QLineEdit] = {}
        for name, label in (
            ("legal_name", _("Legal name")),
            ("business_number", _("Business number")),
            ("address", _("Address")),
            ("contact_name", _("Contact")),
            ("contact_email", _("Email")),
            ("contact_phone", _("Telephone")),
        ):
            edit = QLineEdit()
            edit.setObjectName(f"bid-{name}")
            self.fields[name] = edit
            form.addRow(label, edit)
        right.addWidget(bidder)

        received = QGroupBox(_("Receipt"))
        form = QFormLayout(received)
        row = QHBoxLayout()
        self.received_day = short_field(QLineEdit(), 12)
        self.received_day.setObjectName("bid-received-day")
        self.received_day.setPlaceholderText(_("YYYY-MM-DD"))
        self.received_time = short_field(QLineEdit(), 7)
        self.received_time.setObjectName("bid-received-time")
        self.received_time.setPlaceholderText(_("HH:MM"))
        self.zone = QLabel()
        row.addWidget(self.received_day, 2)
        row.addWidget(self.received_time, 1)
        row.addWidget(self.zone)
        row.addStretch(1)
        form.addRow(_("Received"), row)
        self.late_label = QLabel()
        self.late_label.setObjectName("bid-late")
        self.late_label.setWordWrap(True)
        form.addRow(self.late_label)
        self.recorded_label = QLabel()
        self.recorded_label.setObjectName("bid-as-recorded")
        self.recorded_label.setWordWrap(True)
        self.recorded_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow(self.recorded_label)
        self.addenda_box = QHBoxLayout()
        self.addenda_checks: dict[int, QCheckBox] = {}
        # with no addendum issued the line said nothing (walk 2026-12-07): it says so
        self.no_addenda = QLabel(_("No addendum issued"))
        self.no_addenda.setObjectName("bid-no-addendum")
        self.no_addenda.setStyleSheet("color: palette(dark)")
        self.addenda_box.addWidget(self.no_addenda)
        self.addenda_box.addStretch(1)
        form.addRow(_("Addenda acknowledged"), self.addenda_box)
        self.trade_secret = QLineEdit()
        self.trade_secret.setObjectName("bid-trade-secret")
        self.trade_secret.setPlaceholderText(_("As designated on the form; empty if none"))
        form.addRow(_("Trade secrets"), self.trade_secret)
        self.publish_names = QCheckBox(_("Personal names may be published"))
        self.response_form = QCheckBox(_("Response form received"))
        flags = QHBoxLayout()
        flags.addWidget(self.publish_names)
        flags.addWidget(self.response_form)
        self.withdrawn = QCheckBox(_("Withdrawn by the bidder"))
        flags.addWidget(self.withdrawn)
        flags.addStretch(1)
        form.addRow(flags)
        self.rejected = QLineEdit()
        self.rejected.setObjectName("bid-rejected")
        self.rejected.setPlaceholderText(_("Why it is set aside before the opening; empty if not"))
        form.addRow(_("Rejected"), self.rejected)
        self.save_button = QPushButton()
        self.save_button.setObjectName("bid-save")
        self.save_button.clicked.connect(self.save)
        form.addRow(self.save_button)
        right.addWidget(received)

        sealed = QGroupBox(_("Price workbook"))
        box = QVBoxLayout(sealed)
        self.sealed_label = QLabel()
        self.sealed_label.setObjectName("bid-sealed")
        self.sealed_label.setWordWrap(True)
        box.addWidget(self.sealed_label)
        self.attach_button = QPushButton(_("Attach the price workbook…"))
        self.attach_button.clicked.connect(self.attach)
        box.addWidget(self.attach_button)
        right.addWidget(sealed)
        right.addStretch(1)
        layout.addLayout(right, 3)
        self.refresh()

    # -- showing ------------------------------------------------------------------

    def current_bid(self) -> Bid | None:
        row = self.bid_list.currentRow()
        if not 0 <= row < len(self.bid_ids):
            return None
        return read(self.ctx.pf).bid(self.bid_ids[row])

    def refresh(self, select: int | None = None) -> None:
        """Show the bids again; ``select`` a bid id (default: the one shown)."""
        current = self.current_bid()
        wanted = select if select is not None else (current.id if current else None)
        record = read(self.ctx.pf)
        info = self.ctx.project.info
        self.zone.setText(zone_label(zone_of(info), ui_language()))
        self._addenda_checks()
        self.bid_list.blockSignals(True)
        self.bid_list.clear()
        self.bid_ids = [b.id for b in record.bids]
        self.kept_sealed = sealed_reasons(self.ctx.project, record)
        for bid in record.bids:
            self.bid_list.addItem(bid_line(bid, self.kept_sealed.get(bid.id, "")))
        row = self.bid_ids.index(wanted) if wanted in self.bid_ids else -1
        self.bid_list.setCurrentRow(row)
        self.bid_list.blockSignals(False)
        self.show_bid(row)

    def _addenda_checks(self) -> None:
        numbers = [a.number for a in read_publishing(self.ctx.pf).issued if a.number is not None]
        if sorted(self.addenda_checks) == numbers:
            self.no_addenda.setVisible(not numbers)
            return
        for check in self.addenda_checks.values():
            check.deleteLater()
        self.addenda_checks = {}
        for i, number in enumerate(numbers):
            check = QCheckBox(_("Addendum {number}", number=number))
            check.setObjectName(f"bid-addendum-{number}")
            self.addenda_checks[number] = check
            self.addenda_box.insertWidget(i, check)
        self.no_addenda.setVisible(not numbers)

    def show_bid(self, row: int) -> None:
        bid = self.current_bid() if row >= 0 else None
        info = self.ctx.project.info
        bidder = bid.bidder if bid else Bidder()
        for name, edit in self.fields.items():
            edit.setText(getattr(bidder, name))
        day, time = local_parts(info, bid.received_at) if bid else ("", "")
        self.received_day.setText(day)
        self.received_time.setText(time)
        for number, check in self.addenda_checks.items():
            check.setChecked(bid is not None and number in bid.acknowledged_addenda)
        self.trade_secret.setText(bid.trade_secret if bid else "")
        self.publish_names.setChecked(bool(bid and bid.publish_names))
        self.response_form.setChecked(bool(bid and bid.response_form))
        self.withdrawn.setChecked(bool(bid and bid.withdrawn))
        self.rejected.setText(bid.rejected if bid else "")
        self.save_button.setText(_("Save the changes") if bid else _("Record the bid"))
        self.late_label.setText(self.receipt_text(bid))
        self.recorded_label.setText(recorded_note(info, bid.received_at) if bid else "")
        self.recorded_label.setVisible(bool(self.recorded_label.text()))
        self.late_label.setStyleSheet("color: #b00020; font-weight: bold;" if bid and bid.late else "")
        self.sealed_label.setText(self.sealed_text(bid, self.kept_sealed.get(bid.id, "") if bid else ""))
        record = read(self.ctx.pf)
        self.remove_button.setEnabled(bid is not None and not (record.locked or record.opened))
        self.attach_button.setEnabled(bid is not None and not bid.late and not record.opened)
        self._after_opening(bid is not None, record.opened)

    def _after_opening(self, shown: bool, opened: bool) -> None:
        """Once the envelopes are open, what the core refuses is disabled, its message
        as the tooltip: a new bid, and the receipt, withdrawal and rejection of a bid
        (``intake.FIXED_AT_OPENING``); the bidder's details stay editable."""
        no_new = _(NO_NEW_BID) if opened else ""
        self.new_button.setEnabled(not opened)
        self.new_button.setToolTip(no_new)
        self.save_button.setEnabled(shown or not opened)
        self.save_button.setToolTip("" if shown else no_new)
        fixed = _(FIXED_AT_OPENING) if opened else ""
        for widget in (self.received_day, self.received_time, self.withdrawn, self.rejected):
            widget.setEnabled(not opened and (shown or widget in (self.received_day, self.received_time)))
            widget.setToolTip(fixed)

    def closing_text(self) -> str:
        """The closing in force, in the town's zone (:data:`NONE` when unknown)."""
        found = closing_datetime(self.ctx.project.info)
        return shown_moment(self.ctx.project.info, found.isoformat()) if found else NONE

    def receipt_text(self, bid: Bid | None) -> str:
        """When ``bid`` was received and the closing in force, both as the town's clock
        reads them in the app's language (``bids_common.shown_moment``); whether it is
        late is the core's decision."""
        if bid is None:
            return _("The app decides whether a bid is late, against the closing in force.")
        received = shown_moment(self.ctx.project.info, bid.received_at)
        if bid.late:
            return _(
                "Received on {received}, after the closing of {closing}: kept on record and never opened.",
                received=received,
                closing=self.closing_text(),
            )
        return _(
            "Received on {received}, before the closing of {closing}.",
            received=received,
            closing=self.closing_text(),
        )

    @staticmethod
    def sealed_text(bid: Bid | None, kept_sealed: str = "") -> str:
        """The price workbook of ``bid``: none yet, sealed (``kept_sealed``: why the
        opening left it so), or opened; with its fingerprint."""
        if bid is None:
            return _("Record the bid first.")
        if bid.late:
            return _("A late bid's price workbook is never opened.")
        if not bid.workbook_sha256:
            return _("No price workbook received yet.")
        if bid.opened:
            return _("Opened. Fingerprint (SHA-256): {sha}", sha=fingerprint(bid.workbook_sha256))
        if kept_sealed:
            return _(
                "Left sealed at the opening: {reason}. Fingerprint (SHA-256): {sha}",
                reason=kept_sealed,
                sha=fingerprint(bid.workbook_sha256),
            )
        return _(
            "Sealed: its prices stay unread until the price envelope is opened. Fingerprint (SHA-256): {sha}",
            sha=fingerprint(bid.workbook_sha256),
        )

    # -- editing ------------------------------------------------------------------

    def new_bid(self) -> None:
        self.bid_list.setCurrentRow(-1)
        self.show_bid(-1)
        self.fields["legal_name"].setFocus()

    def _values(self) -> dict[str, Any]:
        info = self.ctx.project.info
        return {
            **{name: edit.text() for name, edit in self.fields.items()},
            "received_at": moment_text(info, self.received_day.text(), self.received_time.text()),
            "acknowledged": [n for n, c in self.addenda_checks.items() if c.isChecked()],
            "trade_secret": self.trade_secret.text(),
            "publish_names": self.publish_names.isChecked(),
            "response_form": self.response_form.isChecked(),
        }

    def save(self) -> None:
        """Record the bid shown, or save what changed of it."""
        values = self._values()
        bid = self.current_bid()
        if bid is None:
            bidder = Bidder(**{name: values.pop(name) for name in self.fields})  # a new bid
            bid_id = self.ctx.do(intake.add_bid, bidder=bidder, **values)
            if bid_id is not None:
                self.refresh(select=bid_id)
            return
        values.update(withdrawn=self.withdrawn.isChecked(), rejected=self.rejected.text().strip())
        changes = self._changes(bid, values)
        if not changes or self.ctx.do(done(intake.set_bid), bid.id, **changes):
            self.refresh(select=bid.id)

    def _changes(self, bid: Bid, values: dict[str, Any]) -> dict[str, Any]:
        before = {
            **{name: getattr(bid.bidder, name) for name in self.fields},
            "received_at": moment_text(
                self.ctx.project.info, *local_parts(self.ctx.project.info, bid.received_at)
            ),
            "acknowledged": list(bid.acknowledged_addenda),
            "trade_secret": bid.trade_secret,
            "publish_names": bid.publish_names,
            "response_form": bid.response_form,
            "withdrawn": bid.withdrawn,
            "rejected": bid.rejected,
        }
        return {k: v for k, v in values.items() if v != before[k]}

    def remove(self) -> None:
        """*Remove the bid…*: a bid entered by mistake, after a confirmation."""
        bid = self.current_bid()
        if bid is None or not dialogs.ask_yes_no(
            self,
            _(
                "Remove {bid}? Do this only for a bid entered by mistake; the history keeps that it "
                "was recorded and removed.",
                bid=bid_name(bid),
            ),
        ):
            return
        others = [i for i in self.bid_ids if i != bid.id]
        before = [i for i in others if i < bid.id]
        if self.ctx.do(done(intake.remove_bid), bid.id):
            self.refresh(select=(before or others or [-1])[-1 if before else 0])

    def attach(self) -> None:
        """*Attach the price workbook…*: the file chosen is kept sealed."""
        bid = self.current_bid()
        if bid is None:
            return
        path = dialogs.ask_open_path(self, _("Price workbook of {name}", name=bid.bidder.legal_name), ".xlsx")
        if path is None:
            return
        try:
            data = Path(path).read_bytes()
        except OSError as exc:
            dialogs.show_error(
                self, _("The file could not be read:") + f"\n{path}\n{os_reason(exc).text(ui_language())}"
            )
            return
        replace = bool(bid.workbook_sha256)
        if replace and not dialogs.ask_yes_no(
            self, _("This bid already has a price workbook. Replace it (a bid replaced before the closing)?")
        ):
            return
        if self.ctx.do(intake.attach_workbook, bid.id, data, name=Path(path).name, replace=replace):
            self.refresh(select=bid.id)
