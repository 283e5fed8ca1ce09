"""What the tabs of *Bids and evaluation* share (``bids_window.py``): moments in the
town's zone, how a bid, a score and an amount are shown, a small table helper.

A moment is typed as a date (YYYY-MM-DD) and a time (HH:MM) in the town's zone, the
zone of the closing (``timezones.zone_of``); the core receives ISO 8601 with the offset
of that zone on that day, so a clerk never types an offset. Text that is not a date
and a time goes to the core as typed, and the core's refusal is shown.

A stored moment (receipt, closing, lock, opening) is shown as the town's clock reads it,
in the app's language and named as the evaluation report names it (:func:`shown_moment`);
the stored value never changes, and one typed at another offset than the town's that
day is shown beside, as recorded (``timezones.as_recorded``, the rule ``bid show`` prints
it by).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from decimal import Decimal
from fractions import Fraction
from typing import Any

from babel.numbers import format_decimal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLineEdit, QTableWidget, QTableWidgetItem

from wizard.core.bids.record import Bid
from wizard.core.documents.evaluation_common import moment
from wizard.core.documents.record_tco import money
from wizard.core.domain.timezones import as_recorded, parse_time, tzinfo, zone_of
from wizard.core.i18n import N_, _, ui_language
from wizard.core.i18n.formats import MINUS, with_minus
from wizard.core.model.sections import ProjectInfo
from wizard.core.opendata.milestones import parse_moment
from wizard.ui.widgets.fields import parse_decimal

NONE = "—"
"""A value not known yet (a sealed price, a score not given)."""


def done(op: Callable[..., object]) -> Callable[..., bool]:
    """``op`` returning ``True`` once it ran: ``ctx.do`` returns ``None`` for a refusal,
    and a core operation that returns nothing would look refused."""

    def run(*args: Any, **kwargs: Any) -> bool:
        op(*args, **kwargs)
        return True

    return run


def moment_text(info: ProjectInfo, day: str, time: str) -> str:
    """``day`` (YYYY-MM-DD) at ``time`` (HH:MM) in the town's zone as ISO 8601 with its
    offset (``2027-04-16T10:12:00-03:00``); ``day`` and ``time`` as typed, joined by
    ``T``, when either is not one or the zone is unknown (the core then refuses it)."""
    zone = tzinfo(zone_of(info))
    clock = parse_time(time)
    try:
        date = dt.date.fromisoformat(day.strip())
    except ValueError:
        date = None
    if zone is None or clock is None or date is None:
        return f"{day.strip()}T{time.strip()}"
    return dt.datetime.combine(date, clock, tzinfo=zone).isoformat(timespec="seconds")


def local_parts(info: ProjectInfo, iso: str) -> tuple[str, str]:
    """The date (YYYY-MM-DD) and time (HH:MM) of the moment ``iso`` in the town's zone
    (in its own offset when the zone is unknown); ``("", "")`` for no moment."""
    found = parse_moment(iso) if iso else None
    if found is None:
        return "", ""
    zone = tzinfo(zone_of(info))
    if zone is not None:
        found = found.astimezone(zone)
    return found.date().isoformat(), found.strftime("%H:%M")


def now_parts(info: ProjectInfo) -> tuple[str, str]:
    """Now, in the town's zone, as :func:`local_parts`."""
    return local_parts(info, dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"))


def shown_moment(info: ProjectInfo, iso: str) -> str:
    """The stored moment ``iso`` as the town's clock reads it that day, in the app's
    language, as the evaluation report writes it (``evaluation_common.moment``): « 16 avril
    2027, 11 h 07 (heure de l’Atlantique) », "April 16, 2027, 11:07 a.m. Atlantic Time";
    at its own offset when no zone is known ("… (UTC−03:00)"); the text as stored when it
    is no moment with its offset; :data:`NONE` for none. The same instant as the command
    line's ``timezones.in_town_time``, whatever offset was typed."""
    found = parse_moment(iso) if iso else None
    if found is None:
        return iso.strip() or NONE
    return moment(found.isoformat(), ui_language(), zone_of(info))


RECORDED = N_(
    "As recorded: {moment} (the moment the file keeps as evidence, typed at another offset than the town's)."
)
"""Beside a moment shown in the town's time when the file stores it at another offset."""


def recorded_note(info: ProjectInfo, iso: str) -> str:
    """:data:`RECORDED` in the app's language for ``iso`` (``timezones.as_recorded``); ''
    when the stored moment is at the town's offset."""
    typed = as_recorded(info, iso)
    return _(RECORDED, moment=typed) if typed else ""


def with_recorded(text: str, info: ProjectInfo, iso: str) -> str:
    """``text`` then, when ``iso`` is stored at another offset than the town's,
    :func:`recorded_note` after a space."""
    note = recorded_note(info, iso)
    return f"{text} {note}" if note else text


def bid_name(bid: Bid) -> str:
    """How the window names a bid: its number and the bidder's legal name."""
    return _("Bid {number}: {name}", number=bid.id, name=bid.bidder.legal_name)


def amount(value: Decimal | None) -> str:
    """An amount in CAD in the app's language; :data:`NONE` for an unknown one."""
    return NONE if value is None else money(value, ui_language())


def amount_field(value: Decimal | None) -> str:
    """An amount in CAD as an editor shows it in the app's language, grouped, to the
    cent, without the currency sign: « 30 120,45 » (no-break space), "30,120.45"; ''
    for none. :func:`parse_amount` reads it back."""
    if value is None:
        return ""
    locale = "fr_CA" if ui_language() == "fr" else "en_CA"
    return with_minus(format_decimal(value, format="#,##0.00", locale=locale), ui_language())


_EN_GROUPED = re.compile(r"^-?\d{1,3}(,\d{3})+(\.\d*)?$")


def parse_amount(text: str) -> Decimal | None:
    """An amount as typed in the app's language: « 30 120,45 » or « 30120.45 » in
    French, "30,120.45" or "30120.45" in English (a comma there groups thousands when it
    does, "1,234"; otherwise it is read as a decimal mark, "95502,70"); spaces of any
    kind and a "$" ignored. ``None`` when not a number."""
    cleaned = re.sub(r"[\s\u00a0\u202f$]", "", text).replace(MINUS, "-")
    if ui_language() != "fr" and _EN_GROUPED.match(cleaned):
        cleaned = cleaned.replace(",", "")
    return parse_decimal(cleaned)


def score(value: Fraction | None, places: int = 2) -> str:
    """A score rounded for display only (the core keeps it exact); :data:`NONE` for none."""
    if value is None:
        return NONE
    text = f"{float(round(value, places)):.{places}f}"
    return text.replace(".", ",") if ui_language() == "fr" else text


def fingerprint(sha256: str) -> str:
    """The first 16 hex digits of a SHA-256 fingerprint, grouped by four (enough to
    compare with a printed copy; the record keeps all 64); :data:`NONE` for none."""
    if not sha256:
        return NONE
    return " ".join(sha256[i : i + 4] for i in range(0, 16, 4))


def short_field(edit: QLineEdit, chars: int) -> QLineEdit:
    """``edit`` no wider than ``chars`` characters (a date, a time)."""
    edit.setMaximumWidth(edit.fontMetrics().averageCharWidth() * chars + 16)
    return edit


def clear_cells(view: QTableWidget) -> None:
    """Remove the editors of ``view``'s cells now (hidden at once, deleted later), so
    that a refill never shows a stale one."""
    for r in range(view.rowCount()):
        for c in range(view.columnCount()):
            widget = view.cellWidget(r, c)
            if widget is not None:
                widget.hide()
                view.removeCellWidget(r, c)
    view.setRowCount(0)


def table(headers: list[str], stretch: int = -1, widths: dict[int, int] | None = None) -> QTableWidget:
    """A read-only table with ``headers``; column ``stretch`` takes the free width;
    ``widths``: column → a fixed width in characters (the text elided, whole in its
    tooltip)."""
    view = QTableWidget(0, len(headers))
    view.setHorizontalHeaderLabels(headers)
    view.verticalHeader().setVisible(False)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setWordWrap(False)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    if stretch >= 0:
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    for column, chars in (widths or {}).items():
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        view.setColumnWidth(column, view.fontMetrics().averageCharWidth() * chars)
    return view


def fill(view: QTableWidget, rows: list[list[str]]) -> None:
    """Replace the rows of ``view`` with ``rows`` of texts (a tooltip repeats each text)."""
    view.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            item = QTableWidgetItem(text)
            item.setToolTip(text)
            view.setItem(r, c, item)
