"""``load`` refuses a value outside its closed set (a choice of the model, a verification
result, an incident's severity, a published document's language or kind), naming the
field as the file writes it and the values it may hold, in each language, and writes
nothing; the operations refuse one too. A key ``load`` does not read is named on
stderr after the load succeeded (docs/file-format.md, "The project as JSON")."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest
from contract_sample import award, published

from wizard.cli import main as cli_main
from wizard.core import ops
from wizard.core.contract import ContractError, operations
from wizard.core.contract.jsonform import all_tables, ignored_keys
from wizard.core.examples import load_example
from wizard.core.model import ENTITIES, SECTIONS, Criterion, VendorExchange
from wizard.core.model.choices import choice_fields
from wizard.core.paths import resource_path
from wizard.core.project_file import codec, jsonio
from wizard.core.project_file.store import ProjectFile

TRAINING = resource_path("examples", "training.json")
ROOT = Path(__file__).resolve().parents[2]


def _data() -> dict:
    """The bundled training example (published, bids, a contract followed) as JSON data."""
    return json.loads(TRAINING.read_text(encoding="utf-8"))


def _load(data: dict) -> None:
    project, publishing, bids, contract = jsonio.loads_with_contract(json.dumps(data, ensure_ascii=False))
    all_tables(publishing, bids, contract)


def _refusal(data: dict) -> jsonio.ProjectJsonError:
    with pytest.raises(jsonio.ProjectJsonError) as info:
        _load(data)
    return info.value


def _model_choices() -> list[tuple[str, str, tuple[str, ...]]]:
    """(path of the JSON object, field, its values) for every choice of the model."""
    found = []
    for name, cls in {**SECTIONS, **ENTITIES}.items():
        where = name if name in SECTIONS else f"{name}[0]"
        found += [(where, field, values) for field, values in choice_fields(cls).items()]
    return found


def _at(data: dict, where: str) -> dict:
    if where.endswith("[0]"):
        return data[where[:-3]][0]
    return data[where]


# -- the walk's input: a criterion "required" ---------------------------------------


def test_a_criterion_of_an_unknown_kind_is_refused_in_each_language_and_nothing_written(tmp_path, capsys):
    data = _data()
    data["criteria"][0]["kind"] = "required"
    refused = _refusal(data)
    assert (
        refused.detail.fr
        == "le champ kind dans criteria, 1re ligne (id 1) doit valoir l’un de\u00a0: «\u00a0mandatory\u00a0», "
        "«\u00a0optional\u00a0»"
    )
    assert (
        refused.detail.en
        == "the field kind in criteria, row 1 (id 1) must be one of: “mandatory”, “optional”"
    )
    source = tmp_path / "in.json"
    source.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    target = tmp_path / "out.tender"
    assert cli_main(["load", str(source), str(target)]) == 2
    assert capsys.readouterr().err == (
        "Ce fichier JSON ne peut pas être chargé\u00a0: le champ kind dans criteria, 1re ligne (id 1) doit valoir "
        "l’un de\u00a0: «\u00a0mandatory\u00a0», «\u00a0optional\u00a0» / This JSON file cannot be loaded: the field "
        f"kind in criteria, row 1 (id 1) must be one of: “mandatory”, “optional” ({source})\n"
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.json"]


def test_the_clean_twin_an_optional_criterion_loads_as_optional(tmp_path, capsys):
    data = _data()
    data["criteria"][0]["kind"] = "optional"
    source = tmp_path / "in.json"
    source.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert cli_main(["load", str(source), str(tmp_path / "out.tender")]) == 0
    assert capsys.readouterr().err == ""
    with ProjectFile.open(tmp_path / "out.tender", read_only=True) as pf:
        assert pf.project.criteria[0].kind == "optional"


# -- every choice of the model ------------------------------------------------------


@pytest.mark.parametrize(("where", "field", "values"), _model_choices())
def test_every_choice_of_the_model_is_refused_outside_its_set(where, field, values):
    data = _data()
    assert _at(data, where)[field] in values  # the example holds a value of the set
    _at(data, where)[field] = values[-1].upper() + "x"  # near, not in the set
    refused = _refusal(data)
    quoted_fr = ", ".join(f"«\u00a0{v}\u00a0»" if v else "«\u00a0»" for v in values)
    quoted_en = ", ".join(f"“{v}”" for v in values)
    if where.endswith("[0]"):  # a row: its number from 1 and its id, as check names it
        row_id = _at(data, where)["id"]
        named_fr = f"{field} dans {where[:-3]}, 1re ligne (id {row_id})"
        named_en = f"{field} in {where[:-3]}, row 1 (id {row_id})"
    else:
        named_fr = named_en = f"{where}.{field}"
    assert refused.detail.fr == f"le champ {named_fr} doit valoir l’un de\u00a0: {quoted_fr}"
    assert refused.detail.en == f"the field {named_en} must be one of: {quoted_en}"


def test_the_model_choices_walked_are_all_of_them():
    walked = {(w.removesuffix("[0]"), f) for w, f, _v in _model_choices()}
    assert ("criteria", "kind") in walked and ("info", "province") in walked
    assert ("translations", "lang") in walked and ("statement_of_work", "price_adjustment") in walked
    assert len(walked) == 27  # a new choice of the model is walked by the test above


@pytest.mark.parametrize("value", ["", "QC", "YT"])
def test_the_empty_province_and_every_code_load(value):
    """The clean twins: '' (not set yet) is one of the set."""
    data = _data()
    data["info"]["province"] = value
    _load(data)


def test_a_province_in_lower_case_is_refused():
    data = _data()
    data["info"]["province"] = "qc"
    assert _refusal(data).detail.en.startswith("the field info.province must be one of: “”, “AB”, “BC”")


def test_the_published_baseline_is_read_the_same_way():
    data = _data()
    data["publishing"]["model"]["criteria"][2]["verification"] = "interview"
    assert _refusal(data).detail.en == (
        "the field verification in publishing.model.criteria, row 3 (id 3) must be one of: "
        "“document”, “scenario”, “software_access”"
    )


# -- the records' closed sets ----------------------------------------------------------


_NAMED = {
    ("verifications", 0, "result"): (
        "result dans bids.verifications, 1re ligne",
        "result in bids.verifications, row 1",
    ),
    ("incidents", 0, "severity"): (
        "severity dans contract.incidents, 1re ligne (id 1)",
        "severity in contract.incidents, row 1 (id 1)",
    ),
    ("documents", 0, "lang"): (
        "lang dans publishing.documents, 1re ligne",
        "lang in publishing.documents, row 1",
    ),
    ("documents", 0, "kind"): (
        "kind dans publishing.documents, 1re ligne",
        "kind in publishing.documents, row 1",
    ),
    ("documents", 0, "media_type"): (
        "media_type dans publishing.documents, 1re ligne",
        "media_type in publishing.documents, row 1",
    ),
    ("addenda", 0, "changes", 0, "kind"): (
        "kind dans publishing.addenda, 1re ligne, changes, 1re ligne",
        "kind in publishing.addenda, row 1, changes, row 1",
    ),
}
"""How each refusal names its row: from 1, with the row's id when it has one."""


