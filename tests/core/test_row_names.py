"""A load refusal names a row the way a user finds it: its number counted from 1 and its
id, in each language (project_file/rownames.py), on every load path."""

from __future__ import annotations

import json

import pytest

from wizard.core.i18n import Localized
from wizard.core.project_file import jsonio
from wizard.core.project_file.rownames import field_name, name_rows


def _doc(**lists) -> dict:
    return {"format": "open-procurement-wizard", "version": 7, **lists}


def test_a_register_row_is_named_by_its_number_from_1_and_its_id():
    """The walk's input: the register's first row, id 7, with a flag that is no flag."""
    data = _doc(vendor_exchanges=[{"id": 7, "helped_drafting": "yes"}])
    data["version"] = 1
    with pytest.raises(jsonio.ProjectJsonError) as info:
        jsonio.from_dict(data)
    assert info.value.detail.fr == (
        "le champ helped_drafting dans vendor_exchanges, 1re ligne (id 7) doit être true (vrai) ou false (faux)"
    )
    assert (
        info.value.detail.en
        == "the field helped_drafting in vendor_exchanges, row 1 (id 7) must be true or false"
    )
    assert str(info.value) == info.value.detail.en


@pytest.mark.parametrize(
    ("path", "french", "english"),
    [
        ("vendor_exchanges[0]", "vendor_exchanges, 1re ligne (id 7)", "vendor_exchanges, row 1 (id 7)"),
        (
            "vendor_exchanges[1].date",
            "date dans vendor_exchanges, 2e ligne (id 12)",
            "date in vendor_exchanges, row 2 (id 12)",
        ),
        (
            "vendor_exchanges[9].date",
            "date dans vendor_exchanges, 10e ligne",
            "date in vendor_exchanges, row 10",
        ),
        (
            "addenda[0].changes[1].kind",
            "kind dans addenda, 1re ligne, changes, 2e ligne",
            "kind in addenda, row 1, changes, row 2",
        ),
    ],
)
def test_each_language_counts_rows_its_own_way(path, french, english):
    rows = [{"id": 7}, {"id": 12}] + [{"id": True}] * 7 + [{}]  # an id that is no whole number is not said
    data = {"vendor_exchanges": rows, "addenda": [{"changes": [{}, {"kind": "x"}]}]}
    assert field_name(path, data) == Localized(fr=french, en=english)


@pytest.mark.parametrize(
    "path",
    ["criteria.kind", "criteria[5].kind", "solutions[0].name", "criteria[0].id[1]"],
)
def test_a_path_the_json_does_not_hold_is_left_as_it_is(path):
    """The clean twins: no row (a section's field), a row past the list's end, a list
    the JSON does not hold: the path stays as the message writes it."""
    data = {"criteria": [{"id": 1}], "vendor_exchanges": [{"id": 7}]}
    said = Localized(fr=f"le champ {path} doit", en=f"the field {path} must")
    assert name_rows(said, data) == said


def test_a_value_quoted_in_a_message_is_not_renamed():
    data = {"criteria": [{"id": 1, "text": "notes[0]"}]}
    said = Localized(fr="« notes[0] » dans criteria[0].text", en="“notes[0]” in criteria[0].text")
    assert name_rows(said, data) == Localized(
        fr="« notes[0] » dans text dans criteria, 1re ligne (id 1)",
        en="“notes[0]” in text in criteria, row 1 (id 1)",
    )


def test_the_published_baseline_names_its_rows_under_its_prefix():
    model = _doc(criteria=[{"id": 4, "kind": "required"}])
    with pytest.raises(jsonio.ProjectJsonError) as info:
        jsonio.from_dict(model, "publishing.model.")
    assert info.value.detail.en.startswith(
        "the field kind in publishing.model.criteria, row 1 (id 4) must be one of"
    )


def test_the_app_import_and_load_read_the_same_names(tmp_path):
    """Both go through jsonio: the refusal is the one text."""
    source = tmp_path / "in.json"
    source.write_text(json.dumps(_doc(criteria=[{"id": 4, "kind": "required"}])), encoding="utf-8")
    with pytest.raises(jsonio.ProjectJsonError) as info:
        jsonio.load_file(source)
    assert info.value.detail.fr.startswith(
        "le champ kind dans criteria, 1re ligne (id 4) doit valoir l’un de"
    )
