"""The foreigner's personal number: 10 digits starting with 10 or 80, typed any usual way."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk.domain import personal_number as pn
from kiosk.errors import KioskError


@pytest.mark.parametrize(
    "typed,value",
    [
        ("1012345678", "1012345678"),
        ("8012345678", "8012345678"),
        ("١٠١٢٣٤٥٦٧٨", "1012345678"),  # Arabic-Indic digits
        ("۸۰۱۲۳۴۵۶۷۸", "8012345678"),  # Eastern Arabic-Indic (Persian/Urdu keyboards)
        ("١٠12345678", "1012345678"),  # mixed
        ("10 1234 5678", "1012345678"),
        ("10-1234-5678", "1012345678"),
        ("10–1234—5678", "1012345678"),  # en and em dashes
        (" 1012345678\n", "1012345678"),
        ("80\u00a01234\u20095678", "8012345678"),  # no-break and thin spaces
    ],
)
def test_valid_personal_numbers_are_normalised(typed, value):
    assert pn.check(typed) is None
    assert pn.parse(typed) == pn.PersonalNumber(value)
    assert pn.is_valid(typed)


@pytest.mark.parametrize(
    "typed,code",
    [
        ("", "personal_number.empty"),
        ("  - ", "personal_number.empty"),
        ("2012345678", "personal_number.wrong_prefix"),
        ("0112345678", "personal_number.wrong_prefix"),
        ("8112345678", "personal_number.wrong_prefix"),
        ("101234567", "personal_number.wrong_length"),  # 9 digits
        ("10123456789", "personal_number.wrong_length"),  # 11 digits
        ("١٠١٢٣٤٥٦٧", "personal_number.wrong_length"),  # 9 Arabic-Indic digits
        ("10123A5678", "personal_number.not_digits"),
        ("１０１２３４５６７８", "personal_number.not_digits"),  # full-width digits
        ("10.1234.5678", "personal_number.not_digits"),
    ],
)
def test_invalid_personal_numbers_say_what_is_wrong(typed, code):
    problem = pn.check(typed, field="beneficiaries.0.personal_number")
    assert problem.code == code
    assert problem.field == "beneficiaries.0.personal_number"
    assert problem.message.ar and problem.message.en
    with pytest.raises(KioskError) as caught:
        pn.parse(typed)
    assert caught.value.code == code


def test_no_checksum_is_invented_every_serial_after_the_prefix_is_accepted():
    assert all(pn.is_valid(f"10{n:08d}") for n in range(0, 10**8, 7_654_321))
    assert all(pn.is_valid(f"80{n:08d}") for n in range(0, 10**8, 7_654_321))


def test_masked_number_hides_all_but_the_ends():
    assert pn.parse("1012345678").masked == "10******78"
    assert pn.mask("123") == "***"


@given(st.text())
def test_normalisation_is_idempotent(text):
    once = pn.normalise(text)
    assert pn.normalise(once) == once


@given(st.text())
def test_no_string_makes_the_validator_raise(text):
    problem = pn.check(text)
    assert problem is None or (problem.code.startswith("personal_number.") and problem.message.ar)
    if problem is None:
        assert pn.parse(text).value.isdigit()


@given(st.sampled_from(["10", "80"]), st.integers(0, 10**8 - 1), st.sampled_from(["", " ", "-"]))
def test_any_prefixed_serial_in_arabic_digits_with_separators_is_valid(prefix, serial, sep):
    digits = f"{prefix}{serial:08d}"
    arabic = "".join("٠١٢٣٤٥٦٧٨٩"[int(d)] for d in digits)
    typed = sep.join([arabic[:2], arabic[2:6], arabic[6:]])
    assert pn.parse(typed).value == digits
