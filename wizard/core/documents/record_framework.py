"""The procedure and the facts counsel must confirm, in the decision record (issue 17,
points 2 and 3; docs/legal-data.md).

``framework_blocks(project, lang) -> list[Block]``:

* **Procedure and thresholds**: the estimate (``domain.funding``: the user's, else the
  TCO's) against each threshold that bears on the contract (the province's public-call
  threshold, each trade agreement's lower goods/services threshold): reached, not
  reached, or not compared because the threshold is to be confirmed; the platform a
  statute requires; the minimum bid periods of ``submission_periods.json``.
* **Facts counsel must confirm**: every unconfirmed fact of the province, of the
  agreements that cover it and of its bid-period rules, each with the day it was
  checked ("as of").
"""

from __future__ import annotations

from wizard.core.checks.procedure import thresholds
from wizard.core.documents.blocks import Block, Heading, Paragraph, Table
from wizard.core.documents.tender_framework import TO_CONFIRM, amount_text
from wizard.core.domain import funding, submission_periods
from wizard.core.domain import legal_framework as legal
from wizard.core.domain.provinces import PROVINCES, Source
from wizard.core.i18n import N_, tr
from wizard.core.i18n.formats import format_date
from wizard.core.model import Project

FACT_LABELS = {
    "name": N_("name"),
    "court": N_("court"),
    "privacy_law": N_("access to information and privacy statute"),
    "privacy_note": N_("rule on personal information"),
    "procurement_law": N_("procurement law"),
    "lobbying_law": N_("lobbying law"),
    "language_law": N_("language law"),
    "platform": N_("required platform"),
    "public_call_threshold": N_("public-call threshold"),
    "provinces": N_("coverage of municipalities"),
    "period": N_("period of the thresholds"),
    "thresholds.goods": N_("goods threshold"),
    "thresholds.services": N_("services threshold"),
    "thresholds.construction": N_("construction threshold"),
    "days": N_("minimum bid period"),
    "bid_dispute": N_("bid-dispute procedure"),
    "bid_dispute_authority": N_("authority that receives bid disputes"),
}
"""A fact's key (``Source.key``) → how the record names it."""


def _label(source: Source, lang: str) -> str:
    key = source.key.split(".", 1)[-1] if source.key.startswith(("provinces.", "agreements.")) else source.key
    for known in sorted(FACT_LABELS, key=len, reverse=True):
        if key.endswith(known):
            return tr(FACT_LABELS[known], lang)
    return key


def to_confirm(project: Project, lang: str) -> list[list[str]]:
    """``[subject, fact, as of]`` rows for every fact counsel must confirm."""
    code = project.info.province.strip().upper()
    prov, frame = PROVINCES.get(code), legal.FRAMEWORKS.get(code)
    if prov is None or frame is None:
        return []
    rows: list[list[str]] = []
    for source in [*prov.unconfirmed(), *(f for f in frame.facts() if not f.confirmed)]:
        rows.append([prov.name(lang), _label(source, lang), format_date(source.checked.isoformat(), lang)])
    for agreement in legal.agreements_for(code):
        for source in agreement.facts():
            if not source.confirmed:
                rows.append(
                    [
                        agreement.name(lang),
                        _label(source, lang),
                        format_date(source.checked.isoformat(), lang),
                    ]
                )
    for rule in submission_periods.rules_for(code):
        for source in rule.sources.values():
            if not source.confirmed:
                rows.append(
                    [rule.name(lang), _label(source, lang), format_date(source.checked.isoformat(), lang)]
                )
    return rows


def _procedure(project: Project, lang: str) -> list[Block]:
    code = project.info.province.strip().upper()
    estimate = funding.estimate(project)
    blocks: list[Block] = [Heading(2, tr("Procedure and thresholds", lang))]
    if estimate is None:
        blocks.append(Paragraph(tr("No estimate is available, so no threshold is compared.", lang)))
    else:
        blocks.append(
            Paragraph(
                tr(
                    "The estimate, {estimate} before taxes, is compared with each threshold that bears on the contract (for an agreement, the lower of its goods and services thresholds):",
                    lang,
                    estimate=amount_text(estimate, lang),
                )
            )
        )
        frame = legal.FRAMEWORKS.get(code)
        public_call = frame.public_call_threshold if frame is not None else None
        for rule, threshold in thresholds(project):
            amount = threshold.amount
            if amount is None:
                text = N_("{rule}: threshold {mark}; not compared.")
            elif threshold is public_call:
                text = (
                    N_(
                        "{rule}: threshold {amount}, reached: the contract is awarded after a public call for tenders."
                    )
                    if estimate >= amount
                    else N_(
                        "{rule}: threshold {amount}, not reached: the Town's procurement by-law or policy says whether it may invite bids instead of a public call."
                    )
                )
            elif estimate >= amount:
                text = N_("{rule}: threshold {amount}, reached; its rules apply.")
            else:
                text = N_("{rule}: threshold {amount}, not reached.")
            blocks.append(
                Paragraph(
                    tr(
                        text,
                        lang,
                        rule=rule.text(lang)[:1].upper() + rule.text(lang)[1:],
                        amount=amount_text(amount, lang),
                        mark=tr(TO_CONFIRM, lang),
                    ),
                    "List Bullet",
                )
            )
    frame = legal.FRAMEWORKS.get(code)
    if frame is not None and frame.platform is not None:
        blocks.append(
            Paragraph(
                tr(
                    "A public call for tenders at or above the public-call threshold is published on {platform}.",
                    lang,
                    platform=frame.platform.text(lang),
                )
            )
        )
    for period_rule in submission_periods.rules_for(code):
        if period_rule.days is None:
            text = tr(
                "Minimum bid period set by {rule}: {mark}.",
                lang,
                rule=period_rule.name(lang),
                mark=tr(TO_CONFIRM, lang),
            )
        else:
            text = tr(
                "Minimum bid period set by {rule}: {days} days from publication to closing.",
                lang,
                rule=period_rule.name(lang),
                days=period_rule.days,
            )
        blocks.append(Paragraph(text, "List Bullet"))
    return blocks


def framework_blocks(project: Project, lang: str) -> list[Block]:
    """The procedure and the facts to confirm; nothing when the province is not set."""
    if project.info.province.strip().upper() not in PROVINCES:
        return []
    blocks = _procedure(project, lang)
    rows = to_confirm(project, lang)
    blocks.append(Heading(2, tr("Facts counsel must confirm", lang)))
    if not rows:
        blocks.append(Paragraph(tr("Every legal fact the documents state is confirmed in its source.", lang)))
        return blocks
    blocks += [
        Paragraph(
            tr(
                "The documents state these facts as “to be confirmed by counsel”; each was last checked on the date shown:",
                lang,
            )
        ),
        Table([[tr("Subject", lang), tr("Fact", lang), tr("As of", lang)]], rows, [7.0, 5.0, 4.0]),
    ]
    return blocks
