"""The evaluation report's record of the bids before any score: "Bids received" (each
bid's receipt in the town's time, the addenda it acknowledges, its status; the bids
removed; a late bid refused, neither opened nor evaluated), then "Lock of the quality
scores and opening of the price envelopes" (when and by whom the quality scores were
locked, who opened the envelopes before which witnesses, and each price workbook's
SHA-256 fingerprint, the same at its receipt and at the opening).
"""

from __future__ import annotations

from wizard.core.bids.opening import none_opened
from wizard.core.bids.record import Bid, Opening, acknowledgement_read
from wizard.core.documents.blocks import Block, Heading, Paragraph, Table
from wizard.core.documents.evaluation_common import (
    NOT_OPENED,
    EvaluationView,
    bidder_name,
    moment,
    received_sentence,
    removed_text,
    status_text,
)
from wizard.core.domain.timezones import zone_of
from wizard.core.i18n import N_, tr


def _grouped(digest: str) -> str:
    """A SHA-256 in groups of 16 hex digits, so that a table cell can wrap it."""
    return " ".join(digest[i : i + 16] for i in range(0, len(digest), 16))


UNREAD_ENVELOPE_2 = N_(
    "Each bidder acknowledges the addenda in its form of offer (Form 1), which is in envelope 2 "
    "(price): the addenda acknowledged are shown for the bids whose envelope 2 was opened, and a "
    "dash for the others."
)
"""Under two envelopes, said under "Bids received" while a bid on time has its envelope 2
unopened (walk 2026-12-07, item 5)."""


def _acknowledged(view: EvaluationView, bid: Bid, lang: str) -> str:
    """The addenda ``bid`` acknowledges, as its form of offer says once read
    (``record.acknowledgement_read``: never a late or withdrawn bid; under two envelopes,
    only once envelope 2 is opened), else :data:`NOT_OPENED`."""
    if not acknowledgement_read(bid, view.project.evaluation.quebec_weighted):
        return NOT_OPENED
    return ", ".join(str(n) for n in bid.acknowledged_addenda) or tr("no addendum", lang)


def received_blocks(view: EvaluationView, lang: str) -> list[Block]:
    """The section "Bids received": each bid's receipt, addenda and status, in ``lang``."""
    record = view.record
    rows = [
        [
            str(bid.id),
            bidder_name(bid),
            moment(bid.received_at, lang, zone_of(view.project.info)),
            _acknowledged(view, bid, lang),
            status_text(bid, view.result(bid.id), lang),
        ]
        for bid in record.bids
    ]
    blocks: list[Block] = [
        Heading(1, tr("Bids received", lang)),
        Paragraph(received_sentence(view, lang)),
    ]
    removed = removed_text(record, lang)
    if removed:
        blocks.append(Paragraph(removed))
    blocks += [
        Table(
            [
                [
                    tr("No.", lang),
                    tr("Bidder", lang),
                    tr("Received", lang),
                    tr("Addenda acknowledged", lang),
                    tr("Status", lang),
                ]
            ],
            rows,
            [1.2, 4.3, 4.0, 2.5, 4.0],
        ),
    ]
    two = view.project.evaluation.quebec_weighted
    if two and any(not b.late and not b.withdrawn and not b.opened for b in record.bids):
        blocks.append(Paragraph(tr(UNREAD_ENVELOPE_2, lang)))
    if any(b.late for b in record.bids):
        blocks.append(
            Paragraph(
                tr(
                    "As the call for tenders states, a bid received after the closing is refused: it is recorded, neither opened nor evaluated.",
                    lang,
                )
            )
        )
    return blocks


def opening_blocks(view: EvaluationView, lang: str) -> list[Block]:
    """The section on the lock of the quality scores and the opening of the price
    envelopes, in ``lang``: no fingerprint table while no workbook is opened."""
    record = view.record
    blocks: list[Block] = [
        Heading(1, tr("Lock of the quality scores and opening of the price envelopes", lang)),
        _lock(view, lang),
    ]
    opening = record.opening
    if opening is None:
        blocks.append(Paragraph(tr("The price envelopes are not opened yet: no price is known.", lang)))
        return blocks
    sealed = none_opened(view.project, record)
    held = (
        N_("The price envelopes were opened on {moment} by {by}; witnesses: {witnesses}.")
        if sealed is None
        else N_("The opening of the price envelopes was held on {moment} by {by}; witnesses: {witnesses}.")
    )
    blocks.append(
        Paragraph(
            tr(
                held,
                lang,
                moment=moment(opening.opened_at, lang, zone_of(view.project.info)),
                by=" ".join(opening.opened_by.split()) or NOT_OPENED,
                witnesses=" ".join(opening.witnesses.split()) or tr("no witness", lang),
            )
            + ("" if sealed is None else " " + tr(sealed, lang))
        )
    )
    if sealed is not None:  # no workbook opened: nothing was fingerprinted at the opening
        return blocks
    return blocks + _fingerprints(record.bids, opening, lang)


def _lock(view: EvaluationView, lang: str) -> Paragraph:
    """When the quality scores were locked, in the town's time, and by whom; or that they are not yet."""
    record = view.record
    if not record.locked:
        return Paragraph(tr("The quality scores are not locked yet.", lang))
    return Paragraph(
        tr(
            "The quality scores were locked on {moment}.",
            lang,
            moment=moment(record.quality_locked_at, lang, zone_of(view.project.info)),
        )
        + (
            " " + tr("Locked by: {name}.", lang, name=" ".join(record.quality_locked_by.split()))
            if record.quality_locked_by.strip()
            else ""
        )
    )


def _fingerprints(bids: tuple[Bid, ...], opening: Opening, lang: str) -> list[Block]:
    """How the fingerprints prove the workbook opened is the one received, then each
    bid's SHA-256 fingerprint and whether its envelope was opened, with the form's version."""
    rows = []
    for bid in bids:
        opened = opening.fingerprints.get(bid.id, "")
        rows.append(
            [
                str(bid.id),
                bidder_name(bid),
                _grouped(opened or bid.workbook_sha256) or NOT_OPENED,
                tr(
                    "Opened, form {version}",
                    lang,
                    version=bid.workbook_version.replace("-", "\u2011") or NOT_OPENED,
                )
                if opened
                else tr("Not opened", lang),
            ]
        )
    return [
        Paragraph(
            tr(
                "Each price workbook was fingerprinted (SHA-256) when it was received and again "
                "at the opening; the opening accepts a workbook only when the two fingerprints are "
                "the same, so the workbook opened is the one received. The evaluated price is "
                "recomputed from the amounts the bidder entered.",
                lang,
            )
        ),
        Table(
            [
                [
                    tr("No.", lang),
                    tr("Bidder", lang),
                    tr("Fingerprint (SHA-256)", lang),
                    tr("Price envelope", lang),
                ]
            ],
            rows,
            [1.2, 4.0, 7.8, 3.0],
        ),
    ]
