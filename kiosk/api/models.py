"""The central API's answers as typed values, read defensively from JSON.

Each `from_json` checks the shape the contract promises and raises ShapeError naming the first
path that is wrong; the client turns that into UnexpectedAnswer, so a malformed or hostile answer
never reaches a screen as a half-filled object.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from kiosk.texts import Bilingual


class ShapeError(Exception):
    """An answer that does not have the contract's shape (the message is a JSON path)."""


class _Reader:
    """Typed access to one JSON object, with the path for error messages."""

    def __init__(self, data, path: str = "$"):
        if not isinstance(data, dict):
            raise ShapeError(path)
        self.data, self.path = data, path

    def get(self, key: str, kind, *, optional: bool = False, nullable: bool = False):
        if key not in self.data:
            if optional:
                return None
            raise ShapeError(f"{self.path}.{key}")
        value = self.data[key]
        if value is None and nullable:
            return None
        if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
            raise ShapeError(f"{self.path}.{key}")
        return value

    def text(self, key: str, **kw) -> str:
        return self.get(key, str, **kw)

    def flag(self, key: str, **kw) -> bool:
        return self.get(key, bool, **kw)

    def bilingual(self, key: str) -> Bilingual:
        inner = _Reader(self.get(key, dict), f"{self.path}.{key}")
        return Bilingual(ar=inner.text("ar"), en=inner.text("en"))

    def texts(self, key: str) -> tuple[str, ...]:
        items = self.get(key, list)
        if not all(isinstance(x, str) for x in items):
            raise ShapeError(f"{self.path}.{key}")
        return tuple(items)

    def objects(self, key: str, model):
        items = self.get(key, list)
        return [model.from_json(x, f"{self.path}.{key}[{i}]") for i, x in enumerate(items)]

    def child(self, key: str, model, nullable: bool = False):
        value = self.get(key, dict, nullable=nullable)
        return None if value is None else model.from_json(value, f"{self.path}.{key}")


def list_of(body, key: str, model) -> list:
    """The list of `model` under `key` of an answer (`{"messages": [...]}` and the like)."""
    return _Reader(body).objects(key, model)


def bilingual_of(body, key: str) -> Bilingual:
    """The bilingual text under `key` of an answer."""
    return _Reader(body).bilingual(key)


# ---------------------------------------------------------------- accounts


@dataclass(frozen=True)
class Account:
    account_id: str
    username: str
    category: str
    status: str  # active | pending
    activation_required: bool
    activation_instructions: Bilingual
    already_received: bool = False

    @property
    def pending(self) -> bool:
        return self.status != "active"

    @classmethod
    def from_json(cls, data, path: str = "$") -> Account:
        r = _Reader(data, path)
        activation = _Reader(r.get("activation", dict), f"{path}.activation")
        return cls(
            account_id=r.text("account_id"),
            username=r.text("username"),
            category=r.text("category"),
            status=r.text("status"),
            activation_required=activation.flag("required"),
            activation_instructions=activation.bilingual("instructions"),
            already_received=bool(r.flag("already_received", optional=True)),
        )


@dataclass(frozen=True)
class SessionInfo:
    """A login's result as the screens see it (the token stays inside the client)."""

    expires_at: str
    must_change_password: bool
    account: Account

    @classmethod
    def from_json(cls, data, path: str = "$") -> SessionInfo:
        r = _Reader(data, path)
        r.text("token")
        return cls(
            expires_at=r.text("expires_at"),
            must_change_password=bool(r.flag("must_change_password", optional=True)),
            account=r.child("account", Account),
        )


PROFILE_FIELDS = (
    "full_name",
    "date_of_birth",
    "nationality",
    "national_number",
    "personal_number",
    "organisation_name",
    "registration_number",
    "contact_name",
    "passport_number",
    "phone",
    "email",
)


@dataclass(frozen=True)
class Profile:
    account_id: str
    username: str
    category: str
    status: str
    fields: dict  # name -> value (str) or None, for PROFILE_FIELDS
    editable_fields: tuple[str, ...]
    locked_fields: tuple[str, ...]
    must_change_password: bool

    @classmethod
    def from_json(cls, data, path: str = "$") -> Profile:
        r = _Reader(data, path)
        fields = {name: r.text(name, optional=True, nullable=True) for name in PROFILE_FIELDS}
        return cls(
            account_id=r.text("account_id"),
            username=r.text("username"),
            category=r.text("category"),
            status=r.text("status"),
            fields=fields,
            editable_fields=r.texts("editable_fields"),
            locked_fields=r.texts("locked_fields"),
            must_change_password=bool(r.flag("must_change_password", optional=True)),
        )


