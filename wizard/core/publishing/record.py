"""The record of a published tender, as the project file holds it (schema 5).

:func:`read` returns a :class:`Record`: the :class:`Baseline` (``None`` before
publication), the published documents (metadata; the bytes through
:func:`document_bytes`) and the addenda, each with its questions and changes, in
their order of creation. Reads only.
"""

from __future__ import annotations

import io
import json
import re
import zipfile
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

from wizard.core.i18n import N_

if TYPE_CHECKING:
    from wizard.core.model import Project
    from wizard.core.project_file.store import ProjectFile

ChangeKind = Literal["date", "text", "clause", "price_form", "plan"]
AddendumState = Literal["draft", "issued"]

DATE_FIELDS: dict[str, str] = {
    "info.closing_date": N_("Closing date"),
    "info.questions_deadline": N_("Deadline for questions"),
    "info.award_date": N_("Award date"),
    "info.contract_start": N_("Contract start"),
}
"""The dates an addendum may move (address → label, an English message id)."""

PLAN_PREFIX = "publication_items:"
"""The field of a ``plan`` change starts so: ``publication_items:<id>.planned_date``."""


def plan_field(item_id: int) -> str:
    """The field of a ``plan`` change of the publication plan's row ``item_id``."""
    return f"{PLAN_PREFIX}{item_id}.planned_date"


def plan_item(field: str) -> int | None:
    """The row id of a ``plan`` change's ``field`` (:func:`plan_field`), else ``None``."""
    rest = field.removeprefix(PLAN_PREFIX).removesuffix(".planned_date")
    return int(rest) if field.startswith(PLAN_PREFIX) and rest.isdigit() else None


CLAUSE_PREFIX = "clauses:"
"""The field of a ``clause`` change: ``clauses:<clause id>`` (``clauses:governing-law``)."""

PRICE_FORM = "price_form.version"
"""The field of a ``price_form`` change: the price workbook replaced, its version before
and after (``domain/price_form.py: form_version``)."""
PRICE_FORM_LABEL = N_("Price workbook (version)")


@dataclass(frozen=True)
class Baseline:
    """The tender as published: ``published_on`` (YYYY-MM-DD), ``recorded_at`` (the UTC
    moment "Mark as published" ran), ``model`` (the project as ``jsonio`` JSON text)
    and ``release`` (the OCDS release published, as JSON text, with its id)."""

    published_on: str
    recorded_at: str
    model: str
    release: str

    def release_data(self) -> dict[str, Any]:
        """The published OCDS release as data."""
        data: dict[str, Any] = json.loads(self.release)
        return data


@dataclass(frozen=True)
class PublishedDocument:
    """One published document (its bytes: :func:`document_bytes`): ``name`` as
    published, ``lang`` (fr/en), ``kind`` (``tender``, or ``price_form`` for the price
    workbook kept with it), ``media_type``, ``sha256`` (hex
    of the bytes), ``attached_on`` (YYYY-MM-DD) and ``size`` in bytes."""

    id: int
    name: str
    lang: str
    kind: str
    media_type: str
    sha256: str
    attached_on: str
    size: int


@dataclass(frozen=True)
class Question:
    """A bidder's question and the Town's answer, in each language (the asker is never
    recorded: every bidder reads the same answer). ``received_on``: YYYY-MM-DD or ''."""

    id: int
    addendum_id: int
    received_on: str = ""
    question_fr: str = ""
    question_en: str = ""
    answer_fr: str = ""
    answer_en: str = ""

    def text(self, part: str, lang: str) -> str:
        """``part`` ("question" or "answer") in ``lang``, stripped."""
        value: str = getattr(self, f"{part}_{lang}")
        return value.strip()


@dataclass(frozen=True)
class Change:
    """A change an addendum makes: ``kind`` ``date`` (``field`` one of
    :data:`DATE_FIELDS`, the new date in ``new_fr`` and ``new_en`` alike), ``text``
    (``field`` a translatable baseline text, ``criteria:3.text``, its new version in
    each language), ``clause`` (``field`` ``clauses:<clause id>``, the clause's new
    body in each language, as the clauses page edits it: its source, variables
    included) or ``price_form`` (``field`` :data:`PRICE_FORM`: the price workbook
    replaced, the versions in ``old_*`` and ``new_*``; issuing adds it when the
    addendum changes what the form lays out) or ``plan`` (``field``
    ``publication_items:<id>.planned_date``, :func:`plan_field`: a row of the publication
    plan issuing moved with the closing, its days before and after in ``old_*`` and
    ``new_*``; issuing adds it, stored so that the addendum lists only what it did).
    ``old_*``: the value before, recorded when the addendum is issued."""

    id: int
    addendum_id: int
    kind: ChangeKind
    field: str
    old_fr: str = ""
    old_en: str = ""
    new_fr: str = ""
    new_en: str = ""

    def new(self, lang: str) -> str:
        value: str = getattr(self, f"new_{lang}")
        return value

    def old(self, lang: str) -> str:
        value: str = getattr(self, f"old_{lang}")
        return value


