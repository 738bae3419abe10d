"""HTTP to the central API: one requests.Session, timeouts, TLS, retries, typed failures.

Retries only where repeating cannot do harm: GET, and writes carrying an Idempotency-Key (the
server answers a repeat with the same resource). Every other write is sent once; if its answer
is lost the caller gets TimedOut(maybe_received=True) and decides.

Log lines name the method, the path (identifiers only, never personal data: usernames,
passwords and numbers travel in bodies, never in paths) and the status; never a body or token.
"""

from __future__ import annotations

import json
import logging
import random
import time
from dataclasses import dataclass, field

import requests

from kiosk.api.outcomes import (
    Failure,
    NoConnection,
    Ok,
    Rejected,
    ServerError,
    TimedOut,
    UnexpectedAnswer,
)
from kiosk.texts import Bilingual

log = logging.getLogger("kiosk.api")

RETRY_STATUSES = (502, 503, 504)


@dataclass(frozen=True)
class Answer:
    """A successful HTTP answer: status, headers and the JSON body (None when empty)."""

    status: int
    headers: dict = field(default_factory=dict)
    body: object = None


class Transport:
    """Sends requests to one base URL and turns every result into Ok(Answer) or a Failure."""

    def __init__(
        self,
        base_url: str,
        *,
        connect_timeout_s: float = 5.0,
        read_timeout_s: float = 20.0,
        ca_bundle: str = "",
        retries: int = 2,
        backoff_s: float = 0.3,
        user_agent: str = "moi-kiosk",
    ):
        self.base_url = base_url.rstrip("/")
        self.timeout = (connect_timeout_s, read_timeout_s)
        self.retries = retries
        self.backoff_s = backoff_s
        self.session = requests.Session()
        # TLS verification is always on; a configured CA bundle replaces the system's.
        self.session.verify = ca_bundle or True
        self.session.headers["User-Agent"] = user_agent
        self.session.headers["Accept"] = "application/json"
        self.session.trust_env = False  # no proxy or netrc surprises from the environment

    def request(
        self,
        method: str,
        path: str,
        *,
        json_body: object = None,
        data: bytes | None = None,
        headers: dict | None = None,
        params: dict | None = None,
    ) -> Ok[Answer] | Failure:
        """One call, retried when safe; never raises."""
        headers = dict(headers or {})
        repeatable = method == "GET" or "Idempotency-Key" in headers
        attempts = 1 + (self.retries if repeatable else 0)
        outcome: Ok[Answer] | Failure = NoConnection("not attempted")
        for attempt in range(attempts):
            if attempt:
                # Exponential backoff with jitter, so kiosks that lost the network together do
                # not come back in lockstep.
                time.sleep(self.backoff_s * 2 ** (attempt - 1) * random.uniform(0.5, 1.5))
            outcome = self._once(method, path, json_body, data, headers, params)
            if not _worth_repeating(outcome):
                break
        return outcome

    def close(self) -> None:
        self.session.close()

    def _once(self, method, path, json_body, data, headers, params) -> Ok[Answer] | Failure:
        started = time.monotonic()
        try:
            response = self.session.request(
                method,
                self.base_url + path,
                json=json_body,
                data=data,
                headers=headers,
                params=params,
                timeout=self.timeout,
                allow_redirects=False,  # a redirect is a captive portal, never our API
            )
            content = response.content
        except requests.exceptions.ConnectTimeout:
            log.warning("%s %s: connect timeout", method, path)
            return TimedOut(maybe_received=False)
        except requests.exceptions.ReadTimeout:
            log.warning("%s %s: read timeout", method, path)
            return TimedOut(maybe_received=True)
        except requests.exceptions.SSLError:
            log.warning("%s %s: TLS verification failed", method, path)
            return NoConnection("tls")
        except requests.exceptions.ConnectionError as e:
            # A reset after sending also lands here; the retry rule (idempotent only) covers it.
            log.warning("%s %s: no connection (%s)", method, path, type(e).__name__)
            return NoConnection("connection")
        except requests.exceptions.RequestException as e:
            log.warning("%s %s: request failed (%s)", method, path, type(e).__name__)
            return NoConnection(type(e).__name__)
        elapsed_ms = (time.monotonic() - started) * 1000
        log.info("%s %s -> %d in %.0f ms", method, path, response.status_code, elapsed_ms)
        return _interpret(response.status_code, response.headers, content)


def _worth_repeating(outcome) -> bool:
    if isinstance(outcome, NoConnection | TimedOut):
        return True
    return isinstance(outcome, ServerError) and outcome.status in RETRY_STATUSES


def _interpret(status: int, headers, content: bytes) -> Ok[Answer] | Failure:
    """The contract's answers; anything else is UnexpectedAnswer."""
    plain_headers = {k.lower(): v for k, v in headers.items()}
    if status >= 500:
        return ServerError(status)
    if 300 <= status < 400 and status != 304:
        return UnexpectedAnswer("redirect", status)
    if status in (204, 304) or (status < 300 and not content):
        return Ok(Answer(status, plain_headers, None), status)
    if "json" not in plain_headers.get("content-type", ""):
        return UnexpectedAnswer("not JSON (content type)", status)
    try:
        body = json.loads(content)
    except (ValueError, UnicodeDecodeError):
        return UnexpectedAnswer("malformed JSON", status)
    if status >= 400:
        return _rejection(status, plain_headers, body)
    replayed = plain_headers.get("idempotency-replayed") == "true"
    return Ok(Answer(status, plain_headers, body), status, replayed)


def _rejection(status: int, headers: dict, body) -> Rejected | UnexpectedAnswer:
    """The contract's one error shape, or UnexpectedAnswer if the 4xx is someone else's."""
    if not isinstance(body, dict):
        return UnexpectedAnswer("error without the error shape", status)
    code, message, field_ = body.get("code"), body.get("message"), body.get("field", "")
    if (
        not isinstance(code, str)
        or not isinstance(message, dict)
        or not isinstance(message.get("ar"), str)
        or not isinstance(message.get("en"), str)
        or not isinstance(field_, str)
    ):
        return UnexpectedAnswer("error without the error shape", status)
    retry_after = headers.get("retry-after", "")
    return Rejected(
        code=code,
        message=Bilingual(ar=message["ar"], en=message["en"]),
        field=field_,
        status=status,
        retry_after=int(retry_after) if retry_after.isdigit() else None,
    )