@pytest.mark.parametrize(
    ("path", "bad", "good", "french", "english"),
    [
        (
            ("bids", "verifications", 0, "result"),
            "passed",
            "refuted",
            "«\u00a0confirmed\u00a0», «\u00a0refuted\u00a0», «\u00a0pending\u00a0»",
            "“confirmed”, “refuted”, “pending”",
        ),
        (
            ("contract", "incidents", 0, "severity"),
            "high",
            "critical",
            "«\u00a0critical\u00a0», «\u00a0major\u00a0», «\u00a0minor\u00a0»",
            "“critical”, “major”, “minor”",
        ),
        (
            ("publishing", "documents", 0, "lang"),
            "fr-CA",
            "en",
            "«\u00a0fr\u00a0», «\u00a0en\u00a0»",
            "“fr”, “en”",
        ),
        (
            ("publishing", "documents", 0, "kind"),
            "tender_document",
            "tender",
            "«\u00a0tender\u00a0», «\u00a0price_form\u00a0»",
            "“tender”, “price_form”",
        ),
        (
            ("publishing", "documents", 0, "media_type"),
            "application/msword",
            "application/pdf",
            "«\u00a0application/vnd.openxmlformats-officedocument.wordprocessingml.document\u00a0», "
            "«\u00a0application/pdf\u00a0», "
            "«\u00a0application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\u00a0»",
            "“application/vnd.openxmlformats-officedocument.wordprocessingml.document”, “application/pdf”, "
            "“application/vnd.openxmlformats-officedocument.spreadsheetml.sheet”",
        ),
        (
            ("publishing", "addenda", 0, "changes", 0, "kind"),
            "deadline",
            "date",
            "«\u00a0date\u00a0», «\u00a0text\u00a0», «\u00a0clause\u00a0», «\u00a0price_form\u00a0», «\u00a0plan\u00a0»",
            "“date”, “text”, “clause”, “price_form”, “plan”",
        ),
    ],
)
def test_a_records_value_outside_its_set_is_refused_and_its_twin_loads(path, bad, good, french, english):
    data = _data()
    fr, en = _NAMED[path[1:]]
    where = data
    for step in path[:-1]:
        where = where[step]
    where[path[-1]] = bad
    refused = _refusal(data)
    assert refused.detail.fr == f"le champ {fr} doit valoir l’un de\u00a0: {french}"
    assert refused.detail.en == f"the field {en} must be one of: {english}"
    where[path[-1]] = good
    _load(data)


