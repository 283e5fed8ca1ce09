"""Low-level WordprocessingML pieces python-docx has no API for (docs/cases.md K5, K6).

Fields (PAGE, NUMPAGES, TOC), ``w:updateFields`` in ``settings.xml``, a multilevel
numbering definition (1 / 1.1 / 1.1.1), paragraph numbering, repeating table header
rows, cell shading, external hyperlinks and the document language. Text always goes
through ``w:t`` elements set by lxml, which escapes ``&`` and ``<`` (K8).
"""

from __future__ import annotations

import re
from typing import Any

from docx.enum.style import WD_STYLE_TYPE
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from lxml import etree

CLAUSE_NUM_ID = 90
"""numId (and abstractNumId) of the clause numbering list."""

STEP_ABSTRACT_ID = 91
"""abstractNumId of the numbered lists of scenario steps (1., 2., 3.); each list is a
``w:num`` of its own, from ``STEP_ABSTRACT_ID + 1`` on, restarting at 1."""

COMPATIBILITY_MODE = 15
"""Word 2013 and later: a document with a lower ``compatibilityMode`` opens in
"Compatibility Mode" (python-docx's template says 14, Word 2010)."""

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_EP = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"

# settings.xml children that must come after w:updateFields (ECMA-376 CT_Settings order).
_AFTER_UPDATE_FIELDS = {
    "hdrShapeDefaults",
    "footnotePr",
    "endnotePr",
    "compat",
    "docVars",
    "rsids",
    "mathPr",
    "attachedSchema",
    "themeFontLang",
    "clrSchemeMapping",
    "doNotIncludeSubdocsInStats",
    "doNotAutoCompressPictures",
    "forceUpgrade",
    "captions",
    "readModeInkLockDown",
    "smartTagType",
    "schemaLibrary",
    "shapeDefaults",
    "doNotEmbedSmartTags",
    "decimalSymbol",
    "listSeparator",
}


def _run(child: Any) -> Any:
    run = OxmlElement("w:r")
    run.append(child)
    return run


def _text_element(text: str) -> Any:
    t = OxmlElement("w:t")
    t.text = text
    t.set(qn("xml:space"), "preserve")
    return t


def _fld_char(kind: str) -> Any:
    char = OxmlElement("w:fldChar")
    char.set(qn("w:fldCharType"), kind)
    return char


def add_multi_paragraph_field(paragraphs: list[Any], instruction: str, entries: list[str]) -> None:
    """A field whose cached result spans ``paragraphs`` (a TOC): the field begins in the
    first paragraph, each paragraph shows its entry, and the field ends in the last one."""
    begin = _fld_char("begin")
    begin.set(qn("w:dirty"), "true")
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruction} "
    first = paragraphs[0]._p
    for element in (_run(begin), _run(instr), _run(_fld_char("separate"))):
        first.append(element)
    for paragraph, entry in zip(paragraphs, entries, strict=True):
        paragraph._p.append(_run(_text_element(entry)))
    paragraphs[-1]._p.append(_run(_fld_char("end")))


def add_field(paragraph: Any, instruction: str, placeholder: str) -> None:
    """Append a complex field (``PAGE``, ``NUMPAGES``, ``TOC …``) showing ``placeholder``
    until the reader updates fields."""
    p = paragraph._p
    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    begin.set(qn("w:dirty"), "true")
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruction} "
    separate = OxmlElement("w:fldChar")
    separate.set(qn("w:fldCharType"), "separate")
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    for element in (_run(begin), _run(instr), _run(separate), _run(_text_element(placeholder)), _run(end)):
        p.append(element)


def set_update_fields(settings: Any) -> None:
    """Ask Word to refresh every field (the TOC) when the file opens (K5)."""
    element = settings.element
    for old in element.findall(qn("w:updateFields")):
        element.remove(old)
    update = OxmlElement("w:updateFields")
    update.set(qn("w:val"), "true")
    for child in element:
        if isinstance(child.tag, str) and child.tag.split("}")[-1] in _AFTER_UPDATE_FIELDS:
            child.addprevious(update)
            return
    element.append(update)


def set_compatibility_mode(settings: Any, mode: int = COMPATIBILITY_MODE) -> None:
    """Set ``w:compat/w:compatSetting[@w:name='compatibilityMode']`` of ``settings.xml``
    to ``mode``, so that Word opens the file in its current mode, not in "Compatibility
    Mode" (python-docx's template is a Word 2010 file)."""
    element = settings.element
    compat = element.find(qn("w:compat"))
    if compat is None:
        compat = OxmlElement("w:compat")
        following = [c for c in element if isinstance(c.tag, str) and c.tag.split("}")[-1] in _AFTER_COMPAT]
        if following:
            following[0].addprevious(compat)
        else:
            element.append(compat)
    for setting in compat.findall(qn("w:compatSetting")):
        if setting.get(qn("w:name")) == "compatibilityMode":
            setting.set(qn("w:val"), str(mode))
            return
    setting = OxmlElement("w:compatSetting")
    setting.set(qn("w:name"), "compatibilityMode")
    setting.set(qn("w:uri"), "http://schemas.microsoft.com/office/word")
    setting.set(qn("w:val"), str(mode))
    compat.append(setting)


