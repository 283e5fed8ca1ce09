"""Checks of the two language versions of the user's texts (issue 16, docs/bilingual.md).

* ``PR-TRANSLATION`` (warning, project step code): for each language the tender is
  published in, the texts that have no version in it (``translatable.missing``). One
  finding per language, pointing at the first such text (a click opens it; once it is
  translated the finding points at the next), its message listing them all as the
  documents name them ("Criterion M-2", "Scenario's steps S-1"). The documents print a
  bilingual marker there and the publishing gate counts each one.
* The text checks on the other version (``checks.version_findings``, in the package
  module: it re-emits the codes of the other checks): the checks run again
  on the project as the other published language reads it, and every finding on a
  translated text (a brand name, a P-code, C-NOT-BINARY …) that the text language's
  version does not already give says which version it concerns ("In the English
  version: …"). Same code, same field: a justification covers both versions.
* ``PR-TEXT-LANGUAGE``: a translatable text (a criterion, a scenario, the statement of
  the need …) or a clause's own text whose version in one language plainly reads as
  the other (``languages.written_language``, the reader of ``PR-ADDENDUM-LANGUAGE``):
  the French criterion typed in the English tender's field. For a text the tender
  prints (:data:`TENDER_FIELDS`, a clause's) it is an error for a language the tender
  is published in, so the publishing gate and ``export --strict`` stop on it, and a
  warning for a version kept in another; for a text only the decision record or the
  vendor register prints (a justification's reason, a vendor exchange's subject) a
  warning that names that document. A text of fewer than :data:`MIN_WORDS` words (a
  name, a number, a code, a short title), a quoted title and the fields of names and
  places (:data:`NOT_READ`) say nothing.

Guide principle: every supplier reads the same call for tenders, whatever its
language; a bilingual tender is two whole documents.
"""

from __future__ import annotations

import re
from functools import lru_cache

from wizard.core.checks import principles
from wizard.core.checks.base import Finding, Severity, finding
from wizard.core.domain.addresses import parse_address
from wizard.core.domain.numbering import label_of
from wizard.core.i18n import N_, Localized, Plural, tr
from wizard.core.i18n.languages import tender_languages, written_language
from wizard.core.model import Project, translatable

SHOWN = 12
"""How many missing texts a message names before "and N more"."""

LANGUAGE_ADJECTIVES = {
    "fr": Localized(fr="française", en="French"),
    "en": Localized(fr="anglaise", en="English"),
}
"""The version's language as the messages say it ("no English version", « version anglaise »)."""

IN_VERSION = N_("In the {version} version: {message}")
"""How a finding on a translated text says which version it concerns."""


def describe(project: Project, address: str, lang: str) -> str:
    """How a message in ``lang`` names the text at ``address``: its field's label, with
    the row's number as the documents print it (M-2, S-1) or its position in its list."""
    name = tr(translatable.label(address) or address, lang)
    where = parse_address(address)
    if where.row_id is None:
        return name
    number = label_of(project, address, lang)
    if not number:
        ids = [row.id for row in project.rows(where.kind)] if where.kind in translatable.TRANSLATABLE else []
        number = f"{ids.index(where.row_id) + 1}" if where.row_id in ids else f"#{where.row_id}"
    return f"{name} {number}"


MIN_WORDS = 4
"""The fewest words a text must have before ``PR-TEXT-LANGUAGE`` reads its language: a
name, a criterion’s number, a figure or a title of two or three words never fires."""

_HYPHENATED = re.compile(r"[^\s-]+(?:-[^\s-]+)+")
"""A hyphenated name (« Rivière-aux-Pins », « Nouveau-Brunswick »), code or date: a place's
name keeps its words in any language, so it is read as no word of either."""

LANGUAGE_NAMES = {"fr": Localized(fr="français", en="French"), "en": Localized(fr="anglais", en="English")}
"""The language a text reads as, as the messages say it."""

