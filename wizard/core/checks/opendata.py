"""Checks of the open-data settings (vendor relations step, "Open data"): what the OCDS
package needs to be linkable and reusable (docs/open-data.md).

Codes, on ``publication.*``:

* ``V-OCID-PREFIX`` (warning): no OCDS prefix, or the placeholder ``ocds-xxxxxx``: the
  package uses the placeholder, which is no one's (two towns' tenders with the same
  reference would get the same ocid);
* ``V-OCID-EXAMPLE`` (warning): a prefix of the OCDS documentation's examples
  (``identity.EXAMPLE_PREFIXES``), as the bundled examples have;
* ``V-OCID-FORMAT`` (error): not ``ocds-`` and six lowercase letters or digits; the
  package uses the placeholder until it is corrected;
* ``V-LICENSE`` (warning), ``V-POLICY`` (warning): no licence or publication policy
  address (or not a web address);
* ``V-PACKAGE-URL`` (info): no address where the OCDS file will be published;
* ``V-PUBLISHER-ID`` (info): no organization identifier for the town;
  ``V-PUBLISHER-ID-FORMAT`` (warning): a Canada Revenue Agency business number
  (``CA-CRA_ACR``) that is not 9 digits; ``V-PUBLISHER-SCHEME`` (warning): a scheme
  that is not an org-id list code (``CA-CRA_ACR``, ``GB-COH``);
* ``V-SUBMISSION-METHOD`` (warning): neither electronic nor paper bids allowed;
* ``V-ITEM-CODE`` (info): no classification code; ``V-ITEM-CODE-FORMAT`` (warning): a
  UNSPSC code that is not 8 digits or a CPV code that is not 8 digits (and a check
  digit); ``V-ITEM-SCHEME`` (error): a scheme outside the ``itemClassificationScheme``
  codelist (the item is left out);
* ``V-DOC-URL`` (info, on the publication plan's "The tender" row): its place is not a
  web address, so the published documents carry no ``url``;
* ``V-BIDS-DATE`` (warning, on the plan's "Bids received and the bidders" row): a
  date typed there differs from the public opening's (the closing date), which the
  tender, the decision record and the OCDS package print instead
  (``domain/publication_plan.py``: one event, one date);
* ``V-PLAN-BEFORE-CLOSING`` (warning, on a plan row's date): the bids and the bidders,
  the winner, the contract, its unit prices, performance or spending promised on a day
  before the closing in force, when none of it exists yet (``publication_plan.AFTER_CLOSING``;
  a file whose addendum moved the closing before the plan's row moved with it).

The app never goes online: the prefix, the licence and the identifiers are checked for
their form only.
"""

from __future__ import annotations

import re

from wizard.core.checks import principles
from wizard.core.checks.base import Finding, Severity, finding
from wizard.core.domain.publication_plan import before_closing, typed_opening_date
from wizard.core.i18n import N_, Localized
from wizard.core.i18n.formats import typed_date
from wizard.core.model import Project
from wizard.core.model.defaults import PUBLICATION_ITEMS
from wizard.core.opendata.identity import normal_prefix, prefix_state
from wizard.core.opendata.schema import codelist, is_web_address

ORG_ID_SCHEME = re.compile(r"[A-Z]{2}-[A-Za-z0-9_]+(?:-[A-Za-z0-9_]+)*")
"""The form of an org-id list code: a country (or ``XI``, ``XM``) and the list's code."""
BUSINESS_NUMBER = re.compile(r"\d{9}")
ITEM_CODE_FORMS = {"UNSPSC": re.compile(r"\d{8}"), "CPV": re.compile(r"\d{8}(?:-\d)?")}


