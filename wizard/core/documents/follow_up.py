"""The documents of the contract's follow-up (issue 23, docs/contract.md, "Outputs"),
each a whole document per published language, built from the project and its
:class:`~wizard.core.contract.record.FollowUp`:

* ``contract-summary-<lang>.docx`` — the contract: the supplier, signature, value,
  term and renewals, each amendment with its reason and effect, the value as amended;
* ``performance-<lang>.docx`` — the service levels the contract requires, each
  monthly report against its due day with the availability measured and the credits
  due, the incidents with their times;
* ``spending-<lang>.docx`` — spending by contract year beside the TCO forecast and the
  winning bid's prices, with the chart, every payment, and the unit prices.

These are the documents the publication plan promises (contract, performance, unit
prices, spending over time). Personal names are withheld from free texts
(``opendata.common.Scrubber``); a supplier's trade-secret designation withholds its
unit rates (what was billed stays: public money). The day they stand at is the
day :func:`wizard.core.contract.follow_up.as_of` decides (the findings' day too): the
``--as-of`` day, else the follow-up's latest entry, never the clock; what happened
later is left out (``contract.follow_up.standing``). A month without its
report is "not received" once its due day has passed, "not yet due" before.
"""

from __future__ import annotations

import dataclasses
from decimal import Decimal

from wizard.core.contract.follow_up import schedule, spending_by_year, standing
from wizard.core.contract.record import FollowUp
from wizard.core.documents.blocks import Block, Document, Heading, Image, Paragraph, Table
from wizard.core.documents.evaluation_common import moment
from wizard.core.documents.record_tco import money
from wizard.core.documents.tender import user_text
from wizard.core.domain.price_form import price_form
from wizard.core.domain.timezones import zone_of
from wizard.core.i18n import N_, ntr, tr
from wizard.core.i18n.formats import format_date, percent
from wizard.core.i18n.languages import text_language
from wizard.core.model import Project
from wizard.core.model.translatable import localized
from wizard.core.opendata.common import Scrubber
from wizard.core.opendata.follow_up import billed, today_of, withheld_rates

KINDS: dict[str, str] = {
    "contract-summary": N_("Contract summary"),
    "performance": N_("Contract performance"),
    "spending": N_("Spending on the contract"),
}
"""Document kind (the file's stem) → its title, an English message id."""

SEVERITY_LABELS = {"critical": N_("Critical"), "major": N_("Major"), "minor": N_("Minor")}


def follow_up_file(kind: str, lang: str) -> str:
    """``contract-summary-fr.docx``, ``performance-en.docx`` …"""
    return f"{kind}-{lang}.docx"


def _line(project: Project, key: str, lang: str) -> str:
    """A price-form line as the price form names it in ``lang``, a unit rate with its
    unit ("Additional services ordered by the Town (per hour)", never ``unit.hour``;
    "Subscriptions", never ``recurring.subscriptions``); the key as recorded when the form has no
    such line, "—" for none."""
    if not key:
        return "—"
    for line in price_form(project).lines:
        if line.key == key:
            return f"{tr(line.label, lang)} ({tr(line.unit, lang)})" if line.unit else tr(line.label, lang)
    return key


def line_label(project: Project, key: str, lang: str) -> str:
    """A price-form line's label in ``lang`` (``contract show`` too): see :func:`_line`."""
    return _line(localized(project, lang), key, lang)


def _money(value: Decimal | None, lang: str) -> str:
    return "—" if value is None else money(value, lang)


def _pct(value: Decimal | None, lang: str) -> str:
    return "—" if value is None else percent(value, lang)  # the one formatter: "99.5%", « 99,5 % »


def _standing(follow: FollowUp) -> FollowUp:
    """``follow`` as it stood on the day the documents stand at (``follow_up.standing``)."""
    return dataclasses.replace(follow, contract=standing(follow.contract))


NOTES_IN = {
    "fr": N_(
        "The entries of the follow-up quoted in this document (amendment reasons, incident "
        "descriptions, invoice numbers) are reproduced in their original language, French, as "
        "they were recorded."
    ),
    "en": N_(
        "The entries of the follow-up quoted in this document (amendment reasons, incident "
        "descriptions, invoice numbers) are reproduced in their original language, English, as "
        "they were recorded."
    ),
}
"""The sentence a document in the other language prints: the follow-up's entries are
recorded in one language (the project's text language) and have no translations, as the
evaluators' notes (``evaluation_common.NOTES_IN``)."""


