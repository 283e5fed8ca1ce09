"""Everything a user can do to a project, as typed keyword-only operations.

The app and the command line change a project only through these functions: each one
is one transaction with its journal entries (the store's), so undo and the history can
hang on this layer, and no screen re-implements a rule of the core.

* Sections: :func:`edit_section` saves the attributes of a section object that differ
  from the project's (``replace(project.problem, statement="…")``: mypy checks the
  names through ``dataclasses.replace``).
* Entities: :func:`add` (the next free id), :func:`save` (a whole row), :func:`update`
  (some attributes of a row found by type and id), :func:`delete` (with the rows that
  depend on it: matrix cells, cost lines).
* The market matrix: :func:`set_support`; its CSV: :func:`import_matrix`,
  :func:`merge_matrix`; criteria drafted from the scan: :func:`draft_criteria`,
  :func:`add_criteria`.
* Extra brand names: a shared list's CSV, :func:`import_brands`; names confirmed from
  a possible-brand warning, :func:`add_brand_names`.
* Clauses: :func:`set_clause_included`, :func:`set_clause_text`, :func:`revert_clause`.
* Findings: :func:`justify_finding`.
* The scope's first roles: :func:`mark_requesting_unit` (:func:`requesting_unit_to_mark`).
* Both languages of a text (docs/bilingual.md): :func:`set_translation` (one text's
  version in one language), :func:`switch_text_language` (the language the fields hold).
* Undo (``project_file/undo.py``): :func:`undo`, :func:`redo`, :func:`restore_version`.

Each call of an operation is one user action of the journal (``ProjectFile.action``),
which :func:`undo` takes back as one.

Every operation raises the store's ``ReadOnlyFile`` (a read-only view) or
``WriteFailed`` (nothing saved), and ``codec.CodecError`` for a value of the wrong type.
"""

from __future__ import annotations

import dataclasses
from typing import Any, TypeVar

from wizard.core.checks.wording import fold
from wizard.core.model import (
    SECTIONS,
    BusinessUnit,
    ClauseChoice,
    Criterion,
    Feature,
    Justification,
    Solution,
    Support,
    kind_of,
)
from wizard.core.model.choices import SupportLevel
from wizard.core.project_file.store import ProjectFile

Row = TypeVar("Row")
Section = TypeVar("Section")

_SECTION_OF: dict[type, str] = {cls: name for name, cls in SECTIONS.items()}


# -- sections --------------------------------------------------------------------


def edit_section(pf: ProjectFile, section: Section, /) -> None:
    """Save every attribute of ``section`` that differs from the project's section of
    the same type, all in one transaction (one journal entry per changed field)."""
    name = _SECTION_OF.get(type(section))
    if name is None:
        raise TypeError(f"{type(section).__name__} is not a section of the project")
    current = getattr(pf.project, name)
    changed = [
        f.name for f in dataclasses.fields(current) if getattr(current, f.name) != getattr(section, f.name)
    ]
    if not changed:
        return
    before = dataclasses.replace(current)
    try:
        with pf.transaction():
            for attribute in changed:
                pf.set_field(name, attribute, getattr(section, attribute))
    except BaseException:
        setattr(pf.project, name, before)  # the file rolled back: so does the screen
        raise


# -- entities --------------------------------------------------------------------


def add(pf: ProjectFile, row: Row, /) -> Row:
    """Save ``row`` as a new entity with the next free id of its list; returns the saved
    row (its ``id`` set)."""
    kind = kind_of(type(row))
    saved: Row = dataclasses.replace(row, id=pf.project.next_id(kind))  # type: ignore[type-var]
    pf.save_row(kind, saved)
    return saved


def save(pf: ProjectFile, row: Row, /) -> Row:
    """Save the whole ``row`` over the entity with its id (a new one if there is none);
    returns it. A row equal to the saved one writes nothing."""
    pf.save_row(kind_of(type(row)), row)
    return row


def update(pf: ProjectFile, row_type: type[Row], row_id: int, /, **changes: Any) -> Row | None:
    """Change some attributes of the entity of ``row_type`` whose id is ``row_id`` (the
    whole row is saved); returns the saved row, or ``None`` when there is no such row
    any more (deleted while an edit was pending). Raises ``TypeError`` for an unknown
    attribute."""
    current = pf.project.find(kind_of(row_type), row_id)
    if current is None:
        return None
    return save(pf, dataclasses.replace(current, **changes))


def delete(pf: ProjectFile, row: Any, /) -> None:
    """Delete ``row`` (matched by type and id) and the rows that depend on it: a
    solution's or a feature's matrix cells, an option's cost lines."""
    pf.delete_row(kind_of(type(row)), row.id)


