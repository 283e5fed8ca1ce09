"""CSV export and import of the market-scan matrix (towns share their scans).

Guide principle: a neutral market scan, shared between towns, so each one need not
start from scratch.

Format: one header row, then one row per solution::

    solution,vendor,licence,delivery,hosting_in_canada,source,feature:Online forms,standard:WCAG 2.1
    Alpha,Alpha Inc.,open_source,cloud,yes,public_documentation,yes,partial

* The first column is ``solution``; the five other solution columns are optional and
  may come in any order. Every other column is a feature (``feature:`` prefix, or no
  prefix) or a standard (``standard:``; French ``fonction:`` / ``norme:`` accepted).
* Cells hold ``yes`` / ``partial`` / ``no`` / ``unknown``; the French and English
  labels the app shows are accepted too ("Oui", "Partiel", "Inconnu" …), case and
  accents ignored. An empty cell changes nothing.
* Written as UTF-8 with a byte-order mark, comma separated, CRLF, formula starts
  guarded by an apostrophe (the choices of :mod:`wizard.core.opendata.csv_export`). Read: UTF-8
  (with or without the mark) or Windows-1252; comma, semicolon (a French Excel) or tab.

Import merges by name (case, accents and spaces ignored): known solutions and features
are updated, new ones added. The whole file is checked before anything is written, and
the writes form one transaction (:mod:`wizard.core.project_file.batch`): a bad file changes nothing.

* ``export_matrix(project) -> bytes``
* ``parse_matrix(data: bytes) -> ScanTable`` — raises :class:`MatrixCsvError`
* ``import_matrix(pf, data: bytes) -> ImportSummary`` — raises :class:`MatrixCsvError`,
  or the store's ``ReadOnlyFile`` / ``WriteFailed`` (nothing written)
* ``merge_table(pf, table: ScanTable) -> ImportSummary`` — the second half of the above
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field, replace
from typing import Any

from wizard.core.csv_cells import BOM, safe_cell, unguard_cell
from wizard.core.domain.matrix_values import SOLUTION_COLUMNS, key_of, parse_value
from wizard.core.i18n import N_, tr
from wizard.core.model import Project, Solution, Support
from wizard.core.model.choices import FeatureKind, SupportLevel
from wizard.core.project_file.batch import batch
from wizard.core.project_file.store import ProjectFile

MAX_BYTES = 5_000_000
KIND_PREFIXES: dict[str, FeatureKind] = {
    "feature": "feature",
    "fonction": "feature",
    "fonctionnalite": "feature",
    "standard": "standard",
    "norme": "standard",
}


class MatrixCsvError(ValueError):
    """A CSV file that is not a market matrix; :meth:`message` says why, in FR or EN."""

    def __init__(self, msgid: str, **params: Any) -> None:
        super().__init__(tr(msgid, "en", **params))
        self.msgid, self.params = msgid, params

    def message(self, lang: str) -> str:
        return tr(self.msgid, lang, **self.params)


@dataclass(frozen=True)
class ScanRow:
    """One solution of the file: its name, the solution columns it fills (model
    values), and its matrix cells (feature column index → level)."""

    name: str
    values: dict[str, Any] = field(default_factory=dict)
    levels: dict[int, SupportLevel] = field(default_factory=dict)


@dataclass(frozen=True)
class ScanTable:
    """A parsed file: features as ``(name, kind)`` (kind ``None`` when not stated)."""

    features: list[tuple[str, FeatureKind | None]]
    rows: list[ScanRow]


@dataclass(frozen=True)
class ImportSummary:
    """What an import changed (counts)."""

    new_solutions: int = 0
    new_features: int = 0
    updated_solutions: int = 0
    changed_cells: int = 0


# -- export ---------------------------------------------------------------------------


def _unique(names: list[str]) -> list[str]:
    """Names made distinct for the file ("A", "A" → "A", "A (2)")."""
    seen: dict[str, int] = {}
    out = []
    for name in names:
        key = key_of(name)
        seen[key] = seen.get(key, 0) + 1
        out.append(name if seen[key] == 1 else f"{name} ({seen[key]})")
    return out


def export_matrix(project: Project) -> bytes:
    """The matrix of ``project`` as CSV bytes (UTF-8 with BOM); see the module doc."""
    features = project.features
    names = _unique([f.name.strip() or f"#{f.id}" for f in features])
    header = list(SOLUTION_COLUMNS) + [
        f"{f.kind if f.kind in KIND_PREFIXES else 'feature'}:{n}"
        for f, n in zip(features, names, strict=True)
    ]
    levels = {(c.solution_id, c.feature_id): c.level for c in project.support}
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([safe_cell(h) for h in header])
    solution_names = _unique([s.name.strip() or f"#{s.id}" for s in project.solutions])
    for s, name in zip(project.solutions, solution_names, strict=True):
        row = [name, s.vendor, s.licence, s.delivery, "yes" if s.hosting_in_canada else "no", s.source]
        row += [levels.get((s.id, f.id), "unknown") for f in features]
        writer.writerow([safe_cell(v) for v in row])
    return (BOM + buffer.getvalue()).encode("utf-8")


# -- parsing --------------------------------------------------------------------------


def _decode(data: bytes) -> str:
    if len(data) > MAX_BYTES:
        raise MatrixCsvError(N_("This file is too large for a market matrix (more than 5 MB)."))
    if b"\x00" in data:
        raise MatrixCsvError(N_("This file is not a CSV text file."))
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _records(text: str) -> list[list[str]]:
    lines = text.splitlines()
    first = lines[0] if lines else ""
    delimiter = max(",;\t", key=first.count) if first else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    try:
        records = list(reader)
    except csv.Error as exc:  # an unclosed quote, a quote inside an unquoted cell …
        raise MatrixCsvError(
            N_("This CSV file is malformed near line {line} (check the quotes)."), line=reader.line_num
        ) from exc
    return [[_unguard(cell).strip() for cell in r] for r in records if any(cell.strip() for cell in r)]


def _unguard(cell: str) -> str:
    """Undo :func:`csv_cells.safe_cell`'s apostrophe before a formula start."""
    return unguard_cell(cell)


