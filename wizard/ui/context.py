"""The open project as the UI sees it: every edit is a core operation run from here.

:class:`ProjectContext` wraps one :class:`~wizard.core.project_file.store.ProjectFile`.
The UI changes the project only by running an operation of :mod:`wizard.core.ops`
through :meth:`~ProjectContext.do` (now) or :meth:`~ProjectContext.do_later` (text
edits, after a short pause, :data:`DEBOUNCE_MS`; :meth:`~ProjectContext.flush` runs them
now); then :attr:`changed` is emitted so findings and the step list follow. A write
that fails shows a clear message and never a traceback.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Hashable
from functools import partial
from typing import Concatenate, ParamSpec, TypeVar

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

from wizard.core import memo
from wizard.core.bids import BidsError
from wizard.core.bids.record import BidsRecord
from wizard.core.checks import Finding, run_checks
from wizard.core.contract import ContractError
from wizard.core.domain.brand_csv import BrandCsvError
from wizard.core.i18n import _, tr, ui_language
from wizard.core.model import Project
from wizard.core.project_file.store import ProjectFile
from wizard.core.publishing import PublishingError

DEBOUNCE_MS = 300
P = ParamSpec("P")
T = TypeVar("T")
log = logging.getLogger(__name__)


def refusal(exc: BidsError | ContractError | PublishingError) -> str:
    """The message of a refused bids, contract or addendum action in the app's language: the core's message,
    and its cause when it has one (``opening.WorkbookRefused``: why the workbook is
    refused)."""
    lang = ui_language()
    text = tr(exc.text, lang, **exc.params)
    cause = getattr(exc, "cause_text", None)
    if isinstance(cause, str):
        text += " " + tr(cause, lang, **getattr(exc, "cause_params", {}))
    return text


class ProjectContext(QObject):
    """One open project file; ``changed`` fires after every saved edit."""

    changed = Signal()

    def __init__(self, pf: ProjectFile, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pf = pf
        self.window: QWidget | None = None  # parent of error messages
        self._pending: dict[Hashable, Callable[[], object]] = {}
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

    def locked(self, address: str) -> bool:
        """Whether what ``address`` names (a section, a list, a field or a row:
        ``criteria``, ``info.closing_date``) cannot be edited: a read-only view, or the
        published baseline (changed only through addenda, docs/publishing.md)."""
        from wizard.core.project_file.baseline import is_baseline

        return self.read_only or (self.pf.published and is_baseline(address))

    # -- findings -------------------------------------------------------------

    def _forget_findings(self) -> None:
        self._findings = None

    def findings(self) -> list[Finding]:
        """Every finding of the project (cached until the next edit)."""
        if self._findings is None:
            record = None
            if self.pf.published:  # the addenda's red flags (docs/publishing.md, "Checks")
                from wizard.core.publishing.record import read

                record = read(self.pf)
            self._findings = run_checks(self.project, self._bids(), publication=record)  # never raises
            if self.pf.published:  # the contract's follow-up (docs/contract.md)
                from wizard.core.checks.contract import check_contract
                from wizard.core.contract.record import follow_up

                try:
                    found = follow_up(self.pf)
                    if found is not None:
                        # as of today, or its latest entry when later (contract.follow_up.as_of)
                        self._findings += check_contract(
                            self.project, found.contract, "", found.rates, today=dt.date.today()
                        )
                except Exception:  # a defect: the tender's and the bids' findings still show
                    log.exception("the contract's follow-up could not be checked")
        return self._findings

    def _bids(self) -> BidsRecord | None:
        """The bids record of a published tender, for its findings (``None`` before the
        publication, or when it cannot be read: the other findings still show)."""
        if not self.pf.published:
            return None
        from wizard.core.bids.record import read

        try:
            return read(self.pf)
        except Exception:  # a defect: the findings of the tender still show
            log.exception("the bids record could not be read")
            return None

    # -- writes ---------------------------------------------------------------

    def _report(self, exc: Exception) -> None:
        from wizard.ui import dialogs

        log.warning("save failed: %s", exc)
        if isinstance(
            exc, (BidsError, ContractError, PublishingError)
        ):  # a refusal: the core's message, in the app's language
            dialogs.show_error(self.window, refusal(exc))
            return
        if isinstance(exc, BrandCsvError):  # names refused all or none, in the app's language
            dialogs.show_error(self.window, _("Nothing was added.") + "\n" + exc.message(ui_language()))
            return
        dialogs.show_error(self.window, _("The change could not be saved:") + f"\n{exc}")

    def do(
        self, op: Callable[Concatenate[ProjectFile, P], T], /, *args: P.args, **kwargs: P.kwargs
    ) -> T | None:
        """Run the core operation ``op(pf, *args, **kwargs)`` (``wizard.core.ops``) now:
        a failure is shown in a message and returns ``None``; ``changed`` fires after a
        success. A read-only view does nothing."""
        return self._run(partial(op, self.pf, *args, **kwargs))

    def _run(self, call: Callable[[], T]) -> T | None:
        if self.read_only:
            return None
        try:
            with self.pf.action():  # one operation, one user action: undone as one
                result = call()
        except Exception as exc:  # OSError, sqlite3.Error, ProjectFileError, CodecError, ValueError
            self._report(exc)
            return None
        memo.forget()  # an edit inside a page's refresh: that refresh reads the project again
        self.changed.emit()
        return result

    def do_later(
        self,
        key: Hashable,
        op: Callable[Concatenate[ProjectFile, P], object],
        /,
        *args: P.args,
        **kwargs: P.kwargs,
    ) -> None:
        """Run a core operation after a short pause (typing); a later edit with the same
        ``key`` replaces it, and :meth:`flush` runs every pending one now, in order."""
        if self.read_only:
            return
        self._pending[key] = partial(op, self.pf, *args, **kwargs)
        self._timer.start()

    def flush(self) -> None:
        """Run every pending edit now."""
        self._timer.stop()
        pending, self._pending = self._pending, {}
        for call in pending.values():
            self._run(call)

    def close(self) -> None:
        """Flush and close the file (releases the lock)."""
        self.flush()
        self.pf.close()
