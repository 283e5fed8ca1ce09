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
    * ``where`` — the document and section that print it, for docs/claims.md.
    """

    id: str
    sentence: str
    holds: Holds
    explained_by: str
    otherwise: str = ""
    where: str = ""


CLAIMS: dict[str, Claim] = {}
"""Every claim, by id, in registration order."""


def claim(new: Claim) -> Claim:
    """Register ``new`` and return it. Raises ``ValueError`` for an id registered twice."""
    if new.id in CLAIMS:
        raise ValueError(f"claim registered twice: {new.id}")
    CLAIMS[new.id] = new
    return new


def verdict(project: Project, claim_id: str) -> bool:
    """Whether the claim ``claim_id`` may be stated for ``project`` (``None`` → False).
    Raises ``KeyError`` for an unknown id."""
    return CLAIMS[claim_id].holds(project) is True


def verdicts(project: Project) -> dict[str, bool]:
    """Every claim id → :func:`verdict`: what a clause template reads as ``claims``."""
    return {key: item.holds(project) is True for key, item in CLAIMS.items()}


def statement(project: Project, claim_id: str, lang: str, **params: object) -> str:
    """The sentence of ``claim_id`` in ``lang`` when it holds for ``project``; else its
    ``otherwise`` sentence; else '' (leave it out). Raises ``KeyError`` for an unknown
    id."""
    item = CLAIMS[claim_id]
    if item.holds(project) is True:
        return tr(item.sentence, lang, **params)
    return tr(item.otherwise, lang, **params) if item.otherwise else ""
