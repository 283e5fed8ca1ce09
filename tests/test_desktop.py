"""Desktop integration (README.md, "Installation"): the icon, the ``.desktop`` entry and
the ``.tender`` MIME type, their installation under a temporary ``XDG_DATA_HOME``, the
licence, the hidden lock file on Windows and the default project folder."""

from __future__ import annotations

import configparser
import ctypes
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from wizard.cli import desktop
from wizard.core.project_file import lock

ROOT = Path(__file__).resolve().parent.parent
DESKTOP = ROOT / "resources" / "desktop"
SIZES = (16, 24, 32, 48, 64, 128, 256)


def _entry(path: Path) -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # keys are case-sensitive
    parser.read(path, encoding="utf-8")
    return parser["Desktop Entry"]


def test_icon_pngs_are_rendered_at_every_size():
    from PySide6.QtGui import QImage

    svg = DESKTOP / "icons" / "open-procurement-wizard.svg"
    assert ET.parse(svg).getroot().get("viewBox") == "0 0 256 256"
    for size in SIZES:
        image = QImage(str(DESKTOP / "icons" / f"open-procurement-wizard-{size}.png"))
        assert (image.width(), image.height()) == (size, size)
        assert image.hasAlphaChannel()
        assert image.pixelColor(0, 0).alpha() == 0  # transparent corner, a drawn middle
        assert image.pixelColor(size * 3 // 4, size * 3 // 4).alpha() == 255


def test_desktop_entry_opens_tender_files_with_the_gui_script():
    entry = _entry(DESKTOP / "open-procurement-wizard.desktop")
    assert entry["Type"] == "Application"
    assert entry["Exec"] == "open-procurement-wizard-app %f"
    assert entry["Icon"] == "open-procurement-wizard"
    assert entry["Terminal"] == "false"
    assert entry["MimeType"] == f"{desktop.MIME_TYPE};"
    assert entry["Name[fr]"] == "Assistant d’approvisionnement ouvert"  # ui.po's name of the app
    mime = ET.parse(DESKTOP / "open-procurement-wizard.xml").getroot()
    ns = {"m": "http://www.freedesktop.org/standards/shared-mime-info"}
    (kind,) = mime.findall("m:mime-type", ns)
    assert kind.get("type") == desktop.MIME_TYPE
    assert kind.find("m:glob", ns).get("pattern") == "*.tender"
    assert kind.find("m:sub-class-of", ns).get("type") == "application/vnd.sqlite3"


def test_gui_script_is_declared_beside_the_console_script():
    try:
        import tomllib
    except ModuleNotFoundError:  # Python 3.10
        import tomli as tomllib
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["gui-scripts"] == {desktop.GUI_SCRIPT: "wizard.cli:gui_main"}
    assert project["scripts"] == {"open-procurement-wizard": "wizard.cli:console_main"}
    assert project["license"] == "AGPL-3.0-or-later" and project["license-files"] == ["LICENSE"]
    assert "Natural Language :: French" in project["classifiers"]


def test_license_is_the_agpl_3_text():
    import hashlib

    text = (ROOT / "LICENSE").read_bytes()
    assert text.startswith(b"                    GNU AFFERO GENERAL PUBLIC LICENSE\n")
    # the FSF's agpl-3.0.txt, byte for byte
    assert (
        hashlib.sha256(text).hexdigest() == "8486a10c4393cee1c25392769ddd3b2d6c242d6ec7928e1414efff7dfb2f07ef"
    )


def test_install_desktop_writes_under_xdg_data_home_and_uninstall_removes(tmp_path, monkeypatch):
    home = tmp_path / "data"
    monkeypatch.setenv("XDG_DATA_HOME", str(home))
    monkeypatch.setattr(desktop.shutil, "which", lambda name: None)  # no script, no cache tool
    written = desktop.install()
    names = {p.relative_to(home).as_posix() for p in written}
    assert {
        "applications/open-procurement-wizard.desktop",
        "mime/packages/open-procurement-wizard.xml",
        "icons/hicolor/scalable/apps/open-procurement-wizard.svg",
        "icons/hicolor/48x48/apps/open-procurement-wizard.png",
        "icons/hicolor/256x256/apps/open-procurement-wizard.png",
    } <= names
    assert len(names) == 3 + len(SIZES)
    entry = _entry(home / "applications" / "open-procurement-wizard.desktop")
    # a source checkout without the script: this Python runs main.py
    assert entry["Exec"] == f"{sys.executable} {ROOT / 'main.py'} %f"
    assert "TryExec" not in entry
    assert (home / "mime/packages/open-procurement-wizard.xml").read_bytes() == (
        DESKTOP / "open-procurement-wizard.xml"
    ).read_bytes()
    assert sorted(desktop.uninstall()) == sorted(written)
    assert not [p for p in home.rglob("*") if p.is_file()]


def test_cli_install_desktop_prints_the_files(tmp_path, monkeypatch, capsys):
    from wizard import cli

    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "share"))
    monkeypatch.setattr(desktop, "_refresh", lambda home: None)
    assert cli.main(["--install-desktop"], prog="python -m wizard") == 0
    lines = capsys.readouterr().out.splitlines()
    assert str(tmp_path / "share" / "applications" / "open-procurement-wizard.desktop") in lines
    assert cli.main(["--install-desktop", "check", "x.tender"]) == 2
    assert cli.main(["--uninstall-desktop"]) == 0
    assert len(capsys.readouterr().out.splitlines()) == len(lines)


