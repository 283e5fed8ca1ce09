"""Fix s10 (2026-12-07): ``bid FILE show`` printed the quality lock and the opening of
the price envelopes as stored (``2027-05-04T15:00:00-03:00``) under bids whose receipt
it prints in the town's time (``2027-04-16 09:15 -03:00``). Both now read as the
receipt does (``timezones.in_town_time``); the JSON the file dumps keeps ISO 8601."""

from __future__ import annotations

import json

import pytest
from bids_cli_sample import cli, example

from wizard.core.paths import resource_path


@pytest.fixture
def training(tmp_path, capsys):
    return example(tmp_path, capsys, "training")


def _tail(path, capsys, lang: str) -> list[str]:
    assert cli("bid", path, "show", "--lang", lang) == 0
    return capsys.readouterr().out.splitlines()


def test_show_prints_the_lock_and_the_opening_as_it_prints_the_receipt(training, capsys):
    out = _tail(training, capsys, "en")
    assert out[1].split("\t")[2] == "2027-04-16 09:15 -03:00"  # the receipt, as before
    assert "Quality scores locked on 2027-05-04 15:00 -03:00. Locked by: Martin Thériault." in out
    assert "Price envelopes opened on 2027-05-05 10:00 -03:00 by Martin Thériault." in out
    fr = _tail(training, capsys, "fr")
    assert (
        "Pointages de qualité verrouillés le 2027-05-04 15:00 -03:00. Verrouillés par\u00a0: Martin Thériault."
        in fr
    )
    assert "Enveloppes de prix ouvertes le 2027-05-05 10:00 -03:00 par Martin Thériault." in fr


def test_moments_typed_at_another_offset_read_in_the_towns_time(tmp_path, capsys):
    data = json.loads(resource_path("examples", "training.json").read_text(encoding="utf-8"))
    text = json.dumps(data, ensure_ascii=False)
    assert text.count('"2027-05-04T15:00:00-03:00"') >= 1 and text.count('"2027-05-05T10:00:00-03:00"') >= 1
    text = text.replace('"2027-05-04T15:00:00-03:00"', '"2027-05-04T18:00:00Z"')
    text = text.replace('"2027-05-05T10:00:00-03:00"', '"2027-05-05T09:00:00-04:00"')
    source = tmp_path / "utc.json"
    source.write_text(text, encoding="utf-8")
    path = tmp_path / "utc.tender"
    assert cli("load", source, path) == 0
    capsys.readouterr()
    out = _tail(path, capsys, "en")
    assert "Quality scores locked on 2027-05-04 15:00 -03:00. Locked by: Martin Thériault." in out
    assert "Price envelopes opened on 2027-05-05 10:00 -03:00 by Martin Thériault." in out
    # the clean twin: the dumped JSON keeps the moments as typed, in ISO 8601
    assert cli("dump", path) == 0
    dumped = capsys.readouterr().out
    assert '"2027-05-04T18:00:00Z"' in dumped and '"2027-05-05T09:00:00-04:00"' in dumped
    assert "2027-05-04 15:00 -03:00" not in dumped
