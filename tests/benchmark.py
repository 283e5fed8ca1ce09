"""The performance figures (README.md, "Performance benchmark") on the generated "large" project.

Run with plain Python from the repository root::

    python tests/benchmark.py            # every figure (about a minute on 2 cores)
    python tests/benchmark.py --quick    # fewer runs
    python tests/benchmark.py --seed 3   # another large project

For each figure it prints the median of several runs (wall clock; the CPU time of
the process is added in the note), the target, the ratio (median / target; ≤ 1.00 is
within target) and ✓ or ✗. The project comes from
``tests/largegen.py`` (300 criteria, 60 scenarios, 50 solutions × 200 features,
40 clause texts, 200 register entries, 10-year TCO for 3 options), saved to a
temporary ``.tender`` file.

* *export*: the tender and the decision record written to a fresh folder, in French,
  then in French and English (the large project's setting); the full ``export_all``
  (with open data) is shown for information;
* *open*: ``ProjectFile.open`` on the saved file (checks, reading every row);
* *autosaved edit*: one ``set_field`` / one ``update_row``, each committed with its
  journal entry;
* *all checks*: ``run_checks`` right after an edit (a section field, then a
  criterion's text, which invalidates the caches kept on criteria texts);
* *brand detection*: ``detect_brands`` on 5,000 characters (a different text each run);
* *app start*: from launching a process to the first paint of its first page
  (``QT_QPA_PLATFORM=offscreen``, bytecode built by a first start; a French start
  compiles the translations, as every French run from a source checkout does): a bare
  ``QWizard`` holding as many pages as the app has steps vs the app's welcome screen, in
  English and in French; the app opening the large project is shown for information;
* *peak memory*: the peak resident set size (``VmHWM``) of a process that opens the
  project and runs ``export_all``.

Timings are not asserted anywhere in the test suite: machines differ.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(Path(__file__).resolve().parent)]

from benchmark_brands import SAMPLE  # noqa: E402
from largegen import large_project  # noqa: E402

from wizard.core.checks import run_checks  # noqa: E402
from wizard.core.domain.brands import detect_brands  # noqa: E402
from wizard.core.export import export_all, record_files, tender_files, write_files  # noqa: E402
from wizard.core.model import Project  # noqa: E402
from wizard.core.project_file.store import ProjectFile  # noqa: E402
from wizard.core.steps import Step  # noqa: E402
from wizard.core.textclean import clean_project  # noqa: E402


@dataclass
class Figure:
    """One line of the report; ``target`` in the unit of ``median`` (None: information)."""

    name: str
    median: float
    target: float | None
    unit: str  # "s", "ms", "MB" or "×"
    note: str = ""

    def line(self) -> str:
        value = _show(self.median, self.unit)
        if self.target is None:
            return f"  {self.name:<46} {value:>10}   {'(info)':>10}  {'':>5}     {self.note}".rstrip()
        ratio = self.median / self.target
        mark = "✓" if ratio <= 1 else "✗"
        target = "≤ " + _show(self.target, self.unit)
        return f"{mark} {self.name:<46} {value:>10}   {target:>10}  {ratio:5.2f}     {self.note}".rstrip()


def _show(value: float, unit: str) -> str:
    if unit == "s":
        return f"{value:.3f} s"
    if unit == "ms":
        return f"{value:.2f} ms"
    if unit == "MB":
        return f"{value:.0f} MB"
    return f"{value:.2f} ×"


@dataclass(frozen=True)
class Timing:
    """Medians in seconds: wall clock (what a user waits) and this process's CPU time
    (steadier when other programs share the machine)."""

    wall: float
    cpu: float


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


def timed(name: str, timing: Timing, target: float | None, unit: str, note: str = "") -> Figure:
    """A figure from a timing, in seconds or milliseconds; the CPU median goes in the note."""
    scale = 1 if unit == "s" else 1000
    cpu = f"CPU {_show(timing.cpu * scale, unit)}"
    return Figure(name, timing.wall * scale, target, unit, f"{cpu}; {note}" if note else cpu)


# -- export -----------------------------------------------------------------------


def export_figures(project: Project, work: Path, runs: int) -> list[Figure]:
    out = [work]
    clean = clean_project(project)

    def fresh(_i: int) -> None:
        out[0] = work / f"export-{len(list(work.glob('export-*')))}"
        out[0].mkdir()

    def tender_and_record(langs: list[str]) -> Callable[[int], None]:
        def run(_i: int) -> None:
            write_files({**tender_files(clean, langs), **record_files(clean, langs)}, out[0])

        return run

    fresh(0)
    tender_and_record(["fr", "en"])(0)  # warm-up: templates, styles, clause library, fonts
    what = "tender + decision record"
    one = median_of(runs, tender_and_record(["fr"]), fresh)
    both = median_of(runs, tender_and_record(["fr", "en"]), fresh)
    every = median_of(runs, lambda _i: export_all(project, out[0]), fresh)
    return [
        timed(f"export: {what}, FR", one, 1.5, "s"),
        timed(f"export: {what}, FR + EN", both, 1.5, "s", "the large project's setting"),
        timed("export_all (every output, information)", every, None, "s"),
    ]


# -- the project file -------------------------------------------------------------


def file_figures(path: Path, runs: int) -> list[Figure]:
    def open_close(_i: int) -> None:
        ProjectFile.open(path).close()

    open_close(0)
    figures = [timed("open project", median_of(runs, open_close), 0.3, "s")]
    pf = ProjectFile.open(path)
    try:
        base = pf.project.problem.context
        field = median_of(10 * runs, lambda i: pf.set_field("problem", "context", f"{base} ({i})"))
        criterion = pf.project.criteria[len(pf.project.criteria) // 2]
        row = median_of(
            10 * runs, lambda i: pf.update_row("criteria", criterion.id, text=f"{criterion.text} ({i})")
        )
        figures.append(timed("autosaved edit: a section field", field, 5, "ms"))
        figures.append(timed("autosaved edit: a criterion row", row, 5, "ms"))
    finally:
        pf.close()
    return figures


# -- checks and brands ------------------------------------------------------------


def check_figures(project: Project, runs: int) -> list[Figure]:
    run_checks(project)  # warm-up: brand index, regexes
    base = project.problem.context
    criterion = project.criteria[len(project.criteria) // 2]
    index = project.criteria.index(criterion)

    def edit_field(i: int) -> None:
        project.problem.context = f"{base} ({i})"

    def edit_criterion(i: int) -> None:
        project.criteria[index] = replace(criterion, text=f"{criterion.text} ({i})")

    after_field = median_of(runs, lambda _i: run_checks(project), edit_field)
    after_criterion = median_of(runs, lambda _i: run_checks(project), edit_criterion)
    count = len(run_checks(project))
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


# -- processes: app start, peak memory ---------------------------------------------

_START_CHILD = r"""
import os, sys, time
from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWizard, QWizardPage


