"""Notifications: what the ministry said about the account's requests, newest first; a tap
opens the request it concerns. Opening the inbox marks them seen (the header's count goes)."""

from __future__ import annotations

from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget

from ui.screens.requests.common import RequestsBase
from ui.screens.requests.notices import notifications
from ui.screens.requests.texts import when
from ui.widgets.common import card, clear_layout, paragraph


class InboxScreen(RequestsBase):
    """The session's notifications."""

    name = "requests.inbox"

    def __init__(self, ctx, parent=None):
        super().__init__(ctx, parent)
        self.model = notifications(ctx)
        self.model.sig_changed.connect(self._on_changed)
        self.fresh = 0  # how many of the top ones were new when the inbox opened
        self.refresh_button = QPushButton()
        self.refresh_button.clicked.connect(self.model.poll)
        self.empty = paragraph("hint")
        self.rows_box = QWidget()
        self.rows = QVBoxLayout(self.rows_box)
        self.rows.setContentsMargins(0, 0, 0, 0)
        self.rows.setSpacing(12)
        self.row_buttons: list[QPushButton] = []
        for widget in (self.refresh_button, self.notice, self.failure, self.empty, self.rows_box):
            self.body.addWidget(widget)
        self.body.addStretch()

    def title(self) -> str:
        return self.tr("Notifications")

    def retranslate(self) -> None:
        self.refresh_button.setText(self.tr("Refresh"))
        self.empty.setText(self.tr("No notifications yet."))
        self._show()

    def enter(self, params: dict) -> None:
        self.clear_messages()
        if not self.signed_in():
            return
        self.fresh = self.model.unread
        self.model.mark_read()
        self.model.poll()
        self._show()

    def reset(self) -> None:
        super().reset()
        self.fresh = 0
        self._show()

    def _on_changed(self) -> None:
        if self.isVisible() and self.model.unread:
            self.fresh += self.model.unread
            self.model.mark_read()
        self._show()

    def _show(self) -> None:
        clear_layout(self.rows)
        self.row_buttons = []
        items = self.model.items if self.ctx.session.user is not None else []
        self.empty.setVisible(not items)
        for index, item in enumerate(items):
            frame, layout = card()
            heading = paragraph("cardTitle" if index < self.fresh else "fieldLabel")
            new = self.tr("New") + "  ·  " if index < self.fresh else ""
            heading.setText(new + when(item.created_at))
            text = paragraph()
            text.setText(item.message.get(self.ctx.lang))
            layout.addWidget(heading)
            layout.addWidget(text)
            if item.application_id:
                button = QPushButton(self.tr("Open the request"))
                button.clicked.connect(
                    lambda _=False, a=item.application_id: self.sig_go.emit(
                        "requests.detail", {"application_id": a}
                    )
                )
                self.row_buttons.append(button)
                layout.addWidget(button)
            self.rows.addWidget(frame)
