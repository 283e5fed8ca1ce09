"""Field addresses split the same way for the pages, the history and the checks."""

from __future__ import annotations

import pytest

from wizard.core.domain.addresses import parse_address


@pytest.mark.parametrize(
    ("address", "kind", "row", "row_id", "attribute"),
    [
        ("problem.statement", "problem", "", None, "statement"),
        ("criteria", "criteria", "", None, ""),
        ("criteria:3", "criteria", "3", 3, ""),
        ("criteria:3.text", "criteria", "3", 3, "text"),
        ("clause_choices:x.custom_fr", "clause_choices", "x", None, "custom_fr"),
        ("", "", "", None, ""),
    ],
)
def test_parse_address(address, kind, row, row_id, attribute):
    parsed = parse_address(address)
    assert (parsed.kind, parsed.row, parsed.row_id, parsed.attribute) == (kind, row, row_id, attribute)
