"""The evaluation as the committee and the jury enter it (issue 22, docs/bids.md,
"Evaluation entry").

* :func:`set_mandatory` — a mandatory criterion passed or failed by a bid, with the
  evidence;
* :func:`set_verification` — the technical committee's verification of a scenario for
  a bid (confirmed, refuted, pending), its notes and date;
* :func:`set_sheet_score` — one jury member's points for an optional criterion, on
  their own sheet, with the reason; :func:`set_consensus` — the points agreed;
* :func:`set_grid_sheet_score` / :func:`set_grid_consensus` — under Québec's statutory
  weighted system (``evaluation.quebec_weighted``), the same for an item of the quality
  grid (``project.quality_grid``), its points from 0 to the item's points;
* :func:`lock_quality` — the quality scores are final: nothing above changes after it,
  and only then may the price envelopes be opened where the method separates quality
  and price;
* :func:`set_award` — the award, after the opening.

Each entry replaces the previous one for the same bid and criterion (and member).
Points are within ``0..``:data:`MAX_POINTS` (an optional criterion is worth exactly
one point, as the tender says), or ``0..`` the item's points on the grid; a bid received late is never evaluated. Every function
raises :class:`~wizard.core.bids.BidsError` (nothing saved) and the store's
``ReadOnlyFile`` / ``WriteFailed``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import Any

from wizard.core.bids import BidsError
from wizard.core.bids.award_rule import NOT_TOP, needs_reason, refusal
from wizard.core.bids.award_rule import contract_value as award_value
from wizard.core.bids.common import amount, bid_of, free_text, moment, now, published_record, writing
from wizard.core.bids.intake import closing, town_example
from wizard.core.bids.record import VERIFICATION_RESULTS, Award, Bid, BidsRecord
from wizard.core.bids.scoring_input import missing_scores, missing_text
from wizard.core.contract.entries import ENTRY_KINDS
from wizard.core.i18n import N_
from wizard.core.i18n.formats import no_day
from wizard.core.model.entities import QualityGridItem
from wizard.core.opendata.milestones import valid_day
from wizard.core.project_file.store import ProjectFile

LOCK_MISSING = N_(
    "The quality scores cannot be locked while scores are missing: once locked, none can be "
    "entered. Still missing (the consensus points, or a mandatory criterion's result): {missing}."
)
"""The lock's refusal while the evaluation is incomplete (walk 2026-12-07, defect 1)."""

MAX_POINTS = 1
"""Points of one optional criterion (SPEC: optional criteria are worth exactly one point)."""


def _open_for_scores(pf: ProjectFile, bid_id: int) -> tuple[BidsRecord, Bid]:
    record = published_record(pf)
    bid = bid_of(record, bid_id)
    if bid.late:
        raise BidsError(N_("This bid was received late: it is not evaluated."))
    if record.locked:
        raise BidsError(
            N_("The quality scores are locked ({moment}): they can no longer change."),
            moment=record.quality_locked_at,
        )
    return record, bid


def _criterion(pf: ProjectFile, criterion_id: int, kind: str) -> None:
    found = next((c for c in pf.project.criteria if c.id == criterion_id), None)
    if found is None or found.kind != kind:
        if kind == "mandatory":
            raise BidsError(N_("There is no mandatory criterion {id} in the tender."), id=criterion_id)
        raise BidsError(N_("There is no optional criterion {id} in the tender."), id=criterion_id)


def _points(points: int | None) -> int | None:
    if points is None:
        return None
    if isinstance(points, bool) or not isinstance(points, int) or not 0 <= points <= MAX_POINTS:
        raise BidsError(
            N_("Points must be a whole number between 0 and {max} (given: {value})."),
            max=MAX_POINTS,
            value=points,
        )
    return points


def set_mandatory(
    pf: ProjectFile, /, bid_id: int, criterion_id: int, passed: bool | None, evidence: str | None = None
) -> None:
    """Record whether bid ``bid_id`` meets mandatory criterion ``criterion_id``
    (``None``: not assessed yet) and where the bid shows it (``evidence`` ``None``: keep
    what the entry holds, as a correction of the result alone; '' clears it). Raises
    :class:`BidsError`."""
    record, _bid = _open_for_scores(pf, bid_id)
    _criterion(pf, criterion_id, "mandatory")
    if evidence is None:
        before = next(
            (m for m in record.mandatory if m.bid_id == bid_id and m.criterion_id == criterion_id), None
        )
        evidence = before.evidence if before is not None else ""
    evidence = free_text(evidence, "evidence")
    with writing(pf, "set_mandatory", bid=bid_id, criterion=criterion_id, passed=passed):
        pf.db.execute(
            "DELETE FROM mandatory_results WHERE bid_id = ? AND criterion_id = ?", (bid_id, criterion_id)
        )
        pf.db.table("mandatory_results").insert(
            {
                "bid_id": bid_id,
                "criterion_id": criterion_id,
                "passed": None if passed is None else int(passed),
                "evidence": evidence.strip(),
            }
        )


