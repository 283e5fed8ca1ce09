"""The bids window shows each stored moment (receipt, closing, lock, opening) as the
town's clock reads it, in the app's language, as the evaluation report names it; the
stored value never changes, and one typed at another offset than the town's that day
is shown as recorded beside the town's time, as ``bid show`` prints it.

The training example's town is in New Brunswick: Atlantic Daylight Time (-03:00) on
2027-04-16, the closing at 11:00. A bid typed at -04:00 (a neighbour's clock) at 09:30
was received at 10:30 in the town, on time; a server's UTC stamp of 14:05 is 11:05 in
the town, late. The command line prints the same instants: ``2027-04-16 10:30 -03:00``.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSize, Qt

from wizard.core.bids import intake
from wizard.core.bids.record import Bidder, read
from wizard.core.domain.timezones import in_town_time
from wizard.core.examples import load_example_with_publishing, load_example_with_records
from wizard.core.project_file.store import ProjectFile
from wizard.core.publishing.jsonform import table_rows
from wizard.ui.bids_opening import RECEIVED_COLUMN
from wizard.ui.bids_window import BidsWindow, fitted

NBSP = "\u00a0"
RECEIVED = {
    "A inc.": "2027-04-16T09:15:00-03:00",  # the town's offset that day: the clean twin
    "B ltée": "2027-04-16T09:30:00-04:00",  # typed at another offset: 10:30 in the town
    "C inc.": "2027-04-16T14:05:00Z",  # a UTC timestamp: 11:05 in the town, late
}
SHOWN = {
    "en": [
        f"April\u00a016, 2027, 9:15{NBSP}a.m. Atlantic Time",
        f"April\u00a016, 2027, 10:30{NBSP}a.m. Atlantic Time",
        f"April\u00a016, 2027, 11:05{NBSP}a.m. Atlantic Time",
    ],
    "fr": [
        f"16{NBSP}avril{NBSP}2027, 9{NBSP}h{NBSP}15 (heure de l’Atlantique)",
        f"16{NBSP}avril{NBSP}2027, 10{NBSP}h{NBSP}30 (heure de l’Atlantique)",
        f"16{NBSP}avril{NBSP}2027, 11{NBSP}h{NBSP}05 (heure de l’Atlantique)",
    ],
}
CLOSING = {
    "en": f"April\u00a016, 2027, 11:00{NBSP}a.m. Atlantic Time",
    "fr": f"16{NBSP}avril{NBSP}2027, 11{NBSP}h{NBSP}00 (heure de l’Atlantique)",
}
RECORDED = {
    "en": "As recorded: {moment} (the moment the file keeps as evidence, typed at another offset than the town's).",
    "fr": (
        f"Tel que consigné{NBSP}: {{moment}} (le moment que le fichier garde comme preuve, écrit à un autre "
        "décalage que celui de la ville)."
    ),
}


def _cells(view, column: int) -> list[str]:
    return [view.item(r, column).text() for r in range(view.rowCount())]


def _dialog(window, qtbot, lang: str) -> BidsWindow:
    window.actions_by_name[f"lang_{lang}"].trigger()
    dialog = BidsWindow(window.ctx, window)
    qtbot.addWidget(dialog)
    dialog.resize(fitted(QSize(1366, 768)))
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


@pytest.fixture
def three_bids(window, tmp_path):
    """The published training example with bids A (the town's offset), B (-04:00) and C (UTC)."""
    project, publishing = load_example_with_publishing("training")
    pf = ProjectFile.create(tmp_path / "t.tender", project, origin="example", tables=table_rows(publishing))
    for name, at in RECEIVED.items():
        intake.add_bid(pf, bidder=Bidder(name), received_at=at, acknowledged=[1])
    window.set_project(pf)
    return pf


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_opening_table_shows_each_receipt_in_the_town_s_time(window, qtbot, three_bids, lang):
    dialog = _dialog(window, qtbot, lang)
    dialog.show_tab(3)
    prices = dialog.opening.prices
    assert _cells(prices, RECEIVED_COLUMN) == SHOWN[lang]
    # the same instants as the command line's table (bid show), whatever offset was typed
    info = window.ctx.project.info
    assert [in_town_time(info, at) for at in RECEIVED.values()] == [
        "2027-04-16 09:15 -03:00",
        "2027-04-16 10:30 -03:00",
        "2027-04-16 11:05 -03:00",
    ]
    tips = [prices.item(r, RECEIVED_COLUMN).toolTip() for r in range(prices.rowCount())]
    assert tips[0] == SHOWN[lang][0]  # at the town's offset: nothing more to say
    assert tips[1] == SHOWN[lang][1] + " " + RECORDED[lang].format(moment=RECEIVED["B ltée"])
    # a UTC stamp is the app's own (a lock or an opening without --at): never "typed at
    # another offset" (review of 2026-12-07), as BD-OFFSET reads it
    assert tips[2] == SHOWN[lang][2]


def test_a_language_switch_shows_the_moments_again_in_the_other_language(window, qtbot, three_bids):
    dialog = _dialog(window, qtbot, "en")
    dialog.show_tab(3)
    assert _cells(dialog.opening.prices, RECEIVED_COLUMN) == SHOWN["en"]
    window.actions_by_name["lang_fr"].trigger()
    dialog.show_tab(3)
    assert _cells(dialog.opening.prices, RECEIVED_COLUMN) == SHOWN["fr"]
    dialog.show_tab(0)
    dialog.bids.bid_list.setCurrentRow(0)
    assert dialog.bids.late_label.text() == f"Reçue le {SHOWN['fr'][0]}, avant la clôture du {CLOSING['fr']}."


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_bids_tab_says_when_and_shows_a_moment_typed_at_another_offset_as_recorded(
    window, qtbot, three_bids, lang
):
    dialog = _dialog(window, qtbot, lang)
    tab = dialog.bids
    tab.bid_list.setCurrentRow(1)  # B, typed at -04:00
    before = {
        "en": "Received on {r}, before the closing of {c}.",
        "fr": "Reçue le {r}, avant la clôture du {c}.",
    }
    assert tab.late_label.text() == before[lang].format(r=SHOWN[lang][1], c=CLOSING[lang])
    assert (tab.received_day.text(), tab.received_time.text()) == ("2027-04-16", "10:30")
    assert tab.recorded_label.isVisibleTo(tab)
    assert tab.recorded_label.text() == RECORDED[lang].format(moment="2027-04-16T09:30:00-04:00")
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)  # nothing changed: nothing saved
    assert read(three_bids).bids[1].received_at == "2027-04-16T09:30:00-04:00"
    tab.bid_list.setCurrentRow(2)  # C, a UTC timestamp, late
    late = {
        "en": "Received on {r}, after the closing of {c}: kept on record and never opened.",
        "fr": f"Reçue le {{r}}, après la clôture du {{c}}{NBSP}: conservée au dossier et jamais ouverte.",
    }
    assert tab.late_label.text() == late[lang].format(r=SHOWN[lang][2], c=CLOSING[lang])
    assert not tab.recorded_label.isVisibleTo(tab) and tab.recorded_label.text() == ""
    tab.bid_list.setCurrentRow(0)  # A, at the town's offset: the clean twin
    assert not tab.recorded_label.isVisibleTo(tab) and tab.recorded_label.text() == ""


