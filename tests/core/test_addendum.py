"""A vendor recorded as having helped draft is excluded, and the exported tender DOCX
says so (V-DRAFTING, the excluded vendors appendix); the tender's "Publication and
transparency" section carries the diffusion of the tender. Read back with python-docx."""

from __future__ import annotations

import pytest
from docx import Document
from tender_sample import write_tender

from wizard.core.documents.typography import french_apostrophes
from wizard.core.examples import load_example
from wizard.core.model import Project, VendorExchange
from wizard.core.model.defaults import new_project

HEADINGS = {"fr": "Annexe\u00a0: fournisseurs exclus", "en": "Appendix: excluded suppliers"}


def project_with_register(lang: str) -> Project:
    p = new_project(lang)
    p.info.title = "Emergency perimeter"
    p.info.tender_languages = lang
    p.vendor_exchanges = [
        VendorExchange(id=1, vendor="Globex Corp.", subject="Public webinar"),
        VendorExchange(
            id=2,
            vendor="Identicarte Systèmes inc.",
            subject="Supplied a draft requirements list",
            drafting="helped_draft",
        ),
        VendorExchange(id=3, vendor="  Identicarte   Systèmes inc. ", drafting="helped_draft"),
    ]
    return p


def docx_paragraphs(p: Project, lang: str, tmp_path) -> list[tuple[str, str]]:
    """(style name, text) of every paragraph of the exported tender in ``lang``."""
    path = write_tender(p, lang, tmp_path / f"tender-{lang}.docx")
    return [(par.style.name, par.text) for par in Document(str(path)).paragraphs]


def section(paragraphs: list[tuple[str, str]], heading: str) -> list[tuple[str, str]]:
    """The paragraphs under the level-1 ``heading``, up to the next level-1 heading."""
    start = paragraphs.index(("Heading 1", heading)) + 1  # not its line in the table of contents
    end = next((i for i in range(start, len(paragraphs)) if paragraphs[i][0] == "Heading 1"), len(paragraphs))
    return paragraphs[start:end]


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_addendum_names_the_vendor_who_helped_draft(lang, tmp_path):
    paragraphs = docx_paragraphs(project_with_register(lang), lang, tmp_path)
    addendum = section(paragraphs, HEADINGS[lang])
    listed = [text for style, text in addendum if style == "List Bullet"]
    assert listed == ["Identicarte Systèmes inc."]  # once, spaces tidied; Globex is not excluded
    assert "Globex" not in " ".join(text for _s, text in addendum)
    # the exclusion clause of the contract states the rule and points to the annex: the
    # names are listed once, in the annex
    body = "\n".join(text for _s, text in paragraphs)
    assert body.count("Identicarte Systèmes inc.") == 1
    clause = {
        "fr": "Les entreprises nommées à l’annexe «\u00a0Fournisseurs exclus\u00a0»",
        "en": "The businesses named in the appendix “Excluded suppliers”",
    }[lang]
    assert any(text.startswith(clause) for style, text in paragraphs if style == "List Number")


def test_no_addendum_without_a_drafting_vendor(tmp_path):
    p = project_with_register("en")
    for exchange in p.vendor_exchanges:
        exchange.drafting = "none"
    texts = [text for _s, text in docx_paragraphs(p, "en", tmp_path)]
    assert HEADINGS["en"] not in texts
    assert not any("Identicarte" in t for t in texts)


@pytest.mark.parametrize("name", ["emergency-perimeter", "office-suite", "training"])
def test_no_example_excludes_the_vendor_whose_template_was_not_used(name, tmp_path):
    """Each example's vendor offered a ready-made template that the town declined: it is
    recorded, not excluded, and the tender says nothing of it (docs/cases.md K30)."""
    p = load_example(name)
    declined = [e.vendor for e in p.vendor_exchanges if e.drafting == "material_not_used"]
    assert len(declined) == 1
    assert not [e for e in p.vendor_exchanges if e.drafting in ("helped_draft", "material_used")]
    lang = "en" if name == "office-suite" else "fr"
    texts = [text for _s, text in docx_paragraphs(p, lang, tmp_path)]
    assert HEADINGS[lang] not in texts
    assert not any(declined[0] in t for t in texts)


def test_publication_section_states_the_diffusion(tmp_path):
    p = load_example("office-suite")
    pub = p.publication
    paragraphs = docx_paragraphs(p, "en", tmp_path)
    texts = [text for _s, text in section(paragraphs, "Publication and transparency")]
    assert (
        f"This call for tenders is published on the following platform: {pub.provincial_platform}." in texts
    )
    assert any(pub.free_platforms in t for t in texts)
    assert any("suppliers found in its market scan" in t for t in texts)
    assert any(pub.translation_notes in t for t in texts)  # typed in English: kept in the English tender
    assert f"Open data about this procurement: {pub.open_data_url}" in texts
    document = Document(str(tmp_path / "tender-en.docx"))
    table = next(t for t in document.tables if t.rows[0].cells[0].text == "Information")
    planned = [i for i in p.publication_items if i.planned]
    assert len(table.rows) == len(planned) + 1
    first = planned[0]
    assert table.rows[1].cells[0].text == "The tender" and table.rows[1].cells[2].text == first.place


def test_publication_section_in_french_without_data(tmp_path):
    p = new_project("fr")
    p.publication.notify_scanned_vendors = False
    for item in p.publication_items:
        item.planned = False
    texts = [text for _s, text in section(docx_paragraphs(p, "fr", tmp_path), "Publication et transparence")]
    assert texts == [
        "Le présent appel d’offres est publié sur la plateforme suivante\u00a0: [À COMPLÉTER / TO BE COMPLETED]."
    ]


def test_translation_notes_stay_out_of_the_other_language_tender(tmp_path):
    """The notes are typed text (here French): the English tender of the same export does
    not carry a French sentence among its English ones."""
    p = load_example("emergency-perimeter")
    notes = " ".join(p.publication.translation_notes.split())
    assert notes
    french = [t for _s, t in section(docx_paragraphs(p, "fr", tmp_path), "Publication et transparence")]
    english = [t for _s, t in section(docx_paragraphs(p, "en", tmp_path), "Publication and transparency")]
    assert any(french_apostrophes(notes) in t for t in french)  # typed d'un: printed d’un
    assert not any(notes in t for t in english)
