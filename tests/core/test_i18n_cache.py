"""The cache of merged catalogues (``wizard/core/i18n/po_cache.py``): same messages as the
``.po`` files, rebuilt when one changes, never in the way when it cannot work."""

from __future__ import annotations

import json
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from babel.messages import pofile

from wizard.core import i18n
from wizard.core.i18n import po_cache as i18n_cache
from wizard.core.paths import resource_path


@pytest.fixture
def locale(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A copy of the shipped locale folder, a private cache folder, fresh catalogues."""
    folder = tmp_path / "locale"
    shutil.copytree(resource_path("locale"), folder)
    monkeypatch.setattr(i18n, "resource_path", lambda *parts: folder.joinpath(*parts[1:]))
    monkeypatch.setattr(i18n_cache, "cache_folder", lambda: tmp_path / "cache")
    i18n.catalogue.cache_clear()
    yield folder
    i18n.catalogue.cache_clear()


def _from_po(folder: Path) -> dict[str, str]:
    messages: dict[str, str] = {}
    for path in sorted((folder / "fr" / "LC_MESSAGES").glob("*.po")):
        with open(path, "rb") as handle:
            for message in pofile.read_po(handle, locale="fr"):
                if message.id and message.string and not message.fuzzy:
                    messages[str(message.id)] = str(message.string)
    return messages


def _no_babel(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("the .po files were parsed again")

    monkeypatch.setattr(pofile, "read_po", refuse)


def test_first_read_writes_the_cache_second_skips_babel(
    locale: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    built = i18n.catalogue("fr")
    assert built == _from_po(locale)
    title = built["Open Procurement Wizard"]
    assert title.startswith("Assistant d")
    saved = json.loads((tmp_path / "cache" / "messages-fr.json").read_text(encoding="utf-8"))
    assert saved["messages"] == built
    assert saved["stamp"][0] == i18n_cache.FORMAT
    assert [name for name, _digest in saved["stamp"][1:]] == sorted(
        p.name for p in (locale / "fr" / "LC_MESSAGES").glob("*.po")
    )
    i18n.catalogue.cache_clear()
    _no_babel(monkeypatch)
    assert i18n.catalogue("fr") == built
    assert i18n.tr("Open Procurement Wizard", "fr") == title


def test_an_edited_po_file_rebuilds_the_cache(locale: Path) -> None:
    title = i18n.catalogue("fr")["Open Procurement Wizard"]
    ui_po = locale / "fr" / "LC_MESSAGES" / "ui.po"
    text = ui_po.read_text(encoding="utf-8")
    entry = f'msgid "Open Procurement Wizard"\nmsgstr "{title}"'
    assert entry in text
    ui_po.write_text(
        text.replace(entry, 'msgid "Open Procurement Wizard"\nmsgstr "Assistant ouvert"'), encoding="utf-8"
    )
    i18n.catalogue.cache_clear()
    assert i18n.tr("Open Procurement Wizard", "fr") == "Assistant ouvert"


@pytest.mark.parametrize(
    "content", ["not json", "[1, 2]", '{"stamp": [1], "messages": {}}', '{"messages": {"a": 3}}']
)
def test_damaged_or_foreign_cache_is_ignored_and_replaced(locale: Path, tmp_path: Path, content: str) -> None:
    (tmp_path / "cache").mkdir()
    (tmp_path / "cache" / "messages-fr.json").write_text(content, encoding="utf-8")
    assert i18n.catalogue("fr") == _from_po(locale)
    assert json.loads((tmp_path / "cache" / "messages-fr.json").read_text(encoding="utf-8"))["messages"]


def test_cache_tampered_with_a_valid_stamp_is_used_only_if_well_formed(locale: Path, tmp_path: Path) -> None:
    title = i18n.catalogue("fr")["Open Procurement Wizard"]
    path = tmp_path / "cache" / "messages-fr.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["messages"] = {"Open Procurement Wizard": 42}
    path.write_text(json.dumps(data), encoding="utf-8")
    i18n.catalogue.cache_clear()
    assert i18n.tr("Open Procurement Wizard", "fr") == title


def test_unwritable_or_missing_cache_folder_still_translates(
    locale: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "cache").write_text("a file where the folder should be", encoding="utf-8")
    assert i18n.catalogue("fr") == _from_po(locale)
    assert not i18n_cache.save("fr", [i18n_cache.FORMAT], {"a": "b"})
    monkeypatch.setattr(i18n_cache, "cache_folder", lambda: None)
    i18n.catalogue.cache_clear()
    assert i18n.catalogue("fr") == _from_po(locale)
    assert i18n_cache.load("fr", [i18n_cache.FORMAT]) is None


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="XDG folders are Linux's")
def test_cache_folder_follows_xdg_cache_home(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert i18n_cache.cache_folder() == tmp_path / "open-procurement-wizard"
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert i18n_cache.cache_folder() == tmp_path / "home" / ".cache" / "open-procurement-wizard"