def _ocid(project: Project) -> list[Finding]:
    typed = project.publication.ocid_prefix
    state = prefix_state(typed)
    if state in ("missing", "placeholder"):
        return [
            finding(
                "V-OCID-PREFIX",
                Severity.WARNING,
                N_(
                    "No OCDS prefix: the open data uses the placeholder ocds-xxxxxx, which belongs to "
                    "no one, so two towns' tenders with the same reference get the same ocid. The Open "
                    "Contracting Partnership registers a prefix for the town, free of charge; type it here."
                ),
                "publication.ocid_prefix",
                principles.OPEN_DATA,
            )
        ]
    if state == "example":
        return [
            finding(
                "V-OCID-EXAMPLE",
                Severity.WARNING,
                N_(
                    "\u201c{value}\u201d is a prefix of the OCDS documentation's examples, which the "
                    "bundled examples use: the town publishes with the prefix registered for it."
                ),
                "publication.ocid_prefix",
                principles.OPEN_DATA,
                value=normal_prefix(typed),
            )
        ]
    if state == "malformed":
        return [
            finding(
                "V-OCID-FORMAT",
                Severity.ERROR,
                N_(
                    "\u201c{value}\u201d is not an OCDS prefix (ocds- followed by 6 lowercase letters or "
                    "digits, e.g. ocds-a1b2c3). The open data uses the placeholder ocds-xxxxxx until "
                    "it is corrected."
                ),
                "publication.ocid_prefix",
                principles.OPEN_DATA,
                value=normal_prefix(typed),
            )
        ]
    return []


def _addresses(project: Project) -> list[Finding]:
    publication = project.publication
    found = []
    if not is_web_address(publication.license_url.strip()):
        found.append(
            finding(
                "V-LICENSE",
                Severity.WARNING,
                N_(
                    "Give the web address of the open data licence the town chose (for example "
                    "https://creativecommons.org/licenses/by/4.0/): without it, no one knows whether "
                    "the data may be reused."
                ),
                "publication.license_url",
                principles.OPEN_DATA,
            )
        )
    if not is_web_address(publication.publication_policy_url.strip()):
        found.append(
            finding(
                "V-POLICY",
                Severity.WARNING,
                N_(
                    "Give the web address of the town's publication policy: what it publishes, when, "
                    "under which licence and whom to contact. The open data links to it."
                ),
                "publication.publication_policy_url",
                principles.OPEN_DATA,
            )
        )
    if not is_web_address(publication.package_url.strip()):
        found.append(
            finding(
                "V-PACKAGE-URL",
                Severity.INFO,
                N_(
                    "Give the web address where the town will publish the OCDS file; until then the "
                    "file names a placeholder address as its own."
                ),
                "publication.package_url",
                principles.OPEN_DATA,
            )
        )
    return found


def _publisher(project: Project) -> list[Finding]:
    publication = project.publication
    scheme = publication.publisher_scheme.strip()
    number = "".join(publication.publisher_id.split())
    found = []
    if scheme and not ORG_ID_SCHEME.fullmatch(scheme):
        found.append(
            finding(
                "V-PUBLISHER-SCHEME",
                Severity.WARNING,
                N_(
                    "\u201c{value}\u201d is not the code of a list of organization identifiers "
                    "(org-id.guide, e.g. CA-CRA_ACR for the business numbers of the Canada Revenue Agency)."
                ),
                "publication.publisher_scheme",
                principles.OPEN_DATA,
                value=scheme,
            )
        )
    if not number:
        found.append(
            finding(
                "V-PUBLISHER-ID",
                Severity.INFO,
                N_(
                    "The town's organization identifier is not given (for the list CA-CRA_ACR, its "
                    "9-digit business number): data users cannot tell this buyer from another of the "
                    "same name."
                ),
                "publication.publisher_id",
                principles.OPEN_DATA,
            )
        )
    elif scheme == "CA-CRA_ACR" and not BUSINESS_NUMBER.fullmatch(number):
        found.append(
            finding(
                "V-PUBLISHER-ID-FORMAT",
                Severity.WARNING,
                N_(
                    "\u201c{value}\u201d is not a business number: the list CA-CRA_ACR holds the 9 digits "
                    "of the number the Canada Revenue Agency gave the town."
                ),
                "publication.publisher_id",
                principles.OPEN_DATA,
                value=number,
            )
        )
    return found


