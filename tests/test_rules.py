"""Eligibility rules on application drafts: every rule and boundary, all problems at once."""

import dataclasses
import datetime as dt
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kiosk import config
from kiosk.domain import catalog as cat
from kiosk.domain import rules
from kiosk.domain.model import (
    AccountCategory,
    Applicant,
    Attachment,
    Beneficiary,
    Companion,
    Draft,
    Priority,
    Relation,
    Sex,
)
from kiosk.errors import KioskError

TODAY = dt.date(2025, 6, 5)  # a Thursday
CATALOG = cat.load_bundled()


@pytest.fixture
def cfg():
    base = config.load(environ={})
    return dataclasses.replace(
        base, rules=config.RulesSection(residence_exempt_nationalities=("GBR", "USA"))
    )


def family_draft() -> Draft:
    """A complete, valid family-residence request from a foreign sponsor for wife and son."""
    draft = Draft(
        service_id="residence.family",
        priority=Priority.NORMAL,
        extra={"renewal": False, "five_year": False},
        applicant=Applicant(
            name="Sponsor",
            sex=Sex.MALE,
            account_category=AccountCategory.INDIVIDUAL,
            nationality="EGY",
            personal_number="1012345678",
            annual_residence_expiry=dt.date(2026, 1, 31),
        ),
        beneficiaries=[
            Beneficiary(
                name="Wife",
                personal_number="1023456789",
                passport_number="A1234567",
                passport_expiry=dt.date(2027, 1, 1),
                nationality="EGY",
                birth_date=dt.date(1990, 1, 1),
                relation=Relation.SPOUSE,
            ),
            Beneficiary(
                name="Son",
                personal_number="1034567890",
                passport_number="A7654321",
                passport_expiry=dt.date(2027, 1, 1),
                nationality="EGY",
                birth_date=dt.date(2015, 3, 3),
                relation=Relation.CHILD,
                companions=[Companion(name="Baby", birth_date=dt.date(2024, 1, 1))],
            ),
        ],
    )
    draft.attachments = [
        Attachment("beneficiary_passport", 0, ["p1"]),
        Attachment("last_entry_stamp", 0, ["p2"]),
        Attachment("beneficiary_passport", 1, ["p3"]),
        Attachment("last_entry_stamp", 1, ["p4"]),
        Attachment("sponsor_passport", None, ["p5"]),
        Attachment("sponsor_legal_residence", None, ["p6"]),
        Attachment("marriage_certificate", None, ["p7"]),
        Attachment("family_book", None, ["p8"]),
    ]
    return draft


def codes(draft, cfg, today=TODAY):
    return [(p.code, p.field) for p in rules.evaluate(draft, CATALOG, today, cfg)]


def test_a_complete_family_request_has_no_problem(cfg):
    assert codes(family_draft(), cfg) == []


# --- passport validity: calendar months --------------------------------------------------------


@pytest.mark.parametrize(
    "today,expiry,ok",
    [
        (dt.date(2025, 6, 5), dt.date(2025, 12, 5), True),  # exactly 6 months
        (dt.date(2025, 6, 5), dt.date(2025, 12, 4), False),  # 6 months minus one day
        (dt.date(2025, 8, 31), dt.date(2026, 2, 28), True),  # no 31 February: month's end
        (dt.date(2025, 8, 31), dt.date(2026, 2, 27), False),
        (dt.date(2023, 8, 31), dt.date(2024, 2, 29), True),  # leap year
        (dt.date(2025, 6, 5), dt.date(2025, 6, 4), False),  # already expired
    ],
)
def test_passport_must_be_valid_six_calendar_months_on_submission(cfg, today, expiry, ok):
    draft = family_draft()
    draft.beneficiaries[0].passport_expiry = expiry
    draft.beneficiaries[1].companions = []  # born 2024: not yet born on the 2023 date
    draft.applicant.annual_residence_expiry = dt.date(2027, 1, 1)
    found = codes(draft, cfg, today)
    expected = [] if ok else [("passport.validity_too_short", "beneficiaries.0.passport_expiry")]
    assert found == expected


