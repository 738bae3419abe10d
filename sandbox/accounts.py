"""Accounts: registration by category, activation, sessions, passwords, profile, messages."""

from __future__ import annotations

import hashlib
import json
import secrets

from sandbox import idempotency, notify, strictjson, throttle, times
from sandbox import validation as v
from sandbox.errors import ApiError
from sandbox.passwords import hash_password, new_password, verify_password
from sandbox.settings import Settings

# The contract's categories and editable fields. kiosk/api/fields.py has its own copy on purpose:
# the kiosk and the sandbox share only the contract, never code.
CATEGORIES = (
    "individual",
    "company",
    "government",
    "educational",
    "diplomatic",
    "civil_society",
    "hospital",
    "tourism_office",
)
EDITABLE = ("phone", "passport_number", "email")
PERSON_FIELDS = ("full_name", "date_of_birth", "nationality", "national_number", "personal_number")
INSTITUTION_FIELDS = ("organisation_name", "registration_number", "contact_name")
LOCKED = frozenset(PERSON_FIELDS + INSTITUTION_FIELDS + ("username", "category", "language"))
_COMMON = {"category", "username", "password", "phone", "email", "language", "passport_number"}

ACTIVE_NOW = {
    "ar": "تم تفعيل الحساب مباشرة.",
    "en": "The account is active.",
}
VISIT_MINISTRY = {
    "ar": "الحساب بانتظار التفعيل. يرجى مراجعة وزارة الداخلية (مديرية الجنسية وشؤون الأجانب "
    "والاستثمار) مرة واحدة فقط لتفعيل الحساب، مع إحضار النماذج المطلوبة معبأة، والوثائق "
    "الرسمية للمؤسسة (شهادة التسجيل)، وإثبات شخصية ضابط الارتباط وتفويضه.",
    "en": "The account is pending activation. Please visit the Ministry of Interior (Nationality "
    "and Foreigners' Affairs Directorate) once to activate it, bringing the required forms "
    "filled in, the institution's official documents (registration certificate), and the "
    "contact person's identity document and authorisation.",
}


# ---------------------------------------------------------------- registration


def register(db, settings: Settings, body: dict, key: str | None) -> tuple[dict, bool]:
    """Create an account; (account, replayed). Individuals are active, institutions pending."""
    fields = _registration_fields(body)
    # The fingerprint leaves the password out (never hash it quickly); a replay must still
    # carry the same password, checked against the slow hash.
    print_ = idempotency.fingerprint({k: x for k, x in body.items() if k != "password"})
    with db.transaction() as conn:
        existing = idempotency.recall(conn, "register", key, None, print_)
        if existing is not None:
            row = _account_row(conn, existing)
            if not verify_password(fields["password"], row["password_hash"]):
                raise ApiError("idempotency_conflict", "Idempotency-Key")
            return account_json(row, replayed=True), True
        taken = conn.execute(
            "SELECT 1 FROM accounts WHERE username = ?", (fields["username"],)
        ).fetchone()
        if taken:
            raise ApiError("username_taken", "username")
        account_id = db.next_id("account", "ACC-")
        status = "active" if fields["category"] == "individual" else "pending"
        now = times.now()
        columns = dict(fields)
        columns["password_hash"] = hash_password(columns.pop("password"), settings.kdf_cost)
        columns |= {
            "account_id": account_id,
            "status": status,
            "created_at": now,
            "activated_at": now if status == "active" else None,
        }
        names = ", ".join(columns)
        marks = ", ".join("?" for _ in columns)
        conn.execute(f"INSERT INTO accounts({names}) VALUES ({marks})", tuple(columns.values()))
        idempotency.remember(conn, "register", key, None, print_, account_id)
        return account_json(_account_row(conn, account_id)), False


