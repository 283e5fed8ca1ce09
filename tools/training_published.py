"""Keep, in the bundled example ``training``, the documents it was published with
(walk 2026-12-06 point 13).

    python tools/training_published.py

The example is published on 2027-03-01; its JSON held the publication record but no
document, so its municipal file (``main.py archive``) had no ``published/`` tender: the
binding document bidders received was missing. This script publishes the example's
baseline model (``publishing.model``, the tender before addendum 1) in a scratch file
with the core's own ``publishing.publish.publish``, as the app records it when no final
document is attached (the tender exported then in each tender language, and the price
workbooks), and writes those documents into the example JSON under
``publishing.documents`` (``publishing.jsonform``: each with its SHA-256, the bytes in
base64), leaving the rest of the file as it was. The bytes are frozen from then on, as
a published document is: a later change to the document builders does not touch them.
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
EXAMPLE = ROOT / "resources" / "examples" / "training.json"


def main() -> int:
    from wizard.core.project_file import jsonio
    from wizard.core.project_file.store import ProjectFile
    from wizard.core.publishing.jsonform import to_json
    from wizard.core.publishing.publish import publish

    data = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    record = data["publishing"]
    baseline = jsonio.from_dict(record["model"])
    with (
        tempfile.TemporaryDirectory() as folder,
        ProjectFile.create(Path(folder) / "training.tender", baseline, origin="example") as pf,
    ):
        publish(pf, published_on=record["published_on"], moment=record["recorded_at"])
        published = to_json(pf)
    assert published is not None
    same = jsonio.from_dict(published["model"]) == baseline and published["release"] == record["release"]
    assert same, "the baseline would not be the one published"
    record["documents"] = published["documents"]
    EXAMPLE.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(EXAMPLE, [d["name"] for d in record["documents"]])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
