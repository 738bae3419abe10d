"""What the requests screens show, worked out from the API's answers and the outbox (no widgets).

The user's requests come from two places: the central API (what the ministry holds) and this
kiosk's outbox (what was sealed here and is not delivered yet). The functions named `load_…`
and `seal_…` block (HTTP, SQLite): they run in workers (ctx.tasks), never on the GUI thread.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from kiosk.api import Ok
from kiosk.api.models import Application, Bill
from kiosk.errors import KioskError
from kiosk.texts import Bilingual
from offline_cache.outbox import SealFile, local_reference
from ui.screens.accounts.connection import with_api
from ui.screens.catalog.store import open_catalog_store

# The status the user reads: the server's status, with payment folded in. Submitting issues the
# fee's bill: received → awaiting payment → paid → under review → approved; an unpaid bill is
# what the user has to do next, so it shows over "under review" and "approved".
SHOWN_STATUSES = (
    "sending",
    "received",
    "under_review",
    "details_requested",
    "awaiting_payment",
    "paid",
    "approved",
    "rejected",
)

OUTBOX_UNAVAILABLE = Bilingual(
    "تعذّر قراءة الطلبات المحفوظة على هذا الجهاز. يُرجى إبلاغ الموظف المختص.",
    "The requests saved on this kiosk could not be read. Please tell a member of staff.",
)


def shown_status(application: Application) -> str:
    """One of SHOWN_STATUSES for an application."""
    if application.status in ("rejected", "details_requested"):
        return application.status
    if any(not bill.paid for bill in application.bills):
        return "awaiting_payment"
    if application.status in ("approved", "under_review"):
        return application.status
    if application.bills:
        return "paid"
    return "sending" if application.status == "receiving" else "received"


# ---------------------------------------------------------------- paths in the request's data


def split_path(path: str) -> list[str]:
    """ "beneficiaries.0.passport_number" → ["beneficiaries", "0", "passport_number"]."""
    return [part for part in path.split(".") if part]


def value_at(data: dict, path: str):
    """The value at a dotted path of the request's data, or None when it is not there."""
    node = data
    for part in split_path(path):
        if isinstance(node, list) and part.isdigit() and int(part) < len(node):
            node = node[int(part)]
        elif isinstance(node, dict) and part in node:
            node = node[part]
        else:
            return None
    return node


def typed_like(original, text: str):
    """What the user typed, as the type the request held there (numbers stay numbers)."""
    if isinstance(original, bool):
        return text.lower() in ("1", "true", "yes")
    if isinstance(original, int):
        try:
            return int(text)
        except ValueError:
            return text
    if isinstance(original, float):
        try:
            return float(text)
        except ValueError:
            return text
    return text


# ---------------------------------------------------------------- loading (workers)


@dataclass(frozen=True)
class Overview:
    """The signed-in account's requests: the server's answer and this kiosk's pending items."""

    outcome: object  # the API's Outcome of applications()
    local: list = field(default_factory=list)  # outbox PendingItem, oldest first
    local_problem: Bilingual | None = None
    services: dict[str, Bilingual] = field(default_factory=dict)

    @property
    def applications(self) -> list[Application]:
        return list(self.outcome.value) if self.outcome.ok else []

    def local_applications(self) -> list:
        """Pending applications the server does not list yet (a sealed item still being sent
        may already be announced: the server's row, with its key, stands for it then)."""
        known = {local_reference(a.idempotency_key) for a in self.applications}
        return [
            item
            for item in self.local
            if item.kind == "application" and item.reference not in known
        ]


@dataclass(frozen=True)
class Request:
    """One application with this kiosk's pending answers to it and its catalog service."""

    outcome: object  # the API's Outcome of application(id)
    local: list = field(default_factory=list)  # pending "edit"/"details" items for it
    local_problem: Bilingual | None = None
    service: object = None  # kiosk.domain.catalog.Service, or None when the catalog lacks it

    @property
    def application(self) -> Application | None:
        return self.outcome.value if self.outcome.ok else None