def test_passport_rule_names_the_date_the_passport_must_reach(cfg):
    draft = family_draft()
    draft.beneficiaries[1].passport_expiry = dt.date(2025, 9, 1)
    (problem,) = rules.evaluate(draft, CATALOG, TODAY, cfg)
    assert "2025-12-05" in problem.message.en and "2025-12-05" in problem.message.ar
    assert "beneficiary 2" in problem.message.en


def test_missing_passport_data_is_asked_for(cfg):
    draft = family_draft()
    draft.beneficiaries[0].passport_expiry = None
    draft.beneficiaries[0].passport_number = " "
    assert codes(draft, cfg) == [
        ("passport.number_missing", "beneficiaries.0.passport_number"),
        ("passport.expiry_missing", "beneficiaries.0.passport_expiry"),
    ]


# --- companions -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "birth_date,expected",
    [
        (dt.date(2009, 6, 6), []),  # 15, turns 16 tomorrow
        (dt.date(2009, 6, 5), [("companion.too_old", "beneficiaries.1.companions.0.birth_date")]),
        (dt.date(2000, 1, 1), [("companion.too_old", "beneficiaries.1.companions.0.birth_date")]),
        (dt.date(2025, 6, 5), []),  # born today
        (
            dt.date(2025, 6, 6),
            [("companion.birth_date_future", "beneficiaries.1.companions.0.birth_date")],
        ),
        (None, [("companion.birth_date_missing", "beneficiaries.1.companions.0.birth_date")]),
    ],
    ids=["15", "16-today", "25", "newborn", "future", "unknown"],
)
def test_companions_are_under_sixteen(cfg, birth_date, expected):
    draft = family_draft()
    draft.beneficiaries[1].companions[0].birth_date = birth_date
    assert codes(draft, cfg) == expected


def test_a_companion_with_an_own_passport_must_be_a_beneficiary(cfg):
    draft = family_draft()
    draft.beneficiaries[1].companions[0].has_passport = True
    assert codes(draft, cfg) == [
        ("companion.has_passport", "beneficiaries.1.companions.0.has_passport")
    ]


def test_a_companion_belongs_to_exactly_one_beneficiary(cfg):
    draft = family_draft()
    draft.beneficiaries[0].companions = [Companion(name="  baby ", birth_date=dt.date(2024, 1, 1))]
    assert codes(draft, cfg) == [("companion.duplicate", "beneficiaries.1.companions.0")]


def test_services_without_companions_refuse_them(cfg):
    draft = family_draft()
    draft.service_id = "deportation.cancellation"
    problems = codes(draft, cfg)
    assert ("companion.not_allowed", "beneficiaries.1.companions") in problems


# --- personal numbers -------------------------------------------------------------------------


def test_personal_numbers_in_arabic_indic_digits_are_accepted(cfg):
    draft = family_draft()
    draft.beneficiaries[0].personal_number = "١٠٢٣٤٥٦٧٨٩"
    draft.applicant.personal_number = "10-1234-5678"
    assert codes(draft, cfg) == []


@pytest.mark.parametrize(
    "value,code",
    [
        ("2023456789", "personal_number.wrong_prefix"),
        ("١٠٢٣٤٥٦٧٨", "personal_number.wrong_length"),
        ("10234x6789", "personal_number.not_digits"),
    ],
)
def test_a_malformed_personal_number_is_reported_on_its_field(cfg, value, code):
    draft = family_draft()
    draft.beneficiaries[1].personal_number = value
    assert codes(draft, cfg) == [(code, "beneficiaries.1.personal_number")]


def test_the_same_person_twice_is_reported(cfg):
    draft = family_draft()
    draft.beneficiaries[1].personal_number = "١٠٢٣٤٥٦٧٨٩"  # the wife's number, typed in Arabic
    assert codes(draft, cfg) == [("beneficiary.duplicate", "beneficiaries.1.personal_number")]


# --- family residence: exempt nationalities and the sponsor's residence ------------------------


def test_a_national_of_an_exempt_country_cannot_be_a_family_residence_beneficiary(cfg):
    draft = family_draft()
    draft.beneficiaries[0].nationality = "gbr"
    assert codes(draft, cfg) == [("residence.nationality_exempt", "beneficiaries.0.nationality")]


