"""Canada's 13 provinces and territories: names, courts, privacy statutes, sales taxes.

Used by the governing-law, courts and privacy clauses (docs/clauses.md; guide: "primauté du
droit local" — disputes heard by the courts of the town's province, not the vendor's
country) and by the TCO's tax lines (docs/tco.md).

* ``PROVINCES``: code (``"QC"`` …) → :class:`Province`.
* ``province(code)``: the :class:`Province`; raises ``KeyError`` for an unknown code.
* ``sales_taxes(code)``: tax name → rate in % (``Decimal``), e.g. ``{"GST": 5, "QST": 9.975}``.
* ``total_tax_pct(code)``: the combined rate in %.

Tax rates are those in force in 2025 (Nova Scotia's HST fell to 14 % on 1 April 2025).
Statute names are the public-sector privacy laws that bind a *municipality*; where the
statute differs by body or was recently replaced, the text stays general on purpose:
the town's lawyers confirm it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal


@dataclass(frozen=True)
class Province:
    """One province or territory. ``*_fr`` / ``*_en`` are ready to print in a clause.

    ``of_fr`` / ``in_fr`` are the French name with its preposition ("du Québec", "au Québec").
    ``privacy_note_*`` is a province-specific rule on personal information ('' if none).
    ``taxes`` maps a tax name (GST, HST, PST, QST) to its rate in %.
    """

    code: str
    name_fr: str
    name_en: str
    of_fr: str
    in_fr: str
    territory: bool
    court_fr: str
    court_en: str
    privacy_fr: str
    privacy_en: str
    privacy_note_fr: str = ""
    privacy_note_en: str = ""
    taxes: dict[str, Decimal] = field(default_factory=dict)

    def name(self, lang: str) -> str:
        """The name in ``lang`` ("fr" or "en")."""
        return self.name_fr if lang == "fr" else self.name_en

    def name_in(self, lang: str) -> str:
        """ "in <name>" in ``lang``: "au Québec", "in the Northwest Territories"."""
        return self.in_fr if lang == "fr" else f"in {self.name_with_article_en}"

    def name_of(self, lang: str) -> str:
        """ "of <name>" in ``lang``: "du Québec", "of the Northwest Territories"."""
        return self.of_fr if lang == "fr" else f"of {self.name_with_article_en}"

    @property
    def name_with_article_en(self) -> str:
        """The English name as used in a sentence ("the Northwest Territories")."""
        return f"the {self.name_en}" if self.code == "NT" else self.name_en

    def court(self, lang: str) -> str:
        """The superior court of first instance, in ``lang``."""
        return self.court_fr if lang == "fr" else self.court_en

    def privacy_law(self, lang: str) -> str:
        """The public-sector privacy statute that applies to the town, in ``lang``."""
        return self.privacy_fr if lang == "fr" else self.privacy_en

    def privacy_note(self, lang: str) -> str:
        """A province-specific rule on personal information, in ``lang`` ('' if none)."""
        return self.privacy_note_fr if lang == "fr" else self.privacy_note_en


def _gst(**others: str) -> dict[str, Decimal]:
    taxes = {"GST": Decimal("5")}
    taxes.update({name: Decimal(rate) for name, rate in others.items()})
    return taxes


def _general(of_fr: str, possessive_en: str) -> tuple[str, str]:
    """Statute text kept general where the statute binding a town is not settled here."""
    return (
        f"la législation {of_fr} sur l’accès à l’information et la protection des "
        "renseignements personnels applicable à la Ville",
        f"{possessive_en} access to information and protection of privacy legislation applicable to the Town",
    )


def _hst(rate: str) -> dict[str, Decimal]:
    return {"HST": Decimal(rate)}


_ALL = (
    Province(
        "AB",
        "Alberta",
        "Alberta",
        "de l’Alberta",
        "en Alberta",
        False,
        "Cour du Banc du Roi de l’Alberta",
        "Court of King's Bench of Alberta",
        *_general("de l’Alberta", "Alberta's"),
        taxes=_gst(),
    ),
    Province(
        "BC",
        "Colombie-Britannique",
        "British Columbia",
        "de la Colombie-Britannique",
        "en Colombie-Britannique",
        False,
        "Cour suprême de la Colombie-Britannique",
        "Supreme Court of British Columbia",
        "la Freedom of Information and Protection of Privacy Act (Colombie-Britannique)",
        "the Freedom of Information and Protection of Privacy Act (British Columbia)",
        "Toute communication ou conservation de renseignements personnels à l’extérieur du Canada "
        "doit respecter les conditions que cette loi impose aux organismes publics.",
        "Any disclosure or storage of personal information outside Canada must meet the conditions "
        "that this Act sets for public bodies.",
        taxes=_gst(PST="7"),
    ),
    Province(
        "MB",
        "Manitoba",
        "Manitoba",
        "du Manitoba",
        "au Manitoba",
        False,
        "Cour du Banc du Roi du Manitoba",
        "Court of King's Bench of Manitoba",
        "la Loi sur l’accès à l’information et la protection de la vie privée (Manitoba)",
        "The Freedom of Information and Protection of Privacy Act (Manitoba)",
        taxes=_gst(PST="7"),
    ),
    Province(
        "NB",
        "Nouveau-Brunswick",
        "New Brunswick",
        "du Nouveau-Brunswick",
        "au Nouveau-Brunswick",
        False,
        "Cour du Banc du Roi du Nouveau-Brunswick",
        "Court of King's Bench of New Brunswick",
        "la Loi sur le droit à l’information et la protection de la vie privée (Nouveau-Brunswick)",
        "the Right to Information and Protection of Privacy Act (New Brunswick)",
        taxes=_hst("15"),
    ),
    Province(
        "NL",
        "Terre-Neuve-et-Labrador",
        "Newfoundland and Labrador",
        "de Terre-Neuve-et-Labrador",
        "à Terre-Neuve-et-Labrador",
        False,
        "Cour suprême de Terre-Neuve-et-Labrador",
        "Supreme Court of Newfoundland and Labrador",
        "l’Access to Information and Protection of Privacy Act, 2015 (Terre-Neuve-et-Labrador)",
        "the Access to Information and Protection of Privacy Act, 2015 (Newfoundland and Labrador)",
        taxes=_hst("15"),
    ),
    Province(
        "NS",
        "Nouvelle-Écosse",
        "Nova Scotia",
        "de la Nouvelle-Écosse",
        "en Nouvelle-Écosse",
        False,
        "Cour suprême de la Nouvelle-Écosse",
        "Supreme Court of Nova Scotia",
        "la législation de la Nouvelle-Écosse sur l’accès à l’information et la protection de la "
        "vie privée applicable aux municipalités, y compris la Personal Information International "
        "Disclosure Protection Act",
        "Nova Scotia's access to information and protection of privacy legislation for "
        "municipalities, including the Personal Information International Disclosure Protection Act",
        "En vertu de la Personal Information International Disclosure Protection Act, les "
        "renseignements personnels détenus par un organisme public, ou par son fournisseur de "
        "services, sont conservés et consultés uniquement au Canada, sauf les exceptions prévues "
        "par cette loi.",
        "Under the Personal Information International Disclosure Protection Act, personal "
        "information held by a public body, or by its service provider, is stored and accessed "
        "only in Canada, save for the exceptions that Act allows.",
        taxes=_hst("14"),
    ),
    Province(
        "NT",
        "Territoires du Nord-Ouest",
        "Northwest Territories",
        "des Territoires du Nord-Ouest",
        "aux Territoires du Nord-Ouest",
        True,
        "Cour suprême des Territoires du Nord-Ouest",
        "Supreme Court of the Northwest Territories",
        *_general("des Territoires du Nord-Ouest", "the Northwest Territories'"),
        taxes=_gst(),
    ),
    Province(
        "NU",
        "Nunavut",
        "Nunavut",
        "du Nunavut",
        "au Nunavut",
        True,
        "Cour de justice du Nunavut",
        "Nunavut Court of Justice",
        *_general("du Nunavut", "Nunavut's"),
        taxes=_gst(),
    ),
    Province(
        "ON",
        "Ontario",
        "Ontario",
        "de l’Ontario",
        "en Ontario",
        False,
        "Cour supérieure de justice de l’Ontario",
        "Ontario Superior Court of Justice",
        "la Loi sur l’accès à l’information municipale et la protection de la vie privée (Ontario)",
        "the Municipal Freedom of Information and Protection of Privacy Act (Ontario)",
        taxes=_hst("13"),
    ),
    Province(
        "PE",
        "Île-du-Prince-Édouard",
        "Prince Edward Island",
        "de l’Île-du-Prince-Édouard",
        "à l’Île-du-Prince-Édouard",
        False,
        "Cour suprême de l’Île-du-Prince-Édouard",
        "Supreme Court of Prince Edward Island",
        *_general("de l’Île-du-Prince-Édouard", "Prince Edward Island's"),
        taxes=_hst("15"),
    ),
    Province(
        "QC",
        "Québec",
        "Quebec",
        "du Québec",
        "au Québec",
        False,
        "Cour supérieure du Québec",
        "Superior Court of Quebec",
        "la Loi sur l’accès aux documents des organismes publics et sur la protection des "
        "renseignements personnels (RLRQ, c. A-2.1)",
        "the Act respecting access to documents held by public bodies and the protection of "
        "personal information (CQLR, c. A-2.1)",
        "Avant de communiquer des renseignements personnels à l’extérieur du Québec, la Ville "
        "procède à une évaluation des facteurs relatifs à la vie privée, comme l’exige cette loi.",
        "Before personal information is communicated outside Quebec, the Town carries out a "
        "privacy impact assessment, as that Act requires.",
        taxes=_gst(QST="9.975"),
    ),
    Province(
        "SK",
        "Saskatchewan",
        "Saskatchewan",
        "de la Saskatchewan",
        "en Saskatchewan",
        False,
        "Cour du Banc du Roi de la Saskatchewan",
        "Court of King's Bench for Saskatchewan",
        "la Local Authority Freedom of Information and Protection of Privacy Act (Saskatchewan)",
        "The Local Authority Freedom of Information and Protection of Privacy Act (Saskatchewan)",
        taxes=_gst(PST="6"),
    ),
    Province(
        "YT",
        "Yukon",
        "Yukon",
        "du Yukon",
        "au Yukon",
        True,
        "Cour suprême du Yukon",
        "Supreme Court of Yukon",
        *_general("du Yukon", "Yukon's"),
        taxes=_gst(),
    ),
)

PROVINCES: dict[str, Province] = {p.code: p for p in _ALL}
"""Two-letter code → :class:`Province`, in alphabetical order of code."""

CODES: tuple[str, ...] = tuple(PROVINCES)


def province(code: str) -> Province:
    """The province or territory ``code`` (case-insensitive). Raises ``KeyError``."""
    return PROVINCES[code.strip().upper()]


def sales_taxes(code: str) -> dict[str, Decimal]:
    """Tax name → rate in % for ``code`` (a copy). Raises ``KeyError``."""
    return dict(province(code).taxes)


def total_tax_pct(code: str) -> Decimal:
    """The combined sales-tax rate in % for ``code`` (e.g. 14.975 for QC). Raises ``KeyError``."""
    return sum(province(code).taxes.values(), Decimal("0"))
