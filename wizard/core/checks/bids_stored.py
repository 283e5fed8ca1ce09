"""Entries of the bids record that a project file keeps and ``load`` refuses (written by
an earlier version, or by hand with SQLite): said on the bid, never replaced
(docs/bids.md, "The bids as JSON"; ``checks/stored.py`` for the project's own values).

* ``BD-REPEATED`` (error): one bid's result for one mandatory criterion, verification of
  one scenario, or consensus points for one optional criterion entered twice or more.
  The tables have no ``UNIQUE`` constraint (schema 6 is frozen); the evaluation reads
  the last entry, the evaluation report prints each. Entering it again replaces them all
  (``bids.evaluation_entry``), while the scores can still change.
* ``BD-CHOICE`` (error): a scenario verification whose result is not one of
  ``confirmed``, ``refuted``, ``pending``.

Fields: ``bids:{id}.mandatory``, ``bids:{id}.verifications``, ``bids:{id}.consensus``,
as the other findings on a bid; the criterion and the scenario by their labels in the
tender (M-1, S-2).
"""

from __future__ import annotations

from collections import Counter

from wizard.core.bids.record import VERIFICATION_RESULTS, Bid, BidsRecord
from wizard.core.checks import principles
from wizard.core.checks.base import Finding, Severity, finding
from wizard.core.domain.numbering import criterion_labels, scenario_numbers
from wizard.core.i18n import N_, Localized
from wizard.core.model import Project
from wizard.core.project_file import expected

_REPEATED = N_(
    "{what} for {name} is entered {count} times in the file, written by an earlier version or by "
    "hand: the evaluation reads the last one and the evaluation report prints each. Entering it again "
    "replaces them all."
)

_WHAT = {
    "mandatory": N_("The result of criterion {label}"),
    "verifications": N_("The verification of scenario {label}"),
    "consensus": N_("The consensus points of criterion {label}"),
}


def _label(labels: dict[int, Localized], key: int) -> Localized:
    return labels.get(key) or Localized(fr=f"#{key}", en=f"#{key}")


def _repeated(
    bids: dict[int, Bid], kind: str, keys: list[tuple[int, int]], labels: dict[int, Localized]
) -> list[Finding]:
    found: list[Finding] = []
    for (bid_id, key), count in Counter(keys).items():
        if count > 1 and bid_id in bids:
            what = Localized.of(_WHAT[kind], label=_label(labels, key))
            found.append(
                finding(
                    "BD-REPEATED",
                    Severity.ERROR,
                    _REPEATED,
                    f"bids:{bid_id}.{kind}",
                    principles.TRANSPARENCY,
                    what=what,
                    name=bids[bid_id].bidder.legal_name,
                    count=count,
                )
            )
    return found


def check_bids_stored(project: Project, record: BidsRecord) -> list[Finding]:
    """Every finding of the module docstring on ``record``, the bids of ``project``."""
    bids = {b.id: b for b in record.bids}
    criteria = criterion_labels(project)
    scenarios = {sid: Localized(fr=label, en=label) for sid, label in scenario_numbers(project).items()}
    found = (
        _repeated(bids, "mandatory", [(m.bid_id, m.criterion_id) for m in record.mandatory], criteria)
        + _repeated(
            bids, "verifications", [(v.bid_id, v.scenario_id) for v in record.verifications], scenarios
        )
        + _repeated(bids, "consensus", [(c.bid_id, c.criterion_id) for c in record.consensus], criteria)
    )
    for v in record.verifications:
        if v.result not in VERIFICATION_RESULTS and v.bid_id in bids:
            found.append(
                finding(
                    "BD-CHOICE",
                    Severity.ERROR,
                    N_(
                        "The verification of scenario {label} for {name} holds \u201c{value}\u201d, which is not "
                        "one of its results ({choices}): the file keeps it as it was written, by an earlier "
                        "version of the app or by hand, but the evaluation does not know what it means. "
                        "Entering the verification again replaces it."
                    ),
                    f"bids:{v.bid_id}.verifications",
                    principles.TRANSPARENCY,
                    label=_label(scenarios, v.scenario_id),
                    name=bids[v.bid_id].bidder.legal_name,
                    value=v.result,
                    choices=expected.choices(VERIFICATION_RESULTS),
                )
            )
    return found