@dataclass(frozen=True)
class Reply:
    text: str
    created_at: str

    @classmethod
    def from_json(cls, data, path: str = "$") -> Reply:
        r = _Reader(data, path)
        return cls(text=r.text("text"), created_at=r.text("created_at"))


@dataclass(frozen=True)
class Message:
    message_id: str
    subject: str
    fields_to_change: tuple[str, ...]
    reason: str
    status: str  # open | answered
    replies: list[Reply]
    created_at: str
    already_received: bool = False

    @classmethod
    def from_json(cls, data, path: str = "$") -> Message:
        r = _Reader(data, path)
        return cls(
            message_id=r.text("message_id"),
            subject=r.text("subject"),
            fields_to_change=r.texts("fields_to_change"),
            reason=r.text("reason"),
            status=r.text("status"),
            replies=r.objects("replies", Reply),
            created_at=r.text("created_at"),
            already_received=bool(r.flag("already_received", optional=True)),
        )


# ---------------------------------------------------------------- devices, catalog


@dataclass(frozen=True)
class DeviceEnrollment:
    device_id: str
    device_token: str
    heartbeat_interval_s: int

    @classmethod
    def from_json(cls, data, path: str = "$") -> DeviceEnrollment:
        r = _Reader(data, path)
        return cls(
            device_id=r.text("device_id"),
            device_token=r.text("device_token"),
            heartbeat_interval_s=r.get("heartbeat_interval_s", int),
        )


@dataclass(frozen=True)
class CatalogAnswer:
    """The catalog, or `not_modified` when the kiosk's copy (by ETag) is current."""

    etag: str
    not_modified: bool
    version: str | None = None
    services: list | None = None

    @classmethod
    def from_json(cls, data, etag: str, path: str = "$") -> CatalogAnswer:
        r = _Reader(data, path)
        services = r.get("services", list)
        for i, service in enumerate(services):
            s = _Reader(service, f"{path}.services[{i}]")
            s.text("service_id")
            s.bilingual("name")
        return cls(etag=etag, not_modified=False, version=r.text("version"), services=services)


# ---------------------------------------------------------------- applications, payments


@dataclass(frozen=True)
class AttachmentState:
    attachment_id: str
    document_type: str
    size: int
    sha256: str
    received_bytes: int
    complete: bool

    @classmethod
    def from_json(cls, data, path: str = "$") -> AttachmentState:
        r = _Reader(data, path)
        return cls(
            attachment_id=r.text("attachment_id"),
            document_type=r.text("document_type"),
            size=r.get("size", int),
            sha256=r.text("sha256"),
            received_bytes=r.get("received_bytes", int),
            complete=r.flag("complete"),
        )


@dataclass(frozen=True)
class StatusChange:
    status: str
    at: str
    note: str | None

    @classmethod
    def from_json(cls, data, path: str = "$") -> StatusChange:
        r = _Reader(data, path)
        return cls(r.text("status"), r.text("at"), r.text("note", optional=True, nullable=True))


@dataclass(frozen=True)
class DetailsRequest:
    fields: tuple[str, ...]
    documents: tuple[str, ...]
    note: str
    fields_edited: tuple[str, ...]
    documents_provided: bool

    @classmethod
    def from_json(cls, data, path: str = "$") -> DetailsRequest:
        r = _Reader(data, path)
        return cls(
            fields=r.texts("fields"),
            documents=r.texts("documents"),
            note=r.text("note"),
            fields_edited=r.texts("fields_edited"),
            documents_provided=r.flag("documents_provided"),
        )


@dataclass(frozen=True)
class Approval:
    approval_date: str
    valid_until: str

    @classmethod
    def from_json(cls, data, path: str = "$") -> Approval:
        r = _Reader(data, path)
        return cls(r.text("approval_date"), r.text("valid_until"))


