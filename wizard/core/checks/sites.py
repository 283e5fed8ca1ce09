"""Where the checks make findings, read from their source with :mod:`ast` (the
catalogue of finding codes, :mod:`wizard.core.checks.catalogue`, is built from it).

Every finding is made by ``Finding(...)`` in :func:`~wizard.core.checks.base.finding`,
which the checks call directly or through a helper (``brand_finding``,
``blank_info_findings``, a module's own ``_row``), often with the values in a table a
loop walks (``vendors._FLAGS``, ``project._REQUIRED``, ``clauses._MISSING``).
:func:`read_sites` starts from each check function (one that makes findings and that no
such function calls), follows the calls down to ``Finding(...)``, binds parameters and
loop variables on the way, and collects per code what it can carry. Nothing is run.

What the source tells: string constants, f-strings, ``N_("…")``, ``Plural("…", "…", n)``
(its two forms, as the pair ``(singular, plural)``), ``Severity.X``,
``a if c else b``, names (parameters, locals, module-level constants, also imported from
another module of the checks), ``module.CONSTANT``, the ``return`` values of a function
of the checks, and loops over a literal table or a dict's ``.items()``. Anything else
is kept as the expression's text: only known at run time.
"""

from __future__ import annotations

import ast
import dataclasses
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TypeVar

from wizard.core.checks.base import Finding, Severity

CODE = re.compile(r"[A-Z]{1,2}(?:-[A-Z0-9]+)+|CHECK-FAILED")
"""What a finding code looks like: ``P-SOLUTION``, ``PR-CLOSING-TIME``, ``T-NO-EXIT`` (the
prefix names the step), and ``CHECK-FAILED``, which any step may show when its checks
raise."""

_PACKAGE = Path(__file__).resolve().parent
_PREFIX = "wizard.core.checks"
_SKIPPED = ("catalogue", "sites", "__init__")  # they read or run the checks; the codes are the modules'
_N = ("wizard.core.i18n", "N_")
_PLURAL = ("wizard.core.i18n", "Plural")
_MAX_DEPTH = 12  # calls and names followed before giving up
_MAX_FRAMES = 512  # loop-item combinations kept per call
_T = TypeVar("_T")


# -- the source -------------------------------------------------------------------------


@dataclass(frozen=True, eq=False)
class _Module:
    name: str  # "criteria"; "__init__" for the package itself
    functions: dict[str, ast.FunctionDef]
    assigns: dict[str, ast.expr]  # module-level NAME = value
    imports: dict[str, tuple[str, str]]  # local name → (module, name)
    parents: dict[ast.AST, ast.AST]


def _parse(path: Path) -> _Module:
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    assigns: dict[str, ast.expr] = {}
    imports: dict[str, tuple[str, str]] = {}
    for node in tree.body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            assigns[node.targets[0].id] = node.value
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name) and node.value:
            assigns[node.target.id] = node.value
        elif isinstance(node, ast.ImportFrom) and node.module:
            imports.update({a.asname or a.name: (node.module, a.name) for a in node.names})
    return _Module(
        path.stem,
        {n.name: n for n in tree.body if isinstance(n, ast.FunctionDef)},
        assigns,
        imports,
        {child: parent for parent in ast.walk(tree) for child in ast.iter_child_nodes(parent)},
    )


@cache
def _modules() -> dict[str, _Module]:
    return {p.stem: _parse(p) for p in sorted(_PACKAGE.glob("*.py")) if p.stem not in _SKIPPED}


def _symbol(node: ast.expr, module: _Module) -> tuple[_Module, str] | None:
    """What ``name`` or ``alias.name`` refers to among the checks' modules:
    ``(module, name)``, with name '' for a module itself (``principles``)."""
    modules = _modules()
    if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
        outer = _symbol(node.value, module)
        return (outer[0], node.attr) if outer and not outer[1] else None
    if not isinstance(node, ast.Name):
        return None
    if node.id not in module.imports:
        return module, node.id
    source, name = module.imports[node.id]
    if source == _PREFIX:
        return (modules[name], "") if name in modules else None
    short = source.removeprefix(_PREFIX + ".")
    return (modules[short], name) if source.startswith(_PREFIX + ".") and short in modules else None


