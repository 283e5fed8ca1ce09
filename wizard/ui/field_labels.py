"""Human names of field addresses, for the project history, instead of raw field
addresses, JSON-quoted values and UTC ISO times.

The names come from the pages themselves, so they are the labels the user sees, in the
interface language: a bound field's label (or its check box text), a table's group title
and column titles, a detail form's labels. The few things no page labels are in
:data:`EXTRA`. ``"criteria:3.text"`` becomes "Criteria › Criteria “The solution
shows…” › Criterion".
"""

from __future__ import annotations

import json
import os
from datetime import datetime
from typing import TYPE_CHECKING, Any

from babel.dates import format_datetime
from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel, QWidget

from wizard.core.domain.addresses import parse_address
from wizard.core.i18n import N_, _, ui_language
from wizard.core.model import Project
from wizard.core.steps import STEPS, Step, step_of_field
from wizard.ui.labels import label

if TYPE_CHECKING:
    from wizard.ui.pages.base import StepPage

EXTRA: dict[str, str] = {
    "clause_choices": N_("Clause"),
    "clause_choices.included": N_("Included in the tender"),
    "clause_choices.custom_fr": N_("Edited French text"),
    "clause_choices.custom_en": N_("Edited English text"),
    "justifications": N_("Finding marked justified"),
    "justifications.reason": N_("Reason"),
    "support": N_("Who supports what"),
    "support.level": N_("Support"),
    "scenarios.criterion_ids": N_("Criteria verified"),
    "evaluation.pilot_scenario_ids": N_("Scenarios of the pilot"),
    # a field of schema 1 that history entries written before version 2 still name
    "vendor_exchanges.helped_drafting": N_("The vendor helped draft the tender or supplied a template"),
}
"""Addresses no page labels → msgid."""
NAME_ATTRIBUTES = (
    "name",
    "title",
    "text",
    "label",
    "question",
    "clause_id",
    "vendor",
    "code",
    "question_fr",
    "question_en",
    "field",
)
VALUE_CHARS = 80


def _plain(text: str) -> str:
    return text.replace("&", "").strip().rstrip(":").strip()


def widget_label(page: QWidget, widget: QWidget) -> str:
    """The text the user reads beside ``widget``: its label (buddy), its own text (a
    check box), or the title of its group; '' when none."""
    if isinstance(widget, QAbstractButton) and widget.text():
        return _plain(widget.text())
    for candidate in page.findChildren(QLabel):
        if candidate.buddy() is widget and candidate.text():
            return _plain(candidate.text())
    parent = widget.parentWidget()
    while parent is not None and parent is not page:
        if isinstance(parent, QGroupBox) and parent.title():
            return _plain(parent.title())
        parent = parent.parentWidget()
    return ""


def page_labels(pages: dict[Step, StepPage]) -> dict[str, str]:
    """``"info.title"`` / ``"criteria"`` / ``"criteria.text"`` → the label shown."""
    labels = {address: _(msgid) for address, msgid in EXTRA.items()}
    for step, page in pages.items():
        for address, widget in page.binder.widgets.items():
            labels[address] = widget_label(page, widget) or labels.get(address, "")
        for kind, editor in page.tables.items():
            labels[kind] = widget_label(page, editor) or _(STEPS[step].title)
            for column in editor.columns:
                labels[f"{kind}.{column.name}"] = _(column.title)
        for name, widget in page.details.items():  # the selected row's form (StepPage.DETAIL_KIND)
            labels[f"{page.DETAIL_KIND}.{name}"] = widget_label(page, widget)
    return {address: text for address, text in labels.items() if text}


def row_name(row: Any) -> str:
    """A short name of an entity row (its name, title, text …), '' when it has none."""
    for attribute in NAME_ATTRIBUTES:
        value = row.get(attribute) if isinstance(row, dict) else getattr(row, attribute, None)
        if isinstance(value, str) and value.strip():
            return shorten(value.strip(), 40)
    return ""


def shorten(text: str, limit: int = VALUE_CHARS) -> str:
    """``text`` on one line, cut at ``limit`` characters with "…"."""
    one_line = " ".join(text.split())
    return one_line if len(one_line) <= limit else one_line[: limit - 1].rstrip() + "…"


DRAFT_ROWS = {
    "addenda": N_("Draft addendum"),
    "addendum_questions": N_("Question and answer"),
    "addendum_changes": N_("Change"),
}
"""The rows of a draft addendum the journal holds (``store.DRAFT_TABLES``), by table."""

VERSION_NAMES = {"fr": N_("French version"), "en": N_("English version")}
"""A ``translations`` row names the text it translates, then which version it is."""


