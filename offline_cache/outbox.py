"""The outbox: sealed applications, details and edits waiting to be delivered, encrypted at rest.

Sealing writes the item row and its attachments' rows in ONE transaction, durably, before the UI
may say "saved". The sync engine (kiosk.sync) then claims one item at a time under a lease
("sending": locked against edits and withdrawal), delivers it, and `delivered()` deletes it with
its blobs and wrapped key in one transaction, leaving a small receipt without personal data. A
crash mid-delivery leaves the item "sending" until its lease expires; then it is claimed again
and delivered again, which the server's idempotency keys make harmless.

At rest, everything personal (account id, application data, notes, fields, attachment bytes,
the server's message about a rejection) is encrypted with the item's own AES-GCM data key, which
is stored only wrapped by the keyring's wrapping key. Clear columns hold what the engine needs
to schedule: kind, state, times, attempts, an error code, the server's ids, and an account tag
(HMAC of the account id) so one account's items can be listed without a clear id.

One Outbox object per thread: SQLite connections are not shared between threads.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import os
import uuid
from dataclasses import dataclass

from kiosk.errors import KioskError, Problem
from kiosk.texts import Bilingual
from offline_cache import crypto, migrations
from offline_cache.keys import KeyRing

log = logging.getLogger("kiosk.outbox")

STORE = "outbox"
KINDS = ("application", "details", "edit")
STATES = ("sealed", "sending", "needs_attention")
CONTENT_TYPES = ("image/jpeg", "application/pdf", "image/png")
PRIORITIES = ("normal", "urgent")
MAX_FILE_BYTES = 10_000_000  # the contract's limit per attachment
LOCAL_REF = "local:"
# Nothing the engine schedules lies further ahead than this (backoff cap 10 min, lease 5 min, a
# server's Retry-After is capped to it). A time further ahead means the clock was set back (NTP
# correcting a kiosk that ran fast): waiting for it would hold the item for as long, so it is due.
MAX_AHEAD_S = 3600.0

LOCKED = Bilingual(
    ar="هذا الطلب قيد الإرسال الآن ولا يمكن تغييره. يرجى المحاولة بعد قليل.",
    en="This request is being sent right now and cannot be changed. Please try again shortly.",
)
NOT_FOUND = Bilingual(
    ar="لم يعد هذا الطلب موجوداً على هذا الجهاز.",
    en="This request is no longer on this kiosk.",
)
UNREADABLE = Bilingual(
    ar="تعذّرت قراءة طلب محفوظ على هذا الجهاز. يرجى إبلاغ الموظف المختص.",
    en="A request saved on this kiosk cannot be read. Please tell a member of staff.",
)
APPLICATION_NOT_DELIVERED = Bilingual(
    ar="لم يُرسل الطلب الأصلي لأن الوزارة رفضته، لذلك لم تُرسل هذه الإضافة.",
    en="The request this belongs to was refused by the ministry, so this was not sent.",
)
ALREADY_SEALED = Bilingual(
    ar="هذا الطلب محفوظ مسبقًا وسيُرسل أو أُرسل إلى الوزارة. تجده في «طلباتي».",
    en="This request was saved already and will be, or has been, sent to the ministry. "
    "You will find it in \u201cMy requests\u201d.",
)


@dataclass(frozen=True)
class SealFile:
    """An attachment to seal: its bytes and what it is (hash and size are computed at seal)."""

    document_type: str
    content_type: str
    data: bytes
    beneficiary_index: int | None = None


@dataclass(frozen=True)
class Sealed:
    """What sealing gives back: the item, its idempotency key and when it was sealed."""

    item_id: str
    idempotency_key: str
    sealed_at: dt.datetime

    @property
    def reference(self) -> str:
        """The local reference printed on the receipt until the server's id is known."""
        return local_reference(self.idempotency_key)


@dataclass(frozen=True)
class ClaimedItem:
    """An item the deliverer holds under a lease until `lease_until`."""

    item_id: str
    kind: str
    attempts: int
    remote_id: str | None
    lease_until: dt.datetime


@dataclass(frozen=True)
class PendingItem:
    """One of an account's items not delivered yet, for "my requests" (decrypted)."""

    item_id: str
    kind: str
    state: str
    service_id: str | None
    sealed_at: dt.datetime
    application_ref: str | None
    problem: Problem | None
    reference: str


@dataclass(frozen=True)
class Receipt:
    """A delivered item: which server application it became (or belongs to)."""

    item_id: str
    kind: str
    remote_id: str
    delivered_at: dt.datetime


