"""Bids on the training example built in code (tests of the bid checks and the scoring
adapter), without a project file: the record's dataclasses, as ``bids.record.read``
returns them.

Criteria of the training example: mandatory 1–5, optional 6–15 (70 %: 7 points);
jury members 1, 2, 3 (declarations signed); authors Chantal Robichaud, Éric Savoie.

The clean record: bid 1 late (never opened); bid 2 fails mandatory criterion 3; bid 3
has 6 points (below the threshold); bid 4 has 9 points at $123,456.78 and is awarded;
bid 5 has 7 points at $100,000 (the lowest). Two sheets (members 1 and 2) agree with
the consensus. The technical committee confirmed scenarios 1–5 for bids 3, 4 and 5 (bid 2
is set aside by its mandatory criterion). Weighted 70/30: bid 4 = 63 + 30 × 100 000 ÷ 123 456.78, bid 5 = 49 + 30.
"""

from __future__ import annotations

from decimal import Decimal

from wizard.core.bids.record import (
    Award,
    Bid,
    Bidder,
    BidsRecord,
    ConsensusScore,
    MandatoryResult,
    Opening,
    ScenarioVerification,
    SheetScore,
)
from wizard.core.examples import load_example

MANDATORY = (1, 2, 3, 4, 5)
OPTIONAL = tuple(range(6, 16))
SCENARIOS = (1, 2, 3, 4, 5)
NAMES = {
    1: "Alpha Logiciels inc.",
    2: "Bêta Solutions ltée",
    3: "Gamma Tech",
    4: "Delta Numérique",
    5: "Epsilon Inc.",
}
PRICES = {2: "105000", 3: "130000", 4: "123456.78", 5: "100000"}
POINTS = {2: 8, 3: 6, 4: 9, 5: 7}  # optional criteria met, the first ones


def project():
    return load_example("training")


def bid(bid_id: int, price: str | None, *, late: bool = False) -> Bid:
    return Bid(
        id=bid_id,
        bidder=Bidder(legal_name=NAMES[bid_id], business_number=f"12345678{bid_id}"),
        received_at="2027-04-16T11:20:00-03:00" if late else "2027-04-15T09:00:00-03:00",
        late=late,
        withdrawn=False,
        acknowledged_addenda=(1,),
        trade_secret="",
        publish_names=False,
        workbook_sha256=f"{bid_id:064x}",
        workbook_version="" if price is None else "PF1",
        amounts=None if price is None else {"licences": Decimal(price)},
        evaluated_price=None if price is None else Decimal(price),
    )


def points(bid_id: int, criterion: int) -> int:
    return int(criterion < OPTIONAL[0] + POINTS[bid_id])


def clean() -> BidsRecord:
    on_time = (2, 3, 4, 5)
    return BidsRecord(
        bids=(bid(1, None, late=True), *(bid(b, PRICES[b]) for b in on_time)),
        mandatory=tuple(
            MandatoryResult(b, c, not (b == 2 and c == 3), f"Bid {b}, section {c}")
            for b in on_time
            for c in MANDATORY
        ),
        sheets=tuple(
            SheetScore(b, member, c, points(b, c), "As the bid shows")
            for b in on_time
            for member in (1, 2)
            for c in OPTIONAL
        ),
        consensus=tuple(ConsensusScore(b, c, points(b, c), "Agreed") for b in on_time for c in OPTIONAL),
        verifications=tuple(
            ScenarioVerification(b, s, "confirmed", "As shown", "2027-04-20", 1)
            for b in (3, 4, 5)
            for s in SCENARIOS
        ),
        quality_locked_at="2027-04-25T10:00:00-03:00",
        opening=Opening(
            "2027-04-26T14:00:00-03:00", "Greffière", "Deux témoins", {b: f"{b:064x}" for b in on_time}
        ),
        award=Award(bid_id=4),
    )
