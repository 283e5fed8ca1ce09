"""Text hygiene (docs/cases.md K1): XML-illegal code points stripped, dirty fields named."""

from __future__ import annotations

from dataclasses import fields

import pytest

from wizard.core.checks import run_checks
from wizard.core.checks.text import check_text
from wizard.core.model import ENTITIES, SECTIONS, Criterion, Project, VendorExchange
from wizard.core.textclean import clean_text, dirty_fields, is_clean, one_line


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("Réseau\x0bsans fil", "Réseausans fil"),
        ("ACME\x00", "ACME"),
        ("a\uffffb\ufffec", "abc"),
        ("lone \ud800 surrogate", "lone  surrogate"),
        ("tab\tnew\nline\rcr", "tab\tnew\nline\rcr"),
        ("شركة المثال & R&D < 2 s 😀", "شركة المثال & R&D < 2 s 😀"),
    ],
)
def test_clean_text(raw, clean):
    assert clean_text(raw) == clean
    assert is_clean(clean_text(raw))


@pytest.mark.parametrize(
    ("raw", "separator", "line"),
    [
        ("  Ville\n de   Truro \t", " ", "Ville de Truro"),
        ("Réseau\x0bsans fil", " ", "Réseausans fil"),  # cleaned before splitting: no line break
        ("12 rue Principale\n\n  Truro NS ", ", ", "12 rue Principale, Truro NS"),
        (" \n\t", ", ", ""),
    ],
)
def test_one_line(raw, separator, line):
    assert one_line(raw, separator) == line


def test_dirty_fields_name_each_field():
    p = Project()
    p.problem.statement = "Besoin \ud800 urgent"
    p.criteria = [Criterion(3, "Réseau\x0bsans fil"), Criterion(4, "propre")]
    p.vendor_exchanges = [VendorExchange(7, vendor="ACME\x00")]
    assert dirty_fields(p) == [
        ("problem.statement", "Besoin \ud800 urgent"),
        ("criteria:3.text", "Réseau\x0bsans fil"),
        ("vendor_exchanges:7.vendor", "ACME\x00"),
    ]
    found = check_text(p)
    assert [(f.code, f.field, f.severity.value) for f in found] == [
        ("T-CONTROL-CHARS", "problem.statement", "warning"),
        ("T-CONTROL-CHARS", "criteria:3.text", "warning"),
        ("T-CONTROL-CHARS", "vendor_exchanges:7.vendor", "warning"),
    ]
    assert "contrôle" in found[0].message("fr")
    assert {f.field for f in run_checks(p) if f.code == "T-CONTROL-CHARS"} == {
        "problem.statement",
        "criteria:3.text",
        "vendor_exchanges:7.vendor",
    }


def test_every_text_field_of_the_model_is_walked():
    p = Project()
    expected = []
    for section, cls in SECTIONS.items():
        for f in fields(cls):
            if f.type in ("str", str):
                setattr(getattr(p, section), f.name, "x\x01")
                expected.append(f"{section}.{f.name}")
    for kind, cls in ENTITIES.items():
        row = cls(id=5)
        for f in fields(cls):
            if f.type in ("str", str):
                setattr(row, f.name, "\ufffe")
                expected.append(f"{kind}:5.{f.name}")
        p.rows(kind).append(row)
    assert [address for address, _ in dirty_fields(p)] == expected
    assert len(expected) > 60


def test_clean_project_has_no_finding():
    assert check_text(Project()) == []


def test_choice_fields_are_text_for_the_hygiene_walk():
    """A field typed as a choice of strings (``SupportLevel``) is text: a matrix of only
    such fields is checked in one pass, and a control character in it is still found."""
    from wizard.core.model import Project, Support
    from wizard.core.textclean import dirty_fields

    project = Project()
    project.support = [Support(id=i, solution_id=1, feature_id=i, level="yes") for i in range(1, 4)]
    assert dirty_fields(project) == []
    project.support[1].level = "yes\x0b"  # a received file keeps a stored value as it is
    assert dirty_fields(project) == [("support:2.level", "yes\x0b")]


def test_each_text_is_judged_again_when_it_changes_and_odd_values_are_walked():
    """The per-text memory of ``_all_clean`` (textclean._CLEAN) answers for a text seen
    before and never hides a new one; a non-text value in a text attribute (a hand-edited
    file) sends the walk row by row, which reads only the texts."""
    p = Project()
    p.criteria = [Criterion(1, "Réseau sans fil"), Criterion(2, "Réseau sans fil")]
    assert dirty_fields(p) == [] and dirty_fields(p) == []
    p.criteria[1] = Criterion(2, "Réseau\x0bsans fil")
    assert dirty_fields(p) == [("criteria:2.text", "Réseau\x0bsans fil")]
    p.criteria[0].text = ["not", "a text"]  # type: ignore[assignment]
    assert dirty_fields(p) == [("criteria:2.text", "Réseau\x0bsans fil")]


def test_the_memory_of_clean_texts_is_bounded(monkeypatch):
    from wizard.core import textclean

    monkeypatch.setattr(textclean, "_CLEAN", {})
    monkeypatch.setattr(textclean, "_clean_held", 0)
    monkeypatch.setattr(textclean, "_CLEAN_KEPT", 25)
    p = Project()
    for number in range(10):  # ten typed versions of one text, 12 characters each
        p.criteria = [Criterion(1, f"Réseau n° {number:02}" + ("\x0b" if number == 7 else ""))]
        assert [a for a, _v in dirty_fields(p)] == (["criteria:1.text"] if number == 7 else [])
        assert textclean._clean_held <= 25 and len(textclean._CLEAN) <= 3


def test_a_row_of_control_characters_alone_is_dropped_once_cleaned():
    """A criterion whose text is control characters only (a paste from a PDF) is not
    blank as typed, but blank once cleaned: the documents leave it out, as they leave
    out a blank row, and number the others (the fuzz test found the tender failing on
    it: the criteria's numbers skipped the row the table still listed)."""
    from wizard.core.documents.tender import tender_blocks
    from wizard.core.textclean import clean_project

    project = Project()
    project.criteria = [
        Criterion(id=1, text="\x1a\x1c", kind="mandatory"),
        Criterion(id=2, text="Hosting in Canada", kind="mandatory"),
    ]
    cleaned = clean_project(project)
    assert [c.id for c in cleaned.criteria] == [2]
    text = "\n".join(str(b) for b in tender_blocks(cleaned, "en"))
    assert "Hosting in Canada" in text
    assert [c.text for c in project.criteria] == ["\x1a\x1c", "Hosting in Canada"]  # never changed
