"""Request bodies are capped per route, counted while the bytes arrive (chunked ones included).

Checking Content-Length alone let a chunked upload of 300 MB be read whole into memory. So the
ASGI receive channel itself counts: a body that passes its route's cap is refused with 413
`too_large` at the first byte over, without reading the rest (the server then closes the
connection). A declared Content-Length over the cap is refused before anything is read.

The caps (the contract's "Size limits"): attachment bytes up to an attachment's largest size,
application writes (announce, edit, details) 1 MiB, every other body 64 KiB.
"""

from __future__ import annotations

import re

from sandbox import attachments
from sandbox.errors import ApiError

KIB = 1024
APPLICATION_BODY_MAX = 1024 * KIB
BODY_MAX = 64 * KIB
_ATTACHMENT = re.compile(r"/v1/applications/[^/]+/attachments/[^/]+")


def body_cap(method: str, path: str) -> int:
    """The most bytes a request's body may carry on this route."""
    if method == "PUT" and _ATTACHMENT.fullmatch(path):
        return attachments.MAX_SIZE
    if path.startswith("/v1/applications"):
        return APPLICATION_BODY_MAX
    return BODY_MAX


class BodyCap:
    """ASGI middleware: refuse a body over its route's cap while it streams in."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        cap = body_cap(scope["method"], scope["path"])
        declared = _content_length(scope)
        received = 0

        async def counted():
            nonlocal received
            # Raised inside the route's read of the body, so the app's ApiError handler
            # answers it in the contract's error shape.
            if declared is not None and declared > cap:
                raise ApiError("too_large", "body")
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > cap:
                    raise ApiError("too_large", "body")
            return message

        await self.app(scope, counted, send)


def _content_length(scope) -> int | None:
    for name, value in scope["headers"]:
        if name == b"content-length":
            return int(value) if value.isdigit() else None
    return None
