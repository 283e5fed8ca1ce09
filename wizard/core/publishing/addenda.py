"""Addenda of a published tender (issue 21, docs/publishing.md): drafted, then issued.

An addendum is prepared as a draft (one at a time, :func:`new_draft`), with

* questions and answers (:func:`add_question`, :func:`set_question`): the asker is
  never recorded, every bidder reads the same answer (equal treatment);
* changes (:func:`add_change`): a date moved (:data:`record.DATE_FIELDS`: the closing
  date, the deadline for questions …) or a baseline text changed (a criterion, the
  statement of need …), in each tender language;

then issued explicitly (:func:`issue`): numbered (1, 2 … in order of issue) and dated,
the price workbook replaced when the project then lays out another price form (its
version, ``domain/price_form.py: form_version``, differs from the one in force: a
``price_form`` change names both, the addendum says so, the export writes the new
workbook and the published one stays in the file as published),
its changes applied to the project through the store (a moved date then moves in the
tender, the open data and the CSVs, all built from the model), the baseline kept as
published. Issuing writes the journal marker ``published``: undo never takes an issued
addendum back.

**The Town's rule for late addenda** (``contract_data.last_addendum_days``, 7 by
default, which the tender itself announces): bidders need that many days after the
last addendum to take it into account. An addendum issued later than that before the
closing extends the closing to ``issue date + last_addendum_days``
(:func:`plan_issue`, shown before issuing; :func:`issue` adds the change itself).

**An addendum is issued before the closing** in force (the one bidders know, not the
one the addendum moves it to): :func:`plan_issue` refuses an issue dated after it, and
any issue once the tender has closed: a bid recorded as received after the closing,
the envelopes opened, the quality scores locked or the award recorded (:func:`closed`).
A bid received before the closing stops nothing.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from wizard.core.i18n import N_, Localized
from wizard.core.i18n.formats import no_day
from wizard.core.i18n.languages import tender_languages, written_language
from wizard.core.model import Project, translatable
from wizard.core.opendata.milestones import end_of, parse_moment, valid_day
from wizard.core.project_file.baseline import is_baseline
from wizard.core.project_file.codec import MAX_TEXT, count_text
from wizard.core.project_file.store import ProjectFile
from wizard.core.publishing import PublishingError
from wizard.core.publishing.record import (
    CLAUSE_PREFIX,
    DATE_FIELDS,
    PRICE_FORM,
    Addendum,
    Change,
    Record,
    plan_field,
    plan_item,
    read,
    workbook_in_force,
    workbook_version,
)

if TYPE_CHECKING:
    from wizard.core.bids.record import BidsRecord

TOO_LONG: dict[str, str] = {
    "question": N_("The question is too long: {count} characters, at most {limit}."),
    "answer": N_("The answer is too long: {count} characters, at most {limit}."),
    "new": N_("The new text is too long: {count} characters, at most {limit}."),
}
"""The refusal of a text of an addendum over :data:`codec.MAX_TEXT` (the question,
its answer, a change's new text in either language), as ``load`` refuses it."""


def _free_text(texts: dict[str, object]) -> None:
    """Raise :class:`PublishingError` (:data:`TOO_LONG`) for a text of ``texts``
    (``question_fr``, ``answer_en``, ``new_fr`` …) over :data:`codec.MAX_TEXT`
    characters, before anything is saved."""
    for name, value in texts.items():
        if isinstance(value, str) and len(value) > MAX_TEXT:
            raise PublishingError(
                TOO_LONG[name.rsplit("_", 1)[0]], count=count_text(len(value)), limit=count_text(MAX_TEXT)
            )


def _published(pf: ProjectFile) -> Record:
    record = read(pf)
    if not record.published:
        raise PublishingError(N_("Mark the tender as published before preparing an addendum."))
    return record


def _draft(pf: ProjectFile, addendum_id: int) -> Addendum:
    addendum = _published(pf).addendum(addendum_id)
    if addendum is None:
        raise PublishingError(N_("There is no such addendum."))
    if addendum.issued:
        raise PublishingError(
            N_("Addendum {number} is issued: it can no longer change."), number=addendum.number
        )
    return addendum


def _put(pf: ProjectFile, table: str, row_id: int, row: dict[str, Any] | None) -> None:
    """Write (or delete) a row of a draft, journalled (``ProjectFile.put_record_row``):
    a draft's edits are undone, redone and listed in the History like the model's; the
    issue of an addendum writes the ``published`` marker, which undo never crosses."""
    pf.put_record_row(table, row_id, row)


def new_draft(pf: ProjectFile, /) -> Addendum:
    """The draft addendum: the one being prepared, or a new empty one. Raises
    :class:`PublishingError` before publication."""
    record = _published(pf)
    if record.draft is not None:
        return record.draft
    row_id = pf.next_record_id("addenda")
    _put(pf, "addenda", row_id, {"number": None, "state": "draft", "issued_on": "", "release": ""})
    draft = read(pf).draft
    assert draft is not None
    return draft


def add_question(
    pf: ProjectFile,
    /,
    *,
    addendum_id: int | None = None,
    question_fr: str = "",
    question_en: str = "",
    answer_fr: str = "",
    answer_en: str = "",
    received_on: str = "",
) -> int:
    """Add a question (and its answer, if known) to a draft (``addendum_id``; ``None``:
    the draft, started if there is none, in the same user action); returns its id.
    Raises :class:`PublishingError` (no such draft, a question with no text, a date that
    is not one)."""
    if not (question_fr.strip() or question_en.strip()):
        raise PublishingError(N_("A question needs its text."))
    _free_text(
        {
            "question_fr": question_fr,
            "question_en": question_en,
            "answer_fr": answer_fr,
            "answer_en": answer_en,
        }
    )
    if received_on and valid_day(received_on) is None:
        text, params = no_day(received_on)
        raise PublishingError(text, **params)
    with pf.transaction():
        addendum_id = new_draft(pf).id if addendum_id is None else addendum_id
        _draft(pf, addendum_id)
        row_id = pf.next_record_id("addendum_questions")
        _put(
            pf,
            "addendum_questions",
            row_id,
            {
                "addendum_id": addendum_id,
                "received_on": received_on.strip(),
                "question_fr": question_fr,
                "question_en": question_en,
                "answer_fr": answer_fr,
                "answer_en": answer_en,
            },
        )
    return row_id


def set_question(pf: ProjectFile, /, *, question_id: int, **texts: str) -> None:
    """Change the texts of a question of a draft (``question_fr``, ``answer_en`` …).
    Raises :class:`PublishingError` for a question of an issued addendum or one left
    without its text in both languages, ``KeyError`` for an unknown one, ``TypeError``
    for another name."""
    row = pf.record_row("addendum_questions", question_id)
    if row is None:
        raise KeyError(question_id)
    _draft(pf, int(row["addendum_id"]))
    allowed = {"question_fr", "question_en", "answer_fr", "answer_en", "received_on"}
    if not set(texts) <= allowed:
        raise TypeError(f"unknown question fields: {sorted(set(texts) - allowed)}")
    new = {**row, **texts}
    if not (str(new["question_fr"]).strip() or str(new["question_en"]).strip()):
        raise PublishingError(N_("A question needs its text."))
    _free_text({k: v for k, v in texts.items() if k != "received_on"})
    if new["received_on"] and valid_day(str(new["received_on"])) is None:
        text, params = no_day(str(new["received_on"]))
        raise PublishingError(text, **params)
    if new != row:
        _put(pf, "addendum_questions", question_id, new)


def remove(pf: ProjectFile, /, *, table: str, row_id: int) -> None:
    """Remove a question (``table`` "addendum_questions") or a change
    ("addendum_changes") of a draft."""
    if table not in ("addendum_questions", "addendum_changes"):
        raise ValueError(table)
    row = pf.record_row(table, row_id)
    if row is None:
        return
    _draft(pf, int(row["addendum_id"]))
    _put(pf, table, row_id, None)


def discard(pf: ProjectFile, /, *, addendum_id: int) -> None:
    """Delete the draft addendum ``addendum_id`` with its questions and changes (an
    issued addendum is never deleted: it was published), as one user action. Raises
    :class:`PublishingError` when it is not the draft."""
    draft = _draft(pf, addendum_id)
    with pf.transaction():
        for question in draft.questions:
            _put(pf, "addendum_questions", question.id, None)
        for change in draft.changes:
            _put(pf, "addendum_changes", change.id, None)
        _put(pf, "addenda", addendum_id, None)


def current_text(project: Project, address: str, lang: str) -> str:
    """The value at ``address`` in ``lang`` now (a date is one text in every language;
    a clause, ``clauses:<id>``, its body as the tender uses it: the project's edit, else
    the library's)."""
    if address.startswith(CLAUSE_PREFIX):
        from wizard.core.clauses import library

        return library.clause_source(project, library.clause(address.removeprefix(CLAUSE_PREFIX)), lang)
    if address in DATE_FIELDS:
        section, name = address.split(".", 1)
        value: str = getattr(getattr(project, section), name)
        return value
    return translatable.text_in(project, address, lang)


def add_change(
    pf: ProjectFile, /, *, addendum_id: int | None = None, field: str, new_fr: str = "", new_en: str = ""
) -> int:
    """Add a change to a draft (``addendum_id``; ``None``: the draft, started if there
    is none, in the same user action); returns its id. A date field (:data:`DATE_FIELDS`) takes
    the new date in ``new_fr`` or ``new_en``; a text field, any translatable text of the
    baseline (``criteria:3.text``, ``problem.statement``), its new version in each tender
    language. A second change of the same field replaces the first.

    Raises :class:`PublishingError` for a field an addendum cannot change, a date that
    is not one, or a text missing in a tender language."""
    with pf.transaction():
        return _add_change(
            pf, new_draft(pf).id if addendum_id is None else addendum_id, field, new_fr, new_en
        )


def _add_change(pf: ProjectFile, addendum_id: int, field: str, new_fr: str, new_en: str) -> int:
    _draft(pf, addendum_id)
    _free_text({"new_fr": new_fr, "new_en": new_en})
    project = pf.project
    if field in DATE_FIELDS:
        day = valid_day(new_fr or new_en)
        if day is None:
            text, params = no_day(str(new_fr or new_en))
            raise PublishingError(text, **params)
        kind, new_fr, new_en = "date", day, day
    elif field.startswith(CLAUSE_PREFIX) and field.removeprefix(CLAUSE_PREFIX) in _included(project):
        kind = "clause"
        _check_clause(project, field.removeprefix(CLAUSE_PREFIX), new_fr, new_en)
    elif translatable.is_translatable(field) and is_baseline(field) and _exists(project, field):
        kind = "text"
        for lang in tender_languages(project):
            if not (new_fr if lang == "fr" else new_en).strip():
                raise PublishingError(
                    N_("The new text is missing in a tender language ({language})."), language=lang
                )
    else:
        raise PublishingError(N_("An addendum cannot change this field: {field}."), field=field)
    old = {lang: current_text(project, field, lang) for lang in ("fr", "en")}
    for earlier in _draft(pf, addendum_id).changes:
        if earlier.field == field:  # a second change of the same field replaces the first
            _put(pf, "addendum_changes", earlier.id, None)
    row_id = pf.next_record_id("addendum_changes")
    _put(
        pf,
        "addendum_changes",
        row_id,
        {
            "addendum_id": addendum_id,
            "kind": kind,
            "field": field,
            "old_fr": old["fr"],
            "old_en": old["en"],
            "new_fr": new_fr,
            "new_en": new_en,
        },
    )
    return row_id


def _included(project: Project) -> list[str]:
    from wizard.core.clauses import library

    return [item.id for item in library.included_clauses(project)]


def _check_clause(project: Project, clause_id: str, new_fr: str, new_en: str) -> None:
    """Refuse a clause's new body that is missing in a tender language or does not
    render (an unknown variable, a syntax error), as the clauses page does."""
    from wizard.core.clauses import library

    for lang in tender_languages(project):
        body = new_fr if lang == "fr" else new_en
        if not body.strip():
            raise PublishingError(
                N_("The new text is missing in a tender language ({language})."), language=lang
            )
        problem = library.render_problem(project, clause_id, lang, body)
        if problem is not None:
            raise PublishingError(
                N_("The new text of the clause cannot be printed: {problem}."), problem=str(problem)
            )


def changeable_texts(project: Project, lang: str) -> list[tuple[str, str]]:
    """``(address, name)`` of every text of the tender an addendum may change
    (:func:`add_change`: a translatable text of the baseline that exists), in model
    order, named in ``lang`` as the tender names it ("M-3 (Criterion)", "Statement of
    the need"), with the first words of its text."""
    from wizard.core.domain.numbering import label_of
    from wizard.core.i18n import tr

    found = []
    for address, text in translatable.texts(project):
        if not is_baseline(address) or not text.strip():
            continue
        field = tr(translatable.label(address), lang) if translatable.label(address) else address
        number = label_of(project, address, lang)
        name = f"{number} ({field})" if number else field
        words = " ".join((translatable.text_in(project, address, lang) or text).split())
        found.append((address, f"{name}: {words[:50]}…" if len(words) > 50 else f"{name}: {words}"))
    from wizard.core.domain.numbering import clause_label

    for clause_id in _included(project):
        found.append(
            (
                f"{CLAUSE_PREFIX}{clause_id}",
                tr(CLAUSE_NAME, lang, clause=clause_label(project, clause_id, lang)),
            )
        )
    return found


CLAUSE_NAME = N_("Clause {clause}")
"""How a clause an addendum may change is named: "Clause 3. Governing law"."""


def _exists(project: Project, address: str) -> bool:
    from wizard.core.domain.addresses import parse_address

    where = parse_address(address)
    return where.row_id is None or project.find(where.kind, where.row_id) is not None


LANGUAGE_NAMES = {"fr": Localized(fr="français", en="French"), "en": Localized(fr="anglais", en="English")}
"""A language as a message names it: « rédigé en anglais », "reads as English"."""
VERSION_NAMES = {"fr": Localized(fr="française", en="French"), "en": Localized(fr="anglaise", en="English")}
"""A version as a message names it: « la version française », "the French version"."""

SLIPS = {
    "question": N_(
        "The text of question {number} reads as {found}, yet it is the addendum's {version} "
        "version, which bidders receive as written: type it in {language}."
    ),
    "answer": N_(
        "The answer to question {number} reads as {found}, yet it is the addendum's {version} "
        "version, which bidders receive as written: type it in {language}."
    ),
    "new": N_(
        "The new text of {field} reads as {found}, yet it is the addendum's {version} version, "
        "which bidders receive as written: type it in {language}."
    ),
}
"""What :func:`language_slips` says of a text of an addendum typed in the other language."""


def language_slips(project: Project, addendum: Addendum) -> list[tuple[str, dict[str, object]]]:
    """``(message id, parameters)`` for each text of ``addendum`` (a question, its
    answer, a changed text or clause) whose version in a tender language plainly reads as
    the other language (``languages.written_language``): the English answer typed where
    the French binding addendum takes its text. Each addendum goes to every bidder as
    written, so issuing would publish it; ``plan_issue`` lists them as warnings and
    ``PR-ADDENDUM-LANGUAGE`` says so before the issue. A text too short to tell (« Oui. »,
    "SSO?") says nothing."""
    from wizard.core.documents.addendum import change_name

    found: list[tuple[str, dict[str, object]]] = []

    def slip(kind: str, text: str, lang: str, **params: object) -> None:
        seen = written_language(text)
        if seen is not None and seen != lang:
            found.append(
                (
                    SLIPS[kind],
                    {
                        **params,
                        "found": LANGUAGE_NAMES[seen],
                        "version": VERSION_NAMES[lang],
                        "language": LANGUAGE_NAMES[lang],
                    },
                )
            )

    langs = tender_languages(project)
    for number, question in enumerate(addendum.questions, 1):
        for kind in ("question", "answer"):
            for lang in langs:
                slip(kind, question.text(kind, lang), lang, number=number)
    for change in addendum.changes:
        if change.kind in ("text", "clause"):
            field = Localized(fr=change_name(project, change, "fr"), en=change_name(project, change, "en"))
            for lang in langs:
                slip("new", change.new(lang), lang, field=field)
    return found


@dataclass(frozen=True)
class IssuePlan:
    """What :func:`issue` will do, shown before issuing: the addendum's ``number``, its
    ``issued_on`` date, the closing date before and after (``closing_after`` differs
    when the addendum moves it or the Town's rule extends it), ``extended`` (the rule
    extends it), ``minimum_days`` (the Town's rule) and ``problems`` (English message
    ids with their parameters that stop the issue; empty when it can go); ``warnings``
    (the same, for what the issue would publish as it is but the Town should look at:
    a text in the other language, :func:`language_slips`, and a bid received on time
    that the closing moved earlier makes late, :func:`made_late`, those also in
    ``made_late``);
    ``workbook_before`` and ``workbook_after``: the version of the price workbook in
    force and after the issue (they differ when the addendum replaces it)."""

    number: int
    issued_on: str
    closing_before: str
    closing_after: str
    extended: bool
    minimum_days: int
    problems: tuple[tuple[str, dict[str, object]], ...] = ()
    workbook_before: str = ""
    workbook_after: str = ""
    warnings: tuple[tuple[str, dict[str, object]], ...] = ()
    made_late: tuple[tuple[str, dict[str, object]], ...] = ()

    @property
    def replaces_workbook(self) -> bool:
        """Whether issuing replaces the price workbook (a new version)."""
        return self.workbook_before != self.workbook_after


def minimum_days(project: Project) -> int:
    """The Town's minimum number of days between the last addendum and the closing."""
    from wizard.core.model.bounds import clamp

    return clamp("contract_data.last_addendum_days", project.contract_data.last_addendum_days)


AFTER_CLOSING = N_(
    "An addendum is issued before the closing: {date} is after the closing in force ({closing}). Issue it on or before that day."
)
"""The refusal of an issue dated after the closing in force (before the addendum's own
change: an addendum moving the closing later is still issued before the one bidders
know)."""
LATE_BID = N_(
    "The tender has closed: a bid was received at {received}, after the closing in force ({closing}). An addendum can no longer be issued."
)
"""The refusal of any issue once a bid is recorded as received after the closing in
force: the closing has passed, whatever date the addendum would bear."""
EVALUATING = N_(
    "The tender has closed ({closing}) and its bids are being evaluated (the envelopes opened, the quality scores locked or the award recorded). An addendum can no longer be issued."
)
"""The refusal of any issue once the evaluation has begun."""


def closing_named(project: Project) -> str:
    """The closing in force as a refusal names it: ``2027-03-08 14:00`` (its day alone
    without a time)."""
    return f"{project.info.closing_date} {project.info.closing_time}".strip()


def closed(pf: ProjectFile, bids: BidsRecord | None = None) -> list[tuple[str, dict[str, object]]]:
    """Why no addendum can be issued any more (empty while the tender is open): the
    envelopes opened, the quality scores locked or the award recorded
    (:data:`EVALUATING`), else a bid received after the closing in force
    (:data:`LATE_BID`). A bid received before the closing stops nothing: an addendum
    dated before the closing is then still due to every bidder. ``bids``: the bids
    record of ``pf`` when the caller has read it (``plan_issue``), else read here."""
    from wizard.core.bids.record import late_against
    from wizard.core.bids.record import read as read_bids
    from wizard.core.domain.timezones import closing_datetime

    if bids is None:
        bids = read_bids(pf)
    closing = closing_named(pf.project)
    if bids.opened or bids.locked or bids.award is not None:
        return [(EVALUATING, {"closing": closing})]
    deadline = closing_datetime(pf.project.info)
    for bid in bids.bids:  # the one rule of a late bid, the closing unknown stopping nothing
        if late_against(bid.received_at, False, deadline):
            return [(LATE_BID, {"received": bid.received_at, "closing": closing})]
    return []


MADE_LATE = N_(
    "Bid {bid} ({bidder}) was received at {received}, before the closing in force ({closing}); this addendum moves the closing earlier, to {after}, which makes that bid late: it would be kept on record and never opened."
)
"""The warning of an addendum moving the closing before a bid received on time."""


def made_late(project: Project, bids: BidsRecord, closing_after: str) -> list[tuple[str, dict[str, object]]]:
    """The bids received on time, not withdrawn, that the closing moved to the day
    ``closing_after`` (at the closing time in the town's zone) would make late, each as
    :data:`MADE_LATE` with its parameters: ``plan_issue`` warns of them before the issue
    and the check ``PR-ADDENDUM-MAKES-LATE`` on the draft (``checks/addenda.py``). A
    late bid is never opened, so the Town sees which bids before it issues. ``bids`` as
    ``bids.record.read`` gives them (each ``late`` against the closing in force of
    ``project``); only the lateness against the moved closing is computed here. Pure."""
    from wizard.core.bids.record import late_against
    from wizard.core.domain.timezones import closing_datetime

    now, after = (
        closing_datetime(project.info),
        closing_datetime(replace(project.info, closing_date=closing_after)),
    )
    if now is None or after is None or after >= now:
        return []
    return [
        (
            MADE_LATE,
            {
                "bid": bid.id,
                "bidder": bid.bidder.legal_name,
                "received": bid.received_at,
                "closing": closing_named(project),
                "after": f"{closing_after} {project.info.closing_time}".strip(),
            },
        )
        for bid in bids.bids
        if not bid.withdrawn
        and not bid.late  # derived by the record against the closing in force (``now``)
        and late_against(bid.received_at, False, after)
    ]


def plan_issue(pf: ProjectFile, /, *, addendum_id: int, issued_on: str) -> IssuePlan:
    """The :class:`IssuePlan` of issuing the draft ``addendum_id`` on ``issued_on``
    (reads only). Raises :class:`PublishingError` for no such draft. Its problems refuse
    an issue dated after the closing in force (:data:`AFTER_CLOSING`) and any issue once
    the tender has closed (:func:`closed`)."""
    addendum = _draft(pf, addendum_id)
    record = read(pf)
    project = pf.project
    problems: list[tuple[str, dict[str, object]]] = []
    day = valid_day(issued_on)
    if day is None:
        problems.append(no_day(issued_on))
        day = ""
    before = project.info.closing_date
    moved = next((c.new_fr for c in addendum.changes if c.field == "info.closing_date"), before)
    minimum = minimum_days(project)
    after, extended = moved, False
    if day:
        latest = [a.issued_on for a in record.issued] + [
            record.baseline.published_on if record.baseline else ""
        ]
        if max(latest) > day:
            problems.append(
                (
                    N_("An addendum cannot be dated before the last publication ({date})."),
                    {"date": max(latest)},
                )
            )
        if valid_day(before) and day > before:
            problems.append((AFTER_CLOSING, {"date": day, "closing": closing_named(project)}))
        required = (dt.date.fromisoformat(day) + dt.timedelta(days=minimum)).isoformat()
        if valid_day(moved) and moved < required:
            after, extended = required, True
    from wizard.core.bids.record import read as read_bids

    bids = read_bids(pf)  # once, on each keystroke of the issue's date in the app
    problems += closed(pf, bids)
    late = tuple(made_late(project, bids, after)) if valid_day(after) else ()
    changes = [c for c in addendum.changes if c.kind != "price_form"]
    workbook_before, workbook_after = workbook_in_force(record), workbook_version(amended(project, changes))
    if not addendum.questions and not changes and workbook_before == workbook_after:
        problems.append((N_("This addendum is empty: add a question and its answer, or a change."), {}))
    langs = tender_languages(project)
    for number, q in enumerate(addendum.questions, 1):
        for lang in langs:
            if not q.text("question", lang) or not q.text("answer", lang):
                problems.append(
                    (
                        N_(
                            "Question {number} needs its question and its answer in every tender language ({language})."
                        ),
                        {"number": number, "language": lang},
                    )
                )
                break
    number = 1 + max((a.number or 0 for a in record.issued), default=0)
    return IssuePlan(
        number,
        day,
        before,
        after,
        extended,
        minimum,
        tuple(problems),
        workbook_before,
        workbook_after,
        tuple(language_slips(project, addendum)) + late,
        late,
    )


def amended(project: Project, changes: list[Change]) -> Project:
    """A copy of ``project`` with ``changes`` made (dates and texts in each language), to
    tell before issuing what the issue will do; ``project`` is left as it is."""
    import copy

    from wizard.core.domain.addresses import parse_address
    from wizard.core.model import Translation

    result = copy.deepcopy(project)
    source = translatable.source_language(result)
    for change in changes:
        if change.kind == "date":
            section, name = change.field.split(".", 1)
            setattr(getattr(result, section), name, change.new_fr)
            continue
        if change.kind == "clause":
            _set_clause(result, change)
            continue
        if change.kind == "plan":
            item = result.find("publication_items", plan_item(change.field) or 0)
            if item is not None:
                item.planned_date = change.new_fr
            continue
        if change.kind != "text":
            continue
        where = parse_address(change.field)
        target = (
            getattr(result, where.kind) if where.row_id is None else result.find(where.kind, where.row_id)
        )
        if target is None:
            continue
        setattr(target, where.attribute, change.new(source))
        other = translatable.other_language(source)
        kept = [t for t in result.translations if not (t.address == change.field and t.lang == other)]
        next_id = 1 + max((t.id for t in result.translations), default=0)
        if change.new(other).strip():
            kept.append(Translation(id=next_id, address=change.field, lang=other, text=change.new(other)))
        result.translations = kept
    return result


def as_issued(project: Project, record: Record, number: int) -> Project:
    """``project`` (the project as amended by every issued addendum of ``record``) as it
    stood once addendum ``number`` was issued (0: as published), for what an issued
    addendum states: a copy with the changes of each later addendum undone, the last
    first, from the values before they recorded (:func:`undone`). ``project`` is left as
    it is; returned as it is when no later addendum was issued."""
    for addendum in reversed(record.issued):
        if (addendum.number or 0) <= number:
            break
        project = undone(project, addendum.changes)
    return project


def undone(project: Project, changes: tuple[Change, ...] | list[Change]) -> Project:
    """A copy of ``project`` with issued ``changes`` undone: each takes back the value
    it recorded before (``old_*``), a row of the publication plan issuing moved with the
    closing included (a ``plan`` change, stored at issue). Nothing is worked out: an
    addendum that stored no ``plan`` change (one issued before they were stored) moves
    no row back."""
    back = [
        replace(c, old_fr=c.new_fr, old_en=c.new_en, new_fr=c.old_fr, new_en=c.old_en)
        for c in reversed(changes)
        if c.kind != "price_form"
    ]
    return amended(project, back)


def issue(pf: ProjectFile, /, *, addendum_id: int, issued_on: str) -> Addendum:
    """Issue the draft ``addendum_id`` on ``issued_on`` (module docstring): the closing
    extended when the Town's rule requires it (a change added), every change applied
    to the project (its ``old_*`` values recorded), the ``tenderUpdate`` release built
    (``opendata.identity.tender_update`` of the previous published release, dated
    by the issue day, at its end in the town's zone, always after it), the number and date set, and the
    ``published`` marker journalled. All in one transaction; returns the issued
    addendum. Raises :class:`PublishingError` with the plan's first problem."""
    plan = plan_issue(pf, addendum_id=addendum_id, issued_on=issued_on)
    if plan.problems:
        text, params = plan.problems[0]
        raise PublishingError(text, **params)
    sections = {
        name: _copy(getattr(pf.project, name))
        for name in (
            "info",
            "problem",
            "scope",
            "evaluation",
            "contract_data",
            "criteria_settings",
            "publication",
        )
    }
    lists = {
        kind: list(pf.project.rows(kind))
        for kind in (
            "criteria",
            "scenarios",
            "quality_grid",
            "translations",
            "clause_choices",
            "publication_items",
        )
    }
    try:
        with pf.transaction(), pf.amending():
            if plan.extended:
                add_change(pf, addendum_id=addendum_id, field="info.closing_date", new_fr=plan.closing_after)
            addendum = read(pf).addendum(addendum_id)
            assert addendum is not None
            for change in addendum.changes:
                _apply(pf, change)
            _replace_workbook(pf, addendum_id)
            release = _release(pf, plan.number, plan.issued_on)
            pf.db.table("addenda").update(
                addendum_id,
                {
                    "number": plan.number,
                    "state": "issued",
                    "issued_on": plan.issued_on,
                    "release": json.dumps(release, ensure_ascii=False),
                },
            )
            pf.mark("published", {"addendum": plan.number})
    except BaseException:
        for name, section in sections.items():
            setattr(pf.project, name, section)
        for kind, rows in lists.items():
            setattr(pf.project, kind, rows)
        raise
    issued = read(pf).addendum(addendum_id)
    assert issued is not None
    return issued


def _set_clause(project: Project, change: Change) -> None:
    """Put a clause change's new bodies into ``project`` (a copy, :func:`amended`)."""
    import dataclasses

    from wizard.core.clauses import library
    from wizard.core.model import ClauseChoice

    clause_id = change.field.removeprefix(CLAUSE_PREFIX)
    texts = {f"custom_{lang}": change.new(lang) for lang in tender_languages(project)}
    choice = library.choice_for(project, clause_id)
    if choice is None:
        project.clause_choices.append(
            ClauseChoice(id=project.next_id("clause_choices"), clause_id=clause_id, included=True, **texts)
        )
    else:
        edited = dataclasses.replace(
            choice,
            custom_fr=texts.get("custom_fr", choice.custom_fr),
            custom_en=texts.get("custom_en", choice.custom_en),
        )
        project.clause_choices = [edited if c.id == choice.id else c for c in project.clause_choices]


def _replace_workbook(pf: ProjectFile, addendum_id: int) -> None:
    """Record a ``price_form`` change when the project, as amended now, lays out another
    price form than the one in force (module docstring)."""
    before, after = workbook_in_force(read(pf)), workbook_version(pf.project)
    pf.db.execute(
        "DELETE FROM addendum_changes WHERE addendum_id = ? AND kind = 'price_form'", (addendum_id,)
    )
    if before == after:
        return
    pf.db.table("addendum_changes").insert(
        {
            "addendum_id": addendum_id,
            "kind": "price_form",
            "field": PRICE_FORM,
            "old_fr": before,
            "old_en": before,
            "new_fr": after,
            "new_en": after,
        }
    )


def _copy(section: Any) -> Any:
    import dataclasses

    return dataclasses.replace(section)


def _apply(pf: ProjectFile, change: Change) -> None:
    """Record the value before and apply ``change`` to the project (through the store)."""
    from wizard.core import ops

    if change.kind in ("price_form", "plan"):  # recorded at issue, nothing to apply
        return
    project = pf.project
    old = {lang: current_text(project, change.field, lang) for lang in ("fr", "en")}
    pf.db.table("addendum_changes").update(change.id, {"old_fr": old["fr"], "old_en": old["en"]})
    if change.kind == "date":
        section, name = change.field.split(".", 1)
        pf.set_field(section, name, change.new_fr)
        if change.field == "info.closing_date":
            _move_opening_row(pf, change.addendum_id, old["fr"], change.new_fr)
        return
    if change.kind == "clause":
        from wizard.core.clauses import library

        clause_id = change.field.removeprefix(CLAUSE_PREFIX)
        texts = {f"custom_{lang}": change.new(lang) for lang in tender_languages(project)}
        choice = library.choice_for(project, clause_id)
        if choice is None:
            pf.add_row("clause_choices", clause_id=clause_id, included=True, **texts)
        else:
            pf.update_row("clause_choices", choice.id, **texts)
        return
    for lang in tender_languages(project):
        ops.set_translation(pf, address=change.field, lang=lang, text=change.new(lang))


MOVE_PLAN_ROWS = True
"""Whether issuing moves the plan's rows with the closing (:func:`_move_opening_row`);
tests switch it off to build a file as an earlier version issued it."""


def _move_opening_row(pf: ProjectFile, addendum_id: int, before: str, after: str) -> None:
    """Move the publication plan's "Bids received and the bidders" date along with the
    closing (``domain/publication_plan.moved_with_closing``): the bids are made public
    after the closing, so a row that followed the closing an addendum moves still follows
    it (V-BIDS-DATE would otherwise ask the Town to type a date on a page a published
    tender no longer lets it edit, and outside Québec the amended tender promised the
    bids before the closing). A row typed otherwise stays as typed. Each row moved is
    stored as a ``plan`` change of addendum ``addendum_id`` (its days before and after):
    the addendum lists it, ``addenda.csv`` and ``undone`` read it, never a guess."""
    from wizard.core.domain.publication_plan import moved_with_closing

    if not MOVE_PLAN_ROWS:
        return
    for item in list(pf.project.publication_items):
        moved = moved_with_closing(pf.project, item, before, after)
        if moved is None or moved == item.planned_date:
            continue
        field = plan_field(item.id)
        pf.db.execute(
            "DELETE FROM addendum_changes WHERE addendum_id = ? AND field = ?", (addendum_id, field)
        )
        pf.db.table("addendum_changes").insert(
            {
                "addendum_id": addendum_id,
                "kind": "plan",
                "field": field,
                "old_fr": item.planned_date,
                "old_en": item.planned_date,
                "new_fr": moved,
                "new_en": moved,
            }
        )
        pf.update_row("publication_items", item.id, planned_date=moved)


def _release(pf: ProjectFile, number: int, issued_on: str) -> dict[str, Any]:
    """The ``tenderUpdate`` release of addendum ``number``: the project as amended now,
    amending the latest published release, dated by the issue day ``issued_on`` at its
    end in the town's zone (``opendata.milestones``: a day on which something
    happened), at least a second after the release it amends."""
    from wizard.core.opendata.identity import tender_update
    from wizard.core.opendata.release import build_package
    from wizard.core.textclean import clean_project

    record = read(pf)
    assert record.baseline is not None
    previous = record.issued[-1].release_data() if record.issued else record.baseline.release_data()
    when = parse_moment(end_of(pf.project.info, issued_on))
    last = parse_moment(previous.get("date"))
    assert when is not None
    if last is not None and when <= last:
        when = last + dt.timedelta(seconds=1)
    stamp = when.astimezone(dt.timezone.utc).isoformat(timespec="seconds")
    current = build_package(clean_project(pf.project), stamp)["releases"][0]
    return tender_update(previous, current, f"Addendum {number}")
