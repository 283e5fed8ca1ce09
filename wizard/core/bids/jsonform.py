"""The bids record as JSON (``jsonio`` version 5, key ``bids``; the grid lists since
version 7; docs/bids.md, "JSON").

Shape (ids as in the file; each ``bid_id`` names a bid of the list)::

    {"bids": [{"id": 1, "bidder": {"legal_name", "business_number", "address",
               "contact_name", "contact_email", "contact_phone"},
               "received_at", "late", "withdrawn", "rejected", "trade_secret",
               "publish_names", "response_form", "notes", "acknowledged": [1],
               "workbook": {"name", "sha256", "attached_at", "content": "<base64>"} or null}],
     "mandatory": [{"bid_id", "criterion_id", "passed", "evidence"}],
     "verifications": [{"bid_id", "scenario_id", "result", "notes", "verified_on",
                        "committee_member_id"}],
     "sheets": [{"bid_id", "jury_member_id", "criterion_id", "points", "reason"}],
     "consensus": [{"bid_id", "criterion_id", "points", "reason"}],
     "grid_sheets": [{"bid_id", "jury_member_id", "item_id", "points", "reason"}],
     "grid_consensus": [{"bid_id", "item_id", "points", "reason"}],
     "quality_lock": {"locked_at", "locked_by"} or null,
     "opening": {"opened_at", "opened_by", "witnesses",
                 "workbooks": [{"bid_id", "sha256", "version", "evaluated_price"}],
                 "amounts": [{"bid_id", "line_key", "year", "amount"}]} or null,
     "award": {"bid_id", "reason_if_not_top", …, "contract_value"} or null,
     "removed": [6]}

``removed`` (optional, written only when a bid was removed; a copy written before it
existed loads as none removed) lists the numbers of the bids removed from the project
(``intake.remove_bid``): the project file keeps them in its journal, which the copy does
not carry, and a removed bid's number is never given again, after a ``load`` too
(:func:`keep_removed`, ``intake.next_number``).

The JSON is a whole copy of the file (``dump`` is a backup): a sealed workbook travels
as its bytes, never as figures. :func:`to_json` reads it from an open file;
:func:`table_rows` checks it (a workbook whose bytes do not match its SHA-256, an opened
workbook whose fingerprint is not the sealed one, a link to no bid, a value of the wrong
type, a text over ``codec.MAX_TEXT``, a row repeating another where the operations keep
one (:data:`_REPEATS`, ``jsonio.REPEATED``) are refused with ``jsonio.ProjectJsonError``
naming it) and gives the rows of the
schema-6 and schema-8 tables that ``ProjectFile.create(..., tables=...)`` writes with the project.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
from decimal import Decimal, InvalidOperation
from typing import Any

from wizard.core.bids.record import VERIFICATION_RESULTS, late_against
from wizard.core.domain.timezones import closing_datetime
from wizard.core.i18n import N_
from wizard.core.opendata.milestones import parse_moment
from wizard.core.project_file import expected, jsonio
from wizard.core.project_file.codec import MAX_TEXT
from wizard.core.project_file.store import BIDS_TABLES, ProjectFile

_BIDDER = ("legal_name", "business_number", "address", "contact_name", "contact_email", "contact_phone")
_BID_TEXTS = ("received_at", "rejected", "trade_secret", "notes")
_BID_FLAGS = ("late", "withdrawn", "publish_names", "response_form")
_LISTS: dict[str, tuple[str, tuple[str, ...], tuple[str, ...]]] = {
    # JSON key → (table, integer columns, text columns); the rest of the columns below
    "mandatory": ("mandatory_results", ("bid_id", "criterion_id"), ("evidence",)),
    "verifications": (
        "scenario_verifications",
        ("bid_id", "scenario_id"),
        ("result", "notes", "verified_on"),
    ),
    "sheets": ("sheet_scores", ("bid_id", "jury_member_id", "criterion_id"), ("reason",)),
    "consensus": ("consensus_scores", ("bid_id", "criterion_id"), ("reason",)),
    # version 7 (schema 8): Québec's quality grid; absent from older JSON (read as empty)
    "grid_sheets": ("grid_sheet_scores", ("bid_id", "jury_member_id", "item_id"), ("reason",)),
    "grid_consensus": ("grid_consensus_scores", ("bid_id", "item_id"), ("reason",)),
}
_REPEATS: dict[str, tuple[tuple[str, ...], str]] = {
    # JSON key → (what identifies a row, how a repeat is named): the operations keep one
    # row of each (``evaluation_entry``: each entry replaces the previous one)
    "mandatory": (("bid_id", "criterion_id"), N_("the bid {bid_id} and the criterion {criterion_id}")),
    "verifications": (("bid_id", "scenario_id"), N_("the bid {bid_id} and the scenario {scenario_id}")),
    "sheets": (
        ("bid_id", "jury_member_id", "criterion_id"),
        N_("the bid {bid_id}, the jury member {jury_member_id} and the criterion {criterion_id}"),
    ),
    "consensus": (("bid_id", "criterion_id"), N_("the bid {bid_id} and the criterion {criterion_id}")),
    "grid_sheets": (
        ("bid_id", "jury_member_id", "item_id"),
        N_("the bid {bid_id}, the jury member {jury_member_id} and the grid item {item_id}"),
    ),
    "grid_consensus": (("bid_id", "item_id"), N_("the bid {bid_id} and the grid item {item_id}")),
}
ADDENDUM_NUMBER = N_("the addendum number {number}")
"""How a repeated addendum number is named (:data:`jsonio.REPEATED`)."""
_OPTIONAL_INT = {
    "mandatory": "passed",
    "verifications": "committee_member_id",
    "sheets": "points",
    "consensus": "points",
    "grid_sheets": "points",
    "grid_consensus": "points",
}
_AWARD_TEXTS = (
    "reason_if_not_top",
    "resolution_number",
    "resolution_date",
    "signatory",
    "delegated_authority",
    "awarded_on",
    "contract_signed_on",
    "contract_value",
)


def shape() -> jsonio.Shape:
    """The keys of the ``bids`` object :func:`table_rows` reads (``jsonio.ignored``)."""
    lists: jsonio.Shape = {
        key: [dict.fromkeys((*ints, *texts, _OPTIONAL_INT[key]))] for key, (_t, ints, texts) in _LISTS.items()
    }
    return {
        "bids": [
            {
                **dict.fromkeys(("id", *_BID_TEXTS, *_BID_FLAGS, "acknowledged")),
                "bidder": dict.fromkeys(_BIDDER),
                "workbook": dict.fromkeys(("name", "sha256", "attached_at", "content")),
            }
        ],
        **lists,
        "quality_lock": dict.fromkeys(("locked_at", "locked_by")),
        "opening": {
            **dict.fromkeys(("opened_at", "opened_by", "witnesses")),
            "workbooks": [dict.fromkeys(("bid_id", "sha256", "version", "evaluated_price"))],
            "amounts": [dict.fromkeys(("bid_id", "line_key", "year", "amount"))],
        },
        "award": dict.fromkeys(("bid_id", *_AWARD_TEXTS, "standstill_days")),
        "removed": None,
    }


def _rows(pf: ProjectFile, sql: str) -> list[dict[str, Any]]:
    cursor = pf.db.execute(sql)
    names = [c[0] for c in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def to_json(pf: ProjectFile) -> dict[str, Any] | None:
    """The bids record of ``pf`` as JSON-ready data, ``None`` when no bid is recorded
    and none was removed (``removed``: module docstring)."""
    from wizard.core.bids.intake import removed_numbers

    bids = _rows(pf, "SELECT * FROM bids ORDER BY id")
    removed = sorted(removed_numbers(pf))
    if not bids and not removed:
        return None
    bidders = {r.pop("id"): r for r in _rows(pf, "SELECT * FROM bidders ORDER BY id")}
    acks: dict[int, list[int]] = {}
    for r in _rows(pf, "SELECT bid_id, addendum_number FROM bid_acknowledgements ORDER BY addendum_number"):
        acks.setdefault(r["bid_id"], []).append(r["addendum_number"])
    sealed = {r.pop("bid_id"): r for r in _rows(pf, "SELECT * FROM sealed_workbooks ORDER BY id")}
    deadline = closing_datetime(pf.project.info)
    out: list[dict[str, Any]] = []
    for bid in bids:
        workbook = sealed.get(bid["id"])
        out.append(
            {
                "id": bid["id"],
                "bidder": bidders[bid["bidder_id"]],
                **{k: bid[k] for k in _BID_TEXTS},
                **{k: bool(bid[k]) for k in _BID_FLAGS},
                # the status the app reads, derived against the closing in force
                "late": late_against(bid["received_at"], bool(bid["late"]), deadline),
                "acknowledged": acks.get(bid["id"], []),
                "workbook": {
                    "name": workbook["name"],
                    "sha256": workbook["sha256"],
                    "attached_at": workbook["attached_at"],
                    "content": base64.b64encode(bytes(workbook["content"])).decode("ascii"),
                }
                if workbook
                else None,
            }
        )
    data: dict[str, Any] = {"bids": out}
    for key, (table, _ints, _texts) in _LISTS.items():
        rows = _rows(pf, f'SELECT * FROM "{table}" ORDER BY id')
        for row in rows:
            del row["id"]
            if key == "mandatory" and row["passed"] is not None:
                row["passed"] = bool(row["passed"])
        data[key] = rows
    lock = _rows(pf, "SELECT locked_at, locked_by FROM quality_lock")
    data["quality_lock"] = lock[0] if lock else None
    opening = _rows(pf, "SELECT opened_at, opened_by, witnesses FROM envelope_opening")
    data["opening"] = (
        {
            **opening[0],
            "workbooks": _rows(
                pf, "SELECT bid_id, sha256, version, evaluated_price FROM opened_workbooks ORDER BY id"
            ),
            "amounts": _rows(pf, "SELECT bid_id, line_key, year, amount FROM opened_amounts ORDER BY id"),
        }
        if opening
        else None
    )
    award = _rows(pf, "SELECT * FROM award")
    if award:
        del award[0]["id"]
    data["award"] = award[0] if award else None
    if removed:  # optional: a copy without it is one where no bid was removed
        data["removed"] = removed
    return data


REMOVED_IS_RECORDED = N_(
    "the field {field} names the bid {bid}, which the file holds: a removed bid's number is never that of a bid recorded"
)
REMOVED_NOT_NUMBER = N_("the field {field} must be the number of a bid, 1 or more: {value}")


def removed_of(data: dict[str, Any]) -> list[int]:
    """The numbers of the removed bids of the ``bids`` object ``data`` (its optional
    ``removed`` list; empty without it), sorted. Raises ``jsonio.ProjectJsonError``:
    not a list of whole numbers, a number under 1, one said twice, one that is the
    number of a bid the object holds."""
    where = "bids.removed"
    numbers = data.get("removed") or []
    if not isinstance(numbers, list) or not all(
        isinstance(n, int) and not isinstance(n, bool) for n in numbers
    ):
        raise jsonio.ProjectJsonError.must_be(where, expected.WHOLE_NUMBERS)
    held = {bid.get("id") for bid in _list(data, "bids", "bids")}
    seen: dict[Any, str] = {}
    for k, number in enumerate(numbers):
        at = f"{where}[{k}]"
        if number < 1:
            raise jsonio.ProjectJsonError.of(REMOVED_NOT_NUMBER, field=at, value=number)
        jsonio.once(seen, number, at, N_("the bid {bid_id}"), bid_id=number)
        if number in held:
            raise jsonio.ProjectJsonError.of(REMOVED_IS_RECORDED, field=at, bid=number)
    return sorted(numbers)


def keep_removed(pf: ProjectFile, data: dict[str, Any] | None) -> None:
    """Journal, in the project ``pf`` just created from the ``bids`` object ``data``
    (``None``: nothing), each removed bid's number as its removal is journalled (the
    marker ``bids``, ``{"op": "remove_bid", "bid": N, "loaded": true}``), so that
    ``intake.next_number`` never gives it again. ``contract.jsonform.create_file``, the
    one creation from JSON parts (``load``, ``new --example``, the app's *New from an
    example*), calls it after ``ProjectFile.create``. Raises
    ``jsonio.ProjectJsonError`` as :func:`removed_of` (already checked by
    :func:`table_rows`), the store's ``ReadOnlyFile`` / ``WriteFailed``."""
    from wizard.core.bids.common import BIDS_MARKER

    numbers = removed_of(data) if data is not None else []
    if not numbers:
        return
    with pf.transaction():
        for number in numbers:
            pf.mark(BIDS_MARKER, {"op": "remove_bid", "bid": number, "loaded": True})


