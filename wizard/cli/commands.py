"""The sub-commands of ``python main.py``; the parser is in :mod:`wizard.cli`.

Each ``cmd_*(args) -> int`` returns the exit code and raises
:class:`wizard.cli.messages.CliError` (exit 2) for bad input; project-file errors come
from :mod:`wizard.core.project_file.store`. Nothing here overwrites a file unless ``--force`` says so
(``export``, ``dump``); ``new`` and ``load`` never do, and ``export --strict`` writes
nothing while the publishing gate has items.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from wizard.cli.messages import JUSTIFIED, CliError, severity_word
from wizard.core.contract.entries import AMENDMENT, BY_NAME, ENTRY_KINDS, INCIDENT, PAYMENT, REPORT, kind_of
from wizard.core.i18n import N_, Plural, bilingual, counts, ntr, system_language, tr
from wizard.core.i18n.os_errors import os_reason
from wizard.core.model import Project

if TYPE_CHECKING:
    from wizard.core.audit import AuditedParagraph
    from wizard.core.checks.base import Finding
    from wizard.core.documents.gate import GateItem


def _project_path(path: str) -> Path:
    """``path`` as a project file to read; a folder gets a clear message."""
    target = Path(path)
    if target.is_dir():
        raise CliError(N_("This is a folder, not a project file."), target)
    return target


def _read(path: str) -> Project:
    from wizard.core.project_file.store import ProjectFile

    with ProjectFile.open(_project_path(path), read_only=True) as pf:
        return pf.project


def _read_with_change(path: str) -> tuple[Project, str | None]:
    """The project and the moment of its latest change (it dates the open data), read only."""
    project, changed, _record = _read_for_export(path)
    return project, changed


def _read_for_export(path: str) -> tuple[Project, str | None, Any]:
    """The project, the moment of its latest change and its publication record
    (``publishing.record.Record``: the addenda and published releases), read only."""
    from wizard.core.project_file.store import ProjectFile
    from wizard.core.publishing.record import read

    with ProjectFile.open(_project_path(path), read_only=True) as pf:
        return pf.project, pf.last_change(), read(pf)


def _read_bids(path: str) -> Any:
    """The bids record of the project at ``path`` (``bids.record.BidsRecord``: empty
    before any bid), read only; its findings join the others in ``check``."""
    from wizard.core.bids.record import read
    from wizard.core.project_file.store import ProjectFile

    with ProjectFile.open(_project_path(path), read_only=True) as pf:
        return read(pf)


def _as_of(value: str | None) -> str:
    """``--as-of``: a day (YYYY-MM-DD), ``today``, or '' (not given: the follow-up's
    latest entry, ``contract.follow_up.as_of``); raises :class:`CliError` for anything
    else."""

    text = (value or "").strip()
    if text == "today":
        return _today()
    if text:
        from wizard.core.domain.days import parse_day
        from wizard.core.i18n.formats import no_day

        if parse_day(text) is None:
            message, params = no_day(text)
            raise CliError(message, None, **params)
    return text


def _follow_up(path: str, as_of: str = "") -> Any:
    """The contract's follow-up (``contract.record.FollowUp``) judged as of ``as_of``
    ('' = its latest entry), ``None`` while no contract is signed; read only."""
    import dataclasses

    from wizard.core.contract import ContractError
    from wizard.core.contract.follow_up import given_day
    from wizard.core.contract.record import follow_up
    from wizard.core.project_file.store import ProjectFile

    with ProjectFile.open(_project_path(path), read_only=True) as pf:
        found = follow_up(pf)
    if found is None:
        return None
    try:  # a day before the signature or beyond the follow-up's range is refused
        as_of = given_day(found.contract, as_of)
    except ContractError as exc:
        raise CliError(exc.text, path, **exc.params) from None
    return dataclasses.replace(found, contract=dataclasses.replace(found.contract, as_of=as_of))


def _contract_findings(path: str, as_of: str = "") -> list[Any]:
    """The findings on the contract's follow-up (``checks/contract.py``) as of ``as_of``
    when given, else today (or the latest entry when it comes later:
    ``contract.follow_up.as_of``)."""
    import datetime as dt

    from wizard.core.checks.contract import check_contract
    from wizard.core.project_file.store import ProjectFile

    found = _follow_up(path, as_of)
    if found is None:
        return []
    with ProjectFile.open(_project_path(path), read_only=True) as pf:
        project = pf.project
    return check_contract(project, found.contract, "", found.rates, today=dt.date.fromisoformat(_today()))


def _new_target(path: str) -> Path:
    target = Path(path)
    if target.is_dir():
        raise CliError(N_("This is a folder, not a file name."), target)
    if target.exists():
        raise CliError(N_("This file already exists; choose another name."), target)
    if not target.parent.is_dir():
        raise CliError(N_("This folder does not exist."), target.parent)
    return target


def cmd_new(args: argparse.Namespace) -> int:
    """Create ``args.file``: from the bundled example ``args.example``, or an empty
    project in ``args.lang`` (its tender language and its default texts)."""
    from wizard.core.contract.jsonform import create_file
    from wizard.core.examples import UnknownExample, example_names, load_example_with_contract
    from wizard.core.model.defaults import new_project
    from wizard.core.project_file.store import ProjectFile

    if not args.example:
        ProjectFile.create(_new_target(args.file), new_project(args.lang)).close()
        print(args.file)
        return 0
    try:
        project, publishing, bids, contract = load_example_with_contract(args.example)
    except UnknownExample:
        raise CliError(
            N_("Unknown example {name}; choose one of: {names}."),
            name=args.example,
            names=", ".join(example_names()),
        ) from None
    create_file(_new_target(args.file), project, publishing, bids, contract, origin="example").close()
    print(args.file)
    return 0


def cmd_load(args: argparse.Namespace) -> int:
    """Create ``args.file`` from the JSON file ``args.json_file``; then, on stderr, one
    bilingual line per key of the JSON the load did not read (``jsonio.ignored``)."""
    import json

    from wizard.core.project_file import jsonio  # sqlite-utils: only for commands that need it

    source = Path(args.json_file)
    if source.is_dir():
        raise CliError(N_("This is a folder, not a JSON file."), source)
    from wizard.core.contract.jsonform import create_file, ignored_keys
    from wizard.core.project_file import expected

    try:
        text = jsonio.read_text(source)
        project, publishing, bids, contract = jsonio.loads_with_contract(text)
    except FileNotFoundError:
        raise CliError(N_("This file does not exist."), source) from None
    except jsonio.ProjectJsonError as exc:
        raise CliError(N_("This JSON file cannot be loaded: {detail}"), source, detail=exc.detail) from None
    target = _new_target(args.file)
    try:  # the rows of the publication, bids and contract are checked before anything is written
        create_file(target, project, publishing, bids, contract, origin="loaded").close()
    except jsonio.ProjectJsonError as exc:
        raise CliError(N_("This JSON file cannot be loaded: {detail}"), source, detail=exc.detail) from None
    print(args.file)
    data = json.loads(text)
    for key in jsonio.named_keys(ignored_keys(data), data):  # after the load: the file is read without them
        print(bilingual(expected.IGNORED, field=key), file=sys.stderr)
    return 0


def cmd_dump(args: argparse.Namespace) -> int:
    """The project as JSON on stdout, or into ``--out`` (refused if it exists, unless ``--force``)."""
    from wizard.core.bids.jsonform import to_json as bids_json
    from wizard.core.contract.jsonform import to_json as contract_json
    from wizard.core.project_file import jsonio
    from wizard.core.project_file.store import ProjectFile
    from wizard.core.publishing.jsonform import to_json

    with ProjectFile.open(_project_path(args.file), read_only=True) as pf:
        project, publishing, bids, contract = pf.project, to_json(pf), bids_json(pf), contract_json(pf)
    if not args.out:
        sys.stdout.write(jsonio.dumps(project, publishing, bids, contract))
        return 0
    from wizard.core.export import export_json

    target = Path(args.out)
    if target.is_dir():
        raise CliError(N_("This is a folder, not a file name."), target)
    if target.exists() and not args.force:
        raise CliError(N_("This file already exists; add --force to replace it."), target)
    export_json(project, target, publishing, bids, contract)
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    """Every finding, ``SEVERITY CODE FIELD: message``, then the totals; exit 1 on an
    error that is not justified. Words in ``--lang`` or the system language; the colon
    after the field as the documents write it in that language (``COLON``: French puts a
    no-break space before it)."""
    from wizard.core.checks import Severity, run_checks
    from wizard.core.i18n.formats import COLON

    lang = args.lang or system_language()
    project, _changed, record = _read_for_export(args.file)
    found = run_checks(
        project, _read_bids(args.file), publication=record, today=_today()
    ) + _contract_findings(args.file, _as_of(args.as_of))
    width = max(len(severity_word(s.value, lang)) for s in Severity)
    justified = 0
    for f in found:
        mark = ""
        if f.is_justified(project):
            justified += 1
            mark = " " + tr(JUSTIFIED, lang)
        word = severity_word(f.severity.value, lang)
        print(f"{word:{width}} {f.code:22} {f.field}{COLON[lang]}{f.message(lang)}{mark}")
    errors = [f for f in found if f.severity == Severity.ERROR and not f.is_justified(project)]
    total = (
        tr(counts.errors(len(errors)), lang)
        + ", "
        + ntr("{count} finding", "{count} findings", len(found), lang)
    )
    if justified:
        total += " " + ntr("({count} justified)", "({count} justified)", justified, lang)
    print(total)
    return 1 if errors else 0


def cmd_lint(args: argparse.Namespace) -> int:
    """One line per finding: the code, the names detected, and with ``--explain`` the
    severity and the message in ``--lang`` (default: the system language). With
    ``--file``, every paragraph and table cell of a document, each line led by its
    location (:mod:`wizard.core.audit`). ``--format json`` prints one JSON object
    instead. Exit 1 when a finding is an error."""
    import json

    from wizard.core.checks.base import Severity
    from wizard.core.checks.lint import lint_text

    lang = args.lang or system_language()
    if args.file and args.text is not None:
        raise CliError(N_("Give either a text or --file, not both."))
    if args.file:
        return _lint_file(args, lang)
    if args.text is None:
        raise CliError(
            N_("Missing argument: a text to check, or --file DOC. Try {help}."),
            help=f"{getattr(args, 'prog', 'python main.py')} lint --help",
        )
    if not args.field:
        raise CliError(
            N_("Missing argument: {names}. Try {help}."),
            names="--field",
            help=f"{getattr(args, 'prog', 'python main.py')} lint --help",
        )
    found = lint_text(args.field, args.text, lang)
    if args.format == "json":
        payload = {"field": args.field, "lang": lang, "findings": [_finding_json(f, lang) for f in found]}
        print(json.dumps(payload, ensure_ascii=False, indent=2))
    else:
        for f in found:
            print(_lint_line(f, lang, args.explain))
    return 1 if any(f.severity == Severity.ERROR for f in found) else 0


def _lint_line(f: Finding, lang: str, explain: bool) -> str:
    from wizard.core.checks.lint import explain_line, lint_line

    return explain_line(f, lang) if explain else lint_line(f)


def _finding_json(f: Finding, lang: str) -> dict[str, object]:
    from wizard.core.checks.lint import detected_names

    return {
        "code": f.code,
        "severity": f.severity.value,
        "names": detected_names(f),
        "message": f.message(lang),
    }


CLEAN_DOCUMENT = N_("No finding in {file}: {paragraphs}, {cells} checked.")
"""``lint --file``'s one line on a document without any finding: what was read."""


