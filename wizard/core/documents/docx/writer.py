"""Tender blocks → a Word document with python-docx (docs/documents.md; docs/cases.md K4–K8).

Real built-in styles (Title, Subtitle, Heading 1–3, List Bullet, List Number, Quote),
clause numbering 1 / 1.1 / 1.1.1 from one multilevel list, a TOC field refreshed on
open (``w:updateFields``), the reference number in the header, "page X of Y" in the
footer, tables built row by row with ``add_row().cells`` (never ``table.cell(i, j)``,
which is quadratic) with repeating header rows, clickable links, document properties
(title, organization as author, language; a fixed date, never the clock) and the text
language (fr-CA / en-CA);
``compatibilityMode`` 15 (Word opens it in its current mode), scenario steps as Word
numbered lists restarting at 1, the TOC's note to editors as hidden text. The same
blocks give the same bytes: the package is repacked once through ``FixedDateZip``.

* ``build_docx(doc: Document) -> docx.Document``
* ``docx_bytes(doc: Document) -> bytes``

The writer sees only blocks: which document it writes, and in which language, is decided
by the builders (``documents/tender.py``, ``documents/record.py``).
"""

from __future__ import annotations

import copy
import datetime as dt
import io
import re
import zipfile
from typing import Any, cast
from xml.sax.saxutils import escape

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Pt
from docx.text.paragraph import Paragraph as DocxParagraph
from lxml import etree
from lxml.etree import SubElement

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
    clause_numbers,
    split_links,
)
from wizard.core.documents.docx import xml as docx_xml
from wizard.core.documents.table_layout import TABLE_FONT_PT, TEXT_WIDTH_CM, column_widths
from wizard.core.documents.typography import french_document
from wizard.core.fixed_zip import FixedDateZip

LANGUAGE_TAGS = {"fr": "fr-CA", "en": "en-CA"}
TABLE_FONT = Pt(TABLE_FONT_PT)
BODY_FONT = "Calibri"  # sans serif everywhere, tables included (LibreOffice: Carlito or DejaVu Sans)
FIXED_DATE = dt.datetime(2026, 1, 1)
"""The documents' creation and modification dates and every zip entry's date: fixed,
as the price workbook's (``price_workbook.FIXED_DATE``), so the same project gives the
same bytes; a clock time made two exports differ and a checksum useless."""


def _add_text(paragraph: Any, text: str) -> None:
    for piece, url in split_links(text):
        if url:
            docx_xml.add_hyperlink(paragraph, piece, url)
        else:
            _add_run(paragraph, piece)


def _add_run(paragraph: Any, text: str) -> None:
    """``paragraph.add_run(text)``: same XML, without python-docx's character-by-character
    loop when ``text`` has no tab or line break (``CT_R.add_t`` keeps its spaces)."""
    if text and not _PLAIN_BREAKS.search(text) and not FAST:
        paragraph._p.add_r().add_t(text)
    elif text and not _PLAIN_BREAKS.search(text):
        t = SubElement(SubElement(paragraph._p, _W_R), _W_T)
        t.text = text
        if len(text.strip()) < len(text):
            t.set(_XML_SPACE, "preserve")
    else:
        paragraph.add_run(text)


def _style(document: Any, name: str) -> str:
    """``name`` if the document has that style, else "Normal" (asked once per name)."""
    known: dict[str, str] = document.__dict__.setdefault("_opw_style_names", {})
    if name not in known:
        try:
            document.styles[name]
        except KeyError:
            known[name] = "Normal"
        else:
            known[name] = name
    return known[name]


def styled_paragraph(document: Any, style: str, text: str = "") -> Any:
    """``document.add_paragraph(text, style)`` with the paragraph style ``style`` (a UI
    name, "Normal" when the document lacks it), looked up once per document.

    python-docx resolves a style name on every assignment by scanning all the styles
    twice, which made large exports (``tests/benchmark.py``) spend most of their time there.
    """
    cache: dict[str, str | None] = document.__dict__.setdefault("_opw_style_ids", {})
    if style not in cache:
        found = document.styles[_style(document, style)]
        default = document.styles.default(WD_STYLE_TYPE.PARAGRAPH)
        cache[style] = None if default is not None and found.style_id == default.style_id else found.style_id
    # The XML python-docx writes for add_paragraph(text) then ``p.style = …`` (an empty
    # ``w:pPr`` for the default style), built with lxml: python-docx finds the body's
    # end and each child's place by xpath, per element.
    if not FAST:  # the reference
        paragraph = document.add_paragraph(text)
        paragraph._p.style = cache[style]  # None = the default style, as python-docx writes it
        return paragraph
    p = _new_block(document, _W_P)
    ppr = SubElement(p, _W_PPR)
    if cache[style] is not None:
        SubElement(ppr, _W_PSTYLE).set(_W_VAL, cast(str, cache[style]))
    paragraph = DocxParagraph(p, document._body)
    if text:
        _add_run(paragraph, text)
    return paragraph


