"""The evaluation report and award recommendation for council (issue 22): one whole
document per tender language, ``evaluation-report-<lang>.docx``.

A pure function of the project and its bids (:class:`~wizard.core.bids.record.BidsRecord`),
through :func:`.evaluation_common.evaluation_view`. In order: the call for tenders and
its rules (the method, the threshold, the weights, the price formula); the bids
received (late ones recorded, never opened); the lock of the quality scores and the
opening of the price envelopes (who, when, each fingerprint); the evaluation of each
bid (mandatory criteria with their evidence, the technical committee's verification of
each scenario, the jury's consensus with each score's reason); the scores and the
ranking; the sensitivity (the ranking without each member's sheet, and with the other
price formula); the findings on the evaluation (``checks.bids``); the award
recommendation and the proposed resolution, its number and date once adopted, and who
signs under delegated authority.

Who is named: the report is council's, so it records who opened the envelopes and the
witnesses as entered; jury members are "Member 1", "Member 2" (their order in the
project's jury list), never by name, on every page, as in the sheets' divergences.
"""

from __future__ import annotations

from wizard.core.bids.award_rule import value_differs
from wizard.core.bids.opening import none_opened
from wizard.core.bids.record import Bid, BidsRecord
from wizard.core.bids.scoring_input import statute_differs
from wizard.core.checks.bids import check_bids, pending_verifications, verified_bids
from wizard.core.documents.blocks import Block, Document, Heading, Paragraph, Table
from wizard.core.documents.evaluation_common import (
    NOT_OPENED,
    EvaluationView,
    bidder_name,
    evaluation_document,
    evaluation_view,
    moment,
    money,
    notes_language_note,
    number,
    received_sentence,
    removed_text,
    status_text,
)
from wizard.core.documents.letters import signed_standstill
from wizard.core.documents.record_findings import sentence
from wizard.core.documents.tender import user_text
from wizard.core.documents.tender_criteria import COUNSEL_MARK
from wizard.core.documents.tender_instructions import two_envelopes
from wizard.core.documents.tender_submission import format_deadline
from wizard.core.domain import bid_scoring, quebec
from wizard.core.domain.evaluation import QUEBEC_MIN_INTERIM, points_needed_clamped
from wizard.core.domain.numbering import criterion_numbers, scenario_numbers
from wizard.core.domain.timezones import zone_of
from wizard.core.i18n import N_, Plural, tr
from wizard.core.i18n.formats import COLON, format_date
from wizard.core.i18n.labels import severity_word
from wizard.core.model import Project, QualityGridItem
from wizard.core.model.translatable import MARKER, needs_translation
from wizard.core.opendata.awards import standstill_end
from wizard.core.opendata.milestones import valid_day

RESULT_LABELS = {
    "confirmed": N_("Confirmed"),
    "refuted": N_("Refuted"),
    "pending": N_("Not verified yet"),
}
"""A scenario verification's result → its label."""

TO_BE_ADOPTED = N_("to be given once adopted")

LINEARITY = N_(
    "The price formula of the call for tenders is not linear in the price: a bid 10% above the "
    "lowest loses about 9% of the price points, and a bid at twice the lowest keeps half of them. "
    "The linear formula takes the same points away for each dollar above the lowest and gives no "
    "points at twice the lowest or more."
)


def report_file(lang: str) -> str:
    """``evaluation-report-fr.docx``."""
    return f"evaluation-report-{lang}.docx"


def _grouped(digest: str) -> str:
    """A SHA-256 in groups of 16 hex digits, so that a table cell can wrap it."""
    return " ".join(digest[i : i + 16] for i in range(0, len(digest), 16))


def _passed(value: bool | None, lang: str) -> str:
    if value is None:
        return tr("Not assessed", lang)
    return tr("Pass", lang) if value else tr("Fail", lang)


def _bid_label(bid: Bid, lang: str) -> str:
    return tr("Bid {number} \u2013 {name}", lang, number=bid.id, name=bidder_name(bid))


def threshold_texts(inp: bid_scoring.EvaluationInput, lang: str) -> list[str]:
    """Every threshold the evaluation applies, in ``lang``, as the report's rules state
    them and the app's Ranking tab repeats them: the weighted method's pass threshold
    with its weights; Québec's method and interim score of at least
    ``QUEBEC_MIN_INTERIM``, then :data:`OPTIONAL_THRESHOLD` when the tender has optional
    criteria (both apply: ``bid_scoring._before_price``)."""
    optional = len(inp.optional_ids)
    if inp.method != "quebec":
        return [
            tr(
                "Threshold: a bid must obtain {percent}% of the optional points, {needed} of "
                "{count}. Weights: quality {quality} points, price {price} points, out of 100. "
                "Price score = {price} × lowest evaluated price ÷ the bid's evaluated price, the "
                "lowest among the bids that pass.",
                lang,
                percent=inp.threshold_pct,
                needed=points_needed_clamped(inp.threshold_pct, optional),
                count=optional,
                quality=inp.quality_weight,
                price=inp.price_weight,
            )
        ]
    texts = [
        tr(
            "Method: Québec's weighted system. The interim score is out of 100; the price "
            "envelope of a bid below {minimum} is not opened; the final score is (interim "
            "score + 50) × 10 000 ÷ the evaluated price.",
            lang,
            minimum=number(QUEBEC_MIN_INTERIM, lang, 0),
        )
    ]
    if optional:
        texts.append(_optional_threshold(inp, lang))
    return texts


