"""Log in, and "forgot password" (a new password by SMS and e-mail)."""

from __future__ import annotations

from PySide6.QtWidgets import QPushButton

from kiosk.session import SignedIn
from ui.screens.accounts.common import AccountsScreen
from ui.screens.accounts.connection import call_api
from ui.screens.accounts.form import Form


class LoginScreen(AccountsScreen):
    """Username and password; clear messages for a wrong password, a pending account, a lock."""

    name = "login"

    def __init__(self, ctx, parent=None):
        super().__init__(ctx, parent)
        self._return: tuple[str | None, dict] = (None, {})
        self.form = Form(("username", "password"))
        self.login_button = QPushButton(objectName="primary")
        self.login_button.clicked.connect(self._on_login)
        self.forgot_button = QPushButton()
        self.forgot_button.clicked.connect(lambda: self.sig_go.emit("login.forgot", {}))
        self.register_button = QPushButton()
        self.register_button.clicked.connect(lambda: self.sig_go.emit("register", {}))
        self.form.rows["password"].edit.returnPressed.connect(self._on_login)
        for widget in (self.notice, self.failure, self.form, self.login_button):
            self.body.addWidget(widget)
        self.body.addWidget(self.forgot_button)
        self.body.addWidget(self.register_button)
        self.body.addStretch()

    def title(self) -> str:
        return self.tr("Log in")

    def retranslate(self) -> None:
        self.form.retranslate()
        self.login_button.setText(self.tr("Log in"))
        self.forgot_button.setText(self.tr("Forgot your password?"))
        self.register_button.setText(self.tr("No account yet? Create one"))

    def enter(self, params: dict) -> None:
        self.clear_messages()
        # Where to go once logged in: a screen that needs an account (a new request) sends the
        # user here and names itself.
        self._return = (params.get("return_to"), params.get("return_params") or {})
        if params.get("expired"):
            self.show_notice(self.tr("Your session has ended. Please log in again."))
        if params.get("username"):
            self.form.rows["username"].edit.setText(params["username"])

    def screenshot_states(self) -> list[tuple[str, dict]]:
        return [("", {}), ("expired", {"expired": True, "username": "demo.individual"})]

    def _on_login(self) -> None:
        if not self.login_button.isEnabled():
            return
        self.clear_messages()
        self.form.clear_problems()
        values = self.form.values()
        missing = [n for n in ("username", "password") if not values[n]]
        for name in missing:
            self.form.show_problem(name, self.tr("This field is required."))
        if missing:
            return
        call_api(
            self,
            lambda api: api.login(values["username"], values["password"]),
            self._on_logged_in,
            self.login_button,
        )

    def _on_logged_in(self, outcome) -> None:
        if not outcome.ok:
            # Wrong password, pending account, too many attempts: the server's own words.
            self.show_failure(outcome)
            return
        account = outcome.value.account
        self.ctx.session.sign_in(SignedIn(account.account_id, account.username, account.category))
        self.form.rows["password"].edit.clear()
        if outcome.value.must_change_password:
            self.sig_go.emit("account.password", {"must_change": True})
        elif self._return[0]:
            self.sig_go.emit(*self._return)
        else:
            self.sig_go.emit("account", {})


class ForgotPasswordScreen(AccountsScreen):
    """Ask for a new password; it is sent by SMS to the registered phone and by e-mail."""

    name = "login.forgot"

    def __init__(self, ctx, parent=None):
        super().__init__(ctx, parent)
        self.form = Form(("username",))
        self.send_button = QPushButton(objectName="primary")
        self.send_button.clicked.connect(self._on_send)
        self.login_button = QPushButton()
        self.login_button.clicked.connect(
            lambda: self.sig_go.emit("login", {"username": self.form.values()["username"]})
        )
        self.login_button.hide()
        for widget in (self.failure, self.form, self.send_button, self.notice, self.login_button):
            self.body.addWidget(widget)
        self.body.addStretch()

    def title(self) -> str:
        return self.tr("Forgot password")

    def retranslate(self) -> None:
        self.form.retranslate()
        self.send_button.setText(self.tr("Send me a new password"))
        self.login_button.setText(self.tr("Log in with the new password"))

    def enter(self, params: dict) -> None:
        self.clear_messages()
        self.login_button.hide()

    def screenshot_states(self) -> list[tuple[str, dict]]:
        return [("", {})]

    def _on_send(self) -> None:
        self.clear_messages()
        username = self.form.values()["username"]
        if not username:
            self.form.show_problem("username", self.tr("This field is required."))
            return
        call_api(self, lambda api: api.forgot_password(username), self._on_sent, self.send_button)

    def _on_sent(self, outcome) -> None:
        if not outcome.ok:
            self.show_failure(outcome, self.form)
            return
        self.show_notice(outcome.value.get(self.ctx.lang))
        self.login_button.show()
