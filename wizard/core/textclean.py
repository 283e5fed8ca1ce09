"""Text hygiene before any document is built (docs/documents.md; docs/cases.md K1).

python-docx raises ``ValueError`` as soon as XML-illegal text is *assigned* to a run,
so every user string goes through :func:`clean_text` on its way into a document, and
:func:`dirty_fields` tells the checks which fields held such characters (finding
``T-CONTROL-CHARS``).

XML 1.0 forbids: C0 controls except tab, newline and carriage return (U+0000–U+0008,
U+000B, U+000C, U+000E–U+001F), the non-characters U+FFFE and U+FFFF, and surrogate
code points (U+D800–U+DFFF), which a Python ``str`` can only hold unpaired.
"""

from __future__ import annotations

import copy
import re
from dataclasses import fields, is_dataclass
from functools import cache
from itertools import chain
from operator import attrgetter
from typing import Any

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
def _text_getter(cls: Any) -> Any:
    """``row -> tuple`` of the attributes of ``cls`` that hold text (``str`` or a choice
    of strings); ``None`` when it has none (then nothing to clean)."""
    names = [name for name, kind in field_types(cls).items() if kind is str]  # choices are text
    return attrgetter(*names, *names[:1]) if names else None  # always a tuple


def _all_clean(rows: list[Any]) -> bool:
    """Whether every text of ``rows`` (one entity kind) is clean, in one regex pass:
    joining texts neither adds nor removes a code point. ``False`` when unsure (a
    non-text value in a text attribute), so the caller walks the rows one by one."""
    if not rows:
        return True
    cls: Any = type(rows[0])
    getter = _text_getter(cls)
    if getter is None:
        return True  # no text attribute: nothing can be dirty
    try:
        return is_clean("".join(chain.from_iterable(map(getter, rows))))
    except TypeError:
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
            if not is_clean(value):
                dirty.append((f"{section}.{name}", value))
    for kind in ENTITIES:
        if _all_clean(project.rows(kind)):  # the usual case, fast on 10,000 rows
            continue
        for row in project.rows(kind):
            for name, value in _str_fields(row):
                if not is_clean(value):
                    dirty.append((f"{kind}:{row.id}.{name}", value))
    return dirty


def clean_project(project: Project) -> Project:
    """``project`` itself when every text is clean (the usual case), else a deep copy
    whose every text field went through :func:`clean_text`.

    Called once where documents are built from the model (``export.export_all``,
    ``render.tender_document``), so no tender builder has to remember it. The decision
    record cleans its blocks instead (``record.record_blocks``: finding messages may
    quote a clause file's text), and the open data its strings (``opendata_common``).
    """
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
    return cleaned