class SheetCover:
    """What the members' sheets hold beside the consensus (walk 2026-12-07: the report
    said the consensus came "after each member scored on an independent sheet" while no
    sheet, or one score, was recorded): each consensus score with points (``("optional",
    bid, criterion)`` or ``("grid", bid, item)``), those some sheet also scores, and the
    scores each member's sheet holds."""

    def __init__(self, view: EvaluationView) -> None:
        inp, record = view.inp, view.record
        self.agreed = {
            ("optional", c.bid_id, c.criterion_id)
            for c in record.consensus
            if c.points is not None and c.criterion_id in inp.optional_ids
        } | {
            ("grid", g.bid_id, g.item_id)
            for g in record.grid_consensus
            if g.points is not None and g.item_id in inp.grid_max
        }
        self.by_member: dict[int, set[tuple[str, int, int]]] = {}
        for s in record.sheets:
            if s.points is not None and s.criterion_id in inp.optional_ids:
                self.by_member.setdefault(s.jury_member_id, set()).add(("optional", s.bid_id, s.criterion_id))
        for g in record.grid_sheets:
            if g.points is not None and g.item_id in inp.grid_max:
                self.by_member.setdefault(g.jury_member_id, set()).add(("grid", g.bid_id, g.item_id))
        self.sheeted = set().union(*self.by_member.values()) if self.by_member else set()

    def unsheeted(self, kind: str) -> bool:
        """Whether a consensus score of ``kind`` ("optional" or "grid") has no sheet beside it."""
        return any(k[0] == kind and k not in self.sheeted for k in self.agreed)

    def on_sheets(self, kind: str) -> bool:
        """Whether some member's sheet scores ``kind`` ("optional" or "grid") with points."""
        return any(k[0] == kind for k in self.sheeted)


def _rules(view: EvaluationView, cover: SheetCover, lang: str) -> list[Block]:
    project, inp = view.project, view.inp
    blocks: list[Block] = [Heading(1, tr("The call for tenders and its rules", lang))]
    evaluated = tr(
        "The bids are evaluated as the call for tenders states: each mandatory criterion is "
        "met or not, and a bid that fails one is set aside; each optional criterion met is "
        "worth one point, by the consensus of the selection committee.",
        lang,
    )
    if not cover.unsheeted("optional"):
        evaluated = tr(
            "The bids are evaluated as the call for tenders states: each mandatory criterion is "
            "met or not, and a bid that fails one is set aside; each optional criterion met is "
            "worth one point, by the consensus of the selection committee after each member "
            "scored on an independent sheet.",
            lang,
        )
    verified = verification_text(view, lang)
    blocks.append(Paragraph(f"{evaluated} {verified}" if verified else evaluated))
    thresholds = threshold_texts(inp, lang)
    blocks.append(Paragraph(thresholds[0]))
    if inp.method == "quebec" and inp.grid_max:
        blocks.append(Paragraph(_statute_text(project, lang, sheets=not cover.unsheeted("grid"))))
    blocks += [Paragraph(text) for text in thresholds[1:]]
    if project.evaluation.tie_break.strip():
        blocks.append(
            Paragraph(
                tr(
                    "Tie-break rule of the call for tenders: {rule}",
                    lang,
                    rule=" ".join(project.evaluation.tie_break.split()),
                )
            )
        )
    if statute_differs(project):
        blocks.append(
            Paragraph(
                tr(
                    "Québec's statute requires its weighted system for this contract and the call for "
                    "tenders does not use it: the bids are evaluated as the call for tenders was "
                    "published. To be confirmed by counsel before the award.",
                    lang,
                )
            )
        )
    return blocks


VERIFIED_ALL = N_("The technical committee verified each scenario for each bid evaluated.")
VERIFIED_NONE = N_("No verification of the scenarios by the technical committee is recorded for any bid.")
VERIFIED_SOME = N_(
    "The technical committee's verification of every scenario is recorded for the bids numbered "
    "{done}; it is not recorded for every scenario of the bids numbered {pending} (the evaluation "
    "of each bid below gives the results recorded)."
)
VERIFIED_NO_BID = N_(
    "No verification of every scenario by the technical committee is recorded for the bids "
    "numbered {pending} (the evaluation of each bid below gives the results recorded)."
)


def verification_text(view: EvaluationView, lang: str) -> str:
    """What the technical committee's verification of the scenarios really covers, in
    ``lang`` (walk 2026-12-07: the rules said "the technical committee verifies each
    scenario" while no verification was recorded): each scenario confirmed or refuted for
    every bid evaluated (:func:`~wizard.core.checks.bids.verified_bids`), for some of
    them, or none at all; '' when the tender has no scenario or no bid is evaluated."""
    bids = [b.id for b in verified_bids(view.record)]
    if not bids or not scenario_numbers(view.project):
        return ""
    pending = pending_verifications(view.project, view.record)
    if not pending:
        return tr(VERIFIED_ALL, lang)
    recorded = {v.bid_id for v in view.record.verifications if v.result in ("confirmed", "refuted")}
    if not recorded & set(bids):
        return tr(VERIFIED_NONE, lang)
    done = [str(b) for b in bids if b not in pending]
    missing = ", ".join(str(b) for b in bids if b in pending)
    if not done:
        return tr(VERIFIED_NO_BID, lang, pending=missing)
    return tr(VERIFIED_SOME, lang, done=", ".join(done), pending=missing)


OPTIONAL_THRESHOLD = N_(
    "Threshold on the optional criteria: a bid must also obtain {percent}% of the optional points, "
    "{needed} of {count}; below it, the bid is under the pass threshold whatever its interim score, "
    "and its price envelope is not opened."
)
"""Québec's system with optional criteria: the second threshold the evaluation applies
(``bid_scoring._before_price``), stated where the rules are (walk 2026-12-07, defect 2:
a bid at 72/100 was "below the pass threshold" while the rules named only 70)."""


