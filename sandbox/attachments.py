"""Attachments: announced with size and SHA-256, uploaded resumably, checked on the last byte."""

from __future__ import annotations

import hashlib
import re

from sandbox import validation as v
from sandbox.errors import ApiError

CONTENT_TYPES = ("image/jpeg", "image/png", "application/pdf")
MAX_SIZE = 10_000_000
CONTENT_RANGE = re.compile(r"bytes ([0-9]{1,12})-([0-9]{1,12})/([0-9]{1,12})")
_KEYS = {"attachment_id", "document_type", "content_type", "size", "sha256", "beneficiary_index"}


def parse_announcements(body: dict, name: str, max_items: int) -> list[dict]:
    """The announced attachments of a body, checked; ids are unique and lower-case."""
    items = body.get(name)
    if items is None:
        raise ApiError("field_required", name)
    if not isinstance(items, list) or len(items) > max_items:
        raise ApiError("invalid_value", name)
    parsed, seen = [], set()
    for i, item in enumerate(items):
        prefix = f"{name}.{i}."
        if not isinstance(item, dict):
            raise ApiError("invalid_value", f"{name}.{i}")
        v.only({k: None for k in item}, _KEYS)
        attachment_id = v.text(item, "attachment_id", max_len=36, pattern=v.UUID, prefix=prefix)
        attachment_id = attachment_id.lower()
        if attachment_id in seen:
            raise ApiError("invalid_value", prefix + "attachment_id")
        seen.add(attachment_id)
        parsed.append(
            {
                "attachment_id": attachment_id,
                "document_type": v.text(item, "document_type", max_len=64, prefix=prefix),
                "content_type": v.choice(item, "content_type", CONTENT_TYPES, prefix=prefix),
                "size": v.integer(item, "size", minimum=1, maximum=MAX_SIZE, prefix=prefix),
                "sha256": v.text(item, "sha256", max_len=64, pattern=v.SHA256, prefix=prefix),
                "beneficiary_index": v.integer(
                    item, "beneficiary_index", minimum=0, maximum=99, required=False, prefix=prefix
                ),
            }
        )
    return parsed


def insert(conn, application_id: str, details_id: str | None, announced: list[dict]) -> None:
    """Record announced attachments; an id already used on the application is refused."""
    for i, a in enumerate(announced):
        used = conn.execute(
            "SELECT 1 FROM attachments WHERE application_id = ? AND attachment_id = ?",
            (application_id, a["attachment_id"]),
        ).fetchone()
        if used:
            raise ApiError("invalid_value", f"attachments.{i}.attachment_id")
        conn.execute(
            "INSERT INTO attachments(application_id, attachment_id, details_id, document_type, "
            "content_type, size, sha256, beneficiary_index) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                application_id,
                a["attachment_id"],
                details_id,
                a["document_type"],
                a["content_type"],
                a["size"],
                a["sha256"],
                a["beneficiary_index"],
            ),
        )


def state(conn, application_id: str, attachment_id: str) -> dict:
    """The contract's AttachmentState, or 404."""
    row = _row(conn, application_id, attachment_id)
    return _state_json(row)


def upload(
    conn, application_id: str, attachment_id: str, content_range: str | None, chunk: bytes
) -> dict | None:
    """Append bytes at the announced offset; verify the SHA-256 when the file is complete.

    Returns the new state, or None when the finished file's hash did not match (its bytes are
    discarded; the caller answers hash_mismatch after committing that).
    """
    row = _row(conn, application_id, attachment_id)
    if row["complete"]:
        return _state_json(row)  # a repeated upload of a finished file is harmless
    received = bytes(row["received"])
    size = row["size"]
    if content_range is None:
        start, received = 0, b""  # the body is the whole file (or its beginning)
    else:
        match = CONTENT_RANGE.fullmatch(content_range.strip())
        if not match:
            raise ApiError("invalid_content_range", "Content-Range")
        start, end, total = (int(g) for g in match.groups())
        if total != size or end < start or end - start + 1 != len(chunk):
            raise ApiError("invalid_content_range", "Content-Range")
        if start != len(received):
            raise ApiError("upload_offset_mismatch", "Content-Range")
    if start + len(chunk) > size:
        raise ApiError("too_large", "attachment")
    received += chunk
    complete = len(received) == size
    if complete and hashlib.sha256(received).hexdigest() != row["sha256"]:
        _store(conn, application_id, row["attachment_id"], b"", False)
        return None
    _store(conn, application_id, row["attachment_id"], received, complete)
    return _state_json(_row(conn, application_id, attachment_id))


def all_complete(conn, application_id: str, details_id: str | None) -> bool:
    """Whether every attachment of the application (or of one details submission) arrived."""
    (missing,) = conn.execute(
        "SELECT COUNT(*) FROM attachments WHERE application_id = ? AND details_id IS ? "
        "AND complete = 0",
        (application_id, details_id),
    ).fetchone()
    return missing == 0


def document_types(conn, application_id: str, details_id: str) -> set[str]:
    """The document types a details submission brought."""
    rows = conn.execute(
        "SELECT document_type FROM attachments WHERE application_id = ? AND details_id = ?",
        (application_id, details_id),
    ).fetchall()
    return {r[0] for r in rows}


def states(conn, application_id: str, details_id: str | None = None) -> list[dict]:
    """The states of the application's attachments (or of one details submission's)."""
    if details_id is None:
        query, args = "application_id = ?", (application_id,)
    else:
        query, args = "application_id = ? AND details_id = ?", (application_id, details_id)
    rows = conn.execute(
        "SELECT attachment_id, document_type, size, sha256, length(received) AS received_bytes, "
        f"complete FROM attachments WHERE {query} ORDER BY rowid",
        args,
    ).fetchall()
    return [_state_json(r) for r in rows]


def _row(conn, application_id: str, attachment_id: str):
    row = conn.execute(
        "SELECT attachment_id, document_type, size, sha256, received, "
        "length(received) AS received_bytes, complete FROM attachments "
        "WHERE application_id = ? AND attachment_id = ?",
        (application_id, attachment_id.lower()),
    ).fetchone()
    if row is None:
        raise ApiError("not_found", "attachment_id")
    return row


def _store(conn, application_id: str, attachment_id: str, data: bytes, complete: bool) -> None:
    conn.execute(
        "UPDATE attachments SET received = ?, complete = ? "
        "WHERE application_id = ? AND attachment_id = ?",
        (data, int(complete), application_id, attachment_id),
    )


def _state_json(row) -> dict:
    return {
        "attachment_id": row["attachment_id"],
        "document_type": row["document_type"],
        "size": row["size"],
        "sha256": row["sha256"],
        "received_bytes": row["received_bytes"],
        "complete": bool(row["complete"]),
    }
