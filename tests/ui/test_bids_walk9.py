"""Tender ▸ Bids and evaluation… after a new user's walk of the bids phase (2026-12-07,
Québec's statutory grid): what the window offered and the core then refused, an amount
in the wrong language, a sealed envelope without its reason, a window larger than its
screen, and published pages whose read-only texts looked editable.

The Québec sample (tests/core/quebec_bids_sample.py): bids A (80 points), B (72), C
(65, under the interim minimum of 70); here bid B fails mandatory criterion 4 (OBL-4).
"""

from __future__ import annotations

import sys
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QPalette

from wizard.core.bids import evaluation_entry, opening
from wizard.core.bids.record import read
from wizard.core.i18n import tr
from wizard.core.steps import Step
from wizard.ui.bids_common import amount_field, parse_amount
from wizard.ui.bids_intake import FIXED_AT_OPENING, NO_NEW_BID
from wizard.ui.bids_window import BidsWindow, fitted
from wizard.ui.language import apply_language

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "core"))
from quebec_bids_sample import LOCKED, OPENED, create, record_bid  # noqa: E402


def _cells(view, column: int) -> list[str]:
    return [view.item(r, column).text() for r in range(view.rowCount())]


def _sample(window, tmp_path, *, opened: bool):
    """The sample with bids A, B (OBL-4 failed) and C; locked and opened if ``opened``."""
    pf = create(tmp_path / "qc.tender")
    a, b, c = (record_bid(pf, key) for key in "ABC")
    evaluation_entry.set_mandatory(pf, b, 4, False, evidence="Hébergement hors Canada")
    if opened:
        evaluation_entry.lock_quality(pf, locked_by="Martin Thériault", at=LOCKED)
        opening.open_envelope(pf, opened_by="Martin Thériault", at=OPENED)
    window.set_project(pf)
    return pf, (a, b, c)


def _dialog(window, qtbot) -> BidsWindow:
    dialog = BidsWindow(window.ctx, window)
    qtbot.addWidget(dialog)
    return dialog


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_after_the_opening_a_new_bid_and_the_fixed_fields_are_disabled_with_why(
    window, qtbot, tmp_path, lang
):
    _sample(window, tmp_path, opened=True)
    apply_language(lang)
    bids = _dialog(window, qtbot).bids
    assert not bids.new_button.isEnabled()
    assert bids.new_button.toolTip() == tr(NO_NEW_BID, lang)
    assert bids.new_button.toolTip().startswith(
        "Les enveloppes de prix sont ouvertes" if lang == "fr" else "The price envelopes are open"
    )
    assert not bids.save_button.isEnabled()  # no bid chosen: "Record the bid" would add one
    bids.bid_list.setCurrentRow(0)
    assert bids.save_button.isEnabled() and bids.save_button.toolTip() == ""  # the bidder's details
    assert bids.fields["address"].isEnabled()
    for widget in (bids.received_day, bids.received_time, bids.withdrawn, bids.rejected):
        assert not widget.isEnabled()
        assert widget.toolTip() == tr(FIXED_AT_OPENING, lang)


def test_before_the_opening_a_new_bid_and_the_receipt_stay_open(window, qtbot, tmp_path):
    _sample(window, tmp_path, opened=False)
    bids = _dialog(window, qtbot).bids
    assert bids.new_button.isEnabled() and bids.new_button.toolTip() == ""
    assert bids.save_button.isEnabled()
    bids.bid_list.setCurrentRow(0)
    for widget in (bids.received_day, bids.received_time, bids.withdrawn, bids.rejected):
        assert widget.isEnabled() and widget.toolTip() == ""


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "fr",
            [
                "Ouverte",
                "Scellée\u00a0: critère obligatoire non satisfait\u00a0: OBL-4",
                "Scellée\u00a0: pointage intérimaire inférieur à 70",
            ],
        ),
        ("en", ["Opened", "Sealed: mandatory criterion not met: OBL-4", "Sealed: interim score under 70"]),
    ],
)
def test_an_envelope_left_sealed_at_the_opening_says_why(window, qtbot, tmp_path, lang, expected):
    pf, _ids = _sample(window, tmp_path, opened=True)
    apply_language(lang)
    dialog = _dialog(window, qtbot)
    dialog.show_tab(3)
    assert _cells(dialog.opening.prices, 2) == expected
    assert [b.opened for b in read(pf).bids] == [True, False, False]


def test_before_the_opening_a_sealed_envelope_gives_no_reason_yet(window, qtbot, tmp_path):
    _sample(window, tmp_path, opened=False)
    dialog = _dialog(window, qtbot)
    dialog.show_tab(3)
    assert _cells(dialog.opening.prices, 2) == ["Sealed", "Sealed", "Sealed"]