def _header(header: list[str]) -> tuple[dict[int, str], list[tuple[int, str, FeatureKind | None]]]:
    """Solution columns (index → attribute) and feature columns (index, name, kind)."""
    if not header or key_of(header[0]) not in ("solution", "solutions"):
        raise MatrixCsvError(N_("The first column of a market matrix must be “solution”."))
    solution_columns: dict[int, str] = {0: "name"}
    features: list[tuple[int, str, FeatureKind | None]] = []
    seen: set[str] = set()
    for index, title in enumerate(header[1:], start=1):
        if key_of(title) in SOLUTION_COLUMNS[1:]:
            solution_columns[index] = key_of(title)
            continue
        prefix, colon, rest = title.partition(":")
        kind = KIND_PREFIXES.get(key_of(prefix)) if colon else None
        name = rest.strip() if kind else title.strip()
        if not name:
            raise MatrixCsvError(N_("Column {column} has no feature name."), column=index + 1)
        if key_of(name) in seen:
            raise MatrixCsvError(N_("The feature “{name}” appears twice in the header."), name=name)
        seen.add(key_of(name))
        features.append((index, name, kind))
    return solution_columns, features


def _row(
    record: list[str],
    line: int,
    header: list[str],
    solution_columns: dict[int, str],
    features: list[tuple[int, str, FeatureKind | None]],
) -> ScanRow:
    if len(record) > len(header):
        raise MatrixCsvError(N_("Line {line} has more cells than the header."), line=line)
    record = record + [""] * (len(header) - len(record))
    if not record[0]:
        raise MatrixCsvError(N_("Line {line} has no solution name."), line=line)
    values: dict[str, Any] = {}
    for index, attribute in solution_columns.items():
        if index and record[index]:
            values[attribute] = _value(attribute, record[index], line, header[index])
    levels = {}
    for position, (index, _name, _kind) in enumerate(features):
        if record[index]:
            levels[position] = _value("level", record[index], line, header[index])
    return ScanRow(record[0], values, levels)


