"""Findings on the bids received and their evaluation (issue 22), with the
red flags of the Open Contracting Partnership they match (*Red Flags in Public
Procurement*; the indicators of its Cardinal tool, :data:`RED_FLAGS`).

``check_bids(project, record)`` reads the bids record (:class:`wizard.core.bids.record.BidsRecord`)
beside the project, and the evaluation computed from both
(:func:`wizard.core.bids.scoring_input.evaluation_input`). Pure: no file, no clock.

* ``BD-AUTHOR-SCORING`` (error): an author of the tender (``project.authors``, names
  compared without case or accents) scored bids as a member of the selection committee.
* ``BD-NO-DECLARATION`` (error): a member scored bids without a signed
  conflict-of-interest declaration.
* ``BD-OPENED-EARLY``: the prices were opened before the quality scores were locked, or
  with no lock at all: an error under Québec's weighted system (the tender's two
  envelopes), a warning otherwise (the guide's principle; the tender allows it).
* ``BD-LATE-OPENED`` (error): a late bid's price workbook was opened.
* ``BD-SINGLE-BID`` (warning, R018 *single bid received*): one bid only on time.
* ``BD-ONE-COMPLIANT`` (warning): several bids on time, one alone passes, before the
  award: the guide's restart risk.
* ``BD-SAME-PRICE`` (warning, R028 *identical bid prices*): bidders with the same
  evaluated price.
* ``BD-LATE-WINNER`` (error, R030 *late bid won*): the award goes to a late bid.
* ``BD-ALL-BUT-WINNER`` (warning, R035 *all except winning bid disqualified*).
* ``BD-LOWEST-DISQUALIFIED`` (warning, R036 *lowest bid disqualified*).
* ``BD-WINNER-FAILS`` (error, R056 as issue 22 numbers it, to be confirmed): the award
  goes to a bid that fails a mandatory criterion, the pass threshold or the price rule.
* ``BD-EVIDENCE`` (warning): a mandatory criterion decided without its evidence.
* ``BD-SCALE`` (error): points outside the scale (0 to 1 for an optional criterion; 0
  to the item's points on Québec's quality grid).
* ``BD-DIVERGENT`` (warning): members' sheets differ on a criterion (or a grid item) not
  yet settled by a consensus with its reason.
* ``BD-NO-SHEET`` (warning): the consensus gives a bid points (an optional criterion or
  a grid item) while no member's sheet scores that bid at all: the guide has each member
  score each bid on an independent sheet before the consensus.
* ``BD-LOCKED-UNSCORED`` (error): the quality scores are locked while a bid evaluated
  still has an optional criterion or an item of Québec's quality grid without consensus
  points: it can never be ranked.
* ``BD-LOCK-MISSING`` (warning): before the lock, a bid evaluated still lacks a
  mandatory result or consensus points (``scoring_input.missing_scores``): the lock is
  refused until they are recorded.
* ``BD-NOT-TOP`` (error): the award goes to a bid other than the one ranked first
  without a written reason.
* ``BD-REPEATED``, ``BD-CHOICE`` (errors): an entry a project file keeps that ``load``
  refuses (``checks/bids_stored.py``).
* ``BD-NOT-BEST-SCORE`` (error): under Québec's statutory weighted system, the award goes
  to a bid other than the one with the best final score, reason or not: the statute
  gives the contract to that bid (``resources/legal/quebec.json``,
  ``evaluation.award_best_score``, to be confirmed by counsel).
* ``BD-VALUE-NOT-BID`` (warning): the contract value differs from the awarded bid's
  evaluated price: the resolution and the letters would state a price nobody bid.
* ``BD-SIGNED-BEFORE-AWARD`` (error): the contract is signed before the award decision.
* ``BD-SIGNED-IN-STANDSTILL`` (warning): the contract is signed on or before the last
  day of the standstill period the award states.
* ``BD-SAME-BIDDER`` (warning): two bids or more under the same legal name or business
  number.
* ``BD-UNVERIFIED`` (warning): the quality scores are locked, or the award recorded,
  while a bid evaluated still has a scenario of the tender without the technical
  committee's verification (confirmed or refuted: :func:`pending_verifications`); the
  evaluation report then says for which bids the verification is recorded (walk
  2026-12-07: it said "the technical committee verifies each scenario" with none
  recorded and the lock and award went through without a word).
* ``BD-OFFSET``: a bid's moment of receipt is stored with another UTC offset than the
  town's on that day (``timezones.offset_slip``): typed −04:00 for a town at −05:00,
  14:30 on the town's clock is recorded as 13:30, and judged on time or late at that
  moment. A warning when the two readings fall on either side of the closing (after the
  opening, worded for what can still be done); an information before the opening when
  both give the same status, nothing after it (:data:`OFFSET_ON_TIME`).

Fields: ``bids:{id}.<attribute>`` for one bid, ``bids.opening``, ``bids.award``,
``bids.quality_locked_at``, ``jury:{id}.…`` for a member: none is a step's field, so
the findings show with the review's (:func:`wizard.core.steps.step_of_field`).
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from wizard.core.bids.award_rule import ranked_first, value_differs
from wizard.core.bids.record import Bid, BidsRecord
from wizard.core.bids.scoring_input import evaluation_input, missing_labels, missing_scores
from wizard.core.checks import principles
from wizard.core.checks.base import Finding, Severity, finding
from wizard.core.checks.bids_stored import check_bids_stored
from wizard.core.checks.evaluation import person_key
from wizard.core.domain import bid_scoring
from wizard.core.domain.numbering import criterion_labels, scenario_numbers
from wizard.core.domain.timezones import parse_moment
from wizard.core.i18n import N_, Localized, Plural
from wizard.core.model import Project, QualityGridItem
from wizard.core.opendata.awards import closing_day, decided_before_closing, decision_day, standstill_end
from wizard.core.opendata.milestones import valid_day

RED_FLAGS: dict[str, tuple[str, str, bool]] = {
    "R018": (
        "Single bid received",
        "https://cardinal.readthedocs.io/en/latest/cli/indicators/R/018.html",
        True,
    ),
    "R028": (
        "Identical bid prices",
        "https://cardinal.readthedocs.io/en/latest/cli/indicators/R/028.html",
        True,
    ),
    "R030": ("Late bid won", "https://cardinal.readthedocs.io/en/latest/cli/indicators/R/030.html", True),
    "R035": (
        "All except winning bid disqualified",
        "https://cardinal.readthedocs.io/en/latest/cli/indicators/R/035.html",
        True,
    ),
    "R036": (
        "Lowest bid disqualified",
        "https://cardinal.readthedocs.io/en/latest/cli/indicators/R/036.html",
        True,
    ),
    "R056": ("Winner fails a requirement (as issue 22 names it)", "", False),
}
"""The Open Contracting Partnership's red flags these checks name: number → (title,
source, confirmed). Titles of R018–R036 as the Cardinal documentation words them
(checked 2026-12-06); R056 is not among Cardinal's indicators and its title is to be
confirmed, so its message says so."""

DISQUALIFIED = ("non_compliant", "below_threshold", "zero_price")
"""Evaluation statuses (:data:`wizard.core.domain.bid_scoring.Status`) that set a bid
aside; a bid rejected before the opening (``Bid.rejected``) is set aside too."""


def cad_cents(amount: Decimal) -> Localized:
    """An amount with its cents, as each language writes it: « 123 456,78 $ », "$123,456.78"."""
    text = f"{amount.quantize(Decimal('0.01')):,}"
    return Localized(fr=text.replace(",", "\u00a0").replace(".", ",") + "\u00a0$", en=f"${text}")


def _name(bid: Bid) -> str:
    return bid.bidder.legal_name.strip() or f"#{bid.id}"


def _scorers(record: BidsRecord) -> set[int]:
    return {s.jury_member_id for s in record.sheets}


def _committee(project: Project, record: BidsRecord) -> list[Finding]:
    """Who scored: no author, and only with a signed declaration."""
    authors = {person_key(a.name) for a in project.authors if a.name.strip()}
    scorers = _scorers(record)
    found: list[Finding] = []
    for member in project.jury:
        if member.id not in scorers:
            continue
        if member.name.strip() and person_key(member.name) in authors:
            found.append(
                finding(
                    "BD-AUTHOR-SCORING",
                    Severity.ERROR,
                    N_(
                        "{name} wrote the tender and scored bids: an author of the tender judges "
                        "their own choices. Set their sheet aside and have the bids scored by a "
                        "member who took no part in writing it."
                    ),
                    f"jury:{member.id}.name",
                    principles.CONFLICT,
                    name=member.name,
                )
            )
        if not member.declaration_signed:
            found.append(
                finding(
                    "BD-NO-DECLARATION",
                    Severity.ERROR,
                    N_(
                        "{name} scored bids without a signed conflict-of-interest declaration: get "
                        "it signed, naming the bidders, before their sheet counts."
                    ),
                    f"jury:{member.id}.declaration_signed",
                    principles.CONFLICT,
                    name=member.name,
                )
            )
    return found


def _opening(project: Project, record: BidsRecord) -> list[Finding]:
    """The price envelopes: opened after the lock, never a late bid's."""
    found: list[Finding] = []
    opening = record.opening
    if opening is not None:
        locked, opened = parse_moment(record.quality_locked_at), parse_moment(opening.opened_at)
        if not record.quality_locked_at.strip() or (locked and opened and opened < locked):
            if project.evaluation.quebec_weighted:
                found.append(
                    finding(
                        "BD-OPENED-EARLY",
                        Severity.ERROR,
                        N_(
                            "The price envelopes were opened ({opened}) before the quality scores were "
                            "locked, while the tender keeps quality and price in two envelopes: record "
                            "why in the evaluation report, and let counsel say whether the scores stand."
                        ),
                        "bids.opening",
                        principles.SEALED_PRICES,
                        opened=opening.opened_at,
                    )
                )
            else:
                found.append(
                    finding(
                        "BD-OPENED-EARLY",
                        Severity.WARNING,
                        N_(
                            "The prices were opened ({opened}) before the quality scores were locked: "
                            "committee members who know the prices can be swayed by them. Lock the "
                            "quality scores now, and say in the evaluation report which scores were "
                            "set after the opening."
                        ),
                        "bids.opening",
                        principles.SEALED_PRICES,
                        opened=opening.opened_at,
                    )
                )
    fingerprints = opening.fingerprints if opening is not None else {}
    for bid in record.bids:
        if bid.late and (bid.evaluated_price is not None or bid.id in fingerprints):
            found.append(
                finding(
                    "BD-LATE-OPENED",
                    Severity.ERROR,
                    N_(
                        "The late bid of {name} was opened: a bid received after the closing is "
                        "recorded and never opened. Leave its prices out of the evaluation and "
                        "record what happened."
                    ),
                    f"bids:{bid.id}.late",
                    principles.SEALED_PRICES,
                    name=_name(bid),
                )
            )
    return found


