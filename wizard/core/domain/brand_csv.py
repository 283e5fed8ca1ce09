"""A town's own brand names as a CSV file, to share a list with its neighbours.

The project's extra names (Criteria step, "Extra brand names"; ``project.extra_brands``)
are added to the bundled list by the brand detector. A town that found names the list
does not know (a local reseller, a regional ERP) can pass them on:

* ``export_brands(project) -> bytes``: a CSV with a ``name`` header and one name a row,
  written like every CSV of the app (:mod:`wizard.core.csv_cells`: UTF-8 with BOM, a
  leading apostrophe before a formula start).
* ``parse_brands(data: bytes) -> list[str]``: the names of such a file, or of any file
  of one name a line: the first column, comma or semicolon separated (a French
  spreadsheet writes semicolons), UTF-8 or Windows-1252; a ``name`` / ``nom`` /
  ``brand`` / ``marque`` header, blank lines and ``#`` comments skipped; duplicates
  (case and accents aside) once. All or none: raises :class:`BrandCsvError`, naming the
  line, for a file that is not text or too large, a quote left open, a line with more
  fields than the first, a first line of several columns that is not a name header, a
  name longer than :data:`MAX_NAME` characters or one the brand check never finds.
* ``import_brands(pf, data) -> list[str]``: the names not already in the project,
  added all or none (the ``ops.import_brands`` operation); returns them.
* ``add_names(pf, names) -> list[str]``: names the town confirms one by one (the app's
  findings panel, "Add to the brand list" on a possible name's warning), added the same
  way, all or none; a name the brand check never finds is refused, as in a file.
* ``import_report(names, added, lang) -> str``: the import's report after its count:
  how many names of the file the project already held, then ``cased_report``.
* ``cased_report(names, lang) -> str``: the import's report of the names that are
  also ordinary words ("Office", « Bureau », "Teams", "Word";
  :func:`wizard.core.domain.brands.ordinary_word`). Such a name is kept: the brand check
  finds it only when written with a capital, as it finds the bundled list's, so that it
  does not flag the word in every sentence; the report tells the town which, and that
  a capital is enough (a sentence's first word, "the Clerk’s Office"), so that the
  product's full name ("Microsoft Office") is the better entry.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from typing import Any

from wizard.core.csv_cells import to_csv
from wizard.core.domain.brands import MIN_NAME, fold, ordinary_word
from wizard.core.i18n import N_, Localized, ntr, tr
from wizard.core.model import Project
from wizard.core.project_file.batch import batch
from wizard.core.project_file.store import ProjectFile

MAX_BYTES = 1024 * 1024
MAX_NAME = 120
HEADERS = frozenset({"name", "nom", "names", "noms", "brand", "brands", "marque", "marques"})


class BrandCsvError(ValueError):
    """A file that is not a list of names; :meth:`message` says why, in FR or EN."""

    def __init__(self, msgid: str, **params: Any) -> None:
        super().__init__(tr(msgid, "en", **params))
        self.msgid, self.params = msgid, params

    def message(self, lang: str) -> str:
        return tr(self.msgid, lang, **self.params)


def export_brands(project: Project) -> bytes:
    """The project's extra names as CSV bytes: a ``name`` header, one name a row, in
    the project's order; a name the detector can never find (shorter than
    :data:`MIN_NAME` characters, or without a letter) is left out, so that the file a
    neighbour imports is never refused for it."""
    names = (" ".join(b.name.split()) for b in project.extra_brands)
    return to_csv([["name"], *([n] for n in names if _usable(n))])


def _usable(name: str) -> bool:
    return len(name) >= MIN_NAME and any(ch.isalpha() for ch in name)


def parse_brands(data: bytes) -> list[str]:
    """The distinct names of a brand-list file, in order (see the module docstring).

    The file is taken whole or refused whole: a list that loses or merges a name without
    a word would leave the town believing a name is checked when it is not. Raises
    :class:`BrandCsvError`, naming the line, for a quote left open or a name broken over
    two lines, a line with more fields than the first line (an unquoted comma or
    semicolon in a name), a first line of several columns that is not a name header
    (another CSV of the app, such as ``criteria.csv``), and a name the brand check can
    never find (shorter than :data:`MIN_NAME` characters, or without a letter: see
    :func:`wizard.core.checks.known_names.known_names`)."""
    if len(data) > MAX_BYTES:
        raise BrandCsvError(N_("This brand list is too large (over 1 MB)."))
    if b"\x00" in data:
        raise BrandCsvError(N_("This file is not a text file of brand names."))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", "replace")
    first = next(
        (line for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")), ""
    )
    delimiter = ";" if first.count(";") > first.count(",") else ","
    names: list[str] = []
    seen: set[str] = set()
    width = 0  # the number of fields of the first line; 0 before it
    lines = io.StringIO(text, newline="").readlines()
    for number, row in _rows(text, delimiter):
        if not row or not "".join(row).strip() or row[0].strip().startswith("#"):
            continue
        if any("\n" in cell or "\r" in cell for cell in row):
            raise BrandCsvError(_OPEN_QUOTE, line=number)
        if not width:
            width = len(row)
            if fold(" ".join(row[0].split())) in HEADERS:
                continue
            if width > 1:
                raise BrandCsvError(
                    N_(
                        "Line {line} holds several columns but no header naming the column of names "
                        "(name, nom, brand or marque): is it a list of brand names?"
                    ),
                    line=number,
                )
        count = len(row) if width > 1 else _fields(lines[number - 1])
        if count > width:
            raise BrandCsvError(
                N_(
                    "Line {line} holds more fields ({count}) than the first line ({max}): put a name that "
                    "holds a comma or a semicolon in double quotes, one name a line."
                ),
                line=number,
                count=count,
                max=width,
            )
        name = " ".join(row[0].split())
        if name.startswith("'") and name[1:2] in ("=", "+", "-", "@"):
            name = name[1:]  # the apostrophe our own CSV writes before a formula start
        if not name:
            continue
        if len(name) > MAX_NAME:
            raise BrandCsvError(
                N_("Line {line} holds a name longer than {max} characters: is it a list of names?"),
                line=number,
                max=MAX_NAME,
            )
        if not _usable(name):
            raise BrandCsvError(
                N_(
                    "Line {line}: the brand check can never find “{name}” (a name needs at least "
                    "{min} characters and a letter)."
                ),
                line=number,
                name=name,
                min=MIN_NAME,
            )
        key = fold(name)
        if key not in seen:
            seen.add(key)
            names.append(name)
    return names


_OPEN_QUOTE = N_(
    "Line {line} opens a double quote that is not closed on that line: close it, and keep each name on one line."
)


def _rows(text: str, delimiter: str) -> Iterator[tuple[int, list[str]]]:
    """Each CSV row of ``text`` with the number of the line it starts on (from 1).
    Raises :class:`BrandCsvError` for a quote left open or a malformed quoted field."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    start = 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error:
            raise BrandCsvError(_OPEN_QUOTE, line=start) from None
        yield start, row
        start = reader.line_num + 1