def _cover(project: Project, follow: FollowUp, kind: str, lang: str) -> list[Block]:
    info = project.info
    c = follow.contract
    return [
        Paragraph(user_text(info.organization), "Subtitle"),
        Paragraph(tr(KINDS[kind], lang), "Title"),
        Paragraph(user_text(info.title), "Subtitle"),
        Table(
            [],
            [
                [tr("Reference number", lang), user_text(info.reference)],
                [tr("Supplier", lang), user_text(c.supplier)],
                [tr("Contract signed on", lang), format_date(c.signed_on, lang)],
                [tr("As of", lang), format_date(today_of(c).isoformat(), lang)],
            ],
            [6.0, 10.0],
        ),
    ]


def summary_blocks(project: Project, follow: FollowUp, lang: str) -> list[Block]:
    """The contract summary's blocks in ``lang``."""
    follow = _standing(follow)
    c = follow.contract
    scrub = Scrubber(project, lang)
    blocks = _cover(project, follow, "contract-summary", lang)
    blocks += [
        Heading(1, tr("The contract", lang)),
        Table(
            [],
            [
                [tr("Value when signed (before taxes)", lang), _money(c.value, lang)],
                [tr("Value as amended (before taxes)", lang), _money(c.current_value, lang)],
                [tr("Start", lang), format_date(c.start_on, lang)],
                [tr("Initial term", lang), ntr("{count} year", "{count} years", c.term_years, lang)],
                [tr("Renewals exercised", lang), str(c.renewals_exercised)],
                [tr("End of the term so far", lang), format_date(c.end_on, lang)],
                [tr("Paid so far (before taxes)", lang), money(c.paid, lang)],
            ],
            [8.0, 8.0],
            right=(1,),
        ),
        Heading(1, tr("Amendments", lang)),
    ]
    if not c.amendments:
        blocks.append(Paragraph(tr("The contract has not been amended.", lang)))
        return blocks
    rows = [
        [
            str(n),
            format_date(a.amended_on, lang),
            user_text(scrub.text(a.reason)),
            money(a.value_change, lang),
            ntr("{count} month", "{count} months", a.term_change_months, lang)
            if a.term_change_months
            else "—",
        ]
        for n, a in enumerate(c.amendments, 1)
    ]
    blocks.append(
        Table(
            [
                [
                    tr("No.", lang),
                    tr("Date", lang),
                    tr("Reason for the amendment", lang),
                    tr("Value", lang),
                    tr("Term", lang),
                ]
            ],
            rows,
            [1.2, 3.3, 6.5, 2.8, 2.2],
            right=(3, 4),
        )
    )
    if c.value:
        share = (c.amended_by * 100 / c.value).quantize(Decimal("0.1"))
        blocks.append(
            Paragraph(
                tr(
                    "Together the amendments change the value by {amount} ({share} of the value when "
                    "signed); the Town's share for amendments is {limit}.",
                    lang,
                    amount=money(c.amended_by, lang),
                    share=_pct(share, lang),
                    limit=_pct(c.amendment_share_pct, lang),
                )
            )
        )
    return blocks