WRONG_LANGUAGE = N_(
    "{subject} reads as {found}, yet it is the tender's {version} version, which bidders read "
    "as it is written: type it in {language}."
)
"""``PR-TEXT-LANGUAGE``: a text of the tender typed in the other language."""

WRONG_LANGUAGE_ELSEWHERE = N_(
    "{subject} reads as {found}, yet it is its {version} version, which the {document} prints "
    "as it is written: type it in {language}."
)
"""``PR-TEXT-LANGUAGE`` (a warning): a text only the decision record or the vendor register
prints, typed in the other language; bidders never read it."""

TENDER_FIELDS = frozenset(
    [
        "info.title",
        "info.officer_title",
        "info.submission_method",
        "problem.statement",
        "problem.context",
        "evaluation.tie_break",
        "evaluation.pilot_description",
        "statement_of_work.object",
        "statement_of_work.quantities_notes",
        "statement_of_work.other_deliverables",
        "publication.translation_notes",
        "criteria.text",
        "quality_grid.label",
        "scenarios.title",
        "scenarios.context",
        "scenarios.steps",
        "scenarios.expected_result",
        "scenarios.evidence",
    ]
)
"""The translatable fields (``kind.attribute``) that the tender, and so its addenda, prints
(``documents.tender``; ``tests/core/test_text_language.py`` keeps the list honest). Every
other field prints only in the decision record, and the vendor exchanges in the vendor
register too: a version in the other language there is a warning."""

ELSEWHERE = {
    "vendor_exchanges": Localized(fr="registre des fournisseurs", en="vendor register"),
}
"""The document named for a field outside :data:`TENDER_FIELDS`, by its list; the
decision record for any other."""

DECISION_RECORD = Localized(fr="dossier de décision", en="decision record")


_TEMPLATE = re.compile(r"\{%.*?%\}|\{\{.*?\}\}|\{#.*?#\}", re.DOTALL)
"""A clause's template tags (« {% for v in excluded_vendors %} », « {{ organization }} »):
their words (for, in, and, not) are the template language's, not English."""

NOT_READ = frozenset(
    [
        "info.contact_address",
        "problem.requesting_unit",
        "business_units.name",
        "partners.name",
        "features.name",
        "tco_options.name",
        "cost_lines.payer",
        "contract_data.opening_place",
        "publication.provincial_platform",
        "publication.free_platforms",
        "publication_items.place",
    ]
)
"""Fields (``kind.attribute``) whose words are names or places in either version: a
postal address keeps its street (« 40, rue du Moulin ») in the English tender, a unit or
a partner its legal name (« Service des travaux publics et de l’eau potable »), a
platform its own (« Système électronique d’appel d’offres (SEAO) du gouvernement du
Québec »)."""

_QUOTED = re.compile(r'«[^«»]*»|“[^“”]*”|"[^"\n]*"')
"""A quoted title (« Introduction to Cyber Security for the Public Sector », “Guide de
l’usager”, "Plan directeur", on one line): its words are the title's language, not the
text's, so they are dropped before the words are counted, as template tags are."""


def field_of(address: str) -> str:
    """``kind.attribute`` of a row's or a section's address (``criteria:3.text`` →
    ``criteria.text``)."""
    kind, _sep, rest = address.partition(":")
    return f"{kind}.{rest.rpartition('.')[2]}" if _sep else address


@lru_cache(maxsize=16384)
def text_reads_as(text: str) -> str | None:
    """The language (``"fr"``/``"en"``) ``text`` plainly reads as, or ``None`` when it is
    shorter than :data:`MIN_WORDS` words or its words say too little or both. Hyphenated
    names are no words of either language. Cached on the text: the checks ask it of
    every text on every run. A quoted title (« … », “ … ”, "…") is no word of the
    sentence."""
    text = _QUOTED.sub(" ", text)
    if "-" in text:
        text = _HYPHENATED.sub(" ", text)
    words = text.split(None, 2 * MIN_WORDS)
    if len(words) < 2 * MIN_WORDS:  # a short text: its figures are no words
        words = [word for word in words if any(ch.isalpha() for ch in word)]
    if len(words) < MIN_WORDS:
        return None
    return written_language(text)


