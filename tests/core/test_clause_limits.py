"""docs/cases.md K25: an edited clause from another town renders within limits of time,
size, loops and depth (wizard/core/clauses/sandbox.py, docs/clauses.md "The sandbox").

Each case is measured in the test itself (no timeout plugin): a case that went back to
freezing would still end, and fail on its elapsed time. The limits keep a case in
milliseconds; :data:`SLOW` leaves room for a slow machine.
"""

from __future__ import annotations

import random
import time
import tracemalloc
import zipfile
from pathlib import Path

import pytest

from wizard import cli
from wizard.core.checks import run_checks
from wizard.core.clauses import budget, sandbox
from wizard.core.clauses import library as clauses
from wizard.core.clauses.render import ClauseRenderError, environment, render_source
from wizard.core.examples import load_example
from wizard.core.i18n.formats import PLACEHOLDER
from wizard.core.model import ClauseChoice
from wizard.core.project_file.store import ProjectFile

SLOW = 2.0
"""Seconds no case may take (the CPU-time backstop is 1 s; every case below stops
sooner, on a size, step or depth limit)."""

LONG = "{% set s = 'x' * 50000 %}"
K25 = {
    "nested-loops": LONG + "{% for a in s %}{% for b in s %}{% endfor %}{% endfor %}",
    "nested-loops-filtered": LONG + "{% for a in s %}{% for b in s if b == 'y' %}{% endfor %}{% endfor %}",
    "center": "{{ organization|center(10**9) }}",
    "join-chain": "{% set a = 'x' * 300 %}{% set b = a|join(a) %}{% set c = b|join(b) %}{{ c }}",
    "tilde-chain": LONG + "{% set a = s ~ s %}{% set b = a ~ a %}{% set c = b ~ b %}{{ c ~ c ~ c ~ c }}",
    "format-width": "{{ '%999999999s'|format(organization) }}",
    "recursive-macro": "{% macro m(n) %}{{ m(n) }}{% endmacro %}{{ m(1) }}",
}
"""The inputs of docs/cases.md K25."""

MORE = {
    "method-width": "{{ organization.ljust(10**9) }}",
    "str-format-width": "{{ '{:>999999999}'.format(organization) }}",
    "percent-star": "{{ '%*s' % (999999999, organization) }}",
    "percent-repeated-key": LONG + "{{ ('%(a)s' * 1000) % {'a': s} }}",
    "power-tower": "{{ ((9 ** 64) ** 64) ** 64 }}",
    "squaring": "{% set a = 10 ** 60 %}{% set b = a * a %}{% set c = b * b %}{% set d = c * c %}"
    "{% set e = d * d %}{% set f = e * e %}{% set g = f * f %}{{ g * g }}",
    "nested-literals": LONG + "{% set b = [s, s, s] %}{{ [b, b, b] }}",
    "loop-output": LONG + "{% for a in s %}{{ s }}{% endfor %}",
    "loop-work": LONG + "{% for a in s %}{% set t = s|upper %}{% endfor %}",
    "branching-recursion": "{% macro m(n) %}{% if n < 30 %}{{ m(n + 1) }}{{ m(n + 1) }}{% endif %}"
    "{% endmacro %}{{ m(1) }}",
    "recursive-loop": "{% for x in [1] recursive %}{{ loop([1]) }}{% endfor %}",
    "caller-recursion": "{% macro m() %}{{ caller() }}{% endmacro %}"
    "{% macro r() %}{% call m() %}{{ r() }}{% endcall %}{% endmacro %}{{ r() }}",
    "batch-fill": "{{ [1]|batch(10**9, 'x')|list }}",
    "replace-empty": LONG + "{{ s|replace('', s) }}",
    "wordwrap-string": LONG + "{{ s|wordwrap(1, wrapstring=s) }}",
    "indent": LONG + "{{ (s|replace('x', 'x\n'))[:40000]|indent(100000) }}",
    "map-join": LONG + "{{ [s, s]|map('upper')|join(s) }}",
    "sum-lists": "{{ ('x' * 20000)|list|batch(1)|sum(start=[]) }}",
    "expandtabs": "{{ ('\t' * 50000).expandtabs(50000) }}",
    "to-bytes": "{{ (1).to_bytes(10**9, 'big') }}",
    "deep-parentheses": "{{ " + "(" * 5000 + "1" + ")" * 5000 + " }}",
    "long-body": "x" * (budget.MAX_SOURCE + 1),
    "mutation": "{% set a = [1] %}{{ a.extend(a) }}",
}
"""Other ways to the same ends, each stopped by a limit."""


def _render(source: str) -> tuple[ClauseRenderError, float]:
    context = {"organization": "Ville de Lac-Vert", "excluded_vendors": ["A", "B"]}
    start = time.perf_counter()
    with pytest.raises(ClauseRenderError) as caught:
        render_source(source, context, "precedence")
    return caught.value, time.perf_counter() - start


@pytest.mark.parametrize("source", [*K25.values(), *MORE.values()], ids=[*K25, *MORE])
def test_k25_each_input_is_refused_quickly_naming_the_clause(source):
    error, elapsed = _render(source)
    assert error.clause_id == "precedence"
    assert elapsed < SLOW, f"{elapsed:.2f} s"