def _params(function: ast.FunctionDef) -> list[str]:
    a = function.args
    return [p.arg for p in [*a.posonlyargs, *a.args, *a.kwonlyargs]]


def _body(function: ast.FunctionDef) -> Iterator[ast.AST]:
    """Every node of ``function``'s body, nested functions and classes left out."""
    todo: list[ast.AST] = list(function.body)
    while todo:
        node = todo.pop(0)
        if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda)):
            yield node
            todo.extend(ast.iter_child_nodes(node))


def _assigns(target: ast.AST, name: str) -> bool:
    return any(isinstance(n, ast.Name) and n.id == name for n in ast.walk(target))


def _local_values(function: ast.FunctionDef, name: str) -> list[ast.expr | None] | None:
    """The values assigned to the local ``name`` (``None`` for one the source cannot
    tell: unpacked, augmented, a loop target); ``None`` when the function never assigns it."""
    found: list[ast.expr | None] = []
    for node in _body(function):
        if isinstance(node, ast.Assign):
            for target in node.targets:
                if _assigns(target, name):
                    found.append(node.value if isinstance(target, ast.Name) else None)
        elif isinstance(node, (ast.AnnAssign, ast.NamedExpr)) and _assigns(node.target, name):
            found.append(node.value)
        elif isinstance(node, (ast.AugAssign, ast.For, ast.comprehension)) and _assigns(node.target, name):
            found.append(None)
    return found or None


# -- what an expression can be -----------------------------------------------------------


@dataclass(frozen=True, eq=False)
class _Frame:
    """Where an expression is read: its module, its function, the names bound so far."""

    module: _Module
    function: ast.FunctionDef | None
    env: dict[str, _Binding]


@dataclass(frozen=True, eq=False)
class _Binding:
    expr: ast.expr
    frame: _Frame | None  # None: a value only known at run time
    name: str = ""  # "principles.NEED" for a module-level constant


@dataclass(frozen=True)
class _Value:
    value: str | tuple[str, str] | Severity | None  # None: only known at run time
    source: str  # the constant it came from, or the expression's text


def _lookup(name: str, frame: _Frame) -> list[_Binding]:
    """What ``name`` stands for in ``frame``: a bound parameter or loop variable, each
    value assigned to a local, or a module-level constant (here or imported)."""
    unknown = _Binding(ast.Name(name), None)
    if name in frame.env:
        return [frame.env[name]]
    if frame.function is not None:
        if name in _params(frame.function):
            return [unknown]
        local = _local_values(frame.function, name)
        if local is not None:
            return [_Binding(v, frame) if v is not None else unknown for v in local]
    symbol = _symbol(ast.Name(name), frame.module)
    if symbol and symbol[1] in symbol[0].assigns:
        module = symbol[0]
        return [_Binding(module.assigns[symbol[1]], _Frame(module, None, {}), f"{module.name}.{symbol[1]}")]
    return [unknown]


