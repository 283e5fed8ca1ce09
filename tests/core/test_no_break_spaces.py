"""A French date, time or count of days never splits across lines (i18n.formats.NBSP):
the exported DOCX's XML and the HTML preview hold no-break spaces (U+00A0) inside
« 16 avril 2027 », « 11 h 00 » and « 90 jours »; the English twin keeps its ordinary
spaces; the machine outputs keep their ISO dates."""

from __future__ import annotations

import io
import re
import zipfile

import pytest
from lxml import etree

from wizard.core.documents.html import preview_html
from wizard.core.examples import load_example
from wizard.core.export import tender_bytes
from wizard.core.opendata.release import build_package

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
NBSP = "\u00a0"

# the training example closes on 16 April 2027 at 11:00 (Atlantic), bids valid 90 days
EXPECTED = {
    "fr": (
        f"16{NBSP}avril{NBSP}2027, 11{NBSP}h{NBSP}00 (heure de l’Atlantique)",
        f"irrévocable pendant 90{NBSP}jours après la date limite de dépôt, soit jusqu’au 15{NBSP}juillet{NBSP}2027",
    ),
    "en": (
        f"April 16, 2027, 11:00{NBSP}a.m. Atlantic Time",  # CLDR's space before a.m., as before
        "irrevocable for 90 days after the closing date, that is until July 15, 2027",
    ),
}
UNSPACED = {
    "fr": ("16 avril 2027", "11 h 00", "90 jours"),
    "en": (f"April{NBSP}16", f"16,{NBSP}2027", f"90{NBSP}days", f"July{NBSP}15"),
}


def _xml_paragraphs(data: bytes) -> list[str]:
    """The text of each paragraph of the DOCX's document.xml, as its ``w:t`` runs hold it."""
    with zipfile.ZipFile(io.BytesIO(data)) as docx:
        root = etree.fromstring(docx.read("word/document.xml"))
    return ["".join(t.text or "" for t in p.iter(f"{W}t")) for p in root.iter(f"{W}p")]


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_docx_xml_keeps_a_date_a_time_and_a_day_count_on_one_line(lang):
    text = "\n".join(_xml_paragraphs(tender_bytes(load_example("training"), lang)))
    deadline, validity = EXPECTED[lang]
    assert deadline in text and validity in text
    assert not [piece for piece in UNSPACED[lang] if piece in text]


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_html_preview_keeps_them_on_one_line(lang):
    html = preview_html(load_example("training"), lang)
    deadline, validity = EXPECTED[lang]
    assert deadline in html and validity in html
    assert not [piece for piece in UNSPACED[lang] if piece in html]


def test_the_ocds_release_keeps_its_iso_dates():
    """The machine outputs never go through the formatters: the release's periods are
    RFC 3339 moments, with no no-break space, whatever the tender's language."""
    release = build_package(load_example("training"))["releases"][0]
    period = release["tender"]["tenderPeriod"]
    assert re.fullmatch(r"2027-03-01T\d\d:\d\d:\d\d[-+]\d\d:\d\d", period["startDate"])
    assert period["endDate"] == "2027-04-16T11:00:00-03:00"
