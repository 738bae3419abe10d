"""Attempt limits per subject (a username): too many failures in a window lock it for a while."""

from __future__ import annotations

import math

from sandbox import times
from sandbox.errors import ApiError


def check(conn, scope: str, subject: str) -> None:
    """Raise 429 too_many_attempts (with Retry-After) while `subject` is locked."""
    row = conn.execute(
        "SELECT locked_until FROM throttle WHERE scope = ? AND subject = ?", (scope, subject)
    ).fetchone()
    now = times.now()
    if row is not None and row["locked_until"] > now:
        raise ApiError("too_many_attempts", retry_after=math.ceil(row["locked_until"] - now))


def fail(conn, scope: str, subject: str, max_failures: int, window_s: int, lock_s: int) -> bool:
    """Count one failure; True when it reaches the limit and locks the subject."""
    now = times.now()
    row = conn.execute(
        "SELECT failures, window_start FROM throttle WHERE scope = ? AND subject = ?",
        (scope, subject),
    ).fetchone()
    if row is None or now - row["window_start"] > window_s:
        failures, start = 1, now
    else:
        failures, start = row["failures"] + 1, row["window_start"]
    locked_until = now + lock_s if failures >= max_failures else 0
    if locked_until:
        failures, start = 0, now  # a fresh window once the lock is over
    conn.execute(
        "INSERT INTO throttle(scope, subject, failures, window_start, locked_until) "
        "VALUES (?, ?, ?, ?, ?) ON CONFLICT(scope, subject) DO UPDATE SET "
        "failures = excluded.failures, window_start = excluded.window_start, "
        "locked_until = excluded.locked_until",
        (scope, subject, failures, start, locked_until),
    )
    return bool(locked_until)


def clear(conn, scope: str, subject: str) -> None:
    """Forget the failures (after a success)."""
    conn.execute("DELETE FROM throttle WHERE scope = ? AND subject = ?", (scope, subject))