VALUE_REFUSED = N_(
    "The contract value is an amount in dollars, 0 or more, with at most two decimals, typed "
    "as {forms}: “{value}” is not one."
)
"""The award's value refused (read as every amount typed: :func:`.common.amount`)."""

VERIFIED_BEFORE_CLOSING = N_(
    "A verification follows the closing, when the bids are opened: {day} is before the closing ({closing})."
)
"""The refusal of a verification dated before the closing (walk 2026-12-07, defect 4):
no bid can be verified before it is opened, so such a date is a typing error, and a
record dated so would tell the auditor a bid was examined before the closing."""

KEEP = object()
"""A value left out of :func:`set_verification`: the entry keeps what it holds."""


def set_verification(
    pf: ProjectFile,
    /,
    bid_id: int,
    scenario_id: int,
    result: str,
    notes: str | None = None,
    verified_on: str | None = None,
    committee_member_id: int | None | object = KEEP,
) -> None:
    """Record the committee's verification of scenario ``scenario_id`` for a bid:
    ``result`` ``confirmed``, ``refuted`` or ``pending``; ``verified_on`` YYYY-MM-DD or
    '', not before the closing's day (:data:`VERIFIED_BEFORE_CLOSING`);
    ``committee_member_id`` a member of the committee, or ``None`` for the committee as a
    whole. ``notes`` / ``verified_on`` ``None`` and ``committee_member_id`` left out keep
    what the entry holds (empty for a first one): a correction of the result never erases
    the notes, as ``set_award`` keeps what it is not given. Raises :class:`BidsError`."""
    record, _bid = _open_for_scores(pf, bid_id)
    if not any(s.id == scenario_id for s in pf.project.scenarios):
        raise BidsError(N_("There is no scenario {id} in the tender."), id=scenario_id)
    if result not in VERIFICATION_RESULTS:
        raise BidsError(N_("A verification is confirmed, refuted or pending (given: {value})."), value=result)
    before = next(
        (v for v in record.verifications if v.bid_id == bid_id and v.scenario_id == scenario_id), None
    )
    notes = (before.notes if before is not None else "") if notes is None else notes
    verified_on = (before.verified_on if before is not None else "") if verified_on is None else verified_on
    if committee_member_id is KEEP:
        committee_member_id = before.committee_member_id if before is not None else None
    if verified_on.strip() and valid_day(verified_on) is None:
        text, params = no_day(verified_on)
        raise BidsError(text, **params)
    if verified_on.strip():
        closes = closing(pf)
        if verified_on.strip() < closes.date().isoformat():
            raise BidsError(
                VERIFIED_BEFORE_CLOSING, day=verified_on.strip(), closing=closes.date().isoformat()
            )
    if committee_member_id is not None and not any(m.id == committee_member_id for m in pf.project.committee):
        raise BidsError(
            NO_COMMITTEE_MEMBER, id=committee_member_id, members=members_text(pf.project.committee)
        )
    notes = free_text(notes, "verification_notes")
    with writing(pf, "set_verification", bid=bid_id, scenario=scenario_id, result=result):
        pf.db.execute(
            "DELETE FROM scenario_verifications WHERE bid_id = ? AND scenario_id = ?", (bid_id, scenario_id)
        )
        pf.db.table("scenario_verifications").insert(
            {
                "bid_id": bid_id,
                "scenario_id": scenario_id,
                "result": result,
                "notes": notes.strip(),
                "verified_on": verified_on.strip(),
                "committee_member_id": committee_member_id,
            }
        )


NO_JURY_MEMBER = N_("There is no member {id} of the selection committee; its members: {members}.")
NO_COMMITTEE_MEMBER = N_("There is no member {id} of the technical committee; its members: {members}.")
"""The refusal of an unknown member, the valid ones listed (walk 2026-12-07 on the
command line: "There is no member 9" left the user to guess)."""


