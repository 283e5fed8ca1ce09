"""Any Unicode in any field (docs/cases.md K1, K7, K8): control characters, lone
surrogates, U+FFFE/U+FFFF, right-to-left text and overrides, emoji sequences, combining
marks, markup-looking text and 100,000-character strings.

The project is GENERATED FROM THE MODEL: every ``str`` attribute of every section of
``model.SECTIONS`` and of every entity of ``model.ENTITIES`` (``codec.field_types``)
gets a drawn value, so a field added to the model is covered without editing this
file. Each project goes through the checks, the exports (DOCX reopened with
python-docx, JSON) and a real ``.tender`` file: no exception, nothing lost but what
UTF-8 cannot hold (lone surrogates)."""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import fields
from pathlib import Path

import docx
import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from wizard.core import model
from wizard.core.checks import run_checks
from wizard.core.export import export_all
from wizard.core.model.choices import choice_fields
from wizard.core.project_file import codec, jsonio
from wizard.core.project_file.migrations import FOREIGN_KEYS
from wizard.core.project_file.store import ProjectFile
from wizard.core.textclean import dirty_fields

pytestmark = pytest.mark.slow  # hypothesis: many whole projects through every export

LONG = ("Réseau sans fil 🙂 شركة المثال " * 4000)[:99_000]  # near codec.MAX_TEXT, with room for an edit
SPECIAL = [
    "Réseau\x0bsans fil",  # K1
    "ACME\x00",
    "\uffff\ufffe\ud800 énoncé",
    "\ud83d\ude00 paire de substitution",
    "شركة المثال",  # K7
    "\u202eevil.exe\u202c \u200f\u200e",
    "👩\u200d👩\u200d👧 🇨🇦 e\u0301",
    "Johnson & Johnson <b>R&D</b> Temps de réponse < 2 s",  # K8
    "{{ cycler.__init__.__globals__.os.environ }} {% raw %} %s {0} ${x}",
    "line one\r\nline two\n\n\ttabbed\x1f",
    "   ",
    "",
]
TEXT = st.one_of(
    st.text(st.characters(exclude_categories=()), max_size=40),  # every code point, Cs included
    st.sampled_from(SPECIAL),
)
ROWS_PER_ENTITY = 2


def text_fields(cls: type) -> list[str]:
    """The ``str`` attributes of a model dataclass, from its annotations, but its choices
    (a closed set of values, ``model/choices.py``: ``load`` refuses another value)."""
    return [
        name
        for name, kind in codec.field_types(cls).items()
        if kind is str and name not in choice_fields(cls)
    ]


def build_project(choose: Callable[[], str]) -> model.Project:
    """A project with ``choose()`` in every text field of every section and of
    :data:`ROWS_PER_ENTITY` rows of every entity list (links point at existing rows)."""
    project = model.Project()
    for name, cls in model.SECTIONS.items():
        section = getattr(project, name)
        for attr in text_fields(cls):
            setattr(section, attr, choose())
    for kind, cls in model.ENTITIES.items():
        rows = []
        for row_id in range(1, ROWS_PER_ENTITY + 1):
            values = {attr: choose() for attr in text_fields(cls)}
            values.update({column: row_id for column, _parent in FOREIGN_KEYS.get(kind, [])})
            if kind == "translations":  # which text and language it is: structure, not text
                values.update(address=f"problem.{['statement', 'context'][row_id % 2]}", lang="en")
            rows.append(cls(id=row_id, **values))
        setattr(project, kind, rows)
    return project


@st.composite
def projects(draw) -> model.Project:
    """Drawn text in every field (a small pool assigned by a drawn seed keeps
    Hypothesis's data small while every field varies)."""
    pool = draw(st.lists(TEXT, min_size=3, max_size=8))
    pool.append(draw(st.sampled_from(SPECIAL)))
    rng = random.Random(draw(st.integers(0, 2**32)))
    project = build_project(lambda: rng.choice(pool))
    slots = text_slots(project)
    for holder, attr in rng.sample(slots, draw(st.integers(0, 3))):  # a few very long fields
        setattr(holder, attr, LONG)
    return project


def text_slots(project: model.Project) -> list[tuple[object, str]]:
    """Every (section or row, text attribute) of ``project``."""
    holders = [getattr(project, name) for name in model.SECTIONS]
    holders += [row for kind in model.ENTITIES for row in project.rows(kind)]
    return [
        (h, attr)
        for h in holders
        for attr in text_fields(type(h))
        if not (isinstance(h, model.Translation) and attr in ("address", "lang"))
    ]


