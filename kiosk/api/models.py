"""The central API's answers as typed values, read defensively from JSON.

Each `from_json` checks the shape the contract promises and raises ShapeError naming the first
path that is wrong; the client turns that into UnexpectedAnswer, so a malformed or hostile answer
never reaches a screen as a half-filled object.
"""

from __future__ import annotations

import dataclasses
import functools
import types
import typing
from dataclasses import dataclass
from decimal import Decimal

from kiosk.api.fields import INDIVIDUAL_FIELDS, INSTITUTION_FIELDS
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


class _FromJson:
    """A model read from JSON by its dataclass fields: each field's type says how to read its key.

    str, int, bool, dict; Bilingual; tuple[str, ...] (a list of texts); list[Model]; `X | None`
    (the key is required, null allowed). A field with a default may be absent (the default then).
    A model whose shape is not just its fields overrides `from_json`.
    """

    @classmethod
    def from_json(cls, data, path: str = "$") -> typing.Self:
        r = _Reader(data, path)
        hints = _field_types(cls)
        values = {}
        for f in dataclasses.fields(cls):
            has_default = f.default is not dataclasses.MISSING
            if has_default and f.name not in r.data:
                continue
            values[f.name] = _read_field(r, f.name, hints[f.name])
        return cls(**values)


@functools.cache
def _field_types(cls) -> dict:
    return typing.get_type_hints(cls)


def _read_field(r: _Reader, key: str, kind):
    if kind is Bilingual:
        return r.bilingual(key)
    if kind == tuple[str, ...]:
        return r.texts(key)
    origin, args = typing.get_origin(kind), typing.get_args(kind)
    if origin is list:
        return r.objects(key, args[0])
    if origin is types.UnionType:
        (inner,) = (a for a in args if a is not type(None))
        if dataclasses.is_dataclass(inner):
            return r.child(key, inner, nullable=True)
        return r.get(key, inner, nullable=True)
    return r.get(key, kind)


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


# Every field an account of either kind may hold (kiosk/api/fields.py lists them per kind).
PROFILE_FIELDS = tuple(dict.fromkeys(INDIVIDUAL_FIELDS + INSTITUTION_FIELDS))


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
class Reply(_FromJson):
    text: str
    created_at: str


@dataclass(frozen=True)
class Message(_FromJson):
    message_id: str
    subject: str
    fields_to_change: tuple[str, ...]
    reason: str
    status: str  # open | answered
    replies: list[Reply]
    created_at: str
    already_received: bool = False


# ---------------------------------------------------------------- devices, catalog


@dataclass(frozen=True)
class DeviceEnrollment(_FromJson):
    device_id: str
    device_token: str
    heartbeat_interval_s: int


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
class AttachmentState(_FromJson):
    attachment_id: str
    document_type: str
    size: int
    sha256: str
    received_bytes: int
    complete: bool


@dataclass(frozen=True)
class StatusChange(_FromJson):
    status: str
    at: str
    note: str | None = None  # may be absent


@dataclass(frozen=True)
class DetailsRequest(_FromJson):
    fields: tuple[str, ...]
    documents: tuple[str, ...]
    note: str
    fields_edited: tuple[str, ...]
    documents_provided: bool


@dataclass(frozen=True)
class Approval(_FromJson):
    approval_date: str
    valid_until: str


@dataclass(frozen=True)
class Bill(_FromJson):
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
        amount = _Reader(data, path).text("amount")
        whole, dot, fils = amount.partition(".")
        if not (whole.isdigit() and dot and len(fils) == 3 and fils.isdigit()):
            raise ShapeError(f"{path}.amount")
        return super().from_json(data, path)


@dataclass(frozen=True)
class Application(_FromJson):
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


@dataclass(frozen=True)
class Details(_FromJson):
    details_id: str
    application_id: str
    attachments: list[AttachmentState]
    committed: bool
    already_received: bool


# kw_only: an optional key keeps its place in the contract's order.
@dataclass(frozen=True, kw_only=True)
class ApprovalNotice(_FromJson):
    notice_number: str
    application_id: str
    service_name: Bilingual
    applicant_name: str
    beneficiaries: tuple[str, ...] = ()
    approval_date: str
    valid_until: str


@dataclass(frozen=True, kw_only=True)
class Notification(_FromJson):
    notification_id: str
    kind: str
    application_id: str | None = None
    billing_no: str | None = None
    message: Bilingual
    created_at: str


@dataclass(frozen=True)
class NotificationPage(_FromJson):
    notifications: list[Notification]
    next_cursor: str
