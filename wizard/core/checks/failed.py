"""A step whose checks raised (a defect): one finding in place of its findings."""

from __future__ import annotations

from wizard.core.checks import principles
from wizard.core.checks.base import Finding, Severity
from wizard.core.i18n import N_

CHECK_FAILED = N_(
    "Some checks of this step could not run ({error}): its findings may be incomplete. "
    "Please report this problem."
)


def check_failed(field: str, error: str) -> Finding:
    """``CHECK-FAILED``: the checks of the step that owns ``field`` raised ``error`` (a
    defect); shown in their place so that every other finding still shows."""
    return Finding(
        "CHECK-FAILED", Severity.ERROR, CHECK_FAILED, field, principles.COMPLETE, (("error", error),)
    )
