"""What a field of the project's JSON must hold, said in plain words (``load``).

A refusal of ``load`` names the field as the file writes it (``contract.terms``; a row's
field by the row's number from 1 and its id, « weight dans criteria, 3e ligne (id 5) »,
:mod:`.rownames`) and says what it must be, in each language: « le champ
contract.terms doit être un objet JSON (entre accolades) » / "the field contract.terms
must be a JSON object (in braces)". The message ids below are the "what"; the codec
(:mod:`.codec`) picks one for each type of the model, the readers of the ``publishing``,
``bids`` and ``contract`` objects for theirs.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from wizard.core.i18n import N_, Localized

MUST_BE = N_("the field {field} must be {expected}")
"""A field of the wrong shape: ``field`` as the file writes it, ``expected`` one of the
message ids below (a ``Localized``)."""

TOO_LONG = N_("the field {field} holds {count} characters, at most {limit}")
"""A text over its limit (``codec.MAX_TEXT``), the counts as the language writes them."""

ONE_OF = N_("the field {field} must be one of: {choices}")
"""A value outside its closed set (a choice of the model, a state, a severity…):
``choices`` the values it may hold, as :func:`choices` quotes them."""

IGNORED = N_("The key {field} is not one the app reads: its value was not loaded.")
"""A key ``load`` does not know (a typo, a newer app's field), said after the load
succeeded: the file is read without it (forward compatibility)."""

OBJECT = N_("a JSON object (in braces)")
LIST = N_("a list (in square brackets)")
OBJECTS = N_("a list of JSON objects (in square brackets)")
TEXT = N_("a text in double quotes")
WHOLE = N_("a whole number")
FLAG = N_("true or false")
NUMBER = N_("a number, or a decimal number in double quotes")
WHOLE_NUMBERS = N_("a list of whole numbers (in square brackets)")
ADDENDUM_NUMBERS = N_("a list of addendum numbers (whole numbers in square brackets)")
AMOUNT = N_("an amount: a decimal number in double quotes")
AMOUNT_NOT_NEGATIVE = N_("an amount of 0 or more: a decimal number in double quotes")
BASE64 = N_("the file's content in base64, as the app writes it")
STATE = N_("“draft” or “issued”")
MOMENT = N_(
    "a date and time with its offset from UTC, in double quotes: “2027-04-16T10:12:00” followed by the town's offset from UTC on that day (“-05:00” in Québec in winter, “-04:00” in summer)"
)


def for_type(kind: Any) -> str:
    """The message id of what a model field of stored type ``kind`` holds in JSON
    (``str``, ``int``, ``bool``, ``Decimal``, ``list[int]``)."""
    if kind is bool:
        return FLAG
    if kind is int:
        return WHOLE
    if kind is Decimal:
        return NUMBER
    if kind is str:
        return TEXT
    return WHOLE_NUMBERS


def choices(values: tuple[str, ...] | list[str]) -> Localized:
    """``values`` as a refusal lists them, each quoted as the language quotes: « fr »,
    « en » with no-break spaces inside the guillemets / “fr”, “en” (the empty value too:
    « » / “”)."""
    return Localized(
        fr=", ".join(f"«\u00a0{v}\u00a0»" if v else "«\u00a0»" for v in values),
        en=", ".join(f"“{v}”" for v in values),
    )
