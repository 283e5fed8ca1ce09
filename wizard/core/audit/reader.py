"""A tender document as located paragraphs (``lint --file``, "Check a tender document…").

:func:`read_document` reads a DOCX (every body paragraph and table cell, in document
order, with python-docx), a PDF (the text of each page from ``pdftotext -layout``, the
poppler-utils program, when it is installed) or a plain text file, and returns its
paragraphs, each with where it is (:class:`Location`) and whether it is a heading.
Nothing here knows about checks; :mod:`wizard.core.audit` decides how each paragraph is
checked.

Paragraphs of a PDF or a text file are the blocks between blank lines; a line that
starts a list item ("1.", "a)", "•", "-") starts a new paragraph, so a numbered list of
requirements is checked item by item, and so does a line that starts a sentence after a
line that ends one where the break is no wrap (one criterion per line,
:func:`_one_line_items`). A block of one short line without a final full
stop is taken as a heading. A word cut by a hyphen at a line end is joined again
(:func:`join_lines`); a PDF's running headers and footers are dropped
(:func:`without_running_lines`) and a paragraph a page break cuts is one again
(:func:`pdf_paragraphs`).

Every failure is a :class:`DocumentError` whose message is an English message id with
its French in ``core.po``: the command line and the app show it in both languages and
never a traceback, nor a library's or a program's English inside the message
(pdftotext's own words come at most as a detail below it, :func:`program_output`).
"""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from wizard.core.i18n import N_, tr
from wizard.core.i18n.os_errors import os_reason

if TYPE_CHECKING:
    from docx.table import Table

MAX_BYTES = 50 * 1024 * 1024
"""Larger files are refused (a tender is a few megabytes at most)."""

PDF_TIMEOUT_S = 120
"""How long ``pdftotext`` may run on one document."""

SUFFIXES = (".docx", ".pdf", ".txt", ".md", ".text")
"""The suffixes offered in the app's file dialog; any other file is sniffed."""


class DocumentError(Exception):
    """A document that cannot be read: ``text`` is an English message id (French in
    ``core.po``), ``params`` fill its placeholders, ``path`` is the file. ``output`` is
    a program's own words, untranslated ("pdftotext: Syntax Error: …", whole lines,
    :func:`program_output`), or ''; it is shown as a detail on a line of its own, never
    inside the message."""

    def __init__(self, text: str, path: Path, *, output: str = "", **params: object) -> None:
        super().__init__(tr(text, "en", **params))
        self.text = text
        self.path = path
        self.params = params
        self.output = output

    def message(self, lang: str) -> str:
        """The message in ``lang`` ("fr" or "en")."""
        return tr(self.text, lang, **self.params)


@dataclass(frozen=True)
class Location:
    """Where a paragraph is; 0 means "not applicable".

    DOCX: ``paragraph`` (the n-th non-empty body paragraph, 1-based) or ``table``,
    ``row`` and ``cell`` (1-based). PDF: ``page`` and ``paragraph`` (within the page).
    Text: ``paragraph`` and ``line`` (its first line)."""

    paragraph: int = 0
    table: int = 0
    row: int = 0
    cell: int = 0
    page: int = 0
    line: int = 0

    def describe(self, lang: str) -> str:
        """``"table 3, row 2, cell 2"``, ``"page 4, paragraph 1"``, ``"paragraph 12"`` or
        ``"paragraph 5, line 31"``, in ``lang``."""
        if self.table:
            return tr(
                N_("table {table}, row {row}, cell {cell}"),
                lang,
                table=self.table,
                row=self.row,
                cell=self.cell,
            )
        if self.page:
            return tr(
                N_("page {page}, paragraph {paragraph}"), lang, page=self.page, paragraph=self.paragraph
            )
        if self.line:
            return tr(
                N_("paragraph {paragraph}, line {line}"), lang, paragraph=self.paragraph, line=self.line
            )
        return tr(N_("paragraph {paragraph}"), lang, paragraph=self.paragraph)

    def as_dict(self) -> dict[str, int]:
        """The non-zero fields: ``{"table": 3, "row": 2, "cell": 2}``."""
        return {k: v for k, v in vars(self).items() if v}


