"""*Bids and evaluation* ▸ Ranking: the results, the recommended bidder, the sensitivity
of the result, and the award.

Everything shown is the core's (``scoring_input.evaluation_input``,
``bid_scoring.evaluate`` and ``sensitivity``): exact fractions rounded here for display
only. The sensitivity table says whether the recommendation holds without each
member's sheet and with the other common price formula, beside the teaching text on
the tender's formula (``bid_scoring.PRICE_FORMULA_NOTE``: lowest ÷ price × weight is
not linear in the price). The award is recorded with ``evaluation_entry.set_award``;
the core and the checks (``BD-NOT-TOP``) ask for a reason when it does not go to the
bid ranked first. The bidder list offers only the bids the core accepts
(``award_rule.award_choices``) and says under it why each other bid cannot be awarded,
in the core's own refusal, so that the clerk never picks a bid only to be refused.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from wizard.core.bids import award_rule, evaluation_entry
from wizard.core.bids.record import BidsRecord, read
from wizard.core.bids.scoring_input import evaluation_input
from wizard.core.documents.evaluation_report.rules import threshold_texts
from wizard.core.domain import bid_scoring
from wizard.core.domain.bid_scoring import PRICE_FORMULA_NOTE, STATUS_LABELS, TIE_TEXTS, Evaluation, Variant
from wizard.core.i18n import _, n_, ui_language
from wizard.ui import dialogs
from wizard.ui.bids_common import NONE, amount, amount_field, done, fill, parse_amount, score, table

if TYPE_CHECKING:
    from wizard.ui.context import ProjectContext


class RankingTab(QWidget):
    """Results, sensitivity and award (module docstring)."""

    def __init__(self, ctx: ProjectContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        layout = QHBoxLayout(self)
        left = QVBoxLayout()
        self.results = table(
            [
                _("Rank"),
                _("Bid"),
                _("Status"),
                _("Quality"),
                _("Evaluated price"),
                _("Price score"),
                _("Total"),
            ],
            1,
        )
        self.results.setObjectName("results-table")
        self.rules = QLabel()  # every threshold that applies, as the evaluation report states them
        self.rules.setObjectName("thresholds")
        self.rules.setWordWrap(True)
        left.addWidget(self.rules)
        left.addWidget(self.results, 2)
        self.recommended = QLabel()
        self.recommended.setObjectName("recommended")
        self.recommended.setWordWrap(True)
        left.addWidget(self.recommended)
        sensitivity = QGroupBox(_("Sensitivity: does the result hold?"))
        box = QVBoxLayout(sensitivity)
        self.variants = table([_("Variant"), _("Recommended"), _("Same ranking")], 1)
        self.variants.setObjectName("sensitivity-table")
        box.addWidget(self.variants)
        self.holds = QLabel()
        self.holds.setObjectName("sensitivity-holds")
        self.holds.setWordWrap(True)
        box.addWidget(self.holds)
        self.formula_note = QLabel(_(PRICE_FORMULA_NOTE))
        self.formula_note.setObjectName("price-formula-note")
        self.formula_note.setWordWrap(True)
        box.addWidget(self.formula_note)
        left.addWidget(sensitivity, 3)
        layout.addLayout(left, 3)
        layout.addWidget(self._award_group(), 2)
        self.refresh()

    def _award_group(self) -> QGroupBox:
        group = QGroupBox(_("Award"))
        form = QFormLayout(group)
        self.award_bid = QComboBox()
        self.award_bid.setObjectName("award-bid")
        self.award_bid.currentIndexChanged.connect(self._bid_chosen)
        form.addRow(_("Bidder"), self.award_bid)
        self.set_aside = QLabel()  # why the other bids cannot be awarded (the core's refusal)
        self.set_aside.setObjectName("award-set-aside")
        self.set_aside.setWordWrap(True)
        form.addRow(self.set_aside)
        self.reason = QLineEdit()
        self.reason.setObjectName("award-reason")
        self.reason.setPlaceholderText(_("Required if not the top-ranked bid"))
        form.addRow(_("Reason"), self.reason)
        self.resolution_number = QLineEdit()
        self.resolution_number.setObjectName("resolution-number")
        form.addRow(_("Resolution no."), self.resolution_number)
        self.resolution_date = QLineEdit()
        self.resolution_date.setObjectName("resolution-date")
        self.resolution_date.setPlaceholderText(_("YYYY-MM-DD"))
        form.addRow(_("Resolution date"), self.resolution_date)
        self.signatory = QLineEdit()
        self.signatory.setObjectName("signatory")
        form.addRow(_("Signatory"), self.signatory)
        self.authority = QLineEdit()
        self.authority.setObjectName("delegated-authority")
        self.authority.setPlaceholderText(_("By-law or resolution that delegates"))
        form.addRow(_("Authority"), self.authority)
        self.standstill = QSpinBox()
        self.standstill.setObjectName("standstill-days")
        self.standstill.setRange(0, 365)
        self.standstill.valueChanged.connect(self._standstill_suffix)
        self._standstill_suffix(0)
        form.addRow(_("Standstill"), self.standstill)
        self.awarded_on = QLineEdit()
        self.awarded_on.setObjectName("awarded-on")
        self.awarded_on.setPlaceholderText(_("YYYY-MM-DD"))
        form.addRow(_("Award date"), self.awarded_on)
        self.signed_on = QLineEdit()
        self.signed_on.setObjectName("contract-signed-on")
        self.signed_on.setPlaceholderText(_("YYYY-MM-DD"))
        form.addRow(_("Contract signed on"), self.signed_on)
        self.contract_value = QLineEdit()
        self.contract_value.setObjectName("contract-value")
        self.contract_value.setPlaceholderText(_("CAD before taxes"))
        self._prices: dict[int, str] = {}
        self._filled_value = ""  # what the panel last put in the value field
        form.addRow(_("Contract value"), self.contract_value)
        self.award_button = QPushButton(_("Record the award"))
        self.award_button.setObjectName("record-award")
        self.award_button.clicked.connect(self.record_award)
        form.addRow(self.award_button)
        self.award_status = QLabel()
        self.award_status.setObjectName("award-status")
        self.award_status.setWordWrap(True)
        form.addRow(self.award_status)
        return group

    # -- showing ------------------------------------------------------------------

    def refresh(self) -> None:
        record = read(self.ctx.pf)
        inp = evaluation_input(self.ctx.project, record)
        result = bid_scoring.sensitivity(inp)
        names = {b.id: f"{b.id}. {b.bidder.legal_name}" for b in record.bids}
        self.rules.setText("\n".join(threshold_texts(inp, ui_language())))
        prices = {b.id: b.evaluated_price for b in record.bids}  # None while sealed
        self._results(result.base, names, prices)
        self._variants(result.variants, names)
        if not result.variants:
            self.holds.setText(_("No variant to compare yet: enter the members' sheets."))
        elif result.holds:
            self.holds.setText(_("The recommendation holds in every variant."))
        else:
            self.holds.setText(
                _(
                    "The recommendation changes in at least one variant: check the reasons before recommending."
                )
            )
        self._award(record, result.base, names)

    def _results(
        self, evaluation: Evaluation, names: dict[int, str], prices: dict[int, Decimal | None]
    ) -> None:
        """The ranking table: each bid's rank, status, quality, evaluated price (once its
        envelope is opened, as the evaluation report's scores table shows it), price score
        and total (walk 2026-12-07: the tab had no price column)."""
        quebec = self.ctx.project.evaluation.quebec_weighted  # the statute's interim and final scores
        for column, label in (
            (3, _("Interim score /100") if quebec else _("Quality")),
            (6, _("Final score") if quebec else _("Total")),
        ):
            self.results.setHorizontalHeaderItem(column, QTableWidgetItem(label))
        self.results.setColumnHidden(5, quebec)  # the statute's final score has no price score
        self.formula_note.setVisible(not quebec)  # its formula is set by statute, not chosen
        ordered = sorted(evaluation.results, key=lambda r: (r.rank is None, r.rank or 0, r.key))
        fill(
            self.results,
            [
                [
                    str(r.rank) if r.rank is not None else NONE,
                    names.get(r.key, str(r.key)),
                    _(STATUS_LABELS[r.status]),
                    score(r.quality_score),
                    amount(prices.get(r.key)),
                    score(r.price_score),
                    score(r.total),
                ]
                for r in ordered
            ],
        )
        if evaluation.recommended is not None:
            text = _("Recommended: {bid}", bid=names.get(evaluation.recommended, ""))
        elif not evaluation.complete:
            text = _("No recommendation yet: a bid is still being evaluated or its price is sealed.")
        elif evaluation.results and all(
            r.status in ("non_compliant", "below_threshold") for r in evaluation.results
        ):  # each bid was evaluated and none passed
            text = _("No recommendation: no bid passed the quality evaluation.")
        elif not any(r.status == "ranked" for r in evaluation.results):  # late, priced 0, none
            text = _("No recommendation: no bid can be ranked; the table gives each bid's status.")
        else:
            text = _("No recommendation: no bid is ranked first alone.")
        tie = TIE_TEXTS.get(evaluation.tie, "")
        self.recommended.setText(text + (f"\n{_(tie)}" if tie else ""))

    def _variants(self, variants: tuple[Variant, ...], names: dict[int, str]) -> None:
        members = {m.id: m.name for m in self.ctx.project.jury}
        rows = []
        for v in variants:
            if v.kind == "without_member":
                label = _("Without the sheet of {name}", name=members.get(v.member_id or 0, "?"))
            else:
                label = _("With the linear price formula")
            winner = v.evaluation.recommended
            rows.append(
                [
                    label,
                    names.get(winner, "") if winner is not None else NONE,
                    _("Yes") if v.same_order else _("No"),
                ]
            )
        fill(self.variants, rows)

    def _award(self, record: BidsRecord, evaluation: Evaluation, names: dict[int, str]) -> None:
        current = self.award_bid.currentData()
        self._prices = {bid.id: amount_field(bid.evaluated_price) for bid in record.bids if bid.opened}
        self.award_bid.blockSignals(True)  # the value is filled below, from the award
        self.award_bid.clear()
        self.award_bid.addItem(_("No award"), None)
        choices = award_rule.award_choices(self.ctx.project, record)
        award = record.award
        held = award.bid_id if award is not None else None  # an older file may hold another
        for bid in record.bids:
            if bid.id in choices.awardable or bid.id == held:
                self.award_bid.addItem(names[bid.id], bid.id)
        refused = choices.refused if record.opened else ()  # before the opening, none is opened
        self.set_aside.setText("\n".join(_(r.text, **r.params) for r in refused))
        self.set_aside.setVisible(bool(refused))
        chosen = award.bid_id if award is not None else (current or evaluation.recommended)
        self.award_bid.setCurrentIndex(max(self.award_bid.findData(chosen), 0))
        self.award_bid.blockSignals(False)
        if award is None:
            self._fill_value(self._prices.get(self.award_bid.currentData(), ""))
        if award is not None:
            self.reason.setText(award.reason_if_not_top)
            self.resolution_number.setText(award.resolution_number)
            self.resolution_date.setText(award.resolution_date)
            self.signatory.setText(award.signatory)
            self.authority.setText(award.delegated_authority)
            self.standstill.setValue(award.standstill_days)
            self.awarded_on.setText(award.awarded_on)
            self.signed_on.setText(award.contract_signed_on)
            self._fill_value(amount_field(award.contract_value))
            self.award_status.setText(
                _(
                    "Award recorded: {bid}",
                    bid=names.get(award.bid_id, NONE) if award.bid_id else _("No award"),
                )
            )
        else:
            self.award_status.setText(_("The award is recorded after the opening."))
        self.award_button.setEnabled(record.opened and not self.ctx.read_only)

    # -- editing ------------------------------------------------------------------

    def _standstill_suffix(self, days: int) -> None:
        """« 0 jour », « 2 jours », "1 day", "10 days": the suffix agrees with the count."""
        self.standstill.setSuffix(n_(" day", " days", days))

    def _fill_value(self, text: str) -> None:
        self.contract_value.setText(text)
        self._filled_value = text

    def _bid_chosen(self) -> None:
        """Another bidder chosen: the contract value shows that bid's evaluated price,
        unless the user typed a value of their own (walk 2026-12-07: a value kept from
        the bid chosen before was recorded as stated for this one, and the documents
        gave it as this bid's price)."""
        if self.contract_value.text().strip() == self._filled_value.strip():
            self._fill_value(self._prices.get(self.award_bid.currentData(), ""))

    def _value(self) -> str:
        """The contract value as typed, read in the app's language (``bids_common.
        parse_amount``: « 95 502,70 », "95,502.70" → ``"95502.70"``); what is not a number
        goes to the core as typed, which refuses it with its message."""
        text = self.contract_value.text().strip()
        value = parse_amount(text) if text else None
        return text if value is None else str(value)

    def record_award(self) -> None:
        """*Record the award* (module docstring): every field of the panel, so that the
        contract's signature date and value start the follow-up from the app."""
        record = read(self.ctx.pf)
        chosen = self.award_bid.currentData()
        if award_rule.needs_reason(self.ctx.project, record, chosen, self.reason.text()):
            dialogs.show_error(self, _(award_rule.NOT_TOP))
            self.reason.setFocus()
            return
        ok = self.ctx.do(
            done(evaluation_entry.set_award),
            self.award_bid.currentData(),
            reason_if_not_top=self.reason.text(),
            resolution_number=self.resolution_number.text(),
            resolution_date=self.resolution_date.text(),
            signatory=self.signatory.text(),
            delegated_authority=self.authority.text(),
            standstill_days=self.standstill.value(),
            awarded_on=self.awarded_on.text(),
            contract_signed_on=self.signed_on.text(),
            contract_value=self._value(),
        )
        if ok:
            self.refresh()
