"""Mark a tender as published (issue 21): the baseline the addenda then amend.

:func:`publish` records, in one transaction of the project file:

* the publication date (``publication.published_on``, and ``info.publication_date``,
  which the tender and the open data print);
* the model as published (``jsonio`` JSON) and the OCDS release published with it
  (``opendata.release.build_package``, its id by ``opendata.identity``), which the
  ``tenderUpdate`` release of the first addendum amends;
* the published documents themselves, each with its SHA-256: the final ones the user
  attaches (a DOCX or PDF the Town's lawyer edited, :func:`attachment`), or, when none
  is attached, the tender exported now in each tender language. Their bytes live in
  the file: exporting again writes new files elsewhere and never touches them;
* the journal marker ``published`` (``project_file/undo.py``): undo never goes back
  past it. The store then refuses edits of the baseline outside an addendum.

Principle: the tender bidders received is a fact; what changes after it is said to
every bidder, in writing (the guide's equal treatment of bidders).
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from wizard.core.i18n import N_
from wizard.core.i18n.formats import no_day
from wizard.core.model.choices import LANGUAGES
from wizard.core.opendata.milestones import end_of, valid_day
from wizard.core.project_file import jsonio
from wizard.core.project_file.store import ProjectFile
from wizard.core.publishing import PublishingError
from wizard.core.publishing.record import Record, read

MEDIA_TYPES = {
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".pdf": "application/pdf",
}
"""The kinds of document a user may attach as published, by file suffix."""

WORKBOOK_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
"""The price workbook's media type: kept with the published tender (kind ``price_form``),
since bidders fill that very workbook and its version must be the one published."""

MAX_ATTACHMENT = 100 * 1024 * 1024
"""The largest document kept in the file (100 MB): a tender is a few hundred kB."""


@dataclass(frozen=True)
class Attachment:
    """A final document to keep as published: its ``name``, ``content`` and ``lang``
    ("fr"/"en", '' to take the project's binding language)."""

    name: str
    content: bytes
    lang: str = ""


def guess_language(name: str) -> str:
    """ "fr" or "en" when the file name says so (``tender-fr.docx``, ``AO_2027_EN.pdf``),
    else ''."""
    words = {w for w in Path(name).stem.lower().replace("_", "-").replace(".", "-").split("-") if w}
    found = [lang for lang in LANGUAGES if lang in words]
    return found[0] if len(found) == 1 else ""


def attachment(path: str | Path, lang: str = "") -> Attachment:
    """The file at ``path`` as an :class:`Attachment`. Raises :class:`PublishingError`
    for a kind other than DOCX or PDF, an empty or too large file; ``OSError`` when it
    cannot be read."""
    path = Path(path)
    if path.suffix.lower() not in MEDIA_TYPES:
        raise PublishingError(
            N_("Only a DOCX or PDF document can be kept as published: {name}."), name=path.name
        )
    if path.stat().st_size > MAX_ATTACHMENT:
        raise PublishingError(N_("This document is larger than 100 MB: {name}."), name=path.name)
    content = path.read_bytes()
    if not content:
        raise PublishingError(N_("This document is empty: {name}."), name=path.name)
    return Attachment(path.name, content, lang or guess_language(path.name))


def now_utc() -> str:
    """The current UTC moment, ISO 8601 to the second."""
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def publish(
    pf: ProjectFile,
    /,
    *,
    published_on: str,
    attachments: Sequence[Attachment] = (),
    moment: str | None = None,
) -> Record:
    """Mark the project as published on ``published_on`` (YYYY-MM-DD) and keep the
    documents (module docstring); returns the new :class:`Record`. ``moment``: the UTC
    moment the publication is recorded at (default: now). The baseline release is
    dated by the publication day, at its end in the town's zone as every day on which
    something happened (``opendata.milestones``), never by the clock.

    Raises :class:`PublishingError` (already published, a date that is not one, an
    attachment in an unknown language), the store's ``ReadOnlyFile`` /
    ``WriteFailed``, or ``opendata.outputs.OpenDataError`` (nothing saved)."""
    from wizard.core import export
    from wizard.core.i18n.languages import binding_language
    from wizard.core.opendata.release import build_package
    from wizard.core.textclean import clean_project

    if pf.published:
        raise PublishingError(N_("This tender is already marked as published."))
    day = valid_day(published_on)
    if day is None:
        text, params = no_day(published_on)
        raise PublishingError(text, **params)
    closing = valid_day(pf.project.info.closing_date)
    if closing is not None and day > closing:
        raise PublishingError(
            N_(
                "The publication date ({value}) comes after the closing date ({closing}): bidders would have no time to bid."
            ),
            value=day,
            closing=closing,
        )
    for item in attachments:
        if item.lang and item.lang not in LANGUAGES:
            raise PublishingError(N_("Unknown document language: {value}."), value=item.lang)
    moment = moment or now_utc()
    saved_info = dataclasses.replace(pf.project.info)
    try:
        with pf.transaction(), pf.amending():
            pf.set_field("info", "publication_date", day)
            project = clean_project(pf.project)
            langs = export.tender_languages(project)
            if attachments:
                binding = binding_language(project)
                docs = [(a.name, a.lang or binding, a.content) for a in attachments]
            else:
                files = export.tender_files(project, langs)
                docs = [(export.tender_file(lang), lang, files[export.tender_file(lang)]) for lang in langs]
            # the price workbook bidders fill is published with the tender, attached or not
            workbooks = export.price_workbook_files(project, langs)
            docs += [
                (export.price_workbook_file(lang), lang, workbooks[export.price_workbook_file(lang)])
                for lang in langs
            ]
            release = build_package(project, end_of(project.info, day))["releases"][0]
            pf.db.table("publication").insert(
                {
                    "id": 1,
                    "published_on": day,
                    "recorded_at": moment,
                    "model": jsonio.dumps(pf.project),
                    "release": json.dumps(release, ensure_ascii=False),
                }
            )
            for name, lang, content in docs:
                pf.db.table("published_documents").insert(
                    {
                        "name": name,
                        "lang": lang,
                        "kind": "price_form" if name.endswith(".xlsx") else "tender",
                        "media_type": WORKBOOK_TYPE
                        if name.endswith(".xlsx")
                        else MEDIA_TYPES[Path(name).suffix.lower()],
                        "content": content,
                        "sha256": hashlib.sha256(content).hexdigest(),
                        "attached_on": day,
                    }
                )
            pf.mark("published", {"published_on": day})
    except BaseException:
        pf.project.info = saved_info
        with contextlib.suppress(Exception):  # the file rolled back: so does the marker's flag
            pf.reload()
        raise
    return read(pf)
