"""The command line (SPEC §5): the same core code as the app.

    python main.py [FILE.tender]                       the app (opens FILE if given)
    python main.py export FILE.tender --out DIR [--lang fr|en|both]
    python main.py check FILE.tender                   findings; exit 1 on any error
    python main.py new --example NAME FILE.tender
    python main.py dump FILE.tender [--out FILE.json]
    python main.py load FILE.json FILE.tender
    python main.py lint --field problem|criterion|scenario "TEXT" [--lang fr|en]

Exit codes: 0 done, 1 findings of severity error (``check``, ``lint``), 2 bad argument
or unusable file. Errors are one line on stderr, never a traceback.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

from wizard.core import jsonio
from wizard.core.i18n import system_language, tr
from wizard.core.model import Project
from wizard.core.store import ProjectFileError

COMMANDS = ("export", "check", "new", "dump", "load", "lint")


class CliError(Exception):
    """A one-line error for stderr; exit code 2."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise CliError(f"{self.prog}: {message}")


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="main.py", description="Open Procurement Wizard")
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)
    p = sub.add_parser("export", help="write the tender(s), decision record, OCDS and CSVs")
    p.add_argument("file")
    p.add_argument("--out", required=True)
    p.add_argument("--lang", choices=("fr", "en", "both"))
    p = sub.add_parser("check", help="print findings; exit 1 on errors")
    p.add_argument("file")
    p.add_argument("--lang", choices=("fr", "en"))
    p = sub.add_parser("new", help="create a project file from a bundled example")
    p.add_argument("--example", required=True)
    p.add_argument("file")
    p = sub.add_parser("dump", help="print the project as JSON")
    p.add_argument("file")
    p.add_argument("--out")
    p = sub.add_parser("load", help="create a project file from JSON")
    p.add_argument("json_file")
    p.add_argument("file")
    p = sub.add_parser("lint", help="finding codes for one text, with the names detected")
    p.add_argument("--field", required=True, choices=("problem", "criterion", "scenario"))
    p.add_argument("text")
    p.add_argument("--lang", choices=("fr", "en"))
    return parser


def _new_target(path: str) -> Path:
    target = Path(path)
    if target.exists():
        raise CliError(f"{target}: already exists; choose another name")
    if not target.parent.is_dir():
        raise CliError(f"{target.parent}: no such folder")
    return target


def cmd_new(args: argparse.Namespace) -> int:
    from wizard.core.examples import UnknownExample, example_names, load_example
    from wizard.core.store import ProjectFile

    try:
        project = load_example(args.example)
    except UnknownExample:
        raise CliError(
            f"unknown example {args.example!r}; choose one of: {', '.join(example_names())}"
        ) from None
    ProjectFile.create(_new_target(args.file), project).close()
    print(args.file)
    return 0


def cmd_load(args: argparse.Namespace) -> int:
    from wizard.core.store import ProjectFile

    try:
        project = jsonio.load_file(args.json_file)
    except FileNotFoundError:
        raise CliError(f"{args.json_file}: no such file") from None
    except jsonio.ProjectJsonError as exc:
        raise CliError(f"{args.json_file}: {exc}") from None
    ProjectFile.create(_new_target(args.file), project).close()
    print(args.file)
    return 0


def _read(path: str) -> Project:
    from wizard.core.store import ProjectFile

    with ProjectFile.open(path, read_only=True) as pf:
        return pf.project


def cmd_dump(args: argparse.Namespace) -> int:
    text = jsonio.dumps(_read(args.file))
    if args.out:
        from wizard.core.atomic import write_text_atomic

        write_text_atomic(Path(args.out), text)
    else:
        sys.stdout.write(text)
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    from wizard.core.checks import Severity, run_checks

    lang = args.lang or system_language()
    project = _read(args.file)
    found = run_checks(project)
    for f in found:
        mark = " (justified)" if f.is_justified(project) else ""
        print(f"{f.severity.value.upper():7} {f.code:22} {f.field}: {f.message(lang)}{mark}")
    errors = [f for f in found if f.severity == Severity.ERROR and not f.is_justified(project)]
    print(tr("{errors} error(s), {total} finding(s)", lang, errors=len(errors), total=len(found)))
    return 1 if errors else 0


def cmd_lint(args: argparse.Namespace) -> int:
    from wizard.core.checks.base import Severity
    from wizard.core.checks.lint import lint_line, lint_text

    lang = args.lang or system_language()
    found = lint_text(args.field, args.text, lang)
    for f in found:
        print(lint_line(f))
    return 1 if any(f.severity == Severity.ERROR for f in found) else 0


def cmd_export(args: argparse.Namespace) -> int:
    from wizard.core.export import export_all

    out = Path(args.out)
    project = _read(args.file)  # first, so a bad file leaves no empty folder behind
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise CliError(f"{out}: {exc.strerror}") from None
    for path in export_all(project, out, lang=args.lang):
        print(path)
    return 0


def _run_app(argv: Sequence[str]) -> int:
    from wizard.ui.app import run_app

    return run_app(list(argv))


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point: returns the process exit code."""
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or (argv[0] not in COMMANDS and not argv[0].startswith("-")):
        if len(argv) > 1:
            print(f"main.py: unknown command {argv[0]!r}; try --help", file=sys.stderr)
            return 2
        return _run_app(argv)
    handlers = {
        "export": cmd_export,
        "check": cmd_check,
        "new": cmd_new,
        "dump": cmd_dump,
        "load": cmd_load,
        "lint": cmd_lint,
    }
    try:
        args = _parser().parse_args(argv)
        return handlers[args.command](args)
    except CliError as exc:
        print(str(exc), file=sys.stderr)
    except ProjectFileError as exc:
        print(str(exc), file=sys.stderr)
    except OSError as exc:
        print(f"{exc.filename or ''}: {exc.strerror or exc}", file=sys.stderr)
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except Exception as exc:  # noqa: BLE001 - a user never sees a traceback (SPEC §5)
        detail = " ".join(str(exc).split()) or type(exc).__name__
        print(f"main.py: internal error ({type(exc).__name__}): {detail}", file=sys.stderr)
    return 2
