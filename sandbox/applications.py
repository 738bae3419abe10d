"""Applications: announce with attachments' hashes, upload, commit; details, edits, decisions.

Statuses: receiving → submitted → under_review ⇄ details_requested → approved | rejected.
The officer's transitions (review, request details, approve, reject) live here too, so the
command line and the API move an application by the same rules.
"""

from __future__ import annotations

import datetime as dt
import re

from sandbox import (
    attachments,
    catalog,
    fees,
    idempotency,
    notify,
    payments,
    rules,
    strictjson,
    times,
)
from sandbox import validation as v
from sandbox.errors import ApiError

DETAILS_ID = re.compile(r"DET-[0-9]{6,36}")
OPEN = ("submitted", "under_review", "details_requested")
STATUS_TEXT = {
    "submitted": ("تم استلام طلبك", "Your application was received"),
    "under_review": ("طلبك قيد الدراسة", "Your application is under review"),
    "details_requested": (
        "مطلوب تفاصيل إضافية على طلبك",
        "More details are requested on your application",
    ),
    "approved": ("تمت الموافقة على طلبك", "Your application was approved"),
    "rejected": ("تم رفض طلبك", "Your application was rejected"),
}


# ---------------------------------------------------------------- applicant side


def create(
    db, account_id: str, body: dict, key: str, delivered_by: str | None = None
) -> tuple[dict, bool]:
    """Announce an application; the same key and body answer the same one (replayed=True).

    `delivered_by`: the terminal that delivered it for the account (device credentials); it is
    recorded as the application's device, whatever the body says.
    """
    print_ = idempotency.fingerprint(body)
    with db.transaction() as conn:
        existing = idempotency.recall(conn, "application", key, account_id, print_)
        if existing is not None:
            return application_json(conn, existing, replayed=True), True
    v.only(body, {"service_id", "priority", "data", "attachments", "device_id", "operator_id"})
    service_id = v.text(body, "service_id", max_len=64)
    service = catalog.service(service_id)
    if service is None:
        raise ApiError("invalid_value", "service_id")
    priority = v.choice(body, "priority", ("normal", "urgent"))
    data = body.get("data")
    if not isinstance(data, dict):
        raise ApiError("field_required" if data is None else "invalid_value", "data")
    v.bounded(data, "data")
    rules.check_application(service, priority, data)
    announced = attachments.parse_announcements(body, "attachments", 50)
    device_id = delivered_by or v.text(body, "device_id", required=False, max_len=64)
    operator_id = v.text(body, "operator_id", required=False, max_len=64, min_len=0)
    with db.transaction() as conn:
        # Checked again inside the transaction: two identical sends racing create one application.
        existing = idempotency.recall(conn, "application", key, account_id, print_)
        if existing is not None:
            return application_json(conn, existing, replayed=True), True
        application_id = db.next_id("application", "APP-")
        now = times.now()
        conn.execute(
            "INSERT INTO applications(application_id, account_id, idempotency_key, service_id, "
            "priority, status, data, device_id, operator_id, created_at) "
            "VALUES (?, ?, ?, ?, ?, 'receiving', ?, ?, ?, ?)",
            (
                application_id,
                account_id,
                key,
                service_id,
                priority,
                strictjson.dumps(data),
                device_id,
                operator_id,
                now,
            ),
        )
        _history(conn, application_id, "receiving", None)
        attachments.insert(conn, application_id, None, announced)
        idempotency.remember(conn, "application", key, account_id, print_, application_id)
        return application_json(conn, application_id), False


def get(db, account_id: str, application_id: str) -> dict:
    """One of the account's applications, or 404."""
    with db.transaction() as conn:
        own(conn, account_id, application_id)
        return application_json(conn, application_id)


def list_for(db, account_id: str) -> dict:
    """The account's applications, newest first."""
    with db.transaction() as conn:
        rows = conn.execute(
            "SELECT application_id FROM applications WHERE account_id = ? "
            "ORDER BY application_id DESC",
            (account_id,),
        ).fetchall()
        return {"applications": [application_json(conn, r[0]) for r in rows]}


def attachment_state(db, account_id: str, application_id: str, attachment_id: str) -> dict:
    """How many bytes of an attachment arrived (to resume)."""
    with db.transaction() as conn:
        own(conn, account_id, application_id)
        return attachments.state(conn, application_id, attachment_id)


def upload_attachment(
    db, account_id: str, application_id: str, attachment_id: str, content_range, chunk: bytes
) -> dict:
    """Store an attachment's bytes (whole or from an offset); 422 hash_mismatch if damaged."""
    with db.transaction() as conn:
        own(conn, account_id, application_id)
        result = attachments.upload(conn, application_id, attachment_id, content_range, chunk)
    if result is None:  # raised after the transaction so the discarded bytes stay discarded
        raise ApiError("hash_mismatch", "sha256")
    return result


