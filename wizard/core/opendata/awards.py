"""The award and the contract as OCDS 1.1.5 releases (issue 22, docs/open-data.md
"Award and contract").

:func:`award_releases` adds, after the package's latest release (the tender as
published and its addenda, or the tender as it stands), two releases of the same ocid,
each a whole picture of the process at its date:

* ``award`` (tag ``award``, dated by the award decision: ``Award.awarded_on``, else the
  resolution's date, at the end of the day in the Town's zone, as every day on which
  something happened is written: ``milestones``): ``tender.status`` ``complete`` (the
  codelist's "the tender process is complete": the bids are in, evaluated and the
  award made; OCDS's own award sample says the same), every bidder as a
  party with the role ``tenderer`` and the winner also ``supplier``;
  ``tender.tenderers`` and ``tender.numberOfTenderers`` (the bids received and not
  withdrawn, late ones included: they were submitted); one ``awards`` entry, status
  ``active``, with the value (``Award.contract_value``, else the winner's evaluated
  price, CAD before taxes) and the supplier. With a standstill period
  (``Award.standstill_days`` > 0), ``tender.awardPeriod`` runs from the award decision
  to the end of the period, when the decision becomes final and the contract may be
  signed (OCDS: its end date "should be the date on which an award decision is due to
  be finalized"), and the award's description says so; without one, it ends at the
  award decision (the tender's planned award date is replaced by the actual one).
  With a paid pilot (``evaluation.pilot_enabled``), the tender awards the full Contract
  only once the pilot succeeds: the award's description says first that the pilot is
  what is awarded and that the full Contract, for the award's value, follows only on
  its success (the release of a project without a pilot is as before).
* ``contract`` (tag ``contract``, dated by ``Award.contract_signed_on`` at the end of
  that day): the same, and one ``contracts`` entry, status ``active``, linked to the
  award, with its value, its signature date (``dateSigned``, the end of the day, as
  the implementation release writes it) and the tender's contract start. Only once the contract is signed: a
  contract that does not exist yet is not published (OCDS guidance, "Mapping awards and
  contracts").

Nothing is added without an award to a bid that was opened, or without a date for it.

**Supplier identifiers** (OCDS "Organization identifiers", org-id.guide): a business
number whose first nine characters are digits gives the identifier ``CA-CRA_ACR`` (the
Canada Revenue Agency's Business Number list) and that number, and the party's ``id``
``CA-CRA_ACR-<number>``. Otherwise (no number, or a provincial registry number the app
cannot tell apart), the party has its legal name only, its ``id`` is
``bidder-<bid>``, and the award's description says that the supplier's identifier is
to be confirmed.
"""

from __future__ import annotations

import copy
import datetime as dt
import re
from decimal import Decimal
from typing import Any

from wizard.core.bids.record import Bid, BidsRecord
from wizard.core.documents.evaluation_common import bidder_name, evaluation_view
from wizard.core.i18n import N_, tr
from wizard.core.i18n.formats import format_date
from wizard.core.i18n.languages import tender_languages
from wizard.core.model import Project
from wizard.core.opendata.common import Scrubber, export_language
from wizard.core.opendata.identity import with_id
from wizard.core.opendata.milestones import end_of, start_of, valid_day
from wizard.core.opendata.release import _amount

BN_SCHEME = "CA-CRA_ACR"
_BN = re.compile(r"(\d{9})(?:[A-Z]{2}\d{4})?")

STANDSTILL = N_(
    "Standstill period of {days} days: the award decision becomes final and the contract may be "
    "signed at the end of {end}."
)
PILOT = N_(
    "The award is of the paid pilot project: the full Contract, for this value, is awarded only if the "
    "pilot succeeds, as the call for tenders provides."
)
ID_TO_CONFIRM = N_(
    "The supplier's organization identifier is to be confirmed: its business number is not recorded."
)


def business_number(bid: Bid) -> str | None:
    """The nine digits of the bidder's Canada Revenue Agency Business Number
    ("123456789" from "123456789 RT0001" or "123 456 789"), ``None`` otherwise."""
    match = _BN.fullmatch("".join(bid.bidder.business_number.split()).upper())
    return match.group(1) if match else None


