"""The product and vendor names a project itself knows (docs/checks.md, "Brand names").

Besides the bundled list and the names the town adds (``extra_brands``), the project's
own market scan names products and vendors: a criterion or scenario that names a
scanned solution targets it as surely as one naming a famous brand (the guide's
direct targeting; red flag R007), so those names count as brand names too. A vendor's
description after its name ("Nimbus Software Corp. (reseller: …)") is left out.
"""

from __future__ import annotations

import re

from wizard.core.domain.brands import MIN_NAME
from wizard.core.model import Project

_AFTER_NAME = re.compile(r"\s*[(\[:;,].*$", re.S)


def known_names(project: Project) -> tuple[str, ...]:
    """The town's extra brand names, then the scanned solutions' names and vendors
    (each cut before a parenthesis or a colon), without blanks or repeats; names of
    fewer than :data:`~wizard.core.domain.brands.MIN_NAME` characters are left out
    (too likely to be ordinary words)."""
    names = [row.name for row in project.extra_brands]
    for solution in project.solutions:
        names += [solution.name, _AFTER_NAME.sub("", solution.vendor)]
    cleaned = (" ".join(name.split()) for name in names)
    return tuple(dict.fromkeys(name for name in cleaned if len(name) >= MIN_NAME))
