"""The sandbox's knobs, set on the `serve` command line; the defaults are the realistic ones."""

from __future__ import annotations

from dataclasses import dataclass

from sandbox.passwords import DEFAULT_COST


@dataclass(frozen=True)
class Settings:
    # scrypt N for new password hashes; tests pass a lower one explicitly (--kdf-cost).
    kdf_cost: int = DEFAULT_COST
    # Session tokens are short-lived: a kiosk session lasts minutes.
    token_ttl_s: int = 15 * 60
    # Login throttling per username: this many failures within the window lock it for lock_s.
    login_max_failures: int = 5
    login_window_s: int = 15 * 60
    login_lock_s: int = 5 * 60
    # "Forgot password" per username: at most this many new passwords per hour.
    reset_max_per_hour: int = 3
    # The code an installer types to enroll a kiosk terminal against the sandbox.
    enrollment_code: str = "SANDBOX-ENROLL"
    heartbeat_interval_s: int = 300
