"""Take screenshots of every wizard page in French and English.

    xvfb-run -a python tools/screenshots.py [--out docs/screenshots] [--scale 1.5]
    xvfb-run -a -s "-screen 0 1366x768x24" python tools/screenshots.py --history

Opens the emergency-perimeter example (a small built-in project when it is missing) in
a temporary file, resizes the window to 1366×768 and saves ``<step>-<lang>.png``.
``--history`` instead makes a few edits (a text, a choice, an undo, a cost line deleted
with its translations, a criterion added) and saves the History window as
``history-<lang>.png`` (its size follows the screen: give Xvfb a 1366×768 one).
Settings go to a temporary folder, so the user's own settings are never touched.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _project():  # noqa: ANN202 - a model Project
    from wizard.core.examples import example_names, load_example
    from wizard.core.model.defaults import new_project

    if "emergency-perimeter" in example_names():
        return load_example("emergency-perimeter")
    project = new_project("fr")
    project.info.organization = "Ville de Saint-Exemple"
    project.problem.statement = "Nous devons pouvoir établir un périmètre d'urgence."
    return project


def _history_shots(window, out: Path) -> None:  # noqa: ANN001 - a MainWindow
    from dataclasses import replace

    from PySide6.QtWidgets import QApplication

    from wizard.core import ops
    from wizard.core.model import Criterion
    from wizard.ui import field_labels
    from wizard.ui.views import history_dialog

    ctx = window.ctx
    project = ctx.project
    ctx.do(
        ops.edit_section,
        replace(
            project.problem, statement=project.problem.statement + " Les cartes papier sont souvent périmées."
        ),
    )
    if project.criteria:
        first = project.criteria[0]
        ctx.do(ops.update, Criterion, first.id, kind="optional" if first.kind != "optional" else "mandatory")
    ctx.do(ops.edit_section, replace(ctx.project.info, province="ON"))
    ctx.do(ops.undo)
    if ctx.project.cost_lines:
        ctx.do(ops.delete, ctx.project.cost_lines[-1])
    ctx.do(ops.add, Criterion(text="Les données restent au Canada."))
    for lang in ("fr", "en"):
        window.set_language(lang)
        labels = field_labels.page_labels(window.wizard.step_pages)
        dialog = history_dialog(window, ctx.pf.history(), ctx.project, labels, restore=lambda entry: False)
        dialog.show()
        QApplication.processEvents()
        path = out / f"history-{lang}.png"
        dialog.grab().save(str(path))
        print(path)
        dialog.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(ROOT / "docs" / "screenshots"))
    parser.add_argument("--scale", default="")
    parser.add_argument("--steps", default="", help="comma-separated step names (default: all)")
    parser.add_argument("--history", action="store_true", help="the History window instead of the steps")
    args = parser.parse_args(argv)
    if args.scale:
        os.environ["QT_SCALE_FACTOR"] = args.scale
    os.environ.setdefault("QT_QPA_PLATFORM", "xcb" if os.environ.get("DISPLAY") else "offscreen")
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    tmp = Path(tempfile.mkdtemp(prefix="opw-shots-"))
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp / "settings"))
    app = QApplication([sys.argv[0]])
    from wizard.core.project_file.store import ProjectFile
    from wizard.core.steps import Step
    from wizard.ui.language import apply_language
    from wizard.ui.main_window import MainWindow

    apply_language("en")
    window = MainWindow()
    scale = float(args.scale or 1)
    window.resize(int(1366 / scale), int(768 / scale))  # a 1366×768 screen at this scale (K15)
    window.show()
    window.set_project(ProjectFile.create(tmp / "example.tender", _project()))
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    wanted = {s.strip().upper() for s in args.steps.split(",") if s.strip()}
    if args.history:
        _history_shots(window, out)
        window.close()
        return 0
    for lang in ("fr", "en"):
        window.set_language(lang)
        for step in Step:
            if wanted and step.name not in wanted:
                continue
            window.wizard.go_to(step)
            app.processEvents()
            path = out / f"{step.name.lower()}-{lang}.png"
            window.grab().save(str(path))
            print(path)
    window.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
