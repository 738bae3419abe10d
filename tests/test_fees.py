"""Fees in exact JOD (3 decimals) and expected completion dates in working days."""

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kiosk.domain import catalog as cat
from kiosk.domain import fees
from kiosk.domain.model import Priority
from kiosk.domain.workdays import add_working_days, is_working_day, working_days_between
from kiosk.errors import KioskError

CATALOG = cat.load_bundled()
FAMILY = CATALOG.service("residence.family")
THURSDAY = dt.date(2025, 6, 5)


@pytest.mark.parametrize(
    "priority,persons,amount",
    [
        ("normal", 1, "2.000"),
        ("normal", 5, "10.000"),
        ("normal", 6, "12.000"),
        ("urgent", 1, "100.000"),
        ("urgent", 5, "100.000"),  # 100 JOD covers up to 5 persons
        ("urgent", 6, "115.000"),  # plus 15 JOD for each person above 5
        ("urgent", 7, "130.000"),
        ("urgent", 10, "175.000"),
    ],
)
def test_family_residence_fee_follows_seed_001(priority, persons, amount):
    quote = fees.quote(FAMILY, priority, persons, THURSDAY)
    assert fees.jod(quote.amount) == amount
    assert quote.to_dict()["amount"] == amount and quote.currency == "JOD"
    assert sum(line.amount for line in quote.lines) == quote.amount
    assert quote.confirmed


def test_urgent_fee_adds_15_per_person_above_five_as_its_own_line():
    quote = fees.quote(FAMILY, Priority.URGENT, 6, THURSDAY)
    assert [fees.jod(line.amount) for line in quote.lines] == ["100.000", "15.000"]
    assert "above 5" in quote.lines[1].label.en and "فوق 5" in quote.lines[1].label.ar
    assert [fees.jod(line.amount) for line in fees.quote(FAMILY, "urgent", 5, THURSDAY).lines] == [
        "100.000"
    ]


def test_an_unconfirmed_part_of_a_fee_is_flagged_not_hidden():
    quote = fees.quote(CATALOG.service("residence.bank_deposit"), "urgent", 6, THURSDAY)
    assert fees.jod(quote.amount) == "115.000"
    assert not quote.confirmed and not quote.lines[0].confirmed
    assert quote.notes and "seed" not in quote.notes[0].en
    assert fees.quote(CATALOG.service("residence.bank_deposit"), "normal", 2, THURSDAY).confirmed


def test_the_visa_fee_by_type_is_added_per_beneficiary():
    visa = CATALOG.service("visa.entry")
    quote = fees.quote(visa, "normal", 2, THURSDAY, extra={"visa_type": "multiple_6m"})
    assert [fees.jod(line.amount) for line in quote.lines] == ["4.000", "240.000"]
    assert fees.jod(quote.amount) == "244.000" and not quote.confirmed
    without_type = fees.quote(visa, "normal", 2, THURSDAY)
    assert fees.jod(without_type.amount) == "4.000"
    assert "visa type" in without_type.notes[0].en and not without_type.notes[0].confirmed


@pytest.mark.parametrize(
    "submitted,priority,holidays,expected",
    [
        (THURSDAY, "urgent", (), dt.date(2025, 6, 12)),  # Sun..Thu
        (THURSDAY, "normal", (), dt.date(2025, 6, 25)),  # 14 working days, two weekends skipped
        (dt.date(2025, 6, 6), "urgent", (), dt.date(2025, 6, 12)),  # sent on Friday
        (dt.date(2025, 6, 7), "urgent", (), dt.date(2025, 6, 12)),  # sent on Saturday
        (THURSDAY, "urgent", (dt.date(2025, 6, 9), dt.date(2025, 6, 10)), dt.date(2025, 6, 16)),
    ],
)
def test_expected_date_counts_working_days_skipping_friday_saturday_and_holidays(
    submitted, priority, holidays, expected
):
    quote = fees.quote(FAMILY, priority, 1, submitted, holidays=holidays)
    assert quote.expected_date == expected
    assert quote.to_dict()["expected_date"] == expected.isoformat()
    assert quote.earliest_date == add_working_days(submitted, 1, holidays)


@pytest.mark.parametrize("persons", [0, -1, 1000, True, 2.5, "3"])
def test_an_impossible_number_of_persons_is_an_error_value(persons):
    with pytest.raises(KioskError) as caught:
        fees.quote(FAMILY, "normal", persons, THURSDAY)
    assert caught.value.code == "fee.persons_invalid"


def test_urgent_is_refused_where_the_service_offers_none():
    with pytest.raises(KioskError) as caught:
        fees.quote(CATALOG.service("emergency_travel.document"), "urgent", 1, THURSDAY)
    assert caught.value.code == "service.priority_unavailable"
    with pytest.raises(KioskError) as caught:
        fees.quote(FAMILY, "express", 1, THURSDAY)
    assert caught.value.code == "fee.priority_invalid"


@settings(deadline=None)
@given(
    service=st.sampled_from([s for s in CATALOG.services if s.processing_time("urgent")]),
    priority=st.sampled_from(Priority),
    persons=st.integers(1, fees.MAX_PERSONS - 1),
)
def test_the_fee_never_decreases_as_persons_grow(service, priority, persons):
    smaller = fees.quote(service, priority, persons, THURSDAY).amount
    larger = fees.quote(service, priority, persons + 1, THURSDAY).amount
    assert larger >= smaller
    assert larger.as_tuple().exponent == -3


@given(
    start=st.dates(dt.date(2024, 1, 1), dt.date(2030, 12, 31)),
    days=st.integers(0, 40),
    holidays=st.lists(st.dates(dt.date(2024, 1, 1), dt.date(2031, 3, 31)), max_size=10),
)
def test_working_days_land_on_a_working_day_and_count_back(start, days, holidays):
    end = add_working_days(start, days, holidays)
    assert working_days_between(start, end, holidays) == days
    if days:
        assert is_working_day(end, holidays)
        assert end > start


def test_jod_amounts_have_exactly_three_decimals():
    assert fees.jod(Decimal("2")) == "2.000"
    assert fees.jod(Decimal("115")) == "115.000"