def local_reference(idempotency_key: str) -> str:
    """ "KSK-" and the key's first 8 characters: what the user's receipt shows while offline."""
    return "KSK-" + idempotency_key[:8].upper()


def _create_v1(conn) -> None:
    conn.execute(
        """CREATE TABLE items (
            item_id TEXT PRIMARY KEY,
            kind TEXT NOT NULL,
            account_tag TEXT NOT NULL,
            state TEXT NOT NULL CHECK (state IN ('sealed', 'sending', 'needs_attention')),
            sealed_at REAL NOT NULL,
            next_attempt_at REAL NOT NULL,
            lease_until REAL,
            attempts INTEGER NOT NULL DEFAULT 0,
            last_error TEXT,
            depends_on TEXT,
            remote_id TEXT,
            wrapped_key BLOB NOT NULL,
            envelope BLOB NOT NULL,
            problem BLOB
        )"""
    )
    conn.execute("CREATE INDEX items_due ON items(state, next_attempt_at)")
    conn.execute("CREATE INDEX items_account ON items(account_tag)")
    conn.execute(
        """CREATE TABLE blobs (
            item_id TEXT NOT NULL REFERENCES items(item_id) ON DELETE CASCADE,
            attachment_id TEXT NOT NULL,
            data BLOB NOT NULL,
            PRIMARY KEY (item_id, attachment_id)
        )"""
    )
    conn.execute(
        """CREATE TABLE delivered (
            item_id TEXT PRIMARY KEY,
            account_tag TEXT NOT NULL,
            kind TEXT NOT NULL,
            remote_id TEXT NOT NULL,
            delivered_at REAL NOT NULL
        )"""
    )
    conn.execute("CREATE INDEX delivered_account ON delivered(account_tag)")


MIGRATIONS = [_create_v1]


