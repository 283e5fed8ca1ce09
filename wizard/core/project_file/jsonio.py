"""The project as readable JSON (docs/file-format.md; the bundled examples).

Shape::

    {"format": "open-procurement-wizard", "version": 7,
     "info": {...}, "problem": {...}, ...,          # one object per section
     "criteria": [{...}, ...], ...}                 # one array per entity list

``dump`` → ``load`` → ``dump`` gives identical text. Loading validates every value
against the model and raises :class:`ProjectJsonError` with a message naming the
field, never a half-built project.

Version 2 replaced the register's ``helped_drafting`` flag by ``drafting``
(``choices.DraftingRole``): an app that knew only version 1 would have ignored the new
key and dropped the exclusion of a vendor, so it must refuse the file. JSON of version 1
still loads: a row's ``helped_drafting`` (when it has no ``drafting``) is read as
``drafting`` ``helped_draft`` (true) or ``none`` (false), as the file migration does.

Version 3 added ``info.text_language`` and the list ``translations`` (the other
language's version of each user text, docs/bilingual.md): an app that knew only
version 2 would have dropped every translation and read the texts as the binding
language's, so it must refuse the file. JSON of versions 1 and 2 still loads: with no
``info.text_language``, the texts are in the binding language of the file (the rule of
migration 3), and there is no translation.

Version 4 (schema 5, docs/publishing.md) may add the key ``publishing``: the record of
a published tender (the baseline, the published documents as base64 with their
SHA-256, the addenda), read and written by ``wizard/core/publishing/jsonform.py``. An
app that knew only version 3 would load a published tender as an unpublished one,
its addenda lost and its baseline editable, so it must refuse the file. JSON of
versions 1 to 3 loads as before, unpublished.

Version 5 (schema 6, docs/bids.md) may add the key ``bids``: the bids received and
their evaluation (the sealed price workbooks as base64 with their SHA-256, the
opening, the award), read and written by ``wizard/core/bids/jsonform.py``. An app that
knew only version 4 would load the project without its bids, so it must refuse the
file. JSON of versions 1 to 4 loads as before, without bids.

Version 6 (schema 7, docs/contract.md) may add the key ``contract``: the follow-up of
the contract awarded (its terms, amendments, performance reports, incidents and
payments), read and written by ``wizard/core/contract/jsonform.py``. An app that knew
only version 5 would load the project without its follow-up, so it must refuse the
file. JSON of versions 1 to 5 loads as before, without a follow-up.

Version 7 (schema 8, docs/bids.md) adds to ``bids`` the lists ``grid_sheets`` and
``grid_consensus``: the selection committee's points on the items of Québec's quality
grid. An app that knew only version 6 would load the bids without them (a Québec
evaluation back to pending), so it must refuse the file. JSON of versions 1 to 6 loads
as before, without grid points.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from wizard.core.i18n import N_, Localized
from wizard.core.model import ENTITIES, SECTIONS, Project
from wizard.core.project_file import codec, expected, rownames
from wizard.core.project_file.migrations import FOREIGN_KEYS

FORMAT = "open-procurement-wizard"
VERSION = 7
"""The version of the JSON form (not the schema version); see the module docstring."""


class ProjectJsonError(ValueError):
    """The JSON is not a project this version can read; the message says why.

    ``detail`` is what a user's message quotes, in each language (a ``Localized``):
    for text the JSON reader refuses, the kind of error in plain words and where it is
    (:func:`syntax_error`); else the message itself, which names the field."""

    def __init__(self, message: str, detail: Localized | None = None) -> None:
        super().__init__(message)
        self.detail = detail if detail is not None else Localized(fr=message, en=message)

    @classmethod
    def of(cls, text: str, **params: object) -> ProjectJsonError:
        """The refusal of message id ``text`` (:meth:`Localized.of`), its English the
        exception's message."""
        detail = Localized.of(text, **params)
        return cls(detail.en, detail)

    @classmethod
    def must_be(cls, field: str, what: str) -> ProjectJsonError:
        """The refusal of ``field`` (its path, as the file writes it) holding another
        thing than ``what`` (a message id of :mod:`.expected`): « le champ F doit être
        … » / "the field F must be …"."""
        return cls.of(expected.MUST_BE, field=field, expected=Localized.of(what))

    @classmethod
    def one_of(cls, field: str, values: tuple[str, ...] | list[str]) -> ProjectJsonError:
        """The refusal of ``field`` holding a value outside ``values`` (its closed set):
        « le champ F doit valoir l’un de : « a », « b » » / "the field F must be one of:
        “a”, “b”"."""
        return cls.of(expected.ONE_OF, field=field, choices=expected.choices(values))

    @classmethod
    def too_long(cls, field: str, length: int) -> ProjectJsonError:
        """The refusal of a text of ``length`` characters in ``field``, over
        :data:`codec.MAX_TEXT`, the field and the limit named."""
        return cls(*_pair(codec.TextTooLong(field, length).localized()))

    @classmethod
    def from_codec(cls, exc: codec.CodecError) -> ProjectJsonError:
        """The refusal of a value the codec refused, naming its field."""
        return cls(*_pair(exc.localized()))

    def named(self, data: Any, prefix: str = "") -> ProjectJsonError:
        """This refusal with each row of the JSON ``data`` it names by its path
        (``criteria[0].kind``) named as a user finds it: « kind dans criteria, 1re ligne
        (id 7) » / "kind in criteria, row 1 (id 7)" (:func:`rownames.name_rows`;
        ``prefix``: as :func:`from_dict`)."""
        return ProjectJsonError(*_pair(rownames.name_rows(self.detail, data, prefix)))


