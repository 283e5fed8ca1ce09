"""The frozen schema of each version of the project file (``PRAGMA user_version``).

Each version's schema is written here once, as the SQL that creates it, and never
changes afterwards: a file that says it is at version N must have exactly the tables,
columns, foreign keys and indexes of ``SCHEMAS[N]`` — no trigger, no view, nothing
else — or it is refused before anything reads or writes it (a file changed by another
program, or a crafted one). Migration N (``migrations.py``) must turn a file of schema
N-1 into one of schema N; a test proves it on the stored files of every earlier version
(``tests/data/v1/`` …). How to add a version: ``docs/file-format.md``.

The comparison (:func:`shape_of`) reads the columns, links, indexes, triggers and views,
and the text of each table's ``CREATE`` statement (blanks folded), so a table constraint
(``CHECK``, ``UNIQUE``, ``COLLATE``) that no column list shows is refused too. SQLite
keeps that text as typed, and ``ALTER TABLE … ADD COLUMN`` edits it: a frozen schema is
written exactly as its migration leaves it (the migration tests derive it that way).
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from functools import cache

SCHEMA_V1 = """
CREATE TABLE "fields" (
   "key" TEXT PRIMARY KEY,
   "value" TEXT
);

CREATE TABLE "authors" (
   "id" INTEGER PRIMARY KEY NOT NULL,
   "name" TEXT,
   "role" TEXT
);

CREATE TABLE "business_units" (
   "id" INTEGER PRIMARY KEY NOT NULL,
   "name" TEXT,
   "role" TEXT,
   "notes" TEXT
);

CREATE TABLE "partners" (
   "id" INTEGER PRIMARY KEY NOT NULL,
   "name" TEXT,
   "notes" TEXT
);

CREATE TABLE "governance" (
   "id" INTEGER PRIMARY KEY NOT NULL,
   "key" TEXT,
   "answer" TEXT,
   "notes" TEXT
);

CREATE TABLE "solutions" (
   "id" INTEGER PRIMARY KEY NOT NULL,
   "name" TEXT,
   "vendor" TEXT,
   "licence" TEXT,
   "delivery" TEXT,
   "hosting_in_canada" INTEGER,
   "source" TEXT,
   "notes" TEXT
);

CREATE TABLE "features" (
   "id" INTEGER PRIMARY KEY NOT NULL,
   "name" TEXT,
   "kind" TEXT,
   "description" TEXT
);

CREATE TABLE "support" (
   "id" INTEGER PRIMARY KEY NOT NULL,
   "solution_id" INTEGER REFERENCES "solutions"("id"),
   "feature_id" INTEGER REFERENCES "features"("id"),
   "level" TEXT
);

CREATE TABLE "criteria" (
   "id" INTEGER PRIMARY KEY NOT NULL,
   "text" TEXT,
   "category" TEXT,
   "kind" TEXT,
   "feature_ids" TEXT,
   "verification" TEXT
);

CREATE TABLE "scenarios" (
   "id" INTEGER PRIMARY KEY NOT NULL,
   "title" TEXT,
   "context" TEXT,
   "steps" TEXT,
   "expected_result" TEXT,
   "criterion_ids" TEXT,
   "evidence" TEXT
);

CREATE TABLE "committee" (
   "id" INTEGER PRIMARY KEY NOT NULL,
   "name" TEXT,
   "role" TEXT
);

CREATE TABLE "jury" (
   "id" INTEGER PRIMARY KEY NOT NULL,
   "name" TEXT,
   "role" TEXT,
   "declaration_signed" INTEGER,
   "conflict_notes" TEXT
);

CREATE TABLE "quality_grid" (
   "id" INTEGER PRIMARY KEY NOT NULL,
   "label" TEXT,
   "points" INTEGER
);

CREATE TABLE "tco_options" (
   "id" INTEGER PRIMARY KEY NOT NULL,
   "name" TEXT,
   "description" TEXT
);

CREATE TABLE "cost_lines" (
   "id" INTEGER PRIMARY KEY NOT NULL,
   "option_id" INTEGER REFERENCES "tco_options"("id"),
   "category" TEXT,
   "label" TEXT,
   "year" INTEGER,
   "amount" TEXT,
   "recurring" INTEGER,
   "end_year" INTEGER,
   "escalation_pct" TEXT,
   "payer" TEXT
);

CREATE TABLE "clause_choices" (
   "id" INTEGER PRIMARY KEY NOT NULL,
   "clause_id" TEXT,
   "included" INTEGER,
   "custom_fr" TEXT,
   "custom_en" TEXT
);

CREATE TABLE "vendor_exchanges" (
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
   "helped_drafting" INTEGER,
   "rfi" INTEGER
);

CREATE TABLE "designated_staff" (
   "id" INTEGER PRIMARY KEY NOT NULL,
   "name" TEXT,
   "role" TEXT
);

CREATE TABLE "publication_items" (
   "id" INTEGER PRIMARY KEY NOT NULL,
   "key" TEXT,
   "planned" INTEGER,
   "planned_date" TEXT,
   "place" TEXT
);