@dataclass(frozen=True)
class Paragraph:
    """One paragraph or table cell: its ``text`` (whitespace collapsed), its
    ``location``, whether it is a ``heading`` and its ``level`` (1 = top; 0 for body text)."""

    text: str
    location: Location
    heading: bool = False
    level: int = 0


def read_document(path: Path) -> list[Paragraph]:
    """The paragraphs of the DOCX, PDF or text file at ``path``, in reading order.

    The kind is chosen by the first bytes, then the suffix: a ZIP is read as DOCX when
    it is a Word document (:func:`_word_package`; another ZIP, such as an exported
    workbook, is not a document), ``%PDF`` or ``.pdf`` as PDF, ``.docx`` as DOCX;
    else the file is read as text (UTF-8, or Windows-1252 when it is not UTF-8). Raises
    :class:`DocumentError` for a folder, a missing, empty, too large or unreadable
    file, a legacy ``.doc``, a damaged DOCX or PDF, or a PDF without ``pdftotext``."""
    path = Path(path)
    if path.is_dir():
        raise DocumentError(N_("This is a folder, not a document."), path)
    try:
        size = path.stat().st_size
        with open(path, "rb") as handle:
            head = handle.read(8)
    except FileNotFoundError:
        raise DocumentError(N_("This file does not exist."), path) from None
    except OSError as exc:
        raise DocumentError(
            N_("This document cannot be read: {detail}"), path, detail=os_reason(exc)
        ) from None
    if size > MAX_BYTES:
        raise DocumentError(N_("This document is too large to check (over 50 MB)."), path)
    suffix = path.suffix.lower()
    if suffix == ".doc" or head.startswith(b"\xd0\xcf\x11\xe0"):
        raise DocumentError(N_("This is an old Word document (.doc): save it as DOCX, then check it."), path)
    if head.startswith(b"PK") or (suffix == ".docx" and not head.startswith(b"%PDF")):
        paragraphs = _read_docx(path, suffix)
    elif suffix == ".pdf" or head.startswith(b"%PDF"):
        paragraphs = _read_pdf(path)
    else:
        paragraphs = _read_text(path)
    if not paragraphs:
        raise DocumentError(N_("This document holds no text to check."), path)
    return paragraphs


# -- DOCX ---------------------------------------------------------------------------------

_HEADING_STYLE = re.compile(r"(?:heading|titre)\s*(\d)?", re.IGNORECASE)


def _heading_level(style_name: str) -> int:
    """1–9 for a heading style ("Heading 2", "Titre 1", "Title"), else 0."""
    name = style_name.strip()
    if name.lower() in ("title", "titre", "subtitle", "sous-titre"):
        return 1
    found = _HEADING_STYLE.fullmatch(name)
    if not found:
        return 0
    return int(found.group(1) or 1)


NOT_A_DOCUMENT = N_("This file is not a DOCX, PDF or text document.")
DAMAGED_DOCX = N_("This DOCX document cannot be read: it is damaged or not a DOCX document.")
DAMAGED_PDF = N_("This PDF document cannot be read: it is damaged or not a PDF.")

_WORD_MAIN = b"wordprocessingml.document.main+xml"
"""The content type of a DOCX's main part, in its ``[Content_Types].xml``."""


def _word_package(path: Path) -> bool | None:
    """Whether the ZIP at ``path`` is a Word document (its ``[Content_Types].xml`` names
    a DOCX main part); ``False`` for another ZIP (a workbook, a presentation, an
    OpenDocument file, an archive), ``None`` when it is not a readable ZIP."""
    import zipfile

    try:
        with zipfile.ZipFile(path) as package:
            types = package.read("[Content_Types].xml")
    except KeyError:
        return False
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, RuntimeError):
        return None
    return _WORD_MAIN in types


