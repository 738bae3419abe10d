"""The sandbox conforms to the contract: schemathesis drives every operation over real HTTP.

For each operation of resources/contract/openapi.yaml, generated requests (valid and invalid)
must get an answer the contract documents: a documented status, content type, headers and body
shape, and never a 500. Bounded to a few examples per operation to stay fast.
"""

from __future__ import annotations

import hashlib
import uuid
from pathlib import Path

import pytest
import requests
import schemathesis
from hypothesis import HealthCheck, settings

CONTRACT = Path(__file__).resolve().parent.parent / "resources" / "contract" / "openapi.yaml"
EXAMPLES_PER_OPERATION = 20


@pytest.fixture(scope="module")
def conformance_account(sandbox_server):
    """An account with one submitted application and an enrolled device, for realistic calls."""
    body = sandbox_server.register_individual()
    token = sandbox_server.login(body["username"], body["password"])
    auth = {"Authorization": f"Bearer {token}"}
    content = b"%PDF-1.4 conformance"
    attachment = {
        "attachment_id": str(uuid.uuid4()),
        "document_type": "beneficiary_passport",
        "content_type": "application/pdf",
        "size": len(content),
        "sha256": hashlib.sha256(content).hexdigest(),
    }
    created = requests.post(
        f"{sandbox_server.url}/v1/applications",
        json={
            "service_id": "residence.family",
            "priority": "normal",
            "data": {
                "applicant": {"full_name": "Omar"},
                "beneficiaries": [{"full_name": "Sara Omar"}],
            },
            "attachments": [attachment],
        },
        headers=auth | {"Idempotency-Key": str(uuid.uuid4())},
        timeout=10,
    ).json()
    app_id = created["application_id"]
    url = f"{sandbox_server.url}/v1/applications/{app_id}"
    requests.put(f"{url}/attachments/{attachment['attachment_id']}", data=content, headers=auth)
    requests.post(f"{url}/commit", headers=auth, timeout=10).raise_for_status()
    device = requests.post(
        f"{sandbox_server.url}/v1/devices",
        json={"device_id": "CONFORMANCE-1", "site": "post", "enrollment_code": "SANDBOX-ENROLL"},
        timeout=10,
    ).json()
    return {"credentials": body, "device_token": device["device_token"]}


schema = schemathesis.openapi.from_path(CONTRACT)


@schema.parametrize()
@settings(
    max_examples=EXAMPLES_PER_OPERATION,
    deadline=None,
    suppress_health_check=list(HealthCheck),
)
def test_every_operation_answers_as_the_contract_says_and_never_500(
    case, sandbox_server, conformance_account
):
    credentials = conformance_account["credentials"]
    # A fresh session per call: a generated logout or password change must not starve the rest.
    token = sandbox_server.login(credentials["username"], credentials["password"])
    headers = {
        "Authorization": f"Bearer {token}",
        "X-Device-Token": conformance_account["device_token"],
    }
    case.call_and_validate(
        base_url=sandbox_server.url,
        headers=headers,
        timeout=10,
        # Some rules JSON Schema cannot state (a password needs a letter and a digit, a
        # service_id must be in the catalog, a Jordanian gives a national number) answer 422
        # with their stable code to schema-valid data; tests/test_sandbox_*.py prove each one.
        excluded_checks=[schemathesis.checks.positive_data_acceptance],
    )
