"""Vendor relations and transparency: exchange register, designated staff,
publication plan and diffusion.

The register table shows one line per exchange (date, vendor, staff, channel, subject);
the selected exchange's other fields, what the vendor did towards the tender (a choice:
no part, helped draft, a template or specification used, or one received and not used)
and its warning signs (demo, NDA, RFI) are edited below it, so the table stays readable
on a 1366×768 screen. The vendors excluded as drafting contributors (V-DRAFTING: helped
draft, or material used) are listed live: the tender's appendix names them.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLabel, QLineEdit, QSizePolicy, QWidget

from wizard.core import ops
from wizard.core.checks.vendors import excluded_vendors
from wizard.core.i18n import N_, _
from wizard.core.model import VendorExchange
from wizard.core.model.defaults import PUBLICATION_ITEMS
from wizard.core.opendata.schema import codelist
from wizard.core.steps import Step
from wizard.ui.labels import label
from wizard.ui.pages.base import StepPage, short_text
from wizard.ui.widgets.table_editor import Column

DETAIL_TEXTS = (
    ("staff_role", N_("Staff role")),
    ("documents", N_("Documents exchanged")),
)
DRAFTING_TITLE = N_("Part in preparing the tender")
"""The label of the choice of ``VendorExchange.drafting`` (``VendorExchange.DRAFTING_ROLES``)."""
DETAIL_FLAGS = (
    ("initiated_by_vendor", N_("The vendor initiated the exchange")),
    ("routed_to_cio", N_("Sent to the CIO")),
    ("publishable", N_("Publishable")),
    ("demo", N_("A demo was asked for or accepted (outside the tender)")),
    ("nda_signed", N_("A non-disclosure agreement was signed")),
    ("rfi", N_("A request for information (RFI) was sent")),
)


ITEM_SCHEMES: tuple[str, ...] = ("UNSPSC", "GSIN", "CPV") + tuple(
    sorted(codelist("itemClassificationScheme.csv") - {"UNSPSC", "GSIN", "CPV"})
)
"""The classification schemes offered: those of the OCDS codelist, the Canadian ones first."""


def publication_label(row: Any) -> str:
    msgid = PUBLICATION_ITEMS.get(row.key)
    return _(msgid) if msgid else row.key


def _show_choice(box: QComboBox, values: tuple[str, ...], value: str) -> None:
    """Fill ``box`` with ``values`` labelled in the interface language and select
    ``value``; a value outside the set (a newer version's) is shown as it is stored,
    never replaced. Signals stay blocked by the caller."""
    box.clear()
    for known in values if value in values else (*values, value):
        box.addItem(label(known), known)
    box.setCurrentIndex(box.findData(value))


class ClickLabel(QLabel):
    """A label that says when it is clicked (to toggle the check box it describes)."""

    clicked = Signal()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        if event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit()


class VendorsPage(StepPage):
    STEP = Step.VENDORS
    DETAIL_KIND = "vendor_exchanges"
    HELP = N_(
        "Every exchange with a vendor is written down and can be published. Only "
        "designated IT and procurement staff talk to vendors. No confidentiality "
        "agreement, no demo outside the tender. A vendor who helped write the tender, or "
        "whose template or specification it used, may not bid; a template received and not "
        "used is recorded and excludes no one. Plan what the town will publish, when and where."
    )

    def build(self) -> None:
        form = self.group(N_("Register of exchanges with vendors"))
        table = self.table(
            form,
            "vendor_exchanges",
            [
                Column("date", N_("Date")),
                Column("vendor", N_("Vendor")),
                Column("staff_name", N_("Town staff")),
                Column("channel", N_("Channel")),
                Column("subject", N_("Subject"), stretch=True),
            ],
            lines=8,
        )
        table.current_changed.connect(lambda _id: self.load_detail())
        # row heights follow the column widths (long subjects wrap), once resizing settles
        self._fit_rows = QTimer(self)
        self._fit_rows.setSingleShot(True)
        self._fit_rows.setInterval(50)
        self._fit_rows.timeout.connect(table.table.resizeRowsToContents)
        table.table.horizontalHeader().sectionResized.connect(lambda *_a: self._fit_rows_later())
        table.rows_changed.connect(self._show_excluded)
        self.excluded = QLabel()
        self.excluded.setObjectName("vendors.excluded")
        self.excluded.setWordWrap(True)
        form.addRow(self.excluded)
        self._build_detail()
        form = self.group(N_("Staff designated to speak with vendors"))
        self.table(
            form,
            "designated_staff",
            [Column("name", N_("Name"), stretch=True), Column("role", N_("Role"), stretch=True)],
            lines=2,
        )
        self._build_publication()

    def _build_detail(self) -> None:
        form = self.group(N_("Selected exchange"))
        self.flag_labels: dict[str, QLabel] = {}
        for name, title in DETAIL_TEXTS:
            edit = QLineEdit()
            edit.setObjectName(f"exchange.{name}")
            edit.textChanged.connect(lambda text, n=name: self._detail_edited(n, text))
            self.details[name] = edit
            self.row(form, title, self.translated(name, edit))
        drafting = QComboBox()
        drafting.setObjectName("exchange.drafting")
        drafting.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        drafting.setMinimumContentsLength(24)  # long French labels must not widen the page
        drafting.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)  # as wide as the texts
        drafting.activated.connect(lambda index: self._drafting_chosen(drafting.itemData(index)))
        self.texts.add(drafting.setAccessibleName, DRAFTING_TITLE)
        self.details["drafting"] = drafting
        self.row(form, DRAFTING_TITLE, drafting)
        for name, title in DETAIL_FLAGS:
            box = QCheckBox()
            box.setObjectName(f"exchange.{name}")
            box.toggled.connect(lambda on, n=name: self._flag_edited(n, on))
            self.details[name] = box
            form.addRow(self._wrapped(box, title))

    def _wrapped(self, box: QCheckBox, title: str) -> QWidget:
        """A check box whose label wraps (long French labels would widen the page)."""
        label = ClickLabel()
        label.setWordWrap(True)
        label.setBuddy(box)

        def toggle_if_enabled() -> None:
            if box.isEnabled():
                box.toggle()

        label.clicked.connect(toggle_if_enabled)
        self.texts.add(label.setText, title)
        self.texts.add(box.setAccessibleName, title)
        self.flag_labels[box.objectName()] = label
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(box, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(label, 1)
        return row

    def _build_publication(self) -> None:
        b = self.binder
        form = self.group(N_("Publication plan"))
        self.note(form, N_("What the town will publish, when and where (planned date YYYY-MM-DD)."))
        self.table(
            form,
            "publication_items",
            [
                Column("key", N_("What"), display=publication_label, stretch=True),
                Column("planned", N_("Planned")),
                Column("planned_date", N_("Date")),
                Column("place", N_("Where"), stretch=True),
            ],
            can_add=False,
            lines=22,
        )
        form = self.group(N_("Diffusion of the tender"))
        self.row(form, N_("Provincial platform"), b.line("publication", "provincial_platform"))
        self.row(
            form, N_("Free specialised platforms"), short_text(b.text("publication", "free_platforms", 2))
        )
        form.addRow(
            b.check(
                "publication", "notify_scanned_vendors", N_("Notify the vendors found in the market scan")
            )
        )
        self.row(
            form,
            N_("Translation and binding version"),
            short_text(b.text("publication", "translation_notes", 2)),
        )
        self.row(form, N_("Open data portal address"), b.line("publication", "open_data_url"))
        self._build_open_data()

    def _build_open_data(self) -> None:
        """The OCDS package's identifiers, licence, policy, submission and classification."""
        b = self.binder
        form = self.group(N_("Open data (OCDS)"))
        self.note(
            form,
            N_(
                "The OCDS prefix makes the tender's identifier unique in the world: the town asks "
                "the Open Contracting Partnership for one (free of charge, by e-mail or its web form) "
                "and uses it for every tender. It reads ocds- followed by 6 lowercase letters or "
                "digits. The app never goes online: type the prefix you were given."
            ),
        )
        self.row(form, N_("OCDS prefix"), b.line("publication", "ocid_prefix", "ocds-a1b2c3"))
        self.row(
            form,
            N_("Address where the OCDS file will be published"),
            b.line("publication", "package_url", "https://"),
        )
        self.row(form, N_("Licence of the open data (address)"), b.line("publication", "license_url"))
        self.row(
            form,
            N_("Publication policy (address)"),
            b.line("publication", "publication_policy_url", "https://"),
        )
        self.row(
            form,
            N_("List of organization identifiers (org-id)"),
            b.line("publication", "publisher_scheme", "CA-CRA_ACR"),
        )
        self.row(
            form,
            N_("The town's identifier in that list (business number)"),
            b.line("publication", "publisher_id"),
        )
        methods = QWidget()
        layout = QHBoxLayout(methods)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(b.check("publication", "bids_electronic", N_("Electronic bids")))
        layout.addWidget(b.check("publication", "bids_on_paper", N_("Paper bids (mail, by hand)")))
        layout.addStretch(1)
        self.row(form, N_("Bids may be submitted as"), methods)
        self.row(form, N_("Classification scheme"), b.combo("publication", "item_scheme", ITEM_SCHEMES))
        self.row(form, N_("Classification code of what is bought"), b.line("publication", "item_code"))
        self.row(form, N_("Description of that code"), b.line("publication", "item_description"))
        self.row(
            form,
            N_("Estimated cost and budget (before taxes) in the open data"),
            b.check("publication", "publish_estimate", N_("Publish them")),
        )

    # -- the selected exchange ----------------------------------------------------------

    def _current(self) -> Any | None:
        row_id = self.tables["vendor_exchanges"].current_id()
        return None if row_id is None else self.ctx.project.find_row(VendorExchange, row_id)

    def load_extra(self) -> None:
        table = self.tables["vendor_exchanges"]
        if table.current_id() is None and table.row_ids():
            table.focus_row(table.row_ids()[0], None, focus=False)
        self.load_detail()

    def load_detail(self) -> None:
        """Show the selected exchange's details (empty and disabled when none)."""
        self.ctx.flush()
        exchange = self._current()
        editable = exchange is not None and not self.ctx.read_only
        for name, widget in self.details.items():
            widget.blockSignals(True)
            if isinstance(widget, QLineEdit):
                widget.setText(getattr(exchange, name) if exchange is not None else "")
                widget.setReadOnly(not editable)
                widget.setEnabled(exchange is not None)
            elif isinstance(widget, QCheckBox):
                widget.setChecked(bool(getattr(exchange, name)) if exchange is not None else False)
                widget.setEnabled(editable)
            elif isinstance(widget, QComboBox):
                _show_choice(
                    widget,
                    VendorExchange.DRAFTING_ROLES,
                    getattr(exchange, name) if exchange is not None else "none",
                )
                widget.setEnabled(editable)
            widget.blockSignals(False)
        self._show_excluded()
        self.load_translations()

    def _show_excluded(self) -> None:
        names = excluded_vendors(self.ctx.project)
        text = _("Excluded from this tender (named in its appendix): {names}", names=", ".join(names))
        self.excluded.setText(text if names else "")
        self.excluded.setVisible(bool(names))

    def _detail_edited(self, name: str, text: str) -> None:
        row_id = self.tables["vendor_exchanges"].current_id()
        if row_id is not None:
            self.ctx.do_later(
                ("vendor_exchanges", row_id, name), ops.update, VendorExchange, row_id, **{name: text}
            )

    def _drafting_chosen(self, value: str) -> None:
        row_id = self.tables["vendor_exchanges"].current_id()
        if row_id is not None:
            self.ctx.do(ops.update, VendorExchange, row_id, drafting=value)

    def _flag_edited(self, name: str, on: bool) -> None:
        row_id = self.tables["vendor_exchanges"].current_id()
        if row_id is not None:
            self.ctx.do(ops.update, VendorExchange, row_id, **{name: on})

    def model_changed(self) -> None:
        self._show_excluded()

    def _fit_rows_later(self) -> None:
        self._fit_rows.start()