def members_text(members: Iterable[Any]) -> str:
    """The members a refusal lists, by the number the entries take and their name:
    "1 (Ada Lovelace), 2 (Alan Turing)"; "—" for none."""
    shown = [f"{m.id} ({' '.join(m.name.split())})" if m.name.strip() else str(m.id) for m in members]
    return ", ".join(shown) or "—"


def set_sheet_score(
    pf: ProjectFile,
    /,
    bid_id: int,
    jury_member_id: int,
    criterion_id: int,
    points: int | None,
    reason: str | None = None,
) -> None:
    """Record a jury member's points for an optional criterion of a bid, on their own
    sheet, with the reason (``points`` ``None``: not scored yet; ``reason`` ``None``:
    the entry's reason kept). Raises
    :class:`BidsError`: points outside ``0..MAX_POINTS``, an unknown member or
    criterion, a late bid, the scores locked."""
    record, _bid = _open_for_scores(pf, bid_id)
    if not any(m.id == jury_member_id for m in pf.project.jury):
        raise BidsError(NO_JURY_MEMBER, id=jury_member_id, members=members_text(pf.project.jury))
    _criterion(pf, criterion_id, "optional")
    value = _points(points)
    reason = _kept_reason(
        reason, record.sheets, bid_id=bid_id, jury_member_id=jury_member_id, criterion_id=criterion_id
    )
    reason = free_text(reason, "reason")
    with writing(
        pf, "set_sheet_score", bid=bid_id, member=jury_member_id, criterion=criterion_id, points=value
    ):
        pf.db.execute(
            "DELETE FROM sheet_scores WHERE bid_id = ? AND jury_member_id = ? AND criterion_id = ?",
            (bid_id, jury_member_id, criterion_id),
        )
        pf.db.table("sheet_scores").insert(
            {
                "bid_id": bid_id,
                "jury_member_id": jury_member_id,
                "criterion_id": criterion_id,
                "points": value,
                "reason": reason.strip(),
            }
        )


def set_consensus(
    pf: ProjectFile, /, bid_id: int, criterion_id: int, points: int | None, reason: str | None = None
) -> None:
    """Record the points the jury agreed for an optional criterion of a bid, with the
    reason. Raises :class:`BidsError` as :func:`set_sheet_score`."""
    record, _bid = _open_for_scores(pf, bid_id)
    _criterion(pf, criterion_id, "optional")
    value = _points(points)
    reason = free_text(
        _kept_reason(reason, record.consensus, bid_id=bid_id, criterion_id=criterion_id), "reason"
    )
    with writing(pf, "set_consensus", bid=bid_id, criterion=criterion_id, points=value):
        pf.db.execute(
            "DELETE FROM consensus_scores WHERE bid_id = ? AND criterion_id = ?", (bid_id, criterion_id)
        )
        pf.db.table("consensus_scores").insert(
            {"bid_id": bid_id, "criterion_id": criterion_id, "points": value, "reason": reason.strip()}
        )


def _kept_reason(reason: str | None, rows: Iterable[Any], **key: int) -> str:
    """``reason``, or with ``None`` the reason of the entry of ``rows`` that matches
    ``key`` (its fields), '' when there is none: a correction of the points alone keeps
    the reason, as ``set_award`` keeps what it is not given."""
    if reason is not None:
        return reason
    found = next((r for r in rows if all(getattr(r, k) == v for k, v in key.items())), None)
    return found.reason if found is not None else ""


def _grid_item(pf: ProjectFile, item_id: int) -> QualityGridItem:
    """The grid item ``item_id`` of a tender under Québec's statutory system; raises
    :class:`BidsError` outside it or for an unknown item."""
    if not pf.project.evaluation.quebec_weighted:
        raise BidsError(
            N_("The tender does not use Québec's weighted system: it has no quality grid to score.")
        )
    found = next((i for i in pf.project.quality_grid if i.id == item_id), None)
    if found is None:
        raise BidsError(N_("There is no item {id} in the quality grid of the tender."), id=item_id)
    return found


def _grid_points(item: QualityGridItem, points: int | None) -> int | None:
    if points is None:
        return None
    if isinstance(points, bool) or not isinstance(points, int) or not 0 <= points <= max(item.points, 0):
        raise BidsError(
            N_("Points on “{item}” must be a whole number between 0 and {max} (given: {value})."),
            item=" ".join(item.label.split()) or f"#{item.id}",
            max=max(item.points, 0),
            value=points,
        )
    return points


