"""Attack: request bodies of any size (finding 8 of the security review).

The sandbox checked Content-Length only: a 300 MB chunked upload was read whole into memory and
a 20 MB `data` field was stored. Now every route has a byte cap counted while the body streams
in (sandbox/limits.py), and the contract bounds what an application's data may hold. Measured
on the sandbox process itself: its peak memory (VmHWM) while a client pushes 300 MB at it.
"""

from __future__ import annotations

import hashlib
import json
import select
import socket
import uuid
from urllib.parse import urlsplit

import pytest
import requests

MB = 1024 * 1024
FLOOD = 300 * MB


def _peak_kb(pid: int) -> int:
    with open(f"/proc/{pid}/status") as f:
        line = next(line for line in f if line.startswith("VmHWM:"))
    return int(line.split()[1])


def _chunked_flood(
    url: str, method: str, path: str, headers: dict, total: int
) -> tuple[int, bytes]:
    """Push `total` bytes as a chunked body until the server answers; (bytes sent, answer)."""
    where = urlsplit(url)
    sock = socket.create_connection((where.hostname, where.port), timeout=30)
    head = [f"{method} {path} HTTP/1.1", f"Host: {where.netloc}", "Transfer-Encoding: chunked"]
    head += [f"{k}: {v}" for k, v in headers.items()]
    sock.sendall(("\r\n".join(head) + "\r\n\r\n").encode())
    piece = b"[" * MB
    chunk = f"{len(piece):x}\r\n".encode() + piece + b"\r\n"
    sent = 0
    try:
        while sent < total:
            readable, _, _ = select.select([sock], [], [], 0)
            if readable:
                break  # the server answered (or closed) before the body ended
            sock.sendall(chunk)
            sent += len(piece)
        else:
            sock.sendall(b"0\r\n\r\n")
    except OSError:
        pass  # the server closed the connection on us: it stopped reading
    sock.settimeout(30)
    answer = b""
    try:
        while b"\r\n\r\n" not in answer:
            data = sock.recv(65536)
            if not data:
                break
            answer += data
    except OSError:
        pass
    sock.close()
    return sent, answer


@pytest.fixture
def sandbox(fresh_sandbox):
    return fresh_sandbox()


def _session(sandbox) -> dict:
    body = sandbox.register_individual()
    return {"Authorization": f"Bearer {sandbox.login(body['username'], body['password'])}"}


def test_a_300_mb_chunked_registration_is_cut_off_without_being_read(sandbox):
    before = _peak_kb(sandbox.process.pid)
    sent, answer = _chunked_flood(
        sandbox.url, "POST", "/v1/accounts", {"Content-Type": "application/json"}, FLOOD
    )
    grown_mb = (_peak_kb(sandbox.process.pid) - before) / 1024
    print(f"sent {sent / MB:.0f} MB before the answer; sandbox peak memory +{grown_mb:.1f} MB")
    assert answer.startswith(b"HTTP/1.1 413"), answer[:200]
    assert sent < 100 * MB
    assert grown_mb < 50
    assert requests.get(f"{sandbox.url}/v1/health", timeout=10).status_code == 200


def test_a_300_mb_chunked_attachment_is_cut_off_at_the_attachment_cap(sandbox):
    auth = _session(sandbox)
    content = b"%PDF-1.4 small"
    announced = {
        "attachment_id": str(uuid.uuid4()),
        "document_type": "beneficiary_passport",
        "content_type": "application/pdf",
        "size": len(content),
        "sha256": hashlib.sha256(content).hexdigest(),
    }
    app = requests.post(
        f"{sandbox.url}/v1/applications",
        json={
            "service_id": "residence.family",
            "priority": "normal",
            "data": {"beneficiaries": [{"full_name": "Sara"}]},
            "attachments": [announced],
        },
        headers=auth | {"Idempotency-Key": str(uuid.uuid4())},
        timeout=10,
    ).json()
    path = f"/v1/applications/{app['application_id']}/attachments/{announced['attachment_id']}"
    before = _peak_kb(sandbox.process.pid)
    headers = auth | {"Content-Type": "application/octet-stream"}
    sent, answer = _chunked_flood(sandbox.url, "PUT", path, headers, FLOOD)
    grown_mb = (_peak_kb(sandbox.process.pid) - before) / 1024
    print(f"sent {sent / MB:.0f} MB before the answer; sandbox peak memory +{grown_mb:.1f} MB")
    assert answer.startswith(b"HTTP/1.1 413"), answer[:200]
    assert sent < 100 * MB and grown_mb < 60
    state = requests.get(sandbox.url + path, headers=auth, timeout=10).json()
    assert state["received_bytes"] == 0


def test_a_declared_20_mb_data_field_is_refused_before_it_is_read(sandbox):
    auth = _session(sandbox)
    body = json.dumps(
        {
            "service_id": "residence.family",
            "priority": "normal",
            "data": {"beneficiaries": [{"full_name": "Sara"}], "blob": "x" * (20 * MB)},
            "attachments": [],
        }
    ).encode()
    answer = requests.post(
        f"{sandbox.url}/v1/applications",
        data=body,
        headers=auth | {"Content-Type": "application/json", "Idempotency-Key": str(uuid.uuid4())},
        timeout=30,
    )
    assert answer.status_code == 413
    assert answer.json()["code"] == "too_large"
    listed = requests.get(f"{sandbox.url}/v1/applications", headers=auth, timeout=10)
    assert listed.json()["applications"] == []


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"note": "x" * 2001}, "data.note"),
        ({"beneficiaries": [{"full_name": "y" * 2001}]}, "data.beneficiaries.0.full_name"),
        ({"k" * 65: 1}, "data"),
        ({"a": {"b": {"c": {"d": {"e": {"f": {"g": {"h": {}}}}}}}}}, "data.a.b.c.d.e.f.g.h"),
    ],
)
def test_an_application_s_data_stays_within_the_contract_s_size_limits(sandbox, data, field):
    auth = _session(sandbox)
    data = {"beneficiaries": [{"full_name": "Sara"}]} | data
    answer = requests.post(
        f"{sandbox.url}/v1/applications",
        json={
            "service_id": "residence.family",
            "priority": "normal",
            "data": data,
            "attachments": [],
        },
        headers=auth | {"Idempotency-Key": str(uuid.uuid4())},
        timeout=10,
    )
    assert answer.status_code == 422, answer.text
    assert (answer.json()["code"], answer.json()["field"]) == ("invalid_value", field)


def test_json_nested_as_deep_as_the_cap_allows_is_malformed_not_a_crash(sandbox):
    deep = b"[" * 30_000 + b"]" * 30_000
    answer = requests.post(
        f"{sandbox.url}/v1/sessions",
        data=deep,
        headers={"Content-Type": "application/json"},
        timeout=10,
    )
    assert answer.status_code == 400, answer.text
    assert answer.json()["code"] == "malformed_request"
