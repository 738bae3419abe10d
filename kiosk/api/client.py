"""The kiosk's client of the central e-services API (resources/contract/openapi.yaml).

One CentralApi per kiosk. Every method returns an Outcome (kiosk/api/outcomes.py) and never
raises. The session token lives only in this object's memory: `logout()` and
`forget_session()` (idle timeout) drop it.

The outbox delivers sealed applications after their user may have left, so it never uses a
session: `api.as_device(device_id, device_token, account_id)` is a client over the same HTTP
session whose authenticated calls carry the terminal's credentials and the account it delivers
for (X-Device-Id, X-Device-Token, X-Account-Id). The server accepts them on application writes
(announce, attachments, commit, edit, details); reads stay with the account holder's session.
"""

from __future__ import annotations

from collections.abc import Callable

from kiosk.api import models
from kiosk.api.outcomes import Failure, Ok, Rejected, UnexpectedAnswer
from kiosk.api.transport import Answer, Transport
from kiosk.config import Config
from kiosk.texts import Bilingual

LOGIN_NEEDED = Bilingual(ar="يرجى تسجيل الدخول.", en="Please log in.")
SESSION_OVER = ("not_authenticated", "token_expired")


class CentralApi:
    """Typed calls to the central API, one method per operation of the contract."""

    def __init__(
        self,
        base_url: str,
        *,
        connect_timeout_s: float = 5.0,
        read_timeout_s: float = 20.0,
        ca_bundle: str = "",
        retries: int = 2,
        backoff_s: float = 0.3,
    ):
        self.transport = Transport(
            base_url,
            connect_timeout_s=connect_timeout_s,
            read_timeout_s=read_timeout_s,
            ca_bundle=ca_bundle,
            retries=retries,
            backoff_s=backoff_s,
        )
        self._token: str | None = None
        self._device_headers: dict[str, str] | None = None

    @classmethod
    def from_config(cls, config: Config, base_url: str | None = None) -> CentralApi:
        """A client for the configured API (or `base_url`: the embedded sandbox in demo mode)."""
        return cls(
            base_url or config.api.url,
            connect_timeout_s=config.api.connect_timeout_s,
            read_timeout_s=config.api.read_timeout_s,
            ca_bundle=config.api.ca_bundle,
        )

    def as_device(self, device_id: str, device_token: str, account_id: str) -> CentralApi:
        """A client delivering for `account_id` with this terminal's credentials.

        It shares this client's transport (one HTTP session, one connection pool); closing it
        leaves the transport open for its parent.
        """
        delegate = CentralApi.__new__(CentralApi)
        delegate.transport = self.transport
        delegate._token = None
        delegate._device_headers = {
            "X-Device-Id": device_id,
            "X-Device-Token": device_token,
            "X-Account-Id": account_id,
        }
        return delegate

    @property
    def delivering(self) -> bool:
        """Whether this client authenticates as a terminal delivering for an account."""
        return self._device_headers is not None

    @property
    def base_url(self) -> str:
        return self.transport.base_url

    @property
    def logged_in(self) -> bool:
        return self._token is not None

    def forget_session(self) -> None:
        """Drop the token without telling the server (idle timeout, kiosk reset)."""
        self._token = None

    def close(self) -> None:
        self.forget_session()
        if self._device_headers is None:  # a delivering client borrows its parent's transport
            self.transport.close()

    # ------------------------------------------------------------ service, devices

    def health(self):
        """Whether the API answers."""
        return self._call("GET", "/v1/health", lambda body: _require(body, "status"))

    def enroll_device(self, device_id: str, site: str, enrollment_code: str, **extra):
        """Enroll this terminal; the answer carries its device token."""
        body = {"device_id": device_id, "site": site, "enrollment_code": enrollment_code} | extra
        return self._call("POST", "/v1/devices", models.DeviceEnrollment.from_json, body=body)

    def heartbeat(self, device_id: str, device_token: str, app_version: str, **state):
        """The terminal's periodic sign of life (outbox and disk state in `state`)."""
        return self._call(
            "POST",
            f"/v1/devices/{device_id}/heartbeat",
            lambda body: _require(body, "catalog_version"),
            body={"app_version": app_version} | state,
            headers={"X-Device-Token": device_token},
        )

    # ------------------------------------------------------------ accounts

    def register(self, registration: dict, idempotency_key: str):
        """Register an account; the same key again (a double tap, a resend) is the same one."""
        return self._call(
            "POST", "/v1/accounts", models.Account.from_json, body=registration, key=idempotency_key
        )

    def login(self, username: str, password: str):
        """Log in; on success the token is kept in memory for the following calls."""
        outcome = self._call(
            "POST",
            "/v1/sessions",
            lambda body: (models.SessionInfo.from_json(body), body["token"]),
            body={"username": username, "password": password},
        )
        if not outcome.ok:
            return outcome
        info, self._token = outcome.value
        return Ok(info, outcome.status)

    def logout(self):
        """End the session on the server; the token is dropped whatever the answer."""
        outcome = self._call("DELETE", "/v1/sessions/current", None, auth=True)
        self._token = None
        if isinstance(outcome, Rejected) and outcome.code in SESSION_OVER:
            return Ok(None, outcome.status)  # already over: that is what logging out wanted
        return outcome

    def forgot_password(self, username: str):
        """Ask for a new password by SMS and e-mail; the value is the message to show."""
        return self._call(
            "POST",
            "/v1/password-resets",
            lambda body: models.bilingual_of(body, "message"),
            body={"username": username},
        )

    def change_password(self, current_password: str, new_password: str):
        """Change the logged-in account's password."""
        body = {"current_password": current_password, "new_password": new_password}
        return self._call("PUT", "/v1/account/password", None, body=body, auth=True)

    def profile(self):
        """The logged-in account's profile."""
        return self._call("GET", "/v1/account", models.Profile.from_json, auth=True)

    def update_profile(self, changes: dict):
        """Change phone, passport_number and/or email (other fields are refused)."""
        return self._call("PATCH", "/v1/account", models.Profile.from_json, body=changes, auth=True)

    def send_message(
        self, subject: str, reason: str, fields_to_change: list[str], idempotency_key: str
    ):
        """Message the ministry (for example, to correct a locked profile field)."""
        body = {"subject": subject, "reason": reason, "fields_to_change": fields_to_change}
        return self._call(
            "POST",
            "/v1/account/messages",
            models.Message.from_json,
            body=body,
            key=idempotency_key,
            auth=True,
        )

    def messages(self):
        """The account's messages with the ministry's replies, newest first."""
        return self._call(
            "GET",
            "/v1/account/messages",
            lambda body: models.list_of(body, "messages", models.Message),
            auth=True,
        )

    # ------------------------------------------------------------ catalog

    def catalog(self, etag: str | None = None):
        """The service catalog; with the ETag of the kiosk's copy, `not_modified` if current."""
        headers = {"If-None-Match": etag} if etag else None
        outcome = self.transport.request("GET", "/v1/catalog", headers=headers)
        if not outcome.ok:
            return outcome
        answer: Answer = outcome.value
        new_etag = answer.headers.get("etag", "")
        if answer.status == 304:
            return Ok(models.CatalogAnswer(etag=new_etag or etag or "", not_modified=True), 304)
        return _parsed(answer, lambda body: models.CatalogAnswer.from_json(body, new_etag))

    # ------------------------------------------------------------ applications

    def create_application(self, application: dict, idempotency_key: str):
        """Announce an application (its attachments' hashes included): step 1 of 3."""
        return self._call(
            "POST",
            "/v1/applications",
            models.Application.from_json,
            body=application,
            key=idempotency_key,
            auth=True,
        )

    def attachment_state(self, application_id: str, attachment_id: str):
        """How many bytes of an attachment the server holds (to resume an upload)."""
        return self._call(
            "GET",
            f"/v1/applications/{application_id}/attachments/{attachment_id}",
            models.AttachmentState.from_json,
            auth=True,
        )

    def upload_attachment(
        self, application_id: str, attachment_id: str, chunk: bytes, offset: int, total: int
    ):
        """Send bytes [offset, offset+len(chunk)) of a `total`-byte attachment: step 2 of 3."""
        headers = {"Content-Type": "application/octet-stream"}
        if chunk:
            headers["Content-Range"] = f"bytes {offset}-{offset + len(chunk) - 1}/{total}"
        return self._call(
            "PUT",
            f"/v1/applications/{application_id}/attachments/{attachment_id}",
            models.AttachmentState.from_json,
            data=chunk,
            headers=headers,
            auth=True,
        )

    def commit_application(self, application_id: str):
        """Seal an announced application once its attachments arrived: step 3 of 3."""
        return self._call(
            "POST",
            f"/v1/applications/{application_id}/commit",
            models.Application.from_json,
            auth=True,
        )

    def application(self, application_id: str):
        """One application with its history, details request, bills and approval."""
        return self._call(
            "GET", f"/v1/applications/{application_id}", models.Application.from_json, auth=True
        )

    def applications(self):
        """The account's applications, newest first."""
        return self._call(
            "GET",
            "/v1/applications",
            lambda body: models.list_of(body, "applications", models.Application),
            auth=True,
        )

    def edit_application(self, application_id: str, fields: dict, idempotency_key: str):
        """Change the fields the ministry asked for (path in the data → new value)."""
        return self._call(
            "PATCH",
            f"/v1/applications/{application_id}",
            models.Application.from_json,
            body={"fields": fields},
            key=idempotency_key,
            auth=True,
        )

    def add_details(
        self, application_id: str, note: str, attachments: list[dict], idempotency_key: str
    ):
        """Announce additional details (a note and/or attachments' hashes)."""
        return self._call(
            "POST",
            f"/v1/applications/{application_id}/details",
            models.Details.from_json,
            body={"note": note, "attachments": attachments},
            key=idempotency_key,
            auth=True,
        )

    def commit_details(self, application_id: str, details_id: str):
        """Send announced details once their attachments arrived."""
        return self._call(
            "POST",
            f"/v1/applications/{application_id}/details/{details_id}/commit",
            models.Details.from_json,
            auth=True,
        )

    def approval_notice(self, application_id: str):
        """The approval notice's data, to print."""
        return self._call(
            "GET",
            f"/v1/applications/{application_id}/approval-notice",
            models.ApprovalNotice.from_json,
            auth=True,
        )

    # ------------------------------------------------------------ payments, notifications

    def bills(self, application_id: str | None = None):
        """The account's eFAWATEERcom bills (optionally of one application)."""
        params = {"application_id": application_id} if application_id else None
        return self._call(
            "GET",
            "/v1/bills",
            lambda body: models.list_of(body, "bills", models.Bill),
            params=params,
            auth=True,
        )

    def bill(self, billing_no: str):
        """One bill by its billing number."""
        return self._call("GET", f"/v1/bills/{billing_no}", models.Bill.from_json, auth=True)

    def notifications(self, since: str | None = None, limit: int = 50):
        """Notifications after the cursor; pass `next_cursor` back next time."""
        params = {"limit": limit} | ({"since": since} if since else {})
        return self._call(
            "GET",
            "/v1/notifications",
            models.NotificationPage.from_json,
            params=params,
            auth=True,
        )

    # ------------------------------------------------------------ plumbing

    def _call(
        self,
        method: str,
        path: str,
        parse: Callable | None,
        *,
        body: object = None,
        data: bytes | None = None,
        key: str | None = None,
        auth: bool = False,
        headers: dict | None = None,
        params: dict | None = None,
    ):
        headers = dict(headers or {})
        if auth and self._device_headers is not None:
            headers.update(self._device_headers)
        elif auth:
            if self._token is None:
                return Rejected("not_authenticated", LOGIN_NEEDED, status=401)
            headers["Authorization"] = f"Bearer {self._token}"
        if key is not None:
            headers["Idempotency-Key"] = key
        outcome = self.transport.request(
            method, path, json_body=body, data=data, headers=headers, params=params
        )
        if not outcome.ok:
            if auth and isinstance(outcome, Rejected) and outcome.code in SESSION_OVER:
                self._token = None  # the server ended the session; the screens go to login
            return outcome
        if parse is None:
            return Ok(None, outcome.status, outcome.replayed)
        return _parsed(outcome.value, parse, outcome.replayed)


def _parsed(answer: Answer, parse: Callable, replayed: bool = False) -> Ok | Failure:
    try:
        return Ok(parse(answer.body), answer.status, replayed)
    except models.ShapeError as e:
        return UnexpectedAnswer(f"wrong shape at {e}", answer.status)
    except (KeyError, TypeError, ValueError, AttributeError):
        return UnexpectedAnswer("wrong shape", answer.status)


def _require(body, key: str) -> dict:
    if not isinstance(body, dict) or key not in body:
        raise models.ShapeError(f"$.{key}")
    return body
