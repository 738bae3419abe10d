"""What the requests screens share: background work that a session's end cancels, messages."""

from __future__ import annotations

from collections.abc import Callable

from kiosk.errors import KioskError
from kiosk.texts import Bilingual
from ui.screens.accounts.common import AccountsScreen
from ui.screens.requests.texts import RequestTexts

FAILED = Bilingual(
    "تعذّر إتمام العملية. حاول مرة أخرى أو اطلب مساعدة الموظف المختص.",
    "This could not be done. Please try again or ask a member of staff.",
)


class RequestsBase(AccountsScreen):
    """A requests screen: loads in workers; a result that arrives after the session ended (or
    after the screen moved on to another request) is dropped, never shown to the next user."""

    def __init__(self, ctx, parent=None):
        super().__init__(ctx, parent)
        self.texts = RequestTexts(self)
        self._generation = 0

    def reset(self) -> None:
        self._generation += 1

    def account_id(self) -> str | None:
        user = self.ctx.session.user
        return user.account_id if user is not None else None

    def work(self, fn: Callable, *args, on_result: Callable, button=None) -> None:
        """Run `fn(*args)` in a worker; `on_result(value)` on the GUI thread if still current.

        `button` is disabled meanwhile (a double tap does nothing twice); an exception becomes
        a message (a KioskError's own, else a general one), never a traceback.
        """
        generation = self._generation
        if button is not None:
            button.setEnabled(False)

        def finished(value):
            if button is not None:
                button.setEnabled(True)
            if generation == self._generation:
                on_result(value)

        def failed(error: Exception):
            if button is not None:
                button.setEnabled(True)
            if generation == self._generation:
                message = error.message if isinstance(error, KioskError) else FAILED
                self.show_error(message.get(self.ctx.lang))

        self.ctx.tasks.run(fn, *args, on_result=finished, on_error=failed)
