"""The fee calculator: persons and priority → the fee with its breakdown and the expected date."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
)

from kiosk.domain import fees
from kiosk.domain.catalog import TBC
from kiosk.domain.model import Priority
from kiosk.errors import KioskError
from ui.screens.catalog.store import BrowseScreen
from ui.widgets.common import paragraph

MAX_PERSONS_ON_SCREEN = 99


class FeeCalculatorScreen(BrowseScreen):
    """Computes the fee as the user changes the number of persons, the priority or the type."""

    name = "catalog.fee"

    def __init__(self, ctx, parent=None):
        super().__init__(ctx, parent)
        self.service = None
        self.today = dt.date.today  # the submission date if the request were sent now
        self.quote: fees.FeeQuote | None = None
        self.choice_ids: list[str | None] = [None]

        self.persons_label = QLabel()
        self.persons_label.setObjectName("fieldLabel")
        # Touch steppers around a plain number: no text field, so no keyboard and nothing typed.
        self.persons = 1
        self.minus = QPushButton("−")
        self.plus = QPushButton("+")
        self.persons_shown = QLabel("1", alignment=Qt.AlignmentFlag.AlignCenter)
        self.persons_shown.setObjectName("contactValue")
        self.persons_shown.setMinimumSize(120, 72)
        for button, step in ((self.minus, -1), (self.plus, 1)):
            button.setMinimumSize(96, 72)
            button.clicked.connect(lambda _=False, step=step: self.set_persons(self.persons + step))
        persons_row = QHBoxLayout()
        persons_row.addWidget(self.minus)
        persons_row.addWidget(self.persons_shown)
        persons_row.addWidget(self.plus)
        persons_row.addStretch()

        self.priority_label = QLabel()
        self.priority_label.setObjectName("fieldLabel")
        self.normal = QPushButton()
        self.urgent = QPushButton()
        self.priority_group = QButtonGroup(self)
        priority_row = QHBoxLayout()
        for button in (self.normal, self.urgent):
            button.setObjectName("languageChoice")  # the theme's checkable choice style
            button.setCheckable(True)
            button.setMinimumSize(220, 72)
            self.priority_group.addButton(button)
            priority_row.addWidget(button)
        priority_row.addStretch()
        self.normal.setChecked(True)
        self.urgent_hint = paragraph("hint")

        self.choice_label = QLabel()
        self.choice_label.setObjectName("fieldLabel")
        self.choice = QComboBox()
        self.choice.setMinimumHeight(64)

        self.result = QFrame()
        self.result.setObjectName("card")
        result_layout = QVBoxLayout(self.result)
        result_layout.setContentsMargins(32, 24, 32, 24)
        self.amount = QLabel()
        self.amount.setObjectName("cardTitle")
        self.breakdown = paragraph()
        self.expected = paragraph()
        self.notes = paragraph("hint")
        self.error = paragraph("error")
        for widget in (self.amount, self.breakdown, self.expected, self.notes, self.error):
            result_layout.addWidget(widget)

        self.body.addWidget(self.persons_label)
        self.body.addLayout(persons_row)
        self.body.addWidget(self.priority_label)
        self.body.addLayout(priority_row)
        self.body.addWidget(self.urgent_hint)
        self.body.addWidget(self.choice_label)
        self.body.addWidget(self.choice)
        self.body.addWidget(self.result)
        self.body.addStretch()

        self.priority_group.buttonToggled.connect(self._on_input_change)
        self.choice.currentIndexChanged.connect(self._on_input_change)
        self.set_persons(1)

    # --- screen protocol ----------------------------------------------------------------------
    def show_catalog(self, params: dict) -> None:
        self.service = self.catalog.find(params.get("service_id", ""))
        by_field = self.service.fee.by_field if self.service else None
        # The choice ids live in a Python list, not as item data: QComboBox.currentData() on an
        # item without data hands back None with a reference count error on PySide6 6.12.
        self.choice_ids = [None]
        if by_field:
            self.choice_ids += [c.id for c in self.service.field(by_field.field).choices]
        self.choice.blockSignals(True)
        self.choice.clear()
        if by_field:
            self.choice.addItems([""] * len(self.choice_ids))
        self.choice.blockSignals(False)
        urgent_offered = bool(self.service and self.service.processing_time(Priority.URGENT))
        self.urgent.setEnabled(urgent_offered)
        priority = params.get("priority", Priority.NORMAL)
        (self.urgent if priority == Priority.URGENT and urgent_offered else self.normal).setChecked(
            True
        )
        self.set_persons(params.get("persons", 1))

    def title(self) -> str:
        if self.service is None:
            return self.tr("Fee calculator")
        return self.tr("Fee calculator: {service}").format(
            service=self.service.name.get(self.ctx.lang)
        )

    def retranslate(self) -> None:
        self.persons_label.setText(self.tr("Number of beneficiaries in the request"))
        self.priority_label.setText(self.tr("Request importance"))
        self.normal.setText(self.tr("Normal"))
        self.urgent.setText(self.tr("Urgent"))
        self.minus.setAccessibleName(self.tr("Fewer persons"))
        self.plus.setAccessibleName(self.tr("More persons"))
        self.urgent_hint.setText(
            self.tr("Urgent requests are not offered for this service.")
            if not self.urgent.isEnabled()
            else self.tr("Companions under 16 without a passport are not counted.")
        )
        by_field = self.service.fee.by_field if self.service else None
        self.choice_label.setVisible(by_field is not None)
        self.choice.setVisible(by_field is not None)
        if by_field:
            spec = self.service.field(by_field.field)
            self.choice_label.setText(spec.label.get(self.ctx.lang))
            self.choice.setItemText(0, self.tr("Choose…"))
            for i, choice in enumerate(spec.choices, start=1):
                self.choice.setItemText(i, choice.label.get(self.ctx.lang))
        self._show_quote()

    def reset(self) -> None:
        self.normal.setChecked(True)
        self.set_persons(1)
        self.quote = None

    def chosen(self) -> str | None:
        """The id of the chosen option of the field the fee depends on (e.g. the visa type)."""
        index = self.choice.currentIndex()
        return self.choice_ids[index] if 0 <= index < len(self.choice_ids) else None

    def select(self, choice_id: str) -> None:
        """Choose an option by id (what a tap on the list does)."""
        if choice_id in self.choice_ids:
            self.choice.setCurrentIndex(self.choice_ids.index(choice_id))

    def set_persons(self, persons) -> None:
        """The number of beneficiaries, kept between 1 and MAX_PERSONS_ON_SCREEN."""
        try:
            persons = int(persons)
        except (TypeError, ValueError):
            persons = 1
        self.persons = max(1, min(MAX_PERSONS_ON_SCREEN, persons))
        self.persons_shown.setText(str(self.persons))
        self.minus.setEnabled(self.persons > 1)
        self.plus.setEnabled(self.persons < MAX_PERSONS_ON_SCREEN)
        self._show_quote()

    def screenshot_states(self) -> list[tuple[str, dict]]:
        return [
            (
                "family-urgent-6",
                {"service_id": "residence.family", "priority": "urgent", "persons": 6},
            ),
            ("visa", {"service_id": "visa.entry", "persons": 2}),
        ]

    # --- behaviour ----------------------------------------------------------------------------
    def _on_input_change(self, *_args) -> None:
        self._show_quote()

    def _priority(self) -> Priority:
        return Priority.URGENT if self.urgent.isChecked() else Priority.NORMAL

    def _show_quote(self) -> None:
        self.error.clear()
        self.error.setVisible(False)
        if self.service is None:
            self.quote = None
            self.result.setVisible(False)
            return
        self.result.setVisible(True)
        extra = {}
        chosen = self.chosen()
        if self.service.fee.by_field and chosen:
            extra[self.service.fee.by_field.field] = chosen
        try:
            self.quote = fees.quote(
                self.service,
                self._priority(),
                self.persons,
                self.today(),
                holidays=self.ctx.config.calendar.holidays,
                extra=extra,
            )
        except KioskError as e:  # an impossible combination: say what to do, never crash
            self.quote = None
            self.error.setText(e.message.get(self.ctx.lang))
            self.error.setVisible(True)
            for label in (self.amount, self.breakdown, self.expected, self.notes):
                label.clear()
            return
        lang = self.ctx.lang
        currency = self.tr("JOD")
        tbc = f" ({TBC.get(lang)})"
        self.amount.setText(
            self.tr("Fee: {amount} {currency}").format(
                amount=fees.jod(self.quote.amount), currency=currency
            )
        )
        self.breakdown.setText(
            "\n".join(
                f"• {line.label.get(lang)} = {fees.jod(line.amount)} {currency}"
                + ("" if line.confirmed else tbc)
                for line in self.quote.lines
            )
        )
        self.expected.setText(
            self.tr("Expected completion: by {date} ({days} working days from today)").format(
                date=self.quote.expected_date.isoformat(), days=self.quote.working_days
            )
            + ("" if self.quote.dates_confirmed else tbc)
        )
        notes = [n.get(lang) + ("" if n.confirmed else tbc) for n in self.quote.notes]
        self.notes.setText("\n".join(notes))
        self.notes.setVisible(bool(notes))