@pytest.mark.parametrize(
    ("lang", "locked", "opened"),
    [
        (
            "en",
            f"Locked on May\u00a04, 2027, 3:00{NBSP}p.m. Atlantic Time. — Martin Thériault",
            f"Opened on May\u00a05, 2027, 10:00{NBSP}a.m. Atlantic Time by Martin Thériault;",
        ),
        (
            "fr",
            f"Verrouillées le 4{NBSP}mai{NBSP}2027, 15{NBSP}h{NBSP}00 (heure de l’Atlantique). — Martin Thériault",
            f"Ouverte le 5{NBSP}mai{NBSP}2027, 10{NBSP}h{NBSP}00 (heure de l’Atlantique) par Martin Thériault;",
        ),
    ],
)
def test_the_bundled_example_s_lock_and_opening_in_the_town_s_time(
    window, qtbot, tmp_path, lang, locked, opened
):
    from wizard.core.bids.jsonform import record_tables

    project, publishing, bids = load_example_with_records("training")
    pf = ProjectFile.create(
        tmp_path / "t.tender", project, origin="example", tables=record_tables(publishing, bids)
    )
    window.set_project(pf)
    stored = read(pf)
    dialog = _dialog(window, qtbot, lang)
    dialog.show_tab(2)
    assert dialog.jury.lock_status.text() == locked
    dialog.show_tab(3)
    assert dialog.opening.status.text().startswith(opened)
    assert _cells(dialog.opening.prices, RECEIVED_COLUMN)[0] == (
        f"April\u00a016, 2027, 9:15{NBSP}a.m. Atlantic Time"
        if lang == "en"
        else f"16{NBSP}avril{NBSP}2027, 9{NBSP}h{NBSP}15 (heure de l’Atlantique)"
    )
    # shown, never rewritten
    assert read(pf).quality_locked_at == stored.quality_locked_at == "2027-05-04T15:00:00-03:00"
    assert [b.received_at for b in read(pf).bids] == [b.received_at for b in stored.bids]


@pytest.mark.parametrize(
    ("iso", "note"),
    [
        ("2027-05-04T18:00:00Z", ""),  # the lock stamped by the app (now()), no --at
        ("2027-05-04T18:00:00+00:00", ""),
        ("2027-05-04T14:00:00-04:00", "2027-05-04T14:00:00-04:00"),  # typed at a neighbour's offset
        ("2027-05-04T15:00:00-03:00", ""),  # the town's offset: the clean twin
    ],
)
def test_a_utc_stamp_is_not_shown_as_typed_at_another_offset(iso, note):
    from wizard.core.examples import load_example
    from wizard.ui.bids_common import as_recorded

    assert as_recorded(load_example("training").info, iso) == note
