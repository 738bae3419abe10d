"""Notifications to an account holder: in the e-account, by SMS and by e-mail (the outbox).

The sandbox sends nothing: SMS and e-mails are written to the outbox table, where tests, demos
and `python -m sandbox officer outbox` read them.
"""

from __future__ import annotations

from sandbox import times
from sandbox.errors import ApiError


def send(conn, account_id: str, subject: str, body: str) -> None:
    """ "Send" an SMS to the account's phone and an e-mail to its address."""
    row = conn.execute(
        "SELECT phone, email FROM accounts WHERE account_id = ?", (account_id,)
    ).fetchone()
    if row is None:
        return
    now = times.now()
    for channel, recipient in (("sms", row["phone"]), ("email", row["email"])):
        conn.execute(
            "INSERT INTO outbox(channel, recipient, subject, body, account_id, created_at) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            (channel, recipient, subject, body, account_id, now),
        )


def notify(
    conn,
    account_id: str,
    kind: str,
    ar: str,
    en: str,
    application_id: str | None = None,
    billing_no: str | None = None,
) -> None:
    """Record a notification on the e-account and send it by SMS and e-mail."""
    conn.execute(
        "INSERT INTO notifications(account_id, kind, application_id, billing_no, message_ar, "
        "message_en, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
        (account_id, kind, application_id, billing_no, ar, en, times.now()),
    )
    send(conn, account_id, "وزارة الداخلية - MOI e-services", f"{ar}\n{en}")


def since(db, account_id: str, cursor: str | None, limit: str | None) -> dict:
    """The account's notifications after `cursor` (oldest first) and the cursor to pass next."""
    if cursor is not None and not (cursor.isascii() and cursor.isdigit() and len(cursor) <= 18):
        raise ApiError("invalid_cursor", "since")
    try:
        count = 50 if limit is None else int(limit)
    except ValueError:
        raise ApiError("invalid_value", "limit") from None
    if not 1 <= count <= 200:
        raise ApiError("invalid_value", "limit")
    after = int(cursor) if cursor else 0
    with db.transaction() as conn:
        rows = conn.execute(
            "SELECT * FROM notifications WHERE account_id = ? AND id > ? ORDER BY id LIMIT ?",
            (account_id, after, count),
        ).fetchall()
    items = [
        {
            "notification_id": str(r["id"]),
            "kind": r["kind"],
            "application_id": r["application_id"],
            "billing_no": r["billing_no"],
            "message": {"ar": r["message_ar"], "en": r["message_en"]},
            "created_at": times.iso(r["created_at"]),
        }
        for r in rows
    ]
    return {"notifications": items, "next_cursor": str(rows[-1]["id"] if rows else after)}


def outbox(db, recipient: str | None = None, last: int | None = None) -> list[dict]:
    """The SMS and e-mails "sent" (officer view), oldest first; optionally to one recipient."""
    with db.transaction() as conn:
        rows = conn.execute(
            "SELECT o.*, a.username FROM outbox o LEFT JOIN accounts a USING (account_id) "
            "WHERE ? IS NULL OR o.recipient = ? OR a.username = ? ORDER BY o.id",
            (recipient, recipient, recipient),
        ).fetchall()
    items = [dict(r) | {"created_at": times.iso(r["created_at"])} for r in rows]
    return items[-last:] if last else items
