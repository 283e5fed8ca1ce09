"""Identifiers of the OCDS package (docs/open-data.md, "Identifiers" and "Release identity").

ocid
----
``<prefix>-<reference>``: the town's OCDS prefix, registered for free with the Open
Contracting Partnership (``ocds-`` and six lowercase letters or digits, e.g.
``ocds-a1b2c3``), then the tender's reference number made URL-safe. A prefix typed in
capitals is written in lowercase (the registered form; an ocid is case-sensitive);
an empty or malformed prefix gives the documented placeholder :data:`PLACEHOLDER_PREFIX`
(check ``V-OCID-PREFIX`` or ``V-OCID-FORMAT`` says so), so a package never carries a
prefix the Open Contracting Partnership's validator calls malformed.

Release id
----------
A release id is unique within its ocid and always names the same release (OCDS,
"Release ID"). The app derives it from the release itself:
``<ocid>-<tag>-<digest>``, where ``digest`` is the first :data:`DIGEST_CHARS` hex
digits of the SHA-256 of the release's canonical JSON (sorted keys, no spaces, UTF-8)
without its ``id``. The release's ``date`` is part of what is hashed, and it is the
moment of the project's latest change, so:

* the same project exports the same id (nothing depends on the clock or on chance);
* a changed tender exports a new id (its content, its date or both differ);
* two exports of the project at different times never share an id with different
  content, so ``ocdskit compile`` (which orders releases by ``date``) gives the latest
  values whatever the order of the files.

Published releases (baseline and addenda) extend this without changing it: the
publishing action that records a publication keeps the release it exported, with its
id; an addendum is :func:`tender_update` of the previous published release: tag
``tenderUpdate``, the amendments so far in ``tender.amendments`` (each with
``amendsReleaseID`` and ``releaseID``), and an id computed by the same rule.
"""

from __future__ import annotations

import copy
import hashlib
import json
import re
import unicodedata
from typing import Any, Literal

from wizard.core.opendata.milestones import parse_moment

PLACEHOLDER_PREFIX = "ocds-xxxxxx"
PREFIX_FORM = re.compile(r"ocds-[a-z0-9]{6}")
DIGEST_CHARS = 12
EXAMPLE_PREFIXES = frozenset({"ocds-213czf", "ocds-fh349f", "ocds-twb234"})
"""Prefixes of the OCDS 1.1.5 documentation's worked examples (``ocds-213czf``: its
example publisher, docs/guidance/publish.md; ``ocds-fh349f`` and ``ocds-twb234``:
"Town A" and "Town B", docs/schema/identifiers.md). The bundled examples use them, as
fictional towns; check ``V-OCID-EXAMPLE`` tells a town that kept one to register its own."""

PrefixState = Literal["registered", "example", "missing", "placeholder", "malformed"]


def slug(text: str, fallback: str) -> str:
    """``text`` in ASCII letters, digits, ``.`` and ``_``, other runs as ``-``."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    result = re.sub(r"[^A-Za-z0-9._]+", "-", ascii_text).strip("-")
    return result or fallback


def normal_prefix(typed: str) -> str:
    """The prefix as the export writes it: trimmed, without a trailing ``-``, lowercase."""
    return typed.strip().rstrip("-").strip().lower()


def prefix_state(typed: str) -> PrefixState:
    """``registered`` (the form of a registered prefix), ``example`` (one of
    :data:`EXAMPLE_PREFIXES`: well formed, but a documentation example's), ``missing``
    (empty), ``placeholder`` (:data:`PLACEHOLDER_PREFIX`) or ``malformed``."""
    prefix = normal_prefix(typed)
    if not prefix:
        return "missing"
    if prefix == PLACEHOLDER_PREFIX:
        return "placeholder"
    if prefix in EXAMPLE_PREFIXES:
        return "example"
    return "registered" if PREFIX_FORM.fullmatch(prefix) else "malformed"


def ocid_of(typed_prefix: str, reference: str) -> str:
    """``<prefix>-<reference>`` (module doc): ``ocid_of("OCDS-A1B2C3", "AO 2027/1")`` →
    ``"ocds-a1b2c3-AO-2027-1"``; the placeholder prefix unless the typed one is well formed."""
    well_formed = prefix_state(typed_prefix) in ("registered", "example")
    prefix = normal_prefix(typed_prefix) if well_formed else PLACEHOLDER_PREFIX
    return f"{prefix}-{slug(reference, 'unnumbered')}"


def release_digest(release: dict[str, Any]) -> str:
    """The first :data:`DIGEST_CHARS` hex digits of the SHA-256 of ``release`` without
    its ``id``, as canonical JSON (sorted keys, no spaces, UTF-8)."""
    body = {key: value for key, value in release.items() if key != "id"}
    canonical = json.dumps(body, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:DIGEST_CHARS]


def with_id(release: dict[str, Any]) -> dict[str, Any]:
    """A copy of ``release`` with its ``id`` (module doc) right after its ``ocid``."""
    identifier = f"{release['ocid']}-{release['tag'][0]}-{release_digest(release)}"
    rest = {key: value for key, value in release.items() if key not in ("ocid", "id")}
    return {"ocid": release["ocid"], "id": identifier, **rest}


def tender_update(previous: dict[str, Any], current: dict[str, Any], rationale: str) -> dict[str, Any]:
    """The addendum release that follows the published release ``previous``: the values
    of ``current`` (a release of the same ocid, with the addendum's ``date``), tag
    ``tenderUpdate``, and ``tender.amendments`` = the amendments of ``previous`` plus one
    (``id`` its rank, ``date``, ``rationale``, ``amendsReleaseID`` = ``previous["id"]``,
    ``releaseID`` = the new release's id). Raises ``ValueError`` when the ocids differ
    or the addendum is not later than ``previous``."""
    if previous["ocid"] != current["ocid"]:
        raise ValueError("an addendum belongs to the same contracting process (ocid)")
    before, after = parse_moment(previous.get("date")), parse_moment(current.get("date"))
    if before is None or after is None or after <= before:
        raise ValueError("an addendum is dated after the release it amends")
    release = copy.deepcopy(current)
    release["tag"] = ["tenderUpdate"]
    amendments = copy.deepcopy(previous.get("tender", {}).get("amendments", []))
    amendments.append(
        {
            "id": str(len(amendments) + 1),
            "date": release["date"],
            "rationale": rationale,
            "amendsReleaseID": previous["id"],
        }
    )
    release.setdefault("tender", {})["amendments"] = amendments
    release = with_id(release)
    release["tender"]["amendments"][-1]["releaseID"] = release["id"]
    return release