def _new_block(document: Any, tag: str) -> Any:
    """A new empty body element ``tag`` (``w:p``, ``w:tbl``), before the body's final
    ``w:sectPr``, found once per document (python-docx looks it up by xpath each time).
    A python-docx element class (``CT_P`` …), as its own ``add_p`` would give."""
    body = document.element.body
    end = document.__dict__.get("_opw_sectpr")
    if end is None or end.getparent() is not body:
        end = document.__dict__["_opw_sectpr"] = body.find(_W_SECTPR)
    element = SubElement(body, tag)
    if end is not None:
        end.addprevious(element)
    return element


def _plain_paragraph(document: Any) -> Any:
    """``document.add_paragraph()``: an empty paragraph without properties."""
    if not FAST:
        return document.add_paragraph()
    return DocxParagraph(_new_block(document, _W_P), document._body)


def _paragraph(document: Any, block: Paragraph, lists: list[int]) -> None:
    """One paragraph; an item of a numbered list (``block.number``) is numbered by Word,
    a new list (``lists`` gets its numId) at each item 1."""
    paragraph = styled_paragraph(document, block.style)
    if block.number:
        if block.number == 1 or not lists:
            lists.append(docx_xml.new_step_list(document))
        docx_xml.set_numbering(paragraph, lists[-1], 0)
    if block.keep_with_next:
        paragraph.paragraph_format.keep_with_next = True
        paragraph.paragraph_format.keep_together = True
    if block.label:
        paragraph.add_run(block.label + " ").bold = True
    _add_text(paragraph, block.text)


def _table(document: Any, block: Table) -> None:
    columns = max((len(r) for r in block.header + block.rows), default=1)
    table = document.add_table(rows=0, cols=columns)
    table._tbl.tblStyle_val = _table_style_id(document, _style(document, "Table Grid"))
    table.autofit = False
    total = min(sum(block.widths), TEXT_WIDTH_CM) if block.widths else TEXT_WIDTH_CM
    for index, width in enumerate(column_widths(block.header, block.rows, total, TABLE_FONT.pt)):
        table.columns[index].width = Cm(width)
    for values in block.header:
        row = table.add_row()
        docx_xml.repeat_header(row)
        for index, (cell, value) in enumerate(zip(row.cells, values, strict=False)):
            _cell_text(cell, value, bold=True, right=index in block.right)
            docx_xml.shade(cell, "D9E2F3")
    bold_first = not block.header  # a key/value table: labels in bold
    model_row = None  # the first full row; later full rows are copies of it (export time)
    template: _RowTemplate | None = None
    pending: list[list[str]] = []  # full rows to write from the template, in order
    for values in block.rows:
        if model_row is not None and len(values) == columns:
            if template is not None and FAST and template.fits(values):
                pending.append(values)
                if len(pending) >= _ROWS_PER_PARSE:
                    template.flush(document, table, pending)
            else:
                if template is not None:
                    template.flush(document, table, pending)
                _copy_row(table, model_row, values)
            continue
        if template is not None:
            template.flush(document, table, pending)
        row = table.add_row()
        docx_xml.keep_row_together(row)
        cells = row.cells
        for index, (cell, value) in enumerate(zip(cells, values, strict=False)):
            _cell_text(cell, value, bold=bold_first and index == 0, right=index in block.right)
        if len(values) == columns and model_row is None:
            model_row = row._tr
            template = _RowTemplate.of(model_row)
    if template is not None:
        template.flush(document, table, pending)
    _plain_paragraph(document)


FAST = True
"""Build paragraphs, runs and table rows with lxml (paragraphs before the body's end
found once, table rows from the XML of the table's first full row as a text template
parsed once per table: :class:`_RowTemplate`); ``False``: the python-docx calls they
replace (``add_paragraph``, ``p.style``, ``add_r``/``add_t``, a deep copy per row), kept
as the reference ``tests/core/test_docx_writer_fast.py`` compares the documents with."""

