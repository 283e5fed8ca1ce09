"""Take screenshots of every wizard page in French and English.

    xvfb-run -a python tools/screenshots.py [--out docs/screenshots] [--scale 1.5]

Opens the emergency-perimeter example (a small built-in project when it is missing) in
a temporary file, resizes the window to 1366×768 and saves ``<step>-<lang>.png``.
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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(ROOT / "docs" / "screenshots"))
    parser.add_argument("--scale", default="")
    parser.add_argument("--steps", default="", help="comma-separated step names (default: all)")
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
