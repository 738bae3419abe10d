"""What the scan screen says: the guidance line for each mode and status, the result's summary.

Statuses: "looking" (nothing found yet), "holding" (something found, hold still), "conflict"
(two numbers in view), "document_problem", "page_taken", "confirm" (a result to confirm),
"no_camera".
"""

from __future__ import annotations

from PySide6.QtCore import QObject


class ScanTexts(QObject):
    """Translated texts of the scan screen (a QObject for `tr`)."""

    def guidance(self, mode: str, status: str) -> str:
        """The hint above the picture for `mode` in `status`."""
        if status == "confirm":
            return self.tr("Check the result, then press Confirm.")
        if status == "no_camera":
            if mode == "barcode":
                return self.tr("Type the personal number below.")
            return self.tr("You can continue without the camera.")
        texts = {
            ("barcode", "looking"): self.tr(
                "Hold the passport page with the personal-number sticker inside the frame."
            ),
            ("barcode", "holding"): self.tr("Hold still…"),
            ("barcode", "conflict"): self.tr(
                "Two different numbers are visible. Cover the one that is not yours."
            ),
            ("mrz", "looking"): self.tr(
                "Lay the passport's photo page flat inside the frame, the two lines of letters at "
                "the bottom."
            ),
            ("mrz", "holding"): self.tr("Hold the page flat and still…"),
            ("document", "looking"): self.tr("Lay the document flat inside the frame."),
            ("document", "holding"): self.tr("Hold still: the picture is taken by itself."),
            ("document", "page_taken"): self.tr(
                "Page taken. Put the next page down, or press Done."
            ),
        }
        return texts.get((mode, status)) or texts.get((mode, "looking"), "")

    def result(self, result: dict | None) -> str:
        """One line summing up a result waiting for confirmation."""
        if not result:
            return ""
        if result["mode"] == "barcode":
            return self.tr("Personal number: {number}").format(number=result["personal_number"])
        if result["mode"] == "mrz":
            fields = result["fields"]
            return self.tr("Passport {number}: {surname}, {given} ({nationality})").format(
                number=fields.get("document_number") or "",
                surname=fields.get("surname") or "",
                given=fields.get("given_names") or "",
                nationality=fields.get("nationality") or "",
            )
        return ""