def _text(data: dict[str, Any], key: str, where: str, *, limit: bool = True) -> str:
    """The text ``data[key]`` ('' when absent), at most :data:`codec.MAX_TEXT`
    characters unless ``limit`` is false (a workbook's base64 content): the limit the
    operations apply to every text a user types (``bids.common.free_text``). Raises
    ``jsonio.ProjectJsonError`` naming ``where.key``."""
    value = data.get(key, "")
    if value is None:
        return ""
    if not isinstance(value, str):
        raise jsonio.ProjectJsonError.must_be(f"{where}.{key}", expected.TEXT)
    if limit and len(value) > MAX_TEXT:
        raise jsonio.ProjectJsonError.too_long(f"{where}.{key}", len(value))
    return value


def _int(data: dict[str, Any], key: str, where: str, optional: bool = False) -> int | None:
    value = data.get(key)
    if value is None and optional:
        return None
    if isinstance(value, bool) and key == "passed":
        return int(value)
    if isinstance(value, bool) or not isinstance(value, int):
        raise jsonio.ProjectJsonError.must_be(f"{where}.{key}", expected.WHOLE)
    return value


def _flag(data: dict[str, Any], key: str, where: str) -> int:
    value = data.get(key, False)
    if not isinstance(value, bool):
        raise jsonio.ProjectJsonError.must_be(f"{where}.{key}", expected.FLAG)
    return int(value)


