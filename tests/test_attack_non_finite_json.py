"""Attack: NaN and Infinity in JSON bodies (finding 9 of the security review).

One `{"x": NaN}` in an application's data was answered 500 but stored, and from then on the
account's list of applications always answered 500. Python's json reads NaN, Infinity,
-Infinity and 1e999 (a float that overflows to infinity); none of them is JSON. The sandbox now
refuses them as malformed and stores nothing, and a value stored by an older version reads back
as null instead of breaking every list it is part of.
"""

from __future__ import annotations

import sqlite3
import uuid

import pytest
import requests

NON_FINITE = ["NaN", "Infinity", "-Infinity", "1e999", "-1e999"]


@pytest.fixture
def holder(sandbox_server):
    body = sandbox_server.register_individual()
    token = sandbox_server.login(body["username"], body["password"])
    return {"Authorization": f"Bearer {token}"}


def _raw_application(number: str) -> bytes:
    return (
        '{"service_id": "residence.family", "priority": "normal", "attachments": [], '
        '"data": {"beneficiaries": [{"full_name": "Sara"}], "x": ' + number + "}}"
    ).encode()


def _post_raw(url: str, headers: dict, raw: bytes, key: bool = True) -> requests.Response:
    headers = headers | {"Content-Type": "application/json"}
    if key:
        headers["Idempotency-Key"] = str(uuid.uuid4())
    return requests.post(url, data=raw, headers=headers, timeout=10)


@pytest.mark.parametrize("number", NON_FINITE)
def test_a_non_finite_number_in_an_application_is_refused_and_the_list_keeps_answering(
    sandbox_server, holder, number
):
    url = f"{sandbox_server.url}/v1/applications"
    refused = _post_raw(url, holder, _raw_application(number))
    assert refused.status_code == 400, refused.text
    assert refused.json()["code"] == "malformed_request"
    listed = requests.get(url, headers=holder, timeout=10)
    assert listed.status_code == 200
    assert listed.json()["applications"] == []  # nothing was stored


def test_a_finite_number_in_the_same_place_is_taken(sandbox_server, holder):
    url = f"{sandbox_server.url}/v1/applications"
    taken = _post_raw(url, holder, _raw_application("1e300"))
    assert taken.status_code == 201, taken.text
    assert requests.get(url, headers=holder, timeout=10).json()["applications"][0]["data"][
        "x"
    ] == pytest.approx(1e300)


@pytest.mark.parametrize(
    ("method", "path", "raw"),
    [
        ("POST", "/v1/sessions", b'{"username": "demo.individual", "password": NaN}'),
        ("POST", "/v1/account/messages", b'{"subject": "s", "reason": "r", "x": Infinity}'),
        ("PATCH", "/v1/account", b'{"phone": -Infinity}'),
        ("POST", "/v1/devices", b'{"device_id": "NAN-KIOSK", "site": NaN}'),
    ],
)
def test_every_json_route_refuses_non_finite_numbers_as_malformed(
    sandbox_server, holder, method, path, raw
):
    answer = requests.request(
        method,
        sandbox_server.url + path,
        data=raw,
        headers=holder | {"Content-Type": "application/json"},
        timeout=10,
    )
    assert answer.status_code == 400, answer.text
    assert answer.json()["code"] == "malformed_request"


def test_an_edit_or_a_heartbeat_with_nan_is_refused_and_nothing_changes(sandbox_server, holder):
    device = requests.post(
        f"{sandbox_server.url}/v1/devices",
        json={"device_id": "NAN-KIOSK-1", "site": "post", "enrollment_code": "SANDBOX-ENROLL"},
        timeout=10,
    ).json()
    beat = requests.post(
        f"{sandbox_server.url}/v1/devices/NAN-KIOSK-1/heartbeat",
        data=b'{"app_version": "1", "disk_free_mb": NaN}',
        headers={"X-Device-Token": device["device_token"], "Content-Type": "application/json"},
        timeout=10,
    )
    assert beat.status_code == 400
    created = _post_raw(f"{sandbox_server.url}/v1/applications", holder, _raw_application("1"))
    app_id = created.json()["application_id"]
    patched = requests.patch(
        f"{sandbox_server.url}/v1/applications/{app_id}",
        data=b'{"fields": {"beneficiaries.0.full_name": NaN}}',
        headers=holder | {"Content-Type": "application/json", "Idempotency-Key": str(uuid.uuid4())},
        timeout=10,
    )
    assert patched.status_code == 400
    got = requests.get(f"{sandbox_server.url}/v1/applications/{app_id}", headers=holder, timeout=10)
    assert got.json()["data"]["beneficiaries"][0]["full_name"] == "Sara"


def test_a_non_finite_value_stored_by_an_older_version_reads_as_null_not_a_500(
    sandbox_server, holder
):
    url = f"{sandbox_server.url}/v1/applications"
    app_id = _post_raw(url, holder, _raw_application("1")).json()["application_id"]
    with sqlite3.connect(sandbox_server.db_path) as db:  # what the old sandbox wrote
        db.execute(
            "UPDATE applications SET data = ? WHERE application_id = ?",
            ('{"beneficiaries": [{"full_name": "Sara"}], "x": NaN, "y": 1e999}', app_id),
        )
    listed = requests.get(url, headers=holder, timeout=10)
    assert listed.status_code == 200, listed.text
    (app,) = listed.json()["applications"]
    assert (app["data"]["x"], app["data"]["y"]) == (None, None)
    assert app["data"]["beneficiaries"] == [{"full_name": "Sara"}]