def commit(db, account_id: str, application_id: str) -> dict:
    """receiving → submitted once every attachment arrived; repeating it changes nothing.

    Submitting issues the eFAWATEERcom bill for the catalog's fee in the same transaction, so
    a repeated commit (a lost answer) never bills twice.
    """
    with db.transaction() as conn:
        row = own(conn, account_id, application_id)
        if row["status"] == "receiving":
            if not attachments.all_complete(conn, application_id, None):
                raise ApiError("attachments_incomplete", "attachments")
            conn.execute(
                "UPDATE applications SET submitted_at = ? WHERE application_id = ?",
                (times.now(), application_id),
            )
            _move(conn, row, "submitted", None)
            data = strictjson.loads_stored(row["data"])
            fee = fees.fee_of(row["service_id"], row["priority"], data)
            if fee is not None:
                payments.issue(db, application_id, fee.amount, description=fee.description)
        return application_json(conn, application_id)


def edit(db, account_id: str, application_id: str, body: dict, key: str) -> tuple[dict, bool]:
    """Change the fields the ministry asked for (only those, only while it asks)."""
    print_ = idempotency.fingerprint(body)
    operation = f"edit:{application_id}"
    with db.transaction() as conn:
        row = own(conn, account_id, application_id)
        if idempotency.recall(conn, operation, key, account_id, print_) is not None:
            return application_json(conn, application_id, replayed=True), True
        v.only(body, {"fields"})
        fields = body.get("fields")
        if not isinstance(fields, dict) or not 1 <= len(fields) <= 50:
            raise ApiError("field_required" if fields is None else "invalid_value", "fields")
        for path, value in fields.items():
            if not (value is None or isinstance(value, str | int | float | bool)):
                raise ApiError("invalid_value", f"fields.{path}")
        v.bounded(fields, "fields", depth=1, key=200)
        if row["status"] != "details_requested":
            raise ApiError("invalid_state", "status")
        request = strictjson.loads_stored(row["details_request"])
        for path in fields:
            if path not in request["fields"]:
                raise ApiError("field_not_requested", f"fields.{path}")
        data = strictjson.loads_stored(row["data"])
        for path, value in fields.items():
            _set_path(data, path, value)
        request["fields_edited"] = sorted(set(request["fields_edited"]) | set(fields))
        conn.execute(
            "UPDATE applications SET data = ?, details_request = ? WHERE application_id = ?",
            (strictjson.dumps(data), strictjson.dumps(request), application_id),
        )
        _history(conn, application_id, "details_requested", "edited: " + ", ".join(sorted(fields)))
        _resume_if_answered(conn, application_id)
        idempotency.remember(conn, operation, key, account_id, print_, application_id)
        return application_json(conn, application_id), False


def add_details(
    db, account_id: str, application_id: str, body: dict, key: str
) -> tuple[dict, bool]:
    """Announce additional details (a note and/or attachments) on an open application."""
    print_ = idempotency.fingerprint(body)
    operation = f"details:{application_id}"
    with db.transaction() as conn:
        row = own(conn, account_id, application_id)
        existing = idempotency.recall(conn, operation, key, account_id, print_)
        if existing is not None:
            return details_json(conn, existing, replayed=True), True
        v.only(body, {"note", "attachments"})
        note = v.text(body, "note", required=False, max_len=2000, min_len=0) or ""
        announced = attachments.parse_announcements(body, "attachments", 20)
        if not note.strip() and not announced:
            raise ApiError("field_required", "note")
        if row["status"] not in OPEN:
            raise ApiError("invalid_state", "status")
        details_id = db.next_id("details", "DET-")
        conn.execute(
            "INSERT INTO details(details_id, application_id, note, created_at) VALUES (?, ?, ?, ?)",
            (details_id, application_id, note, times.now()),
        )
        attachments.insert(conn, application_id, details_id, announced)
        idempotency.remember(conn, operation, key, account_id, print_, details_id)
        return details_json(conn, details_id), False


def commit_details(db, account_id: str, application_id: str, details_id: str) -> dict:
    """Send announced details once their attachments arrived; repeating it changes nothing."""
    with db.transaction() as conn:
        own(conn, account_id, application_id)
        row = conn.execute(
            "SELECT * FROM details WHERE details_id = ? AND application_id = ?",
            (details_id, application_id),
        ).fetchone()
        if row is None:
            raise ApiError("not_found", "details_id")
        if not row["committed"]:
            if not attachments.all_complete(conn, application_id, details_id):
                raise ApiError("attachments_incomplete", "attachments")
            conn.execute("UPDATE details SET committed = 1 WHERE details_id = ?", (details_id,))
            app = own(conn, account_id, application_id)
            _history(conn, application_id, app["status"], f"details added: {details_id}")
            if app["status"] == "details_requested":
                request = strictjson.loads_stored(app["details_request"])
                request["documents_received"] = sorted(
                    set(request["documents_received"])
                    | attachments.document_types(conn, application_id, details_id)
                )
                request["details_committed"] = True
                conn.execute(
                    "UPDATE applications SET details_request = ? WHERE application_id = ?",
                    (strictjson.dumps(request), application_id),
                )
                _resume_if_answered(conn, application_id)
        return details_json(conn, details_id)


