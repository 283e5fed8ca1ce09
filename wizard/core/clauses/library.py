"""The contract clause library (docs/clauses.md): catalogue, applicability, project choices.

Each clause lives in ``templates/clauses/<lang>/<id>.j2``: a front matter between two
``---`` lines (``key: value`` per line), then a Jinja body. Keys (all required):

* ``id`` — the file name without ``.j2``; ``family`` — a key of :data:`FAMILIES`;
* ``title`` — the heading in that language; ``order`` — an integer, sorting the tender;
* ``status`` — ``required`` | ``recommended`` | ``optional``;
* ``condition`` — ``always`` or a project flag of :data:`CONDITIONS`.

One key is optional: ``title_quebec`` — the heading of a Québec project's tender, where
the civil law names the thing otherwise (the English "Superior force (force majeure)" of
C.c.Q. art. 1470, against "Force majeure" in the common-law provinces); without it the
``title`` serves every province.

In the body, each non-blank line is one paragraph of the clause (numbered 1.1, 1.2 …);
a line starting with ``- `` is a sub-item (1.1.1). Bodies render in Jinja's sandbox with
``StrictUndefined`` (:mod:`wizard.core.clauses.render`).

A project's :class:`~wizard.core.model.ClauseChoice` toggles a clause (``included``) or
replaces its body per language (``custom_fr`` / ``custom_en``; '' = the library text).
The library files are never modified.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from functools import cache

from jinja2 import meta

from wizard.core.clauses.families import CONDITIONS, FAMILIES, STATUSES
from wizard.core.clauses.render import (
    ClauseRenderError,
    clause_context,
    environment,
    render_source,
    split_paragraphs,
)
from wizard.core.clauses.terms import contract_terms
from wizard.core.i18n.formats import PLACEHOLDER
from wizard.core.memo import per_pass
from wizard.core.model import ClauseChoice, Project, VendorExchange
from wizard.core.paths import template_path

__all__ = [
    "CONDITIONS",
    "FAMILIES",
    "STATUSES",
    "Clause",
    "ClauseFormatError",
    "ClauseRenderError",
    "catalogue",
    "clause",
    "conditions",
    "excluded_for_drafting",
    "applicable",
    "choice_for",
    "is_included",
    "is_edited",
    "clause_source",
    "clause_diff",
    "required_variables",
    "included_clauses",
    "render_source",
    "RenderedClause",
    "render_clause",
    "render_clauses",
    "excluded_vendor_names",
    "is_quebec",
]

_KEYS = ("id", "family", "title", "status", "condition", "order")
_OPTIONAL_KEYS = ("title_quebec",)


class ClauseFormatError(ValueError):
    """A clause file whose front matter is missing, malformed or invalid."""


@dataclass(frozen=True)
class Clause:
    """One library clause in both languages. ``titles`` / ``bodies``: lang → text;
    ``quebec_titles``: lang → the heading of a Québec project's tender, where it differs."""

    id: str
    family: str
    status: str
    condition: str
    order: int
    titles: dict[str, str]
    bodies: dict[str, str]
    quebec_titles: dict[str, str] = field(default_factory=dict)

    def title(self, lang: str, project: Project | None = None) -> str:
        """The clause heading in ``lang``; with ``project``, the one its province's
        legal system uses (``title_quebec`` for a Québec project, module doc)."""
        if project is not None and is_quebec(project):
            return self.quebec_titles.get(lang, self.titles[lang])
        return self.titles[lang]


def is_quebec(project: Project) -> bool:
    """Whether the project's town is in Québec, the civil-law province (the ``quebec``
    variable of the clauses, ``render.clause_context``)."""
    return project.info.province.strip().upper() == "QC"


def parse_clause(text: str, origin: str = "<clause>") -> tuple[dict[str, str], str]:
    """Split a clause file into (front matter dict, Jinja body).

    Raises :class:`ClauseFormatError` naming ``origin`` when the front matter is absent
    or a line is not ``key: value``.
    """
    lines = text.splitlines()
    if not lines or lines[0].strip() != "---" or "---" not in (s.strip() for s in lines[1:]):
        raise ClauseFormatError(f"{origin}: the file must start with a '---' front matter block")
    end = next(i for i in range(1, len(lines)) if lines[i].strip() == "---")
    metadata: dict[str, str] = {}
    for line in lines[1:end]:
        if not line.strip():
            continue
        key, sep, value = line.partition(":")
        if not sep:
            raise ClauseFormatError(f"{origin}: front matter line is not 'key: value': {line!r}")
        metadata[key.strip()] = value.strip()
    return metadata, "\n".join(lines[end + 1 :]).strip("\n") + "\n"


