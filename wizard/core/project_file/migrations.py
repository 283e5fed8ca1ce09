"""Schema versions of the project file (``PRAGMA user_version``).

Rules: an applied migration is never edited; a new field of an *entity* comes with a new
schema version whose migration calls :func:`add_missing_columns`. A new field of a
*section* needs none: a key missing from ``fields`` reads as the field's default. Migrations run
outside any open transaction, after a backup copy (see ``store.py``), and each runs in
its own ``db.atomic()`` block with the version bump, so a failure leaves the file at
its previous version.
"""

from __future__ import annotations

from collections.abc import Callable

import sqlite_utils

from wizard.core.model import ENTITIES
from wizard.core.project_file import codec

SCHEMA_VERSION = 1

# Links between tables: child table → (column, parent table). Declared as real
# foreign keys so that ``PRAGMA foreign_key_check`` guards them.
FOREIGN_KEYS: dict[str, list[tuple[str, str]]] = {
    "support": [("solution_id", "solutions"), ("feature_id", "features")],
    "cost_lines": [("option_id", "tco_options")],
}


def _create_entity_table(db: sqlite_utils.Database, kind: str) -> None:
    cls = ENTITIES[kind]
    columns = {name: codec.column_type(t) for name, t in codec.field_types(cls).items()}
    fks = [(col, parent, "id") for col, parent in FOREIGN_KEYS.get(kind, [])]
    db.table(kind).create(columns, pk="id", foreign_keys=fks, not_null={"id"})


def add_missing_columns(db: sqlite_utils.Database) -> None:
    """Add the model's new fields as columns with their defaults (additive changes)."""
    for kind, cls in ENTITIES.items():
        table = db.table(kind)
        existing = set(table.columns_dict)
        defaults = codec.to_row(cls())
        for name, kind_type in codec.field_types(cls).items():
            if name not in existing:
                table.add_column(name, codec.column_type(kind_type), not_null_default=defaults[name])


def _v1(db: sqlite_utils.Database) -> None:
    """Schema 1: one key/value table for sections, one table per entity, the journal."""
    db.table("fields").create({"key": str, "value": str}, pk="key")
    for kind in ENTITIES:
        _create_entity_table(db, kind)
    db.table("journal").create({"id": int, "at": str, "field": str, "old": str, "new": str}, pk="id")


MIGRATIONS: dict[int, Callable[[sqlite_utils.Database], None]] = {1: _v1}
"""Target version → the function that brings the previous version to it."""