def _pair(detail: Localized) -> tuple[str, Localized]:
    return detail.en, detail


NOT_UTF8 = N_("the file is not UTF-8 text")
"""The refusal of a JSON file in another encoding (JSON is UTF-8, RFC 8259)."""

_SYNTAX: list[tuple[str, str]] = [
    (
        "Expecting value",
        N_(
            "a value is missing, or is not one JSON knows (a text in double quotes, a number, true, false, "
            "null, an object or a list)"
        ),
    ),
    (
        "Expecting property name enclosed in double quotes",
        N_(
            "a name in double quotes is expected (a comma too many before a closing brace, or a name without quotes)"
        ),
    ),
    ("Expecting ':' delimiter", N_("a colon is missing after a name")),
    ("Expecting ',' delimiter", N_("a comma is missing between two values")),
    ("Unterminated string", N_("a text in double quotes is not closed")),
    (
        "Invalid control character",
        N_("a text in double quotes holds a line break, a tab or another control character"),
    ),
    ("Invalid \\", N_("a backslash in a text in double quotes begins no valid escape")),
    ("Extra data", N_("more text follows the end of the JSON")),
    ("Illegal trailing comma", N_("a comma is followed by no value")),
]
"""The JSON reader's English messages (``json.JSONDecodeError.msg``, Python 3.10–3.13),
by their beginning, and the kind of error they mean in our own words."""


def _trailing_comma(exc: json.JSONDecodeError) -> int | None:
    """The position of a comma just before a closing brace or bracket that the JSON
    reader refused (``None``: the error is another one)."""
    doc, pos = exc.doc, exc.pos
    if doc[pos : pos + 1] == ",":
        return pos if exc.msg.startswith("Illegal trailing comma") else None
    if doc[pos : pos + 1] not in ("}", "]"):
        return None
    before = doc[:pos].rstrip()
    return len(before) - 1 if before.endswith(",") else None


def syntax_error(exc: ValueError | RecursionError, text: str) -> Localized:
    """Why the JSON reader refused ``text``, in each language: the kind of error in plain
    words and, for a ``json.JSONDecodeError``, its line and column as the language
    writes them ("at line 3, column 5, a comma is missing between two values", « à la
    ligne 3, colonne 5, il manque une virgule entre deux valeurs »); an empty file, JSON
    nested too deeply or a number of more than 4,300 digits (Python's limit) said as
    such."""
    if isinstance(exc, RecursionError):
        kind = N_("the JSON is nested too deeply")
    elif not text.strip():
        kind = N_("the file is empty")
    elif not isinstance(exc, json.JSONDecodeError):
        kind = N_("a number has more than 4,300 digits")
    else:
        kind = next(
            (said for start, said in _SYNTAX if exc.msg.startswith(start)), N_("the text is not valid JSON")
        )
        line, column = exc.lineno, exc.colno
        comma = _trailing_comma(exc)
        if comma is not None:
            # Python 3.13 says "Illegal trailing comma" at the comma; 3.10-3.12 expect a
            # name or a value at the closing brace: the same error, said the same way.
            kind = N_("a comma is followed by no value")
            line = exc.doc.count("\n", 0, comma) + 1
            column = comma - exc.doc.rfind("\n", 0, comma)
        where = N_("at line {line}, column {column}, {kind}")
        return Localized.of(where, kind=Localized.of(kind), line=line, column=column)
    return Localized.of(kind)


