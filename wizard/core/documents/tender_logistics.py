"""The tender's "Scenario sessions and pilot" section (docs/documents.md).

``logistics_blocks(project, lang) -> list[Block]`` ("fr" or "en"): when the scenario
sessions take place (within ``contract_data.scenario_sessions_days`` of closing), who
provides what, how the technical committee records "met" or "not met"; and, when the
project plans a paid pilot (``evaluation.pilot_enabled``), its price line, its objective
success measure (the claim ``tender.pilot-measured``: the scenarios the pilot must meet
are named, E-PILOT) and what follows a failure (``contract_data.pilot_failure``).

Nothing is printed without scenarios and without a pilot. Guide principle: verify
claims by testing the software, the same way for every bidder, with a written record.
"""

from __future__ import annotations

from wizard.core.claims import statement
from wizard.core.documents.blocks import Block, Heading, Paragraph
from wizard.core.documents.tender_instructions import computed_date, scenario_sessions_end
from wizard.core.i18n import N_, tr
from wizard.core.model import Project
from wizard.core.model.bounds import clamp, show

FAILURE = {
    "next_ranked": N_(
        "If the pilot fails, the Town may offer the pilot to the next-ranked bidder, under the same conditions, or end this call for tenders; it never awards the full Contract to a bidder whose pilot failed."
    ),
    "cancel_award": N_(
        "If the pilot fails, the Town ends this call for tenders without awarding the full Contract; it owes the bidder that carried out the pilot only the price of the pilot."
    ),
}
"""What follows a failed pilot, by ``contract_data.pilot_failure``."""


def _sessions(project: Project, lang: str) -> list[Block]:
    days = clamp("contract_data.scenario_sessions_days", project.contract_data.scenario_sessions_days)
    end = scenario_sessions_end(project)
    return [
        Heading(2, tr("Scenario sessions", lang)),
        Paragraph(
            tr(
                "The scenario sessions take place within {days} days after the closing date, that is no later than {date}. The single point of contact sends each bidder concerned the date, time and place (or videoconference link) of its session at least five working days in advance.",
                lang,
                days=show(days),
                date=computed_date(project, end, lang),
            )
        ),
        Paragraph(
            tr(
                "The bidder provides access to its software or to a test environment, the accounts and test data the scenarios need, and the people who operate it. The Town provides the members of the technical committee and, where needed, a room and its network access. Each party bears its own costs.",
                lang,
            ),
            label=tr("Who provides what:", lang),
        ),
        Paragraph(
            tr(
                "For each scenario, the technical committee records in writing, for every criterion it verifies, “met” or “not met” with the facts observed. The members present sign the record, which is kept in the file of this call for tenders. A scenario that cannot be run because the bidder is absent or its environment is unavailable is recorded “not met”.",
                lang,
            ),
            label=tr("Record of results:", lang),
        ),
    ]


def _pilot(project: Project, lang: str) -> list[Block]:
    measured = statement(project, "tender.pilot-measured", lang)
    failure = FAILURE.get(project.contract_data.pilot_failure, FAILURE["next_ranked"])
    return [
        Heading(2, tr("Pilot project: price, success and failure", lang)),
        Paragraph(
            tr(
                "The bidder prices the pilot on its own line of the price form (“Paid pilot project”, section A), which counts in the evaluated price of its bid. The Town pays it once the pilot has been carried out, whatever its result.",
                lang,
            ),
            label=tr("Price:", lang),
        ),
        *([Paragraph(measured, label=tr("Success measure:", lang))] if measured else []),
        Paragraph(tr(failure, lang), label=tr("Failure:", lang)),
    ]


def logistics_blocks(project: Project, lang: str) -> list[Block]:
    """The "Scenario sessions and pilot" section of the tender in ``lang`` (nothing
    without scenarios and without a pilot). Without a pilot the section is titled
    "Scenario sessions" and the sessions' own heading is left out, so the title is
    never printed twice in a row (nor twice in the table of contents)."""
    sessions = _sessions(project, lang) if project.scenarios else []
    pilot = _pilot(project, lang) if project.evaluation.pilot_enabled else []
    if not sessions and not pilot:
        return []
    title = (
        N_("Scenario sessions and pilot")
        if sessions and pilot
        else N_("Scenario sessions")
        if sessions
        else N_("Pilot project")
    )
    if sessions and not pilot:
        sessions = sessions[1:]  # the section's title already says "Scenario sessions": one heading
    return [Heading(1, tr(title, lang)), *sessions, *pilot]