def _lint_file(args: argparse.Namespace, lang: str) -> int:
    """``lint --file``: ``LOCATION  CODE  names`` per finding (``--explain``: severity
    and message too), or one line saying that nothing was found in how many paragraphs
    and table cells (:data:`CLEAN_DOCUMENT`); or the JSON object of :func:`_audit_json`.
    The checks read the document in its own language (``audit.document_language``;
    ``lang`` when it does not tell), the lines are written in ``lang``."""
    import json

    from wizard.core.audit import (
        DocumentError,
        audit_paragraphs,
        document_language,
        read_document,
        with_findings,
    )
    from wizard.core.checks.base import Severity

    try:
        paragraphs = read_document(Path(args.file))
    except DocumentError as exc:
        raise CliError(exc.text, exc.path, **exc.params).with_output(exc.output) from None
    written = document_language(paragraphs) or lang
    audited = audit_paragraphs(paragraphs, written, args.field)
    flagged = with_findings(audited)
    if args.format == "json":
        print(json.dumps(_audit_json(args.file, lang, audited, written), ensure_ascii=False, indent=2))
    elif not flagged:
        checked = [a for a in audited if a.role != "skipped"]
        cells = sum(1 for a in checked if a.location.table)
        print(
            tr(
                CLEAN_DOCUMENT,
                lang,
                file=Path(args.file).name,
                paragraphs=ntr("{count} paragraph", "{count} paragraphs", len(checked) - cells, lang),
                cells=ntr("{count} table cell", "{count} table cells", cells, lang),
            )
        )
    else:
        for item in flagged:
            where = item.location.describe(lang)
            if item.section:
                where += f" ({item.section[:60]})"
            for f in item.findings:
                print(f"{where}  {_lint_line(f, lang, args.explain)}")
    return 1 if any(f.severity == Severity.ERROR for a in flagged for f in a.findings) else 0


def _audit_json(
    path: str, lang: str, audited: list[AuditedParagraph], written: str | None = None
) -> dict[str, object]:
    """``{"file", "lang": the document's language, "message_lang": the messages',
    "paragraphs": count, "findings": [{"location": {"table": 3, "row": 2, "cell": 2},
    "where": "table 3, row 2, cell 2", "role": "criterion", "text": …, "code",
    "severity", "names", "message"}, …]}``; ``written`` (the document's language)
    defaults to ``lang``."""
    findings = [
        {
            "location": item.location.as_dict(),
            "where": item.location.describe(lang),
            "section": item.section,
            "role": item.role,
            "text": item.text,
            **_finding_json(f, lang),
        }
        for item in audited
        for f in item.findings
    ]
    return {
        "file": str(path),
        "lang": written or lang,
        "message_lang": lang,
        "paragraphs": len(audited),
        "findings": findings,
    }


def cmd_brands(args: argparse.Namespace) -> int:
    """The project's extra brand names, one a line; ``--import CSV`` first adds a shared
    list's new names (all or none) and says how many, how many the project already held
    and which of them the brand check finds only with a capital (ordinary words:
    ``brand_csv.import_report``), ``--export CSV`` writes them
    (refused if the file exists, unless ``--force``)."""
    from wizard.core import ops
    from wizard.core.domain import brand_csv
    from wizard.core.project_file.store import ProjectFile

    lang = args.lang or system_language()
    if args.export_csv:
        target = Path(args.export_csv)
        if target.is_dir():
            raise CliError(N_("This is a folder, not a file name."), target)
        if target.exists() and not args.force:
            raise CliError(N_("This file already exists; add --force to replace it."), target)
    if args.import_csv:
        source = Path(args.import_csv)
        if source.is_dir():
            raise CliError(N_("This is a folder, not a CSV file."), source)
        try:
            data = source.read_bytes()
        except FileNotFoundError:
            raise CliError(N_("This file does not exist."), source) from None
        with ProjectFile.open(_project_path(args.file)) as pf:
            try:
                names = brand_csv.parse_brands(data)
                added = ops.import_brands(pf, data=data)
            except brand_csv.BrandCsvError as exc:
                raise CliError(exc.msgid, source, **exc.params) from None
            project = pf.project
        print(ntr("{count} brand name added.", "{count} brand names added.", len(added), lang))
        report = brand_csv.import_report(names, added, lang)
        if report:
            print(report)
    else:
        project = _read(args.file)
    if args.export_csv:
        Path(args.export_csv).write_bytes(brand_csv.export_brands(project))
        print(args.export_csv)
    elif not args.import_csv:
        for brand in project.extra_brands:
            print(brand.name)
    return 0


def _export_folder(path: str) -> Path:
    out = Path(path)
    if out.exists() and not out.is_dir():
        raise CliError(N_("This is a file, not a folder."), out)
    return out


GATE_REFUSED = N_(
    "Nothing written: {errors} and {placeholders} remain (listed above). Correct them, or mark "
    "the errors justified, then export again."
)
GATE_WRITTEN = N_(
    "Written with {errors} and {placeholders} still open (listed above); export --strict writes "
    "nothing until none remains."
)


def placeholders_count(n: int) -> Plural:
    """ "1 placeholder", "2 placeholders" (French: « mention à compléter »)."""
    return Plural("{count} placeholder", "{count} placeholders", n)


def gate_line(item: GateItem) -> str:
    """One line of the publishing gate for stderr: the code (or "placeholder"), the field
    address, and the message in French / English."""
    return f"{item.code} {item.address}: {item.message('fr')} / {item.message('en')}"


def _gate_totals(items: list[GateItem]) -> dict[str, Plural]:
    from wizard.core.documents.gate import gate_counts

    errors, placeholders = gate_counts(items)
    return {"errors": counts.errors(errors), "placeholders": placeholders_count(placeholders)}


def cmd_export(args: argparse.Namespace) -> int:
    """Write every output into ``--out``; refuse if one exists there, unless ``--force``.

    The publishing gate (``documents/gate.py``: open errors, placeholders the documents
    would print) is printed on stderr, one line each, before writing; with ``--strict``
    any item refuses the export: exit 1 and nothing written, not even the folder.
    What a killed export left there is removed first (a note on stderr) and never counts
    as existing; a failed write names exactly the files it wrote (exit 2)."""
    from wizard.core.checks import run_checks
    from wizard.core.documents.gate import publishing_gate
    from wizard.core.export import (
        LEFTOVERS_REMOVED,
        ExportWriteError,
        existing_outputs,
        export_all,
        failure_message,
        other_documents,
        remove_leftovers,
        tender_languages,
    )
    from wizard.core.i18n.languages import untranslated_languages
    from wizard.core.model.translatable import MARKER
    from wizard.core.pdf import NOT_INSTALLED, PdfError, soffice

    out = _export_folder(args.out)
    project, changed, record = _read_for_export(args.file)  # first: a bad file leaves no empty folder
    bids = _read_bids(args.file)
    # the contract's follow-up once signed (docs/contract.md), as of --as-of or its latest entry
    follow = _follow_up(args.file, _as_of(args.as_of))
    if args.pdf and soffice() is None:  # said before anything else is done
        raise CliError(NOT_INSTALLED)
    existing = existing_outputs(
        project, out, args.lang, pdf=args.pdf, record=record, bids=bids, follow=follow
    )
    if existing and not args.force:
        raise CliError(
            Plural(
                "This folder already holds {count} of the files to write, {first}; "
                "add --force to replace it.",
                "This folder already holds {count} of the files to write, such as {first}; "
                "add --force to replace them.",
                len(existing),
            ),
            out,
            first=existing[0].name,
        )
    # the gate's errors are those ``check`` reports: the bids (BD-NOT-TOP …), the
    # addenda and the contract's follow-up as well as the tender's own
    findings = run_checks(project, bids, publication=record, today=_today()) + _contract_findings(
        args.file, _as_of(args.as_of)
    )
    langs = tender_languages(project, args.lang)
    # the addenda, letters and follow-up built once: the gate reads them, the export writes them
    documents = other_documents(project, langs, record, bids, follow)
    gate = publishing_gate(
        project, langs, findings, record=record, bids=bids, follow=follow, documents=documents
    )
    for item in gate:
        print(gate_line(item), file=sys.stderr)
    if gate and args.strict:
        print(bilingual(GATE_REFUSED, **_gate_totals(gate)), file=sys.stderr)
        return 1
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise CliError(N_("This folder cannot be created: {detail}"), out, detail=os_reason(exc)) from None
    removed = remove_leftovers(out)
    if removed:
        print(bilingual(LEFTOVERS_REMOVED, names=", ".join(p.name for p in removed)), file=sys.stderr)
    notices: list[str] = []  # about the PDFs, said once below (pdf.MISSING_FONT …)
    try:
        written = export_all(
            project,
            out,
            lang=args.lang,
            changed=changed,
            pdf=args.pdf,
            record=record,
            bids=bids,
            follow=follow,
            notices=notices,
            documents=documents,
        )
    except ExportWriteError as exc:
        text, params = failure_message(exc)
        raise CliError(text, out, **params) from None
    except PdfError as exc:
        raise CliError(exc.text, out, **exc.params) from None
    for path in written:
        print(path)
    for notice in notices:
        print(bilingual(notice), file=sys.stderr)
    if gate:
        print(bilingual(GATE_WRITTEN, **_gate_totals(gate)), file=sys.stderr)
    others = untranslated_languages(project, langs)
    if others:
        names = ", ".join(p.name for p in written if any(p.name.endswith(f"-{x}.docx") for x in others))
        print(
            bilingual(
                N_(
                    "Some texts have no version in the language of {files}: these documents print "
                    "{marker} in their place (the check command lists them); translate them before publishing."
                ),
                marker=MARKER,
                files=names,
            ),
            file=sys.stderr,
        )
    return 0


# -- after publication (issue 21) ---------------------------------------------------


def _today() -> str:
    import datetime as dt

    return dt.date.today().isoformat()


BLANK_PUBLICATION_DAY = N_(
    "{option} is empty: give the publication date (YYYY-MM-DD), or leave the option out for the "
    "planned publication date (else today)."
)
"""``publish --date ""`` used to take the default silently (walk 2026-12-07)."""


def cmd_publish(args: argparse.Namespace) -> int:
    """Mark the project as published (``publishing.publish``): the date (``--date``,
    default today), the documents attached (``--attach``, DOCX or PDF, repeated) or
    else the tender exported now. Prints each kept document with its SHA-256."""
    from wizard.core.project_file.store import ProjectFile
    from wizard.core.publishing import PublishingError
    from wizard.core.publishing.publish import attachment, publish

    if args.date is not None and not args.date.strip():  # before the file is opened for writing
        raise CliError(BLANK_PUBLICATION_DAY, option="--date")
    try:
        attached = [attachment(Path(a)) for a in args.attach or []]
        with ProjectFile.open(_project_path(args.file)) as pf:
            planned = pf.project.info.publication_date.strip()
            record = publish(pf, published_on=args.date or planned or _today(), attachments=attached)
    except PublishingError as exc:
        raise CliError(exc.text, args.file, **exc.params) from None
    lang = getattr(args, "lang", None) or system_language()
    if record.baseline is not None:  # the date recorded, which the documents and open data state
        print(tr(N_("Marked as published on {date}."), lang, date=record.baseline.published_on))
    for doc in record.documents:
        print(f"{doc.name}\t{doc.lang}\t{doc.sha256}")
    return 0


ADDENDUM_MADE_LATE_REFUSED = N_(
    "Nothing issued: this addendum moves the closing before a bid received on time, which would make it late and never opened (said above). Move the closing no earlier than that bid with “addendum change --field info.closing_date --value …”, or issue it as it is with --force."
)
"""``addendum issue`` refused: the closing moved earlier makes a bid received on time
late (``addenda.made_late``), as a text in the other language refuses it: an issue
cannot be taken back."""
ADDENDUM_LANGUAGE_REFUSED = N_(
    "Nothing issued: a text of this addendum is not in the language of its version (said above). "
    "Correct that text alone, the rest of the draft kept: “addendum edit N” with --question-fr, "
    "--answer-fr, --question-en or --answer-en for question N, “addendum change” again with the "
    "same --field for a changed text; or issue it as it is with --force."
)
"""``addendum issue`` refused: a text reads as the other language (``addenda.language_slips``).
The way out keeps the draft: ``edit N`` replaces a text of question N, a second ``change``
of a field replaces the first (``addenda.add_change``); ``remove N`` takes a question out."""

NO_DRAFT_TO_EDIT = N_("There is no draft addendum: an issued addendum was published and stays as it is.")
NOT_A_DRAFT_QUESTION = N_(
    "Name the question by its number in the draft addendum, one of {numbers} (given: {value})."
)
NO_DRAFT_CHANGE = N_("The draft addendum has no change of {field}.")
NO_DRAFT_QUESTION = N_("The draft addendum has no question yet: add one with {help}.")
QUESTION_TEXTS = ("question_fr", "question_en", "answer_fr", "answer_en")


