"""The logged-in account's home (profile, password, messages, log out) and password change."""

from __future__ import annotations

from PySide6.QtWidgets import QPushButton

from kiosk.api import fields
from ui.screens.accounts.common import AccountsScreen
from ui.screens.accounts.connection import call_api
from ui.screens.accounts.form import Form
from ui.widgets.common import big_button, paragraph


class AccountScreen(AccountsScreen):
    """What the account holder can do here; log out ends the session everywhere."""

    name = "account"
    ACTIONS = (
        "apply",
        "requests",
        "requests.inbox",
        "account.profile",
        "account.password",
        "account.messages",
    )

    def __init__(self, ctx, parent=None):
        super().__init__(ctx, parent)
        self.who = paragraph("cardTitle")
        self.body.addWidget(self.who)
        self.buttons: dict[str, QPushButton] = {}
        for target in self.ACTIONS:
            button = big_button("tile")
            button.clicked.connect(lambda _=False, t=target: self.sig_go.emit(t, {}))
            self.buttons[target] = button
            self.body.addWidget(button)
        self.logout_button = big_button("tile")
        self.logout_button.clicked.connect(self._on_logout)
        self.body.addWidget(self.logout_button)
        self.body.addWidget(self.failure)
        self.body.addStretch()

    def title(self) -> str:
        return self.tr("My account")

    def retranslate(self) -> None:
        user = self.ctx.session.user
        if user is not None:
            category = fields.CATEGORY_NAMES.get(user.category)
            self.who.setText(
                f"{user.display_name} — {category.get(self.ctx.lang) if category else ''}"
            )
        else:
            self.who.setText("")
        self.buttons["apply"].setText(self.tr("New request"))
        self.buttons["requests"].setText(self.tr("My requests"))
        self.buttons["requests.inbox"].setText(self.tr("Notifications"))
        self.buttons["account.profile"].setText(self.tr("My details"))
        self.buttons["account.password"].setText(self.tr("Change password"))
        self.buttons["account.messages"].setText(self.tr("Messages to the ministry"))
        self.logout_button.setText(self.tr("Log out"))

    def enter(self, params: dict) -> None:
        self.clear_messages()

    def _on_logout(self) -> None:
        # Whatever the server answers, the session ends here: the token is dropped.
        call_api(
            self,
            lambda api: api.logout(),
            lambda _: self.sig_end_session.emit(),
            self.logout_button,
        )


class ChangePasswordScreen(AccountsScreen):
    """Current password, new password twice."""

    name = "account.password"

    def __init__(self, ctx, parent=None):
        super().__init__(ctx, parent)
        self.form = Form(("current_password", "new_password", "password_again"))
        self.save_button = QPushButton(objectName="primary")
        self.save_button.clicked.connect(self._on_save)
        for widget in (self.notice, self.failure, self.form, self.save_button):
            self.body.addWidget(widget)
        self.body.addStretch()

    def title(self) -> str:
        return self.tr("Change password")

    def retranslate(self) -> None:
        self.form.retranslate()
        self.save_button.setText(self.tr("Change password"))

    def enter(self, params: dict) -> None:
        self.clear_messages()
        if params.get("must_change"):
            self.show_notice(
                self.tr(
                    "You logged in with a password sent by SMS. "
                    "Please choose your own password now."
                )
            )

    def screenshot_states(self) -> list[tuple[str, dict]]:
        return [("", {}), ("after-reset", {"must_change": True})]

    def _on_save(self) -> None:
        self.clear_messages()
        self.form.clear_problems()
        values = self.form.values()
        problems = [
            p
            for p in (
                fields.check("current_password", values["current_password"]),
                fields.check("password", values["new_password"]),
            )
            if p
        ]
        for problem in problems:
            name = "new_password" if problem.field == "password" else problem.field
            self.form.show_problem(name, problem.message.get(self.ctx.lang))
        if values["new_password"] != values["password_again"]:
            self.form.show_problem("password_again", self.tr("The two passwords are not the same."))
            return
        if problems:
            return
        call_api(
            self,
            lambda api: api.change_password(values["current_password"], values["new_password"]),
            self._on_changed,
            self.save_button,
        )

    def _on_changed(self, outcome) -> None:
        if self.failed(outcome, self.form):
            return
        for row in self.form.rows.values():
            row.edit.clear()
        self.show_notice(self.tr("Your password was changed."))
