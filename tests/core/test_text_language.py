"""PR-TEXT-LANGUAGE: a text of the tender whose version in one language reads as the
other (the French criterion typed in the English tender's field) is an error for a
language the tender is published in, so ``check`` says so and ``export --strict`` and
the publishing gate stop on it; short texts (a name, a code, a title) never fire."""

from __future__ import annotations

import json

import pytest

from wizard import cli
from wizard.core.checks import run_checks
from wizard.core.checks.base import Severity
from wizard.core.checks.lint import lint_text
from wizard.core.checks.translations import (
    MIN_WORDS,
    NOT_READ,
    TENDER_FIELDS,
    WRONG_LANGUAGE,
    field_of,
    printed_texts,
    text_reads_as,
)
from wizard.core.documents.gate import publishing_gate
from wizard.core.examples import example_names, load_example
from wizard.core.i18n.languages import written_language
from wizard.core.model import Project, Translation, translatable

M1_FR = (
    "Plusieurs utilisateurs peuvent modifier le même document en même temps et voient les "
    "modifications des autres dans un délai de 5 secondes."
)


def _ours(project: Project) -> list:
    return [f for f in run_checks(project) if f.code == "PR-TEXT-LANGUAGE"]


def _set_translation(project: Project, address: str, lang: str, text: str) -> None:
    row = translatable.translation(project, address, lang)
    if row is not None:
        row.text = text
    else:
        project.translations.append(Translation(project.next_id("translations"), address, lang, text))