CREATE TABLE "justifications" (
   "id" INTEGER PRIMARY KEY NOT NULL,
   "code" TEXT,
   "field" TEXT,
   "reason" TEXT
);

CREATE TABLE "extra_brands" (
   "id" INTEGER PRIMARY KEY NOT NULL,
   "name" TEXT
);

CREATE TABLE "journal" (
   "id" INTEGER PRIMARY KEY,
   "at" TEXT,
   "field" TEXT,
   "old" TEXT,
   "new" TEXT
);
"""
"""Version 1, as the first release (commit c9501fb) created it: the ``fields`` key/value
table for the sections, one table per entity list, and the ``journal`` of edits."""

SCHEMA_V2 = """
CREATE TABLE "fields" (
   "key" TEXT PRIMARY KEY,
   "value" TEXT
);

CREATE TABLE "authors" (
   "id" INTEGER PRIMARY KEY NOT NULL,
   "name" TEXT,
   "role" TEXT
);

CREATE TABLE "business_units" (
   "id" INTEGER PRIMARY KEY NOT NULL,
   "name" TEXT,
   "role" TEXT,
   "notes" TEXT
);

CREATE TABLE "partners" (
   "id" INTEGER PRIMARY KEY NOT NULL,
   "name" TEXT,
   "notes" TEXT
);

CREATE TABLE "governance" (
   "id" INTEGER PRIMARY KEY NOT NULL,
   "key" TEXT,
   "answer" TEXT,
   "notes" TEXT
);

CREATE TABLE "solutions" (
   "id" INTEGER PRIMARY KEY NOT NULL,
   "name" TEXT,
   "vendor" TEXT,
   "licence" TEXT,
   "delivery" TEXT,
   "hosting_in_canada" INTEGER,
   "source" TEXT,
   "notes" TEXT
);

CREATE TABLE "features" (
   "id" INTEGER PRIMARY KEY NOT NULL,
   "name" TEXT,
   "kind" TEXT,
   "description" TEXT
);

CREATE TABLE "support" (
   "id" INTEGER PRIMARY KEY NOT NULL,
   "solution_id" INTEGER REFERENCES "solutions"("id"),
   "feature_id" INTEGER REFERENCES "features"("id"),
   "level" TEXT
);

CREATE TABLE "criteria" (
   "id" INTEGER PRIMARY KEY NOT NULL,
   "text" TEXT,
   "category" TEXT,
   "kind" TEXT,
   "feature_ids" TEXT,
   "verification" TEXT
);

CREATE TABLE "scenarios" (
   "id" INTEGER PRIMARY KEY NOT NULL,
   "title" TEXT,
   "context" TEXT,
   "steps" TEXT,
   "expected_result" TEXT,
   "criterion_ids" TEXT,
   "evidence" TEXT
);

CREATE TABLE "committee" (
   "id" INTEGER PRIMARY KEY NOT NULL,
   "name" TEXT,
   "role" TEXT
);

CREATE TABLE "jury" (
   "id" INTEGER PRIMARY KEY NOT NULL,
   "name" TEXT,
   "role" TEXT,
   "declaration_signed" INTEGER,
   "conflict_notes" TEXT
);

CREATE TABLE "quality_grid" (
   "id" INTEGER PRIMARY KEY NOT NULL,
   "label" TEXT,
   "points" INTEGER
);

CREATE TABLE "tco_options" (
   "id" INTEGER PRIMARY KEY NOT NULL,
   "name" TEXT,
   "description" TEXT
);

CREATE TABLE "cost_lines" (
   "id" INTEGER PRIMARY KEY NOT NULL,
   "option_id" INTEGER REFERENCES "tco_options"("id"),
   "category" TEXT,
   "label" TEXT,
   "year" INTEGER,
   "amount" TEXT,
   "recurring" INTEGER,
   "end_year" INTEGER,
   "escalation_pct" TEXT,
   "payer" TEXT
);

CREATE TABLE "clause_choices" (
   "id" INTEGER PRIMARY KEY NOT NULL,
   "clause_id" TEXT,
   "included" INTEGER,
   "custom_fr" TEXT,
   "custom_en" TEXT
);

CREATE TABLE "vendor_exchanges" (
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
);

CREATE TABLE "designated_staff" (
   "id" INTEGER PRIMARY KEY NOT NULL,
   "name" TEXT,
   "role" TEXT
);

CREATE TABLE "publication_items" (
   "id" INTEGER PRIMARY KEY NOT NULL,
   "key" TEXT,
   "planned" INTEGER,
   "planned_date" TEXT,
   "place" TEXT
);

CREATE TABLE "justifications" (
   "id" INTEGER PRIMARY KEY NOT NULL,
   "code" TEXT,
   "field" TEXT,
   "reason" TEXT
);

CREATE TABLE "extra_brands" (
   "id" INTEGER PRIMARY KEY NOT NULL,
   "name" TEXT
);

