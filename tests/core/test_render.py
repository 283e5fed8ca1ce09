"""The tender as blocks, and its HTML preview (docs/documents.md; docs/cases.md K10, K12)."""

from __future__ import annotations

import pytest
from tender_sample import MANDATORY, OPTIONAL, STATEMENT, URL, tender_project

from wizard.core.documents.blocks import (
    ClauseHeading,
    ClauseParagraph,
    Heading,
    Paragraph,
    Table,
    Toc,
    clause_numbers,
    split_links,
)
from wizard.core.documents.html import preview_html
from wizard.core.documents.tender import tender_document
from wizard.core.domain.evaluation import points_needed_clamped as points_needed
from wizard.core.i18n import tr
from wizard.core.i18n.formats import PLACEHOLDER
from wizard.core.model import Criterion


def _texts(doc):
    out = []
    for block in doc.blocks:
        if isinstance(block, Table):
            out += [cell for row in block.header + block.rows for cell in row]
        elif hasattr(block, "text"):
            out.append(
                getattr(block, "label", "") + " " + block.text if getattr(block, "label", "") else block.text
            )
    return out


@pytest.mark.parametrize(
    ("pct", "optional", "needed"),
    [(70, 60, 42), (70, 10, 7), (70, 3, 3), (75, 6, 5), (100, 7, 7), (70, 0, 0), (71, 100, 71)],
)
def test_points_needed_in_integers(pct, optional, needed):
    """K12: 42 of 60 at 70 % passes; never a float sum of 100/60 per point."""
    assert points_needed(pct, optional) == needed


def test_threshold_sentence_with_60_optional_criteria():
    p = tender_project()
    p.criteria = [Criterion(i, f"Critère optionnel {i}", kind="optional") for i in range(1, 61)]
    texts = _texts(tender_document(p, "fr"))
    assert any("au moins 70\u00a0% des critères facultatifs, soit 42 points sur 60." in t for t in texts)
    texts = _texts(tender_document(p, "en"))
    assert any("at least 70% of the optional criteria, that is 42 points out of 60." in t for t in texts)


def test_french_tender_sections_and_content():
    doc = tender_document(tender_project(), "fr")
    headings = [b.text for b in doc.blocks if isinstance(b, Heading) and b.level == 1]
    assert headings == [
        "Définitions",
        "Cadre juridique",
        "Instructions aux soumissionnaires",
        "Le besoin",
        "Portée",
        "Énoncé des travaux",
        "Critères d’évaluation",
        "Méthode d’évaluation",
        tr("Test scenarios", "fr"),
        "Séances de scénarios",  # no pilot in this project: the heading says so
        "Publication et transparence",
        "Clauses du contrat",
        "Annexe\u00a0: niveaux de service et sécurité",
        "Annexe\u00a0: formulaire de convention",
        "Annexe\u00a0: fournisseurs exclus",
        "Annexe\u00a0: formulaires à signer",
        "Annexe\u00a0: bordereau de prix",
        "Annexe\u00a0: formulaire de réponse (conformité aux critères)",
    ]  # the language and binding version: its clause only, said once
    texts = _texts(doc)
    assert STATEMENT in texts
    assert all(c in texts for c in MANDATORY + OPTIONAL)
    ids = [t for t in texts if t in ("OBL-1", "OBL-2", "OBL-3", "OPT-1")]
    assert ids[:4] == [
        "OBL-1",
        "OBL-2",
        "OBL-3",
        "OPT-1",
    ]  # the criteria tables, then the traceability matrix
    assert doc.header == "Appel d’offres SE-TI-2027-004" and doc.footer_page == "Page {page} sur {pages}"
    assert sum(isinstance(b, Toc) for b in doc.blocks) == 1
    clause_titles = [b.text for b in doc.blocks if isinstance(b, ClauseHeading)]
    assert clause_titles[0] == "Droit applicable et tribunaux compétents"
    assert "Protection des renseignements personnels" in clause_titles
    assert any(
        isinstance(b, Paragraph) and b.style == "List Bullet" and b.text == "Johnson & Johnson"
        for b in doc.blocks
    )
    assert "Service de police — touché" in texts and "not_concerned" not in " ".join(texts)
    assert sum("la version française fait foi" in t for t in texts) == 1


def test_english_tender_has_no_french_labels():
    doc = tender_document(tender_project(lang="en"), "en")
    headings = [b.text for b in doc.blocks if isinstance(b, Heading)]
    assert "Evaluation criteria" in headings and "Contract clauses" in headings
    assert not any(h in headings for h in ("Calendrier", "Portée", "Critères d’évaluation"))
    texts = _texts(doc)
    assert (
        sum("published in one language only; the English version alone is binding" in t for t in texts) == 1
    )


