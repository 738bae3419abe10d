"""The client of the ministry's central e-services API: typed calls, typed outcomes.

api = CentralApi.from_config(config, base_url)
outcome = api.login(username, password)
if outcome.ok: ...             # outcome.value is a SessionInfo
else: show(outcome.message)    # NoConnection, TimedOut, Rejected, ServerError, UnexpectedAnswer
"""

from kiosk.api.client import CentralApi
from kiosk.api.outcomes import (
    Failure,
    NoConnection,
    Ok,
    Outcome,
    Rejected,
    ServerError,
    TimedOut,
    UnexpectedAnswer,
)

__all__ = [
    "CentralApi",
    "Failure",
    "NoConnection",
    "Ok",
    "Outcome",
    "Rejected",
    "ServerError",
    "TimedOut",
    "UnexpectedAnswer",
]
