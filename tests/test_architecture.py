"""The core never imports Qt (docs/README.md): outputs are testable without a screen."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_core_imports_without_pyside6():
    code = (
        "import sys, pkgutil, importlib\n"
        "class Block:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name.split('.')[0] in ('PySide6', 'shiboken6'):\n"
        "            raise ImportError('PySide6 is blocked in this test')\n"
        "sys.meta_path.insert(0, Block())\n"
        "import wizard.core\n"
        "for m in pkgutil.walk_packages(wizard.core.__path__, 'wizard.core.'):\n"
        "    importlib.import_module(m.name)\n"
        "print('ok', 'PySide6' in sys.modules)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok False"


def test_no_core_module_mentions_pyside6():
    offenders = [
        p.relative_to(ROOT).as_posix()
        for p in (ROOT / "wizard" / "core").rglob("*.py")
        if "PySide6" in p.read_text(encoding="utf-8")
    ]
    assert offenders == []
