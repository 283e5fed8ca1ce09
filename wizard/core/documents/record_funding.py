"""The funding of the decision record: the estimate (which figure it is), the source of
funds, the budget available and whether it covers the estimate (docs/documents.md).

* ``estimate_text(project, lang) -> str``: the estimate as the summary and the proposed
  resolution say it ("$384,153.25 before taxes over 5 years"), '' when there is none.
* ``funding_statements(project, lang) -> list[str]``: the claims on the source, the
  budget and the coverage, each true for the project (docs/claims.md).
* ``funding_blocks(project, lang) -> list[Block]``: the Funding section.

Amounts are CAD; the arithmetic is :mod:`wizard.core.domain.funding`.
"""

from __future__ import annotations

from decimal import Decimal

from wizard.core.claims import record as claims
from wizard.core.claims import statement
from wizard.core.documents.blocks import Block, Heading, Paragraph
from wizard.core.documents.record_tco import money, option_name, tax_summary
from wizard.core.domain import funding, tco
from wizard.core.i18n import ntr, tr
from wizard.core.i18n.formats import PLACEHOLDER
from wizard.core.model import Project
from wizard.core.textclean import one_line


def _with_taxes(project: Project, amount: Decimal) -> Decimal | None:
    if not (project.tco.include_taxes and tco.tax_rates(project.info.province)):
        return None
    return amount + sum((t for _n, _r, t in tco.taxes(amount, project.info.province)), Decimal(0))


def estimate_text(project: Project, lang: str) -> str:
    """ "$384,153.25 before taxes over 5 years" ('' without an estimate)."""
    amount = funding.estimate(project)
    if amount is None:
        return ""
    return ntr(
        "{amount} before taxes over {count} year",
        "{amount} before taxes over {count} years",
        tco.horizon_of(project),
        lang,
        amount=money(amount, lang),
    )


def estimate_origin(project: Project, lang: str) -> str:
    """Which figure the estimate is: the TCO's (and of which option), or the Town's own."""
    results = tco.compute_tco(project)
    choice = funding.tco_choice(project, results)
    if not funding.estimate_from_tco(project):
        if choice is None:
            return tr("It is the Town's own estimate.", lang)
        return tr(
            "It is the Town's own estimate; the total cost of ownership gives {amount} for “{option}”, the option with the lowest net present value.",
            lang,
            amount=money(choice.nominal, lang),
            option=option_name(choice.name, results.index(choice) + 1, lang),
        )
    if choice is None:
        return ""
    return tr(
        "It is the nominal total of “{option}”, the option with the lowest net present value ({npv}) in the total cost of ownership.",
        lang,
        option=option_name(choice.name, results.index(choice) + 1, lang),
        npv=money(choice.npv, lang),
    )


def funding_statements(project: Project, lang: str) -> list[str]:
    """The source of funds, the budget available and whether it covers the estimate,
    each a claim that holds for the project or its true alternative."""
    found = [
        statement(project, claims.FUNDING_SOURCE.id, lang, source=one_line(project.tco.funding_source)),
    ]
    budget, cost = funding.budget(project), funding.estimate(project)
    found.append(
        statement(project, claims.BUDGET_STATED.id, lang, budget=money(budget, lang) if budget else "")
    )
    if budget is not None and cost is not None:
        found.append(
            statement(
                project,
                claims.BUDGET_COVERS.id,
                lang,
                margin=money(budget - cost, lang),
                gap=money(cost - budget, lang),
            )
        )
    return [text for text in found if text]


def funding_blocks(project: Project, lang: str) -> list[Block]:
    """The Funding section: the estimate and which figure it is, taxes, the source, the
    budget and whether it covers the estimate."""
    estimate = estimate_text(project, lang)
    blocks: list[Block] = [
        Heading(1, tr("Funding", lang)),
        Paragraph(f"{estimate}." if estimate else PLACEHOLDER, label=tr("Estimate:", lang)),
    ]
    origin = estimate_origin(project, lang)
    if origin:
        blocks.append(Paragraph(origin))
    amount = funding.estimate(project)
    total = _with_taxes(project, amount) if amount is not None else None
    if total is not None:
        blocks.append(
            Paragraph(
                tr(
                    "With sales taxes ({taxes}): {total}; the Town may recover part of them through the rebates public bodies are entitled to.",
                    lang,
                    taxes=tax_summary(project, lang),
                    total=money(total, lang),
                )
            )
        )
    blocks += [Paragraph(text) for text in funding_statements(project, lang)]
    return blocks