def _value(attribute: str, text: str, line: int, column: str) -> Any:
    value = parse_value(attribute, text)
    if value is None:
        raise MatrixCsvError(
            N_("Line {line}, column “{column}”: “{value}” is not an accepted value."),
            line=line,
            column=column,
            value=text[:40],
        )
    return value


def parse_matrix(data: bytes) -> ScanTable:
    """Read a matrix file (see the module doc); raises :class:`MatrixCsvError`."""
    records = _records(_decode(data))
    if not records:
        raise MatrixCsvError(N_("This file is empty."))
    header = records[0]
    solution_columns, features = _header(header)
    rows: list[ScanRow] = []
    seen: set[str] = set()
    for line, record in enumerate(records[1:], start=2):
        row = _row(record, line, header, solution_columns, features)
        if key_of(row.name) in seen:
            raise MatrixCsvError(N_("The solution “{name}” appears twice."), name=row.name)
        seen.add(key_of(row.name))
        rows.append(row)
    return ScanTable([(name, kind) for _i, name, kind in features], rows)


# -- import ---------------------------------------------------------------------------


def _merge_features(pf: ProjectFile, table: ScanTable) -> tuple[list[int], int]:
    """Feature ids for the file's columns (known ones matched by name, others added)."""
    known = {key_of(f.name): f for f in pf.project.features}
    ids, added = [], 0
    for name, kind in table.features:
        feature = known.get(key_of(name))
        if feature is None:
            feature = pf.add_row("features", name=name, kind=kind or "feature")
            known[key_of(name)] = feature
            added += 1
        elif kind and feature.kind != kind:
            pf.save_row("features", replace(feature, kind=kind))
        ids.append(feature.id)
    return ids, added


def _merge_solution(pf: ProjectFile, known: dict[str, Solution], row: ScanRow) -> tuple[Solution, int, int]:
    solution = known.get(key_of(row.name))
    if solution is None:
        solution = pf.add_row("solutions", name=row.name, **row.values)
        return solution, 1, 0
    updated = replace(solution, **row.values)
    if updated != solution:
        pf.save_row("solutions", updated)
        return updated, 0, 1
    return solution, 0, 0


def import_matrix(pf: ProjectFile, data: bytes) -> ImportSummary:
    """Merge the matrix file ``data`` into the project of ``pf`` (see the module doc).

    Raises :class:`MatrixCsvError` for a bad file, and the store's ``ReadOnlyFile`` or
    ``WriteFailed``; in every case nothing is written.
    """
    return merge_table(pf, parse_matrix(data))


def merge_table(pf: ProjectFile, table: ScanTable) -> ImportSummary:
    """Merge a parsed file into the project of ``pf``, in one transaction (all or nothing)."""
    with batch(pf, ("solutions", "features", "support")):
        feature_ids, new_features = _merge_features(pf, table)
        known = {key_of(s.name): s for s in pf.project.solutions}
        cells: dict[tuple[int, int], Support] = {(c.solution_id, c.feature_id): c for c in pf.project.support}
        new_solutions = updated = changed = 0
        for row in table.rows:
            solution, is_new, is_updated = _merge_solution(pf, known, row)
            new_solutions, updated = new_solutions + is_new, updated + is_updated
            for position, level in row.levels.items():
                cell = cells.get((solution.id, feature_ids[position]))
                if cell is None and level == "unknown":
                    continue  # no cell already means unknown
                if cell is None:
                    pf.add_row(
                        "support", solution_id=solution.id, feature_id=feature_ids[position], level=level
                    )
                elif cell.level != level:
                    pf.save_row("support", replace(cell, level=level))
                else:
                    continue
                changed += 1
    return ImportSummary(new_solutions, new_features, updated, changed)
