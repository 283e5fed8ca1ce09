"""A table editor for one entity list of the model (``criteria``, ``cost_lines`` …).

Columns come from the entity dataclass: ``str`` → text, ``bool`` → check box,
a field with a ``ClassVar`` choice tuple → combo box with translated labels, ``int``
→ spin box, ``Decimal`` → validated number. Each edited row is saved whole through
the store (``update_row`` → ``save_row``, docs/cases.md K3); Add and Delete buttons create and
remove rows.

Widths and heights follow :mod:`~wizard.ui.widgets.table_sizing`: headers whole,
description columns with real width, and with ``rows`` a table tall enough to show
that many rows without scrolling inside the page.

Translatable columns (docs/bilingual.md) show the text language in their cells. In a
bilingual tender, the table has under its buttons the texts of the selected row in
both languages (``translations``, one
:class:`~wizard.ui.widgets.bilingual.BilingualField` per translatable column): the cell's
text, editable there too, beside its translation. A cell whose text lacks its
translation has a red corner mark and says so in its tooltip (docs/ui-pages.md,
"Bilingual texts").
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from functools import partial
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QPersistentModelIndex,
    QRegularExpression,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QRegularExpressionValidator
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from wizard.core import ops
from wizard.core.i18n import N_, _, n_
from wizard.core.i18n.languages import text_language
from wizard.core.memo import one_pass
from wizard.core.model import ENTITIES
from wizard.core.model.choices import choices_of
from wizard.core.model.translatable import TRANSLATABLE, needs_translation, other_language, text_in
from wizard.core.project_file import codec
from wizard.ui.context import ProjectContext
from wizard.ui.labels import label
from wizard.ui.widgets import table_sizing
from wizard.ui.widgets.bilingual import LANGUAGE_NAMES, MISSING_IN, BilingualField, editor_text, is_bilingual
from wizard.ui.widgets.fields import DECIMAL_PATTERN, parse_decimal
from wizard.ui.widgets.read_only import show_read_only
from wizard.ui.widgets.texts import Texts

LONG_TEXTS = frozenset({"text", "description", "notes", "reason", "subject", "documents"})
"""Attributes whose editor under the table has a few lines (the others are one line)."""
ID_ROLE = Qt.ItemDataRole.UserRole + 1
VALUE_ROLE = Qt.ItemDataRole.UserRole


@dataclass
class Column:
    """One column: the entity attribute ``name`` under the header msgid ``title``.

    ``choices`` overrides the ClassVar choices (e.g. the TCO options of a cost line):
    it returns ``(value, shown text)`` pairs. ``display`` makes a read-only column
    computed from the row (e.g. the governance statement of a key).
    """

    name: str
    title: str
    choices: Callable[[], list[tuple[Any, str]]] | None = None
    display: Callable[[Any], str] | None = None
    stretch: bool = False
    low: int = 0
    high: int = 1_000_000
    width: int = 0  # widest it starts, in average characters (0: table_sizing.DEFAULT_CAP)
    tip: str = ""  # msgid of the header's tooltip (the full name of a short header)
    min_chars: int = 22  # a stretching column keeps at least this width when space is short
    cell_tip: Callable[[Any], str] | None = None
    """A computed column's cell tooltip from the row, asked only when the tooltip is
    shown (:class:`_LazyTipItem`), never for every row after every edit."""


class _LazyTipItem(QTableWidgetItem):
    """A cell whose tooltip is computed when Qt asks for it (hovering, ``toolTip()``),
    from the row as the project holds it then (issue 25: building every row's tooltip
    after each edit cost more than the edit)."""

    def __init__(self, tip: Callable[[], str]) -> None:
        super().__init__()
        self._tip = tip

    def data(self, role: int) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tip()
        return super().data(role)


class _Delegate(QStyledItemDelegate):
    def __init__(self, table: EntityTable) -> None:
        super().__init__(table)
        self.owner = table

    def createEditor(
        self, parent: QWidget, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QWidget:
        column = self.owner.columns[index.column()]
        choices = self.owner.choices(column)
        kind = self.owner.kind_of(column)
        if choices is not None:
            box = QComboBox(parent)
            for value, text in choices:
                box.addItem(text, value)
            return box
        if kind is int:
            spin = QSpinBox(parent)
            spin.setRange(column.low, column.high)
            return spin
        editor = QLineEdit(parent)
        if kind is Decimal:
            editor.setValidator(QRegularExpressionValidator(QRegularExpression(DECIMAL_PATTERN), editor))
        return editor

    def setEditorData(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(0, editor.findData(index.data(VALUE_ROLE))))
        elif isinstance(editor, QSpinBox):
            editor.setValue(int(index.data(Qt.ItemDataRole.EditRole) or 0))
        else:
            super().setEditorData(editor, index)

    def setModelData(
        self, editor: QWidget, model: QAbstractItemModel, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData(), VALUE_ROLE)
        elif isinstance(editor, QSpinBox):
            model.setData(index, editor.value(), Qt.ItemDataRole.EditRole)
        else:
            super().setModelData(editor, model, index)


class EntityTable(QWidget):
    """Editable table of the entity list ``kind``; ``rows_changed`` after each save."""

    rows_changed = Signal()
    current_changed = Signal(object)  # the current row's id, or None

    def __init__(
        self,
        ctx: ProjectContext,
        kind: str,
        columns: list[Column],
        texts: Texts,
        add_defaults: Callable[[], dict[str, Any] | None] | None = None,
        row_filter: Callable[[Any], bool] | None = None,
        can_add: bool = True,
        lines: int = 6,
        rows: int = 0,
    ) -> None:
        super().__init__()
        self.ctx, self.kind, self.columns, self.texts = ctx, kind, columns, texts
        self.add_defaults, self.row_filter = add_defaults, row_filter
        self._types = codec.field_types(ENTITIES[kind])
        self._loading = False
        self.table = QTableWidget(0, len(columns))
        self.table.setObjectName(f"table:{kind}")
        self.table.setItemDelegate(_Delegate(self))
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        self.base_height = self.table.fontMetrics().lineSpacing() * (lines + 2)
        self.rows_shown = rows
        self.table.setMinimumHeight(self.base_height)
        header = self.table.horizontalHeader()
        for i, column in enumerate(columns):
            stretch = QHeaderView.ResizeMode.Stretch
            header.setSectionResizeMode(i, stretch if column.stretch else QHeaderView.ResizeMode.Interactive)
        self._fitted_width = -1
        self._fit_rows = QTimer(self)  # rows re-measured once after columns change width
        self._fit_rows.setSingleShot(True)
        self._fit_rows.timeout.connect(self._refit_rows)
        header.sectionResized.connect(lambda *_a: self._fit_rows.start())
        self.texts.add(lambda _t: self._set_headers(), "")
        self.table.itemChanged.connect(self._item_changed)
        self.table.currentCellChanged.connect(lambda *_a: self.current_changed.emit(self.current_id()))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        buttons = QHBoxLayout()
        self.add_button = QPushButton()
        self.delete_button = QPushButton()
        texts.add(self.add_button.setText, N_("Add"))
        texts.add(self.delete_button.setText, N_("Delete"))
        self.add_button.clicked.connect(self.add_row)
        self.delete_button.clicked.connect(self.delete_selected)
        self.add_button.setVisible(can_add)
        self.delete_button.setVisible(can_add)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.translations: dict[str, BilingualField] = {}
        self._marked: dict[tuple[int, str], tuple[int, str, str, str]] = {}  # what each cell's mark shows
        self._marked_rows: dict[int, Any] = {}  # row id → the row object its marks were set from
        self._marked_versions: tuple[str, list[Any]] | None = None
        self._ids: list[int] = []  # the row ids, in table order (set by reload)
        self._translation_box = self._build_translations()
        if self._translation_box is not None:
            layout.addWidget(self._translation_box)
            self.current_changed.connect(lambda _id: self.load_translations())
            ctx.changed.connect(self.refresh_marks)

    # -- the selected row in both languages ----------------------------------------

    def _build_translations(self) -> QWidget | None:
        """The editors of the selected row's translatable texts (None when it has none)."""
        names = TRANSLATABLE.get(self.kind, {})
        columns = [c for c in self.columns if c.display is None and c.name in names]
        if not columns:
            return None
        box = QWidget()
        box.setObjectName(f"translations:{self.kind}")
        form = QFormLayout(box)
        form.setContentsMargins(0, 4, 0, 0)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        heading = QLabel()
        heading.setStyleSheet("font-weight: bold")
        self.texts.add(heading.setText, N_("Selected row in both languages"))
        form.addRow(heading)
        for column in columns:
            edit: QLineEdit | QPlainTextEdit
            if column.name in LONG_TEXTS:  # a criterion, a description: a few lines
                edit = QPlainTextEdit()
                edit.setTabChangesFocus(True)
                edit.setFixedHeight(edit.fontMetrics().lineSpacing() * 3 + 12)
            else:
                edit = QLineEdit()
            edit.setObjectName(f"{self.kind}.{column.name}")
            field = BilingualField(self.ctx, edit, partial(self._address, column.name))
            edit.textChanged.connect(partial(self._row_text_edited, column.name, edit))
            self.translations[column.name] = field
            title = QLabel()
            title.setWordWrap(True)
            title.setBuddy(edit)
            self.texts.add(title.setText, column.title)
            form.addRow(title, field)
        return box

    def _address(self, name: str) -> str | None:
        row_id = self.current_id()
        return None if row_id is None else f"{self.kind}:{row_id}.{name}"

    def load_translations(self) -> None:
        """Show the selected row's texts in both languages (hidden in a one-language tender)."""
        if self._translation_box is None:
            return
        self._translation_box.setVisible(is_bilingual(self.ctx))
        row_id = self.current_id()
        row = None if row_id is None else self.ctx.project.find(self.kind, row_id)
        for name, field in self.translations.items():
            text = str(getattr(row, name, "")) if row is not None else ""
            field.primary.blockSignals(True)
            try:
                if editor_text(field.primary) != text:
                    if isinstance(field.primary, QLineEdit):
                        field.primary.setText(text)
                    else:
                        field.primary.setPlainText(text)
            finally:
                field.primary.blockSignals(False)
            field.primary.setReadOnly(row is None or self.ctx.locked(self.kind))
            show_read_only(field.primary, row is None or self.ctx.locked(self.kind))
            field.primary.setEnabled(row is not None)
            field.load()

    def _row_text_edited(self, name: str, edit: QLineEdit | QPlainTextEdit, *_args: object) -> None:
        """The selected row's text typed below the table: saved after a pause, and shown
        in its cell at once."""
        text = editor_text(edit)
        row_id = self.current_id()
        if row_id is None or self.ctx.locked(self.kind):
            return
        self.ctx.do_later((self.kind, row_id, name), ops.update, ENTITIES[self.kind], row_id, **{name: text})
        c = [col.name for col in self.columns].index(name)
        item = self.table.item(self.table.currentRow(), c)
        if item is not None:
            self._loading = True
            try:
                item.setText(text)
            finally:
                self._loading = False

    def _mark_translation(self, item: QTableWidgetItem, row: Any, column: Column, lang: str = "") -> None:
        """A red corner and a tooltip on a cell whose text lacks its translation
        (``lang``: the other language, when the caller knows it)."""
        if self._translation_box is None or column.name not in self.translations:
            return
        if not lang:
            if not is_bilingual(self.ctx):
                return
            lang = other_language(text_language(self.ctx.project))
        address = f"{self.kind}:{row.id}.{column.name}"
        text = str(getattr(row, column.name))
        version = text_in(self.ctx.project, address, lang)
        shown = (id(item), text, version, lang)
        if self._marked.get((row.id, column.name)) == shown:
            return  # (after each edit anywhere: only the cells whose texts changed are set)
        self._marked[(row.id, column.name)] = shown
        if needs_translation(text) and not version.strip():
            item.setBackground(QBrush(QColor(255, 228, 228)))
            item.setToolTip(f"{text}\n\n{_(MISSING_IN[lang])}")
        else:
            item.setBackground(QBrush())
            item.setToolTip(f"{text}\n\n{_(LANGUAGE_NAMES[lang])}: {version}" if version else text)

    def refresh_marks(self) -> None:
        """The missing-translation marks of the cells, after an edit anywhere."""
        if not self.isVisible():
            return
        if self._translation_box is None or not self.translations or not is_bilingual(self.ctx):
            return
        project = self.ctx.project
        lang = other_language(text_language(project))
        columns = [(c, column) for c, column in enumerate(self.columns) if column.name in self.translations]
        by_id = {row.id: row for row in project.rows(self.kind)}
        # The translations and the language as at the last refresh: then only the rows
        # replaced since (an edit saves a new row object) can show another mark.
        versions = (lang, list(project.translations))
        same = versions == self._marked_versions
        self._marked_versions = versions
        with one_pass():  # every row's translation looked up in one dict
            for r, row_id in enumerate(self.row_ids()):
                row = by_id.get(row_id)
                if row is None or (same and self._marked_rows.get(row_id) is row):
                    continue
                self._marked_rows[row_id] = row
                for c, column in columns:
                    item = self.table.item(r, c)
                    if item is not None:
                        self._mark_translation(item, row, column, lang)

    # -- columns ----------------------------------------------------------------

    def _set_headers(self) -> None:
        for i, column in enumerate(self.columns):
            head = QTableWidgetItem(_(column.title))
            head.setToolTip(_(column.tip or column.title))
            self.table.setHorizontalHeaderItem(i, head)
        self._fitted_width = -1  # new language, new header widths
        if self.isVisible() or self.table.rowCount():
            self.reload()

    def fit_columns(self) -> None:
        """Size the non-stretching columns (see the module doc); user-resizable after."""
        table_sizing.fit_columns(self)
        self._fitted_width = self.table.viewport().width()

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        self._fit_rows.start()

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        self._fit_rows.start()

    def _refit_rows(self) -> None:
        """After a width change: columns (when the table's width changed), then row
        heights, then the table's height."""
        if self.table.viewport().width() != self._fitted_width and self.isVisible():
            self.fit_columns()
        self.table.resizeRowsToContents()
        self._fit_height()

    def _fit_height(self) -> None:
        table_sizing.fit_height(self)

    def kind_of(self, column: Column) -> Any:
        return str if column.display else self._types[column.name]

    def choices(self, column: Column) -> list[tuple[Any, str]] | None:
        if column.choices is not None:
            return column.choices()
        values = choices_of(ENTITIES[self.kind], column.name)
        return [(v, label(v)) for v in values] if values is not None else None

    def rows(self) -> list[Any]:
        rows = self.ctx.project.rows(self.kind)
        return [r for r in rows if self.row_filter(r)] if self.row_filter else list(rows)

    # -- loading ----------------------------------------------------------------

    def _item(self, row: Any, column: Column) -> QTableWidgetItem:
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        editable = not self.ctx.locked(self.kind) and column.display is None
        kind = self.kind_of(column)
        item = QTableWidgetItem() if column.cell_tip is None else self._lazy_tip_item(row.id, column)
        item.setData(ID_ROLE, row.id)
        if column.display is not None:
            item.setText(column.display(row))
            if column.cell_tip is None:
                item.setToolTip(item.text())
        elif kind is bool:
            item.setCheckState(
                Qt.CheckState.Checked if getattr(row, column.name) else Qt.CheckState.Unchecked
            )
            flags |= Qt.ItemFlag.ItemIsUserCheckable if editable else Qt.ItemFlag.NoItemFlags
            editable = False
        else:
            value = getattr(row, column.name)
            choices = self.choices(column)
            if choices is not None:
                item.setData(VALUE_ROLE, value)
                item.setText(dict(choices).get(value, str(value)))
            elif kind is int:
                item.setData(Qt.ItemDataRole.EditRole, value)
            else:
                item.setText(str(value))
        if len(item.text()) > 12 and column.cell_tip is None:  # a narrow column cuts it: shown whole
            item.setToolTip(item.text())
        self._mark_translation(item, row, column)
        if editable:
            flags |= Qt.ItemFlag.ItemIsEditable
        item.setFlags(flags)
        return item

    def _lazy_tip_item(self, row_id: int, column: Column) -> QTableWidgetItem:
        tip = column.cell_tip
        assert tip is not None

        def text() -> str:
            row = self.ctx.project.find(self.kind, row_id)
            return "" if row is None else tip(row)

        return _LazyTipItem(text)

    def reload(self) -> None:
        """Show the model's rows again (keeps the current row when it still exists)."""
        current = self.current_id()
        self._loading = True
        try:
            with one_pass():  # the computed columns ask the same of the project for each row
                self._fill()
        finally:
            self._loading = False
        self._after_reload(current)

    def _fill(self) -> None:
        self._marked.clear()  # new cells: their marks are set anew
        self._marked_rows.clear()
        rows = self.rows()
        self._ids = [row.id for row in rows]
        self.table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            for c, column in enumerate(self.columns):
                self.table.setItem(r, c, self._item(row, column))

    def _after_reload(self, current: int | None) -> None:
        self.table.resizeRowsToContents()
        self._fit_height()
        self.add_button.setEnabled(not self.ctx.locked(self.kind))
        self.delete_button.setEnabled(not self.ctx.locked(self.kind))
        show_read_only(self.table, self.ctx.locked(self.kind))
        if current is not None:
            self.focus_row(current, None, focus=False)
        self.load_translations()

    # -- editing ----------------------------------------------------------------

    def _value(self, item: QTableWidgetItem, column: Column) -> Any:
        kind = self.kind_of(column)
        if kind is bool:
            return item.checkState() == Qt.CheckState.Checked
        if self.choices(column) is not None:
            return item.data(VALUE_ROLE)
        if kind is int:
            return int(item.data(Qt.ItemDataRole.EditRole) or 0)
        if kind is Decimal:
            return parse_decimal(item.text())
        return item.text()

    def _item_changed(self, item: QTableWidgetItem) -> None:
        if self._loading:
            return
        column = self.columns[item.column()]
        if column.display is not None:
            return
        row_id = item.data(ID_ROLE)
        value = self._value(item, column)
        if value is None or value == getattr(self.ctx.project.find(self.kind, row_id), column.name, None):
            self._refresh_item(item, row_id, column)
            return
        self.ctx.do(ops.update, ENTITIES[self.kind], row_id, **{column.name: value})
        self._refresh_item(item, row_id, column)
        if column.name in self.translations:
            self.load_translations()
        self.rows_changed.emit()

    def _refresh_item(self, item: QTableWidgetItem, row_id: int, column: Column) -> None:
        row = self.ctx.project.find(self.kind, row_id)
        if row is None:
            return
        fresh = self._item(row, column)
        self._loading = True
        try:
            if self.kind_of(column) is int:
                item.setData(Qt.ItemDataRole.EditRole, fresh.data(Qt.ItemDataRole.EditRole))
            elif self.kind_of(column) is not bool:
                item.setText(fresh.text())
            item.setData(VALUE_ROLE, fresh.data(VALUE_ROLE))
        finally:
            self._loading = False

    def set_value(self, row_id: int, name: str, value: Any) -> None:
        """Edit one cell as the user would (used by tests and by code paths)."""
        r = self.row_ids().index(row_id)
        c = [col.name for col in self.columns].index(name)
        item = self.cell(r, c)
        kind = self.kind_of(self.columns[c])
        if kind is bool:
            item.setCheckState(Qt.CheckState.Checked if value else Qt.CheckState.Unchecked)
        elif self.choices(self.columns[c]) is not None:
            item.setData(VALUE_ROLE, value)
        elif kind is int:
            item.setData(Qt.ItemDataRole.EditRole, value)
        else:
            item.setText(str(value))

    def add_row(self) -> Any:
        """Create a row (with ``add_defaults()``), select it and start editing it."""
        if self.ctx.locked(self.kind):
            return None
        defaults = self.add_defaults() if self.add_defaults else {}
        if defaults is None:
            return None
        row = self.ctx.do(ops.add, ENTITIES[self.kind](**defaults))
        self.reload()
        if row is not None:
            self.focus_row(row.id, None)
            self.rows_changed.emit()
        return row

    def delete_selected(self) -> None:
        from wizard.ui import dialogs

        ids = sorted({self.cell(i.row(), 0).data(ID_ROLE) for i in self.table.selectedIndexes()})
        if not ids or self.ctx.locked(self.kind):
            return
        if not dialogs.ask_yes_no(
            self, n_("Delete {count} selected row?", "Delete {count} selected rows?", len(ids))
        ):
            return
        with self.ctx.pf.action():  # the selected rows go, and come back, as one
            for row_id in ids:
                victim = self.ctx.project.find(self.kind, row_id)
                if victim is not None:
                    self.ctx.do(ops.delete, victim)
        self.reload()
        self.rows_changed.emit()

    # -- navigation -------------------------------------------------------------

    def row_ids(self) -> list[int]:
        """The ids of the rows shown, in table order (rows change only by
        :meth:`reload`: kept there, not read back from each cell)."""
        if len(self._ids) == self.table.rowCount():
            return list(self._ids)
        return [self.cell(r, 0).data(ID_ROLE) for r in range(self.table.rowCount())]

    def cell(self, r: int, c: int) -> QTableWidgetItem:
        """The item of a cell: every cell of a loaded row has one."""
        item = self.table.item(r, c)
        if item is None:
            raise LookupError(f"{self.kind}: no item at row {r}, column {c}")
        return item

    def current_id(self) -> int | None:
        r = self.table.currentRow()
        item = self.table.item(r, 0) if r >= 0 else None
        if item is None:
            return None
        row_id: int = item.data(ID_ROLE)
        return row_id

    def focus_row(self, row_id: int, name: str | None, focus: bool = True) -> bool:
        """Select the cell of row ``row_id`` and column ``name`` (first column if none)."""
        ids = self.row_ids()
        if row_id not in ids:
            return False
        names = [c.name for c in self.columns]
        c = names.index(name) if name in names else 0
        self.table.setCurrentCell(ids.index(row_id), c)
        self.table.scrollToItem(self.cell(ids.index(row_id), c))
        if focus:
            self.table.setFocus()
        return True
