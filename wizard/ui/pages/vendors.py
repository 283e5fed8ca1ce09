"""§2.9 Vendor relations and transparency: exchange register, designated staff,
publication plan and diffusion."""

from __future__ import annotations

from typing import Any

from wizard.core.defaults import PUBLICATION_ITEMS
from wizard.core.i18n import N_, _
from wizard.core.steps import Step
from wizard.ui.pages.base import StepPage
from wizard.ui.widgets.table_editor import Column


def publication_label(row: Any) -> str:
    msgid = PUBLICATION_ITEMS.get(row.key)
    return _(msgid) if msgid else row.key


class VendorsPage(StepPage):
    STEP = Step.VENDORS
    HELP = N_(
        "Every exchange with a vendor is written down and can be published. Only "
        "designated IT and procurement staff talk to vendors. No confidentiality "
        "agreement, no demo outside the tender, and a vendor who helped write the tender "
        "may not bid. Plan what the town will publish, when and where."
    )

    def build(self) -> None:
        b = self.binder
        form = self.group(N_("Register of exchanges with vendors"))
        self.table(
            form,
            "vendor_exchanges",
            [
                Column("date", N_("Date")),
                Column("vendor", N_("Vendor")),
                Column("staff_name", N_("Town staff")),
                Column("staff_role", N_("Staff role")),
                Column("channel", N_("Channel")),
                Column("initiated_by_vendor", N_("Vendor initiated")),
                Column("subject", N_("Subject"), stretch=True),
                Column("documents", N_("Documents")),
                Column("routed_to_cio", N_("Sent to the CIO")),
                Column("publishable", N_("Publishable")),
                Column("demo", N_("Demo")),
                Column("nda_signed", N_("NDA signed")),
                Column("helped_drafting", N_("Helped draft")),
                Column("rfi", N_("RFI")),
            ],
            lines=4,
        )
        form = self.group(N_("Staff designated to speak with vendors"))
        self.table(
            form,
            "designated_staff",
            [Column("name", N_("Name"), stretch=True), Column("role", N_("Role"), stretch=True)],
            lines=2,
        )
        form = self.group(N_("Publication plan"))
        self.table(
            form,
            "publication_items",
            [
                Column("key", N_("What"), display=publication_label, stretch=True),
                Column("planned", N_("Planned")),
                Column("planned_date", N_("Date")),
                Column("place", N_("Where"), stretch=True),
            ],
            can_add=False,
            lines=9,
        )
        form = self.group(N_("Diffusion of the tender"))
        self.row(form, N_("Provincial platform"), b.line("publication", "provincial_platform"))
        self.row(form, N_("Free specialised platforms"), b.line("publication", "free_platforms"))
        form.addRow(b.check("publication", "notify_scanned_vendors", N_("Notify the vendors found in the market scan")))
        self.row(form, N_("Translation and binding version"), b.line("publication", "translation_notes"))
        self.row(form, N_("Open data portal address"), b.line("publication", "open_data_url"))
