"""The performance figures (README.md, "Performance benchmark") on the generated
"large" project, at its size and from a quarter of it to four times it.

Run with plain Python from the repository root::

    python tests/benchmark.py            # every figure (a few minutes on 2 cores)
    python tests/benchmark.py --quick    # fewer runs
    python tests/benchmark.py --seed 3   # another large project

Every figure prints the median wall-clock time *and* the median CPU time of the
process that did the work (CPU time is steadier when other programs share the
machine), the target, the ratio (measured ÷ target; ≤ 1.00 is within target) and ✓ or
✗. A target says which of the two it holds: the product's targets state most of them in
CPU time, or as a ratio to a *floor* measured in the same run:

* *export*: the tender and the decision record, in French, then in French and English
  (the large project's setting), vs the **XML floor**: the same blocks (built from the
  project as the export builds them, with the chart) written straight as
  WordprocessingML with lxml into a zip (:func:`floor_docx`): export ≤ 3× the floor, and
  ≤ 1.5 s CPU for one language, 3 s for both. The writer alone (blocks → ``.docx``
  bytes) against the lxml floor writing the same blocks is shown too;
* *autosaved edit*: one ``set_field`` / ``update_row`` committed with its journal entry
  vs a raw ``sqlite3`` UPDATE + COMMIT of the same row in a copy of the file (≤ 2×,
  and ≤ 5 ms);
* *open*: ``ProjectFile.open`` on the saved file (≤ 0.3 s);
* *all checks*: ``run_checks`` right after an edit (≤ 20 ms CPU; at 4×, ≤ 80 ms CPU
  and linear: ≤ 5× the 1× figure);
* *brand detection*: ``detect_brands`` on 5,000 characters (≤ 2 ms);
* *problem check, a run of figures*: ``lint --field problem`` on "gain de " and a run of
  3,600 figures without a currency (the worst shape of the saving stated as an amount,
  P-PRESUME) vs the same with 900 (linear: ≤ 5×; an unbounded run was quadratic);
* *app start*: from launching a process to the first paint of its first page vs a bare
  ``QWizard`` holding as many pages as the app has steps (≤ 1.5×, wall clock: a start
  is waiting, not computing); English and French, the French start reading the
  catalogue its warm-up run compiled into the cache (``XDG_CACHE_HOME`` in the work
  folder), as every start of a checkout after the first does;
* *CLI start*: the CPU time of importing every module ``check``, ``lint``, ``dump``
  and ``export`` load, in a fresh process (≤ 0.4 s CPU for check, lint, dump), and
  whether matplotlib, python-docx or numpy are among them;
* *growth table*: the project at 0.25×, 0.5×, 1×, 2× and 4× (``largegen.scaled_counts``):
  open, checks after a criterion edit, export (FR + EN), peak memory of an ``export_all``
  process (≤ 300 MB at 4×);
* *the app at 4×* (offscreen): opening the project to its first page, switching to the
  criteria page and back, and a criterion edit until the findings panel shows the new
  findings (≤ 100 ms CPU).

The last line says "All figures within target." only when every target is met.
Timings are not asserted anywhere in the test suite: machines differ.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import platform
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(Path(__file__).resolve().parent)]

from benchmark_brands import SAMPLE  # noqa: E402
from largegen import large_project, scaled_counts  # noqa: E402

from wizard.core.checks import run_checks  # noqa: E402
from wizard.core.checks.lint import lint_text  # noqa: E402
from wizard.core.documents import blocks as b  # noqa: E402
from wizard.core.domain.brands import detect_brands  # noqa: E402
from wizard.core.export import export_all, record_files, tender_files, write_files  # noqa: E402
from wizard.core.model import Project  # noqa: E402
from wizard.core.project_file.store import ProjectFile  # noqa: E402
from wizard.core.steps import Step  # noqa: E402
from wizard.core.textclean import clean_project  # noqa: E402

SCALES = (0.25, 0.5, 1.0, 2.0, 4.0)


@dataclass
class Figure:
    """One line of the report. ``wall`` and ``cpu`` in the unit ``unit``; ``target`` (None:
    information) holds for ``basis``: "cpu", "wall" or "ratio" (``ratio`` = measured ÷
    floor, by CPU time unless ``basis_wall``)."""

    name: str
    wall: float | None
    cpu: float | None
    target: float | None = None
    unit: str = "s"  # "s", "ms", "MB" or "×"
    basis: str = "cpu"
    note: str = ""

    @property
    def value(self) -> float:
        measured = self.cpu if self.basis == "cpu" else self.wall
        return float("nan") if measured is None else measured

    @property
    def met(self) -> bool:
        return self.target is None or self.value <= self.target

    def line(self) -> str:
        wall = "" if self.wall is None else _show(self.wall, self.unit)
        cpu = "" if self.cpu is None else _show(self.cpu, self.unit)
        if self.target is None:
            mark, target, ratio = " ", "(info)", ""
        else:
            mark = "✓" if self.met else "✗"
            basis = "" if self.unit == "MB" else f" {self.basis}"
            target = f"≤ {_show(self.target, self.unit)}{basis}"
            ratio = f"{self.value / self.target:5.2f}"
        text = f"{mark} {self.name:<52} {wall:>10} {cpu:>10}  {target:>16} {ratio:>5}  {self.note}"
        return text.rstrip()


def _show(value: float, unit: str) -> str:
    if unit == "s":
        return f"{value:.3f} s"
    if unit == "ms":
        return f"{value:.1f} ms"
    if unit == "MB":
        return f"{value:.0f} MB"
    return f"{value:.2f} ×"


HEADER = f"  {'figure':<52} {'wall':>10} {'CPU':>10}  {'target':>16} {'ratio':>5}  note"


@dataclass(frozen=True)
class Timing:
    """Medians in seconds: wall clock (what a user waits) and this process's CPU time
    (steadier when other programs share the machine)."""

    wall: float
    cpu: float

    def per(self, other: Timing) -> Figure:
        """This timing ÷ ``other`` (a floor), as an unnamed ratio figure."""
        return Figure("", self.wall / other.wall, self.cpu / other.cpu, unit="×", basis="cpu")


def median_of(runs: int, action: Callable[[int], Any], before: Callable[[int], Any] | None = None) -> Timing:
    """Medians of ``action(i)`` over ``runs`` runs (``before(i)`` runs untimed)."""
    walls, cpus = [], []
    for i in range(runs):
        if before is not None:
            before(i)
        cpu, wall = time.process_time(), time.perf_counter()
        action(i)
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    return Timing(statistics.median(walls), statistics.median(cpus))


def timed(
    name: str, timing: Timing, target: float | None, unit: str, note: str = "", basis: str = "cpu"
) -> Figure:
    """A figure from a timing in seconds, shown in seconds or milliseconds."""
    scale = 1 if unit == "s" else 1000
    return Figure(name, timing.wall * scale, timing.cpu * scale, target, unit, basis, note)


def ratio(name: str, measured: Timing, floor: Timing, target: float | None, note: str = "") -> Figure:
    """``measured`` ÷ ``floor`` by wall and by CPU time; the target holds for CPU."""
    return replace(measured.per(floor), name=name, target=target, note=note)


# -- the XML floor -------------------------------------------------------------------

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
_A = "http://schemas.openxmlformats.org/drawingml/2006/main"
_PIC = "http://schemas.openxmlformats.org/drawingml/2006/picture"
_PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/><Default Extension="png" ContentType="image/png"/>'
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.'
    'wordprocessingml.document.main+xml"/></Types>'
)
_PACKAGE_RELS = (
    f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="{_PKG}">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    'officeDocument" Target="word/document.xml"/></Relationships>'
)


def floor_docx(doc: b.Document) -> bytes:
    """``doc``'s blocks written straight as WordprocessingML with lxml, zipped: the floor
    of a DOCX export (no styles part, no numbering definitions, no header, footer or
    properties: only what every writer of the same paragraphs, tables, links and picture
    must write). Not a document anyone reads; only timed."""
    from lxml import etree

    def w(tag: str) -> str:
        return f"{{{_W}}}{tag}"

    sub = etree.SubElement
    root = etree.Element(w("document"), nsmap={"w": _W, "r": _R, "wp": _WP, "a": _A, "pic": _PIC})
    body = sub(root, w("body"))
    rels: list[tuple[str, str, str]] = []  # (id, type, target)
    media: list[bytes] = []

    def paragraph(style: str = "", text: str = "", bold: str = "", num: tuple[int, int] | None = None) -> Any:
        p = sub(body, w("p"))
        if style or num:
            ppr = sub(p, w("pPr"))
            if style:
                sub(ppr, w("pStyle"), {w("val"): style.replace(" ", "")})
            if num:
                numpr = sub(ppr, w("numPr"))
                sub(numpr, w("ilvl"), {w("val"): str(num[1])})
                sub(numpr, w("numId"), {w("val"): str(num[0])})
        if bold:
            r = sub(p, w("r"))
            sub(sub(r, w("rPr")), w("b"))
            sub(r, w("t"), {"{http://www.w3.org/XML/1998/namespace}space": "preserve"}).text = bold
        for piece, url in b.split_links(text):
            parent = p
            if url:
                rid = f"rId{len(rels) + 1}"
                rels.append((rid, "hyperlink", url))
                parent = sub(p, w("hyperlink"), {f"{{{_R}}}id": rid})
            sub(
                sub(parent, w("r")), w("t"), {"{http://www.w3.org/XML/1998/namespace}space": "preserve"}
            ).text = piece
        return p

    for block in doc.blocks:
        if isinstance(block, b.Heading):
            paragraph(f"Heading{block.level}", block.text)
        elif isinstance(block, b.Paragraph):
            paragraph(block.style, block.text, block.label)
        elif isinstance(block, b.ClauseHeading):
            paragraph("Heading2", block.text, num=(90, 0))
        elif isinstance(block, b.ClauseParagraph):
            paragraph("ListNumber", block.text, num=(90, block.level - 1))
        elif isinstance(block, b.Table):
            columns = max((len(r) for r in block.header + block.rows), default=1)
            tbl = sub(body, w("tbl"))
            sub(sub(tbl, w("tblPr")), w("tblStyle"), {w("val"): "TableGrid"})
            grid = sub(tbl, w("tblGrid"))
            for _ in range(columns):
                sub(grid, w("gridCol"), {w("w"): "1000"})
            for header, values in [(True, r) for r in block.header] + [(False, r) for r in block.rows]:
                tr = sub(tbl, w("tr"))
                sub(sub(tr, w("trPr")), w("tblHeader") if header else w("cantSplit"))
                for value in values:
                    tc = sub(tr, w("tc"))
                    sub(sub(tc, w("tcPr")), w("tcW"), {w("w"): "1000", w("type"): "dxa"})
                    r = sub(sub(tc, w("p")), w("r"))
                    sub(sub(r, w("rPr")), w("sz"), {w("val"): "18"})
                    sub(r, w("t")).text = value
            paragraph()
        elif isinstance(block, b.Image):
            rid = f"rId{len(rels) + 1}"
            media.append(block.png)
            rels.append((rid, "image", f"media/image{len(media)}.png"))
            drawing = sub(sub(paragraph(), w("r")), w("drawing"))
            inline = sub(drawing, f"{{{_WP}}}inline")
            sub(inline, f"{{{_WP}}}extent", cx="5760000", cy="3456000")
            sub(inline, f"{{{_WP}}}docPr", id=str(len(media)), name="chart", descr=block.caption)
            graphic = sub(sub(inline, f"{{{_A}}}graphic"), f"{{{_A}}}graphicData", uri=_PIC)
            pic = sub(graphic, f"{{{_PIC}}}pic")
            sub(sub(pic, f"{{{_PIC}}}blipFill"), f"{{{_A}}}blip", {f"{{{_R}}}embed": rid})
            if block.caption:
                paragraph("Caption", block.caption)
        elif isinstance(block, b.PageBreak):
            sub(sub(sub(body, w("p")), w("r")), w("br"), {w("type"): "page"})
        elif isinstance(block, b.Toc):
            p = paragraph("TOC1")
            sub(p, w("fldSimple"), {w("instr"): 'TOC \\o "1-3" \\h \\z \\u'})
            paragraph("", block.note)
    relations = etree.Element(f"{{{_PKG}}}Relationships", nsmap={None: _PKG})
    base = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
    for rid, kind, target in rels:
        extra = {"TargetMode": "External"} if kind == "hyperlink" else {}
        sub(relations, f"{{{_PKG}}}Relationship", Id=rid, Type=base + kind, Target=target, **extra)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("[Content_Types].xml", _TYPES)
        package.writestr("_rels/.rels", _PACKAGE_RELS)
        package.writestr("word/document.xml", etree.tostring(root, xml_declaration=True, encoding="UTF-8"))
        package.writestr("word/_rels/document.xml.rels", etree.tostring(relations, encoding="UTF-8"))
        for number, png in enumerate(media, start=1):
            package.writestr(f"word/media/image{number}.png", png)
    return buffer.getvalue()


def _documents(project: Project, langs: list[str]) -> list[b.Document]:
    """The tender and the decision record in each language, as the export builds them
    (chart included; ``project`` already clean)."""
    from wizard.core.documents.chart import cumulative_chart_png
    from wizard.core.documents.record import record_document
    from wizard.core.documents.tender import tender_document
    from wizard.core.memo import one_pass
    from wizard.core.model.translatable import localized

    docs = []
    with one_pass():
        for lang in langs:
            docs.append(tender_document(project, lang, langs))
            chart = cumulative_chart_png(localized(project, lang), lang) if project.tco_options else b""
            docs.append(record_document(project, lang, chart))
    return docs


# -- export -----------------------------------------------------------------------


def export_timings(project: Project, work: Path, runs: int, langs: list[str]) -> dict[str, Timing]:
    """Timings of the export of the tender and the record in ``langs``: the app's
    (``app``), the floor (``floor``: blocks built, then written with lxml), the writer
    alone (``writer``: blocks → ``.docx``) and the lxml floor alone (``xml``)."""
    from wizard.core.documents.docx.writer import docx_bytes

    clean = clean_project(project)
    out = [work]

    def fresh(_i: int) -> None:
        out[0] = work / f"export-{len(list(work.glob('export-*')))}"
        out[0].mkdir()

    def app(_i: int) -> None:
        write_files({**tender_files(clean, langs), **record_files(clean, langs)}, out[0])

    def floor(_i: int) -> None:
        files = {f"{n}.docx": floor_docx(d) for n, d in enumerate(_documents(clean, langs))}
        write_files(files, out[0])

    fresh(0)
    app(0)  # warm-up: templates, styles, clause library, fonts
    floor(0)
    docs = _documents(clean, langs)
    return {
        "app": median_of(runs, app, fresh),
        "floor": median_of(runs, floor, fresh),
        "writer": median_of(runs, lambda _i: [docx_bytes(d) for d in docs]),
        "xml": median_of(runs, lambda _i: [floor_docx(d) for d in docs]),
    }


def export_figures(project: Project, work: Path, runs: int) -> list[Figure]:
    what = "tender + decision record"
    figures = []
    for langs, cpu_target in ((["fr"], 1.5), (["fr", "en"], 3.0)):
        names = " + ".join(x.upper() for x in langs)
        found = export_timings(project, work, runs, langs)
        figures += [
            timed(f"export: {what}, {names}", found["app"], cpu_target, "s"),
            timed(f"  XML floor (same blocks built, lxml), {names}", found["floor"], None, "s"),
            ratio(f"  export ÷ XML floor, {names}", found["app"], found["floor"], 3.0),
            ratio(
                f"  DOCX writer ÷ lxml writer (same blocks), {names}",
                found["writer"],
                found["xml"],
                None,
                f"writer CPU {found['writer'].cpu:.3f} s, lxml CPU {found['xml'].cpu:.3f} s",
            ),
        ]
    out = work / "export-all"
    out.mkdir()
    every = median_of(max(1, runs // 2), lambda _i: export_all(project, out / str(time.perf_counter_ns())))
    figures.append(timed("export_all (every output, information)", every, None, "s"))
    return figures


# -- the project file -------------------------------------------------------------


def file_figures(path: Path, work: Path, runs: int) -> list[Figure]:
    def open_close(_i: int) -> None:
        ProjectFile.open(path).close()

    open_close(0)
    figures = [timed("open project", median_of(runs, open_close), 0.3, "s")]
    copy = work / "floor.tender"
    shutil.copyfile(path, copy)
    pf = ProjectFile.open(path)
    try:
        base = pf.project.problem.context
        field = median_of(10 * runs, lambda i: pf.set_field("problem", "context", f"{base} ({i})"))
        criterion = pf.project.criteria[len(pf.project.criteria) // 2]
        row = median_of(
            10 * runs, lambda i: pf.update_row("criteria", criterion.id, text=f"{criterion.text} ({i})")
        )
    finally:
        pf.close()
    conn = sqlite3.connect(copy)
    try:

        def raw(i: int) -> None:
            conn.execute(
                "UPDATE criteria SET text = ? WHERE id = ?", (f"{criterion.text} ({i})", criterion.id)
            )
            conn.commit()

        floor = median_of(10 * runs, raw)
    finally:
        conn.close()
    return figures + [
        timed("autosaved edit: a section field", field, 5, "ms", basis="wall"),
        timed("autosaved edit: a criterion row", row, 5, "ms", basis="wall"),
        timed("  floor: raw sqlite3 UPDATE + COMMIT", floor, None, "ms"),
        replace(ratio("  criterion edit ÷ floor", row, floor, 2.0), basis="wall"),
    ]


# -- checks and brands ------------------------------------------------------------


def checks_after_edit(project: Project, runs: int) -> tuple[Timing, Timing, int]:
    """Medians of ``run_checks`` after a section field edit and after a criterion's
    text edit (which the near-duplicate index re-tests); the number of findings."""
    run_checks(project)  # warm-up: brand index, regexes, the near-duplicate index
    base = project.problem.context
    criterion = project.criteria[len(project.criteria) // 2]
    index = project.criteria.index(criterion)

    def edit_field(i: int) -> None:
        project.problem.context = f"{base} ({i})"

    def edit_criterion(i: int) -> None:
        project.criteria[index] = replace(criterion, text=f"{criterion.text} ({i})")

    after_field = median_of(runs, lambda _i: run_checks(project), edit_field)
    after_criterion = median_of(runs, lambda _i: run_checks(project), edit_criterion)
    project.problem.context = base
    project.criteria[index] = criterion
    return after_field, after_criterion, len(run_checks(project))


def check_figures(project: Project, runs: int) -> list[Figure]:
    after_field, after_criterion, count = checks_after_edit(project, runs)
    return [
        timed("all checks after a field edit", after_field, 20, "ms", f"{count} findings"),
        timed("all checks after a criterion edit", after_criterion, 20, "ms"),
    ]


def brand_figure(runs: int) -> Figure:
    long = SAMPLE * (10_000 // len(SAMPLE) + 2)
    texts = [long[i % len(SAMPLE) :][:5000] for i in range(runs)]  # a different text each run
    detect_brands(texts[0])
    found = len(detect_brands(texts[0]))
    timing = median_of(runs, lambda i: detect_brands(texts[i]))
    return timed("brand detection, 5,000 characters", timing, 2, "ms", f"{found} matches")


def problem_figures(runs: int) -> list[Figure]:
    """A problem statement of "gain de " and a run of figures without a currency, at 900
    and 3,600 figures: the checks run on each keystroke, so 4× the text is ≤ 5× the time."""
    short, long = ("gain de " + "1 " * n for n in (900, 3600))
    lint_text("problem", short, "fr")
    small = median_of(runs, lambda _i: lint_text("problem", short, "fr"))
    large = median_of(runs, lambda _i: lint_text("problem", long, "fr"))
    return [
        timed("problem check, a run of 3,600 figures", large, None, "ms"),
        ratio("  3,600 figures ÷ 900 (linear: 4)", large, small, 5.0),
    ]


# -- processes: app start, CLI start, peak memory ----------------------------------

_START_CHILD = r"""
import os, sys, time
from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWizard, QWizardPage


