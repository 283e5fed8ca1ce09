"""How the documents number what bidders cite: criteria ("M-1", "OBL-1"), test scenarios
("S-1") and contract clauses (1, 2, 3 …). The tender, the decision record, the CSV
files, the findings and the app's lists use these numbers, so a bidder, the jury and a
council member all cite the same ones — never a row id of the project file (docs/cases.md
K32).

Blank rows (:func:`wizard.core.textclean.is_blank_row`) are not printed, so they take no
number: the numbers here are those of the documents, which are built from the project
without them (``textclean.clean_project``).

* :func:`criterion_numbers`, :func:`scenario_numbers`, :func:`grid_numbers` (Québec's
  quality grid, "G-1"), :func:`clause_numbers`: row id
  (clause id) → number, for a whole list.
* :func:`label_of` ``(project, address, lang)``: how the documents in ``lang`` name the
  row of a model address ("criteria:8.text" → "M-5"; "scenarios:3" → "S-2";
  "clause_choices:4.custom_fr" → "3. Governing law").
* :func:`localized_label`, :func:`criterion_labels`: the same in both languages, as a
  finding's parameter.
"""

from __future__ import annotations

from wizard.core.clauses import library
from wizard.core.domain.addresses import parse_address
from wizard.core.i18n import Localized, tr
from wizard.core.i18n.languages import binding_language
from wizard.core.memo import per_pass
from wizard.core.model import Project
from wizard.core.textclean import is_blank_row


def criterion_numbers(project: Project, lang: str) -> dict[int, str]:
    """Criterion id → its label in the tender ("M-1", "O-2"; "OBL-1", "OPT-2" in French).

    Every copy numbers the criteria with the binding version's prefixes, whatever
    ``lang``: both versions of a bilingual tender, a translation for information
    (``i18n.languages.is_translation``) and the decision record cite the numbers of the
    text that binds, so a bidder, the jury and council cite the same ones. ``lang`` is
    kept for the callers; it no longer changes the numbers.
    """
    return per_pass(project, _criterion_numbers)


def _criterion_numbers(project: Project) -> dict[int, str]:
    numbers: dict[int, str] = {}
    counters = {"mandatory": 0, "optional": 0}
    lang = binding_language(project)
    prefixes = {"mandatory": tr("M", lang), "optional": tr("O", lang)}
    for criterion in project.criteria:
        if is_blank_row("criteria", criterion):
            continue
        kind = criterion.kind if criterion.kind in counters else "mandatory"
        counters[kind] += 1
        numbers[criterion.id] = f"{prefixes[kind]}-{counters[kind]}"
    return numbers


def criterion_labels(project: Project) -> dict[int, Localized]:
    """Criterion id → its number in both languages (``Localized(fr="OBL-1", en="M-1")``),
    for findings: computed once per check, whatever the number of findings (once per
    check run or export: ``memo.per_pass``)."""
    return per_pass(project, _criterion_labels)


def _criterion_labels(project: Project) -> dict[int, Localized]:
    numbers = per_pass(project, _criterion_numbers)  # the binding language's; shared with criterion_numbers
    return {cid: Localized(fr=label, en=label) for cid, label in numbers.items()}


def scenario_label(number: int) -> str:
    """The short id of the ``number``-th scenario in the tender: "S-1", "S-2" …"""
    return f"S-{number}"


def scenario_numbers(project: Project) -> dict[int, str]:
    """Scenario id → its label in the tender ("S-1" …), in project order; a blank
    scenario (no text at all) is not printed and has no number. The same in French and
    English."""
    shown = [s for s in project.scenarios if not is_blank_row("scenarios", s)]
    return {s.id: scenario_label(n) for n, s in enumerate(shown, start=1)}


def grid_label(number: int) -> str:
    """The short id of the ``number``-th item of Québec's quality grid: "G-1", "G-2" …
    (grille / grid: the same in French and English)."""
    return f"G-{number}"


def grid_numbers(project: Project) -> dict[int, str]:
    """Quality-grid item id → its label ("G-1" …), in the order the tender's grid table
    prints the items; a blank item is not printed and has no number. The command line's
    ``--grid`` entries, the jury tab and the evaluation report use it."""
    shown = [i for i in project.quality_grid if not is_blank_row("quality_grid", i)]
    return {i.id: grid_label(n) for n, i in enumerate(shown, start=1)}


def clause_numbers(project: Project) -> dict[str, int]:
    """Clause id → its number in the tender (1, 2, 3 …: the clauses the project keeps,
    in tender order, as Word's list numbers them). A clause left out has none."""
    return {c.id: n for n, c in enumerate(library.included_clauses(project), start=1)}


def clause_label(project: Project, clause_id: str, lang: str) -> str:
    """How the tender in ``lang`` heads clause ``clause_id``: "3. Governing law" ("3. Droit
    applicable"); its title alone when the tender leaves it out; the id itself for a
    clause the library does not know."""
    try:
        title = library.clause(clause_id).title(lang, project)
    except KeyError:
        return clause_id
    number = clause_numbers(project).get(clause_id)
    return f"{number}. {title}" if number is not None else title


def label_of(project: Project, address: str, lang: str) -> str:
    """How the documents in ``lang`` name the row at the model ``address``: a criterion's
    number ("criteria:8.text" → "M-5", "OBL-5" in French), a scenario's ("scenarios:3"
    → "S-2"), a clause's number and title ("clause_choices:4.custom_fr" → "3. Governing
    law"). '' for a row the documents do not print (a blank one, a row that does not
    exist) and for any other address. Never raises."""
    where = parse_address(address)
    if where.row_id is None:
        return ""
    if where.kind == "criteria":
        return criterion_numbers(project, lang).get(where.row_id, "")
    if where.kind == "scenarios":
        return scenario_numbers(project).get(where.row_id, "")
    if where.kind == "clause_choices":
        choice = project.find("clause_choices", where.row_id)
        return clause_label(project, choice.clause_id, lang) if choice is not None else ""
    return ""


def localized_label(project: Project, address: str) -> Localized:
    """:func:`label_of` in French and in English, for a finding's message (its language
    is chosen when it is shown)."""
    return Localized(fr=label_of(project, address, "fr"), en=label_of(project, address, "en"))


def localized_clause(project: Project, clause_id: str) -> Localized:
    """:func:`clause_label` in French and in English, for a finding's message."""
    return Localized(fr=clause_label(project, clause_id, "fr"), en=clause_label(project, clause_id, "en"))