# -- the operations refuse them too ------------------------------------------------------


@pytest.fixture
def pf(tmp_path):
    with ProjectFile.create(tmp_path / "p.tender", load_example("training")) as f:
        yield f


def test_the_operations_refuse_a_value_outside_its_set_and_save_nothing(pf, tmp_path):
    first = pf.project.criteria[0]
    with pytest.raises(codec.NotInSet) as caught:
        ops.update(pf, Criterion, first.id, kind="required")
    assert str(caught.value) == (
        "le champ criteria.kind doit valoir l’un de\u00a0: «\u00a0mandatory\u00a0», «\u00a0optional\u00a0» / "
        "the field criteria.kind must be one of: “mandatory”, “optional”"
    )
    with pytest.raises(codec.NotInSet, match="info.tender_languages must be one of"):
        ops.edit_section(pf, dataclasses.replace(pf.project.info, tender_languages="fr-en"))  # type: ignore[arg-type]
    with pytest.raises(codec.NotInSet, match="criteria.category must be one of"):
        ops.add(pf, Criterion(text="Un critère.", category="legal"))  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="unknown support level"):
        ops.set_support(pf, solution_id=1, feature_id=1, level="maybe")  # type: ignore[arg-type]
    count = len(pf.project.criteria)
    pf.close()
    with ProjectFile.open(tmp_path / "p.tender", read_only=True) as again:
        assert again.project.criteria[0].kind == first.kind and len(again.project.criteria) == count
        assert again.project.info.tender_languages == "both"


def test_the_operations_take_a_value_of_the_set(pf):
    """The clean twin."""
    row = ops.update(pf, Criterion, pf.project.criteria[0].id, kind="optional")
    assert row is not None and row.kind == "optional"
    ops.edit_section(pf, dataclasses.replace(pf.project.info, tender_languages="en"))
    assert pf.project.info.tender_languages == "en"


def test_a_value_kept_as_stored_stays_when_its_row_is_saved_again(tmp_path):
    """A file may hold one (written by an earlier app); editing another field of its row
    does not refuse it (docs/file-format.md, "Choice values")."""
    project = load_example("office-suite")
    project.vendor_exchanges[0].channel = "carrier pigeon"  # type: ignore[assignment]
    with ProjectFile.create(tmp_path / "p.tender", project) as f:
        row = ops.update(f, VendorExchange, f.project.vendor_exchanges[0].id, subject="Un pigeon est arrivé.")
        assert row is not None and row.channel == "carrier pigeon"
        with pytest.raises(codec.NotInSet, match="vendor_exchanges.channel must be one of"):
            ops.update(f, VendorExchange, row.id, channel="smoke signal")


