"""Which user texts exist in both languages, and the project as one language reads it
(docs/bilingual.md: the rule every text of the app follows).

A translatable field holds ONE ``str``: its version in the project's *text language*
(``info.text_language``, read with ``i18n.languages.text_language``). The other
language's version lives in the entity list ``translations`` (one
:class:`~wizard.core.model.entities.Translation` per address and language). Proper
names (people, vendors, products, the town) are not translatable: one text serves both.

* :data:`TRANSLATABLE` — section or entity list → its translatable attributes, each
  with its label (an English message id) for messages that list texts.
* :func:`texts` — ``(address, text)`` of every translatable text of a project, in
  model order.
* :func:`text_in` — one text's version in a language (``''`` when it has none).
* :func:`missing` — the addresses of the texts that have no version in a language.
* :func:`localized` — the project as the documents in one language read it: every
  translatable field holds its version in that language, a missing one
  :data:`MARKER`.
* :func:`switched` — the same project with its text language changed: fields and
  translations swapped, nothing lost (``ops.switch_text_language``).

A text *needs* a translation when it says something in words: a blank text, or one
that is only a web or e-mail address, a number or a date (no letter outside them),
reads the same in both languages and is printed as typed (:func:`needs_translation`).
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable, Iterator
from dataclasses import replace
from functools import lru_cache
from typing import Any

from wizard.core.i18n import N_
from wizard.core.memo import in_pass, per_pass
from wizard.core.model.choices import LANGUAGES, Language
from wizard.core.model.entities import Translation
from wizard.core.model.project import ENTITIES, SECTIONS, Project

MARKER = "[TRADUCTION À FAIRE / TRANSLATION MISSING]"
"""What a document prints for a text that has no version in its language. Bilingual,
so a reader of either version sees it; the publishing gate counts it like
``[À COMPLÉTER / TO BE COMPLETED]`` (``export --strict`` refuses)."""

TRANSLATABLE: dict[str, dict[str, str]] = {
    # sections
    "info": {
        "title": N_("Title of the call for tenders"),
        "officer_title": N_("Contact's title"),
        "contact_address": N_("Contact's postal address"),
        "submission_method": N_("How bids are submitted"),
    },
    "problem": {
        "request_as_received": N_("Request as received"),
        "requesting_unit": N_("Requesting unit"),
        "statement": N_("Statement of the need"),
        "context": N_("Context"),
        "urgency_justification": N_("Why it is urgent"),
    },
    "scope": {
        "mission_critical_notes": N_("Notes on mission-critical use"),
        "personal_information_notes": N_("Notes on personal information"),
    },
    "evaluation": {
        "tie_break": N_("Tie-break rule"),
        "pilot_description": N_("Pilot project"),
    },
    "contract_data": {"opening_place": N_("Place of the public opening")},
    "tco": {"funding_source": N_("Source of funding")},
    "statement_of_work": {
        "object": N_("Object of the contract"),
        "quantities_notes": N_("Notes on quantities"),
        "other_deliverables": N_("Other deliverables"),
    },
    "publication": {
        "provincial_platform": N_("Provincial publication platform"),
        "free_platforms": N_("Free publication platforms"),
        "translation_notes": N_("Notes on translation"),
    },
    # entity lists
    "authors": {"role": N_("Author's role")},
    "designated_staff": {"role": N_("Designated staff member's role")},
    "committee": {"role": N_("Committee member's role")},
    "jury": {"role": N_("Selection committee member's role")},
    "business_units": {"name": N_("Business unit"), "notes": N_("Business unit's notes")},
    "partners": {"name": N_("Partner"), "notes": N_("Partner's notes")},
    "governance": {"notes": N_("Governance notes")},
    "solutions": {"notes": N_("Solution's notes")},
    "features": {"name": N_("Feature"), "description": N_("Feature's description")},
    "criteria": {"text": N_("Criterion")},
    "scenarios": {
        "title": N_("Scenario's title"),
        "context": N_("Scenario's context"),
        "steps": N_("Scenario's steps"),
        "expected_result": N_("Scenario's expected result"),
        "evidence": N_("Scenario's evidence"),
    },
    "quality_grid": {"label": N_("Quality criterion")},
    "tco_options": {"name": N_("TCO option"), "description": N_("TCO option's description")},
    "cost_lines": {"label": N_("Cost line"), "payer": N_("Cost line's payer")},
    "publication_items": {"place": N_("Where an item is published")},
    "vendor_exchanges": {
        "staff_role": N_("Staff member's role"),
        "subject": N_("Exchange's subject"),
        "documents": N_("Exchange's documents"),
    },
    "justifications": {"reason": N_("Justification")},
}
"""Section or entity list → {translatable attribute → its label (English message id)}.
Everything else is one text: proper names (``info.organization``, people's names,
vendors, products), codes, dates, web addresses. ``clause_choices.custom_fr`` and
``custom_en`` are already one per language."""

_NEUTRAL = re.compile(r"(?:https?://|www\.)\S+|\S+@\S+|[\d\s.,:;/()+\-–—$%#]+", re.IGNORECASE)
_ADDRESS = re.compile(r"^(?P<kind>[a-z_]+)(?::(?P<id>\d+))?\.(?P<attr>[a-z_]+)$")


def other_language(lang: str) -> Language:
    """The other of "fr" and "en" ("en" for anything but "en")."""
    return "fr" if lang == "en" else "en"


def is_translatable(address: str) -> bool:
    """Whether ``address`` (``problem.statement``, ``criteria:3.text``) names a
    translatable text: a section field, or a row's attribute, of :data:`TRANSLATABLE`."""
    found = _ADDRESS.match(address)
    if not found:
        return False
    kind, row_id, attr = found["kind"], found["id"], found["attr"]
    if attr not in TRANSLATABLE.get(kind, {}):
        return False
    return (row_id is None) == (kind in SECTIONS)