def _submission(project: Project) -> list[Finding]:
    publication = project.publication
    if publication.bids_electronic or publication.bids_on_paper:
        return []
    return [
        finding(
            "V-SUBMISSION-METHOD",
            Severity.WARNING,
            N_("Say whether bids may be submitted electronically, on paper, or both."),
            "publication.bids_electronic",
            principles.COMPLETE,
        )
    ]


def _item(project: Project) -> list[Finding]:
    publication = project.publication
    scheme, code = publication.item_scheme.strip(), "".join(publication.item_code.split())
    if scheme not in codelist("itemClassificationScheme.csv"):
        return [
            finding(
                "V-ITEM-SCHEME",
                Severity.ERROR,
                N_(
                    "\u201c{value}\u201d is not a classification scheme of the open data standard "
                    "(e.g. UNSPSC, GSIN, CPV); the item is left out of the open data."
                ),
                "publication.item_scheme",
                principles.OPEN_DATA,
                value=scheme,
            )
        ]
    if not code:
        return [
            finding(
                "V-ITEM-CODE",
                Severity.INFO,
                N_(
                    "Type the classification code of what is bought (for example an 8-digit UNSPSC "
                    "code, from the town's purchasing system): data users find tenders by it."
                ),
                "publication.item_code",
                principles.OPEN_DATA,
            )
        ]
    form = ITEM_CODE_FORMS.get(scheme)
    if form is not None and not form.fullmatch(code):
        return [
            finding(
                "V-ITEM-CODE-FORMAT",
                Severity.WARNING,
                N_(
                    "\u201c{value}\u201d is not a {scheme} code (8 digits; CPV may add a check digit: 12345678-9)."
                ),
                "publication.item_code",
                principles.OPEN_DATA,
                value=code,
                scheme=scheme,
            )
        ]
    return []


def _documents(project: Project) -> list[Finding]:
    tender = next((row for row in project.publication_items if row.key == "tender" and row.planned), None)
    if tender is None or is_web_address(tender.place.strip()):
        return []
    return [
        finding(
            "V-DOC-URL",
            Severity.INFO,
            N_(
                "Where the tender is published is not a web address: the open data cannot link to "
                "the tender document. Type the address of its page or file."
            ),
            f"publication_items:{tender.id}.place",
            principles.OPEN_DATA,
        )
    ]


def _day(value: str) -> Localized:
    """A date as each language prints it (a text that is no date, as typed)."""
    return Localized(fr=typed_date(value, "fr"), en=typed_date(value, "en"))


def _bids_date(project: Project) -> list[Finding]:
    typed = typed_opening_date(project)
    if typed is None:
        return []
    item, value, opening = typed
    return [
        finding(
            "V-BIDS-DATE",
            Severity.WARNING,
            N_(
                "The date typed for publishing the bids received and the bidders ({typed}) is not "
                "the day of the public opening ({opening}): the bids are made public when they are "
                "opened, right after the closing, so the tender, the decision record and the open "
                "data give {opening}. Type {opening}, or clear the date."
            ),
            f"publication_items:{item.id}.planned_date",
            principles.OPEN_DATA,
            typed=_day(value),
            opening=_day(opening),
        )
    ]


def _before_closing(project: Project) -> list[Finding]:
    return [
        finding(
            "V-PLAN-BEFORE-CLOSING",
            Severity.WARNING,
            N_(
                "The publication plan promises \u201c{item}\u201d on {day}, before the closing "
                "({closing}): until the closing the bids are sealed, and there is no winner nor "
                "contract to publish. Date it on or after the closing. Once the tender is "
                "published, bidders hold this date: publish nothing of it before the closing, "
                "and give the date kept in the next addendum."
            ),
            f"publication_items:{item.id}.planned_date",
            principles.OPEN_DATA,
            item=Localized.of(PUBLICATION_ITEMS[item.key]),
            day=_day(day),
            closing=_day(project.info.closing_date.strip()),
        )
        for item, day in before_closing(project)
    ]


def check_opendata(project: Project) -> list[Finding]:
    """Every finding of the module doc."""
    return [
        *_ocid(project),
        *_addresses(project),
        *_publisher(project),
        *_submission(project),
        *_item(project),
        *_documents(project),
        *_bids_date(project),
        *_before_closing(project),
    ]
