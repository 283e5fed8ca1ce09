"""One gettext catalogue for the whole app (core messages, findings, UI, tender labels).

Source strings are English. French lives in ``resources/locale/fr/LC_MESSAGES/*.po``
(several domains: ``core.po``, ``checks.po``, ``ui.po`` … merged into one catalogue).
They are read by the standard ``gettext.GNUTranslations`` from one ``.mo`` catalogue:
an installed wheel ships it, compiled by its build (``hatch_build.py``); from a source
checkout, Babel compiles it at the first French message and keeps it in the user's
cache under a hash of the ``.po`` files' bytes (:mod:`wizard.core.i18n.compile`), so
there is no build step, no compiled file to fall out of date, and a French start
compiles only after the ``.po`` files changed. English is the source language: an
English run reads no catalogue and never imports Babel.

* ``N_("text")`` marks a string for extraction without translating it.
* ``tr("text", lang, **params)`` translates into ``lang`` ("fr" or "en") and formats
  ``{name}`` placeholders with ``params``.
* ``ntr("{count} file", "{count} files", n, lang, **params)`` picks the form for ``n``
  by the catalogue's ``Plural-Forms`` (French: 0 and 1 are singular; English: only 1);
  ``{count}`` is ``n`` unless ``params`` give it.
* ``Plural("{count} point", "{count} points", n)`` is a counted message kept for later
  (a finding's message, a parameter): ``tr`` translates it like ``ntr``, and translates
  a parameter that is one in the language of the message it fills.
* ``Localized(fr="OBL-2", en="M-2")`` is a parameter already written in each language
  (a criterion's number, a statute's name): ``tr`` puts in the one of the message's language.
* ``_("text", **params)`` and ``n_(singular, plural, n, **params)`` translate into the
  interface language (:func:`set_ui_language`); the UI uses them.

Extraction keywords: ``N_``, ``tr``, ``_`` (one message); ``ntr``, ``n_``, ``Plural``
(singular and plural: ``(1, 2)``). The tender's language is a project setting, separate
from the interface language.
"""

from __future__ import annotations

import gettext
import io
import os
import re
from dataclasses import dataclass
from functools import cache

from wizard.core.paths import resource_path

LANGUAGES = ("fr", "en")
COMPILED = "wizard.mo"
"""The compiled catalogue a wheel ships beside the ``.po`` files (never in a checkout)."""
_ui_language = "en"


def N_(text: str) -> str:  # noqa: N802 - gettext convention
    """Mark ``text`` for extraction; returns it unchanged."""
    return text


@dataclass(frozen=True)
class Plural:
    """A message counting ``n`` things, translated later: the English ``singular`` and
    ``plural`` message ids (both in the catalogue as one plural entry) and ``n``."""

    singular: str
    plural: str
    n: int


@dataclass(frozen=True)
class Localized:
    """A message parameter already written in each language: a criterion's number as the
    documents print it ("OBL-2" / "M-2"), a statute's name. :func:`tr` fills a
    placeholder with the text of the message's language."""

    fr: str
    en: str

    def text(self, lang: str) -> str:
        """The text in ``lang`` ("fr", else English)."""
        return self.fr if lang == "fr" else self.en

    @classmethod
    def of(cls, text: str | Plural, **params: object) -> Localized:
        """The message id ``text`` translated into each language (:func:`tr`)."""
        return cls(fr=tr(text, "fr", **params), en=tr(text, "en", **params))

    def __str__(self) -> str:
        return self.en


@cache
def catalogue(lang: str) -> gettext.NullTranslations:
    """The translations into ``lang``: for French, the wheel's compiled catalogue, or the
    ``.po`` files compiled with Babel (kept across runs: ``compile.cached_mo``); for
    English or an unknown language, none (the source text, with English plurals).
    Raises ``OSError`` or ``ValueError`` when a catalogue cannot be read or parsed."""
    if lang == "en" or lang not in LANGUAGES:
        return gettext.NullTranslations()
    folder = resource_path("locale", lang, "LC_MESSAGES")
    compiled = folder / COMPILED
    if compiled.is_file():  # an installed wheel: compiled by its build (hatch_build.py)
        with open(compiled, "rb") as handle:
            return gettext.GNUTranslations(handle)
    from wizard.core.i18n.compile import cache_folder, cached_mo  # not part of an English start

    return gettext.GNUTranslations(io.BytesIO(cached_mo(sorted(folder.glob("*.po")), cache_folder())))