def _registration_fields(body: dict) -> dict:
    category = v.choice(body, "category", CATEGORIES)
    individual = category == "individual"
    v.only(body, _COMMON | set(PERSON_FIELDS if individual else INSTITUTION_FIELDS))
    fields = {
        "category": category,
        "username": v.text(
            body, "username", max_len=32, pattern=v.USERNAME, code="invalid_username"
        ),
        "password": v.password(body, "password"),
        "phone": v.normalise_phone(
            v.text(body, "phone", max_len=20, pattern=v.PHONE, code="invalid_phone")
        ),
        "email": v.text(body, "email", max_len=254, pattern=v.EMAIL, code="invalid_email"),
        "language": v.choice(body, "language", ("ar", "en"), required=False) or "ar",
        "passport_number": v.text(
            body,
            "passport_number",
            required=False,
            max_len=20,
            pattern=v.PASSPORT,
            code="invalid_passport_number",
        ),
    }
    if individual:
        fields |= {
            "full_name": v.text(body, "full_name", min_len=2, max_len=100),
            "date_of_birth": v.date(body, "date_of_birth", past=True),
            "nationality": v.text(body, "nationality", max_len=3, pattern=v.NATIONALITY),
            "national_number": v.text(
                body,
                "national_number",
                required=False,
                max_len=10,
                pattern=v.NATIONAL_NUMBER,
                code="invalid_national_number",
            ),
            "personal_number": v.text(
                body,
                "personal_number",
                required=False,
                max_len=10,
                pattern=v.PERSONAL_NUMBER,
                code="invalid_personal_number",
            ),
        }
        # A Jordanian is known by the national number, a foreigner by the passport.
        if fields["nationality"] == "JOR" and not fields["national_number"]:
            raise ApiError("field_required", "national_number")
        if fields["nationality"] != "JOR" and not fields["passport_number"]:
            raise ApiError("field_required", "passport_number")
    else:
        fields |= {
            "organisation_name": v.text(body, "organisation_name", min_len=2, max_len=150),
            "registration_number": v.text(body, "registration_number", max_len=30),
            "contact_name": v.text(body, "contact_name", min_len=2, max_len=100),
        }
        if not all(c.isalnum() and c.isascii() or c in "/-" for c in fields["registration_number"]):
            raise ApiError("invalid_value", "registration_number")
    return fields


def activate(db, who: str) -> dict:
    """The officer's one-time activation after the institution's visit; returns the account."""
    with db.transaction() as conn:
        row = find_account(conn, who)
        if row["status"] != "active":
            conn.execute(
                "UPDATE accounts SET status = 'active', activated_at = ? WHERE account_id = ?",
                (times.now(), row["account_id"]),
            )
            notify.notify(
                conn,
                row["account_id"],
                "account_activated",
                "تم تفعيل حسابك الإلكتروني لدى وزارة الداخلية.",
                "Your Ministry of Interior e-account is now active.",
            )
        return account_json(_account_row(conn, row["account_id"]))


def find_account(conn, who: str):
    """An account by id or username, or 404."""
    row = conn.execute(
        "SELECT * FROM accounts WHERE account_id = ? OR username = ?", (who, who)
    ).fetchone()
    if row is None:
        raise ApiError("not_found", "account")
    return row


def account_json(row, replayed: bool = False) -> dict:
    """The contract's Account."""
    pending = row["status"] != "active"
    return {
        "account_id": row["account_id"],
        "username": row["username"],
        "category": row["category"],
        "status": row["status"],
        "activation": {
            "required": pending,
            "instructions": VISIT_MINISTRY if pending else ACTIVE_NOW,
        },
        "already_received": replayed,
    }


def _account_row(conn, account_id: str):
    return conn.execute("SELECT * FROM accounts WHERE account_id = ?", (account_id,)).fetchone()


# ---------------------------------------------------------------- sessions


def login(db, settings: Settings, body: dict) -> dict:
    """A session for the right username and password of an active account."""
    v.only(body, {"username", "password"})
    username = v.text(body, "username", max_len=64)
    password = v.text(body, "password", max_len=128)
    subject = username.lower()
    outcome: ApiError | dict
    with db.transaction() as conn:
        throttle.check(conn, "login", subject)
        row = conn.execute("SELECT * FROM accounts WHERE username = ?", (username,)).fetchone()
        if row is None or not verify_password(password, row["password_hash"]):
            limits = (settings.login_max_failures, settings.login_window_s, settings.login_lock_s)
            if throttle.fail(conn, "login", subject, *limits):
                outcome = ApiError("too_many_attempts", retry_after=settings.login_lock_s)
            else:
                outcome = ApiError("invalid_credentials")
        elif row["status"] != "active":
            outcome = ApiError("account_pending")
        else:
            throttle.clear(conn, "login", subject)
            outcome = _open_session(conn, settings, row)
    # Raised after the transaction, so the counted failure is kept.
    if isinstance(outcome, ApiError):
        raise outcome
    return outcome


def _open_session(conn, settings: Settings, row) -> dict:
    token = secrets.token_urlsafe(32)
    now = times.now()
    expires = now + settings.token_ttl_s
    conn.execute("DELETE FROM sessions WHERE expires_at < ?", (now,))
    conn.execute(
        "INSERT INTO sessions(token_hash, account_id, created_at, expires_at) VALUES (?, ?, ?, ?)",
        (_token_hash(token), row["account_id"], now, expires),
    )
    return {
        "token": token,
        "expires_at": times.iso(expires),
        "must_change_password": bool(row["must_change_password"]),
        "account": account_json(row),
    }


