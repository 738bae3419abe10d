"""The domain's special rules stop the user on the step where they apply, with their message:
the wife's own account for naturalization, a spouse for the marriage contract, the applicant
among the bank deposit's beneficiaries, the passport's validity, a companion's age."""

from __future__ import annotations

import datetime as dt

import pytest

from kiosk.domain.dates import add_months
from tests.test_ui_apply_helpers import Wizard, start_request, wizard_on

TODAY = dt.date.today()


@pytest.fixture
def wizard(qtbot, sandbox_server, tmp_path):
    with wizard_on(qtbot, sandbox_server, tmp_path) as made:
        made.sign_in()
        yield made


def codes(screen) -> list[str]:
    return [p.code for p in screen.shown_problems]


def to_applicant(wizard: Wizard, category: str, service_id: str, **answers):
    general = start_request(wizard, category, service_id)
    for field_id, value in answers.items():
        widget = general.inputs[field_id]
        if hasattr(widget, "buttons"):
            wizard.click(widget.buttons[value])
        else:
            wizard.type(widget, value)
    wizard.click(general.next_button)
    applicant = wizard.wait_screen("apply.applicant")
    wizard.qtbot.waitUntil(lambda: applicant.name_field.value != "", timeout=15_000)
    return applicant


def to_beneficiaries(wizard: Wizard, applicant, sex: str = "M") -> object:
    wizard.click(applicant.sex.buttons[sex])
    if applicant.residence.isVisible():
        wizard.type(applicant.residence, add_months(TODAY, 12).isoformat())
    wizard.click(applicant.next_button)
    return wizard.wait_screen("apply.beneficiaries")


def type_person(wizard: Wizard, relation: str, birth: dt.date, expiry: dt.date, **extra):
    """Open the person form and type a beneficiary (no scanning); the form is returned."""
    wizard.click(wizard.screen("apply.beneficiaries").add_button)
    form = wizard.wait_screen("apply.beneficiary")
    wizard.type(form.name_field, extra.get("name", "Layla Saleh"))
    wizard.type(form.passport_number, extra.get("passport", "N7654321"))
    wizard.type(form.passport_expiry, expiry.isoformat())
    wizard.type(form.nationality, "SYR")
    wizard.type(form.birth_date, birth.isoformat())
    wizard.click(form.relation.buttons[relation])
    return form


def test_naturalization_needs_the_wifes_own_account(wizard):
    applicant = to_applicant(
        wizard, "naturalization", "naturalization.wives_widows", marital_status="wife"
    )
    assert codes(applicant) == []  # nothing said before the applicant is known
    wizard.click(applicant.sex.buttons["M"])
    assert codes(applicant) == ["naturalization.not_own_account"]
    assert "الحساب الإلكتروني للزوجة" in applicant.rule_labels[0].text()  # Arabic first
    wizard.ctx.language.set("en")
    assert "own e-account" in applicant.rule_labels[0].text()
    wizard.ctx.language.set("ar")
    wizard.click(applicant.next_button)
    assert wizard.current.name == "apply.applicant"  # blocked here
    wizard.click(applicant.sex.buttons["F"])
    assert codes(applicant) == []
    wizard.click(applicant.next_button)
    wizard.wait_screen("apply.beneficiaries")


def test_a_marriage_contract_is_for_the_other_spouse(wizard):
    applicant = to_applicant(wizard, "marriage", "marriage.contract_completion")
    beneficiaries = to_beneficiaries(wizard, applicant)
    form = type_person(wizard, "child", dt.date(2000, 1, 1), add_months(TODAY, 12))
    wizard.click(form.save_button)
    beneficiaries = wizard.wait_screen("apply.beneficiaries")
    assert codes(beneficiaries) == ["marriage.not_party_account"]
    assert "طرفي عقد الزواج" in beneficiaries.rule_labels[0].text()
    wizard.click(beneficiaries.next_button)
    assert wizard.current.name == "apply.beneficiaries"
    wizard.click(beneficiaries.cards[0].edit_button)
    form = wizard.wait_screen("apply.beneficiary")
    wizard.click(form.relation.buttons["spouse"])
    wizard.click(form.save_button)
    beneficiaries = wizard.wait_screen("apply.beneficiaries")
    assert codes(beneficiaries) == []
    wizard.click(beneficiaries.next_button)
    wizard.wait_screen("apply.attachments")


def test_a_bank_deposit_needs_the_applicant_among_the_beneficiaries(wizard):
    applicant = to_applicant(
        wizard,
        "residence",
        "residence.bank_deposit",
        deposit_amount="50000",
        bank_name="Arab Bank",
    )
    beneficiaries = to_beneficiaries(wizard, applicant)
    form = type_person(wizard, "spouse", dt.date(1990, 1, 1), add_months(TODAY, 12))
    wizard.click(form.save_button)
    beneficiaries = wizard.wait_screen("apply.beneficiaries")
    assert codes(beneficiaries) == ["bank_deposit.applicant_not_beneficiary"]
    assert "مقدم الطلب من ضمن قائمة المستدعى لهم" in beneficiaries.rule_labels[0].text()
    # "Add myself" brings the applicant's own details; the rest is typed.
    wizard.click(beneficiaries.add_self_button)
    form = wizard.wait_screen("apply.beneficiary")
    assert form.relation.value == "self"
    assert form.personal_number.value == "8012345678"
    wizard.type(form.passport_number, "N0123456")
    wizard.type(form.passport_expiry, add_months(TODAY, 12).isoformat())
    wizard.type(form.birth_date, "1988-02-29")
    wizard.click(form.save_button)
    beneficiaries = wizard.wait_screen("apply.beneficiaries")
    assert codes(beneficiaries) == []
    assert not beneficiaries.add_self_button.isVisible()


def test_a_passport_valid_for_less_than_six_months_is_refused_on_the_person(wizard):
    applicant = to_applicant(wizard, "residence", "residence.family")
    to_beneficiaries(wizard, applicant)
    form = type_person(wizard, "spouse", dt.date(1990, 1, 1), add_months(TODAY, 2))
    wizard.click(form.save_button)
    assert wizard.current.name == "apply.beneficiary"  # not saved
    assert form.passport_expiry.error.isVisible()
    assert "6 أشهر على الأقل" in form.passport_expiry.error.text()
    wizard.type(form.passport_expiry, add_months(TODAY, 7).isoformat())
    wizard.click(form.save_button)
    wizard.wait_screen("apply.beneficiaries")


def test_a_companion_of_16_or_more_is_refused_under_the_companion(wizard):
    applicant = to_applicant(wizard, "residence", "residence.family")
    to_beneficiaries(wizard, applicant)
    form = type_person(wizard, "spouse", dt.date(1990, 1, 1), add_months(TODAY, 12))
    wizard.click(form.add_companion_button)
    row = form.companion_rows[0]
    wizard.type(row.name, "Huda Saleh")
    wizard.type(row.birth_date, TODAY.replace(year=TODAY.year - 17, day=1).isoformat())
    wizard.click(form.save_button)
    assert wizard.current.name == "apply.beneficiary"
    assert row.birth_date.error.isVisible()
    assert "دون 16 عامًا" in row.birth_date.error.text()
    wizard.type(row.birth_date, TODAY.replace(year=TODAY.year - 5, day=1).isoformat())
    wizard.click(form.save_button)
    beneficiaries = wizard.wait_screen("apply.beneficiaries")
    assert "1" in beneficiaries.cards[0].facts.text()  # companions: 1