# -- the scope's first roles ------------------------------------------------------


def requesting_unit_to_mark(pf: ProjectFile, /) -> BusinessUnit | None:
    """The business unit that asked for the need, when it should now be marked
    ``affected``; ``None`` otherwise (reads only).

    A new project lists the default units all "not concerned"; the unit the problem
    names as the requesting unit (``problem.requesting_unit``) is the one unit known to
    be affected. It is found by its name or its name's translation, compared without
    case, accents or surrounding spaces ("travaux publics " matches "Travaux publics",
    "Génie" matches "genie"). Principle: a default never overrides a choice, so
    nothing is returned once any unit has another role or any unit's role was ever
    edited (the journal holds a ``business_units:N.role`` entry: also after this mark
    is undone, which is then not redone)."""
    wanted = fold(pf.project.problem.requesting_unit.strip())
    units = pf.project.business_units
    if not wanted or any(u.role != "not_concerned" for u in units):
        return None
    names: dict[int, set[str]] = {u.id: {fold(u.name.strip())} for u in units}
    for text in pf.project.translations:
        kind, _, rest = text.address.partition(":")
        row_id, _, attribute = rest.partition(".")
        if kind == "business_units" and attribute == "name" and row_id.isdigit():
            names.setdefault(int(row_id), set()).add(fold(text.text.strip()))
    match = next((u for u in units if wanted in names.get(u.id, set())), None)
    if match is None or pf.journalled("business_units:%.role"):
        return None
    return match


def mark_requesting_unit(pf: ProjectFile, /) -> BusinessUnit | None:
    """Mark the requesting unit ``affected`` when :func:`requesting_unit_to_mark` finds
    it (the scope page runs this when it opens); returns the saved unit, or ``None``
    when nothing was changed."""
    unit = requesting_unit_to_mark(pf)
    if unit is None:
        return None
    return save(pf, dataclasses.replace(unit, role="affected"))


# -- the market matrix -----------------------------------------------------------


def set_support(pf: ProjectFile, /, *, solution_id: int, feature_id: int, level: SupportLevel) -> Support:
    """Set the matrix cell of a solution and a feature to ``level`` (one of
    ``Support.LEVELS``), creating the cell if the matrix has none yet; returns it.
    Raises ``ValueError`` for another level or an unknown solution or feature."""
    if level not in Support.LEVELS:
        raise ValueError(f"unknown support level: {level!r}")
    if pf.project.find_row(Solution, solution_id) is None or pf.project.find_row(Feature, feature_id) is None:
        raise ValueError(f"no solution {solution_id} or no feature {feature_id}")
    cell = next(
        (c for c in pf.project.support if c.solution_id == solution_id and c.feature_id == feature_id),
        None,
    )
    if cell is None:
        return add(pf, Support(solution_id=solution_id, feature_id=feature_id, level=level))
    return save(pf, dataclasses.replace(cell, level=level))


def import_matrix(pf: ProjectFile, /, *, data: bytes) -> Any:
    """Merge a matrix CSV file's solutions, features and cells into the project, all or
    nothing (``domain/matrix_csv.py``); returns its ``ImportSummary``. Raises its
    ``MatrixCsvError`` for a file it cannot read (nothing changed)."""
    from wizard.core.domain import matrix_csv

    return matrix_csv.import_matrix(pf, data)


def merge_matrix(pf: ProjectFile, /, *, table: Any) -> Any:
    """Merge a parsed matrix CSV (``matrix_csv.parse_matrix``) into the project, all or
    nothing; returns its ``ImportSummary``."""
    from wizard.core.domain import matrix_csv

    return matrix_csv.merge_table(pf, table)


def import_brands(pf: ProjectFile, /, *, data: bytes) -> list[str]:
    """Add a shared brand list's names (CSV or one name a line, ``domain/brand_csv.py``)
    that the project does not hold yet to its extra brand names, all or none; returns
    the names added. Raises its ``BrandCsvError``, naming the line, for a file it cannot
    take whole (not text, a quote left open, more fields than the first line, a first
    line of several columns that is not a name header, a name the brand check never
    finds): nothing changed, never a name lost or merged."""
    from wizard.core.domain import brand_csv

    return brand_csv.import_brands(pf, data)


