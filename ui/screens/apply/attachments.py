"""Step 6: the documents this request needs (the catalog's, for this case), per beneficiary
where they apply; each photographed under the document camera (the scan screen, several pages)
or taken from a file on a USB stick or scanner, with thumbnails, retake and remove.

Thumbnails are decoded and scaled in a worker (QImage is safe off the GUI thread) and kept by
page id; the screen shows a grey frame until a page's thumbnail arrives.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
)

from kiosk.domain import rules
from kiosk.domain.catalog import TBC, RequiredDocument
from ui.screens.apply.base import WizardScreen, button_row, primary
from ui.screens.apply.flow import content_type
from ui.screens.apply.widgets import THUMB_SIZE, pdf_sheet
from ui.widgets.common import paragraph


class AttachmentsScreen(WizardScreen):
    """The required documents, each with its pages; see the module docstring."""

    name = "apply.attachments"

    def __init__(self, ctx, parent=None):
        super().__init__(ctx, parent)
        self.hint = paragraph("hint")
        self.summary = paragraph("cardTitle")
        self.list_layout = QVBoxLayout()
        self.list_layout.setSpacing(12)
        self.rows: list[DocumentRow] = []
        self.headers: list[tuple[QLabel, int | None]] = []
        self.needed: list[tuple[RequiredDocument, int | None]] = []
        self.thumbs: dict[str, QPixmap] = {}
        self.next_button = primary(self._on_next)
        self.body.addWidget(self.hint)
        self.body.addWidget(self.summary)
        self.body.addLayout(self.list_layout)
        self.body.addWidget(self.rules_box)
        self.body.addLayout(button_row(self.next_button))
        self.body.addStretch()

    def title(self) -> str:
        return self.tr("Documents")

    def retranslate(self) -> None:
        self.hint.setText(
            self.tr(
                "Lay each document under the camera, or take it from a file on a USB stick. "
                "A document with several pages: photograph every page, then press Done."
            )
        )
        attached = sum(1 for d, i in self.needed if self._pages(d.id, i))
        self.summary.setText(
            self.tr("{done} of {total} documents attached").format(
                done=attached, total=len(self.needed)
            )
        )
        self.next_button.setText(self.tr("Next"))
        people = self.flow.draft.beneficiaries
        for label, index in self.headers:
            if index is None:
                label.setText(self.tr("For the whole request"))
            else:
                name = people[index].name if index < len(people) else ""
                label.setText(self.tr("Beneficiary {n}: {name}").format(n=index + 1, name=name))
        for row in self.rows:
            self._row_texts(row)

    def show_step(self, params: dict) -> None:
        scan = params.get("scan")
        if scan and scan.get("mode") == "document" and scan.get("pages") and "document" in params:
            pages = [(".jpg", page.jpeg) for page in scan["pages"]]
            self._attach(params["document"], params.get("beneficiary"), pages)
        imported = params.get("imported")
        if imported:
            self._attach(imported["document"], imported.get("beneficiary"), imported["pages"])
        self.flow.prune_attachments(self.service, self.today())
        self.needed = rules.required_documents(self.flow.draft, self.service, self.today())
        self._rebuild()
        self.show_rules([])

    def screenshot_states(self) -> list[tuple[str, dict]]:
        return [("family", {"sample": "family"})]

    def reset(self) -> None:
        super().reset()
        self.thumbs = {}
        self.needed = []
        self._clear()

    # --- the list -----------------------------------------------------------------------------
    def _pages(self, document_id: str, index: int | None) -> list[str]:
        attachment = self.flow.draft.attachment(document_id, index)
        return attachment.pages if attachment else []

    def _clear(self) -> None:
        for row in self.rows:
            self.list_layout.removeWidget(row)
            row.deleteLater()
        for label, _ in self.headers:
            self.list_layout.removeWidget(label)
            label.deleteLater()
        self.rows, self.headers = [], []

    def _rebuild(self) -> None:
        self._clear()
        group = object()
        for document, index in sorted(self.needed, key=lambda n: -1 if n[1] is None else n[1]):
            if index != group:
                group = index
                header = QLabel()
                header.setObjectName("cardTitle")
                self.list_layout.addWidget(header)
                self.headers.append((header, index))
            row = DocumentRow(document, index)
            row.photo_button.clicked.connect(lambda _=False, r=row: self._on_photograph(r))
            row.file_button.clicked.connect(lambda _=False, r=row: self._on_file(r))
            row.remove_button.clicked.connect(lambda _=False, r=row: self._on_remove(r))
            self.list_layout.addWidget(row)
            self.rows.append(row)
        self._load_thumbnails()
        self.refresh_texts()

    def _row_texts(self, row: DocumentRow) -> None:
        lang = self.lang
        name = row.document.name.get(lang)
        if row.document.when_text:
            name += f" ({row.document.when_text.get(lang)})"
        if not row.document.confirmed:
            name += f" ({TBC.get(lang)})"
        row.name.setText(name)
        pages = self._pages(row.document.id, row.index)
        row.status.setText(
            self.tr("Not attached yet")
            if not pages
            else self.tr("Attached: 1 page")
            if len(pages) == 1
            else self.tr("Attached: {n} pages").format(n=len(pages))
        )
        row.photo_button.setText(self.tr("Photograph again") if pages else self.tr("Photograph"))
        row.file_button.setText(self.tr("From a file"))
        row.remove_button.setText(self.tr("Remove"))
        row.remove_button.setVisible(bool(pages))
        row.show_pages(pages, self.thumbs)

    # --- thumbnails ---------------------------------------------------------------------------
    def _load_thumbnails(self) -> None:
        missing = {
            p: self.flow.pages[p]
            for row in self.rows
            for p in self._pages(row.document.id, row.index)
            if p not in self.thumbs and p in self.flow.pages
        }
        if missing:
            self.ctx.tasks.run(_scaled_images, missing, on_result=self._on_thumbnails)

    def _on_thumbnails(self, images: dict[str, QImage | None]) -> None:
        sheet = pdf_sheet()
        for page_id, image in images.items():
            self.thumbs[page_id] = QPixmap.fromImage(image) if image is not None else sheet
        for row in self.rows:
            row.show_pages(self._pages(row.document.id, row.index), self.thumbs)

    # --- actions ------------------------------------------------------------------------------
    def _attach(self, document_id: str, index: int | None, pages: list[tuple[str, bytes]]) -> None:
        self.flow.set_pages(document_id, index, pages)
        self.changed()
        self.keeper.flush()

    def _on_photograph(self, row: DocumentRow) -> None:
        self.sig_go.emit(
            "scan",
            {
                "mode": "document",
                "return_to": self.name,
                "return_params": {"document": row.document.id, "beneficiary": row.index},
            },
        )

    def _on_file(self, row: DocumentRow) -> None:
        self.sig_go.emit("apply.import", {"document": row.document.id, "beneficiary": row.index})

    def _on_remove(self, row: DocumentRow) -> None:
        self.flow.remove_document(row.document.id, row.index)
        self.changed()
        self.keeper.flush()
        self.refresh_texts()

    def _on_next(self) -> None:
        problems = self.step_problems()
        self.show_rules(problems)
        if not problems:
            self.go_next("apply.review")


class DocumentRow(QFrame):
    """One required document: its name, whether it is attached, its pages, the actions."""

    def __init__(self, document: RequiredDocument, index: int | None):
        super().__init__()
        self.setObjectName("card")
        self.document = document
        self.index = index
        self.name = paragraph("fieldLabel")
        self.status = paragraph("hint")
        self.thumbs_row = QHBoxLayout()
        self.thumbs_row.setSpacing(8)
        self.thumbs_row.addStretch()
        self.thumb_labels: list[QLabel] = []
        self.photo_button = QPushButton()
        self.file_button = QPushButton()
        self.remove_button = QPushButton()
        for button in (self.photo_button, self.file_button, self.remove_button):
            button.setMinimumSize(170, 64)
            button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.photo_button.setObjectName("primary")
        text = QVBoxLayout()
        text.addWidget(self.name)
        text.addWidget(self.status)
        text.addLayout(self.thumbs_row)
        row = QHBoxLayout(self)
        row.setContentsMargins(24, 12, 24, 12)
        row.addLayout(text, 1)
        row.addWidget(self.remove_button)
        row.addWidget(self.file_button)
        row.addWidget(self.photo_button)

    def show_pages(self, page_ids: list[str], thumbs: dict[str, QPixmap]) -> None:
        while len(self.thumb_labels) > len(page_ids):
            label = self.thumb_labels.pop()
            self.thumbs_row.removeWidget(label)
            label.deleteLater()
        while len(self.thumb_labels) < len(page_ids):
            label = QLabel()
            label.setObjectName("pageThumbnail")
            label.setFixedSize(THUMB_SIZE, THUMB_SIZE)
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self.thumbs_row.insertWidget(len(self.thumb_labels), label)
            self.thumb_labels.append(label)
        for label, page_id in zip(self.thumb_labels, page_ids, strict=True):
            pixmap = thumbs.get(page_id)
            if pixmap is not None:
                label.setPixmap(pixmap)
            else:
                label.clear()


def _scaled_images(pages: dict[str, bytes]) -> dict[str, QImage | None]:
    """In a worker: each image page scaled to a thumbnail; None for a PDF or an unreadable one."""
    out: dict[str, QImage | None] = {}
    for page_id, data in pages.items():
        image = QImage()
        if content_type(page_id) != "application/pdf" and image.loadFromData(QByteArray(data)):
            out[page_id] = image.scaled(
                THUMB_SIZE,
                THUMB_SIZE,
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
        else:
            out[page_id] = None
    return out