def first_paint(self, event):
    # The first page's first paint event: print its wall-clock time and this process's
    # CPU time, and leave at once (tearing down is not part of the start). No
    # application-wide event filter: it would slow every event of the bigger window down.
    print(time.time(), time.process_time(), flush=True)
    os._exit(0)


app = QApplication.instance() or QApplication(["benchmark"])
if sys.argv[1] == "bare":
    class Page(QWizardPage):
        paintEvent = first_paint

    wizard = QWizard()
    for number in range(1, int(sys.argv[2]) + 1):  # as many pages as the app has steps
        page = Page()
        page.setTitle(f"Step {number}")
        QVBoxLayout(page).addWidget(QLabel(f"Page {number}"))
        wizard.addPage(page)
    wizard.show()
    sys.exit(app.exec())
sys.path.insert(0, sys.argv[2])
if len(sys.argv) > 3:  # a project: its first wizard page
    from wizard.ui.pages.base import StepPage
    StepPage.paintEvent = first_paint
else:  # no project: the welcome screen
    from wizard.ui.widgets.welcome import Welcome
    Welcome.paintEvent = first_paint
from wizard.ui.app import run_app
sys.exit(run_app(sys.argv[3:]))
"""


def _child_env(work: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(work / "config"), XDG_CACHE_HOME=str(work / "cache")
    )
    # Bytecode cached as an installed app has it (pip compiles at install), kept out of
    # the working tree.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(work / "pycache")
    return env


def _first_paint(args: list[str], env: dict[str, str]) -> tuple[float, float]:
    """(wall, CPU) seconds from launching ``python args`` to the first paint of its first
    page (the child prints the wall-clock time and its CPU time at that paint, then
    exits at once)."""
    start = time.time()
    done = subprocess.run([sys.executable, *args], env=env, capture_output=True, text=True, timeout=120)
    if done.returncode != 0 or not done.stdout.strip():
        raise RuntimeError(f"{args[:3]} failed ({done.returncode}):\n{done.stderr[-2000:]}")
    painted, cpu = (float(x) for x in done.stdout.split()[-2:])
    return painted - start, cpu


def start_figures(path: Path, work: Path, runs: int) -> list[Figure]:
    env = _child_env(work)
    french = dict(env, LANG="fr_CA.UTF-8", LC_ALL="", LC_MESSAGES="", LANGUAGE="")
    english = dict(env, LANG="en_CA.UTF-8", LC_ALL="", LC_MESSAGES="", LANGUAGE="")
    kinds = {
        "bare": (["-c", _START_CHILD, "bare", str(len(Step))], english),
        "welcome": (["-c", _START_CHILD, "app", str(ROOT)], english),
        "welcome-fr": (["-c", _START_CHILD, "app", str(ROOT)], french),
        "project": (["-c", _START_CHILD, "app", str(ROOT), str(path)], english),
    }
    for args, child_env in kinds.values():  # warm the OS file cache and the bytecode
        _first_paint(args, child_env)
    times: dict[str, list[tuple[float, float]]] = {kind: [] for kind in kinds}
    for _ in range(runs):  # interleaved, so a busy moment hurts all alike
        for kind, (args, child_env) in kinds.items():
            times[kind].append(_first_paint(args, child_env))
    med = {
        k: Timing(statistics.median(w for w, _c in v), statistics.median(c for _w, c in v))
        for k, v in times.items()
    }
    bare = med["bare"]
    return [
        timed("app start: bare QWizard (floor)", bare, None, "s"),
        replace(
            ratio("app start to first page ÷ floor (welcome, English)", med["welcome"], bare, 1.5),
            basis="wall",
        ),
        replace(
            ratio("app start to first page ÷ floor (welcome, French)", med["welcome-fr"], bare, 1.5),
            basis="wall",
        ),
        ratio(
            "app start with the large project ÷ floor (information)",
            med["project"],
            bare,
            None,
            f"{med['project'].wall:.3f} s to the first wizard page",
        ),
    ]


_IMPORTS_CHILD = r"""
import json, sys, time
sys.path.insert(0, sys.argv[1])
if sys.argv[2] == "measure":  # import the modules a command loaded, in a fresh process
    names = json.loads(sys.stdin.read())
    cpu, wall = time.process_time(), time.perf_counter()
    for name in names:
        try:
            __import__(name)
        except Exception:
            pass
    print(json.dumps({"cpu": time.process_time() - cpu, "wall": time.perf_counter() - wall}))
    sys.exit(0)
