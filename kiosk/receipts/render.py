"""Lay out a document's blocks for a language and a paper, and draw the PDF with reportlab.

Layout is in two steps: every block becomes a list of pieces of known height (a wrapped line, a
barcode, a row of a table), then the pieces are stacked. On the 80 mm roll the page is exactly as
tall as its content; on A4 the pieces flow onto as many pages as needed. Arabic lines are wrapped
in logical order, then each line is shaped and reordered (kiosk.receipts.arabic), right-aligned.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass

import segno
from reportlab.graphics.barcode import code128
from reportlab.lib.colors import Color, black
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas

from kiosk.receipts import fonts
from kiosk.receipts.arabic import mark_rises, shaped, visual
from kiosk.receipts.blocks import (
    BigNumber,
    Block,
    Bullets,
    Codes,
    Field,
    Heading,
    Paragraph,
    Rule,
    Text,
)
from kiosk.texts import Bilingual, to_western_digits

GREY = Color(0.33, 0.33, 0.33)
LANGS = ("ar", "en", "both")


@dataclass(frozen=True)
class Paper:
    """A page format: width, margins, the body text size and the codes' sizes."""

    name: str
    width: float
    height: float | None  # None: a roll, as tall as the content
    margin_x: float
    margin_y: float
    size: float
    label_share: float  # the label column's share of the width in a one-language field
    bar_height: float
    qr_size: float
    wide: bool  # room for two columns: "both" languages side by side, the codes side by side


ROLL = Paper("roll", 80 * mm, None, 4 * mm, 5 * mm, 8.5, 0.40, 12 * mm, 28 * mm, wide=False)
A4 = Paper("a4", 210 * mm, 297 * mm, 20 * mm, 15 * mm, 10.5, 0.36, 15 * mm, 34 * mm, wide=True)
COLUMN_GAP = 8 * mm
PAPERS = {p.name: p for p in (ROLL, A4)}

# A piece of the laid-out document: its height and how to draw it at (left, top, width).
Draw = Callable[[Canvas, float, float, float], None]


@dataclass(frozen=True)
class Piece:
    height: float
    draw: Draw


def render(blocks: list[Block], lang: str, paper: Paper, title: str) -> bytes:
    """The PDF of the blocks, in one language or both, on the given paper."""
    fonts.register()
    layout = _Layout(paper, lang)
    pieces = [piece for block in blocks for piece in layout.block(block)]
    content_width = paper.width - 2 * paper.margin_x
    buffer = io.BytesIO()
    if paper.height is None:
        height = sum(p.height for p in pieces) + 2 * paper.margin_y
        pages = [pieces]
    else:
        height = paper.height
        pages = _paginate(pieces, paper.height - 2 * paper.margin_y)
    # invariant: no creation date or random id, so the same data gives the same bytes.
    canvas = Canvas(buffer, pagesize=(paper.width, height), invariant=1, pageCompression=1)
    canvas.setTitle(title)
    canvas.setAuthor("Ministry of Interior e-services kiosk")
    for page in pages:
        top = height - paper.margin_y
        for piece in page:
            piece.draw(canvas, paper.margin_x, top, content_width)
            top -= piece.height
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def _paginate(pieces: list[Piece], usable: float) -> list[list[Piece]]:
    pages: list[list[Piece]] = [[]]
    room = usable
    for piece in pieces:
        if piece.height > room and pages[-1]:
            pages.append([])
            room = usable
        pages[-1].append(piece)
        room -= piece.height
    return pages