CREATE TABLE "journal" (
   "id" INTEGER PRIMARY KEY,
   "at" TEXT,
   "field" TEXT,
   "old" TEXT,
   "new" TEXT
);
"""
"""Version 2 (issue 15): ``vendor_exchanges.helped_drafting`` (0/1) became ``drafting``
(TEXT, a ``choices.DraftingRole``: ``none``, ``helped_draft``, ``material_used``,
``material_not_used``) at the same place, by the table rebuild of ``migrations._v2``;
every other table is that of version 1. Copied from ``sqlite_master`` of a migrated file."""

SCHEMA_V3 = """
CREATE TABLE "fields" (
   "key" TEXT PRIMARY KEY,
   "value" TEXT
);

CREATE TABLE "authors" (
   "id" INTEGER PRIMARY KEY NOT NULL,
   "name" TEXT,
   "role" TEXT
);

CREATE TABLE "business_units" (
   "id" INTEGER PRIMARY KEY NOT NULL,
   "name" TEXT,
   "role" TEXT,
   "notes" TEXT
);

CREATE TABLE "partners" (
   "id" INTEGER PRIMARY KEY NOT NULL,
   "name" TEXT,
   "notes" TEXT
);

CREATE TABLE "governance" (
   "id" INTEGER PRIMARY KEY NOT NULL,
   "key" TEXT,
   "answer" TEXT,
   "notes" TEXT
);

CREATE TABLE "solutions" (
   "id" INTEGER PRIMARY KEY NOT NULL,
   "name" TEXT,
   "vendor" TEXT,
   "licence" TEXT,
   "delivery" TEXT,
   "hosting_in_canada" INTEGER,
   "source" TEXT,
   "notes" TEXT
);

CREATE TABLE "features" (
   "id" INTEGER PRIMARY KEY NOT NULL,
   "name" TEXT,
   "kind" TEXT,
   "description" TEXT
);

CREATE TABLE "support" (
   "id" INTEGER PRIMARY KEY NOT NULL,
   "solution_id" INTEGER REFERENCES "solutions"("id"),
   "feature_id" INTEGER REFERENCES "features"("id"),
   "level" TEXT
);

CREATE TABLE "criteria" (
   "id" INTEGER PRIMARY KEY NOT NULL,
   "text" TEXT,
   "category" TEXT,
   "kind" TEXT,
   "feature_ids" TEXT,
   "verification" TEXT
);

CREATE TABLE "scenarios" (
   "id" INTEGER PRIMARY KEY NOT NULL,
   "title" TEXT,
   "context" TEXT,
   "steps" TEXT,
   "expected_result" TEXT,
   "criterion_ids" TEXT,
   "evidence" TEXT
);

CREATE TABLE "committee" (
   "id" INTEGER PRIMARY KEY NOT NULL,
   "name" TEXT,
   "role" TEXT
);

CREATE TABLE "jury" (
   "id" INTEGER PRIMARY KEY NOT NULL,
   "name" TEXT,
   "role" TEXT,
   "declaration_signed" INTEGER,
   "conflict_notes" TEXT
);

CREATE TABLE "quality_grid" (
   "id" INTEGER PRIMARY KEY NOT NULL,
   "label" TEXT,
   "points" INTEGER
);

CREATE TABLE "tco_options" (
   "id" INTEGER PRIMARY KEY NOT NULL,
   "name" TEXT,
   "description" TEXT
);

CREATE TABLE "cost_lines" (
   "id" INTEGER PRIMARY KEY NOT NULL,
   "option_id" INTEGER REFERENCES "tco_options"("id"),
   "category" TEXT,
   "label" TEXT,
   "year" INTEGER,
   "amount" TEXT,
   "recurring" INTEGER,
   "end_year" INTEGER,
   "escalation_pct" TEXT,
   "payer" TEXT
);

CREATE TABLE "clause_choices" (
   "id" INTEGER PRIMARY KEY NOT NULL,
   "clause_id" TEXT,
   "included" INTEGER,
   "custom_fr" TEXT,
   "custom_en" TEXT
);

CREATE TABLE "vendor_exchanges" (
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
);

CREATE TABLE "designated_staff" (
   "id" INTEGER PRIMARY KEY NOT NULL,
   "name" TEXT,
   "role" TEXT
);

CREATE TABLE "publication_items" (
   "id" INTEGER PRIMARY KEY NOT NULL,
   "key" TEXT,
   "planned" INTEGER,
   "planned_date" TEXT,
   "place" TEXT
);

CREATE TABLE "justifications" (
   "id" INTEGER PRIMARY KEY NOT NULL,
   "code" TEXT,
   "field" TEXT,
   "reason" TEXT
);

CREATE TABLE "extra_brands" (
   "id" INTEGER PRIMARY KEY NOT NULL,
   "name" TEXT
);

CREATE TABLE "translations" (
   "id" INTEGER PRIMARY KEY NOT NULL,
   "address" TEXT NOT NULL,
   "lang" TEXT NOT NULL,
   "text" TEXT NOT NULL DEFAULT ''
);

