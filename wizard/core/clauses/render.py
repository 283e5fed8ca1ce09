"""Rendering clause bodies safely (docs/clauses.md; docs/cases.md K9, K10, K11, K25).

* :func:`environment`: the bounded sandbox (:class:`~wizard.core.clauses.sandbox.ClauseSandbox`:
  limits of time, size, loops and depth, docs/cases.md K25) with ``StrictUndefined``, no globals
  (no ``cycler``, ``range`` …) and no autoescape (the output is plain text; the DOCX
  writer escapes it). ``trim_blocks`` is deliberately *off* (K11): with it, a line that
  ends with ``{% endif %}`` loses its newline and glues the next item onto it. A line
  holding only a block tag leaves a blank line instead, and blank lines never make a
  paragraph (:func:`split_paragraphs`), so every item stays one paragraph.
* :func:`clause_context`: the minimal context a clause sees (names in :data:`VARIABLES`).
  A missing value is the visible placeholder (``i18n.formats.PLACEHOLDER``), never an
  empty gap.
* :func:`render_source`: body → text; raises :class:`ClauseRenderError` naming the clause
  and the variable, and nothing else, whatever the body (a limit exceeded, a recursion …).
* :func:`split_paragraphs`: text → ``[(level, text)]``: each non-blank line is a level-2
  paragraph (1.1); a line starting with ``- `` is a level-3 item (1.1.1).
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import Any

from jinja2 import StrictUndefined, Template, UndefinedError
from jinja2.exceptions import SecurityError, TemplateSyntaxError
from jinja2.sandbox import SandboxedEnvironment

from wizard.core.clauses.budget import MAX_SOURCE, ClauseLimitError, Limits
from wizard.core.clauses.sandbox import ClauseSandbox
from wizard.core.clauses.terms import contract_terms
from wizard.core.domain.provinces import PROVINCES
from wizard.core.i18n import N_, tr
from wizard.core.i18n.formats import PLACEHOLDER, format_date
from wizard.core.i18n.languages import binding_language, is_bilingual, translation_languages
from wizard.core.memo import per_pass
from wizard.core.model import Project
from wizard.core.textclean import clean_text, one_line

VARIABLES: tuple[str, ...] = (
    "organization",
    "title",
    "reference",
    "province",
    "province_of",
    "province_in",
    "court",
    "privacy_law",
    "privacy_note",
    "closing_date",
    "contract_start",
    "personal_information",
    "quebec",
    "employee_locations",
    "mission_critical",
    "vendor_hosting",
    "custom_code",
    "excluded_vendors",
    "bilingual",
    "binding_version",
    "translation_version",
    "open_data_url",
    "claims",
    "sow",
)
"""Every name a clause may use."""


class ClauseRenderError(Exception):
    """A clause that cannot be rendered. ``variable`` is the offending name ('' if none)."""

    def __init__(self, clause_id: str, variable: str, detail: str) -> None:
        super().__init__(f"clause {clause_id}: {detail}")
        self.clause_id = clause_id
        self.variable = variable
        self.detail = detail


class ClauseTemplate(Template):
    """A compiled clause: :meth:`render` runs within the sandbox's limits
    (:class:`wizard.core.clauses.budget.Limits`), however it is called."""

    def render(self, *args: Any, **kwargs: Any) -> str:
        with Limits():
            return super().render(*args, **kwargs)


@cache
def environment() -> SandboxedEnvironment:
    """The one sandboxed Jinja environment for clauses (see module doc)."""
    env = ClauseSandbox(
        undefined=StrictUndefined,
        trim_blocks=False,  # K11: see the module doc
        lstrip_blocks=True,
        autoescape=False,
        keep_trailing_newline=False,
    )
    env.template_class = ClauseTemplate
    env.globals.clear()
    return env


@lru_cache(maxsize=256)
def _compile(source: str) -> Template:
    if len(source) > MAX_SOURCE:
        raise ClauseLimitError(f"longer than {MAX_SOURCE:,} characters")
    return environment().from_string(source)


_NAMED = re.compile(r"'([^']+)' is undefined|has no attribute '([^']+)'|attribute '([^']+)'")


def _variable_of(exc: Exception) -> str:
    match = _NAMED.search(str(exc))
    return next((g for g in match.groups() if g), "") if match else ""


def render_source(source: str, context: dict[str, Any], clause_id: str) -> str:
    """Render a clause body with ``context``. Raises :class:`ClauseRenderError`.

    The error names the clause and the variable; it never carries values from outside
    the context (K9: ``cycler.__init__.__globals__`` is refused by the sandbox).
    """
    try:
        return clean_text(_compile(source).render(context))
    except TemplateSyntaxError as exc:
        raise ClauseRenderError(clause_id, "", f"syntax error line {exc.lineno}: {exc.message}") from None
    except ClauseLimitError as exc:
        raise ClauseRenderError(clause_id, "", f"beyond a limit: {exc}") from None
    except (UndefinedError, SecurityError) as exc:
        variable = _variable_of(exc)
        raise ClauseRenderError(clause_id, variable, f"unknown or forbidden name {variable!r}") from None
    except RecursionError:
        raise ClauseRenderError(clause_id, "", "nested too deeply") from None
    except MemoryError:
        raise ClauseRenderError(clause_id, "", "out of memory") from None
    except Exception as exc:  # TemplateError, TypeError, ValueError … : whatever a body does
        raise ClauseRenderError(clause_id, "", f"{type(exc).__name__}: {_short(exc)}") from None


def _short(exc: Exception) -> str:
    """An error's message, on one line and at most 200 characters (it may quote the body)."""
    text = " ".join(str(exc).split())
    return text if len(text) <= 200 else text[:199] + "…"