def set_grid_sheet_score(
    pf: ProjectFile,
    /,
    bid_id: int,
    jury_member_id: int,
    item_id: int,
    points: int | None,
    reason: str | None = None,
) -> None:
    """Québec's statutory system: record a selection committee member's points for item
    ``item_id`` of the quality grid for a bid, on their own sheet, with the reason
    (``points`` ``None``: not scored yet). Each member scores each bid individually
    before the consensus (the statute's committee; ``resources/legal/quebec.json``,
    ``min_committee``). Raises :class:`BidsError`: a tender without the statutory system,
    an unknown member or item, points outside ``0..`` the item's points, a late bid, the
    scores locked."""
    record, _bid = _open_for_scores(pf, bid_id)
    if not any(m.id == jury_member_id for m in pf.project.jury):
        raise BidsError(NO_JURY_MEMBER, id=jury_member_id, members=members_text(pf.project.jury))
    value = _grid_points(_grid_item(pf, item_id), points)
    reason = _kept_reason(
        reason, record.grid_sheets, bid_id=bid_id, jury_member_id=jury_member_id, item_id=item_id
    )
    reason = free_text(reason, "reason")
    with writing(pf, "set_grid_sheet_score", bid=bid_id, member=jury_member_id, item=item_id, points=value):
        pf.db.execute(
            "DELETE FROM grid_sheet_scores WHERE bid_id = ? AND jury_member_id = ? AND item_id = ?",
            (bid_id, jury_member_id, item_id),
        )
        pf.db.table("grid_sheet_scores").insert(
            {
                "bid_id": bid_id,
                "jury_member_id": jury_member_id,
                "item_id": item_id,
                "points": value,
                "reason": reason.strip(),
            }
        )


def set_grid_consensus(
    pf: ProjectFile, /, bid_id: int, item_id: int, points: int | None, reason: str | None = None
) -> None:
    """Québec's statutory system: record the points the selection committee agreed for
    item ``item_id`` of the quality grid for a bid, with the reason; the interim score is
    the total of these points. Raises :class:`BidsError` as :func:`set_grid_sheet_score`."""
    record, _bid = _open_for_scores(pf, bid_id)
    value = _grid_points(_grid_item(pf, item_id), points)
    reason = free_text(_kept_reason(reason, record.grid_consensus, bid_id=bid_id, item_id=item_id), "reason")
    with writing(pf, "set_grid_consensus", bid=bid_id, item=item_id, points=value):
        pf.db.execute("DELETE FROM grid_consensus_scores WHERE bid_id = ? AND item_id = ?", (bid_id, item_id))
        pf.db.table("grid_consensus_scores").insert(
            {"bid_id": bid_id, "item_id": item_id, "points": value, "reason": reason.strip()}
        )


LOCK_BEFORE_CLOSING = N_("The quality scores cannot be locked before the closing.")
"""The refusal of a lock dated before the closing (the command line adds its ``--at``)."""


def lock_quality(pf: ProjectFile, /, *, locked_by: str = "", at: str = "") -> str:
    """Lock the quality scores (module docstring) at ``at`` (ISO 8601 with offset;
    default now); returns the moment recorded. Raises :class:`BidsError`: no bid, already
    locked, the envelopes already opened, a moment before the closing, and
    :data:`LOCK_MISSING` while a bid evaluated lacks a score the lock would freeze
    (:func:`~wizard.core.bids.scoring_input.missing_scores`: a mandatory result, the
    consensus on an optional criterion or a grid item), naming each bid and what it
    lacks: locked so, the bid could never be ranked (``BD-LOCKED-UNSCORED``)."""
    record = published_record(pf)
    if not record.bids:
        raise BidsError(N_("There is no bid to evaluate."))
    if record.locked:
        raise BidsError(
            N_("The quality scores are locked ({moment}): they can no longer change."),
            moment=record.quality_locked_at,
        )
    if record.opened:
        raise BidsError(N_("The price envelopes are already open."))
    when = at.strip() or now()
    if moment(when, example=town_example(pf, when)) < closing(pf):
        raise BidsError(LOCK_BEFORE_CLOSING)
    missing = missing_scores(pf.project, record)
    if missing:
        raise BidsError(LOCK_MISSING, missing=missing_text(pf.project, missing))
    locked_by = free_text(locked_by, "locked_by")
    with writing(pf, "lock_quality", at=when):
        pf.db.table("quality_lock").insert({"id": 1, "locked_at": when, "locked_by": locked_by.strip()})
    return when


