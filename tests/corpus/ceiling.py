"""How far a detector of product names by shape alone could go on the corpus.

    python tests/corpus/ceiling.py [--split tune|held]

Adds to the brand findings of the checks, as a *hypothetical* detector, every word that
starts with a capital, is not the first word of its sentence or clause, and is not an
ordinary word (``brands.ordinary_word``: the dictionaries of English and French words, the
app's own texts) — the broadest rule a shape can give without knowing the name. It prints
the figures :mod:`measure` prints for brand and neutral sentences (no text): recall on
brand sentences and false alarms on neutral ones. Nothing in the app uses this rule; it
measures the ceiling of "possible names" without knowledge (tests/corpus/README.md,
"How far shapes can go"). The held-out split may be measured (figures only), as
``measure.py`` allows.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import measure  # noqa: E402

from wizard.core.domain import brands  # noqa: E402

WORD = re.compile(r"[^\W\d_][\w+&'’.-]*[\w+]|[^\W\d_]")
CLAUSE_START = ".:;!?•-–—(«\"“'’"


def shape_names(text: str, *, acronyms: bool = True) -> list[str]:
    """Every capitalised word of ``text`` not at a sentence's or clause's start and not an
    ordinary word (words all in capitals only when ``acronyms``): the candidates of a
    shape-only detector."""
    names = []
    for found in WORD.finditer(text):
        word = found.group(0).rstrip(".")
        before = text[: found.start()].rstrip()
        if not word[:1].isupper() or not before or before[-1] in CLAUSE_START:
            continue
        if brands.ordinary_word(word) or (not acronyms and word.isupper()):
            continue
        names.append(word)
    return names


def ceiling(items: list[measure.Item], *, acronyms: bool = True) -> measure.Figures:
    """The brand and neutral figures with :func:`shape_names` added to the checks' names."""
    figures = measure.Figures()
    for item in items:
        if item.kind == "problem":
            continue
        names = [n for f in measure.brand_findings(item.text, item.lang) for n in measure.detected_names(f)]
        names += shape_names(item.text, acronyms=acronyms)
        if item.kind == "neutral":
            figures.neutral += 1
            figures.alarms += bool(names)
            continue
        hits = sum(1 for label in item.label if measure._named(label, names))
        figures.brand += 1
        figures.recalled += hits > 0
        figures.names += len(item.label)
        figures.names_found += hits
    return figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=("tune", "held"), default="tune")
    args = parser.parse_args(argv)
    items = [i for i in measure.load() if i.split == args.split]
    for acronyms in (True, False):
        figures = ceiling(items, acronyms=acronyms)
        rule = "every capitalised word" if acronyms else "acronyms left out"
        print(
            f"{args.split}, {rule}: brand recall {figures.rate('recall'):.1%} "
            f"({figures.recalled}/{figures.brand}), names {figures.rate('names'):.1%} "
            f"({figures.names_found}/{figures.names}), false alarms {figures.rate('false_alarms'):.1%} "
            f"({figures.alarms}/{figures.neutral})"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