before = set(sys.modules)
import contextlib, io
from wizard.cli import main
with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
    try:
        main(sys.argv[2:])
    except SystemExit:
        pass
print(json.dumps([m for m in sys.modules if m not in before]))
"""

_HEAVY = ("matplotlib", "docx", "numpy", "openpyxl", "jsonschema", "sqlite_utils", "PySide6")


def cli_figures(path: Path, work: Path, runs: int) -> list[Figure]:
    """The CPU time of the imports of ``check``, ``lint``, ``dump`` and ``export``: the
    modules each command loads, imported again in a fresh process (bytecode cached)."""
    env = _child_env(work)
    commands = {
        "check": ["check", str(path)],
        "lint --field": ["lint", "--field", "criterion", "The solution must be easy to use."],
        "dump": ["dump", str(path), "--out", str(work / "dump.json"), "--force"],
        "export": ["export", str(path), "--out", str(work / "cli-export"), "--force"],
    }
    figures = []
    for name, argv in commands.items():
        done = subprocess.run(
            [sys.executable, "-c", _IMPORTS_CHILD, str(ROOT), *argv],
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
            check=True,
        )
        modules = json.loads(done.stdout.strip().splitlines()[-1])
        samples = []
        for _ in range(runs):
            measured = subprocess.run(
                [sys.executable, "-c", _IMPORTS_CHILD, str(ROOT), "measure"],
                input=json.dumps(modules),
                env=env,
                capture_output=True,
                text=True,
                timeout=120,
                check=True,
            )
            samples.append(json.loads(measured.stdout.strip().splitlines()[-1]))
        heavy = [h for h in _HEAVY if h in modules]
        figures.append(
            Figure(
                f"CLI start: imports of {name}",
                statistics.median(x["wall"] for x in samples),
                statistics.median(x["cpu"] for x in samples),
                None if name == "export" else 0.4,
                "s",
                "cpu",
                f"{len(modules)} modules; loads {', '.join(heavy) or 'none of ' + '/'.join(_HEAVY[:3])}",
            )
        )
    return figures


_MEMORY_CHILD = r"""
import json, resource, sys, tempfile, time
from pathlib import Path

