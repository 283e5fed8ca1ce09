"""The command line's messages.

One rule for every line the command line writes:

* errors and warnings go to stderr as ONE bilingual line, "French / English", like the
  project-file errors (:func:`wizard.core.i18n.bilingual`), followed by the path in
  parentheses when there is one: ``Ce fichier existe déjà… / This file already exists… (out.json)``;
  a program's own untranslated words, when they help, come as a detail on the line below
  (``pdftotext: Syntax Error: …``, :meth:`CliError.with_output`), never inside it;
* results (findings, lint codes, written paths) go to stdout in ``--lang`` or, without
  it, in the system language (:func:`wizard.core.i18n.system_language`).

argparse's own usage errors are recognized and reworded the same way.
"""

from __future__ import annotations

import re
from pathlib import Path

from wizard.core.i18n import N_, Plural, bilingual

JUSTIFIED = N_("(justified)")


class CliError(Exception):
    """A one-line bilingual error for stderr; exit code 2.

    ``text`` is an English message id or a :class:`Plural` (French in ``core.po``),
    ``params`` fill its ``{placeholders}``; ``path``, when given, is shown in parentheses
    after the message. :meth:`with_output` adds a program's own words on a line below.
    """

    def __init__(self, text: str | Plural, path: str | Path | None = None, **params: object) -> None:
        line = bilingual(text, **params)
        super().__init__(f"{line} ({path})" if path is not None else line)

    def with_output(self, output: str) -> CliError:
        """This error with ``output``, a program's own untranslated words ("pdftotext:
        …"), on a second line as a detail, never inside the bilingual line; unchanged
        when ``output`` is ''."""
        if output:
            self.args = (f"{self.args[0]}\n{output}",)
        return self


def severity_word(severity: str, lang: str) -> str:
    """``"ERROR"``/``"ERREUR"`` … for a severity value ("error", "warning", "info"), the
    word ``check`` and ``lint --explain`` print."""
    from wizard.core.i18n.labels import severity_word as word

    return word(severity, lang)


# argparse's English messages (Python 3.10–3.13) → our message id and its parameters.
_USAGE: list[tuple[re.Pattern[str], str]] = [
    (
        re.compile(r"the following arguments are required: (?P<names>.+)"),
        N_("Missing argument: {names}. Try {help}."),
    ),
    (
        re.compile(
            r"argument (?P<option>\S+): invalid choice: '?(?P<value>[^']*)'? \(choose from (?P<choices>.+)\)"
        ),
        N_("{option}: {value} is not a choice; choose one of: {choices}."),
    ),
    (
        re.compile(r"argument (?P<option>\S+): expected one argument"),
        N_("{option} needs a value. Try {help}."),
    ),
    (re.compile(r"unrecognized arguments: (?P<names>.+)"), N_("Unknown argument: {names}. Try {help}.")),
]


def usage_error(prog: str, message: str) -> CliError:
    """argparse's ``message`` for the command ``prog`` ("main.py export") as a :class:`CliError`."""
    help_hint = f"{prog} --help"
    for pattern, text in _USAGE:
        found = pattern.fullmatch(message.strip())
        if found:
            params = {k: v.replace("'", "") for k, v in found.groupdict().items()}
            return CliError(text, help=help_hint, **params)
    return CliError(N_("Invalid arguments ({detail}). Try {help}."), detail=message, help=help_hint)
