"""The kinds of entry of the contract's follow-up (docs/contract.md): amendments,
performance reports, incidents and payments, each with the letter its entries are
numbered with (``A2``, ``R1``, ``I3``, ``P5``: how ``contract show``, the app's
contract window, the findings and ``contract remove`` name an entry).

:data:`ENTRY_KINDS` is the one list: the record (``record.py``) numbers the entries it
sets aside with it, the checks point at the kind's field, the award's refusal lists the
entries held, and the command line and the app print and read the numbers.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Kind = Literal["amendment", "report", "incident", "payment"]


@dataclass(frozen=True)
class EntryKind:
    """One kind of entry: its ``name`` (``contract remove KIND``), the ``letter`` its
    entries are numbered with, its schema-7 ``table`` and the model address of its
    findings (``field``)."""

    name: Kind
    letter: str
    table: str
    field: str

    def number(self, row_id: int) -> str:
        """An entry's number as ``contract show`` lists it: ``P5`` for payment 5."""
        return f"{self.letter}{row_id}"


AMENDMENT = EntryKind("amendment", "A", "contract_amendments", "contract.amendments")
REPORT = EntryKind("report", "R", "performance_reports", "contract.reports")
INCIDENT = EntryKind("incident", "I", "incidents", "contract.incidents")
PAYMENT = EntryKind("payment", "P", "payments", "contract.payments")

ENTRY_KINDS: tuple[EntryKind, ...] = (AMENDMENT, REPORT, INCIDENT, PAYMENT)
"""Every kind, in the order ``contract show`` lists them."""

BY_NAME: dict[str, EntryKind] = {kind.name: kind for kind in ENTRY_KINDS}
"""``"payment"`` → :data:`PAYMENT`."""


def kind_of(entry: str) -> EntryKind | None:
    """The kind of an entry's number (``"P5"`` → :data:`PAYMENT`); ``None`` for anything
    else (``"terms"``, ``"award"``, ``"P"``, ``"X5"``)."""
    digits = entry[1:]
    if not (digits.isascii() and digits.isdigit()):
        return None
    return next((kind for kind in ENTRY_KINDS if kind.letter == entry[:1]), None)