def party_id(bid: Bid) -> str:
    """The party id of a bidder (module docstring)."""
    number = business_number(bid)
    return f"{BN_SCHEME}-{number}" if number else f"bidder-{bid.id}"


def _party(bid: Bid, roles: list[str]) -> dict[str, Any]:
    name = bidder_name(bid)
    number = business_number(bid)
    identifier: dict[str, Any] = {"legalName": name}
    if number:
        identifier = {"scheme": BN_SCHEME, "id": number, "legalName": name}
    party: dict[str, Any] = {"id": party_id(bid), "name": name, "identifier": identifier, "roles": roles}
    address = " ".join(bid.bidder.address.split())
    if address:
        party["address"] = {"streetAddress": address}
    return party


def decision_day(record: BidsRecord) -> str | None:
    """The day of the award decision (``awarded_on``, else the resolution's date)."""
    award = record.award
    if award is None:
        return None
    return valid_day(award.awarded_on) or valid_day(award.resolution_date)


def closing_day(project: Project) -> str | None:
    """The day of the closing in force (YYYY-MM-DD) in the town's zone
    (``timezones.closing_datetime``); ``None`` when the closing or the zone is unknown."""
    from wizard.core.domain.timezones import closing_datetime

    found = closing_datetime(project.info)
    return None if found is None else found.date().isoformat()


def decided_before_closing(project: Project, record: BidsRecord) -> bool:
    """Whether the award's day of decision (:func:`decision_day`) falls before the day of
    the closing in force (:func:`closing_day`): an award decided before the bids came in
    (``BD-DECIDED-BEFORE-CLOSING``), which no notice of award states."""
    day, end = decision_day(record), closing_day(project)
    return day is not None and end is not None and day < end


def initial_term_end(project: Project) -> str | None:
    """The last day of the contract's initial term (YYYY-MM-DD): ``info.contract_start``
    plus ``statement_of_work.term_years`` years, less one day (renewals are the Town's
    option, not part of the period signed); ``None`` without a valid start day."""
    from wizard.core.model.bounds import clamp

    start = valid_day(project.info.contract_start)
    if start is None:
        return None
    day = dt.date.fromisoformat(start)
    years = int(clamp("statement_of_work.term_years", project.statement_of_work.term_years))
    try:
        after = day.replace(year=day.year + years)
    except ValueError:  # February 29 in a year that has none
        after = dt.date(day.year + years, 3, 1)
    return (after - dt.timedelta(days=1)).isoformat()


def _texts(
    lang: str, project: Project, award: Any, record: BidsRecord, winner: Bid, rank: int | None
) -> dict[str, str]:
    """The award's title and description and the contract's title in ``lang``."""
    info = project.info
    notes = [tr(PILOT, lang)] if project.evaluation.pilot_enabled else []
    if award.standstill_days > 0:
        end_day = standstill_end(record)
        notes.append(tr(STANDSTILL, lang, days=award.standstill_days, end=format_date(end_day or "", lang)))
    if business_number(winner) is None:
        notes.append(tr(ID_TO_CONFIRM, lang))
    if rank != 1 and award.reason_if_not_top.strip():
        notes.append(Scrubber(project, lang).text(" ".join(award.reason_if_not_top.split())))
    return {
        "award": tr("Award of the call for tenders {reference}", lang, reference=info.reference.strip()),
        "description": " ".join(notes),
        "contract": tr(
            "Contract of the call for tenders {reference}", lang, reference=info.reference.strip()
        ),
    }


def standstill_end(record: BidsRecord) -> str | None:
    """The last day of the standstill period (YYYY-MM-DD): the decision day plus
    ``Award.standstill_days``; ``None`` without a period or a decision day."""
    award, day = record.award, decision_day(record)
    if award is None or day is None or award.standstill_days <= 0:
        return None
    return (dt.date.fromisoformat(day) + dt.timedelta(days=award.standstill_days)).isoformat()


