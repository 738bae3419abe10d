"""Register an account: choose one of the eight categories, fill its fields, send.

Individuals are active at once; every other category is pending until one visit to the
ministry, and the done screen says what to bring. A retry after "no connection" reuses the same
Idempotency-Key, so the account is never created twice; editing the form starts a new one.
"""

from __future__ import annotations

import uuid

from PySide6.QtWidgets import (
    QButtonGroup,
    QGridLayout,
    QHBoxLayout,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kiosk.api import fields
from ui.screens.accounts.common import AccountsScreen
from ui.screens.accounts.connection import call_api
from ui.screens.accounts.form import Form
from ui.widgets.common import big_button, paragraph

ACCOUNT_FIELDS = ("username", "password", "password_again")


class RegisterScreen(AccountsScreen):
    """Category choice and the category's form."""

    name = "register"

    def __init__(self, ctx, parent=None):
        super().__init__(ctx, parent)
        self.category: str | None = None
        self._key: str | None = None
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        self.category_buttons: dict[str, QPushButton] = {}
        grid = QGridLayout()
        grid.setSpacing(12)
        for index, category in enumerate(fields.CATEGORIES):
            button = big_button("tile")
            button.setCheckable(True)
            button.setMinimumHeight(72)
            button.clicked.connect(lambda _=False, c=category: self.choose(c))
            self.group.addButton(button)
            self.category_buttons[category] = button
            grid.addWidget(button, index // 2, index % 2)
        self.choose_hint = paragraph("hint")
        # Once a category is chosen its grid folds into one line, leaving the screen to the form.
        self.categories = QWidget()
        categories_layout = QVBoxLayout(self.categories)
        categories_layout.setContentsMargins(0, 0, 0, 0)
        categories_layout.addWidget(self.choose_hint)
        categories_layout.addLayout(grid)
        self.chosen = paragraph("cardTitle")
        self.change_button = QPushButton()
        self.change_button.clicked.connect(self._show_categories)
        chosen_row = QHBoxLayout()
        chosen_row.addWidget(self.chosen, 1)
        chosen_row.addWidget(self.change_button)
        self.chosen_bar = QWidget()
        self.chosen_bar.setLayout(chosen_row)
        self.chosen_bar.hide()
        self.form = Form()
        self.form.sig_edited.connect(self._forget_key)
        self.send_button = QPushButton(objectName="primary")
        self.send_button.clicked.connect(self._on_send)
        self.send_button.hide()
        inner = QWidget()
        inner_layout = QGridLayout(inner)
        inner_layout.setContentsMargins(0, 0, 0, 0)
        inner_layout.addWidget(self.form, 0, 0)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setWidget(inner)
        # The form scrolls inside the screen, so "create" stays in sight above the keyboard.
        self.scroll.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Ignored)
        self.scroll.setMinimumHeight(240)
        self.scroll.hide()
        self.body.addWidget(self.categories)
        self.body.addWidget(self.chosen_bar)
        self.body.addWidget(self.failure)
        self.body.addWidget(self.scroll, 1)
        self.body.addWidget(self.send_button)

    def title(self) -> str:
        return self.tr("Create an account")

    def retranslate(self) -> None:
        for category, button in self.category_buttons.items():
            button.setText(fields.CATEGORY_NAMES[category].get(self.ctx.lang))
        self.choose_hint.setText(
            self.tr(
                "Choose who the account is for. Individuals can use it at once; "
                "institutions visit the ministry once to activate it."
            )
        )
        if self.category is not None:
            self.chosen.setText(fields.CATEGORY_NAMES[self.category].get(self.ctx.lang))
        self.change_button.setText(self.tr("Change the category"))
        self.form.retranslate()
        self.send_button.setText(self.tr("Create the account"))

    def enter(self, params: dict) -> None:
        self.clear_messages()
        if params.get("category") in fields.CATEGORIES:
            self.choose(params["category"])

    def screenshot_states(self) -> list[tuple[str, dict]]:
        return [
            ("", {}),
            ("individual", {"category": "individual"}),
            ("hospital", {"category": "hospital"}),
        ]

    def reset(self) -> None:
        self.category = None
        self._key = None
        self.form.set_fields(())
        self.send_button.hide()
        self._show_categories()

    def choose(self, category: str) -> None:
        """Show the form of `category` (what was typed in shared fields stays)."""
        self.category = category
        self.category_buttons[category].setChecked(True)
        names = fields.INDIVIDUAL_FIELDS if category == "individual" else fields.INSTITUTION_FIELDS
        self.form.set_fields(ACCOUNT_FIELDS + names)
        self.categories.hide()
        self.chosen_bar.show()
        self.scroll.show()
        self.send_button.show()
        self._forget_key()
        self.retranslate()

    def _show_categories(self) -> None:
        self.categories.show()
        self.chosen_bar.hide()

    def _forget_key(self) -> None:
        self._key = None

    def _on_send(self) -> None:
        if self.category is None or not self.send_button.isEnabled():
            return
        self.clear_messages()
        self.form.clear_problems()
        values = self.form.values() | {"language": self.ctx.lang}
        body, problems = fields.registration_problems(self.category, values)
        if problems:
            self.form.show_problems(problems, self.ctx.lang)
            return
        # One key per filled-in form: a resend after a lost answer is the same registration.
        self._key = self._key or str(uuid.uuid4())
        key = self._key
        call_api(self, lambda api: api.register(body, key), self._on_registered, self.send_button)

    def _on_registered(self, outcome) -> None:
        if not outcome.ok:
            # What was typed stays; "no connection" just asks to try again.
            self.show_failure(outcome, self.form)
            return
        account = outcome.value
        self.sig_go.emit(
            "register.done",
            {
                "username": account.username,
                "pending": account.pending,
                "instructions": account.activation_instructions,
            },
        )
        self.wipe()


class RegisteredScreen(AccountsScreen):
    """The account exists: active (log in now) or pending (visit the ministry once)."""

    name = "register.done"

    def __init__(self, ctx, parent=None):
        super().__init__(ctx, parent)
        self.params: dict = {}
        self.status = paragraph("cardTitle")
        self.instructions = paragraph()
        self.login_button = QPushButton(objectName="primary")
        self.login_button.clicked.connect(
            lambda: self.sig_go.emit("login", {"username": self.params.get("username", "")})
        )
        for widget in (self.status, self.instructions, self.login_button):
            self.body.addWidget(widget)
        self.body.addStretch()

    def title(self) -> str:
        return self.tr("Account created")

    def retranslate(self) -> None:
        username = self.params.get("username", "")
        if self.params.get("pending"):
            self.status.setText(
                self.tr("Account {username} is pending activation.").format(username=username)
            )
        else:
            self.status.setText(self.tr("Account {username} is active.").format(username=username))
        instructions = self.params.get("instructions")
        self.instructions.setText(instructions.get(self.ctx.lang) if instructions else "")
        self.login_button.setText(self.tr("Log in"))
        self.login_button.setVisible(not self.params.get("pending"))

    def enter(self, params: dict) -> None:
        self.params = dict(params)
        self.retranslate()

    def reset(self) -> None:
        self.params = {}

    def screenshot_states(self) -> list[tuple[str, dict]]:
        from kiosk.texts import Bilingual

        pending = Bilingual(
            "الحساب بانتظار التفعيل. يرجى مراجعة وزارة الداخلية مرة واحدة فقط لتفعيل الحساب.",
            "The account is pending activation. Please visit the Ministry of Interior once.",
        )
        return [
            ("pending", {"username": "hospital.demo", "pending": True, "instructions": pending}),
            (
                "active",
                {
                    "username": "demo.person",
                    "pending": False,
                    "instructions": Bilingual("تم تفعيل الحساب مباشرة.", "The account is active."),
                },
            ),
        ]
