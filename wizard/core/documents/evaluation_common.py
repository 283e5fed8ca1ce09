"""What the evaluation outputs share (issue 22, docs/documents.md "Evaluation outputs"):
the evaluation computed once from the project and its bids (:func:`evaluation_view`),
and how scores, amounts, moments and statuses are written in each language.

The outputs (:mod:`.evaluation_report`, :mod:`.debriefing`,
:mod:`wizard.core.opendata.bids_csv`, :mod:`wizard.core.opendata.awards`) are pure
functions of the project and its :class:`~wizard.core.bids.record.BidsRecord`; the
arithmetic is :mod:`wizard.core.domain.bid_scoring`'s, exact, rounded here only for
display (half up, two decimals; more for the totals where two would print two bids of
different ranks alike, :meth:`EvaluationView.total_places`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, localcontext
from fractions import Fraction

from wizard.core.bids.record import Bid, BidsRecord, GridConsensusScore
from wizard.core.bids.scoring_input import evaluation_input
from wizard.core.documents.blocks import Block, Document
from wizard.core.domain import bid_scoring
from wizard.core.domain.bid_scoring import BidResult, Evaluation, EvaluationInput, Sensitivity
from wizard.core.domain.timezones import tzinfo, zone_label
from wizard.core.i18n import N_, Plural, tr
from wizard.core.i18n.formats import format_clock, format_date
from wizard.core.model import Project, QualityGridItem
from wizard.core.model.translatable import localized
from wizard.core.textclean import drop_blank_rows

NOT_OPENED = "—"
"""Shown for a figure that does not exist (a sealed or late bid's price)."""

BID_STATUS_LABELS: dict[str, str] = {
    "withdrawn": N_("Withdrawn by the bidder"),
    "rejected": N_("Set aside before the opening"),
}
"""Statuses of bids the evaluation leaves out (``Bid.withdrawn``, ``Bid.rejected``)."""


@dataclass(frozen=True)
class EvaluationView:
    """The evaluation of ``record``'s bids on ``project`` (blank rows left out, as the
    documents print it): the arithmetic's input and result, the sensitivity, and the
    awarded bid (``award.bid_id``, ``None`` without an award)."""

    project: Project
    record: BidsRecord
    inp: EvaluationInput
    evaluation: Evaluation
    sensitivity: Sensitivity

    @property
    def awarded(self) -> Bid | None:
        award = self.record.award
        return self.record.bid(award.bid_id) if award and award.bid_id is not None else None

    @property
    def proposed(self) -> Bid | None:
        """The bid the report proposes: the awarded one, else the recommended one."""
        if self.awarded is not None:
            return self.awarded
        key = self.evaluation.recommended
        return self.record.bid(key) if key is not None else None

    def result(self, bid_id: int) -> BidResult | None:
        """The result of bid ``bid_id``; ``None`` for a bid the evaluation leaves out
        (withdrawn, set aside before the opening)."""
        try:
            return self.evaluation.result(bid_id)
        except KeyError:
            return None

    def total_places(self) -> int:
        """The decimals every document and ``bids.csv`` print the totals (Québec's final
        scores) to: :func:`score_places` of this evaluation's results."""
        return score_places(self.evaluation.results)

    def jury_numbers(self) -> dict[int, int]:
        """Jury member id → their number in the jury list (1, 2 …): documents name the
        members by number, never by name."""
        return {m.id: n for n, m in enumerate(self.project.jury, start=1)}

    def grid_items(self) -> list[QualityGridItem]:
        """The items of the quality grid the evaluation counts, in the grid's order."""
        return [i for i in self.project.quality_grid if i.id in self.inp.grid_max]


NOTES_IN = {
    "fr": N_(
        "The evaluators' notes quoted in this document (reasons, evidence, scenario results, "
        "witnesses, titles) are reproduced in their original language, French, as they were "
        "recorded during the evaluation."
    ),
    "en": N_(
        "The evaluators' notes quoted in this document (reasons, evidence, scenario results, "
        "witnesses, titles) are reproduced in their original language, English, as they were "
        "recorded during the evaluation."
    ),
}
"""The sentence a document in the other language prints: the bids record has no
translations (docs/bilingual.md covers the project's texts, not the evaluators' notes),
so a reason typed in French stays French in the English report and letters."""


def notes_language_note(notes_lang: str | None, lang: str, sentences: dict[str, str] | None = None) -> str:
    """The sentence saying the evaluators' notes are in ``notes_lang`` ("fr" | "en", the
    project's text language), in ``lang``; '' when they are the same language or
    ``notes_lang`` is unknown (None). ``sentences``: the sentence per notes language
    (msgids), :data:`NOTES_IN` by default (the decision record passes its own, which
    names what it quotes)."""
    table = NOTES_IN if sentences is None else sentences
    if notes_lang not in table or notes_lang == lang:
        return ""
    return tr(table[notes_lang], lang)


def removed_text(record: BidsRecord, lang: str) -> str:
    """The sentence on the bids removed from ``record`` as entered by mistake
    (``BidsRecord.removed``, which the journal keeps: a removed highest number too) in
    ``lang``; '' when none was removed."""
    gaps = record.removed
    if not gaps:
        return ""
    return tr(
        Plural(
            "Bid number {numbers} is not in this register: it was removed from it, having been "
            "entered by mistake; the project's journal keeps its entry and its removal.",
            "Bid numbers {numbers} are not in this register: they were removed from it, having "
            "been entered by mistake; the project's journal keeps their entry and their removal.",
            len(gaps),
        ),
        lang,
        numbers=", ".join(str(n) for n in gaps),
    )


def received_sentence(view: EvaluationView, lang: str) -> str:
    """How many bids came in and how many after the closing, as the evaluation report
    and the decision record both say it: "4 bids were received, 1 of them after …", "3
    bids were received, all before …" (none late), "1 bid was received, after …" (all
    late); a bid is late against the closing in force (``Bid.late``)."""
    from wizard.core.documents.tender_submission import format_deadline

    bids = view.record.bids
    count = len(bids)
    late = sum(1 for b in bids if b.late)
    if late == 0:
        plural = Plural(
            "{count} bid was received, before the closing set for {closing}.",
            "{count} bids were received, all before the closing set for {closing}.",
            count,
        )
    elif late == count:
        plural = Plural(
            "{count} bid was received, after the closing set for {closing}.",
            "{count} bids were received, all after the closing set for {closing}.",
            count,
        )
    else:
        plural = Plural(
            "{count} bid was received, {late} of them after the closing set for {closing}.",
            "{count} bids were received, {late} of them after the closing set for {closing}.",
            count,
        )
    return tr(plural, lang, count=count, late=late, closing=format_deadline(view.project.info, lang))


def evaluation_view(project: Project, record: BidsRecord) -> EvaluationView:
    """:class:`EvaluationView` of ``record`` on ``project`` (pure)."""
    shown = drop_blank_rows(project)
    inp = evaluation_input(shown, record)
    return EvaluationView(shown, record, inp, bid_scoring.evaluate(inp), bid_scoring.sensitivity(inp))


def decimal_of(value: Fraction | Decimal, places: int = 2) -> Decimal:
    """``value`` rounded half up to ``places`` decimals (exact input, rounded once)."""
    with localcontext() as context:
        context.prec = 60
        exact = (
            Decimal(value.numerator) / Decimal(value.denominator) if isinstance(value, Fraction) else value
        )
        return exact.quantize(Decimal(1).scaleb(-places), ROUND_HALF_UP)


MAX_PLACES = 6
"""The most decimals :func:`score_places` gives a total."""


def score_places(results: tuple[BidResult, ...] | list[BidResult]) -> int:
    """The decimals the totals are printed to: two, or the fewest (up to
    :data:`MAX_PLACES`) at which no two ranked bids of different ranks and different exact
    totals print the same figure (review 2026-12-07: 13.0034 and 13.0000, "13.00 | 13.00"
    ranked 1 and 2). Bids of equal exact totals parted by the tie-break print alike at
    any number of decimals, and the tie sentence says why."""
    ranked = [r for r in results if r.rank is not None and r.total is not None]
    places = 2
    while (
        places < MAX_PLACES
        and any(
            a.rank != b.rank
            and a.total != b.total
            and decimal_of(a.total, places) == decimal_of(b.total, places)  # type: ignore[arg-type]
            for n, a in enumerate(ranked)
            for b in ranked[n + 1 :]
        )
    ):
        places += 1
    return places


ROUNDED = N_("Scores are computed exactly and rounded to two decimals for display only.")
"""The sentence the report, the debriefing letters and the decision record print under
their scores (:func:`rounded_sentence`)."""
MORE_PLACES = {
    "quebec": N_(
        "The final scores are shown to {places} decimals: at two, bids of different ranks would print alike."
    ),
    "": N_("The totals are shown to {places} decimals: at two, bids of different ranks would print alike."),
}
"""Said after :data:`ROUNDED` when :meth:`EvaluationView.total_places` is more than two."""


def rounded_sentence(view: EvaluationView, lang: str) -> str:
    """:data:`ROUNDED`, then which totals show more decimals and why (:data:`MORE_PLACES`)."""
    places = view.total_places()
    if places == 2:
        return tr(ROUNDED, lang)
    more = MORE_PLACES["quebec" if view.inp.method == "quebec" else ""]
    return f"{tr(ROUNDED, lang)} {tr(more, lang, places=places)}"


def number(value: Fraction | Decimal | int | None, lang: str, places: int = 2) -> str:
    """A score as ``lang`` writes it ("63,00" / "63.00"); :data:`NOT_OPENED` for ``None``."""
    if value is None:
        return NOT_OPENED
    text = str(decimal_of(Fraction(value) if isinstance(value, int) else value, places))
    return text.replace(".", ",") if lang == "fr" else text


def money(amount: Decimal | None, lang: str) -> str:
    """CAD with cents ("123 456,78 $", "$123,456.78"); :data:`NOT_OPENED` for ``None``."""
    if amount is None:
        return NOT_OPENED
    from wizard.core.documents.record_tco import money as formatted

    return formatted(amount, lang)


def moment(iso: str, lang: str, zone: str = "") -> str:
    """An ISO 8601 moment as ``lang`` writes it. With the Town's IANA ``zone``
    (``timezones.zone_of``), in that zone and named as the tender names its closing:
    "16 avril 2027, 11 h 07 (heure de l’Atlantique)", "April 16, 2027, 11:07 a.m.
    Atlantic Time"; else in its own offset, the same clock: "April 16, 2027, 11:07 a.m.
    (UTC−03:00)". As
    typed when unreadable."""
    text = iso.strip()
    try:
        value = dt.datetime.fromisoformat(text)
    except ValueError:
        return text
    tz = tzinfo(zone) if zone and value.tzinfo is not None else None
    if tz is not None:
        local = value.astimezone(tz)
        day, clock = format_date(local.date().isoformat(), lang), format_clock(local.time(), lang)
        if lang == "fr":
            return f"{day}, {clock} ({zone_label(zone, lang)})"
        return f"{day}, {clock} {zone_label(zone, lang)}"
    day = format_date(value.date().isoformat(), lang)
    clock = format_clock(value.time(), lang)  # the clock style of the zone's case: "3:15 p.m."
    offset = value.utcoffset()
    if offset is None:
        return f"{day}, {clock}"
    minutes = int(offset.total_seconds()) // 60
    sign = "+" if minutes >= 0 else "\u2212"
    return f"{day}, {clock} (UTC{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d})"


def status_text(bid: Bid, result: BidResult | None, lang: str) -> str:
    """What became of ``bid``: withdrawn, set aside (with the reason), or its status in
    the evaluation (:data:`wizard.core.domain.bid_scoring.STATUS_LABELS`), its rank when
    ranked."""
    if bid.withdrawn:
        return tr(BID_STATUS_LABELS["withdrawn"], lang)
    if bid.rejected:
        return tr(BID_STATUS_LABELS["rejected"], lang) + f" ({bid.rejected.strip()})"
    if result is None:
        return NOT_OPENED
    if result.status == "ranked" and result.rank is not None:
        return tr("Ranked {rank}", lang, rank=result.rank)
    return tr(bid_scoring.STATUS_LABELS[result.status], lang)


def bidder_name(bid: Bid) -> str:
    """The bidder's legal name, or "#<id>" when it has none."""
    return " ".join(bid.bidder.legal_name.split()) or f"#{bid.id}"


def bid_label(bid: Bid, lang: str) -> str:
    """A bid as the report names it in ``lang``: "Bid 2 – Bluenose IT Ltd."."""
    return tr("Bid {number} \u2013 {name}", lang, number=bid.id, name=bidder_name(bid))


def item_label(item: QualityGridItem) -> str:
    """A quality grid item's label as printed, or "#<id>" when it has none."""
    return " ".join(item.label.split()) or f"#{item.id}"


def grid_points(score: GridConsensusScore | None, item: QualityGridItem, lang: str) -> str:
    """The consensus ``score`` of a bid on a quality grid ``item`` out of the item's
    points, in ``lang``: "7 of 10"; "— of 10" without points."""
    points = NOT_OPENED if score is None or score.points is None else score.points
    return tr("{points} of {most}", lang, points=points, most=item.points)


def evaluation_document(
    project: Project,
    lang: str,
    title: str,
    blocks: Callable[[Project, str | None], list[Block]],
    header_suffix: str = "",
) -> Document:
    """A document of the evaluation (the report, a letter) in ``lang`` ("fr" or "en"):
    the tender's reference and the Town in its header, ``title`` and the header's
    ``header_suffix`` after the reference (English message ids), and ``blocks(localized project, notes language)``
    for its body (the notes the evaluators typed are quoted in their own language,
    :func:`notes_language_note`). Raises ``ValueError`` for another language."""
    from wizard.core.documents.tender import user_text
    from wizard.core.i18n.languages import text_language

    if lang not in ("fr", "en"):
        raise ValueError(f"unsupported language: {lang!r}")
    notes_lang = text_language(project)
    project = localized(project, lang)
    reference = user_text(project.info.reference)
    return Document(
        lang=lang,
        title=tr(title, lang),
        organization=user_text(project.info.organization),
        reference=reference,
        header=tr("Call for tenders {reference}", lang, reference=reference)
        + (" \u2013 " + tr(header_suffix, lang) if header_suffix else ""),
        footer_page=tr("Page {page} of {pages}", lang),
        blocks=blocks(project, notes_lang),
    )
