"""The HTTP face of the sandbox: the contract's routes, each a thin call into a module.

Every answer that is not a success has the contract's one error shape, whatever went wrong:
ApiError from the modules, unknown routes and methods, and (never expected) a crash, which
answers 500 internal_error with no detail.
"""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.routing import Match

from sandbox import (
    accounts,
    applications,
    catalog,
    delivery,
    devices,
    notify,
    payments,
    times,
)
from sandbox import validation as v
from sandbox.db import Database
from sandbox.errors import ApiError
from sandbox.limits import BodyCap
from sandbox.settings import Settings

API_VERSION = "1.0.0"
log = logging.getLogger("sandbox")


def create_app(db: Database, settings: Settings) -> FastAPI:
    """The FastAPI application serving the contract from `db`."""
    # FastAPI's generated schema is switched off: resources/contract/openapi.yaml is the contract.
    app = FastAPI(title="MOI e-services sandbox", openapi_url=None, docs_url=None, redoc_url=None)
    _install_error_handlers(app)
    app.add_middleware(BodyCap)

    def account_of(request: Request) -> str:
        return accounts.authenticate(db, request.headers.get("authorization"))

    def writer_of(request: Request) -> delivery.Writer:
        # Application writes: the account's session, or a kiosk delivering for the account.
        return delivery.writer_of(db, request.headers)

    def key_of(request: Request, required: bool) -> str | None:
        return v.idempotency_key(request.headers.get("idempotency-key"), required)

    async def body_of(request: Request) -> dict:
        return v.parse_object(await request.body())

    @app.get("/v1/health")
    async def health():
        now = times.iso(times.now())
        return {"status": "ok", "api_version": API_VERSION, "server_time": now, "sandbox": True}

    # ------------------------------------------------------------ devices
    @app.post("/v1/devices")
    async def enroll_device(request: Request):
        answer, new = devices.enroll(db, settings, await body_of(request))
        return _json(answer, 201 if new else 200)

    @app.post("/v1/devices/{device_id}/heartbeat")
    async def heartbeat(device_id: str, request: Request):
        token = request.headers.get("x-device-token")
        return devices.heartbeat(db, device_id, token, await body_of(request))

    # ------------------------------------------------------------ accounts
    @app.post("/v1/accounts")
    async def register(request: Request):
        key = key_of(request, required=False)
        account, replayed = accounts.register(db, settings, await body_of(request), key)
        return _created(account, replayed)

    @app.post("/v1/sessions")
    async def login(request: Request):
        return accounts.login(db, settings, await body_of(request))

    @app.delete("/v1/sessions/current")
    async def logout(request: Request):
        accounts.logout(db, request.headers.get("authorization"))
        return Response(status_code=204)

    @app.post("/v1/password-resets")
    async def forgot_password(request: Request):
        return _json(accounts.forgot_password(db, settings, await body_of(request)), 202)

    @app.get("/v1/account")
    async def get_profile(request: Request):
        return accounts.profile(db, account_of(request))

    @app.patch("/v1/account")
    async def update_profile(request: Request):
        account_id = account_of(request)
        return accounts.update_profile(db, account_id, await body_of(request))

    @app.put("/v1/account/password")
    async def change_password(request: Request):
        account_id = account_of(request)
        token = request.headers["authorization"].partition(" ")[2].strip()
        accounts.change_password(db, settings, account_id, await body_of(request), token)
        return Response(status_code=204)

    @app.get("/v1/account/messages")
    async def list_messages(request: Request):
        return accounts.list_messages(db, account_of(request))

    @app.post("/v1/account/messages")
    async def send_message(request: Request):
        account_id = account_of(request)
        key = key_of(request, required=False)
        message, replayed = accounts.send_message(db, account_id, await body_of(request), key)
        return _created(message, replayed)

    # ------------------------------------------------------------ catalog
    @app.get("/v1/catalog")
    async def get_catalog(request: Request):
        etag = catalog.etag()
        if catalog.matches(request.headers.get("if-none-match")):
            return Response(status_code=304, headers={"ETag": etag})
        # The file's own bytes: the ETag is their hash.
        return Response(catalog.raw(), 200, {"ETag": etag}, media_type="application/json")

    # ------------------------------------------------------------ applications
    @app.get("/v1/applications")
    async def list_applications(request: Request):
        return applications.list_for(db, account_of(request))

    @app.post("/v1/applications")
    async def create_application(request: Request):
        writer = writer_of(request)
        key = key_of(request, required=True)
        body = await body_of(request)
        application, replayed = applications.create(
            db, writer.account_id, body, key, writer.device_id
        )
        return _created(application, replayed)

    @app.get("/v1/applications/{application_id}")
    async def get_application(application_id: str, request: Request):
        return applications.get(db, account_of(request), application_id)

    @app.patch("/v1/applications/{application_id}")
    async def edit_application(application_id: str, request: Request):
        account_id = writer_of(request).account_id
        key = key_of(request, required=True)
        body = await body_of(request)
        application, replayed = applications.edit(db, account_id, application_id, body, key)
        return _json(application, 200, _replayed(replayed))

    @app.get("/v1/applications/{application_id}/attachments/{attachment_id}")
    async def attachment_state(application_id: str, attachment_id: str, request: Request):
        account_id = writer_of(request).account_id
        return applications.attachment_state(db, account_id, application_id, attachment_id)

    @app.put("/v1/applications/{application_id}/attachments/{attachment_id}")
    async def upload_attachment(application_id: str, attachment_id: str, request: Request):
        account_id = writer_of(request).account_id
        chunk = await request.body()  # at most attachments.MAX_SIZE (sandbox/limits.py)
        content_range = request.headers.get("content-range")
        return applications.upload_attachment(
            db, account_id, application_id, attachment_id, content_range, chunk
        )

    @app.post("/v1/applications/{application_id}/commit")
    async def commit_application(application_id: str, request: Request):
        return applications.commit(db, writer_of(request).account_id, application_id)

    @app.post("/v1/applications/{application_id}/details")
    async def add_details(application_id: str, request: Request):
        account_id = writer_of(request).account_id
        key = key_of(request, required=True)
        body = await body_of(request)
        details, replayed = applications.add_details(db, account_id, application_id, body, key)
        return _created(details, replayed)

    @app.post("/v1/applications/{application_id}/details/{details_id}/commit")
    async def commit_details(application_id: str, details_id: str, request: Request):
        account_id = writer_of(request).account_id
        return applications.commit_details(db, account_id, application_id, details_id)

    @app.get("/v1/applications/{application_id}/approval-notice")
    async def approval_notice(application_id: str, request: Request):
        return applications.approval_notice(db, account_of(request), application_id)

    # ------------------------------------------------------------ payments
    @app.get("/v1/bills")
    async def list_bills(request: Request):
        account_id = account_of(request)
        v.query(request.query_params, {"application_id"})
        return payments.list_for(db, account_id, request.query_params.get("application_id"))

    @app.get("/v1/bills/{billing_no}")
    async def get_bill(billing_no: str, request: Request):
        return payments.get_for(db, account_of(request), billing_no)

    # ------------------------------------------------------------ notifications
    @app.get("/v1/notifications")
    async def list_notifications(request: Request):
        account_id = account_of(request)
        query = request.query_params
        v.query(query, {"since", "limit"})
        return notify.since(db, account_id, query.get("since"), query.get("limit"))

    return app


