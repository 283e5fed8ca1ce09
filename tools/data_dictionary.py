"""Write the data dictionary of the open-data CSV files, docs/data-dictionary.md.

    python tools/data_dictionary.py            # rewrite the file
    python tools/data_dictionary.py --check    # exit 1 when the file is out of date

The text comes from the columns of ``wizard/core/opendata/csv_export.py`` and the
labels of the codes (``wizard.core.opendata.dictionary``); run this after changing a
column or a code. ``tests/core/test_csv_export.py`` fails while the file is stale.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
NOTE = ROOT / "docs" / "data-dictionary.md"


def main(argv: list[str] | None = None) -> int:
    from wizard.core.opendata.dictionary import markdown

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only say whether the file is up to date")
    args = parser.parse_args(argv)
    text = markdown()
    current = NOTE.read_text(encoding="utf-8") if NOTE.exists() else ""
    if args.check:
        if current != text:
            print(
                f"{NOTE.relative_to(ROOT)} is out of date: run python tools/data_dictionary.py",
                file=sys.stderr,
            )
            return 1
        return 0
    if current != text:
        NOTE.write_text(text, encoding="utf-8", newline="\n")
        print(f"updated {NOTE.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