def snapshot(entry: dict[str, Any]) -> dict[str, Any] | None:
    """The row a journal entry wrote or removed (its ``new``, else its ``old`` JSON), or
    ``None`` for an entry of one field."""
    for key in ("new", "old"):
        try:
            value = json.loads(str(entry.get(key) or "null"))
        except ValueError:
            continue
        if isinstance(value, dict):
            return value
    return None


def _translation(address: str, project: Project, row: dict[str, Any] | None) -> tuple[str, str] | None:
    """The translated text's address and the version's language of a ``translations``
    address (from the project, else from ``row``, the journal's snapshot), or ``None``."""
    kind, row_id, _attribute = parse_address(address)
    if kind != "translations":
        return None
    found = project.find(kind, int(row_id)) if row_id.isdigit() else None
    facts = {"address": found.address, "lang": found.lang} if found is not None else (row or {})
    inner, lang = facts.get("address"), facts.get("lang")
    return (str(inner), str(lang)) if inner and lang in VERSION_NAMES else None


def translated_address(address: str, project: Project, row: dict[str, Any] | None = None) -> str:
    """For a ``translations`` row's address, the address of the text it translates
    (from the project, else from ``row``, the journal's snapshot); else ``address``."""
    translation = _translation(address, project, row)
    return translation[0] if translation else address


def change_texts(old: str, new: str, limit: int = VALUE_CHARS) -> tuple[str, str]:
    """``old`` and ``new`` shortened for a table cell (:func:`shorten`); when a long text
    changed after a long common start, both begin at a word just before the change,
    after "…", so that the cells show what changed rather than the same opening."""
    a, b = " ".join(old.split()), " ".join(new.split())
    start = len(os.path.commonprefix([a, b]))
    if a == b or max(len(a), len(b)) <= limit or start < limit // 2:
        return shorten(a, limit), shorten(b, limit)
    cut = max(a.rfind(" ", 0, start - 25), 0)
    return tuple("…" + shorten(text[cut:].lstrip(), limit - 1) for text in (a, b))  # type: ignore[return-value]


def describe(
    address: str,
    project: Project,
    labels: dict[str, str],
    row: dict[str, Any] | None = None,
    rows: dict[str, dict[str, Any]] | None = None,
) -> str:
    """ "Step › field" for a section field, "Step › list “row” › column" for a row.

    ``row`` is the journal's snapshot of the row (:func:`snapshot`): it names a row the
    project no longer has (deleted) instead of its number; ``rows`` gives the snapshots of
    other rows by their address (``"cost_lines:21"``), for the text a deleted
    translation translated. A translation is named by the text it translates and its
    version: "Problem definition › Problem statement › English version"."""
    kind = parse_address(address).kind
    if kind in DRAFT_ROWS:  # Tender ▸ Addenda…, not a step's page
        name = row_name(row) if row else ""
        where = f"{_('Addenda')} › {_(DRAFT_ROWS[kind])}"
        return f"{where} “{name}”" if name else where
    translation = _translation(address, project, row)
    if translation is not None:
        inner, lang = translation
        owner = (rows or {}).get(inner.partition(".")[0])
        return f"{describe(inner, project, labels, owner)} › {_(VERSION_NAMES[lang])}"
    step = _(STEPS[step_of_field(address)].title)
    kind, row_id, attribute = parse_address(address)
    if not row_id:
        return f"{step} › {labels.get(address, address)}"
    found = project.find(kind, int(row_id)) if row_id.isdigit() else None
    name = row_name(found) if found is not None else row_name(row) if row else ""
    where = f"{labels.get(kind, kind)} “{name}”" if name else f"{labels.get(kind, kind)} #{row_id}"
    parts = [step, where] + ([labels.get(f"{kind}.{attribute}", attribute)] if attribute else [])
    return " › ".join(parts)


def value_text(raw: str) -> str:
    """A journal value (JSON) as the user typed or chose it: no quotes, choices by their
    label, Yes/No, a whole row by its name; the raw text when it is not JSON."""
    if not raw:
        return ""
    try:
        value = json.loads(raw)
    except ValueError:
        return raw
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    if isinstance(value, dict):
        return row_name(value) or _("(row)")
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    if value is None:
        return ""
    if isinstance(value, str) and value:
        return label(value)  # a stored choice ("optional", "NB") by its label; text as is
    return str(value)


def when_text(iso: str) -> str:
    """A journal time (UTC ISO 8601) in local time, written for the interface language:
    "29 nov. 2026, 03 h 57" / "Nov 29, 2026, 3:57 AM"; the raw text when unreadable."""
    try:
        moment = datetime.fromisoformat(iso)
    except ValueError:
        return iso
    if moment.tzinfo is not None:
        moment = moment.astimezone()
    locale = "fr_CA" if ui_language() == "fr" else "en_CA"
    return format_datetime(moment.replace(tzinfo=None), format="medium", locale=locale)
