"""Text hygiene checks (docs/documents.md, "Text clean-up"; docs/cases.md K1).

``T-CONTROL-CHARS`` (warning): a field holds characters that are illegal in a Word
document (control characters, U+FFFE/U+FFFF, lone surrogates), usually pasted from
another program. The export removes them and completes; the finding names the field so
the user can check the text.
"""

from __future__ import annotations

from wizard.core.checks.base import Finding, Severity, finding
from wizard.core.i18n import N_
from wizard.core.model import Project
from wizard.core.textclean import dirty_fields

PRINCIPLE = N_("Documents are built from clean text so that every reader can open them.")


def check_text(project: Project) -> list[Finding]:
    """One ``T-CONTROL-CHARS`` warning per field holding XML-illegal characters."""
    return [
        finding(
            "T-CONTROL-CHARS",
            Severity.WARNING,
            N_(
                "This text holds invisible control characters (often pasted from another "
                "program); they are removed from the exported documents."
            ),
            address,
            PRINCIPLE,
        )
        for address, _value in dirty_fields(project)
    ]
