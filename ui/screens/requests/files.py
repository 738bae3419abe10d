"""A document from a USB stick or a USB scanner, for "add details": a touch list of the PDF and
image files where they mount (config scan.import_dirs), one tap to take one.

Opened with {"return_to": screen, "return_params": {...}}; goes there with "file":
{"name", "content_type", "data"} added. Finding and reading the files is the wizard's
(ui/screens/apply/importer.py: in workers, a file checked by its first bytes, at most 10 MB).
"""

from __future__ import annotations

from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget

from kiosk.texts import Bilingual
from ui.screens.apply.flow import CONTENT_TYPES
from ui.screens.apply.importer import FoundFile, find_files, read_document
from ui.screens.requests.common import RequestsBase
from ui.widgets.common import big_button, clear_layout, paragraph


class FilesScreen(RequestsBase):
    """The files on the USB sticks plugged in; see the module docstring."""

    name = "requests.files"

    def __init__(self, ctx, parent=None):
        super().__init__(ctx, parent)
        self.params: dict = {}
        self.hint = paragraph("hint")
        self.look_button = QPushButton()
        self.look_button.clicked.connect(self.look)
        self.rows_box = QWidget()
        self.rows = QVBoxLayout(self.rows_box)
        self.rows.setContentsMargins(0, 0, 0, 0)
        self.file_buttons: dict[str, QPushButton] = {}
        self.found: list[FoundFile] | None = None
        for widget in (self.hint, self.look_button, self.failure, self.rows_box):
            self.body.addWidget(widget)
        self.body.addStretch()

    def title(self) -> str:
        return self.tr("A file from a USB stick")

    def retranslate(self) -> None:
        self.look_button.setText(self.tr("Look again"))
        if self.found is None:
            self.hint.setText(self.tr("Looking for files…"))
        elif not self.found:
            self.hint.setText(
                self.tr("No PDF or picture found. Plug in the USB stick, then press Look again.")
            )
        else:
            self.hint.setText(self.tr("Choose the file to add."))

    def enter(self, params: dict) -> None:
        self.clear_messages()
        self.params = dict(params)
        if self.signed_in():
            self.look()

    def reset(self) -> None:
        super().reset()
        self.params = {}
        self.found = None
        clear_layout(self.rows)
        self.file_buttons = {}

    def roots(self) -> tuple[str, ...]:
        return tuple(self.ctx.config.scan.import_dirs)

    def look(self) -> None:
        self.found = None
        self.refresh_texts()
        self.work(find_files, self.roots(), on_result=self._on_found, button=self.look_button)

    def _on_found(self, found: list[FoundFile]) -> None:
        self.found = found
        clear_layout(self.rows)
        self.file_buttons = {}
        for item in found:
            button = big_button("tile")
            button.setText(f"{item.path.name}  ·  {max(1, item.size // 1024)} KB")
            button.clicked.connect(lambda _=False, f=item: self._on_choose(f))
            self.file_buttons[item.path.name] = button
            self.rows.addWidget(button)
        self.refresh_texts()

    def _on_choose(self, found: FoundFile) -> None:
        self.clear_messages()
        self.work(read_document, found, on_result=lambda result: self._on_read(found, result))

    def _on_read(self, found: FoundFile, result) -> None:
        if isinstance(result, Bilingual):
            self.show_error(result.get(self.ctx.lang))
            return
        suffix, data = result
        file = {"name": found.path.name, "content_type": CONTENT_TYPES[suffix], "data": data}
        target = self.params.get("return_to")
        if target:
            self.sig_go.emit(target, {**self.params.get("return_params", {}), "file": file})
        else:
            self.sig_back.emit()