def _day(value: str) -> str:
    if value.strip() and valid_day(value) is None:
        text, params = no_day(value)
        raise BidsError(text, **params)
    return value.strip()


FOLLOW_UP_HELD = N_(
    "The contract's follow-up holds entries ({entries}): remove them first (Contract follow-up, or "
    "“contract remove”) before withdrawing the award or awarding another bid."
)
SIGNED_ON_HELD = N_(
    "The contract's follow-up holds entries ({entries}): the day the contract was signed cannot be "
    "erased, as the follow-up rests on it; correct it with another date."
)
"""The refusal of an award that erases the day of signature while the follow-up holds
entries: without it the contract's follow-up is hidden (``contract``), its payments,
amendments, reports and incidents with it."""


def follow_up_entries(pf: ProjectFile) -> list[str]:
    """The contract's follow-up entries, numbered as ``contract show`` lists them (A1,
    R2, I3, P4): amendments, performance reports, incidents, payments."""
    return [
        kind.number(row[0])
        for kind in ENTRY_KINDS
        for row in pf.db.execute(f'SELECT id FROM "{kind.table}" ORDER BY id')
    ]


DECISION_FIELDS = ("resolution_number", "resolution_date", "awarded_on", "contract_signed_on")
"""The award's fields that belong to one decision (:func:`set_award` drops them with it)."""


def dropped_with_decision(before: Award | None, bid_id: int | None, given: Mapping[str, object]) -> list[str]:
    """The fields of :data:`DECISION_FIELDS` (and ``reason_if_not_top``) that ``before``
    holds and an award of ``bid_id`` drops: the bid changes and ``given`` (field → value,
    ``None`` when left out) does not restate them. Empty for the same bid or no award."""
    if before is None or before.bid_id == bid_id:
        return []
    fields = ("reason_if_not_top",) + DECISION_FIELDS
    return [f for f in fields if getattr(before, f) and given.get(f) is None]


AWARDED_BEFORE_CLOSING = N_(
    "The day of the award, {day}, is before the closing of the call for tenders on {closing}: an award "
    "is decided once the bids are received and opened. Correct the date."
)
RESOLVED_BEFORE_CLOSING = N_(
    "The resolution's date, {day}, is before the closing of the call for tenders on {closing}: council "
    "decides the award once the bids are received and opened. Correct the date."
)


def _decided_after_closing(pf: ProjectFile, *, awarded_on: str = "", resolution_date: str = "") -> None:
    """Refuse a day of decision given (``awarded_on``, ``resolution_date``: YYYY-MM-DD,
    '' when not given) before the day of the closing in force, in the town's zone (review
    2026-12-07: a notice of award dated January 1 for a bid received April 16). Nothing
    when the closing is not known; the day of the closing itself is allowed."""
    from wizard.core.opendata.awards import closing_day

    end = closing_day(pf.project)
    for day, text in ((awarded_on, AWARDED_BEFORE_CLOSING), (resolution_date, RESOLVED_BEFORE_CLOSING)):
        if day and end and day < end:
            raise BidsError(text, day=day, closing=end)


def _check_not_set_aside(pf: ProjectFile, record: BidsRecord, bid_id: int) -> None:
    """Raise :class:`BidsError` when the published rules set bid ``bid_id`` aside
    (:func:`.award_rule.refusal`, the rule the app's award panel offers its bids by)."""
    found = refusal(pf.project, record, bid_id)
    if found is not None:
        raise BidsError(found.text, **found.params)


