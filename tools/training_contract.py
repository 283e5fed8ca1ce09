"""Write the contract's follow-up of the bundled example ``training`` into its JSON
(issue 23 point 6).

    python tools/training_contract.py

The example carries the bids phase (``tools/training_bids.py``): *Apprentissage Fundy
inc.* awarded, the contract signed on 2027-05-25 for 95 502.70 $, starting on
2027-06-01. This script records, through the core's own operations
(``wizard/core/contract/``), what ``tests/core/contract_sample.follow`` holds: the
monthly fee (1 000 $), one amendment (two more training sessions, +1 800 $), two
monthly performance reports (June; July at 98.4 %, a 50 $ credit), a critical incident
and a year of payments (41 000.75 $, the credit deducted). It then writes the example
JSON with the key ``contract`` (``contract.jsonform``) and JSON version 6, leaving the
rest of the file as it was; the other examples get the version only.
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "core"))
EXAMPLES = ROOT / "resources" / "examples"


def main() -> int:
    from contract_sample import follow

    from wizard.core.contract.jsonform import all_tables, to_json
    from wizard.core.project_file import jsonio
    from wizard.core.project_file.store import ProjectFile

    for path in sorted(EXAMPLES.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        data["version"] = jsonio.VERSION
        if path.stem == "training":
            data.pop("contract", None)
            project, publishing, bids, _contract = jsonio.loads_with_contract(json.dumps(data))
            with (
                tempfile.TemporaryDirectory() as folder,
                ProjectFile.create(
                    Path(folder) / "training.tender",
                    project,
                    origin="example",
                    tables=all_tables(publishing, bids, None),
                ) as pf,
            ):
                follow(pf)
                data["contract"] = to_json(pf)
        path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
