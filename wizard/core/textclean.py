"""Text hygiene before any document is built (docs/documents.md; docs/cases.md K1):
XML-illegal characters removed, blank rows left out.

python-docx raises ``ValueError`` as soon as XML-illegal text is *assigned* to a run,
so every user string goes through :func:`clean_text` on its way into a document, and
:func:`dirty_fields` tells the checks which fields held such characters (finding
``T-CONTROL-CHARS``).

XML 1.0 forbids: C0 controls except tab, newline and carriage return (U+0000–U+0008,
U+000B, U+000C, U+000E–U+001F), the non-characters U+FFFE and U+FFFF, and surrogate
code points (U+D800–U+DFFF), which a Python ``str`` can only hold unpaired.

A *blank row* (:data:`ROW_CONTENT`: an author, a criterion, a cost line … added and
left empty) says nothing and prints as a gap ("Authors: ; ; Alex"): :func:`drop_blank_rows`
leaves such rows out, and the links to them, so that every document, the checks and the
numbering (:mod:`wizard.core.domain.numbering`) see the same rows; ``checks/rows.py``
names each blank row.
"""

from __future__ import annotations

import copy
import re
from dataclasses import fields, is_dataclass, replace
from functools import cache
from operator import attrgetter
from typing import Any

from wizard.core.memo import per_pass
from wizard.core.model import ENTITIES, SECTIONS, Project
from wizard.core.project_file.codec import field_types

_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def clean_text(text: str) -> str:
    """``text`` without XML-illegal code points (see module doc); other text unchanged."""
    return _ILLEGAL.sub("", text)


def one_line(text: str, separator: str = " ") -> str:
    """User text cleaned (:func:`clean_text`) and on one line: its lines, runs of
    spaces collapsed, joined by ``separator`` ("" when there is no text)."""
    text = clean_text(text)  # before splitting: \x0b, \x0c, \x1c… are line breaks to ``splitlines``
    if separator == " ":
        return " ".join(text.split())
    return separator.join(line for line in (" ".join(part.split()) for part in text.splitlines()) if line)


def is_clean(text: str) -> bool:
    """Whether ``text`` holds no XML-illegal code point."""
    return _ILLEGAL.search(text) is None


def _str_fields(obj: Any) -> list[tuple[str, str]]:
    if not is_dataclass(obj):
        return []
    found = []
    for f in fields(obj):
        value = getattr(obj, f.name)
        if isinstance(value, str):
            found.append((f.name, value))
    return found


@cache
def _text_getters(cls: Any) -> tuple[Any, ...]:
    """One ``row -> value`` getter per attribute of ``cls`` that holds text (``str`` or
    a choice of strings); empty when it has none (then nothing to clean)."""
    return tuple(attrgetter(name) for name, kind in field_types(cls).items() if kind is str)


_CLEAN: dict[str, bool] = {}
"""Text → :func:`is_clean`, across runs of the checks: a text alone decides it, and a
project's texts stay the same ``str`` objects from one run to the next, so a lookup
costs a hash the string keeps, not a scan (the large project holds 0.5 MB of text)."""
_CLEAN_KEPT = 4_000_000
"""Characters :data:`_CLEAN` holds before it starts afresh: eight times the large
project's text, while a long session's every typed version of a text stays bounded."""
_clean_held = 0


def _clean_known(text: str) -> bool:
    """:func:`is_clean`, remembered per text. Raises ``TypeError`` for a non-text."""
    global _clean_held
    found = _CLEAN.get(text)
    if found is None:
        found = is_clean(text)
        if _clean_held + len(text) > _CLEAN_KEPT:
            _CLEAN.clear()
            _clean_held = 0
        _CLEAN[text] = found
        _clean_held += len(text)
    return found


def _all_clean(rows: list[Any]) -> bool:
    """Whether every text of ``rows`` (one entity kind) is clean, each distinct text
    judged once (a matrix cell's level, 10,000 times, once) and remembered across runs
    (:func:`_clean_known`). ``False`` when unsure (a non-text value in a text
    attribute), so the caller walks the rows one by one."""
    if not rows:
        return True
    cls: Any = type(rows[0])
    getters = _text_getters(cls)
    if not getters:
        return True  # no text attribute: nothing can be dirty
    texts: set[str] = set()
    try:
        for getter in getters:
            texts.update(map(getter, rows))
        return all(map(_clean_known, texts))
    except TypeError:  # an unhashable or non-text value
        return False


def dirty_fields(project: Project) -> list[tuple[str, str]]:
    """Every text field holding XML-illegal characters, as ``(field address, value)``.

    Addresses follow the model: ``"problem.statement"``, ``"criteria:3.text"``. Every
    ``str`` attribute of every section and entity is walked (derived from the
    dataclasses, so new fields are covered), in model order.
    """
    dirty: list[tuple[str, str]] = []
    for section in SECTIONS:
        for name, value in _str_fields(getattr(project, section)):
            if not _clean_known(value):
                dirty.append((f"{section}.{name}", value))
    for kind in ENTITIES:
        if _all_clean(project.rows(kind)):  # the usual case, fast on 10,000 rows
            continue
        for row in project.rows(kind):
            for name, value in _str_fields(row):
                if not is_clean(value):
                    dirty.append((f"{kind}:{row.id}.{name}", value))
    return dirty


# -- blank rows ------------------------------------------------------------------------