def test_the_exempt_list_is_configuration(cfg):
    draft = family_draft()
    draft.beneficiaries[0].nationality = "GBR"
    assert codes(draft, config.load(environ={})) == []


@pytest.mark.parametrize(
    "nationality,expiry,expected",
    [
        ("EGY", dt.date(2025, 6, 5), []),  # valid through today
        (
            "EGY",
            dt.date(2025, 6, 4),
            [("sponsor.residence_expired", "applicant.annual_residence_expiry")],
        ),
        ("EGY", None, [("sponsor.residence_missing", "applicant.annual_residence_expiry")]),
        ("JOR", None, []),  # a Jordanian sponsor needs no residence
        ("", None, [("applicant.nationality_missing", "applicant.nationality")]),
    ],
)
def test_a_foreign_sponsor_holds_a_valid_annual_residence(cfg, nationality, expiry, expected):
    draft = family_draft()
    draft.applicant.nationality = nationality
    draft.applicant.annual_residence_expiry = expiry
    if nationality == "JOR":  # no proof of a foreigner's legal residence either
        draft.attachments = [
            a for a in draft.attachments if a.document_id != "sponsor_legal_residence"
        ]
    assert codes(draft, cfg) == expected


# --- required documents per their conditions ---------------------------------------------------


def _needed(draft):
    return {
        (d.id, i)
        for d, i in rules.required_documents(draft, CATALOG.service(draft.service_id), TODAY)
    }


def test_previous_residence_is_required_for_renewals_only(cfg):
    draft = family_draft()
    assert ("previous_residence", 0) not in _needed(draft)
    draft.extra["renewal"] = True
    assert {("previous_residence", 0), ("previous_residence", 1)} <= _needed(draft)
    assert codes(draft, cfg) == [
        ("document.missing", "beneficiaries.0.documents.previous_residence"),
        ("document.missing", "beneficiaries.1.documents.previous_residence"),
    ]


def test_five_year_letter_is_required_for_five_year_requests_only(cfg):
    draft = family_draft()
    assert ("five_year_letter", None) not in _needed(draft)
    draft.extra["five_year"] = True
    assert codes(draft, cfg) == [("document.missing", "documents.five_year_letter")]


@pytest.mark.parametrize(
    "relation,birth_date,needs_deed",
    [
        (Relation.CHILD, dt.date(2007, 6, 5), True),  # 18 today
        (Relation.CHILD, dt.date(2007, 6, 6), False),  # 17, 18 tomorrow
        (Relation.CHILD, dt.date(2015, 3, 3), False),
        (Relation.SPOUSE, dt.date(1990, 1, 1), False),
        (Relation.PARENT, dt.date(1950, 1, 1), True),
        (Relation.OTHER, dt.date(2010, 1, 1), True),
    ],
)
def test_dependency_deed_only_for_adult_children_and_non_spouse_non_child(
    relation, birth_date, needs_deed
):
    draft = family_draft()
    draft.beneficiaries[1].relation = relation
    draft.beneficiaries[1].birth_date = birth_date
    assert (("dependency_deed", 1) in _needed(draft)) is needs_deed
    assert ("dependency_deed", 0) not in _needed(draft)


def test_a_jordanian_sponsor_needs_no_proof_of_legal_residence():
    draft = family_draft()
    assert ("sponsor_legal_residence", None) in _needed(draft)
    draft.applicant.nationality = "JOR"
    assert ("sponsor_legal_residence", None) not in _needed(draft)


def test_an_attachment_without_pages_does_not_count(cfg):
    draft = family_draft()
    draft.attachments[0].pages = []
    assert codes(draft, cfg) == [
        ("document.missing", "beneficiaries.0.documents.beneficiary_passport")
    ]


def test_an_attachment_for_a_removed_beneficiary_is_reported(cfg):
    draft = family_draft()
    draft.attachments.append(Attachment("beneficiary_passport", 5, ["p9"]))
    assert codes(draft, cfg) == [("document.unknown_beneficiary", "attachments.8")]


# --- own-account rules ------------------------------------------------------------------------