DUPLICATE_ID = N_("the field {field} repeats the id {id} of an earlier row of {rows}: each row needs its own")
"""Two rows of one list with one id."""

NOT_FINGERPRINT = N_("the field {field} is not the SHA-256 fingerprint of {content}")
"""A published document or a sealed workbook whose bytes are not those its fingerprint
was taken of."""

NO_SUCH_ROW = N_("the field {field} names the row {id}, which {rows} does not hold")
"""A row pointing at a row of another list that is not there."""

REPEATED = N_("the field {field} repeats {repeat} of {earlier}: keep one of the two")
"""Two rows of one list (or two numbers of one list) that say the same thing where
the app keeps one: a bid's result for one mandatory criterion entered twice, one
addendum number given to two addenda. ``repeat`` names what they share (a
``Localized``), ``earlier`` the first of the two as the file writes it."""


def once(seen: dict[Any, str], key: Any, field: str, repeat: str, **params: object) -> None:
    """Remember ``key`` as said by ``field``; raise :class:`ProjectJsonError`
    (:data:`REPEATED`, ``repeat`` a message id filled with ``params``) when an earlier
    field of ``seen`` said it already."""
    earlier = seen.setdefault(key, field)
    if earlier != field:
        raise ProjectJsonError.of(
            REPEATED, field=field, earlier=earlier, repeat=Localized.of(repeat, **params)
        )


Shape = dict[str, Any]
"""The keys ``load`` reads in a JSON object: key → ``None`` (a value read whole), a
``Shape`` (an object) or ``[Shape]`` (a list of objects)."""


def project_shape() -> Shape:
    """The keys of the project's JSON that :func:`from_dict` reads: ``format``,
    ``version``, each section's attributes, each list's row attributes (and a version-1
    register row's ``helped_drafting``, :func:`_read_old_keys`)."""
    shape: Shape = {"format": None, "version": None}
    for name, cls in SECTIONS.items():
        shape[name] = dict.fromkeys(codec.field_types(cls))
    for kind, cls in ENTITIES.items():
        shape[kind] = [dict.fromkeys(codec.field_types(cls))]
    shape["vendor_exchanges"][0]["helped_drafting"] = None
    return shape


def ignored(data: Any, shape: Shape, where: str = "") -> list[str]:
    """The path, as the file writes it (``problem.notes``, ``criteria[1].wieght``), of
    each key of the JSON object ``data`` that ``shape`` does not name, in the file's
    order: ``load`` reads the file without them (a newer app's field, or a typo whose
    text is lost) and says so (:data:`expected.IGNORED`). Values of the wrong type are
    not walked (the load refuses them)."""
    if not isinstance(data, dict):
        return []
    found: list[str] = []
    for key, value in data.items():
        at = f"{where}.{key}" if where else str(key)
        inner = shape.get(key, ...)
        if inner is ...:
            found.append(at)
        elif isinstance(inner, dict):
            found += ignored(value, inner, at)
        elif isinstance(inner, list) and isinstance(value, list):
            for i, item in enumerate(value):
                found += ignored(item, inner[0], f"{at}[{i}]")
    return found


def named_keys(keys: list[str], data: Any) -> list[Localized]:
    """Each path of ``keys`` (:func:`ignored` of ``data``) as a user finds it: a row by
    its 1-based number and its id (« wieght dans criteria, 2e ligne (id 4) » / "wieght
    in criteria, row 2 (id 4)", :func:`rownames.field_name`), another key as it is."""
    return [rownames.field_name(key, data) or Localized(fr=key, en=key) for key in keys]


