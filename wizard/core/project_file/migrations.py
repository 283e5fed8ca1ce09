"""Schema versions of the project file (``PRAGMA user_version``).

Rules: an applied migration is never edited. A new field of an *entity* comes with a new
schema version: its frozen schema in ``schemas.py`` and a migration here that turns the
previous schema into it with explicit SQL (``ALTER TABLE … ADD COLUMN … DEFAULT …``, or
a table rebuild for a column that changes name or type), never derived from the live
model. A new field of a *section* needs none: a key missing
from ``fields`` reads as the field's default. Migrations run
outside any open transaction, after a backup copy (see ``store.py``), and each runs in
its own ``db.atomic()`` block with the version bump, so a failure leaves the file at
its previous version.
"""

from __future__ import annotations

from collections.abc import Callable

import sqlite_utils

from wizard.core.project_file.schemas import (
    SCHEMA_V1,
    SCHEMA_V5_TABLES,
    SCHEMA_V6_TABLES,
    SCHEMA_V7_TABLES,
    SCHEMA_V8_TABLES,
)

SCHEMA_VERSION = 8

# Links between tables: child table → (column, parent table). Declared as real
# foreign keys so that ``PRAGMA foreign_key_check`` guards them.
FOREIGN_KEYS: dict[str, list[tuple[str, str]]] = {
    "support": [("solution_id", "solutions"), ("feature_id", "features")],
    "cost_lines": [("option_id", "tco_options")],
}


class RefusedValue(ValueError):
    """A migration met a value the older schema never held (the app refused such a
    file): it is not guessed. The store refuses the file untouched (``InvalidValue``)."""


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


_V2_NEW_TABLE = """CREATE TABLE "vendor_exchanges_v2" (
   "id" INTEGER PRIMARY KEY NOT NULL,
   "date" TEXT,
   "vendor" TEXT,
   "staff_name" TEXT,
   "staff_role" TEXT,
   "channel" TEXT,
   "initiated_by_vendor" INTEGER,
   "subject" TEXT,
   "documents" TEXT,
   "routed_to_cio" INTEGER,
   "publishable" INTEGER,
   "demo" INTEGER,
   "nda_signed" INTEGER,
   "drafting" TEXT,
   "rfi" INTEGER
)"""

_V2_COPY = """INSERT INTO "vendor_exchanges_v2" (
   "id", "date", "vendor", "staff_name", "staff_role", "channel", "initiated_by_vendor",
   "subject", "documents", "routed_to_cio", "publishable", "demo", "nda_signed", "drafting", "rfi"
)
SELECT
   "id", "date", "vendor", "staff_name", "staff_role", "channel", "initiated_by_vendor",
   "subject", "documents", "routed_to_cio", "publishable", "demo", "nda_signed",
   CASE "helped_drafting" WHEN 1 THEN 'helped_draft' WHEN 0 THEN 'none' END,
   "rfi"
FROM "vendor_exchanges" ORDER BY rowid"""

_V2_UNREADABLE = """SELECT "id" FROM "vendor_exchanges"
WHERE "helped_drafting" IS NOT NULL
  AND NOT (typeof("helped_drafting") = 'integer' AND "helped_drafting" IN (0, 1))
ORDER BY rowid"""


def _v2(db: sqlite_utils.Database) -> None:
    """Schema 2: ``vendor_exchanges.helped_drafting`` (0/1, "excluded") becomes
    ``drafting``, what the vendor did (``choices.DraftingRole``), at the same place.

    1 → ``'helped_draft'`` (what the flag meant: the vendor stays excluded), 0 →
    ``'none'``, NULL stays NULL (read as the default, ``'none'``, as NULL read as
    ``False``). A value schema 1 never held (not 0, 1 or NULL; the app refused such a
    file) raises :class:`RefusedValue`: the file is refused untouched, not guessed.
    The table is rebuilt (SQLite's 12-step procedure: new table, copy, drop, rename; no
    index, trigger or view depends on it, and no table points at it), which needs no
    ``DROP COLUMN`` (SQLite 3.35) and keeps the column's place. Justifications stored
    for the old field address (``vendor_exchanges:3.helped_drafting``) follow it to
    ``vendor_exchanges:3.drafting``; the journal keeps its history as it was written.
    """
    unreadable = [row[0] for row in db.execute(_V2_UNREADABLE).fetchall()]
    if unreadable:
        raise RefusedValue(f"vendor_exchanges {unreadable}: helped_drafting is neither 0 nor 1")
    db.execute(_V2_NEW_TABLE)
    db.execute(_V2_COPY)
    db.execute('DROP TABLE "vendor_exchanges"')
    db.execute('ALTER TABLE "vendor_exchanges_v2" RENAME TO "vendor_exchanges"')
    db.execute(
        """UPDATE "justifications"
        SET "field" = substr("field", 1, length("field") - length('helped_drafting')) || 'drafting'
        WHERE "field" GLOB 'vendor_exchanges:*.helped_drafting'"""
    )


