"""The legal framework block of the tender (issue 17, point 2): the procurement
law, the trade agreements with their thresholds and the period they are in force, access
to information and privacy, lobbying and language, from the province's facts
(``resources/legal/provinces.json`` and ``framework.json``, docs/legal-data.md).

``framework_blocks(project, lang) -> list[Block]``. A fact counsel must still confirm
prints "[to be confirmed by counsel]" (:data:`TO_CONFIRM`): that mark is not a
placeholder, so ``export --strict`` accepts it; the decision record lists those facts
with the day they were checked (:mod:`wizard.core.documents.record_framework`).

The sentences state the law, not the project, except the opening one: it is the claim
``tender.framework-of-the-province`` (docs/claims.md), true when the province is set.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from decimal import Decimal

from wizard.core.claims import statement
from wizard.core.documents.blocks import Block, Heading, Paragraph
from wizard.core.domain import legal_framework as legal
from wizard.core.domain.provinces import PROVINCES, Province
from wizard.core.i18n import N_, tr
from wizard.core.i18n.formats import contracted, format_date
from wizard.core.model import Project

TO_CONFIRM = N_("[to be confirmed by counsel]")
"""The mark of a fact counsel must confirm; French « [à faire confirmer par les
conseillers juridiques] », as in the data files."""

CATEGORY_LABELS = {
    "goods": N_("goods {amount}"),
    "services": N_("services {amount}"),
    "construction": N_("construction {amount}"),
}


def amount_text(amount: Decimal | None, lang: str) -> str:
    """An amount in whole dollars in ``lang`` (« 133 800 $ », "$133,800"), or the mark."""
    if amount is None:
        return tr(TO_CONFIRM, lang)
    whole = f"{amount.quantize(Decimal(1)):,}"
    return whole.replace(",", "\u00a0") + "\u00a0$" if lang == "fr" else f"${whole}"


def _date(day: dt.date, lang: str) -> str:
    return format_date(day.isoformat(), lang)


def agreement_line(agreement: legal.Agreement, lang: str) -> str:
    """One agreement: its name, its three thresholds and their period, each unconfirmed
    part marked."""
    if all(t.amount is None for t in agreement.thresholds.values()):
        amounts = tr("thresholds {mark}", lang, mark=tr(TO_CONFIRM, lang))
    else:
        amounts = "; ".join(
            tr(CATEGORY_LABELS[c], lang, amount=amount_text(agreement.thresholds[c].amount, lang))
            for c in legal.CATEGORIES
        )
    if agreement.valid_from and agreement.valid_to:
        period = tr(
            "in force from {start} to {end}",
            lang,
            start=_date(agreement.valid_from, lang),
            end=_date(agreement.valid_to, lang),
        )
    else:
        period = tr("period {mark}", lang, mark=tr(TO_CONFIRM, lang))
    name = agreement.name(lang)
    line = tr(
        "{agreement}: {amounts} ({period}).",
        lang,
        agreement=name[:1].upper() + name[1:],
        amounts=amounts,
        period=period,
    )
    if not agreement.sources["provinces"].confirmed:
        line += " " + tr("Its coverage of the Town is {mark}.", lang, mark=tr(TO_CONFIRM, lang))
    return line


def _privacy(prov: Province, lang: str) -> list[Block]:
    texts = [
        tr(
            "The documents the Town holds, bids included, are subject to {law}.",
            lang,
            law=prov.privacy_law(lang),
        )
    ]
    if prov.privacy_note(lang):
        texts.append(prov.privacy_note(lang))
    return [Paragraph(" ".join(texts))]


def framework_blocks(project: Project, lang: str) -> list[Block]:
    """The framework block in ``lang``; only the opening claim when the province is not set."""
    code = project.info.province.strip().upper()
    prov, frame = PROVINCES.get(code), legal.FRAMEWORKS.get(code)
    blocks: list[Block] = [Heading(1, tr("Legal framework", lang))]
    opening = statement(project, "tender.framework-of-the-province", lang)
    if opening:
        blocks.append(Paragraph(opening))
    if prov is None or frame is None:
        return blocks
    agreements = legal.agreements_for(code)
    blocks += [
        Heading(2, tr("Procurement law", lang)),
        Paragraph(
            tr("The Town's calls for tenders are governed by {law}.", lang, law=prov.procurement_law(lang))
        ),
        Heading(2, tr("Trade agreements", lang)),
        Paragraph(
            tr(
                "The following trade agreements cover a call for tenders of the Town whose estimated value, before taxes, reaches their thresholds:",
                lang,
            )
        ),
        *(Paragraph(agreement_line(a, lang), "List Bullet") for a in agreements),
        Heading(2, tr("Access to information and protection of privacy", lang)),
        *_privacy(prov, lang),
        Heading(2, tr("Lobbying", lang)),
        Paragraph(
            tr(
                "As to lobbying the Town's officers and council about this call for tenders, {rule}.",
                lang,
                rule=frame.lobbying.text(lang),
            )
        ),
        Heading(2, tr("Language", lang)),
        Paragraph(
            tr(
                "As to the language of the call for tenders and of the Contract, {rule}.",
                lang,
                rule=frame.language.text(lang),
            )
        ),
    ]
    blocks = [replace(b, text=contracted(b.text, lang)) if isinstance(b, Paragraph) else b for b in blocks]
    checked = max(s.checked for s in prov.sources.values())
    blocks.append(
        Paragraph(
            tr(
                "These legal facts were checked on {date}; a fact marked {mark} is confirmed by the Town's counsel before the call for tenders is published.",
                lang,
                date=_date(checked, lang),
                mark=tr(TO_CONFIRM, lang),
            )
        )
    )
    return blocks
