"""The sandbox's SQLite database: schema, one connection, serialised transactions.

The server and the officer command line open the same file (WAL mode, busy timeout), so an
officer's action is visible to the next API call.
"""

from __future__ import annotations

import contextlib
import sqlite3
import threading
from pathlib import Path

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS accounts (
    account_id TEXT PRIMARY KEY, username TEXT NOT NULL UNIQUE COLLATE NOCASE,
    category TEXT NOT NULL, status TEXT NOT NULL, password_hash TEXT NOT NULL,
    must_change_password INTEGER NOT NULL DEFAULT 0,
    full_name TEXT, date_of_birth TEXT, nationality TEXT, national_number TEXT,
    personal_number TEXT, organisation_name TEXT, registration_number TEXT, contact_name TEXT,
    passport_number TEXT, phone TEXT NOT NULL, email TEXT NOT NULL, language TEXT NOT NULL,
    created_at REAL NOT NULL, activated_at REAL);
CREATE TABLE IF NOT EXISTS sessions (
    token_hash TEXT PRIMARY KEY, account_id TEXT NOT NULL, created_at REAL NOT NULL,
    expires_at REAL NOT NULL);
CREATE TABLE IF NOT EXISTS throttle (
    scope TEXT NOT NULL, subject TEXT NOT NULL, failures INTEGER NOT NULL,
    window_start REAL NOT NULL, locked_until REAL NOT NULL DEFAULT 0,
    PRIMARY KEY (scope, subject));
CREATE TABLE IF NOT EXISTS idempotency (
    operation TEXT NOT NULL, key TEXT NOT NULL, account_id TEXT, fingerprint TEXT NOT NULL,
    resource_id TEXT NOT NULL, created_at REAL NOT NULL, PRIMARY KEY (operation, key));
CREATE TABLE IF NOT EXISTS outbox (
    id INTEGER PRIMARY KEY AUTOINCREMENT, channel TEXT NOT NULL, recipient TEXT NOT NULL,
    subject TEXT NOT NULL, body TEXT NOT NULL, account_id TEXT, created_at REAL NOT NULL);
CREATE TABLE IF NOT EXISTS messages (
    message_id TEXT PRIMARY KEY, account_id TEXT NOT NULL, subject TEXT NOT NULL,
    fields_to_change TEXT NOT NULL, reason TEXT NOT NULL, status TEXT NOT NULL,
    created_at REAL NOT NULL);
CREATE TABLE IF NOT EXISTS replies (
    id INTEGER PRIMARY KEY AUTOINCREMENT, message_id TEXT NOT NULL, text TEXT NOT NULL,
    created_at REAL NOT NULL);
CREATE TABLE IF NOT EXISTS devices (
    device_id TEXT PRIMARY KEY, site TEXT NOT NULL, station TEXT, app_version TEXT,
    token_hash TEXT NOT NULL, enrolled_at REAL NOT NULL, last_heartbeat_at REAL,
    last_heartbeat TEXT);
CREATE TABLE IF NOT EXISTS applications (
    application_id TEXT PRIMARY KEY, account_id TEXT NOT NULL, idempotency_key TEXT NOT NULL,
    service_id TEXT NOT NULL, priority TEXT NOT NULL, status TEXT NOT NULL, data TEXT NOT NULL,
    details_request TEXT, approval TEXT, rejection_reason TEXT, device_id TEXT,
    operator_id TEXT, created_at REAL NOT NULL, submitted_at REAL);
CREATE TABLE IF NOT EXISTS history (
    id INTEGER PRIMARY KEY AUTOINCREMENT, application_id TEXT NOT NULL, status TEXT NOT NULL,
    at REAL NOT NULL, note TEXT);
CREATE TABLE IF NOT EXISTS attachments (
    application_id TEXT NOT NULL, attachment_id TEXT NOT NULL, details_id TEXT,
    document_type TEXT NOT NULL, content_type TEXT NOT NULL, size INTEGER NOT NULL,
    sha256 TEXT NOT NULL, beneficiary_index INTEGER, received BLOB NOT NULL DEFAULT x'',
    complete INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (application_id, attachment_id));
CREATE TABLE IF NOT EXISTS details (
    details_id TEXT PRIMARY KEY, application_id TEXT NOT NULL, note TEXT NOT NULL,
    committed INTEGER NOT NULL DEFAULT 0, created_at REAL NOT NULL);
CREATE TABLE IF NOT EXISTS bills (
    billing_no TEXT PRIMARY KEY, application_id TEXT NOT NULL, account_id TEXT NOT NULL,
    amount_fils INTEGER NOT NULL, due_date TEXT NOT NULL, status TEXT NOT NULL,
    description_ar TEXT NOT NULL, description_en TEXT NOT NULL, issued_at REAL NOT NULL,
    paid_at REAL, payment_reference TEXT);
CREATE TABLE IF NOT EXISTS notifications (
    id INTEGER PRIMARY KEY AUTOINCREMENT, account_id TEXT NOT NULL, kind TEXT NOT NULL,
    application_id TEXT, billing_no TEXT, message_ar TEXT NOT NULL, message_en TEXT NOT NULL,
    created_at REAL NOT NULL);
CREATE TABLE IF NOT EXISTS counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL);
"""


class Database:
    """One SQLite connection shared by the server's threads; writes are serialised by a lock."""

    def __init__(self, path: str | Path):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._conn = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None)
        self._conn.row_factory = sqlite3.Row
        self._conn.execute("PRAGMA journal_mode=WAL")
        self._conn.execute("PRAGMA busy_timeout=10000")
        self._lock = threading.RLock()
        self._depth = 0
        self._conn.executescript(SCHEMA)

    @contextlib.contextmanager
    def transaction(self):
        """One atomic unit of work; nested uses join the outer transaction."""
        with self._lock:
            if self._depth:
                self._depth += 1
                try:
                    yield self._conn
                finally:
                    self._depth -= 1
                return
            self._conn.execute("BEGIN IMMEDIATE")
            self._depth = 1
            try:
                yield self._conn
            except BaseException:
                self._conn.execute("ROLLBACK")
                raise
            else:
                self._conn.execute("COMMIT")
            finally:
                self._depth = 0

    def next_id(self, name: str, prefix: str, width: int = 6) -> str:
        """The next readable identifier of a kind (APP-000001, ACC-000001, …)."""
        with self.transaction() as conn:
            conn.execute(
                "INSERT INTO counters(name, value) VALUES (?, 1) "
                "ON CONFLICT(name) DO UPDATE SET value = value + 1",
                (name,),
            )
            (value,) = conn.execute("SELECT value FROM counters WHERE name = ?", (name,)).fetchone()
        return f"{prefix}{value:0{width}d}"

    def close(self) -> None:
        with self._lock:
            self._conn.close()
