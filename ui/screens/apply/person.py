"""One beneficiary: scanned (personal-number barcode, passport MRZ) or typed, the relation to
the applicant, and the companions under 16 without a passport who are added to their card.

The person being edited lives in the flow (`flow.editing`), so a trip to the scan screen and
back keeps what was typed; the scan's result arrives in `enter(params["scan"])`. "Save" checks
the person with the rules (passport validity, companions' age …) and shows each problem under
its field; only a person without problems goes to the list.
"""

from __future__ import annotations

import copy

from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QVBoxLayout

from kiosk.domain import personal_number, rules
from kiosk.domain.model import Beneficiary, Companion, Relation
from ui.screens.apply.base import WizardScreen, button_row, plain, primary
from ui.screens.apply.beneficiaries import RelationNames
from ui.screens.apply.flow import Editing
from ui.screens.apply.widgets import Choices, Field, iso_date
from ui.widgets.common import card, paragraph

RELATIONS = [r.value for r in (Relation.SPOUSE, Relation.CHILD, Relation.PARENT, Relation.OTHER)]


class BeneficiaryScreen(WizardScreen):
    """The form of one beneficiary (`{"index": i}`, or None for a new one)."""

    name = "apply.beneficiary"

    def __init__(self, ctx, parent=None):
        super().__init__(ctx, parent)
        self.relations = RelationNames(self)
        self.scan_hint = paragraph("hint")
        self.scan_number_button = plain(self._on_scan_number, 280)
        self.scan_passport_button = plain(self._on_scan_passport, 280)
        self.scan_note = paragraph("hint")
        self.name_field = Field("beneficiary_name")
        self.personal_number = Field("beneficiary_personal_number", "digits")
        self.personal_number.edit.setMaxLength(14)
        self.passport_number = Field("beneficiary_passport_number", "code")
        self.passport_number.edit.setMaxLength(15)
        self.passport_expiry = Field("beneficiary_passport_expiry", "date")
        self.nationality = Field("beneficiary_nationality", "code")
        self.nationality.edit.setMaxLength(3)
        self.birth_date = Field("beneficiary_birth_date", "date")
        self.relation = Choices([Relation.SELF.value, *RELATIONS])
        self.fields = {
            "name": self.name_field,
            "personal_number": self.personal_number,
            "passport_number": self.passport_number,
            "passport_expiry": self.passport_expiry,
            "nationality": self.nationality,
            "birth_date": self.birth_date,
            "relation": self.relation,
        }
        for widget in self.fields.values():
            if isinstance(widget, Field):
                widget.sig_edited.connect(self._on_edited)
        self.relation.sig_changed.connect(lambda _v: self._on_edited())

        self.companions_title = paragraph("cardTitle")
        self.companions_hint = paragraph("hint")
        self.companions_layout = QVBoxLayout()
        self.companion_rows: list[CompanionRow] = []
        self.add_companion_button = plain(self._on_add_companion, 260)
        self.companions_box, box = card()
        box.addWidget(self.companions_title)
        box.addWidget(self.companions_hint)
        box.addLayout(self.companions_layout)
        box.addLayout(button_row(self.add_companion_button))

        self.save_button = primary(self._on_save)
        self.body.addWidget(self.scan_hint)
        self.body.addLayout(button_row(self.scan_number_button, self.scan_passport_button))
        self.body.addWidget(self.scan_note)
        for widget in self.fields.values():
            self.body.addWidget(widget)
        self.body.addWidget(self.companions_box)
        self.body.addWidget(self.rules_box)
        self.body.addLayout(button_row(self.save_button))
        self.body.addStretch()
        self._note = ""  # "scanned" | "check" | "" : what to say about the last scan

    def title(self) -> str:
        editing = self.flow.editing
        if editing is None or editing.index is None:
            return self.tr("New beneficiary")
        return self.tr("Beneficiary {n}").format(n=editing.index + 1)

    def retranslate(self) -> None:
        self.scan_hint.setText(self.tr("Scan the passport to fill the details, or type them."))
        self.scan_number_button.setText(self.tr("Scan the personal number"))
        self.scan_passport_button.setText(self.tr("Scan the passport"))
        notes = {
            "scanned": self.tr("Read from the passport. Check the details."),
            "check": self.tr(
                "Some characters could not be read for sure. Check every detail against the "
                "passport."
            ),
            "": "",
        }
        self.scan_note.setText(notes[self._note])
        self.scan_note.setVisible(bool(self._note))
        self.name_field.label.setText(self.tr("Full name (as in the passport)"))
        self.personal_number.label.setText(self.tr("Personal number for foreigners"))
        self.passport_number.label.setText(self.tr("Passport number"))
        self.passport_expiry.label.setText(self.tr("Passport expiry date (YYYY-MM-DD)"))
        self.nationality.label.setText(self.tr("Nationality (3 letters, e.g. SYR)"))
        self.birth_date.label.setText(self.tr("Date of birth (YYYY-MM-DD)"))
        self.relation.label.setText(self.tr("Relation to the applicant"))
        self.relation.set_texts(self.relations.names())
        self.companions_title.setText(self.tr("Companions"))
        self.companions_hint.setText(
            self.tr("Children under 16 without a passport of their own who travel on this card.")
        )
        self.add_companion_button.setText(self.tr("Add a companion"))
        for row in self.companion_rows:
            self._companion_texts(row)
        self.save_button.setText(self.tr("Save this person"))

    def show_step(self, params: dict) -> None:
        index = params.get("index")
        editing = self.flow.editing
        if editing is None or (editing.index != index and "scan" not in params):
            people = self.flow.draft.beneficiaries
            if isinstance(index, int) and 0 <= index < len(people):
                editing = Editing(index, copy.deepcopy(people[index]))
            else:
                editing = Editing(None, Beneficiary())
            self.flow.editing = editing
            self._note = ""
        if "scan" in params:
            self._apply_scan(params["scan"])
        service = self.service
        self.companions_box.setVisible(
            service.companions_allowed or bool(editing.person.companions)
        )
        self._fill()
        self.show_rules([])

    def screenshot_states(self) -> list[tuple[str, dict]]:
        return [("family", {"sample": "family", "index": 1})]

    def reset(self) -> None:
        super().reset()
        self._note = ""
        self._set_companion_rows(0)

    # --- the form -----------------------------------------------------------------------------
    def _fill(self) -> None:
        p = self.flow.editing.person
        self.name_field.set_value(p.name)
        self.personal_number.set_value(p.personal_number)
        self.passport_number.set_value(p.passport_number)
        self.passport_expiry.set_value(p.passport_expiry)
        self.nationality.set_value(p.nationality)
        self.birth_date.set_value(p.birth_date)
        self.relation.set_value(p.relation.value)
        self._set_companion_rows(len(p.companions))
        for row, companion in zip(self.companion_rows, p.companions, strict=True):
            row.name.set_value(companion.name)
            row.birth_date.set_value(companion.birth_date)
        for widget in self.fields.values():
            widget.show_error(None)
        self.refresh_texts()

    def _read(self) -> None:
        """The typed values into the person being edited (dates only when they are dates)."""
        p = self.flow.editing.person
        p.name = " ".join(self.name_field.value.split())
        p.personal_number = personal_number.normalise(self.personal_number.value)
        p.passport_number = self.passport_number.value.replace(" ", "")
        p.passport_expiry = self.passport_expiry.date()
        p.nationality = self.nationality.value
        p.birth_date = self.birth_date.date()
        p.relation = Relation(self.relation.value or Relation.OTHER.value)
        p.companions = [
            Companion(name=" ".join(row.name.value.split()), birth_date=row.birth_date.date())
            for row in self.companion_rows
        ]

    def _on_edited(self) -> None:
        self._read()

    def _companion_texts(self, row: CompanionRow) -> None:
        row.name.label.setText(self.tr("Companion's name"))
        row.birth_date.label.setText(self.tr("Date of birth (YYYY-MM-DD)"))
        row.remove_button.setText(self.tr("Remove"))

    def _set_companion_rows(self, count: int) -> None:
        while len(self.companion_rows) > count:
            row = self.companion_rows.pop()
            self.companions_layout.removeWidget(row)
            row.deleteLater()
        while len(self.companion_rows) < count:
            row = CompanionRow()
            row.name.sig_edited.connect(self._on_edited)
            row.birth_date.sig_edited.connect(self._on_edited)
            row.remove_button.clicked.connect(lambda _=False, r=row: self._on_remove_companion(r))
            self._companion_texts(row)
            self.companions_layout.addWidget(row)
            self.companion_rows.append(row)

    def _on_add_companion(self) -> None:
        self._read()
        self.flow.editing.person.companions.append(Companion())
        self._fill()
        self.companion_rows[-1].name.edit.setFocus()

    def _on_remove_companion(self, row: CompanionRow) -> None:
        self._read()
        index = self.companion_rows.index(row)
        del self.flow.editing.person.companions[index]
        self._fill()

    # --- scanning -----------------------------------------------------------------------------
    def _scan(self, mode: str) -> None:
        self._read()
        self.sig_go.emit(
            "scan",
            {
                "mode": mode,
                "return_to": self.name,
                "return_params": {"index": self.flow.editing.index},
            },
        )

    def _on_scan_number(self) -> None:
        self._scan("barcode")

    def _on_scan_passport(self) -> None:
        self._scan("mrz")

    def _apply_scan(self, result: dict) -> None:
        p = self.flow.editing.person
        if result.get("mode") == "barcode" and result.get("personal_number"):
            p.personal_number = personal_number.normalise(result["personal_number"])
            self._note = "scanned"
        elif result.get("mode") == "mrz" and result.get("fields"):
            f = result["fields"]
            name = " ".join(x for x in (f.get("given_names"), f.get("surname")) if x)
            p.name = name or p.name
            p.passport_number = f.get("document_number") or p.passport_number
            p.nationality = f.get("nationality") or p.nationality
            p.birth_date = iso_date(f.get("birth_date")) or p.birth_date
            p.passport_expiry = iso_date(f.get("expiry")) or p.passport_expiry
            self._note = "scanned" if result.get("valid") else "check"

    # --- saving -------------------------------------------------------------------------------
    def _on_save(self) -> None:
        self._read()
        for widget in self.fields.values():
            widget.show_error(None)
        bad_date = self.tr("Write the date as YYYY-MM-DD, e.g. 2030-01-31.")
        typed_badly = False
        for widget in (self.passport_expiry, self.birth_date):
            if widget.date_is_bad():
                widget.show_error(bad_date)
                typed_badly = True
        for row in self.companion_rows:
            if row.birth_date.date_is_bad():
                row.birth_date.show_error(bad_date)
                typed_badly = True
        if typed_badly:
            return
        editing = self.flow.editing
        trial = copy.deepcopy(self.flow.draft)
        if editing.index is None:
            trial.beneficiaries.append(editing.person)
            index = len(trial.beneficiaries) - 1
        else:
            trial.beneficiaries[editing.index] = editing.person
            index = editing.index
        problems = rules.check_beneficiary(
            trial, index, self.service, self.today(), self.ctx.config
        )
        unplaced = []
        for problem in problems:
            if not self._place(problem, index):
                unplaced.append(problem)
        self.show_rules(unplaced)
        if problems:
            return
        self.flow.save_person(editing.index, editing.person)
        self.flow.editing = None
        self.go_next("apply.beneficiaries")

    def _place(self, problem, index: int) -> bool:
        """Show `problem` under its field; False when no field of the form is its place."""
        parts = problem.field.split(".")[2:]  # beneficiaries.<i>.<field>[.<m>.<field>]
        message = problem.message.get(self.lang)
        if len(parts) == 1 and parts[0] in self.fields:
            self.fields[parts[0]].show_error(message)
            return True
        if len(parts) == 3 and parts[0] == "companions" and parts[1].isdigit():
            m = int(parts[1])
            if m < len(self.companion_rows):
                row = self.companion_rows[m]
                target = row.birth_date if parts[2] == "birth_date" else row.name
                target.show_error(message)
                return True
        return False


class CompanionRow(QFrame):
    """One companion: name, birth date, remove."""

    def __init__(self):
        super().__init__()
        self.name = Field("companion_name")
        self.birth_date = Field("companion_birth_date", "date")
        self.remove_button = QPushButton()
        self.remove_button.setMinimumSize(140, 56)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.name, 2)
        row.addWidget(self.birth_date, 1)
        row.addWidget(self.remove_button)
