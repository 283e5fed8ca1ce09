"""Translations (README.md, "Translations"): every catalogue parses with Babel, declares
French plural forms, is complete and keeps its placeholders; every message the code
marks is in French."""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from po_messages import ROOT, code_ids, french_ids

from wizard.core import i18n
from wizard.core.model.defaults import BUSINESS_UNITS, GOVERNANCE_ITEMS, PUBLICATION_ITEMS, new_project
from wizard.core.paths import resource_path
from wizard.core.steps import STEPS, Step

PO_FILES = sorted(resource_path("locale").glob("*/LC_MESSAGES/*.po"))
PLURAL_FORMS = {"fr": "nplurals=2; plural=(n > 1);"}  # French: 0 and 1 are singular


def _read(path: Path):
    with open(path, "rb") as handle:
        return read_po(handle, locale=path.parts[-3], abort_invalid=True)


def _placeholders(text: str) -> set[str]:
    return {name for _lit, name, _spec, _conv in string.Formatter().parse(text) if name is not None}


def test_there_are_catalogues():
    assert resource_path("locale", "fr", "LC_MESSAGES", "core.po") in PO_FILES


def test_a_checkout_holds_no_compiled_catalogue():
    """Only a wheel ships ``wizard.mo`` (hatch_build.py): one here would hide .po edits."""
    assert list((ROOT / "resources" / "locale").rglob("*.mo")) == []


@pytest.mark.parametrize("path", PO_FILES, ids=lambda p: p.name)
def test_catalogue_is_clean(path):
    raw = path.read_text(encoding="utf-8")
    assert re.search(r'"Content-Type: text/plain; charset=UTF-8\\n"', raw, re.IGNORECASE)
    plural_forms = PLURAL_FORMS[path.parts[-3]]
    assert f'"Plural-Forms: {plural_forms}\\n"' in raw  # in the file: Babel's default for fr differs
    catalogue = _read(path)
    assert catalogue.plural_forms == plural_forms
    messages = [m for m in catalogue if m.id]
    assert messages, "empty catalogue"
    for message in messages:
        assert not message.fuzzy, f"{path.name}: fuzzy: {message.id!r}"
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        forms = message.string if isinstance(message.string, tuple) else (message.string,)
        assert len(forms) == (catalogue.num_plurals if message.pluralizable else 1), message.id
        for form in forms:
            assert form.strip(), f"{path.name}: untranslated: {message.id!r}"
            assert _placeholders(form) == _placeholders(ids[0]), f"{path.name}: {message.id!r}"
        assert _placeholders(ids[-1]) == _placeholders(ids[0]), f"{path.name}: {message.id!r}"
    # Babel's reader keeps the last of two entries with the same id: count them in the text
    # (msgfmt refuses such a file).
    raw_ids = [
        "".join(re.findall(r'"(.*)"', block))
        for block in re.findall(r'^msgid ((?:".*"\n)+)', raw, re.MULTILINE)
    ]
    duplicates = sorted({i for i in raw_ids if raw_ids.count(i) > 1})
    assert not duplicates, f"{path.name}: defined twice: {duplicates}"


@pytest.mark.parametrize("path", PO_FILES, ids=lambda p: p.name)
def test_the_french_writes_the_typographic_apostrophe(path):
    """The house rule of the documents (’, never ') holds for the command line's messages
    too: « n’est pas un choix possible » beside « L’archive n’a pas pu être écrite » (walk
    2026-12-06 point 15), whether the message rewords argparse's or is our own."""
    straight = [
        m.id
        for m in _read(path)
        if m.id and any("'" in form for form in (m.string if isinstance(m.string, tuple) else (m.string,)))
    ]
    assert straight == []


def test_the_command_line_writes_one_apostrophe(tmp_path, capsys):
    from wizard import cli

    assert cli.main(["export", str(tmp_path / "x.tender"), "--out", str(tmp_path), "--lang", "de"]) == 2
    assert capsys.readouterr().err.startswith(
        "--lang\u00a0: de n’est pas un choix possible; choisissez parmi"
    )
    assert cli.main(["dump", str(tmp_path)]) == 2
    assert capsys.readouterr().err.startswith(
        "C’est un dossier, pas un fichier de projet. / This is a folder"
    )


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


def test_every_message_the_code_marks_is_translated():
    """``N_``, ``tr``, ``_`` and the plural ``ntr``, ``n_``, ``Plural`` in every module."""
    sources = sorted(p.relative_to(ROOT) for p in (ROOT / "wizard").rglob("*.py") if "_data" not in p.parts)
    marked = code_ids(sources)
    assert any(isinstance(m, tuple) for m in marked) and len(marked) > 900
    french = french_ids()
    assert [m for m in marked if m not in french] == []


