"""What the File menu does: new, new from an example, open, save as, export, history,
preview. Each handler takes the main window; every dialog goes through
:mod:`wizard.ui.dialogs`, and every failure becomes a clear message."""

from __future__ import annotations

import importlib
import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from wizard.core.examples import example_names, load_example
from wizard.core.i18n import N_, Localized, _, n_, tr, ui_language
from wizard.core.i18n.os_errors import os_reason
from wizard.core.model import Project, defaults
from wizard.core.pdf import PdfError
from wizard.core.project_file.fileformat import SUFFIX
from wizard.core.project_file.store import (
    InvalidValue,
    LockedFile,
    ProjectFile,
    ProjectFileError,
    ReadOnlyFile,
    RecoveryRefused,
    SchemaMismatch,
)
from wizard.ui import dialogs, field_labels
from wizard.ui.views import PreviewWindow, history_dialog

if TYPE_CHECKING:
    from wizard.ui.main_window import MainWindow

log = logging.getLogger(__name__)


def file_error_message(exc: ProjectFileError) -> str:
    """The error in the interface language, with the file name (no traceback), and
    what it names when the reason says so (a value, a schema object, the copies)."""
    message = _(type(exc).reason, **exc.params) + f"\n{exc.path}"
    if exc.detail and isinstance(exc, (InvalidValue, RecoveryRefused, SchemaMismatch)):
        message += f"\n{exc.detail}"
    return message


def open_file(window: MainWindow, path: Path, read_only: bool = False) -> ProjectFile | None:
    """Open ``path``; a locked or read-only file may be opened for reading only."""
    try:
        return ProjectFile.open(path, read_only=read_only)
    except (LockedFile, ReadOnlyFile) as exc:
        if not read_only and dialogs.ask_read_only(window, file_error_message(exc)):
            return open_file(window, path, read_only=True)
    except ProjectFileError as exc:
        dialogs.show_error(window, file_error_message(exc))
    except OSError as exc:
        dialogs.show_error(
            window, _("The file could not be read:") + f"\n{path}\n{os_reason(exc).text(ui_language())}"
        )
    return None


def _create(window: MainWindow, path: Path, project: Project | Callable[[], ProjectFile]) -> bool:
    """Create ``path`` holding ``project`` (or with ``project()``, which creates it from
    a JSON copy's parts: ``contract.jsonform.create_file``) and open it; ``False``, the
    reason shown, when it cannot be."""
    if window.ctx is not None and path.resolve() == window.ctx.pf.path.resolve():
        dialogs.show_error(window, _("This project is open; choose another name."))
        return False
    try:
        pf = project() if callable(project) else ProjectFile.create(path, project)
    except (ProjectFileError, OSError) as exc:
        dialogs.show_error(window, _("The project could not be created:") + f"\n{path}\n{exc}")
        return False
    window.set_project(pf)
    return True


def new_project(window: MainWindow) -> None:
    """A new project from scratch, in a file the user names (Cancel: nothing happens)."""
    path = dialogs.ask_save_path(window, _("New project"), SUFFIX, _("new-project") + SUFFIX)
    if path is not None:
        _create(window, path, defaults.new_project(ui_language()))


EXAMPLE_LANGUAGES = {
    "fr": N_("tender in French"),
    "en": N_("tender in English"),
    "both": N_("tender in French and English"),
}


def example_label(project: Project) -> str:
    """How the example chooser shows an example: its title, then its town and the
    tender's language in the interface language."""
    info = project.info
    language = EXAMPLE_LANGUAGES.get(info.tender_languages)
    where = f"{info.organization} — {_(language)}" if language else info.organization
    return f"{info.title}\n{where}"