def authenticate(db, authorization: str | None) -> str:
    """The account id of a valid bearer token, or 401."""
    scheme, _, token = (authorization or "").partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise ApiError("not_authenticated")
    with db.transaction() as conn:
        row = conn.execute(
            "SELECT account_id, expires_at FROM sessions WHERE token_hash = ?",
            (_token_hash(token.strip()),),
        ).fetchone()
    if row is None:
        raise ApiError("not_authenticated")
    if row["expires_at"] < times.now():
        raise ApiError("token_expired")
    return row["account_id"]


def require_active(db, account_id: str) -> None:
    """403 unknown_account / account_pending unless the account exists and is active.

    A session token proves this at login; a kiosk delivering for an account proves nothing
    about it, so its writes are checked here.
    """
    with db.transaction() as conn:
        row = conn.execute(
            "SELECT status FROM accounts WHERE account_id = ?", (account_id,)
        ).fetchone()
    if row is None:
        raise ApiError("unknown_account", "X-Account-Id")
    if row["status"] != "active":
        raise ApiError("account_pending", "X-Account-Id")


def logout(db, authorization: str | None) -> None:
    """End the session of this token."""
    authenticate(db, authorization)
    token = authorization.partition(" ")[2].strip()
    with db.transaction() as conn:
        conn.execute("DELETE FROM sessions WHERE token_hash = ?", (_token_hash(token),))


def _token_hash(token: str) -> str:
    # Tokens are random 256-bit values: a fast hash is enough and keeps them out of the DB.
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


# ---------------------------------------------------------------- passwords


def forgot_password(db, settings: Settings, body: dict) -> dict:
    """A new password by SMS and e-mail; the same answer whether the username exists or not."""
    v.only(body, {"username"})
    username = v.text(body, "username", max_len=64)
    with db.transaction() as conn:
        throttle.check(conn, "reset", username.lower())
        row = conn.execute("SELECT * FROM accounts WHERE username = ?", (username,)).fetchone()
        throttle.fail(conn, "reset", username.lower(), settings.reset_max_per_hour, 3600, 3600)
        if row is not None:
            password = new_password()
            conn.execute(
                "UPDATE accounts SET password_hash = ?, must_change_password = 1 "
                "WHERE account_id = ?",
                (hash_password(password, settings.kdf_cost), row["account_id"]),
            )
            conn.execute("DELETE FROM sessions WHERE account_id = ?", (row["account_id"],))
            throttle.clear(conn, "login", username.lower())
            notify.send(
                conn,
                row["account_id"],
                "كلمة مرور جديدة - New password",
                f"وزارة الداخلية: كلمة المرور الجديدة لحسابك {row['username']} هي {password}\n"
                f"MOI e-services: the new password of your account {row['username']} is "
                f"{password}",
            )
    return {
        "message": {
            "ar": "إذا كان الحساب موجوداً فقد أُرسلت كلمة مرور جديدة برسالة نصية إلى الهاتف "
            "المسجل وإلى البريد الإلكتروني المسجل.",
            "en": "If the account exists, a new password was sent by SMS to the registered "
            "phone and to the registered e-mail.",
        },
        "channels": ["sms", "email"],
    }


def change_password(db, settings: Settings, account_id: str, body: dict, token: str) -> None:
    """Change the password; the current one must be right (failures count towards the lock)."""
    v.only(body, {"current_password", "new_password"})
    current = v.text(body, "current_password", max_len=128)
    new = v.password(body, "new_password")
    outcome = None
    with db.transaction() as conn:
        row = _account_row(conn, account_id)
        subject = row["username"].lower()
        throttle.check(conn, "login", subject)
        if not verify_password(current, row["password_hash"]):
            limits = (settings.login_max_failures, settings.login_window_s, settings.login_lock_s)
            locked = throttle.fail(conn, "login", subject, *limits)
            outcome = (
                ApiError("too_many_attempts", retry_after=settings.login_lock_s)
                if locked
                else ApiError("wrong_password", "current_password")
            )
        else:
            conn.execute(
                "UPDATE accounts SET password_hash = ?, must_change_password = 0 "
                "WHERE account_id = ?",
                (hash_password(new, settings.kdf_cost), account_id),
            )
            # Other sessions of the account end; this one stays.
            conn.execute(
                "DELETE FROM sessions WHERE account_id = ? AND token_hash != ?",
                (account_id, _token_hash(token)),
            )
            throttle.clear(conn, "login", subject)
    if outcome is not None:
        raise outcome


# ---------------------------------------------------------------- profile


