"""What the operating system said, in each language.

``OSError.strerror`` is the system's own text, in English on most systems ("Read-only
file system"); a bilingual message that quoted it would speak English in its French
half. :func:`os_reason` gives the common causes of a failed read or write in our own
words, as a :class:`Localized` parameter that ``tr`` and ``bilingual`` put in each
message's language: ``bilingual(N_("… : {detail}"), detail=os_reason(exc))``.
"""

from __future__ import annotations

import errno

from wizard.core.i18n import N_, Localized, tr

_CAUSES: list[tuple[str, str]] = [
    ("EROFS", N_("the file system is read-only")),
    ("EACCES", N_("permission denied")),
    ("EPERM", N_("permission denied")),
    ("ENOSPC", N_("no space left on the disk")),
    ("EDQUOT", N_("the disk quota is used up")),
    ("ENOENT", N_("no such file or folder")),
    ("ENOTDIR", N_("part of the path is not a folder")),
    ("EISDIR", N_("this is a folder")),
    ("EEXIST", N_("this name is already taken")),
    ("ENAMETOOLONG", N_("the name is too long")),
    ("EIO", N_("input/output error (the disk or the device failed)")),
    ("EBUSY", N_("the file is in use")),
]
REASONS: dict[int, str] = {getattr(errno, name): text for name, text in _CAUSES if hasattr(errno, name)}
"""The causes said in our own words, by ``errno`` (those the system defines)."""

OTHER = N_("system error {code}")
"""A cause not in :data:`REASONS`: its ``errno`` name (``EXDEV``), the same in French."""


def os_reason(exc: BaseException) -> Localized:
    """Why ``exc`` (an ``OSError``, or anything else) failed, in French and English.

    A cause of :data:`REASONS` is translated; another ``OSError`` gives its errno name
    in French ("erreur du système EXDEV") and the system's text in English; anything
    else its text (``str(exc)``) in both."""
    number = getattr(exc, "errno", None)
    if isinstance(number, int) and number in REASONS:
        text = REASONS[number]
        return Localized.of(text)
    if isinstance(exc, OSError) and isinstance(number, int):
        code = errno.errorcode.get(number, str(number))
        return Localized(fr=tr(OTHER, "fr", code=code), en=exc.strerror or tr(OTHER, "en", code=code))
    detail = " ".join(str(exc).split()) or type(exc).__name__
    return Localized(fr=detail, en=detail)
