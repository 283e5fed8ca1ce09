"""Publishing and addenda (issue 21): the published baseline and its documents are
kept in the file with their hashes, the baseline is read-only outside an addendum, and
an issued addendum moves a date everywhere (tender, addendum DOCX, OCDS, CSV)."""

from __future__ import annotations

import csv
import hashlib
import io
import json
from pathlib import Path

import pytest
from docx import Document
from test_cove import _tools_imported as _tools_imported  # autouse: the IPv6 probe forgiven
from test_cove import cove, needs_cove, needs_zip, problems

from wizard.core import export, ops
from wizard.core.examples import load_example
from wizard.core.project_file import jsonio, undo
from wizard.core.project_file.baseline import BaselineField, is_baseline
from wizard.core.project_file.store import ProjectFile
from wizard.core.publishing import PublishingError, addenda
from wizard.core.publishing.publish import Attachment, attachment, guess_language, publish
from wizard.core.publishing.record import document_bytes, read

MOMENT = "2027-03-01T14:00:00+00:00"


@pytest.fixture
def pf(tmp_path):
    """The training example (closing 2027-04-02, questions until 2027-03-19, last
    addendum 7 days before closing, tender in French and English) in a file."""
    project = load_example("training")
    project.info.closing_date = "2027-04-02"  # as first published (the example's addendum moved it)
    with ProjectFile.create(tmp_path / "training.tender", project, origin="example") as f:
        yield f


def _docx_text(data: bytes) -> str:
    doc = Document(io.BytesIO(data))
    cells = [c.text for t in doc.tables for r in t.rows for c in r.cells]
    return "\n".join([p.text for p in doc.paragraphs] + cells)