class Outbox(migrations.Store):
    """The outbox file (`<data_dir>/outbox.sqlite`) seen from one thread."""

    NAME = STORE
    MIGRATIONS = MIGRATIONS

    def __init__(self, path: str | os.PathLike, keyring: KeyRing):
        self._kek = keyring.wrapping_key()
        self._gone = False  # items deleted since the last scrub
        super().__init__(path)

    # ------------------------------------------------------------ sealing

    def seal_application(
        self,
        account_id: str,
        service_id: str,
        priority: str,
        data: dict,
        files: list[SealFile],
        device_id: str,
        now: dt.datetime,
        item_id: str | None = None,
    ) -> Sealed:
        """Seal an application with its attachments (one durable transaction).

        `item_id`: the draft's identity, so one draft is sealed once (KioskError
        "outbox.already_sealed" the second time, while the item or its receipt is here)."""
        if priority not in PRIORITIES:
            raise ValueError(f"priority must be one of {PRIORITIES}")
        body = {"service_id": service_id, "priority": priority, "data": data}
        if device_id:
            body["device_id"] = device_id
        return self._seal("application", account_id, body, None, files, now, item_id)

    def seal_details(
        self,
        account_id: str,
        application_ref: str,
        note: str,
        files: list[SealFile],
        now: dt.datetime,
    ) -> Sealed:
        """Seal additional details (a note and/or attachments) for an application."""
        if not note.strip() and not files:
            raise ValueError("details need a note or an attachment")
        return self._seal("details", account_id, {"note": note}, application_ref, files, now)

    def seal_edit(
        self, account_id: str, application_ref: str, fields: dict, now: dt.datetime
    ) -> Sealed:
        """Seal an edit of the fields the ministry asked for (path → new value)."""
        if not fields:
            raise ValueError("an edit needs at least one field")
        return self._seal("edit", account_id, {"fields": fields}, application_ref, [], now)

    def _seal(self, kind, account_id, body, application_ref, files, now, item_id=None) -> Sealed:
        if not account_id:
            raise ValueError("an item belongs to an account")
        item_id = item_id or uuid.uuid4().hex
        key = str(uuid.uuid4())
        tag = crypto.account_tag(self._kek, account_id)
        data_key = crypto.new_key()
        metas, blobs = [], []
        for f in files:
            meta = _file_meta(f)
            metas.append(meta)
            aad = _aad(item_id, "file", meta["attachment_id"])
            blobs.append((meta["attachment_id"], crypto.seal(data_key, f.data, aad)))
        envelope = {
            "kind": kind,
            "account_id": account_id,
            "idempotency_key": key,
            "application_ref": application_ref,
            "body": body,
            "files": metas,
        }
        at = now.timestamp()
        with self.write(durable=True) as db:
            if self._known(db, item_id):
                raise KioskError("outbox.already_sealed", ALREADY_SEALED)
            depends_on = self._dependency(db, application_ref, tag) if application_ref else None
            db["items"].insert(
                {
                    "item_id": item_id,
                    "kind": kind,
                    "account_tag": tag,
                    "state": "sealed",
                    "sealed_at": at,
                    "next_attempt_at": at,
                    "attempts": 0,
                    "depends_on": depends_on,
                    "wrapped_key": crypto.wrap(self._kek, data_key, _aad(item_id, "key")),
                    "envelope": self._seal_json(data_key, item_id, "envelope", envelope, tag),
                }
            )
            for attachment_id, blob in blobs:
                db["blobs"].insert(
                    {"item_id": item_id, "attachment_id": attachment_id, "data": blob}
                )
        log.info("sealed %s %s with %d attachment(s)", kind, item_id, len(blobs))
        return Sealed(item_id, key, _time(at))

    @staticmethod
    def _known(db, item_id: str) -> bool:
        """Whether `item_id` is waiting here or was delivered from here."""
        return any(
            db.execute(f"SELECT 1 FROM {table} WHERE item_id = ?", [item_id]).fetchone()
            for table in ("items", "delivered")
        )

    def sealed_already(self, account_id: str, item_id: str) -> bool:
        """Whether the account's item `item_id` (a draft's identity) is sealed or delivered."""
        tag = crypto.account_tag(self._kek, account_id)
        with self.read() as db:
            return any(
                db.execute(
                    f"SELECT 1 FROM {table} WHERE item_id = ? AND account_tag = ?", [item_id, tag]
                ).fetchone()
                for table in ("items", "delivered")
            )

    def _dependency(self, db, application_ref: str, tag: str) -> str | None:
        """The local application an item waits for; None when the server id is known."""
        if not application_ref.startswith(LOCAL_REF):
            return None
        local = application_ref[len(LOCAL_REF) :]
        waiting = db.execute(
            "SELECT 1 FROM items WHERE item_id = ? AND kind = 'application' AND account_tag = ?",
            [local, tag],
        ).fetchone()
        if waiting:
            return local
        done = db.execute(
            "SELECT 1 FROM delivered WHERE item_id = ? AND kind = 'application' "
            "AND account_tag = ?",
            [local, tag],
        ).fetchone()
        if done:
            return None
        raise KioskError("outbox.not_found", NOT_FOUND)

    # ------------------------------------------------------------ delivering

    def claim_next(self, now: dt.datetime, lease_s: float) -> ClaimedItem | None:
        """Take the oldest due item under a lease: sealed and due, or sending with its lease over
        (its deliverer crashed). An item waiting for its application is never due; one whose
        time lies more than MAX_AHEAD_S ahead is (the clock was set back)."""
        if not 0 < lease_s <= MAX_AHEAD_S:
            raise ValueError(f"a lease lasts up to {MAX_AHEAD_S} s")
        at = now.timestamp()
        ahead = at + MAX_AHEAD_S
        with self.write() as db:
            row = db.execute(
                "SELECT item_id, kind, attempts, remote_id FROM items "
                "WHERE depends_on IS NULL AND ("
                "(state = 'sealed' AND (next_attempt_at <= ? OR next_attempt_at > ?)) "
                "OR (state = 'sending' AND (lease_until <= ? OR lease_until > ?))) "
                "ORDER BY sealed_at, item_id LIMIT 1",
                [at, ahead, at, ahead],
            ).fetchone()
            if row is None:
                return None
            until = at + lease_s
            db.execute(
                "UPDATE items SET state = 'sending', lease_until = ? WHERE item_id = ?",
                [until, row["item_id"]],
            )
        return ClaimedItem(
            row["item_id"], row["kind"], row["attempts"], row["remote_id"], _time(until)
        )

    def next_due_at(self, now: dt.datetime | None = None) -> dt.datetime | None:
        """When the next item becomes due (for the worker's sleep); None if nothing waits.

        Given `now`, a time more than MAX_AHEAD_S after it counts as `now` (see claim_next)."""
        ahead = now.timestamp() + MAX_AHEAD_S if now is not None else None
        with self.read() as db:
            (at,) = db.execute(
                "SELECT MIN(CASE WHEN ? IS NOT NULL AND due > ? THEN ? ELSE due END) FROM ("
                "SELECT CASE state WHEN 'sealed' THEN next_attempt_at ELSE lease_until END AS due "
                "FROM items WHERE depends_on IS NULL AND state IN ('sealed', 'sending'))",
                [ahead, ahead, None if now is None else now.timestamp()],
            ).fetchone()
        return None if at is None else _time(at)

    def payload(self, item: ClaimedItem | str) -> dict:
        """The item decrypted: kind, account, key, body, files and the application it is for.

        "application_id" is the server's id of the application a details/edit item is for
        (resolved from the receipts when it was sealed as "local:<item_id>").
        """
        item_id = item if isinstance(item, str) else item.item_id
        with self.read() as db:
            row = self._row(db, item_id, "wrapped_key, envelope, account_tag, remote_id")
            envelope = self._open_json(
                row, item_id, "envelope", row["envelope"], row["account_tag"]
            )
            ref = envelope["application_ref"]
            if ref and ref.startswith(LOCAL_REF):
                found = db.execute(
                    "SELECT remote_id FROM delivered WHERE item_id = ?", [ref[len(LOCAL_REF) :]]
                ).fetchone()
                envelope["application_id"] = found["remote_id"] if found else None
            else:
                envelope["application_id"] = ref
        envelope["remote_id"] = row["remote_id"]
        return envelope

    def file_bytes(self, item_id: str, attachment_id: str) -> bytes:
        """One attachment's bytes, decrypted."""
        with self.read() as db:
            row = self._row(db, item_id, "wrapped_key")
            blob = db.execute(
                "SELECT data FROM blobs WHERE item_id = ? AND attachment_id = ?",
                [item_id, attachment_id],
            ).fetchone()
            if blob is None:
                raise KioskError("outbox.not_found", NOT_FOUND)
            return self._open(row, item_id, blob["data"], _aad(item_id, "file", attachment_id))

    def extend_lease(self, item_id: str, until: dt.datetime) -> None:
        """Keep holding an item whose delivery takes long (large attachments, a slow line)."""
        with self.write() as db:
            db.execute(
                "UPDATE items SET lease_until = ? WHERE item_id = ? AND state = 'sending'",
                [until.timestamp(), item_id],
            )

    def record_remote_id(self, item_id: str, remote_id: str) -> None:
        """The server's id for the announced item (an id, not personal data: kept clear)."""
        with self.write() as db:
            db.execute("UPDATE items SET remote_id = ? WHERE item_id = ?", [remote_id, item_id])

    def delivered(self, item_id: str, remote_id: str, now: dt.datetime) -> None:
        """The server confirmed: one transaction keeps a receipt and deletes the item, its blobs
        and its wrapped key (so its ciphertext can never be opened again). Repeating it is
        harmless."""
        with self.write() as db:
            row = db.execute(
                "SELECT kind, account_tag FROM items WHERE item_id = ?", [item_id]
            ).fetchone()
            if row is None:
                return  # already delivered (by a deliverer whose lease ran out meanwhile)
            db["delivered"].insert(
                {
                    "item_id": item_id,
                    "account_tag": row["account_tag"],
                    "kind": row["kind"],
                    "remote_id": remote_id,
                    "delivered_at": now.timestamp(),
                },
                replace=True,
            )
            # The blobs are shredded by destroying their key (the items row, overwritten below);
            # overwriting their ciphertext (about 1 MB an application) with zeros as well would
            # double the disk writes of every delivery for nothing.
            db.execute("PRAGMA secure_delete=OFF")
            try:
                db.execute("DELETE FROM blobs WHERE item_id = ?", [item_id])
            finally:
                db.execute("PRAGMA secure_delete=ON")
            db.execute("DELETE FROM items WHERE item_id = ?", [item_id])
            # Items sealed against "local:<this item>" can go now.
            db.execute("UPDATE items SET depends_on = NULL WHERE depends_on = ?", [item_id])
        self._gone = True  # its wrapped key lingers in the WAL until `scrub()`
        log.info("delivered %s %s", row["kind"], item_id)

    def scrub(self) -> None:
        """Fold the WAL if items were delivered since the last scrub, so their wrapped keys
        leave the disk (secure_delete already overwrote them in the main file). The deliverer
        calls it when it runs out of due items: once per burst, not once per item."""
        if self._gone:
            self.fold_wal()
            self._gone = False

    def retry_later(self, item_id: str, reason_code: str, next_attempt_at: dt.datetime) -> None:
        """Delivery failed for a passing reason: back to "sealed", due again at the given time."""
        with self.write() as db:
            db.execute(
                "UPDATE items SET state = 'sealed', lease_until = NULL, attempts = attempts + 1, "
                "last_error = ?, next_attempt_at = ? WHERE item_id = ? AND state = 'sending'",
                [reason_code, next_attempt_at.timestamp(), item_id],
            )

    def needs_attention(self, item_id: str, code: str, message: Bilingual | dict) -> None:
        """The server refused the item for good: keep it, with the reason, for a person to see.

        Items waiting for this one (details or edits of this application) cannot be sent either.
        """
        if isinstance(message, dict):
            message = Bilingual.from_dict(message)
        with self.write() as db:
            self._set_problem(db, item_id, code, message)
            dependents = db.execute(
                "SELECT item_id FROM items WHERE depends_on = ?", [item_id]
            ).fetchall()
            for dependent in dependents:
                self._set_problem(
                    db,
                    dependent["item_id"],
                    "outbox.application_not_delivered",
                    APPLICATION_NOT_DELIVERED,
                )
        log.warning("%s needs attention: %s", item_id, code)

    def _set_problem(self, db, item_id: str, code: str, message: Bilingual) -> None:
        row = db.execute("SELECT wrapped_key FROM items WHERE item_id = ?", [item_id]).fetchone()
        if row is None:
            return
        problem = json.dumps({"code": code, "message": message.to_dict()}).encode("utf-8")
        try:
            sealed = crypto.seal(self._data_key(row, item_id), problem, _aad(item_id, "problem"))
        except KioskError:  # its key is lost: the code alone says what is wrong
            sealed = None
        db.execute(
            "UPDATE items SET state = 'needs_attention', lease_until = NULL, last_error = ?, "
            "problem = ? WHERE item_id = ?",
            [code, sealed, item_id],
        )

    # ------------------------------------------------------------ what the user and staff see

    def status(self, now: dt.datetime | None = None) -> dict:
        """Counts per state and the age of the oldest item waiting to be sent (see `status_of`)."""
        with self.read() as db:
            return _status(db, now)

    def pending_for(self, account_id: str) -> list[PendingItem]:
        """The account's items not delivered yet, oldest first (decrypts only theirs)."""
        tag = crypto.account_tag(self._kek, account_id)
        with self.read() as db:
            rows = db.execute(
                "SELECT * FROM items WHERE account_tag = ? ORDER BY sealed_at, item_id", [tag]
            ).fetchall()
            pending = [self._pending(row, tag) for row in rows]
        return pending

    def _pending(self, row, tag: str) -> PendingItem:
        item_id = row["item_id"]
        try:
            envelope = self._open_json(row, item_id, "envelope", row["envelope"], tag)
        except KioskError as e:  # still listed, so the user and staff see that it is there
            return PendingItem(
                item_id, row["kind"], row["state"], None, _time(row["sealed_at"]), None,
                e.problem, local_reference(item_id),
            )  # fmt: skip
        problem = None
        if row["problem"] is not None:
            found = self._open_json(row, item_id, "problem", row["problem"])
            problem = Problem(found["code"], "", Bilingual.from_dict(found["message"]))
        elif row["state"] == "needs_attention":
            problem = Problem(row["last_error"] or "outbox.unreadable", "", UNREADABLE)
        return PendingItem(
            item_id=item_id,
            kind=row["kind"],
            state=row["state"],
            service_id=envelope["body"].get("service_id"),
            sealed_at=_time(row["sealed_at"]),
            application_ref=envelope["application_ref"],
            problem=problem,
            reference=local_reference(envelope["idempotency_key"]),
        )

    def receipts_for(self, account_id: str) -> list[Receipt]:
        """The account's delivered items and the server application each became or joined."""
        tag = crypto.account_tag(self._kek, account_id)
        with self.read() as db:
            rows = db.execute(
                "SELECT item_id, kind, remote_id, delivered_at FROM delivered "
                "WHERE account_tag = ? ORDER BY delivered_at, item_id",
                [tag],
            ).fetchall()
        return [
            Receipt(r["item_id"], r["kind"], r["remote_id"], _time(r["delivered_at"])) for r in rows
        ]

    def withdraw(self, item_id: str, account_id: str) -> None:
        """The account takes back an item not sent yet (with what waits for it); refused while
        it is being sent, since the server may already have it."""
        tag = crypto.account_tag(self._kek, account_id)
        with self.write(durable=True) as db:
            row = db.execute(
                "SELECT state FROM items WHERE item_id = ? AND account_tag = ?", [item_id, tag]
            ).fetchone()
            if row is None:
                raise KioskError("outbox.not_found", NOT_FOUND)
            dependents = db.execute(
                "SELECT item_id, state FROM items WHERE depends_on = ?", [item_id]
            ).fetchall()
            states = {row["state"]} | {d["state"] for d in dependents}
            if "sending" in states:
                raise KioskError("outbox.locked", LOCKED)
            for doomed in [item_id, *(d["item_id"] for d in dependents)]:
                db.execute("DELETE FROM items WHERE item_id = ?", [doomed])
        self.fold_wal()
        log.info("withdrawn %s", item_id)

    # ------------------------------------------------------------ plumbing

    def _row(self, db, item_id: str, columns: str):
        row = db.execute(f"SELECT {columns} FROM items WHERE item_id = ?", [item_id]).fetchone()
        if row is None:
            raise KioskError("outbox.not_found", NOT_FOUND)
        return row

    def _data_key(self, row, item_id: str) -> bytes:
        try:
            return crypto.unwrap(self._kek, row["wrapped_key"], _aad(item_id, "key"))
        except crypto.CannotOpen:
            log.error("%s: the wrapped key does not open", item_id)
            raise KioskError("outbox.unreadable", UNREADABLE) from None

    def _open(self, row, item_id: str, blob: bytes, aad: bytes) -> bytes:
        try:
            return crypto.open_(self._data_key(row, item_id), blob, aad)
        except crypto.CannotOpen:
            log.error("%s: a sealed part does not open", item_id)
            raise KioskError("outbox.unreadable", UNREADABLE) from None

    def _seal_json(self, data_key, item_id, part, value, tag="") -> bytes:
        plain = json.dumps(value, ensure_ascii=False).encode("utf-8")
        return crypto.seal(data_key, plain, _aad(item_id, part, tag))

    def _open_json(self, row, item_id, part, blob, tag="") -> dict:
        return json.loads(self._open(row, item_id, blob, _aad(item_id, part, tag)))