def label(address: str) -> str:
    """The English message id naming the field of ``address`` ('' when not translatable)."""
    found = _ADDRESS.match(address)
    return TRANSLATABLE.get(found["kind"], {}).get(found["attr"], "") if found else ""


@lru_cache(maxsize=16384)
def needs_translation(text: str) -> bool:
    """Whether ``text`` says something in words: not blank, and not only web or e-mail
    addresses, numbers, dates and punctuation (those read the same in both languages).
    Cached on the text: the checks ask it of every text on every run."""
    rest = _NEUTRAL.sub("", text)
    return any(ch.isalpha() for ch in rest)


def texts(project: Project) -> Iterator[tuple[str, str]]:
    """``(address, text)`` of every translatable field of ``project`` (its version in the
    text language), sections first then rows, in model order; blank texts included."""
    for kind, attrs in TRANSLATABLE.items():
        if kind in SECTIONS:
            section = getattr(project, kind)
            for attr in attrs:
                yield f"{kind}.{attr}", getattr(section, attr)
            continue
        for row in project.rows(kind):
            for attr in attrs:
                yield f"{kind}:{row.id}.{attr}", getattr(row, attr)


def source_language(project: Project) -> Language:
    """The language the fields hold (``info.text_language``; French for a value outside
    "fr"/"en", which check PR-LANGUAGES does not cover: the file was edited by hand)."""
    lang = project.info.text_language
    return lang if lang in LANGUAGES else "fr"


def translation(project: Project, address: str, lang: str) -> Translation | None:
    """The :class:`Translation` row of ``address`` in ``lang``, or ``None``. Inside one
    pass (``core/memo.py``: a check run, an export, a page refresh) a dict lookup, so
    asking it for every row of a table stays linear."""
    if not in_pass():  # one question: a scan costs less than an index
        return next((r for r in project.translations if r.address == address and r.lang == lang), None)
    return per_pass(project, _translation_rows).get((address, lang))


def _translation_rows(project: Project) -> dict[tuple[str, str], Translation]:
    rows: dict[tuple[str, str], Translation] = {}
    for row in project.translations:
        rows.setdefault((row.address, row.lang), row)  # the first, as a scan finds it
    return rows


def _versions(project: Project, lang: str) -> dict[str, str]:
    return {row.address: row.text for row in project.translations if row.lang == lang}


def field_text(project: Project, address: str) -> str:
    """The text the field at ``address`` holds ('' for an address that names nothing)."""
    found = _ADDRESS.match(address)
    if not found:
        return ""
    kind, row_id, attr = found["kind"], found["id"], found["attr"]
    if kind in SECTIONS:
        value = getattr(getattr(project, kind), attr, "")
    elif kind in ENTITIES and row_id is not None:
        row = project.find(kind, int(row_id))
        value = getattr(row, attr, "") if row is not None else ""
    else:
        value = ""
    return value if isinstance(value, str) else ""


def text_in(project: Project, address: str, lang: str) -> str:
    """The version in ``lang`` of the text at ``address``: the field itself when ``lang``
    is the text language, else its translation ('' when there is none)."""
    if lang == source_language(project):
        return field_text(project, address)
    row = translation(project, address, lang)
    return row.text if row is not None else ""


def missing(project: Project, lang: str) -> list[str]:
    """The addresses of the texts that need a version in ``lang`` and have none (a
    blank translation is none), in :func:`texts` order; for the text language, the
    blank fields whose other version exists."""
    if lang == source_language(project):
        return _without_source(project)
    versions = _versions(project, lang)
    return [
        address
        for address, text in texts(project)
        if needs_translation(text) and not versions.get(address, "").strip()
    ]


