"""Draft criteria from the market scan in one click.

Guide principle: criteria come from the market, not from one product. Features most
scanned solutions share (*common features*, :func:`market.summarize`) become draft
**mandatory** criteria; features only some support (*differentiators*) become draft
**optional** criteria, worth one point each. A feature already linked to a criterion
is skipped, so a second click adds nothing twice.

Each draft is linked to its feature (so C-TARGET and C-COMPLIANT can check it) and
written in neutral words: a brand, product or vendor name found in the feature's name
or description (:mod:`wizard.core.domain.brands`) is replaced by a bracketed reminder to
describe the function instead. The user then edits the drafts.

* ``criteria_language(project) -> str`` — "fr" or "en", the language of the criteria
* ``draft_criteria(project, lang) -> list[Criterion]`` — rows with ``id`` 0, not saved
* ``add_drafts(pf, drafts) -> list[Criterion]`` — saved in one transaction
"""

from __future__ import annotations

from wizard.core.domain import brands, market
from wizard.core.i18n import N_, tr
from wizard.core.i18n.languages import text_language
from wizard.core.model import Criterion, Feature, Project, translatable
from wizard.core.model.choices import CriterionCategory, CriterionKind, Language
from wizard.core.project_file.batch import batch
from wizard.core.project_file.store import ProjectFile
from wizard.core.textclean import clean_text

BRAND_GAP = N_("[describe the function without the brand]")

CATEGORY_WORDS: tuple[tuple[CriterionCategory, tuple[str, ...]], ...] = (
    ("accessibility", ("wcag", "accessib", "en 301 549", "aoda")),
    ("privacy", ("privacy", "confidentialit", "renseignements personnels", "personal information", "gdpr")),
    (
        "security",
        (
            "secur",
            "sécur",
            "iso/iec 27001",
            "27001",
            "soc 2",
            "chiffr",
            "encrypt",
            "mfa",
            "authentification",
            "authentication",
        ),
    ),
)
"""A few words that put a draft in a category other than functional/interoperability."""


def neutral_text(text: str, extra: tuple[str, ...], lang: str) -> str:
    """``text`` with every brand, product or vendor name replaced by :data:`BRAND_GAP`."""
    text = " ".join(clean_text(text).split())
    for match in reversed(brands.detect_brands(text, extra)):
        text = text[: match.start] + tr(BRAND_GAP, lang) + text[match.end :]
    return text


def category_of(feature: Feature) -> CriterionCategory:
    """The criterion category a feature suggests (a standard defaults to interoperability)."""
    words = f"{feature.name} {feature.description}".lower()
    for category, hints in CATEGORY_WORDS:
        if any(hint in words for hint in hints):
            return category
    return "interoperability" if feature.kind == "standard" else "functional"


def _text(feature: Feature, extra: tuple[str, ...], lang: str) -> str:
    name = neutral_text(feature.name, extra, lang) or f"#{feature.id}"
    description = neutral_text(feature.description, extra, lang)
    if feature.kind == "standard":
        text = tr(N_("The solution conforms to the standard {name}."), lang, name=name)
    else:
        text = tr(N_("The solution offers this capability: {name}."), lang, name=name)
    return f"{text} {description}" if description else text


def _draft(feature: Feature, kind: CriterionKind, extra: tuple[str, ...], lang: str) -> Criterion:
    return Criterion(
        id=0,
        text=_text(feature, extra, lang),
        category=category_of(feature),
        kind=kind,
        feature_ids=[feature.id],
        verification="document" if feature.kind == "standard" else "scenario",
    )


def criteria_language(project: Project) -> Language:
    """The language criteria are written in: the project's text language (the fields
    hold that version; :func:`add_drafts` writes the other one as a translation)."""
    return text_language(project)


def draft_criteria(project: Project, lang: str) -> list[Criterion]:
    """Draft criteria in ``lang`` ("fr" or "en"): mandatory ones from the common
    features, then optional ones from the differentiators, in scan order; features
    already linked to a criterion are left out. Nothing is saved."""
    summary = market.summarize(project)
    linked = {fid for c in project.criteria for fid in c.feature_ids}
    features = {f.id: f for f in project.features}
    extra = tuple(b.name for b in project.extra_brands)
    drafts = [_draft(features[fid], "mandatory", extra, lang) for fid in summary.common if fid not in linked]
    drafts += [
        _draft(features[fid], "optional", extra, lang) for fid in summary.differentiators if fid not in linked
    ]
    return drafts


def other_version(project: Project, draft: Criterion) -> str:
    """The draft's text in the language other than the project's text language, written
    the same way from its feature's name and description in that language; '' when the
    draft is not the app's own sentence for its feature (the user changed it) or when
    the feature's texts have no version in that language yet (the criterion then shows
    as missing its translation, never as the other language's words)."""
    source = text_language(project)
    features = {f.id: f for f in project.features}
    if len(draft.feature_ids) != 1 or draft.feature_ids[0] not in features:
        return ""
    feature = features[draft.feature_ids[0]]
    extra = tuple(b.name for b in project.extra_brands)
    if draft.text != _text(feature, extra, source):
        return ""
    other = translatable.other_language(source)
    versions = {}
    for attr in ("name", "description"):
        typed = getattr(feature, attr)
        version = translatable.text_in(project, f"features:{feature.id}.{attr}", other)
        if translatable.needs_translation(typed) and not version.strip():
            return ""
        versions[attr] = version if version.strip() else typed
    return _text(Feature(feature.id, versions["name"], feature.kind, versions["description"]), extra, other)


def add_drafts(pf: ProjectFile, drafts: list[Criterion]) -> list[Criterion]:
    """Save ``drafts`` as new criteria (next free ids), all or none, each with its
    version in the other language when the app can write it (:func:`other_version`);
    returns the saved rows. Raises the store's ``ReadOnlyFile`` or ``WriteFailed``
    (nothing saved)."""
    saved: list[Criterion] = []
    other = translatable.other_language(text_language(pf.project))
    with batch(pf, ("criteria", "translations")):
        for draft in drafts:
            values = {
                name: getattr(draft, name)
                for name in ("text", "category", "kind", "feature_ids", "verification")
            }
            version = other_version(pf.project, draft)
            row = pf.add_row("criteria", **values)
            if version:
                pf.add_row("translations", address=f"criteria:{row.id}.text", lang=other, text=version)
            saved.append(row)
    return saved
