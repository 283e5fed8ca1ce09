"""The message ids of the French ``.po`` files and of the code, for the tests that check
every marked string has a translation.

A plural message is the tuple ``(singular, plural)`` on both sides: Babel reads a
``msgid``/``msgid_plural`` entry so, and extracts ``ntr``, ``n_`` and ``Plural`` calls so.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from babel.messages.extract import extract_from_file
from babel.messages.pofile import read_po

from wizard.core.paths import resource_path

ROOT = Path(__file__).resolve().parent.parent
KEYWORDS = {"N_": None, "tr": (1,), "_": None, "ntr": (1, 2), "n_": (1, 2), "Plural": (1, 2)}
"""Every translation function of ``wizard.core.i18n`` and the message ids it takes."""

MessageId = str | tuple[str, ...]


def french_ids() -> set[MessageId]:
    """The translated message ids of every French domain."""
    ids: set[MessageId] = set()
    for path in sorted(resource_path("locale", "fr", "LC_MESSAGES").glob("*.po")):
        with open(path, "rb") as handle:
            ids.update(m.id for m in read_po(handle, locale="fr") if m.id and m.string)
    return ids


def code_ids(sources: Iterable[str | Path], keywords: dict | None = None) -> list[MessageId]:
    """The message ids marked in ``sources`` (paths from the repository root)."""
    found: list[MessageId] = []
    for source in sources:
        for _line, message, _comments, _context in extract_from_file(
            "python", str(ROOT / source), keywords=keywords or KEYWORDS
        ):
            if message:
                found.append(message)
    return found