def _competition(
    record: BidsRecord, ev: bid_scoring.Evaluation, on_time: list[Bid], disqualified: set[int]
) -> list[Finding]:
    """How many bids compete: one received (R018), one passing, all but the winner set
    aside (R035), the same price (R028), the lowest set aside (R036)."""
    found: list[Finding] = []
    award = record.award.bid_id if record.award is not None else None
    if len(on_time) == 1:
        found.append(
            finding(
                "BD-SINGLE-BID",
                Severity.WARNING,
                N_(
                    "Only one bid was received on time, from {name} (red flag R018, Open Contracting "
                    "Partnership): without competition the price and the quality cannot be compared. "
                    "Ask why others did not bid before deciding to award or to call for tenders again."
                ),
                "bids",
                principles.COMPETITION,
                name=_name(on_time[0]),
            )
        )
    passing = [r.key for r in ev.results if r.status == "ranked"]
    others = [b for b in on_time if b.id != award]
    if len(on_time) > 1 and ev.complete and len(passing) == 1 and award is None:
        only = record.bid(passing[0])
        found.append(
            finding(
                "BD-ONE-COMPLIANT",
                Severity.WARNING,
                N_(
                    "Only the bid of {name} passes: the Town would award without competition. The "
                    "guide counts a single compliant bid as a reason to consider calling for tenders "
                    "again; check each bid set aside and record why before the award."
                ),
                "bids",
                principles.COMPETITION,
                name=_name(only) if only is not None else passing[0],
            )
        )
    if (
        award is not None
        and award not in disqualified
        and others
        and all(b.id in disqualified for b in others)
    ):
        winner = record.bid(award)
        found.append(
            finding(
                "BD-ALL-BUT-WINNER",
                Severity.WARNING,
                N_(
                    "Every bid but the one awarded, from {name}, was set aside (red flag R035, Open "
                    "Contracting Partnership): the evaluation report must give the reason for each, "
                    "so that anyone can see the others were not set aside to favour the winner."
                ),
                "bids.award",
                principles.PUBLISHED_RULES,
                name=_name(winner) if winner is not None else award,
            )
        )
    priced = [b for b in on_time if b.evaluated_price is not None]
    by_price: dict[Decimal, list[Bid]] = {}
    for bid in priced:
        by_price.setdefault(bid.evaluated_price or Decimal(0), []).append(bid)
    for same in list(by_price.values()):
        first = same[0]
        if len({person_key(b.bidder.legal_name) or str(b.id) for b in same}) > 1:
            found.append(
                finding(
                    "BD-SAME-PRICE",
                    Severity.WARNING,
                    N_(
                        "{names} bid the same evaluated price, {price} (red flag R028, Open "
                        "Contracting Partnership): identical prices from different bidders can mean "
                        "collusion or a leaked price. Look at how each price is built before the award."
                    ),
                    f"bids:{first.id}.evaluated_price",
                    principles.COMPETITION,
                    names=", ".join(_name(b) for b in same),
                    price=cad_cents(first.evaluated_price or Decimal(0)),
                )
            )
    if ev.complete and priced:
        lowest = min(priced, key=lambda b: (b.evaluated_price or Decimal(0), b.id))
        if lowest.id in disqualified and any(b.id not in disqualified for b in priced):
            found.append(
                finding(
                    "BD-LOWEST-DISQUALIFIED",
                    Severity.WARNING,
                    N_(
                        "The lowest evaluated price, from {name}, belongs to a bid set aside (red flag "
                        "R036, Open Contracting Partnership): record the criterion it fails and its "
                        "evidence, so the reason can be checked."
                    ),
                    f"bids:{lowest.id}.evaluated_price",
                    principles.PUBLISHED_RULES,
                    name=_name(lowest),
                )
            )
    return found