def _eval(expr: ast.expr, frame: _Frame, depth: int = 0) -> list[_Value]:
    """Every value ``expr`` can have in ``frame``, as far as the source tells."""
    opaque = [_Value(None, ast.unparse(expr))]
    if depth > _MAX_DEPTH:
        return opaque
    if isinstance(expr, ast.Constant) and isinstance(expr.value, str):
        return [_Value(expr.value, "")]
    if isinstance(expr, ast.JoinedStr):
        return [_Value(_template(expr, frame, depth), "")]
    if isinstance(expr, ast.IfExp):
        return _eval(expr.body, frame, depth + 1) + _eval(expr.orelse, frame, depth + 1)
    if isinstance(expr, ast.Name):
        return [
            _Value(v.value, v.source or b.name)
            for b in _lookup(expr.id, frame)
            for v in (_eval(b.expr, b.frame, depth + 1) if b.frame else [_Value(None, ast.unparse(b.expr))])
        ]
    if (
        isinstance(expr, ast.Attribute)
        and isinstance(expr.value, ast.Name)
        and expr.value.id not in frame.env
    ):
        symbol = _symbol(expr.value, frame.module)
        if symbol and (symbol[0].name, symbol[1]) == ("base", "Severity"):
            return [_Value(Severity[expr.attr], "")] if expr.attr in Severity.__members__ else opaque
        if symbol and not symbol[1]:  # principles.NEED
            return _eval(ast.Name(expr.attr), _Frame(symbol[0], None, {}), depth + 1)
    if isinstance(expr, ast.Call):
        return _eval_call(expr, frame, depth) or opaque
    return opaque


def _eval_call(call: ast.Call, frame: _Frame, depth: int) -> list[_Value]:
    """``N_("…")`` is its text, ``Plural("…", "…", n)`` the pair of its forms; a call to
    a function of the checks is the union of its ``return`` values, its parameters bound
    to the call's arguments."""
    if isinstance(call.func, ast.Name) and frame.module.imports.get(call.func.id) == _N:
        return _eval(call.args[0], frame, depth + 1) if call.args else []
    if isinstance(call.func, ast.Name) and frame.module.imports.get(call.func.id) == _PLURAL:
        forms = [a.value for a in call.args[:2] if isinstance(a, ast.Constant) and isinstance(a.value, str)]
        return [_Value((forms[0], forms[1]), "")] if len(forms) == 2 else []
    symbol = _symbol(call.func, frame.module)
    function = symbol[0].functions.get(symbol[1]) if symbol else None
    if symbol is None or function is None:
        return []
    inner = _Frame(symbol[0], function, _bind(function, symbol[0], call, frame))
    returns = [n.value for n in _body(function) if isinstance(n, ast.Return) and n.value is not None]
    return [v for r in returns for v in _eval(r, inner, depth + 1)]


def _template(node: ast.JoinedStr, frame: _Frame, depth: int) -> str:
    """An f-string with what the source tells filled in: ``"criteria:{id}.text"``."""
    parts = []
    for part in node.values:
        if isinstance(part, ast.Constant):
            parts.append(str(part.value))
        elif isinstance(part, ast.FormattedValue):
            values = _eval(part.value, frame, depth + 1)
            one = values[0].value if len(values) == 1 else None
            text = ast.unparse(part.value)
            unknown = "{id}" if re.fullmatch(r"(?:\w+\.)?\w*id", text) else "{" + text + "}"
            parts.append(one if isinstance(one, str) else unknown)
    return "".join(parts)


def _bind(function: ast.FunctionDef, module: _Module, call: ast.Call, caller: _Frame) -> dict[str, _Binding]:
    """The parameters of ``function`` (of ``module``) bound to ``call``'s arguments, read
    in ``caller``, else to their defaults; ``*args`` and ``**kwargs`` stay unbound."""
    a = function.args
    positional = [p.arg for p in [*a.posonlyargs, *a.args]]
    home = _Frame(module, None, {})
    env = {name: _Binding(d, home) for name, d in zip(positional[::-1], a.defaults[::-1], strict=False)}
    env |= {p.arg: _Binding(d, home) for p, d in zip(a.kwonlyargs, a.kw_defaults, strict=True) if d}
    for name, arg in zip(positional, call.args, strict=False):
        if isinstance(arg, ast.Starred):
            break
        env[name] = _Binding(arg, caller)
    env |= {k.arg: _Binding(k.value, caller) for k in call.keywords if k.arg in _params(function)}
    return env


# -- loops ----------------------------------------------------------------------------------


