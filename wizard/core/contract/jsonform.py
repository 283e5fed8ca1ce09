"""The contract's follow-up as JSON (``jsonio`` version 6, key ``contract``;
docs/contract.md, "JSON").

Shape (ids as in the file; an incident's ``report_id`` names a report of the list)::

    {"terms": {"start_on", "term_years", "renewals_exercised", "amendment_share_pct",
               "report_days", "monthly_fee", "notes"} or null,
     "amendments": [{"id", "amended_on", "reason", "value_change", "term_change_months"}],
     "reports": [{"id", "period", "received_on", "availability_pct", "credits_due", "notes"}],
     "incidents": [{"id", "report_id", "severity", "security", "started_at", "notified_at",
                    "responded_at", "resolved_at", "description"}],
     "payments": [{"id", "invoice_number", "invoiced_on", "paid_on", "amount", "credit",
                   "line_key", "quantity", "unit_price", "year", "notes"}]}

Amounts are exact decimal text, as in the file. :func:`to_json` reads it from an open
file (``None`` when the follow-up holds nothing); :func:`table_rows` checks it (a value
of the wrong type, an amount that is not one, an incident pointing at no report are
refused with ``jsonio.ProjectJsonError`` naming it) and gives the rows of the schema-7
tables that ``ProjectFile.create(..., tables=...)`` writes with the project;
:func:`all_tables` adds them to the publication's and the bids'.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import TYPE_CHECKING, Any

from wizard.core.contract.record import SEVERITIES
from wizard.core.i18n import N_
from wizard.core.project_file import expected, jsonio
from wizard.core.project_file.codec import MAX_TEXT
from wizard.core.project_file.store import ProjectFile

if TYPE_CHECKING:
    from wizard.core.model import Project

_TABLES: dict[str, tuple[str, dict[str, type], tuple[str, ...]]] = {
    # JSON key → (table, column → type, decimal columns)
    "amendments": (
        "contract_amendments",
        {"id": int, "amended_on": str, "reason": str, "value_change": str, "term_change_months": int},
        ("value_change",),
    ),
    "reports": (
        "performance_reports",
        {
            "id": int,
            "period": str,
            "received_on": str,
            "availability_pct": str,
            "credits_due": str,
            "notes": str,
        },
        ("availability_pct", "credits_due"),
    ),
    "incidents": (
        "incidents",
        {
            "id": int,
            "report_id": int,
            "severity": str,
            "security": int,
            "started_at": str,
            "notified_at": str,
            "responded_at": str,
            "resolved_at": str,
            "description": str,
        },
        (),
    ),
    "payments": (
        "payments",
        {
            "id": int,
            "invoice_number": str,
            "invoiced_on": str,
            "paid_on": str,
            "amount": str,
            "credit": str,
            "line_key": str,
            "quantity": str,
            "unit_price": str,
            "year": int,
            "notes": str,
        },
        ("amount", "credit", "quantity", "unit_price"),
    ),
}
_TERMS: dict[str, type] = {
    "start_on": str,
    "term_years": int,
    "renewals_exercised": int,
    "amendment_share_pct": str,
    "report_days": int,
    "monthly_fee": str,
    "notes": str,
}


def _rows(pf: ProjectFile, table: str, columns: list[str]) -> list[dict[str, Any]]:
    names = ", ".join(f'"{c}"' for c in columns)
    cursor = pf.db.execute(f'SELECT {names} FROM "{table}" ORDER BY id')
    return [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]


def to_json(pf: ProjectFile) -> dict[str, Any] | None:
    """The follow-up of ``pf`` as JSON-ready data, ``None`` when it holds nothing."""
    terms = _rows(pf, "contract", list(_TERMS))
    data: dict[str, Any] = {"terms": terms[0] if terms else None}
    for key, (table, columns, _decimals) in _TABLES.items():
        data[key] = _rows(pf, table, list(columns))
        if key == "incidents":
            for row in data[key]:
                row["security"] = bool(row["security"])
    if data["terms"] is None and not any(data[key] for key in _TABLES):
        return None
    return data


def _value(row: dict[str, Any], name: str, kind: type, where: str, decimal: bool) -> Any:
    """The value of ``row[name]`` checked against its column's type and, for a text,
    against :data:`codec.MAX_TEXT` (the limit the follow-up's operations apply to its
    free texts, ``contract.operations._free_text``). Raises ``jsonio.ProjectJsonError``
    naming ``where.name``."""
    value = row.get(name)
    field = f"{where}.{name}"
    if name == "report_id" and value is None:
        return None
    if name == "security" and isinstance(value, bool):
        return int(value)
    if kind is int and (isinstance(value, bool) or not isinstance(value, int)):
        raise jsonio.ProjectJsonError.must_be(field, expected.FLAG if name == "security" else expected.WHOLE)
    if kind is str and not isinstance(value, str):
        raise jsonio.ProjectJsonError.must_be(field, expected.AMOUNT if decimal else expected.TEXT)
    if isinstance(value, str) and len(value) > MAX_TEXT:
        raise jsonio.ProjectJsonError.too_long(field, len(value))
    if decimal and value != "":
        try:
            if not Decimal(str(value)).is_finite():
                raise InvalidOperation
        except InvalidOperation:
            raise jsonio.ProjectJsonError.must_be(field, expected.AMOUNT) from None
    return value


def table_rows(data: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    """The rows of each schema-7 table for the ``contract`` object ``data`` (module
    docstring). Raises ``jsonio.ProjectJsonError``."""
    if not isinstance(data, dict):
        raise jsonio.ProjectJsonError.must_be("contract", expected.OBJECT)
    tables: dict[str, list[dict[str, Any]]] = {"contract": []}
    terms = data.get("terms")
    if terms is not None:
        if not isinstance(terms, dict):
            raise jsonio.ProjectJsonError.must_be("contract.terms", expected.OBJECT)
        row = {
            name: _value(terms, name, kind, "contract.terms", name in ("amendment_share_pct", "monthly_fee"))
            for name, kind in _TERMS.items()
        }
        tables["contract"].append({"id": 1, **row})
    for key, (table, columns, decimals) in _TABLES.items():
        items = data.get(key, [])
        if not isinstance(items, list):
            raise jsonio.ProjectJsonError.must_be(f"contract.{key}", expected.OBJECTS)
        rows: list[dict[str, Any]] = []
        for i, item in enumerate(items):
            where = f"contract.{key}[{i}]"
            if not isinstance(item, dict):
                raise jsonio.ProjectJsonError.must_be(where, expected.OBJECT)
            row = {name: _value(item, name, kind, where, name in decimals) for name, kind in columns.items()}
            if key == "incidents" and row["severity"] not in SEVERITIES:
                raise jsonio.ProjectJsonError.one_of(f"{where}.severity", SEVERITIES)
            if any(earlier["id"] == row["id"] for earlier in rows):
                raise jsonio.ProjectJsonError.of(
                    jsonio.DUPLICATE_ID, field=f"{where}.id", id=row["id"], rows=f"contract.{key}"
                )
            rows.append(row)
        tables[table] = rows
    reports = {row["id"] for row in tables["performance_reports"]}
    for i, row in enumerate(tables["incidents"]):
        if row["report_id"] is not None and row["report_id"] not in reports:
            raise jsonio.ProjectJsonError.of(
                jsonio.NO_SUCH_ROW,
                field=f"contract.incidents[{i}].report_id",
                id=row["report_id"],
                rows="contract.reports",
            )
    return tables


def shape() -> jsonio.Shape:
    """The keys of the ``contract`` object :func:`table_rows` reads (``jsonio.ignored``)."""
    return {
        "terms": dict.fromkeys(_TERMS),
        **{key: [dict.fromkeys(columns)] for key, (_table, columns, _decimals) in _TABLES.items()},
    }


def ignored_keys(data: Any) -> list[str]:
    """The path of each key of the JSON data of a project (``main.py load``) that the
    load does not read, in the file's order (``jsonio.ignored``): the project's, then
    those of its ``publishing``, ``bids`` and ``contract`` objects."""
    from wizard.core.bids.jsonform import shape as bids_shape
    from wizard.core.publishing.jsonform import shape as publishing_shape

    whole = {
        **jsonio.project_shape(),
        "publishing": publishing_shape(),
        "bids": bids_shape(),
        "contract": shape(),
    }
    return jsonio.ignored(data, whole)


def all_tables(
    publishing: dict[str, Any] | None, bids: dict[str, Any] | None, contract: dict[str, Any] | None
) -> dict[str, list[dict[str, Any]]] | None:
    """The rows of the publication, bids and contract tables for the JSON objects
    (``None`` when none), for ``ProjectFile.create(..., tables=...)``. Raises
    ``jsonio.ProjectJsonError`` (a contract without bids, or as :func:`table_rows` and
    ``bids.jsonform.record_tables``), a row named by its number and id
    (``ProjectJsonError.named``)."""
    try:
        return _all_tables(publishing, bids, contract)
    except jsonio.ProjectJsonError as exc:  # a row named by its number and id, as the file holds it
        raise exc.named({"publishing": publishing, "bids": bids, "contract": contract}) from exc


def create_file(
    path: str | Path,
    project: Project,
    publishing: dict[str, Any] | None,
    bids: dict[str, Any] | None,
    contract: dict[str, Any] | None,
    *,
    origin: str,
) -> ProjectFile:
    """A new project file at ``path`` from the parts of a JSON copy (``jsonio.loads_with_contract``,
    ``examples.load_example_with_contract``): the project, the rows of its publication, bids
    and contract (:func:`all_tables`), and each removed bid's number kept
    (``bids.jsonform.keep_removed``), so that the next bid never takes it again. The one way
    ``load``, ``new --example`` and the app's *New from an example* create a file from JSON.
    Returns the open file (the caller closes it). Raises ``jsonio.ProjectJsonError`` as
    :func:`all_tables` (nothing written), the store's ``ProjectFileError`` or ``OSError``."""
    from wizard.core.bids.jsonform import keep_removed

    tables = all_tables(publishing, bids, contract)
    pf = ProjectFile.create(path, project, origin=origin, tables=tables)
    try:
        keep_removed(pf, bids)
    except BaseException:
        pf.close()
        raise
    return pf


def _all_tables(
    publishing: dict[str, Any] | None, bids: dict[str, Any] | None, contract: dict[str, Any] | None
) -> dict[str, list[dict[str, Any]]] | None:
    from wizard.core.bids.jsonform import record_tables

    tables = dict(record_tables(publishing, bids) or {})
    if contract is not None:
        if bids is None:
            raise jsonio.ProjectJsonError.of(
                N_("the file follows a contract but holds no bids: a contract is awarded to a bid")
            )
        tables.update(table_rows(contract))
    return tables or None
