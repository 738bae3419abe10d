"""The wizard's first step: may this kiosk take a request, is there one to continue, which group.

In order: the guardrails (free disk, an outbox that drains; checked in a worker) — when they
refuse, the user is told to use another kiosk and nothing else is offered; then a request of
this account in progress (in memory, or saved in the drafts store after a session ended) —
"continue" or "start a new request"; then the service categories as tiles.
"""

from __future__ import annotations

import logging

from PySide6.QtWidgets import QGridLayout, QPushButton

from kiosk.texts import Bilingual
from ui.screens.apply.autosave import saved_draft
from ui.screens.apply.base import WizardScreen, button_row, plain, primary
from ui.widgets.common import big_button, paragraph

log = logging.getLogger(__name__)

CHECK_FAILED = Bilingual(
    "لا يمكن لهذا الجهاز استقبال طلبات جديدة الآن. يرجى استخدام جهاز آخر أو مراجعة الموظف.",
    "This kiosk cannot take new requests right now. Please use another kiosk or ask staff.",
)


class ApplyStartScreen(WizardScreen):
    """Start (or continue) a request: guardrails, saved draft, then the category."""

    name = "apply"
    needs_service = False

    def __init__(self, ctx, parent=None):
        super().__init__(ctx, parent)
        self.state = "checking"  # checking | refused | resume | categories
        self.refusal: Bilingual | None = None
        self.resume_service = None  # the service of the request that can be continued
        self._saved = None  # (draft, step, pages) from the store, until the user decides
        self.hint = paragraph("hint")
        self.refused = paragraph("error")
        self.resume_text = paragraph("cardTitle")
        self.resume_button = primary(self._on_resume)
        self.new_button = plain(self._on_new)
        self.grid = QGridLayout()
        self.grid.setSpacing(20)
        self.tiles: dict[str, QPushButton] = {}
        self.body.addWidget(self.hint)
        self.body.addWidget(self.refused)
        self.body.addWidget(self.resume_text)
        self.body.addLayout(button_row(self.new_button, self.resume_button))
        self.body.addLayout(self.grid)
        self.body.addStretch()
        self._update()

    def title(self) -> str:
        return self.tr("New request")

    def retranslate(self) -> None:
        texts = {
            "checking": self.tr("Checking that this kiosk can take your request…"),
            "refused": "",
            "resume": self.tr("You have a request that is not sent yet."),
            "categories": self.tr("Choose the group of the service you want to request."),
        }
        self.hint.setText(texts[self.state])
        self.refused.setText(self.refusal.get(self.lang) if self.refusal else "")
        service = self.resume_service
        self.resume_text.setText(
            self.tr("Continue your request: {service}?").format(service=service.name.get(self.lang))
            if service
            else ""
        )
        self.resume_button.setText(self.tr("Continue my request"))
        self.new_button.setText(self.tr("Start a new request"))
        if self.catalog is not None:
            for category in self.catalog.categories:
                tile = self.tiles.get(category.id)
                if tile is not None:
                    tile.setText(category.name.get(self.lang))

    def show_step(self, params: dict) -> None:
        self._build_tiles()
        self.state = "checking"
        self._update()
        self.ctx.tasks.run(
            _guardrail, self.ctx, on_result=self._on_guardrail, on_error=self._on_check_error
        )

    def reset(self) -> None:
        super().reset()
        self.state = "checking"
        self.refusal = None
        self.resume_service = None
        self._saved = None
        self._update()

    def screenshot_states(self) -> list[tuple[str, dict]]:
        return [("", {})]

    # --- the checks, in order -----------------------------------------------------------------
    def _on_check_error(self, error: Exception) -> None:
        log.warning("the guardrail check failed: %s", type(error).__name__)
        self._refuse(CHECK_FAILED)

    def _on_guardrail(self, problem) -> None:
        if problem is not None:
            self._refuse(problem.message)
            return
        user = self.ctx.session.user
        if user is None:
            return
        if self.flow.started and self.flow.account_id == user.account_id:
            self._offer_resume(self.catalog.find(self.flow.draft.service_id))
            return
        self.keeper.load(user.account_id, self._on_saved)

    def _on_saved(self, saved) -> None:
        restored = saved_draft(saved) if saved is not None else None
        service = self.catalog.find(restored[0].service_id) if restored else None
        if service is None:
            self._show_categories()
            return
        self._saved = restored
        self._offer_resume(service)

    def _refuse(self, message: Bilingual) -> None:
        self.refusal = message
        self.state = "refused"
        self._update()

    def _offer_resume(self, service) -> None:
        if service is None:
            self._show_categories()
            return
        self.resume_service = service
        self.state = "resume"
        self._update()

    def _show_categories(self) -> None:
        self.state = "categories"
        self._update()

    # --- the user's choices -------------------------------------------------------------------
    def _on_resume(self) -> None:
        user = self.ctx.session.user
        if user is None:
            return
        if self._saved is not None:
            draft, step, pages = self._saved
            self.flow.restore(user.account_id, draft, step, pages)
            self._saved = None
        step = self.flow.step if self.flow.step not in ("apply", "apply.sent") else "apply.general"
        self.sig_go.emit(step, {})

    def _on_new(self) -> None:
        user = self.ctx.session.user
        self._saved = None
        self.resume_service = None
        self.flow.clear()
        if user is not None:
            self.keeper.forget(user.account_id)
        self._show_categories()

    def _build_tiles(self) -> None:
        if self.tiles or self.catalog is None:
            return
        for i, category in enumerate(self.catalog.categories):
            tile = big_button("tile")
            tile.clicked.connect(
                lambda _=False, cid=category.id: self.sig_go.emit(
                    "apply.service", {"category": cid}
                )
            )
            self.grid.addWidget(tile, i // 2, i % 2)
            self.tiles[category.id] = tile

    def _update(self) -> None:
        self.refused.setVisible(self.state == "refused")
        self.resume_text.setVisible(self.state == "resume")
        self.resume_button.setVisible(self.state == "resume")
        self.new_button.setVisible(self.state == "resume")
        self.hint.setVisible(self.state != "refused")
        for tile in self.tiles.values():
            tile.setVisible(self.state == "categories")
        self.refresh_texts()


def _guardrail(ctx):
    """In a worker: why this kiosk may not take a request now (kiosk.guardrails), or None."""
    from ui.services import guardrail_problem

    return guardrail_problem(ctx)