class _Layout:
    """Turns blocks into pieces for one paper and language mode."""

    def __init__(self, paper: Paper, lang: str, width: float | None = None):
        self.paper = paper
        self.lang = lang
        self.langs = ("ar", "en") if lang == "both" else (lang,)
        self.size = paper.size
        self.width = width or paper.width - 2 * paper.margin_x

    def block(self, block: Block) -> list[Piece]:
        if (
            self.lang == "both"
            and self.paper.wide
            and isinstance(block, Field | Paragraph | Bullets | Heading)
        ):
            return [self._columns(block)]
        match block:
            case Heading():
                return self._heading(block)
            case Field():
                return self._field(block)
            case Paragraph():
                return self._paragraph(block.text, self.size * block.size)
            case Bullets():
                return self._bullets(block)
            case BigNumber():
                return self._big_number(block)
            case Codes():
                return self._codes(block)
            case Rule():
                return [self._rule()]
        raise TypeError(f"not a document block: {block!r}")

    # ---- blocks -------------------------------------------------------------------------

    def _heading(self, block: Heading) -> list[Piece]:
        size = self.size * block.size
        pieces = []
        for text, lang in self._versions(block.text):
            for line in wrap(text, self.width, size, bold=True):
                pieces.append(_line(line, size, bold=True, align="center", rtl=lang == "ar"))
        return pieces + [_space(self.size * 0.4)]

    def _field(self, block: Field) -> list[Piece]:
        if self.lang == "both":
            return self._field_both(block)
        lang = self.lang
        rtl = lang == "ar"
        gap = 2 * mm
        label_w = self.width * self.paper.label_share
        value_w = self.width - label_w - gap
        label = wrap(block.label.get(lang), label_w, self.size * 0.9)  # the label's size
        value = wrap(_pick(block.value, lang), value_w, self.size, bold=block.strong)
        # A code or number reads left to right even on an Arabic page; a name finds its own way.
        value_rtl = rtl if isinstance(block.value, Bilingual) else None
        lead = _leading(self.size)
        height = max(len(label), len(value)) * lead + self.size * 0.35

        align = "right" if rtl else "left"
        label_size = self.size * 0.9

        def draw(c: Canvas, left: float, top: float, width: float) -> None:
            # Arabic reads from the right: the label column sits at the right edge.
            label_left = left + width - label_w if rtl else left
            value_left = left if rtl else left + label_w + gap
            for i, text in enumerate(label):
                y = top - i * lead
                _text(c, text, label_left, label_w, y, label_size, align=align, rtl=rtl, color=GREY)
            for i, text in enumerate(value):
                y = top - i * lead
                _text(c, text, value_left, value_w, y, self.size, bold=block.strong, align=align,
                      rtl=value_rtl)  # fmt: skip

        return [Piece(height, draw)]

    def _field_both(self, block: Field) -> list[Piece]:
        size = self.size * 0.9
        ar, en = block.label.ar, block.label.en
        pieces: list[Piece] = []
        if fonts.width(shaped(ar), size) + fonts.width(en, size) + 4 * mm <= self.width:
            pieces.append(_label_pair(ar, en, size))
        else:
            pieces += [
                _line(ar, size, align="right", rtl=True, color=GREY),
                _line(en, size, align="left", color=GREY),
            ]
        # Values sit centred under the pair of labels: Arabic first, then English.
        for text, lang in self._versions(block.value):
            rtl = lang == "ar" if isinstance(block.value, Bilingual) else None
            for line in wrap(text, self.width, self.size, bold=block.strong):
                pieces.append(_line(line, self.size, bold=block.strong, align="center", rtl=rtl))
        return pieces + [_space(self.size * 0.35)]

    def _paragraph(self, text: Text, size: float) -> list[Piece]:
        pieces = []
        for version, lang in self._versions(text):
            rtl = lang == "ar"
            for line in wrap(version, self.width, size):
                pieces.append(_line(line, size, align="right" if rtl else "left", rtl=rtl))
            pieces.append(_space(size * 0.3))
        return pieces

    def _bullets(self, block: Bullets) -> list[Piece]:
        size = self.size * 0.9
        pieces = []
        for lang in self.langs:
            rtl = lang == "ar"
            align = "right" if rtl else "left"
            pieces.append(_line(block.title.get(lang), self.size, bold=True, align=align, rtl=rtl))
            indent = 3.5 * mm
            for item in block.items:
                lines = wrap(_pick(item, lang), self.width - indent, size)
                for i, line in enumerate(lines):
                    pieces.append(_indented(line, size, indent, bullet=i == 0, rtl=rtl))
            pieces.append(_space(size * 0.4))
        return pieces

    def _big_number(self, block: BigNumber) -> list[Piece]:
        pieces = self._heading(Heading(block.label, size=1.0))
        size = self.size * 2.2
        while size > self.size and fonts.width(block.text, size, bold=True) > self.width:
            size -= 0.5
        return pieces + [_line(block.text, size, bold=True, align="center"), _space(self.size)]

    def _columns(self, block: Block) -> Piece:
        """English in the left column, Arabic in the right one (A4, both languages), as on the
        ministry's bilingual letterheads."""
        half = (self.width - COLUMN_GAP) / 2
        english = _Layout(self.paper, "en", half).block(block)
        arabic = _Layout(self.paper, "ar", half).block(block)
        return _side_by_side(english, arabic, half, COLUMN_GAP)

    def _codes(self, block: Codes) -> list[Piece]:
        parts = []
        if block.barcode:
            parts.append(self._barcode(block.barcode))
        if block.qr:
            parts.append(self._qr(block.qr))
        if self.paper.wide and len(parts) == 2:
            half = (self.width - COLUMN_GAP) / 2
            return [_side_by_side(*parts, half, COLUMN_GAP, middle=True)]
        return [piece for part in parts for piece in part]

    def _barcode(self, value: str) -> list[Piece]:
        # The narrowest bar a 203 dpi thermal head prints cleanly is 2 dots (0.25 mm).
        bar_width = 0.33 * mm
        barcode = code128.Code128(
            value, barWidth=bar_width, barHeight=self.paper.bar_height, humanReadable=False
        )
        if barcode.width > self.width:
            bar_width *= self.width / barcode.width
            barcode = code128.Code128(
                value, barWidth=bar_width, barHeight=self.paper.bar_height, humanReadable=False
            )

        def draw(c: Canvas, left: float, top: float, width: float) -> None:
            barcode.drawOn(c, left + (width - barcode.width) / 2, top - barcode.height)

        text_size = self.size * 0.9
        return [
            Piece(barcode.height + 1 * mm, draw),
            _line(value, text_size, align="center"),
            _space(self.size * 0.5),
        ]

    def _qr(self, value: str) -> list[Piece]:
        side = min(self.paper.qr_size, self.width)

        def draw(c: Canvas, left: float, top: float, width: float) -> None:
            draw_qr(c, value, left + (width - side) / 2, top - side, side)

        return [Piece(side + self.size * 0.5, draw)]

    def _rule(self) -> Piece:
        gap = self.size * 0.6

        def draw(c: Canvas, left: float, top: float, width: float) -> None:
            c.setStrokeColor(GREY)
            c.setLineWidth(0.5)
            c.line(left, top - gap, left + width, top - gap)

        return Piece(2 * gap, draw)

    def _versions(self, text: Text) -> list[tuple[str, str]]:
        """The text in each language printed (once only when it is the same in both)."""
        if not isinstance(text, Bilingual):
            return [(text, self.langs[0])]
        if text.ar == text.en:
            return [(text.ar, self.langs[0])]
        return [(text.get(lang), lang) for lang in self.langs]


