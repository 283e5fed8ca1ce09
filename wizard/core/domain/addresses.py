"""Field addresses: how a finding, the journal and the pages name one model value.

``"problem.statement"`` is a section field; ``"criteria"`` an entity list;
``"criteria:3"`` one row; ``"criteria:3.text"`` one attribute of that row. The
step that owns an address is :func:`wizard.core.steps.step_of_field`.
"""

from __future__ import annotations

from typing import NamedTuple


class FieldAddress(NamedTuple):
    """An address split in its parts: ``kind`` (section or entity list), ``row_id`` (an
    integer, or ``None`` when the address names no row or a malformed one), the raw
    ``row`` text after ``:`` ('' when none) and ``attribute`` ('' when none)."""

    kind: str
    row: str
    attribute: str

    @property
    def row_id(self) -> int | None:
        return int(self.row) if self.row.isdigit() else None


def parse_address(address: str) -> FieldAddress:
    """``"criteria:3.text"`` → ``FieldAddress("criteria", "3", "text")`` (``row_id`` 3);
    ``"problem.statement"`` → ``FieldAddress("problem", "", "statement")``. Never raises."""
    head, _dot, attribute = address.partition(".")
    kind, _colon, row = head.partition(":")
    return FieldAddress(kind, row, attribute)
