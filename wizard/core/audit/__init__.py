"""Audit any tender document: the text checks, paragraph by paragraph (issue 19).

A town can check a draft it received (a vendor's template), or a neighbour's tender,
before reusing it. :func:`audit_document` reads the document
(:mod:`wizard.core.audit.reader`), gives each paragraph a *role* and runs on it the
checks ``lint`` runs on one text (:func:`wizard.core.checks.lint.lint_text`):

* ``criterion``: a paragraph or table cell of a section about criteria, requirements,
  specifications or deliverables, or, outside any known section, a sentence with a
  requirement verb ("must", "shall", « doit »): every criterion check (brands, possible
  names, pass/fail wording, one requirement per criterion).
* ``scenario``: a paragraph of a section about test scenarios or use cases: the
  scenario checks (brands, possible names).
* ``problem``: a paragraph of a section about the need, the problem, the context or the
  objective: the problem checks that judge a sentence (P-SOLUTION, P-INCUMBENT,
  P-BYPASS, P-PRESUME and the possible names); P-NEED, P-SCOPE and P-MISSING speak of a
  project's whole statement and are left out.
* ``text``: anything else (headings, contract clauses, dates, evaluation): only a named
  brand or product (C-BRAND), or a product's file format asked of bids
  (C-SUBMISSION-FORMAT).
* skipped: a section that lists excluded vendors, or one of instructions to bidders,
  submission of bids, questions, the portal or publication ("Instructions to bidders",
  « Dépôt des soumissions », "Questions"): naming the vendors, the tender portal (MERX,
  SEAO, SAP Ariba) or the channel for questions (Microsoft Forms) is the point there,
  and "describe the function instead" would be false. A requirement section under it
  ("Mandatory requirements") is still checked.

A section's role comes from its heading's words and holds for its sub-headings unless
one of them names another role. A PDF or a text file shows no depth for a plain
capitalised heading (:data:`~wizard.core.audit.reader.UNNUMBERED_LEVEL`): one whose
words say nothing ("Timetable" after "Instructions to bidders") continues the section
before it. The same text found twice (a criterion repeated in a
traceability table) is checked once and reported at each place. Messages cite the
paragraph's place ("paragraph 12", "table 3, row 2, cell 2"), never the throw-away
project's criterion number (:mod:`wizard.core.audit.wording`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from wizard.core.audit.reader import UNNUMBERED_LEVEL, DocumentError, Location, Paragraph, read_document
from wizard.core.audit.wording import located
from wizard.core.checks.base import Finding
from wizard.core.checks.lint import lint_text
from wizard.core.checks.wording import fold

ROLES = ("criterion", "scenario", "problem", "text")

_SECTION_ROLES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("excluded", re.compile(r"\b(?:exclu\w*|declined|ineligible|inadmissib\w*)")),
    (
        "criterion",
        re.compile(
            r"\b(?:criteri\w*|criteres?|requirements?|exigences?|specifications?|devis|cahier des charges"
            r"|scope of (?:work|services)|statement of work|deliverables?|livrables?|fonctionnalites"
            r"|functional|technical|techniques?|mandatory|obligatoires?|rated|cotes?|features?)\b"
        ),
    ),
    (
        "scenario",
        re.compile(r"\b(?:scenarios?|use cases?|cas d'utilisation|mises? en situation|demonstrations?)\b"),
    ),
    (
        "problem",
        re.compile(
            r"\b(?:problem\w*|problematique|needs?|besoins?|background|context\w*|purpose|objectives?"
            r"|objectifs?|objet|mise en contexte|current (?:situation|environment|system)|situation actuelle)\b"
        ),
    ),
    (
        "channel",
        re.compile(
            r"^\W*[\d.]*\s*(?:instructions?|submissions?|questions?)\W*$"
            r"|\binstructions? (?:to|for|aux|pour les|a l'intention des) (?:bidders|proponents|respondents"
            r"|tenderers|proposers|soumissionnaires)\b"
            r"|\b(?:bid|proposal|tender)s? submission\b|\bsubmission of (?:bids|proposals|tenders|offers)\b"
            r"|\bsubmitting (?:a |your )?(?:bid|proposal)s?\b|\bhow to (?:bid|submit)\b"
            r"|\b(?:depot|remise|transmission) des (?:soumissions|offres)\b"
            r"|\bquestions?\b|\binquir\w*|\benquir\w*|\bdemandes? de renseignements\b"
            r"|\b(?:tender|tendering|bid|bidding|procurement|purchasing|e-?tendering) portals?\b"
            r"|\bportails? (?:d'appels? d'offres|des fournisseurs|electroniques?)\b|\bseao\b"
            r"|\bplateformes? (?:d'appels? d'offres|electroniques? d'appels? d'offres)\b"
            r"|\bpublication (?:of the (?:tender|call|notice|bid)|de l'appel|de l'avis|des avis)\b"
        ),
    ),
    (
        "text",
        re.compile(
            r"\b(?:clauses?|contract\w*|contrat\w*|terms|conditions|instructions?|submission|soumissions?"
            r"|publication|addend\w*|key dates|dates|calendrier|contact|method|methode|table of contents"
            r"|table des matieres|scope|portee|evaluation|definitions?|glossar\w*|annex\w*|appendi\w*|forms?"
            r"|formulaires?)\b"
        ),
    ),
)
"""Heading words → the role of the section (first match wins; "excluded" lists vendors,
"channel" tells bidders how to submit or ask: both name vendors or portals on purpose)."""

_SKIPPED_SECTIONS = frozenset({"excluded", "channel"})

_REQUIREMENT = re.compile(
    r"\b(?:must|shall|(?:is|are|will be) required to|required|doi(?:t|vent)|devr(?:a|ont)|exige\w*|obligatoire)\b"
)

_PROBLEM_CODES = frozenset({"P-SOLUTION", "P-INCUMBENT", "P-BYPASS", "P-PRESUME"})
_TEXT_CODES = frozenset({"C-BRAND", "C-SUBMISSION-FORMAT"})


@dataclass(frozen=True)
class AuditedParagraph:
    """One paragraph of the document, the ``role`` it was checked as (one of
    :data:`ROLES`, or ``"skipped"`` for text without words, in a list of excluded
    vendors or in instructions to bidders), its ``findings`` and the ``section`` it is
    in (the text of the nearest heading before it, '' before the first)."""

    paragraph: Paragraph
    role: str
    findings: tuple[Finding, ...]
    section: str = ""

    @property
    def text(self) -> str:
        return self.paragraph.text

    @property
    def location(self) -> Location:
        return self.paragraph.location


def section_role(heading: str) -> str | None:
    """The role a heading gives its section ("criterion", "scenario", "problem", "text",
    ``"excluded"``, ``"channel"``), or ``None`` when its words say nothing."""
    folded = fold(heading)
    for role, pattern in _SECTION_ROLES:
        if pattern.search(folded):
            return role
    return None


def audit_paragraphs(
    paragraphs: list[Paragraph], lang: str = "en", role: str | None = None
) -> list[AuditedParagraph]:
    """Every paragraph of ``paragraphs`` with its role and findings, in order.

    ``lang`` ("fr" or "en") is the language of the throw-away project the checks run in;
    ``role``, when given (one of :data:`ROLES`), is used for every paragraph instead of
    the sections' roles. Raises ``ValueError`` for another role."""
    if role is not None and role not in ROLES:
        raise ValueError(f"unknown role {role!r}; choose one of: {', '.join(ROLES)}")
    sections: dict[int, str | None] = {}
    heading = ""
    cache: dict[tuple[str, str], tuple[Finding, ...]] = {}
    out: list[AuditedParagraph] = []
    for para in paragraphs:
        if para.heading:
            said = section_role(para.text)
            if said is None and para.level == UNNUMBERED_LEVEL:
                said = sections.get(para.level)  # "Timetable" after "Instructions to bidders"
            sections = {lvl: r for lvl, r in sections.items() if lvl < para.level}
            sections[para.level] = said
        where = heading
        if para.heading:
            heading = para.text
        current = next((r for _, r in sorted(sections.items(), reverse=True) if r), None)
        chosen = role or _role(para, current)
        if not any(ch.isalpha() for ch in para.text) or chosen == "skipped":
            out.append(AuditedParagraph(para, "skipped", (), where))
            continue
        key = (chosen, para.text)
        if key not in cache:
            cache[key] = _findings(chosen, para.text, lang)
        findings = tuple(located(f, para.location) for f in cache[key])
        out.append(AuditedParagraph(para, chosen, findings, where))
    return out


