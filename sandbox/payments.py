"""eFAWATEERcom bills: issued by an officer on an application, paid once, amounts in fils.

Amounts are kept as whole fils (1 JOD = 1000 fils) and written as JOD with 3 decimals, never as
floats. Marking a bill paid twice (a repeated bank notification) changes nothing.
"""

from __future__ import annotations

import datetime as dt
import decimal
import re

from sandbox import notify, times
from sandbox import validation as v
from sandbox.errors import ApiError

BILLER_CODE = "999"  # a sandbox biller code; the ministry's real one comes with its API
SERVICE_TYPE = "MOIEServices"
BILLING_NO = re.compile(r"[0-9]{6,20}")
MAX_FILS = 9_999_999_999


def parse_amount(text: str) -> int:
    """'12.5' or '12.500' JOD → 12500 fils; 422 invalid_amount for anything else."""
    try:
        amount = decimal.Decimal(str(text).strip())
    except decimal.InvalidOperation:
        raise ApiError("invalid_amount", "amount") from None
    fils = amount * 1000
    if not amount.is_finite() or fils != fils.to_integral_value() or not 0 < fils <= MAX_FILS:
        raise ApiError("invalid_amount", "amount")
    return int(fils)


def jod(fils: int) -> str:
    """12500 → '12.500'."""
    return f"{fils // 1000}.{fils % 1000:03d}"


def issue(db, application_id: str, amount: str, due_days: int = 7, description=None) -> dict:
    """Issue a bill on an application; the applicant is notified with the billing number."""
    fils = parse_amount(amount)
    ar, en = description or ("بدل خدمة", "Service fee")
    with db.transaction() as conn:
        row = conn.execute(
            "SELECT account_id, status FROM applications WHERE application_id = ?",
            (application_id,),
        ).fetchone()
        if row is None:
            raise ApiError("not_found", "application_id")
        if row["status"] in ("receiving", "rejected"):
            raise ApiError("invalid_state", "status")
        billing_no = "7001" + db.next_id("bill", "", width=8)
        due = times.today() + dt.timedelta(days=due_days)
        conn.execute(
            "INSERT INTO bills(billing_no, application_id, account_id, amount_fils, due_date, "
            "status, description_ar, description_en, issued_at) "
            "VALUES (?, ?, ?, ?, ?, 'BillNew', ?, ?, ?)",
            (
                billing_no,
                application_id,
                row["account_id"],
                fils,
                due.isoformat(),
                ar,
                en,
                times.now(),
            ),
        )
        notify.notify(
            conn,
            row["account_id"],
            "bill_issued",
            f"مطلوب دفع {jod(fils)} دينار على الطلب {application_id} عبر إي فواتيركم، "
            f"رقم الفاتورة {billing_no}",
            f"Please pay JOD {jod(fils)} for application {application_id} through "
            f"eFAWATEERcom, billing number {billing_no}",
            application_id=application_id,
            billing_no=billing_no,
        )
        return bill_json(_row(conn, billing_no))


def mark_paid(db, billing_no: str, reference: str | None = None) -> tuple[dict, bool]:
    """Record the payment; (bill, changed). A second notice for a paid bill changes nothing."""
    with db.transaction() as conn:
        row = _row(conn, billing_no)
        if row["status"] == "BillPaid":
            return bill_json(row), False
        conn.execute(
            "UPDATE bills SET status = 'BillPaid', paid_at = ?, payment_reference = ? "
            "WHERE billing_no = ?",
            (times.now(), reference, billing_no),
        )
        notify.notify(
            conn,
            row["account_id"],
            "bill_paid",
            f"تم استلام دفعة الفاتورة {billing_no}",
            f"Payment received for bill {billing_no}",
            application_id=row["application_id"],
            billing_no=billing_no,
        )
        return bill_json(_row(conn, billing_no)), True


def list_for(db, account_id: str, application_id: str | None) -> dict:
    """The account's bills, newest first, optionally of one application."""
    if application_id is not None and not v.APPLICATION_ID.fullmatch(application_id):
        raise ApiError("invalid_value", "application_id")
    with db.transaction() as conn:
        rows = conn.execute(
            "SELECT * FROM bills WHERE account_id = ? AND (? IS NULL OR application_id = ?) "
            "ORDER BY billing_no DESC",
            (account_id, application_id, application_id),
        ).fetchall()
    return {"bills": [bill_json(r) for r in rows]}


def get_for(db, account_id: str, billing_no: str) -> dict:
    """One of the account's bills, or 404."""
    with db.transaction() as conn:
        row = _row(conn, billing_no)
    if row["account_id"] != account_id:
        raise ApiError("not_found", "billing_no")
    return bill_json(row)


def bills_of(conn, application_id: str) -> list[dict]:
    """The bills of an application, oldest first."""
    rows = conn.execute(
        "SELECT * FROM bills WHERE application_id = ? ORDER BY billing_no", (application_id,)
    ).fetchall()
    return [bill_json(r) for r in rows]


def list_all(db) -> list[dict]:
    """Every bill (officer view)."""
    with db.transaction() as conn:
        rows = conn.execute("SELECT * FROM bills ORDER BY billing_no").fetchall()
    return [bill_json(r) for r in rows]


def _row(conn, billing_no: str):
    row = None
    if BILLING_NO.fullmatch(billing_no):
        row = conn.execute("SELECT * FROM bills WHERE billing_no = ?", (billing_no,)).fetchone()
    if row is None:
        raise ApiError("not_found", "billing_no")
    return row


def bill_json(row) -> dict:
    """The contract's Bill."""
    return {
        "billing_no": row["billing_no"],
        "biller_code": BILLER_CODE,
        "service_type": SERVICE_TYPE,
        "application_id": row["application_id"],
        "amount": jod(row["amount_fils"]),
        "currency": "JOD",
        "due_date": row["due_date"],
        "status": row["status"],
        "description": {"ar": row["description_ar"], "en": row["description_en"]},
        "issued_at": times.iso(row["issued_at"]),
        "paid_at": times.iso(row["paid_at"]),
    }
