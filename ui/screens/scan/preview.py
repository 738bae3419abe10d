"""The live picture with a guide drawn over it: where to hold the passport or the document."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPen, QPolygonF
from PySide6.QtWidgets import QSizePolicy, QWidget

# The guide, as fractions of the frame (x, y, width, height), per mode: a band for the sticker,
# a passport data page with its MRZ band at the bottom, an A4 page lying landscape.
GUIDES = {
    "barcode": (0.2, 0.3, 0.6, 0.4),
    "mrz": (0.15, 0.12, 0.7, 0.76),
    "document": (0.12, 0.06, 0.76, 0.88),
}
FRAME_ASPECT = 16 / 9


class PreviewView(QWidget):
    """Paints the newest preview image, the mode's guide, and the found page's outline."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("scanPreview")
        self.setMinimumSize(480, 270)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.image: QImage | None = None
        self.mode = "barcode"
        self.success = False
        self.quad: np.ndarray | None = None  # 4×2, fractions of the frame

    def set_image(self, image: QImage | None) -> None:
        self.image = image
        self.update()

    def set_state(self, mode: str, success: bool = False, quad: np.ndarray | None = None) -> None:
        self.mode, self.success, self.quad = mode, success, quad
        self.update()

    def clear(self) -> None:
        self.image, self.success, self.quad = None, False, None
        self.update()

    def picture_rect(self) -> QRectF:
        """Where the frame is drawn: as large as fits, 16:9, centred."""
        w, h = self.width(), self.height()
        if w / max(h, 1) > FRAME_ASPECT:
            pw, ph = h * FRAME_ASPECT, h
        else:
            pw, ph = w, w / FRAME_ASPECT
        return QRectF((w - pw) / 2, (h - ph) / 2, pw, ph)

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        area = self.picture_rect()
        painter.fillRect(area, QColor("#1b2622"))
        if self.image is not None:
            painter.drawImage(area, self.image)
        gx, gy, gw, gh = GUIDES.get(self.mode, GUIDES["barcode"])
        guide = QRectF(
            area.x() + gx * area.width(),
            area.y() + gy * area.height(),
            gw * area.width(),
            gh * area.height(),
        )
        colour = QColor("#2fbf71") if self.success else QColor("#ffcc33")
        painter.setPen(QPen(colour, 6, Qt.PenStyle.DashLine))
        painter.drawRoundedRect(guide, 18, 18)
        if self.mode == "mrz":  # the two MRZ lines sit at the bottom of the data page
            band = QRectF(guide.x(), guide.bottom() - guide.height() * 0.2, guide.width(), 0)
            painter.setPen(QPen(colour, 3, Qt.PenStyle.DotLine))
            painter.drawLine(band.topLeft(), band.topRight())
        if self.quad is not None:
            points = [
                QPointF(area.x() + x * area.width(), area.y() + y * area.height())
                for x, y in self.quad
            ]
            painter.setPen(QPen(QColor("#2fbf71"), 4))
            painter.drawPolygon(QPolygonF(points))
        painter.end()
