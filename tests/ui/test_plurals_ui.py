"""Plural forms in the interface: 0, 1 and 2 of each counted thing, in French (0 and 1
singular) and English. The messages the pages build from the project are built here the
same way; the rest are the pages' own message ids, through ``n_``."""

from __future__ import annotations

import copy

import pytest

from wizard.core import i18n
from wizard.core.domain.matrix_csv import ImportSummary
from wizard.core.examples import load_example
from wizard.core.i18n import counts
from wizard.ui.pages.market import import_message, summary_text
from wizard.ui.widgets.step_list import StepState


@pytest.fixture(params=["fr", "en"])
def ui_lang(request):
    i18n.set_ui_language(request.param)
    yield request.param
    i18n.set_ui_language("en")


SCANNED = {
    ("fr", 0): "0 solution analysée.",
    ("fr", 1): "1 solution analysée.",
    ("fr", 2): "2 solutions analysées.",
    ("en", 0): "0 solutions scanned.",
    ("en", 1): "1 solution scanned.",
    ("en", 2): "2 solutions scanned.",
}


@pytest.mark.parametrize("n", [0, 1, 2])
def test_market_summary(ui_lang, n):
    project = copy.deepcopy(load_example("office-suite"))
    project.solutions = project.solutions[:n]
    assert summary_text(project).startswith(SCANNED[ui_lang, n] + " ")


IMPORTED = {
    ("fr", 0): "Matrice importée\u00a0: 0 nouvelle solution, 0 nouvelle fonctionnalité ou norme, "
    "0 solution mise à jour, 0 case modifiée.",
    ("fr", 1): "Matrice importée\u00a0: 1 nouvelle solution, 1 nouvelle fonctionnalité ou norme, "
    "1 solution mise à jour, 1 case modifiée.",
    ("fr", 2): "Matrice importée\u00a0: 2 nouvelles solutions, 2 nouvelles fonctionnalités ou normes, "
    "2 solutions mises à jour, 2 cases modifiées.",
    ("en", 0): "Matrix imported: 0 new solutions, 0 new features or standards, 0 solutions updated, "
    "0 cells changed.",
    ("en", 1): "Matrix imported: 1 new solution, 1 new feature or standard, 1 solution updated, "
    "1 cell changed.",
    ("en", 2): "Matrix imported: 2 new solutions, 2 new features or standards, 2 solutions updated, "
    "2 cells changed.",
}


@pytest.mark.parametrize("n", [0, 1, 2])
def test_matrix_import_message(ui_lang, n):
    assert import_message(ImportSummary(n, n, n, n)) == IMPORTED[ui_lang, n]


STEP = {
    ("fr", 0): "Constats ouverts\u00a0: 0 erreur, 0 avertissement, 0 information.",
    ("fr", 1): "Constats ouverts\u00a0: 1 erreur, 1 avertissement, 1 information.",
    ("fr", 2): "Constats ouverts\u00a0: 2 erreurs, 2 avertissements, 2 informations.",
    ("en", 0): "Open findings: 0 errors, 0 warnings, 0 information.",
    ("en", 1): "Open findings: 1 error, 1 warning, 1 information.",
    ("en", 2): "Open findings: 2 errors, 2 warnings, 2 information.",
}


@pytest.mark.parametrize("n", [0, 1, 2])
def test_step_summary(ui_lang, n):
    assert STEP[ui_lang, n] in StepState(done=False, errors=n, warnings=n, infos=n, justified=0).summary()