def award_value(record: BidsRecord) -> Decimal | None:
    """The awarded value: the contract value, else the winner's evaluated price."""
    award = record.award
    if award is None or award.bid_id is None:
        return None
    if award.contract_value is not None:
        return award.contract_value
    bid = record.bid(award.bid_id)
    return bid.evaluated_price if bid is not None else None


def _next_release(base: dict[str, Any], tag: str, date: str) -> dict[str, Any]:
    release = copy.deepcopy(base)
    release.pop("id", None)
    release["tag"] = [tag]
    release["date"] = date
    return release


def award_releases(project: Project, record: BidsRecord, base: dict[str, Any]) -> list[dict[str, Any]]:
    """The ``award`` and, once signed, ``contract`` releases following ``base`` (the
    package's latest release, with its id), each with its id (``identity.with_id``);
    ``[]`` without an award (module docstring). ``project``: clean, as exported."""
    award = record.award
    day = decision_day(record)
    winner = record.bid(award.bid_id) if award is not None and award.bid_id is not None else None
    if award is None or winner is None or not winner.opened or day is None:
        return []
    info = project.info
    lang = export_language(project)
    view = evaluation_view(project, record)
    decided = end_of(info, day)  # a day on which something happened: its end (milestones)
    assert decided is not None  # a valid day
    submitted = [b for b in record.bids if not b.withdrawn]
    release = _next_release(base, "award", decided)
    parties = [p for p in release.get("parties", []) if "buyer" in p.get("roles", [])]
    seen: set[str] = set()
    for bid in submitted:
        if party_id(bid) in seen:
            continue
        seen.add(party_id(bid))
        parties.append(_party(bid, ["tenderer", "supplier"] if bid.id == winner.id else ["tenderer"]))
    release["parties"] = parties
    tender = release.setdefault("tender", {})
    tender["status"] = "complete"
    tender["numberOfTenderers"] = len(submitted)
    tender["tenderers"] = [{"id": p["id"], "name": p["name"]} for p in parties if "tenderer" in p["roles"]]
    if award.standstill_days > 0:
        end_day = standstill_end(record)
        assert end_day is not None
        tender["awardPeriod"] = {"startDate": start_of(info, day), "endDate": end_of(info, end_day)}
    else:
        tender["awardPeriod"] = {"endDate": decided}
    result = view.result(winner.id)
    rank = result.rank if result is not None else None
    # the export language first, the tender's other language as OCDS variants
    # (``title_en``), as ``release.build_release`` writes the tender's texts
    texts = {
        code: _texts(code, project, award, record, winner, rank)
        for code in dict.fromkeys([lang, *tender_languages(project)])
    }
    mine = texts[lang]
    entry: dict[str, Any] = {
        "id": "1",
        "title": mine["award"],
        "status": "active",
        "date": decided,
        "suppliers": [{"id": party_id(winner), "name": bidder_name(winner)}],
    }
    if mine["description"]:
        entry["description"] = mine["description"]
    for code, other in texts.items():
        if code != lang:
            entry[f"title_{code}"] = other["award"]
            if other["description"] and mine["description"]:
                entry[f"description_{code}"] = other["description"]
    value = award_value(record)
    if value is not None:
        entry["value"] = _amount(value)
    start = tender.get("contractPeriod", {}).get("startDate")
    if start:
        entry["contractPeriod"] = {"startDate": start}
    release["awards"] = [entry]
    releases = [with_id(release)]
    signed = valid_day(award.contract_signed_on)
    if signed:
        signed_at = end_of(info, signed)
        assert signed_at is not None
        contract = _next_release(release, "contract", signed_at)
        deal: dict[str, Any] = {
            "id": "1",
            "awardID": "1",
            "title": mine["contract"],
            "status": "active",
            "dateSigned": signed_at,
        }
        for code, other in texts.items():
            if code != lang:
                deal[f"title_{code}"] = other["contract"]
        if value is not None:
            deal["value"] = _amount(value)
        if start:
            deal["period"] = {"startDate": start}
            term_end = end_of(info, initial_term_end(project) or "")
            if term_end:
                deal["period"]["endDate"] = term_end
        contract["contracts"] = [deal]
        releases.append(with_id(contract))
    return releases
