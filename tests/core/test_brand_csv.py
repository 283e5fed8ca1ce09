"""A town shares its brand list: CSV export and import of the project's extra brand
names (issue 19 point 2), as an operation and through ``main.py brands``."""

from __future__ import annotations

import pytest

from wizard import cli
from wizard.core import ops
from wizard.core.checks.lint import lint_text
from wizard.core.domain.brand_csv import BrandCsvError, cased_names, cased_report, export_brands, parse_brands
from wizard.core.model import ExtraBrand
from wizard.core.model.defaults import new_project
from wizard.core.project_file.store import ProjectFile


@pytest.fixture
def project_file(tmp_path):
    project = new_project("fr")
    project.extra_brands = [ExtraBrand(id=1, name="PermisPlus"), ExtraBrand(id=2, name="=Évalweb")]
    path = tmp_path / "ville.tender"
    ProjectFile.create(path, project).close()
    return path


def test_export_is_our_csv_with_a_header_and_a_formula_guard():
    project = new_project("fr")
    project.extra_brands = [ExtraBrand(id=1, name="PermisPlus"), ExtraBrand(id=2, name="=Évalweb")]
    assert export_brands(project) == "\ufeffname\r\nPermisPlus\r\n'=Évalweb\r\n".encode()
    assert parse_brands(export_brands(project)) == ["PermisPlus", "=Évalweb"]


@pytest.mark.parametrize(
    ("data", "names"),
    [
        (b"PermisPlus\nAcme Cloud\n\n# a comment\npermisplus\n", ["PermisPlus", "Acme Cloud"]),
        ("nom;type\nGéoCité;produit\nInfoloc Inc.;revendeur\n".encode("cp1252"), ["GéoCité", "Infoloc Inc."]),
        (
            b'Name,Kind\n"Smith, Jones & Co",vendor\n  Spaced   name  ,x\n',
            ["Smith, Jones & Co", "Spaced name"],
        ),
        (b"", []),
    ],
)
def test_parse_reads_any_list_of_names(data, names):
    assert parse_brands(data) == names


def test_parse_refuses_what_is_not_a_list_of_names():
    with pytest.raises(BrandCsvError) as info:
        parse_brands(b"okay\n" + b"x" * 200 + b"\n")
    assert info.value.message("fr") == (
        "La ligne 2 contient un nom de plus de 120 caractères\u00a0: s’agit-il bien d’une liste de noms?"
    )
    with pytest.raises(BrandCsvError, match="not a text file"):
        parse_brands(b"PK\x03\x04\x00\x00")


@pytest.mark.parametrize(
    ("data", "english", "french"),
    [
        (  # walk 3 #8: an open quote merged two lines into one name
            'name\nIdenticarte\n"unterminated\nAccès Cité Finances\n'.encode(),
            "Line 3 opens a double quote that is not closed on that line: close it, and keep each name on one line.",
            "La ligne 3 ouvre des guillemets qui ne sont pas fermés sur cette ligne\u00a0: fermez-les et gardez "
            "chaque nom sur une seule ligne.",
        ),
        (  # a quote closed on a later line: a name with a line break
            b'name\n"Geo\nCite",x\n',
            "Line 2 opens a double quote that is not closed on that line: close it, and keep each name on one line.",
            "La ligne 2 ouvre des guillemets qui ne sont pas fermés sur cette ligne\u00a0: fermez-les et gardez "
            "chaque nom sur une seule ligne.",
        ),
        (  # walk 3 #12: a semicolon in a comma file was kept inside one name
            "name\nIdenticarte\nPérimètre Pro;SécuriZone\n".encode(),
            "Line 3 holds more fields (2) than the first line (1): put a name that holds a comma or a "
            "semicolon in double quotes, one name a line.",
            "La ligne 3 compte plus de champs (2) que la première ligne (1)\u00a0: mettez entre guillemets droits "
            "un nom qui contient une virgule ou un point-virgule, un nom par ligne.",
        ),
        (  # a two-column file with a third field on one line
            b"name,kind\nFooSoft,vendor\nBarWare,product,extra\n",
            "Line 3 holds more fields (3) than the first line (2): put a name that holds a comma or a "
            "semicolon in double quotes, one name a line.",
            "La ligne 3 compte plus de champs (3) que la première ligne (2)\u00a0: mettez entre guillemets droits "
            "un nom qui contient une virgule ou un point-virgule, un nom par ligne.",
        ),
        (  # walk 3 #12: "Alpha1,Beta1" kept Alpha1 and dropped Beta1
            b"Alpha1,Beta1\nGamma1\n",
            "Line 1 holds several columns but no header naming the column of names (name, nom, brand or "
            "marque): is it a list of brand names?",
            "La ligne 1 compte plusieurs colonnes, mais aucun en-tête ne désigne la colonne des noms (name, "
            "nom, brand ou marque)\u00a0: s’agit-il bien d’une liste de noms de marques?",
        ),
        (  # walk 3 #9: another CSV of the app (criteria.csv) added "criterion_id", "1" … "12"
            b"criterion_id,kind,text\n1,mandatory,Hosting in Canada\n",
            "Line 1 holds several columns but no header naming the column of names (name, nom, brand or "
            "marque): is it a list of brand names?",
            "La ligne 1 compte plusieurs colonnes, mais aucun en-tête ne désigne la colonne des noms (name, "
            "nom, brand ou marque)\u00a0: s’agit-il bien d’une liste de noms de marques?",
        ),
        (  # walk 3 #9: stored but never detected
            b"# our list\nIdenticarte\nHP\n",
            "Line 3: the brand check can never find “HP” (a name needs at least 3 characters and a letter).",
            "Ligne 3\u00a0: la vérification des marques ne peut jamais trouver «\u00a0HP\u00a0» (un nom doit compter au "
            "moins 3 caractères, dont une lettre).",
        ),
        (
            b"nom;type\nGeoCite;produit\n12345;produit\n",
            "Line 3: the brand check can never find “12345” (a name needs at least 3 characters and a letter).",
            "Ligne 3\u00a0: la vérification des marques ne peut jamais trouver «\u00a012345\u00a0» (un nom doit compter au "
            "moins 3 caractères, dont une lettre).",
        ),
    ],
)
def test_parse_refuses_the_whole_file_naming_the_line(data, english, french):
    with pytest.raises(BrandCsvError) as info:
        parse_brands(data)
    assert (info.value.message("en"), info.value.message("fr")) == (english, french)