def add_brand_names(pf: ProjectFile, /, *, names: list[str]) -> list[str]:
    """Add ``names`` (the names a possible-brand warning detected, confirmed by the
    user) that the project does not hold yet to its extra brand names, all or none
    (``domain/brand_csv.py``); returns the names added. The brand check then reports
    them as C-BRAND / S-BRAND. Raises its ``BrandCsvError`` for a name the brand check
    never finds (under 3 characters, no letter) or too long: nothing changed."""
    from wizard.core.domain import brand_csv

    return brand_csv.add_names(pf, names)


def add_criteria(pf: ProjectFile, /, *, drafts: list[Criterion]) -> list[Criterion]:
    """Save draft criteria (``domain/drafting.py``: common features mandatory,
    differentiators optional, brand names neutralised) with the next free ids, all or
    none; returns the saved criteria."""
    from wizard.core.domain import drafting

    return drafting.add_drafts(pf, drafts)


def draft_criteria(pf: ProjectFile, /, *, lang: str) -> list[Criterion]:
    """Draft criteria from the market scan and save them, all or none; returns the saved
    criteria (empty when there is nothing left to draft)."""
    from wizard.core.domain import drafting

    return add_criteria(pf, drafts=drafting.draft_criteria(pf.project, lang))


# -- clauses ---------------------------------------------------------------------


def _clause_choice(pf: ProjectFile, clause_id: str) -> ClauseChoice:
    """The project's choice row for ``clause_id``; a new one (not yet saved) with the
    library's default inclusion when there is none. Raises ``KeyError`` for a clause
    that is not in the library."""
    from wizard.core.clauses import library

    clause = library.clause(clause_id)
    choice = library.choice_for(pf.project, clause_id)
    if choice is not None:
        return choice
    return ClauseChoice(clause_id=clause_id, included=clause.status != "optional")


def _save_choice(pf: ProjectFile, choice: ClauseChoice) -> ClauseChoice:
    return save(pf, choice) if choice.id else add(pf, choice)


def set_clause_included(pf: ProjectFile, /, *, clause_id: str, included: bool) -> ClauseChoice:
    """Keep (``True``) or leave out one library clause of the tender; returns the
    project's choice for it. Raises ``KeyError`` for a clause not in the library."""
    return _save_choice(pf, dataclasses.replace(_clause_choice(pf, clause_id), included=included))


def set_clause_text(pf: ProjectFile, /, *, clause_id: str, lang: str, text: str) -> ClauseChoice | None:
    """Save this project's own text of a clause in ``lang`` ("fr" or "en"). A text equal
    to the library's (blanks around it aside) is saved as '' — the library's text — so
    a later library correction still reaches the project. Returns the choice, or
    ``None`` when nothing needed saving (no choice yet, library text). Raises
    ``KeyError`` for a clause not in the library, ``ValueError`` for another ``lang``."""
    from wizard.core.clauses import library

    if lang not in ("fr", "en"):
        raise ValueError(f"unsupported language: {lang!r}")
    same = text.strip() == library.clause(clause_id).bodies[lang].strip()
    value = "" if same else text
    choice = _clause_choice(pf, clause_id)
    if not choice.id and not value:
        return None
    if lang == "fr":
        return _save_choice(pf, dataclasses.replace(choice, custom_fr=value))
    return _save_choice(pf, dataclasses.replace(choice, custom_en=value))


def revert_clause(pf: ProjectFile, /, *, clause_id: str) -> None:
    """Back to the library's text of a clause in both languages (its inclusion kept)."""
    from wizard.core.clauses import library

    choice = library.choice_for(pf.project, clause_id)
    if choice is not None:
        save(pf, dataclasses.replace(choice, custom_fr="", custom_en=""))


# -- findings --------------------------------------------------------------------


def justify_finding(pf: ProjectFile, /, *, code: str, field: str, reason: str) -> Justification:
    """Record the finding ``code`` on ``field`` as justified, with the written reason
    that goes into the decision record; a finding already justified gets the new reason
    (never two justifications of one finding). Raises ``ValueError`` for a blank
    reason: a justification without a reason would hide a finding unexplained."""
    if not reason.strip():
        raise ValueError("a justification needs a reason")
    existing = next((j for j in pf.project.justifications if j.code == code and j.field == field), None)
    if existing is not None:
        return save(pf, dataclasses.replace(existing, reason=reason))
    return add(pf, Justification(code=code, field=field, reason=reason))


# -- both languages of a text (docs/bilingual.md) ------------------------------------