def tr(text: str | Plural, lang: str, **params: object) -> str:
    """``text`` translated into ``lang`` ("fr" or "en"), with ``{name}`` filled in.

    An untranslated message falls back to the English source; a missing parameter
    leaves its placeholder visible rather than raising. A :class:`Plural` ``text`` is
    translated as :func:`ntr` does.
    """
    if isinstance(text, Plural):
        return ntr(text.singular, text.plural, text.n, lang, **params)
    return _format(catalogue(lang).gettext(text), lang, params)


def ntr(singular: str, plural: str, n: int, lang: str, **params: object) -> str:
    """The form of ``singular``/``plural`` for ``n`` in ``lang``, with ``{name}`` filled
    in (``{count}`` is ``n`` unless ``params`` give it). Untranslated: English rules."""
    return _format(catalogue(lang).ngettext(singular, plural, n), lang, {"count": n, **params})


_ELIDABLE = re.compile(r"\b([Dd]e|[Qq]ue) \{(\w+)\}")
"""French "de {name}" / "que {name}": the word before a placeholder that elides."""
_VOWELS = frozenset("aeiouàâäéèêëîïôöùûüæœ")  # not y: « de Yarmouth », « de Yellowknife »


def _elide(text: str, values: dict[str, object]) -> str:
    """French elision before a value that begins with a vowel: "de {name}" with
    "Apprentissage Fundy inc." reads "d’Apprentissage Fundy inc.", "que {name}" reads
    "qu’…". A value beginning with a consonant, an h (aspirated or not: left as
    written), a y (« de Yarmouth »), a digit or a sign keeps the word whole."""

    def repl(m: re.Match[str]) -> str:
        value = str(values.get(m.group(2), ""))
        if value[:1].lower() in _VOWELS:
            return f"{m.group(1)[:-1]}’{{{m.group(2)}}}"
        return m.group(0)

    return _ELIDABLE.sub(repl, text)


_PERIOD_AFTER = re.compile(r"\{(\w+)\}\.")


def _one_period(text: str, values: dict[str, object]) -> str:
    """A sentence ending on a value that ends with its own period ("by M. T.", "Acme
    Inc.") takes no second one: "{by}." prints "M. T." not "M. T.."."""

    def repl(m: re.Match[str]) -> str:
        return m.group(0)[:-1] if str(values.get(m.group(1), "")).endswith(".") else m.group(0)

    return _PERIOD_AFTER.sub(repl, text)


def _format(text: str, lang: str, params: dict[str, object]) -> str:
    if not params:
        return text
    values = {k: _param(v, lang) for k, v in params.items()}
    text = _one_period(text, values)
    if lang == "fr":
        text = _elide(text, values)
    try:
        return text.format(**values)
    except (KeyError, IndexError, ValueError):
        return text


def _param(value: object, lang: str) -> object:
    if isinstance(value, Plural):
        return tr(value, lang)
    if isinstance(value, Localized):
        return value.text(lang)
    return value


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


def n_(singular: str, plural: str, n: int, **params: object) -> str:
    """The form of ``singular``/``plural`` for ``n`` in the interface language."""
    return ntr(singular, plural, n, _ui_language, **params)


def system_language() -> str:
    """'fr' when the system locale is French, else 'en'."""
    for var in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = os.environ.get(var, "")
        if value:
            return "fr" if value.lower().startswith("fr") else "en"
    import locale

    code = locale.getlocale()[0] or ""
    return "fr" if code.lower().startswith("fr") else "en"


def bilingual(text: str | Plural, **params: object) -> str:
    """'French / English' for messages that must reach any user (file errors, CLI)."""
    return f"{tr(text, 'fr', **params)} / {tr(text, 'en', **params)}"