def _read_docx(path: Path, suffix: str) -> list[Paragraph]:
    """The paragraphs of a DOCX. A ZIP that is not a Word document is not a document;
    a ``.docx`` that is not a readable ZIP, or whose XML python-docx cannot read, is a
    damaged DOCX (the library's words, "Package not found", never reach the user)."""
    import docx
    from docx.table import Table as DocxTable
    from docx.text.paragraph import Paragraph as DocxParagraph

    word = _word_package(path)
    if word is False or (word is None and suffix != ".docx"):
        raise DocumentError(NOT_A_DOCUMENT, path)
    if word is None:
        raise DocumentError(DAMAGED_DOCX, path)
    try:
        document = docx.Document(str(path))
    except Exception:  # noqa: BLE001 - any damage to the ZIP or its XML
        raise DocumentError(DAMAGED_DOCX, path) from None
    out: list[Paragraph] = []
    number = 0
    tables = 0
    for child in document.element.body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            para = DocxParagraph(child, document)
            text = _clean(para.text)
            if not text:
                continue
            style = para.style.name if para.style is not None else ""
            number += 1
            if style.lower().startswith("toc"):
                continue  # the table of contents repeats the headings: counted, not read
            level = _heading_level(style)
            out.append(Paragraph(text, Location(paragraph=number), heading=bool(level), level=level))
        elif tag == "tbl":
            tables += 1
            out.extend(_table_cells(DocxTable(child, document), tables))
    return out


def _table_cells(table: Table, number: int) -> list[Paragraph]:
    out: list[Paragraph] = []
    seen: dict[int, object] = {}  # holds the elements, so that their ids stay theirs
    for r, row in enumerate(table.rows, 1):
        for c, cell in enumerate(row.cells, 1):
            if id(cell._tc) in seen:  # a merged cell is listed once per grid column
                continue
            seen[id(cell._tc)] = cell._tc
            text = _clean(cell.text)
            if text:
                out.append(Paragraph(text, Location(table=number, row=r, cell=c)))
    return out


# -- PDF and text -------------------------------------------------------------------------

_ITEM = re.compile(r"(?:\d{1,3}(?:\.\d{1,3})*[.)]|[a-zA-Z][.)]|\(?[ivxIVX]{1,4}\)|[•▪◦·\-–—*o])\s+\S")
"""A line that starts a list item: "1.", "2.3)", "a)", "(iv)", "•", "-"."""

UNNUMBERED_LEVEL = 9
"""The level of a short capitalised line of a PDF or text file that is neither numbered
nor in capitals: below any numbered heading."""

_BULLETS = "•▪◦·-–—*("

_NUMBERED_HEADING = re.compile(r"(\d{1,2}(?:\.\d{1,2}){0,3})\.?\s+\S")


def _read_pdf(path: Path) -> list[Paragraph]:
    program = shutil.which("pdftotext")
    if program is None:
        raise DocumentError(
            N_(
                "Reading a PDF needs the pdftotext program (poppler-utils), which is not installed: "
                "install it, or save the document as DOCX or text."
            ),
            path,
        )
    try:
        result = subprocess.run(
            [program, "-layout", "-enc", "UTF-8", str(path), "-"],
            capture_output=True,
            timeout=PDF_TIMEOUT_S,
            check=False,
        )
    except subprocess.TimeoutExpired:
        raise DocumentError(
            N_("This PDF document cannot be read: pdftotext did not finish within {seconds} seconds."),
            path,
            seconds=PDF_TIMEOUT_S,
        ) from None
    except OSError as exc:
        raise DocumentError(
            N_("This PDF document cannot be read: {detail}"), path, detail=os_reason(exc)
        ) from None
    if result.returncode != 0:
        output = program_output("pdftotext", result.stderr.decode("utf-8", "replace"))
        raise DocumentError(DAMAGED_PDF, path, output=output)
    text = result.stdout.decode("utf-8", "replace")
    return pdf_paragraphs(text.split("\f"))


OUTPUT_LINES = 3
"""How many distinct lines of a program's own words :func:`program_output` keeps."""

OUTPUT_WIDTH = 160
"""How many characters of each such line it keeps, cut at a word's end."""


