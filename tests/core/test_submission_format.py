"""The file format bidders send their bid in, named by a product, is no brand requirement
(C-SUBMISSION-FORMAT, info); the same product as what the solution must do stays C-BRAND."""

from __future__ import annotations

import pytest

from tests.core.test_audit import lint_file
from wizard.core.checks.lint import lint_text


def codes(text: str, lang: str) -> list[tuple[str, str]]:
    return [
        (f.code, f.param("brands"))
        for f in lint_text("criterion", text, lang)
        if f.code in ("C-BRAND", "C-SUBMISSION-FORMAT")
    ]


SENT = "C-SUBMISSION-FORMAT"


@pytest.mark.parametrize(
    ("text", "lang", "found"),
    [
        ("Proposals must be submitted in Microsoft Word or PDF format.", "en", [(SENT, "Microsoft Word")]),
        ("The price form must be sent as a Microsoft Excel file.", "en", [(SENT, "Microsoft Excel")]),
        ("Bidders must provide pricing in Microsoft Excel format.", "en", [(SENT, "Microsoft Excel")]),
        (
            "Les soumissions doivent être transmises en format Microsoft Word.",
            "fr",
            [(SENT, "Microsoft Word")],
        ),
        (
            "Le soumissionnaire doit fournir le bordereau de prix en format Microsoft Excel.",
            "fr",
            [(SENT, "Microsoft Excel")],
        ),
        (
            "Les offres doivent être soumises en format Microsoft Word ou PDF à la Ville.",
            "fr",
            [(SENT, "Microsoft Word")],
        ),
        # twins: what the solution must do with the product is what the Town buys
        ("The solution must export reports to Microsoft Excel.", "en", [("C-BRAND", "Microsoft Excel")]),
        (
            "The solution must export reports in Microsoft Excel format.",
            "en",
            [("C-BRAND", "Microsoft Excel")],
        ),
        (
            "La solution doit exporter les rapports en format Microsoft Excel.",
            "fr",
            [("C-BRAND", "Microsoft Excel")],
        ),
        (
            "Proposals must describe how the solution generates reports in Microsoft Excel format.",
            "en",
            [("C-BRAND", "Microsoft Excel")],
        ),
        # a channel after the format is no format: « par Microsoft Teams »
        (
            "La soumission doit être transmise en format PDF par Microsoft Teams.",
            "fr",
            [("C-BRAND", "Microsoft Teams")],
        ),
        ("Submitted requests must be routed to Microsoft Teams.", "en", [("C-BRAND", "Microsoft Teams")]),
        # no product named: nothing to say
        ("Proposals must be submitted in PDF format.", "en", []),
    ],
)
def test_a_submission_format_is_an_info_and_a_product_requirement_an_error(text, lang, found):
    assert codes(text, lang) == found


def test_a_name_used_both_as_a_format_and_as_a_requirement_is_an_error():
    text = "Bids must be submitted in Microsoft Word format; the solution must integrate with Microsoft Word."
    assert codes(text, "en") == [("C-BRAND", "Microsoft Word")]


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_submission_format_message_teaches_an_open_format_in_both_languages(lang):
    (f,) = [f for f in lint_text("criterion", "Proposals must be submitted in Microsoft Word format.", lang)]
    assert (f.code, f.severity.value) == (SENT, "info")
    assert {
        "en": "File format of a bid named by its product: Microsoft Word. What bidders send is not what the Town buys",
        "fr": "Format de fichier d’une soumission désigné par son produit\u00a0: Microsoft Word. Ce que les "
        "soumissionnaires envoient n’est pas ce que la Ville achète",
    }[lang] in f.message(lang)
    assert "OpenDocument" in f.message(lang)


def test_lint_file_reports_the_submission_format_as_an_info_where_it_is(tmp_path, capsys):
    path = tmp_path / "rfp.txt"
    path.write_text(
        "Format of proposals\n\n"
        "Proposals must be submitted in Microsoft Word or PDF format.\n\n"
        "Technical requirements\n\n"
        "The solution must export reports to Microsoft Excel.\n",
        encoding="utf-8",
    )
    code, lines, err = lint_file(capsys, path, "--lang", "en")
    assert (code, err) == (1, "")
    assert lines == [
        "paragraph 2, line 3 (Format of proposals)  C-SUBMISSION-FORMAT  Microsoft Word",
        "paragraph 4, line 7 (Technical requirements)  C-BRAND  Microsoft Excel",
    ]