def new_from_example(window: MainWindow) -> None:
    """A new project copied from a bundled example, chosen by its title."""
    examples: list[tuple[str, Project]] = []
    for name in example_names():
        try:
            examples.append((name, load_example(name)))
        except Exception:  # a damaged example file is left out of the list
            log.warning("example %s could not be read", name, exc_info=True)
    if not examples:
        dialogs.show_error(window, _("No example is installed."))
        return
    labels = [example_label(project) for _name, project in examples]
    index = dialogs.ask_choice(window, _("New from an example"), _("Example"), labels)
    if index is None:
        return
    name, project = examples[index]
    path = dialogs.ask_save_path(window, _("New project"), SUFFIX, name + SUFFIX)
    if path is not None:
        from wizard.core.contract.jsonform import create_file
        from wizard.core.examples import load_example_with_contract

        _project, publishing, bids, contract = load_example_with_contract(name)
        _create(
            window, path, lambda: create_file(path, project, publishing, bids, contract, origin="example")
        )


def _read_project(window: MainWindow, path: Path) -> tuple[Project, list[Localized]] | None:
    """The values of a colleague's project: a JSON export or a ``.tender`` file (read
    only, never changed), and the path of each key of the JSON that was not read
    (``jsonio.unread_keys``: a typo, a newer app's field, the records of a published
    tender, which a copy does not take). ``None``, with the reason shown, when it cannot
    be read."""
    from wizard.core.project_file import jsonio

    if path.suffix.lower() == SUFFIX:
        pf = open_file(window, path, read_only=True)
        if pf is None:
            return None
        try:
            return pf.project, []
        finally:
            pf.close()
    try:
        text = jsonio.read_text(path)
        return jsonio.loads(text), jsonio.unread_keys(text)
    except jsonio.ProjectJsonError as exc:
        dialogs.show_error(
            window, _("This JSON file cannot be loaded: {detail}", detail=exc.detail) + f"\n{path}"
        )
    except OSError as exc:
        dialogs.show_error(
            window, _("The file could not be read:") + f"\n{path}\n{os_reason(exc).text(ui_language())}"
        )
    return None


def import_project(window: MainWindow, suffix: str = ".json") -> None:
    """A new project holding every value of a colleague's or a neighbouring town's
    project (a JSON export, or a ``.tender`` file when ``suffix`` is ``.tender``), in a
    new file the user names; their file is only read. Cancel at any point: nothing. Once
    created, the keys of a JSON file that were not read are listed (:func:`unread_message`)."""
    title = _("Import a project (JSON)") if suffix == ".json" else _("New from a colleague's project")
    source = dialogs.ask_open_path(window, title, suffix)
    if source is None:
        return
    read = _read_project(window, source)
    if read is None:
        return
    project, unread = read
    path = dialogs.ask_save_path(window, _("New project"), SUFFIX, source.stem + SUFFIX)
    if path is not None and _create(window, path, project) and unread:
        dialogs.show_info(window, unread_message(unread))


def unread_message(keys: list[Localized]) -> str:
    """What an import says after it succeeded when the JSON held keys it did not read
    (``jsonio.unread_keys``), one per line, in the interface language."""
    return n_(
        "The project was imported, except {count} key of the file that the app does not read: its value was "
        "not loaded, every other value was.\n{keys}",
        "The project was imported, except {count} keys of the file that the app does not read: their values "
        "were not loaded, every other value was.\n{keys}",
        len(keys),
        keys="\n".join(key.text(ui_language()) for key in keys),
    )


def export_json(window: MainWindow) -> Path | None:
    """Write the open project as JSON (``jsonio``, the same as ``main.py dump``) to a
    file the user names, whole or not at all (written beside it, then renamed)."""
    from wizard.core.project_file import jsonio
    from wizard.core.project_file.atomic import write_text_atomic

    if window.ctx is None:
        return None
    window.ctx.flush()
    path = dialogs.ask_save_path(
        window, _("Export the project (JSON)"), ".json", window.ctx.pf.path.stem + ".json"
    )
    if path is None:
        return None
    try:
        from wizard.core.bids.jsonform import to_json as bids_json
        from wizard.core.contract.jsonform import to_json as contract_json
        from wizard.core.publishing.jsonform import to_json

        pf = window.ctx.pf
        write_text_atomic(
            path, jsonio.dumps(window.ctx.project, to_json(pf), bids_json(pf), contract_json(pf))
        )
    except OSError as exc:
        dialogs.show_error(
            window, _("The copy could not be written:") + f"\n{path}\n{os_reason(exc).text(ui_language())}"
        )
        return None
    window.status.setText(_("Exported: {path}", path=str(path)))
    return path


