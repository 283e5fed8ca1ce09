"""The command line (README.md, "Command line"): the same core code as the app.

    python main.py [FILE.tender]                       the app (opens FILE if given)
    python main.py export FILE.tender --out DIR [--lang fr|en|both] [--force] [--strict]
    python main.py check FILE.tender [--lang fr|en]    findings; exit 1 on any error
    python main.py new --example NAME FILE.tender
    python main.py dump FILE.tender [--out FILE.json [--force]]
    python main.py load FILE.json FILE.tender
    python main.py lint --field problem|criterion|scenario "TEXT" [--lang fr|en] [--explain] [--format json]
    python main.py lint --file DOC [--field …] [--lang fr|en] [--explain] [--format json]
    python main.py brands FILE.tender [--import CSV] [--export CSV [--force]] [--lang fr|en]
    python main.py publish FILE.tender [--attach DOCX/PDF ...] [--date YYYY-MM-DD] [--lang fr|en]
    python main.py addendum FILE.tender [show [N]|question|edit N|remove N|change|issue|discard] [--question … --answer … | --field … --value …] [--date …] [--force]
    python main.py bid FILE.tender [show|add|workbook|ack|reject|lock] [BID] [XLSX|N ...] [--name … --received …]
    python main.py envelope FILE.tender open --by NAME [--witnesses …] [--at ISO-8601]
    python main.py --version | --help
    python main.py --install-desktop | --uninstall-desktop   menu entry, icon, .tender type (Linux)

The same command line answers as ``python -m wizard`` and, once installed, as
``open-procurement-wizard``; ``open-procurement-wizard-app`` (a GUI script: no console
window on Windows) only starts the app. Usage hints name the program as it was started.

Exit codes: 0 done, 1 findings of severity error (``check``, ``lint``) or a publishing
gate that ``export --strict`` refuses (nothing written) or a reader of stdout that went
away (``… | head -1``: no message, as for SIGPIPE), 2 bad argument or unusable file. Errors are one bilingual line on stderr (:mod:`wizard.cli.messages`),
never a traceback. The sub-commands are in :mod:`wizard.cli.commands`.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import NoReturn

from wizard import __version__
from wizard.cli.messages import CliError, usage_error
from wizard.core.i18n import N_, bilingual
from wizard.core.project_file.fileformat import (  # not store: no sqlite-utils at start
    SUFFIX,
    ProjectFileError,
)

COMMANDS = (
    "export",
    "check",
    "new",
    "dump",
    "load",
    "lint",
    "brands",
    "publish",
    "addendum",
    "bid",
    "envelope",
    "archive",
    "contract",
)


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise usage_error(self.prog, message)


PROGRAM = "python main.py"
"""The program name of usage hints when none is given: from a checkout, the command as
it is typed, so that a hint's line can be pasted (walk 2026-12-07, item 9: "main.py bid
…" could not); the installed scripts give their own names."""


def _example_names() -> list[str]:
    """The bundled examples' names (``core.examples.example_names``, without importing
    the model to build the parser)."""
    from wizard.core.paths import resource_path

    return sorted(p.stem for p in resource_path("examples").glob("*.json"))