def _optional_threshold(inp: bid_scoring.EvaluationInput, lang: str) -> str:
    """:data:`OPTIONAL_THRESHOLD` for ``inp``'s optional criteria."""
    count = len(inp.optional_ids)
    return tr(
        OPTIONAL_THRESHOLD,
        lang,
        percent=inp.threshold_pct,
        needed=points_needed_clamped(inp.threshold_pct, count),
        count=count,
    )


GRID_RULE = N_(
    "The interim score is the total of the points the selection committee agreed by consensus on "
    "each criterion of the quality grid, out of {total}, after each member scored every bid on an "
    "independent sheet without knowing its price. The final score is given by the formula of {law}: "
    "{formula}."
)

GRID_RULE_AGREED = N_(
    "The interim score is the total of the points the selection committee agreed by consensus on "
    "each criterion of the quality grid, out of {total}, without knowing the prices. The final "
    "score is given by the formula of {law}: {formula}."
)
""":data:`GRID_RULE` when a consensus score of the grid has no member's sheet beside it."""


def _statute_text(project: Project, lang: str, sheets: bool = True) -> str:
    """:data:`GRID_RULE` with the provision and the formula of ``resources/legal/quebec.json``
    (``evaluation.formula``; the professional-services article or the one for other
    contracts), marked "to be confirmed by counsel" while either is unconfirmed."""
    key = "professional_services" if project.evaluation.professional_services else "other_contracts"
    law = quebec.text("evaluation", key, lang)
    if not (quebec.fact("evaluation", key).confirmed and quebec.fact("evaluation", "formula").confirmed):
        law = f"{law} {tr(COUNSEL_MARK, lang)}"
    return tr(
        GRID_RULE if sheets else GRID_RULE_AGREED,
        lang,
        total=sum(max(i.points, 0) for i in project.quality_grid),
        law=law,
        formula=quebec.text("evaluation", "formula", lang),
    )


def _grid_items(view: EvaluationView) -> list[QualityGridItem]:
    """The items of the quality grid the evaluation counts, in the grid's order."""
    return [i for i in view.project.quality_grid if i.id in view.inp.grid_max]


def _item_label(item: QualityGridItem) -> str:
    return " ".join(item.label.split()) or f"#{item.id}"


def _received(view: EvaluationView, lang: str) -> list[Block]:
    record = view.record
    rows = [
        [
            str(bid.id),
            bidder_name(bid),
            moment(bid.received_at, lang, zone_of(view.project.info)),
            ", ".join(str(n) for n in bid.acknowledged_addenda) or tr("no addendum", lang),
            status_text(bid, view.result(bid.id), lang),
        ]
        for bid in record.bids
    ]
    blocks: list[Block] = [
        Heading(1, tr("Bids received", lang)),
        Paragraph(received_sentence(view, lang)),
    ]
    removed = removed_text(record, lang)
    if removed:
        blocks.append(Paragraph(removed))
    blocks += [
        Table(
            [
                [
                    tr("No.", lang),
                    tr("Bidder", lang),
                    tr("Received", lang),
                    tr("Addenda acknowledged", lang),
                    tr("Status", lang),
                ]
            ],
            rows,
            [1.2, 4.3, 4.0, 2.5, 4.0],
        ),
    ]
    if any(b.late for b in record.bids):
        blocks.append(
            Paragraph(
                tr(
                    "As the call for tenders states, a bid received after the closing is refused: it is recorded, neither opened nor evaluated.",
                    lang,
                )
            )
        )
    return blocks


def _opening(view: EvaluationView, lang: str) -> list[Block]:
    record = view.record
    blocks: list[Block] = [
        Heading(1, tr("Lock of the quality scores and opening of the price envelopes", lang))
    ]
    if record.locked:
        blocks.append(
            Paragraph(
                tr(
                    "The quality scores were locked on {moment}.",
                    lang,
                    moment=moment(record.quality_locked_at, lang, zone_of(view.project.info)),
                )
                + (
                    " " + tr("Locked by: {name}.", lang, name=" ".join(record.quality_locked_by.split()))
                    if record.quality_locked_by.strip()
                    else ""
                )
            )
        )
    else:
        blocks.append(Paragraph(tr("The quality scores are not locked yet.", lang)))
    opening = record.opening
    if opening is None:
        blocks.append(Paragraph(tr("The price envelopes are not opened yet: no price is known.", lang)))
        return blocks
    sealed = none_opened(view.project, record)
    held = (
        N_("The price envelopes were opened on {moment} by {by}; witnesses: {witnesses}.")
        if sealed is None
        else N_("The opening of the price envelopes was held on {moment} by {by}; witnesses: {witnesses}.")
    )
    blocks.append(
        Paragraph(
            tr(
                held,
                lang,
                moment=moment(opening.opened_at, lang, zone_of(view.project.info)),
                by=" ".join(opening.opened_by.split()) or NOT_OPENED,
                witnesses=" ".join(opening.witnesses.split()) or tr("no witness", lang),
            )
            + ("" if sealed is None else " " + tr(sealed, lang))
        )
    )
    if sealed is not None:  # no workbook opened: nothing was fingerprinted at the opening
        return blocks
    blocks.append(
        Paragraph(
            tr(
                "Each price workbook was fingerprinted (SHA-256) when it was received and again "
                "at the opening; the opening accepts a workbook only when the two fingerprints are "
                "the same, so the workbook opened is the one received. The evaluated price is "
                "recomputed from the amounts the bidder entered.",
                lang,
            )
        )
    )
    rows = []
    for bid in record.bids:
        opened = opening.fingerprints.get(bid.id, "")
        rows.append(
            [
                str(bid.id),
                bidder_name(bid),
                _grouped(opened or bid.workbook_sha256) or NOT_OPENED,
                tr(
                    "Opened, form {version}",
                    lang,
                    version=bid.workbook_version.replace("-", "\u2011") or NOT_OPENED,
                )
                if opened
                else tr("Not opened", lang),
            ]
        )
    blocks.append(
        Table(
            [
                [
                    tr("No.", lang),
                    tr("Bidder", lang),
                    tr("Fingerprint (SHA-256)", lang),
                    tr("Price envelope", lang),
                ]
            ],
            rows,
            [1.2, 4.0, 7.8, 3.0],
        )
    )
    return blocks