def performance_blocks(project: Project, follow: FollowUp, lang: str) -> list[Block]:
    """The performance document's blocks in ``lang``."""
    follow = _standing(follow)
    c = follow.contract
    sow = project.statement_of_work
    scrub = Scrubber(project, lang)
    blocks = _cover(project, follow, "performance", lang)
    blocks += [
        Heading(1, tr("What the contract requires", lang)),
        Paragraph(
            tr(
                "The supplier reports each month on the service levels. The service is available at "
                "least {target} of the time each month; for each full point missed, {credit} of the "
                "month's fee is credited to the Town, at most {cap}. A report is due {days} days after "
                "the end of its month.",
                lang,
                target=_pct(Decimal(sow.availability_pct), lang),
                credit=_pct(Decimal(sow.service_credit_pct), lang),
                cap=_pct(Decimal(sow.service_credit_cap_pct), lang),
                days=c.report_days,
            )
        ),
        Heading(1, tr("Monthly reports", lang)),
    ]
    stands_at = today_of(c)
    due = {d.period: d.due.isoformat() for d in schedule(c, stands_at)}
    periods = sorted(set(due) | {r.period for r in c.reports})
    rows = []
    for period in periods:
        report = c.report(period)
        # past due (the day CT-REPORT-MISSING counts it) or not yet: the same day as the findings
        unreceived = (
            tr("not received", lang)
            if due.get(period, "") < stands_at.isoformat()
            else tr("not yet due", lang)
        )
        rows.append(
            [
                period,
                format_date(due.get(period, ""), lang) if period in due else "—",
                format_date(report.received_on, lang) if report else unreceived,
                _pct(report.availability_pct, lang) if report else "—",
                money(report.credits_due, lang) if report else "—",
            ]
        )
    if rows:
        blocks.append(
            Table(
                [
                    [
                        tr("Month", lang),
                        tr("Due", lang),
                        tr("Received on", lang),
                        tr("Availability", lang),
                        tr("Credits due", lang),
                    ]
                ],
                rows,
                [2.4, 3.6, 3.6, 3.0, 3.4],
                right=(3, 4),
            )
        )
    else:
        blocks.append(Paragraph(tr("No report was due yet.", lang)))
    blocks += [
        Paragraph(
            tr(
                "Service credits due: {due}; deducted from the payments: {taken}.",
                lang,
                due=money(c.credits_due, lang),
                taken=money(c.credits_taken, lang),
            )
        ),
        Heading(1, tr("Incidents", lang)),
    ]
    if not c.incidents:
        blocks.append(Paragraph(tr("No incident was recorded.", lang)))
        return blocks

    def hours(value: Decimal | None) -> str:
        return "—" if value is None else (str(value).replace(".", ",") if lang == "fr" else str(value))

    blocks.append(
        Table(
            [
                [
                    tr("Started", lang),
                    tr("Severity", lang),
                    tr("Description", lang),
                    tr("Notice (h)", lang),
                    tr("Response (h)", lang),
                    tr("Resolution (h)", lang),
                ]
            ],
            [
                [
                    moment(i.started_at, lang, zone_of(project.info)),
                    tr(SEVERITY_LABELS[i.severity], lang)
                    + (" — " + tr("security", lang) if i.security else ""),
                    user_text(scrub.text(i.description)),
                    hours(i.hours_to("notified_at")),
                    hours(i.hours_to("responded_at")),
                    hours(i.hours_to("resolved_at")),
                ]
                for i in c.incidents
            ],
            [3.6, 2.6, 4.4, 1.8, 1.8, 1.8],
            right=(3, 4, 5),
        )
    )
    return blocks


