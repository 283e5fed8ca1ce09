"""Counted phrases that several messages share ("70 points", "3 errors"), as
:class:`~wizard.core.i18n.Plural` parameters: a message with two counts names each
through one of these ("Weights: quality {quality}, price {price}."), so that each noun
agrees with its own number. A message with one count is one plural message instead.
"""

from __future__ import annotations

from wizard.core.i18n import Plural


def points(n: int) -> Plural:
    """ "1 point", "70 points"; French "0 point"."""
    return Plural("{count} point", "{count} points", n)


def errors(n: int) -> Plural:
    """ "1 error", "2 errors"; French "1 erreur", "2 erreurs"."""
    return Plural("{count} error", "{count} errors", n)


def mandatory_criteria(n: int) -> Plural:
    """ "1 mandatory criterion", "2 mandatory criteria"."""
    return Plural("{count} mandatory criterion", "{count} mandatory criteria", n)


def optional_criteria(n: int) -> Plural:
    """ "1 optional criterion", "2 optional criteria"."""
    return Plural("{count} optional criterion", "{count} optional criteria", n)