def _parser(prog: str = PROGRAM) -> argparse.ArgumentParser:
    parser = _Parser(prog=prog, description="Open Procurement Wizard")
    parser.add_argument("--version", action="version", version=f"Open Procurement Wizard {__version__}")
    parser.add_argument(
        "--install-desktop",
        action="store_true",
        help="add the app to the Linux desktop menu, with its icon and the .tender file type",
    )
    parser.add_argument(
        "--uninstall-desktop", action="store_true", help="remove what --install-desktop added"
    )
    sub = parser.add_subparsers(dest="command", parser_class=_Parser, metavar="COMMAND")
    p = sub.add_parser("export", help="write the tender(s), decision record, OCDS and CSVs")
    p.add_argument("file")
    p.add_argument("--out", required=True, help="the folder to write into")
    p.add_argument("--lang", choices=("fr", "en", "both"), help="default: the project's tender language(s)")
    p.add_argument("--force", action="store_true", help="replace files already in the folder")
    p.add_argument(
        "--pdf",
        action="store_true",
        help="also write a PDF of each Word document (needs LibreOffice)",
    )
    p.add_argument(
        "--strict",
        action="store_true",
        help="write nothing (exit 1) while an unjustified error or a placeholder remains",
    )
    p.add_argument(
        "--as-of",
        metavar="YYYY-MM-DD",
        help="the day the contract's follow-up is judged at, or 'today' (default: its latest entry, so the"
        " same file exports the same documents any day)",
    )
    p = sub.add_parser("check", help="print findings; exit 1 on errors")
    p.add_argument("file")
    p.add_argument("--lang", choices=("fr", "en"), help="default: the system language")
    p.add_argument(
        "--as-of",
        metavar="YYYY-MM-DD",
        help="the day the contract's follow-up is judged at (default: today, or its latest entry when later)",
    )
    p = sub.add_parser("new", help="create a project file: empty, or from a bundled example")
    p.add_argument(
        "--example",
        metavar="NAME",
        help=f"the bundled example to start from: {', '.join(_example_names())} (none: an empty project)",
    )
    p.add_argument("--lang", choices=("fr", "en"), default="fr", help="an empty project's language")
    p.add_argument("file")
    p = sub.add_parser("dump", help="print the project as JSON")
    p.add_argument("file")
    p.add_argument("--out", help="write the JSON into this file instead")
    p.add_argument("--force", action="store_true", help="replace the --out file if it exists")
    p = sub.add_parser("load", help="create a project file from JSON")
    p.add_argument("json_file")
    p.add_argument("file")
    p = sub.add_parser("lint", help="finding codes for one text or every paragraph of a document")
    p.add_argument("--field", choices=("problem", "criterion", "scenario"), help="how to check the text")
    p.add_argument("text", nargs="?")
    p.add_argument("--file", help="a tender document to check paragraph by paragraph (DOCX, PDF or text)")
    p.add_argument("--lang", choices=("fr", "en"), help="default: the system language")
    p.add_argument("-v", "--explain", action="store_true", help="add each finding's severity and message")
    p.add_argument("--format", choices=("text", "json"), default="text", help="json: one object, for tools")
    p = sub.add_parser("brands", help="list, import or export the project's extra brand names (CSV)")
    p.add_argument("file")
    p.add_argument("--import", dest="import_csv", metavar="CSV", help="add the names of a shared list")
    p.add_argument("--export", dest="export_csv", metavar="CSV", help="write the names as CSV")
    p.add_argument("--force", action="store_true", help="replace the --export file if it exists")
    p.add_argument("--lang", choices=("fr", "en"), help="default: the system language")
    p = sub.add_parser("publish", help="mark the tender as published and keep its documents in the file")
    p.add_argument("file")
    p.add_argument(
        "--attach", action="append", metavar="DOCX/PDF", help="a final document as published (repeat)"
    )
    p.add_argument(
        "--date",
        help="the publication date, YYYY-MM-DD (default: the planned publication date, else today)",
    )
    p.add_argument("--lang", choices=("fr", "en"), help="default: the system language")
    p = sub.add_parser("addendum", help="prepare and issue addenda of a published tender")
    p.add_argument("file")
    p.add_argument(
        "action",
        nargs="?",
        default="show",
        choices=("show", "question", "edit", "remove", "change", "issue", "discard"),
    )
    p.add_argument(
        "number",
        nargs="?",
        type=int,
        help="show: the addendum's number (its questions, answers and changes); edit, remove: the "
        "question's number in the draft, as 'show' numbers it",
    )
    p.add_argument("--question", help="the question, in the language the project's texts are typed in")
    p.add_argument("--question-fr", help="the question in French")
    p.add_argument("--question-en", help="the question in English")
    p.add_argument("--answer", help="the answer, in the language the project's texts are typed in")
    p.add_argument("--answer-fr", help="the answer in French")
    p.add_argument("--answer-en", help="the answer in English")
    p.add_argument(
        "--field",
        help="what a change changes: info.closing_date, criteria:3.text, clauses:governing-law …; "
        "remove: the change to take out of the draft",
    )
    p.add_argument("--value", help="the new date, or the new text in French")
    p.add_argument("--value-en", help="the new text in English")
    p.add_argument(
        "--date",
        help="issue: the date of issue (left out: today); question, edit: the date the question was "
        "received (left out: none, edit: kept); YYYY-MM-DD, never empty",
    )
    p.add_argument(
        "--force",
        action="store_true",
        help="issue: issue even when a text reads as the other language than its version's, or when "
        "the closing moved earlier makes a bid received on time late",
    )
    p.add_argument("--lang", choices=("fr", "en"), help="default: the system language")
    p = sub.add_parser("bid", help="record the bids received on a published tender (docs/bids.md)")
    p.add_argument("file")
    p.add_argument(
        "action",
        nargs="?",
        default="show",
        choices=(
            "show",
            "add",
            "set",
            "workbook",
            "ack",
            "reject",
            "remove",
            "mandatory",
            "verify",
            "score",
            "consensus",
            "lock",
            "award",
        ),
    )
    p.add_argument(
        "rest",
        nargs="*",
        metavar="BID …",
        help="the bid's number, then: a workbook; addenda; a criterion and pass|fail|unknown; a scenario "
        "and confirmed|refuted|pending; a jury member, a criterion and points; a criterion and points "
        "(a criterion as the documents number it: OBL-2, OPT-7, or M-2, O-7)",
    )
    p.add_argument("--name", help="add, set: the bidder's legal name")
    p.add_argument("--bn", "--business-number", dest="bn", help="add, set: the bidder's business number")
    p.add_argument("--address", help="add, set: the bidder's address (the letters need it)")
    p.add_argument("--contact", help="add, set: the contact's name")
    p.add_argument("--email", help="add, set: the contact's email")
    p.add_argument("--phone", help="add, set: the contact's telephone")
    p.add_argument(
        "--received",
        help="add, set (until the opening): when the bid was received, ISO 8601 with the town's offset "
        "from UTC on that day (2027-03-08T13:30:00-05:00 in Québec before daylight time, "
        "2027-04-16T10:12:00-04:00 after)",
    )
    p.add_argument(
        "--ack", type=int, action="append", default=[], metavar="N", help="add: an addendum acknowledged"
    )
    p.add_argument("--trade-secret", help="add, set: what the bidder designates as trade secret")
    p.add_argument(
        "--publish-names", action="store_true", help="add: the bidder agrees to publish personal names"
    )
    p.add_argument(
        "--reason",
        help="reject: why the bid is set aside; score, consensus: the reason for the points (left out: "
        "kept); "
        "award: why the bid is not the top-ranked one (left out: kept)",
    )
    p.add_argument(
        "--grid",
        action="store_true",
        help="score, consensus: the criterion is an item of Québec's quality grid (the statutory "
        "weighted system), points from 0 to the item's points",
    )
    p.add_argument("--evidence", help="mandatory: where the bid shows it (left out: kept; '' clears it)")
    p.add_argument("--notes", help="verify: the committee's notes (left out: kept; '' clears them)")
    p.add_argument(
        "--date",
        help="verify: the day of the verification (YYYY-MM-DD, not before the closing; left out: kept)",
    )
    p.add_argument("--member", type=int, help="verify: the committee member who reports it (left out: kept)")
    p.add_argument("--resolution", help="award: council's resolution number (left out: kept)")
    p.add_argument("--resolution-date", help="award: the resolution's date (YYYY-MM-DD)")
    p.add_argument("--signatory", help="award: who signs the contract (left out: kept)")
    p.add_argument(
        "--authority", help="award: the delegated authority the signatory acts under (left out: kept)"
    )
    p.add_argument("--standstill", type=int, help="award: the standstill period in days")
    p.add_argument("--awarded-on", help="award: the day of the award (YYYY-MM-DD)")
    p.add_argument("--signed-on", help="award: the day the contract was signed (YYYY-MM-DD)")
    p.add_argument(
        "--value",
        help="award: the contract value, CAD before taxes (left out: kept; '': the awarded bid's price)",
    )
    p.add_argument(
        "--replace", action="store_true", help="workbook: the bidder replaced its bid before the closing"
    )
    p.add_argument("--by", default="", help="lock: who locks the quality scores")
    p.add_argument(
        "--at", default="", help="lock: when, ISO 8601 with the town's offset from UTC (default: now)"
    )
    p.add_argument("--lang", choices=("fr", "en"), help="default: the system language")
    p = sub.add_parser("envelope", help="open the price envelopes of the bids (docs/bids.md)")
    p.add_argument("file")
    p.add_argument("action", choices=("open",))
    p.add_argument("--by", required=True, help="who opens the envelopes")
    p.add_argument("--witnesses", default="", help="who witnesses the opening")
    p.add_argument("--at", default="", help="when, ISO 8601 with the town's offset from UTC (default: now)")
    p.add_argument("--lang", choices=("fr", "en"), help="default: the system language")
    p = sub.add_parser(
        "archive",
        help="the municipal file: the project, published documents, outputs and a manifest of hashes",
    )
    p.add_argument("file")
    p.add_argument("--out", required=True, metavar="DIR|ZIP", help="a new folder, or a file ending in .zip")
    p = sub.add_parser("contract", help="follow the contract awarded (docs/contract.md)")
    p.add_argument("file")
    p.add_argument(
        "action",
        nargs="?",
        default="show",
        choices=("show", "terms", "amend", "report", "incident", "pay", "remove"),
    )
    p.add_argument(
        "kind",
        nargs="?",
        metavar="KIND",
        help="remove: amendment, report, incident or payment (the entry as 'show' lists it)",
    )
    p.add_argument("number", nargs="?", metavar="N", help="remove: its number as 'show' lists it (P5 or 5)")
    p.add_argument("--start", help="terms: the contract's first day (YYYY-MM-DD)")
    p.add_argument("--term-years", help="terms: the initial term in years")
    p.add_argument("--renewals", help="terms: the renewals exercised")
    p.add_argument("--share", help="terms: the Town's share for amendments, in %%")
    p.add_argument("--report-days", help="terms: days after its month a report is due")
    p.add_argument("--monthly-fee", help="terms: the month's recurring fee, CAD")
    p.add_argument("--date", default="", help="amend, report, pay (required): the day (YYYY-MM-DD)")
    p.add_argument("--reason", default="", help="amend: why the contract is amended")
    p.add_argument("--value-change", default="0", help="amend: the effect on the value, CAD (negative: less)")
    p.add_argument("--months", default="0", help="amend: the effect on the term, in months")
    p.add_argument("--period", default="", help="report (required): the month reported (YYYY-MM)")
    p.add_argument("--availability", default="", help="report (required): the availability measured, in %%")
    p.add_argument("--credits", default=None, help="report: the credits due, CAD (default: computed)")
    p.add_argument(
        "--severity",
        choices=("critical", "major", "minor"),
        help="incident (required): the schedule's severity",
    )
    p.add_argument("--security", action="store_true", help="incident: a security incident")
    p.add_argument("--started", default="", help="incident: when it started, ISO 8601 with its offset")
    p.add_argument("--notified", default="", help="incident: when the Town was notified")
    p.add_argument("--responded", default="", help="incident: when the supplier responded")
    p.add_argument("--resolved", default="", help="incident: when it was resolved")
    p.add_argument("--description", default="", help="incident: what happened")
    p.add_argument(
        "--report",
        metavar="N",
        help="incident: the number of the performance report that accounts for it (R3 or 3, as 'show' lists it)",
    )
    p.add_argument("--amount", default="", help="pay (required): the amount paid, CAD before taxes")
    p.add_argument("--credit", default="0", help="pay: the service credit deducted, CAD")
    p.add_argument("--invoice", default="", help="pay (required): the invoice number")
    p.add_argument("--line", default="", help="pay: the price form's line (unit.hour …)")
    p.add_argument("--quantity", default="", help="pay: the quantity billed at a unit price")
    p.add_argument("--unit-price", default="", help="pay: the unit price billed, CAD")
    p.add_argument(
        "--as-of",
        metavar="YYYY-MM-DD",
        help="show: the day the contract's follow-up is judged at (default: today, or its latest entry when later)",
    )
    p.add_argument("--lang", choices=("fr", "en"), help="default: the system language")
    return parser