# ---- text lines ------------------------------------------------------------------------------


def wrap(text: str, width: float, size: float, bold: bool = False) -> list[str]:
    """The text cut into lines (logical order) that fit the width; over-long words are split
    and a newline always starts a new line."""
    text = to_western_digits(text)
    if "\n" in text:
        return [line for part in text.split("\n") for line in wrap(part, width, size, bold)]
    lines: list[str] = []
    current = ""
    for word in text.split():
        candidate = f"{current} {word}" if current else word
        if fonts.width(shaped(candidate), size, bold) <= width:
            current = candidate
            continue
        if current:
            lines.append(current)
        current = ""
        while fonts.width(shaped(word), size, bold) > width:
            # A word wider than the line (an e-mail, a long number): cut it where it overflows.
            cut = max(1, _fitting_prefix(word, width, size, bold))
            lines.append(word[:cut])
            word = word[cut:]
        current = word
    if current or not lines:
        lines.append(current)
    return lines


def _fitting_prefix(word: str, width: float, size: float, bold: bool) -> int:
    for end in range(len(word), 0, -1):
        if fonts.width(shaped(word[:end]), size, bold) <= width:
            return end
    return 0


def _leading(size: float) -> float:
    # Naskh needs room above and below the line for harakat and descending letters.
    return size * 1.55