def _single(service_id, applicant, relation, **extra):
    draft = Draft(
        service_id=service_id,
        extra=extra,
        applicant=applicant,
        beneficiaries=[
            Beneficiary(
                name="B",
                passport_number="X1",
                passport_expiry=dt.date(2030, 1, 1),
                nationality="SYR",
                birth_date=dt.date(1985, 5, 5),
                relation=relation,
            )
        ],
    )
    service = CATALOG.service(service_id)
    draft.attachments = [
        Attachment(d.id, i, ["p"]) for d, i in rules.required_documents(draft, service, TODAY)
    ]
    return draft


WIFE = Applicant(name="W", sex=Sex.FEMALE, nationality="SYR", personal_number="8012345678")
HUSBAND = Applicant(name="H", sex=Sex.MALE, nationality="JOR")
COMPANY = Applicant(name="Co", account_category=AccountCategory.COMPANY, nationality="JOR")


@pytest.mark.parametrize(
    "applicant,relation,expected",
    [
        (WIFE, Relation.SELF, []),
        (
            HUSBAND,
            Relation.SPOUSE,
            ["naturalization.not_own_account", "naturalization.beneficiary_not_self"],
        ),
        (WIFE, Relation.SPOUSE, ["naturalization.beneficiary_not_self"]),
        (
            COMPANY,
            Relation.SELF,
            ["applicant.category_not_allowed", "naturalization.not_own_account"],
        ),
    ],
)
def test_naturalization_only_from_the_wife_or_widows_own_account(
    cfg, applicant, relation, expected
):
    draft = _single("naturalization.wives_widows", applicant, relation, marital_status="widow")
    assert [code for code, _ in codes(draft, cfg)] == expected


@pytest.mark.parametrize(
    "applicant,relation,expected",
    [
        (HUSBAND, Relation.SPOUSE, []),
        (WIFE, Relation.SPOUSE, []),
        (HUSBAND, Relation.OTHER, ["marriage.not_party_account"]),
        (
            COMPANY,
            Relation.SPOUSE,
            ["applicant.category_not_allowed", "marriage.not_party_account"],
        ),
    ],
)
def test_marriage_contract_only_from_one_spouses_account(cfg, applicant, relation, expected):
    draft = _single("marriage.contract_completion", applicant, relation)
    assert [code for code, _ in codes(draft, cfg)] == expected


@pytest.mark.parametrize(
    "relation,number,expected",
    [
        (Relation.SELF, "", []),
        (Relation.OTHER, "٨٠١٢٣٤٥٦٧٨", []),  # the applicant's own number, in Arabic digits
        (Relation.SPOUSE, "8099999999", ["bank_deposit.applicant_not_beneficiary"]),
    ],
)
def test_bank_deposit_residence_needs_the_applicant_among_beneficiaries(
    cfg, relation, number, expected
):
    draft = _single(
        "residence.bank_deposit", WIFE, relation, deposit_amount="٥٠٠٠٠", bank_name="Arab Bank"
    )
    draft.beneficiaries[0].personal_number = number
    assert [code for code, _ in codes(draft, cfg)] == expected


# --- service step: priority and extra fields -----------------------------------------------


def test_urgent_is_refused_where_the_service_offers_none(cfg):
    draft = _single("emergency_travel.document", HUSBAND, Relation.SELF)
    draft.priority = Priority.URGENT
    assert codes(draft, cfg) == [("service.priority_unavailable", "priority")]


@pytest.mark.parametrize(
    "extra,expected",
    [
        ({"visa_type": "multiple_6m"}, []),
        ({}, [("field.required", "extra.visa_type")]),
        ({"visa_type": "forever"}, [("field.invalid", "extra.visa_type")]),
        (
            {"visa_type": "single_3m", "from_abroad": "yes"},
            [("field.invalid", "extra.from_abroad")],
        ),
    ],
)
def test_extra_fields_hold_valid_answers(cfg, extra, expected):
    draft = _single("visa.entry", HUSBAND, Relation.OTHER, **extra)
    assert codes(draft, cfg) == expected