def validate_metadata(metadata: dict[str, str], origin: str = "<clause>") -> list[str]:
    """Problems with a clause's front matter (empty when valid), each naming ``origin``."""
    problems = [f"{origin}: missing key {key!r}" for key in _KEYS if not metadata.get(key)]
    checks = (
        ("family", FAMILIES),
        ("status", STATUSES),
        ("condition", CONDITIONS),
    )
    for key, allowed in checks:
        value = metadata.get(key)
        if value and value not in allowed:
            problems.append(f"{origin}: {key} {value!r} is not one of {', '.join(allowed)}")
    if metadata.get("order") and not metadata["order"].isdigit():
        problems.append(f"{origin}: order {metadata['order']!r} is not a whole number")
    unknown = set(metadata) - set(_KEYS) - set(_OPTIONAL_KEYS)
    problems.extend(f"{origin}: unknown key {key!r}" for key in sorted(unknown))
    return problems


def _read(lang: str, clause_id: str) -> tuple[dict[str, str], str]:
    path = template_path("clauses", lang, f"{clause_id}.j2")
    metadata, body = parse_clause(path.read_text(encoding="utf-8"), f"{lang}/{path.name}")
    problems = validate_metadata(metadata, f"{lang}/{path.name}")
    if metadata.get("id") != clause_id:
        problems.append(f"{lang}/{path.name}: id {metadata.get('id')!r} differs from the file name")
    if problems:
        raise ClauseFormatError("; ".join(problems))
    return metadata, body


@cache
def catalogue() -> dict[str, Clause]:
    """Every library clause, id → :class:`Clause`, sorted by ``order``.

    Raises :class:`ClauseFormatError` when a clause lacks a language or its metadata is
    invalid or differs between languages (the library ships with the app: a broken
    library is a programming error, and the tests load it).
    """
    ids = sorted(p.stem for p in template_path("clauses", "fr").glob("*.j2"))
    ids_en = sorted(p.stem for p in template_path("clauses", "en").glob("*.j2"))
    if ids != ids_en:
        raise ClauseFormatError(f"clauses differ between fr and en: {sorted(set(ids) ^ set(ids_en))}")
    clauses = []
    for clause_id in ids:
        (meta_fr, body_fr), (meta_en, body_en) = _read("fr", clause_id), _read("en", clause_id)
        for key in ("family", "status", "condition", "order"):
            if meta_fr[key] != meta_en[key]:
                raise ClauseFormatError(f"{clause_id}: {key} differs between fr and en")
        clauses.append(
            Clause(
                clause_id,
                meta_fr["family"],
                meta_fr["status"],
                meta_fr["condition"],
                int(meta_fr["order"]),
                {"fr": meta_fr["title"], "en": meta_en["title"]},
                {"fr": body_fr, "en": body_en},
                {
                    lang: meta["title_quebec"]
                    for lang, meta in (("fr", meta_fr), ("en", meta_en))
                    if meta.get("title_quebec")
                },
            )
        )
    return {c.id: c for c in sorted(clauses, key=lambda c: (c.order, c.id))}


def clause(clause_id: str) -> Clause:
    """The library clause ``clause_id``. Raises ``KeyError``."""
    return catalogue()[clause_id]


def excluded_for_drafting(exchange: VendorExchange) -> bool:
    """Whether a register row excludes its vendor as a drafting contributor: the vendor
    helped draft the tender (``drafting == "helped_draft"``) or supplied a template or
    specification that the tender used (``"material_used"``).

    Principle (Open North's guide, "Contribution des fournisseurs"): a vendor is barred
    for a part in the tender's preparation that gives it an advantage. A template or
    specification received and not used (``"material_not_used"``) shaped nothing the
    bidders read, so it is recorded, excludes no one, and the tender says nothing of it;
    neither does ``"none"`` nor a value outside the set (a newer version's, kept as
    stored)."""
    return exchange.drafting in ("helped_draft", "material_used")


def excluded_vendor_names(project: Project) -> list[str]:
    """Vendors excluded as drafting contributors (:func:`excluded_for_drafting`,
    V-DRAFTING), in register order, deduplicated (blanks folded, case ignored), named as
    first written; rows without a vendor name give none. The one place that decides who
    the tender's excluded-vendors clause and appendix, the record and the open data name.
    Read once per check run or export (``core/memo.py``)."""
    return list(per_pass(project, _excluded_vendor_names))


def _excluded_vendor_names(project: Project) -> list[str]:
    names: list[str] = []
    for exchange in project.vendor_exchanges:
        name = " ".join(exchange.vendor.split())
        if excluded_for_drafting(exchange) and name and name.casefold() not in {n.casefold() for n in names}:
            names.append(name)
    return names


def conditions(project: Project) -> dict[str, bool]:
    """Condition name → whether it holds for ``project`` (``always`` is always true)."""
    scope = project.scope
    return {
        "always": True,
        "personal_information": scope.personal_information,
        "mission_critical": scope.mission_critical,
        "vendor_hosting": scope.vendor_hosting,
        "custom_code": scope.custom_code,
        "excluded_vendors": bool(excluded_vendor_names(project)),
        "key_personnel": project.statement_of_work.key_personnel
        or project.statement_of_work.background_checks,
    }


