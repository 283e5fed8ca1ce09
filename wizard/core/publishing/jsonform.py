"""The publication record as JSON (``jsonio`` version 4, key ``publishing``;
docs/publishing.md).

Shape::

    {"published_on": "2027-03-01", "recorded_at": "2027-03-01T14:00:00+00:00",
     "model": {...the project as published, jsonio...}, "release": {...OCDS...},
     "documents": [{"name", "lang", "kind", "media_type", "sha256", "attached_on",
                    "content": "<base64>"}],
     "addenda": [{"number": 1, "state": "issued", "issued_on": "2027-03-12",
                  "release": {...} or null,
                  "questions": [{"received_on", "question_fr", "question_en",
                                 "answer_fr", "answer_en"}],
                  "changes": [{"kind", "field", "old_fr", "old_en", "new_fr", "new_en"}]}]}

:func:`to_json` reads it from an open file; :func:`table_rows` checks it and gives the
rows of the schema-5 tables that ``ProjectFile.create(..., tables=...)`` writes with
the project. Row ids are renumbered; a document whose bytes do not match its SHA-256,
a baseline model that is not a project, a value of the wrong type, a text over
``codec.MAX_TEXT``, one number given to two addenda, a second draft or two changes of one
field in one addendum (``addenda.add_change`` replaces the first) is refused with
``jsonio.ProjectJsonError`` naming it.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
from typing import Any, get_args

from wizard.core.i18n import N_
from wizard.core.model.choices import LANGUAGES
from wizard.core.project_file import expected, jsonio
from wizard.core.project_file.codec import MAX_TEXT
from wizard.core.project_file.store import ProjectFile
from wizard.core.publishing.publish import MEDIA_TYPES, WORKBOOK_TYPE
from wizard.core.publishing.record import ChangeKind, document_bytes, read

_QUESTION = ("received_on", "question_fr", "question_en", "answer_fr", "answer_en")
_CHANGE = ("kind", "field", "old_fr", "old_en", "new_fr", "new_en")
_DOCUMENT = ("name", "lang", "kind", "media_type", "sha256", "attached_on")
_DOCUMENT_SETS: dict[str, tuple[str, ...]] = {
    "lang": LANGUAGES,
    "kind": ("tender", "price_form"),
    "media_type": (*MEDIA_TYPES.values(), WORKBOOK_TYPE),
}
"""The closed sets of a published document's fields (``publish.publish``: a tender
document in one language, as Word or PDF, or the price workbook kept with it)."""


def shape() -> jsonio.Shape:
    """The keys of the ``publishing`` object :func:`table_rows` reads (``jsonio.ignored``);
    ``release`` is the OCDS release, kept whole."""
    return {
        "published_on": None,
        "recorded_at": None,
        "model": jsonio.project_shape(),
        "release": None,
        "documents": [dict.fromkeys((*_DOCUMENT, "content"))],
        "addenda": [
            {
                **dict.fromkeys(("number", "state", "issued_on", "release")),
                "questions": [dict.fromkeys(_QUESTION)],
                "changes": [dict.fromkeys(_CHANGE)],
            }
        ],
    }


def to_json(pf: ProjectFile) -> dict[str, Any] | None:
    """The record of ``pf`` as JSON-ready data, ``None`` when not published."""
    record = read(pf)
    if record.baseline is None:
        return None
    b = record.baseline
    return {
        "published_on": b.published_on,
        "recorded_at": b.recorded_at,
        "model": json.loads(b.model),
        "release": b.release_data(),
        "documents": [
            {
                **{key: getattr(d, key) for key in _DOCUMENT},
                "content": base64.b64encode(document_bytes(pf, d.id)).decode("ascii"),
            }
            for d in record.documents
        ],
        "addenda": [
            {
                "number": a.number,
                "state": a.state,
                "issued_on": a.issued_on,
                "release": a.release_data() if a.release else None,
                "questions": [{key: getattr(q, key) for key in _QUESTION} for q in a.questions],
                "changes": [{key: getattr(c, key) for key in _CHANGE} for c in a.changes],
            }
            for a in record.addenda
        ],
    }


def _text(data: dict[str, Any], key: str, where: str, *, limit: bool = True) -> str:
    """The text ``data[key]`` ('' when absent), at most :data:`codec.MAX_TEXT`
    characters unless ``limit`` is false (a document's base64 content): the limit the
    addenda's operations apply to the texts a user types. Raises
    ``jsonio.ProjectJsonError`` naming ``where.key``."""
    value = data.get(key, "")
    if value is None:
        return ""
    if not isinstance(value, str):
        raise jsonio.ProjectJsonError.must_be(f"{where}.{key}", expected.TEXT)
    if limit and len(value) > MAX_TEXT:
        raise jsonio.ProjectJsonError.too_long(f"{where}.{key}", len(value))
    return value


def _list(data: dict[str, Any], key: str, where: str) -> list[dict[str, Any]]:
    value = data.get(key) or []
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        raise jsonio.ProjectJsonError.must_be(f"{where}.{key}", expected.OBJECTS)
    return value


def table_rows(data: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    """The rows of each schema-5 table for the ``publishing`` object ``data`` (module
    docstring). Raises ``jsonio.ProjectJsonError``."""
    where = "publishing"
    model = data.get("model")
    if not isinstance(model, dict):
        raise jsonio.ProjectJsonError.must_be(f"{where}.model", expected.OBJECT)
    jsonio.from_dict(model, f"{where}.model.")  # a project, or ProjectJsonError
    release = data.get("release")
    if not isinstance(release, dict):
        raise jsonio.ProjectJsonError.must_be(f"{where}.release", expected.OBJECT)
    tables: dict[str, list[dict[str, Any]]] = {
        "publication": [
            {
                "id": 1,
                "published_on": _text(data, "published_on", where),
                "recorded_at": _text(data, "recorded_at", where),
                "model": jsonio.dumps(jsonio.from_dict(model, strict=False)),
                "release": json.dumps(release, ensure_ascii=False),
            }
        ],
        "published_documents": [],
        "addenda": [],
        "addendum_questions": [],
        "addendum_changes": [],
    }
    for i, doc in enumerate(_list(data, "documents", where), 1):
        at = f"{where}.documents[{i - 1}]"
        try:
            content = base64.b64decode(_text(doc, "content", at, limit=False), validate=True)
        except (binascii.Error, ValueError) as exc:
            raise jsonio.ProjectJsonError.must_be(f"{at}.content", expected.BASE64) from exc
        row = {key: _text(doc, key, at) for key in _DOCUMENT}
        for key, values in _DOCUMENT_SETS.items():
            if row[key] not in values:
                raise jsonio.ProjectJsonError.one_of(f"{at}.{key}", values)
        if hashlib.sha256(content).hexdigest() != row["sha256"]:
            raise jsonio.ProjectJsonError.of(
                jsonio.NOT_FINGERPRINT, field=f"{at}.sha256", content=f"{at}.content"
            )
        tables["published_documents"].append({"id": i, **row, "content": content})
    q_id = c_id = 0
    numbers: dict[Any, str] = {}
    drafts: dict[Any, str] = {}
    for i, addendum in enumerate(_list(data, "addenda", where), 1):
        at = f"{where}.addenda[{i - 1}]"
        state = _text(addendum, "state", at)
        number = addendum.get("number")
        if state not in ("draft", "issued"):
            raise jsonio.ProjectJsonError.must_be(f"{at}.state", expected.STATE)
        if number is not None and (isinstance(number, bool) or not isinstance(number, int)):
            raise jsonio.ProjectJsonError.must_be(f"{at}.number", expected.WHOLE)
        if number is not None:
            jsonio.once(numbers, number, f"{at}.number", N_("the addendum number {number}"), number=number)
        if state == "draft":
            jsonio.once(
                drafts, state, f"{at}.state", N_("the state “draft” (one addendum is prepared at a time)")
            )
        issued_release = addendum.get("release")
        if state == "issued" and not isinstance(issued_release, dict):
            raise jsonio.ProjectJsonError.of(
                N_(
                    "the field {field} must be a JSON object (in braces): an issued addendum keeps its release"
                ),
                field=f"{at}.release",
            )
        tables["addenda"].append(
            {
                "id": i,
                "number": number,
                "state": state,
                "issued_on": _text(addendum, "issued_on", at),
                "release": json.dumps(issued_release, ensure_ascii=False) if issued_release else "",
            }
        )
        for k, q in enumerate(_list(addendum, "questions", at)):
            q_id += 1
            here = f"{at}.questions[{k}]"
            tables["addendum_questions"].append(
                {"id": q_id, "addendum_id": i, **{key: _text(q, key, here) for key in _QUESTION}}
            )
        changed: dict[Any, str] = {}
        for k, c in enumerate(_list(addendum, "changes", at)):
            c_id += 1
            here = f"{at}.changes[{k}]"
            row = {key: _text(c, key, here) for key in _CHANGE}
            jsonio.once(
                changed,
                row["field"],
                f"{here}.field",
                N_("the change of the field {name}"),
                name=row["field"],
            )
            if row["kind"] not in get_args(ChangeKind):
                raise jsonio.ProjectJsonError.one_of(f"{here}.kind", get_args(ChangeKind))
            tables["addendum_changes"].append({"id": c_id, "addendum_id": i, **row})
    return tables
