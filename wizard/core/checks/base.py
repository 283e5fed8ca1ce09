"""Findings: what a check returns (docs/checks.md).

A finding has a stable ``code`` (``P-SOLUTION`` …), a ``severity``, an English message
id translated on demand (``message(lang)``), the ``field`` it points at (a model address:
``"problem.statement"``, ``"criteria:3.text"``), and the guide ``principle`` it comes
from (also a message id). Findings inform; they never block the user.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from dataclasses import field as dc_field
from enum import Enum

from wizard.core.checks import principles
from wizard.core.i18n import Localized, Plural, tr
from wizard.core.model import Project
from wizard.core.steps import Step, step_of_field


class Severity(str, Enum):
    """How serious a finding is; ordered error > warning > info."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"error": 0, "warning": 1, "info": 2}[self.value]


@dataclass(frozen=True)
class Finding:
    """One result of a check. ``params`` fill the message's ``{placeholders}``: text, a
    :class:`Plural` (said in the message's language) or a :class:`Localized` (a
    criterion's number, OBL-2 / M-2, written in each language at check time)."""

    code: str
    severity: Severity
    text: str | Plural
    field: str
    principle: str = ""
    params: tuple[tuple[str, str | Plural | Localized], ...] = dc_field(default=())

    def message(self, lang: str) -> str:
        """The message in ``lang`` ("fr" or "en")."""
        return tr(self.text, lang, **dict(self.params))

    def param(self, name: str) -> str:
        """The text parameter ``name`` of the message ('' when absent; the English of a
        :class:`Localized`)."""
        value = dict(self.params).get(name, "")
        if isinstance(value, Localized):
            return value.en
        return value if isinstance(value, str) else ""

    def principle_text(self, lang: str) -> str:
        """The guide principle in ``lang`` ('' when none)."""
        return tr(self.principle, lang) if self.principle else ""

    @property
    def step(self) -> Step:
        """The step whose page shows this finding."""
        return step_of_field(self.field)

    def is_justified(self, project: Project) -> bool:
        """Whether the user marked this finding justified with a written reason."""
        return any(
            j.code == self.code and j.field == self.field and j.reason.strip() for j in project.justifications
        )


def finding(
    code: str,
    severity: Severity,
    text: str | Plural,
    field: str,
    principle: str = "",
    **params: object,
) -> Finding:
    """Build a :class:`Finding`; ``params`` are stringified for the message (a
    :class:`Plural` or a :class:`Localized` is kept, to be said in the message's language)."""
    return Finding(
        code,
        severity,
        text,
        field,
        principle,
        tuple((k, v if isinstance(v, (Plural, Localized)) else str(v)) for k, v in params.items()),
    )


def blank_info_findings(project: Project, rules: Iterable[tuple[str, str, str]]) -> list[Finding]:
    """A warning for each ``(code, info attribute, message)`` of ``rules`` whose
    ``project.info`` attribute is blank."""
    return [
        finding(code, Severity.WARNING, text, f"info.{name}", principles.COMPLETE)
        for code, name, text in rules
        if not getattr(project.info, name).strip()
    ]


def brand_finding(
    code: str, severity: Severity, text: str, field: str, names: Iterable[str], **params: object
) -> Finding:
    """A finding about the brand, product or vendor ``names`` of a text (principle:
    fairness). Its ``brands`` parameter lists them for the message; :func:`brands_of`
    reads them back. ``params`` fill the message's other placeholders (``criterion``)."""
    return finding(code, severity, text, field, principles.FAIRNESS, brands=", ".join(names), **params)


def brands_of(f: Finding) -> list[str]:
    """The names a :func:`brand_finding` is about ([] for any other finding)."""
    return [name for name in f.param("brands").split(", ") if name]