def peak_kb():
    # VmHWM: this process's peak RSS. ru_maxrss would start at the parent's RSS, as
    # Linux keeps it across fork and exec.
    try:
        with open("/proc/self/status") as status:
            return next(int(line.split()[1]) for line in status if line.startswith("VmHWM:"))
    except (OSError, StopIteration):
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss

sys.path.insert(0, sys.argv[1])
from wizard.core.export import export_all
from wizard.core.project_file.store import ProjectFile
pf = ProjectFile.open(sys.argv[2], read_only=True)
before = peak_kb()
with tempfile.TemporaryDirectory() as out:
    written = export_all(pf.project, Path(out))
print(json.dumps({"before_kb": before, "peak_kb": peak_kb(), "files": len(written)}))
"""


def peak_memory(path: Path, runs: int) -> tuple[float, float]:
    """Median (peak RSS, RSS after opening) in MB of a process opening ``path`` and
    running ``export_all``."""
    peaks, befores = [], []
    for _ in range(runs):
        done = subprocess.run(
            [sys.executable, "-c", _MEMORY_CHILD, str(ROOT), str(path)],
            capture_output=True,
            text=True,
            timeout=600,
            check=True,
        )
        result = json.loads(done.stdout.strip().splitlines()[-1])
        peaks.append(result["peak_kb"] / 1024)
        befores.append(result["before_kb"] / 1024)
    return statistics.median(peaks), statistics.median(befores)


def memory_figures(path: Path, runs: int) -> list[Figure]:
    peak, before = peak_memory(path, runs)
    return [
        Figure(
            "peak memory during export_all (RSS)",
            peak,
            None,
            300,
            "MB",
            "wall",
            f"{before:.0f} MB after opening the project",
        )
    ]


# -- growth: 0.25× to 4× -------------------------------------------------------------


@dataclass
class Row:
    scale: float
    criteria: int
    cells: int
    open: Timing
    checks: Timing
    export: Timing
    peak_mb: float


def growth_rows(seed: int, work: Path, runs: int) -> list[Row]:
    rows = []
    for scale in SCALES:
        counts = scaled_counts(scale)
        project = large_project(seed, scale)
        path = work / f"scale-{scale}.tender"
        ProjectFile.create(path, project).close()
        ProjectFile.open(path).close()
        opened = median_of(runs, lambda _i, path=path: ProjectFile.open(path).close())
        with ProjectFile.open(path, read_only=True) as pf:
            saved = pf.project
        _field, checks, _count = checks_after_edit(saved, 3 * runs)
        big = scale > 1
        export = export_timings(saved, work, 1 if big else runs, ["fr", "en"])["app"]
        peak, _before = peak_memory(path, 1 if big else max(1, runs // 2))
        rows.append(Row(scale, counts["criteria"], counts["support"], opened, checks, export, peak))
        print(f"  … {scale:g}× measured", flush=True)
    return rows


def growth_table(rows: list[Row]) -> list[str]:
    """The table, CPU times, each with its ratio to the 1× figure."""
    one = next(r for r in rows if r.scale == 1)
    lines = [
        f"  {'scale':>5} {'criteria':>8} {'cells':>6}  {'open (CPU)':>16}  {'checks (CPU)':>17}  "
        f"{'export FR+EN (CPU)':>19}  {'peak RSS':>13}"
    ]
    for r in rows:
        lines.append(
            f"  {r.scale:>4g}× {r.criteria:>8} {r.cells:>6}  {r.open.cpu * 1000:>7.1f} ms {r.open.cpu / one.open.cpu:>5.2f}×"
            f"  {r.checks.cpu * 1000:>8.1f} ms {r.checks.cpu / one.checks.cpu:>5.2f}×"
            f"  {r.export.cpu:>10.3f} s {r.export.cpu / one.export.cpu:>5.2f}×"
            f"  {r.peak_mb:>5.0f} MB {r.peak_mb / one.peak_mb:>5.2f}×"
        )
    return lines


def growth_figures(rows: list[Row]) -> list[Figure]:
    one = next(r for r in rows if r.scale == 1)
    four = next(r for r in rows if r.scale == 4)
    return [
        timed("4×: all checks after a criterion edit", four.checks, 80, "ms"),
        Figure(
            "4×: checks ÷ checks at 1× (linear: 4)",
            four.checks.wall / one.checks.wall,
            four.checks.cpu / one.checks.cpu,
            5.0,
            "×",
        ),
        timed("4×: export FR + EN (information)", four.export, None, "s"),
        Figure("4×: peak memory during export_all (RSS)", four.peak_mb, None, 300, "MB", "wall"),
    ]


# -- the app at 4× -------------------------------------------------------------------

_APP_CHILD = r"""
import json, statistics, sys, time
from pathlib import Path
sys.path.insert(0, sys.argv[1])
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
app = QApplication.instance() or QApplication(["benchmark"])
QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, sys.argv[3])
from wizard.ui.app import configure
from wizard.ui.language import apply_language
configure()
apply_language("en")
from dataclasses import replace
from wizard.core.steps import Step
from wizard.ui.main_window import MainWindow

