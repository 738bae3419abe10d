"""What a call to the central API can come to: a success or one of five typed failures.

Screens and the sync engine branch on the type (`isinstance`, or `outcome.ok`), show
`outcome.message` in the user's language, and decide from `retryable` whether trying again can
help. No call of the client raises: every failure is one of these values.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar, Generic, TypeVar

from kiosk.texts import Bilingual

T = TypeVar("T")

NO_CONNECTION = Bilingual(
    ar="لا يوجد اتصال بخادم الوزارة. تأكد من الشبكة وحاول مرة أخرى.",
    en="No connection to the ministry's server. Check the network and try again.",
)
TIMED_OUT = Bilingual(
    ar="لم يرد خادم الوزارة في الوقت المحدد. حاول مرة أخرى.",
    en="The ministry's server did not answer in time. Please try again.",
)
SERVER_ERROR = Bilingual(
    ar="حدث خطأ في خادم الوزارة. حاول مرة أخرى بعد قليل.",
    en="The ministry's server had a problem. Please try again in a moment.",
)
UNEXPECTED_ANSWER = Bilingual(
    ar="وصل رد غير متوقع من الشبكة (قد تتطلب الشبكة تسجيل دخول). يرجى إبلاغ الموظف المختص.",
    en="The network gave an unexpected answer (it may require a sign-in page). "
    "Please tell a member of staff.",
)


@dataclass(frozen=True)
class Ok(Generic[T]):
    """A success: the parsed answer, its HTTP status, and whether it replays an earlier write."""

    value: T
    status: int = 200
    replayed: bool = False
    ok: ClassVar[bool] = True


@dataclass(frozen=True)
class NoConnection:
    """The server could not be reached (no network, refused, DNS, TLS failure)."""

    detail: str = ""
    message: Bilingual = NO_CONNECTION
    ok: ClassVar[bool] = False
    retryable: ClassVar[bool] = True


@dataclass(frozen=True)
class TimedOut:
    """No answer in time. `maybe_received`: the request went out, the server may have acted."""

    maybe_received: bool = True
    message: Bilingual = TIMED_OUT
    ok: ClassVar[bool] = False
    retryable: ClassVar[bool] = True


@dataclass(frozen=True)
class Rejected:
    """The server refused the request (4xx) with its stable code, message and field."""

    code: str
    message: Bilingual
    field: str = ""
    status: int = 400
    retry_after: int | None = None
    ok: ClassVar[bool] = False

    @property
    def retryable(self) -> bool:
        """Only "too many attempts" passes with time; every other refusal needs a change."""
        return self.status == 429


@dataclass(frozen=True)
class ServerError:
    """The server failed (5xx)."""

    status: int
    message: Bilingual = SERVER_ERROR
    ok: ClassVar[bool] = False
    retryable: ClassVar[bool] = True


@dataclass(frozen=True)
class UnexpectedAnswer:
    """An answer that is not the contract's: HTML from a captive portal, bad JSON, wrong shape.

    `reason` says what was wrong for the log; it never quotes the answer's content.
    """

    reason: str
    status: int = 0
    message: Bilingual = UNEXPECTED_ANSWER
    ok: ClassVar[bool] = False
    retryable: ClassVar[bool] = True


Failure = NoConnection | TimedOut | Rejected | ServerError | UnexpectedAnswer
Outcome = Ok[T] | Failure