def service_names(ctx, service_ids) -> dict[str, Bilingual]:
    """The catalog's names of these services (an unknown id is left out)."""
    catalog = open_catalog_store(ctx).catalog
    names = {}
    for service_id in set(service_ids):
        service = catalog.find(service_id)
        if service is not None:
            names[service_id] = service.name
    return names


def pending(ctx, account_id: str) -> tuple[list, Bilingual | None]:
    """This kiosk's undelivered items of the account, or the reason they cannot be read."""
    from ui.services import open_outbox  # SQLite opens here, in the worker's thread

    try:
        return open_outbox(ctx).pending_for(account_id), None
    except KioskError as e:
        return [], e.message
    except OSError:
        return [], OUTBOX_UNAVAILABLE


def load_overview(ctx, account_id: str) -> Overview:
    """The account's requests from the server and the outbox (worker)."""
    outcome = with_api(ctx, lambda api: api.applications())
    local, problem = pending(ctx, account_id)
    ids = [a.service_id for a in outcome.value] if outcome.ok else []
    ids += [item.service_id for item in local if item.service_id]
    return Overview(outcome, local, problem, service_names(ctx, ids))


def load_request(ctx, account_id: str, application_id: str) -> Request:
    """One application and this kiosk's pending answers to it (worker)."""
    outcome = with_api(ctx, lambda api: api.application(application_id))
    local, problem = pending(ctx, account_id)
    answers = [i for i in local if i.kind != "application" and i.application_ref == application_id]
    service = None
    if outcome.ok:
        service = open_catalog_store(ctx).catalog.find(outcome.value.service_id)
    return Request(outcome, answers, problem, service)


def approval_notice(ctx, application_id: str, station: dict):
    """The approval notice's data for kiosk.receipts (kind "approval"), or the API's failure."""
    outcome = with_api(ctx, lambda api: api.approval_notice(application_id))
    if not outcome.ok:
        return outcome
    notice = outcome.value
    names = list(notice.beneficiaries) or [notice.applicant_name]
    return Ok(
        {
            "request_number": notice.application_id,
            "service": notice.service_name.to_dict(),
            "decision": APPROVED.to_dict(),
            "beneficiaries": [{"name": name} for name in names],
            "approval_date": notice.approval_date,
            "issued_at": now_text(),
            "station": station,
        }
    )


APPROVED = Bilingual("تمت الموافقة على الطلب", "The request is approved")


def payment_slip(application: Application, bill: Bill, service: Bilingual, station: dict) -> dict:
    """The payment slip's data for kiosk.receipts (kind "payment")."""
    return {
        "bill_number": bill.billing_no,
        "service": service.to_dict(),
        "request_number": application.application_id,
        "amount_jod": bill.amount,
        "due_date": bill.due_date,
        "issued_at": now_text(),
        "station": station,
    }


def now_text() -> str:
    return dt.datetime.now().replace(microsecond=0).isoformat(timespec="minutes")


# ---------------------------------------------------------------- answering (workers)


def seal_edit(ctx, account_id: str, application_id: str, fields: dict):
    """Seal the corrected fields into the outbox (one transaction), then wake the delivery.

    Raises KioskError (disk full …) with the message to show; only after this returns may the
    screen say "saved".
    """
    from ui.services import open_outbox, sync

    sealed = open_outbox(ctx).seal_edit(account_id, application_id, fields, _utcnow())
    sync(ctx).wake()
    return sealed


def seal_details(ctx, account_id: str, application_id: str, note: str, attachments: list):
    """Seal a note and attachments (anything with document_type, content_type and data) for
    the application, then wake the delivery; see seal_edit."""
    from ui.services import open_outbox, sync

    files = [SealFile(a.document_type, a.content_type, a.data, None) for a in attachments]
    sealed = open_outbox(ctx).seal_details(account_id, application_id, note, files, _utcnow())
    sync(ctx).wake()
    return sealed


def _utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)
