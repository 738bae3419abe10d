"""MRZ text parsing: check-digit arithmetic, the ICAO specimens, ambiguous glyphs."""

import datetime as dt

import pytest

from kiosk.scan.mrz_fields import check_digit, parse_mrz

SPECIMEN = (
    "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
    "L898902C36UTO7408122F1204159ZE184226B<<<<<10",
)
TD1_SPECIMEN = (
    "I<UTOD231458907<<<<<<<<<<<<<<<",
    "7408122F1204159UTO<<<<<<<<<<<6",
    "ERIKSSON<<ANNA<MARIA<<<<<<<<<<",
)


def test_check_digit_of_the_icao_specimen_document_number_is_6():
    assert check_digit("L898902C3") == "6"


@pytest.mark.parametrize(
    ("text", "digit"),
    [("740812", "2"), ("120415", "9"), ("ZE184226B<<<<<", "1"), ("<<<<", "0"), ("A", "0")],
)
def test_check_digit_weights_7_3_1_with_letters_from_10_and_filler_0(text, digit):
    assert check_digit(text) == digit


def test_icao_td3_specimen_is_valid_with_every_field():
    result = parse_mrz(SPECIMEN, today=dt.date(2024, 1, 1))
    assert result.valid
    assert result.format == "TD3"
    assert set(result.checks) == {
        "document_number",
        "birth_date",
        "expiry",
        "optional_data",
        "composite",
    }
    assert result.fields == {
        "document_number": "L898902C3",
        "surname": "ERIKSSON",
        "given_names": "ANNA MARIA",
        "nationality": "UTO",
        "birth_date": "1974-08-12",
        "sex": "F",
        "expiry": "2012-04-15",
    }
    assert result.document_type == "P"
    assert result.issuing_state == "UTO"
    assert result.optional_data == "ZE184226B"


def test_icao_td1_specimen_is_valid():
    result = parse_mrz(TD1_SPECIMEN)
    assert result.valid and result.format == "TD1"
    assert result.document_number == "D23145890"
    assert (result.surname, result.given_names) == ("ERIKSSON", "ANNA MARIA")
    assert result.birth_date == dt.date(1974, 8, 12)


@pytest.mark.parametrize(
    ("position", "wrong"),
    [(13, "8"), (19, "3"), (24, "5"), (27, "0"), (30, "X"), (43, "1")],
)
def test_a_changed_character_fails_its_check_and_the_zone_is_not_valid(position, wrong):
    line = SPECIMEN[1]
    changed = line[:position] + wrong + line[position + 1 :]
    result = parse_mrz((SPECIMEN[0], changed))
    assert not result.valid
    assert result.problems and all(p.code == "mrz_check_failed" for p in result.problems)
    assert result.problems[0].message.ar and result.problems[0].message.en


def test_letters_in_numeric_fields_are_read_as_the_digits_they_resemble():
    # O for 0 in the birth date and composite, I for 1, S for 5, B for 8, Z for 2, G for 6.
    line = "L898902C36UTO74O8I2ZF12O4IS9ZE184226B<<<<<IO"
    result = parse_mrz((SPECIMEN[0], line))
    assert result.valid
    assert result.lines[1] == SPECIMEN[1]


def test_digits_in_alphabetic_fields_are_read_as_the_letters_they_resemble():
    top = "P<UT0ER1KSS0N<<ANNA<MAR1A<<<<<<<<<<<<<<<<<<<"
    bottom = "L898902C36UT07408122F1204159ZE184226B<<<<<10"
    result = parse_mrz((top, bottom))
    assert result.surname == "ERIKSSON"
    assert result.given_names == "ANNA MARIA"
    assert result.nationality == "UTO" and result.issuing_state == "UTO"
    assert result.valid


def test_document_number_ambiguity_is_resolved_by_its_check_digit():
    # The specimen's 0 read as O: only the digit passes the number's check and the composite.
    result = parse_mrz((SPECIMEN[0], "L8989O2C36UTO7408122F1204159ZE184226B<<<<<10"))
    assert result.valid
    assert result.document_number == "L898902C3"


def test_document_number_with_a_letter_o_is_kept_when_its_check_passes():
    number = "AO12345B7"
    line = number + check_digit(number) + "JOR9001011M300101" + check_digit("300101")
    line += "<<<<<<<<<<<<<<0"
    line = line[:43] + check_digit(line[0:10] + line[13:20] + line[21:43])
    result = parse_mrz(("P<JORHADDAD<<SAMI<<<<<<<<<<<<<<<<<<<<<<<<<<<", line))
    assert result.valid
    assert result.document_number == "AO12345B7"


def test_unresolvable_document_number_stays_as_read_and_fails():
    # Two substitutions away and the check digit wrong as well: nothing passes, nothing guessed.
    result = parse_mrz((SPECIMEN[0], "L8989O2C37UTO7408122F1204159ZE184226B<<<<<10"))
    assert not result.checks["document_number"]
    assert result.document_number == "L8989O2C3"


def test_impossible_date_fails_even_when_its_check_digit_matches():
    birth = "741332"  # month 13
    line = "L898902C36UTO" + birth + check_digit(birth) + "F1204159ZE184226B<<<<<1"
    line += check_digit(line[0:10] + line[13:20] + line[21:43])
    result = parse_mrz((SPECIMEN[0], line))
    assert result.birth_date is None
    assert not result.checks["birth_date"] and not result.valid
    assert result.fields["birth_date"] is None


def test_birth_century_is_in_the_past_and_expiry_century_ahead():
    today = dt.date(2025, 6, 1)
    line = "L898902C36UTO" + "300101" + check_digit("300101") + "M"
    line += "300101" + check_digit("300101") + "<<<<<<<<<<<<<<0"
    line = line[:43] + check_digit(line[0:10] + line[13:20] + line[21:43])
    result = parse_mrz((SPECIMEN[0], line), today=today)
    assert result.birth_date == dt.date(1930, 1, 1)
    assert result.expiry == dt.date(2030, 1, 1)
    assert result.valid


@pytest.mark.parametrize(
    "text",
    ["", "P<UTO", SPECIMEN[0], "\n".join(SPECIMEN) + "\nEXTRA", "😀" * 44 + "\n" + "x" * 44],
)
def test_text_of_the_wrong_shape_is_not_a_zone_or_fails_cleanly(text):
    result = parse_mrz(text)
    assert result is None or not result.valid


def test_repr_hides_personal_data():
    text = repr(parse_mrz(SPECIMEN))
    assert "ERIKSSON" not in text and "L898902C3" not in text
