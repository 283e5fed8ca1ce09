"""An HTML preview of the tender, from the same blocks as the DOCX (docs/documents.md).

``preview_html(project, lang) -> str``: a small standalone HTML page (all text escaped;
links clickable; clauses numbered 1 / 1.1 / 1.1.1 as in Word) that a Qt text view can
show. No scripts, no external resources.
"""

from __future__ import annotations

from html import escape

from wizard.core.documents.blocks import (
    Block,
    ClauseHeading,
    ClauseParagraph,
    Document,
    Heading,
    PageBreak,
    Paragraph,
    Table,
    Toc,
    clause_numbers,
    split_links,
)
from wizard.core.documents.tender import tender_document
from wizard.core.model import Project
from wizard.core.textclean import clean_project

_STYLE = (
    "body{font-family:sans-serif;max-width:50em;margin:auto;line-height:1.4}"
    "h1.title{font-size:1.8em}table{border-collapse:collapse;margin:.5em 0}"
    "td,th{border:1px solid #888;padding:3px 6px;vertical-align:top}th{background:#d9e2f3}"
    "p.quote{font-style:italic;margin-left:2em}p.l3{margin-left:3em}p.l2{margin-left:1.5em}"
    "p.note{font-style:italic;color:#555}hr{border:0;border-top:1px dashed #aaa}"
)


def _inline(text: str) -> str:
    return "".join(
        f'<a href="{escape(url)}">{escape(piece)}</a>' if url else escape(piece)
        for piece, url in split_links(text)
    )


def table_html(block: Table) -> str:
    """A table block as HTML: header rows in ``th``, numeric columns aligned right, and
    the border attributes Qt's rich text reads (a label has no style sheet)."""

    def cells(row: list[str], tag: str) -> str:
        return "".join(
            f'<{tag} align="{"right" if i in block.right else "left"}">{escape(value)}</{tag}>'
            for i, value in enumerate(row)
        )

    head = "".join(f"<tr>{cells(row, 'th')}</tr>" for row in block.header)
    body = "".join(f"<tr>{cells(row, 'td')}</tr>" for row in block.rows)
    return f'<table border="1" cellspacing="0" cellpadding="3"><thead>{head}</thead><tbody>{body}</tbody></table>'


def blocks_html(blocks: list[Block], first_clause: int = 1) -> str:
    """Blocks as HTML, clauses numbered as in Word (``first_clause``: the number of the
    first clause heading among them)."""
    numbers = clause_numbers(blocks, first_clause)
    return "\n".join(_html_block(block, number) for block, number in zip(blocks, numbers, strict=True))


def clause_html(title: str, paragraphs: list[tuple[int, str]], number: int | None) -> str:
    """One clause as HTML: its title and ``[(level, text)]`` paragraphs, numbered as the
    tender numbers them when it is clause ``number`` of the tender, unnumbered when it
    is not in the tender (``None``)."""
    blocks: list[Block] = [
        ClauseHeading(title),
        *(ClauseParagraph(text, level) for level, text in paragraphs),
    ]
    if number is not None:
        return blocks_html(blocks, number)
    return "\n".join(_html_block(block, "") for block in blocks)


def diff_html(diff: str) -> str:
    """A unified diff (``clauses.clause_diff``) as coloured lines: additions green,
    deletions red and struck through, hunk headers as "…"; the two file lines dropped."""
    lines = []
    for line in diff.splitlines()[2:]:
        if line.startswith("@@"):
            lines.append('<span style="color:#555555">…</span>')
            continue
        style = {"+": "color:#1b5e20", "-": "color:#b00020;text-decoration:line-through"}.get(line[:1], "")
        lines.append(f'<span style="{style}">{escape(line)}</span>' if style else escape(line))
    body = "\n".join(lines)
    return f'<pre style="white-space:pre-wrap">{body}</pre>'


def _paragraph(block: Paragraph) -> str:
    label = f"<b>{escape(block.label)}</b> " if block.label else ""
    if block.style == "Title":
        return f'<h1 class="title">{_inline(block.text)}</h1>'
    if block.style == "List Bullet":
        return f"<ul><li>{label}{_inline(block.text)}</li></ul>"
    if block.number:  # a numbered list's item, shown with its number (Word's list)
        return f'<p class="l2">{block.number}. {label}{_inline(block.text)}</p>'
    css = {"Quote": "quote", "Subtitle": "subtitle", "TOC Heading": "subtitle"}.get(block.style, "")
    attribute = f' class="{css}"' if css else ""
    return f"<p{attribute}>{label}{_inline(block.text)}</p>"


def _html_block(block: Block, number: str) -> str:
    if isinstance(block, Heading):
        level = min(max(block.level, 1), 3) + 1
        return f"<h{level}>{escape(block.text)}</h{level}>"
    if isinstance(block, Paragraph):
        return _paragraph(block)
    prefix = f"{number} " if number else ""
    if isinstance(block, ClauseHeading):
        return f"<h3>{prefix}{escape(block.text)}</h3>"
    if isinstance(block, ClauseParagraph):
        css, margin = ("l2", 1.5) if block.level <= 2 else ("l3", 3.0)
        return f'<p class="{css}" style="margin-left:{margin}em">{prefix}{_inline(block.text)}</p>'
    if isinstance(block, Table):
        return table_html(block)
    if isinstance(block, PageBreak):
        return "<hr>"
    if isinstance(block, Toc):
        return f'<p class="note">{escape(block.note)}</p>'
    return ""


def document_html(doc: Document) -> str:
    """``doc`` as a standalone HTML page."""
    body = blocks_html(doc.blocks)
    return (
        f'<!DOCTYPE html><html lang="{doc.lang}-CA"><head><meta charset="utf-8">'
        f"<title>{escape(doc.title)}</title><style>{_STYLE}</style></head>"
        f'<body><p class="note">{escape(doc.header)}</p>\n{body}\n</body></html>'
    )


def preview_html(project: Project, lang: str) -> str:
    """The tender in ``lang`` ("fr" or "en") as HTML. Raises ``ValueError`` for another lang.

    The project's text is cleaned once here, as :func:`wizard.core.export.export_all` does
    for the files."""
    return document_html(tender_document(clean_project(project), lang))
