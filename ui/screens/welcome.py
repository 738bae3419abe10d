"""The welcome screen: the ministry, the language choice, and the ways in."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
)

from kiosk.demo import demo_accounts
from ui.screens.base import Screen
from ui.widgets.common import big_button, paragraph


class WelcomeScreen(Screen):
    """Language choice and the entry points (log in, register, browse, contact, help)."""

    name = "welcome"
    has_back = False

    # (screen name, translated label) in the order shown; an entry appears only when its screen
    # is part of this kiosk (set_available).
    ENTRIES = ("apply", "login", "register", "catalog", "contact", "help")

    def __init__(self, ctx, parent=None):
        super().__init__(ctx, parent)
        self.greeting = QLabel(alignment=Qt.AlignmentFlag.AlignCenter, wordWrap=True)
        self.greeting.setObjectName("welcomeGreeting")
        self.intro = paragraph("welcomeIntro")
        self.intro.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.arabic_button = QPushButton("العربية")
        self.english_button = QPushButton("English")
        # Exclusive: tapping the language already chosen leaves it chosen.
        self.language_group = QButtonGroup(self)
        languages = QHBoxLayout()
        languages.addStretch()
        for button, lang in ((self.arabic_button, "ar"), (self.english_button, "en")):
            button.setObjectName("languageChoice")
            button.setCheckable(True)
            button.setMinimumSize(220, 72)
            button.clicked.connect(lambda _=False, lang=lang: self.ctx.language.set(lang))
            self.language_group.addButton(button)
            languages.addWidget(button)
        languages.addStretch()

        self.buttons: dict[str, QPushButton] = {}
        self.grid = QGridLayout()
        self.grid.setSpacing(20)
        for name in self.ENTRIES:
            button = big_button("tile")
            button.setMinimumHeight(120)
            button.clicked.connect(lambda _=False, name=name: self.sig_go.emit(name, {}))
            self.buttons[name] = button

        self.demo_box = QFrame()
        self.demo_box.setObjectName("demoBox")
        self.demo_title = QLabel()
        self.demo_title.setObjectName("demoTitle")
        self.demo_lines = paragraph()
        self.demo_lines.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        demo_layout = QVBoxLayout(self.demo_box)
        demo_layout.addWidget(self.demo_title)
        demo_layout.addWidget(self.demo_lines)

        self.body.addStretch(1)
        self.body.addWidget(self.greeting)
        self.body.addWidget(self.intro)
        self.body.addLayout(languages)
        self.body.addSpacing(16)
        self.body.addLayout(self.grid)
        self.body.addWidget(self.demo_box)
        self.body.addStretch(2)
        self._demo_accounts = demo_accounts() if ctx.config.demo else []
        self.set_available(self.ENTRIES)

    def set_available(self, names) -> None:
        """Show only the entry points whose screens this kiosk has, two to a row."""
        names = set(names)
        shown = [name for name in self.ENTRIES if name in names]
        for name, button in self.buttons.items():
            self.grid.removeWidget(button)
            button.setVisible(name in shown)
        for i, name in enumerate(shown):
            self.grid.addWidget(self.buttons[name], i // 2, i % 2)

    def retranslate(self) -> None:
        self.greeting.setText(self.tr("Welcome to the Ministry of Interior e-services"))
        self.intro.setText(
            self.tr(
                "Apply for visas, residence permits and the ministry's other services, follow "
                "your requests and print your receipts. Choose your language to begin."
            )
        )
        labels = {
            "apply": self.tr("New request"),
            "login": self.tr("Log in"),
            "register": self.tr("Create an account"),
            "catalog": self.tr("Browse services and fees"),
            "contact": self.tr("Contact the ministry"),
            "help": self.tr("Help"),
        }
        for name, button in self.buttons.items():
            button.setText(labels[name])
        self.arabic_button.setChecked(self.ctx.lang == "ar")
        self.english_button.setChecked(self.ctx.lang == "en")
        self.demo_box.setVisible(bool(self._demo_accounts))
        if self._demo_accounts:
            self.demo_title.setText(self.tr("Demo accounts (demonstration mode only)"))
            self.demo_lines.setText(
                "\n".join(
                    self.tr("{user} / {password} — {note}").format(
                        user=a.username, password=a.password, note=a.label.get(self.ctx.lang)
                    )
                    for a in self._demo_accounts
                )
            )
