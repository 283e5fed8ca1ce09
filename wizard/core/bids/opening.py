"""The opening of the price envelopes (issue 22, docs/bids.md, "Opening").

:func:`open_envelope` opens, in one transaction, the sealed price workbook of every bid
that may be opened (on time, not withdrawn, not rejected, with a workbook), and records
who opened them, when, the witnesses and each workbook's fingerprint. For each one:

1. its bytes are hashed again and compared with the fingerprint taken at intake: a
   workbook that changed since it was received is refused (:data:`ALTERED`);
2. its amounts are read from the named input cells only
   (``documents/price_workbook.read_amounts``): a workbook of another version of the
   price form, or whose structure was altered (a named cell missing), or with text or
   a negative amount in an input cell is refused, naming the bidder
   (:class:`WorkbookRefused`);
3. the evaluated price is recomputed in the core
   (``domain/price_form.price_totals(form, amounts).evaluated``, exact ``Decimal``), never
   read from the workbook's formulas or their cached values.

Where the method separates quality and price (Québec's weighted system: two envelopes,
``evaluation.quebec_weighted``), the envelopes are opened only once the quality scores
are locked. Late, withdrawn and rejected bids are never opened. When every envelope
stays sealed (no bid passed the quality evaluation), the opening is still recorded,
with no workbook opened (:func:`none_opened` says why), so that the award can record
that there is none. Anything refused
leaves nothing recorded: the Town records the faulty bid as rejected
(``intake.set_bid(..., rejected=...)``) and opens again.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from decimal import Decimal

from wizard.core.bids import BidsError
from wizard.core.bids.common import free_text, moment, now, published_record, writing
from wizard.core.bids.intake import closing, town_example
from wizard.core.bids.record import BidsRecord, read
from wizard.core.documents.price_workbook import PriceWorkbookError, read_amounts
from wizard.core.domain import price_form
from wizard.core.i18n import N_, tr
from wizard.core.model import Project
from wizard.core.project_file.store import ProjectFile

ALTERED = N_(
    "The price workbook of {bidder} is not the one received: its fingerprint differs from the one taken at intake. It is not opened."
)
REFUSED = N_("The price workbook of {bidder} cannot be opened.")
NONE_PASSED = N_(
    "No price envelope was opened: no bid passed the quality evaluation, so every envelope stays sealed."
)
NONE_OPENED = N_("No price envelope was opened: every envelope stays sealed.")
NONE_PASS = N_(
    "No bid passes the quality evaluation so far: at the opening, every price envelope would stay sealed."
)


class WorkbookRefused(BidsError):
    """A workbook the opening refuses for what it holds: ``text`` (:data:`REFUSED`) and
    ``params`` name the bidder; ``cause_text`` / ``cause_params`` say why (a message of
    ``PriceWorkbookError``: an outdated version, a structure altered, a bad amount).
    ``str`` is bilingual, each language whole."""

    def __init__(self, bidder: str, bid_id: int, cause: PriceWorkbookError) -> None:
        self.cause_text = cause.text
        self.cause_params = cause.params
        super().__init__(REFUSED, bidder=bidder, bid=bid_id)
        self.args = (
            " / ".join(
                f"{tr(REFUSED, lang, bidder=bidder)} {tr(cause.text, lang, **cause.params)}"
                for lang in ("fr", "en")
            ),
        )

    def __str__(self) -> str:
        return str(self.args[0])


def set_aside(project: Project, record: BidsRecord) -> tuple[int, ...]:
    """The bids whose price envelope stays sealed by the tender's own rule: under
    Québec's two envelopes (``evaluation.quebec_weighted``; the tender says "the
    envelopes 2 of the other bids are never opened", ``documents/tender_criteria``),
    those that fail a mandatory criterion or stay below the interim score on the locked
    quality scores. ``()`` with a single envelope: the tender opens every bid received
    on time, and the report says why a set-aside bid's price shows."""
    if not project.evaluation.quebec_weighted:
        return ()
    from wizard.core.bids.scoring_input import evaluation_input
    from wizard.core.domain.bid_scoring import evaluate
    from wizard.core.textclean import drop_blank_rows

    results = evaluate(evaluation_input(drop_blank_rows(project), record)).results
    return tuple(r.key for r in results if r.status in ("non_compliant", "below_threshold"))


def _sealed_bytes(pf: ProjectFile, bid_id: int) -> bytes:
    row = pf.db.execute("SELECT content FROM sealed_workbooks WHERE bid_id = ?", (bid_id,)).fetchone()
    return bytes(row[0])


