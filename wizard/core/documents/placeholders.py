"""Where a document prints ``[À COMPLÉTER / TO BE COMPLETED]``, and what a changed
project prints there instead (docs/documents.md, "The publishing gate").

* :func:`block_texts` — every text of a block, in order (a paragraph's label then its
  text, a table's header cells then its body cells …).
* :func:`placeholder_slots` — one :class:`Slot` per occurrence of
  :data:`~wizard.core.i18n.formats.PLACEHOLDER` in a document: the page header and
  every block, with the headings it is under.
* :func:`replacements` — for each slot of a document, what another build of it (from
  the project with some field filled) prints in its place: blocks are aligned by their
  shape (:mod:`difflib`), so a section that grew or shrank elsewhere does not shift the
  others; ``None`` where the slot cannot be followed.

The gate (:mod:`wizard.core.documents.gate`) uses the two to tell which model field
fills each placeholder: a slot that the filled build no longer prints as the
placeholder belongs to the field that was filled.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from difflib import SequenceMatcher

from wizard.core.documents.blocks import (
    Block,
    ClauseHeading,
    ClauseParagraph,
    Document,
    Heading,
    Image,
    PageBreak,
    Paragraph,
    Table,
    Toc,
)
from wizard.core.i18n.formats import PLACEHOLDER

HEADER = -1
"""The block index of the page header (``Document.header``), printed on every page."""

GONE = "\ue002"
"""What :func:`replacements` gives for a slot whose whole block the other build no
longer has (a list that now has rows prints a table where it printed the placeholder)."""


@dataclass(frozen=True)
class Slot:
    """One placeholder in a document: the ``block`` index (:data:`HEADER` for the page
    header), the ``part`` (index in :func:`block_texts`), the ``nth`` occurrence in
    that text (0-based), and the ``section``: the headings it is under, outermost first
    (``()`` on the cover page, before the first heading)."""

    block: int
    part: int
    nth: int
    section: tuple[str, ...]


def block_texts(block: Block) -> list[str]:
    """Every text of ``block`` that the document prints, in order. A block type this
    module does not know gives all its ``str`` fields (so a new kind of block is never
    silently skipped)."""
    if isinstance(block, (Heading, ClauseHeading, ClauseParagraph)):
        return [block.text]
    if isinstance(block, Paragraph):
        return [block.label, block.text]
    if isinstance(block, Table):
        return [cell for row in [*block.header, *block.rows] for cell in row]
    if isinstance(block, Image):
        return [block.caption]
    if isinstance(block, Toc):
        return [block.note]
    if isinstance(block, PageBreak):
        return []
    return [value for f in dataclasses.fields(block) if isinstance(value := getattr(block, f.name), str)]


def _shape(block: Block) -> tuple[object, ...]:
    """What two builds of the same block share whatever the data: its type, style,
    level, label and number of texts (never the user's text)."""
    return (
        type(block).__name__,
        getattr(block, "style", None),
        getattr(block, "level", None),
        getattr(block, "label", None),
        len(block_texts(block)),
    )


def placeholder_slots(doc: Document) -> list[Slot]:
    """Every occurrence of the placeholder in ``doc``, page header first, then the
    blocks in order. A heading at level n closes the headings at level n and below; a
    clause heading sits under the level-1 heading before it."""
    slots = [Slot(HEADER, 0, n, ()) for n in range(doc.header.count(PLACEHOLDER))]
    path: list[tuple[int, str]] = []  # (level, heading text)
    for index, block in enumerate(doc.blocks):
        if isinstance(block, (Heading, ClauseHeading)):
            level = block.level if isinstance(block, Heading) else 2
            path = [(lvl, text) for lvl, text in path if lvl < level] + [(level, block.text)]
        section = tuple(text for _lvl, text in path)
        for part, text in enumerate(block_texts(block)):
            slots += [Slot(index, part, n, section) for n in range(text.count(PLACEHOLDER))]
    return slots


def slot_text(doc: Document, slot: Slot) -> str:
    """The text that holds ``slot`` (the page header, or one text of a block)."""
    return doc.header if slot.block == HEADER else block_texts(doc.blocks[slot.block])[slot.part]


def _pairs(original: Document, other: Document) -> dict[int, int]:
    """Block index in ``original`` → the block of ``other`` built in its place."""
    before = [_shape(b) for b in original.blocks]
    after = [_shape(b) for b in other.blocks]
    pairs = {HEADER: HEADER}
    matcher = SequenceMatcher(None, before, after, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal" or (tag == "replace" and i2 - i1 == j2 - j1):
            for i, j in zip(range(i1, i2), range(j1, j2), strict=True):
                if tag == "equal" or type(original.blocks[i]) is type(other.blocks[j]):
                    pairs[i] = j
    return pairs


def _fills(template: str, text: str) -> list[str] | None:
    """What ``text`` holds where ``template`` holds each placeholder, when the rest of
    the two texts is the same; ``None`` when it is not."""
    pieces = template.split(PLACEHOLDER)
    pattern = "(.*?)".join(re.escape(piece) for piece in pieces)
    found = re.fullmatch(pattern, text, re.DOTALL)
    return list(found.groups()) if found else None


def replacements(original: Document, other: Document, slots: list[Slot]) -> dict[Slot, str | None]:
    """For each slot of ``original`` (from :func:`placeholder_slots`), what ``other``
    prints in its place: the placeholder itself when unchanged, the text that replaced
    it, :data:`GONE` when ``other`` has nothing in place of its block, or ``None`` when
    it cannot be told (the text around the placeholder changed too)."""
    pairs = _pairs(original, other)
    result: dict[Slot, str | None] = {}
    for slot in slots:
        j = pairs.get(slot.block)
        if j is None:
            result[slot] = GONE
            continue
        before = slot_text(original, slot)
        after = other.header if j == HEADER else block_texts(other.blocks[j])[slot.part]
        fills = _fills(before, after)
        result[slot] = fills[slot.nth] if fills is not None else None
    return result
