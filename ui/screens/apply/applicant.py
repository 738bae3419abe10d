"""Step 4: the applicant (مقدم الطلب), prefilled from the signed-in account's profile, and the
sponsor's details the service asks for (a foreign sponsor's annual residence).

The service's account rules are said as soon as they apply: a naturalization request sent from
a man's or an institution's account, a marriage contract from an institution's account.
"""

from __future__ import annotations

from kiosk.domain.model import JORDAN, AccountCategory, Sex
from ui.screens.accounts.connection import call_api
from ui.screens.apply.base import WizardScreen, button_row, primary
from ui.screens.apply.widgets import Choices, Field
from ui.widgets.common import paragraph

# Problems said as soon as they apply (the others wait for "Next": the user is still typing).
LIVE_CODES = {
    "applicant.category_not_allowed",
    "naturalization.not_own_account",
    "marriage.not_party_account",
    "sponsor.residence_expired",
}


class ApplicantScreen(WizardScreen):
    """The applicant's name, sex, nationality, numbers and, for a foreign sponsor, residence."""

    name = "apply.applicant"

    def __init__(self, ctx, parent=None):
        super().__init__(ctx, parent)
        self.account_hint = paragraph("hint")
        self.loading = paragraph("hint")
        self.name_field = Field("applicant_name")
        self.sex = Choices([Sex.FEMALE.value, Sex.MALE.value])
        self.nationality = Field("applicant_nationality", "code")
        self.nationality.edit.setMaxLength(3)
        self.personal_number = Field("applicant_personal_number", "digits")
        self.national_number = Field("applicant_national_number", "digits")
        self.residence = Field("applicant_residence_expiry", "date")
        self.fields = {
            "applicant.name": self.name_field,
            "applicant.sex": self.sex,
            "applicant.nationality": self.nationality,
            "applicant.personal_number": self.personal_number,
            "applicant.national_number": self.national_number,
            "applicant.annual_residence_expiry": self.residence,
        }
        for widget in self.fields.values():
            if isinstance(widget, Field):
                widget.sig_edited.connect(self._on_edited)
        self.sex.sig_changed.connect(lambda _v: self._on_edited())
        self.next_button = primary(self._on_next)
        for widget in (self.account_hint, self.loading, self.rules_box, *self.fields.values()):
            self.body.addWidget(widget)
        self.body.addLayout(button_row(self.next_button))
        self.body.addStretch()
        self._profile_asked_for = ""  # the account whose profile prefilled the form

    def title(self) -> str:
        return self.tr("The applicant")

    def retranslate(self) -> None:
        self.account_hint.setText(
            self.tr("The request is sent from your account. Check your details.")
        )
        self.loading.setText(self.tr("Reading your account's details…"))
        self.name_field.label.setText(self.tr("Full name"))
        self.sex.label.setText(self.tr("Sex"))
        self.sex.set_texts({"F": self.tr("Female"), "M": self.tr("Male")})
        self.nationality.label.setText(self.tr("Nationality (3 letters, e.g. JOR, SYR)"))
        self.personal_number.label.setText(self.tr("Personal number for foreigners"))
        self.national_number.label.setText(self.tr("National number (Jordanians)"))
        self.residence.label.setText(self.tr("Expiry date of your annual residence (YYYY-MM-DD)"))
        self.next_button.setText(self.tr("Next"))

    def show_step(self, params: dict) -> None:
        self.loading.hide()
        applicant = self.flow.draft.applicant
        user = self.ctx.session.user
        try:
            applicant.account_category = AccountCategory(user.category)
        except ValueError:
            applicant.account_category = AccountCategory.INDIVIDUAL
        self._fill()
        if not applicant.name and self._profile_asked_for != user.account_id:
            self._profile_asked_for = user.account_id
            self.loading.show()
            call_api(self, lambda api: api.profile(), self._on_profile, self.next_button)
        self._check_live()

    def screenshot_states(self) -> list[tuple[str, dict]]:
        return [("family", {"sample": "family"}), ("naturalization", {"sample": "naturalization"})]

    def reset(self) -> None:
        super().reset()
        self._profile_asked_for = ""

    # --- the form and the draft ---------------------------------------------------------------
    def _fill(self) -> None:
        a = self.flow.draft.applicant
        self.name_field.set_value(a.name)
        self.sex.set_value(a.sex.value if a.sex else None)
        self.nationality.set_value(a.nationality)
        self.personal_number.set_value(a.personal_number)
        self.national_number.set_value(a.national_number)
        self.residence.set_value(a.annual_residence_expiry)
        self._show_relevant()

    def _on_profile(self, outcome) -> None:
        self.loading.hide()
        if not outcome.ok:
            return  # typed by hand instead; the rules still check it
        fields = outcome.value.fields
        a = self.flow.draft.applicant
        a.name = a.name or (fields.get("full_name") or fields.get("organisation_name") or "")
        a.nationality = a.nationality or (fields.get("nationality") or "")
        a.personal_number = a.personal_number or (fields.get("personal_number") or "")
        a.national_number = a.national_number or (fields.get("national_number") or "")
        if not a.nationality and a.national_number:
            a.nationality = JORDAN
        self._fill()
        self.changed()
        self._check_live()

    def _read(self) -> None:
        a = self.flow.draft.applicant
        a.name = self.name_field.value
        a.sex = Sex(self.sex.value) if self.sex.value else None
        a.nationality = self.nationality.value
        a.personal_number = self.personal_number.value if a.is_foreign else ""
        a.national_number = self.national_number.value if not a.is_foreign else ""
        a.annual_residence_expiry = self.residence.date() if a.is_foreign else None

    def _show_relevant(self) -> None:
        a = self.flow.draft.applicant
        foreign = a.is_foreign
        self.personal_number.setVisible(foreign)
        self.national_number.setVisible(not foreign)
        needs_residence = (
            self.service is not None and "sponsor_annual_residence" in self.service.rules
        )
        self.residence.setVisible(foreign and needs_residence)

    def _on_edited(self) -> None:
        self._read()
        self._show_relevant()
        self.changed()
        self._check_live()

    def _check_live(self) -> None:
        a = self.flow.draft.applicant
        problems = [p for p in self.step_problems() if p.code in LIVE_CODES]
        if a.sex is None and a.account_category is AccountCategory.INDIVIDUAL:
            problems = [p for p in problems if p.code != "naturalization.not_own_account"]
        self.show_rules(problems)

    def _on_next(self) -> None:
        self._read()
        problems = self.step_problems()
        for widget in self.fields.values():
            widget.show_error(None)
        if self.residence.date_is_bad():
            self.residence.show_error(self.tr("Write the date as YYYY-MM-DD, e.g. 2026-03-31."))
            return
        if not self.flow.draft.applicant.name.strip():
            self.name_field.show_error(self.tr("Enter your full name."))
            return
        placed = []
        for problem in problems:
            widget = self.fields.get(problem.field)
            if widget is not None:
                widget.show_error(problem.message.get(self.lang))
                placed.append(problem)
        self.show_rules([p for p in problems if p not in placed])
        if not problems:
            self.go_next("apply.beneficiaries")