def _draft_question(draft: Any, number: int | None, command: str = "addendum question") -> Any:
    """Question ``number`` of ``draft``, numbered from 1 as ``addendum show`` and the
    language slips number them; refused with the numbers it has."""
    numbers = list(range(1, len(draft.questions) + 1))
    if not numbers:  # walk 2026-12-07: "one of — (given: 1)" named nothing to choose from
        raise CliError(NO_DRAFT_QUESTION, help=f"“{command}”")
    if number is None or number not in numbers:
        raise CliError(
            NOT_A_DRAFT_QUESTION,
            numbers=", ".join(str(n) for n in numbers),
            value="—" if number is None else number,
        )
    return draft.questions[number - 1]


def _question_texts(args: argparse.Namespace, typed: str) -> dict[str, str]:
    """The texts of a question given on the command line, by field (``question_fr`` …):
    ``--question`` and ``--answer`` in ``typed``, the language the project's texts are
    typed in, ``-fr``/``-en`` explicitly (they win). Only those given: '' is given."""
    texts: dict[str, str] = {}
    for kind in ("question", "answer"):
        for lang in ("fr", "en"):
            explicit = getattr(args, f"{kind}_{lang}")
            plain = getattr(args, kind) if lang == typed else None
            if explicit is not None:
                texts[f"{kind}_{lang}"] = explicit
            elif plain is not None:
                texts[f"{kind}_{lang}"] = plain
    return texts


def _language_slips(slips: Any) -> None:
    """Each ``(message id, parameters)``, one bilingual line on stderr: a text of a draft
    addendum in the other language (``addenda.language_slips``), or why no addendum can
    be issued any more (``addenda.closed``: said when a question or a change is added to
    a draft after the closing, walk 2026-12-07, not first when the issue is refused)."""
    for text, params in slips:
        print(bilingual(text, **params), file=sys.stderr)


def cmd_addendum(args: argparse.Namespace) -> int:
    """Prepare and issue addenda (``publishing.addenda``): ``show`` (default) lists
    them; ``question`` adds a question and its answer to the draft (created if none);
    ``edit N`` replaces the texts given of question N of the draft, ``remove N`` takes
    it out (``remove --field F``: the change of F), the rest of the draft kept;
    ``change`` adds a change (``--field info.closing_date --value 2027-04-16``, or a
    text with ``--value`` and ``--value-en``); ``issue`` issues the draft on ``--date``
    (default today), after printing the closing it leaves."""
    from wizard.core.i18n.languages import text_language
    from wizard.core.project_file.store import ProjectFile
    from wizard.core.publishing import PublishingError, addenda
    from wizard.core.publishing.record import read

    lang = args.lang or system_language()
    try:
        with ProjectFile.open(_project_path(args.file), read_only=args.action == "show") as pf:
            if args.action == "question":
                received_on = _option(args, "date", "--date", BLANK_QUESTION_DAY) or ""
                draft = addenda.new_draft(pf)  # created if none: after every refusal of the options
                # --question and --answer are in the language the texts are typed in
                typed = text_language(pf.project)
                texts = {
                    f"{kind}_{lang}": getattr(args, f"{kind}_{lang}")
                    or (getattr(args, kind) if lang == typed else None)
                    or ""
                    for kind in ("question", "answer")
                    for lang in ("fr", "en")
                }
                addenda.add_question(pf, addendum_id=draft.id, received_on=received_on, **texts)
                added = read(pf).draft
                if added is not None:  # said at once, not first when the addendum is issued
                    _language_slips(addenda.language_slips(pf.project, added))
                _language_slips(addenda.closed(pf))  # a draft that can never be issued, said now
            elif args.action in ("edit", "remove"):
                pending = read(pf).draft
                if pending is None:
                    raise CliError(NO_DRAFT_TO_EDIT, args.file)
                if args.action == "remove" and args.field:
                    change = next((c for c in pending.changes if c.field == args.field), None)
                    if change is None:
                        raise CliError(NO_DRAFT_CHANGE, args.file, field=args.field)
                    addenda.remove(pf, table="addendum_changes", row_id=change.id)
                elif args.action == "remove":
                    question = _draft_question(
                        pending, args.number, f"{args.prog} addendum {args.file} question"
                    )
                    addenda.remove(pf, table="addendum_questions", row_id=question.id)
                else:
                    question = _draft_question(
                        pending, args.number, f"{args.prog} addendum {args.file} question"
                    )
                    texts = _question_texts(args, text_language(pf.project))
                    received = _option(args, "date", "--date", BLANK_DAY)
                    if received is not None:
                        texts["received_on"] = received
                    if not texts:
                        raise CliError(
                            N_("Missing argument: {names}. Try {help}."),
                            names="--question, --answer, --question-fr, --question-en, --answer-fr, "
                            "--answer-en, --date",
                            help=f"{args.prog} addendum --help",
                        )
                    addenda.set_question(pf, question_id=question.id, **texts)
                    edited = read(pf).draft
                    if edited is not None:  # what still reads as the other language, at once
                        _language_slips(addenda.language_slips(pf.project, edited))
            elif args.action == "discard":
                pending = read(pf).draft
                if pending is None:
                    raise CliError(N_("There is no draft addendum to discard."), args.file)
                addenda.discard(pf, addendum_id=pending.id)
            elif args.action == "change":
                draft = addenda.new_draft(pf)
                if not args.field:
                    raise CliError(
                        N_("Missing argument: {names}. Try {help}."),
                        names="--field",
                        help=f"{args.prog} addendum --help",
                    )
                addenda.add_change(
                    pf,
                    addendum_id=draft.id,
                    field=args.field,
                    new_fr=args.value or "",
                    new_en=args.value_en or "",
                )
                _language_slips(addenda.closed(pf))  # as for a question: never to be issued
            elif args.action == "issue":
                pending = read(pf).draft
                if pending is None:
                    raise CliError(N_("There is no draft addendum to issue."), args.file)
                day = _option(args, "date", "--date", BLANK_ISSUE_DAY) or _today()
                plan = addenda.plan_issue(pf, addendum_id=pending.id, issued_on=day)
                if plan.warnings and not plan.problems:  # an issue cannot be taken back
                    _language_slips(plan.warnings)
                    if not getattr(args, "force", False):
                        refused = ADDENDUM_MADE_LATE_REFUSED if plan.made_late else ADDENDUM_LANGUAGE_REFUSED
                        raise CliError(refused, args.file)
                addenda.issue(pf, addendum_id=pending.id, issued_on=day)
                if plan.extended:  # said once the addendum is issued, never before a refusal
                    print(
                        bilingual(
                            N_(
                                "Issued on {date}, this addendum extends the closing to {closing} (the Town's minimum: {days} days after the last addendum)."
                            ),
                            date=day,
                            closing=plan.closing_after,
                            days=plan.minimum_days,
                        ),
                        file=sys.stderr,
                    )
                if plan.replaces_workbook:
                    print(
                        bilingual(
                            N_(
                                "This addendum replaces the price workbook: version {before} no longer applies, bidders fill version {after} (export writes it)."
                            ),
                            before=plan.workbook_before,
                            after=plan.workbook_after,
                        ),
                        file=sys.stderr,
                    )
            record = read(pf)
            slips = addenda.language_slips(pf.project, record.draft) if record.draft else []
    except PublishingError as exc:
        raise CliError(exc.text, args.file, **exc.params) from None
    if args.action == "show" and getattr(args, "number", None) is not None:
        chosen = [a for a in record.addenda if a.number == args.number]
        # the draft is shown by the number it will take once issued, as the list names it
        upcoming = 1 + max((a.number or 0 for a in record.issued), default=0)
        if not chosen and record.draft is not None and args.number == upcoming:
            _print_addendum(record.draft, lang, number=upcoming, slips=slips)
            return 0
        if not chosen:
            raise CliError(N_("There is no addendum {number} in this file."), args.file, number=args.number)
        _print_addendum(chosen[0], lang)
        return 0
    if not record.addenda:
        print(tr("No addendum yet.", lang))
    upcoming = 1 + max((a.number or 0 for a in record.issued), default=0)
    for a in record.addenda:
        state = tr("issued on {date}", lang, date=a.issued_on) if a.issued else tr("draft", lang)
        name = (
            tr("Addendum {number}", lang, number=a.number)
            if a.number
            else tr(N_("Draft addendum {number}"), lang, number=upcoming)
        )
        print(
            f"{name}\t{state}\t"
            + ntr("{count} question", "{count} questions", len(a.questions), lang)
            + "\t"
            + ntr("{count} change", "{count} changes", len(a.changes), lang)
        )
    return 0


def _print_addendum(addendum: Any, lang: str, number: int | None = None, slips: Any = ()) -> None:
    """One addendum whole (``addendum FILE show N``): its state, each question with its
    answer in ``lang`` (the other language when ``lang``'s is blank), each change with
    the value before (once issued) and after. The draft is shown under ``number``, the
    one it takes once issued, with ``slips``: its texts in the other language than the
    version they fill (``addenda.language_slips``), for review before the issue."""
    other = "en" if lang == "fr" else "fr"
    if addendum.issued:
        state = tr("issued on {date}", lang, date=addendum.issued_on)
        print(f"{tr('Addendum {number}', lang, number=addendum.number)}\t{state}")
    else:
        print(f"{tr(N_('Draft addendum {number}'), lang, number=number)}\t{tr('draft', lang)}")
    for n, q in enumerate(addendum.questions, start=1):
        print(
            tr(
                "Question {number}: {question}",
                lang,
                number=n,
                question=q.text("question", lang) or q.text("question", other),
            )
        )
        print(tr("Answer: {answer}", lang, answer=q.text("answer", lang) or q.text("answer", other) or "-"))
    for change in addendum.changes:
        before = getattr(change, f"old_{lang}") or getattr(change, f"old_{other}")
        after = getattr(change, f"new_{lang}") or getattr(change, f"new_{other}")
        if before:
            print(
                tr(
                    "Change to {field}: {before} → {after}",
                    lang,
                    field=change.field,
                    before=before,
                    after=after,
                )
            )
        else:
            print(tr("Change to {field}: {after}", lang, field=change.field, after=after))
    for text, params in slips:
        print(tr(N_("Warning: {message}"), lang, message=tr(text, lang, **params)))


def _bids_error(exc: Exception, path: str) -> CliError:
    """A :class:`~wizard.core.bids.BidsError` as the command line's one line; a workbook
    the opening refuses keeps its reason (``opening.WorkbookRefused``)."""
    error = CliError(getattr(exc, "text", str(exc)), path, **getattr(exc, "params", {}))
    if hasattr(exc, "cause_text"):
        error.args = (f"{exc} ({path})",)
    return error


def _bid_number(args: argparse.Namespace, position: int = 0) -> int:
    """The bid's number among the positional arguments (``bid FILE workbook 3 …``)."""
    if len(args.rest) <= position:
        raise CliError(
            N_("Missing argument: {names}. Try {help}."), names="BID", help=f"{args.prog} bid --help"
        )
    try:
        return int(args.rest[position])
    except ValueError:
        raise CliError(N_("“{value}” is not the number of a bid."), value=args.rest[position]) from None


BLANK_DAY = N_(
    "{option} is empty: give a date (YYYY-MM-DD), or leave the option out to keep the one recorded."
)
"""The refusal of a date option given empty or blank (``--signed-on ""``): erasing a
date is no value a clerk types, and an empty day of signature hides the contract's
follow-up, so nothing is changed and the message says how to keep the date."""


BLANK_TEXT = N_("{option} is empty: give its text, or leave the option out to keep the one recorded.")
"""The refusal of a text option of ``award`` given empty or blank (``--resolution ""``):
it used to erase the resolution number silently, exit 0 (walk 2026-12-07 on the
command line); the award's texts are corrected, never erased by an empty word."""
AWARD_TEXTS = (
    ("resolution", "--resolution"),
    ("signatory", "--signatory"),
    ("authority", "--authority"),
    ("reason", "--reason"),
)
"""The text options of ``award`` refused blank (:data:`BLANK_TEXT`). ``--value ''`` is
not among them: it sets the value back to the awarded bid's price, as its help says."""