@dataclass(frozen=True)
class Addendum:
    """An addendum: ``number`` (1, 2 …; ``None`` while a draft), ``state``,
    ``issued_on`` (YYYY-MM-DD, '' while a draft), ``release`` (its OCDS
    ``tenderUpdate`` release as JSON text, '' while a draft), its questions and changes."""

    id: int
    number: int | None
    state: AddendumState
    issued_on: str
    release: str
    questions: tuple[Question, ...] = ()
    changes: tuple[Change, ...] = ()

    @property
    def issued(self) -> bool:
        return self.state == "issued"

    def release_data(self) -> dict[str, Any]:
        data: dict[str, Any] = json.loads(self.release) if self.release else {}
        return data


@dataclass(frozen=True)
class Record:
    """Everything the file holds about the publication (module docstring)."""

    baseline: Baseline | None = None
    documents: tuple[PublishedDocument, ...] = ()
    addenda: tuple[Addendum, ...] = field(default=())
    published_workbook: str = ""
    """The version of the price workbook published with the tender, as the workbook
    itself states it (its document properties); '' when none was kept."""

    @property
    def published(self) -> bool:
        return self.baseline is not None

    @property
    def issued(self) -> list[Addendum]:
        """The issued addenda, by number."""
        return sorted((a for a in self.addenda if a.issued), key=lambda a: a.number or 0)

    @property
    def draft(self) -> Addendum | None:
        """The addendum being prepared, if any (one at a time)."""
        return next((a for a in self.addenda if not a.issued), None)

    def addendum(self, addendum_id: int) -> Addendum | None:
        return next((a for a in self.addenda if a.id == addendum_id), None)


def read(pf: ProjectFile) -> Record:
    """The :class:`Record` of ``pf`` (reads only)."""
    db = pf.db
    row = db.execute(
        "SELECT published_on, recorded_at, model, release FROM publication ORDER BY id LIMIT 1"
    ).fetchone()
    baseline = Baseline(*row) if row else None
    documents = tuple(
        PublishedDocument(*r)
        for r in db.execute(
            "SELECT id, name, lang, kind, media_type, sha256, attached_on, length(content)"
            " FROM published_documents ORDER BY id"
        )
    )
    questions: dict[int, list[Question]] = {}
    for r in db.execute(
        "SELECT id, addendum_id, received_on, question_fr, question_en, answer_fr, answer_en"
        " FROM addendum_questions ORDER BY id"
    ):
        questions.setdefault(r[1], []).append(Question(*r))
    changes: dict[int, list[Change]] = {}
    for r in db.execute(
        "SELECT id, addendum_id, kind, field, old_fr, old_en, new_fr, new_en FROM addendum_changes ORDER BY id"
    ):
        changes.setdefault(r[1], []).append(Change(*r))
    addenda = tuple(
        Addendum(r[0], r[1], r[2], r[3], r[4], tuple(questions.get(r[0], ())), tuple(changes.get(r[0], ())))
        for r in db.execute("SELECT id, number, state, issued_on, release FROM addenda ORDER BY id")
    )
    workbook = db.execute(
        "SELECT content FROM published_documents WHERE kind = 'price_form' ORDER BY id LIMIT 1"
    ).fetchone()
    return Record(baseline, documents, addenda, stated_version(bytes(workbook[0])) if workbook else "")


VERSION = re.compile(r"PF\d+-[0-9a-f]{10}")


def stated_version(workbook: bytes) -> str:
    """The price form's version a workbook states in its document properties
    (``docProps/core.xml``: ``PF1-`` and 10 hex digits), '' when it states none or is
    no workbook. Reads at most 64 KiB of that one part."""
    try:
        with zipfile.ZipFile(io.BytesIO(workbook)) as archive:
            info = archive.getinfo("docProps/core.xml")
            if info.file_size > 65536:
                return ""
            found = VERSION.search(archive.read(info).decode("utf-8", "replace"))
    except (zipfile.BadZipFile, KeyError, OSError, ValueError):
        return ""
    return found.group(0) if found else ""


def workbook_version(project: Project) -> str:
    """The version of the price workbook the export writes for ``project`` now (its text
    cleaned as the export cleans it): ``PF1-`` and 10 hex digits."""
    from wizard.core.domain.price_form import price_form
    from wizard.core.textclean import clean_project

    return price_form(clean_project(project)).version


def workbook_in_force(record: Record) -> str:
    """The version of the price workbook bidders fill: that of the last issued addendum
    that replaced it (a ``price_form`` change), else the one published with the tender
    (as the published workbook states it: a later version of the app may lay out the
    same project otherwise; without one, the baseline model's); '' before publication."""
    for addendum in reversed(record.issued):
        for change in addendum.changes:
            if change.kind == "price_form":
                return change.new_fr
    if record.published_workbook:
        return record.published_workbook
    if record.baseline is None:
        return ""
    from wizard.core.project_file import jsonio

    return workbook_version(jsonio.loads(record.baseline.model, strict=False))


def document_bytes(pf: ProjectFile, document_id: int) -> bytes:
    """The bytes of a published document, as published. Raises ``KeyError`` for an
    unknown id."""
    row = pf.db.execute("SELECT content FROM published_documents WHERE id = ?", (document_id,)).fetchone()
    if row is None:
        raise KeyError(document_id)
    return bytes(row[0])