def unread_keys(text: str) -> list[Localized]:
    """The keys of the JSON text of a project that :func:`loads` does not read
    (:func:`ignored`, :func:`named_keys`), the project alone: a ``publishing``, ``bids``
    or ``contract`` object is named whole (the app's *Import a project (JSON)* copies the
    project, not the records of its publication). Call it after the text loaded."""
    data = json.loads(text)
    return named_keys(ignored(data, project_shape()), data)


def to_dict(
    project: Project,
    publishing: dict[str, Any] | None = None,
    bids: dict[str, Any] | None = None,
    contract: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """The whole project as JSON-ready data; ``publishing``: its publication record as
    ``publishing.jsonform.to_json`` gives it (``None``: not published); ``bids``: its
    bids as ``bids.jsonform.to_json`` gives them (``None``: none); ``contract``: the
    contract's follow-up as ``contract.jsonform.to_json`` gives it (``None``: none),
    last."""
    data: dict[str, Any] = {"format": FORMAT, "version": VERSION}
    for name in SECTIONS:
        data[name] = codec.to_json(getattr(project, name))
    for kind in ENTITIES:
        data[kind] = [codec.to_json(row) for row in project.rows(kind)]
    if publishing is not None:
        data["publishing"] = publishing
    if bids is not None:
        data["bids"] = bids
    if contract is not None:
        data["contract"] = contract
    return data


def dumps(
    project: Project,
    publishing: dict[str, Any] | None = None,
    bids: dict[str, Any] | None = None,
    contract: dict[str, Any] | None = None,
) -> str:
    """The project as indented JSON text (UTF-8, accents kept, stable key order), with
    its publication record, its bids and its contract's follow-up when given
    (:func:`to_dict`)."""
    return json.dumps(to_dict(project, publishing, bids, contract), ensure_ascii=False, indent=2) + "\n"


def publishing_of(data: Any) -> dict[str, Any] | None:
    """The ``publishing`` object of JSON data (version 4), ``None`` when there is none.
    Raises :class:`ProjectJsonError` when it is not an object. Its content is checked
    by ``publishing.jsonform.table_rows``."""
    if not isinstance(data, dict) or data.get("publishing") is None:
        return None
    found = data["publishing"]
    if not isinstance(found, dict):
        raise ProjectJsonError.must_be("publishing", expected.OBJECT)
    return found


def bids_of(data: Any) -> dict[str, Any] | None:
    """The ``bids`` object of JSON data (version 5), ``None`` when there is none. Raises
    :class:`ProjectJsonError` when it is not an object. Its content is checked by
    ``bids.jsonform.table_rows``."""
    if not isinstance(data, dict) or data.get("bids") is None:
        return None
    found = data["bids"]
    if not isinstance(found, dict):
        raise ProjectJsonError.must_be("bids", expected.OBJECT)
    return found


def contract_of(data: Any) -> dict[str, Any] | None:
    """The ``contract`` object of JSON data (version 6), ``None`` when there is none.
    Raises :class:`ProjectJsonError` when it is not an object. Its content is checked by
    ``contract.jsonform.table_rows``."""
    if not isinstance(data, dict) or data.get("contract") is None:
        return None
    found = data["contract"]
    if not isinstance(found, dict):
        raise ProjectJsonError.must_be("contract", expected.OBJECT)
    return found


def from_dict(data: Any, prefix: str = "", *, strict: bool = True) -> Project:
    """A project from JSON data; ``prefix`` leads the path of each field a refusal
    names (``"publishing.model."`` for the published baseline). ``strict`` (``load``,
    the app's import): a choice of the model outside its set (``criteria[0].kind``
    ``"required"``) is refused, naming the field and the values it may hold; not strict
    (the app's own JSON: an undo snapshot, a stored baseline), it is kept as stored,
    like the project file keeps it (docs/file-format.md, "Choice values"). Raises
    :class:`ProjectJsonError`, a row named by its 1-based number and its id
    (:func:`ProjectJsonError.named`)."""
    try:
        return _from_dict(data, prefix, strict)
    except ProjectJsonError as exc:
        raise exc.named(data, prefix) from exc


def _from_dict(data: Any, prefix: str, strict: bool) -> Project:
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ProjectJsonError.of(
            N_("the field {field} must be “{format}”: this is not an Open Procurement Wizard project"),
            field=f"{prefix}format",
            format=FORMAT,
        )
    version = data.get("version")
    if isinstance(version, bool) or not isinstance(version, int):
        raise ProjectJsonError.must_be(f"{prefix}version", expected.WHOLE)
    if version > VERSION:
        raise ProjectJsonError.of(
            N_(
                "the file was made by a newer version of the app (its version {version}, this app reads up to {max})"
            ),
            version=version,
            max=VERSION,
        )
    try:
        data = _read_old_keys(data, prefix)
        project = Project()
        for name, cls in SECTIONS.items():
            if name in data:
                setattr(project, name, codec.from_mapping(cls, data[name], f"{prefix}{name}"))
                if strict:
                    codec.check_choices(getattr(project, name), f"{prefix}{name}")
        for kind, cls in ENTITIES.items():
            rows = data.get(kind, [])
            if not isinstance(rows, list):
                raise codec.CodecError(f"{prefix}{kind}", rows, expected=expected.OBJECTS)
            built = [codec.from_mapping(cls, row, f"{prefix}{kind}[{i}]") for i, row in enumerate(rows)]
            if strict:
                for i, row in enumerate(built):
                    codec.check_choices(row, f"{prefix}{kind}[{i}]")
            setattr(project, kind, built)
        validate(project, prefix)
    except codec.CodecError as exc:
        raise ProjectJsonError.from_codec(exc) from exc
    return project


def _read_old_keys(data: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    """``data`` with the keys of earlier JSON versions read as today's (a copy; the
    input is not changed): a register row's ``helped_drafting`` without ``drafting``
    becomes ``drafting`` ``helped_draft`` (true) or ``none`` (false), like migration 2
    of the file. Raises :class:`codec.CodecError` for a flag that is not a boolean."""
    data = _text_language(data)
    rows = data.get("vendor_exchanges")
    if not isinstance(rows, list):
        return data
    read = []
    for i, row in enumerate(rows):
        if isinstance(row, dict) and "drafting" not in row and row.get("helped_drafting") is not None:
            where = f"{prefix}vendor_exchanges[{i}].helped_drafting"
            flag = codec.python_value(row["helped_drafting"], bool, where)
            row = {**row, "drafting": "helped_draft" if flag else "none"}
        read.append(row)
    return {**data, "vendor_exchanges": read}


def _text_language(data: dict[str, Any]) -> dict[str, Any]:
    """``data`` with ``info.text_language`` set, as migration 3 sets it in a file, when
    JSON older than version 3 lacks it: the binding language by the one rule of
    ``i18n.languages.binding_language`` (a one-language tender's own language, else the
    stored binding version when it is "fr" or "en", else French)."""
    info = data.get("info")
    if not isinstance(info, dict) or info.get("text_language") is not None:
        return data
    if info.get("tender_languages") in ("fr", "en"):
        lang = info["tender_languages"]
    elif info.get("binding_language") in ("fr", "en"):
        lang = info["binding_language"]
    else:
        lang = "fr"
    return {**data, "info": {**info, "text_language": lang}}


def _second(values: list[Any]) -> int | None:
    """The index of the first value that ``values`` already held before it (``None``:
    all distinct), in one pass: a project file's matrix has tens of thousands of cells."""
    seen: set[Any] = set()
    for i, value in enumerate(values):
        if value in seen:
            return i
        seen.add(value)
    return None


def validate(project: Project, prefix: str = "") -> None:
    """Raise :class:`codec.CodecError` for what no project may hold: two rows of a
    list with one id, a row pointing at a missing parent row (a matrix cell without
    its solution, a cost line without its option). ``load`` and the project file's
    reading both run it, so a file that opens dumps to JSON that loads. ``prefix`` leads
    the path of the field named (:func:`from_dict`)."""
    for kind in ENTITIES:
        listed = [row.id for row in project.rows(kind)]
        twice = _second(listed)
        if twice is not None:
            field = f"{prefix}{kind}[{twice}].id"
            detail = Localized.of(DUPLICATE_ID, field=field, id=listed[twice], rows=f"{prefix}{kind}")
            raise codec.CodecError(field, "duplicate id", detail=detail)
    versions = [(row.address, row.lang) for row in project.translations]
    twice = _second(versions)
    if twice is not None:
        field = f"{prefix}translations[{twice}]"
        detail = Localized.of(
            N_(
                "the field {field} is a second version of the text {address} in the language {language}: keep one"
            ),
            field=field,
            address=versions[twice][0],
            language=versions[twice][1],
        )
        raise codec.CodecError(field, "two versions of one text in one language", detail=detail)
    for kind, links in FOREIGN_KEYS.items():
        for column, parent in links:
            ids = {row.id for row in project.rows(parent)}
            for i, row in enumerate(project.rows(kind)):
                if getattr(row, column) not in ids:
                    field = f"{prefix}{kind}[{i}].{column}"
                    value = getattr(row, column)
                    detail = Localized.of(NO_SUCH_ROW, field=field, id=value, rows=f"{prefix}{parent}")
                    raise codec.CodecError(field, value, detail=detail)


def loads(text: str, *, strict: bool = True) -> Project:
    """A project from JSON text (``strict``: as :func:`from_dict`). Raises
    :class:`ProjectJsonError`."""
    try:
        data = json.loads(text)
    except (RecursionError, ValueError) as exc:  # JSONDecodeError, or a number of more than 4300 digits
        detail = syntax_error(exc, text)
        raise ProjectJsonError(f"invalid JSON: {detail.en}", detail) from exc
    return from_dict(data, strict=strict)


def load_file(path: str | Path) -> Project:
    """A project from a JSON file. Raises :class:`ProjectJsonError` or ``OSError``."""
    return load_file_with_publishing(path)[0]


def loads_with_publishing(text: str) -> tuple[Project, dict[str, Any] | None]:
    """A project and its ``publishing`` object (:func:`publishing_of`) from JSON text.
    Raises :class:`ProjectJsonError`."""
    project = loads(text)
    return project, publishing_of(json.loads(text))


def load_file_with_publishing(path: str | Path) -> tuple[Project, dict[str, Any] | None]:
    """:func:`loads_with_publishing` of a file. Raises :class:`ProjectJsonError` or
    ``OSError``."""
    return load_file_with_records(path)[:2]


def loads_with_records(text: str) -> tuple[Project, dict[str, Any] | None, dict[str, Any] | None]:
    """A project, its ``publishing`` object and its ``bids`` object (:func:`bids_of`)
    from JSON text. Raises :class:`ProjectJsonError`."""
    project = loads(text)
    data = json.loads(text)
    return project, publishing_of(data), bids_of(data)


def load_file_with_records(path: str | Path) -> tuple[Project, dict[str, Any] | None, dict[str, Any] | None]:
    """:func:`loads_with_records` of a file. Raises :class:`ProjectJsonError` or
    ``OSError``."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise ProjectJsonError(NOT_UTF8, Localized.of(NOT_UTF8)) from exc
    return loads_with_records(text)


Records = tuple[Project, dict[str, Any] | None, dict[str, Any] | None, dict[str, Any] | None]


def loads_with_contract(text: str) -> Records:
    """A project, its ``publishing``, ``bids`` and ``contract`` objects from JSON text
    (:func:`loads_with_records` and :func:`contract_of`). Raises :class:`ProjectJsonError`."""
    project, publishing, bids = loads_with_records(text)
    return project, publishing, bids, contract_of(json.loads(text))


def read_text(path: str | Path) -> str:
    """The text of a JSON file. Raises :class:`ProjectJsonError` (not UTF-8) or
    ``OSError``."""
    try:
        return Path(path).read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise ProjectJsonError(NOT_UTF8, Localized.of(NOT_UTF8)) from exc


def load_file_with_contract(path: str | Path) -> Records:
    """:func:`loads_with_contract` of a file. Raises :class:`ProjectJsonError` or
    ``OSError``."""
    return loads_with_contract(read_text(path))