def _clause_name(project: Project, address: str, lang: str) -> str:
    return f"{tr(N_('Clause'), lang)} {label_of(project, address, lang)}".strip()


def printed_texts(project: Project, lang: str) -> list[tuple[str, str]]:
    """``(address, text)`` of every text the documents in ``lang`` print: each
    translatable field's version in ``lang`` and the clauses' own texts in ``lang``,
    without their template tags."""
    if lang == translatable.source_language(project):
        found = list(translatable.texts(project))
    else:
        versions: dict[str, str] = {}
        for row in project.translations:  # the first row of an address, as text_in reads it
            if row.lang == lang:
                versions.setdefault(row.address, row.text)
        found = [(address, versions.get(address, "")) for address, _t in translatable.texts(project)]
    attr = f"custom_{lang}"
    found += [
        (f"clause_choices:{c.id}.{attr}", _TEMPLATE.sub(" ", getattr(c, attr)))
        for c in project.clause_choices
    ]
    return found


def check_text_languages(project: Project) -> list[Finding]:
    """``PR-TEXT-LANGUAGE`` for each text whose version in a language reads as the other."""
    published = tender_languages(project)
    found = []
    for lang in ("fr", "en"):
        for address, text in printed_texts(project, lang):
            field = field_of(address)
            seen = None if field in NOT_READ else text_reads_as(text)
            if seen is None or seen == lang:
                continue
            clause = address.startswith("clause_choices:")
            named = _clause_name if clause else describe
            said = {
                "subject": Localized(fr=named(project, address, "fr"), en=named(project, address, "en")),
                "found": LANGUAGE_NAMES[seen],
                "version": LANGUAGE_ADJECTIVES[lang],
                "language": LANGUAGE_NAMES[lang],
                "version_lang": lang,
            }
            if clause or field in TENDER_FIELDS:
                severity = Severity.ERROR if lang in published else Severity.WARNING
                found.append(
                    finding(
                        "PR-TEXT-LANGUAGE",
                        severity,
                        WRONG_LANGUAGE,
                        address,
                        principles.LANGUAGE_WHOLE,
                        **said,
                    )
                )
            else:  # bidders never read it: the decision record or the vendor register prints it
                document = ELSEWHERE.get(field.partition(".")[0], DECISION_RECORD)
                found.append(
                    finding(
                        "PR-TEXT-LANGUAGE",
                        Severity.WARNING,
                        WRONG_LANGUAGE_ELSEWHERE,
                        address,
                        principles.LANGUAGE_WHOLE,
                        document=document,
                        **said,
                    )
                )
    return found


def _listing(project: Project, addresses: list[str]) -> Localized:
    def said(lang: str) -> str:
        names = [describe(project, a, lang) for a in addresses[:SHOWN]]
        more = len(addresses) - SHOWN
        if more > 0:
            names.append(tr(N_("and {count} more"), lang, count=more))
        return "; ".join(names)

    return Localized(fr=said("fr"), en=said("en"))


def check_translations(project: Project) -> list[Finding]:
    """``PR-TRANSLATION`` for each published language that lacks some text's version."""
    found = []
    for lang in tender_languages(project):
        addresses = translatable.missing(project, lang)
        if not addresses:
            continue
        found.append(
            finding(
                "PR-TRANSLATION",
                Severity.WARNING,
                Plural(
                    "{count} text has no {language} version yet: {texts}.",
                    "{count} texts have no {language} version yet: {texts}.",
                    len(addresses),
                ),
                addresses[0],
                principles.LANGUAGE,
                language=LANGUAGE_ADJECTIVES[lang],
                texts=_listing(project, addresses),
                version_lang=lang,
            )
        )
    return found