def _handlers() -> dict[str, Callable[[argparse.Namespace], int]]:
    from wizard.cli import commands as c

    return {
        "export": c.cmd_export,
        "check": c.cmd_check,
        "new": c.cmd_new,
        "dump": c.cmd_dump,
        "load": c.cmd_load,
        "lint": c.cmd_lint,
        "brands": c.cmd_brands,
        "publish": c.cmd_publish,
        "addendum": c.cmd_addendum,
        "bid": c.cmd_bid,
        "envelope": c.cmd_envelope,
        "archive": c.cmd_archive,
        "contract": c.cmd_contract,
    }


def _opens_the_app(argv: list[str], prog: str = PROGRAM) -> bool:
    """No argument, or one that names a project to open (an existing file or a
    ``*.tender`` path). Raises :class:`CliError` for any other word."""
    if not argv:
        return True
    word = argv[0]
    if word in COMMANDS or word.startswith("-"):
        return False
    path = Path(word)
    if len(argv) == 1 and path.is_dir():
        raise CliError(N_("This is a folder, not a project file."), path)
    if len(argv) == 1 and (path.is_file() or path.suffix.lower() == SUFFIX):
        return True
    raise CliError(N_("Unknown command or file: {word}. Try {help}."), word=word, help=f"{prog} --help")