CREATE UNIQUE INDEX "translations_address_lang" ON "translations" ("address", "lang");

CREATE TABLE "journal" (
   "id" INTEGER PRIMARY KEY,
   "at" TEXT,
   "field" TEXT,
   "old" TEXT,
   "new" TEXT
);
"""
"""Version 3 (issue 16): the table ``translations`` (one row per text address and
language: the other language's version of a user text, docs/bilingual.md) with a unique
index on ``(address, lang)``, before ``journal``; every other table is that of version 2.
``migrations._v3`` also writes ``info.text_language`` into ``fields``."""

SCHEMA_V4 = """
CREATE TABLE "fields" (
   "key" TEXT PRIMARY KEY,
   "value" TEXT
);

CREATE TABLE "authors" (
   "id" INTEGER PRIMARY KEY NOT NULL,
   "name" TEXT,
   "role" TEXT
);

CREATE TABLE "business_units" (
   "id" INTEGER PRIMARY KEY NOT NULL,
   "name" TEXT,
   "role" TEXT,
   "notes" TEXT
);

CREATE TABLE "partners" (
   "id" INTEGER PRIMARY KEY NOT NULL,
   "name" TEXT,
   "notes" TEXT
);

CREATE TABLE "governance" (
   "id" INTEGER PRIMARY KEY NOT NULL,
   "key" TEXT,
   "answer" TEXT,
   "notes" TEXT
);

CREATE TABLE "solutions" (
   "id" INTEGER PRIMARY KEY NOT NULL,
   "name" TEXT,
   "vendor" TEXT,
   "licence" TEXT,
   "delivery" TEXT,
   "hosting_in_canada" INTEGER,
   "source" TEXT,
   "notes" TEXT
);

CREATE TABLE "features" (
   "id" INTEGER PRIMARY KEY NOT NULL,
   "name" TEXT,
   "kind" TEXT,
   "description" TEXT
);

CREATE TABLE "support" (
   "id" INTEGER PRIMARY KEY NOT NULL,
   "solution_id" INTEGER REFERENCES "solutions"("id"),
   "feature_id" INTEGER REFERENCES "features"("id"),
   "level" TEXT
);

CREATE TABLE "criteria" (
   "id" INTEGER PRIMARY KEY NOT NULL,
   "text" TEXT,
   "category" TEXT,
   "kind" TEXT,
   "feature_ids" TEXT,
   "verification" TEXT
);

CREATE TABLE "scenarios" (
   "id" INTEGER PRIMARY KEY NOT NULL,
   "title" TEXT,
   "context" TEXT,
   "steps" TEXT,
   "expected_result" TEXT,
   "criterion_ids" TEXT,
   "evidence" TEXT
);

CREATE TABLE "committee" (
   "id" INTEGER PRIMARY KEY NOT NULL,
   "name" TEXT,
   "role" TEXT
);

CREATE TABLE "jury" (
   "id" INTEGER PRIMARY KEY NOT NULL,
   "name" TEXT,
   "role" TEXT,
   "declaration_signed" INTEGER,
   "conflict_notes" TEXT
);

CREATE TABLE "quality_grid" (
   "id" INTEGER PRIMARY KEY NOT NULL,
   "label" TEXT,
   "points" INTEGER
);

CREATE TABLE "tco_options" (
   "id" INTEGER PRIMARY KEY NOT NULL,
   "name" TEXT,
   "description" TEXT
);

CREATE TABLE "cost_lines" (
   "id" INTEGER PRIMARY KEY NOT NULL,
   "option_id" INTEGER REFERENCES "tco_options"("id"),
   "category" TEXT,
   "label" TEXT,
   "year" INTEGER,
   "amount" TEXT,
   "recurring" INTEGER,
   "end_year" INTEGER,
   "escalation_pct" TEXT,
   "payer" TEXT
);

CREATE TABLE "clause_choices" (
   "id" INTEGER PRIMARY KEY NOT NULL,
   "clause_id" TEXT,
   "included" INTEGER,
   "custom_fr" TEXT,
   "custom_en" TEXT
);

CREATE TABLE "vendor_exchanges" (
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
);

CREATE TABLE "designated_staff" (
   "id" INTEGER PRIMARY KEY NOT NULL,
   "name" TEXT,
   "role" TEXT
);

CREATE TABLE "publication_items" (
   "id" INTEGER PRIMARY KEY NOT NULL,
   "key" TEXT,
   "planned" INTEGER,
   "planned_date" TEXT,
   "place" TEXT
);

CREATE TABLE "justifications" (
   "id" INTEGER PRIMARY KEY NOT NULL,
   "code" TEXT,
   "field" TEXT,
   "reason" TEXT
);

CREATE TABLE "extra_brands" (
   "id" INTEGER PRIMARY KEY NOT NULL,
   "name" TEXT
);

CREATE TABLE "translations" (
   "id" INTEGER PRIMARY KEY NOT NULL,
   "address" TEXT NOT NULL,
   "lang" TEXT NOT NULL,
   "text" TEXT NOT NULL DEFAULT ''
);

CREATE UNIQUE INDEX "translations_address_lang" ON "translations" ("address", "lang");

CREATE TABLE "journal" (
   "id" INTEGER PRIMARY KEY,
   "at" TEXT,
   "field" TEXT,
   "old" TEXT,
   "new" TEXT
, "action" INTEGER);
"""
"""Version 4 (issue 24, undo): the column ``journal.action`` groups the journal rows of
one user action (an edit, a batch, a CSV import, a row deleted with its dependants and
translations), so that undo takes them back as one; NULL for the rows written before
version 4, which are history, never undone. Added by ``ALTER TABLE … ADD COLUMN``, whose
text SQLite keeps as written (hence the comma's place); every other table is that of
version 3."""

SCHEMA_V5_TABLES = """
CREATE TABLE "publication" (
   "id" INTEGER PRIMARY KEY NOT NULL,
   "published_on" TEXT NOT NULL,
   "recorded_at" TEXT NOT NULL,
   "model" TEXT NOT NULL,
   "release" TEXT NOT NULL
);

CREATE TABLE "published_documents" (
   "id" INTEGER PRIMARY KEY NOT NULL,
   "name" TEXT NOT NULL,
   "lang" TEXT NOT NULL,
   "kind" TEXT NOT NULL,
   "media_type" TEXT NOT NULL,
   "content" BLOB NOT NULL,
   "sha256" TEXT NOT NULL,
   "attached_on" TEXT NOT NULL
);

CREATE TABLE "addenda" (
   "id" INTEGER PRIMARY KEY NOT NULL,
   "number" INTEGER,
   "state" TEXT NOT NULL DEFAULT 'draft',
   "issued_on" TEXT NOT NULL DEFAULT '',
   "release" TEXT NOT NULL DEFAULT ''
);

CREATE TABLE "addendum_questions" (
   "id" INTEGER PRIMARY KEY NOT NULL,
   "addendum_id" INTEGER NOT NULL REFERENCES "addenda"("id"),
   "received_on" TEXT NOT NULL DEFAULT '',
   "question_fr" TEXT NOT NULL DEFAULT '',
   "question_en" TEXT NOT NULL DEFAULT '',
   "answer_fr" TEXT NOT NULL DEFAULT '',
   "answer_en" TEXT NOT NULL DEFAULT ''
);

CREATE TABLE "addendum_changes" (
   "id" INTEGER PRIMARY KEY NOT NULL,
   "addendum_id" INTEGER NOT NULL REFERENCES "addenda"("id"),
   "kind" TEXT NOT NULL,
   "field" TEXT NOT NULL,
   "old_fr" TEXT NOT NULL DEFAULT '',
   "old_en" TEXT NOT NULL DEFAULT '',
   "new_fr" TEXT NOT NULL DEFAULT '',
   "new_en" TEXT NOT NULL DEFAULT ''
);
"""
"""The tables version 5 adds (issue 21, publication and addenda), in the order
migration 5 creates them."""

SCHEMA_V5 = SCHEMA_V4 + SCHEMA_V5_TABLES
"""Version 5 (issue 21, docs/file-format.md): version 4 and the publication baseline
(``publication``: one row, the date, the model as published as JSON and its OCDS
release), the published documents themselves (``published_documents``: bytes, SHA-256),
and the addenda (``addenda``, ``addendum_questions``, ``addendum_changes``: texts in
both languages as typed columns). These tables are not entity lists of the model: they
are read and written by ``wizard/core/publishing/``."""

SCHEMA_V6_TABLES = """
CREATE TABLE "bidders" (
   "id" INTEGER PRIMARY KEY NOT NULL,
   "legal_name" TEXT NOT NULL DEFAULT '',
   "business_number" TEXT NOT NULL DEFAULT '',
   "address" TEXT NOT NULL DEFAULT '',
   "contact_name" TEXT NOT NULL DEFAULT '',
   "contact_email" TEXT NOT NULL DEFAULT '',
   "contact_phone" TEXT NOT NULL DEFAULT ''
);

CREATE TABLE "bids" (
   "id" INTEGER PRIMARY KEY NOT NULL,
   "bidder_id" INTEGER NOT NULL REFERENCES "bidders"("id"),
   "received_at" TEXT NOT NULL,
   "late" INTEGER NOT NULL DEFAULT 0,
   "withdrawn" INTEGER NOT NULL DEFAULT 0,
   "rejected" TEXT NOT NULL DEFAULT '',
   "trade_secret" TEXT NOT NULL DEFAULT '',
   "publish_names" INTEGER NOT NULL DEFAULT 0,
   "response_form" INTEGER NOT NULL DEFAULT 0,
   "notes" TEXT NOT NULL DEFAULT ''
);

CREATE TABLE "bid_acknowledgements" (
   "id" INTEGER PRIMARY KEY NOT NULL,
   "bid_id" INTEGER NOT NULL REFERENCES "bids"("id"),
   "addendum_number" INTEGER NOT NULL
);

CREATE TABLE "sealed_workbooks" (
   "id" INTEGER PRIMARY KEY NOT NULL,
   "bid_id" INTEGER NOT NULL REFERENCES "bids"("id"),
   "name" TEXT NOT NULL DEFAULT '',
   "content" BLOB NOT NULL,
   "sha256" TEXT NOT NULL,
   "attached_at" TEXT NOT NULL
);

CREATE TABLE "opened_amounts" (
   "id" INTEGER PRIMARY KEY NOT NULL,
   "bid_id" INTEGER NOT NULL REFERENCES "bids"("id"),
   "line_key" TEXT NOT NULL,
   "year" INTEGER NOT NULL DEFAULT 0,
   "amount" TEXT
);

CREATE TABLE "mandatory_results" (
   "id" INTEGER PRIMARY KEY NOT NULL,
   "bid_id" INTEGER NOT NULL REFERENCES "bids"("id"),
   "criterion_id" INTEGER NOT NULL,
   "passed" INTEGER,
   "evidence" TEXT NOT NULL DEFAULT ''
);

CREATE TABLE "scenario_verifications" (
   "id" INTEGER PRIMARY KEY NOT NULL,
   "bid_id" INTEGER NOT NULL REFERENCES "bids"("id"),
   "scenario_id" INTEGER NOT NULL,
   "result" TEXT NOT NULL DEFAULT 'pending',
   "notes" TEXT NOT NULL DEFAULT '',
   "verified_on" TEXT NOT NULL DEFAULT '',
   "committee_member_id" INTEGER
);

CREATE TABLE "sheet_scores" (
   "id" INTEGER PRIMARY KEY NOT NULL,
   "bid_id" INTEGER NOT NULL REFERENCES "bids"("id"),
   "jury_member_id" INTEGER NOT NULL,
   "criterion_id" INTEGER NOT NULL,
   "points" INTEGER,
   "reason" TEXT NOT NULL DEFAULT ''
);

CREATE TABLE "consensus_scores" (
   "id" INTEGER PRIMARY KEY NOT NULL,
   "bid_id" INTEGER NOT NULL REFERENCES "bids"("id"),
   "criterion_id" INTEGER NOT NULL,
   "points" INTEGER,
   "reason" TEXT NOT NULL DEFAULT ''
);

CREATE TABLE "quality_lock" (
   "id" INTEGER PRIMARY KEY NOT NULL,
   "locked_at" TEXT NOT NULL,
   "locked_by" TEXT NOT NULL DEFAULT ''
);

CREATE TABLE "envelope_opening" (
   "id" INTEGER PRIMARY KEY NOT NULL,
   "opened_at" TEXT NOT NULL,
   "opened_by" TEXT NOT NULL DEFAULT '',
   "witnesses" TEXT NOT NULL DEFAULT ''
);

CREATE TABLE "opened_workbooks" (
   "id" INTEGER PRIMARY KEY NOT NULL,
   "bid_id" INTEGER NOT NULL REFERENCES "bids"("id"),
   "sha256" TEXT NOT NULL,
   "version" TEXT NOT NULL,
   "evaluated_price" TEXT NOT NULL
);

CREATE TABLE "award" (
   "id" INTEGER PRIMARY KEY NOT NULL,
   "bid_id" INTEGER REFERENCES "bids"("id"),
   "reason_if_not_top" TEXT NOT NULL DEFAULT '',
   "resolution_number" TEXT NOT NULL DEFAULT '',
   "resolution_date" TEXT NOT NULL DEFAULT '',
   "signatory" TEXT NOT NULL DEFAULT '',
   "delegated_authority" TEXT NOT NULL DEFAULT '',
   "standstill_days" INTEGER NOT NULL DEFAULT 0,
   "awarded_on" TEXT NOT NULL DEFAULT '',
   "contract_signed_on" TEXT NOT NULL DEFAULT '',
   "contract_value" TEXT NOT NULL DEFAULT ''
);
"""
"""The tables version 6 adds (issue 22, bids and their evaluation), in the order
migration 6 creates them."""

SCHEMA_V6 = SCHEMA_V5 + SCHEMA_V6_TABLES
"""Version 6 (issue 22, docs/bids.md): version 5 and the bids received on the published
tender: the bidders (``bidders``) and their bids (``bids``: received at, late, withdrawn,
rejected before opening, trade-secret designation, names published or not), the addenda
each acknowledges (``bid_acknowledgements``), the price workbook kept sealed
(``sealed_workbooks``: bytes and SHA-256 at intake), the evaluation (``mandatory_results``,
``scenario_verifications``, ``sheet_scores``, ``consensus_scores``), the quality scores
locked (``quality_lock``, one row), the opening of the price envelopes
(``envelope_opening``, one row; ``opened_workbooks``: the fingerprint, version and
evaluated price of each workbook opened; ``opened_amounts``: the amounts read from its
input cells, exact decimal text) and the award (``award``, one row). Read and written
by ``wizard/core/bids/``; not entity lists of the model."""

SCHEMA_V7_TABLES = """
CREATE TABLE "contract" (
   "id" INTEGER PRIMARY KEY NOT NULL,
   "start_on" TEXT NOT NULL DEFAULT '',
   "term_years" INTEGER NOT NULL DEFAULT 0,
   "renewals_exercised" INTEGER NOT NULL DEFAULT 0,
   "amendment_share_pct" TEXT NOT NULL DEFAULT '',
   "report_days" INTEGER NOT NULL DEFAULT 15,
   "monthly_fee" TEXT NOT NULL DEFAULT '',
   "notes" TEXT NOT NULL DEFAULT ''
);

CREATE TABLE "contract_amendments" (
   "id" INTEGER PRIMARY KEY NOT NULL,
   "amended_on" TEXT NOT NULL,
   "reason" TEXT NOT NULL DEFAULT '',
   "value_change" TEXT NOT NULL DEFAULT '0',
   "term_change_months" INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE "performance_reports" (
   "id" INTEGER PRIMARY KEY NOT NULL,
   "period" TEXT NOT NULL,
   "received_on" TEXT NOT NULL DEFAULT '',
   "availability_pct" TEXT NOT NULL DEFAULT '',
   "credits_due" TEXT NOT NULL DEFAULT '0',
   "notes" TEXT NOT NULL DEFAULT ''
);

CREATE TABLE "incidents" (
   "id" INTEGER PRIMARY KEY NOT NULL,
   "report_id" INTEGER REFERENCES "performance_reports"("id"),
   "severity" TEXT NOT NULL DEFAULT 'major',
   "security" INTEGER NOT NULL DEFAULT 0,
   "started_at" TEXT NOT NULL,
   "notified_at" TEXT NOT NULL DEFAULT '',
   "responded_at" TEXT NOT NULL DEFAULT '',
   "resolved_at" TEXT NOT NULL DEFAULT '',
   "description" TEXT NOT NULL DEFAULT ''
);

CREATE TABLE "payments" (
   "id" INTEGER PRIMARY KEY NOT NULL,
   "invoice_number" TEXT NOT NULL DEFAULT '',
   "invoiced_on" TEXT NOT NULL DEFAULT '',
   "paid_on" TEXT NOT NULL,
   "amount" TEXT NOT NULL,
   "credit" TEXT NOT NULL DEFAULT '0',
   "line_key" TEXT NOT NULL DEFAULT '',
   "quantity" TEXT NOT NULL DEFAULT '',
   "unit_price" TEXT NOT NULL DEFAULT '',
   "year" INTEGER NOT NULL DEFAULT 0,
   "notes" TEXT NOT NULL DEFAULT ''
);
"""
"""The tables version 7 adds (issue 23, the contract's follow-up), in the order
migration 7 creates them."""

SCHEMA_V7 = SCHEMA_V6 + SCHEMA_V7_TABLES
"""Version 7 (issue 23, docs/contract.md): version 6 and the follow-up of the contract
awarded: its terms beside the award (``contract``, one row: the start, the initial term,
the renewals exercised, the Town's share for amendments, the days a performance report
is due after its month, the monthly recurring fee the service credits are counted on),
its amendments (``contract_amendments``: date, reason, effect on the value in CAD and on
the term in months), the supplier's monthly performance reports
(``performance_reports``: the month, received on, availability measured, credits due),
the incidents and their notices (``incidents``, each in a report or not yet), and the
invoices paid (``payments``: dates, amount and service credit taken in CAD before taxes,
the price form's line and unit price, the contract year). Read and written by
``wizard/core/contract/``; not entity lists of the model."""

SCHEMA_V8_TABLES = """
CREATE TABLE "grid_sheet_scores" (
   "id" INTEGER PRIMARY KEY NOT NULL,
   "bid_id" INTEGER NOT NULL REFERENCES "bids"("id"),
   "jury_member_id" INTEGER NOT NULL,
   "item_id" INTEGER NOT NULL,
   "points" INTEGER,
   "reason" TEXT NOT NULL DEFAULT ''
);

CREATE TABLE "grid_consensus_scores" (
   "id" INTEGER PRIMARY KEY NOT NULL,
   "bid_id" INTEGER NOT NULL REFERENCES "bids"("id"),
   "item_id" INTEGER NOT NULL,
   "points" INTEGER,
   "reason" TEXT NOT NULL DEFAULT ''
);
"""
"""The tables version 8 adds (issue 22, Québec's statutory grid), in the order migration
8 creates them."""

SCHEMA_V8 = SCHEMA_V7 + SCHEMA_V8_TABLES
"""Version 8 (issue 22, docs/bids.md): version 7 and the selection committee's points on
the items of Québec's quality grid (``project.quality_grid``, the statutory weighted
system): each member's own sheet (``grid_sheet_scores``: the bid, the member, the grid
item, its points from 0 to the item's points or NULL = not scored, the reason) and the
consensus (``grid_consensus_scores``: the bid, the grid item, the points, the reason).
Read and written by ``wizard/core/bids/``; not entity lists of the model."""

SCHEMAS: dict[int, str] = {
    0: "",
    1: SCHEMA_V1,
    2: SCHEMA_V2,
    3: SCHEMA_V3,
    4: SCHEMA_V4,
    5: SCHEMA_V5,
    6: SCHEMA_V6,
    7: SCHEMA_V7,
    8: SCHEMA_V8,
}
"""Schema version → the SQL that creates it (0: an empty file, before version 1)."""

Column = tuple[str, str, int, str | None, int]
"""One column as ``PRAGMA table_xinfo`` reports it: name, declared type, not null,
default value (SQL text or None), position in the primary key (0: not in it)."""


@dataclass(frozen=True)
class Shape:
    """What a schema is made of, in a form two files can be compared by.

    ``tables``: table → its columns; ``foreign_keys``: table → its links
    ``(column, parent table, parent column)``; ``others``: every index, trigger and view
    that SQLite did not create by itself, as ``(type, name) → SQL``."""

    tables: dict[str, frozenset[Column]]
    foreign_keys: dict[str, frozenset[tuple[str, str, str]]]
    others: dict[tuple[str, str], str]


def shape_of(conn: sqlite3.Connection) -> Shape:
    """The :class:`Shape` of the database behind ``conn`` (read only; runs no trigger)."""
    tables: dict[str, frozenset[Column]] = {}
    links: dict[str, frozenset[tuple[str, str, str]]] = {}
    others: dict[tuple[str, str], str] = {}
    rows = conn.execute("SELECT type, name, sql FROM sqlite_master").fetchall()
    for kind, name, sql in rows:
        if name.startswith("sqlite_"):  # SQLite's own (autoindexes, statistics)
            continue
        if kind != "table":
            others[(kind, name)] = " ".join(str(sql).split())
            continue
        columns = conn.execute(
            'SELECT name, type, "notnull", dflt_value, pk FROM pragma_table_xinfo(?)', (name,)
        ).fetchall()
        tables[name] = frozenset((c[0], c[1].upper(), c[2], c[3], c[4]) for c in columns)
        others[("table", name)] = " ".join(str(sql).split())  # constraints: CHECK, UNIQUE, COLLATE …
        fks = conn.execute('SELECT "from", "table", "to" FROM pragma_foreign_key_list(?)', (name,)).fetchall()
        links[name] = frozenset((f[0], f[1], f[2]) for f in fks)
    return Shape(tables, links, others)


def expected_shape(version: int) -> Shape:
    """The :class:`Shape` of ``SCHEMAS[version]``. Raises ``KeyError`` for an unknown one."""
    return _shape_of_sql(SCHEMAS[version])


@cache
def _shape_of_sql(sql: str) -> Shape:
    conn = sqlite3.connect(":memory:")
    try:
        conn.executescript(sql)
        return shape_of(conn)
    finally:
        conn.close()


def differences(actual: Shape, expected: Shape) -> list[str]:
    """What ``actual`` has that ``expected`` lacks, or the reverse, one line each
    ("unexpected trigger wipe", "table criteria: missing column verification" …); empty
    when the two are the same."""
    found: list[str] = []
    for name in sorted(expected.tables.keys() - actual.tables.keys()):
        found.append(f"missing table {name}")
    for name in sorted(actual.tables.keys() - expected.tables.keys()):
        found.append(f"unexpected table {name}")
    for name in sorted(actual.tables.keys() & expected.tables.keys()):
        found += _table_differences(name, actual, expected)
    objects = {key for key in actual.others.keys() | expected.others.keys() if key[0] != "table"}
    for kind, name in sorted(objects - expected.others.keys()):
        found.append(f"unexpected {kind} {name}")
    for kind, name in sorted(objects - actual.others.keys()):
        found.append(f"missing {kind} {name}")
    for key in sorted(objects & actual.others.keys() & expected.others.keys()):
        if actual.others[key] != expected.others[key]:
            found.append(f"{key[0]} {key[1]} differs")
    return found


def _table_differences(name: str, actual: Shape, expected: Shape) -> list[str]:
    have, want = actual.tables[name], expected.tables[name]
    have_names, want_names = {c[0] for c in have}, {c[0] for c in want}
    found = [f"table {name}: missing column {c}" for c in sorted(want_names - have_names)]
    found += [f"table {name}: unexpected column {c}" for c in sorted(have_names - want_names)]
    changed = {c[0] for c in have ^ want} & have_names & want_names
    found += [f"table {name}: column {c} differs" for c in sorted(changed)]
    if actual.foreign_keys.get(name, frozenset()) != expected.foreign_keys.get(name, frozenset()):
        found.append(f"table {name}: links differ")
    key = ("table", name)
    if not found and actual.others.get(key) != expected.others.get(key):
        found.append(f"table {name}: its definition differs (a constraint, a collation …)")
    return found
