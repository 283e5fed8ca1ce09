"""Translations (README.md, "Translations"): every catalogue parses with Babel, is complete and keeps its
placeholders; the core's own messages are all in French."""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_file
from babel.messages.pofile import read_po

from wizard.core import i18n
from wizard.core.model.defaults import BUSINESS_UNITS, GOVERNANCE_ITEMS, PUBLICATION_ITEMS, new_project
from wizard.core.paths import resource_path
from wizard.core.steps import STEPS, Step

ROOT = Path(__file__).resolve().parents[2]
PO_FILES = sorted(resource_path("locale").glob("*/LC_MESSAGES/*.po"))
CORE_SOURCES = [
    "wizard/core/project_file/store.py",
    "wizard/core/project_file/fileformat.py",
    "wizard/core/model/defaults.py",
    "wizard/core/steps.py",
    "wizard/cli/__init__.py",
]


def _read(path: Path):
    with open(path, "rb") as handle:
        return read_po(handle, locale=path.parts[-3], abort_invalid=True)


def _placeholders(text: str) -> set[str]:
    return {name for _lit, name, _spec, _conv in string.Formatter().parse(text) if name is not None}


def test_there_are_catalogues():
    assert resource_path("locale", "fr", "LC_MESSAGES", "core.po") in PO_FILES


@pytest.mark.parametrize("path", PO_FILES, ids=lambda p: p.name)
def test_catalogue_is_clean(path):
    raw = path.read_text(encoding="utf-8")
    assert re.search(r'"Content-Type: text/plain; charset=UTF-8\\n"', raw, re.IGNORECASE)
    catalogue = _read(path)
    messages = [m for m in catalogue if m.id]
    assert messages, "empty catalogue"
    for message in messages:
        assert isinstance(message.id, str), f"{path.name}: plural forms are not used: {message.id}"
        assert not message.fuzzy, f"{path.name}: fuzzy: {message.id!r}"
        assert message.string.strip(), f"{path.name}: untranslated: {message.id!r}"
        assert _placeholders(message.id) == _placeholders(message.string), f"{path.name}: {message.id!r}"
    ids = [m.id for m in messages]
    assert len(ids) == len(set(ids))


def test_a_message_has_one_french_translation_across_domains():
    """All domains are merged at run time: the same msgid must not mean two things."""
    seen: dict[str, tuple[str, str]] = {}
    for path in PO_FILES:
        if path.parts[-3] != "fr":
            continue
        for message in _read(path):
            if not message.id:
                continue
            if message.id in seen:
                other_file, other = seen[message.id]
                assert other == message.string, (
                    f"{message.id!r} is translated {other!r} in {other_file} but {message.string!r} "
                    f"in {path.name}: agree on one wording (the merged catalogue keeps only one)"
                )
            seen[message.id] = (path.name, message.string)


def test_every_core_message_is_translated():
    catalogue = i18n.catalogue("fr")
    missing = []
    for source in CORE_SOURCES:
        for _line, text, _comments, _context in extract_from_file(
            "python", ROOT / source, keywords={"N_": None, "tr": (1,)}
        ):
            if isinstance(text, str) and text not in catalogue:
                missing.append(f"{source}: {text}")
    assert missing == []


def test_defaults_and_step_titles_in_french():
    assert i18n.tr(STEPS[Step.TCO].title, "fr") == "Coût total de possession"
    assert i18n.tr(BUSINESS_UNITS[1], "fr") == "Service de sécurité incendie"
    assert all(i18n.tr(text, "fr") != text for text in GOVERNANCE_ITEMS.values())
    assert all(i18n.tr(text, "fr") != text for text in PUBLICATION_ITEMS.values())
    names = [u.name for u in new_project("fr").business_units]
    assert names[:2] == ["Service de police", "Service de sécurité incendie"]
    assert [u.name for u in new_project("en").business_units][:2] == ["Police", "Fire"]


def test_tr_formats_and_falls_back():
    assert i18n.tr("{errors} error(s), {total} finding(s)", "fr", errors=2, total=5) == (
        "2 erreur(s), 5 constat(s)"
    )
    assert i18n.tr("Never translated {x}", "fr", x=1) == "Never translated 1"
    assert i18n.tr("{errors} error(s), {total} finding(s)", "fr") == "{errors} erreur(s), {total} constat(s)"
    assert i18n.tr("Project", "de") == "Project"


def test_bilingual_file_error():
    text = i18n.bilingual("This project file does not exist.")
    assert text == "Ce fichier de projet n'existe pas. / This project file does not exist."


def test_ui_language_switch():
    try:
        i18n.set_ui_language("fr")
        assert i18n._("Market scan") == "Veille de marché"
        with pytest.raises(ValueError):
            i18n.set_ui_language("de")
    finally:
        i18n.set_ui_language("en")
    assert i18n._("Market scan") == "Market scan"


@pytest.mark.parametrize(
    ("env", "lang"),
    [({"LC_ALL": "fr_CA.UTF-8"}, "fr"), ({"LANG": "en_CA.UTF-8"}, "en"), ({"LANG": "C"}, "en")],
)
def test_system_language(monkeypatch, env, lang):
    for var in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        monkeypatch.delenv(var, raising=False)
    for var, value in env.items():
        monkeypatch.setenv(var, value)
    assert i18n.system_language() == lang