@pytest.mark.parametrize(
    ("data", "names"),
    [  # the clean twins of the refused files
        ('name\nIdenticarte\n"Accès Cité Finances"\n'.encode(), ["Identicarte", "Accès Cité Finances"]),
        (
            'name\n"Périmètre Pro;SécuriZone"\n"Smith, Jones & Co"\n'.encode(),
            ["Périmètre Pro;SécuriZone", "Smith, Jones & Co"],
        ),
        (b"name,kind\nFooSoft,vendor\nBarWare\n", ["FooSoft", "BarWare"]),
        (b"Brand,Kind\nAlpha1,vendor\nBeta1,vendor\n", ["Alpha1", "Beta1"]),
        (b"Marque;Type\n3CX;produit\nIBM;fabricant\n", ["3CX", "IBM"]),
        (b"# a comment, with a comma\nIdenticarte\n", ["Identicarte"]),
    ],
)
def test_parse_reads_the_clean_twins(data, names):
    assert parse_brands(data) == names


def test_a_refused_file_adds_nothing_and_the_cli_names_the_line(project_file, tmp_path, capsys):
    with ProjectFile.open(project_file) as pf:
        with pytest.raises(BrandCsvError):
            ops.import_brands(pf, data=b"name\nGeoCite Pro\nHP\n")
        assert [b.name for b in pf.project.extra_brands] == ["PermisPlus", "=Évalweb"]
    shared = tmp_path / "criteria.csv"
    shared.write_bytes(b"criterion_id,kind,text\n1,mandatory,Hosting in Canada\n")
    assert cli.main(["brands", str(project_file), "--import", str(shared), "--lang", "en"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith("La ligne 1 compte plusieurs colonnes")
    assert "/ Line 1 holds several columns but no header naming the column of names" in captured.err
    with ProjectFile.open(project_file, read_only=True) as pf:
        assert len(pf.project.extra_brands) == 2


def test_import_adds_only_new_names_all_or_none_and_the_checks_use_them(project_file):
    with ProjectFile.open(project_file) as pf:
        added = ops.import_brands(pf, data="name\npermisplus\nGeoCite Pro\nEvalweb\n=Évalweb\n".encode())
        assert added == ["GeoCite Pro", "Evalweb"]
        assert [b.name for b in pf.project.extra_brands] == [
            "PermisPlus",
            "=Évalweb",
            "GeoCite Pro",
            "Evalweb",
        ]
        assert ops.import_brands(pf, data=b"GeoCite Pro\n") == []
        with pytest.raises(BrandCsvError):
            ops.import_brands(pf, data=b"New One\n" + b"y" * 300)
        assert len(pf.project.extra_brands) == 4
    with ProjectFile.open(project_file, read_only=True) as pf:
        assert [b.name for b in pf.project.extra_brands][-1] == "Evalweb"


def test_cli_brands_exports_imports_and_lists(project_file, tmp_path, capsys):
    out = tmp_path / "liste.csv"
    assert cli.main(["brands", str(project_file), "--export", str(out)]) == 0
    assert capsys.readouterr().out == f"{out}\n"
    assert out.read_bytes().decode("utf-8-sig").splitlines() == ["name", "PermisPlus", "'=Évalweb"]
    assert cli.main(["brands", str(project_file), "--export", str(out)]) == 2
    assert "This file already exists; add --force to replace it." in capsys.readouterr().err

    shared = tmp_path / "voisin.csv"
    shared.write_text("nom;type\nGeoCite Pro;produit\nPermisPlus;produit\n", encoding="utf-8")
    assert cli.main(["brands", str(project_file), "--import", str(shared), "--lang", "fr"]) == 0
    assert capsys.readouterr().out == (
        "1 nom de marque ajouté.\n1 nom du fichier était déjà dans la liste du projet.\n"
    )
    assert cli.main(["brands", str(project_file)]) == 0
    assert capsys.readouterr().out.splitlines() == ["PermisPlus", "=Évalweb", "GeoCite Pro"]

    bad = tmp_path / "bad.csv"
    bad.write_bytes(b"\x00\x01")
    assert cli.main(["brands", str(project_file), "--import", str(bad)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("Ce fichier n’est pas un fichier texte de noms de marques. / This file is not")
    assert err.rstrip().endswith(f"({bad})")


def test_an_imported_name_is_a_brand_error_in_a_criterion(project_file):
    with ProjectFile.open(project_file) as pf:
        ops.import_brands(pf, data=b"GeoCite Pro\n")
        project = pf.project
    from wizard.core import checks
    from wizard.core.model import Criterion

    project.criteria.append(Criterion(id=1, text="Compatible avec GeoCite Pro", kind="optional"))
    codes = [f.code for f in checks.run_checks(project) if f.field == "criteria:1.text"]
    assert "C-BRAND" in codes
    assert "C-BRAND" not in [f.code for f in lint_text("criterion", "Compatible avec GeoCite Pro", "fr")]


def test_export_leaves_out_names_the_detector_never_finds_so_the_round_trip_holds():
    """A town typed "HP" and "42" in its list: the detector ignores names shorter than 3
    characters or without a letter, and the import refuses them, so the export leaves
    them out and a neighbour imports the file whole."""
    project = new_project("en")
    project.extra_brands = [
        ExtraBrand(id=1, name="HP"),
        ExtraBrand(id=2, name="PermisPlus"),
        ExtraBrand(id=3, name="42"),
        ExtraBrand(id=4, name="  Acme   Cloud "),
    ]
    assert export_brands(project) == "\ufeffname\r\nPermisPlus\r\nAcme Cloud\r\n".encode()
    assert parse_brands(export_brands(project)) == ["PermisPlus", "Acme Cloud"]


# A town's name that is also an ordinary word ("Office", « Bureau », "Teams", "Word") is
# kept, found only with a capital as the bundled list's are, and the import says which.

_ORDINARY = b"name\nOffice\nBureau\nTeams\nGeoCite Pro\nWord\n"


def test_an_ordinary_word_is_kept_cased_and_the_report_names_it(project_file):
    with ProjectFile.open(project_file) as pf:
        added = ops.import_brands(pf, data=_ORDINARY)
        project = pf.project
    assert added == ["Office", "Bureau", "Teams", "GeoCite Pro", "Word"]
    assert cased_names(added) == ["Office", "Bureau", "Teams", "Word"]
    assert cased_report(added, "fr") == (
        "4 noms sont aussi des mots courants («\u00a0Office\u00a0», «\u00a0Bureau\u00a0», «\u00a0Teams\u00a0», «\u00a0Word\u00a0»)\u00a0: la vérification "
        "des marques ne les trouve qu’écrits avec une majuscule, mais alors aussi en début de phrase et dans "
        "un nom propre comme «\u00a0le Bureau du greffier\u00a0», où ils ne désignent pas le produit. Si possible, "
        "inscrivez plutôt le nom complet de chaque produit («\u00a0Microsoft Office\u00a0» et non «\u00a0Office\u00a0»)."
    )
    assert cased_report(added, "en") == (
        "4 names are also ordinary words (“Office”, “Bureau”, “Teams”, “Word”): the brand check finds them "
        "only when written with a capital, but then also at the start of a sentence and in a proper noun "
        "such as “the Clerk's Office”, where they are not the product. Where you can, list each product's "
        "full name instead (“Microsoft Office”, not “Office”)."
    )
    assert cased_report(["Bureau"], "en") == (
        "1 name is also an ordinary word (“Bureau”): the brand check finds it only when written with a "
        "capital, but then also at the start of a sentence and in a proper noun such as “the Clerk's Office”, "
        "where it is not the product. Where you can, list the product's full name instead "
        "(“Microsoft Office”, not “Office”)."
    )
    assert cased_report(["GeoCite Pro", "PermisPlus"], "fr") == ""
    from wizard.core import checks
    from wizard.core.model import Criterion

    project.criteria = [
        Criterion(id=1, text="Le bureau de la greffière reçoit les demandes en ligne.", kind="optional"),
        Criterion(id=2, text="Our teams draft every word of a report at the office.", kind="optional"),
        Criterion(id=3, text="Compatible avec Bureau et les documents Word.", kind="optional"),
        Criterion(id=4, text="Compatible avec geocite pro.", kind="optional"),
    ]
    found = checks.run_checks(project)
    brands = {f.field for f in found if f.code == "C-BRAND"}
    assert brands == {"criteria:3.text", "criteria:4.text"}


def test_ordinary_word_decides_by_the_word_not_the_case():
    from wizard.core.domain.brands import detect_brands, ordinary_word

    assert [ordinary_word(n) for n in ("Office", "bureau", "Teams", "Word", "Munis")] == [True] * 5
    # clean twins: made-up names, a surname, names of several words stay found in lower case
    assert [ordinary_word(n) for n in ("GeoCite Pro", "PermisPlus", "Tyler", "SécuriZone", "Esri")] == [
        False
    ] * 5
    assert [m.name for m in detect_brands("le bureau, le Bureau", ["Bureau"])] == ["Bureau"]
    assert [m.name for m in detect_brands("permisplus et PermisPlus", ["PermisPlus"])] == [
        "permisplus",
        "PermisPlus",
    ]


def test_cli_brands_import_says_which_names_need_their_capital(project_file, tmp_path, capsys):
    shared = tmp_path / "voisin.csv"
    shared.write_bytes(_ORDINARY)
    assert cli.main(["brands", str(project_file), "--import", str(shared), "--lang", "fr"]) == 0
    assert capsys.readouterr().out == (
        "5 noms de marque ajoutés.\n"
        "4 noms sont aussi des mots courants («\u00a0Office\u00a0», «\u00a0Bureau\u00a0», «\u00a0Teams\u00a0», «\u00a0Word\u00a0»)\u00a0: la vérification "
        "des marques ne les trouve qu’écrits avec une majuscule, mais alors aussi en début de phrase et dans "
        "un nom propre comme «\u00a0le Bureau du greffier\u00a0», où ils ne désignent pas le produit. Si possible, "
        "inscrivez plutôt le nom complet de chaque produit («\u00a0Microsoft Office\u00a0» et non «\u00a0Office\u00a0»).\n"
    )
    shared.write_bytes(b"Slack\nZorbix Pro\n")
    assert cli.main(["brands", str(project_file), "--import", str(shared), "--lang", "en"]) == 0
    assert capsys.readouterr().out == (
        "2 brand names added.\n"
        "1 name is also an ordinary word (“Slack”): the brand check finds it only when written with a "
        "capital, but then also at the start of a sentence and in a proper noun such as “the Clerk's Office”, "
        "where it is not the product. Where you can, list the product's full name instead "
        "(“Microsoft Office”, not “Office”).\n"
    )
    shared.write_bytes(b"Evalweb Pro\n")
    assert cli.main(["brands", str(project_file), "--import", str(shared), "--lang", "en"]) == 0
    assert capsys.readouterr().out == "1 brand name added.\n"


# A list whose names the project already holds: the report says so, not only "0 added".


def test_cli_brands_import_says_how_many_names_were_already_in_the_list(project_file, tmp_path, capsys):
    shared = tmp_path / "voisin.csv"
    shared.write_text("nom\nPermisPlus\n=Évalweb\n", encoding="utf-8")
    assert cli.main(["brands", str(project_file), "--import", str(shared), "--lang", "fr"]) == 0
    assert capsys.readouterr().out == (
        "0 nom de marque ajouté.\n2 noms du fichier étaient déjà dans la liste du projet.\n"
    )
    shared.write_text("name\npermisplus\nGeoCite Pro\n", encoding="utf-8")
    assert cli.main(["brands", str(project_file), "--import", str(shared), "--lang", "en"]) == 0
    assert capsys.readouterr().out == (
        "1 brand name added.\n1 name of the file was already in the project's list.\n"
    )
    # the clean twin: a list of new names only says how many were added
    shared.write_text("name\nZorbix Pro\n", encoding="utf-8")
    assert cli.main(["brands", str(project_file), "--import", str(shared), "--lang", "en"]) == 0
    assert capsys.readouterr().out == "1 brand name added.\n"


def test_import_report_counts_the_names_held_and_names_the_ordinary_words():
    from wizard.core.domain.brand_csv import import_report

    assert import_report(["Office", "GeoCite Pro", "PermisPlus"], ["Office"], "fr").splitlines() == [
        "2 noms du fichier étaient déjà dans la liste du projet.",
        cased_report(["Office"], "fr"),
    ]
    assert import_report(["PermisPlus"], [], "en") == "1 name of the file was already in the project's list."
    assert import_report(["GeoCite Pro"], ["GeoCite Pro"], "en") == ""


def test_the_report_says_a_capital_is_enough_as_the_check_does():
    """What the report promises is what the check does: a town's "Office" or « Bureau » is
    flagged in a proper noun and at a sentence's start, not in lower case; the full
    product name is flagged in lower case too."""
    from wizard.core.domain.brands import detect_brands

    extra = ["Office", "Bureau"]
    flagged = [
        "The Clerk's Office receives the requests.",
        "Le Bureau du greffier reçoit les demandes.",
        "Office staff answer the phone.",
    ]
    assert [[m.name for m in detect_brands(t, extra)] for t in flagged] == [
        ["Office"],
        ["Bureau"],
        ["Office"],
    ]
    # clean twins: the ordinary words in lower case
    clean = ["The clerk's office receives the requests.", "Le bureau du greffier reçoit les demandes."]
    assert [detect_brands(t, extra) for t in clean] == [[], []]
    assert [m.canonical for m in detect_brands("compatible with microsoft office", [])] == ["Microsoft 365"]


def test_add_brand_names_adds_the_new_ones_all_or_none_and_the_check_finds_them(project_file):
    # issue 19: a possible name's warning, confirmed by the town, becomes a brand error
    from wizard.core import checks
    from wizard.core.model import Criterion

    text = "The solution must integrate with Zorbex Cloud."
    assert [f.code for f in lint_text("criterion", text)] == ["C-POSSIBLE-BRAND"]
    with ProjectFile.open(project_file) as pf:
        assert ops.add_brand_names(pf, names=["Zorbex  Cloud", "permisplus", "zorbex cloud"]) == [
            "Zorbex Cloud"
        ]
        assert ops.add_brand_names(pf, names=["Zorbex Cloud"]) == []
        for bad in (["Geo Pro", "X1"], ["Geo Pro", "123"], ["Geo Pro", "y" * 121]):
            with pytest.raises(BrandCsvError):
                ops.add_brand_names(pf, names=bad)
        assert [b.name for b in pf.project.extra_brands] == ["PermisPlus", "=Évalweb", "Zorbex Cloud"]
        project = pf.project
    with ProjectFile.open(project_file, read_only=True) as pf:
        assert [b.name for b in pf.project.extra_brands][-1] == "Zorbex Cloud"
    project.criteria.append(Criterion(id=1, text=text, kind="mandatory"))
    # the brand codes only: this French project's criterion is in English (PR-TEXT-LANGUAGE)
    found = [
        f for f in checks.run_checks(project) if f.field == "criteria:1.text" and f.code.startswith("C-")
    ]
    assert [(f.code, f.param("brands")) for f in found] == [("C-BRAND", "Zorbex Cloud")]


@pytest.mark.parametrize(
    ("name", "english", "french"),
    [
        (
            "X1",
            "The brand check can never find “X1” (a name needs at least 3 characters and a letter).",
            "La vérification des marques ne peut jamais trouver «\u00a0X1\u00a0» (un nom doit compter au moins 3 "
            "caractères, dont une lettre).",
        ),
        (
            "1234",
            "The brand check can never find “1234” (a name needs at least 3 characters and a letter).",
            "La vérification des marques ne peut jamais trouver «\u00a0"
            + "1234"
            + "\u00a0» (un nom doit compter "
            "au moins 3 caractères, dont une lettre).",
        ),
    ],
)
def test_check_names_refuses_a_name_the_check_never_finds(name, english, french):
    from wizard.core.domain.brand_csv import check_names

    with pytest.raises(BrandCsvError) as refused:
        check_names(["Zorbex Cloud", name])
    assert (refused.value.message("en"), refused.value.message("fr")) == (english, french)
    assert check_names(["Zor"]) == ["Zor"]  # the clean twin: 3 characters, a letter