def draw_qr(c: Canvas, value: str, x: float, y: float, side: float) -> None:
    """A QR code (error correction M) filling a square of `side` points whose lower left corner
    is (x, y), its 4-module quiet zone included.

    segno encodes ~8x faster than reportlab's QR widget. The dark modules are written as one
    path in module units (each row's dark runs one rectangle): formatting thousands of
    rectangles one by one through reportlab costs more than the rest of the document.
    """
    rows = [list(row) for row in segno.make_qr(value, error="m", boost_error=False).matrix_iter(4)]
    count = len(rows)
    ops = []
    for r, row in enumerate(rows):
        start = None
        for col, dark in enumerate([*row, False]):
            if dark and start is None:
                start = col
            elif not dark and start is not None:
                ops.append(f"{start} {count - 1 - r} {col - start} 1 re")
                start = None
    module = side / count
    c.saveState()
    c.setFillColor(black)
    c.transform(module, 0, 0, module, x, y)
    c.addLiteral("\n".join(ops) + "\nf")
    c.restoreState()


def _side_by_side(
    left: list[Piece], right: list[Piece], column: float, gap: float, middle: bool = False
) -> Piece:
    """Two stacks of pieces drawn in two columns, top-aligned (or centred vertically)."""
    heights = sum(p.height for p in left), sum(p.height for p in right)
    height = max(heights)

    def draw(c: Canvas, x: float, top: float, width: float) -> None:
        for pieces, column_x, own in ((left, x, heights[0]), (right, x + column + gap, heights[1])):
            y = top - (height - own) / 2 if middle else top
            for piece in pieces:
                piece.draw(c, column_x, y, column)
                y -= piece.height

    return Piece(height, draw)


def _line(
    text: str,
    size: float,
    bold: bool = False,
    align: str = "left",
    rtl: bool | None = False,
    color: Color = black,
) -> Piece:
    def draw(c: Canvas, left: float, top: float, width: float) -> None:
        _text(c, text, left, width, top, size, bold=bold, align=align, rtl=rtl, color=color)

    return Piece(_leading(size), draw)


def _label_pair(ar: str, en: str, size: float) -> Piece:
    def draw(c: Canvas, left: float, top: float, width: float) -> None:
        _text(c, ar, left, width, top, size, align="right", rtl=True, color=GREY)
        _text(c, en, left, width, top, size, align="left", color=GREY)

    return Piece(_leading(size), draw)


def _indented(text: str, size: float, indent: float, bullet: bool, rtl: bool) -> Piece:
    def draw(c: Canvas, left: float, top: float, width: float) -> None:
        inner_left = left if rtl else left + indent
        align = "right" if rtl else "left"
        _text(c, text, inner_left, width - indent, top, size, align=align, rtl=rtl)
        if bullet:
            dot_x = left + width - indent / 2 if rtl else left + indent / 2
            c.setFillColor(black)
            c.circle(dot_x, top - size * 0.75, size * 0.16, stroke=0, fill=1)

    return Piece(_leading(size), draw)


def _space(height: float) -> Piece:
    return Piece(height, lambda c, left, top, width: None)


def _text(
    c: Canvas,
    text: str,
    left: float,
    width: float,
    top: float,
    size: float,
    *,
    bold: bool = False,
    align: str = "left",
    rtl: bool | None = False,
    color: Color = black,
) -> None:
    """Draw one line (logical order) inside [left, left + width], its top at `top`."""
    line = visual(to_western_digits(text), rtl)
    line_width = fonts.width(line, size, bold)
    if align == "right":
        x = left + width - line_width
    elif align == "center":
        x = left + (width - line_width) / 2
    else:
        x = left
    baseline = top - size * 1.12
    c.setFillColor(color)
    for run in fonts.runs(line, bold):
        run_size = fonts.run_size(run, size)
        c.setFont(run.font, run_size)
        for piece, rise in mark_rises(run.text):
            c.drawString(x, baseline + rise * run_size, piece)
            x += pdfmetrics.stringWidth(piece, run.font, run_size)


def _pick(text: Text, lang: str) -> str:
    return text.get(lang) if isinstance(text, Bilingual) else text
