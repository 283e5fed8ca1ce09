"""Document blocks: what the tender is made of, before any file format (docs/documents.md).

``tender.py`` and ``record.py`` build a :class:`Document` from the model;
``docx/writer.py`` turns its blocks into Word, ``html.py`` into HTML. Every text here is already clean
(the export cleans the project once: ``textclean.clean_project``) and in one language. URLs inside paragraph text become
clickable links in both outputs (:func:`split_links`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Heading:
    """A section heading; ``level`` 1–3 maps to Word's Heading 1–3."""

    level: int
    text: str


@dataclass(frozen=True)
class Paragraph:
    """Body text. ``style`` is a Word built-in style name ("Normal", "Title",
    "Subtitle", "List Bullet", "Quote" …). ``label`` is an optional bold lead-in.
    ``number`` > 0 makes it item ``number`` of a numbered list (scenario steps), a new
    list starting at each ``number`` 1: Word numbers it, the text holds no number.
    ``keep_with_next``: on the same page as the next paragraph, and never split itself
    (a letter's closing and signature block: walk 2026-12-07, the phone number alone on
    page 2). ``source``: the model address the paragraph prints, where the publishing
    gate sends a placeholder in it (a letter's signature: ``info.officer_name``; its
    resolution: ``bids.award``); '' for the document's own (never printed)."""

    text: str
    style: str = "Normal"
    label: str = ""
    number: int = 0
    keep_with_next: bool = False
    source: str = ""


@dataclass(frozen=True)
class ClauseHeading:
    """A contract clause title, numbered 1, 2, 3 … by the multilevel list."""

    text: str


@dataclass(frozen=True)
class ClauseParagraph:
    """A paragraph of a clause: ``level`` 2 is numbered 1.1, level 3 is 1.1.1."""

    text: str
    level: int = 2


@dataclass(frozen=True)
class Table:
    """A table. ``header`` rows repeat on every page; ``widths`` are in cm per column."""

    header: list[list[str]]
    rows: list[list[str]]
    widths: list[float] = field(default_factory=list)
    right: tuple[int, ...] = ()  # indexes of right-aligned (numeric) columns


@dataclass(frozen=True)
class Image:
    """A PNG picture, ``width`` in cm, centred; ``caption`` goes below it and is the
    picture's alternative text (accessibility)."""

    png: bytes
    width: float = 16.0
    caption: str = ""


@dataclass(frozen=True)
class PageBreak:
    """Start a new page."""


@dataclass(frozen=True)
class Toc:
    """A table of contents (a Word field, refreshed on open); ``note`` tells other
    editors how to refresh it."""

    note: str


Block = Heading | Paragraph | ClauseHeading | ClauseParagraph | Table | Image | PageBreak | Toc


@dataclass
class Document:
    """A whole document (the tender, the decision record) in one language: metadata for
    the file — ``title``, ``organization``, ``reference``, the page ``header`` and the
    ``footer_page`` pattern — and its blocks in order."""

    lang: str
    title: str
    organization: str
    reference: str
    header: str
    footer_page: str  # "Page {page} of {pages}" in the document's language
    blocks: list[Block] = field(default_factory=list)


def clause_numbers(blocks: list[Block], first: int = 1) -> list[str]:
    """The number of each block as Word's multilevel list shows it: "1" for the first
    :class:`ClauseHeading` (``first`` when a preview shows one clause of the tender),
    "1.1" and "1.1.1" for its level 2 and 3 paragraphs, "" for any other block. Shared
    by the HTML preview and the DOCX table of contents."""
    numbers: list[str] = []
    clause, paragraph, item = first - 1, 0, 0
    for block in blocks:
        if isinstance(block, ClauseHeading):
            clause, paragraph, item = clause + 1, 0, 0
            numbers.append(str(clause))
        elif isinstance(block, ClauseParagraph) and block.level <= 2:
            paragraph, item = paragraph + 1, 0
            numbers.append(f"{clause}.{paragraph}")
        elif isinstance(block, ClauseParagraph):
            item += 1
            numbers.append(f"{clause}.{paragraph}.{item}")
        else:
            numbers.append("")
    return numbers


_URL = re.compile(r"https?://[^\s<>\"]+[^\s<>\".,;:!?)\]]")


def split_links(text: str) -> list[tuple[str, str]]:
    """``text`` cut into ``(piece, url)`` parts; ``url`` is '' for plain text.

    ``"See https://x.ca/a?b=1&c=2."`` → ``[("See ", ""), ("https://x.ca/a?b=1&c=2",
    "https://x.ca/a?b=1&c=2"), (".", "")]``.
    """
    parts: list[tuple[str, str]] = []
    position = 0
    for match in _URL.finditer(text):
        if match.start() > position:
            parts.append((text[position : match.start()], ""))
        parts.append((match.group(0), match.group(0)))
        position = match.end()
    if position < len(text):
        parts.append((text[position:], ""))
    return parts
