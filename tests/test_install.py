"""``pip install .`` ships the templates and resources (README.md, "Layout"), not only an editable
checkout: build the wheel, look inside, and import the app from it in another folder.

Slow (about 10-30 s: pip fetches the build requirements, hatchling and Babel, from the
package index when they are not installed): marked ``slow``. Set ``OPW_SKIP_INSTALL_TEST=1``
to leave it out of a full run too.
"""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(os.environ.get("OPW_SKIP_INSTALL_TEST") == "1", reason="OPW_SKIP_INSTALL_TEST=1"),
]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    command = [
        sys.executable,
        "-m",
        "pip",
        "wheel",
        "--no-deps",
        "--quiet",
        "--wheel-dir",
        str(out),
        str(ROOT),
    ]
    result = subprocess.run(command, capture_output=True, text=True, timeout=600, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    (built,) = out.glob("open_procurement_wizard-*.whl")
    return built


def test_wheel_contains_code_templates_and_resources(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    for required in (
        "wizard/cli/__init__.py",
        "wizard/core/project_file/store.py",
        "wizard/_data/resources/examples/emergency-perimeter.json",
        "wizard/_data/resources/examples/office-suite.json",
        "wizard/_data/resources/examples/training.json",
        "wizard/_data/resources/locale/fr/LC_MESSAGES/core.po",
        "wizard/_data/resources/locale/fr/LC_MESSAGES/wizard.mo",  # hatch_build.py
        "wizard/_data/resources/legal/provinces.json",
    ):
        assert required in names, required
    for required in (  # desktop integration (README.md, "Installation")
        "wizard/_data/resources/desktop/open-procurement-wizard.desktop",
        "wizard/_data/resources/desktop/open-procurement-wizard.xml",
        "wizard/_data/resources/desktop/icons/open-procurement-wizard.svg",
        "wizard/_data/resources/desktop/icons/open-procurement-wizard-256.png",
        "wizard/cli/desktop.py",
        "wizard/__main__.py",
    ):
        assert required in names, required
    templates = [n for n in names if n.startswith("wizard/_data/templates/clauses/")]
    assert any(n.startswith("wizard/_data/templates/clauses/fr/") for n in templates)
    assert any(n.startswith("wizard/_data/templates/clauses/en/") for n in templates)
    assert not [n for n in names if n.startswith("tests/") or "__pycache__" in n]


def test_wheel_metadata_declares_scripts_licence_and_classifiers(wheel):
    """Two entry points (the app without a console on Windows, and the command line), the
    SPDX licence with its text, classifiers, and the version read from wizard/__init__.py."""
    import wizard

    archive = zipfile.ZipFile(wheel)
    dist_info = next(n.split("/")[0] for n in archive.namelist() if n.endswith(".dist-info/METADATA"))
    entry_points = archive.read(f"{dist_info}/entry_points.txt").decode()
    assert "[gui_scripts]\nopen-procurement-wizard-app = wizard.cli:gui_main" in entry_points
    assert "[console_scripts]\nopen-procurement-wizard = wizard.cli:console_main" in entry_points
    metadata = archive.read(f"{dist_info}/METADATA").decode()
    headers = [line for line in metadata.split("\n\n")[0].splitlines()]
    assert f"Version: {wizard.__version__}" in headers
    assert "License-Expression: AGPL-3.0-or-later" in headers
    assert "License-File: LICENSE" in headers
    assert "Classifier: Environment :: X11 Applications :: Qt" in headers
    assert "Classifier: Natural Language :: French" in headers
    licence = archive.read(f"{dist_info}/licenses/LICENSE")
    assert licence == (ROOT / "LICENSE").read_bytes()


def test_installed_package_finds_its_data_outside_the_checkout(wheel, tmp_path):
    target = tmp_path / "site"
    install = [
        sys.executable,
        "-m",
        "pip",
        "install",
        "--no-deps",
        "--quiet",
        "--target",
        str(target),
        str(wheel),
    ]
    result = subprocess.run(install, capture_output=True, text=True, timeout=300, check=False)
    assert result.returncode == 0, result.stderr
    code = (
        "import sys, wizard\n"
        "from wizard.core.examples import example_names, load_example\n"
        "from wizard.core.i18n import ntr, tr\n"
        "from wizard.core.paths import template_path\n"
        "print(wizard.__file__)\n"
        "print(','.join(example_names()))\n"
        "print(load_example('emergency-perimeter').info.organization)\n"
        "print(tr('Market scan', 'fr'))\n"
        "print(ntr('{count} point', '{count} points', 0, 'fr'), ntr('{count} year', '{count} years', 2, 'fr'))\n"
        "print('babel.messages.pofile' in sys.modules)\n"  # the wheel's .mo, no .po to compile
        "print(len(list(template_path('clauses', 'fr').iterdir())) > 0)\n"
        "from wizard.core.domain.provinces import province\n"
        "print(province('QC').court('en'))\n"
    )
    env = {**os.environ, "PYTHONPATH": str(target), "PYTHONSAFEPATH": "1"}
    run = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
        timeout=120,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    lines = run.stdout.splitlines()
    assert lines[0].startswith(str(target))
    assert lines[1:] == [
        "emergency-perimeter,office-suite,training",
        "Ville de Saint-Aurèle",
        "Veille de marché",
        "0 point 2\u00a0ans",
        "False",
        "True",
        "Superior Court of Quebec",
    ]