def _no_display() -> bool:
    """True on Linux/BSD without X11 or Wayland and no Qt platform chosen: Qt would
    abort with several lines of its own (exit 134) instead of our one-line error."""
    if sys.platform.startswith(("win", "darwin")) or os.environ.get("QT_QPA_PLATFORM"):
        return False
    return not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def _run_app(argv: Sequence[str]) -> int:
    if _no_display():
        raise CliError(N_("No display to show the app on; the command line works without one (try --help)."))
    from wizard.ui.app import run_app

    return run_app(list(argv))


def _dispatch(argv: list[str], prog: str) -> int:
    if _opens_the_app(argv, prog):
        return _run_app(argv)
    parser = _parser(prog)
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # --help, --version
        return exc.code if isinstance(exc.code, int) else 0
    args.prog = prog
    if args.install_desktop or args.uninstall_desktop:
        if args.command:
            parser.error("--install-desktop and --uninstall-desktop take no command")
        from wizard.cli import desktop

        return desktop.cmd_install(args) if args.install_desktop else desktop.cmd_uninstall(args)
    if not args.command:
        parser.error("the following arguments are required: COMMAND")
    return _handlers()[args.command](args)


def main(argv: Sequence[str] | None = None, prog: str = PROGRAM) -> int:
    """Entry point: returns the process exit code. ``prog`` is the program name that
    usage hints give ("python main.py", "python -m wizard", "open-procurement-wizard")."""
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        code = _dispatch(argv, prog)
        if sys.stdout is not None:
            sys.stdout.flush()  # a closed pipe shows here, not at the interpreter's exit
        return code
    except BrokenPipeError:
        return _closed_pipe()
    except (CliError, ProjectFileError) as exc:
        print(str(exc), file=sys.stderr)
    except OSError as exc:
        from wizard.core.i18n.os_errors import os_reason

        where = f" ({exc.filename})" if exc.filename else ""
        print(
            bilingual(N_("This file or folder cannot be used: {detail}"), detail=os_reason(exc)) + where,
            file=sys.stderr,
        )
    except KeyboardInterrupt:
        print(bilingual(N_("Interrupted.")), file=sys.stderr)
        return 130
    except Exception as exc:  # noqa: BLE001 - a user never sees a traceback
        detail = " ".join(str(exc).split()) or type(exc).__name__
        print(
            bilingual(N_("Unexpected error ({kind}): {detail}"), kind=type(exc).__name__, detail=detail),
            file=sys.stderr,
        )
    return 2


def _closed_pipe() -> int:
    """The reader of stdout went away (``main.py contract FILE show | head -1``): the
    command ends quietly, as the Python documentation recommends for SIGPIPE ("Note on
    SIGPIPE", :mod:`signal`): stdout is pointed at the null device so that the
    interpreter's last flush cannot fail again, no message, exit status 1."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):  # stdout without a file descriptor (tests)
        pass
    return 1


def console_main() -> int:
    """The ``open-procurement-wizard`` console script: the whole command line."""
    return main(prog="open-procurement-wizard")


def gui_main() -> int:
    """The ``open-procurement-wizard-app`` GUI script (no console window on Windows, where
    ``sys.stderr`` may be ``None``): the app, opening the project given, if any."""
    return main(prog="open-procurement-wizard-app")