def _list(data: dict[str, Any], key: str, where: str) -> list[dict[str, Any]]:
    value = data.get(key) or []
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        raise jsonio.ProjectJsonError.must_be(f"{where}.{key}", expected.OBJECTS)
    return value


def _object(data: dict[str, Any], key: str, where: str) -> dict[str, Any] | None:
    value = data.get(key)
    if value is not None and not isinstance(value, dict):
        raise jsonio.ProjectJsonError.must_be(f"{where}.{key}", expected.OBJECT)
    return value


def _decimal_text(value: str, where: str) -> str:
    try:
        amount = Decimal(value)
    except InvalidOperation:
        raise jsonio.ProjectJsonError.must_be(where, expected.AMOUNT_NOT_NEGATIVE) from None
    if not amount.is_finite() or amount < 0:
        raise jsonio.ProjectJsonError.must_be(where, expected.AMOUNT_NOT_NEGATIVE)
    return value


def table_rows(data: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    """The rows of each schema-6 and schema-8 table for the ``bids`` object ``data`` (module
    docstring), parents first. Raises ``jsonio.ProjectJsonError``."""
    where = "bids"
    tables: dict[str, list[dict[str, Any]]] = {name: [] for name in BIDS_TABLES}
    sealed: dict[int, str] = {}
    for i, bid in enumerate(_list(data, "bids", where)):
        at = f"{where}.bids[{i}]"
        bid_id = _int(bid, "id", at)
        assert bid_id is not None
        if any(r["id"] == bid_id for r in tables["bids"]):
            raise jsonio.ProjectJsonError.of(
                jsonio.DUPLICATE_ID, field=f"{at}.id", id=bid_id, rows=f"{where}.bids"
            )
        bidder = _object(bid, "bidder", at) or {}
        tables["bidders"].append({"id": bid_id, **{k: _text(bidder, k, f"{at}.bidder") for k in _BIDDER}})
        tables["bids"].append(
            {
                "id": bid_id,
                "bidder_id": bid_id,
                **{k: _text(bid, k, at) for k in _BID_TEXTS},
                **{k: _flag(bid, k, at) for k in _BID_FLAGS},
            }
        )
        if parse_moment(tables["bids"][-1]["received_at"]) is None:  # a bid's moment decides late
            raise jsonio.ProjectJsonError.must_be(f"{at}.received_at", expected.MOMENT)
        numbers = bid.get("acknowledged") or []
        if not isinstance(numbers, list) or not all(
            isinstance(n, int) and not isinstance(n, bool) for n in numbers
        ):
            raise jsonio.ProjectJsonError.must_be(f"{at}.acknowledged", expected.ADDENDUM_NUMBERS)
        acknowledged: dict[Any, str] = {}
        for k, number in enumerate(numbers):
            jsonio.once(acknowledged, number, f"{at}.acknowledged[{k}]", ADDENDUM_NUMBER, number=number)
        tables["bid_acknowledgements"] += [{"bid_id": bid_id, "addendum_number": n} for n in numbers]
        workbook = _object(bid, "workbook", at)
        if workbook is not None:
            try:
                content = base64.b64decode(
                    _text(workbook, "content", f"{at}.workbook", limit=False), validate=True
                )
            except (binascii.Error, ValueError) as exc:
                raise jsonio.ProjectJsonError.must_be(f"{at}.workbook.content", expected.BASE64) from exc
            digest = _text(workbook, "sha256", f"{at}.workbook")
            if not content or hashlib.sha256(content).hexdigest() != digest:
                raise jsonio.ProjectJsonError.of(
                    jsonio.NOT_FINGERPRINT, field=f"{at}.workbook.sha256", content=f"{at}.workbook.content"
                )
            sealed[bid_id] = digest
            tables["sealed_workbooks"].append(
                {
                    "bid_id": bid_id,
                    "name": _text(workbook, "name", f"{at}.workbook"),
                    "content": content,
                    "sha256": digest,
                    "attached_at": _text(workbook, "attached_at", f"{at}.workbook"),
                }
            )
    ids = {r["id"] for r in tables["bids"]}

    def linked(row: dict[str, Any], at: str) -> int:
        bid_id = _int(row, "bid_id", at)
        if bid_id not in ids:
            raise jsonio.ProjectJsonError.of(
                jsonio.NO_SUCH_ROW, field=f"{at}.bid_id", id=bid_id, rows="bids.bids"
            )
        assert bid_id is not None
        return bid_id

    for key, (table, ints, texts) in _LISTS.items():
        identity, repeat = _REPEATS[key]
        seen: dict[Any, str] = {}
        for i, row in enumerate(_list(data, key, where)):
            at = f"{where}.{key}[{i}]"
            linked(row, at)
            optional = _OPTIONAL_INT[key]
            values = {k: _int(row, k, at) for k in ints}
            jsonio.once(seen, tuple(values[k] for k in identity), at, repeat, **values)
            read = {k: _text(row, k, at) for k in texts}
            if key == "verifications" and read["result"] not in VERIFICATION_RESULTS:
                raise jsonio.ProjectJsonError.one_of(f"{at}.result", VERIFICATION_RESULTS)
            tables[table].append({**values, **read, optional: _int(row, optional, at, optional=True)})
    lock = _object(data, "quality_lock", where)
    if lock is not None:
        tables["quality_lock"].append(
            {"id": 1, **{k: _text(lock, k, f"{where}.quality_lock") for k in ("locked_at", "locked_by")}}
        )
        if parse_moment(tables["quality_lock"][0]["locked_at"]) is None:
            raise jsonio.ProjectJsonError.must_be(f"{where}.quality_lock.locked_at", expected.MOMENT)
    opening = _object(data, "opening", where)
    if opening is not None:
        at = f"{where}.opening"
        tables["envelope_opening"].append(
            {"id": 1, **{k: _text(opening, k, at) for k in ("opened_at", "opened_by", "witnesses")}}
        )
        if parse_moment(tables["envelope_opening"][0]["opened_at"]) is None:
            raise jsonio.ProjectJsonError.must_be(f"{at}.opened_at", expected.MOMENT)
        opened: dict[Any, str] = {}
        for i, row in enumerate(_list(opening, "workbooks", at)):
            here = f"{at}.workbooks[{i}]"
            bid_id = linked(row, here)
            jsonio.once(opened, bid_id, here, N_("the bid {bid_id}"), bid_id=bid_id)
            digest = _text(row, "sha256", here)
            if sealed.get(bid_id) != digest:
                raise jsonio.ProjectJsonError.of(
                    N_("the field {field} is not the fingerprint of the workbook sealed for the bid {bid}"),
                    field=f"{here}.sha256",
                    bid=bid_id,
                )
            tables["opened_workbooks"].append(
                {
                    "bid_id": bid_id,
                    "sha256": digest,
                    "version": _text(row, "version", here),
                    "evaluated_price": _decimal_text(
                        _text(row, "evaluated_price", here), f"{here}.evaluated_price"
                    ),
                }
            )
        cells: dict[Any, str] = {}
        for i, row in enumerate(_list(opening, "amounts", at)):
            here = f"{at}.amounts[{i}]"
            amount = row.get("amount")
            if amount is not None:
                amount = _decimal_text(_text(row, "amount", here), f"{here}.amount")
            cell = {
                "bid_id": linked(row, here),
                "line_key": _text(row, "line_key", here),
                "year": _int(row, "year", here),
            }
            jsonio.once(
                cells,
                tuple(cell.values()),
                here,
                N_("the bid {bid_id}, the line {line_key} and the year {year}"),
                **cell,
            )
            tables["opened_amounts"].append({**cell, "amount": amount})
    removed_of(data)  # refused here, before anything is written (:func:`keep_removed`)
    award = _object(data, "award", where)
    if award is not None:
        at = f"{where}.award"
        bid_id = award.get("bid_id")
        if bid_id is not None:
            linked(award, at)
        value = _text(award, "contract_value", at)
        if value:
            _decimal_text(value, f"{at}.contract_value")
        tables["award"].append(
            {
                "id": 1,
                "bid_id": bid_id,
                **{k: _text(award, k, at) for k in _AWARD_TEXTS},
                "standstill_days": _int(award, "standstill_days", at),
            }
        )
    return tables


def record_tables(
    publishing: dict[str, Any] | None, bids: dict[str, Any] | None
) -> dict[str, list[dict[str, Any]]] | None:
    """The rows of the publication and bids tables for the JSON objects ``publishing``
    and ``bids`` (``None`` when neither), for ``ProjectFile.create(..., tables=...)``.
    Raises ``jsonio.ProjectJsonError`` (bids without a publication, or as
    :func:`table_rows` and ``publishing.jsonform.table_rows``)."""
    from wizard.core.publishing.jsonform import table_rows as publishing_rows

    tables: dict[str, list[dict[str, Any]]] = {}
    if publishing is not None:
        tables.update(publishing_rows(publishing))
    if bids is not None:
        if publishing is None:
            raise jsonio.ProjectJsonError.of(
                N_("the file holds bids but no publishing: bids are received only for a published tender")
            )
        tables.update(table_rows(bids))
    return tables or None
