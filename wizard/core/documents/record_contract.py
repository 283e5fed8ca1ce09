"""The contract in the decision record: its term, its estimated value, the liability
and the insurance asked of the vendor, in words a council member follows
(docs/documents.md).

``contract_blocks(project, lang, awarded=None) -> list[Block]``: the section "The
contract", built from the statement of work (``model.sections.StatementOfWork``) and the
funding's estimate (:func:`wizard.core.documents.record_funding.estimate_text`); once
awarded (``awarded``: the value of the contract awarded), the term and the cap are said
of the contract awarded and its value beside the estimate; once signed (``contract``:
the follow-up's :class:`~wizard.core.contract.record.Contract`), the start and the
initial term are the contract's terms, as the contract summary says them. With a paid
pilot, once awarded, the term and the value are said of the full Contract that follows
the pilot's success: its start only when it falls on or after the pilot's end
(``checks.logistics.pilot_end``), the value awarded binding the Town beyond the pilot's
price (which it pays whatever the result) only if the pilot succeeds. The liability
and the term against the estimate's horizon are claims (docs/claims.md,
``record.liability-capped``, ``record.term-within-horizon``); the other sentences print
the project's values. Amounts are CAD before taxes.

Guide principle: council approves a contract it can read: how long it binds the Town,
what it may cost, and who bears the risk.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from typing import TYPE_CHECKING

from wizard.core.checks.logistics import pilot_end
from wizard.core.claims import record as claims
from wizard.core.claims import statement
from wizard.core.documents.blocks import Block, Heading, Paragraph
from wizard.core.documents.record_funding import estimate_text
from wizard.core.documents.record_tco import MONEY_LIMIT, money
from wizard.core.domain import funding
from wizard.core.i18n import N_, ntr, tr
from wizard.core.i18n.formats import format_date
from wizard.core.model import Project
from wizard.core.model.bounds import clamp

if TYPE_CHECKING:
    from wizard.core.contract.record import Contract

HEADING = N_("The contract")

_INSURANCE = (
    ("insurance_general_cad", N_("commercial general liability insurance of {amount} per occurrence")),
    ("insurance_professional_cad", N_("professional liability insurance of {amount}")),
    ("insurance_cyber_cad", N_("cyber and privacy liability insurance of {amount}")),
)
"""The insurance the vendor carries: field → how the record names it."""


def number(value: Decimal, lang: str) -> str:
    """A multiple as read aloud: "2", "1.5" in English, "1,5" in French."""
    if not value.is_finite():
        return "?"
    text = format(value.normalize(), "f") if value == value.to_integral() else format(value, "f")
    text = text.rstrip("0").rstrip(".") if "." in text else text
    return text.replace(".", ",") if lang == "fr" else text


def _years(count: int, lang: str) -> str:
    return ntr("{count} year", "{count} years", count, lang)


def _terms(project: Project) -> tuple[int, int]:
    """The statement of work's initial term and renewal length (years), as printed."""
    work = project.statement_of_work
    return (
        int(clamp("statement_of_work.term_years", work.term_years)),
        int(clamp("statement_of_work.renewal_years", work.renewal_years)),
    )


def term_sentence(
    project: Project, lang: str, awarded: bool = False, contract: Contract | None = None
) -> str:
    """ "The contract would run for 3 years from June 1, 2027; the Town may then renew it
    2 times, 1 year each: 5 years at most." Once ``awarded``: "The contract awarded runs
    for 3 years …"; once signed, the start and the initial term of ``contract`` (the
    follow-up's terms, ``contract.record.read``: the contract summary reads the same)."""
    work = project.statement_of_work
    initial = int(clamp("statement_of_work.term_years", work.term_years))
    renewals = int(clamp("statement_of_work.renewals", work.renewals))
    each = int(clamp("statement_of_work.renewal_years", work.renewal_years))
    start = project.info.contract_start
    if contract is not None:
        initial, start = contract.term_years, contract.start_on or start
        each = contract.renewal_years
    if awarded and project.evaluation.pilot_enabled:
        # the tender awards the pilot; the full Contract follows its success, never before it ends
        span = pilot_end(project)
        text = (
            tr(
                "If the pilot succeeds, the full Contract runs for {term} from {start}.",
                lang,
                term=_years(initial, lang),
                start=format_date(start, lang),
            )
            if start and span is not None and start >= span[1].isoformat()
            else tr(
                "If the pilot succeeds, the full Contract runs for {term} from its start, once the pilot has ended.",
                lang,
                term=_years(initial, lang),
            )
        )
    elif start:
        text = tr(
            N_("The contract awarded runs for {term} from {start}.")
            if awarded
            else N_("The contract would run for {term} from {start}."),
            lang,
            term=_years(initial, lang),
            start=format_date(start, lang),
        )
    else:
        text = tr(
            N_("The contract awarded runs for {term} from its start.")
            if awarded
            else N_("The contract would run for {term} from its start."),
            lang,
            term=_years(initial, lang),
        )
    if renewals <= 0:
        return f"{text} {tr('It provides for no renewal.', lang)}"
    total = _years(initial + renewals * each, lang)
    if renewals == 1:
        renew = tr(
            "The Town may then renew it once, for {each}: {total} at most.",
            lang,
            each=_years(each, lang),
            total=total,
        )
    else:
        renew = ntr(
            "The Town may then renew it up to {count} time, for {each} each time: {total} at most.",
            "The Town may then renew it up to {count} times, for {each} each time: {total} at most.",
            renewals,
            lang,
            each=_years(each, lang),
            total=total,
        )
    return f"{text} {renew}"