def test_publishing_keeps_the_exported_tenders_with_their_hashes(pf):
    record = publish(pf, published_on="2027-03-01", moment=MOMENT)
    assert record.baseline is not None and record.baseline.published_on == "2027-03-01"
    assert pf.published and pf.project.info.publication_date == "2027-03-01"
    assert [(d.name, d.lang, d.kind) for d in record.documents] == [
        ("tender-fr.docx", "fr", "tender"),
        ("tender-en.docx", "en", "tender"),
        ("price-form-fr.xlsx", "fr", "price_form"),
        ("price-form-en.xlsx", "en", "price_form"),
    ]
    assert (
        record.documents[2].media_type == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    for doc in record.documents:
        content = document_bytes(pf, doc.id)
        assert hashlib.sha256(content).hexdigest() == doc.sha256 and doc.size == len(content)
        assert content[:2] == b"PK"
    assert "Date de clôture" in _docx_text(document_bytes(pf, record.documents[0].id))
    assert jsonio.loads(record.baseline.model) == pf.project
    release = record.baseline.release_data()
    assert release["tag"] == ["tender"] and release["date"] == "2027-03-01T23:59:59-04:00"  # the day given
    assert release["id"].startswith(release["ocid"] + "-tender-")


def test_attached_documents_are_kept_byte_for_byte_and_export_never_touches_them(pf, tmp_path):
    final = tmp_path / "AO-2027-01_fr.pdf"
    final.write_bytes(b"%PDF-1.7 the lawyer's final version")
    record = publish(pf, published_on="2027-03-01", attachments=[attachment(final)], moment=MOMENT)
    doc, *workbooks = record.documents  # the price workbooks bidders fill are kept too
    assert [(w.name, w.kind) for w in workbooks] == [
        ("price-form-fr.xlsx", "price_form"),
        ("price-form-en.xlsx", "price_form"),
    ]
    assert (doc.name, doc.lang, doc.media_type) == ("AO-2027-01_fr.pdf", "fr", "application/pdf")
    assert doc.sha256 == hashlib.sha256(final.read_bytes()).hexdigest()
    out = tmp_path / "out"
    export.export_all(pf.project, out, changed=pf.last_change(), record=read(pf))
    export.export_all(pf.project, out / "again", changed=pf.last_change(), record=read(pf))
    assert document_bytes(pf, doc.id) == final.read_bytes()
    assert read(pf).documents == (doc, *workbooks)


def test_attachments_refused_when_not_docx_or_pdf(tmp_path):
    odd = tmp_path / "tender.odt"
    odd.write_bytes(b"x")
    with pytest.raises(PublishingError, match="DOCX or PDF"):
        attachment(odd)
    assert guess_language("tender-EN.docx") == "en" and guess_language("appel.docx") == ""


def test_after_publication_the_baseline_changes_only_through_an_addendum(pf):
    publish(pf, published_on="2027-03-01", moment=MOMENT)
    with pytest.raises(BaselineField) as info:
        pf.set_field("info", "closing_date", "2027-05-01")
    assert "addenda" in str(info.value).lower() or "addendum" in str(info.value)
    assert "par un addenda" in str(info.value)  # bilingual
    assert pf.project.info.closing_date == "2027-04-02"
    criterion = pf.project.criteria[0]
    with pytest.raises(BaselineField):
        ops.update(pf, type(criterion), criterion.id, text="Autre chose")
    pf.set_field("tco", "horizon_years", 7)  # the cost study is not the tender
    assert pf.project.tco.horizon_years == 7
    assert is_baseline("criteria:3.text") and not is_baseline("vendor_exchanges:1.subject")


def test_undo_never_goes_back_past_publication(pf):
    pf.set_field("problem", "statement", "Avant publication")
    publish(pf, published_on="2027-03-01", moment=MOMENT)
    with pytest.raises(undo.NothingToUndo):
        ops.undo(pf)
    with pytest.raises(PublishingError, match="already"):
        publish(pf, published_on="2027-03-02", moment=MOMENT)


def test_no_addendum_before_publication(pf):
    with pytest.raises(PublishingError, match="published"):
        addenda.new_draft(pf)


def _answered(pf) -> int:
    draft = addenda.new_draft(pf)
    addenda.add_question(
        pf,
        addendum_id=draft.id,
        received_on="2027-03-10",
        question_fr="Le délai de clôture peut-il être reporté?",
        question_en="Can the closing be postponed?",
        answer_fr="Oui, la clôture est reportée au 16 avril 2027.",
        answer_en="Yes, the closing is postponed to April 16, 2027.",
    )
    addenda.add_change(pf, addendum_id=draft.id, field="info.closing_date", new_fr="2027-04-16")
    return draft.id


def test_releases_are_dated_by_the_publication_and_issue_days_not_the_clock(pf):
    # marked as published on 6 December 2026 for a publication on 1 March 2027: the
    # release is dated by the day given, at its end as the award and contract releases
    publish(pf, published_on="2027-03-01", moment="2026-12-06T15:00:00+00:00")
    record = read(pf)
    assert record.baseline is not None and record.baseline.recorded_at == "2026-12-06T15:00:00+00:00"
    assert record.baseline.release_data()["date"] == "2027-03-01T23:59:59-04:00"
    addenda.issue(pf, addendum_id=_answered(pf), issued_on="2027-03-12")
    update = read(pf).issued[0].release_data()
    assert update["tag"] == ["tenderUpdate"] and update["date"] == "2027-03-12T23:59:59-04:00"
    assert update["tender"]["amendments"][0]["date"] == "2027-03-12T23:59:59-04:00"
    # a second addendum the same day comes a second after the first
    addenda.issue(pf, addendum_id=_answered(pf), issued_on="2027-03-12")
    assert read(pf).issued[1].release_data()["date"] == "2027-03-13T00:00:00-04:00"


def test_issuing_moves_the_closing_everywhere(pf, tmp_path):
    publish(pf, published_on="2027-03-01", moment=MOMENT)
    draft_id = _answered(pf)
    plan = addenda.plan_issue(pf, addendum_id=draft_id, issued_on="2027-03-12")
    assert (plan.number, plan.closing_before, plan.closing_after, plan.extended) == (
        1,
        "2027-04-02",
        "2027-04-16",
        False,
    )
    issued = addenda.issue(pf, addendum_id=draft_id, issued_on="2027-03-12")
    assert (issued.number, issued.state, issued.issued_on) == (1, "issued", "2027-03-12")
    assert pf.project.info.closing_date == "2027-04-16"
    assert read(pf).baseline is not None
    assert jsonio.loads(read(pf).baseline.model).info.closing_date == "2027-04-02"  # the baseline stays
    change, row = issued.changes  # the closing, and the plan's bids row that followed it
    assert (change.old_fr, change.new_fr) == ("2027-04-02", "2027-04-16")
    assert (row.kind, row.old_fr, row.new_fr) == ("plan", "2027-04-19", "2027-05-03")
    with pytest.raises(undo.NothingToUndo):
        ops.undo(pf)

    out = tmp_path / "out"
    written = export.export_all(pf.project, out, changed=pf.last_change(), record=read(pf))
    names = [p.name for p in written]
    assert names == [p.name for p in export.planned_outputs(pf.project, out, record=read(pf))]
    assert {"addendum-1-fr.docx", "addendum-1-en.docx", "addenda.csv"} <= set(names)
    assert "16\u00a0avril\u00a02027" in _docx_text((out / "tender-fr.docx").read_bytes())
    assert "April\u00a016, 2027" in _docx_text((out / "tender-en.docx").read_bytes())
    fr = _docx_text((out / "addendum-1-fr.docx").read_bytes())
    assert "Addenda 1" in fr and "Le délai de clôture peut-il être reporté?" in fr
    assert "16\u00a0avril\u00a02027" in fr and "2\u00a0avril\u00a02027" in fr
    en = _docx_text((out / "addendum-1-en.docx").read_bytes())
    assert "Addendum 1" in en and "Can the closing be postponed?" in en and "April\u00a016, 2027" in en
    package = json.loads((out / "ocds-release-package.json").read_text(encoding="utf-8"))
    baseline, update = package["releases"]
    assert baseline["tag"] == ["tender"] and update["tag"] == ["tenderUpdate"]
    assert baseline["tender"]["tenderPeriod"]["endDate"].startswith("2027-04-02")
    assert update["tender"]["tenderPeriod"]["endDate"].startswith("2027-04-16")
    (amendment,) = update["tender"]["amendments"]
    assert amendment["amendsReleaseID"] == baseline["id"] and amendment["releaseID"] == update["id"]
    rows = list(csv.reader(io.StringIO((out / "addenda.csv").read_bytes().decode("utf-8-sig"))))
    assert rows == [
        ["addendum", "issued_on", "field", "before", "after"],
        ["1", "2027-03-12", "info.closing_date", "2027-04-02", "2027-04-16"],
        ["1", "2027-03-12", "publication_items:2.planned_date", "2027-04-19", "2027-05-03"],
    ]


def test_a_late_addendum_extends_the_closing_by_the_towns_rule(pf):
    publish(pf, published_on="2027-03-01", moment=MOMENT)
    draft = addenda.new_draft(pf)
    criterion = pf.project.criteria[0]
    addenda.add_change(
        pf,
        addendum_id=draft.id,
        field=f"criteria:{criterion.id}.text",
        new_fr="Les employés suivent des cours en ligne, sous-titrés.",
        new_en="Employees take online courses, captioned.",
    )
    plan = addenda.plan_issue(pf, addendum_id=draft.id, issued_on="2027-03-30")
    assert (plan.closing_after, plan.extended, plan.minimum_days) == ("2027-04-06", True, 7)
    issued = addenda.issue(pf, addendum_id=draft.id, issued_on="2027-03-30")
    assert pf.project.info.closing_date == "2027-04-06"
    assert [c.field for c in issued.changes] == [
        f"criteria:{criterion.id}.text",
        "info.closing_date",
        "publication_items:2.planned_date",  # the bids row followed the closing
    ]
    assert pf.project.find("criteria", criterion.id).text.endswith("sous-titrés.")


def test_issuing_refuses_an_unanswered_question_and_an_empty_addendum(pf):
    publish(pf, published_on="2027-03-01", moment=MOMENT)
    draft = addenda.new_draft(pf)
    with pytest.raises(PublishingError, match="empty"):
        addenda.issue(pf, addendum_id=draft.id, issued_on="2027-03-05")
    addenda.add_question(pf, addendum_id=draft.id, question_fr="Q?", question_en="Q?")
    with pytest.raises(PublishingError, match="answer"):
        addenda.issue(pf, addendum_id=draft.id, issued_on="2027-03-05")
    assert read(pf).draft is not None and pf.project.info.closing_date == "2027-04-02"


def test_an_addendum_cannot_change_what_is_not_the_tender(pf):
    publish(pf, published_on="2027-03-01", moment=MOMENT)
    draft = addenda.new_draft(pf)
    with pytest.raises(PublishingError, match="cannot change"):
        addenda.add_change(pf, addendum_id=draft.id, field="tco.horizon_years", new_fr="3")
    with pytest.raises(PublishingError, match="date"):
        addenda.add_change(pf, addendum_id=draft.id, field="info.closing_date", new_fr="16 avril")


def test_the_record_survives_closing_and_reopening(pf, tmp_path):
    publish(pf, published_on="2027-03-01", attachments=[Attachment("final-fr.docx", b"PK final", "fr")])
    path = pf.path
    pf.close()
    with ProjectFile.open(path, read_only=True) as again:
        record = read(again)
        assert again.published and record.documents[0].name == "final-fr.docx"
        assert document_bytes(again, record.documents[0].id) == b"PK final"
    assert Path(path).exists()


def test_the_command_line_publishes_drafts_and_issues(tmp_path, capsys):
    from wizard.cli import main

    path = tmp_path / "t.tender"
    project = load_example("training")
    project.info.closing_date = "2027-04-12"  # the addendum is issued on that day, not after
    (tmp_path / "t.json").write_text(jsonio.dumps(project), encoding="utf-8")
    assert main(["load", str(tmp_path / "t.json"), str(path)]) == 0
    final = tmp_path / "final-en.docx"
    final.write_bytes(b"PK the final English tender")
    assert main(["publish", str(path), "--attach", str(final), "--date", "2027-03-01"]) == 0
    out = capsys.readouterr().out
    assert f"final-en.docx\ten\t{hashlib.sha256(final.read_bytes()).hexdigest()}" in out
    assert main(["publish", str(path)]) == 2
    assert "already marked as published" in capsys.readouterr().err
    args = ["addendum", str(path), "question", "--question", "Q?", "--question-en", "Q?"]
    assert main([*args, "--answer", "Oui.", "--answer-en", "Yes.", "--lang", "en"]) == 0
    args = ["addendum", str(path), "change", "--field", "info.closing_date", "--value", "2027-04-16"]
    assert main(args) == 0
    capsys.readouterr()
    assert main(["addendum", str(path), "issue", "--date", "2027-04-12", "--lang", "fr"]) == 0
    captured = capsys.readouterr()
    assert "reporte la clôture au 2027-04-19" in captured.err
    assert "Addenda 1\témis le 2027-04-12\t1 question\t2 modifications" in captured.out  # and the bids row
    with ProjectFile.open(path, read_only=True) as pf:
        assert pf.project.info.closing_date == "2027-04-19"
    assert main(["addendum", str(path), "issue"]) == 2
    assert "no draft addendum" in capsys.readouterr().err


@needs_cove
@needs_zip
def test_the_package_with_an_addendum_is_clean_for_cove(pf, tmp_path):
    """The published release and the addendum's tenderUpdate release, with its
    amendment, pass the Open Contracting Partnership's validator."""
    publish(pf, published_on="2027-03-01", moment=MOMENT)
    draft_id = _answered(pf)
    addenda.issue(pf, addendum_id=draft_id, issued_on="2027-03-12")
    files = export.output_files(pf.project, changed=pf.last_change(), record=read(pf))
    package = json.loads(files["ocds-release-package.json"])
    assert [r["tag"] for r in package["releases"]] == [["tender"], ["tenderUpdate"]]
    assert problems(cove(package, tmp_path)) == {}


# -- the JSON form (version 4) and the published example -----------------------------


def test_the_training_example_is_published_with_one_addendum(tmp_path):
    from wizard.cli import main

    path = tmp_path / "t.tender"
    assert main(["new", "--example", "training", str(path)]) == 0
    with ProjectFile.open(path) as pf:
        record = read(pf)
        assert pf.published and record.baseline.published_on == "2027-03-01"
        assert jsonio.loads(record.baseline.model).info.closing_date == "2027-04-02"
        (addendum,) = record.issued
        assert (addendum.number, addendum.issued_on) == (1, "2027-03-12")
        (question,) = addendum.questions
        assert question.text("answer", "en").startswith("Yes.") and question.text("answer", "fr").startswith(
            "Oui."
        )
        assert [(c.field, c.old_fr, c.new_fr) for c in addendum.changes] == [
            ("info.closing_date", "2027-04-02", "2027-04-16")
        ]
        assert pf.project.info.closing_date == "2027-04-16"
        with pytest.raises(BaselineField):
            pf.set_field("info", "closing_date", "2027-05-01")
        with pytest.raises(undo.NothingToUndo):
            ops.undo(pf)
        release = addendum.release_data()
        assert release["tag"] == ["tenderUpdate"]
        assert release["tender"]["amendments"][0]["amendsReleaseID"] == record.baseline.release_data()["id"]


def test_dump_and_load_keep_the_publication_and_the_documents(pf, tmp_path, capsys):
    from wizard.cli import main

    publish(pf, published_on="2027-03-01", attachments=[Attachment("final-fr.docx", b"PK final", "fr")])
    _answered(pf)
    path = pf.path
    pf.close()
    assert main(["dump", str(path), "--out", str(tmp_path / "p.json")]) == 0
    data = json.loads((tmp_path / "p.json").read_text(encoding="utf-8"))
    assert data["version"] == jsonio.VERSION and data["publishing"]["documents"][0]["name"] == "final-fr.docx"
    assert main(["load", str(tmp_path / "p.json"), str(tmp_path / "copy.tender")]) == 0
    with ProjectFile.open(tmp_path / "copy.tender") as copy:
        record = read(copy)
        assert copy.published and document_bytes(copy, record.documents[0].id) == b"PK final"
        assert record.draft is not None and len(record.draft.questions) == 1
    capsys.readouterr()
    assert main(["dump", str(tmp_path / "copy.tender")]) == 0
    assert json.loads(capsys.readouterr().out)["publishing"] == data["publishing"]


def test_a_document_whose_bytes_do_not_match_its_hash_is_refused(pf, tmp_path, capsys):
    from wizard.cli import main

    publish(pf, published_on="2027-03-01", attachments=[Attachment("final-fr.docx", b"PK final", "fr")])
    data = jsonio.to_dict(
        pf.project, __import__("wizard.core.publishing.jsonform", fromlist=["x"]).to_json(pf)
    )
    data["publishing"]["documents"][0]["content"] = "UEsgb3RoZXI="  # "PK other"
    (tmp_path / "bad.json").write_text(json.dumps(data), encoding="utf-8")
    assert main(["load", str(tmp_path / "bad.json"), str(tmp_path / "bad.tender")]) == 2
    assert "sha256" in capsys.readouterr().err and not (tmp_path / "bad.tender").exists()


def test_json_of_version_3_loads_unpublished():
    text = json.dumps({"format": "open-procurement-wizard", "version": 3, "info": {"title": "T"}})
    project, publishing = jsonio.loads_with_publishing(text)
    assert project.info.title == "T" and publishing is None


def test_publish_takes_the_planned_date_and_refuses_one_after_closing(tmp_path, capsys):
    """Without --date the tender is published on its planned publication date (not
    today, which would rewrite the calendar); a date after the closing is refused and
    nothing is recorded."""
    from wizard.cli import main

    path = tmp_path / "o.tender"
    assert main(["new", "--example", "office-suite", str(path)]) == 0
    with ProjectFile.open(path, read_only=True) as f:
        planned, closing = f.project.info.publication_date, f.project.info.closing_date
    assert planned and closing and planned < closing
    late = tmp_path / "late.tender"
    assert main(["new", "--example", "office-suite", str(late)]) == 0
    capsys.readouterr()
    assert main(["publish", str(late), "--date", "2099-01-01"]) == 2
    assert f"comes after the closing date ({closing})" in capsys.readouterr().err
    with ProjectFile.open(late, read_only=True) as f:
        assert not f.published and f.project.info.publication_date == planned
    assert main(["publish", str(path)]) == 0
    with ProjectFile.open(path, read_only=True) as f:
        assert f.published and f.project.info.publication_date == planned
        assert read(f).baseline.published_on == planned


def test_addendum_questions_in_the_text_language_and_a_draft_discarded(tmp_path, capsys):
    """--question and --answer are in the language the texts are typed in (an English
    tender's question is English, not French); a draft can be discarded; the extension
    of the closing is announced only once the addendum is issued."""
    from wizard.cli import main

    path = tmp_path / "o.tender"
    assert main(["new", "--example", "office-suite", str(path)]) == 0
    assert main(["publish", str(path)]) == 0
    capsys.readouterr()
    assert main(["addendum", str(path), "show", "--lang", "en"]) == 0
    assert capsys.readouterr().out == "No addendum yet.\n"
    question = ["addendum", str(path), "question", "--question", "Is SSO required?", "--answer", "Yes."]
    assert main(question) == 0
    assert "Draft addendum 1\tdraft\t1 question" in capsys.readouterr().out
    with ProjectFile.open(path, read_only=True) as f:
        (q,) = read(f).draft.questions
        assert f.project.info.text_language == "en"
        assert (q.question_en, q.answer_en, q.question_fr) == ("Is SSO required?", "Yes.", "")
    assert main(["addendum", str(path), "discard"]) == 0
    assert capsys.readouterr().out == "No addendum yet.\n"
    assert main(["addendum", str(path), "discard"]) == 2
    assert "no draft addendum to discard" in capsys.readouterr().err
    # a refused issue says nothing of an extension
    assert main(["addendum", str(path), "question", "--question-fr", "Seulement en français?"]) == 0
    capsys.readouterr()
    assert main(["addendum", str(path), "issue", "--date", "2099-01-01"]) == 2
    assert "extends the closing" not in capsys.readouterr().err


def test_a_date_that_is_not_one_is_said_as_everywhere_else(tmp_path, capsys):
    """Walk 2026-12-06 point 15: « La date doit être une date (AAAA-MM-JJ) » said nothing;
    publishing, addenda and bids say what the contract's follow-up and the command line
    already say: « “2027-13-45” n’est pas une date (AAAA-MM-JJ) »."""
    from wizard.cli import main

    path = tmp_path / "o.tender"
    assert main(["new", "--example", "office-suite", str(path)]) == 0
    capsys.readouterr()
    assert main(["publish", str(path), "--date", "13/03/2027"]) == 2
    said = (
        "«\u00a013/03/2027\u00a0» n’est pas une date (AAAA-MM-JJ). / “13/03/2027” is not a date (YYYY-MM-DD)."
    )
    assert capsys.readouterr().err.startswith(said)
    # the format asked for, but no such day or month: say that, not "the format" (walk 8)
    assert main(["publish", str(path), "--date", "2027-02-30"]) == 2
    assert capsys.readouterr().err.startswith(
        "«\u00a02027-02-30\u00a0» n’existe pas\u00a0: les jours de février\u00a02027 vont de 1 à 28. / "
        "“2027-02-30” does not exist: the days of February 2027 go from 1 to 28."
    )
    assert main(["publish", str(path), "--date", "2027-13-45"]) == 2
    said = (
        "«\u00a02027-13-45\u00a0» n’existe pas\u00a0: les mois vont de 01 à 12 (AAAA-MM-JJ). / "
        "“2027-13-45” does not exist: the months go from 01 to 12 (YYYY-MM-DD)."
    )
    assert capsys.readouterr().err.startswith(said)
    assert main(["publish", str(path)]) == 0  # the clean twin: the planned date
    question = ["addendum", str(path), "question", "--question", "SSO?", "--answer", "Yes."]
    capsys.readouterr()
    assert main([*question, "--date", "2027-13-45"]) == 2
    assert capsys.readouterr().err.startswith(said)
    assert main([*question, "--date", "2027-03-05"]) == 0