def profile(db, account_id: str) -> dict:
    """The contract's Profile."""
    with db.transaction() as conn:
        row = _account_row(conn, account_id)
    result = {
        name: row[name]
        for name in (
            ("account_id", "username", "category", "status", "passport_number", "phone", "email")
            + PERSON_FIELDS
            + INSTITUTION_FIELDS
        )
    }
    shown = PERSON_FIELDS if row["category"] == "individual" else INSTITUTION_FIELDS
    result |= {
        "language": row["language"],
        "editable_fields": list(EDITABLE),
        "locked_fields": list(shown),
        "must_change_password": bool(row["must_change_password"]),
        "created_at": times.iso(row["created_at"]),
    }
    return result


def update_profile(db, account_id: str, body: dict) -> dict:
    """Change phone, passport number and/or e-mail; any other field is refused."""
    v.only(body, set(EDITABLE), locked=LOCKED)
    if not body:
        raise ApiError("field_required", "phone")
    changes = {}
    if "phone" in body:
        phone = v.text(body, "phone", max_len=20, pattern=v.PHONE, code="invalid_phone")
        changes["phone"] = v.normalise_phone(phone)
    if "passport_number" in body:
        changes["passport_number"] = v.text(
            body, "passport_number", max_len=20, pattern=v.PASSPORT, code="invalid_passport_number"
        )
    if "email" in body:
        changes["email"] = v.text(body, "email", max_len=254, pattern=v.EMAIL, code="invalid_email")
    with db.transaction() as conn:
        sets = ", ".join(f"{name} = ?" for name in changes)
        conn.execute(
            f"UPDATE accounts SET {sets} WHERE account_id = ?", (*changes.values(), account_id)
        )
    return profile(db, account_id)


# ---------------------------------------------------------------- messages


def send_message(db, account_id: str, body: dict, key: str | None) -> tuple[dict, bool]:
    """A message to the ministry (subject, fields to change, reason); (message, replayed)."""
    v.only(body, {"subject", "fields_to_change", "reason"})
    subject = v.text(body, "subject", max_len=200)
    reason = v.text(body, "reason", max_len=2000)
    fields = body.get("fields_to_change", [])
    if (
        not isinstance(fields, list)
        or len(fields) > 20
        or len(set(map(json.dumps, fields))) != len(fields)
        or not all(isinstance(f, str) and 1 <= len(f) <= 64 for f in fields)
    ):
        raise ApiError("invalid_value", "fields_to_change")
    print_ = idempotency.fingerprint(body)
    with db.transaction() as conn:
        existing = idempotency.recall(conn, "message", key, account_id, print_)
        if existing is not None:
            return message_json(conn, existing, replayed=True), True
        message_id = db.next_id("message", "MSG-")
        conn.execute(
            "INSERT INTO messages(message_id, account_id, subject, fields_to_change, reason, "
            "status, created_at) VALUES (?, ?, ?, ?, ?, 'open', ?)",
            (message_id, account_id, subject, strictjson.dumps(fields), reason, times.now()),
        )
        idempotency.remember(conn, "message", key, account_id, print_, message_id)
        return message_json(conn, message_id), False


def list_messages(db, account_id: str) -> dict:
    """The account's messages, newest first, with replies."""
    with db.transaction() as conn:
        ids = conn.execute(
            "SELECT message_id FROM messages WHERE account_id = ? ORDER BY message_id DESC",
            (account_id,),
        ).fetchall()
        return {"messages": [message_json(conn, r["message_id"]) for r in ids]}


def reply(db, message_id: str, text: str) -> dict:
    """The officer's reply to a message; the holder is notified."""
    with db.transaction() as conn:
        row = conn.execute(
            "SELECT account_id FROM messages WHERE message_id = ?", (message_id,)
        ).fetchone()
        if row is None:
            raise ApiError("not_found", "message")
        conn.execute(
            "INSERT INTO replies(message_id, text, created_at) VALUES (?, ?, ?)",
            (message_id, text, times.now()),
        )
        conn.execute("UPDATE messages SET status = 'answered' WHERE message_id = ?", (message_id,))
        notify.notify(
            conn,
            row["account_id"],
            "message_reply",
            f"وصل رد من الوزارة على رسالتك {message_id}.",
            f"The ministry replied to your message {message_id}.",
        )
        return message_json(conn, message_id)


def message_json(conn, message_id: str, replayed: bool = False) -> dict:
    """The contract's Message."""
    row = conn.execute("SELECT * FROM messages WHERE message_id = ?", (message_id,)).fetchone()
    replies = conn.execute(
        "SELECT text, created_at FROM replies WHERE message_id = ? ORDER BY id", (message_id,)
    ).fetchall()
    return {
        "message_id": row["message_id"],
        "subject": row["subject"],
        "fields_to_change": strictjson.loads_stored(row["fields_to_change"]),
        "reason": row["reason"],
        "status": row["status"],
        "replies": [{"text": r["text"], "created_at": times.iso(r["created_at"])} for r in replies],
        "created_at": times.iso(row["created_at"]),
        "already_received": replayed,
    }
