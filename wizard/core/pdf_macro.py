"""The LibreOffice Basic macro that converts the Word documents to PDF with their tables of
contents updated (docs/documents.md, the `export.py` section; docs/cases.md K5).

``soffice --convert-to pdf`` converts a DOCX as it is: LibreOffice reads the TOC field as
an index but never updates it, whatever the file asks (``w:updateFields``,
``w:dirty``), so the PDF's contents list had no page numbers. The UNO API updates an
index (``XDocumentIndex.update``: the entries, then their page numbers from the layout);
Basic reaches that API with no Python-UNO bridge (Debian's ``python3-uno``, a package of
its own), and its runtime is part of LibreOffice's core (``libreoffice-core-nogui``
included). So the conversion runs this macro, from a private profile made for the run:

- ``user/basic/``: the library ``Standard`` with the module :data:`MODULE`;
- ``user/registrymodifications.xcu``: ``ooSetupInstCompleted``, so that LibreOffice takes
  the folder for a profile already set up; on a new empty profile its first start copies
  its presets over ``user/basic/`` and the macro never runs;
- the macro loads each document hidden, updates every index twice (the first update
  adds the page numbers; the second counts them again once they are laid out, should a
  longer contents list have moved a heading), stores the PDF through
  ``writer_pdf_Export`` (tagged: ``UseTaggedPDF``), closes it, and writes ``ok`` to
  the status file, or ``error N: what Basic said`` for the N-th document (from 0).

Macros of the user's own profile (``My Macros``) run whatever the security level; the
documents themselves carry no macro (python-docx writes none).
"""

from __future__ import annotations

from pathlib import Path
from xml.sax.saxutils import escape

MODULE = "OpwPdf"
"""The Basic module's name; the command line runs ``macro:///Standard.OpwPdf.Main``."""
MACRO_URL = f"macro:///Standard.{MODULE}.Main"

_BASIC = """REM Open Procurement Wizard: Word documents to PDF, tables of contents updated
Dim doc As Object

Sub Main
  Dim sources, targets
  sources = Array({sources})
  targets = Array({targets})
  Dim i As Integer
  On Error GoTo Failed
  For i = 0 To UBound(sources)
    Convert(sources(i), targets(i))
  Next i
  Report("ok")
  StarDesktop.terminate()
  Exit Sub
Failed:
  Report("error " & i & ": " & Error$ & " (" & Err & ")")
  If Not IsNull(doc) And Not IsEmpty(doc) Then
    doc.setModified(False)
    doc.close(True)
  End If
  StarDesktop.terminate()
End Sub

Sub Convert(source As String, target As String)
  Dim load(0) As New com.sun.star.beans.PropertyValue
  load(0).Name = "Hidden"
  load(0).Value = True
  doc = StarDesktop.loadComponentFromURL(source, "_blank", 0, load())
  Dim indexes As Object
  indexes = doc.getDocumentIndexes()
  Dim pass As Integer, k As Integer
  For pass = 1 To 2
    For k = 0 To indexes.getCount() - 1
      indexes.getByIndex(k).update()
    Next k
  Next pass
  Dim options(0) As New com.sun.star.beans.PropertyValue
  options(0).Name = "UseTaggedPDF"
  options(0).Value = True
  Dim store(1) As New com.sun.star.beans.PropertyValue
  store(0).Name = "FilterName"
  store(0).Value = "writer_pdf_Export"
  store(1).Name = "FilterData"
  store(1).Value = options()
  doc.storeToURL(target, store())
  doc.setModified(False)
  doc.close(True)
  doc = Nothing
End Sub

Sub Report(text As String)
  Dim n As Integer
  n = FreeFile
  Open {status} For Output As #n
  Print #n, text
  Close #n
End Sub
"""

_MODULE_XML = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE script:module PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "module.dtd">
<script:module xmlns:script="http://openoffice.org/2000/script" script:name="{name}" \
script:language="StarBasic">{code}</script:module>
"""

_LIBRARIES = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE library:libraries PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "libraries.dtd">
<library:libraries xmlns:library="http://openoffice.org/2000/library" \
xmlns:xlink="http://www.w3.org/1999/xlink">
 <library:library library:name="Standard" library:link="false"/>
</library:libraries>
"""

_LIBRARY = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE library:library PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "library.dtd">
<library:library xmlns:library="http://openoffice.org/2000/library" library:name="Standard" \
library:readonly="false" library:passwordprotected="false">{elements}</library:library>
"""

_REGISTRY = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" \
xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Setup/Office"><prop oor:name="ooSetupInstCompleted" \
oor:op="fuse"><value>true</value></prop></item>
</oor:items>
"""


def _basic_string(text: str) -> str:
    """``text`` as a Basic string literal (a quote is doubled)."""
    return '"' + text.replace('"', '""') + '"'


def basic_source(pairs: list[tuple[Path, Path]], status: Path) -> str:
    """The macro's Basic code, converting each
    ``(docx, pdf)`` of ``pairs`` and writing its outcome to ``status``. Paths go in as
    ``file://`` URLs (percent-encoded: no quote, no line break, any folder name)."""
    sources = ", ".join(_basic_string(source.as_uri()) for source, _ in pairs)
    targets = ", ".join(_basic_string(target.as_uri()) for _, target in pairs)
    return _BASIC.format(sources=sources, targets=targets, status=_basic_string(status.as_uri()))


def write_profile(profile: Path, pairs: list[tuple[Path, Path]], status: Path) -> None:
    """A LibreOffice user profile in the empty folder ``profile`` (given to soffice as
    ``-env:UserInstallation``) whose ``Standard`` library holds the macro
    (:func:`basic_source`)."""
    basic = profile / "user" / "basic"
    (basic / "Standard").mkdir(parents=True)
    (profile / "user" / "registrymodifications.xcu").write_text(_REGISTRY, encoding="utf-8")
    for name in ("script.xlc", "dialog.xlc"):
        (basic / name).write_text(_LIBRARIES, encoding="utf-8")
    module = f'<library:element library:name="{MODULE}"/>'
    (basic / "Standard" / "script.xlb").write_text(_LIBRARY.format(elements=module), encoding="utf-8")
    (basic / "Standard" / "dialog.xlb").write_text(_LIBRARY.format(elements=""), encoding="utf-8")
    code = basic_source(pairs, status)
    (basic / "Standard" / f"{MODULE}.xba").write_text(
        _MODULE_XML.format(name=MODULE, code=escape(code)), encoding="utf-8"
    )
