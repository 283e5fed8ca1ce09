"""After the closing: the bids received on the published tender and their evaluation
(issue 22, docs/bids.md).

* :mod:`.record` — what the file holds (schema 6 tables ``bidders``, ``bids``,
  ``bid_acknowledgements``, ``sealed_workbooks``, the evaluation, the quality lock, the
  opening of the price envelopes, the award) as frozen dataclasses: :func:`.record.read`
  gives a :class:`.record.BidsRecord`. Sealed prices are never part of it.
* :mod:`.intake` — bids received (late ones recorded, never opened), the addenda each
  acknowledges, the price workbook kept sealed (bytes and SHA-256, not read).
* :mod:`.evaluation_entry` — mandatory results, the technical committee's verification
  of each scenario, each jury member's sheet, the consensus, the lock of the quality
  scores, the award.
* :mod:`.opening` — the opening of the price envelopes: each workbook re-hashed against
  its fingerprint, its version and structure checked, its amounts read from the input
  cells and the evaluated price recomputed in the core.

These tables are not entity lists of the model: the record of the bids sits beside the
tender in the same file, like the publication record (``wizard/core/publishing/``).
Every function takes the open ``ProjectFile``; errors a user can meet are
:class:`BidsError`, whose ``str`` is bilingual and whose ``text`` / ``params`` the app
translates.
"""

from __future__ import annotations

from wizard.core.i18n import bilingual


class BidsError(ValueError):
    """A bids action refused (nothing saved): ``text`` is an English message id (French
    in ``core.po``), ``params`` fill its placeholders; ``str`` is bilingual."""

    def __init__(self, text: str, **params: object) -> None:
        self.text = text
        self.params = params
        super().__init__(bilingual(text, **params))
