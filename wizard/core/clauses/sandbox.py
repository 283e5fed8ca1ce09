"""The clause sandbox: Jinja's immutable sandbox, bounded in time, size, loops and depth
(docs/clauses.md, "The sandbox"; docs/cases.md K9, K25).

An edited clause arrives in a project file from another town: it is untrusted input.
Jinja's sandbox refuses attribute escapes (K9) but bounds nothing else: two loops over a
long string never end, ``'x'|center(10**9)`` or ``'%999999999s'|format`` build a
gigabyte, a macro that calls itself raises ``RecursionError``. :class:`ClauseSandbox`
renders within the limits below; going beyond one raises :class:`ClauseLimitError`,
which ``render.render_source`` turns into a ``ClauseRenderError`` (a ``K-RENDER``
finding, a placeholder in the tender).

How the limits are kept, in one process and without threads:

* **every value an operation builds is measured** (:func:`weight`: about the characters
  ``str()`` would make, counting a shared item each time it appears) *before* the work
  when the size is known in advance (``*``, ``**``, ``%``, ``~``, ``center``, ``join``,
  ``replace`` …) and after it otherwise; literals ``[…]``, ``(…)``, ``{…}`` are
  measured too, so nesting cannot multiply a value unseen;
* **hooks** where a template does work: the arithmetic operators
  (``intercepted_binops``), calls (:meth:`ClauseSandbox.call`: methods, macros,
  ``caller()``, recursive loops), every filter (wrapped), ``~``, every loop iteration and
  every piece of output (the code generator wraps them: :class:`_CodeGenerator`). Each
  hook counts a step and, every few steps, reads the thread's CPU clock;
* **a budget per render** (a context variable, so two threads render independently):
  steps, characters built, characters output, call depth, CPU time.

Filters that make no sense in a plain-text contract clause are left out (HTML and URL
escaping, ``striptags``, ``urlize``, ``xmlattr``, ``tojson``, ``pprint``, and ``random``:
a legal text must not change between two exports).
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextvars import ContextVar, Token
from dataclasses import dataclass
from functools import update_wrapper
from typing import Any

from jinja2 import nodes
from jinja2.compiler import CodeGenerator, Frame, optimizeconst
from jinja2.exceptions import SecurityError
from jinja2.runtime import Context, LoopContext, Macro
from jinja2.sandbox import ImmutableSandboxedEnvironment, SandboxedFormatter
from jinja2.utils import _PassArg, pass_context
from markupsafe import Markup

MAX_SOURCE = 100_000
"""Longest clause body, in characters (the longest library clause has about 2,000):
compiling a template costs time and memory no render limit can stop."""

MAX_TEXT = 100_000
"""Largest value one operation may build (:func:`weight`): ``'x' * 10**8`` is refused."""

MAX_POWER = 64
"""Largest exponent: ``9 ** (9 ** 9)`` would never end."""

MAX_INT_BITS = 4_096
"""Largest whole number an operation may build (about 1,200 digits)."""

MAX_OUTPUT = 1_000_000
"""Characters a clause may output, counted where they are made (a macro's text counts
when the macro writes it and again where it is printed)."""

MAX_WORK = 10_000_000
"""Characters all the operations of one render may build together."""

MAX_STEPS = 100_000
"""Loop iterations, calls and operations of one render; a call of a macro, of
``caller()`` or of a recursive loop counts :data:`CALL_STEPS` (it costs as much)."""

CALL_STEPS = 10

MAX_DEPTH = 20
"""Nested calls of macros, ``caller()`` and recursive loops (a clause has no use for
recursion; Python's own limit would be reached far deeper, with a crash)."""

CPU_SECONDS = 1.0
"""CPU time of one render. The other limits stop every known case far sooner; this one
is the backstop, measured on the rendering thread's own clock so that a busy or
suspended machine never fails a good clause."""

_CLOCK_EVERY = 32
"""Steps between two readings of the clock."""


class ClauseLimitError(SecurityError):
    """A clause went beyond a limit of the sandbox (the message says which)."""


@dataclass
class _Budget:
    deadline: float
    steps: int = 0
    work: int = 0
    output: int = 0
    depth: int = 0


_BUDGET: ContextVar[_Budget | None] = ContextVar("clause_budget", default=None)


class Limits:
    """``with Limits():`` gives the renders inside a budget of their own (a nested use
    shares the outer one). ``ClauseTemplate.render`` uses it, so every render is bounded."""

    __slots__ = ("_token",)

    def __enter__(self) -> None:
        self._token: Token[_Budget | None] | None = None
        if _BUDGET.get() is None:
            self._token = _BUDGET.set(_Budget(time.thread_time() + CPU_SECONDS))

    def __exit__(self, *exc: object) -> None:
        if self._token is not None:
            _BUDGET.reset(self._token)


def _clock(budget: _Budget) -> None:
    if time.thread_time() > budget.deadline:
        raise ClauseLimitError(f"took more than {CPU_SECONDS:g} s")


def _step(count: int = 1) -> None:
    budget = _BUDGET.get()
    if budget is None:
        return
    budget.steps += count
    if budget.steps > MAX_STEPS:
        raise ClauseLimitError(f"more than {MAX_STEPS:,} steps (loops or calls)")
    if count > 1 or budget.steps % _CLOCK_EVERY == 0:
        _clock(budget)


def _charge(size: int, output: bool = False) -> None:
    budget = _BUDGET.get()
    if budget is None:
        return
    budget.work += size
    if budget.work > MAX_WORK:
        raise ClauseLimitError(f"builds more than {MAX_WORK:,} characters in all")
    if output:
        budget.output += size
        if budget.output > MAX_OUTPUT:
            raise ClauseLimitError(f"longer than {MAX_OUTPUT:,} characters")
    if size > 10_000:
        _clock(budget)


# -- sizes ----------------------------------------------------------------------------

_VIEWS: tuple[type, ...] = (type({}.keys()), type({}.values()), type({}.items()))


def _scalar(value: Any) -> int:
    if isinstance(value, (str, bytes)):
        return len(value)
    if isinstance(value, bool) or value is None:
        return 5
    if isinstance(value, int):
        return value.bit_length() // 3 + 1
    return 24 if isinstance(value, float) else 64


def weight(value: Any, limit: int = MAX_TEXT) -> int:
    """About the characters ``str(value)`` makes (an item shared *n* times counts *n*
    times, as it prints). Stops counting past ``limit``, so it costs at most ``limit``
    steps whatever the value."""
    total = 0
    stack: list[Any] = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, (str, bytes, int, float)) or item is None:
            total += _scalar(item)
        elif isinstance(item, (list, tuple, set, frozenset, dict, *_VIEWS)):
            total += 2 + 2 * len(item)  # type: ignore[arg-type]
            if total > limit:
                return total
            if isinstance(item, dict):
                stack.extend(item.keys())
                stack.extend(item.values())
            else:
                stack.extend(item)  # type: ignore[arg-type]
        else:
            total += 64
        if total > limit:
            return total
    return total