BLANK_QUESTION_DAY = N_(
    "{option} is empty: give the date the question was received (YYYY-MM-DD), or leave the option out to record the question without that date."
)
"""``addendum question --date ""``: :data:`BLANK_DAY`'s rule, the option left out
meaning no date received."""
BLANK_ISSUE_DAY = N_(
    "{option} is empty: give the date of issue (YYYY-MM-DD), or leave the option out to issue the addendum today."
)
"""``addendum issue --date "  "``: :data:`BLANK_DAY`'s rule, the option left out meaning
today (an issue cannot be taken back, so a blank date is never read as today)."""


def _option(args: argparse.Namespace, dest: str, option: str, blank: str) -> str | None:
    """The text or date option ``option`` (``args.<dest>``): ``None`` when left out, the
    value as typed otherwise; raises :class:`CliError` (``blank``, which says what leaving
    the option out does: :data:`BLANK_TEXT` and :data:`BLANK_DAY` keep the one recorded)
    for an empty or blank one. The text options of ``award`` (:data:`AWARD_TEXTS`) and
    every date option of ``bid`` read their value here (``--date``, ``--resolution-date``,
    ``--awarded-on``, ``--signed-on``), and every one of ``addendum`` (``question``,
    ``edit`` and ``issue --date``); the moments ``--at`` of ``lock`` and ``envelope open``
    take a blank one as left out (now), as their help says, and ``add`` names a blank
    ``--received`` as missing."""
    value = getattr(args, dest, None)
    if value is None:
        return None
    if not str(value).strip():
        raise CliError(blank, option=option)
    return str(value)


ALREADY_ATTACHED_CLI = N_(
    "This bid already has its price workbook (fingerprint {sha256}). If the bidder replaced its "
    "bid before the closing, attach the new workbook with --replace."
)
NO_SUCH_BID = N_("There is no bid {bid} in this file.")


def _print_bid_details(bid: Any, lang: str) -> None:
    """The bidder's particulars and the bid's own state, one labelled line each (``bid
    FILE show BID``)."""
    b = bid.bidder
    for label, value in (
        (N_("Business number"), b.business_number),
        (N_("Address"), " ".join(b.address.split())),
        (N_("Contact"), b.contact_name),
        (N_("E-mail"), b.contact_email),
        (N_("Telephone"), b.contact_phone),
        (N_("Trade secret"), bid.trade_secret),
        (N_("Notes"), bid.notes),
    ):
        if value.strip():
            print(f"{tr(label, lang)}\t{value}")
    if bid.workbook_sha256:
        print(f"{tr('Price workbook', lang)}\t{bid.workbook_sha256}")


AS_RECORDED = N_("Received, as recorded")
AS_RECORDED_NOTE = N_("the moment the file keeps as evidence, typed at another offset than the town's")
"""``bid show BID``: the moment of receipt as the file stores it, beside the town's time
the table prints, when its offset is not the town's that day (``BD-OFFSET``; a UTC
timestamp is the same instant, no slip): the evidence the clerk typed stays visible."""


def _print_as_recorded(project: Project, bid: Any, lang: str) -> None:
    """The line :data:`AS_RECORDED` of ``bid show BID`` when the stored moment is a slip
    of offset (``timezones.as_recorded``, the rule of ``BD-OFFSET`` and of the bids
    window: a UTC stamp is none); nothing otherwise."""
    from wizard.core.domain.timezones import as_recorded

    typed = as_recorded(project.info, bid.received_at)
    if typed:
        print(f"{tr(AS_RECORDED, lang)}\t{typed} ({tr(AS_RECORDED_NOTE, lang)})")


def _locked_line(project: Project, moment: str, by: str, lang: str) -> str:
    """ "Quality scores locked on MOMENT. Locked by: NAME." (who, when one was recorded:
    walk 2026-12-07, the line left out who locked them); the moment in the town's time,
    as the bids' receipt is printed (``2027-05-04 15:00 -03:00``)."""
    from wizard.core.domain.timezones import in_town_time

    name = " ".join(by.split())
    line = tr("Quality scores locked on {moment}.", lang, moment=in_town_time(project.info, moment))
    return line + (" " + tr("Locked by: {name}.", lang, name=name) if name else "")


def _print_bids(pf: Any, lang: str, only: int | None = None) -> None:
    """A header, the bids as one line each (the quality points and the rank once the
    consensus is in), then the lock, the opening, the recommended bid and the award;
    ``only``: the bid of that number alone, with its particulars (:class:`CliError`
    when unknown)."""
    from wizard.core.bids import opening
    from wizard.core.bids.record import acknowledgement_read, read
    from wizard.core.bids.scoring_input import evaluation_input
    from wizard.core.documents.evaluation_common import NOT_OPENED, money, number
    from wizard.core.domain import bid_scoring
    from wizard.core.domain.timezones import in_town_time

    record = read(pf)
    if only is not None and record.bid(only) is None:
        raise CliError(NO_SUCH_BID, bid=only)
    if not record.bids:
        print(tr("No bid recorded yet.", lang))
        return
    inp = evaluation_input(pf.project, record)
    evaluation = bid_scoring.evaluate(inp)
    results = {r.key: r for r in evaluation.results}
    quebec = inp.method == "quebec"
    # Québec's statutory system without optional criteria: the grid's interim score alone,
    # as the evaluation report shows it (no "quality points" of criteria there are none of)
    points_column = not (quebec and not inp.optional_ids)
    scored = any(
        r.quality_points is not None or (quebec and r.quality_score is not None) for r in evaluation.results
    )  # once the consensus is in
    columns = [N_("Bid"), N_("Bidder"), N_("Received"), N_("Addenda acknowledged")]
    if scored:
        columns += [N_("Quality points")] if points_column else []
        columns += [N_("Interim score /100")] if quebec else []
        columns += [N_("Rank")]
    print("\t".join(tr(c, lang) for c in [*columns, N_("Status")]))
    for bid in record.bids:
        if only is not None and bid.id != only:
            continue
        if bid.late:
            state = tr("late, never opened", lang)
        elif bid.withdrawn:
            state = tr("withdrawn", lang)
        elif bid.rejected:
            state = tr("rejected: {reason}", lang, reason=bid.rejected)
        elif bid.evaluated_price is not None:
            state = tr("evaluated price {amount}", lang, amount=money(bid.evaluated_price, lang))
        elif bid.workbook_sha256:
            state = tr("price workbook sealed ({sha256})", lang, sha256=bid.workbook_sha256[:12])
        else:
            state = tr("no price workbook", lang)
        # as the report: only once its form of offer is read (never a late or withdrawn bid;
        # under two envelopes, once envelope 2 is opened), "-" otherwise (review 2026-12-07)
        form_read = acknowledgement_read(bid, pf.project.evaluation.quebec_weighted)
        addenda = (", ".join(str(n) for n in bid.acknowledged_addenda) if form_read else "") or "-"
        # the town's clock with its offset that day, whatever offset was typed (walk 2026-12-07)
        cells = [str(bid.id), bid.bidder.legal_name, in_town_time(pf.project.info, bid.received_at), addenda]
        if scored:
            result = results.get(bid.id)
            points = result.quality_points if result is not None else None
            rank = result.rank if result is not None else None
            cells += [number(points, lang, 0)] if points_column else []
            cells += [number(result.quality_score if result is not None else None, lang, 0)] if quebec else []
            cells += [NOT_OPENED if rank is None else str(rank)]
        print("\t".join([*cells, state]))
        if only is not None:
            _print_bid_details(bid, lang)
            _print_as_recorded(pf.project, bid, lang)
            _print_standing(pf.project, record, inp, bid, results.get(bid.id), lang)
            _print_grid(pf.project, record, inp, results, lang, only)
            return
    _print_grid(pf.project, record, inp, results, lang)
    if record.quality_locked_at:
        print(_locked_line(pf.project, record.quality_locked_at, record.quality_locked_by, lang))
    if record.opening is not None:
        _print_opening(pf.project, record, lang)
    elif scored and opening.none_pass(pf.project, record):
        print(tr(opening.NONE_PASS, lang))
    _print_recommended(record, evaluation, lang)
    if record.award is not None:
        print(_award_line(record, lang))


def _print_opening(project: Project, record: Any, lang: str) -> None:
    """The opening's line of ``bid show`` and of ``envelope open`` (when, by whom), then why
    no envelope was opened, if none was."""
    from wizard.core.bids import opening
    from wizard.core.domain.timezones import in_town_time

    why = opening.none_opened(project, record)
    print(
        tr(
            N_("Price envelopes opened on {moment} by {name}.")
            if why is None
            else N_("Opening of the price envelopes held on {moment} by {name}."),
            lang,
            moment=in_town_time(project.info, record.opening.opened_at),
            name=record.opening.opened_by,
        )
    )
    if why is not None:
        print(tr(why, lang))


def _print_recommended(record: Any, evaluation: Any, lang: str) -> None:
    recommended = record.bid(evaluation.recommended) if evaluation.recommended is not None else None
    if recommended is not None:
        print(tr("Recommended: {bid}", lang, bid=f"{recommended.id} ({recommended.bidder.legal_name})"))


def _award_line(record: Any, lang: str) -> str:
    """The award's line (:data:`AWARDED_TO`, or "No award."), in ``bid show`` and after
    ``award``."""
    award = record.award
    winner = record.bid(award.bid_id) if award.bid_id is not None else None
    if winner is None:
        return tr("No award.", lang)
    resolution, on = award.resolution_number, award.resolution_date
    text = AWARDED_TO[(bool(resolution), bool(on))]
    return tr(text, lang, bid=winner.id, name=winner.bidder.legal_name, number=resolution, date=on)


AWARDED_TO = {
    (True, True): N_("Awarded to bid {bid} ({name}), resolution {number} of {date}."),
    (True, False): N_("Awarded to bid {bid} ({name}), resolution {number} (its date not recorded)."),
    (False, True): N_("Awarded to bid {bid} ({name}), resolution of {date} (its number not recorded)."),
    (False, False): N_("Awarded to bid {bid} ({name}), no resolution recorded."),
}
"""The award's line of ``bid show``, by (resolution number recorded, its date recorded):
never "resolution - of -" (walk 2026-12-07)."""


MANDATORY_RESULTS = N_("Mandatory criteria")
NOT_RANKED = N_("Not ranked")
WHY_FAILS = N_("fails {criteria}")
WHY_BELOW = N_("below the pass threshold ({points} of {count} optional points; {needed} needed, {percent}%)")
WHY_BELOW_INTERIM = N_("below the pass threshold (interim score {interim} of 100; {minimum} needed)")
WHY_PENDING = N_("the evaluation is not complete: {missing}")
"""``bid show BID``: the bid's mandatory results and why it is not ranked, as the
evaluation report and the letters say it (walk 2026-12-07 on the command line: the
rank was "—" with no reason)."""


def _print_standing(project: Project, record: Any, inp: Any, bid: Any, result: Any, lang: str) -> None:
    """Two labelled lines of ``bid show BID``: each mandatory criterion's result ("OBL-1:
    Pass, OBL-2: Fail"), and why the bid is not ranked (:data:`NOT_RANKED`): the
    mandatory criteria it fails, its points below the pass threshold ("5 of 10 optional
    points; 7 needed, 70%"), Québec's interim score below its minimum, what it still
    lacks, or its status (sealed, a price of 0). Nothing of it for a ranked bid, nor for
    a bid late, withdrawn or rejected (the status column says why)."""
    from wizard.core.domain.numbering import criterion_numbers
    from wizard.core.i18n.formats import COLON

    labels = criterion_numbers(project, lang)
    given = {m.criterion_id: m.passed for m in record.mandatory if m.bid_id == bid.id}
    if result is not None and result.status != "late" and inp.mandatory_ids:
        words = {True: PASSED_WORDS["pass"], False: PASSED_WORDS["fail"], None: PASSED_WORDS["unknown"]}
        shown = [
            f"{labels.get(c, f'#{c}')}{COLON[lang]}{tr(words[given.get(c)], lang)}" for c in inp.mandatory_ids
        ]
        print(f"{tr(MANDATORY_RESULTS, lang)}\t{', '.join(shown)}")
    if result is None or result.status in ("ranked", "late") or bid.withdrawn or bid.rejected:
        return  # the status column says it: "late, never opened", "withdrawn", "rejected: …"
    print(f"{tr(NOT_RANKED, lang)}\t{_not_ranked_why(project, record, inp, bid.id, result, lang)}")


