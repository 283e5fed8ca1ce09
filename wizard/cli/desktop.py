"""``--install-desktop`` / ``--uninstall-desktop``: the app in a Linux desktop's menu.

Writes, for the current user only, under ``$XDG_DATA_HOME`` (``~/.local/share`` when it
is not set), the files that the freedesktop.org specifications read:

* ``applications/open-procurement-wizard.desktop``: the menu entry (Desktop Entry
  Specification), opening ``*.tender`` files;
* ``mime/packages/open-procurement-wizard.xml``: the ``application/x-open-procurement-tender``
  type for ``*.tender`` (Shared MIME-info Database);
* ``icons/hicolor/<size>x<size>/apps/open-procurement-wizard.png`` and
  ``icons/hicolor/scalable/apps/open-procurement-wizard.svg`` (Icon Theme Specification).

Then it runs ``update-mime-database`` and ``update-desktop-database`` when they are
installed (the ``shared-mime-info`` and ``desktop-file-utils`` packages), so that file
managers know the type at once. Nothing is written outside the user's data folder and
nothing needs root. The same can be done by hand with ``xdg-mime install`` and
``xdg-desktop-menu install`` on the files of ``resources/desktop/`` (README.md,
"Installation").

The entry's ``Exec`` line is the bundle's ``opw-app`` beside the running program in a
PyInstaller bundle (docs/packaging.md), else the GUI script ``open-procurement-wizard-app``
when it is on the ``PATH`` (``pip install``), else this Python running ``main.py`` of a
source checkout, or ``-m wizard``.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path

from wizard.core.paths import resource_path

NAME = "open-procurement-wizard"
GUI_SCRIPT = "open-procurement-wizard-app"
BUNDLE_APP = "opw-app"
"""The app's program in a PyInstaller bundle (``packaging/opw.spec``)."""
MIME_TYPE = "application/x-open-procurement-tender"


def data_home() -> Path:
    """``$XDG_DATA_HOME`` when set to an absolute path, else ``~/.local/share``."""
    value = os.environ.get("XDG_DATA_HOME", "")
    return Path(value) if value and Path(value).is_absolute() else Path.home() / ".local" / "share"


def exec_command() -> str:
    """The command line of the menu entry, before its ``%f`` (Desktop Entry quoting)."""
    if getattr(sys, "frozen", False):  # a PyInstaller bundle: its app beside its command line
        return _quote(str(Path(sys.executable).resolve().with_name(BUNDLE_APP)))
    script = shutil.which(GUI_SCRIPT)
    if script:
        return _quote(script)
    main_py = Path(__file__).resolve().parents[2] / "main.py"
    if main_py.is_file():  # a source checkout
        return f"{_quote(sys.executable)} {_quote(str(main_py))}"
    return f"{_quote(sys.executable)} -m wizard"


def _quote(arg: str) -> str:
    """One ``Exec`` argument, double-quoted when it holds a reserved character."""
    if not any(c in arg for c in " \t\n\"'\\><~|&;$*?#()`"):
        return arg
    escaped = "".join("\\" + c if c in '"`$\\' else c for c in arg)
    return f'"{escaped}"'.replace("\\", "\\\\")  # the .desktop string escape, applied last


def planned_files(home: Path) -> dict[Path, Path]:
    """Each file to write (under ``home``, the data folder) → its source in
    ``resources/desktop``."""
    source = resource_path("desktop")
    icons = source / "icons"
    files = {
        home / "applications" / f"{NAME}.desktop": source / f"{NAME}.desktop",
        home / "mime" / "packages" / f"{NAME}.xml": source / f"{NAME}.xml",
        home / "icons" / "hicolor" / "scalable" / "apps" / f"{NAME}.svg": icons / f"{NAME}.svg",
    }
    for png in sorted(icons.glob(f"{NAME}-*.png")):
        size = png.stem.rsplit("-", 1)[1]
        files[home / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{NAME}.png"] = png
    return files


def desktop_entry(template: str, command: str) -> str:
    """The ``.desktop`` text with its ``Exec`` and ``TryExec`` lines for ``command``."""
    lines = []
    for line in template.splitlines():
        if line.startswith("Exec="):
            line = f"Exec={command} %f"
        elif line.startswith("TryExec="):
            continue  # the command may be a Python with arguments; Exec says enough
        lines.append(line)
    return "\n".join(lines) + "\n"


def install(home: Path | None = None, refresh: bool = True) -> list[Path]:
    """Write the files (replacing earlier ones) and return their paths, in order.
    Raises ``OSError`` when the data folder cannot be written."""
    home = home or data_home()
    written = []
    for target, source in planned_files(home).items():
        target.parent.mkdir(parents=True, exist_ok=True)
        if target.suffix == ".desktop":
            text = desktop_entry(source.read_text(encoding="utf-8"), exec_command())
            target.write_text(text, encoding="utf-8")
        else:
            shutil.copyfile(source, target)
        written.append(target)
    if refresh:
        _refresh(home)
    return written


def uninstall(home: Path | None = None, refresh: bool = True) -> list[Path]:
    """Remove the files that :func:`install` writes; the paths removed."""
    home = home or data_home()
    removed = []
    for target in planned_files(home):
        if target.is_file():
            target.unlink()
            removed.append(target)
    if refresh:
        _refresh(home)
    return removed


def _refresh(home: Path) -> None:
    """Rebuild the user's MIME and desktop caches when the tools exist (best effort)."""
    for tool, folder in (("update-mime-database", "mime"), ("update-desktop-database", "applications")):
        path = shutil.which(tool)
        if path and (home / folder).is_dir():
            subprocess.run([path, str(home / folder)], capture_output=True, timeout=60, check=False)


def cmd_install(args: argparse.Namespace) -> int:
    for path in install():
        print(path)
    return 0


def cmd_uninstall(args: argparse.Namespace) -> int:
    for path in uninstall():
        print(path)
    return 0
