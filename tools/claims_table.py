"""Write the table of every claim into docs/claims.md, between its markers.

    python tools/claims_table.py            # rewrite the table
    python tools/claims_table.py --check    # exit 1 when the table is out of date

The table comes from the registered claims (``wizard.core.claims.table``); run this
after adding or changing a claim. ``tests/core/test_claims.py`` fails while the table
in the note differs from what the code gives.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
NOTE = ROOT / "docs" / "claims.md"


def main(argv: list[str] | None = None) -> int:
    from wizard.core.claims import table

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only say whether the table is up to date")
    args = parser.parse_args(argv)
    text = NOTE.read_text(encoding="utf-8")
    updated = table.replace_table(text, table.markdown())
    if args.check:
        if updated != text:
            print(
                f"{NOTE.relative_to(ROOT)} is out of date: run python tools/claims_table.py", file=sys.stderr
            )
            return 1
        return 0
    if updated != text:
        NOTE.write_text(updated, encoding="utf-8")
        print(f"updated {NOTE.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
