"""What the open-data exports share: their language and privacy by default (docs/documents.md).

Language: the tender's language; for a bilingual tender, the legally binding one
(OCDS 1.1 carries one ``language`` per release). See :func:`export_language`.

The project holds people's names: the responsible officer, the authors of the tender,
the jury, the technical committee, the designated staff and the town staff recorded in
the vendor register. Unless ``project.export.include_personal_names`` is set, the
open-data exports (OCDS package, CSV files) leave out the fields that hold them, and
:class:`Scrubber` replaces any of these names found inside other published text (a
register subject such as "Call with Helene Roy": accents and case are ignored) by a
neutral mark, in the export language. Organizations (the town, the vendors) are not
people and are kept.

Every published string is in Unicode normal form C. The project's text was cleaned of
XML-illegal code points (lone surrogates included) once, by the export that builds these
files (:func:`wizard.core.export.export_all`).
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from wizard.core.i18n import N_, tr
from wizard.core.i18n.languages import binding_language
from wizard.core.model import Project

WITHHELD = N_("[name withheld]")
_MIN_LENGTH = 2

CODE_KEYS = frozenset(
    {
        "amendsReleaseID",
        "awardCriteria",
        "currency",
        "date",
        "datePublished",
        "documentType",
        "dueDate",
        "endDate",
        "format",
        "id",
        "initiationType",
        "language",
        "license",
        "mainProcurementCategory",
        "ocid",
        "procurementMethod",
        "publicationPolicy",
        "publishedDate",
        "releaseID",
        "roles",
        "scheme",
        "startDate",
        "status",
        "submissionMethod",
        "tag",
        "type",
        "uid",
        "uri",
        "url",
        "version",
    }
)
"""JSON keys whose values are codes, identifiers, dates or addresses, never scrubbed (a
person named "Open" must not turn ``procurementMethod`` into an invalid code, and an
identifier must stay the same in every release)."""


def export_language(project: Project) -> str:
    """The export language ("fr" or "en"): the tender's, or the binding one if both
    (``i18n.languages.binding_language``)."""
    return binding_language(project)


def personal_names(project: Project) -> list[str]:
    """Every person's name held by the project, trimmed, without duplicates, longest
    first (so "Marie-Ève Tremblay" is replaced before "Tremblay")."""
    names = [project.info.officer_name]
    for kind in ("authors", "jury", "committee", "designated_staff"):
        names.extend(row.name for row in project.rows(kind))
    names.extend(row.staff_name for row in project.vendor_exchanges)
    unique = {" ".join(name.split()) for name in names}
    return sorted((n for n in unique if len(n) >= _MIN_LENGTH), key=lambda n: (-len(n), n))


def _fold(char: str) -> str:
    return unicodedata.normalize("NFKD", char)[0].casefold()


def _variants() -> dict[str, str]:
    """Base letter → every Latin letter that folds to it ("e" → "eéèêëEÉÈÊË…")."""
    table: dict[str, str] = {}
    for code in range(0x41, 0x250):
        char = chr(code)
        if char.isalpha():
            table[_fold(char)] = table.get(_fold(char), "") + char
    return table


_VARIANTS = _variants()


def _name_regex(name: str) -> str:
    """``name`` as a regex: accents and case ignored, any run of spaces matches."""
    parts = []
    for part in name.split():
        chars = (
            f"[{re.escape(_VARIANTS[_fold(c)])}]" if _fold(c) in _VARIANTS else re.escape(c) for c in part
        )
        parts.append("".join(chars))
    return r"\s+".join(parts)


def _pattern(names: list[str]) -> re.Pattern[str] | None:
    if not names:
        return None
    alternatives = "|".join(_name_regex(name) for name in names)
    return re.compile(r"(?<!\w)(?:" + alternatives + r")(?!\w)", re.IGNORECASE)


class Scrubber:
    """Cleans every string bound for open data.

    ``Scrubber(project, lang)`` withholds personal names unless the project opted in;
    :meth:`text` cleans one string, :meth:`data` a whole JSON-like structure (keys are
    left alone).
    """

    def __init__(self, project: Project, lang: str) -> None:
        self.include_names = project.export.include_personal_names
        names = [] if self.include_names else personal_names(project)
        self._pattern = _pattern([unicodedata.normalize("NFC", n) for n in names])
        self._mark = tr(WITHHELD, lang)

    def text(self, value: str) -> str:
        """``value`` in NFC, names withheld."""
        value = unicodedata.normalize("NFC", value)
        if self._pattern is None:
            return value
        return self._pattern.sub(self._mark, value)

    def person(self, name: str) -> str:
        """A person's name for a field that holds only a name: '' unless opted in."""
        return self.text(name) if self.include_names else ""

    def data(self, value: Any) -> Any:
        """A copy of ``value`` (dicts, lists, strings, numbers) with every string cleaned,
        except the values of :data:`CODE_KEYS` (codes and addresses)."""
        if isinstance(value, str):
            return self.text(value)
        if isinstance(value, dict):
            return {key: item if key in CODE_KEYS else self.data(item) for key, item in value.items()}
        if isinstance(value, list):
            return [self.data(item) for item in value]
        return value