_ROWS_PER_PARSE = 200  # rows parsed at once: fast, and the text of a 40,000-cell table never whole
_SLOT = "\ue000{}\ue001"  # private-use characters: never in a template's own XML


class _RowTemplate:
    """A table row's XML (``model_row``, a full row python-docx built: widths, borders,
    run properties, one run per cell) cut around each cell's ``w:t``; a row of other
    texts is the pieces joined with the texts escaped, the same XML as
    :func:`_copy_row` gives, and the rows of a table are parsed by lxml in one go."""

    def __init__(self, pieces: list[str]) -> None:
        self.pieces = pieces  # text, slot, text, slot …, text

    @classmethod
    def of(cls, model_row: Any) -> _RowTemplate | None:
        row = copy.deepcopy(model_row)
        runs = list(row.iter(_W_R))
        for n, run in enumerate(runs):
            content = [child for child in run if child.tag != _W_RPR]
            if len(content) != 1 or content[0].tag != _W_T:
                return None
            content[0].text = _SLOT.format(n)
            content[0].attrib.pop(_XML_SPACE, None)
        text = _XMLNS.sub("", etree.tostring(row, encoding="unicode"), count=1)  # the table's own
        pieces: list[str] = []
        for n in range(len(runs)):
            before, found, text = text.partition(f"<w:t>{_SLOT.format(n)}</w:t>")
            if not found:
                return None
            pieces.append(before)
        pieces.append(text)
        return cls(pieces)

    def fits(self, values: list[str]) -> bool:
        """Whether every value goes in a ``w:t`` as it is (python-docx turns a tab or
        a line break into ``w:tab`` / ``w:br``: such rows take the slow way)."""
        return len(values) == len(self.pieces) - 1 and not any(_PLAIN_BREAKS.search(v) for v in values)

    def flush(self, document: Any, table: Any, pending: list[list[str]]) -> None:
        """Append the rows of ``pending`` to ``table`` (then empty it). When the
        document is being written to bytes (:func:`docx_bytes`), the rows stay text: a
        comment marks their place and the saved ``document.xml`` gets them there
        (:func:`_repack`), so the rows of a 40,000-cell table never become a
        tree of half a million elements (the peak memory of a large export)."""
        if not pending:
            return
        pieces, rows = self.pieces, []
        for values in pending:
            parts = [pieces[0]]
            for value, after in zip(values, pieces[1:], strict=True):
                if value:
                    space = ' xml:space="preserve"' if len(value.strip()) < len(value) else ""
                    parts.append(f"<w:t{space}>{escape(value)}</w:t>")
                parts.append(after)
            rows.append("".join(parts))
        pending.clear()
        spliced: list[str] | None = document.__dict__.get("_opw_spliced")
        if spliced is not None:
            table._tbl.append(etree.Comment(f"{_SPLICE}{len(spliced)}"))
            spliced.append("".join(rows))
            return
        table._tbl.extend(list(parse_xml(f"<w:tbl {nsdecls('w')}>{''.join(rows)}</w:tbl>")))


def _copy_row(table: Any, model_row: Any, values: list[str]) -> None:
    """Append a copy of ``model_row`` (same widths, formatting, one run per cell) with
    ``values`` as its texts: the same XML as building the row cell by cell, several
    times faster on tables of thousands of cells."""
    row = copy.deepcopy(model_row)
    for run, value in zip(row.iter(_W_R), values, strict=True):
        _set_run_text(run, value)
    table._tbl.append(row)


_PLAIN_BREAKS = re.compile("[\t\r\n]")
_XMLNS = re.compile(r'\s+xmlns:\w+="[^"]*"')
_W_R, _W_RPR, _W_T, _XML_SPACE = qn("w:r"), qn("w:rPr"), qn("w:t"), qn("xml:space")
_W_P, _W_SECTPR, _W_PPR, _W_PSTYLE, _W_VAL = (
    qn("w:p"),
    qn("w:sectPr"),
    qn("w:pPr"),
    qn("w:pStyle"),
    qn("w:val"),
)


