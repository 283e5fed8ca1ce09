"""Claims: the sentences of the documents that state a fact about the project (docs/claims.md).

A tender or a decision record says two kinds of things: obligations the contract
imposes ("The Contractor keeps the Town's data in Canada"), which are true by being
written, and statements of fact about this project ("The selection committee does not
include any author of this tender"), which are true only if the project says so. A
losing bidder reads the second kind closely: a false one is a ground for a challenge.

Every statement of fact is a :class:`Claim`: the sentence, the function of the project
that decides whether it holds (``True``, ``False``, or ``None`` when the project does
not tell), the true statement to print instead when it does not hold (or nothing), and
the code of the finding that explains to the user why the sentence was left out.
Documents and clause templates never print such a sentence themselves: they ask
:func:`statement` (or read :func:`verdicts` in a clause's context).

Claims are registered by the modules of this package, one per document
(``tender.py``, ``record.py``); :data:`CLAIMS` holds them all, keyed by id.
``tests/core/test_claims.py`` runs the table: for each claim, a project where it holds
(printed) and one where it does not (absent or replaced, the finding present).
"""

from __future__ import annotations

from wizard.core.claims import record, tender  # noqa: E402,F401  (register their claims)
from wizard.core.claims.base import CLAIMS, Claim, chosen, claim, statement, verdict, verdicts

__all__ = ["CLAIMS", "Claim", "chosen", "claim", "statement", "verdict", "verdicts"]
