"""Editors bound to one field of a model section (``"problem.statement"``).

:class:`FieldBinder` builds the widget, loads it from the model (:meth:`load`) and
saves every edit through the :class:`~wizard.ui.context.ProjectContext` (text after a
short pause, choices at once). ``widgets`` maps each field address to its editor, so
a finding can focus it.

A translatable text (``model.translatable.is_translatable``) also gets a
:class:`~wizard.ui.widgets.bilingual.BilingualField` around its editor (``bilingual``,
by address): in a bilingual tender its translation shows beside it. The page places
the editor with ``StepPage.row``, which puts the bilingual field there instead
(:meth:`FieldBinder.placed`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace
from decimal import Decimal, InvalidOperation
from typing import Any

from PySide6.QtCore import QRegularExpression
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QPlainTextEdit, QSpinBox, QWidget

from wizard.core import ops
from wizard.core.i18n import N_
from wizard.core.model import bounds
from wizard.core.model.translatable import is_translatable
from wizard.core.project_file.store import ProjectFile
from wizard.ui.context import ProjectContext
from wizard.ui.labels import label
from wizard.ui.widgets.bilingual import BilingualField
from wizard.ui.widgets.line_start import keep_start, show_start
from wizard.ui.widgets.read_only import show_read_only
from wizard.ui.widgets.texts import Texts

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
DECIMAL_PATTERN = r"^-?\d{0,12}([.,]\d{0,6})?$"


def parse_decimal(text: str) -> Decimal | None:
    """``"1 234,50"`` → ``Decimal("1234.50")``; ``None`` when not a number."""
    cleaned = text.replace("\u00a0", "").replace(" ", "").replace(",", ".")
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        return None
    return value if value.is_finite() else None


def _set_field(pf: ProjectFile, section: str, name: str, value: Any) -> None:
    """``ops.edit_section`` with one attribute changed, built when the edit runs (a
    pending edit must not carry a stale copy of the other fields of the section)."""
    ops.edit_section(pf, replace(getattr(pf.project, section), **{name: value}))


class FieldBinder:
    """Editors of section fields for one page."""

    def __init__(self, ctx: ProjectContext, texts: Texts) -> None:
        self.ctx = ctx
        self.texts = texts
        self.widgets: dict[str, QWidget] = {}
        self._loaders: list[Callable[[], None]] = []
        self._relabel: list[Callable[[], None]] = []
        self.bilingual: dict[str, BilingualField] = {}

    def _set(self, section: str, name: str, value: Any) -> None:
        """Save one field of a section now (a core operation on the section object)."""
        self.ctx.do(_set_field, section, name, value)

    def _set_later(self, section: str, name: str, value: Any) -> None:
        """Save one field of a section after a short pause (typing)."""
        self.ctx.do_later((section, name), _set_field, section, name, value)

    def _value(self, section: str, name: str) -> Any:
        return getattr(getattr(self.ctx.project, section), name)

    def _register(self, section: str, name: str, widget: QWidget, load: Callable[[], None]) -> None:
        widget.setObjectName(f"{section}.{name}")
        self.widgets[f"{section}.{name}"] = widget
        self._loaders.append(load)

    def line(self, section: str, name: str, placeholder: str = "") -> QLineEdit:
        edit = QLineEdit()
        if placeholder:
            self.texts.add(edit.setPlaceholderText, placeholder)
        edit.textChanged.connect(lambda text: self._set_later(section, name, text))

        def load() -> None:
            edit.setText(self._value(section, name))
            show_start(edit)  # a long title read from its start, whole in the tooltip

        self._register(section, name, edit, load)
        self._translatable(section, name, keep_start(edit))
        return edit

    def _translatable(self, section: str, name: str, edit: QLineEdit | QPlainTextEdit) -> None:
        address = f"{section}.{name}"
        if is_translatable(address):
            self.bilingual[address] = BilingualField(self.ctx, edit, lambda: address)

    def placed(self, widget: QWidget) -> QWidget:
        """What a page puts in its layout for ``widget``: its bilingual field when it is
        the editor of a translatable text, else ``widget`` itself."""
        for field in self.bilingual.values():
            if field.primary is widget:
                return field
        return widget

    def text(self, section: str, name: str, lines: int = 4) -> QPlainTextEdit:
        edit = QPlainTextEdit()
        edit.setTabChangesFocus(True)
        edit.setMinimumHeight(edit.fontMetrics().lineSpacing() * lines + 12)
        edit.textChanged.connect(lambda: self._set_later(section, name, edit.toPlainText()))
        self._register(section, name, edit, lambda: edit.setPlainText(self._value(section, name)))
        self._translatable(section, name, edit)
        return edit

    def date(self, section: str, name: str) -> QLineEdit:
        """An ISO date ``YYYY-MM-DD``; saved only when empty or complete and valid."""
        edit = QLineEdit()
        self.texts.add(edit.setPlaceholderText, N_("YYYY-MM-DD"))
        edit.setValidator(QRegularExpressionValidator(QRegularExpression(r"^[0-9]{0,4}(-[0-9]{0,2}){0,2}$")))

        def changed(text: str) -> None:
            if not text or _DATE.match(text):
                self._set_later(section, name, text)

        edit.textChanged.connect(changed)
        self._register(section, name, edit, lambda: edit.setText(self._value(section, name)))
        return edit

    def check(self, section: str, name: str, text: str) -> QCheckBox:
        box = QCheckBox()
        self.texts.add(box.setText, text)
        box.toggled.connect(lambda on: self._set(section, name, on))
        self._register(section, name, box, lambda: box.setChecked(self._value(section, name)))
        return box

    def combo(self, section: str, name: str, values: Sequence[str]) -> QComboBox:
        """A choice among stored ``values``, shown with their translated labels."""
        box = QComboBox()
        for value in values:
            box.addItem(label(value), value)

        def load() -> None:
            current = self._value(section, name)
            if box.findData(current) < 0:
                box.addItem(label(current), current)
            box.setCurrentIndex(box.findData(current))

        def relabel() -> None:
            for i in range(box.count()):
                box.setItemText(i, label(box.itemData(i)))

        box.currentIndexChanged.connect(lambda i: self._set(section, name, box.itemData(i)))
        self._register(section, name, box, load)
        self._relabel.append(relabel)
        return box

    def spin(
        self, section: str, name: str, low: int | None = None, high: int | None = None, suffix: str = ""
    ) -> QSpinBox:
        """An integer field; its range is the field's bounds in the core
        (:data:`wizard.core.model.bounds.BOUNDS`) unless ``low`` and ``high`` are given."""
        if low is None or high is None:
            low, high = bounds.int_range(f"{section}.{name}")
        box = QSpinBox()
        box.setRange(low, high)
        if suffix:
            box.setSuffix(suffix)
        box.valueChanged.connect(lambda v: self._set_later(section, name, v))

        def load() -> None:
            # a value beyond the range (from a received file) shows as the nearest limit and
            # is not saved back; its finding tells. setValue would overflow past 32 bits.
            box.setValue(max(box.minimum(), min(box.maximum(), self._value(section, name))))

        self._register(section, name, box, load)
        return box

    def decimal(self, section: str, name: str) -> QLineEdit:
        """A decimal number (%, CAD); "7,5" and "7.5" both accepted."""
        edit = QLineEdit()
        edit.setValidator(QRegularExpressionValidator(QRegularExpression(DECIMAL_PATTERN)))

        def changed(text: str) -> None:
            value = parse_decimal(text)
            if value is not None:
                self._set_later(section, name, value)

        edit.textChanged.connect(changed)
        self._register(section, name, edit, lambda: edit.setText(str(self._value(section, name))))
        return edit

    def load(self) -> None:
        """Show the model's values (no save is triggered)."""
        for widget in self.widgets.values():
            widget.blockSignals(True)
        try:
            for loader in self._loaders:
                loader()
        finally:
            for widget in self.widgets.values():
                widget.blockSignals(False)
        for field in self.bilingual.values():
            field.load()

    def retranslate(self) -> None:
        for relabel in self._relabel:
            relabel()
        for field in self.bilingual.values():
            field.retranslate()

    def set_read_only(self, read_only: bool) -> None:
        for field in self.bilingual.values():
            field.load()  # the translation follows the project's read-only state
        for widget in self.widgets.values():
            if isinstance(widget, (QLineEdit, QPlainTextEdit)):
                widget.setReadOnly(read_only)
                show_read_only(widget, read_only)
            else:
                widget.setEnabled(not read_only)