def _set_run_text(run: Any, value: str) -> None:
    """``run.text = value`` with the same XML as python-docx, skipping its
    character-by-character loop when the run holds one ``w:t`` and ``value`` has no
    tab or line break (python-docx turns those into ``w:tab`` / ``w:br``)."""
    content = [child for child in run if child.tag != _W_RPR]
    if value and len(content) == 1 and content[0].tag == _W_T and not _PLAIN_BREAKS.search(value):
        content[0].text = value
        if len(value.strip()) < len(value):
            content[0].set(_XML_SPACE, "preserve")
        else:
            content[0].attrib.pop(_XML_SPACE, None)
        return
    run.text = value


def _table_style_id(document: Any, name: str) -> str | None:
    """``table.style = name`` resolves the name and scans every style each time; this
    asks python-docx once per document and name (``None``: the default table style)."""
    cache: dict[str, str | None] = document.__dict__.setdefault("_opw_table_style_ids", {})
    if name not in cache:
        cache[name] = document.part.get_style_id(name, WD_STYLE_TYPE.TABLE)
    return cache[name]


def _cell_text(cell: Any, value: str, bold: bool, right: bool = False) -> None:
    paragraph = cell.paragraphs[0]
    paragraph.paragraph_format.space_after = Pt(0)
    if right:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    run = paragraph.add_run(value)
    run.font.size = TABLE_FONT
    if bold:
        run.bold = True


def _image(document: Any, block: Image) -> None:
    """The picture, centred, kept with its caption; the caption is also its alt text."""
    paragraph = document.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.paragraph_format.keep_with_next = bool(block.caption)
    inline = paragraph.add_run().add_picture(io.BytesIO(block.png), width=Cm(block.width))
    inline._inline.docPr.set("descr", block.caption)
    if block.caption:
        caption = styled_paragraph(document, "Caption", block.caption)
        caption.alignment = WD_ALIGN_PARAGRAPH.CENTER


TOC_DEPTH = 2
"""The heading levels a TOC lists, 1 to this: the sections, their parts and the clauses;
never the level-3 headings of a signature block ("For the Town")."""
TOC_FIELD = f'TOC \\o "1-{TOC_DEPTH}" \\h \\z \\u'
"""The TOC field's instruction: outline levels 1 to :data:`TOC_DEPTH`, entries linked to
their headings, no page numbers in Web view, paragraphs' own outline levels used."""


def toc_entries(blocks: list[Block]) -> list[tuple[int, str]]:
    """``[(level, text)]`` of the headings a TOC field lists (clause numbers included):
    what Word and LibreOffice list when they update :data:`TOC_FIELD`."""
    entries: list[tuple[int, str]] = []
    for block, number in zip(blocks, clause_numbers(blocks), strict=True):
        if isinstance(block, Heading) and block.level <= TOC_DEPTH:
            entries.append((block.level, block.text))
        elif isinstance(block, ClauseHeading):
            entries.append((2, f"{number} {block.text}"))
    return entries


def _toc_style(document: Any, level: int) -> str:
    """Word's built-in "toc N" style (the one a TOC update applies), added if missing."""
    name = f"toc {level}"
    done: set[str] = document.__dict__.setdefault("_opw_toc_styles", set())
    if name in done:  # looked up (and completed) once per document, not once per entry
        return name
    done.add(name)
    style = docx_xml.builtin_style(document, name)
    if style.base_style is None:
        style.base_style = document.styles["Normal"]
        style.paragraph_format.left_indent = Cm(0.6 * (level - 1))
        style.paragraph_format.space_after = Pt(2)
    return name


def _toc(document: Any, block: Toc, entries: list[tuple[int, str]]) -> None:
    """The TOC field, pre-filled with the headings (without page numbers) so that a
    reader that does not update fields still sees the plan; Word refreshes it (K5)."""
    entries = entries or [(1, "")]
    paragraphs = [styled_paragraph(document, _toc_style(document, level)) for level, _ in entries]
    docx_xml.add_multi_paragraph_field(paragraphs, TOC_FIELD, [t for _, t in entries])
    note = _plain_paragraph(document)
    note.add_run(block.note).italic = True
    docx_xml.hide_paragraph(note)  # for the editors: hidden text, never printed


