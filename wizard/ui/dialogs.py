"""Every modal dialog of the app, behind small ``ask_*`` / ``show_*`` wrappers.

These are the only functions that ``exec()`` a dialog, so tests replace them with
``monkeypatch`` instead of letting a modal dialog hang the run (pytest-qt advice).
Cancel always returns ``None`` (or ``False``) and the caller then does nothing (K16).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QDialog, QFileDialog, QInputDialog, QMessageBox, QTreeView, QWidget

from wizard.core.i18n import _
from wizard.core.project_file.fileformat import SUFFIX, is_synced

if TYPE_CHECKING:
    from wizard.core.documents.gate import GateItem
    from wizard.ui.widgets.gate_dialog import GateAnswer


def documents_folder() -> Path:
    """The user's documents folder (the default place of new projects) when it
    exists, else the home folder: a dialog never opens on a missing folder."""
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(folder) if folder and Path(folder).is_dir() else Path.home()


LOCAL_PROJECTS = "Open Procurement Wizard"
"""The folder, in the home folder, that holds new projects when the documents folder is
synchronized (:func:`projects_folder`)."""


def projects_folder() -> Path:
    """Where the project dialogs open: the documents folder, unless a sync client
    (OneDrive on a managed Windows PC, Dropbox …) copies it to other computers, where
    two open copies of a project diverge (docs/cases.md K13). Then the folder
    ``~/Open Procurement Wizard``, created when missing; the home folder itself when that
    cannot be created. The user can still choose any folder in the dialog."""
    documents = documents_folder()
    if not is_synced(documents):
        return documents
    home = Path.home()
    local = home / LOCAL_PROJECTS
    if is_synced(local):
        return documents  # the home folder itself is synced: nothing local to offer
    try:
        local.mkdir(exist_ok=True)
    except OSError:
        return home
    return local


def with_suffix_added(path: str | Path, suffix: str) -> Path:
    """``path`` with ``suffix`` (".tender", ".docx") appended when it does not end with it
    (case-insensitive). ``projet`` → ``projet.tender``; ``a.b`` → ``a.b.tender``."""
    path = Path(path)
    if path.name.lower().endswith(suffix.lower()):
        return path
    return path.with_name(path.name + suffix)


def _filter(suffix: str) -> str:
    names = {
        ".tender": _("Tender projects"),
        ".docx": _("Word documents"),
        ".json": _("JSON files"),
        ".csv": _("CSV files"),
        ".xlsx": _("Spreadsheet workbooks (XLSX)"),
    }
    return f"{names.get(suffix, suffix)} (*{suffix})"


def file_dialog(parent: QWidget | None, title: str, start: Path, name_filter: str = "") -> QFileDialog:
    """A file dialog opening in ``start``, large enough for its "Last modified" column
    (Qt's default size cuts the French "Dernière modification")."""
    dialog = QFileDialog(parent, title, str(start), name_filter)
    metrics = dialog.fontMetrics()
    dialog.resize(
        max(dialog.width(), metrics.averageCharWidth() * 130),
        max(dialog.height(), metrics.lineSpacing() * 30),
    )
    for view in dialog.findChildren(QTreeView):  # Qt's own dialog (not a native one)
        header = view.header()
        for column in range(header.count()):
            header.resizeSection(column, max(header.sectionSize(column), header.sectionSizeHint(column)))
    return dialog


def exec_file_dialog(dialog: QFileDialog) -> str | None:
    """Show ``dialog``; the first chosen path, or ``None`` when cancelled."""
    if dialog.exec() != QDialog.DialogCode.Accepted or not dialog.selectedFiles():
        return None
    return dialog.selectedFiles()[0]


def ask_open_path(parent: QWidget | None, title: str, suffix: str = SUFFIX) -> Path | None:
    """A file to open, or ``None`` when cancelled."""
    start = projects_folder() if suffix == SUFFIX else documents_folder()
    dialog = file_dialog(parent, title, start, _filter(suffix) + ";;" + _("All files") + " (*)")
    dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    name = exec_file_dialog(dialog)
    return Path(name) if name else None


def ask_document_path(parent: QWidget | None, title: str) -> Path | None:
    """A tender document to check (DOCX, PDF or text), or ``None`` when cancelled."""
    patterns = "*.docx *.pdf *.txt *.md"
    name_filter = _("Tender documents") + f" ({patterns});;" + _("All files") + " (*)"
    dialog = file_dialog(parent, title, documents_folder(), name_filter)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    name = exec_file_dialog(dialog)
    return Path(name) if name else None


def ask_save_path(
    parent: QWidget | None, title: str, suffix: str = SUFFIX, default_name: str = ""
) -> Path | None:
    """A file to write, with ``suffix`` added when missing; ``None`` when cancelled (K16).

    The dialog opens in the user's documents folder (home when there is none; for a
    project, :func:`projects_folder`); accented paths are kept as typed.
    """
    start = projects_folder() if suffix == SUFFIX else documents_folder()
    dialog = file_dialog(parent, title, start, _filter(suffix))
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    if default_name:
        dialog.selectFile(default_name)
    name = exec_file_dialog(dialog)
    return with_suffix_added(name, suffix) if name else None


def ask_folder(parent: QWidget | None, title: str) -> Path | None:
    """A folder (e.g. for exports), or ``None`` when cancelled."""
    dialog = file_dialog(parent, title, documents_folder())
    dialog.setFileMode(QFileDialog.FileMode.Directory)
    dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
    name = exec_file_dialog(dialog)
    return Path(name) if name else None


def show_error(parent: QWidget | None, message: str) -> None:
    """A clear error message (never a traceback)."""
    QMessageBox.warning(parent, _("Open Procurement Wizard"), message)


def show_about(parent: QWidget | None, title: str, text: str) -> None:
    """The About box (rich text: the version and the licence)."""
    QMessageBox.about(parent, title, text)


def show_info(parent: QWidget | None, message: str) -> None:
    QMessageBox.information(parent, _("Open Procurement Wizard"), message)


def ask_yes_no(parent: QWidget | None, message: str) -> bool:
    """``True`` when the user answers Yes."""
    answer = QMessageBox.question(parent, _("Open Procurement Wizard"), message)
    return answer == QMessageBox.StandardButton.Yes


def ask_read_only(parent: QWidget | None, message: str) -> bool:
    """Offer to open a locked or read-only project for reading only."""
    return ask_yes_no(parent, message + "\n\n" + _("Open it for reading only?"))


def ask_text(parent: QWidget | None, title: str, label: str) -> str | None:
    """A short written text (e.g. the reason a finding is justified); ``None`` if
    cancelled or left blank."""
    text, ok = QInputDialog.getMultiLineText(parent, title, label)
    return text.strip() if ok and text.strip() else None


def ask_date(parent: QWidget | None, title: str, label: str, default: str) -> str | None:
    """A date typed as YYYY-MM-DD, ``default`` shown first; ``None`` if cancelled or
    left blank (the core checks the date)."""
    text, ok = QInputDialog.getText(parent, title, label, text=default)
    return text.strip() if ok and text.strip() else None


def ask_document_paths(parent: QWidget | None, title: str) -> list[Path]:
    """Documents to keep as published (DOCX or PDF), several at once; ``[]`` if
    cancelled."""
    names, _filter_used = QFileDialog.getOpenFileNames(
        parent, title, str(documents_folder()), _("Documents") + " (*.docx *.pdf)"
    )
    return [Path(name) for name in names]


def ask_choice(parent: QWidget | None, title: str, label: str, items: list[str]) -> int | None:
    """The index of the chosen item, or ``None`` when cancelled. Items are listed (not
    in a drop-down), so an item may hold two lines (a title, then details)."""
    if not items:
        return None
    dialog = QInputDialog(parent)
    dialog.setWindowTitle(title)
    dialog.setLabelText(label)
    dialog.setOption(QInputDialog.InputDialogOption.UseListViewForComboBoxItems, True)
    dialog.setComboBoxItems(items)
    dialog.setTextValue(items[0])
    metrics = dialog.fontMetrics()
    dialog.resize(metrics.averageCharWidth() * 90, metrics.lineSpacing() * (3 * len(items) + 8))
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    text = dialog.textValue()
    return items.index(text) if text in items else None


def ask_export_anyway(
    parent: QWidget | None, items: list[GateItem], describe: Callable[[str], str]
) -> GateAnswer:
    """The publishing gate's question before an export: ``items`` listed, each named by
    ``describe(address)``. The answer says Export anyway, Cancel, or the item clicked
    to go to its field (``widgets/gate_dialog.py``)."""
    from wizard.ui.widgets.gate_dialog import GateDialog

    dialog = GateDialog(parent, items, describe)
    dialog.exec()
    return dialog.answer


def run_dialog(dialog: QDialog) -> int:
    """Show a prepared modal dialog (history …) and return its result code."""
    return dialog.exec()
