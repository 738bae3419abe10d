"""Drafts: the wizard's work in progress, encrypted, bound to its account, expiring.

One draft per account on this kiosk (`<data_dir>/drafts.sqlite`). After a crash or an idle
logout the same account finds its draft again; nobody else can: rows are looked up by the
account tag (an HMAC of the account id) and every ciphertext carries that tag as its AEAD
associated data, so a row moved to another account's tag does not open. A draft expires
`expiry_h` hours after its last save (config guardrails.draft_expiry_h, 24 h by default).

The wizard saves as the user goes, with the captured page images each time: a page whose bytes
did not change since the last save is not encrypted and written again.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import os
from dataclasses import dataclass

from offline_cache import crypto, migrations
from offline_cache.keys import KeyRing

log = logging.getLogger("kiosk.drafts")


@dataclass(frozen=True)
class SavedDraft:
    """A draft as it was saved: the wizard's data, its step, its page images by page id."""

    draft: dict
    step: str
    files: dict[str, bytes]
    saved_at: dt.datetime
    expires_at: dt.datetime


def _create_v1(conn) -> None:
    conn.execute(
        """CREATE TABLE drafts (
            account_tag TEXT PRIMARY KEY,
            saved_at REAL NOT NULL,
            expires_at REAL NOT NULL,
            wrapped_key BLOB NOT NULL,
            envelope BLOB NOT NULL
        )"""
    )
    conn.execute(
        """CREATE TABLE draft_files (
            account_tag TEXT NOT NULL REFERENCES drafts(account_tag) ON DELETE CASCADE,
            slot INTEGER NOT NULL,
            data BLOB NOT NULL,
            PRIMARY KEY (account_tag, slot)
        )"""
    )


class DraftStore(migrations.Store):
    """The drafts file seen from one thread."""

    NAME = "drafts"
    MIGRATIONS = [_create_v1]

    def __init__(self, path: str | os.PathLike, keyring: KeyRing, expiry_h: float = 24):
        self._kek = keyring.wrapping_key()
        self.expiry = dt.timedelta(hours=expiry_h)
        super().__init__(path)

    def save(
        self, account_id: str, draft: dict, step: str, files: dict[str, bytes], now: dt.datetime
    ) -> None:
        """Replace the account's draft (one transaction); unchanged pages are kept as they are."""
        tag = crypto.account_tag(self._kek, account_id)
        with self.write() as db:
            row = db.execute("SELECT * FROM drafts WHERE account_tag = ?", [tag]).fetchone()
            previous = self._opened(row, tag) if row is not None else None
            if previous is None:
                db.execute("DELETE FROM drafts WHERE account_tag = ?", [tag])
                data_key, old_pages = crypto.new_key(), {}
                wrapped = crypto.wrap(self._kek, data_key, _aad(tag, "key"))
            else:
                data_key, envelope = previous
                old_pages, wrapped = envelope["files"], row["wrapped_key"]
            pages, fresh = {}, []
            free = max((p["slot"] for p in old_pages.values()), default=-1) + 1
            for page_id, content in files.items():
                digest = hashlib.sha256(content).hexdigest()
                old = old_pages.get(page_id)
                if old is not None and old["sha256"] == digest:
                    pages[page_id] = old
                    continue
                slot, free = free, free + 1
                pages[page_id] = {"slot": slot, "sha256": digest}
                sealed = crypto.seal(data_key, content, _aad(tag, "file", str(slot)))
                fresh.append({"account_tag": tag, "slot": slot, "data": sealed})
            envelope = {"draft": draft, "step": step, "files": pages}
            plain = json.dumps(envelope, ensure_ascii=False).encode("utf-8")
            db["drafts"].upsert(
                {
                    "account_tag": tag,
                    "saved_at": now.timestamp(),
                    "expires_at": (now + self.expiry).timestamp(),
                    "wrapped_key": wrapped,
                    "envelope": crypto.seal(data_key, plain, _aad(tag, "envelope")),
                },
                pk="account_tag",
            )
            kept = {page["slot"] for page in pages.values()}
            for old in old_pages.values():
                if old["slot"] not in kept:
                    db.execute(
                        "DELETE FROM draft_files WHERE account_tag = ? AND slot = ?",
                        [tag, old["slot"]],
                    )
            if fresh:
                db["draft_files"].insert_all(fresh)

    def load(self, account_id: str, now: dt.datetime) -> SavedDraft | None:
        """The account's draft, or None (none, expired — then deleted — or unreadable)."""
        tag = crypto.account_tag(self._kek, account_id)
        with self.read() as db:
            row = db.execute("SELECT * FROM drafts WHERE account_tag = ?", [tag]).fetchone()
            if row is None:
                return None
            opened = self._opened(row, tag) if row["expires_at"] > now.timestamp() else None
            if opened is None:
                self.discard(account_id)
                return None
            data_key, envelope = opened
            files = {}
            for page_id, page in envelope["files"].items():
                found = db.execute(
                    "SELECT data FROM draft_files WHERE account_tag = ? AND slot = ?",
                    [tag, page["slot"]],
                ).fetchone()
                try:
                    files[page_id] = crypto.open_(
                        data_key, found["data"], _aad(tag, "file", str(page["slot"]))
                    )
                except (TypeError, crypto.CannotOpen):
                    log.warning("a draft page does not open; the draft is dropped")
                    self.discard(account_id)
                    return None
        return SavedDraft(
            envelope["draft"],
            envelope["step"],
            files,
            _time(row["saved_at"]),
            _time(row["expires_at"]),
        )

    def discard(self, account_id: str) -> None:
        """Forget the account's draft (sent, cancelled or expired)."""
        tag = crypto.account_tag(self._kek, account_id)
        with self.write() as db:
            db.execute("DELETE FROM drafts WHERE account_tag = ?", [tag])
        self.fold_wal()  # its wrapped key must not linger in the WAL

    def purge_expired(self, now: dt.datetime) -> int:
        """Delete every expired draft; how many went."""
        with self.write() as db:
            cursor = db.execute("DELETE FROM drafts WHERE expires_at <= ?", [now.timestamp()])
            gone = cursor.rowcount
        if gone:
            self.fold_wal()
        return gone

    def _opened(self, row, tag: str) -> tuple[bytes, dict] | None:
        """The draft's data key and envelope; None if it does not open under this tag."""
        try:
            data_key = crypto.unwrap(self._kek, row["wrapped_key"], _aad(tag, "key"))
            plain = crypto.open_(data_key, row["envelope"], _aad(tag, "envelope"))
        except crypto.CannotOpen:
            log.warning("a draft does not open under its account; it is dropped")
            return None
        return data_key, json.loads(plain)


def _aad(tag: str, part: str, extra: str = "") -> bytes:
    return f"drafts|{tag}|{part}|{extra}".encode()


def _time(epoch: float) -> dt.datetime:
    return dt.datetime.fromtimestamp(epoch, dt.UTC)
