"""The kinds of entry of the contract's follow-up and their letters (A, R, I, P), defined
once in ``contract/entries.py``: the record, the checks, the award's refusal, the
command line and the app number entries through it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from wizard.core.contract.entries import AMENDMENT, BY_NAME, ENTRY_KINDS, INCIDENT, PAYMENT, REPORT, kind_of
from wizard.core.project_file.store import CONTRACT_TABLES

WIZARD = Path(__file__).resolve().parents[2] / "wizard"


@pytest.mark.parametrize(
    ("entry", "kind"),
    [
        ("A2", AMENDMENT),
        ("R1", REPORT),
        ("I13", INCIDENT),
        ("P5", PAYMENT),
        ("terms", None),
        ("award", None),
        ("P", None),
        ("X5", None),
        ("p5", None),
        ("P5a", None),
        ("P\u00b2", None),  # a superscript two is a digit to str.isdigit, not to an entry number
    ],
)
def test_kind_of_an_entry_number(entry, kind):
    assert kind_of(entry) == kind


def test_each_kind_numbers_and_names_its_entries():
    assert [k.number(7) for k in ENTRY_KINDS] == ["A7", "R7", "I7", "P7"]
    assert [k.field for k in ENTRY_KINDS] == [
        "contract.amendments",
        "contract.reports",
        "contract.incidents",
        "contract.payments",
    ]
    assert set(BY_NAME) == {"amendment", "report", "incident", "payment"}
    assert {k.table for k in ENTRY_KINDS} == set(CONTRACT_TABLES) - {"contract"}


HAND_NUMBERED = re.compile(r'f"[ARIP]\{|"[ARIP]": |\("[ARIP]", "[a-z_]+"\)|in "Rr"')
"""An entry's letter written by hand: ``f"P{p.id}"``, ``{"A": 0, …}``, ``("A", "table")``."""


def test_no_module_writes_the_letters_itself():
    found = [
        f"{path.relative_to(WIZARD)}:{n}"
        for path in sorted(WIZARD.rglob("*.py"))
        if path.name != "entries.py"
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if HAND_NUMBERED.search(line)
    ]
    assert found == []