def _not_ranked_why(project: Project, record: Any, inp: Any, bid_id: int, result: Any, lang: str) -> str:
    """Why bid ``bid_id`` (its evaluation ``result``) is not ranked, in ``lang``: the
    second cell of ``bid show BID``'s :data:`NOT_RANKED` line, and the reason ``award``
    gives when it refuses such a bid (:data:`SET_ASIDE_WHY`)."""
    from wizard.core.bids.scoring_input import missing_labels, missing_scores
    from wizard.core.documents.evaluation_common import number
    from wizard.core.domain import bid_scoring
    from wizard.core.domain.evaluation import QUEBEC_MIN_INTERIM, points_needed_clamped
    from wizard.core.domain.numbering import criterion_numbers

    labels = criterion_numbers(project, lang)
    optional = len(inp.optional_ids)
    if result.status == "non_compliant":
        why = tr(WHY_FAILS, lang, criteria=", ".join(labels.get(c, f"#{c}") for c in result.failed))
    elif result.status == "below_threshold" and (
        inp.method == "quebec"
        and result.quality_score is not None
        and result.quality_score < QUEBEC_MIN_INTERIM
    ):
        why = tr(
            WHY_BELOW_INTERIM,
            lang,
            interim=number(result.quality_score, lang, 0),
            minimum=number(QUEBEC_MIN_INTERIM, lang, 0),
        )
    elif result.status == "below_threshold":
        why = tr(
            WHY_BELOW,
            lang,
            points=number(result.quality_points, lang, 0),
            count=optional,
            needed=points_needed_clamped(inp.threshold_pct, optional),
            percent=inp.threshold_pct,
        )
    elif result.status == "pending":
        missing = next((m for m in missing_scores(project, record) if m.bid_id == bid_id), None)
        lacks = missing_labels(project, missing).text(lang) if missing is not None else ""
        status = tr(bid_scoring.STATUS_LABELS["pending"], lang)
        why = tr(WHY_PENDING, lang, missing=lacks) if lacks else status[:1].lower() + status[1:]
    else:
        status = tr(bid_scoring.STATUS_LABELS[result.status], lang)
        why = status[:1].lower() + status[1:]
    return why


STILL_MISSING = N_("Still missing before the lock: {missing}.")
READY_TO_LOCK = N_("Nothing missing: the quality scores can be locked ({command}).")
WHOLE_TABLE = N_("The whole table: {command}.")
"""The one line of state after an evaluation entry or the lock (walk 2026-12-07, defect
5: each entry used to reprint every bid and every grid)."""


def _print_state(pf: Any, args: argparse.Namespace, lang: str) -> None:
    """After an evaluation entry or the lock: what the lock still waits for
    (``scoring_input.missing_scores``), or that nothing is missing; then where the whole
    table is (``bid FILE show``)."""
    from wizard.core.bids.record import read
    from wizard.core.bids.scoring_input import missing_scores, missing_text

    record = read(pf)
    if not record.locked:
        missing = missing_scores(pf.project, record)
        if missing:
            print(tr(STILL_MISSING, lang, missing=missing_text(pf.project, missing)))
        else:
            print(tr(READY_TO_LOCK, lang, command=f"{args.prog} bid {args.file} lock --by …"))
    print(tr(WHOLE_TABLE, lang, command=f"{args.prog} bid {args.file} show"))


def _print_award_state(pf: Any, args: argparse.Namespace, lang: str) -> None:
    """After ``award``: the award's line as ``bid show`` gives it (:func:`_award_line`),
    then where the whole table is; its findings are on stderr (walk 2026-12-07, item 9:
    every bid and every quality grid were printed again)."""
    from wizard.core.bids.record import read

    print(_award_line(read(pf), lang))
    print(tr(WHOLE_TABLE, lang, command=f"{args.prog} bid {args.file} show"))


def _print_opened(pf: Any, args: argparse.Namespace, lang: str) -> None:
    """After ``envelope open``: the opening's line, one line per bid opened with its
    evaluated price (what the opening reads out), the recommended bid, then where the
    whole table is (walk 2026-12-07, item 9: the whole table with every quality grid)."""
    from wizard.core.bids.record import read
    from wizard.core.bids.scoring_input import evaluation_input
    from wizard.core.documents.evaluation_common import money
    from wizard.core.domain import bid_scoring

    record = read(pf)
    _print_opening(pf.project, record, lang)
    for bid in record.bids:
        if bid.evaluated_price is not None and not (bid.late or bid.withdrawn or bid.rejected):
            price = tr("evaluated price {amount}", lang, amount=money(bid.evaluated_price, lang))
            print(f"{bid.id}\t{bid.bidder.legal_name}\t{price}")
    _print_recommended(record, bid_scoring.evaluate(evaluation_input(pf.project, record)), lang)
    print(tr(WHOLE_TABLE, lang, command=f"{args.prog} bid {args.file} show"))


def _print_grid(
    project: Project, record: Any, inp: Any, results: dict[int, Any], lang: str, only: int | None = None
) -> None:
    """Québec's statutory system (``evaluation.quebec_weighted``): each bid's points on
    the quality grid, labelled as the evaluation report labels them, after a blank line:
    the bid and its bidder, then a header (criterion, "Member N" for each member who
    scored a sheet, numbered as the jury list, the consensus and its reason), one line per
    item of the grid, "{item} (out of {most})", and the interim score /100 last.
    ``—`` where no points are recorded. Nothing outside the statutory system, nor for a
    bid with no grid points yet; ``only``: that bid alone."""
    from wizard.core.documents.evaluation_common import NOT_OPENED, number
    from wizard.core.domain.numbering import grid_numbers
    from wizard.core.model.translatable import localized
    from wizard.core.textclean import drop_blank_rows

    if not inp.grid_max:
        return
    shown = localized(drop_blank_rows(project), lang)  # the grid and the jury as the report numbers them
    items = [i for i in shown.quality_grid if i.id in inp.grid_max]
    grid = grid_numbers(shown)  # G-1 …: what `score/consensus --grid` take
    numbers = {m.id: n for n, m in enumerate(shown.jury, start=1)}
    for bid in record.bids:
        if only is not None and bid.id != only:
            continue
        sheets = {(g.jury_member_id, g.item_id): g.points for g in record.grid_sheets if g.bid_id == bid.id}
        agreed = {g.item_id: g for g in record.grid_consensus if g.bid_id == bid.id}
        if not sheets and not agreed:
            continue
        members = sorted({m for m, _item in sheets}, key=lambda m: (numbers.get(m, 10**9), m))

        def shown_points(value: int | None) -> str:
            return NOT_OPENED if value is None else str(value)

        print()
        print(tr("Quality grid, bid {bid} ({name})", lang, bid=bid.id, name=bid.bidder.legal_name))
        header = [tr("Criterion", lang)]
        header += [tr("Member {number}", lang, number=numbers.get(m, m)) for m in members]
        print("\t".join([*header, tr("Consensus", lang), tr("Reason", lang)]))
        for item in items:
            g = agreed.get(item.id)
            print(
                "\t".join(
                    [
                        tr(
                            "{number} {item} (out of {most})",
                            lang,
                            number=grid.get(item.id, f"#{item.id}"),
                            item=" ".join(item.label.split()) or f"#{item.id}",
                            most=item.points,
                        ),
                        *(shown_points(sheets.get((m, item.id))) for m in members),
                        shown_points(g.points if g is not None else None),
                        " ".join(g.reason.split()) if g is not None else "",
                    ]
                )
            )
        result = results.get(bid.id)
        interim = result.quality_score if result is not None else None
        why = _interim_why(project, record, bid.id, result, lang) if interim is None else ""
        print(
            "\t".join([tr("Interim score /100", lang), *([""] * len(members)), number(interim, lang, 0), why])
        )


INTERIM_FAILS = N_("not computed: the bid fails {criteria}, its quality is not scored")
INTERIM_MISSING = N_("not computed until these have their consensus points: {items}")
"""Why ``bid show`` prints the interim score as "—" (walk 2026-12-07, defect 1): the
optional criteria count toward the pass threshold, so the score waits for them too."""


def _interim_why(project: Project, record: Any, bid_id: int, result: Any, lang: str) -> str:
    """Why bid ``bid_id`` has no interim score yet: it fails a mandatory criterion, or
    what it still lacks (``scoring_input.missing_scores``); '' when neither says."""
    from wizard.core.bids.scoring_input import missing_labels, missing_scores
    from wizard.core.domain.numbering import criterion_numbers

    if result is not None and result.failed:
        labels = criterion_numbers(project, lang)
        failed = ", ".join(labels.get(c, f"#{c}") for c in result.failed)
        return tr(INTERIM_FAILS, lang, criteria=failed)
    missing = next((m for m in missing_scores(project, record) if m.bid_id == bid_id), None)
    if missing is None:
        return ""
    return tr(INTERIM_MISSING, lang, items=missing_labels(project, missing).text(lang))


LATE_BID = N_(
    "Bid {bid} was received at {received}, after the closing at {closing} (that is {typed} at the "
    "offset typed): it is recorded as late and its price workbook will never be opened."
)

LATE_BID_SAME = N_(
    "Bid {bid} was received at {received}, after the closing at {closing}: it is recorded as late "
    "and its price workbook will never be opened."
)
""":data:`LATE_BID` when the moment was typed at the town's offset (walk 2026-12-07: the
message repeated the same moment twice, in raw ISO 8601)."""


def _late_bid(pf: Any, bid_id: int, received: str) -> str:
    """The late bid's bilingual line: the moment and the closing in the town's time, as
    ``bid show`` gives them; the closing at the offset typed too, only when it differs."""
    from wizard.core.bids import intake
    from wizard.core.domain.timezones import in_town_time, moment_text
    from wizard.core.opendata.milestones import parse_moment

    info = pf.project.info
    end = intake.closing(pf)
    typed = parse_moment(received.strip())
    shown = {
        "bid": bid_id,
        "received": in_town_time(info, received),
        "closing": in_town_time(info, end.isoformat()),
    }
    if typed is None or typed.utcoffset() == end.utcoffset():
        return bilingual(LATE_BID_SAME, **shown)
    return bilingual(LATE_BID, typed=moment_text(end.astimezone(typed.tzinfo)), **shown)


OFFSET_TYPED = N_(
    "Check the offset: bid {bid} was typed at {typed}, but the town is at {town} on {day}, so it is "
    "recorded as received at {local}, town time, and judged on time or late at that moment. If "
    "{clock_time} was read on a clock of the town, correct it: {set}."
)
"""Said at once by ``bid … add`` and ``bid … set --received`` (walk 2026-12-07:
``--received 2027-03-08T14:30-04:00`` for a town at −05:00 that day was recorded as
13:30, on time, without a word); ``check`` keeps saying it as ``BD-OFFSET`` while the
moment stays so. The advice names the command that fixes it, ``set --received``, for
both (review 2026-12-07: ``set`` was advised to remove the bid and add it again, and
``add`` still is once ``set`` existed)."""


def _warn_offset(pf: Any, args: argparse.Namespace, bid_id: int) -> None:
    """:data:`OFFSET_TYPED` on stderr, one bilingual line, when ``--received`` has
    another offset than the town's on that day (``timezones.offset_slip``): for ``add``
    and ``set`` alike, ``set --received`` corrects the moment in place."""
    from wizard.core.domain.timezones import moment_text, offset_slip
    from wizard.core.opendata.milestones import parse_moment

    when = parse_moment(args.received.strip())
    slip = offset_slip(pf.project.info, when) if when is not None else None
    if slip is None:
        return
    corrected = slip.clock.isoformat(timespec="minutes")
    print(
        bilingual(
            OFFSET_TYPED,
            bid=bid_id,
            typed=slip.typed,
            town=slip.town,
            day=slip.local.date().isoformat(),
            local=moment_text(slip.local),
            clock_time=slip.clock.strftime("%H:%M"),
            set=f"{args.prog} bid {args.file} set {bid_id} --received {corrected}",
        ),
        file=sys.stderr,
    )