def _fields(line: str) -> int:
    """How many fields a line of a one-column list holds when cut at a comma or at a
    semicolon (quotes respected): more than one is a name cut in two."""
    return max(len(next(csv.reader([line.rstrip("\r\n")], delimiter=d), [""])) for d in ",;")


def import_brands(pf: ProjectFile, data: bytes) -> list[str]:
    """Add the names of ``data`` that the project does not hold yet (case and accents
    aside), all or none; returns the names added. Raises :class:`BrandCsvError`
    (nothing changed), or the store's ``ReadOnlyFile`` / ``WriteFailed``."""
    return add_names(pf, parse_brands(data))


def check_names(names: list[str]) -> list[str]:
    """``names`` with their spaces collapsed, each once (case and accents aside), in
    order. Raises :class:`BrandCsvError` for a name longer than :data:`MAX_NAME`
    characters or one the brand check never finds (shorter than :data:`MIN_NAME`
    characters, or without a letter): the names are taken all or none."""
    cleaned: list[str] = []
    seen: set[str] = set()
    for raw in names:
        name = " ".join(raw.split())
        if len(name) > MAX_NAME:
            raise BrandCsvError(
                N_("“{name}” is longer than {max} characters: is it a name?"), name=name, max=MAX_NAME
            )
        if not _usable(name):
            raise BrandCsvError(
                N_(
                    "The brand check can never find “{name}” (a name needs at least {min} characters "
                    "and a letter)."
                ),
                name=name,
                min=MIN_NAME,
            )
        if fold(name) not in seen:
            seen.add(fold(name))
            cleaned.append(name)
    return cleaned