ROW_CONTENT: dict[str, tuple[str, ...]] = {
    "authors": ("name", "role"),
    "business_units": ("name", "notes"),
    "partners": ("name", "notes"),
    "solutions": ("name", "vendor", "notes"),
    "features": ("name", "description"),
    "criteria": ("text",),
    "scenarios": ("title", "context", "steps", "expected_result", "evidence"),
    "committee": ("name", "role"),
    "jury": ("name", "role", "conflict_notes"),
    "quality_grid": ("label", "points"),
    "tco_options": ("name", "description"),
    "cost_lines": ("label", "amount"),
    "vendor_exchanges": ("date", "vendor", "staff_name", "subject", "documents"),
    "designated_staff": ("name", "role"),
}
"""Entity list → the attributes that say something about a row. A row whose every one
of them is empty (text blank or only spaces, a number 0, a list empty) is *blank*: the
other attributes are choices with a default (a criterion's kind, a unit's role) that
say nothing on their own. A TCO option is blank only when no cost line is left under it
either. Lists not named here (governance answers, clause choices, justifications …) are
never blank rows: their rows are made by the app, not added by hand."""


def _empty(value: Any) -> bool:
    if isinstance(value, str):
        return not value.strip()
    return not value  # 0, Decimal 0, [], False


def is_blank_row(kind: str, row: Any) -> bool:
    """Whether ``row`` of the list ``kind`` is blank (:data:`ROW_CONTENT`; a TCO option
    is judged on its own fields here: :func:`blank_rows` also asks for its cost lines)."""
    names = ROW_CONTENT.get(kind, ())
    return bool(names) and all(_empty(getattr(row, name)) for name in names)


def blank_rows(project: Project) -> list[tuple[str, Any]]:
    """Every blank row of ``project`` as ``(list name, row)``, in model order: what
    :func:`drop_blank_rows` leaves out. Found once per pass of the checks
    (``memo.per_pass``: ``drop_blank_rows`` and ``checks/rows.py`` both ask)."""
    return list(per_pass(project, _blank_rows))


def _blank_rows(project: Project) -> list[tuple[str, Any]]:
    found: list[tuple[str, Any]] = []
    for kind in ROW_CONTENT:
        rows = project.rows(kind)
        if kind == "tco_options":
            used = {c.option_id for c in project.cost_lines if not is_blank_row("cost_lines", c)}
            found += [(kind, r) for r in rows if r.id not in used and is_blank_row(kind, r)]
        else:
            found += [(kind, r) for r in rows if is_blank_row(kind, r)]
    return found


def _linked(row: Any, attribute: str, gone: set[int]) -> Any:
    """``row`` itself, or a copy whose id list ``attribute`` no longer names ``gone``."""
    ids = getattr(row, attribute)
    if not any(i in gone for i in ids):
        return row
    return replace(row, **{attribute: [i for i in ids if i not in gone]})


def drop_blank_rows(project: Project) -> Project:
    """``project`` itself when it has no blank row (the usual case), else a shallow copy
    without its blank rows (:func:`blank_rows`) and without the links to them: a
    scenario's criteria, a criterion's features, the pilot's scenarios, the matrix cells
    of a dropped solution or feature. Row ids never change, so a finding's address is
    the same in both. The given project is never changed."""
    blank = blank_rows(project)
    if not blank:
        return project
    gone: dict[str, set[int]] = {}
    for kind, row in blank:
        gone.setdefault(kind, set()).add(row.id)
    shown = copy.copy(project)
    for kind, ids in gone.items():
        setattr(shown, kind, [r for r in project.rows(kind) if r.id not in ids])
    criteria, features = gone.get("criteria", set()), gone.get("features", set())
    solutions, scenarios = gone.get("solutions", set()), gone.get("scenarios", set())
    if features:
        shown.criteria = [_linked(c, "feature_ids", features) for c in shown.criteria]
    if features or solutions:
        shown.support = [
            s for s in shown.support if s.solution_id not in solutions and s.feature_id not in features
        ]
    if criteria:
        shown.scenarios = [_linked(s, "criterion_ids", criteria) for s in shown.scenarios]
    if scenarios:
        shown.evaluation = _linked(shown.evaluation, "pilot_scenario_ids", scenarios)
    return shown


def clean_project(project: Project) -> Project:
    """The project as the documents print it: with every text through
    :func:`clean_text` and without its blank rows (:func:`drop_blank_rows`), those a
    text of control characters alone leaves blank once cleaned included. ``project``
    itself when it has neither (the usual case); never changed.

    Called once where documents are built from the model (``export.output_files``, the
    preview in ``html.py``), so no builder has to remember it; it is the export's one
    clean-up pass. The decision record also cleans its blocks (``record.record_blocks``:
    finding messages may quote a clause file's text), and the open data its strings
    (``opendata_common``).
    """
    project = drop_blank_rows(project)
    dirty = dirty_fields(project)
    if not dirty:
        return project
    cleaned = copy.deepcopy(project)
    for section in SECTIONS:
        obj = getattr(cleaned, section)
        for name, value in _str_fields(obj):
            setattr(obj, name, clean_text(value))
    for kind in ENTITIES:
        for row in cleaned.rows(kind):
            for name, value in _str_fields(row):
                if not is_clean(value):
                    setattr(row, name, clean_text(value))
    # a text of control characters alone is blank once cleaned: drop the rows it empties
    return drop_blank_rows(cleaned)