def _literal(expr: ast.expr, frame: _Frame | None, depth: int = 0) -> tuple[ast.expr, _Frame | None]:
    """The literal a name stands for (a loop's table) and the frame it is read in."""
    if frame is None or depth > _MAX_DEPTH or not isinstance(expr, ast.Name):
        return expr, frame
    bindings = _lookup(expr.id, frame)
    if len(bindings) != 1:
        return expr, None
    return _literal(bindings[0].expr, bindings[0].frame, depth + 1)


def _items(expr: ast.expr, frame: _Frame) -> list[_Binding] | None:
    """What a loop over ``expr`` binds when the source holds it (a tuple, a list, a
    dict's ``.items()``); ``None`` otherwise."""
    if isinstance(expr, ast.Call) and isinstance(expr.func, ast.Attribute) and expr.func.attr == "items":
        table, where = _literal(expr.func.value, frame)
        if not isinstance(table, ast.Dict) or where is None:
            return None
        pairs = zip(table.keys, table.values, strict=True)
        return [_Binding(ast.Tuple([k, v], ast.Load()), where) for k, v in pairs if k is not None]
    node, where = _literal(expr, frame)
    if isinstance(node, (ast.Tuple, ast.List, ast.Set)) and where is not None:
        return [_Binding(e, where) for e in node.elts]
    return None


def _unknown(target: ast.expr) -> dict[str, _Binding]:
    return {n.id: _Binding(n, None) for n in ast.walk(target) if isinstance(n, ast.Name)}


def _bind_target(target: ast.expr, item: _Binding) -> dict[str, _Binding]:
    if isinstance(target, ast.Name):
        return {target.id: item}
    node, where = _literal(item.expr, item.frame)
    if (
        isinstance(target, (ast.Tuple, ast.List))
        and isinstance(node, (ast.Tuple, ast.List))
        and where is not None
        and len(node.elts) == len(target.elts)
    ):
        env: dict[str, _Binding] = {}
        for t, e in zip(target.elts, node.elts, strict=True):
            env |= _bind_target(t, _Binding(e, where))
        return env
    return _unknown(target)


def _loop_frames(node: ast.AST, frame: _Frame) -> list[_Frame]:
    """``frame`` once per combination of the items of the loops around ``node``."""
    loops: list[tuple[ast.expr, ast.expr]] = []  # (target, iterable), innermost first
    child, parent = node, frame.module.parents.get(node)
    while parent is not None and parent is not frame.function:
        if isinstance(parent, ast.For) and child is not parent.iter:
            loops.append((parent.target, parent.iter))
        elif isinstance(parent, (ast.ListComp, ast.SetComp, ast.GeneratorExp, ast.DictComp)):
            gens = parent.generators
            upto = gens.index(child) if isinstance(child, ast.comprehension) else len(gens)
            loops.extend((g.target, g.iter) for g in reversed(gens[:upto]))
        child, parent = parent, frame.module.parents.get(parent)
    envs = [frame.env]
    for target, iterable in reversed(loops):
        following: list[dict[str, _Binding]] = []
        for env in envs:
            items = _items(iterable, _Frame(frame.module, frame.function, env))
            if items is None:
                following.append(env | _unknown(target))
            else:
                following += [env | _bind_target(target, item) for item in items]
        envs = following[:_MAX_FRAMES]
    return [_Frame(frame.module, frame.function, env) for env in envs]


# -- from each check down to Finding(...) ----------------------------------------------------


def _callee(call: ast.Call, module: _Module) -> tuple[_Module, str] | None:
    """The checks' function (or the ``Finding`` class) that ``call`` calls."""
    symbol = _symbol(call.func, module)
    if symbol and (symbol[1] in symbol[0].functions or (symbol[0].name, symbol[1]) == ("base", "Finding")):
        return symbol
    return None


def _calls(module: _Module, function: ast.FunctionDef) -> Iterator[tuple[ast.Call, tuple[str, str]]]:
    for node in _body(function):
        if isinstance(node, ast.Call) and (target := _callee(node, module)):
            yield node, (target[0].name, target[1])