def _block(document: Any, block: Block, num_id: int, toc: list[tuple[int, str]], lists: list[int]) -> None:
    if isinstance(block, Heading):
        styled_paragraph(document, f"Heading {min(max(block.level, 1), 3)}", block.text)
    elif isinstance(block, Paragraph):
        _paragraph(document, block, lists)
    elif isinstance(block, ClauseHeading):
        paragraph = styled_paragraph(document, "Heading 2", block.text)
        docx_xml.set_numbering(paragraph, num_id, 0)
    elif isinstance(block, ClauseParagraph):
        style = "List Number" if block.level <= 2 else "List Number 2"
        paragraph = styled_paragraph(document, style)
        paragraph.paragraph_format.space_before = Pt(0)
        paragraph.paragraph_format.space_after = Pt(4)
        _add_text(paragraph, block.text)
        docx_xml.set_numbering(paragraph, num_id, 1 if block.level <= 2 else 2)
    elif isinstance(block, Table):
        _table(document, block)
    elif isinstance(block, Image):
        _image(document, block)
    elif isinstance(block, Toc):
        _toc(document, block, toc)


def _content_count(body: Any) -> int:
    """How many blocks (paragraphs, tables) the body holds, its final ``w:sectPr`` apart."""
    return len(body) - (1 if len(body) and body[-1].tag == _W_SECTPR else 0)


def _break_before(document: Any, body: Any, index: int) -> None:
    """Start a new page at the body's ``index``-th block: the page break is a property
    of that block's paragraph (``w:pageBreakBefore``), never a paragraph of its own, so
    a table that fills a page is not followed by an empty page. The blank spacer
    paragraph after a table, just before the break, goes too. A table gets a break
    paragraph before it (a table has no such property)."""
    if index > 0 and _is_blank(body[index - 1]):
        body.remove(body[index - 1])
        index -= 1
    element = body[index]
    if element.tag == _W_P:
        element.get_or_add_pPr().pageBreakBefore_val = True
        return
    paragraph = document.add_paragraph()
    paragraph.add_run().add_break(WD_BREAK.PAGE)
    element.addprevious(paragraph._p)


def _shrink_closing_paragraph(body: Any) -> None:
    """A document ending with a table ends with the blank spacer paragraph written after
    every table; a table filling its last page pushed that line alone onto a page of its
    own, a page holding only the running header. Word keeps a paragraph after a final
    table, so the spacer stays, 1 pt high with no space before or after: it fits under
    the table. A document ending with text is left as it is."""
    content = [element for element in body if element.tag != _W_SECTPR]
    if len(content) < 2 or not _is_blank(content[-1]) or content[-2].tag != _W_TBL:
        return
    content[-1].append(
        parse_xml(
            f'<w:pPr {nsdecls("w")}><w:spacing w:before="0" w:after="0" w:line="{_CLOSING_TWIPS}" '
            f'w:lineRule="exact"/><w:rPr><w:sz w:val="2"/><w:szCs w:val="2"/></w:rPr></w:pPr>'
        )
    )


_CLOSING_TWIPS = 20  # 1 pt: the closing paragraph's exact line height (twentieths of a point)
_W_TBL = qn("w:tbl")


def _is_blank(element: Any) -> bool:
    return element.tag == _W_P and not any(True for _ in element.iter(_W_R)) and element.pPr is None


def _has_cover(blocks: list[Block]) -> bool:
    """Whether the document opens with a cover page (a Title before the first page break)."""
    for block in blocks:
        if isinstance(block, PageBreak):
            return False
        if isinstance(block, Paragraph) and block.style == "Title":
            return True
    return False


def _header_footer(document: Any, doc: Document) -> None:
    """Every section gets its own header (the reference number) and footer ("page X of
    Y"), never one inherited from the previous section. A cover page is a different
    first page with an empty header and footer, as a printed tender's cover would be: it
    shows the reference number in its own table."""
    for section in document.sections:
        for side in ("top_margin", "bottom_margin", "left_margin", "right_margin"):
            setattr(section, side, Cm(2.5))
        section.header.is_linked_to_previous = False
        section.footer.is_linked_to_previous = False
        header = section.header.paragraphs[0]
        header.text = doc.header
        header.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        footer = section.footer.paragraphs[0]
        footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
        before, _, rest = doc.footer_page.partition("{page}")
        middle, _, after = rest.partition("{pages}")
        footer.add_run(before)
        docx_xml.add_field(footer, "PAGE", "1")
        footer.add_run(middle)
        docx_xml.add_field(footer, "NUMPAGES", "1")
        footer.add_run(after)
    first = document.sections[0]
    if _has_cover(doc.blocks):
        first.different_first_page_header_footer = True
        first.first_page_header.is_linked_to_previous = False
        first.first_page_footer.is_linked_to_previous = False