def _each_bid(view: EvaluationView, bid: Bid, lang: str) -> list[Block]:
    project, record = view.project, view.record
    criteria = criterion_numbers(project, lang)
    texts = {c.id: " ".join(c.text.split()) for c in project.criteria}
    scenarios = scenario_numbers(project)
    titles = {s.id: " ".join(s.title.split()) for s in project.scenarios}
    blocks: list[Block] = [Heading(2, _bid_label(bid, lang))]
    mandatory = [m for m in record.mandatory if m.bid_id == bid.id and m.criterion_id in criteria]
    if mandatory:
        blocks.append(Heading(3, tr("Mandatory criteria", lang)))
        blocks.append(
            Table(
                [[tr("Criterion", lang), tr("Result", lang), tr("Evidence", lang)]],
                [
                    [
                        f"{criteria[m.criterion_id]} {texts.get(m.criterion_id, '')}",
                        _passed(m.passed, lang),
                        " ".join(m.evidence.split()),
                    ]
                    for m in mandatory
                ],
                [7.0, 2.0, 7.0],
            )
        )
    order = {sid: n for n, sid in enumerate(scenarios)}  # as the tender numbers them: S-3 before S-4
    checks = sorted(
        (v for v in record.verifications if v.bid_id == bid.id and v.scenario_id in scenarios),
        key=lambda v: order[v.scenario_id],
    )
    if checks:
        blocks.append(Heading(3, tr("Scenarios verified by the technical committee", lang)))
        blocks.append(
            Table(
                [[tr("Scenario", lang), tr("Result", lang), tr("Verified on", lang), tr("Notes", lang)]],
                [
                    [
                        f"{scenarios[v.scenario_id]} {titles.get(v.scenario_id, '')}",
                        tr(RESULT_LABELS.get(v.result, v.result), lang),
                        format_date(v.verified_on, lang) if v.verified_on.strip() else NOT_OPENED,
                        " ".join(v.notes.split()),
                    ]
                    for v in checks
                ],
                [5.0, 2.5, 3.0, 5.5],
            )
        )
    consensus = [
        c for c in record.consensus if c.bid_id == bid.id and c.criterion_id in view.inp.optional_ids
    ]
    if consensus:
        blocks.append(Heading(3, tr("Optional criteria: consensus of the selection committee", lang)))
        blocks.append(
            Table(
                [[tr("Criterion", lang), tr("Points", lang), tr("Reason", lang)]],
                [
                    [
                        f"{criteria[c.criterion_id]} {texts.get(c.criterion_id, '')}",
                        NOT_OPENED if c.points is None else str(c.points),
                        " ".join(c.reason.split()),
                    ]
                    for c in consensus
                ],
                [7.0, 1.5, 7.5],
                right=(1,),
            )
        )
    items = _grid_items(view)
    agreed = {g.item_id: g for g in record.grid_consensus if g.bid_id == bid.id}
    if items and agreed:
        rows = []
        for item in items:
            g = agreed.get(item.id)
            rows.append(
                [
                    _item_label(item),
                    tr(
                        "{points} of {most}",
                        lang,
                        points=NOT_OPENED if g is None or g.points is None else g.points,
                        most=item.points,
                    ),
                    " ".join(g.reason.split()) if g is not None else "",
                ]
            )
        result = view.result(bid.id)
        interim = result.quality_score if result is not None else None
        rows.append(
            [
                tr("Interim score", lang),
                tr("{points} of {most}", lang, points=number(interim, lang, 0), most=100)
                if interim is not None
                else NOT_OPENED,
                "",
            ]
        )
        blocks.append(Heading(3, tr("Quality grid: consensus of the selection committee", lang)))
        blocks.append(
            Table(
                [[tr("Criterion", lang), tr("Points", lang), tr("Reason", lang)]],
                rows,
                [6.0, 2.5, 7.5],
                right=(1,),
            )
        )
    return blocks


SCORED_ON_SHEETS = {
    "grid": N_("the items of the quality grid"),
    "optional": N_("the optional criteria"),
    "both": N_("the items of the quality grid and the optional criteria"),
}
NOT_ON_SHEETS = N_("No member scored {what} on a sheet: only the consensus records them.")