def test_cli_walk_french_criterion_in_the_english_tender(tmp_path, capsys):
    """The walk: dump office-suite, make M-1's English text French, load, check, export."""
    example = tmp_path / "office-suite.tender"
    assert cli.main(["new", "--example", "office-suite", str(example)]) == 0
    capsys.readouterr()
    assert cli.main(["dump", str(example)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["criteria"][0]["id"] == 1
    data["criteria"][0]["text"] = M1_FR
    edited = tmp_path / "p.json"
    edited.write_text(json.dumps(data), encoding="utf-8")
    bad = tmp_path / "bad.tender"
    assert cli.main(["load", str(edited), str(bad)]) == 0
    capsys.readouterr()

    assert cli.main(["check", str(bad)]) == 1
    out = capsys.readouterr().out
    line = next(x for x in out.splitlines() if "PR-TEXT-LANGUAGE" in x)
    assert line.startswith("ERROR")
    assert "criteria:1.text: Criterion M-1 reads as French, yet it is the tender's English version" in line
    assert line.endswith("type it in English.")

    assert cli.main(["check", "--lang", "fr", str(bad)]) == 1
    out = capsys.readouterr().out.replace("\xa0", " ").replace("\u202f", " ")
    assert "Texte « Critère M-1 » : rédigé en français, alors qu’il forme la version anglaise" in out

    assert cli.main(["export", str(bad), "--out", str(tmp_path / "strict"), "--strict"]) == 1
    err = capsys.readouterr().err
    assert "PR-TEXT-LANGUAGE criteria:1.text" in err
    assert not (tmp_path / "strict" / "tender-en.docx").exists()

    # the clean twin: the example as shipped
    assert cli.main(["check", str(example)]) == 0
    assert "PR-TEXT-LANGUAGE" not in capsys.readouterr().out
    assert cli.main(["export", str(example), "--out", str(tmp_path / "clean"), "--strict"]) == 0
    assert (tmp_path / "clean" / "tender-en.docx").is_file()


def test_the_publishing_gate_stops_on_it():
    project = load_example("office-suite")
    assert not [i for i in publishing_gate(project, ["en"]) if i.code == "PR-TEXT-LANGUAGE"]
    project.criteria[0].text = M1_FR
    items = [i for i in publishing_gate(project, ["en"]) if i.code == "PR-TEXT-LANGUAGE"]
    assert [i.field for i in items] == ["criteria:1.text"]


def test_english_text_in_the_french_tender():
    project = load_example("emergency-perimeter")
    assert project.info.text_language == "fr"
    scenario = project.scenarios[0]
    address = f"scenarios:{scenario.id}.steps"
    english = translatable.text_in(project, address, "en")
    assert text_reads_as(english) == "en"
    scenario.steps = english
    found = _ours(project)
    assert [(f.field, f.severity) for f in found] == [(address, Severity.ERROR)]
    assert (
        found[0]
        .message("en")
        .endswith(
            "reads as English, yet it is the tender's French version, which bidders read as it is written: "
            "type it in French."
        )
    )
    assert "rédigé en anglais, alors qu’il forme la version française" in found[0].message("fr").replace(
        "\xa0", " "
    )
    assert dict(found[0].params)["version_lang"] == "fr"


def test_a_translation_in_the_wrong_language_of_a_bilingual_tender():
    project = load_example("training")  # French text language, published in both
    address = "problem.statement"
    french = translatable.text_in(project, address, "fr")
    _set_translation(project, address, "en", french)
    found = _ours(project)
    assert [(f.field, f.severity, dict(f.params)["version_lang"]) for f in found] == [
        (address, Severity.ERROR, "en")
    ]
    assert found[0].message("en").startswith("Statement of the need reads as French")
    # never repeated as "In the English version: …" by the other version's run
    assert not [f for f in run_checks(project) if f.field == address and "In the" in f.message("en")]


def test_a_version_the_tender_does_not_publish_is_a_warning():
    project = load_example("office-suite")  # published in English only
    assert project.info.tender_languages == "en"
    _set_translation(project, "criteria:1.text", "fr", project.criteria[0].text)
    found = _ours(project)
    assert [(f.field, f.severity) for f in found] == [("criteria:1.text", Severity.WARNING)]


def test_a_clauses_own_text_in_the_other_language():
    project = load_example("emergency-perimeter")
    choice = project.clause_choices[0]
    choice.custom_fr = "The supplier keeps all the data of the Town in Canada and returns it at the end."
    found = _ours(project)
    assert [(f.field, f.severity) for f in found] == [
        (f"clause_choices:{choice.id}.custom_fr", Severity.ERROR)
    ]
    assert found[0].message("en").startswith("Clause ")
    choice.custom_fr = (
        "Le fournisseur conserve toutes les données de la Ville au Canada et les remet à la fin."
    )
    assert _ours(project) == []  # the clean twin


@pytest.mark.parametrize("name", example_names())
def test_no_false_alarm_on_the_examples(name):
    """Every French and English text of every field of the bundled examples reads as its
    own language or as neither."""
    project = load_example(name)
    assert _ours(project) == []
    read = 0
    for lang in ("fr", "en"):
        for address, text in printed_texts(project, lang):
            if text.strip():
                read += 1
                assert text_reads_as(text) in (None, lang), (address, lang)
    assert read > 200


def test_swapped_versions_of_the_examples_are_found():
    """The other way round: most long texts, put in the other version, fire."""
    long = found = 0
    for name in example_names():
        project = load_example(name)
        for lang in ("fr", "en"):
            for _address, text in printed_texts(project, lang):
                if len(text.split()) >= 12:
                    long += 1
                    found += text_reads_as(text) == lang
    assert found / long > 0.9


@pytest.mark.parametrize(
    "text",
    [
        "M-1",
        "OBL-5",
        "Nextcloud",
        "2 500 $",
        "Courriel",
        "Suite bureautique",
        "Office suite",
        "Le courriel",
        "De la Ville",
        "Pour les usagers",  # two short French words: the reader alone would say French
        "Dans le nuage",
        "For the Town",  # two short English words
        "Of the day",
    ],
)
def test_short_texts_never_fire(text):
    assert len(text.split()) < MIN_WORDS
    assert text_reads_as(text) is None
    project = load_example("office-suite")
    project.criteria[0].text = text
    assert _ours(project) == []


def test_the_threshold_is_what_keeps_short_texts_quiet():
    """The addenda's reader alone decides on these; the word count keeps them quiet."""
    for text, lang in (("Pour les usagers", "fr"), ("Dans le nuage", "fr"), ("For the Town", "en")):
        assert written_language(text) == lang
        assert text_reads_as(text) is None
    assert text_reads_as("Le plan de la Ville est prêt") == "fr"  # a sentence is read


def test_place_names_and_addresses_are_no_words():
    # hyphenated place names keep their French words in the English version
    assert written_language("Rivière-aux-Pins Town Hall, rue du Moulin") == "fr"
    assert text_reads_as("Rivière-aux-Pins Town Hall, rue du Moulin") is None
    assert text_reads_as("The Town Hall of Rivière-aux-Pins is open on weekdays.") == "en"
    project = load_example("training")  # its English contact address keeps « 40, rue du Moulin »
    assert "rue du Moulin" in translatable.text_in(project, "info.contact_address", "en")
    assert _ours(project) == []


def test_lint_reads_no_text_language(capsys):
    """``lint``'s language is the messages', not the text's: an English criterion linted
    with French messages is no text in the wrong language (the tender check still is)."""
    english = "The solution keeps every document of the Town in Canada and returns it at the end."
    assert text_reads_as(english) == "en"
    assert "PR-TEXT-LANGUAGE" not in {f.code for f in lint_text("criterion", english, "fr")}
    assert cli.main(["lint", "--field", "criterion", "--lang", "fr", english]) == 0
    assert "PR-TEXT-LANGUAGE" not in capsys.readouterr().out


def test_the_tender_fields_are_those_the_tender_prints():
    """``TENDER_FIELDS`` is the list of translatable fields whose text the tender prints:
    each field of each example, given a unique mark, shows in the tender's blocks in both
    languages exactly when it is listed (names the check does not read aside)."""
    from wizard.core.documents.tender import tender_blocks

    printed: set[str] = set()
    tried: set[str] = set()
    for name in example_names():
        project = load_example(name)
        marks = {address: f"QZMARK{i}QZ" for i, (address, _t) in enumerate(translatable.texts(project))}
        marked = translatable._with_texts(project, marks)
        for lang in ("fr", "en"):
            out = repr(tender_blocks(marked, lang))
            for address, mark in marks.items():
                tried.add(field_of(address))
                if mark in out:
                    printed.add(field_of(address))
    assert printed - NOT_READ == set(TENDER_FIELDS)
    assert {"justifications.reason", "vendor_exchanges.subject", "features.description"} <= tried - printed


def test_a_text_only_the_decision_record_prints_is_a_warning(tmp_path, capsys):
    """A justification's reason typed in English in a French-only tender: the decision
    record prints it, bidders never read it; a warning that names the record, which
    neither the gate nor ``export --strict`` stops on."""
    project = load_example("emergency-perimeter")  # French, published in French
    reason = project.justifications[0]
    reason.reason = "The Town keeps this clause because the supplier hosts the data in Canada."
    address = f"justifications:{reason.id}.reason"
    found = _ours(project)
    assert [(f.field, f.severity) for f in found] == [(address, Severity.WARNING)]
    assert (
        found[0]
        .message("en")
        .endswith(
            "reads as English, yet it is its French version, which the decision record prints as it is "
            "written: type it in French."
        )
    )
    assert "que le dossier de décision imprime tel quel" in found[0].message("fr")
    assert "bidders" not in found[0].message("en")
    assert not [i for i in publishing_gate(project, ["fr"]) if i.code == "PR-TEXT-LANGUAGE"]
    # the clean twin: the same reason in French
    reason.reason = "La Ville garde cette clause parce que le fournisseur héberge les données au Canada."
    assert _ours(project) == []


def test_a_vendor_exchange_names_the_vendor_register():
    project = load_example("office-suite")  # English, published in English
    exchange = project.vendor_exchanges[0]
    exchange.subject = "Rencontre avec le fournisseur pour une démonstration de la suite."
    found = _ours(project)
    assert [(f.field, f.severity) for f in found] == [
        (f"vendor_exchanges:{exchange.id}.subject", Severity.WARNING)
    ]
    assert "which the vendor register prints as it is written: type it in English." in found[0].message("en")
    assert "que le registre des fournisseurs imprime tel quel" in found[0].message("fr")
    exchange.subject = "Meeting with the vendor for a demonstration of the suite."
    assert _ours(project) == []  # the clean twin


def test_a_tender_text_is_still_an_error_with_the_tender_message():
    project = load_example("office-suite")
    project.scenarios[
        0
    ].steps = "Ouvrir le document partagé et le modifier avec deux collègues en même temps."
    found = _ours(project)
    assert [(f.severity, f.text) for f in found] == [(Severity.ERROR, WRONG_LANGUAGE)]


@pytest.mark.parametrize(
    ("kind", "attr", "name"),
    [
        ("partners", "name", "Service des travaux publics et de l’eau potable de la Ville"),
        ("business_units", "name", "Service des loisirs, de la culture et de la vie communautaire"),
    ],
)
def test_legal_names_keep_their_language(kind, attr, name):
    """A unit's or a partner's legal name stays French in the English tender."""
    project = load_example("office-suite")  # English, published in English
    row = getattr(project, kind)[0]
    setattr(row, attr, name)
    assert text_reads_as(name) == "fr"
    assert _ours(project) == []
    # the clean twin: a French sentence in the same row's notes does fire
    row.notes = "Le service utilise la suite tous les jours pour les dossiers de la Ville."
    assert [f.field for f in _ours(project)] == [f"{kind}:{row.id}.notes"]


def test_platform_and_place_names_keep_their_language():
    project = load_example("office-suite")
    platform = "Système électronique d’appel d’offres (SEAO) du gouvernement du Québec"
    assert text_reads_as(platform) == "fr"
    project.publication.provincial_platform = platform
    project.publication_items[0].place = platform
    project.problem.requesting_unit = "Service des travaux publics et de l’eau potable de la Ville"
    project.cost_lines[0].payer = "Ministère des Affaires municipales et de l’Habitation du Québec"
    assert _ours(project) == []


def test_a_quoted_title_is_no_word_of_the_text():
    sentence = "Le cours « Introduction to Cyber Security for the Public Sector » est offert."
    assert text_reads_as(sentence) is None  # was "en": the title's words outnumbered the French
    for quoted in (
        "Le cours « Introduction to Cyber Security for the Public Sector » est offert aux employés de la Ville.",
        "Le cours “Introduction to Cyber Security for the Public Sector” est offert aux employés de la Ville.",
        'Le cours "Introduction to Cyber Security for the Public Sector" est offert aux employés de la Ville.',
    ):
        assert text_reads_as(quoted) == "fr"
    project = load_example("emergency-perimeter")  # French
    project.problem.statement = sentence
    assert _ours(project) == []
    # the clean twin: the same words unquoted are read, and fire
    project.problem.statement = "Le cours Introduction to Cyber Security for the Public Sector est offert."
    assert [f.field for f in _ours(project)] == ["problem.statement"]
