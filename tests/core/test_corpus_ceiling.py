"""The shape-only ceiling of possible names (``tests/corpus/ceiling.py``, issue 19 ninth
round): which words it takes, and its counts on a tiny synthetic item list."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

_HERE = Path(__file__).resolve().parents[1] / "corpus"
_SPEC = importlib.util.spec_from_file_location("corpus_ceiling", _HERE / "ceiling.py")
assert _SPEC and _SPEC.loader
ceiling = importlib.util.module_from_spec(_SPEC)
sys.modules.setdefault("corpus_ceiling", ceiling)
_SPEC.loader.exec_module(ceiling)


def test_a_capitalised_word_no_dictionary_knows_is_taken():
    assert ceiling.shape_names("The Town will migrate its records to Laserfiche Cloud.") == ["Laserfiche"]


def test_a_sentence_start_an_ordinary_word_and_a_clause_start_are_not():
    assert ceiling.shape_names("Flolite. Zorbex: the Town uses Windows and Network drives.") == []


def test_acronyms_only_when_asked():
    text = "the town uses QXZ for billing"
    assert ceiling.shape_names(text) == ["QXZ"]
    assert ceiling.shape_names(text, acronyms=False) == []


def test_counts_on_synthetic_items():
    item = ceiling.measure.Item
    items = [
        item("brand", "en", ("Zorbex",), "the Town must buy Zorbex licences", "s"),
        item("brand", "en", ("acme",), "licences from acme are required", "s"),
        item("neutral", "en", (), "the vendor shall train staff in Moncton", "s"),
        item("neutral", "en", (), "the vendor shall train staff", "s"),
    ]
    figures = ceiling.ceiling(items)
    assert (figures.recalled, figures.brand, figures.names_found, figures.names) == (1, 2, 1, 2)
    assert (figures.alarms, figures.neutral) == (1, 2)
