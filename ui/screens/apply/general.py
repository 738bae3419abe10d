"""Step 3: the request's general data: its importance (normal or urgent, when the service offers
urgent) and the service's own questions (five-year residence, the bank deposit's amount …)."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout

from kiosk.domain.catalog import TBC, FieldSpec
from kiosk.domain.model import Priority
from ui.screens.apply.base import WizardScreen, button_row, primary
from ui.screens.apply.widgets import Choices, Field
from ui.widgets.common import paragraph

FIELD_KINDS = {"int": "digits", "decimal": "decimal", "text": "text", "date": "date"}


class GeneralDataScreen(WizardScreen):
    """Priority and the service's extra fields, each checked by the rules as it is answered."""

    name = "apply.general"

    def __init__(self, ctx, parent=None):
        super().__init__(ctx, parent)
        self.priority = Choices([Priority.NORMAL.value, Priority.URGENT.value])
        self.priority.sig_changed.connect(self._on_priority)
        self.urgent_hint = paragraph("hint")
        self.fields_layout = QVBoxLayout()
        self.fields_layout.setSpacing(12)
        self.inputs: dict[str, Field | Choices] = {}
        self.specs: dict[str, FieldSpec] = {}
        self.next_button = primary(self._on_next)
        self.body.addWidget(self.priority)
        self.body.addWidget(self.urgent_hint)
        self.body.addLayout(self.fields_layout)
        self.body.addWidget(self.rules_box)
        self.body.addLayout(button_row(self.next_button))
        self.body.addStretch()

    def title(self) -> str:
        if self.service is None:
            return self.tr("General data")
        return self.tr("General data: {service}").format(service=self.service.name.get(self.lang))

    def retranslate(self) -> None:
        self.priority.label.setText(self.tr("Request importance"))
        self.priority.set_texts({"normal": self.tr("Normal"), "urgent": self.tr("Urgent")})
        urgent_offered = self.priority.buttons["urgent"].isEnabled()
        self.urgent_hint.setText(
            self.tr("Urgent requests are done sooner for a higher fee.")
            if urgent_offered
            else self.tr("Urgent requests are not offered for this service.")
        )
        self.next_button.setText(self.tr("Next"))
        tbc = f" ({TBC.get(self.lang)})"
        for field_id, widget in self.inputs.items():
            spec = self.specs[field_id]
            label = spec.label.get(self.lang)
            if spec.unit:
                label += f" ({spec.unit})"
            if not spec.required:
                label += " " + self.tr("(optional)")
            if not spec.confirmed:
                label += tbc
            widget.label.setText(label)
            if isinstance(widget, Choices):
                if spec.type == "bool":
                    widget.set_texts({"yes": self.tr("Yes"), "no": self.tr("No")})
                else:
                    widget.set_texts({c.id: c.label.get(self.lang) for c in spec.choices})

    def show_step(self, params: dict) -> None:
        service = self.service
        offered = service.processing_time(Priority.URGENT) is not None
        self.priority.buttons["urgent"].setEnabled(offered)
        if not offered and self.flow.draft.priority is Priority.URGENT:
            self.flow.draft.priority = Priority.NORMAL
        self.priority.set_value(self.flow.draft.priority.value)
        self._build_fields(service.fields)
        self.show_rules([])

    def screenshot_states(self) -> list[tuple[str, dict]]:
        return [("family", {"sample": "family"}), ("bank-deposit", {"sample": "bank_deposit"})]

    # --- building -----------------------------------------------------------------------------
    def _build_fields(self, specs: tuple[FieldSpec, ...]) -> None:
        for widget in self.inputs.values():
            self.fields_layout.removeWidget(widget)
            widget.deleteLater()
        self.inputs = {}
        self.specs = {spec.id: spec for spec in specs}
        extra = self.flow.draft.extra
        for spec in specs:
            value = extra.get(spec.id, spec.default)
            if spec.type in ("bool", "choice"):
                ids = ["yes", "no"] if spec.type == "bool" else [c.id for c in spec.choices]
                widget = Choices(ids)
                if spec.type == "bool":
                    widget.set_value(None if value is None else ("yes" if value else "no"))
                else:
                    widget.set_value(value)
                widget.sig_changed.connect(lambda _v, fid=spec.id: self._on_field(fid))
            else:
                widget = Field(spec.id, FIELD_KINDS.get(spec.type, "text"))
                widget.set_value(value)
                widget.sig_edited.connect(lambda fid=spec.id: self._on_field(fid))
            self.fields_layout.addWidget(widget)
            self.inputs[spec.id] = widget

    # --- changes ------------------------------------------------------------------------------
    def _on_priority(self, value: str) -> None:
        self.flow.draft.priority = Priority(value)
        self.changed()

    def _on_field(self, field_id: str) -> None:
        spec = self.specs[field_id]
        widget = self.inputs[field_id]
        if spec.type == "bool":
            value = None if widget.value is None else widget.value == "yes"
        else:
            value = widget.value or None
        if value is None:
            self.flow.draft.extra.pop(field_id, None)
        else:
            self.flow.draft.extra[field_id] = value
        self.changed()

    def _on_next(self) -> None:
        problems = self.step_problems()
        for widget in self.inputs.values():
            widget.show_error(None)
        self.priority.show_error(None)
        placed = []
        for problem in problems:
            widget = (
                self.priority
                if problem.field == "priority"
                else self.inputs.get(problem.field.removeprefix("extra."))
            )
            if widget is not None:
                widget.show_error(problem.message.get(self.lang))
                placed.append(problem)
        self.show_rules([p for p in problems if p not in placed])
        if not problems:
            self.go_next("apply.applicant")
