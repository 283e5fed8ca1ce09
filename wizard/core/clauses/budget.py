"""The limits of the clause sandbox and the budget that keeps them (docs/clauses.md,
"The limits"): per render, steps, characters built, characters output, call depth and a
CPU-time backstop, kept in a context variable so two threads render independently; and
the size checks that refuse an operation *before* it builds a value too big to hold
(:func:`weight`, ``*``/``%`` formats, ``str`` methods with width or count arguments).
``sandbox.py`` calls them from its hooks.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterable, Mapping
from contextvars import ContextVar, Token
from dataclasses import dataclass
from typing import Any

from jinja2.exceptions import SecurityError

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
