"""The legal framework, and the evaluation method and selection committee, in the
decision record (docs/documents.md).

* ``legal_blocks(project, lang)``: the procurement statutes and by-laws of the province
  (``resources/legal/provinces.json``: "to be confirmed by counsel" where unconfirmed),
  the privacy statute when personal information is processed, the date the facts were
  checked.
* ``evaluation_blocks(project, lang)``: pass/fail mandatory criteria, the pass threshold
  and the points needed, the weights (or Québec's weighted system), the tie-break rule,
  the pilot, the selection committee (« comité de sélection »): its members, their
  declarations, whether an author of the tender sits on it, and the technical committee.

Every statement of fact about the project is a claim (:mod:`wizard.core.claims.record`).
"""

from __future__ import annotations

from wizard.core.claims import record as claims
from wizard.core.claims import statement
from wizard.core.documents.blocks import Block, Heading, Paragraph
from wizard.core.domain.evaluation import points_needed_clamped
from wizard.core.domain.provinces import PROVINCES
from wizard.core.i18n import counts, tr
from wizard.core.i18n.formats import format_date
from wizard.core.model import Project
from wizard.core.textclean import one_line


def _people(rows: list[tuple[str, str]]) -> str:
    return ", ".join(
        f"{name} ({role})" if role else name
        for name, role in ((one_line(n), one_line(r)) for n, r in rows)
        if name
    )


def legal_blocks(project: Project, lang: str) -> list[Block]:
    """The legal framework that governs the call for tenders, from the province's facts."""
    prov = PROVINCES.get(project.info.province.strip().upper())
    blocks: list[Block] = [
        Heading(1, tr("Legal framework", lang)),
        Paragraph(
            statement(
                project, claims.LEGAL_FRAMEWORK.id, lang, law=prov.procurement_law(lang) if prov else ""
            )
        ),
    ]
    if prov is None:
        return blocks
    if project.scope.personal_information:
        blocks.append(
            Paragraph(
                tr(
                    "Personal information is protected under {law}.",
                    lang,
                    law=prov.privacy_law(lang),
                )
            )
        )
    source = prov.sources.get("procurement_law")
    if source is not None:
        blocks.append(
            Paragraph(
                tr(
                    "These legal facts were checked on {date} against the statutes named; this report is not legal advice.",
                    lang,
                    date=format_date(source.checked.isoformat(), lang),
                )
            )
        )
    return blocks


def _method(project: Project, lang: str) -> list[Block]:
    ev = project.evaluation
    mandatory = sum(1 for c in project.criteria if c.kind != "optional")
    optional = sum(1 for c in project.criteria if c.kind == "optional")
    pct = project.criteria_settings.pass_threshold_pct
    blocks: list[Block] = [
        Paragraph(
            tr(
                "The tender holds {mandatory}, assessed pass/fail: a bid that fails one is rejected.",
                lang,
                mandatory=counts.mandatory_criteria(mandatory),
            )
        ),
        Paragraph(
            tr(
                "It holds {optional}, worth one point each; a bid must earn {needed} of them ({pct}%) to qualify.",
                lang,
                optional=counts.optional_criteria(optional),
                needed=points_needed_clamped(pct, optional),
                pct=pct,
            )
        ),
    ]
    if ev.quebec_weighted:
        blocks.append(
            Paragraph(
                tr(
                    "Qualified bids are ranked under Québec's weighted system: the selection committee scores quality without seeing the prices, then the price envelopes of the bids that reach the interim score are opened.",
                    lang,
                )
            )
        )
    else:
        blocks.append(
            Paragraph(
                tr(
                    "Qualified bids are scored out of 100: quality {quality}, in proportion to the optional criteria met, and price {price}, the lowest evaluated price (over the TCO horizon, before taxes, exit costs included) receiving every point and each other a share in proportion.",
                    lang,
                    quality=counts.points(ev.quality_weight),
                    price=counts.points(ev.price_weight),
                )
            )
        )
    if ev.tie_break.strip():
        blocks.append(Paragraph(one_line(ev.tie_break), label=tr("Tie-break rule:", lang)))
    if ev.pilot_enabled:
        blocks.append(
            Paragraph(
                tr("The full contract is conditional on a paid pilot that the winning bid must pass.", lang)
            )
        )
    return blocks


def _committee(project: Project, lang: str) -> list[Block]:
    names = _people([(m.name, m.role) for m in project.jury])
    texts = [statement(project, claims.COMMITTEE_NAMED.id, lang, names=names)]
    if names:
        texts.append(
            statement(
                project,
                claims.DECLARATIONS_SIGNED.id,
                lang,
                names=", ".join(claims.unsigned_declarations(project)),
            )
        )
        authors = _people([(a.name, "") for a in project.authors])
        texts.append(statement(project, claims.AUTHORS_LISTED.id, lang, names=authors))
        if authors:
            texts.append(
                statement(
                    project,
                    claims.NO_AUTHOR_ON_COMMITTEE.id,
                    lang,
                    names=", ".join(claims.authors_on_committee(project)),
                )
            )
    technical = _people([(m.name, m.role) for m in project.committee])
    if technical:
        texts.append(
            tr(
                "The technical committee, which runs the test scenarios and verifies the bidders' claims: {names}.",
                lang,
                names=technical,
            )
        )
    return [Paragraph(text) for text in texts if text]


def evaluation_blocks(project: Project, lang: str) -> list[Block]:
    """The evaluation method and the selection committee."""
    return [
        Heading(1, tr("Evaluation method and selection committee", lang)),
        *_method(project, lang),
        Heading(2, tr("Selection committee", lang)),
        *_committee(project, lang),
    ]
