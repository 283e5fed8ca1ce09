"""The bids received and their evaluation, as the project file holds them (schemas 6
and 8).

:func:`read` returns a :class:`BidsRecord`: the bids (each with its bidder), the
mandatory results, the committee's scenario verifications, the jury's sheets and the
consensus (on the optional criteria, and under Québec's statutory system on the items of
the quality grid), the moment the quality scores were locked, the opening of the price
envelopes and the award. Reads only.

**Sealed prices.** A bid's workbook is kept sealed from intake (bytes and SHA-256,
``sealed_workbooks``); its amounts exist in the file only once the price envelopes are
opened (``opened_amounts``, written by :mod:`wizard.core.bids.opening`). Before that,
:attr:`Bid.amounts` and :attr:`Bid.evaluated_price` are ``None``, and no function of
the core returns a sealed workbook's bytes or figures (the only reader of the bytes is
the opening). Principle: the price must not colour the quality scores (two envelopes;
the guide's separation of quality and price).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from wizard.core.project_file.store import ProjectFile

VerificationResult = Literal["confirmed", "refuted", "pending"]
VERIFICATION_RESULTS: tuple[VerificationResult, ...] = ("confirmed", "refuted", "pending")


@dataclass(frozen=True)
class Bidder:
    """Who bids: the legal name, the business number (CRA's BN or the province's
    registry number, as written on the form), the address and a contact."""

    legal_name: str = ""
    business_number: str = ""
    address: str = ""
    contact_name: str = ""
    contact_email: str = ""
    contact_phone: str = ""


@dataclass(frozen=True)
class Bid:
    """One bid received.

    ``received_at``: ISO 8601 with its offset; ``late``: received after the closing in
    force, derived when the record is read (:func:`late_against`: an addendum moving the
    closing, or the time corrected, changes it; never opened); ``withdrawn``: withdrawn by the bidder
    before the closing (never opened); ``rejected``: why the bid was set aside before the
    opening ('' = not rejected; never opened); ``acknowledged_addenda``: the numbers of
    the issued addenda the bidder acknowledges, sorted; ``trade_secret``: the bidder's
    designation from the form ('' = none); ``publish_names``: personal names may be
    published (opt-in); ``response_form``: the response form was received;
    ``workbook_sha256``: the fingerprint of the price workbook at intake ('' = none
    received); ``workbook_version``: the price form's version read at opening ('' before);
    ``amounts``: line key → CAD before taxes (a recurring line: the sum of its years),
    ``None`` while sealed; ``yearly``: line key → each cell as written (``None`` for a
    blank), ``None`` while sealed; ``evaluated_price``: recomputed in the core at opening,
    ``None`` while sealed."""

    id: int
    bidder: Bidder
    received_at: str
    late: bool
    withdrawn: bool
    acknowledged_addenda: tuple[int, ...]
    trade_secret: str
    publish_names: bool
    workbook_sha256: str
    workbook_version: str
    amounts: Mapping[str, Decimal] | None
    evaluated_price: Decimal | None
    rejected: str = ""
    response_form: bool = False
    notes: str = ""
    bidder_id: int = 0
    yearly: Mapping[str, tuple[Decimal | None, ...]] | None = None

    @property
    def opened(self) -> bool:
        """Whether its price workbook was opened (its figures are known)."""
        return self.evaluated_price is not None

    @property
    def openable(self) -> bool:
        """Whether the opening reads its workbook: on time, not withdrawn nor rejected,
        with a workbook."""
        return not (self.late or self.withdrawn or self.rejected) and bool(self.workbook_sha256)


@dataclass(frozen=True)
class MandatoryResult:
    """A mandatory criterion assessed for a bid: ``passed`` ``None`` = not assessed yet;
    ``evidence``: where the bid shows it (a page, a document, a scenario session)."""

    bid_id: int
    criterion_id: int
    passed: bool | None
    evidence: str


@dataclass(frozen=True)
class ScenarioVerification:
    """The technical committee's verification of a scenario for a bid: ``verified_on``
    YYYY-MM-DD ('' = not yet), ``committee_member_id`` who reports it (``None``: the
    committee as a whole)."""

    bid_id: int
    scenario_id: int
    result: VerificationResult
    notes: str
    verified_on: str
    committee_member_id: int | None


@dataclass(frozen=True)
class SheetScore:
    """One jury member's points for an optional criterion of a bid, on their own sheet,
    with the reason (``points`` ``None`` = not scored yet)."""

    bid_id: int
    jury_member_id: int
    criterion_id: int
    points: int | None
    reason: str


@dataclass(frozen=True)
class ConsensusScore:
    """The jury's agreed points for an optional criterion of a bid, with the reason."""

    bid_id: int
    criterion_id: int
    points: int | None
    reason: str


@dataclass(frozen=True)
class GridSheetScore:
    """Québec's statutory system: one selection committee member's points for an item
    of the quality grid (``project.quality_grid``) for a bid, on their own sheet, with
    the reason (``points`` from 0 to the item's points; ``None`` = not scored yet)."""

    bid_id: int
    jury_member_id: int
    item_id: int
    points: int | None
    reason: str