@pytest.mark.parametrize(("lang", "shown"), [("fr", "30\u00a0120,45"), ("en", "30,120.45")])
def test_the_award_value_shows_in_the_app_language(window, qtbot, tmp_path, errors, lang, shown):
    pf, (a, _b, _c) = _sample(window, tmp_path, opened=True)
    evaluation_entry.set_award(pf, a, contract_value="30120.45")
    apply_language(lang)
    dialog = _dialog(window, qtbot)
    dialog.show_tab(4)
    ranking = dialog.ranking
    assert ranking.contract_value.text() == shown
    qtbot.mouseClick(ranking.award_button, Qt.MouseButton.LeftButton)  # read back as shown
    assert errors == [] and read(pf).award.contract_value == Decimal("30120.45")


@pytest.mark.parametrize(
    ("lang", "typed", "value"),
    [
        ("fr", "95 502,70", "95502.70"),
        ("fr", "95\u00a0502,70\u00a0$", "95502.70"),
        ("fr", "95502.70", "95502.70"),
        ("fr", "1,234", "1.234"),  # a French decimal comma
        ("en", "95,502.70", "95502.70"),
        ("en", "$95,502.70", "95502.70"),
        ("en", "1,234", "1234"),  # an English thousands separator
        ("en", "95502,70", "95502.70"),  # no grouping there: a decimal comma
        ("en", "95502.70", "95502.70"),
    ],
)
def test_an_amount_is_read_in_the_app_language(lang, typed, value):
    apply_language(lang)
    assert parse_amount(typed) == Decimal(value)


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("typed", ["", "abc", "30,120.45.1", "95,50,2"])
def test_what_is_no_amount_is_none(lang, typed):
    apply_language(lang)
    assert parse_amount(typed) is None


@pytest.mark.parametrize(("lang", "shown"), [("fr", "\u22125\u00a0000,00"), ("en", "-5,000.00")])
def test_a_negative_amount_takes_the_language_minus(lang, shown):
    apply_language(lang)
    assert amount_field(Decimal("-5000")) == shown
    assert parse_amount(shown) == Decimal("-5000")


@pytest.mark.parametrize(
    ("available", "size"),
    [
        (QSize(1366, 768), QSize(1326, 688)),  # the laptop: the frame stays on the screen
        (QSize(1366, 728), QSize(1326, 648)),  # a panel takes 40 pixels
        (QSize(1920, 1080), QSize(1366, 768)),  # room to spare: the size it is laid out for
        (None, QSize(1366, 768)),
    ],
)
def test_the_bids_window_fits_its_screen(available, size):
    assert fitted(available) == size


def test_the_bids_window_opens_within_the_available_screen(window, qtbot, tmp_path):
    _sample(window, tmp_path, opened=False)
    dialog = _dialog(window, qtbot)
    room = dialog.screen().availableGeometry().size()
    assert dialog.width() <= room.width() - 40 and dialog.height() <= room.height() - 80


def _looks_read_only(widget) -> bool:
    palette = widget.palette()
    return palette.color(QPalette.ColorRole.Base) == palette.color(QPalette.ColorRole.Window)


@pytest.mark.parametrize("published", [True, False])
def test_published_pages_show_their_texts_and_grid_as_read_only(window, tmp_path, published):
    if published:
        _sample(window, tmp_path, opened=False)
    else:
        from wizard.core.model.defaults import new_project
        from wizard.core.project_file.store import ProjectFile

        project = new_project("fr")
        project.evaluation.quebec_weighted = True
        window.set_project(ProjectFile.create(tmp_path / "p.tender", project))
    window.wizard.go_to(Step.EVALUATION)
    page = window.wizard.page_of(Step.EVALUATION)
    tie_break = page.binder.widgets["evaluation.tie_break"]
    grid = page.tables["quality_grid"].table
    assert tie_break.isReadOnly() is published
    assert _looks_read_only(tie_break) is published
    assert _looks_read_only(grid) is published
    other = page.binder.bilingual["evaluation.tie_break"].other if published else None
    assert other is None or _looks_read_only(other)


@pytest.mark.parametrize(
    ("lang", "line", "label"),
    [
        (
            "en",
            "Bid 3: Gamma Savoir inc. — prices sealed: interim score under 70",
            "Left sealed at the opening: interim score under 70. Fingerprint (SHA-256):",
        ),
        (
            "fr",
            "Soumission 3\u00a0: Gamma Savoir inc. — prix scellés\u00a0: pointage intérimaire inférieur à 70",
            "Laissé scellé à l’ouverture\u00a0: pointage intérimaire inférieur à 70. Empreinte (SHA-256)\u00a0:",
        ),
    ],
)
def test_the_bids_list_says_why_a_workbook_stayed_sealed(window, qtbot, tmp_path, lang, line, label):
    _sample(window, tmp_path, opened=True)
    apply_language(lang)
    bids = _dialog(window, qtbot).bids
    assert bids.bid_list.item(2).text() == line
    bids.bid_list.setCurrentRow(2)
    assert bids.sealed_label.text().startswith(label)
    bids.bid_list.setCurrentRow(0)  # the clean twin: an opened workbook
    assert bids.sealed_label.text().startswith("Ouvert." if lang == "fr" else "Opened.")


