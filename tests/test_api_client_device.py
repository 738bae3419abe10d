"""The kiosk delivers as a terminal: enrollment kept in the keyring, `CentralApi.as_device`
writes for an account without its session, and a revoked token is renewed (real sandbox)."""

from __future__ import annotations

import dataclasses
import hashlib
import uuid

import pytest
import requests

from kiosk import config as kiosk_config
from kiosk.api import CentralApi, NoConnection, Rejected
from kiosk.device import DeviceCredentials, ensure_enrolled, is_invalid_token, secret_name
from offline_cache.keys import KeyRing

PAGE = b"%PDF-1.4\n" + b"lease contract page\n" * 300


@pytest.fixture
def setup(sandbox_server, tmp_path):
    """A kiosk configuration with its own device id, a file keyring, a client, an account id."""
    cfg = kiosk_config.load(environ={"KIOSK_STORAGE_DATA_DIR": str(tmp_path / "data")})
    cfg = dataclasses.replace(
        cfg, kiosk=dataclasses.replace(cfg.kiosk, id=f"KIOSK-{uuid.uuid4().hex[:10]}")
    )
    api = CentralApi(sandbox_server.url, retries=0)
    body = sandbox_server.register_individual()
    token = sandbox_server.login(body["username"], body["password"])
    profile = requests.get(
        f"{sandbox_server.url}/v1/account", headers={"Authorization": f"Bearer {token}"}, timeout=10
    ).json()
    yield cfg, KeyRing(tmp_path / "data", backend="file"), api, profile["account_id"], body
    api.close()


def _application(content: bytes) -> tuple[dict, dict]:
    attachment = {
        "attachment_id": str(uuid.uuid4()),
        "document_type": "lease_contract",
        "content_type": "application/pdf",
        "size": len(content),
        "sha256": hashlib.sha256(content).hexdigest(),
    }
    body = {
        "service_id": "residence.family",
        "priority": "normal",
        "data": {"beneficiaries": [{"full_name": "Sara Omar"}]},
        "attachments": [attachment],
    }
    return body, attachment


def test_enrolling_once_keeps_the_token_in_the_keyring_and_works_offline_after(
    setup, sandbox_server
):
    cfg, keys, api, _, _ = setup
    credentials = ensure_enrolled(api, keys, cfg)
    assert isinstance(credentials, DeviceCredentials)
    assert credentials.device_id == cfg.kiosk.id
    assert keys.get(secret_name(cfg.kiosk.id)) == credentials.token
    assert credentials.token not in repr(credentials)

    offline = CentralApi("http://127.0.0.1:9", retries=0, connect_timeout_s=0.5)
    assert ensure_enrolled(offline, keys, cfg) == credentials  # from the keyring, no network
    offline.close()


def test_a_delivering_client_writes_for_the_account_over_the_parents_http_session(setup):
    cfg, keys, api, account_id, _ = setup
    credentials = ensure_enrolled(api, keys, cfg)
    delivering = api.as_device(credentials.device_id, credentials.token, account_id)
    assert delivering.transport is api.transport and delivering.delivering
    assert not api.logged_in  # nobody's session is used

    body, attachment = _application(PAGE)
    created = delivering.create_application(body, str(uuid.uuid4()))
    assert created.ok and created.status == 201
    app_id = created.value.application_id
    half = len(PAGE) // 2
    assert delivering.upload_attachment(
        app_id, attachment["attachment_id"], PAGE[:half], 0, len(PAGE)
    ).ok
    state = delivering.attachment_state(app_id, attachment["attachment_id"]).value
    assert state.received_bytes == half
    rest = PAGE[half:]
    assert delivering.upload_attachment(
        app_id, attachment["attachment_id"], rest, half, len(PAGE)
    ).ok
    committed = delivering.commit_application(app_id)
    assert committed.ok and committed.value.status == "submitted"
    assert [b.amount for b in committed.value.bills] == ["2.000"]

    # Reads are the account holder's: the terminal cannot list what it delivered.
    read = delivering.applications()
    assert isinstance(read, Rejected) and read.code == "not_authenticated"
    delivering.close()
    assert api.health().ok  # closing the delegate left the shared session open


def test_a_revoked_token_is_renewed_by_enrolling_again(setup, sandbox_server):
    cfg, keys, api, account_id, _ = setup
    old = ensure_enrolled(api, keys, cfg)
    # The ministry enrolls the terminal again (a support action): the kept token is now stale.
    assert api.enroll_device(cfg.kiosk.id, cfg.kiosk.site, cfg.api.enrollment_code).ok
    body, _ = _application(PAGE)
    refused = api.as_device(old.device_id, old.token, account_id).create_application(
        body, str(uuid.uuid4())
    )
    assert is_invalid_token(refused)

    renewed = ensure_enrolled(api, keys, cfg, renew=True)
    assert isinstance(renewed, DeviceCredentials) and renewed.token != old.token
    assert keys.get(secret_name(cfg.kiosk.id)) == renewed.token
    accepted = api.as_device(renewed.device_id, renewed.token, account_id).create_application(
        body, str(uuid.uuid4())
    )
    assert accepted.ok


def test_a_wrong_enrollment_code_or_no_network_keeps_nothing(setup):
    cfg, keys, api, _, _ = setup
    wrong = dataclasses.replace(cfg, api=dataclasses.replace(cfg.api, enrollment_code="NOPE"))
    refused = ensure_enrolled(api, keys, wrong)
    assert isinstance(refused, Rejected) and refused.code == "invalid_enrollment_code"
    offline = CentralApi("http://127.0.0.1:9", retries=0, connect_timeout_s=0.5)
    assert isinstance(ensure_enrolled(offline, keys, cfg), NoConnection)
    offline.close()
    assert keys.get(secret_name(cfg.kiosk.id)) is None