ENTRIES = {
    "mandatory": ("BID", "CRITERION", "RESULT"),
    "verify": ("BID", "SCENARIO", "RESULT"),
    "score": ("BID", "MEMBER", "CRITERION", "POINTS"),
    "consensus": ("BID", "CRITERION", "POINTS"),
}
"""The evaluation entries of ``bid`` and the positional values each takes, by name (a
missing one is named in the refusal)."""
PASSED = {"pass": True, "fail": False, "unknown": None}
PASSED_WORDS = {"pass": N_("Pass"), "fail": N_("Fail"), "unknown": N_("Not assessed")}
"""How ``mandatory`` says the result it recorded (the app's words)."""


def _numbers(args: argparse.Namespace, names: tuple[str, ...]) -> list[str]:
    """The positional values of ``bid`` named ``names``, in order; the usage message
    names the missing ones (``score 1 1 6`` lacks POINTS, not BID)."""
    if len(args.rest) < len(names):
        raise CliError(
            N_("Missing argument: {names}. Try {help}."),
            names=" ".join(names[len(args.rest) :]),
            help=f"{args.prog} bid --help",
        )
    return list(args.rest[: len(names)])


def _whole(value: str) -> int:
    try:
        return int(value)
    except ValueError:
        raise CliError(N_("“{value}” is not a whole number."), value=value) from None


NOT_A_CRITERION = {
    "mandatory": N_(
        "Name the mandatory criterion as the documents number it, one of {labels} (given: {value})."
    ),
    "optional": N_(
        "Name the optional criterion as the documents number it, one of {labels} (given: {value})."
    ),
}
"""The refusal of a criterion not named by its label: a plain number would be a row id
of the file, never what the documents print (walk 2026-12-06, defect 4)."""


def _criterion(pf: Any, value: str, kind: str) -> tuple[int, str]:
    """The criterion of ``kind`` named as the documents number it → (its id, its label).

    The tender, the evaluation report and the letters number the criteria with the
    binding language's prefixes (``numbering.criterion_numbers``: OBL-1, OPT-2 in
    French; M-1, O-2 in English); both prefixes are accepted, in any case, and the label
    returned is the documents'. A plain number is refused (:data:`NOT_A_CRITERION`,
    naming the labels): it was a row id of the file, which the documents never print."""
    from wizard.core.domain.numbering import criterion_numbers

    project = pf.project
    kinds = {c.id: c.kind for c in project.criteria}
    labels = {cid: label for cid, label in criterion_numbers(project, "fr").items() if kinds.get(cid) == kind}
    letter = "M" if kind == "mandatory" else "O"
    prefixes = {tr(letter, "fr").upper(), tr(letter, "en").upper()}
    wanted = "".join(value.split()).upper()
    for cid, label in labels.items():
        number = label.rsplit("-", 1)[-1]
        if wanted in {f"{prefix}-{number}" for prefix in prefixes}:
            return cid, label
    raise CliError(NOT_A_CRITERION[kind], labels=", ".join(labels.values()) or "—", value=value)


NOT_A_SCENARIO = N_("Name the scenario by its number, one of {labels} (given: {value}).")
VERIFIED = N_("Recorded: bid {bid}, {scenario}: {result}")
VERIFIED_ON = N_("on {day}")
VERIFIED_BY = N_("reported by {member}")
VERIFIED_NOTES = N_("notes: {notes}")
"""``verify`` echoes what it recorded, its notes kept (walk 2026-12-07, defect 4)."""


def _scenario(pf: Any, value: str) -> tuple[int, str]:
    """The scenario named as the tender numbers it, "S-3" (any case) or "3" → (its id,
    "S-3"); refused with the list of numbers, never taken as a row id of the file."""
    from wizard.core.domain.numbering import scenario_numbers

    numbers = scenario_numbers(pf.project)
    wanted = "".join(value.split()).upper()
    for sid, label in numbers.items():
        if wanted in {label, label.split("-", 1)[1]}:
            return sid, label
    raise CliError(NOT_A_SCENARIO, labels=", ".join(numbers.values()) or "—", value=value)


def _echo_verification(pf: Any, bid_id: int, scenario_id: int, label: str, lang: str) -> None:
    """One line: the verification as recorded, with the date, the member and the notes
    it holds (those kept from before included)."""
    from wizard.core.bids.record import read
    from wizard.core.documents.evaluation_report.bids import RESULT_LABELS

    v = next(v for v in read(pf).verifications if v.bid_id == bid_id and v.scenario_id == scenario_id)
    parts = [tr(VERIFIED, lang, bid=bid_id, scenario=label, result=tr(RESULT_LABELS[v.result], lang))]
    if v.verified_on:
        parts.append(tr(VERIFIED_ON, lang, day=v.verified_on))
    member = next((m for m in pf.project.committee if m.id == v.committee_member_id), None)
    if member is not None:
        parts.append(tr(VERIFIED_BY, lang, member=member.name.strip() or f"#{member.id}"))
    if v.notes:
        parts.append(tr(VERIFIED_NOTES, lang, notes=" ".join(v.notes.split())))
    print(", ".join(parts) + ".")


NOT_A_GRID_ITEM = N_("Name the item of the quality grid by its number, one of {labels} (given: {value}).")
"""The refusal of ``--grid`` with no such item: the valid numbers listed (walk
2026-12-07, defect 3)."""


def _grid_item(pf: Any, value: str, lang: str) -> tuple[int, str]:
    """The item of Québec's quality grid named by its number as ``bid show`` prints it,
    "G-2" (any case) or "2" → (its id, "G-2 label"), the label in ``lang`` as ``bid
    show`` prints it (``localized``: the echo and the table in the user's one language,
    walk 2026-12-07). Refused with the list of numbers (:data:`NOT_A_GRID_ITEM`);
    outside the statutory system the core refuses (``set_grid_consensus``), so an
    unknown item is passed on as id 0 then."""
    from wizard.core.domain.numbering import grid_label, grid_numbers
    from wizard.core.model.translatable import localized

    project = localized(pf.project, lang)
    numbers = grid_numbers(project)
    wanted = "".join(value.split()).upper()
    for item in project.quality_grid:
        label = numbers.get(item.id)
        if label is not None and wanted in {label, label.split("-", 1)[1]}:
            return item.id, f"{label} {' '.join(item.label.split())}".strip()
    if not project.evaluation.quebec_weighted:
        return 0, grid_label(0)
    raise CliError(NOT_A_GRID_ITEM, labels=", ".join(numbers.values()) or "—", value=value)


def _entry(pf: Any, args: argparse.Namespace, lang: str) -> None:
    """``mandatory BID CRIT pass|fail|unknown``, ``verify BID SCENARIO RESULT``, ``score
    BID MEMBER CRIT POINTS``, ``consensus BID CRIT POINTS`` (``-`` for no points); CRIT
    as the documents number it (:func:`_criterion`), or with ``--grid`` the number of an
    item of Québec's quality grid. Says what it recorded, the criterion by its label."""
    from wizard.core.bids import evaluation_entry as ev

    values = _numbers(args, ENTRIES[args.action])
    bid_id = _bid_number(args)
    if args.action == "mandatory":
        if values[2] not in PASSED:
            raise CliError(
                N_("{option}: {value} is not a choice; choose one of: {choices}."),
                option="mandatory",
                value=values[2],
                choices=", ".join(PASSED),
            )
        cid, label = _criterion(pf, values[1], "mandatory")
        ev.set_mandatory(pf, bid_id, cid, PASSED[values[2]], args.evidence)
        print(
            tr(
                "Recorded: bid {bid}, {criterion}: {result}.",
                lang,
                bid=bid_id,
                criterion=label,
                result=tr(PASSED_WORDS[values[2]], lang),
            )
        )
    elif args.action == "verify":
        sid, scenario = _scenario(pf, values[1])
        member: Any = ev.KEEP if args.member is None else args.member
        ev.set_verification(
            pf, bid_id, sid, values[2], args.notes, _option(args, "date", "--date", BLANK_DAY), member
        )
        _echo_verification(pf, bid_id, sid, scenario, lang)
    elif args.action == "score":
        points = None if values[3] == "-" else _whole(values[3])
        member = _whole(values[1])
        if args.grid:
            cid, label = _grid_item(pf, values[2], lang)
            ev.set_grid_sheet_score(pf, bid_id, member, cid, points, args.reason)
        else:
            cid, label = _criterion(pf, values[2], "optional")
            ev.set_sheet_score(pf, bid_id, member, cid, points, args.reason)
        print(
            tr(
                "Recorded: bid {bid}, member {member}, {criterion}: {points}.",
                lang,
                bid=bid_id,
                member=member,
                criterion=label,
                points="—" if points is None else points,
            )
        )
    else:
        points = None if values[2] == "-" else _whole(values[2])
        if args.grid:
            cid, label = _grid_item(pf, values[1], lang)
            ev.set_grid_consensus(pf, bid_id, cid, points, args.reason)
        else:
            cid, label = _criterion(pf, values[1], "optional")
            ev.set_consensus(pf, bid_id, cid, points, args.reason)
        print(
            tr(
                "Recorded: bid {bid}, consensus on {criterion}: {points}.",
                lang,
                bid=bid_id,
                criterion=label,
                points="—" if points is None else points,
            )
        )


AWARD_FINDINGS = (
    "BD-LATE-WINNER",
    "BD-WINNER-FAILS",
    "BD-NOT-TOP",
    "BD-NOT-BEST-SCORE",
    "BD-VALUE-NOT-BID",
    "BD-DECIDED-BEFORE-CLOSING",
    "BD-SIGNED-BEFORE-AWARD",
    "BD-SIGNED-IN-STANDSTILL",
)
"""The findings ``bid … award`` says on stderr once recorded (walk 2026-12-07): what the
award itself gets wrong is told when it is typed, not only by ``check``."""


DECISION_OPTIONS = {
    "reason_if_not_top": "--reason",
    "resolution_number": "--resolution",
    "resolution_date": "--resolution-date",
    "awarded_on": "--awarded-on",
    "contract_signed_on": "--signed-on",
}


def decision_dropped(count: int) -> Plural:
    """The award's former decision dropped: ``count`` options named, "give it again" for
    one (walk 2026-12-07: "give them again" for one option)."""
    return Plural(
        "The award now records another decision: what the former one held for {options} is not kept "
        "(it was that decision's); give it again for this one.",
        "The award now records another decision: what the former one held for {options} is not kept "
        "(it was that decision's); give them again for this one.",
        count,
    )


def _warn_bids(pf: Any, lang: str, codes: tuple[str, ...]) -> None:
    """The findings of ``checks.bids`` among ``codes``, on stderr, as ``check`` words them."""
    from wizard.core.bids.record import read as read_bids
    from wizard.core.checks.bids import check_bids
    from wizard.core.i18n.formats import COLON

    for f in check_bids(pf.project, read_bids(pf)):
        if f.code in codes:
            word = severity_word(f.severity.value, lang)
            print(f"{word} {f.code} {f.field}{COLON[lang]}{f.message(lang)}", file=sys.stderr)


SET_ASIDE_WHY = N_("Bid {bid} is not ranked, {why}: the published rules set it aside, it cannot be awarded.")
"""``award`` refusing a bid below the pass threshold (``award_rule.SET_ASIDE_OTHER``)
with the reason ``bid show BID`` prints
(:func:`_not_ranked_why`; review 2026-12-07: "the pass threshold or the price rule")."""


def _set_aside_why(pf: Any, bid_id: int, path: str) -> CliError:
    """:data:`SET_ASIDE_WHY` for bid ``bid_id``, its reason in each language."""
    from wizard.core.bids.record import read as read_bids
    from wizard.core.bids.scoring_input import evaluation_input
    from wizard.core.domain import bid_scoring

    record = read_bids(pf)
    inp = evaluation_input(pf.project, record)
    result = next(r for r in bid_scoring.evaluate(inp).results if r.key == bid_id)
    error = CliError(SET_ASIDE_WHY, path)
    error.args = (
        " / ".join(
            tr(
                SET_ASIDE_WHY,
                lang,
                bid=bid_id,
                why=_not_ranked_why(pf.project, record, inp, bid_id, result, lang),
            )
            for lang in ("fr", "en")
        )
        + f" ({path})",
    )
    return error


