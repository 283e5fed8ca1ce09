"""CSV open data: the vendor register and the criteria (docs/open-data.md, and the data
dictionary docs/data-dictionary.md that :mod:`wizard.core.opendata.dictionary` writes).

One schema per file, whatever the language: the header row holds stable machine names
(``snake_case``, :data:`REGISTER_COLUMNS`, :data:`CRITERIA_COLUMNS`), choices are
written as their stored codes (``email``, ``mandatory``, ``security``) and yes/no as
``true`` / ``false``. What the codes mean, in English and in French, is in the data
dictionary, not in the data. Text typed by the town (a subject, a criterion) stays as
typed.

File format, chosen so that Excel (Windows, macOS) and LibreOffice Calc open the file
correctly, accents included:

* UTF-8 **with a byte-order mark**: without it, Excel reads the file as the legacy
  Windows code page and "Hélène" becomes "HÃ©lÃ¨ne".
* **Comma** separator (RFC 4180, what open-data portals and their tools expect), and
  no ``sep=`` first line: Excel honours ``sep=`` only by ignoring the BOM (the accents
  break again) and every other tool reads it as a data row. Known limit: Excel opened
  by a double-click splits on the system's *list separator*, which is ``;`` on a
  French (Canada) Windows; there, *Data > From Text/CSV* detects the comma and the
  encoding. LibreOffice Calc shows its import dialog with comma and UTF-8 detected.
* **CRLF** line ends (RFC 4180). A line break inside a cell stays a bare LF inside a
  quoted field, which both programs show as a line break in the cell.
* Quoting per RFC 4180 (``csv.QUOTE_MINIMAL``): fields holding a comma, a quote or a
  line break are quoted, quotes doubled ("Johnson & Johnson" needs none).
* Formula guard (``csv_cells``): only a cell that a spreadsheet would run as a formula
  (it starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return and is not a
  plain number) gets a leading apostrophe; the data dictionary says how to remove it.

Only register entries marked *publishable* are exported; staff names only when the
project opts in to personal names (the column is always there, empty otherwise).
"""

from __future__ import annotations

from typing import NamedTuple

from wizard.core.csv_cells import to_csv
from wizard.core.domain.numbering import criterion_numbers
from wizard.core.i18n import N_
from wizard.core.i18n.languages import binding_language
from wizard.core.model import Criterion, Project, VendorExchange
from wizard.core.opendata.common import Scrubber, export_language


class Column(NamedTuple):
    """One CSV column: its machine name (the header) and what it holds (an English
    msgid; French in ``opendata.po``); ``codes``: the name of its code list in the data
    dictionary, '' for free text."""

    name: str
    description: str
    codes: str = ""


TRUE, FALSE = "true", "false"


def _flag(value: bool) -> str:
    return TRUE if value else FALSE


REGISTER_COLUMNS: tuple[Column, ...] = (
    Column("entry_id", N_("Number of the entry in the town's register (unpublished entries leave gaps).")),
    Column("date", N_("Date of the exchange (YYYY-MM-DD), as recorded; may be empty.")),
    Column("vendor", N_("The vendor's name, as recorded.")),
    Column(
        "staff_name",
        N_("The town employee's name; empty unless the town chose to publish personal names."),
    ),
    Column("staff_role", N_("The town employee's position.")),
    Column("channel", N_("How the exchange took place."), "channel"),
    Column("initiated_by_vendor", N_("The vendor initiated the exchange."), "boolean"),
    Column("subject", N_("Subject of the exchange, as recorded (people's names withheld unless published).")),
    Column("documents", N_("Documents exchanged, as recorded.")),
    Column("routed_to_cio", N_("The exchange was sent to the chief information officer."), "boolean"),
    Column("demo", N_("A demonstration was asked for or accepted outside the tender."), "boolean"),
    Column("nda_signed", N_("A non-disclosure agreement was signed."), "boolean"),
    Column("drafting", N_("What the vendor did towards the tender."), "drafting"),
    Column("rfi", N_("A request for information was sent."), "boolean"),
)
"""The columns of ``vendor-register.csv``, in order."""

CRITERIA_COLUMNS: tuple[Column, ...] = (
    Column("criterion_id", N_("Number of the criterion in the project (stable while the project lives).")),
    Column(
        "tender_ref",
        N_(
            "The criterion's reference as the tender prints it: OBL-1, OPT-1 when the French "
            "version is binding, M-1, O-1 when the English version is."
        ),
    ),
    Column("kind", N_("Mandatory (pass/fail) or optional (one point)."), "kind"),
    Column("category", N_("What the criterion is about."), "category"),
    Column("text", N_("The criterion, as the tender states it.")),
    Column("verification", N_("How the bidder's answer is verified."), "verification"),
    Column(
        "features", N_("Features and standards of the market scan it covers, separated by \u201c; \u201d.")
    ),
    Column("scenarios", N_("Titles of the test scenarios that verify it, separated by \u201c; \u201d.")),
)
"""The columns of ``criteria.csv``, in order."""


def header(columns: tuple[Column, ...]) -> list[str]:
    """The header row: the columns' machine names."""
    return [column.name for column in columns]


def _register_row(entry: VendorExchange, scrub: Scrubber) -> list[str]:
    return [
        str(entry.id),
        entry.date,
        entry.vendor,
        scrub.person(entry.staff_name),
        entry.staff_role,
        entry.channel,
        _flag(entry.initiated_by_vendor),
        entry.subject,
        entry.documents,
        _flag(entry.routed_to_cio),
        _flag(entry.demo),
        _flag(entry.nda_signed),
        entry.drafting,
        _flag(entry.rfi),
    ]


def vendor_register_rows(project: Project) -> list[list[str]]:
    """Header + one row per *publishable* register entry, sorted by date then id."""
    scrub = Scrubber(project, export_language(project))
    entries = sorted((e for e in project.vendor_exchanges if e.publishable), key=lambda e: (e.date, e.id))
    rows = [_register_row(entry, scrub) for entry in entries]
    return [header(REGISTER_COLUMNS)] + [[scrub.text(cell) for cell in row] for row in rows]


def _criterion_row(
    project: Project, criterion: Criterion, numbers: dict[int, str], features: dict[int, str]
) -> list[str]:
    names = [features[i] for i in criterion.feature_ids if i in features]
    scenarios = [s.title for s in project.scenarios if criterion.id in s.criterion_ids]
    return [
        str(criterion.id),
        numbers[criterion.id],
        criterion.kind,
        criterion.category,
        criterion.text,
        criterion.verification,
        "; ".join(names),
        "; ".join(scenarios),
    ]


def criteria_rows(project: Project) -> list[list[str]]:
    """Header + one row per criterion, in the project's order (mandatory and optional);
    ``tender_ref`` is the reference the tender prints, in its binding language's form."""
    scrub = Scrubber(project, export_language(project))
    numbers = criterion_numbers(project, binding_language(project))
    features = {
        f.id: f.name for f in reversed(project.features)
    }  # the first of a duplicate id, as project.find
    rows = [_criterion_row(project, c, numbers, features) for c in project.criteria]
    return [header(CRITERIA_COLUMNS)] + [[scrub.text(cell) for cell in row] for row in rows]


def vendor_register_csv(project: Project) -> bytes:
    """The published vendor register as CSV bytes (see module doc)."""
    return to_csv(vendor_register_rows(project))


def criteria_csv(project: Project) -> bytes:
    """The criteria as CSV bytes (see module doc)."""
    return to_csv(criteria_rows(project))
