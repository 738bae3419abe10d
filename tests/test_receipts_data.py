"""The documents' data: validation into bilingual Problems, masking, dates, amounts, shaping."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from kiosk.domain.dates import add_months
from kiosk.errors import KioskError
from kiosk.receipts import KINDS, ReceiptDataError, load, render, render_data
from kiosk.receipts.arabic import STACK_RISE, TALL_RISE, mark_rises, visual
from kiosk.receipts.formatting import amount, grouped
from kiosk.receipts.masking import mask_passport_number, mask_personal_number
from tests.fixtures.receipts import example


def _problems(kind: str, data) -> dict[str, str]:
    with pytest.raises(ReceiptDataError) as caught:
        load(kind, data)
    problems = caught.value.problems
    for p in problems:
        assert p.message.ar.strip() and p.message.en.strip()
        assert any("\u0600" <= c <= "\u06ff" for c in p.message.ar)
    return {p.field: p.code for p in problems}


@pytest.mark.parametrize("kind", list(KINDS))
def test_shipped_examples_are_valid(kind):
    assert load(kind, example(kind)) is not None


@pytest.mark.parametrize("kind", list(KINDS))
def test_empty_data_lists_every_required_field_as_missing(kind):
    problems = _problems(kind, {})
    assert problems and set(problems.values()) == {"receipt.missing_field"}
    assert "request_number" in problems or "account_reference" in problems


@pytest.mark.parametrize("data", [None, [], "text", 42])
def test_data_that_is_not_an_object_is_one_clear_problem(data):
    assert _problems("application", data) == {"": "receipt.not_an_object"}


def test_each_bad_field_is_named_with_its_own_problem():
    data = example("application")
    data.update(
        request_number="no spaces allowed!",
        beneficiaries=0,
        priority="very urgent",
        fee_jod="2.0005",
        expected_completion="2025-02-30",
        created_at="yesterday",
        delivery=True,
    )
    data["applicant"]["personal_number"] = "2012345678"
    data["station"]["place"] = {"ar": "عمّان"}
    assert _problems("application", data) == {
        "request_number": "receipt.bad_value",
        "beneficiaries": "receipt.bad_value",
        "priority": "receipt.bad_value",
        "fee_jod": "receipt.bad_value",
        "expected_completion": "receipt.bad_date",
        "created_at": "receipt.bad_datetime",
        "delivery": "receipt.bad_value",
        "applicant.personal_number": "receipt.bad_value",
        "station.place.en": "receipt.missing_field",
    }


def test_a_password_or_token_in_the_data_is_refused_not_printed():
    data = example("application")
    data["password"] = "hunter2"
    data["applicant"]["token"] = "eyJhbGciOi"
    problems = _problems("application", data)
    assert problems == {
        "password": "receipt.unknown_field",
        "applicant.token": "receipt.unknown_field",
    }


def test_individual_accounts_get_no_activation_letter():
    data = example("activation")
    data["account_category"] = "individual"
    assert _problems("activation", data) == {
        "account_category": "receipt.individual_needs_no_visit"
    }


@pytest.mark.parametrize("value", ["-1", "NaN", "Infinity", True, [], "1e9", "abc"])
def test_amounts_that_are_not_jod_with_fils_are_refused(value):
    data = example("payment")
    data["amount_jod"] = value
    assert _problems("payment", data) == {"amount_jod": "receipt.bad_value"}


@pytest.mark.parametrize(
    ("value", "printed"), [(2, "2.000"), ("2.5", "2.500"), (115.25, "115.250")]
)
def test_amounts_print_in_jod_with_three_decimals(value, printed):
    data = example("payment")
    data["amount_jod"] = value
    slip = load("payment", data)
    assert amount(slip.amount_jod).en == f"{printed} JOD"
    assert amount(slip.amount_jod).ar == f"{printed} دينار أردني"


def test_arabic_indic_digits_in_numbers_and_dates_are_read_as_western_digits():
    data = example("payment")
    data["bill_number"] = "٢٠٢٥٠٠٤٢١٧٩٠١"
    data["due_date"] = "٢٠٢٥-٠٣-١٧"
    slip = load("payment", data)
    assert slip.bill_number == "2025004217901"
    assert slip.due_date == dt.date(2025, 3, 17)


@pytest.mark.parametrize(
    ("approved", "valid_until"),
    [
        ("2025-03-10", "2025-09-10"),
        ("2025-08-31", "2026-02-28"),
        ("2023-08-31", "2024-02-29"),
        ("2025-12-15", "2026-06-15"),
        ("2025-07-01", "2026-01-01"),
    ],
)
def test_approval_is_valid_for_six_calendar_months(approved, valid_until):
    data = example("approval")
    data["approval_date"] = approved
    assert load("approval", data).valid_until == dt.date.fromisoformat(valid_until)


def test_add_months_clamps_to_the_end_of_a_shorter_month():
    assert add_months(dt.date(2025, 1, 31), 1) == dt.date(2025, 2, 28)
    assert add_months(dt.date(2024, 10, 31), 6) == dt.date(2025, 4, 30)


def test_personal_number_keeps_only_its_last_four_digits():
    assert mask_personal_number("1012345678") == "******5678"


def test_passport_number_keeps_only_its_last_three_characters():
    assert mask_passport_number("P4471902") == "*****902"


def test_a_short_number_is_still_at_least_half_hidden():
    assert mask_passport_number("AB12") == "**12"
    assert mask_passport_number("A") == "*"


@pytest.mark.parametrize(
    ("number", "spoken"),
    [
        ("2025004217901", "2025 004 217 901"),
        ("123456789012", "1234 5678 9012"),
        ("1234567890", "1234 567 890"),
        ("123456", "123 456"),
        ("1234", "1234"),
    ],
)
def test_bill_number_is_grouped_for_reading_aloud(number, spoken):
    assert grouped(number) == spoken


def test_arabic_is_drawn_right_to_left_with_joined_letter_forms():
    line = visual("وزارة")
    # Logical و-ز-ا-ر-ة is drawn ة…و from the left: the first letter ends up rightmost.
    assert line[-1] == "\ufeed"  # WAW, isolated form
    assert line[0] == "\ufe93"  # TEH MARBUTA, isolated form (REH does not join forward)
    assert all(0xFE70 <= ord(c) <= 0xFEFF for c in line)


def test_harakat_are_kept_next_to_their_letter():
    line = visual("عمّان")
    # Reversed with its letter, the shadda comes just before the MEEM it belongs to; the font
    # draws a zero-width mark over the glyph that follows it.
    assert line.index("\u0651") + 1 == line.index("\ufee4")  # MEEM, medial form


def test_marks_over_tall_letters_are_raised_and_a_vowel_stacks_over_its_shadda():
    line = visual("مُعَلَّم")
    pieces = mark_rises(line)
    assert "".join(p for p, _ in pieces) == line
    rises = {p: r for p, r in pieces if p in ("\u064e", "\u0651", "\u064f")}
    # On the LAM: the shadda is raised over the stem, its fatha stacked above the shadda.
    assert rises["\u0651"] == TALL_RISE
    assert rises["\u064e"] == TALL_RISE + STACK_RISE
    # The damma on the short MEEM stays where the font puts it.
    assert "\u064f" not in rises


def test_brackets_are_mirrored_in_right_to_left_text():
    assert visual("(عمّان)").startswith("(") and visual("(عمّان)").endswith(")")
    assert visual("عمّان (الأردن)").startswith("(")


def test_unknown_kind_language_and_layout_are_kiosk_errors():
    with pytest.raises(KioskError) as kind:
        render_data("passport", {})
    assert kind.value.code == "receipt.unknown_kind"
    document = load("payment", example("payment"))
    with pytest.raises(KioskError) as lang:
        render(document, lang="fr")
    assert lang.value.code == "receipt.bad_language"
    with pytest.raises(KioskError) as layout:
        render(document, layout="a3")
    assert layout.value.code == "receipt.bad_layout"


def test_fee_keeps_exact_fils():
    data = example("application")
    data["fee_jod"] = "0.1"
    assert load("application", data).fee_jod == Decimal("0.100")
