"""Where the installed templates and resources are.

``pip install .`` ships ``templates/`` and ``resources/`` inside the ``wizard`` package
as ``wizard/_data/…`` (see ``pyproject.toml``); from a source checkout they are read at
the repository's top level.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent.parent  # .../wizard


def _base() -> Path:
    installed = _PACKAGE / "_data"
    if (installed / "resources").is_dir():
        return installed
    return _PACKAGE.parent


def resource_path(*parts: str) -> Path:
    """A path under ``resources/`` (it may not exist)."""
    return _base().joinpath("resources", *parts)


def template_path(*parts: str) -> Path:
    """A path under ``templates/`` (it may not exist)."""
    return _base().joinpath("templates", *parts)