# The pages' other counted messages: (singular, plural, params, {(lang, n): text}).
MESSAGES = [
    (
        "{count} file written in {folder}.",
        "{count} files written in {folder}.",
        {"folder": "out"},
        ["0 fichier écrit dans out.", "1 fichier écrit dans out.", "2 fichiers écrits dans out."],
        ["0 files written in out.", "1 file written in out.", "2 files written in out."],
    ),
    (
        "Replace {count} existing file in {folder}?",
        "Replace {count} existing files in {folder}?",
        {"folder": "out"},
        [
            "Remplacer 0 fichier existant dans out?",
            "Remplacer 1 fichier existant dans out?",
            "Remplacer 2 fichiers existants dans out?",
        ],
        [
            "Replace 0 existing files in out?",
            "Replace 1 existing file in out?",
            "Replace 2 existing files in out?",
        ],
    ),
    (
        "Delete {count} selected row?",
        "Delete {count} selected rows?",
        {},
        ["Supprimer 0 ligne choisie?", "Supprimer 1 ligne choisie?", "Supprimer les 2 lignes choisies?"],
        ["Delete 0 selected rows?", "Delete 1 selected row?", "Delete 2 selected rows?"],
    ),
    (
        "{count} of {total} scanned solutions meets every mandatory criterion: {names}.",
        "{count} of {total} scanned solutions meet every mandatory criterion: {names}.",
        {"total": 3, "names": "A"},
        [
            "0 des 3 solutions recensées satisfait à tous les critères obligatoires\u00a0: A.",
            "1 des 3 solutions recensées satisfait à tous les critères obligatoires\u00a0: A.",
            "2 des 3 solutions recensées satisfont à tous les critères obligatoires\u00a0: A.",
        ],
        [
            "0 of 3 scanned solutions meet every mandatory criterion: A.",
            "1 of 3 scanned solutions meets every mandatory criterion: A.",
            "2 of 3 scanned solutions meet every mandatory criterion: A.",
        ],
    ),
    (
        "{name}: supported by {count} solution out of {total}.",
        "{name}: supported by {count} solutions out of {total}.",
        {"name": "SSO", "total": 3},
        [
            "SSO\u00a0: offerte par 0 solution sur 3.",
            "SSO\u00a0: offerte par 1 solution sur 3.",
            "SSO\u00a0: offerte par 2 solutions sur 3.",
        ],
        [
            "SSO: supported by 0 solutions out of 3.",
            "SSO: supported by 1 solution out of 3.",
            "SSO: supported by 2 solutions out of 3.",
        ],
    ),
    (
        "Total: {total} out of 100, {count} quality criterion.",
        "Total: {total} out of 100, {count} quality criteria.",
        {"total": counts.points(1)},
        [
            "Total\u00a0: 1 point sur 100, 0 critère de qualité.",
            "Total\u00a0: 1 point sur 100, 1 critère de qualité.",
            "Total\u00a0: 1 point sur 100, 2 critères de qualité.",
        ],
        [
            "Total: 1 point out of 100, 0 quality criteria.",
            "Total: 1 point out of 100, 1 quality criterion.",
            "Total: 1 point out of 100, 2 quality criteria.",
        ],
    ),
]


@pytest.mark.parametrize(("singular", "plural", "params", "fr", "en"), MESSAGES, ids=lambda v: str(v)[:20])
def test_page_messages(ui_lang, singular, plural, params, fr, en):
    expected = fr if ui_lang == "fr" else en
    assert [i18n.n_(singular, plural, n, **params) for n in (0, 1, 2)] == expected


@pytest.mark.parametrize("n", [0, 1, 2])
def test_criteria_summary_and_drafts(ui_lang, n):
    """The criteria page: counts of mandatory and optional criteria and of points."""
    mandatory, optional = counts.mandatory_criteria(n), counts.optional_criteria(n)
    summary = i18n._(
        "{mandatory} and {optional}; a bid needs {needed} to pass.",
        mandatory=mandatory,
        optional=optional,
        needed=counts.points(n),
    )
    drafts = i18n._(
        "Drafts added: {mandatory} and {optional}; reword them and check the findings.",
        mandatory=mandatory,
        optional=optional,
    )
    fr = {
        0: "0 critère obligatoire et 0 critère facultatif; une soumission doit obtenir 0 point pour passer.",
        1: "1 critère obligatoire et 1 critère facultatif; une soumission doit obtenir 1 point pour passer.",
        2: "2 critères obligatoires et 2 critères facultatifs; une soumission doit obtenir 2 points pour passer.",
    }
    en = {
        0: "0 mandatory criteria and 0 optional criteria; a bid needs 0 points to pass.",
        1: "1 mandatory criterion and 1 optional criterion; a bid needs 1 point to pass.",
        2: "2 mandatory criteria and 2 optional criteria; a bid needs 2 points to pass.",
    }
    assert summary == (fr if ui_lang == "fr" else en)[n]
    assert drafts.startswith(
        f"Ébauches ajoutées\u00a0: {fr[n].split(';')[0]};"
        if ui_lang == "fr"
        else f"Drafts added: {en[n].split(';')[0]};"
    )
