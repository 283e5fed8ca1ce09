"""A French date, time or count of days never splits across lines (i18n.formats.NBSP):
the exported DOCX's XML and the HTML preview hold no-break spaces (U+00A0) inside
« 16 avril 2027 », « 11 h 00 » and « 90 jours »; an English long date joins its month
and day ("April\u00a016, 2027"), its other spaces ordinary; the machine outputs keep
their ISO dates, and the OCDS award's English text, with its release id, as before."""

from __future__ import annotations

import io
import json
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
        f"April\u00a016, 2027, 11:00{NBSP}a.m. Atlantic Time",  # CLDR's space before a.m., as before
        "irrevocable for 90 days after the closing date, that is until July\u00a015, 2027",
    ),
}
UNSPACED = {
    "fr": ("16 avril 2027", "11 h 00", "90 jours"),
    # English joins a long date's month and day, and nothing else: the year may follow the
    # comma onto the next line, a count keeps its ordinary space
    "en": ("April 16", f"16,{NBSP}2027", f"90{NBSP}days", "July 15"),
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


TRAINING_AWARD_ID = "ocds-213czf-RAP-2027-TI-07-award-f5fb56540285"
TRAINING_CONTRACT_ID = "ocds-213czf-RAP-2027-TI-07-contract-7832d1d3af0b"
"""The ids of the award and contract releases of the training example as ``export``
writes them (its contract record included), as before English dates were joined:
open-data users follow a release by its id, so an unchanged project gives them again.
(Without the contract record: tests/data/documents/training/*/ocds-release-package.json.txt.)"""


def test_the_letters_join_the_date_and_the_ocds_award_keeps_its_text_and_id(tmp_path):
    from wizard.cli import main

    target, out = tmp_path / "training.tender", tmp_path / "out"
    assert main(["new", str(target), "--example", "training"]) == 0
    assert main(["export", str(target), "--out", str(out)]) == 0
    letter = "\n".join(_xml_paragraphs((out / "debriefing-2-en.docx").read_bytes()))
    assert f"the standstill period of 10 days, on May{NBSP}20, 2027" in letter
    assert "May 20" not in letter and "May\n20" not in letter
    notice = "\n".join(_xml_paragraphs((out / "award-notice-1-en.docx").read_bytes()))
    assert f"that is by May{NBSP}20, 2027, with:" in notice
    french = "\n".join(_xml_paragraphs((out / "debriefing-2-fr.docx").read_bytes()))
    assert f"soit le 20{NBSP}mai{NBSP}2027" in french  # French as before
    releases = json.loads((out / "ocds-release-package.json").read_text(encoding="utf-8"))["releases"]
    award, contract = releases[2], releases[3]
    assert (award["id"], contract["id"]) == (TRAINING_AWARD_ID, TRAINING_CONTRACT_ID)
    assert award["awards"][0]["description_en"].endswith("signed at the end of May 20, 2027.")
    assert award["awards"][0]["description"].endswith(f"à la fin du 20{NBSP}mai{NBSP}2027.")
