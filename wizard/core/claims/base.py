"""The claim type, the registry and the two questions documents ask (docs/claims.md)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from wizard.core.i18n import tr
from wizard.core.model import Project

Holds = Callable[[Project], "bool | None"]


@dataclass(frozen=True)
class Claim:
    """A sentence that states a fact about the project.

    * ``id`` — stable, ``<document>.<kebab-name>`` ("tender.no-author-on-committee");
    * ``sentence`` — the English message id printed when the claim holds (French in the
      catalogue like every message); it may take ``{name}`` parameters;
    * ``holds`` — the project → ``True`` (true), ``False`` (false) or ``None`` (the
      project does not tell: treated as not holding, since a document must not assert
      what nobody checked);
    * ``explained_by`` — the code of the finding the checks report when the claim does
      not hold (the table test proves the finding is there);
    * ``otherwise`` — the English message id of the true statement printed instead
      ('' = the sentence is left out);
    * ``where`` — the document and section that print it, for docs/claims.md;
    * ``unknown`` — the English message id printed when ``holds`` is ``None`` (the
      project does not tell yet), typically the same fact as an undertaking ("No author
      of this tender will sit on the selection committee"); '' = as ``otherwise``;
    * ``unknown_explained_by`` — the codes of the findings that tell the user what is
      missing when ``holds`` is ``None`` (any one of them is reported).

    A clause template prints a claim's sentence itself (the clause text is written per
    language); its ``sentence`` is then the English text the library clause prints when
    the claim holds, and the table test proves that clause and catalogue agree.
    """

    id: str
    sentence: str
    holds: Holds
    explained_by: str
    otherwise: str = ""
    where: str = ""
    unknown: str = ""
    unknown_explained_by: tuple[str, ...] = ()


CLAIMS: dict[str, Claim] = {}
"""Every claim, by id, in registration order."""


def claim(new: Claim) -> Claim:
    """Register ``new`` and return it. Raises ``ValueError`` for an id registered twice."""
    if new.id in CLAIMS:
        raise ValueError(f"claim registered twice: {new.id}")
    CLAIMS[new.id] = new
    return new


def holds(item: Claim, project: Project) -> bool | None:
    """Whether ``item`` holds for ``project`` in every language version of its texts
    (docs/bilingual.md): a claim is a fact about the project, so the French and English
    documents state the same facts. ``False`` when one version makes it false, else
    ``None`` when one does not tell, else ``True``. A version without a text reads it
    blank (``translatable.localized`` with no marker)."""
    values = [item.holds(version) for version in _versions(project)]
    if False in values:
        return False
    return None if None in values else True


def _versions(project: Project) -> list[Project]:
    """``project`` and, when it holds translations, its texts in the other language."""
    from wizard.core.model import translatable

    if not project.translations:
        return [project]
    other = translatable.other_language(translatable.source_language(project))
    return [project, translatable.localized(project, other, marker="")]


def verdict(project: Project, claim_id: str) -> bool:
    """Whether the claim ``claim_id`` may be stated for ``project`` (``None`` → False).
    Raises ``KeyError`` for an unknown id."""
    return holds(CLAIMS[claim_id], project) is True


def verdicts(project: Project, document: str = "") -> dict[str, bool]:
    """Every claim id → :func:`verdict`; with ``document`` ("tender"), only the claims
    of that document (ids ``"<document>.…"``): what a clause template reads as
    ``claims`` (``verdicts(project, "tender")``), so that rendering a clause never
    evaluates a claim of the decision record (which may run the checks, which render
    the clauses)."""
    prefix = f"{document}." if document else ""
    return {key: holds(item, project) is True for key, item in CLAIMS.items() if key.startswith(prefix)}


def chosen(project: Project, claim_id: str) -> str:
    """The English message id :func:`statement` prints for ``project``: the sentence
    when the claim holds; when the project does not tell, ``unknown`` if set; else
    ``otherwise``; '' when nothing is printed. Raises ``KeyError`` for an unknown id."""
    item = CLAIMS[claim_id]
    value = holds(item, project)
    if value is True:
        return item.sentence
    if value is None and item.unknown:
        return item.unknown
    return item.otherwise


def statement(project: Project, claim_id: str, lang: str, **params: object) -> str:
    """The sentence of ``claim_id`` in ``lang`` when it holds for ``project``; when the
    project does not tell, its ``unknown`` sentence if it has one; else its
    ``otherwise`` sentence; else '' (leave it out). Raises ``KeyError`` for an unknown
    id."""
    text = chosen(project, claim_id)
    return tr(text, lang, **params) if text else ""
