"""Search across the project's texts (Edit ▸ Find): addresses the app can focus."""

from __future__ import annotations

from wizard.core import search
from wizard.core.examples import load_example
from wizard.core.model import Criterion, Project, Translation


def _project() -> Project:
    p = Project()
    p.problem.statement = "Les équipes d'intervention doivent voir la carte hors ligne."
    p.criteria = [
        Criterion(id=1, text="The solution works offline on a tablet.", kind="mandatory"),
        Criterion(id=2, text="Évaluation des rapports en français.", kind="optional"),
    ]
    p.translations = [Translation(id=1, address="criteria:2.text", lang="en", text="Reports in French.")]
    return p


def test_every_word_in_any_order_without_case_or_accents():
    hits = search.search(_project(), "  EVALUATION francais ")
    assert [(h.address, h.lang) for h in hits] == [("criteria:2.text", "")]
    assert hits[0].snippet == "Évaluation des rapports en français."


def test_a_translation_points_at_its_text_and_says_its_language():
    hits = search.search(_project(), "reports")
    assert [(h.address, h.lang) for h in hits] == [("criteria:2.text", "en")]


def test_sections_first_then_rows_and_choice_keys_are_not_texts():
    p = _project()
    assert [h.address for h in search.search(p, "offline")] == ["criteria:1.text"]
    assert [h.address for h in search.search(p, "hors ligne")] == ["problem.statement"]
    assert search.search(p, "mandatory") == []
    assert search.search(p, "   ") == []


def test_a_long_text_gives_a_snippet_around_the_word():
    p = Project()
    p.problem.context = "Mot " * 40 + "cartographie " + "fin " * 40
    (hit,) = search.search(p, "cartographie")
    assert "cartographie" in hit.snippet and hit.snippet.startswith("…") and hit.snippet.endswith("…")
    assert len(hit.snippet) <= search.SNIPPET_CHARS + 2


def test_an_example_and_the_limit():
    example = load_example("office-suite")
    hits = search.search(example, "e", limit=5)
    assert len(hits) == 5
    assert all(h.address for h in hits)