def test_an_incident_of_an_unknown_severity_is_refused(tmp_path):
    with published(tmp_path) as f:
        award(f)
        with pytest.raises(ContractError, match="critical, major or minor"):
            operations.add_incident(f, started_at="2027-07-01T10:00:00-03:00", severity="high")
        assert operations.add_incident(f, started_at="2027-07-01T10:00:00-03:00", severity="minor") > 0


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["new", "--lang", "de", "{dir}/x.tender"], "--lang: de is not a choice; choose one of: fr, en."),
        (
            ["contract", "{dir}/t.tender", "incident", "--severity", "high"],
            "--severity: high is not a choice; choose one of: critical, major, minor.",
        ),
    ],
)
def test_the_command_line_refuses_a_value_outside_its_set(tmp_path, capsys, args, said):
    assert cli_main(["new", "--example", "training", str(tmp_path / "t.tender")]) == 0
    capsys.readouterr()
    before = (tmp_path / "t.tender").read_bytes()
    assert cli_main([a.replace("{dir}", str(tmp_path)) for a in args]) == 2
    assert capsys.readouterr().err.rstrip("\n").endswith(" / " + said)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["t.tender"]
    assert (tmp_path / "t.tender").read_bytes() == before


# -- keys the load does not read ----------------------------------------------------------


def test_each_ignored_key_is_named_after_the_load_in_each_language(tmp_path, capsys):
    data = _data()
    data["problem"]["notes"] = "Le texte du greffier."
    data["criteria"][1]["wieght"] = 3
    data["comment"] = "exported by hand"
    data["bids"]["bids"][0]["bidder"]["nmae"] = "x"
    data["contract"]["terms"]["note"] = "x"
    data["publishing"]["model"]["info"]["town"] = "x"
    source = tmp_path / "in.json"
    source.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    target = tmp_path / "out.tender"
    assert cli_main(["load", str(source), str(target)]) == 0
    out = capsys.readouterr()
    assert out.out == f"{target}\n"
    keys = [
        ("problem.notes", "problem.notes"),
        ("wieght dans criteria, 2e ligne (id 2)", "wieght in criteria, row 2 (id 2)"),
        ("publishing.model.info.town", "publishing.model.info.town"),
        ("bidder.nmae dans bids.bids, 1re ligne (id 1)", "bidder.nmae in bids.bids, row 1 (id 1)"),
        ("contract.terms.note", "contract.terms.note"),
        ("comment", "comment"),
    ]
    assert out.err.splitlines() == [
        f"La clé {fr} n’est pas une de celles que l’application lit\u00a0: sa valeur n’a pas été chargée. / "
        f"The key {en} is not one the app reads: its value was not loaded."
        for fr, en in keys
    ]
    with ProjectFile.open(target, read_only=True) as pf:  # the load succeeded, without them
        assert pf.project.problem.statement == data["problem"]["statement"]


def test_a_refused_file_names_no_ignored_key(tmp_path, capsys):
    data = _data()
    data["problem"]["notes"] = "x"
    data["criteria"][0]["kind"] = "required"
    source = tmp_path / "in.json"
    source.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert cli_main(["load", str(source), str(tmp_path / "out.tender")]) == 2
    assert "problem.notes" not in capsys.readouterr().err


def _stored_json() -> list[Path]:
    return sorted(ROOT.glob("resources/examples/*.json")) + sorted(ROOT.glob("tests/data/v*/*.json"))


@pytest.mark.parametrize("path", _stored_json(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_stored_json_has_no_ignored_key(path):
    """The clean twins: the examples (with a publication, bids and a contract) and the
    JSON of every earlier version (version 1's ``helped_drafting`` is read)."""
    assert ignored_keys(json.loads(path.read_text(encoding="utf-8"))) == []


def test_a_dump_has_no_ignored_key(tmp_path, capsys):
    assert cli_main(["new", "--example", "training", str(tmp_path / "t.tender")]) == 0
    assert cli_main(["dump", str(tmp_path / "t.tender")]) == 0
    text = capsys.readouterr().out.split("\n", 1)[1]
    data = json.loads(text)
    assert data["bids"] and data["contract"] and data["publishing"]
    assert ignored_keys(data) == []