_AFTER_COMPAT = _AFTER_UPDATE_FIELDS - {"hdrShapeDefaults", "footnotePr", "endnotePr", "compat"}


def hide_paragraph(paragraph: Any) -> None:
    """Make ``paragraph`` hidden text (``w:vanish`` on its runs and its mark): Word and
    LibreOffice neither print it nor lay it out unless hidden text is shown, so a note
    to the editors never reaches the printed tender."""
    for run in paragraph.runs:
        run._r.get_or_add_rPr().append(OxmlElement("w:vanish"))
    ppr = paragraph._p.get_or_add_pPr()
    mark = ppr.find(qn("w:rPr"))
    if mark is None:
        mark = OxmlElement("w:rPr")
        ppr.append(mark)
    mark.append(OxmlElement("w:vanish"))


def add_step_numbering(document: Any) -> None:
    """Add the single-level list "1." of scenario steps to ``numbering.xml`` (abstract
    definition ``STEP_ABSTRACT_ID``); :func:`new_step_list` starts each list of it."""
    numbering = document.part.numbering_part.element
    abstract = parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{STEP_ABSTRACT_ID}">'
        '<w:multiLevelType w:val="singleLevel"/>'
        f"{_level(0, '%1.', 567, 567, False)}</w:abstractNum>"
    )
    first_num = numbering.find(qn("w:num"))
    if first_num is not None:
        first_num.addprevious(abstract)
    else:
        numbering.append(abstract)


def new_step_list(document: Any) -> int:
    """A new numbered list of steps that starts at 1 (``w:startOverride``), whatever
    list came before; returns its numId."""
    numbering = document.part.numbering_part.element
    used = [int(n.get(qn("w:numId"))) for n in numbering.findall(qn("w:num"))]
    num_id = max([STEP_ABSTRACT_ID, *used]) + 1
    numbering.append(
        parse_xml(
            f'<w:num {nsdecls("w")} w:numId="{num_id}">'
            f'<w:abstractNumId w:val="{STEP_ABSTRACT_ID}"/>'
            '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>'
        )
    )
    return num_id


def _level(ilvl: int, text: str, indent: int, hanging: int, bold: bool) -> str:
    rpr = "<w:rPr><w:b/></w:rPr>" if bold else ""
    # Level n restarts after each paragraph of level n-1 (1.1 after "2", 2.1.1 after "2.1");
    # said explicitly (w:lvlRestart is 1-based) so no editor falls back to continuing.
    restart = f'<w:lvlRestart w:val="{ilvl}"/>' if ilvl else ""
    return (
        f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="decimal"/>{restart}'
        f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>'
        f'<w:pPr><w:ind w:left="{indent}" w:hanging="{hanging}"/></w:pPr>{rpr}</w:lvl>'
    )


def add_clause_numbering(document: Any) -> int:
    """Add the multilevel list 1 / 1.1 / 1.1.1 to ``numbering.xml``; returns its numId.

    One ``w:abstractNum`` (``multilevel``, levels 0–2 with lvlText ``%1``, ``%1.%2``,
    ``%1.%2.%3``, each lower level restarting after the level above) and one ``w:num``
    whose ``w:startOverride`` makes the clauses of every document start at 1, even when
    a lawyer pastes them into another document that already uses this list.
    """
    numbering = document.part.numbering_part.element
    levels = _level(0, "%1", 567, 567, True) + _level(1, "%1.%2", 709, 709, False)
    levels += _level(2, "%1.%2.%3", 1758, 1049, False)  # room for "10.2.1"
    abstract = parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{CLAUSE_NUM_ID}">'
        f'<w:multiLevelType w:val="multilevel"/>{levels}</w:abstractNum>'
    )
    first_num = numbering.find(qn("w:num"))
    if first_num is not None:
        first_num.addprevious(abstract)
    else:
        numbering.append(abstract)
    numbering.append(
        parse_xml(
            f'<w:num {nsdecls("w")} w:numId="{CLAUSE_NUM_ID}">'
            f'<w:abstractNumId w:val="{CLAUSE_NUM_ID}"/>'
            '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>'
        )
    )
    return CLAUSE_NUM_ID


def set_numbering(paragraph: Any, num_id: int, ilvl: int) -> None:
    """Number ``paragraph`` with list ``num_id`` at level ``ilvl`` (0-based)."""
    ppr = paragraph._p.get_or_add_pPr()
    existing = ppr.find(_NUMPR)
    if existing is not None:
        ppr.remove(existing)
    numpr = etree.SubElement(ppr, _NUMPR)  # built with lxml (parsing a string per paragraph cost more)
    etree.SubElement(numpr, _ILVL).set(_VAL, str(ilvl))
    etree.SubElement(numpr, _NUMID).set(_VAL, str(num_id))
    style = ppr.find(_PSTYLE)
    if style is not None:
        style.addnext(numpr)
    else:
        ppr.insert(0, numpr)