def approval_notice(db, account_id: str, application_id: str) -> dict:
    """The data printed on the approval notice; 409 not_approved before the approval."""
    with db.transaction() as conn:
        row = own(conn, account_id, application_id)
        account = conn.execute(
            "SELECT full_name, organisation_name FROM accounts WHERE account_id = ?",
            (account_id,),
        ).fetchone()
    if row["status"] != "approved":
        raise ApiError("not_approved", "status")
    approval = strictjson.loads_stored(row["approval"])
    data = strictjson.loads_stored(row["data"])
    applicant = data.get("applicant") if isinstance(data.get("applicant"), dict) else {}
    beneficiaries = data.get("beneficiaries") if isinstance(data.get("beneficiaries"), list) else []
    service = catalog.service(row["service_id"]) or {}
    return {
        "notice_number": "AN-" + application_id.removeprefix("APP-"),
        "application_id": application_id,
        "service_id": row["service_id"],
        "service_name": service.get("name", {"ar": row["service_id"], "en": row["service_id"]}),
        "applicant_name": str(
            applicant.get("full_name") or account["full_name"] or account["organisation_name"]
        ),
        "beneficiaries": [
            str(b["full_name"]) for b in beneficiaries if isinstance(b, dict) and "full_name" in b
        ],
        "approval_date": approval["approval_date"],
        "valid_until": approval["valid_until"],
    }


# ---------------------------------------------------------------- officer side


def review(db, application_id: str) -> dict:
    """submitted → under_review."""
    return _officer_move(db, application_id, "under_review", ("submitted",), None)


def request_details(
    db, application_id: str, fields: list[str], documents: list[str], note: str
) -> dict:
    """Ask the applicant for field edits and/or documents; the applicant is notified."""
    request = {
        "fields": sorted(set(fields)),
        "documents": sorted(set(documents)),
        "note": note,
        "requested_at": times.iso(times.now()),
        "fields_edited": [],
        "documents_received": [],
        "details_committed": False,
    }
    with db.transaction() as conn:
        conn.execute(
            "UPDATE applications SET details_request = ? WHERE application_id = ?",
            (strictjson.dumps(request), application_id),
        )
        return _officer_move(db, application_id, "details_requested", OPEN, note)


def approve(db, application_id: str, on: dt.date | None = None) -> dict:
    """Approve; the approval can be used for 6 months from the approval date."""
    day = on or times.today()
    approval = {
        "approval_date": day.isoformat(),
        "valid_until": times.add_months(day, 6).isoformat(),
    }
    with db.transaction() as conn:
        conn.execute(
            "UPDATE applications SET approval = ?, details_request = NULL WHERE application_id = ?",
            (strictjson.dumps(approval), application_id),
        )
        return _officer_move(db, application_id, "approved", OPEN, None)


def reject(db, application_id: str, reason: str) -> dict:
    """Reject with a reason the applicant sees."""
    with db.transaction() as conn:
        conn.execute(
            "UPDATE applications SET rejection_reason = ?, details_request = NULL "
            "WHERE application_id = ?",
            (reason, application_id),
        )
        return _officer_move(db, application_id, "rejected", OPEN, reason)


def list_all(db, status: str | None = None) -> list[dict]:
    """Every application (officer view), oldest first."""
    with db.transaction() as conn:
        rows = conn.execute(
            "SELECT a.application_id, a.status, a.service_id, a.priority, a.created_at, "
            "c.username FROM applications a JOIN accounts c USING (account_id) "
            "WHERE ? IS NULL OR a.status = ? ORDER BY a.application_id",
            (status, status),
        ).fetchall()
    return [dict(r) for r in rows]


def _officer_move(db, application_id: str, status: str, allowed, note: str | None) -> dict:
    with db.transaction() as conn:
        row = conn.execute(
            "SELECT * FROM applications WHERE application_id = ?", (application_id,)
        ).fetchone()
        if row is None:
            raise ApiError("not_found", "application_id")
        if row["status"] not in allowed:
            raise ApiError("invalid_state", "status")
        _move(conn, row, status, note)
        return application_json(conn, application_id)