def add_names(pf: ProjectFile, names: list[str]) -> list[str]:
    """Add the ``names`` (:func:`check_names`) that the project does not hold yet, all
    or none; returns the names added. Raises :class:`BrandCsvError` (nothing changed),
    or the store's ``ReadOnlyFile`` / ``WriteFailed``."""
    held = {fold(b.name.strip()) for b in pf.project.extra_brands}
    new = [n for n in check_names(names) if fold(n) not in held]
    with batch(pf, ("extra_brands",)):
        for name in new:
            pf.add_row("extra_brands", name=name)
    return new


def cased_names(names: list[str]) -> list[str]:
    """The names of ``names`` that are also ordinary words, in order: the brand check
    finds them only when written with a capital (:func:`brands.ordinary_word`)."""
    return [name for name in names if ordinary_word(name)]


def cased_report(names: list[str], lang: str) -> str:
    """The line of an import's report, in ``lang``, naming the names of ``names`` that
    the brand check finds only with a capital ('' when there is none), and saying that a
    capital is enough: a sentence's first word and a proper noun ("the Clerk’s Office",
    « le Bureau du greffier ») are flagged too, so the product's full name ("Microsoft
    Office") is the better entry."""
    cased = cased_names(names)
    if not cased:
        return ""
    quoted = Localized(
        fr=", ".join(f"«\u00a0{name}\u00a0»" for name in cased),
        en=", ".join(f"“{name}”" for name in cased),
    )
    return ntr(
        "{count} name is also an ordinary word ({names}): the brand check finds it only when written "
        "with a capital, but then also at the start of a sentence and in a proper noun such as "
        "“the Clerk's Office”, where it is not the product. Where you can, list the product's full "
        "name instead (“Microsoft Office”, not “Office”).",
        "{count} names are also ordinary words ({names}): the brand check finds them only when written "
        "with a capital, but then also at the start of a sentence and in a proper noun such as "
        "“the Clerk's Office”, where they are not the product. Where you can, list each product's full "
        "name instead (“Microsoft Office”, not “Office”).",
        len(cased),
        lang,
        names=quoted,
    )


def import_report(names: list[str], added: list[str], lang: str) -> str:
    """The lines of an import's report after the count of names added, in ``lang``:
    how many of the file's distinct ``names`` the project already held (the import
    added the others, ``added``), then :func:`cased_report` of ``added``; '' when
    there is nothing to say."""
    held = len(names) - len(added)
    lines = []
    if held > 0:
        lines.append(
            ntr(
                "{count} name of the file was already in the project's list.",
                "{count} names of the file were already in the project's list.",
                held,
                lang,
            )
        )
    cased = cased_report(added, lang)
    if cased:
        lines.append(cased)
    return "\n".join(lines)


__all__ = [
    "BrandCsvError",
    "add_names",
    "cased_names",
    "cased_report",
    "check_names",
    "export_brands",
    "import_brands",
    "import_report",
    "parse_brands",
]
