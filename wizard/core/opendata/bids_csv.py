"""``bids.csv``: the bids received and their evaluation, as open data (issue 22,
docs/open-data.md "Bids").

One row per bid recorded, in the order received: the bidder (a business: its legal name
and business number), when the bid was received (in the town's time, whatever offset
the moment was typed with: the project file keeps it as typed, the evidence), whether it was late or withdrawn, its
status in the evaluation, its evaluated price once the price envelopes are opened, its
scores, its rank and whether it won. The CSV format is :mod:`.csv_export`'s (UTF-8 with
a byte-order mark, comma, CRLF, stable machine names in the header, codes for choices,
``true`` / ``false``).

What is left out, by principle (the tender's transparency clause publishes the names of
the bidders and the prices of their bids; the law protects the rest):

* **Personal names**: the contact person is published only when the bidder opted in
  (``Bid.publish_names``); the column is always there, empty otherwise. The contact's
  e-mail and telephone are never published.
* **Trade secrets**: a bidder's designation (Form 4 of the tender) covers parts of its
  bid, never its prices; nothing of the bid's content is published here, and the
  ``trade_secret`` column says ``true`` when the bidder designated parts of its bid,
  which are withheld. The designation's own wording is not published either: it may
  describe what it protects.
* A sealed price is never part of the record (``bids.record``), so never published.
"""

from __future__ import annotations

from wizard.core.bids.record import BidsRecord
from wizard.core.csv_cells import to_csv
from wizard.core.documents.evaluation_common import decimal_of, evaluation_view
from wizard.core.domain.timezones import in_town_time
from wizard.core.i18n import N_
from wizard.core.model import Project
from wizard.core.opendata.csv_export import Column, header

BIDS_FILE = "bids.csv"

BIDS_COLUMNS: tuple[Column, ...] = (
    Column(
        "bid",
        N_(
            "Number of the bid in the order it was recorded. A number missing from the sequence is a "
            "bid removed from the register because it had been entered by mistake (the project's "
            "journal keeps its entry and its removal); a number is never given twice."
        ),
    ),
    Column("bidder", N_("Legal name of the bidder.")),
    Column(
        "business_number",
        N_(
            "Business number of the bidder, as written in its bid (Canada Revenue Agency or provincial registry)."
        ),
    ),
    Column(
        "contact_name",
        N_("The bidder's contact person, only when the bidder agreed to its publication; empty otherwise."),
    ),
    Column(
        "received_at",
        N_(
            "When the bid was received, in the town's time (ISO 8601, with its offset from UTC that "
            "day); the project file keeps the moment as the Town recorded it."
        ),
    ),
    Column("late", N_("true: received after the closing; recorded and never opened."), "boolean"),
    Column("withdrawn", N_("true: withdrawn by the bidder before the closing; not evaluated."), "boolean"),
    Column(
        "status",
        N_(
            "What became of the bid: late, withdrawn, rejected (set aside before the opening), "
            "non_compliant (fails a mandatory criterion), pending, below_threshold, zero_price, "
            "sealed (price envelope not opened) or ranked."
        ),
    ),
    Column(
        "evaluated_price",
        N_(
            "Evaluated price of the bid in CAD before taxes, once the price envelopes are opened; empty before."
        ),
    ),
    Column(
        "quality_points",
        N_("Points obtained on the optional criteria (consensus of the selection committee)."),
    ),
    Column("quality_score", N_("Quality score, in points out of the quality weight (two decimals).")),
    Column(
        "price_score",
        N_("Price score by the tender's formula, in points out of the price weight (two decimals)."),
    ),
    Column(
        "total",
        N_(
            "Total score out of 100, or the final score of Québec's weighted system (two decimals, or "
            "as many as show two bids of different ranks apart, the same in every row)."
        ),
    ),
    Column("rank", N_("Rank of the bid among the bids evaluated (1 = first); empty if not ranked.")),
    Column("awarded", N_("true: the contract is awarded to this bid."), "boolean"),
    Column(
        "trade_secret",
        N_(
            "true: the bidder designated parts of its bid as trade secrets or confidential "
            "information; those parts are not published."
        ),
        "boolean",
    ),
)
"""The columns of ``bids.csv``, in order."""


def _value(value: object, places: int = 2) -> str:
    if value is None:
        return ""
    return str(decimal_of(value, places))  # type: ignore[arg-type]


def bids_rows(project: Project, record: BidsRecord) -> list[list[str]]:
    """The rows of ``bids.csv``, header first (module docstring)."""
    view = evaluation_view(project, record)
    awarded = view.awarded
    rows = [header(BIDS_COLUMNS)]
    for bid in record.bids:
        result = view.result(bid.id)
        if bid.withdrawn:
            status = "withdrawn"
        elif bid.rejected:
            status = "rejected"
        else:
            status = result.status if result is not None else ""
        rows.append(
            [
                str(bid.id),
                " ".join(bid.bidder.legal_name.split()),
                " ".join(bid.bidder.business_number.split()),
                " ".join(bid.bidder.contact_name.split()) if bid.publish_names else "",
                in_town_time(project.info, bid.received_at, iso=True),
                "true" if bid.late else "false",
                "true" if bid.withdrawn else "false",
                status,
                str(decimal_of(bid.evaluated_price)) if bid.evaluated_price is not None else "",
                _value(result.quality_points if result else None),
                _value(result.quality_score if result else None),
                _value(result.price_score if result else None),
                _value(result.total if result else None, view.total_places()),
                str(result.rank) if result is not None and result.rank is not None else "",
                "true" if awarded is not None and awarded.id == bid.id else "false",
                "true" if bid.trade_secret.strip() else "false",
            ]
        )
    return rows


def bids_csv(project: Project, record: BidsRecord) -> bytes:
    """``bids.csv`` as bytes (the format of ``csv_cells.to_csv``)."""
    return to_csv(bids_rows(project, record))