def _with_texts(project: Project, new_texts: dict[str, str]) -> Project:
    """A shallow copy of ``project`` whose translatable fields hold ``new_texts``
    (address → text; an address not in it keeps its text). Rows and sections that do
    not change are shared with ``project``."""
    result = copy.copy(project)
    for kind, attrs in TRANSLATABLE.items():
        if kind in SECTIONS:
            changes = {a: new_texts[f"{kind}.{a}"] for a in attrs if f"{kind}.{a}" in new_texts}
            setattr(result, kind, replace(getattr(project, kind), **changes))
            continue
        rows: list[Any] = []
        for row in project.rows(kind):
            changes = {
                a: new_texts[f"{kind}:{row.id}.{a}"] for a in attrs if f"{kind}:{row.id}.{a}" in new_texts
            }
            rows.append(replace(row, **changes) if changes else row)
        setattr(result, kind, rows)
    return result


def _without_source(project: Project) -> list[str]:
    """The addresses whose field (the text-language version) is blank while another
    language's version exists: that version has no original, so the text is missing in
    the text language (the two documents would otherwise say different things)."""
    other = {
        row.address
        for row in project.translations
        if row.lang != source_language(project) and needs_translation(row.text)
    }
    if not other:
        return []
    return [address for address, text in texts(project) if address in other and not text.strip()]


def localized(project: Project, lang: str, marker: str | Callable[[str], str] = MARKER) -> Project:
    """``project`` as the documents in ``lang`` read it (``project`` itself when ``lang``
    is its text language): each translatable field holds its version in ``lang``; a text
    that needs one and has none holds ``marker``; a text that needs none (blank, a web
    address, a number) is kept as typed. ``marker`` may be a function of the text's
    address (the publishing gate marks each one apart). The copy's text language is ``lang`` and its
    translations hold the texts in the other language, so it reads like a project typed
    in ``lang``. ``project`` is not changed."""
    source = source_language(project)
    if lang == source or lang not in LANGUAGES:
        return project
    versions = _versions(project, lang)
    new_texts: dict[str, str] = {}
    back: list[Translation] = []
    for address, text in texts(project):
        version = versions.get(address, "")
        if version.strip():
            new_texts[address] = version
        elif needs_translation(text):
            new_texts[address] = marker(address) if callable(marker) else marker
        if text.strip():
            back.append(Translation(len(back) + 1, address, source, text))
    result = _with_texts(project, new_texts)
    result.info = replace(result.info, text_language=lang)
    result.translations = back
    return result


def switched(project: Project, lang: str) -> Project:
    """``project`` with its text language set to ``lang``: each translatable field takes
    its version in ``lang`` ('' when it has none) and the old text becomes its
    translation, so nothing is lost and switching back restores the fields. Rows of
    ``translations`` keep their ids where they can. ``project`` itself when ``lang`` is
    already the text language."""
    source = source_language(project)
    if lang == source or lang not in LANGUAGES:
        return project
    by_address = {row.address: row for row in project.translations if row.lang == lang}
    new_texts: dict[str, str] = {}
    rows: list[Translation] = []
    taken = {row.id for row in project.translations}
    next_id = max(taken, default=0) + 1
    for address, text in texts(project):
        old = by_address.pop(address, None)
        new_texts[address] = old.text if old is not None else ""
        if text:
            if old is not None:
                rows.append(Translation(old.id, address, source, text))
            else:
                rows.append(Translation(next_id, address, source, text))
                next_id += 1
    kept = [row for row in project.translations if row.lang != lang and row.lang != source]
    result = _with_texts(project, new_texts)
    result.info = replace(result.info, text_language=lang)
    result.translations = sorted(kept + rows, key=lambda r: r.id)
    return result


def orphans(project: Project) -> list[Translation]:
    """The translations whose address names no translatable text of ``project`` (a row
    deleted by an older app, a hand-edited file): kept in the file, printed nowhere."""
    known = {address for address, _text in texts(project)}
    return [row for row in project.translations if row.address not in known]


def translations_of_row(project: Project, kind: str, row_id: int) -> list[Translation]:
    """The translations of the texts of one row (``criteria``, 3): deleted with it."""
    prefix = f"{kind}:{row_id}."
    return [row for row in project.translations if row.address.startswith(prefix)]


__all__ = [
    "MARKER",
    "TRANSLATABLE",
    "field_text",
    "is_translatable",
    "label",
    "localized",
    "missing",
    "needs_translation",
    "orphans",
    "other_language",
    "source_language",
    "switched",
    "text_in",
    "texts",
    "translation",
    "translations_of_row",
]