def set_award(
    pf: ProjectFile,
    /,
    bid_id: int | None,
    *,
    reason_if_not_top: str | None = None,
    resolution_number: str | None = None,
    resolution_date: str | None = None,
    signatory: str | None = None,
    delegated_authority: str | None = None,
    standstill_days: int | None = None,
    awarded_on: str | None = None,
    contract_signed_on: str | None = None,
    contract_value: Decimal | str | None = None,
) -> None:
    """Record the award: the bid (``None``: no award), the written reason when it is not
    the top-ranked bid, council's resolution, who signs and under which delegated
    authority, the standstill period (days), the dates (YYYY-MM-DD) and the contract
    value (CAD before taxes; left out: the awarded bid's evaluated price, kept while the
    same bid stays awarded; '' sets it back to that price: :func:`.award_rule.contract_value`).

    A field left ``None`` keeps what the award already holds (empty for a first award):
    a correction changes only the fields it gives, so a second ``award`` never erases
    the signed contract the follow-up rests on. The reason, the resolution (number and
    date), the award's day and the signature's belong to the decision: when the bid
    changes (or becomes ``None``) and they are not given, the former ones are dropped
    (:func:`dropped_with_decision` names them); the signatory, the authority and the
    standstill period are the Town's and are kept. Raises
    :class:`BidsError`: before the opening, a bid that was not opened, a change of the
    awarded bid or no award while the contract's follow-up
    holds entries (:data:`FOLLOW_UP_HELD`: its payments, amendments, reports and
    incidents would be hidden, and come back on a later award), the day of signature
    erased while it holds entries (:data:`SIGNED_ON_HELD`), a bid the published rules
    set aside (:func:`.award_rule.refusal`), a bid the
    evaluation does not rank first without a reason (:mod:`.award_rule`, ``NOT_TOP``), a
    date that is not one, a day of award or a resolution's date given before the closing's
    day (:data:`AWARDED_BEFORE_CLOSING`, :data:`RESOLVED_BEFORE_CLOSING`), a negative
    period or value."""
    record = published_record(pf)
    if not record.opened:
        raise BidsError(N_("Open the price envelopes before recording the award."))
    if bid_id is not None and not bid_of(record, bid_id).opened:
        _check_not_set_aside(pf, record, bid_id)  # why it was not opened: late, below the threshold …
    before = record.award or Award(None)
    if before.bid_id is not None and bid_id != before.bid_id:
        entries = follow_up_entries(pf)
        if entries:
            raise BidsError(FOLLOW_UP_HELD, entries=", ".join(entries))
    if bid_id is not None:
        _check_not_set_aside(pf, record, bid_id)
    if standstill_days is not None and (
        isinstance(standstill_days, bool) or not isinstance(standstill_days, int) or standstill_days < 0
    ):
        raise BidsError(N_("The standstill period is a number of days, 0 or more."))
    value: str | None = None  # the value left out: award_rule.contract_value decides
    if contract_value is not None:
        typed = amount(contract_value, VALUE_REFUSED)
        value = "" if typed is None else str(typed)

    def kept(given: str | None, current: str, day: bool = False, which: str = "") -> str:
        if given is None:
            return current
        return _day(given) if day else free_text(given, which).strip()

    reason = kept(
        reason_if_not_top,
        before.reason_if_not_top if before.bid_id == bid_id else "",
        which="reason_if_not_top",
    )
    if needs_reason(pf.project, record, bid_id, reason):
        raise BidsError(NOT_TOP)
    # The resolution and the days belong to a decision: another bid (or none) is a new
    # decision, and the former one's are not carried to it (a record would otherwise
    # quote the resolution that awarded bid 2 as the one that decided not to award).
    same = before.bid_id == bid_id
    row = {
        "id": 1,
        "bid_id": bid_id,
        "reason_if_not_top": reason,
        "resolution_number": kept(
            resolution_number, before.resolution_number if same else "", which="resolution_number"
        ),
        "resolution_date": kept(resolution_date, before.resolution_date if same else "", day=True),
        "signatory": kept(signatory, before.signatory, which="signatory"),
        "delegated_authority": kept(
            delegated_authority, before.delegated_authority, which="delegated_authority"
        ),
        "standstill_days": before.standstill_days if standstill_days is None else standstill_days,
        "awarded_on": kept(awarded_on, before.awarded_on if same else "", day=True),
        "contract_signed_on": kept(contract_signed_on, before.contract_signed_on if same else "", day=True),
        "contract_value": award_value(record, before, bid_id, value),
    }
    _decided_after_closing(
        pf,
        awarded_on=str(row["awarded_on"]) if awarded_on is not None else "",
        resolution_date=str(row["resolution_date"]) if resolution_date is not None else "",
    )
    if before.contract_signed_on and not row["contract_signed_on"]:
        entries = follow_up_entries(pf)
        if entries:
            raise BidsError(SIGNED_ON_HELD, entries=", ".join(entries))
    with writing(pf, "set_award", bid=bid_id):
        pf.db.execute("DELETE FROM award")
        pf.db.table("award").insert(row)