@pytest.mark.parametrize(
    "amount,ok",
    [
        ("10000", True),
        ("١٠٠٠٠٫٥٠٠", True),
        (2500, True),
        ("0", False),
        ("-5", False),
        ("lots", False),
        ("NaN", False),
    ],
)
def test_a_deposit_amount_is_a_positive_number(cfg, amount, ok):
    draft = _single(
        "residence.bank_deposit", WIFE, Relation.SELF, deposit_amount=amount, bank_name="B"
    )
    assert codes(draft, cfg) == ([] if ok else [("field.invalid", "extra.deposit_amount")])


@pytest.mark.parametrize(
    "service_id,birth_date,ok",
    [
        ("follow_up.bridge_card_adults", dt.date(2007, 6, 5), True),  # 18 today
        ("follow_up.bridge_card_adults", dt.date(2007, 6, 6), False),
        ("follow_up.bridge_card_minors", dt.date(2007, 6, 6), True),  # 17
        ("follow_up.bridge_card_minors", dt.date(2007, 6, 5), False),
    ],
)
def test_bridge_cards_for_adults_and_minors_check_the_age(cfg, service_id, birth_date, ok):
    draft = _single(service_id, HUSBAND, Relation.CHILD, card_colour="green")
    draft.beneficiaries[0].birth_date = birth_date
    assert codes(draft, cfg) == (
        [] if ok else [("beneficiary.age_out_of_range", "beneficiaries.0.birth_date")]
    )


# --- the whole draft at once, and per step ----------------------------------------------------


def test_evaluate_returns_every_problem_at_once_in_step_order(cfg):
    draft = family_draft()
    draft.extra["five_year"] = True
    draft.applicant.annual_residence_expiry = dt.date(2025, 1, 1)
    draft.beneficiaries[0].passport_expiry = dt.date(2025, 7, 1)
    draft.beneficiaries[1].companions[0].birth_date = dt.date(2005, 1, 1)
    assert [code for code, _ in codes(draft, cfg)] == [
        "sponsor.residence_expired",
        "passport.validity_too_short",
        "companion.too_old",
        "document.missing",
    ]


def test_each_step_can_be_checked_alone(cfg):
    draft = family_draft()
    draft.applicant.annual_residence_expiry = None
    draft.beneficiaries = []
    assert [p.code for p in rules.check_step("service", draft, CATALOG, TODAY, cfg)] == []
    assert [p.code for p in rules.check_step("applicant", draft, CATALOG, TODAY, cfg)] == [
        "sponsor.residence_missing"
    ]
    assert [p.code for p in rules.check_step("beneficiaries", draft, CATALOG, TODAY, cfg)] == [
        "beneficiaries.none"
    ]


def test_an_unknown_service_is_the_only_problem(cfg):
    draft = family_draft()
    draft.service_id = "residence.unknown"
    assert codes(draft, cfg) == [("service.unknown", "service_id")]


def test_messages_are_bilingual_and_never_show_names_or_numbers(cfg):
    draft = family_draft()
    draft.beneficiaries[0].name = "Fatima Zahra"
    draft.beneficiaries[0].personal_number = "2099999999"
    draft.beneficiaries[0].passport_number = "ZX998877"
    draft.beneficiaries[0].passport_expiry = dt.date(2025, 7, 1)
    draft.beneficiaries[0].nationality = "USA"
    draft.attachments = []
    problems = rules.evaluate(draft, CATALOG, TODAY, cfg)
    assert len(problems) > 5
    for problem in problems:
        assert any("\u0600" <= ch <= "\u06ff" for ch in problem.message.ar), problem
        assert problem.message.en.isascii() or "\u201c" in problem.message.en
        for secret in ("Fatima", "2099999999", "ZX998877"):
            assert secret not in problem.message.ar + problem.message.en


# --- the draft model round-trips through JSON ------------------------------------------------


def test_a_draft_round_trips_through_json():
    draft = family_draft()
    text = json.dumps(draft.to_dict(), ensure_ascii=False)
    assert Draft.from_dict(json.loads(text)) == draft
    assert Draft.from_dict({}) == Draft()