def open_project(window: MainWindow) -> None:
    path = dialogs.ask_open_path(window, _("Open a project"))
    if path is not None:
        window.open_path(path)


def save_as(window: MainWindow) -> None:
    """Copy the project to a new file (SQLite backup) and continue in the copy."""
    if window.ctx is None:
        return
    window.ctx.flush()
    current = window.ctx.pf.path
    path = dialogs.ask_save_path(window, _("Save the project as"), SUFFIX, current.stem + "-2" + SUFFIX)
    if path is None:
        return
    try:
        written = window.ctx.pf.save_as(path)
    except ProjectFileError as exc:  # locked by another window, the open file itself …
        dialogs.show_error(window, _("The copy was not written:") + "\n" + file_error_message(exc))
        return
    except OSError as exc:
        dialogs.show_error(
            window, _("The copy could not be written:") + f"\n{path}\n{os_reason(exc).text(ui_language())}"
        )
        return
    window.open_path(written)


def confirm_replace(
    window: MainWindow,
    project: Project,
    folder: Path,
    pdf: bool = False,
    records: dict[str, Any] | None = None,
) -> bool:
    """``True`` when nothing would be replaced, or the user agrees to replace the
    existing files (a DOCX the lawyers edited is never lost silently); ``pdf``: the
    export writes PDF copies too; ``records``: as :func:`export_records` reads them."""
    from wizard.core.export import existing_outputs

    records = export_records(window) if records is None else records
    existing = existing_outputs(project, folder, pdf=pdf, **records)
    if not existing:
        return True
    names = "\n".join(path.name for path in existing)
    return dialogs.ask_yes_no(
        window,
        n_(
            "Replace {count} existing file in {folder}?",
            "Replace {count} existing files in {folder}?",
            len(existing),
            folder=str(folder),
        )
        + "\n\n"
        + names,
    )


def export_records(window: MainWindow) -> dict[str, Any]:
    """What an export reads beside the project, from the open file: the publication
    ``record``, the ``bids`` record and the contract's ``follow`` (``export_all``'s
    arguments)."""
    from wizard.core.bids.record import read as read_bids
    from wizard.core.contract.record import follow_up
    from wizard.core.publishing.record import read

    if window.ctx is None:
        return {}
    pf = window.ctx.pf
    return {"record": read(pf), "bids": read_bids(pf), "follow": follow_up(pf)}


def confirm_gate(
    window: MainWindow, records: dict[str, Any] | None = None, documents: dict[str, Any] | None = None
) -> bool:
    """``True`` when the publishing gate (``documents/gate.py``) is empty, or the user
    chooses to export anyway. Clicking an item of the list goes to its field instead
    (``False``: the export waits until the user asks again). ``records``: as
    :func:`export_records` reads them; ``documents``: the export's other documents
    (``export.other_documents``) when :func:`export` built them, read as they are."""
    from wizard.core.documents.gate import publishing_gate
    from wizard.core.export import tender_languages

    if window.ctx is None:
        return False
    project = window.ctx.project
    try:
        # the findings the panel shows: the bids' and the contract's too (BD-NOT-TOP …);
        # the placeholders of every document the export writes (the letters too)
        items = publishing_gate(
            project,
            tender_languages(project),
            window.ctx.findings(),
            documents=documents,
            **(export_records(window) if records is None else records),
        )
    except Exception:  # a defect of the gate must not stop an export: the export still runs
        log.warning("the publishing gate failed", exc_info=True)
        return True
    if not items:
        return True
    labels = field_labels.page_labels(window.wizard.step_pages) if window.wizard is not None else {}
    answer = dialogs.ask_export_anyway(
        window, items, lambda address: field_labels.describe(address, project, labels)
    )
    if answer.item is not None and window.wizard is not None:
        window.wizard.focus_field(answer.item.address)
    return answer.export


