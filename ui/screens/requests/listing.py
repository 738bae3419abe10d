"""My requests: the account's requests with their status, newest first, and those this kiosk
has saved but not delivered yet (under their KSK-… reference, with the reason if one needs
attention). Offline, the saved ones are still listed, with a clear message."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from ui.screens.requests import model
from ui.screens.requests.common import RequestsBase
from ui.screens.requests.texts import when
from ui.widgets.common import big_button, card, clear_layout, paragraph


class RequestsScreen(RequestsBase):
    """The signed-in account's requests; one tap opens a request."""

    name = "requests"

    def __init__(self, ctx, parent=None):
        super().__init__(ctx, parent)
        self.overview: model.Overview | None = None
        self.loading = paragraph("hint")
        self.refresh_button = QPushButton()
        self.refresh_button.clicked.connect(self.load)
        self.inbox_button = QPushButton()
        self.inbox_button.clicked.connect(lambda: self.sig_go.emit("requests.inbox", {}))
        actions = QHBoxLayout()
        actions.addWidget(self.loading, 1)
        actions.addWidget(self.inbox_button)
        actions.addWidget(self.refresh_button)
        self.empty = paragraph("hint")
        self.empty.hide()
        self.local_title = paragraph("cardTitle")
        self.local_title.hide()
        self.local_rows = QVBoxLayout()
        self.rows_box = QWidget()
        self.rows = QVBoxLayout(self.rows_box)
        self.rows.setContentsMargins(0, 0, 0, 0)
        self.rows.setSpacing(12)
        self.row_buttons: dict[str, QPushButton] = {}
        self.body.addLayout(actions)
        for widget in (self.notice, self.failure, self.empty, self.local_title):
            self.body.addWidget(widget)
        self.body.addLayout(self.local_rows)
        self.body.addWidget(self.rows_box)
        self.body.addStretch()

    def title(self) -> str:
        return self.tr("My requests")

    def retranslate(self) -> None:
        self.refresh_button.setText(self.tr("Refresh"))
        self.inbox_button.setText(self.tr("Notifications"))
        self.empty.setText(self.tr("You have no requests yet."))
        self.local_title.setText(self.tr("Saved on this kiosk, not yet with the ministry"))
        if self.overview is not None:
            self._show(self.overview)

    def enter(self, params: dict) -> None:
        self.clear_messages()
        if self.signed_in():
            self.load()

    def reset(self) -> None:
        super().reset()
        self.overview = None
        self._clear()
        self.loading.clear()

    def screenshot_states(self) -> list[tuple[str, dict]]:
        return [("", {})]

    def load(self) -> None:
        account_id = self.account_id()
        if account_id is None:
            return
        self.loading.setText(self.tr("Loading your requests…"))
        self.work(
            model.load_overview,
            self.ctx,
            account_id,
            on_result=self._on_loaded,
            button=self.refresh_button,
        )

    def _on_loaded(self, overview: model.Overview) -> None:
        self.loading.clear()
        if self.session_over(overview.outcome):
            return
        self.clear_messages()
        self.overview = overview
        self._show(overview)

    # ---- showing -------------------------------------------------------------------------

    def _clear(self) -> None:
        clear_layout(self.rows)
        clear_layout(self.local_rows)
        self.row_buttons = {}
        self.empty.hide()
        self.local_title.hide()

    def _show(self, overview: model.Overview) -> None:
        self._clear()
        lang = self.ctx.lang
        problems = []
        if not overview.outcome.ok:
            problems.append(overview.outcome.message.get(lang))
            problems.append(self.tr("The requests saved on this kiosk are shown below."))
        if overview.local_problem is not None:
            problems.append(overview.local_problem.get(lang))
        if problems:
            self.show_error("\n".join(problems))
        local = overview.local_applications()
        self.local_title.setVisible(bool(local))
        for item in local:
            self.local_rows.addWidget(self._local_card(item, overview.services))
        for application in overview.applications:
            button = big_button("tile")
            button.setObjectName("requestRow")
            button.setText(self._row_text(application, overview.services))
            button.clicked.connect(
                lambda _=False, a=application.application_id: self.sig_go.emit(
                    "requests.detail", {"application_id": a}
                )
            )
            self.row_buttons[application.application_id] = button
            self.rows.addWidget(button)
        self.empty.setVisible(overview.outcome.ok and not local and not overview.applications)

    def _row_text(self, application, services) -> str:
        name = services.get(application.service_id)
        status = self.texts.status(model.shown_status(application))
        first = application.history[0].at if application.history else ""
        return "\n".join(
            [
                name.get(self.ctx.lang) if name else application.service_id,
                f"{application.application_id}  ·  {status}  ·  {when(first, with_time=False)}",
            ]
        )

    def _local_card(self, item, services) -> QWidget:
        frame, layout = card()
        name = services.get(item.service_id)
        heading = paragraph("cardTitle")
        heading.setText(
            f"{item.reference}  ·  "
            f"{name.get(self.ctx.lang) if name else self.texts.local_kind(item.kind)}"
        )
        state = paragraph("error" if item.state == "needs_attention" else "hint")
        lines = [
            self.texts.local_state(item.state),
            self.tr("Saved at {time}").format(time=when(item.sealed_at)),
        ]
        if item.problem is not None:
            lines.insert(1, item.problem.message.get(self.ctx.lang))
            lines.append(self.tr("Please ask a member of staff, or send the request again."))
        state.setText("\n".join(lines))
        layout.addWidget(heading)
        layout.addWidget(state)
        return frame