def _award(record: BidsRecord, ev: bid_scoring.Evaluation, quebec: bool = False) -> list[Finding]:
    """The awarded bid: on time (R030), passing (R056), the first ranked or a reason
    (under Québec's statutory system, the best final score: ``quebec``); its value and
    the contract's signature (:func:`_award_terms`)."""
    award = record.award
    if award is None or award.bid_id is None:
        return []
    bid = record.bid(award.bid_id)
    if bid is None:
        return []
    found: list[Finding] = _award_terms(record, bid)
    if bid.late:
        found.append(
            finding(
                "BD-LATE-WINNER",
                Severity.ERROR,
                N_(
                    "The award goes to the late bid of {name} (red flag R030, Open Contracting "
                    "Partnership): a bid received after the closing is never opened nor awarded."
                ),
                "bids.award",
                principles.SEALED_PRICES,
                name=_name(bid),
            )
        )
        return found
    results = {r.key: r for r in ev.results}
    result = results.get(bid.id)
    if (result is not None and result.status in DISQUALIFIED) or bid.rejected:
        found.append(
            finding(
                "BD-WINNER-FAILS",
                Severity.ERROR,
                N_(
                    "The award goes to {name}, whose bid fails a mandatory criterion, the pass "
                    "threshold or the price rule (red flag R056, Open Contracting Partnership, number "
                    "to be confirmed): a bid the published rules set aside cannot win."
                ),
                "bids.award",
                principles.PUBLISHED_RULES,
                name=_name(bid),
            )
        )
    if quebec and not ranked_first(ev, bid.id):
        found.append(
            finding(
                "BD-NOT-BEST-SCORE",
                Severity.ERROR,
                N_(
                    "The award goes to {name}, which does not have the best final score, under "
                    "Québec's statutory weighted system: the statute gives the contract to the bid "
                    "with the best final score, a written reason does not change that (to be "
                    "confirmed by counsel). Award the bid ranked first, or ask counsel before council "
                    "decides."
                ),
                "bids.award",
                principles.PUBLISHED_RULES,
                name=_name(bid),
            )
        )
    elif not ranked_first(ev, bid.id) and not award.reason_if_not_top.strip():  # award_rule
        found.append(
            finding(
                "BD-NOT-TOP",
                Severity.ERROR,
                N_(
                    "The award goes to {name}, which is not ranked first, and no reason is written: "
                    "state why in the award, or award the bid ranked first."
                ),
                "bids.award",
                principles.PUBLISHED_RULES,
                name=_name(bid),
            )
        )
    return found


