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

Guide principle: every supplier reads the same call for tenders, whatever its
language; a bilingual tender is two whole documents.
"""

from __future__ import annotations

from wizard.core.checks import principles
from wizard.core.checks.base import Finding, Severity, finding
from wizard.core.domain.addresses import parse_address
from wizard.core.domain.numbering import label_of
from wizard.core.i18n import N_, Localized, Plural, tr
from wizard.core.i18n.languages import tender_languages
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
