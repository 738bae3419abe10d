"""Small widgets the screens share: QR codes, big touch buttons, wrapped labels, white
panels, rows rebuilt from data, and text kept left to right inside Arabic."""

from __future__ import annotations

import io

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QSizePolicy, QVBoxLayout


def qr_pixmap(text: str, size_px: int = 180) -> QPixmap:
    """A QR code of `text`, `size_px` wide, dark on white (what phone cameras read best)."""
    import segno  # only the screens that show a QR code pay for its import (~0.1 s)

    code = segno.make(text, error="m")
    buffer = io.BytesIO()
    scale = max(1, size_px // (code.symbol_size(border=2)[0]))
    code.save(buffer, kind="png", scale=scale, border=2, dark="#000000", light="#ffffff")
    pixmap = QPixmap()
    pixmap.loadFromData(buffer.getvalue(), "PNG")
    return pixmap.scaled(
        size_px,
        size_px,
        Qt.AspectRatioMode.KeepAspectRatio,
        Qt.TransformationMode.FastTransformation,
    )


def big_button(object_name: str = "tile") -> QPushButton:
    """A large touch button (at least 96 px high) that grows with the layout."""
    button = QPushButton()
    button.setObjectName(object_name)
    button.setMinimumHeight(96)
    button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
    button.setCursor(Qt.CursorShape.PointingHandCursor)
    return button


def paragraph(object_name: str = "") -> QLabel:
    """A word-wrapped label for running text."""
    label = QLabel()
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    if object_name:
        label.setObjectName(object_name)
    return label


def ltr(value: object) -> str:
    """A date, number or code that reads left to right inside Arabic too, a bidi isolate:
    "2026-11-23" must not read "23-11-2026". Nothing for None or empty text."""
    text = "" if value is None else str(value)
    return f"\u2066{text}\u2069" if text else ""


def card() -> tuple[QFrame, QVBoxLayout]:
    """A white panel and its layout."""
    frame = QFrame()
    frame.setObjectName("card")
    layout = QVBoxLayout(frame)
    layout.setContentsMargins(24, 16, 24, 16)
    layout.setSpacing(8)
    return frame, layout


def clear_layout(layout) -> None:
    """Delete every widget of a layout (rows built from the user's data)."""
    while layout.count():
        item = layout.takeAt(0)
        widget = item.widget()
        if widget is not None:
            widget.setParent(None)  # out of the screen at once (a wipe finds no trace of it)
            widget.deleteLater()
        elif item.layout() is not None:
            clear_layout(item.layout())