def _decided_early(project: Project, record: BidsRecord) -> list[Finding]:
    """An award decided before the closing in force (review 2026-12-07: decided January 1
    for bids received April 16): the day of the award, else the resolution's date, before
    the closing's day in the town's zone. ``bid award`` refuses it now; a file recorded
    earlier, or whose closing an addendum moved, may still hold one."""
    if not decided_before_closing(project, record):
        return []
    return [
        finding(
            "BD-DECIDED-BEFORE-CLOSING",
            Severity.ERROR,
            N_(
                "The award is decided on {decided}, before the closing of the call for tenders on "
                "{closing}: an award is decided once the bids are received and opened. Correct the day "
                "of the award or the resolution's date; no notice of award is written until then."
            ),
            "bids.award",
            principles.PUBLISHED_RULES,
            decided=decision_day(record) or "",
            closing=closing_day(project) or "",
        )
    ]


def _award_terms(record: BidsRecord, bid: Bid) -> list[Finding]:
    """The award's value and dates: a contract value that is not the awarded bid's price
    (walk 2026-12-07, defect 1), a contract signed before the award or inside the
    standstill period (defect 3)."""
    award = record.award
    assert award is not None
    found: list[Finding] = []
    differs = value_differs(record)
    if differs is not None:
        found.append(
            finding(
                "BD-VALUE-NOT-BID",
                Severity.WARNING,
                N_(
                    "The contract value, {value}, is not the evaluated price of the bid of {name}, "
                    "{price}: the resolution and the letters would state a price nobody bid. Record "
                    "the bid's price, or write in the council's file why the contract is for another "
                    "amount."
                ),
                "bids.award",
                principles.PUBLISHED_RULES,
                value=cad_cents(differs[0]),
                name=_name(bid),
                price=cad_cents(differs[1]),
            )
        )
    signed, decided = valid_day(award.contract_signed_on), decision_day(record)
    if signed is None or decided is None:
        return found
    if signed < decided:
        found.append(
            finding(
                "BD-SIGNED-BEFORE-AWARD",
                Severity.ERROR,
                N_(
                    "The contract with {name} is signed on {signed}, before the award decided on "
                    "{decided}: a contract is signed once the award is made. Correct the date, or "
                    "record in the council's file how the contract came to be signed first."
                ),
                "bids.award",
                principles.PUBLISHED_RULES,
                name=_name(bid),
                signed=signed,
                decided=decided,
            )
        )
        return found
    end = standstill_end(record)
    if end is not None and signed <= end:
        found.append(
            finding(
                "BD-SIGNED-IN-STANDSTILL",
                Severity.WARNING,
                Plural(
                    "The contract with {name} is signed on {signed}, inside the standstill period of "
                    "{count} day that ends on {end}: the bidders not retained had until then to "
                    "challenge the award. Sign after {end}, or record why it could not wait.",
                    "The contract with {name} is signed on {signed}, inside the standstill period of "
                    "{count} days that ends on {end}: the bidders not retained had until then to "
                    "challenge the award. Sign after {end}, or record why it could not wait.",
                    award.standstill_days,
                ),
                "bids.award",
                principles.PUBLISHED_RULES,
                name=_name(bid),
                signed=signed,
                end=end,
            )
        )
    return found


