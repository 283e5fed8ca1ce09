"""Which fields of a published tender are its baseline (issue 21, docs/publishing.md).

Once a tender is published, bidders hold it: a change to what it says is an addendum,
numbered, dated and sent to every bidder, never a silent edit. The baseline is every
part of the project the tender prints: the sections and the entity lists below, and
the other language's versions of their texts (``translations`` rows whose address
starts with one of them). The market scan, the cost study, the vendor register, the
justifications of findings and the export settings stay editable: they belong to the
decision record and to the running of the call, not to the tender bidders received.

:func:`is_baseline` takes a field address of the model (``info.closing_date``,
``criteria:3.text``, ``criteria:3``) and says whether it is baseline. The store refuses
a baseline edit of a published project with :class:`BaselineField`
(``ProjectFile.set_field`` and the others), except while an addendum is applied
(``ProjectFile.amending``).
"""

from __future__ import annotations

from wizard.core.i18n import N_
from wizard.core.project_file.fileformat import ProjectFileError

BASELINE_SECTIONS = frozenset(
    {
        "info",
        "problem",
        "scope",
        "criteria_settings",
        "evaluation",
        "contract_data",
        "statement_of_work",
        "publication",
    }
)
"""Sections the tender prints: each of their fields is baseline."""

BASELINE_KINDS = frozenset(
    {"criteria", "scenarios", "quality_grid", "clause_choices", "publication_items", "designated_staff"}
)
"""Entity lists the tender prints: each of their rows is baseline."""


def head(address: str) -> str:
    """The section or list an address names: ``criteria:3.text`` → ``criteria``."""
    return address.split(":", 1)[0].split(".", 1)[0]


def is_baseline(address: str) -> bool:
    """Whether the field, row or list at ``address`` is part of the published tender
    (module docstring); an unknown head is not."""
    name = head(address)
    return name in BASELINE_SECTIONS or name in BASELINE_KINDS


class BaselineField(ProjectFileError):
    """An edit of a published tender's baseline outside an addendum; ``detail`` names
    the field. Nothing is saved."""

    reason = N_(
        "This part of the tender was published: it can change only through an addendum "
        "(Tender ▸ Addenda…), sent to every bidder."
    )