@dataclass(frozen=True)
class GridConsensusScore:
    """Québec's statutory system: the committee's agreed points for an item of the
    quality grid for a bid, with the reason."""

    bid_id: int
    item_id: int
    points: int | None
    reason: str


@dataclass(frozen=True)
class Opening:
    """The opening of the price envelopes: ``opened_at`` (ISO 8601 with offset), who
    opened them, the witnesses, and each opened bid's workbook fingerprint (bid id →
    SHA-256, equal to its intake fingerprint: the opening refuses any other)."""

    opened_at: str
    opened_by: str
    witnesses: str
    fingerprints: Mapping[int, str]


@dataclass(frozen=True)
class Award:
    """The award: the bid (``None`` = no award), the written reason when it is not the
    top-ranked bid, council's resolution (number, date YYYY-MM-DD), who signs and under
    which delegated authority, the standstill period in days (0 = none), the award and
    contract signature dates (YYYY-MM-DD), the contract value (CAD before taxes)."""

    bid_id: int | None
    reason_if_not_top: str = ""
    resolution_number: str = ""
    resolution_date: str = ""
    signatory: str = ""
    delegated_authority: str = ""
    standstill_days: int = 0
    awarded_on: str = ""
    contract_signed_on: str = ""
    contract_value: Decimal | None = None


@dataclass(frozen=True)
class BidsRecord:
    """Everything the file holds about the bids (module docstring). ``quality_locked_at``:
    ISO 8601 moment the quality scores were locked ('' = not locked); ``grid_sheets`` /
    ``grid_consensus``: the points on Québec's quality grid (schema 8); ``removed``: the
    numbers of the bids removed as entered by mistake, in order, as the journal keeps
    them (``intake.removed_numbers``; a highest number removed too)."""

    bids: tuple[Bid, ...] = ()
    mandatory: tuple[MandatoryResult, ...] = ()
    verifications: tuple[ScenarioVerification, ...] = ()
    sheets: tuple[SheetScore, ...] = ()
    consensus: tuple[ConsensusScore, ...] = ()
    quality_locked_at: str = ""
    opening: Opening | None = None
    award: Award | None = None
    quality_locked_by: str = field(default="")
    grid_sheets: tuple[GridSheetScore, ...] = ()
    grid_consensus: tuple[GridConsensusScore, ...] = ()
    removed: tuple[int, ...] = ()

    @property
    def locked(self) -> bool:
        return bool(self.quality_locked_at)

    @property
    def opened(self) -> bool:
        return self.opening is not None

    def bid(self, bid_id: int) -> Bid | None:
        return next((b for b in self.bids if b.id == bid_id), None)


def acknowledgement_read(bid: Bid, two_envelopes: bool) -> bool:
    """Whether the Town has read ``bid``'s acknowledgement of the addenda: the tender has
    each bidder acknowledge them in its form of offer (Form 1, ``documents/tender_forms``),
    which a late or withdrawn bid never has opened; under two envelopes (Québec's weighted
    system, ``evaluation.quebec_weighted``) Form 1 is in the price envelope 2
    (``tender_instructions._content``), read only once that envelope is opened
    (``bid.opened``), never for a bid whose envelope stays sealed. The evaluation report
    prints the addenda acknowledged, and ``BD-UNACKNOWLEDGED`` judges them, only then
    (walk 2026-12-07, item 5: "Addenda acknowledged: 1" was printed for a late bid never
    opened, and judged before the opening)."""
    if bid.late or bid.withdrawn:
        return False
    return bid.opened if two_envelopes else True


def _decimal(text: str | None) -> Decimal | None:
    return None if text is None or text == "" else Decimal(text)


def late_against(received_at: str, recorded: bool, deadline: dt.datetime | None) -> bool:
    """Whether a bid received at ``received_at`` is late: received after ``deadline``,
    the closing in force (``timezones.closing_datetime``: the date the addenda moved it
    to, at the closing time in the town's zone). Derived on every reading, never a
    flag decided once: an addendum that moves the closing after the bid was recorded,
    or its received time corrected, changes it for the checks, the letters and the
    report alike. ``recorded`` (the file's ``late`` column, written at intake) only
    when the closing or the moment cannot be read."""
    from wizard.core.opendata.milestones import parse_moment

    received = parse_moment(received_at)
    if deadline is None or received is None:
        return recorded
    return received > deadline


