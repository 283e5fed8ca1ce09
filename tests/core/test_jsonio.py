"""Project as JSON (docs/file-format.md): dump → load → dump is identical; bad JSON gets a message
naming the field and never a half-built project."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from wizard.cli import main as cli_main
from wizard.core.examples import example_names, load_example
from wizard.core.model import CostLine, Criterion, Project, Support, TcoOption
from wizard.core.paths import resource_path
from wizard.core.project_file import jsonio
from wizard.core.project_file.store import ProjectFile

DATA = Path(__file__).resolve().parents[1] / "data"

EXAMPLES = ["emergency-perimeter", "office-suite", "training"]


@pytest.mark.parametrize("name", EXAMPLES)
def test_example_file_is_in_canonical_form(name):
    """The stored file is exactly what ``dumps`` writes, so every model field is in it."""
    text = resource_path("examples", f"{name}.json").read_text(encoding="utf-8")
    assert jsonio.dumps(*jsonio.loads_with_contract(text)) == text, (
        f"{name}.json is stale: regenerate it with "
        f'python -c "from wizard.core.project_file import jsonio; from wizard.core import examples; '
        f"print(jsonio.dumps(*examples.load_example_with_contract('{name}')), end='')\" "
        f"> resources/examples/{name}.json"
    )


@pytest.mark.parametrize("name", EXAMPLES)
def test_dump_load_dump_through_the_project_file(name, tmp_path):
    project = load_example(name)
    first = jsonio.dumps(project)
    ProjectFile.create(tmp_path / "x.tender", project).close()
    with ProjectFile.open(tmp_path / "x.tender", read_only=True) as pf:
        assert jsonio.dumps(pf.project) == first
        assert pf.project == project


def test_example_names_are_the_three_bundled_cases():
    assert example_names() == EXAMPLES


def test_dump_keeps_accents_decimals_and_key_order():
    project = Project()
    project.info.organization = "Ville de Saint-Aurèle"
    project.tco_options = [TcoOption(id=1, name="Sur place")]
    project.cost_lines = [CostLine(id=1, option_id=1, amount=Decimal("120000.50"))]
    text = jsonio.dumps(project)
    assert '"organization": "Ville de Saint-Aurèle"' in text
    assert '"amount": "120000.50"' in text
    data = json.loads(text)
    assert list(data)[:4] == ["format", "version", "info", "problem"]
    assert data["format"] == "open-procurement-wizard" and data["version"] == jsonio.VERSION == 7


def test_missing_keys_take_defaults_and_unknown_keys_are_ignored():
    text = json.dumps(
        {"format": "open-procurement-wizard", "version": 1, "info": {"title": "T", "colour": "red"}}
    )
    project = jsonio.loads(text)
    assert project.info.title == "T" and project.info.tender_languages == "fr"
    assert project.criteria == []


def _doc(**sections):
    return json.dumps({"format": "open-procurement-wizard", "version": 1, **sections})


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("{not json", "invalid JSON"),
        ('["a list"]', "not an Open Procurement Wizard project"),
        (json.dumps({"format": "other", "version": 1}), "not an Open Procurement Wizard project"),
        (json.dumps({"format": "open-procurement-wizard", "version": 99}), "newer version"),
        (json.dumps({"format": "open-procurement-wizard", "version": 8}), "newer version"),
        (
            json.dumps({"format": "open-procurement-wizard", "version": "1"}),
            "the field version must be a whole",
        ),
        (_doc(info={"province": 5}), "info.province"),
        (_doc(scope={"mission_critical": "yes"}), "scope.mission_critical"),
        (_doc(tco={"horizon_years": 5.5}), "tco.horizon_years"),
        (_doc(tco={"discount_rate_pct": "sept"}), "tco.discount_rate_pct"),
        (_doc(tco={"discount_rate_pct": "NaN"}), "tco.discount_rate_pct"),
        (_doc(problem=["not", "an", "object"]), "problem"),
        (_doc(criteria={"id": 1}), "criteria"),
        (_doc(criteria=[{"id": 1}, "text"]), "criteria, row 2"),  # a row that is no object: its number alone
        (_doc(criteria=[{"id": 1, "feature_ids": [1, "2"]}]), "feature_ids in criteria, row 1 (id 1)"),
        (_doc(criteria=[{"id": 1}, {"id": 1}]), "id in criteria, row 2 (id 1)"),
        (_doc(cost_lines=[{"id": 1, "option_id": 7}]), "option_id in cost_lines, row 1 (id 1)"),
        (
            _doc(vendor_exchanges=[{"id": 1}, {"id": 2, "helped_drafting": "yes"}]),
            "helped_drafting in vendor_exchanges, row 2 (id 2)",
        ),
        (
            _doc(vendor_exchanges=[{"id": 1, "helped_drafting": 2}]),
            "helped_drafting in vendor_exchanges, row 1 (id 1)",
        ),
        (
            _doc(solutions=[{"id": 1}], support=[{"id": 1, "solution_id": 1, "feature_id": 3}]),
            "feature_id in support, row 1 (id 1)",
        ),
    ],
)
def test_bad_json_names_the_problem(text, named):
    with pytest.raises(jsonio.ProjectJsonError) as info:
        jsonio.loads(text)
    assert named in str(info.value)


@pytest.mark.parametrize(
    ("text", "french", "english"),
    [
        ("", "le fichier est vide", "the file is empty"),
        (
            '{"format": "open-procurement-wizard",}',
            "à la ligne 1, colonne 37, une virgule n’est suivie d’aucune valeur",
            "at line 1, column 37, a comma is followed by no value",
        ),
        (
            '{"criteria": [1, 2,\n  ]}',
            "à la ligne 1, colonne 19, une virgule n’est suivie d’aucune valeur",
            "at line 1, column 19, a comma is followed by no value",
        ),
        (
            '{"format", 1}',
            "à la ligne 1, colonne 10, il manque le deux-points après un nom",
            "at line 1, column 10, a colon is missing after a name",
        ),
        (
            "{format: 1}",
            "à la ligne 1, colonne 2, un nom entre guillemets droits est attendu",
            "at line 1, column 2, a name in double quotes is expected",
        ),
        (
            '{\n  "format" "open-procurement-wizard"}',
            "à la ligne 2, colonne 12, il manque le deux-points après un nom",
            "at line 2, column 12, a colon is missing after a name",
        ),
        (
            '{"format": "open-procurement-wizard"\n "version": 7}',
            "à la ligne 2, colonne 2, il manque une virgule entre deux valeurs",
            "at line 2, column 2, a comma is missing between two values",
        ),
        (
            '{"info": {"title": "Côté\nnord"}}',
            "à la ligne 1, colonne 25, un texte entre guillemets droits contient un saut de ligne",
            "at line 1, column 25, a text in double quotes holds a line break",
        ),
        (
            '{"info": nul}',
            "à la ligne 1, colonne 10, une valeur manque",
            "at line 1, column 10, a value is missing",
        ),
        ('{"a": "\\q"}', "ne commence aucune séquence d’échappement valide", "begins no valid escape"),
        (
            '{"a": "abc',
            "un texte entre guillemets droits n’est pas refermé",
            "a text in double quotes is not closed",
        ),
        (
            "{} {}",
            "à la ligne 1, colonne 4, du texte suit la fin du JSON",
            "more text follows the end of the JSON",
        ),
    ],
)
def test_the_json_readers_errors_are_said_in_each_language(text, french, english, tmp_path, capsys):
    """``load`` of text the JSON reader refuses: the kind of error in plain words and its
    position in the message's language, never the reader's English ("Expecting value:
    line 1 column 1 (char 0)") in the French half."""
    with pytest.raises(jsonio.ProjectJsonError) as info:
        jsonio.loads(text)
    detail = info.value.detail
    assert french in detail.fr and english in detail.en
    assert "Expecting" not in detail.fr + detail.en and "(char " not in detail.fr + detail.en
    assert "line" not in detail.fr and "ligne" not in detail.en
    source = tmp_path / "in.json"
    source.write_text(text, encoding="utf-8")
    assert cli_main(["load", str(source), str(tmp_path / "out.tender")]) == 2
    assert capsys.readouterr().err == (
        f"Ce fichier JSON ne peut pas être chargé\u00a0: {detail.fr} / "
        f"This JSON file cannot be loaded: {detail.en} ({source})\n"
    )


def test_the_clean_twin_of_a_json_error_loads(tmp_path, capsys):
    source = tmp_path / "in.json"
    source.write_text('{"format": "open-procurement-wizard",\n "version": 7}', encoding="utf-8")
    assert cli_main(["load", str(source), str(tmp_path / "out.tender")]) == 0
    assert capsys.readouterr().err == "" and (tmp_path / "out.tender").is_file()


def test_a_file_not_utf8_is_said_in_each_language(tmp_path, capsys):
    source = tmp_path / "latin1.json"
    source.write_bytes('{"info": {"title": "Côté"}}'.encode("latin-1"))
    assert cli_main(["load", str(source), str(tmp_path / "out.tender")]) == 2
    assert capsys.readouterr().err == (
        "Ce fichier JSON ne peut pas être chargé\u00a0: le fichier n’est pas du texte UTF-8 / "
        f"This JSON file cannot be loaded: the file is not UTF-8 text ({source})\n"
    )


def test_load_file_not_utf8(tmp_path):
    path = tmp_path / "latin1.json"
    path.write_bytes(
        json.dumps(
            {"format": "open-procurement-wizard", "version": 1, "info": {"title": "Côté"}}, ensure_ascii=False
        ).encode("latin-1")
    )
    with pytest.raises(jsonio.ProjectJsonError, match="UTF-8"):
        jsonio.load_file(path)


def test_links_that_exist_load():
    project = Project()
    project.criteria = [
        Criterion(id=2, feature_ids=[9])
    ]  # criteria links are checked by the checks, not here
    project.support = []
    text = jsonio.dumps(project)
    assert jsonio.loads(text).criteria[0].feature_ids == [9]


def test_support_cells_round_trip():
    example = load_example("emergency-perimeter")
    levels = {(c.solution_id, c.feature_id): c.level for c in example.support}
    again = jsonio.loads(jsonio.dumps(example))
    assert {(c.solution_id, c.feature_id): c.level for c in again.support} == levels
    assert isinstance(again.support[0], Support)


# -- JSON version 1: the register's helped_drafting flag (issue 15 point 2) -------------


def test_version_1_json_reads_helped_drafting_as_the_drafting_it_became():
    """JSON written before version 2 loads: ``helped_drafting`` true is ``helped_draft``
    (the vendor stays excluded), false ``none``, missing or null the default; a row that
    already says ``drafting`` keeps it. ``dump`` then writes version 2 with ``drafting``
    and no ``helped_drafting``."""
    rows = [
        {"id": 1, "vendor": "Globex", "helped_drafting": True},
        {"id": 2, "vendor": "Initech", "helped_drafting": False},
        {"id": 3, "vendor": "Acme"},
        {"id": 4, "vendor": "Umbrella", "helped_drafting": None},
        {"id": 5, "vendor": "Hooli", "helped_drafting": True, "drafting": "material_not_used"},
    ]
    source = {"format": "open-procurement-wizard", "version": 1, "vendor_exchanges": rows}
    project = jsonio.loads(json.dumps(source))
    assert [(e.vendor, e.drafting) for e in project.vendor_exchanges] == [
        ("Globex", "helped_draft"),
        ("Initech", "none"),
        ("Acme", "none"),
        ("Umbrella", "none"),
        ("Hooli", "material_not_used"),
    ]
    assert source["vendor_exchanges"][0] == {
        "id": 1,
        "vendor": "Globex",
        "helped_drafting": True,
    }  # untouched
    data = json.loads(jsonio.dumps(project))
    assert data["version"] == jsonio.VERSION
    assert [e["drafting"] for e in data["vendor_exchanges"]] == [
        "helped_draft",
        "none",
        "none",
        "none",
        "material_not_used",
    ]
    assert all("helped_drafting" not in e for e in data["vendor_exchanges"])


@pytest.mark.parametrize("stored", sorted(DATA.glob("v1/*.json")), ids=lambda p: p.stem)
def test_the_stored_version_1_dumps_load_with_their_exclusions(stored):
    then = json.loads(stored.read_text(encoding="utf-8"))
    assert then["version"] == 1
    project = jsonio.load_file(stored)
    flagged = [e["id"] for e in then["vendor_exchanges"] if e["helped_drafting"]]
    assert flagged  # each example flagged one vendor in version 1
    assert [e.id for e in project.vendor_exchanges if e.drafting == "helped_draft"] == flagged
    assert {e.drafting for e in project.vendor_exchanges if e.id not in flagged} == {"none"}


# -- JSON version 3: the texts' language and their translations (issue 16) -------------


@pytest.mark.parametrize(
    ("languages", "binding", "typed"),
    [("fr", "en", "fr"), ("en", "fr", "en"), ("both", "en", "en"), ("both", "junk", "fr")],
)
def test_json_before_version_3_reads_its_texts_as_the_binding_language(languages, binding, typed):
    source = {
        "format": "open-procurement-wizard",
        "version": 2,
        "info": {"tender_languages": languages, "binding_language": binding},
        "problem": {"statement": "Les pompiers doivent voir leurs véhicules."},
    }
    strict = binding in ("fr", "en")  # load refuses a value outside its set; the app's own JSON keeps it
    if not strict:
        with pytest.raises(jsonio.ProjectJsonError, match=r"the field info\.binding_language must be one of"):
            jsonio.loads(json.dumps(source))
    project = jsonio.loads(json.dumps(source), strict=strict)
    assert project.info.text_language == typed
    assert project.translations == []
    data = json.loads(jsonio.dumps(project))
    assert (
        data["version"] == jsonio.VERSION
        and data["info"]["text_language"] == typed
        and data["translations"] == []
    )


def test_translations_round_trip_and_duplicates_are_refused():
    from wizard.core.model import Translation

    project = Project()
    project.problem.statement = "Les pompiers doivent voir leurs véhicules sur une carte."
    project.translations = [
        Translation(1, "problem.statement", "en", "Firefighters must see their trucks on a map.")
    ]
    text = jsonio.dumps(project)
    assert '"address": "problem.statement"' in text and '"lang": "en"' in text
    assert jsonio.dumps(jsonio.loads(text)) == text
    data = json.loads(text)
    data["translations"].append({"id": 2, "address": "problem.statement", "lang": "en", "text": "Other"})
    with pytest.raises(jsonio.ProjectJsonError, match="translations"):
        jsonio.loads(json.dumps(data))
