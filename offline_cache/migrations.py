"""How the outbox and drafts open their SQLite files: pragmas, versioned schema, transactions.

The schema is a list of migration functions applied in order; the file's version is
`PRAGMA user_version`, bumped in the same transaction as its step, so a crash mid-migration
leaves the previous version intact. Every store connection runs in WAL mode (readers never
block the writer, a crash never corrupts) with `secure_delete` (deleted rows are overwritten,
not left in free pages). Transactions are explicit `BEGIN IMMEDIATE`: two connections (the GUI
thread, the sync worker) never deadlock upgrading a read lock to a write lock.

SQLite and OS errors never reach callers as such: they become KioskError with a message for the
user ("<store>.disk_full" when the disk is full, "<store>.unavailable" otherwise).
"""

from __future__ import annotations

import contextlib
import errno
import logging
import os
import sqlite3
from collections.abc import Callable, Iterator, Sequence

import sqlite_utils

from kiosk.errors import KioskError
from kiosk.texts import Bilingual

log = logging.getLogger("kiosk.storage")

Migration = Callable[[sqlite3.Connection], None]
SQLITE_FULL = 13
BUSY_TIMEOUT_S = 30.0  # how long a write waits for another connection's transaction
FOLD_WAIT_MS = 500

DISK_FULL = Bilingual(
    ar="ذاكرة جهاز الخدمة ممتلئة، لذلك لم يُحفظ هذا. ما حفظته سابقاً لم يُفقد. "
    "يرجى استخدام جهاز آخر أو إبلاغ الموظف المختص.",
    en="This kiosk's storage is full, so this was not saved. Nothing saved before is lost. "
    "Please use another kiosk or tell a member of staff.",
)
UNAVAILABLE = Bilingual(
    ar="تعذّر استخدام ذاكرة جهاز الخدمة الآن. ما حفظته سابقاً لم يُفقد. "
    "يرجى المحاولة بعد قليل أو إبلاغ الموظف المختص.",
    en="This kiosk's storage cannot be used right now. Nothing saved before is lost. "
    "Please try again in a moment or tell a member of staff.",
)


class Store:
    """A store file at its newest schema, seen from one thread (a connection is per thread).

    Subclasses name the store (`NAME`, the prefix of its error codes) and its `MIGRATIONS`.
    """

    NAME: str = ""
    MIGRATIONS: Sequence[Migration] = ()

    def __init__(self, path: str | os.PathLike):
        self.path = os.fspath(path)
        self.db = open_database(self.path, self.NAME, self.MIGRATIONS)
        self._durable = True

    def close(self) -> None:
        """Fold the WAL back into the file (old page images go with it) and close."""
        self.fold_wal()
        self.db.conn.close()

    def fold_wal(self) -> None:
        """Checkpoint and truncate the WAL, so page images of deleted rows (with
        `secure_delete`, the main file is already overwritten) leave the disk now, not at the
        next close: a kiosk runs for days. Best effort: when another connection is busy, the
        next fold takes them."""
        with contextlib.suppress(sqlite3.Error):
            self.db.execute(f"PRAGMA busy_timeout = {FOLD_WAIT_MS}")  # never hold up for long
            try:
                self.db.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
            finally:
                self.db.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")

    @contextlib.contextmanager
    def write(self, durable: bool = False) -> Iterator[sqlite_utils.Database]:
        """A write transaction. `durable`: fsync at commit, for what the user is told is saved;
        other writes may be lost to a power cut (never to a crash) and skip the fsync."""
        with storage_errors(self.NAME):
            if durable != self._durable:
                self.db.execute(f"PRAGMA synchronous = {'FULL' if durable else 'NORMAL'}")
                self._durable = durable
            with transaction(self.db.conn):
                yield self.db

    @contextlib.contextmanager
    def read(self) -> Iterator[sqlite_utils.Database]:
        """Reads whose SQLite errors become KioskError."""
        with storage_errors(self.NAME):
            yield self.db


def open_database(
    path: str | os.PathLike,
    store: str,
    migrations: Sequence[Migration],
    timeout_s: float = BUSY_TIMEOUT_S,
) -> sqlite_utils.Database:
    """Open (creating if needed) a store file at the newest schema version."""
    with storage_errors(store):
        conn = sqlite3.connect(os.fspath(path), isolation_level=None, timeout=timeout_s)
        try:
            conn.row_factory = sqlite3.Row
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA secure_delete=ON")
            conn.execute("PRAGMA foreign_keys=ON")
            conn.execute("PRAGMA synchronous=FULL")
            migrate(conn, store, migrations)
        except BaseException:
            conn.close()
            raise
    return sqlite_utils.Database(conn)


def migrate(conn: sqlite3.Connection, store: str, migrations: Sequence[Migration]) -> int:
    """Apply the steps the file has not had yet, one transaction each; the resulting version."""
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if version > len(migrations):
        # A newer kiosk wrote this file; an older one must not guess at its schema.
        log.error("%s: schema version %d is newer than this kiosk's", store, version)
        raise KioskError(f"{store}.unavailable", UNAVAILABLE)
    for number in range(version, len(migrations)):
        with transaction(conn):
            # Re-read inside the write lock: another process may have migrated meanwhile.
            if conn.execute("PRAGMA user_version").fetchone()[0] > number:
                continue
            migrations[number](conn)
            conn.execute(f"PRAGMA user_version = {number + 1}")
    return len(migrations)


@contextlib.contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """BEGIN IMMEDIATE … COMMIT, rolled back on any exception."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
        conn.execute("COMMIT")  # may fail too (a full disk shows when the WAL is written)
    except BaseException:
        if conn.in_transaction:  # SQLITE_FULL may already have rolled it back
            conn.rollback()
        raise


@contextlib.contextmanager
def storage_errors(store: str) -> Iterator[None]:
    """Turn sqlite3 and OS errors into KioskError with a bilingual message."""
    try:
        yield
    except sqlite3.Error as e:
        if getattr(e, "sqlite_errorcode", None) == SQLITE_FULL:
            log.error("%s: disk full", store)
            raise KioskError(f"{store}.disk_full", DISK_FULL) from None
        log.error("%s: SQLite error (%s)", store, getattr(e, "sqlite_errorname", type(e).__name__))
        raise KioskError(f"{store}.unavailable", UNAVAILABLE) from None
    except OSError as e:
        if e.errno == errno.ENOSPC:
            log.error("%s: disk full", store)
            raise KioskError(f"{store}.disk_full", DISK_FULL) from None
        log.error("%s: OS error (%s)", store, errno.errorcode.get(e.errno or 0, "?"))
        raise KioskError(f"{store}.unavailable", UNAVAILABLE) from None