def test_defaults_and_step_titles_in_french():
    assert i18n.tr(STEPS[Step.TCO].title, "fr") == "Coût total de possession"
    assert i18n.tr(BUSINESS_UNITS[1], "fr") == "Service de sécurité incendie"
    assert all(i18n.tr(text, "fr") != text for text in GOVERNANCE_ITEMS.values())
    assert all(i18n.tr(text, "fr") != text for text in PUBLICATION_ITEMS.values())
    names = [u.name for u in new_project("fr").business_units]
    assert names[:2] == ["Service de police", "Service de sécurité incendie"]
    assert [u.name for u in new_project("en").business_units][:2] == ["Police", "Fire"]


def test_tr_formats_and_falls_back():
    text = "Unknown example {name}; choose one of: {names}."
    assert (
        i18n.tr(text, "fr", name="x", names="a, b")
        == "Exemple inconnu\u00a0: x; choisissez parmi\u00a0: a, b."
    )
    assert i18n.tr("Never translated {x}", "fr", x=1) == "Never translated 1"
    assert i18n.tr(text, "fr", name="x") == "Exemple inconnu\u00a0: {name}; choisissez parmi\u00a0: {names}."
    assert i18n.tr("Project", "de") == "Project"


def test_french_elides_before_a_value_that_begins_with_a_vowel():
    """Walk 2026-12-06, defect 15: "de Apprentissage Fundy inc." → "d’Apprentissage";
    a consonant, an h or a digit keeps "de"; English is untouched."""
    text = (
        "Every bid but the one awarded, from {name}, was set aside (red flag R035, Open "
        "Contracting Partnership): the evaluation report must give the reason for each, "
        "so that anyone can see the others were not set aside to favour the winner."
    )
    cases = {
        "Apprentissage Fundy inc.": "d’Apprentissage Fundy inc.",
        "ÉduNum Solutions inc.": "d’ÉduNum Solutions inc.",
        "Formation Atlantique ltée": "de Formation Atlantique ltée",
        "Hydro Atlantique": "de Hydro Atlantique",
        "3D Formation": "de 3D Formation",
        "Yarmouth Technologies": "de Yarmouth Technologies",
    }
    for name, expected in cases.items():
        assert f"sauf celle qui est retenue, {expected}, ont été" in i18n.tr(text, "fr", name=name)
    assert i18n.tr("{name} and more", "en", name="Apprentissage") == "Apprentissage and more"


def test_a_value_that_ends_a_sentence_with_its_period_takes_no_second_one():
    """Walk defect 15: "par M. T.." in a sentence ending on a name with an initial."""
    text = "The price envelopes were opened on {moment} by {by}; witnesses: {witnesses}."
    got = i18n.tr(text, "fr", moment="2027-05-05", by="M. T.", witnesses="L. M.")
    assert got.endswith("témoins\u00a0: L. M.") and ".." not in got
    assert i18n.tr(text, "en", moment="x", by="y", witnesses="Luc Melanson").endswith("Luc Melanson.")


def test_bilingual_file_error():
    text = i18n.bilingual("This project file does not exist.")
    assert text == "Ce fichier de projet n’existe pas. / This project file does not exist."


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


_PO = """msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"
"Plural-Forms: nplurals=2; plural=(n > 1);\\n"

msgid "Market scan"
msgstr "{text}"
"""


def test_a_checkout_compiles_its_catalogue_once_and_again_after_an_edit(tmp_path, monkeypatch):
    """``compile.cached_mo``: the compiled catalogue is kept under a hash of the .po
    files' bytes; an edit compiles again; a cache that cannot be written is skipped."""
    import gettext
    import io

    from wizard.core.i18n import compile as compiling

    folder = tmp_path / "fr" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    po = folder / "ui.po"
    po.write_text(_PO.format(text="Veille de marché"), encoding="utf-8")
    cache = tmp_path / "cache"
    calls = []
    real = compiling.compile_po
    monkeypatch.setattr(compiling, "compile_po", lambda files: calls.append(files) or real(files))

    def french(data: bytes) -> str:
        return gettext.GNUTranslations(io.BytesIO(data)).gettext("Market scan")

    first = compiling.cached_mo([po], cache)
    assert french(first) == "Veille de marché" and len(calls) == 1
    assert [(p.name[:3], p.suffix) for p in cache.iterdir()] == [("fr-", ".mo")]
    assert compiling.cached_mo([po], cache) == first and len(calls) == 1  # read back, not compiled
    po.write_text(_PO.format(text="Veille du marché"), encoding="utf-8")
    assert french(compiling.cached_mo([po], cache)) == "Veille du marché" and len(calls) == 2
    assert len(list(cache.glob("fr-*.mo"))) == 2
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the cache folder would be")
    assert french(compiling.cached_mo([po], blocked)) == "Veille du marché" and len(calls) == 3