_NUMPR, _ILVL, _NUMID, _VAL, _PSTYLE = qn("w:numPr"), qn("w:ilvl"), qn("w:numId"), qn("w:val"), qn("w:pStyle")


def repeat_header(row: Any) -> None:
    """Mark a table row as a header row repeated on each page (``w:tblHeader``)."""
    trpr = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    trpr.append(header)


def keep_row_together(row: Any) -> None:
    """Forbid a page break inside a table row (``w:cantSplit``)."""
    row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))


def shade(cell: Any, fill: str) -> None:
    """Fill a table cell with the hex colour ``fill`` (e.g. "D9E2F3")."""
    tcpr = cell._tc.get_or_add_tcPr()
    tcpr.append(parse_xml(f'<w:shd {nsdecls("w")} w:val="clear" w:color="auto" w:fill="{fill}"/>'))


def add_hyperlink(paragraph: Any, text: str, url: str) -> None:
    """Append a clickable external link (K6): the URL goes in the relationships part,
    escaped by the package writer; ``text`` is the visible run."""
    r_id = paragraph.part.relate_to(url, RT.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), r_id)
    run = OxmlElement("w:r")
    rpr = parse_xml(f'<w:rPr {nsdecls("w")}><w:color w:val="0563C1"/><w:u w:val="single"/></w:rPr>')
    run.append(rpr)
    run.append(_text_element(text))
    link.append(run)
    paragraph._p.append(link)


def _set_lang(rpr: Any, tag: str) -> None:
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:val"), tag)
    lang.set(qn("w:eastAsia"), tag)
    lang.set(qn("w:bidi"), "ar-SA")


def set_language(document: Any, tag: str) -> None:
    """Set the proofing language of the whole text (``fr-CA`` / ``en-CA``) so that
    Word's spelling and grammar checker uses the right dictionary.

    The default run properties and the Normal style carry ``tag``; any other language a
    template style declared (python-docx's template says ``en-US``) is replaced, in
    ``styles.xml`` and in Word 2010's ``stylesWithEffects.xml``; the theme's font
    language follows.
    """
    styles = document.styles.element
    rpr = styles.find(f"{{{_W}}}docDefaults/{{{_W}}}rPrDefault/{{{_W}}}rPr")
    if rpr is not None:
        _set_lang(rpr, tag)
    for lang in styles.iter(qn("w:lang")):
        if lang.get(qn("w:val")):
            lang.set(qn("w:val"), tag)
    normal = document.styles.default(WD_STYLE_TYPE.PARAGRAPH)
    if normal is not None:
        _set_lang(normal.element.get_or_add_rPr(), tag)
    theme_lang = document.settings.element.find(qn("w:themeFontLang"))
    if theme_lang is not None:
        theme_lang.set(qn("w:val"), tag)
    for part in document.part.package.iter_parts():
        if str(part.partname).endswith("/stylesWithEffects.xml"):
            part._blob = re.sub(
                rb'(<w:lang\b[^>]*\bw:val=")[^"]*"', b"\\g<1>" + tag.encode() + b'"', part.blob
            )


def set_app_properties(document: Any, company: str, application: str) -> None:
    """Fill ``docProps/app.xml``: ``Company`` (the organization, shown by Word's
    document properties) and ``Application`` (python-docx's template claims a Mac Word)."""
    for part in document.part.package.iter_parts():
        if str(part.partname) != "/docProps/app.xml":
            continue
        root = etree.fromstring(part.blob)
        for name, value in (("Company", company), ("Application", application)):
            element = root.find(f"{{{_EP}}}{name}")
            if element is None:
                element = etree.SubElement(root, f"{{{_EP}}}{name}")
            element.text = value
        part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def builtin_style(document: Any, name: str, style_type: Any = None) -> Any:
    """The style Word knows by the built-in ``name`` ("toc 1", "Hyperlink" …): found by
    that name, else added under it (not as a custom style), so Word applies its own
    definition and a TOC update uses it. Never looked up by a style id."""
    try:
        return document.styles[name]
    except KeyError:
        return document.styles.add_style(name, style_type or WD_STYLE_TYPE.PARAGRAPH, builtin=True)


def set_body_font(document: Any, name: str) -> None:
    """Use the font ``name`` for all text that does not name its own (body, tables,
    lists): python-docx's template takes the theme's body font, Cambria, a serif that
    LibreOffice replaces with a serif, so tables looked unlike the sans-serif headings.
    Headings keep the theme's heading font (Calibri)."""
    rpr = document.styles.element.find(f"{{{_W}}}docDefaults/{{{_W}}}rPrDefault/{{{_W}}}rPr")
    if rpr is None:
        return
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for kind in ("ascii", "hAnsi", "cs"):
        fonts.attrib.pop(qn(f"w:{kind}Theme" if kind != "cs" else "w:cstheme"), None)
        fonts.set(qn(f"w:{kind}"), name)