_V3_TABLE = """CREATE TABLE "translations" (
   "id" INTEGER PRIMARY KEY NOT NULL,
   "address" TEXT NOT NULL,
   "lang" TEXT NOT NULL,
   "text" TEXT NOT NULL DEFAULT ''
)"""

_V3_INDEX = 'CREATE UNIQUE INDEX "translations_address_lang" ON "translations" ("address", "lang")'

_V3_TEXT_LANGUAGE = """INSERT OR REPLACE INTO "fields" ("key", "value")
SELECT 'info.text_language',
  CASE
    WHEN (SELECT "value" FROM "fields" WHERE "key" = 'info.tender_languages') IN ('"fr"', '"en"')
      THEN (SELECT "value" FROM "fields" WHERE "key" = 'info.tender_languages')
    WHEN (SELECT "value" FROM "fields" WHERE "key" = 'info.binding_language') IN ('"fr"', '"en"')
      THEN (SELECT "value" FROM "fields" WHERE "key" = 'info.binding_language')
    ELSE '"fr"'
  END"""


def _v3(db: sqlite_utils.Database) -> None:
    """Schema 3 (issue 16, docs/bilingual.md): the table ``translations`` (the other
    language's version of each user text) and its unique index on ``(address, lang)``;
    and ``info.text_language``, the language every existing text is in, written into
    ``fields`` explicitly: the binding language of the file at migration time, by the
    one rule of ``i18n.languages.binding_language`` (a one-language tender's own
    language, else the stored binding version when it is "fr" or "en", else French),
    spelled out here in SQL so that a later change of that rule never reinterprets an
    old file. Each existing text thus stays in its field, now known as that language's
    version; no translation exists yet. A ``text_language`` already present (written
    by hand) is replaced: schema 2 never had one."""
    db.execute(_V3_TABLE)
    db.execute(_V3_INDEX)
    db.execute(_V3_TEXT_LANGUAGE)


def _v4(db: sqlite_utils.Database) -> None:
    """Schema 4 (issue 24, undo): ``journal.action`` (INTEGER), the user action a
    journal row belongs to; rows of one action are undone and redone together
    (``project_file/undo.py``). The rows already written keep NULL: which rows of
    schema 3 made one action is not known (a deleted row and its dependants were
    journalled one by one), so they stay history that undo never crosses, rather than
    being guessed into groups."""
    db.execute('ALTER TABLE "journal" ADD COLUMN "action" INTEGER')


def _v5(db: sqlite_utils.Database) -> None:
    """Schema 5 (issue 21, publication and addenda): five new tables, empty (a file of
    schema 4 was never published): ``publication``, ``published_documents``,
    ``addenda``, ``addendum_questions``, ``addendum_changes`` (``schemas.SCHEMA_V5_TABLES``,
    frozen). No existing table changes."""
    for statement in statements(SCHEMA_V5_TABLES):
        db.execute(statement)


def _v6(db: sqlite_utils.Database) -> None:
    """Schema 6 (issue 22, bids and their evaluation, docs/bids.md): thirteen new
    tables, empty (no file of schema 5 holds a bid): ``bidders``, ``bids``,
    ``bid_acknowledgements``, ``sealed_workbooks``, ``opened_amounts``,
    ``mandatory_results``, ``scenario_verifications``, ``sheet_scores``,
    ``consensus_scores``, ``quality_lock``, ``envelope_opening``, ``opened_workbooks``,
    ``award`` (``schemas.SCHEMA_V6_TABLES``, frozen). No existing table changes."""
    for statement in statements(SCHEMA_V6_TABLES):
        db.execute(statement)


def _v7(db: sqlite_utils.Database) -> None:
    """Schema 7 (issue 23, the contract's follow-up, docs/contract.md): five new tables,
    empty (no file of schema 6 follows a contract): ``contract``,
    ``contract_amendments``, ``performance_reports``, ``incidents``, ``payments``
    (``schemas.SCHEMA_V7_TABLES``, frozen). No existing table changes: the signature
    date and the value stay those of the award (``award.contract_signed_on``,
    ``award.contract_value``)."""
    for statement in statements(SCHEMA_V7_TABLES):
        db.execute(statement)


def _v8(db: sqlite_utils.Database) -> None:
    """Schema 8 (issue 22, Québec's statutory grid, docs/bids.md): two new tables, empty
    (no file of schema 7 holds a point on a grid item; its Québec bids stayed pending):
    ``grid_sheet_scores`` and ``grid_consensus_scores`` (``schemas.SCHEMA_V8_TABLES``,
    frozen). No existing table changes: the sheets and the consensus on the optional
    criteria stay where they are."""
    for statement in statements(SCHEMA_V8_TABLES):
        db.execute(statement)


MIGRATIONS: dict[int, Callable[[sqlite_utils.Database], None]] = {
    1: _v1,
    2: _v2,
    3: _v3,
    4: _v4,
    5: _v5,
    6: _v6,
    7: _v7,
    8: _v8,
}
"""Target version → the function that brings the previous version to it."""