# ---------------------------------------------------------------- helpers


def own(conn, account_id: str, application_id: str):
    """The application row if it belongs to the account, else 404 (never someone else's)."""
    row = None
    if v.APPLICATION_ID.fullmatch(application_id):
        row = conn.execute(
            "SELECT * FROM applications WHERE application_id = ? AND account_id = ?",
            (application_id, account_id),
        ).fetchone()
    if row is None:
        raise ApiError("not_found", "application_id")
    return row


def _move(conn, row, status: str, note: str | None) -> None:
    application_id = row["application_id"]
    conn.execute(
        "UPDATE applications SET status = ? WHERE application_id = ?", (status, application_id)
    )
    _history(conn, application_id, status, note)
    ar, en = STATUS_TEXT[status]
    kind = {
        "details_requested": "details_requested",
        "approved": "decision",
        "rejected": "decision",
    }.get(status, "status_changed")
    notify.notify(
        conn,
        row["account_id"],
        kind,
        f"{ar}: {application_id}",
        f"{en}: {application_id}",
        application_id=application_id,
    )


def _history(conn, application_id: str, status: str, note: str | None) -> None:
    conn.execute(
        "INSERT INTO history(application_id, status, at, note) VALUES (?, ?, ?, ?)",
        (application_id, status, times.now(), note),
    )


def _resume_if_answered(conn, application_id: str) -> None:
    """Back to under_review once every requested field is edited and document provided."""
    row = conn.execute(
        "SELECT * FROM applications WHERE application_id = ?", (application_id,)
    ).fetchone()
    request = strictjson.loads_stored(row["details_request"])
    fields_done = set(request["fields"]) <= set(request["fields_edited"])
    if request["documents"]:
        documents_done = set(request["documents"]) <= set(request["documents_received"])
    else:
        # Nothing specific asked beyond the note: only details can answer it.
        documents_done = bool(request["fields"]) or request["details_committed"]
    if fields_done and documents_done:
        conn.execute(
            "UPDATE applications SET details_request = NULL WHERE application_id = ?",
            (application_id,),
        )
        _move(conn, row, "under_review", "details answered")


def _set_path(data: dict, path: str, value) -> None:
    parts = path.split(".")
    node = data
    for i, part in enumerate(parts):
        last = i == len(parts) - 1
        if isinstance(node, list):
            if not part.isdigit() or int(part) >= len(node):
                raise ApiError("invalid_value", f"fields.{path}")
            if last:
                node[int(part)] = value
            else:
                node = node[int(part)]
        elif isinstance(node, dict):
            if last:
                node[part] = value
            else:
                node = node.setdefault(part, {})
        else:
            raise ApiError("invalid_value", f"fields.{path}")


def application_json(conn, application_id: str, replayed: bool = False) -> dict:
    """The contract's Application."""
    row = conn.execute(
        "SELECT * FROM applications WHERE application_id = ?", (application_id,)
    ).fetchone()
    history = conn.execute(
        "SELECT status, at, note FROM history WHERE application_id = ? ORDER BY id",
        (application_id,),
    ).fetchall()
    request = strictjson.loads_stored(row["details_request"]) if row["details_request"] else None
    if request is not None:
        request = {
            "fields": request["fields"],
            "documents": request["documents"],
            "note": request["note"],
            "requested_at": request["requested_at"],
            "fields_edited": request["fields_edited"],
            "documents_provided": bool(request["documents"])
            and set(request["documents"]) <= set(request["documents_received"]),
        }
    return {
        "application_id": application_id,
        "idempotency_key": row["idempotency_key"],
        "service_id": row["service_id"],
        "priority": row["priority"],
        "status": row["status"],
        "data": strictjson.loads_stored(row["data"]),
        "attachments": attachments.states(conn, application_id),
        "history": [
            {"status": h["status"], "at": times.iso(h["at"]), "note": h["note"]} for h in history
        ],
        "details_request": request,
        "bills": payments.bills_of(conn, application_id),
        "approval": strictjson.loads_stored(row["approval"]) if row["approval"] else None,
        "rejection_reason": row["rejection_reason"],
        "created_at": times.iso(row["created_at"]),
        "submitted_at": times.iso(row["submitted_at"]),
        "already_received": replayed,
    }


def details_json(conn, details_id: str, replayed: bool = False) -> dict:
    """The contract's Details."""
    row = conn.execute("SELECT * FROM details WHERE details_id = ?", (details_id,)).fetchone()
    return {
        "details_id": details_id,
        "application_id": row["application_id"],
        "note": row["note"],
        "attachments": attachments.states(conn, row["application_id"], details_id),
        "committed": bool(row["committed"]),
        "created_at": times.iso(row["created_at"]),
        "already_received": replayed,
    }