def test_the_cache_keeps_a_few_catalogues(tmp_path):
    from wizard.core.i18n import compile as compiling

    folder = tmp_path / "fr" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    po = folder / "ui.po"
    for number in range(compiling.CACHE_KEPT + 2):
        po.write_text(_PO.format(text=f"Veille {number}"), encoding="utf-8")
        compiling.cached_mo([po], tmp_path / "cache")
    assert len(list((tmp_path / "cache").glob("*.mo"))) == compiling.CACHE_KEPT
    assert list((tmp_path / "cache").glob("*.part")) == []


def test_cache_folder_follows_xdg(monkeypatch, tmp_path):
    from wizard.core.i18n import compile as compiling

    monkeypatch.setattr(compiling.sys, "platform", "linux")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert compiling.cache_folder() == tmp_path / "open-procurement-wizard" / "locale"


def test_one_percent_formatter():
    """Walk 2026-12-06 point 15: "99.5 %" in one English document, "70%" in another.
    One formatter (``formats.percent``): English without a space, French with a decimal
    comma and a non-breaking space."""
    from decimal import Decimal

    from wizard.core.i18n.formats import percent

    assert (percent(Decimal("99.50"), "en"), percent(Decimal("99.50"), "fr")) == ("99.5%", "99,5\u00a0%")
    assert (percent(70, "en"), percent(70, "fr")) == ("70%", "70\u00a0%")
    assert percent(Decimal("9.975"), "fr") == "9,975\u00a0%" and percent(Decimal("-0.0"), "en") == "0%"
    assert (percent(Decimal("10"), "en", 1), percent(Decimal("12.65"), "fr", 1)) == ("10.0%", "12,7\u00a0%")


def test_french_negative_amounts_have_the_minus_sign():
    """A walk's contract documents wrote a reduction "-1 234,56 $" with the hyphen-minus:
    French writes the minus sign (U+2212), grouped by no-break spaces (U+00A0, OQLF's
    spacing for word processors; ``formats.MINUS``), in the one money formatter and the
    one percentage formatter. English and the positive twins are unchanged."""
    from decimal import Decimal

    from wizard.core.documents.record_tco import money
    from wizard.core.i18n.formats import percent

    assert money(Decimal("-1234.56"), "fr") == "\u22121\u00a0234,56\u00a0$"
    assert money(Decimal("-1500"), "fr", cents=False) == "\u22121\u00a0500\u00a0$"
    assert percent(Decimal("-2.5"), "fr") == "\u22122,5\u00a0%"
    assert (
        money(Decimal("1234.56"), "fr") == "1\u00a0234,56\u00a0$"
        and percent(Decimal("2.5"), "fr") == "2,5\u00a0%"
    )
    assert (money(Decimal("-1234.56"), "en"), percent(Decimal("-2.5"), "en")) == ("-$1,234.56", "-2.5%")
    assert money(Decimal("-0.001"), "fr") == "0,00\u00a0$"  # a zero has no sign at all


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_documents_write_percentages_one_way(lang):
    """Every pinned document of the examples (tests/data/documents, which
    test_document_texts keeps equal to the export): "70%" in English, « 70 % » with a
    non-breaking space in French, never a breaking space before the sign."""
    stored = ROOT / "tests" / "data" / "documents"
    texts = {
        p: p.read_text(encoding="utf-8")
        for p in stored.glob(f"*/*/*-{lang}.*.txt")
        if p.name.endswith((".docx.txt", ".xlsx.txt"))
    }
    assert texts
    spaced = {p.relative_to(stored).as_posix(): re.findall(r".{20}\d %", t) for p, t in texts.items()}
    assert {k: v for k, v in spaced.items() if v} == {}
    if lang == "fr":
        assert any("70\u00a0%" in t for t in texts.values())
    else:
        assert any("70%" in t for t in texts.values())


def test_english_messages_write_percent_without_a_space():
    """English writes "70%" (walk 2026-12-06 point 15: the UI's help said "at least
    70 %"); French « 70 % » with a no-break space. Every message id (the English text of
    the UI, help, findings and documents) with a number or a placeholder before "%" has
    no space between them, and its French has a no-break one, never a plain space that
    could break the line."""
    spaced = re.compile(r"(\d|\})[ \u00a0]%")
    english: list[str] = []
    french: list[str] = []
    for path in PO_FILES:
        for m in _read(path):
            ids = m.id if isinstance(m.id, tuple) else (m.id,)
            english += [i for i in ids if i and spaced.search(i)]
            forms = m.string if isinstance(m.string, tuple) else (m.string,)
            french += [s for s in forms if s and re.search(r"(\d|\}) %", s)]
    assert english == [] and french == []
    # the twin: the messages the walk quoted, with "%" where English puts it
    ids = french_ids()
    assert "A pass threshold of at least 70% of the optional criteria." in ids
    assert "A pass threshold of {pct}% is below the 70% the guide recommends." in ids
    assert i18n.tr("A pass threshold of at least 70% of the optional criteria.", "fr").endswith(
        "au moins 70\u00a0% des critères facultatifs."
    )
