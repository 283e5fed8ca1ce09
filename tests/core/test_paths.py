"""Where resources are found: a source checkout, an installed wheel, a PyInstaller bundle."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from wizard.core import paths

ROOT = Path(__file__).resolve().parents[2]


def test_a_source_checkout_reads_the_repository_folders() -> None:
    if (ROOT / "wizard" / "_data" / "resources").is_dir():
        pytest.skip("this checkout holds an installed copy of the data")
    assert paths.bundle_root() is None
    assert paths.resource_path("legal", "framework.json") == ROOT / "resources" / "legal" / "framework.json"
    assert paths.template_path("clauses", "fr") == ROOT / "templates" / "clauses" / "fr"
    assert paths.resource_path("examples", "training.json").is_file()


def test_a_frozen_app_reads_its_bundle(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    bundle = tmp_path / "_internal"
    (bundle / "wizard" / "_data" / "resources" / "legal").mkdir(parents=True)
    (bundle / "wizard" / "_data" / "resources" / "legal" / "framework.json").write_text("{}", "utf-8")
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(bundle), raising=False)
    assert paths.bundle_root() == bundle
    assert paths.data_root() == bundle / "wizard" / "_data"
    assert paths.resource_path("legal", "framework.json").read_text("utf-8") == "{}"
    assert (
        paths.template_path("clauses", "en", "x.j2")
        == bundle / "wizard" / "_data" / "templates" / "clauses" / "en" / "x.j2"
    )


def test_a_broken_bundle_does_not_fall_back_to_a_checkout(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert paths.resource_path("examples") == tmp_path / "wizard" / "_data" / "resources" / "examples"
    assert not paths.resource_path("examples").exists()


def test_frozen_without_meipass_uses_the_executables_folder(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.delattr(sys, "_MEIPASS", raising=False)
    monkeypatch.setattr(sys, "executable", str(tmp_path / "opw"))
    assert paths.resource_path() == tmp_path.resolve() / "wizard" / "_data" / "resources"


def test_an_installed_wheel_reads_its_package_data(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    package = tmp_path / "site-packages" / "wizard"
    (package / "_data" / "resources").mkdir(parents=True)
    monkeypatch.setattr(paths, "_PACKAGE", package)
    assert paths.bundle_root() is None
    assert paths.resource_path("locale") == package / "_data" / "resources" / "locale"
    assert paths.template_path() == package / "_data" / "templates"
