"""One click turns common features into draft mandatory criteria and differentiators
into optional ones."""

from __future__ import annotations

import pytest

from tests.core.test_market import MATRIX, scan
from wizard.core.checks.criteria import check_criteria
from wizard.core.domain import drafting
from wizard.core.model import Criterion, ExtraBrand, Feature, Project, Solution, Support
from wizard.core.project_file.store import ProjectFile, ReadOnlyFile


def scanned() -> Project:
    """Alpha–Delta; F1 (4/4) and F2 (3/4) common, F3 (1/4) and F4 (1/4) differentiators, F5 none."""
    p = scan(MATRIX, features=5)
    p.features[0].name = "Issue building permits online"
    p.features[1] = Feature(id=2, name="WCAG 2.1 level AA", kind="standard")
    p.features[2].name = "Export layers to ArcGIS Online"
    p.features[3].name = "Map of open permits"
    p.features[3].description = "Shown like PermisPlus does"
    p.extra_brands = [ExtraBrand(id=1, name="PermisPlus")]
    return p


def test_common_features_become_mandatory_and_differentiators_optional():
    drafts = drafting.draft_criteria(scanned(), "en")
    assert [(d.kind, d.feature_ids, d.category, d.verification) for d in drafts] == [
        ("mandatory", [1], "functional", "scenario"),
        ("mandatory", [2], "accessibility", "document"),
        ("optional", [3], "functional", "scenario"),
        ("optional", [4], "functional", "scenario"),
    ]
    assert drafts[0].text == "The solution offers this capability: Issue building permits online."
    assert drafts[1].text == "The solution conforms to the standard WCAG 2.1 level AA."
    assert all(d.id == 0 for d in drafts)


def test_drafts_name_no_brand_and_raise_no_brand_finding():
    p = scanned()
    drafts = drafting.draft_criteria(p, "fr")
    assert (
        drafts[2].text
        == "La solution offre cette fonctionnalité\u00a0: Export layers to [décrire la fonction sans la marque]."
    )
    assert drafts[3].text.endswith("Shown like [décrire la fonction sans la marque] does")
    p.criteria = [
        Criterion(id=i, **{k: getattr(d, k) for k in ("text", "kind", "feature_ids", "category")})
        for i, d in enumerate(drafts, 1)
    ]
    codes = {f.code for f in check_criteria(p)}
    assert not codes & {"C-BRAND", "C-TARGET", "C-COMPLIANT", "C-NOT-BINARY"}, codes


def test_features_already_linked_are_skipped():
    p = scanned()
    p.criteria = [
        Criterion(id=1, text="Online permits", feature_ids=[1]),
        Criterion(id=2, kind="optional", feature_ids=[4]),
    ]
    assert [d.feature_ids for d in drafting.draft_criteria(p, "en")] == [[2], [3]]
    p.criteria.append(Criterion(id=3, feature_ids=[2, 3]))
    assert drafting.draft_criteria(p, "en") == []


def test_thresholds_move_features_between_kinds():
    p = scanned()
    p.market.common_threshold_pct = 100  # only F1 is common now
    assert [(d.kind, d.feature_ids) for d in drafting.draft_criteria(p, "en")] == [
        ("mandatory", [1]),
        ("optional", [2]),
        ("optional", [3]),
        ("optional", [4]),
    ]


@pytest.mark.parametrize(
    ("languages", "binding", "typed"),
    [("fr", "en", "fr"), ("en", "fr", "en"), ("both", "en", "fr"), ("both", "fr", "en")],
)
def test_criteria_language_is_the_text_language(languages, binding, typed):
    """Drafts go into the fields, which hold the text language's version, whatever
    the tender's languages or binding version (issue 16)."""
    p = Project()
    p.info.tender_languages, p.info.binding_language = languages, binding
    p.info.text_language = typed
    assert drafting.criteria_language(p) == typed


def test_drafts_are_written_in_both_languages(tmp_path):
    """A draft's other version is the app's sentence from the feature's translated name;
    a feature without a translation leaves the criterion's translation missing, never
    the other language's words (issue 16)."""
    from wizard.core import ops
    from wizard.core.model import translatable
    from wizard.core.project_file.store import ProjectFile

    p = Project()
    p.info.text_language = "fr"
    p.solutions = [Solution(id=1, name="A"), Solution(id=2, name="B")]
    p.features = [
        Feature(id=1, name="Géolocalisation des véhicules"),
        Feature(id=2, name="Journal des appels"),
    ]
    p.support = [
        Support(id=1, solution_id=1, feature_id=1, level="yes"),
        Support(id=2, solution_id=2, feature_id=1, level="yes"),
        Support(id=3, solution_id=1, feature_id=2, level="yes"),
        Support(id=4, solution_id=2, feature_id=2, level="yes"),
    ]
    with ProjectFile.create(tmp_path / "d.tender", p) as pf:
        ops.set_translation(pf, address="features:1.name", lang="en", text="Vehicle location")
        saved = ops.draft_criteria(pf, lang=drafting.criteria_language(pf.project))
        texts = {c.feature_ids[0]: c for c in saved}
        assert texts[1].text == "La solution offre cette fonctionnalité\u00a0: Géolocalisation des véhicules."
        english = translatable.text_in(pf.project, f"criteria:{texts[1].id}.text", "en")
        assert english == "The solution offers this capability: Vehicle location."
        assert translatable.text_in(pf.project, f"criteria:{texts[2].id}.text", "en") == ""
        assert translatable.missing(pf.project, "en") == ["features:2.name", f"criteria:{texts[2].id}.text"]


def test_add_drafts_saves_them_with_new_ids(tmp_path):
    path = tmp_path / "d.tender"
    project = scanned()
    project.criteria = [Criterion(id=7, text="Existing", feature_ids=[1])]
    with ProjectFile.create(path, project) as pf:
        saved = drafting.add_drafts(pf, drafting.draft_criteria(pf.project, "en"))
        assert [c.id for c in saved] == [8, 9, 10]
    with ProjectFile.open(path) as pf:
        assert [(c.id, c.kind, c.feature_ids) for c in pf.project.criteria] == [
            (7, "mandatory", [1]),
            (8, "mandatory", [2]),
            (9, "optional", [3]),
            (10, "optional", [4]),
        ]


def test_add_drafts_is_all_or_nothing(tmp_path):
    path = tmp_path / "r.tender"
    ProjectFile.create(path, scanned()).close()
    with ProjectFile.open(path, read_only=True) as pf:
        with pytest.raises(ReadOnlyFile):
            drafting.add_drafts(pf, drafting.draft_criteria(pf.project, "en"))
        assert pf.project.criteria == []


def test_a_failure_midway_saves_no_draft(tmp_path, monkeypatch):
    path = tmp_path / "f.tender"
    with ProjectFile.create(path, scanned()) as pf:
        real, calls = pf.save_row, []

        def failing(kind, row):
            calls.append(kind)
            if len(calls) == 3:
                raise OSError("disk full")
            real(kind, row)

        monkeypatch.setattr(pf, "save_row", failing)
        with pytest.raises(OSError):
            drafting.add_drafts(pf, drafting.draft_criteria(pf.project, "en"))
        assert pf.project.criteria == [] and len(calls) == 3
    with ProjectFile.open(path) as pf:
        assert pf.project.criteria == []
