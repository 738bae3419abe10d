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


def _application(service_id: str) -> dict:
    return {"service_id": service_id, "priority": "normal", "data": {}, "attachments": []}


def test_applications_name_the_kiosk_service_ids(api):
    for service in catalog_data.load_bundled().services:
        outcome = api.create_application(_application(service.id), str(uuid.uuid4()))
        assert isinstance(outcome, Ok), (service.id, outcome)
    unknown = api.create_application(_application("residence.annual.family"), str(uuid.uuid4()))
    assert isinstance(unknown, Rejected)
    assert unknown.status == 422
