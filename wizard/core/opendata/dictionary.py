"""The data dictionary of the open-data CSV files, in English and in French.

:func:`markdown` gives the whole of ``docs/data-dictionary.md`` from the columns of
:mod:`wizard.core.opendata.csv_export` and the labels of the stored codes
(``i18n.labels``): ``python tools/data_dictionary.py`` writes it, and
``tests/core/test_csv_export.py`` fails while the file differs, so the dictionary and
the files never disagree.
"""

from __future__ import annotations

from wizard.core.i18n import N_, tr
from wizard.core.i18n.labels import value_label
from wizard.core.model.choices import (
    CHANNELS,
    CRITERION_CATEGORIES,
    CRITERION_KINDS,
    DRAFTING_ROLES,
    VERIFICATIONS,
)
from wizard.core.opendata.amendments import ADDENDA_COLUMNS, ADDENDA_FILE
from wizard.core.opendata.bids_csv import BIDS_COLUMNS, BIDS_FILE
from wizard.core.opendata.csv_export import CRITERIA_COLUMNS, FALSE, REGISTER_COLUMNS, TRUE, Column
from wizard.core.opendata.follow_up import FILES as FOLLOW_UP_FILES
from wizard.core.opendata.outputs import CRITERIA_FILE, REGISTER_FILE

CODE_LISTS: dict[str, tuple[str, ...]] = {
    "boolean": (TRUE, FALSE),
    "channel": CHANNELS,
    "drafting": DRAFTING_ROLES,
    "kind": CRITERION_KINDS,
    "category": CRITERION_CATEGORIES,
    "verification": VERIFICATIONS,
}
"""Code list name (``Column.codes``) → its codes, in order."""

_BOOLEAN_LABELS = {TRUE: N_("Yes"), FALSE: N_("No")}

_TEXT = {
    "en": {
        "title": "Data dictionary",
        "intro": (
            "The open-data CSV files have the same columns and the same codes whatever the "
            "language of the tender: the header row holds the machine names below, choices are "
            "codes and yes/no is `true` / `false`. Text typed by the town stays as typed. Files: "
            "UTF-8 with a byte-order mark, comma separator, CRLF line ends, RFC 4180 quoting."
        ),
        "guard": (
            "**Formula guard.** A cell that a spreadsheet would run as a formula (it starts with "
            "`=`, `+`, `-`, `@`, a tab or a carriage return, and is not a plain number such as "
            "`-2`) is written with one leading apostrophe `'`, so that it shows as text. To get "
            "the value as typed, remove one leading apostrophe from a cell when what follows it "
            "(after any further apostrophes) starts with one of these characters and is not a "
            "plain number (`wizard.core.csv_cells.unguard_cell`). No other cell is changed."
        ),
        "column": "Column",
        "meaning": "Meaning",
        "codes": "Codes",
        "code": "Code",
        "label": "Label",
        "list": "codes: {name}",
    },
    "fr": {
        "title": "Dictionnaire de données",
        "intro": (
            "Les fichiers CSV de données ouvertes ont les mêmes colonnes et les mêmes codes quelle "
            "que soit la langue de l’appel d’offres : la ligne d’en-tête contient les noms ci-dessous, "
            "les choix sont des codes et oui/non s’écrit `true` / `false`. Le texte saisi par la Ville "
            "reste tel quel. Fichiers : UTF-8 avec marque d’ordre des octets, séparateur virgule, fins "
            "de ligne CRLF, guillemets selon la RFC 4180."
        ),
        "guard": (
            "**Protection contre les formules.** Une cellule qu’un tableur exécuterait comme une "
            "formule (elle commence par `=`, `+`, `-`, `@`, une tabulation ou un retour chariot, et "
            "n’est pas un simple nombre comme `-2`) est écrite précédée d’une apostrophe `'`, pour "
            "s’afficher comme du texte. Pour retrouver la valeur saisie, retirez une apostrophe en tête "
            "d’une cellule lorsque ce qui la suit (après d’autres apostrophes éventuelles) commence par "
            "l’un de ces caractères et n’est pas un simple nombre "
            "(`wizard.core.csv_cells.unguard_cell`). Aucune autre cellule n’est modifiée."
        ),
        "column": "Colonne",
        "meaning": "Signification",
        "codes": "Codes",
        "code": "Code",
        "label": "Libellé",
        "list": "codes : {name}",
    },
}


def code_label(code: str, lang: str) -> str:
    """The label of a code of :data:`CODE_LISTS` in ``lang``."""
    return tr(_BOOLEAN_LABELS[code], lang) if code in _BOOLEAN_LABELS else value_label(code, lang)


def _columns(columns: tuple[Column, ...], lang: str) -> list[str]:
    text = _TEXT[lang]
    lines = [f"| {text['column']} | {text['meaning']} |", "|---|---|"]
    for column in columns:
        meaning = tr(column.description, lang)
        if column.codes:
            meaning += " (" + text["list"].format(name=f"`{column.codes}`") + ")"
        lines.append(f"| `{column.name}` | {meaning} |")
    return lines


def _codes(lang: str) -> list[str]:
    text = _TEXT[lang]
    lines = [f"### {text['codes']}", ""]
    for name, codes in CODE_LISTS.items():
        lines += [f"`{name}`", "", f"| {text['code']} | {text['label']} |", "|---|---|"]
        lines += [f"| `{code}` | {code_label(code, lang)} |" for code in codes]
        lines.append("")
    return lines


def markdown() -> str:
    """The whole data dictionary (module doc), English first, then French."""
    lines = [
        "# Data dictionary / Dictionnaire de données",
        "",
        "<!-- Generated by tools/data_dictionary.py from wizard/core/opendata/csv_export.py; "
        "do not edit by hand. -->",
        "",
    ]
    for lang in ("en", "fr"):
        text = _TEXT[lang]
        lines += [f"## {text['title']} ({lang.upper()})", "", text["intro"], "", text["guard"], ""]
        for file, columns in (
            (REGISTER_FILE, REGISTER_COLUMNS),
            (CRITERIA_FILE, CRITERIA_COLUMNS),
            (ADDENDA_FILE, ADDENDA_COLUMNS),
            (BIDS_FILE, BIDS_COLUMNS),
            *FOLLOW_UP_FILES,
        ):
            lines += [f"### `{file}`", "", *_columns(columns, lang), ""]
        lines += _codes(lang)
    return "\n".join(lines).rstrip("\n") + "\n"