def _without_lone_surrogates(text: str) -> str:
    joined = text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "ignore")
    return "".join(ch for ch in joined if not 0xD800 <= ord(ch) <= 0xDFFF)


def _docx_text(path: Path) -> str:
    document = docx.Document(str(path))
    parts = [p.text for p in document.paragraphs]
    parts += [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join(parts)


def exercise(project: model.Project, folder: Path) -> None:
    """Checks, exports, JSON and a real project file for ``project``; asserts values."""
    # checks: a T-CONTROL-CHARS finding names every dirty field (K1)
    findings = run_checks(project)
    flagged = {f.field for f in findings if f.code == "T-CONTROL-CHARS"}
    assert {address for address, _value in dirty_fields(project)} <= flagged

    # exports: every DOCX reopens, the organization's name is in the tender
    written = export_all(project, folder / "out", lang="both")
    tenders = [p for p in written if p.suffix == ".docx"]
    assert {p.name for p in tenders} >= {"tender-fr.docx", "tender-en.docx"}
    marker = project.info.organization.split()[:2]
    for path in tenders:
        text = _docx_text(path)
        assert text.strip()
        assert " ".join(marker) in " ".join(text.split())
    assert not list((folder / "out").glob(".*.tmp"))

    # JSON: exact round trip in memory
    assert jsonio.loads(jsonio.dumps(project)) == project

    # a real .tender file: everything back, lone surrogates excepted
    path = folder / "fuzz.tender"
    ProjectFile.create(path, project).close()
    with ProjectFile.open(path) as pf:
        stored = pf.project
        expected = jsonio.loads(_without_lone_surrogates(jsonio.dumps(project)))
        assert stored == expected
        pf.set_field("problem", "statement", project.problem.statement + "\ud800!")
        pf.update_row("criteria", 1, text=project.criteria[0].text + "\udfff?")
        in_memory = pf.project
    with ProjectFile.open(path, read_only=True) as pf:
        assert pf.project == in_memory  # the model holds what the file holds
        assert pf.project.problem.statement == _without_lone_surrogates(project.problem.statement) + "!"
        assert pf.project.criteria[0].text == _without_lone_surrogates(project.criteria[0].text) + "?"
    json_file = folder / "fuzz.json"
    json_file.write_text(jsonio.dumps(in_memory), encoding="utf-8")  # what a stored project dumps encodes
    assert jsonio.load_file(json_file) == in_memory


@settings(
    max_examples=10,
    deadline=None,
    phases=[
        Phase.explicit,
        Phase.generate,
    ],  # no shrinking of megabyte projects: the traceback names the field
    database=None,
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.function_scoped_fixture,
    ],
)
@given(project=projects())
def test_any_unicode_in_every_field(project, tmp_path_factory):
    project.info.organization = "Ville Étoile " + project.info.organization
    exercise(project, tmp_path_factory.mktemp("fuzz"))


def test_every_field_at_once_with_the_nastiest_text(tmp_path):
    """No luck involved: every text field holds every special case, the long ones too."""
    nasty = " ".join(SPECIAL)
    project = build_project(lambda: nasty)
    project.info.organization = "Ville Étoile " + nasty
    project.problem.statement = LONG
    project.criteria[0] = model.Criterion(id=1, text=LONG, kind="mandatory")
    project.solutions[0] = model.Solution(id=1, name=LONG)
    exercise(project, tmp_path)


def test_the_generator_fills_every_text_field_of_the_model():
    """Walked with ``dataclasses.fields`` (not the codec): every ``str`` attribute of
    every section and row holds the generated text, so a new field is covered."""
    project = build_project(lambda: "SENTINEL")
    seen = 0
    for holder in [getattr(project, name) for name in model.SECTIONS] + [
        row for kind in model.ENTITIES for row in project.rows(kind)
    ]:
        for f in fields(holder):
            value = getattr(holder, f.name)
            if (
                isinstance(value, str)
                and f.name not in choice_fields(type(holder))
                and not (isinstance(holder, model.Translation) and f.name == "address")
            ):
                assert value == "SENTINEL", f"{type(holder).__name__}.{f.name} not generated"
                seen += 1
    assert seen >= 100
    assert all(len(project.rows(kind)) == ROWS_PER_ENTITY for kind in model.ENTITIES)