@dataclass(frozen=True)
class Bill:
    billing_no: str
    application_id: str
    amount: str  # JOD with 3 decimals, as the contract writes it
    due_date: str
    status: str  # BillNew | BillPaid
    description: Bilingual
    paid_at: str | None

    @property
    def amount_jod(self) -> Decimal:
        return Decimal(self.amount)

    @property
    def paid(self) -> bool:
        return self.status == "BillPaid"

    @classmethod
    def from_json(cls, data, path: str = "$") -> Bill:
        r = _Reader(data, path)
        amount = r.text("amount")
        whole, dot, fils = amount.partition(".")
        if not (whole.isdigit() and dot and len(fils) == 3 and fils.isdigit()):
            raise ShapeError(f"{path}.amount")
        return cls(
            billing_no=r.text("billing_no"),
            application_id=r.text("application_id"),
            amount=amount,
            due_date=r.text("due_date"),
            status=r.text("status"),
            description=r.bilingual("description"),
            paid_at=r.text("paid_at", nullable=True),
        )


@dataclass(frozen=True)
class Application:
    application_id: str
    idempotency_key: str
    service_id: str
    priority: str
    status: str
    data: dict
    attachments: list[AttachmentState]
    history: list[StatusChange]
    details_request: DetailsRequest | None
    bills: list[Bill]
    approval: Approval | None
    rejection_reason: str | None
    already_received: bool

    @classmethod
    def from_json(cls, data, path: str = "$") -> Application:
        r = _Reader(data, path)
        return cls(
            application_id=r.text("application_id"),
            idempotency_key=r.text("idempotency_key"),
            service_id=r.text("service_id"),
            priority=r.text("priority"),
            status=r.text("status"),
            data=r.get("data", dict),
            attachments=r.objects("attachments", AttachmentState),
            history=r.objects("history", StatusChange),
            details_request=r.child("details_request", DetailsRequest, nullable=True),
            bills=r.objects("bills", Bill),
            approval=r.child("approval", Approval, nullable=True),
            rejection_reason=r.text("rejection_reason", nullable=True),
            already_received=r.flag("already_received"),
        )


@dataclass(frozen=True)
class Details:
    details_id: str
    application_id: str
    attachments: list[AttachmentState]
    committed: bool
    already_received: bool

    @classmethod
    def from_json(cls, data, path: str = "$") -> Details:
        r = _Reader(data, path)
        return cls(
            details_id=r.text("details_id"),
            application_id=r.text("application_id"),
            attachments=r.objects("attachments", AttachmentState),
            committed=r.flag("committed"),
            already_received=r.flag("already_received"),
        )


@dataclass(frozen=True)
class ApprovalNotice:
    notice_number: str
    application_id: str
    service_name: Bilingual
    applicant_name: str
    beneficiaries: tuple[str, ...]
    approval_date: str
    valid_until: str

    @classmethod
    def from_json(cls, data, path: str = "$") -> ApprovalNotice:
        r = _Reader(data, path)
        return cls(
            notice_number=r.text("notice_number"),
            application_id=r.text("application_id"),
            service_name=r.bilingual("service_name"),
            applicant_name=r.text("applicant_name"),
            beneficiaries=r.texts("beneficiaries") if "beneficiaries" in r.data else (),
            approval_date=r.text("approval_date"),
            valid_until=r.text("valid_until"),
        )


@dataclass(frozen=True)
class Notification:
    notification_id: str
    kind: str
    application_id: str | None
    billing_no: str | None
    message: Bilingual
    created_at: str

    @classmethod
    def from_json(cls, data, path: str = "$") -> Notification:
        r = _Reader(data, path)
        return cls(
            notification_id=r.text("notification_id"),
            kind=r.text("kind"),
            application_id=r.text("application_id", optional=True, nullable=True),
            billing_no=r.text("billing_no", optional=True, nullable=True),
            message=r.bilingual("message"),
            created_at=r.text("created_at"),
        )


@dataclass(frozen=True)
class NotificationPage:
    notifications: list[Notification]
    next_cursor: str

    @classmethod
    def from_json(cls, data, path: str = "$") -> NotificationPage:
        r = _Reader(data, path)
        return cls(r.objects("notifications", Notification), r.text("next_cursor"))
