"""Step 5: the beneficiaries (المستدعى لهم): the list, with add, edit and remove.

Each person is a card with what is known of them and, under it, what the rules still find
wrong. The list's own rules are said as the list changes: the bank deposit's applicant among the
beneficiaries, the naturalization request for the wife herself, the marriage contract's spouse,
no one twice.
"""

from __future__ import annotations

import copy

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout

from kiosk.domain import rules
from kiosk.domain.model import Beneficiary, Relation
from ui.screens.apply.base import WizardScreen, button_row, plain, primary
from ui.screens.apply.flow import Editing
from ui.screens.apply.widgets import paragraphs
from ui.widgets.common import ltr, paragraph

# The rules' list-wide problems said as soon as they apply (not "none added yet").
LIST_CODES = {
    "bank_deposit.applicant_not_beneficiary",
    "naturalization.beneficiary_not_self",
    "marriage.not_party_account",
    "beneficiary.duplicate",
    "companion.duplicate",
}


class BeneficiaryListScreen(WizardScreen):
    """The people the request is for; a tap on "edit" opens the person's form."""

    name = "apply.beneficiaries"

    def __init__(self, ctx, parent=None):
        super().__init__(ctx, parent)
        self.hint = paragraph("hint")
        self.list_layout = QVBoxLayout()
        self.list_layout.setSpacing(12)
        self.cards: list[PersonCard] = []
        self.add_button = plain(self._on_add, 260)
        self.add_self_button = plain(self._on_add_self, 260)
        self.next_button = primary(self._on_next)
        self._confirm_remove: int | None = None
        self.relations = RelationNames(self)
        self.body.addWidget(self.hint)
        self.body.addWidget(self.rules_box)
        self.body.addLayout(self.list_layout)
        self.body.addLayout(button_row(self.add_self_button, self.add_button))
        self.body.addLayout(button_row(self.next_button))
        self.body.addStretch()

    def title(self) -> str:
        return self.tr("Beneficiaries")

    def retranslate(self) -> None:
        self.hint.setText(
            self.tr(
                "Add every person the request is for. Scan each passport or type the details. "
                "Companions under 16 without a passport are added under the person they travel "
                "with."
            )
        )
        self.add_button.setText(self.tr("Add a person"))
        self.add_self_button.setText(self.tr("Add myself"))
        self.next_button.setText(self.tr("Next"))
        # The flow may have been emptied meanwhile (sent, session ended): only people still there.
        people = len(self.flow.draft.beneficiaries)
        for index, card in enumerate(self.cards[:people]):
            self._card_texts(index, card)

    def show_step(self, params: dict) -> None:
        self.flow.editing = None
        self._confirm_remove = None
        self._rebuild()

    def screenshot_states(self) -> list[tuple[str, dict]]:
        return [("family", {"sample": "family"}), ("bank-deposit", {"sample": "bank_deposit"})]

    def reset(self) -> None:
        super().reset()
        self._confirm_remove = None
        self._clear_cards()

    # --- the list -----------------------------------------------------------------------------
    def _rebuild(self) -> None:
        self._clear_cards()
        for index in range(len(self.flow.draft.beneficiaries)):
            card = PersonCard()
            card.edit_button.clicked.connect(lambda _=False, i=index: self._on_edit(i))
            card.remove_button.clicked.connect(lambda _=False, i=index: self._on_remove(i))
            self.list_layout.addWidget(card)
            self.cards.append(card)
        service = self.service
        wants_self = service is not None and (
            "applicant_among_beneficiaries" in service.rules
            or "naturalization_own_account" in service.rules
        )
        has_self = any(b.relation is Relation.SELF for b in self.flow.draft.beneficiaries)
        self.add_self_button.setVisible(wants_self and not has_self)
        live = [p for p in self.step_problems() if p.code in LIST_CODES]
        self.show_rules(live)
        self.refresh_texts()

    def _clear_cards(self) -> None:
        for card in self.cards:
            self.list_layout.removeWidget(card)
            card.deleteLater()
        self.cards = []

    def _card_texts(self, index: int, card: PersonCard) -> None:
        person = self.flow.draft.beneficiaries[index]
        relations = self.relations.names()
        name = self.tr("{n}. {name}").format(
            n=index + 1, name=person.name or self.tr("(no name yet)")
        )
        card.name.setText(paragraphs([name], self.lang))
        facts = [relations[person.relation.value]]
        if person.passport_number:
            facts.append(self.tr("passport {number}").format(number=ltr(person.passport_number)))
        if person.companions:
            facts.append(self.tr("companions: {n}").format(n=len(person.companions)))
        card.facts.setText(paragraphs([" · ".join(facts)], self.lang))
        problems = []
        if self.service is not None:
            problems = rules.check_beneficiary(
                self.flow.draft, index, self.service, self.today(), self.ctx.config
            )
        card.problems.setText(paragraphs([p.message.get(self.lang) for p in problems], self.lang))
        card.problems.setVisible(bool(problems))
        card.edit_button.setText(self.tr("Edit"))
        card.remove_button.setText(
            self.tr("Tap again to remove") if self._confirm_remove == index else self.tr("Remove")
        )

    # --- actions ------------------------------------------------------------------------------
    def _on_add(self) -> None:
        self.flow.editing = Editing(None, Beneficiary())
        self.sig_go.emit("apply.beneficiary", {"index": None})

    def _on_add_self(self) -> None:
        applicant = self.flow.draft.applicant
        person = Beneficiary(
            name=applicant.name,
            personal_number=applicant.personal_number,
            nationality=applicant.nationality,
            relation=Relation.SELF,
        )
        self.flow.editing = Editing(None, person)
        self.sig_go.emit("apply.beneficiary", {"index": None})

    def _on_edit(self, index: int) -> None:
        person = copy.deepcopy(self.flow.draft.beneficiaries[index])
        self.flow.editing = Editing(index, person)
        self.sig_go.emit("apply.beneficiary", {"index": index})

    def _on_remove(self, index: int) -> None:
        if self._confirm_remove != index:
            self._confirm_remove = index  # a second tap removes: one slip loses nobody
            self.refresh_texts()
            return
        self._confirm_remove = None
        self.flow.remove_person(index)
        self.changed()
        self.keeper.flush()
        self._rebuild()

    def _on_next(self) -> None:
        problems = self.step_problems()
        self.show_rules(
            [p for p in problems if not p.field.startswith("beneficiaries.")]
            or [p for p in problems if p.code in LIST_CODES]
        )
        self.refresh_texts()
        if not problems:
            if self.service is not None:
                self.flow.prune_attachments(self.service, self.today())
            self.go_next("apply.attachments")


