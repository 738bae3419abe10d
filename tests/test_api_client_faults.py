"""The client's typed outcomes for every way a network or server can fail, on real sockets.

Small http.server handlers on loopback play the faulty server: stopped, slow, crashing, a
captive portal answering HTML, malformed JSON, the wrong shape, and a TLS server the kiosk
must not trust unless its CA bundle says so.
"""

from __future__ import annotations

import datetime as dt
import ipaddress
import logging
import socket
import ssl
import threading
import time
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from kiosk.api import (
    CentralApi,
    NoConnection,
    Ok,
    Rejected,
    ServerError,
    TimedOut,
    UnexpectedAnswer,
)


class FakeServer:
    """A loopback HTTP server answering every request with (status, content type, body)."""

    def __init__(self, status=200, content_type="application/json", body=b"{}", delay_s=0.0):
        self.status, self.content_type, self.body, self.delay_s = (
            status,
            content_type,
            body,
            delay_s,
        )
        self.requests: list[tuple[str, str]] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            def _answer(self):
                length = int(self.headers.get("Content-Length") or 0)
                self.rfile.read(length)
                server.requests.append((self.command, self.path))
                time.sleep(server.delay_s)
                try:
                    self.send_response(server.status)
                    self.send_header("Content-Type", server.content_type)
                    self.send_header("Content-Length", str(len(server.body)))
                    if 300 <= server.status < 400:
                        self.send_header("Location", "http://portal.example/login")
                    self.end_headers()
                    self.wfile.write(server.body)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up (timeout tests)

            do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = _answer

            def log_message(self, *args):
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def stop(self):
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join()


@pytest.fixture
def fake():
    servers: list[FakeServer] = []

    def start(**kw) -> FakeServer:
        servers.append(FakeServer(**kw))
        return servers[-1]

    yield start
    for server in servers:
        server.stop()


def _client(url: str, **kw) -> CentralApi:
    kw.setdefault("backoff_s", 0.01)
    return CentralApi(url, **kw)


def test_a_stopped_server_is_no_connection_with_a_message_to_show():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # closed again: nothing listens there
    outcome = _client(f"http://127.0.0.1:{port}").catalog()
    assert isinstance(outcome, NoConnection) and outcome.retryable
    assert "اتصال" in outcome.message.ar and "connection" in outcome.message.en


def test_a_server_that_does_not_answer_in_time_is_timed_out(fake):
    slow = fake(delay_s=1.5)
    outcome = _client(slow.url, read_timeout_s=0.3, retries=0).catalog()
    assert isinstance(outcome, TimedOut) and outcome.maybe_received
    assert outcome.message.en


def test_reads_and_keyed_writes_are_retried_but_other_writes_are_sent_once(fake):
    slow = fake(delay_s=1.0)
    api = _client(slow.url, read_timeout_s=0.2, retries=2)
    api.catalog()
    assert len(slow.requests) == 3
    slow.requests.clear()
    api.register({"category": "individual"}, str(uuid.uuid4()))
    assert len(slow.requests) == 3
    slow.requests.clear()
    api.login("someone", "Secret-123")
    assert len(slow.requests) == 1


def test_a_500_is_a_server_error_and_a_503_is_retried(fake):
    crashing = fake(status=500, body=b'{"code":"internal_error"}')
    outcome = _client(crashing.url).catalog()
    assert isinstance(outcome, ServerError) and outcome.status == 500
    assert len(crashing.requests) == 1
    busy = fake(status=503, content_type="text/html", body=b"<h1>busy</h1>")
    assert isinstance(_client(busy.url, retries=2).catalog(), ServerError)
    assert len(busy.requests) == 3


def test_an_html_page_with_200_from_a_captive_portal_is_an_unexpected_answer(fake):
    portal = fake(content_type="text/html; charset=utf-8", body=b"<html>Sign in to Wi-Fi</html>")
    outcome = _client(portal.url).catalog()
    assert isinstance(outcome, UnexpectedAnswer) and outcome.status == 200
    assert "Sign in" not in outcome.reason  # the reason describes, never quotes
    assert outcome.message.ar and outcome.message.en