def applicable(project: Project) -> list[Clause]:
    """The library clauses whose condition holds for ``project``, in tender order."""
    holds = conditions(project)
    return [c for c in catalogue().values() if holds.get(c.condition, False)]


def choice_for(project: Project, clause_id: str) -> ClauseChoice | None:
    """The project's choice row for ``clause_id``, or ``None`` (library defaults)."""
    return next((c for c in project.clause_choices if c.clause_id == clause_id), None)


def is_included(project: Project, item: Clause) -> bool:
    """Whether ``item`` is in the tender: the choice if any, else required/recommended."""
    choice = choice_for(project, item.id)
    return choice.included if choice is not None else item.status != "optional"


def included_clauses(project: Project) -> list[Clause]:
    """The applicable clauses the project keeps, in tender order."""
    return [c for c in applicable(project) if is_included(project, c)]


def is_edited(project: Project, clause_id: str, lang: str) -> bool:
    """Whether the project replaced the library text of ``clause_id`` in ``lang``."""
    choice = choice_for(project, clause_id)
    return bool(choice and getattr(choice, f"custom_{lang}").strip())


def requires_insurance(project: Project, lang: str) -> bool:
    """Whether the tender in ``lang`` requires insurance of the Contractor: its clause
    "Insurance" is included and either the town's own text in ``lang`` (read as
    requiring some) or the library's with an amount above 0. The tender's award section
    and the notice of award ask for certificates of insurance only then."""
    if not any(c.id == "insurance" for c in included_clauses(project)):
        return False
    return is_edited(project, "insurance", lang) or bool(contract_terms(project, lang)["insurance"])


def clause_source(project: Project, item: Clause, lang: str) -> str:
    """The Jinja body used for ``item`` in ``lang``: the project's edit, else the library."""
    choice = choice_for(project, item.id)
    custom = getattr(choice, f"custom_{lang}") if choice is not None else ""
    return custom if custom.strip() else item.bodies[lang]


def clause_diff(project: Project, clause_id: str, lang: str) -> str:
    """A unified diff from the library text to the project's edit ('' when not edited)."""
    if not is_edited(project, clause_id, lang):
        return ""
    library = clause(clause_id).bodies[lang]
    edited = clause_source(project, clause(clause_id), lang)
    return "".join(
        difflib.unified_diff(
            library.splitlines(keepends=True),
            (edited.rstrip("\n") + "\n").splitlines(keepends=True),
            fromfile="library",
            tofile="project",
        )
    )


def required_variables(source: str) -> set[str]:
    """The context variables a clause body uses (``jinja2.meta``).

    Raises :class:`ClauseRenderError` (clause ``"?"``) on a syntax error.
    """
    try:
        return set(meta.find_undeclared_variables(environment().parse(source)))
    except Exception as exc:  # TemplateSyntaxError and friends
        raise ClauseRenderError("?", "", str(exc)) from None


@dataclass(frozen=True)
class RenderedClause:
    """A clause ready for the tender: title and ``[(level, text)]`` paragraphs.

    ``error`` is set when the clause failed to render; its paragraphs then hold one
    visible placeholder instead of the text (the export still completes).
    """

    id: str
    title: str
    paragraphs: list[tuple[int, str]]
    error: ClauseRenderError | None = None


def render_clause(project: Project, item: Clause, lang: str) -> RenderedClause:
    """Render one clause for ``project`` in ``lang``. Raises :class:`ClauseRenderError`."""
    context = clause_context(project, lang, excluded_vendor_names(project))
    text = render_source(clause_source(project, item, lang), context, item.id)
    return RenderedClause(item.id, item.title(lang, project), split_paragraphs(text))


def render_problem(project: Project, clause_id: str, lang: str, source: str) -> ClauseRenderError | None:
    """Why ``source`` (a clause body being edited) cannot render for ``project`` in
    ``lang``, naming the clause and the variable; ``None`` when it renders. What the
    K-RENDER check reports after the save, told while the user types."""
    context = clause_context(project, lang, excluded_vendor_names(project))
    try:
        render_source(source, context, clause_id)
    except ClauseRenderError as exc:
        return exc
    return None


def render_clauses(project: Project, lang: str, languages: list[str] | None = None) -> list[RenderedClause]:
    """Every clause the tender keeps, rendered in ``lang``; never raises (see ``error``).
    ``languages``: every language exported with this copy (the language clause names
    the translation for information published with it)."""
    context = clause_context(project, lang, excluded_vendor_names(project), languages)
    rendered = []
    for item in included_clauses(project):
        try:
            text = render_source(clause_source(project, item, lang), context, item.id)
            rendered.append(RenderedClause(item.id, item.title(lang, project), split_paragraphs(text)))
        except ClauseRenderError as exc:
            rendered.append(
                RenderedClause(
                    item.id, item.title(lang, project), [(2, f"{PLACEHOLDER} ({exc.detail})")], exc
                )
            )
    return rendered