def _sheets_said(view: EvaluationView, cover: SheetCover, members: list[int], lang: str) -> list[Block]:
    """What the members really scored on their own sheets (walk 2026-12-07, defect 2:
    the report said every member scored each bid while no sheet held an optional
    criterion): the grid's items, the optional criteria or both, and what no sheet
    holds."""
    inp = view.inp
    optional, grid = cover.on_sheets("optional"), cover.on_sheets("grid")
    blocks: list[Block] = []
    what = "both" if optional and grid else "grid" if grid else "optional"
    kinds = {k for k, on in (("grid", grid), ("optional", optional)) if on}
    agreed = {k for k in cover.agreed if k[0] in kinds}  # a kind no sheet holds: NOT_ON_SHEETS
    if members and agreed - cover.sheeted:
        blocks.append(
            Paragraph(
                tr(
                    Plural(
                        "{count} member of the selection committee scored on an independent sheet "
                        "{sheeted} of the {total} scores the consensus records on {what}; the others "
                        "were agreed without an individual sheet.",
                        "{count} members of the selection committee scored on independent sheets "
                        "{sheeted} of the {total} scores the consensus records on {what}; the others "
                        "were agreed without an individual sheet.",
                        len(members),
                    ),
                    lang,
                    count=len(members),
                    sheeted=len(agreed & cover.sheeted),
                    total=len(agreed),
                    what=tr(SCORED_ON_SHEETS[what], lang),
                )
            )
        )
    elif members and (optional or grid):
        blocks.append(
            Paragraph(
                tr(
                    Plural(
                        "{count} member of the selection committee scored {what} on an independent "
                        "sheet before the consensus.",
                        "{count} members of the selection committee scored {what} on independent "
                        "sheets before the consensus.",
                        len(members),
                    ),
                    lang,
                    count=len(members),
                    what=tr(SCORED_ON_SHEETS[what], lang),
                )
            )
        )
    unscored = [k for k, on in (("grid", grid), ("optional", optional)) if not on]
    unscored = [k for k in unscored if (inp.grid_max if k == "grid" else inp.optional_ids)]
    for k in unscored:
        blocks.append(Paragraph(tr(NOT_ON_SHEETS, lang, what=tr(SCORED_ON_SHEETS[k], lang))))
    return blocks


def _evaluations(view: EvaluationView, cover: SheetCover, lang: str) -> list[Block]:
    evaluated = [b for b in view.record.bids if not (b.late or b.withdrawn or b.rejected)]
    if not evaluated:
        return []
    members = sorted(
        {s.jury_member_id for s in view.record.sheets} | {g.jury_member_id for g in view.record.grid_sheets}
    )
    numbers = view.jury_numbers()
    blocks: list[Block] = [Heading(1, tr("Evaluation of each bid", lang))]
    blocks += _sheets_said(view, cover, members, lang)
    divergences = bid_scoring.divergences(view.inp) + bid_scoring.grid_divergences(view.inp)
    if divergences:
        criteria = criterion_numbers(view.project, lang)
        items = {i.id: _item_label(i) for i in view.project.quality_grid}
        lines = []
        for d in divergences:
            bid = view.record.bid(d.key)
            points = ", ".join(
                tr("Member {number}: {points}", lang, number=numbers.get(m, m), points=p) for m, p in d.points
            )
            if d.on_grid:
                lines.append(
                    tr(
                        "{bid}, “{item}” of the quality grid (out of {most}): {points}.",
                        lang,
                        bid=_bid_label(bid, lang) if bid else d.key,
                        item=items.get(d.criterion_id, d.criterion_id),
                        most=d.scale,
                        points=points,
                    )
                )
                continue
            lines.append(
                tr(
                    "{bid}, criterion {criterion}: {points}.",
                    lang,
                    bid=_bid_label(bid, lang) if bid else d.key,
                    criterion=criteria.get(d.criterion_id, d.criterion_id),
                    points=points,
                )
            )
        blocks.append(Paragraph(tr("The sheets differed before the consensus on:", lang)))
        blocks += [Paragraph(line, "List Bullet") for line in lines]
    for bid in evaluated:
        blocks += _each_bid(view, bid, lang)
    return blocks


SINGLE_ENVELOPE_PRICES = N_(
    "The call for tenders has a single envelope: every bid received on time is opened whole, "
    "its price included. The price of a bid set aside (a mandatory criterion failed, "
    "or below the pass threshold) is therefore shown, but it is not scored and does not count "
    "as the lowest price in the price formula."
)
"""Why a set-aside bid's price shows in the table: outside Québec's two envelopes
(``tender_instructions.two_envelopes``) the tender opens every bid received on time;
under them its envelope 2 stays sealed (``bids.opening.open_envelope(unopened=...)``)."""


def _scores(view: EvaluationView, lang: str) -> list[Block]:
    inp, ev = view.inp, view.evaluation
    order = {key: n for n, key in enumerate(ev.ranking())}
    bids = [b for b in view.record.bids if view.result(b.id) is not None and not b.late]
    bids.sort(key=lambda b: (order.get(b.id, len(order)), b.id))
    quebec = inp.method == "quebec"
    points_column = not (quebec and not inp.optional_ids)  # Québec without optional criteria: the grid only
    header = [
        tr("Rank", lang),
        tr("Bid", lang),
        *([tr("Quality points", lang)] if points_column else []),
        tr("Interim score /100", lang)
        if quebec
        else tr("Quality score /{weight}", lang, weight=inp.quality_weight),
        tr("Evaluated price", lang),
    ]
    header += (
        [tr("Final score", lang)]
        if quebec
        else [
            tr("Price score /{weight}", lang, weight=inp.price_weight),
            tr("Total /100", lang),
        ]
    )
    rows = []
    for bid in bids:
        r = view.result(bid.id)
        assert r is not None
        row = [
            str(r.rank) if r.rank is not None else NOT_OPENED,
            _bid_label(bid, lang),
            *(
                [number(r.quality_points, lang, 0) if r.quality_points is not None else NOT_OPENED]
                if points_column
                else []
            ),
            number(r.quality_score, lang),
            money(bid.evaluated_price, lang),
        ]
        row += [number(r.total, lang, 4)] if quebec else [number(r.price_score, lang), number(r.total, lang)]
        rows.append(row)
    if quebec:
        widths = [1.2, 4.6, 2.0, 2.4, 3.2, 2.6] if points_column else [1.2, 6.0, 2.6, 3.6, 2.6]
    else:
        widths = [1.2, 3.8, 1.8, 2.0, 3.4, 1.9, 1.9]
    blocks: list[Block] = [
        Heading(1, tr("Scores and ranking", lang)),
        *_grid_table(view, bids, lang),
        Table([header], rows, widths, right=tuple(range(2, len(header)))),
        Paragraph(
            tr(
                "Scores are computed exactly and rounded to two decimals for display only. A bid "
                "without a rank is set aside; the reason is in the table of bids received.",
                lang,
            )
        ),
    ]
    set_aside = [
        b
        for b in bids
        if b.evaluated_price is not None
        and (r := view.result(b.id)) is not None
        and r.status in ("non_compliant", "below_threshold")
    ]
    if set_aside and not two_envelopes(view.project):
        blocks.append(Paragraph(tr(SINGLE_ENVELOPE_PRICES, lang)))
    tie = bid_scoring.TIE_TEXTS.get(ev.tie, "")
    if tie:
        blocks.append(Paragraph(tr(tie, lang)))
    return blocks


