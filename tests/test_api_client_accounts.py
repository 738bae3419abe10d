"""Account flows through the kiosk's API client against a running sandbox, over real HTTP."""

from __future__ import annotations

import re
import uuid

import pytest

from kiosk.api import CentralApi, Ok, Rejected
from tests.fixtures.sandbox import individual_registration, new_username


@pytest.fixture
def api(sandbox_server):
    client = CentralApi(sandbox_server.url, retries=0)
    yield client
    client.close()


def _register(api: CentralApi, **overrides) -> dict:
    body = individual_registration(**overrides)
    outcome = api.register(body, str(uuid.uuid4()))
    assert isinstance(outcome, Ok), outcome
    return body


def test_individual_registers_logs_in_changes_password_logs_out_and_logs_in_with_the_new_one(api):
    body = _register(api)
    login = api.login(body["username"], body["password"])
    assert isinstance(login, Ok) and login.value.account.status == "active"
    assert api.logged_in

    changed = api.change_password(body["password"], "Another-456")
    assert isinstance(changed, Ok)
    assert isinstance(api.logout(), Ok)
    assert not api.logged_in

    old = api.login(body["username"], body["password"])
    assert isinstance(old, Rejected) and old.code == "invalid_credentials" and old.status == 401
    assert isinstance(api.login(body["username"], "Another-456"), Ok)


def test_registration_answers_active_for_individuals_at_once(api):
    body = individual_registration()
    outcome = api.register(body, str(uuid.uuid4()))
    assert isinstance(outcome, Ok) and outcome.status == 201
    assert outcome.value.status == "active" and not outcome.value.activation_required


def test_forgot_password_sends_a_new_one_by_sms_and_email_that_logs_in(api, sandbox_server):
    body = _register(api)
    answer = api.forgot_password(body["username"])
    assert isinstance(answer, Ok) and "SMS" in answer.value.en

    sent = sandbox_server.outbox(body["username"])
    assert {m["channel"] for m in sent} == {"sms", "email"}
    sms = next(m for m in sent if m["channel"] == "sms")
    assert sms["recipient"] == "+962795551234"  # 0795551234 in international form
    new_password = re.search(r"is (\S+)$", sms["body"]).group(1)

    assert isinstance(api.login(body["username"], body["password"]), Rejected)
    login = api.login(body["username"], new_password)
    assert isinstance(login, Ok) and login.value.must_change_password


def test_forgot_password_answers_the_same_for_an_unknown_username(api, sandbox_server):
    unknown = new_username("nobody")
    answer = api.forgot_password(unknown)
    assert isinstance(answer, Ok)
    assert sandbox_server.outbox(unknown) == []


def test_hospital_stays_pending_until_the_officer_activates_it(api, sandbox_server):
    body = {
        "category": "hospital",
        "username": new_username("hospital"),
        "password": "Hospital-1",
        "organisation_name": "مستشفى الأمل",
        "registration_number": "HSP-2024/17",
        "contact_name": "Lina Nasser",
        "phone": "+962776543210",
        "email": "admin@hospital.example",
    }
    registered = api.register(body, str(uuid.uuid4()))
    assert isinstance(registered, Ok) and registered.value.pending
    assert "مرة واحدة" in registered.value.activation_instructions.ar

    refused = api.login(body["username"], body["password"])
    assert isinstance(refused, Rejected) and refused.code == "account_pending"

    sandbox_server.officer("activate", body["username"])
    login = api.login(body["username"], body["password"])
    assert isinstance(login, Ok) and login.value.account.status == "active"


def test_profile_changes_phone_passport_and_email(api):
    body = _register(api)
    api.login(body["username"], body["password"])
    changed = api.update_profile(
        {"phone": "00447700900123", "passport_number": "P9876543", "email": "new@example.com"}
    )
    assert isinstance(changed, Ok)
    assert changed.value.fields["phone"] == "+447700900123"
    assert changed.value.fields["passport_number"] == "P9876543"
    profile = api.profile()
    assert isinstance(profile, Ok) and profile.value.fields["email"] == "new@example.com"
    assert profile.value.editable_fields == ("phone", "passport_number", "email")


@pytest.mark.parametrize(
    ("change", "code", "field"),
    [
        ({"full_name": "Someone Else"}, "field_locked", "full_name"),
        ({"date_of_birth": "1990-01-01"}, "field_locked", "date_of_birth"),
        ({"phone": "12345"}, "invalid_phone", "phone"),
        ({"email": "not-an-address"}, "invalid_email", "email"),
        ({"passport_number": "ab 12"}, "invalid_passport_number", "passport_number"),
        ({"favourite_colour": "blue"}, "unknown_field", "favourite_colour"),
    ],
)
def test_profile_refuses_locked_and_invalid_fields_naming_the_field(api, change, code, field):
    body = _register(api)
    api.login(body["username"], body["password"])
    refused = api.update_profile(change)
    assert isinstance(refused, Rejected)
    assert (refused.code, refused.field, refused.status) == (code, field, 422)
    assert refused.message.ar and refused.message.en
    assert api.profile().value.fields["full_name"] == body["full_name"]


def test_message_to_the_ministry_arrives_and_the_reply_comes_back(api, sandbox_server):
    body = _register(api)
    api.login(body["username"], body["password"])
    key = str(uuid.uuid4())
    sent = api.send_message("تصحيح الاسم", "خطأ في كتابة الاسم", ["full_name"], key)
    assert isinstance(sent, Ok) and sent.status == 201

    again = api.send_message("تصحيح الاسم", "خطأ في كتابة الاسم", ["full_name"], key)
    assert again.replayed and again.value.message_id == sent.value.message_id

    at_ministry = [
        m for m in sandbox_server.officer_json("messages") if m["username"] == body["username"]
    ]
    assert len(at_ministry) == 1
    assert at_ministry[0]["fields_to_change"] == ["full_name"]
    assert at_ministry[0]["reason"] == "خطأ في كتابة الاسم"

    sandbox_server.officer("reply", sent.value.message_id, "--text", "يرجى مراجعة المديرية")
    (message,) = api.messages().value
    assert message.status == "answered" and message.replies[0].text == "يرجى مراجعة المديرية"


def test_double_tap_on_register_creates_one_account(api):
    body = individual_registration()
    key = str(uuid.uuid4())
    first = api.register(body, key)
    second = api.register(body, key)
    assert first.status == 201 and second.status == 200 and second.replayed
    assert second.value.account_id == first.value.account_id
    assert second.value.already_received


def test_registering_a_taken_username_with_a_new_key_is_refused(api):
    body = _register(api)
    again = api.register(body, str(uuid.uuid4()))
    assert isinstance(again, Rejected) and (again.code, again.field) == (
        "username_taken",
        "username",
    )


def test_calls_needing_a_session_are_refused_locally_before_login(api):
    outcome = api.profile()
    assert isinstance(outcome, Rejected) and outcome.code == "not_authenticated"