def _value(text: str) -> str:
    """User text for a clause: clean, on one line, or the placeholder when empty."""
    return one_line(text) or PLACEHOLDER


def _binding_version(project: Project, lang: str) -> str:
    if binding_language(project) == "fr":
        return tr(N_("the French version"), lang)
    return tr(N_("the English version"), lang)


_TRANSLATIONS = {"fr": N_("the French translation"), "en": N_("the English translation")}


def _translation_version(project: Project, lang: str, languages: list[str] | None) -> str:
    """The translation for information published with this copy ("the English
    translation"), '' when none: this copy's own language when it is one, else the
    translation exported with it (``languages``: the languages of one export)."""
    translations = translation_languages(project, [lang, *(languages or [])])
    return tr(_TRANSLATIONS[translations[0]], lang) if translations else ""


def clause_context(
    project: Project, lang: str, excluded: list[str], languages: list[str] | None = None
) -> dict[str, Any]:
    """The context of every clause for ``project`` in ``lang`` (keys: :data:`VARIABLES`).

    ``languages``: every language exported with this copy (default: ``lang`` alone);
    they decide ``translation_version``. ``claims`` maps every claim id to whether the
    clause may state it (``wizard.core.claims.verdicts(project, "tender")``, docs/claims.md).
    """
    from wizard.core.claims import verdicts  # the claims read the clause library: import at call time

    info, scope = project.info, project.scope
    prov = PROVINCES.get(info.province.strip().upper())
    return {
        "organization": _value(info.organization),
        "title": _value(info.title),
        "reference": _value(info.reference),
        "province": prov.name(lang) if prov else PLACEHOLDER,
        "province_of": prov.name_of(lang) if prov else PLACEHOLDER,
        "province_in": prov.name_in(lang) if prov else PLACEHOLDER,
        "court": prov.court(lang) if prov else PLACEHOLDER,
        "privacy_law": prov.privacy_law(lang) if prov else PLACEHOLDER,
        "privacy_note": prov.privacy_note(lang) if prov else "",
        "closing_date": format_date(info.closing_date, lang),
        "contract_start": format_date(info.contract_start, lang),
        "personal_information": scope.personal_information,
        "quebec": info.province.strip().upper() == "QC",
        "employee_locations": scope.personal_information and scope.employee_locations,
        "mission_critical": scope.mission_critical,
        "vendor_hosting": scope.vendor_hosting,
        "custom_code": scope.custom_code,
        "excluded_vendors": [_value(v) for v in excluded],
        "bilingual": is_bilingual(project),
        "binding_version": _binding_version(project, lang),
        "translation_version": _translation_version(project, lang, languages),
        "open_data_url": one_line(project.publication.open_data_url),
        "claims": dict(per_pass(project, verdicts, "tender")),  # once per pass, not per language
        "sow": contract_terms(project, lang),
    }


def split_paragraphs(text: str) -> list[tuple[int, str]]:
    """Rendered clause text → ``[(level, paragraph)]`` (2 = 1.1, 3 = 1.1.1 for ``- `` lines).

    An item before any paragraph (an edited clause that starts with ``- ``) becomes a
    paragraph: a number "1.0.1" would mean nothing in a contract.
    """
    paragraphs: list[tuple[int, str]] = []
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped:
            continue
        item = stripped[2:].strip() if stripped.startswith("- ") else ""
        if item:
            paragraphs.append((3 if paragraphs else 2, item))
        else:
            paragraphs.append((2, stripped))
    return paragraphs
