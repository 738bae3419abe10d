"""What every wizard screen shares: the progress line, the signed-in check, the rules' messages.

A WizardScreen works on the kiosk's one ApplyFlow (`self.flow`). `enter()` first makes sure an
account is signed in (else: log in, then back to the start of the wizard) and that the flow is
that account's; subclasses then implement `show_step(params)`. The catalog comes from the
catalog store (opened in a worker the first time). `show_rules()` lists the problems the rules
find in this step right now, so a special rule (the wife's own account, the applicant among the
beneficiaries …) is said on the step where it applies, not only at the review.
"""

from __future__ import annotations

import datetime as dt
import logging

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton

from kiosk.domain.catalog import Catalog, Service
from kiosk.errors import Problem
from ui.screens.apply.autosave import keeper_of
from ui.screens.apply.flow import STEPS, flow_of, step_number
from ui.screens.base import Screen
from ui.screens.catalog.store import STORE_KEY, open_catalog_store
from ui.widgets.common import card, paragraph

log = logging.getLogger(__name__)


class WizardScreen(Screen):
    """A step of the request wizard; see the module docstring."""

    #: Whether this screen needs a chosen service (every step after the service's choice).
    needs_service = True

    def __init__(self, ctx, parent=None):
        super().__init__(ctx, parent)
        self.today = dt.date.today  # the submission date if the request were sent now
        self.flow = flow_of(ctx)
        self.keeper = keeper_of(ctx)
        self.catalog: Catalog | None = None
        self.params: dict = {}
        self.progress = QLabel()
        self.progress.setObjectName("hint")
        self.body.insertWidget(0, self.progress)
        self.rules_box, self.rules_layout = card()
        self.rules_box.hide()
        self.rule_labels: list[QLabel] = []
        self.shown_problems: list[Problem] = []

    # --- the screen protocol ------------------------------------------------------------------
    def enter(self, params: dict) -> None:
        self.params = dict(params)
        user = self.ctx.session.user
        if user is None:
            self.redirect("login", {"return_to": "apply", "return_params": {}})
            return
        if self.flow.account_id and self.flow.account_id != user.account_id:
            self.flow.clear()  # another account's request never shows
        store = self.ctx.services.get(STORE_KEY)
        if store is not None:
            self._on_store(store)
        else:
            self.ctx.tasks.run(open_catalog_store, self.ctx, on_result=self._on_store)

    def _on_store(self, store) -> None:
        self.catalog = store.catalog
        user = self.ctx.session.user
        if self.params.get("sample") and user is not None:
            from ui.screens.apply import samples  # the screenshots' requests

            samples.load(
                self.flow, self.params["sample"], user.account_id, self.catalog, self.today()
            )
        if self.needs_service and self.service is None:
            self.redirect("apply", {})
            return
        if self.name not in ("apply", "apply.sent"):
            self.flow.step = self.name
        self.show_step(self.params)
        self.refresh_texts()

    def show_step(self, params: dict) -> None:
        """Build the step's content from the flow (the catalog is loaded here)."""

    def refresh_texts(self) -> None:
        self.progress.setText(
            self.tr("Step {n} of {total}").format(n=step_number(self.name), total=len(STEPS))
        )
        try:
            super().refresh_texts()
            self._show_rule_texts()
        except Exception:  # called from Qt's events: an exception there would end the kiosk
            log.exception("the texts of %s could not be set", self.name)

    # --- shared helpers -----------------------------------------------------------------------
    @property
    def service(self) -> Service | None:
        if self.catalog is None:
            return None
        return self.catalog.find(self.flow.draft.service_id)

    @property
    def lang(self) -> str:
        return self.ctx.lang

    def changed(self) -> None:
        """The flow changed: save soon."""
        self.flow.changed()
        self.keeper.schedule()

    def step_problems(self) -> list[Problem]:
        if self.catalog is None:
            return []
        return self.flow.problems(self.name, self.catalog, self.today(), self.ctx.config)

    def show_rules(self, problems: list[Problem]) -> None:
        """List `problems` in the rules box (hidden when there are none)."""
        self.shown_problems = list(problems)
        while len(self.rule_labels) < len(problems):
            label = paragraph("error")
            self.rules_layout.addWidget(label)
            self.rule_labels.append(label)
        self._show_rule_texts()

    def _show_rule_texts(self) -> None:
        for i, label in enumerate(self.rule_labels):
            if i < len(self.shown_problems):
                label.setText(self.shown_problems[i].message.get(self.lang))
                label.show()
            else:
                label.clear()
                label.hide()
        self.rules_box.setVisible(bool(self.shown_problems))

    def redirect(self, name: str, params: dict) -> None:
        """Go elsewhere from `enter` (after the navigator has finished showing this screen)."""
        QTimer.singleShot(0, self, lambda: self.sig_go.emit(name, params))

    def go_next(self, name: str, params: dict | None = None) -> None:
        """Leave the step forward: save now, then go."""
        self.flow.step = name
        self.flow.changed()
        self.keeper.flush()
        self.sig_go.emit(name, params or {})

    def reset(self) -> None:
        self.shown_problems = []
        self.params = {}


def button_row(*buttons: QPushButton) -> QHBoxLayout:
    """Buttons side by side, at the end of the line (left in English, right in Arabic)."""
    row = QHBoxLayout()
    row.addStretch()
    for button in buttons:
        button.setMinimumHeight(72)
        row.addWidget(button)
    return row


def primary(slot) -> QPushButton:
    button = QPushButton()
    button.setObjectName("primary")
    button.setMinimumSize(260, 72)
    button.clicked.connect(slot)
    return button


def plain(slot, min_width: int = 200) -> QPushButton:
    button = QPushButton()
    button.setMinimumSize(min_width, 64)
    button.clicked.connect(slot)
    return button