def _grid_table(view: EvaluationView, bids: list[Bid], lang: str) -> list[Block]:
    """Québec's statutory system: the consensus points of each bid on each item of the
    quality grid, the interim score, and the final score (interim + 50) × 10 000 ÷ the
    evaluated price, one column per bid evaluated (late ones left out), in rank order."""
    items = _grid_items(view)
    if not items or not bids:
        return []
    points = {(g.bid_id, g.item_id): g.points for g in view.record.grid_consensus}
    rows = []
    for item in items:
        row = [tr("{item} (out of {most})", lang, item=_item_label(item), most=item.points)]
        for bid in bids:
            value = points.get((bid.id, item.id))
            row.append(NOT_OPENED if value is None else str(value))
        rows.append(row)
    results = [view.result(b.id) for b in bids]
    rows.append(
        [tr("Interim score /100", lang)] + [number(r.quality_score if r else None, lang, 0) for r in results]
    )
    rows.append([tr("Evaluated price", lang)] + [money(b.evaluated_price, lang) for b in bids])
    rows.append([tr("Final score", lang)] + [number(r.total if r else None, lang, 4) for r in results])
    rows.append(
        [tr("Rank", lang)]
        + [str(r.rank) if r is not None and r.rank is not None else NOT_OPENED for r in results]
    )
    first = 5.0
    each = (16.0 - first) / len(bids)
    return [
        Paragraph(
            tr("Points of each bid on the quality grid, by consensus of the selection committee:", lang)
        ),
        Table(
            [[tr("Criterion", lang)] + [tr("Bid {number}", lang, number=b.id) for b in bids]],
            rows,
            [first] + [each] * len(bids),
            right=tuple(range(1, len(bids) + 1)),
        ),
    ]


def _sensitivity(view: EvaluationView, cover: SheetCover, lang: str) -> list[Block]:
    ranked = view.evaluation.ranking()
    if not ranked:
        return []
    numbers = view.jury_numbers()
    blocks: list[Block] = [Heading(1, tr("Sensitivity of the ranking", lang))]
    blocks.append(
        Paragraph(
            tr(
                "Would the result change if one member's sheet were left out, or with the other "
                "common price formula? Each line evaluates the bids again under one change.",
                lang,
            )
        )
    )
    for variant in view.sensitivity.variants:
        if variant.kind == "without_member":
            held = len(cover.by_member.get(variant.member_id or 0, set()) & cover.agreed)
            what = (
                tr(
                    "Without the sheet of member {number}, which holds {held} of the {total} scores "
                    "the consensus records",
                    lang,
                    number=numbers.get(variant.member_id or 0, variant.member_id),
                    held=held,
                    total=len(cover.agreed),
                )
                if held < len(cover.agreed)
                else tr(
                    "Without the sheet of member {number}",
                    lang,
                    number=numbers.get(variant.member_id or 0, variant.member_id),
                )
            )
        else:
            what = tr("With the linear price formula, weight × (1 − (price − lowest) ÷ lowest)", lang)
        if variant.same_order:
            verdict = tr("the same ranking.", lang)
        elif variant.same_winner:
            verdict = tr("the same first bid; the order of the others changes.", lang)
        else:
            verdict = tr("another first bid.", lang)
        blocks.append(Paragraph(tr("{change}: {result}", lang, change=what, result=verdict), "List Bullet"))
    blocks.append(
        Paragraph(
            tr("The ranking holds under every change.", lang)
            if view.sensitivity.holds
            else tr(
                "The first place depends on one of these changes: the selection committee explains its result.",
                lang,
            )
        )
    )
    if view.inp.method == "weighted":
        blocks.append(Paragraph(tr(LINEARITY, lang)))
    return blocks


REPORT_SATISFIES = frozenset({"BD-ALL-BUT-WINNER"})
"""Findings whose only demand this report meets itself, left out of it: every bid set aside
has its reason in "Each bid" (walk 2026-12-07: the report told council it "must give the
reason for each" while giving them)."""


def _findings(project: Project, record: BidsRecord, lang: str) -> list[Block]:
    """The findings of ``checks.bids`` as the decision record states them
    (:func:`record_findings.sentence`: facts, never the advice meant for the clerk, walk
    2026-12-07), but those of :data:`REPORT_SATISFIES`; each jury member's name replaced by
    their number (the checks run on the names as typed: an author who scored is still
    found)."""
    found = [f for f in check_bids(project, record) if f.code not in REPORT_SATISFIES]
    blocks: list[Block] = [Heading(1, tr("Findings on the evaluation", lang))]
    if not found:
        blocks.append(Paragraph(tr("The checks of the evaluation find nothing to report.", lang)))
        return blocks
    members = [(" ".join(m.name.split()), n) for n, m in enumerate(project.jury, start=1) if m.name.strip()]
    members.sort(key=lambda pair: -len(pair[0]))
    for f in found:
        message = sentence(project, f, lang)
        for name, n in members:
            message = message.replace(name, tr("Member {number}", lang, number=n))
        blocks.append(
            # French puts a no-break space before the colon (walk defect 15)
            Paragraph(
                f"{severity_word(f.severity.value, lang)} {f.code}{COLON[lang]}{message}", "List Bullet"
            )
        )
    return blocks