def document_language(paragraphs: list[Paragraph]) -> str | None:
    """The language most of ``paragraphs`` plainly read as, by the reader the addenda
    check uses on each text (``languages.written_language``): "fr" or "en"; ``None``
    when no paragraph tells or as many tell each. ``lint --file`` and the app's *Check
    a tender document…* check a document in this language (the user's when ``None``)."""
    from wizard.core.i18n.languages import written_language

    said = [written_language(p.text) for p in paragraphs]
    french, english = said.count("fr"), said.count("en")
    if french == english:
        return None
    return "fr" if french > english else "en"


def audit_document(path: Path, lang: str = "en", role: str | None = None) -> list[AuditedParagraph]:
    """:func:`audit_paragraphs` of the document at ``path``
    (:func:`~wizard.core.audit.reader.read_document`). Raises :class:`DocumentError`."""
    return audit_paragraphs(read_document(path), lang, role)


def _role(para: Paragraph, section: str | None) -> str:
    if para.heading:
        return "skipped" if section in _SKIPPED_SECTIONS else "text"
    if section in _SKIPPED_SECTIONS:
        return "skipped"
    if section in ROLES:
        return section
    return "criterion" if _REQUIREMENT.search(fold(para.text)) else "text"


def _findings(role: str, text: str, lang: str) -> tuple[Finding, ...]:
    if role == "text":
        return tuple(f for f in lint_text("criterion", text, lang) if f.code in _TEXT_CODES)
    found = lint_text(role, text, lang)
    if role == "problem":
        found = [f for f in found if f.code in _PROBLEM_CODES]
    return tuple(found)


def with_findings(audited: list[AuditedParagraph]) -> list[AuditedParagraph]:
    """The paragraphs of ``audited`` that have findings."""
    return [a for a in audited if a.findings]


__all__ = [
    "ROLES",
    "AuditedParagraph",
    "DocumentError",
    "Location",
    "Paragraph",
    "audit_document",
    "audit_paragraphs",
    "read_document",
    "section_role",
    "with_findings",
]
