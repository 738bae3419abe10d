"""The sandbox serves the kiosk's own bundled catalog, so the kiosk knows every service it names."""

from __future__ import annotations

import uuid

import pytest
import requests

from kiosk import resources
from kiosk.api import CentralApi, Ok, Rejected
from kiosk.domain import catalog as catalog_data

BUNDLED = resources.path(catalog_data.BUNDLED_PATH).read_bytes()


@pytest.fixture
def api(sandbox_server):
    client = CentralApi(sandbox_server.url, retries=0)
    body = sandbox_server.register_individual()
    assert client.login(body["username"], body["password"]).ok
    yield client
    client.close()


def test_sandbox_serves_the_bundled_catalog_byte_for_byte_with_a_content_etag(sandbox_server):
    answer = requests.get(f"{sandbox_server.url}/v1/catalog", timeout=10)
    assert answer.status_code == 200
    assert answer.content == BUNDLED
    etag = answer.headers["ETag"]
    again = requests.get(
        f"{sandbox_server.url}/v1/catalog", headers={"If-None-Match": etag}, timeout=10
    )
    assert again.status_code == 304
    assert again.headers["ETag"] == etag


def test_kiosk_reads_the_sandbox_catalog_as_its_bundled_one(api):
    outcome = api.catalog()
    assert isinstance(outcome, Ok)
    bundled = catalog_data.load_bundled()
    assert outcome.value.version == bundled.version
    assert [s["service_id"] for s in outcome.value.services] == [s.id for s in bundled.services]
    assert api.catalog(outcome.value.etag).value.not_modified


def test_an_application_for_a_service_outside_the_catalog_is_refused_naming_it(api):
    # Every catalog service is accepted with valid answers: test_sandbox_fees_cross_check.py.
    body = {
        "service_id": "residence.annual.family",
        "priority": "normal",
        "data": {"beneficiaries": [{"full_name": "Sara Omar"}]},
        "attachments": [],
    }
    unknown = api.create_application(body, str(uuid.uuid4()))
    assert isinstance(unknown, Rejected)
    assert (unknown.status, unknown.code, unknown.field) == (422, "invalid_value", "service_id")