def _quoted(text: str, lang: str) -> str:
    """``text`` in the quotation marks of ``lang``: « … » with no-break spaces, “…”."""
    return f"\u00ab\u00a0{text}\u00a0\u00bb" if lang == "fr" else f"\u201c{text}\u201d"


def _fold(text: str) -> str:
    return " ".join(text.replace("\u2019", "'").split()).casefold()


def award_typed(project: Project, typed: str, notes_lang: str | None, lang: str) -> tuple[str, bool]:
    """What the report in ``lang`` prints of an award's ``typed`` signatory or delegated
    authority, typed in ``notes_lang`` (the project's text language), and whether it is
    quoted: as typed in that language, or when it says nothing in words (a number); the
    tender's contact with the title typed ("Martin Thériault, directeur des technologies
    de l'information"), with the contact's title in ``lang`` when the project has it
    (``project``: localized in ``lang``, its translations holding the typed language);
    otherwise quoted as typed, which the notes' sentence covers (walk 2026-12-07: an
    English report read "THAT Martin Thériault, directeur … be authorized")."""
    typed = " ".join(typed.split())
    if not typed or notes_lang in (None, lang) or not needs_translation(typed):
        return typed, False
    info = project.info
    name = " ".join(info.officer_name.split())
    if name and typed == name:  # a name has no language
        return typed, False
    if name and typed.startswith(name + ","):
        source = next(
            (
                t.text
                for t in project.translations
                if t.address == "info.officer_title" and t.lang == notes_lang
            ),
            "",
        )
        title = " ".join(info.officer_title.split())
        if source.strip() and title and title != MARKER and _fold(typed[len(name) + 1 :]) == _fold(source):
            return f"{name}, {title}", False
    return _quoted(typed, lang), True


def _recommendation(view: EvaluationView, lang: str, notes_lang: str | None = None) -> list[Block]:
    project, record = view.project, view.record
    info = project.info
    blocks: list[Block] = [Heading(1, tr("Award recommendation", lang))]
    bid = view.proposed
    if bid is None:
        blocks.append(
            Paragraph(
                tr(
                    "No bid can be recommended yet: the evaluation is not complete, no bid passes, or "
                    "the first place is tied.",
                    lang,
                )
            )
        )
        return blocks
    result = view.result(bid.id)
    award = record.award
    value = (
        award.contract_value
        if award is not None and award.contract_value is not None and award.bid_id == bid.id
        else bid.evaluated_price
    )
    # the resolution says "its bid" only of the bid's own price (walk 2026-12-07, defect 1)
    bid_price = value is None or bid.evaluated_price is None or value_differs(record) is None
    first = result is not None and result.rank == 1
    # the committee recommends the bid it ranked first, never another one (walk defect 8)
    params = {
        "bidder": bidder_name(bid),
        "rank": result.rank if result is not None and result.rank is not None else NOT_OPENED,
        "amount": money(bid.evaluated_price if bid.evaluated_price is not None else value, lang),
    }
    # Québec ranks by the statute's final score, not a total out of 100 (walk 2026-12-07)
    quebec_score = view.inp.method == "quebec"
    params["total"] = number(result.total if result else None, lang, 4 if quebec_score else 2)
    if first:
        text = (
            tr(
                "The selection committee recommends awarding the contract to {bidder}, in rank {rank} "
                "with a final score of {total}, for {amount} before taxes.",
                lang,
                **params,
            )
            if quebec_score
            else tr(
                "The selection committee recommends awarding the contract to {bidder}, in rank {rank} "
                "with a total of {total}, for {amount} before taxes.",
                lang,
                **params,
            )
        )
    else:
        ranked_first = [b for b in record.bids if (r := view.result(b.id)) is not None and r.rank == 1]
        first_names = ", ".join(bidder_name(b) for b in ranked_first) or NOT_OPENED
        text = (
            tr(
                "The award proposed goes to {bidder}, in rank {rank} with a final score of {total}, for "
                "{amount} before taxes; the selection committee ranked {first} first.",
                lang,
                first=first_names,
                **params,
            )
            if quebec_score
            else tr(
                "The award proposed goes to {bidder}, in rank {rank} with a total of {total}, for {amount} "
                "before taxes; the selection committee ranked {first} first.",
                lang,
                first=first_names,
                **params,
            )
        )
    blocks.append(Paragraph(text))
    if not first and award is not None:
        reason = " ".join(award.reason_if_not_top.split())
        blocks.append(
            Paragraph(
                tr("The proposed bid is not the first ranked. Reason: {reason}", lang, reason=reason)
                if reason
                else tr(
                    "The proposed bid is not the first ranked and no reason is written: write the "
                    "reason before council decides (finding BD-NOT-TOP).",
                    lang,
                )
            )
        )
    blocks.append(Heading(2, tr("Proposed resolution", lang)))
    reference, title = user_text(info.reference), user_text(info.title)
    blocks.append(
        Paragraph(
            tr(
                # a paid pilot: the tender awards the pilot, the full Contract only on its success
                (
                    N_(
                        "THAT council award the paid pilot project of the call for tenders {reference}, "
                        "{title}, to {bidder}, business number {number}, {position}, in accordance with "
                        "its bid and the call for tenders, and that the full Contract, for {amount} "
                        "before taxes, be awarded to it only if the pilot succeeds, as the call for "
                        "tenders provides;"
                    )
                    if bid_price
                    else N_(
                        "THAT council award the paid pilot project of the call for tenders {reference}, "
                        "{title}, to {bidder}, business number {number}, {position}, in accordance with "
                        "the call for tenders, and that the full Contract, for {amount} before taxes, an "
                        "amount other than the evaluated price of its bid, {price}, be awarded to it only "
                        "if the pilot succeeds, as the call for tenders provides;"
                    )
                )
                if project.evaluation.pilot_enabled
                else N_(
                    "THAT council award the contract of the call for tenders {reference}, {title}, to "
                    "{bidder}, business number {number}, {position}, for {amount} before taxes, "
                    "in accordance with its bid and the call for tenders;"
                )
                if bid_price
                else N_(
                    "THAT council award the contract of the call for tenders {reference}, {title}, to "
                    "{bidder}, business number {number}, {position}, for {amount} before taxes, an "
                    "amount other than the evaluated price of its bid, {price}, in accordance with the "
                    "call for tenders;"
                ),
                lang,
                price=money(bid.evaluated_price, lang),
                reference=reference,
                title=title,
                bidder=bidder_name(bid),
                number=" ".join(bid.bidder.business_number.split()) or tr("to be confirmed", lang),
                position=tr("the compliant bidder ranked first", lang)
                if first
                else tr("a compliant bidder", lang),
                amount=money(value, lang),
            )
        )
    )
    # typed in the project's language: the contact's title in ``lang``, else quoted
    signatory, quoted = award_typed(project, award.signatory, notes_lang, lang) if award else ("", False)
    typed_authority = " ".join(award.delegated_authority.split()) if award else ""
    authority = award_typed(project, typed_authority, notes_lang, lang)[0]
    number_itself = " ".join(award.resolution_number.split()) if award else ""
    # the draft of a resolution never cites itself as the delegation it acts under (walk
    # defect 16): the resolution is itself the authorization; the table below keeps it
    cited = "" if number_itself and number_itself in typed_authority else authority
    blocks.append(
        Paragraph(
            tr(
                "THAT {signatory} be authorized to sign the contract for the Town{authority}.",
                lang,
                # "Martin Thériault, directeur …," : the title is an apposition, closed by a comma
                signatory=(signatory + ("," if "," in signatory and not quoted else ""))
                or tr("[the person designated]", lang),
                authority=(" " + tr("(delegated authority: {authority})", lang, authority=cited))
                if cited
                else "",
            )
        )
    )
    signed = valid_day(award.contract_signed_on) if award is not None else None
    if signed is not None and signed_standstill(record, lang):
        # the signature recorded, said as a fact: never "is not signed before" (walk defect)
        blocks.append(Paragraph(signed_standstill(record, lang)))
    elif award is not None and award.standstill_days > 0 and signed is None:
        end = standstill_end(record)
        blocks.append(
            Paragraph(
                tr(
                    "The contract is not signed before the end of the standstill period of {days} "
                    "days after the award decision, on {date}.",
                    lang,
                    days=award.standstill_days,
                    date=format_date(end, lang),
                )
                if end
                else tr(
                    "The contract is not signed before the end of the standstill period of {days} "
                    "days after the award decision.",
                    lang,
                    days=award.standstill_days,
                )
            )
        )
    rows = [
        [
            tr("Resolution number", lang),
            " ".join(award.resolution_number.split())
            if award and award.resolution_number.strip()
            else tr(TO_BE_ADOPTED, lang),
        ],
        [
            tr("Adopted on", lang),
            format_date(award.resolution_date, lang)
            if award and award.resolution_date.strip()
            else tr(TO_BE_ADOPTED, lang),
        ],
        [
            tr("Signs under delegated authority", lang),
            ", ".join(x for x in (signatory, authority) if x) or NOT_OPENED,
        ],
    ]
    if award is not None and award.contract_signed_on.strip():
        rows.append([tr("Contract signed on", lang), format_date(award.contract_signed_on, lang)])
    blocks.append(Table([], rows, [6.0, 10.0]))
    return blocks


