"""One gettext catalogue for the whole app (core messages, findings, UI, tender labels).

Source strings are English. French lives in ``resources/locale/fr/LC_MESSAGES/*.po``
(several domains: ``core.po``, ``checks.po``, ``ui.po`` … all merged), read with Babel
at first use, so there is no compiled file to fall out of date (the merged result is
cached per user, stamped with a hash of the ``.po`` files: ``i18n_cache.py``).

* ``N_("text")`` marks a string for extraction without translating it.
* ``tr("text", lang, **params)`` translates into ``lang`` ("fr" or "en") and formats
  ``{name}`` placeholders with ``params``.
* ``_("text", **params)`` translates into the interface language
  (:func:`set_ui_language`); the UI uses it.

The tender's language is a project setting, separate from the interface language.
"""

from __future__ import annotations

import os
from functools import cache

from wizard.core.paths import resource_path

LANGUAGES = ("fr", "en")
_ui_language = "en"


def N_(text: str) -> str:  # noqa: N802 - gettext convention
    """Mark ``text`` for extraction; returns it unchanged."""
    return text


@cache
def catalogue(lang: str) -> dict[str, str]:
    """msgid → translation for ``lang`` (empty for English, the source language)."""
    if lang == "en":
        return {}
    from wizard.core.i18n import po_cache as i18n_cache  # imports kept out of an English start

    po_files = sorted(resource_path("locale", lang, "LC_MESSAGES").glob("*.po"))
    built_from = i18n_cache.stamp(po_files)
    cached = i18n_cache.load(lang, built_from)  # a start without Babel (start-up time)
    if cached is not None:
        return cached
    from babel.messages.pofile import read_po  # not at import: an English start skips Babel

    messages: dict[str, str] = {}
    for po_file in po_files:
        with open(po_file, "rb") as handle:
            for message in read_po(handle, locale=lang):
                if message.id and message.string and not message.fuzzy:
                    messages[str(message.id)] = str(message.string)
    i18n_cache.save(lang, built_from, messages)
    return messages


def tr(text: str, lang: str, **params: object) -> str:
    """``text`` translated into ``lang`` ("fr" or "en"), with ``{name}`` filled in.

    An untranslated message falls back to the English source; a missing parameter
    leaves its placeholder visible rather than raising.
    """
    translated = catalogue(lang).get(text, text) if lang in LANGUAGES else text
    if not params:
        return translated
    try:
        return translated.format(**params)
    except (KeyError, IndexError, ValueError):
        return translated


def set_ui_language(lang: str) -> None:
    """Choose the interface language ("fr" or "en"). Raises ``ValueError`` otherwise."""
    global _ui_language
    if lang not in LANGUAGES:
        raise ValueError(f"unsupported language: {lang!r}")
    _ui_language = lang


def ui_language() -> str:
    """The current interface language."""
    return _ui_language


def _(text: str, **params: object) -> str:
    """``text`` in the interface language."""
    return tr(text, _ui_language, **params)


def system_language() -> str:
    """'fr' when the system locale is French, else 'en'."""
    for var in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = os.environ.get(var, "")
        if value:
            return "fr" if value.lower().startswith("fr") else "en"
    import locale

    code = locale.getlocale()[0] or ""
    return "fr" if code.lower().startswith("fr") else "en"


def bilingual(text: str, **params: object) -> str:
    """'French / English' for messages that must reach any user (file errors, CLI)."""
    return f"{tr(text, 'fr', **params)} / {tr(text, 'en', **params)}"
