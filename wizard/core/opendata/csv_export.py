"""CSV open data: the vendor register and the criteria (docs/documents.md, "Open data").

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
* Formula injection guard: a cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or
  a CR would be run as a formula by a spreadsheet, so it gets a leading apostrophe
  (OWASP "CSV injection"); a project file from another town is untrusted input.

Headers and coded values (kind, category, channel, yes/no) are in the export language
(``opendata_common.export_language``). Only register entries marked *publishable* are
exported; staff names only when the project opts in to personal names.
"""

from __future__ import annotations

from wizard.core.csv_cells import to_csv
from wizard.core.domain.numbering import criterion_numbers
from wizard.core.i18n import N_, tr
from wizard.core.i18n.labels import value_label
from wizard.core.model import Criterion, Project, VendorExchange
from wizard.core.opendata.common import Scrubber, export_language


def _yes_no(value: bool, lang: str) -> str:
    return tr(N_("Yes"), lang) if value else tr(N_("No"), lang)


REGISTER_COLUMNS = (
    N_("Date"),
    N_("Vendor"),
    N_("Town staff"),
    N_("Staff role"),
    N_("Channel"),
    N_("Initiated by the vendor"),
    N_("Subject"),
    N_("Documents"),
    N_("Routed to the CIO"),
    N_("Demonstration"),
    N_("Non-disclosure agreement signed"),
    N_("Part in preparing the tender"),
    N_("Request for information"),
)
"""Register columns, in order; "Town staff" only when personal names are opted in."""


def _register_row(entry: VendorExchange, lang: str, scrub: Scrubber) -> list[str]:
    row = [entry.date, entry.vendor, scrub.person(entry.staff_name), entry.staff_role]
    row += [value_label(entry.channel, lang), _yes_no(entry.initiated_by_vendor, lang)]
    row += [entry.subject, entry.documents, _yes_no(entry.routed_to_cio, lang)]
    row += [_yes_no(entry.demo, lang), _yes_no(entry.nda_signed, lang), value_label(entry.drafting, lang)]
    return row + [_yes_no(entry.rfi, lang)]


def vendor_register_rows(project: Project) -> list[list[str]]:
    """Header + one row per *publishable* register entry, sorted by date then id."""
    lang = export_language(project)
    scrub = Scrubber(project, lang)
    keep = [i for i in range(len(REGISTER_COLUMNS)) if i != 2 or scrub.include_names]
    entries = sorted((e for e in project.vendor_exchanges if e.publishable), key=lambda e: (e.date, e.id))
    rows = [[tr(title, lang) for title in REGISTER_COLUMNS]]
    rows += [_register_row(entry, lang, scrub) for entry in entries]
    return [[scrub.text(row[i]) for i in keep] for row in rows]


CRITERIA_COLUMNS = (
    N_("No."),
    N_("Kind"),
    N_("Category"),
    N_("Criterion"),
    N_("Verification"),
    N_("Features and standards"),
    N_("Test scenarios"),
)


def _criterion_row(
    project: Project, criterion: Criterion, lang: str, numbers: dict[int, str], features: dict[int, str]
) -> list[str]:
    names = [features[i] for i in criterion.feature_ids if i in features]
    scenarios = [s.title for s in project.scenarios if criterion.id in s.criterion_ids]
    return [
        numbers[criterion.id],
        value_label(criterion.kind, lang),
        value_label(criterion.category, lang),
        criterion.text,
        value_label(criterion.verification, lang),
        "; ".join(names),
        "; ".join(scenarios),
    ]


def criteria_rows(project: Project) -> list[list[str]]:
    """Header + one row per criterion, in the project's order (mandatory and optional);
    the first column is the criterion's id in the tender ("OBL-1", "OPT-2" / "M-1", "O-2")."""
    lang = export_language(project)
    scrub = Scrubber(project, lang)
    rows = [[tr(title, lang) for title in CRITERIA_COLUMNS]]
    numbers = criterion_numbers(project, lang)  # the tender's ids (OBL-1 / M-1 …)
    features = {
        f.id: f.name for f in reversed(project.features)
    }  # the first of a duplicate id, as project.find
    rows += [_criterion_row(project, c, lang, numbers, features) for c in project.criteria]
    return [[scrub.text(cell) for cell in row] for row in rows]


def vendor_register_csv(project: Project) -> bytes:
    """The published vendor register as CSV bytes (see module doc)."""
    return to_csv(vendor_register_rows(project))


def criteria_csv(project: Project) -> bytes:
    """The criteria as CSV bytes (see module doc)."""
    return to_csv(criteria_rows(project))
