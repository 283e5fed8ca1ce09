"""Every modal dialog of the app, behind small ``ask_*`` / ``show_*`` wrappers.

These are the only functions that ``exec()`` a dialog, so tests replace them with
``monkeypatch`` instead of letting a modal dialog hang the run (pytest-qt advice).
Cancel always returns ``None`` (or ``False``) and the caller then does nothing (K16).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QDialog, QFileDialog, QInputDialog, QMessageBox, QWidget

from wizard.core.i18n import _


def documents_folder() -> Path:
    """The user's documents folder (the default place of new projects, SPEC §1)."""
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(folder) if folder else Path.home()


def with_suffix_added(path: str | Path, suffix: str) -> Path:
    """``path`` with ``suffix`` (".tender", ".docx") appended when it does not end with it
    (case-insensitive). ``projet`` → ``projet.tender``; ``a.b`` → ``a.b.tender``."""
    path = Path(path)
    if path.name.lower().endswith(suffix.lower()):
        return path
    return path.with_name(path.name + suffix)


def _filter(suffix: str) -> str:
    names = {".tender": _("Tender projects"), ".docx": _("Word documents"), ".json": _("JSON files"),
             ".csv": _("CSV files")}
    return f"{names.get(suffix, suffix)} (*{suffix})"


def ask_open_path(parent: QWidget | None, title: str, suffix: str = ".tender") -> Path | None:
    """A file to open, or ``None`` when cancelled."""
    name, _selected = QFileDialog.getOpenFileName(
        parent, title, str(documents_folder()), _filter(suffix) + ";;" + _("All files") + " (*)"
    )
    return Path(name) if name else None


def ask_save_path(
    parent: QWidget | None, title: str, suffix: str = ".tender", default_name: str = ""
) -> Path | None:
    """A file to write, with ``suffix`` added when missing; ``None`` when cancelled (K16).

    The dialog opens in the user's documents folder; accented paths are kept as typed.
    """
    start = documents_folder() / default_name if default_name else documents_folder()
    name, _selected = QFileDialog.getSaveFileName(parent, title, str(start), _filter(suffix))
    if not name:
        return None
    return with_suffix_added(name, suffix)


def ask_folder(parent: QWidget | None, title: str) -> Path | None:
    """A folder (e.g. for exports), or ``None`` when cancelled."""
    name = QFileDialog.getExistingDirectory(parent, title, str(documents_folder()))
    return Path(name) if name else None


def show_error(parent: QWidget | None, message: str) -> None:
    """A clear error message (never a traceback)."""
    QMessageBox.warning(parent, _("Open Procurement Wizard"), message)


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


def ask_choice(parent: QWidget | None, title: str, label: str, items: list[str]) -> int | None:
    """The index of the chosen item, or ``None`` when cancelled."""
    if not items:
        return None
    text, ok = QInputDialog.getItem(parent, title, label, items, 0, False)
    return items.index(text) if ok and text in items else None


def run_dialog(dialog: QDialog) -> int:
    """Show a prepared modal dialog (history …) and return its result code."""
    return dialog.exec()
