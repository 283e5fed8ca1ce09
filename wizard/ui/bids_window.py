"""*Tender ▸ Bids and evaluation…*: after the closing, one window for the clerk and
the selection committee (docs/bids.md, "In the app").

Five tabs, in the order of the work: *Bids* (``bids_intake``), *Verification*
(``bids_verification``), *Selection committee* (``bids_jury``), *Opening*
(``bids_opening``), *Ranking* (``bids_ranking``). Each tab reads the bids record when
it is shown; every change is a core operation run through ``ctx.do``, and a refusal
shows the core's message in the app's language (``context.refusal``), never a
traceback. The menu entry is enabled once the tender is marked as published.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTabWidget, QVBoxLayout, QWidget

from wizard.core.i18n import _
from wizard.ui import dialogs
from wizard.ui.bids_intake import BidsTab
from wizard.ui.bids_jury import JuryTab
from wizard.ui.bids_opening import OpeningTab
from wizard.ui.bids_ranking import RankingTab
from wizard.ui.bids_verification import VerificationTab

if TYPE_CHECKING:
    from wizard.ui.context import ProjectContext
    from wizard.ui.main_window import MainWindow


WANTED = QSize(1366, 768)
"""The size the tabs are laid out for (a laptop's screen)."""
FRAME = QSize(40, 80)
"""Room left on the screen for the window's frame, title bar and the desktop's panels
(as the History window, ``views.history_dialog``)."""


def fitted(available: QSize | None) -> QSize:
    """The window's size: :data:`WANTED`, no larger than the ``available`` part of its
    screen less :data:`FRAME` (a 1366×768 screen gives 1326×688, its frame included
    within the screen); :data:`WANTED` when the screen is unknown."""
    if available is None:
        return QSize(WANTED)
    return QSize(
        min(WANTED.width(), available.width() - FRAME.width()),
        min(WANTED.height(), available.height() - FRAME.height()),
    )


class BidsWindow(QDialog):
    """The bids of the open project and their evaluation (module docstring)."""

    def __init__(self, ctx: ProjectContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("bids-window")
        self.setWindowTitle(_("Bids and evaluation"))
        layout = QVBoxLayout(self)
        self.tabs = QTabWidget()
        self.bids = BidsTab(ctx)
        self.verification = VerificationTab(ctx)
        self.jury = JuryTab(ctx)
        self.opening = OpeningTab(ctx)
        self.ranking = RankingTab(ctx)
        for tab, title in (
            (self.bids, _("1. Bids")),
            (self.verification, _("2. Verification")),
            (self.jury, _("3. Selection committee")),
            (self.opening, _("4. Opening")),
            (self.ranking, _("5. Ranking and award")),
        ):
            self.tabs.addTab(tab, title)
        self.tabs.currentChanged.connect(self.refresh)
        layout.addWidget(self.tabs)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(fitted(self.screen().availableGeometry().size() if self.screen() else None))

    def refresh(self, _index: int = -1) -> None:
        """Read the record again into the tab shown."""
        tab = self.tabs.currentWidget()
        if tab is not None:
            tab.refresh()  # type: ignore[attr-defined]

    def show_tab(self, index: int) -> None:
        """Show tab ``index`` (0: Bids … 4: Ranking), read again."""
        self.tabs.setCurrentIndex(index)
        self.refresh()


def show_bids(window: MainWindow) -> None:
    """*Bids and evaluation…*: the window, or a message before publication."""
    ctx = window.ctx
    if ctx is None:
        return
    if not ctx.pf.published:
        dialogs.show_info(window, _("Mark the tender as published before recording bids."))
        return
    ctx.flush()
    dialogs.run_dialog(BidsWindow(ctx, window))
