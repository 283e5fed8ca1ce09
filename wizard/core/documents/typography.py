"""French typography of a document's text, applied once before the DOCX writer writes it.

The OQLF's Banque de dépannage linguistique, « Apostrophes typographique et
dactylographique » (https://vitrinelinguistique.oqlf.gouv.qc.ca/25173/la-ponctuation/
autres-signes-graphiques/apostrophes-typographique-et-dactylographique, checked
2026-12-07), prefers the typographic apostrophe (’, U+2019) to the straight one (', U+0027)
in careful typography, printed or electronic, and asks never to mix the two in one text;
it notes that word processors replace a typed straight apostrophe but not one pasted in.
The app's own French texts are written with ’ (the ``.po`` files); the user's text (the
examples' data, a pasted title or signature) often holds ', so the two met in one
sentence (walk 2026-12-07, item 12: « appel d’offres … périmètres d'urgence »).

* ``french_apostrophes(text) -> str``: each straight apostrophe between two letters
  turned into ’, as a word processor's autocorrect does; a web address or an e-mail
  address keeps its characters.
* ``french_document(doc) -> Document``: the same document with every text it prints so
  (headings, paragraphs and their labels, clauses, table cells, captions, the header).

Only what the DOCX writer prints changes: the project keeps the text as typed, and so do
the machine outputs (CSV, JSON, OCDS).
"""

from __future__ import annotations

import re
from dataclasses import replace

from wizard.core.documents.blocks import (
    Block,
    ClauseHeading,
    ClauseParagraph,
    Document,
    Heading,
    Image,
    Paragraph,
    Table,
    Toc,
    split_links,
)

APOSTROPHE = "\u2019"
"""The typographic apostrophe of French (U+2019), as the ``.po`` files write it."""

_STRAIGHT = re.compile(r"\S*@\S*|(?<=[^\W\d_])'(?=[^\W\d_])")
"""An e-mail address (kept whole), or a straight apostrophe between two letters."""


def _piece(text: str) -> str:
    return _STRAIGHT.sub(lambda m: m.group() if "@" in m.group() else APOSTROPHE, text)


def french_apostrophes(text: str) -> str:
    """``text`` with each straight apostrophe between two letters written ’ («
    technologies de l'information » → « technologies de l’information »); one in a web
    address or an e-mail address, or next to a digit or a space (a prime, a quote), stays."""
    if "'" not in text:
        return text
    return "".join(url or _piece(piece) for piece, url in split_links(text))


def _cells(rows: list[list[str]]) -> list[list[str]]:
    return [[french_apostrophes(cell) for cell in row] for row in rows]


def _block(block: Block) -> Block:
    if isinstance(block, Paragraph):
        return replace(block, text=french_apostrophes(block.text), label=french_apostrophes(block.label))
    if isinstance(block, Heading | ClauseHeading | ClauseParagraph):
        return replace(block, text=french_apostrophes(block.text))
    if isinstance(block, Table):
        return replace(block, header=_cells(block.header), rows=_cells(block.rows))
    if isinstance(block, Image):
        return replace(block, caption=french_apostrophes(block.caption))
    if isinstance(block, Toc):
        return replace(block, note=french_apostrophes(block.note))
    return block


def french_document(doc: Document) -> Document:
    """``doc`` with :func:`french_apostrophes` applied to every text it prints, when its
    language is French; ``doc`` itself otherwise."""
    if doc.lang != "fr":
        return doc
    return replace(
        doc,
        title=french_apostrophes(doc.title),
        organization=french_apostrophes(doc.organization),
        header=french_apostrophes(doc.header),
        blocks=[_block(b) for b in doc.blocks],
    )
