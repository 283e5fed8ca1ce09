"""How a load refusal names a row of the JSON, for the tests that build a path: its
1-based number (« 1re ligne », « 2e ligne » / "row 1") and its id when it has one, a
field of the row after it (« kind dans criteria, 1re ligne (id 4) » / "kind in criteria,
row 1 (id 4)"); docs/file-format.md, "The project as JSON"."""

from __future__ import annotations

from typing import Any


def named(data: Any, path: tuple[str | int, ...]) -> tuple[str, str]:
    """(French, English) of the field at ``path`` (keys and 0-based indexes) of ``data``."""
    here, keys, fr, en = data, [], "", ""
    for step in path:
        if isinstance(step, str):
            here = here.get(step) if isinstance(here, dict) else None
            keys.append(step)
            continue
        rows = ".".join(keys)
        rows_fr, rows_en = (f"{fr}, {rows}", f"{en}, {rows}") if fr else (rows, rows)
        here = here[step]
        row_id = here.get("id") if isinstance(here, dict) else None
        said = f" (id {row_id})" if isinstance(row_id, int) and not isinstance(row_id, bool) else ""
        fr = f"{rows_fr}, {'1re' if step == 0 else f'{step + 1}e'} ligne{said}"
        en = f"{rows_en}, row {step + 1}{said}"
        keys = []
    if not fr:
        return ".".join(keys), ".".join(keys)
    if keys:
        return f"{'.'.join(keys)} dans {fr}", f"{'.'.join(keys)} in {en}"
    return fr, en