def _award(pf: Any, args: argparse.Namespace, lang: str) -> None:
    """``award BID|none`` with the resolution, the signatory, the dates and the value (left
    out: the awarded bid's evaluated price, kept while the same bid stays awarded); an
    option left out keeps what the award holds (a correction never erases the signed
    contract). What the award gets wrong is said on stderr (:data:`AWARD_FINDINGS`)."""
    from wizard.core.bids import BidsError
    from wizard.core.bids import evaluation_entry as ev
    from wizard.core.bids.award_rule import SET_ASIDE_OTHER
    from wizard.core.bids.record import read as read_bids

    (word,) = _numbers(args, ("BID",))
    texts = {dest: _option(args, dest, option, BLANK_TEXT) for dest, option in AWARD_TEXTS}
    chosen = None if word == "none" else _bid_number(args)
    decision = {
        "reason_if_not_top": texts["reason"],
        "resolution_number": texts["resolution"],
        "resolution_date": _option(args, "resolution_date", "--resolution-date", BLANK_DAY),
        "awarded_on": _option(args, "awarded_on", "--awarded-on", BLANK_DAY),
        "contract_signed_on": _option(args, "signed_on", "--signed-on", BLANK_DAY),
    }
    dropped = ev.dropped_with_decision(read_bids(pf).award, chosen, decision)
    try:
        ev.set_award(
            pf,
            chosen,
            signatory=texts["signatory"],
            delegated_authority=texts["authority"],
            standstill_days=args.standstill,
            contract_value=args.value,
            **decision,
        )
    except BidsError as exc:
        if exc.text != SET_ASIDE_OTHER["below_threshold"] or chosen is None:
            raise  # a price of 0 is said by the core's own line: "has an evaluated price of 0"
        raise _set_aside_why(pf, chosen, args.file) from None
    if dropped:
        options = ", ".join(DECISION_OPTIONS[f] for f in dropped)
        print(bilingual(decision_dropped(len(dropped)), options=options), file=sys.stderr)
    _warn_bids(pf, lang, AWARD_FINDINGS)


BIDDER_OPTIONS = {
    "--name": ("name", "legal_name"),
    "--bn": ("bn", "business_number"),
    "--address": ("address", "address"),
    "--contact": ("contact", "contact_name"),
    "--email": ("email", "contact_email"),
    "--phone": ("phone", "contact_phone"),
}
"""The bidder's particulars on the command line: option → (its ``args`` name, the
``record.Bidder`` field), for ``add`` and ``set``."""
SET_OPTIONS = {
    **BIDDER_OPTIONS,
    "--received": ("received", "received_at"),
    "--trade-secret": ("trade_secret", "trade_secret"),
}
"""What ``bid … set`` corrects: what the app's bid form edits of a bid's text
(``intake.set_bid``; the moment of receipt refused by the core once the envelopes are open)."""
SET_KEPT = ("--name", "--bn", "--address", "--contact", "--received")
"""The options of ``set`` refused empty or blank (:data:`BLANK_TEXT`, as ``award``'s): the
letters and documents print them (review 2026-12-07: ``--address ""`` erased the address
silently, then every letter printed the placeholder). ``--email``, ``--phone`` and
``--trade-secret`` may be emptied: no document needs them."""
NO_ADDRESS = N_(
    "Bid {bid} has no address for its bidder: the letters to the bidders need it. Add it with {set}."
)
"""Said by ``bid … add`` without ``--address`` (walk 2026-12-07: the export's gate then
named ``bids:2.bidder`` and every letter printed the placeholder for the address)."""


def _set_hint(args: argparse.Namespace, bid_id: int) -> str:
    return f'{args.prog} bid {args.file} set {bid_id} --address "…"'


def _set_bid(pf: Any, args: argparse.Namespace) -> None:
    """``set BID [--name …] [--address …] …`` (:data:`SET_OPTIONS`): what was recorded
    of a bid, corrected through ``intake.set_bid`` as the app's bid form does; an option
    left out keeps its value. Refused without one option."""
    from wizard.core.bids import intake

    bid_id = _bid_number(args)
    changes = {
        field: _option(args, dest, option, BLANK_TEXT) if option in SET_KEPT else getattr(args, dest)
        for option, (dest, field) in SET_OPTIONS.items()
        if getattr(args, dest) is not None
    }
    if not changes:
        raise CliError(
            N_("Missing argument: {names}. Try {help}."),
            names=" | ".join(SET_OPTIONS),
            help=f"{args.prog} bid --help",
        )
    intake.set_bid(pf, bid_id, **changes)
    if "received_at" in changes:
        from wizard.core.bids.record import read as read_bids

        bid = read_bids(pf).bid(bid_id)
        if bid is not None and bid.late:
            print(_late_bid(pf, bid_id, args.received), file=sys.stderr)
        _warn_offset(pf, args, bid_id)


LOCK_NEEDS_AT = N_(
    "The quality scores cannot be locked before the closing ({closing}): without --at the lock is "
    "dated now ({now}). Give the moment the committee locked them with --at, ISO 8601 with the "
    "town's offset."
)
"""``bid … lock`` without ``--at`` refused by the clock (walk 2026-12-07: the refusal did
not say that the lock's moment can be given)."""


def _lock(pf: Any, args: argparse.Namespace) -> str:
    """``lock --by … [--at …]`` (``evaluation_entry.lock_quality``); returns its moment."""
    from wizard.core.bids import BidsError, evaluation_entry, intake
    from wizard.core.bids.common import now
    from wizard.core.domain.timezones import in_town_time

    try:
        return evaluation_entry.lock_quality(pf, locked_by=args.by, at=args.at)
    except BidsError as exc:
        if exc.text != evaluation_entry.LOCK_BEFORE_CLOSING or args.at.strip():
            raise
        info = pf.project.info
        raise CliError(
            LOCK_NEEDS_AT,
            args.file,
            closing=in_town_time(info, intake.closing(pf).isoformat()),
            now=in_town_time(info, now()),
        ) from None


def cmd_bid(args: argparse.Namespace) -> int:
    """The bids of a published tender (``wizard/core/bids/``, docs/bids.md): ``show``
    (default) lists them (id, bidder, received at, addenda acknowledged, state: late,
    sealed with its fingerprint, or the evaluated price once opened); ``add`` records one
    (``--name``, ``--received`` …; late decided against the closing in the project);
    ``set BID --address …`` corrects what was recorded of it (:data:`SET_OPTIONS`);
    ``workbook BID XLSX`` keeps its price workbook sealed; ``ack BID N …`` the addenda it
    acknowledges; ``reject BID --reason …`` sets it aside before the opening; ``remove
    BID`` removes one recorded by mistake; the evaluation entries ``mandatory``,
    ``verify``, ``score``, ``consensus`` (:data:`ENTRIES`); ``lock`` locks the quality
    scores; ``award BID|none`` records the award."""
    from wizard.core.bids import BidsError, intake
    from wizard.core.bids.record import Bidder
    from wizard.core.project_file.store import ProjectFile

    lang = args.lang or system_language()
    try:
        with ProjectFile.open(_project_path(args.file), read_only=args.action == "show") as pf:
            if args.action == "add":
                missing = [
                    name
                    for name, value in (("--name", args.name), ("--received", args.received))
                    if not (value or "").strip()
                ]
                if missing:
                    raise CliError(
                        N_("Missing argument: {names}. Try {help}."),
                        names=", ".join(missing),
                        help=f"{args.prog} bid --help",
                    )
                bidder = Bidder(
                    **{field: getattr(args, dest) or "" for dest, field in BIDDER_OPTIONS.values()}
                )
                added = intake.add_bid(
                    pf,
                    bidder=bidder,
                    received_at=args.received,
                    acknowledged=args.ack,
                    trade_secret=args.trade_secret or "",
                    publish_names=args.publish_names,
                )
                from wizard.core.bids.record import read as read_bids

                late = read_bids(pf).bid(added)
                if late is not None and late.late:
                    print(_late_bid(pf, added, args.received), file=sys.stderr)
                _warn_offset(pf, args, added)
                _warn_bids(pf, lang, ("BD-SAME-BIDDER",))
                if not bidder.address.strip():
                    print(bilingual(NO_ADDRESS, bid=added, set=_set_hint(args, added)), file=sys.stderr)
            elif args.action == "set":
                _set_bid(pf, args)
            elif args.action == "workbook":
                bid_id = _bid_number(args)
                if len(args.rest) < 2:
                    raise CliError(
                        N_("Missing argument: {names}. Try {help}."),
                        names="XLSX",
                        help=f"{args.prog} bid --help",
                    )
                source = Path(args.rest[1])
                if not source.is_file():
                    raise CliError(N_("This file does not exist."), source)
                try:
                    intake.attach_workbook(
                        pf, bid_id, source.read_bytes(), name=source.name, replace=args.replace
                    )
                except BidsError as exc:
                    if getattr(exc, "text", "") == intake.ALREADY_ATTACHED:
                        raise CliError(ALREADY_ATTACHED_CLI, args.file, **exc.params) from None
                    raise
            elif args.action == "ack":
                bid_id = _bid_number(args)
                try:
                    numbers = [int(n) for n in args.rest[1:]]
                except ValueError:
                    raise CliError(
                        N_("An addendum is named by its number: {value}."), value=args.rest[1:]
                    ) from None
                intake.acknowledge(pf, bid_id, numbers)
            elif args.action == "reject":
                missing = (["BID"] if not args.rest else []) + (
                    ["--reason"] if not (args.reason or "").strip() else []
                )
                if missing:
                    raise CliError(
                        N_("Missing argument: {names}. Try {help}."),
                        names=" ".join(missing),
                        help=f"{args.prog} bid --help",
                    )
                intake.set_bid(pf, _bid_number(args), rejected=args.reason)
            elif args.action == "remove":
                intake.remove_bid(pf, _bid_number(args))
            elif args.action in ENTRIES:
                _entry(pf, args, lang)
            elif args.action == "lock":
                when = _lock(pf, args)
                print(_locked_line(pf.project, when, args.by, lang))
            elif args.action == "award":
                _award(pf, args, lang)
            if args.action in ENTRIES or args.action == "lock":
                _print_state(pf, args, lang)  # the echo above, one line of state: not the whole table
            elif args.action == "award":
                _print_award_state(pf, args, lang)
            else:
                shown = _bid_number(args) if args.action in ("show", "set") and args.rest else None
                _print_bids(pf, lang, shown)
    except BidsError as exc:
        raise _bids_error(exc, args.file) from None
    return 0


def cmd_envelope(args: argparse.Namespace) -> int:
    """``envelope FILE open --by NAME``: open the price envelopes (``bids.opening``):
    each sealed workbook checked against its fingerprint, its version and structure, the
    evaluated price recomputed; then the opening's line, each opened bid's evaluated
    price, the recommended bid and where the whole table is (:func:`_print_opened`).
    Nothing is recorded when a workbook is refused (the message names the bidder)."""
    from wizard.core.bids import BidsError, opening
    from wizard.core.project_file.store import ProjectFile

    lang = args.lang or system_language()
    try:
        with ProjectFile.open(_project_path(args.file)) as pf:
            opening.open_envelope(pf, opened_by=args.by, witnesses=args.witnesses, at=args.at)
            _print_opened(pf, args, lang)
    except BidsError as exc:
        raise _bids_error(exc, args.file) from None
    return 0


def cmd_archive(args: argparse.Namespace) -> int:
    """Write the municipal file of ``args.file`` (``core/archive.py``) into ``--out``: a
    ZIP when it ends in ``.zip``, else a new folder; print each file's SHA-256 and path.
    Never replaces anything. The folders above ``--out`` are created when missing, as
    ``export --out`` does (after the project is read: a bad file leaves no empty folder);
    one that cannot be created is refused with the system's reason."""
    from wizard.core.archive import (
        MANIFEST_CSV,
        MANIFEST_JSON,
        ArchiveExists,
        archive_files,
        archive_warnings,
        sha256,
        write_archive,
    )
    from wizard.core.opendata.outputs import OpenDataError
    from wizard.core.project_file.store import ProjectFile

    target = Path(args.out)
    if target.exists():
        raise CliError(N_("This file or folder already exists; an archive never replaces anything."), target)
    if target.parent.exists() and not target.parent.is_dir():
        raise CliError(N_("This is a file, not a folder."), target.parent)
    with ProjectFile.open(_project_path(args.file), read_only=True) as pf:
        try:
            files = archive_files(pf)
            notes = archive_warnings(pf)
        except OpenDataError as exc:
            raise CliError(
                N_("The open data of this project is not valid: {errors}"), errors="; ".join(exc.errors[:3])
            ) from None
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise CliError(
            N_("This folder cannot be created: {detail}"), target.parent, detail=os_reason(exc)
        ) from None
    try:
        write_archive(files, target)
    except ArchiveExists:
        raise CliError(
            N_("This file or folder already exists; an archive never replaces anything."), target
        ) from None
    except OSError as exc:
        raise CliError(
            N_("The archive could not be written: {reason}"), target, reason=os_reason(exc)
        ) from None
    for name, data in files.items():
        if name not in (MANIFEST_JSON, MANIFEST_CSV):
            print(f"{sha256(data)}  {name}")
    for text in notes:  # after the list, where the eye ends: what the archive lacks
        print(bilingual(text), file=sys.stderr)
    return 0


