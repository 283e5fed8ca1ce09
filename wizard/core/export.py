"""Every output of SPEC §4 into one folder (§2.10, §5 ``main.py export``).

``export_all(project, out_dir, lang=None) -> list[Path]`` writes the tender(s) —
``tender-fr.docx`` and/or ``tender-en.docx`` — then runs the other exporters that are
installed. ``lang`` is "fr", "en", "both", or ``None`` for the project's
``info.tender_languages``. Each file is written atomically (``atomic.py``).

Exporters are functions ``(project, out_dir, langs) -> list[Path]`` listed in
:data:`EXPORTERS`. Modules written later plug in without editing this file: when one of
:data:`OPTIONAL_EXPORTERS` can be imported, its function is called (the decision record
in ``record_export``, open data — OCDS package and CSVs — in ``opendata``).
"""

from __future__ import annotations

import importlib
import inspect
from collections.abc import Callable
from pathlib import Path

from wizard.core.docx_export import write_tender
from wizard.core.model import Project
from wizard.core.textclean import clean_project

Exporter = Callable[[Project, Path, list[str]], list[Path]]

OPTIONAL_EXPORTERS: tuple[tuple[str, str], ...] = (
    ("wizard.core.record_export", "export"),
    ("wizard.core.opendata", "write_open_data"),
)
"""(module, function) pairs called when the module exists. The function takes
``(project, out_dir)`` or ``(project, out_dir, langs)`` and returns the written paths."""


def tender_languages(project: Project, lang: str | None = None) -> list[str]:
    """The tender languages to write: ``lang`` if given, else the project's setting.

    "both" → ``["fr", "en"]``. Raises ``ValueError`` for anything else than fr/en/both.
    """
    if lang is not None:
        choice = lang.strip().lower()
        if choice not in ("fr", "en", "both"):
            raise ValueError(f"unsupported tender language: {choice!r} (fr, en or both)")
    else:
        # A received file may hold anything here: fall back to the binding version,
        # then French (check PR-LANGUAGES reports the bad value).
        choice = project.info.tender_languages.strip().lower()
        if choice not in ("fr", "en", "both"):
            binding = project.info.binding_language.strip().lower()
            choice = binding if binding in ("fr", "en") else "fr"
    return ["fr", "en"] if choice == "both" else [choice]


def export_tenders(project: Project, out_dir: Path, langs: list[str]) -> list[Path]:
    """Write ``tender-<lang>.docx`` for each language; returns the paths."""
    return [write_tender(project, lang, Path(out_dir) / f"tender-{lang}.docx") for lang in langs]


EXPORTERS: list[Exporter] = [export_tenders]
"""Exporters always run, in order. Append to add one."""


def _optional_exporters() -> list[Exporter]:
    found: list[Exporter] = []
    for module_name, function_name in OPTIONAL_EXPORTERS:
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as exc:
            if exc.name == module_name:
                continue
            raise
        function = getattr(module, function_name, None)
        if function is None:
            continue
        found.append(function if len(inspect.signature(function).parameters) >= 3 else _two_arguments(function))
    return found


def _two_arguments(function: Callable[[Project, Path], list[Path]]) -> Exporter:
    """Adapt an exporter that takes ``(project, out_dir)`` (no languages)."""

    def exporter(project: Project, out_dir: Path, _langs: list[str]) -> list[Path]:
        return list(function(project, out_dir))

    return exporter


def export_all(project: Project, out_dir: Path, lang: str | None = None) -> list[Path]:
    """Write every output into ``out_dir`` (created if missing); returns the paths written.

    Raises ``ValueError`` for an unsupported ``lang`` and ``OSError`` when the folder
    cannot be written. Already-written files stay valid if a later exporter fails.
    Text fields are cleaned of XML-illegal characters once, here (CASES K1).
    """
    project = clean_project(project)
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    langs = tender_languages(project, lang)
    written: list[Path] = []
    for exporter in EXPORTERS + _optional_exporters():
        written.extend(exporter(project, out_dir, langs))
    return written