def insurance_sentence(project: Project, lang: str) -> str:
    """The insurance the vendor must carry, or that it need carry none."""
    work = project.statement_of_work
    kinds = [
        tr(msgid, lang, amount=money(Decimal(getattr(work, name)), lang))
        for name, msgid in _INSURANCE
        if Decimal(getattr(work, name)) > 0
    ]
    if not kinds:
        return tr("The vendor is not required to carry any insurance.", lang)
    listed = (
        kinds[0]
        if len(kinds) == 1
        else tr("{items} and {last}", lang, items=", ".join(kinds[:-1]), last=kinds[-1])
    )
    return tr("The vendor must carry {insurance}.", lang, insurance=listed)


def contract_blocks(
    project: Project, lang: str, awarded: Decimal | None = None, contract: Contract | None = None
) -> list[Block]:
    """The section "The contract": term, estimated value, liability and insurance; once
    awarded (``awarded``, the value of the contract awarded, CAD before taxes), the value
    awarded beside the estimate and the cap on that value; once signed (``contract``, the
    follow-up's contract), its start and initial term."""
    work = project.statement_of_work
    signed = contract if awarded is not None else None
    horizon = statement(project, claims.TERM_WITHIN_HORIZON.id, lang)
    if signed is not None and _terms(project) != (signed.term_years, signed.renewal_years):
        # the claim judges the statement of work's term, not the one signed (review 2026-12-07)
        horizon = ""
    blocks: list[Block] = [
        Heading(1, tr(HEADING, lang)),
        Paragraph(term_sentence(project, lang, awarded is not None, signed)),
    ]
    estimate = estimate_text(project, lang)
    if awarded is not None and project.evaluation.pilot_enabled:
        # the evaluated price counts the pilot's line, which the Town pays whatever its result
        value = (
            tr(
                "The value awarded is {value} before taxes; beyond the price of the paid pilot, the Town is "
                "bound only if the pilot succeeds. The estimate of the funding "
                "section was {estimate}.",
                lang,
                value=money(awarded, lang),
                estimate=estimate,
            )
            if estimate
            else tr(
                "The value awarded is {value} before taxes; beyond the price of the paid pilot, the Town is "
                "bound only if the pilot succeeds.",
                lang,
                value=money(awarded, lang),
            )
        )
        blocks.append(Paragraph(f"{value} {horizon}".strip()))
    elif awarded is not None:
        value = (
            tr(
                "Its value as awarded is {value} before taxes; the estimate of the funding section was {estimate}.",
                lang,
                value=money(awarded, lang),
                estimate=estimate,
            )
            if estimate
            else tr("Its value as awarded is {value} before taxes.", lang, value=money(awarded, lang))
        )
        blocks.append(Paragraph(f"{value} {horizon}".strip()))
    elif estimate:
        value = tr(
            "Its estimated value is the estimate of the funding section: {estimate}.",
            lang,
            estimate=estimate,
        )
        blocks.append(Paragraph(f"{value} {horizon}".strip()))
    # the documents use the nearest limit of a multiple out of bounds (SW-RANGE tells)
    multiple = clamp("statement_of_work.liability_cap_multiple", Decimal(work.liability_cap_multiple))
    liability = statement(project, claims.LIABILITY_CAPPED.id, lang, multiple=number(multiple, lang))
    amount = funding.estimate(project) if awarded is None else awarded
    printable = amount is not None and amount.is_finite() and abs(amount) <= MONEY_LIMIT
    if claims.LIABILITY_CAPPED.holds(project) and amount is not None and printable:
        cents = amount.quantize(Decimal("0.01"), ROUND_HALF_UP)  # the amount as printed
        liability += " " + tr(
            N_("On the estimate, the cap would be {amount}.")
            if awarded is None
            else N_("On the value awarded, the cap is {amount}."),
            lang,
            amount=money(cents * multiple, lang),  # a reader's own product; money() caps the size
        )
    blocks += [Paragraph(liability), Paragraph(insurance_sentence(project, lang))]
    return blocks
