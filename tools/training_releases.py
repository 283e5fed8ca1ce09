"""Date the OCDS releases the bundled example ``training`` keeps by its own days
(walk 2026-12-07).

    python tools/training_releases.py

The example's publication record holds the ``tender`` release published on
2027-03-01 and the ``tenderUpdate`` of addendum 1, issued on 2027-03-12. They were
recorded when a release took the clock time of the publish or issue run (10:00, 11:00),
while the core now dates them by their days, at the end of the day in the Town's zone
(``publish.publish``, ``addenda.issue``, docs/open-data.md), as it dates the award and
contract releases. Since a release's id is derived from its content, date included
(``opendata.identity``), the example's ids then depended on when it was made.

This script keeps what each release published and re-dates it by the example's own
data: the ``tender`` release by ``publishing.published_on``, each issued addendum's
release (and its amendment) by its ``issued_on``, both in the zone of the province of
the published model; the ids follow (``identity.with_id``, ``identity.tender_update``,
each addendum amending the release before it). It writes the example JSON, leaving the
rest as it was; run again, it changes nothing (``tests/core/test_training_releases.py``).
"""

from __future__ import annotations

import copy
import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
EXAMPLE = ROOT / "resources" / "examples" / "training.json"


def redated(publishing: dict[str, Any]) -> dict[str, Any]:
    """A copy of the example's ``publishing`` record whose releases are dated by its days
    (module docstring), with the ids their content then gives."""
    from wizard.core.opendata.identity import tender_update, with_id
    from wizard.core.opendata.milestones import end_of
    from wizard.core.project_file import jsonio

    record = copy.deepcopy(publishing)
    info = jsonio.from_dict(record["model"]).info
    release = {key: value for key, value in record["release"].items() if key != "id"}
    release["date"] = end_of(info, record["published_on"])
    record["release"] = previous = with_id(release)
    issued = [a for a in record["addenda"] if a.get("state") == "issued" and a.get("release")]
    for addendum in sorted(issued, key=lambda a: a["number"]):
        current = {key: value for key, value in addendum["release"].items() if key != "id"}
        amendments = current.get("tender", {}).pop("amendments", [])
        rationale = amendments[-1]["rationale"] if amendments else f"Addendum {addendum['number']}"
        current["date"] = end_of(info, addendum["issued_on"])
        addendum["release"] = previous = tender_update(previous, current, rationale)
    return record


def main() -> int:
    data = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    data["publishing"] = redated(data["publishing"])
    EXAMPLE.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(EXAMPLE, data["publishing"]["release"]["id"])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