def program_output(program: str, stderr: str) -> str:
    """A program's own words as a detail: ``"pdftotext: line; line"``, its first
    :data:`OUTPUT_LINES` distinct lines, each whole or cut after a whole word with "…"
    (:data:`OUTPUT_WIDTH`); '' when it said nothing."""
    lines: list[str] = []
    for raw in stderr.splitlines():
        line = " ".join(raw.split())
        if line and line not in lines:
            lines.append(line)
    if not lines:
        return ""
    kept = [_cut_at_word(line, OUTPUT_WIDTH) for line in lines[:OUTPUT_LINES]]
    more = "; …" if len(lines) > OUTPUT_LINES else ""
    return f"{program}: " + "; ".join(kept) + more


def _cut_at_word(line: str, width: int) -> str:
    """``line`` when it fits in ``width`` characters, else its words that fit and "…"."""
    if len(line) <= width:
        return line
    cut = line[: width + 1].rsplit(" ", 1)[0] if " " in line[:width] else line[:width]
    return cut.rstrip() + " …"


def pdf_paragraphs(pages: list[str]) -> list[Paragraph]:
    """The paragraphs of a PDF's ``pages`` (the text of each, from ``pdftotext -layout``),
    its running headers and footers dropped (:func:`without_running_lines`).

    A paragraph that a page break cuts is one paragraph again, at its first page's place:
    the last paragraph of a page ends without a full stop, a colon or a semicolon and the
    first of the next page starts with a lower-case letter. The continued part still
    counts as the next page's paragraph 1, so that the paragraphs after it keep the
    numbers a reader counts on that page."""
    out: list[Paragraph] = []
    last: tuple[list[str], int] | None = None  # the lines of the page's last paragraph, its index
    for page, page_text in enumerate(without_running_lines(pages), 1):
        blocks = _blocks(page_text)
        for n, (block, _line) in enumerate(blocks, 1):
            if n == 1 and last is not None and _continues(last[0], block):
                lines = last[0] + block
                out[last[1]] = _block_paragraph(lines, out[last[1]].location)
                last = (lines, last[1])
                continue
            out.append(_block_paragraph(block, Location(page=page, paragraph=n)))
            last = (block, len(out) - 1)
    return out


def _continues(before: list[str], block: list[str]) -> bool:
    """A paragraph ending ``before`` goes on in ``block`` (a short last one included: it
    looked like a heading only because the break cut it)."""
    return before[-1][-1] not in ".!?:;" and block[0][:1].islower()


RUNNING_PLACES = 2
"""How many lines at the top and at the bottom of a page may be a running header or
footer."""

_DIGITS = re.compile(r"\d+")


def without_running_lines(pages: list[str]) -> list[str]:
    """``pages`` (the text of each page) with their running headers and footers blanked:
    a line among the first or last :data:`RUNNING_PLACES` lines with text of a page that
    recurs at the same place (the same rank from the top, or from the bottom) on most
    pages with text (more than half, and three at least), numbers aside ("Town of
    Cobequid Harbour — CH-IT-2027-01", "Page 3 of 35"). A document of fewer than three
    pages with text has none: one line on two pages may be a heading. A blanked line
    becomes an empty line, so the paragraphs around it stay apart and the others keep
    their numbers within the page."""
    places = [_places(page) for page in pages]
    counted = [p for p in places if p]
    if len(counted) < 3:
        return pages
    seen: dict[tuple[int, str], int] = {}
    for page_places in counted:
        for key in {(place, text) for place, (_index, text) in page_places.items()}:
            seen[key] = seen.get(key, 0) + 1
    running = {key for key, count in seen.items() if count >= 3 and 2 * count > len(counted)}
    out = []
    for page, page_places in zip(pages, places, strict=True):
        lines = page.split("\n")
        for place, (index, text) in page_places.items():
            if (place, text) in running:
                lines[index] = ""
        out.append("\n".join(lines))
    return out


def _places(page: str) -> dict[int, tuple[int, str]]:
    """Place (0, 1 from the top; -1, -2 from the bottom) → (the line's index, its text
    with numbers as "#" and spaces collapsed) for the lines with text at a page's edges."""
    filled = [(i, " ".join(_DIGITS.sub("#", line).split())) for i, line in enumerate(page.split("\n"))]
    filled = [(i, text) for i, text in filled if text]
    places: dict[int, tuple[int, str]] = {}
    for rank in range(min(RUNNING_PLACES, len(filled))):
        places[rank] = filled[rank]
        places[-1 - rank] = filled[-1 - rank]
    return places


