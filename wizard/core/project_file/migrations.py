"""Schema versions of the project file (``PRAGMA user_version``).

Rules: an applied migration is never edited. A new field of an *entity* comes with a new
schema version: its frozen schema in ``schemas.py`` and a migration here that turns the
previous schema into it with explicit SQL (``ALTER TABLE … ADD COLUMN … DEFAULT …``),
never derived from the live model. A new field of a *section* needs none: a key missing
from ``fields`` reads as the field's default. Migrations run
outside any open transaction, after a backup copy (see ``store.py``), and each runs in
its own ``db.atomic()`` block with the version bump, so a failure leaves the file at
its previous version.
"""

from __future__ import annotations

from collections.abc import Callable

import sqlite_utils

from wizard.core.project_file.schemas import SCHEMA_V1

SCHEMA_VERSION = 1

# Links between tables: child table → (column, parent table). Declared as real
# foreign keys so that ``PRAGMA foreign_key_check`` guards them.
FOREIGN_KEYS: dict[str, list[tuple[str, str]]] = {
    "support": [("solution_id", "solutions"), ("feature_id", "features")],
    "cost_lines": [("option_id", "tco_options")],
}


def statements(sql: str) -> list[str]:
    """The SQL statements of a script such as a frozen schema, one per item (a
    migration runs them one by one inside its transaction; ``executescript`` would
    commit it)."""
    return [part.strip() for part in sql.split(";\n") if part.strip()]


def _v1(db: sqlite_utils.Database) -> None:
    """Schema 1: one key/value table for sections, one table per entity, the journal
    (``schemas.SCHEMA_V1``, frozen)."""
    for statement in statements(SCHEMA_V1):
        db.execute(statement)


MIGRATIONS: dict[int, Callable[[sqlite_utils.Database], None]] = {1: _v1}
"""Target version → the function that brings the previous version to it."""
