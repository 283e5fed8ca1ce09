"""Compile the ``.po`` files of one language into one gettext ``.mo`` catalogue, with Babel.

The domains of a language (``core.po``, ``checks.po``, ``ui.po`` …) are merged into one
catalogue: a message found in two domains keeps the first domain's translation (a test
makes them agree). Fuzzy and untranslated messages are left out, so they fall back to
the English source. Every domain must declare the same ``Plural-Forms``.

* ``compile_po(po_files) -> bytes``: the ``.mo`` file's bytes (``po_files`` in the
  order they are merged). Raises ``OSError`` when a file cannot be read and
  ``ValueError`` when one cannot be parsed or the domains disagree on plural forms.

* ``cached_mo(po_files, folder) -> bytes``: the same bytes, kept in ``folder`` (the
  user's cache, :func:`cache_folder`) under a name hashed from the ``.po`` files' bytes
  and this module's own, so a checkout compiles once, not at every start, and an edited
  ``.po`` file (or a change here) is compiled again: a cached catalogue is never stale.
  Reading or writing the cache never fails: on ``OSError`` it compiles in memory.

* ``french_spacing(text) -> str``: French punctuation spacing, applied to every French
  ``msgstr`` as it is compiled, so that each message the app shows (findings, CLI
  output, dialogs, document labels) is spaced alike without a hand edit of the ``.po``
  files; it lives here so that a change of the rule changes the cache's hash.

This module imports only Babel and the standard library: the wheel's build hook
(``hatch_build.py``) loads it by path to compile the catalogues it ships.
"""

from __future__ import annotations

import io
import os
import re
import sys
import zlib
from collections.abc import Sequence
from pathlib import Path

CACHE_KEPT = 4
"""How many compiled catalogues a cache folder keeps (the newest): a few checkouts or
branches of the sources can share it without compiling at each switch."""


_BEFORE_COLON = re.compile(r" (?=[:»])")
_AFTER_GUILLEMET = re.compile(r"« ")
_BEFORE_MARK = re.compile(r"(?<=[\w)\]}»’”…]) (?=[;?!](?:\s|$|»|\)))")
_BEFORE_UNIT = re.compile(r"(?<=[\d}]) (?=(?:jours?|semaines?|mois|ans?|heures?|minutes?|h)(?![\w’'-]))")
"""The space between a number (digits, or a placeholder that a count fills in) and a unit
of time: « {days} jours », « 12 mois », « de 8 h à 17 h »."""


def french_spacing(text: str) -> str:
    """``text`` (French) spaced as the OQLF's table « Espacement avant et après les signes
    de ponctuation et les symboles » writes it for word processors (Vitrine linguistique,
    checked 2026-12-07): a no-break space (U+00A0) before « : » and « » » and after « « »,
    so that neither drops alone onto the next line; the same between a number and its unit
    of time (« {days}\u00a0jours », « 12\u00a0mois », « 8\u00a0h », as ``formats.NBSP``
    says), so that a count never ends a line without its unit; none before « ; », « ? »
    and « ! » (the table's thin space, which word processors lack; the catalogues already
    write « faire; par exemple »). Only plain spaces (U+0020) change: a placeholder's value
    (``{words}``: the user's text) is filled in later and keeps its own characters, and
    "14:00" or "https://" hold no space to change."""
    text = _BEFORE_COLON.sub("\u00a0", text)
    text = _AFTER_GUILLEMET.sub("«\u00a0", text)
    text = _BEFORE_UNIT.sub("\u00a0", text)
    return _BEFORE_MARK.sub("", text)


def cache_folder() -> Path:
    """The user's cache folder for compiled catalogues:
    ``$XDG_CACHE_HOME/open-procurement-wizard/locale`` (``~/.cache`` when unset), on
    Windows ``%LOCALAPPDATA%``, on macOS ``~/Library/Caches``. It may not exist."""
    if sys.platform == "win32" and os.environ.get("LOCALAPPDATA"):
        base = Path(os.environ["LOCALAPPDATA"])
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Caches"
    else:
        base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "open-procurement-wizard" / "locale"


def cached_mo(po_files: Sequence[Path], folder: Path) -> bytes:
    """:func:`compile_po` of ``po_files``, read from ``folder`` when it was compiled
    before from the same bytes, else compiled and stored there (atomically; the oldest
    entries beyond :data:`CACHE_KEPT` removed). Raises as :func:`compile_po`; problems
    of the cache itself are ignored."""
    crc, adler = 0, 1  # zlib's checksums: hashlib would load OpenSSL, a tenth of the start
    for name, data in [("compile.py", Path(__file__).read_bytes())] + [
        (p.name, p.read_bytes()) for p in po_files
    ]:
        for piece in (f"\0{name}\0{len(data)}\0".encode(), data):
            crc, adler = zlib.crc32(piece, crc), zlib.adler32(piece, adler)
    lang = po_files[0].parent.parent.name if po_files else "none"
    target = folder / f"{lang}-{crc:08x}{adler:08x}.mo"
    try:
        return target.read_bytes()
    except OSError:
        pass
    compiled = compile_po(po_files)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        partial = target.with_name(f"{target.name}.{os.getpid()}.part")
        partial.write_bytes(compiled)
        os.replace(partial, target)
        entries = sorted(folder.glob("*.mo"), key=lambda p: p.stat().st_mtime, reverse=True)
        for old in entries[CACHE_KEPT:]:
            old.unlink(missing_ok=True)
    except OSError:
        pass
    return compiled


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
    if po_files[0].parent.parent.name == "fr":
        for message in merged:
            if message.id and message.string:
                strings = (
                    tuple(message.string) if isinstance(message.string, (list, tuple)) else (message.string,)
                )
                spaced = tuple(french_spacing(part) for part in strings)
                message.string = spaced if isinstance(message.string, (list, tuple)) else spaced[0]
    out = io.BytesIO()
    write_mo(out, merged)
    return out.getvalue()
