"""docs/cases.md K1, K3, K9, K13, K14 through the project file and the whole export — the parts
not already covered elsewhere:

* K1 unit tests: ``test_textclean.py`` (clean_text, dirty_fields, T-CONTROL-CHARS) and
  ``test_docx_export.py::test_k1_export_completes_with_control_characters``;
* K3 for cost lines: ``test_store.py::test_two_row_batch_never_nulls_a_column``;
* K9 sandbox and K-RENDER: ``test_clauses.py::test_k9_*``;
* K13 lock in one process: ``test_store.py``; across processes: ``test_file_safety.py``.
"""

from __future__ import annotations

import copy
import sqlite3
import subprocess
import sys
import threading
from decimal import Decimal
from pathlib import Path

import docx
import pytest
import sqlite_utils

from wizard.core import model
from wizard.core.checks import run_checks
from wizard.core.examples import load_example
from wizard.core.export import export_all
from wizard.core.i18n import tr
from wizard.core.model.choices import choice_fields
from wizard.core.project_file import codec
from wizard.core.project_file.migrations import FOREIGN_KEYS
from wizard.core.project_file.store import BUSY_TIMEOUT_MS, ProjectFile

ROOT = Path(__file__).resolve().parents[2]


def _docx_text(path: Path) -> str:
    document = docx.Document(str(path))
    parts = [p.text for p in document.paragraphs]
    parts += [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join(parts)


# -- K1: pasted control characters, saved, reopened, checked and exported ------------------


@pytest.mark.slow
def test_k1_from_the_file_to_every_export(tmp_path):
    project = load_example("emergency-perimeter")
    project.criteria[0] = model.Criterion(**{**vars(project.criteria[0]), "text": "Réseau\x0bsans fil"})
    project.solutions[0].vendor = "ACME\x00"
    ProjectFile.create(tmp_path / "k1.tender", project).close()
    with ProjectFile.open(tmp_path / "k1.tender") as pf:
        pf.set_field(
            "problem", "statement", "Besoin\uffff\ufffe \ud800urgent de savoir où sont les intervenants"
        )
        # the file keeps what was typed (a finding tells the user); only lone surrogates,
        # which UTF-8 cannot hold, are dropped by the store
        assert pf.project.criteria[0].text == "Réseau\x0bsans fil"
        assert pf.project.problem.statement == "Besoin\uffff\ufffe urgent de savoir où sont les intervenants"
        work = copy.deepcopy(pf.project)
    flagged = {f.field for f in run_checks(work) if f.code == "T-CONTROL-CHARS"}
    assert {
        f"criteria:{work.criteria[0].id}.text",
        f"solutions:{work.solutions[0].id}.vendor",
        "problem.statement",
    } <= flagged
    written = export_all(work, tmp_path / "out", lang="both")
    docs = [p for p in written if p.suffix == ".docx"]
    assert len(docs) >= 2
    french = _docx_text(tmp_path / "out" / "tender-fr.docx")
    assert "Réseausans fil" in french and "Besoin urgent de savoir" in french
    data_files = [p for p in written if p.suffix in (".json", ".csv")]
    assert data_files
    for path in data_files:
        text = path.read_text(encoding="utf-8")
        assert "\x0b" not in text and "\x00" not in text and "\uffff" not in text, path.name


# -- K3: whole rows for every entity list, generated from the model --------------------------

_SAMPLE = {str: "valeur", int: 7, bool: True, Decimal: Decimal("12.50")}


def _full_row(kind: str, row_id: int) -> object:
    """A row of ``kind`` with a non-default value in every field (links to row 1)."""
    values = {}
    for name, typ in codec.field_types(model.ENTITIES[kind]).items():
        values[name] = _SAMPLE.get(typ, [1, 2])
    for name, allowed in choice_fields(model.ENTITIES[kind]).items():
        values[name] = allowed[-1]  # a choice takes a value of its set (the last: not the default)
    values.update(id=row_id, **{column: 1 for column, _parent in FOREIGN_KEYS.get(kind, [])})
    if kind == "translations":  # one version per text and language (a unique index)
        values["address"] = f"criteria:{row_id}.text"
    return model.ENTITIES[kind](**values)


def test_k3_no_save_ever_sends_a_partial_row(project_file, monkeypatch):
    """Every row the store writes (through its own prepared upsert, ``_upsert``, or
    through sqlite-utils) has every column of its table, for every entity list of the
    model; and one changed attribute leaves the others."""
    sent: list[tuple[str, set[str]]] = []
    depth = [0]  # upsert calls upsert_all calls insert_all: record the outermost call only
    for method in ("insert", "upsert", "insert_all", "upsert_all"):
        original = getattr(sqlite_utils.db.Table, method)

        def spy(self, records, *args, _original=original, **kwargs):
            batch = [records] if isinstance(records, dict) else list(records)
            if depth[0] == 0:
                sent.extend((self.name, set(r)) for r in batch)
            depth[0] += 1
            try:
                return _original(self, batch[0] if isinstance(records, dict) else batch, *args, **kwargs)
            finally:
                depth[0] -= 1

        monkeypatch.setattr(sqlite_utils.db.Table, method, spy)
    own_upsert = ProjectFile._upsert

    def own(self, table, row, pk="id"):
        if depth[0] == 0:
            sent.append((table, set(row)))
        return own_upsert(self, table, row, pk)

    monkeypatch.setattr(ProjectFile, "_upsert", own)
    for kind in model.ENTITIES:  # parents come first in ENTITIES
        project_file.save_row(kind, _full_row(kind, 1))
        project_file.save_row(kind, _full_row(kind, 2))
        cls = model.ENTITIES[kind]
        changes = [
            (n, "changée")
            for n, t in codec.field_types(cls).items()
            if t is str and n not in choice_fields(cls)
        ]
        changes += [
            (n, allowed[0]) for n, allowed in choice_fields(cls).items()
        ]  # a matrix cell has only its level
        project_file.update_row(kind, 2, **dict(changes[:1]))
    columns = {kind: set(codec.field_types(cls)) for kind, cls in model.ENTITIES.items()}
    entity_rows = [(table, keys) for table, keys in sent if table in columns]
    assert len(entity_rows) == 3 * len(columns)
    assert all(keys == columns[table] for table, keys in entity_rows)
    db = sqlite_utils.Database(sqlite3.connect(f"file:{project_file.path}?mode=ro", uri=True))
    for kind in model.ENTITIES:
        stored = list(db[kind].rows_where(order_by="id"))
        assert stored[0] == codec.to_row(_full_row(kind, 1)), kind
        assert all(value is not None for value in stored[1].values()), kind
    db.conn.close()


# -- K9: an edited clause cannot exhaust the machine --------------------------------------------

_RENDER = """
import sys
from wizard.core.clauses.render import ClauseRenderError, render_source
try:
    text = render_source(sys.argv[1], {"organization": "Ville"}, "precedence")
    print("rendered", len(text))
except ClauseRenderError as exc:
    print("refused", exc.clause_id)
"""


@pytest.mark.slow
@pytest.mark.parametrize(
    "body",
    ["{{ 9 ** (9 ** 9) }}", "{{ 'x' * 100000000 }}", "{{ organization * 50000000 }}"],
    ids=["power", "repeat-literal", "repeat-variable"],
)
def test_k9_a_clause_from_another_town_cannot_hang_or_flood(body):
    """A project file received from another town is untrusted (docs/cases.md K25). The
    sandbox blocks attributes but not arithmetic: ``9 ** (9 ** 9)`` runs for minutes,
    and repeating a string makes a 100 MB "clause". Both must be refused quickly with an
    error naming the clause. (Run in a child process so a hang cannot stall the suite.)"""
    try:
        result = subprocess.run(
            [sys.executable, "-c", _RENDER, body],
            capture_output=True,
            text=True,
            timeout=8,
            cwd=ROOT,
            env={"PYTHONPATH": str(ROOT), "PATH": ""},
            check=False,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"rendering {body!r} did not finish in 8 s")
    assert result.stdout.strip() == "refused precedence", result.stdout + result.stderr[-500:]


# -- K13: synced folders, network shares, no WAL, busy timeout -------------------------------------


def test_k13_opening_in_a_synced_folder_warns_in_both_languages(tmp_path):
    folder = tmp_path / "OneDrive - Ville de Lac-Vert" / "Appels d'offres"
    folder.mkdir(parents=True)
    path = folder / "ao.tender"
    ProjectFile.create(path).close()
    with ProjectFile.open(path) as pf:
        assert len(pf.warnings) == 1
        english, french = tr(pf.warnings[0], "en"), tr(pf.warnings[0], "fr")
        assert "synchronized" in english and french != english and "synchronisé" in french
        assert pf.db.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
        assert pf.db.execute("PRAGMA busy_timeout").fetchone()[0] == BUSY_TIMEOUT_MS
    with ProjectFile.open(path, read_only=True) as reader:
        assert reader.warnings == pf.warnings


def test_k13_a_wal_file_from_elsewhere_is_switched_to_rollback_journal(tmp_path):
    path = tmp_path / "recu.tender"
    project = load_example("office-suite")
    ProjectFile.create(path, project).close()
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA journal_mode=WAL").fetchone()[0] == "wal"
    conn.close()
    with ProjectFile.open(path) as pf:
        assert pf.db.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
        pf.set_field("info", "reference", "NS-2027-01")
        assert pf.project.info.title == project.info.title
    assert sorted(p.name for p in tmp_path.iterdir()) == ["recu.tender"]  # no -wal, no -shm
    with open(path, "rb") as handle:
        header = handle.read(20)
    assert header[18:20] == b"\x01\x01"  # file format bytes: legacy (rollback) journal


def test_k13_network_share_warning_in_both_languages():
    from wizard.core.project_file.store import location_warnings

    [message] = location_warnings("\\\\serveur-ville\\partage\\TI\\ao.tender")
    assert "network" in tr(message, "en") and "réseau" in tr(message, "fr")


# -- K14: export on a worker thread from a copy of the model --------------------------------------


@pytest.mark.slow
def test_k14_export_on_a_worker_thread_uses_a_copy_not_the_connection(project_file, tmp_path):
    project_file.replace_project(load_example("training"))
    snapshot = copy.deepcopy(project_file.project)
    title = snapshot.info.title
    results: dict[str, object] = {}

    def work() -> None:
        try:
            results["written"] = export_all(snapshot, tmp_path / "out", lang="fr")
        except BaseException as exc:  # noqa: BLE001 - reported to the main thread
            results["error"] = exc

    worker = threading.Thread(target=work)
    worker.start()
    # the GUI thread keeps editing its own connection meanwhile
    for n in range(20):
        project_file.set_field("info", "title", f"Titre modifié {n}")
    worker.join(timeout=120)
    assert not worker.is_alive() and "error" not in results, results.get("error")
    assert snapshot.info.title == title  # the copy did not follow the edits
    tender = _docx_text(tmp_path / "out" / "tender-fr.docx")
    assert title in tender and "Titre modifié" not in tender


def test_k14_sqlite_refuses_the_gui_connection_on_another_thread(project_file):
    """The guard the worker relies on: sqlite3's same-thread check is on."""
    caught: list[BaseException] = []

    def misuse() -> None:
        try:
            project_file.db.execute("select count(*) from journal").fetchone()
        except BaseException as exc:  # noqa: BLE001
            caught.append(exc)

    thread = threading.Thread(target=misuse)
    thread.start()
    thread.join()
    assert len(caught) == 1 and isinstance(caught[0], sqlite3.ProgrammingError)
    assert "thread" in str(caught[0])
    project_file.set_field("problem", "context", "toujours utilisable")  # the owner is unharmed


# -- K31, K32, K36: the checks say what the documents print (issue 15 points 4 and 5) -------


def test_k31_three_optional_criteria_at_70_percent_leave_price_alone():
    """ceil(0.7 × 3) = 3: every qualified bid has every point."""
    project = load_example("office-suite")
    optional = [c for c in project.criteria if c.kind == "optional"]
    project.criteria = [c for c in project.criteria if c.kind == "mandatory"] + optional[:3]
    (f,) = [f for f in run_checks(project) if f.code == "C-ALL-POINTS"]
    assert f.severity.value == "warning" and f.field == "criteria_settings.pass_threshold_pct"
    assert f.message("en").startswith("3 of 3 optional points are needed to pass (70%)")
    assert f.message("fr").startswith(
        "Il faut 3 points facultatifs sur 3 pour qu’une soumission soit retenue (70\u00a0%)"
    )
    project.criteria += optional[3:4]  # 4 optional: ceil(2.8) = 3 of 4, a point to spare
    assert [f for f in run_checks(project) if f.code in ("C-ALL-POINTS", "C-FEW-OPTIONAL")] == []


def test_k32_findings_name_the_criteria_as_the_tender_numbers_them(tmp_path):
    """Rows 8 and 9 are the tender's OBL-5 and OBL-6 (a French tender: its numbers in
    every language): never "criterion 8"."""
    project = load_example("training")
    kinds = ["mandatory"] * 4 + ["optional"] * 3 + ["mandatory"] * 2
    project.criteria = [
        model.Criterion(id=i, text=f"Exigence numéro {i}", kind=kind, verification="software_access")
        for i, kind in enumerate(kinds, start=1)
    ]
    for i in (8, 9):
        project.criteria[i - 1].verification = "scenario"
    for scenario in project.scenarios:
        scenario.criterion_ids = [1]
    messages = [(f.message("en"), f.message("fr")) for f in run_checks(project) if f.code == "S-COVER"]
    assert [en.split(" is to")[0] for en, _fr in messages] == ["Criterion OBL-5", "Criterion OBL-6"]
    assert [fr.split(" doit")[0] for _en, fr in messages] == ["Le critère OBL-5", "Le critère OBL-6"]
    export_all(project, tmp_path, "fr")
    rows = [
        [cell.text for cell in row.cells]
        for table in docx.Document(str(tmp_path / "tender-fr.docx")).tables
        for row in table.rows
    ]
    assert ["OBL-5", "Exigence numéro 8"] in [r[:2] for r in rows]
    assert ["OBL-6", "Exigence numéro 9"] in [r[:2] for r in rows]


def test_k36_an_optional_criterion_without_its_scenario_is_a_finding(tmp_path, capsys):
    """The training example as it shipped: OPT-1 (row 6) is verified "by scenario" and no
    scenario covers it; `check` now names it instead of reporting nothing."""
    from wizard import cli
    from wizard.core.examples import load_example
    from wizard.core.project_file.store import ProjectFile

    project = load_example("training")
    for scenario in project.scenarios:  # the example now has S-5 for it: take it away
        scenario.criterion_ids = [i for i in scenario.criterion_ids if i != 6]
    path = tmp_path / "training.tender"
    ProjectFile.create(path, project).close()
    cli.main(["check", str(path), "--lang", "fr"])
    lines = [x for x in capsys.readouterr().out.splitlines() if " S-COVER " in x]
    assert len(lines) == 1 and "Le critère OPT-1 doit être vérifié par un scénario" in lines[0]
