"""The open project as the UI sees it: every edit goes through here to the store.

:class:`ProjectContext` wraps one :class:`~wizard.core.project_file.store.ProjectFile`. Edits are
written at once (text edits after a short pause, :data:`DEBOUNCE_MS`; :meth:`flush`
writes them now), then :attr:`changed` is emitted so findings and the step list
follow. A write that fails shows a clear message and never a traceback.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

from wizard.core.checks import Finding, run_checks
from wizard.core.i18n import _
from wizard.core.model import Project
from wizard.core.project_file.store import ProjectFile

DEBOUNCE_MS = 300
log = logging.getLogger(__name__)


class ProjectContext(QObject):
    """One open project file; ``changed`` fires after every saved edit."""

    changed = Signal()

    def __init__(self, pf: ProjectFile, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pf = pf
        self.window: QWidget | None = None  # parent of error messages
        self._pending: dict[tuple[str, str], Any] = {}
        self._pending_rows: dict[tuple[str, int, str], Any] = {}
        self._findings: list[Finding] | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.flush)
        self.changed.connect(self._forget_findings)

    @property
    def project(self) -> Project:
        return self.pf.project

    @property
    def read_only(self) -> bool:
        return self.pf.read_only

    # -- findings -------------------------------------------------------------

    def _forget_findings(self) -> None:
        self._findings = None

    def findings(self) -> list[Finding]:
        """Every finding of the project (cached until the next edit)."""
        if self._findings is None:
            try:
                self._findings = run_checks(self.project)
            except Exception:  # a faulty check must not break editing
                log.exception("checks failed")
                self._findings = []
        return self._findings

    # -- writes ---------------------------------------------------------------

    def _report(self, exc: Exception) -> None:
        from wizard.ui import dialogs

        log.warning("save failed: %s", exc)
        dialogs.show_error(self.window, _("The change could not be saved:") + f"\n{exc}")

    def _do(self, call: Any, /, *args: Any, **kwargs: Any) -> Any:
        if self.read_only:
            return None
        try:
            result = call(*args, **kwargs)
        except Exception as exc:  # OSError, sqlite3.Error, ProjectFileError, CodecError
            self._report(exc)
            return None
        self.changed.emit()
        return result

    def set_field(self, section: str, name: str, value: Any) -> None:
        """Save ``project.<section>.<name>`` now."""
        self._pending.pop((section, name), None)
        self._do(self.pf.set_field, section, name, value)

    def set_field_later(self, section: str, name: str, value: Any) -> None:
        """Save a text field after a short pause (typing); :meth:`flush` saves now."""
        if self.read_only:
            return
        self._pending[(section, name)] = value
        self._timer.start()

    def update_row_later(self, kind: str, row_id: int, name: str, value: Any) -> None:
        """Save one attribute of a row after a short pause (typing in a detail form)."""
        if self.read_only:
            return
        self._pending_rows[(kind, row_id, name)] = value
        self._timer.start()

    def flush(self) -> None:
        """Write every pending text edit now."""
        self._timer.stop()
        pending, self._pending = self._pending, {}
        rows, self._pending_rows = self._pending_rows, {}
        for (section, name), value in pending.items():
            self._do(self.pf.set_field, section, name, value)
        for (kind, row_id, name), value in rows.items():
            if self.project.find(kind, row_id) is not None:
                self._do(self.pf.update_row, kind, row_id, **{name: value})

    def add_row(self, kind: str, /, **values: Any) -> Any:
        return self._do(self.pf.add_row, kind, **values)

    def update_row(self, kind: str, row_id: int, /, **changes: Any) -> Any:
        return self._do(self.pf.update_row, kind, row_id, **changes)

    def delete_row(self, kind: str, row_id: int) -> None:
        self._do(self.pf.delete_row, kind, row_id)

    def apply(self, call: Any, /, *args: Any, **kwargs: Any) -> Any:
        """Run a core function that edits many rows at once, all or nothing (a CSV
        import, drafted criteria): pending text is saved first, a failure is shown,
        ``changed`` fires after success. Returns its result, or ``None`` on failure."""
        self.flush()
        return self._do(call, *args, **kwargs)

    def close(self) -> None:
        """Flush and close the file (releases the lock)."""
        self.flush()
        self.pf.close()