def _report_number(value: str | None) -> int | None:
    """``--report``: the number of a performance report as ``contract show`` lists it
    (``R3`` or ``3``), ``None`` when not given; raises :class:`CliError` otherwise."""
    text = (value or "").strip()
    if not text:
        return None
    digits = text[1:] if text[:1].upper() == REPORT.letter else text
    if not digits.isdigit():
        raise CliError(
            N_(
                "--report takes the number of a performance report as “contract show” lists it (R3 or 3): {value}."
            ),
            value=text,
        )
    return int(digits)


def _print_contract(project: Project, contract: Any, lang: str) -> None:
    """``contract show``: the contract, then each kind of entry under its heading and a
    header line, tab-separated, numbered as ``remove`` and ``--report`` take them (A1,
    R2, I1, P5); amounts and percentages as ``lang`` writes them, price-form lines by
    their label, an incident with the report that accounts for it and its moments in the
    town's time (as ``bid show`` gives a receipt), an entry set aside
    (``record.SetAside``) by its number, "set aside" and why."""
    from wizard.core.contract.record import field_label
    from wizard.core.documents.follow_up import SEVERITY_LABELS, line_label
    from wizard.core.documents.record_tco import money
    from wizard.core.domain.timezones import in_town_time

    def row(*cells: object) -> None:
        print("\t".join(str(c) for c in cells))

    def pct(value: Any) -> str:
        if value is None:
            return "—"
        text = format(value.normalize(), "f")
        return text.replace(".", ",") + "\u00a0%" if lang == "fr" else f"{text}%"

    value = money(contract.current_value, lang) if contract.current_value is not None else "—"
    row(
        tr(N_("Supplier"), lang),
        tr(N_("Signed on"), lang),
        tr(N_("Term"), lang),
        tr(N_("Value as amended"), lang),
    )
    row(contract.supplier, contract.signed_on, f"{contract.start_on} → {contract.end_on}", value)
    sections: list[tuple[str, list[str], list[list[str]]]] = [
        (
            N_("Amendments"),
            [N_("No."), N_("Date"), N_("Value change"), N_("Term change (months)"), N_("Reason")],
            [
                [
                    AMENDMENT.number(a.id),
                    a.amended_on,
                    money(a.value_change, lang),
                    str(a.term_change_months),
                    a.reason,
                ]
                for a in contract.amendments
            ],
        ),
        (
            N_("Performance reports"),
            [N_("No."), N_("Month"), N_("Received on"), N_("Availability"), N_("Credits due")],
            [
                [
                    REPORT.number(r.id),
                    r.period,
                    r.received_on,
                    pct(r.availability_pct),
                    money(r.credits_due, lang),
                ]
                for r in contract.reports
            ],
        ),
        (
            N_("Incidents"),
            [
                N_("No."),
                N_("Started"),
                N_("Severity"),
                N_("Notified"),
                N_("Resolved"),
                N_("Report"),
                N_("Description"),
            ],
            [
                [
                    INCIDENT.number(i.id),
                    in_town_time(project.info, i.started_at),
                    tr(SEVERITY_LABELS[i.severity], lang)
                    + (" — " + tr("security", lang) if i.security else ""),
                    in_town_time(project.info, i.notified_at) if i.notified_at else "—",
                    in_town_time(project.info, i.resolved_at) if i.resolved_at else "—",
                    REPORT.number(i.report_id) if i.report_id is not None else "—",
                    i.description,
                ]
                for i in contract.incidents
            ],
        ),
        (
            N_("Payments"),
            [N_("No."), N_("Paid on"), N_("Invoice"), N_("Line"), N_("Amount"), N_("Credit")],
            [
                [
                    PAYMENT.number(p.id),
                    p.paid_on,
                    p.invoice_number or "—",
                    line_label(project, p.line_key, lang),
                    money(p.amount, lang),
                    money(p.credit, lang),
                ]
                for p in contract.payments
            ],
        ),
    ]
    # an entry set aside (CT-ENTRY-INVALID) is listed in its section, so that it can be
    # found and taken out with ``remove`` (second walk)
    for entry in contract.set_aside:
        kind = kind_of(entry.entry)
        if kind is not None:
            section = sections[ENTRY_KINDS.index(kind)]  # the sections follow ENTRY_KINDS
            section[2].append(
                [
                    entry.entry,
                    tr(
                        N_(
                            "set aside: the follow-up cannot use its {name} “{value}”; take it out with “remove”"
                        ),
                        lang,
                        name=field_label(entry.field),
                        value=entry.value[:40],
                    ),
                ]
            )
    for title, header, rows in sections:
        if not rows:
            continue
        print()
        print(tr(title, lang))
        row(*(tr(h, lang) for h in header))
        for cells in rows:
            row(*cells)


def _whole_option(option: str, value: str | None) -> int | None:
    """A whole-number option of ``contract`` (``--months -6``), ``None`` when not given;
    raises :class:`CliError` naming the option, in both languages (never argparse's
    English "invalid int value")."""
    text = (value or "").strip()
    if value is None:
        return None
    try:
        return int(text)
    except ValueError:
        raise CliError(N_("{option} takes a whole number: “{value}”."), option=option, value=text) from None


_KIND_LABELS = {
    "amendment": N_("amendment"),
    "report": N_("performance report"),
    "incident": N_("incident"),
    "payment": N_("payment"),
}
"""Each kind of entry as ``remove`` confirms it ("Removed: payment P5.")."""


def _contract_entry(kind: str | None, number: str | None) -> tuple[Any, int]:
    """``remove KIND N``: the kind (amendment, report, incident, payment) and the entry's
    number as ``contract show`` lists it (``P5`` or ``5``); raises :class:`CliError`."""
    text = (kind or "").strip().lower()
    if not text:
        raise CliError(
            N_("“remove” needs the kind of entry, amendment, report, incident or payment, then its number.")
        )
    if text not in BY_NAME:
        raise CliError(
            N_(
                "“remove” needs the kind of entry, amendment, report, incident or payment, then its number: {value}."
            ),
            value=kind or "",
        )
    letter = BY_NAME[text].letter
    digits = (number or "").strip()
    digits = digits[1:] if digits[:1].upper() == letter else digits
    if not digits:
        raise CliError(
            N_("“remove {kind}” needs the entry's number as “contract show” lists it ({letter}3 or 3)."),
            kind=text,
            letter=letter,
        )
    if not digits.isdigit():
        raise CliError(
            N_(
                "“remove {kind}” needs the entry's number as “contract show” lists it ({letter}3 or 3): {value}."
            ),
            kind=text,
            letter=letter,
            value=number or "",
        )
    return text, int(digits)


def cmd_contract(args: argparse.Namespace) -> int:
    """The contract's follow-up (``wizard/core/contract/``, docs/contract.md): ``show``
    (default) prints the contract, its amendments, reports, incidents and payments, then
    its findings as of ``--as-of``, else today (or the latest entry when later); ``terms`` sets its terms; ``amend``, ``report``, ``incident``
    and ``pay`` record an amendment, a monthly report, an incident and a payment;
    ``remove KIND N`` takes a wrong entry out (``contract.operations.remove``)."""
    import dataclasses
    import datetime as dt

    from wizard.core.contract import ContractError, operations
    from wizard.core.contract.follow_up import as_of, given_day, standing
    from wizard.core.contract.record import FIELD_LABELS, read
    from wizard.core.project_file.store import ProjectFile

    lang = args.lang or system_language()
    as_of_day = _as_of(args.as_of)  # refused before anything is printed or saved
    # each action's required options, named in the message when missing (walk defect 10)
    needed = {
        "amend": [("--date", args.date)],
        "report": [("--period", args.period), ("--date", args.date), ("--availability", args.availability)],
        "incident": [("--started", args.started), ("--severity", args.severity)],
        "pay": [("--date", args.date), ("--amount", args.amount), ("--invoice", args.invoice)],
    }
    for option, given in needed.get(args.action, []):
        if not str(given or "").strip():
            raise CliError(N_("“{action}” needs {option}."), action=args.action, option=option)
    report_id = _report_number(args.report) if args.action == "incident" else None
    removed = _contract_entry(args.kind, args.number) if args.action == "remove" else None
    done = ""
    try:
        with ProjectFile.open(_project_path(args.file), read_only=args.action == "show") as pf:
            before = read(pf)
            if before is not None:  # --as-of refused before anything is saved
                given_day(before, as_of_day)
            if args.action == "terms":
                given = {
                    "start_on": args.start,
                    "term_years": _whole_option("--term-years", args.term_years),
                    "renewals_exercised": _whole_option("--renewals", args.renewals),
                    "amendment_share_pct": args.share,
                    "report_days": _whole_option("--report-days", args.report_days),
                    "monthly_fee": args.monthly_fee,
                }
                names = operations.set_terms(pf, **{k: v for k, v in given.items() if v is not None})
                done = (
                    tr(
                        N_("Terms set: {names}."),
                        lang,
                        names=", ".join(tr(FIELD_LABELS[n], lang) for n in names if n in FIELD_LABELS),
                    )
                    if names
                    else tr(N_("No term given: nothing changed."), lang)
                )
            elif args.action == "amend":
                operations.add_amendment(
                    pf,
                    amended_on=args.date,
                    reason=args.reason,
                    value_change=args.value_change,
                    term_change_months=_whole_option("--months", args.months) or 0,
                )
            elif args.action == "report":
                operations.add_report(
                    pf,
                    period=args.period,
                    received_on=args.date,
                    availability_pct=args.availability,
                    credits_due=args.credits,
                )
            elif args.action == "incident":
                operations.add_incident(
                    pf,
                    started_at=args.started,
                    severity=args.severity,
                    security=args.security,
                    notified_at=args.notified,
                    responded_at=args.responded,
                    resolved_at=args.resolved,
                    description=args.description,
                    report_id=report_id,
                )
            elif args.action == "pay":
                operations.add_payment(
                    pf,
                    paid_on=args.date,
                    amount=args.amount,
                    invoice_number=args.invoice,
                    credit=args.credit,
                    line_key=args.line,
                    quantity=args.quantity,
                    unit_price=args.unit_price,
                )
            elif removed is not None:
                operations.remove(pf, removed[0], removed[1])
                done = tr(
                    N_("Removed: {kind} {letter}{number}."),
                    lang,
                    kind=tr(_KIND_LABELS[removed[0]], lang),
                    letter=BY_NAME[removed[0]].letter,
                    number=removed[1],
                )
            contract = read(pf)
            project = pf.project
    except ContractError as exc:
        raise CliError(exc.text, args.file, **exc.params) from None
    if contract is None:
        raise CliError(
            N_("Record the award with the date the contract was signed before following the contract.")
        )
    if done:  # one line confirming what terms or remove did, before the contract
        print(done)
    # the entries dated after --as-of are left out, as in the documents (follow_up.standing)
    contract = standing(dataclasses.replace(contract, as_of=as_of_day))
    _print_contract(project, contract, lang)
    print()
    # today, or the latest entry when later, unless --as-of says (follow_up.as_of)
    judged = as_of(dataclasses.replace(contract, as_of=as_of_day), dt.date.fromisoformat(_today()))
    print(tr(N_("Findings as of {day}:"), lang, day=judged.isoformat()))
    findings = _contract_findings(args.file, as_of_day)
    for f in findings:
        print(f"{f.code} {f.message(lang)}")
    if not findings:
        print(tr(N_("No finding."), lang))  # never a heading followed by nothing
    return 0