def _properties(document: Any, doc: Document) -> None:
    props = document.core_properties
    # OPC core properties hold at most 255 characters (python-docx raises beyond).
    props.title = doc.title[:255]
    props.author = doc.organization[:255]
    props.last_modified_by = doc.organization[:255]
    props.subject = doc.header[:255]
    props.language = LANGUAGE_TAGS[doc.lang]
    props.keywords = doc.reference[:255]
    props.comments = ""
    # Never the clock: the same project gives the same bytes (a checksum tells whether a
    # published tender changed). The blocks carry no date of their own, so the fixed one.
    props.created = props.modified = FIXED_DATE
    props.revision = 1
    docx_xml.set_app_properties(document, doc.organization, "Open Procurement Wizard")
    package = document.part.package
    for r_id, rel in list(package.rels.items()):
        if rel.reltype == RT.THUMBNAIL:  # python-docx's sample thumbnail: not our document
            del package.rels[r_id]


def build_docx(doc: Document) -> Any:
    """A python-docx ``Document`` holding ``doc``'s blocks (see module doc)."""
    return _build(doc, splice=False)


def _build(doc: Document, splice: bool) -> Any:
    """:func:`build_docx`; with ``splice``, the table rows written from a template stay
    text until the document is saved (:func:`docx_bytes`). A French document's straight
    apostrophes between letters are written ’ (``typography.french_document``)."""
    doc = french_document(doc)
    document = docx.Document()
    if splice and FAST:
        document.__dict__["_opw_spliced"] = []
    document.styles["Normal"].font.size = Pt(11)
    docx_xml.set_language(document, LANGUAGE_TAGS[doc.lang])
    docx_xml.set_body_font(document, BODY_FONT)
    docx_xml.set_update_fields(document.settings)
    docx_xml.set_compatibility_mode(document.settings)
    num_id = docx_xml.add_clause_numbering(document)
    docx_xml.add_step_numbering(document)
    lists: list[int] = []  # the numIds of the numbered lists, one per scenario's steps
    _properties(document, doc)
    body = document.element.body
    for paragraph in list(body.iterchildren(qn("w:p"))):
        body.remove(paragraph)  # the template's empty first paragraph
    toc = toc_entries(doc.blocks)
    page_break = False
    for block in doc.blocks:
        if isinstance(block, PageBreak):
            page_break = True
            continue
        start = _content_count(body)
        _block(document, block, num_id, toc, lists)
        if page_break and _content_count(body) > start:
            _break_before(document, body, start)
            page_break = False
    _shrink_closing_paragraph(body)
    _header_footer(document, doc)  # after the blocks: every section gets one
    return document


def docx_bytes(doc: Document) -> bytes:
    """``doc`` as the bytes of a ``.docx`` file: the same ``doc`` gives the same bytes any
    day (no clock time in the properties, :data:`FIXED_DATE` on every zip entry)."""
    buffer = io.BytesIO()
    document = _build(doc, splice=True)
    spliced: list[str] = document.__dict__.get("_opw_spliced") or []
    document.save(buffer)
    del document  # its tree goes before the rows are put in the saved text
    return _repack(buffer.getvalue(), spliced)


_SPLICE = "opw-rows-"
_DOCUMENT_PART = "word/document.xml"


def _repack(package: bytes, spliced: list[str]) -> bytes:
    """The ``.docx`` bytes ``package`` (as python-docx saved it) written again once,
    through :class:`FixedDateZip`: every part in the same order, under the same name,
    dated :data:`FIXED_DATE` (python-docx's zip stamps each entry with the clock time of
    the save); each ``<!--opw-rows-N-->`` comment of ``word/document.xml`` replaced by
    the rows ``spliced[N]`` (XML text, prefix ``w:`` as the document root declares it)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(package)) as source, FixedDateZip(out, FIXED_DATE) as target:
        for info in source.infolist():
            data = source.read(info)
            if spliced and info.filename == _DOCUMENT_PART:
                pieces = _SPLICE_MARK.split(data)  # text, number, text, number …, text
                for n in range(1, len(pieces), 2):
                    pieces[n] = spliced[int(pieces[n])].encode("utf-8")
                data = b"".join(pieces)
            target.writestr(info.filename, data)
    return out.getvalue()


_SPLICE_MARK = re.compile(rb"<!--" + _SPLICE.encode() + rb"(\d+)-->")