@pytest.mark.parametrize(
    "data,field",
    [
        ([], "draft"),
        ({"priority": "asap"}, "priority"),
        ({"applicant": {"sex": "X"}}, "applicant.sex"),
        ({"applicant": "me"}, "applicant"),
        ({"beneficiaries": [{"birth_date": "31/12/2000"}]}, "beneficiaries.0.birth_date"),
        (
            {"beneficiaries": [{"companions": [{"has_passport": "no"}]}]},
            "beneficiaries.0.companions.0.has_passport",
        ),
        (
            {"attachments": [{"document_id": "x", "beneficiary_index": -1}]},
            "attachments.0.beneficiary_index",
        ),
        ({"attachments": [{"document_id": "x", "pages": [1]}]}, "attachments.0.pages"),
        ({"extra": ["renewal"]}, "extra"),
    ],
)
def test_a_malformed_saved_draft_is_an_error_value_naming_the_field(data, field):
    with pytest.raises(KioskError) as caught:
        Draft.from_dict(data)
    assert caught.value.code == "draft.malformed"
    assert caught.value.field == field


# --- no input makes a validator raise ---------------------------------------------------------

_dates = st.one_of(st.none(), st.dates(dt.date(1900, 1, 1), dt.date(2100, 12, 31)))
_companions = st.builds(
    Companion, name=st.text(max_size=8), birth_date=_dates, has_passport=st.booleans()
)
_beneficiaries = st.builds(
    Beneficiary,
    name=st.text(max_size=8),
    personal_number=st.text(max_size=14),
    passport_number=st.text(max_size=10),
    passport_expiry=_dates,
    nationality=st.text(max_size=4),
    birth_date=_dates,
    relation=st.sampled_from(Relation),
    companions=st.lists(_companions, max_size=2),
)
_extra_values = st.one_of(
    st.none(), st.booleans(), st.integers(), st.text(max_size=8), st.floats(allow_nan=False)
)
_drafts = st.builds(
    Draft,
    service_id=st.sampled_from([s.id for s in CATALOG.services] + ["", "nope"]),
    priority=st.sampled_from(Priority),
    extra=st.dictionaries(
        st.sampled_from(["renewal", "five_year", "visa_type", "deposit_amount", "card_colour"]),
        _extra_values,
    ),
    applicant=st.builds(
        Applicant,
        name=st.text(max_size=8),
        sex=st.sampled_from([None, *Sex]),
        account_category=st.sampled_from(AccountCategory),
        nationality=st.sampled_from(["", "JOR", "EGY", "GBR", "x"]),
        personal_number=st.text(max_size=14),
        annual_residence_expiry=_dates,
    ),
    beneficiaries=st.lists(_beneficiaries, max_size=3),
    attachments=st.lists(
        st.builds(
            Attachment,
            document_id=st.sampled_from(["beneficiary_passport", "family_book", "x"]),
            beneficiary_index=st.one_of(st.none(), st.integers(0, 5)),
            pages=st.lists(st.text(max_size=3), max_size=2),
        ),
        max_size=4,
    ),
)


@settings(max_examples=150, deadline=None)
@given(draft=_drafts, today=st.dates(dt.date(2000, 1, 1), dt.date(2090, 1, 1)))
def test_no_draft_makes_the_rules_raise(draft, today):
    cfg = config.load(environ={"KIOSK_RULES_RESIDENCE_EXEMPT_NATIONALITIES": "GBR"})
    problems = rules.evaluate(draft, CATALOG, today, cfg)
    assert all(p.code and p.message.ar and p.message.en for p in problems)
    assert Draft.from_dict(json.loads(json.dumps(draft.to_dict()))).to_dict() == draft.to_dict()


@settings(max_examples=150, deadline=None)
@given(
    st.recursive(
        st.none() | st.booleans() | st.integers() | st.text(max_size=5),
        lambda inner: (
            st.lists(inner, max_size=3)
            | st.dictionaries(
                st.sampled_from(
                    [
                        "service_id",
                        "priority",
                        "extra",
                        "applicant",
                        "beneficiaries",
                        "attachments",
                        "sex",
                        "birth_date",
                        "companions",
                        "pages",
                        "beneficiary_index",
                        "document_id",
                        "relation",
                    ]
                ),
                inner,
                max_size=4,
            )
        ),
        max_leaves=12,
    )
)
def test_no_saved_data_makes_reading_a_draft_raise_anything_but_an_error_value(data):
    try:
        Draft.from_dict(data)
    except KioskError as e:
        assert e.code == "draft.malformed"
