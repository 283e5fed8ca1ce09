"""The held-out view of missed brand names (``measure.py --confusion``, issue 19 ninth round):
counts by shape and cause, checked on a tiny synthetic item list."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

if "corpus_measure" in sys.modules:
    measure = sys.modules["corpus_measure"]
else:
    _SPEC = importlib.util.spec_from_file_location(
        "corpus_measure", Path(__file__).resolve().parents[1] / "corpus" / "measure.py"
    )
    assert _SPEC and _SPEC.loader
    measure = importlib.util.module_from_spec(_SPEC)
    sys.modules["corpus_measure"] = measure
    _SPEC.loader.exec_module(measure)


@pytest.mark.parametrize(
    ("name", "shape"),
    [
        ("Flolite", "one capitalised word"),
        ("Cisco's", "one capitalised word"),
        ("Impact Interiors", "several words"),
        ("TECHNYS", "all-caps or acronym"),
        ("AIP US", "all-caps or acronym"),
        ("DeepFreeze", "inner capital"),
        ("iPad", "inner capital"),
        ("APX50", "digit or model number"),
        ("envisionware", "lower-case"),
        ("achatpublic.com", "domain or symbol"),
        ("Permits+", "domain or symbol"),
        ("AT&T", "domain or symbol"),
    ],
)
def test_name_shape(name, shape):
    assert measure.name_shape(name) == shape


@pytest.mark.parametrize(
    ("name", "cause"),
    [
        ("Windows Enterprise", "listed, rule did not fire"),  # "Windows": contextual word
        ("Esri", "listed, rule did not fire"),
        ("ATT", "alias variant not matched"),  # "AT&T Inc." without its legal form
        ("Ciscos", "alias variant not matched"),  # a plural
        ("Tyler Brazos", "listed, rule did not fire"),  # a run of its words is listed
        ("Share Point", "alias variant not matched"),  # spacing
        ("Sales-Force", "alias variant not matched"),
        ("Flolite", "not in any list"),
        ("TECHNYS", "not in any list"),
    ],
)
def test_name_cause(name, cause):
    assert measure.name_cause(name, measure._list_forms()) == cause


def test_brand_causes_counts_missed_names_without_text():
    item = measure.Item
    items = [
        # every name found: nothing counted
        item("brand", "en", ("Cisco",), "The switches shall be Cisco Catalyst 9300.", "synthetic"),
        # one name found (Esri), one not in any list: one missed name
        item("brand", "en", ("Esri", "Flolite"), "Flolite a allégué; ArcGIS by Esri.", "synthetic"),
        # nothing found: two missed names in French, one a list alias written as a plural
        item("brand", "fr", ("Ciscos", "envisionware"), "des ciscos et envisionware", "synthetic"),
        item("neutral", "en", (), "The system shall be accessible.", "synthetic"),
        item("neutral", "en", (), "The system shall run on Windows servers.", "synthetic"),
        item("problem", "en", (), "Buy Flolite.", "synthetic"),
    ]
    lines = measure.brand_causes(items)
    assert lines == [
        "  alarm name en one capitalised word: 1",
        "  missed name en by cause: not in any list: 1",
        "  missed name en by shape: one capitalised word: 1",
        "  missed name en one capitalised word / not in any list: 1",
        "  missed name fr by cause: alias variant not matched: 1",
        "  missed name fr by cause: not in any list: 1",
        "  missed name fr by shape: lower-case: 1",
        "  missed name fr by shape: one capitalised word: 1",
        "  missed name fr lower-case / not in any list: 1",
        "  missed name fr one capitalised word / alias variant not matched: 1",
    ]
    assert not any("Flolite" in line or "allégué" in line for line in lines)
