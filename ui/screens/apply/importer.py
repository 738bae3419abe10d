"""A document from a file: the images and PDFs on a USB stick or a USB scanner, as a touch list.

Opened from the documents step with `{"document": id, "beneficiary": index}`. The folders are
`config.scan.import_dirs` (/media and /run/media by default, where sticks are mounted); they
are listed in a worker, a few levels deep. A tapped file is read in a worker and checked by
its first bytes (a renamed file is refused), then handed back to the documents step.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import QPushButton, QVBoxLayout

from kiosk.texts import Bilingual
from ui.screens.apply.base import WizardScreen, button_row, plain
from ui.widgets.common import big_button, paragraph

log = logging.getLogger(__name__)

SUFFIXES = {".jpg": ".jpg", ".jpeg": ".jpg", ".png": ".png", ".pdf": ".pdf"}
MAGIC = {".jpg": b"\xff\xd8\xff", ".png": b"\x89PNG\r\n\x1a\n", ".pdf": b"%PDF-"}
MAX_BYTES = 10_000_000  # the contract's limit for one attachment
MAX_DEPTH = 4
MAX_FILES = 200

NOT_READABLE = Bilingual(
    "تعذّرت قراءة هذا الملف. اختر ملفًا آخر أو صوّر المستند بالكاميرا.",
    "This file could not be read. Choose another file or photograph the document.",
)
NOT_A_DOCUMENT = Bilingual(
    "هذا الملف ليس صورة (JPEG أو PNG) ولا ملف PDF. اختر ملفًا آخر.",
    "This file is not a picture (JPEG or PNG) or a PDF. Choose another file.",
)
TOO_LARGE = Bilingual(
    "هذا الملف أكبر من 10 ميغابايت. صوّر المستند بالكاميرا بدلًا منه.",
    "This file is larger than 10 MB. Photograph the document instead.",
)


@dataclass(frozen=True)
class FoundFile:
    path: Path
    size: int
    mtime: float = 0.0

    @property
    def suffix(self) -> str:
        return SUFFIXES[self.path.suffix.lower()]


class FileImportScreen(WizardScreen):
    """The files found on removable media; a tap attaches one as the document."""

    name = "apply.import"

    def __init__(self, ctx, parent=None):
        super().__init__(ctx, parent)
        self.files: list[FoundFile] = []
        self.state = "looking"  # looking | listed | reading
        self.problem: Bilingual | None = None
        self.hint = paragraph("hint")
        self.error = paragraph("error")
        self.error.hide()
        self.list_layout = QVBoxLayout()
        self.list_layout.setSpacing(8)
        self.buttons: list[QPushButton] = []
        self.refresh_button = plain(self._look, 260)
        self.body.addWidget(self.hint)
        self.body.addWidget(self.error)
        self.body.addLayout(self.list_layout)
        self.body.addLayout(button_row(self.refresh_button))
        self.body.addStretch()

    def title(self) -> str:
        return self.tr("A document from a file")

    def retranslate(self) -> None:
        if self.state == "looking":
            hint = self.tr("Looking for files on the USB stick…")
        elif self.state == "reading":
            hint = self.tr("Reading the file…")
        elif self.files:
            hint = self.tr("Tap the file of this document (pictures and PDF files are shown).")
        else:
            hint = self.tr(
                "No pictures or PDF files were found. Plug in the USB stick, wait a moment, "
                "then press Look again."
            )
        self.hint.setText(hint)
        self.error.setText(self.problem.get(self.lang) if self.problem else "")
        self.error.setVisible(self.problem is not None)
        self.refresh_button.setText(self.tr("Look again"))
        for button, found in zip(self.buttons, self.files, strict=False):
            button.setText(
                self.tr("{name} ({size} KB)").format(
                    name=found.path.name, size=max(1, found.size // 1024)
                )
            )

    def show_step(self, params: dict) -> None:
        self._look()

    def reset(self) -> None:
        super().reset()
        self.files = []
        self.problem = None
        self._show_files()

    def screenshot_states(self) -> list[tuple[str, dict]]:
        return [("", {"sample": "family", "document": "family_book", "beneficiary": None})]

    def _look(self) -> None:
        self.state = "looking"
        self.problem = None
        self.refresh_texts()
        dirs = list(self.ctx.config.scan.import_dirs)
        self.ctx.tasks.run(find_files, dirs, on_result=self._on_found)

    def _on_found(self, files: list[FoundFile]) -> None:
        self.files = files
        self.state = "listed"
        self._show_files()

    def _show_files(self) -> None:
        for button in self.buttons:
            self.list_layout.removeWidget(button)
            button.deleteLater()
        self.buttons = []
        for found in self.files:
            button = big_button("tile")
            button.setMinimumHeight(72)
            button.clicked.connect(lambda _=False, f=found: self._on_pick(f))
            self.list_layout.addWidget(button)
            self.buttons.append(button)
        self.refresh_texts()

    def _on_pick(self, found: FoundFile) -> None:
        self.state = "reading"
        for button in self.buttons:
            button.setEnabled(False)
        self.refresh_texts()
        self.ctx.tasks.run(read_document, found, on_result=self._on_read)

    def _on_read(self, result: tuple[str, bytes] | Bilingual) -> None:
        for button in self.buttons:
            button.setEnabled(True)
        self.state = "listed"
        if isinstance(result, Bilingual):
            self.problem = result
            self.refresh_texts()
            return
        self.go_next(
            "apply.attachments",
            {
                "imported": {
                    "document": self.params.get("document"),
                    "beneficiary": self.params.get("beneficiary"),
                    "pages": [result],
                }
            },
        )


def find_files(dirs: list[str]) -> list[FoundFile]:
    """In a worker: the pictures and PDFs under `dirs` (a few levels deep), newest first."""
    found: list[FoundFile] = []
    for top in dirs:
        top_path = Path(top)
        if not top_path.is_dir():
            continue
        for root, subdirs, names in os.walk(top_path, onerror=lambda e: None):
            depth = len(Path(root).relative_to(top_path).parts)
            if depth >= MAX_DEPTH:
                subdirs[:] = []
            subdirs[:] = [d for d in subdirs if not d.startswith(".")]
            for name in names:
                path = Path(root) / name
                if name.startswith(".") or path.suffix.lower() not in SUFFIXES:
                    continue
                try:
                    stat = path.stat()
                except OSError:
                    continue
                found.append(FoundFile(path, stat.st_size, stat.st_mtime))
                if len(found) >= MAX_FILES:
                    return _newest_first(found)
    return _newest_first(found)


def read_document(found: FoundFile) -> tuple[str, bytes] | Bilingual:
    """In a worker: (suffix, bytes) of the file, or why it cannot be attached."""
    if found.size > MAX_BYTES:
        return TOO_LARGE
    try:
        with open(found.path, "rb") as f:
            data = f.read(MAX_BYTES + 1)
    except OSError as e:
        log.warning("an imported file could not be read: %s", e.strerror)
        return NOT_READABLE
    if len(data) > MAX_BYTES:
        return TOO_LARGE
    if not data.startswith(MAGIC[found.suffix]):
        return NOT_A_DOCUMENT
    return found.suffix, data


def _newest_first(found: list[FoundFile]) -> list[FoundFile]:
    return sorted(found, key=lambda f: f.mtime, reverse=True)
