"""The bundled example projects (README.md, "Bundled examples"), stored as project JSON in
``resources/examples/NAME.json``."""

from __future__ import annotations

from typing import Any

from wizard.core.model import Project
from wizard.core.paths import resource_path
from wizard.core.project_file import jsonio


class UnknownExample(KeyError):
    """No bundled example has that name."""


def example_names() -> list[str]:
    """The names of the bundled examples, sorted (e.g. ``emergency-perimeter``)."""
    return sorted(p.stem for p in resource_path("examples").glob("*.json"))


def load_example(name: str) -> Project:
    """The bundled example ``name`` (its project as it is now: a published example's
    addenda applied). Raises :class:`UnknownExample`."""
    return load_example_with_publishing(name)[0]


def load_example_with_publishing(name: str) -> tuple[Project, dict[str, Any] | None]:
    """The bundled example ``name`` and its publication record as JSON (``None`` when
    it is not published; ``publishing.jsonform.table_rows`` turns it into rows for
    ``ProjectFile.create``). Raises :class:`UnknownExample`."""
    path = resource_path("examples", f"{name}.json")
    if not path.is_file():
        raise UnknownExample(name)
    return jsonio.load_file_with_publishing(path)


def load_example_with_records(name: str) -> tuple[Project, dict[str, Any] | None, dict[str, Any] | None]:
    """The bundled example ``name``, its publication record and its bids as JSON
    (``None`` when it has none; ``bids.jsonform.record_tables`` turns both into rows for
    ``ProjectFile.create``). Raises :class:`UnknownExample`."""
    path = resource_path("examples", f"{name}.json")
    if not path.is_file():
        raise UnknownExample(name)
    return jsonio.load_file_with_records(path)


def load_example_with_contract(name: str) -> jsonio.Records:
    """The bundled example ``name`` with its publication record, its bids and its
    contract's follow-up as JSON (each ``None`` when it has none;
    ``contract.jsonform.all_tables`` turns them into rows for ``ProjectFile.create``).
    Raises :class:`UnknownExample`."""
    path = resource_path("examples", f"{name}.json")
    if not path.is_file():
        raise UnknownExample(name)
    return jsonio.load_file_with_contract(path)
