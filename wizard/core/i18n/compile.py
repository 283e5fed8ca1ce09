"""Compile the ``.po`` files of one language into one gettext ``.mo`` catalogue, with Babel.

The domains of a language (``core.po``, ``checks.po``, ``ui.po`` …) are merged into one
catalogue: a message found in two domains keeps the first domain's translation (a test
makes them agree). Fuzzy and untranslated messages are left out, so they fall back to
the English source. Every domain must declare the same ``Plural-Forms``.

* ``compile_po(po_files) -> bytes``: the ``.mo`` file's bytes (``po_files`` in the
  order they are merged). Raises ``OSError`` when a file cannot be read and
  ``ValueError`` when one cannot be parsed or the domains disagree on plural forms.

This module imports only Babel and the standard library: the wheel's build hook
(``hatch_build.py``) loads it by path to compile the catalogues it ships.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path


def compile_po(po_files: Sequence[Path]) -> bytes:
    """The merged ``.mo`` catalogue of ``po_files`` (one language's domains)."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import PoFileError, read_po

    merged = None
    for path in po_files:
        with open(path, "rb") as handle:
            try:
                catalogue = read_po(handle, abort_invalid=True)
            except PoFileError as exc:
                raise ValueError(f"{path.name}: {exc}") from None
        if merged is None:
            merged = catalogue  # its header (Plural-Forms, charset) heads the merged file
            continue
        if catalogue.plural_forms != merged.plural_forms:
            raise ValueError(
                f"{path.name}: Plural-Forms {catalogue.plural_forms!r} differs from "
                f"{po_files[0].name}'s {merged.plural_forms!r}"
            )
        for message in catalogue:
            if message.id and merged.get(message.id, message.context) is None:
                merged[message.id] = message
    if merged is None:
        raise ValueError("no .po file to compile")
    out = io.BytesIO()
    write_mo(out, merged)
    return out.getvalue()