def _same_bidder(record: BidsRecord) -> list[Finding]:
    """Two bids or more from the same bidder: the same legal name (without case, accents
    or spaces) or the same business number (walk 2026-12-07, defect 7)."""
    groups: dict[str, list[Bid]] = {}
    for bid in record.bids:
        if bid.withdrawn:
            continue
        keys = {person_key(bid.bidder.legal_name)} - {""}
        number = "".join(bid.bidder.business_number.split()).upper()
        if number:
            keys.add(f"#{number}")
        for key in keys:
            groups.setdefault(key, []).append(bid)
    found: list[Finding] = []
    seen: set[tuple[int, ...]] = set()
    for same in groups.values():
        ids = tuple(sorted(b.id for b in same))
        if len(ids) < 2 or ids in seen:
            continue
        seen.add(ids)
        found.append(
            finding(
                "BD-SAME-BIDDER",
                Severity.WARNING,
                N_(
                    "Bids {bids} come from the same bidder, {name}: a bidder submits one bid. Check "
                    "whether one replaces the other (record the first as withdrawn) or whether two "
                    "firms share a name or a business number, before the opening."
                ),
                f"bids:{ids[-1]}.bidder",
                principles.COMPETITION,
                bids=", ".join(str(i) for i in ids),
                name=_name(same[0]),
            )
        )
    return found


OFFSET_DEPENDS = N_(
    "Bid {bid} ({name}) is recorded as received at {received}: the offset {typed} is not the "
    "town's on that day ({town}), so the bid came at {local}, town time. If the time was read "
    "on a clock of the town, it came at {clock}. One of these moments is before the closing "
    "({closing}) and the other after, so whether the bid is late depends on the clock read: "
    "correct the moment of receipt before the opening."
)
OFFSET_DEPENDS_OPENED = N_(
    "Bid {bid} ({name}) is recorded as received at {received}: the offset {typed} is not the "
    "town's on that day ({town}), so the bid came at {local}, town time. If the time was read "
    "on a clock of the town, it came at {clock}. One of these moments is before the closing "
    "({closing}) and the other after, so whether the bid was late depends on the clock read. "
    "The envelopes are open and the moment can no longer be corrected: establish from the "
    "evidence of receipt (the time stamped on the envelope, the platform's receipt) which clock "
    "was read, and tell council before the award."
)
OFFSET_ON_TIME = N_(
    "Bid {bid} ({name}) is recorded as received at {received}: the offset {typed} is not the "
    "town's on that day ({town}), so the bid came at {local}, town time, or at {clock} if the "
    "time was read on a clock of the town. Both are before the closing ({closing}): the bid "
    "is on time either way, and only the hour the documents print depends on it. If the clock "
    "was the town's, correct the moment of receipt before the opening."
)
OFFSET_LATE = N_(
    "Bid {bid} ({name}) is recorded as received at {received}: the offset {typed} is not the "
    "town's on that day ({town}), so the bid came at {local}, town time, or at {clock} if the "
    "time was read on a clock of the town. Both are after the closing ({closing}): the bid "
    "is late either way, and only the hour the documents print depends on it. If the clock "
    "was the town's, correct the moment of receipt before the opening."
)
"""``BD-OFFSET``'s messages (walk 2026-12-07, item 4: "whether it is late depends on it"
was said of a bid typed 12:30 −05:00 for a town at −04:00, on time at 12:30 and at 13:30
against a 14:00 closing, and the advice to correct it stayed after the opening, when the
moment can no longer change). A warning when the two readings fall on either side of the
closing; when both give the same status, an information before the opening (the hour the
minutes, the report and the open data print may be an hour off, and can still be
corrected) and nothing after it: nothing depends on it and nothing can be done."""
EITHER_WAY = {
    False: Localized(fr="à temps", en="on time"),
    True: Localized(fr="en retard", en="late"),
}
"""The status an information ``BD-OFFSET`` carries as ``either``, for the sentence the
reports print (``record_findings.SENTENCES``)."""


