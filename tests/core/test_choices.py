"""The closed sets of stored values (``wizard/core/model/choices.py``, issue #13).

A misspelt value must fail a test or mypy, not a user: every choice field of the model
is a ``Literal``, every bundled example and stored test file holds only values of the
sets, every value has a French and an English label, and a value outside its set read
from a file is kept as stored (the one fallback rule, docs/file-format.md); ``load`` and
the operations refuse one (tests/core/test_load_choices.py).
"""

from __future__ import annotations

import functools
import json
import textwrap
from pathlib import Path

import pytest
from po_messages import french_ids

from wizard.core.domain import provinces
from wizard.core.examples import example_names, load_example
from wizard.core.i18n import tr
from wizard.core.i18n.labels import VALUE_LABELS, value_label
from wizard.core.model import (
    ENTITIES,
    SECTIONS,
    BusinessUnit,
    CostLine,
    Criterion,
    Feature,
    GovernanceAnswer,
    Project,
    ProjectInfo,
    Solution,
    Support,
    VendorExchange,
    choices,
)
from wizard.core.model.choices import choice_fields, choices_of, parse_choice
from wizard.core.project_file import jsonio
from wizard.core.project_file.store import ProjectFile

DATA = Path(__file__).resolve().parents[1] / "data"
ROOT = Path(__file__).resolve().parents[2]

MODEL = {**SECTIONS, **ENTITIES}
"""Every section and entity dataclass, by its name in the project."""

EXPECTED_FIELDS = {
    ("info", "province"),
    ("info", "tender_languages"),
    ("info", "binding_language"),
    ("info", "text_language"),
    ("business_units", "role"),
    ("governance", "answer"),
    ("solutions", "licence"),
    ("solutions", "delivery"),
    ("solutions", "source"),
    ("features", "kind"),
    ("support", "level"),
    ("criteria", "category"),
    ("criteria", "kind"),
    ("criteria", "verification"),
    ("cost_lines", "category"),
    ("vendor_exchanges", "channel"),
    ("vendor_exchanges", "drafting"),
    ("translations", "lang"),
    ("contract_data", "bid_security"),
    ("contract_data", "bid_languages"),
    ("contract_data", "pilot_failure"),
    ("statement_of_work", "support_hours"),
    ("statement_of_work", "security_audit"),
    ("statement_of_work", "liability_cap"),
    ("statement_of_work", "payment_terms"),
    ("statement_of_work", "payment_period"),
    ("statement_of_work", "price_adjustment"),
}


def _choice_values(project: Project) -> list[tuple[str, str, str, tuple[str, ...]]]:
    """(where, field, value, its set) for every choice field of ``project``."""
    found = []
    for name, cls in SECTIONS.items():
        section = getattr(project, name)
        for attr, values in choice_fields(cls).items():
            found.append((name, attr, getattr(section, attr), values))
    for kind, cls in ENTITIES.items():
        for row in project.rows(kind):
            for attr, values in choice_fields(cls).items():
                found.append((f"{kind}:{row.id}", attr, getattr(row, attr), values))
    return found


def test_the_choice_fields_of_the_model():
    found = {(name, attr) for name, cls in MODEL.items() for attr in choice_fields(cls)}
    assert found == EXPECTED_FIELDS


def test_the_class_tuples_keep_their_values():
    # the tuples the code and the UI used before the Literal types, value for value
    assert BusinessUnit.ROLES == ("affected", "beneficiary", "consulted", "not_concerned")
    assert GovernanceAnswer.ANSWERS == ("", "yes", "no")
    assert Solution.LICENCES == ("proprietary", "open_source")
    assert Solution.DELIVERIES == ("on_premises", "cloud", "hybrid")
    assert Solution.SOURCES == (
        "public_documentation",
        "source_repository",
        "public_tender",
        "peer_town",
        "demo",
        "vendor_meeting",
    )
    assert Feature.KINDS == ("feature", "standard")
    assert Support.LEVELS == ("yes", "partial", "no", "unknown")
    assert Criterion.CATEGORIES == (
        "functional",
        "technical",
        "security",
        "privacy",
        "accessibility",
        "interoperability",
        "service",
    )
    assert Criterion.KINDS == ("mandatory", "optional")
    assert Criterion.VERIFICATIONS == ("document", "scenario", "software_access")
    assert CostLine.CATEGORIES[0] == "licences" and len(CostLine.CATEGORIES) == 12
    assert VendorExchange.CHANNELS == ("email", "phone", "meeting", "video", "event", "letter", "other")
    assert VendorExchange.DRAFTING_ROLES == ("none", "helped_draft", "material_used", "material_not_used")
    assert choices.TENDER_LANGUAGES == ("fr", "en", "both")
    assert choices.LANGUAGES == ("fr", "en")


@pytest.mark.parametrize(
    ("cls", "attr", "values"),
    [
        (BusinessUnit, "role", BusinessUnit.ROLES),
        (GovernanceAnswer, "answer", GovernanceAnswer.ANSWERS),
        (Solution, "licence", Solution.LICENCES),
        (Solution, "delivery", Solution.DELIVERIES),
        (Solution, "source", Solution.SOURCES),
        (Feature, "kind", Feature.KINDS),
        (Support, "level", Support.LEVELS),
        (Criterion, "category", Criterion.CATEGORIES),
        (Criterion, "kind", Criterion.KINDS),
        (Criterion, "verification", Criterion.VERIFICATIONS),
        (CostLine, "category", CostLine.CATEGORIES),
        (VendorExchange, "channel", VendorExchange.CHANNELS),
        (VendorExchange, "drafting", VendorExchange.DRAFTING_ROLES),
        (ProjectInfo, "tender_languages", ("fr", "en", "both")),
        (ProjectInfo, "binding_language", ("fr", "en")),
    ],
)
def test_choices_of_reads_the_annotation(cls, attr, values):
    assert choices_of(cls, attr) == values
    assert getattr(cls(), attr) in values  # the default is a member