def _refuse(what: str) -> ClauseLimitError:
    return ClauseLimitError(f"{what} would be larger than {MAX_TEXT:,} characters")


def _check_size(size: int, what: str) -> None:
    if size > MAX_TEXT:
        raise _refuse(what)


def _made(value: Any, what: str, limit: int = MAX_TEXT) -> Any:
    """Measure a value an operation built; refuse it past ``limit``."""
    if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > MAX_INT_BITS:
        raise ClauseLimitError(f"{what}: a number larger than {MAX_INT_BITS:,} bits")
    size = weight(value, limit)
    if size > limit:
        raise ClauseLimitError(f"{what} would be larger than {limit:,} characters")
    _charge(size)
    return value


def _guarded_list(items: Iterable[Any], what: str) -> list[Any]:
    """An iterator's items, counted as steps and measured as they come."""
    found: list[Any] = []
    size = 2
    for item in items:
        _step()
        size += weight(item) + 2
        if size > MAX_TEXT:
            raise _refuse(what)
        found.append(item)
    return found


def _number(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _check_count(value: Any, what: str) -> None:
    """A width or count argument (``center(10**9)``, ``batch(10**9)``)."""
    if _number(value) and abs(value) > MAX_TEXT:
        raise _refuse(what)


_PERCENT = re.compile(r"%(?:\([^)]*\))?[#0 +\-]*(\*|\d+)?(?:\.(\*|\d*))?[hlL]?(.)", re.DOTALL)


def _check_percent(fmt: str, values: Any, what: str) -> None:
    """``fmt % values`` (the ``%`` operator and the ``format`` filter): each width at
    most :data:`MAX_TEXT`, and the whole result too, every directive taken as printing
    the largest value with the largest width."""
    args = (
        list(values.values())
        if isinstance(values, Mapping)
        else list(values)
        if isinstance(values, tuple)
        else [values]
    )
    widest, directives, star = 0, 0, False
    for match in _PERCENT.finditer(fmt):
        if match.group(3) == "%":
            continue
        directives += 1
        for number in (match.group(1), match.group(2)):
            if number == "*":
                star = True
            elif number:
                if len(number) > 6 or int(number) > MAX_TEXT:
                    raise _refuse(what)
                widest = max(widest, int(number))
    if star:
        for arg in args:
            _check_count(arg, what)
        widest = max([widest] + [abs(a) for a in args if _number(a)])
    largest = max((weight(a) for a in args), default=0)
    _check_size(len(fmt) + directives * (largest + widest), what)


class _ClauseFormatter(SandboxedFormatter):
    """``str.format`` in a clause: each field's width bounded, the output counted as it
    is made (``'{0}{0}{0}…'.format(long)``)."""

    def __init__(self, env: Any) -> None:
        super().__init__(env)
        self._size = 0

    def format_field(self, value: Any, format_spec: str) -> Any:
        _step()
        for number in re.findall(r"\d+", format_spec):
            if len(number) > 6 or int(number) > MAX_TEXT:
                raise _refuse("a format width")
        self._size += weight(value) + sum(int(n) for n in re.findall(r"\d+", format_spec))
        _check_size(self._size, "str.format")
        return super().format_field(value, format_spec)


def _str_method_size(
    owner: str | bytes, name: str, args: tuple[Any, ...], kwargs: dict[str, Any]
) -> int | None:
    """An upper bound of what a ``str`` method returns, for the methods that can grow a
    text; ``None`` for the others (they return at most a few times their input)."""
    size = len(owner)
    if name in ("center", "ljust", "rjust", "zfill") and args and _number(args[0]):
        return max(size, args[0])
    if name == "expandtabs":
        tabsize = args[0] if args else kwargs.get("tabsize", 8)
        tabs = owner.count("\t" if isinstance(owner, str) else b"\t")  # type: ignore[arg-type]
        return size + tabs * (tabsize if _number(tabsize) else MAX_TEXT + 1)
    if name == "replace" and len(args) >= 2:
        old, new = args[0], args[1]
        if not isinstance(old, type(owner)) or not isinstance(new, type(owner)):
            return None
        hits = owner.count(old) if old else size + 1  # type: ignore[arg-type]
        if len(args) > 2 and _number(args[2]) and args[2] >= 0:
            hits = min(hits, args[2])
        return size + hits * len(new)
    if name == "translate":
        table = args[0] if args else None
        if isinstance(table, Mapping):
            longest = max((weight(v) for v in table.values()), default=1)
            return size * max(longest, 1)
        return size if isinstance(table, (str, bytes)) else MAX_TEXT + 1
    return None


# -- filters --------------------------------------------------------------------------

_LEFT_OUT = (
    "e",
    "escape",
    "forceescape",
    "safe",
    "striptags",
    "urlencode",
    "urlize",
    "xmlattr",
    "tojson",
    "pprint",
    "random",
)
"""Filters a clause cannot use (see the module doc)."""


def _text(value: Any) -> str:
    return value if isinstance(value, str) else str(value)


def _check_filter(name: str, value: Any, args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
    """What a filter would build, refused before the work when it is too large."""
    what = f"the filter {name!r}"

    def arg(index: int, key: str, default: Any) -> Any:
        return args[index] if len(args) > index else kwargs.get(key, default)

    if name == "center":
        _check_count(arg(0, "width", 80), what)
    elif name == "indent":
        width = arg(0, "width", 4)
        _check_count(width, what)
        pad = width if _number(width) else len(_text(width))
        _check_size(len(_text(value)) + (_text(value).count("\n") + 1) * pad, what)
    elif name == "wordwrap":
        text, width = _text(value), arg(0, "width", 79)
        wrap = arg(2, "wrapstring", None)
        lines = text.count("\n") + 1 + 2 * len(text) // max(width if _number(width) else 1, 1)
        _check_size(len(text) + lines * (len(_text(wrap)) if wrap is not None else 1), what)
    elif name == "truncate":
        _check_size(len(_text(value)) + weight(arg(2, "end", "...")), what)
    elif name == "join":
        separator = weight(arg(0, "d", ""))
        per_item = separator + (64 if arg(1, "attribute", None) is not None else 0)
        items = len(value) if hasattr(value, "__len__") else 0
        _check_size(weight(value) + items * per_item, what)
    elif name == "replace":
        size = _str_method_size(_text(value), "replace", tuple(_text(a) for a in args[:2]) + args[2:3], {})
        if size is not None:
            _check_size(size, what)
    elif name == "format":
        _check_percent(_text(value), kwargs or args, what)
    elif name == "batch":
        _check_count(arg(0, "linecount", 1), what)
    elif name == "slice":
        _check_count(arg(0, "slices", 1), what)
    elif name == "sum":
        start = arg(1, "start", 0)
        if not isinstance(start, (int, float)):
            raise ClauseLimitError("the filter 'sum' adds numbers only")


def _guard_filter(name: str, func: Callable[..., Any]) -> Callable[..., Any]:
    """``func`` counted, its arguments measured, its result measured."""
    passed = _PassArg.from_obj(func)

    def guarded(context: Context, value: Any, *args: Any, **kwargs: Any) -> Any:
        _step()
        if isinstance(value, Iterator):
            value = _guarded_list(value, f"the filter {name!r}")
        _check_filter(name, value, args, kwargs)
        if passed is _PassArg.context:
            result = func(context, value, *args, **kwargs)
        elif passed is _PassArg.eval_context:
            result = func(context.eval_ctx, value, *args, **kwargs)
        elif passed is _PassArg.environment:
            result = func(context.environment, value, *args, **kwargs)
        else:
            result = func(value, *args, **kwargs)
        return _made(result, f"the filter {name!r}")

    return pass_context(update_wrapper(guarded, func))  # after update_wrapper: it copies func's mark


# -- code generation --------------------------------------------------------------------


class _CodeGenerator(CodeGenerator):
    """Jinja's code generator, with hooks for loops, ``~``, literals and output."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._loop_iterables: set[int] = set()

    def visit(self, node: nodes.Node, *args: Any, **kwargs: Any) -> Any:
        if id(node) in self._loop_iterables:  # a loop's iterable: counted item by item
            self.write("environment.clause_iter(")
            result = super().visit(node, *args, **kwargs)
            self.write(")")
            return result
        return super().visit(node, *args, **kwargs)

    def visit_For(self, node: nodes.For, frame: Frame) -> None:  # noqa: N802 - Jinja's visitor names
        self._loop_iterables.add(id(node.iter))
        super().visit_For(node, frame)

    @optimizeconst
    def visit_Concat(self, node: nodes.Concat, frame: Frame) -> None:  # noqa: N802 - Jinja's visitor names
        self.write("environment.clause_concat((")
        for arg in node.nodes:
            self.visit(arg, frame)
            self.write(", ")
        self.write("))")

    def _measured(self, visit: Callable[[Any, Frame], None], node: Any, frame: Frame) -> None:
        self.write("environment.clause_value(")
        visit(node, frame)
        self.write(")")

    def visit_List(self, node: nodes.List, frame: Frame) -> None:  # noqa: N802 - Jinja's visitor names
        self._measured(super().visit_List, node, frame)

    def visit_Dict(self, node: nodes.Dict, frame: Frame) -> None:  # noqa: N802 - Jinja's visitor names
        self._measured(super().visit_Dict, node, frame)

    def visit_Tuple(self, node: nodes.Tuple, frame: Frame) -> None:  # noqa: N802 - Jinja's visitor names
        if node.ctx == "load":
            self._measured(super().visit_Tuple, node, frame)
        else:
            super().visit_Tuple(node, frame)

    def visit_Output(self, node: nodes.Output, frame: Frame) -> None:  # noqa: N802 - Jinja's visitor names
        text = sum(len(child.data) for child in node.nodes if isinstance(child, nodes.TemplateData))
        if text:
            self.writeline(f"environment.clause_output({text})")
        super().visit_Output(node, frame)


# -- the environment --------------------------------------------------------------------


@pass_context
def _finalize(context: Context, value: Any) -> Any:
    """Every ``{{ … }}`` printed: measured against what is left of the output budget."""
    size = weight(value, MAX_OUTPUT)
    if size > MAX_OUTPUT:
        raise ClauseLimitError(f"longer than {MAX_OUTPUT:,} characters")
    _charge(size, output=True)
    return value


class ClauseSandbox(ImmutableSandboxedEnvironment):
    """Jinja's immutable sandbox, bounded (see the module doc and docs/clauses.md)."""

    code_generator_class = _CodeGenerator
    intercepted_binops = frozenset({"+", "-", "*", "/", "//", "%", "**"})

    def __init__(self, **options: Any) -> None:
        super().__init__(finalize=_finalize, **options)
        self.filters = {
            name: _guard_filter(name, func) for name, func in self.filters.items() if name not in _LEFT_OUT
        }

    # hooks the generated code calls ------------------------------------------------

    def clause_iter(self, iterable: Any) -> Iterator[Any]:
        """A loop's items, one step each."""
        for item in iterable:
            _step()
            yield item

    def clause_concat(self, parts: tuple[Any, ...]) -> str:
        """``a ~ b ~ c``, measured before it is built."""
        _step()
        _check_size(sum(weight(p) for p in parts), "'~'")
        text = "".join([_text(p) for p in parts])
        _charge(len(text))
        return text

    def clause_value(self, value: Any) -> Any:
        """A literal ``[…]``, ``(…)`` or ``{…}`` whose items are variables."""
        return _made(value, "a literal")

    def clause_output(self, size: int) -> None:
        """Template text written (the ``{{ … }}`` parts go through the finalizer)."""
        _step()
        _charge(size, output=True)

    # Jinja's sandbox hooks -------------------------------------------------------

    def call_binop(self, context: Context, operator: str, left: Any, right: Any) -> Any:
        _step()
        what = f"'{operator}'"
        if operator == "**":
            if isinstance(right, (int, float)) and abs(right) > MAX_POWER:
                raise ClauseLimitError(f"exponent {right} is larger than {MAX_POWER}")
            if _number(left) and _number(right) and right > 0 and left.bit_length() * right > MAX_INT_BITS:
                raise ClauseLimitError(f"'**': a number larger than {MAX_INT_BITS:,} bits")
        elif operator == "*":
            sequences = (str, bytes, list, tuple)
            if isinstance(left, sequences) or isinstance(right, sequences):
                sequence, count = (left, right) if isinstance(left, sequences) else (right, left)
                if _number(count):
                    _check_size(weight(sequence) * count, what)
            elif _number(left) and _number(right) and left.bit_length() + right.bit_length() > MAX_INT_BITS:
                raise ClauseLimitError(f"'*': a number larger than {MAX_INT_BITS:,} bits")
        elif operator == "+":
            if not isinstance(left, (int, float)) or not isinstance(right, (int, float)):
                _check_size(weight(left) + weight(right), what)
        elif operator == "%" and isinstance(left, str):
            _check_percent(left, right, what)
        return _made(self.binop_table[operator](left, right), what)

    def wrap_str_format(self, value: Any) -> Callable[..., str] | None:
        wrapper = super().wrap_str_format(value)
        if wrapper is None or isinstance(value.__self__, Markup):
            return wrapper
        text, is_map = value.__self__, value.__name__ == "format_map"

        def bounded(*args: Any, **kwargs: Any) -> str:
            if is_map:
                if kwargs or len(args) != 1:
                    raise TypeError("format_map() takes exactly one argument")
                return str(_ClauseFormatter(self).vformat(text, (), args[0]))
            return str(_ClauseFormatter(self).vformat(text, args, kwargs))

        return update_wrapper(bounded, value)

    def call(__self, __context: Context, __obj: Any, *args: Any, **kwargs: Any) -> Any:  # noqa: N805
        _step()
        nested = isinstance(__obj, (Macro, LoopContext))
        what = f"the call of {getattr(__obj, '__name__', 'a function')!r}"
        if isinstance(__obj, LoopContext) and args:  # loop(children) in a recursive loop
            args = (__self.clause_iter(args[0]), *args[1:])
        if not nested:
            owner = getattr(__obj, "__self__", None)
            name = getattr(__obj, "__name__", "")
            if name not in ("format", "format_map"):  # str.format: widths bounded by its formatter
                for value in (*args, *kwargs.values()):
                    _check_count(value, what)
            if isinstance(owner, (str, bytes)):
                if name == "join" and args:
                    items = _guarded_list(iter(args[0]), what)
                    _check_size(weight(items) + len(items) * len(owner), what)
                    args = (items, *args[1:])
                else:
                    size = _str_method_size(owner, name, args, kwargs)
                    if size is not None:
                        _check_size(size, what)
            return _made(super().call(__context, __obj, *args, **kwargs), what)
        _step(CALL_STEPS - 1)
        budget = _BUDGET.get()
        if budget is not None:
            if budget.depth >= MAX_DEPTH:
                raise ClauseLimitError(
                    f"macros or loops nested deeper than {MAX_DEPTH} (a macro calling itself?)"
                )
            budget.depth += 1
        try:
            return _made(super().call(__context, __obj, *args, **kwargs), what, MAX_OUTPUT)
        finally:
            if budget is not None:
                budget.depth -= 1
