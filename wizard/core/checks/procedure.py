"""The procedure fits the value (issue 17, point 3): the estimate against the thresholds
of the trade agreements and statutes of the Town's province, the platform a public call
must use, and legal facts past their validity (``resources/legal/framework.json``,
docs/legal-data.md). The minimum bid period is checked by ``checks/periods.py``
(``PR-PERIOD-*``), not here.

* ``PR-THRESHOLD-EXPIRED`` (warning): the thresholds on file for an agreement that covers
  the province were in force until a day before the publication date (today when the
  date is not set): the figures the app and counsel rely on are out of date.
* ``T-THRESHOLD-NEAR`` (warning): the estimate sits just under a confirmed threshold, within
  :data:`NEAR_PCT` % of it: a contract estimated, or split, so as to stay under a
  threshold escapes the rules above it (docs/legal-data.md, "Just under a threshold").
* ``V-PLATFORM-REQUIRED`` (warning): the province's statute names the platform a public
  call for tenders is published on (Québec: SEAO) and the platform the project names is
  another one.

A threshold that is not confirmed is never compared (docs/legal-data.md): the decision
record lists it among the facts counsel must confirm.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from wizard.core.checks import principles
from wizard.core.checks.base import Finding, Severity, finding
from wizard.core.domain import funding
from wizard.core.domain import legal_framework as legal
from wizard.core.i18n import N_, Localized
from wizard.core.i18n.formats import format_date
from wizard.core.model import Project
from wizard.core.textclean import one_line

NEAR_PCT = Decimal(10)
"""How close under a threshold counts as "just under", in % of the threshold: the
usual spread of an IT estimate before bids (docs/legal-data.md)."""


PUBLIC_CALL = N_("the provincial rule on public calls for tenders")
"""How the province's public-call threshold is named beside the agreements."""


def cad(amount: Decimal) -> Localized:
    """An amount in whole dollars, as each language writes it: « 133 800 $ », "$133,800"."""
    whole = f"{amount.quantize(Decimal(1)):,}"
    return Localized(fr=whole.replace(",", "\u00a0") + "\u00a0$", en=f"${whole}")


def reference_date(project: Project, today: dt.date | None = None) -> dt.date:
    """The day the thresholds must be in force: the publication date, else ``today``."""
    try:
        return dt.date.fromisoformat(project.info.publication_date.strip())
    except ValueError:
        return today or dt.date.today()


def thresholds(project: Project) -> list[tuple[Localized, legal.Threshold]]:
    """``(rule, threshold)`` for every threshold that bears on the Town's IT contract:
    the province's public-call threshold, then each agreement's lower goods/services
    threshold (confirmed or not), in file order."""
    code = project.info.province.strip().upper()
    found: list[tuple[Localized, legal.Threshold]] = []
    frame = legal.FRAMEWORKS.get(code)
    if frame is not None and frame.public_call_threshold is not None:
        found.append((Localized.of(PUBLIC_CALL), frame.public_call_threshold))
    for agreement in legal.agreements_for(code):
        it = agreement.lowest_it_threshold() or agreement.thresholds["services"]
        found.append((Localized(fr=agreement.name_fr, en=agreement.name_en), it))
    return found


def _expired(project: Project, today: dt.date | None) -> list[Finding]:
    on = reference_date(project, today)
    return [
        finding(
            "PR-THRESHOLD-EXPIRED",
            Severity.WARNING,
            N_(
                "The thresholds on file for {agreement} were in force until {end}, before {date}: the thresholds in force are to be confirmed by counsel."
            ),
            "info.province",
            principles.COMPLETE,
            agreement=Localized(fr=a.name_fr, en=a.name_en),
            end=Localized(
                fr=format_date(a.valid_to.isoformat(), "fr"), en=format_date(a.valid_to.isoformat(), "en")
            ),
            date=Localized(fr=format_date(on.isoformat(), "fr"), en=format_date(on.isoformat(), "en")),
        )
        for a in legal.agreements_for(project.info.province)
        if a.valid_to is not None and a.expired(on)
    ]


def _near(project: Project) -> list[Finding]:
    estimate = funding.estimate(project)
    if estimate is None:
        return []
    found: list[Finding] = []
    for rule, threshold in thresholds(project):
        amount = threshold.amount
        if amount is None or not amount * (100 - NEAR_PCT) / 100 <= estimate < amount:
            continue
        found.append(
            finding(
                "T-THRESHOLD-NEAR",
                Severity.WARNING,
                N_(
                    "The estimate, {estimate}, is just under the {threshold} threshold of {rule}: a contract estimated or split so as to stay under a threshold escapes the rules above it."
                ),
                "tco.estimate_cad",
                principles.COMPETITION,
                estimate=cad(estimate),
                threshold=cad(amount),
                rule=rule,
            )
        )
    return found


def _platform(project: Project) -> list[Finding]:
    code = project.info.province.strip().upper()
    frame = legal.FRAMEWORKS.get(code)
    named = one_line(project.publication.provincial_platform)
    if frame is None or frame.platform is None or not named:
        return []
    if frame.platform_token.casefold() in named.casefold():
        return []
    return [
        finding(
            "V-PLATFORM-REQUIRED",
            Severity.WARNING,
            N_(
                "A public call for tenders of the Town is published on {platform}; the platform named is “{named}”."
            ),
            "publication.provincial_platform",
            principles.COMPETITION,
            platform=Localized(fr=frame.platform.fr, en=frame.platform.en),
            named=named,
        )
    ]


def check_procedure(project: Project, today: dt.date | None = None) -> list[Finding]:
    """The findings of the module docstring; ``today`` stands for the current day when
    the publication date is not set (tests pass it)."""
    return _expired(project, today) + _near(project) + _platform(project)
