"""After the award: the contract's follow-up (issue 23, docs/contract.md).

* :mod:`.record` — what the file holds (schema 7 tables ``contract``,
  ``contract_amendments``, ``performance_reports``, ``incidents``, ``payments``) beside
  the award of schema 6, as frozen dataclasses: :func:`.record.read` gives a
  :class:`.record.Contract`, or ``None`` while no contract is signed. The signature date
  and the value are the award's (``bids.record.Award``), never copied.
* :mod:`.operations` — the terms, amendments, performance reports, incidents and
  payments, each one transaction journalled with the marker ``contract``.
* :mod:`.follow_up` — pure arithmetic: the reports the schedule expects and when each
  is due, the service credit a month's availability earns, spending by year beside the
  TCO forecast and the winning bid's prices.

Every function takes the open ``ProjectFile`` (or the record read from it); errors a
user can meet are :class:`ContractError`, whose ``str`` is bilingual and whose
``text`` / ``params`` the app translates.
"""

from __future__ import annotations

from wizard.core.i18n import bilingual


class ContractError(ValueError):
    """A contract action refused (nothing saved): ``text`` is an English message id
    (French in ``core.po``), ``params`` fill its placeholders; ``str`` is bilingual."""

    def __init__(self, text: str, **params: object) -> None:
        self.text = text
        self.params = params
        super().__init__(bilingual(text, **params))