def _offsets(project: Project, record: BidsRecord) -> list[Finding]:
    """Each bid received at another offset than the town's on that day (walk 2026-12-07
    on the command line: a bid typed at −04:00 for a town at −05:00 was silently
    recorded an hour early, on time, and could be awarded), as :data:`OFFSET_ON_TIME`
    says; none while the closing is unknown (no bid is judged late then, and the
    project's checks ask for the closing)."""
    from wizard.core.domain.timezones import closing_datetime, moment_text, offset_slip

    end = closing_datetime(project.info)
    found: list[Finding] = []
    for bid in record.bids:
        when = parse_moment(bid.received_at)
        slip = offset_slip(project.info, when) if when is not None else None
        if end is None or when is None or slip is None:
            continue
        same = (when > end) == (slip.clock > end)
        if same and record.opened:
            continue
        late = when > end
        either = {"either": EITHER_WAY[late]} if same else {}
        severity = Severity.INFO if same else Severity.WARNING
        depends = OFFSET_DEPENDS_OPENED if record.opened else OFFSET_DEPENDS
        text = (OFFSET_LATE if late else OFFSET_ON_TIME) if same else depends
        found.append(
            finding(
                "BD-OFFSET",
                severity,
                text,
                f"bids:{bid.id}.received_at",
                principles.SEALED_PRICES,
                bid=bid.id,
                name=_name(bid),
                received=bid.received_at.strip(),
                typed=slip.typed,
                town=slip.town,
                local=moment_text(slip.local),
                clock=moment_text(slip.clock),
                closing=moment_text(end.astimezone(slip.local.tzinfo)),
                **either,
            )
        )
    return found


def _scores(project: Project, record: BidsRecord, inp: bid_scoring.EvaluationInput) -> list[Finding]:
    """Mandatory evidence, the scale of the points, divergent sheets."""
    labels = criterion_labels(project)
    bids = {b.id: b for b in record.bids}
    found: list[Finding] = []
    for m in record.mandatory:
        bid = bids.get(m.bid_id)
        if bid is None or m.passed is None or m.evidence.strip() or m.criterion_id not in labels:
            continue
        found.append(
            finding(
                "BD-EVIDENCE",
                Severity.WARNING,
                N_(
                    "Criterion {criterion} is marked met or not met for {name} without its evidence: "
                    "say where the bid shows it (a page, a document, a scenario session), so the "
                    "decision can be checked."
                ),
                f"bids:{bid.id}.mandatory",
                principles.BINARY,
                criterion=labels[m.criterion_id],
                name=_name(bid),
            )
        )
    optional = set(inp.optional_ids)
    names = {j.id: j.name.strip() or f"#{j.id}" for j in project.jury}
    scored: Iterable[tuple[int, int, int | None, str | None]] = [
        *(
            (s.bid_id, s.criterion_id, s.points, names.get(s.jury_member_id, f"#{s.jury_member_id}"))
            for s in record.sheets
        ),
        *((c.bid_id, c.criterion_id, c.points, None) for c in record.consensus),
    ]
    for bid_id, cid, points, member in scored:
        bid = bids.get(bid_id)
        if bid is None or cid not in optional or points is None or 0 <= points <= inp.max_points:
            continue
        found.append(
            finding(
                "BD-SCALE",
                Severity.ERROR,
                N_(
                    "{points} points on criterion {criterion} for {name} ({sheet}): an optional "
                    "criterion is worth 0 or {most} point, nothing else."
                ),
                f"bids:{bid.id}.consensus" if member is None else f"bids:{bid.id}.sheets",
                principles.FEW_MANDATORY,
                points=points,
                criterion=labels[cid],
                name=_name(bid),
                sheet=Localized(fr="consensus", en="consensus") if member is None else member,
                most=inp.max_points,
            )
        )
    settled = {
        (c.bid_id, c.criterion_id) for c in record.consensus if c.points is not None and c.reason.strip()
    }
    for d in bid_scoring.divergences(inp):
        if (d.key, d.criterion_id) in settled or d.criterion_id not in labels:
            continue
        bid = bids[d.key]
        found.append(
            finding(
                "BD-DIVERGENT",
                Severity.WARNING,
                N_(
                    "The members' sheets differ on criterion {criterion} for {name} ({points}): settle "
                    "it in the consensus, with the reason, before the scores are locked."
                ),
                f"bids:{bid.id}.consensus",
                principles.PUBLISHED_RULES,
                criterion=labels[d.criterion_id],
                name=_name(bid),
                points=", ".join(f"{names.get(m, m)}: {p}" for m, p in d.points),
            )
        )
    return found + _no_sheet(record)