def _read_text(path: Path) -> list[Paragraph]:
    data = path.read_bytes()
    if b"\x00" in data[:4096]:
        raise DocumentError(NOT_A_DOCUMENT, path)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", "replace")
    return [
        _block_paragraph(block, Location(paragraph=n, line=line))
        for n, (block, line) in enumerate(_blocks(text), 1)
    ]


def _blocks(text: str) -> list[tuple[list[str], int]]:
    """The paragraphs of plain text as lists of stripped lines, with their first line
    number (1-based): blank lines and list items separate them."""
    blocks: list[tuple[list[str], int]] = []
    current: list[str] = []
    start = 0
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not line or (current and _ITEM.match(line)):
            if current:
                blocks.append((current, start))
            current = []
        if line:
            if not current:
                start = number
            current.append(line)
    if current:
        blocks.append((current, start))
    return [item for block in blocks for part in _split_heading(*block) for item in _one_line_items(*part)]


_SENTENCE_END = re.compile(r"[.!?;](?:[\"”’'»)\]]|\u00a0»)?$")
"""A line that ends a sentence (". ", "!", "?", ";", a closing quote or bracket after it)."""

_STARTS_ITEM = re.compile(r"[A-ZÀ-Þ]|[•▪◦·\-–—*(]|\d{1,3}(?:\.\d{1,3})*\.?\s+\S")
"""A line that may start an item: a capital, a bullet, or a number that labels it ("5.2
Unit rates"), not a number that goes on from the line before ("2.1, level AA.")."""

ROOM = 0.85
"""Wrapped prose breaks a line where its next word does not fit: a line that ends a
sentence with the next line's first word fitting within this share of the block's
longest line was broken on purpose (an item of its own)."""


def _one_line_items(lines: list[str], start: int) -> list[tuple[list[str], int]]:
    """The block's lines grouped into items (walk 2026-12-07, item 10: three criteria on
    consecutive lines were one paragraph, every name located at its first line, and a
    false C-SEVERAL-REQUIREMENTS). A new item starts at a line that starts a sentence
    after a line that ends one, when either every line of the block ends a sentence (a
    criterion per line) or the new line's first word would have fitted on the line
    before (:data:`ROOM`: a hard break, not a wrap). Wrapped prose, broken where the
    next word does not fit, stays one paragraph."""
    if len(lines) < 2:
        return [(lines, start)]
    every = all(_SENTENCE_END.search(x) for x in lines)
    width = max(len(x) for x in lines)
    items: list[tuple[list[str], int]] = [([lines[0]], start)]
    for k in range(1, len(lines)):
        before, line = lines[k - 1], lines[k]
        fits = len(before) + 1 + len(line.split()[0]) <= ROOM * width
        if _SENTENCE_END.search(before) and _STARTS_ITEM.match(line) and (every or fits):
            items.append(([line], start + k))
        else:
            items[-1][0].append(line)
    return items


_HEADING_LINE = re.compile(
    r"(?:\d{1,2}(?:\.\d{1,2}){0,3}\.?|[A-Z]\.|[IVX]{1,4}\.)\s+\w.*|[^a-z]*[A-Z]{2}[^a-z]*"
)
"""A numbered heading ("2 Technical requirements", "3.1 Scope", "B. Terms") or a line
in capitals ("SCOPE OF WORK")."""


def _split_heading(lines: list[str], start: int) -> list[tuple[list[str], int]]:
    """Heading lines that a PDF or a text file runs into their first paragraph (no blank
    line between) become paragraphs of their own: short, no final punctuation, and
    followed by a line that starts a sentence. One numbered line or one in capitals is
    enough; a plainly capitalised line ("Context", "Instructions to bidders" then
    "Timetable": two at most) needs a paragraph line longer by :data:`LONGER` characters
    at least after it, as a heading is over its paragraph's first full line."""
    heads = _leading_headings(lines)
    return [([lines[k]], start + k) for k in range(heads)] + [(lines[heads:], start + heads)]


