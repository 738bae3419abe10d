"""Errors are values the user can act on: a stable code, the field, a bilingual message."""

from __future__ import annotations

from dataclasses import dataclass

from kiosk.texts import Bilingual


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the user's input, with what to do about it.

    `code` is stable (tests and the server use it), `field` names the input it concerns (a dotted
    path such as "beneficiaries.2.passport_expiry", or "" for the whole request).
    """

    code: str
    field: str
    message: Bilingual


class KioskError(Exception):
    """An error with a message the kiosk can show in the user's language."""

    def __init__(self, code: str, message: Bilingual, field: str = ""):
        super().__init__(f"{code}: {message.en}")
        self.code = code
        self.field = field
        self.message = message

    @property
    def problem(self) -> Problem:
        return Problem(self.code, self.field, self.message)
