"""The kiosk checks account fields exactly as the server does, after normalising what was typed."""

from __future__ import annotations

import pytest
import requests

from kiosk.api import fields
from kiosk.domain import personal_number
from tests.fixtures.sandbox import individual_registration

CASES = [
    ("phone", "0791234567"),
    ("phone", "٠٧٩١٢٣٤٥٦٧"),  # Arabic-Indic digits, as the Arabic keyboard types them
    ("phone", "079 123 4567"),
    ("phone", "+962791234567"),
    ("phone", "00447700900123"),
    ("phone", "0761234567"),
    ("phone", "12345"),
    ("email", "Someone@Example.COM"),
    ("email", "someone@example"),
    ("email", "two@@example.com"),
    ("passport_number", "n 0123456"),
    ("passport_number", "AB12"),
    ("passport_number", "A1234567890123456789X"),
    ("personal_number", "8012345678"),
    ("personal_number", "9012345678"),
    ("personal_number", "٨٠١٢ ٣٤\u2013٥٦٧٨"),  # Arabic-Indic digits and an en dash, as pasted
    ("date_of_birth", "1988-02-29"),
    ("date_of_birth", "1989-02-29"),
    ("date_of_birth", "2999-01-01"),
    ("username", "ab"),
    ("username", "good.name_1"),
    ("password", "letters-only"),
    ("password", "Secret-123"),
]


@pytest.mark.parametrize(("name", "typed"), CASES)
def test_client_and_server_agree_on_each_field(sandbox_server, name, typed):
    value = typed if name == "password" else fields.normalise(name, typed)
    problem = fields.check(name, value)
    body = individual_registration()
    body[name] = value
    answer = requests.post(f"{sandbox_server.url}/v1/accounts", json=body, timeout=10)
    if problem is None:
        assert answer.status_code == 201, answer.text
    else:
        assert answer.status_code == 422
        assert (answer.json()["field"], answer.json()["code"]) == (problem.field, problem.code)


def test_registration_body_is_built_per_category_with_every_problem_named():
    body, problems = fields.registration_problems(
        "hospital",
        {
            "username": "hospital.one",
            "password": "Hospital-1",
            "password_again": "Hospital-2",
            "organisation_name": "مستشفى",
            "registration_number": "",
            "contact_name": "Lina",
            "phone": "٠٧٩١٢٣٤٥٦٧",
            "email": "x@example.com",
            "full_name": "ignored for institutions",
        },
    )
    assert body["phone"] == "0791234567" and "full_name" not in body
    assert {p.field for p in problems} == {"registration_number", "password_again"}
    assert all(p.message.ar and p.message.en for p in problems)


def test_a_jordanian_individual_needs_the_national_number_not_the_passport():
    values = {k: v for k, v in individual_registration(nationality="jor").items()}
    del values["passport_number"]
    body, problems = fields.registration_problems("individual", values)
    assert body["nationality"] == "JOR"
    assert [p.field for p in problems] == ["national_number"]


def test_a_personal_number_is_normalised_as_the_domain_does_dashes_and_arabic_digits_too():
    typed = "٨٠١٢ ٣٤\u2013٥٦٧٨"
    assert fields.normalise("personal_number", typed) == personal_number.normalise(typed)
    assert fields.normalise("personal_number", typed) == "8012345678"
    assert fields.check("personal_number", fields.normalise("personal_number", typed)) is None