def read(pf: ProjectFile) -> BidsRecord:
    """The :class:`BidsRecord` of ``pf`` (reads only). Sealed prices stay ``None``;
    each bid's ``late`` is derived against the closing in force (:func:`late_against`)."""
    from wizard.core.bids.intake import removed_numbers  # intake imports this module
    from wizard.core.domain.timezones import closing_datetime

    deadline = closing_datetime(pf.project.info)
    db = pf.db
    bidders = {
        r[0]: Bidder(*r[1:])
        for r in db.execute(
            "SELECT id, legal_name, business_number, address, contact_name, contact_email, contact_phone"
            " FROM bidders ORDER BY id"
        )
    }
    acks: dict[int, set[int]] = {}
    for bid_id, number in db.execute("SELECT bid_id, addendum_number FROM bid_acknowledgements"):
        acks.setdefault(bid_id, set()).add(int(number))
    sealed = {r[0]: r[1] for r in db.execute("SELECT bid_id, sha256 FROM sealed_workbooks ORDER BY id")}
    opened = {
        r[0]: (r[1], r[2], Decimal(r[3]))
        for r in db.execute(
            "SELECT bid_id, sha256, version, evaluated_price FROM opened_workbooks ORDER BY id"
        )
    }
    cells: dict[int, dict[str, list[tuple[int, Decimal | None]]]] = {}
    for bid_id, key, year, amount in db.execute(
        "SELECT bid_id, line_key, year, amount FROM opened_amounts ORDER BY id"
    ):
        if bid_id in opened:
            cells.setdefault(bid_id, {}).setdefault(key, []).append((int(year), _decimal(amount)))
    bids = []
    for r in db.execute(
        "SELECT id, bidder_id, received_at, late, withdrawn, rejected, trade_secret, publish_names,"
        " response_form, notes FROM bids ORDER BY id"
    ):
        bid_id = int(r[0])
        yearly = amounts = None
        version, price = "", None
        if bid_id in opened:
            _sha, version, price = opened[bid_id]
            yearly = {
                k: tuple(v for _y, v in sorted(c, key=lambda x: x[0]))
                for k, c in cells.get(bid_id, {}).items()
            }
            amounts = {k: sum((v or Decimal(0) for v in vs), Decimal(0)) for k, vs in yearly.items()}
        bids.append(
            Bid(
                id=bid_id,
                bidder=bidders.get(r[1], Bidder()),
                received_at=r[2],
                late=late_against(r[2], bool(r[3]), deadline),
                withdrawn=bool(r[4]),
                acknowledged_addenda=tuple(sorted(acks.get(bid_id, ()))),
                trade_secret=r[6],
                publish_names=bool(r[7]),
                workbook_sha256=sealed.get(bid_id, ""),
                workbook_version=version,
                amounts=amounts,
                evaluated_price=price,
                rejected=r[5],
                response_form=bool(r[8]),
                notes=r[9],
                bidder_id=int(r[1]),
                yearly=yearly,
            )
        )
    mandatory = tuple(
        MandatoryResult(r[0], r[1], None if r[2] is None else bool(r[2]), r[3])
        for r in db.execute(
            "SELECT bid_id, criterion_id, passed, evidence FROM mandatory_results ORDER BY id"
        )
    )
    verifications = tuple(
        ScenarioVerification(*r)
        for r in db.execute(
            "SELECT bid_id, scenario_id, result, notes, verified_on, committee_member_id"
            " FROM scenario_verifications ORDER BY id"
        )
    )
    sheets = tuple(
        SheetScore(*r)
        for r in db.execute(
            "SELECT bid_id, jury_member_id, criterion_id, points, reason FROM sheet_scores ORDER BY id"
        )
    )
    consensus = tuple(
        ConsensusScore(*r)
        for r in db.execute("SELECT bid_id, criterion_id, points, reason FROM consensus_scores ORDER BY id")
    )
    grid_sheets = tuple(
        GridSheetScore(*r)
        for r in db.execute(
            "SELECT bid_id, jury_member_id, item_id, points, reason FROM grid_sheet_scores ORDER BY id"
        )
    )
    grid_consensus = tuple(
        GridConsensusScore(*r)
        for r in db.execute("SELECT bid_id, item_id, points, reason FROM grid_consensus_scores ORDER BY id")
    )
    lock = db.execute("SELECT locked_at, locked_by FROM quality_lock ORDER BY id LIMIT 1").fetchone()
    row = db.execute(
        "SELECT opened_at, opened_by, witnesses FROM envelope_opening ORDER BY id LIMIT 1"
    ).fetchone()
    opening = Opening(row[0], row[1], row[2], {k: v[0] for k, v in opened.items()}) if row else None
    a = db.execute(
        "SELECT bid_id, reason_if_not_top, resolution_number, resolution_date, signatory,"
        " delegated_authority, standstill_days, awarded_on, contract_signed_on, contract_value"
        " FROM award ORDER BY id LIMIT 1"
    ).fetchone()
    award = (
        Award(
            bid_id=a[0],
            reason_if_not_top=a[1],
            resolution_number=a[2],
            resolution_date=a[3],
            signatory=a[4],
            delegated_authority=a[5],
            standstill_days=int(a[6]),
            awarded_on=a[7],
            contract_signed_on=a[8],
            contract_value=_decimal(a[9]),
        )
        if a
        else None
    )
    return BidsRecord(
        bids=tuple(bids),
        mandatory=mandatory,
        verifications=verifications,
        sheets=sheets,
        consensus=consensus,
        quality_locked_at=lock[0] if lock else "",
        opening=opening,
        award=award,
        quality_locked_by=lock[1] if lock else "",
        grid_sheets=grid_sheets,
        grid_consensus=grid_consensus,
        removed=tuple(sorted(removed_numbers(pf))),
    )