def status_of(path: str | os.PathLike, now: dt.datetime | None = None) -> dict:
    """The status of the outbox file at `path` without its keys (nothing is decrypted): for
    support staff and monitoring. A missing file is an empty outbox (and is not created)."""
    if not os.path.exists(path):
        return _status(None, now)
    db = migrations.open_database(path, STORE, MIGRATIONS)
    try:
        with migrations.storage_errors(STORE):
            return _status(db, now)
    finally:
        db.conn.close()


def _status(db, now: dt.datetime | None) -> dict:
    """Counts per state and the age of the oldest item waiting to be sent (no personal data).

    Items needing attention wait for a person, not for the network, so they are counted but do
    not age the outbox.
    """
    counts = dict.fromkeys(STATES, 0)
    delivered, oldest = 0, None
    if db is not None:
        for row in db.execute("SELECT state, COUNT(*) AS n FROM items GROUP BY state"):
            counts[row["state"]] = row["n"]
        (delivered,) = db.execute("SELECT COUNT(*) FROM delivered").fetchone()
        (oldest,) = db.execute(
            "SELECT MIN(sealed_at) FROM items WHERE state IN ('sealed', 'sending')"
        ).fetchone()
    now = now or dt.datetime.now(dt.UTC)
    age = None if oldest is None else max(0, int(now.timestamp() - oldest))
    return counts | {"delivered": delivered, "oldest_undelivered_age_s": age}


def _file_meta(f: SealFile) -> dict:
    if f.content_type not in CONTENT_TYPES:
        raise ValueError(f"content type must be one of {CONTENT_TYPES}")
    if not 0 < len(f.data) <= MAX_FILE_BYTES:
        raise ValueError("an attachment has 1 byte to 10 MB")
    meta = {
        "attachment_id": str(uuid.uuid4()),
        "document_type": f.document_type,
        "content_type": f.content_type,
        "size": len(f.data),
        "sha256": hashlib.sha256(f.data).hexdigest(),
    }
    if f.beneficiary_index is not None:
        meta["beneficiary_index"] = f.beneficiary_index
    return meta


def _aad(item_id: str, part: str, extra: str = "") -> bytes:
    return f"outbox|{item_id}|{part}|{extra}".encode()


def _time(epoch: float) -> dt.datetime:
    return dt.datetime.fromtimestamp(epoch, dt.UTC)
