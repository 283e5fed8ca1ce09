"""Architecture rules: the core never imports Qt (docs/README.md), so outputs are
testable without a screen; the UI uses only the core's public names."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.slow
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


# -- the UI uses the core's public names only -------------------------------------------

CORE = "wizard.core"


def _is_private(name: str) -> bool:
    """``_x`` is private; ``_`` (gettext's translation function) and ``__dunder__`` are not."""
    return name.startswith("_") and name != "_" and not (name.startswith("__") and name.endswith("__"))


def _is_private_core(dotted: str) -> bool:
    """A dotted name inside ``wizard.core`` with a private module or name on its way."""
    parts = dotted.split(".")
    return parts[:2] == CORE.split(".") and any(_is_private(part) for part in parts[2:])


def _source_module(module: str, is_package: bool, node: ast.ImportFrom) -> str:
    """The absolute module of a ``from … import``, relative imports resolved."""
    if node.level == 0:
        return node.module or ""
    parts = module.split(".")
    base = parts[: len(parts) - node.level + (1 if is_package else 0)]
    return ".".join([*base, node.module] if node.module else base)


def _chain(node: ast.expr) -> list[str] | None:
    """``a.b.c`` as ``["a", "b", "c"]``; ``None`` when it does not start at a plain name."""
    attrs: list[str] = []
    while isinstance(node, ast.Attribute):
        attrs.append(node.attr)
        node = node.value
    return [node.id, *reversed(attrs)] if isinstance(node, ast.Name) else None


def private_core_uses(source: str, module: str, is_package: bool = False) -> list[tuple[int, str]]:
    """``(line, dotted name)`` of every private core name that ``source`` (the text of
    ``module``) imports, or reads as an attribute of an imported core module or name."""
    tree = ast.parse(source)
    bound: dict[str, str] = {}  # local name → the dotted name it was imported as
    found: set[tuple[int, str]] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                found.add((node.lineno, alias.name))
                top = alias.name.split(".")[0]
                bound[alias.asname or top] = alias.name if alias.asname else top
        elif isinstance(node, ast.ImportFrom):
            origin = _source_module(module, is_package, node)
            for alias in node.names:
                dotted = f"{origin}.{alias.name}"
                found.add((node.lineno, dotted))
                bound[alias.asname or alias.name] = dotted
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Load):
            chain = _chain(node)
            if chain and chain[0] in bound:
                found.add((node.lineno, ".".join([bound[chain[0]], *chain[1:]])))
    return sorted(use for use in found if _is_private_core(use[1]))


def test_ui_uses_no_private_name_of_the_core():
    """The UI goes through the core's public names (no ``_helper``, no ``_module``), so
    the core can rework its private code without breaking the app."""
    offenders = []
    for path in sorted((ROOT / "wizard" / "ui").rglob("*.py")):
        parts = path.relative_to(ROOT).with_suffix("").parts
        is_package = parts[-1] == "__init__"
        module = ".".join(parts[:-1] if is_package else parts)
        for line, name in private_core_uses(path.read_text(encoding="utf-8"), module, is_package):
            offenders.append(f"{path.relative_to(ROOT).as_posix()}:{line}: {name}")
    assert offenders == []


def test_the_private_name_finder_sees_imports_and_attributes():
    source = (
        "import wizard.core.steps\n"
        "import wizard.core.domain.tco as tco\n"
        "from wizard.core import _hidden, paths\n"
        "from wizard.core._private import thing\n"
        "from wizard.core.i18n import _, N_\n"
        "from wizard.core.domain import provinces as _provinces\n"
        "from ..core.paths import _root\n"
        "from . import _ui_helper\n"
        "x = tco._cost(1) + paths._base\n"
        "y = wizard.core.steps._ORDER\n"
        "z = _provinces.__name__, tco.total, _ui_helper._x, wizard.ui._y\n"
    )
    assert private_core_uses(source, "wizard.ui.sample") == [
        (3, "wizard.core._hidden"),
        (4, "wizard.core._private.thing"),
        (7, "wizard.core.paths._root"),
        (9, "wizard.core.domain.tco._cost"),
        (9, "wizard.core.paths._base"),
        (10, "wizard.core.steps._ORDER"),
    ]
    # in wizard/ui/__init__.py, ".." is wizard and "." is wizard.ui
    assert private_core_uses("from ..core import _x\n", "wizard.ui", True) == [(1, "wizard.core._x")]
    assert private_core_uses("from .core import _x\n", "wizard.ui", True) == []


def test_the_ui_changes_the_project_only_through_core_operations():
    """The UI's project context runs operations of ``wizard.core.ops``: none of its
    methods takes a kind or section name, and no UI module writes a row by kind string
    or calls the store's writing methods."""
    import inspect

    from wizard.ui.context import ProjectContext

    for name, method in inspect.getmembers(ProjectContext, inspect.isfunction):
        if name.startswith("_"):
            continue
        params = set(inspect.signature(method).parameters)
        assert not params & {"kind", "section", "name", "row_id"}, name
    writes = re.compile(r"\.(add_row|update_row|delete_row|save_row|set_field|replace_project)(_later)?\(")
    offenders = [
        f"{path.relative_to(ROOT)}:{number}"
        for path in sorted((ROOT / "wizard" / "ui").rglob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if writes.search(line)
    ]
    assert offenders == []