def _json(content, status: int = 200, headers: dict | None = None) -> JSONResponse:
    return JSONResponse(content, status_code=status, headers=headers)


def _replayed(replayed: bool) -> dict | None:
    return {"Idempotency-Replayed": "true"} if replayed else None


def _created(content: dict, replayed: bool) -> JSONResponse:
    """201 for a new resource, 200 (with Idempotency-Replayed) for an identical repeat."""
    return _json(content, 200 if replayed else 201, _replayed(replayed))


def _allowed_methods(request: Request) -> list[str]:
    """Every method the path supports (Starlette names only the first matching route's)."""
    methods: set[str] = set()
    for route in request.app.router.routes:
        match, _ = route.matches(request.scope)
        if match != Match.NONE:
            methods |= set(getattr(route, "methods", None) or ())
    return sorted(methods)


def _install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def api_error(request: Request, error: ApiError):
        headers = {"Retry-After": str(error.retry_after)} if error.retry_after else None
        return _json(error.to_json(), error.status, headers)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, error: StarletteHTTPException):
        code = {404: "not_found", 405: "method_not_allowed"}.get(
            error.status_code, "malformed_request"
        )
        headers = getattr(error, "headers", None)
        if error.status_code == 405:
            headers = {"Allow": ", ".join(_allowed_methods(request))}
        return _json(ApiError(code).to_json(), error.status_code, headers)

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, error: RequestValidationError):
        return _json(ApiError("invalid_value").to_json(), 422)

    @app.exception_handler(Exception)
    async def crash(request: Request, error: Exception):
        # The detail goes to the sandbox's log, never to the client.
        log.error("unhandled error on %s %s", request.method, request.url.path, exc_info=error)
        return _json(ApiError("internal_error").to_json(), 500)
