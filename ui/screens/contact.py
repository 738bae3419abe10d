"""Contact channels: the directorates' e-mails and WhatsApp numbers (QR codes), the call centre."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel

from kiosk.contact import display_number, load_channels
from ui.screens.base import Screen
from ui.widgets.common import paragraph, qr_pixmap


class ContactScreen(Screen):
    """How to reach the ministry, from the overview seed."""

    name = "contact"

    def __init__(self, ctx, parent=None):
        super().__init__(ctx, parent)
        self.intro_text, self.channels = load_channels()
        self.intro = paragraph()
        self.body.addWidget(self.intro)
        self.cards = []
        for channel in self.channels:
            card = QFrame()
            card.setObjectName("card")
            grid = QGridLayout(card)
            grid.setContentsMargins(24, 20, 24, 20)
            grid.setHorizontalSpacing(24)
            name = QLabel(wordWrap=True)
            name.setObjectName("cardTitle")
            grid.addWidget(name, 0, 0, 1, 2)
            rows = []
            for kind, value in (
                ("email", channel.email),
                ("whatsapp", channel.whatsapp),
                ("phone", channel.phone),
            ):
                if not value:
                    continue
                label = QLabel()
                label.setObjectName("fieldLabel")
                shown = QLabel(value if kind == "email" else display_number(value))
                shown.setObjectName("contactValue")
                # Addresses and numbers read left to right in both languages.
                shown.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
                shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
                row = len(rows) + 1
                grid.addWidget(label, row, 0)
                grid.addWidget(shown, row, 1)
                rows.append((kind, label))
            if channel.whatsapp_link:
                qr = QLabel()
                qr.setObjectName("qr")
                qr.setPixmap(qr_pixmap(channel.whatsapp_link, 168))
                qr.setToolTip(channel.whatsapp_link)
                grid.addWidget(qr, 0, 2, len(rows) + 1, 1, Qt.AlignmentFlag.AlignCenter)
                hint = QLabel(alignment=Qt.AlignmentFlag.AlignCenter)
                hint.setObjectName("hint")
                grid.addWidget(hint, len(rows) + 1, 2)
                rows.append(("qr_hint", hint))
            grid.setColumnStretch(1, 1)
            self.body.addWidget(card)
            self.cards.append((channel, name, rows))
        self.body.addStretch()

    def title(self) -> str:
        return self.tr("Contact the Ministry of Interior")

    def retranslate(self) -> None:
        lang = self.ctx.lang
        self.intro.setText(self.intro_text.get(lang))
        captions = {
            "email": self.tr("E-mail"),
            "whatsapp": self.tr("WhatsApp"),
            "phone": self.tr("Telephone"),
            "qr_hint": self.tr("Scan to open WhatsApp"),
        }
        for channel, name, rows in self.cards:
            name.setText(channel.name.get(lang))
            for kind, label in rows:
                label.setText(captions[kind])
