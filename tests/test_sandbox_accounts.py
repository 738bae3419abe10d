"""Sandbox account rules over real HTTP: throttling, expiring tokens, password hashing."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import time

import requests

from tests.fixtures.sandbox import individual_registration


def _login(url: str, username: str, password: str) -> requests.Response:
    return requests.post(
        f"{url}/v1/sessions", json={"username": username, "password": password}, timeout=10
    )


def test_login_is_throttled_after_repeated_failures_even_with_the_right_password(
    fresh_sandbox,
):
    sandbox = fresh_sandbox("--login-max-failures", "3", "--login-lock", "60")
    body = sandbox.register_individual()
    codes = [_login(sandbox.url, body["username"], "Wrong-000").status_code for _ in range(3)]
    assert codes == [401, 401, 429]
    locked = _login(sandbox.url, body["username"], body["password"])
    assert locked.status_code == 429
    assert locked.json()["code"] == "too_many_attempts"
    assert 0 < int(locked.headers["Retry-After"]) <= 60


def test_an_unknown_username_is_throttled_like_a_known_one(fresh_sandbox):
    sandbox = fresh_sandbox("--login-max-failures", "2")
    codes = [_login(sandbox.url, "nobody.here", "Wrong-000").status_code for _ in range(3)]
    assert codes == [401, 429, 429]


def test_tokens_expire(fresh_sandbox):
    sandbox = fresh_sandbox("--token-ttl", "1")
    body = sandbox.register_individual()
    token = sandbox.login(body["username"], body["password"])
    auth = {"Authorization": f"Bearer {token}"}
    assert requests.get(f"{sandbox.url}/v1/account", headers=auth, timeout=10).status_code == 200
    time.sleep(1.5)
    expired = requests.get(f"{sandbox.url}/v1/account", headers=auth, timeout=10)
    assert expired.status_code == 401 and expired.json()["code"] == "token_expired"


def test_logout_ends_the_token_at_once(sandbox_server):
    body = sandbox_server.register_individual()
    auth = {"Authorization": f"Bearer {sandbox_server.login(body['username'], body['password'])}"}
    url = sandbox_server.url
    assert requests.delete(f"{url}/v1/sessions/current", headers=auth).status_code == 204
    after = requests.get(f"{url}/v1/account", headers=auth, timeout=10)
    assert after.status_code == 401 and after.json()["code"] == "not_authenticated"


def test_passwords_are_stored_as_scrypt_hashes_never_in_clear(sandbox_server):
    body = sandbox_server.register_individual(password="Visible-999")
    with sqlite3.connect(sandbox_server.db_path) as db:
        (stored,) = db.execute(
            "SELECT password_hash FROM accounts WHERE username = ?", (body["username"],)
        ).fetchone()
    assert stored.startswith("scrypt$1024$") and "Visible-999" not in stored


def test_weak_password_and_missing_passport_are_refused_naming_the_field(sandbox_server):
    url = f"{sandbox_server.url}/v1/accounts"
    weak = requests.post(url, json=individual_registration(password="onlyletters"), timeout=10)
    assert weak.status_code == 422 and weak.json()["field"] == "password"
    assert weak.json()["code"] == "weak_password"
    body = individual_registration()
    del body["passport_number"]
    missing = requests.post(url, json=body, timeout=10)
    assert (missing.json()["code"], missing.json()["field"]) == (
        "field_required",
        "passport_number",
    )
    jordanian = individual_registration(nationality="JOR")
    del jordanian["passport_number"]
    refused = requests.post(url, json=jordanian, timeout=10)
    assert refused.json()["field"] == "national_number"
    accepted = requests.post(url, json=jordanian | {"national_number": "9991234567"}, timeout=10)
    assert accepted.status_code == 201


def test_every_error_has_the_one_shape_even_for_unknown_routes_and_methods(sandbox_server):
    url = sandbox_server.url
    answers = [
        requests.get(f"{url}/v1/nowhere", timeout=10),
        requests.delete(f"{url}/v1/catalog", timeout=10),
        requests.post(f"{url}/v1/sessions", data=b"{not json", timeout=10),
        requests.post(f"{url}/v1/sessions", json=["a", "list"], timeout=10),
        requests.get(f"{url}/v1/account", headers={"Authorization": "Bearer nope"}, timeout=10),
    ]
    assert [a.status_code for a in answers] == [404, 405, 400, 400, 401]
    for answer in answers:
        error = answer.json()
        assert set(error) <= {"code", "message", "field"}
        assert error["message"]["ar"] and error["message"]["en"]
    assert answers[1].headers["Allow"] == "GET"


def _officer_command(db_path, *args: str) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "sandbox", "officer", "--db", str(db_path), *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=60)


def test_the_officer_command_line_runs_as_a_real_command(sandbox_server):
    body = sandbox_server.register_individual()
    requests.post(
        f"{sandbox_server.url}/v1/password-resets", json={"username": body["username"]}, timeout=10
    )
    shown = _officer_command(sandbox_server.db_path, "outbox", "--to", body["username"])
    assert shown.returncode == 0
    assert "SMS to +962795551234" in shown.stdout and "EMAIL to omar@example.com" in shown.stdout
    refused = _officer_command(sandbox_server.db_path, "approve", "APP-999999")
    assert refused.returncode == 1 and "not_found" in refused.stderr
