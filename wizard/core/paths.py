"""Where the installed templates and resources are.

Three ways to run the app, one layout each:

* ``pip install .`` ships ``templates/`` and ``resources/`` inside the ``wizard`` package
  as ``wizard/_data/…`` (see ``pyproject.toml``);
* a PyInstaller bundle (``packaging/opw.spec``, docs/packaging.md) unpacks the same
  ``wizard/_data/…`` under its own folder, ``sys._MEIPASS``, and sets ``sys.frozen``:
  the bundle is found through them, never through ``__file__``, whose meaning depends on
  how PyInstaller stored the module;
* from a source checkout they are read at the repository's top level.

Every reader goes through :func:`resource_path` and :func:`template_path`, so a new
kind of installation changes this module only.
"""

from __future__ import annotations

import sys
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent.parent  # .../wizard
DATA = ("wizard", "_data")
"""Where the data sit inside an installed package's or a bundle's root folder."""


def bundle_root() -> Path | None:
    """The folder of a PyInstaller bundle's contents (``sys._MEIPASS``) when the app runs
    frozen, else ``None``."""
    if not getattr(sys, "frozen", False):
        return None
    root = getattr(sys, "_MEIPASS", None)
    return Path(root) if root else Path(sys.executable).resolve().parent


def data_root() -> Path:
    """The folder holding ``resources/`` and ``templates/``: the bundle's
    ``wizard/_data`` when frozen (even if missing: a broken bundle must fail loudly, not
    read a checkout that happens to be nearby), else the installed package's
    ``wizard/_data`` when it holds ``resources/``, else the source checkout's top level."""
    bundle = bundle_root()
    if bundle is not None:
        return bundle.joinpath(*DATA)
    installed = _PACKAGE / "_data"
    if (installed / "resources").is_dir():
        return installed
    return _PACKAGE.parent


def resource_path(*parts: str) -> Path:
    """A path under ``resources/`` (it may not exist)."""
    return data_root().joinpath("resources", *parts)


def template_path(*parts: str) -> Path:
    """A path under ``templates/`` (it may not exist)."""
    return data_root().joinpath("templates", *parts)