def test_k25_the_error_says_which_limit():
    assert "100,000 steps" in _render(K25["nested-loops"])[0].detail
    assert "center" in _render(K25["center"])[0].detail
    assert "nested deeper than 20" in _render(K25["recursive-macro"])[0].detail
    assert "longer than 100,000 characters" in _render(MORE["long-body"])[0].detail


def test_k25_what_a_clause_may_still_do():
    """The limits stop abuse, not a clause: loops, macros, filters and formats work."""
    source = (
        "{% macro item(name) %}- {{ name|upper }}{% endmacro %}"
        "{% for v in excluded_vendors %}{{ item(v) }}\n{% endfor %}"
        "{{ '{:,}'.format(1234567) }} {{ '%5.2f'|format(3.14159) }} {{ 2 ** 10 }} "
        "{{ organization ~ ' (' ~ excluded_vendors|join(', ') ~ ')' }} {{ ('ab' * 3)|center(10) }}"
    )
    text = render_source(source, {"organization": "Ville", "excluded_vendors": ["a", "b"]}, "x")
    assert text == "- A\n- B\n1,234,567  3.14 1024 Ville (a, b)   ababab  "
    many = "{% for v in s %}{{ v }}{% endfor %}"
    assert len(render_source(many, {"s": "y" * 50_000}, "x")) == 50_000


