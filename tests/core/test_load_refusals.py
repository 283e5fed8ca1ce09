"""``load`` refuses a field of the wrong shape naming it, in each language, in plain
words (wizard/core/project_file/expected.py), and a follow-up text over the limit the
contract's operations apply (``codec.MAX_TEXT``), leaving no file behind."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from row_names import named

from wizard.cli import main as cli_main
from wizard.core.contract import operations
from wizard.core.contract.jsonform import all_tables
from wizard.core.paths import resource_path
from wizard.core.project_file import codec, jsonio

TRAINING = resource_path("examples", "training.json")


def _data() -> dict:
    """The bundled training example (published, bids, a contract followed) as JSON data."""
    return json.loads(TRAINING.read_text(encoding="utf-8"))


def _refusal(data: dict) -> jsonio.ProjectJsonError:
    text = json.dumps(data, ensure_ascii=False)
    with pytest.raises(jsonio.ProjectJsonError) as info:
        project, publishing, bids, contract = jsonio.loads_with_contract(text)
        all_tables(publishing, bids, contract)
    return info.value


def test_the_example_loads_whole():
    """The clean twin of every refusal below."""
    project, publishing, bids, contract = jsonio.loads_with_contract(TRAINING.read_text(encoding="utf-8"))
    tables = all_tables(publishing, bids, contract)
    assert tables is not None and len(tables["payments"]) == 7 and len(tables["incidents"]) == 1


@pytest.mark.parametrize(
    ("change", "french", "english"),
    [
        (
            lambda d: d["contract"].update(terms=[]),
            "le champ contract.terms doit être un objet JSON (entre accolades)",
            "the field contract.terms must be a JSON object (in braces)",
        ),
        (
            lambda d: d["contract"].update(payments={"id": 1}),
            "le champ contract.payments doit être une liste d’objets JSON (entre crochets)",
            "the field contract.payments must be a list of JSON objects (in square brackets)",
        ),
        (
            lambda d: d["contract"]["payments"][2].update(amount=12000),
            "le champ amount dans contract.payments, 3e ligne (id 3) doit être un montant\u00a0: un nombre décimal entre guillemets droits",
            "the field amount in contract.payments, row 3 (id 3) must be an amount: a decimal number in double quotes",
        ),
        (
            lambda d: d["contract"]["reports"][1].update(credits_due="beaucoup"),
            "le champ credits_due dans contract.reports, 2e ligne (id 2) doit être un montant\u00a0: un nombre décimal entre guillemets",
            "the field credits_due in contract.reports, row 2 (id 2) must be an amount: a decimal number in double quotes",
        ),
        (
            lambda d: d["contract"]["amendments"][0].update(term_change_months="3"),
            "le champ term_change_months dans contract.amendments, 1re ligne (id 1) doit être un nombre entier",
            "the field term_change_months in contract.amendments, row 1 (id 1) must be a whole number",
        ),
        (
            lambda d: d["contract"]["incidents"][0].update(security="no"),
            "le champ security dans contract.incidents, 1re ligne (id 1) doit être true (vrai) ou false (faux)",
            "the field security in contract.incidents, row 1 (id 1) must be true or false",
        ),
        (
            lambda d: d["contract"]["incidents"][0].update(report_id=9),
            "le champ report_id dans contract.incidents, 1re ligne (id 1) désigne la ligne 9, que la liste contract.reports ne",
            "the field report_id in contract.incidents, row 1 (id 1) names the row 9, which contract.reports does not hold",
        ),
        (
            lambda d: d["bids"]["bids"][0].update(late="no"),
            "le champ late dans bids.bids, 1re ligne (id 1) doit être true (vrai) ou false (faux)",
            "the field late in bids.bids, row 1 (id 1) must be true or false",
        ),
        (
            lambda d: d["bids"]["bids"][0].update(acknowledged=["1"]),
            "le champ acknowledged dans bids.bids, 1re ligne (id 1) doit être une liste de numéros d’addenda",
            "the field acknowledged in bids.bids, row 1 (id 1) must be a list of addendum numbers",
        ),
        (
            lambda d: d["bids"]["bids"][0]["workbook"].update(content="pas du base64!"),
            "le champ workbook.content dans bids.bids, 1re ligne (id 1) doit être le contenu du fichier en base64",
            "the field workbook.content in bids.bids, row 1 (id 1) must be the file's content in base64",
        ),
        (
            lambda d: d["publishing"]["addenda"][0].update(state="sent"),
            "le champ state dans publishing.addenda, 1re ligne doit être «\u00a0draft\u00a0» (brouillon) ou «\u00a0issued\u00a0» (émis)",
            "the field state in publishing.addenda, row 1 must be “draft” or “issued”",
        ),
        (
            lambda d: d["publishing"]["model"]["info"].update(title=["a", "list"]),
            "le champ publishing.model.info.title doit être un texte entre guillemets droits",
            "the field publishing.model.info.title must be a text in double quotes",
        ),
        (
            lambda d: d["criteria"][1].update(id=d["criteria"][0]["id"]),
            "le champ id dans criteria, 2e ligne (id 1) reprend l’identifiant",
            "the field id in criteria, row 2 (id 1) repeats the id",
        ),
        (
            lambda d: d["contract"]["payments"].append(dict(d["contract"]["payments"][0])),
            "le champ id dans contract.payments, 8e ligne (id 1) reprend l’identifiant 1 d’une ligne précédente de la liste "
            "contract.payments\u00a0: chaque ligne a besoin du sien",
            "the field id in contract.payments, row 8 (id 1) repeats the id 1 of an earlier row of contract.payments: each row "
            "needs its own",
        ),
        (
            lambda d: d["publishing"]["addenda"][0]["changes"].append({"kind": "rewrite"}),
            "le champ kind dans publishing.addenda, 1re ligne, changes, 2e ligne doit valoir l’un de\u00a0: «\u00a0date\u00a0», «\u00a0text\u00a0», «\u00a0clause\u00a0»",
            "the field kind in publishing.addenda, row 1, changes, row 2 must be one of: “date”, “text”, “clause”",
        ),
        (
            lambda d: d["tco"].update(horizon_years=5.5),
            "le champ tco.horizon_years doit être un nombre entier",
            "the field tco.horizon_years must be a whole number",
        ),
        (
            lambda d: d.update(version="7"),
            "le champ version doit être un nombre entier",
            "the field version must be a whole number",
        ),
    ],
)
def test_a_field_of_the_wrong_shape_is_named_in_each_language(change, french, english):
    data = _data()
    change(data)
    refused = _refusal(data)
    assert refused.detail.fr.startswith(french)
    assert refused.detail.en.startswith(english)
    assert str(refused) == refused.detail.en


def test_the_command_line_says_it_in_french_first(tmp_path, capsys):
    """The CLI writes one bilingual line, French then English (README, "Command line")."""
    data = _data()
    data["contract"]["terms"] = "none"
    source = tmp_path / "in.json"
    source.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    target = tmp_path / "out.tender"
    assert cli_main(["load", str(source), str(target)]) == 2
    err = capsys.readouterr().err
    assert err == (
        "Ce fichier JSON ne peut pas être chargé\u00a0: le champ contract.terms doit être un objet JSON "
        "(entre accolades) / This JSON file cannot be loaded: the field contract.terms must be a JSON "
        f"object (in braces) ({source})\n"
    )
    assert not target.exists()


_LONG = codec.MAX_TEXT + 1


@pytest.mark.parametrize(
    ("key", "index", "name"),
    [
        ("amendments", 0, "reason"),
        ("reports", 1, "notes"),
        ("incidents", 0, "description"),
        ("payments", 3, "invoice_number"),
        ("payments", 6, "notes"),
        ("terms", None, "notes"),
    ],
)
def test_a_follow_up_text_over_the_limit_is_refused_and_nothing_written(tmp_path, capsys, key, index, name):
    """The operations refuse these texts over ``codec.MAX_TEXT`` (``operations._TOO_LONG``);
    a JSON file used to carry them into the file."""
    assert operations.MAX_TEXT == codec.MAX_TEXT
    data = _data()
    where = data["contract"][key]
    (where if index is None else where[index])[name] = "x" * _LONG
    field, english = named(data, ("contract", key, name) if index is None else ("contract", key, index, name))
    refused = _refusal(data)
    assert refused.detail.fr == f"le champ {field} compte 100\u00a0001 caractères, au plus 100\u00a0000"
    assert refused.detail.en == f"the field {english} holds 100,001 characters, at most 100,000"
    source = tmp_path / "in.json"
    source.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    target = tmp_path / "out.tender"
    assert cli_main(["load", str(source), str(target)]) == 2
    err = capsys.readouterr().err
    assert f"le champ {field} compte 100\u00a0001 caractères, au plus 100\u00a0000 / " in err
    assert not target.exists() and sorted(p.name for p in tmp_path.iterdir()) == ["in.json"]


def test_a_follow_up_text_at_the_limit_loads(tmp_path):
    """The clean twin: exactly ``codec.MAX_TEXT`` characters, as the operations take."""
    data = _data()
    data["contract"]["reports"][1]["notes"] = "x" * codec.MAX_TEXT
    source = tmp_path / "in.json"
    source.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert cli_main(["load", str(source), str(tmp_path / "out.tender")]) == 0
    assert Path(tmp_path / "out.tender").is_file()


# The bids and the publication: a text over codec.MAX_TEXT, as their operations refuse it
# (bids.common.TOO_LONG, publishing.addenda.TOO_LONG), and a row that repeats another


@pytest.mark.parametrize(
    "path",
    [
        ("bids", "bids", 2, "notes"),
        ("bids", "bids", 0, "rejected"),
        ("bids", "bids", 1, "bidder", "legal_name"),
        ("bids", "mandatory", 3, "evidence"),
        ("bids", "verifications", 4, "notes"),
        ("bids", "sheets", 5, "reason"),
        ("bids", "consensus", 6, "reason"),
        ("bids", "quality_lock", "locked_by"),
        ("bids", "opening", "witnesses"),
        ("bids", "award", "reason_if_not_top"),
        ("bids", "award", "signatory"),
        ("publishing", "addenda", 0, "questions", 0, "answer_en"),
        ("publishing", "addenda", 0, "questions", 0, "question_fr"),
        ("publishing", "addenda", 0, "changes", 0, "new_fr"),
    ],
)
def test_a_bids_or_publishing_text_over_the_limit_is_refused_and_nothing_written(tmp_path, capsys, path):
    data = _data()
    where = data
    for step in path[:-1]:
        where = where[step]
    where[path[-1]] = "x" * _LONG
    field, english = named(data, path)
    refused = _refusal(data)
    assert refused.detail.fr == f"le champ {field} compte 100\u00a0001 caractères, au plus 100\u00a0000"
    assert refused.detail.en == f"the field {english} holds 100,001 characters, at most 100,000"
    source = tmp_path / "in.json"
    source.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    target = tmp_path / "out.tender"
    assert cli_main(["load", str(source), str(target)]) == 2
    assert (
        f"le champ {field} compte 100\u00a0001 caractères, au plus 100\u00a0000 / " in capsys.readouterr().err
    )
    assert not target.exists() and sorted(p.name for p in tmp_path.iterdir()) == ["in.json"]


def test_bids_and_publishing_texts_at_the_limit_load_whole(tmp_path):
    """The clean twin: exactly ``codec.MAX_TEXT`` characters load, and stay whole."""
    from wizard.core.bids.record import read as read_bids
    from wizard.core.project_file.store import ProjectFile
    from wizard.core.publishing.record import read as read_publishing

    data = _data()
    data["bids"]["bids"][2]["notes"] = "n" * codec.MAX_TEXT
    data["bids"]["award"]["signatory"] = "s" * codec.MAX_TEXT
    data["publishing"]["addenda"][0]["questions"][0]["answer_en"] = "a" * codec.MAX_TEXT
    source = tmp_path / "in.json"
    source.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert cli_main(["load", str(source), str(tmp_path / "out.tender")]) == 0
    with ProjectFile.open(tmp_path / "out.tender", read_only=True) as f:
        bids = read_bids(f)
        assert bids.bids[2].notes == "n" * codec.MAX_TEXT
        assert bids.award is not None and bids.award.signatory == "s" * codec.MAX_TEXT
        assert read_publishing(f).addenda[0].questions[0].answer_en == "a" * codec.MAX_TEXT


def _again(key: str, index: int, **changes: object):
    """Append to ``bids[key]`` a copy of its row ``index`` with ``changes``."""

    def change(data: dict) -> None:
        rows = data["bids"][key] if key not in ("workbooks", "amounts") else data["bids"]["opening"][key]
        rows.append({**rows[index], **changes})

    return change


def _addendum_again(data: dict, **changes: object) -> None:
    addenda = data["publishing"]["addenda"]
    addenda.append({**json.loads(json.dumps(addenda[0])), **changes})


@pytest.mark.parametrize(
    ("change", "french", "english"),
    [
        (
            _again("mandatory", 0),
            "le champ bids.mandatory, 16e ligne reprend la soumission 1 et le critère 1 de bids.mandatory, 1re ligne\u00a0: "
            "n’en gardez qu’un des deux",
            "the field bids.mandatory, row 16 repeats the bid 1 and the criterion 1 of bids.mandatory, row 1: keep one "
            "of the two",
        ),
        (
            _again("mandatory", 7, passed=False, evidence="autre"),
            "le champ bids.mandatory, 16e ligne reprend la soumission 3 et le critère 3 de bids.mandatory, 8e ligne\u00a0:",
            "the field bids.mandatory, row 16 repeats the bid 3 and the criterion 3 of bids.mandatory, row 8:",
        ),
        (
            _again("verifications", 14),
            "le champ bids.verifications, 16e ligne reprend la soumission 3 et le scénario 5 de bids.verifications, 15e ligne\u00a0:",
            "the field bids.verifications, row 16 repeats the bid 3 and the scenario 5 of bids.verifications, row 15:",
        ),
        (
            _again("sheets", 11, points=0),
            "le champ bids.sheets, 41e ligne reprend la soumission 1, le membre 2 du comité de sélection et le "
            "critère 7 de bids.sheets, 12e ligne\u00a0:",
            "the field bids.sheets, row 41 repeats the bid 1, the jury member 2 and the criterion 7 of bids.sheets, row 12:",
        ),
        (
            _again("consensus", 0, reason="autre"),
            "le champ bids.consensus, 21e ligne reprend la soumission 1 et le critère 6 de bids.consensus, 1re ligne\u00a0:",
            "the field bids.consensus, row 21 repeats the bid 1 and the criterion 6 of bids.consensus, row 1:",
        ),
        (
            lambda d: d["bids"]["grid_sheets"].extend(
                [{"bid_id": 3, "jury_member_id": 2, "item_id": 4, "points": 5, "reason": ""}] * 2
            ),
            "le champ bids.grid_sheets, 2e ligne reprend la soumission 3, le membre 2 du comité de sélection et le "
            "critère 4 de la grille de bids.grid_sheets, 1re ligne\u00a0:",
            "the field bids.grid_sheets, row 2 repeats the bid 3, the jury member 2 and the grid item 4 of "
            "bids.grid_sheets, row 1:",
        ),
        (
            lambda d: d["bids"]["grid_consensus"].extend([{"bid_id": 1, "item_id": 2, "points": 8}] * 2),
            "le champ bids.grid_consensus, 2e ligne reprend la soumission 1 et le critère 2 de la grille de "
            "bids.grid_consensus, 1re ligne\u00a0:",
            "the field bids.grid_consensus, row 2 repeats the bid 1 and the grid item 2 of bids.grid_consensus, row 1:",
        ),
        (
            _again("workbooks", 1),
            "le champ bids.opening.workbooks, 4e ligne reprend la soumission 2 de bids.opening.workbooks, 2e ligne\u00a0:",
            "the field bids.opening.workbooks, row 4 repeats the bid 2 of bids.opening.workbooks, row 2:",
        ),
        (
            _again("amounts", 0, amount="1"),
            "le champ bids.opening.amounts, 73e ligne reprend la soumission 1, la ligne one_off.implementation et "
            "l’année 0 de bids.opening.amounts, 1re ligne\u00a0:",
            "the field bids.opening.amounts, row 73 repeats the bid 1, the line one_off.implementation and the "
            "year 0 of bids.opening.amounts, row 1:",
        ),
        (
            lambda d: d["bids"]["bids"][3].update(acknowledged=[1, 1]),
            "le champ bids.bids, 4e ligne (id 4), acknowledged, 2e ligne reprend le numéro d’addenda 1 de bids.bids, 4e ligne (id 4), acknowledged, 1re ligne\u00a0:",
            "the field bids.bids, row 4 (id 4), acknowledged, row 2 repeats the addendum number 1 of bids.bids, row 4 (id 4), acknowledged, row 1:",
        ),
        (
            _addendum_again,
            "le champ number dans publishing.addenda, 2e ligne reprend le numéro d’addenda 1 de number dans publishing.addenda, 1re ligne\u00a0:",
            "the field number in publishing.addenda, row 2 repeats the addendum number 1 of number in publishing.addenda, row 1:",
        ),
        (
            lambda d: [
                _addendum_again(d, number=None, state="draft", release=None, questions=[], changes=[])
                for _ in range(2)
            ],
            "le champ state dans publishing.addenda, 3e ligne reprend l’état «\u00a0draft\u00a0» (brouillon\u00a0: on prépare un seul "
            "addenda à la fois) de state dans publishing.addenda, 2e ligne\u00a0:",
            "the field state in publishing.addenda, row 3 repeats the state “draft” (one addendum is prepared at a "
            "time) of state in publishing.addenda, row 2:",
        ),
        (
            lambda d: d["publishing"]["addenda"][0]["changes"].append(
                {
                    **d["publishing"]["addenda"][0]["changes"][0],
                    "new_fr": "2027-04-23",
                    "new_en": "2027-04-23",
                }
            ),
            "le champ field dans publishing.addenda, 1re ligne, changes, 2e ligne reprend la modification du champ info.closing_date "
            "de field dans publishing.addenda, 1re ligne, changes, 1re ligne\u00a0:",
            "the field field in publishing.addenda, row 1, changes, row 2 repeats the change of the field info.closing_date "
            "of field in publishing.addenda, row 1, changes, row 1:",
        ),
    ],
)
def test_a_repeated_row_of_the_bids_or_the_publication_is_named_in_each_language(change, french, english):
    """The operations keep one row of each (an entry replaces the previous one for the
    same bid and criterion, one number per issued addendum, one draft, one change of a
    field per addendum); the database has no UNIQUE constraint on these tables, so a file
    holding both loaded and the app read one of them."""
    data = _data()
    change(data)
    refused = _refusal(data)
    assert refused.detail.fr.startswith(french)
    assert refused.detail.en.startswith(english)
    assert refused.detail.en.endswith(": keep one of the two")


@pytest.mark.parametrize(
    "change",
    [
        _again("mandatory", 0, bid_id=4),  # the same criterion for another bid
        _again("sheets", 0, jury_member_id=3),  # the same bid and criterion on another sheet
        _again("amounts", 0, year=1),  # the same line in another year
        lambda d: d["bids"]["grid_consensus"].extend(
            [{"bid_id": 1, "item_id": 2, "points": 8}, {"bid_id": 3, "item_id": 2, "points": 6}]
        ),
        lambda d: d["bids"]["bids"][3].update(acknowledged=[1]),
        lambda d: _addendum_again(d, number=2),
        lambda d: _addendum_again(d, number=None, state="draft", release=None, questions=[]),
        lambda d: d["publishing"]["addenda"][0]["changes"].append(
            {
                "kind": "date",
                "field": "info.questions_deadline",
                "new_fr": "2027-04-09",
                "new_en": "2027-04-09",
            }
        ),
    ],
)
def test_a_near_repeat_is_not_refused(change):
    """The clean twins: rows that share part of what identifies one."""
    data = _data()
    change(data)
    project, publishing, bids, contract = jsonio.loads_with_contract(json.dumps(data, ensure_ascii=False))
    assert all_tables(publishing, bids, contract) is not None