def test_k10_missing_closing_date_shows_placeholder_not_a_gap():
    p = tender_project()
    p.info.closing_date = ""
    doc = tender_document(p, "fr")
    cover = next(b for b in doc.blocks if isinstance(b, Table))
    assert ["Date de clôture", PLACEHOLDER] in cover.rows
    joined = "\n".join(_texts(doc))
    assert "Date de clôture : ." not in joined and "Date de clôture\u00a0: ." not in joined


def test_k1_control_characters_never_reach_the_preview():
    p = tender_project()
    p.criteria[0].text = "Réseau\x0bsans fil"
    p.problem.statement = "Besoin \ud800\uffff urgent"
    p.vendor_exchanges[0].vendor = "ACME\x00"
    html = preview_html(p, "fr")  # the preview cleans the project's text once
    assert "Réseausans fil" in html and "Besoin urgent" in html and "ACME" in html
    assert not any(ch in html for ch in "\x00\x0b\ud800\uffff")


def test_split_links_keeps_ampersand_and_trailing_period():
    assert split_links(f"Données : {URL}.") == [("Données : ", ""), (URL, URL), (".", "")]


def test_preview_html_escapes_and_numbers_clauses():
    p = tender_project()
    p.criteria[1].text = "Temps de réponse < 2 s <script>"
    html = preview_html(p, "fr")
    assert "Temps de réponse &lt; 2 s &lt;script&gt;" in html and "<script>" not in html
    assert "<h3>1 Droit applicable et tribunaux compétents</h3>" in html
    assert '<p class="l2" style="margin-left:1.5em">1.1 Le Contrat est régi' in html
    assert "Johnson &amp; Johnson" in html
    assert f'<a href="{URL.replace("&", "&amp;")}">' in html
    assert html.startswith('<!DOCTYPE html><html lang="fr-CA">')


def test_unsupported_language_raises():
    with pytest.raises(ValueError):
        tender_document(tender_project(), "de")


def test_scenarios_list_linked_criteria():
    doc = tender_document(tender_project(lang="en"), "en")
    verified = [b for b in doc.blocks if isinstance(b, Paragraph) and b.label == "Criteria verified:"]
    assert [b.text for b in verified] == ["M-1, O-1"]


def test_a_bilingual_tender_numbers_criteria_alike_in_both_versions():
    """Bidders answering in either language cite the binding version's numbers."""
    from wizard.core.domain.numbering import criterion_numbers

    project = tender_project(lang="both")  # binding version: French
    assert criterion_numbers(project, "en") == criterion_numbers(project, "fr")
    assert list(criterion_numbers(project, "en").values())[:2] == ["OBL-1", "OBL-2"]
    english = tender_project(lang="en")
    english.info.binding_language = "en"
    assert list(criterion_numbers(english, "en").values())[:2] == ["M-1", "M-2"]


def test_clause_numbers_follow_the_multilevel_list():
    blocks = [
        Heading(1, "Clauses"),
        ClauseHeading("A"),
        ClauseParagraph("a"),
        ClauseParagraph("i", 3),
        ClauseParagraph("ii", 3),
        ClauseParagraph("b"),
        ClauseHeading("B"),
        ClauseParagraph("a"),
    ]
    assert clause_numbers(blocks) == ["", "1", "1.1", "1.1.1", "1.1.2", "1.2", "2", "2.1"]


def test_one_clause_is_previewed_with_its_tender_number():
    from wizard.core.documents.html import clause_html

    html = clause_html("Titre", [(2, "Premier"), (3, "Sous-point"), (2, "Second")], 4)
    assert "<h3>4 Titre</h3>" in html
    assert ">4.1 Premier</p>" in html and ">4.1.1 Sous-point</p>" in html and ">4.2 Second</p>" in html
    unnumbered = clause_html("Titre", [(2, "Premier")], None)
    assert "<h3>Titre</h3>" in unnumbered and ">Premier</p>" in unnumbered


def test_a_table_keeps_numeric_columns_right_aligned():
    from wizard.core.documents.blocks import Table
    from wizard.core.documents.html import table_html

    html = table_html(Table([["Option", "Total"]], [["A & B", "1 000"]], right=(1,)))
    assert '<th align="left">Option</th><th align="right">Total</th>' in html
    assert '<td align="left">A &amp; B</td><td align="right">1 000</td>' in html
