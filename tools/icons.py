"""Render the app icon's PNG sizes from its SVG.

    QT_QPA_PLATFORM=offscreen python tools/icons.py

Reads ``resources/desktop/icons/open-procurement-wizard.svg`` and writes
``open-procurement-wizard-<size>.png`` beside it for each of :data:`SIZES` (pixels, square):
the sizes of the freedesktop "hicolor" theme and of a Windows ``.ico``. Run it after
changing the SVG and commit the PNGs; ``tests/test_desktop.py`` fails while a PNG is
missing or of the wrong size.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SIZES = (16, 24, 32, 48, 64, 128, 256)
ICONS = ROOT / "resources" / "desktop" / "icons"
NAME = "open-procurement-wizard"


def main() -> int:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    app = QGuiApplication.instance() or QGuiApplication([])  # noqa: F841 - QPainter needs it
    renderer = QSvgRenderer(str(ICONS / f"{NAME}.svg"))
    if not renderer.isValid():
        print("invalid SVG", file=sys.stderr)
        return 1
    for size in SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        target = ICONS / f"{NAME}-{size}.png"
        image.save(str(target), "PNG")
        print(target.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    sys.exit(main())
