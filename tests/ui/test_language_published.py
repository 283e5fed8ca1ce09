"""Walk 2026-12-07 (f14): a published project opened in English, then Langue ▸ Français:
the banner of page 1 stayed English. Every page's banner follows the language switch."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel

from wizard.core.examples import load_example
from wizard.core.project_file.store import ProjectFile
from wizard.core.publishing.publish import publish
from wizard.core.steps import Step

BANNER_EN = (
    "Published on 2027-01-18: bidders hold this tender. What this page shows is read-only; "
    "it changes only through an addendum (Tender ▸ Addenda…)."
)
BANNER_FR = (
    "Publié le 2027-01-18\xa0: les soumissionnaires ont cet appel d’offres en main. Le contenu de "
    "cette page est en lecture seule; il ne change que par un addenda (Appel d’offres ▸ Addenda…)."
)


def _published(window, tmp_path):
    pf = ProjectFile.create(tmp_path / "t.tender", load_example("office-suite"))
    publish(pf, published_on="2027-01-18", moment="2027-01-18T14:00:00+00:00")
    window.set_project(pf)
    return window.wizard.page_of(Step.PROJECT)


def test_the_published_banner_follows_the_language_switch(window, tmp_path):
    page = _published(window, tmp_path)
    assert page.published_banner.isVisible()
    assert page.published_banner.text() == BANNER_EN
    window.actions_by_name["lang_fr"].trigger()
    assert page.published_banner.text() == BANNER_FR
    # the pages not shown yet are switched too
    locked = [p for p in window.wizard.step_pages.values() if p.baseline_locked()]
    assert len(locked) > 5
    assert {p.published_banner.text() for p in locked} == {BANNER_FR}
    window.actions_by_name["lang_en"].trigger()
    assert page.published_banner.text() == BANNER_EN


def test_an_unpublished_project_shows_no_banner_in_either_language(open_window):
    page = open_window.wizard.page_of(Step.PROJECT)
    assert not page.published_banner.isVisible() and page.published_banner.text() == ""
    open_window.actions_by_name["lang_fr"].trigger()
    assert not page.published_banner.isVisible() and page.published_banner.text() == ""


def _shown_texts(window) -> dict[int, tuple[str, str]]:
    """id → (object name, text) of every label, button and group box title of the
    window longer than a word or two (names and numbers do not change with the language)."""
    found: dict[int, tuple[str, str]] = {}
    for widget in window.findChildren(QLabel) + window.findChildren(QAbstractButton):
        if len(widget.text()) > 12:
            found[id(widget)] = (widget.objectName(), widget.text())
    for box in window.findChildren(QGroupBox):
        if len(box.title()) > 12:
            found[id(box)] = (box.objectName(), box.title())
    return found


def test_no_text_of_a_published_project_stays_english_after_the_switch(window, tmp_path):
    _published(window, tmp_path)
    before = _shown_texts(window)
    assert any(name == "published-banner" for name, _text in before.values())
    window.actions_by_name["lang_fr"].trigger()
    after = _shown_texts(window)
    assert [before[k] for k in before if k in after and after[k] == before[k]] == []