def test_exec_line_quotes_paths_with_spaces(monkeypatch):
    monkeypatch.setattr(desktop.shutil, "which", lambda name: "/opt/My Apps/bin/open-procurement-wizard-app")
    assert desktop.exec_command() == '"/opt/My Apps/bin/open-procurement-wizard-app"'
    assert desktop._quote("C:\\a b") == '"C:\\\\\\\\a b"'  # \\ inside quotes, then the string escape
    assert desktop._quote("/usr/bin/python3") == "/usr/bin/python3"


def test_exec_line_of_a_bundle_is_its_app(monkeypatch, tmp_path):
    bundle = tmp_path / "Open Wizard"
    bundle.mkdir()
    monkeypatch.setattr(desktop.sys, "frozen", True, raising=False)
    monkeypatch.setattr(desktop.sys, "executable", str(bundle / "opw"))
    monkeypatch.setattr(desktop.shutil, "which", lambda name: "/usr/bin/open-procurement-wizard-app")
    assert desktop.exec_command() == desktop._quote(str(bundle.resolve() / "opw-app"))
    assert desktop.exec_command().startswith('"') and desktop.exec_command().endswith('opw-app"')


def test_app_sets_its_icon_and_desktop_file(qapp):
    from wizard.ui.app import configure

    configure()
    assert qapp.desktopFileName() == "open-procurement-wizard"
    icon = qapp.windowIcon()
    assert not icon.isNull()
    assert {s.width() for s in icon.availableSizes()} >= {16, 32, 48, 256}


# -- the lock file, hidden on Windows ----------------------------------------------------


class _Kernel32:
    def __init__(self) -> None:
        self.calls: list[tuple[str, int]] = []

    def SetFileAttributesW(self, path: str, attributes: int) -> int:
        self.calls.append((path, attributes))
        return 1


def test_lock_file_hidden_only_on_windows(tmp_path, monkeypatch):
    kernel32 = _Kernel32()
    monkeypatch.setattr(ctypes, "windll", type("WinDLL", (), {"kernel32": kernel32})(), raising=False)
    target = tmp_path / ".p.tender.lock"
    assert lock.hide_on_windows(target, platform="linux") is False
    assert kernel32.calls == []
    assert lock.hide_on_windows(target, platform="win32") is True
    assert kernel32.calls == [(str(target), 0x2)]


def test_file_lock_hides_its_sidecar(tmp_path, monkeypatch):
    hidden: list[Path] = []
    monkeypatch.setattr(lock, "hide_on_windows", lambda path: hidden.append(path) or True)
    project = tmp_path / "p.tender"
    project.write_bytes(b"x")
    file_lock = lock.FileLock(project)
    file_lock.acquire()
    try:
        assert hidden == [tmp_path / ".p.tender.lock"]  # not the one in the temporary folder
    finally:
        file_lock.release()


# -- the default project folder ---------------------------------------------------------


@pytest.mark.parametrize("synced", ["OneDrive - Ville de Saint-Aurèle", "Dropbox"])
def test_projects_folder_leaves_a_synced_documents_folder(tmp_path, monkeypatch, qapp, synced):
    from PySide6.QtCore import QStandardPaths

    from wizard.ui import dialogs

    documents = tmp_path / synced / "Documents"
    documents.mkdir(parents=True)
    monkeypatch.setattr(QStandardPaths, "writableLocation", staticmethod(lambda kind: str(documents)))
    monkeypatch.setattr(Path, "home", classmethod(lambda cls: tmp_path / "home"))
    (tmp_path / "home").mkdir()
    assert dialogs.documents_folder() == documents  # exports may go there
    assert dialogs.projects_folder() == tmp_path / "home" / "Open Procurement Wizard"
    assert (tmp_path / "home" / "Open Procurement Wizard").is_dir()
    plain = tmp_path / "Documents"
    plain.mkdir()
    monkeypatch.setattr(QStandardPaths, "writableLocation", staticmethod(lambda kind: str(plain)))
    assert dialogs.projects_folder() == plain