def _no_sheet(record: BidsRecord) -> list[Finding]:
    """``BD-NO-SHEET``: consensus points for a bid no member's sheet scores (walk
    2026-12-07: the report then said the consensus followed independent sheets)."""
    sheeted = {s.bid_id for s in record.sheets if s.points is not None} | {
        g.bid_id for g in record.grid_sheets if g.points is not None
    }
    agreed = {c.bid_id for c in record.consensus if c.points is not None} | {
        g.bid_id for g in record.grid_consensus if g.points is not None
    }
    return [
        finding(
            "BD-NO-SHEET",
            Severity.WARNING,
            N_(
                "The consensus gives points to {name} while no member of the selection committee "
                "scored this bid on a sheet: have each member score it on an independent sheet "
                "before the consensus, so the consensus can be checked against their scores."
            ),
            f"bids:{bid.id}.sheets",
            principles.PUBLISHED_RULES,
            name=_name(bid),
        )
        for bid in record.bids
        if bid.id in agreed and bid.id not in sheeted
    ]


def _grid_label(item: QualityGridItem) -> Localized:
    label = " ".join(item.label.split()) or f"#{item.id}"
    return Localized(fr=label, en=label)


def _grid(project: Project, record: BidsRecord, inp: bid_scoring.EvaluationInput) -> list[Finding]:
    """Québec's quality grid: points outside an item's scale, divergent sheets."""
    if not inp.grid_max:
        return []
    items = {i.id: i for i in project.quality_grid if i.id in inp.grid_max}
    bids = {b.id: b for b in record.bids}
    names = {j.id: j.name.strip() or f"#{j.id}" for j in project.jury}
    found: list[Finding] = []
    scored: Iterable[tuple[int, int, int | None, str | None]] = [
        *(
            (g.bid_id, g.item_id, g.points, names.get(g.jury_member_id, f"#{g.jury_member_id}"))
            for g in record.grid_sheets
        ),
        *((g.bid_id, g.item_id, g.points, None) for g in record.grid_consensus),
    ]
    for bid_id, item_id, points, member in scored:
        bid, item = bids.get(bid_id), items.get(item_id)
        if bid is None or item is None or points is None or 0 <= points <= max(item.points, 0):
            continue
        found.append(
            finding(
                "BD-SCALE",
                Severity.ERROR,
                N_(
                    "{points} points on “{item}” for {name} ({sheet}): this item of the quality "
                    "grid is worth 0 to {most} points, nothing else."
                ),
                f"bids:{bid.id}.grid_consensus" if member is None else f"bids:{bid.id}.grid_sheets",
                principles.PUBLISHED_RULES,
                points=points,
                item=_grid_label(item),
                name=_name(bid),
                sheet=Localized(fr="consensus", en="consensus") if member is None else member,
                most=max(item.points, 0),
            )
        )
    settled = {
        (g.bid_id, g.item_id) for g in record.grid_consensus if g.points is not None and g.reason.strip()
    }
    for d in bid_scoring.grid_divergences(inp):
        if (d.key, d.criterion_id) in settled or d.criterion_id not in items:
            continue
        bid = bids[d.key]
        found.append(
            finding(
                "BD-DIVERGENT",
                Severity.WARNING,
                N_(
                    "The members' sheets differ on “{item}” of the quality grid for {name} ({points} "
                    "out of {most}): settle it in the consensus, with the reason, before the scores "
                    "are locked."
                ),
                f"bids:{bid.id}.grid_consensus",
                principles.PUBLISHED_RULES,
                item=_grid_label(items[d.criterion_id]),
                name=_name(bid),
                points=", ".join(f"{names.get(m, m)}: {p}" for m, p in d.points),
                most=d.scale,
            )
        )
    return found


def _unscored(project: Project, record: BidsRecord, ev: bid_scoring.Evaluation) -> list[Finding]:
    """Locked with scores missing: a bid still pending on an optional criterion or a grid
    item once nothing can change any more."""
    if not record.locked:
        return []
    labels = criterion_labels(project)
    items = {i.id: _grid_label(i) for i in project.quality_grid}
    found: list[Finding] = []
    for r in ev.results:
        bid = record.bid(r.key)
        if bid is None or r.status != "pending" or not r.unscored:
            continue
        # optional criteria first: a bid missing one has no quality points, and its grid
        # is not looked at yet (bid_scoring._before_price)
        on_grid = r.quality_points is not None
        named = [
            (items if on_grid else labels).get(i) or Localized(fr=f"#{i}", en=f"#{i}") for i in r.unscored
        ]
        found.append(
            finding(
                "BD-LOCKED-UNSCORED",
                Severity.ERROR,
                N_(
                    "The quality scores are locked while the bid of {name} has no consensus points on "
                    "{items}: it can never be ranked. Record in the evaluation report how this "
                    "happened, and ask counsel how its evaluation can be completed."
                ),
                f"bids:{bid.id}.consensus",
                principles.PUBLISHED_RULES,
                name=_name(bid),
                items=Localized(
                    fr=", ".join(n.fr for n in named),
                    en=", ".join(n.en for n in named),
                ),
            )
        )
    return found


