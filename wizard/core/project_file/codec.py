"""Convert model values to and from their stored forms (SQLite columns and JSON).

The annotations of the model's dataclasses decide everything: ``str``, ``int``,
``bool``, ``Decimal`` (kept as its exact decimal string) and ``list[int]`` (a JSON
array). Values that do not fit raise :class:`CodecError` with the field's name, so a
hand-edited or foreign JSON file gets a clear message instead of a wrong project.

A choice (a ``Literal`` of strings, ``model/choices.py``) is stored as its string. A
string outside the set read from a project file is kept as stored, never replaced:
nothing is lost and the checks report it (docs/file-format.md, "Choice values"); one
given by an operation or by ``load`` is refused (:func:`check_choices`). Any other type
for a choice raises :class:`CodecError` like a ``str``.
"""

from __future__ import annotations

import json
from dataclasses import fields
from decimal import Decimal, InvalidOperation
from typing import Any, get_type_hints

from wizard.core.i18n import N_, Localized, bilingual
from wizard.core.model.choices import choice_fields, literal_values
from wizard.core.project_file import expected

MAX_TEXT = 100_000
"""The most characters a text field holds (docs/file-format.md, "Limits"): about 40
pages, several times the longest text a tender field needs (a statement of need, a
clause rewritten by the town's lawyer). Longer texts are refused on entry, in a file and
in JSON: a 60 MB field made ``check`` run for minutes."""

INT_MIN, INT_MAX = -(2**63), 2**63 - 1
"""What an SQLite INTEGER holds; a larger ``int`` (in JSON) is refused, not crashed on."""

_SHOWN = 60  # characters of a refused value quoted in a message


class CodecError(ValueError):
    """A stored value does not fit its field; ``field`` names it. ``expected``: the
    message id of what the field holds (:mod:`.expected`), or ``detail``: the whole
    refusal in each language; :meth:`localized` gives the one ``load`` shows."""

    def __init__(
        self,
        field: str,
        value: object,
        message: str = "",
        *,
        expected: str = "",
        detail: Localized | None = None,
    ) -> None:
        super().__init__(message or f"{field}: unexpected value {_shown(value)}")
        self.field = field
        self.value = value
        self.expected = expected
        self.detail = detail

    def localized(self) -> Localized:
        """The refusal in each language, naming the field as the file writes it: its
        ``detail``, else « le champ F doit être … » / "the field F must be …", else the
        value it cannot hold."""
        if self.detail is not None:
            return self.detail
        if self.expected:
            return Localized.of(expected.MUST_BE, field=self.field, expected=Localized.of(self.expected))
        return Localized.of(
            N_("the field {field} cannot hold the value {value}"), field=self.field, value=_shown(self.value)
        )


def _shown(value: object) -> str:
    """``value`` as a message quotes it, cut after :data:`_SHOWN` characters."""
    shown = repr(value)
    if len(shown) > _SHOWN:
        shown = shown[:_SHOWN] + f"… ({len(shown)} characters)"
    return shown


def count_text(n: int) -> Localized:
    """``n`` as each language groups its digits ("100,000", « 100 000 », a no-break
    space)."""
    return Localized(fr=f"{n:,}".replace(",", "\u00a0"), en=f"{n:,}")


class TextTooLong(CodecError):
    """A text longer than :data:`MAX_TEXT`; the message is bilingual."""

    def __init__(self, field: str, length: int) -> None:
        text = bilingual(
            N_("This text is too long: {count} characters, at most {limit}."),
            count=f"{length:,}".replace(",", " "),
            limit=f"{MAX_TEXT:,}".replace(",", " "),
        )
        detail = Localized.of(
            expected.TOO_LONG, field=field, count=count_text(length), limit=count_text(MAX_TEXT)
        )
        super().__init__(field, length, f"{text} ({field})", detail=detail)


class NotInSet(CodecError):
    """A choice (``model/choices.py``) given a value outside its set; the message is
    bilingual, ``detail`` names the field and the values it may hold
    (:data:`expected.ONE_OF`)."""

    def __init__(self, field: str, value: object, values: tuple[str, ...]) -> None:
        detail = Localized.of(expected.ONE_OF, field=field, choices=expected.choices(values))
        super().__init__(field, value, f"{detail.fr} / {detail.en}", detail=detail)


def check_choices(obj: object, where: str, before: object = None) -> None:
    """Raise :class:`NotInSet` for the first choice field of ``obj`` (an entity or a
    section) holding a value outside its set, named ``where.<field>``; with ``before``
    (the row or section as saved), only for a field whose value changed: a value kept
    as stored (docs/file-format.md, "Choice values") stays when the row is saved again."""
    for name, values in choice_fields(type(obj)).items():
        value = getattr(obj, name)
        if value not in values and (before is None or getattr(before, name) != value):
            raise NotInSet(f"{where}.{name}", value, values)