def clock():
    return time.perf_counter(), time.process_time()

def since(start):
    wall, cpu = clock()
    return wall - start[0], cpu - start[1]

def settle():
    for _ in range(3):
        app.processEvents()

window = MainWindow()
window.resize(1366, 768)
window.show()
settle()
result = {}
start = clock()
window.open_path(Path(sys.argv[2]))
settle()
result["open"] = [since(start)]
wizard = window.wizard
switch, back = [], []
for _ in range(int(sys.argv[4])):
    start = clock()
    wizard.go_to(Step.CRITERIA)
    settle()
    switch.append(since(start))
    start = clock()
    wizard.go_to(Step.PROBLEM)
    settle()
    back.append(since(start))
wizard.go_to(Step.CRITERIA)
settle()
page = wizard.currentPage()
table = page.tables["criteria"]
ctx = window.ctx
criterion = ctx.project.criteria[len(ctx.project.criteria) // 2]
edits = []
for i in range(int(sys.argv[4]) * 2):
    start = clock()
    table.set_value(criterion.id, "text", f"{criterion.text} ({i})")
    settle()
    edits.append(since(start))
    assert ctx._findings is not None, "the findings panel did not refresh"
ctx.flush()
result["switch"], result["back"], result["edit"] = switch, back, edits
print(json.dumps(result))
"""


def app_figures(path: Path, work: Path, runs: int) -> list[Figure]:
    """The app at 4× in one offscreen process: open, page switches, criterion edits."""
    copy = work / "app-4x.tender"
    shutil.copyfile(path, copy)
    env = _child_env(work)
    done = subprocess.run(
        [sys.executable, "-c", _APP_CHILD, str(ROOT), str(copy), str(work / "app-settings"), str(runs)],
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )
    if done.returncode != 0:
        raise RuntimeError(f"the app child failed ({done.returncode}):\n{done.stderr[-2000:]}")
    result = json.loads(done.stdout.strip().splitlines()[-1])

    def med(kind: str) -> Timing:
        pairs = result[kind]
        return Timing(statistics.median(w for w, _c in pairs), statistics.median(c for _w, c in pairs))

    return [
        timed("4× app: open the project to its first page", med("open"), None, "s"),
        timed("4× app: go to the criteria page", med("switch"), None, "ms"),
        timed("4× app: back to the problem page", med("back"), None, "ms"),
        timed("4× app: a criterion edit to the findings updated", med("edit"), 100, "ms"),
    ]


# -- main -------------------------------------------------------------------------


def describe(project: Project) -> str:
    edited = sum(bool(c.custom_fr.strip()) + bool(c.custom_en.strip()) for c in project.clause_choices)
    return (
        f"{len(project.criteria)} criteria, {len(project.scenarios)} scenarios, "
        f"{len(project.solutions)} solutions × {len(project.features)} features "
        f"({len(project.support)} cells), {edited} clause texts, "
        f"{len(project.vendor_exchanges)} register entries, {project.tco.horizon_years}-year TCO "
        f"for {len(project.tco_options)} options"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seed", type=int, default=8, help="seed of the large project (default 8)")
    parser.add_argument("--quick", action="store_true", help="fewer runs (less stable medians)")
    args = parser.parse_args(argv)
    runs = 3 if args.quick else 7
    project = large_project(args.seed)
    print(
        f"Performance benchmark — Python {platform.python_version()}, {os.cpu_count()} CPU(s), "
        f"{platform.system()} {platform.machine()}"
    )
    print(f"Large project (seed {args.seed}): {describe(project)}")
    print(f"Medians of {runs} runs (edits: {10 * runs}; checks: {3 * runs}; brand detection: {30 * runs}).")
    figures: list[Figure] = []
    failed: list[str] = []

    def run(name: str, step: Callable[[], list[Figure]]) -> None:
        try:
            found = step()
        except Exception as exc:  # noqa: BLE001 - report and go on with the other figures
            failed.append(name)
            last = str(exc).strip().splitlines()[-1] if str(exc).strip() else type(exc).__name__
            print(f"✗ {name}: could not be measured ({last})", flush=True)
            return
        for figure in found:
            figures.append(figure)
            print(figure.line(), flush=True)

    with tempfile.TemporaryDirectory(prefix="opw-bench-") as tmp:
        work = Path(tmp)
        path = work / "large.tender"
        ProjectFile.create(path, project).close()
        with ProjectFile.open(path, read_only=True) as pf:
            saved = pf.project
        print(f"\nThe large project (1×)\n{HEADER}")
        run("export", lambda: export_figures(saved, work, runs))
        run("peak memory", lambda: memory_figures(path, max(3, runs // 2)))
        run("project file", lambda: file_figures(path, work, runs))
        run("checks", lambda: check_figures(saved, 3 * runs))
        run("brand detection", lambda: [brand_figure(30 * runs)])
        run("problem check", lambda: problem_figures(3 * runs))
        run("app start", lambda: start_figures(path, work, runs))
        run("CLI start", lambda: cli_figures(path, work, runs))
        print("\nGrowth, 0.25× to 4× (CPU times; ratio to 1×)")
        rows: list[Row] = []
        try:
            rows = growth_rows(args.seed, work, runs)
        except Exception as exc:  # noqa: BLE001
            failed.append("growth table")
            print(f"✗ growth table: could not be measured ({exc})", flush=True)
        if rows:
            print("\n".join(growth_table(rows)))
            print(HEADER)
            run("growth", lambda: growth_figures(rows))
        print(f"\nThe app at 4× (offscreen; {scaled_counts(4)['criteria']} criteria)\n{HEADER}")
        run("app at 4×", lambda: app_figures(work / "scale-4.0.tender", work, runs))
    missed = [f.name.strip() for f in figures if not f.met] + failed
    print()
    print("All figures within target." if not missed else f"Missed target: {'; '.join(missed)}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