def spending_blocks(project: Project, follow: FollowUp, lang: str, chart_png: bytes = b"") -> list[Block]:
    """The spending document's blocks in ``lang``; ``chart_png`` the spending chart
    (none if empty)."""
    follow = _standing(follow)
    c = follow.contract
    years = spending_by_year(project, c, follow.yearly)
    blocks = _cover(project, follow, "spending", lang)
    blocks += [
        Heading(1, tr("Spending by contract year", lang)),
        Paragraph(
            tr(
                "Amounts before taxes. The forecast is the total cost of ownership's option with the lowest "
                "net present value; the bid's prices are the one-time and recurring lines of the winning "
                "bid (the exit and the unit rates are paid as they come).",
                lang,
            )
        ),
        Table(
            [
                [
                    tr("Year", lang),
                    tr("TCO forecast", lang),
                    tr("Winning bid", lang),
                    tr("Paid", lang),
                    tr("Credits", lang),
                ]
            ],
            [
                [
                    str(y.year),
                    _money(y.forecast, lang),
                    _money(y.bid, lang),
                    money(y.paid, lang),
                    money(y.credits, lang),
                ]
                for y in years
            ]
            + [
                [
                    tr("Total", lang),
                    _money(sum((y.forecast for y in years if y.forecast is not None), Decimal(0)), lang)
                    if any(y.forecast is not None for y in years)
                    else "—",
                    _money(sum((y.bid for y in years if y.bid is not None), Decimal(0)), lang)
                    if any(y.bid is not None for y in years)
                    else "—",
                    money(c.paid, lang),
                    money(c.credits_taken, lang),
                ]
            ],
            [2.0, 3.6, 3.6, 3.6, 3.2],
            right=(1, 2, 3, 4),
        ),
    ]
    if chart_png:
        # the chart draws its own title: the caption says how to read it, never the title again
        blocks.append(
            Image(
                chart_png,
                16.0,
                tr(
                    "The bars are what was paid in each contract year; the lines, the forecast and the "
                    "winning bid's prices for the same year.",
                    lang,
                ),
            )
        )
    blocks.append(Heading(1, tr("Payments", lang)))
    if c.payments:
        blocks.append(
            Table(
                [
                    [
                        tr("Paid on", lang),
                        tr("Invoice", lang),
                        tr("Line", lang),
                        tr("Amount", lang),
                        tr("Credit", lang),
                    ]
                ],
                [
                    [
                        format_date(p.paid_on, lang),
                        user_text(p.invoice_number) if p.invoice_number else "—",
                        _line(project, p.line_key, lang),
                        money(p.amount, lang),
                        money(p.credit, lang),
                    ]
                    for p in c.payments
                ],
                [3.6, 2.8, 4.2, 3.2, 2.2],
                right=(3, 4),
            )
        )
    else:
        blocks.append(Paragraph(tr("No payment was recorded.", lang)))
    blocks.append(Heading(1, tr("Unit prices", lang)))
    withheld = withheld_rates(follow)
    if withheld:
        blocks.append(
            Paragraph(
                tr(
                    "The supplier designated trade secrets in its bid ({designation}): its unit rates are "
                    "withheld here; what was billed is public.",
                    lang,
                    designation=withheld,
                )
            )
        )
    keys = sorted(set(follow.rates) | {p.line_key for p in c.payments if p.line_key.startswith("unit.")})
    if keys:
        blocks.append(
            Table(
                [
                    [
                        tr("Line", lang),
                        tr("Bid's rate", lang),
                        tr("Quantity billed", lang),
                        tr("Billed", lang),
                        tr("Credits deducted", lang),
                        tr("Paid", lang),
                    ]
                ],
                [
                    [
                        _line(project, key, lang),
                        "—" if withheld else _money(follow.rates.get(key), lang),
                        format(
                            sum(
                                (p.quantity or Decimal(0) for p in c.payments if p.line_key == key),
                                Decimal(0),
                            ).normalize(),
                            "f",
                        ),
                        # billed: quantity × unit price; the credits apart; paid: billed less credits
                        *(money(v, lang) for v in billed([p for p in c.payments if p.line_key == key])),
                    ]
                    for key in keys
                ],
                [3.6, 2.4, 2.2, 2.6, 2.6, 2.6],
                right=(1, 2, 3, 4, 5),
            )
        )
    elif not withheld:
        blocks.append(Paragraph(tr("No payment was billed at a unit price of the bid.", lang)))
    return blocks


def follow_up_document(
    project: Project, follow: FollowUp, kind: str, lang: str, chart_png: bytes = b""
) -> Document:
    """The document ``kind`` (a key of :data:`KINDS`) in ``lang`` ("fr" or "en").
    Raises ``ValueError`` for another language, ``KeyError`` for another kind."""
    if lang not in ("fr", "en"):
        raise ValueError(f"unsupported language: {lang!r}")
    title = KINDS[kind]
    notes_lang = text_language(project)
    project = localized(project, lang)
    if kind == "contract-summary":
        blocks = summary_blocks(project, follow, lang)
    elif kind == "performance":
        blocks = performance_blocks(project, follow, lang)
    else:
        blocks = spending_blocks(project, follow, lang, chart_png)
    shown = _standing(follow).contract  # the entries this document quotes, as of its day
    quoted = {"contract-summary": shown.amendments, "performance": shown.incidents}.get(kind, shown.payments)
    if quoted and notes_lang in NOTES_IN and notes_lang != lang:  # after the cover's table
        first_table = next(i for i, block in enumerate(blocks) if isinstance(block, Table))
        blocks.insert(first_table + 1, Paragraph(tr(NOTES_IN[notes_lang], lang)))
    reference = user_text(project.info.reference)
    return Document(
        lang=lang,
        title=tr(title, lang),
        organization=user_text(project.info.organization),
        reference=reference,
        header=tr("Call for tenders {reference}", lang, reference=reference) + " \u2013 " + tr(title, lang),
        footer_page=tr("Page {page} of {pages}", lang),
        blocks=blocks,
    )
