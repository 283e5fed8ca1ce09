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
from collections.abc import Callable, Iterator
from functools import update_wrapper
from typing import Any

from jinja2 import nodes
from jinja2.compiler import CodeGenerator, Frame, optimizeconst
from jinja2.runtime import Context, LoopContext, Macro
from jinja2.sandbox import ImmutableSandboxedEnvironment, SandboxedFormatter
from jinja2.utils import _PassArg, pass_context
from markupsafe import Markup

from wizard.core.clauses.budget import (
    _BUDGET,
    CALL_STEPS,
    MAX_DEPTH,
    MAX_INT_BITS,
    MAX_OUTPUT,
    MAX_POWER,
    MAX_TEXT,
    ClauseLimitError,
    _charge,
    _check_count,
    _check_percent,
    _check_size,
    _guarded_list,
    _made,
    _number,
    _refuse,
    _step,
    _str_method_size,
    weight,
)


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
