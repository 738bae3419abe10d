"""The ministry's contact channels (from the overview seed), for the contact screen and receipts."""

from __future__ import annotations

from dataclasses import dataclass

from kiosk import resources
from kiosk.texts import Bilingual


@dataclass(frozen=True)
class Channel:
    id: str
    name: Bilingual
    email: str = ""
    whatsapp: str = ""
    phone: str = ""

    @property
    def whatsapp_link(self) -> str:
        """The wa.me link a phone opens in WhatsApp (international number, no 00 or +)."""
        digits = "".join(c for c in self.whatsapp if c.isdigit())
        return f"https://wa.me/{digits.removeprefix('00')}" if digits else ""


def load_channels() -> tuple[Bilingual, list[Channel]]:
    """The introduction text and the channels, in the seed's order."""
    data = resources.load_json("data/contact.json")
    channels = [
        Channel(
            id=c["id"],
            name=Bilingual.from_dict(c["name"]),
            email=c.get("email", ""),
            whatsapp=c.get("whatsapp", ""),
            phone=c.get("phone", ""),
        )
        for c in data["channels"]
    ]
    return Bilingual.from_dict(data["intro"]), channels


def display_number(international: str) -> str:
    """00962791000838 → +962 79 100 0838: grouped as Jordanians read numbers aloud."""
    digits = "".join(c for c in international if c.isdigit()).removeprefix("00")
    if not digits.startswith("962"):
        return "+" + digits
    national = digits[3:]
    if len(national) == 9 and national.startswith("7"):  # mobile: 7X XXX XXXX
        return f"+962 {national[:2]} {national[2:5]} {national[5:]}"
    if len(national) == 8:  # landline: area code + 7 digits
        return f"+962 {national[0]} {national[1:4]} {national[4:]}"
    return f"+962 {national}"
