"""Write the catalogue of finding codes into docs/checks.md, between its markers.

    python tools/finding_codes.py            # rewrite the table
    python tools/finding_codes.py --check    # exit 1 when the table is out of date

The table comes from the checks' source (``wizard.core.checks.catalogue``); run this
after adding or changing a check. ``tests/core/test_finding_catalogue.py`` fails while
the table in the note differs from what the code gives.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
NOTE = ROOT / "docs" / "checks.md"


def main(argv: list[str] | None = None) -> int:
    from wizard.core.checks import catalogue

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only say whether the table is up to date")
    args = parser.parse_args(argv)
    missing = catalogue.unresolved()
    if missing:
        print(f"finding codes the source does not tell: {', '.join(missing)}", file=sys.stderr)
        return 1
    text = NOTE.read_text(encoding="utf-8")
    updated = catalogue.replace_table(text, catalogue.markdown())
    if args.check:
        if updated != text:
            print(
                f"{NOTE.relative_to(ROOT)} is out of date: run python tools/finding_codes.py", file=sys.stderr
            )
            return 1
        return 0
    if updated != text:
        NOTE.write_text(updated, encoding="utf-8")
        print(f"updated {NOTE.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
