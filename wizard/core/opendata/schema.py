"""Offline validation of OCDS 1.1.5 release packages.

The release-package schema ``$ref``s the release schema by its URL
(``https://standard.open-contracting.org/schema/1__1__5/release-schema.json``). Both
schemas are read from ``resources/ocds-1.1.5/`` (an unmodified copy, Apache-2.0) and put
in a :class:`referencing.Registry` under their own ids, so the reference resolves
locally; the registry has no retriever, so nothing is ever fetched from the network.

* :func:`schema_errors` — Draft 4 validation, with real ``date-time`` (RFC 3339) and
  ``uri`` (RFC 3986) format checks. ``date-time`` is checked by ``rfc3339-validator`` (a
  dependency, the package jsonschema's own check uses): it does not depend on the Python
  version, unlike ``datetime.fromisoformat`` (which refuses a trailing ``Z`` before 3.11).
  jsonschema has ``uri`` only with a GPL or an extra package, so it is implemented here.
* :func:`codelist_errors` — every value of a field that names a codelist (open *or*
  closed) must be a non-deprecated code of that codelist's CSV.

Both return human-readable messages ``"<json path>: <problem>"``; an empty list means
valid.
"""

from __future__ import annotations

import csv
import json
import re
from functools import cache
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

if TYPE_CHECKING:  # jsonschema is imported when a package is validated (the export), not by the checks
    from jsonschema import Draft4Validator, FormatChecker

from wizard.core.paths import resource_path

OCDS_DIR = "ocds-1.1.5"
PACKAGE_SCHEMA = "release-package-schema.json"
RELEASE_SCHEMA = "release-schema.json"

_URI_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*")
_URI_CHARS = re.compile(r"[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]*")


@cache
def load_schema(name: str) -> dict[str, Any]:
    """A schema of ``resources/ocds-1.1.5/`` as JSON data. Raises ``OSError``."""
    data: dict[str, Any] = json.loads(resource_path(OCDS_DIR, name).read_text(encoding="utf-8"))
    return data


def is_datetime(value: object) -> bool:
    """RFC 3339 ``date-time`` (``rfc3339-validator``, as jsonschema's own check): a
    trailing ``Z`` or an offset, real calendar days (29 February only in leap years)."""
    if not isinstance(value, str):
        return True
    # Its pattern ends in "$", which also matches before a final line break.
    from rfc3339_validator import validate_rfc3339

    return not value.endswith("\n") and bool(validate_rfc3339(value.upper()))


def is_uri(value: object) -> bool:
    if not isinstance(value, str):
        return True
    scheme = urlsplit(value).scheme if ":" in value else ""
    return bool(scheme and _URI_SCHEME.fullmatch(scheme) and _URI_CHARS.fullmatch(value))


def is_web_address(value: str) -> bool:
    """Whether ``value`` (as typed) is an absolute ``http`` or ``https`` address with a
    host and a valid ``uri`` (:func:`is_uri`): what a data user can open."""
    parts = urlsplit(value) if ":" in value else None
    return bool(parts and parts.scheme.lower() in ("http", "https") and parts.netloc and is_uri(value))


def _format_checker() -> FormatChecker:
    from jsonschema import FormatChecker

    checker = FormatChecker(formats=())
    checker.checks("date-time")(is_datetime)
    checker.checks("uri")(is_uri)
    return checker


@cache
def package_validator() -> Draft4Validator:
    """A Draft 4 validator of release packages that resolves ``$ref`` offline."""
    from jsonschema import Draft4Validator
    from referencing import Registry, Resource
    from referencing.jsonschema import DRAFT4

    schemas = [load_schema(PACKAGE_SCHEMA), load_schema(RELEASE_SCHEMA)]
    registry: Registry[Any] = Registry().with_resources(
        (schema["id"], Resource.from_contents(schema, default_specification=DRAFT4)) for schema in schemas
    )
    return Draft4Validator(schemas[0], registry=registry, format_checker=_format_checker())


def _path(parts: Any) -> str:
    return "/" + "/".join(str(part) for part in parts)


def schema_errors(package: Any) -> list[str]:
    """Schema violations of a release package, as ``"<path>: <message>"`` strings."""
    errors = sorted(package_validator().iter_errors(package), key=lambda e: list(map(str, e.path)))
    return [f"{_path(error.absolute_path)}: {error.message}" for error in errors]


@cache
def codelist(name: str) -> frozenset[str]:
    """The non-deprecated codes of a codelist CSV (e.g. ``"documentType.csv"``)."""
    path = resource_path(OCDS_DIR, "codelists", name)
    with open(path, encoding="utf-8", newline="") as handle:
        return frozenset(
            row["Code"] for row in csv.DictReader(handle) if not (row.get("Deprecated") or "").strip()
        )


def _resolve(node: dict[str, Any]) -> dict[str, Any]:
    ref = node.get("$ref", "")
    if ref.startswith("#/definitions/"):
        resolved: dict[str, Any] = load_schema(RELEASE_SCHEMA)["definitions"][ref.rsplit("/", 1)[1]]
        return resolved
    return node


def _walk(value: Any, node: dict[str, Any], path: list[Any], errors: list[str]) -> None:
    node = _resolve(node)
    if "codelist" in node and value is not None:
        codes = codelist(node["codelist"])
        for code in value if isinstance(value, list) else [value]:
            if code not in codes:
                errors.append(f"{_path(path)}: {code!r} is not a code of {node['codelist']}")
        return
    if isinstance(value, dict):
        properties = node.get("properties", {})
        for key, item in value.items():
            if key in properties:
                _walk(item, properties[key], [*path, key], errors)
    elif isinstance(value, list) and isinstance(node.get("items"), dict):
        for index, item in enumerate(value):
            _walk(item, node["items"], [*path, index], errors)


def codelist_errors(package: Any) -> list[str]:
    """Codelist violations of a release package (open and closed codelists alike)."""
    errors: list[str] = []
    releases = package.get("releases", []) if isinstance(package, dict) else []
    for index, release in enumerate(releases if isinstance(releases, list) else []):
        _walk(release, load_schema(RELEASE_SCHEMA), ["releases", index], errors)
    return errors


def validation_errors(package: Any) -> list[str]:
    """:func:`schema_errors` followed by :func:`codelist_errors` (empty when valid)."""
    return schema_errors(package) + codelist_errors(package)