def export(window: MainWindow) -> list[Path]:
    """Write every output (``export.export_all``) into a folder the user chooses. First
    the publishing gate: open errors and placeholders are listed and the user exports
    anyway, cancels, or goes to a field (:func:`confirm_gate`). Existing files are
    replaced only when the user says so (No: nothing is written). With File › "Also
    write PDF copies" checked, LibreOffice adds a PDF of each Word document; should it
    fail, a message says so and nothing is written."""
    if window.ctx is None:
        return []
    window.ctx.flush()
    try:
        core = importlib.import_module("wizard.core.export")
        export_all = core.export_all
    except (ImportError, AttributeError):
        dialogs.show_error(window, _("Export is not available in this version."))
        return []
    project = window.ctx.project
    try:
        records = export_records(window)
        # the addenda, letters and follow-up built once: the gate reads them, the export writes them
        documents = core.other_documents(project, core.tender_languages(project), **records)
    except Exception as exc:  # any failure: a message, never a traceback
        log.warning("export failed", exc_info=True)
        dialogs.show_error(window, _("The export failed:") + f"\n{exc}")
        return []
    if not confirm_gate(window, records, documents):
        return []
    folder = dialogs.ask_folder(window, _("Export to folder"))
    if folder is None:
        return []
    removed: list[Path] = []
    toggle = window.actions_by_name.get("pdf")
    pdf = toggle is not None and toggle.isEnabled() and toggle.isChecked()
    try:
        if not confirm_replace(window, project, folder, pdf, records):
            return []
        removed = core.remove_leftovers(folder)
        notices: list[str] = []  # about the PDFs (core.pdf.MISSING_FONT …), said once
        paths = list(
            export_all(
                project,
                folder,
                changed=window.ctx.pf.last_change(),
                pdf=pdf,
                notices=notices,
                documents=documents,
                **records,
            )
        )
    except core.ExportWriteError as exc:  # names exactly what was written
        log.warning("export failed", exc_info=True)
        text, params = core.failure_message(exc)
        dialogs.show_error(window, tr(text, ui_language(), **params) + f"\n{folder}")
        return []
    except PdfError as exc:  # LibreOffice missing or failing: nothing written
        log.warning("PDF conversion failed", exc_info=True)
        dialogs.show_error(window, tr(exc.text, ui_language(), **exc.params))
        return []
    except Exception as exc:  # any failure: a message, never a traceback
        log.warning("export failed", exc_info=True)
        dialogs.show_error(window, _("The export failed:") + f"\n{exc}")
        return []
    message = n_(
        "{count} file written in {folder}.",
        "{count} files written in {folder}.",
        len(paths),
        folder=folder,
    )
    if removed:
        message += "\n\n" + _(core.LEFTOVERS_REMOVED, names=", ".join(p.name for p in removed))
    for notice in notices:
        message += "\n\n" + _(notice)
    dialogs.show_info(window, message)
    return paths


def show_history(window: MainWindow) -> None:
    if window.ctx is not None:
        window.ctx.flush()
        pages = window.wizard.step_pages if window.wizard is not None else {}
        labels = field_labels.page_labels(pages)
        restore = None if window.ctx.read_only else window.edit.restore
        dialogs.run_dialog(
            history_dialog(window, window.ctx.pf.history(), window.ctx.project, labels, restore)
        )


def show_preview(window: MainWindow) -> PreviewWindow | None:
    """Open (or raise) the live preview of the tender."""
    if window.ctx is None:
        return None
    window.ctx.flush()
    if window.preview is None or window.preview.ctx is not window.ctx:
        window.preview = PreviewWindow(window.ctx, window)
    window.preview.show()
    window.preview.refresh()
    window.preview.raise_()
    return window.preview