def test_a_captive_portal_redirect_is_an_unexpected_answer(fake):
    portal = fake(status=302, content_type="text/html", body=b"")
    assert isinstance(_client(portal.url).health(), UnexpectedAnswer)


def test_malformed_json_is_an_unexpected_answer(fake):
    broken = fake(body=b'{"version": "1", "services": [')
    outcome = _client(broken.url).catalog()
    assert isinstance(outcome, UnexpectedAnswer) and outcome.reason == "malformed JSON"


@pytest.mark.parametrize(
    "body",
    [
        b'{"version": "1"}',
        b'{"version": "1", "services": [{"service_id": 7}]}',
        b'["not", "an", "object"]',
        b'{"version": "1", "services": [{"service_id": "x", "name": {"ar": "a"}}]}',
    ],
)
def test_json_of_the_wrong_shape_is_an_unexpected_answer(fake, body):
    outcome = _client(fake(body=body).url).catalog()
    assert isinstance(outcome, UnexpectedAnswer) and outcome.reason.startswith("wrong shape")


def test_a_4xx_without_the_error_shape_is_an_unexpected_answer_not_a_rejection(fake):
    proxy = fake(status=403, content_type="text/html", body=b"<h1>Forbidden by proxy</h1>")
    assert isinstance(_client(proxy.url).catalog(), UnexpectedAnswer)
    odd = fake(status=422, body=b'{"code": 5, "message": "x"}')
    assert isinstance(_client(odd.url).catalog(), UnexpectedAnswer)


def test_a_rejection_carries_code_field_message_and_retry_after(fake):
    body = (
        '{"code": "too_many_attempts", "field": "username", '
        '"message": {"ar": "محاولات كثيرة", "en": "Too many attempts"}}'
    ).encode()
    throttled = fake(status=429, body=body)
    outcome = _client(throttled.url).login("someone", "Secret-123")
    assert isinstance(outcome, Rejected)
    assert (outcome.code, outcome.field, outcome.status) == ("too_many_attempts", "username", 429)
    assert outcome.message.ar == "محاولات كثيرة" and outcome.retryable


def _self_signed(tmp_path):
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=1))
        .add_extension(
            x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
            critical=False,
        )
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    cert_path, key_path = tmp_path / "ca.pem", tmp_path / "key.pem"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return cert_path, key_path


def test_tls_is_verified_and_trusted_only_through_the_configured_ca_bundle(fake, tmp_path):
    server = fake(body=b'{"status": "ok"}')
    cert, key = _self_signed(tmp_path)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    server.httpd.socket = context.wrap_socket(server.httpd.socket, server_side=True)
    url = server.url.replace("http://", "https://")

    untrusted = _client(url, retries=0).health()
    assert isinstance(untrusted, NoConnection) and untrusted.detail == "tls"
    trusted = _client(url, retries=0, ca_bundle=str(cert)).health()
    assert isinstance(trusted, Ok)


def test_log_lines_never_carry_personal_data(sandbox_server, caplog):
    caplog.set_level(logging.DEBUG, logger="kiosk")
    api = CentralApi(sandbox_server.url)
    secrets = {
        "username": f"privacy.{uuid.uuid4().hex[:8]}",
        "password": "Hidden-321",
        "phone": "0791112233",
        "email": "private.person@example.com",
        "passport_number": "Q1234567",
        "personal_number": "1098765432",
        "full_name": "Private Person",
    }
    body = {"category": "individual", "date_of_birth": "1990-01-01", "nationality": "IRQ"}
    api.register(body | secrets, str(uuid.uuid4()))
    api.login(secrets["username"], secrets["password"])
    api.update_profile({"phone": "0792223344"})
    api.forgot_password(secrets["username"])
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert "/v1/accounts" in logged  # the calls are logged…
    for value in [*secrets.values(), "0792223344", "+962791112233"]:
        assert value not in logged  # …without what the person typed