def open_envelope(
    pf: ProjectFile, /, opened_by: str, witnesses: str = "", at: str = "", *, unopened: Iterable[int] = ()
) -> BidsRecord:
    """Open the price envelopes (module docstring) at ``at`` (ISO 8601 with offset;
    default now); ``unopened``: ids of bids to leave sealed (the bids under Québec's
    interim score of 70, whose envelopes are returned unopened), added to those
    :func:`set_aside` keeps sealed by the tender's rule. Returns the new record.

    Raises :class:`BidsError`: not published, already opened, no one named as opening,
    the quality scores not locked where the method separates quality and price, a
    moment before the closing, no bid with a sealed workbook at all, a workbook altered since intake
    (:data:`ALTERED`); :class:`WorkbookRefused` for a workbook of another version or
    structure. Nothing is recorded then."""
    record = published_record(pf)
    if record.opened:
        raise BidsError(N_("The price envelopes are already open."))
    if not opened_by.strip():
        raise BidsError(N_("Say who opens the price envelopes."))
    opened_by = free_text(opened_by, "opened_by")
    witnesses = free_text(witnesses, "witnesses")
    if pf.project.evaluation.quebec_weighted and not record.locked:
        raise BidsError(
            N_(
                "Lock the quality scores before opening the price envelopes: the tender separates quality and price (two envelopes)."
            )
        )
    when = at.strip() or now()
    if moment(when, example=town_example(pf, when)) < closing(pf):
        raise BidsError(N_("The price envelopes cannot be opened before the closing."))
    if record.locked and moment(when) < moment(record.quality_locked_at):
        raise BidsError(
            N_("The price envelopes cannot be opened before the quality scores were locked ({moment})."),
            moment=record.quality_locked_at,
        )
    skipped = set(unopened) | set(set_aside(pf.project, record))
    to_open = [b for b in record.bids if b.openable and b.id not in skipped]
    if not any(b.openable for b in record.bids):
        raise BidsError(N_("There is no price workbook to open."))
    form = price_form.price_form(pf.project)
    opened: list[tuple[int, str, dict[str, list[Decimal | None]], str]] = []
    for bid in to_open:
        data = _sealed_bytes(pf, bid.id)
        digest = hashlib.sha256(data).hexdigest()
        if digest != bid.workbook_sha256:
            raise BidsError(ALTERED, bidder=bid.bidder.legal_name, bid=bid.id)
        try:
            amounts = read_amounts(data, form)
        except PriceWorkbookError as exc:
            raise WorkbookRefused(bid.bidder.legal_name, bid.id, exc) from None
        price = price_form.price_totals(form, amounts).evaluated
        opened.append((bid.id, digest, amounts, str(price)))
    with writing(pf, "open_envelope", at=when, bids=[o[0] for o in opened]):
        pf.db.table("envelope_opening").insert(
            {"id": 1, "opened_at": when, "opened_by": opened_by.strip(), "witnesses": witnesses.strip()}
        )
        for bid_id, digest, cells, evaluated in opened:
            pf.db.table("opened_workbooks").insert(
                {"bid_id": bid_id, "sha256": digest, "version": form.version, "evaluated_price": evaluated}
            )
            for line in form.lines:
                years = range(1, line.cells + 1) if line.section == "recurring" else [0]
                for year, value in zip(years, cells.get(line.key, []), strict=False):
                    pf.db.table("opened_amounts").insert(
                        {
                            "bid_id": bid_id,
                            "line_key": line.key,
                            "year": year,
                            "amount": None if value is None else str(value),
                        }
                    )
    return read(pf)


def none_opened(project: Project, record: BidsRecord) -> str | None:
    """Why the recorded opening opened no envelope, ``None`` when it opened one (or is
    not recorded): :data:`NONE_PASSED` when the tender's rule kept every envelope sealed
    (:func:`set_aside`: no bid passed), else :data:`NONE_OPENED` (the Town's choice)."""
    if record.opening is None or any(b.opened for b in record.bids):
        return None
    kept = set(set_aside(project, record))
    passed = [b for b in record.bids if b.openable and b.id not in kept]
    return NONE_OPENED if passed else NONE_PASSED


def none_pass(project: Project, record: BidsRecord) -> bool:
    """Whether, before the opening, bids could be opened yet the tender's rule keeps
    every one sealed on the quality scores as they stand (:func:`set_aside`)."""
    openable = {b.id for b in record.bids if b.openable}
    return record.opening is None and bool(openable) and openable <= set(set_aside(project, record))
