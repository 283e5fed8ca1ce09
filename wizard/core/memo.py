"""Values computed once per pass over an unchanging project (docs/checks.md, "Speed").

A check run (``run_checks``) or an export reads one project that does not change while
it runs, yet many checks and the claims of the tender ask the same question of it again
and again: the names the project knows (``known_names``, once per criterion and per
claim), the criteria's numbers. Inside :func:`one_pass`, :func:`per_pass` computes such
a value once per project object and answers the later calls from a dict; outside a
pass it simply computes it, so a caller that edits the project between two calls (the
app, a test) always sees the current value.

* ``one_pass()``: a context manager; nested passes share the outer one's values.
* ``forget()``: the project did change (an edit saved while a pass is open, e.g. by a
  page's refresh): the open pass computes its values again.
* ``in_pass() -> bool``: whether a pass is open (a caller may then prefer an index to a
  scan).
* ``per_pass(project, compute, *args) -> value``: ``compute(project, *args)``, once per
  pass.

The principle: a cache is only as good as its key. Here the key is "this project
object during this pass", which holds because nothing edits the project during a pass;
a value kept across passes would need a key built from the content, whose cost grows
with the project (the quadratic growth this module removed).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any, TypeVar

T = TypeVar("T")

_PASS: ContextVar[dict[tuple[Any, ...], tuple[Any, Any]] | None] = ContextVar("checks_pass", default=None)


@contextmanager
def one_pass() -> Iterator[None]:
    """Within the block, :func:`per_pass` values are computed once per project object
    (the project must not change inside it). Re-entrant: an inner pass uses the outer
    one's values."""
    if _PASS.get() is not None:
        yield
        return
    token = _PASS.set({})
    try:
        yield
    finally:
        _PASS.reset(token)


def forget() -> None:
    """Drop the values of the open pass (nothing outside a pass): the app calls it after
    every saved edit, so an edit made while a page refreshes never leaves a stale value."""
    memo = _PASS.get()
    if memo is not None:
        memo.clear()


def in_pass() -> bool:
    """Whether the code runs inside :func:`one_pass`."""
    return _PASS.get() is not None


def per_pass(project: Any, compute: Callable[..., T], *args: Any) -> T:
    """``compute(project, *args)``, computed once per pass (:func:`one_pass`) for this
    project object, ``compute`` and ``args`` (hashable); computed every time outside a
    pass. The project is kept with the value, so its ``id`` cannot be reused by another
    object during the pass. Callers must not change the value they get."""
    memo = _PASS.get()
    if memo is None:
        return compute(project, *args)
    key = (compute, id(project), *args)
    found = memo.get(key)
    if found is None:
        found = memo[key] = (project, compute(project, *args))
    return found[1]
