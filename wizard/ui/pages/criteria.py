"""Criteria: mandatory (pass/fail) and optional (one point each), pass threshold.

Each criterion is linked to the features and standards it requires; the page shows
the scanned solutions meeting each one and, live, how many meet every mandatory
criterion (C-TARGET, C-COMPLIANT). One click drafts criteria from the market scan.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from wizard.core import ops
from wizard.core.domain import brand_csv, drafting, market
from wizard.core.domain.addresses import parse_address
from wizard.core.domain.evaluation import points_needed_clamped
from wizard.core.domain.numbering import criterion_numbers
from wizard.core.i18n import N_, _, counts, n_, ui_language
from wizard.core.i18n.os_errors import os_reason
from wizard.core.memo import one_pass
from wizard.core.model import Criterion
from wizard.core.steps import Step
from wizard.ui import dialogs
from wizard.ui.pages.base import StepPage
from wizard.ui.widgets.link_list import LinkList
from wizard.ui.widgets.table_editor import Column

log = logging.getLogger(__name__)


class CriteriaPage(StepPage):
    STEP = Step.CRITERIA
    HELP = N_(
        "Criteria come from the market scan, never from one product. A mandatory "
        "criterion eliminates; if fewer than two known solutions meet it, it targets a "
        "vendor in disguise. Name no brand: describe the function or cite an open "
        "standard. Optional criteria are worth one point each, and the pass threshold "
        "should be at least 70%."
    )

    def build(self) -> None:
        self._index: market.SupportIndex | None = None
        # (matrix index, numbers, row id → criterion) the computed columns show
        self._shown: tuple[market.SupportIndex, dict[int, str], dict[int, Any]] | None = None
        self._matrix_key: tuple[tuple[int, int], ...] = ()
        self._links_key: tuple[Any, ...] = ()
        form = self.group(N_("Criteria"))
        table = self.table(
            form,
            "criteria",
            [
                Column("id", N_("No."), display=self.number, width=6, tip=N_("Its number in the tender")),
                Column("text", N_("Criterion"), stretch=True),
                Column("category", N_("Category"), width=16),
                Column("kind", N_("Kind")),
                Column("verification", N_("Verification")),
                Column(
                    "feature_ids",
                    N_("Solutions meeting it"),
                    display=self.meeting_count,
                    width=12,
                    cell_tip=self.meeting_text,
                ),
            ],
            lines=10,
            rows=6,
        )
        table.rows_changed.connect(self._rows_changed)
        self._refreshed = False  # the computed values follow the latest edit already
        table.current_changed.connect(lambda _id: self.load_links())
        form.addRow(self._draft_row())
        self.compliant = QLabel()
        self.compliant.setObjectName("criteria.compliant")
        self.compliant.setWordWrap(True)
        form.addRow(self.compliant)
        form = self.group(N_("Selected criterion: the features and standards it requires"))
        self.links = LinkList(4)
        self.links.setObjectName("criterion.feature_ids")
        self.links.links_changed.connect(self._links_edited)
        form.addRow(self.links)
        self.meeting = QLabel()
        self.meeting.setWordWrap(True)
        form.addRow(self.meeting)
        form = self.group(N_("Pass threshold for optional criteria"))
        self.row(
            form, N_("Threshold"), self.binder.spin("criteria_settings", "pass_threshold_pct", 0, 100, " %")
        )
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        form.addRow(self.summary)
        form = self.group(N_("Other brand names to detect"))
        self.table(
            form, "extra_brands", [Column("name", N_("Brand, product or vendor"), stretch=True)], lines=2
        )
        form.addRow(self._brand_list_row())

    def _brand_list_row(self) -> QWidget:
        """Import a neighbour's brand list, export this project's (CSV, one name a line)."""
        box = QWidget()
        layout = QHBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        self.brands_import_button, self.brands_export_button = QPushButton(), QPushButton()
        self.texts.add(self.brands_import_button.setText, N_("Import a brand list (CSV)…"))
        self.texts.add(self.brands_export_button.setText, N_("Export the brand list (CSV)…"))
        self.texts.add(
            self.brands_import_button.setToolTip,
            N_("Adds the names of a list another town shared (one name a line) that this project lacks."),
        )
        self.brands_import_button.clicked.connect(self.import_brands)
        self.brands_export_button.clicked.connect(self.export_brands)
        layout.addWidget(self.brands_import_button)
        layout.addWidget(self.brands_export_button)
        layout.addStretch(1)
        return box

    def _draft_row(self) -> QWidget:
        box = QWidget()
        layout = QHBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        self.draft_button = QPushButton()
        self.texts.add(self.draft_button.setText, N_("Draft criteria from the market scan"))
        self.texts.add(
            self.draft_button.setToolTip,
            N_(
                "Common features become mandatory criteria, differentiators optional ones. Features already linked to a criterion are skipped."
            ),
        )
        self.draft_button.clicked.connect(self.draft)
        self.draft_status = QLabel()
        self.draft_status.setWordWrap(True)
        layout.addWidget(self.draft_button)
        layout.addWidget(self.draft_status, 1)
        return box

    # -- computed values ----------------------------------------------------------------

    def index(self) -> market.SupportIndex:
        if self._index is None:
            self._index = market.SupportIndex(self.ctx.project)
        return self._index

    def meeting_ids(self, criterion: Any) -> set[int] | None:
        """The solutions meeting ``criterion``; ``None`` when it is linked to no feature."""
        known = self.index().yes
        if not any(fid in known for fid in criterion.feature_ids):
            return None
        return market.criterion_solutions(criterion, self.index())

    def number(self, criterion: Any) -> str:
        """The table cell: the criterion's number in the tender ("M-2", "OBL-2"), "—" for
        a criterion without text (left out of the tender, C-BLANK-ROW)."""
        return criterion_numbers(self.ctx.project, ui_language()).get(criterion.id, "—")

    def meeting_count(self, criterion: Any) -> str:
        """The table cell: "2 / 5" (its tooltip names them), or "—" when not linked."""
        ids = self.meeting_ids(criterion)
        return "—" if ids is None else f"{len(ids)} / {len(self.ctx.project.solutions)}"

    def meeting_text(self, criterion: Any) -> str:
        ids = self.meeting_ids(criterion)
        if ids is None:
            return _("not linked to the scan")
        names = market.solution_names(self.ctx.project, ids)
        return f"{len(ids)} — {names}" if ids else "0"

    def compliant_text(self) -> str:
        project = self.ctx.project
        if not market.linked_mandatory(project):
            return _(
                "No mandatory criterion is linked to the scan yet: link each one to the features it requires."
            )
        ids = market.compliant_solutions(project, self.index())
        return n_(
            "{count} of {total} scanned solutions meets every mandatory criterion: {names}.",
            "{count} of {total} scanned solutions meet every mandatory criterion: {names}.",
            len(ids),
            total=len(project.solutions),
            names=market.solution_names(project, ids) or "—",
        )

    def load_extra(self) -> None:
        self._forget_index()
        self._refresh()

    def _forget_index(self) -> None:
        """Read the market matrix again at the next refresh (the page was loaded or
        shown: the matrix may have changed on the market page, or by an undo)."""
        self._index, self._shown = None, None

    def _refresh(self) -> None:
        """The computed values after an edit on this page: the matrix index is kept
        unless the market lists were replaced or resized (their cells are edited on the
        market page, never while this page shows: :meth:`showEvent` reads it again)."""
        project = self.ctx.project
        lists = (project.support, project.solutions, project.features)
        key = tuple((id(rows), len(rows)) for rows in lists)
        if key != self._matrix_key:
            self._forget_index()
            self._matrix_key = key
        with one_pass():  # the project does not change while the page shows it
            self._load_extra()

    def showEvent(self, event: Any) -> None:
        self._forget_index()
        super().showEvent(event)

    def _load_extra(self) -> None:
        project = self.ctx.project
        optional = sum(1 for c in project.criteria if c.kind == "optional")
        mandatory = sum(1 for c in project.criteria if c.kind == "mandatory")
        self.summary.setText(
            _(
                "{mandatory} and {optional}; a bid needs {needed} to pass.",
                mandatory=counts.mandatory_criteria(mandatory),
                optional=counts.optional_criteria(optional),
                needed=counts.points(
                    points_needed_clamped(project.criteria_settings.pass_threshold_pct, optional)
                ),
            )
        )
        self.compliant.setText(self.compliant_text())
        self.draft_button.setEnabled(not self.ctx.read_only)
        self.brands_import_button.setEnabled(not self.ctx.read_only)
        self._refresh_meeting_column()
        self.load_links()

    def _refresh_meeting_column(self) -> None:
        """The computed columns after an edit: the solutions meeting each criterion and
        the numbers (a kind changed from mandatory to optional renumbers both lists).
        The tooltips naming the solutions are computed when shown (``Column.cell_tip``)."""
        table = self.tables["criteria"]
        names = [c.name for c in table.columns]
        column, numbers = names.index("feature_ids"), names.index("id")
        labels = criterion_numbers(self.ctx.project, ui_language())
        by_id = {c.id: c for c in self.ctx.project.criteria}
        # What the cells show already, when the matrix index, the numbers and the
        # table's rows are those of the last refresh: only the rows edited since change.
        index, ids = self.index(), table.row_ids()
        same = self._shown is not None and self._shown[0] is index and self._shown[1] == labels
        shown_rows: dict[int, Any] = self._shown[2] if same and self._shown is not None else {}
        for r, row_id in enumerate(ids):
            criterion = by_id.get(row_id)
            if criterion is not None and shown_rows.get(row_id) is criterion:
                continue
            item = table.table.item(r, column)
            if criterion is not None and item is not None:
                text = self.meeting_count(criterion)
                if item.text() != text:
                    item.setText(text)
            cell = table.table.item(r, numbers)
            label = labels.get(row_id, "—")
            if cell is not None and cell.text() != label:
                cell.setText(label)
        self._shown = (index, labels, {row_id: by_id.get(row_id) for row_id in ids})

    def load_links(self) -> None:
        row_id = self.tables["criteria"].current_id()
        criterion = None if row_id is None else self.ctx.project.find_row(Criterion, row_id)
        options = [(f.id, f.name or "…") for f in self.ctx.project.features]
        selected = criterion.feature_ids if criterion is not None else []
        key = (row_id, tuple(options), self.ctx.read_only)
        if key != self._links_key or set(self.links.checked_ids()) != set(selected):
            # (never rebuilt while its own tick is being saved: the ticks then match)
            self._links_key = key
            self.links.show_links(options, selected, criterion is not None and not self.ctx.read_only)
        if criterion is None:
            self.meeting.setText(
                _("Select a criterion to link it to the features and standards it requires.")
            )
        else:
            self.meeting.setText(_("Scanned solutions meeting it:") + " " + self.meeting_text(criterion))

    def model_changed(self) -> None:
        self._refresh()
        self._refreshed = True

    def _rows_changed(self) -> None:
        """After an edit in the table: the computed values, unless the edit's
        ``changed`` signal (which comes first) has just refreshed them: once per edit."""
        if self._refreshed:
            self._refreshed = False
            return
        self._refresh()

    # -- edits --------------------------------------------------------------------------

    def _links_edited(self, ids: list[int]) -> None:
        row_id = self.tables["criteria"].current_id()
        if row_id is not None:
            self.ctx.do(ops.update, Criterion, row_id, feature_ids=ids)

    def focus_field(self, address: str) -> bool:
        """A finding on a criterion's features selects the row and focuses its links."""
        where = parse_address(address)
        if where.kind == "criteria" and where.row_id is not None and where.attribute == "feature_ids":
            self.tables["criteria"].focus_row(where.row_id, where.attribute, focus=False)
            self.load_links()
            self.scroll_area.ensureWidgetVisible(self.links)
            self.links.setFocus()
            return True
        return super().focus_field(address)

    # -- shared brand lists (CSV) -------------------------------------------------------

    def export_brands(self) -> None:
        """Write the project's extra brand names to a CSV file the user names (Cancel:
        nothing)."""
        self.ctx.flush()
        name = (self.ctx.pf.path.stem or _("project")) + "-" + _("brands") + ".csv"
        path = dialogs.ask_save_path(self, _("Export the brand list (CSV)"), ".csv", name)
        if path is None:
            return
        try:
            path.write_bytes(brand_csv.export_brands(self.ctx.project))
        except OSError as exc:
            dialogs.show_error(
                self, _("The file could not be written:") + f"\n{path}\n{os_reason(exc).text(ui_language())}"
            )
            return
        count = sum(1 for b in self.ctx.project.extra_brands if b.name.strip())
        dialogs.show_info(
            self,
            n_(
                "{count} brand name exported to {path}.",
                "{count} brand names exported to {path}.",
                count,
                path=str(path),
            ),
        )

    def import_brands(self) -> None:
        """Add the names of a shared list that the project lacks: all of them, or nothing
        with a clear message."""
        path = dialogs.ask_open_path(self, _("Import a brand list (CSV)"), ".csv")
        if path is None:
            return
        try:
            data = path.read_bytes()
            names = brand_csv.parse_brands(data)
        except OSError as exc:
            dialogs.show_error(
                self, _("The file could not be read:") + f"\n{path}\n{os_reason(exc).text(ui_language())}"
            )
            return
        except brand_csv.BrandCsvError as exc:
            dialogs.show_error(self, _("Nothing was imported.") + "\n" + exc.message(ui_language()))
            return
        self.ctx.flush()
        added = self.ctx.do(ops.import_brands, data=data)
        self.tables["extra_brands"].reload()
        if added is not None:
            said = n_("{count} brand name added.", "{count} brand names added.", len(added))
            report = brand_csv.import_report(names, added, ui_language())
            dialogs.show_info(self, f"{said}\n{report}" if report else said)

    def draft(self) -> None:
        """Add draft criteria from the common features and the differentiators."""
        project = self.ctx.project
        try:
            drafts = drafting.draft_criteria(project, drafting.criteria_language(project))
        except Exception:  # a faulty computation must not break editing
            log.warning("drafting failed", exc_info=True)
            drafts = []
        if not drafts:
            self.draft_status.setText(
                _(
                    "Nothing to draft: every common feature and differentiator is already linked to a criterion."
                )
            )
            return
        self.ctx.flush()
        saved = self.ctx.do(ops.add_criteria, drafts=drafts)
        self.tables["criteria"].reload()
        self.load_extra()
        if saved:
            mandatory = sum(1 for c in saved if c.kind == "mandatory")
            self.draft_status.setText(
                _(
                    "Drafts added: {mandatory} and {optional}; reword them and check the findings.",
                    mandatory=counts.mandatory_criteria(mandatory),
                    optional=counts.optional_criteria(len(saved) - mandatory),
                )
            )
