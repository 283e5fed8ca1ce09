"""A row of the project's JSON named the way a user finds it (``load``'s messages).

The readers name a field by its path, the list's row counted from 0 as Python counts
(``vendor_exchanges[0].date``); a user counts from 1, and ``check`` and the documents
name a row by its id. :func:`name_rows` rewrites each such path of a message, in each
language, as the row's 1-based number and its id: « date dans vendor_exchanges,
1re ligne (id 7) » / "date in vendor_exchanges, row 1 (id 7)"; a nested list's row
follows its parent's (« kind dans publishing.addenda, 2e ligne, changes, 1re ligne »).
A path the JSON does not hold (a value quoted in the message) is left as it is.
"""

from __future__ import annotations

import re
from typing import Any

from wizard.core.i18n import N_, Localized

ROW = N_("{rows}, row {number}")
"""A row of a list without an id (a published document, an addendum)."""

ROW_ID = N_("{rows}, row {number} (id {id})")
"""A row of a list, its 1-based number and its ``id``."""

IN_ROW = N_("{field} in {row}")
"""A field of a row (``field`` as the file writes it)."""

_PATH = re.compile(r"[A-Za-z_]\w*(?:\.[A-Za-z_]\w*|\[\d+\])*")
_PART = re.compile(r"\.?([A-Za-z_]\w*)|\[(\d+)\]")


def number(n: int) -> Localized:
    """The ``n``-th as a row is counted in each language: « 1re », « 2e » (French
    ordinals, feminine for « ligne ») / "1", "2"."""
    return Localized(fr="1re" if n == 1 else f"{n}e", en=str(n))


def row_name(rows: str | Localized, index: int, row: Any) -> Localized:
    """The row at ``index`` (from 0) of the list named ``rows``: its 1-based number and,
    when it has a whole-number ``id``, that id."""
    row_id = row.get("id") if isinstance(row, dict) else None
    if isinstance(row_id, int) and not isinstance(row_id, bool):
        return Localized.of(ROW_ID, rows=rows, number=number(index + 1), id=row_id)
    return Localized.of(ROW, rows=rows, number=number(index + 1))


def field_name(path: str, data: Any, prefix: str = "") -> Localized | None:
    """``path`` (``criteria[0].kind``, ``prefix`` first: ``publishing.model.``) as a user
    finds it in the JSON ``data`` (the object the path starts from, without ``prefix``);
    ``None`` when it names no row of ``data``."""
    if "[" not in path or not path.startswith(prefix):
        return None
    here, keys, name = data, [], None
    for key, index in _PART.findall(path[len(prefix) :]):
        if key:  # past a row, a key the row lacks is still named (a value read as absent)
            if name is None and (not isinstance(here, dict) or key not in here):
                return None
            here = here.get(key) if isinstance(here, dict) else None
            keys.append(key)
            continue
        i = int(index)
        if not isinstance(here, list) or i >= len(here) or not keys:
            return None
        rows: str | Localized = prefix + ".".join(keys)
        if name is not None:
            rows = Localized(fr=f"{name.fr}, {'.'.join(keys)}", en=f"{name.en}, {'.'.join(keys)}")
        here, keys, name = here[i], [], row_name(rows, i, here[i])
    if name is None:
        return None
    return Localized.of(IN_ROW, field=".".join(keys), row=name) if keys else name


def name_rows(text: Localized, data: Any, prefix: str = "") -> Localized:
    """``text`` with each path of a row of ``data`` named by :func:`field_name`."""

    def rename(lang: str) -> str:
        def one(match: re.Match[str]) -> str:
            named = field_name(match.group(), data, prefix)
            return match.group() if named is None else named.text(lang)

        return _PATH.sub(one, text.text(lang))

    return Localized(fr=rename("fr"), en=rename("en"))
