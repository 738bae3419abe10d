"""What the account screens share: a general message line and how failures are shown."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from kiosk.api import Rejected
from ui.screens.accounts.form import Form
from ui.screens.base import Screen


class AccountsScreen(Screen):
    """A screen that talks to the central API and shows its failures where they belong."""

    def __init__(self, ctx, parent=None):
        super().__init__(ctx, parent)
        self.notice = QLabel()
        self.notice.setObjectName("hint")
        self.notice.setWordWrap(True)
        self.notice.hide()
        self.failure = QLabel()
        self.failure.setObjectName("error")
        self.failure.setWordWrap(True)
        self.failure.hide()

    def failed(self, outcome, form: Form | None = None) -> bool:
        """Whether a logged-in call failed: back to log in if the session is over, else shown."""
        if self.session_over(outcome):
            return True
        if not outcome.ok:
            self.show_failure(outcome, form)
            return True
        return False

    def show_failure(self, outcome, form: Form | None = None) -> None:
        """A server refusal naming a field goes under that field; anything else on top."""
        text = outcome.message.get(self.ctx.lang)
        if isinstance(outcome, Rejected) and form is not None and outcome.field:
            if form.show_problem(outcome.field, text):
                return
        self.show_error(text)

    def show_error(self, text: str) -> None:
        """A message on top of the screen that concerns no one field."""
        self.failure.setText(text)
        self.failure.show()

    def show_notice(self, text: str) -> None:
        self.notice.setText(text)
        self.notice.setVisible(bool(text))

    def clear_messages(self) -> None:
        self.failure.hide()
        self.failure.clear()
        self.notice.hide()
        self.notice.clear()

    def signed_in(self) -> bool:
        """Whether someone is logged in; if not, say so instead of calling the API."""
        if self.ctx.session.user is not None:
            return True
        self.show_error(self.tr("Please log in first."))
        return False

    def session_over(self, outcome) -> bool:
        """True (and back to login) when the server ended the session."""
        if isinstance(outcome, Rejected) and outcome.code in ("not_authenticated", "token_expired"):
            self.sig_go.emit("login", {"expired": True})
            return True
        return False