def decode_json(text: object, field: str) -> Any:
    """The value of a JSON text stored in the file, within limits: text of at most
    6 × :data:`MAX_TEXT` characters (a longest text with every character escaped),
    nesting Python can follow. Raises :class:`CodecError` naming ``field``."""
    if not isinstance(text, str):
        raise CodecError(field, text, expected=expected.TEXT)
    if len(text) > 6 * MAX_TEXT + 2:
        raise TextTooLong(field, len(text))
    try:
        return json.loads(text)
    except (ValueError, RecursionError) as exc:  # bad JSON, a number past 4300 digits, deep nesting
        raise CodecError(field, text) from exc


def check_values(obj: object, where: str) -> None:
    """Raise :class:`CodecError` for a value of ``obj`` (an entity or a section) the file
    does not take: a text over :data:`MAX_TEXT`, an integer beyond 64 bits."""
    for name, kind in field_types(type(obj)).items():
        python_value(json_value(getattr(obj, name), kind), kind, f"{where}.{name}")


_FIELD_TYPES: dict[type, dict[str, Any]] = {}


def field_types(cls: type) -> dict[str, Any]:
    """Attribute name → stored type for a model dataclass (ClassVars excluded): its
    annotation, with ``str`` for a choice (:func:`stored_type`)."""
    known = _FIELD_TYPES.get(cls)
    if known is not None:
        return known
    hints = get_type_hints(cls)
    found = _FIELD_TYPES[cls] = {f.name: stored_type(hints[f.name]) for f in fields(cls)}
    return found


def stored_type(kind: Any) -> Any:
    """The type a value of annotation ``kind`` is stored as: ``str`` for a choice
    (a ``Literal`` of strings), ``kind`` itself otherwise."""
    return str if literal_values(kind) is not None else kind


def python_value(value: object, kind: Any, name: str) -> object:
    """A stored (SQLite or JSON) ``value`` as the Python value of type ``kind``. Raises
    :class:`CodecError` naming ``name``, with what the field holds."""
    try:
        return _python_value(value, kind, name)
    except CodecError as exc:
        if exc.expected or exc.detail is not None:
            raise
        raise CodecError(name, value, str(exc), expected=expected.for_type(kind)) from exc.__cause__


def _python_value(value: object, kind: Any, name: str) -> object:
    try:
        if kind is bool:
            if isinstance(value, bool):
                return value
            if isinstance(value, int) and value in (0, 1):
                return bool(value)
            raise CodecError(name, value)
        if kind is int:
            if isinstance(value, bool) or not isinstance(value, int) or not INT_MIN <= value <= INT_MAX:
                raise CodecError(name, value)
            return value
        if kind is Decimal:
            if isinstance(value, bool) or not isinstance(value, (str, int, float)):
                raise CodecError(name, value)
            if isinstance(value, str) and len(value) > MAX_TEXT:
                raise TextTooLong(name, len(value))
            number = Decimal(str(value))
            if not number.is_finite():
                raise CodecError(name, value)
            return number
        if kind is str:
            if not isinstance(value, str):
                raise CodecError(name, value)
            if len(value) > MAX_TEXT:
                raise TextTooLong(name, len(value))
            return value
        # list[int]
        if isinstance(value, str) and len(value) > MAX_TEXT:
            raise TextTooLong(name, len(value))
        items = json.loads(value) if isinstance(value, str) else value
        if not isinstance(items, list) or not all(
            isinstance(i, int) and not isinstance(i, bool) and INT_MIN <= i <= INT_MAX for i in items
        ):
            raise CodecError(name, value)
        return list(items)
    except CodecError:
        raise
    except (InvalidOperation, ValueError, RecursionError) as exc:  # JSONDecodeError is a ValueError
        raise CodecError(name, value) from exc


def sqlite_value(value: object, kind: Any) -> object:
    """The SQLite column value for a Python model value."""
    if kind is bool:
        return 1 if value else 0
    if kind is Decimal:
        return str(value)
    if kind in (int, str):
        return value
    return json.dumps(value)


def json_value(value: object, kind: Any) -> object:
    """The JSON value for a Python model value (Decimal as an exact string)."""
    if kind is Decimal:
        return str(value)
    if kind in (int, str, bool):
        return value
    return list(value)  # type: ignore[call-overload]


def column_type(kind: Any) -> type:
    """The sqlite-utils column type for a model type."""
    if kind in (int, bool):
        return int
    return str


def to_row(obj: object) -> dict[str, object]:
    """A whole SQLite row for an entity or section (every column, docs/cases.md K3)."""
    return {name: sqlite_value(getattr(obj, name), kind) for name, kind in field_types(type(obj)).items()}


def to_json(obj: object) -> dict[str, object]:
    """A JSON object for an entity or section."""
    return {name: json_value(getattr(obj, name), kind) for name, kind in field_types(type(obj)).items()}


def from_mapping(cls: type, data: dict[str, Any], where: str) -> Any:
    """Build ``cls`` from a row or JSON object; unknown keys are ignored, missing
    keys take their defaults. Raises :class:`CodecError` naming ``where.<field>``."""
    if not isinstance(data, dict):
        raise CodecError(where, data, expected=expected.OBJECT)
    kwargs = {
        name: python_value(data[name], kind, f"{where}.{name}")
        for name, kind in field_types(cls).items()
        if name in data and data[name] is not None
    }
    return cls(**kwargs)