LONGER = 20
"""How much longer than a plainly capitalised heading the first line of its paragraph
is (characters)."""


def _leading_headings(lines: list[str]) -> int:
    """How many of the first lines of ``lines`` are headings run into a paragraph (0-2)."""
    for count in (1, 2):
        if len(lines) <= count or not _starts_sentence(lines[count]):
            continue
        heads = lines[:count]
        if not all(_heading_like(h) for h in heads):
            return 0
        if count == 1 and _HEADING_LINE.fullmatch(heads[0]):
            return 1
        if len(lines[count]) >= max(len(h) for h in heads) + LONGER:
            return count
    return 0


def _heading_like(line: str) -> bool:
    return (
        len(line) <= 60
        and len(line.split()) <= 8
        and line[-1] not in ".;:,"
        and (line[0].isupper() or line[0].isdigit())
        and "_" not in line
    )


def _starts_sentence(line: str) -> bool:
    return line[0].isupper() or line[0].isdigit() or line[0] in _BULLETS


def _block_paragraph(lines: list[str], location: Location) -> Paragraph:
    text = _clean(join_lines(lines))
    level = _text_heading_level(lines, text)
    return Paragraph(text, location, heading=bool(level), level=level)


_CUT = re.compile(r"([^\W\d_]*[a-zà-ÿ])[-\u2010\u00ad]$")
"""A line that ends with a word cut by a hyphen (a lower-case letter, then "-", the
Unicode hyphen or a soft hyphen): the word's first half."""
_REST = re.compile(r"[a-zà-ÿ][^\W\d_]*")


def join_lines(lines: list[str]) -> str:
    """The stripped ``lines`` of one paragraph joined by spaces, a word cut by a hyphen at
    a line end joined again ("l'infor-" / "mation" → "l'information").

    A line ends with a lower-case letter and a hyphen and the next starts with a
    lower-case letter: the hyphen goes when the joined word is an ordinary word
    (``resources/brands/ordinary_words.txt``) or when neither half is one (a word the
    list does not know, cut where a typesetter cuts: "interopé-" / "rabilité"); it stays
    when the joined word is unknown and a half is a word: a compound cut at its own
    hyphen (« porte- » / « parole », "third-" / "party"). A soft hyphen always goes.
    Paragraphs and lines are not renumbered: the cut is inside one paragraph."""
    out = ""
    for line in lines:
        cut = _CUT.search(out)
        rest = _REST.match(line)
        if cut is None or rest is None:
            out = f"{out} {line}" if out else line
        elif out.endswith("\u00ad") or not _compound(cut.group(1), rest.group()):
            out = out[: cut.end(1)] + line
        else:
            out = out[: cut.end(1)] + "-" + line
    return out


def _compound(first: str, second: str) -> bool:
    """True when ``first``-``second`` is a compound word, not one word cut in two."""
    from wizard.core.checks.wording import fold
    from wizard.core.domain.product_names import ordinary_words

    words = ordinary_words()
    if fold(first + second) in words:
        return False
    return fold(first) in words or fold(second) in words


def _text_heading_level(lines: list[str], text: str) -> int:
    """When a block looks like a heading (one short line without a final full stop):
    its section number's depth ("3.2" → 2, at most 4), 1 for a line in capitals,
    :data:`UNNUMBERED_LEVEL` for another capitalised line; else 0."""
    if len(lines) != 1 or len(text) > 90 or len(text.split()) > 12 or text[-1] in ".;,":
        return 0
    if not any(ch.isalpha() for ch in text) or text[0] in _BULLETS:
        return 0
    numbered = _NUMBERED_HEADING.match(text)
    if numbered:
        return min(numbered.group(1).count(".") + 1, 4)
    first = next(ch for ch in text if ch.isalpha())
    if not first.isupper():
        return 0
    # a line in capitals opens a part; another short line (a table's header row, a
    # sub-heading) only a sub-section of the numbered section it is in
    return 1 if text.upper() == text else UNNUMBERED_LEVEL


def _clean(text: str) -> str:
    """Whitespace collapsed to single spaces (layout columns, tabs, line breaks)."""
    return " ".join(text.split())
