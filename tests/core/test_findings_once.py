"""One finding per blank field, and counts that leave out the findings marked
justified."""

from __future__ import annotations

from collections import Counter

from wizard.core.checks import Severity, justified_findings, open_findings, run_checks, severity_counts
from wizard.core.model import Justification, Project
from wizard.core.model.defaults import new_project


def test_empty_project_names_each_info_field_once():
    for project in (Project(), new_project("fr"), new_project("en")):
        found = run_checks(project)
        per_field = Counter(f.field for f in found if f.field.startswith("info."))
        assert per_field["info.closing_date"] == 1 and per_field["info.organization"] == 1
        assert max(per_field.values()) == 1, per_field
        codes = {f.field: f.code for f in found if f.field.startswith("info.")}
        assert codes["info.closing_date"] == "PR-CLOSING-DATE"
        assert codes["info.reference"] == "K-PLACEHOLDER"  # docs/cases.md K10: the export still lists it


def test_justified_findings_are_apart_and_not_counted():
    project = new_project("en")
    found = run_checks(project)
    target = next(f for f in found if f.code == "PR-TITLE")
    project.justifications.append(Justification(1, target.code, target.field, "Title given by council later"))
    still = open_findings(project, found)
    assert target not in still and len(still) == len(found) - 1
    assert justified_findings(project, found) == [target]
    before, after = severity_counts(found), severity_counts(still)
    assert after[Severity.WARNING] == before[Severity.WARNING] - 1
    assert after[Severity.ERROR] == before[Severity.ERROR]
    project.justifications[0].reason = "  "  # a blank reason justifies nothing
    assert open_findings(project, found) == found