def test_before_the_opening_the_list_gives_no_reason(window, qtbot, tmp_path):
    _sample(window, tmp_path, opened=False)
    bids = _dialog(window, qtbot).bids
    assert bids.bid_list.item(2).text() == "Bid 3: Gamma Savoir inc. — prices sealed"
    bids.bid_list.setCurrentRow(2)
    assert bids.sealed_label.text().startswith(
        "Sealed: its prices stay unread until the price envelope is opened."
    )


def _two_opened(window, tmp_path):
    """The sample with A and B both passing and opened (C under 70 stays sealed)."""
    pf = create(tmp_path / "qc.tender")
    a, b, _c = (record_bid(pf, key) for key in "ABC")
    evaluation_entry.lock_quality(pf, locked_by="Martin Thériault", at=LOCKED)
    opening.open_envelope(pf, opened_by="Martin Thériault", at=OPENED)
    window.set_project(pf)
    return pf, a, b


def test_another_bidder_chosen_shows_and_records_that_bids_price(window, qtbot, tmp_path):
    """Walk 2026-12-07: the panel sent the value shown for the bid chosen before, so the
    award to another bid recorded the first bid's price as a value stated for it."""
    pf, a, b = _two_opened(window, tmp_path)
    evaluation_entry.set_award(pf, a, reason_if_not_top="Motif consigné au dossier du conseil")
    prices = {bid.id: bid.evaluated_price for bid in read(pf).bids}
    assert prices[a] != prices[b]
    dialog = _dialog(window, qtbot)
    dialog.show_tab(4)
    ranking = dialog.ranking
    assert ranking.contract_value.text() == amount_field(prices[a])
    ranking.award_bid.setCurrentIndex(ranking.award_bid.findData(b))
    assert ranking.contract_value.text() == amount_field(prices[b])
    ranking.reason.setText("Meilleure offre pour le service de garde")
    ranking.record_award()
    award = read(pf).award
    assert award.bid_id == b and award.contract_value == prices[b]


def test_a_value_the_user_typed_stays_when_the_bidder_changes(window, qtbot, tmp_path):
    pf, a, b = _two_opened(window, tmp_path)
    evaluation_entry.set_award(pf, a, reason_if_not_top="Motif consigné au dossier du conseil")
    dialog = _dialog(window, qtbot)
    dialog.show_tab(4)
    ranking = dialog.ranking
    ranking.contract_value.setText("12345.67")
    ranking.award_bid.setCurrentIndex(ranking.award_bid.findData(b))
    assert ranking.contract_value.text() == "12345.67"


def _fits(view, text: str, width: int, height: int) -> bool:
    """``text`` wrapped to ``width`` pixels takes no more than ``height``: shown whole."""
    from PySide6.QtCore import QRect

    flags = int(Qt.TextFlag.TextWordWrap.value)
    return view.fontMetrics().boundingRect(QRect(0, 0, width, 10**6), flags, text).height() <= height


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_at_1366_by_768_the_scenario_titles_and_sealed_reasons_are_whole(window, qtbot, tmp_path, lang):
    """Walk 2026-12-07: the Verification tab cut the scenarios' titles after about 25
    characters beside a wide, empty Notes column; the Bids list cut the reason an
    envelope stayed sealed."""
    _sample(window, tmp_path, opened=True)
    apply_language(lang)
    dialog = _dialog(window, qtbot)
    dialog.resize(fitted(QSize(1366, 768)))
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.show_tab(1)
    view = dialog.verification.scenarios
    titles = _cells(view, 0)
    assert titles and max(len(t) for t in titles) > 30  # long enough to have been cut
    assert view.columnWidth(0) > view.columnWidth(2)  # the title has the room, not the notes
    margin = 2 * view.style().pixelMetric(view.style().PixelMetric.PM_FocusFrameHMargin) + 8
    for r, title in enumerate(titles):
        assert _fits(view, title, view.columnWidth(0) - margin, view.rowHeight(r)), title
    dialog.show_tab(0)
    listing = dialog.bids.bid_list
    sealed = [listing.item(r) for r in range(listing.count()) if "OBL-4" in listing.item(r).text()]
    assert len(sealed) == 1
    rect = listing.visualItemRect(sealed[0])
    assert _fits(listing, sealed[0].text(), rect.width() - 8, rect.height()), sealed[0].text()
    import os

    if os.environ.get("OPW_SHOTS"):  # to look at: OPW_SHOTS=DIR
        dialog.show_tab(1)
        dialog.grab().save(str(Path(os.environ["OPW_SHOTS"]) / f"walk12-verification-{lang}.png"))
        dialog.show_tab(0)
        dialog.grab().save(str(Path(os.environ["OPW_SHOTS"]) / f"walk12-bids-{lang}.png"))