def test_k25_limits_are_per_render_and_per_thread():
    """A budget is spent by one render only: the next starts afresh."""
    loop = "{% for a in s %}{% endfor %}ok"
    for _ in range(5):
        assert render_source(loop, {"s": "y" * (budget.MAX_STEPS // 2)}, "x") == "ok"


# -- through the project: the finding, the other findings, check and export --------------


def _edited(source: str):
    project = load_example("office-suite")
    before = run_checks(project)
    choice = next((c for c in project.clause_choices if c.clause_id == "precedence"), None)
    if choice is None:
        choice = ClauseChoice(900, "precedence", True)
        project.clause_choices.append(choice)
    choice.custom_fr = choice.custom_en = source
    return project, before, choice


@pytest.mark.parametrize("source", K25.values(), ids=K25.keys())
def test_k25_one_finding_names_the_clause_and_every_other_finding_stays(source):
    project, before, choice = _edited(source)
    start = time.perf_counter()
    found = run_checks(project)
    elapsed = time.perf_counter() - start
    assert elapsed < 2 * SLOW, f"{elapsed:.2f} s"
    renders = [f for f in found if f.code == "K-RENDER"]
    assert renders and all(f.param("clause_id") == "precedence" for f in renders)
    assert {f.field for f in renders} <= {f"clause_choices:{choice.id}.custom_{x}" for x in ("fr", "en")}
    assert [f for f in found if f.code != "K-RENDER"] == before
    assert "“2. Precedence of the Contract over the Contractor's terms”" in renders[0].message("en")


@pytest.mark.parametrize("source", K25.values(), ids=K25.keys())
def test_k25_check_completes_and_reports_the_clause(source, tmp_path, capsys):
    project, _before, _choice = _edited(source)
    path = tmp_path / "recu.tender"
    ProjectFile.create(path, project).close()
    start = time.perf_counter()
    assert cli.main(["check", str(path), "--lang", "en"]) == 1
    assert time.perf_counter() - start < 2 * SLOW
    out = capsys.readouterr().out
    assert (
        "K-RENDER" in out
        and "“2. Precedence of the Contract over the Contractor's terms”" in out
        and "Traceback" not in out
    )


def _tender_text(folder: Path) -> str:
    texts = []
    for docx in sorted(folder.glob("*.docx")):
        with zipfile.ZipFile(docx) as archive:
            texts.append(archive.read("word/document.xml").decode("utf-8"))
    return "\n".join(texts)


@pytest.mark.slow
@pytest.mark.parametrize("source", K25.values(), ids=K25.keys())
def test_k25_export_completes_with_the_placeholder_for_the_clause(source, tmp_path, capsys):
    project, _before, _choice = _edited(source)
    path = tmp_path / "recu.tender"
    ProjectFile.create(path, project).close()
    start = time.perf_counter()
    assert cli.main(["export", str(path), "--out", str(tmp_path / "out")]) == 0
    assert time.perf_counter() - start < 30
    capsys.readouterr()
    rendered = {r.id: r for r in clauses.render_clauses(project, "fr")}
    assert rendered["precedence"].error is not None
    assert rendered["precedence"].paragraphs[0][1].startswith(PLACEHOLDER)
    text = _tender_text(tmp_path / "out")
    assert PLACEHOLDER in text


# -- fuzz -------------------------------------------------------------------------------

_SIZES = ["0", "3", "1000", "50000", "10**5", "10**6", "10**9"]
_NAMES = ["organization", "excluded_vendors", "s", "n", "v"]
_FILTERS = [
    "upper",
    "list",
    "string",
    "length",
    "first",
    "last",
    "sort",
    "unique",
    "reverse",
    "title",
    "trim",
    "center({n})",
    "indent({n})",
    "wordwrap({n})",
    "truncate({n})",
    "join({e})",
    "replace('x', {e})",
    "replace('', {e})",
    "batch({n}, 'x')",
    "slice({n})",
    "format({e})",
    "sum",
    "map('upper')",
    "select",
    "default({e})",
    "int",
    "round",
]
_METHODS = [
    "center({n})",
    "ljust({n})",
    "zfill({n})",
    "replace('x', {e})",
    "join({e})",
    "format({e})",
    "split()",
    "expandtabs({n})",
    "upper()",
    "count('x')",
]


class Snippets:
    """A seeded generator of clause bodies mixing loops, filters, macros, string
    operations and big numbers: most valid, many abusive, some broken."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)

    def size(self) -> str:
        return self.rng.choice(_SIZES)

    def expr(self, depth: int = 0) -> str:
        r = self.rng
        if depth > 2 or r.random() < 0.25:
            return r.choice(
                [
                    *_NAMES,
                    f"'x' * {self.size()}",
                    f"'%{self.size()}s'",
                    "'{:>" + self.size() + "}'",
                    self.size(),
                    "[s, s, s]",
                    "'a\tb'",
                ]
            )
        a, b = self.expr(depth + 1), self.expr(depth + 1)
        kind = r.randrange(6)
        if kind == 0:
            return f"({a} {r.choice(['*', '+', '~', '**', '%', '//'])} {b})"
        if kind == 1:
            return f"({a})|" + r.choice(_FILTERS).format(n=self.size(), e=b)
        if kind == 2:
            return f"({a})." + r.choice(_METHODS).format(n=self.size(), e=b)
        if kind == 3:
            return f"[{a}, {b}, {a}]"
        if kind == 4:
            return f"({a})[{r.choice(['0', '1:', '::-1', ':' + self.size()])}]"
        return f"({a} if {b} else {a})"

    def body(self, depth: int = 0) -> str:
        r = self.rng
        parts = []
        for _ in range(r.randint(1, 3)):
            kind = r.randrange(7 if depth < 2 else 3)
            if kind == 0:
                parts.append("{{ " + self.expr() + " }}")
            elif kind == 1:
                parts.append("{% set " + r.choice(_NAMES[2:]) + " = " + self.expr() + " %}")
            elif kind == 2:
                parts.append("Le fournisseur {{ organization }} s’engage.\n")
            elif kind == 3:
                parts.append("{% for v in " + self.expr() + " %}" + self.body(depth + 1) + "{% endfor %}")
            elif kind == 4:
                call = r.choice(["m(n)", "m(n + 1)", "m(n ~ n)", "m(n) ~ m(n)", "caller()"])
                guard = r.choice(["", "{% if n|string|length < 40 %}", "{% if n < 25 %}"])
                end = "{% endif %}" if guard else ""
                macro = "{% macro m(n) %}" + guard + "{{ " + call + " }}" + end + "{% endmacro %}"
                parts.append(macro + "{{ m(" + self.expr() + ") }}")
            elif kind == 5:
                parts.append("{% if " + self.expr() + " %}" + self.body(depth + 1) + "{% endif %}")
            else:
                parts.append("{% for v in s recursive %}{{ loop([v]) }}{% endfor %}")
        return "".join(parts)


FUZZ_CASES = 100


@pytest.mark.slow
@pytest.mark.filterwarnings("ignore::SyntaxWarning")  # Python compiling a body such as `(3)[0]`
def test_k25_fuzz_only_clause_errors_and_never_past_the_limits():
    """~100 random bodies: each renders or raises ClauseRenderError, within SLOW
    seconds and 64 MB of new memory (measured by tracemalloc)."""
    snippets = Snippets(seed=25)
    context = {"organization": "Ville de Lac-Vert", "excluded_vendors": ["A", "B"], "s": "x" * 1000, "n": 7}
    outcomes = {"rendered": 0, "refused": 0}
    tracemalloc.start()
    try:
        for case in range(FUZZ_CASES):
            source = (LONG if case % 3 == 0 else "") + snippets.body()
            tracemalloc.reset_peak()
            base = tracemalloc.get_traced_memory()[0]
            start = time.perf_counter()
            try:
                render_source(source, context, "fuzz")
                outcomes["rendered"] += 1
            except ClauseRenderError as exc:
                assert exc.clause_id == "fuzz"
                outcomes["refused"] += 1
            elapsed = time.perf_counter() - start
            peak = tracemalloc.get_traced_memory()[1] - base
            assert elapsed < SLOW, f"case {case}: {elapsed:.2f} s: {source!r}"
            assert peak < 64 * 2**20, f"case {case}: {peak / 2**20:.0f} MB: {source!r}"
    finally:
        tracemalloc.stop()
    assert outcomes["rendered"] > 10 and outcomes["refused"] > 10, outcomes


def test_k25_the_sandbox_is_the_bounded_one():
    env = environment()
    assert isinstance(env, sandbox.ClauseSandbox)
    assert not set(sandbox._LEFT_OUT) & set(env.filters)
    assert env.globals == {}
