"""The submission period: from the publication date to the closing date (docs/checks.md,
"Red flags"; red flag R003 of the Open Contracting Partnership, *short submission
period*: a bidder told in advance has the time the others lack).

Minima from ``resources/legal/submission_periods.json``
(:mod:`wizard.core.domain.submission_periods`), one finding per kind of minimum, so a
justification of one ("our contract is below CETA's thresholds") never hides another:

* ``PR-PERIOD-LAW`` (error): shorter than a statute of the province requires (Québec:
  15 days); the message adds "to be confirmed by counsel" for an unconfirmed minimum.
* ``PR-PERIOD-AGREEMENT`` (info): shorter than a trade agreement's minimum, which
  binds only a contract above its thresholds (the project does not hold the contract's
  value: the message says so).
* ``PR-PERIOD-TOWN`` (warning): shorter than the Town's own minimum
  (``info.min_submission_days``), or than the app's default of 15 days while it is 0.
* ``PR-RANGE`` (error): the Town's minimum outside 0–365 days (its bounds).

Nothing is said while either date is blank or not a date (``PR-CLOSING-DATE``,
``PR-DATE`` say it) or when the closing comes first (``PR-DATE-ORDER``). Each finding
points at ``info.closing_date``, the date to move; the strictest minimum of each kind
is named.
"""

from __future__ import annotations

from wizard.core.checks import principles
from wizard.core.checks.base import Finding, Severity, finding
from wizard.core.domain import submission_periods as periods
from wizard.core.i18n import N_, Localized, Plural
from wizard.core.i18n.formats import format_date
from wizard.core.model import Project
from wizard.core.model.bounds import clamp, in_range, message_params

FIELD = "info.closing_date"
TOWN_FIELD = "info.min_submission_days"


def _strictest(rules: list[periods.PeriodRule], kind: str, days: int) -> periods.PeriodRule | None:
    """The rule of ``kind`` with the largest minimum that ``days`` falls short of."""
    short = [r for r in rules if r.kind == kind and r.days is not None and days < r.days]
    return max(short, key=lambda r: r.days or 0, default=None)


def _dates(project: Project) -> dict[str, object]:
    info = project.info
    return {
        "start": Localized(
            fr=format_date(info.publication_date, "fr"), en=format_date(info.publication_date, "en")
        ),
        "end": Localized(fr=format_date(info.closing_date, "fr"), en=format_date(info.closing_date, "en")),
    }


def _town(project: Project, days: int) -> list[Finding]:
    set_days = project.info.min_submission_days
    if not in_range(TOWN_FIELD, set_days):
        return [
            finding(
                "PR-RANGE",
                Severity.ERROR,
                N_(
                    "The Town's minimum submission period must be between {low} and {high} days; "
                    "the value entered is {value}."
                ),
                TOWN_FIELD,
                principles.COMPLETE,
                **message_params(TOWN_FIELD, set_days),
            )
        ]
    minimum = clamp(TOWN_FIELD, set_days) or periods.TOWN_DEFAULT_DAYS
    if days >= minimum:
        return []
    text: str | Plural
    if set_days:
        text = Plural(
            "Bids are open for {count} day only (published {start}, closing {end}): fewer than the "
            "{minimum} days the Town set as its minimum (red flag R003, Open Contracting Partnership).",
            "Bids are open for {count} days only (published {start}, closing {end}): fewer than the "
            "{minimum} days the Town set as its minimum (red flag R003, Open Contracting Partnership).",
            days,
        )
    else:
        text = Plural(
            "Bids are open for {count} day only (published {start}, closing {end}): fewer than the "
            "default minimum of {minimum} days (red flag R003, Open Contracting Partnership).",
            "Bids are open for {count} days only (published {start}, closing {end}): fewer than the "
            "default minimum of {minimum} days (red flag R003, Open Contracting Partnership).",
            days,
        )
    return [
        finding(
            "PR-PERIOD-TOWN",
            Severity.WARNING,
            text,
            FIELD,
            principles.COMPETITION,
            minimum=minimum,
            **_dates(project),
        )
    ]


def check_periods(project: Project) -> list[Finding]:
    """The findings on the submission period; see the module docstring."""
    info = project.info
    days = periods.period_days(info.publication_date, info.closing_date)
    if days is None or days < 0:  # PR-DATE, PR-DATE-ORDER or a blank date says it
        return [] if in_range(TOWN_FIELD, info.min_submission_days) else _town(project, 0)
    rules = periods.rules_for(info.province)
    found: list[Finding] = []
    text: str | Plural
    law = _strictest(rules, "law", days)
    if law is not None:
        if law.confirmed:
            text = Plural(
                "Bids are open for {count} day only (published {start}, closing {end}): fewer than the "
                "minimum of {minimum} days set by {rule} (red flag R003, Open Contracting Partnership).",
                "Bids are open for {count} days only (published {start}, closing {end}): fewer than the "
                "minimum of {minimum} days set by {rule} (red flag R003, Open Contracting Partnership).",
                days,
            )
        else:
            text = Plural(
                "Bids are open for {count} day only (published {start}, closing {end}): fewer than the "
                "minimum of {minimum} days set by {rule}, to be confirmed by counsel (red flag R003, Open "
                "Contracting Partnership).",
                "Bids are open for {count} days only (published {start}, closing {end}): fewer than the "
                "minimum of {minimum} days set by {rule}, to be confirmed by counsel (red flag R003, Open "
                "Contracting Partnership).",
                days,
            )
        found.append(
            finding(
                "PR-PERIOD-LAW",
                Severity.ERROR,
                text,
                FIELD,
                principles.COMPETITION,
                minimum=law.days,
                rule=Localized(fr=law.name_fr, en=law.name_en),
                **_dates(project),
            )
        )
    agreement = _strictest(rules, "agreement", days)
    if agreement is not None:
        if agreement.confirmed:
            text = Plural(
                "Bids are open for {count} day only: fewer than the {minimum} days of {rule}, which "
                "binds a contract above its thresholds (red flag R003, Open Contracting Partnership).",
                "Bids are open for {count} days only: fewer than the {minimum} days of {rule}, which "
                "binds a contract above its thresholds (red flag R003, Open Contracting Partnership).",
                days,
            )
        else:
            text = Plural(
                "Bids are open for {count} day only: fewer than the {minimum} days of {rule}, which "
                "binds a contract above its thresholds; this minimum is to be confirmed by counsel (red "
                "flag R003, Open Contracting Partnership).",
                "Bids are open for {count} days only: fewer than the {minimum} days of {rule}, which "
                "binds a contract above its thresholds; this minimum is to be confirmed by counsel (red "
                "flag R003, Open Contracting Partnership).",
                days,
            )
        found.append(
            finding(
                "PR-PERIOD-AGREEMENT",
                Severity.INFO,
                text,
                FIELD,
                principles.COMPETITION,
                minimum=agreement.days,
                rule=Localized(fr=agreement.name_fr, en=agreement.name_en),
            )
        )
    found.extend(_town(project, days))
    return found
