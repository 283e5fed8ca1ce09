"""The buyer's contact point in the OCDS release (OCDS ``ContactPoint``).

The tender names one person as the bidders' single point of contact. Open data follows
the privacy rule of ``opendata_common``: a person's name is published only when the
user opts in (``ExportSettings.include_personal_names``), otherwise the position stands
for the person. A personal e-mail address identifies its owner as surely as the name,
so the same rule applies to it:

* the e-mail is published when names are opted in, or when it is a *role* address:
  its local part (before ``@``, accents and case ignored, split at ``. _ - +``) holds a
  word of :data:`ROLE_WORDS` ("appels-offres", "procurement", "info" …) and none of the
  names the project holds (``opendata_common.personal_names``: ``"marie.roy"`` and
  ``"mroy"`` are personal when Marie Roy is in the project). An address of an unknown
  form (``"jdoe@…"``) is treated as personal: privacy is the default;
* the telephone is published only with a role e-mail or when names are opted in (a
  number without a role mailbox is likely a person's direct line);
* the postal address is not published here: it is free text, and the buyer's
  ``address`` keeps the structured region and country only.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from wizard.core.model import Project
from wizard.core.opendata.common import Scrubber, personal_names

ROLE_WORDS = frozenset(
    {
        "achat",
        "achats",
        "acquisition",
        "acquisitions",
        "admin",
        "appel",
        "appels",
        "appelsdoffres",
        "approvisionnement",
        "approvisionnements",
        "ao",
        "bids",
        "bid",
        "clerk",
        "contact",
        "contrat",
        "contrats",
        "greffe",
        "info",
        "information",
        "offres",
        "procurement",
        "purchasing",
        "reception",
        "soumission",
        "soumissions",
        "tender",
        "tenders",
        "ti",
        "it",
    }
)
"""Words that mark a mailbox of a role or service rather than of a person."""

_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")
_MIN_NAME_PART = 3


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def is_valid_email(text: str) -> bool:
    """Whether ``text`` (stripped) looks like one e-mail address: ``local@domain.tld``."""
    return bool(_EMAIL.fullmatch(text.strip()))


def is_role_email(project: Project, email: str) -> bool:
    """Whether ``email`` is a role mailbox, not a person's (see the module doc)."""
    if not is_valid_email(email):
        return False
    local = _fold(email.strip().rsplit("@", 1)[0])
    tokens = set(re.split(r"[._+\-]+", local))
    if not tokens & ROLE_WORDS:
        return False
    parts = {p for name in personal_names(project) for p in re.split(r"[\s\-']+", _fold(name))}
    return not any(len(p) >= _MIN_NAME_PART and p in local for p in parts)


def contact_point(project: Project, scrub: Scrubber) -> dict[str, Any]:
    """The OCDS ``contactPoint`` of the buyer: ``name`` (the person when opted in, else
    the position), ``email`` and ``telephone`` under the rule above; ``{}`` when nothing
    can be published."""
    info = project.info
    point: dict[str, Any] = {}
    name = scrub.person(info.officer_name) or " ".join(info.officer_title.split())
    if name:
        point["name"] = name
    email = info.contact_email.strip()
    public = scrub.include_names or is_role_email(project, email)
    if public and is_valid_email(email):
        point["email"] = email
    if public and info.contact_phone.strip():
        point["telephone"] = " ".join(info.contact_phone.split())
    return point