def _to_lock(project: Project, record: BidsRecord) -> list[Finding]:
    """Before the lock: each bid evaluated and what it still lacks, as the lock's refusal
    names it (``lock_quality``)."""
    if record.locked:
        return []
    return [
        finding(
            "BD-LOCK-MISSING",
            Severity.WARNING,
            N_(
                "The bid of {name} still lacks {items}: the quality scores cannot be locked, nor "
                "the bid ranked, until the consensus points (or the mandatory results) are "
                "recorded."
            ),
            f"bids:{m.bid_id}.consensus",
            principles.PUBLISHED_RULES,
            name=m.name.strip() or f"#{m.bid_id}",
            items=missing_labels(project, m),
        )
        for m in missing_scores(project, record)
    ]


def verified_bids(record: BidsRecord) -> list[Bid]:
    """The bids whose scenarios the technical committee verifies: every bid on time, not
    withdrawn, not rejected before the opening and failing no mandatory criterion (a bid
    set aside is never scored, so its scenarios are not looked at), in number order."""
    failed = {m.bid_id for m in record.mandatory if m.passed is False}
    return [b for b in record.bids if not (b.late or b.withdrawn or b.rejected.strip() or b.id in failed)]


def pending_verifications(project: Project, record: BidsRecord) -> dict[int, list[str]]:
    """Bid id → the labels (S-1 …) of the tender's scenarios whose verification is not
    recorded for it (no entry, or "pending"), for each bid of :func:`verified_bids` that
    has one; ``{}`` when every scenario is confirmed or refuted, or the tender has none.
    ``project`` as the documents print it (blank scenarios have no number)."""
    scenarios = scenario_numbers(project)
    done = {(v.bid_id, v.scenario_id) for v in record.verifications if v.result in ("confirmed", "refuted")}
    pending: dict[int, list[str]] = {}
    for bid in verified_bids(record):
        labels = [label for sid, label in scenarios.items() if (bid.id, sid) not in done]
        if labels:
            pending[bid.id] = labels
    return pending


def _unverified(project: Project, record: BidsRecord) -> list[Finding]:
    """``BD-UNVERIFIED``: locked, or awarded, with a scenario not verified for a bid."""
    if not (record.locked or record.award is not None):
        return []
    message = (
        N_(
            "The quality scores are locked while the technical committee's verification of "
            "{scenarios} was never recorded for the bid of {name}: its scores rest on claims "
            "nobody verified. State in the evaluation report why, and ask counsel before the "
            "award whether the evaluation stands."
        )
        if record.locked
        else N_(
            "The award is recorded while the technical committee's verification of "
            "{scenarios} is not recorded for the bid of {name}: record each result (confirmed "
            "or refuted), or state in the evaluation report why it was not done."
        )
    )
    found: list[Finding] = []
    for bid_id, labels in pending_verifications(project, record).items():
        bid = record.bid(bid_id)
        if bid is None:
            continue
        found.append(
            finding(
                "BD-UNVERIFIED",
                Severity.WARNING,
                message,
                f"bids:{bid_id}.verifications",
                principles.SCENARIOS,
                name=_name(bid),
                scenarios=", ".join(labels),
            )
        )
    return found


def check_bids(project: Project, record: BidsRecord) -> list[Finding]:
    """Findings on ``record``, the bids of ``project`` (module docstring: the codes).
    ``project`` as the documents print it (blank rows left out), as ``run_checks`` gives
    it. Nothing when no bid is recorded."""
    if not record.bids:
        return []
    inp = evaluation_input(project, record)
    ev = bid_scoring.evaluate(inp)
    on_time = [b for b in record.bids if not b.late and not b.withdrawn]
    disqualified = {r.key for r in ev.results if r.status in DISQUALIFIED} | {
        b.id for b in record.bids if b.rejected
    }
    return (
        _committee(project, record)
        + _opening(project, record)
        + _competition(record, ev, on_time, disqualified)
        + _same_bidder(record)
        + _offsets(project, record)
        + _award(record, ev, inp.method == "quebec")
        + _decided_early(project, record)
        + _scores(project, record, inp)
        + _grid(project, record, inp)
        + _unscored(project, record, ev)
        + _to_lock(project, record)
        + _unverified(project, record)
        + check_bids_stored(project, record)
    )