def set_translation(pf: ProjectFile, /, *, address: str, lang: str, text: str) -> None:
    """Save ``text`` as the version in ``lang`` of the text at ``address``
    (``problem.statement``, ``criteria:3.text``): the field itself when ``lang`` is the
    project's text language, else its row of ``translations`` (created, changed, or
    deleted when ``text`` is blank: a blank version is a missing one). One transaction,
    journalled; the same text again writes nothing.

    Raises ``ValueError`` for an address that is not a translatable text of the project
    (``model.translatable.TRANSLATABLE``, a row that exists) or a ``lang`` other than
    "fr"/"en"; ``codec.TextTooLong`` for a text over the limit."""
    from wizard.core.model import translatable
    from wizard.core.model.choices import LANGUAGES

    if lang not in LANGUAGES:
        raise ValueError(f"unsupported language: {lang!r}")
    if not translatable.is_translatable(address) or not _text_exists(pf, address):
        raise ValueError(f"not a translatable text of the project: {address!r}")
    if lang == translatable.source_language(pf.project):
        _set_text(pf, address, text)
        return
    existing = translatable.translation(pf.project, address, lang)
    if not text.strip():
        if existing is not None:
            pf.delete_row("translations", existing.id)
        return
    if existing is None:
        pf.add_row("translations", address=address, lang=lang, text=text)
    else:
        pf.save_row("translations", dataclasses.replace(existing, text=text))


def _text_exists(pf: ProjectFile, address: str) -> bool:
    from wizard.core.domain.addresses import parse_address

    where = parse_address(address)
    return where.row_id is None or pf.project.find(where.kind, where.row_id) is not None


def _set_text(pf: ProjectFile, address: str, text: str) -> None:
    from wizard.core.domain.addresses import parse_address

    where = parse_address(address)
    if where.row_id is None:
        pf.set_field(where.kind, where.attribute, text)
    else:
        pf.update_row(where.kind, where.row_id, **{where.attribute: text})


def switch_text_language(pf: ProjectFile, /, *, lang: str) -> None:
    """Make ``lang`` ("fr" or "en") the project's text language: every translatable
    field takes its version in ``lang`` ('' where it has none) and its former text
    becomes its translation (``model.translatable.switched``), so nothing is lost and
    switching back restores the fields. All in one transaction, journalled; on failure
    the file and the project in memory stay as they were. Raises ``ValueError`` for
    another ``lang``."""
    from wizard.core.model import ENTITIES, translatable
    from wizard.core.model.choices import LANGUAGES
    from wizard.core.project_file import codec

    if lang not in LANGUAGES:
        raise ValueError(f"unsupported language: {lang!r}")
    project = pf.project
    target = translatable.switched(project, lang)
    if target is project:
        return
    sections = {
        name: getattr(project, name) for name in (*translatable.TRANSLATABLE, "info") if name in SECTIONS
    }
    lists = {kind: list(project.rows(kind)) for kind in ENTITIES}
    try:
        with pf.transaction():
            for name in sections:
                new = getattr(target, name)
                for attribute in codec.field_types(type(new)):
                    pf.set_field(name, attribute, getattr(new, attribute))
            for kind in translatable.TRANSLATABLE:
                if kind in SECTIONS:
                    continue
                for row in target.rows(kind):
                    pf.save_row(kind, row)
            keep = {row.id for row in target.translations}
            for row in [r for r in project.translations if r.id not in keep]:
                pf.delete_row("translations", row.id)
            for row in target.translations:
                pf.save_row("translations", row)
    except BaseException:
        for name, section in sections.items():
            setattr(project, name, section)
        for kind, rows in lists.items():
            setattr(project, kind, rows)
        raise


def replace_project(pf: ProjectFile, /, *, project: Any) -> None:
    """Replace everything in the file by ``project`` (one transaction, journaled)."""
    pf.replace_project(project)


# -- undo (project_file/undo.py, docs/file-format.md "Undo") ----------------------


def undo(pf: ProjectFile, /) -> Any:
    """Take back the last user action (all its journal rows); returns its
    ``undo.Action``. Raises ``undo.NothingToUndo`` when there is none (nothing since
    the published baseline or the project's arrival)."""
    from wizard.core.project_file import undo as undoing

    return undoing.undo(pf)


def redo(pf: ProjectFile, /) -> Any:
    """Write the last undone action again; returns its ``undo.Action``. Raises
    ``undo.NothingToUndo`` when there is none."""
    from wizard.core.project_file import undo as undoing

    return undoing.redo(pf)


def restore_version(pf: ProjectFile, /, *, entry_id: int) -> None:
    """Put the project back as it was just after the journal entry ``entry_id``, as
    one undoable action. Raises ``undo.NothingToUndo`` for the current version or one
    before the published baseline."""
    from wizard.core.project_file import undo as undoing

    undoing.restore(pf, entry_id)