class PersonCard(QFrame):
    """One beneficiary in the list: name, relation and passport, problems, edit and remove."""

    def __init__(self):
        super().__init__()
        self.setObjectName("card")
        self.name = QLabel()
        self.name.setObjectName("cardTitle")
        self.facts = paragraph()
        self.problems = paragraph("error")
        self.edit_button = QPushButton()
        self.remove_button = QPushButton()
        for button in (self.edit_button, self.remove_button):
            button.setMinimumSize(160, 64)
        text = QVBoxLayout()
        text.addWidget(self.name)
        text.addWidget(self.facts)
        text.addWidget(self.problems)
        row = QHBoxLayout(self)
        row.setContentsMargins(24, 16, 24, 16)
        row.addLayout(text, 1)
        row.addWidget(self.edit_button)
        row.addWidget(self.remove_button)


class RelationNames(QObject):
    """The relations' names in the current language (one translation context for two screens)."""

    def names(self) -> dict[str, str]:
        return {
            Relation.SELF.value: self.tr("Myself (the applicant)"),
            Relation.SPOUSE.value: self.tr("Spouse"),
            Relation.CHILD.value: self.tr("Son or daughter"),
            Relation.PARENT.value: self.tr("Father or mother"),
            Relation.OTHER.value: self.tr("Other relative"),
        }
