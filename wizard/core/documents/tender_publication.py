"""The tender's "Publication and transparency" section.

``publication_blocks(project, lang) -> list[Block]`` ("fr" or "en"): where the call for
tenders is published (the provincial platform, the free specialised platforms), the
notice sent to the suppliers found in the market scan, the translation note (user text:
only in the document of the language it was typed in, ``languages.typed_language``), and what
the town commits to publish afterwards (the planned items of the publication plan, with
their date and place) and where its open data is.

The publication plan prints only the items the town ticked as planned (a new project
ticks none: ``model/defaults.py``). A planned item without a date or a place says
"To be determined" there: the commitment to publish is true without them, and a
tender never prints a placeholder for a plan the town has not dated yet.

Guide principle: transparency — publish widely so every supplier can bid, and publish
the bids, the winner, the contract and its performance so citizens can follow the money.
Empty fields are left out; with nothing planned and nothing filled, the section still
says where the tender is published, as a placeholder to complete.
"""

from __future__ import annotations

from wizard.core.documents.blocks import Block, Heading, Paragraph, Table
from wizard.core.domain import quebec
from wizard.core.domain.evaluation import project_statute
from wizard.core.domain.publication_plan import planned_date as planned_date
from wizard.core.i18n import N_, tr
from wizard.core.i18n.formats import PLACEHOLDER, format_date
from wizard.core.i18n.languages import typed_language
from wizard.core.model import Project
from wizard.core.model.defaults import PUBLICATION_ITEMS
from wizard.core.textclean import one_line

TO_BE_DETERMINED = N_("To be determined")
"""The date or place of a planned item that the town has not set yet."""


def _diffusion(project: Project, lang: str) -> list[Block]:
    pub = project.publication
    platform = one_line(pub.provincial_platform) or PLACEHOLDER
    blocks: list[Block] = [
        Paragraph(
            tr(
                "This call for tenders is published on the following platform: {platform}.",
                lang,
                platform=platform,
            )
        ),
    ]
    blocks += _quebec_publication(project, lang)
    if one_line(pub.free_platforms):
        blocks.append(
            Paragraph(
                tr(
                    "It is also announced, at no cost to suppliers, on: {platforms}.",
                    lang,
                    platforms=one_line(pub.free_platforms),
                )
            )
        )
    if pub.notify_scanned_vendors:
        blocks.append(
            Paragraph(
                tr(
                    "The Town also tells the suppliers found in its market scan that this call for tenders "
                    "is open. That notice only points to the published documents: every supplier has the "
                    "same information.",
                    lang,
                )
            )
        )
    if one_line(pub.translation_notes) and lang == typed_language(
        project
    ):  # typed text: its own language only
        blocks.append(Paragraph(one_line(pub.translation_notes), label=tr("Translation:", lang)))
    return blocks


def _quebec_publication(project: Project, lang: str) -> list[Block]:
    """Québec (Cities and Towns Act s. 573): a public call for tenders is published in SEAO
    and in a newspaper, and its documents are obtained only through SEAO
    (``resources/legal/quebec.json``). Printed for a Québec project the statute binds
    (an estimate of at least $25,000, or none yet)."""
    if not project_statute(project).binds:
        return []
    return [
        Paragraph(
            tr(
                "As the Cities and Towns Act requires of a public call for tenders (s. 573), the Town publishes this call for tenders in {places}; {documents}.",
                lang,
                places=quebec.text("publication", "seao_and_newspaper", lang),
                documents=quebec.text("publication", "documents_only_seao", lang),
            )
        )
    ]


def _plan(project: Project, lang: str) -> list[Block]:
    items = [i for i in project.publication_items if i.planned]
    if not items:
        return []
    rows = [
        [
            tr(PUBLICATION_ITEMS[i.key], lang) if i.key in PUBLICATION_ITEMS else one_line(i.key),
            format_date(day, lang) if (day := planned_date(project, i)) else tr(TO_BE_DETERMINED, lang),
            one_line(i.place) or tr(TO_BE_DETERMINED, lang),
        ]
        for i in items
    ]
    return [
        Paragraph(tr("The Town will publish the following information about this procurement:", lang)),
        Table(
            [[tr("Information", lang), tr("Planned date", lang), tr("Where", lang)]], rows, [6.0, 4.0, 6.0]
        ),
    ]


def publication_blocks(project: Project, lang: str) -> list[Block]:
    """The "Publication and transparency" section of the tender in ``lang``."""
    blocks: list[Block] = [Heading(1, tr("Publication and transparency", lang))]
    blocks += _diffusion(project, lang)
    blocks += _plan(project, lang)
    url = one_line(project.publication.open_data_url)
    if url:
        blocks.append(Paragraph(tr("Open data about this procurement: {url}", lang, url=url)))
    return blocks