def first_paint(self, event):
    # The first page's first paint event: print its wall-clock time and leave at once
    # (tearing down is not part of the start). No application-wide event filter: it
    # would slow every event of the bigger window down.
    print(time.time(), flush=True)
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

_MEMORY_CHILD = r"""
import json, resource, sys, tempfile
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


def _seconds_to_first_paint(args: list[str], env: dict[str, str]) -> float:
    """From launching ``python args`` to the first paint of its first page (the child
    prints the wall-clock time of that paint, then exits at once)."""
    start = time.time()
    done = subprocess.run([sys.executable, *args], env=env, capture_output=True, text=True, timeout=120)
    if done.returncode != 0 or not done.stdout.strip():
        raise RuntimeError(f"{args[:3]} failed ({done.returncode}):\n{done.stderr[-2000:]}")
    return float(done.stdout.split()[-1]) - start


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
        _seconds_to_first_paint(args, child_env)
    times: dict[str, list[float]] = {kind: [] for kind in kinds}
    for _ in range(runs):  # interleaved, so a busy moment hurts all alike
        for kind, (args, child_env) in kinds.items():
            times[kind].append(_seconds_to_first_paint(args, child_env))
    bare, welcome, welcome_fr, project = (statistics.median(times[k]) for k in kinds)
    return [
        Figure(
            "app start to first page (welcome, English)",
            welcome / bare,
            1.5,
            "×",
            f"app {welcome:.3f} s, bare QWizard {bare:.3f} s",
        ),
        Figure(
            "app start to first page (welcome, French)",
            welcome_fr / bare,
            1.5,
            "×",
            f"app {welcome_fr:.3f} s",
        ),
        Figure(
            "app start with the large project (information)",
            project / bare,
            None,
            "×",
            f"app {project:.3f} s to the first wizard page",
        ),
    ]


def memory_figures(path: Path, runs: int) -> list[Figure]:
    peaks, befores = [], []
    for _ in range(runs):
        done = subprocess.run(
            [sys.executable, "-c", _MEMORY_CHILD, str(ROOT), str(path)],
            capture_output=True,
            text=True,
            timeout=300,
            check=True,
        )
        result = json.loads(done.stdout.strip().splitlines()[-1])
        peaks.append(result["peak_kb"] / 1024)
        befores.append(result["before_kb"] / 1024)
    return [
        Figure(
            "peak memory during export_all (RSS)",
            statistics.median(peaks),
            300,
            "MB",
            f"{statistics.median(befores):.0f} MB after opening the project",
        )
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
    print(f"Medians of {runs} runs (edits: {10 * runs}; checks: {3 * runs}; brand detection: {30 * runs}).\n")
    print(f"  {'figure':<46} {'median':>10}   {'target':>10}  {'ratio':>5}")
    figures: list[Figure] = []
    with tempfile.TemporaryDirectory(prefix="opw-bench-") as tmp:
        work = Path(tmp)
        path = work / "large.tender"
        ProjectFile.create(path, project).close()
        with ProjectFile.open(path, read_only=True) as pf:
            saved = pf.project
        steps: list[tuple[str, Callable[[], list[Figure]]]] = [
            ("export", lambda: export_figures(saved, work, runs)),
            ("peak memory", lambda: memory_figures(path, max(3, runs // 2))),
            ("project file", lambda: file_figures(path, runs)),
            ("checks", lambda: check_figures(saved, 3 * runs)),
            ("brand detection", lambda: [brand_figure(30 * runs)]),
            ("app start", lambda: start_figures(path, work, runs)),
        ]
        failed = []
        for name, step in steps:
            try:
                found = step()
            except Exception as exc:  # noqa: BLE001 - report and go on with the other figures
                failed.append(name)
                last = str(exc).strip().splitlines()[-1] if str(exc).strip() else type(exc).__name__
                print(f"✗ {name}: could not be measured ({last})", flush=True)
                continue
            for figure in found:
                figures.append(figure)
                print(figure.line(), flush=True)
    missed = [f.name for f in figures if f.target is not None and f.median > f.target] + failed
    print()
    print("All figures within target." if not missed else f"Missed target: {', '.join(missed)}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