@cache
def _makers() -> frozenset[tuple[str, str]]:
    """``(module, function)`` of every function that makes findings, itself or through others."""
    found = {("base", "Finding")}
    while True:
        more = {
            (m.name, name)
            for m in _modules().values()
            for name, function in m.functions.items()
            if any(target in found for _call, target in _calls(m, function))
        }
        if more <= found:
            return frozenset(found - {("base", "Finding")})
        found |= more


@dataclass
class CodeSites:
    """What the places that emit one code can give it. ``messages`` are English msgids
    (``(singular, plural)`` for a plural message) and ``computed`` the text of message
    expressions only known at run time;
    ``fields`` are address templates (``"criteria:{id}.text"``; '' when only known at
    run time); ``principles`` are ``(name, msgid)`` pairs (``("NEED", "Define …")``);
    ``modules`` the check modules that emit it (``"criteria_text.py"``)."""

    severities: set[Severity] = field(default_factory=set)
    messages: list[str | tuple[str, str]] = field(default_factory=list)
    computed: list[str] = field(default_factory=list)
    fields: list[str] = field(default_factory=list)
    principles: list[tuple[str, str]] = field(default_factory=list)
    modules: list[str] = field(default_factory=list)


def _add(items: list[_T], item: _T) -> None:
    if item not in items:
        items.append(item)


class Sites:
    """Every finding code the checks can emit (``codes``: code → :class:`CodeSites`, in
    the order found), and ``unresolved``: the ``module.py:line`` of each call that makes
    a finding whose code the source does not tell."""

    def __init__(self) -> None:
        self.codes: dict[str, CodeSites] = {}
        self.unresolved: list[str] = []
        modules, makers = _modules(), _makers()
        called = {t for m, f in makers for _c, t in _calls(modules[m], modules[m].functions[f])}
        for m, f in sorted(makers - called):
            self.walk(modules[m], modules[m].functions[f], {}, f"{m}.py", 0)

    def walk(
        self, module: _Module, function: ast.FunctionDef, env: dict[str, _Binding], home: str, depth: int
    ) -> None:
        """Follow the calls of ``function``; ``home`` is the last call outside ``base``
        (``vendors.py:87``), where a finding's code comes from."""
        frame = _Frame(module, function, env)
        for call, target in _calls(module, function):
            if depth > _MAX_DEPTH or target not in _makers() | {("base", "Finding")}:
                continue
            here = home if module.name == "base" else f"{module.name}.py:{call.lineno}"
            callee_module = _modules()[target[0]]
            for caller in _loop_frames(call, frame):
                if target == ("base", "Finding"):
                    self.emit(call, caller, here)
                else:
                    callee = callee_module.functions[target[1]]
                    bound = _bind(callee, callee_module, call, caller)
                    self.walk(callee_module, callee, bound, here, depth + 1)

    def emit(self, call: ast.Call, frame: _Frame, where: str) -> None:
        args = dict(zip([f.name for f in dataclasses.fields(Finding)], call.args, strict=False))
        args |= {k.arg: k.value for k in call.keywords if k.arg}

        def values(name: str) -> list[_Value]:
            return _eval(args[name], frame) if name in args else []

        for code in values("code"):
            if not isinstance(code.value, str) or not CODE.fullmatch(code.value):
                self.unresolved.append(where)
                continue
            got = self.codes.setdefault(code.value, CodeSites())
            got.severities.update(v.value for v in values("severity") if isinstance(v.value, Severity))
            for v in values("text"):
                if isinstance(v.value, (str, tuple)):
                    _add(got.messages, v.value)
                else:
                    _add(got.computed, v.source)
            for v in values("field"):
                _add(got.fields, v.value if isinstance(v.value, str) else "")
            for v in values("principle"):
                if isinstance(v.value, str) and v.value:
                    _add(got.principles, (v.source.removeprefix("principles."), v.value))
            _add(got.modules, where.partition(":")[0])


@cache
def read_sites() -> Sites:
    """The sites of the checks as installed (read once)."""
    return Sites()
