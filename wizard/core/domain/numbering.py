"""How the documents number what bidders cite: criteria ("M-1", "OBL-1") and test
scenarios ("S-1"). The tender, the decision record, the CSV files and the app use these
numbers, so a bidder, the jury and a council member all cite the same ones."""

from __future__ import annotations

from wizard.core.i18n import tr
from wizard.core.i18n.languages import binding_language, is_bilingual
from wizard.core.model import Project


def criterion_numbers(project: Project, lang: str) -> dict[int, str]:
    """Criterion id → its label in the tender ("M-1", "O-2"; "OBL-1", "OPT-2" in French).

    A tender published in both languages numbers its criteria the same way in both
    versions, with the binding version's prefixes, so bidders answering in either
    language cite the same numbers.
    """
    numbers: dict[int, str] = {}
    counters = {"mandatory": 0, "optional": 0}
    if is_bilingual(project):
        lang = binding_language(project)
    prefixes = {"mandatory": tr("M", lang), "optional": tr("O", lang)}
    for criterion in project.criteria:
        kind = criterion.kind if criterion.kind in counters else "mandatory"
        counters[kind] += 1
        numbers[criterion.id] = f"{prefixes[kind]}-{counters[kind]}"
    return numbers


def scenario_label(number: int) -> str:
    """The short id of the ``number``-th scenario in the tender: "S-1", "S-2" …"""
    return f"S-{number}"