def report_blocks(
    project: Project, record: BidsRecord, lang: str, notes_lang: str | None = None
) -> list[Block]:
    """Every block of the report in ``lang``, from a ``project`` whose texts are in
    ``lang`` (module docstring). ``notes_lang`` is the language the evaluators' notes
    were typed in (the project's text language): another one than ``lang`` adds the
    sentence saying they are quoted in that language."""
    view = evaluation_view(project, record)
    cover = SheetCover(view)  # what the sheets hold: the rules, the evaluations and the sensitivity say it
    info = view.project.info
    blocks: list[Block] = [
        Paragraph(user_text(info.organization), "Subtitle"),
        Paragraph(tr("Evaluation report and award recommendation", lang), "Title"),
        Paragraph(user_text(info.title), "Subtitle"),
        Table(
            [],
            [
                [tr("Reference number", lang), user_text(info.reference)],
                [tr("Closing date", lang), format_deadline(info, lang)],
                [tr("Bids received", lang), str(len(record.bids))],
            ],
            [6.0, 10.0],
        ),
    ]
    note = notes_language_note(notes_lang, lang)
    if note:
        blocks.append(Paragraph(note))
    blocks += _rules(view, cover, lang)
    blocks += _received(view, lang)
    blocks += _opening(view, lang)
    blocks += _evaluations(view, cover, lang)
    if record.opened:
        blocks += _scores(view, lang)
        blocks += _sensitivity(view, cover, lang)
    blocks += _findings(view.project, record, lang)
    blocks += _recommendation(view, lang, notes_lang)
    return blocks


def report_document(project: Project, record: BidsRecord, lang: str) -> Document:
    """The evaluation report in ``lang`` ("fr" or "en"). Raises ``ValueError`` for another."""
    return evaluation_document(
        project,
        lang,
        N_("Evaluation report and award recommendation"),
        lambda shown, notes_lang: report_blocks(shown, record, lang, notes_lang),
        header_suffix=N_("Evaluation report"),
    )