def test_free_text_fields_have_no_choices():
    assert choices_of(Criterion, "text") is None
    assert choices_of(CostLine, "payer") is None
    assert choices_of(Criterion, "feature_ids") is None


def test_the_provinces_are_the_legal_data_codes():
    assert tuple(provinces.PROVINCES) == choices.PROVINCE_CODES
    assert ("", *choices.PROVINCE_CODES) == choices.PROVINCES


@pytest.mark.parametrize("name", example_names())
def test_every_bundled_example_holds_only_values_of_the_sets(name):
    project = load_example(name)
    wrong = [
        (where, attr, value) for where, attr, value, values in _choice_values(project) if value not in values
    ]
    assert wrong == []


@pytest.mark.parametrize("path", sorted(DATA.glob("v*/*.json")), ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_every_stored_test_file_holds_only_values_of_the_sets(path):
    project = jsonio.loads(path.read_text(encoding="utf-8"))
    wrong = [
        (where, attr, value) for where, attr, value, values in _choice_values(project) if value not in values
    ]
    assert wrong == []


def _all_values() -> list[tuple[str, str]]:
    return sorted(
        {
            (f"{name}.{attr}", v)
            for name, cls in MODEL.items()
            for attr, vs in choice_fields(cls).items()
            for v in vs
        }
    )


@functools.cache
def _french_ids() -> set:
    return french_ids()


@pytest.mark.parametrize(("field", "value"), _all_values())
def test_every_choice_value_has_a_french_and_an_english_label(field, value):
    if field == "info.province" and value:
        province = provinces.PROVINCES[value]
        assert province.name("fr") and province.name("en")
        return
    msgid = VALUE_LABELS.get(value)
    assert msgid, f"{field}: {value!r} has no label in i18n/labels.py VALUE_LABELS"
    assert value_label(value, "en") == msgid
    assert msgid in _french_ids(), f"{field}: the label {msgid!r} has no French translation"
    assert tr(msgid, "fr") == value_label(value, "fr")


# -- the one fallback rule ---------------------------------------------------------


def test_a_value_outside_its_set_is_refused_by_load_and_kept_by_the_apps_own_json():
    """``load`` refuses it, naming the field (tests/core/test_load_choices.py); the app's
    own JSON (an undo snapshot, a stored baseline) keeps it, as the file does."""
    project = load_example("training")
    project.criteria[0].kind = "mandatry"  # type: ignore[assignment]  # a hand-edited file
    project.info.tender_languages = "klingon"  # type: ignore[assignment]
    text = jsonio.dumps(project)
    with pytest.raises(jsonio.ProjectJsonError, match=r"info\.tender_languages must be one of"):
        jsonio.loads(text)
    loaded = jsonio.loads(text, strict=False)
    assert loaded.criteria[0].kind == "mandatry"
    assert loaded.info.tender_languages == "klingon"
    assert jsonio.dumps(loaded) == text


def test_a_value_outside_its_set_is_kept_as_stored_by_the_file(tmp_path):
    project = load_example("office-suite")
    project.vendor_exchanges[0].channel = "carrier pigeon"  # type: ignore[assignment]
    with ProjectFile.create(tmp_path / "p.tender", project):
        pass
    with ProjectFile.open(tmp_path / "p.tender") as pf:
        assert pf.project.vendor_exchanges[0].channel == "carrier pigeon"
        assert jsonio.dumps(pf.project) == jsonio.dumps(project)


def test_a_choice_of_another_type_is_refused_like_a_string():
    data = json.loads(jsonio.dumps(load_example("training")))
    data["criteria"][0]["kind"] = 3
    with pytest.raises(
        jsonio.ProjectJsonError,
        match=r"^the field kind in criteria, row 1 \(id 1\) must be a text in double quotes$",
    ):
        jsonio.from_dict(data)


def test_parse_choice():
    assert parse_choice("en", choices.LANGUAGES, "fr") == "en"
    assert parse_choice("EN", choices.LANGUAGES, "fr") == "fr"
    assert parse_choice("", choices.LANGUAGES, "fr") == "fr"


# -- mypy sees a misspelt value ------------------------------------------------------


def test_mypy_rejects_a_misspelt_value(tmp_path, monkeypatch):
    api = pytest.importorskip("mypy.api")
    monkeypatch.chdir(ROOT)  # mypy finds this checkout's wizard package
    source = tmp_path / "misspelt.py"
    source.write_text(
        textwrap.dedent(
            """
            from wizard.core.model import Criterion, Project

            criterion = Criterion(kind="mandatory")
            criterion.kind = "mandatry"
            Criterion(verification="scenarios")
            Project().info.tender_languages = "bilingual"
            """
        ),
        encoding="utf-8",
    )
    out, _err, status = api.run(
        ["--no-incremental", "--follow-imports=silent", "--ignore-missing-imports", str(source)]
    )
    assert status == 1, out
    assert out.count("error:") == 3, out
    assert "misspelt.py:5:" in out and "misspelt.py:6:" in out and "misspelt.py:7:" in out
