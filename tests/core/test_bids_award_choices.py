"""The bids an award can go to, as the core decides them (``award_rule.award_choices``):
the app's award panel offered the bids the published rules set aside (a mandatory
criterion failed, below the pass threshold, late) and the core refused them only once
picked. The bundled training example holds one bid of each kind: bid 1 ranked first (the
clean twin), bid 2 fails OBL-4, bid 3 is below the pass threshold, bid 4 came late."""

from __future__ import annotations

import pytest

from wizard.core.bids import BidsError, award_rule, evaluation_entry
from wizard.core.bids.jsonform import record_tables
from wizard.core.bids.record import read
from wizard.core.examples import load_example_with_records
from wizard.core.i18n import tr
from wizard.core.project_file.store import ProjectFile


@pytest.fixture
def training(tmp_path):
    project, publishing, bids = load_example_with_records("training")
    with ProjectFile.create(
        tmp_path / "t.tender", project, origin="example", tables=record_tables(publishing, bids)
    ) as pf:
        yield pf


def test_only_the_bid_the_rules_keep_can_be_awarded(training):
    choices = award_rule.award_choices(training.project, read(training))
    assert choices.awardable == (1,)
    assert [(r.bid_id, tr(r.text, "en", **r.params)) for r in choices.refused] == [
        (
            2,
            "Bid 2 fails the mandatory criterion OBL-4: the published rules set it aside, it cannot be awarded.",
        ),
        (3, "Bid 3 is below the pass threshold: the published rules set it aside, it cannot be awarded."),
        (
            4,
            "Bid 4 was received after the closing: it is kept on record, its price workbook was never "
            "opened, and it cannot be awarded.",
        ),
    ]
    assert tr(choices.refused[0].text, "fr", **choices.refused[0].params) == (
        "La soumission 2 échoue au critère obligatoire OBL-4\u00a0: les règles publiées l’écartent, le "
        "contrat ne peut pas lui être adjugé."
    )


def test_each_refusal_is_the_one_set_award_raises(training):
    """What a screen says in advance is what the core says when asked: same text, same
    placeholders, for every bid it refuses; the awardable bid is accepted."""
    record = read(training)
    for found in award_rule.award_choices(training.project, record).refused:
        with pytest.raises(BidsError) as caught:
            evaluation_entry.set_award(training, found.bid_id, reason_if_not_top="Local supplier")
        assert (caught.value.text, caught.value.params) == (found.text, dict(found.params))
    assert read(training).award == record.award
    # the clean twin: bid 1, offered, is accepted
    evaluation_entry.set_award(training, 1, resolution_number="2027-05-119")
    assert read(training).award.resolution_number == "2027-05-119"


def test_no_refusal_for_a_ranked_bid_nor_an_unknown_one(training):
    record = read(training)
    assert award_rule.refusal(training.project, record, 1) is None
    assert award_rule.refusal(training.project, record, 99) is None
